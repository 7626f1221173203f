"""charset.consumable: the characters a pattern can consume, or None when it can consume anything."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.extract.charset import consumable


@pytest.mark.parametrize(("pattern", "chars", "decimal", "space"), [
    (r"[一二]?月(?=份)", "一二月", False, False),
    (r"(?:上|下)半年(?!度)", "上下半年", False, False),
    (r"(?P<s>[./])\d(?P=s)", "./", True, False),
    (r"\s*[a-c]{2}", "abc", False, True),
])
def test_sets(pattern: str, chars: str, decimal: bool, space: bool) -> None:
    found = consumable(re.compile(pattern))
    assert found is not None
    assert (found.chars, found.decimal, found.space) == (frozenset(chars), decimal, space)


@pytest.mark.parametrize("pattern", [r"a.b", r"[^季]月", r"主题[:：].*$", r"\w+"])
def test_anything_gives_none(pattern: str) -> None:
    assert consumable(re.compile(pattern)) is None


_PATTERNS = [r"[一二三]月(?:份)?", r"第[一二](?:周|星期)", r"(?:春|秋)季(?!学期)", r"\d{1,2}[./]\d{1,2}"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_PATTERNS), st.text(alphabet="一二三月份第周星期春秋季学0123456789./ab", max_size=12))
def test_every_match_is_made_of_consumable_characters(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    allowed = consumable(compiled)
    assert allowed is not None
    for m in compiled.finditer(text):
        assert not allowed.foreign(m.group())
