"""Compiled regular expressions for task fields, extraction units, schedule binding and task prefilters.

The time-expression grammar has its own module, ``extract.patterns``; this one holds what reads
the rest of an item: frequency, targets, owners, deadlines, actions, table cells and sentences.
"""

from __future__ import annotations

import re

from analyzer.extract.patterns import BULLETS, DIGIT
from analyzer.ingest import patterns as _reading
from analyzer.structure import patterns as _outline

# --- task fields -------------------------------------------------------------------------------

_COUNT = f"(?:[{DIGIT}]+|[一二两三四五六七八九十百千]+)"
_HAN = "\u4e00-\u9fff"

# Frequencies, one named group per kind; the earliest match in a text wins. Counted periods
# (每两个月, 每10天) are resolved in code from ``n_days`` / ``n_months``.
# Every alternative starts with one of the characters in the leading lookahead: the regex engine
# then skips other positions at once instead of trying each alternative there (3× faster).
FREQUENCY = re.compile(
    r"(?=[不每一学年全半上寒按季月周隔])"
    r"(?:(?P<irregular>不定期)"
    r"|(?P<semesterly>每个?学期|一学期[一两二三四]次|学期[一两二三四]次)"
    r"|(?P<yearly>每一?年度?|每学年|一年一度|一年一届|年年|一年(?![级期来内中])[\u4e00-\u9fff]{0,4}?" + _COUNT + r"次|年度[一两]次"
    r"|年内[^，,。；;]{0,12}?" + _COUNT + r"[次届期场]|全年[^，,。；;]{0,12}?" + _COUNT + r"次)"
    r"|(?P<half_yearly>每半年|半年一[次考评查检]|半年[一两二三]次|上[、,，]?下半年各|上半年[和与及、]下半年各)"
    r"|(?P<semesterly2>寒暑假前|每逢寒暑假)"
    r"|(?P<quarterly>每个?季度?|按季度?|(?<![第一二三四1-4１-４])季度(?![末初底]))"
    f"|每隔?(?P<n_months>{_COUNT})?个?月(?!份)|(?P<monthly>每个月|按月|月月|月度)"
    f"|(?P<weekly>每隔?(?:[一两二三]|[{DIGIT}])?个?(?:周|星期|礼拜)|每双周|隔周|周周|每半个?月)"
    f"|每隔?(?P<n_days>{_COUNT})?[天日](?!常))"
)
# A table cell that is only a frequency: 每月, 每季度, 每学期一次, 按月.
FREQUENCY_CELL = re.compile(r"^(?:每(?:个|两个|半)?(?:月|季度?|学期|年|周|星期)|按(?:月|季度?))(?:[一两二三四]次)?$")
# A one-off: 举办一次, 组织一次 (not 一次性).
# Also after the object, closing the clause: 举办健康知识讲座一次 (not 第一次, 每…一次).
_ONCE_VERB = (
    r"(?:举办|组织|召开|开展|举行|进行|安排|策划|评选|搞|考察|参观|检查|培训|体检|慰问|走访|评比|演练|座谈|调研"
    r"|比赛|竞赛|展演|演出|展览|联欢)"
)
ONCE = re.compile(
    "(?=[举组召开进安策评搞考参检培体慰走演座调比竞展联])"  # every verb's first character (tested)
    + _ONCE_VERB + r"了?一(?:次|届|场)(?!性)"
    "|" + _ONCE_VERB + f"[{_HAN}“”\"「」]{{1,12}}?(?<![第每])一(?:次|届|场)(?=[，,。；;）)]|$)"
)

# The words every ONCE match holds (a cheap test before ONCE runs).
ONCE_WORD = re.compile("一次|一届|一场")

