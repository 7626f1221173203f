"""Schedule binding on small plans: (lines → (month_start, month_end, text start)) tables."""

from __future__ import annotations

import pytest

from analyzer.extract.schedule import extract_schedule
from analyzer.models import Plan
from analyzer.structure.outline import parse_outline


def _schedule(lines: list[str]) -> list[tuple[int, int, str]]:
    plan = Plan(id="p", index=1, title=None, unit=None, year=2026, line_start=1, line_end=len(lines),
                sections=parse_outline(lines).sections, text_lines=tuple(lines))
    return [(i.month_start, i.month_end, i.text[:6]) for i in extract_schedule(plan)]


CASES = [
    # activities chained by ；after a time heading the line share it; an occasion or a glued time does not
    (["六、时间安排", "10月，组织招聘会；举办第二期技能培训班。"], [(10, 10, "组织招聘会；"), (10, 10, "举办第二期技")]),
    (["一、重点工作", "1.3.8节组织户外拓展活动；落实女员工筛查。"], [(3, 3, "组织户外拓展")]),
    (["四、工作安排", "1、3月初召开教代会；校务公开栏每月更新。"], [(3, 3, "召开教代会；")]),
    # months listed in an item's closing brackets: one item per month
    (["一、主要工作", "1.组织全院职工健康体检，每年两次（六月份和十二月份）。"],
     [(6, 6, "组织全院职工"), (12, 12, "组织全院职工")]),
    # a lunar date or a festival with its Gregorian date in brackets opens an item
    (["一、主要工作", "1.五月初五（6月19日）前，开展慰问活动。", "2.中国医师节（8月19日）前后，开展评选。"],
     [(6, 6, "开展慰问活动"), (8, 8, "开展评选。")]),
    # ... but under a period heading it is an occasion: the heading's period holds, the text is whole
    (["三、行事历", "九月份", "1.八月十五（9月25日）中秋节前，发放节日慰问品。"], [(9, 9, "八月十五（9")]),
    # a table's time cells with a clock time, lost separators or an ROC year; a 序号 cell is no time
    (["附：月度活动安排表", "| 序号 | 时间 | 活动内容 |", "| 1 | 1月23日下午2:30 | 尾牙联欢会 |", "| 2 | 2026327 | 召开职代会 |",
      "| 3 | 115/06/18 | 发放粽子礼盒 |"], [(1, 1, "尾牙联欢会"), (3, 3, "召开职代会"), (6, 6, "发放粽子礼盒")]),
    # a bare term line sets the term of the phases after it; a month in brackets is more precise
    (["四、工作安排", "第一学期", "开学初：", "1.召开工会委员会会议。", "第二学期", "开学初（二月）：", "1.召开教代会。",
      "学期末：", "1.做好学年总结。"], [(9, 9, "召开工会委员"), (2, 2, "召开教代会。"), (6, 7, "做好学年总结")]),
    # a 第一学期 / 第二学期 heading sets the term of the phases below it
    (["三、工作安排", "（一）第一学期", "开学初：召开工会委员会会议。", "学期末（元月）：做好工作总结。", "（二）第二学期",
      "开学初：召开教代会。"], [(9, 9, "召开工会委员"), (1, 1, "做好工作总结"), (2, 3, "召开教代会。")]),
    # a month heading binds its numbered items
    (["四、具体工作安排", "三月份", "1、召开教代会。", "2、开展三八活动。"], [(3, 3, "召开教代会。"), (3, 3, "开展三八活动")]),
    # an item number glued to a month range: item 2, months 4–5
    (["一、主要工作", "1.推进入会工作。", "2.4—5月，集中开展服务站建设。"], [(4, 5, "集中开展服务")]),
    # an activity in a task list closing with its month in brackets is scheduled on that month
    (["一、主要工作", "1.开办技能培训班。", "2.举办采茶技能比赛（4月中旬）。"], [(4, 4, "举办采茶技能")]),
    # a phase heading with its dates in brackets heads the activities after its colon
    (["三、工会行事历", "预备周（8月25日—8月31日）：召开工会委员会会议；开展新教师座谈。"],
     [(8, 8, "召开工会委员"), (8, 8, "开展新教师座")]),
    # a deadline label's time is the item's deadline, not its date
    (["一、重点工作", "1．召开职代会，审议考核办法。由办公室负责，完成时限：3月底前。", "2．举办技能比赛（9月）。"],
     [(9, 9, "举办技能比赛")]),
    # a break in the calendar is not an activity
    (["三、行事历", "第四周（9月22日—9月28日）：开展趣味运动会。", "第五周（9月29日—10月3日）：国庆、中秋放假。"],
     [(9, 9, "开展趣味运动")]),
    # an occasion opening an item narrows a wider heading period, a quoted short name too
    (["四、活动安排", "（一）上半年", "1.“五一”前后，表彰劳动模范。", "2.组织职工春季健步走。", "（二）下半年",
      "1.国庆节前，举办职工书画展。"],
     [(5, 5, "表彰劳动模范"), (1, 6, "组织职工春季"), (9, 9, "举办职工书画")]),
    # a table with a label column (项目) and the time last: only the content column gives activities;
    # a row of the whole year (全年) is an activity of months 1–12 (marked recurring)
    (["三、重点工作安排", "| 序号 | 项目 | 工作内容 | 责任部门 | 时间节点 |", "| 1 | 职代会 | 召开职工代表大会 | 办公室 | 2月下旬 |",
      "| 2 | 全年 | 走访慰问困难职工 | 权益部 | 全年 |"], [(2, 2, "召开职工代表"), (1, 12, "走访慰问困难")]),
    # the time a whole campaign runs is not a block heading; dated items after a short label are scheduled
    (["活动时间：4月20日—5月10日", "参加对象：全区各级工会会员", "活动内容：",
      "1.线上知识竞答（4月20日—4月30日）：推送阅读知识题。", "2.组织全馆职工秋季登山健身活动（10月）", "并评选健康达人。"],
     [(4, 4, "推送阅读知识"), (10, 10, "组织全馆职工")]),
    # past months in a review are not scheduled
    (["一、2025年工作回顾", "3月份以来，走访企业20家。", "二、2026年工作安排", "九月份", "1、组织运动会。"],
     [(9, 9, "组织运动会。")]),
    # two Arabic months listed at a line start: a list when no open list of items continues there,
    # item 3 of a list (then April) when one does; a year part (年底) heads its own line under a month
    (["二、月度安排", "11、12月份：开展年终考核。", "年底：做好经费决算。"],
     [(11, 12, "开展年终考核"), (12, 12, "做好经费决算")]),
    (["二、月度安排", "1、召开职代会。", "2、开展培训。", "3、4月份：举办运动会。"], [(4, 4, "举办运动会。")]),
    # in a task list a month or date with 前 is a deadline; a festival with 前 still times an activity
    (["二、主要工作", "抓民生。9月份，配合卫生院开展体检。年底前为留守儿童建成书屋。端午节前，组织包粽子活动。"],
     [(9, 9, "配合卫生院开"), (6, 6, "组织包粽子活")]),
    # a bullet before the month (◆6月：…) and activities chained by ；share the month
    (["四、工作进度安排", "◆6月：开展知识答题（责任部门：安环部）；完成职工健康体检（责任部门：人力资源部）",
      "◆10月：“职工驿站”投入使用；举办职工秋季运动会"],
     [(6, 6, "开展知识答题"), (6, 6, "完成职工健康"), (10, 10, "“职工驿站”"), (10, 10, "举办职工秋季")]),
    # a flattened table: a continuation row keeps its empty month cell, a remark (每月一次) is no activity
    (["四、全年工作安排", "月份 | 工作内容 | 责任部门 | 备注", "1月 | 召开全委会 | 办公室 |", "| 启动读书活动 | 各基层工会 | 每月一次",
      "3月 | 举办健康讲座 | 女工委 |"],
     [(1, 1, "召开全委会"), (1, 1, "启动读书活动"), (3, 3, "举办健康讲座")]),
    # a dated line the outline left under a finished item is an entry of its own date
    (["二、具体安排", "二月主题：温暖开学", "1、走访慰问困难教职工。", "3月19—21日：组织教职工参加区运动会。"],
     [(2, 2, "走访慰问困难"), (3, 3, "组织教职工参")]),
    # in a task list a term part or a vacation opening a sentence is no calendar entry, unless dated
    (["三、主要工作", "（一）推进民主管理。开学初召开教代会，审议方案。", "（二）暑期开办托管班。", "（三）暑期（7—8月）开办托管班。"],
     [(7, 8, "开办托管班。")]),
    # activity blocks: one item per block, its time from 时间：, its text from 内容：
    (["四、重点活动安排", "活动一：新春送温暖", "时间：春节前（2月上旬）", "内容：走访慰问困难职工。", "责任人：主席 沈秀兰", "",
      "活动二：送岗位", "时间：3月至4月", "内容：举办专场招聘会。", "", "五、保障措施", "（一）强化联动。"],
     [(2, 2, "走访慰问困难"), (3, 4, "举办专场招聘")]),
    # a lone 活动时间 / 活动内容 pair is a campaign's header, not a block list
    (["活动时间：4月20日—5月10日", "活动内容：", "1.线上知识竞答。"], []),
    # the plan's week calendar places undated weeks; a range across a month end has both months
    (["本学期于3月2日（星期一）开学，第1周为3月2日至3月6日。", "四、学期工作行事历", "第4—5周：组织春季健步走。",
      "第6周：开展读书分享。", "第17—18周：走访慰问毕业班教师。"],
     [(3, 4, "组织春季健步"), (4, 4, "开展读书分享"), (6, 7, "走访慰问毕业")]),
    # without one, a term's weeks count from its usual month; a calendar of the other term is ignored
    (["2026年春季学期工会工作计划", "明年9月1日开学。", "一、工作安排", "第6周：开展读书分享。"],
     [(3, 3, "开展读书分享")]),
]


