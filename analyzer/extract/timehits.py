"""Candidate hits of the time grammar: each pattern match of ``extract.patterns`` turned into a span.

A handler reads the groups of one match, validates its numbers (months 1–12, days 1–31, weeks up
to 30) and gives a :class:`Hit` holding a :class:`~analyzer.models.TimeSpan`, a bare time word
(a teaching week or term part whose months are unknown) or nothing. ``timeexpr`` runs the patterns
and resolves overlapping hits; the decisions are listed in its docstring.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate, pairwise
from typing import Literal, NamedTuple

from analyzer.extract import patterns as P
from analyzer.extract.numerals import cn_to_int
from analyzer.models import TimeSpan

Semester = Literal["spring", "autumn"]

_YEAR_OFFSETS = {"次年": 1, "明年": 1, "来年": 1, "翌年": 1, "下一年": 1, "去年": -1, "上年": -1, "前年": -2}
# Written forms of "before" → the qualifier's short form.
BEFORE_FORMS = {"以前": "前", "之前": "前", "前": "前", "前后": "前后"}
_SEASONS = {"春": (3, 5), "夏": (6, 8), "秋": (9, 11), "冬": (12, 2)}
_VACATIONS = {"寒假": (1, 2), "暑假": (7, 8), "暑期": (7, 8)}
_SEMESTER_MONTHS = {
    "spring": {"start": (2, 3), "mid": (4, 5), "end": (6, 7)},
    "autumn": {"start": (9, 9), "mid": (11, 11), "end": (1, 1)},
}
MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # a non-leap year
_MONTH_FIRST_DAY = (0, *accumulate(MONTH_DAYS))  # day-of-year (0-based) of each month's day 1
MAX_WEEK = 30
_HOLIDAY_MONTHS = {name: (first, last, day) for name, _pattern, first, last, day in P.HOLIDAYS}
_SHORT_NAME_START = frozenset("三五六七八十0123456789")


class TermStart(NamedTuple):
    """The day teaching week 1 starts (``month``, ``day``), ``lead`` days after that week's Monday;
    the later weeks start on Mondays. A bare month stands for ``TermStart(month)``: day 1, lead 0."""

    month: int
    day: int = 1
    lead: int = 0


class Hit(NamedTuple):
    """A candidate match: a span, a bare time word (第三周, 学期末: no months known) or a blocker."""

    start: int
    end: int
    span: TimeSpan | None
    label: str = "span"  # span | bare (a time word whose months are unknown) | blocker


@cache
def _number(value: str) -> int | None:
    """A numeral's value (a table filled as numerals are met: the grammar captures 1–3 characters)."""
    return cn_to_int(value)


def _month(value: str | None) -> int | None:
    n = _number(value) if value else None
    return n if n is not None and 1 <= n <= 12 else None


def _day(value: str | None) -> int | None:
    n = _number(value) if value else None
    return n if n is not None and 1 <= n <= 31 else None


def _qualifier(part: str | None, before: str | None) -> str | None:
    if before:
        return (part or "") + BEFORE_FORMS[before]
    return part or None


def _span(text: str, start: int, end: int, first: int, last: int, kind: str, qualifier: str | None = None,
          day: int | None = None, year_offset: int = 0) -> Hit:
    # positional: TimeSpan(text, month_start, month_end, qualifier, day, year_offset, start, end, kind)
    return Hit(start, end, TimeSpan(text[start:end], first, last, qualifier, day, year_offset, start, end, kind))


