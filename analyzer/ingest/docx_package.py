"""Open a .docx package: the body, numbering and styles elements, found through its relationships.

Only the parts the reader walks are parsed: python-docx parses every XML part when it opens a
package (styles, theme, settings …), and a styles part is often hundreds of kilobytes — most of
the time of reading a short plan. The styles part is parsed only when it can hold a numbering
reference (``numPr``); without one it cannot number any paragraph. Parts are located the way
Office does: the package relationships name the main document part, whose own relationships name
its numbering and styles parts (transitional or strict relationship namespaces).
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from analyzer.ingest.docx_numbering import _W

_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN_DOCUMENT = "officeDocument"
_DEFAULT_MAIN = "word/document.xml"
# "numPr" as it appears in a part encoded in UTF-8, UTF-16LE or UTF-16BE.
_NUMPR = (b"numPr", "numPr".encode("utf-16-le"), "numPr".encode("utf-16-be"))


class PackageError(ValueError):
    """The bytes are not a readable Word package."""


def _parse(data: bytes) -> etree._Element:
    # The settings python-docx parses with: ignorable whitespace dropped, no entity expansion.
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True)
    return etree.fromstring(data, parser)


def _read(package: zipfile.ZipFile, part: str) -> bytes:
    try:
        return package.read(part)
    except KeyError as exc:
        raise PackageError(f"missing part {part}") from exc


def _relationships(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship type (its last path segment) → target part name, for ``part`` ('' = package)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels") if part else "_rels/.rels"
    if rels_name not in package.NameToInfo:
        return {}
    found: dict[str, str] = {}
    for rel in _parse(package.read(rels_name)).iterfind(_RELS_NS + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if target.startswith("/"):
            resolved = target.lstrip("/")
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        found.setdefault(kind, resolved)
    return found


def open_parts(data: bytes) -> tuple[etree._Element, etree._Element | None, etree._Element | None]:
    """``(body, numbering root or None, styles root or None)`` of a .docx file's bytes.

    The styles root is ``None`` also when the styles part holds no numbering reference.

    Raises:
        PackageError: no main document part, or the main part is not a Word document.
        zipfile.BadZipFile, etree.XMLSyntaxError: a damaged package (callers report both).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        main = _relationships(package, "").get(_MAIN_DOCUMENT, _DEFAULT_MAIN)
        document = _parse(_read(package, main))
        body = document.find(_W + "body") if document.tag == _W + "document" else None
        if body is None:
            raise PackageError(f"{main} is not a Word document")
        related = _relationships(package, main)
        numbering = _parse(_read(package, related["numbering"])) if "numbering" in related else None
        styles = None
        if "styles" in related:
            raw = _read(package, related["styles"])
            if any(mark in raw for mark in _NUMPR):
                styles = _parse(raw)
    return body, numbering, styles
