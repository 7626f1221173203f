"""Tasks: every actionable item of a plan with its frequency, targets, owner, deadline and months."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from analyzer.extract import field_patterns as P
from analyzer.extract.fields import (
    find_action,
    find_deadline,
    find_frequency,
    find_labelled_deadline,
    find_owner,
    find_targets,
)
from analyzer.extract.timeexpr import find_times, period_heading
from analyzer.extract.units import PlanView, has_children, is_owner_cell, lunar_year, sentences
from analyzer.models import Plan, ScheduleItem, Task

# Sections whose sentences are statements, not tasks (when the plan has other sections).
_NOT_TASKS = frozenset({"preamble", "review", "guiding_ideology"})
_TARGETS_ONLY = frozenset({"guiding_ideology"})  # its sentences are tasks only when they set a target
_MIN_CHARS = 4
_MAX_TIME_CELL = 20
_MAX_FREQUENCY_TITLE = 10  # 每月常规, 每周工作, 每学期重点 — a heading, not a task sentence
# A frequency word always holds one of these characters (每月, 年内…一次, 一学期两次, 不定期 …).
_FREQUENCY_CHARS = frozenset("每年学次届场季月周天半期度假")


def _units(view: PlanView, index: int) -> list[tuple[str, int, str | None]]:
    """``(text, line, owner)`` pieces of one section: its heading segment, body lines, table rows."""
    sec = view.plan.sections[index]
    units: list[tuple[str, int, str | None]] = []
    if sec.style in ("label", "period"):
        if sec.body:
            units.append((sec.body, sec.line, None))
    elif sec.style != "preamble":
        units.append((sec.text or sec.title, sec.line, None))
    for n, text, row in view.body(index):
        if row is None:
            units.append((text, n, None))
            continue
        owners = [c for c in row if c and is_owner_cell(c)]
        # A row's time cell (6月底前 | 完成排水沟清淤) belongs to each activity: it may be a deadline;
        # so does a frequency cell (每月 | 编发工作简报).
        when = next((c for c in row if c and len(c) <= _MAX_TIME_CELL
                     and (period_heading(c) is not None or P.FREQUENCY_CELL.match(c))), "")
        owner = "、".join(owners) or None
        for cell in row:
            if cell and cell != when and not P.HEADER_CELL.match(cell) and not is_owner_cell(cell) and len(cell) > _MIN_CHARS:
                units.append(((f"{when}，{cell}" if when else cell), n, owner))
    return units


def _months_by_line(schedule: tuple[ScheduleItem, ...]) -> dict[int, list[ScheduleItem]]:
    by_line: dict[int, list[ScheduleItem]] = {}
    for item in schedule:
        by_line.setdefault(item.line, []).append(item)
    return by_line


def _months(items: Sequence[ScheduleItem], sentence: str) -> tuple[int, ...]:
    for item in items:
        if item.text and (item.text in sentence or sentence.rstrip("。；;") in item.text):
            if item.month_start <= item.month_end:
                return tuple(range(item.month_start, item.month_end + 1))
            return (*range(item.month_start, 13), *range(1, item.month_end + 1))
    return ()


def extract_tasks(plan: Plan, view: PlanView | None = None) -> list[Task]:
    """Every actionable sentence of a plan as a Task with its fields.

    A sentence is a task when it has an action (开展/组织/召开 … + object) or a frequency, a
    quantitative target or a deadline. Statements of guiding ideology, the review of past work
    and the untitled opening are not tasks (unless the plan has no sections at all). Months come
    from the schedule item the sentence belongs to; the owner of an item (``（责任科室：…）``,
    ``由…负责``) applies to each of its sentences. ``view`` is the plan cut for extraction (shared
    with the schedule pass by the pipeline); one is made here when it is not given.

    >>> from analyzer.structure.outline import parse_outline
    >>> lines = ["二、工作措施", "1、每月组织一次民警学习，由政工室负责。"]
    >>> p = Plan(id="x", index=1, title=None, unit=None, year=None, line_start=1, line_end=2,
    ...          sections=parse_outline(lines).sections, text_lines=tuple(lines))
    >>> [(t.frequency, t.owner, t.action) for t in extract_tasks(p)]
    [('monthly', '政工室', '组织')]
    """
    only_preamble = all(s.kind == "preamble" for s in plan.sections)
    # A deadline before a lunar festival (春节前) falls in that year's festival month; a school-year
    # plan (2025—2026学年) spans two calendar years, so its festivals keep their usual months.
    festival_year = lunar_year(plan)
    by_line = _months_by_line(plan.schedule)
    view = view or PlanView(plan)
    tasks: list[Task] = []
    append = tasks.append
    for index, sec in enumerate(plan.sections):
        targets_only = sec.kind in _TARGETS_ONLY  # 工作思路 … 主要目标是：入会率保持100%，…
        if sec.kind in _NOT_TASKS and not (only_preamble and sec.kind == "preamble") and not targets_only:
            continue
        kind = "main_tasks" if sec.kind == "preamble" else sec.kind
        units = _units(view, index)
        if not units:
            continue
        joined = " ".join(t for t, _n, _o in units)
        leaf = not has_children(plan, index)
        item_owner = find_owner(joined) if leaf and P.OWNER_HINT.search(joined) else None
        # A labelled deadline (（完成时限：6月底）) closes the item's own text: it holds for its sentences,
        # also when sub-items follow (they are units of their own sections).
        item_deadline = find_labelled_deadline(joined) if P.DEADLINE_LABEL_HINT.search(joined) else None
        # A heading that names a frequency (每月常规：…, 每周工作) gives it to its items that state none.
        title_frequency = _title_frequency(sec.title)
        for text, line, row_owner in units:
            items = by_line.get(line, ())
            owner = row_owner or item_owner
            # "每月常规：a；b" — the label's frequency holds for a and b
            label = P.LEAD_LABEL.match(text) if "：" in text or ":" in text else None
            unit_frequency = (_title_frequency(label.group(1)) if label else None) or title_frequency
            for whole in sentences(text):
                for sentence, frequency, targets, own_deadline, action, own_owner in sentence_parts(whole, festival_year):
                    if unit_frequency is not None and (frequency is None or frequency[0] == "once"):
                        frequency = unit_frequency
                    deadline = own_deadline or item_deadline
                    if not (action or frequency or targets or deadline) or (targets_only and not targets):
                        continue
                    # Task(text, section_kind, line, months, frequency, targets, owner, deadline,
                    #      deadline_text, action, object)
                    append(Task(sentence, kind, line, _months(items, sentence) if items else (),
                                frequency[0] if frequency else None, targets, own_owner or owner,
                                deadline[0] if deadline else None, deadline[1] if deadline else None,
                                action[0] if action else None, action[1] if action else None))
    return tasks


def _one_per_deadline(parts: list[tuple[str, tuple[str, str] | None]],
                      year: int | None) -> list[tuple[str, tuple[str, str] | None]]:
    """Split a part holding two deadlines in different clauses into one part per deadline.

    ``6月底前完成摸排，年底前实现全部建会`` is two tasks (June and December); a frequency stays with
    the clause group that says it.

    >>> [c for c, _f in _one_per_deadline([("6月底前完成摸排，年底前实现全部建会", None)], None)]
    ['6月底前完成摸排，', '年底前实现全部建会']
    """
    out: list[tuple[str, tuple[str, str] | None]] = []
    for sentence, frequency in parts:
        if sum(1 for c in P.CLAUSE.findall(sentence) if P.DEADLINE_HINT.search(c)) < 2:
            out.append((sentence, frequency))  # two deadlines need two clauses with a deadline word
            continue
        # Two deadlines need two times (or 年内 and a time) in the sentence: most parts stop here
        # (the sentence's times are computed once and reused by its own deadline).
        clauses = P.CLAUSE.findall(sentence) if P.DEADLINE_HINT.search(sentence) and (
            len(find_times(sentence)) + (P.DEADLINE_YEAR.search(sentence) is not None) >= 2) else []
        marks = [bool(P.DEADLINE_HINT.search(c)) and find_deadline(c, year) is not None for c in clauses]
        if sum(marks) < 2:
            out.append((sentence, frequency))
            continue
        groups: list[str] = []
        current, has_deadline = "", False
        for clause, mark in zip(clauses, marks, strict=True):
            if mark and has_deadline:
                groups.append(current)
                current, has_deadline = "", False
            current += clause
            has_deadline = has_deadline or mark
        groups.append(current)
        said = frequency[1] if frequency else None
        owner_group = next((i for i, g in enumerate(groups) if said and said in g), 0)
        out.extend((g, frequency if i == owner_group else None) for i, g in enumerate(groups) if g.strip())
    return out


def _title_frequency(title: str) -> tuple[str, str] | None:
    """The frequency a short heading opens with (``每月常规`` → monthly), else None.

    >>> _title_frequency("每月常规"), _title_frequency("召开职代会")
    (('monthly', '每月'), None)
    """
    if len(title) > _MAX_FREQUENCY_TITLE or _FREQUENCY_CHARS.isdisjoint(title[:3]):
        return None
    found = find_frequency(title)
    return found if found is not None and title.startswith(found[1]) and found[0] != "once" else None


def _one_per_frequency(sentence: str) -> list[tuple[str, tuple[str, str] | None]]:
    """Split a sentence holding several frequencies into one clause group per frequency, each with
    its frequency (found once here and reused by the task).

    >>> [c for c, _f in _one_per_frequency("每年组织一次体检，每季度开展一次减压活动")]
    ['每年组织一次体检，', '每季度开展一次减压活动']
    """
    if _FREQUENCY_CHARS.isdisjoint(sentence):
        return [(sentence, None)]
    first = find_frequency(sentence)
    if first is None:
        return [(sentence, None)]
    rest = sentence[sentence.find(first[1]) + len(first[1]):]
    if _FREQUENCY_CHARS.isdisjoint(rest) or find_frequency(rest) is None:
        return [(sentence, first)]  # one frequency: the sentence is one task
    clauses = P.CLAUSE.findall(sentence)
    found = [None if _FREQUENCY_CHARS.isdisjoint(c) else find_frequency(c) for c in clauses]
    groups: list[tuple[str, tuple[str, str] | None]] = []
    current, current_frequency = "", None
    for clause, frequency in zip(clauses, found, strict=True):
        if frequency is not None and current_frequency is not None:
            groups.append((current, current_frequency))
            current, current_frequency = "", None
        current += clause
        current_frequency = current_frequency or frequency
    groups.append((current, current_frequency))
    return [g for g in groups if g[0].strip()]


Part = tuple[str, "tuple[str, str] | None", tuple[str, ...], "tuple[int, str] | None", "tuple[str, str] | None",
             "str | None"]


@lru_cache(maxsize=16384)
def sentence_parts(sentence: str, year: int | None = None) -> tuple[Part, ...]:
    """The tasks one sentence states by itself, before its section adds owner, deadline or frequency:
    ``(text, frequency, targets, deadline, action, owner)`` for each part of the sentence (one part
    per frequency and per deadline; parts shorter than four characters are dropped).

    Memoised: a batch of plans copied from the same template repeats its sentences, and the parts
    depend on nothing else.

    >>> sentence_parts("每月组织一次民警学习，由政工室负责。")
    (('每月组织一次民警学习，由政工室负责。', ('monthly', '每月'), (), None, ('组织', '民警学习'), '政工室'),)
    """
    if P.TASK_TRIGGER.search(sentence) is None:  # no field but the action (most sentences)
        return ((sentence, None, (), None, find_action(sentence), None),) if len(sentence) >= _MIN_CHARS else ()
    parts = _one_per_frequency(sentence)
    if P.DEADLINE_HINT.search(sentence) is not None:  # (no deadline word: no part has two deadlines)
        parts = _one_per_deadline(parts, year)
    return tuple((text, frequency, *sentence_fields(text, year)) for text, frequency in parts
                 if len(text) >= _MIN_CHARS)


def sentence_fields(sentence: str, year: int | None = None) -> tuple[
        tuple[str, ...], tuple[int, str] | None, tuple[str, str] | None, str | None]:
    """``(targets, deadline, action, owner)`` a sentence states by itself.

    >>> sentence_fields("每月组织一次民警学习，由政工室负责。")
    ((), None, ('组织', '民警学习'), '政工室')
    """
    targets = tuple(find_targets(sentence))
    deadline = find_deadline(sentence, year) if P.DEADLINE_HINT.search(sentence) else None
    owner = find_owner(sentence) if P.OWNER_HINT.search(sentence) else None
    return targets, deadline, find_action(sentence), owner
