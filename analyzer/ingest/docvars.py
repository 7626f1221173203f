"""Document variables from outside the text: a CSV manifest, then the folder path (年份/类型/单位.docx).

Users sort submitted plans into folders (``2025/学校/实验小学.docx``) or keep a list of who sent
what; both say more reliably than the text which unit, kind of unit and year a file belongs to.
The order is: manifest, then path, then what the parse found (callers fill the rest from it).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from analyzer.errors import ConfigError

__all__ = ["DocVars", "Manifest", "docvars_for", "from_path", "kind_of_label", "read_manifest"]

#: Chinese unit-kind labels (folder names, manifest cells) → the audit's unit kinds.
_KIND_LABELS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:enterprise|企业|公司|国企|民企|非公)"), "enterprise"),
    (re.compile(r"^(?:school|学校|中小学|小学|中学|高校|幼儿园|教育)"), "school"),
    (re.compile(r"^(?:community|社区|街道|乡镇|村)"), "community"),
    (re.compile(r"^(?:institution|机关|事业|机关事业单位|行政|医院|卫生)"), "institution"),
    (re.compile(r"^(?:general|通用|其他)$"), "general"),
)
_YEAR_SEGMENT = re.compile(r"^((?:19|20)\d\d)(?:年度?)?$")
#: A file stem naming a document rather than a unit (计划, 总结 …), or holding a year: no unit.
_NOT_A_UNIT = re.compile(r"计划|总结|要点|安排|方案|篇|范文|模板|汇编|(?:19|20)\d\d|^[\x00-\x7f]*$")
_FILE_KEYS = ("文件", "file", "文件名", "path")
_UNIT_KEYS = ("单位", "unit", "单位名称")
_KIND_KEYS = ("单位类型", "类型", "unit_kind", "kind")
_YEAR_KEYS = ("年份", "year", "年度")
_GROUP_KEYS = ("分组", "group", "组别")


@dataclass(frozen=True)
class DocVars:
    """What is known of a file from outside its text; ``None`` where nothing says.

    Attributes:
        unit: the submitting unit.
        unit_kind: ``enterprise`` | ``institution`` | ``school`` | ``community`` | ``general``.
        year: the plan year.
        group: a free grouping label (manifest ``分组``).
        origin: where the values came from: ``manifest``, ``path`` or ``none``.
    """

    unit: str | None = None
    unit_kind: str | None = None
    year: int | None = None
    group: str | None = None
    origin: str = "none"


@dataclass(frozen=True)
class Manifest:
    """Rows of a manifest CSV by file name, path and stem."""

    rows: Mapping[str, DocVars]

    def lookup(self, source: str | Path) -> DocVars | None:
        """The row naming this file (by path as given, name or stem), or None."""
        path = Path(source)
        for key in (str(path), path.as_posix(), path.name, path.stem):
            if key in self.rows:
                return self.rows[key]
        return None


def kind_of_label(label: str | None) -> str | None:
    """The unit kind a Chinese or English label names, or None.

    >>> kind_of_label("学校"), kind_of_label("机关事业单位"), kind_of_label("医院"), kind_of_label("其他")
    ('school', 'institution', 'institution', 'general')
    """
    if not label:
        return None
    text = label.strip().lower()
    for pattern, kind in _KIND_LABELS:
        if pattern.search(text):
            return kind
    return None


def read_manifest(path: str | Path) -> Manifest:
    """Read a manifest CSV: column ``文件`` (or ``file``) and any of ``单位``, ``单位类型``, ``年份``, ``分组``.

    Raises:
        ConfigError: the file cannot be read, has no file column, or a year or kind is not understood.
    """
    manifest = Path(path)
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as fh:
            table = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"无法读取清单 {manifest.name}（{exc}）；请提供 UTF-8 编码的 CSV 文件") from exc
    if not table:
        raise ConfigError(f"清单 {manifest.name} 是空的；至少需要“文件”一列")
    columns = table[0].keys()
    file_key = _column(columns, _FILE_KEYS)
    if file_key is None:
        raise ConfigError(f"清单 {manifest.name} 缺少“文件”列（或 file）；其余可选列：单位、单位类型、年份、分组")
    unit_key, kind_key = _column(columns, _UNIT_KEYS), _column(columns, _KIND_KEYS)
    year_key, group_key = _column(columns, _YEAR_KEYS), _column(columns, _GROUP_KEYS)
    rows: dict[str, DocVars] = {}
    for number, row in enumerate(table, 2):
        name = (row.get(file_key) or "").strip()
        if not name:
            continue
        kind_label = _cell(row, kind_key)
        kind = kind_of_label(kind_label)
        if kind_label and kind is None:
            raise ConfigError(f"清单第 {number} 行的单位类型“{kind_label}”无法识别；可用：企业、机关事业单位、学校、街道社区、通用")
        year_text = _cell(row, year_key)
        year = None
        if year_text:
            match = _YEAR_SEGMENT.match(year_text)
            if match is None:
                raise ConfigError(f"清单第 {number} 行的年份“{year_text}”无法识别；请写成 2025 这样的四位数")
            year = int(match.group(1))
        rows[name] = DocVars(unit=_cell(row, unit_key), unit_kind=kind, year=year, group=_cell(row, group_key),
                             origin="manifest")
    return Manifest(rows)


def from_path(source: str | Path, root: str | Path | None = None) -> DocVars:
    """Year, unit kind and unit read from the folders between ``root`` and the file, and its stem.

    A folder named like a year (``2025``, ``2025年``) gives the year, one named like a kind of unit
    (``学校``, ``企业`` …) the kind, and a Chinese file stem that names no document (not ``…计划``)
    the unit.

    >>> from_path("收件/2025/学校/实验小学.docx", "收件")
    DocVars(unit='实验小学', unit_kind='school', year=2025, group=None, origin='path')
    >>> from_path("收件/2025年工会工作计划.docx", "收件").origin
    'none'
    """
    path = Path(source)
    try:
        parts = path.parent.relative_to(root).parts if root is not None else path.parent.parts[-3:]
    except ValueError:
        parts = path.parent.parts[-3:]
    year = kind = None
    for part in parts:
        match = _YEAR_SEGMENT.match(part)
        if match and year is None:
            year = int(match.group(1))
        elif kind is None:
            kind = kind_of_label(part)
    stem = path.stem.strip()
    unit = None if _NOT_A_UNIT.search(stem) else stem
    if year is None and kind is None and unit is None:
        return DocVars()
    return DocVars(unit=unit, unit_kind=kind, year=year, origin="path")


def docvars_for(source: str | Path, *, manifest: Manifest | None = None, root: str | Path | None = None) -> DocVars:
    """The manifest's row for the file, filled in from its path; the path alone when no row names it.

    >>> docvars_for("2024/企业/华远公司.txt").unit_kind
    'enterprise'
    """
    from_folders = from_path(source, root)
    row = manifest.lookup(source) if manifest is not None else None
    if row is None:
        return from_folders
    return DocVars(unit=row.unit or from_folders.unit, unit_kind=row.unit_kind or from_folders.unit_kind,
                   year=row.year or from_folders.year, group=row.group, origin="manifest")


def _column(columns, keys: tuple[str, ...]) -> str | None:
    return next((k for k in keys if k in columns), None)


def _cell(row: Mapping[str, str | None], key: str | None) -> str | None:
    if key is None:
        return None
    value = (row.get(key) or "").strip()
    return value or None
