"""Line-preserving text normalisation: small pure steps chained into a pipeline (textacy style).

Every step maps ``list[str] -> list[str]`` (or ``str -> str`` applied per line) and never changes
the number of lines: a dropped chrome line becomes ``""`` and a word broken across two lines is
joined onto the first line, leaving the second ``""``. Line ``n`` of the output is line ``n`` of
the decoded text, so evidence can always be traced back.

The in-line clean-up steps live in :mod:`analyzer.ingest.cleanup` and the traditional/simplified
check in :mod:`analyzer.ingest.script`; both are re-exported here.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable

from analyzer.ingest import patterns as P
from analyzer.ingest.cleanup import (
    drop_fused_page_numbers_lines,
    drop_stray_marks_lines,
    join_spaced_letters,
    join_spaced_letters_lines,
    normalize_whitespace,
    normalize_whitespace_lines,
    remove_hidden_marks,
    remove_hidden_marks_lines,
    remove_pinyin,
    remove_pinyin_lines,
)
from analyzer.ingest.pages import drop_page_furniture
from analyzer.ingest.script import is_traditional, to_simplified, traditional_share
from analyzer.ingest.vtable import join_vertical_tables
from analyzer.ingest.wholetext import lines_matching

__all__ = [
    "DEFAULT_STEPS",
    "drop_chrome",
    "is_chrome_line",
    "is_traditional",
    "join_spaced_letters",
    "normalize_lines",
    "normalize_text",
    "normalize_whitespace",
    "per_line",
    "rejoin_broken_lines",
    "remove_hidden_marks",
    "remove_pinyin",
    "split_lines",
    "to_simplified",
    "traditional_share",
    "wrap_width",
]

LineStep = Callable[[list[str]], list[str]]

_CHROME_MAX_LEN = 200  # chrome lines are short; longer lines are never tested against chrome patterns
_DISCLAIMER_MAX_LEN = 80  # a disclaimer item next to a strong one is short
_JOIN_MIN_LEN = 25  # a line must be at least this long to be joined to the next (mid-word break)
_WRAP_MIN, _WRAP_MIN_LINES, _WRAP_SHARE, _WRAP_SLACK = 12, 6, 0.35, 2  # hard-wrapped text: most long lines share one width
_SENTENCE_FINAL = frozenset("。！？!?；;：:）)”」")
_QUOTE_CLOSERS = frozenset("”」")
_WRAP_GAP = 4
# After a line broken mid-clause, a line that starts with closing punctuation (”送温暖…, ），…) is the
# rest of the line above: no paragraph starts with it.
_CLOSERS = frozenset("”’》）)」』，。、；：,.;:！？!?")
_OPENERS = frozenset("“‘《（(「")  # a wrapped line may start inside a quotation or bracket  # blank lines a wrapped paragraph may run across (a dropped page header and number)


def split_lines(text: str) -> list[str]:
    """Split on CRLF, lone CR, LF and the Unicode line separators.

    >>> split_lines("一、指导思想\\r\\n二、工作目标\\r三、措施")
    ['一、指导思想', '二、工作目标', '三、措施']
    """
    lines = text.splitlines()  # splits on exactly the LINE_BREAK set, in C
    if not text or text[-1] in _LINE_END_CHARS:
        lines.append("")  # LINE_BREAK.split keeps the empty piece after a final break
    return lines


_LINE_END_CHARS = frozenset("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines splits on


def is_chrome_line(line: str) -> bool:
    """Whether a whole line is website furniture (breadcrumb, post header, buttons, page counter).

    >>> is_chrome_line("首页 > 范文大全 > 工作计划")
    True
    >>> is_chrome_line("一、指导思想")
    False
    """
    if not line or len(line) > _CHROME_MAX_LEN or not P.CHROME_HINT.search(line):
        return False  # no fragment any chrome pattern needs: most lines stop here
    if P.DIGITS_ONLY.match(line):
        return False
    if not _has_chrome_word(line):  # hinted by a bar alone (a table row, most often)
        return P.NAV_BAR.match(line) is not None and len(P.NAV_WORDS.findall(line)) >= 2
    return bool(
        (P.BREADCRUMB_HINT.search(line) and P.BREADCRUMB.match(line))
        or (P.SUBMIT_HINT.search(line) and P.SUBMIT_LINE.search(line))  # *_HINT: cheap necessary conditions
        or P.AUTHOR_CLICKS.search(line)
        or (P.UPLOAD_HINT.search(line) and P.UPLOAD_META.search(line))
        or P.READ_PAGES.search(line)
        or P.CREDIT_LINE.match(line)
        or P.PREV_NEXT.match(line)
        or P.CHAT_LINE.match(line)
        or (P.BUTTON_HINT.search(line) and P.BUTTON_LINE.match(line))
        or (P.FURNITURE_HINT.search(line) and (P.FURNITURE_LINE.match(line) or P.FURNITURE_ANYWHERE.search(line)))
        or (P.NAV_BAR.match(line) is not None and len(P.NAV_WORDS.findall(line)) >= 2)
    )


def _has_chrome_word(line: str) -> bool:
    """Whether a line CHROME_HINT finds holds a hint other than a bar (only barred lines are searched again)."""
    return not ("|" in line or "｜" in line) or P.CHROME_WORD_HINT.search(line) is not None


def drop_chrome(lines: list[str]) -> list[str]:
    """Blank site-chrome lines and document-site disclaimer blocks; also a stray final number line.

    A disclaimer block is found by its vocabulary: a line with a strong disclaimer phrase is
    chrome, and so is a neighbouring line (through other such lines) that uses site vocabulary.

    >>> drop_chrome(["首页 > 范文", "一、指导思想", "1、本文档由用户上传,仅供学习", "3"])
    ['', '一、指导思想', '', '']
    """
    out = list(lines)
    hinted = lines_matching(P.CHROME_HINT, out)  # every other line is neither chrome nor a disclaimer
    worded = [i for i in hinted if _has_chrome_word(out[i])]  # disclaimers and list headers need a word
    for i in hinted:
        if is_chrome_line(out[i]):
            out[i] = ""
    strong = [
        i
        for i in worded
        if out[i] and len(out[i]) <= _CHROME_MAX_LEN and P.DISCLAIMER_STRONG.search(out[i])
    ]
    for i in strong:
        out[i] = ""
    for i in strong:
        for step in (-1, 1):
            j = i + step
            while (
                0 <= j < len(out)
                and out[j]
                and len(out[j]) <= _DISCLAIMER_MAX_LEN
                and P.DISCLAIMER_WEAK.search(out[j])
            ):
                out[j] = ""
                j += step
    _drop_related_lists(out, worded)
    _drop_writing_tips(out)
    filled = _last_filled(out, 2)
    if filled and P.DIGITS_ONLY.match(out[filled[0]]) and len(out[filled[0]]) <= 4:
        # a stray page counter at the very end (not when the line before is a number too: idempotence)
        if len(filled) == 1 or not P.DIGITS_ONLY.match(out[filled[1]]):
            out[filled[0]] = ""
    return out


def _last_filled(lines: list[str], count: int) -> list[int]:
    """Indices of the last ``count`` non-empty lines, last first."""
    found: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        if lines[i]:
            found.append(i)
            if len(found) == count:
                break
    return found


def _drop_writing_tips(lines: list[str]) -> None:
    """Blank (in place) a template site's writing tips: their header line and the block under it."""
    if not any("写" in line for line in lines):
        return
    for i, line in enumerate(lines):
        if not line or len(line) > _CHROME_MAX_LEN or "写" not in line or not P.WRITING_TIPS.match(line.strip()):
            continue
        j = i
        while j < len(lines) and lines[j].strip():
            lines[j] = ""
            j += 1


