"""One combined calendar of every unit's activities: table, Excel (明细 + 月历), CSV, JSON, iCalendar."""

from __future__ import annotations

import calendar as _cal
import hashlib
import json
import logging
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from analyzer.errors import OutputError
from analyzer.models import ParsedDocument, ScheduleItem
from analyzer.report.safe import append_row, save_workbook, write_atomic, write_frame_csv

log = logging.getLogger(__name__)

# A day range in an item's period (ScheduleItem keeps only the first day): 2月10日-2月16日, 3月15日-20日,
# 12月28日—1月3日, 2025.7.1—2025.7.5. The end month is optional; the end day is not followed by a month mark.
DAY_RANGE = re.compile(
    r"(?:\d{4}[年.．/])?(?P<m1>\d{1,2})[月.．/](?P<d1>\d{1,2})[日号]?"
    r"\s*(?:—{1,2}|[-－–~～〜至到])\s*"
    r"(?:\d{4}[年.．/])?(?:(?P<m2>\d{1,2})[月.．/])?(?P<d2>\d{1,2})[日号]?(?![\d月.．/])"
)
# Control characters RFC 5545 TEXT does not allow (tab and newline are kept; icalendar escapes newlines).
ICS_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Control characters (terminal escape sequences among them) kept off the terminal.
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Column names (Chinese, as users see them) of the 明细 sheet, CSV and JSON.
COLUMNS = ["单位", "计划", "年份", "开始月", "结束月", "月份", "时段", "活动", "负责", "全年", "来源文件", "行号"]
#: The month calendar's columns: the whole-year column (全年, 每月, 常年 activities), then the months.
YEAR_COLUMN = "全年"
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
    docs = list(docs)
    names = _unit_names(docs)
    for doc in docs:
        for plan in doc.plans:
            unit = names[(doc.source, plan.index)]
            for item in plan.schedule:
                rows.append({
                    "单位": unit,
                    "计划": plan.title or f"{Path(doc.source).name} #{plan.index}",
                    "年份": item.year if item.year is not None else plan.year,
                    "开始月": item.month_start,
                    "结束月": item.month_end,
                    "月份": YEAR_COLUMN if item.recurring else _month_label(item.month_start, item.month_end),
                    "时段": item.period,
                    "活动": item.text,
                    "负责": item.owner,
                    "全年": "是" if item.recurring else "",
                    "来源文件": doc.source,
                    "行号": item.line,
                })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"开始月": "Int64", "结束月": "Int64", "年份": "Int64", "行号": "Int64"})


def _unit_names(docs: list[ParsedDocument]) -> dict[tuple[str, int], str]:
    """A unique calendar row name per plan: its unit, with the file name (and plan index) added when
    two plans would share it (two 公司工会 of different files never merge into one row).

    >>> from analyzer.models import Plan
    >>> a = ParsedDocument("甲.txt", "a", "utf-8", plans=(Plan("a#1", 1, None, "公司工会", 2025, 1, 2),))
    >>> b = ParsedDocument("乙.txt", "b", "utf-8", plans=(Plan("b#1", 1, None, "公司工会", 2025, 1, 2),))
    >>> sorted(_unit_names([a, b]).values())
    ['公司工会·乙.txt', '公司工会·甲.txt']
    """
    base = {(d.source, p.index): p.unit or p.title or Path(d.source).stem for d in docs for p in d.plans}
    sources: dict[str, set[str]] = {}
    for (source, _index), name in base.items():
        sources.setdefault(name, set()).add(source)
    names: dict[tuple[str, int], str] = {}
    for (source, index), name in base.items():
        if len(sources[name]) > 1:
            name = f"{name}·{Path(source).name}"
        names[(source, index)] = name
    return names