_NUMBER = f"[{DIGIT}]+(?:[.．][{DIGIT}]+)?"
_PERCENT = f"{_NUMBER}[ ]?(?:[%％‰]|个百分点)"
_UNIT = (
    "万?(?:人次|场次|户次|课时|学时|小时|元|人|名|次|期|册|家|个|场|项|篇|件|所|户|批|支|节|天|届|本|部|条|座|套|台"
    "|处|组|队|门|种|对|道|块|辆|间|平方米|公里|户|副|幅|张|分|栋)"
)
_RUN = f"[{_HAN}“”\"「」『』]"  # the words between a target's verb and its number (no punctuation)
_LIST_RUN = f"[{_HAN}“”\"「」『』、]"  # the same, through a list of nouns (培训柜员、客户经理等业务骨干300人次)
_AROUND = "(?:以上|以下|以内|左右|余)?"
_RAISE_TO = "提高到|提升到|提高至|提升至|增加到|增加至|增至|扩大到|扩大至"  # 覆盖率提升至90%, 增加到10个
# A rate target: 签订率达到100%, 建会率达到90%以上, 满意度达到95%, 入会率保持100%, 签约率力争在
# 学期末达到50% (two characters name the rate).
RATE_TARGET = re.compile(
    f"[{_HAN}]{{2}}[率度][{_HAN}]{{0,8}}?(?:达到|达|保持在|保持|{_RAISE_TO}|不低于|超过|控制在|在)[ ]?{_PERCENT}{_AROUND}"
)
# A bare percentage target: 达到80%以上, 不少于30%, 下降10%, 下降2个百分点, 控制在1‰以内.
PERCENT_TARGET = re.compile(
    f"(?:达到|达|超过|不低于|不少于|不得低于|不得少于|不超过|{_RAISE_TO}|保持在|稳定在|控制在|下降|降低|减少|增长|提高"
    f"|提升|增加)(?:[{_HAN}]{{1,8}}?的)?[ ]?{_PERCENT}{_AROUND}"  # 不少于会员总数的30%
)
# A minimum count, with up to 14 characters of verb and object inside: 不少于500人次,
# 至少召开一次, 力争新建职工书屋1个, 累计签订集体合同50家.
MIN_COUNT_TARGET = re.compile(
    f"(?:不少于|不得少于|不低于|至少|最少|力争|确保|累计){_RUN}{{0,14}}?(?<!第)(?:{_NUMBER}|{_COUNT})[ ]?{_UNIT}{_AROUND}"
)
_COUNT_VERBS = (
    "培训|新建|新增|发展|慰问|帮扶|资助|救助|发放|组建|建立|创建|评选|表彰|签订|走访|吸纳|筹集|募集|投入|推荐|选派|培养"
    "|建成|完成|覆盖|建设|命名|设立|改造|确定|举办|开展|召开|结对|选树|打造|推选|评出|评选出|配备|购置|安装|升级"
    "|排查|整治|治理|帮助|服务|联系|走访慰问|赠送|捐赠|捐助"
)
# A verb with an Arabic count: 培训工会干部200名, 发放慰问金10万元, 建设“职工小家”示范点4个
# (a long ``run`` is cut in code to keep the phrase minimal).
VERB_COUNT_TARGET = re.compile(
    f"(?:{_COUNT_VERBS})(?P<run>{_LIST_RUN}{{0,16}}?)(?<![第、]){_NUMBER}[ ]?{_UNIT}{_AROUND}"
)
# A count reached: 参保人数达到2万人, 突破500家.
REACH_COUNT_TARGET = re.compile(f"(?:达到|超过|突破|{_RAISE_TO})[ ]?{_NUMBER}[ ]?{_UNIT}{_AROUND}")
# A cap: 总额不超过3万元, 控制在5人以内, 控制在14秒以内, 稳定在120人以上; a share for each: “模范职工之家”各1个;
# all of a count: 全部23个小区; a count after a quoted name: “巾帼文明岗”10个; a rate with no verb: 办结率100%;
# a fraction: 控制在十万分之一以下, 三分之一.
CAP_TARGET = re.compile(
    f"(?:不超过|不高于|不得超过|控制在|稳定在|保持在)[ ]?(?:{_NUMBER}[ ]?(?:{_UNIT}|秒|分钟)|[一二三四五六七八九十百千万]+分之[一二三四五六七八九十]+){_AROUND}"
)
QUOTED_COUNT_TARGET = re.compile(
    f"(?:“[^”]{{2,12}}”|\"[^\"“”]{{2,12}}\"|「[^」]{{2,12}}」|『[^』]{{2,12}}』)[ ]?{_NUMBER}[ ]?{_UNIT}"
)
BARE_RATE_TARGET = re.compile(f"[{_HAN}]{{2}}率[ ]?{_PERCENT}{_AROUND}")
EACH_TARGET = re.compile(f"[{_HAN}“”]{{2,12}}各[ ]?{_NUMBER}[ ]?{_UNIT}")
ALL_TARGET = re.compile(f"(?:全部|所有|全体)[ ]?{_NUMBER}[ ]?{_UNIT}[{_HAN}]{{2,8}}")
# A verb, a count and what is counted: 设立3个民警休息点, 确定1名党员中心户.
COUNT_NOUN_TARGET = re.compile(f"(?:{_COUNT_VERBS})(?<!第){_NUMBER}[个名家支所处套][{_HAN}“”]{{2,6}}")
# The same after a list closed by 等: 组建篮球、羽毛球、读书等5个员工俱乐部 (the target is the count and noun).
LISTED_COUNT_TARGET = re.compile(
    f"(?:{_COUNT_VERBS})[{_HAN}“”\"、]{{1,20}}?等(?P<count>{_NUMBER}[个名家支所处套][{_HAN}“”]{{2,6}})"
)