def _drop_related_lists(lines: list[str], hinted: list[int]) -> None:
    """Blank (in place) a "related articles" header and the article titles listed under it.

    Only the ``hinted`` lines (ascending; a superset of the lines a header can be on) are tested.
    """
    for i in hinted:
        line = lines[i]  # re-read: an earlier list may have blanked it
        if not line or len(line) > _CHROME_MAX_LEN or not P.RELATED_HEADER.search(line):
            continue
        item = P.RELATED_ANY_ITEM if P.RELATED_HEADER_ANY.search(line) else P.RELATED_ITEM
        j = i + 1
        while j < len(lines) and (not lines[j] or item.match(lines[j])):
            j += 1
        if any(lines[i + 1 : j]):  # at least one listed title
            lines[i:j] = [""] * (j - i)


def wrap_width(lines: list[str]) -> int | None:
    """The width a text was hard-wrapped at (text pasted from a PDF), when most long lines share it.

    >>> wrap_width(["一二三四五六七八九十一二三四五六七八九十"] * 6 + ["短句。"])
    20
    """
    lengths = [n for n in map(len, lines) if n >= _WRAP_MIN]
    if len(lengths) < _WRAP_MIN_LINES:
        return None
    counts = Counter(lengths)
    width = max(set(lengths), key=counts.__getitem__)  # same set order and keys as lengths.count: same tie-break
    near = sum(counts[n] for n in range(width - _WRAP_SLACK, width + _WRAP_SLACK + 1))
    return width if near >= _WRAP_SHARE * len(lengths) else None


