"""Audits and rules as tables (pandas), one row per plan, finding or rule, for reports and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analyzer.audit.records import PlanAudit
from analyzer.audit.rules import list_rules

PLAN_COLUMNS = ["plan_id", "source", "title", "unit", "unit_kind", "unit_kind_source", "year", "pack", "score",
                "points_lost", "errors", "warnings", "infos", "unrecognised"]
FINDING_COLUMNS = ["plan_id", "source", "unit", "unit_kind", "year", "code", "category", "title", "level",
                   "points_lost", "unrecognised", "message", "line", "evidence"]
RULE_COLUMNS = ["pack", "code", "category", "title", "type", "level", "points", "max_points", "effective_points",
                "enabled", "scope", "message"]


def plans_frame(audits: Sequence[PlanAudit]) -> pd.DataFrame:
    """One row per plan: its identity, pack, score and how many findings of each level.

    >>> plans_frame([]).columns.tolist()[:3]
    ['plan_id', 'source', 'title']
    """
    rows = []
    for a in audits:
        levels = [f.level for f in a.findings]
        rows.append([a.plan_id, a.source, a.title, a.unit, a.unit_kind, a.unit_kind_source, a.year, a.pack,
                     a.score, a.points_lost, levels.count("error"), levels.count("warning"), levels.count("info"),
                     sum(f.unrecognised for f in a.findings)])
    return pd.DataFrame(rows, columns=PLAN_COLUMNS)


def findings_frame(audits: Sequence[PlanAudit]) -> pd.DataFrame:
    """One row per finding, in plan then rule order; ``line`` is the first evidence line and
    ``evidence`` every ``第N行：quote`` joined by newlines.

    >>> findings_frame([]).empty
    True
    """
    rows = []
    for a in audits:
        for f in a.findings:
            evidence = "\n".join(f"第{n}行：{q}" for n, q in f.evidence)
            rows.append([a.plan_id, a.source, a.unit, a.unit_kind, a.year, f.code, f.category, f.title, f.level,
                         f.points_lost, f.unrecognised, f.message, f.line, evidence])
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def rules_frame(pack: str | None = None, *, override: Path | None = None) -> pd.DataFrame:
    """Every rule of a pack (or of all packs) with its points: what ``plan-analyzer rules`` lists.

    >>> frame = rules_frame("school")
    >>> int(frame.loc[frame["max_points"].isna() & frame["enabled"], "effective_points"].sum())
    100
    """
    rows = [[r.pack, r.code, r.category, r.title, r.type, r.level, r.points, r.max_points, r.effective_points,
             r.enabled, "、".join(r.scope), r.message] for r in list_rules(pack, override=override)]
    return pd.DataFrame(rows, columns=RULE_COLUMNS)
