"""Task fields read from one item's text: frequency, quantitative targets, owner, deadline, action.

Decisions (tested in ``tests/extract/test_fields.py``):

- Frequency: the earliest frequency word wins; 举办一次/组织一次 give ``once`` only when no
  period word is present; 不定期 gives ``None``. Counted periods are bucketed by length:
  every N days → weekly up to 15 days (每天, 每10天, 每半月, like 每两周), monthly up to 62,
  quarterly up to 100, half-yearly up to 200, else yearly; every N months → monthly for 1–2,
  quarterly for 3–5, half-yearly for 6–11, yearly from 12.
- Targets are minimal phrases as written, leftmost-longest and non-overlapping; counts after a
  verb need Arabic digits (培训工会干部200名) so that 四项技能大赛 or 第四届 are not targets.
- Deadline month: a time followed by 前 or a completion verb (完成/验收/上报 …) or preceded by
  截至; the month is the span's last month (上半年完成 → 6), or its first for a holiday or
  vacation with 前 (春节前 → 1). Past references (6月底前已完成) are not deadlines.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from analyzer.extract import field_patterns as P
from analyzer.extract.lunar import resolve as resolve_lunar
from analyzer.extract.numerals import cn_to_int
from analyzer.extract.timeexpr import find_times, is_past_reference

_DAY_BUCKETS = ((15, "weekly"), (62, "monthly"), (100, "quarterly"), (200, "half_yearly"))
_MONTH_BUCKETS = ((2, "monthly"), (5, "quarterly"), (11, "half_yearly"))
_OBJECT_MAX = 20
_SUMMER_START = 7
_QUOTES = (("“", "”"), ("「", "」"), ("『", "』"))  # a cut run is widened to the opening of a quoted name
_RUN_MAX, _RUN_KEEP = 8, 6  # a verb-to-number run longer than _RUN_MAX keeps its last _RUN_KEEP chars


def _bucket(n: int, buckets: tuple[tuple[int, str], ...]) -> str:
    return next((name for limit, name in buckets if n <= limit), "yearly")


def find_frequency(text: str) -> tuple[str, str] | None:
    """The frequency of a task and the words that say it.

    Args:
        text: One item's text.

    Returns:
        ``(frequency, matched text)`` with frequency in weekly, monthly, quarterly, semesterly,
        half_yearly, yearly, once; ``None`` when there is none (or it is 不定期).

    >>> find_frequency("每学期召开一次教代会")
    ('semesterly', '每学期')
    """
    m = P.FREQUENCY.search(text)
    if m is None:
        once = P.ONCE.search(text) if P.ONCE_WORD.search(text) else None
        return ("once", once.group()) if once else None
    kind = m.lastgroup
    if kind == "irregular":
        return None
    if kind == "semesterly2":  # before each vacation: once a term
        return "semesterly", m.group()
    if kind == "n_days":
        return _bucket(cn_to_int(m.group("n_days")) or 1, _DAY_BUCKETS), m.group()
    if kind == "n_months":
        return _bucket(cn_to_int(m.group("n_months")) or 1, _MONTH_BUCKETS), m.group()
    if kind is None:  # 每月 / 每天 with no count captured
        return ("monthly" if "月" in m.group() else "weekly"), m.group()
    return kind, m.group()


def find_targets(text: str) -> list[str]:
    """Quantitative targets as written, minimal phrases, in reading order.

    Patterns are tried in order of precision (rates, percentages, minimum counts, counted nouns,
    verb counts)
    and a later match overlapping an earlier one is dropped, so a comparator phrase
    (不少于500人次) wins over the verb phrase around it (培训职工不少于500人次).

    >>> find_targets("集体合同签订率达到100%,培训工会干部200名")
    ['签订率达到100%', '培训工会干部200名']
    """
    if P.TARGET_GATE.search(text) is None:
        return []  # no digit before a unit or percent sign, no comparator word: no pattern can match
    taken: list[tuple[int, int]] = []
    for pattern in _target_patterns(text):
        for m in pattern.finditer(text):
            if pattern is P.CLAUSE_COUNT_TARGET and not _counts_a_target(text, m):
                continue
            start, end = target_start(pattern, m, text), m.end()
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
    return [text[s:e] for s, e in sorted(taken)]


def _target_patterns(text: str) -> tuple[re.Pattern[str], ...]:
    """The target patterns that can match ``text``, in order of precision.

    Skipping a pattern whose necessary words are absent changes nothing (it would find nothing):
    all but the minimum-count and cap patterns need an Arabic digit, the rate ones a percent sign and
    率/度, the others their leading words (达到/突破 …, 各, 全部/所有/全体, 等, a quotation mark), the
    clause-closing count its count (CLAUSE_COUNT).
    """
    key = (
        P.HAS_DIGIT.search(text) is not None,
        "%" in text or "％" in text or "‰" in text or "个百分点" in text,
        "率" in text or "度" in text,
        "各" in text,
        P.MIN_COUNT_WORD.search(text) is not None,
        P.CAP_WORD.search(text) is not None,
        P.REACH_WORD.search(text) is not None,
        "全部" in text or "所有" in text or "全体" in text,
        "等" in text,
        not _QUOTE_OPENINGS.isdisjoint(text),
        P.CLAUSE_COUNT.search(text) is not None,
    )
    return _target_table()[key]


_QUOTE_OPENINGS = frozenset("“\"「『")


@lru_cache(maxsize=1)
def _target_table() -> dict[tuple[bool, ...], tuple[re.Pattern[str], ...]]:
    """The key of :func:`_target_patterns` → the patterns that can match, in order of precision."""
    table = {}
    for key in product((False, True), repeat=11):
        digit, percent, rate, each, min_count, cap, reach, whole, listed, quoted, clause = key
        wanted = (
            (P.RATE_TARGET, percent and rate), (P.PERCENT_TARGET, percent), (P.MIN_COUNT_TARGET, min_count),
            (P.CAP_TARGET, cap), (P.REACH_COUNT_TARGET, digit and reach), (P.EACH_TARGET, digit and each),
            (P.ALL_TARGET, digit and whole), (P.COUNT_NOUN_TARGET, digit),
            (P.LISTED_COUNT_TARGET, digit and listed), (P.VERB_COUNT_TARGET, digit),
            (P.QUOTED_COUNT_TARGET, digit and quoted), (P.BARE_RATE_TARGET, percent and rate),
            (P.CLAUSE_COUNT_TARGET, clause),
        )
        table[key] = tuple(pattern for pattern, can in wanted if can)
    return table


def target_start(pattern: re.Pattern[str], m: re.Match[str], text: str) -> int:
    """Where a target phrase starts: a verb-to-number run holding a list (培训柜员、客户经理等业务骨干
    300人次) keeps its last item; a long run keeps its last few characters."""
    if pattern is P.LISTED_COUNT_TARGET:
        return m.start("count")
    if pattern is P.CLAUSE_COUNT_TARGET:
        return _counted_start(text, m.start("run"), m.end("run"))
    if pattern is not P.VERB_COUNT_TARGET:
        return m.start()
    run = m.group("run")
    if "、" in run:
        return m.start("run") + max(run.rfind("、"), run.rfind("等")) + 1
    if len(run) > _RUN_MAX:
        return _cut_run(text, m.start("run"), m.end("run"))
    return m.start()


def _counts_a_target(text: str, m: re.Match[str]) -> bool:
    """Whether a clause-closing count is a target: not a count per period (每季度举办一期: a
    frequency) and not a fact of the present (现有各类企业137家)."""
    if "每" in m.group("run"):
        return False
    count = m.start("count")
    opening = max((c.end() for c in P.CLAUSE_START.finditer(text, 0, count)), default=0)
    return P.STATUS_CLAUSE.search(text, opening, count) is None


def _counted_start(text: str, start: int, end: int) -> int:
    """Where the thing counted at a clause's end starts: after the last verb before it (举办技能比武
    两场 → 技能比武两场), after a list's last comma (、), and at most ``_RUN_MAX`` characters back."""
    for m in P.RUN_VERB.finditer(text, start, end):
        if end - m.end() >= 2:
            start = m.end()
    start = max(start, text.rfind("、", start, end) + 1)
    return _cut_run(text, start, end) if end - start > _RUN_MAX else start


