"""Schedule and task extraction never fail on any outline, and every item points at its own line."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.extract.schedule import extract_schedule
from analyzer.extract.tasks import extract_tasks
from analyzer.models import Plan
from analyzer.structure.outline import parse_outline

PIECES = ["三月份", "七——八月份：", "第一季度", "1、召开职代会。", "2、每月开展一次走访，签订率达到100%。", "（六月份）",
          "9月份，组织运动会。", "| 3月 | 召开教代会 | 工会 |", "月份", "主要活动", "办公室", "一、具体工作安排",
          "二、工作措施", "3月份以来，我们开展了活动。", "由工会办公室负责", "6月底前完成", "3.8节", "寒假", ""]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3).map("".join), max_size=25),
       st.integers(min_value=1, max_value=40))
def test_extraction_is_total_and_traceable(lines: list[str], first: int) -> None:
    plan = Plan(id="p", index=1, title=None, unit=None, year=2024, line_start=first,
                line_end=first + max(len(lines) - 1, 0), sections=parse_outline(lines, first_line=first).sections,
                text_lines=tuple(lines))
    items = extract_schedule(plan)
    for item in items:
        assert first <= item.line < first + len(lines)
        assert 1 <= item.month_start <= 12 and 1 <= item.month_end <= 12
        assert item.text.strip()
    for task in extract_tasks(replace(plan, schedule=tuple(items))):
        assert first <= task.line < first + len(lines)
        assert all(1 <= m <= 12 for m in task.months)
        assert task.deadline is None or 1 <= task.deadline <= 12
