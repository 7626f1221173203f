"""``report.html``: the audit as one self-contained Chinese page (Jinja2, autoescaped; CSS and JS inline).

The page holds a summary (plans, units, files not audited, score bands, most frequent findings), a
table of plans to sort and filter, a section per plan (findings with their evidence, outline,
schedule, tasks, the text with the evidence lines marked), the month × plan calendar, similarity
and duty-coverage heatmaps with plan labels (as coloured tables, readable and searchable), and
copied passages side by side. Document text is always escaped; no resource is fetched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.report.safe import write_atomic

__all__ = ["MAX_HEATMAP", "render_audit_html", "write_audit_html"]

#: Heatmaps show at most this many plans (those most similar to another plan when there are more).
MAX_HEATMAP = 40
_MAX_TASKS = 80  # tasks listed per plan page
_BANDS = (("90 分以上", 90, 101), ("75–89 分", 75, 90), ("60–74 分", 60, 75), ("60 分以下", 0, 60))
_LEVELS = {"error": "错误", "warning": "警告", "info": "提示"}
_KINDS = {"enterprise": "企业", "institution": "机关事业单位", "school": "学校", "community": "街道社区",
          "general": "通用"}
_FREQUENCIES = {"weekly": "每周", "monthly": "每月", "quarterly": "每季度", "semesterly": "每学期",
                "half_yearly": "每半年", "yearly": "每年", "once": "一次"}


@dataclass(frozen=True)
class _Heat:
    rows: list[str]
    columns: list[str]
    values: list[list[float]]
    note: str


def write_audit_html(run: Any, path: str | Path) -> Path:  # AuditRun
    """Write ``report.html`` for an audit run, atomically.

    >>> from analyzer.batch import AuditRun
    >>> import tempfile, pathlib
    >>> out = write_audit_html(AuditRun(submissions=()), pathlib.Path(tempfile.mkdtemp()) / "report.html")
    >>> "工作计划审核报告" in out.read_text("utf-8")
    True
    """
    return write_atomic(path, render_audit_html(run))


def render_audit_html(run: Any) -> str:  # AuditRun
    """The page as a string (for tests)."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("analyzer", "resources/templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.get_template("audit_report.html.j2")
    return template.render(**_context(run))


def _context(run: Any) -> dict[str, Any]:
    subs = list(run.submissions)
    plans = [_plan_view(i, s) for i, s in enumerate(subs, 1)]
    counts = Counter((f.code, f.title) for s in subs for f in s.audit.findings if f.level != "info")
    bands = [(name, sum(lo <= s.audit.score < hi for s in subs)) for name, lo, hi in _BANDS]
    scores = [s.audit.score for s in subs]
    return {
        "year": run.year,
        "created": run.created.strftime("%Y年%m月%d日 %H:%M"),
        "plans": plans,
        "units": len({s.unit or s.label for s in subs}),
        "mean": round(sum(scores) / len(scores), 1) if scores else None,
        "bands": bands,
        "band_max": max((n for _b, n in bands), default=0) or 1,
        "top_findings": [(code, title, n) for (code, title), n in counts.most_common(12)],
        "rejected": [{"file": Path(r.source).name, "reason": r.reason,
                      "kind": "无法读取" if r.kind == "unreadable" else "不是工作计划"} for r in run.rejected],
        "kinds": sorted({p["kind"] for p in plans}),
        "codes": sorted({code for p in plans for code in p["codes"]}),
        "calendar": _calendar(subs),
        "similarity": _similarity(subs),
        "coverage": _coverage(subs),
        "copies": _copies(run, subs),
    }


