"""Reading-stage fast paths (second round) equal the plain rules they replace, kept here as oracles:
literal-led pinyin scans, the grouped chrome hint, the split furniture rule, the printable-text test
before the whitespace scan, the candidate lines of the table and rejoin steps, and the file read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import ReadError
from analyzer.ingest import _read_bytes, _read_bytes_checked
from analyzer.ingest import patterns as P
from analyzer.ingest.decode import _is_scored_common, _score_by_loop
from analyzer.ingest.vtable import _MAX_HEADER_WORD, _header_at, _rows_after, join_vertical_tables
from analyzer.ingest.wholetext import scan_lines, scan_lines_any

_FAST = settings(max_examples=300, deadline=None)

# The chrome hint as first written: every fragment of every hint, one plain alternation.
_CHROME_HINT_ORACLE = re.compile("|".join(P._CHROME_HINTS))

_WORDS = [*P._top_level_alternatives("|".join(P._CHROME_HINTS)), "下", "上", "本", "文", "网", "—", "|", "．"]
_PIECES = [*"(（ )）jìhuàaZü工会计划一、，。 \u3000\u00a0\t\u200b\x07-—=_*·~.|｜>", "  ", "docx", "5页", "摘要：本文",
           "关键词：a；b；c", "计划.doc 3页", "-----", "某网 - 计划", "温馨提示：", "版权所有©"]
_TEXT = st.lists(st.one_of(st.sampled_from([w for w in _WORDS if "[" not in w and "(" not in w]),
                           st.sampled_from(_PIECES)), max_size=10).map("".join)
_LINES = st.lists(_TEXT, max_size=10)


def _per_line(pattern: re.Pattern[str], lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if pattern.search(line)]


@_FAST
@given(_LINES)
def test_pinyin_hint_halves_find_the_lines_of_the_hint(lines: list[str]) -> None:
    found = scan_lines_any(P.PINYIN_HINTS, lines)
    assert found == (None if any("\n" in line for line in lines) or not lines else _per_line(P.PINYIN_HINT, lines))


@_FAST
@given(_LINES)
def test_scan_lines_finds_each_line_once(lines: list[str]) -> None:
    for pattern in (P.CHROME_HINT, P.PINYIN_HINT, P.FULLWIDTH_ALNUM, re.compile(r"\|")):
        found = scan_lines(pattern, lines)
        assert found is None or found == _per_line(pattern, lines)


@_FAST
@given(_LINES, st.integers(0, 4))
def test_scan_lines_from_a_column_equals_searching_each_line_from_it(lines: list[str], skip: int) -> None:
    for pattern in (P.CHROME_HINT, P.PINYIN_HINT, re.compile(r"\|"), re.compile("[工会]"), re.compile(" ")):
        found = scan_lines(pattern, lines, skip)
        assert found is None or found == [i for i, line in enumerate(lines) if pattern.search(line, skip)]


@_FAST
@given(_TEXT)
def test_grouped_chrome_hint_matches_the_same_lines(line: str) -> None:
    assert bool(P.CHROME_HINT.search(line)) == bool(_CHROME_HINT_ORACLE.search(line))


@pytest.mark.parametrize("word", [*P._top_level_alternatives("|".join(P._CHROME_HINTS)), "下", "网 -", "-----"])
def test_grouped_chrome_hint_finds_every_fragment(word: str) -> None:
    sample = re.sub(r"\\(.)", r"\1", word)  # a literal fragment as text (a pattern fragment stays a pattern)
    assert bool(P.CHROME_HINT.search(sample)) == bool(_CHROME_HINT_ORACLE.search(sample))


@_FAST
@given(_TEXT)
def test_furniture_halves_equal_the_rule(line: str) -> None:
    halves = P.FURNITURE_LINE.match(line) or P.FURNITURE_ANYWHERE.search(line)
    assert bool(halves) == bool(P.FURNITURE.search(line))


@_FAST
@given(_TEXT)
def test_whitespace_work_needs_an_unprintable_character_or_two_spaces(line: str) -> None:
    if P.WS_SPECIAL.search(line):
        assert not line.isprintable() or "  " in line


def _join_vertical_tables_oracle(lines: list[str]) -> list[str]:
    """join_vertical_tables trying a header at every line."""
    out = list(lines)
    i = 0
    while i < len(lines):
        header = _header_at(lines, i)
        if header is None:
            i += 1
            continue
        rows = _rows_after(lines, header)
        if len(rows) < 2:
            i = header[-1] + 1
            continue
        for group in (header, *rows):
            out[group[0]] = " | ".join(lines[k].strip() for k in group)
            for k in group[1:]:
                out[k] = ""
        i = rows[-1][-1] + 1
    return out


_TABLE_PIECES = ["序号", " 序号 ", "工作内容", "时间", "月份", "主要活动", "责任部门", "内容", "1", "2", " 3 ", "3月",
                 "召开职代会", "办公室", "", " ", "一、指导思想", "以人为本。", "全年", "每月", "工作内容 ", "备注"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TABLE_PIECES), max_size=30))
def test_tables_are_found_from_the_short_lines_only(lines: list[str]) -> None:
    assert join_vertical_tables(lines) == _join_vertical_tables_oracle(lines)
    assert all(len(name) <= _MAX_HEADER_WORD for name in P.TABLE_HEADER_CELL.pattern[4:-2].split("|"))


def test_reading_a_file_equals_the_checked_path(tmp_path: Path) -> None:
    text = tmp_path / "计划.txt"
    text.write_bytes("一、指导思想".encode())
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    for path, limit in ((text, 1 << 20), (empty, 1 << 20), (tmp_path, 1 << 20), (text, 4),
                        (tmp_path / "不存在.txt", 1 << 20)):
        assert _outcome(_read_bytes, path, limit) == _outcome(_read_bytes_checked, path, limit)
    assert _read_bytes(text, 1 << 20) == "一、指导思想".encode()


def _outcome(read, path: Path, limit: int) -> bytes | str:
    try:
        return read(path, limit)
    except ReadError as exc:
        return f"{type(exc).__name__}: {exc}"


def _score_by_loop_oracle(text: str, label: str) -> float:
    """score_cjk one character at a time (the definition)."""
    common = total = 0
    for ch in text:
        if ch < "\u0080" or ch.isspace():
            continue
        total += 1
        common += _is_scored_common(ch, label)
    return common / total if total else 1.0


@_FAST
@given(st.text(st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                         st.sampled_from(list("工會計劃—·“”　，。ａ\ue000\ufffd \n\t1a")), st.characters()), max_size=60),
       st.sampled_from(["gb18030", "big5"]))
def test_scoring_distinct_characters_equals_scoring_each(text: str, label: str) -> None:
    assert _score_by_loop(text, label) == _score_by_loop_oracle(text, label)


@_FAST
@given(_TEXT)
def test_a_line_with_bars_and_no_chrome_word_can_only_be_a_navigation_bar(line: str) -> None:
    if P.CHROME_WORD_HINT.search(line) is None:
        for pattern in (P.BREADCRUMB, P.SUBMIT_LINE, P.AUTHOR_CLICKS, P.UPLOAD_META, P.READ_PAGES, P.CREDIT_LINE,
                        P.PREV_NEXT, P.BUTTON_LINE, P.FURNITURE, P.DISCLAIMER_STRONG, P.RELATED_HEADER):
            if pattern is P.BUTTON_LINE and P.DIGITS_ONLY.match(line):
                continue  # (is_chrome_line refuses a digits-only line first)
            assert not (pattern.match(line) if pattern in (P.BREADCRUMB, P.CREDIT_LINE, P.PREV_NEXT, P.BUTTON_LINE)
                        else pattern.search(line)), pattern.pattern[:30]
