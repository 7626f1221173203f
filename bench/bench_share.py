"""Share of schedule + task extraction in the ``parse`` command's total time on the corpus.

Runs ``plan-analyzer parse corpus/plans -o <tmp>.json`` in this process (the command's own code:
reading every format, splitting, outline, extraction, JSON serialisation and the atomic write),
with timers around the two extraction calls of the pipeline. Interpreter start-up and imports are
left out (they would only lower the share), and the memo caches are emptied before every run so
each run costs what a fresh batch costs. Prints the best of ``--repeat`` runs.
Run: ``python bench/bench_share.py [--text-only]``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_stages import _clear_caches  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--text-only", action="store_true", help="only the corpus's .txt/.md files")
    args = parser.parse_args()

    from analyzer import pipeline
    from analyzer.cli import main as cli

    spent = [0.0]

    def timed(fn):
        def wrapper(*a, **k):
            start = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                spent[0] += time.perf_counter() - start
        return wrapper

    pipeline.extract_schedule = timed(pipeline.extract_schedule)
    pipeline.extract_tasks = timed(pipeline.extract_tasks)

    with tempfile.TemporaryDirectory() as tmp:
        source = ROOT / "corpus" / "plans"
        if args.text_only:
            source = Path(tmp) / "plans"
            source.mkdir()
            for path in (ROOT / "corpus" / "plans").iterdir():
                if path.suffix in (".txt", ".md"):
                    shutil.copy(path, source / path.name)
        size = sum(p.stat().st_size for p in source.iterdir()) / 1e6
        files = len(list(source.iterdir()))
        out = Path(tmp) / "parsed.json"
        runs = []
        for _ in range(args.repeat):
            _clear_caches()
            spent[0] = 0.0
            start = time.perf_counter()
            cli.main(["parse", str(source), "-o", str(out)], standalone_mode=False)
            total = time.perf_counter() - start
            runs.append((total, spent[0]))
    total, extraction = min(runs)
    share = 100 * extraction / total
    print(f"corpus: {files} files, {size:.2f} MB{' (text files only)' if args.text_only else ' (all formats)'};"
          f" best of {args.repeat} runs")
    print(f"parse total        {total:6.3f} s  {size / total:5.2f} MB/s")
    print(f"extraction         {extraction:6.3f} s  {share:5.1f} % of parse (target ≤ 20 %)")
    print(f"all but extraction {total - extraction:6.3f} s  {size / (total - extraction):5.2f} MB/s")


if __name__ == "__main__":
    main()
