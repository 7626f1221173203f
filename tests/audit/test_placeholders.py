"""Template placeholders are found with evidence and line; ordinary text is not flagged."""

from __future__ import annotations

import pytest

from analyzer.audit.placeholders import find_placeholders


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("20__年，区工会将继续", "20__年"),
        ("以_为指导，认真学习", "以_为指导"),
        ("成立由主席__任组长的小组", "__任组长"),
        ("XX年工会工作计划", "XX年"),
        ("xx年度工作要点", "xx年"),
        ("20xx年是关键之年", "20xx年"),
        ("202X年工作安排", "202X年"),
        ("xxx工会全体会员", "xxx工会"),
        ("××省总工会", "××省"),
        ("参加培训**人", "**人"),
        ("[单位名称]工会委员会", "[单位名称]"),
        ("X公司职工", "X公司"),
        ("每月X日为活动日", "每月X日"),
        ("推进学校__X管理", "__X管理"),
        ("认真学习“”重要思想", "“”"),
        ("联系电话：XXXX-XXXXXXXX", "XXXX-XXXXXXXX"),
        ("联系人：×××，电话：XXXXXXXXXXX。", "XXXXXXXXXXX"),
    ],
)
def test_placeholders_found(line: str, expected: str) -> None:
    findings = find_placeholders([line], first_line=7)
    assert findings, line
    assert any(expected in f.evidence for f in findings)
    assert all(f.rule == "template_placeholder" and f.line == 7 for f in findings)


@pytest.mark.parametrize(
    "line",
    ["2024年工会工作计划", "推进1+X证书试点", "组织职工做X光检查", "用Excel表格统计", "制作PPT课件", "KTV歌唱比赛",
     "签订率达到100%", "第1-10周", "统一订购XXXL码工作服"],
)
def test_ordinary_text_not_flagged(line: str) -> None:
    assert find_placeholders([line]) == []
