"""Latency of ``plan-analyzer parse`` on one ordinary file, interpreter start-up included.

Runs the command several times in fresh processes and prints the median wall time, with and
without ``--keywords``, next to the start-up of a bare ``python -c pass`` as the baseline.
Run: ``python bench/bench_cli.py [FILE]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "corpus" / "plans" / "b01-district-union-2025.txt"


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    python = sys.executable
    base = median_seconds([python, "-c", "pass"], args.runs)
    parse = median_seconds([python, "-m", "analyzer", "parse", str(args.file)], args.runs)
    text = median_seconds([python, "-m", "analyzer", "parse", str(args.file), "--format", "text"], args.runs)
    keywords = median_seconds([python, "-m", "analyzer", "parse", str(args.file), "--keywords"], args.runs)
    size = args.file.stat().st_size / 1024
    print(f"file: {args.file.name} ({size:.1f} KB), median of {args.runs} runs")
    print(f"python -c pass (baseline):     {base:5.2f} s")
    print(f"parse (JSON):                  {parse:5.2f} s  ({parse / base:.1f}× baseline; target < 1 s)")
    print(f"parse --format text:           {text:5.2f} s")
    print(f"parse --keywords (loads jieba): {keywords:5.2f} s")


if __name__ == "__main__":
    main()
