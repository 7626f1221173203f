"""Fast paths of the structure room agree with the simple rules they replace (the oracles here)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.structure import kinds
from analyzer.structure import patterns as P
from analyzer.structure.numbering import Token, _candidates, match_token, numeral_value

# --- oracles: the straightforward versions ----------------------------------------------------


def _match_token_oracle(segment: str, *, decimal: bool = True) -> Token | None:
    """One ``match`` per candidate style, in order (the rule before the combined regex)."""
    if not segment or segment[0] not in P.NUMBERING_FIRST_CHARS:
        return None
    for style in _candidates(segment[0], decimal):
        m = P.STYLE_PATTERNS[style].match(segment)
        if m is None:
            continue
        number = m.group("n")
        rest = segment[m.end("tok"):]
        if style in ("dec2", "dec3"):
            if P.HOLIDAY_DOTTED.match(segment) and P.HOLIDAY_WORDS.match(rest):
                return None
            parts = tuple(int(x) for x in number.replace("．", ".").split("."))
            return Token(style, number, parts[-1], m.group("tok").strip(), rest, parts)
        value = numeral_value(number)
        if value is None or value == 0:
            continue
        return Token(style, number, value, m.group("tok").strip(), rest)
    return None


def _hits_oracle(text: str) -> list[tuple[int, str]]:
    """Every synonym by a longest-first alternation in a lookahead (the rule before the trie)."""
    _scanner, lookup = kinds._term_table()
    alternation = "|".join(re.escape(t) for t in sorted(lookup, key=len, reverse=True))
    return [(m.start(), m.group(1)) for m in re.finditer(f"(?=({alternation}))", text)]


# --- alphabets that reach the interesting branches ------------------------------------------

_NUMBERING_CHARS = "一二三十〇零两第（()）、.．,，:：0123456789０１２３①②⑴⑵部分周 月节前后妇女劳动 \t"
_TERM_CHARS = "".join(sorted({c for term in kinds._term_table()[1] for c in term})) + "的和，、加强一"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_NUMBERING_CHARS, max_size=12), st.booleans())
def test_match_token_equals_one_match_per_style(segment: str, decimal: bool) -> None:
    assert match_token(segment, decimal=decimal) == _match_token_oracle(segment, decimal=decimal)


@pytest.mark.parametrize("segment", [
    "1、加强领导", "1.1工作目标", "1.1.2 细则", "3.8妇女节", "5.1前后", "1.3月份，召开职代会", "〇、序", "〇.1",
    "（二）组织领导", "(2)落实", "第一部分 总体要求", "第二，加强", "第一周", "⑴学习", "②走访", "12）活动", "3,开展",
])
@pytest.mark.parametrize("decimal", [True, False])
def test_match_token_examples(segment: str, decimal: bool) -> None:
    assert match_token(segment, decimal=decimal) == _match_token_oracle(segment, decimal=decimal)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_TERM_CHARS, max_size=30))
def test_term_scanner_equals_longest_first_alternation(text: str) -> None:
    scanner, _lookup = kinds._term_table()
    assert [(m.start(), m.group(1)) for m in scanner.finditer(text)] == _hits_oracle(text)


def test_term_scanner_finds_every_term_alone() -> None:
    for term in kinds._term_table()[1]:
        assert _hits_oracle(term)[0] == (0, term)
        assert [(m.start(), m.group(1)) for m in kinds._term_table()[0].finditer(term)] == _hits_oracle(term)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\u3000\xa0。.．、,，:：；;！!？?\n甲乙1", max_size=12))
def test_title_trail_chars_strip_what_the_pattern_removes(text: str) -> None:
    assert text.rstrip(P.TITLE_TRAIL_CHARS) == P.TITLE_TRAIL.sub("", text)


def test_title_trail_chars_hold_every_space() -> None:
    spaces = {chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))}
    assert spaces <= set(P.TITLE_TRAIL_CHARS)


_PERIOD_CHARS = "一二三四十0123月份季度上下半年寒暑假期末中周第阶段（()）:：、—至初底开学主题工作安排召开会 |"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_PERIOD_CHARS, max_size=14))
def test_period_prefilter_never_hides_a_period(segment: str) -> None:
    # Without any word of PERIOD_ANY_WORD, none of the three readings of period_heading_text matches.
    if P.PERIOD_ANY_WORD.search(segment) is None:
        m = P.PERIOD_HEADING.match(segment)
        assert m is None or P.PERIOD_HAS_TIME_WORD.search(m.group("period")) is None
        assert P.PHASE_HEADING.match(segment) is None or "阶段" in segment
        assert P.PERIOD_HINT.search(segment) is None


_PLAN_LINES = ["一、指导思想", "二、工作目标", "三、主要任务", "（一）加强领导", "（二）落实责任", "1、召开会议。", "2、开展活动",
               "2.开展慰问", "1.1目标", "1.2措施", "三月份：召开职代会", "四月份", "第一季度", "指导思想：以人为本",
               "工作措施", "以人为本。", "", "(1)落实", "(2)检查", "①走访", "②慰问", "3.8妇女节活动",
               "工作如下。一、总体目标 二、具体措施 1，实行分片包干。2，加强巡查。", "具体时间安排", "五、保障措施"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PLAN_LINES), max_size=25), st.integers(1, 40))
def test_section_ends_and_descendants_equal_their_definitions(lines: list[str], first_line: int) -> None:
    from analyzer.structure.outline import _OutlineBuilder, _periods_under_top_level, parse_outline

    builder = _OutlineBuilder()
    for offset, text in enumerate(lines):
        builder.line(text, first_line + offset)
    drafts, last = builder.drafts, first_line + len(lines) - 1
    for i, d in enumerate(drafts):  # ends: before the next heading at its level or shallower
        later = [e for e in drafts[i + 1:] if e.level <= d.level]
        assert (d.end or last) == (max(d.line, later[0].line - 1) if later else last)
    descendants = {i: set() for i in range(len(drafts))}  # by parent pointers
    for j, d in enumerate(drafts):
        k = d.parent
        while k is not None:
            descendants[k].add(j)
            k = drafts[k].parent
    expected = {i for i, d in enumerate(drafts)
                if d.parent is None and any(drafts[j].style == "period" for j in descendants[i])}
    assert _periods_under_top_level(drafts) == expected
    assert len(parse_outline(lines, first_line=first_line).sections) >= len(drafts)


def _is_section_name_oracle(text: str) -> str | None:
    """is_section_name without its modifier-count prefilter."""
    hits = kinds._hits(text)
    if not hits:
        return None
    weight, at, term, kind = max(hits, key=lambda h: (h[0], len(h[2])))
    if weight < 3:
        return None
    rest = text[:at] + text[at + len(term):]
    if P.ACTION_WORDS.search(rest):
        return None
    rest = P.NAME_MODIFIERS.sub("", rest)
    return kind if len(rest) <= 2 else None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_TERM_CHARS + "主要具体工作本今年全如下表各项和及的 （）12", max_size=24))
def test_section_name_prefilter_keeps_every_name(text: str) -> None:
    assert kinds.is_section_name.__wrapped__(text) == _is_section_name_oracle(text)


@pytest.mark.parametrize("text", ["具体时间安排", "主要工作任务和具体措施", "今年全年工作目标如下表", "加强组织领导",
                                  "工作目标：全年发展会员", "各项保障措施（2024年度）"])
def test_section_name_examples(text: str) -> None:
    assert kinds.is_section_name.__wrapped__(text) == _is_section_name_oracle(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="一二三四十12、.，,月份至和—：:季度半年周 工作安排", max_size=12))
def test_period_after_dun_number_needs_a_month(text: str) -> None:
    # segment() tests 月 before PERIOD_HEADING for 、-style numbers: the pattern never matches without it.
    tok = match_token(text)
    if tok is not None and tok.style in ("cn_dun", "ar_dun") and P.PERIOD_HEADING.match(text):
        assert "月" in text


def test_section_name_prefilter_on_every_term_with_two_extra_characters() -> None:
    for term in kinds._term_table()[1]:
        for text in (term, f"{term}办法", f"主要{term}细则"):
            assert kinds.is_section_name.__wrapped__(text) == _is_section_name_oracle(text), text