def month_hit(m: re.Match[str], text: str) -> Hit | None:
    """A month, list, range or date from ``MONTH_EXPR``."""
    yw, m1, lst, mr, d1, d1b, p1, m2, d3, part, before = m.group(*_MONTH_GROUPS)
    start = m.start() if yw else m.start("m1")
    if start >= 2 and P.LUNAR_BEFORE.search(text, start - 2, start):
        return None
    if not (lst or mr or d1 or m1.isdigit()) and P.LUNAR_DAY.match(text, m.end("m1") + 1):
        return None  # 八月十五, 五月初五: a lunar date, not the Gregorian month
    first, last, day = (1 if m1 == "元" else _month(m1)), None, None
    qualifier = _qualifier(part if (m2 or d3) else p1 or part, before)
    offset = _YEAR_OFFSETS.get(yw, 0) if yw else 0
    if lst:
        listed = P.MONTH_LIST_SEP.split(lst)[1:]
        values = [first, *(_month(v) for v in listed)]
        ok = all(values) and all(a < b for a, b in pairwise(values))  # type: ignore[operator]
        if ok and "、" not in lst and any(v.isdigit() != m1.isdigit() for v in listed):
            ok = False  # 初九，10月18日: a comma between numerals of two scripts lists nothing
        at_line_start = not text[text.rfind("\n", 0, start) + 1 : start].strip()
        # 1、3月 at a line start is item 1 and March; a comma (7，8月) never follows an item number.
        numbered = ok and at_line_start and "、" in lst and (m1.isdigit() or values[1] != values[0] + 1)  # type: ignore[operator]
        if ok and not numbered:
            first, last = values[0], values[-1]
        else:  # 1、3月: the first number is item numbering; read the time again after it
            cut = max(lst.rfind(sep) for sep in "、,，")
            again = P.MONTH_EXPR.match(text, m.start("lst") + cut + 1)
            return month_hit(again, text) if again and not again.group("lst") else None
    elif mr:
        last = _month(mr)
    else:
        if d1:
            day = _day(d1)
            if day is None or (d1b and _day(d1b) is None):
                return None
        if m2:
            last = _month(m2)
            if last is None:
                return None
        elif d3 and _day(d3) is None:
            return None
    if first is None:
        return None
    if last is None:
        last = first
    return _span(text, start, m.end(), first, last, "date" if day else "month", qualifier, day, offset)


_MONTH_GROUPS = ("yw", "m1", "lst", "mr", "d1", "d1b", "p1", "m2", "d3", "part", "before")


def numeric_date_hit(m: re.Match[str], text: str) -> Hit | None:
    month, day = _month(m.group("m")), _day(m.group("d"))
    if month is None or day is None:
        return None
    last = _month(m.group("m2")) if m.group("m2") else month
    if last is None or (m.group("d2") and _day(m.group("d2")) is None):
        return None
    return _span(text, m.start(), m.end(), month, last, "date", day=day,
                 qualifier=_qualifier(None, m.group("before")))


def compact_date(text: str, md: str, start: int, end: int) -> TimeSpan | None:
    """A date whose separators were lost (2026327 → March 27): the month and day digits ``md``
    (MMDD, or three digits read as M+DD or MM+D) must give a valid month and day one way only
    (2026111 could be January 11 or November 1: no date).

    >>> compact_date("2026327", "327", 0, 7).day, compact_date("2026111", "111", 0, 7)
    (27, None)
    """
    cuts = (2,) if len(md) == 4 else (1, 2)
    valid = {(int(md[:k]), int(md[k:])) for k in cuts}
    valid = {(m, d) for m, d in valid if 1 <= m <= 12 and 1 <= d <= 31}
    if len(valid) != 1:
        return None
    ((month, day),) = valid
    return TimeSpan(text[start:end], month, month, None, day, 0, start, end, "date")


def quarter_hit(m: re.Match[str], text: str) -> Hit | None:
    q1 = cn_to_int(m.group("q1") or m.group("qn"))
    q2 = cn_to_int(m.group("q2")) if m.group("q2") else q1
    if not q1 or not q2 or q2 < q1:
        return None
    first, last = _narrow((q1 - 1) * 3 + 1, q2 * 3, m.group("part"))
    qualifier = _qualifier(m.group("part"), m.group("before"))
    return _span(text, m.start(), m.end(), first, last, "quarter", qualifier=qualifier)


def _narrow(first: int, last: int, part: str | None) -> tuple[int, int]:
    """The months of a period's end (末/底) or start (初): 第一季度末 → 3, 下半年初 → 7."""
    if part in ("末", "底"):
        return last, last
    return (first, first) if part == "初" else (first, last)


