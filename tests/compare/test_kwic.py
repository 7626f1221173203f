"""Keyword in context."""

from __future__ import annotations

import pytest

from analyzer.compare.kwic import kwic
from analyzer.models import Plan

PLAN = Plan(
    "p", 1, None, None, None, 10, 12, text_lines=("十月份召开教代会。", "", "教代会每学期一次，教代会提案")
)


@pytest.mark.parametrize(
    ("term", "window", "rows"),
    [
        (
            "教代会",
            3,
            [
                ["p", 10, "份召开", "教代会", "。"],
                ["p", 12, "", "教代会", "每学期"],
                ["p", 12, "一次，", "教代会", "提案"],
            ],
        ),
        ("职代会", 3, []),
    ],
)
def test_kwic(term: str, window: int, rows: list) -> None:
    table = kwic([PLAN], term, window=window)
    assert list(table.columns) == ["plan_id", "line", "left", "term", "right"]
    assert table.values.tolist() == rows


def test_empty_term() -> None:
    with pytest.raises(ValueError):
        kwic([PLAN], "")
