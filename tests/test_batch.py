"""Bad input never stops a batch: each bad file gets a one-line error, the others are parsed."""

from __future__ import annotations

import ast
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


def _child_peak(path: Path) -> tuple[str | None, float, float, float]:
    """Parse ``path`` in a child process: (error, seconds, MB before parsing, peak MB)."""
    code = (
        "import resource, sys, time\n"
        "from analyzer.pipeline import parse_document\n"
        "import analyzer.extract.schedule, analyzer.extract.tasks\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "t = time.perf_counter()\n"
        f"doc = parse_document({str(path)!r})\n"
        "took = time.perf_counter() - t\n"
        "print(repr(doc.error), took, before / 1024, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    error, took, before, peak = out.stdout.strip().splitlines()[-1].rsplit(" ", 3)
    return ast.literal_eval(error), float(took), float(before), float(peak)


@pytest.mark.slow
def test_50_mb_without_line_breaks_is_refused_fast(tmp_path: Path) -> None:
    """Over the text limit: a one-line Chinese error naming the limit, in seconds, with little memory."""
    path = tmp_path / "huge.txt"
    chunk = "为了进一步加强工会组织建设，充分发挥工会的桥梁纽带作用，特制定本计划。" * 1000
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(480):  # about 50 MB, one line
            fh.write(chunk)
    assert path.stat().st_size > 45_000_000
    error, took, before, peak = _child_peak(path)
    assert error is not None and "上限" in error and "\n" not in error
    assert took < 10, f"{took:.1f} s"
    assert peak - before < 300, f"peak memory {peak - before:.0f} MB above start"


@pytest.mark.slow
def test_text_near_the_limit_is_linear(tmp_path: Path) -> None:
    """Just under the text limit, with no line breaks: ≥ 1 MB/s and peak memory ≤ 10× the text's size."""
    from analyzer.limits import Limits

    path = tmp_path / "near.txt"
    chunk = "为了进一步加强工会组织建设，充分发挥工会的桥梁纽带作用，3月召开职代会，特制定本计划。"
    count = int(Limits().max_text_chars * 0.95) // len(chunk)
    path.write_text(chunk * count, encoding="utf-8")
    size_mb = path.stat().st_size / 1048576
    error, took, before, peak = _child_peak(path)
    assert error is None
    assert size_mb / took >= 1.0, f"{size_mb / took:.2f} MB/s"
    assert peak - before <= 10 * size_mb, f"peak {peak - before:.0f} MB above start for {size_mb:.1f} MB of text"
