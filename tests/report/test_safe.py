"""The safe writer: atomic files and folders, OutputError messages, spreadsheet cells, HTML, file names."""

from __future__ import annotations

import csv
import errno
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from analyzer.errors import AnalyzerError, OutputError
from analyzer.report import atomic
from analyzer.report.safe import (
    OUTPUT_MARKER,
    append_frame,
    append_row,
    atomic_dir,
    csv_safe,
    current_umask,
    escape_html,
    is_dangerous,
    safe_filename,
    safe_path,
    safe_sheet_title,
    save_workbook,
    write_atomic,
    write_atomic_with,
    write_frame_csv,
    xlsx_value,
)

PAYLOADS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3", "\t=1+2", "\r=1+2"]


@pytest.fixture()
def umask_027():
    old = os.umask(0o027)
    yield 0o027
    os.umask(old)


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ---------------------------------------------------------------- atomic files


def test_write_atomic_gives_usual_permissions(tmp_path: Path, umask_027: int) -> None:
    assert current_umask() == umask_027
    path = write_atomic(tmp_path / "新" / "结果.txt", "完成")
    assert path.read_text("utf-8") == "完成"
    assert path.stat().st_mode & 0o777 == 0o640  # 0o666 & ~0o027, not mkstemp's 0o600
    assert _hidden(path.parent) == []


def test_write_atomic_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "私密.csv"
    path.write_text("旧")
    path.chmod(0o600)
    write_atomic(path, "新")
    assert path.read_text() == "新" and path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("setup", "target", "expected"),
    [
        (lambda d: (d / "out.xlsx").mkdir(), "out.xlsx", "^输出路径是一个文件夹：.*out.xlsx；请指定文件名$"),
        (lambda d: (d / "parent").write_text("x"), "parent/a.csv", "^无法创建文件夹 .*parent：路径中有同名文件$"),
        (lambda d: (d / "parent").write_text("x"), "parent/sub/a.csv", "^无法创建文件夹 .*sub："),
    ],
)
def test_write_atomic_bad_targets(tmp_path: Path, setup, target: str, expected: str) -> None:
    setup(tmp_path)
    target = tmp_path / target
    with pytest.raises(OutputError, match=expected) as info:
        write_atomic(target, "数据")
    assert isinstance(info.value, AnalyzerError) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "没有写入权限"),
        (OSError(errno.ENOSPC, "No space left on device"), "磁盘空间不足"),
        (OSError(errno.EROFS, "Read-only file system"), "文件系统只读"),
        (IsADirectoryError(errno.EISDIR, "Is a directory"), "输出路径是一个文件夹"),
    ],
)
def test_write_errors_become_one_line_output_errors(tmp_path: Path, error: OSError, expected: str) -> None:
    def writer(_fh: object) -> None:
        raise error

    target = tmp_path / "表.csv"
    with pytest.raises(OutputError, match=expected) as info:
        write_atomic_with(target, writer)
    assert str(target) in str(info.value) and not target.exists() and _hidden(tmp_path) == []


def test_permission_denied_on_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match=r"无法写入 .*：没有写入权限"):
        write_atomic(tmp_path / "a.txt", "x")


def test_a_bug_in_the_writer_is_not_disguised(tmp_path: Path) -> None:
    def writer(_fh: object) -> None:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        write_atomic_with(tmp_path / "a.bin", writer)
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- atomic folders


def test_atomic_dir_creates_and_replaces_whole(tmp_path: Path, umask_027: int) -> None:
    out = tmp_path / "比较"
    with atomic_dir(out) as tmp:
        assert tmp.parent == out.parent.resolve() and tmp.name.startswith(".")
        (tmp / "旧.csv").write_text("1")
    assert out.stat().st_mode & 0o777 == 0o750
    with atomic_dir(out) as tmp:
        (tmp / "新.csv").write_text("2")
    assert sorted(p.name for p in out.iterdir()) == sorted([OUTPUT_MARKER, "新.csv"])  # no stale file
    assert _hidden(tmp_path) == []  # neither the temporary nor the old folder is left


