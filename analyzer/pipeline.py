"""The one-way pipeline: read → split → outline → extract, for one file or a batch."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace

from analyzer.audit.placeholders import find_placeholders
from analyzer.errors import AnalyzerError
from analyzer.extract.schedule import extract_schedule
from analyzer.extract.tasks import extract_tasks
from analyzer.extract.units import PlanView
from analyzer.limits import Limits, current_limits
from analyzer.models import Document, Finding, ParsedDocument, Plan
from analyzer.structure.meta import find_signature, find_unit, find_year, has_year_placeholder
from analyzer.structure.outline import parse_outline
from analyzer.structure.split import PlanSpan, split_plans

log = logging.getLogger(__name__)


class TooManyPlansError(AnalyzerError):
    """A document splits into far more plans than any real file holds: it is no plan, or damaged."""


def plans_of(doc: Document, *, extract: bool = True, tasks: bool = True,
             limits: Limits | None = None) -> tuple[tuple[Plan, ...], tuple]:
    """Split a Document into Plans with outline, metadata and findings.

    Args:
        doc: a Document from :func:`analyzer.ingest.read_document`.
        extract: also extract the schedule (and, with ``tasks``, the tasks).
        tasks: extract tasks too (the combined calendar needs only the schedule).
        limits: ``max_plans`` stops a document that splits into more plans than that.

    Returns:
        ``(plans, document_findings)``.

    Raises:
        TooManyPlansError: the document splits into more than ``limits.max_plans`` plans.
    """
    split = split_plans(doc.text_lines)
    cap = (limits or current_limits()).max_plans
    if len(split.spans) > cap:
        raise TooManyPlansError(
            f"识别出 {len(split.spans)} 份计划,超过上限({cap} 份):文件可能不是工作计划或格式异常;"
            "请检查文件或拆分后再分析"
        )
    plans: list[Plan] = []
    for index, span in enumerate(split.spans, 1):
        plans.append(_plan(doc, span, index, extract=extract, tasks=tasks))
    return tuple(plans), split.findings


def _plan(doc: Document, span: PlanSpan, index: int, *, extract: bool, tasks: bool = True) -> Plan:
    lines = list(doc.text_lines[span.start - 1: span.end])
    scanned = list(lines)  # placeholders are looked for everywhere, the marker and title lines included
    if span.first_line_text is not None and lines:
        lines[0] = span.first_line_text
    elif span.marker is not None and lines:
        lines[0] = ""  # the marker line is the plan's title, not its content
    if span.title:
        # The title line is the plan's name, not its opening text.
        for k in range(min(len(lines), 8)):
            if lines[k].strip() == span.title:
                lines[k] = ""
                break
    signature = find_signature(lines)
    if signature is not None:
        # The closing "unit / date" lines are not content: blank them for the outline and extraction
        # (an annex after them stays: 附：月度活动安排表).
        for k in range(signature.first, signature.last + 1):
            lines[k] = ""
    outline = parse_outline(lines, first_line=span.start)
    title = span.title
    year = find_year(title, lines)
    unit = find_unit(title, lines)
    if signature is not None:
        year = year if year is not None or has_year_placeholder(lines) else signature.year
        unit = unit or (find_unit(signature.unit, []) if signature.unit else None)
    findings = (*outline.findings, *find_placeholders(scanned, first_line=span.start))
    findings = tuple(_quote_original(doc, f) for f in findings)
    plan = Plan(
        id=f"{doc.sha256[:12]}#{index}",
        index=index,
        title=title,
        unit=unit,
        year=year,
        line_start=span.start,
        line_end=span.end,
        sections=outline.sections,
        findings=tuple(sorted(findings, key=lambda f: f.line)),
        source=doc.source,
        text_lines=tuple(lines),
    )
    if extract:
        view = PlanView(plan)  # the sections cut once for both passes
        plan = replace(plan, schedule=tuple(extract_schedule(plan, view)))
        if tasks:
            plan = replace(plan, tasks=tuple(extract_tasks(plan, view)))
    return plan


def _quote_original(doc: Document, finding: Finding) -> Finding:
    """Quote evidence as written when the analysis text was converted (traditional, full-width)."""
    original = doc.lines[finding.line - 1]
    analysed = doc.text_lines[finding.line - 1]
    if original == analysed:
        return finding
    at = analysed.find(finding.evidence)
    if at >= 0 and len(original) == len(analysed):
        return replace(finding, evidence=original[at: at + len(finding.evidence)])
    return finding


def parse_document(path: str | os.PathLike, *, extract: bool = True, tasks: bool = True,
                   limits: Limits | None = None) -> ParsedDocument:
    """Read and parse one file; a bad file gives a ParsedDocument with ``error`` set, never raises.

    >>> parse_document("不存在.txt").error  # doctest: +ELLIPSIS
    '文件不存在...'
    """
    return parse_file(path, extract=extract, tasks=tasks, limits=limits)[0]


def parse_file(path: str | os.PathLike, *, extract: bool = True, tasks: bool = True,
               limits: Limits | None = None) -> tuple[ParsedDocument, Document | None]:
    """Like :func:`parse_document`, also giving the Document read (None when it could not be read).

    The audit needs the Document too: its lines outside every plan and as written (繁体, 全角).
    """
    from analyzer.ingest import read_document

    def failed(message: str) -> tuple[ParsedDocument, None]:
        return ParsedDocument(source=str(path), sha256=None, encoding=None, error=_one_line(message)), None

    try:
        limits = limits or current_limits()
        doc = read_document(path, limits=limits)
    except AnalyzerError as exc:
        return failed(str(exc))
    except (MemoryError, RecursionError) as exc:
        return failed(f"文件无法处理({type(exc).__name__});请拆分或简化后再分析")
    except Exception as exc:  # whatever a reader raises stays this document's error: the batch goes on
        log.debug("读取失败:%s", path, exc_info=True)
        return failed(f"文件无法读取({type(exc).__name__});请重新另存为 .docx 或 .txt 后再分析")
    return parse_loaded(doc, extract=extract, tasks=tasks, limits=limits), doc


def parse_loaded(doc: Document, *, extract: bool = True, tasks: bool = True,
                 limits: Limits | None = None) -> ParsedDocument:
    """Parse a Document already read (a parser failure becomes the document's ``error``)."""
    try:
        plans, doc_findings = plans_of(doc, extract=extract, tasks=tasks, limits=limits)
    except TooManyPlansError as exc:
        return ParsedDocument(source=doc.source, sha256=doc.sha256, encoding=doc.encoding, error=_one_line(str(exc)))
    except Exception as exc:  # a parser bug must not stop a batch: report it on this document
        log.debug("解析失败:%s", doc.source, exc_info=True)
        return ParsedDocument(source=doc.source, sha256=doc.sha256, encoding=doc.encoding,
                              error=_one_line(f"解析出错({type(exc).__name__}: {exc});请把该文件报告给维护者"))
    return ParsedDocument(source=doc.source, sha256=doc.sha256, encoding=doc.encoding, plans=plans,
                          findings=tuple(doc_findings))


def parse_paths(paths: Iterable[str | os.PathLike], *, extract: bool = True,
                tasks: bool = True, limits: Limits | None = None) -> Iterator[ParsedDocument]:
    """Parse every file under ``paths`` (directories walked recursively), one result per file."""
    from analyzer.ingest import iter_paths

    limits = limits or current_limits()
    for path in iter_paths(paths):
        yield parse_document(path, extract=extract, tasks=tasks, limits=limits)


def _one_line(message: str) -> str:
    """One line, control characters escaped (a file name may hold a newline)."""
    text = " ".join(message.split())
    return text if text.isprintable() else "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
