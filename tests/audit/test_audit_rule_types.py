"""Each rule type on small Chinese plans (parsed through the pipeline): found, passed, or 未能识别."""

from __future__ import annotations

import pytest

from analyzer.audit.context import build_context
from analyzer.audit.engine import audit_plan
from analyzer.audit.rules import load_rules

# A plan with every part and no duty beyond the ones each test adds: the tasks and the schedule are
# neutral (no 职代会, no seasonal activity, no placeholder).
HEAD = "青禾机械有限公司工会2025年工作计划\n\n"
GOALS = "一、工作目标\n1、职工入会率保持在95%以上。\n2、全年培训职工不少于200人次。\n"
TASKS = "二、主要工作\n1、{task}\n2、办好职工书屋，每季度更新一次图书。\n3、组织职工开展健步走活动。\n"
MEASURES = "保障措施\n工会主席负总责，各委员分工落实。\n"


def _plan_text(task: str = "开展职工技能培训。", schedule: str = "", goals: str = GOALS,
               measures: str = MEASURES, head: str = HEAD) -> str:
    """Head, goals (一), tasks (二), the schedule (三) if any, then the measures (三 or 四)."""
    text = head + goals + TASKS.format(task=task)
    if schedule:
        text += "三、工作安排\n" + schedule
    return text + ("四、" if schedule else "三、") + measures


def _findings(plan, code: str, *, pack: str = "enterprise", year: int | None = None, **ctx):
    rules = load_rules(pack)
    audit = audit_plan(plan, rules, build_context([plan], year=year, **ctx))
    return [f for f in audit.findings if f.code == code]


# --- required_section -------------------------------------------------------------------------------


def test_required_section_present_passes(parse_text) -> None:
    assert _findings(parse_text(_plan_text()), "A101") == []


def test_required_section_missing_loses_points(parse_text) -> None:
    (f,) = _findings(parse_text(_plan_text(goals="")), "A101")
    assert (f.level, f.points_lost, f.unrecognised) == ("warning", load_rules("enterprise").rule("A101").points, False)
    assert "工作目标" in f.message


def test_required_section_written_as_a_label_is_unrecognised(parse_text) -> None:
    goals = "一、指导思想\n坚持服务职工。主要目标是：职工入会率保持在95%以上。\n"
    (f,) = _findings(parse_text(_plan_text(goals=goals)), "A101")
    assert (f.level, f.points_lost, f.unrecognised) == ("info", 0, True)
    assert f.message.startswith("未能识别")
    assert f.evidence and "目标" in f.evidence[0][1]


# --- coverage ---------------------------------------------------------------------------------------


def test_coverage_found_in_tasks_passes(parse_text) -> None:
    assert _findings(parse_text(_plan_text(task="每年召开职代会两次，审议集体合同。")), "B201") == []


def test_coverage_missing_is_a_finding_without_evidence(parse_text) -> None:
    (f,) = _findings(parse_text(_plan_text()), "B201")
    assert (f.level, f.points_lost, f.evidence) == ("error", 8, ())
    assert "职代会" in f.message


def test_coverage_in_prose_tasks_passes(parse_text) -> None:
    prose = ("青禾机械有限公司工会2025年工作计划\n\n今年公司工会将在三月召开职代会，审议集体合同；"
             "同时组织职工开展技能培训和健步走活动，办好职工书屋。")
    assert _findings(parse_text(prose), "B201") == []  # no outline, but the tasks were read


def test_coverage_in_unlabelled_prose_is_unrecognised(parse_text) -> None:
    prose = ("青禾机械有限公司工会2025年工作计划\n\n职代会制度是企业民主管理的基本形式，今年将继续坚持。"
             "公司工会还将组织职工开展技能培训和健步走活动。")
    plan = parse_text(prose)
    assert not any("职代会" in t.text for t in plan.tasks)
    (f,) = _findings(plan, "B201")
    assert (f.level, f.points_lost, f.unrecognised) == ("info", 0, True)
    assert "职代会" in f.evidence[0][1] and f.evidence[0][0] == 3


@pytest.mark.parametrize(
    ("text", "note"),
    [
        (HEAD + "今年，公司工会将继续坚持职代会制度，团结职工建功立业。\n\n" + GOALS + TASKS.format(task="开展培训。"),
         "开头"),
        (HEAD + "一、2024年工作回顾\n去年召开了职代会，审议通过了集体合同。\n" + GOALS.replace("一、", "二、")
         + TASKS.format(task="开展培训。").replace("二、", "三、"), "回顾"),
    ],
)
def test_coverage_only_in_opening_or_review_still_counts(parse_text, text: str, note: str) -> None:
    (f,) = _findings(parse_text(text), "B201")
    assert f.points_lost == 8 and not f.unrecognised
    assert note in f.message and "职代会" in f.evidence[0][1]