# A count that closes its clause after what it counts: 技能比武两场, 雨污分流管网38公里,
# “住建先锋”十名, 优秀护士二十名, 路灯35盏. Chinese numerals count here only (四项技能大赛 and 第四届
# are not counts of this kind: the numeral comes first or follows 第). Units are those of things
# counted (not 次/天/届: 每年一次 is a frequency, 为期三天 a duration).
_CN_COUNT = "[一二两三四五六七八九十百千]+"
_CLAUSE_UNIT = (
    "万?(?:人次|户次|场次|平方米|公里|千米|米|元|个|名|场|项|户|期|家|所|支|篇|件|批|座|条|本|册|套|台|处"
    "|盏|株|间|块|辆|张|幅|对|人)"
)
# What every CLAUSE_COUNT_TARGET match holds: the count itself, closing its clause (find_targets runs
# the pattern, which tries a run of words at every position, only where this is found).
CLAUSE_COUNT = re.compile(
    f"(?=[{DIGIT}一二两三四五六七八九十百千])(?<![第每、漏落])(?:{_NUMBER}|{_CN_COUNT})[ ]?{_CLAUSE_UNIT}{_AROUND}(?=[，,。；;：:、）)]|\\s|$)"
)
CLAUSE_COUNT_TARGET = re.compile(
    f"(?P<run>{_RUN}{{2,12}}?)(?<![第每、漏落])(?P<count>{_NUMBER}|{_CN_COUNT})[ ]?{_CLAUSE_UNIT}{_AROUND}"
    r"(?=[，,。；;：:、）)]|\s|$)"
)

# A clause that states the present (现有各类企业137家, 已建工会的企业112家): its counts are facts, not targets.
STATUS_CLAUSE = re.compile(r"现有|已有|已建|共有|目前|现已|已经")
CLAUSE_START = re.compile(r"[，,。；;：:！!？?]")

