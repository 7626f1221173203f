"""The commands of ``plan-analyzer``: parse, evaluate, schedule, keywords, compare, kwic."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from analyzer.cli.chinese import (
    CONTEXT,
    EXIT_NOTHING,
    EXIT_USAGE,
    FORMAT_BY_SUFFIX,
    Choice,
    Group,
    IntRange,
    PathType,
    fail,
    option,
    say,
    shown,
)
from analyzer.cli.io import (
    Tally,
    check_output_dir,
    check_output_file,
    encoded,
    inputs,
    write_jsonl,
)
from analyzer.errors import AnalyzerError

# ---------------------------------------------------------------- commands


@click.group("plan-analyzer", cls=Group, context_settings=CONTEXT)
@click.version_option(package_name="plan-analyzer", message="plan-analyzer %(version)s", help="显示版本并退出。")
@option("-v", "--verbose", is_flag=True, help="显示调试信息（内部错误时显示调用栈）。")
def main(verbose: bool) -> None:
    """plan-analyzer：工作计划分析工具（解析、日程、审核、比较）。"""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(message)s")


PATHS = click.argument("paths", nargs=-1, required=True, type=PathType(path_type=Path))


@main.command("parse", context_settings=CONTEXT)
@PATHS
@option("--format", "fmt", type=Choice(["json", "jsonl", "text"]), default=None,
        help="输出格式：json（整份，默认）、jsonl（每个文件一行 JSON，边解析边写出）或 text（大纲树）；"
             "不指定时按 -o 的扩展名选择：.jsonl/.ndjson → jsonl，.txt → text，其他 → json。")
@option("-o", "--output", type=PathType(path_type=Path), default=None, metavar="FILE",
        help="写入文件（默认输出到屏幕）；json 和 text 整份写入，jsonl 先清空文件再逐行写入。")
@option("--no-extract", is_flag=True, help="只解析结构，不抽取日程和任务。")
@option("--keywords/--no-keywords", default=False, show_default=True,
        help="同时计算每份计划的前 20 个关键词（需加载分词词典，多用 1–2 秒；jsonl 要等全部解析完才写出）。")
def parse_cmd(paths: tuple[Path, ...], fmt: str | None, output: Path | None, no_extract: bool,
              keywords: bool) -> None:
    """解析计划文件（可多个文件或文件夹），输出计划、章节、日程和任务。"""
    from analyzer.pipeline import parse_paths
    from analyzer.report.plan_json import to_json, to_text
    from analyzer.report.safe import write_atomic

    fmt = fmt or (FORMAT_BY_SUFFIX.get(output.suffix.lower(), "json") if output is not None else "json")
    if output is not None:
        check_output_file(output)
    tally = Tally()
    parsed: Iterator[Any] = parse_paths(inputs(paths), extract=not no_extract)
    if fmt == "jsonl" and not keywords:
        write_jsonl(parsed, output, tally)
    else:
        docs = [tally.see(doc) for doc in parsed]
        if keywords:
            docs = _with_keywords(docs)
        if fmt == "jsonl":
            write_jsonl(docs, output, Tally())
        else:
            text = to_json(docs) if fmt == "json" else "\n\n".join(to_text(d) for d in docs)
            if output is not None:
                write_atomic(output, encoded(text + "\n"))
            else:
                click.echo(encoded(text + "\n"), nl=False)
    tally.summary(f"；已写入 {shown(output)}" if output is not None else "")
    if tally.total == tally.bad:
        sys.exit(EXIT_NOTHING)


def _with_keywords(docs: list) -> list:
    """Fill each plan's ``keywords`` (top 20) when the text room is available."""
    try:
        from analyzer.text.keywords import attach_keywords
    except ImportError:
        return docs
    return attach_keywords(docs)


@main.command("evaluate", context_settings=CONTEXT)
@option("--gold", "gold_dir", type=PathType(path_type=Path, file_okay=False), default=None, metavar="DIR",
        help="金标准文件夹（默认 corpus/gold；加 --audit 时默认 corpus/audit-gold）。")
