"""Hostile input: every file of the suite alone, then the whole folder as one batch in one process."""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import Suite, check_result, run_isolated
from .make_hostile import EXPECTED, PLAN_LINES, SECRET, document_xml, docx_package, simple_pdf, stream

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork, /proc and symlinks: Linux")

PER_FILE_SECONDS = 20
BATCH_SECONDS = 120
BATCH_PEAK_BYTES = 2 << 30
#: What a folder walk may yield: the plan formats, and the office formats that get a fix-it message.
WALK_SUFFIXES = frozenset({".txt", ".md", ".docx", ".pdf", ".html", ".htm"})
REPORTED_SUFFIXES = frozenset({".doc", ".wps", ".rtf", ".odt"})
PARSED_ALONE = sorted(name for name, exp in EXPECTED.items() if exp.result is not None)


def _parse_summary(path: str) -> dict:
    from analyzer.pipeline import parse_document
    from analyzer.report.plan_json import to_json

    doc = parse_document(path)
    return {"error": doc.error, "plans": len(doc.plans), "json": to_json([doc])}


@pytest.mark.parametrize("name", PARSED_ALONE)
def test_each_file_alone_gives_plans_or_one_chinese_line(suite: Suite, name: str) -> None:
    exp = suite.expected[name]
    outcome = run_isolated(_parse_summary, str(suite.folder / name), timeout=PER_FILE_SECONDS * 2)
    assert not outcome.timed_out, f"{name!r}: parse_document still running after {PER_FILE_SECONDS * 2} s"
    assert outcome.raised is None, f"{name!r}: parse_document raised\n{outcome.raised}"
    assert outcome.seconds < PER_FILE_SECONDS, f"{name!r}: {outcome.seconds:.1f} s"
    summary = outcome.value
    check_result(name, exp, summary["error"], summary["plans"])
    if name != "link-out.txt":  # named explicitly, a link out is read: the user asked for it
        assert SECRET not in summary["json"]
    assert "root:x:0:0" not in summary["json"]


def _read_text(path: str) -> dict:
    from analyzer.errors import ReadError
    from analyzer.ingest import read_document

    try:
        doc = read_document(path)
    except ReadError as exc:
        return {"error": str(exc), "text": ""}
    return {"error": None, "text": "\n".join(doc.lines)}


@pytest.mark.parametrize("name", ["xxe.docx", "billion-laughs.docx"])
def test_no_entity_is_expanded(suite: Suite, name: str) -> None:
    outcome = run_isolated(_read_text, str(suite.folder / name), timeout=PER_FILE_SECONDS * 2)
    assert outcome.raised is None and not outcome.timed_out, outcome.raised
    text = outcome.value["text"]
    assert SECRET not in text and "root:" not in text
    assert "哈哈哈哈哈哈哈哈哈哈哈" not in text  # lol0 is ten 哈: eleven means an entity was expanded
    assert len(text) < 10_000


def _walk(folder: str) -> list[str]:
    from analyzer.ingest import iter_paths

    return [str(p) for p in iter_paths([folder])]


def test_folder_walk_keeps_plan_formats_inside_the_folder(suite: Suite) -> None:
    outcome = run_isolated(_walk, str(suite.folder), timeout=PER_FILE_SECONDS)
    assert not outcome.timed_out, "iter_paths does not finish (a symlink loop?)"
    assert outcome.raised is None, outcome.raised
    yielded = [os.path.relpath(p, suite.folder) for p in outcome.value]
    assert len(yielded) == len(set(yielded))
    for rel in yielded:
        suffix = Path(rel).suffix.lower()
        assert suffix in WALK_SUFFIXES or suffix in REPORTED_SUFFIXES, f"not a plan format: {rel!r}"
        resolved = (suite.folder / rel).resolve()
        assert resolved.is_relative_to(suite.folder.resolve()), f"left the folder: {rel!r} → {resolved}"
    for name, exp in suite.expected.items():
        if exp.walked == "yes" and exp.result is not None:
            assert name in yielded, f"not yielded: {name!r}"
        elif exp.walked == "no":
            assert name not in yielded, f"yielded: {name!r}"
            assert not any(rel.startswith(name + "/") for rel in yielded), f"walked into {name!r}"


def test_a_file_named_explicitly_is_always_tried(suite: Suite) -> None:
    from analyzer.ingest import iter_paths

    names = ("picture.png", "no-extension", ".hidden.txt", "notes.json", "missing.txt")
    named = [suite.folder / n for n in names]
    assert list(iter_paths(named)) == named


