"""Tables flattened to one cell per line, joined back into ``a | b | c`` rows (line-preserving).

Copying a table out of a web page or a PDF often gives one line per cell::

    序号 / 工作内容 / 时间 / 责任处室 / 1 / 召开全委会议 / 2月下旬 / 办公室 / 2 / …

A run of at least three header-cell lines (with a content column among them) announces such a
table; the lines after it are read in groups of as many cells as the header has, while each group
looks like a row (a row number where the header has 序号, a short time cell, short owner cells,
a real content cell). Each row is written as one pipe row on the line of its first cell and its
other lines are left empty, so line numbers do not move. A table is taken only with two good
rows; it ends at the first group that does not look like a row.
"""

from __future__ import annotations

from analyzer.ingest import patterns as P

__all__ = ["join_vertical_tables"]

_MAX_HEADER_WORD = 4  # the longest word of TABLE_HEADER_CELL (工作内容, 时间安排 …)
_MIN_HEADER = 3
_MAX_HEADER = 8
_MIN_ROWS = 2
_MAX_TIME_CELL = 24
_MAX_SHORT_CELL = 30
_MAX_CELL = 120
CELL_SEPARATOR = " | "


def join_vertical_tables(lines: list[str]) -> list[str]:
    """Join the rows of every one-cell-per-line table (see the module docstring).

    >>> join_vertical_tables(["月份", "主要活动", "责任部门", "1月", "召开职代会", "办公室", "2月", "元宵猜灯谜", "文体委"])
    ['月份 | 主要活动 | 责任部门', '', '', '1月 | 召开职代会 | 办公室', '', '', '2月 | 元宵猜灯谜 | 文体委', '', '']
    """
    out = list(lines)
    i = 0
    # A header starts on a header cell: a line of at most _MAX_HEADER_WORD characters once stripped
    # (a blank or longer first line makes _header_at give None). Only such lines are tried.
    for start in _short_lines(lines):
        if start < i:
            continue  # inside a table already joined, or a header already tried
        i = start
        header = _header_at(lines, i)
        if header is None:
            i += 1
            continue
        rows = _rows_after(lines, header)
        if len(rows) < _MIN_ROWS:
            i = header[-1] + 1
            continue
        for group in (header, *rows):
            out[group[0]] = CELL_SEPARATOR.join(lines[k].strip() for k in group)
            for k in group[1:]:
                out[k] = ""
        i = rows[-1][-1] + 1
    return out


def _short_lines(lines: list[str]) -> list[int]:
    """Indices of the lines that hold 1 to _MAX_HEADER_WORD characters once stripped (by C loops)."""
    lengths = list(map(len, map(str.strip, lines)))
    return [i for i, n in enumerate(lengths) if 0 < n <= _MAX_HEADER_WORD]


def _header_at(lines: list[str], start: int) -> list[int] | None:
    """Indices of a header run starting at ``start`` (blank lines skipped), or None."""
    found: list[int] = []
    k = start
    while k < len(lines) and len(found) < _MAX_HEADER:
        text = lines[k].strip()
        if text:
            if not P.TABLE_HEADER_CELL.match(text):
                break
            found.append(k)
        elif not found:
            return None
        k += 1
    if len(found) < _MIN_HEADER or not any(P.CONTENT_HEADER.match(lines[k].strip()) for k in found):
        return None
    return found


def _rows_after(lines: list[str], header: list[int]) -> list[list[int]]:
    """The groups of cell-line indices after the header that look like rows."""
    names = [lines[k].strip() for k in header]
    rows: list[list[int]] = []
    k = header[-1] + 1
    while True:
        group: list[int] = []
        while k < len(lines) and len(group) < len(names):
            if lines[k].strip():
                group.append(k)
            k += 1
        if len(group) < len(names) or not _is_row([lines[j].strip() for j in group], names):
            return rows
        rows.append(group)


def _is_row(cells: list[str], names: list[str]) -> bool:
    """Whether ``cells`` read as one row under the header ``names``."""
    for cell, name in zip(cells, names, strict=True):
        if "|" in cell or "｜" in cell or P.TABLE_HEADER_CELL.match(cell) or P.HEADING_START.match(cell):
            return False
        if P.SEQUENCE_HEADER.match(name):
            if not P.SEQUENCE_CELL.match(cell):
                return False
        elif P.CONTENT_HEADER.match(name):
            if len(cell) < 2 or len(cell) > _MAX_CELL:
                return False
        elif P.TIME_HEADER.match(name):
            if len(cell) > _MAX_TIME_CELL or P.SENTENCE_PUNCT.search(cell):
                return False
        elif len(cell) > _MAX_SHORT_CELL or P.SENTENCE_PUNCT.search(cell):
            return False
    return True
