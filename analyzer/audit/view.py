"""A plan as the rule types read it: numbered lines, each line's section kind, scopes, terms and times."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from analyzer.audit import patterns as P
from analyzer.audit.records import Evidence
from analyzer.models import Plan, TimeSpan

#: Section kinds of the plan part proper (what a unit intends to do).
PLAN_KINDS: tuple[str, ...] = ("guiding_ideology", "goals", "organization", "main_tasks", "measures",
                               "schedule", "other")
#: Time expressions that date an activity (a year part such as 年底 or a season does not).
DATED_KINDS = frozenset({"month", "date", "quarter", "half_year", "week", "vacation", "holiday"})
#: Chinese names of section kinds, for messages.
KIND_NAMES = {
    "preamble": "前言", "review": "工作回顾", "guiding_ideology": "指导思想", "goals": "工作目标",
    "organization": "组织领导", "main_tasks": "主要工作", "measures": "保障措施", "schedule": "工作安排",
    "other": "其他",
}
_QUOTE_WIDTH = 60  # longest quotation before it is cut around the hit
_SENTENCE_END = "。；;！!？?"


@dataclass(frozen=True, slots=True)
class Hit:
    """A match in a scope entry: the document line, the entry's text and where the match is in it."""

    line: int
    text: str
    start: int
    end: int

    @property
    def found(self) -> str:
        """The matched text."""
        return self.text[self.start:self.end]

    def evidence(self) -> Evidence:
        """``(line, quotation)`` around the match."""
        return self.line, quote(self.text, self.start, self.end)


