"""Cut a plan into the units extraction works on: items under headings, sentences, table rows."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from analyzer.extract import field_patterns as P
from analyzer.models import Plan
from analyzer.structure.numbering import match_token
from analyzer.structure.patterns import NUMBERING_FIRST_CHARS as _NUMBER_FIRST

_HEAD_LINES = 3  # a plan's title and opening lines say what it is for (year, term, school year)


def plan_head(plan: Plan) -> str:
    """The plan's title and its first lines, where it says what period it is for."""
    return (plan.title or "") + "".join(plan.text_lines[:_HEAD_LINES])


def lunar_year(plan: Plan) -> int | None:
    """The year in which a plan's lunar festivals fall (春节前 is February in 2026), or None: a
    school-year plan (学年 / 学期 in its head) spans two calendar years, so it keeps their usual months."""
    if plan.year is None:
        return None
    head = plan_head(plan)
    return None if "学年" in head or "学期" in head else plan.year


def children(plan: Plan, index: int) -> list[int]:
    """Indices of the direct subsections of section ``index``.

    Sections are flat in reading order, so a section's subtree is the run of deeper sections
    right after it: the walk costs the subtree's size, not the plan's.
    """
    sections = plan.sections
    level = sections[index].level
    found = []
    for j in range(index + 1, len(sections)):
        if sections[j].level <= level:
            break
        if sections[j].parent == index:
            found.append(j)
    return found


def has_children(plan: Plan, index: int) -> bool:
    """Whether section ``index`` has subsections (its first child, if any, comes right after it)."""
    return index + 1 < len(plan.sections) and plan.sections[index + 1].parent == index




def own_lines(plan: Plan, index: int) -> Iterator[tuple[int, str]]:
    """The section's own body lines: after its heading, up to its first subsection."""
    sec = plan.sections[index]
    stop = plan.sections[index + 1].line - 1 if has_children(plan, index) else sec.end_line
    start = sec.line + 1 if sec.style != "preamble" else sec.line
    for n in range(start, stop + 1):
        text = plan.line(n).strip()
        if text:
            yield n, text


class PlanView:
    """A plan's sections as both extraction passes read them, cut once: each section's own body
    lines that are not numbered items, with their table cells (``None`` for ordinary text).

    Built by the pipeline and handed to the schedule and the task pass; each section is cut on
    first use.
    """

    __slots__ = ("_body", "_has_lines", "plan")

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._body: list[list[tuple[int, str, list[str] | None]] | None] = [None] * len(plan.sections)
        self._has_lines: list[bool] = [False] * len(plan.sections)

    def body(self, index: int) -> list[tuple[int, str, list[str] | None]]:
        """``(line, text, cells)`` of the section's own lines, numbered lines left out."""
        found = self._body[index]
        if found is None:
            found = []
            for n, text in own_lines(self.plan, index):
                self._has_lines[index] = True
                if text[0] not in _NUMBER_FIRST or match_token(text) is None:
                    found.append((n, text, cells(text)))
            self._body[index] = found
        return found

    def has_lines(self, index: int) -> bool:
        """Whether the section has any line of its own under its heading (numbered or not)."""
        self.body(index)
        return self._has_lines[index]


def item_text(plan: Plan, index: int) -> str:
    """A numbered item's whole text: the heading segment and its continuation lines."""
    sec = plan.sections[index]
    parts = [sec.text or sec.title]
    for _n, text in own_lines(plan, index):
        if P.FINISHED.search(parts[-1]) or match_token(text) is not None:
            break  # a finished sentence ends the item; what follows is a new paragraph
        parts.append(text)
    return "".join(parts).strip()


def after_item(plan: Plan, index: int) -> list[tuple[int, str]]:
    """The lines of a numbered item after its own text (which a finished sentence ends): later
    paragraphs the outline left under it, such as a dated entry (``3月19—21日：…``)."""
    sec = plan.sections[index]
    last = sec.text or sec.title
    found: list[tuple[int, str]] = []
    for n, text in own_lines(plan, index):
        if found or P.FINISHED.search(last) or match_token(text) is not None:
            found.append((n, text))
        else:
            last = text
    return found


@lru_cache(maxsize=8192)
def sentences(text: str) -> tuple[str, ...]:
    """Split an item into sentences, keeping each sentence's closing mark (memoised: the schedule
    and the task extractors read the same items).

    >>> sentences("召开职代会。开展慰问；组织培训")
    ('召开职代会。', '开展慰问；', '组织培训')
    """
    return tuple([s.strip() for s in P.SENTENCE.findall(text) if s.strip(" 。；;")])


def cells(line: str) -> list[str] | None:
    """The cells of a table row (``3月 | 召开职代会 | 办公室``), or None for ordinary text.

    Pipes at both ends frame a Markdown row; a pipe at one end only stands after or before an
    empty cell (a continuation row with no month: ``| 启动读书活动 | 各基层工会 | 每月一次``).

    >>> cells("| 3月 | 召开职代会 |"), cells("| 启动读书活动 | 工会 | 每月一次"), cells("1月 | 召开全委会 | 办公室 |")
    (['3月', '召开职代会'], ['', '启动读书活动', '工会', '每月一次'], ['1月', '召开全委会', '办公室', ''])
    """
    if "|" not in line and "｜" not in line and "\t" not in line:
        return None
    text = line.strip()
    if len(text) > 1 and text[0] in "|｜" and text[-1] in "|｜":
        text = text[1:-1]
    parts = [c.strip() for c in P.PIPE.split(text)]
    return parts if sum(1 for c in parts if c) >= 2 else None


def is_owner_cell(text: str) -> bool:
    """A short cell naming who is responsible (办公室, 组织部、宣教部)."""
    return len(text) <= 24 and bool(P.OWNER_CELL.match(text) or P.PLACEHOLDER_CELL.match(text))
