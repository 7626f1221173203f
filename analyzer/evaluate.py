"""Score the parser against gold annotations (shared/contracts/gold-format.md)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from analyzer.errors import GoldFormatError
from analyzer.ingest.script import to_simplified
from analyzer.models import ParsedDocument, Plan

_STRIP = re.compile(r"[\s\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """Text without spaces and punctuation, width folded (６月 = 6月) and in simplified script
    (gold quoting a traditional document as written matches the simplified analysis text)."""
    folded = to_simplified([unicodedata.normalize("NFKC", text)])[0]
    return _STRIP.sub("", folded)


def _bigrams(s: str) -> list[str]:
    return [s[i: i + 2] for i in range(len(s) - 1)]


def dice(a: str, b: str) -> float:
    """Character-bigram Dice coefficient.

    >>> round(dice("召开教代会", "召开教代会议"), 2)
    0.89
    """
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 1.0 if a == b and a else 0.0
    pool = {}
    for g in y:
        pool[g] = pool.get(g, 0) + 1
    common = 0
    for g in x:
        if pool.get(g, 0) > 0:
            pool[g] -= 1
            common += 1
    return 2 * common / (len(x) + len(y))


def similar_text(a: str, b: str) -> bool:
    """The contract's text match: containment covering at least half, or bigram Dice ≥ 0.6."""
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short in long_ and len(short) * 2 >= len(long_):
        return True
    return dice(a, b) >= 0.6


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


@dataclass
class Counts:
    """Running totals of every metric."""

    docs: int = 0
    split_ok: int = 0
    gold_plans: int = 0
    section_score: float = 0.0
    sched_tp: int = 0
    sched_pred: int = 0
    sched_gold: int = 0
    freq: list[int] = field(default_factory=lambda: [0, 0])
    deadline: list[int] = field(default_factory=lambda: [0, 0])
    target: list[int] = field(default_factory=lambda: [0, 0])
    placeholder: list[int] = field(default_factory=lambda: [0, 0])
    year: list[int] = field(default_factory=lambda: [0, 0])

    def metrics(self) -> dict[str, float | int | None]:
        """The scores as a flat dict (None where nothing was annotated)."""
        def ratio(pair: list[int]) -> float | None:
            return pair[0] / pair[1] if pair[1] else None

        p = self.sched_tp / self.sched_pred if self.sched_pred else (1.0 if not self.sched_gold else 0.0)
        r = self.sched_tp / self.sched_gold if self.sched_gold else (1.0 if not self.sched_pred else 0.0)
        return {
            "documents": self.docs,
            "plans": self.gold_plans,
            "split_accuracy": self.split_ok / self.docs if self.docs else None,
            "section_accuracy": self.section_score / self.gold_plans if self.gold_plans else None,
            "schedule_precision": p,
            "schedule_recall": r,
            "schedule_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "frequency_recall": ratio(self.freq),
            "deadline_recall": ratio(self.deadline),
            "target_recall": ratio(self.target),
            "placeholder_recall": ratio(self.placeholder),
            "year_accuracy": ratio(self.year),
        }


@dataclass(frozen=True)
class DocScore:
    """Per-document detail for the report."""

    source: str
    gold_plans: int
    predicted_plans: int
    error: str | None
    misses: tuple[str, ...]


