"""Plan metadata: year and issuing unit."""

from __future__ import annotations

import pytest

from analyzer.structure.meta import find_unit, find_year


@pytest.mark.parametrize(
    ("title", "lines", "year"),
    [
        ("XX区总工会2024年工作计划", [], 2024),
        ("2024—2025学年度第一学期学校工会工作计划", [], 2024),
        ("二〇二五年工会工作要点", [], 2025),
        ("二○二三年工会工作计划", [], 2023),
        (None, ["2022年，局工会将围绕中心工作……"], 2022),
        (None, ["2023年工作回顾", "2024年，我们将继续努力。"], 2024),
        (None, ["20__年，区工会将继续……"], None),
        ("20XX年工会工作计划", ["2023年……"], None),
        (None, ["以职工为中心，做好各项工作。"], None),
        ("XX中学工会二oo二—二oo三学年度工作计划", [], 2002),  # a Chinese-numeral school year: its first year
        ("昆禾精密电子有限公司工会115年度工作计划", [], 2026),  # an ROC year
        (None, ["115年1月6日"], 2026),
        ("庆祝建党100周年系列活动方案", [], None),  # 100 before 周年 is no year
    ],
)
def test_year(title: str | None, lines: list[str], year: int | None) -> None:
    assert find_year(title, lines) == year


@pytest.mark.parametrize(
    ("title", "lines", "unit"),
    [
        ("XX区总工会2024年工作计划", [], "区总工会"),
        ("2025年城南区总工会工作计划", [], "城南区总工会"),
        ("西湖镇中心中学2025年工会工作计划", [], "西湖镇中心中学工会"),
        ("篇一：《滨江区消防救援大队2025年工会工作计划》", [], "滨江区消防救援大队工会"),
        ("城关派出所工会2024年工作计划", [], "城关派出所工会"),
        (None, ["20__年，区工会将继续围绕两大目标……"], "区工会"),
        (None, ["为全面提高工会组织在我大队的监督指导作用，特制定此计划："], None),
        (None, ["以职工为中心。"], None),
    ],
)
def test_unit(title: str | None, lines: list[str], unit: str | None) -> None:
    assert find_unit(title, lines) == unit
