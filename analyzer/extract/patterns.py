"""Compiled regular expressions for time expressions (task fields: ``extract.field_patterns``).

Numbers inside time expressions are captured loosely (``[0-9]{1,2}`` or 1–3 Chinese numeral
characters) and validated in Python by ``numerals.cn_to_int``, which keeps the patterns readable.
"""

from __future__ import annotations

import re

# --- building blocks (strings, composed below) -------------------------------------------------

DIGIT = "0-9０-９"
CN_NUM = "〇零○一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰"
# A month or week number: 1–2 Arabic digits or 1–3 Chinese numerals (validated later).
_NUM = f"(?:[{DIGIT}]{{1,2}}|[一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{{1,3}})"
# A day of the month.
_DAY = f"(?:[{DIGIT}]{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# Range separators: dashes of every width, tildes, 至/到.
_SP = "[ \t\u3000]"  # a space inside a line (never a line break)
_SEP = f"{_SP}*(?:——|—|–|-|－|―|~|～|〜|至|到){_SP}*"
# A number must not continue a longer number, a decimal, an ordinal (第) or a distributive (每).
_NO_NUM_BEFORE = f"(?<![{DIGIT}{CN_NUM}第每.．·])"
# Year words that shift the year of the month after them (今年/本年 are left outside spans).
_YEAR_WORD = "次年|明年|来年|翌年|下一年|去年|上年|前年"
# Part of a month: 上旬 … 下旬, 初/中/底/末. 中 not before 秋 (中秋) or other compounds.
_PART = r"(?:上中旬|中下旬|上旬|中旬|下旬|初|底|末|中(?![秋国华心期央层学小队级]))"
# "before": 前/以前/之前, not 前期/前夕/前往 and similar words.
_BEFORE = r"(?:前后|以前|之前|前(?![期夕往进面列沿台景提]))"
_QUAL = f"(?P<part>{_PART})?(?P<before>{_BEFORE})?"

# --- time expressions --------------------------------------------------------------------------

