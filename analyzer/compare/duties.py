"""Coverage of union duties (a taxonomy in resources/duties.json) by each plan."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analyzer.errors import ConfigError
from analyzer.models import Plan
from analyzer.text.segment import resource_path

#: Distinct terms a plan must mention for a duty to count as fully covered (score 1.0).
FULL_COVERAGE_TERMS = 3


@dataclass(frozen=True)
class Duty:
    """One union duty and the terms that show a plan attends to it."""

    name: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Taxonomy:
    """The duties, and one compiled pattern finding any of their terms (longest first)."""

    duties: tuple[Duty, ...]
    pattern: re.Pattern[str]
    term_duty: dict[str, str]


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read a duties file (``{"duties": [{"name": …, "terms": […]}]}``); default: the shipped one.

    >>> "女职工工作" in [d.name for d in load_taxonomy().duties]
    True
    """
    if path is None:
        return _default_taxonomy()
    return _read_taxonomy(path)


@lru_cache(maxsize=1)
def _default_taxonomy() -> Taxonomy:
    return _read_taxonomy(resource_path("duties.json"))


def _read_taxonomy(path: Path) -> Taxonomy:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        duties = tuple(Duty(d["name"], tuple(d["terms"])) for d in data["duties"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"职责分类文件 {path} 无法读取（{exc}）：请按 duties.json 的格式填写 name 和 terms。"
        ) from exc
    term_duty: dict[str, str] = {}
    for duty in duties:
        for term in duty.terms:
            if term in term_duty:
                raise ConfigError(f"职责分类文件 {path} 中的词“{term}”同时属于两个职责：请只保留一处。")
            term_duty[term] = duty.name
    if not term_duty:
        raise ConfigError(f"职责分类文件 {path} 没有任何词：请为每个职责列出词语。")
    # Longest terms first so that 工会经费 wins over 经费 at the same position.
    alternation = "|".join(re.escape(t) for t in sorted(term_duty, key=lambda t: (-len(t), t)))
    return Taxonomy(duties, re.compile(alternation), term_duty)


def duty_hits(plans: Sequence[Plan], *, taxonomy: Taxonomy | None = None) -> pd.DataFrame:
    """Every duty term found in each plan, with its count.

    Returns:
        DataFrame ``plan_id, duty, term, count`` (only terms found), by plan then duty order.

    >>> p = Plan("p", 1, None, None, None, 1, 1, text_lines=("开展送温暖活动，慰问困难职工",))
    >>> duty_hits([p])[["duty", "term"]].values.tolist()
    [['困难帮扶与送温暖', '困难职工'], ['困难帮扶与送温暖', '慰问'], ['困难帮扶与送温暖', '送温暖']]
    """
    tax = taxonomy or load_taxonomy()
    order = {d.name: i for i, d in enumerate(tax.duties)}
    rows = []
    for plan in plans:
        counts = Counter(m.group() for m in tax.pattern.finditer(plan.text))
        for term, n in sorted(counts.items(), key=lambda kv: (order[tax.term_duty[kv[0]]], kv[0])):
            rows.append((plan.id, tax.term_duty[term], term, n))
    return pd.DataFrame(rows, columns=["plan_id", "duty", "term", "count"])


def duty_counts(plans: Sequence[Plan], *, taxonomy: Taxonomy | None = None) -> pd.DataFrame:
    """Plans × duties matrix of term occurrences (index plan id, one column per duty).

    >>> p = Plan("p", 1, None, None, None, 1, 1, text_lines=("召开教代会，推进校务公开",))
    >>> int(duty_counts([p]).loc["p", "民主管理与厂务公开"])
    2
    """
    tax = taxonomy or load_taxonomy()
    hits = duty_hits(plans, taxonomy=tax)
    table = hits.pivot_table(index="plan_id", columns="duty", values="count", aggfunc="sum", fill_value=0)
    names = [d.name for d in tax.duties]
    return (
        table.reindex(index=[p.id for p in plans], columns=names, fill_value=0)
        .astype(int)
        .rename_axis(index="plan_id", columns="duty")
    )


def duty_coverage(plans: Sequence[Plan], *, taxonomy: Taxonomy | None = None) -> pd.DataFrame:
    """Plans × duties coverage score in 0–1: distinct terms of the duty the plan mentions,
    divided by ``FULL_COVERAGE_TERMS`` and capped at 1.

    >>> p = Plan("p", 1, None, None, None, 1, 1, text_lines=("召开教代会，推进校务公开",))
    >>> round(float(duty_coverage([p]).loc["p", "民主管理与厂务公开"]), 2)
    0.67
    """
    tax = taxonomy or load_taxonomy()
    hits = duty_hits(plans, taxonomy=tax)
    distinct = hits.groupby(["plan_id", "duty"]).size().unstack(fill_value=0) if not hits.empty else None
    names = [d.name for d in tax.duties]
    ids = [p.id for p in plans]
    if distinct is None:
        return pd.DataFrame(0.0, index=pd.Index(ids, name="plan_id"), columns=pd.Index(names, name="duty"))
    table = distinct.reindex(index=ids, columns=names, fill_value=0)
    return (
        (table / FULL_COVERAGE_TERMS)
        .clip(upper=1.0)
        .astype(float)
        .rename_axis(index="plan_id", columns="duty")
    )