@pytest.mark.parametrize("existing", [True, False])
def test_atomic_dir_keeps_the_old_folder_when_the_body_raises(tmp_path: Path, existing: bool) -> None:
    out = tmp_path / "out"
    if existing:
        with atomic_dir(out) as tmp:
            (tmp / "a.csv").write_text("old")
    with pytest.raises(RuntimeError), atomic_dir(out) as tmp:
        (tmp / "a.csv").write_text("new")
        (tmp / "b.csv").write_text("new")
        raise RuntimeError("half way")
    if existing:
        assert (out / "a.csv").read_text() == "old" and not (out / "b.csv").exists()
    else:
        assert not out.exists()
    assert _hidden(tmp_path) == []


def test_atomic_dir_restores_the_old_folder_when_the_swap_fails(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    with atomic_dir(out) as tmp:
        (tmp / "a.csv").write_text("old")
    real_rename = os.rename

    def rename(src: str | Path, dst: str | Path) -> None:
        if Path(src).name.startswith(".out.plan-analyzer-tmp-"):
            raise PermissionError(errno.EACCES, "in use")
        real_rename(src, dst)

    monkeypatch.setattr(atomic.os, "rename", rename)
    with pytest.raises(OutputError, match="无法替换文件夹"), atomic_dir(out) as tmp:
        (tmp / "a.csv").write_text("new")
    assert (out / "a.csv").read_text() == "old" and _hidden(tmp_path) == []


def test_atomic_dir_names_the_target_in_errors_from_the_body(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as info, atomic_dir(tmp_path / "out") as tmp:
        (tmp / "x.csv").mkdir()
        write_atomic(tmp / "x.csv", "a")
    assert str(tmp_path / "out" / "x.csv") in str(info.value)


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda out: out.write_text("a file"), "不是文件夹"),
        (lambda out: (out.mkdir(), (out / "我的文件.docx").write_text("x")), "已有其他文件"),
    ],
)
def test_atomic_dir_refuses_files_and_user_folders(tmp_path: Path, setup, expected: str) -> None:
    out = tmp_path / "out"
    setup(out)
    before = sorted(out.iterdir()) if out.is_dir() else out.read_text()
    with pytest.raises(OutputError, match=expected), atomic_dir(out):
        pytest.fail("the body must not run")
    assert (sorted(out.iterdir()) if out.is_dir() else out.read_text()) == before