@pytest.mark.parametrize(("lines", "expected"), CASES)
def test_schedule_binding(lines: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert _schedule(lines) == expected


def test_owner_bracket_closing_an_item_is_its_owner() -> None:
    lines = ["四、工作进度安排", "◆3月：召开职代会（责任部门：工会办公室）；举办讲座（责任部门：女职工委员会）"]
    plan = Plan(id="p", index=1, title=None, unit=None, year=2026, line_start=1, line_end=len(lines),
                sections=parse_outline(lines).sections, text_lines=tuple(lines))
    assert [(i.text, i.owner) for i in extract_schedule(plan)] == [
        ("召开职代会；", "工会办公室"), ("举办讲座", "女职工委员会")]


@pytest.mark.parametrize(
    ("title", "year", "months"),
    [
        ("2026年工作计划", 2026, (2, 2)),  # 春节 on 17 February 2026
        ("2025年工作计划", 2025, (1, 1)),  # 春节 on 29 January 2025
        ("2025—2026学年工作计划", 2025, (1, 2)),  # a school year spans two calendar years: the usual months
    ],
)
def test_before_a_lunar_festival_is_its_month_that_year(title: str, year: int, months: tuple[int, int]) -> None:
    lines = [title, "四、全年工作安排", "春节前：开展送温暖活动。", "春节期间：组织文艺演出。"]
    plan = Plan(id="p", index=1, title=title, unit=None, year=year, line_start=1, line_end=len(lines),
                sections=parse_outline(lines).sections, text_lines=tuple(lines))
    items = extract_schedule(plan)
    assert [(i.month_start, i.month_end) for i in items] == [months, (1, 2)]  # 春节期间: the festival season



def test_participant_and_remark_columns_are_no_activities(tmp_path) -> None:
    """Column roles come from the header: 参加对象 / 备注 / 地点 columns hold no activity."""
    from analyzer.pipeline import parse_document

    path = tmp_path / "表.txt"
    path.write_text(
        "医院工会2025年工作计划\n一、活动安排\n时间|工作内容|负责|参加对象|备注\n"
        "2月|元宵节猜灯谜活动|文体委员|全院职工|\n|春节慰问困难职工|工会办公室|困难职工、离退休人员|\n"
        "3月|召开职工代表大会|工会主席|职工代表|每年一次\n", encoding="utf-8")
    items = [(i.month_start, i.text, i.owner) for i in parse_document(path).plans[0].schedule]
    assert items == [(2, "元宵节猜灯谜活动", "文体委员"), (2, "春节慰问困难职工", "工会办公室"),
                     (3, "召开职工代表大会", "工会主席")]


def test_a_dated_sentence_is_an_item_wherever_it_stands(tmp_path) -> None:
    """``2025年4月进行换届选举。`` inside a measures section is a calendar entry of that month."""
    from analyzer.pipeline import parse_document

    path = tmp_path / "措施.txt"
    path.write_text("某中学工会2025年工作计划\n一、工作措施\n1、加强组织建设。2025年4月进行工会委员会换届选举。\n"
                    "2、2026年1月召开教代会。\n3、2016年5月成立工会，至今已有十年。\n", encoding="utf-8")
    items = [(i.month_start, i.year, i.text) for i in parse_document(path).plans[0].schedule]
    assert items == [(4, 2025, "进行工会委员会换届选举。"), (1, 2026, "召开教代会。")]


def test_whole_year_rows_are_recurring_items(tmp_path) -> None:
    """全年 / 每月 / 常年 rows: months 1–12, ``recurring``; the month calendar shows them in its 全年 column."""
    from analyzer.pipeline import parse_document
    from analyzer.report.calendar import month_grid, schedule_frame

    path = tmp_path / "表.txt"
    path.write_text("医院工会2025年工作计划\n一、活动安排\n时间|工作内容|负责\n全年|职工生日慰问|工会办公室\n"
                    "每月|召开小组长例会|工会主席\n3月|召开职代会|工会主席\n常年|职工书屋开放|文体委员\n", encoding="utf-8")
    doc = parse_document(path)
    items = [(i.month_start, i.month_end, i.recurring, i.text) for i in doc.plans[0].schedule]
    assert items == [(1, 12, True, "职工生日慰问"), (1, 12, True, "召开小组长例会"), (3, 3, False, "召开职代会"),
                     (1, 12, True, "职工书屋开放")]
    grid = month_grid(schedule_frame([doc]))
    row = grid.iloc[0]
    assert row["全年"].count("·") == 3 and row["3月"] == "· 召开职代会" and row["1月"] == ""
