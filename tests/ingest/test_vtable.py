"""Tables flattened to one cell per line: joined back into pipe rows, line numbers kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest.vtable import join_vertical_tables

TIME_THIRD = ["六、重点工作安排表", "序号", "工作内容", "时间", "责任处室",
              "1", "召开全委（扩大）会议", "2月下旬", "办公室",
              "2", "走访慰问困难教职工", "1—2月", "权益保障部",
              "", "抄送：省教育工会。"]


def test_time_in_the_third_column() -> None:
    out = join_vertical_tables(TIME_THIRD)
    assert len(out) == len(TIME_THIRD)
    assert out[1] == "序号 | 工作内容 | 时间 | 责任处室"
    assert out[5] == "1 | 召开全委（扩大）会议 | 2月下旬 | 办公室"
    assert out[9] == "2 | 走访慰问困难教职工 | 1—2月 | 权益保障部"
    assert out[6:9] == ["", "", ""] and out[14] == "抄送：省教育工会。"


def test_table_ends_at_the_first_group_that_is_not_a_row() -> None:
    lines = ["月份", "主要活动", "责任部门", "1月", "召开职代会", "办公室", "2月", "元宵猜灯谜", "文体委",
             "五、保障措施", "加强组织领导，明确责任分工。", "落实经费保障。"]
    out = join_vertical_tables(lines)
    assert out[3] == "1月 | 召开职代会 | 办公室" and out[6] == "2月 | 元宵猜灯谜 | 文体委"
    assert out[9:] == lines[9:]


def test_no_table_without_two_rows_or_a_content_column() -> None:
    one_row = ["月份", "主要活动", "责任部门", "1月", "召开职代会", "办公室", "二、工作措施"]
    assert join_vertical_tables(one_row) == one_row
    no_content = ["月份", "时间", "备注", "1月", "1日", "无", "2月", "3日", "无"]
    assert join_vertical_tables(no_content) == no_content


def test_bad_row_number_stops_the_table() -> None:
    lines = ["序号", "工作内容", "时间", "1", "召开职代会", "3月", "2", "开展慰问", "春节前", "说明", "本表由办公室解释", "全年"]
    out = join_vertical_tables(lines)
    assert out[3] == "1 | 召开职代会 | 3月" and out[6] == "2 | 开展慰问 | 春节前" and out[9:] == lines[9:]


_PIECES = ["序号", "工作内容", "时间", "月份", "主要活动", "责任部门", "1", "2", "3月", "召开职代会", "办公室",
           "", "一、指导思想", "以人为本。", "全年", "每月"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_line_count_kept_and_text_only_moved(lines: list[str]) -> None:
    out = join_vertical_tables(lines)
    assert len(out) == len(lines)
    cells = [c for line in out for c in line.split(" | ") if c]
    assert sorted(cells) == sorted(line.strip() for line in lines if line.strip())


def test_five_columns_with_a_label_column_and_slash_owner() -> None:
    lines = ["序号", "项目", "具体内容", "完成时间", "责任人", "1", "职代会", "召开职工代表大会", "2月下旬", "周海峰",
             "2", "女职工活动", "举办插花沙龙", "3月上旬", "/"]
    out = join_vertical_tables(lines)
    assert out[0] == "序号 | 项目 | 具体内容 | 完成时间 | 责任人"
    assert out[5] == "1 | 职代会 | 召开职工代表大会 | 2月下旬 | 周海峰" and out[10].endswith("| 3月上旬 | /")


def test_a_line_starting_with_a_closing_quote_continues_the_broken_line() -> None:
    from analyzer.ingest.normalize import rejoin_broken_lines

    lines = ["1月：召开工会委员（扩大）会议，部署全年工作；开展“两节", "”送温暖活动，走访慰问困难职工。", "2月：开展慰问。"]
    assert rejoin_broken_lines(lines) == ["1月：召开工会委员（扩大）会议，部署全年工作；开展“两节”送温暖活动，走访慰问困难职工。",
                                          "", "2月：开展慰问。"]


def test_the_length_shortcut_matches_the_header_vocabulary() -> None:
    import re

    from analyzer.ingest import patterns as P
    from analyzer.ingest.vtable import _MAX_HEADER_WORD

    words = re.findall(r"[\u4e00-\u9fff]+", P.TABLE_HEADER_CELL.pattern)
    assert max(map(len, words)) == _MAX_HEADER_WORD
