"""Fast paths of the reading stage equal their straightforward definitions (kept here as oracles).

Whole-text regex passes, prefilters and lookup tables replace per-line and per-character Python
loops; each test below generates inputs from an alphabet rich in the characters and words the
patterns look for, and compares the fast function with the plain definition it replaced.
"""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest import patterns as P
from analyzer.ingest.cleanup import (
    drop_fused_page_number,
    drop_fused_page_numbers_lines,
    drop_stray_marks,
    drop_stray_marks_lines,
    join_spaced_letters,
    join_spaced_letters_lines,
    normalize_whitespace,
    normalize_whitespace_lines,
    remove_hidden_marks,
    remove_hidden_marks_lines,
    remove_pinyin,
    remove_pinyin_lines,
)
from analyzer.ingest.decode import (
    _is_common,
    _is_scored_common,
    _looks_binary,
    _printable_share,
    _score_by_table,
    common_chars,
    score_cjk,
)
from analyzer.ingest.normalize import (
    _CHROME_MAX_LEN,
    _CLOSERS,
    _DISCLAIMER_MAX_LEN,
    _JOIN_MIN_LEN,
    _OPENERS,
    _WRAP_GAP,
    _continues,
    _ends_mid_clause,
    _fills_run_on,
    _stable_join,
    drop_chrome,
    is_chrome_line,
    rejoin_broken_lines,
    split_lines,
    wrap_width,
)
from analyzer.ingest.script import traditional_share
from analyzer.ingest.wholetext import joined, lines_matching

_CHROME_PATTERNS = (
    P.BREADCRUMB, P.SUBMIT_LINE, P.AUTHOR_CLICKS, P.UPLOAD_META, P.READ_PAGES, P.CREDIT_LINE,
    P.BUTTON_LINE, P.FURNITURE, P.NAV_BAR, P.NAV_WORDS, P.DISCLAIMER_STRONG, P.RELATED_HEADER, P.PREV_NEXT,
)
# Every literal word of the chrome patterns, so generated lines often (nearly) match one of them.
_WORDS = sorted(
    {w for pat in _CHROME_PATTERNS for w in re.findall(r"[\u4e00-\u9fffA-Za-z©]+", pat.pattern)}
    | {"本文档由用户上传", "已阅读5页,还剩12页未读", "上传人:张 页数:3 大小:1KB", "计划.docx 3页"}
)
_SPECIALS = [
    *" \u00a0\u3000\u200b\ufeff\t\x07\x1b\x85|｜>＞»›/:：·-—=_*~….,，。;；!?()（）【】“”",
    *"0123456789jìhuàǎü一二三四五六七八九十、工会计划職會計劃這個們为",
    "  ", "\u3000\u3000", "……此处隐藏123个字……", "-----", "计(jì)划", "计 （ jì huà ）", "(ji4)", "工 作 目 标", "网 - ", "a\tb", "a \u3000b",
]
_LINE = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(_SPECIALS)), max_size=12).map("".join)
_LINES = st.lists(st.one_of(st.just(""), _LINE), max_size=14)
_FAST = settings(max_examples=150, deadline=None)


def _chrome_oracle(line: str) -> bool:
    """is_chrome_line without its prefilter."""
    if not line or len(line) > _CHROME_MAX_LEN or P.DIGITS_ONLY.match(line):
        return False
    return bool(
        P.BREADCRUMB.match(line) or P.SUBMIT_LINE.search(line) or P.AUTHOR_CLICKS.search(line)
        or P.UPLOAD_META.search(line) or P.READ_PAGES.search(line) or P.CREDIT_LINE.match(line)
        or P.PREV_NEXT.match(line) or P.CHAT_LINE.match(line) or P.BUTTON_LINE.match(line)
        or P.FURNITURE.search(line)
        or (P.NAV_BAR.match(line) is not None and len(P.NAV_WORDS.findall(line)) >= 2)
    )


