"""Validate corpus gold files and copies.json against the UTF-8 plan texts they quote.

Run from the repository root::

    python corpus/check_gold.py                 # every gold/*.json whose source is a UTF-8 .txt
    python corpus/check_gold.py 'b*'            # only gold files matching a glob
    python corpus/check_gold.py --scan 60 'b*'  # also list shared passages >= 60 chars not in copies.json

Checks: required keys and value types, month ranges, frequency names, and that every quoted
string (schedule text, text_contains, targets, placeholders, copy passages) occurs verbatim in
its document. Sources that are not UTF-8 text (docx, pdf, other encodings) are skipped; part A
has its own checker (``make_corpus.py --check``). Exit code 1 when a problem is found.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from analyzer.models import FREQUENCIES as FREQUENCY_NAMES
from analyzer.models import SECTION_KINDS

CORPUS = Path(__file__).resolve().parent
PLANS, GOLD, TEMPLATES = CORPUS / "plans", CORPUS / "gold", CORPUS / "templates"

DOC_KEYS = {"source", "encoding_hint", "plans"}
PLAN_KEYS = {
    "title_contains",
    "year",
    "unit",
    "top_sections",
    "schedule",
    "frequencies",
    "deadlines",
    "targets",
    "placeholders",
}
KINDS = set(SECTION_KINDS)
FREQUENCIES = set(FREQUENCY_NAMES)
SPACE_RE = re.compile(r"\s+")  # any whitespace, removed before looking for shared passages
# pinyin inserted after characters in reposted traditional texts, e.g. 計(jì)劃
PINYIN_RE = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


def _read(path: Path) -> str | None:
    """Return the text of a plain-text file as written (script unchanged): UTF-8 or, for a case
    saved in UTF-16, GB18030 or Big5, the project's decoding cascade; None when it is no text."""
    if path.suffix != ".txt":
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        pass
    from analyzer.errors import ReadError
    from analyzer.ingest.decode import decode_bytes  # GB18030 vs Big5 is the cascade's decision

    try:
        return decode_bytes(data, name=path.name).text.replace("\r\n", "\n").replace("\r", "\n")
    except ReadError:
        return None


def _reference_text(source_name: str) -> str | None:
    """The text a gold file is checked against: the UTF-8 source when the file is generated
    (GB18030, UTF-16, Big5, .docx, .pdf, GBK .html are built by make_corpus.py from corpus/sources/)."""
    stem = Path(source_name).stem
    for candidate in sorted((CORPUS / "sources").glob(stem + ".*")):
        return candidate.read_text(encoding="utf-8")
    path = PLANS / source_name
    if path.suffix.lower() in (".html", ".htm", ".docx"):
        from analyzer.ingest import read_document  # the page's or document's text as a reader sees it

        return "\n".join(read_document(path).lines)
    return _read(path)


@functools.lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    """Return a traditional-to-simplified converter (identity when opencc is missing)."""
    try:
        import opencc
    except ImportError:
        return lambda s: s
    return opencc.OpenCC("t2s").convert


def _analysis_form(text: str) -> str:
    """Simplified characters with inserted pinyin removed (the form gold strings are written in)."""
    return _t2s()(PINYIN_RE.sub("", text))


def _check_plan(plan: dict, text: str, where: str) -> list[str]:
    errors = [f"{where}: missing key {k}" for k in sorted(PLAN_KEYS - plan.keys())]
    if errors:
        return errors
    quoted: list[str] = [s["text"] for s in plan["schedule"]]
    quoted += [f["text_contains"] for f in plan["frequencies"]]
    quoted += [d["text_contains"] for d in plan["deadlines"]]
    quoted += plan["targets"] + plan["placeholders"]
    if plan["title_contains"] is not None:
        quoted.append(plan["title_contains"])
    missing = [q for q in quoted if not q or q not in text]
    if missing:
        simple = _analysis_form(text)
        missing = [q for q in missing if not q or q not in simple]
    errors += [f"{where}: not in text: {q!r}" for q in missing]
    errors += [f"{where}: bad kind {k!r}" for k in plan["top_sections"] if k not in KINDS]
    for s in plan["schedule"]:
        ms, me = s["month_start"], s["month_end"]
        if not (isinstance(ms, int) and isinstance(me, int) and 1 <= ms <= 12 and 1 <= me <= 12):
            errors.append(f"{where}: bad months {ms}-{me} for {s['text']!r}")
        if not s.get("period"):
            errors.append(f"{where}: empty period for {s['text']!r}")
    errors += [
        f"{where}: bad frequency {f['frequency']!r}"
        for f in plan["frequencies"]
        if f["frequency"] not in FREQUENCIES
    ]
    errors += [
        f"{where}: bad deadline month {d['month']!r}"
        for d in plan["deadlines"]
        if not (isinstance(d["month"], int) and 1 <= d["month"] <= 12)
    ]
    if plan["year"] is not None and not isinstance(plan["year"], int):
        errors.append(f"{where}: year must be an integer or null")
    return errors