_AUDIT_HOOK = """
import os, sys

_LOG = os.environ.get("PLAN_ANALYZER_AUDIT_LOG")
_WATCHED = ("socket.", "urllib.", "http.", "subprocess.", "os.system", "os.exec", "os.posix_spawn",
            "os.spawn", "os.fork", "os.startfile", "webbrowser.", "ftplib.", "smtplib.", "telnetlib.")


def _hook(event, args):
    if _LOG and event.startswith(_WATCHED):
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(f"{event} {args!r}\\n")


sys.addaudithook(_hook)
"""
_MEASURE = """
import json, resource, subprocess, sys, time

limit, timeout, out, err = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]


def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


start = time.monotonic()
with open(out, "wb") as stdout, open(err, "wb") as stderr:
    try:
        child = subprocess.run(sys.argv[5:], stdout=stdout, stderr=stderr, preexec_fn=cap, timeout=timeout)
        code = child.returncode
    except subprocess.TimeoutExpired:
        code = None
wall = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
print(json.dumps({"code": code, "wall": wall, "peak": peak}))
"""


@pytest.fixture(scope="module")
def batch(suite: Suite, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """``plan-analyzer parse FOLDER --format json -o out.json`` run once, in one process, measured.

    A helper process runs it and reads its peak memory (``RUSAGE_CHILDREN``) and wall time; an audit
    hook (``sitecustomize``) logs every socket, subprocess and exec call the analyzer makes.
    """
    work = tmp_path_factory.mktemp("batch-run")
    (work / "hook").mkdir()
    (work / "hook" / "sitecustomize.py").write_text(_AUDIT_HOOK, encoding="utf-8")
    (work / "cwd").mkdir()
    out = work / "out.json"
    env = {**os.environ, "PLAN_ANALYZER_AUDIT_LOG": str(work / "audit.log"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(work / "hook"), os.environ.get("PYTHONPATH")]))}
    env.pop("PLAN_ANALYZER_LIMITS", None)
    command = [sys.executable, "-m", "analyzer", "parse", str(suite.folder), "--format", "json", "-o", str(out)]
    # -I: the helper itself runs without the hook (only the analyzer's calls are logged).
    measure = [sys.executable, "-I", "-c", _MEASURE, str(6 << 30), str(BATCH_SECONDS * 2),
               str(work / "stdout"), str(work / "stderr"), *command]
    done = subprocess.run(measure, capture_output=True, text=True, env=env, cwd=work / "cwd",
                          timeout=BATCH_SECONDS * 3)
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout.strip().splitlines()[-1])
    audit = work / "audit.log"
    return {
        **stats,
        "out": out.read_text("utf-8") if out.exists() else "",
        "stdout": (work / "stdout").read_text("utf-8", errors="replace"),
        "stderr": (work / "stderr").read_text("utf-8", errors="replace"),
        "audit": audit.read_text("utf-8") if audit.exists() else "",
        "cwd": work / "cwd",
    }


@pytest.mark.slow  # the batch takes about 30 s
def test_batch_finishes_in_bounded_time_and_memory(batch: dict) -> None:
    assert batch["code"] is not None, f"the batch was still running after {BATCH_SECONDS * 2} s"
    assert batch["wall"] < BATCH_SECONDS, f"{batch['wall']:.0f} s"
    assert batch["peak"] < BATCH_PEAK_BYTES, f"peak memory {batch['peak'] / 2**20:.0f} MiB"
    assert batch["code"] == 0, batch["stderr"][-3000:]


def _documents(batch: dict, folder: Path) -> dict[str, dict]:
    assert batch["out"], f"no output written\n{batch['stderr'][-3000:]}"
    docs = json.loads(batch["out"])["documents"]
    return {os.path.relpath(d["source"], folder): d for d in docs}


@pytest.mark.slow  # the batch takes about 30 s
def test_batch_parses_every_good_file_and_names_every_bad_one(batch: dict, suite: Suite) -> None:
    docs = _documents(batch, suite.folder)
    for name, exp in suite.expected.items():
        if exp.result is None or exp.walked == "no":
            continue
        doc = docs.get(name)
        if doc is None:
            assert exp.walked == "maybe", f"missing from the output: {name!r}"
            continue
        check_result(name, exp, doc["error"], len(doc["plans"]))
        if doc["error"]:  # reported on one line of its own, with the file's name
            shown = (Path(name).name, Path(name).name.replace("\n", "\\n"))
            lines = [line for line in batch["stderr"].splitlines() if doc["error"] in line]
            assert any(n in line for line in lines for n in shown), f"{name!r}: not reported with its reason"
    for rel in docs:
        assert rel in suite.expected or rel.startswith("深/up/"), f"unexpected document {rel!r}"
    for name, exp in suite.expected.items():
        if exp.walked == "no":
            assert name not in docs and not any(rel.startswith(name + "/") for rel in docs), name


