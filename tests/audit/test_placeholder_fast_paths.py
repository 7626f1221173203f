"""The placeholder scan's fast forms find what the plain rules they replace find (oracles kept here)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.audit import patterns as P
from analyzer.audit.placeholders import _widen, find_placeholders
from analyzer.models import Finding

_CJK = r"\u4e00-\u9fff"
_PLACEHOLDER_ORACLE = re.compile(
    "|".join((
        r"(?<![A-Za-z0-9])[XxＸｘ]{4,}(?:[-－][XxＸｘ]{2,})*(?![A-Za-z0-9])",
        r"(?:(?:19|20)[0-9]?)?[_＿]{1,8}[XxＸｘ]?",
        rf"(?<![A-Za-z0-9+\-])(?:(?:19|20)[0-9]?)?(?:[XxＸｘ]{{1,4}}|[Zz]{{2,3}}|[YyＹ]{{2,3}})(?![A-Za-z0-9])(?=[{_CJK}])",
        r"(?<![A-Za-z0-9+\-])(?:19|20)[0-9]?(?:[XxＸｘ]{1,3})(?![A-Za-z0-9])",
        rf"(?<=[{_CJK}])(?:[XxＸｘ]{{1,4}}|[Zz]{{2,3}})(?![A-Za-z0-9])",
        r"[×✕]{1,4}|[○〇]{2,4}(?=[" + _CJK + r"])|[*＊]{2,4}",
        r"[\[【［](?:[XxＸｘ]|[^\]】］]{0,10}(?:名称|名字|姓名|单位|学校|日期|时间|填写|某)[^\]】］]{0,6})[\]】］]",
        r"[（(](?:单位|学校|公司|企业|社区|部门|姓名)?名称[）)]|[（(](?:单位|姓名|学校)[）)]",
        r"“\s*”|《\s*》",
        r"某某",
    ))
)
_TRIGGER_ORACLE = re.compile(r"[_＿XxＸｘZzYyＹ×✕○〇*＊\[【［某称]|“”|《》")


def _find_placeholders_oracle(lines: Sequence[str], *, first_line: int = 1) -> list[Finding]:
    """Every line tested on its own, with the patterns above."""
    findings: list[Finding] = []
    for offset, line in enumerate(lines):
        if not line or _TRIGGER_ORACLE.search(line) is None:
            continue
        for m in _PLACEHOLDER_ORACLE.finditer(line):
            token = m.group(0)
            if not token.strip() or P.NOT_PLACEHOLDER.match(line[m.start(): m.start() + 6]):
                continue
            findings.append(Finding("template_placeholder", "warning", f"模板占位符未填写：“{token}”",
                                    _widen(line, m.start(), m.end()), first_line + offset))
    return findings


_PIECES = [*"_＿XxＸｘZzYyＹ×✕○〇*＊[]【】［］（）()“”《》某称 \t\n+-019220年工会单位名称学校填写A光", "20__年", "xxx工会",
           "[单位名称]", "（单位名称）", "某某同志", "“ ”", "《》", "1+X", "X光", "××省", "**人"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)
_FAST = settings(max_examples=500, deadline=None)


@_FAST
@given(_TEXT)
def test_placeholder_with_its_lookahead_finds_the_same_matches(text: str) -> None:
    assert [m.span() for m in P.PLACEHOLDER.finditer(text)] == [m.span() for m in _PLACEHOLDER_ORACLE.finditer(text)]


@_FAST
@given(_TEXT)
def test_trigger_opening_with_a_class_finds_the_same_lines(text: str) -> None:
    assert bool(P.PLACEHOLDER_TRIGGER.search(text)) == bool(_TRIGGER_ORACLE.search(text))


@_FAST
@given(st.lists(_TEXT, max_size=8), st.integers(1, 50))
def test_find_placeholders_equals_the_line_by_line_scan(lines: list[str], first_line: int) -> None:
    assert find_placeholders(lines, first_line=first_line) == _find_placeholders_oracle(lines, first_line=first_line)