def _cut_run(text: str, start: int, end: int) -> int:
    """Where a long verb-to-number run is cut: its last ``_RUN_KEEP`` characters, widened to a quote.

    新建和提档升级“职工小家”8个 → “职工小家”8个.
    """
    cut = end - _RUN_KEEP
    for open_mark, close_mark in _QUOTES:
        if close_mark in text[cut:end] and open_mark not in text[cut : text.index(close_mark, cut)]:
            opening = text.rfind(open_mark, start, cut)
            return opening if opening >= 0 else cut
    return cut


def find_owner(text: str) -> str | None:
    """Who is responsible for a task, as written.

    Tries, in order: a labelled owner in brackets (（责任科室：组织部、宣教部）), a labelled
    owner (责任人:…), 由X负责/牵头, 组长由X担任, and a unit in brackets at the end (…(工会)).

    >>> find_owner("开展劳动竞赛(责任科室:组织部、宣教部)"), find_owner("组长由书记担任")
    ('组织部、宣教部', '书记')
    """
    if P.OWNER_GATE.search(text) is None:
        return None  # none of the owner words below, nor a closing bracket at the end
    for pattern in (P.OWNER_LABELLED_PAREN, P.OWNER_LABELLED, P.OWNER_BY, P.OWNER_LEADER):
        m = pattern.search(text)
        if m:
            owner = next(g for g in m.groups() if g)
            return owner.strip() or None
    m = P.OWNER_TRAILING.search(text.rstrip())
    return m.group(1) if m else None