def check_gold_files(pattern: str) -> tuple[list[str], int]:
    """Check every gold file matching ``pattern``; return (errors, number of files checked)."""
    errors: list[str] = []
    checked = 0
    for path in sorted(GOLD.glob(pattern + ".json")):
        if path.name == "copies.json":
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        missing = DOC_KEYS - gold.keys()
        if missing:
            errors.append(f"{path.name}: missing keys {sorted(missing)}")
            continue
        text = _reference_text(gold["source"])
        if text is None:
            errors.append(f"{path.name}: cannot read {gold['source']} (nor a UTF-8 source in corpus/sources/)")
            continue
        if Path(gold["source"]).stem != path.stem:
            errors.append(f"{path.name}: source {gold['source']} does not match the file name")
        checked += 1
        for i, plan in enumerate(gold["plans"], 1):
            errors += _check_plan(plan, text, f"{path.name} plan {i}")
    return errors, checked


def check_copies() -> list[str]:
    """Check gold/copies.json: files exist and every passage occurs where it should."""
    path = GOLD / "copies.json"
    if not path.exists():
        return []
    copies = json.loads(path.read_text(encoding="utf-8"))
    errors: list[str] = []
    for pair in copies["pairs"] + copies["non_copies"]:
        for side in ("a", "b"):
            if _read(PLANS / pair[side]) is None:
                errors.append(f"copies.json: cannot read {pair[side]}")
    for pair in copies["pairs"]:
        a_text = _read(PLANS / pair["a"]) or ""
        errors += [
            f"copies.json: passage not in {pair['a']}: {p!r}" for p in pair["passages"] if p not in a_text
        ]
    for tpl in copies["templates"]:
        t_text = _read(TEMPLATES / tpl["template"]) or ""
        p_text = _read(PLANS / tpl["plan"]) or ""
        errors += [
            f"copies.json: template passage not in both files: {p!r}"
            for p in tpl["passages"]
            if p not in t_text or p not in p_text
        ]
    return errors


def scan_shared(pattern: str, min_len: int) -> list[str]:
    """List file pairs sharing a whitespace-free run of ``min_len`` chars not declared as copies."""
    texts = {
        p.name: SPACE_RE.sub("", t)
        for p in sorted(PLANS.glob(pattern + ".txt"))
        if (t := _read(p)) is not None
    }
    declared: set[frozenset[str]] = set()
    copies_path = GOLD / "copies.json"
    if copies_path.exists():
        copies = json.loads(copies_path.read_text(encoding="utf-8"))
        declared = {frozenset((c["a"], c["b"])) for c in copies["pairs"]}
    grams = {name: {t[i : i + min_len] for i in range(len(t) - min_len + 1)} for name, t in texts.items()}
    return [
        f"shared passage >= {min_len} chars not in copies.json: {a} / {b}"
        for a, b in itertools.combinations(texts, 2)
        if grams[a] & grams[b] and frozenset((a, b)) not in declared
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="校验 corpus/gold 标注文件")
    parser.add_argument("pattern", nargs="?", default="*", help="gold 文件名通配符(不含 .json)")
    parser.add_argument("--scan", type=int, metavar="N", help="列出共享 N 字以上却未登记的文件对")
    args = parser.parse_args(argv)
    errors, checked = check_gold_files(args.pattern)
    errors += check_copies()
    if args.scan:
        errors += scan_shared(args.pattern, args.scan)
    for e in errors:
        print(e)
    print(f"已检查 {checked} 个标注文件,发现 {len(errors)} 个问题")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