def month_grid(frame: pd.DataFrame) -> pd.DataFrame:
    """Units × (全年, months 1–12), each cell the activities of that unit then (empty when none).

    Whole-year activities (全年, 每月, 常年) stand in the 全年 column, not in every month.

    >>> month_grid(schedule_frame([])).columns.tolist()[:3]
    ['全年', '1月', '2月']
    """
    units = list(dict.fromkeys(frame["单位"])) if len(frame) else []
    grid = pd.DataFrame("", index=pd.Index(units, name="单位"), columns=[YEAR_COLUMN, *MONTHS])
    for row in frame.itertuples(index=False):
        unit, text = row[0], row[7]
        columns = [YEAR_COLUMN] if row[9] else [f"{m}月" for m in _months(int(row[3]), int(row[4]))]
        for column in columns:
            cell = grid.at[unit, column]
            grid.at[unit, column] = f"{cell}\n· {text}" if cell else f"· {text}"
    return grid


def write_xlsx(frame: pd.DataFrame, path: str | Path) -> Path:
    """An Excel workbook with the sheets 明细 (one row per item) and 月历 (units × months).

    Text from the documents is written as literal text, never as a formula (``report.safe``).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    detail = wb.active
    detail.title = "明细"
    append_row(detail, COLUMNS)
    for row in frame.itertuples(index=False):
        append_row(detail, row)
    widths = {"单位": 18, "计划": 28, "年份": 7, "开始月": 7, "结束月": 7, "月份": 9, "时段": 14,
              "活动": 60, "负责": 14, "全年": 6, "来源文件": 36, "行号": 7}
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
    append_row(sheet, ["单位", *grid.columns])
    empty = PatternFill("solid", fgColor="FCE4D6")
    for unit, values in grid.iterrows():
        append_row(sheet, [unit, *values.tolist()])
    last = len(grid.columns) + 1
    sheet.column_dimensions["A"].width = 20
    for col in range(2, last + 1):
        sheet.column_dimensions[get_column_letter(col)].width = 26
    for col in range(1, last + 1):
        cell = sheet.cell(row=1, column=col)
        cell.font, cell.fill = header_font, header_fill
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=last):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if not cell.value and cell.column > 2:
                cell.fill = empty  # a month with nothing planned stands out (an empty 全年 cell does not)
    sheet.freeze_panes = "B2"
    return save_workbook(wb, path)


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """CSV in UTF-8 with a BOM, so that Excel opens the Chinese text correctly; formula-like text is quoted."""
    return write_frame_csv(frame, path)


def write_json(frame: pd.DataFrame, path: str | Path) -> Path:
    """The items as a JSON list of records (Chinese keys, UTF-8)."""
    records = json.loads(frame.to_json(orient="records", force_ascii=False))
    return write_atomic(path, json.dumps(records, ensure_ascii=False, indent=2) + "\n")


class IcsResult(NamedTuple):
    """What ``write_ics`` wrote: the file, the events in it, the items skipped for want of a year."""

    path: Path
    written: int
    skipped: int


def _day_range(year: int, item: ScheduleItem) -> tuple[date, date] | None:
    """The days of a range such as 2月10日-2月16日 in the item's period (end exclusive), when it agrees
    with the item's months and first day; ``None`` otherwise."""
    found = DAY_RANGE.search(item.period)
    if found is None or item.day is None:
        return None
    m1, d1, d2 = int(found["m1"]), int(found["d1"]), int(found["d2"])
    m2 = int(found["m2"]) if found["m2"] else m1
    if (m1, d1, m2) != (item.month_start, item.day, item.month_end):
        return None
    try:
        first, last = date(year, m1, d1), date(year + 1 if m2 < m1 else year, m2, d2)
    except ValueError:  # 2月30日
        return None
    return (first, last + timedelta(days=1)) if last >= first else None


