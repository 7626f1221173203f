"""Duty taxonomy and plans × duties coverage."""

from __future__ import annotations

import json

import pytest

from analyzer.compare.duties import duty_counts, duty_coverage, duty_hits, load_taxonomy
from analyzer.errors import ConfigError
from analyzer.models import Plan
from analyzer.text.patterns import CJK_WORD


def _plan(pid: str, text: str) -> Plan:
    return Plan(pid, 1, None, None, None, 1, 1, text_lines=(text,))


def test_shipped_taxonomy() -> None:
    tax = load_taxonomy()
    assert len(tax.duties) >= 12
    names = {d.name for d in tax.duties}
    assert {"维权与劳动关系", "民主管理与厂务公开", "女职工工作", "劳模工匠", "心理关爱", "经费管理"} <= names
    for duty in tax.duties:
        assert CJK_WORD.search(duty.name)
        assert 10 <= len(duty.terms) <= 30, duty.name


@pytest.mark.parametrize(
    ("text", "duty", "count"),
    [
        ("召开教代会，推进校务公开", "民主管理与厂务公开", 2),
        ("管好用好工会经费，按时上缴经费", "经费管理", 3),  # 工会经费 (not 经费 twice) + 上缴 + 经费
        ("开展送清凉，检查安全隐患", "劳动保护与安全生产", 2),
        ("庆祝三八妇女节，维护女职工特殊权益", "女职工工作", 4),
        ("组织乒乓球和拔河比赛", "文体活动", 2),
    ],
)
def test_counts(text: str, duty: str, count: int) -> None:
    table = duty_counts([_plan("p", text)])
    assert table.loc["p", duty] == count
    assert table.loc["p"].sum() == count


def test_hits_and_coverage() -> None:
    plans = [_plan("a", "召开教代会，推进校务公开，落实民主管理"), _plan("b", "慰问困难职工")]
    hits = duty_hits(plans)
    assert list(hits.columns) == ["plan_id", "duty", "term", "count"]
    assert set(hits.loc[hits["plan_id"] == "a", "term"]) == {"教代会", "校务公开", "民主管理"}
    coverage = duty_coverage(plans)
    assert coverage.loc["a", "民主管理与厂务公开"] == 1.0
    assert coverage.loc["b", "困难帮扶与送温暖"] == pytest.approx(2 / 3)  # 慰问, 困难职工
    assert coverage.loc["b", "民主管理与厂务公开"] == 0.0
    assert list(coverage.index) == ["a", "b"]
    assert duty_coverage([_plan("z", "无关文字")]).to_numpy().sum() == 0.0


@pytest.mark.parametrize(
    "content",
    [
        '{"duties": [{"name": "甲"}]}',
        "not json",
        '{"duties": [{"name": "甲", "terms": ["工会"]}, {"name": "乙", "terms": ["工会"]}]}',
    ],
)
def test_bad_taxonomy(tmp_path, content: str) -> None:
    path = tmp_path / "duties.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_taxonomy(path)


def test_custom_taxonomy(tmp_path) -> None:
    path = tmp_path / "duties.json"
    path.write_text(
        json.dumps({"duties": [{"name": "读书", "terms": ["书屋", "读书"]}]}, ensure_ascii=False),
        encoding="utf-8",
    )
    tax = load_taxonomy(path)
    assert duty_counts([_plan("p", "建设职工书屋，开展读书活动")], taxonomy=tax).loc["p", "读书"] == 2
