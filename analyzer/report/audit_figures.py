"""The batch-wide exhibits of ``report.html``: heatmaps (laid out for inline SVG), the month calendar, copies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from analyzer.batch import AuditRun, Submission

__all__ = [
    "MAX_HEATMAP", "CalendarRow", "CopyGroup", "HeatCell", "HeatLabel", "Heatmap", "SimilarPair", "calendar_rows", "copy_groups",
    "coverage_heatmap", "similarity_heatmap",
]

#: Heatmaps name at most this many plans (more would not be readable).
MAX_HEATMAP = 40
#: Plan pairs listed under the similarity heatmap.
TOP_PAIRS = 15
#: Pairs at or above this cosine similarity are worth a look.
SIMILAR_FLOOR = 0.3
#: Characters of an activity shown in a calendar cell.
CALENDAR_CHARS = 40
_LABEL_CHARS = 20  # characters of a plan label beside a heatmap
_LABEL_PX = 280  # room for the row labels
_LEGEND_PX = 90  # room for the colour legend
_CELL_PX = 15  # cell size of a large heatmap
_ANNOTATE_PX = 34  # cell size when values are written in the cells
_ANNOTATE_MAX = 12  # plans up to which similarity values are written in the cells
_DUTY_TOP = 112  # room for the duty names, slanted
_NUMBER_TOP = 34  # room for plan numbers written upwards
_DARK = 0.6  # values above this get white text
_DIAGONAL = "#d9dbde"
_WARM = ("#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026")  # like matplotlib's YlOrRd
_BLUES = ("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b")  # like matplotlib's Blues


@dataclass(frozen=True)
class HeatCell:
    """One cell of a heatmap: position and size in pixels, fill colour, value shown and tooltip."""

    x: int
    y: int
    width: int
    height: int
    fill: str
    text: str  # written in the cell ("" when cells are small)
    tip: str
    dark: bool  # a dark fill: white text


@dataclass(frozen=True)
class HeatLabel:
    """An axis label: position, text, full text (tooltip) and the plan it links to ("" for none)."""

    x: int
    y: int
    text: str
    tip: str
    href: str


@dataclass(frozen=True)
class Heatmap:
    """A heatmap drawn as inline SVG by the template: cells, labels, a colour legend and a note."""

    id: str
    title: str
    width: int
    height: int
    cells: tuple[HeatCell, ...]
    rows: tuple[HeatLabel, ...]
    columns: tuple[HeatLabel, ...]
    column_angle: int  # rotation of the column labels
    legend: tuple[str, ...]  # gradient stops, low to high
    legend_x: int
    legend_y: int
    legend_label: str
    legend_ends: tuple[str, str]  # what the top and the bottom of the legend mean
    note: str  # why only some plans are shown, or ""


@dataclass(frozen=True)
class SimilarPair:
    """Two plans whose texts are alike (table numbers index the plan list)."""

    a: int
    b: int
    similarity: float


@dataclass(frozen=True)
class CalendarRow:
    """One submission's activities by month: ``cells[0]`` is 全年, ``cells[m]`` month m."""

    number: int
    cells: tuple[tuple[str, ...], ...]
    elsewhere: int  # activities dated in another year, left out


@dataclass(frozen=True)
class CopyRow:
    """One copied passage: this plan's line and text, the other's line and text (None when unknown)."""

    line: int
    text: str
    other_line: int
    other_text: str | None
    similarity: float


@dataclass(frozen=True)
class CopyGroup:
    """What one plan shares with another plan (``other`` its number) or with a template (``other`` None)."""

    anchor: str
    number: int
    other: int | None
    other_label: str
    share: float  # share of this plan's text found in the other
    other_share: float  # share of the other plan's text found in this one (0 for a template)
    rows: tuple[CopyRow, ...]


def _ramp(stops: Sequence[str], value: float) -> str:
    """The colour at ``value`` (0–1) of a ramp through ``stops`` (``#rrggbb``), linearly in RGB."""
    value = min(max(value, 0.0), 1.0) * (len(stops) - 1)
    k = min(int(value), len(stops) - 2)
    t = value - k
    a, b = (tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in (stops[k], stops[k + 1]))
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))


