"""What an audit knows beyond one plan: the audit year, the other plans and the copies found, once per batch."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from analyzer.audit.view import AuditView
from analyzer.models import Document, Plan

_TITLE_WINDOW = 8  # lines into a plan its title may stand on (the pipeline looks as far)

CopySource = Literal["plans", "templates"]


@dataclass(frozen=True)
class CopiedPassage:
    """A passage of the audited plan shared with another plan or a template."""

    line: int
    passage: str
    other_line: int
    similarity: float


@dataclass(frozen=True)
class CopyMatch:
    """Everything one plan shares with one other plan (or template)."""

    other: str  # the other plan's id, or the template's name
    label: str  # the other plan or template as a reader names it
    share: float  # share of the audited plan's text copied from ``other``
    passages: tuple[CopiedPassage, ...]


@dataclass(frozen=True)
class AuditContext:
    """Batch-wide facts the rule types may need, computed once per ``audit_plans`` call.

    Attributes:
        year: the audit year (the year plans should be for), or None to skip the year check.
        plans: every plan of the batch by id.
        copies: plan id → copies shared with plans of other units (``find_copies``).
        template_copies: plan id → copies of known templates (``find_template_copies``).
        title_lines: plan id → the document line of its title (from the documents, when given).
        outside: plan id → document lines outside every plan that go with it: those before it
            (a compilation's heading, a site's intro) and, for the last plan, those after it.
        documents: source → Document, when given (evidence is then quoted as written).
    """

    year: int | None = None
    plans: dict[str, Plan] = field(default_factory=dict)
    copies: dict[str, tuple[CopyMatch, ...]] = field(default_factory=dict)
    template_copies: dict[str, tuple[CopyMatch, ...]] = field(default_factory=dict)
    title_lines: dict[str, int] = field(default_factory=dict)
    outside: dict[str, tuple[tuple[int, str], ...]] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)

    def view(self, plan: Plan) -> AuditView:
        """The rule types' view of a plan, with its title line and outside lines when known."""
        return AuditView(plan, title_line=self.title_lines.get(plan.id), outside=self.outside.get(plan.id, ()))

    def copies_of(self, plan_id: str, source: CopySource) -> tuple[CopyMatch, ...]:
        """What a plan shares with other units' plans, or with templates, by decreasing share."""
        table = self.copies if source == "plans" else self.template_copies
        return table.get(plan_id, ())


def build_context(
    plans: Sequence[Plan],
    *,
    year: int | None = None,
    templates: Sequence[tuple[str, str]] = (),
    copies: bool = True,
    documents: Sequence[Document] = (),
) -> AuditContext:
    """Compute the batch-wide facts: copy detection between plans and against templates.

    Args:
        plans: the batch.
        year: the audit year.
        templates: known template texts as ``(name, text)`` pairs.
        copies: run copy detection (skipped when no active rule needs it).
        documents: the Documents the plans come from (optional): their lines give each title's line
            and the text outside every plan (matched by ``source``).

    >>> build_context([], year=2025).year
    2025
    """
    by_id = {p.id: p for p in plans}
    found: dict[str, tuple[CopyMatch, ...]] = {}
    from_templates: dict[str, tuple[CopyMatch, ...]] = {}
    if copies and len(plans) > 1:
        from analyzer.compare.copies import find_copies

        found = _index(find_copies(plans).pairs, by_id)
    if copies and plans and templates:
        from analyzer.compare.copies import find_template_copies

        from_templates = _index(find_template_copies(plans, templates).pairs, by_id, one_way=True)
    title_lines, outside = _document_lines(plans, documents)
    return AuditContext(year=year, plans=by_id, copies=found, template_copies=from_templates,
                        title_lines=title_lines, outside=outside, documents={d.source: d for d in documents})


def _document_lines(plans: Sequence[Plan], documents: Sequence[Document]
                    ) -> tuple[dict[str, int], dict[str, tuple[tuple[int, str], ...]]]:
    """Each plan's title line and the document lines outside every plan that go with it."""
    titles: dict[str, int] = {}
    outside: dict[str, tuple[tuple[int, str], ...]] = {}
    by_source: dict[str, list[Plan]] = defaultdict(list)
    for plan in plans:
        by_source[plan.source].append(plan)
    for doc in documents:
        mine = sorted(by_source.get(doc.source, ()), key=lambda p: p.line_start)
        if not mine:
            continue
        lines = doc.text_lines
        for plan in mine:
            if plan.title:
                last = min(len(lines), plan.line_start + _TITLE_WINDOW)
                found = [n for n in range(1, last + 1) if lines[n - 1].strip() == plan.title]
                if found:
                    titles[plan.id] = found[-1]
        covered = {n for p in mine for n in range(p.line_start, p.line_end + 1)}
        extra: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for n, text in enumerate(lines, 1):
            if n in covered or not text.strip():
                continue
            owner = next((p for p in mine if p.line_start > n), mine[-1])
            extra[owner.id].append((n, text))
        outside.update({k: tuple(v) for k, v in extra.items()})
    return titles, outside


def plan_label(plan: Plan, *, numbered: bool = False) -> str:
    """A plan as a reader names it: its unit (or title) and its file (and its place in a compilation).

    >>> plan_label(Plan("p#2", 2, "某计划", "城南小学工会", 2025, 1, 9, source="/x/计划汇编.txt"), numbered=True)
    '城南小学工会（计划汇编.txt 第2篇）'
    """
    name = plan.unit or plan.title or "未署名计划"
    where = Path(plan.source).name if plan.source else ""
    if numbered:
        where = f"{where} 第{plan.index}篇".strip()
    return f"{name}（{where}）" if where else name


def _index(pairs: Sequence, by_id: dict[str, Plan], *, one_way: bool = False) -> dict[str, tuple[CopyMatch, ...]]:
    """Copy pairs grouped by audited plan and other document (both directions for plan pairs)."""
    grouped: dict[tuple[str, str], list[tuple[CopiedPassage, float]]] = defaultdict(list)
    for p in pairs:
        grouped[p.plan_a, p.plan_b].append((CopiedPassage(p.line_a, p.passage_a, p.line_b, p.similarity), p.share_a))
        if not one_way:
            grouped[p.plan_b, p.plan_a].append(
                (CopiedPassage(p.line_b, p.passage_b, p.line_a, p.similarity), p.share_b))
    per_source: dict[str, int] = defaultdict(int)
    for plan in by_id.values():
        per_source[plan.source] += 1
    out: dict[str, list[CopyMatch]] = defaultdict(list)
    for (plan_id, other), items in sorted(grouped.items()):
        passages = tuple(sorted((c for c, _ in items), key=lambda c: c.line))
        other_plan = by_id.get(other)
        label = (plan_label(other_plan, numbered=per_source[other_plan.source] > 1) if other_plan
                 else f"模板“{other}”")
        out[plan_id].append(CopyMatch(other, label, items[0][1], passages))
    return {k: tuple(sorted(v, key=lambda m: (-m.share, m.other))) for k, v in out.items()}
