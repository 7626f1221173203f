"""The one safe writer of every report: atomic files and folders, spreadsheet-safe cells, safe names."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analyzer.errors import OutputError
from analyzer.report.atomic import (
    OUTPUT_MARKER,
    atomic_dir,
    current_umask,
    write_atomic,
    write_atomic_with,
)

if TYPE_CHECKING:
    import pandas as pd
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "DANGEROUS_LEAD", "OUTPUT_MARKER", "OutputError", "append_frame", "append_row", "atomic_dir", "csv_safe",
    "current_umask", "escape_html", "is_dangerous", "safe_filename", "safe_path", "safe_sheet_title",
    "save_workbook", "write_atomic", "write_atomic_with", "write_frame_csv", "xlsx_value",
]

#: Text cells starting with one of these are formulas to a spreadsheet (OWASP CSV injection).
DANGEROUS_LEAD = ("=", "+", "-", "@", "\t", "\r")
#: Longest file name ``safe_filename`` gives, in UTF-8 bytes (file systems allow 255; room for a suffix).
MAX_NAME_BYTES = 200
#: Excel's limits: characters in a cell and in a sheet title.
MAX_CELL_CHARS, MAX_SHEET_TITLE = 32767, 31

# Characters Windows forbids in file names (the separators / and \ among them).
WINDOWS_ILLEGAL = re.compile(r'[<>:"/\\|?*]')
# Names Windows reserves for devices, also with an extension (CON.txt); compared on the part before the dot.
WINDOWS_RESERVED = re.compile(r"(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)", re.IGNORECASE)
# Runs of whitespace (newlines and tabs too), and of dots (no "..").
WHITESPACE_RUN = re.compile(r"\s+")
DOT_RUN = re.compile(r"\.{2,}")
# Characters Excel forbids in a sheet title, and control characters.
SHEET_ILLEGAL = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
# A file suffix safe_path accepts: a dot and a few letters or digits.
SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}")
# Unicode categories dropped from file names: controls, format marks (bidi overrides), surrogates, separators.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


# ---------------------------------------------------------------- spreadsheet cells


def is_dangerous(value: object) -> bool:
    """Whether a spreadsheet would read this text cell as a formula.

    >>> is_dangerous("=SUM(A1)"), is_dangerous("-2+3"), is_dangerous(-2), is_dangerous("工会")
    (True, True, False, False)
    """
    return isinstance(value, str) and value.startswith(DANGEROUS_LEAD)


def csv_safe(value: object) -> object:
    """A CSV cell: dangerous text gets a leading ``'`` (OWASP); numbers and other text are unchanged.

    >>> csv_safe("=1+2"), csv_safe("-2+3"), csv_safe(-5), csv_safe("开展活动")
    ("'=1+2", "'-2+3", -5, '开展活动')
    """
    return f"'{value}" if is_dangerous(value) else value


def _safe_index(index: pd.Index) -> pd.Index:
    import pandas as pd

    if isinstance(index, pd.MultiIndex):
        return pd.MultiIndex.from_tuples([tuple(csv_safe(v) for v in key) for key in index],
                                         names=[csv_safe(n) for n in index.names])
    return index.map(csv_safe).rename(csv_safe(index.name))


def write_frame_csv(frame: pd.DataFrame, path: str | os.PathLike, *, index: bool = False) -> Path:
    """Write a DataFrame as CSV (UTF-8 with BOM for Excel, atomic), every text cell made safe by ``csv_safe``.

    Headers and index values are made safe too; numeric columns are written as numbers.
    """
    import pandas as pd

    safe = frame.copy()
    for i in range(safe.shape[1]):  # by position: column names may repeat
        column = safe.iloc[:, i]
        if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_datetime64_any_dtype(column)):
            safe.isetitem(i, column.astype(object).map(csv_safe))
    safe.columns = _safe_index(safe.columns)
    safe.index = _safe_index(safe.index)
    # CRLF rows (RFC 4180): the csv module then quotes a cell holding a lone CR, which would otherwise split a row
    return write_atomic(path, safe.to_csv(index=index, lineterminator="\r\n"), encoding="utf-8-sig")


def xlsx_value(value: object) -> object:
    """A value openpyxl can store: NA and non-finite numbers become empty, numpy scalars Python ones,
    text loses the control characters Excel refuses and is cut at Excel's cell limit.

    >>> xlsx_value(float("nan")), xlsx_value("甲\\x07乙"), xlsx_value(3)
    (None, '甲乙', 3)
    """
    import math
    from datetime import date, datetime
    from datetime import time as dtime

    import pandas as pd
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None:
        return None
    try:
        if bool(pd.isna(value)):  # NaN, NA, NaT
            return None
    except (TypeError, ValueError):  # list-likes
        pass
    if hasattr(value, "item") and not isinstance(value, str | bytes):  # numpy scalar
        value = value.item()
    if isinstance(value, datetime | dtime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones
    if isinstance(value, bool | int | datetime | date | dtime):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_CELL_CHARS]


def _as_text(cell: Any) -> None:
    """Force a cell holding text to a literal string (never a formula), quote-prefixed if dangerous."""
    if cell.data_type == "f" or isinstance(cell.value, str):
        text = xlsx_value(str(cell.value))
        cell.value = text
        cell.data_type = "s"
        if is_dangerous(text):
            cell.quotePrefix = True  # Excel keeps it literal even when the cell is edited


def append_row(sheet: Worksheet, values: Iterable[object]) -> int:
    """Append a row of values to a worksheet, text always as literal text; returns the row number."""
    converted = [xlsx_value(v) for v in values]
    sheet.append(converted)
    # The row just appended (``max_row`` would walk every cell of the sheet: slow on big sheets).
    row = getattr(sheet, "_current_row", None) or sheet.max_row
    for col, value in enumerate(converted, 1):
        if isinstance(value, str) and value and (value[0] == "=" or is_dangerous(value)):
            _as_text(sheet.cell(row=row, column=col))  # openpyxl took '=…' for a formula; mark the rest literal
    return row


def append_frame(sheet: Worksheet, frame: pd.DataFrame, *, index: bool = False) -> None:
    """Append a DataFrame to a worksheet: a header row, then one row per record (all through ``append_row``)."""
    head = [frame.index.name or ""] if index else []
    append_row(sheet, [*head, *frame.columns])
    for key, row in zip(frame.index, frame.itertuples(index=False, name=None), strict=True):
        append_row(sheet, [key, *row] if index else row)


def safe_sheet_title(name: object, taken: set[str] | None = None, *, default: str = "工作表") -> str:
    """A legal, unique Excel sheet title: no ``[]:*?/\\``, no leading/trailing ``'``, at most 31 characters.

    ``taken`` (compared case-insensitively) gets the chosen title added.

    >>> safe_sheet_title("关键性-a/b[1]"), safe_sheet_title("x" * 40, {"x" * 31})
    ('关键性-a_b_1_', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxx-2')
    """
    title = SHEET_ILLEGAL.sub("_", str(name)).strip(" '")[:MAX_SHEET_TITLE].rstrip(" '")
    if not title or title.casefold() == "history":  # Excel reserves History
        title = default
    used = {t.casefold() for t in taken} if taken else set()
    base, candidate, n = title, title, 1
    while candidate.casefold() in used:
        n += 1
        candidate = f"{base[:MAX_SHEET_TITLE - len(str(n)) - 1]}-{n}"
    if taken is not None:
        taken.add(candidate)
    return candidate


def save_workbook(wb: Workbook, path: str | os.PathLike) -> Path:
    """Save a workbook atomically after forcing every text or formula cell to literal text."""
    for sheet in wb.worksheets:
        cells = getattr(sheet, "_cells", None)  # the cells that exist (iter_rows would make the empty ones)
        for cell in (cells.values() if isinstance(cells, dict) else (c for r in sheet.iter_rows() for c in r)):
            if cell.data_type == "f" or (isinstance(cell.value, str) and is_dangerous(cell.value)):
                _as_text(cell)
    return write_atomic_with(path, wb.save)


# ---------------------------------------------------------------- HTML


def escape_html(text: object) -> str:
    """Text made safe inside HTML elements and quoted attributes (markupsafe), ``None`` as empty.

    >>> escape_html('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&#34;alert(1)&#34;&gt;'
    """
    from markupsafe import escape

    return str(escape("" if text is None else str(text)))  # str(): a Markup input is escaped too


# ---------------------------------------------------------------- file names


def safe_filename(name: str, *, default: str = "未命名", max_len: int = 80) -> str:
    """A file name (without folder) made from a title or unit: legal on Windows, macOS and Linux.

    No path separators, ``..``, control characters, characters Windows forbids, leading dot or ``-``,
    trailing dot or space, or Windows device names; Chinese is kept; cut at ``max_len`` characters
    (and ``MAX_NAME_BYTES`` UTF-8 bytes).

    >>> safe_filename("../../etc/passwd"), safe_filename("con.txt"), safe_filename("区工会:2025年\\n计划")
    ('_._etc_passwd', '_con.txt', '区工会_2025年 计划')
    """
    if not default:
        raise ValueError("default must not be empty")
    text = unicodedata.normalize("NFC", str(name))
    text = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) not in _DROPPED_CATEGORIES)
    text = WHITESPACE_RUN.sub(" ", text)  # newlines and tabs become one space
    text = DOT_RUN.sub(".", WINDOWS_ILLEGAL.sub("_", text)).lstrip(" .-")
    text = text[:max_len]
    while len(text.encode("utf-8")) > MAX_NAME_BYTES:
        text = text[:-1]
    text = text.rstrip(" .")
    if WINDOWS_RESERVED.fullmatch(text.split(".")[0].strip()):
        text = f"_{text}"[:max_len]
    return text or default


def safe_path(folder: str | os.PathLike, name: str, suffix: str = "", *,
              taken: set[str] | None = None, max_len: int = 80) -> Path:
    """A path for ``name`` + ``suffix`` inside ``folder``: a ``safe_filename``, unique (``-2``, ``-3`` …)
    among ``taken`` (case-insensitive; the chosen name is added) and the files on disk.

    Raises:
        ValueError: ``suffix`` is not a dot and a few letters or digits.
        OutputError: the path would leave ``folder`` (never expected after ``safe_filename``).

    >>> safe_path("/tmp/报告", "a/../b", ".csv", taken={"A_._B.csv"}).name
    'a_._b-2.csv'
    """
    if suffix and not SUFFIX.fullmatch(suffix):
        raise ValueError(f"bad suffix {suffix!r}")
    base = safe_filename(name, max_len=max_len)
    root = Path(folder).resolve()
    used = {t.casefold() for t in taken} if taken else set()
    stem, n = base, 1
    while f"{stem}{suffix}".casefold() in used or os.path.lexists(root / f"{stem}{suffix}"):
        n += 1
        stem = f"{base[:max_len - len(str(n)) - 1].rstrip(' .')}-{n}"
    chosen = f"{stem}{suffix}"
    if (root / chosen).resolve().parent != root:
        raise OutputError(f"文件名不安全：{chosen}；请换一个名称")
    if taken is not None:
        taken.add(chosen)
    return Path(folder) / chosen
