"""The seasonal rule type: an activity scheduled outside its season (送清凉 in December)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.audit import patterns as P
from analyzer.audit.records import AuditFinding
from analyzer.audit.types_content import _terms_problem
from analyzer.audit.view import AuditView, quote, term_pattern

if TYPE_CHECKING:
    from analyzer.audit.context import AuditContext
    from analyzer.audit.rules import Rule


@dataclass(frozen=True)
class SeasonalParams:
    """``terms`` / ``patterns``: the activity; ``months``: when it belongs (an entry passes when its
    months meet these); ``season``: how messages name them; ``tolerance``: months either side
    allowed when the entry prepares (筹备, 方案) or follows up (总结, 表彰) the activity."""

    months: tuple[int, ...]
    terms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    season: str = ""
    tolerance: int = 1

    def problem(self) -> str | None:
        if not self.months or any(not 1 <= m <= 12 for m in self.months):
            return "“months”应为 1—12 的月份列表"
        if not 0 <= self.tolerance <= 3:
            return "“tolerance”应为 0—3"
        return _terms_problem(self.terms, self.patterns)


def seasonal(view: AuditView, rule: Rule, ctx: AuditContext) -> list[AuditFinding]:
    """Flag each scheduled entry naming the activity whose months miss its season, quoting the line."""
    params: SeasonalParams = rule.params
    pattern = term_pattern(params.terms, params.patterns)
    season = params.season or _months_label(params.months)
    entries: list[tuple[int, str, str, set[int]]] = []
    if "schedule" in rule.scope:
        entries += [(i.line, i.text, i.period, _span(i.month_start, i.month_end)) for i in view.plan.schedule]
    if "tasks" in rule.scope:
        entries += [(t.line, t.text, "", set(t.months)) for t in view.plan.tasks if t.months]
    findings: list[AuditFinding] = []
    seen: set[int] = set()
    for line, text, period, months in entries:
        m = pattern.search(text)
        if m is None or line in seen or not months:
            continue
        seen.add(line)
        allowed = set(params.months)
        if P.PREPARATION.search(text):
            allowed |= {(a - 1 + d) % 12 + 1 for a in params.months for d in range(-params.tolerance,
                                                                                  params.tolerance + 1)}
        if months & allowed:
            continue
        findings.append(rule.finding([(line, quote(text, m.start(), m.end()))], term=m.group(),
                                     period=period or _months_label(sorted(months)),
                                     months=_months_label(sorted(months)), season=season))
    return findings


def _span(start: int, end: int) -> set[int]:
    months, m = {start}, start
    while m != end and len(months) < 12:
        m = m % 12 + 1
        months.add(m)
    return months


def _months_label(months) -> str:
    """``[6, 7, 8]`` → ``6—8月``; ``[12, 1, 2]`` → ``12、1、2月``.

    >>> _months_label([6, 7, 8]), _months_label([12, 1, 2]), _months_label([9])
    ('6—8月', '12、1、2月', '9月')
    """
    months = list(months)
    if len(months) > 2 and months == list(range(months[0], months[-1] + 1)):
        return f"{months[0]}—{months[-1]}月"
    return "、".join(str(m) for m in months) + "月"
