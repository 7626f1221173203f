"""plan-analyzer: parse, audit, schedule and compare Chinese work plans (工作计划), offline.

>>> from analyzer import parse_document
>>> parse_document("不存在的文件.txt").error  # doctest: +ELLIPSIS
'文件不存在...'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from analyzer.errors import AnalyzerError, ReadError
from analyzer.models import Document, Finding, Keyword, ParsedDocument, Plan, ScheduleItem, Section, Task

if TYPE_CHECKING:
    from analyzer.pipeline import parse_document, parse_loaded, parse_paths

__version__ = "0.1.0"

#: Imported on first use: the pipeline compiles the grammar's patterns, which the CLI's start-up
#: (and a caller that only wants the records) should not pay for.
_LAZY = {"parse_document", "parse_loaded", "parse_paths"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from analyzer import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'analyzer' has no attribute {name!r}")

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
