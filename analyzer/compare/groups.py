"""Groups of plans for comparison: by unit type or year from metadata, or from a CSV manifest."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from analyzer.errors import ConfigError
from analyzer.models import Plan

GroupBy = Literal["unit_type", "year", "unit"]

# Unit types, first match wins, read from the unit name (else the title, else the source file name).
_UNIT_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("学校", re.compile(r"学校|中学|小学|幼儿园|学院|大学|教育工会|教工|教职工|学年|学期")),
    ("公安消防", re.compile(r"公安|交警|派出所|大队|支队|中队|消防|特警|警")),
    ("企业", re.compile(r"公司|集团|企业|厂|车间|矿|供电|银行")),
    ("社区街道乡镇", re.compile(r"社区|街道|乡|镇|村|居委")),
    ("机关事业单位", re.compile(r"局|委员会|委|办公室|医院|中心|机关|所")),
    ("总工会", re.compile(r"总工会|区工会|县工会|市工会")),
)
OTHER = "其他"


def unit_type(plan: Plan) -> str:
    """The kind of unit a plan comes from, in Chinese.

    >>> from analyzer.models import Plan
    >>> unit_type(Plan("p", 1, "城南实验小学工会2024年工作计划", None, None, 1, 1))
    '学校'
    """
    for text in (plan.unit, plan.title, Path(plan.source).stem if plan.source else None):
        if not text:
            continue
        for name, pattern in _UNIT_TYPES:
            if pattern.search(text):
                return name
    return OTHER


def groups_from_metadata(plans: Sequence[Plan], by: GroupBy = "unit_type") -> dict[str, str]:
    """Plan id → group name, from the plans' own metadata.

    >>> groups_from_metadata([], "year")
    {}
    """
    if by == "unit_type":
        return {p.id: unit_type(p) for p in plans}
    if by == "year":
        return {p.id: f"{p.year}年" if p.year else "年份未知" for p in plans}
    return {p.id: p.unit or "单位未知" for p in plans}


def groups_from_manifest(plans: Sequence[Plan], manifest: Path) -> dict[str, str]:
    """Plan id → group from a CSV manifest with columns ``文件`` (or ``file``) and ``分组`` (or ``group``).

    A file matches by its name or its path; plans of files the manifest does not name are left out.
    """
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"无法读取分组清单 {manifest}（{exc}）；请提供 UTF-8 编码的 CSV 文件") from exc
    if not rows:
        raise ConfigError(f"分组清单 {manifest} 是空的；需要“文件,分组”两列")
    file_key = next((k for k in ("文件", "file", "文件名", "path") if k in rows[0]), None)
    group_key = next((k for k in ("分组", "group", "组别") if k in rows[0]), None)
    if file_key is None or group_key is None:
        raise ConfigError(f"分组清单 {manifest} 缺少列：需要“文件”和“分组”（或 file、group）")
    mapping = {row[file_key].strip(): row[group_key].strip() for row in rows if row.get(file_key)}
    groups: dict[str, str] = {}
    for plan in plans:
        source = Path(plan.source)
        group = mapping.get(source.name) or mapping.get(str(source)) or mapping.get(source.stem)
        if group:
            groups[plan.id] = group
    return groups
