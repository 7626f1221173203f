"""Audit records: a finding with its evidence and points lost, and a plan's audit whose score they explain."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[str, ...] = ("error", "warning", "info")
LEVEL_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}

UnitKind = Literal["enterprise", "institution", "school", "community", "general"]
UNIT_KINDS: tuple[str, ...] = ("enterprise", "institution", "school", "community", "general")
UNIT_KIND_LABELS = {
    "enterprise": "企业",
    "institution": "机关事业单位",
    "school": "学校",
    "community": "街道社区",
    "general": "通用",
}

#: One piece of evidence: the document line number (1-based) and the text quoted from it.
Evidence = tuple[int, str]

FULL_SCORE = 100


@dataclass(frozen=True, slots=True)
class AuditFinding:
    """One thing an auditor would raise about a plan, with the lines that prove it.

    Attributes:
        code: the rule's code (``A104``).
        title: the rule's title, i.e. what is checked (考核内容, ``有时间安排``).
        category: the rule's group (项目, ``工作计划``).
        level: ``error`` | ``warning`` | ``info``.
        message: one Chinese line saying what is wrong.
        points_lost: points this finding takes off the plan's score (0 for ``info``).
        evidence: ``(line, quoted text)`` pairs; empty for a missing item no line can show.
        unrecognised: True when the plan seems to hold what the rule looks for but the parser did
            not recognise it (the 未能识别 findings): they are ``info`` and cost no points.
    """

    code: str
    title: str
    category: str
    level: Level
    message: str
    points_lost: int
    evidence: tuple[Evidence, ...] = ()
    unrecognised: bool = False

    @property
    def line(self) -> int | None:
        """The first evidence line, if any."""
        return self.evidence[0][0] if self.evidence else None


@dataclass(frozen=True, slots=True)
class PlanAudit:
    """The audit of one plan: findings in rule order and a score they explain exactly.

    ``score == max(0, 100 - sum(f.points_lost for f in findings))`` always holds.
    """

    plan_id: str
    title: str | None
    unit: str | None
    unit_kind: UnitKind
    unit_kind_source: str  # given | unit | title | source | text | default
    year: int | None
    source: str
    pack: str
    score: int
    findings: tuple[AuditFinding, ...]

    @property
    def points_lost(self) -> int:
        """Sum of the points the findings take off."""
        return sum(f.points_lost for f in self.findings)

    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order (a code repeats when a rule fired on several lines)."""
        return tuple(f.code for f in self.findings)

    def by_code(self, code: str) -> tuple[AuditFinding, ...]:
        """The findings of one rule."""
        return tuple(f for f in self.findings if f.code == code)


def score_of(findings: tuple[AuditFinding, ...] | list[AuditFinding]) -> int:
    """The score the findings leave: 100 minus the points lost, floored at 0.

    >>> score_of([AuditFinding("A104", "有时间安排", "工作计划", "error", "缺少时间安排", 10)])
    90
    """
    return max(0, FULL_SCORE - sum(f.points_lost for f in findings))
