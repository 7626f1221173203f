"""``report.html``: the audit as one self-contained Chinese page (Jinja2 with autoescape on; CSS, JS and charts inline).

The page holds a summary (plans, units, files not audited, score bands, most frequent findings), a
table of plans to sort and filter, a page per plan (findings with their evidence, outline, schedule,
tasks, duty coverage, the text with the evidence lines marked), the month × plan calendar, the
similarity and duty-coverage heatmaps and copied passages side by side. Document text only ever
reaches the page through Jinja2's autoescape; a Content-Security-Policy lets only the page's own
script run and nothing be fetched.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer.audit.records import LEVEL_LABELS, UNIT_KIND_LABELS, UNIT_KINDS
from analyzer.report.audit_xlsx import FREQUENCY_LABELS, REJECTED_LABELS, main_issues, month_label
from analyzer.report.plan_json import KIND_LABELS
from analyzer.report.safe import write_atomic

if TYPE_CHECKING:
    import numpy as np
    from jinja2 import Environment

    from analyzer.audit.records import AuditFinding
    from analyzer.batch import AuditRun, Submission
    from analyzer.models import Section
    from analyzer.report.audit_figures import CopyGroup

__all__ = ["SCORE_BANDS", "render_audit_html", "write_audit_html"]

#: Score bands of the summary and the table's filter: (key, label, lowest score, highest score).
SCORE_BANDS = (("90", "90 分及以上", 90, 100), ("75", "75–89 分", 75, 89), ("60", "60–74 分", 60, 74),
               ("0", "60 分以下", 0, 59))
TEMPLATE = "audit.html.j2"
_TOP_FINDINGS = 12  # rules listed under 最常见的问题
_QUOTE_SEPARATORS = "、…"  # a quote joins several placeholders with 、 and ends a cut passage with …
_MIN_FRAGMENT = 2  # shortest quoted fragment marked inside a line
#: Outline levels listed on a plan's page (一、 （一） 1.).
OUTLINE_DEPTH = 3


@dataclass(frozen=True)
class Evidence:
    """A quoted line of a finding; ``anchor`` is the id of that line in the plan's text."""

    line: int
    quote: str
    anchor: str


@dataclass(frozen=True)
class FindingView:
    """A finding as the plan page shows it."""

    level: str
    level_label: str
    code: str
    title: str
    category: str
    message: str
    points: int
    unrecognised: bool
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class TextLine:
    """A line of the plan's text: parts ``(text, marked)``; ``quoted``: only the finding's quote is known."""

    number: int
    anchor: str
    parts: tuple[tuple[str, bool], ...]
    hit: bool
    quoted: bool = False
    gap: bool = False  # lines left out before this one


@dataclass(frozen=True)
class PlanView:
    """One row of the table and one plan page."""

    number: int
    anchor: str
    label: str
    unit: str
    title: str
    year: int | None
    kind: str
    kind_label: str
    file: str
    source: str
    pack: str
    score: int
    lost: int
    band: str
    levels: Mapping[str, int]
    top: str
    codes: tuple[str, ...]
    findings: tuple[FindingView, ...]
    sections: tuple[tuple[int, str, str, str], ...]  # level, heading, kind label, line anchor
    schedule: tuple[tuple[str, str, str, str, int, str], ...]  # months, period, text, owner, line, anchor
    tasks: tuple[tuple[str, str, str, str, str, int, str], ...]  # text, frequency, targets, owner, deadline, …
    duties: tuple[tuple[str, float], ...]
    lines: tuple[TextLine, ...]


def write_audit_html(run: AuditRun, path: Path) -> Path:
    """Write ``report.html`` for an audit run, atomically (UTF-8).

    Returns:
        ``path``.

    Raises:
        OutputError: the file cannot be written.

    >>> import tempfile
    >>> from analyzer.batch import AuditRun
    >>> out = write_audit_html(AuditRun(submissions=(), year=2025), Path(tempfile.mkdtemp()) / "report.html")
    >>> "工作计划审核报告" in out.read_text("utf-8")
    True
    """
    return write_atomic(path, render_audit_html(run))


