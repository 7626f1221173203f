"""Regular expressions of the audit room: template placeholders and censored blanks."""

from __future__ import annotations

import re

_CJK = r"\u4e00-\u9fff"

# The characters a PLACEHOLDER match starts with (the first of each alternative below).
_PLACEHOLDER_FIRST = r"12_＿XxＸｘZzYyＹ×✕○〇*＊\[【［（(“《某"
# Template residue left unfilled. Each alternative is one kind of placeholder:
PLACEHOLDER = re.compile(
    # The lookahead changes no match: it lets the engine skip every other position at once.
    f"(?=[{_PLACEHOLDER_FIRST}])(?:"
    + "|".join(
        (
            # XXXXXXXXXXX / XXXX-XXXXXXXX: a phone or ID number left to fill (a run of four X or more)
            r"(?<![A-Za-z0-9])[XxＸｘ]{4,}(?:[-－][XxＸｘ]{2,})*(?![A-Za-z0-9])",
            # 20__年 / 20___X / __X / 以_为指导 / __任组长: runs of underscores (ASCII or full-width)
            r"(?:(?:19|20)[0-9]?)?[_＿]{1,8}[XxＸｘ]?",
            # 20XX年 / 20xx / 202X / XX年 / xx年 / xxx工会 / X公司 / 每月X日 / xx大 / zz同志
            rf"(?<![A-Za-z0-9+\-])(?:(?:19|20)[0-9]?)?(?:[XxＸｘ]{{1,4}}|[Zz]{{2,3}}|[YyＹ]{{2,3}})(?![A-Za-z0-9])(?=[{_CJK}])",
            r"(?<![A-Za-z0-9+\-])(?:19|20)[0-9]?(?:[XxＸｘ]{1,3})(?![A-Za-z0-9])",
            rf"(?<=[{_CJK}])(?:[XxＸｘ]{{1,4}}|[Zz]{{2,3}})(?![A-Za-z0-9])",
            # ××省 / ○○学校 / **人 / ＊＊
            r"[×✕]{1,4}|[○〇]{2,4}(?=[" + _CJK + r"])|[*＊]{2,4}",
            # [单位名称] 【学校名称】 [X] （填写…）
            r"[\[【［](?:[XxＸｘ]|[^\]】］]{0,10}(?:名称|名字|姓名|单位|学校|日期|时间|填写|某)[^\]】］]{0,6})[\]】］]",
            # （单位名称） (学校名称): a name to fill in ordinary brackets
            r"[（(](?:单位|学校|公司|企业|社区|部门|姓名)?名称[）)]|[（(](?:单位|姓名|学校)[）)]",
            # empty quotation marks / brackets left by censoring: “”重要思想, 《》
            r"“\s*”|《\s*》",
            # 某某同志 / 某某单位: a doubled 某 stands for a name left to fill
            r"某某",
        )
    )
    + ")"
)
# Context characters kept around a placeholder in the quoted evidence (stops at punctuation).
EVIDENCE_CONTEXT = re.compile(rf"[{_CJK}A-Za-z0-9_＿×*“”‘’]")
# Things that look like placeholders but are not: 1+X 证书, X光, X射线, PPT, Excel cells …
NOT_PLACEHOLDER = re.compile(r"^(?:[XxＸ](?:光|射线|线|型|轴)|[Xx]{3,}[A-WYZa-wyz])")  # (XXXL: a size)
# Cheap prefilter: a line can hold a placeholder only if it has one of these characters or an
# empty “” / 《》 pair (every PLACEHOLDER alternative needs one of them). Written to open with one
# character class (“ and 《 count only when their closing mark follows), so the engine scans a
# whole plan for it at C speed and stops only where a trigger is.
PLACEHOLDER_TRIGGER = re.compile(r"[_＿XxＸｘZzYyＹ×✕○〇*＊\[【［某称“《](?:(?<=[^“《])|(?<=“)”|(?<=《)》)")
