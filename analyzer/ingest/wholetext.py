"""Whole-text helpers for line-list steps: scan all lines in one regex pass instead of one call per line.

A line list is joined with ``"\\n"`` so a compiled pattern runs once, in C, over the whole text.
This is exact only when no line holds a ``"\\n"`` itself (then positions map back to lines) and the
pattern cannot match across a ``"\\n"``; :func:`joined` checks the first, callers guarantee the second.
"""

from __future__ import annotations

import re
from collections.abc import Sequence


def joined(lines: Sequence[str]) -> str | None:
    """The lines joined by ``"\\n"``, or None when that would not split back into the same lines.

    >>> joined(["一、指导思想", "二、工作目标"])
    '一、指导思想\\n二、工作目标'
    >>> joined(["一\\n二"]) is None, joined([]) is None
    (True, True)
    """
    text = "\n".join(lines)
    return text if text.count("\n") == len(lines) - 1 else None


def lines_matching(pattern: re.Pattern[str], lines: Sequence[str]) -> list[int]:
    """Ascending indices of the lines in which ``pattern`` finds a match (it must not match ``"\\n"``).

    Equal to ``[i for i, line in enumerate(lines) if pattern.search(line)]`` for patterns without
    anchors or look-arounds that could see a neighbouring line.

    >>> lines_matching(re.compile("首页"), ["首页 > 范文", "一、指导思想", "返回首页"])
    [0, 2]
    """
    found = scan_lines(pattern, lines)
    if found is None:
        return [i for i, line in enumerate(lines) if pattern.search(line)]
    return found


def scan_lines(pattern: re.Pattern[str], lines: Sequence[str], skip: int = 0) -> list[int] | None:
    """Ascending indices of the lines in which ``pattern.search(line, skip)`` finds a match (the
    pattern must not match ``"\\n"``), by searches of the lines joined by ``"\\n"``; None when a
    line holds a ``"\\n"`` itself (the text would not map back to the lines).

    >>> scan_lines(re.compile("首页"), ["首页 > 范文", "一、指导思想", "返回首页"]), scan_lines(re.compile("a"), ["a\\nb"])
    ([0, 2], None)
    >>> scan_lines(re.compile("首页"), ["首页 > 范文", "一、指导思想", "返回首页"], skip=1)
    [2]
    """
    text = joined(lines)
    return None if text is None else _lines_of_matches(pattern, text, skip)


def scan_lines_any(patterns: Sequence[re.Pattern[str]], lines: Sequence[str]) -> list[int] | None:
    """:func:`scan_lines` for several patterns at once: the lines in which any of them finds a match.

    >>> scan_lines_any([re.compile("首页"), re.compile("目标")], ["首页 > 范文", "一、指导思想", "二、目标"])
    [0, 2]
    """
    text = joined(lines)
    if text is None:
        return None
    found: set[int] = set()
    for pattern in patterns:
        found.update(_lines_of_matches(pattern, text))
    return sorted(found)


def _lines_of_matches(pattern: re.Pattern[str], text: str, skip: int = 0) -> list[int]:
    """Ascending indices of the ``"\\n"``-separated lines of ``text`` in which ``pattern`` finds a
    match starting ``skip`` or more characters into the line.

    After a match the search goes on at the next line: a line is found once, however many
    matches it holds (a table row has many ``|``).
    """
    found: list[int] = []
    search = pattern.search
    index = line_start = 0  # the line that starts at position ``line_start``
    pos = skip
    while (match := search(text, pos)) is not None:
        start = match.start()
        breaks = text.count("\n", line_start, start)
        if breaks:
            index += breaks
            line_start = text.rfind("\n", 0, start) + 1
        if start - line_start < skip:
            pos = line_start + skip  # too near its line's start: search that line again further on
            continue
        found.append(index)
        line_start = text.find("\n", start) + 1  # the start of the next line
        if not line_start:
            break
        index += 1
        pos = line_start + skip
    return found
