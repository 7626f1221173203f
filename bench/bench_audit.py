"""Cold-start time and peak memory of ``plan-analyzer audit`` on the bundled corpus (the main job).

Each run is a fresh process (interpreter start-up, imports, reading, parsing, the audit, the report,
the workbook and every letter), its output folder new; figures are min / median / max of the runs,
with ``python -c pass`` as the start-up baseline. The issue's bound: under 20 seconds.
Run: ``python bench/bench_audit.py [--runs 3] [FOLDER]``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "corpus" / "plans"


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and the child's peak memory (MB) of one run; a failed run stops the bench."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench_audit: the command failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return took, max(peak, before) / 1024


def spread(values: list[float]) -> str:
    return f"min {min(values):6.2f}  median {statistics.median(values):6.2f}  max {max(values):6.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.folder.is_dir() or not any(args.folder.iterdir()):
        sys.exit(f"bench_audit: no input folder at {args.folder}: the bench needs the bundled corpus")
    if args.runs < 3:
        sys.exit("bench_audit: at least 3 runs")
    python = sys.executable
    base = [timed([python, "-c", "pass"])[0] for _ in range(args.runs)]
    walls, peaks = [], []
    for _ in range(args.runs):
        out = Path(tempfile.mkdtemp(prefix="bench-audit-")) / "审核结果"
        try:
            wall, peak = timed([python, "-m", "analyzer", "audit", str(args.folder), "-o", str(out)])
            letters = len(list((out / "意见").glob("*.docx")))
        finally:
            shutil.rmtree(out.parent, ignore_errors=True)
        walls.append(wall)
        peaks.append(peak)
    files = sum(1 for p in args.folder.rglob("*") if p.is_file())
    print(f"audit of {args.folder} ({files} files, {letters} letters), {args.runs} fresh processes")
    print(f"python -c pass (s):   {spread(base)}")
    print(f"audit wall time (s):  {spread(walls)}   (bound: < 20 s)")
    print(f"peak memory (MB):     {spread(peaks)}")


if __name__ == "__main__":
    main()
