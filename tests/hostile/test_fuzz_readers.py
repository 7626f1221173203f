"""Fuzzing every reader: whatever the bytes, a reader returns RawText or raises ReadError, and soon.

``PLAN_ANALYZER_FUZZ_EXAMPLES`` sets the examples per reader (2,000 by default, what CI runs);
``PLAN_ANALYZER_FUZZ_EXAMPLES=10000 python -m pytest tests/hostile/test_fuzz_readers.py`` is the long run.
"""

from __future__ import annotations

import os
import re
import tempfile
import zlib
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.errors import ReadError
from analyzer.ingest.decode import RawText

from . import make_hostile as mh
from .conftest import CJK, check_message

EXAMPLES = int(os.environ.get("PLAN_ANALYZER_FUZZ_EXAMPLES", "2000"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=2),
    database=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                           HealthCheck.large_base_example],
)


def check_reader(read, data: bytes, name: str) -> None:
    """``read(data, name)`` returns RawText of str lines, or raises ReadError with a Chinese message."""
    try:
        raw = read(data, name)
    except ReadError as exc:
        message = str(exc)
        assert CJK.search(message) and "Traceback" not in message, message
        return
    assert isinstance(raw, RawText)
    assert isinstance(raw.encoding, str)
    assert all(isinstance(line, str) for line in raw.lines)


# --- bytes and text ----------------------------------------------------------------------------

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
             "latin-1", "shift_jis")  # fmt: skip