def load_gold(path: Path) -> dict[str, Any] | None:
    """A gold file, or None when the JSON is not a per-document gold (e.g. copies.json)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"金标准文件无法读取:{path.name}({exc});请检查 JSON 格式") from exc
    if not isinstance(data, dict) or "plans" not in data:
        return None
    if "source" not in data or not isinstance(data["plans"], list):
        raise GoldFormatError(f"金标准文件缺少 source 或 plans 字段:{path.name}")
    return data


def source_for(gold_path: Path, gold: dict[str, Any]) -> Path:
    """The document a gold file describes: ``../plans/<source>``, else next to the gold file."""
    beside = gold_path.parent.parent / "plans" / gold["source"]
    return beside if beside.exists() else gold_path.parent / gold["source"]


def _top_kinds(plan: Plan) -> list[str]:
    return [s.kind for s in plan.sections if s.level == 1 and s.kind != "preamble"]


def _score_plan(gold: dict[str, Any], plan: Plan | None, c: Counts, misses: list[str]) -> None:
    gold_top = [k for k in gold.get("top_sections", []) if k != "preamble"]
    pred_top = _top_kinds(plan) if plan else []
    longest = max(len(gold_top), len(pred_top))
    c.section_score += 1.0 if longest == 0 else _lcs(gold_top, pred_top) / longest
    if plan is not None and gold_top != pred_top:
        misses.append(f"章节 {plan.index}: 金 {gold_top} ≠ 测 {pred_top}")
    gold_items = gold.get("schedule", [])
    pred_items = list(plan.schedule) if plan else []
    c.sched_gold += len(gold_items)
    c.sched_pred += len(pred_items)
    used: set[int] = set()
    for g in gold_items:
        for j, p in enumerate(pred_items):
            if j in used or (p.month_start, p.month_end) != (g["month_start"], g["month_end"]):
                continue
            if similar_text(g["text"], p.text):
                used.add(j)
                c.sched_tp += 1
                break
        else:
            misses.append(f"日程漏：{g['period']} {g['text'][:24]}")
    for j, p in enumerate(pred_items):
        if j not in used:
            misses.append(f"日程多：{p.period}（{p.month_start}–{p.month_end}）{p.text[:24]}（第 {p.line} 行）")
    tasks = list(plan.tasks) if plan else []

    def recall(pairs: list[int], ok: bool, what: str) -> None:
        pairs[1] += 1
        pairs[0] += int(ok)
        if not ok:
            misses.append(what)

    for g in gold.get("frequencies", []):
        key = _norm(g["text_contains"])
        ok = any(key in _norm(t.text) and t.frequency == g["frequency"] for t in tasks)
        recall(c.freq, ok, f"频次漏：{g['text_contains'][:20]}→{g['frequency']}")
    for g in gold.get("deadlines", []):
        key = _norm(g["text_contains"])
        ok = any(key in _norm(t.text) and t.deadline == g["month"] for t in tasks)
        recall(c.deadline, ok, f"期限漏：{g['text_contains'][:20]}→{g['month']}")
    pred_targets = [_norm(x) for t in tasks for x in t.targets]
    for g in gold.get("targets", []):
        recall(c.target, any(_contains_either(_norm(g), x) for x in pred_targets), f"指标漏：{g}")
    evidence = [_norm(f.evidence) for f in (plan.findings if plan else ()) if f.rule == "template_placeholder"]
    for g in gold.get("placeholders", []):
        key = _norm(g) or g
        ok = any(key in e or (e and e in key) for e in evidence) or any(
            g in f.evidence for f in (plan.findings if plan else ()) if f.rule == "template_placeholder")
        recall(c.placeholder, ok, f"占位符漏：{g}")
    if gold.get("year") is not None:
        got = plan.year if plan else None
        recall(c.year, got == gold["year"], f"年份：金 {gold['year']} 测 {got}")


def _contains_either(a: str, b: str) -> bool:
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return short in long_ and len(short) * 2 >= len(long_)


def evaluate(gold_dir: Path, *, parse: Callable[[Path], ParsedDocument] | None = None) -> tuple[
        dict[str, float | int | None], list[DocScore]]:
    """Score the parser on every gold file in ``gold_dir``.

    Args:
        gold_dir: folder of ``<name>.json`` gold files (``copies.json``-style files are skipped).
        parse: the parser to score (default: :func:`analyzer.pipeline.parse_document`).

    Returns:
        ``(metrics, per-document scores)``.
    """
    if parse is None:
        from analyzer.pipeline import parse_document as parse
    counts = Counts()
    details: list[DocScore] = []
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = load_gold(gold_path)
        if gold is None:
            continue
        parsed = parse(source_for(gold_path, gold))
        counts.docs += 1
        gold_plans = gold["plans"]
        counts.gold_plans += len(gold_plans)
        counts.split_ok += int(len(gold_plans) == len(parsed.plans) and parsed.error is None)
        misses: list[str] = []
        if len(gold_plans) != len(parsed.plans):
            misses.append(f"分篇：金 {len(gold_plans)} 测 {len(parsed.plans)}")
        for i, g in enumerate(gold_plans):
            _score_plan(g, parsed.plans[i] if i < len(parsed.plans) else None, counts, misses)
        for extra in parsed.plans[len(gold_plans):]:
            counts.sched_pred += len(extra.schedule)
        details.append(DocScore(gold["source"], len(gold_plans), len(parsed.plans), parsed.error, tuple(misses)))
    return counts.metrics(), details


METRIC_LABELS = {
    "documents": "文档数",
    "plans": "计划数（金标准）",
    "split_accuracy": "分篇准确率",
    "section_accuracy": "章节类型准确率",
    "schedule_precision": "日程精确率",
    "schedule_recall": "日程召回率",
    "schedule_f1": "日程 F1",
    "frequency_recall": "频次召回率",
    "deadline_recall": "期限召回率",
    "target_recall": "指标召回率",
    "placeholder_recall": "占位符召回率",
    "year_accuracy": "年份准确率",
}
