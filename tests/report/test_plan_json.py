"""The parse JSON: records equal to their dataclasses, one record per line, escapes and compact mode."""

from __future__ import annotations

import json
from dataclasses import asdict

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.models import Finding, ParsedDocument, Plan, ScheduleItem, Section, Task
from analyzer.report.plan_json import document_to_dict, to_json


def _doc(text: str = "召开职代会") -> ParsedDocument:
    plan = Plan(
        id="abc#1", index=1, title="2025年工会工作计划", unit="区总工会", year=2025, line_start=1, line_end=3,
        sections=(Section(heading="一、主要工作", title="主要工作", number="一", level=1, parent=None,
                          kind="main_tasks", line=1, end_line=3, style="cn_dun"),),
        schedule=(ScheduleItem(month_start=3, month_end=3, period="三月份", text=text, line=2, owner="办公室"),),
        tasks=(Task(text=text, section_kind="main_tasks", line=2, months=(3,), targets=("200名",),
                    action="召开", object="职代会"),),
        findings=(Finding("template_placeholder", "warning", "模板占位符", "20__年", 1),),
    )
    return ParsedDocument(source="x.txt", sha256="0" * 64, encoding="utf-8", plans=(plan,))


def test_records_are_the_dataclass_fields() -> None:
    doc = _doc()
    plan = document_to_dict(doc)["plans"][0]
    assert plan["schedule"] == [asdict(doc.plans[0].schedule[0])]
    assert plan["findings"] == [asdict(doc.plans[0].findings[0])]
    task = asdict(doc.plans[0].tasks[0])
    assert plan["tasks"] == [{**task, "months": [3], "targets": ["200名"]}]


def test_each_record_on_its_own_line_and_compact_mode_is_the_same_json() -> None:
    text = to_json([_doc()])
    lines = text.splitlines()
    assert lines[0] == "{" and lines[1] == '  "schema_version": "1",'
    record_lines = [line for line in lines if line.lstrip().startswith('{"')]
    assert len(record_lines) == 4  # one section, one schedule item, one task, one finding
    assert all(json.loads(line.strip().rstrip(",")) for line in record_lines)
    assert json.loads(text) == json.loads(to_json([_doc()], indent=None))
    assert "\n" not in to_json([_doc()], indent=None)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_any_document_text_round_trips(text: str) -> None:
    data = json.loads(to_json([_doc(text)]))
    assert data["documents"][0]["plans"][0]["schedule"][0]["text"] == text
    assert data["documents"][0]["plans"][0]["tasks"][0]["text"] == text
