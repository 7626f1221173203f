"""Bracketed numbers (【一】, 〖2〗) head top-level sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.pipeline import parse_document
from analyzer.structure.numbering import match_token


@pytest.mark.parametrize(("text", "style", "value", "rest"), [
    ("【一】指导思想", "cn_bracket", 1, "指导思想"),
    ("【 二 】 工作目标", "cn_bracket", 2, "工作目标"),
    ("〖3〗保障措施", "cn_bracket", 3, "保障措施"),
    ("【四】、月度安排", "cn_bracket", 4, "月度安排"),
])
def test_bracket_token(text: str, style: str, value: int, rest: str) -> None:
    token = match_token(text)
    assert token is not None and (token.style, token.value, token.rest) == (style, value, rest)


@pytest.mark.parametrize("text", ["【导读】新的一年", "【篇一】计划", "【】", "【第一篇】"])
def test_not_a_bracket_number(text: str) -> None:
    assert match_token(text) is None


def test_bracket_sections(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("2025年工会工作计划\n【一】指导思想\n以职工为中心。\n【二】重点任务\n1、开展培训。\n2、开展竞赛。\n"
                    "【四】月度安排\n3月：召开职代会。\n【五】保障措施\n加强领导。\n", encoding="utf-8")
    plan = parse_document(path).plans[0]
    top = [(s.number, s.kind) for s in plan.sections if s.level == 1]
    assert top == [("一", "guiding_ideology"), ("二", "main_tasks"), ("四", "schedule"), ("五", "measures")]
    assert [f.rule for f in plan.findings] == ["numbering_gap"]
