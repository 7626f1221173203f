"""Read one text segment as a heading: its title and body, a period heading, or a label line."""

from __future__ import annotations

from analyzer.structure import patterns as P
from analyzer.structure.kinds import is_section_name

_MAX_TITLE = 40  # a first clause longer than this is not a title on its own
MAX_LABEL_LINE = 24  # a stand-alone section name line is short
_MAX_PHASE_LABEL = 8  # a phase's name after its dates (宣传发动, 总结表彰), not an activity (按课程表开展各项课程)
_MAX_GRAMMAR_LINE = 40  # longer segments are not read by the full time grammar as a period heading


def split_title(text: str) -> tuple[str, str]:
    """Split a heading's text into its title and the body that follows on the same line.

    >>> split_title("及时主动预警，协调化解纠纷。目前，我区劳动关系…")
    ('及时主动预警，协调化解纠纷', '目前，我区劳动关系…')
    """
    text = text.strip()
    # Each pattern needs its literal separator: test for it before running the pattern.
    m = P.LABEL_COLON.match(text) if ":" in text or "：" in text else None
    if m is not None:
        return m.group("label").rstrip(P.TITLE_TRAIL_CHARS).strip(), m.group("body").strip()
    m = P.SPACE_TITLE.match(text) if " " in text else None
    if m is not None:
        return m.group("title"), m.group("body").strip()
    m = P.TITLE_END.search(text)
    while m is not None and _clock_colon(text, m.start()):
        m = P.TITLE_END.search(text, m.end())  # 上午9:30: a clock time, not the title's end
    if m is not None and m.start() <= _MAX_TITLE and m.end() < len(text):
        return text[: m.start()].strip(), text[m.end():].strip()
    return text.rstrip(P.TITLE_TRAIL_CHARS).strip(), ""


def _clock_colon(text: str, at: int) -> bool:
    """Whether the colon at ``at`` stands between two digits (a clock time: 9:30)."""
    return text[at] in ":：" and 0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit()


def period_heading_text(segment: str) -> tuple[str, str] | None:
    """``(period, body)`` when the segment is a month/period heading (三月份, 七——八月份:, 第一季度).

    A theme after the colon (``二月主题：春风送岗``) belongs to the heading; an activity after it
    (``三月份：召开教代会``) is the heading's body.

    >>> period_heading_text("三月份：召开教代会")
    ('三月份', '召开教代会')
    """
    if "|" in segment or "｜" in segment:
        return None  # a table row ("| 1月 | 2月 |") is read by the schedule, never a heading
    heading_possible = _may_be_period_heading(segment)
    if len(segment) > _MAX_GRAMMAR_LINE and "阶段" not in segment and not heading_possible:
        return None  # too long for the time grammar, and neither pattern below can match it
    if P.PERIOD_ANY_WORD.search(segment) is None:
        return None  # none of the three readings below can succeed without a time word
    m = P.PERIOD_HEADING.match(segment) if heading_possible else None
    if m is not None and P.PERIOD_HAS_TIME_WORD.search(m.group("period")):
        if not m.group("body") or "主题" in segment[: m.start("body")]:
            # the whole heading, dates in brackets included: 第1-2周（9月2日—9月15日）
            return segment.rstrip(P.TITLE_TRAIL_CHARS).strip(), ""
        head = segment[: m.start("body")]
        return head.rstrip(P.TITLE_TRAIL_CHARS).strip(), m.group("body").strip()
    m = P.PHASE_HEADING.match(segment) if "阶段" in segment else None
    if m is not None and P.PERIOD_HAS_TIME_WORD.search(m.group("when")):
        body = m.group("body").strip().rstrip("。.")
        if len(body) <= _MAX_PHASE_LABEL and m.group("head").startswith("第"):
            # "第一阶段（3月—4月）：宣传发动" — the label names a numbered phase (a named one,
            # 宣传发动阶段（第3-4周）：开展读书月宣传, has its activity after the colon)
            return segment.rstrip(P.TITLE_TRAIL_CHARS).strip(), ""
        return m.group("head"), m.group("body").strip()
    if len(segment) <= _MAX_GRAMMAR_LINE and P.PERIOD_HINT.search(segment):
        from analyzer.extract.timeexpr import period_heading

        if period_heading(segment) is not None:
            return segment.rstrip(P.TITLE_TRAIL_CHARS).strip(), ""
    return None


def _may_be_period_heading(segment: str) -> bool:
    """Whether PERIOD_HEADING can match: it starts with a period (or its year) and either has a
    colon before a body or ends with the period or its brackets (tested before running it)."""
    stripped = segment.strip()
    return stripped[:1] in P.PERIOD_START and (
        stripped[-1:] in P.PERIOD_END or ":" in segment or "：" in segment
    )


def label_heading(segment: str) -> tuple[str, str, str] | None:
    """``(title, body, kind)`` for a label line (``指导思想:`` …) or a bare section-name line.

    >>> label_heading("工作目标：全年发展会员200名")
    ('工作目标', '全年发展会员200名', 'goals')
    """
    if len(segment) <= MAX_LABEL_LINE and not P.CLAUSE_PUNCT.search(segment.rstrip("。:：")):
        name = segment.rstrip(P.TITLE_TRAIL_CHARS).strip()
        kind = is_section_name(name)
        if kind is not None:
            return name, "", kind
    m = P.LABEL_COLON.match(segment) if ":" in segment or "：" in segment else None
    if m is not None:
        label = m.group("label").strip()
        kind = is_section_name(label)
        if kind is not None:
            return label, m.group("body").strip(), kind
    return None