def _drop_chrome_oracle(lines: list[str]) -> list[str]:
    """drop_chrome as one regex call per line and pattern."""
    out = ["" if _chrome_oracle(line) else line for line in lines]
    strong = [i for i, line in enumerate(out)
              if line and len(line) <= _CHROME_MAX_LEN and P.DISCLAIMER_STRONG.search(line)]
    for i in strong:
        out[i] = ""
    for i in strong:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(out) and out[j] and len(out[j]) <= _DISCLAIMER_MAX_LEN \
                    and P.DISCLAIMER_WEAK.search(out[j]):
                out[j] = ""
                j += step
    for i, line in enumerate(out):
        if not line or len(line) > _CHROME_MAX_LEN or not P.RELATED_HEADER.search(line):
            continue
        j = i + 1
        while j < len(out) and (not out[j] or P.RELATED_ITEM.match(out[j])):
            j += 1
        if any(out[i + 1 : j]):
            out[i:j] = [""] * (j - i)
    filled = [i for i in range(len(out) - 1, -1, -1) if out[i]][:2]
    if filled and P.DIGITS_ONLY.match(out[filled[0]]) and len(out[filled[0]]) <= 4:
        if len(filled) == 1 or not P.DIGITS_ONLY.match(out[filled[1]]):
            out[filled[0]] = ""
    return out


@_FAST
@given(_LINE)
def test_chrome_hint_is_necessary(line: str) -> None:
    assert is_chrome_line(line) == _chrome_oracle(line)
    if any(p.search(line) for p in (P.DISCLAIMER_STRONG, P.RELATED_HEADER)) or _chrome_oracle(line):
        assert P.CHROME_HINT.search(line)


@pytest.mark.parametrize(
    "line",
    [
        "首页 > 范文 > 计划", "您现在的位置:首页", "范文 » 计划 » 工会", "我要投稿", "投稿邮箱:a@b.cn",
        "发布时间:2023-01-01 来源:本站", "更新时间:2023 作者:张", "作者:张 点击:3", "来源:网 浏览次数:3",
        "编辑:王 阅读:3", "发布者:李 人气:5", "上传人:x 页数:3", "贡献者:x 下载", "页数:3 大小:1KB",
        "已阅读5页,还剩12页未读", "本文由范文网整理", "本篇由网友提供", "此文由某某发布", "文章由某某收集",
        "下载", "加入收藏", "分享到", "打印本文", "举报", "点赞", "复制", "微信 微博", "QQ空间", "朋友圈",
        "全文阅读", "阅读全文", "下载积分", "积分 立即下载", "下载文档到电脑", "还剩12页未读", "点此继续阅读",
        "继续阅读>>", "温馨提示:", "热门搜索:工会", "Copyright 2020", "All Rights Reserved", "© 2020",
        "京ICP备123号", "客服电话 400", "版权所有:某站", "摘要:本文介绍", "关键词:工会;计划;总结",
        "工会计划.docx 3页", "-----", "=====", "~~~~~", "范文网 - 工作计划", "某某文库 | 计划", "某资料站—计划",
        "首页 | 登录 | 注册", "帮助｜客服｜投稿", "上一篇：仓储部年度工作计划", "下一篇:车队计划", "上一页：x",
        "下一页：x", "上一条：x", "下一条：x", "上篇：x", "下篇：x",
        "本文档由用户上传", "本文档由张三上传", "用户上传的文档", "本站仅提供信息存储空间", "仅提供信息存储",
        "不拥有所有权", "不承担相关法律责任", "如有侵权", "侵权请联系", "涉嫌侵权", "版权归原作者", "版权归作者",
        "本站所有资源", "本站不保证", "本站不对", "下载前请", "下载后无法", "付费下载", "付费后", "文档预览",
        "预览部分", "不提供预览", "仅展示部分", "虚拟产品", "不支持退款", "一经售出",
        "相关文章:", "相关阅读", "相关推荐", "相关范文", "相关文档", "相关资料", "猜你喜欢", "推荐阅读",
        "延伸阅读", "热门文章", "热门推荐", "精品推荐",
    ],
)
def test_chrome_hint_covers_every_alternative(line: str) -> None:
    assert _chrome_oracle(line) or P.DISCLAIMER_STRONG.search(line) or P.RELATED_HEADER.search(line)
    assert P.CHROME_HINT.search(line)
    assert is_chrome_line(line) == _chrome_oracle(line)  # the per-pattern prefilters too


