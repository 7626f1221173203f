"""Score the audit against ``corpus/audit-gold/*.json``: finding precision and recall, score bounds.

A gold file names a document (path relative to the folder the evaluation runs in), the audit year
and, per plan, the findings a careful auditor raises (rule code, and the line of the evidence when a
line shows it). Only accusations count: findings at level ``error`` or ``warning``; ``info`` hints
(未能识别 …) are neither rewarded nor punished.

A gold finding is found when the audit raised the same code for that plan and, if the gold gives a
line, one of the finding's evidence lines is that line (±1: a heading and its first line). A raised
finding is right when it matches a gold finding of its plan the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.errors import GoldFormatError

__all__ = ["AuditDocScore", "evaluate_audit"]

_ACCUSATIONS = ("error", "warning")
_LINE_SLACK = 1


@dataclass
class AuditDocScore:
    """One gold document's comparison."""

    source: str
    gold_plans: int
    audited_plans: int
    misses: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class _Counts:
    gold: int = 0
    found: int = 0
    raised: int = 0
    right: int = 0
    plans: int = 0
    kinds_right: int = 0
    bounds: int = 0
    bounds_kept: int = 0


def evaluate_audit(gold_dir: str | Path) -> tuple[dict[str, float | int | None], list[AuditDocScore]]:
    """Audit every gold document and compare findings.

    Returns:
        ``(metrics, per-document scores)``: ``finding_precision``, ``finding_recall``, ``finding_f1``,
        ``unit_kind_accuracy``, ``score_bounds_kept`` (share of the gold's score_min/score_max held),
        and the counts.

    Raises:
        GoldFormatError: a gold file is not valid JSON or lacks a field.
    """
    from analyzer.batch import run_audit

    counts = _Counts()
    docs: list[AuditDocScore] = []
    golds = [_load(path) for path in sorted(Path(gold_dir).glob("*.json"))]
    present = [g for g in golds if Path(g["source"]).exists()]
    # The gold's findings assume one batch per audit year (copies are found between the batch's plans).
    runs: dict[object, object] = {}
    for year in sorted({g.get("audit_year") for g in present}, key=lambda y: (y is None, y)):
        sources = [Path(g["source"]) for g in present if g.get("audit_year") == year]
        runs[year] = run_audit(sources, year=year)
    for gold in golds:
        source = Path(gold["source"])
        if gold not in present:
            docs.append(AuditDocScore(str(source), len(gold["plans"]), 0, error=f"找不到文件 {source}（已跳过）"))
            continue
        run = runs[gold.get("audit_year")]
        mine = [s for s in run.submissions if Path(s.source) == source]
        score = AuditDocScore(str(source), len(gold["plans"]), len(mine))
        rejected = [r for r in run.rejected if Path(r.source) == source]
        if rejected:
            score.error = rejected[0].reason
        for index, (expected, plan) in enumerate(_pair(gold["plans"], mine), 1):
            _compare(index, expected, plan, counts, score)
        docs.append(score)
    precision = counts.right / counts.raised if counts.raised else None
    recall = counts.found / counts.gold if counts.gold else None
    f1 = (2 * precision * recall / (precision + recall)) if precision and recall else None
    metrics: dict[str, float | int | None] = {
        "documents": len(docs),
        "plans": counts.plans,
        "gold_findings": counts.gold,
        "raised_findings": counts.raised,
        "finding_precision": precision,
        "finding_recall": recall,
        "finding_f1": f1,
        "unit_kind_accuracy": counts.kinds_right / counts.plans if counts.plans else None,
        "score_bounds_kept": counts.bounds_kept / counts.bounds if counts.bounds else None,
    }
    return metrics, docs


#: Chinese labels of the audit metrics (``plan-analyzer evaluate --audit``).
AUDIT_METRIC_LABELS = {
    "documents": "文档数",
    "plans": "计划数（金标准）",
    "gold_findings": "金标准问题数",
    "raised_findings": "审核提出问题数",
    "finding_precision": "问题精确率",
    "finding_recall": "问题召回率",
    "finding_f1": "问题 F1",
    "unit_kind_accuracy": "单位类型准确率",
    "score_bounds_kept": "得分界限符合率",
}


def _load(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"审核金标准文件无法读取：{path.name}（{exc}）") from exc
    if not isinstance(gold, dict) or "source" not in gold or not isinstance(gold.get("plans"), list):
        raise GoldFormatError(f"审核金标准文件缺少 source 或 plans：{path.name}")
    for plan in gold["plans"]:
        for finding in plan.get("findings", ()):
            if "code" not in finding:
                raise GoldFormatError(f"审核金标准文件 {path.name} 中有问题缺少 code")
    return gold


def _pair(gold_plans: list[dict], submissions) -> list[tuple[dict, object | None]]:
    """Gold plans with the audited plan each stands for: by title substring, else by position."""
    left = list(submissions)
    pairs = []
    for position, expected in enumerate(gold_plans):
        needle = expected.get("title_contains")
        match = None
        if needle:
            match = next((s for s in left if needle in (s.plan.title or "") or needle in (s.unit or "")), None)
        if match is None and len(gold_plans) == len(submissions):
            candidate = submissions[position]
            match = candidate if candidate in left else None
        if match is not None:
            left.remove(match)
        pairs.append((expected, match))
    return pairs


def _compare(index: int, expected: dict, submission, counts: _Counts, score: AuditDocScore) -> None:
    gold = [(f["code"], f.get("line")) for f in expected.get("findings", ())]
    counts.plans += 1
    counts.gold += len(gold)
    if submission is None:
        score.misses.append(f"计划{index}：未能对应到审核结果（{len(gold)} 个问题未找到）")
        return
    audit = submission.audit
    if expected.get("unit_kind") in (None, audit.unit_kind):
        counts.kinds_right += 1
    else:
        score.misses.append(f"计划{index}：单位类型 {audit.unit_kind}，金标准 {expected['unit_kind']}")
    raised = [f for f in audit.findings if f.level in _ACCUSATIONS]
    counts.raised += len(raised)
    for code, line in gold:
        if any(_matches(f, code, line) for f in raised):
            counts.found += 1
        else:
            where = f"第{line}行" if line else ""
            score.misses.append(f"计划{index}：漏报 {code}{where}")
    lines_by_code: dict[str, list[int | None]] = {}
    for code, line in gold:
        lines_by_code.setdefault(code, []).append(line)
    for finding in raised:
        if any(_matches(finding, finding.code, line) for line in lines_by_code.get(finding.code, ())):
            counts.right += 1
        else:
            shown = f"第{finding.line}行" if finding.line else ""
            score.misses.append(f"计划{index}：误报 {finding.code}{shown}（{finding.message}）")
    for key, keep in (("score_min", lambda s, b: s >= b), ("score_max", lambda s, b: s <= b)):
        bound = expected.get(key)
        if bound is not None:
            counts.bounds += 1
            if keep(audit.score, bound):
                counts.bounds_kept += 1
            else:
                score.misses.append(f"计划{index}：得分 {audit.score}，金标准要求 {key} {bound}")


def _matches(finding, code: str, line: int | None) -> bool:
    if finding.code != code:
        return False
    if line is None:
        return True
    return any(abs(n - line) <= _LINE_SLACK for n, _quote in finding.evidence)
