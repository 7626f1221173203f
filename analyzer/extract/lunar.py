"""Lunar festivals on the Gregorian calendar of the plan's year (春节, 元宵, 端午, 中秋, 重阳).

The time grammar gives a lunar festival its usual months (春节 1–2, 中秋 9 …) because a text alone
has no year, and calendar entries keep them (the festival season: 春节期间, 元旦春节期间), except
"before" a festival (春节前: the days before it, in the schedule too). A deadline needs one month:
once the plan's year is known, :func:`resolve` moves a holiday span to the festival's real month
that year (春节前 is February in 2026, January in 2025). Dates come from the ``lunardate``
package; without it (or for a year it does not cover) spans are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from analyzer.models import TimeSpan

__all__ = ["festival_date", "resolve"]

# Festival → (lunar month, lunar day).
_FESTIVALS = {"春节": (1, 1), "元宵": (1, 15), "端午": (5, 5), "中秋": (8, 15), "重阳": (9, 9)}
_NAMES = re.compile("|".join(_FESTIVALS))
# What may follow the last festival named in a span: 节, 期间, 前后 …, and punctuation.
_TAIL = re.compile(r"[节日”\"」』’'\s]*(?:期间|前后|前夕|之际|当天|来临|假期|前|后)?[\s，,：:]*$")
_HOLIDAY_KINDS = frozenset({"holiday", "holiday_label"})


@lru_cache(maxsize=256)
def festival_date(name: str, year: int) -> date | None:
    """The Gregorian date of a lunar festival in ``year``, or None when unknown.

    >>> festival_date("春节", 2026), festival_date("中秋", 2025)
    (datetime.date(2026, 2, 17), datetime.date(2025, 10, 6))
    """
    if name not in _FESTIVALS:
        return None
    try:
        from lunardate import LunarDate
    except ImportError:  # pragma: no cover - the package is a dependency; stay usable without it
        return None
    month, day = _FESTIVALS[name]
    try:
        lunar = LunarDate(year, month, day)
        solar = lunar.to_solar_date() if hasattr(lunar, "to_solar_date") else lunar.toSolarDate()
    except (ValueError, IndexError):  # outside the package's table
        return None
    return solar


def resolve(span: TimeSpan, year: int | None) -> TimeSpan:
    """``span`` with its lunar festivals placed in ``year``'s calendar (holiday spans only).

    >>> from analyzer.extract.timeexpr import find_times
    >>> s = resolve(find_times("春节前走访慰问")[0], 2026)
    >>> (s.month_start, s.month_end, s.day)
    (2, 2, 17)
    """
    if year is None or span.kind not in _HOLIDAY_KINDS:
        return span
    found = [(m, festival_date(m.group(), year)) for m in _NAMES.finditer(span.text)]
    found = [(m, d) for m, d in found if d is not None]
    if not found:
        return span
    months = [d.month for _m, d in found]
    text = span.text.lstrip("“\"「『‘' ")
    first_lunar = text.startswith(found[0][0].group())
    last_lunar = _TAIL.match(span.text, found[-1][0].end()) is not None
    start = found[0][1].month if first_lunar else min(span.month_start, *months)
    end = found[-1][1].month if last_lunar else max(span.month_end, *months)
    if start > end:
        return span  # a range across the year end (腊月 … 春节): keep the grammar's months
    day = found[0][1].day if len(found) == 1 and first_lunar and last_lunar else span.day
    return replace(span, month_start=start, month_end=end, day=day)
