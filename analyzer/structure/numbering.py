"""Recognise outline numbering tokens (一、 （一） 1、 1.1 ① …) at the start of a text segment."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from analyzer.extract.numerals import cn_to_int
from analyzer.structure import patterns as P


@lru_cache(maxsize=512)  # numbering numerals are few (一 … 二十, 1 … 30); cleared by the benches
def numeral_value(s: str) -> int | None:
    """Value of a numbering numeral: arabic, full-width, Chinese (一 … 九十九), ① or ⑴.

    >>> numeral_value("十二"), numeral_value("３"), numeral_value("⑤")
    (12, 3, 5)
    """
    s = s.strip()
    if len(s) == 1 and "\u2460" <= s <= "\u2473":  # ① … ⑳
        return ord(s) - 0x2460 + 1
    if len(s) == 1 and "\u2474" <= s <= "\u2487":  # ⑴ … ⒇
        return ord(s) - 0x2474 + 1
    if len(s) == 1 and ("\u2160" <= s <= "\u216b" or "\u2170" <= s <= "\u217b"):  # Ⅰ … Ⅻ, ⅰ … ⅻ
        return (ord(s) - 0x2160) % 16 + 1
    return cn_to_int(s) if s else None


class Token(NamedTuple):
    """A numbering token found at the start of a segment (a named tuple: built once per line)."""

    style: str
    number: str  # as written, e.g. "一", "3", "1.2"
    value: int  # the last component's value
    prefix: str  # the whole token as written, e.g. "（一）"
    rest: str  # the text after the token
    parts: tuple[int, ...] = ()  # decimal components (1.2.3 → (1, 2, 3))


_ORDER = ("cn_paren", "ar_paren", "cn_bracket", "cn_part", "cn_di", "cn_dun", "dec3", "dec2", "ar_dun", "ar_dot", "ar_comma",
          "ar_half", "roman", "paren_digit", "circled")
_NO_DECIMAL = (*(style for style in _ORDER if style not in ("dec2", "dec3")), "ar_dot_month")
# The styles a segment can be tried against, by its first character (in _ORDER's order).
_BY_FIRST: dict[str, tuple[str, ...]] = {
    "bracket": ("cn_paren", "ar_paren"),
    "lenticular": ("cn_bracket",),
    "di": ("cn_part", "cn_di", "cn_dun"),
    "cn": ("cn_dun",),
    "digit": ("dec3", "dec2", "ar_dun", "ar_dot", "ar_comma", "ar_half"),
    "paren_digit": ("paren_digit",),
    "circled": ("circled",),
    "roman": ("roman",),
}


@lru_cache(maxsize=64)
def _candidates(first: str, decimal: bool) -> tuple[str, ...]:
    if first in "（(":
        group = "bracket"
    elif first in "【〖":
        group = "lenticular"
    elif first == "第":
        group = "di"
    elif first.isdigit() and not ("\u2460" <= first <= "\u24ff"):
        group = "digit"
    elif "\u2474" <= first <= "\u2487":
        group = "paren_digit"
    elif "\u2460" <= first <= "\u2473":
        group = "circled"
    elif "\u2160" <= first <= "\u217b":
        group = "roman"
    else:
        group = "cn"
    styles = _BY_FIRST[group]
    if not decimal:
        styles = tuple(s for s in styles if s not in ("dec2", "dec3"))
        if group == "digit":
            styles = (*styles, "ar_dot_month")
    return styles


def match_token(segment: str, *, decimal: bool = True) -> Token | None:
    """The numbering token at the start of ``segment``, or None.

    Args:
        segment: text that may open with a number.
        decimal: also try decimal numbering (1.1, 1.1.1); without it ``1.3月份`` reads as item 1.

    >>> match_token("（二）组织领导").style
    'cn_paren'
    >>> match_token("1.3月份，召开职代会", decimal=False).rest
    '3月份，召开职代会'
    """
    if not segment or segment[0] not in P.NUMBERING_FIRST_CHARS:
        return None
    chains = _DECIMAL_CHAINS if decimal else _PLAIN_CHAINS
    chain = chains.get(segment[0])
    if chain is None:
        chain = chains[segment[0]] = _chain(_candidates(segment[0], decimal))
    # One regex tries the candidate styles in order; its outermost group closed last is the
    # alternative of the style matched (its index says which style and where its groups are).
    m = chain[0].match(segment)
    if m is None:
        return None
    style, n_group, tok_group = chain[1][m.lastindex]
    number = m.group(n_group)
    if style != "dec2" and style != "dec3":
        value = numeral_value(number)
        if value:  # the common case, as _read would read it
            return _new_token(Token, (style, number, value, m.group(tok_group).strip(), segment[m.end(tok_group):], ()))
    token = _read(style, number, m.group(tok_group), segment[m.end(tok_group):], segment)
    if token is not _NEXT:
        return token
    # The first style read a zero numeral (〇、): try the styles after it one by one.
    styles = chain[2]
    for later in styles[styles.index(style) + 1:]:
        m = P.STYLE_PATTERNS[later].match(segment)
        if m is None:
            continue
        token = _read(later, m.group("n"), m.group("tok"), segment[m.end("tok"):], segment)
        if token is not _NEXT:
            return token
    return None


# A compiled chain of candidate styles: (regex, style and group indices by the index of each
# style's own group, the styles in order). Filled on first use, per first character.
_Chain = tuple[re.Pattern[str], dict[int, tuple[str, int, int]], tuple[str, ...]]
_DECIMAL_CHAINS: dict[str, _Chain] = {}
_PLAIN_CHAINS: dict[str, _Chain] = {}


def _chain(styles: tuple[str, ...]) -> _Chain:
    pattern = P.style_chain(styles)
    index = pattern.groupindex
    groups = {index[style]: (style, index[f"n_{style}"], index[f"tok_{style}"]) for style in styles}
    return pattern, groups, styles


# Builds a Token from its six fields without the Python-level ``__new__`` of a NamedTuple (twice as fast).
_new_token = tuple.__new__
_NEXT = Token("", "", 0, "", "")  # sentinel of _read: this style's numeral is no number, try the next


def _read(style: str, number: str, tok: str, rest: str, segment: str) -> Token | None:
    """The token a matched style gives; None for a holiday date; ``_NEXT`` for a zero numeral."""
    if style in ("dec2", "dec3"):
        if P.HOLIDAY_DOTTED.match(segment) and P.HOLIDAY_WORDS.match(rest):
            return None  # 3.8妇女节 / 5.1前后: a holiday, not decimal numbering
        parts = tuple(int(x) for x in number.replace("．", ".").split("."))
        return Token(style, number, parts[-1], tok.strip(), rest, parts)
    value = numeral_value(number)
    if value is None or value == 0:
        return _NEXT
    return Token(style, number, value, tok.strip(), rest)