@option("--audit", "audit", is_flag=True, help="评估审核：问题的精确率、召回率和得分界限（金标准见 corpus/audit-gold）。")
@option("--json", "as_json", is_flag=True, help="以 JSON 输出指标。")
@option("-d", "--details", is_flag=True, help="列出每个文档的错漏。")
def evaluate_cmd(gold_dir: Path | None, audit: bool, as_json: bool, details: bool) -> None:
    """用金标准评估解析准确率（分篇、章节、日程、频次、期限、指标、占位符、年份），或加 --audit 评估审核。"""
    if audit:
        from analyzer.evaluate_audit import AUDIT_METRIC_LABELS as labels
        from analyzer.evaluate_audit import evaluate_audit as scorer
        gold_dir = gold_dir or Path("corpus/audit-gold")
    else:
        from analyzer.evaluate import METRIC_LABELS as labels
        from analyzer.evaluate import evaluate as scorer
        gold_dir = gold_dir or Path("corpus/gold")
    if not gold_dir.is_dir():
        fail(f"金标准文件夹不存在：{shown(gold_dir)}；请用 --gold 指定", EXIT_USAGE)
    metrics, docs = scorer(gold_dir)
    if as_json:
        click.echo(json.dumps({"metrics": metrics}, ensure_ascii=False, indent=2))
    else:
        for key, value in metrics.items():
            text = "—" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))
            click.echo(f"{labels.get(key, key):<12}\t{key:<20}\t{text}")
    if details:
        for d in docs:
            if d.misses or d.error:
                counted = getattr(d, "predicted_plans", getattr(d, "audited_plans", 0))
                click.echo(f"\n{shown(d.source)}（金 {d.gold_plans} 篇 / 测 {counted} 篇）")
                if d.error:
                    click.echo(f"  错误：{shown(d.error)}")
                for miss in d.misses:
                    click.echo(f"  - {shown(miss)}")
    if not metrics.get("documents"):
        fail(f"{shown(gold_dir)} 中没有金标准文件")


@main.command("schedule", context_settings=CONTEXT)
@PATHS
@option("-o", "--output", type=PathType(path_type=Path), default=None, metavar="FILE",
        help="输出文件：.xlsx（明细 + 月历）、.csv、.json 或 .ics；不加则在屏幕上显示。")
@option("--year", type=IntRange(1990, 2100), default=None, metavar="YEAR", help="计划未写明年份时，日历使用的年份。")
def schedule_cmd(paths: tuple[Path, ...], output: Path | None, year: int | None) -> None:
    """汇总所有单位的月度日程安排，生成一份总日程（Excel / CSV / JSON / iCalendar）。"""
    from analyzer.pipeline import parse_paths
    from analyzer.report import calendar

    suffix = output.suffix.lower() if output is not None else ""
    if output is not None:
        check_output_file(output)
        if suffix not in (".xlsx", ".csv", ".json", ".ics"):
            fail(f"不支持的输出格式“{shown(output.suffix or '（无扩展名）')}”；请使用 .xlsx、.csv、.json 或 .ics",
                  EXIT_USAGE)
    tally = Tally()
    docs = [tally.see(doc) for doc in parse_paths(inputs(paths), tasks=False)]  # the calendar needs the schedule
    frame = calendar.schedule_frame(docs)
    note = ""
    if output is None:
        click.echo(calendar.to_terminal(frame))
    elif suffix == ".ics":
        items = [(i, p) for d in docs for p in d.plans for i in p.schedule]
        if not any(i.year is not None or p.year or year for i, p in items):
            tally.summary()
            reason = f"{len(items)} 项日程没有年份；请用 --year 指定年份" if items else "计划中没有找到日程安排"
            fail(f"没有可写入日历的日程：{reason}", EXIT_NOTHING, prefix="")
        skipped = calendar.write_ics(docs, output, year=year)[-1]  # IcsResult(path, written, skipped)
        if skipped:
            note = f"；{skipped} 项日程没有年份，未写入日历，请用 --year 指定年份"
    else:
        {".xlsx": calendar.write_xlsx, ".csv": calendar.write_csv, ".json": calendar.write_json}[suffix](frame, output)
    if output is not None:
        plans = sum(len(d.plans) for d in docs)
        units = frame["单位"].nunique() if len(frame) else 0
        note = f"；已写入 {shown(output)}：{plans} 份计划，{units} 个单位，{len(frame)} 项日程{note}"
    tally.summary(note)
    if tally.total == tally.bad:
        sys.exit(EXIT_NOTHING)


def _plans(paths: tuple[Path, ...]) -> list:  # list[Plan]
    from analyzer.pipeline import parse_paths

    tally = Tally()
    docs = [tally.see(doc) for doc in parse_paths(inputs(paths))]
    tally.summary()
    plans = [plan for doc in docs for plan in doc.plans]
    if not plans:
        fail("没有读到任何计划；请检查文件路径和格式")
    return plans


def _groups(plans: list, group_by: str, manifest: Path | None) -> dict[str, str]:
    from analyzer.compare.groups import groups_from_manifest, groups_from_metadata

    if manifest is not None:
        try:
            return groups_from_manifest(plans, manifest)
        except AnalyzerError as exc:
            fail(str(exc), EXIT_USAGE)
    return groups_from_metadata(plans, group_by)  # type: ignore[arg-type]


GROUP_BY = option("--group-by", type=Choice(["unit_type", "year", "unit"]), default="unit_type", show_default=True,
                  help="分组依据：单位类型、年份或单位。")