# Owners, in order of trust. A labelled owner in brackets: (责任科室:组织部、宣教部).
OWNER_LABELLED_PAREN = re.compile(
    r"[（(][ ]?(?:责任|牵头|负责|承办|主办|实施)(?:科室|部门|单位|处室|部室|领导|人)?[ ]?[:：][ ]?([^()（）]{1,30}?)[ ]?[)）]"
)
# The same bracket closing an item (…会议（责任部门：工会办公室）；): the owner, left out of the item's text.
OWNER_BRACKET_END = re.compile(OWNER_LABELLED_PAREN.pattern + r"(?P<end>[；;。.]?)\s*$")
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
    r"|[，,]?(?:进行|组织|接受)[^，,。；;]{1,12}?验收"  # 6月底进行“职工之家”验收
)
# Before a time: 截至/截止到 make it a deadline.
DEADLINE_BEFORE = re.compile(r"(?:截至|截止到?|最迟|最晚)(?:在|于|到)?$")
# Within the year: 年内完成, 本年度内完成.
DEADLINE_YEAR = re.compile(
    r"(?:年内|本年度内?|当年)(?:全面|基本|全部)?(?:完成|建成|实现|到位|落实|新建|建立|组建|创建|成立|新增)"
    r"|(?:年内|本年度内)[^，,。；;]{1,16}?(?:达到|实现|覆盖)"  # 年内民办学校教代会建制率达到85%
)

# Task verbs; LIGHT_VERB ones usually lead to the real verb (组织召开, 配合学校做好).
ACTION_VERB = re.compile(
    "召开|举办|举行|开展|组织|慰问|配合|协助|协同|会同|督促|开设|建立|健全|完善|加强|推进|落实|实施|评选|表彰"
    "|参加|参与|组建|创建|培训|学习|宣传|签订|走访|看望|发放|筹备|启动|收集|迎接|总结|庆祝|做好|搞好|抓好|成立"
    "|制定|修订|推动|深化|评比|征集|选举|审议|帮扶|资助|编印|印发|检查|拟定|上报|报送|完成|提高|提升|举行"
)
LIGHT_VERB = frozenset(("组织", "配合", "协助", "协同", "会同", "督促"))
# A verb inside the words before a clause-closing count: the counted thing starts after it
# (年内举办技能比武两场 → 技能比武两场).
RUN_VERB = re.compile(f"(?:{_COUNT_VERBS}|{ACTION_VERB.pattern})")
OBJECT_END = re.compile(r"[，,。；;：:！!？?\n]")
# An object after its verb: up to the clause end (OBJECT_END), without the words 开展好…, 举办一次…
# in front (group 1).
OBJECT = re.compile(r"(?:好|一次|一批|一场|一届|一期|了)?([^，,。；;：:！!？?\n]*)")

_OWNER_NAME = (
    r"[\u4e00-\u9fffA-Za-z]{0,10}(?:部|处|室|科|组|办|委|工会|委员会|协会|队|中心|馆|站|所|校长|主席|书记|组长|委员"
    r"|老师|主任|全体|专干|网格长|网格员|志愿者|执委|员|经理|总工|负责人|主管|队长|站长|所长|院长|园长|班|班组|大学|学校)"
)

# --- extraction units: sentences, table cells, owners (units.py) ---------------------------------

# An item whose last line ends a sentence is complete (continuation lines are wrapped lines only).
FINISHED = re.compile(r"[。！？!?；;]\s*$")

# Sentence ends inside an item; the mark stays with its sentence.
# Runs of ordinary characters are taken whole (``[^…]+``), so the loop turns once per dot, not per
# character; after the run the next character always closes the sentence (no backtracking).
# An ASCII full stop ends a sentence before a space, a hanzi, a quote or the end, and also after a
# hanzi before a month (分工.4月15日前完成…: English punctuation, not the decimal 5.1).
_STOP_END = r"[\s\u4e00-\u9fff“\"]|$|(?<=[\u4e00-\u9fff]\.)[0-9]{1,2}\s*月"
SENTENCE = re.compile(rf"(?:[^。！？!?；;.]+|\.(?!{_STOP_END}))+(?:[。！？!?；;]+|\.(?={_STOP_END})|$)")

# Several activities in one cell or month line, separated by semicolons.
ACTIVITY_SPLIT = re.compile(r"\s*[;；]\s*")

