"""Before/after speed of each parse stage: an earlier commit against the working tree, in one process.

The package as it was at ``--against`` (default: the first commit of the speed work) is exported
with ``git archive``, imported under another name, and both versions run the same corpus text files
in interleaved rounds (the same memo caches as bench_stages.py emptied before each stage), so machine noise hits both alike.
Prints the minimum time per stage for each version and the speed-up.
Run: ``python bench/bench_ab.py [--against COMMIT] [--rounds N]``.
"""

from __future__ import annotations

import argparse
import importlib
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stages import _clear_caches  # noqa: E402

STAGES = ("read", "structure", "schedule", "tasks", "parse", "parse_no_extraction")


def _export(commit: str, target: Path) -> None:
    """The ``analyzer`` package at ``commit``, renamed ``analyzer_before``, under ``target``."""
    data = subprocess.run(["git", "archive", commit, "analyzer"], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(target, filter="data")
    package = target / "analyzer_before"
    (target / "analyzer").rename(package)
    for path in package.rglob("*.py"):
        text = re.sub(r"\banalyzer\.", "analyzer_before.", path.read_text("utf-8"))
        path.write_text(re.sub(r"\b(from|import) analyzer\b", r"\1 analyzer_before", text), "utf-8")


def _stages(name: str, paths: list[Path]) -> dict:
    ingest = importlib.import_module(f"{name}.ingest")
    pipeline = importlib.import_module(f"{name}.pipeline")
    schedule = importlib.import_module(f"{name}.extract.schedule")
    tasks = importlib.import_module(f"{name}.extract.tasks")

    def clear() -> None:
        _clear_caches(name)

    docs = [ingest.read_document(p) for p in paths]
    plans = [plan for doc in docs for plan in pipeline.plans_of(doc, extract=False)[0]]
    scheduled = [replace(plan, schedule=tuple(schedule.extract_schedule(plan))) for plan in plans]
    return {
        "clear": clear,
        "read": lambda: [ingest.read_document(p) for p in paths],
        "structure": lambda: [pipeline.plans_of(d, extract=False) for d in docs],
        "schedule": lambda: [schedule.extract_schedule(p) for p in plans],
        "tasks": lambda: [tasks.extract_tasks(p) for p in scheduled],
        "parse": lambda: [pipeline.parse_loaded(ingest.read_document(p)) for p in paths],
        "parse_no_extraction": lambda: [pipeline.parse_loaded(ingest.read_document(p), extract=False)
                                        for p in paths],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", default="6e72b81", help="the earlier commit (default: before the speed work)")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()

    paths = sorted(p for p in (ROOT / "corpus" / "plans").iterdir() if p.suffix in (".txt", ".md"))
    mb = sum(p.stat().st_size for p in paths) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        _export(args.against, Path(tmp))
        sys.path[:0] = [tmp, str(ROOT)]
        versions = {"before": _stages("analyzer_before", paths), "now": _stages("analyzer", paths)}
        times = {v: {s: [] for s in STAGES} for v in versions}
        for r in range(args.rounds):
            for version in (("before", "now") if r % 2 == 0 else ("now", "before")):
                for stage in STAGES:
                    versions[version]["clear"]()
                    start = time.process_time()
                    versions[version][stage]()
                    times[version][stage].append(time.process_time() - start)
    print(f"{len(paths)} text files, {mb:.2f} MB; {args.rounds} interleaved rounds; before = {args.against}")
    best = {v: {s: min(t) for s, t in stages.items()} for v, stages in times.items()}
    for stage in STAGES:
        b, n = best["before"][stage], best["now"][stage]
        print(f"  {stage:<20} before {b * 1e3:7.1f} ms  now {n * 1e3:7.1f} ms  speed-up {b / n:4.2f}x")
    for version, t in best.items():
        share = (t["parse"] - t["parse_no_extraction"]) / t["parse"]
        print(f"  {version:<6} parse {mb / t['parse']:.2f} MB/s, without extraction "
              f"{mb / t['parse_no_extraction']:.2f} MB/s, extraction share {100 * share:.0f} %")


if __name__ == "__main__":
    main()
