"""Compiled regular expressions for time expressions and task fields, grouped and commented.

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
    f"(?=[次明来翌下去上前{DIGIT}一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾])"  # fast skip (see HOLIDAY)
    f"(?P<yw>{_YEAR_WORD})?{_NO_NUM_BEFORE}(?P<m1>{_NUM})"
    "(?:"
    f"(?P<lst>(?:、{_NUM})+)月(?P<f1>份)?"  # list: 三、四月份
    f"|{_SEP}(?P<mr>{_NUM})月(?P<f2>份)?"  # bare range: 7-8月, 七——八月份
    f"|月(?P<f3>份)?(?:(?P<d1>{_DAY})(?:{_SEP}(?P<d1b>{_DAY}))?[日号])?"  # 3月, 3月1日, 5月19—21日
    f"(?P<p1>{_PART})?(?:{_SEP}(?:(?P<yw2>{_YEAR_WORD})?(?P<m2>{_NUM})月份?(?:(?P<d2>{_DAY})[日号])?|(?P<d3>{_DAY})[日号]))?"
    ")"
    f"{_QUAL}"
)
# Before a month: lunar calendar words (农历八月十五 is not August).
LUNAR_BEFORE = re.compile(r"(?:农历|阴历|旧历)$")
# A numeric Y-M-D date: 2024.3.15, 2024-03-15, 2024/3/15.
NUMERIC_DATE = re.compile(
    r"(?=[12])(?<![\d.．])(?:19|20)\d\d(?P<s>[./．-])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d.．%％])"
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
_ALL_ANCHORS = "".join(
    sorted(set(MONTH_ANCHORS + NUMERIC_DATE_ANCHORS + QUARTER_ANCHORS + HALF_YEAR_ANCHORS + VACATION_ANCHORS
               + HOLIDAY_ANCHORS + SEASON_ANCHORS + SEMESTER_ANCHORS + WEEK_ANCHORS + NOT_TIME_ANCHORS))
)
ANCHOR = re.compile("[" + re.escape(_ALL_ANCHORS) + "]")

# --- around a time -----------------------------------------------------------------------------

# Words allowed before a leading time at the start of an item.
LEAD_PREFIX = re.compile(r"^\s*(?:今年|本年度?|在|于|从)?\s*")
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
# What may remain around the time in a period heading.
HEADING_FILLER = re.compile(
    r"[\s:：|｜、，,;；()（）\[\]【】<>《》—\-~～至到及和与]+"
    r"|工作安排|工作要点|工作重点|重点工作|主要工作|工作计划|活动安排|具体安排|工作任务|安排|工作|活动|计划"
    r"|期间|左右|以后|内容|行事历|时间|份"
)
# Trailing text after a time at the end of an item: closing brackets and sentence punctuation.
TRAILING_PUNCT = re.compile(r"[\s。．.；;，,！!]+$")
TRAILING_PAREN = re.compile(r"[（(](?:时间\s*[:：]\s*)?([^()（）]{1,30})[)）]$")

# --- task fields -------------------------------------------------------------------------------

_COUNT = f"(?:[{DIGIT}]+|[一二两三四五六七八九十百千]+)"
_HAN = "\u4e00-\u9fff"

# Frequencies, one named group per kind; the earliest match in a text wins. Counted periods
# (每两个月, 每10天) are resolved in code from ``n_days`` / ``n_months``.
FREQUENCY = re.compile(
    r"(?P<irregular>不定期)"
    r"|(?P<semesterly>每个?学期|一学期[一两二三四]次|学期[一两二三四]次)"
    r"|(?P<yearly>每一?年度?|每学年|一年一度|一年一届|年年|一年" + _COUNT + r"次|年度[一两]次"
    r"|年内[^，,。；;]{0,12}?" + _COUNT + r"[次届期场]|全年[^，,。；;]{0,12}?" + _COUNT + r"次)"
    r"|(?P<half_yearly>每半年|半年一[次考评查检]|半年[一两二三]次|上[、,，]?下半年各|上半年[和与及、]下半年各)"
    r"|(?P<semesterly2>寒暑假前|每逢寒暑假)"
    r"|(?P<quarterly>每个?季度?|按季度?|(?<![第一二三四1-4１-４])季度(?![末初底]))"
    f"|每隔?(?P<n_months>{_COUNT})?个?月(?!份)|(?P<monthly>每个月|按月|月月|月度)"
    f"|(?P<weekly>每隔?(?:[一两二三]|[{DIGIT}])?个?(?:周|星期|礼拜)|周周|每半个?月)"
    f"|每隔?(?P<n_days>{_COUNT})?[天日](?!常)"
)
# A one-off: 举办一次, 组织一次 (not 一次性).
ONCE = re.compile(
    r"(?:举办|组织|召开|开展|举行|进行|安排|策划|评选|搞|考察|参观|检查|培训|体检|慰问|走访|评比|演练|座谈|调研)了?一(?:次|届|场)(?!性)"
)

_NUMBER = f"[{DIGIT}]+(?:[.．][{DIGIT}]+)?"
_PERCENT = f"{_NUMBER}[ ]?(?:[%％‰]|个百分点)"
_UNIT = (
    "万?(?:人次|场次|户次|课时|学时|小时|元|人|名|次|期|册|家|个|场|项|篇|件|所|户|批|支|节|天|届|本|部|条|座|套|台"
    "|处|组|队|门|种|对|道|块|辆|间|平方米|公里|户)"
)
_RUN = f"[{_HAN}“”\"]"  # the words between a target's verb and its number (no punctuation)
_AROUND = "(?:以上|以下|以内|左右|余)?"
# A rate target: 签订率达到100%, 建会率达到90%以上, 满意度达到95%, 入会率保持100%, 签约率力争在
# 学期末达到50% (two characters name the rate).
RATE_TARGET = re.compile(
    f"[{_HAN}]{{2}}[率度][{_HAN}]{{0,8}}?(?:达到|达|保持在|保持|提高到|提升到|不低于|超过|控制在|在)[ ]?{_PERCENT}{_AROUND}"
)
# A bare percentage target: 达到80%以上, 不少于30%, 下降10%, 下降2个百分点, 控制在1‰以内.
PERCENT_TARGET = re.compile(
    "(?:达到|达|超过|不低于|不少于|不得低于|不得少于|不超过|提高到|提升到|保持在|稳定在|控制在|下降|降低|减少|增长|提高"
    f"|提升|增加)[ ]?{_PERCENT}{_AROUND}"
)
# A minimum count, with up to 14 characters of verb and object inside: 不少于500人次,
# 至少召开一次, 力争新建职工书屋1个, 累计签订集体合同50家.
MIN_COUNT_TARGET = re.compile(
    f"(?:不少于|不得少于|不低于|至少|最少|力争|确保|累计){_RUN}{{0,14}}?(?<!第)(?:{_NUMBER}|{_COUNT})[ ]?{_UNIT}{_AROUND}"
)
_COUNT_VERBS = (
    "培训|新建|新增|发展|慰问|帮扶|资助|救助|发放|组建|建立|创建|评选|表彰|签订|走访|吸纳|筹集|募集|投入|推荐|选派|培养"
    "|建成|完成|覆盖|建设|命名|设立|改造|确定|举办|开展|召开|结对|选树|打造|推选|评出|评选出|配备|购置|安装|升级"
    "|排查|整治|治理|帮助|服务|联系|走访慰问"
)
# A verb with an Arabic count: 培训工会干部200名, 发放慰问金10万元, 建设“职工小家”示范点4个
# (a long ``run`` is cut in code to keep the phrase minimal).
VERB_COUNT_TARGET = re.compile(
    f"(?:{_COUNT_VERBS})(?P<run>{_RUN}{{0,12}}?)(?<!第){_NUMBER}[ ]?{_UNIT}{_AROUND}"
)
# A count reached: 参保人数达到2万人, 突破500家.
REACH_COUNT_TARGET = re.compile(f"(?:达到|超过|突破)[ ]?{_NUMBER}[ ]?{_UNIT}{_AROUND}")
# A cap: 总额不超过3万元, 控制在5人以内, 控制在14秒以内, 稳定在120人以上; a share for each: “模范职工之家”各1个;
# all of a count: 全部23个小区; a count after a quoted name: “巾帼文明岗”10个; a rate with no verb: 办结率100%;
# a fraction: 控制在十万分之一以下, 三分之一.
CAP_TARGET = re.compile(
    f"(?:不超过|不高于|不得超过|控制在|稳定在|保持在)[ ]?(?:{_NUMBER}[ ]?(?:{_UNIT}|秒|分钟)|[一二三四五六七八九十百千万]+分之[一二三四五六七八九十]+){_AROUND}"
)
QUOTED_COUNT_TARGET = re.compile(f"“[^”]{{2,12}}”[ ]?{_NUMBER}[ ]?{_UNIT}")
BARE_RATE_TARGET = re.compile(f"[{_HAN}]{{2}}率[ ]?{_PERCENT}{_AROUND}")
EACH_TARGET = re.compile(f"[{_HAN}“”]{{2,12}}各[ ]?{_NUMBER}[ ]?{_UNIT}")
ALL_TARGET = re.compile(f"(?:全部|所有|全体)[ ]?{_NUMBER}[ ]?{_UNIT}[{_HAN}]{{2,8}}")
# A verb, a count and what is counted: 设立3个民警休息点, 确定1名党员中心户.
COUNT_NOUN_TARGET = re.compile(f"(?:{_COUNT_VERBS})(?<!第){_NUMBER}[个名家支所处套][{_HAN}“”]{{2,6}}")

# Owners, in order of trust. A labelled owner in brackets: (责任科室:组织部、宣教部).
OWNER_LABELLED_PAREN = re.compile(
    r"[（(][ ]?(?:责任|牵头|负责|承办|主办|实施)(?:科室|部门|单位|处室|部室|领导|人)?[ ]?[:：][ ]?([^()（）]{1,30}?)[ ]?[)）]"
)
# A labelled owner without brackets: 责任人:张三、李四.
OWNER_LABELLED = re.compile(
    r"(?:责任(?:科室|部门|单位|处室|部室|领导|人)|牵头(?:部门|单位|科室|领导)|负责(?:部门|单位|科室|人))[ ]?[:：][ ]?"
    r"([^，,。；;\s()（）]{1,30})"
)
# 由X负责 / 由X牵头.
OWNER_BY = re.compile(r"由([^，,。；;由]{1,20}?)(?:具体负责|负责|牵头|组织实施|具体实施|承办|主办|统一组织|落实)")
# 组长由X担任 / 由X任组长.
OWNER_LEADER = re.compile(r"组长由([^，,。；;]{1,12}?)(?:担任|兼任)|由([^，,。；;]{1,12}?)(?:担任|兼任|任)组长")
# A unit in brackets at the very end of an item: …(工会)。
OWNER_TRAILING = re.compile(
    r"[（(]([^()（）]{0,12}(?:工会|部|办|办公室|科|处|室|委|组|中心|局|队|团|支部|委员会|站))[)）][。．.；;]?$"
)

# After a time: a completion verb makes it a deadline (6月底前完成, 6月底进行验收).
DEADLINE_AFTER = re.compile(
    r"(?:以前|之前|前)?(?:以内|之内)?[，,]?(?:全面|基本|全部|必须|务必|须|要|进行|组织|完成){0,2}"
    r"(?:完成|结束|验收|到位|完毕|上报|报送|建成|竣工|交齐|截止)"
)
# Before a time: 截至/截止到 make it a deadline.
DEADLINE_BEFORE = re.compile(r"(?:截至|截止到?|最迟|最晚)(?:在|于|到)?$")
# Within the year: 年内完成, 本年度内完成.
DEADLINE_YEAR = re.compile(
    r"(?:年内|本年度内?|当年)(?:全面|基本|全部)?(?:完成|建成|实现|到位|落实|新建|建立|组建|创建|成立|新增)"
)

# Task verbs; LIGHT_VERB ones usually lead to the real verb (组织召开, 配合学校做好).
ACTION_VERB = re.compile(
    "召开|举办|举行|开展|组织|慰问|配合|协助|协同|会同|督促|开设|建立|健全|完善|加强|推进|落实|实施|评选|表彰"
    "|参加|参与|组建|创建|培训|学习|宣传|签订|走访|看望|发放|筹备|启动|收集|迎接|总结|庆祝|做好|搞好|抓好|成立"
    "|制定|修订|推动|深化|评比|征集|选举|审议|帮扶|资助|编印|印发|检查|拟定|上报|报送|完成|提高|提升|举行"
)
LIGHT_VERB = frozenset(("组织", "配合", "协助", "协同", "会同", "督促"))
# Words stripped from the start of an object: 开展好…, 举办一次….
OBJECT_LEAD = re.compile(r"^(?:好|一次|一批|一场|一届|一期|了)")
OBJECT_END = re.compile(r"[，,。；;：:！!？?\n]")

_OWNER_NAME = (
    r"[\u4e00-\u9fffA-Za-z]{0,10}(?:部|处|室|科|组|办|委|工会|委员会|协会|队|中心|馆|站|所|校长|主席|书记|组长|委员"
    r"|老师|主任|全体|专干|网格长|网格员|志愿者|执委|员|经理|总工|负责人|主管|队长|站长|所长|院长|园长|班|班组|大学|学校)"
)

# --- extraction units: sentences, table cells, owners (units.py) ---------------------------------

# An item whose last line ends a sentence is complete (continuation lines are wrapped lines only).
FINISHED = re.compile(r"[。！？!?；;]\s*$")

# Sentence ends inside an item; the mark stays with its sentence.
SENTENCE = re.compile(r"(?:[^。！？!?；;.]|\.(?![\s\u4e00-\u9fff“\"]|$))+(?:[。！？!?；;]+|\.(?=[\s\u4e00-\u9fff“\"]|$)|$)")

# A table row: cells separated by pipes (docx rows and flattened tables), or tab-separated.
PIPE = re.compile(r"\s*[|｜\t]\s*")

# Flattened-table header cells that are not content.
HEADER_CELL = re.compile(
    r"^(?:月份|时间|日期|周次|周|序号|时间安排|主要活动|活动内容|工作内容|主要工作|工作任务|具体内容|内容|主题|"
    r"责任部门|责任处室|责任科室|责任单位|责任人|负责人|负责部门|牵头部门|承办部门|参加人员|参与对象|备注|完成时间|地点)$"
)

# Header cells naming the owner column and the time column.
OWNER_HEADER = re.compile(r"^(?:责任|负责|牵头|承办|主办|参加|参与)")

TIME_HEADER = re.compile(r"^(?:月份|时间|日期|周次|周|完成时间|时间安排)$")

OWNER_CELL = re.compile(rf"^{_OWNER_NAME}(?:[、，,/及和与]{_OWNER_NAME})*$")

# A cell holding only template residue (某某, XX, ×××): never an activity.
PLACEHOLDER_CELL = re.compile(r"^(?:某某|[XxＸｘ×*＊]{2,}|[_＿]{2,})[\u4e00-\u9fff]{0,4}$")
# A person's name alone in an owner column (李红, 王丽): two or three characters.
PERSON_CELL = re.compile(r"^[\u4e00-\u9fff]{2,3}$")

# --- schedule binding (schedule.py) ---------------------------------------------------------------

# The term a plan is for, from its title or opening: 第二学期/春季学期 → spring; 第一学期/秋季 → autumn.
SPRING = re.compile(r"第二学期|下学期|春季学期|春学期|春季")

AUTUMN = re.compile(r"第一学期|上学期|秋季学期|秋学期|秋季")

# Punctuation left between a leading time and the activity: "9月份，大一新生…".
LEAD_JOIN = re.compile(r"^[\s，,、:：；;.。．]*")

# A trailing bracketed time: "…（六月份）。"
TRAIL_PAREN = re.compile(r"\s*[（(][^（）()]{1,30}[)）]\s*[。.；;]?\s*$")

# What follows a holiday that is used as an item's time: 期间/前后/前夕/之际 and a comma or colon.
HOLIDAY_AS_TIME = re.compile(
    r"[”\"]?(?:节|节日)?(?:期间|前后|前夕|之际|来临之际|当天|当日|前)?"
    r"(?P<sep>\s*[，,：:]|(?=组织|开展|举办|举行|召开|慰问|走访|评选|表彰|发放|进行|完成))"
)

# A second period joined to the first: 上半年和下半年各… / 3月和9月各… (a frequency).
PAIRED_PERIOD = re.compile(r"[和及与、]\s*(?:[上下]半年|[0-9一二三四五六七八九十]{1,2}月|第[一二三四]季度)")

# A dotted date opening an item: 5.1前后 / 3.8节 / 五.四前后 (quoted before the grammar reads it).
DOTTED_HOLIDAY = re.compile(r"^\s*((?:[0-9]{1,2}|[一二三四五六七八九十])[.．·](?:[0-9]{1,2}|[一二三四五六七八九十]))(?=节|前后|期间|前夕)")

# An explicit year opening a period heading: 2025年1月.
SCHEDULE_HEADING_YEAR = re.compile(r"^\s*((?:19|20)[0-9]{2})\s*年\s*")

# Cheap prefilters: the characters a time expression can start with (after 今年/在/于 …) and the
# characters one ends with. They only skip work; the grammar in timeexpr decides.
TIME_START = re.compile(
    r"\s*(?:今年|本年度?|在|于|从)?\s*[“\"「]?"
    r"(?:[0-9０-９〇零○]|[一二两三四五六七八九十]{1,3}[月、.．·—–\-至到季]|[一二三四五六七八九十][一二三四五六七八九十]?[，,：:节妇劳青儿建]"
    r"|第[一二三四五六七八九十0-9]|[上下]半年|[上中下]旬|寒|暑|开学|学期|期[中末]|春[季节]|夏季|秋季|冬季|次年|明年|来年|翌年|去年"
    r"|本[年月学]|元旦|元宵|国庆|清明|端午|中秋|重阳|植树|教师节|妇女|劳动节|青年节|儿童节|建党|建军|护士|学雷锋|雷锋)"
)

TIME_END = re.compile(r"[月份季度周期假旬日节年初末底间前后天]\s*[）)]?\s*[。；;.，,]?\s*$")

# Dates in brackets inside a heading: 预备周（8月25日—8月31日）.
HEADING_BRACKET = re.compile(r"[（(]([^（）()]{2,30})[）)]")

# A labelled deadline, often in an item's closing bracket: （责任单位：…；完成时限：6月底） / 时限：9月30日前
DEADLINE_LABEL = re.compile(r"(?:完成时限|完成时间|办结时限|时限|截止时间|完成期限)\s*[:：]\s*(?P<when>[^；;，,。)）]{2,16})")
# A completion verb right after a time makes the item a deadline: 12月底前完成 / 6月底前全部验收.
COMPLETION = re.compile(r"[，,]?\s*(?:全面|基本|全部|必须|务必|须|要)?(?:完成|结束|验收|到位|完毕|上报|报送|建成|竣工|交齐)")

# --- task prefilters and clauses (tasks.py) -------------------------------------------------------

# Cheap prefilters (they only skip work; the extractors in fields.py decide): a target needs a
# number or a comparator, a deadline a time word or 年内, an owner one of its label words.
TARGET_HINT = re.compile(r"[0-9０-９%％‰]|不少于|不得少于|不低于|至少|最少|力争|确保|累计|不超过|分之|[一二两三四五六七八九十]次")

DEADLINE_HINT = re.compile(r"前|完成|结束|验收|到位|完毕|上报|报送|建成|竣工|交齐|截止|截至|最迟|最晚|年内|本年度|当年")

OWNER_HINT = re.compile(r"由|负责|牵头|责任|组长|承办|主办|[)）]\s*[。．.；;]?\s*$")

# Clauses of a sentence, each with its closing comma.
CLAUSE = re.compile(r"[^，,]+[，,]*")
