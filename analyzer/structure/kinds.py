"""Section kinds from a synonym table in package resources, with the body deciding vague headings."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from analyzer.models import SECTION_KINDS
from analyzer.structure import patterns as P

# A weak synonym (月份, 要求 …) names a section only in a short title; in a long item it is a word of the task.
_MAX_NAMING_TITLE = 8
MAX_KIND_TITLE = 40  # match_kind reads a heading's first 40 characters


@lru_cache(maxsize=1)
def kind_table() -> dict[str, dict[str, int]]:
    """The synonym table (kind → term → weight), loaded once from ``resources/section_kinds.json``."""
    raw = json.loads(resources.files("analyzer.resources").joinpath("section_kinds.json").read_text("utf-8"))
    table = {kind: terms for kind, terms in raw.items() if kind in SECTION_KINDS}
    return table


@lru_cache(maxsize=1)
def _term_table() -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    """A scanner finding, at every position, the longest synonym starting there; and term → (kind, weight)."""
    lookup: dict[str, tuple[str, int]] = {}
    for kind, terms in kind_table().items():
        for term, weight in terms.items():
            if term not in lookup or lookup[term][1] < weight:
                lookup[term] = (kind, weight)
    first = "".join(sorted({t[0] for t in lookup}))
    # A zero-width lookahead lets matches overlap: 主要活动安排 gives 主要活动 at 0 and 活动安排 at 2.
    # The terms are compiled as a trie (longest term first at every branch), the same matches as
    # a longest-first alternation; a first-character test skips positions where no term starts.
    return re.compile(f"(?=[{re.escape(first)}])(?=({_trie_pattern(lookup)}))"), lookup


@lru_cache(maxsize=1)
def _longest_term() -> int:
    return max(map(len, _term_table()[1]))


def _trie_pattern(terms: Iterable[str]) -> str:
    """A regex matching, at a position, the longest of ``terms`` that starts there."""
    root: dict[str, dict] = {}
    for term in terms:
        node = root
        for char in term:
            node = node.setdefault(char, {})
        node[""] = {}  # a term ends here

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        # Greedy optional: the longer term is tried first, the term ending here is the fallback.
        return f"(?:{body})?"

    return build(root)


def _hits(text: str) -> list[tuple[int, int, str, str]]:
    """Every synonym in ``text`` (overlaps included) as ``(weight, position, term, kind)``."""
    scanner, lookup = _term_table()
    found = []
    for m in scanner.finditer(text):
        term = m.group(1)
        kind, weight = lookup[term]
        found.append((weight, m.start(), term, kind))
    return found


@lru_cache(maxsize=8192)
def match_kind(title: str) -> tuple[str, int] | None:
    """The kind a heading's words name and the strength of the evidence, or None.

    >>> match_kind("二、工作思路和措施")
    ('measures', 4)
    """
    scanner, lookup = _term_table()
    best: tuple[str, int] | None = None
    # The terms come in order of position: the first of the highest weight is max(weight, -position).
    for term in scanner.findall(title[:MAX_KIND_TITLE]):
        found = lookup[term]
        if best is None or found[1] > best[1]:
            best = found
    return best


@lru_cache(maxsize=8192)
def is_section_name(text: str) -> str | None:
    """The kind when ``text`` is nothing but a section name (``具体时间安排``, ``指导思想``), else None.

    >>> is_section_name("具体时间安排")
    'schedule'
    """
    if len(text) <= MAX_KIND_TITLE:
        found = match_kind(text)  # (often known already: the heading's hint)
        if found is None or found[1] < 3:
            return None  # no synonym strong enough, so the best hit below would be too weak
    if len(P.NAME_MODIFIER_CHARS.sub("", text)) > _longest_term() + 2:
        # Even with the longest synonym taken out, more than two characters would stay that no
        # modifier removes: the rule below cannot accept this line, skip the scan.
        return None
    hits = _hits(text)
    if not hits:
        return None
    weight, at, term, kind = max(hits, key=lambda h: (h[0], len(h[2])))
    if weight < 3:
        return None
    # The rest of the line may only be light modifiers: 主要/具体/工作/和/及/、 and the like.
    rest = text[:at] + text[at + len(term):]
    if P.ACTION_WORDS.search(rest):
        return None  # "加强组织领导" is a measure to take, not the section 组织领导
    rest = P.NAME_MODIFIERS.sub("", rest)
    return kind if len(rest) <= 2 else None


def nested_kind(title: str, parent_kind: str) -> str:
    """The kind of a nested heading: its parent's, unless it names a section outright.

    >>> nested_kind("组织领导", "measures"), nested_kind("加强学习", "measures")
    ('organization', 'measures')
    """
    if parent_kind == "schedule":
        return "schedule"
    named = is_section_name(title)
    return named if named is not None else parent_kind


def classify_heading(title: str, *, body: str = "", has_period_children: bool = False,
                     level: int = 1, parent_kind: str | None = None) -> str:
    """Decide a section's kind from its title, then from its body where the title says nothing.

    Args:
        title: the heading's title (without its number).
        body: the text under the heading (first few hundred characters are enough).
        has_period_children: the section holds month/period headings (三月份 …).
        level: outline level (1 is outermost).
        parent_kind: kind of the enclosing section for nested headings.

    >>> classify_heading("筑牢一个防线，全力维护区域的和谐与稳定")
    'main_tasks'
    """
    if parent_kind is not None and level > 1:
        return nested_kind(title, parent_kind)
    # A quoted phrase is a name (落实农民工服务“六项措施”: a programme of tasks), not the section's kind.
    found = match_kind(P.QUOTED_NAME.sub("", title) if "“" in title else title)
    if has_period_children:
        return "schedule"
    if found is not None and found[0] == "other" and is_section_name(title) != "other":
        found = None  # "完成上级交办的其他工作" is a task, not an "other" section
    if found is not None and P.CLAUSE_PUNCT.search(title) and len(title) > _MAX_NAMING_TITLE and found[1] < 4:
        found = None  # "维护职工权益，在服务保障上取得新成效": a thematic sentence, not the section 保障
    if found is not None and (found[1] >= 3 or len(title) <= 8):
        return found[0]
    if P.REVIEW_WORDS.search(body[:300]) and not P.ACTION_WORDS.search(title):
        return "review"
    if found is not None and len(title) <= _MAX_NAMING_TITLE:
        return found[0]
    if len(P.ROSTER_ROLE.findall(body[:300])) >= 2:
        return "organization"  # 委员分工 over 主席：… 副主席：… 委员：… lines: who is who
    # A heading that names nothing known is, in a plan, almost always work to do.
    return "main_tasks"
