"""Bad input never stops a batch: each bad file gets a one-line error, the others are parsed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.pipeline import parse_paths

from .conftest import CORPUS

GOOD = "XX区总工会2024年工作计划\n一、指导思想\n以职工为中心。\n二、工作措施\n1、每月开展一次走访。\n"


def _blank_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 30)  # a drawing, no text: what a scan looks like to a text extractor
    pdf.output(str(path))


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-garbage.txt").write_bytes(bytes(range(256)) * 40)
    docx = (CORPUS / "plans" / "a06-docx-numbering.docx").read_bytes()
    (tmp_path / "c-truncated.docx").write_bytes(docx[: len(docx) // 2])
    _blank_pdf(tmp_path / "d-scan.pdf")
    (tmp_path / "e-undecodable.txt").write_bytes(b"\x81\x30\xff\xfe\x80\xff" * 50)
    (tmp_path / "f-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "g-old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    return tmp_path


def test_every_bad_file_is_reported_and_the_batch_goes_on(batch: Path) -> None:
    docs = {Path(d.source).name: d for d in parse_paths([batch])}
    assert len(docs) == 7
    good = docs.pop("f-good.txt")
    assert good.error is None and len(good.plans) == 1 and good.plans[0].sections
    expected = {
        "a-empty.txt": "文件为空",
        "b-garbage.txt": "不是文本",
        "c-truncated.docx": "Word 文件已损坏",
        "d-scan.pdf": "OCR",
        "e-undecodable.txt": "编码",
        "g-old.doc": ".docx",
    }
    for name, words in expected.items():
        error = docs[name].error
        assert error and words in error, (name, error)
        assert "\n" not in error and docs[name].plans == ()


@pytest.mark.slow
def test_50_mb_without_line_breaks_finishes_with_bounded_memory(tmp_path: Path) -> None:
    """Parsed in a child process so that its peak memory can be measured on its own."""
    path = tmp_path / "huge.txt"
    chunk = "为了进一步加强工会组织建设，充分发挥工会的桥梁纽带作用，特制定本计划。" * 1000
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(480):  # about 50 MB, one line
            fh.write(chunk)
    assert path.stat().st_size > 45_000_000
    code = (
        "import resource, sys\n"
        "from analyzer.pipeline import parse_document\n"
        f"doc = parse_document({str(path)!r})\n"
        "assert doc.error is None and len(doc.plans) == 1, doc.error\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    peak_mb = int(out.stdout.strip().splitlines()[-1]) / 1024
    assert peak_mb < 1500, f"peak memory {peak_mb:.0f} MB"
