"""Compiled regular expressions used by segmentation and keyword filtering."""

from __future__ import annotations

import re

# A month numeral: 1–12 in Arabic or Chinese digits (十二 before 十 so the longest wins).
_MONTH_NUM = r"(?:十[一二]|十|[一二三四五六七八九]|1[0-2]|0?[1-9])"
# Separators between the two ends of a month range: dashes of any width, tildes, 至/到, 、 and commas.
_RANGE_SEP = r"\s*(?:—{1,2}|–|－|-{1,2}|~|～|〜|至|到|、|，|,)\s*"

# A month range written as one expression: 七——八月份, 7-8月, 三、四月份, 9月至10月, 11月—12月份.
# The segmenter emits a match as a single token so that it is never split into 七 / —— / 八月份.
TIME_RANGE = re.compile(rf"{_MONTH_NUM}(?:月份?)?{_RANGE_SEP}{_MONTH_NUM}月份?")

# Template placeholders left in the text: runs of underscores (20__年, __任组长), x/X/×/* runs
# standing alone or glued to Chinese (XX年, xx大, __X管理, ××省, **人), and [X]-style brackets.
PLACEHOLDER = re.compile(
    r"[_＿]+"  # underscores, ASCII or full-width
    r"|(?<![A-Za-z])[xX]{1,4}(?![A-Za-z])"  # x / XX / xxx not inside an English word
    r"|[×✕＊*]+"  # multiplication signs and asterisks
)

# Either protected kind, in one pass: named groups tell which one matched.
PROTECTED = re.compile(rf"(?P<time>{TIME_RANGE.pattern})|(?P<placeholder>{PLACEHOLDER.pattern})")

# A content token is made only of CJK unified ideographs (no digits, Latin, punctuation, blanks).
CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")

# Numeral tokens and calendar words, which carry no topic: 一千, 两个, 三次, 十二月份, 三月, 二十日,
# 第一周, 第三季度. Matched against a whole token.
NUMERAL_WORD = re.compile(
    r"第?[零〇○一二两三四五六七八九十百千万]+"
    r"(?:月份?|日|号|年|周|天|次|个|名|项|条|期|届|季度|学期|人次|篇|点|时|分)?"
)

# Any CJK ideograph (used to measure passage lengths).
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
