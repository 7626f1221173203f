"""Fast paths of headings and section kinds agree with the plain rules they replace (oracles here)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.structure import kinds
from analyzer.structure import patterns as P
from analyzer.structure.headings import _may_be_period_heading, period_heading_text

_FAST = settings(max_examples=500, deadline=None)
_TERM_CHARS = "".join(sorted({c for term in kinds._term_table()[1] for c in term})) + "的和，、加强一"


def _match_kind_oracle(title: str) -> tuple[str, int] | None:
    """The highest weight, the earliest of equals, from every hit (the rule before the findall loop)."""
    hits = kinds._hits(title[:40])
    if not hits:
        return None
    weight, _neg_at, _term, kind = max(hits, key=lambda h: (h[0], -h[1]))
    return kind, weight


@_FAST
@given(st.text(alphabet=_TERM_CHARS, max_size=50))
def test_match_kind_equals_the_best_of_all_hits(title: str) -> None:
    assert kinds.match_kind.__wrapped__(title) == _match_kind_oracle(title)


@_FAST
@given(st.text(alphabet="0123456789０１２一二三四五六七八九十今明次度第上下寒暑开学期预备周月份季半年初末中假 \t\u3000"
                        "（(）)：:工作安排主题召开阶段宣传，。旬底末初上中下\n", max_size=16))
def test_period_heading_starts_with_a_listed_character(segment: str) -> None:
    if P.PERIOD_HEADING.match(segment):
        assert segment.lstrip()[:1] in P.PERIOD_START
        assert _may_be_period_heading(segment)


def _period_heading_text_oracle(segment: str) -> tuple[str, str] | None:
    """period_heading_text as written before the long-segment shortcut."""
    if "|" in segment or "｜" in segment:
        return None
    if P.PERIOD_ANY_WORD.search(segment) is None:
        return None
    m = P.PERIOD_HEADING.match(segment)
    if m is not None and P.PERIOD_HAS_TIME_WORD.search(m.group("period")):
        if not m.group("body") or "主题" in segment[: m.start("body")]:
            return segment.rstrip(P.TITLE_TRAIL_CHARS).strip(), ""
        head = segment[: m.start("body")]
        return head.rstrip(P.TITLE_TRAIL_CHARS).strip(), m.group("body").strip()
    m = P.PHASE_HEADING.match(segment) if "阶段" in segment else None
    if m is not None and P.PERIOD_HAS_TIME_WORD.search(m.group("when")):
        body = m.group("body").strip().rstrip("。.")
        if len(body) <= 10:
            return segment.rstrip(P.TITLE_TRAIL_CHARS).strip(), ""
        return m.group("head"), m.group("body").strip()
    if len(segment) <= 40 and P.PERIOD_HINT.search(segment):
        from analyzer.extract.timeexpr import period_heading

        if period_heading(segment) is not None:
            return segment.rstrip(P.TITLE_TRAIL_CHARS).strip(), ""
    return None


@_FAST
@given(st.text(alphabet="一二三十123月份季度上下半年第周阶段（()）：:召开会议工作安排，。 ", min_size=30, max_size=60))
def test_long_segments_skipped_only_when_no_pattern_reads_them(segment: str) -> None:
    assert period_heading_text(segment) == _period_heading_text_oracle(segment)


@_FAST
@given(st.text(alphabet=_TERM_CHARS + "主要具体工作本今年全如下表各项和及的 （）12", max_size=44),
       st.sampled_from(["measures", "schedule", "goals", "main_tasks"]))
def test_a_title_with_no_strong_synonym_keeps_its_parents_kind(title: str, parent_kind: str) -> None:
    # _finish skips nested_kind for such titles (their heading's hint is None).
    found = kinds.match_kind.__wrapped__(title)
    if len(title) <= kinds.MAX_KIND_TITLE and (found is None or found[1] < 3):
        assert kinds.nested_kind(title, parent_kind) == parent_kind
