"""The audit workbook (audit.xlsx) and plans.json, written from a small audited batch.

The batch: a complete plan, two plans of the same generic unit 公司工会 in different files, a plan with
formula payloads in its title and items, and an empty (unreadable) file.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from analyzer.audit.records import LEVEL_LABELS
from analyzer.audit.rules import list_rules
from analyzer.batch import AuditRun, run_audit
from analyzer.report.audit_xlsx import (
    FREQUENCY_LABELS,
    SHEET_HEADERS,
    main_issues,
    month_label,
    write_audit_xlsx,
)
from analyzer.report.plan_json import SCHEMA_VERSION
from analyzer.report.plans_json import write_plans_json
from analyzer.report.safe import DANGEROUS_LEAD

from ..conftest import CORPUS

YEAR = 2026
EAST = """公司工会2026年工作计划
一、指导思想
坚持以职工为中心，团结动员职工建功立业。
二、工作目标
1. 入会率达到95%以上。
2. 全年培训职工不少于500人次。
三、主要工作
1. 召开职代会，审议公司年度工作报告。
2. 开展XX劳动竞赛，组织技能比武。
3. 做好困难职工帮扶和送温暖工作。
"""
WEST = """公司工会2026年工作计划
一、工作目标
1. 会员发展：新入职职工入会率达到90%。
2. 开展女职工“两癌”筛查，筛查率100%。
二、工作安排
3月：召开职工代表大会，推进厂务公开。
6月：开展“送清凉”活动，组织安全生产月活动。
7月：开展工资集体协商，签订集体合同。
12月：开展“送温暖”慰问困难职工，进行工会经费审查。
三、保障措施
加强组织领导，落实责任分工。
"""
PAYLOAD = """=HYPERLINK("x")区总工会2026年工作计划
一、工作目标
1. @SUM(A1)入会率达到95%以上。
2. +1+1全年开展培训不少于10场。
二、工作安排
3月：+1+1召开职代会。
5月：@SUM(A1)开展劳动竞赛（责任部门：=HYPERLINK("x")）。
"""
PAYLOADS = ('=HYPERLINK("x")', "@SUM(A1)", "+1+1")


def make_batch(folder: Path) -> AuditRun:
    """Write the batch's files into ``folder`` and audit them for ``YEAR``."""
    folder.mkdir(parents=True, exist_ok=True)
    complete = (CORPUS / "audit-plans" / "complete-enterprise-2026.txt").read_text(encoding="utf-8")
    for name, text in {"a-complete.txt": complete, "b-east.txt": EAST, "c-west.txt": WEST,
                       "d-payload.txt": PAYLOAD, "e-empty.txt": ""}.items():
        (folder / name).write_text(text, encoding="utf-8")
    run = run_audit([folder], year=YEAR)
    assert len(run.submissions) == 4 and len(run.rejected) == 1
    return run


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[AuditRun, Path, Path]:
    """The audited batch, its workbook and its plans.json."""
    base = tmp_path_factory.mktemp("audit")
    run = make_batch(base / "in")
    return run, write_audit_xlsx(run, base / "out" / "audit.xlsx"), write_plans_json(run, base / "out" / "plans.json")


def _company(run: AuditRun) -> list:
    subs = [s for s in run.submissions if s.unit == "公司工会"]
    assert len(subs) == 2
    return subs


# ---------------------------------------------------------------- workbook


def test_every_sheet_with_headers_frozen_filtered_and_printable(batch) -> None:
    _run, path, _json = batch
    wb = load_workbook(path)
    assert wb.sheetnames == list(SHEET_HEADERS)
    for title, headers in SHEET_HEADERS.items():
        ws = wb[title]
        assert [c.value for c in ws[1]] == headers, title
        assert all(c.font.b for c in ws[1]) and ws["A1"].fill.fgColor.rgb.endswith("DDEBF7")
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(row=1, column=len(headers)).column_letter}{ws.max_row}"
        assert ws.print_title_rows in {"1:1", "$1:$1"}
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert all(ws.column_dimensions[c.column_letter].width >= 6 for c in ws[1])


def test_no_formula_anywhere_and_payloads_kept_as_text(batch) -> None:
    _run, path, _json = batch
    wb = load_workbook(path)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    if cell.value.startswith(DANGEROUS_LEAD):
                        assert cell.quotePrefix, (ws.title, cell.coordinate)
    for payload in PAYLOADS:
        assert any(payload in t for t in texts), payload
    assert any(t.startswith('=HYPERLINK("x")') for t in texts)  # literal, not escaped away


