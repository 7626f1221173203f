"""PDF: page numbers and running headers dropped, wrapped lines rejoined, scans refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analyzer.errors import ReadError, ScannedPDFError
from analyzer.ingest import read_document
from analyzer.ingest.pdf import drop_running_lines, rejoin_wrapped

fpdf = pytest.importorskip("fpdf")
mplfonts = pytest.importorskip("mplfonts")
FONT = os.path.join(os.path.dirname(mplfonts.__file__), "fonts", "SimHei.ttf")
HEADER = "某某区总工会文件"
ITEMS = [
    f"{i}、{body}"
    for i, body in enumerate(
        [
            "为了进一步加强工会组织建设,充分发挥工会在企业改革发展中的桥梁纽带作用,切实维护职工合法权益,特制定本计划。",
            "组织开展职工技能竞赛和岗位练兵活动,全年举办技能比武不少于三次,参赛职工覆盖率达到百分之八十以上。",
            "深入开展送温暖活动,在元旦春节期间走访慰问困难职工和劳动模范,及时把党和政府的关怀送到职工心坎上。",
            "加强职工书屋建设,每季度更新图书一次,组织读书分享会和征文比赛,营造多读书读好书的良好氛围。",
        ]
        * 4,
        start=1,
    )
]


class _PlanPDF(fpdf.FPDF):
    def header(self) -> None:
        self.set_font("cjk", size=9)
        self.cell(0, 8, HEADER, align="C")
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("cjk", size=9)
        self.cell(0, 8, f"- {self.page_no()} -", align="C")


@pytest.fixture(scope="module")
def plan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf = _PlanPDF(format="A5")
    pdf.add_font("cjk", fname=FONT)
    pdf.add_page()
    pdf.set_font("cjk", size=12)
    pdf.cell(0, 8, "一、主要工作", new_x="LMARGIN", new_y="NEXT")
    for item in ITEMS:
        pdf.multi_cell(0, 7, item, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path_factory.mktemp("pdf") / "plan.pdf"
    pdf.output(str(path))
    return path


def test_pdf_furniture_dropped_and_lines_rejoined(plan_pdf: Path) -> None:
    doc = read_document(plan_pdf)
    assert doc.encoding == "pdf"
    lines = [line for line in doc.lines if line]
    assert HEADER not in lines
    assert not any(line.startswith("-") and line.endswith("-") for line in lines)
    assert lines == ["一、主要工作", *ITEMS]


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a "scan": graphics only
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ScannedPDFError) as info:
        read_document(path)
    assert "OCR" in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%broken", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"])
def test_broken_pdf(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert "\n" not in str(info.value)


def test_encrypted_pdf(tmp_path: Path, plan_pdf: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(str(plan_pdf)).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as fh:
        writer.write(fh)
    with pytest.raises(ReadError, match="加密"):
        read_document(path)


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ([["第1页 共2页", "一、目标"], ["第2页 共2页", "二、措施"]], [["一、目标"], ["二、措施"]]),
        ([["标题", "一、目标"], ["正文", "二、措施"]], [["标题", "一、目标"], ["正文", "二、措施"]]),
        ([["只有一页", "一、目标"]], [["只有一页", "一、目标"]]),
    ],
)
def test_drop_running_lines(pages: list[list[str]], expected: list[list[str]]) -> None:
    assert drop_running_lines(pages) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["一二三四五六七八九十", "一二三四五六七八九十", "一二三四五六七八九十", "完。"], ["一二三四五六七八九十" * 3 + "完。"]),
        (["一二三四五六七八九十", "二、目标", "一二三四五六七八九十", "完。"],
         ["一二三四五六七八九十", "二、目标", "一二三四五六七八九十完。"]),
        (["一二三四五六七八九。", "一二三四五六七八九十", "一二三", "完。"],
         ["一二三四五六七八九。", "一二三四五六七八九十一二三", "完。"]),
    ],
)  # fmt: skip
def test_rejoin_wrapped(lines: list[str], expected: list[str]) -> None:
    assert rejoin_wrapped(lines) == expected


def test_a_log_record_pypdf_cannot_format_is_no_crash() -> None:
    """Found by the 10,000-example fuzz run: a damaged xref makes pypdf log a record whose arguments do
    not fit its template; reading must still end in a ReadError."""
    from analyzer.errors import ReadError
    from analyzer.ingest.pdf import read_pdf

    data = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n"
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R "
            b"/MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>\nendobj\n4 0 obj\n"
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n5 0 obj\n<< /Length 45 >>\nstream\n"
            b"BT /F1 12 Tf 72 720 Td (Work plan 2025) Tj ET\nendstream\nendobj\nxref\n0 6\n0\x00\x00\x00\x00\x00"
            b"\x00\x00\x000000000015 00000 n \n0000000064 00000 n \n0000000121 00000 n \n0000000247 00000 n \n"
            b"0000000317 00000 n \ntrailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n412\n%%EOF\n")
    try:
        read_pdf(data, "x.pdf")
    except ReadError:
        pass
