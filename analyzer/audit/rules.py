"""Rule packs (TOML in resources/rules/) and user overrides → validated, typed ``Rule`` records."""

from __future__ import annotations

import string
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from analyzer.audit.records import LEVELS, AuditFinding, Evidence, Level
from analyzer.audit.registry import COMMON_FIELDS, SCOPES, build_params, rule_types
from analyzer.errors import ConfigError

#: The shipped packs, general first; the other four extend it (one per kind of unit).
PACKS: tuple[str, ...] = ("general", "enterprise", "institution", "school", "community")

DEFAULT_UNRECOGNISED = "未能识别“{title}”：计划中似有相关内容（见所引行），但解析未能归入相应部分，请人工核对"

# Keys every rule table may hold; all the others are the rule type's parameters.
_COMMON_KEYS = frozenset({
    "type", "title", "category", "level", "points", "max_points", "message", "unrecognised_message",
    "scope", "skip_if", "enabled", "description",
})
MAX_EVIDENCE = 5  # evidence lines kept per finding
_REQUIRED_KEYS = ("type", "title", "category", "level", "points", "message")


@dataclass(frozen=True)
class Rule:
    """One audit rule, validated.

    Attributes:
        code: unique code (``A104``); ``pack`` is the pack it was loaded for.
        category / title: 项目 and 考核内容 of a 考核细则 row.
        type: the rule type's name (see :func:`analyzer.audit.registry.rule_types`).
        level: the level of its findings (``info`` findings never cost points).
        points: 分值, the points one finding loses; ``max_points`` caps a rule that fires once
            per line (a deduction item, 扣分项); ``None`` for a rule that fires at most once.
        message / unrecognised_message: Chinese templates with ``{field}`` placeholders.
        scope: what the rule reads (see :data:`analyzer.audit.registry.SCOPES`).
        params: the rule type's parameters (a frozen dataclass).
        skip_if: codes of rules whose finding (of any level) makes this one moot.
    """

    code: str
    title: str
    category: str
    type: str
    level: Level
    points: int
    message: str
    params: Any
    scope: tuple[str, ...]
    pack: str
    max_points: int | None = None
    unrecognised_message: str = DEFAULT_UNRECOGNISED
    skip_if: tuple[str, ...] = ()
    enabled: bool = True
    description: str = ""

    def finding(self, evidence: Iterable[Evidence] = (), *, note: str = "", **values: object) -> AuditFinding:
        """A finding of this rule: its level and points, the message filled with ``values``."""
        message = self.message.format_map(_Fields(code=self.code, title=self.title, category=self.category,
                                                  **values))
        points = 0 if self.level == "info" else self.points
        return AuditFinding(self.code, self.title, self.category, self.level, message + note, points,
                            tuple(evidence)[:MAX_EVIDENCE])

    def unrecognised(self, evidence: Iterable[Evidence], **values: object) -> AuditFinding:
        """A 未能识别 finding: the plan seems to hold what the rule wants, the parser did not see it."""
        message = self.unrecognised_message.format_map(
            _Fields(code=self.code, title=self.title, category=self.category, **values))
        return AuditFinding(self.code, self.title, self.category, "info", message, 0,
                            tuple(evidence)[:MAX_EVIDENCE], unrecognised=True)

    @property
    def effective_points(self) -> int:
        """The most this rule can take off a score (0 for an ``info`` rule)."""
        if self.level == "info":
            return 0
        return self.max_points if self.max_points is not None else self.points

    @property
    def is_deduction(self) -> bool:
        """A deduction item (扣分项: fires once per line, capped) rather than a checklist item."""
        return self.max_points is not None


class _Fields(dict):
    """Message values; a field a rule type did not fill stays empty."""

    def __missing__(self, key: str) -> str:
        return ""


@dataclass(frozen=True)
class RulePack:
    """The rules of one pack after ``extends`` and the user's override are applied."""

    name: str
    label: str
    rules: tuple[Rule, ...]

    @property
    def active(self) -> tuple[Rule, ...]:
        """The enabled rules, in pack order."""
        return tuple(r for r in self.rules if r.enabled)

    def rule(self, code: str) -> Rule:
        """The rule with this code (``KeyError`` if none)."""
        for r in self.rules:
            if r.code == code:
                return r
        raise KeyError(code)


def load_rules(pack: str = "general", *, override: Path | None = None) -> RulePack:
    """A shipped pack with its ``extends`` chain resolved, and a user's override file on top.

    Args:
        pack: one of :data:`PACKS`.
        override: a TOML file of ``[rules.CODE]`` tables: ``enabled = false`` switches a rule
            off, other keys change it (points, level, thresholds, terms…), and a table with a
            ``type`` for a code no pack has adds a rule.

    Raises:
        ConfigError: unknown pack, unreadable or invalid override (one Chinese line naming the key).

    >>> r = load_rules("school").rule("B201")
    >>> (r.type, "教代会" in r.params.terms, r.points > 0)
    ('coverage', True, True)
    """
    if pack not in PACKS:
        raise ConfigError(f"规则包“{pack}”不存在；可用：{'、'.join(PACKS)}")
    tables = {code: dict(t) for code, t in _resolved(pack).items()}
    where = f"规则包 {pack}"
    if override is not None:
        extra = read_override(override)
        where = f"规则文件 {override}"
        known = _all_codes()
        for code, table in extra.items():
            if code in tables:
                tables[code] = _merge(tables[code], table)
            elif "type" in table:
                tables[code] = dict(table)
            elif code not in known:
                raise ConfigError(f"{where}：规则 {code} 不存在；新增规则须写明 type 等各项")
    label = str(_pack_data(pack).get("label", pack))
    return RulePack(pack, label, tuple(_build(code, t, pack, where) for code, t in tables.items()))


