"""Task fields: frequency, targets, owner, deadline, action."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.extract.fields import find_action, find_deadline, find_frequency, find_owner, find_targets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("坚持全体工会会员每周练习硬笔书法", ("weekly", "每周")),
        ("上半年和下半年各举办一次读书分享会", ("half_yearly", "上半年和下半年各")),
        ("寒暑假前集中开展一次走访慰问", ("semesterly", "寒暑假前")),
        ("每两周组织一次读书会", ("weekly", "每两周")),
        ("班组长例会每双周召开一次", ("weekly", "每双周")),
        ("隔周开展一次安全巡查", ("weekly", "隔周")),
        ("职代会一年召开两次", ("yearly", "一年召开两次")),
        ("一年来共开展三次", None),  # a review of the past year
        ("每周至少2次体育锻炼", ("weekly", "每周")),
        ("每10天检查一次", ("weekly", "每10天")),
        ("每天坚持晨练", ("weekly", "每天")),
        ("每月组织一次民警学习", ("monthly", "每月")),
        ("每两个月召开一次例会", ("monthly", "每两个月")),
        ("每月15日为工会接待日", ("monthly", "每月")),
        ("月度考核", ("monthly", "月度")),
        ("每季度召开一次", ("quarterly", "每季度")),
        ("季度考核", ("quarterly", "季度")),
        ("每三个月通报一次", ("quarterly", "每三个月")),
        ("每学期召开一次教代会", ("semesterly", "每学期")),
        ("学期一次", ("semesterly", "学期一次")),
        ("每半年公布一次会员交纳会费", ("half_yearly", "每半年")),
        ("半年一次", ("half_yearly", "半年一次")),
        ("上下半年各组织一次体检", ("half_yearly", "上下半年各")),
        ("每年为职工送健康手册", ("yearly", "每年")),
        ("每年度评选一次", ("yearly", "每年度")),
        ("年内至少召开一次警员代表大会", ("yearly", "年内至少召开一次")),
        ("一年两次", ("yearly", "一年两次")),
        ("每年两次(六月份和十二月份)", ("yearly", "每年")),
        ("全年举办3次培训", ("yearly", "全年举办3次")),
        ("举办一次教职工乒乓球比赛", ("once", "举办一次")),
        ("组织一次民主评议", ("once", "组织一次")),
        ("本学期为女教职工举办健康知识讲座一次。", ("once", "举办健康知识讲座一次")),
        ("召开第一次会员代表大会", None),
        ("不定期组织职工学习", None),
        ("第一季度召开职代会", None),
        ("发放一次性补助", None),
        ("加强工会组织建设", None),
        ("不得少于2次", None),
    ],
)
def test_find_frequency(text: str, expected: tuple[str, str] | None) -> None:
    assert find_frequency(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("集体合同签订率达到100%", ["签订率达到100%"]),
        ("推选“年度服务标兵”3名", ["推选“年度服务标兵”3名"]),
        ("每项练习不少于20道", ["不少于20道"]),
        ("创建“模范职工之家”各1个", ["创建“模范职工之家”各1个"]),
        ("活动经费总额不超过3万元", ["不超过3万元"]),
        ("在全部23个在管小区建立工会小组", ["全部23个在管小区建立工会"]),
        ("非公企业建会率达到90%以上", ["建会率达到90%以上"]),
        ("法律知识覆盖率达到95%", ["覆盖率达到95%"]),
        ("职工满意度达到98%", ["满意度达到98%"]),
        ("参保人数达到80%以上", ["达到80%以上"]),
        ("女职工比例不少于30%", ["不少于30%"]),
        ("每年不得少于2次", ["不得少于2次"]),
        ("参训人数不少于500人次", ["不少于500人次"]),
        ("累计签订集体合同50家", ["累计签订集体合同50家"]),
        ("力争新建职工书屋1个", ["力争新建职工书屋1个"]),
        ("年内至少召开一次警员代表大会", ["至少召开一次"]),
        ("培训工会干部200名", ["培训工会干部200名"]),
        ("发放慰问金10万元,走访困难职工30户", ["发放慰问金10万元", "走访困难职工30户"]),
        ("签订率达到100%,培训干部200名", ["签订率达到100%", "培训干部200名"]),
        ("举办第4届职工运动会", []),
        ("组织四项技能大赛", []),
        ("县级艺体教育1+2示范学校", []),
        ("同比3.8%", []),
        ("全年新建和提档升级“职工小家”8个", ["“职工小家”8个"]),
        ("全年走访慰问困难职工不少于50户", ["不少于50户"]),
        ("在沿途设立3个民警休息点。", ["设立3个民警休息点"]),
        ("伤亡率比上年下降10%", ["下降10%"]),
        ("会员入会率保持100%", ["入会率保持100%"]),
        ("参保职工不少于1.5万人", ["不少于1.5万人"]),
        ("突出三大特色", []),
        ("加强学习,提高素质", []),
        # counts that close their clause, in Chinese numerals or after a bare noun
        ("年内举办技能比武两场，获奖选手按规定申报", ["技能比武两场"]),
        ("评选“住建先锋”十名。", ["“住建先锋”十名"]),
        ("表彰优秀护士二十名。", ["优秀护士二十名"]),
        ("完成雨污分流管网38公里、改造路灯35盏。", ["完成雨污分流管网38公里", "路灯35盏"]),
        ("开展“名师带徒”结对活动，全年结对一百对；", ["全年结对一百对"]),  # pairs counted
        ("坚持一对一帮扶困难职工。", []),
        ("争创市级“工人先锋号”一个。", ["“工人先锋号”一个"]),
        ("开展培训、比武、讲座三项", ["讲座三项"]),
        ("每季度举办一期。", []),  # a count per period is a frequency
        ("做到困难职工不漏一户。", []),  # an idiom, not a count
        ("青山镇现有各类企业137家。", []),  # a fact of the present
        ("年内举办一次", []),
        ("为期三天", []),
        ("分为三个阶段。", []),
        ("下设3个工作组负责落实", []),
    ],
)
def test_find_targets(text: str, expected: list[str]) -> None:
    assert find_targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("此项工作由工会办公室负责", "工会办公室"),
        ("由工会牵头,各部门配合", "工会"),
        ("由各部门具体负责", "各部门"),
        ("组长由书记担任", "书记"),
        ("成立由工会主席任组长的领导小组", "工会主席"),
        ("开展劳动竞赛(责任科室:组织部、宣教部)", "组织部、宣教部"),
        ("开展竞赛（责任部门：女工委）。", "女工委"),
        ("责任人:张三、李四", "张三、李四"),
        ("牵头单位：区总工会", "区总工会"),
        ("开展送温暖活动(工会)。", "工会"),
        ("召开职代会(六月份)。", None),
        ("加强学习", None),
        ("负责同志要带头", None),
    ],
)
def test_find_owner(text: str, expected: str | None) -> None:
    assert find_owner(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6月底前完成", (6, "6月底前完成")),
        ("争取在6月底进行验收", (6, "6月底进行验收")),
        ("争取在6月底进行“职工之家”验收。", (6, "6月底进行“职工之家”验收")),  # the object between
        ("10月15日前上报材料", (10, "10月15日前上报")),
        ("12月底完成", (12, "12月底完成")),
        ("年底前完成换届", (12, "年底前完成")),
        ("争取年内完成", (12, "年内完成")),
        ("于年末完成", (12, "年末完成")),
        ("上半年完成", (6, "上半年完成")),
        ("国庆前", (9, "国庆前")),  # before 1 October: by the end of September
        ("春节前完成慰问", (1, "春节前完成")),
        ("一季度末前上报", (3, "一季度末前上报")),
        ("截至11月底", (11, "11月底")),
        ("6月底前已完成", None),
        ("3月份召开职代会", None),
        ("国庆前后组织活动", None),
        ("加强学习", None),
    ],
)
def test_find_deadline(text: str, expected: tuple[int, str] | None) -> None:
    assert find_deadline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("召开教代会。", ("召开", "教代会")),
        ("组织召开大队全体民警代表大会。", ("召开", "大队全体民警代表大会")),
        ("配合学校做好开学工作。", ("做好", "开学工作")),
        ("组织教职工参加“市长杯”教研活动。", ("参加", "“市长杯”教研活动")),
        ("举办一次教职工乒乓球比赛。", ("举办", "教职工乒乓球比赛")),
        ("开展好“三·八”妇女节庆祝活动。", ("开展", "“三·八”妇女节庆祝活动")),
        ("慰问困难职工,发放慰问金", ("慰问", "困难职工")),
        ("组织“师德师风”演讲活动。", ("组织", "“师德师风”演讲活动")),
        ("庆祝国庆节。", ("庆祝", "国庆节")),
        ("“青蓝工程”的开展。", None),
        ("三月份", None),
        ("一、指导思想", None),
    ],
)
def test_find_action(text: str, expected: tuple[str, str] | None) -> None:
    assert find_action(text) == expected


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_fields_never_raise(text: str) -> None:
    find_frequency(text)
    find_owner(text)
    find_deadline(text)
    find_action(text)
    for target in find_targets(text):
        assert target in text


@pytest.mark.parametrize(("text", "expected"), [
    ("培训柜员、客户经理等业务骨干300人次。", ["业务骨干300人次"]),
    ("慰问环卫工人、快递小哥200名", ["快递小哥200名"]),
    ("新建和提档升级“职工小家”8个", ["“职工小家”8个"]),
    ("组建篮球、羽毛球、读书等5个员工俱乐部", ["5个员工俱乐部"]),
    ("为困难职工赠送春联200副", ["赠送春联200副"]),
    ("员工满意度测评得分不低于90分", ["不低于90分"]),
    ("覆盖率提升至90%", ["覆盖率提升至90%"]),
    ("兴趣小组增加到10个", ["增加到10个"]),
    ("参赛人数不少于会员总数的30%", ["不少于会员总数的30%"]),
    ('评选"营销能手"10名', ['评选"营销能手"10名']),
    ("评选公司「最美供水人」10名", ["「最美供水人」10名"]),
])
def test_targets_after_a_list_keep_its_last_noun(text: str, expected: list[str]) -> None:
    assert find_targets(text) == expected


@pytest.mark.parametrize(("text", "month"), [
    ("年内民办学校教代会建制率达到85%以上", 12),
    ("本年度内职工书屋覆盖全部网点", 12),
    ("年内完成10个站点建设", 12),
])
def test_within_the_year(text: str, month: int) -> None:
    found = find_deadline(text)
    assert found is not None and found[0] == month


def test_a_frequency_label_gives_its_frequency_to_each_item() -> None:
    from analyzer.extract.tasks import extract_tasks
    from analyzer.models import Plan
    from analyzer.structure.outline import parse_outline

    lines = ["四、月份工作安排", "每月常规：召开一次工会委员会会议；为当月过生日的教职工送上生日祝福。"]
    plan = Plan(id="p", index=1, title=None, unit=None, year=None, line_start=1, line_end=2,
                sections=parse_outline(lines).sections, text_lines=tuple(lines))
    assert [t.frequency for t in extract_tasks(plan)] == ["monthly", "monthly"]


@pytest.mark.parametrize(("text", "expected"), [
    ("举办职工才艺展演一次", "once"),
    ("“白衣天使杯”羽毛球比赛一次", "once"),
])
def test_one_off_events(text: str, expected: str) -> None:
    found = find_frequency(text)
    assert found is not None and found[0] == expected


def test_a_completion_time_label_is_the_items_deadline() -> None:
    from analyzer.extract.tasks import extract_tasks
    from analyzer.models import Plan
    from analyzer.structure.outline import parse_outline

    lines = ["二、重点工作", "（一）召开护理分会会员大会，审议年度工作计划（牵头科室：护理部；完成时间：3月）。"]
    plan = Plan(id="p", index=1, title=None, unit=None, year=None, line_start=1, line_end=2,
                sections=parse_outline(lines).sections, text_lines=tuple(lines))
    tasks = extract_tasks(plan)
    assert tasks[0].action == "召开" and {t.deadline for t in tasks} == {3}


def _tasks(lines: list[str]):
    from analyzer.extract.tasks import extract_tasks
    from analyzer.models import Plan
    from analyzer.structure.outline import parse_outline

    plan = Plan(id="p", index=1, title=None, unit=None, year=2026, line_start=1, line_end=len(lines),
                sections=parse_outline(lines).sections, text_lines=tuple(lines))
    return extract_tasks(plan)


def test_two_deadlines_in_one_sentence_are_two_tasks() -> None:
    tasks = _tasks(["一、主要工作", "1.推进适老化改造。年内完成30户改造，11月底前全部验收。"])
    assert [(t.text, t.deadline) for t in tasks if t.deadline] == [("年内完成30户改造，", 12), ("11月底前全部验收。", 11)]


def test_a_labelled_deadline_holds_for_an_item_with_sub_items() -> None:
    tasks = _tasks(["（一）深化隐患排查", "2.推进劝导站建设，覆盖率达到100%。（责任单位：农村中队；完成时限：6月底）",
                    "（1）3月底前完成劝导员选聘；"])
    assert tasks[1].text.startswith("推进") and tasks[1].deadline == 6 and tasks[-1].deadline == 3


@pytest.mark.parametrize(("text", "month"), [("在暑期前组织一次安全教育", 6), ("寒假前走访慰问", 1)])
def test_before_a_vacation(text: str, month: int) -> None:
    found = find_deadline(text)
    assert found is not None and found[0] == month


def test_an_ascii_full_stop_before_a_month_ends_the_sentence() -> None:
    from analyzer.extract.units import sentences

    assert sentences("明确任务分工.4月15日前完成摸底.") == ("明确任务分工.", "4月15日前完成摸底.")
    assert sentences("5.1劳动节前后组织活动。") == ("5.1劳动节前后组织活动。",)


def test_targets_in_guiding_ideology_are_tasks_its_statements_are_not() -> None:
    tasks = _tasks(["二、工作思路", "以习近平新时代中国特色社会主义思想为指导，坚持服务职工主线。主要目标是：职工入会率保持100%，满意度达到92%以上。"])
    assert [(t.targets, t.section_kind) for t in tasks] == [
        (("入会率保持100%", "满意度达到92%以上"), "guiding_ideology")]
