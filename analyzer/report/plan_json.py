"""The JSON contract of ``plan-analyzer parse`` (shared/contracts/plan-json.md) and the text outline."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from functools import lru_cache
from typing import Any

from analyzer.models import ParsedDocument, Plan

SCHEMA_VERSION = "1"


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """One plan as the contract's JSON object."""
    return {
        "id": plan.id,
        "index": plan.index,
        "title": plan.title,
        "unit": plan.unit,
        "year": plan.year,
        "line_start": plan.line_start,
        "line_end": plan.line_end,
        "sections": [
            {
                "heading": s.heading,
                "title": s.title,
                "number": s.number,
                "level": s.level,
                "parent": s.parent,
                "kind": s.kind,
                "line": s.line,
                "line_end": s.end_line,
                "style": s.style,
            }
            for s in plan.sections
        ],
        "schedule": [_record(item) for item in plan.schedule],
        "tasks": [{**_record(t), "months": list(t.months), "targets": list(t.targets)} for t in plan.tasks],
        "keywords": [{"term": k.term, "weight": round(k.weight, 6), "count": k.count} for k in plan.keywords],
        "findings": [_record(f) for f in plan.findings],
    }


def document_to_dict(doc: ParsedDocument) -> dict[str, Any]:
    """One document as the contract's JSON object."""
    return {
        "source": doc.source,
        "sha256": doc.sha256,
        "encoding": doc.encoding,
        "error": doc.error,
        "plans": [plan_to_dict(p) for p in doc.plans],
        "findings": [_record(f) for f in doc.findings],
    }


def _record(obj: Any) -> dict[str, Any]:
    """A flat record's fields as a dict (``dataclasses.asdict`` without its deep copy)."""
    return {name: getattr(obj, name) for name in _field_names(type(obj))}


@lru_cache(maxsize=16)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def to_json(docs: Iterable[ParsedDocument], *, indent: int | None = 2) -> str:
    """The whole ``parse`` output as a JSON string (UTF-8 text, ``ensure_ascii=False``).

    With ``indent``, documents and plans are laid out over lines and every record (a section, a
    schedule item, a task, a finding) is written on one line of its own: easy to read and to
    grep, and written by the C encoder (a fully indented dump is four times slower).
    ``indent=None`` gives compact JSON.

    >>> to_json([])[:30]
    '{\\n  "schema_version": "1",\\n  "'
    """
    payload = {"schema_version": SCHEMA_VERSION, "documents": [document_to_dict(d) for d in docs]}
    if indent is None:
        return json.dumps(payload, ensure_ascii=False)
    return _layout(payload, " " * indent, 0)


# Lists whose items are flat records, written one record per line.
_RECORD_LISTS = frozenset({"sections", "schedule", "tasks", "keywords", "findings"})


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _layout(value: Any, pad: str, level: int, *, records: bool = False) -> str:
    """``value`` as JSON indented by ``pad`` per level; the items of a record list compact, one per line."""
    if not isinstance(value, (dict, list)) or not value:
        return _compact(value)
    inner = pad * (level + 1)
    if isinstance(value, dict):
        parts = [f"{inner}{_compact(k)}: {_layout(v, pad, level + 1, records=k in _RECORD_LISTS)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(parts) + "\n" + pad * level + "}"
    parts = [inner + (_compact(v) if records else _layout(v, pad, level + 1)) for v in value]
    return "[\n" + ",\n".join(parts) + "\n" + pad * level + "]"


def to_text(doc: ParsedDocument) -> str:
    """A readable outline tree of one document, in Chinese.

    >>> to_text(ParsedDocument(source="a.txt", sha256=None, encoding=None, error="文件为空"))
    'a.txt\\n  错误：文件为空'
    """
    out = [doc.source]
    if doc.error:
        out.append(f"  错误：{doc.error}")
        return "\n".join(out)
    out[0] += f"（编码 {doc.encoding}，{len(doc.plans)} 份计划）"
    for f in doc.findings:
        out.append(f"  ! {f.message}（第 {f.line} 行）")
    for plan in doc.plans:
        meta = "，".join(x for x in (plan.unit, f"{plan.year} 年" if plan.year else None) if x)
        out.append(f"  [{plan.index}] {plan.title or '（无标题）'}" + (f"（{meta}）" if meta else "")
                   + f"  第 {plan.line_start}–{plan.line_end} 行")
        for s in plan.sections:
            if s.kind == "preamble":
                continue
            label = KIND_LABELS.get(s.kind, s.kind)
            out.append(f"  {'    ' * s.level}{s.heading}  〔{label}〕 L{s.line}")
        if plan.schedule:
            out.append(f"      日程：{len(plan.schedule)} 项")
        for f in plan.findings:
            out.append(f"      ! {f.message}：{f.evidence}（第 {f.line} 行）")
    return "\n".join(out)


KIND_LABELS = {
    "preamble": "前言",
    "review": "工作回顾",
    "guiding_ideology": "指导思想",
    "goals": "工作目标",
    "organization": "组织领导",
    "main_tasks": "主要工作",
    "measures": "措施要求",
    "schedule": "工作安排",
    "other": "其他",
}
