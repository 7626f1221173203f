"""Regenerate the non-UTF-8 and binary corpus files (part A) from the UTF-8 sources in corpus/sources/.

Run from the repository root::

    python corpus/make_corpus.py           # write corpus/plans/a*.{txt,docx,pdf,html}
    python corpus/make_corpus.py --check   # also validate corpus/gold/a*.json against the texts

Output is deterministic: fixed ZIP timestamps and core properties for .docx, a fixed creation
date (hence a fixed file id) for .pdf.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).resolve().parent
SOURCES = CORPUS / "sources"
PLANS = CORPUS / "plans"
GOLD = CORPUS / "gold"

FIXED_TIME = dt.datetime(2024, 1, 1, 8, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2024, 1, 1, 8, 0, 0)

# A comment line in a source file (docx/pdf sources only).
COMMENT_RE = re.compile(r"^#")
# "[numId:ilvl] text": a paragraph numbered by Word's automatic numbering.
NUMBERED_RE = re.compile(r"^\[(\d+):(\d)\]\s*(.*)$")
# Pinyin inserted after a character by reposting sites: 計(jì)劃.
PINYIN_RE = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def _read_source(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def _source_lines(name: str) -> list[str]:
    return [line for line in _read_source(name).splitlines() if not COMMENT_RE.match(line)]


# ---------------------------------------------------------------- plain text in other encodings


def write_encoded(source: str, target: str, encoding: str, *, crlf: bool = False, bom: bool = False) -> None:
    """Write a UTF-8 source as ``encoding`` (optionally with CRLF line ends and a BOM)."""
    text = _read_source(source)
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    data = text.encode(encoding)
    if bom and encoding.lower().replace("-", "") == "utf16le":
        data = b"\xff\xfe" + data
    (PLANS / target).write_bytes(data)


# ---------------------------------------------------------------- docx helpers


def _deterministic_docx(document, target: Path) -> None:
    """Save a python-docx Document with fixed metadata and ZIP timestamps."""
    props = document.core_properties
    props.author = "工会办公室"
    props.last_modified_by = "工会办公室"
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    props.last_printed = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    target.write_bytes(out.getvalue())


def _add_title(document, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(16)


def _set_east_asian_font(document, name: str = "宋体") -> None:
    from docx.oxml.ns import qn

    style = document.styles["Normal"]
    style.font.name = name
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), name)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Word levels of the hand-built multilevel list: (numFmt, lvlText, left indent in twips).
LEVELS = (
    ("chineseCounting", "%1、", 0),
    ("chineseCounting", "（%2）", 420),
    ("decimal", "%3.", 840),
    ("decimal", "（%4）", 1260),
)


def _w(tag: str, **attrs: str):
    """Make a w: element with w:-qualified attributes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(f"w:{tag}")
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _build_numbering(document, restart_num_ids: list[int]) -> None:
    """Add abstractNum 0 (一、/（一）/1./（1）), num 1 using it, and restarting nums.

    Every num in ``restart_num_ids`` references the same abstractNum and restarts level 2 at 1
    through ``w:lvlOverride/w:startOverride``, as Word writes when the user picks
    "restart numbering" on a list item.
    """
    numbering = document.part.numbering_part.element
    # python-docx's template ships list definitions for its List styles; drop them (and the
    # styles' references) so that numbering.xml holds only this document's own list.
    for old in list(numbering):
        numbering.remove(old)
    for num_pr in list(document.styles.element.iter(f"{{{W_NS}}}numPr")):
        num_pr.getparent().remove(num_pr)
    abstract = _w("abstractNum", abstractNumId="0")
    abstract.append(_w("nsid", val="5A3C2E11"))
    abstract.append(_w("multiLevelType", val="multilevel"))
    abstract.append(_w("tmpl", val="0409001F"))
    for ilvl, (fmt, text, indent) in enumerate(LEVELS):
        lvl = _w("lvl", ilvl=str(ilvl))
        lvl.append(_w("start", val="1"))
        lvl.append(_w("numFmt", val=fmt))
        lvl.append(_w("lvlText", val=text))
        lvl.append(_w("lvlJc", val="left"))
        ppr = _w("pPr")
        ppr.append(_w("ind", left=str(indent + 420), hanging="420"))
        lvl.append(ppr)
        abstract.append(lvl)
    numbering.append(abstract)  # schema order: abstractNum before num
    main = _w("num", numId="1")
    main.append(_w("abstractNumId", val="0"))
    numbering.append(main)
    for num_id in restart_num_ids:
        num = _w("num", numId=str(num_id))
        num.append(_w("abstractNumId", val="0"))
        override = _w("lvlOverride", ilvl="2")
        override.append(_w("startOverride", val="1"))
        num.append(override)
        numbering.append(num)


