"""Parsing throughput (read → normalise → split → outline → extract, no word segmentation).

Prints the parse without extraction (reading, splitting, outline, section kinds, metadata and
placeholders: the parsing of issue 2, target ≥ 5 MB/s on one core) and the whole parse with
schedule and task extraction.

Builds a large text from the bundled corpus (UTF-8 text files, repeated), writes it to a temporary
file and parses it; prints MB/s and the ratio against plain ``jieba.lcut`` over the same text in
the same process (the baseline every Chinese-text tool pays). Run: ``python bench/bench_parse.py``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_text(target_mb: float) -> str:
    """Concatenated UTF-8 corpus plans, repeated up to about ``target_mb`` megabytes."""
    parts = []
    for path in sorted((ROOT / "corpus" / "plans").glob("*.txt")):
        try:
            parts.append(path.read_text("utf-8"))
        except UnicodeDecodeError:
            continue
    block = "\n\n".join(parts)
    size = len(block.encode("utf-8"))
    return "\n\n".join([block] * max(1, int(target_mb * 1e6 / size)))


def timed(fn, *args, repeat: int = 1, **kwargs):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="size of the generated input in MB")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from analyzer.ingest import read_document
    from analyzer.pipeline import parse_document, parse_loaded

    text = corpus_text(args.mb)
    mb = len(text.encode("utf-8")) / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.txt"
        path.write_text(text, encoding="utf-8")
        t_read, doc = timed(read_document, path, repeat=args.repeat)
        t_structure, _ = timed(parse_loaded, doc, extract=False, repeat=args.repeat)
        t_foundation, _ = timed(parse_document, path, extract=False, repeat=args.repeat)
        t_full, parsed = timed(parse_document, path, repeat=args.repeat)
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    sample = text[: len(text) // 10]  # jieba is slow: time a tenth and scale
    t_jieba, _ = timed(tokenizer.lcut, sample)
    t_jieba *= len(text) / len(sample)

    plans = len(parsed.plans)
    items = sum(len(p.schedule) for p in parsed.plans)
    print(f"input: {mb:.2f} MB, {len(doc.lines):,} lines, {plans:,} plans, {items:,} schedule items")
    print(f"read + normalise:            {t_read:6.2f} s  {mb / t_read:7.2f} MB/s")
    print(f"split + outline (no extract): {t_structure:6.2f} s  {mb / t_structure:7.2f} MB/s")
    print(f"parse without extraction:    {t_foundation:6.2f} s  {mb / t_foundation:7.2f} MB/s"
          "  (read → outline → metadata → placeholders: parsing as issue 2 defines it; target ≥ 5 MB/s)")
    print(f"parse total (read..extract): {t_full:6.2f} s  {mb / t_full:7.2f} MB/s")
    print(f"baseline jieba.lcut:         {t_jieba:6.2f} s  {mb / t_jieba:7.2f} MB/s")
    print(f"ratio parse total / jieba.lcut speed: {t_jieba / t_full:.1f}x faster")


if __name__ == "__main__":
    main()
