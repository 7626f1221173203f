"""Charts (PNG and SVG) with Chinese labels: similarity heatmap, duty coverage, keyness bars."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analyzer.errors import AnalyzerError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: System fonts with Chinese glyphs, in order of preference.
SYSTEM_CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Noto Sans CJK JP",
)
#: The font shipped by the mplfonts package, used when the system has none of the above.
MPLFONTS_FONT = Path("fonts") / "NotoSansCJKsc-Regular.otf"
#: Tick labels are drawn only up to this many rows/columns; beyond, they would overlap.
MAX_TICK_LABELS = 60
#: Values are written in heatmap cells only up to this many rows and columns.
MAX_ANNOTATED = 15


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """Family name of a font with Chinese glyphs: a system one if any, else mplfonts' Noto Sans CJK
    (registered with matplotlib's font manager; nothing is written to matplotlib's config).

    >>> cjk_font() != ""
    True
    """
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    for name in SYSTEM_CJK_FONTS:
        if name in installed:
            return name
    spec = importlib.util.find_spec("mplfonts")  # locate the package without importing it
    if spec is not None and spec.submodule_search_locations:
        path = Path(next(iter(spec.submodule_search_locations))) / MPLFONTS_FONT
        if path.is_file():
            font_manager.fontManager.addfont(str(path))
            return font_manager.FontProperties(fname=str(path)).get_name()
    raise AnalyzerError(
        "找不到中文字体，图表无法显示中文：请安装 Noto Sans CJK 或文泉驿字体，或安装 mplfonts 包。"
    )


@contextmanager
def _chinese_figure(width: float, height: float) -> Iterator[Figure]:
    """A figure on an Agg canvas, drawn with a CJK font (settings are local to the block)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    rc = {
        "font.family": "sans-serif",
        "font.sans-serif": [cjk_font(), "DejaVu Sans"],
        "axes.unicode_minus": False,
        "svg.fonttype": "path",
    }
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(fig)
        yield fig


def _plain(text: object) -> str:
    """A label drawn as written: ``$`` would start matplotlib mathtext (and bad math raises)."""
    return str(text).replace("$", r"\$")


def _save(fig: Figure, path: Path) -> tuple[Path, Path]:
    """Write ``path`` as .png and .svg (a .png/.svg suffix is replaced, any other kept); return both paths.

    The file name goes through ``safe_filename``: names made from group names cannot leave the folder.
    """
    from analyzer.report.safe import safe_filename, write_atomic_with

    name = path.name[:-4] if path.suffix.lower() in (".png", ".svg") else path.name
    stem = safe_filename(name, default="图表")
    png, svg = path.parent / f"{stem}.png", path.parent / f"{stem}.svg"
    # written atomically: a reader never sees half a chart
    write_atomic_with(png, lambda fh: fig.savefig(fh, format="png", dpi=150))
    write_atomic_with(svg, lambda fh: fig.savefig(fh, format="svg"))
    return png, svg


def _heatmap(ax: Axes, table: pd.DataFrame, *, vmin: float, vmax: float, cmap: str, label: str) -> None:
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    ax.figure.colorbar(image, ax=ax, label=label, shrink=0.8)
    rows, cols = values.shape
    if rows <= MAX_TICK_LABELS:
        ax.set_yticks(range(rows), [_plain(v) for v in table.index])
    if cols <= MAX_TICK_LABELS:
        ax.set_xticks(range(cols), [_plain(v) for v in table.columns], rotation=45, ha="right")
    if rows <= MAX_ANNOTATED and cols <= MAX_ANNOTATED:
        middle = (vmin + vmax) / 2
        for i in range(rows):
            for j in range(cols):
                colour = "white" if values[i, j] > middle else "black"
                ax.text(j, i, f"{values[i, j]:.2f}", ha="center", va="center", fontsize=8, color=colour)