@_FAST
@given(_LINES)
def test_drop_chrome_equals_per_line_definition(lines: list[str]) -> None:
    assert drop_chrome(lines) == _drop_chrome_oracle(lines)


@pytest.mark.parametrize(
    ("fast", "slow"),
    [
        (remove_pinyin_lines, remove_pinyin),
        (normalize_whitespace_lines, normalize_whitespace),
        (join_spaced_letters_lines, join_spaced_letters),
        (remove_hidden_marks_lines, remove_hidden_marks),
        (drop_fused_page_numbers_lines, drop_fused_page_number),
        (drop_stray_marks_lines, drop_stray_marks),
    ],
)
@settings(max_examples=100, deadline=None)
@given(lines=_LINES)
def test_whole_text_steps_equal_per_line_steps(fast, slow, lines: list[str]) -> None:
    assert fast(lines) == [slow(line) for line in lines]
    with_newline = [*lines, "a\nb"]  # a line holding "\n" takes the per-line route
    assert fast(with_newline) == [slow(line) for line in with_newline]


@pytest.mark.parametrize(
    ("fast", "slow"),
    [
        (remove_pinyin_lines, remove_pinyin),
        (normalize_whitespace_lines, normalize_whitespace),
        (join_spaced_letters_lines, join_spaced_letters),
        (remove_hidden_marks_lines, remove_hidden_marks),
        (drop_fused_page_numbers_lines, drop_fused_page_number),
        (drop_stray_marks_lines, drop_stray_marks),
    ],
)
@pytest.mark.parametrize(
    "line",
    ["计划( jì huà )书", "计 （ jì huà ）书", "計(ji4)劃", "3月\t召开职代会\t工会", "3月 \u3000召开 \u00a0工会",
     "一、  指导思想", "\u3000\u3000一、指导思想", "工\u200b会", "计划\x07书", "工 作 目 标", "1 2 3",
     "加强学习……此处隐藏1234个字……", "一、指导思想", "组织篮.球赛，指战'员参加。", "一.指导思想，学习。",
     "加强学习.每月一次,由工会负责."],
)
def test_whole_text_steps_on_single_lines(fast, slow, line: str) -> None:
    assert fast([line]) == [slow(line)]


@_FAST
@given(st.text(st.sampled_from(list("a工 \r\n\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\t")), max_size=30))
def test_split_lines_equals_line_break_split(text: str) -> None:
    assert split_lines(text) == P.LINE_BREAK.split(text)


@_FAST
@given(_LINES, st.sampled_from([P.CHROME_HINT, P.GAP_HINT, P.WS_SPECIAL, P.PINYIN_HINT]))
def test_lines_matching_equals_per_line_search(lines: list[str], pattern: re.Pattern[str]) -> None:
    assert lines_matching(pattern, lines) == [i for i, line in enumerate(lines) if pattern.search(line)]
    assert joined(lines) == ("\n".join(lines) if lines and not any("\n" in line for line in lines) else None)


def _wrap_width_oracle(lines: list[str]) -> int | None:
    lengths = [len(line) for line in lines if len(line) >= 12]
    if len(lengths) < 6:
        return None
    width = max(set(lengths), key=lengths.count)
    near = sum(1 for n in lengths if abs(n - width) <= 2)
    return width if near >= 0.35 * len(lengths) else None


