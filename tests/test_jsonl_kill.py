"""``parse --format jsonl -o FILE`` killed (SIGKILL) at random moments leaves whole JSON lines only."""

from __future__ import annotations

import fcntl
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import CORPUS

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")

FILES, KILLS, SEED = 40, 20, 20240610
POLL_SECONDS = 0.005


def _batch(folder: Path) -> None:
    """FILES plan files: the corpus's UTF-8 .txt plans, two joined per file (a heavier, longer run)."""
    texts = []
    for path in sorted((CORPUS / "plans").glob("*.txt")):
        try:
            texts.append(path.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:  # other encodings cannot be joined byte-wise
            continue
    assert len(texts) >= 10
    for i in range(FILES):
        first, second = texts[i % len(texts)], texts[(7 * i + 3) % len(texts)]
        (folder / f"计划{i:02d}.txt").write_text(f"{first}\n\n{second}", encoding="utf-8")


def _start(folder: Path, out: Path) -> subprocess.Popen:
    out.unlink(missing_ok=True)  # a run killed before it opens the file must not leave the last run's lines
    command = [sys.executable, "-m", "analyzer", "parse", str(folder), "--format", "jsonl", "-o", str(out)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _lines(out: Path) -> list[bytes]:
    """The file's lines; fails unless the file is absent, empty or ends with a newline.

    The reader takes a shared lock first, as the writer's protocol asks: the helper process that
    writes the lines holds an exclusive lock while it writes one.
    """
    if not out.exists():
        return []
    with out.open("rb") as fh:
        fcntl.flock(fh, fcntl.LOCK_SH)
        data = fh.read()
    assert not data or data.endswith(b"\n"), f"a partial last line: {data[-80:]!r}"
    return data.split(b"\n")[:-1]


def test_a_killed_jsonl_run_leaves_whole_lines_only(tmp_path: Path) -> None:
    folder = tmp_path / "计划"
    folder.mkdir()
    _batch(folder)
    out = tmp_path / "结果.jsonl"

    # one full run, watched: when the first line appears and when the run ends
    started, first = time.monotonic(), None
    process = _start(folder, out)
    while process.poll() is None:
        if first is None and out.exists() and out.stat().st_size:
            first = time.monotonic() - started
        time.sleep(POLL_SECONDS)
    duration = time.monotonic() - started
    assert process.returncode == 0
    reference = _lines(out)
    assert len(reference) == FILES
    assert [json.loads(line)["source"] for line in reference] == sorted(str(p) for p in folder.iterdir())
    first = duration / 2 if first is None else first

    rng = random.Random(SEED)
    cut_short = 0
    for _ in range(KILLS):
        delay = rng.uniform(0.8 * first, duration)  # spread over the part of the run that writes
        process = _start(folder, out)
        time.sleep(delay)
        process.kill()
        process.wait()
        lines = _lines(out)
        for line in lines:
            json.loads(line)  # every line is a whole JSON document …
        assert lines == reference[:len(lines)]  # … the same as in the full run, in order
        cut_short += 0 < len(lines) < FILES
    assert cut_short, "no kill landed while lines were being written; the test proved nothing"
