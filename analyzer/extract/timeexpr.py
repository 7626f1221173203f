"""A grammar of plan time expressions (months, ranges, dates, quarters, holidays …) resolved to months.

Each pattern in ``extract.patterns`` yields candidate hits; overlapping hits are resolved
longest-leftmost, and a few "not a time" patterns (寒暑假, 一月一次, 三八红旗手) hide what they
cover. Decisions worth knowing (all tested in ``tests/extract/test_timeexpr.py``):

- 寒暑假 and 上下半年 give no span (two disjoint periods / a frequency); 一月一次 is a frequency.
- 三八红旗手, 五一劳动奖章 are titles, not dates. Short holiday names (三八, 五一, 六一, 3.8, 五·四)
  count only in quotes or with their holiday word (三八节, 五一劳动节), so 5.1万元, 1.1 and 六一班
  give nothing. 学雷锋 → March.
- Lunar festivals get their usual Gregorian month: 春节 1–2, 元宵 2, 清明 4, 端午 6, 中秋 9, 重阳 10.
  A month after 农历/阴历 is not read.
- A list of months (三、四月份) is one span from the first to the last month. At the start of a
  line, ``X、Y月`` is a list only when X is Chinese and Y = X + 1 (七、八月份); otherwise ``X、``
  is item numbering (3、4月份 → 4, 1、2月底前 → 2).
- A range may wrap the year end (11月至次年1月 → 11, 1; 冬季 → 12, 2).
- ``qualifier`` is the part of the month and/or "before" as a short form: 上旬/中旬/下旬/上中旬/
  中下旬, 初/中/底/末, 前 (以前/之前 → 前), 前后, or both (6月底前 → ``底前``).
- Semester anchors need ``semester``: spring 开学初/学期初 2–3, 期中 4–5, 学期末/期末 6–7; autumn
  开学初 9, 期中 11, 学期末/期末 1 (``year_offset`` stays 0). Without it they give no span but
  still count as time words in a period heading (学期末（次年1月）： is a heading for January).
- Teaching weeks (第N周, 第N-M周) give months only with ``term_start``, the day week 1 starts
  (a bare month: its day 1; :func:`week_one` reads it from the plan's own week calendar). The
  later weeks start on Mondays; a week range runs from the month its first week starts in to the
  month of its last week's Friday (a non-leap year), so a week across a month end has both. A
  date next to the week (``第一周 | 3月1日-3月7日``) is found on its own as a date.
- Seasons: 春季 3–5, 夏季 6–8, 秋季 9–11, 冬季 12–2 (not 春季学期 and similar).
- 次年/明年/来年 set ``year_offset`` 1; 去年/上年 -1, 前年 -2 (and are past references).
"""

from __future__ import annotations

import datetime
import operator
from dataclasses import replace
from functools import lru_cache, reduce
from itertools import islice, pairwise

from analyzer.extract import patterns as P
from analyzer.extract import timehits as H
from analyzer.extract.charset import CharSet, consumable
from analyzer.extract.numerals import cn_to_int
from analyzer.extract.timehits import Semester, TermStart
from analyzer.models import TimeSpan

__all__ = ["Semester", "TermStart", "bracketed_lead", "find_times", "is_past_reference", "leading_time",
           "period_heading", "trailing_times", "week_one"]

_SHORT_TEXT = 400  # texts up to this length are scanned whole
_HEADING_MAX_LEN = 40
_COMPACT_ENDS = frozenset("0123456789:： ")  # the last character of a date that lost its separators
_LEAD_WINDOW = 40  # characters read after the lead prefix when looking for a leading time

