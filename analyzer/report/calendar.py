"""One combined calendar of every unit's activities: table, Excel (明细 + 月历), CSV, JSON, iCalendar."""

from __future__ import annotations

import calendar as _cal
import hashlib
import json
import logging
from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from analyzer.models import ParsedDocument
from analyzer.report.atomic import write_atomic, write_atomic_with

log = logging.getLogger(__name__)

# Column names (Chinese, as users see them) of the 明细 sheet, CSV and JSON.
COLUMNS = ["单位", "计划", "年份", "开始月", "结束月", "月份", "时段", "活动", "负责", "来源文件", "行号"]
MONTHS = [f"{m}月" for m in range(1, 13)]


def _months(start: int, end: int) -> list[int]:
    """The months a range covers, wrapping the year end (11–1 → 11, 12, 1)."""
    if start <= end:
        return list(range(start, end + 1))
    return [*range(start, 13), *range(1, end + 1)]


def _month_label(start: int, end: int) -> str:
    return f"{start}月" if start == end else f"{start}–{end}月"


def schedule_frame(docs: Iterable[ParsedDocument]) -> pd.DataFrame:
    """Every schedule item of every plan as one row, in a DataFrame with Chinese column names.

    >>> schedule_frame([]).columns.tolist()[:4]
    ['单位', '计划', '年份', '开始月']
    """
    rows = []
    for doc in docs:
        for plan in doc.plans:
            unit = plan.unit or plan.title or Path(doc.source).stem
            for item in plan.schedule:
                rows.append({
                    "单位": unit,
                    "计划": plan.title or f"{Path(doc.source).name} #{plan.index}",
                    "年份": item.year if item.year is not None else plan.year,
                    "开始月": item.month_start,
                    "结束月": item.month_end,
                    "月份": _month_label(item.month_start, item.month_end),
                    "时段": item.period,
                    "活动": item.text,
                    "负责": item.owner,
                    "来源文件": doc.source,
                    "行号": item.line,
                })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"开始月": "Int64", "结束月": "Int64", "年份": "Int64", "行号": "Int64"})


def month_grid(frame: pd.DataFrame) -> pd.DataFrame:
    """Units × months 1–12, each cell the activities of that unit in that month (empty when none).

    >>> month_grid(schedule_frame([])).columns.tolist()[:3]
    ['1月', '2月', '3月']
    """
    units = list(dict.fromkeys(frame["单位"])) if len(frame) else []
    grid = pd.DataFrame("", index=pd.Index(units, name="单位"), columns=MONTHS)
    for row in frame.itertuples(index=False):
        for m in _months(int(row[3]), int(row[4])):
            cell = grid.at[row[0], f"{m}月"]
            grid.at[row[0], f"{m}月"] = f"{cell}\n· {row[7]}" if cell else f"· {row[7]}"
    return grid


def write_xlsx(frame: pd.DataFrame, path: str | Path) -> Path:
    """An Excel workbook with the sheets 明细 (one row per item) and 月历 (units × months)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    detail = wb.active
    detail.title = "明细"
    detail.append(COLUMNS)
    for row in frame.itertuples(index=False):
        detail.append([None if pd.isna(v) else v for v in row])
    widths = {"单位": 18, "计划": 28, "年份": 7, "开始月": 7, "结束月": 7, "月份": 9, "时段": 14,
              "活动": 60, "负责": 14, "来源文件": 36, "行号": 7}
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for col, name in enumerate(COLUMNS, 1):
        detail.column_dimensions[get_column_letter(col)].width = widths[name]
        cell = detail.cell(row=1, column=col)
        cell.font, cell.fill = header_font, header_fill
    for row in detail.iter_rows(min_row=2, min_col=COLUMNS.index("活动") + 1, max_col=COLUMNS.index("活动") + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    detail.freeze_panes = "A2"
    detail.auto_filter.ref = detail.dimensions

    grid = month_grid(frame)
    sheet = wb.create_sheet("月历")
    sheet.append(["单位", *MONTHS])
    empty = PatternFill("solid", fgColor="FCE4D6")
    for unit, values in grid.iterrows():
        sheet.append([unit, *values.tolist()])
    sheet.column_dimensions["A"].width = 20
    for col in range(2, 14):
        sheet.column_dimensions[get_column_letter(col)].width = 26
    for col in range(1, 14):
        cell = sheet.cell(row=1, column=col)
        cell.font, cell.fill = header_font, header_fill
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=13):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if not cell.value:
                cell.fill = empty  # a month with nothing planned stands out
    sheet.freeze_panes = "B2"
    return write_atomic_with(path, wb.save)


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """CSV in UTF-8 with a BOM, so that Excel opens the Chinese text correctly."""
    return write_atomic(path, frame.to_csv(index=False), encoding="utf-8-sig")


def write_json(frame: pd.DataFrame, path: str | Path) -> Path:
    """The items as a JSON list of records (Chinese keys, UTF-8)."""
    records = json.loads(frame.to_json(orient="records", force_ascii=False))
    return write_atomic(path, json.dumps(records, ensure_ascii=False, indent=2) + "\n")


def _event_dates(year: int, start: int, end: int, day: int | None) -> tuple[date, date]:
    """All-day event bounds: the whole month range, or the one day when a day is given."""
    if day is not None and start == end:
        first = date(year, start, min(day, _cal.monthrange(year, start)[1]))
        return first, first + timedelta(days=1)
    end_year = year + 1 if end < start else year
    last = date(end_year, end, _cal.monthrange(end_year, end)[1])
    return date(year, start, 1), last + timedelta(days=1)


def write_ics(docs: Iterable[ParsedDocument], path: str | Path, *, year: int | None = None) -> tuple[Path, int]:
    """An iCalendar file, one all-day event per schedule item in the plan's year.

    Args:
        docs: parsed documents.
        path: the ``.ics`` file to write.
        year: the year for plans that state none.

    Returns:
        ``(path, skipped)``: items without any year are skipped and counted.
    """
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//plan-analyzer//工作计划日程//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "工作计划日程汇总")
    skipped = 0
    for doc in docs:
        for plan in doc.plans:
            for item in plan.schedule:
                item_year = item.year if item.year is not None else (plan.year or year)
                if item_year is None:
                    skipped += 1
                    continue
                start, end = _event_dates(item_year, item.month_start, item.month_end, item.day)
                event = Event()
                key = f"{doc.sha256}|{plan.index}|{item.line}|{item.text}"
                event.add("uid", hashlib.sha1(key.encode("utf-8")).hexdigest() + "@plan-analyzer")
                event.add("summary", item.text)
                event.add("dtstart", start)
                event.add("dtend", end)
                event.add("dtstamp", date(item_year, 1, 1))
                unit = plan.unit or plan.title or Path(doc.source).stem
                event.add("description", f"{unit}｜{item.period}｜{Path(doc.source).name} 第 {item.line} 行")
                event.add("categories", [unit])
                cal.add_component(event)
    if skipped:
        log.info("%d 项日程没有年份，未写入日历；请用 --year 指定年份", skipped)
    return write_atomic(path, cal.to_ical()), skipped


def to_terminal(frame: pd.DataFrame) -> str:
    """A readable table for the terminal."""
    if frame.empty:
        return "（没有找到日程安排）"
    shown = frame[["单位", "月份", "活动", "负责"]].fillna("")
    lines = []
    for unit, group in shown.groupby("单位", sort=False):
        lines.append(f"【{unit}】")
        for row in group.itertuples(index=False):
            owner = f"（{row[3]}）" if row[3] else ""
            lines.append(f"  {row[1]:<8}{row[2]}{owner}")
    return "\n".join(lines)
