"""report.html: every plan once under a distinct label, anchors resolve, document text escaped, nothing fetched.

The batch: two plans of the generic unit 公司工会 in different files, a plan carrying HTML/JS payloads in
its title and an item, a plan of another unit copying a passage of the first, and an unreadable file.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from dataclasses import replace
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from analyzer.audit.records import AuditFinding, PlanAudit
from analyzer.batch import AuditRun, Submission, run_audit
from analyzer.models import Plan
from analyzer.report.audit_figures import MAX_HEATMAP, calendar_rows, similarity_heatmap
from analyzer.report.audit_html import SCORE_BANDS, _marked, render_audit_html, write_audit_html

YEAR = 2025
SHARED = "为全面提高工会组织的监督作用，依法保障职工的合法权利，增强参政议政的能力，切实维护广大职工的根本利益。"
PLAN = """{title}
一、指导思想
以习近平新时代中国特色社会主义思想为指导，团结动员广大职工建功立业。{shared}
二、工作目标
全年会员入会率达到95%以上，职工培训不少于300人次。
三、主要工作
（一）3月召开职工代表大会，审议厂务公开事项。（责任部门：工会办公室）
（二）{item}
（三）12月开展送温暖活动，走访慰问困难职工。
四、保障措施
加强组织领导，落实工作责任。
"""
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
MARKER = '<img src=x onerror="window.__xss=1">'
PLANS = {
    "a-east.txt": PLAN.format(title="公司工会2025年工作计划", shared=SHARED, item="5月组织职工技能比武，评选岗位能手。"),
    "b-west.txt": PLAN.format(title="公司工会2025年工作计划", shared="", item="6月开展XX送清凉活动，慰问一线职工。"),
    "c-payload.txt": PLAN.format(title=f"{SCRIPT}{IMG}街道工会2025年工作计划", shared="",
                         item=f"7月举办{SCRIPT}职工运动会{IMG}{MARKER}。"),
    "d-school.txt": PLAN.format(title="城南小学工会2025年工作计划", shared=SHARED, item="9月庆祝教师节，表彰优秀教师。"),
}
URL_REFERENCE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)  # any scheme or protocol-relative


def write_batch(folder: Path) -> Path:
    """The test batch's files in ``folder`` (the browser test uses it too)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in PLANS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "坏.docx").write_bytes(b"PK\x03\x04broken")
    return folder


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> AuditRun:
    return run_audit([write_batch(tmp_path_factory.mktemp("收件"))], year=YEAR)


