"""docx_package: parts found through relationships; styles parsed only when they can number."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from analyzer.errors import ReadError
from analyzer.ingest import read_document
from analyzer.ingest.docx_package import open_parts


def _plain_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("一、指导思想")
    document.add_paragraph("以职工为中心。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rewrite(data: bytes, change) -> bytes:
    """Copy a zip, letting ``change(name, bytes)`` return (new name, new bytes) or None to drop."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            changed = change(info.filename, src.read(info.filename))
            if changed is not None:
                dst.writestr(changed[0], changed[1])
    return out.getvalue()


def test_main_part_found_through_the_package_relationships(tmp_path: Path) -> None:
    def move(name: str, data: bytes):
        if name == "word/document.xml":
            return "word/main.xml", data
        if name == "_rels/.rels":
            return name, data.replace(b"word/document.xml", b"word/main.xml")
        if name == "word/_rels/document.xml.rels":
            return "word/_rels/main.xml.rels", data
        if name == "[Content_Types].xml":
            return name, data.replace(b"/word/document.xml", b"/word/main.xml")
        return name, data

    path = tmp_path / "moved.docx"
    path.write_bytes(_rewrite(_plain_docx(), move))
    assert [line for line in read_document(path).lines if line] == ["一、指导思想", "以职工为中心。"]


def test_styles_without_numbering_are_not_parsed_and_with_it_they_are() -> None:
    plain_styles = (b'<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                    b'2006/main"><w:style w:type="paragraph" w:styleId="Normal"/></w:styles>')
    data = _rewrite(_plain_docx(), lambda name, raw: (name, plain_styles if name == "word/styles.xml" else raw))
    body, _numbering, styles = open_parts(data)
    assert body.tag.endswith("}body") and styles is None

    def add_numpr(name: str, raw: bytes):
        if name == "word/styles.xml":
            raw = raw.replace(b"</w:styles>", b'<w:style w:type="paragraph" w:styleId="X"><w:pPr><w:numPr>'
                                             b'<w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>')
        return name, raw

    assert open_parts(_rewrite(data, add_numpr))[2] is not None


def test_a_package_that_is_not_a_word_document(tmp_path: Path) -> None:
    def workbook(name: str, raw: bytes):
        if name == "word/document.xml":
            return name, b'<?xml version="1.0"?><workbook xmlns="urn:x"/>'
        return name, raw

    path = tmp_path / "表格.docx"
    path.write_bytes(_rewrite(_plain_docx(), workbook))
    with pytest.raises(ReadError, match="Word 文件已损坏或不完整") as info:
        read_document(path)
    assert "\n" not in str(info.value)


def test_missing_main_part(tmp_path: Path) -> None:
    path = tmp_path / "空.docx"
    path.write_bytes(_rewrite(_plain_docx(), lambda name, raw: None if name == "word/document.xml" else (name, raw)))
    with pytest.raises(ReadError, match="Word 文件已损坏或不完整"):
        read_document(path)
