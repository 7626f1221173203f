"""Regular expressions of the structure room: compilation markers, outline numbering, labels.

Every pattern is compiled once here, named and commented; the modules of ``structure/`` import
them and never compile their own.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Chinese numerals as they appear in numbering (一 … 九十九, with 〇/零/两 and the 大写 forms).
CN_DIGITS = "〇零一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾"
CN_NUM = f"[{CN_DIGITS}]{{1,4}}"
AR_NUM = r"[0-9０-９]{1,2}"
ANY_NUM = f"(?:{AR_NUM}|{CN_NUM})"

# --- compilation markers --------------------------------------------------------------------

# A line whose beginning (≤ 40 chars) ends in a 篇 marker: "<title>精选篇1", "<title> 篇一",
# "【篇3】", "【第一篇】", "篇1为贯彻…" (fused), "篇一:《…》", "…范文第1篇".
MARKER_PIAN = re.compile(
    rf"^\s*(?P<head>[^。；;！？!?]{{0,40}}?)"
    rf"(?:【\s*(?:第\s*(?P<n1>{ANY_NUM})\s*篇|篇\s*(?P<n2>{ANY_NUM}))\s*】"
    rf"|(?<![本全此该各一每几])第\s*(?P<n3>{ANY_NUM})\s*篇"
    rf"|(?<![本全此该各每几上下前后诗长短])篇\s*(?P<n4>{ANY_NUM})"
    rf"|^\s*(?:范文|例文|样文|模板)\s*(?P<n5>{ANY_NUM})(?=\s*[:：]))"
    rf"\s*[:：、.．]?\s*(?P<rest>.*)$"
)

# "<title>计划一:" / "<title>计划1" / "<title>方案二" — a title with a trailing number and no 篇.
MARKER_TRAILING_NUM = re.compile(
    rf"^\s*(?P<stem>[^。；;，,！？!?]{{4,40}}?(?:计划|方案|要点|安排|打算|思路|规划|总结|范文))"
    rf"\s*[（(]?(?P<n>{ANY_NUM})[）)]?\s*[:：]?\s*$"
)

# Prefilters: a 篇 marker holds 篇, 模板 or names a model text; a trailing-number title holds a plan word.
MODEL_TEXT_WORDS = ("范文", "例文", "样文")
MODEL_TEXT_WORD = re.compile("|".join(MODEL_TEXT_WORDS))
PLAN_STEM_WORD = re.compile(r"计划|方案|要点|安排|打算|思路|规划|总结|范文")
# The end of every MARKER_TRAILING_NUM line, found in a document's lines joined by "\n" (multiline
# ``$``, spaces that stop at a line feed): a scan for it stops on few lines.
TRAILING_NUM_HINT = re.compile(
    rf"(?:计划|方案|要点|安排|打算|思路|规划|总结|范文)[^\S\n]*[（(]?{ANY_NUM}[）)]?[^\S\n]*[:：]?[^\S\n]*$", re.MULTILINE
)
# The words that make a title-like line near a plan's start its title.
PLAN_NAME_WORD = re.compile(r"计划|方案|要点|安排|打算|规划|思路")
# A whole plan written on one line: its title (naming a plan), a space, then the plan with its
# outline (一、…) in the same line — what a phone copy of a Word file pasted into a chat looks like.
ONE_LINE_PLAN = re.compile(
    r"^(?P<title>[^\s。，,；;！？!?:：、]{4,40}?(?:计划|方案|要点|安排|打算|规划))[ \t\u3000]+(?P<body>\S.{80,})$"
)
ONE_LINE_OUTLINE = re.compile(r"一、.{20,}二、")  # the outline of a one-line plan: 一、… then 二、…

# A count in a compilation title or intro: "精选6篇", "(精选15篇)", "汇编8篇", "5篇".
COMPILATION_COUNT = re.compile(rf"(?P<n>{ANY_NUM})\s*篇")

# Template-site intro sentences: "下面是小编整理的…N篇,仅供参考", "以下是本站小编…".
SITE_INTRO = re.compile(
    r"(?:小编|本站|为大家|仅供参考|希望(?:对|能|可以)?(?:你|您|大家)|欢迎(?:阅读|参考|借鉴)"
    r"|下面是|以下是|整理的|收集整理|精心)"
)

# --- notice wrapper ---------------------------------------------------------------------------

NOTICE_TITLE = re.compile(r"关于(?:印发|下发|转发|制定|公布)?.{0,40}?的(?:通知|函)")
NOTICE_BOOK_TITLE = re.compile(r"《(?P<t>[^》]{2,60})》")
NOTICE_ISSUE = re.compile(r"(?:现将|特将|兹将).{0,60}?(?:印发|下发|发)给")
DOC_DATE = re.compile(
    r"^\s*(?:[0-9]{4}|[〇零○Oo一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,3}\s*月"
    r"\s*[0-9一二三四五六七八九十]{1,3}\s*日\s*$"
)
# A flattened table's header cell on a line of its own (月份 / 主要工作 / 责任人): what follows is the
# next header cell or the first row, never a section.
TABLE_HEADER_CELL = re.compile(r"^(?:月份|时间|日期|周次|序号|时间安排|完成时间|阶段)$")
# A file name's extension left on a title by a document site: 城关镇环卫所2025年工作计划.doc
FILE_SUFFIX = re.compile(r"\.(?:docx?|pdf|wps|txt)$", re.IGNORECASE)
ATTACHMENT = re.compile(r"^\s*附件\s*[0-9一二三]?\s*[:：]")
ADDRESSEE = re.compile(r"^[^。]{2,80}[:：]\s*$")

# --- outline numbering ------------------------------------------------------------------------

# Each style: the regex of the numbering token at the start of a text segment. The token's
# number is group "n"; everything after the token is the heading text.
STYLE_PATTERNS: dict[str, re.Pattern[str]] = {
    # 一、 一. 一， (also 一．)
    "cn_dun": re.compile(rf"^(?P<tok>(?P<n>{CN_NUM})\s*(?:、|[.．,，](?![一二三四五六七八九十]))\s*)"),
    # 第一、 第一, 第一:
    "cn_di": re.compile(rf"^(?P<tok>第(?P<n>{CN_NUM})(?:[、,，:：.．]|\s+)\s*)(?![周季篇章条节次届])"),
    # 第一部分 / 第二部分：
    "cn_part": re.compile(rf"^(?P<tok>第(?P<n>{CN_NUM})部分\s*[、,，:：.．]?\s*)"),
    # （一） (一) （一）、
    "cn_paren": re.compile(rf"^(?P<tok>[（(]\s*(?P<n>{CN_NUM})\s*[）)][、.．,，]?\s*)"),
    # 1.1.1 / 1.1 decimal numbering (accepted only in sequence, see outline)
    "dec3": re.compile(r"^(?P<tok>(?P<n>[0-9]{1,2}[.．][0-9]{1,2}[.．][0-9]{1,2})[.．、]?\s*)(?![0-9%])"),
    "dec2": re.compile(r"^(?P<tok>(?P<n>[0-9]{1,2}[.．][0-9]{1,2})[.．、]?\s*)(?![0-9%．.])"),
    # 1、 1. 1． 1, 1) — the arabic family
    "ar_dun": re.compile(rf"^(?P<tok>(?P<n>{AR_NUM})\s*、\s*)"),
    "ar_dot": re.compile(rf"^(?P<tok>(?P<n>{AR_NUM})\s*[.．](?![0-9０-９])\s*)"),
    # 1.3月份，… : item 1 whose text opens with a month (tried only when 1.3 is not decimal numbering)
    "ar_dot_month": re.compile(
        rf"^(?P<tok>(?P<n>{AR_NUM})[.．])(?=[0-9０-９]{{1,2}}\s*(?:(?:——|[—–\-~～至到])\s*[0-9０-９]{{1,2}}\s*)?月"
        rf"|[0-9]{{1,2}}[.．][0-9]{{1,2}}(?:节|前后|期间|前夕))"
    ),
    "ar_comma": re.compile(rf"^(?P<tok>(?P<n>{AR_NUM})\s*[,，](?=[\u4e00-\u9fff“\"《])\s*)"),
    "ar_half": re.compile(rf"^(?P<tok>(?P<n>{AR_NUM})\s*[)）]\s*)"),
    # （1） (1)
    "ar_paren": re.compile(rf"^(?P<tok>[（(]\s*(?P<n>{AR_NUM})\s*[）)][、.．]?\s*)"),
    # 【一】 【2】 〖三〗: a bracketed number heading a top-level section (chat articles, web pages)
    "cn_bracket": re.compile(rf"^(?P<tok>[【〖]\s*(?P<n>{CN_NUM}|{AR_NUM})\s*[】〗][、.．:：]?\s*)"),
    # Ⅰ、 Ⅱ. Ⅲ，（Roman numeral characters Ⅰ–Ⅻ, ⅰ–ⅻ; a separator must follow）
    "roman": re.compile(r"^(?P<tok>(?P<n>[\u2160-\u216b\u2170-\u217b])\s*(?:[、.．,，:：]|\s+)\s*)"),
    # ⑴ ⑵ …
    "paren_digit": re.compile(r"^(?P<tok>(?P<n>[⑴-⒇])\s*)"),
    # ① ② …
    "circled": re.compile(r"^(?P<tok>(?P<n>[①-⑳])\s*)"),
}



@lru_cache(maxsize=16)
def style_chain(styles: tuple[str, ...]) -> re.Pattern[str]:
    """One regex trying the numbering ``styles`` in order (the first that matches wins, as one
    ``match`` per style would): each alternative is a group named after its style, with its
    groups renamed ``tok_<style>`` and ``n_<style>``. Compiled on first use."""
    alternatives = []
    for style in styles:
        source = STYLE_PATTERNS[style].pattern.removeprefix("^")
        source = source.replace("(?P<tok>", f"(?P<tok_{style}>").replace("(?P<n>", f"(?P<n_{style}>")
        alternatives.append(f"(?P<{style}>{source})")
    return re.compile("^(?:" + "|".join(alternatives) + ")")


# An annex after a plan's body (and after its signature): 附：…安排表 / 附件1：… / 附件 alone on a line.
ANNEX_HEADING = re.compile(
    r"^附(?:件|表)?\s*[0-9一二三四五六七八九十]{0,2}\s*[:：]\s*(?P<title>[^。；;]{0,40})$|^附(?:件|表)[0-9一二三四五六七八九十]{0,2}$"
)

# A quoted name inside a heading (“六项措施”, “安康杯”).
QUOTED_NAME = re.compile(r"“[^”]{1,12}”")
# A role label of a roster (组长：… 副主任：… 委　员：…): two of them make a section an organization list.
ROSTER_ROLE = re.compile(r"(?:副?组\s*长|副?主\s*任|副?主\s*席|成\s*员|委\s*员)\s*[:：]")

# Canonical rank of each style on the ladder 一、 > （一） > 1、 > （1） > ①; smaller is outer.
STYLE_RANK: dict[str, int] = {
    "annex": 0,  # 附件: everything after it belongs to it
    "label": 0,
    "cn_part": 1,
    "roman": 1,
    "cn_dun": 1,
    "cn_di": 1,
    "cn_bracket": 1,
    "cn_paren": 2,
    "dec2": 3,
    "ar_dun": 3,
    "ar_dot": 3,
    "ar_dot_month": 3,
    "ar_comma": 3,
    "ar_half": 4,
    "dec3": 4,
    "ar_paren": 4,
    "paren_digit": 5,
    "circled": 5,
    "period": 2,  # a month heading holds numbered items (1、 …) like a sub-heading
}

# Styles of one family: a different member continuing the sequence is a sibling (mixed 1. / 2、).
STYLE_FAMILY: dict[str, str] = {
    "cn_dun": "cn",
    "cn_di": "cn",
    "ar_dun": "ar",
    "ar_dot": "ar",
    "ar_dot_month": "ar",
    "ar_comma": "ar",
    "ar_half": "ar",
}

# Cheap prefilter: a segment can only start with a numbering token if its first char is one of these.
NUMBERING_FIRST_CHARS = frozenset(
    "0123456789０１２３４５６７８９（(第【〖" + CN_DIGITS + "".join(chr(c) for c in range(0x2460, 0x2474))
    + "".join(chr(c) for c in range(0x2474, 0x2488))
    + "".join(chr(c) for c in (*range(0x2160, 0x216C), *range(0x2170, 0x217C)))
)

# Where a line may be cut before a glued heading: after a sentence end (…落到实处。三、工作措施)
# or, for items on one line (1、…,2、…), after a clause end. Group "rest" starts the new segment.
GLUED_SPLIT = re.compile(
    rf"(?<=[。！？；;!?，,：:\s])\s*(?=(?:{CN_NUM}\s*、|第{CN_NUM}、|[（(]\s*{CN_NUM}\s*[）)]|{AR_NUM}\s*[、.．](?![0-9])"
    rf"|{AR_NUM}\s*[,，](?=[\u4e00-\u9fff])|[（(]\s*{AR_NUM}\s*[）)]|[①-⑳⑴-⒇]"
    rf"|(?:第[一二三四]季度|[上下]半年|(?:十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])月份?|寒假|暑假)[:：]))"
)
# Cheap test before GLUED_SPLIT: some punctuation or space followed by what a heading may start with.
GLUED_HINT = re.compile(rf"[。！？；;!?，,：:\s]\s*[{CN_DIGITS}第（(0-9０-９①-⒇上下寒暑]")
# Every character ``\s`` matches except the line feed (tests/structure/test_fast_paths.py checks it).
SPACE_NOT_LF = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# GLUED_HINT for a plan's lines joined by "\n" (one scan per plan): the same test with spaces that
# never run on into the next line, so every line holding a GLUED_HINT match holds one of these.
GLUED_HINT_IN_LINES = re.compile(
    rf"[。！？；;!?，,：:{SPACE_NOT_LF}][{SPACE_NOT_LF}]*[{CN_DIGITS}第（(0-9０-９①-⒇上下寒暑]"
)
# What may stand just before a new list (numbered 1) that begins mid-line: a sentence end, or the
# space after a heading's title ("二、具体措施 1，实行…").
NEW_LIST_AFTER = re.compile(r"[。！？!?；;\s]")
# A period label with its colon starting a segment: 第二季度：… / 十月份：… / 暑假：…
PERIOD_LABEL = re.compile(r"(?:第[一二三四]季度|[上下]半年|(?:十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])月份?|寒假|暑假)[:：]")
# A short heading separated from its body by a space: "总体目标 主次干道机械化清扫率…"
SPACE_TITLE = re.compile(r"^(?P<title>[^\s。，,；;！？!?:：、]{2,12}) +(?P<body>[^\s].{8,})$")

# Decimal numbering glued to a month (1.1月中旬, 2.1—2月): an item number, then the month it opens with.
DECIMAL_THEN_MONTH = re.compile(r"[0-9]{1,2}[.．][0-9]{1,2}(?:\s*(?:——|[—–\-~～至到])\s*[0-9]{1,2}\s*)?月")
# A dotted holiday date that looks like decimal numbering: 3.8 5.1 5.4 5.12 6.1 7.1 8.1 10.1 …
HOLIDAY_DOTTED = re.compile(
    r"^(?:3[.．]8|3[.．]5|3[.．]12|3[.．]15|4[.．]23|5[.．]1|5[.．]4|5[.．]12|6[.．]1|7[.．]1|8[.．]1|9[.．]10"
    r"|10[.．]1|12[.．]4)(?![0-9])"
)
HOLIDAY_WORDS = re.compile(r"^\s*[“\"”]?\s*(?:节|妇女|劳动|青年|儿童|建党|建军|教师|国庆|植树|学雷锋|消费|读书|防灾|宪法|国际|期间|前后|前夕|活动|护士)")

# --- headings ---------------------------------------------------------------------------------

# Where the title of a numbered item ends: the first sentence or label end.
TITLE_END = re.compile(r"[。！？!?；;:：]")  # (headings.split_title passes over a clock time's colon, 9:30)
# A heading text ending with a colon-like label: "三八节活动:…", "指导思想 :"
# A label naming when an activity runs, with the dates after it (活动时间：4月20日—5月10日).
TIME_LABEL_WORDS = "活动|举办|比赛|培训|报名|征集|展出"  # what a 时间/日期 label can be the time of
TIME_LABEL_LINE = re.compile(rf"^\s*(?:{TIME_LABEL_WORDS})(?:时间|日期)\s*[:：]\s*\S")
# (A colon between two digits is a clock time, 结业展示（8月21日上午9:30）：…, part of the label.)
_CLOCK_COLON = r"(?<=[0-9])[:：](?=[0-9])"
LABEL_COLON = re.compile(
    rf"^(?P<label>(?:[^\s。！？!?；;,，:：]|{_CLOCK_COLON}){{2,16}}?)\s*(?:(?<![0-9])[:：]|[:：](?![0-9]))\s*(?P<body>.*)$"
)
# Trailing punctuation to strip from a title.
TITLE_TRAIL = re.compile(r"[\s。.．、,，:：；;！!？?]+$")
# The same set as characters for ``str.rstrip`` (what TITLE_TRAIL.sub("", s) removes, without a
# regex): the punctuation above and every character ``\s`` matches (str.isspace).
TITLE_TRAIL_CHARS = (
    "。.．、,，:：；;！!？?"
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Sentence-like content: any inner clause punctuation.
CLAUSE_PUNCT = re.compile(r"[，,。；;！？!?]")

# A colon near the start of a line: a label line (工作目标：…) may begin there.
EARLY_COLON = re.compile(r"[:：]")

# --- prose enumeration that is NOT a heading ---------------------------------------------------
PROSE_ENUM = re.compile(r"^(?:[一二三四五六七八九十]是|首先|其次|再次|最后|另外|此外)")
# The characters PROSE_ENUM can start with (a test before running it).
PROSE_ENUM_FIRST = frozenset("一二三四五六七八九十首其再最另此")

# --- table-ish lines ----------------------------------------------------------------------------
PIPE_ROW = re.compile(r"\s[|｜]\s|^[|｜]|[|｜]$")

# --- period headings (三月份, 9月份:, 七——八月份, 第一季度:, 寒假, 二月主题:…) --------------------------
_MONTH = r"(?:十[一二]|[一二三四五六七八九十]|1[0-2]|0?[1-9]|１[０-２]|[１-９])\s*月份?"
_RANGE_SEP = r"\s*(?:——|—|–|－|-|~|～|至|到|、|和|及)\s*"
PERIOD_HEADING = re.compile(
    rf"^\s*(?:(?:(?:19|20)[0-9]{{2}}|今|明|次)\s*年\s*)?(?:度\s*)?"
    rf"(?P<period>(?:{_MONTH}|(?:十[一二]|[一二三四五六七八九十]|1[0-2]|0?[1-9]))(?:{_RANGE_SEP}{_MONTH})?"
    rf"(?:\s*(?:上旬|中旬|下旬|初|中旬|底|末|份))?"
    rf"|第\s*[一二三四1-4]\s*季度|[一二三四]\s*季度|[上下]\s*半\s*年|寒\s*假|暑\s*假|寒暑假|开学初|学期初|学期末|期末|期中"
    rf"|第\s*[0-9一二三四五六七八九十]{{1,3}}(?:\s*[-—~至到]\s*[0-9一二三四五六七八九十]{{1,3}})?\s*周|预备周)"
    rf"\s*(?:[（(][^）)]{{0,30}}[）)])?"
    rf"\s*(?:(?:工作)?(?:主题|重点|安排|计划|活动|工作)?\s*[:：]\s*(?P<body>.*))?$"
)
# The first character (after spaces) of every PERIOD_HEADING match: a year, 今/明/次, 度, or a period.
PERIOD_START = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十今明次度第上下寒暑开学期预")
# The last character (before spaces) of every PERIOD_HEADING match without a colon: the end of a
# period (月 份 旬 初 底 末 度 年 假 周 中, or a bare number) or of its brackets.
PERIOD_END = frozenset("月份旬初底末度年假周中）)0123456789０１２３４５６７８９一二三四五六七八九十")
# A phase heading with its dates: 第一阶段（3月—4月）：宣传发动 / 宣传发动阶段(3月1日-3月15日)
PHASE_HEADING = re.compile(
    r"^(?P<head>(?:第[一二三四五六七八九十0-9]{1,3}阶段|[\u4e00-\u9fff]{2,8}阶段)\s*[（(](?P<when>[^（）()]{2,30})[）)])"
    r"\s*[:：]?\s*(?P<body>.*)$"
)
# Needed by the pattern above: a bare number must be followed by 月 somewhere in the period.
PERIOD_HAS_TIME_WORD = re.compile(r"月|季度|半年|寒|暑|学期|期末|期中|周|开学")
# Cheap prefilter of period_heading_text: a period heading (either pattern above, or the time
# grammar's, which needs PERIOD_HINT) holds one of these words somewhere.
PERIOD_ANY_WORD = re.compile(r"月|季度|半年|寒|暑|学期|期末|期中|周|开学|阶段")

# A signature: a short line naming the issuing body, followed by the date ("XX工会" / "2019年2月").
SIGNATURE_UNIT = re.compile(
    r"^[^。，,；;：:]{2,24}(?:工会|委员会|学校|中学|小学|幼儿园|局|公司|大队|支队|中心|社区|街道|办公室|支部|工委|医院|所)$"
)
# A period heading that states its year explicitly (2019年2月).
DATED_YEAR = re.compile(r"^\s*(?:19|20)[0-9]{2}\s*年")

# Lines the full time grammar may read as a period heading (phases with dates, weeks with dates).
PERIOD_HINT = re.compile(r"阶段|[0-9一二三四五六七八九十]\s*月|季度|半年|寒假|暑假")

_CN_YEAR_DIGITS = "〇零○OoΟ一二三四五六七八九"

# --- plan metadata: year, unit, signature (meta.py) ------------------------------------------

# (Each pattern below that can start at any position opens with a lookahead of the characters its
# matches start with: the same matches, but the engine skips other positions at once.)
# A Chinese-numeral school year (二oo二—二oo三学年) is read by its first year, as 2024—2025学年 is.
# An ROC year (115年度, 115年1月6日 = 2026) counts only before 年度 or a month (not 建党100周年).
YEAR = re.compile(
    rf"(?=[12二一])(?:(?<![0-9])(?P<y>(?:19|20)[0-9]{{2}})\s*(?:[-—–~至/]\s*(?:19|20)?[0-9]{{2}}\s*)?(?:年|学年|年度)"
    rf"|(?P<cy>[二一][{_CN_YEAR_DIGITS}]{{3}})\s*(?:[-—–~至]\s*[二一][{_CN_YEAR_DIGITS}]{{3}}\s*)?(?:年|学年)"
    r"|(?<![0-9])(?P<roc>1[01][0-9]|12[0-9])\s*年(?=度|\s*[0-9]{1,2}\s*月))"
)
ROC_OFFSET = 1911  # ROC year 1 = 1912

# A year placeholder: 20__年, 20XX年, XX年, 202X年, 20xx.
YEAR_PLACEHOLDER = re.compile(
    r"(?=[0-9２_＿XxＸｘ×])(?:(?:20|２０)?(?:[_＿]{1,4}|[XxＸｘ×]{1,2}|[0-9][XxＸｘ])\s*(?:年|学年)|20[XxＸｘ]{2}|202[XxＸｘ])"
)
# What every YEAR match holds ("年"), and every YEAR_PLACEHOLDER match holds one of ("年", "20"):
# a text without them is not scanned (these patterns try every position of a text, slowly).
YEAR_NEEDS = "年"
YEAR_PLACEHOLDER_NEEDS = ("年", "20")

# Past-tense context right after a year: 2023年工作回顾, 2023年以来, 2023年取得.
PAST_AFTER = re.compile(r"^(?:度)?(?:工作)?(?:回顾|总结|以来|来|取得|完成|开展了|共|是|的工作回顾|上半年工作)")

# A two-digit year opening a title or a plan: 25年工作计划, 24年度.
SHORT_YEAR = re.compile(r"^([0-3][0-9])\s*年度?(?![0-9])")

# Plan words right after a year in a title: 2024年工作计划, 2024年度工作要点.
PLAN_AFTER = re.compile(r"^\s*(?:度)?[\u4e00-\u9fff]{0,8}?(?:计划|要点|安排|打算|思路|规划|方案)")

# Issuing unit: a name ending in 工会/总工会/工会委员会/… before a year, 将/要/在 or 工作计划.
UNIT_WORDS = (
    "工会委员会", "总工会", "教育工会", "工会工作委员会", "工会", "工委", "联合会", "委员会", "大队", "支队", "中队",
    "派出所", "局", "中心", "学校", "小学", "中学", "幼儿园", "医院", "卫生院", "公司", "集团", "社区", "街道", "乡",
    "镇", "所", "站", "学院", "大学", "支行", "分行", "项目部", "教导处", "办公室",
)
UNIT = re.compile(rf"(?P<u>[\u4e00-\u9fffA-Za-z0-9（）()]{{1,20}}(?:{'|'.join(UNIT_WORDS)}))")

# The end of an opening sentence's first clause, where its subject (the unit) is looked for.
CLAUSE_BREAK = re.compile(r"[，,。；;:：]")
# The verb or preposition after an opening sentence's subject: 区工会将… / 我校要… / 公司工会在…
SUBJECT_END = re.compile(r"将|要|在|围绕|继续|以")

UNIT_NOISE = re.compile(r"^(?:关于|附件[:：]?|印发|我们|我|本|今年|明年|全年|年度|在|为|做好|各|各级|基层|上级)+")

# A year ending an opening sentence's lead-in (2024年 / 20__年度 / 2024学年): the subject follows it.
# meta.find_unit drops the text up to the first one, as ``^.*?`` + this pattern would.
YEAR_MARK = re.compile(r"(?=[12_＿Xx×])(?:(?:19|20)[0-9]{2}|[_＿Xx×]{2,4})\s*(?:年度?|学年)")

# A book title inside a plan title: 关于印发《…》的通知.
TITLE_BOOK = re.compile(r"《([^》]+)》")
# A compilation marker opening a title: 篇一: / 【篇2】 / 第三篇、
TITLE_MARKER_PREFIX = re.compile(r"^(?:【)?(?:篇[一二三四五六七八九十0-9]+|第[一二三四五六七八九十0-9]+篇)(?:】)?[:：、.]?")
# The year in a title, where the unit part ends: 2024年度 / 2024-2025学年 / ____年 / 二〇二四年.
TITLE_YEAR = re.compile(r"(?:19|20)[0-9]{2}(?:\s*[—–\-~至/]\s*(?:19|20)?[0-9]{2})?\s*(?:年度|学年度?|年)?|[_＿]{2,}年?|二〇..年")
# The month of a signature date: 2023年12月 → 12.
SIGN_MONTH = re.compile(r"年\s*([0-9]{1,2})\s*月")

# Words that end the unit part of a title.
PLAN_WORDS = re.compile(r"第[一二]学期|春季|秋季|(?:工作|活动)?(?:计划|方案|要点|安排|打算|思路|规划)|关于|精选|篇|工作")

# Template residue in front of a unit name: XX区 / ××省 / 202X年.
UNIT_PLACEHOLDER = re.compile(r"^(?:[XxＸｘ×]{1,4}|20[XxＸｘ]{2}年?|202[XxＸｘ]年?)")

GENERIC_UNIT = re.compile(r"工会|总工会|学校|公司|中心|委员会|联合会|社区|街道")

# A signature date line: 2024年1月15日 / 2019年2月 / 二〇二四年一月 (alone on its line).
SIGN_DATE = re.compile(
    rf"^\s*(?P<unit>[^。，,；;！？!?0-9]{{2,30}}?\s+)?"
    rf"(?:(?:19|20)[0-9]{{2}}|1[01][0-9]|12[0-9]|20[XxＸｘ×_]{{2}}|[XxＸｘ×_]{{2,4}}|[二一][{_CN_YEAR_DIGITS}]{{3}})\s*年\s*(?:[0-9一二三四五六七八九十]{{1,3}}|[XxＸｘ×_]{{1,2}})\s*月"
    r"(?:\s*(?:[0-9一二三四五六七八九十]{1,3}|[XxＸｘ×_]{1,2})\s*日)?\s*$"
)

# The footer of an official document: "XX区总工会办公室 2024年1月18日印发".
ISSUED = re.compile(
    r"^\s*(?P<unit>[^。，,；;！？!?]{0,30}?)\s*(?:(?:19|20)[0-9]{2})\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?\s*(?:印发|发布|制)\s*$"
)

SIGN_UNIT = re.compile(r"^[^。，,；;！？!?]{2,30}$")

# --- section kinds from the body (kinds.py) ----------------------------------------------------

# Words that make a heading "work to do" (thematic main-task headings such as 筑牢一个防线…);
# they keep such a heading from being read as a review even when its body reports results.
ACTION_WORDS = re.compile(
    r"(?:加强|强化|推进|深化|开展|落实|提高|提升|完善|健全|做好|抓好|突出|围绕|实现|推动|筑牢|打造|建设"
    r"|创新|维护|服务|发挥|凝聚|促进|坚持|构建|组织|丰富|关爱|聚焦|夯实|激发|扩大|规范|增强|助力|搭建)"
)

# Light words allowed around a section name on a line of its own (主要/具体/工作/如下 …).
NAME_MODIFIERS = re.compile(r"[\s、和及与暨的:：()（）一二三四五六七八九十年度学期0-9]|主要|具体|工作|本|今年|全年|如下表?|各项")
# Every character NAME_MODIFIERS may remove: its class and the letters of its words (a prefilter).
NAME_MODIFIER_CHARS = re.compile(r"[\s、和及与暨的:：()（）一二三四五六七八九十年度学期0-9主要具体工作本今全如下表各项]+")

# Past-tense review wording in a body.
REVIEW_WORDS = re.compile(r"(?:圆满完成|取得了|开展了|组织了|举办了|召开了|完成了|获得了|一年来|过去的一年)")
