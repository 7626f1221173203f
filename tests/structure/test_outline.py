"""Outline parsing: the numbering ladder, labels, glued headings, month headings, anomalies."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.structure.outline import parse_outline


def _shape(lines: list[str]) -> list[tuple[str, int, str]]:
    return [(s.title, s.level, s.kind) for s in parse_outline(lines).sections if s.kind != "preamble"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # the full ladder 一、 > （一） > 1、 > （1） > ①
        (["一、指导思想", "（一）总体要求", "1、坚持以人为本", "（1）关心职工", "①走访慰问"],
         [("指导思想", 1, "guiding_ideology"), ("总体要求", 2, "guiding_ideology"),
          ("坚持以人为本", 3, "guiding_ideology"), ("关心职工", 4, "guiding_ideology"),
          ("走访慰问", 5, "guiding_ideology")]),
        # （一） as the top level when there is no 一、
        (["（一）工作目标", "1.发展会员", "（二）保障措施"],
         [("工作目标", 1, "goals"), ("发展会员", 2, "goals"), ("保障措施", 1, "measures")]),
        # a flat 1. list
        (["1.召开职代会。", "2.开展技能竞赛。"], [("召开职代会", 1, "main_tasks"), ("开展技能竞赛", 1, "main_tasks")]),
        # 第一、 style
        (["第一、指导思想", "第二、工作措施"], [("指导思想", 1, "guiding_ideology"), ("工作措施", 1, "measures")]),
        # label lines and a space before the colon
        (["指导思想 :", "以职工为中心。", "工作目标：全年发展会员200名。"],
         [("指导思想", 1, "guiding_ideology"), ("工作目标", 1, "goals")]),
        # first-clause heading
        (["一、主要工作", "1、 及时主动预警，协调化解纠纷。目前，我区劳动关系总体稳定。"],
         [("主要工作", 1, "main_tasks"), ("及时主动预警，协调化解纠纷", 2, "main_tasks")]),
        # a heading glued to the end of the previous sentence
        (["一、指导思想", "以职工为本，落到实处。二、工作措施", "1、加强领导。"],
         [("指导思想", 1, "guiding_ideology"), ("工作措施", 1, "measures"), ("加强领导", 2, "measures")]),
        # several numbered items on one line
        (["一、主要工作", "1、召开职代会；2、开展慰问；3、组织培训。"],
         [("主要工作", 1, "main_tasks"), ("召开职代会", 2, "main_tasks"), ("开展慰问", 2, "main_tasks"),
          ("组织培训", 2, "main_tasks")]),
        # decimal numbering 1.1 / 1.1.1
        (["1.工作目标", "1.1 发展会员", "1.1.1 新建工会", "1.2 提高入会率", "2.工作措施"],
         [("工作目标", 1, "goals"), ("发展会员", 2, "goals"), ("新建工会", 3, "goals"), ("提高入会率", 2, "goals"),
          ("工作措施", 1, "measures")]),
        # dotted holiday dates are not numbering; month headings nest in the schedule
        (["三、具体工作安排", "三月份", "1.开展3.8妇女节活动。", "5.1劳动节慰问一线职工。", "四月份", "1.组织春季运动会。"],
         [("具体工作安排", 1, "schedule"), ("三月份", 2, "schedule"), ("开展3.8妇女节活动", 3, "schedule"),
          ("四月份", 2, "schedule"), ("组织春季运动会", 3, "schedule")]),
        # month list 三、四月份 is a period, not 三、
        (["二、活动安排", "三、四月份：开展读书月活动"], [("活动安排", 1, "schedule"), ("三、四月份", 2, "schedule")]),
        # prose enumeration inside paragraphs is not a heading
        (["一、工作措施", "一是加强领导，二是健全制度。首先要统一思想。"], [("工作措施", 1, "measures")]),
        # an unnumbered schedule heading stands at the top level beside 一、二、
        (["一、指导思想", "以人为本。", "二、主要工作", "1、组织活动。", "具体时间安排", "三月份", "1、植树。"],
         [("指导思想", 1, "guiding_ideology"), ("主要工作", 1, "main_tasks"), ("组织活动", 2, "main_tasks"),
          ("具体时间安排", 1, "schedule"), ("三月份", 2, "schedule"), ("植树", 3, "schedule")]),
        # a thematic heading whose body is work to do
        (["一、筑牢一个防线，全力维护区域稳定", "1、及时预警。"],
         [("筑牢一个防线，全力维护区域稳定", 1, "main_tasks"), ("及时预警", 2, "main_tasks")]),
        # 第一部分 headings hold the （一） lists
        (["第一部分 指导思想", "（一）坚持以职工为中心。", "第二部分 工作措施", "（一）加强组织领导。"],
         [("指导思想", 1, "guiding_ideology"), ("坚持以职工为中心", 2, "guiding_ideology"), ("工作措施", 1, "measures"),
          ("加强组织领导", 2, "measures")]),
        # "1.3月份，…" is item 1 opening with March, not section 1.3; "2.3.8前后：" is item 2 on Women's Day
        (["1.3月份，开展志愿服务。", "2.3.8前后：开展主题宣讲。"],
         [("3月份，开展志愿服务", 1, "main_tasks"), ("3.8前后", 1, "main_tasks")]),
        # under a quarter, "1.1月中旬，…" is item 1 opening with January: decimal 1.1 is not glued to a month
        (["四、分季度工作安排", "第一季度", "1.1月中旬，召开委员会议。", "2.1—2月，走访慰问。", "第四季度", "1.10月上旬，举办运动会。"],
         [("分季度工作安排", 1, "schedule"), ("第一季度", 2, "schedule"), ("1月中旬，召开委员会议", 3, "schedule"),
          ("1—2月，走访慰问", 3, "schedule"), ("第四季度", 2, "schedule"), ("10月上旬，举办运动会", 3, "schedule")]),
        # a numbered heading whose title is a period holds a schedule; a review heading stays a review
        (["一、上半年工作回顾", "（一）民主管理扎实推进。3月份召开了职代会。", "二、下半年工作计划", "七月", "1、开展夏送清凉。",
          "三、上半年", "1．开展春季运动会。"],
         [("上半年工作回顾", 1, "review"), ("民主管理扎实推进", 2, "review"), ("下半年工作计划", 1, "schedule"),
          ("七月", 2, "schedule"), ("开展夏送清凉", 3, "schedule"), ("上半年", 1, "schedule"), ("开展春季运动会", 2, "schedule")]),
        # Roman numeral headings (Ⅰ、 Ⅱ、) over 1) items; 2.4—5月 is item 2 opening with April–May
        (["Ⅰ、指导思想", "以职工为中心。", "Ⅱ、主要工作", "1)民主管理。", "2.4—5月，集中开展建会。", "Ⅳ、重点活动时间表"],
         [("指导思想", 1, "guiding_ideology"), ("主要工作", 1, "main_tasks"), ("民主管理", 2, "main_tasks"),
          ("4—5月，集中开展建会", 2, "main_tasks"), ("重点活动时间表", 1, "schedule")]),
        # the label lines of an activity scheme (活动方案): the dated 活动时间 line is a label, not a month heading
        (["活动主题：悦读新时代", "活动时间：4月20日—5月10日", "参加对象：全区会员", "活动内容：", "1.线上知识竞答。",
          "活动要求：", "1.指定专人负责。"],
         [("活动主题", 1, "other"), ("活动时间", 1, "schedule"), ("参加对象", 1, "other"), ("活动内容", 1, "main_tasks"),
          ("线上知识竞答", 2, "main_tasks"), ("活动要求", 1, "measures"), ("指定专人负责", 2, "measures")]),
        # an annex after the body is a top-level section holding what follows (its kind from its title)
        (["一、主要工作", "1.召开职代会。", "附：月度活动安排表", "| 3月 | 召开职代会 |", "1.其他"],
         [("主要工作", 1, "main_tasks"), ("召开职代会", 2, "main_tasks"), ("月度活动安排表", 1, "schedule"),
          ("其他", 2, "schedule")]),
        # a bullet before a month or a section name marks the line; the rest is read as usual
        (["四、月度安排", "● 6月：开展竞赛", "●7—8月：开展活动；开办托管班", "▲ 保障措施"],
         [("月度安排", 1, "schedule"), ("6月", 2, "schedule"), ("7—8月", 2, "schedule"), ("保障措施", 1, "measures")]),
        # a contact line is no section
        (["五、保障措施", "（一）强化责任。", "联系人：×××　联系电话：0510-XXXXXXXX"],
         [("保障措施", 1, "measures"), ("强化责任", 2, "measures")]),
        # a bare 附件： takes its title from the next line; a table row or a sentence is no title
        (["一、主要工作", "1.召开职代会。", "附件：", "", "2026年重点工作推进计划表", "序号\t工作内容\t完成时间"],
         [("主要工作", 1, "main_tasks"), ("召开职代会", 2, "main_tasks"), ("2026年重点工作推进计划表", 1, "schedule")]),
        (["一、主要工作", "附件：", "1\t召开委员会议\t2月下旬"], [("主要工作", 1, "main_tasks"), ("附件", 1, "other")]),
        (["一、主要工作", "附件：", "各单位要认真落实，按时报送。"], [("主要工作", 1, "main_tasks"), ("附件", 1, "other")]),
        # a heading naming nothing known over a roster of roles is an organization section
        (["六、工会委员分工", "主　席：蒋文清", "副主席：柳书怡", "委　员：陈卫东"],
         [("工会委员分工", 1, "organization")]),
        # review of the past year in a combined 总结+计划 document
        (["一、2023年工作回顾", "全年共发展会员300名。", "二、2024年工作打算", "（一）指导思想"],
         [("2023年工作回顾", 1, "review"), ("2024年工作打算", 1, "main_tasks"), ("指导思想", 2, "guiding_ideology")]),
    ],
)
def test_outline_shapes(lines: list[str], expected: list[tuple[str, int, str]]) -> None:
    assert _shape(lines) == expected


def test_plan_written_on_one_line() -> None:
    line = ("为提升环境质量，制定本计划。一、总体目标 清扫率达到90%以上，投诉办结率达到100%。二、具体措施 1，实行道路分级保洁。"
            "2，加强垃圾收运管理；3月底前完成改造。三、时间安排 第一季度：完成环境集中整治；第二季度：开展爱国卫生月活动。"
            "四、保障措施 所长负总责，每周召开一次碰头会。")
    secs = [s for s in parse_outline([line]).sections if s.kind != "preamble"]
    assert [(s.heading, s.level, s.kind) for s in secs] == [
        ("一、总体目标", 1, "goals"), ("二、具体措施", 1, "measures"), ("1，实行道路分级保洁", 2, "measures"),
        ("2，加强垃圾收运管理", 2, "measures"), ("三、时间安排", 1, "schedule"), ("第一季度", 2, "schedule"),
        ("第二季度", 2, "schedule"), ("四、保障措施", 1, "measures")]
    # each section keeps only its own stretch of the line
    assert secs[5].text == "第一季度：完成环境集中整治；"
    assert secs[3].text == "加强垃圾收运管理；3月底前完成改造。"


def test_parents_and_spans() -> None:
    out = parse_outline(["前言。", "一、指导思想", "正文", "二、工作措施", "1、加强领导", "正文"], first_line=10)
    secs = out.sections
    assert secs[0].kind == "preamble" and secs[0].line == 10 and secs[0].end_line == 10
    assert [(s.line, s.end_line) for s in secs[1:]] == [(11, 12), (13, 15), (14, 15)]
    assert secs[3].parent == 2


@pytest.mark.parametrize(
    ("lines", "rule", "line"),
    [
        (["一、目标", "1、甲", "2、乙", "4、丁"], "numbering_gap", 4),
        (["一、目标", "二、任务", "二、措施"], "numbering_duplicate", 3),
    ],
)
def test_numbering_anomalies(lines: list[str], rule: str, line: int) -> None:
    findings = parse_outline(lines).findings
    assert [(f.rule, f.line) for f in findings] == [(rule, line)]


def test_empty_numbered_line_is_counted_not_a_gap() -> None:
    out = parse_outline(["一、任务", "1、甲", "2、乙", "3、", "4、丁"])
    assert not out.findings
    assert [s.title for s in out.sections] == ["任务", "甲", "乙", "丁"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="一二三四1234、.（）()①第章节月份工作目标措施。，：安排 x\n", max_size=30), max_size=25))
def test_outline_never_fails_and_is_consistent(lines: list[str]) -> None:
    out = parse_outline(lines, first_line=5)
    last = 5 + max(len(lines) - 1, 0)
    for i, s in enumerate(out.sections):
        assert 5 <= s.line <= s.end_line <= max(last, s.line)
        assert s.parent is None or s.parent < i
        if s.parent is not None:
            assert out.sections[s.parent].level < s.level
