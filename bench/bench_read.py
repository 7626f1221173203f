"""Reading-stage speed on plain text: ``read_document`` over the corpus's .txt/.md files and the seed.

Times ``analyzer.ingest.read_document`` (decode + split + normalise + traditional check) against a
baseline measured in the same process (``Path.read_text`` + ``str.splitlines`` of the same files),
with ``time.process_time``, best of ``--runs`` runs of ``--rounds`` passes each, and prints MB/s
and the ratio. Run: ``python bench/bench_read.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = Path("/work/shared/seed/000_0652916cca44b76f.txt")


def _paths() -> list[Path]:
    from analyzer.ingest import iter_paths

    paths = [p for p in iter_paths([ROOT / "corpus" / "plans"]) if p.suffix in (".txt", ".md")]
    if SEED.exists():
        paths.append(SEED)
    return paths


def _best(func: Callable[[], None], runs: int) -> float:
    """Best process time of ``runs`` calls (the reading stage keeps no per-document memo caches)."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        func()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10, help="passes over the files per run")
    parser.add_argument("--runs", type=int, default=7, help="runs; the best one counts")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))  # time this checkout's analyzer, not an installed copy

    import analyzer
    from analyzer.ingest import read_document

    paths = _paths()
    size = sum(p.stat().st_size for p in paths) * args.rounds / 1e6
    for path in paths:  # warm up lazy imports and tables (OpenCC, encoding-score tables)
        read_document(path)

    def baseline() -> None:
        for _ in range(args.rounds):
            for path in paths:
                try:
                    path.read_text(encoding="utf-8").splitlines()
                except UnicodeDecodeError:
                    path.read_bytes().decode("gb18030", errors="replace").splitlines()

    def reading() -> None:
        for _ in range(args.rounds):
            for path in paths:
                read_document(path)

    t_base = _best(baseline, args.runs)
    t_read = _best(reading, args.runs)
    print(f"{analyzer.__file__}: {len(paths)} files, {size:.2f} MB per run (best of {args.runs})")
    print(f"baseline read_text+splitlines  {size / t_base:8.1f} MB/s")
    print(f"read_document                  {size / t_read:8.1f} MB/s   ({t_read / t_base:.1f}x baseline time)")


if __name__ == "__main__":
    main()
