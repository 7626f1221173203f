"""Document variables from a manifest and from the folder path."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.errors import ConfigError
from analyzer.ingest.docvars import DocVars, docvars_for, from_path, kind_of_label, read_manifest


@pytest.mark.parametrize(("path", "root", "expected"), [
    ("in/2025/学校/实验小学.docx", "in", DocVars("实验小学", "school", 2025, None, "path")),
    ("in/2024年/企业/华远机械公司工会.txt", "in", DocVars("华远机械公司工会", "enterprise", 2024, None, "path")),
    ("in/社区/2023/幸福里社区.pdf", "in", DocVars("幸福里社区", "community", 2023, None, "path")),
    ("in/机关事业单位/区卫健委.docx", "in", DocVars("区卫健委", "institution", None, None, "path")),
    ("in/2025年工会工作计划.docx", "in", DocVars()),
    ("in/plans/b01-district-union-2025.txt", "in", DocVars()),
    ("in/2025/第二中学2025年工作计划.docx", "in", DocVars(None, None, 2025, None, "path")),
])
def test_from_path(path: str, root: str, expected: DocVars) -> None:
    assert from_path(path, root) == expected


@pytest.mark.parametrize(("label", "kind"), [
    ("企业", "enterprise"), ("学校", "school"), ("街道社区", "community"), ("机关事业单位", "institution"),
    ("通用", "general"), ("school", "school"), ("火星", None), ("", None),
])
def test_kind_of_label(label: str, kind: str | None) -> None:
    assert kind_of_label(label) == kind


def test_manifest_wins_over_the_path(tmp_path: Path) -> None:
    manifest = tmp_path / "清单.csv"
    manifest.write_text("文件,单位,单位类型,年份,分组\n实验小学.docx,城南实验小学工会,学校,2026,东片\n"
                        "b.txt,,企业,,\n", encoding="utf-8-sig")
    table = read_manifest(manifest)
    got = docvars_for("in/2025/学校/实验小学.docx", manifest=table, root="in")
    assert got == DocVars("城南实验小学工会", "school", 2026, "东片", "manifest")
    assert docvars_for("in/b.txt", manifest=table, root="in").unit_kind == "enterprise"
    assert docvars_for("in/2024/c.txt", manifest=table, root="in") == DocVars(None, None, 2024, None, "path")


@pytest.mark.parametrize(("content", "needle"), [
    ("单位,年份\n甲,2025\n", "文件"),
    ("文件,年份\na.txt,明年\n", "年份"),
    ("文件,单位类型\na.txt,火星\n", "单位类型"),
    ("", "空"),
])
def test_bad_manifest_is_one_chinese_line(tmp_path: Path, content: str, needle: str) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        read_manifest(manifest)
    assert needle in str(info.value) and "\n" not in str(info.value)
