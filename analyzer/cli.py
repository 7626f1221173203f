"""The command line only: argument parsing, progress, exit codes (messages in Chinese)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from analyzer.errors import AnalyzerError

# Exit codes: 0 done, 1 nothing could be read / checks failed, 2 usage error (click's own).
EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _fail(message: str, code: int = EXIT_NOTHING) -> None:
    click.echo(f"错误：{message}", err=True)
    sys.exit(code)


def _report_errors(docs) -> int:
    bad = 0
    for d in docs:
        if d.error:
            bad += 1
            click.echo(f"无法读取 {d.source}：{d.error}", err=True)
    return bad


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="plan-analyzer", message="plan-analyzer %(version)s")
@click.option("-v", "--verbose", is_flag=True, help="显示调试信息。")
def main(verbose: bool) -> None:
    """plan-analyzer：工作计划分析工具（解析、日程、审核、比较）。"""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(message)s")


@main.command("parse", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="输出格式：json（机器可读）或 text（大纲树）。")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="写入文件（默认输出到屏幕）。")
@click.option("--no-extract", is_flag=True, help="只解析结构，不抽取日程和任务。")
@click.option("--keywords/--no-keywords", default=False, show_default=True,
              help="同时计算每份计划的前 20 个关键词（需加载分词词典，多用 1–2 秒）。")
def parse_cmd(paths: tuple[Path, ...], fmt: str, output: Path | None, no_extract: bool, keywords: bool) -> None:
    """解析计划文件（可多个文件或文件夹），输出计划、章节、日程和任务。"""
    from analyzer.pipeline import parse_paths
    from analyzer.report.atomic import write_atomic
    from analyzer.report.plan_json import to_json, to_text

    docs = list(parse_paths(paths, extract=not no_extract))
    if keywords:
        docs = _with_keywords(docs)
    bad = _report_errors(docs)
    text = to_json(docs) if fmt == "json" else "\n\n".join(to_text(d) for d in docs)
    if output is not None:
        write_atomic(output, text + "\n")
        click.echo(f"已写入 {output}（{len(docs) - bad}/{len(docs)} 个文件读取成功）", err=True)
    else:
        click.echo(text)
    if not docs or bad == len(docs):
        sys.exit(EXIT_NOTHING)


def _with_keywords(docs):
    """Fill each plan's ``keywords`` (top 20) when the text room is available."""
    try:
        from analyzer.text.keywords import attach_keywords
    except ImportError:
        return docs
    return attach_keywords(docs)


@main.command("evaluate", context_settings=CONTEXT)
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("corpus/gold"),
              show_default=True, help="金标准文件夹。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出指标。")
@click.option("-d", "--details", is_flag=True, help="列出每个文档的错漏。")
def evaluate_cmd(gold_dir: Path, as_json: bool, details: bool) -> None:
    """用金标准评估解析准确率（分篇、章节、日程、频次、期限、指标、占位符、年份）。"""
    import json

    from analyzer.evaluate import METRIC_LABELS, evaluate

    if not gold_dir.is_dir():
        _fail(f"金标准文件夹不存在：{gold_dir}；请用 --gold 指定", EXIT_USAGE)
    try:
        metrics, docs = evaluate(gold_dir)
    except AnalyzerError as exc:
        _fail(str(exc))
    if as_json:
        click.echo(json.dumps({"metrics": metrics}, ensure_ascii=False, indent=2))
    else:
        for key, value in metrics.items():
            shown = "—" if value is None else (f"{value:.3f}" if isinstance(value, float) else str(value))
            click.echo(f"{METRIC_LABELS.get(key, key):<12}\t{key:<20}\t{shown}")
    if details:
        for d in docs:
            if d.misses or d.error:
                click.echo(f"\n{d.source}（金 {d.gold_plans} 篇 / 测 {d.predicted_plans} 篇）")
                if d.error:
                    click.echo(f"  错误：{d.error}")
                for miss in d.misses:
                    click.echo(f"  - {miss}")
    if not metrics.get("documents"):
        _fail(f"{gold_dir} 中没有金标准文件")


@main.command("schedule", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="输出文件：.xlsx（明细 + 月历）、.csv、.json 或 .ics；不加则在屏幕上显示。")
@click.option("--year", type=click.IntRange(1990, 2100), default=None, help="计划未写明年份时，日历使用的年份。")
def schedule_cmd(paths: tuple[Path, ...], output: Path | None, year: int | None) -> None:
    """汇总所有单位的月度日程安排，生成一份总日程（Excel / CSV / JSON / iCalendar）。"""
    from analyzer.pipeline import parse_paths
    from analyzer.report import calendar

    suffix = output.suffix.lower() if output is not None else ""
    if output is not None and suffix not in (".xlsx", ".csv", ".json", ".ics"):
        _fail(f"不支持的输出格式“{output.suffix or '（无扩展名）'}”；请使用 .xlsx、.csv、.json 或 .ics", EXIT_USAGE)
    docs = list(parse_paths(paths, tasks=False))  # the calendar needs the schedule only
    bad = _report_errors(docs)
    frame = calendar.schedule_frame(docs)
    if output is None:
        click.echo(calendar.to_terminal(frame))
    elif suffix == ".xlsx":
        calendar.write_xlsx(frame, output)
    elif suffix == ".csv":
        calendar.write_csv(frame, output)
    elif suffix == ".json":
        calendar.write_json(frame, output)
    else:
        _path, skipped = calendar.write_ics(docs, output, year=year)
        if skipped:
            click.echo(f"提示：{skipped} 项日程没有年份，未写入日历；请用 --year 指定年份", err=True)
    plans = sum(len(d.plans) for d in docs)
    units = frame["单位"].nunique() if len(frame) else 0
    if output is not None:
        click.echo(f"已写入 {output}：{len(docs) - bad} 个文件，{plans} 份计划，{units} 个单位，{len(frame)} 项日程", err=True)
    if not docs or bad == len(docs):
        sys.exit(EXIT_NOTHING)


