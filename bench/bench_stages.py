"""Time of each parse stage over the bundled corpus, and the share of schedule + task extraction.

Reads every corpus document once (so the stages are timed on the same Documents), repeats the
corpus until about ``--mb`` megabytes of input bytes have been processed, and prints seconds and
MB/s per stage and the share extraction takes of parse's total time (issue: ≤ 20 %).
Run: ``python bench/bench_stages.py``.
"""

from __future__ import annotations

import argparse
import importlib
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# The memo caches of pure functions over document text, as (module, function): emptied between
# rounds so that repeats cost what new documents cost. Caches of constant tables (anchor masks,
# pattern sets, character sets) are built once per process, as in real use, and stay. Names of
# earlier versions stay listed (bench_ab.py compares against old commits; a name missing from a
# version is skipped).
MEMO_CACHES = (
    ("extract.timeexpr", "_find_times"), ("extract.timeexpr", "period_heading"), ("extract.units", "sentences"),
    ("extract.tasks", "sentence_parts"), ("extract.tasks", "sentence_fields"),
    ("structure.kinds", "match_kind"), ("structure.kinds", "is_section_name"),
    ("structure.numbering", "numeral_value"),
)


def _clear_caches(package: str = "analyzer") -> None:
    """Empty the memo caches of ``package`` (an older copy may lack some of them or not memoise them)."""
    for module, name in MEMO_CACHES:
        function = getattr(importlib.import_module(f"{package}.{module}"), name, None)
        clear = getattr(function, "cache_clear", None)  # (not memoised in an older copy)
        if clear is not None:
            clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--text-only", action="store_true",
                        help="only .txt/.md files (leave out the docx/pdf/html libraries' own parsing time)")
    args = parser.parse_args()

    from analyzer.audit.placeholders import find_placeholders
    from analyzer.extract.schedule import extract_schedule
    from analyzer.extract.tasks import extract_tasks
    from analyzer.ingest import iter_paths, read_document
    from analyzer.pipeline import plans_of

    paths = [p for p in iter_paths([ROOT / "corpus" / "plans"])
             if not args.text_only or p.suffix in (".txt", ".md")]
    size = sum(p.stat().st_size for p in paths) / 1e6
    rounds = max(1, round(args.mb / size))
    t_read = t_structure = t_schedule = t_tasks = 0.0
    plans = items = tasks = 0
    for _ in range(rounds):
        _clear_caches()  # every round must cost what a fresh batch of documents costs
        for path in paths:
            start = time.perf_counter()
            doc = read_document(path)
            t_read += time.perf_counter() - start
            start = time.perf_counter()
            parsed, _findings = plans_of(doc, extract=False)
            for plan in parsed:
                find_placeholders(plan.text_lines)
            t_structure += time.perf_counter() - start
            for plan in parsed:
                start = time.perf_counter()
                plan = replace(plan, schedule=tuple(extract_schedule(plan)))
                t_schedule += time.perf_counter() - start
                start = time.perf_counter()
                found = extract_tasks(plan)
                t_tasks += time.perf_counter() - start
                plans += 1
                items += len(plan.schedule)
                tasks += len(found)
    mb = size * rounds
    total = t_read + t_structure + t_schedule + t_tasks
    print(f"input: {len(paths)} files × {rounds} rounds = {mb:.2f} MB; {plans} plans, {items} schedule items, {tasks} tasks")
    for name, t in (("read + normalise", t_read), ("split + outline + meta", t_structure),
                    ("schedule extraction", t_schedule), ("task extraction", t_tasks)):
        print(f"{name:<24} {t:6.2f} s  {mb / t:7.2f} MB/s  {100 * t / total:5.1f} %")
    print(f"{'parse total':<24} {total:6.2f} s  {mb / total:7.2f} MB/s")
    print(f"parse without extraction: {mb / (t_read + t_structure):.2f} MB/s")
    print(f"extraction share of parse: {100 * (t_schedule + t_tasks) / total:.1f} % (target ≤ 20 %)")


if __name__ == "__main__":
    main()