def quote(text: str, start: int = 0, end: int = 0) -> str:
    """The sentence holding ``text[start:end]``, cut to about 60 characters around it.

    >>> quote("一、总体要求。今年召开职代会两次，审议集体合同。其他。", 9, 12)
    '今年召开职代会两次，审议集体合同。'
    """
    lo = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    ends = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    hi = min(ends) + 1 if ends else len(text)
    if hi - lo > _QUOTE_WIDTH:
        half = max((_QUOTE_WIDTH - (end - start)) // 2, 8)
        lo2, hi2 = max(lo, start - half), min(hi, end + half)
        return ("…" if lo2 > lo else "") + text[lo2:hi2].strip() + ("…" if hi2 < hi else "")
    return text[lo:hi].strip()


@lru_cache(maxsize=256)
def term_pattern(terms: tuple[str, ...], patterns: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    """One pattern finding any term (longest first) or regex; None when both are empty.

    >>> term_pattern(("职代会", "职工代表大会"), ("(?:教职工)?大会",)).search("召开职工代表大会").group()
    '职工代表大会'
    """
    parts = [re.escape(t) for t in sorted(set(terms), key=lambda t: (-len(t), t)) if t]
    parts += [f"(?:{p})" for p in patterns]
    return re.compile("|".join(parts)) if parts else None


class AuditView:
    """Read-only views of one Plan for the rule types, each computed once.

    Line numbers are the document's (``plan.line_start + i``). A line's kind is the kind of the
    innermost section governing it, ``None`` for lines outside every section.
    """

    def __init__(self, plan: Plan, *, title_line: int | None = None,
                 outside: Sequence[tuple[int, str]] = ()) -> None:
        """Args:
            plan: the plan.
            title_line: the document line of the title when known (see ``AuditContext``); else the
                plan's first line when the pipeline blanked it (a title or compilation marker).
            outside: document lines outside every plan that belong with this one (the text
                before it: a compilation's heading and intro, a site's blurb).
        """
        self.plan = plan
        if title_line is None and plan.text_lines and not plan.text_lines[0].strip():
            title_line = plan.line_start
        self.title_line = title_line
        self.outside = tuple(outside)

    @cached_property
    def lines(self) -> tuple[tuple[int, str], ...]:
        """The plan's non-empty lines with their numbers."""
        first = self.plan.line_start
        return tuple((first + i, t) for i, t in enumerate(self.plan.text_lines) if t.strip())

    @cached_property
    def _kind_by_line(self) -> dict[int, str]:
        kinds: dict[int, str] = {}
        for s in self.plan.sections:  # pre-order: a later section containing a line is deeper
            for n in range(s.line, s.end_line + 1):
                kinds[n] = s.kind
        return kinds

    def kind_of(self, line: int) -> str | None:
        """The kind of the section governing ``line`` (None outside every section)."""
        return self._kind_by_line.get(line)

    def section_kinds(self) -> set[str]:
        """The kinds of the plan's sections."""
        return {s.kind for s in self.plan.sections}

    def section_entries(self, kinds: Iterable[str]) -> list[tuple[int, str]]:
        """The lines governed by sections of these kinds."""
        wanted = set(kinds)
        return [(n, t) for n, t in self.lines if self.kind_of(n) in wanted]

    @cached_property
    def schedule_entries(self) -> tuple[tuple[int, str], ...]:
        """Each schedule item's line and its period and text."""
        return tuple((i.line, f"{i.period}：{i.text}" if i.period else i.text) for i in self.plan.schedule)

    @cached_property
    def task_entries(self) -> tuple[tuple[int, str], ...]:
        """Each task's line and text."""
        return tuple((t.line, t.text) for t in self.plan.tasks)

    def title_entries(self) -> list[tuple[int, str]]:
        """The title with its line, when that line is known."""
        return [(self.title_line, self.plan.title)] if self.plan.title and self.title_line else []

    def scope_entries(self, scope: Sequence[str], kinds: Iterable[str] = PLAN_KINDS) -> list[tuple[int, str]]:
        """The entries of the named scopes (see ``registry.SCOPES``), in scope order."""
        out: list[tuple[int, str]] = []
        for name in scope:
            if name == "text":
                out += self.lines
            elif name == "title":
                out += self.title_entries()
            elif name == "outside":
                out += self.outside
            elif name == "sections":
                out += self.section_entries(kinds)
            elif name == "schedule":
                out += self.schedule_entries
            elif name == "tasks":
                out += self.task_entries
        return out

    def outside_review(self) -> list[tuple[int, str]]:
        """Every line except those of review sections (工作回顾)."""
        return [(n, t) for n, t in self.lines if self.kind_of(n) != "review"]

    def unlabelled(self) -> list[tuple[int, str]]:
        """Text the outline did not label: lines outside every section, and the preamble of a plan
        whose outline found no plan part (a plan in prose is all preamble)."""
        prose = not self.section_kinds() & set(PLAN_KINDS)
        return [(n, t) for n, t in self.lines
                if self.kind_of(n) is None or (prose and self.kind_of(n) == "preamble")]

    def opening_lines(self) -> list[tuple[int, str]]:
        """The preamble of a plan that has a plan part: its opening words (总述), not a task."""
        if not self.section_kinds() & set(PLAN_KINDS):
            return []
        return [(n, t) for n, t in self.lines if self.kind_of(n) == "preamble"]

    def review_lines(self) -> list[tuple[int, str]]:
        """The lines of review sections."""
        return [(n, t) for n, t in self.lines if self.kind_of(n) == "review"]

    def dated_times(self, line: int, text: str) -> list[TimeSpan]:
        """Time expressions dating an activity on a line (past references left out)."""
        from analyzer.extract.timeexpr import find_times, is_past_reference

        return [s for s in find_times(text) if s.kind in DATED_KINDS and not is_past_reference(text, s)]

    @cached_property
    def schedule_lines(self) -> frozenset[int]:
        """Lines the extracted schedule items start on."""
        return frozenset(i.line for i in self.plan.schedule)


def find_hits(entries: Iterable[tuple[int, str]], pattern: re.Pattern[str] | None, *,
              per_line: bool = True) -> list[Hit]:
    """The first match of ``pattern`` in each entry (each line once when ``per_line``).

    >>> [(h.line, h.found) for h in find_hits([(3, "召开职代会"), (3, "职代会提案"), (5, "培训")],
    ...                                       term_pattern(("职代会",)))]
    [(3, '职代会')]
    """
    if pattern is None:
        return []
    hits: list[Hit] = []
    seen: set[int] = set()
    for line, text in entries:
        if per_line and line in seen:
            continue
        m = pattern.search(text)
        if m:
            hits.append(Hit(line, text, m.start(), m.end()))
            seen.add(line)
    return hits


def label_pattern(terms: Sequence[str]) -> re.Pattern[str] | None:
    """Section names written as a label: at a line start (after a number) or before a colon.

    >>> p = label_pattern(["工作目标", "目标"])
    >>> bool(p.search("三、工作目标")), bool(p.search("主要目标是：入会率95%")), bool(p.search("围绕两大目标开展"))
    (True, True, False)
    """
    if not terms:
        return None
    names = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(f"{P.LABEL_START.pattern}(?:{names})(?=\\s*$|{P.LABEL_COLON.pattern}|[，,。])"
                      f"|(?:{names}){P.LABEL_COLON.pattern}")