# (anchor characters, (reach before, reach after) an anchor, pattern, handler). A reach bounds how
# far a match (plus its lookarounds) can extend from any anchor inside it.
_HANDLERS = (
    (P.MONTH_ANCHORS, (14, 24), P.MONTH_EXPR, H.month_hit),
    (P.NUMERIC_DATE_ANCHORS, (8, 8), P.NUMERIC_DATE, H.numeric_date_hit),
    (P.QUARTER_ANCHORS, (8, 6), P.QUARTER, H.quarter_hit),
    (P.HALF_YEAR_ANCHORS, (4, 8), P.HALF_YEAR, H.half_year_hit),
    (P.VACATION_ANCHORS, (2, 6), P.VACATION, H.vacation_hit),
    (P.HOLIDAY_ANCHORS, (12, 12), P.HOLIDAY, H.holiday_hit),
    (P.SEASON_ANCHORS, (2, 4), P.SEASON, H.season_hit),
)
_NOT_TIME_REACH, _SEMESTER_REACH, _WEEK_REACH = (8, 8), (4, 6), (12, 4)
# Scan groups in a fixed order (ties between equal hits keep this order): blockers, the handlers,
# semester parts, teaching weeks. Bit i of an anchor's mask says group i can match near it.
_GROUP_ANCHORS = (P.NOT_TIME_ANCHORS, *(h[0] for h in _HANDLERS), P.SEMESTER_ANCHORS, P.WEEK_ANCHORS)
_GROUP_REACH = (_NOT_TIME_REACH, *(h[1] for h in _HANDLERS), _SEMESTER_REACH, _WEEK_REACH)
_BLOCKER_GROUP, _SEMESTER_GROUP, _WEEK_GROUP = 0, len(_HANDLERS) + 1, len(_HANDLERS) + 2
_HOLIDAY_GROUP = 1 + next(i for i, h in enumerate(_HANDLERS) if h[2] is P.HOLIDAY)


@lru_cache(maxsize=2)
def _anchor_masks(short: bool = False) -> dict[str, int]:
    """Each anchor character → the bit mask of the scan groups that can match near it.

    With ``short`` (a text scanned whole), two anchors that need a partner anywhere in the text
    are left out here and added back by :func:`_partner_bits`: 月 starts a blocker only with 次
    (一月一次), and the context words after a bare short holiday name (五一：, 六一期间) only
    with a short name's first character.
    """
    masks: dict[str, int] = {}
    for i, anchors in enumerate(_GROUP_ANCHORS):
        for c in anchors:
            if short and ((i == _BLOCKER_GROUP and c in P.BLOCKER_MONTH_ANCHOR)
                          or (i == _HOLIDAY_GROUP and c in P.HOLIDAY_CONTEXT_ANCHORS)):
                continue
            masks[c] = masks.get(c, 0) | (1 << i)
    return masks


def _partner_bits(text: str, chars: set[str]) -> int:
    """The groups a short text needs for anchors that count only with their partner (see above)."""
    bits = 0
    if P.BLOCKER_MONTH_ANCHOR in chars and P.BLOCKER_MONTH_PARTNER in text:
        bits |= 1 << _BLOCKER_GROUP
    if not chars.isdisjoint(P.HOLIDAY_CONTEXT_ANCHORS) and not P.SHORT_HOLIDAY_FIRST.isdisjoint(text):
        bits |= 1 << _HOLIDAY_GROUP
    return bits


def _regions(group: int, text: str, found: dict[str, list[int]]) -> list[tuple[int, int]]:
    """The parts of a long ``text`` where scan group ``group`` can match.

    ``found`` maps each anchor character in ``text`` to its positions; windows of the group's
    reach around its anchors are merged, so a pattern never walks through anchor-free stretches.
    """
    before, after = _GROUP_REACH[group]
    positions = sorted(p for c in _GROUP_ANCHORS[group] for p in found.get(c, ()))
    regions: list[tuple[int, int]] = []
    for pos in positions:
        lo, hi = max(0, pos - before), min(len(text), pos + 1 + after)
        if regions and lo <= regions[-1][1]:
            regions[-1] = (regions[-1][0], hi)
        else:
            regions.append((lo, hi))
    return regions