BOMS = (b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
plan_text = st.lists(st.sampled_from(mh.PLAN_LINES) | st.text(max_size=40), max_size=6).map("\n".join)
encoded_text = st.builds(lambda text, enc: text.encode(enc, errors="ignore"), plan_text,
                         st.sampled_from(ENCODINGS))
text_bytes = st.one_of(
    st.binary(max_size=2048),
    encoded_text,
    st.builds(lambda bom, body: bom + body, st.sampled_from(BOMS), st.binary(max_size=512) | encoded_text),
    st.builds(lambda parts: b"".join(parts), st.lists(encoded_text | st.binary(max_size=16), max_size=8)),
    st.builds(lambda body, at, n: body[:at] + b"\0" * n + body[at:], encoded_text, st.integers(0, 400),
              st.integers(1, 64)),
)


# --- .docx -------------------------------------------------------------------------------------

W_TAGS = ("p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtContent", "ins", "del", "moveTo", "moveFrom", "br",
          "tab", "cr", "pPr", "rPr", "numPr", "ilvl", "numId", "pStyle", "customXml", "smartTag", "hyperlink",
          "fldSimple", "noBreakHyphen", "ptab", "delText", "instrText", "body", "document", "txbxContent")  # fmt: skip
NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.中文"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(text: str) -> str:
    text = _XML_BAD.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


xml_name = st.sampled_from(W_TAGS).map(lambda t: "w:" + t) | st.text(NAME_CHARS, min_size=1, max_size=8).map(
    lambda t: "w:" + t.lstrip("-.0123456789") if t.lstrip("-.0123456789") else "x")
attr_value = st.one_of(
    st.text(max_size=12).map(_escape),
    st.integers(-(2**63), 2**63).map(str),
    st.sampled_from(["&e0;", "&#0;", "&#x110000;", "&lt;", "%1.%2", "9" * 5000, "A" * 100_000]),
)
attrs = st.dictionaries(st.sampled_from(["w:val", "w:rsidR", "w:id", "w:type", "x:y", "w:abstractNumId"]),
                        attr_value, max_size=2)
XML_ODDITIES = ("&e0;", "&e1;", "&undefined;", "&#20013;", "&#xFFFF;", "]]>", "<![CDATA[一、]]>")
xml_text = st.one_of(st.text(max_size=30).map(_escape), st.sampled_from(mh.PLAN_LINES),
                     st.sampled_from(XML_ODDITIES))


def _element(name: str, attributes: dict[str, str], children: list[str]) -> str:
    attrs_text = "".join(f' {k}="{v}"' for k, v in attributes.items())
    return f"<{name}{attrs_text}>{''.join(children)}</{name}>"


xml_tree = st.recursive(xml_text, lambda inner: st.builds(_element, xml_name, attrs, st.lists(inner, max_size=4)),
                        max_leaves=12)
PROLOGS = (
    "",
    '<!DOCTYPE w:document [<!ENTITY e0 "一、指导思想"><!ENTITY e1 "&e0;&e0;&e0;">]>',
    '<!DOCTYPE w:document [<!ENTITY e0 SYSTEM "file:///etc/passwd"><!ENTITY e1 "&e0;">]>',
    '<!DOCTYPE w:document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    '<!DOCTYPE w:document SYSTEM "file:///etc/passwd">',
    '<!DOCTYPE w:document [<!ELEMENT w:document ANY><!ATTLIST w:p w:val CDATA "默认">]>',
)


@st.composite
def document_parts(draw) -> bytes:
    """A word/document.xml: well-formed but odd (random names, nesting, attributes, entities) or not."""
    children = draw(st.lists(xml_tree, max_size=3))
    depth = draw(st.sampled_from([0, 0, 0, 10, 300, 3000]))
    wrapper = draw(st.sampled_from(W_TAGS))
    body = f"<w:{wrapper}>" * depth + "".join(children) + f"</w:{wrapper}>" * depth
    xml = (f'<?xml version="1.0" encoding="UTF-8"?>{draw(st.sampled_from(PROLOGS))}'
           f'<w:document xmlns:w="{mh.W_NS}" xmlns:x="urn:x"><w:body>{body}</w:body></w:document>')
    if draw(st.integers(0, 9)) == 0:  # now and then, not well-formed at all
        cut = draw(st.integers(0, len(xml)))
        xml = xml[:cut] + draw(st.text(max_size=10)) + xml[cut + 1:]
    return xml.encode("utf-8", errors="surrogatepass")


NUM_FORMATS = ("decimal", "chineseCounting", "chineseCountingThousand", "ideographTraditional", "lowerLetter",
               "upperRoman", "decimalEnclosedCircle", "bullet", "none", "ordinal", "japaneseCounting", "奇怪")  # fmt: skip
LEVEL_TEXT = st.lists(st.sampled_from(["%1", "%2", "%9", "%10", "%", ".", "、", "（", "）", "一"]),
                      max_size=4).map("".join)
numbers = st.one_of(st.integers(-5, 12), st.integers(-(10**12), 10**12), st.sampled_from(["x", "", "9" * 5000]))


@st.composite
def numbering_parts(draw) -> bytes:
    """A numbering.xml with random levels, formats, starts, overrides and dangling references."""
    parts = []
    for _ in range(draw(st.integers(0, 2))):
        levels = "".join(
            f'<w:lvl w:ilvl="{draw(numbers)}"><w:start w:val="{draw(numbers)}"/>'
            f'<w:numFmt w:val="{draw(st.sampled_from(NUM_FORMATS))}"/>'
            f'<w:lvlText w:val="{draw(LEVEL_TEXT)}"/>'
            f'{draw(st.sampled_from(["", "<w:isLgl/>"]))}</w:lvl>'
            for _ in range(draw(st.integers(0, 3))))
        parts.append(f'<w:abstractNum w:abstractNumId="{draw(numbers)}">{levels}</w:abstractNum>')
    for _ in range(draw(st.integers(0, 2))):
        override = draw(st.sampled_from(["", '<w:lvlOverride w:ilvl="{0}"><w:startOverride w:val="{0}"/>'
                                              "</w:lvlOverride>"])).format(draw(numbers))
        num_id, abstract_id = draw(numbers), draw(numbers)
        parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>')
    return f'<w:numbering xmlns:w="{mh.W_NS}">{"".join(parts)}</w:numbering>'.encode()


@st.composite
def numbered_documents(draw) -> bytes:
    """Paragraphs numbered through random numIds and levels, over a random numbering part."""
    paragraphs = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{draw(numbers)}"/><w:numId w:val="{draw(numbers)}"/></w:numPr>'
        f"</w:pPr><w:r><w:t>{_escape(draw(st.sampled_from(mh.PLAN_LINES)))}</w:t></w:r></w:p>"
        for _ in range(draw(st.integers(1, 8))))
    document = f'<w:document xmlns:w="{mh.W_NS}"><w:body>{paragraphs}</w:body></w:document>'.encode()
    return mh.docx_package(document, extra=[mh.member("word/_rels/document.xml.rels", mh.DOCUMENT_RELS),
                                            mh.member("word/numbering.xml", draw(numbering_parts()))])


def _base_docx() -> bytes:
    numbering = (f'<w:numbering xmlns:w="{mh.W_NS}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
                 '<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')
    body = (f'<w:document xmlns:w="{mh.W_NS}"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/>'
            '<w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>指导思想</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p>'
            "<w:r><w:t>三月</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>召开职代会</w:t></w:r></w:p></w:tc></w:tr>"
            "</w:tbl></w:body></w:document>")
    return mh.docx_package(body.encode(), extra=[mh.member("word/_rels/document.xml.rels", mh.DOCUMENT_RELS),
                                                 mh.member("word/numbering.xml", numbering.encode())])


BASE_DOCX = _base_docx()


