"""Typed, frozen records passed between the pipeline's steps (read → split → outline → extract → …)."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Literal, TypeVar

_C = TypeVar("_C", bound=type)


def _fast_init(cls: _C) -> _C:
    """Give a frozen, slotted dataclass an ``__init__`` that fills its slots directly.

    The ``__init__`` that ``dataclass(frozen=True)`` writes goes through ``object.__setattr__``
    by name for every field; calling each slot's own descriptor instead builds the record twice as
    fast. Same signature, defaults and checks; instances stay frozen (assignment still raises).
    Used on the records made by the thousand per document (spans, items, tasks, sections).
    """
    params, lines, setters, defaults = [], [], [], []
    for i, f in enumerate(fields(cls)):
        if f.default_factory is not MISSING or not f.init:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields with simple defaults")
        setters.append(cls.__dict__[f.name].__set__)
        if f.default is MISSING:
            params.append(f.name)
        else:
            params.append(f"{f.name}=_d{i}")
            defaults.append(f"_d{i}")
        lines.append(f"        _s{i}(self, {f.name})")
    names = [f"_s{i}" for i in range(len(setters))] + defaults
    source = (f"def _make({', '.join(names)}):\n"
              f"    def __init__(self, {', '.join(params)}):\n" + "\n".join(lines) + "\n    return __init__\n")
    namespace: dict[str, object] = {}
    exec(source, namespace)  # generated from the field names, as dataclasses itself does
    default_values = [f.default for f in fields(cls) if f.default is not MISSING]
    init = namespace["_make"](*setters, *default_values)  # type: ignore[operator]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[misc]
    return cls

SectionKind = Literal[
    "preamble",
    "review",
    "guiding_ideology",
    "goals",
    "organization",
    "main_tasks",
    "measures",
    "schedule",
    "other",
]
SECTION_KINDS: tuple[str, ...] = (
    "preamble",
    "review",
    "guiding_ideology",
    "goals",
    "organization",
    "main_tasks",
    "measures",
    "schedule",
    "other",
)

Frequency = Literal["weekly", "monthly", "quarterly", "semesterly", "half_yearly", "yearly", "once"]
FREQUENCIES: tuple[str, ...] = ("weekly", "monthly", "quarterly", "semesterly", "half_yearly", "yearly", "once")

Severity = Literal["info", "warning", "error"]


@dataclass(frozen=True, slots=True)
class Document:
    """A file read and normalised.

    ``lines`` keep the script as written (evidence is quoted from them); ``text_lines`` are the
    analysis form (simplified Chinese, ASCII digits and letters; same lengths, same line numbers). Line ``n`` (1-based) of the
    document is ``lines[n - 1]``; lines dropped as site chrome are kept as empty strings so that
    line numbers stay traceable to the decoded text.
    """

    source: str
    sha256: str
    encoding: str
    lines: tuple[str, ...]
    text_lines: tuple[str, ...]
    traditional: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The analysis text (simplified), lines joined by newlines."""
        return "\n".join(self.text_lines)


@_fast_init
@dataclass(frozen=True, slots=True)
class Finding:
    """One audit or parse finding, always with the evidence quoted and its line."""

    rule: str
    severity: Severity
    message: str
    evidence: str
    line: int


@_fast_init
@dataclass(frozen=True, slots=True)
class Section:
    """A numbered (or labelled) heading of a plan and the span of lines it governs.

    ``parent`` is the index of the enclosing section in the plan's flat ``sections`` list.
    ``end_line`` is the last line (inclusive) of the section including its subsections.
    ``style`` names the numbering style (see ``structure.numbering``), e.g. ``cn_dun`` for 一、.
    """

    heading: str
    title: str
    number: str | None
    level: int
    parent: int | None
    kind: str
    line: int
    end_line: int
    style: str = ""
    body: str = ""  # text on the heading's own line after the title (first-clause headings)
    text: str = ""  # the whole segment after the number token (title, separator and body)


@_fast_init
@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time expression resolved to months (1–12)."""

    text: str
    month_start: int
    month_end: int
    qualifier: str | None = None  # 上旬/中旬/下旬/月初/月底/前 …
    day: int | None = None
    year_offset: int = 0  # 1 for 次年/明年
    start: int = 0  # character offsets in the text it was found in
    end: int = 0
    kind: str = "month"  # month/date/quarter/half_year/year_part/vacation/semester/week/season/holiday/recurring


@_fast_init
@dataclass(frozen=True, slots=True)
class ScheduleItem:
    """One scheduled activity bound to its period."""

    month_start: int
    month_end: int
    period: str
    text: str
    line: int
    qualifier: str | None = None
    day: int | None = None
    year: int | None = None
    owner: str | None = None
    recurring: bool = False  # a whole-year or every-month activity (全年, 每月, 常年): months 1–12


@_fast_init
@dataclass(frozen=True, slots=True)
class Task:
    """One actionable item of a plan."""

    text: str
    section_kind: str
    line: int
    months: tuple[int, ...] = ()
    frequency: str | None = None
    targets: tuple[str, ...] = ()
    owner: str | None = None
    deadline: int | None = None  # month
    deadline_text: str | None = None
    action: str | None = None
    object: str | None = None


@dataclass(frozen=True, slots=True)
class Keyword:
    """A keyword and its weight in a plan (or group)."""

    term: str
    weight: float
    count: int = 0


@dataclass(frozen=True, slots=True)
class Plan:
    """One plan found in a document, with its outline and extracted content."""

    id: str
    index: int
    title: str | None
    unit: str | None
    year: int | None
    line_start: int
    line_end: int
    sections: tuple[Section, ...] = ()
    schedule: tuple[ScheduleItem, ...] = ()
    tasks: tuple[Task, ...] = ()
    keywords: tuple[Keyword, ...] = ()
    findings: tuple[Finding, ...] = ()
    source: str = ""
    text_lines: tuple[str, ...] = field(default=(), repr=False, compare=False)

    def line(self, n: int) -> str:
        """The analysis text of document line ``n`` (1-based), which must lie in this plan."""
        return self.text_lines[n - self.line_start]

    @property
    def text(self) -> str:
        """The plan's analysis text."""
        return "\n".join(self.text_lines)


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """What ``parse`` gives for one input path: the document's plans, or the reason it failed."""

    source: str
    sha256: str | None
    encoding: str | None
    plans: tuple[Plan, ...] = ()
    error: str | None = None
    findings: tuple[Finding, ...] = ()  # document-level (e.g. compilation count mismatch)
