"""report.html: every plan listed once, anchors resolve, document text escaped, nothing fetched."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from analyzer.batch import run_audit
from analyzer.report.audit_page import render_audit_html, write_audit_html

PLAN = "{unit}2025年工作计划\n一、主要工作\n1、3月召开职代会。\n2、{item}\n二、保障措施\n加强领导。\n"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    folder = tmp_path_factory.mktemp("收件")
    (folder / "甲.txt").write_text(PLAN.format(unit="公司工会", item="5月组织技能比武。"), encoding="utf-8")
    (folder / "乙.txt").write_text(PLAN.format(unit="公司工会", item="6月开展送清凉。"), encoding="utf-8")
    (folder / "丙.txt").write_text(
        PLAN.format(unit="<script>alert(1)</script>街道工会", item='7月<img src=x onerror="window.__xss=1">活动。'),
        encoding="utf-8")
    (folder / "坏.docx").write_bytes(b"PK\x03\x04broken")
    run = run_audit([folder], year=2025)
    html = write_audit_html(run, tmp_path_factory.mktemp("out") / "report.html").read_text("utf-8")
    return BeautifulSoup(html, "lxml")


def test_every_plan_listed_once_with_distinct_labels(page: BeautifulSoup) -> None:
    rows = page.select("#plan-table tbody tr")
    labels = [row.find("a").get_text() for row in rows]
    assert len(rows) == 3 and len(set(labels)) == 3
    assert {"甲", "乙"} <= {label.split("（")[0] for label in labels}  # two 公司工会 files: two rows, named by file


def test_anchors_resolve(page: BeautifulSoup) -> None:
    ids = {tag["id"] for tag in page.find_all(id=True)}
    links = [a["href"][1:] for a in page.select("a[href^='#']")]
    assert links and all(link in ids for link in links)


def test_document_text_is_escaped(page: BeautifulSoup) -> None:
    scripts = page.find_all("script")
    assert len(scripts) == 1 and "alert(1)" not in scripts[0].get_text()  # only the page's own script
    assert not page.find_all("img")
    assert "window.__xss" not in str(page.select("script"))


def test_no_resource_is_fetched(page: BeautifulSoup) -> None:
    for tag in page.find_all(src=True) + page.find_all(href=True):
        value = tag.get("src") or tag.get("href")
        assert not value.startswith(("http:", "https:", "//")), value
    assert "@import" not in str(page) and "url(http" not in str(page)


def test_unreadable_file_listed(page: BeautifulSoup) -> None:
    assert "坏.docx" in page.select_one("#rejected").get_text()


def test_empty_run_renders() -> None:
    from analyzer.batch import AuditRun

    assert "工作计划审核报告" in render_audit_html(AuditRun(submissions=()))


def test_heatmaps_name_the_plans(page: BeautifulSoup) -> None:
    heat = page.select("#heatmaps table.heat")
    assert len(heat) == 2
    assert "甲" in heat[0].get_text() and "民主管理" in heat[1].get_text()