def _plans(paths: tuple[Path, ...]) -> list:  # list[Plan]
    from analyzer.pipeline import parse_paths

    docs = list(parse_paths(paths))
    _report_errors(docs)
    plans = [plan for doc in docs for plan in doc.plans]
    if not plans:
        _fail("没有读到任何计划；请检查文件路径和格式")
    return plans


def _groups(plans: list, group_by: str, manifest: Path | None) -> dict[str, str]:
    from analyzer.compare.groups import groups_from_manifest, groups_from_metadata

    if manifest is not None:
        try:
            return groups_from_manifest(plans, manifest)
        except AnalyzerError as exc:
            _fail(str(exc), EXIT_USAGE)
    return groups_from_metadata(plans, group_by)  # type: ignore[arg-type]


@main.command("keywords", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--top", type=click.IntRange(1, 200), default=20, show_default=True, help="每组显示的关键词数。")
@click.option("--by", "by", type=click.Choice(["plan", "section", "group"]), default="plan", show_default=True,
              help="按计划、按章节类型或按分组统计。")
@click.option("--group-by", type=click.Choice(["unit_type", "year", "unit"]), default="unit_type", show_default=True,
              help="--by group 时的分组依据：单位类型、年份或单位。")
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="分组清单 CSV（列：文件,分组），优先于 --group-by。")
@click.option("--method", type=click.Choice(["tfidf", "textrank"]), default="tfidf", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="写入 CSV 文件。")
def keywords_cmd(paths: tuple[Path, ...], top: int, by: str, group_by: str, manifest: Path | None,
                 method: str, output: Path | None) -> None:
    """提取关键词（TF-IDF 或 TextRank），按计划、章节类型或分组。"""
    from analyzer.report.atomic import write_atomic
    from analyzer.report.comparison import plan_label
    from analyzer.text.keywords import keywords_by

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
        write_atomic(output, table.to_csv(index=False), encoding="utf-8-sig")
        click.echo(f"已写入 {output}", err=True)
        return
    first = table.columns[0]
    for name, group in table.groupby(first, sort=False):
        terms = "、".join(f"{t}({w:.2f})" for t, w in zip(group["关键词"], group["权重"], strict=True))
        click.echo(f"【{name}】{terms}")


@main.command("compare", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="输出文件夹（CSV、Excel 和图表）。")
@click.option("--group-by", type=click.Choice(["unit_type", "year", "unit"]), default="unit_type", show_default=True,
              help="关键性分析的分组依据。")
@click.option("--manifest", type=click.Path(path_type=Path, dir_okay=False, exists=True), default=None,
              help="分组清单 CSV（列：文件,分组）。")
@click.option("--templates", type=click.Path(path_type=Path, file_okay=False, exists=True), default=None,
              help="已知模板范文所在文件夹，检查计划是否抄自这些模板。")
def compare_cmd(paths: tuple[Path, ...], outdir: Path, group_by: str, manifest: Path | None,
                templates: Path | None) -> None:
    """比较计划：相似度、抄袭段落、关键性、职责覆盖，输出表格和图表。"""
    from analyzer.pipeline import parse_paths
    from analyzer.report.comparison import compare_tables, write_comparison

    plans = _plans(paths)
    template_texts: list[tuple[str, str]] = []
    if templates is not None:
        for doc in parse_paths([templates], extract=False):
            for plan in doc.plans:
                template_texts.append((Path(doc.source).name, plan.text))
    tables = compare_tables(plans, groups=_groups(plans, group_by, manifest), templates=template_texts)
    written = write_comparison(tables, outdir)
    pairs = len(tables.copy_pairs)
    click.echo(f"已比较 {len(plans)} 份计划：发现 {pairs} 对计划有雷同段落；写入 {outdir}（{len(written)} 个文件）")


@main.command("kwic", context_settings=CONTEXT)
@click.argument("term")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--window", type=click.IntRange(2, 80), default=15, show_default=True, help="左右各显示的字数。")
def kwic_cmd(term: str, paths: tuple[Path, ...], window: int) -> None:
    """查看一个词在各计划中的上下文（关键词索引）。"""
    from analyzer.compare.kwic import kwic
    from analyzer.report.comparison import plan_label

    plans = _plans(paths)
    labels = {p.id: plan_label(p) for p in plans}
    table = kwic(plans, term, window=window)
    if table.empty:
        click.echo(f"没有找到“{term}”")
        return
    for row in table.itertuples(index=False):
        click.echo(f"{labels.get(row.plan_id, row.plan_id)} 第{row.line}行：{row.left:>{window}}【{row.term}】{row.right}")


def run() -> None:
    """Entry point wrapper used by ``python -m analyzer``."""
    main(prog_name="plan-analyzer")
