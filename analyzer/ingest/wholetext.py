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


def scan_lines(pattern: re.Pattern[str], lines: Sequence[str]) -> list[int] | None:
    """Ascending indices of the lines in which ``pattern`` finds a match, by one scan of the lines
    joined by ``"\\n"``; None when a line holds a ``"\\n"`` itself (the scan would not map back).

    >>> scan_lines(re.compile("首页"), ["首页 > 范文", "一、指导思想", "返回首页"]), scan_lines(re.compile("a"), ["a\\nb"])
    ([0, 2], None)
    """
    text = joined(lines)
    if text is None:
        return None
    found: list[int] = []
    index = last = 0
    for match in pattern.finditer(text):
        start = match.start()
        index += text.count("\n", last, start)
        last = start
        if not found or found[-1] != index:
            found.append(index)
    return found
