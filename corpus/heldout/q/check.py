"""Check the gold files of held-out set Q against their documents (independent of the parser).

Run: python /work/heldout/q/check.py [--selftest]
"""

from __future__ import annotations

import copy
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLANS = HERE / "plans"
GOLD = HERE / "gold"

KINDS = {"preamble", "review", "guiding_ideology", "goals", "organization", "main_tasks",
         "measures", "schedule", "other"}
FREQS = {"weekly", "monthly", "quarterly", "semesterly", "half_yearly", "yearly", "once"}
PLAN_KEYS = {"title_contains", "year", "unit", "top_sections", "schedule", "frequencies",
             "deadlines", "targets", "placeholders"}

TOP_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|【[一二三四五六七八九十]{1,3}】)")
CHROME_START = re.compile(r"^\s*(?:相关文章|相关推荐|【写作指导】|- END -|上一篇|【打印本页】)")
BLOCK_TAGS = {"p", "td", "th", "li", "h1", "h2", "h3", "h4", "div", "br", "tr", "title"}


class _HtmlLines(HTMLParser):
    """Visible text of an HTML page, one entry per block element; the head is skipped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.skip = 0
        self.tops: list[bool] = []

    def _flush(self) -> None:
        text = "".join(self.buf).replace("\xa0", " ").strip()
        if text:
            self.lines.append(text)
        self.buf = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.skip += 1
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.skip -= 1
        if tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self.skip:
            self.buf.append(data)


def doc_lines(path: Path, hint: str) -> tuple[list[str], list[bool]]:
    """Return (lines, is_top_heading) for a document, read as a person would see it."""
    if path.suffix == ".docx":
        from docx import Document

        doc = Document(str(path))
        lines, tops = [], []
        body = doc.element.body
        for child in body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                from docx.text.paragraph import Paragraph

                para = Paragraph(child, doc)
                if para.text.strip():
                    lines.append(para.text)
                    tops.append(para.style.name == "Heading 1")
            elif tag == "tbl":
                from docx.table import Table

                table = Table(child, doc)
                for row in table.rows:
                    seen = []
                    for cell in row.cells:
                        if cell._tc in seen:
                            continue
                        seen.append(cell._tc)
                        for para in cell.paragraphs:
                            if para.text.strip():
                                lines.append(para.text)
                                tops.append(False)
        return lines, tops
    raw = path.read_bytes()
    text = raw.decode(hint, errors="strict")
    if path.suffix == ".html":
        meta = re.search(r'<meta[^>]+charset="?([\w-]+)', text, re.IGNORECASE)
        assert meta and meta.group(1).lower().replace("-", "") == hint.replace("-", ""), "meta charset"
        parser = _HtmlLines()
        parser.feed(text)
        parser._flush()
        lines = [html.unescape(x) for x in parser.lines]
        return lines, [bool(TOP_HEADING.match(x)) for x in lines]
    lines = text.split("\n")
    return lines, [bool(TOP_HEADING.match(x)) for x in lines]


def check_one(gold: dict, gold_name: str) -> list[str]:
    """Return the problems found in one gold file."""
    errs: list[str] = []
    stem = Path(gold_name).stem
    src = PLANS / gold.get("source", "")
    if set(gold) != {"source", "encoding_hint", "plans"}:
        errs.append(f"top-level keys {sorted(gold)}")
        return errs
    if Path(gold["source"]).stem != stem or not src.exists():
        errs.append(f"source {gold['source']} missing or misnamed")
        return errs
    try:
        lines, tops = doc_lines(src, gold["encoding_hint"])
    except (UnicodeDecodeError, LookupError, AssertionError) as exc:
        errs.append(f"cannot read with {gold['encoding_hint']}: {exc}")
        return errs
    # plan regions start at each plan's title line
    starts, pos = [], 0
    for i, plan in enumerate(gold["plans"]):
        tc = plan.get("title_contains")
        found = next((k for k in range(pos, len(lines)) if tc and tc in lines[k]), None)
        if found is None:
            errs.append(f"plan {i + 1}: title_contains {tc!r} not found after line {pos}")
            found = pos
        starts.append(0 if i == 0 else found)
        pos = found + 1
    bounds = list(zip(starts, [*starts[1:], len(lines)], strict=False))
    for i, plan in enumerate(gold["plans"]):
        tag = f"plan {i + 1}"
        if set(plan) != PLAN_KEYS:
            errs.append(f"{tag}: keys {sorted(set(plan) ^ PLAN_KEYS)}")
            continue
        lo, hi = bounds[i]
        region = lines[lo:hi]

        def present(s: str, what: str, region: list[str] = region, tag: str = tag) -> None:
            if not isinstance(s, str) or not s or not any(s in ln for ln in region):
                errs.append(f"{tag}: {what} {s!r} not on one line of its plan")

        if plan["year"] is not None and not isinstance(plan["year"], int):
            errs.append(f"{tag}: year type")
        if plan["unit"] is not None:
            present(plan["unit"], "unit")
        if plan["title_contains"] is not None:
            present(plan["title_contains"], "title")
        for kind in plan["top_sections"]:
            if kind not in KINDS:
                errs.append(f"{tag}: unknown kind {kind}")
        end = next((k for k in range(lo, hi) if CHROME_START.match(lines[k])), hi)
        n_tops = sum(tops[lo:end])
        if n_tops != len(plan["top_sections"]):
            errs.append(f"{tag}: {n_tops} top headings in text, {len(plan['top_sections'])} in gold")
        for item in plan["schedule"]:
            if set(item) != {"month_start", "month_end", "period", "text"}:
                errs.append(f"{tag}: schedule keys {sorted(item)}")
                continue
            a, b = item["month_start"], item["month_end"]
            if not (isinstance(a, int) and isinstance(b, int) and 1 <= a <= b <= 12):
                errs.append(f"{tag}: bad months {a}-{b} for {item['text']!r}")
            present(item["period"], "period")
            present(item["text"], "text")
            if re.match(r"^\s*(?:\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)])", item["text"]):
                errs.append(f"{tag}: item number left in {item['text']!r}")
        for f in plan["frequencies"]:
            if f.get("frequency") not in FREQS:
                errs.append(f"{tag}: unknown frequency {f.get('frequency')}")
            present(f.get("text_contains"), "frequency text")
        for d in plan["deadlines"]:
            if not (isinstance(d.get("month"), int) and 1 <= d["month"] <= 12):
                errs.append(f"{tag}: deadline month {d.get('month')}")
            present(d.get("text_contains"), "deadline text")
        for t in plan["targets"]:
            present(t, "target")
        for p in plan["placeholders"]:
            present(p, "placeholder")
    return errs


def period_notes(gold: dict) -> list[str]:
    """Items whose period and text are not on one line (expected only for flattened tables)."""
    src = PLANS / gold["source"]
    lines, _ = doc_lines(src, gold["encoding_hint"])
    out = []
    for plan in gold["plans"]:
        for item in plan["schedule"]:
            if not any(item["period"] in ln and item["text"] in ln for ln in lines):
                out.append(f"  {item['period']!r} / {item['text']!r}")
    return out


def selftest() -> int:
    """Inject errors into a copy of one gold file; every one must be caught."""
    name = "q07-qingshi-county-resources-forestry-unions-spliced-2025.json"
    base = json.loads((GOLD / name).read_text(encoding="utf-8"))
    assert not check_one(base, name), "base gold must be clean"
    mutations = {
        "missing key": lambda g: g["plans"][0].pop("targets"),
        "month 13": lambda g: g["plans"][0]["schedule"][0].update(month_end=13),
        "reversed months": lambda g: g["plans"][1]["schedule"][0].update(month_start=5, month_end=2),
        "unknown kind": lambda g: g["plans"][0]["top_sections"].__setitem__(0, "ideas"),
        "unknown frequency": lambda g: g["plans"][0]["frequencies"][0].update(frequency="daily"),
        "text not in doc": lambda g: g["plans"][0]["schedule"][0].update(text="召开职工大会"),
        "target in other plan": lambda g: g["plans"][0]["targets"].append("“青石护林能手”6名"),
        "wrong encoding": lambda g: g.update(encoding_hint="utf-16"),
        "heading count": lambda g: g["plans"][1]["top_sections"].pop(),
        "item number kept": lambda g: g["plans"][0]["schedule"][0].update(text="（一）加强思想政治引领"),
    }
    missed = []
    for label, mutate in mutations.items():
        g = copy.deepcopy(base)
        mutate(g)
        if not check_one(g, name):
            missed.append(label)
    print(f"selftest: {len(mutations) - len(missed)}/{len(mutations)} injected errors caught", missed or "")
    return 1 if missed else 0


def main() -> int:
    if "--selftest" in sys.argv:
        return selftest()
    total = 0
    counts = dict.fromkeys(["files", "plans", "schedule", "frequencies", "deadlines", "targets",
                            "placeholders"], 0)
    for path in sorted(GOLD.glob("q*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        errs = check_one(gold, path.name)
        total += len(errs)
        counts["files"] += 1
        counts["plans"] += len(gold["plans"])
        for key in ("schedule", "frequencies", "deadlines", "targets", "placeholders"):
            counts[key] += sum(len(p[key]) for p in gold["plans"])
        print(f"{path.name}: {'ok' if not errs else str(len(errs)) + ' problem(s)'}")
        for e in errs:
            print("  -", e)
        notes = period_notes(gold)
        if notes:
            print(f"  period not on the text's line ({len(notes)}):")
            print("\n".join(notes))
    print("totals:", counts)
    print("problems:", total)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
