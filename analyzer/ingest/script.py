"""Script of a text: traditional versus simplified Chinese, and conversion to simplified (OpenCC t2s)."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from analyzer.ingest import patterns as P
from analyzer.ingest.wholetext import lines_matching

__all__ = ["canonical_bullets", "fold_fullwidth", "is_traditional", "to_simplified", "traditional_share"]

_TRADITIONAL_MIN_SHARE = 0.03  # share of non-GB2312 hanzi that marks a text as traditional


@functools.lru_cache(maxsize=1)
def _t2s_converter():  # -> opencc.OpenCC, created on first use only
    import opencc

    return opencc.OpenCC("t2s")


def traditional_share(text: str) -> float:
    """Share of hanzi outside GB2312 (nearly all are traditional forms); cheap, C-speed work.

    >>> traditional_share("工作計劃") > 0.4
    True
    """
    if "\\" in text:  # a real backslash would look like an escape below: count the slow way
        hanzi = "".join(P.HANZI_RUN.findall(text))
        outside = len(hanzi) - len(hanzi.encode("gb2312", errors="ignore")) // 2  # GB2312 hanzi: 2 bytes
    else:
        # Each character GB2312 lacks becomes a \\uXXXX escape (GB2312 bytes never contain 0x5C).
        encoded = text.encode("gb2312", errors="backslashreplace")
        outside = len(P.ESCAPED_HANZI.findall(encoded)) if b"\\u" in encoded else 0
    if not outside:
        return 0.0  # also when there is no hanzi at all
    return outside / sum(map(len, P.HANZI_RUN.findall(text)))


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


# Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) → ASCII: one character for one, so
# offsets and lengths stay those of the text as written. Punctuation keeps its width (，。：are
# Chinese punctuation, not wide ASCII).
_FULLWIDTH_ALNUM = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                     *range(0xFF41, 0xFF5B))}


def fold_fullwidth(lines: Iterable[str]) -> list[str]:
    """Lines with full-width digits and letters folded to ASCII (same lengths).

    >>> fold_fullwidth(["２０２６年４—５月：ＡＢ"])
    ['2026年4—5月：AB']
    """
    out = list(lines)
    for i in lines_matching(P.FULLWIDTH_ALNUM, out):  # most texts have none: one scan, no per-line work
        out[i] = out[i].translate(_FULLWIDTH_ALNUM)
    return out


#: The one bullet every later pass knows (the outline and the schedule read a line past it).
BULLET = "●"


def canonical_bullets(lines: list[str]) -> list[str]:
    """Lines whose leading decoration (emoji, symbol bullets) is one plain bullet, lengths unchanged.

    Decoration marks a line; it is not its content. Written once here, every later pass reads
    ``● 1月：`` for ``📌 1月：``, ``☀️ 7，8月：`` or ``➤ 加强领导`` alike, and a keycap number
    (``2️⃣ 开展…``) as the item number it is (``2、 开展…``). The run is padded with spaces so offsets
    and lengths stay those of the text as written (evidence is quoted from the original).

    >>> canonical_bullets(["📌 1月：", "🗓️ 4月：课堂", "2️⃣ 开展活动", "一、指导思想"])
    ['● 1月：', '●  4月：课堂', '2、  开展活动', '一、指导思想']
    """
    if not P.DECORATION_HINT.search("\n".join(lines)):
        return lines
    out = list(lines)
    for i, line in enumerate(out):
        keycap = P.KEYCAP_NUMBER.match(line)
        if keycap is not None:
            indent, digit = keycap.group(1), keycap.group(2)
            width = keycap.end() - len(indent)
            out[i] = f"{indent}{digit}、{' ' * (width - 2)}{line[keycap.end():]}"
            continue
        found = P.LEAD_DECORATION.match(line)
        if found is None or found.end() == len(line):  # a line of decoration only stays as it is
            continue
        indent, mark = found.group(1), found.group(2)
        if mark == BULLET:
            continue
        width = found.end() - len(indent)
        out[i] = f"{indent}{BULLET}{' ' * (width - 1)}{line[found.end():]}"
    return out
