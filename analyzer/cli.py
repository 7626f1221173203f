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
@click.option("--keywords/--no-keywords", default=True, show_default=True, help="计算每份计划的关键词。")
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
    docs = list(parse_paths(paths))
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


def run() -> None:
    """Entry point wrapper used by ``python -m analyzer``."""
    main(prog_name="plan-analyzer")
