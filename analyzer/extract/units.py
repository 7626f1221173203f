"""Cut a plan into the units extraction works on: items under headings, sentences, table rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from analyzer.models import Plan, Section
from analyzer.structure.numbering import match_token

# An item whose last line ends a sentence is complete (continuation lines are wrapped lines only).
_FINISHED = re.compile(r"[。！？!?；;]\s*$")
# Sentence ends inside an item; the mark stays with its sentence.
_SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")
# A table row: cells separated by pipes (docx rows and flattened tables), or tab-separated.
_PIPE = re.compile(r"\s*[|｜\t]\s*")
# Flattened-table header cells that are not content.
HEADER_CELL = re.compile(
    r"^(?:月份|时间|日期|周次|周|序号|时间安排|主要活动|活动内容|工作内容|主要工作|工作任务|具体内容|内容|主题|"
    r"责任部门|责任处室|责任科室|责任单位|责任人|负责人|负责部门|牵头部门|承办部门|参加人员|参与对象|备注|完成时间|地点)$"
)
# Header cells naming the owner column and the time column.
OWNER_HEADER = re.compile(r"^(?:责任|负责|牵头|承办|主办|参加|参与)")
TIME_HEADER = re.compile(r"^(?:月份|时间|日期|周次|周|完成时间|时间安排)$")
# A cell or short line naming departments/people responsible: 办公室 / 组织部、宣教部 / 工会主席.
_OWNER_NAME = (
    r"[\u4e00-\u9fffA-Za-z]{0,10}(?:部|处|室|科|组|办|委|工会|委员会|协会|队|中心|馆|站|所|校长|主席|书记|组长|委员"
    r"|老师|主任|全体|专干|网格长|网格员|志愿者|执委|员|经理|总工|负责人|主管|队长|站长|所长|院长|园长)"
)
OWNER_CELL = re.compile(rf"^{_OWNER_NAME}(?:[、，,/及和与]{_OWNER_NAME})*$")
# A person's name alone in an owner column (李红, 王丽): two or three characters.
PERSON_CELL = re.compile(r"^[\u4e00-\u9fff]{2,3}$")


@dataclass(frozen=True)
class Unit:
    """A piece of plan text with the line it starts on and the section it belongs to."""

    text: str
    line: int
    section: int | None  # index in plan.sections
    numbered: bool = False


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


def heading_lines(plan: Plan) -> set[int]:
    """Document lines that hold a heading (their text is taken from the Section, not re-read)."""
    return {s.line for s in plan.sections if s.kind != "preamble"}


def own_lines(plan: Plan, index: int) -> Iterator[tuple[int, str]]:
    """The section's own body lines: after its heading, up to its first subsection."""
    sec = plan.sections[index]
    stop = plan.sections[index + 1].line - 1 if has_children(plan, index) else sec.end_line
    start = sec.line + 1 if sec.style != "preamble" else sec.line
    for n in range(start, stop + 1):
        text = plan.line(n).strip()
        if text:
            yield n, text


def item_text(plan: Plan, index: int) -> str:
    """A numbered item's whole text: the heading segment and its continuation lines."""
    sec = plan.sections[index]
    parts = [sec.text or sec.title]
    for _n, text in own_lines(plan, index):
        if _FINISHED.search(parts[-1]) or match_token(text) is not None:
            break  # a finished sentence ends the item; what follows is a new paragraph
        parts.append(text)
    return "".join(parts).strip()


@lru_cache(maxsize=8192)
def sentences(text: str) -> tuple[str, ...]:
    """Split an item into sentences, keeping each sentence's closing mark (memoised: the schedule
    and the task extractors read the same items).

    >>> sentences("召开职代会。开展慰问；组织培训")
    ('召开职代会。', '开展慰问；', '组织培训')
    """
    return tuple(s.strip() for s in _SENTENCE.findall(text) if s.strip(" 。；;"))


def cells(line: str) -> list[str] | None:
    """The cells of a table row (``3月 | 召开职代会 | 办公室``), or None for ordinary text."""
    if "|" not in line and "｜" not in line and "\t" not in line:
        return None
    parts = [c.strip() for c in _PIPE.split(line.strip().strip("|｜"))]
    return parts if len(parts) >= 2 else None


def is_owner_cell(text: str) -> bool:
    """A short cell naming who is responsible (办公室, 组织部、宣教部)."""
    return len(text) <= 24 and bool(OWNER_CELL.match(text))


def section_of(plan: Plan, line: int) -> Section | None:
    """The innermost section whose span holds ``line``."""
    found = None
    for s in plan.sections:
        if s.line <= line <= s.end_line and (found is None or s.level >= found.level):
            found = s
    return found