@st.composite
def mutated(draw, base: bytes) -> bytes:
    """``base`` with bytes flipped, cut short, or random bytes spliced in."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "flip", "cut", "splice", "zero"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del data[at:]
        elif kind == "splice":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif kind == "zero":
            data[at: at + draw(st.integers(1, 64))] = b"\0" * 8
    return bytes(data)


@st.composite
def odd_packages(draw) -> bytes:
    """Valid zip structure with odd contents: entries reordered, dropped, duplicated, headers lying."""
    members = [mh.member("[Content_Types].xml", mh.CONTENT_TYPES), mh.member("_rels/.rels", mh.PACKAGE_RELS),
               mh.member("word/document.xml", draw(document_parts())),
               mh.member("word/_rels/document.xml.rels", mh.DOCUMENT_RELS),
               mh.member("word/numbering.xml", draw(numbering_parts()))]
    members = draw(st.permutations(members))
    members = [m for m in members if draw(st.integers(0, 7))]  # now and then one is missing
    if members and draw(st.booleans()):
        k = draw(st.integers(0, len(members) - 1))
        m = members[k]
        members[k] = mh.Member(m.name, m.data, draw(st.sampled_from([m.crc, 0, m.crc ^ 1])),
                               draw(st.sampled_from([m.size, 0, 1, 2**31, 2**32 - 1])),
                               draw(st.sampled_from([8, 8, 0, 12, 14, 99])),
                               draw(st.sampled_from([0, 1, 8, 0x20])),
                               draw(st.sampled_from([20, 45, 63, 64, 255])))
    if members and draw(st.integers(0, 4)) == 0:
        members.append(members[draw(st.integers(0, len(members) - 1))])  # a duplicated name
    return mh.build_zip(members)


docx_bytes = st.one_of(
    mutated(BASE_DOCX),
    odd_packages(),
    numbered_documents(),
    st.builds(mh.docx_package, document_parts()),
    st.binary(max_size=1024).map(lambda b: b"PK\x03\x04" + b),
)


# --- PDF ---------------------------------------------------------------------------------------

FILTERS = ("/FlateDecode", "/LZWDecode", "/ASCII85Decode", "/ASCIIHexDecode", "/RunLengthDecode", "/DCTDecode",
           "/CCITTFaxDecode", "/JBIG2Decode", "/Crypt", "/JPXDecode", "/Nonsense")  # fmt: skip
pdf_atom = st.one_of(
    st.integers(-(2**40), 2**40).map(str), st.sampled_from(["true", "null", "/Name", "0 0 R", "99 0 R", "3 0 R",
                                                            "2 0 R", "(x)", "<e4b8ad>", "1.5e308", "-.5"]),
    st.text(alphabet="()\\<>[]{}/%#a0 \n", max_size=10),
)
pdf_object = st.recursive(
    pdf_atom,
    lambda inner: st.one_of(st.lists(inner, max_size=4).map(lambda xs: "[" + " ".join(xs) + "]"),
                            st.dictionaries(st.sampled_from(["/Type", "/Kids", "/Count", "/Parent", "/Contents",
                                                             "/Resources", "/Font", "/Length", "/Filter", "/W"]),
                                            inner, max_size=4).map(
                                lambda d: "<<" + " ".join(f"{k} {v}" for k, v in d.items()) + ">>")),
    max_leaves=8,
)
content_ops = st.lists(st.one_of(
    st.sampled_from(["BT", "ET", "q", "Q", "/F1 12 Tf", "/F9 12 Tf", "72 720 Td", "(Plan) Tj", "[(a) -20 (b)] TJ",
                     "/Im1 Do", "1e30 0 0 1e30 0 0 cm", "T*", "(x) '", "BI /W 1 /H 1 ID \x00 EI", "%comment"]),
    pdf_atom.map(lambda a: a + " Tj")), max_size=20).map(lambda ops: "\n".join(ops).encode("latin-1", "replace"))


@st.composite
def odd_pdfs(draw) -> bytes:
    """A PDF with a valid skeleton and odd parts: random objects, filters, lengths, page-tree loops."""
    content = draw(content_ops)
    filters = draw(st.lists(st.sampled_from(FILTERS), max_size=2))
    length = draw(st.sampled_from([str(len(content)), "0", "-1", "99999999", "7 0 R"]))
    extra = " /Filter [" + " ".join(filters) + "]" if filters else ""
    if "/FlateDecode" in filters[:1] and draw(st.booleans()):
        content = zlib.compress(content)
    kids = draw(st.sampled_from(["[3 0 R]", "[2 0 R]", "[3 0 R 3 0 R]", "[]", "3 0 R", "[8 0 R]"]))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids %s /Count %s >>" % (kids.encode(), str(draw(numbers)).encode()),
        b"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 6 0 R >> >> "
        b"/Contents 5 0 R /MediaBox %s >>" % draw(pdf_object).encode("latin-1", "replace"),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %s%s >>\nstream\n%s\nendstream" % (length.encode(), extra.encode(), content),
        draw(pdf_object).encode("latin-1", "replace"),
        draw(pdf_object).encode("latin-1", "replace"),
    ]
    return mh.simple_pdf(objects, xref=draw(st.booleans()))


pdf_bytes = st.one_of(
    st.binary(max_size=1024).map(lambda b: b"%PDF-1.7\n" + b),
    mutated(mh.text_pdf()),
    odd_pdfs(),
    odd_pdfs().flatmap(mutated),
)


# --- HTML --------------------------------------------------------------------------------------

HTML_TAGS = ("div", "p", "span", "table", "tr", "td", "th", "br", "h1", "h2", "li", "ul", "script", "style",
             "nav", "header", "footer", "article", "main", "section", "pre", "a", "font", "center", "iframe",
             "svg", "math", "template", "noscript", "title", "head", "body", "html", "meta", "form", "select",
             "textarea")  # fmt: skip
html_attrs = st.dictionaries(
    st.sampled_from(["class", "id", "charset", "style", "href", "content", "http-equiv", "colspan"]),
    st.one_of(st.sampled_from(["nav", "footer", "share", "sidebar ad", "content", "main", "utf-8", "gbk", "utf-7",
                               "utf-16", "rot13", "zlib", "x-unknown", "text/html; charset=big5"]),
              st.text(max_size=15).map(_escape)), max_size=2)
html_text = st.one_of(st.text(max_size=30).map(_escape), st.sampled_from(mh.PLAN_LINES),
                      st.sampled_from(["&nbsp;", "&#0;", "&#x110000;", "&bogus", "<!-- x", "<![CDATA[", "</p>"]))
def _html_element(tag: str, attributes: dict[str, str], children: list[str], closed: bool) -> str:
    element = _element(tag, attributes, children)
    return element if closed else element[: -len(f"</{tag}>")]


html_tree = st.recursive(
    html_text,
    lambda inner: st.builds(_html_element, st.sampled_from(HTML_TAGS), html_attrs, st.lists(inner, max_size=5),
                            st.booleans()),
    max_leaves=12,
)


@st.composite
def html_pages(draw) -> bytes:
    """A page of random markup: unclosed tags, odd charsets, deep nesting, any encoding."""
    depth = draw(st.sampled_from([0, 0, 0, 50, 500, 5000]))
    tag = draw(st.sampled_from(["div", "table", "span", "li", "font"]))
    body = f"<{tag}>" * depth + "".join(draw(st.lists(html_tree, max_size=4))) + f"</{tag}>" * depth
    page = f"<html><head>{draw(html_tree)}</head><body>{body}</body></html>"
    return draw(st.sampled_from(BOMS[:3])) + page.encode(draw(st.sampled_from(ENCODINGS)), errors="ignore")


html_bytes = st.one_of(html_pages(), text_bytes, st.binary(max_size=512).map(lambda b: b"<html><body>" + b))


# --- the properties ----------------------------------------------------------------------------


@FUZZ
@given(data=text_bytes)
def test_read_txt_returns_rawtext_or_raises_readerror(data: bytes) -> None:
    from analyzer.ingest.txt import read_txt

    check_reader(read_txt, data, "计划.txt")


@FUZZ
@given(data=docx_bytes)
def test_read_docx_returns_rawtext_or_raises_readerror(data: bytes) -> None:
    from analyzer.ingest.docx import read_docx

    check_reader(read_docx, data, "计划.docx")


@FUZZ
@given(data=pdf_bytes)
def test_read_pdf_returns_rawtext_or_raises_readerror(data: bytes) -> None:
    from analyzer.ingest.pdf import read_pdf

    check_reader(read_pdf, data, "计划.pdf")


@FUZZ
@given(data=html_bytes)
def test_read_html_returns_rawtext_or_raises_readerror(data: bytes) -> None:
    from analyzer.ingest.html import read_html

    check_reader(read_html, data, "计划.html")


SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm", "", ".doc", ".xlsx", ".png", ".zip", ".json", ".TXT")


@FUZZ
@given(data=st.one_of(text_bytes, docx_bytes, pdf_bytes, html_bytes), suffix=st.sampled_from(SUFFIXES))
def test_read_document_returns_a_document_or_raises_readerror(data: bytes, suffix: str) -> None:
    from analyzer.ingest import read_document
    from analyzer.models import Document
    from analyzer.pipeline import parse_document

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"计划{suffix}"
        path.write_bytes(data)
        try:
            doc = read_document(path)
        except ReadError:
            error = parse_document(path).error  # the same failure, as the batch reports it
            assert error is not None
            check_message(error)
            return
        assert isinstance(doc, Document)
        assert len(doc.lines) == len(doc.text_lines)