# A table row: cells separated by pipes (docx rows and flattened tables), or tab-separated.
PIPE = re.compile(r"\s*[|｜\t]\s*")

# Table header cells (not content), and those naming the time and the content columns: the reading
# stage's vocabulary (it joins tables flattened one cell per line with it), shared here.
HEADER_CELL = _reading.TABLE_HEADER_CELL
TIME_HEADER = _reading.TIME_HEADER
CONTENT_HEADER = _reading.CONTENT_HEADER

# A time cell naming no month but the whole year (全年, 每月, 常年, 长期, 日常): a recurring activity.
RECURRING_CELL = re.compile(r"^(?:全年|全年度|每月|每个月|常年|长期|日常|平时|常态化|全学年|每周)$")

# Header cells naming the owner column.
OWNER_HEADER = re.compile(r"^(?:责任|负责|牵头|承办|主办)")
# Header cells of columns that are neither activity nor owner: who takes part, remarks, places.
ASIDE_HEADER = re.compile(r"^(?:参加|参与|活动对象|对象|范围|备注|说明|地点|配合)")

OWNER_CELL = re.compile(rf"^{_OWNER_NAME}(?:[、，,/及和与]{_OWNER_NAME})*$")

# A cell holding only template residue (某某, XX, ×××): never an activity.
PLACEHOLDER_CELL = re.compile(r"^(?:某某|[XxＸｘ×*＊]{2,}|[_＿]{2,})[\u4e00-\u9fff]{0,4}$")
# A person's name alone in an owner column (李红, 王丽): two or three characters.
PERSON_CELL = re.compile(r"^[\u4e00-\u9fff]{2,3}$")

# --- schedule binding (schedule.py) ---------------------------------------------------------------

# The term a plan is for, from its title or opening: 第二学期/春季学期 → spring; 第一学期/秋季 → autumn.
SPRING = re.compile(r"第二学期|下学期|春季学期|春学期|春季")

AUTUMN = re.compile(r"第一学期|上学期|秋季学期|秋学期|秋季")
# A heading that names the term of the items below it (第一学期 is the autumn term, 第二学期 spring).
SENTENCE_PUNCT = re.compile(r"[，,。；;！!？?]")
TERM_HEADING = re.compile(r"(?P<autumn>第一学期|上学期|秋季学期|秋学期)|(?P<spring>第二学期|下学期|春季学期|春学期)")

# Punctuation left between a leading time and the activity: "9月份，大一新生…".
LEAD_JOIN = re.compile(r"^[\s，,、:：；;.。．]*")

# A trailing bracketed time: "…（六月份）。"
TRAIL_PAREN = re.compile(r"\s*[（(][^（）()]{1,30}[)）]\s*[。.；;]?\s*$")

# What follows a holiday that is used as an item's time: 期间/前后/前夕/之际 and a comma or colon.
HOLIDAY_AS_TIME = re.compile(
    r"[”\"]?(?:节|节日)?(?:期间|前后|前夕|之际|来临之际|当天|当日|前)?"
    r"(?P<sep>\s*[，,：:]|(?=组织|开展|举办|举行|召开|慰问|走访|评选|表彰|发放|进行|完成))"
)

# A break in the calendar, not an activity: 国庆放假, 调休, 不安排活动 (kept when an action verb is there).
NO_ACTIVITY = re.compile(r"放假|休假|调休|不安排(?:活动|工作)?|暂停(?:活动)?|无活动|停课")

# A second period joined to the first: 上半年和下半年各… / 3月和9月各… (a frequency).
PAIRED_PERIOD = re.compile(r"[和及与、]\s*(?:[上下]半年|[0-9一二三四五六七八九十]{1,2}月|第[一二三四]季度)")

