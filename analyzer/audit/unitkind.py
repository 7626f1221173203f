"""The kind of unit a plan comes from (企业, 机关事业单位, 学校, 街道社区, 通用), which picks its rule pack."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from analyzer.audit import patterns as P
from analyzer.audit.records import UNIT_KIND_LABELS, UNIT_KINDS, UnitKind
from analyzer.errors import ConfigError
from analyzer.models import Plan

_MIN_TEXT_CUES = 3  # cue words the text needs before it decides the kind
_TEXT_MARGIN = 2.0  # … and how many times more often than the runner-up kind's
# Manifest values: the codes, their Chinese labels and a few everyday names.
_ALIASES = {
    **{k: k for k in UNIT_KINDS},
    **{label: k for k, label in UNIT_KIND_LABELS.items()},
    "机关": "institution", "事业单位": "institution", "机关单位": "institution", "社区": "community",
    "街道": "community", "乡镇": "community", "街道乡镇": "community", "社区街道乡镇": "community",
    "学校": "school", "教育": "school", "公司": "enterprise", "总工会": "general", "其他": "general",
}


def parse_unit_kind(value: str) -> UnitKind:
    """A unit kind from a manifest value (code or Chinese name).

    >>> parse_unit_kind("学校"), parse_unit_kind("enterprise")
    ('school', 'enterprise')
    """
    kind = _ALIASES.get(value.strip())
    if kind is None:
        names = "、".join(f"{label}（{k}）" for k, label in UNIT_KIND_LABELS.items())
        raise ConfigError(f"单位类型“{value}”无效；可用：{names}")
    return kind  # type: ignore[return-value]


def detect_unit_kind(plan: Plan, given: Mapping[str, str] | None = None) -> tuple[UnitKind, str]:
    """The plan's unit kind and where it came from.

    Looked up, in order: ``given`` (by plan id, source path or file name: a manifest's value),
    the unit name, the title, the source file's name, then cue words counted in the text
    (我校 / 车间 / 社区 / 我局 …); ``general`` when nothing decides.

    Returns:
        ``(kind, source)`` with source one of ``given``, ``unit``, ``title``, ``source``, ``text``,
        ``default``.

    >>> detect_unit_kind(Plan("p", 1, None, "城南实验小学工会", 2025, 1, 1))
    ('school', 'unit')
    >>> detect_unit_kind(Plan("p", 1, None, "区工会", 2025, 1, 1))
    ('general', 'unit')
    """
    if given:
        source = Path(plan.source) if plan.source else None
        for key in (plan.id, plan.source, source.name if source else None):
            if key and key in given:
                return parse_unit_kind(given[key]), "given"
    for origin, name in (("unit", plan.unit), ("title", plan.title),
                         ("source", Path(plan.source).stem if plan.source else None)):
        kind = kind_of_name(name)
        if kind is not None:
            return kind, origin
    kind = _kind_of_text(plan.text)
    return (kind, "text") if kind else ("general", "default")


def kind_of_name(name: str | None) -> UnitKind | None:
    """The unit kind a name shows, or None: a federation is ``general``; otherwise the kind whose
    word ends last in the name (its head noun), ties in the order of ``patterns.KIND_NAME``.

    >>> kind_of_name("恒通机械制造有限公司工会"), kind_of_name("县交警大队"), kind_of_name("工作计划")
    ('enterprise', 'institution', None)
    >>> kind_of_name("西湖镇中心中学工会"), kind_of_name("城关镇环卫所"), kind_of_name("青石县总工会")
    ('school', 'institution', 'general')
    """
    if not name:
        return None
    if P.KIND_FEDERATION.search(name):
        return "general"
    best: tuple[int, int, str] | None = None
    for rank, (kind, pattern) in enumerate(P.KIND_NAME):
        ends = [m.end() for m in pattern.finditer(name)]
        if ends and (best is None or (max(ends), -rank) > best[:2]):
            best = (max(ends), -rank, kind)
    return best[2] if best else None  # type: ignore[return-value]


def _kind_of_text(text: str) -> UnitKind | None:
    counts = Counter({kind: len(pattern.findall(text)) for kind, pattern in P.KIND_TEXT})
    ranked = counts.most_common(2)
    best, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if n >= _MIN_TEXT_CUES and n >= _TEXT_MARGIN * runner_up:
        return best  # type: ignore[return-value]
    return None
