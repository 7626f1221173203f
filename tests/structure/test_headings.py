"""Reading one segment as a heading: title and body, period headings (structure/headings.py)."""

from __future__ import annotations

import pytest

from analyzer.structure.headings import period_heading_text, split_title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("指导思想：以人为本", ("指导思想", "以人为本")),
        ("及时主动预警，协调化解纠纷。目前，我区劳动关系…", ("及时主动预警，协调化解纠纷", "目前，我区劳动关系…")),
        # a clock time's colon is part of the label; the label's own colon comes after it
        ("结业展示（8月21日上午9:30）：在社区文化广场举办结业仪式。", ("结业展示（8月21日上午9:30）", "在社区文化广场举办结业仪式。")),
        ("下午2:30召开职代会", ("下午2:30召开职代会", "")),
    ],
)
def test_split_title(text: str, expected: tuple[str, str]) -> None:
    assert split_title(text) == expected


@pytest.mark.parametrize(
    ("segment", "expected"),
    [
        # a phase's short name after its dates belongs to the heading …
        ("第一阶段（3月—4月）：宣传发动", ("第一阶段（3月—4月）：宣传发动", "")),
        # a named phase has its activity after the colon, however short
        ("宣传发动阶段（第3-4周）：开展读书月宣传。", ("宣传发动阶段（第3-4周）", "开展读书月宣传。")),
        # … an activity after them is the heading's body
        ("实施阶段（7月13日—8月21日）：按课程表开展各项课程。", ("实施阶段（7月13日—8月21日）", "按课程表开展各项课程。")),
        ("三月份：召开教代会", ("三月份", "召开教代会")),
    ],
)
def test_period_heading_text(segment: str, expected: tuple[str, str]) -> None:
    assert period_heading_text(segment) == expected