def _number_paragraph(paragraph, num_id: int, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = _w("numPr")
    num_pr.append(_w("ilvl", val=str(ilvl)))
    num_pr.append(_w("numId", val=str(num_id)))
    ppr.insert(0, num_pr)


def make_docx_numbering(source: str, target: str) -> None:
    """Build a .docx whose headings carry Word automatic numbering (numPr), not typed numbers."""
    from docx import Document

    document = Document()
    _set_east_asian_font(document)
    num_ids: set[int] = set()
    for line in _source_lines(source):
        if not line.strip():
            continue
        if line.startswith("TITLE: "):
            _add_title(document, line[len("TITLE: ") :])
            continue
        match = NUMBERED_RE.match(line)
        if match:
            num_id, ilvl, text = int(match.group(1)), int(match.group(2)), match.group(3)
            paragraph = document.add_paragraph(text)
            _number_paragraph(paragraph, num_id, ilvl)
            num_ids.add(num_id)
        else:
            document.add_paragraph(line)
    _build_numbering(document, sorted(n for n in num_ids if n != 1))
    _deterministic_docx(document, PLANS / target)


def make_docx_table(source: str, target: str) -> None:
    """Build a .docx with typed headings and a schedule table (cells may hold several paragraphs)."""
    from docx import Document

    document = Document()
    _set_east_asian_font(document)
    rows: list[list[str]] | None = None
    for line in _source_lines(source):
        if not line.strip():
            continue
        if line.startswith("TITLE: "):
            _add_title(document, line[len("TITLE: ") :])
        elif line == "TABLE":
            rows = []
        elif line == "END" and rows is not None:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, cell_text in enumerate(cells):
                    parts = [part.strip() for part in cell_text.split(" // ")]
                    cell = table.cell(r, c)
                    cell.text = parts[0]
                    for extra in parts[1:]:
                        cell.add_paragraph(extra)
            rows = None
        elif rows is not None:
            rows.append([cell.strip() for cell in line.split(" | ")])
        else:
            document.add_paragraph(line)
    _deterministic_docx(document, PLANS / target)


# ---------------------------------------------------------------- pdf


def _cjk_font_path() -> Path:
    """The SimHei font shipped by mplfonts (found through the package, never the system)."""
    import mplfonts

    return Path(mplfonts.__file__).resolve().parent / "fonts" / "SimHei.ttf"


def make_pdf(source: str, target: str) -> None:
    """Build a text-layer PDF: running header, ``- N -`` page numbers, wrapped paragraphs."""
    from fpdf import FPDF

    lines = _source_lines(source)
    header = next(line[len("HEADER: ") :] for line in lines if line.startswith("HEADER: "))
    body = [line for line in lines if line.strip() and not line.startswith("HEADER: ")]

    class _PlanPDF(FPDF):
        def header(self) -> None:
            self.set_font("cjk", size=9)
            self.cell(0, 6, header, align="C", new_x="LMARGIN", new_y="NEXT")
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("cjk", size=10)
            self.cell(0, 8, f"- {self.page_no()} -", align="C")

    pdf = _PlanPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(body[0])
    pdf.set_author("区教育局机关工会")
    pdf.set_creator("plan-analyzer corpus")
    pdf.set_producer("fpdf2")
    pdf.add_font("cjk", fname=str(_cjk_font_path()))
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.add_page()
    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 10, body[0], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("cjk", size=12)
    for paragraph in body[1:]:
        pdf.multi_cell(
            0, 8, "\u3000\u3000" + paragraph, align="L", wrapmode="CHAR", new_x="LMARGIN", new_y="NEXT"
        )
    pdf.output(str(PLANS / target))


# ---------------------------------------------------------------- jobs


# Plain-text files: (name of both source and target, encoding, CRLF line ends, BOM).
ENCODED: tuple[tuple[str, str, bool, bool], ...] = (
    ("a01-gb18030-notice-district.txt", "gb18030", False, False),
    ("a02-utf16-school-union.txt", "utf-16-le", True, True),
    ("a03-crlf-police.txt", "utf-8", True, False),
    ("a05-big5-school.txt", "big5", False, False),
    ("a09-gbk-site.html", "gbk", False, False),
)
# Binary files: (source, target, builder).
BUILT: tuple[tuple[str, str, Callable[[str, str], None]], ...] = (
    ("a06-docx-numbering.txt", "a06-docx-numbering.docx", make_docx_numbering),
    ("a07-docx-table.txt", "a07-docx-table.docx", make_docx_table),
    ("a08-pdf-bureau.txt", "a08-pdf-bureau.pdf", make_pdf),
)


def main(argv: list[str] | None = None) -> int:
    """Regenerate the files; with ``--check`` validate the gold files too."""
    parser = argparse.ArgumentParser(description="重新生成语料中的非 UTF-8 与二进制文件")
    parser.add_argument("--check", action="store_true", help="同时校验 corpus/gold 标注文件（见 check_gold.py）")
    args = parser.parse_args(argv)
    PLANS.mkdir(parents=True, exist_ok=True)
    for name, encoding, crlf, bom in ENCODED:
        write_encoded(name, name, encoding, crlf=crlf, bom=bom)
        print(f"已生成 {name}")
    for source, target, build in BUILT:
        build(source, target)
        print(f"已生成 {target}")
    if args.check:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from check_gold import main as check_main

        return check_main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
