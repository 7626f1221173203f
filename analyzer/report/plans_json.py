"""The audit's ``plans.json``: the parse contract with each plan's audit (score, findings) and the files not audited."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer.report.plan_json import SCHEMA_VERSION, _layout, document_to_dict
from analyzer.report.safe import write_atomic

if TYPE_CHECKING:
    from analyzer.audit.records import AuditFinding
    from analyzer.batch import AuditRun, Submission

__all__ = ["audit_payload", "finding_to_dict", "submission_audit", "write_plans_json"]


def finding_to_dict(f: AuditFinding) -> dict[str, Any]:
    """One finding as JSON: rule, level, message, points lost and its evidence lines.

    >>> from analyzer.audit.records import AuditFinding
    >>> finding_to_dict(AuditFinding("R701", "模板占位符未填写", "模板残留", "error", "占位符：XX", 4, ((3, "XX"),)))["evidence"]
    [{'line': 3, 'text': 'XX'}]
    """
    return {"code": f.code, "title": f.title, "category": f.category, "level": f.level, "message": f.message,
            "points_lost": f.points_lost, "unrecognised": f.unrecognised,
            "evidence": [{"line": line, "text": text} for line, text in f.evidence]}


def submission_audit(sub: Submission) -> dict[str, Any]:
    """The ``audit`` object added to a plan: its identity in the batch, score, pack and findings."""
    a = sub.audit
    return {"score": a.score, "pack": a.pack, "unit_kind": a.unit_kind, "key": sub.key, "label": sub.label,
            "unit": sub.unit, "year": sub.year, "findings": [finding_to_dict(f) for f in a.findings]}


def audit_payload(run: AuditRun) -> dict[str, Any]:
    """``plans.json`` as a dict: ``schema_version``, ``audit_year``, ``documents`` (each plan with ``audit``,
    None for a plan the audit did not see) and ``rejected``.

    >>> from analyzer.batch import AuditRun
    >>> sorted(audit_payload(AuditRun(submissions=(), year=2025)))
    ['audit_year', 'documents', 'rejected', 'schema_version']
    """
    # by source file and index: two copies of one file share a plan id, never a source
    audits = {(s.plan.source, s.plan.index): s for s in run.submissions}
    documents = []
    for doc in run.documents:
        data = document_to_dict(doc)
        for plan, entry in zip(doc.plans, data["plans"], strict=True):
            sub = audits.get((plan.source, plan.index))
            entry["audit"] = submission_audit(sub) if sub is not None else None
        documents.append(data)
    return {
        "schema_version": SCHEMA_VERSION,
        "audit_year": run.year,
        "documents": documents,
        "rejected": [{"source": r.source, "reason": r.reason, "kind": r.kind} for r in run.rejected],
    }


def write_plans_json(run: AuditRun, path: Path) -> Path:
    """Write ``plans.json`` (UTF-8, atomic; records one per line as ``parse`` writes them).

    Returns:
        ``path``.

    Raises:
        OutputError: the file cannot be written.
    """
    return write_atomic(path, _layout(audit_payload(run), "  ", 0) + "\n")