@pytest.mark.slow  # the batch takes about 30 s
def test_batch_leaks_nothing_and_runs_nothing(batch: dict, suite: Suite) -> None:
    for stream_name in ("out", "stdout", "stderr"):
        assert SECRET not in batch[stream_name], f"the secret outside the folder leaked into {stream_name}"
        assert "root:x:0:0" not in batch[stream_name]
    assert batch["audit"] == "", f"network or process calls:\n{batch['audit'][:3000]}"
    for made in ("x", "y", "b"):  # $(touch x), `touch y`, rm -rf b
        assert not (batch["cwd"] / made).exists() and not (suite.folder / made).exists()
    assert sorted(p.name for p in suite.outside.iterdir()) == ["secret.txt"]


def _serve_nothing() -> socket.socket:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.setblocking(False)
    return server


def test_reading_never_touches_the_network(tmp_path: Path) -> None:
    server = _serve_nothing()
    url = f"http://127.0.0.1:{server.getsockname()[1]}/"
    external_dtd = f'<!DOCTYPE w:document SYSTEM "{url}dtd">'
    entity = f'<!DOCTYPE w:document [<!ENTITY net SYSTEM "{url}entity">]>'
    files = {
        "dtd.docx": docx_package(document_xml(PLAN_LINES, prolog=external_dtd)),
        "entity.docx": docx_package(document_xml([PLAN_LINES[0], "&net;", *PLAN_LINES[1:]], prolog=entity)
                                    .replace(b"&amp;net;", b"&net;")),
        "remote.html": (f'<html><head><link rel="stylesheet" href="{url}css"><script src="{url}js"></script>'
                        f'<meta http-equiv="refresh" content="0;url={url}refresh"><base href="{url}"></head>'
                        f'<body><img src="{url}img"><iframe src="{url}frame"></iframe><object data="{url}obj">'
                        f"</object>{''.join(f'<p>{line}</p>' for line in PLAN_LINES)}</body></html>").encode(),
        "actions.pdf": simple_pdf([
            b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R /AA << /WC 5 0 R >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R >>",
            b"<< /Type /Action /S /URI /URI (%sdoc) >>" % url.encode(),
            b"<< /Type /Action /S /Launch /F << /Type /Filespec /FS /URL /F (%slaunch) >> >>" % url.encode(),
            stream(b"BT /F1 12 Tf 72 720 Td (Plan) Tj ET"),
        ]),
    }
    try:
        for name, data in files.items():
            (tmp_path / name).write_bytes(data)
            outcome = run_isolated(_parse_summary, str(tmp_path / name), timeout=PER_FILE_SECONDS)
            assert outcome.raised is None and not outcome.timed_out, outcome.raised
            with pytest.raises(BlockingIOError):
                server.accept()[0].close()
    finally:
        server.close()


FORMULA_PLAN = textwrap.dedent("""\
    =cmd|' /C calc'!A0区总工会2025年工作计划
    一、工作安排
    1、3月：=HYPERLINK("http://example.invalid","点击")召开职工代表大会。
    2、4月：+SUM(1,2)开展劳动竞赛。
    3、5月：@SUM(1)组织职工运动会。
    4、7月：=1+2组织职工疗休养。
""")
_FORMULA_START = ("=", "+", "@")


@pytest.mark.parametrize("file_name", ["计划.txt", "=1+2.txt"])
def test_spreadsheets_hold_no_formula_from_the_input(tmp_path: Path, file_name: str) -> None:
    from click.testing import CliRunner
    from openpyxl import load_workbook

    from analyzer.cli import main

    plan = tmp_path / file_name
    plan.write_text(FORMULA_PLAN, encoding="utf-8")
    runner = CliRunner()
    for out in ("日程.xlsx", "日程.csv"):
        result = runner.invoke(main, ["schedule", str(plan), "-o", str(tmp_path / out)])
        assert result.exit_code == 0, result.output
    cells = [c for ws in load_workbook(tmp_path / "日程.xlsx") for row in ws.iter_rows() for c in row]
    assert any("召开职工代表大会" in str(c.value) for c in cells)  # the items are there …
    formulas = [(c.coordinate, c.value) for c in cells if c.data_type == "f"]
    assert formulas == [], f"formula cells: {formulas}"  # … as text
    with (tmp_path / "日程.csv").open(encoding="utf-8-sig", newline="") as fh:
        fields = [field for row in csv.reader(fh) for field in row]
    assert [f for f in fields if f.startswith(_FORMULA_START)] == []


def test_an_interrupted_output_leaves_the_previous_file_whole(tmp_path: Path) -> None:
    from analyzer.errors import AnalyzerError
    from analyzer.report.atomic import write_atomic_with

    target = tmp_path / "结果.json"
    target.write_text("旧的结果", encoding="utf-8")

    def fail_half_way(fh) -> None:
        fh.write("新的".encode())
        raise OSError("disk full")

    with pytest.raises((OSError, AnalyzerError)):
        write_atomic_with(target, fail_half_way)
    assert target.read_text("utf-8") == "旧的结果"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["结果.json"]