# A dotted date opening an item: 5.1前后 / 3.8节 / 五.四前后 (quoted before the grammar reads it).
DOTTED_HOLIDAY = re.compile(r"^\s*((?:[0-9]{1,2}|[一二三四五六七八九十])[.．·](?:[0-9]{1,2}|[一二三四五六七八九十]))(?=节|前后|期间|前夕)")

# An explicit year opening a period heading: 2025年1月.
SCHEDULE_HEADING_YEAR = re.compile(r"^\s*((?:19|20)[0-9]{2})\s*年\s*")

# Cheap prefilters: the characters a time expression can start with (after 今年/在/于 …) and the
# characters one ends with. They only skip work; the grammar in timeexpr decides.
TIME_START = re.compile(
    rf"\s*(?:[{BULLETS}]\s*)?(?:今年|本年度?|在|于|从)?\s*[“\"「]?"
    r"(?:[0-9０-９〇零○]|[一二两三四五六七八九十]{1,3}[月、.．·—–\-至到季]|[一二三四五六七八九十][一二三四五六七八九十]?[，,：:节妇劳青儿建”\"」』]"
    r"|第[一二三四五六七八九十0-9]|[上下]半年|年[初底末]|[上中下]旬|寒|暑|开学|学期|期[中末]|春[季节]|夏季|秋季|冬季|次年|明年|来年|翌年|去年"
    r"|本[年月学]|元旦|元宵|国庆|清明|端午|中秋|重阳|植树|教师节|妇女|劳动节|青年节|儿童节|建党|建军|护士|学雷锋|雷锋)"
)

TIME_END = re.compile(r"[月份季度周期假旬日节年初末底间前后天]\s*[）)]?\s*[。；;.，,]?\s*$")

# Dates in brackets inside a heading: 预备周（8月25日—8月31日）.
HEADING_BRACKET = re.compile(r"[（(]([^（）()]{2,30})[）)]")

# A labelled deadline, often in an item's closing bracket: （责任单位：…；完成时限：6月底） / 时限：9月30日前
DEADLINE_LABEL_HINT = re.compile(r"时限|完成时间|截止时间|完成期限")
DEADLINE_LABEL = re.compile(r"(?:完成时限|完成时间|办结时限|时限|截止时间|完成期限)\s*[:：]\s*(?P<when>[^；;，,。)）]{2,16})")
# A completion verb right after a time makes the item a deadline: 12月底前完成 / 6月底前全部验收.
COMPLETION = re.compile(r"[，,]?\s*(?:全面|基本|全部|必须|务必|须|要)?(?:完成|结束|验收|到位|完毕|上报|报送|建成|竣工|交齐)")

# --- task prefilters and clauses (tasks.py) -------------------------------------------------------

# Cheap prefilters (they only skip work; the extractors in fields.py decide): a deadline needs a
# time word or 年内, an owner one of its label words (targets: TARGET_GATE below).
# (The leading lookaheads hold every alternative's first character: they only make the scan faster.)
DEADLINE_HINT = re.compile(r"前|完成|结束|验收|到位|完毕|上报|报送|建成|竣工|交齐|截止|截至|最迟|最晚|年内|本年度|当年")

# A necessary condition of every owner pattern (fields.find_owner returns early without it).
OWNER_GATE = re.compile(r"(?=[由负牵责组承主实)）])(?:由|负责|牵头|责任|组长|承办|主办|实施|[)）]\s*[。．.；;]?\s*$)")
OWNER_HINT = re.compile(r"(?=[由负牵责组承主)）])(?:由|负责|牵头|责任|组长|承办|主办|[)）]\s*[。．.；;]?\s*$)")

