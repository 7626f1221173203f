"""In-line clean-up steps: whitespace, letter-spacing, pinyin annotations, truncation marks.

Each step exists twice: a ``str -> str`` function for one line (the readable definition), and a
``list[str] -> list[str]`` version that does the same to every line in whole-text regex passes
over the lines joined by ``"\\n"`` (none of these patterns can match across a line end, so a
pass over the joined text is a pass over each line). tests/ingest/test_ingest_fastpaths.py checks
that each list version equals mapping the line version.
"""

from __future__ import annotations

from analyzer.ingest import patterns as P
from analyzer.ingest.wholetext import joined, lines_matching, scan_lines_any

__all__ = [
    "drop_fused_page_number",
    "drop_fused_page_numbers_lines",
    "drop_stray_marks",
    "drop_stray_marks_lines",
    "join_spaced_letters",
    "join_spaced_letters_lines",
    "normalize_whitespace",
    "normalize_whitespace_lines",
    "remove_hidden_marks",
    "remove_hidden_marks_lines",
    "remove_pinyin",
    "remove_pinyin_lines",
]


def normalize_whitespace(line: str) -> str:
    """Unify spaces, drop zero-width and control characters, collapse space runs, strip the ends.

    Full-width punctuation is left alone (no NFKC).

    >>> normalize_whitespace("\\u3000\\u3000一、 \\u00a0指导思想\\u200b ")
    '一、 指导思想'
    """
    if line.isascii() and line.isprintable() and "  " not in line:
        return line.strip()
    line = P.ZERO_WIDTH.sub("", line)
    if len(P.CELL_GAP.findall(line.strip())) >= 2:
        # A table row laid out with tabs or runs of spaces: keep its cells apart ("3月 | 召开职代会 | 工会");
        # a tab before the first cell is an empty first cell (a continuation row: "| 3月2日 | 开展… | 林晓").
        line = ("| " if line[:1] == "\t" else "") + P.CELL_GAP.sub(" | ", line.strip())
    line = P.ODD_SPACE.sub(" ", line)
    line = P.CONTROL.sub("", line)
    line = P.MULTI_SPACE.sub(" ", line)
    return line.strip()


def join_spaced_letters(line: str) -> str:
    """Remove the spaces a PDF or a typesetter put between single characters: ``指 导 思 想`` → ``指导思想``.

    Only runs of at least three single CJK characters or digits each separated by one space are
    joined, so spaces between words (``春风送岗 暖心护航``) stay.

    >>> join_spaced_letters("二、工 作 目 标"), join_spaced_letters("春风送岗 暖心护航")
    ('二、工作目标', '春风送岗 暖心护航')
    """
    if " " not in line:
        return line
    return P.SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), line)


def remove_pinyin(line: str) -> str:
    """Remove toned pinyin put in brackets after characters: ``計(jì)劃`` → ``計劃``.

    >>> remove_pinyin("工作計(jì)劃（huà）(一)")
    '工作計劃(一)'
    """
    if "(" not in line and "（" not in line:
        return line
    count = 1
    while count:  # each pass shrinks the line, so this ends
        line, count = P.PINYIN_AFTER_CHAR.subn("", line)
    return line


def remove_hidden_marks(line: str) -> str:
    """Remove ``……此处隐藏N个字……`` truncation marks wherever they stand.

    >>> remove_hidden_marks("加强学习……此处隐藏2345个字……")
    '加强学习'
    """
    while _HIDDEN_KEY in line:  # repeat: a removal may splice a new mark together (shrinks each time)
        cleaned = _remove_hidden_once(line)
        if cleaned == line:
            break
        line = cleaned
    return line


_HIDDEN_KEY = "此处隐藏"


def _remove_hidden_once(line: str) -> str:
    """One left-to-right pass; the regex only ever runs on a small window around each key."""
    out: list[str] = []
    pos = 0
    while (idx := line.find(_HIDDEN_KEY, pos)) != -1:
        match = P.HIDDEN_TEXT.search(line, max(pos, idx - 14), idx + 40)
        if match and match.start() <= idx:
            out.append(line[pos : match.start()])
            pos = match.end()
        else:
            out.append(line[pos : idx + len(_HIDDEN_KEY)])
            pos = idx + len(_HIDDEN_KEY)
    out.append(line[pos:])
    return "".join(out).strip()


def remove_pinyin_lines(lines: list[str]) -> list[str]:
    """``per_line(remove_pinyin)``, run only on the lines one whole-text scan finds PINYIN_HINT in.

    >>> remove_pinyin_lines(["計(jì)劃", "(一)加强学习"])
    ['計劃', '(一)加强学习']
    """
    hinted = scan_lines_any(P.PINYIN_HINTS, lines)  # the few lines with a letter after a bracket
    if hinted is None:
        return [remove_pinyin(line) for line in lines]
    out = list(lines)
    for i in hinted:
        out[i] = remove_pinyin(out[i])
    return out