def _label(number: int, label: str) -> str:
    text = f"{number}. {label}"
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def _heatmap(key: str, title: str, values: np.ndarray, rows: Sequence[tuple[int, str]],
             columns: Sequence[tuple[str, str]], *, ramp: Sequence[str], cell: tuple[int, int], angle: int, top: int,
             legend: str, ends: tuple[str, str], note: str, shown: Callable[[float], str], diagonal: bool = False
             ) -> Heatmap:
    """Lay out a heatmap: ``rows`` are (plan number, label), ``columns`` (text, link); ``shown`` writes a value."""
    width, height = cell
    left = _LABEL_PX
    annotate = width >= _ANNOTATE_PX
    cells = []
    for i, (number, _label_text) in enumerate(rows):
        for j, (column, _href) in enumerate(columns):
            v = float(values[i, j])
            if diagonal and i == j:
                cells.append(HeatCell(left + j * width, top + i * height, width - 1, height - 1, _DIAGONAL, "", "",
                                      False))
                continue
            cells.append(HeatCell(left + j * width, top + i * height, width - 1, height - 1, _ramp(ramp, v),
                                  shown(v) if annotate else "", f"{number} × {column}：{shown(v) or 0}",
                                  v > _DARK))
    row_labels = tuple(HeatLabel(left - 6, top + i * height + height // 2, _label(n, text), f"{n}. {text}",
                                 f"#plan-{n}") for i, (n, text) in enumerate(rows))
    col_labels = tuple(HeatLabel(left + j * width + width // 2, top - 4, text, text, href)
                       for j, (text, href) in enumerate(columns))
    grid_right = left + width * len(columns)
    return Heatmap(key, title, grid_right + _LEGEND_PX, max(top + height * len(rows), top + 150) + 10, tuple(cells),
                   row_labels, col_labels, angle, tuple(ramp), grid_right + 16, top, legend, ends, note)


def _percent(value: float) -> str:
    return f"{value:.0%}" if value > 0 else ""


def similarity_heatmap(subs: Sequence[Submission]) -> tuple[Heatmap | None, tuple[SimilarPair, ...]]:
    """The plans' text similarity (TF-IDF cosine) as a heatmap, and the most similar pairs.

    Above ``MAX_HEATMAP`` plans, the heatmap shows those most similar to another plan. Plans are
    numbered by their place in ``subs`` (from 1), so a plan never merges with a namesake.
    """
    if len(subs) < 2:
        return None, ()
    import numpy as np

    from analyzer.compare.similarity import similarity_matrix

    values = similarity_matrix([s.plan for s in subs]).to_numpy(dtype=float, copy=True)
    np.fill_diagonal(values, 0.0)  # positions, not ids: two copies of one file share an id
    upper = np.triu_indices(len(subs), k=1)
    flat = values[upper]
    order = np.argsort(-flat, kind="stable")[:TOP_PAIRS]
    pairs = tuple(SimilarPair(int(upper[0][k]) + 1, int(upper[1][k]) + 1, round(float(flat[k]), 2))
                  for k in order if flat[k] >= SIMILAR_FLOOR)
    shown = list(range(len(subs)))
    note = ""
    if len(subs) > MAX_HEATMAP:
        shown = sorted(np.argsort(-values.max(axis=1), kind="stable")[:MAX_HEATMAP].tolist())
        note = f"共 {len(subs)} 份计划，图中只列出与其他计划最相似的 {MAX_HEATMAP} 份。"
    size = _ANNOTATE_PX if len(shown) <= _ANNOTATE_MAX else _CELL_PX
    heat = _heatmap("heat-similarity", "计划之间的文本相似度热力图", values[np.ix_(shown, shown)], [(k + 1, subs[k].label) for k in shown],
                    [(str(k + 1), f"#plan-{k + 1}") for k in shown], ramp=_WARM, cell=(size, size), angle=-90,
                    top=_NUMBER_TOP, legend="相似度", ends=("1", "0"), note=note, shown="{:.2f}".format, diagonal=True)
    return heat, pairs


def coverage_heatmap(subs: Sequence[Submission], coverage: np.ndarray, duties: Sequence[str]) -> Heatmap | None:
    """Plans × union duties coverage (0–1) as a heatmap; above ``MAX_HEATMAP`` plans, the least covered."""
    if not subs:
        return None
    import numpy as np

    shown = list(range(len(subs)))
    note = ""
    if len(subs) > MAX_HEATMAP:
        shown = sorted(np.argsort(coverage.mean(axis=1), kind="stable")[:MAX_HEATMAP].tolist())
        note = f"共 {len(subs)} 份计划，图中只列出职责覆盖最少的 {MAX_HEATMAP} 份；每份计划的覆盖情况见其审核页。"
    return _heatmap("heat-coverage", "计划 × 工会职责覆盖热力图", coverage[shown], [(k + 1, subs[k].label) for k in shown],
                    [(name, "") for name in duties], ramp=_BLUES, cell=(_ANNOTATE_PX + 12, _CELL_PX + 4),
                    angle=-40, top=_DUTY_TOP, legend="覆盖程度", ends=("100%", "0"), note=note, shown=_percent)


def _months(start: int, end: int) -> list[int]:
    return list(range(start, end + 1)) if start <= end else [*range(start, 13), *range(1, end + 1)]


def _short(text: str) -> str:
    return text if len(text) <= CALENDAR_CHARS else text[: CALENDAR_CHARS - 1] + "…"


def calendar_rows(subs: Sequence[Submission], year: int | None) -> tuple[CalendarRow, ...]:
    """Each plan's activities by month of the audit year (each plan's own year when none is given).

    An activity dated in another year (a school year's second half, a plan for another year) is left
    out and counted; whole-year activities (全年, 每月) go to the 全年 column.
    """
    rows = []
    for number, sub in enumerate(subs, 1):
        wanted = year if year is not None else sub.year
        cells: list[list[str]] = [[] for _ in range(13)]
        elsewhere = 0
        for item in sub.plan.schedule:
            when = item.year if item.year is not None else sub.year
            if wanted is not None and when is not None and when != wanted:
                elsewhere += 1
                continue
            for month in [0] if item.recurring else _months(item.month_start, item.month_end):
                cells[month].append(_short(item.text))
        rows.append(CalendarRow(number, tuple(tuple(c) for c in cells), elsewhere))
    return tuple(rows)


def copy_groups(run: AuditRun) -> tuple[CopyGroup, ...]:
    """Copied passages side by side: one group per pair of plans (listed once) and per plan and template."""
    numbers: dict[str, int] = {}
    for number, sub in enumerate(run.submissions, 1):
        numbers.setdefault(sub.plan.id, number)
    groups: list[CopyGroup] = []
    seen: set[tuple[int, int]] = set()
    for plan_id, matches in run.copies.items():
        number = numbers.get(plan_id)
        for match in matches:
            other = numbers.get(match.other)
            if number is None or other is None or (min(number, other), max(number, other)) in seen:
                continue
            seen.add((min(number, other), max(number, other)))
            back = [m for m in run.copies.get(match.other, ()) if m.other == plan_id]
            # the other side of a passage pair: same two lines and the same similarity
            theirs = {(p.line, p.other_line, p.similarity): p.passage for m in back for p in m.passages}
            rows = tuple(CopyRow(p.line, p.passage, p.other_line, theirs.get((p.other_line, p.line, p.similarity)),
                                 p.similarity) for p in match.passages)
            groups.append(CopyGroup(f"copy-{number}-{other}", number, other, run.submissions[other - 1].label,
                                    match.share, back[0].share if back else 0.0, rows))
    for plan_id, matches in run.template_copies.items():
        number = numbers.get(plan_id)
        if number is None:
            continue
        for k, match in enumerate(matches, 1):
            rows = tuple(CopyRow(p.line, p.passage, p.other_line, None, p.similarity) for p in match.passages)
            groups.append(CopyGroup(f"template-{number}-{k}", number, None, match.label, match.share, 0.0, rows))
    groups.sort(key=lambda g: (-g.share, g.number, g.other or 0))
    return tuple(groups)
