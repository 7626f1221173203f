"""plan-analyzer: parse, audit, schedule and compare Chinese work plans (工作计划), offline.

>>> from analyzer import parse_document
>>> parse_document("不存在的文件.txt").error  # doctest: +ELLIPSIS
'文件不存在...'
"""

from __future__ import annotations

from analyzer.errors import AnalyzerError, ReadError
from analyzer.models import Document, Finding, Keyword, ParsedDocument, Plan, ScheduleItem, Section, Task
from analyzer.pipeline import parse_document, parse_loaded, parse_paths

__version__ = "0.1.0"

__all__ = [
    "AnalyzerError",
    "Document",
    "Finding",
    "Keyword",
    "ParsedDocument",
    "Plan",
    "ReadError",
    "ScheduleItem",
    "Section",
    "Task",
    "parse_document",
    "parse_loaded",
    "parse_paths",
]