# Necessary conditions of the target patterns (fields.find_targets skips a pattern that cannot match):
# every pattern but the minimum-count and cap ones needs an Arabic digit, the rate ones a percent.
# TARGET_GATE holds them all: every target ends its number with a digit followed by a unit or a
# percent sign (3个, 10万元, 95%), unless it opens with a minimum-count or cap word (至少召开一次,
# 控制在三分之一). Dates (2026年3月) and item numbers pass no gate: most sentences stop here.
TARGET_GATE = re.compile(
    f"(?=[{DIGIT}一二两三四五六七八九十百千不至最力确累控稳保])"  # every alternative's first character (tested)
    f"(?:[{DIGIT}][ ]?(?:[%％‰]|个百分点|{_UNIT}|{_CLAUSE_UNIT})"
    f"|[一二两三四五六七八九十百千][ ]?{_CLAUSE_UNIT}{_AROUND}(?=[，,。；;：:、）)]|\\s|$)"
    "|不少于|不得少于|不低于|至少|最少|力争|确保|累计|不超过|不高于|不得超过|控制在|稳定在|保持在)"
)
# One search tells whether a task sentence needs any field but its action: a frequency or one-off
# word, a deadline word, a target, an owner word. Most (开展…活动。) have none and go straight to the
# action. The leading lookahead holds every alternative's first character (tested).
TASK_TRIGGER = re.compile(
    "(?=[不每一二两三四五六七八九十百千学年全半上寒按季月周举组召开进安策评搞考参检培体慰走演座调比竞展联前完结验到报建竣交截"
    "最本当"
    f"{DIGIT}至力确累控稳保由负牵责承主)）])(?:"
    + "|".join(f"(?:{p.pattern})" for p in (FREQUENCY, ONCE_WORD, DEADLINE_HINT, TARGET_GATE, OWNER_HINT)) + ")"
)
HAS_DIGIT = re.compile(f"[{DIGIT}]")
HAS_PERCENT = re.compile("[%％‰]|个百分点")
MIN_COUNT_WORD = re.compile("不少于|不得少于|不低于|至少|最少|力争|确保|累计")
CAP_WORD = re.compile("不超过|不高于|不得超过|控制在|稳定在|保持在")
REACH_WORD = re.compile(f"达到|超过|突破|{_RAISE_TO}")

# A label naming when something happens, followed by the period itself: 活动时间：4月20日—5月10日.
# (The outline reads such a line as a label when it names what the time is of; here a bare 时间：
# counts too, as the outline leaves it a period heading.)
TIME_LABEL = re.compile(rf"^\s*(?:{_outline.TIME_LABEL_WORDS})?(?:时间|日期)\s*[:：]\s*\S")
# A short label opening a line: "每月常规：…", "全年：…".
LEAD_LABEL = re.compile(r"^\s*([^:：，,。；;]{2,10})[:：]")

# Clauses of a sentence, each with its closing comma.
CLAUSE = re.compile(r"[^，,]+[，,]*")

# Two Arabic months listed at the start of a period heading (11、12月份).
DIGIT_MONTH_PAIR = re.compile(r"^([0-9]{1,2})、([0-9]{1,2})月")

# Activity blocks (blocks.py): label lines 活动一：… / 时间：… / 内容：… / 责任人：….
BLOCK_LABEL_LINE = re.compile(r"^(?P<label>[\u4e00-\u9fff0-9]{1,6})[ \t\u3000]*[:：][ \t\u3000]*(?P<value>\S.*)$")
BLOCK_NAME_LABEL = re.compile(r"(?:活动|项目|任务|专项)[一二三四五六七八九十0-9]{1,3}")
BLOCK_TIME_LABELS = frozenset(("时间", "活动时间", "开展时间", "举办时间", "实施时间", "日期", "活动日期", "时间安排"))
BLOCK_CONTENT_LABELS = frozenset(("内容", "活动内容", "工作内容", "主要内容", "具体内容", "活动形式"))
BLOCK_OWNER_LABELS = frozenset(("责任人", "负责人", "责任部门", "负责部门", "牵头部门", "责任单位", "牵头单位",
                                "承办", "承办单位"))

# Months in brackets right after a vague period (暑期（7—8月）): the writer dated it.
MONTH_BRACKET = re.compile(r"[（(][^（）()]{0,12}月[^（）()]{0,6}[)）]")

