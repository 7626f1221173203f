"""Page furniture in text pasted from a PDF: page numbers and running headers between pages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest.normalize import normalize_text
from analyzer.ingest.pages import drop_page_furniture


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # page numbers of every usual form go; the header beside two of them goes
        (["甲。", "- 1 -", "某局工会", "乙。", "第 2 页 共 3 页", "某局工会", "丙。", "3/3"],
         ["甲。", "", "", "乙。", "", "", "丙。", ""]),
        # a footer before the number, with the page number inside it, goes too
        (["甲。", "某局工会 第1页", "— 1 —", "乙。", "某局工会 第2页", "— 2 —"], ["甲。", "", "", "乙。", "", ""]),
        # a line next to one page number only is kept; so are a bare number and numbered lines
        (["一、目标", "— 1 —", "某局工会", "12", "1、召开职代会", "— 2 —", "1、召开职代会"],
         ["一、目标", "", "某局工会", "12", "1、召开职代会", "", "1、召开职代会"]),
        # no decorated page number: nothing changes
        (["3", "2026年3月", "5.1前后", "第2周"], ["3", "2026年3月", "5.1前后", "第2周"]),
    ],
)
def test_drop_page_furniture(lines: list[str], expected: list[str]) -> None:
    assert drop_page_furniture(lines) == expected


def _wrap(paragraph: str, width: int = 26) -> list[str]:
    lines = [paragraph[k:k + width] for k in range(0, len(paragraph), width)]
    return ["\u3000\u3000" + lines[0], *lines[1:]]


def test_paragraph_rejoins_across_a_pasted_page_break() -> None:
    first = "关注民警身心健康。设立警营心理咨询室，每月邀请心理咨询师到局开展一次心理疏导；建设警营健身房，6月底前投"
    other = "加强工会自身建设。规范工会经费收支，每半年公开一次经费使用情况，每季度通报一次工作进展，年底前完成会员信息数据库更新。"
    text = "\n".join([*_wrap(other), *_wrap(first), "", "— 1 —", "鹤岭县公安局机关工会", "入使用。", *_wrap(other) * 2,
                      "— 2 —", "鹤岭县公安局机关工会", "三、措施"])
    lines = [line for line in normalize_text(text) if line]
    assert lines[:2] == [other, first + "入使用。"]
    assert "鹤岭县公安局机关工会" not in lines and "— 1 —" not in lines


_LINE = st.sampled_from(["— 1 —", "- 2 -", "第3页", "某局工会", "某局工会 第4页", "一、目标", "召开职代会。", "", "12", "5/6"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, max_size=20))
def test_page_furniture_keeps_line_count_and_is_idempotent(lines: list[str]) -> None:
    once = drop_page_furniture(lines)
    assert len(once) == len(lines)
    assert all(new in ("", old) for new, old in zip(once, lines, strict=True))  # lines are only blanked
    assert drop_page_furniture(once) == once
