"""Decoration before a line's content is read as one plain bullet, once, for every later pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.ingest import read_document
from analyzer.ingest.normalize import normalize_lines
from analyzer.ingest.script import canonical_bullets
from analyzer.pipeline import parse_document


@pytest.mark.parametrize(("line", "expected"), [
    ("📌 1月：", "● 1月："),
    ("🗓️ 4月：举办课堂", "●  4月：举办课堂"),
    ("☀️ 7—8月：", "●  7—8月："),
    ("👩‍🔧 举办技能展示赛", "●   举办技能展示赛"),
    ("■ 第5周", "● 第5周"),
    ("➤ 加强组织领导", "● 加强组织领导"),
    ("  ◆6月：", "  ●6月："),
    ("3️⃣ 开展活动", "3、  开展活动"),
    ("● 已是圆点", "● 已是圆点"),
    ("一、指导思想", "一、指导思想"),
    ("❶ 带圈数字是编号", "❶ 带圈数字是编号"),
    ("①开展活动", "①开展活动"),
    ("✨✨✨", "✨✨✨"),
    ("【一】指导思想", "【一】指导思想"),
])
def test_canonical_bullets(line: str, expected: str) -> None:
    assert canonical_bullets([line]) == [expected]


@given(st.lists(st.text(alphabet="📌🗓️☀✅🔹➤■◆●\u200d\ufe0f 1月一、开展活动2⃣", max_size=12), max_size=6))
def test_canonical_bullets_keeps_every_length(lines: list[str]) -> None:
    out = canonical_bullets(lines)
    assert [len(x) for x in out] == [len(x) for x in lines]


def test_emoji_month_lines_give_a_schedule(tmp_path: Path) -> None:
    path = tmp_path / "公众号.txt"
    path.write_text("街道总工会2025年工作计划\n【一】指导思想\n服务职工。\n【二】月度安排\n📌 1月：\n召开全委会议\n"
                    "开展送温暖走访\n🗓️ 4月：举办工匠课堂\n【三】保障措施\n➤ 加强组织领导。\n", encoding="utf-8")
    plan = parse_document(path).plans[0]
    assert [(i.month_start, i.text) for i in plan.schedule] == [(1, "召开全委会议"), (1, "开展送温暖走访"),
                                                                 (4, "举办工匠课堂")]
    assert [s.kind for s in plan.sections if s.level == 1] == ["guiding_ideology", "schedule", "measures"]
    doc = read_document(path)
    assert doc.lines[4] == "📌 1月："  # the text as written is kept for quoting


def test_past_issues_list_of_a_chat_article_is_furniture() -> None:
    lines = ["五、保障措施", "加强领导。", "往期推荐", "▶ 区总工会2026年工作要点来了", "▶ 1月：召开全委会议——新变化",
             "", "阅读原文", "阅读 2381"]
    out = normalize_lines(lines)
    assert out[:2] == lines[:2] and not any(out[2:])


@pytest.mark.parametrize("header", ["【写作指导】工作计划的写作原则", "写作要点：", "如何写好工作计划"])
def test_writing_tips_after_a_plan_are_furniture(header: str) -> None:
    lines = ["12月：", "举办联欢会", "", header, "不论写哪一类计划，都要把握好下面几条原则：", "第一,对上负责的原则。", "",
             "五、保障措施"]
    out = normalize_lines(lines)
    assert out[:2] == ["12月：", "举办联欢会"] and not any(out[3:6]) and out[7] == "五、保障措施"
