"""Write a comparison of plans to a folder: CSV tables, one Excel workbook, PNG and SVG charts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analyzer.models import Plan
from analyzer.report.atomic import write_atomic, write_atomic_with

_COPY_HEADERS = {
    "plan_a": "计划甲", "unit_a": "单位甲", "line_a": "行号甲", "passage_a": "段落甲",
    "plan_b": "计划乙", "unit_b": "单位乙", "line_b": "行号乙", "passage_b": "段落乙",
    "similarity": "相似度", "share_a": "占计划甲比例", "share_b": "占计划乙比例", "passages": "雷同段落数",
}


@dataclass(frozen=True)
class ComparisonTables:
    """Every table of a comparison, as DataFrames with Chinese column names."""

    similarity: pd.DataFrame
    neighbours: pd.DataFrame
    copies: pd.DataFrame
    copy_pairs: pd.DataFrame
    coverage: pd.DataFrame
    keywords: pd.DataFrame
    keyness: dict[str, pd.DataFrame]


def plan_label(plan: Plan) -> str:
    """A short human label for a plan: its unit or title, and its index in the file."""
    name = plan.unit or plan.title or Path(plan.source).stem or plan.id
    return f"{name[:16]}#{plan.index}"


def _labels(plans: Sequence[Plan]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for plan in plans:
        label = plan_label(plan)
        while label in labels.values():
            label += "′"
        labels[plan.id] = label
    return labels


def compare_tables(plans: Sequence[Plan], *, groups: Mapping[str, str] | None = None,
                   templates: Sequence[tuple[str, str]] = ()) -> ComparisonTables:
    """Run every comparison on ``plans`` and return the tables (Chinese headers, readable labels).

    Args:
        plans: the plans to compare.
        groups: plan id → group name for keyness (each group against the rest).
        templates: ``(name, text)`` of known template texts to look for copies of.
    """
    from analyzer.compare.copies import find_copies, find_template_copies
    from analyzer.compare.duties import duty_coverage
    from analyzer.compare.keyness import keyness
    from analyzer.compare.similarity import nearest_neighbours, similarity_matrix
    from analyzer.text.keywords import plan_keywords

    labels = _labels(plans)
    sim = similarity_matrix(plans).rename(index=labels, columns=labels)
    neighbours = nearest_neighbours(similarity_matrix(plans), k=3)
    neighbours = neighbours.assign(plan_id=neighbours["plan_id"].map(labels),
                                   neighbour=neighbours["neighbour"].map(labels))
    neighbours = neighbours.rename(columns={"plan_id": "计划", "neighbour": "相近计划", "similarity": "相似度",
                                            "rank": "名次"})
    results = [find_copies(plans)]
    if templates:
        results.append(find_template_copies(plans, templates))
    copies = pd.concat([r.frame() for r in results], ignore_index=True)
    copy_pairs = pd.concat([r.plan_pairs() for r in results], ignore_index=True)
    for table in (copies, copy_pairs):
        for col in ("plan_a", "plan_b"):
            if col in table:
                table[col] = table[col].map(lambda v: labels.get(v, v))
    copies = copies.rename(columns=_COPY_HEADERS)
    copy_pairs = copy_pairs.rename(columns=_COPY_HEADERS)
    coverage = duty_coverage(plans).rename(index=labels)
    keywords = plan_keywords(plans).assign(plan_id=lambda f: f["plan_id"].map(labels))
    keywords = keywords.rename(columns={"plan_id": "计划", "term": "关键词", "weight": "权重", "count": "次数",
                                        "rank": "名次"})
    keyness_tables: dict[str, pd.DataFrame] = {}
    if groups:
        for group in sorted(set(groups.values())):
            members = [p.id for p in plans if groups.get(p.id) == group]
            if 0 < len(members) < len(plans):
                keyness_tables[group] = keyness(plans, members)
    return ComparisonTables(sim, neighbours, copies, copy_pairs, coverage, keywords, keyness_tables)


def write_comparison(tables: ComparisonTables, outdir: str | Path) -> list[Path]:
    """Write the tables (CSV and one workbook) and the charts (PNG + SVG) into ``outdir``."""
    from analyzer.report.charts import duty_heatmap, keyness_bars, similarity_heatmap

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    sheets: dict[str, pd.DataFrame] = {
        "相似度": tables.similarity,
        "最近邻": tables.neighbours,
        "抄袭段落": tables.copies,
        "抄袭计划对": tables.copy_pairs,
        "职责覆盖": tables.coverage,
        "关键词": tables.keywords,
    }
    for group, table in tables.keyness.items():
        sheets[f"关键性-{group}"[:31]] = table
    for name, table in sheets.items():
        keep_index = name in ("相似度", "职责覆盖")
        written.append(write_atomic(out / f"{name}.csv", table.to_csv(index=keep_index), encoding="utf-8-sig"))

    def save_workbook(fh: object) -> None:
        with pd.ExcelWriter(fh, engine="openpyxl") as writer:
            for name, table in sheets.items():
                table.to_excel(writer, sheet_name=name[:31], index=name in ("相似度", "职责覆盖"))

    written.append(write_atomic_with(out / "比较结果.xlsx", save_workbook))
    if len(tables.similarity) >= 2:
        written.extend(similarity_heatmap(tables.similarity, out / "相似度热图"))
    if not tables.coverage.empty:
        written.extend(duty_heatmap(tables.coverage, out / "职责覆盖热图"))
    for group, table in tables.keyness.items():
        if not table.empty:
            written.extend(keyness_bars(table, out / f"关键性-{group}", title=f"关键性：{group} 与其他计划"))
    return written
