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
    # a table with a label column (项目) and the time last: only the content column gives activities
    (["三、重点工作安排", "| 序号 | 项目 | 工作内容 | 责任部门 | 时间节点 |", "| 1 | 职代会 | 召开职工代表大会 | 办公室 | 2月下旬 |",
      "| 2 | 全年 | 走访慰问困难职工 | 权益部 | 全年 |"], [(2, 2, "召开职工代表")]),
    # the time a whole campaign runs is not a block heading; dated items after a short label are scheduled
    (["活动时间：4月20日—5月10日", "参加对象：全区各级工会会员", "活动内容：",
      "1.线上知识竞答（4月20日—4月30日）：推送阅读知识题。", "2.组织全馆职工秋季登山健身活动（10月）", "并评选健康达人。"],
     [(4, 4, "推送阅读知识"), (10, 10, "组织全馆职工")]),
    # past months in a review are not scheduled
    (["一、2025年工作回顾", "3月份以来，走访企业20家。", "二、2026年工作安排", "九月份", "1、组织运动会。"],
     [(9, 9, "组织运动会。")]),
]


@pytest.mark.parametrize(("lines", "expected"), CASES)
def test_schedule_binding(lines: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert _schedule(lines) == expected
