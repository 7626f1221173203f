"""Fast paths of extraction give exactly what the straightforward definitions give.

Each fast path (a regex rewritten to take runs of characters at once, patterns skipped by their
necessary words, the anchor-masked time scan) is checked against the plain definition kept here
as the oracle, on random texts built from the characters and words that matter.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.extract import field_patterns as P
from analyzer.extract import fields

# The sentence pattern as first written: one character per loop turn.
_SENTENCE_ORACLE = re.compile(
    rf"(?:[^。！？!?；;.]|\.(?!{P._STOP_END}))+(?:[。！？!?；;]+|\.(?={P._STOP_END})|$)"
)
_PIECES = ["分工.4月15日", "5.1", "3.8节", "。", "！", "？", "!", "?", "；", ";", ".", " ", "“", "\"", "a", "1", "5.1", "3.8节", "召开", "职代会",
           "%", "％", "个百分点", "不少于", "至少", "累计", "控制在", "不超过", "达到", "各", "全部", "“职工小家”",
           "培训", "新建", "200名", "3个", "10万元", "签订率", "100", "入会率达到", "95%", "以上", "分之", "三",
           "人次", "家", "，", "、", "\n", "第", "职工", "户外劳动者服务站点", "突破", "提升至", "所有", "全体",
           "等", "「", "」", "『", "』", "\"", "满意度", "率", "度", "各1个", "‰", "超过", "两场", "十名", "盏",
           "举办", "技能比武", "二十", "第", "每", "公里", "。", "一次", "三天", "现有", "不漏", "一人"]
texts = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_sentence_pattern_equals_one_char_oracle(text: str) -> None:
    assert P.SENTENCE.findall(text) == _SENTENCE_ORACLE.findall(text)


def _targets_oracle(text: str) -> list[str]:
    """find_targets trying every pattern on every text."""
    taken: list[tuple[int, int]] = []
    patterns = (P.RATE_TARGET, P.PERCENT_TARGET, P.MIN_COUNT_TARGET, P.CAP_TARGET, P.REACH_COUNT_TARGET,
                P.EACH_TARGET, P.ALL_TARGET, P.COUNT_NOUN_TARGET, P.LISTED_COUNT_TARGET, P.VERB_COUNT_TARGET,
                P.QUOTED_COUNT_TARGET,
                P.BARE_RATE_TARGET, P.CLAUSE_COUNT_TARGET)
    for pattern in patterns:
        for m in pattern.finditer(text):
            if pattern is P.CLAUSE_COUNT_TARGET and not fields._counts_a_target(text, m):
                continue
            start, end = fields.target_start(pattern, m, text), m.end()
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
    return [text[s:e] for s, e in sorted(taken)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_find_targets_equals_all_patterns_oracle(text: str) -> None:
    assert fields.find_targets(text) == _targets_oracle(text)


_LOOKAHEAD = re.compile(r"^\(\?=\[[^\]]+\]\)")
_HINT_PIECES = ["两场", "十名", "3个", "第", "、", "漏", "。", "以上", "不少于", "控制在", "确保", "不定期", "每", "学期", "一", "两", "次", "年", "年内", "全年", "半年", "上", "下半年各", "寒暑假前",
                "季度", "第", "按", "月", "份", "周", "天", "日", "常", "隔", "3", "由", "负责", "牵头", "责任",
                "组长", "承办", "（工会）", "）", "。", " ", "不少于", "至少", "%", "分之", "召开", "职工"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_HINT_PIECES), max_size=20).map("".join))
def test_first_char_lookahead_changes_no_match(text: str) -> None:
    for pattern in (P.FREQUENCY, P.OWNER_HINT, P.TARGET_GATE, P.CLAUSE_COUNT):
        assert _LOOKAHEAD.match(pattern.pattern), pattern.pattern[:30]
        plain = re.compile(_LOOKAHEAD.sub("", pattern.pattern))
        fast, slow = pattern.search(text), plain.search(text)
        assert (fast and (fast.span(), fast.lastgroup)) == (slow and (slow.span(), slow.lastgroup))


def _scan_every_group(text: str, semester, term_start) -> list:
    """The time scan with no anchor gating: every pattern over the whole text."""
    from analyzer.extract import patterns as TP
    from analyzer.extract import timeexpr as TE

    hits = [TE.H.Hit(m.start(), m.end(), None, "blocker") for m in TP.NOT_TIME.finditer(text)]
    for _anchors, _reach, pattern, handler in TE._HANDLERS:
        hits.extend(h for h in (handler(m, text) for m in pattern.finditer(text)) if h is not None)
    hits.extend(TE.H.semester_hits(text, 0, len(text), semester))
    hits.extend(TE.H.week_hits(text, 0, len(text), term_start))
    hits.sort(key=lambda h: (h.start, -h.end, h.label != "blocker"))
    resolved: list = []
    for hit in hits:
        if not resolved or hit.start >= resolved[-1].end:
            resolved.append(hit)
    return resolved


_TIME_PIECES = ["三", "八", "五", "一", "四", "二", "六", "七", "十", "3", "5", ".", "·", "月", "份", "次", "日", "号",
                "：", ":", "期间", "前后", "前夕", "之际", "当天", "来临", "前", "节", "妇女节", "劳动节", "“", "”", "'",
                "\"", "国庆", "中秋", "元旦", "春节", "清明", "端午", "重阳", "学雷锋", "红旗手", "劳动奖章", "寒暑假",
                "寒假", "暑期", "上半年", "下半年", "上下半年", "年底", "第一季度", "Q2", "春季", "学期末", "开学初",
                "期中考试", "第3周", "第一周", "2024-3-15", "至", "—", "、", "，", "召开", "职工", "消费者", "护士节",
                "建党", "周年", "黄金周", "假期", "长假", "农历", "次年", "去年"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_TIME_PIECES), max_size=16).map("".join),
       st.sampled_from([None, "spring", "autumn"]), st.sampled_from([None, 2, 9]))
def test_anchor_gated_scan_equals_ungated_scan(text: str, semester, term_start) -> None:
    from analyzer.extract import timeexpr as TE

    assert TE._scan(text, semester, term_start) == _scan_every_group(text, semester, term_start)


_HEADING_PIECES = [*_TIME_PIECES, "工作安排", "活动", "份", "期间", "主题", "：", "重点工作", "阶段", "（", "）", "(",
                   "学雷锋月", "一、", "（二）", "1.", "2025年", "年度", "左右", "计划", "| ", "召开", "组织", "职工"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_HEADING_PIECES), min_size=1, max_size=8).map("".join),
       st.sampled_from([None, "spring", "autumn"]))
def test_period_heading_character_prefilter_changes_nothing(line: str, semester) -> None:
    from unittest import mock

    from analyzer.extract import timeexpr as TE

    fast = TE.period_heading.__wrapped__(line, semester=semester)
    with mock.patch.object(TE, "_heading_chars", lambda: None):
        slow = TE.period_heading.__wrapped__(line, semester=semester)
    assert fast == slow


def test_heading_characters_are_read_from_the_patterns() -> None:
    from analyzer.extract import timeexpr as TE

    allowed = TE._heading_chars()
    assert allowed is not None and {"月", "份", "季", "节", "旦", "周", "安", "排"} <= allowed.chars
    assert allowed.foreign("1、召开三月份例会") and not allowed.foreign("七——八月份：")


_TASK_PIECES = [*_HINT_PIECES, "举办", "组织", "召开一次", "开展", "进行", "安排", "评选", "考察", "参观", "检查",
                "体检", "慰问", "走访", "演练", "座谈", "调研", "比赛", "竞赛", "展演", "联欢", "一次", "一届", "一场",
                "前", "完成", "验收", "到位", "上报", "报送", "建成", "截止", "截至", "最迟", "年内", "本年度", "当年",
                "10万元", "95%", "个百分点", "控制在", "稳定在", "保持在", "确保", "力争", "累计", "不超过", "（办公室）",
                "好", "一批", "了", "，", "：", "活动", "会员", "一次性"]
_task_texts = st.lists(st.sampled_from(_TASK_PIECES), max_size=20).map("".join)


@settings(max_examples=600, deadline=None)
@given(_task_texts)
def test_task_trigger_is_the_union_of_the_field_prefilters(text: str) -> None:
    parts = (P.FREQUENCY, P.ONCE_WORD, P.DEADLINE_HINT, P.TARGET_GATE, P.OWNER_HINT)
    assert (P.TASK_TRIGGER.search(text) is not None) == any(p.search(text) for p in parts)
    if P.ONCE.search(text):  # the literal words stand for ONCE: a necessary condition
        assert P.ONCE_WORD.search(text)
    plain = re.compile(_LOOKAHEAD.sub("", P.TASK_TRIGGER.pattern))
    assert (P.TASK_TRIGGER.search(text) is None) == (plain.search(text) is None)


def _object_oracle(text: str, start: int) -> str:
    """The object as first written: cut at the clause end, then strip a leading 好/一次 …."""
    end = P.OBJECT_END.search(text, start)
    piece = text[start: end.start() if end else len(text)]
    lead = re.match(r"(?:好|一次|一批|一场|一届|一期|了)", piece)
    return (piece[lead.end():] if lead else piece).strip()[:fields._OBJECT_MAX]


@settings(max_examples=600, deadline=None)
@given(_task_texts, st.integers(min_value=0, max_value=30))
def test_object_in_one_match_equals_cut_then_strip(text: str, start: int) -> None:
    start = min(start, len(text))
    assert fields._object_after(text, start) == _object_oracle(text, start)


@settings(max_examples=600, deadline=None)
@given(_task_texts)
def test_sentence_parts_fast_path_equals_full_path(text: str) -> None:
    from unittest import mock

    from analyzer.extract import tasks

    fast = tasks.sentence_parts.__wrapped__(text, 2026)
    with mock.patch.object(P, "TASK_TRIGGER", re.compile(".")):  # every sentence takes the full path
        slow = tasks.sentence_parts.__wrapped__(text, 2026)
    assert fast == slow


@settings(max_examples=600, deadline=None)
@given(_task_texts)
def test_once_lookahead_changes_no_match(text: str) -> None:
    assert _LOOKAHEAD.match(P.ONCE.pattern)
    plain = re.compile(_LOOKAHEAD.sub("", P.ONCE.pattern))
    fast, slow = P.ONCE.search(text), plain.search(text)
    assert (fast and fast.span()) == (slow and slow.span())
