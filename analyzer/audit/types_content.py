"""Checklist rule types: required_section, coverage, occurrence, conditional (each one small function)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from analyzer.audit import patterns as P
from analyzer.audit.records import AuditFinding
from analyzer.audit.view import (
    KIND_NAMES,
    PLAN_KINDS,
    AuditView,
    find_hits,
    label_pattern,
    quote,
    term_pattern,
)
from analyzer.models import SECTION_KINDS

if TYPE_CHECKING:
    from analyzer.audit.context import AuditContext
    from analyzer.audit.rules import Rule

_ONLY_IN_REVIEW = "（仅见于工作回顾部分）"
_ONLY_IN_OPENING = "（仅在开头的总述中提到，未列为工作任务）"
_PRECISE_MONTHS = 2  # a time spanning more months (上半年, 第三季度) does not show a month's activity
_LABEL_WEIGHT = 3  # synonyms of at least this weight name a section on their own (section_kinds.json)


def _kinds_problem(kinds: tuple[str, ...], *, required: bool = False) -> str | None:
    if required and not kinds:
        return "“kinds”不能为空"
    bad = [k for k in kinds if k not in SECTION_KINDS]
    return f"“kinds”中的 {'、'.join(bad)} 不是部分类型（可用：{'、'.join(SECTION_KINDS)}）" if bad else None


def _terms_problem(terms: tuple[str, ...], patterns: tuple[str, ...]) -> str | None:
    if not any(t.strip() for t in terms) and not patterns:
        return "“terms”和“patterns”不能都为空"
    for p in patterns:
        try:
            compiled = re.compile(p)
        except re.error as exc:
            return f"“patterns”中的正则表达式 {p} 无效（{exc}）"
        if compiled.match(""):
            return f"“patterns”中的正则表达式 {p} 能匹配空文本，请写出要找的词"
    return None


def _terms_label(terms: tuple[str, ...]) -> str:
    shown = "、".join(terms[:4])
    return shown + ("等" if len(terms) > 4 else "")


# --- required_section ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RequiredSectionParams:
    """``kinds``: the section kinds of which one must be present; ``labels``: extra names to look
    for as labels in unlabelled text (default: the kinds' names in ``section_kinds.json``)."""

    kinds: tuple[str, ...]
    labels: tuple[str, ...] = ()

    def problem(self) -> str | None:
        return _kinds_problem(self.kinds, required=True)


def required_section(view: AuditView, rule: Rule, ctx: AuditContext) -> list[AuditFinding]:
    """A section of one of ``kinds`` is present; else look for its name written as a label."""
    params: RequiredSectionParams = rule.params
    if view.section_kinds() & set(params.kinds):
        return []
    names = "、".join(KIND_NAMES.get(k, k) for k in params.kinds)
    labels = params.labels or _section_names(params.kinds)
    hits = find_hits((e for e in view.outside_review() if view.kind_of(e[0]) not in params.kinds),
                     label_pattern(labels))
    if hits:
        return [rule.unrecognised([h.evidence() for h in hits], kinds=names)]
    return [rule.finding(kinds=names)]


def _section_names(kinds: tuple[str, ...]) -> tuple[str, ...]:
    from analyzer.structure.kinds import kind_table

    table = kind_table()
    return tuple(t for k in kinds for t, w in table.get(k, {}).items() if w >= _LABEL_WEIGHT)


# --- coverage --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageParams:
    """``terms`` / ``patterns`` (regexes): any of them shows the duty is planned; ``kinds``: the
    section kinds the ``sections`` scope reads (default: the plan part, preamble and review left out)."""

    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    kinds: tuple[str, ...] = PLAN_KINDS

    def problem(self) -> str | None:
        return _terms_problem(self.terms, self.patterns) or _kinds_problem(self.kinds)


def coverage(view: AuditView, rule: Rule, ctx: AuditContext) -> list[AuditFinding]:
    """Any of a duty's terms appears in the scope; else in unlabelled text (未能识别) or only in review."""
    params: CoverageParams = rule.params
    pattern = term_pattern(params.terms, params.patterns)
    label = _terms_label(params.terms) if params.terms else rule.title
    entries = view.scope_entries(rule.scope, params.kinds)
    if any(pattern.search(text) for _, text in entries):
        return []
    unlabelled = find_hits(view.unlabelled(), pattern)
    if unlabelled:
        return [rule.unrecognised([h.evidence() for h in unlabelled], terms=label)]
    for lines, note in ((view.opening_lines(), _ONLY_IN_OPENING), (view.review_lines(), _ONLY_IN_REVIEW)):
        hits = find_hits(lines, pattern)
        if hits:
            return [rule.finding([h.evidence() for h in hits], note=note, terms=label)]
    return [rule.finding(terms=label)]


# --- occurrence ------------------------------------------------------------------------------------

Measure = Literal["schedule_items", "schedule_months", "tasks", "tasks_with_time", "tasks_with_frequency",
                  "tasks_with_target", "with_owner"]
MEASURE_NAMES = {
    "schedule_items": "日程条目", "schedule_months": "日程覆盖的月份", "tasks": "工作任务",
    "tasks_with_time": "有时间要求的任务", "tasks_with_frequency": "有频次的任务",
    "tasks_with_target": "有量化目标的任务", "with_owner": "落实责任人的事项",
}


@dataclass(frozen=True)
class OccurrenceParams:
    """``count``: what is counted; ``min`` / ``max``: the bounds; ``fallback_lines``: dated lines
    outside the recognised schedule needed before a missing schedule becomes 未能识别."""

    count: Measure
    min: int | None = None
    max: int | None = None
    fallback_lines: int = 3

    def problem(self) -> str | None:
        if self.min is None and self.max is None:
            return "“min”和“max”至少要有一个"
        return None


def measure(view: AuditView, count: Measure) -> tuple[int, set[int]]:
    """The count and the lines it was read from."""
    plan = view.plan
    if count == "schedule_items":
        return len(plan.schedule), {i.line for i in plan.schedule}
    if count == "schedule_months":
        return len(_months(plan.schedule)), {i.line for i in plan.schedule}
    if count == "with_owner":
        lines = {t.line for t in plan.tasks if t.owner} | {i.line for i in plan.schedule if i.owner}
        return len(lines), lines
    keep = {
        "tasks": lambda t: True,
        "tasks_with_time": lambda t: bool(t.months or t.deadline),
        "tasks_with_frequency": lambda t: bool(t.frequency),
        "tasks_with_target": lambda t: bool(t.targets),
    }[count]
    tasks = [t for t in plan.tasks if keep(t)]
    return len(tasks), {t.line for t in tasks}


def _months(items) -> set[int]:
    months: set[int] = set()
    for i in items:
        m, end = i.month_start, i.month_end
        months.add(m)
        while m != end and len(months) < 12:
            m = m % 12 + 1
            months.add(m)
    return months


def occurrence(view: AuditView, rule: Rule, ctx: AuditContext) -> list[AuditFinding]:
    """At least ``min`` / at most ``max`` of something; a shortfall the plain text makes up is 未能识别."""
    params: OccurrenceParams = rule.params
    n, counted = measure(view, params.count)
    values = {"count": n, "min": params.min if params.min is not None else "",
              "max": params.max if params.max is not None else "", "measure": MEASURE_NAMES[params.count]}
    if params.max is not None and n > params.max:
        return [rule.finding(**values)]
    if params.min is None or n >= params.min:
        return []
    extra, total = _uncounted(view, params, counted, n)
    if extra and total >= params.min:
        return [rule.unrecognised(extra, **values)]
    return [rule.finding(**values)]


def _uncounted(view: AuditView, params: OccurrenceParams, counted: set[int], n: int) -> tuple[list, int]:
    """Lines that hold what ``count`` counts although the extraction did not count them, and the
    count they would make."""
    count = params.count
    lines = [e for e in view.outside_review() if e[0] not in counted and e[0] not in view.schedule_lines]
    if count == "schedule_items":
        dated = [(line, text, spans) for line, text in lines if (spans := view.dated_times(line, text))]
        if len(dated) < max(params.fallback_lines, 1):
            return [], n
        return [(line, quote(text, spans[0].start, spans[0].end)) for line, text, spans in dated], n + len(dated)
    if count == "schedule_months":  # lines dating an activity in a month the schedule lacks
        known = _months(view.plan.schedule)
        found, months = [], set(known)
        for line, text in lines:
            new = [s for s in view.dated_times(line, text)
                   if len(_months([s])) <= _PRECISE_MONTHS and not _months([s]) <= known]
            if new:
                found.append((line, quote(text, new[0].start, new[0].end)))
                months |= _months(new)
        return found, len(months)
    if count == "tasks":  # prose the outline did not label may hold the tasks
        from analyzer.extract.field_patterns import ACTION_VERB

        found = [(line, quote(text, m.start(), m.end())) for line, text in view.unlabelled()
                 if line not in counted and (m := ACTION_VERB.search(text))]
        return found, n + len(found)
    probe = {
        "tasks_with_time": _time_at,
        "tasks_with_frequency": _frequency_at,
        "tasks_with_target": _target_at,
        "with_owner": lambda text: P.OWNER_HINT.search(text),
    }[count]
    kinds = set(PLAN_KINDS) - {"guiding_ideology"}
    found = []
    for line, text in lines:
        if view.kind_of(line) in kinds | {None}:
            m = probe(text)
            if m is not None:
                found.append((line, quote(text, m.start(), m.end())))
    return found, n + len(found)


def _time_at(text: str) -> re.Match[str] | None:
    """Where a time (or a deadline) is on a line that no task took it from."""
    from analyzer.extract.timeexpr import find_times, is_past_reference

    for span in find_times(text):
        if not is_past_reference(text, span):
            return re.compile(re.escape(span.text)).search(text, span.start)
    return None if not _has_deadline(text) else P.ANY_TEXT.match(text)


def _frequency_at(text: str) -> re.Match[str] | None:
    from analyzer.extract.field_patterns import FREQUENCY

    return FREQUENCY.search(text) if _has_frequency(text) else None


def _target_at(text: str) -> re.Match[str] | None:
    from analyzer.extract.fields import find_targets

    targets = find_targets(text)
    return re.compile(re.escape(targets[0])).search(text) if targets else None


def _has_deadline(text: str) -> bool:
    from analyzer.extract.fields import find_deadline

    return find_deadline(text) is not None


def _has_frequency(text: str) -> bool:
    from analyzer.extract.fields import find_frequency

    return find_frequency(text) is not None


# --- conditional -----------------------------------------------------------------------------------

Need = Literal["time", "owner", "time_or_frequency"]
NEED_NAMES = {"time": "时间安排", "owner": "责任人（部门）", "time_or_frequency": "时间或频次"}


@dataclass(frozen=True)
class ConditionalParams:
    """If any of ``terms`` / ``patterns`` is planned (a task, a schedule item or a plan-part line),
    at least one mention must have ``need``: a time, an owner, or a time or a frequency."""

    need: Need
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    def problem(self) -> str | None:
        return _terms_problem(self.terms, self.patterns)


def conditional(view: AuditView, rule: Rule, ctx: AuditContext) -> list[AuditFinding]:
    """If X is planned, it has a time / an owner; a time or owner on the mention's line is 未能识别."""
    params: ConditionalParams = rule.params
    pattern = term_pattern(params.terms, params.patterns)
    plan, need = view.plan, params.need
    mentions: dict[int, str] = {}
    if "schedule" in rule.scope:
        for item in plan.schedule:
            if pattern.search(item.text) or pattern.search(item.period):
                if need != "owner" or item.owner:
                    return []
                mentions.setdefault(item.line, item.text)
    if "tasks" in rule.scope:
        for task in plan.tasks:
            if pattern.search(task.text):
                has_time = bool(task.months or task.deadline)
                if (need == "time" and has_time) or (need == "owner" and task.owner) or (
                        need == "time_or_frequency" and (has_time or task.frequency)):
                    return []
                mentions.setdefault(task.line, task.text)
    if "sections" in rule.scope:
        for line, text in view.section_entries(set(PLAN_KINDS) - {"guiding_ideology"}):
            if line not in mentions and pattern.search(text):
                mentions[line] = text
    if not mentions:
        return []  # not planned at all: the coverage rules say so
    term = next(m.group() for m in map(pattern.search, mentions.values()) if m)
    values = {"terms": _terms_label(params.terms) if params.terms else rule.title, "term": term,
              "need": NEED_NAMES[need]}
    lines = sorted(mentions)
    satisfied = [n for n in lines if _line_has(view, n, need)]
    if satisfied:
        return [rule.unrecognised([(n, _quote_term(view.plan.line(n), pattern)) for n in satisfied], **values)]
    return [rule.finding([(n, _quote_term(mentions[n], pattern)) for n in lines], **values)]


def _line_has(view: AuditView, line: int, need: Need) -> bool:
    text = view.plan.line(line)
    if need in ("time", "time_or_frequency"):
        from analyzer.extract.timeexpr import find_times, is_past_reference

        if any(not is_past_reference(text, s) for s in find_times(text)) or _has_deadline(text):
            return True
        return need == "time_or_frequency" and _has_frequency(text)
    return bool(P.OWNER_HINT.search(text))


def _quote_term(text: str, pattern: re.Pattern[str]) -> str:
    m = pattern.search(text)
    return quote(text, m.start(), m.end()) if m else quote(text)
