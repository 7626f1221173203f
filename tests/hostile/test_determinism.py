"""Determinism: the same input gives the same JSON, across processes (hash seeds), repeats and orders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.pipeline import parse_paths
from analyzer.report.plan_json import to_json

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


def _corpus_files() -> list[str]:
    """Every .txt of the corpus, and its .docx, .pdf and .html plans, relative to the repository."""
    others = (p for p in (CORPUS / "plans").iterdir() if p.suffix in (".docx", ".pdf", ".html"))
    files = [*CORPUS.rglob("*.txt"), *others]
    return sorted(str(p.relative_to(ROOT)) for p in files)


FILES = _corpus_files()


def _first_difference(a: str, b: str) -> str:
    """The source of the first document whose JSON differs (for the failure message)."""
    docs_a, docs_b = json.loads(a)["documents"], json.loads(b)["documents"]
    if len(docs_a) != len(docs_b):
        return f"{len(docs_a)} documents vs {len(docs_b)}"
    for x, y in zip(docs_a, docs_b, strict=True):
        if x != y:
            return x["source"]
    return "(layout only)"


def test_the_corpus_gives_the_same_json_in_two_processes(tmp_path: Path) -> None:
    """Two processes with different hash seeds (set and dict orders differ between them)."""
    assert len(FILES) > 100
    runs = []
    for seed in ("0", "2025"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("PLAN_ANALYZER_LIMITS", None)
        out = tmp_path / f"seed-{seed}.json"
        command = [sys.executable, "-m", "analyzer", "parse", *FILES, "--format", "json", "-o", str(out)]
        runs.append((out, subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.PIPE, text=True)))
    for _out, proc in runs:
        _stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr[-2000:]
    first, second = (out.read_text("utf-8") for out, _proc in runs)
    assert json.loads(first)["documents"] and all(d["error"] is None for d in json.loads(first)["documents"])
    assert first == second, f"differs first at {_first_difference(first, second)}"


PATHS = [ROOT / f for f in FILES]


@pytest.fixture(scope="module")
def in_process() -> tuple[str, str]:
    """The corpus parsed twice in this process."""
    return to_json(parse_paths(PATHS)), to_json(parse_paths(PATHS))


def test_a_repeat_in_the_same_process_gives_the_same_json(in_process: tuple[str, str]) -> None:
    first, second = in_process
    assert first == second, f"differs first at {_first_difference(first, second)}"


def test_a_document_does_not_depend_on_the_ones_parsed_before_it(in_process: tuple[str, str]) -> None:
    backwards = {d.source: to_json([d]) for d in parse_paths(reversed(PATHS))}
    forwards = {d["source"]: d for d in json.loads(in_process[0])["documents"]}
    assert sorted(forwards) == sorted(backwards)
    changed = [s for s, text in backwards.items() if json.loads(text)["documents"][0] != forwards[s]]
    assert changed == [], f"parsed after other documents, these differ: {changed[:5]}"