def _plan_view(number: int, s: Any) -> dict[str, Any]:
    plan, audit = s.plan, s.audit
    marked: dict[int, list[str]] = {}
    findings = []
    for f in audit.findings:
        findings.append({"level": f.level, "level_label": _LEVELS.get(f.level, f.level), "code": f.code,
                         "title": f.title, "message": f.message, "points": f.points_lost,
                         "evidence": [{"line": n, "text": q} for n, q in f.evidence]})
        for n, _q in f.evidence:
            marked.setdefault(n, []).append(f.code)
    text = [{"line": plan.line_start + i, "text": line, "codes": marked.get(plan.line_start + i, [])}
            for i, line in enumerate(plan.text_lines)]
    return {
        "anchor": f"plan-{number}",
        "label": s.label,
        "unit": s.unit or "",
        "title": plan.title or "",
        "year": s.year,
        "kind": _KINDS.get(audit.unit_kind, audit.unit_kind),
        "file": Path(s.source).name,
        "score": audit.score,
        "errors": sum(f.level == "error" for f in audit.findings),
        "warnings": sum(f.level == "warning" for f in audit.findings),
        "codes": sorted({f.code for f in audit.findings if f.level != "info"}),
        "top": "；".join(f.title for f in sorted(audit.findings, key=lambda f: -f.points_lost)[:3] if f.points_lost),
        "findings": findings,
        "sections": [{"level": sec.level, "heading": sec.heading or sec.title, "kind": sec.kind}
                     for sec in plan.sections if sec.heading or sec.title],
        "schedule": [{"months": "全年" if i.recurring else (f"{i.month_start}月" if i.month_start == i.month_end
                                                           else f"{i.month_start}–{i.month_end}月"),
                      "period": i.period, "text": i.text, "owner": i.owner or "", "line": i.line}
                     for i in plan.schedule],
        "tasks": [{"text": t.text, "frequency": _FREQUENCIES.get(t.frequency or "", ""),
                   "targets": "；".join(t.targets), "owner": t.owner or "",
                   "deadline": f"{t.deadline}月" if t.deadline else "", "line": t.line}
                  for t in plan.tasks[:_MAX_TASKS]],
        "more_tasks": max(0, len(plan.tasks) - _MAX_TASKS),
        "text": text,
    }


def _calendar(subs: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for s in subs:
        cells: list[list[str]] = [[] for _ in range(13)]  # 0: 全年, 1–12: months
        for item in s.plan.schedule:
            if item.recurring:
                cells[0].append(item.text)
                continue
            months = (range(item.month_start, item.month_end + 1) if item.month_start <= item.month_end
                      else [*range(item.month_start, 13), *range(1, item.month_end + 1)])
            for m in months:
                cells[m].append(item.text)
        rows.append({"label": s.label, "year": s.year, "cells": cells})
    return rows


def _pick(subs: list[Any], scores: dict[str, float]) -> tuple[list[Any], str]:
    if len(subs) <= MAX_HEATMAP:
        return subs, ""
    chosen = sorted(subs, key=lambda s: -scores.get(s.plan.id, 0.0))[:MAX_HEATMAP]
    keep = {id(s) for s in chosen}
    return [s for s in subs if id(s) in keep], f"共 {len(subs)} 份计划，只显示与其他计划最相似的 {MAX_HEATMAP} 份。"


def _similarity(subs: list[Any]) -> _Heat | None:
    if len(subs) < 2:
        return None
    from analyzer.compare.similarity import similarity_matrix

    matrix = similarity_matrix([s.plan for s in subs])
    values = matrix.to_numpy(copy=True)
    positions = {pid: k for k, pid in enumerate(matrix.index)}
    for k in range(len(values)):
        values[k, k] = 0.0
    best = {pid: float(values[k].max()) for pid, k in positions.items()}
    shown, note = _pick(subs, best)
    rows = [positions[s.plan.id] for s in shown]
    return _Heat([s.label for s in shown], [s.label for s in shown],
                 [[1.0 if a == b else round(float(values[a, b]), 2) for b in rows] for a in rows], note)


def _coverage(subs: list[Any]) -> _Heat | None:
    if not subs:
        return None
    from analyzer.compare.duties import duty_coverage

    frame = duty_coverage([s.plan for s in subs])
    shown, note = _pick(subs, {s.plan.id: -float(frame.loc[s.plan.id].mean()) for s in subs})
    return _Heat([s.label for s in shown], [str(c) for c in frame.columns],
                 [[round(float(v), 2) for v in frame.loc[s.plan.id]] for s in shown], note)


def _copies(run: Any, subs: list[Any]) -> list[dict[str, Any]]:
    labels = {s.plan.id: s.label for s in subs}
    rows = []
    for table, source in ((run.copies, "plans"), (run.template_copies, "templates")):
        for plan_id, matches in table.items():
            for match in matches:
                other = labels.get(match.other, match.label)
                for passage in match.passages:
                    rows.append({"plan": labels.get(plan_id, plan_id), "line": passage.line, "text": passage.passage,
                                 "other": other if source == "plans" else f"模板：{other}",
                                 "other_line": passage.other_line, "similarity": round(passage.similarity, 2),
                                 "share": round(match.share * 100)})
    rows.sort(key=lambda r: (-r["share"], r["plan"], r["line"]))
    return rows