def _scan(text: str, semester: Semester | None, term_start: int | TermStart | None) -> list[H.Hit]:
    """Every candidate hit in ``text``, resolved longest-leftmost into non-overlapping hits.

    A short text is scanned whole by each group whose anchors it holds; a long one only in
    windows around those anchors.
    """
    found: dict[str, list[int]] = {}
    mask = 0
    short = len(text) <= _SHORT_TEXT
    if short:  # only which anchors occur matters
        chars = _anchor_set().intersection(text)
        if not chars:
            return []
        masks = _anchor_masks(True)
        for c in chars:
            mask |= masks.get(c, 0)
        mask |= _partner_bits(text, chars)
    else:
        masks = _anchor_masks()
        for m in P.ANCHOR.finditer(text):
            c = m.group()
            found.setdefault(c, []).append(m.start())
            mask |= masks[c]
    if not mask:
        return []
    hits: list[H.Hit] = []
    whole = ((0, len(text)),)
    while mask:  # the groups whose bits are set, lowest first (the fixed scan order)
        bit = mask & -mask
        mask ^= bit
        group = bit.bit_length() - 1
        for lo, hi in whole if short else _regions(group, text, found):
            if group == _BLOCKER_GROUP:
                hits.extend(H.Hit(m.start(), m.end(), None, "blocker") for m in P.NOT_TIME.finditer(text, lo, hi))
            elif group == _SEMESTER_GROUP:
                hits.extend(H.semester_hits(text, lo, hi, semester))
            elif group == _WEEK_GROUP:
                hits.extend(H.week_hits(text, lo, hi, term_start))
            else:
                _anchors, _reach, pattern, handler = _HANDLERS[group - 1]
                for m in pattern.finditer(text, lo, hi):
                    hit = handler(m, text)
                    if hit is not None:
                        hits.append(hit)
    if len(hits) < 2:
        return hits
    hits.sort(key=_hit_order)
    resolved: list[H.Hit] = [hits[0]]
    for hit in islice(hits, 1, None):
        if hit.start >= resolved[-1].end:
            resolved.append(hit)
    return resolved


def _hit_order(hit: H.Hit) -> tuple[int, int, bool]:
    """Leftmost first, then longest, then a blocker before an equal span (a stable sort keeps the
    scan order among equals)."""
    return hit.start, -hit.end, hit.label != "blocker"


@lru_cache(maxsize=1)
def _anchor_set() -> frozenset[str]:
    """Every anchor character of every scan group."""
    return frozenset(P.ALL_ANCHORS)


def find_times(
    text: str, *, semester: Semester | None = None, term_start: int | TermStart | None = None
) -> list[TimeSpan]:
    """All time expressions in ``text``, resolved to months, sorted by position.

    Args:
        text: Any plan text (a line, an item or a whole document).
        semester: The term the plan is for; needed for 开学初/期中/学期末.
        term_start: When teaching week 1 starts (a month: its day 1); needed for 第N周.

    Returns:
        Non-overlapping spans; ``text[s.start:s.end] == s.text`` for each.

    >>> [(s.text, s.month_start, s.month_end) for s in find_times("七——八月份组织暑期疗休养")]
    [('七——八月份', 7, 8), ('暑期', 7, 8)]
    """
    return list(_find_times(text, semester, term_start))


@lru_cache(maxsize=16384)
def _find_times(text: str, semester: Semester | None, term_start: int | TermStart | None) -> tuple[TimeSpan, ...]:
    """Cached core of :func:`find_times` (schedule and task extraction ask about the same sentences)."""
    return tuple(h.span for h in _scan(text, semester, term_start) if h.span is not None)


