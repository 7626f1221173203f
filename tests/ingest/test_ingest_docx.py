"""Word .docx: reading order, tables, and automatic numbering rebuilt from numbering.xml."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from analyzer.errors import ReadError
from analyzer.ingest import read_document
from analyzer.ingest.docx_numbering import chinese_counting, format_number

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


ABSTRACT = (
    f'<w:abstractNum {W_NS} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    + _lvl(0, "chineseCounting", "%1、")
    + _lvl(1, "chineseCounting", "（%2）")
    + _lvl(2, "decimal", "%3.")
    + _lvl(3, "decimal", "%3.%4")
    + _lvl(4, "bullet", "●")
    + "</w:abstractNum>"
)
NUMS = (
    f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>',
    f'<w:num {W_NS} w:numId="91"><w:abstractNumId w:val="90"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    f'<w:num {W_NS} w:numId="92"><w:abstractNumId w:val="90"/></w:num>',
    f'<w:num {W_NS} w:numId="93"><w:abstractNumId w:val="90"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>',
)


def _install_numbering(document) -> None:
    numbering = document.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    abstract = parse_xml(ABSTRACT)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    for num in NUMS:
        numbering.append(parse_xml(num))


def _numbered(document, text: str, num_id: int, ilvl: int) -> None:
    paragraph = document.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _save(document, tmp_path: Path, name: str = "plan.docx") -> Path:
    path = tmp_path / name
    document.save(str(path))
    return path


@pytest.fixture
def numbered_doc(tmp_path: Path) -> Path:
    document = docx.Document()
    _install_numbering(document)
    document.add_paragraph("2024年工会工作计划")
    for text, num_id, ilvl in [
        ("指导思想", 90, 0),
        ("加强学习", 90, 1),
        ("召开会议", 90, 2),
        ("开展培训", 90, 2),
        ("细化分工", 90, 3),
        ("健全制度", 90, 1),
        ("建立台账", 90, 2),
        ("项目符号", 90, 4),
        ("工作目标", 90, 0),
        ("新的列表", 91, 0),  # startOverride → restarts at 一
        ("新的列表第二项", 91, 0),
        ("共享列表", 92, 0),  # same abstractNum, no override → continues num 90's list
        ("从九开始", 93, 0),
    ]:
        _numbered(document, text, num_id, ilvl)
    return _save(document, tmp_path)


def test_numbering_rendered(numbered_doc: Path) -> None:
    doc = read_document(numbered_doc)
    assert doc.encoding == "docx"
    assert list(doc.lines) == [
        "2024年工会工作计划",
        "一、指导思想",
        "（一）加强学习",
        "1. 召开会议",
        "2. 开展培训",
        "2.1 细化分工",
        "（二）健全制度",
        "1. 建立台账",
        "项目符号",
        "二、工作目标",
        "一、新的列表",
        "二、新的列表第二项",
        "三、共享列表",
        "九、从九开始",
    ]


def test_numbering_through_paragraph_style(tmp_path: Path) -> None:
    document = docx.Document()
    _install_numbering(document)
    style = document.styles.add_style("PlanHeading", 1)
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
    )
    document.add_paragraph("指导思想", style="PlanHeading")
    document.add_paragraph("正文内容。")
    document.add_paragraph("工作目标", style="PlanHeading")
    doc = read_document(_save(document, tmp_path))
    assert list(doc.lines) == ["一、指导思想", "正文内容。", "二、工作目标"]


def test_table_rows_and_reading_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("四、活动安排")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["月份", "主要活动", "负责部门"], strict=True):
        cell.text = text
    row = table.rows[1].cells
    row[0].text = "三月"
    row[1].text = "召开教代会"
    row[1].add_paragraph("开展三八活动")
    row[2].text = "工会"
    document.add_paragraph("五、保障措施")
    doc = read_document(_save(document, tmp_path))
    assert list(doc.lines) == [
        "四、活动安排",
        "月份 | 主要活动 | 负责部门",
        "三月 | 召开教代会 ; 开展三八活动 | 工会",
        "五、保障措施",
    ]


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (21, "二十一"),
     (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1005, "一千零五")],
)  # fmt: skip
def test_chinese_counting(n: int, expected: str) -> None:
    assert chinese_counting(n) == expected


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (12, "chineseCountingThousand", "十二"),
        (3, "ideographTraditional", "丙"),
        (2, "lowerLetter", "b"),
        (28, "upperLetter", "BB"),
        (4, "lowerRoman", "iv"),
        (14, "upperRoman", "XIV"),
        (5, "decimalEnclosedCircle", "⑤"),
        (12, "decimalFullWidth", "１２"),
        (7, "decimalZero", "07"),
        (7, "unknownFormat", "7"),
    ],
)
def test_format_number(n: int, fmt: str, expected: str) -> None:
    assert format_number(n, fmt) == expected


def test_truncated_docx(tmp_path: Path, numbered_doc: Path) -> None:
    data = numbered_doc.read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(ReadError, match="Word 文件已损坏或不完整") as info:
        read_document(broken)
    assert "\n" not in str(info.value)


def test_docx_content_with_txt_suffix_is_read_as_docx(tmp_path: Path, numbered_doc: Path) -> None:
    renamed = tmp_path / "plan.txt"
    renamed.write_bytes(numbered_doc.read_bytes())
    assert read_document(renamed).lines[1] == "一、指导思想"
