"""Find template placeholders left unfilled (20__年, XX年, xxx工会, 以_为指导, ××省, [单位名称])."""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.audit import patterns as P
from analyzer.ingest.wholetext import lines_matching
from analyzer.models import Finding

_CONTEXT = 3  # characters of context quoted on each side


def _widen(line: str, start: int, end: int) -> str:
    """The placeholder with up to ``_CONTEXT`` characters of its clause on each side."""
    lo = start
    while lo > 0 and start - lo < _CONTEXT and P.EVIDENCE_CONTEXT.match(line[lo - 1]):
        lo -= 1
    hi = end
    while hi < len(line) and hi - end < _CONTEXT and P.EVIDENCE_CONTEXT.match(line[hi]):
        hi += 1
    return line[lo:hi]


def find_placeholders(lines: Sequence[str], *, first_line: int = 1) -> list[Finding]:
    """Template placeholders as ``template_placeholder`` findings, evidence quoted with its line.

    >>> [f.evidence for f in find_placeholders(["20__年，区工会将继续", "以_为指导，认真学习"])]
    ['20__年', '以_为指导']
    """
    findings: list[Finding] = []
    # Most lines hold no character a placeholder is made of: one scan of all lines finds the others.
    for offset in lines_matching(P.PLACEHOLDER_TRIGGER, lines):
        line = lines[offset]
        for m in P.PLACEHOLDER.finditer(line):
            token = m.group(0)
            if not token.strip() or P.NOT_PLACEHOLDER.match(line[m.start() : m.start() + 6]):
                continue
            evidence = _widen(line, m.start(), m.end())
            findings.append(Finding(
                rule="template_placeholder", severity="warning",
                message=f"模板占位符未填写：“{token}”", evidence=evidence, line=first_line + offset))
    return findings