# Months, month lists and ranges, dates and date ranges, with an optional year word in front:
# 三月份, 12月, 七——八月份, 7-8月, 9月至10月, 三、四月份, 3月1日-3月15日, 5月19—21日,
# 10月15日前, 9月底, 次年一月.
MONTH_EXPR = re.compile(
    f"(?=[次明来翌下去上前元{DIGIT}一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾])"  # fast skip (see HOLIDAY)
    f"(?P<yw>{_YEAR_WORD})?{_NO_NUM_BEFORE}(?P<m1>{_NUM}|元(?=月))"
    "(?:"
    f"(?P<lst>(?:[、,，]{_NUM})+)月(?P<f1>份)?"  # list: 三、四月份, 7，8月, 7,8月
    f"|{_SEP}(?P<mr>{_NUM})月(?P<f2>份)?"  # bare range: 7-8月, 七——八月份
    f"|月(?P<f3>份)?(?:(?P<d1>{_DAY})(?:{_SEP}(?P<d1b>{_DAY}))?[日号])?"  # 3月, 3月1日, 5月19—21日
    f"(?P<p1>{_PART})?(?:{_SEP}(?:(?P<yw2>{_YEAR_WORD})?(?P<m2>{_NUM})月份?(?:(?P<d2>{_DAY})[日号])?|(?P<d3>{_DAY})[日号]))?"
    ")"
    f"{_QUAL}"
)
# Before a month: lunar calendar words (农历八月十五 is not August).
LUNAR_BEFORE = re.compile(r"(?:农历|阴历|旧历)$")
# Right after a month in Chinese numerals: a day with no 日/号 (八月十五, 五月初五, 三月三) makes the
# whole a lunar date; a Gregorian date written in Chinese closes its day with 日 or 号.
_LUNAR_DAY = "(?:初[一二三四五六七八九十]|[一二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九])"
LUNAR_DAY = re.compile(f"{_LUNAR_DAY}(?![日号月份一二三四五六七八九十])")
# A lunar date or a festival, then its Gregorian date in brackets, opening an item:
# 五月初五（6月19日）前，… / 正月十五（3月3日）， / 中国医师节（8月19日）前后，… (group ``inner``).
BRACKETED_LEAD = re.compile(
    r"^\s*[“\"「]?(?:(?:正|腊|冬|[一二三四五六七八九十]{1,2})月" + _LUNAR_DAY
    + r"|[\u4e00-\u9fff“”\"·.．0-9]{1,10}?节(?:日)?)[”\"」]?\s*[（(](?P<inner>[^（）()]{2,24})[)）]"
    + f"(?P<before>{_BEFORE})?"
)
# A numeric Y-M-D date: 2024.3.15, 2024-03-15, 2024/3/15, and with an ROC year 115/06/18.
NUMERIC_DATE = re.compile(
    r"(?=[12])(?<![\d.．])(?:(?:19|20)\d\d|1[01]\d(?=/))(?P<s>[./．-])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d.．%％])"
    # a range to a second date: 2026/7/1—2026/8/31, 2026.3.1-3.15
    f"(?:{_SP}*(?:——|—|–|~|～|至|到|-(?=(?:19|20)\\d\\d(?P=s))){_SP}*(?:(?:19|20)\\d\\d(?P=s))?"
    r"(?P<m2>\d{1,2})(?P=s)(?P<d2>\d{1,2})(?![\d.．%％]))?"
    f"(?P<before>{_BEFORE})?"
)
# Quarters: 第一季度, 一季度, 第1季度, 一、二季度, 一季度末, Q1.
QUARTER = re.compile(
    f"(?=[第一二三四1-4１-４][^季\\n]{{0,5}}季|[Qq][1-4])(?:第|{_NO_NUM_BEFORE})(?P<q1>[一二三四1-4１-４])(?:[、,，至到—-](?:第)?(?P<q2>[一二三四1-4１-４]))?个?季度"
    f"(?P<part>末|底|初)?(?P<before>{_BEFORE})?"
    r"|(?<![A-Za-z0-9])[Qq](?P<qn>[1-4])(?![0-9A-Za-z])"
)
# Halves of the year (not 上下半年, which is a frequency) and parts of the year.
HALF_YEAR = re.compile(
    f"(?=[上下]半年|年[初底末终])(?<!上)(?P<h>上|下)半年度?(?P<part>末|底|初)?(?P<before>{_BEFORE})?"
    f"|(?<![学财])年(?P<yp>初|底|末|终)(?P<before2>{_BEFORE})?"
)
# School vacations: 寒假 → 1–2, 暑假/暑期 → 7–8.
VACATION = re.compile(f"(?=[寒暑])(?<!寒)(?P<v>寒假|暑假|暑期)(?P<before>{_BEFORE})?")
# Semester anchors; their months depend on the semester.
SEMESTER_PART = re.compile(
    r"(?=开学|学期|新学期|期[中末])(?P<start>开学初|开学前|开学之初|学期初|新学期伊始|学期开始)"
    r"|(?P<mid>期中(?=考试|检查|验收|测试|教学|质量|调研|视导))"
    r"|(?P<end>学期末|学期结束|期末)"
)
# Seasons (not 春季学期 and similar school words).
SEASON = re.compile(r"(?P<s>[春夏秋冬])季(?!学期|学年|招生|开学|班|度)")
# Teaching weeks: 第一周, 第1-10周, 第3、4周 (not inside 寒假第一周, and not 第一周年).
WEEK = re.compile(
    f"(?=第)(?<![假期])第(?P<w1>{_NUM})(?:(?:{_SEP}|、)第?(?P<w2>{_NUM}))?个?(?:周|星期)(?![年岁])"
)

# The plan's own week calendar, which places the undated weeks: a week given with its first date
# (第1周为3月2日至3月6日, 第3周（3月16日—3月20日）, 第一周 | 2月17日) and the day the term opens
# (3月2日（星期一）开学, 9月8日起正式上课, 本学期自2025年9月1日开始); week 1 follows a dated
# preparation week (预备周（2月16日—2月20日）). A weekday in brackets after the
# date (（星期二）) says where in its week the date falls.
_WEEKDAY = f"(?:[（(]{_SP}*(?:星期|周|礼拜)(?P<wd>[一二三四五六日天])[）)])?"
_YMD = f"(?:(?P<y>20[0-9]{{2}})年)?(?P<m>[0-9]{{1,2}})月(?P<d>[0-9]{{1,2}})[日号]{_WEEKDAY}"
WEEK_DATE = re.compile(
    f"(?:第(?P<w>{_NUM})个?(?:教学)?|(?P<prep>预备))周{_SP}*(?:[（(为是：:，,|]{_SP}*)?{_YMD}"
)
TERM_OPENS = re.compile(
    f"(?P<since>[自从于])?{_SP}*{_YMD}{_SP}*"
    f"(?:(?:起|正式|起正式)?(?:开学|开始上课|上课|开课)|(?(since)(?:开始|起)|(?!)))"
)

