"""Word .docx → lines, in reading order, with Word's automatic numbering rendered into the text.

The body XML is walked directly (``docx_package`` opens the package) so paragraphs and tables keep
their order. Each paragraph is one line (a manual line break inside it starts a new line). A table
row is ONE line: its cells joined by ``" | "``; several paragraphs inside one cell are joined by
``" ; "`` (spaced, so a ``;`` typed inside a paragraph stays distinguishable), giving rows like
``三月 | 召开教代会 ; 开展三八活动 | 工会``. A table nested in a cell is flattened the same way into
that cell. Deleted revisions and the fallback copies of text boxes are skipped; headers, footers
and footnotes are not read.
"""

from __future__ import annotations

from lxml import etree

from analyzer.errors import ReadError
from analyzer.ingest.decode import RawText
from analyzer.ingest.docx_numbering import _W, NumberingState
from analyzer.ingest.docx_package import PackageLimitError, open_parts
from analyzer.limits import Limits

CELL_SEPARATOR = " | "
CELL_ITEM_SEPARATOR = " ; "
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {_W + "del", _W + "moveFrom", _W + "instrText", _W + "delText", _MC_FALLBACK, _W + "pPr", _W + "rPr"}


class _TooDeep(Exception):
    """The body nests elements deeper than the limit allows."""


def _broken(name: str) -> ReadError:
    return ReadError(f"Word 文件已损坏或不完整,无法读取:{name};请在 Word 中打开并重新另存为 .docx 后再分析")


def read_docx(data: bytes, name: str = "", *, limits: Limits | None = None) -> RawText:
    """Read a .docx file's body into lines.

    Args:
        data: the file's bytes.
        name: the file name, for messages.
        limits: resource limits (decompressed sizes, compression ratio, entries, nesting).

    Returns:
        The lines (numbering prefixed, tables flattened) with encoding ``docx``.

    Raises:
        ReadError: the file is not a readable Word package, or it breaks a limit.

    >>> read_docx(open("计划.docx", "rb").read(), "计划.docx").lines[0]  # doctest: +SKIP
    '一、指导思想'
    """
    limits = limits or Limits()
    try:
        body, numbering_el, styles_el = open_parts(data, limits)
        numbering = NumberingState.from_xml(numbering_el, styles_el)
        lines: list[str] = []
        for child in body:
            _block(child, numbering, lines, limits.max_xml_depth)
    except PackageLimitError as exc:
        raise ReadError(f"{exc}:{name};请检查文件是否完好") from exc
    except _TooDeep as exc:
        raise ReadError(f"Word 文件的元素嵌套层数超过上限（{limits.max_xml_depth} 层）:{name};"
                        "请在 Word 中重新另存为 .docx 后再分析") from exc
    except (MemoryError, RecursionError) as exc:
        raise ReadError(f"Word 文件过于复杂,超出处理上限:{name};请拆分或简化后再分析") from exc
    except Exception as exc:  # zipfile, zlib, lzma, lxml and struct errors of a damaged package alike
        raise _broken(name) from exc
    return RawText(lines, "docx")


def _block(el: etree._Element, numbering: NumberingState, lines: list[str], depth: int) -> None:
    """Append the lines of one body-level element (paragraph, table, content control)."""
    if depth <= 0:
        raise _TooDeep
    tag = el.tag
    if tag == _W + "p":
        lines.extend(_paragraph_lines(el, numbering, depth))
    elif tag == _W + "tbl":
        for row in el.iterfind(_W + "tr"):
            cells = [_cell_text(tc, numbering, depth - 2) for tc in _row_cells(row)]
            if any(cells):
                lines.append(CELL_SEPARATOR.join(cells))
    elif tag in (_W + "sdt", _W + "customXml", _W + "sdtContent", _W + "ins", _W + "moveTo"):
        for child in el:
            _block(child, numbering, lines, depth - 1)


def _row_cells(row: etree._Element) -> list[etree._Element]:
    """Cells of a table row, including those wrapped in content controls."""
    cells: list[etree._Element] = []
    for child in row:
        if child.tag == _W + "tc":
            cells.append(child)
        elif child.tag in (_W + "sdt", _W + "customXml"):
            cells.extend(child.iter(_W + "tc"))
    return cells


def _cell_text(tc: etree._Element, numbering: NumberingState, depth: int) -> str:
    """A cell's paragraphs (and nested rows) joined by the cell item separator."""
    items: list[str] = []
    for child in tc:
        sub: list[str] = []
        _block(child, numbering, sub, depth - 1)
        items.extend(s.strip() for s in sub if s.strip())
    return CELL_ITEM_SEPARATOR.join(items)


def _paragraph_lines(p: etree._Element, numbering: NumberingState, depth: int) -> list[str]:
    """A paragraph's text, split at manual line breaks, with its list number in front."""
    parts: list[str] = []
    _collect_runs(p, parts, depth - 1)
    text_lines = "".join(parts).split("\n")
    label = numbering.label(p)
    if label:
        text_lines[0] = label + text_lines[0].lstrip()
    return text_lines


def _collect_runs(el: etree._Element, parts: list[str], depth: int) -> None:
    """Depth-first text of ``w:t``, tabs and breaks, skipping deletions and fallback copies."""
    if depth <= 0:
        raise _TooDeep
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag == _W + "tab" or tag == _W + "ptab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "p":  # paragraphs of a text box inside this paragraph
            if parts and not parts[-1].endswith("\n"):
                parts.append("\n")
            _collect_runs(child, parts, depth - 1)
        else:
            _collect_runs(child, parts, depth - 1)
