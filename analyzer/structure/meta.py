"""Plan metadata: the year a plan is for and its issuing unit, from its title and text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from analyzer.extract.numerals import parse_year
from analyzer.structure import patterns as P


# A year as written: 2024年, 2024-2025学年, 二〇二四年, 二○二四年, 二oo二年 (OCR'd zeros).
def _year_value(m: re.Match[str]) -> int | None:
    if m.group("y"):
        return int(m.group("y"))
    if m.group("roc"):
        return int(m.group("roc")) + P.ROC_OFFSET
    return parse_year(m.group("cy"))


def find_year(title: str | None, lines: Sequence[str], *, head_lines: int = 15) -> int | None:
    """The year a plan is for: from its title, else its opening lines; never the clock.

    A plan whose year is a template placeholder (``20__年``) and whose title states none gets None.

    >>> find_year("XX区总工会2024年工作计划", [])
    2024
    >>> find_year(None, ["20__年，区工会将继续围绕……"]) is None
    True
    """
    if title:
        short = P.SHORT_YEAR.match(title.strip())
        if short and not P.YEAR.search(title):
            return 2000 + int(short.group(1))  # "25年物业公司工会工作计划"
        years = list(P.YEAR.finditer(title)) if P.YEAR_NEEDS in title else []
        # "2023年工作总结暨2024年工作计划": the year attached to the plan, not to the review.
        for m in years:
            if P.PLAN_AFTER.match(title[m.end():]):
                return _year_value(m)
        if years:
            return _year_value(years[0])
        if _year_placeholder(title):
            return None
    seen = 0
    for line in lines:
        text = line.strip()
        if not text:
            continue
        seen += 1
        if seen > head_lines:
            break
        if _year_placeholder(text[:60]):
            return None
        if P.YEAR_NEEDS not in text:
            continue  # neither SHORT_YEAR nor YEAR can match without 年
        short = P.SHORT_YEAR.match(text)
        if short and text[short.end():short.end() + 1] in "，,、 ":
            return 2000 + int(short.group(1))  # "25年，公司工会将…"
        for m in P.YEAR.finditer(text):
            if P.PAST_AFTER.match(text[m.end():]):
                continue
            value = _year_value(m)
            if value and 1990 <= value <= 2100:
                return value
    return None


def _title_unit(title: str) -> str:
    """The part of a title that names the unit: before the year, or right after it when the title
    opens with the year (2025年城南区总工会工作计划); a 工会 after the year joins the unit
    (西湖镇中心中学2025年工会工作计划 → 西湖镇中心中学工会)."""
    book = P.TITLE_BOOK.search(title)
    if book:
        title = book.group(1)
    title = P.TITLE_MARKER_PREFIX.sub("", title.strip())
    m = P.TITLE_YEAR.search(title)
    if m is None:
        return P.PLAN_WORDS.split(title)[0]
    before, after = title[: m.start()], title[m.end():]
    after_unit = P.PLAN_WORDS.split(after)[0]
    if not before.strip() or P.UNIT_PLACEHOLDER.fullmatch(before.strip()):
        return after_unit
    if after.startswith("工会") and not before.endswith("工会"):
        return before + "工会"
    return before


def find_unit(title: str | None, lines: Sequence[str], *, head_lines: int = 6) -> str | None:
    """The issuing unit named by the title or the opening sentence, else None.

    >>> find_unit("XX区总工会2024年工作计划", [])  # template residue is not part of the name
    '区总工会'
    >>> find_unit(None, ["20__年，区工会将继续围绕……"])
    '区工会'
    """
    for k, text in enumerate(_unit_candidates(title, lines, head_lines)):
        text = P.UNIT_NOISE.sub("", P.UNIT_PLACEHOLDER.sub("", text.strip()))
        # The title's head may carry more words; an opening sentence's subject must be the unit itself.
        if title and k == 0:
            m = P.UNIT.match(text)
        else:  # (a full match ends with a unit word: test that before running the pattern)
            m = P.UNIT.fullmatch(text) if text.endswith(P.UNIT_WORDS) else None
        if m and len(m.group("u")) >= 2:
            unit = P.UNIT_NOISE.sub("", m.group("u"))
            if len(unit) >= 2 and not P.GENERIC_UNIT.fullmatch(unit):
                return unit
    return None


def _unit_candidates(title: str | None, lines: Sequence[str], head_lines: int) -> Iterator[str]:
    """The texts that may name the unit, in order: the title's head, then each opening line's subject
    (made one at a time: the first that names a unit ends the search)."""
    if title:
        yield _title_unit(title)
    seen = 0
    for line in lines:
        text = line.strip()
        if not text:
            continue
        seen += 1
        if seen > head_lines:
            break
        first = _after_year_mark(text[:80]).lstrip("，,、 ")
        clause_end = P.CLAUSE_BREAK.search(first)  # (the first clause: split(…, maxsplit=1)[0])
        if clause_end is not None:
            first = first[: clause_end.start()]
        subject_end = P.SUBJECT_END.search(first)
        if subject_end is not None:
            yield first[: subject_end.start()]


def _after_year_mark(text: str) -> str:
    """``text`` after its first year mark (2024年, 20__年度): ``re.sub(r"^.*?" + YEAR_MARK, "", text)``
    by one search, which finds the same first mark (``.`` stops at a line feed, hence the check)."""
    if P.YEAR_NEEDS not in text:
        return text
    m = P.YEAR_MARK.search(text)
    if m is None or "\n" in text[: m.start()]:
        return text
    return text[m.end():]


def _year_placeholder(text: str) -> bool:
    """Whether YEAR_PLACEHOLDER finds a match, without scanning a text that lacks what one needs."""
    first, second = P.YEAR_PLACEHOLDER_NEEDS
    return (first in text or second in text) and P.YEAR_PLACEHOLDER.search(text) is not None


class Signature(NamedTuple):
    """The signature block closing a plan: its first and last line (offsets), unit and year."""

    first: int
    last: int
    unit: str | None
    year: int | None


def find_signature(lines: Sequence[str]) -> Signature | None:
    """The signature block closing a plan (issuing unit and date lines), if any: at the end of the
    plan, or just before an annex that follows it (附：月度活动安排表).

    The year is the plan's year implied by the date (a plan signed in November or December is for
    the next year).

    >>> find_signature(["一、目标", "全年发展会员。", "XX区总工会", "2024年1月15日"])
    Signature(first=2, last=3, unit='XX区总工会', year=2024)
    >>> find_signature(["一、目标", "XX区总工会", "2024年1月15日", "", "附：月度安排表", "| 1月 | 召开全委会 |"]).last
    2
    """
    found = _signature_ending(lines, len(lines) - 1)
    if found is not None:
        return found
    for k, line in enumerate(lines):
        if line[:1] == "附" and P.ANNEX_HEADING.match(line.strip()):
            return _signature_ending(lines, k - 1)
    return None


def _signature_ending(lines: Sequence[str], i: int) -> Signature | None:
    """The signature block whose date is the last non-empty line at or before offset ``i``."""
    while i >= 0 and not lines[i].strip():
        i -= 1
    if i < 1:
        return None
    m = P.SIGN_DATE.match(lines[i]) or P.ISSUED.match(lines[i])
    if m is None:
        return None
    date_line = lines[i].strip()
    if m.re is P.ISSUED:
        # "XX区总工会办公室 2024年1月18日印发": the footer of an official document.
        unit_part = m.group("unit").strip()
        year_m = P.YEAR.search(date_line[len(m.group("unit")):])
        return Signature(i, i, unit_part or None, _year_value(year_m) if year_m else None)
    year_m = P.YEAR.search(date_line)
    year = _year_value(year_m) if year_m else None
    month_m = P.SIGN_MONTH.search(date_line)
    if year and month_m and int(month_m.group(1)) >= 11:
        year += 1
    first = i
    unit = m.group("unit").strip() if m.re is P.SIGN_DATE and m.group("unit") else None
    if unit:
        return Signature(first, i, unit, year)  # "城关镇环卫所 2025年1月5日" on one line
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j >= 0 and P.SIGN_UNIT.match(lines[j].strip()) and P.UNIT.search(lines[j]):
        first = j
        unit = lines[j].strip()
    return Signature(first, i, unit, year)


def is_signature(text: str) -> bool:
    """Whether a sentence is nothing but a signature: a unit and a date (城关镇环卫所 2025年1月5日).

    >>> is_signature("城关镇环卫所 2025年1月5日"), is_signature("2025年1月5日召开职代会")
    (True, False)
    """
    return P.SIGN_DATE.match(text.strip().rstrip("。")) is not None


def has_year_placeholder(lines: Sequence[str], *, head_lines: int = 15) -> bool:
    """Whether the opening lines leave the year as a template placeholder (20__年, XX年).

    >>> has_year_placeholder(["20__年，区工会将继续……"])
    True
    """
    return any(_year_placeholder(line) for line in lines[:head_lines])
