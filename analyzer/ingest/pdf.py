"""PDF → lines: text layer per page, page furniture dropped, wrapped lines rejoined (pypdf).

Page numbers (``- 1 -``, ``第 1 页 共 3 页``, ``1/3``, a bare number) are dropped only among the
first or last lines of a page; a running header or footer is a line (digits ignored) found at the
top or bottom of most pages. A line is a wrap of the next when it does not end with
sentence-final punctuation, is nearly as wide as the document's typical full line, and the next
line does not start with a numbering token; this also joins across page breaks. Spaces that the
text layer puts between CJK characters are removed.
"""

from __future__ import annotations

import io
import logging
from collections import Counter

from analyzer.errors import ReadError, ScannedPDFError
from analyzer.ingest import patterns as P
from analyzer.ingest.decode import RawText
from analyzer.limits import Limits

logger = logging.getLogger(__name__)

_EDGE = 2  # lines at the top and at the bottom of a page that may be furniture
_RUNNING_SHARE = 0.6  # a header/footer repeats on at least this share of pages
_RUNNING_MAX_WIDTH = 40  # running headers/footers are short
_FULL_WIDTH_SHARE = 0.85  # a line at least this share of the typical width is "full"
_MIN_LINES_FOR_WIDTH = 4  # fewer lines than this: no typical width, no rejoining
SCANNED_MESSAGE = "PDF 没有文字层(可能是扫描件);请先做文字识别(OCR)或提供 Word 版本"


def read_pdf(data: bytes, name: str = "", *, limits: Limits | None = None) -> RawText:
    """Read a PDF's text layer into lines.

    Args:
        data: the file's bytes.
        name: the file name, for messages.
        limits: resource limits (the text layer stops at ``max_text_chars``).

    Returns:
        The cleaned lines with encoding ``pdf``.

    Raises:
        ScannedPDFError: no page has extractable text.
        ReadError: the PDF is encrypted or broken.

    >>> read_pdf(open("计划.pdf", "rb").read()).encoding  # doctest: +SKIP
    'pdf'
    """
    with _PypdfTrouble() as trouble:
        pages = _extract_pages(data, name, limits or Limits())
    if not any(page.strip() for page in pages):
        if trouble.records:  # pypdf gave up on a damaged or oversized content stream and said so in English
            raise ReadError(f"PDF 文件已损坏或内容超出处理上限,无法读取文字:{name};请重新导出 PDF 或提供 Word 版本")
        raise ScannedPDFError(SCANNED_MESSAGE)
    page_lines = [[P.CJK_INNER_SPACE.sub("", line.strip()) for line in page.splitlines()] for page in pages]
    page_lines = [[line for line in lines if line] for lines in page_lines]
    page_lines = [_drop_page_numbers(lines) for lines in page_lines]
    page_lines = drop_running_lines(page_lines)
    lines = [line for lines in page_lines for line in lines]
    return RawText(rejoin_wrapped(lines), "pdf")


