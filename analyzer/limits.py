"""Resource limits: every bound on what one input may cost, named in one place and configurable.

A damaged or crafted file must cost a bounded amount of memory and time and then fail with a
one-line Chinese message naming the limit, never take the batch down. The defaults are far above
any real work plan (a plan is 5–50 KB of text; a compilation of 50 plans is under 1 MB).

Configure them with the environment variable ``PLAN_ANALYZER_LIMITS`` (``name=value`` pairs
separated by commas, sizes in bytes or with a ``K``/``M``/``G`` suffix), for example
``PLAN_ANALYZER_LIMITS="max_text_chars=5M,max_plans=1000"``, or pass a :class:`Limits` to
:func:`analyzer.ingest.read_document` / :func:`analyzer.pipeline.parse_document`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields, replace

from analyzer.errors import ConfigError

__all__ = ["DEFAULT_LIMITS", "ENV_VAR", "Limits", "current_limits"]

ENV_VAR = "PLAN_ANALYZER_LIMITS"
_MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on one input document.

    Attributes:
        max_file_bytes: size of a file on disk.
        max_part_bytes: decompressed size of one part of a .docx package (streamed, never inflated first).
        max_package_bytes: decompressed size of all parts read from one .docx package.
        max_ratio: decompressed ÷ compressed size of a part, checked once a part passes 1 MB (a zip bomb's sign).
        max_zip_entries: entries in a .docx package's central directory.
        max_xml_depth: element nesting in a .docx part.
        max_html_depth: element nesting in an HTML page.
        max_text_chars: characters of text a file may hold once decoded (about 3 bytes each in UTF-8).
        max_line_chars: a line longer than this is cut into pieces of this length (text without breaks).
        max_plans: plans found in one document; more is a sign the file is no plan at all.

    >>> Limits().max_plans
    300
    """

    max_file_bytes: int = 64 * _MIB
    max_part_bytes: int = 48 * _MIB
    max_package_bytes: int = 96 * _MIB
    max_ratio: int = 150
    max_zip_entries: int = 5_000
    max_xml_depth: int = 200
    max_html_depth: int = 400
    max_text_chars: int = 2_000_000
    max_line_chars: int = 20_000
    max_plans: int = 300

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"资源上限 {f.name} 必须是正整数，当前为 {value!r}")

    @classmethod
    def parse(cls, spec: str, base: Limits | None = None) -> Limits:
        """Limits from ``name=value`` pairs (``K``/``M``/``G`` suffixes allowed) over ``base``.

        >>> Limits.parse("max_plans=50, max_text_chars=2M").max_text_chars
        2097152
        """
        base = base or cls()
        known = {f.name for f in fields(cls)}
        changes: dict[str, int] = {}
        for item in filter(None, (part.strip() for part in spec.split(","))):
            name, sep, raw = item.partition("=")
            name = name.strip()
            if not sep or name not in known:
                raise ConfigError(f"无法识别的资源上限设置“{item}”；可用的名称：{'、'.join(sorted(known))}")
            match = _SIZE.fullmatch(raw.strip())
            if match is None:
                raise ConfigError(f"资源上限 {name} 的取值“{raw.strip()}”不是数字；例如 {name}=2M")
            changes[name] = int(match.group(1)) * _UNITS[match.group(2).upper()]
        return replace(base, **changes)


_SIZE = re.compile(r"(\d{1,15})\s*([KkMmGg]?)")
_UNITS = {"": 1, "K": 1024, "M": _MIB, "G": 1024 * _MIB}

DEFAULT_LIMITS = Limits()


def current_limits() -> Limits:
    """The limits in force: the defaults, changed by ``PLAN_ANALYZER_LIMITS`` when it is set.

    Raises:
        ConfigError: the variable holds an unknown name or a value that is not a positive number.
    """
    spec = os.environ.get(ENV_VAR, "").strip()
    return Limits.parse(spec) if spec else DEFAULT_LIMITS
