"""Lunar festivals in the plan's year: deadlines before 春节 land in that year's festival month."""

from __future__ import annotations

from datetime import date

import pytest

from analyzer.extract.fields import find_deadline
from analyzer.extract.lunar import festival_date, resolve
from analyzer.extract.tasks import extract_tasks
from analyzer.extract.timeexpr import find_times
from analyzer.models import Plan
from analyzer.structure.outline import parse_outline


@pytest.mark.parametrize(("name", "year", "expected"), [
    ("春节", 2025, date(2025, 1, 29)), ("春节", 2026, date(2026, 2, 17)), ("元宵", 2026, date(2026, 3, 3)),
    ("端午", 2025, date(2025, 5, 31)), ("中秋", 2025, date(2025, 10, 6)), ("重阳", 2026, date(2026, 10, 18)),
    ("国庆", 2026, None),
])
def test_festival_dates(name: str, year: int, expected: date | None) -> None:
    assert festival_date(name, year) == expected


@pytest.mark.parametrize(("text", "year", "months"), [
    ("春节前走访慰问", 2026, (2, 2)), ("春节前走访慰问", 2025, (1, 1)), ("春节前走访慰问", None, (1, 2)),
    ("中秋节前发放慰问品", 2025, (10, 10)), ("国庆节前", 2026, (10, 10)),
])
def test_resolve(text: str, year: int | None, months: tuple[int, int]) -> None:
    span = resolve(find_times(text)[0], year)
    assert (span.month_start, span.month_end) == months


def test_deadline_before_the_spring_festival() -> None:
    assert find_deadline("春节前走访慰问困难员工", 2026) == (2, "春节前")
    assert find_deadline("春节前走访慰问困难员工", 2025) == (1, "春节前")
    assert find_deadline("国庆节前完成", 2026) == (9, "国庆节前完成")  # a fixed date on day 1: the month before


def _plan(lines: list[str], year: int, title: str) -> Plan:
    return Plan(id="p", index=1, title=title, unit=None, year=year, line_start=1, line_end=len(lines),
                sections=parse_outline(lines).sections, text_lines=tuple(lines))


def test_school_year_plans_keep_the_usual_months() -> None:
    lines = ["一、主要工作", "1.春节前走访慰问退休教职工。"]
    assert [t.deadline for t in extract_tasks(_plan(lines, 2026, "2026年工会工作计划"))] == [2]
    assert [t.deadline for t in extract_tasks(_plan(lines, 2025, "2025—2026学年工会工作计划"))] == [1]
