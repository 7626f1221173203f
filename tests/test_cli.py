"""The command line, driven through click's runner: parse, schedule, evaluate; exit codes; bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from analyzer.cli import main

from .conftest import CORPUS

PLAN = """XX区总工会2024年工作计划
一、指导思想
以职工为中心，服务大局。
二、工作目标
1、集体合同签订率达到95%以上。
三、具体工作安排
三月份
1、开展“三八”妇女节慰问活动。
2、召开职代会。
七——八月份
1、开展夏送清凉活动。
"""


@pytest.fixture()
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "区总工会计划.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_parse_json_follows_the_contract(plan_file: Path) -> None:
    result = run("parse", str(plan_file), "--no-keywords")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["schema_version"] == "1"
    doc = data["documents"][0]
    assert set(doc) >= {"source", "sha256", "encoding", "error", "plans"}
    plan = doc["plans"][0]
    assert set(plan) >= {"id", "index", "title", "unit", "year", "line_start", "line_end", "sections",
                         "schedule", "tasks", "keywords", "findings"}
    assert plan["year"] == 2024 and plan["unit"] == "区总工会"
    section = plan["sections"][0]
    assert set(section) >= {"heading", "title", "number", "level", "parent", "kind", "line"}
    assert [s["kind"] for s in plan["sections"] if s["level"] == 1] == ["guiding_ideology", "goals", "schedule"]
    assert [(i["month_start"], i["month_end"]) for i in plan["schedule"]] == [(3, 3), (3, 3), (7, 8)]
    item = plan["schedule"][0]
    assert set(item) >= {"month_start", "month_end", "period", "text", "line"}
    assert item["line"] == 8 and PLAN.splitlines()[item["line"] - 1].endswith(item["text"])
    assert any(t["targets"] for t in plan["tasks"])


def test_parse_text_outline(plan_file: Path) -> None:
    result = run("parse", str(plan_file), "--format", "text", "--no-keywords")
    assert result.exit_code == 0
    assert "一、指导思想" in result.output and "〔指导思想〕" in result.output


def test_bad_file_does_not_stop_the_batch(plan_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "旧版.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["parse", str(broken), str(empty), str(plan_file), "--no-keywords"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    errors = {Path(d["source"]).name: d["error"] for d in data["documents"]}
    assert errors["区总工会计划.txt"] is None
    assert ".docx" in errors["旧版.doc"] and "\n" not in errors["旧版.doc"]
    assert "空" in errors["空.txt"] or "文件为空" in errors["空.txt"]
    assert "无法读取" in result.stderr


def test_exit_codes(tmp_path: Path) -> None:
    missing = CliRunner().invoke(main, ["parse", str(tmp_path / "没有.txt")])
    assert missing.exit_code == 1
    usage = CliRunner().invoke(main, ["parse", "--format", "xml", "x.txt"])
    assert usage.exit_code == 2


def test_parse_writes_output_atomically(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "结果.json"
    result = run("parse", str(plan_file), "-o", str(out), "--no-keywords")
    assert result.exit_code == 0
    assert json.loads(out.read_text("utf-8"))["documents"][0]["plans"]
    assert not list(out.parent.glob("*.tmp"))


def test_schedule_xlsx_has_both_sheets(plan_file: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "日程.xlsx"
    assert run("schedule", str(plan_file), "-o", str(out)).exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["明细", "月历"]
    detail = wb["明细"]
    assert detail.freeze_panes == "A2"
    assert [c.value for c in detail[1]][:3] == ["单位", "计划", "年份"]
    assert detail.max_row == 4
    grid = wb["月历"]
    assert [c.value for c in grid[1]][1:3] == ["全年", "1月"]
    row = [c.value for c in grid[2]]
    assert row[0] == "区总工会" and "召开职代会" in row[4] and "夏送清凉" in row[8] and "夏送清凉" in row[9]
    assert row[1] is None and row[2] is None  # nothing all year round, nothing in January


def test_schedule_ics_events_match_items(plan_file: Path, tmp_path: Path) -> None:
    from datetime import date

    from icalendar import Calendar

    out = tmp_path / "日程.ics"
    assert run("schedule", str(plan_file), "-o", str(out)).exit_code == 0
    cal = Calendar.from_ical(out.read_bytes())
    events = sorted((str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend")) for e in cal.walk("VEVENT"))
    assert events == sorted([
        ("开展“三八”妇女节慰问活动。", date(2024, 3, 1), date(2024, 4, 1)),
        ("召开职代会。", date(2024, 3, 1), date(2024, 4, 1)),
        ("开展夏送清凉活动。", date(2024, 7, 1), date(2024, 9, 1)),
    ])


def test_schedule_ics_needs_a_year(tmp_path: Path) -> None:
    plan = tmp_path / "p.txt"
    plan.write_text(PLAN.replace("2024年", "20__年"), encoding="utf-8")
    out = tmp_path / "a.ics"
    result = CliRunner().invoke(main, ["schedule", str(plan), "-o", str(out)])
    assert "--year" in result.stderr
    result = CliRunner().invoke(main, ["schedule", str(plan), "-o", str(out), "--year", "2025"])
    assert "2025" in out.read_text("utf-8")


def test_schedule_csv_opens_in_pandas(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "日程.csv"
    assert run("schedule", str(plan_file), "-o", str(out)).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert frame.columns.tolist() == ["单位", "计划", "年份", "开始月", "结束月", "月份", "时段", "活动", "负责", "全年", "来源文件",
                                     "行号"]
    assert frame["开始月"].tolist() == [3, 3, 7]


def test_schedule_rejects_unknown_suffix(plan_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["schedule", str(plan_file), "-o", str(tmp_path / "a.pdf")])
    assert result.exit_code == 2 and ".xlsx" in result.stderr


def test_schedule_terminal_table(plan_file: Path) -> None:
    result = run("schedule", str(plan_file))
    assert "【区总工会】" in result.output and "7–8月" in result.output


def test_evaluate_prints_every_metric() -> None:
    result = run("evaluate", "--gold", str(CORPUS / "gold"), "--json")
    metrics = json.loads(result.output)["metrics"]
    for key in ("split_accuracy", "section_accuracy", "schedule_precision", "schedule_recall", "schedule_f1",
                "frequency_recall", "deadline_recall", "target_recall", "placeholder_recall", "year_accuracy"):
        assert key in metrics


def test_module_entry_point() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "analyzer", "--help"], capture_output=True, text=True, check=True)
    assert "plan-analyzer" in out.stdout or "工作计划" in out.stdout


def test_parse_with_keywords_fills_the_contract_field(seed_path: Path) -> None:
    result = run("parse", str(seed_path), "--keywords")
    plans = json.loads(result.output)["documents"][0]["plans"]
    assert [len(p["keywords"]) for p in plans] == [20] * 5
    assert "民警" in [k["term"] for k in plans[1]["keywords"][:10]]
    assert "教代会" in [k["term"] for k in plans[3]["keywords"][:10]]
    assert all(set(k) >= {"term", "weight"} for k in plans[0]["keywords"])


def test_keywords_compare_and_kwic_commands(tmp_path: Path) -> None:
    files = [str(CORPUS / "plans" / name) for name in
             ("b12-dongcheng-primary-union-2025.txt", "b13-xihu-town-middle-school-union-2025.txt",
              "b16-hedong-traffic-brigade-union-2025.txt", "b17-hexi-swat-brigade-union-2025.txt")]
    result = run("keywords", *files, "--top", "5")
    assert result.exit_code == 0 and result.output.count("【") == 4
    grouped = run("keywords", *files, "--by", "group", "--top", "5")
    assert "【学校】" in grouped.output and "【公安消防】" in grouped.output
    out = tmp_path / "比较"
    result = run("compare", *files, "-o", str(out))
    assert result.exit_code == 0
    for name in ("相似度.csv", "抄袭段落.csv", "职责覆盖.csv", "比较结果.xlsx", "相似度热图.png", "相似度热图.svg",
                 "职责覆盖热图.png", "职责覆盖热图.svg", "关键性-学校.csv", "关键性-学校.png", "关键性-学校.svg"):
        assert (out / name).exists(), name
    copies = pd.read_csv(out / "抄袭计划对.csv", encoding="utf-8-sig")
    assert len(copies) == 2  # school east/west and the two police brigades
    result = run("kwic", "教代会", *files)
    assert "【教代会】" in result.output


def test_table_row_time_cell_gives_the_deadline(tmp_path: Path) -> None:
    path = tmp_path / "站计划.txt"
    path.write_text("收费站2025年工作计划\n一、工作安排\n| 时间 | 工作内容 | 责任班组 |\n"
                    "| 6月底前 | 完成排水沟清淤 | 综合班 |\n| 2025.3.15 | 开展消费者权益日宣传 | 收费一班 |\n",
                    encoding="utf-8")
    plan = json.loads(run("parse", str(path)).output)["documents"][0]["plans"][0]
    assert [(i["month_start"], i["text"], i["owner"]) for i in plan["schedule"]] == [
        (6, "完成排水沟清淤", "综合班"), (3, "开展消费者权益日宣传", "收费一班")]
    assert any(t["deadline"] == 6 and "排水沟" in t["text"] for t in plan["tasks"])