def leading_time(
    text: str, *, semester: Semester | None = None, term_start: int | TermStart | None = None
) -> TimeSpan | None:
    """The time expression an item starts with (after optional 今年/本年/在/于), if any.

    Holidays are not leading times: they are implicit months (use ``find_times`` for them).

    >>> leading_time("9月份,大一新生入学教育").month_start
    9
    """
    pos = P.LEAD_PREFIX.match(text).end()  # type: ignore[union-attr]  # always matches
    # A time expression is short: only the opening of the item needs reading.
    for span in find_times(text[: pos + _LEAD_WINDOW], semester=semester, term_start=term_start):
        if span.start == pos and span.kind != "holiday":
            return span
        if span.start >= pos:
            break
    return None


def trailing_times(
    text: str, *, semester: Semester | None = None, term_start: int | TermStart | None = None
) -> list[TimeSpan]:
    """The time expressions an item ends with, bare or in brackets: ``…(六月份)。`` → June;
    ``…，每年两次（六月份和十二月份）。`` → June and December (months listed in the brackets).

    Holidays are not trailing times (see ``leading_time``).

    >>> [s.month_start for s in trailing_times("召开职工代表大会(六月份)。")]
    [6]
    """
    body = P.TRAILING_PUNCT.sub("", text)
    paren = P.TRAILING_PAREN.search(body)
    if paren:
        inner, base = paren.group(1).strip(), paren.start(1) + paren.group(1).find(paren.group(1).strip())
        spans = find_times(inner, semester=semester, term_start=term_start)
        if len(spans) == 1 and spans[0].text == inner and spans[0].kind != "holiday":
            return [replace(spans[0], start=base + spans[0].start, end=base + spans[0].end)]
        if len(spans) > 1 and all(s.kind == "month" for s in spans) and not P.MONTH_LIST_JOIN.sub(
                "", _blank(inner, spans)):
            return [replace(s, start=base + s.start, end=base + s.end) for s in spans]
        return []
    spans = find_times(body, semester=semester, term_start=term_start)
    if spans and spans[-1].end == len(body) and spans[-1].kind != "holiday":
        return [spans[-1]]
    return []


def _blank(text: str, spans: list[TimeSpan]) -> str:
    """``text`` without the spans found in it."""
    pieces, prev = [], 0
    for span in spans:
        pieces.append(text[prev:span.start])
        prev = span.end
    pieces.append(text[prev:])
    return "".join(pieces)


def bracketed_lead(
    text: str, *, semester: Semester | None = None, term_start: int | TermStart | None = None
) -> TimeSpan | None:
    """The date in brackets after a lunar date or a festival that opens an item, over the whole
    opening: ``五月初五（6月19日）前，…`` → June 19, ``中国医师节（8月19日）前后，…`` → August 19.

    >>> span = bracketed_lead("五月初五（6月19日）前，开展慰问")
    >>> span.text, span.month_start, span.qualifier
    ('五月初五（6月19日）前', 6, '前')
    """
    m = P.BRACKETED_LEAD.match(text)
    if m is None:
        return None
    inner = m.group("inner")
    for span in find_times(inner, semester=semester, term_start=term_start):
        if span.kind in ("month", "date"):
            start = len(text) - len(text.lstrip())
            before = m.group("before")
            qualifier = (span.qualifier or "") + (H.BEFORE_FORMS[before] if before else "") or None
            # an occasion with its date (kind "holiday"): a heading's period above it still holds
            return replace(span, text=text[start:m.end()], start=start, end=m.end(), qualifier=qualifier,
                           kind="holiday")
    return None


