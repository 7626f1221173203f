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

# --- Rule types (analyzer/audit/types_*.py) -------------------------------------------------------

# Template-site boilerplate left in a submitted plan: the site's editor (小编), disclaimers, "model
# essay" and download prompts, article counts and site furniture.
BOILERPLATE = re.compile(
    r"小编|仅供参考|供大家参考|欢迎(?:阅读|借鉴|下载|参考)|希望(?:对)?大家(?:喜欢|有所帮助)|范文|模板(?:下载|大全)"
    r"|(?:免费|点击|文档|word版?|全文)下载|下载(?:全文|文档|word)|[Ww]ord版|可编辑|本文(?:由|来源|转载)"
    r"|文章来源|版权(?:归|所有)|侵权(?:请)?(?:联系|删除)|更多(?:相关|精彩)(?:文章|内容)|相关(?:文章|推荐)"
)
# Leftovers of a compilation of downloaded plans: 精选篇1, 篇一, 【篇2】, 第3篇, 精选5篇, 5篇(实用), 通用N篇.
COMPILATION_LEFTOVER = re.compile(
    r"精选篇\s*[0-9一二三四五六七八九十]+|【?\s*篇\s*[0-9一二三四五六七八九十]+\s*】?(?![章幅])"
    r"|(?:精选|通用|汇编|合集|大全)\s*[0-9一二三四五六七八九十]+\s*篇|[0-9一二三四五六七八九十]+篇\s*[（(](?:实用|精选|通用|最新|必备)[）)]"
    r"|第\s*[0-9一二三四五六七八九十]+\s*篇(?=\s*$|[：:】\]])"
)
# Past-tense review sentences (what was done) that do not belong in the plan part of a document.
PAST_SENTENCE = re.compile(
    r"(?:圆满完成|顺利完成|取得了|开展了|组织了|举办了|召开了|完成了|获得了|实现了|建立了|慰问了|发放了|走访了"
    r"|一年来|过去的一年|去年以来|本年度共|今年以来|已经完成|已完成|已召开|已开展|已举办)"
)
# The whole of a line (a match to quote from when no narrower one is known).
ANY_TEXT = re.compile(r".*")
# A heading's title: short, no clause break, no sentence end (a longer line is an item of work).
HEADING_ONLY = re.compile(r"^[^，,；;。！!？?]{1,16}$")
# A school year named at a plan's top: 2025—2026学年, 2025-26学年.
SCHOOL_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*[-—–~至/]\s*(?:(?:19|20)?([0-9]{2}))\s*学年")
# Preparation or follow-up wording: an activity planned a month before (筹备) or after (总结) its season.
PREPARATION = re.compile(r"筹备|准备|拟定|制定|方案|部署|启动|动员|摸底|申报|总结|回顾|汇总|报送|验收|归档")
# An owner named in plain text (used to look for owners the extractor did not attach to a task).
OWNER_HINT = re.compile(r"负责|牵头|责任人|责任部门|责任单位|承办|主办|分管|具体落实")
# A section name written as a label at a line start or before a colon (for the 未能识别 search).
LABEL_START = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十0-9]{1,3}[、.．)）]\s*)?")
LABEL_COLON = re.compile(r"\s*(?:是)?\s*[:：]")

# --- Unit kinds (analyzer/audit/unitkind.py) ------------------------------------------------------

# Unit names. A union federation (区总工会, 县交通运输工会) audits with the general pack whatever else
# its name holds; otherwise the kind whose word ends last wins (the head noun of a Chinese name is
# its last word: 城关镇环卫所 is an institution, 西湖镇中心中学 a school), ties in this order.
KIND_FEDERATION = re.compile(
    r"(?:[省市区县旗]|^)总工会|(?<![社校])[省市区县旗]工会$|工会联合会|(?:交通运输|卫生健康|农林水利|金融|商贸|财贸|建设|能源化工|机械冶金|邮电)工会$"
)
KIND_NAME = (
    ("school", re.compile(r"学校|小学|中学|学院|大学|幼儿园|教育工会|教育|校区|附中|附小|职校|技校|中专")),
    ("community", re.compile(r"社区|街道|乡镇|[镇乡村](?=工会|$|总工会|联合工会)|居委会?|村委会?|村民委员会|居民委员会")),
    ("enterprise", re.compile(r"公司|集团|[工电纸钢药]厂|厂$|企业|车间|矿|银行|信用社|信用合作|联社|农商|合作社|供电|商场|酒店|项目部")),
    ("institution", re.compile(r"局|委员会|[^工]委|办公室|办事处|医院|卫生院|中心|大队|支队|中队|机关|法院|检察院|馆|所$|站$")),
)
# Words in the text that show the kind of unit (counted; the kind named most often wins).
KIND_TEXT = (
    ("school", re.compile(r"我校|本校|全校|学校|教职工|教师|教代会|校务公开|学生|教学")),
    ("enterprise", re.compile(r"公司|我厂|本厂|全厂|车间|班组|生产经营|厂务公开|一线职工|安全生产")),
    ("community", re.compile(r"社区|街道|辖区|居民|村民|乡镇|网格|小微企业")),
    ("institution", re.compile(r"我局|本局|全局|机关|大队|我院|本院|医院|系统干部|干部职工|民警|政务公开")),
)