def find_deadline(text: str, year: int | None = None) -> tuple[int, str] | None:
    """The month by which a task must be done, and the words that say it.

    Args:
        text: one task sentence.
        year: the plan's year, to place lunar festivals (春节前 is February in 2026, January in 2025).

    >>> find_deadline("争取在6月底进行验收"), find_deadline("春节前走访慰问", 2026)
    ((6, '6月底进行验收'), (2, '春节前'))
    """
    year_end = P.DEADLINE_YEAR.search(text)
    for span in find_times(text):
        span = resolve_lunar(span, year + span.year_offset if year else None)
        if year_end is not None and year_end.start() < span.start:
            break  # "年内完成…，11月底前验收": the first deadline said is the task's
        after = P.DEADLINE_AFTER.match(text, span.end)
        before = "前" in (span.qualifier or "") and "前后" not in (span.qualifier or "")
        if not (after or before or P.DEADLINE_BEFORE.search(text, max(0, span.start - 4), span.start)):
            continue
        if is_past_reference(text, span):
            continue
        first = span.kind in ("holiday", "vacation") and before
        month = span.month_start if first else span.month_end
        if first and span.kind == "vacation" and span.month_start == _SUMMER_START:
            month -= 1  # 暑期前: the summer vacation starts with July, so before it is June
        if first and span.kind == "holiday" and span.day == 1:
            month = 12 if month == 1 else month - 1  # 国庆节前 → September, 元旦前 → December
        return month, text[span.start : after.end() if after else span.end]
    return (12, year_end.group()) if year_end else None


def find_action(text: str) -> tuple[str, str] | None:
    """The main verb of a task and its object: 召开教代会 → (召开, 教代会).

    A coordinating verb (组织, 配合, 协助 …) followed closely by another verb gives way to it:
    组织召开教代会 → (召开, 教代会); 配合学校做好开学工作 → (做好, 开学工作).

    >>> find_action("组织召开大队全体民警代表大会。")
    ('召开', '大队全体民警代表大会')
    """
    m = P.ACTION_VERB.search(text)
    if m is None:
        return None
    if m.group() in P.LIGHT_VERB:
        limit = P.OBJECT_END.search(text, m.end())
        stop = min(m.end() + 8, limit.start() if limit else len(text))
        inner = P.ACTION_VERB.search(text, m.end(), stop)
        if inner and _object_after(text, inner.end()):
            m = inner  # 组织召开教代会 → 召开; but 组织一次民警学习 keeps 组织 (学习 has no object)
    obj = _object_after(text, m.end())
    return (m.group(), obj) if obj else None


def _object_after(text: str, start: int) -> str:
    """The object of a verb ending at ``start``: up to the clause end, without 好/一次 … in front."""
    return P.OBJECT.match(text, start).group(1).strip()[:_OBJECT_MAX]  # type: ignore[union-attr]  # always matches


def find_labelled_deadline(text: str) -> tuple[int, str] | None:
    """A deadline given as a label, as in an item's closing bracket: ``完成时限：6月底`` → 6.

    >>> find_labelled_deadline("（责任单位：农村中队；完成时限：6月底）")
    (6, '完成时限：6月底')
    """
    m = P.DEADLINE_LABEL.search(text)
    if m is None:
        return None
    spans = find_times(m.group("when"))
    if not spans:
        return None
    return spans[0].month_end, m.group(0)
