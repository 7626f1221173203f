"""Benchmark: our segmenter's throughput against plain ``jieba.lcut`` on the same text, same process.

Run: ``python bench/bench_segment.py [--repeat 20]``. The text is the user's example when present
(../shared/seed), else synthetic plans; both tokenizers are loaded before timing.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import jieba

from analyzer.text.segment import get_segmenter

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0652916cca44b76f.txt"


def sample_text() -> str:
    if SEED.exists():
        return SEED.read_text(encoding="utf-8")
    from bench_compare import make_corpus  # type: ignore[import-not-found]

    plans, _ = make_corpus(20, 0)
    return "\n".join(p.text for p in plans)


def rate(fn, text: str, repeat: int) -> float:
    """Megabytes (UTF-8) per second of ``fn`` over ``text`` repeated ``repeat`` times (best of 3)."""
    size = len(text.encode("utf-8")) * repeat / 1e6
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeat):
            fn(text)
        best = min(best, time.perf_counter() - start)
    return size / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    text = sample_text()
    jieba.setLogLevel(logging.WARNING)  # the benchmark owns its process; quiet jieba's own loader
    jieba.lcut("预热")
    seg = get_segmenter()
    seg.tokens("预热")
    plain = rate(jieba.lcut, text, args.repeat)
    words = rate(seg.words, text, args.repeat)
    tokens = rate(seg.tokens, text, args.repeat)
    print(f"text: {len(text):,} characters × {args.repeat}")
    print(f"jieba.lcut:          {plain:.3f} MB/s")
    print(f"Segmenter.words:     {words:.3f} MB/s  (ratio {words / plain:.2f})")
    print(f"Segmenter.tokens:    {tokens:.3f} MB/s  (ratio {tokens / plain:.2f})")


if __name__ == "__main__":
    main()
