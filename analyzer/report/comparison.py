"""Write a comparison of plans to a folder: CSV tables, one Excel workbook, PNG and SVG charts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analyzer.models import Plan
from analyzer.report.safe import (
    append_frame,
    atomic_dir,
    safe_path,
    safe_sheet_title,
    save_workbook,
    write_frame_csv,
)

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
    """Write the tables (CSV and one workbook) and the charts (PNG + SVG) into ``outdir``, all at once.

    The folder is built beside ``outdir`` and swapped in whole (``report.safe.atomic_dir``): it ends
    holding this run only, or, if anything fails, the earlier run untouched. File and sheet names made
    from group names are sanitised; text cells are literal text in the workbook and quoted in the CSVs.

    Returns:
        The files written, as paths under ``outdir``.

    Raises:
        OutputError: ``outdir`` is a file or a folder of other files, or cannot be written.
    """
    from openpyxl import Workbook

    from analyzer.report.charts import duty_heatmap, keyness_bars, similarity_heatmap

    out = Path(outdir)
    fixed = [("相似度", tables.similarity, True), ("最近邻", tables.neighbours, False),
             ("抄袭段落", tables.copies, False), ("抄袭计划对", tables.copy_pairs, False),
             ("职责覆盖", tables.coverage, True), ("关键词", tables.keywords, False)]
    names = {"比较结果", "相似度热图", "职责覆盖热图", *(name for name, _table, _index in fixed)}
    titles: set[str] = set()
    written: list[Path] = []
    with atomic_dir(out) as tmp:
        # one file name per group (its CSV and its chart share it), unique after sanitising
        keyness_names = {group: safe_path(tmp, f"关键性-{group}", taken=names).name for group in tables.keyness}
        wb = Workbook()
        wb.remove(wb.active)
        sheets = [*fixed, *((f"关键性-{group}", table, False) for group, table in tables.keyness.items())]
        files = [name for name, _table, _index in fixed] + list(keyness_names.values())
        for (title, table, keep_index), name in zip(sheets, files, strict=True):
            written.append(write_frame_csv(table, tmp / f"{name}.csv", index=keep_index))
            append_frame(wb.create_sheet(safe_sheet_title(title, titles)), table, index=keep_index)
        written.append(save_workbook(wb, tmp / "比较结果.xlsx"))
        if len(tables.similarity) >= 2:
            written.extend(similarity_heatmap(tables.similarity, tmp / "相似度热图.png"))
        if not tables.coverage.empty:
            written.extend(duty_heatmap(tables.coverage, tmp / "职责覆盖热图.png"))
        for group, table in tables.keyness.items():
            if not table.empty:
                written.extend(keyness_bars(table, tmp / f"{keyness_names[group]}.png", title=f"关键性：{group} 与其他计划"))
        written = [out / path.relative_to(tmp) for path in written]
    return written
