"""Fast paths of plan splitting, metadata and the outline's line scan agree with the plain rules
they replace (kept here as the oracles), on texts built from the characters and words that matter."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest.wholetext import scan_lines
from analyzer.structure import meta, split
from analyzer.structure import patterns as P

_FAST = settings(max_examples=400, deadline=None)

# --- oracles: the patterns and rules before the fast paths ------------------------------------

_CN_YEAR_DIGITS = "〇零○OoΟ一二三四五六七八九"
_YEAR_ORACLE = re.compile(
    rf"(?<![0-9])(?P<y>(?:19|20)[0-9]{{2}})\s*(?:[-—–~至/]\s*(?:19|20)?[0-9]{{2}}\s*)?(?:年|学年|年度)"
    rf"|(?P<cy>[二一][{_CN_YEAR_DIGITS}]{{3}})\s*(?:年|学年)"
)
_YEAR_PLACEHOLDER_ORACLE = re.compile(
    r"(?:20|２０)?(?:[_＿]{1,4}|[XxＸｘ×]{1,2}|[0-9][XxＸｘ])\s*(?:年|学年)|20[XxＸｘ]{2}|202[XxＸｘ]"
)
_YEAR_PREFIX_ORACLE = re.compile(r"^.*?(?:(?:19|20)[0-9]{2}|[_＿Xx×]{2,4})\s*(?:年度?|学年)")
_UNIT_ORACLE = (
    r"(?P<u>[\u4e00-\u9fffA-Za-z0-9（）()]{1,20}(?:工会委员会|总工会|教育工会|工会工作委员会|工会|工委|联合会"
    r"|委员会|大队|支队|中队|派出所|局|中心|学校|小学|中学|幼儿园|医院|卫生院|公司|集团|社区|街道|乡|镇|所|站"
    r"|学院|大学|支行|分行|项目部|教导处|办公室))"
)


def _find_unit_oracle(title: str | None, lines: Sequence[str], *, head_lines: int = 6) -> str | None:
    """find_unit as written before: every candidate first, each line's subject by regex splits."""
    candidates: list[str] = []
    if title:
        candidates.append(meta._title_unit(title))
    seen = 0
    for line in lines:
        text = line.strip()
        if not text:
            continue
        seen += 1
        if seen > head_lines:
            break
        first = P.CLAUSE_BREAK.split(_YEAR_PREFIX_ORACLE.sub("", text[:80]).lstrip("，,、 "), maxsplit=1)[0]
        if P.SUBJECT_END.search(first):
            candidates.append(P.SUBJECT_END.split(first, maxsplit=1)[0])
    for k, text in enumerate(candidates):
        text = P.UNIT_NOISE.sub("", P.UNIT_PLACEHOLDER.sub("", text.strip()))
        m = P.UNIT.match(text) if (title and k == 0) else P.UNIT.fullmatch(text)
        if m and len(m.group("u")) >= 2:
            unit = P.UNIT_NOISE.sub("", m.group("u"))
            if len(unit) >= 2 and not P.GENERIC_UNIT.fullmatch(unit):
                return unit
    return None


def _pian_lines_oracle(lines: Sequence[str]) -> list[int]:
    """The lines _pian_markers reads: each line tested on its own."""
    return [i for i, line in enumerate(lines)
            if "篇" in line or "模板" in line or ("文" in line and P.MODEL_TEXT_WORD.search(line))]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


# --- alphabets ---------------------------------------------------------------------------------

_YEAR_TEXT = st.text(alphabet="120９２０_＿XxＸｘ×年学度 -—至/〇二一四五工会计划将在，", max_size=16)
_UNIT_WORDS = ["工会", "总工会", "工会委员会", "局", "学校", "公司", "社区", "办公室", "所", "XX", "20__年", "2024年",
               "区", "城关镇", "将", "要", "在", "以", "，", "。", "关于", "我", "本", "全年", "工作计划", " ", "（", "）"]
_UNIT_TEXT = st.lists(st.sampled_from(_UNIT_WORDS), max_size=8).map("".join)
_MARKER_WORDS = ["篇", "模板", "范文", "例文", "样文", "文", "范", "工作计划", "方案", "总结", "1", "二", "（3）", "：",
                 " ", "\t", "\n", "。", "精选", "第", "要点", "安排", "十二", "12", "３"]
_MARKER_LINE = st.lists(st.sampled_from(_MARKER_WORDS), max_size=8).map("".join)
_GLUED_CHARS = "。！？；;!?，,：: \t\u3000\xa0\n一二十第（(1２①⑴上下寒暑甲乙"


# --- metadata ------------------------------------------------------------------------------------


@_FAST
@given(_YEAR_TEXT)
def test_year_patterns_with_a_lookahead_find_the_same_matches(text: str) -> None:
    assert _spans(P.YEAR, text) == _spans(_YEAR_ORACLE, text)
    assert _spans(P.YEAR_PLACEHOLDER, text) == _spans(_YEAR_PLACEHOLDER_ORACLE, text)