class _PypdfTrouble(logging.Handler):
    """Collects what pypdf logs while a file is read (its English warnings never reach the user).

    pypdf logs, rather than raises, when a content stream will not inflate or passes its own size
    limit, and hands back an empty page: these records tell such a file from a scan.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self._logger = logging.getLogger("pypdf")
        self._propagate = True

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self) -> _PypdfTrouble:
        self._propagate = self._logger.propagate
        self._logger.addHandler(self)
        self._logger.propagate = False
        return self

    def __exit__(self, *exc: object) -> None:
        self._logger.removeHandler(self)
        self._logger.propagate = self._propagate
        for record in self.records:
            try:
                message = record.getMessage()
            except Exception:  # pypdf's own record may not format (a %d given a name): keep its template
                message = str(record.msg)
            logger.debug("pypdf: %s", message)


def _extract_pages(data: bytes, name: str, limits: Limits) -> list[str]:
    """Text of each page; encryption, structural damage and too much text become ReadErrors."""
    from pypdf import PdfReader  # imported lazily

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(f"PDF 已加密,无法读取:{name};请先解除密码保护或提供 Word 版本")
        pages: list[str] = []
        total = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > limits.max_text_chars:
                raise ReadError(f"PDF 文字过长(超过上限 {limits.max_text_chars / 10000:.0f} 万字):{name};"
                                "请拆分后再分析")
            pages.append(text)
        return pages
    except ReadError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise ReadError(f"PDF 文件过于复杂,超出处理上限:{name};请重新导出 PDF 或提供 Word 版本") from exc
    except Exception as exc:  # pypdf raises many error types on damaged or encrypted files
        if "decrypt" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise ReadError(f"PDF 已加密,无法读取:{name};请先解除密码保护或提供 Word 版本") from exc
        raise ReadError(f"PDF 文件已损坏或不完整:{name};请重新导出 PDF 或提供 Word 版本") from exc


def _drop_page_numbers(lines: list[str]) -> list[str]:
    """Remove page-number lines among the first and last lines of one page."""
    keep = list(lines)
    edge = set(range(min(_EDGE, len(keep)))) | set(range(max(0, len(keep) - _EDGE), len(keep)))
    return [line for i, line in enumerate(keep) if not (i in edge and P.PAGE_NUMBER.match(line))]


def _key(line: str) -> str:
    return P.DIGITS.sub("#", line.replace(" ", ""))


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove running headers/footers: first/last lines that recur on most pages (digits ignored).

    Two passes, so a two-line header goes too. Numbered lines and long lines are never furniture.

    >>> drop_running_lines([["XX工会文件", "一、指导思想"], ["XX工会文件", "二、目标"], ["XX工会文件", "三、措施"]])
    [['一、指导思想'], ['二、目标'], ['三、措施']]
    """
    if len(pages) < 2:
        return pages
    needed = max(2, int(len(pages) * _RUNNING_SHARE + 0.999))
    for _ in range(2):
        counts: Counter[str] = Counter()
        for lines in pages:
            counts.update({_key(line) for line in _edge_lines(lines)})
        running = {key for key, n in counts.items() if n >= needed}
        if not running:
            break
        pages = [_strip_edges(lines, running) for lines in pages]
    return pages


def _edge_lines(lines: list[str]) -> list[str]:
    """The first and last line of a page, when they could be furniture."""
    edges = lines[:1] + lines[-1:]
    return [
        line for line in edges if _width(line) <= _RUNNING_MAX_WIDTH and not P.NUMBERING_START.match(line)
    ]


def _strip_edges(lines: list[str], running: set[str]) -> list[str]:
    out = list(lines)
    if out and _key(out[0]) in running and out[0] in _edge_lines(out):
        out.pop(0)
    if out and _key(out[-1]) in running and out[-1] in _edge_lines(out):
        out.pop()
    return out


def _width(line: str) -> float:
    """Display width: CJK and full-width characters count 1, others 0.5."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in line)


def rejoin_wrapped(lines: list[str]) -> list[str]:
    """Join lines broken by the page width back into paragraphs.

    >>> rejoin_wrapped(["为了加强工会工作特制定本计划具体如下各级", "工会要认真落实。", "一、指导思想",
    ...                 "坚持以人为本的工作理念全心全意依靠职工", "办好事。"])
    ['为了加强工会工作特制定本计划具体如下各级工会要认真落实。', '一、指导思想', '坚持以人为本的工作理念全心全意依靠职工办好事。']
    """
    if len(lines) < _MIN_LINES_FOR_WIDTH:
        return list(lines)
    widths = sorted(_width(line) for line in lines)
    typical = widths[(len(widths) * 3) // 4]
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line and not P.NUMBERING_START.match(line):
            sep = " " if out[-1][-1:].isascii() and line[:1].isascii() and out[-1][-1:].isalnum() else ""
            out[-1] += sep + line
        else:
            out.append(line)
        joining = _is_wrapped(line, typical)
    return out


def _is_wrapped(line: str, typical: float) -> bool:
    return bool(line) and line[-1] not in P.FINAL_PUNCT and _width(line) >= typical * _FULL_WIDTH_SHARE