def _event_dates(year: int, item: ScheduleItem) -> tuple[date, date]:
    """All-day event bounds (end exclusive): a day range, one day, or the months from the first day."""
    span = _day_range(year, item)
    if span is not None:
        return span
    start, end = item.month_start, item.month_end
    end_year = year + 1 if end < start else year
    if item.day is not None:
        first = date(year, start, min(item.day, _cal.monthrange(year, start)[1]))
        if start == end:
            return first, first + timedelta(days=1)
    else:
        first = date(year, start, 1)
    last = date(end_year, end, _cal.monthrange(end_year, end)[1])
    return first, last + timedelta(days=1)


def _ics_text(text: str) -> str:
    """Text for an iCalendar value: no control characters but newline and tab (RFC 5545 TEXT)."""
    return ICS_CONTROL.sub("", text)


def write_ics(docs: Iterable[ParsedDocument], path: str | Path, *, year: int | None = None,
              stamp: datetime | None = None) -> IcsResult:
    """An RFC 5545 iCalendar file, one all-day event per schedule item in the plan's year.

    A day range (2月10日-2月16日) is one event over those days, a day one day, otherwise the months.
    UIDs come from the document's sha256, the plan index and the item's index in the plan.

    Args:
        docs: parsed documents.
        path: the ``.ics`` file to write.
        year: the year for plans that state none.
        stamp: the DTSTAMP of every event (default: now, UTC).

    Returns:
        ``IcsResult(path, written, skipped)``: items without any year are skipped and counted.

    Raises:
        OutputError: no event could be written (no schedule item, or none with a year); nothing is written.
    """
    from icalendar import Calendar, Event

    stamp = datetime.now(UTC) if stamp is None else stamp
    stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", "-//plan-analyzer//工作计划日程//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "工作计划日程汇总")
    written = skipped = 0
    uids: set[str] = set()
    for doc in docs:
        for plan in doc.plans:
            unit = _ics_text(plan.unit or plan.title or Path(doc.source).stem)
            for index, item in enumerate(plan.schedule):
                item_year = item.year if item.year is not None else (plan.year or year)
                if item_year is None:
                    skipped += 1
                    continue
                start, end = _event_dates(item_year, item)
                key = f"{doc.sha256 or doc.source}|{plan.index}|{index}"
                uid = hashlib.sha1(key.encode("utf-8")).hexdigest()
                while f"{uid}@plan-analyzer" in uids:  # the same document given twice
                    uid = hashlib.sha1(f"{uid}|{len(uids)}".encode()).hexdigest()
                uids.add(f"{uid}@plan-analyzer")
                event = Event()
                event.add("uid", f"{uid}@plan-analyzer")
                event.add("dtstamp", stamp)
                event.add("dtstart", start)
                event.add("dtend", end)
                event.add("summary", _ics_text(item.text))
                event.add("description", _ics_text(f"{unit}｜{item.period}｜{Path(doc.source).name} 第 {item.line} 行"))
                event.add("categories", [unit])
                event.add("transp", "TRANSPARENT")  # a plan item does not make anyone busy
                cal.add_component(event)
                written += 1
    if not written:
        reason = f"{skipped} 项日程没有年份；请用 --year 指定年份" if skipped else "计划中没有找到日程安排"
        raise OutputError(f"没有可写入日历的日程：{reason}")
    if skipped:
        log.info("%d 项日程没有年份，未写入日历；请用 --year 指定年份", skipped)
    return IcsResult(write_atomic(path, cal.to_ical()), written, skipped)


def to_terminal(frame: pd.DataFrame) -> str:
    """A readable table for the terminal."""
    if frame.empty:
        return "（没有找到日程安排）"
    shown = frame[["单位", "月份", "活动", "负责"]].fillna("").map(lambda v: TERMINAL_CONTROL.sub("", str(v)))
    lines = []
    for unit, group in shown.groupby("单位", sort=False):
        lines.append(f"【{unit}】")
        for row in group.itertuples(index=False):
            owner = f"（{row[3]}）" if row[3] else ""
            lines.append(f"  {row[1]:<8}{row[2]}{owner}")
    return "\n".join(lines)