# --- occurrence -------------------------------------------------------------------------------------


def test_occurrence_no_schedule(parse_text) -> None:
    (f,) = _findings(parse_text(_plan_text()), "A104")
    assert (f.level, f.points_lost, f.unrecognised) == ("error", 10, False)


def test_occurrence_months_outside_the_schedule_are_unrecognised(parse_text) -> None:
    task = ("全面推进建会工作，力争在5月底前实现新建企业建会全覆盖；深化技能培训，力争在8月底前完成全员轮训；"
            "落实经费审查，力争在11月底前完成年度审计。")
    plan = parse_text(_plan_text(task=task.replace("；", "。\n4、")))
    assert not plan.schedule  # the parser took no schedule item from these lines
    (f,) = _findings(plan, "A104")
    assert (f.level, f.points_lost, f.unrecognised) == ("info", 0, True)
    assert [n for n, _ in f.evidence] and all("月底前" in q for _, q in f.evidence)


def test_occurrence_schedule_months_below_threshold(parse_text) -> None:
    plan = parse_text(_plan_text(schedule="3月：举办职工技能培训班。\n5月：组织职工健步走活动。\n"))
    assert _findings(plan, "A104") == []
    (f,) = _findings(plan, "A105")
    assert "2 个月" in f.message and f.points_lost == load_rules("enterprise").rule("A105").points


def test_occurrence_full_year_schedule_passes(parse_text) -> None:
    schedule = "".join(f"{m}月：开展第{m}期职工技能培训。\n" for m in range(1, 13))
    plan = parse_text(_plan_text(schedule=schedule))
    assert _findings(plan, "A104") == [] and _findings(plan, "A105") == []


def test_occurrence_owners(parse_text) -> None:
    without = parse_text(_plan_text(schedule="3月：举办技能培训班。\n6月：组织健步走活动。\n"))
    with_owner = parse_text(_plan_text(
        schedule="3月：举办技能培训班。（责任部门：人力资源部）\n6月：组织健步走活动。（责任部门：工会办公室）\n"))
    assert [f.code for f in _findings(without, "A107")] == ["A107"]
    assert _findings(with_owner, "A107") == []


# --- conditional ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "flagged"),
    [
        ("召开职代会，审议集体合同。", True),
        ("每年召开职代会两次，审议集体合同。", False),
        ("3月召开职代会，审议集体合同。", False),
    ],
)
def test_conditional_planned_without_time(parse_text, task: str, flagged: bool) -> None:
    found = _findings(parse_text(_plan_text(task=task)), "B202")
    assert bool(found) is flagged
    if flagged:
        assert found[0].evidence[0][1].find("职代会") >= 0 and found[0].points_lost == 3


def test_conditional_not_planned_is_left_to_coverage(parse_text) -> None:
    assert _findings(parse_text(_plan_text()), "B202") == []


# --- seasonal ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "code", "flagged"),
    [
        ("7月：开展“送温暖”走访慰问活动。", "S602", True),
        ("1月：开展“送温暖”走访慰问活动。", "S602", False),
        ("12月：开展高温岗位“送清凉”活动。", "S601", True),
        ("7月：开展高温岗位“送清凉”活动。", "S601", False),
        ("10月：庆祝教师节，表彰优秀教师。", "S603", True),
        ("9月：庆祝教师节，表彰优秀教师。", "S603", False),
        ("8月：拟定教师节活动方案。", "S603", False),
        ("5月：举办“三八”节女职工健康讲座。", "S604", True),
        ("3月：表彰三八红旗手。", "S604", False),
    ],
)
def test_seasonal(parse_text, line: str, code: str, flagged: bool) -> None:
    plan = parse_text(_plan_text(schedule=line + "\n"))
    found = _findings(plan, code)
    assert bool(found) is flagged, [f.message for f in found]
    if flagged:
        (n, quoted), = found[0].evidence
        assert plan.line(n).startswith(line[:3]) and quoted


# --- residue ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "quoted"),
    [
        (_plan_text(task="20__年，组织职工开展技能培训。"), "R701", "20__年"),
        (_plan_text(task="以_为指导，开展培训。"), "R701", "以_为指导"),
        (_plan_text() + "以上内容仅供参考。\n", "R702", "仅供参考"),
        (_plan_text(head="青禾机械有限公司工会2025年工作计划\n下面是小编整理的工作计划，希望大家喜欢。\n\n"),
         "R702", "小编"),
        (_plan_text(head="青禾机械有限公司工会2025年工作计划（精选篇1）\n\n"), "R703", "精选篇1"),
    ],
)
def test_residue_quotes_its_line(read_doc, text: str, code: str, quoted: str) -> None:
    doc, (plan,) = read_doc(text)
    audit = audit_plan(plan, load_rules("enterprise"), build_context([plan], documents=[doc]))
    found = audit.by_code(code)
    assert found, code
    line, evidence = found[0].evidence[0]
    assert quoted in evidence and quoted in doc.text_lines[line - 1]


