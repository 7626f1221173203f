"""Feedback letters: one .docx per plan, each quoting exactly its own plan's findings, in 公文 layout."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.audit.records import AuditFinding, PlanAudit
from analyzer.batch import AuditRun, Submission
from analyzer.models import Plan
from analyzer.report.letters import (
    clean,
    cn_number,
    correction,
    letter_blocks,
    letter_document,
    letter_names,
    write_letters,
)

from .test_audit_xlsx import make_batch

DATE = datetime.date(2026, 3, 2)
ISSUER = "云岭县总工会"
TRAILING = re.compile(r"[。；;，,.\s]+$")


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> tuple[AuditRun, Path, list[Path]]:
    base = tmp_path_factory.mktemp("letters")
    run = make_batch(base / "in")
    folder = base / "out" / "意见"
    return run, folder, write_letters(run, folder, issuer=ISSUER, date=DATE)


def _text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(path).paragraphs)


def test_one_letter_per_plan_unique_names_inside_the_folder(letters) -> None:
    run, folder, paths = letters
    assert len(paths) == len(run.submissions) == len({p.name.casefold() for p in paths})
    assert all(p.parent == folder and p.suffix == ".docx" and p.is_file() for p in paths)
    assert sorted(folder.iterdir()) == sorted(paths)  # no temporary file left behind
    company = [p.name for p, s in zip(paths, run.submissions, strict=True) if s.unit == "公司工会"]
    assert len(company) == 2 and all(name.startswith("公司工会-2026") for name in company)


def test_each_letter_quotes_its_own_plans_findings(letters) -> None:
    run, _folder, paths = letters
    texts = [_text(p) for p in paths]
    for sub, text in zip(run.submissions, texts, strict=True):
        raised = [f for f in sub.audit.findings if f.level != "info"]
        for f in raised:
            assert TRAILING.sub("", f.message) in text, (sub.label, f.message)
            for line, _quote in f.evidence:
                assert f"第{line}行" in text, (sub.label, f.code, line)
        assert f"本次审核得分：{sub.audit.score}分" in text
        assert ISSUER in text and "2026年3月2日" in text
        if raised:
            assert "重新报送" in text and "符合审核要求" not in text
        else:
            assert "符合审核要求" in text and "（一）" not in text
    # a letter holds no finding of another plan: the two 公司工会 letters differ where their plans differ
    company = [(s, t) for s, t in zip(run.submissions, texts, strict=True) if s.unit == "公司工会"]
    (first, _first_text), (second, second_text) = company
    only_first = {f.message for f in first.audit.findings} - {f.message for f in second.audit.findings}
    assert only_first and not any(TRAILING.sub("", m) in second_text for m in only_first)
    assert any(not [f for f in s.audit.findings if f.level != "info"] for s in run.submissions)


def test_title_addressee_opening_and_closing(letters) -> None:
    run, _folder, paths = letters
    path = next(p for s, p in zip(run.submissions, paths, strict=True) if s.source.endswith("b-east.txt"))
    paragraphs = list(docx.Document(path).paragraphs)
    assert paragraphs[0].text == "关于公司工会2026年工作计划的审核意见"
    assert paragraphs[2].text == "公司工会："
    assert paragraphs[3].text == "你单位报送的《公司工会2026年工作计划》已收悉。经审核，现将意见反馈如下："
    assert paragraphs[4].text.startswith("一、关于")
    assert [p.text for p in paragraphs[-2:]] == [ISSUER, "2026年3月2日"]
    text = "\n".join(p.text for p in paragraphs)
    assert "原文第9行（" not in text and "（原文第9行）" in text  # the placeholder is quoted in its message
    assert "原文第8行：“召开职代会，审议公司年度工作报告。”" in text
    assert "请补充时间安排。（扣10分）" in text


def test_official_layout(letters) -> None:
    _run, _folder, paths = letters
    document = docx.Document(paths[1])
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [round(m.cm, 2) for m in margins] == [3.7, 3.5, 2.8, 2.6]
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16) and normal.paragraph_format.line_spacing == Pt(28)
    title = document.paragraphs[0]
    assert title.alignment == 1 and title.runs[0].bold  # centred
    fonts = title.runs[0]._element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"  # the body text inherits it
    assert document.paragraphs[3].runs[0]._element.rPr is None
    heading = next(p for p in document.paragraphs if p.text.startswith("一、"))
    assert heading.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert heading.paragraph_format.first_line_indent == Pt(32)
    assert document.paragraphs[-1].alignment == 2  # the date, right-aligned
    assert "PAGE" in section.footer._element.xml


def test_unrecognised_findings_are_left_out_and_control_characters_stripped(letters) -> None:
    run, _folder, _paths = letters
    sub = run.submissions[1]
    unrecognised = AuditFinding("A104", "有时间安排", "工作计划", "info", "未能识别“有时间安排”：请人工核对", 0,
                                ((4, "三月开会"),), unrecognised=True)
    hostile = AuditFinding("R702", "范文网站的残留文字", "模板残留", "error", "残留\x00文字\x1b[31m“小编”", 5,
                           ((7, "下面是小编\x0b整理的\ufffe范文"),))
    changed = replace(sub, audit=replace(sub.audit, findings=(unrecognised, hostile), score=95))
    blocks = letter_blocks(changed, issuer="区总工会\x07", date=DATE)
    text = "\n".join(b.plain for b in blocks)
    assert "未能识别" not in text and "第4行" not in text
    assert "残留文字[31m“小编”" in text and "原文第7行：“下面是小编 整理的范文”" in text
    assert "区总工会" in text and "\x07" not in text
    letter_document(blocks).save(Path(_paths[0]).parent.parent / "hostile.docx")  # XML accepts it


@pytest.mark.parametrize(("rule_type", "title", "expected"), [
    ("required_section", "有保障措施", "请补充保障措施。"),
    ("occurrence", "时间安排覆盖全年", "请按“时间安排覆盖全年”的要求补充完善。"),
    ("coverage", "工资集体协商", "请补充工资集体协商方面的工作安排。"),
    ("seasonal", "“送清凉”安排在夏季", "请核实活动时间：“送清凉”安排在夏季。"),
    ("residue", "模板占位符未填写", "请删除模板占位文字，按本单位实际情况填写。"),
    ("residue", "范文网站的残留文字", "请删除范文网站的残留文字。"),
    ("copy", "与其他单位计划雷同", "请结合本单位实际重新撰写相关内容，不得照搬照抄。"),
    ("structure", "编号连续", "请按“编号连续”的要求核实修改。"),
    (None, "新增考核项", "请按“新增考核项”的要求核实修改。"),
])
def test_correction(rule_type: str | None, title: str, expected: str) -> None:
    finding = AuditFinding("X1", title, "自定义", "warning", "说明", 2)
    assert correction(finding, rule_type) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"),
                                             (99, "九十九")])
def test_cn_number(n: int, expected: str) -> None:
    assert cn_number(n) == expected


@given(st.text(max_size=60))
def test_clean_text_is_accepted_by_word(text: str) -> None:
    document = docx.Document()
    document.add_paragraph(clean(text))  # raises ValueError on characters XML refuses


def _submission(unit: str | None, year: int | None, source: str, index: int = 1) -> Submission:
    plan = Plan(f"{source}#{index}", index, None, unit, year, 1, 1, source=source)
    audit = PlanAudit(plan.id, None, unit, "general", "default", year, source, "general", 100, ())
    return Submission(key=plan.id, label=plan.id, plan=plan, audit=audit, unit=unit, year=year, group=None,
                      origin="text")


def test_letter_names_disambiguate_same_unit_and_year() -> None:
    subs = [_submission("公司工会", 2026, "a/东厂.txt"), _submission("公司工会", 2026, "b/西厂.txt"),
            _submission("公司工会", 2026, "c/合订.txt", 1), _submission("公司工会", 2026, "c/合订.txt", 2),
            _submission("实验小学工会", 2025, "d.txt"), _submission(None, None, "e/无名.docx")]
    assert letter_names(subs) == ["公司工会-2026-东厂", "公司工会-2026-西厂", "公司工会-2026-合订-1",
                                  "公司工会-2026-合订-2", "实验小学工会-2025", "无名"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["公司工会", "../..", "con", "a/b\\c", "工会\x00\n", " . ", "X" * 300]),
                          st.sampled_from([2025, None]), st.sampled_from(["p.txt", "q/p.txt", "-.txt"])),
                min_size=1, max_size=5))
def test_hostile_names_stay_unique_inside_the_folder(tmp_path_factory: pytest.TempPathFactory, rows: list) -> None:
    folder = tmp_path_factory.mktemp("names") / "意见"
    run = AuditRun(submissions=tuple(_submission(u, y, s, i) for i, (u, y, s) in enumerate(rows, 1)))
    paths = write_letters(run, folder, date=DATE)
    assert len({p.name.casefold() for p in paths}) == len(rows)
    assert all(p.resolve().parent == folder.resolve() and p.is_file() for p in paths)
    assert all("符合审核要求" in _text(p) for p in paths)
