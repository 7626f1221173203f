"""Resource limits, folder walking and inline markup in plain text."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from analyzer.errors import ConfigError, ReadError
from analyzer.ingest import OUTPUT_MARKER, iter_paths, read_document
from analyzer.ingest.docx import read_docx
from analyzer.ingest.html import read_html
from analyzer.ingest.txt import strip_inline_markup
from analyzer.limits import ENV_VAR, Limits, current_limits
from analyzer.pipeline import parse_document

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(body_xml: str, *, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", f"<w:document {_W}><w:body>{body_xml}</w:body></w:document>")
        for name, data in (extra or {}).items():
            package.writestr(name, data)
    return buffer.getvalue()


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


# --- Limits ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("spec", "field", "value"), [
    ("max_plans=50", "max_plans", 50),
    ("max_text_chars=2M", "max_text_chars", 2 * 1024 * 1024),
    (" max_part_bytes = 8k , max_plans=3", "max_part_bytes", 8 * 1024),
    ("max_package_bytes=1G", "max_package_bytes", 1024 ** 3),
])
def test_limits_parse(spec: str, field: str, value: int) -> None:
    assert getattr(Limits.parse(spec), field) == value


@pytest.mark.parametrize("spec", ["max_plan=3", "max_plans", "max_plans=many", "max_plans=0", "max_plans=-1"])
def test_limits_parse_rejects_bad_settings(spec: str) -> None:
    with pytest.raises(ConfigError) as info:
        Limits.parse(spec)
    assert "\n" not in str(info.value) and "上限" in str(info.value)


def test_limits_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, "max_plans=7")
    assert current_limits().max_plans == 7
    monkeypatch.delenv(ENV_VAR)
    assert current_limits() == Limits()


# --- .docx limits ------------------------------------------------------------------------------


def test_docx_part_over_the_limit_is_refused_while_streaming() -> None:
    data = _docx(_para("一、指导思想") * 20_000)  # ~0.8 MB of XML, a few KB compressed
    assert read_docx(data, "a.docx").lines[0] == "一、指导思想"
    with pytest.raises(ReadError, match="上限"):
        read_docx(data, "a.docx", limits=Limits(max_part_bytes=256 * 1024))
    with pytest.raises(ReadError, match="上限"):
        read_docx(data, "a.docx", limits=Limits(max_package_bytes=256 * 1024))


def test_docx_compression_ratio_limit() -> None:
    data = _docx("<w:p/>" * 400_000)  # 2.4 MB of one repeated element: deflates about 500-fold
    with pytest.raises(ReadError, match="压缩比"):
        read_docx(data, "bomb.docx", limits=Limits(max_ratio=100))


def test_docx_too_many_entries() -> None:
    data = _docx(_para("计划"), extra={f"word/media/x{i}.xml": b"<a/>" for i in range(40)})
    with pytest.raises(ReadError, match="部件数"):
        read_docx(data, "x.docx", limits=Limits(max_zip_entries=20))


def test_docx_nesting_limit() -> None:
    nested = "<w:sdt><w:sdtContent>" * 30 + _para("计划") + "</w:sdtContent></w:sdt>" * 30
    assert read_docx(_docx(nested), "n.docx").lines == ["计划"]
    with pytest.raises(ReadError, match="嵌套"):
        read_docx(_docx(nested), "n.docx", limits=Limits(max_xml_depth=20))


def test_docx_entities_are_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           f"<w:document {_W}><w:body><w:p><w:r><w:t>一、&x;指导思想</w:t></w:r></w:p></w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", xml)
    try:
        lines = read_docx(buffer.getvalue(), "xxe.docx").lines
    except ReadError:
        return
    assert "机密内容" not in "".join(lines)


@pytest.mark.parametrize("method", [99, 14])
def test_docx_unsupported_compression_is_a_read_error(tmp_path: Path, method: int) -> None:
    data = bytearray(_docx(_para("一、指导思想")))
    local = data.find(b"PK\x03\x04")
    data[local + 8: local + 10] = method.to_bytes(2, "little")
    central = data.find(b"PK\x01\x02")
    data[central + 10: central + 12] = method.to_bytes(2, "little")
    path = tmp_path / "m.txt"  # named .txt: the reader sniffs the package all the same
    path.write_bytes(bytes(data))
    doc = parse_document(path)
    assert doc.error and "\n" not in doc.error


# --- HTML nesting, plans per document ---------------------------------------------------------------


def test_html_nesting_limit() -> None:
    page = "<html><body>" + "<div>" * 5000 + "<p>一、指导思想</p>" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(ReadError, match="嵌套"):
        read_html(page.encode("utf-8"), "deep.html")
    shallow = "<html><body>" + "<div>" * 20 + "<p>一、指导思想</p>" + "</div>" * 20 + "</body></html>"
    assert read_html(shallow.encode("utf-8"), "ok.html").lines == ["一、指导思想"]


def test_too_many_plans_is_reported_not_emitted(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text("".join(f"计划 篇{i}\n一、指导思想\n做好第{i}项工作。\n" for i in range(1, 60)), encoding="utf-8")
    assert len(parse_document(path).plans) > 10
    doc = parse_document(path, limits=Limits(max_plans=10))
    assert not doc.plans and doc.error and "上限" in doc.error


def test_text_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("一、指导思想\n" + "加强工会组织建设。" * 2000, encoding="utf-8")
    with pytest.raises(ReadError, match="上限"):
        read_document(path, limits=Limits(max_text_chars=10_000))
    assert read_document(path, limits=Limits(max_text_chars=100_000)).lines[0] == "一、指导思想"


# --- Folder walking -------------------------------------------------------------------------------


def test_walk_yields_plan_formats_only(tmp_path: Path) -> None:
    for name in ("计划.txt", "b.docx", "c.pdf", "d.html", "e.htm", "f.md", "g.doc", "README.md", "notes.py",
                 "data.json", "out.xlsx", "日程.csv", ".hidden.txt", "~$锁定.docx", "CHANGELOG.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    got = sorted(p.name for p in iter_paths([tmp_path]))
    assert got == sorted(["计划.txt", "b.docx", "c.pdf", "d.html", "e.htm", "f.md", "g.doc"])
    assert list(iter_paths([tmp_path / "notes.py"])) == [tmp_path / "notes.py"]  # named explicitly: tried


def test_walk_skips_the_tools_own_output_folders(tmp_path: Path) -> None:
    (tmp_path / "计划.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "审核结果"
    out.mkdir()
    (out / OUTPUT_MARKER).write_text("", encoding="utf-8")
    (out / "report.html").write_text("x", encoding="utf-8")
    assert [p.name for p in iter_paths([tmp_path])] == ["计划.txt"]
    assert [p.name for p in iter_paths([out])] == ["report.html"]  # named as the folder to read: read


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_walk_never_follows_links_out_of_the_folder(tmp_path: Path) -> None:
    inside, outside = tmp_path / "in", tmp_path / "out"
    inside.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("机密", encoding="utf-8")
    (inside / "计划.txt").write_text("x", encoding="utf-8")
    (inside / "link.txt").symlink_to(outside / "secret.txt")
    (inside / "same.txt").symlink_to(inside / "计划.txt")
    (inside / "loop").symlink_to(inside)
    (inside / "dangling.txt").symlink_to(inside / "nowhere.txt")
    (inside / "a.txt").symlink_to(inside / "b.txt")
    (inside / "b.txt").symlink_to(inside / "a.txt")
    assert sorted(p.name for p in iter_paths([inside])) == ["same.txt", "计划.txt"]


# --- Inline markup in plain text -------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("1、<b>组织</b>职工健步走", "1、组织职工健步走"),
    ('<span style="color:red">三月</span>召开职代会<br/>', "三月召开职代会"),
    ("学习<安全生产法>和<1>号文件", "学习<安全生产法>和<1>号文件"),
    ("A&amp;B&nbsp;联谊", "A&B 联谊"),
    ("a < b > c", "a < b > c"),
])
def test_inline_markup_removed_line_kept(line: str, expected: str) -> None:
    assert strip_inline_markup([line]) == [expected]


def test_inline_tag_line_survives_reading(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("2025年工会工作计划\n一、主要工作\n1、<b>组织</b>职工健步走活动\n", encoding="utf-8")
    assert "1、组织职工健步走活动" in read_document(path).lines
