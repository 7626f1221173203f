"""The time-expression grammar: find_times, leading/trailing times, period headings, past tense."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.extract.timeexpr import (
    Semester,
    TermStart,
    bracketed_lead,
    find_times,
    is_past_reference,
    leading_time,
    period_heading,
    trailing_times,
    week_one,
)

N = None  # no qualifier

# (text, [(month_start, month_end, qualifier), …]) — every span find_times must give, in order.
TIMES = [
    # months, Chinese and Arabic, with and without 份
    ("三月份召开职代会", [(3, 3, N)]),
    ("2026/7/1—2026/8/31 开展送清凉", [(7, 8, N)]),
    ("集体合同续签工作2026.6.30前完成", [(6, 6, "前")]),
    ("2026/9/30前投入使用", [(9, 9, "前")]),
    ("3月召开职代会", [(3, 3, N)]),
    ("十二月开展送温暖", [(12, 12, N)]),
    ("12月份开展送温暖", [(12, 12, N)]),
    ("十月份", [(10, 10, N)]),
    ("十一月份", [(11, 11, N)]),
    ("１０月召开", [(10, 10, N)]),
    ("壹月份", [(1, 1, N)]),
    ("今年4月,组织培训", [(4, 4, N)]),
    ("2024年3月召开", [(3, 3, N)]),
    ("二〇二四年九月", [(9, 9, N)]),
    # ranges
    ("七——八月份", [(7, 8, N)]),
    ("7-8月", [(7, 8, N)]),
    ("7—8月组织疗休养", [(7, 8, N)]),
    ("7~8月", [(7, 8, N)]),
    ("7～8月", [(7, 8, N)]),
    ("9月至10月", [(9, 10, N)]),
    ("9月到10月", [(9, 10, N)]),
    ("9月份至10月份", [(9, 10, N)]),
    ("十一—十二月", [(11, 12, N)]),
    ("七至八月", [(7, 8, N)]),
    ("3月中旬至4月上旬", [(3, 4, "上旬")]),
    ("11月至次年1月", [(11, 1, N)]),
    # lists
    ("三、四月份", [(3, 4, N)]),
    ("七、八月份:", [(7, 8, N)]),
    ("组织7、8月份的活动", [(7, 8, N)]),
    ("1、3月份召开", [(3, 3, N)]),  # 1、 is item numbering at the start
    ("十三、四月份", [(4, 4, N)]),
    ("3、4月份，举办技能比武", [(4, 4, N)]),  # Arabic X、 at the start is always numbering
    ("1、2月底前，召开职代会", [(2, 2, "底前")]),
    # next year
    ("次年一月", [(1, 1, N)]),
    ("明年1月", [(1, 1, N)]),
    # dates
    ("3月8日", [(3, 3, N)]),
    ("3月1日-3月15日", [(3, 3, N)]),
    ("3月1日至15日", [(3, 3, N)]),
    ("3月25日至4月5日", [(3, 4, N)]),
    ("5月19—21日", [(5, 5, N)]),
    ("10月15日前", [(10, 10, "前")]),
    ("10月15日之前", [(10, 10, "前")]),
    ("2024.3.15召开", [(3, 3, N)]),
    ("2024-03-15", [(3, 3, N)]),
    # parts of a month
    ("1月上旬", [(1, 1, "上旬")]),
    ("4月中旬", [(4, 4, "中旬")]),
    ("9月下旬", [(9, 9, "下旬")]),
    ("十月初,组织", [(10, 10, "初")]),
    ("3月中开展", [(3, 3, "中")]),
    ("9月底", [(9, 9, "底")]),
    ("12月末", [(12, 12, "末")]),
    ("6月底前完成", [(6, 6, "底前")]),
    ("三月份前后", [(3, 3, "前后")]),
    # quarters, halves, parts of the year
    ("第一季度", [(1, 3, N)]),
    ("一季度", [(1, 3, N)]),
    ("第1季度", [(1, 3, N)]),
    ("第四季度", [(10, 12, N)]),
    ("一、二季度", [(1, 6, N)]),
    ("第一季度末", [(3, 3, "末")]),
    ("Q2", [(4, 6, N)]),
    ("上半年", [(1, 6, N)]),
    ("下半年", [(7, 12, N)]),
    ("年底前", [(12, 12, "底前")]),
    ("年初", [(1, 1, "初")]),
    # vacations and seasons
    ("寒假", [(1, 2, N)]),
    ("暑假", [(7, 8, N)]),
    ("暑期", [(7, 8, N)]),
    ("暑假前", [(7, 8, "前")]),
    ("秋季运动会", [(9, 11, N)]),
    ("冬季长跑", [(12, 2, N)]),
    # holidays
    ("开展“三·八”妇女节庆祝活动", [(3, 3, N)]),
    ("三八节", [(3, 3, N)]),
    ("三八妇女节", [(3, 3, N)]),
    ("3.8妇女节", [(3, 3, N)]),
    ("“3.8”", [(3, 3, N)]),
    ("三.八节", [(3, 3, N)]),
    ("妇女节", [(3, 3, N)]),
    ("植树节", [(3, 3, N)]),
    ("学雷锋活动", [(3, 3, N)]),
    ("五一劳动节", [(5, 5, N)]),
    ("“5.1”", [(5, 5, N)]),
    ("庆祝“五一”节活动", [(5, 5, N)]),
    ("劳动节", [(5, 5, N)]),
    ("“五·四”青年节", [(5, 5, N)]),
    ("五.四青年节", [(5, 5, N)]),
    ("“5.4”", [(5, 5, N)]),
    ("青年节", [(5, 5, N)]),
    ("“5.12”防灾减灾日", [(5, 5, N)]),
    ("“六·一”儿童节", [(6, 6, N)]),
    ("6.1儿童节", [(6, 6, N)]),
    ("庆祝“七一”党的生日", [(7, 7, N)]),
    ("庆祝建党100周年", [(7, 7, N)]),
    ("八一建军节", [(8, 8, N)]),
    ("教师节", [(9, 9, N)]),
    ("中秋节", [(9, 9, N)]),
    ("中秋国庆", [(9, 9, N), (10, 10, N)]),
    ("十一国庆", [(10, 10, N)]),
    ("国庆节", [(10, 10, N)]),
    ("国庆前", [(10, 10, "前")]),
    ("重阳节", [(10, 10, N)]),
    ("元旦", [(1, 1, N)]),
    ("春节", [(1, 2, N)]),
    ("元宵节", [(2, 2, N)]),
    ("端午节", [(6, 6, N)]),
    ("五一：表彰先进职工", [(5, 5, N)]),
    ("六一期间", [(6, 6, N)]),
    ("三八前夕", [(3, 3, N)]),
    # must give nothing
    ("突出“三大特色”", []),
    ("每月一次", []),
    ("一月一次", []),
    ("第一,加强学习", []),
    ("一是加强学习", []),
    ("“五好”关工委", []),
    ("“十杰、百佳、千星”评选", []),
    ("版本V2.1", []),
    ("1+2示范学校", []),
    ("“六有”机制", []),
    ("1.1 指导思想", []),
    ("5.1 工作目标", []),
    ("覆盖率达到95%", []),
    ("增长3.8%", []),
    ("5.1万元", []),
    ("评选三八红旗手", []),
    ("五一劳动奖章", []),
    ("六一班", []),
    ("利用寒暑假", []),
    ("上下半年各一次", []),
    ("每两个月", []),
    ("三个月", []),
    ("农历八月十五", []),
    ("第一周", []),  # a bare week needs term_start
    ("每季度", []),
    ("开学初", []),  # a semester anchor needs the semester
    ("春季学期", []),
    ("下午2:30", []),
    ("“十一五”规划", []),
    ("十一：", []),  # numbering, not 国庆
    ("5.1：工作目标", []),  # decimal numbering, not 劳动节
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_find_times(text: str, expected: list[tuple[int, int, str | None]]) -> None:
    assert [(s.month_start, s.month_end, s.qualifier) for s in find_times(text)] == expected


def test_table_is_large() -> None:
    assert len(TIMES) >= 80


@pytest.mark.parametrize(
    ("text", "span_text", "kind", "day", "year_offset"),
    [
        ("七——八月份组织", "七——八月份", "month", None, 0),
        ("10月15日前", "10月15日前", "date", 15, 0),
        ("次年一月", "次年一月", "month", None, 1),
        ("去年3月", "去年3月", "month", None, -1),
        ("开展“三·八”妇女节活动", "“三·八”妇女节", "holiday", 8, 0),
        ("第一季度:", "第一季度", "quarter", None, 0),
        ("寒假", "寒假", "vacation", None, 0),
        ("上半年", "上半年", "half_year", None, 0),
    ],
)
def test_span_details(text: str, span_text: str, kind: str, day: int | None, year_offset: int) -> None:
    span = find_times(text)[0]
    assert (span.text, span.kind, span.day, span.year_offset) == (span_text, kind, day, year_offset)


@pytest.mark.parametrize(
    ("text", "semester", "expected"),
    [
        ("开学初", "spring", (2, 3)),
        ("开学初", "autumn", (9, 9)),
        ("学期初", "spring", (2, 3)),
        ("学期末", "spring", (6, 7)),
        ("学期末", "autumn", (1, 1)),
        ("期末考试", "spring", (6, 7)),
        ("期中考试", "spring", (4, 5)),
    ],
)
def test_semester_anchors(text: str, semester: str, expected: tuple[int, int]) -> None:
    span = find_times(text, semester=semester)[0]  # type: ignore[arg-type]
    assert (span.month_start, span.month_end) == expected


@pytest.mark.parametrize(
    ("text", "term_start", "expected"),
    [
        ("第一周", 9, [(9, 9)]),
        ("第5周", 9, [(9, 10)]),  # week 5 runs from 29 September to 3 October: both months
        ("第4周", 9, [(9, 9)]),
        ("第6周", 9, [(10, 10)]),
        ("第1-10周", 9, [(9, 11)]),
        ("第二十周", 9, [(1, 1)]),
        ("第一周 | 3月1日-3月7日", None, [(3, 3)]),
        ("第一周 | 3月1日-3月7日", 2, [(2, 2), (3, 3)]),
        ("寒假第一周", 2, [(1, 2)]),
        # a calendar: week 1 starts Tuesday 1 September, the later weeks on Mondays
        ("第1周", TermStart(9, 1, 1), [(9, 9)]),
        ("第14周", TermStart(9, 1, 1), [(11, 12)]),  # 30 November – 4 December
        ("第13周", TermStart(9, 1, 1), [(11, 11)]),
        ("第4—5周", TermStart(3, 2), [(3, 4)]),
        ("第20周", TermStart(9, 1, 1), [(1, 1)]),  # into the next year
    ],
)
def test_weeks(text: str, term_start: int | TermStart | None, expected: list[tuple[int, int]]) -> None:
    assert [(s.month_start, s.month_end) for s in find_times(text, term_start=term_start)] == expected


@pytest.mark.parametrize(
    ("text", "semester", "expected"),
    [
        ("本学期于3月2日（星期一）开学，第1周为3月2日至3月6日，共19个教学周。", "spring", TermStart(3, 2, 0)),
        ("本学期9月1日（星期二）正式开学，第1周为9月1日至9月4日。", "autumn", TermStart(9, 1, 1)),
        ("本学期自2025年9月1日开始，共19周。", None, TermStart(9, 1, 0)),  # a Monday by the calendar
        ("本学期自2026年3月1日开始。", "spring", TermStart(3, 1, -1)),  # a Sunday: week 1 starts the day before its Monday
        ("第一周 | 2月17日-2月23日 | 开学典礼", None, TermStart(2, 17, 0)),
        ("第3周（9月22日—9月26日）：召开教代会。第2周（9月15日—9月19日）：慰问。", None, TermStart(9, 8, 0)),
        ("9月8日（星期一）开始上课，第1周（9月8日—9月12日）", "autumn", TermStart(9, 8, 0)),
        ("预备周（2月16日—2月20日）：召开工会委员会议。第1-2周：开展开学慰问。", "spring", TermStart(2, 23, 0)),
        ("预备周（8月25日—8月31日）", None, TermStart(9, 1, 0)),  # week 1 starts the week after
        # not a calendar of this term, or no opening day at all
        ("下学期将于9月1日开学。", "spring", None),
        ("9月1日开始报名，第3周举办比赛。", None, None),
        ("第3周举办比赛。", None, None),
        ("第25周（2月30日）", None, None),
    ],
)
def test_week_one(text: str, semester: Semester | None, expected: TermStart | None) -> None:
    assert week_one(text, semester) == expected


def test_offsets_in_a_longer_text() -> None:
    text = "一、工作安排\n三月份\n1、开展“三·八”妇女节庆祝活动。\n七——八月份组织暑期疗休养"
    spans = find_times(text)
    assert [s.text for s in spans] == ["三月份", "“三·八”妇女节", "七——八月份", "暑期"]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_long_text_gives_what_its_lines_give() -> None:
    lines = [t for t, _ in TIMES] * 3 + ["以科学发展观为指导,全面提升教职工素质。" * 5]
    text = "\n".join(lines)
    assert len(text) > 1000  # the windowed scan, not the whole-text one
    expected, offset = [], 0
    for line in lines:
        expected += [(s.text, s.month_start, s.month_end, s.start + offset) for s in find_times(line)]
        offset += len(line) + 1
    assert [(s.text, s.month_start, s.month_end, s.start) for s in find_times(text)] == expected


HEADINGS = [
    ("三月份", (3, 3)),
    ("七月、八月", (7, 8)),  # months named one after another: one range
    ("3月、5月", (3, 3)),  # not consecutive: the first month heads the block
    ("9月份:", (9, 9)),
    ("9月份：", (9, 9)),
    ("七——八月份", (7, 8)),
    ("七、八月份:", (7, 8)),
    ("二月主题:关爱职工", (2, 2)),
    ("第一季度:", (1, 3)),
    ("寒假", (1, 2)),
    ("上半年", (1, 6)),
    ("宣传发动阶段(3月1日-3月15日)", (3, 3)),
    ("总结阶段（6月）", (6, 6)),
    ("（一）三月份", (3, 3)),
    ("十月份工作安排", (10, 10)),
    ("三月份（学雷锋月）", (3, 3)),
    ("  4月  ", (4, 4)),
    ("1月", (1, 1)),
    ("三、四月份", (3, 4)),
    ("学期末（次年1月）：", (1, 1)),
    ("2025年1月:", (1, 1)),
    ("2024年1月18日", None),  # a signature date
    ("2021年1月", None),
    ("第1-2周:", None),  # a bare week without term_start
    ("一、指导思想", None),
    ("1、召开三月份例会", None),
    ("3月份召开职代会。", None),
    ("9月份:召开教代会", None),
    ("突出“三大特色”", None),
    ("月份", None),
    ("具体时间安排", None),
    ("开展“三·八”妇女节庆祝活动", None),
    ("2、庆祝“五一”节活动。", None),
]


@pytest.mark.parametrize(("line", "expected"), HEADINGS)
def test_period_heading(line: str, expected: tuple[int, int] | None) -> None:
    span = period_heading(line)
    assert (None if span is None else (span.month_start, span.month_end)) == expected
    if span is not None:
        assert line[span.start : span.end] == span.text


def test_period_heading_week_with_term_start() -> None:
    span = period_heading("第1-2周:", term_start=3)
    assert span is not None and (span.month_start, span.month_end, span.kind) == (3, 3, "week")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9月份,大一新生入学教育", (9, "9月份")),
        ("十月初,组织教职工秋游", (10, "十月初")),
        ("今年4月,组织职工培训", (4, "4月")),
        ("在3月份召开职代会", (3, "3月份")),
        ("七——八月份组织疗休养", (7, "七——八月份")),
        ("寒假期间走访困难职工", (1, "寒假")),
        ("组织职工9月份参加比赛", None),
        ("三八节,组织女职工活动", None),  # a holiday is an implicit month, not a leading time
        ("加强学习", None),
        ("1、3月份召开", None),
    ],
)
def test_leading_time(text: str, expected: tuple[int, str] | None) -> None:
    span = leading_time(text)
    assert (None if span is None else (span.month_start, span.text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("召开职工代表大会(六月份)。", [(6, "六月份")]),
        ("召开职工代表大会（时间：9月）", [(9, "9月")]),
        ("组织职工体检,10月", [(10, "10月")]),
        ("开展技能竞赛(7-8月)", [(7, "7-8月")]),
        ("组织全院职工健康体检，每年两次（六月份和十二月份）。", [(6, "六月份"), (12, "十二月份")]),
        ("召开职工大会（3月、9月）", [(3, "3月"), (9, "9月")]),
        ("召开职工大会（3月和9月各一次）", []),  # more than a list of months
        ("庆祝国庆节。", []),
        ("召开职代会(工会)。", []),
        ("6月份召开职代会。", []),
        ("召开职代会(6月底前完成)", []),
        ("加强学习", []),
        ("", []),
    ],
)
def test_trailing_times(text: str, expected: list[tuple[int, str]]) -> None:
    spans = trailing_times(text)
    assert [(s.month_start, s.text) for s in spans] == expected
    for span in spans:
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月份以来,我们走访企业20家", True),
        ("6月份专门召开了职代会", True),
        ("去年3月召开了职代会", True),
        ("去年12月", True),
        ("9月至今,共慰问职工", True),
        ("已于5月份完成换届", True),
        ("3月份召开职代会", False),
        ("6月份召开职代会,了解职工需求", False),
        ("为了迎接检查,6月份组织自查", False),
        ("次年1月完成", False),
        ("6月底前完成已到期集体合同的续签", False),
        ("3月份对已建会企业开展检查", False),
    ],
)
def test_is_past_reference(text: str, expected: bool) -> None:
    span = find_times(text)[0]
    assert is_past_reference(text, span) is expected


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("一二三四五六七八九十0123456789月份日号至到—-、.“”节季度上下半年寒暑假第周前底初旬国庆三八五一开学期末 ，。(（)）:"), max_size=30))
def test_find_times_offsets_slice_the_text(text: str) -> None:
    for span in find_times(text, semester="spring", term_start=3):
        assert text[span.start : span.end] == span.text
        assert 1 <= span.month_start <= 12 and 1 <= span.month_end <= 12


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_never_raises_on_random_text(text: str) -> None:
    for span in find_times(text):
        assert text[span.start : span.end] == span.text
    period_heading(text)
    leading_time(text)
    trailing_times(text)
    bracketed_lead(text)


def test_one_megabyte_is_fast() -> None:
    base = (
        "一、指导思想\n以科学发展观为指导,全面提升教职工素质,推进学校民主管理。\n"
        "三月份\n1、开展“三·八”妇女节庆祝活动。\n2、组织教职工参加技能比赛,参与率达到95%。\n"
        "七——八月份\n组织暑期疗休养,每月组织一次学习。\n"
    )
    text = base * (1_000_000 // len(base))
    started = time.process_time()
    spans = find_times(text)
    elapsed = time.process_time() - started
    assert len(spans) == 4 * (1_000_000 // len(base))
    assert elapsed < 2.0  # about 0.2 s on one core; generous for a shared machine


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五月初五（6月19日）前，开展“粽香传情”活动", ("五月初五（6月19日）前", 6, "前")),
        ("正月十五（3月3日），举办社区闹元宵活动", ("正月十五（3月3日）", 3, None)),
        ("中国医师节（8月19日）前后，开展优秀医师评选", ("中国医师节（8月19日）前后", 8, "前后")),
        ("重阳节（九月初九，10月18日），慰问退休教师", ("重阳节（九月初九，10月18日）", 10, None)),
        ("八月十五（9月25日）中秋节前，发放节日慰问品", ("八月十五（9月25日）", 9, None)),
        ("开展节前慰问（1月）", None),  # the bracket must follow the opening lunar date or festival
        ("重点环节（责任部门）", None),  # no date in the brackets
    ],
)
def test_bracketed_lead(text: str, expected: tuple[str, int, str | None] | None) -> None:
    span = bracketed_lead(text)
    assert (None if span is None else (span.text, span.month_start, span.qualifier)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("八月十五", []),  # a lunar date: no Gregorian month
        ("五月初五前", []),
        ("三月三", []),
        ("九月九日", [(9, "九月九日")]),  # a Gregorian date closes its day with 日
        ("五月初组织", [(5, "五月初")]),
        ("七月八月", [(7, "七月"), (8, "八月")]),
        ("学期末（元月）", [(1, "元月")]),
    ],
)
def test_lunar_dates_and_yuanyue(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(s.month_start, s.text) for s in find_times(text)] == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1月23日下午2:30", (1, 1, 23)),  # a clock time beside the date
        ("8月21日上午9:30", (8, 8, 21)),
        ("2026327", (3, 3, 27)),  # separators lost: one reading only
        ("20261015", (10, 10, 15)),
        ("2026111", None),  # January 11 or November 1: no date
        ("12345678", None),
        ("115/06/18", (6, 6, 18)),  # an ROC year with slashes
        ("115.06.18", None),  # (an ROC year only with slashes: 115.06.18 may be a number)
    ],
)
def test_period_cells_with_clock_times_and_odd_dates(cell: str, expected: tuple[int, int, int] | None) -> None:
    span = period_heading(cell)
    assert (None if span is None else (span.month_start, span.month_end, span.day)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("7，8月：开展送清凉", [(7, 8)]),
    ("7,8月开展疗休养", [(7, 8)]),
    ("●  7，8月：", [(7, 8)]),
    ("七，八月份", [(7, 8)]),
    ("九月初九，10月18日", [(10, 10)]),
    ("8，7月", [(7, 7)]),
])
def test_comma_month_lists(text: str, expected: list[tuple[int, int]]) -> None:
    assert [(s.month_start, s.month_end) for s in find_times(text)] == expected
