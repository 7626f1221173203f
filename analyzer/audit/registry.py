"""The rule types by name: each one check function and the typed parameters its rules may set."""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, fields
from functools import lru_cache
from typing import Any

#: Scopes a rule can read: the whole text, the title, sections (of the rule's ``kinds``), the
#: extracted schedule items, the extracted tasks, and the document's lines outside every plan that
#: go with this one (known when the documents are given to the audit).
SCOPES: tuple[str, ...] = ("text", "title", "sections", "schedule", "tasks", "outside")

#: Message fields every rule type offers.
COMMON_FIELDS: tuple[str, ...] = ("code", "title", "category")


@dataclass(frozen=True)
class RuleType:
    """One rule type: its check function, parameters class, scopes and message fields.

    ``check(view, rule, context)`` returns the rule's findings for one plan (see
    :mod:`analyzer.audit.engine`); the engine sets the points lost.
    """

    name: str
    check: Callable[..., list]
    params: type
    default_scope: tuple[str, ...]
    message_fields: tuple[str, ...]


@lru_cache(maxsize=1)
def rule_types() -> dict[str, RuleType]:
    """Every rule type by name (the modules are imported on first use).

    >>> sorted(rule_types())[:3]
    ['conditional', 'copy', 'coverage']
    """
    from analyzer.audit import types_content as C
    from analyzer.audit import types_text as X
    from analyzer.audit import types_time as T

    table = (
        RuleType("required_section", C.required_section, C.RequiredSectionParams, ("sections",), ("kinds",)),
        RuleType("coverage", C.coverage, C.CoverageParams, ("sections", "schedule", "tasks"), ("terms",)),
        RuleType("occurrence", C.occurrence, C.OccurrenceParams, ("text",), ("count", "min", "max", "measure")),
        RuleType("conditional", C.conditional, C.ConditionalParams, ("schedule", "tasks", "sections"),
                 ("terms", "term", "need")),
        RuleType("seasonal", T.seasonal, T.SeasonalParams, ("schedule", "tasks"),
                 ("term", "period", "months", "season")),
        RuleType("residue", X.residue, X.ResidueParams, ("text", "title"), ("text",)),
        RuleType("copy", X.copy, X.CopyParams, ("text",), ("source", "share", "passages")),
        RuleType("structure", X.structure, X.StructureParams, ("text",),
                 ("detail", "heading", "year", "plan_year")),
    )
    return {t.name: t for t in table}


def build_params(cls: type, table: Mapping[str, Any]) -> tuple[object, str | None]:
    """Fill a parameters dataclass from a TOML table.

    Returns:
        ``(params, None)``, or ``(None, message)`` naming the offending key in Chinese.

    >>> from analyzer.audit.types_content import CoverageParams
    >>> build_params(CoverageParams, {"terms": ["职代会"]})[0].terms
    ('职代会',)
    >>> build_params(CoverageParams, {"terms": "职代会"})[1]
    '“terms”应为字符串列表'
    """
    hints = typing.get_type_hints(cls)
    names = {f.name for f in fields(cls)}
    for key in table:
        if key not in names:
            return None, f"参数“{key}”不可用（可用：{'、'.join(sorted(names))}）"
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in table:
            if f.default is MISSING and f.default_factory is MISSING:
                return None, f"缺少参数“{f.name}”"
            continue
        ok, value = _coerce(hints[f.name], table[f.name])
        if not ok:
            return None, f"“{f.name}”应为{_describe(hints[f.name])}"
        values[f.name] = value
    params = cls(**values)
    problem = params.problem() if hasattr(params, "problem") else None
    return (None, problem) if problem else (params, None)


def _coerce(hint: Any, value: Any) -> tuple[bool, Any]:
    """Check a TOML value against a type hint (str, int, float, bool, tuple[X, ...], Literal, X | None)."""
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return value in typing.get_args(hint), value
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return type(None) in typing.get_args(hint), None
        return next(((True, v) for ok, v in (_coerce(a, value) for a in typing.get_args(hint)
                                              if a is not type(None)) if ok), (False, None))
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if not isinstance(value, list):
            return False, None
        out = [_coerce(item, v) for v in value]
        return all(ok for ok, _ in out), tuple(v for _, v in out)
    if hint is bool:
        return isinstance(value, bool), value
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool), value
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool), float(value)
    if hint is str:
        return isinstance(value, str), value
    return False, None


def _describe(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is typing.Literal:
        return "以下之一：" + "、".join(str(a) for a in typing.get_args(hint))
    if origin in (typing.Union, types.UnionType):
        return "或".join(_describe(a) for a in typing.get_args(hint) if a is not type(None))
    if origin is tuple:
        return _describe(typing.get_args(hint)[0]) + "列表"
    return {bool: "true 或 false", int: "整数", float: "数字", str: "字符串"}.get(hint, str(hint))
