"""The monthly schedule: one item per activity, bound to its period heading, table row or own time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from analyzer.extract import field_patterns as P
from analyzer.extract.blocks import find_blocks
from analyzer.extract.fields import find_owner
from analyzer.extract.lunar import resolve as resolve_lunar
from analyzer.extract.patterns import WEEK
from analyzer.extract.table_rows import Table, read_row
from analyzer.extract.timeexpr import (
    Semester,
    TermStart,
    bracketed_lead,
    find_times,
    is_past_reference,
    leading_time,
    period_heading,
    trailing_times,
    week_one,
)
from analyzer.extract.units import (
    PlanView,
    after_item,
    children,
    has_children,
    is_owner_cell,
    item_text,
    lunar_year,
    plan_head,
    sentences,
)
from analyzer.models import Plan, ScheduleItem, TimeSpan
from analyzer.structure.meta import is_signature

# A signature's last character: the 日 or 月 of its date.
_DATE_ENDS = frozenset("日月")
# A title naming a period holds one of these (月, 季度, 假, 周, 阶段, 节, 旬, 学期, 年, 春 …).
_TITLE_TIME_HINT = frozenset("月季假周段节旬期年春夏秋冬旦宵午阳庆一四八")
# Months of the first teaching week by term, when the plan gives no week calendar (dates next to a
# week always win).
_TERM_START = {"spring": 2, "autumn": 9}
_CHAIN_ENDS = frozenset("；;")
_DEADLINE_KINDS = frozenset(("month", "date", "year_part"))  # times whose "before" (…前) is a deadline
_HOLIDAY_KINDS = frozenset(("holiday", "holiday_label"))
_VAGUE_IN_TASKS = frozenset(("season", "half_year", "semester", "vacation"))  # no calendar entry in a task list
_HEAD_SEPARATORS = frozenset("，,：:")  # after a time that heads its line (10月，…)
_TERM_TITLE = 16  # a heading naming a term is short (第一学期, 二、第二学期工作安排)


def plan_semester(plan: Plan) -> Semester | None:
    """The school term a plan is for, when its title or opening says so.

    >>> from analyzer.models import Plan
    >>> plan_semester(Plan(id="x", index=1, title="2024年春季学期工会工作计划", unit=None, year=None,
    ...                    line_start=1, line_end=1))
    'spring'
    """
    head = plan_head(plan)
    if P.SPRING.search(head):
        return "spring"
    if P.AUTUMN.search(head):
        return "autumn"
    return None


@dataclass
class _Ctx:
    plan: Plan
    view: PlanView
    semester: Semester | None
    term_start: int | TermStart | None
    items: list[ScheduleItem] = field(default_factory=list)
    seen: set[tuple[int, str]] = field(default_factory=set)
    block_lines: frozenset[int] = frozenset()  # lines of activity blocks, read as blocks only
    festival_year: int | None = None  # the year lunar festivals fall in (units.lunar_year)

    def add(self, span: TimeSpan, period: str, text: str, line: int, owner: str | None = None) -> None:
        text = text.strip()
        if not text or P.HEADER_CELL.match(text) or (line, text) in self.seen or line in self.block_lines:
            return
        if P.NO_ACTIVITY.search(text) and not P.ACTION_VERB.search(text):
            return  # "国庆放假。" / "调休，不安排活动。": a break in the calendar, not an activity
        if "（" in text or "(" in text:
            bracket = P.OWNER_BRACKET_END.search(text)
            if bracket is not None and bracket.start() > 0:  # …会议（责任部门：工会办公室）；: the owner
                owner = owner or bracket.group(1).strip()
                text = text[:bracket.start()].rstrip() + bracket.group("end")
        self.seen.add((line, text))
        year = self.plan.year + span.year_offset if self.plan.year else None
        if span.qualifier == "前" and span.kind in _HOLIDAY_KINDS and self.festival_year is not None:
            # 春节前 is the days before the festival: February in 2026
            span = resolve_lunar(span, self.festival_year + span.year_offset)
        self.items.append(ScheduleItem(
            month_start=span.month_start, month_end=span.month_end, period=period, text=text, line=line,
            qualifier=span.qualifier, day=span.day, year=year, owner=owner or find_owner(text),
            recurring=span.kind == "recurring"))

    def add_each(self, spans: list[TimeSpan], text: str, line: int) -> None:
        """One activity on several dates (…每年两次（六月份和十二月份）): an item per date, added once."""
        added = len(self.items)
        self.add(spans[0], spans[0].text, text, line)
        if len(self.items) > added:
            for span in spans[1:]:
                self.seen.discard((line, self.items[-1].text))
                self.add(span, span.text, text, line)

    def own_last(self, owner: str) -> None:
        """An owner cell on its own line (flattened tables) belongs to the item before it."""
        if self.items and self.items[-1].owner is None:
            self.items[-1] = replace(self.items[-1], owner=owner)

    def lead(self, text: str) -> TimeSpan | None:
        span = None
        if P.TIME_START.match(text):  # (most items open with a verb: no time expression can start there)
            span = leading_time(text, semester=self.semester, term_start=self.term_start)
            if span is None:
                span = self._holiday_lead(text)
        if span is None and text[:1] in "12":
            span = self._dated_lead(text)
        if span is None and _opens_bracket(text):
            # 五月初五（6月19日）前，… / 中国医师节（8月19日）前后，…: the date in brackets
            span = bracketed_lead(text, semester=self.semester, term_start=self.term_start)
        if span is None or is_past_reference(text, span):
            return None
        return span

    def _dated_lead(self, text: str) -> TimeSpan | None:
        """A time after the year it falls in (``2025年4月进行换届选举``): the plan's year or a next one.

        A year far from the plan's (``2016年5月成立``) is a reference to the past, not a date in the plan.
        """
        m = P.SCHEDULE_HEADING_YEAR.match(text)
        if m is None:
            return None
        span = leading_time(text[m.end():], semester=self.semester, term_start=self.term_start)
        if span is None:
            return None
        offset = int(m.group(1)) - self.plan.year if self.plan.year else 0
        if not 0 <= offset <= 1:
            return None
        return replace(span, start=span.start + m.end(), end=span.end + m.end(), year_offset=offset)

    def _holiday_lead(self, text: str) -> TimeSpan | None:
        """A holiday that opens an item as its time: ``三八妇女节期间，…``, ``5.1前后，…``, ``3.8节组织…``.

        A bare dotted date (5.1, 五.四) is read as a holiday only here, where it opens an item and
        is followed by 节/前后/期间 or a separator.
        """
        head = text[:20]
        dotted = P.DOTTED_HOLIDAY.match(head)
        quoted = f"“{dotted.group(1)}”{head[dotted.end(1):]}" if dotted else head
        spans = find_times(quoted, semester=self.semester, term_start=self.term_start)
        start = len(head) - len(head.lstrip("“\"「 "))
        if not spans or spans[0].kind != "holiday" or spans[0].start > (0 if dotted else start):
            return None  # the holiday must open the item ("开展春节慰问" is an activity, not a date)
        shift = 2 if dotted else 0  # the quotes added around the dotted date
        last = spans[0]
        if len(spans) > 1 and spans[1].kind == "holiday" and spans[1].start == spans[0].end and not dotted:
            last = spans[1]  # "中秋国庆期间": two holidays named together span both
        end = last.end - shift
        m = P.HOLIDAY_AS_TIME.match(text, end)
        if m is None:
            return None
        end = m.end() - len(m.group("sep"))
        # "5.1前后：…" labels its item like a heading; "3.8节组织…" only mentions the day
        kind = "holiday_label" if m.group("sep").strip() in ("：", ":") else "holiday"
        span = replace(spans[0], text=text[:end], start=0, end=end, kind=kind, month_end=last.month_end)
        suffix = text[last.end - shift: end]
        before = suffix + (span.qualifier or "")
        if last is spans[0] and "前" in before and "前后" not in before and span.day == 1:
            month = 12 if span.month_start == 1 else span.month_start - 1  # 国庆节前 → September
            span = replace(span, month_start=month, month_end=month, day=None)
        return span

    def trail(self, text: str) -> list[TimeSpan]:
        """The times an item ends with (several when its closing brackets list months)."""
        if not P.TIME_END.search(text[-16:]):
            return []
        spans = trailing_times(text, semester=self.semester, term_start=self.term_start)
        if not spans or is_past_reference(text, spans[0]):
            return []
        label = P.DEADLINE_LABEL.search(text) if "限" in text or "截止" in text or "完成时间" in text else None
        if label is not None and label.start("when") <= spans[0].start < label.end("when"):
            return []  # "…，完成时限：3月底前。" is the item's deadline, not its date
        return spans


_BRACKET_LEAD = 16  # a lunar date or a festival's name before its bracketed date (中国医师节（8月19日）)
_MAX_BRACKET_LABEL = 10  # 预备周, 第一阶段, 宣传发动阶段, 线上知识竞答: a label before dates in brackets
# Times that name an occasion rather than a date: they never override the heading's period.
_IMPLICIT = frozenset({"week", "season", "holiday", "vacation"})
# Occasions that may narrow a wider heading period (see _narrower).
_OCCASIONS = frozenset({"holiday", "holiday_label", "vacation", "season"})


def _opens_bracket(text: str) -> bool:
    """Whether a bracket opens near the start (a bracketed date after a lunar date or festival)."""
    return "（" in text[:_BRACKET_LEAD] or "(" in text[:_BRACKET_LEAD]


def _heading_span(ctx: _Ctx, title: str, *, bracket: bool = True) -> TimeSpan | None:
    """The period of a heading; a year written in it (2025年1月) sets the items' year.

    With ``bracket``, a period in brackets counts too (``预备周（8月25日—8月31日）``); only a heading
    with items under it may use it (``举办技能比赛（4月中旬）`` alone is an activity with its month).
    """
    span = period_heading(title, semester=ctx.semester, term_start=ctx.term_start)
    if span is None and bracket:
        # "预备周（8月25日—8月31日）": the dates in brackets decide, after a short label only
        # ("组织登山健身活动（10月）" is an activity with its month)
        inner = P.HEADING_BRACKET.search(title)
        if inner is not None and len(title) - len(inner.group(0)) <= _MAX_BRACKET_LABEL:
            span = period_heading(inner.group(1), semester=ctx.semester, term_start=ctx.term_start)
    if span is None:
        m = P.SCHEDULE_HEADING_YEAR.match(title)
        if m is not None:
            span = period_heading(title[m.end():], semester=ctx.semester, term_start=ctx.term_start)
            if span is not None and ctx.plan.year:
                span = replace(span, year_offset=int(m.group(1)) - ctx.plan.year)
    return span


def _as_range(title: str) -> str:
    """A period heading the outline read as a list of two months (11、12月份: no open list of items
    continues with 11、). At a line start the time grammar takes an Arabic ``11、`` for an item number,
    so it is given the range the list names (11—12月份, same length: offsets hold).

    >>> _as_range("11、12月份"), _as_range("3、5月"), _as_range("七、八月份")
    ('11—12月份', '3、5月', '七、八月份')
    """
    m = P.DIGIT_MONTH_PAIR.match(title)
    if m is None or int(m.group(2)) != int(m.group(1)) + 1:
        return title
    return f"{title[:m.end(1)]}—{title[m.end(1) + 1:]}"


def _after(text: str, span: TimeSpan) -> str:
    return P.LEAD_JOIN.sub("", text[span.end:])


def _period_items(ctx: _Ctx, index: int, span: TimeSpan) -> None:
    """Activities under a period heading: its numbered items, else its sentences."""
    plan = ctx.plan
    sec = plan.sections[index]
    period = sec.title
    kids = [k for k in children(plan, index) if plan.sections[k].style not in ("period", "label")]
    table = Table()
    if sec.body:
        for sentence in sentences(sec.body):
            _bound(ctx, span, period, sentence, sec.line)
    for k in kids:
        _bound(ctx, span, period, item_text(plan, k), plan.sections[k].line)
        for n, text in after_item(plan, k):
            own = ctx.lead(text) if P.TIME_START.match(text) else None
            if own is not None and own.kind not in _IMPLICIT and _after(text, own):
                ctx.add(own, own.text, _after(text, own), n)  # a dated entry the outline left under the item
    for n, text, row in ctx.view.body(index):
        if row is not None:
            read_row(ctx, table, row, n, True, default=(span, period))
            continue
        if sec.body and not P.TIME_START.match(text):
            break  # "12月：…" holds its activities on its own line; prose after it closes the list
        if is_owner_cell(text):
            ctx.own_last(text)
            continue
        for sentence in sentences(text):
            _bound(ctx, span, period, sentence, n)


def _narrower(own: TimeSpan, heading: TimeSpan) -> bool:
    """An occasion opening an item (a holiday, a vacation, a season) inside a wider heading period
    dates the item more precisely: “五一”前后 under 上半年 is May, 元宵节 under 第一季度 February."""
    if own.kind not in _OCCASIONS or heading.month_start > heading.month_end or own.month_start > own.month_end:
        return False
    return (heading.month_start <= own.month_start and own.month_end <= heading.month_end
            and own.month_end - own.month_start < heading.month_end - heading.month_start)


def _bound(ctx: _Ctx, span: TimeSpan, period: str, text: str, line: int) -> None:
    """An activity under a period: its own leading time, when it has one, is more precise."""
    if text.rstrip("。")[-1:] in _DATE_ENDS and is_signature(text):
        return  # "恒泰纺织有限公司工会 2026年1月8日" closing a plan written on one line
    own = ctx.lead(text)
    if own is not None and (own.kind not in _IMPLICIT or _narrower(own, span)) and _after(text, own):
        ctx.add(own, own.text, _after(text, own), line)
        return
    ends = [end for end in ctx.trail(text) if end.kind in ("month", "date")]
    if ends:
        ctx.add_each(ends, P.TRAIL_PAREN.sub("", text) or text, line)  # "…安排在次年1月。"
        return
    ctx.add(span, period, text, line)




def _titled_period(ctx: _Ctx, title: str, *, holidays: bool) -> TimeSpan | None:
    """The period an item's title names on its own (a dated phase, a month, a holiday label).

    A holiday stands for its month only inside a schedule section: in a task list
    (``护士节活动：…``) it names an occasion, not a date in the calendar.
    """
    if _TITLE_TIME_HINT.isdisjoint(title):
        return None
    span = period_heading(title, semester=ctx.semester, term_start=ctx.term_start)
    if span is not None and span.kind == "holiday" and not holidays:
        return None
    if span is None and ("（" in title or "(" in title):
        span = _heading_span(ctx, title)  # 线上知识竞答（4月20日—4月30日）：… — dates after a short label
    if span is None and holidays and len(title) <= 8:
        quoted = "“" + title.strip("“”\"") + "”"
        spans = find_times(quoted, semester=ctx.semester, term_start=ctx.term_start)
        if len(spans) == 1 and spans[0].kind == "holiday":
            span = spans[0]
    return span


def _free_units(ctx: _Ctx, index: int, in_schedule: bool) -> None:
    """Items outside period headings: table rows, and items that start or end with a time."""
    plan = ctx.plan
    sec = plan.sections[index]
    units: list[tuple[str, int]] = []
    titled = None
    if sec.body and sec.style not in ("preamble", "period"):
        titled = _titled_period(ctx, sec.title, holidays=in_schedule)
    if titled is not None:
        # "（一）宣传发动阶段（3月1日-3月15日）。组织…" / "4、五一：表彰…": the title is the period.
        for sentence in sentences(sec.body):
            _bound(ctx, titled, sec.title, sentence, sec.line)
    elif sec.style not in ("preamble", "label", "period"):
        units.append((sec.text or sec.title, sec.line))
    elif sec.body and not (sec.style == "label" and P.TIME_LABEL.match(f"{sec.title}：{sec.body}")):
        units.append((sec.body, sec.line))  # (活动时间：4月20日—5月10日 is the campaign window, not an item)
    table = Table()
    for n, text, row in ctx.view.body(index):
        if row is not None:
            read_row(ctx, table, row, n, in_schedule)
            continue
        units.append((text, n))
    starts_with_time, ends_with_time = P.TIME_START.match, P.TIME_END.search  # the gates of lead() and trail()
    for text, n in units:
        chained: TimeSpan | None = None  # "10月，组织招聘会；举办培训班。": activities chained by ；share the time
        for sentence in sentences(text):
            carried, chained = chained, None
            if (not in_schedule and carried is None and starts_with_time(sentence) is None
                    and ends_with_time(sentence[-16:]) is None and not _opens_bracket(sentence)):
                continue  # neither starts nor ends with a time: nothing to schedule (most sentences)
            if sentence.rstrip("。")[-1:] in _DATE_ENDS and is_signature(sentence):
                continue  # "城关镇环卫所 2025年1月5日" closing a plan written on one line
            span = ctx.lead(sentence)
            if span is None and carried is not None and not ctx.trail(sentence):
                ctx.add(carried, carried.text, sentence, n)
                chained = carried if sentence[-1:] in _CHAIN_ENDS else None
                continue
            if (span is not None and span.kind in _VAGUE_IN_TASKS and not in_schedule
                    and not P.MONTH_BRACKET.match(sentence, span.end)):  # (暑期（7—8月）… is dated)
                span = None  # "秋季运动会", "上半年和下半年各…", "开学初召开教代会", "暑期开办托管班" in a
                # task list: how the task recurs in the year, not a calendar entry (the schedule has those)
            if span is not None and P.PAIRED_PERIOD.match(sentence, span.end):
                span = None  # "上半年和下半年各举办一次": a frequency, not a date
            if span is not None and span.kind != "week" and _after(sentence, span):
                if not in_schedule and (_before(span) or P.COMPLETION.match(sentence, span.end)):
                    continue  # "12月底前完成…", "年底前为…建成…" in a task list: a deadline, not an activity
                dated = P.MONTH_BRACKET.match(sentence, span.end)
                if dated is not None:  # 暑期（7—8月）开办…: the bracket belongs to the period
                    ctx.add(span, sentence[span.start:dated.end()], P.LEAD_JOIN.sub("", sentence[dated.end():]), n)
                else:
                    ctx.add(span, span.text, _after(sentence, span), n)
                # the time heads the line (10月，…；…): the next activity after ；shares it
                heads = span.kind not in _IMPLICIT and sentence[span.end:span.end + 1] in _HEAD_SEPARATORS
                chained = span if heads and sentence[-1:] in _CHAIN_ENDS else None
                continue
            ends = ctx.trail(sentence)
            if ends:
                # "…，每年两次（六月份和十二月份）。": one item per month
                ctx.add_each(ends, P.TRAIL_PAREN.sub("", sentence) or sentence, n)
                continue
            if in_schedule:
                hits = [s for s in find_times(sentence, semester=ctx.semester, term_start=ctx.term_start)
                        if not is_past_reference(sentence, s) and s.kind != "week"]
                if hits:
                    ctx.add(hits[0], hits[0].text, sentence, n)


def _before(span: TimeSpan) -> bool:
    """A month or date that says "before" (6月底前, 年底前, 10月15日前): a deadline. Not "around"
    (9月前后), and not a festival (端午节前 times an activity: the days before the festival)."""
    qualifier = span.qualifier or ""
    return span.kind in _DEADLINE_KINDS and qualifier.endswith("前") and not qualifier.endswith("前后")


def _block_items(ctx: _Ctx) -> None:
    """Activities written as blocks of label lines (活动一：… / 时间：… / 内容：… / 责任人：…): one item
    per block, outside reviews; their lines are then closed to the other readings."""
    plan = ctx.plan
    if not any(("内容" in line[:6] or "活动形式" in line[:6]) and ("：" in line[:8] or ":" in line[:8])
               for line in plan.text_lines):
        return  # every block has a content label line (内容：…, 活动内容：…)
    lines = [(plan.line_start + k, text) for k, text in enumerate(plan.text_lines)]
    for sec in plan.sections:
        if sec.level == 1 and sec.kind == "review":
            lines = [(n, "") if sec.line <= n <= sec.end_line else (n, text) for n, text in lines]
    used: set[int] = set()
    for block in find_blocks(lines):
        span = _heading_span(ctx, block.time)
        if span is None:
            continue
        ctx.add(span, block.time, block.content, block.content_line, owner=block.owner)
        used |= block.lines
    ctx.block_lines = frozenset(used)


def _heads_items(view: PlanView, index: int) -> bool:
    """Whether section ``index`` has a body, subsections or lines of its own under its heading."""
    plan = view.plan
    return bool(plan.sections[index].body) or has_children(plan, index) or view.has_lines(index)


def _term_starts(plan: Plan) -> Callable[[Semester | None], int | TermStart | None]:
    """When teaching week 1 of a term starts: from the plan's own week calendar (``第1周为3月2日…``,
    ``9月1日开学``) when it gives one for that term, else the term's usual month; None for no term
    and no calendar."""
    text = "\n".join(plan.text_lines) if any("周" in line for line in plan.text_lines) else ""
    if not WEEK.search(text):
        return lambda term: _TERM_START.get(term) if term else None  # no teaching weeks to place
    found: dict[Semester | None, int | TermStart | None] = {}

    def term_start(term: Semester | None) -> int | TermStart | None:
        if term not in found:
            found[term] = week_one(text, term) or (_TERM_START.get(term) if term else None)
        return found[term]

    return term_start


def _section_terms(plan: Plan, semester: Semester | None) -> list[Semester | None]:
    """The school term of each section: set by the last short line before its heading that names a
    term (第一学期 / （二）第二学期 / 二、下学期工作安排, numbered or not), else the plan's own (a
    school-year plan holds both terms, one after the other)."""
    marks: list[tuple[int, Semester]] = []  # (line, term) in reading order
    for offset, line in enumerate(plan.text_lines):
        if "学期" in line and len(line.strip()) <= _TERM_TITLE and not P.SENTENCE_PUNCT.search(line):
            named = P.TERM_HEADING.search(line)
            if named is not None:
                marks.append((plan.line_start + offset, "autumn" if named.lastgroup == "autumn" else "spring"))
    terms: list[Semester | None] = []
    k, term = 0, semester
    for sec in plan.sections:
        while k < len(marks) and marks[k][0] <= sec.line:
            term = marks[k][1]
            k += 1
        terms.append(term)
    return terms


def extract_schedule(plan: Plan, view: PlanView | None = None) -> list[ScheduleItem]:
    """Every scheduled activity of a plan, in reading order.

    Month headings (三月份, 七——八月份, 第一季度 …) bind the items under them; table rows give their
    time cell; elsewhere an item that starts (``9月份，…``) or ends (``…（六月份）``) with a time
    is scheduled. Past-tense mentions (``3月份以来``) and review sections are left out.
    ``view`` is the plan cut for extraction (the pipeline shares one with the task pass); one is
    made here when it is not given.

    >>> from analyzer.structure.outline import parse_outline
    >>> from analyzer.models import Plan
    >>> lines = ["三、工作安排", "七——八月份", "1、组织暑期疗休养。"]
    >>> p = Plan(id="x", index=1, title=None, unit=None, year=2024, line_start=1, line_end=3,
    ...          sections=parse_outline(lines).sections, text_lines=tuple(lines))
    >>> [(i.month_start, i.month_end, i.text) for i in extract_schedule(p)]
    [(7, 8, '组织暑期疗休养。')]
    """
    semester = plan_semester(plan)
    term_start = _term_starts(plan)
    ctx = _Ctx(plan, view or PlanView(plan), semester, term_start(semester), festival_year=lunar_year(plan))
    under_period: set[int] = set()
    for i, sec in enumerate(plan.sections):
        if sec.parent is not None and (sec.parent in under_period or plan.sections[sec.parent].style == "period"):
            under_period.add(i)
    terms = _section_terms(plan, semester)
    _block_items(ctx)
    for i, sec in enumerate(plan.sections):
        if terms[i] != ctx.semester:  # a 第一学期 / 第二学期 heading sets the term of the items below it
            ctx.semester, ctx.term_start = terms[i], term_start(terms[i])
        if sec.kind == "review" or i in under_period:
            continue
        if sec.kind == "preamble" and len(plan.sections) > 1:
            continue  # the opening describes the plan ("8月25日至8月31日为预备周"); it schedules nothing
        if sec.style == "period" or (not sec.body and sec.style not in ("preamble", "label")
                                     and not _TITLE_TIME_HINT.isdisjoint(sec.title)):
            # "三月份" and also numbered ones: "二、下半年" with its items below
            title = _as_range(sec.title) if sec.style == "period" else sec.title
            span = _heading_span(ctx, title, bracket=_heads_items(ctx.view, i))
            if span is not None and P.TIME_LABEL.match(sec.title) and not sec.body:
                continue  # "活动时间：4月20日—5月10日": when the whole campaign runs, not a block of items
            if span is not None:
                _period_items(ctx, i, span)
                continue
        _free_units(ctx, i, in_schedule=sec.kind == "schedule")
    ctx.items.sort(key=lambda item: item.line)
    return ctx.items
