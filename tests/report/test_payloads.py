"""Hostile plans (formula and HTML payloads in titles, units, items, file and group names) through every writer.

The plans are parsed from files; the comparison tables are built from their labels directly (``compare_tables``
belongs to the compare room and loads scikit-learn), so that every writer sees payloads in every column.
"""

from __future__ import annotations

import csv
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from analyzer.pipeline import parse_document
from analyzer.report import calendar
from analyzer.report.comparison import ComparisonTables, plan_label, write_comparison
from analyzer.report.safe import DANGEROUS_LEAD

FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3"]
HTML = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]

# Three plans, each file named after a payload; titles, items and owners full of payloads.
PLANS = {
    "=1+2.txt": ('=HYPERLINK("http://x","y")区总工会2025年工作计划', "区总工会"),
    "@SUM(A1).txt": ("+1+1区总工会2025年工作计划", "街道工会"),
    "<img src=x onerror=alert(1)>.txt": ("-2+3区总工会2025年工作计划", "学校工会"),
}
BODY = """{title}
一、工作目标
加强职工之家建设，开展劳动竞赛，维护职工合法权益，做好困难职工帮扶和送温暖工作。
二、具体工作安排
三月份
1、=cmd|' /C calc'!A0开展{unit}女职工维权宣传。
2、+1+1召开职代会<script>alert(1)</script>。
四月份
1、@SUM(A1)开展劳动竞赛（责任部门：=HYPERLINK("http://x","y")）。
2、-2+3组织<img src=x onerror=alert(1)>职工体检。
3、2月10日-2月16日，开展春送岗位活动。
"""
GROUPS = ["=cmd|' /C calc'!A0", "../../<script>alert(1)</script>逃逸"]
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every output format of the report room, written from the hostile plans into one folder."""
    base = tmp_path_factory.mktemp("payloads")
    inputs = base / "in"
    inputs.mkdir()
    docs = []
    for name, (title, unit) in PLANS.items():
        (inputs / name).write_text(BODY.format(title=title, unit=unit), encoding="utf-8")
        docs.append(parse_document(inputs / name))
    assert all(d.error is None and d.plans for d in docs)
    # payloads the reader would strip (tab- and CR-led cells) put straight into the records
    first = docs[0].plans[0]
    items = (*first.schedule, replace(first.schedule[0], text="\t=1+2", owner="\r@SUM(A1)", period="-2+3"))
    docs[0] = replace(docs[0], plans=(replace(first, unit="\t=1+2工会", title="\r+1", schedule=items),))
    out = base / "out"
    frame = calendar.schedule_frame(docs)
    calendar.write_xlsx(frame, out / "日程.xlsx")
    calendar.write_csv(frame, out / "日程.csv")
    calendar.write_json(frame, out / "日程.json")
    calendar.write_ics(docs, out / "日程.ics")
    written = write_comparison(_tables([plan for doc in docs for plan in doc.plans]), out / "比较")
    assert written and all(p.exists() for p in written)
    return out


def _tables(plans: list) -> ComparisonTables:
    """Comparison tables as ``compare_tables`` shapes them, labelled by the hostile plans, payloads in every cell."""
    labels = [plan_label(plan) for plan in plans]
    n = len(labels)
    similarity = pd.DataFrame([[1.0 if i == j else 0.25 for j in range(n)] for i in range(n)],
                              index=labels, columns=labels)
    neighbours = pd.DataFrame({"计划": labels, "相近计划": labels[::-1], "相似度": [0.25] * n, "名次": [1] * n})
    copies = pd.DataFrame({"计划甲": labels[:2], "单位甲": FORMULAS[:2], "行号甲": [6, 7], "段落甲": HTML,
                           "计划乙": labels[1:3], "单位乙": FORMULAS[3:5], "行号乙": [8, 9], "段落乙": FORMULAS[2:4],
                           "相似度": [0.9, -0.5]})
    pairs = pd.DataFrame({"计划甲": labels[:1], "计划乙": labels[1:2], "雷同段落数": [2], "占计划甲比例": [0.5]})
    coverage = pd.DataFrame([[1.0, 0.0], [0.33, 0.67], [0.0, 1.0]][:n], index=labels, columns=["=维权", "+帮扶"])
    keywords = pd.DataFrame({"计划": labels, "关键词": FORMULAS[:n], "权重": [0.5] * n, "次数": [-1] * n,
                             "名次": [1] * n})
    keyness = {group: pd.DataFrame({"term": [*FORMULAS, *HTML], "g2": [9.0, 5.0, 1.5, -2.0, -4.0, 3.0, -6.0]})
               for group in GROUPS}
    return ComparisonTables(similarity, neighbours, copies, pairs, coverage, keywords, keyness)


def _files(out: Path, suffix: str) -> list[Path]:
    return sorted(p for p in out.rglob(f"*{suffix}") if not p.name.startswith("."))


def test_every_format_was_written(outputs: Path) -> None:
    names = {p.name for p in outputs.rglob("*")}
    assert {"日程.xlsx", "日程.csv", "日程.json", "日程.ics", "比较结果.xlsx", "相似度.csv", "抄袭段落.csv"} <= names
    assert len([n for n in names if n.startswith("关键性-") and n.endswith(".csv")]) == 2


def test_no_file_name_escapes_the_folder(outputs: Path) -> None:
    root = outputs.resolve()
    assert not (outputs.parent / "逃逸.csv").exists() and not list(outputs.parent.parent.glob("*逃逸*"))
    for path in outputs.rglob("*"):
        assert path.resolve().is_relative_to(root)
        assert not re.search(r'[\x00-\x1f<>:"\\|?*]', path.name), path.name
    keyness = sorted(p.name for p in (outputs / "比较").glob("关键性-*.csv"))
    assert keyness == ["关键性-._.__script_alert(1)__script_逃逸.csv", "关键性-=cmd_' _C calc'!A0.csv"]
    assert {p.name for p in (outputs / "比较").glob("关键性-*.svg")} == {n[:-4] + ".svg" for n in keyness}


def test_workbooks_hold_no_formula(outputs: Path) -> None:
    books = _files(outputs, ".xlsx")
    assert len(books) == 2
    seen = set()
    for book in books:
        with zipfile.ZipFile(book) as archive:
            for member in archive.namelist():
                if member.startswith("xl/worksheets/"):
                    assert b"<f>" not in archive.read(member) and b"<f " not in archive.read(member)
        for sheet in load_workbook(book).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (book.name, sheet.title, cell.coordinate, cell.value)
                    if isinstance(cell.value, str) and cell.value.startswith(DANGEROUS_LEAD):
                        assert cell.data_type == "s" and cell.quotePrefix
                        seen.add(cell.value)
    # the payloads reached the workbooks, as written (not a vacuous scan)
    assert {"\t=1+2", "\t=1+2工会", "-2+3"} <= seen
    assert any(v.startswith("=cmd|") for v in seen) and any(v.startswith("+1+1") for v in seen)


def test_csv_cells_never_start_a_formula(outputs: Path) -> None:
    tables = _files(outputs, ".csv")
    assert len(tables) == 9  # the schedule, six comparison tables, two keyness tables
    quoted = set()
    for table in tables:
        with table.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    if cell.startswith(DANGEROUS_LEAD):
                        assert NUMBER.fullmatch(cell), (table.name, cell)  # only real negative numbers
                    if cell.startswith("'"):
                        quoted.add(cell[1:])
    assert {"\t=1+2", "\t=1+2工会", "-2+3"} <= quoted
    assert any(v.startswith("=cmd|") for v in quoted) and any(v.startswith("@SUM(A1)") for v in quoted)


def test_json_and_ics_keep_the_text_as_written(outputs: Path) -> None:
    records = json.loads((outputs / "日程.json").read_text("utf-8"))
    texts = {r["活动"] for r in records}
    assert "\t=1+2" in texts and any(t.startswith("=cmd|") for t in texts)
    cal = Calendar.from_ical((outputs / "日程.ics").read_bytes())
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    uids = [str(e["uid"]) for e in cal.walk("VEVENT")]
    assert len(summaries) == len(records) and len(set(uids)) == len(uids)
    assert any(HTML[0] in s for s in summaries) and "\t=1+2" in summaries


def test_charts_hold_no_markup(outputs: Path) -> None:
    charts = _files(outputs, ".svg")
    assert len(charts) >= 3
    for chart in charts:
        text = chart.read_text("utf-8")
        assert "<script" not in text and "<img" not in text
