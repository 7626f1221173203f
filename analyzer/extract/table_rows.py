"""Schedule tables: the period and activities of each row, with column roles learnt from its header.

Rows come as pipe rows (docx tables, Markdown tables, flattened tables joined back while reading).
A header row teaches which columns hold owners, times and the content; a header of periods
(``| 1月 | 2月 |``) makes the next row's cells the activities of those periods.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from analyzer.extract import field_patterns as P
from analyzer.extract.timeexpr import period_heading
from analyzer.extract.units import is_owner_cell
from analyzer.models import TimeSpan

if TYPE_CHECKING:  # the schedule's context; imported for type hints only (schedule.py imports this module)
    from analyzer.extract.schedule import _Ctx

_MAX_TIME_CELL = 24  # a time cell (3月上旬, 第一周 | 2月10日-2月16日) is short


@dataclass
class Table:
    """Column roles learnt from a header row, and the period of the last dated row."""

    owner_cols: set[int] = field(default_factory=set)
    time_cols: set[int] = field(default_factory=set)
    content_cols: set[int] = field(default_factory=set)
    aside_cols: set[int] = field(default_factory=set)  # participants, remarks, places: never activities
    width: int = 0
    open_end: bool = False  # the header row ends without a pipe: a row's closing pipe is an empty cell
    col_periods: dict[int, tuple[TimeSpan, str]] = field(default_factory=dict)
    last: tuple[TimeSpan, str] | None = None


def read_row(ctx: _Ctx, table: Table, row: list[str], line: int, carry: bool,
         default: tuple[TimeSpan, str] | None = None) -> None:
    """A table row: the time cell gives the period, the other cells the activities (split on ；/;).

    A header row (月份 | 工作内容 | 责任人) teaches which columns hold owners; a row without a time
    cell continues the previous row's period (weekly calendars with continuation rows).
    """
    periods = {col: _cell_period(ctx, c) for col, c in enumerate(row) if c}
    if len(periods) >= 2 and all(periods.values()):
        # "| 1月 | 2月 |": a header of periods; the next row's cells are their activities, column by column
        table.col_periods = {col: (span, row[col]) for col, span in periods.items() if span is not None}
        return
    if table.col_periods and len(row) == max(table.col_periods) + 1 and not any(periods.values()):
        for col, (span, label) in table.col_periods.items():
            for activity in (a.strip() for a in P.ACTIVITY_SPLIT.split(row[col]) if a.strip()):
                ctx.add(span, label, activity, line)
        return
    if all(not c or P.HEADER_CELL.match(c) for c in row):
        table.owner_cols = {i for i, c in enumerate(row) if P.OWNER_HEADER.match(c)}
        table.time_cols = {i for i, c in enumerate(row) if P.TIME_HEADER.match(c)}
        table.content_cols = {i for i, c in enumerate(row) if P.CONTENT_HEADER.match(c)}
        table.aside_cols = {i for i, c in enumerate(row) if P.ASIDE_HEADER.match(c)}
        table.width = len(row)
        table.open_end = bool(row[-1])
        return
    span_period: tuple[TimeSpan, str] | None = None
    activities: list[str] = []
    owners: list[str] = []
    # Column roles hold for full rows only; a continuation row has fewer cells. Under a header that
    # ends without a pipe, a row framed by pipes at both ends (|春节慰问|工会办公室|职工|) two cells
    # short is a row whose first and last cells are empty, not a Markdown row: put both back.
    if table.open_end and len(row) + 2 == table.width:
        row = ["", *row, ""]
    aligned = len(row) == table.width
    owner_cols = table.owner_cols if aligned else set()
    time_cols = table.time_cols if aligned else set()
    content_cols = table.content_cols if aligned else set()
    aside_cols = table.aside_cols if aligned else set()
    for col, cell in enumerate(row):
        if not cell or P.HEADER_CELL.match(cell) or (cell.isdigit() and periods.get(col) is None):
            continue  # header words and 序号 cells are not activities (a date that lost its separators is a time)
        if col in owner_cols:
            owners.append(cell)
            continue
        span = periods.get(col)
        if span is not None:
            if span_period is None or (span_period[0].kind == "week" and span.kind != "week"):
                span_period = (span, cell if span_period is None else span.text)
            continue
        if col in time_cols or col in aside_cols or (content_cols and col not in content_cols):
            continue  # with a content column named in the header, other columns are labels (项目, 类别)
        if is_owner_cell(cell):
            owners.append(cell)
            continue
        if P.FREQUENCY_CELL.match(cell):
            continue  # a remark (每月一次, 每半年一次): how often the row's activity recurs, no activity
        activities.extend(p.strip() for p in P.ACTIVITY_SPLIT.split(cell) if p.strip())
    if span_period is None:
        whole = next((cell for col, cell in enumerate(row) if (col in time_cols or col == 0)
                      and P.RECURRING_CELL.match(cell)), None)
        if whole is not None:  # 全年 | 每月 | 常年: an activity of every month, marked recurring
            span_period = (TimeSpan(whole, 1, 12, kind="recurring"), whole)
            activities = [a for a in activities if a != whole]
    if span_period is None and any(cell for col, cell in enumerate(row) if col in time_cols):
        return  # its own time cell names no period (长期性, 视情况): not a calendar entry
    current = span_period or default or (table.last if carry else None)
    if current is None:
        return
    table.last = current
    for activity in activities:
        ctx.add(current[0], current[1], activity, line, "、".join(owners) or None)


def _cell_period(ctx: _Ctx, cell: str) -> TimeSpan | None:
    """The period a table cell names; only short cells can (an activity cell is never a time)."""
    if len(cell) > _MAX_TIME_CELL:
        return None
    return period_heading(cell, semester=ctx.semester, term_start=ctx.term_start)
