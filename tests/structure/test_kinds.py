"""Section kinds from a heading's words, and from its body where the heading says nothing."""

from __future__ import annotations

import pytest

from analyzer.structure.kinds import classify_heading


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        ("指导思想", "", "guiding_ideology"),
        ("保障措施", "", "measures"),
        ("具体工作安排", "", "schedule"),
        ("2026年重点工作责任分工表", "", "organization"),  # who answers for what
        ("2026年重点工作推进计划表", "", "schedule"),
        ("筑牢一个防线，全力维护区域的和谐与稳定", "", "main_tasks"),
        # a quoted phrase is a name, not the section's kind
        ("落实农民工服务“六项措施”", "1.开展就业帮扶。2.做好欠薪排查。", "main_tasks"),
        ("“三八”节活动安排", "", "schedule"),
        # a heading naming nothing known over a roster of roles
        ("护理分会委员分工", "主　任：周慧琳 副主任：蒋晓燕 委　员：许婷", "organization"),
        ("2023年工作回顾", "全年共发展会员300名，已建成职工之家5个。", "review"),
    ],
)
def test_classify_heading(title: str, body: str, kind: str) -> None:
    assert classify_heading(title, body=body) == kind