@lru_cache(maxsize=8192)
def period_heading(
    line: str, *, semester: Semester | None = None, term_start: int | TermStart | None = None
) -> TimeSpan | None:
    """The period a whole line names when the line is a period heading, else ``None``.

    Accepts an outline number before the period, a phase label (宣传发动阶段), a theme after a
    colon (二月主题:…), filler words (工作安排, 份, 期间) and brackets; anything else makes the
    line an ordinary sentence. A month or date wins over a week or a term part beside it; a bare week needs
    ``term_start``. Offsets are relative to ``line``.

    >>> period_heading("七——八月份:").month_end, period_heading("1、召开三月份例会")
    (8, None)
    """
    stripped = line.strip()
    if not stripped or len(stripped) > _HEADING_MAX_LEN:
        return None
    if stripped[0] in "12" and stripped[-1] in _COMPACT_ENDS:
        compact = P.COMPACT_DATE.match(stripped)
        if compact is not None:  # "2026327" alone in a table cell: a date that lost its separators
            lead = len(line) - len(line.lstrip())
            return H.compact_date(line, compact.group("md"), lead, lead + compact.end("md"))
    allowed = _heading_chars()
    if allowed is not None and allowed.foreign(stripped) and not P.HEADING_FREE_TEXT.search(stripped):
        return None  # a character no time expression, number or filler word can hold stays in the residual
    lead = len(line) - len(line.lstrip())
    hits = [h for h in _scan(stripped, semester, term_start) if h.label != "blocker"]
    spans = [h.span for h in hits if h.span is not None]
    if not spans:
        return None
    pieces, prev = [], 0
    for h in hits:  # sorted and non-overlapping: blank each time out of the line
        pieces += (stripped[prev : h.start], " " * (h.end - h.start))
        prev = h.end
    pieces.append(stripped[prev:])
    residual = "".join(pieces)
    residual = P.HEADING_NUMBER.sub("", residual, count=1)  # a number inside a span is blanked already
    if stripped[-1] in ":：":  # 2025年1月: (a dated line without a colon is a signature)
        residual = P.HEADING_YEAR.sub("", residual)
    residual = P.HEADING_THEME.sub("", residual).strip()
    residual = P.HEADING_PHASE.sub("", residual)
    residual = P.HEADING_REMARK.sub("", residual)
    if P.HEADING_FILLER.sub("", residual):
        return None
    # A month or date beside a vaguer period (开学初（二月）, 学期末（次年1月）, 第3周（9月15日）) is the
    # more precise: it wins; else the first span that is not a teaching week.
    best = (_consecutive_months(stripped, spans) or next((s for s in spans if s.kind in ("month", "date")), None)
            or next((s for s in spans if s.kind != "week"), spans[0]))
    return replace(best, start=best.start + lead, end=best.end + lead) if lead else best


def _consecutive_months(text: str, spans: list[TimeSpan]) -> TimeSpan | None:
    """Months named one after another (七月、八月 → 7–8) as one span; None otherwise (3月、5月 stay apart)."""
    if len(spans) < 2 or any(s.kind != "month" for s in spans):
        return None
    for before, after in pairwise(spans):
        if after.month_start != before.month_end + 1 or after.year_offset != before.year_offset:
            return None
    first, last = spans[0], spans[-1]
    return replace(first, text=text[first.start:last.end], end=last.end, month_end=last.month_end,
                   qualifier=last.qualifier)


@lru_cache(maxsize=1)
def _heading_chars() -> CharSet | None:
    """Every character a period heading can hold outside a theme, phase label or bracketed remark:
    those of the time patterns (blockers are not blanked), the outline number, the year and the
    filler words. Read from the patterns themselves; ``None`` when that is not possible.
    """
    patterns = [h[2] for h in _HANDLERS] + [P.SEMESTER_PART, P.WEEK, P.HEADING_NUMBER, P.HEADING_YEAR,
                                            P.HEADING_FILLER]
    sets = [consumable(p) for p in patterns]
    if any(s is None for s in sets):
        return None
    return reduce(operator.or_, sets)  # type: ignore[arg-type]


def is_past_reference(text: str, span: TimeSpan) -> bool:
    """Whether ``span`` (found in ``text``) refers to the past: 3月份以来, 6月份专门召开了, 去年.

    Looks for 以来/至今 right after the time, a past marker (了/已/曾) later in the same clause,
    or 去年/过去/已于 just before it.

    >>> t = "3月份以来,我们走访企业"
    >>> is_past_reference(t, find_times(t)[0])
    True
    """
    if span.year_offset < 0:
        return True
    clause_end = P.CLAUSE_END.search(text, span.end)
    after = text[span.end : clause_end.start() if clause_end else len(text)][:30]
    if P.PAST_AFTER_START.match(after) or P.PAST_IN_CLAUSE.search(after):
        return True
    return bool(P.PAST_BEFORE.search(text[max(0, span.start - 12) : span.start]))


