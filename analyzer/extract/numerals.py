"""Chinese and Arabic numerals and years as written in plans: 十二, 一百零五, 二〇二四, 两, 壹, １２."""

from __future__ import annotations

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

# Digit characters, including financial forms, the zero look-alikes used in years (二○二四,
# 二oo二) and Arabic digits (so that mixed OCR forms like 2〇24 still read).
_DIGITS: dict[str, int] = {
    **{c: 0 for c in "〇零○ＯoO0"},
    **{c: 1 for c in "一壹幺1"},
    **{c: 2 for c in "二两兩贰貳2"},
    **{c: 3 for c in "三叁參3"},
    **{c: 4 for c in "四肆4"},
    **{c: 5 for c in "五伍5"},
    **{c: 6 for c in "六陆陸6"},
    **{c: 7 for c in "七柒7"},
    **{c: 8 for c in "八捌8"},
    **{c: 9 for c in "九玖9"},
}
_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ZEROS = frozenset("〇零○ＯoO0")

_ROC_OFFSET = 1911  # 民国 year 1 = 1912
_TWO_DIGIT_PIVOT = 50  # 24年 → 2024, 98年 → 1998
_MIN_YEAR, _MAX_YEAR = 1900, 2100
_MAX_ROC = 200


def cn_to_int(s: str) -> int | None:
    """Read a Chinese, Arabic or mixed numeral; ``None`` when it is not one.

    Without unit characters the digits are read positionally (二〇二四 → 2024); with units
    (十/百/千) they are read as a quantity (一百零五 → 105, 十一 → 11).

    Args:
        s: The numeral, e.g. ``"十二"``, ``"一百零五"``, ``"二○二四"``, ``"１２"``.

    Returns:
        The value, or ``None`` for an empty or malformed numeral.

    >>> cn_to_int("一百零五"), cn_to_int("二〇二四"), cn_to_int("两"), cn_to_int("三大")
    (105, 2024, 2, None)
    """
    s = s.strip().translate(_FULL_WIDTH)
    if not s:
        return None
    if s.isdigit() and s.isascii():
        return int(s)
    if not any(c in _UNITS for c in s):
        if any(c not in _DIGITS for c in s):
            return None
        if len(s) > 1 and all(c in _ZEROS for c in s):
            return 0
        value = 0
        for c in s:
            value = value * 10 + _DIGITS[c]
        return value
    return _read_with_units(s)


def _read_with_units(s: str) -> int | None:
    """Read a numeral with 十/百/千: units must fall from left to right."""
    total, current, last_unit = 0, None, 10_000
    for c in s:
        if c in _UNITS:
            unit = _UNITS[c]
            if unit >= last_unit:
                return None
            total += (1 if current is None else current) * unit
            current, last_unit = None, unit
        elif c in _ZEROS:
            if current is not None:
                return None  # 二零 inside a unit numeral is malformed
        elif c in _DIGITS:
            if current is not None:
                return None  # two digits in a row: 二三十
            current = _DIGITS[c]
        else:
            return None
    return total + (current or 0)


def parse_year(s: str) -> int | None:
    """Read a year as written: 2024, 二〇二四, 二oo二, ``24年``, ROC ``103 年``.

    A two-digit year needs the 年 after it to count (``24年`` → 2024, ``98年`` → 1998); a
    three-digit year with 年 is a Republic-of-China year (``103 年`` → 2014). Spaces inside the
    token (OCR: ``201 0年``) are ignored; ``年度`` is accepted as the suffix.

    Args:
        s: The year token, with or without 年.

    Returns:
        The Gregorian year, or ``None`` when the token is not clearly a year (placeholders such
        as ``20__年`` or ``20xx`` included).

    >>> parse_year("二〇二四年"), parse_year("24年"), parse_year("103 年"), parse_year("20__年")
    (2024, 2024, 2014, None)
    """
    token = "".join(s.split())
    has_suffix = False
    for suffix in ("年度", "年"):
        if token.endswith(suffix):
            token, has_suffix = token[: -len(suffix)], True
            break
    if not token or any(c in _UNITS for c in token):
        return None
    value = cn_to_int(token)
    if value is None:
        return None
    if len(token) == 4:
        return value if _MIN_YEAR <= value <= _MAX_YEAR else None
    if len(token) == 2 and has_suffix:
        return (2000 if value < _TWO_DIGIT_PIVOT else 1900) + value
    if len(token) == 3 and has_suffix and 0 < value <= _MAX_ROC:
        return _ROC_OFFSET + value
    return None