def test_residue_outside_the_plan_needs_the_document(read_doc) -> None:
    text = ("企业工会工作计划精选2篇\n下面是小编整理的企业工会工作计划，仅供参考。\n\n企业工会工作计划篇一\n"
            + _plan_text(head="") + "\n企业工会工作计划篇二\n" + _plan_text(head="", task="开展劳动竞赛。"))
    doc, plans = read_doc(text)
    assert len(plans) == 2
    rules = load_rules("enterprise")
    alone = audit_plan(plans[0], rules, build_context(plans))
    with_doc = audit_plan(plans[0], rules, build_context(plans, documents=[doc]))
    assert "R702" not in alone.codes()  # the intro is outside every plan
    r702 = with_doc.by_code("R702")
    assert [n for f in r702 for n, _ in f.evidence] == [2]
    assert {q for f in with_doc.by_code("R703") for _, q in f.evidence} >= {"企业工会工作计划精选2篇"}
    assert "R702" not in audit_plan(plans[1], rules, build_context(plans, documents=[doc])).codes()


# --- copy -------------------------------------------------------------------------------------------

SHARED = ("围绕建设和谐劳动关系这一主线，定期对企业劳动关系趋势进行分析研判，主动介入重大劳动争议，把矛盾化解在基层。"
          "依托流动课堂和法律服务站，把劳动法律法规送到车间班组，提高企业和职工依法维权的水平。")


def test_copy_between_units_names_the_source(parse_text) -> None:
    a = parse_text(_plan_text(task=SHARED))
    b = parse_text(_plan_text(task=SHARED, head="远山纺织有限公司工会2025年工作计划\n\n"))
    ctx = build_context([a, b])
    audit = audit_plan(a, load_rules("enterprise"), ctx)
    (f,) = audit.by_code("K801")
    assert "远山纺织有限公司工会" in f.message and f.evidence
    assert f.points_lost == load_rules("enterprise").rule("K801").points


def test_copy_of_a_template(parse_text) -> None:
    plan = parse_text(_plan_text(task=SHARED))
    ctx = build_context([plan], templates=[("范文甲", SHARED)])
    (f,) = audit_plan(plan, load_rules("enterprise"), ctx).by_code("K802")
    assert "范文甲" in f.message


def test_no_copy_without_a_second_unit(parse_text) -> None:
    plan = parse_text(_plan_text(task=SHARED))
    assert audit_plan(plan, load_rules("enterprise"), build_context([plan])).by_code("K801") == ()


# --- structure --------------------------------------------------------------------------------------


def test_structure_numbering_gap(parse_text) -> None:
    goals = "一、工作目标\n1、入会率保持在95%以上。\n2、培训职工200人次。\n4、帮扶困难职工30人次。\n"
    (f,) = _findings(parse_text(_plan_text(goals=goals)), "T901")
    assert f.evidence[0][1].startswith("4、") and "2" in f.message and "4" in f.message


def test_structure_empty_section(parse_text) -> None:
    text = _plan_text(goals="一、工作目标\n", measures="保障措施\n")
    codes = [(f.code, f.evidence[0][1]) for f in _findings(parse_text(text), "T902")]
    assert codes == [("T902", "一、工作目标"), ("T902", "三、保障措施")]


def test_structure_list_items_are_not_empty_sections(parse_text) -> None:
    assert _findings(parse_text(_plan_text()), "T902") == []


def test_structure_review_sentence_in_main_tasks(parse_text) -> None:
    plan = parse_text(_plan_text(task="去年我们已完成职工之家建设，取得了良好效果。"))
    (f,) = _findings(plan, "T903")
    assert "已完成" in f.evidence[0][1]


@pytest.mark.parametrize(
    ("head", "year", "flagged"),
    [
        ("青禾机械有限公司工会2024年工作计划\n\n", 2025, True),
        ("青禾机械有限公司工会2025年工作计划\n\n", 2025, False),
        ("青禾中学工会2024—2025学年工作计划\n\n", 2025, False),
        ("青禾机械有限公司工会2024年工作计划\n\n", None, False),
    ],
)
def test_structure_year(parse_text, head: str, year: int | None, flagged: bool) -> None:
    found = _findings(parse_text(_plan_text(head=head)), "T904", year=year)
    assert bool(found) is flagged
    if flagged:
        assert found[0].points_lost == 10 and "2024" in found[0].message and "2024" in found[0].evidence[0][1]
