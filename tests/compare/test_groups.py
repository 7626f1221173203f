"""Groups for comparison: unit types from metadata, years, and a CSV manifest."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.compare.groups import groups_from_manifest, groups_from_metadata, unit_type
from analyzer.errors import ConfigError
from analyzer.models import Plan


def _plan(pid: str, title: str | None, unit: str | None = None, year: int | None = None, source: str = "") -> Plan:
    return Plan(pid, 1, title, unit, year, 1, 1, source=source)


@pytest.mark.parametrize(
    ("title", "unit", "expected"),
    [
        ("城南实验小学工会2024年工作计划", None, "学校"),
        (None, "交警大队工会", "公安消防"),
        ("恒通机械制造有限公司工会2025年工作计划", None, "企业"),
        (None, "幸福里社区", "社区街道乡镇"),
        ("区教育局机关工会工作计划", None, "机关事业单位"),
        ("城南区总工会工作计划", None, "总工会"),
        ("工作计划", None, "其他"),
    ],
)
def test_unit_type(title: str | None, unit: str | None, expected: str) -> None:
    assert unit_type(_plan("p", title, unit)) == expected


def test_groups_by_year() -> None:
    plans = [_plan("a", None, year=2024), _plan("b", None)]
    assert groups_from_metadata(plans, "year") == {"a": "2024年", "b": "年份未知"}


def test_manifest(tmp_path: Path) -> None:
    manifest = tmp_path / "分组.csv"
    manifest.write_text("文件,分组\na.txt,东片\nsub/b.txt,西片\n", encoding="utf-8-sig")
    plans = [_plan("1", None, source="x/a.txt"), _plan("2", None, source="sub/b.txt"), _plan("3", None, source="c.txt")]
    assert groups_from_manifest(plans, manifest) == {"1": "东片", "2": "西片"}


def test_manifest_needs_its_columns(tmp_path: Path) -> None:
    manifest = tmp_path / "bad.csv"
    manifest.write_text("name,team\na.txt,x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="文件"):
        groups_from_manifest([], manifest)