def render_audit_html(run: AuditRun) -> str:
    """The page as a string.

    >>> from analyzer.batch import AuditRun
    >>> "2025 年度" in render_audit_html(AuditRun(submissions=(), year=2025))
    True
    """
    from analyzer.report.audit_figures import calendar_rows, copy_groups, coverage_heatmap, similarity_heatmap

    subs = list(run.submissions)
    duties, coverage = _coverage(subs)
    copies = copy_groups(run)
    written = _written_lines(run)
    plans = [_plan_view(number, sub, written.get(sub.source), duties, coverage[number - 1] if duties else ())
             for number, sub in enumerate(subs, 1)]
    similarity, pairs = similarity_heatmap(subs)
    script = _resource("audit.js")
    counts = Counter(code for s in subs for code in {f.code for f in s.audit.findings if f.level != "info"})
    titles = {f.code: f.title for s in subs for f in s.audit.findings}
    bands = [(key, label, sum(lo <= p.score <= hi for p in plans)) for key, label, lo, hi in SCORE_BANDS]
    return _environment().get_template(TEMPLATE).render(
        year=run.year,
        created=run.created.strftime("%Y年%m月%d日 %H:%M"),
        plans=plans,
        units=len({s.unit or s.label for s in subs}),
        mean=round(sum(p.score for p in plans) / len(plans), 1) if plans else None,
        bands=bands,
        band_max=max([n for *_rest, n in bands] + [1]),
        top_findings=[(code, titles[code], n) for code, n in counts.most_common(_TOP_FINDINGS)],
        all_codes=sorted((code, titles[code]) for code in {c for p in plans for c in p.codes}),
        kinds=[(k, UNIT_KIND_LABELS[k]) for k in UNIT_KINDS if any(p.kind == k for p in plans)],
        rejected=[(Path(r.source).name, r.source, REJECTED_LABELS.get(r.kind, r.kind), r.reason)
                  for r in run.rejected],
        calendar=calendar_rows(subs, run.year),
        similarity=similarity,
        pairs=pairs,
        coverage=coverage_heatmap(subs, coverage, duties) if duties else None,
        copies=copies,
        copies_of=_copies_by_plan(copies, plans),
        css=_resource("audit.css"),
        script=script,
        csp=_csp(script),
    )