def test_atomic_dir_cleans_leftovers_of_killed_runs(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(done.stdout)
    stale = tmp_path / f".out.plan-analyzer-tmp-{dead}-abc"
    live = tmp_path / f".out.plan-analyzer-tmp-{os.getppid()}-abc"  # a run still going on
    other = tmp_path / ".other.plan-analyzer-tmp-1-abc"
    for folder in (stale, live, other):
        folder.mkdir()
    with atomic_dir(tmp_path / "out") as tmp:
        (tmp / "a.csv").write_text("1")
    assert not stale.exists() and live.exists() and other.exists()


# ---------------------------------------------------------------- CSV


@pytest.mark.parametrize(
    ("value", "expected"),
    [*((p, "'" + p) for p in PAYLOADS), ("开展活动", "开展活动"), ("", ""), (-2, -2), (-2.5, -2.5), (None, None),
     ("'=1", "'=1"), (" =1", " =1")],
)
def test_csv_safe(value: object, expected: object) -> None:
    assert csv_safe(value) == expected


def test_write_frame_csv_quotes_text_and_keeps_numbers(tmp_path: Path) -> None:
    frame = pd.DataFrame({
        "=单位": PAYLOADS,
        "数": [-1, -2, 3, -4, 5, -6, 7],
        "分": [-0.5, 1.5, -2.25, 0.0, 1.0, -1.0, 2.0],
        "可空": pd.array([-1, None, 2, 3, None, 4, -5], dtype="Int64"),
        "混合": ["-2+3", -2, "文字", None, "@x", 3.5, "+"],
    }, index=pd.Index(PAYLOADS, name="@名"))
    path = write_frame_csv(frame, tmp_path / "t.csv", index=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["'@名", "'=单位", "数", "分", "可空", "混合"]
    assert [r[0] for r in rows[1:]] == ["'" + p for p in PAYLOADS]
    assert [r[1] for r in rows[1:]] == ["'" + p for p in PAYLOADS]
    assert [r[2] for r in rows[1:]] == ["-1", "-2", "3", "-4", "5", "-6", "7"]  # numbers stay numbers
    assert rows[1][3] == "-0.5" and rows[2][4] == "" and rows[1][4] == "-1"
    assert [r[5] for r in rows[1:]] == ["'-2+3", "-2", "文字", "", "'@x", "3.5", "'+"]
    assert frame.index[0] == PAYLOADS[0]  # the caller's frame is not changed


# ---------------------------------------------------------------- Excel


@pytest.mark.parametrize("payload", [*PAYLOADS, "=", "==", "-", "正常文字"])
def test_append_row_writes_literal_text(tmp_path: Path, payload: str) -> None:
    wb = Workbook()
    sheet = wb.active
    assert append_row(sheet, ["表头"]) == 1
    assert append_row(sheet, [payload, -3, 2.5, None, float("nan")]) == 2
    save_workbook(wb, tmp_path / "t.xlsx")
    loaded = load_workbook(tmp_path / "t.xlsx").active
    cells = [loaded.cell(row=2, column=col) for col in range(1, 6)]
    assert cells[0].value == payload and cells[0].data_type == "s"
    assert cells[0].quotePrefix == is_dangerous(payload)
    assert (cells[1].value, cells[1].data_type, cells[2].value) == (-3, "n", 2.5)
    assert cells[3].value is None and cells[4].value is None


def test_save_workbook_turns_formulas_into_text(tmp_path: Path) -> None:
    wb = Workbook()
    sheet = wb.active
    sheet["A1"] = "=1+2"  # openpyxl's own assignment makes a formula
    sheet.append(['=HYPERLINK("http://x","y")', 5])
    assert sheet["A1"].data_type == "f"
    save_workbook(wb, tmp_path / "t.xlsx")
    loaded = load_workbook(tmp_path / "t.xlsx").active
    assert [(c.value, c.data_type) for c in loaded["A"]] == [("=1+2", "s"), ('=HYPERLINK("http://x","y")', "s")]
    assert loaded["B2"].value == 5


def test_append_frame_with_index(tmp_path: Path) -> None:
    frame = pd.DataFrame({"+甲": [1.0, -0.5]}, index=pd.Index(["=a", "b"], name="计划"))
    wb = Workbook()
    append_frame(wb.active, frame, index=True)
    save_workbook(wb, tmp_path / "t.xlsx")
    rows = [[(c.value, c.data_type) for c in row] for row in load_workbook(tmp_path / "t.xlsx").active]
    assert rows == [[("计划", "s"), ("+甲", "s")], [("=a", "s"), (1, "n")], [("b", "s"), (-0.5, "n")]]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("甲\x00\x07乙\x1b", "甲乙"), ("x" * 40000, "x" * 32767), (float("inf"), None), (pd.NA, None), (pd.NaT, None),
     (True, True), ("\t保留制表符\n", "\t保留制表符\n")],
)
def test_xlsx_value(value: object, expected: object) -> None:
    assert xlsx_value(value) == expected


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("关键性-学校", set(), "关键性-学校"),
        ("关键性-a/b\\c[1]:*?", set(), "关键性-a_b_c_1____"),
        ("'引号'", set(), "引号"),
        ("History", set(), "工作表"),
        ("", set(), "工作表"),
        ("关" * 40, set(), "关" * 31),
        ("明细", {"明细"}, "明细-2"),
        ("abc", {"ABC", "abc-2"}, "abc-3"),
        ("x" * 40, {"x" * 31}, "x" * 29 + "-2"),
    ],
)
def test_safe_sheet_title(name: str, taken: set[str], expected: str) -> None:
    title = safe_sheet_title(name, taken)
    assert title == expected and title in taken
    Workbook().create_sheet(title)  # openpyxl accepts it


# ---------------------------------------------------------------- HTML


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
        ('" onmouseover=\'x\'', "&#34; onmouseover=&#39;x&#39;"),
        ("工会 & 职工", "工会 &amp; 职工"),
        (None, ""),
        (3, "3"),
    ],
)
def test_escape_html(text: object, expected: str) -> None:
    assert escape_html(text) == expected


def test_escape_html_escapes_markup_objects_too() -> None:
    from markupsafe import Markup

    assert escape_html(Markup("<b>粗</b>")) == "&lt;b&gt;粗&lt;/b&gt;"


