"""Writes plan-analyzer's hostile-input suite (bombs, XXE, damaged packages, odd names, links) into a folder.

Run ``python tests/hostile/make_hostile.py DIR`` to write the files and list what each one must give,
or call :func:`make_all`. Every file is built here, from code: the repository holds no binary blob.
The builders (:func:`docx_package`, :func:`build_zip`, :func:`simple_pdf` …) are also used by the
fuzz tests.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS_PLANS = ROOT / "corpus" / "plans"
#: The good plans copied into the batch (every one must come out with plans).
GOOD_CORPUS = ("b01-district-union-2025.txt", "a06-docx-numbering.docx", "a08-pdf-bureau.pdf",
               "a09-gbk-site.html")  # fmt: skip
#: Written only outside the hostile folder; it must never appear in any output of a folder walk.
SECRET = "SECRET7F3A9C"
PLAN_LINES = (
    "城南区总工会2025年工作计划",
    "一、指导思想",
    "坚持以职工为中心，团结动员广大职工建功新时代。",
    "二、主要任务",
    "（一）三月份开展“三八”妇女节系列活动。",
    "（二）每季度召开一次工会委员会议，研究部署工会工作。",
    "三、工作安排",
    "1、5月组织职工运动会。",
    "2、12月底前完成年度工作总结。",
)
PLAN_TEXT = "\n".join(PLAN_LINES) + "\n"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>'
).encode()
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/numbering" Target="numbering.xml"/></Relationships>'
).encode()
LIMIT = ("上限",)
DAMAGED = ("损坏", "无法读取")
DAMAGED_OR_LIMIT = ("损坏", "无法读取", "上限")


@dataclass(frozen=True)
class Expected:
    """What one hostile file must give.

    Attributes:
        result: what ``parse_document`` on the file gives: ``plans`` (no error, at least one plan),
            ``error`` (an error), ``either``, or ``None`` for a folder that is not parsed alone.
        words: an error message holds at least one of these (any error when empty).
        walked: whether a folder walk yields it: ``yes``, ``no`` or ``maybe``.
    """

    result: str | None
    words: tuple[str, ...] = ()
    walked: str = "yes"


# --- zip packages, written byte by byte so that every header field can be set -----------------


@dataclass(frozen=True)
class Member:
    """One zip entry as stored: ``data`` is what follows the local header (compressed for method 8)."""

    name: str
    data: bytes
    crc: int
    size: int
    method: int = 8
    flags: int = 0
    version: int = 20


def deflate(content: bytes, level: int = 6) -> bytes:
    """Raw deflate data (what a zip entry of method 8 holds)."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return packer.compress(content) + packer.flush()


def member(name: str, content: bytes, **fields: int) -> Member:
    """A deflated entry holding ``content``; ``fields`` override the stored header values."""
    values = {"data": deflate(content), "crc": zlib.crc32(content), "size": len(content)}
    return Member(name, **{**values, **fields})


