"""Plain text (.txt, .md, no extension) → lines, through the decode cascade."""

from __future__ import annotations

import html

from analyzer.ingest import patterns as P
from analyzer.ingest.decode import RawText, decode_bytes
from analyzer.ingest.normalize import split_lines


def read_txt(data: bytes, name: str = "") -> RawText:
    """Decode a plain-text file and split it into lines (CRLF, CR and LF all end a line).

    Args:
        data: the file's bytes (non-empty).
        name: the file name, for messages.

    Returns:
        The raw lines and the encoding label (``utf-8``, ``utf-8-sig``, ``utf-16``, ``gb18030``, ``big5`` …).

    Raises:
        DecodeError: the bytes are binary or in no supported encoding.
        UnsupportedFormatError: the bytes are a binary Word/WPS file.

    >>> read_txt("一、指导思想\\r\\n二、工作目标".encode("gbk")).lines
    ['一、指导思想', '二、工作目标']
    """
    decoded = decode_bytes(data, name=name)
    warnings: tuple[str, ...] = ()
    if decoded.replaced:
        warnings = (f"有 {decoded.replaced} 处字节无法按 {decoded.encoding} 解码,已替换为 �",)
    return RawText(strip_inline_markup(split_lines(decoded.text)), decoded.encoding, warnings)


def strip_inline_markup(lines: list[str]) -> list[str]:
    """Remove inline HTML tags and their entities from plain-text lines (the line itself stays).

    >>> strip_inline_markup(["1、<b>组织</b>职工健步走&nbsp;活动"])
    ['1、组织职工健步走 活动']
    """
    if not any("<" in line or "&" in line for line in lines):
        return lines
    return [_unmark(line) if ("<" in line or "&" in line) else line for line in lines]


def _unmark(line: str) -> str:
    line = P.INLINE_TAG.sub("", line)
    return P.HTML_ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), line)