def _ends_mid_clause(line: str, min_len: int = _JOIN_MIN_LEN, *, wrapped: bool = False) -> bool:
    """A long line ending in a hanzi (no punctuation) that reads neither as a title nor a heading.

    In hard-wrapped text (``wrapped``) a full-width line may also end in a comma or a 、, or in a
    closing quote after a word (``启动“最美警察”`` | ``评选。``), and a numbered line with text after
    its colon (``1月份：庆祝…，召开局机关工``) is an item, not a heading.
    """
    if not line or " | " in line:
        return False  # (a table row ends with its last cell, never mid-clause)
    last = line[-1]
    last_ok = "\u4e00" <= last <= "\u9fff" or (wrapped and (
        last not in _SENTENCE_FINAL or (last in _QUOTE_CLOSERS and len(line) > 1 and line[-2] not in _SENTENCE_FINAL)))
    if len(line) < min_len or not last_ok or P.TITLE_END.search(line):
        return False
    # A numbered line without any sentence punctuation is a heading, not a broken sentence.
    return not (P.NUMBERING_START.match(line) and not P.SENTENCE_PUNCT.search(line)
                and not (wrapped and P.COLON_BODY.search(line)))


def _continues(line: str) -> bool:
    """A line that starts with a hanzi and no numbering token, so it may continue a clause."""
    return (bool(line) and "\u4e00" <= line[0] <= "\u9fff" and not P.NUMBERING_START.match(line)
            and " | " not in line)  # (a table row is a row of its own)