# ---------------------------------------------------------------- file names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("区总工会2025年工作计划", "区总工会2025年工作计划"),
        ("../../etc/passwd", "_._etc_passwd"),
        ("..", "未命名"),
        ("a/b\\c", "a_b_c"),
        ('<>:"|?*', "_______"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("Com1", "_Com1"),
        ("LPT9 .csv", "_LPT9 .csv"),
        ("console", "console"),
        ("  .hidden", "hidden"),
        ("-rf", "rf"),
        ("--", "未命名"),
        ("name. . ", "name"),
        ("区工会\r\n计划\t表", "区工会 计划 表"),
        ("a\x00b\x1bc\x7f", "abc"),
        ("gnp\u202etxt.exe", "gnptxt.exe"),  # a right-to-left override hides the real extension
        ("", "未命名"),
        ("\u3000", "未命名"),
        ("=1+2", "=1+2"),
        ("x" * 100, "x" * 80),
        ("工" * 100, "工" * 66),  # 66 × 3 bytes ≤ 200
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_safe_filename_options() -> None:
    assert safe_filename("", default="图表") == "图表"
    assert safe_filename("区总工会工作计划", max_len=4) == "区总工会"
    assert safe_filename("abc. def", max_len=4) == "abc"
    with pytest.raises(ValueError):
        safe_filename("x", default="")


def test_safe_path_unique_in_taken_and_on_disk(tmp_path: Path) -> None:
    taken: set[str] = set()
    first = safe_path(tmp_path, "关键性-学校", ".csv", taken=taken)
    second = safe_path(tmp_path, "关键性-学校", ".csv", taken=taken)
    assert (first.name, second.name) == ("关键性-学校.csv", "关键性-学校-2.csv")
    assert taken == {"关键性-学校.csv", "关键性-学校-2.csv"}
    (tmp_path / "a_b.png").write_text("")
    assert safe_path(tmp_path, "a/b", ".png").name == "a_b-2.png"
    assert safe_path(tmp_path, "x", ".png", taken={"X.PNG"}).name == "x-2.png"  # taken: compared in any case
    long = safe_path(tmp_path, "x" * 100, ".csv", taken={"x" * 80 + ".csv"})
    assert long.name == "x" * 78 + "-2.csv"
    assert first.parent == tmp_path


@pytest.mark.parametrize("suffix", ["csv", ".c/v", "./../x", ".", ".toolongsuffix"])
def test_safe_path_rejects_bad_suffixes(tmp_path: Path, suffix: str) -> None:
    with pytest.raises(ValueError):
        safe_path(tmp_path, "a", suffix)


def test_safe_path_follows_a_symlinked_folder(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    path = safe_path(tmp_path / "link", "../../x", ".csv")
    assert path.resolve().parent == real.resolve()


_FORBIDDEN = set('<>:"/\\|?*')


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_safe_filename_properties(name: str) -> None:
    result = safe_filename(name)
    assert result and len(result) <= 80 and len(result.encode("utf-8")) <= 200
    assert not _FORBIDDEN & set(result) and ".." not in result
    assert all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in result)
    assert not result.startswith((".", "-", " ")) and not result.endswith((".", " "))
    assert result.split(".")[0].strip().upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}
    assert safe_filename(result) == result  # idempotent: a safe name stays as it is


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_safe_path_stays_inside_the_folder(tmp_path_factory: pytest.TempPathFactory, name: str) -> None:
    folder = tmp_path_factory.getbasetemp() / "inside"
    folder.mkdir(exist_ok=True)
    path = safe_path(folder, name, ".csv")
    assert path.resolve().parent == folder.resolve() and path.name.endswith(".csv")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_safe_sheet_title_is_always_accepted(name: str) -> None:
    taken: set[str] = set()
    first, second = safe_sheet_title(name, taken), safe_sheet_title(name, taken)
    assert first.casefold() != second.casefold() and taken == {first, second}
    wb = Workbook()
    for title in (first, second):
        assert 0 < len(title) <= 31 and not set("[]:*?/\\") & set(title)
        assert wb.create_sheet(title).title == title  # openpyxl neither refuses nor renames it