# Holidays. Short numeric names (三八, 五一, 3.8, 五·四 …) count only inside quotes, followed by the
# holiday word, or followed by a colon or 期间/前后/前夕 (十一 not bare: 十一: is numbering), so that
# 5.1万元, 1.1 指导思想 and 六一班 are not dates. A name must not continue a number (checked in code
# with NUMBER_BEFORE: a lookbehind here would slow every position).
_Q_OPEN = "[“\"「『‘']"
_Q_CLOSE = "[”\"」』’']"
_DOT = "[·•‧・.．]"


# Words after a bare short name that show it is the holiday: 五一：…, 六一期间, 三八前夕.
_HOLIDAY_CONTEXT = "(?=[：:]|期间|前后|前夕|之际|当天|来临|前(?![期往进面列沿台景提]))"


def _short(cn: str, arabic: str, suffix: str, *, bare: bool = True) -> str:
    """A short holiday name: quoted (suffix optional), with its suffix, or (``bare``, Chinese) in context."""
    name = f"(?:{cn}|{arabic})"
    in_context = f"|(?:{cn}){_HOLIDAY_CONTEXT}" if bare else ""  # not 5.1: (decimal numbering)
    return f"(?:{_Q_OPEN}{name}{_Q_CLOSE}(?:{suffix})?|{name}{_SP}?(?:{suffix}){in_context})"


# (group name, pattern, first month, last month, day). Lunar festivals get their usual month:
# 春节 1–2, 元宵 2, 清明 4, 端午 6, 中秋 9, 重阳 10 (approximations, documented).
HOLIDAYS: tuple[tuple[str, str, int, int, int | None], ...] = (
    ("h38", _short(f"三{_DOT}?八", r"3[.．·]8", r"(?:国际)?(?:劳动)?妇女节|节|妇女"), 3, 3, 8),
    ("fnj", r"(?:国际)?(?:劳动)?妇女节|女神节", 3, 3, 8),
    ("zsj", r"植树节", 3, 3, 12),
    ("xlf", r"学雷锋(?:纪念日)?|雷锋纪念日", 3, 3, 5),
    ("h315", _short(r"三一五", r"3[.．·]15", r"(?:国际)?消费者权益日|消费者|维权"), 3, 3, 15),
    ("qm", r"清明节?", 4, 4, None),
    ("h51", _short(f"五{_DOT}?一", r"5[.．·]1", r"(?:国际)?劳动节|节|小长假|假期|黄金周"), 5, 5, 1),
    ("ldj", r"(?:国际)?劳动节", 5, 5, 1),
    ("h54", _short(f"五{_DOT}?四", r"5[.．·]4", r"青年节|节"), 5, 5, 4),
    ("qnj", r"青年节", 5, 5, 4),
    ("h512", _short(f"五{_DOT}?一二", r"5[.．·]12", r"防灾减灾日?|(?:国际)?护士节|汶川"), 5, 5, 12),
    ("hsj", r"(?:国际)?护士节|母亲节|防灾减灾日", 5, 5, None),
    ("h61", _short(f"六{_DOT}?一", r"6[.．·]1", r"(?:国际)?儿童节|节"), 6, 6, 1),
    ("etj", r"(?:国际)?儿童节|父亲节", 6, 6, None),
    ("dw", r"端午节?", 6, 6, None),
    ("h71", _short(f"七{_DOT}?一", r"7[.．·]1", r"建党节|建党|党的生日|节"), 7, 7, 1),
    ("jd", f"建党节|建党纪念日|建党(?:[{DIGIT}]+|[一二三四五六七八九十百零〇]+)周年|党的生日", 7, 7, 1),
    ("h81", _short(f"八{_DOT}?一", r"8[.．·]1", r"建军节|建军|节"), 8, 8, 1),
    ("jj", f"建军节|建军(?:[{DIGIT}]+|[一二三四五六七八九十百零〇]+)周年", 8, 8, 1),
    ("jsj", r"教师节|9[.．·]10(?=教师节)", 9, 9, 10),
    ("zq", r"中秋节?", 9, 9, None),
    ("gq", _short(r"十一", r"10[.．·]1", r"国庆节?|长假|黄金周|假期", bare=False) + r"|国庆节?", 10, 10, 1),
    ("cy", r"重阳节?", 10, 10, None),
    ("yd", r"元旦", 1, 1, 1),
    ("cj", r"春节", 1, 2, None),
    ("yx", r"元宵节?", 2, 2, None),
)
# Every first character a holiday name can start with. The lookahead on it lets the engine skip
# other positions quickly (8x faster than entering the alternation everywhere).
_HOLIDAY_FIRST = "三五六七八十0-9“\"「『‘'国妇女植学雷清劳青护母防儿父端建党教中重元春"
HOLIDAY = re.compile(
    f"(?=[{_HOLIDAY_FIRST}])(?:" + "|".join(f"(?P<{name}>{pat})" for name, pat, *_ in HOLIDAYS) + f")(?P<before>{_BEFORE})?"
)