def similarity_heatmap(
    matrix: pd.DataFrame, path: Path, *, labels: Mapping[str, str] | None = None, title: str = "计划相似度"
) -> tuple[Path, Path]:
    """Heatmap of a plan similarity matrix (see ``compare.similarity``), saved as PNG and SVG.

    Args:
        matrix: square similarity matrix indexed by plan id.
        path: output path; ``.png`` and ``.svg`` are added (a .png/.svg suffix is replaced).
        labels: plan id → label shown on the axes (default: the id).
        title: chart title.

    >>> m = pd.DataFrame([[1, .3], [.3, 1]], index=["篇1", "篇2"], columns=["篇1", "篇2"])
    >>> [p.suffix for p in similarity_heatmap(m, Path("/tmp/相似度"))]
    ['.png', '.svg']
    """
    table = matrix.rename(index=labels or {}, columns=labels or {})
    size = min(4 + 0.45 * len(table), 24)
    with _chinese_figure(size + 1.5, size) as fig:
        ax = fig.add_subplot()
        _heatmap(ax, table, vmin=0.0, vmax=1.0, cmap="YlOrRd", label="相似度（余弦）")
        ax.set_title(_plain(title))
        return _save(fig, path)


def duty_heatmap(
    coverage: pd.DataFrame, path: Path, *, labels: Mapping[str, str] | None = None, title: str = "职责覆盖"
) -> tuple[Path, Path]:
    """Heatmap of plans × duties coverage (see ``compare.duties.duty_coverage``), PNG and SVG.

    >>> c = pd.DataFrame([[1.0, 0.3]], index=["篇1"], columns=["女职工工作", "经费管理"])
    >>> duty_heatmap(c, Path("/tmp/职责覆盖"))[0].name
    '职责覆盖.png'
    """
    table = coverage.rename(index=labels or {})
    vmax = 1.0 if float(table.to_numpy().max(initial=0.0)) <= 1.0 else float(table.to_numpy().max())
    width = min(4 + 0.6 * len(table.columns), 24)
    height = min(3 + 0.4 * len(table), 24)
    with _chinese_figure(width, height) as fig:
        ax = fig.add_subplot()
        _heatmap(ax, table, vmin=0.0, vmax=vmax, cmap="Blues", label="覆盖程度")
        ax.set_xlabel("职责")
        ax.set_ylabel("计划")
        ax.set_title(_plain(title))
        return _save(fig, path)


def keyness_bars(
    table: pd.DataFrame, path: Path, *, top: int = 15, title: str = "关键性"
) -> tuple[Path, Path]:
    """Bars of the most key terms for the target and for the reference (signed G²), PNG and SVG.

    Args:
        table: a keyness table (``compare.keyness``): columns ``term``, ``g2``.
        path: output path; ``.png`` and ``.svg`` are added (a .png/.svg suffix is replaced).
        top: terms shown on each side.
        title: chart title.

    >>> t = pd.DataFrame({"term": ["民警", "职工"], "g2": [12.0, -8.0]})
    >>> keyness_bars(t, Path("/tmp/关键性"))[1].name
    '关键性.svg'
    """
    ordered = table.sort_values("g2", ascending=False)
    shown = pd.concat([ordered[ordered["g2"] > 0].head(top), ordered[ordered["g2"] < 0].tail(top)])
    shown = shown.iloc[::-1]  # matplotlib draws the first bar at the bottom
    height = min(2 + 0.3 * max(len(shown), 1), 24)
    with _chinese_figure(7, height) as fig:
        ax = fig.add_subplot()
        colours = ["#c0392b" if v > 0 else "#2c7fb8" for v in shown["g2"]]
        ax.barh(range(len(shown)), shown["g2"], color=colours)
        ax.set_yticks(range(len(shown)), [_plain(t) for t in shown["term"]])
        ax.axvline(0, color="grey", linewidth=0.8)
        ax.set_xlabel("对数似然比（G²，正值：目标更常用；负值：参照更常用）")
        ax.set_title(_plain(title))
        return _save(fig, path)
