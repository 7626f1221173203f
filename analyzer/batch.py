"""An audit batch: read → parse → who sent it (manifest, path, text) → audit, for a folder of submissions.

The result, :class:`AuditRun`, is what every audit report is written from: the audited plans with
their identity (unit, year, source file: two plans of the same generic unit name never merge), the
files that could not be read or hold no plan, and the batch-wide copies. Nothing here writes a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from analyzer.audit.context import AuditContext, CopyMatch, build_context
from analyzer.audit.records import PlanAudit
from analyzer.ingest.docvars import DocVars, Manifest, docvars_for
from analyzer.models import Document, ParsedDocument, Plan

__all__ = ["AuditRun", "Rejected", "Submission", "run_audit"]


@dataclass(frozen=True)
class Submission:
    """One audited plan and who sent it.

    Attributes:
        key: unique identity: unit, year and source file with the plan's index in it.
        label: a unique, readable name for tables and charts (``实验小学工会（2025）``; the file name
            is added when two plans would share a label).
        plan: the parsed plan.
        audit: its findings and score.
        unit: the submitting unit (manifest, else folder path, else the plan's text).
        year: the plan year (same order).
        group: the manifest's 分组, if any.
        origin: where unit and year came from: ``manifest``, ``path`` or ``text``.
    """

    key: str
    label: str
    plan: Plan
    audit: PlanAudit
    unit: str | None
    year: int | None
    group: str | None
    origin: str

    @property
    def source(self) -> str:
        """The file the plan came from."""
        return self.plan.source


@dataclass(frozen=True)
class Rejected:
    """A file the audit could not use, and why (``unreadable``: a read error; ``not_plan``: no plan in it)."""

    source: str
    reason: str
    kind: Literal["unreadable", "not_plan"]


@dataclass(frozen=True)
class AuditRun:
    """Everything one audit produced, for the reports.

    Attributes:
        submissions: the audited plans, in input order.
        rejected: files that were not audited, with the reason.
        documents: every parsed document (for ``plans.json``), in input order.
        year: the audit year, when given.
        copies: plan id → what it shares with other units' plans (by decreasing share).
        template_copies: plan id → what it shares with known templates.
        created: when the audit ran (local time, for the reports' dates).
    """

    submissions: tuple[Submission, ...]
    rejected: tuple[Rejected, ...] = ()
    documents: tuple[ParsedDocument, ...] = ()
    year: int | None = None
    copies: dict[str, tuple[CopyMatch, ...]] = field(default_factory=dict)
    template_copies: dict[str, tuple[CopyMatch, ...]] = field(default_factory=dict)
    created: datetime = field(default_factory=datetime.now)
    texts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # source → the document's lines as written

    def by_plan(self) -> dict[str, Submission]:
        """Plan id → submission."""
        return {s.plan.id: s for s in self.submissions}

    @property
    def plans(self) -> list[Plan]:
        """The audited plans, in order."""
        return [s.plan for s in self.submissions]


def run_audit(
    paths: Iterable[str | os.PathLike],
    *,
    year: int | None = None,
    override: Path | None = None,
    pack: str | None = None,
    manifest: Manifest | None = None,
    templates: Sequence[tuple[str, str]] = (),
    root: str | os.PathLike | None = None,
    progress: Callable[[ParsedDocument], object] | None = None,
) -> AuditRun:
    """Read, parse and audit every file under ``paths``.

    Args:
        paths: files and folders (walked as :func:`analyzer.ingest.iter_paths` does).
        year: the audit year (plans for another year are flagged); None: not checked.
        override: a user's rules file.
        pack: one rule pack for every plan; None: each plan's pack follows its unit kind.
        manifest: a CSV manifest's rows (unit, unit kind, year, group per file).
        templates: known template texts ``(name, text)``.
        root: the folder the path conventions (``2025/学校/单位.docx``) are read below; default: each
            folder given in ``paths``.
        progress: called with each parsed document as it is done (a progress bar).

    Returns:
        The :class:`AuditRun`.

    Raises:
        ConfigError: an invalid rules file or unit kind.
    """
    from analyzer.audit.engine import audit_plans
    from analyzer.ingest import iter_paths
    from analyzer.pipeline import parse_file

    docs: list[ParsedDocument] = []
    loaded: list[Document] = []
    rejected: list[Rejected] = []
    plans: list[Plan] = []
    docvars: dict[str, DocVars] = {}
    for given in paths:
        base = Path(root) if root is not None else (Path(given) if Path(given).is_dir() else None)
        for path in iter_paths([given]):
            parsed, document = parse_file(path)
            docs.append(parsed)
            if progress is not None:
                progress(parsed)
            if parsed.error:
                rejected.append(Rejected(parsed.source, parsed.error, "unreadable"))
                continue
            if not parsed.plans:
                rejected.append(Rejected(parsed.source, "文件中没有识别出工作计划", "not_plan"))
                continue
            if document is not None:
                loaded.append(document)
            docvars[parsed.source] = docvars_for(path, manifest=manifest, root=base)
            plans.extend(parsed.plans)
    unit_kinds = {p.id: kind for p in plans if (kind := docvars[p.source].unit_kind)}
    context: AuditContext = build_context(plans, year=year, templates=templates, documents=loaded)
    audits = audit_plans(plans, pack=pack, override=override, unit_kinds=unit_kinds, context=context)
    submissions = _identify(plans, audits, docvars)
    return AuditRun(submissions=tuple(submissions), rejected=tuple(rejected), documents=tuple(docs), year=year,
                    copies=context.copies, template_copies=context.template_copies,
                    texts={d.source: d.lines for d in loaded})


def _identify(plans: Sequence[Plan], audits: Sequence[PlanAudit], docvars: dict[str, DocVars]) -> list[Submission]:
    """Each plan's unit, year, unique key and unique label (manifest, then path, then text)."""
    rows = []
    for plan, audit in zip(plans, audits, strict=True):
        known = docvars[plan.source]
        unit = known.unit or plan.unit
        year = known.year or plan.year
        origin = known.origin if (known.unit or known.year) else "text"
        key = f"{unit or '未知单位'}|{year or ''}|{plan.source}#{plan.index}"
        rows.append((plan, audit, unit, year, known.group, origin, key))
    labels = _labels([(r[2] or r[0].title or Path(r[0].source).stem, r[3], r[0]) for r in rows])
    return [Submission(key=key, label=label, plan=plan, audit=audit, unit=unit, year=year, group=group, origin=origin)
            for (plan, audit, unit, year, group, origin, key), label in zip(rows, labels, strict=True)]


def _labels(named: Sequence[tuple[str, int | None, Plan]]) -> list[str]:
    """Readable labels, unique: ``单位（年份）``, then the file name, then the plan's index, when they clash."""
    base = [f"{name[:20]}（{year}）" if year else name[:20] for name, year, _plan in named]
    counts: dict[str, int] = {}
    for label in base:
        counts[label] = counts.get(label, 0) + 1
    out: list[str] = []
    seen: set[str] = set()
    for label, (_name, _year, plan) in zip(base, named, strict=True):
        if counts[label] > 1:
            label = f"{label}·{Path(plan.source).name}"
            if label in seen:
                label = f"{label}#{plan.index}"
        while label in seen:
            label += "′"
        seen.add(label)
        out.append(label)
    return out