def repeated_member(name: str, head: bytes, chunk: bytes, count: int, tail: bytes) -> Member:
    """An entry holding ``head + chunk * count + tail`` deflated without ever holding it whole.

    Each chunk is compressed after a full flush, so its compressed form is the same every time
    and is repeated as bytes: a gigabyte costs a megabyte of memory and a second of work.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    last = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(chunk) * count + len(tail)
    return Member(name, first + block * count + last, crc, size)


def build_zip(members: Iterable[Member]) -> bytes:
    """A zip archive holding ``members`` with their header fields exactly as given."""
    out = io.BytesIO()
    central = []
    for m in members:
        name = m.name.encode()
        offset = out.tell()
        out.write(struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", m.version, 0, m.flags, m.method, 0, 0x21,
                              m.crc, len(m.data), m.size, len(name), 0))
        out.write(name)
        out.write(m.data)
        central.append(struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, m.version, 0, m.flags, m.method,
                                   0, 0x21, m.crc, len(m.data), m.size, len(name), 0, 0, 0, 0, 0, offset) + name)
    start = out.tell()
    for entry in central:
        out.write(entry)
    size = out.tell() - start
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), size, start, 0))
    return out.getvalue()


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def document_xml(paragraphs: Iterable[str] = PLAN_LINES, *, prolog: str = "") -> bytes:
    """A word/document.xml with one paragraph per item (text escaped), after an optional DOCTYPE."""
    body = "".join(f"<w:p><w:r><w:t>{_xml_text(p)}</w:t></w:r></w:p>" for p in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode()


def docx_package(document: bytes | None = None, *, extra: Iterable[Member] = (), **fields: int) -> bytes:
    """A .docx package: content types, relationships, ``document`` (the plan by default) and ``extra``.

    ``fields`` override the header values of word/document.xml's entry (method, flags, version).
    """
    document = document_xml() if document is None else document
    return build_zip([member("[Content_Types].xml", CONTENT_TYPES), member("_rels/.rels", PACKAGE_RELS),
                      member("word/document.xml", document, **fields), *extra])


def _patched(data: bytes, at: int, value: bytes) -> bytes:
    return data[:at] + value + data[at + len(value):]


def _data_start(package: bytes, name: str) -> int:
    """Offset of the stored data of entry ``name`` (after its local header)."""
    at = zipfile.ZipFile(io.BytesIO(package)).getinfo(name).header_offset
    name_len, extra_len = struct.unpack_from("<2H", package, at + 26)
    return at + 30 + name_len + extra_len


# --- PDF ---------------------------------------------------------------------------------------


def simple_pdf(objects: Iterable[bytes], *, xref: bool = True) -> bytes:
    """A PDF whose numbered objects (1 is the catalog) are ``objects``, with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
        out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, start)
    return bytes(out)


def stream(content: bytes, *, extra: bytes = b"") -> bytes:
    """A PDF stream object body (``extra``: more dictionary entries)."""
    return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(content), extra, content)


def page_pdf(contents: bytes, *, resources: bytes = b"<< /Font << /F1 4 0 R >> >>",
             more: Iterable[bytes] = ()) -> bytes:
    """A one-page PDF: object 5 is the page's content stream (body given), 6… are ``more``."""
    return simple_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents 5 0 R >>" % resources,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        contents,
        *more,
    ])


