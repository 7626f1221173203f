"""Bytes → text: BOM, strict UTF-8, BOM-less UTF-16, then GB18030 versus Big5 by a character-commonness score.

The cascade is deterministic and linear in the input size. GB18030 accepts almost any byte
sequence, so when both GB18030 and Big5 decode, each reading is scored on a sample by the share of
its CJK characters that are *common* in that script (GB2312 level-1 hanzi for simplified, Big5
level-1 hanzi for traditional) and the higher score wins; a wrong reading of either encoding lands
mostly in rare or private-use characters.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections import Counter
from typing import NamedTuple

from analyzer.errors import DecodeError, UnsupportedFormatError
from analyzer.ingest import patterns as P

logger = logging.getLogger(__name__)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
DOC_MESSAGE = "无法读取 .doc 格式(旧版 Word 二进制文件);请在 Word 中另存为 .docx 后再分析"

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_SAMPLE = 256 * 1024  # bytes sniffed; whole-file work stays in C codecs
_SCORE_CHARS = 20_000  # characters scored per candidate reading
_MAX_REPLACED_SHARE = 0.01  # a near-valid text may keep up to 1 % replacement characters
_MIN_SCORE = 0.35  # below this share of common characters a reading is nonsense


class RawText(NamedTuple):
    """What a format reader hands on: the text's lines before normalisation, and how it was read."""

    lines: list[str]
    encoding: str
    warnings: tuple[str, ...] = ()


class Decoded(NamedTuple):
    """A decoded text, the encoding label recorded on the Document, and replaced-byte count."""

    text: str
    encoding: str
    replaced: int


def decode_bytes(data: bytes, *, name: str = "") -> Decoded:
    """Decode file bytes with the project's encoding cascade.

    Args:
        data: the raw bytes of a text file (non-empty).
        name: the file name, only used in messages.

    Returns:
        The text (line ends untouched), the encoding label and how many bytes were replaced.

    Raises:
        UnsupportedFormatError: the bytes are a binary Word/WPS (OLE2) file.
        DecodeError: the bytes are binary data or text in no supported encoding.

    >>> decode_bytes("工作计划".encode("gbk")).encoding
    'gb18030'
    """
    if data.startswith(OLE2_MAGIC):
        raise UnsupportedFormatError(DOC_MESSAGE)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _finish(data[len(bom) :].decode(codec, errors="replace"), label, name)
    utf16 = _sniff_utf16(data)
    if utf16 is not None:
        return _finish(data.decode(utf16, errors="replace"), "utf-16", name)
    if _looks_binary(data[:_SAMPLE]):
        raise DecodeError(f"文件不是文本(含大量二进制数据):{name};请另存为 .docx 或 .txt 后再分析")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0)
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, name)


