"""Page furniture left in text pasted from a PDF: page-number lines and running headers.

A PDF read by ``ingest.pdf`` loses its furniture page by page. Text copied out of a PDF and saved
as ``.txt`` keeps it inline: a centred ``— 1 —`` (or ``第 2 页 共 5 页``) between two pages, and the
running header (the unit's name, a document number) on the line after each page number, often in
the middle of a paragraph. Both are blanked, so that the paragraph rejoins across the break.
"""

from __future__ import annotations

from collections import Counter

from analyzer.ingest import patterns as P
from analyzer.ingest.wholetext import joined

__all__ = ["drop_page_furniture"]

_PAGE_NUMBER_MAX_LEN = 24  # "第 12 页 共 30 页" and its padding
_RUNNING_MAX_LEN = 30  # a running header or footer is short
_REACH = 2  # non-blank lines looked at on each side of a page number


def drop_page_furniture(lines: list[str]) -> list[str]:
    """Blank decorated page-number lines and the short lines that recur next to them.

    A line next to a page number (within two non-blank lines) is a running header or footer when
    the same line (digits aside) sits next to two page numbers or more; numbered lines and lines
    that end a sentence never are. A bare number is left alone (it may be a table cell).

    >>> drop_page_furniture(["一、目标", "建设健身房，6月底前投", "— 1 —", "XX公安局工会", "入使用。",
    ...                      "二、安排", "— 2 —", "XX公安局工会", "三、措施"])
    ['一、目标', '建设健身房，6月底前投', '', '', '入使用。', '二、安排', '', '', '三、措施']
    """
    text = joined(lines)
    if text is not None and not ("页" in text or "/" in text or "age" in text or "AGE" in text
                                 or P.DASHED_NUMBER.search(text)):
        return lines
    match = P.DECORATED_PAGE_NUMBER.match
    numbers = [i for i, line in enumerate(lines) if len(line) <= _PAGE_NUMBER_MAX_LEN and match(line)]
    if not numbers:
        return lines
    out = list(lines)
    for i in numbers:
        out[i] = ""
    near: dict[int, str] = {}
    counts: Counter[str] = Counter()
    for i in numbers:
        keys = set()
        for step in (-1, 1):
            for j in _neighbours(out, i, step):
                key = _running_key(out[j])
                if key is not None:
                    near[j] = key
                    keys.add(key)
        counts.update(keys)
    for j, key in near.items():
        if counts[key] >= 2:
            out[j] = ""
    return out


def _neighbours(lines: list[str], i: int, step: int) -> list[int]:
    """Up to _REACH non-blank lines beside line ``i`` in direction ``step``."""
    found: list[int] = []
    j = i + step
    while 0 <= j < len(lines) and len(found) < _REACH:
        if lines[j].strip():
            found.append(j)
        j += step
    return found


def _has_word(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in text)


def _running_key(line: str) -> str | None:
    """The line with its digits masked, when it could be a running header or footer."""
    text = line.strip()
    if (not text or len(text) > _RUNNING_MAX_LEN or text[-1] in "。；;！？!?"
            or P.NUMBERING_START.match(text) or P.SENTENCE_PUNCT.search(text) or not _has_word(text)):
        return None
    return P.DIGITS.sub("#", text.replace(" ", ""))