def text_pdf(text: str = "Work plan 2025") -> bytes:
    """A small valid PDF with one line of ASCII text."""
    return page_pdf(stream(b"BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text.encode("latin-1")))


def _flate_bomb_pdf(size: int) -> bytes:
    """A page whose content stream inflates to ``size`` bytes of blanks, then its text (a few MB of file)."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 22)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    data = block * (size // len(chunk)) + packer.compress(b"BT /F1 12 Tf 72 720 Td (Plan) Tj ET") + packer.flush()
    return page_pdf(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data))


def _encrypted_pdf(user_password: str, algorithm: str) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(CORPUS_PLANS / "a08-pdf-bureau.pdf"))
    writer.encrypt(user_password=user_password, owner_password="owner-口令", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _broken_xref(pdf: bytes) -> bytes:
    """The xref offsets all wrong and startxref pointing nowhere (a reader must rebuild or refuse)."""
    at = pdf.rindex(b"startxref")
    head = pdf[:at]
    xref = head.rfind(b"\nxref")
    if xref >= 0:
        table = head[xref:].split(b"\n")
        table = [b"0000000007 00000 n " if line.endswith(b" n ") or line.endswith(b" n") else line
                 for line in table]
        head = head[:xref] + b"\n".join(table)
    return head + b"startxref\n987654\n%%EOF\n"


# --- the suite ---------------------------------------------------------------------------------

_BODY_OPEN = b'<w:document xmlns:w="%s"><w:body>' % W_NS.encode()
_BODY_CLOSE = b"</w:body></w:document>"
_EMPTY_PARAGRAPHS = b"<w:p/>" * 174_763  # about 1 MiB
_HEADING = "<w:p><w:r><w:t>一、指导思想</w:t></w:r></w:p>"


def _package_with(part: Member, *, numbering: bool = False) -> bytes:
    """A package whose word/document.xml (or numbering part, with its relationship) is ``part``."""
    parts = [member("[Content_Types].xml", CONTENT_TYPES), member("_rels/.rels", PACKAGE_RELS)]
    if numbering:
        parts += [member("word/document.xml", document_xml()),
                  member("word/_rels/document.xml.rels", DOCUMENT_RELS)]
    return build_zip([*parts, part])


def _nested(open_tags: str, close_tags: str, depth: int) -> bytes:
    return _BODY_OPEN + (open_tags * depth + _HEADING + close_tags * depth).encode() + _BODY_CLOSE


def _lying(m: Member) -> Member:
    """The entry claims to hold 1,000 bytes while its data inflates to far more."""
    return Member(m.name, m.data, m.crc, 1000)


def _flipped(package: bytes) -> bytes:
    """Bytes flipped inside word/document.xml's compressed data; the central directory stays valid."""
    start = _data_start(package, "word/document.xml")
    out = bytearray(package)
    for k in range(start + 20, start + 60, 3):
        out[k] ^= 0x5A
    return bytes(out)


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "哈哈哈哈哈哈哈哈哈哈">']
    entities += [f'<!ENTITY lol{k} "{f"&lol{k - 1};" * 10}">' for k in range(1, 10)]
    prolog = "<!DOCTYPE w:document [" + "".join(entities) + "]>"
    xml = document_xml([PLAN_LINES[0], "&lol9;", *PLAN_LINES[1:]], prolog=prolog)
    return xml.replace(b"&amp;lol9;", b"&lol9;")


def xxe_document(targets: Iterable[str]) -> bytes:
    """A document.xml declaring an external entity (and a parameter entity) per URL and using each."""
    targets = list(targets)
    decls = "".join(f'<!ENTITY ext{k} SYSTEM "{url}">' for k, url in enumerate(targets))
    decls += "".join(f'<!ENTITY % pe{k} SYSTEM "{url}"> %pe{k};' for k, url in enumerate(targets))
    uses = [f"&ext{k};" for k in range(len(targets))]
    xml = document_xml([PLAN_LINES[0], *uses, *PLAN_LINES[1:]], prolog=f"<!DOCTYPE w:document [{decls}]>")
    for use in uses:
        xml = xml.replace(_xml_text(use).encode(), use.encode())
    return xml


def _content_bomb_pdf() -> bytes:
    """A content stream of 60 MB of text operators, under pypdf's own 75 MB inflate limit."""
    packer = zlib.compressobj(9)
    chunk = b"BT /F1 12 Tf 72 720 Td (plan) Tj ET\n" * 100_000
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    data = block * (60_000_000 // len(chunk)) + packer.flush()
    return page_pdf(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data))


def _image_only_pdf() -> bytes:
    image = stream(b"\x00\xff\xff\x00", extra=b" /Type /XObject /Subtype /Image /Width 2 /Height 2 "
                                              b"/ColorSpace /DeviceGray /BitsPerComponent 8")
    return page_pdf(stream(b"q 100 0 0 100 50 50 cm /Im1 Do Q"), resources=b"<< /XObject << /Im1 6 0 R >> >>",
                    more=[image])


def _many_plans() -> bytes:
    """20,000 plans, each closed by a signature (the splitter starts a new plan after each)."""
    block = "第{n}分会2025年工会工作计划\n一、指导思想\n以职工为中心。\n二、工作措施\n1、每月开展一次走访。\n第{n}分会工会\n2025年1月5日\n"
    return "".join(block.format(n=k) for k in range(1, 20_001)).encode()


def _html(body: bytes, head: bytes = b"") -> bytes:
    paragraphs = "".join(f"<p>{line}</p>" for line in PLAN_LINES).encode()
    return b"<html><head>" + head + b"</head><body>" + body.replace(b"{plan}", paragraphs) + b"</body></html>"


def _corpus(name: str) -> bytes:
    return (CORPUS_PLANS / name).read_bytes()


Builder = Callable[[Path], bytes]  # the folder outside the suite (where the secret is) → the file's bytes
_PLAN = PLAN_TEXT.encode()
#: File names a shell or a spreadsheet would read as code; each holds a good plan.
ODD_NAMES = ("$(touch x).txt", "`touch y`.txt", "a;rm -rf b.txt", "line\nbreak.txt", "=1+2.txt", "-rf.txt",
             "%2e%2e%2f%2e%2e%2fescape.txt", "quote'\"&<>|.txt", "深/层/文件夹/计划.txt")  # fmt: skip

FILES: dict[str, tuple[Expected, Builder]] = {
    **{f"good-{name}": (Expected("plans"), lambda _o, name=name: _corpus(name)) for name in GOOD_CORPUS},
    # .docx zip bombs
    "bomb-one-part.docx": (Expected("error", LIMIT), lambda _o: _package_with(  # 1 GiB of <w:p/>, 1.5 MB
        repeated_member("word/document.xml", _BODY_OPEN, _EMPTY_PARAGRAPHS, 1024, _BODY_CLOSE))),
    "bomb-many-paragraphs.docx": (Expected("error", LIMIT), lambda _o: _package_with(repeated_member(
        "word/document.xml", _BODY_OPEN, "<w:p><w:r><w:t>字</w:t></w:r></w:p>".encode() * 10_000, 400,
        _BODY_CLOSE))),  # 4 million paragraphs, 144 MB
    "bomb-numbering-part.docx": (Expected("error", LIMIT), lambda _o: _package_with(repeated_member(
        "word/numbering.xml", b'<w:numbering xmlns:w="%s">' % W_NS.encode(), b" " * (1 << 20), 512,
        b"</w:numbering>"), numbering=True)),  # a good body, a numbering part of 512 MiB of blanks
    "bomb-lying-size.docx": (Expected("error", DAMAGED_OR_LIMIT), lambda _o: _package_with(
        _lying(repeated_member("word/document.xml", _BODY_OPEN, _EMPTY_PARAGRAPHS, 512, _BODY_CLOSE)))),
    # XML attacks
    "xxe.docx": (Expected("either", DAMAGED_OR_LIMIT), lambda o: docx_package(
        xxe_document([(o / "secret.txt").as_uri(), "file:///etc/passwd"]))),
    "billion-laughs.docx": (Expected("either", DAMAGED_OR_LIMIT), lambda _o: docx_package(_billion_laughs())),
    "deep-xml.docx": (Expected("error", DAMAGED_OR_LIMIT), lambda _o: docx_package(
        _nested("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 100_000))),
    "deep-table.docx": (Expected("either", DAMAGED_OR_LIMIT), lambda _o: docx_package(
        _nested("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>", 60))),
    "huge-attribute.docx": (Expected("either", DAMAGED_OR_LIMIT), lambda _o: docx_package(
        _BODY_OPEN + b'<w:p w:rsidR="' + b"A" * 20_000_000 + b'">' + _HEADING[5:].encode() + _BODY_CLOSE)),
    # damaged packages
    "damaged-deflate.docx": (Expected("error", DAMAGED), lambda _o: _flipped(docx_package())),
    "damaged-deflate-header.docx": (Expected("error", DAMAGED), lambda _o: _patched(  # block type 3: invalid
        docx_package(), _data_start(docx_package(), "word/document.xml"), b"\xff\xff")),
    "method-99.docx": (Expected("error", DAMAGED), lambda _o: docx_package(method=99)),
    "method-lzma-no-data.docx": (Expected("error", DAMAGED), lambda _o: docx_package(method=14, data=b"")),
    "flag-patched-data.docx": (Expected("error", DAMAGED), lambda _o: docx_package(flags=0x20)),
    "flag-encrypted.docx": (Expected("error", (*DAMAGED, "加密")), lambda _o: docx_package(flags=0x01)),
    "version-needed-25.docx": (Expected("either", DAMAGED), lambda _o: docx_package(version=25)),
    "version-needed-99.docx": (Expected("error", DAMAGED), lambda _o: docx_package(version=99)),
    "truncated-half.docx": (Expected("error", DAMAGED), lambda _o: _corpus(GOOD_CORPUS[1])[:19_000]),
    "truncated-no-central-directory.docx": (Expected("error", DAMAGED), lambda _o: docx_package()[
        : docx_package().index(b"PK\x01\x02")]),
    "truncated-tail.docx": (Expected("error", DAMAGED), lambda _o: docx_package()[:-10]),
    "hollow-empty-zip.docx": (Expected("error", DAMAGED), lambda _o: build_zip([])),
    "hollow-no-document.docx": (Expected("error", DAMAGED), lambda _o: build_zip([
        member("[Content_Types].xml", CONTENT_TYPES), member("_rels/.rels", PACKAGE_RELS)])),
    "hollow-empty-document.docx": (Expected("error", DAMAGED), lambda _o: docx_package(b"")),
    "hollow-document-not-xml.docx": (Expected("error", DAMAGED), lambda _o: docx_package(
        "这不是 XML 文件 <<<".encode())),
    "hollow-empty-body.docx": (Expected("error"), lambda _o: docx_package(document_xml([]))),
    "zip-of-text.docx": (Expected("error", DAMAGED), lambda _o: build_zip([member("计划.txt", _PLAN)])),
    "docx-named.txt": (Expected("plans"), lambda _o: docx_package()),
    # text
    "nul-only.txt": (Expected("error"), lambda _o: b"\0" * (1 << 20)),
    "nul-inside.txt": (Expected("either"), lambda _o: _PLAN.replace("。".encode(), "。\0\0".encode())),
    "mixed-encodings.txt": (Expected("either"), lambda _o: b"".join(
        (line + "\n").encode("gbk" if k % 2 else "utf-8") for k, line in enumerate(PLAN_LINES))),
    "no-newlines-30mb.txt": (Expected("either", LIMIT), lambda _o: "为了进一步加强工会组织建设，充分发挥桥梁纽带作用。"
                             .encode() * 416_000),
    "many-plans.txt": (Expected("error", LIMIT), lambda _o: _many_plans()),
    "random-binary.txt": (Expected("error"), lambda _o: bytes((k * 7919 + 13) % 251 for k in range(200_000))),
    "utf16-odd-length.txt": (Expected("either"), lambda _o: b"\xff\xfe" + PLAN_TEXT.encode("utf-16-le") + b"\0"),
    # PDF
    "broken-xref.pdf": (Expected("either", DAMAGED), lambda _o: _broken_xref(_corpus(GOOD_CORPUS[2]))),
    "truncated.pdf": (Expected("either", DAMAGED), lambda _o: _corpus(GOOD_CORPUS[2])[:25_000]),
    "garbage-after-header.pdf": (Expected("error", DAMAGED), lambda _o: b"%PDF-1.7\n" + bytes(
        (k * 31 + 7) % 256 for k in range(50_000))),
    "encrypted-rc4.pdf": (Expected("error", ("加密",)), lambda _o: _encrypted_pdf("用户口令", "RC4-128")),
    "encrypted-empty-user-password.pdf": (Expected("either"), lambda _o: _encrypted_pdf("", "RC4-128")),
    "image-only.pdf": (Expected("error", ("OCR", "文字")), lambda _o: _image_only_pdf()),
    "deep-arrays.pdf": (Expected("either", DAMAGED_OR_LIMIT), lambda _o: page_pdf(
        stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"), resources=b"6 0 R", more=[b"[" * 100_000 + b"]" * 100_000])),
    "bomb-flate.pdf": (Expected("either", DAMAGED_OR_LIMIT), lambda _o: _flate_bomb_pdf(1 << 30)),
    "bomb-content.pdf": (Expected("either", DAMAGED_OR_LIMIT), lambda _o: _content_bomb_pdf()),
    # HTML
    "deep-100k.html": (Expected("either", LIMIT), lambda _o: _html(
        b"<div>" * 100_000 + b"{plan}" + b"</div>" * 100_000)),
    "deep-table.html": (Expected("either", LIMIT), lambda _o: _html(
        b"<table><tr><td>" * 5_000 + b"{plan}" + b"</td></tr></table>" * 5_000)),
    "charset-utf7.html": (Expected("either"), lambda _o: _html(
        b"+ADw-script+AD4-alert(1)+ADw-/script+AD4-{plan}", b'<meta charset="utf-7">')),
    **{name: (Expected("plans"), lambda _o: _PLAN) for name in ODD_NAMES},
    # not plan formats, hidden, or in the tool's own output folder: a folder walk skips them
    "notes.json": (Expected("either", walked="no"), lambda _o: b'{"a": 1}'),
    "picture.png": (Expected("error", walked="no"), lambda _o: b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
    "archive.zip": (Expected("either", walked="no"), lambda _o: docx_package()),
    "no-extension": (Expected("plans", walked="no"), lambda _o: _PLAN),
    ".hidden.txt": (Expected("plans", walked="no"), lambda _o: _PLAN),
    "README.md": (Expected("plans", walked="maybe"), lambda _o: _PLAN),
    "old.doc": (Expected("error", (".docx",), walked="maybe"),
                lambda _o: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024),
    "结果/.plan-analyzer-output": (Expected(None, walked="no"), lambda _o: b""),
    "结果/summary.txt": (Expected("plans", walked="no"), lambda _o: _PLAN),
}
#: Symbolic links: name → (target; relative targets stay in the folder, None means the outside folder).
LINKS: dict[str, tuple[Expected, str | None]] = {
    "link-out.txt": (Expected("either", walked="no"), "secret.txt"),
    "link-out-dir": (Expected(None, walked="no"), None),
    "link-loop-a.txt": (Expected("error", walked="maybe"), "./link-loop-b.txt"),
    "link-loop-b.txt": (Expected("error", walked="maybe"), "./link-loop-a.txt"),
    "link-self.txt": (Expected("error", walked="maybe"), "./link-self.txt"),
    "link-dangling.txt": (Expected("error", walked="maybe"), "./does-not-exist.txt"),
    "深/up": (Expected(None, walked="maybe"), ".."),
    "link-in.txt": (Expected("plans", walked="maybe"), f"./good-{GOOD_CORPUS[0]}"),
}
#: Every entry of the suite → what it must give.
EXPECTED: dict[str, Expected] = {name: exp for name, (exp, _) in {**FILES, **LINKS}.items()}


def make_all(folder: str | os.PathLike, *, outside: str | os.PathLike | None = None) -> dict[str, Expected]:
    """Write the hostile suite into ``folder``, and the secret plan into ``outside`` (a new temp dir by default).

    Returns:
        Each entry's path relative to ``folder`` (POSIX form) → what it must give (:data:`EXPECTED`).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    outside = Path(outside) if outside is not None else Path(tempfile.mkdtemp(prefix="hostile-outside-"))
    outside.mkdir(parents=True, exist_ok=True)
    secret_plan = PLAN_TEXT.replace("城南区总工会", f"{SECRET}工会").replace("一、指导思想", f"一、{SECRET}指导思想")
    (outside / "secret.txt").write_text(secret_plan, encoding="utf-8")
    for name, (_exp, build) in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(build(outside))
    for name, (_exp, target) in LINKS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if target is None:
            os.symlink(outside, path, target_is_directory=True)
        elif target.startswith("."):
            os.symlink(target, path)
        else:
            os.symlink(outside / target, path)
    return dict(EXPECTED)


def main(argv: list[str]) -> int:
    """Write the suite into ``argv[0]`` (emptied first) and list the expectations."""
    if len(argv) != 1:
        print("usage: python make_hostile.py DIR", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    if folder.exists():
        shutil.rmtree(folder)
    for name, exp in sorted(make_all(folder).items()):
        print(f"{name!r:45} {exp.result or '-':7} walked={exp.walked:5} {'/'.join(exp.words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