def _decode_legacy(data: bytes, name: str) -> Decoded:
    """UTF-8 with a few bad bytes, GB18030 or Big5, whichever reads as real text."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(1, len(text) * _MAX_REPLACED_SHARE):
        return _finish(text, "utf-8", name)
    candidates: list[tuple[float, int, str, str]] = []
    for rank, (codec, label) in enumerate((("gb18030", "gb18030"), ("cp950", "big5"))):
        try:
            decoded = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((score_cjk(decoded[:_SCORE_CHARS], label), -rank, decoded, label))
    if candidates:
        score, _, decoded, label = max(candidates)
        if score >= _MIN_SCORE:
            return Decoded(decoded, label, 0)
    for codec, label in (("gb18030", "gb18030"), ("cp950", "big5")):
        decoded = data.decode(codec, errors="replace")
        bad = decoded.count("\ufffd")
        if (
            bad <= len(decoded) * _MAX_REPLACED_SHARE
            and score_cjk(decoded[:_SCORE_CHARS], label) >= _MIN_SCORE
        ):
            return _finish(decoded, label, name)
    raise DecodeError(
        f"无法识别文件编码(不是 UTF-8、GB18030/GBK、Big5 或 UTF-16 文本):{name};请用记事本另存为 UTF-8 编码后再分析"
    )


def _finish(text: str, label: str, name: str) -> Decoded:
    """Count replacement characters and warn through logging when there are any."""
    bad = text.count("\ufffd")
    if bad:
        logger.warning(
            "%s: %d byte sequence(s) could not be decoded as %s and were replaced", name, bad, label
        )
    return Decoded(text, label, bad)


def _sniff_utf16(data: bytes) -> str | None:
    """Return ``utf-16-le``/``utf-16-be`` when NUL bytes sit almost only at odd/even offsets."""
    sample = data[: _SAMPLE & ~1]
    if len(sample) < 4 or 0 not in sample:  # no NUL byte at all: not UTF-16 (the common case)
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    for codec, high, low in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if high >= 2 and high >= 2 * low:  # verified below: CJK with a 0x00 byte (一 = U+4E00) exists
            text = sample.decode(codec, errors="replace")
            if text.count("\ufffd") > len(text) * _MAX_REPLACED_SHARE or _printable_share(text) < 0.9:
                continue
            text = text[:_SCORE_CHARS]
            if max(score_cjk(text, "gb18030"), score_cjk(text, "big5")) >= _MIN_SCORE:
                return codec
    return None


def _printable_share(text: str) -> float:
    """Share of characters that are printable or ordinary whitespace."""
    if not text:
        return 0.0
    if text.translate(_LINE_CONTROLS).isprintable():  # one C pass decides the usual case
        return 1.0
    good = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    return good / len(text)


_LINE_CONTROLS = {ord(ch): None for ch in "\r\n\t"}  # str.translate table: delete them


def _looks_binary(sample: bytes) -> bool:
    """NUL bytes or C0 controls (other than tab/CR/LF/FF/ESC) make up a noticeable share."""
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))  # one C pass
    return controls > max(2, len(sample) * 0.02)


_BINARY_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))  # C0 minus text controls


def _is_common(ch: str, label: str) -> bool:
    """Whether a CJK character is a level-1 (frequent) hanzi of the script ``label`` implies."""
    try:
        if label == "big5":
            lead = ch.encode("cp950")[0]
            return 0xA4 <= lead <= 0xC6
        lead = ch.encode("gb2312")[0]
        return 0xB0 <= lead <= 0xD7
    except (UnicodeEncodeError, IndexError):
        return False


def score_cjk(text: str, label: str) -> float:
    """Share of non-ASCII letters in ``text`` that are common hanzi or CJK punctuation.

    Private-use and unassigned characters (typical of a wrong reading) count against the score.
    Counted character by character until a process has scored enough text for ``label`` that a
    lookup table (built once, some tens of milliseconds) pays off; both ways give the same number.

    >>> score_cjk("工作计划", "gb18030") > 0.9
    True
    """
    table = _TABLES.get(label)
    if table is None:
        _LOOP_CHARS[label] = _LOOP_CHARS.get(label, 0) + len(text)
        if _LOOP_CHARS[label] <= _TABLE_AFTER_CHARS:
            return _score_by_loop(text, label)
        table = _TABLES[label] = common_chars(label)
    return _score_by_table(text, table)


_TABLE_AFTER_CHARS = 40_000  # characters scored one by one (per label) before the table is built
_LOOP_CHARS: dict[str, int] = {}  # characters scored one by one so far, per label
_TABLES: dict[str, re.Pattern[str]] = {}  # built tables, per label


def _score_by_loop(text: str, label: str) -> float:
    """score_cjk over the text's distinct characters, each tested once per process (the answers
    for ``label`` are kept as characters are met: a character set growing towards the table)."""
    known = _KNOWN.setdefault(label, {})
    common = total = 0
    for ch, count in Counter(text).items():
        if ch < "\u0080" or ch.isspace():
            continue
        total += count
        is_common = known.get(ch)
        if is_common is None:
            is_common = known[ch] = _is_scored_common(ch, label)
        if is_common:
            common += count
    return common / total if total else 1.0


_KNOWN: dict[str, dict[str, bool]] = {}  # per label: character → _is_scored_common(character, label)


def _score_by_table(text: str, table: re.Pattern[str]) -> float:
    """score_cjk with the characters counted by two character-class scans."""
    total = sum(map(len, P.SCORED_RUN.findall(text)))
    if not total:
        return 1.0
    return sum(map(len, table.findall(text))) / total


def _is_scored_common(ch: str, label: str) -> bool:
    """Whether score_cjk counts ``ch`` as common: CJK punctuation, or a level-1 hanzi of ``label``."""
    if ch < "\u0080" or ch.isspace():
        return False
    if "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e" or ch in "“”‘’—…·":
        return True
    return "\u4e00" <= ch <= "\u9fff" and _is_common(ch, label)


def common_chars(label: str) -> re.Pattern[str]:
    """Runs of the characters :func:`_is_scored_common` accepts for ``label``.

    Level-1 hanzi are found by decoding every byte pair with a level-1 lead byte (far cheaper
    than encoding all 21 000 ideographs); each candidate is still checked with the definition.

    >>> common_chars("gb18030").findall("工作計劃abc")
    ['工作']
    """
    codec, leads, trails = (
        ("cp950", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])
        if label == "big5"
        else ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
    )
    pairs = bytes(b for lead in leads for trail in trails for b in (lead, trail))
    candidates = [*map(chr, range(0x3000, 0x3040)), *map(chr, range(0xFF01, 0xFF5F)), *"“”‘’—…·"]
    candidates += pairs.decode(codec, errors="replace")
    return P.char_runs(ch for ch in candidates if _is_scored_common(ch, label))
