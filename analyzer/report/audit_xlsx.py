"""The audit workbook ``audit.xlsx``: 汇总, 未审核文件, 问题清单, 日程, 任务, 关键词 and 评分细则 sheets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.audit.records import LEVEL_LABELS, UNIT_KIND_LABELS, AuditFinding
from analyzer.report.plan_json import KIND_LABELS
from analyzer.report.safe import append_row, safe_sheet_title, save_workbook

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from analyzer.batch import AuditRun, Submission

__all__ = ["FREQUENCY_LABELS", "RULE_TYPE_LABELS", "SHEET_HEADERS", "audit_sheets", "write_audit_xlsx"]

#: Task frequencies (``analyzer.models.FREQUENCIES``) in Chinese.
FREQUENCY_LABELS = {
    "weekly": "每周",
    "monthly": "每月",
    "quarterly": "每季度",
    "semesterly": "每学期",
    "half_yearly": "每半年",
    "yearly": "每年",
    "once": "一次",
}

#: Rule types (``analyzer.audit.registry.rule_types``) in Chinese.
RULE_TYPE_LABELS = {
    "required_section": "必备部分",
    "coverage": "工作覆盖",
    "occurrence": "数量要求",
    "conditional": "条件要求",
    "seasonal": "时令安排",
    "residue": "模板残留",
    "copy": "抄袭雷同",
    "structure": "结构规范",
}

REJECTED_LABELS = {"unreadable": "无法读取", "not_plan": "不是工作计划"}

#: Every sheet's title and header row, in workbook order.
SHEET_HEADERS: dict[str, list[str]] = {
    "汇总": ["计划", "单位", "单位类型", "年份", "标题", "来源文件", "得分", "扣分", "错误数", "警告数", "提示数",
           "主要问题"],
    "未审核文件": ["文件", "类型", "原因"],
    "问题清单": ["计划", "单位", "规则编号", "项目", "考核内容", "级别", "扣分", "说明", "行号", "证据", "未能识别"],
    "日程": ["计划", "单位", "年份", "月份", "时段", "活动", "负责", "来源文件", "行号"],
    "任务": ["计划", "章节", "任务", "频次", "指标", "负责", "期限", "月份", "行号"],
    "关键词": ["计划", "关键词", "权重", "次数"],
    "评分细则": ["规则包", "规则编号", "项目", "考核内容", "类型", "级别", "分值", "最多扣分"],
}

# Columns of long text: a fixed width and wrapped text.
_WRAPPED = frozenset({"主要问题", "原因", "说明", "证据", "活动", "任务", "考核内容", "标题", "指标", "时段"})
_WRAP_WIDTH = 48
_MIN_WIDTH, _MAX_WIDTH = 6, 40
_HEADER_FILL = "DDEBF7"
_MAIN_ISSUES = 3  # rule titles named in 汇总's 主要问题
_MEASURED_ROWS = 500  # rows read to size a column


def write_audit_xlsx(run: AuditRun, path: Path, *, override: Path | None = None) -> Path:
    """Write the audit workbook (through ``report.safe``: atomic, every text cell literal text).

    Args:
        run: the audit.
        path: the ``.xlsx`` file to write.
        override: the user's rules file the audit used, so that 评分细则 lists the rules as applied.

    Returns:
        ``path``.

    Raises:
        OutputError: the file cannot be written.
    """
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for title, rows in audit_sheets(run, override=override).items():
        sheet = wb.create_sheet(safe_sheet_title(title, taken))
        headers = SHEET_HEADERS[title]
        append_row(sheet, headers)
        for row in rows:
            append_row(sheet, row)
        _lay_out(sheet, headers)
    return save_workbook(wb, path)


def audit_sheets(run: AuditRun, *, override: Path | None = None) -> dict[str, list[list[object]]]:
    """Each sheet's data rows (without the header row, see ``SHEET_HEADERS``), by sheet title.

    >>> from analyzer.batch import AuditRun
    >>> audit_sheets(AuditRun(submissions=()))["汇总"]
    []
    """
    subs = run.submissions
    return {
        "汇总": [_summary_row(s) for s in subs],
        "未审核文件": [[r.source, REJECTED_LABELS.get(r.kind, r.kind), r.reason] for r in run.rejected],
        "问题清单": [_finding_row(s, f) for s in subs for f in s.audit.findings],
        "日程": _schedule_rows(subs),
        "任务": _task_rows(subs),
        "关键词": _keyword_rows(subs),
        "评分细则": _rule_rows([s.audit.pack for s in subs], override),
    }


def _summary_row(sub: Submission) -> list[object]:
    audit = sub.audit
    levels = [f.level for f in audit.findings]
    return [sub.label, sub.unit, UNIT_KIND_LABELS.get(audit.unit_kind, audit.unit_kind), sub.year, sub.plan.title,
            sub.source, audit.score, audit.points_lost, levels.count("error"), levels.count("warning"),
            levels.count("info"), main_issues(audit.findings)]


def main_issues(findings: Iterable[AuditFinding], top: int = _MAIN_ISSUES) -> str:
    """The titles of the rules that cost most points (errors before warnings), ``；``-joined; ``无`` if none.

    >>> main_issues([AuditFinding("A104", "有时间安排", "工作计划", "error", "缺少时间安排", 10)])
    '有时间安排'
    """
    lost: dict[str, list[int]] = {}
    for order, f in enumerate(findings):
        if f.level != "info":
            entry = lost.setdefault(f.title, [0, f.level == "error", -order])
            entry[0] += f.points_lost
    ranked = sorted(lost, key=lambda title: lost[title], reverse=True)
    return "；".join(ranked[:top]) or "无"


def _finding_row(sub: Submission, f: AuditFinding) -> list[object]:
    evidence = "\n".join(f"第{line}行：{quote}" for line, quote in f.evidence)
    return [sub.label, sub.unit, f.code, f.category, f.title, LEVEL_LABELS.get(f.level, f.level), f.points_lost,
            f.message, f.line, evidence, "是" if f.unrecognised else ""]


def month_label(start: int, end: int, *, recurring: bool = False) -> str:
    """A schedule item's months in Chinese.

    >>> month_label(3, 3), month_label(11, 1), month_label(1, 12, recurring=True)
    ('3月', '11–1月', '全年')
    """
    if recurring:
        return "全年"
    return f"{start}月" if start == end else f"{start}–{end}月"


def _schedule_rows(subs: Sequence[Submission]) -> list[list[object]]:
    return [[s.label, s.unit, item.year if item.year is not None else s.year,
             month_label(item.month_start, item.month_end, recurring=item.recurring), item.period, item.text,
             item.owner, s.source, item.line]
            for s in subs for item in s.plan.schedule]


def _task_rows(subs: Sequence[Submission]) -> list[list[object]]:
    rows: list[list[object]] = []
    for s in subs:
        for t in s.plan.tasks:
            deadline = t.deadline_text or (f"{t.deadline}月" if t.deadline else None)
            rows.append([s.label, KIND_LABELS.get(t.section_kind, t.section_kind), t.text,
                         FREQUENCY_LABELS.get(t.frequency, t.frequency) if t.frequency else None,
                         "、".join(t.targets), t.owner, deadline, "、".join(f"{m}月" for m in t.months), t.line])
    return rows


def _keyword_rows(subs: Sequence[Submission]) -> list[list[object]]:
    if not subs:
        return []
    from analyzer.text.keywords import plan_keywords

    # keyed by label: two files with the same text share a plan id, never a label
    frame = plan_keywords([replace(s.plan, id=s.label) for s in subs])
    return [[label, term, round(float(weight), 4), int(count)]
            for label, term, weight, count in frame[["plan_id", "term", "weight", "count"]].itertuples(
                index=False, name=None)]


def _rule_rows(packs: Sequence[str], override: Path | None) -> list[list[object]]:
    from analyzer.audit.tables import rules_frame

    rows: list[list[object]] = []
    for pack in dict.fromkeys(packs or ["general"]):
        frame = rules_frame(pack, override=override)
        for r in frame[frame["enabled"]].itertuples(index=False):
            rows.append([UNIT_KIND_LABELS.get(r.pack, r.pack), r.code, r.category, r.title,
                         RULE_TYPE_LABELS.get(r.type, r.type), LEVEL_LABELS.get(r.level, r.level), r.points,
                         r.max_points])
    return rows


# ---------------------------------------------------------------- layout


def _display_width(value: object) -> int:
    """Width of a cell's longest line in Excel columns (a CJK character counts two)."""
    if value is None:
        return 0
    return max((sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in str(value).split("\n")), default=0)


def _lay_out(sheet: Worksheet, headers: Sequence[str]) -> None:
    """Bold filled frozen header row, auto filter, column widths, wrapped long columns, print setup."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold, fill = Font(bold=True), PatternFill("solid", fgColor=_HEADER_FILL)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrapped = Alignment(vertical="top", wrap_text=True)
    for cell in sheet[1]:
        cell.font, cell.fill, cell.alignment = bold, fill, centred
    for col, header in enumerate(headers, 1):
        letter = get_column_letter(col)
        values = (sheet.cell(row=r, column=col).value for r in range(2, min(sheet.max_row, _MEASURED_ROWS) + 1))
        widest = max([0, *(_display_width(v) + 2 for v in values)])
        if header in _WRAPPED:
            widest = min(widest, _WRAP_WIDTH)
            for r in range(2, sheet.max_row + 1):
                sheet.cell(row=r, column=col).alignment = wrapped
        else:
            widest = min(widest, _MAX_WIDTH)
        # the header stays readable beside its filter button
        sheet.column_dimensions[letter].width = max(_MIN_WIDTH, _display_width(header) + 4, widest)
    last = get_column_letter(len(headers))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
