"""Compilation splitting: marker styles, intros, count checks, notice wrappers, single plans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.structure.split import split_plans

BODY = ["一、指导思想", "以职工为中心。", "二、工作措施", "1、加强领导。"]


def _doc(markers: list[str], intro: bool = True) -> list[str]:
    lines = ["学校工会工作计划精选3篇"]
    if intro:
        lines.append("时光飞逝，新的一年又来了。下面是小编整理的学校工会工作计划3篇，仅供参考。")
    for marker in markers:
        lines.append(marker)
        lines.extend(BODY)
    return lines


@pytest.mark.parametrize(
    "markers",
    [
        ["学校工会工作计划 篇1", "学校工会工作计划 篇2", "学校工会工作计划 篇3"],
        ["学校工会工作计划精选篇1", "学校工会工作计划精选篇2", "学校工会工作计划精选篇3"],
        ["篇一", "篇二", "篇三"],
        ["【篇1】", "【篇2】", "【篇3】"],
        ["【第一篇】", "【第二篇】", "【第三篇】"],
        ["第一篇：工会计划", "第二篇：工会计划", "第三篇：工会计划"],
        ["篇一：《工会工作计划》", "篇二：《工会工作计划》", "篇三：《工会工作计划》"],
        ["学校工会工作计划1", "学校工会工作计划2", "学校工会工作计划3"],
        ["学校工会工作计划范文第1篇", "学校工会工作计划范文第2篇", "学校工会工作计划范文第3篇"],
    ],
)
def test_marker_styles(markers: list[str]) -> None:
    lines = _doc(markers)
    split = split_plans(lines)
    assert len(split.spans) == 3
    assert [s.title for s in split.spans] == markers
    # the intro is not a plan, and each plan ends where the next begins
    assert split.spans[0].start == 3
    assert split.spans[0].end == split.spans[1].start - 1
    assert split.spans[-1].end == len(lines)
    assert not split.findings


def test_markers_fused_to_content() -> None:
    lines = ["工会计划2篇", "篇1为贯彻落实上级精神，特制定本计划。", "一、目标", "篇2一、指导思想", "以人为本。"]
    spans = split_plans(lines).spans
    assert [(s.start, s.title, s.first_line_text) for s in spans] == [
        (2, "篇1", "为贯彻落实上级精神，特制定本计划。"), (4, "篇2", "一、指导思想")]


def test_count_in_title_is_a_check_not_the_truth() -> None:
    lines = ["学校工会工作计划精选6篇", *_doc(["篇一", "篇二", "篇三"], intro=False)[1:]]
    split = split_plans(lines)
    assert len(split.spans) == 3
    assert [f.rule for f in split.findings] == ["compilation_count_mismatch"]


def test_prose_mentioning_pian_is_not_a_marker() -> None:
    lines = ["区总工会2024年工作计划", "一、指导思想", "本篇计划共分五个部分，诗篇1首。", "二、工作目标"]
    assert len(split_plans(lines).spans) == 1


def test_single_plan_stays_one_plan_with_its_title() -> None:
    lines = ["XX区总工会2024年工作计划", "", *BODY]
    split = split_plans(lines)
    assert [(s.start, s.end, s.title) for s in split.spans] == [(1, 6, "XX区总工会2024年工作计划")]


def test_notice_wrapper_is_set_apart() -> None:
    lines = [
        "关于印发《XX区总工会2024年工作计划》的通知",
        "各街道工会、各基层工会：",
        "现将《XX区总工会2024年工作计划》印发给你们，请结合实际认真贯彻落实。",
        "XX区总工会",
        "2024年1月15日",
        "XX区总工会2024年工作计划",
        *BODY,
    ]
    split = split_plans(lines)
    assert [(s.start, s.title) for s in split.spans] == [(6, "XX区总工会2024年工作计划")]
    assert split.notice_lines == (1, 5)


def test_document_spliced_after_a_signature_is_two_plans() -> None:
    lines = ["梅林社区2026年工作计划", "一、指导思想", "坚持党建引领。", "梅林社区居民委员会", "2026年1月10日",
             "梅林社区2026年暑期公益活动方案", "为丰富青少年暑期生活，特制定本方案。", "一、活动目的", "帮助青少年度过暑假。"]
    spans = split_plans(lines).spans
    assert [(p.start, p.end, p.title) for p in spans] == [(1, 5, "梅林社区2026年工作计划"), (6, 9, "梅林社区2026年暑期公益活动方案")]


def test_title_after_a_signature_without_an_outline_stays_in_the_plan() -> None:
    # an annex title after the signature, with no outline starting over, is not a new plan
    lines = ["一、主要工作", "召开职代会。", "区总工会", "2026年1月10日", "2026年月度工作安排", "| 3月 | 召开职代会 |"]
    assert len(split_plans(lines).spans) == 1


def test_empty_document() -> None:
    assert split_plans([]).spans == ()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["篇一", "篇2", "【篇3】", "第一篇：计划", "学校工会工作计划1", "一、指导思想", "正文内容。",
                                 "下面是小编整理的3篇，仅供参考。", "关于印发《计划》的通知", "现将《计划》印发给你们。",
                                 "2024年1月5日", "", "精选5篇", "社区2026年活动方案", "（一）活动目的"]), max_size=30))
def test_split_spans_are_ordered_and_inside_the_document(lines: list[str]) -> None:
    spans = split_plans(lines).spans
    if lines:
        assert spans
    previous_end = 0
    for span in spans:
        assert 1 <= span.start <= span.end <= len(lines)
        assert span.start > previous_end
        previous_end = span.end


def test_plans_pasted_one_per_line_are_one_plan_each() -> None:
    body = "一、指导思想 以职工为中心，团结带领职工建功立业，推动工会工作高质量发展。二、工作目标 入会率保持100%。" * 4
    lines = ["县总工会基层工作群(46)", "", f"杉坪镇总工会2026年工作计划 {body}", "收到，辛苦。",
             f"恒泰纺织有限公司工会2026年工作计划 {body}", "收到，谢谢。"]
    s = split_plans(lines)
    assert [(p.start, p.end, p.title) for p in s.spans] == [
        (3, 3, "杉坪镇总工会2026年工作计划"), (5, 5, "恒泰纺织有限公司工会2026年工作计划")]


def test_one_plan_on_one_line_takes_its_title() -> None:
    body = "一、指导思想 以职工为中心，团结带领职工建功立业，推动工会工作高质量发展。二、工作目标 入会率保持100%。" * 4
    s = split_plans([f"杉坪镇总工会2026年工作计划 {body}"])
    assert [(p.start, p.end, p.title) for p in s.spans] == [(1, 1, "杉坪镇总工会2026年工作计划")]



def test_two_plans_with_only_a_title_between_them(tmp_path) -> None:
    """A dated title naming a plan after a whole outline, its own outline starting over: a new plan."""
    from analyzer.pipeline import parse_document

    path = tmp_path / "两份.txt"
    path.write_text("青石县自然资源局机关工会2025年工作计划\n一、指导思想\n服务职工。\n二、主要工作\n1、3月召开职代会。\n"
                    "三、保障措施\n加强领导。\n青石县林业发展中心工会2025年工作计划\n一、工作思路\n关心一线护林员。\n"
                    "二、重点工作\n1、4月举办森林防火知识竞赛。\n", encoding="utf-8")
    plans = parse_document(path).plans
    assert [p.title for p in plans] == ["青石县自然资源局机关工会2025年工作计划", "青石县林业发展中心工会2025年工作计划"]
    assert [[i.month_start for i in p.schedule] for p in plans] == [[3], [4]]


def test_a_dated_title_inside_one_outline_is_no_new_plan(tmp_path) -> None:
    from analyzer.pipeline import parse_document

    path = tmp_path / "一份.txt"
    path.write_text("区工会2025年工作计划\n一、指导思想\n服务职工。\n二、主要工作\n附：2024年工作计划执行情况\n"
                    "1、完成换届。\n", encoding="utf-8")
    assert len(parse_document(path).plans) == 1