def list_rules(pack: str | None = None, *, override: Path | None = None) -> list[Rule]:
    """Every rule of a pack (or of every pack, pack by pack), disabled ones included.

    >>> rules = list_rules("enterprise")
    >>> sum(r.effective_points for r in rules if r.enabled and not r.is_deduction)
    100
    """
    names = PACKS if pack is None else (pack,)
    return [rule for name in names for rule in load_rules(name, override=override).rules]


def read_override(path: Path) -> dict[str, dict[str, Any]]:
    """The ``[rules.CODE]`` tables of a user's rules file, checked for shape.

    Raises:
        ConfigError: the file is missing, not TOML, or has keys other than ``rules``.
    """
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ConfigError(f"无法读取规则文件 {path}（{exc.strerror or exc}）；请检查路径") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"规则文件 {path} 不是 UTF-8 编码；请另存为 UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"规则文件 {path} 不是有效的 TOML（{exc}）；请检查语法") from exc
    for key in data:
        if key != "rules":
            raise ConfigError(f"规则文件 {path}：不认识的键“{key}”；规则须写在 [rules.代码] 表中")
    rules = data.get("rules", {})
    if not isinstance(rules, dict) or not all(isinstance(t, dict) for t in rules.values()):
        raise ConfigError(f"规则文件 {path}：“rules”须为表，例如 [rules.A101]")
    return {str(code): table for code, table in rules.items()}


@cache
def _pack_data(name: str) -> dict[str, Any]:
    """A shipped pack's TOML, read on first use."""
    text = resources.files("analyzer").joinpath("resources", "rules", f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def _resolved(name: str, _seen: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """The pack's rule tables after its ``extends`` chain, in order (parents' rules first)."""
    if name in _seen:
        raise ConfigError(f"规则包 {name} 的 extends 形成循环：{' → '.join((*_seen, name))}")
    data = _pack_data(name)
    parent = data.get("extends")
    tables = {k: dict(v) for k, v in _resolved(parent, (*_seen, name)).items()} if parent else {}
    for code, table in data.get("rules", {}).items():
        tables[code] = _merge(tables[code], table) if code in tables else dict(table)
    return tables


def _merge(base: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """A rule table changed by another; a new ``type`` replaces the rule's parameters."""
    if "type" in change and change["type"] != base.get("type"):
        kept = {k: v for k, v in base.items() if k in _COMMON_KEYS}
        return {**kept, **change}
    return {**base, **change}


@lru_cache(maxsize=1)
def _all_codes() -> frozenset[str]:
    return frozenset(code for name in PACKS for code in _resolved(name))


def _build(code: str, table: dict[str, Any], pack: str, where: str) -> Rule:
    """Validate one rule table into a Rule; a problem becomes a ConfigError naming the key."""

    def fail(problem: str) -> ConfigError:
        return ConfigError(f"{where}：规则 {code} 的{problem}")

    for key in _REQUIRED_KEYS:
        if key not in table:
            raise fail(f"“{key}”缺失")
    kind = rule_types().get(table["type"])
    if kind is None:
        raise fail(f"“type”无效：{table['type']}（可用：{'、'.join(sorted(rule_types()))}）")
    checks = (
        ("title", isinstance(table["title"], str) and table["title"].strip(), "应为非空字符串"),
        ("category", isinstance(table["category"], str), "应为字符串"),
        ("level", table["level"] in LEVELS, "应为 error、warning 或 info"),
        ("points", _count(table["points"]), "应为不小于 0 的整数"),
        ("max_points", _count(table.get("max_points", 0)), "应为不小于 0 的整数"),
        ("enabled", isinstance(table.get("enabled", True), bool), "应为 true 或 false"),
        ("skip_if", _strings(table.get("skip_if", [])), "应为规则代码列表"),
        ("scope", _strings(table.get("scope", [])) and set(table.get("scope", [])) <= set(SCOPES),
         f"应为以下范围的列表：{'、'.join(SCOPES)}"),
    )
    for key, ok, problem in checks:
        if not ok:
            raise fail(f"“{key}”{problem}")
    params_table = {k: v for k, v in table.items() if k not in _COMMON_KEYS}
    params, problem = build_params(kind.params, params_table)
    if problem:
        raise fail(problem)
    allowed = {*COMMON_FIELDS, *kind.message_fields}
    for key in ("message", "unrecognised_message"):
        problem = _template_problem(table.get(key, DEFAULT_UNRECOGNISED), allowed)
        if problem:
            raise fail(f"“{key}”{problem}")
    return Rule(
        code=code, title=table["title"].strip(), category=table["category"], type=kind.name,
        level=table["level"], points=table["points"], message=table["message"], params=params,
        scope=tuple(table.get("scope", kind.default_scope)), pack=pack, max_points=table.get("max_points"),
        unrecognised_message=table.get("unrecognised_message", DEFAULT_UNRECOGNISED),
        skip_if=tuple(table.get("skip_if", ())), enabled=table.get("enabled", True),
        description=str(table.get("description", "")),
    )


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _template_problem(template: Any, allowed: set[str]) -> str | None:
    """Why a message template cannot be filled, or None."""
    if not isinstance(template, str) or not template.strip():
        return "应为非空字符串"
    if "\n" in template:
        return "应为一行"
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        return "的花括号不成对（字面花括号请写作 {{ 或 }}）"
    for name in names:
        if name not in allowed:
            return f"用了不认识的占位符 {{{name}}}（可用：{'、'.join(sorted(allowed))}）"
    return None
