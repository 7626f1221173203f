"""Does the working tree parse exactly as an earlier commit did? (A check for output-preserving work.)

The package at ``--against`` is exported with ``git archive`` and imported under another name (as
in ``bench_ab.py``); both versions parse the same inputs and their whole ``parse`` JSON (plans,
sections, schedule, tasks, findings) is compared document by document. Inputs: every corpus file,
the user's example when ``../shared/seed`` exists, and ``--synthetic N`` documents spliced from runs
of corpus lines (deterministic from ``--seed``), so that headings, tables, time expressions and
sentences meet neighbours they never met in the corpus. Prints the documents that differ and the
first differing line of each; exit 1 when any differs.
Run: ``python bench/same_output.py [--against COMMIT] [--synthetic 400]``.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ab import _export  # noqa: E402


def _synthetic(paths: list[Path], count: int, seed: int, read_document) -> list[tuple[str, str]]:
    """``count`` documents, each a few runs of consecutive lines from random corpus documents."""
    pools = []
    for path in paths:
        try:
            lines = list(read_document(path).lines)
        except Exception:  # an unreadable corpus file only leaves the pool smaller
            continue
        if len(lines) > 3:
            pools.append(lines)
    rng = random.Random(seed)
    docs = []
    for k in range(count):
        parts: list[str] = []
        for _ in range(rng.randint(1, 6)):
            lines = rng.choice(pools)
            start = rng.randrange(len(lines))
            parts.extend(lines[start:start + rng.randint(3, 60)])
        docs.append((f"synthetic-{k:04d}.txt", "\n".join(parts)))
    return docs


def _dump(name: str, inputs: list[tuple[str, Path | str]]) -> dict[str, str]:
    pipeline = importlib.import_module(f"{name}.pipeline")
    ingest = importlib.import_module(f"{name}.ingest")
    plan_json = importlib.import_module(f"{name}.report.plan_json")
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, source in inputs:
            if isinstance(source, str):  # synthetic text: written as a UTF-8 file and read like any other
                path = Path(tmp) / label
                path.write_text(source, encoding="utf-8")
            else:
                path = source
            parsed = pipeline.parse_document(path)
            record = plan_json.document_to_dict(parsed)
            record["source"] = label
            out[label] = json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True)
        del ingest
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", default="HEAD", help="the commit whose output is the reference")
    parser.add_argument("--synthetic", type=int, default=400, help="spliced documents to add")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=10, help="differing documents to print")
    args = parser.parse_args()

    corpus = sorted(p for p in (ROOT / "corpus" / "plans").iterdir() if p.is_file())
    inputs: list[tuple[str, Path | str]] = [(p.name, p) for p in corpus]
    seed = ROOT.parent / "shared" / "seed"
    if seed.is_dir():
        inputs += [(p.name, p) for p in sorted(seed.glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        _export(args.against, Path(tmp))
        sys.path[:0] = [tmp, str(ROOT)]
        from analyzer.ingest import read_document

        texts = [p for p in corpus if p.suffix in (".txt", ".md")]
        inputs += _synthetic(texts, args.synthetic, args.seed, read_document)
        before = _dump("analyzer_before", inputs)
        now = _dump("analyzer", inputs)
    differ = [label for label, _ in inputs if before[label] != now[label]]
    for label in differ[: args.show]:
        diff = difflib.unified_diff(before[label].splitlines(), now[label].splitlines(), "before", "now",
                                    n=2, lineterm="")
        print(f"--- {label}")
        print("\n".join(list(diff)[2:40]))
    print(f"{len(inputs)} documents ({args.synthetic} synthetic) against {args.against}: "
          f"{len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
