"""The audit engine: plans × rule pack → findings with evidence and a score they explain exactly."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from analyzer.audit.context import AuditContext, build_context
from analyzer.audit.records import AuditFinding, PlanAudit, UnitKind, score_of
from analyzer.audit.registry import rule_types
from analyzer.audit.rules import Rule, RulePack, load_rules
from analyzer.audit.unitkind import detect_unit_kind
from analyzer.models import Document, Plan

log = logging.getLogger(__name__)


def audit_plans(
    plans: Sequence[Plan],
    *,
    pack: str | None = None,
    override: Path | None = None,
    year: int | None = None,
    templates: Sequence[tuple[str, str]] = (),
    unit_kinds: Mapping[str, str] | None = None,
    documents: Sequence[Document] = (),
    context: AuditContext | None = None,
) -> list[PlanAudit]:
    """Audit a batch of parsed plans, one PlanAudit per plan, in the order given.

    Args:
        plans: Plans from :func:`analyzer.pipeline.parse_document` (nothing is parsed here).
        pack: the rule pack for every plan; None picks each plan's pack by its unit kind.
        override: a user's rules file (see :func:`analyzer.audit.rules.load_rules`).
        year: the audit year; plans for another year are flagged (None: not checked).
        templates: known template texts, ``(name, text)``, for the template-copy rule.
        unit_kinds: unit kind per plan (a manifest's values), keyed by plan id, source path or
            file name; codes (``school``) or Chinese names (``学校``).
        documents: the Documents the plans were parsed from (optional, matched by ``source``):
            with them, evidence from a title has its exact line, and leftovers outside every plan
            (a compilation's heading, a site's 小编 intro) count against the plan they precede.
        context: the batch facts when the caller built them already (:func:`build_context`, e.g. to
            show the copies found in a report); ``year``, ``templates`` and ``documents`` are then unused.

    Raises:
        ConfigError: an invalid override file, pack name or unit kind.

    >>> from analyzer.models import Plan
    >>> [a.unit_kind for a in audit_plans([Plan("p", 1, None, "城南小学工会", 2025, 1, 1)])]
    ['school']
    """
    kinds = {p.id: detect_unit_kind(p, unit_kinds) for p in plans}
    needed = sorted({pack or kind for kind, _ in kinds.values()})
    packs = {name: load_rules(name, override=override) for name in needed}
    wants_copies = any(r.type == "copy" for rules in packs.values() for r in rules.active)
    if context is None:
        context = build_context(plans, year=year, templates=templates, copies=wants_copies, documents=documents)
    return [audit_plan(p, packs[pack or kinds[p.id][0]], context, unit_kind=kinds[p.id]) for p in plans]


def audit_plan(
    plan: Plan,
    rules: RulePack,
    context: AuditContext | None = None,
    *,
    unit_kind: tuple[UnitKind, str] | None = None,
) -> PlanAudit:
    """Run a pack's enabled rules over one plan, in pack order.

    A rule is skipped when one of its ``skip_if`` rules fired. Points are each finding's rule
    points (0 for ``info``), a deduction rule's findings together losing at most its
    ``max_points``; the score is 100 minus the points lost, floored at 0.

    >>> from analyzer.models import Plan
    >>> audit = audit_plan(Plan("p", 1, None, None, None, 1, 1), load_rules("general"))
    >>> audit.score == max(0, 100 - sum(f.points_lost for f in audit.findings))
    True
    """
    context = context or AuditContext()
    kind, kind_source = unit_kind or detect_unit_kind(plan)
    view = context.view(plan)
    types = rule_types()
    fired: set[str] = set()
    findings: list[AuditFinding] = []
    for rule in rules.active:
        if fired.intersection(rule.skip_if):
            continue
        try:
            found = types[rule.type].check(view, rule, context)
        except Exception as exc:  # a rule's bug must not stop the audit of a batch
            log.debug("规则 %s 出错：%s", rule.code, plan.id, exc_info=True)
            found = [AuditFinding(rule.code, rule.title, rule.category, "info",
                                  f"规则 {rule.code} 检查出错（{type(exc).__name__}）；请把该文件报告给维护者", 0)]
        if found:
            fired.add(rule.code)
        findings += _capped(rule, [_as_written(f, context.documents.get(plan.source)) for f in found])
    return PlanAudit(
        plan_id=plan.id, title=plan.title, unit=plan.unit, unit_kind=kind, unit_kind_source=kind_source,
        year=plan.year, source=plan.source, pack=rules.name, score=score_of(findings),
        findings=tuple(findings),
    )


def _as_written(finding: AuditFinding, doc: Document | None) -> AuditFinding:
    """Evidence quoted in the script as written (繁体, full-width) when the Document is known."""
    if doc is None:
        return finding
    quoted = []
    for line, text in finding.evidence:
        analysed, original = doc.text_lines[line - 1], doc.lines[line - 1]
        core = text.strip("…")
        at = analysed.find(core) if core else -1
        if analysed != original and len(analysed) == len(original) and at >= 0:
            text = text.replace(core, original[at:at + len(core)])
        quoted.append((line, text))
    return replace(finding, evidence=tuple(quoted))


def _capped(rule: Rule, findings: list[AuditFinding]) -> list[AuditFinding]:
    """The findings with points lost limited to ``rule.max_points`` in total (later ones lose less)."""
    if rule.max_points is None:
        return findings
    left = rule.max_points
    out = []
    for f in findings:
        lost = min(f.points_lost, left)
        left -= lost
        out.append(f if lost == f.points_lost else replace(f, points_lost=lost))
    return out