@_FAST
@given(_YEAR_TEXT)
def test_year_patterns_need_what_their_prefilters_test(text: str) -> None:
    if P.YEAR.search(text) or P.SHORT_YEAR.match(text):
        assert P.YEAR_NEEDS in text
    if P.YEAR_PLACEHOLDER.search(text):
        assert any(word in text for word in P.YEAR_PLACEHOLDER_NEEDS)
    assert meta._year_placeholder(text) == bool(_YEAR_PLACEHOLDER_ORACLE.search(text))


@_FAST
@given(st.text(alphabet="120２_＿Xx×年学度 \n\t甲，", max_size=16))
def test_after_year_mark_equals_the_lazy_prefix_pattern(text: str) -> None:
    assert meta._after_year_mark(text) == _YEAR_PREFIX_ORACLE.sub("", text)


def test_unit_pattern_is_built_from_its_words() -> None:
    assert P.UNIT.pattern == _UNIT_ORACLE


@_FAST
@given(_UNIT_TEXT)
def test_unit_full_match_ends_with_a_unit_word(text: str) -> None:
    if P.UNIT.fullmatch(text):
        assert text.endswith(P.UNIT_WORDS)


@_FAST
@given(st.one_of(st.none(), _UNIT_TEXT), st.lists(_UNIT_TEXT, max_size=8))
def test_find_unit_equals_every_candidate_first(title: str | None, lines: list[str]) -> None:
    assert meta.find_unit(title, lines) == _find_unit_oracle(title, lines)


@pytest.mark.parametrize(("title", "lines"), [
    ("XX区总工会2024年工作计划", []), (None, ["20__年，区工会将继续围绕……"]), ("2025年城南区总工会工作计划", []),
    (None, ["2024年，城关镇环卫所将继续", "本公司工会在"]), ("西湖镇中心中学2025年工会工作计划", ["学校工会要"]),
])
def test_find_unit_examples(title: str | None, lines: list[str]) -> None:
    assert meta.find_unit(title, lines) == _find_unit_oracle(title, lines)


# --- splitting -----------------------------------------------------------------------------------


@_FAST
@given(st.lists(_MARKER_LINE, max_size=10))
def test_marker_test_on_the_document_is_the_test_on_any_line(lines: list[str]) -> None:
    assert [i for i, line in enumerate(lines) if split._may_hold_marker(line)] == _pian_lines_oracle(lines)
    assert split._may_hold_marker("\n".join(lines)) == bool(_pian_lines_oracle(lines))


@_FAST
@given(st.lists(_MARKER_LINE, max_size=10))
def test_trailing_number_hint_finds_every_trailing_marker(lines: list[str]) -> None:
    hinted = scan_lines(P.TRAILING_NUM_HINT, lines)
    if hinted is None:
        return  # (a line holds a line feed: every line is read)
    for i, line in enumerate(lines):
        if P.PLAN_STEM_WORD.search(line) and P.MARKER_TRAILING_NUM.match(line):
            assert i in hinted


@_FAST
@given(st.text(alphabet="关于印发转的通知函《》计划工作 ", max_size=20))
def test_notice_title_needs_guanyu(text: str) -> None:
    if P.NOTICE_TITLE.search(text):
        assert "关于" in text


# --- the outline's scan for glued headings --------------------------------------------------------


def test_space_not_lf_is_every_space_but_the_line_feed() -> None:
    spaces = {chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))}
    listed = {chr(c) for c in range(0x110000) if re.fullmatch(f"[{P.SPACE_NOT_LF}]", chr(c))}
    assert listed == spaces - {"\n"}


@_FAST
@given(st.lists(st.text(alphabet=_GLUED_CHARS, max_size=10), max_size=8))
def test_glued_hint_scan_finds_exactly_the_lines_with_a_hint(lines: list[str]) -> None:
    stripped = [line.strip() for line in lines]
    found = scan_lines(P.GLUED_HINT_IN_LINES, stripped, skip=1)
    if found is None:
        assert not lines or any("\n" in line for line in stripped)  # (then every line is searched)
        return
    assert found == [i for i, line in enumerate(stripped) if P.GLUED_HINT.search(line, 1)]


@_FAST
@given(st.text(alphabet="一二十是首先其次再最后另外此甲", max_size=6))
def test_prose_enumeration_starts_with_a_listed_character(text: str) -> None:
    if P.PROSE_ENUM.match(text):
        assert text[:1] in P.PROSE_ENUM_FIRST


_INTRO_WORDS = ["小编", "本站", "为大家", "仅供参考", "希望", "对", "您", "大家", "欢迎阅读", "下面是", "以下是", "整理的",
                "收集整理", "精心", "工作计划", "\n", "，", "。", " "]


@_FAST
@given(st.lists(st.lists(st.sampled_from(_INTRO_WORDS), max_size=6).map("".join), max_size=6))
def test_site_intro_never_spans_a_line_break(lines: list[str]) -> None:
    # _single searches the document's head once before testing its lines one by one.
    if any(P.SITE_INTRO.search(line) for line in lines):
        assert P.SITE_INTRO.search("\n".join(lines))
    if P.SITE_INTRO.search("\n".join(lines)):
        assert any(P.SITE_INTRO.search(part) for line in lines for part in line.split("\n"))
