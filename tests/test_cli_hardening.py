"""The command line under bad usage and bad places: Chinese one-line errors, output checks, jsonl, summaries."""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from analyzer.cli import main, shown

from .test_cli import PLAN

ENGLISH = ("Error", "Usage:", "Try ", "Options:", "Missing", "No such", "Invalid value", "Aborted")


def invoke(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def one_line(text: str) -> str:
    """The only line of ``text`` (the test fails if there are more)."""
    lines = text.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture()
def plans(tmp_path: Path) -> Path:
    """A folder of two readable plans."""
    folder = tmp_path / "计划"
    folder.mkdir()
    (folder / "甲.txt").write_text(PLAN, encoding="utf-8")
    (folder / "乙.txt").write_text(PLAN.replace("XX区总工会", "某某中学工会"), encoding="utf-8")
    return folder


# ---------------------------------------------------------------- usage errors


USAGE_ERRORS = [
    (["kwic"], "缺少参数 TERM"),
    (["kwic", "工会"], "缺少参数 PATHS"),
    (["parse"], "缺少参数 PATHS"),
    (["schedule"], "缺少参数 PATHS"),
    (["keywords"], "缺少参数 PATHS"),
    (["compare", "a.txt"], "缺少选项 -o/--output"),
    (["parse", "--format", "xml", "a.txt"], "--format 的取值 “xml” 无效，可选：json、jsonl、text"),
    (["parse", "--foo", "a.txt"], "没有选项 --foo"),
    (["parse", "a.txt", "-o"], "选项 -o 需要一个取值"),
    (["parse", "--no-extract=1", "a.txt"], "选项 --no-extract 不接受取值"),
    (["pars", "a.txt"], "没有命令 “pars”（是否想用 parse？）"),
    (["schedule", "a.txt", "--year", "abc"], "--year 的取值 “abc” 不是整数"),
    (["schedule", "a.txt", "--year", "1800"], "--year 的取值 “1800” 超出范围"),
    (["keywords", "a.txt", "--top", "0"], "--top 的取值 “0” 超出范围"),
    (["keywords", "a.txt", "--by", "unit"], "--by 的取值 “unit” 无效，可选：plan、section、group"),
    (["keywords", "a.txt", "--manifest", "没有这个.csv"], "--manifest 的路径 “没有这个.csv” 不存在"),
    (["compare", "a.txt", "-o", "out", "--group-by", "x"], "--group-by 的取值 “x” 无效"),
    (["kwic", "工会", "a.txt", "--window", "1"], "--window 的取值 “1” 超出范围，应在 2–80 之间"),
    (["keywords", "a.txt", "--manifest", "a\nb"], "--manifest 的路径 “a\\nb” 不存在"),
    (["compare", "a.txt", "-o", "out", "--templates", "没有"], "--templates 的路径 “没有” 不存在"),
    (["evaluate", "extra"], "多余的参数：extra"),
]


@pytest.mark.parametrize(("args", "expected"), USAGE_ERRORS)
def test_usage_errors_are_one_chinese_line(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert line.startswith("用法错误：") and expected in line, line
    assert "--help 查看用法" in line
    assert not any(word in result.stderr for word in ENGLISH), result.stderr
    assert result.stdout == ""


def test_the_help_hint_names_the_command() -> None:
    line = one_line(CliRunner().invoke(main, ["kwic"]).stderr)
    assert line == "用法错误：缺少参数 TERM；请运行 plan-analyzer kwic --help 查看用法"


@pytest.mark.parametrize("args", [["--help"], ["parse", "--help"], ["compare", "-h"], ["kwic", "--help"]])
def test_help_is_chinese(args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("用法：plan-analyzer") and "选项：" in result.stdout
    assert "显示帮助并退出" in result.stdout
    assert not any(word in result.stdout for word in ("Usage:", "Options:", "Commands:", "Show this message",
                                                      "[default:", "[required]"))


def test_group_help_lists_the_commands_in_chinese() -> None:
    out = invoke("--help").stdout
    assert "命令：" in out
    for name in ("parse", "schedule", "keywords", "compare", "kwic", "evaluate"):
        assert f"  {name}  " in out


# ---------------------------------------------------------------- unexpected exceptions


def test_an_unexpected_exception_is_one_line_without_traceback(plans: Path, monkeypatch) -> None:
    from analyzer.report import calendar

    def broken(_docs):
        raise ValueError("坏了\n第二行")

    monkeypatch.setattr(calendar, "schedule_frame", broken)
    result = CliRunner().invoke(main, ["schedule", str(plans)])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    last = result.stderr.splitlines()[-1]
    assert last == "内部错误（ValueError：坏了\\n第二行）；请把该文件报告给维护者"
    verbose = CliRunner().invoke(main, ["-v", "schedule", str(plans)])
    assert verbose.exit_code == 1 and "Traceback" in verbose.stderr and "ValueError" in verbose.stderr


def test_an_output_error_from_a_writer_exits_2(plans: Path, tmp_path: Path, monkeypatch) -> None:
    from analyzer.errors import OutputError
    from analyzer.report import calendar

    def full(_frame, path):
        raise OutputError(f"无法写入 {path}：磁盘空间不足")

    monkeypatch.setattr(calendar, "write_xlsx", full)
    result = CliRunner().invoke(main, ["schedule", str(plans), "-o", str(tmp_path / "日程.xlsx")])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].endswith("磁盘空间不足") and "Traceback" not in result.stderr


# ---------------------------------------------------------------- output paths


def _bad_outputs(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "已有文件夹"
    folder.mkdir()
    regular = tmp_path / "somefile.txt"
    regular.write_text("x", encoding="utf-8")
    return {"folder": folder, "proc": Path("/proc/x/y"), "under_file": regular / "sub"}


@pytest.mark.parametrize("where", ["folder", "proc", "under_file"])
@pytest.mark.parametrize(("command", "suffix"), [("parse", ".json"), ("parse", ".jsonl"), ("schedule", ".xlsx"),
                                                 ("schedule", ".ics"), ("keywords", ".csv")])
def test_a_bad_output_file_fails_before_parsing(plans: Path, tmp_path: Path, where: str, command: str,
                                                suffix: str) -> None:
    target = _bad_outputs(tmp_path)[where]
    out = target if where == "folder" else target.with_name(target.name + suffix)
    result = CliRunner().invoke(main, [command, str(plans), "-o", str(out)])
    assert result.exit_code == 2, result.output
    line = one_line(result.stderr)  # no "无法读取"/"完成" line: nothing was parsed
    assert line.startswith("错误：") and ("文件夹" in line or "无法写入" in line), line
    assert "Traceback" not in result.output


def test_an_unwritable_folder_fails_before_parsing(plans: Path, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write into a read-only folder")
    locked = tmp_path / "只读"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["parse", str(plans), "-o", str(locked / "新" / "结果.json")])
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2
    assert "没有写入权限" in one_line(result.stderr)


@pytest.mark.parametrize("where", ["file", "user_folder", "proc", "under_file"])
def test_compare_checks_its_output_folder_first(plans: Path, tmp_path: Path, where: str) -> None:
    bad = _bad_outputs(tmp_path)
    user_folder = tmp_path / "我的文件"
    user_folder.mkdir()
    (user_folder / "重要.docx").write_bytes(b"keep")
    out = {"file": tmp_path / "somefile.txt", "user_folder": user_folder, "proc": bad["proc"],
           "under_file": bad["under_file"]}[where]
    result = CliRunner().invoke(main, ["compare", str(plans), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert one_line(result.stderr).startswith("错误：")
    assert (user_folder / "重要.docx").read_bytes() == b"keep"
    assert (tmp_path / "somefile.txt").read_text(encoding="utf-8") == "x"


def test_compare_replaces_its_own_earlier_output(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "比较"
    assert invoke("compare", str(plans), "-o", str(out)).exit_code == 0
    (out / "相似度.csv").write_text("旧", encoding="utf-8")
    assert invoke("compare", str(plans), "-o", str(out)).exit_code == 0
    assert (out / "相似度.csv").read_text(encoding="utf-8-sig") != "旧"


# ---------------------------------------------------------------- empty input, names, summaries


@pytest.mark.parametrize("args", [["parse"], ["schedule"], ["keywords"], ["compare", "-o", "{out}"], ["kwic", "工会"]])
@pytest.mark.parametrize("content", [{}, {"说明.csv": "a,b", ".隐藏.txt": PLAN, "README.md": PLAN}])
def test_a_folder_without_plan_files_says_so(tmp_path: Path, args: list[str], content: dict[str, str]) -> None:
    folder = tmp_path / "空文件夹"
    folder.mkdir()
    for name, text in content.items():
        (folder / name).write_text(text, encoding="utf-8")
    args = [a.replace("{out}", str(tmp_path / "结果")) for a in args]
    result = CliRunner().invoke(main, [*args, str(folder)])
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"没有找到可分析的文件：{folder}（支持 .txt、.md、.docx、.pdf、.html）"
    assert not (tmp_path / "结果").exists()


def test_an_empty_folder_beside_plans_is_only_noted(plans: Path, tmp_path: Path) -> None:
    empty = tmp_path / "空"
    empty.mkdir()
    result = CliRunner().invoke(main, ["parse", str(empty), str(plans)])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["documents"]) == 2
    assert result.stderr.splitlines()[0].startswith("没有找到可分析的文件：")


@pytest.mark.parametrize("bad_name", ["坏\n名.txt", "回车\r.txt", "制表\t符.txt", "\x1b[31m红.txt", "反向\u202e.txt"])
def test_a_file_name_with_control_characters_stays_on_one_line(plans: Path, bad_name: str) -> None:
    (plans / bad_name).write_bytes(b"")  # empty: a read error naming the file
    result = CliRunner().invoke(main, ["parse", str(plans)])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    error, summary = lines
    assert error.startswith("无法读取 ") and shown(bad_name) in error
    assert all(c.isprintable() for c in result.stderr.replace("\n", ""))
    assert summary == "完成：3 个文件，成功 2 个，失败 1 个"


def test_the_summary_counts_missing_and_broken_files(plans: Path, tmp_path: Path) -> None:
    (tmp_path / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = CliRunner().invoke(main, ["schedule", str(plans), str(tmp_path / "旧.doc"), str(tmp_path / "无.txt")])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert [line.split(" ")[0] for line in lines[:2]] == ["无法读取", "无法读取"]
    assert lines[-1] == "完成：4 个文件，成功 2 个，失败 2 个"


def test_nothing_readable_exits_1(tmp_path: Path) -> None:
    (tmp_path / "空.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["parse", str(tmp_path / "空.txt"), str(tmp_path / "无.txt"), "-o",
                                       str(tmp_path / "r.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith("完成：2 个文件，成功 0 个，失败 2 个")


@given(st.text())
def test_shown_is_always_one_line(text: str) -> None:
    out = shown(text)
    assert len(out.splitlines()) <= 1
    assert not [c for c in out if unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp", "Cs"}]
    if text.isprintable():
        assert out == text


# ---------------------------------------------------------------- jsonl


def test_jsonl_is_one_document_per_line_like_json(plans: Path, tmp_path: Path) -> None:
    (plans / "空.txt").write_bytes(b"")
    (plans / "行\u2028分隔.txt").write_text(PLAN.replace("召开职代会", "召开\u2028职代会"), encoding="utf-8")
    whole = json.loads(invoke("parse", str(plans)).stdout)["documents"]
    streamed = invoke("parse", str(plans), "--format", "jsonl").stdout
    assert streamed.endswith("\n") and "\u2028" not in streamed
    lines = streamed.split("\n")[:-1]
    assert len(lines) == len(whole) == 4
    assert [json.loads(line) for line in lines] == whole
    assert any(d["error"] for d in whole)


@pytest.mark.parametrize(("name", "fmt", "expected"), [
    ("结果.jsonl", None, "jsonl"), ("结果.ndjson", None, "jsonl"), ("结果.json", None, "json"),
    ("结果.txt", None, "text"), ("结果.out", None, "json"), ("结果.jsonl", "json", "json"),
    ("结果.json", "jsonl", "jsonl"),
])
def test_the_output_suffix_picks_the_format(plans: Path, tmp_path: Path, name: str, fmt: str | None,
                                            expected: str) -> None:
    out = tmp_path / name
    out.write_text("上一次的内容\n" * 50, encoding="utf-8")  # a longer earlier file: truncated first
    args = ["parse", str(plans), "-o", str(out)] + (["--format", fmt] if fmt else [])
    result = invoke(*args)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == f"完成：2 个文件，成功 2 个，失败 0 个；已写入 {out}"
    text = out.read_text(encoding="utf-8")
    if expected == "jsonl":
        assert [json.loads(line)["source"] for line in text.splitlines()] == [
            str(plans / "乙.txt"), str(plans / "甲.txt")]
    elif expected == "json":
        assert len(json.loads(text)["documents"]) == 2
    else:
        assert "〔指导思想〕" in text and not text.startswith("{")


def test_jsonl_with_keywords_writes_the_same_lines(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "k.jsonl"
    assert invoke("parse", str(plans), "--keywords", "-o", str(out)).exit_code == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 2 and all(p["keywords"] for d in docs for p in d["plans"])


# ---------------------------------------------------------------- schedule -o .ics


@pytest.mark.parametrize(("text", "expected"), [
    (PLAN.replace("2024年", "20__年"), "没有可写入日历的日程：3 项日程没有年份；请用 --year 指定年份"),
    ("某工会2024年工作计划\n一、指导思想\n以职工为中心。\n", "没有可写入日历的日程：计划中没有找到日程安排"),
])
def test_an_ics_without_events_is_not_written(tmp_path: Path, text: str, expected: str) -> None:
    plan = tmp_path / "p.txt"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "日程.ics"
    result = CliRunner().invoke(main, ["schedule", str(plan), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == expected
    assert not out.exists()


def test_an_ics_reports_items_left_out(tmp_path: Path) -> None:
    (tmp_path / "有年份.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "无年份.txt").write_text(PLAN.replace("2024年", "20__年").replace("XX区", "YY区"), encoding="utf-8")
    out = tmp_path / "日程.ics"
    result = CliRunner().invoke(main, ["schedule", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0
    line = one_line(result.stderr)
    assert line.startswith("完成：2 个文件，成功 2 个，失败 0 个；已写入") and "3 项日程没有年份" in line
    assert out.read_bytes().count(b"BEGIN:VEVENT") == 3
