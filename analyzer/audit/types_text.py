"""Text-quality rule types: residue (template leftovers), copy (shared passages) and structure."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from analyzer.audit import patterns as P
from analyzer.audit.placeholders import find_placeholders
from analyzer.audit.records import AuditFinding
from analyzer.audit.types_content import _kinds_problem, _section_names, _terms_problem
from analyzer.audit.view import AuditView, find_hits, quote, term_pattern
from analyzer.models import SECTION_KINDS

if TYPE_CHECKING:
    from analyzer.audit.context import AuditContext
    from analyzer.audit.rules import Rule

_PLACEHOLDER_RULE = "template_placeholder"  # the parse finding of audit.placeholders
_NUMBERING_RULES = ("numbering_gap", "numbering_duplicate")  # parse findings of structure.outline
_HEAD_LINES = 15  # lines read for a school year (2025—2026学年) at the top of a plan


# --- residue ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResidueParams:
    """``check``: which leftovers — ``placeholders`` (20__年, XX, ××: the parse's placeholder
    findings), ``boilerplate`` (小编, 仅供参考, 范文, 下载) or ``compilation`` (精选篇1, 篇一);
    ``terms`` / ``patterns`` add words to the built-in boilerplate or compilation patterns."""

    check: Literal["placeholders", "boilerplate", "compilation"]
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    def problem(self) -> str | None:
        return _terms_problem(self.terms, self.patterns) if self.patterns else None


def residue(view: AuditView, rule: Rule, ctx: AuditContext) -> list[AuditFinding]:
    """One finding per line holding template leftovers, quoting them."""
    params: ResidueParams = rule.params
    if params.check == "placeholders":
        by_line: dict[int, list[str]] = defaultdict(list)
        found = list(view.plan.findings)
        if "outside" in rule.scope:
            for line, text in view.outside:
                found += find_placeholders([text], first_line=line)
        for f in found:
            if f.rule == _PLACEHOLDER_RULE:
                by_line[f.line].append(f.evidence)
        return [rule.finding([(line, "、".join(quoted))], text="、".join(quoted))
                for line, quoted in sorted(by_line.items())]
    base = P.BOILERPLATE if params.check == "boilerplate" else P.COMPILATION_LEFTOVER
    pattern = term_pattern(params.terms, (base.pattern, *params.patterns))
    hits = find_hits(view.scope_entries(rule.scope), pattern)
    return [rule.finding([h.evidence()], text=h.found.strip()) for h in sorted(hits, key=lambda h: h.line)]


# --- copy ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CopyParams:
    """``source``: other units' plans of the batch or known templates; a source is named when the
    passages shared with it make up at least ``min_share`` of the plan (and number ``min_passages``)."""

    source: Literal["plans", "templates"] = "plans"
    min_share: float = 0.3
    min_passages: int = 1

    def problem(self) -> str | None:
        return None if 0 < self.min_share <= 1 else "“min_share”应在 0—1 之间"


def copy(view: AuditView, rule: Rule, ctx: AuditContext) -> list[AuditFinding]:
    """One finding per source the plan shares enough text with, quoting the shared passages."""
    params: CopyParams = rule.params
    findings = []
    for match in ctx.copies_of(view.plan.id, params.source):
        if match.share < params.min_share or len(match.passages) < params.min_passages:
            continue
        evidence = [(p.line, quote(p.passage)) for p in match.passages]
        findings.append(rule.finding(evidence, source=match.label, share=f"{match.share:.0%}",
                                     passages=len(match.passages)))
    return findings


# --- structure -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StructureParams:
    """``check``: ``numbering`` (the outline's gaps and duplicates), ``empty_sections``,
    ``review_in_plan`` (past-tense review sentences inside sections of ``kinds``) or ``year`` (the
    plan's year is not the audit year)."""

    check: Literal["numbering", "empty_sections", "review_in_plan", "year"]
    kinds: tuple[str, ...] = ("main_tasks", "measures", "schedule")

    def problem(self) -> str | None:
        return _kinds_problem(self.kinds)


def structure(view: AuditView, rule: Rule, ctx: AuditContext) -> list[AuditFinding]:
    """The structural check ``params.check`` names."""
    params: StructureParams = rule.params
    plan = view.plan
    if params.check == "numbering":
        return [rule.finding([(f.line, quote(f.evidence))], detail=f.message)
                for f in plan.findings if f.rule in _NUMBERING_RULES]
    if params.check == "empty_sections":
        return [rule.finding([(s.line, s.heading.strip())], heading=s.title or s.heading.strip())
                for s in _empty_sections(view)]
    if params.check == "review_in_plan":
        hits = find_hits(view.section_entries(params.kinds), P.PAST_SENTENCE)
        return [rule.finding([h.evidence()], detail=h.found) for h in hits]
    return _year(view, rule, ctx)


def _empty_sections(view: AuditView) -> list:
    """Top-level headings with nothing under them: a short title naming a section (工作目标,
    保障措施 …, nothing after it on its line), no subsection and no line of its own.

    A numbered item whose whole content is its line (1、召开教代会，审议…) is an item, not a
    heading; month or quarter headings are left out (their items may be read as siblings).
    """
    plan = view.plan
    parents = {s.parent for s in plan.sections if s.parent is not None}
    text_lines = {n for n, _ in view.lines}
    names = term_pattern(_section_names(tuple(SECTION_KINDS)))
    out = []
    for i, s in enumerate(plan.sections):
        if i in parents or s.level != 1 or s.kind == "preamble" or s.style == "period":
            continue
        title = s.title.strip()
        if s.body.strip() or len(s.text.strip()) > len(title) + 2 or not P.HEADING_ONLY.match(title):
            continue
        if names is None or not names.search(title):  # an item of a list, not a section's heading
            continue
        if any(n in text_lines for n in range(s.line + 1, s.end_line + 1)):
            continue
        out.append(s)
    return out


def _year(view: AuditView, rule: Rule, ctx: AuditContext) -> list[AuditFinding]:
    plan = view.plan
    if ctx.year is None:
        return []
    if plan.year is None:
        if any(f.rule == _PLACEHOLDER_RULE and "年" in f.evidence for f in plan.findings):
            return []  # 20__年: the placeholder rule reports it
        return [rule.unrecognised([], year=ctx.year, plan_year="")]
    if plan.year == ctx.year or ctx.year in _school_years(view):
        return []
    mark = str(plan.year)
    evidence = [(n, quote(t, t.find(mark), t.find(mark) + len(mark))) for n, t in
                [*view.title_entries(), *view.lines] if mark in t][:1]
    return [rule.finding(evidence, year=ctx.year, plan_year=plan.year)]


def _school_years(view: AuditView) -> set[int]:
    """Both calendar years of a school year named at the top (2025—2026学年 → {2025, 2026})."""
    years: set[int] = set()
    head = [t for _, t in view.title_entries()] + [t for _, t in view.lines[:_HEAD_LINES]]
    for text in head:
        for m in P.SCHOOL_YEAR.finditer(text):
            first = int(m.group(1))
            years |= {first, first + 1}
    return years