# The character before a bare short holiday name that shows it is part of a longer number.
NUMBER_BEFORE = re.compile(f"[{DIGIT}{CN_NUM}.．]")

# Words that look like a time but are not one; a match hides any time inside it.
NOT_TIME = re.compile(
    f"(?=[寒上三五{DIGIT}一二两四六七八九十])"
    r"(?:寒暑假|寒、暑假|上下半年|三八红旗(?:手|集体)|五一劳动奖(?:章|状)?|五四(?:青年)?奖章|五四红旗"
    f"|{_NO_NUM_BEFORE}(?:[一二两三四五六七八九十]|[{DIGIT}]+)月[一两二三四五六七八九十{DIGIT}]+次)"
)

# Prefilters: the anchor characters one of which every match of a pattern holds. A pattern runs
# only near its anchors (see ``timeexpr._regions``): one C-level scan for ANCHOR finds them all,
# and text without anchors is skipped.
MONTH_ANCHORS = "月"
NUMERIC_DATE_ANCHORS = "./．-"
QUARTER_ANCHORS = "季Qq"
HALF_YEAR_ANCHORS = "半年"
VACATION_ANCHORS = "寒暑"
# 节 ends most holiday names; the others are in the rest (元旦, 国庆 …); quotes close 三八 in quotes;
# the last ones start the context after a bare short name (五一：, 六一期间, 三八前夕).
HOLIDAY_ANCHORS = "节旦宵午秋庆阳锋党军妇灾者权汶假周明”\"」』’'：:间际前天临"
SEASON_ANCHORS = "季"
SEMESTER_ANCHORS = "学期"
WEEK_ANCHORS = "周星"
NOT_TIME_ANCHORS = "寒半红奖月"
# Anchors that count only with a partner somewhere in a short text: 月 starts a blocker only in
# 一月一次-like words (with 次); the context words after a bare short holiday name (五一：, 六一
# 期间, 三八前夕) only where a short name can start (三八, 三一五, 五一, 五四, 五一二, 六一, 七一, 八一).
BLOCKER_MONTH_ANCHOR, BLOCKER_MONTH_PARTNER = "月", "次"
HOLIDAY_CONTEXT_ANCHORS = frozenset("：:间际前天临")
SHORT_HOLIDAY_FIRST = frozenset("三五六七八")
ALL_ANCHORS = "".join(
    sorted(set(MONTH_ANCHORS + NUMERIC_DATE_ANCHORS + QUARTER_ANCHORS + HALF_YEAR_ANCHORS + VACATION_ANCHORS
               + HOLIDAY_ANCHORS + SEASON_ANCHORS + SEMESTER_ANCHORS + WEEK_ANCHORS + NOT_TIME_ANCHORS))
)
ANCHOR = re.compile("[" + re.escape(ALL_ANCHORS) + "]")

