"""Line-preserving text normalisation: small pure steps chained into a pipeline (textacy style).

Every step maps ``list[str] -> list[str]`` (or ``str -> str`` applied per line) and never changes
the number of lines: a dropped chrome line becomes ``""`` and a word broken across two lines is
joined onto the first line, leaving the second ``""``. Line ``n`` of the output is line ``n`` of
the decoded text, so evidence can always be traced back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from analyzer.ingest import patterns as P

LineStep = Callable[[list[str]], list[str]]

_CHROME_MAX_LEN = 200  # chrome lines are short; longer lines are never tested against chrome patterns
_DISCLAIMER_MAX_LEN = 80  # a disclaimer item next to a strong one is short
_JOIN_MIN_LEN = 25  # a line must be at least this long to be joined to the next (mid-word break)
_WRAP_MIN, _WRAP_MIN_LINES, _WRAP_SHARE, _WRAP_SLACK = 12, 6, 0.35, 2  # hard-wrapped text: most long lines share one width
_SENTENCE_FINAL = frozenset("。！？!?；;：:）)”」")
_WRAP_GAP = 4
_OPENERS = frozenset("“‘《（(「")  # a wrapped line may start inside a quotation or bracket  # blank lines a wrapped paragraph may run across (a dropped page header and number)
_TRADITIONAL_MIN_SHARE = 0.03  # share of non-GB2312 hanzi that marks a text as traditional


def split_lines(text: str) -> list[str]:
    """Split on CRLF, lone CR, LF and the Unicode line separators.

    >>> split_lines("一、指导思想\\r\\n二、工作目标\\r三、措施")
    ['一、指导思想', '二、工作目标', '三、措施']
    """
    return P.LINE_BREAK.split(text)


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
        # A table row laid out with tabs or runs of spaces: keep its cells apart ("3月 | 召开职代会 | 工会").
        line = P.CELL_GAP.sub(" | ", line.strip())
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


def is_chrome_line(line: str) -> bool:
    """Whether a whole line is website furniture (breadcrumb, post header, buttons, page counter).

    >>> is_chrome_line("首页 > 范文大全 > 工作计划")
    True
    >>> is_chrome_line("一、指导思想")
    False
    """
    if not line or len(line) > _CHROME_MAX_LEN:
        return False
    if P.DIGITS_ONLY.match(line):
        return False
    return bool(
        P.BREADCRUMB.match(line)
        or P.SUBMIT_LINE.search(line)
        or P.AUTHOR_CLICKS.search(line)
        or P.UPLOAD_META.search(line)
        or P.READ_PAGES.search(line)
        or P.CREDIT_LINE.match(line)
        or P.BUTTON_LINE.match(line)
        or P.FURNITURE.search(line)
        or (P.NAV_BAR.match(line) is not None and len(P.NAV_WORDS.findall(line)) >= 2)
    )


def drop_chrome(lines: list[str]) -> list[str]:
    """Blank site-chrome lines and document-site disclaimer blocks; also a stray final number line.

    A disclaimer block is found by its vocabulary: a line with a strong disclaimer phrase is
    chrome, and so is a neighbouring line (through other such lines) that uses site vocabulary.

    >>> drop_chrome(["首页 > 范文", "一、指导思想", "1、本文档由用户上传,仅供学习", "3"])
    ['', '一、指导思想', '', '']
    """
    out = ["" if is_chrome_line(line) else line for line in lines]
    strong = [
        i
        for i, line in enumerate(out)
        if line and len(line) <= _CHROME_MAX_LEN and P.DISCLAIMER_STRONG.search(line)
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
    _drop_related_lists(out)
    filled = [i for i in range(len(out) - 1, -1, -1) if out[i]][:2]
    if filled and P.DIGITS_ONLY.match(out[filled[0]]) and len(out[filled[0]]) <= 4:
        # a stray page counter at the very end (not when the line before is a number too: idempotence)
        if len(filled) == 1 or not P.DIGITS_ONLY.match(out[filled[1]]):
            out[filled[0]] = ""
    return out


def _drop_related_lists(lines: list[str]) -> None:
    """Blank (in place) a "related articles" header and the article titles listed under it."""
    for i, line in enumerate(lines):
        if not line or len(line) > _CHROME_MAX_LEN or not P.RELATED_HEADER.search(line):
            continue
        j = i + 1
        while j < len(lines) and (not lines[j] or P.RELATED_ITEM.match(lines[j])):
            j += 1
        if any(lines[i + 1 : j]):  # at least one listed title
            lines[i:j] = [""] * (j - i)


def wrap_width(lines: list[str]) -> int | None:
    """The width a text was hard-wrapped at (text pasted from a PDF), when most long lines share it.

    >>> wrap_width(["一二三四五六七八九十一二三四五六七八九十"] * 6 + ["短句。"])
    20
    """
    lengths = [len(line) for line in lines if len(line) >= _WRAP_MIN]
    if len(lengths) < _WRAP_MIN_LINES:
        return None
    width = max(set(lengths), key=lengths.count)
    near = sum(1 for n in lengths if abs(n - width) <= _WRAP_SLACK)
    return width if near >= _WRAP_SHARE * len(lengths) else None


def _ends_mid_clause(line: str, min_len: int = _JOIN_MIN_LEN, *, wrapped: bool = False) -> bool:
    """A long line ending in a hanzi (no punctuation) that reads neither as a title nor a heading.

    In hard-wrapped text (``wrapped``) a full-width line may also end in a comma or a 、.
    """
    if not line:
        return False
    last_ok = "\u4e00" <= line[-1] <= "\u9fff" or (wrapped and line[-1] not in _SENTENCE_FINAL)
    if len(line) < min_len or not last_ok or P.TITLE_END.search(line):
        return False
    # A numbered line without any sentence punctuation is a heading, not a broken sentence.
    return not (P.NUMBERING_START.match(line) and not P.SENTENCE_PUNCT.search(line))


def _continues(line: str) -> bool:
    """A line that starts with a hanzi and no numbering token, so it may continue a clause."""
    return bool(line) and "\u4e00" <= line[0] <= "\u9fff" and not P.NUMBERING_START.match(line)


def rejoin_broken_lines(lines: list[str]) -> list[str]:
    """Join a line broken mid-word onto the previous one; the continuation line becomes ``""``.

    Conservative: the first line must be long (≥ 25 characters), end with a hanzi and no
    punctuation, and not read as a title; the next line must start with a hanzi and no number.

    >>> rejoin_broken_lines(["为了进一步加强工会组织建设,充分发挥工会在企业中的桥梁纽带作", "用,特制定本计划。"])
    ['为了进一步加强工会组织建设,充分发挥工会在企业中的桥梁纽带作用,特制定本计划。', '']
    """
    out = list(lines)
    width = wrap_width(out)
    # Hard-wrapped text (a PDF pasted as text): a line that fills the width continues below.
    min_len, wrapped = (width - 2, True) if width is not None and width < _JOIN_MIN_LEN else (_JOIN_MIN_LEN, False)
    target = None  # index of the line that absorbs continuations
    for i, line in enumerate(out):
        if wrapped and target is not None and not line and i - target <= _WRAP_GAP:
            continue  # a page break (header and page number dropped) inside a wrapped paragraph
        if target is not None and (_continues(line) or (line[:1] in _OPENERS and not P.NUMBERING_START.match(line))) \
                and _stable_join(out[target] + line):
            out[target] += line
            out[i] = ""
            if not _ends_mid_clause(line, min_len, wrapped=wrapped):
                target = None
            continue
        target = i if _ends_mid_clause(line, min_len, wrapped=wrapped) else None
    return out


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
    per_line(remove_pinyin),
    per_line(normalize_whitespace),
    per_line(join_spaced_letters),
    per_line(remove_hidden_marks),
    drop_chrome,
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


# --- traditional → simplified ----------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _t2s_converter():  # -> opencc.OpenCC, created on first use only
    import opencc

    return opencc.OpenCC("t2s")


def traditional_share(text: str) -> float:
    """Share of hanzi outside GB2312 (nearly all are traditional forms); cheap, C-speed work.

    >>> traditional_share("工作計劃") > 0.4
    True
    """
    hanzi = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff") if len(text) < 4096 else _hanzi(text)
    if not hanzi:
        return 0.0
    simplified = hanzi.encode("gb2312", errors="ignore").decode("gb2312")
    return (len(hanzi) - len(simplified)) / len(hanzi)


def _hanzi(text: str) -> str:
    """All CJK unified ideographs of ``text`` concatenated (regex, for long texts)."""
    return "".join(P.HANZI_RUN.findall(text))


def is_traditional(lines: Iterable[str]) -> bool:
    """Whether the text is (mostly) written in traditional characters.

    >>> is_traditional(["工會工作計劃"])
    True
    """
    return traditional_share("\n".join(lines)) >= _TRADITIONAL_MIN_SHARE


def to_simplified(lines: list[str]) -> list[str]:
    """Convert lines to simplified Chinese with OpenCC ``t2s``, keeping the line count.

    >>> to_simplified(["工會工作計劃", "一、指導思想"])
    ['工会工作计划', '一、指导思想']
    """
    converted = _t2s_converter().convert("\n".join(lines)).split("\n")
    if len(converted) != len(lines):
        converted = [_t2s_converter().convert(line) for line in lines]
    return converted