def _environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    # autoescape on for every template: document text is never trusted
    return Environment(loader=PackageLoader("analyzer", "resources/templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _resource(name: str) -> str:
    """A CSS or JS file of the templates folder, as markup (the page's own code, never document text)."""
    from markupsafe import Markup

    text = resources.files("analyzer").joinpath("resources", "templates", name).read_text("utf-8")
    return Markup(text)


def _csp(script: str) -> str:
    """Content-Security-Policy: nothing fetched, images only inline, only the page's own script runs."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; "
            "base-uri 'none'; form-action 'none'")


def _written_lines(run: AuditRun) -> dict[str, Sequence[str]]:
    """Source → the document's lines as written, from ``run.texts`` when the run keeps them.

    Without them a plan's page shows its analysis text (简体, title and signature lines blanked) and, for
    an evidence line it lacks, the finding's quote.
    """
    return dict(getattr(run, "texts", None) or {})


def _coverage(subs: Sequence[Submission]) -> tuple[list[str], np.ndarray]:
    """The union duties and each plan's coverage of them (plans × duties, 0–1), in ``subs`` order."""
    import numpy as np

    if not subs:
        return [], np.zeros((0, 0))
    from analyzer.compare.duties import duty_coverage

    frame = duty_coverage([s.plan for s in subs])
    return [str(c) for c in frame.columns], frame.to_numpy(dtype=float)


def _band(score: int) -> str:
    return next(key for key, _label, lo, hi in SCORE_BANDS if lo <= score <= hi)


def _plan_view(number: int, sub: Submission, written: Sequence[str] | None, duties: Sequence[str],
               coverage: Sequence[float]) -> PlanView:
    plan, audit = sub.plan, sub.audit
    anchor = f"plan-{number}"
    lines = _text_lines(f"L{number}-", sub, written)
    shown = {line.number for line in lines}

    def at(line: int) -> str:
        return f"L{number}-{line}" if line in shown else ""

    levels = Counter(f.level for f in audit.findings)
    return PlanView(
        number=number, anchor=anchor, label=sub.label, unit=sub.unit or "", title=plan.title or "",
        year=sub.year, kind=audit.unit_kind, kind_label=UNIT_KIND_LABELS.get(audit.unit_kind, audit.unit_kind),
        file=Path(sub.source).name, source=sub.source, pack=audit.pack, score=audit.score,
        lost=audit.points_lost, band=_band(audit.score), levels={k: levels[k] for k in LEVEL_LABELS},
        top=main_issues(audit.findings), codes=tuple(sorted({f.code for f in audit.findings})),
        findings=tuple(_finding_view(f, at) for f in audit.findings),
        sections=_outline(plan.sections, at),
        schedule=tuple((month_label(i.month_start, i.month_end, recurring=i.recurring), i.period, i.text,
                        i.owner or "", i.line, at(i.line)) for i in plan.schedule),
        tasks=tuple((t.text, FREQUENCY_LABELS.get(t.frequency or "", ""), "；".join(t.targets), t.owner or "",
                     t.deadline_text or (f"{t.deadline}月" if t.deadline else ""), t.line, at(t.line))
                    for t in plan.tasks),
        duties=tuple(zip(duties, (float(v) for v in coverage), strict=True)),
        lines=lines,
    )


def _outline(sections: Sequence[Section], at: Callable[[int], str]) -> tuple[tuple[int, str, str, str], ...]:
    """Headings down to ``OUTLINE_DEPTH``, each with its kind when it differs from its parent's."""
    out = []
    for s in sections:
        if s.level > OUTLINE_DEPTH:
            continue
        parent = sections[s.parent].kind if s.parent is not None and 0 <= s.parent < len(sections) else None
        kind = KIND_LABELS.get(s.kind, s.kind) if s.kind != parent else ""
        out.append((s.level, s.heading or s.title or "（开头部分）", kind, at(s.line)))
    return tuple(out)


def _finding_view(f: AuditFinding, at: Callable[[int], str]) -> FindingView:
    return FindingView(f.level, LEVEL_LABELS.get(f.level, f.level), f.code, f.title, f.category, f.message,
                       f.points_lost, f.unrecognised, tuple(Evidence(line, quote, at(line)) for line, quote in f.evidence))


def _fragments(quote: str) -> list[str]:
    parts = [quote]
    for sep in _QUOTE_SEPARATORS:
        parts = [piece.strip() for part in parts for piece in part.split(sep)]
    return [p for p in parts if len(p) >= _MIN_FRAGMENT]


def _marked(text: str, quotes: Sequence[str]) -> tuple[tuple[str, bool], ...]:
    """Split a line into parts, marking every occurrence of a quoted fragment."""
    spans: list[tuple[int, int]] = []
    for fragment in {f for q in quotes for f in _fragments(q)}:
        start = text.find(fragment)
        while start >= 0:
            spans.append((start, start + len(fragment)))
            start = text.find(fragment, start + len(fragment))
    if not spans:
        return ((text, False),)
    parts: list[tuple[str, bool]] = []
    end = 0
    for lo, hi in sorted(spans):
        if hi <= end:
            continue
        lo = max(lo, end)
        if lo > end:
            parts.append((text[end:lo], False))
        parts.append((text[lo:hi], True))
        end = hi
    if end < len(text):
        parts.append((text[end:], False))
    return tuple(parts)


def _text_lines(prefix: str, sub: Submission, written: Sequence[str] | None) -> tuple[TextLine, ...]:
    """The plan's lines, numbered as in its document, with evidence lines marked.

    Lines come from the document as written when known, else from the plan's analysis text; an
    evidence line outside the plan (a compilation's heading) or blanked in the analysis text (title,
    signature) is added, showing the finding's quote when the document's line is not known.
    """
    plan = sub.plan
    quotes: dict[int, list[str]] = {}
    for f in sub.audit.findings:
        for line, quote in f.evidence:
            quotes.setdefault(line, []).append(quote)
    text: dict[int, tuple[str, bool]] = {}
    for i, analysed in enumerate(plan.text_lines):
        number = plan.line_start + i
        text[number] = (written[number - 1] if written and number <= len(written) else analysed, False)
    for number, said in quotes.items():
        if not text.get(number, ("", False))[0].strip():
            known = written is not None and 0 < number <= len(written) and written[number - 1].strip()
            text[number] = (written[number - 1], False) if known else ("、".join(dict.fromkeys(said)), True)
    out = []
    previous = None
    for number in sorted(text):
        line, quoted = text[number]
        said = quotes.get(number, [])
        out.append(TextLine(number, f"{prefix}{number}", _marked(line, said) if said else ((line, False),),
                            bool(said), quoted, previous is not None and number > previous + 1))
        previous = number
    return tuple(out)


def _copies_by_plan(groups: Sequence[CopyGroup], plans: Sequence[PlanView]) -> dict[int, list[tuple[str, str, float]]]:
    """Plan number → (group anchor, the other side, share of this plan's text copied) for its page."""
    out: dict[int, list[tuple[str, str, float]]] = {}
    for g in groups:
        out.setdefault(g.number, []).append((g.anchor, g.other_label, g.share))
        if g.other is not None:
            out.setdefault(g.other, []).append((g.anchor, plans[g.number - 1].label, g.other_share))
    return out