_WEEKDAYS = "一二三四五六日"


def week_one(text: str, semester: Semester | None = None) -> TermStart | None:
    """The day teaching week 1 starts, as the plan's own week calendar gives it, or None.

    Read from a week given with its first date (``第1周为3月2日至3月6日``, ``第3周（3月16日—…）``,
    ``第一周 | 2月17日``) and from the day the term opens (``9月1日（星期二）正式开学``, ``本学期自
    2025年9月1日开始``); week 1 wins over later weeks, then the earlier mention. A bracketed weekday
    (or a full date's own weekday) after the opening day says how far into its week it falls. A
    date outside the ``semester``'s opening months (spring 1–3, autumn 8–10) is no calendar of it.

    >>> week_one("本学期9月1日（星期二）正式开学，第1周为9月1日至9月4日，此后每周从星期一起算")
    TermStart(month=9, day=1, lead=1)
    >>> week_one("第3周（3月16日—3月20日）：召开教代会。", "spring")
    TermStart(month=3, day=2, lead=0)
    """
    if "周" not in text and "学" not in text and "课" not in text:
        return None
    found: list[tuple[int, int, TermStart]] = []  # (week, position, start)
    leads: dict[tuple[int, int], int] = {}
    for week_pattern, m in [(True, m) for m in P.WEEK_DATE.finditer(text)] + [
            (False, m) for m in P.TERM_OPENS.finditer(text)]:
        month, day = int(m.group("m")), int(m.group("d"))
        if not (1 <= month <= 12 and 1 <= day <= H.MONTH_DAYS[month - 1]):
            continue
        lead = _lead(m.group("wd"), m.group("y"), month, day)
        if lead is not None:
            leads[(month, day)] = lead
        if week_pattern and m.group("prep"):  # 预备周（2月16日—…）: week 1 starts a week later
            found.append((1, m.start(), _starting_on((H.day_of_year(month, day) + 7) % 365)))
            continue
        week = cn_to_int(m.group("w")) if week_pattern else 1
        if not week or week > H.MAX_WEEK:
            continue
        if week == 1:
            found.append((1, m.start(), TermStart(month, day, lead or 0)))
        else:  # week N's Monday, less N - 1 weeks
            monday = H.day_of_year(month, day) - (week - 1) * 7
            if monday >= 0:
                found.append((week, m.start(), _starting_on(monday)))
    months = _OPENING_MONTHS.get(semester) if semester else None
    found = [f for f in found if months is None or f[2].month in months]
    if not found:
        return None
    start = min(found)[2]
    if start.lead == 0 and (start.month, start.day) in leads:
        start = start._replace(lead=leads[(start.month, start.day)])
    return start


_OPENING_MONTHS: dict[str, frozenset[int]] = {"spring": frozenset((1, 2, 3)), "autumn": frozenset((8, 9, 10))}


def _starting_on(day: int) -> TermStart:
    """Week 1 starting on a Monday given as a 0-based day of the year."""
    month = H.month_of_day(day)
    return TermStart(month, day - H.day_of_year(month, 1) + 1)


def _lead(weekday: str | None, year: str | None, month: int, day: int) -> int | None:
    """Days from the Monday of its week to a date (negative for a weekend before its first Monday)."""
    if weekday:
        index = 6 if weekday == "天" else _WEEKDAYS.index(weekday)
    elif year:
        try:
            index = datetime.date(int(year), month, day).weekday()
        except ValueError:  # 2月29日 of a common year
            return None
    else:
        return None
    return index if index < 5 else index - 7