def _rejoin_oracle(lines: list[str]) -> list[str]:
    """rejoin_broken_lines visiting every line."""
    out = list(lines)
    width = wrap_width(out)
    if width is not None and not _fills_run_on(out, width):
        width = None  # a width is a wrap only when most full lines run on into the next
    min_len, wrapped = (width - 2, True) if width is not None else (_JOIN_MIN_LEN, False)
    target = None
    for i, line in enumerate(out):
        if wrapped and target is not None and not line and i - target <= _WRAP_GAP:
            continue
        if target is not None and (_continues(line) or (line[:1] in _OPENERS and not P.NUMBERING_START.match(line))
                                   or line[:1] in _CLOSERS) \
                and _stable_join(out[target] + line):
            out[target] += line
            out[i] = ""
            if not _ends_mid_clause(line, min_len, wrapped=wrapped):
                target = None
            continue
        target = i if _ends_mid_clause(line, min_len, wrapped=wrapped) else None
    return out


_PARAGRAPH = st.lists(st.sampled_from([*"加强工会组织建设的意见。，、一二1", "(一)", "计划", "作用"]), min_size=40, max_size=300)


@_FAST
@given(_PARAGRAPH.map("".join), st.integers(10, 30), st.lists(st.sampled_from(["", "3", "一、目标"]), max_size=3))
def test_wrap_width_and_rejoin_on_wrapped_text(text: str, width: int, extra: list[str]) -> None:
    lines = [text[k : k + width] for k in range(0, len(text), width)]
    lines[len(lines) // 2 : len(lines) // 2] = extra
    assert wrap_width(lines) == _wrap_width_oracle(lines)
    assert rejoin_broken_lines(lines) == _rejoin_oracle(lines)


@_FAST
@given(_LINES)
def test_rejoin_equals_visiting_every_line(lines: list[str]) -> None:
    assert rejoin_broken_lines(lines) == _rejoin_oracle(lines)


@functools.lru_cache(maxsize=2)
def _table(label: str) -> re.Pattern[str]:
    return common_chars(label)


def _traditional_share_oracle(text: str) -> float:
    hanzi = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    if not hanzi:
        return 0.0
    return (len(hanzi) - len(hanzi.encode("gb2312", errors="ignore").decode("gb2312"))) / len(hanzi)


def _score_oracle(text: str, label: str) -> float:
    common = total = 0
    for ch in text:
        if ch < "\u0080" or ch.isspace():
            continue
        total += 1
        if "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e" or ch in "“”‘’—…·":
            common += 1
        elif "\u4e00" <= ch <= "\u9fff" and _is_common(ch, label):
            common += 1
    return common / total if total else 1.0


_ANY_TEXT = st.text(
    st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from(list("\\u00工會計劃—·“”　，。ａ\ue000\ufffd \n\t1a")),
        st.characters(),
    ),
    max_size=60,
)


@_FAST
@given(_ANY_TEXT)
def test_character_counts_equal_per_character_loops(text: str) -> None:
    assert traditional_share(text) == _traditional_share_oracle(text)
    for label in ("gb18030", "big5"):
        assert score_cjk(text, label) == _score_oracle(text, label)
        assert _score_by_table(text, _table(label)) == _score_oracle(text, label)
    good = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t")
    assert _printable_share(text) == (good / len(text) if text else 0.0)


@_FAST
@given(st.binary(max_size=80))
def test_binary_control_count(data: bytes) -> None:
    controls = sum(data.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13, 27))
    assert _looks_binary(data) == (bool(data) and controls > max(2, len(data) * 0.02))


@_FAST
@given(st.sets(st.characters(), max_size=40), st.text(max_size=40))
def test_char_runs_matches_exactly_its_characters(chars: set[str], text: str) -> None:
    pattern = P.char_runs(chars)
    assert "".join(pattern.findall(text)) == "".join(ch for ch in text if ch in chars)


@pytest.mark.parametrize("label", ["gb18030", "big5"])
def test_common_chars_table_equals_definition(label: str) -> None:
    candidates = [*map(chr, range(0x3000, 0x3040)), *map(chr, range(0xFF01, 0xFF5F)), *"“”‘’—…·"]
    candidates += map(chr, range(0x4E00, 0xA000))
    expected = "".join(ch for ch in candidates if _is_scored_common(ch, label))
    assert "".join(common_chars(label).findall("".join(candidates))) == expected
