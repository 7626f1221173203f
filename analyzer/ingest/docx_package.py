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
import struct
import zipfile

from lxml import etree

from analyzer.ingest.docx_numbering import _W
from analyzer.limits import Limits

_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_MAIN_DOCUMENT = "officeDocument"
_DEFAULT_MAIN = "word/document.xml"
# "numPr" as it appears in a part encoded in UTF-8, UTF-16LE or UTF-16BE.
_NUMPR = (b"numPr", "numPr".encode("utf-16-le"), "numPr".encode("utf-16-be"))


_CHUNK = 256 * 1024
_RATIO_FLOOR = 1024 * 1024  # the compression ratio is judged once a part has inflated past 1 MB
_EOCD = b"PK\x05\x06"


class PackageError(ValueError):
    """The bytes are not a readable Word package."""


class PackageLimitError(PackageError):
    """A package breaks a resource limit; the message is the user's (Chinese, names the limit)."""


def _parse(data: bytes) -> etree._Element:
    # The settings python-docx parses with: ignorable whitespace dropped; and never an entity
    # expanded, a DTD loaded or the network touched (XXE, billion laughs), nor a huge tree.
    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False)
    return etree.fromstring(data, parser)


class _Budget:
    """Decompressed bytes left for one package, shared by every part read from it."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.left = limits.max_package_bytes


def entry_count(data: bytes) -> int | None:
    """Entries the zip's end-of-central-directory record announces (None when there is none).

    Read before ``zipfile`` builds one object per entry, so a package of a million tiny entries is
    refused without building them.
    """
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    return struct.unpack_from("<H", data, at + 10)[0]


def _read(package: zipfile.ZipFile, part: str, budget: _Budget) -> bytes:
    """A part's bytes, inflated chunk by chunk and stopped as soon as a limit is passed."""
    try:
        info = package.getinfo(part)
    except KeyError as exc:
        raise PackageError(f"missing part {part}") from exc
    limits = budget.limits
    cap = min(limits.max_part_bytes, budget.left)
    if info.file_size > cap:
        raise PackageLimitError(_too_big(limits, budget, info.file_size))
    chunks: list[bytes] = []
    size = 0
    with package.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > cap:
                raise PackageLimitError(_too_big(limits, budget, size))
            if size > _RATIO_FLOOR and size > limits.max_ratio * max(info.compress_size, 1):
                raise PackageLimitError(
                    f"Word 文件中的 {part} 压缩比超过上限（{limits.max_ratio} 倍），疑似压缩炸弹"
                )
            chunks.append(chunk)
    budget.left -= size
    return b"".join(chunks)


def _too_big(limits: Limits, budget: _Budget, size: int) -> str:
    if size > limits.max_part_bytes:
        return (f"Word 文件解压后过大（单个部件超过上限 {limits.max_part_bytes // 1048576} MB），"
                "可能已损坏或是压缩炸弹")
    return (f"Word 文件解压后过大（合计超过上限 {limits.max_package_bytes // 1048576} MB），"
            "可能已损坏或是压缩炸弹")


def _relationships(package: zipfile.ZipFile, part: str, budget: _Budget) -> dict[str, str]:
    """Relationship type (its last path segment) → target part name, for ``part`` ('' = package)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels") if part else "_rels/.rels"
    if rels_name not in package.NameToInfo:
        return {}
    found: dict[str, str] = {}
    for rel in _parse(_read(package, rels_name, budget)).iterfind(_RELS_NS + "Relationship"):
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


def open_parts(data: bytes, limits: Limits | None = None,
               ) -> tuple[etree._Element, etree._Element | None, etree._Element | None]:
    """``(body, numbering root or None, styles root or None)`` of a .docx file's bytes.

    The styles root is ``None`` also when the styles part holds no numbering reference.

    Raises:
        PackageLimitError: the package breaks a limit (entries, part size, total size, ratio).
        PackageError: no main document part, or the main part is not a Word document.
        zipfile.BadZipFile, etree.XMLSyntaxError, zlib.error …: a damaged package (callers report them).
    """
    limits = limits or Limits()
    entries = entry_count(data)
    if entries is not None and entries > limits.max_zip_entries:
        raise PackageLimitError(f"Word 文件包含的部件数（{entries} 个）超过上限（{limits.max_zip_entries} 个）")
    budget = _Budget(limits)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        main = _relationships(package, "", budget).get(_MAIN_DOCUMENT, _DEFAULT_MAIN)
        document = _parse(_read(package, main, budget))
        body = document.find(_W + "body") if document.tag == _W + "document" else None
        if body is None:
            raise PackageError(f"{main} is not a Word document")
        related = _relationships(package, main, budget)
        numbering = _parse(_read(package, related["numbering"], budget)) if "numbering" in related else None
        styles = None
        if "styles" in related:
            raw = _read(package, related["styles"], budget)
            if any(mark in raw for mark in _NUMPR):
                styles = _parse(raw)
    return body, numbering, styles