def rejoin_broken_lines(lines: list[str]) -> list[str]:
    """Join a line broken mid-word onto the previous one; the continuation line becomes ``""``.

    Conservative: the first line must be long (≥ 25 characters), end with a hanzi and no
    punctuation, and not read as a title; the next line must start with a hanzi and no number.

    >>> rejoin_broken_lines(["为了进一步加强工会组织建设,充分发挥工会在企业中的桥梁纽带作", "用,特制定本计划。"])
    ['为了进一步加强工会组织建设,充分发挥工会在企业中的桥梁纽带作用,特制定本计划。', '']
    """
    out = list(lines)
    lengths = list(map(len, out))
    width = wrap_width(out)
    # A width is a wrap only when most lines that fill it run on into the next line (an ordinary
    # text's long lines end in 。 or ；, a list of label lines (责任人：…) is followed by blank or
    # label lines): a PDF page pasted as text, 10–40 characters a line.
    if width is not None and not _fills_run_on(out, width):
        width = None
    # Hard-wrapped text (a PDF pasted as text): a line that fills the width continues below.
    min_len, wrapped = (width - 2, True) if width is not None else (_JOIN_MIN_LEN, False)
    # Only long lines ending in a hanzi (in wrapped text: in anything) can end mid-clause: while no
    # line is absorbing continuations, the loop jumps from one such line to the next.
    starts = [i for i, n in enumerate(lengths) if n >= min_len]
    if not wrapped:
        starts = [i for i in starts if "\u4e00" <= out[i][-1] <= "\u9fff"]
    target = None  # index of the line that absorbs continuations
    next_start = iter(starts)
    i = -1
    while True:
        i += 1
        if target is None:
            i = next((k for k in next_start if k >= i), -1)  # (target stays None on the lines skipped)
            if i < 0:
                break
        if i >= len(out):
            break
        line = out[i]
        if wrapped and target is not None and not line and i - target <= _WRAP_GAP:
            continue  # a page break (header and page number dropped) inside a wrapped paragraph
        if target is not None and (_continues(line) or (line[:1] in _OPENERS and not P.NUMBERING_START.match(line))
                                   or line[:1] in _CLOSERS) \
                and _stable_join(out[target] + line):
            out[target] += line
            out[i] = ""
            if not _ends_mid_clause(line, min_len, wrapped=wrapped):
                target = None
            continue
        target = i if _ends_mid_clause(line, min_len, wrapped=wrapped) else None
    return out


def _fills_run_on(lines: list[str], width: int) -> bool:
    """Whether most lines of about ``width`` characters run on: they end in no sentence-final mark
    and the next line, not blank, opens with no number and no label colon; and enough do."""
    full = [i for i, line in enumerate(lines) if width - _WRAP_SLACK <= len(line) <= width + _WRAP_SLACK]
    run_on = sum(1 for i in full if lines[i][-1] not in _SENTENCE_FINAL and i + 1 < len(lines)
                 and _runs_into(lines[i + 1]))
    return run_on >= _WRAP_MIN_LINES and run_on * 2 >= len(full)


def _runs_into(line: str) -> bool:
    """A line that can continue the one above it: not blank, no number, no label colon up front."""
    return bool(line) and not P.NUMBERING_START.match(line) and P.EARLY_LABEL_COLON.search(line, 0, 8) is None


def _stable_join(joined: str) -> bool:
    """Whether a joined line is left alone by every other step (keeps the pipeline idempotent)."""
    return not (
        is_chrome_line(joined)
        or P.DISCLAIMER_STRONG.search(joined)
        or P.RELATED_HEADER.search(joined)
        or remove_pinyin(joined) != joined
        or remove_hidden_marks(joined) != joined
    )


def per_line(step: Callable[[str], str]) -> LineStep:
    """Lift a ``str -> str`` step to a line-list step."""

    @functools.wraps(step)
    def apply(lines: list[str]) -> list[str]:
        return [step(line) for line in lines]

    return apply


DEFAULT_STEPS: tuple[LineStep, ...] = (
    remove_pinyin_lines,
    normalize_whitespace_lines,
    join_spaced_letters_lines,
    remove_hidden_marks_lines,
    drop_fused_page_numbers_lines,
    drop_page_furniture,
    drop_stray_marks_lines,
    drop_chrome,
    join_vertical_tables,
    rejoin_broken_lines,
)


def normalize_lines(lines: Iterable[str], steps: Iterable[LineStep] = DEFAULT_STEPS) -> list[str]:
    """Run the normalisation pipeline over lines; the line count never changes.

    >>> normalize_lines(["\\u00a0\\u00a0", "計(jì)劃 ", "您现在的位置:首页"])
    ['', '計劃', '']
    """
    out = list(lines)
    n = len(out)
    for step in steps:
        out = step(out)
        assert len(out) == n, f"normalisation step {step.__name__} changed the line count"
    return out


def normalize_text(text: str) -> list[str]:
    """Split decoded text into lines and normalise them.

    >>> normalize_text("一、指导思想\\r\\n\\u3000\\u3000加强学习。")
    ['一、指导思想', '加强学习。']
    """
    return normalize_lines(split_lines(text))
