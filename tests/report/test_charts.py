"""Charts: PNG and SVG written, Chinese labels drawn with a CJK font, no missing-glyph warning."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analyzer.report import charts

SIMILARITY = pd.DataFrame(
    [[1.0, 0.25, 0.1], [0.25, 1.0, 0.4], [0.1, 0.4, 1.0]],
    index=["区工会", "交警大队", "学校工会"],
    columns=["区工会", "交警大队", "学校工会"],
)
COVERAGE = pd.DataFrame(
    [[1.0, 0.33, 0.0], [0.67, 0.0, 1.0]],
    index=["第一篇", "第二篇"],
    columns=["维权与劳动关系", "女职工工作", "心理关爱"],
)
KEYNESS = pd.DataFrame({"term": ["民警", "警员", "职工", "教代会"], "g2": [60.5, 13.2, -4.8, -1.5]})


@pytest.mark.parametrize(
    ("draw", "data"),
    [
        (charts.similarity_heatmap, SIMILARITY),
        (charts.duty_heatmap, COVERAGE),
        (charts.keyness_bars, KEYNESS),
    ],
)
def test_chart_renders_chinese_without_missing_glyphs(tmp_path: Path, draw, data: pd.DataFrame) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from current font" would fail here
        png, svg = draw(data, tmp_path / "out" / "图表")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_labels_mapping_and_large_matrix(tmp_path: Path) -> None:
    ids = [f"p{i}" for i in range(70)]  # beyond the tick-label limit: drawn without tick labels
    big = pd.DataFrame(0.5, index=ids, columns=ids)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        charts.similarity_heatmap(big, tmp_path / "big")
        charts.similarity_heatmap(SIMILARITY, tmp_path / "labelled", labels={"区工会": "第1篇"})
    assert (tmp_path / "labelled.png").exists()


def test_cjk_font_is_found() -> None:
    from matplotlib import font_manager

    name = charts.cjk_font()
    path = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
    assert Path(path).exists()


def test_mplfonts_fallback_when_no_system_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "SYSTEM_CJK_FONTS", ())
    assert charts.cjk_font.__wrapped__() == "Noto Sans CJK SC"


def test_global_matplotlib_settings_untouched(tmp_path: Path) -> None:
    import matplotlib

    before = (
        matplotlib.get_backend(),
        list(matplotlib.rcParams["font.sans-serif"]),
        matplotlib.rcParams["axes.unicode_minus"],
    )
    charts.keyness_bars(KEYNESS, tmp_path / "k")
    after = (
        matplotlib.get_backend(),
        list(matplotlib.rcParams["font.sans-serif"]),
        matplotlib.rcParams["axes.unicode_minus"],
    )
    assert before == after
