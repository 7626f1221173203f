"""read_document end to end: every bad input raises the right ReadError with a one-line message."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from analyzer.errors import DecodeError, ReadError, UnsupportedFormatError
from analyzer.ingest import iter_paths, read_document

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024


@pytest.mark.parametrize(
    ("name", "data", "error", "message"),
    [
        ("empty.txt", b"", ReadError, "文件为空"),
        ("garbage.txt", bytes(range(256)) * 20, DecodeError, "不是文本"),
        ("undecodable.txt", b"\x81\x30\xff\xfe\x80\xff" * 50, DecodeError, "编码"),
        ("plan.doc", OLE2, UnsupportedFormatError, "另存为 .docx"),
        ("plan.txt", OLE2, UnsupportedFormatError, ".doc 格式"),
        ("plan", OLE2, UnsupportedFormatError, ".doc 格式"),
        ("plan.wps", OLE2, UnsupportedFormatError, ".wps 格式"),
        ("plan.wps", b"WPS?" + b"\x00" * 100, UnsupportedFormatError, ".wps"),
        ("plan.rtf", b"{\\rtf1\\ansi plan}", UnsupportedFormatError, ".rtf"),
        ("plan.xlsx", b"PK\x03\x04" + b"\x00" * 100, UnsupportedFormatError, "Excel"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, UnsupportedFormatError, "OCR"),
        ("data.bin", bytes(range(256)) * 4, UnsupportedFormatError, "另存为 .docx 或 .txt"),
        ("bad.docx", b"PK\x03\x04 truncated", ReadError, "Word 文件已损坏"),
        ("fake.docx", "一、指导思想".encode(), ReadError, "Word 文件已损坏"),
        ("blank.txt", "\u3000\u3000\r\n  \r\n".encode(), ReadError, "没有可分析的文字"),
    ],
)
def test_bad_inputs(tmp_path: Path, name: str, data: bytes, error: type[ReadError], message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as info:
        read_document(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="文件不存在") as info:
        read_document(tmp_path / "nope.txt")
    assert "\n" not in str(info.value)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="文件夹"):
        read_document(tmp_path)


def test_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("一、指导思想\n".encode() * 100)
    with pytest.raises(ReadError, match="文件过大"):
        read_document(path, max_bytes=100)


def test_document_fields(tmp_path: Path) -> None:
    data = "首頁 > 範文 > 計劃\r\n2024年工會工作計劃\r\n一、指導思想\r\n".encode("big5")
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.source == str(path)
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.encoding == "big5"
    assert doc.traditional
    assert doc.lines == ("", "2024年工會工作計劃", "一、指導思想", "")
    assert doc.text_lines == ("", "2024年工会工作计划", "一、指导思想", "")


def test_simplified_document_keeps_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_bytes("一、指导思想\n坚持以职工为中心。".encode("gb18030"))
    doc = read_document(path)
    assert (doc.encoding, doc.traditional, doc.text_lines) == ("gb18030", False, doc.lines)


def test_iter_paths(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ["b/2.txt", "b/1.txt", "a.txt", ".secret.txt", ".hidden/x.txt"]:
        (tmp_path / rel).write_text("计划", encoding="utf-8")
    single = tmp_path / "b" / "2.txt"
    got = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path, single])]
    assert got == ["a.txt", "b/1.txt", "b/2.txt", "b/2.txt"]
    assert list(iter_paths([tmp_path / "missing.txt"])) == [tmp_path / "missing.txt"]


@pytest.mark.slow
def test_huge_single_line_file(tmp_path: Path) -> None:
    """A file without line breaks is read under the text limit (cut into long lines), refused over it."""
    from analyzer.errors import ReadError
    from analyzer.limits import Limits

    chunk = "为了进一步加强工会组织建设,充分发挥工会的桥梁纽带作用,特制定本计划。" * 1000
    path = tmp_path / "huge.txt"
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(200):  # ~21 MB, 7 million characters, no line break
            fh.write(chunk)
    with pytest.raises(ReadError, match="上限"):
        read_document(path)
    limits = Limits(max_text_chars=8_000_000)
    doc = read_document(path, limits=limits)
    assert len(doc.lines) == -(-len(chunk) * 200 // limits.max_line_chars)
    assert all(len(line) <= limits.max_line_chars for line in doc.lines)
