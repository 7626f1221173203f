"""Decode cascade: BOMs, UTF-8, BOM-less UTF-16, GB18030 vs Big5, line ends, bad bytes."""

from __future__ import annotations

import codecs
import logging

import pytest

from analyzer.errors import DecodeError, UnsupportedFormatError
from analyzer.ingest.decode import decode_bytes
from analyzer.ingest.txt import read_txt

SIMPLIFIED = "2024年工会工作计划\n一、指导思想\n坚持以职工为中心,组织开展劳动竞赛和职工技能培训活动。\n"
TRADITIONAL = "2024年工會工作計劃\n一、指導思想\n堅持以職工為中心,組織開展勞動競賽和職工技能培訓活動。\n"


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8", SIMPLIFIED),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig", SIMPLIFIED),
        (SIMPLIFIED.encode("gb18030"), "gb18030", SIMPLIFIED),
        (SIMPLIFIED.encode("gbk"), "gb18030", SIMPLIFIED),
        (SIMPLIFIED.encode("gb2312"), "gb18030", SIMPLIFIED),
        (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
        (TRADITIONAL.encode("gb18030"), "gb18030", TRADITIONAL),  # traditional text stored as GBK
        (SIMPLIFIED.encode("utf-16"), "utf-16", SIMPLIFIED),  # with BOM
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16", SIMPLIFIED),
        (SIMPLIFIED.encode("utf-16-le"), "utf-16", SIMPLIFIED),  # no BOM
        (SIMPLIFIED.encode("utf-16-be"), "utf-16", SIMPLIFIED),  # no BOM
        (TRADITIONAL.encode("utf-16-le"), "utf-16", TRADITIONAL),
        (SIMPLIFIED.encode("utf-32"), "utf-32", SIMPLIFIED),
        (b"plain ascii plan\n", "utf-8", "plain ascii plan\n"),
    ],
)
def test_decode_cascade(data: bytes, encoding: str, text: str) -> None:
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.text) == (encoding, text)


@pytest.mark.parametrize(
    ("data", "lines"),
    [
        ("一、指导思想\r\n二、目标\r\n".encode("gbk"), ["一、指导思想", "二、目标", ""]),
        ("一、指导思想\r二、目标".encode(), ["一、指导思想", "二、目标"]),
        ("一\n\n二\r\r三".encode(), ["一", "", "二", "", "三"]),
        ("一、指导思想\r\n二、目标".encode("utf-16-le"), ["一、指导思想", "二、目标"]),
    ],
)
def test_line_ends(data: bytes, lines: list[str]) -> None:
    assert read_txt(data).lines == lines


def test_short_gbk_and_big5_are_told_apart() -> None:
    assert decode_bytes("工会计划".encode("gbk")).encoding == "gb18030"
    assert decode_bytes("工會計劃".encode("big5")).encoding == "big5"


def test_few_bad_bytes_are_replaced_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    data = ("一、指导思想。" * 40).encode() + b"\xff" + "二、工作目标。".encode()
    with caplog.at_level(logging.WARNING, logger="analyzer.ingest.decode"):
        decoded = decode_bytes(data, name="x.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.replaced == 1
    assert "replaced" in caplog.text
    assert read_txt(data).warnings


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (bytes(range(256)) * 8, DecodeError),  # binary garbage
        (b"\x00\x01\x02\x03\x04\x05" * 100, DecodeError),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, UnsupportedFormatError),  # OLE2 .doc
        (b"\x81\x30\xff\xfe\x80\xff" * 50, DecodeError),  # undecodable in every encoding
    ],
)
def test_bad_bytes_raise(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        decode_bytes(data, name="bad.txt")
    assert "\n" not in str(info.value)
    assert ";" in str(info.value)  # says how to fix


def test_ole2_message_names_docx() -> None:
    with pytest.raises(UnsupportedFormatError, match=r"\.doc.*另存为 \.docx"):
        decode_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
