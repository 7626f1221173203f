"""Accuracy held above the issues' thresholds, on the bundled corpus and the user's example."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.evaluate import dice, evaluate, similar_text
from analyzer.pipeline import parse_document

from .conftest import CORPUS


@pytest.fixture(scope="module")
def corpus_metrics() -> dict:
    metrics, _docs = evaluate(CORPUS / "gold")
    return metrics


def test_corpus_is_large_enough(corpus_metrics: dict) -> None:
    assert corpus_metrics["documents"] >= 15


@pytest.mark.parametrize(
    ("metric", "threshold"),
    [
        ("split_accuracy", 1.0),
        ("section_accuracy", 0.95),
        ("placeholder_recall", 0.95),
        ("year_accuracy", 0.95),
        ("schedule_f1", 0.95),
        ("frequency_recall", 0.95),
        ("deadline_recall", 0.9),
        ("target_recall", 0.9),
    ],
)
def test_corpus_scores(corpus_metrics: dict, metric: str, threshold: float) -> None:
    assert corpus_metrics[metric] is not None
    assert corpus_metrics[metric] >= threshold, f"{metric} = {corpus_metrics[metric]:.3f}"


def test_user_example_scores(seed_path: Path) -> None:
    metrics, _docs = evaluate(seed_path.parent)
    assert metrics["split_accuracy"] == 1.0
    assert metrics["section_accuracy"] >= 0.95
    assert metrics["schedule_f1"] >= 0.95
    assert metrics["frequency_recall"] == 1.0


def test_user_example_plans(seed_path: Path) -> None:
    doc = parse_document(seed_path)
    assert [p.title for p in doc.plans] == [f"关于工会工作目标及计划精选篇{i}" for i in range(1, 6)]
    plan4, plan5 = doc.plans[3], doc.plans[4]
    assert len(plan4.schedule) == 23
    assert {(i.month_start, i.month_end) for i in plan4.schedule} == {(m, m) for m in range(3, 13)}
    assert len(plan5.schedule) == 21
    summer = [i for i in plan5.schedule if i.period == "七——八月份"]
    assert len(summer) == 2 and all((i.month_start, i.month_end) == (7, 8) for i in summer)


def test_scoring_is_not_vacuous(tmp_path: Path) -> None:
    """A parser that finds nothing scores zero: the thresholds above can fail."""
    from analyzer.models import ParsedDocument

    def empty(path: Path) -> ParsedDocument:
        return ParsedDocument(source=str(path), sha256=None, encoding=None)

    metrics, _docs = evaluate(CORPUS / "gold", parse=empty)
    assert metrics["split_accuracy"] == 0.0
    assert metrics["schedule_f1"] == 0.0
    assert metrics["placeholder_recall"] == 0.0


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("召开教代会。", "召开教代会", True),
        ("组织教职工参加“市长杯”教研、教学活动。", "组织教职工参加市长杯教研教学活动", True),
        ("召开教代会", "召开职代会并表彰先进集体和个人", False),
        ("", "召开教代会", False),
    ],
)
def test_similar_text(a: str, b: str, same: bool) -> None:
    assert similar_text(a, b) is same


def test_dice_bounds() -> None:
    assert dice("工会工作", "工会工作") == 1.0
    assert dice("工会", "教育") == 0.0


def test_comparison_ignores_width_and_script() -> None:
    from analyzer.evaluate import _norm, dice

    assert _norm("召開職工代表大會（６月）") == _norm("召开职工代表大会(6月)")
    assert _norm("不少於400人次") == _norm("不少于400人次")
    assert dice(_norm("開展「兩節」送溫暖活動"), _norm("开展“两节”送温暖活动")) == 1.0