MANIFEST = option("--manifest", type=PathType(path_type=Path, dir_okay=False, exists=True), default=None,
                  metavar="FILE", help="分组清单 CSV（列：文件,分组），优先于 --group-by。")


@main.command("keywords", context_settings=CONTEXT)
@PATHS
@option("--top", type=IntRange(1, 200), default=20, show_default=True, metavar="N", help="每组显示的关键词数。")
@option("--by", "by", type=Choice(["plan", "section", "group"]), default="plan", show_default=True,
        help="按计划、按章节类型或按分组（--group-by / --manifest）统计。")
@GROUP_BY
@MANIFEST
@option("--method", type=Choice(["tfidf", "textrank"]), default="tfidf", show_default=True, help="关键词算法。")
@option("-o", "--output", type=PathType(path_type=Path), default=None, metavar="FILE", help="写入 CSV 文件。")
def keywords_cmd(paths: tuple[Path, ...], top: int, by: str, group_by: str, manifest: Path | None,
                 method: str, output: Path | None) -> None:
    """提取关键词（TF-IDF 或 TextRank），按计划、章节类型或分组。"""
    from analyzer.report.comparison import plan_label
    from analyzer.report.safe import write_frame_csv
    from analyzer.text.keywords import keywords_by

    if output is not None:
        check_output_file(output)
    plans = _plans(paths)
    groups = _groups(plans, group_by, manifest) if by == "group" else None
    table = keywords_by(plans, by, groups, top, method=method)  # type: ignore[arg-type]
    label_col = "plan_id" if by == "plan" else "group"
    if by == "plan":
        labels = {p.id: plan_label(p) for p in plans}
        table[label_col] = table[label_col].map(labels)
    table = table.rename(columns={"plan_id": "计划", "group": "分组", "term": "关键词", "weight": "权重",
                                  "count": "次数", "rank": "名次"})
    if output is not None:
        write_frame_csv(table, output)
        say(f"已写入 {shown(output)}")
        return
    first = table.columns[0]
    for name, group in table.groupby(first, sort=False):
        terms = "、".join(f"{t}({w:.2f})" for t, w in zip(group["关键词"], group["权重"], strict=True))
        click.echo(f"【{shown(name)}】{terms}")


@main.command("compare", context_settings=CONTEXT)
@PATHS
@option("-o", "--output", "outdir", type=PathType(path_type=Path), required=True, metavar="DIR",
        help="输出文件夹（CSV、Excel 和图表）；整个文件夹一次换入，只会替换本工具以前写出的文件夹。")
@GROUP_BY
@MANIFEST
@option("--templates", type=PathType(path_type=Path, file_okay=False, exists=True), default=None, metavar="DIR",
        help="已知模板范文所在文件夹，检查计划是否抄自这些模板。")
def compare_cmd(paths: tuple[Path, ...], outdir: Path, group_by: str, manifest: Path | None,
                templates: Path | None) -> None:
    """比较计划：相似度、抄袭段落、关键性、职责覆盖，输出表格和图表。"""
    from analyzer.pipeline import parse_paths
    from analyzer.report.comparison import compare_tables, write_comparison

    check_output_dir(outdir)
    plans = _plans(paths)
    template_texts: list[tuple[str, str]] = []
    if templates is not None:
        for doc in parse_paths([templates], extract=False):
            for plan in doc.plans:
                template_texts.append((Path(doc.source).name, plan.text))
    tables = compare_tables(plans, groups=_groups(plans, group_by, manifest), templates=template_texts)
    written = write_comparison(tables, outdir)
    pairs = len(tables.copy_pairs)
    click.echo(f"已比较 {len(plans)} 份计划：发现 {pairs} 对计划有雷同段落；写入 {shown(outdir)}（{len(written)} 个文件）")


@main.command("kwic", context_settings=CONTEXT)
@click.argument("term")
@PATHS
@option("--window", type=IntRange(2, 80), default=15, show_default=True, metavar="N", help="左右各显示的字数。")
def kwic_cmd(term: str, paths: tuple[Path, ...], window: int) -> None:
    """查看一个词在各计划中的上下文（关键词索引）。"""
    from analyzer.compare.kwic import kwic
    from analyzer.report.comparison import plan_label

    plans = _plans(paths)
    labels = {p.id: plan_label(p) for p in plans}
    table = kwic(plans, term, window=window)
    if table.empty:
        click.echo(f"没有找到“{shown(term)}”")
        return
    for row in table.itertuples(index=False):
        click.echo(f"{shown(labels.get(row.plan_id, row.plan_id))} 第{row.line}行：{row.left:>{window}}【{row.term}】{row.right}")


def run() -> None:
    """Entry point wrapper used by ``python -m analyzer``."""
    main(prog_name="plan-analyzer")