@pytest.fixture(scope="module")
def html(run: AuditRun, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = write_audit_html(run, tmp_path_factory.mktemp("out") / "report.html")
    assert [p.name for p in path.parent.iterdir()] == ["report.html"]  # written atomically, nothing left over
    return path.read_text("utf-8")


@pytest.fixture(scope="module")
def page(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def _rows(page: BeautifulSoup) -> list:
    return page.select("#plan-table tbody tr")


def test_every_plan_listed_once_with_a_distinct_label(run: AuditRun, page: BeautifulSoup) -> None:
    labels = [row.find("a").get_text() for row in _rows(page)]
    assert len(run.submissions) == 4
    assert sorted(labels) == sorted(s.label for s in run.submissions)
    assert len(set(labels)) == len(labels)
    assert sum("公司工会" in label for label in labels) == 2  # two plans of one generic unit stay apart
    assert len(page.select("article.plan-page")) == 4
    calendar = [row.find("a").get_text() for row in page.select("table.calendar tbody tr")]
    assert len(calendar) == len(set(calendar)) == 4


def test_ids_unique_and_every_anchor_resolves(page: BeautifulSoup) -> None:
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    links = [a["href"] for a in page.find_all("a", href=True)]
    assert links and all(link.startswith("#") for link in links)
    assert {link[1:] for link in links} <= set(ids)


def test_table_links_open_each_plans_page(run: AuditRun, page: BeautifulSoup) -> None:
    for row, sub in zip(_rows(page), run.submissions, strict=True):
        article = page.find(id=row.find("a")["href"][1:])
        assert article.name == "article" and sub.label in article.find("h2").get_text()
        assert Path(sub.source).name in article.get_text()


def test_only_the_pages_own_script(page: BeautifulSoup) -> None:
    scripts = page.find_all("script")
    own = resources.files("analyzer").joinpath("resources", "templates", "audit.js").read_text("utf-8")
    assert len(scripts) == 1 and scripts[0].string == own and "alert" not in own
    assert not page.find_all(["img", "iframe", "object", "embed", "link"], src=True)
    assert not page.find_all("img")  # the payload's <img> is text, not an element
    handlers = [(tag.name, attr) for tag in page.find_all(True) for attr in tag.attrs if attr.startswith("on")]
    assert handlers == []


def _payload_text(page: BeautifulSoup) -> str:
    return next(t for t in (d.get_text() for d in page.select("article.plan-page div.text")) if "职工运动会" in t)


def test_payload_shown_as_text(run: AuditRun, html: str, page: BeautifulSoup) -> None:
    analysed = next(s.plan.text for s in run.submissions if "职工运动会" in s.plan.text)
    assert SCRIPT in analysed  # (the reader drops <img …> tags from the analysis text)
    text = _payload_text(page)
    for payload in (SCRIPT, IMG, MARKER):
        assert (payload in text) == (payload in analysed)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<img" not in html


def test_payload_in_lines_as_written_shown_as_text(run: AuditRun) -> None:
    texts = {s.source: tuple(Path(s.source).read_text("utf-8").splitlines()) for s in run.submissions}
    html = render_audit_html(SimpleNamespace(**{**vars(run), "texts": texts}))
    page = BeautifulSoup(html, "lxml")
    text = _payload_text(page)
    for payload, times in ((SCRIPT, 2), (IMG, 2), (MARKER, 1)):  # in the title line and the item
        assert text.count(payload) == times
    assert len(page.find_all("script")) == 1 and not page.find_all("img")
    assert "<img" not in html and "&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;" in html


def test_csp_allows_only_the_pages_script_and_no_fetch(page: BeautifulSoup) -> None:
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp
    digest = base64.b64encode(hashlib.sha256(page.find("script").string.encode("utf-8")).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp


def test_no_resource_is_fetched(html: str, page: BeautifulSoup) -> None:
    for attr in ("src", "href", "action", "srcset", "poster", "data", "xlink:href"):
        for tag in page.find_all(attrs={attr: True}):
            value = tag[attr]
            assert not URL_REFERENCE.match(value) or value.startswith("data:"), (tag.name, value)
    styles = " ".join(s.get_text() for s in page.find_all("style"))
    assert "@import" not in styles and "url(" not in styles.replace("url(#", "")
    assert "http://" not in html and "https://" not in html


def test_unreadable_file_listed_with_its_reason(run: AuditRun, page: BeautifulSoup) -> None:
    [rejected] = run.rejected
    rows = page.select("#rejected tbody tr")
    assert len(rows) == 1 and "坏.docx" in rows[0].get_text() and rejected.reason in rows[0].get_text()


def test_rows_carry_what_the_filters_read(run: AuditRun, page: BeautifulSoup) -> None:
    bands = {key: (lo, hi) for key, _label, lo, hi in SCORE_BANDS}
    kinds = {o["value"] for o in page.select("#f-kind option")} - {""}
    codes = {o["value"] for o in page.select("#f-code option")} - {""}
    for row, sub in zip(_rows(page), run.submissions, strict=True):
        lo, hi = bands[row["data-band"]]
        score = int(row.select("td")[4].get_text())
        assert score == sub.audit.score and lo <= score <= hi
        assert row["data-kind"] == sub.audit.unit_kind in kinds
        assert set(row["data-codes"].split()) == {f.code for f in sub.audit.findings} <= codes


def test_findings_quote_their_lines_and_the_text_marks_them(run: AuditRun, page: BeautifulSoup) -> None:
    quoted = 0
    for number, sub in enumerate(run.submissions, 1):
        article = page.find(id=f"plan-{number}")
        assert len(article.select("table.findings tbody tr")) == len(sub.audit.findings)
        for f in sub.audit.findings:
            for line, quote in f.evidence:
                target = article.find(id=f"L{number}-{line}")
                assert target is not None and "hit" in target["class"]
                assert target.find("span").get_text() == str(line)
                links = article.find_all("a", href=f"#L{number}-{line}")
                assert any(link.parent.get_text().endswith(f"：{quote}") for link in links)
                quoted += 1
    assert quoted  # the batch has evidence (XX placeholder, the copied passage)
    marks = [m.get_text() for m in page.select("div.text mark")]
    assert "XX" in "".join(marks)


def test_text_lines_numbered_as_in_the_document(run: AuditRun, page: BeautifulSoup) -> None:
    for number, sub in enumerate(run.submissions, 1):
        lines = page.find(id=f"plan-{number}").select("div.text > div")
        shown = {int(div.find("span").get_text()): div.get_text()[len(div.find("span").get_text()):] for div in lines}
        for i, text in enumerate(sub.plan.text_lines):
            if text.strip():
                assert shown[sub.plan.line_start + i] == text


def test_calendar_puts_each_activity_in_its_month(run: AuditRun, page: BeautifulSoup) -> None:
    rows = page.select("table.calendar tbody tr")
    placed = 0
    for row, sub in zip(rows, run.submissions, strict=True):
        cells = row.find_all("td")[1:]
        for item in sub.plan.schedule:
            if not item.recurring and item.month_start == item.month_end:
                assert item.text[:10] in cells[item.month_start].get_text()
                placed += 1
    assert placed >= 8


def test_copied_passages_side_by_side(run: AuditRun, page: BeautifulSoup) -> None:
    east, school = (next(s for s in run.submissions if s.source.endswith(name)) for name in ("a-east.txt", "d-school.txt"))
    [group] = [g for g in page.select("#copies div.copy")
               if {a.get_text() for a in g.find("h3").find_all("a")} >= {f"1. {east.label}", f"4. {school.label}"}]
    rows = [[td.get_text() for td in row.select("td.passage")] for row in group.select("tbody tr")]
    assert rows and not group.select("td.missing")  # each passage beside the other plan's passage
    assert any(SHARED[:20] in ours and SHARED[:20] in theirs for ours, theirs in rows)
    assert all(ours[-12:] == theirs[-12:] for ours, theirs in rows)  # the two plans differ only in their titles


def test_heatmaps_name_the_plans(run: AuditRun, page: BeautifulSoup) -> None:
    similarity, coverage = page.select("#heat-similarity"), page.select("#heat-coverage")
    assert similarity and coverage
    names = [t.get_text() for t in similarity[0].select(".rows text")]
    assert len(names) == 4 and all(any(s.label[:10] in n for s in run.submissions) for n in names)
    assert "民主管理" in coverage[0].get_text()


def test_document_lines_as_written_are_shown_when_known(run: AuditRun) -> None:
    sub = run.submissions[0]
    written = {s.source: tuple(f"原文{n}" for n in range(1, s.plan.line_end + 1)) for s in run.submissions}
    soup = BeautifulSoup(render_audit_html(SimpleNamespace(**{**vars(run), "texts": written})), "lxml")
    first = soup.find(id=f"L1-{sub.plan.line_start}")
    assert first.get_text().endswith(f"原文{sub.plan.line_start}")


def test_empty_run_renders() -> None:
    soup = BeautifulSoup(render_audit_html(AuditRun(submissions=(), year=YEAR)), "lxml")
    assert "工作计划审核报告" in soup.title.get_text() and not soup.select("#plan-table tbody tr")
    assert "没有可审核的计划" in soup.get_text()


@given(st.text(alphabet="XX年计划工会<>&×、…", max_size=30), st.lists(st.text(alphabet="XX年×工…、", max_size=8),
                                                                  max_size=3))
def test_marked_parts_rebuild_the_line(line: str, quotes: list[str]) -> None:
    parts = _marked(line, quotes)
    assert "".join(text for text, _ in parts) == line
    fragments = {f.strip() for q in quotes for piece in q.split("、") for f in piece.split("…")}
    assert all(any(text in f for f in fragments) for text, marked in parts if marked)


def _plan(k: int, text: str) -> Submission:
    plan = Plan(f"p{k}", 1, None, f"单位{k}", YEAR, 1, 1, source=f"/in/{k}.txt", text_lines=(text,))
    audit = PlanAudit(plan.id, None, plan.unit, "general", "default", YEAR, plan.source, "general", 100, ())
    return Submission(f"k{k}", f"单位{k}（{YEAR}）", plan, audit, plan.unit, YEAR, None, "text")


def test_heatmap_limits_to_the_most_similar_plans() -> None:
    words = ["职代会", "送温暖", "技能比武", "女职工", "安康杯", "经费审查", "职工书屋", "劳模", "帮扶", "厂务公开",
             "集体协商", "心理关爱"]
    triples = list(itertools.combinations(words, 3))[:: 4][: MAX_HEATMAP + 5]  # every plan's words differ
    subs = [_plan(k, "，".join(triple)) for k, triple in enumerate(triples)]
    subs.append(_plan(99, subs[0].plan.text_lines[0]))  # a twin of the first plan
    heat, pairs = similarity_heatmap(subs)
    assert len(heat.rows) == MAX_HEATMAP and str(len(subs)) in heat.note
    shown = {label.href for label in heat.rows}
    assert {"#plan-1", f"#plan-{len(subs)}"} <= shown  # the twins are among the most similar
    assert (pairs[0].a, pairs[0].b, pairs[0].similarity) == (1, len(subs), 1.0)


def test_calendar_keeps_the_audit_year() -> None:
    from analyzer.models import ScheduleItem

    sub = _plan(1, "3月召开职代会")
    items = (ScheduleItem(3, 3, "3月", "召开职代会", 1, year=YEAR), ScheduleItem(1, 1, "1月", "春节慰问", 1, year=YEAR + 1),
             ScheduleItem(1, 12, "全年", "职工书屋开放", 1, year=YEAR, recurring=True),
             ScheduleItem(11, 1, "11月至1月", "冬季安全", 1, year=YEAR))
    sub = replace(sub, plan=replace(sub.plan, schedule=items))
    [row] = calendar_rows([sub], YEAR)
    assert row.cells[3] == ("召开职代会",) and row.cells[0] == ("职工书屋开放",) and row.elsewhere == 1
    assert [m for m in range(13) if "冬季安全" in row.cells[m]] == [1, 11, 12]


def test_finding_without_evidence_says_so() -> None:
    sub = _plan(1, "召开职代会")
    finding = AuditFinding("A104", "有时间安排", "工作计划", "error", "缺少时间安排", 10)
    audit = PlanAudit("p1", None, "单位1", "general", "default", YEAR, "/in/1.txt", "general", 90, (finding,))
    run = AuditRun(submissions=(Submission("k", "单位1（2025）", sub.plan, audit, "单位1", YEAR, None, "text"),))
    soup = BeautifulSoup(render_audit_html(run), "lxml")
    row = soup.select_one("table.findings tbody tr")
    assert "缺少时间安排" in row.get_text() and "全文未见" in row.get_text()
    assert soup.select_one("#plan-table td.score").get_text() == "90"
