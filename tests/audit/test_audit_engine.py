"""The audit engine: the user's example, the two written plans, scores explained by findings, unit kinds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.audit.engine import audit_plans
from analyzer.audit.records import FULL_SCORE, PlanAudit
from analyzer.audit.unitkind import detect_unit_kind, kind_of_name, parse_unit_kind
from analyzer.errors import ConfigError
from analyzer.ingest import read_document
from analyzer.models import Plan
from analyzer.pipeline import parse_loaded

from .conftest import FIXTURES


def _audit_files(*paths: Path, **options) -> list[PlanAudit]:
    docs = [read_document(p) for p in paths]
    plans = [p for d in docs for p in parse_loaded(d).plans]
    return audit_plans(plans, documents=docs, **options)


@pytest.fixture(scope="module")
def seed_audits(seed_path: Path) -> list[PlanAudit]:
    return _audit_files(seed_path, year=2025)


def _explained(audit: PlanAudit) -> bool:
    return audit.score == max(0, FULL_SCORE - sum(f.points_lost for f in audit.findings))


# --- the user's example (five plans) -----------------------------------------------------------------


def test_seed_has_five_plans(seed_audits: list[PlanAudit]) -> None:
    assert len(seed_audits) == 5
    assert all(_explained(a) for a in seed_audits)
    assert not any("检查出错" in f.message for a in seed_audits for f in a.findings)


@pytest.mark.parametrize(("plan", "flagged"), [(1, True), (2, True), (3, False), (4, True), (5, True)])
def test_seed_placeholders(seed_audits: list[PlanAudit], plan: int, flagged: bool) -> None:
    found = seed_audits[plan - 1].by_code("R701")
    assert bool(found) is flagged
    assert all(f.points_lost > 0 and f.evidence for f in found)
    if flagged:
        assert any("_" in quote for f in found for _, quote in f.evidence)


def test_seed_placeholder_lines(seed_audits: list[PlanAudit]) -> None:
    lines = {i + 1: [n for f in a.by_code("R701") for n, _ in f.evidence] for i, a in enumerate(seed_audits)}
    assert lines[1] == [13] and lines[2] == [41, 45] and lines[4] == [105, 109, 197]
    assert lines[5] == [205, 209, 219, 253]


@pytest.mark.parametrize(("plan", "missing"), [(1, True), (2, True), (3, True), (4, False), (5, False)])
def test_seed_missing_schedule(seed_audits: list[PlanAudit], plan: int, missing: bool) -> None:
    found = seed_audits[plan - 1].by_code("A104")
    assert bool(found) is missing
    if missing:  # a real accusation, not a 未能识别 note
        assert found[0].level == "error" and found[0].points_lost > 0 and not found[0].unrecognised


def test_seed_numbering_gap_in_plan_2_goals(seed_audits: list[PlanAudit]) -> None:
    (gap,) = seed_audits[1].by_code("T901")
    (line, quote), = gap.evidence
    assert line == 55 and quote.startswith("4、") and "2" in gap.message and "4" in gap.message
    assert not any(a.by_code("T901") for i, a in enumerate(seed_audits) if i != 1)


def test_seed_compilation_leftovers(seed_audits: list[PlanAudit]) -> None:
    first = seed_audits[0]
    assert [n for f in first.by_code("R702") for n, _ in f.evidence] == [7]  # 小编, before plan 1
    assert {n for f in first.by_code("R703") for n, _ in f.evidence} == {5, 11}
    for a in seed_audits[1:]:
        assert any("精选篇" in q for f in a.by_code("R703") for _, q in f.evidence)


def test_seed_unit_kinds(seed_audits: list[PlanAudit]) -> None:
    assert [a.unit_kind for a in seed_audits] == ["general", "institution", "institution", "school", "school"]
    assert [a.pack for a in seed_audits] == ["general", "institution", "institution", "school", "school"]


def test_seed_scores_are_low(seed_audits: list[PlanAudit]) -> None:
    assert all(a.score <= 60 for a in seed_audits)


# --- the two plans written for these tests -------------------------------------------------------------


def test_complete_plan_scores_at_least_90() -> None:
    (audit,) = _audit_files(FIXTURES / "complete_enterprise_2025.txt", year=2025)
    assert audit.unit_kind == "enterprise" and audit.year == 2025
    assert audit.score >= 90, [(f.code, f.message) for f in audit.findings]
    assert _explained(audit)


def test_template_residue_plan_scores_at_most_60() -> None:
    (audit,) = _audit_files(FIXTURES / "template_residue.txt", year=2025)
    assert audit.score <= 60 and _explained(audit)
    codes = set(audit.codes())
    assert {"R701", "R702", "R703", "A104"} <= codes


def test_complete_plan_against_the_wrong_year_and_pack() -> None:
    (right,) = _audit_files(FIXTURES / "complete_enterprise_2025.txt", year=2025)
    (wrong,) = _audit_files(FIXTURES / "complete_enterprise_2025.txt", year=2026, pack="school")
    assert wrong.pack == "school" and "T904" in wrong.codes() and wrong.score < right.score


# --- scores, order, determinism ---------------------------------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(points=st.lists(st.integers(min_value=0, max_value=40), min_size=4, max_size=4),
       cap=st.integers(min_value=0, max_value=30))
def test_score_is_explained_by_findings(tmp_path_factory, points: list[int], cap: int) -> None:
    codes = ("A104", "B201", "D404", "R701")
    text = "".join(f"[rules.{c}]\npoints = {p}\n" for c, p in zip(codes, points, strict=True)) + f"max_points = {cap}\n"
    override = tmp_path_factory.mktemp("rules") / "rules.toml"
    override.write_text(text, encoding="utf-8")
    audits = _audit_files(FIXTURES / "template_residue.txt", override=override)
    for audit in audits:
        assert _explained(audit)
        assert sum(f.points_lost for f in audit.by_code("R701")) <= cap
        assert all(f.points_lost == 0 for f in audit.findings if f.level == "info")


def test_order_and_determinism(seed_path: Path) -> None:
    paths = (FIXTURES / "template_residue.txt", seed_path, FIXTURES / "complete_enterprise_2025.txt")
    first, second = _audit_files(*paths), _audit_files(*paths)
    assert first == second
    assert [Path(a.source).name for a in first] == (
        ["template_residue.txt"] + [seed_path.name] * 5 + ["complete_enterprise_2025.txt"])


def test_given_unit_kind_wins(seed_path: Path) -> None:
    audits = _audit_files(seed_path, unit_kinds={seed_path.name: "企业"})
    assert {(a.unit_kind, a.unit_kind_source, a.pack) for a in audits} == {("enterprise", "given", "enterprise")}


def test_bad_unit_kind_is_a_config_error(seed_path: Path) -> None:
    with pytest.raises(ConfigError, match="单位类型"):
        _audit_files(seed_path, unit_kinds={seed_path.name: "医院"})


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("恒通机械制造有限公司工会", "enterprise"),
        ("国网澜江县供电公司工会", "enterprise"),
        ("城南实验小学工会", "school"),
        ("枫林湾幼儿园工会", "school"),
        ("江州大学机械工程学院分工会", "school"),
        ("西湖镇中心中学工会", "school"),
        ("桂花社区工会", "community"),
        ("锦江街道总工会", "community"),
        ("桃源村村民委员会", "community"),
        ("清河县公安局交通警察大队工会", "institution"),
        ("市第二人民医院工会", "institution"),
        ("城关镇环卫所", "institution"),
        ("青杉街道社区卫生服务中心工会", "institution"),
        ("青石县总工会", "general"),
        ("区工会", "general"),
        ("工作计划", None),
    ],
)
def test_unit_kind_from_name(name: str, kind: str | None) -> None:
    assert kind_of_name(name) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("我校工会将组织全校教职工开展师德师风学习，教代会审议学校发展规划。", "school"),
        ("各车间班组开展劳动竞赛，公司工会深化厂务公开，保障安全生产。", "enterprise"),
        ("辖区内居民和社区小微企业职工，街道工会上门服务。", "community"),
        ("工会要团结职工。", "general"),
    ],
)
def test_unit_kind_from_text(text: str, kind: str) -> None:
    plan = Plan("p", 1, "工会工作计划", None, None, 1, 1, text_lines=(text,))
    assert detect_unit_kind(plan)[0] == kind


@pytest.mark.parametrize(("value", "kind"), [("学校", "school"), ("机关事业单位", "institution"),
                                             ("街道社区", "community"), ("enterprise", "enterprise")])
def test_manifest_values(value: str, kind: str) -> None:
    assert parse_unit_kind(value) == kind


# --- evidence as written, tables ------------------------------------------------------------------------


def test_evidence_is_quoted_as_written(tmp_path: Path) -> None:
    path = tmp_path / "trad.txt"
    path.write_text("青禾機械有限公司工會2025年工作計劃\n\n一、工作目標\n1、職工入會率保持在95%以上。\n"
                    "二、主要工作\n1、召開職代會，審議集體合同。\n2、以_為指導。\n", encoding="utf-8")
    (audit,) = _audit_files(path)
    (b202,) = audit.by_code("B202")
    assert b202.evidence == ((6, "召開職代會，審議集體合同。"),)
    assert audit.by_code("R701")[0].evidence[0][1] == "以_為指導"


def test_tables_follow_the_audits(seed_audits: list[PlanAudit]) -> None:
    from analyzer.audit.tables import findings_frame, plans_frame, rules_frame

    plans, findings = plans_frame(seed_audits), findings_frame(seed_audits)
    assert plans["score"].tolist() == [a.score for a in seed_audits]
    assert len(findings) == sum(len(a.findings) for a in seed_audits)
    lost = findings.groupby("plan_id", sort=False)["points_lost"].sum()
    assert (100 - lost).clip(lower=0).tolist() == plans["score"].tolist()
    gap = findings[findings["code"] == "T901"].iloc[0]
    assert gap["line"] == 55 and gap["evidence"].startswith("第55行：4、")
    rules = rules_frame()
    assert set(rules["pack"]) == {"general", "enterprise", "institution", "school", "community"}