def test_summary_one_row_per_plan_two_company_unions_distinct(batch) -> None:
    run, path, _json = batch
    rows = list(load_workbook(path)["汇总"].iter_rows(min_row=2, values_only=True))
    head = SHEET_HEADERS["汇总"]
    by_label = {r[head.index("计划")]: dict(zip(head, r, strict=True)) for r in rows}
    assert len(rows) == len(by_label) == len(run.submissions)
    company = _company(run)
    assert company[0].label != company[1].label
    for sub in run.submissions:
        row = by_label[sub.label]
        levels = Counter(f.level for f in sub.audit.findings)
        assert (row["得分"], row["扣分"]) == (sub.audit.score, 100 - sub.audit.score)
        assert (row["错误数"], row["警告数"], row["提示数"]) == (levels["error"], levels["warning"], levels["info"])
        assert row["来源文件"] == sub.source and row["年份"] == YEAR
    assert {by_label[s.label]["来源文件"] for s in company} == {s.source for s in company}


def test_findings_schedule_and_tasks_per_plan(batch) -> None:
    run, path, _json = batch
    wb = load_workbook(path)
    findings = list(wb["问题清单"].iter_rows(min_row=2, values_only=True))
    head = SHEET_HEADERS["问题清单"]
    for sub in run.submissions:
        mine = [dict(zip(head, r, strict=True)) for r in findings if r[0] == sub.label]
        assert [(r["规则编号"], r["说明"], r["扣分"]) for r in mine] == [
            (f.code, f.message, f.points_lost) for f in sub.audit.findings]
        assert [r["级别"] for r in mine] == [LEVEL_LABELS[f.level] for f in sub.audit.findings]
        assert [r["行号"] for r in mine] == [f.line for f in sub.audit.findings]
        schedule = [r for r in wb["日程"].iter_rows(min_row=2, values_only=True) if r[0] == sub.label]
        assert [r[-1] for r in schedule] == [item.line for item in sub.plan.schedule]
        tasks = [r for r in wb["任务"].iter_rows(min_row=2, values_only=True) if r[0] == sub.label]
        assert [r[-1] for r in tasks] == [t.line for t in sub.plan.tasks]
    frequencies = {r[3] for r in wb["任务"].iter_rows(min_row=2, values_only=True)} - {None}
    assert frequencies and frequencies <= set(FREQUENCY_LABELS.values())
    keywords = Counter(r[0] for r in wb["关键词"].iter_rows(min_row=2, values_only=True))
    assert set(keywords) == {s.label for s in run.submissions}


def test_rejected_files_and_rules_used(batch) -> None:
    run, path, _json = batch
    wb = load_workbook(path)
    rejected = list(wb["未审核文件"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[2]) for r in rejected] == [(r.source, r.reason) for r in run.rejected]
    assert rejected[0][0].endswith("e-empty.txt") and rejected[0][1] == "无法读取"
    rules = list(wb["评分细则"].iter_rows(min_row=2, values_only=True))
    packs = {s.audit.pack for s in run.submissions}
    assert len(rules) == sum(r.enabled for pack in packs for r in list_rules(pack))
    assert {r[1] for r in rules} >= {f.code for s in run.submissions for f in s.audit.findings}


@pytest.mark.parametrize(("start", "end", "recurring", "expected"), [
    (3, 3, False, "3月"), (7, 8, False, "7–8月"), (12, 2, False, "12–2月"), (1, 12, True, "全年"),
])
def test_month_label(start: int, end: int, recurring: bool, expected: str) -> None:
    assert month_label(start, end, recurring=recurring) == expected


def test_main_issues_ranks_by_points_lost(batch) -> None:
    run, _path, _json = batch
    east = next(s for s in _company(run) if s.source.endswith("b-east.txt"))
    issues = main_issues(east.audit.findings).split("；")
    assert issues[0] == "有时间安排"  # the 10-point error
    assert main_issues(next(s for s in run.submissions if not s.audit.findings).audit.findings) == "无"


# ---------------------------------------------------------------- plans.json


def test_plans_json_holds_contract_and_each_plans_audit(batch) -> None:
    run, _path, path = batch
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION and data["audit_year"] == YEAR
    assert data["rejected"] == [{"source": r.source, "reason": r.reason, "kind": "unreadable"} for r in run.rejected]
    plans = {p["audit"]["key"]: p for doc in data["documents"] for p in doc["plans"]}
    assert len(plans) == len(run.submissions)
    for sub in run.submissions:
        plan = plans[sub.key]
        assert {"id", "sections", "schedule", "tasks", "findings"} <= set(plan)  # the parse contract kept
        audit = plan["audit"]
        assert (audit["score"], audit["label"], audit["unit"], audit["year"], audit["pack"]) == (
            sub.audit.score, sub.label, sub.unit, sub.year, sub.audit.pack)
        assert audit["findings"] == [
            {"code": f.code, "title": f.title, "category": f.category, "level": f.level, "message": f.message,
             "points_lost": f.points_lost, "unrecognised": f.unrecognised,
             "evidence": [{"line": n, "text": q} for n, q in f.evidence]}
            for f in sub.audit.findings]
    assert len({p["audit"]["label"] for p in plans.values() if p["audit"]["unit"] == "公司工会"}) == 2
