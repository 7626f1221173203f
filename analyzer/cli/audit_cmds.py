"""The audit commands: ``audit`` (the main job: report, workbook, letters, JSON) and ``rules`` (the checklist)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from analyzer.cli.chinese import CONTEXT, EXIT_NOTHING, Choice, IntRange, PathType, option, say, shown
from analyzer.cli.commands import PATHS, main
from analyzer.cli.io import check_output_dir, inputs

PACK_CHOICES = ["general", "enterprise", "institution", "school", "community"]
RULES_OPTION = option("--rules", "rules_file", type=PathType(path_type=Path, dir_okay=False, exists=True), default=None,
                      metavar="FILE", help="自定义评分细则（TOML）：关闭规则、修改分值或阈值、增加必查项目。")


class _Progress:
    """A progress bar on the terminal (files done, files failed); nothing when stderr is no terminal."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.failed = total, 0, 0
        self.live = sys.stderr.isatty() and total > 1

    def __call__(self, doc: Any) -> None:  # ParsedDocument
        self.done += 1
        if doc.error:
            self.failed += 1
            self._clear()
            say(f"无法读取 {shown(doc.source)}：{shown(doc.error)}")
        if self.live:
            width = 30
            filled = width * self.done // self.total
            bar = "█" * filled + "░" * (width - filled)
            sys.stderr.write(f"\r审核中 {bar} {self.done}/{self.total} 个文件，失败 {self.failed} 个")
            sys.stderr.flush()

    def close(self) -> None:
        self._clear()

    def _clear(self) -> None:
        if self.live:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


@main.command("audit", context_settings=CONTEXT)
@PATHS
@option("-o", "--output", "outdir", type=PathType(path_type=Path), required=True, metavar="DIR",
        help="输出文件夹：report.html、audit.xlsx、意见/（每个单位一份反馈意见 .docx）、plans.json。")
@RULES_OPTION
@option("--manifest", type=PathType(path_type=Path, dir_okay=False, exists=True), default=None, metavar="CSV",
        help="报送清单 CSV：列 文件，可选 单位、单位类型、年份、分组（优先于文件夹路径和正文）。")
@option("--year", type=IntRange(1990, 2100), default=None, metavar="YEAR",
        help="审核年度：计划年度不是这一年时提出问题（默认不检查）。")
@option("--templates", type=PathType(path_type=Path, file_okay=False, exists=True), default=None, metavar="DIR",
        help="已知模板范文所在文件夹，检查计划是否照搬这些模板。")
@option("--pack", type=Choice(PACK_CHOICES), default=None,
        help="所有计划都用这一套评分细则（默认按单位类型自动选择）。")
@option("--issuer", default="（上级工会）", show_default=True, metavar="NAME", help="反馈意见的落款单位。")
def audit_cmd(paths: tuple[Path, ...], outdir: Path, rules_file: Path | None, manifest: Path | None,
              year: int | None, templates: Path | None, pack: str | None, issuer: str) -> None:
    """审核计划：按考核细则逐项检查并评分，写出报告、工作簿、反馈意见和 JSON。"""
    from analyzer.audit.rules import load_rules
    from analyzer.batch import run_audit
    from analyzer.ingest.docvars import read_manifest

    check_output_dir(outdir)
    load_rules(pack or "general", override=rules_file)  # a bad rules file fails now, before any parsing
    table = read_manifest(manifest) if manifest is not None else None
    template_texts = _templates(templates)
    files = inputs(paths)
    progress = _Progress(len(files))
    try:
        run = run_audit(paths, year=year, override=rules_file, pack=pack, manifest=table, templates=template_texts,
                        progress=progress)
    finally:
        progress.close()
    written = write_audit(run, outdir, issuer=issuer, override=rules_file)
    audited = run.submissions
    if audited:
        mean = sum(s.audit.score for s in audited) / len(audited)
        units = len({s.unit or s.label for s in audited})
        say(f"完成：{progress.done} 个文件，审核 {len(audited)} 份计划（{units} 个单位），平均 {mean:.1f} 分；"
            f"未审核 {len(run.rejected)} 个文件；已写入 {shown(outdir)}（{written} 个文件）")
    else:
        say(f"完成：{progress.done} 个文件，没有可审核的计划；未审核 {len(run.rejected)} 个文件；"
            f"已写入 {shown(outdir)}")
        sys.exit(EXIT_NOTHING)


def write_audit(run: Any, outdir: Path, *, issuer: str, override: Path | None = None) -> int:  # AuditRun
    """Write every audit output into ``outdir`` (swapped in whole); returns how many files were written."""
    from analyzer.report.audit_html import write_audit_html
    from analyzer.report.audit_xlsx import write_audit_xlsx
    from analyzer.report.letters import LETTERS_DIR, write_letters
    from analyzer.report.plans_json import write_plans_json
    from analyzer.report.safe import atomic_dir

    with atomic_dir(outdir) as folder:
        write_audit_html(run, folder / "report.html")
        write_audit_xlsx(run, folder / "audit.xlsx", override=override)
        letters = write_letters(run, folder / LETTERS_DIR, issuer=issuer)
        write_plans_json(run, folder / "plans.json")
    return 3 + len(letters)


def _templates(folder: Path | None) -> list[tuple[str, str]]:
    if folder is None:
        return []
    from analyzer.pipeline import parse_paths

    return [(Path(doc.source).name, plan.text) for doc in parse_paths([folder], extract=False) for plan in doc.plans]


@main.command("rules", context_settings=CONTEXT)
@option("--pack", type=Choice(PACK_CHOICES), default=None, help="只列出这一套评分细则（默认全部）。")
@RULES_OPTION
def rules_cmd(pack: str | None, rules_file: Path | None) -> None:
    """列出评分细则：每条规则的编号、项目、考核内容、级别和分值。"""
    from analyzer.audit.records import LEVEL_LABELS
    from analyzer.audit.tables import rules_frame

    frame = rules_frame(pack, override=rules_file)
    for name, rows in frame.groupby("pack", sort=False):
        total = int(rows.loc[rows["max_points"].isna() & rows["enabled"], "effective_points"].sum())
        click.echo(f"【{name}】考核项目合计 {total} 分")
        for r in rows.itertuples(index=False):
            cap = f"，最多扣 {int(r.max_points)} 分" if r.max_points == r.max_points and r.max_points else ""
            off = "" if r.enabled else "（已关闭）"
            click.echo(f"  {r.code}  {r.category}·{r.title}  {LEVEL_LABELS.get(r.level, r.level)}  "
                       f"{int(r.effective_points)} 分{cap}{off}")