# --- around a time -----------------------------------------------------------------------------

# Words allowed before a leading time at the start of an item.
# What may stand before an item's leading time: a bullet (◆1月：…), then 今年/本年/在/于/从.
BULLETS = "◆◇●■□▲△★☆•▪►➢➤※"
LEAD_PREFIX = re.compile(f"^\\s*(?:[{BULLETS}]\\s*)?(?:今年|本年度?|在|于|从)?\\s*")
# Past tense right after a time: 3月份以来, 至今.
PAST_AFTER_START = re.compile(r"^(?:以来|来|至今|期间已|以后已)")
# Past tense later in the same clause: 召开了, 已完成, 曾 (not 为了/了解/除了, 已到期 …).
PAST_IN_CLAUSE = re.compile(
    r"(?<![为除])了(?![解然如结])|已经|曾经?|业已"
    r"|已(?=完成|召开|举办|举行|开展|组织|建立|成立|实现|达到|发放|慰问|走访|签订|启动|印发|制定|出台|形成|取得|落实|部署)"
)
# Past tense just before a time: 去年, 过去, 已于.
PAST_BEFORE = re.compile(r"(?:去年|上年|前年|过去|往年|曾经?|已于|已在|已经)[^，,。；;]{0,6}$")
# End of a clause.
CLAUSE_END = re.compile(r"[。；;！!？?\n]")

# Outline numbering at the start of a line: 一、 （一） 1、 1. (1) ① 第一,
HEADING_NUMBER = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]、?|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．,，](?!\d)"
    r"|[①-⑳⑴-⒇]|第[一二三四五六七八九十]{1,3}[,，、:：])\s*"
)
# A year before the period of a heading that ends with a colon: 2025年1月:.
HEADING_YEAR = re.compile(r"^\s*(?:[12]\d{3}|[〇零○o一二三四五六七八九]{4})\s*年度?")
# A theme after a period heading: 二月主题:xxx, 三月份工作重点：xxx.
HEADING_THEME = re.compile(r"(?:活动主题|主题活动|工作主题|主题|工作重点|重点工作|中心工作)\s*[:：].*$")
# A phase label before a period: 宣传发动阶段(3月1日-3月15日), 第一阶段：.
HEADING_PHASE = re.compile(r"^[^\s，,。；;:：()（）\d]{1,10}阶段\s*[:：]?")
# A short remark in brackets after a period heading: 三月份（学雷锋月）.
HEADING_REMARK = re.compile(r"[（(][^()（）]{0,15}[)）]")
# Words of the three heading parts above that may hold any text (a theme, a phase label, a remark
# in brackets): a line with none of them can be rejected by its characters alone.
HEADING_FREE_TEXT = re.compile(r"主题|重点|中心工作|阶段|[（(]")
# What may remain around the time in a period heading.
HEADING_FILLER = re.compile(
    r"[\s:：|｜、，,;；()（）\[\]【】<>《》—\-~～至到及和与]+"
    r"|(?:上午|下午|晚上|早上|中午|傍晚)?[0-9]{1,2}[:：][0-9]{2}|上午|下午|晚上"  # a clock time (1月23日下午2:30)
    r"|工作安排|工作要点|工作重点|重点工作|主要工作|工作计划|活动安排|具体安排|工作任务|安排|工作|活动|计划"
    r"|期间|左右|以后|内容|行事历|时间|份"
)
# A date with its separators lost, alone in a table cell or heading: 2026327, 20261015.
COMPACT_DATE = re.compile(r"^(?:19|20)[0-9]{2}(?P<md>[0-9]{3,4})\s*[:：]?$")
# Trailing text after a time at the end of an item: closing brackets and sentence punctuation.
TRAILING_PUNCT = re.compile(r"[\s。．.；;，,！!]+$")
# Separators of a month list (三、四月份, 7，8月).
MONTH_LIST_SEP = re.compile("[、,，]")
# Between months listed in a trailing bracket: （六月份和十二月份）, （3月、9月）.
MONTH_LIST_JOIN = re.compile(r"[\s和与及、，,]+")
TRAILING_PAREN = re.compile(r"[（(](?:时间\s*[:：]\s*)?([^()（）]{1,30})[)）]$")
