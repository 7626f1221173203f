"""Full-width digits and letters: ASCII in the analysis text, quoted as written in evidence."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from analyzer.ingest import read_document
from analyzer.ingest.script import fold_fullwidth
from analyzer.pipeline import parse_document


def test_analysis_text_is_ascii_and_lines_stay_as_written(tmp_path: Path) -> None:
    path = tmp_path / "计划.txt"
    path.write_text("枫林湾幼儿园工会２０２６年工作计划\n四、具体安排\n４—５月：\n１．举办青年教师观摩评比。\n", "utf-8")
    doc = read_document(path)
    assert doc.lines[0].endswith("２０２６年工作计划") and doc.text_lines[0].endswith("2026年工作计划")
    parsed = parse_document(path)
    plan = parsed.plans[0]
    assert plan.year == 2026
    assert [(i.month_start, i.month_end) for i in plan.schedule] == [(4, 5)]


def test_placeholder_evidence_is_quoted_as_written(tmp_path: Path) -> None:
    path = tmp_path / "模板.txt"
    path.write_text("ＸＸ公司工会２０ＸＸ年工作计划\n一、主要工作\n１．召开职代会。\n", "utf-8")
    findings = [f for f in parse_document(path).plans[0].findings if f.rule == "template_placeholder"]
    assert findings and all(f.evidence in "ＸＸ公司工会２０ＸＸ年工作计划" for f in findings)


@given(st.text(max_size=30))
def test_folding_keeps_lengths_and_touches_only_wide_letters_and_digits(text: str) -> None:
    (folded,) = fold_fullwidth([text])
    assert len(folded) == len(text)
    for a, b in zip(text, folded, strict=True):
        assert a == b or (b.isascii() and b.isalnum() and ord(a) - ord(b) == 0xFEE0)