def half_year_hit(m: re.Match[str], text: str) -> Hit | None:
    if m.group("yp"):  # 年初 / 年底 / 年末 / 年终
        month = 1 if m.group("yp") == "初" else 12
        qualifier = _qualifier(m.group("yp") if m.group("yp") != "终" else "末", m.group("before2"))
        return _span(text, m.start(), m.end(), month, month, "year_part", qualifier=qualifier)
    first, last = _narrow(*((1, 6) if m.group("h") == "上" else (7, 12)), m.group("part"))
    qualifier = _qualifier(m.group("part"), m.group("before"))
    return _span(text, m.start(), m.end(), first, last, "half_year", qualifier=qualifier)


def vacation_hit(m: re.Match[str], text: str) -> Hit | None:
    first, last = _VACATIONS[m.group("v")]
    qualifier = _qualifier(None, m.group("before"))
    return _span(text, m.start(), m.end(), first, last, "vacation", qualifier=qualifier)


def holiday_hit(m: re.Match[str], text: str) -> Hit | None:
    name = m.lastgroup
    if name == "before":
        name = next(n for n in _HOLIDAY_MONTHS if m.group(n) is not None)
    first, last, day = _HOLIDAY_MONTHS[name or ""]
    start = m.start()
    if start and text[start] in _SHORT_NAME_START and P.NUMBER_BEFORE.match(text, start - 1):
        return None  # 15.1劳动节, 二十五一: the name continues a longer number
    qualifier = _qualifier(None, m.group("before"))
    return _span(text, start, m.end(), first, last, "holiday", qualifier=qualifier, day=day)


def season_hit(m: re.Match[str], text: str) -> Hit | None:
    first, last = _SEASONS[m.group("s")]
    return _span(text, m.start(), m.end(), first, last, "season")


def day_of_year(month: int, day: int) -> int:
    """0-based day of a non-leap year (days past the month's end run on into the next months)."""
    return _MONTH_FIRST_DAY[month - 1] + day - 1


def month_of_day(day: int) -> int:
    """The month of a 0-based day of a non-leap year; days past the year end wrap to January."""
    day %= 365
    return next(i for i in range(12) if day < _MONTH_FIRST_DAY[i + 1]) + 1


def week_months(term_start: int | TermStart, first: int, last: int) -> tuple[int, int] | None:
    """The months teaching weeks ``first`` to ``last`` run over: from the month week ``first``
    starts in to the month of the Friday of week ``last`` (so a week across a month end has both).

    >>> week_months(TermStart(9, 1, 1), 14, 14), week_months(TermStart(3, 2), 6, 6), week_months(9, 1, 2)
    ((11, 12), (4, 4), (9, 9))
    """
    start = term_start if isinstance(term_start, TermStart) else TermStart(term_start)
    if not 1 <= start.month <= 12 or not 1 <= start.day <= 31:
        return None
    opening = day_of_year(start.month, start.day)
    monday = opening - start.lead
    return month_of_day(opening if first == 1 else monday + (first - 1) * 7), month_of_day(monday + (last - 1) * 7 + 4)



def semester_hits(text: str, lo: int, hi: int, semester: Semester | None) -> list[Hit]:
    """School-term parts (开学初, 期中, 学期末): spans with ``semester``, else bare hits."""
    hits = []
    for m in P.SEMESTER_PART.finditer(text, lo, hi):
        if semester is None:
            hits.append(Hit(m.start(), m.end(), None, "bare"))
        else:
            first, last = _SEMESTER_MONTHS[semester][m.lastgroup or "start"]
            hits.append(_span(text, m.start(), m.end(), first, last, "semester"))
    return hits


def week_hits(text: str, lo: int, hi: int, term_start: int | TermStart | None) -> list[Hit]:
    """Teaching weeks: spans with ``term_start``, else bare hits (no months)."""
    hits = []
    for m in P.WEEK.finditer(text, lo, hi):
        w1 = cn_to_int(m.group("w1"))
        w2 = cn_to_int(m.group("w2")) if m.group("w2") else w1
        if not w1 or not w2 or not 1 <= w1 <= w2 <= MAX_WEEK:
            continue
        months = None if term_start is None else week_months(term_start, w1, w2)
        if months is None:
            hits.append(Hit(m.start(), m.end(), None, "bare"))
        else:
            hits.append(_span(text, m.start(), m.end(), months[0], months[1], "week"))
    return hits
