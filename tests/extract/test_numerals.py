"""Chinese numerals and years."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.extract.numerals import cn_to_int, parse_year

_DIGITS = "零一二三四五六七八九"


def render(n: int) -> str:
    """Render 1..999 the way plans write numbers: 十, 十五, 二十, 一百零五, 一百一十."""
    hundreds, tens, ones = n // 100, n // 10 % 10, n % 10
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if tens == 0 and ones:
            return out + "零" + _DIGITS[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if ones:
        out += _DIGITS[ones]
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十二", 12), ("二十", 20), ("九十九", 99),
        ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("两", 2), ("两百", 200),
        ("壹", 1), ("贰拾", 20), ("叁", 3), ("拾壹", 11), ("１２", 12), ("12", 12), ("〇", 0),
        ("二〇二四", 2024), ("二○二四", 2024), ("二oo二", 2002), ("二零二五", 2025),
        ("", None), ("三大", None), ("十十", None), ("二三十", None), ("abc", None), ("第一", None),
    ],
)
def test_cn_to_int(text: str, expected: int | None) -> None:
    assert cn_to_int(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", 2024), ("2024年", 2024), ("二〇二四年", 2024), ("二○○八年", 2008), ("二oo二年", 2002),
        ("24年", 2024), ("98年", 1998), ("103 年", 2014), ("103年", 2014), ("201 0年", 2010),
        ("２０２４年度", 2024), ("24", None), ("103", None), ("20__年", None), ("20xx", None),
        ("3000", None), ("十二年", None), ("", None),
    ],
)
def test_parse_year(text: str, expected: int | None) -> None:
    assert parse_year(text) == expected


def test_render_helper_is_right() -> None:
    assert [render(n) for n in (10, 15, 20, 105, 110, 111, 199)] == [
        "十", "十五", "二十", "一百零五", "一百一十", "一百一十一", "一百九十九"]


@given(st.integers(min_value=1, max_value=199))
def test_rendered_numbers_read_back(n: int) -> None:
    assert cn_to_int(render(n)) == n


@given(st.text(max_size=12))
def test_cn_to_int_never_raises(text: str) -> None:
    value = cn_to_int(text)
    assert value is None or value >= 0
    parse_year(text)
