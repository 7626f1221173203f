"""Normalisation steps: whitespace, pinyin, site chrome, broken-word rejoin, line count, t2s."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest.normalize import (
    drop_chrome,
    is_chrome_line,
    is_traditional,
    normalize_lines,
    normalize_text,
    normalize_whitespace,
    rejoin_broken_lines,
    remove_hidden_marks,
    remove_pinyin,
    split_lines,
    to_simplified,
)

LONG = "为了进一步加强工会组织建设,充分发挥工会在企业改革发展中的桥梁纽带作"  # 33 chars, mid-word


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("\u00a0\u00a0\u00a0", ""),
        ("\u3000\u3000一、指导思想", "一、指导思想"),
        ("一、  \t 指导思想  ", "一、 指导思想"),
        ("工\u200b会\ufeff工作", "工会工作"),
        ("计划\x07\x1b书", "计划书"),
        ("，。：；（）", "，。：；（）"),  # full-width punctuation kept (no NFKC)
        ("２０２４年", "２０２４年"),
    ],
)
def test_normalize_whitespace(line: str, expected: str) -> None:
    assert normalize_whitespace(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("計(jì)劃", "計劃"),
        ("計（jì）劃（huà）", "計劃"),
        ("工作计(ji4)划(hua4)", "工作计划"),
        ("规(guī) 划(huà)书", "规划书"),
        ("计划(jì huà)书", "计划书"),
        ("(一)加强学习", "(一)加强学习"),
        ("(责任科室:办公室)", "(责任科室:办公室)"),
        ("开展活动(ok)", "开展活动(ok)"),  # untoned latin is not pinyin
        ("参加(2人)", "参加(2人)"),
        ("见附件(a)", "见附件(a)"),
    ],
)
def test_remove_pinyin(line: str, expected: str) -> None:
    assert remove_pinyin(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "首页 > 范文大全 > 工作计划",
        "首页>工作计划>工会工作计划",
        "您现在的位置:首页 > 范文",
        "当前位置:首页",
        "时间:2023-05-06 我要投稿",
        "作者:佚名 点击:1024",
        "来源:网络 浏览次数:88",
        "上传人:zhang 页数:3 大小:16.60KB",
        "已阅读5页,还剩12页未读",
        "本文由范文网整理",
        "下载文档",
        "收藏 分享到",
        "分享到: 微信 微博 QQ空间",
        "举报 | 下载本文档",
        # a chat export: sender, time stamp, file notice, group name
        "杉坪镇工会-李晓燕 10:22",
        "2026年1月9日 上午10:21",
        "[文件] 恒泰纺织有限公司工会2026年工作计划.docx  31.5KB",
        "县总工会基层工作群(46)",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "一、指导思想",
        "三月份",
        "1、组织职工收看首页新闻。",
        "下载中心建设:完成职工书屋的升级改造。",
        "时间:2024年3月",
        "作者:工会办公室",
        "收藏家协会成立大会",
        "以下是小编整理的工会工作计划5篇,仅供参考",
        "2",
        "2024 | 3 | 5",
        "1月23日下午2:30",  # a table's time cell
        "下午 14:30",
        "时间：3月8日 下午2:30",
    ],
)
def test_not_chrome_lines(line: str) -> None:
    assert not is_chrome_line(line)


def test_disclaimer_block_is_found_by_vocabulary() -> None:
    lines = [
        "三、工作措施",
        "1、加强组织领导。",
        "2、落实经费保障。",
        "",
        "1、本文档由用户上传,仅供学习交流使用",
        "2、本站仅提供信息存储空间,不拥有所有权",
        "3、下载的文档不支持在线预览",
        "4、如有侵权请联系网站删除",
        "5、建立考核制度。",
    ]
    out = drop_chrome(lines)
    assert out[:4] == lines[:4]
    assert out[4:8] == ["", "", "", ""]
    assert out[8] == "5、建立考核制度。"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            [
                "5、完成工作。",
                "【工会工作计划(精选3篇)】相关文章:",
                "1.企业工会年度工作计划",
                "",
                "2.工会工作总结范文",
            ],
            ["5、完成工作。", "", "", "", ""],
        ),
        (["猜你喜欢", "学校工会工作计划(通用5篇)", "社区工作方案"], ["", "", ""]),
        (["相关文章:", "二、工作目标", "加强学习。"], ["相关文章:", "二、工作目标", "加强学习。"]),
    ],
)
def test_related_article_lists(lines: list[str], expected: list[str]) -> None:
    assert drop_chrome(lines) == expected


def test_trailing_number_line_dropped_only_at_end() -> None:
    assert drop_chrome(["一、指导思想", "3", "二、目标", "12", ""]) == [
        "一、指导思想",
        "3",
        "二、目标",
        "",
        "",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("加强学习……此处隐藏1234个字……", "加强学习"),
        ("……此处隐藏:2345字……", ""),
        ("隐藏的问题要及时发现。", "隐藏的问题要及时发现。"),
    ],
)
def test_hidden_marks(line: str, expected: str) -> None:
    assert remove_hidden_marks(line) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([LONG, "用,特制定本计划。"], [LONG + "用,特制定本计划。", ""]),
        ([LONG, LONG, "用。"], [LONG + LONG + "用。", "", ""]),
        (["三月份", "召开工会委员会议。"], ["三月份", "召开工会委员会议。"]),
        (["一、指导思想", "坚持以职工为中心。"], ["一、指导思想", "坚持以职工为中心。"]),
        ([LONG + "。", "用,特制定本计划。"], [LONG + "。", "用,特制定本计划。"]),
        ([LONG, "二、工作目标"], [LONG, "二、工作目标"]),
        ([LONG, "1、召开职代会"], [LONG, "1、召开职代会"]),
        ([LONG, ""], [LONG, ""]),
        (
            ["关于进一步加强基层工会组织建设和规范化管理的年度工作计划", "为了落实上级要求。"],
            ["关于进一步加强基层工会组织建设和规范化管理的年度工作计划", "为了落实上级要求。"],
        ),
        (
            ["二、强化两个建设努力推动工会工作创新和基层组织规范化建设", "各级工会要认真落实。"],
            ["二、强化两个建设努力推动工会工作创新和基层组织规范化建设", "各级工会要认真落实。"],
        ),
    ],
)
def test_rejoin_broken_lines(lines: list[str], expected: list[str]) -> None:
    assert rejoin_broken_lines(lines) == expected


def test_normalize_text_pipeline() -> None:
    text = "首页 > 范文 > 计划\r\n\u3000\u3000一、指导思想\r\n\u00a0\u00a0\r\n計(jì)劃要落實。\r\n7"
    assert normalize_text(text) == ["", "一、指导思想", "", "計劃要落實。", ""]


def test_split_lines_counts_every_terminator() -> None:
    assert len(split_lines("a\r\nb\rc\nd\u2028e")) == 5


@pytest.mark.parametrize(
    ("lines", "traditional", "simplified"),
    [
        (["工會工作計劃", "", "一、指導思想"], True, ["工会工作计划", "", "一、指导思想"]),
        (["工会工作计划", "一、指导思想"], False, ["工会工作计划", "一、指导思想"]),
    ],
)
def test_traditional_to_simplified(lines: list[str], traditional: bool, simplified: list[str]) -> None:
    assert is_traditional(lines) is traditional
    assert to_simplified(lines) == simplified


_LINE_CHARS = st.sampled_from(
    list(
        "工会计划一二三、。,:()（）>首页 \u00a0\u3000\u200b\t\r\n1234567890jìhuà本文档由用户上传此处隐藏个字"
    )
)


@settings(max_examples=150, deadline=None)
@given(st.text(_LINE_CHARS, max_size=200))
def test_line_count_preserved_and_idempotent(text: str) -> None:
    lines = split_lines(text)
    once = normalize_lines(lines)
    assert len(once) == len(lines)
    assert normalize_lines(once) == once


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.characters(codec="utf-8"), max_size=60), max_size=12))
def test_line_count_preserved_any_text(lines: list[str]) -> None:
    flat = [line for text in lines for line in split_lines(text)]
    once = normalize_lines(flat)
    assert len(once) == len(flat)
    assert normalize_lines(once) == once
    assert len(to_simplified(once)) == len(once)


@pytest.mark.slow
def test_normalisation_speed_5mb() -> None:
    import time

    block = (
        "首页 > 范文 > 计划\n\u3000\u3000一、指导思想\n計(jì)劃要落實。\n"
        + LONG
        + "\n用,特制定本计划。\n"
        + "坚持以职工为中心," * 20
        + "\n"
    )
    text = block * (5_000_000 // len(block.encode()) + 1)
    start = time.perf_counter()
    lines = normalize_text(text)
    elapsed = time.perf_counter() - start
    assert len(lines) == len(split_lines(text))
    assert elapsed < 2.0  # about 0.3 s on one core; generous for a shared CI machine


def test_rejoin_wide_hard_wrapped_text() -> None:
    """Text pasted from a PDF at 25–40 characters a line: a month item wrapped after its colon, a
    line ending in a comma or a closing quote, all rejoin; the next item does not."""
    prose = "坚持以职工为中心的工作导向，团结动员广大职工建功立业，切实维护职工合法权益，推动工会工作高质量发展，为全面完成年度目标任务贡献力量。"
    wrapped = [prose[k:k + 25] for k in range(0, len(prose), 25)] * 3
    lines = [*wrapped, "1月份：庆祝第六个“中国人民警察节”，召开局机关工", "会委员会议，部署全年工作。",
             "4月份：组织民警辅警春季健步走；启动“最美鹤岭警察”", "评选。", "5月份：举办射击、擒敌技术比武。"]
    out = [line for line in rejoin_broken_lines(lines) if line]
    assert out[-3:] == ["1月份：庆祝第六个“中国人民警察节”，召开局机关工会委员会议，部署全年工作。",
                        "4月份：组织民警辅警春季健步走；启动“最美鹤岭警察”评选。", "5月份：举办射击、擒敌技术比武。"]


def test_ordinary_long_lines_are_no_wrap() -> None:
    """Long lines of about one length that end their sentences are no wrap: a month item without
    a full stop keeps the unnumbered line under it apart."""
    items = [f"{m}月份：组织全体职工参加劳动技能竞赛和岗位练兵活动第{m}轮。" for m in range(1, 10)]
    lines = [*items, "3月份：组织全体职工参加全省职工技能大赛初赛选拔活动安排", "召开女职工座谈会。"]
    assert rejoin_broken_lines(lines) == lines


def test_label_lines_of_one_length_are_no_wrap() -> None:
    """Blocks of label lines (责任人：… of about one length, then a blank line and the next block)
    do not run on: they are not a hard wrap and stay apart."""
    block = ["活动{}：新春送温暖活动", "时间：春节前（2月上旬）", "内容：走访慰问辖区困难职工。", "责任人：工联会主席 沈秀兰", ""]
    lines = [line.format(k) if "{}" in line else line for k in "一二三四五六七八" for line in block]
    assert rejoin_broken_lines(lines) == lines


def test_tab_table_rows_keep_an_empty_first_cell_and_stay_apart() -> None:
    lines = normalize_text("周次\t日期\t工作内容\t负责人\n第1周\t3月2日-3月6日\t召开学校第七届教职工代表大会第二次会议\t郑秀梅\n"
                           "\t3月2日-3月6日\t开展元宵节教职工猜灯谜活动\t林晓\n暑假\t7月4日-8月31日\t组织教职工暑期疗休养\t工会")
    assert lines == ["周次 | 日期 | 工作内容 | 负责人", "第1周 | 3月2日-3月6日 | 召开学校第七届教职工代表大会第二次会议 | 郑秀梅",
                     "| 3月2日-3月6日 | 开展元宵节教职工猜灯谜活动 | 林晓", "暑假 | 7月4日-8月31日 | 组织教职工暑期疗休养 | 工会"]