def normalize_whitespace_lines(lines: list[str]) -> list[str]:
    """``per_line(normalize_whitespace)``, doing real work only on lines that need more than strip().

    A line whose stripped form holds no WS_SPECIAL match normalises to that stripped form:
    indentation and trailing blanks go with strip() anyway, and zero-width characters are not
    whitespace, so strip() never hides one. When many lines need work, the text is rewritten in
    whole-text passes instead (see :func:`_normalize_whitespace_text`).

    >>> normalize_whitespace_lines(["\\u3000\\u3000一、 \\u00a0指导思想\\u200b ", "3月\\t召开职代会\\t工会", "\\u3000加强学习"])
    ['一、 指导思想', '3月 | 召开职代会 | 工会', '加强学习']
    """
    stripped = list(map(str.strip, lines))
    special: list[int] = []
    # Every WS_SPECIAL match is a character str.isprintable refuses (zero-width, odd spaces, controls)
    # or two plain spaces: a text with neither (C-speed tests) needs no scan. (Stripped lines neither
    # start nor end with a space, so joining them end to end makes no new "  ".)
    flat = "".join(stripped)
    if not flat.isprintable() or "  " in flat:
        special = lines_matching(P.WS_SPECIAL, stripped)
    if len(special) > _WHOLE_TEXT_SHARE * len(lines):
        text = joined(lines)
        if text is not None:
            return _normalize_whitespace_text(text)
    for i in special:
        stripped[i] = normalize_whitespace(lines[i])
    return stripped


_WHOLE_TEXT_SHARE = 0.25  # above this share of lines needing work, whole-text passes are cheaper


def _normalize_whitespace_text(text: str) -> list[str]:
    """normalize_whitespace on every line of ``text`` (lines joined by "\\n") in whole-text passes.

    Zero-width removal, odd spaces, control characters and space runs are single-line character
    rewrites, so one pass over the joined text equals one pass per line; only the table-row rule
    (two or more cell gaps *in the line*) is decided per line, on the few lines that have a gap.
    """
    text = P.ZERO_WIDTH.sub("", text)
    rows = text.split("\n")
    stripped = list(map(str.strip, rows))
    cells = False
    for i in lines_matching(P.GAP_HINT, stripped):  # the few lines that may hold a cell gap
        if len(P.CELL_GAP.findall(stripped[i])) >= 2:  # a table row: keep its cells apart
            rows[i] = ("| " if rows[i][:1] == "\t" else "") + P.CELL_GAP.sub(" | ", stripped[i])
            cells = True
    if cells:
        text = "\n".join(rows)
    text = P.ODD_SPACE.sub(" ", text)
    text = P.CONTROL.sub("", text)
    text = P.MULTI_SPACE.sub(" ", text)
    return list(map(str.strip, text.split("\n")))


def join_spaced_letters_lines(lines: list[str]) -> list[str]:
    """``per_line(join_spaced_letters)`` in one whole-text pass (runs never cross a line end).

    >>> join_spaced_letters_lines(["二、工 作 目 标", "春风送岗 暖心护航"])
    ['二、工作目标', '春风送岗 暖心护航']
    """
    text = joined(lines)
    if text is None:
        return [join_spaced_letters(line) for line in lines]
    if not P.SPACED_HINT.search(text):
        return list(lines)
    return P.SPACED_LETTERS.sub(lambda m: m.group(0).replace(" ", ""), text).split("\n")


def remove_hidden_marks_lines(lines: list[str]) -> list[str]:
    """``per_line(remove_hidden_marks)``, touching only the lines that contain the mark's key.

    >>> remove_hidden_marks_lines(["加强学习……此处隐藏1234个字……", "隐藏的问题"])
    ['加强学习', '隐藏的问题']
    """
    out = list(lines)
    text = joined(out)
    if text is not None and _HIDDEN_KEY not in text:
        return out
    for i, line in enumerate(out):
        if _HIDDEN_KEY in line:
            out[i] = remove_hidden_marks(line)
    return out


def drop_fused_page_number(line: str) -> str:
    """Remove a page number fused to the line's end after its sentence end.

    >>> drop_fused_page_number("为执勤一线配发防暑降温用品。3"), drop_fused_page_number("发展会员300")
    ('为执勤一线配发防暑降温用品。', '发展会员300')
    """
    return P.FUSED_PAGE_NUMBER.sub("", line) if line[-1:].isdigit() else line


def drop_fused_page_numbers_lines(lines: list[str]) -> list[str]:
    """``per_line(drop_fused_page_number)`` in one whole-text pass (the number ends its line)."""
    text = joined(lines)
    if text is None:
        return [drop_fused_page_number(line) for line in lines]
    return P.FUSED_PAGE_NUMBER_LINES.sub(r"\1", text).split("\n")


def drop_stray_marks(line: str) -> str:
    """Remove a dot or apostrophe inside a word (篮.球赛, 指战'员) in a line that punctuates the Chinese
    way (，。；); a line with ASCII commas uses "." as its full stop and keeps it.

    >>> drop_stray_marks("组织秋季篮.球赛，开展训练。"), drop_stray_marks("加强学习.每月组织一次,由工会负责.")
    ('组织秋季篮球赛，开展训练。', '加强学习.每月组织一次,由工会负责.')
    """
    if P.ASCII_CLAUSE_MARK.search(line) or not ("，" in line or "。" in line or "；" in line):
        return line
    return P.STRAY_MARK.sub("", line)


def drop_stray_marks_lines(lines: list[str]) -> list[str]:
    """``per_line(drop_stray_marks)``, on the lines one scan finds a mark between two hanzi in."""
    out = list(lines)
    for i in lines_matching(P.STRAY_MARK, out):
        out[i] = drop_stray_marks(out[i])
    return out
