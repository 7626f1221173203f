"""Parse a plan's numbered outline (一、 > （一） > 1、 > （1） > ①, labels, month headings) into Sections."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.ingest.wholetext import scan_lines
from analyzer.models import Finding, Section
from analyzer.structure import patterns as P
from analyzer.structure.headings import MAX_LABEL_LINE, label_heading, period_heading_text, split_title
from analyzer.structure.kinds import MAX_KIND_TITLE, classify_heading, match_kind, nested_kind
from analyzer.structure.numbering import Token, match_token

_MAX_HEADING_TITLE = 15  # a bare heading's title is short; longer ones are list items
_MAX_PLAIN_HEADING = 40  # an unnumbered heading (period, section name) is never longer
_BULLETS = "●◆■▲★☆•▪►➢➤※◇□△"
_MAX_ANNEX_TITLE = 40  # the title of an annex, on the line after its 附件：


@dataclass(slots=True)
class _Draft:
    """A heading found so far: the fields of its Section, and its state while it is on the stack."""

    heading: str
    title: str
    number: str | None
    level: int
    parent: int | None
    line: int
    style: str
    body: str
    text: str
    period_title: bool  # the title is itself a period (二、下半年): its section is a schedule
    index: int  # its index in the plan's drafts
    value: int  # its number's value (0 for a period or a label)
    hint: str | None  # the kind its title names, if any
    parts: tuple[int, ...]  # decimal components (1.2 → (1, 2))
    emitted_title: str  # title and body as emitted (a glued heading later on may shorten the two above)
    emitted_body: str
    end: int = 0  # its last line, set when a later heading closes it (0: open to the plan's end)

    @property
    def item(self) -> bool:
        """A list item with text of its own, not a bare heading (decided only when a period asks)."""
        title = self.emitted_title
        return bool(self.emitted_body) or len(title) > _MAX_HEADING_TITLE or P.CLAUSE_PUNCT.search(title) is not None


@dataclass(frozen=True)
class Outline:
    """The result of outline parsing: sections in reading order and numbering findings."""

    sections: tuple[Section, ...]
    findings: tuple[Finding, ...]


class _OutlineBuilder:
    """Walks a plan's lines once, keeping a stack of open headings."""

    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.stack: list[_Draft] = []  # the open headings, outermost first (stack[k].level == k + 1)
        self.findings: list[Finding] = []
        self.dec_seen: set[tuple[int, ...]] = set()
        self.prev = ""  # the previous non-empty line (to recognise a signature's date)
        self.untitled_annex: _Draft | None = None  # an annex heading (附件：) whose title may follow it

    # -- stack placement: each returns the depth of the new heading; _emit closes what lies deeper --

    def _depth_of_style(self, style: str) -> int | None:
        stack = self.stack
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth].style == style:
                return depth
        return None

    def _place(self, style: str, value: int, line: int, evidence: str) -> int:
        """Where a heading of ``style`` belongs on the stack: its depth."""
        stack = self.stack
        depth = len(stack) - 1
        while depth >= 0 and stack[depth].style != style:  # (_depth_of_style, inline)
            depth -= 1
        if depth >= 0:
            last = stack[depth].value
            if value == last and value > 0:
                self._finding("numbering_duplicate", f"编号重复：“{evidence[:12]}”与上一条编号相同", evidence, line)
            elif value > last + 1 and last > 0:
                self._finding("numbering_gap", f"编号跳号：上一条为 {last}，此处为 {value}", evidence, line)
            return depth
        family = P.STYLE_FAMILY.get(style)
        if family is not None:
            for d in range(len(stack) - 1, -1, -1):
                if P.STYLE_FAMILY.get(stack[d].style) == family and value == stack[d].value + 1:
                    return d
        rank = P.STYLE_RANK[style]
        if rank == 1 and stack and stack[0].style == "label":
            if style == "cn_bracket" and value == 1:
                # "03 | 重点任务" then "【一】…": bracketed numbers open the label's own list.
                return len(stack)
            # "总体思路：…" then "一、目的要求": the 一、 list stands beside the label, not under it.
            return 0
        depth = len(stack)
        while depth and P.STYLE_RANK[stack[depth - 1].style] >= rank and stack[depth - 1].style != "label":
            # A shallower style than what is open: close the deeper lists (e.g. 一、 after a 1、 list).
            if P.STYLE_RANK[stack[depth - 1].style] == rank and value == 1:
                break  # a new list of the same rank, nested (e.g. 1. under 1、)
            depth -= 1
        return depth

    def _place_period(self) -> int:
        depth = self._depth_of_style("period")
        if depth is not None:
            return depth
        # Close open list items; a period heading hangs under a heading (4.1 第一学期), not an item.
        stack = self.stack
        depth = len(stack)
        while (depth and P.STYLE_RANK[stack[depth - 1].style] >= 3 and stack[depth - 1].hint != "schedule"
               and stack[depth - 1].item):
            depth -= 1
        return depth

    def _place_label(self, kind: str, has_body: bool) -> int:
        stack = self.stack
        if self._depth_of_style("label") == 0:
            return 0
        root_numbered = bool(stack) and stack[0].style != "label"
        if root_numbered and (has_body or kind == stack[0].hint):
            # A label inside a numbered section (工作目标：… under 二、工作目标和任务).
            depth = len(stack)
            while depth and P.STYLE_RANK[stack[depth - 1].style] >= 3:
                depth -= 1
            return depth
        return 0

    # -- emitting ------------------------------------------------------------------------------

    def _finding(self, rule: str, message: str, evidence: str, line: int) -> None:
        self.findings.append(Finding(rule, "warning", message, evidence.strip()[:60], line))

    def _emit(self, depth: int, style: str, value: int, number: str | None, heading: str, title: str,
              body: str, line: int, hint: str | None, parts: tuple[int, ...], text: str,
              period_title: bool = False) -> None:
        """Close the open headings at ``depth`` and deeper (they end before ``line``), then open this one."""
        stack, drafts = self.stack, self.drafts
        while len(stack) > depth:
            closed = stack.pop()
            closed.end = line - 1 if line - 1 > closed.line else closed.line
        draft = _Draft(heading, title, number, depth + 1, stack[-1].index if stack else None, line, style, body,
                       text, period_title, len(drafts), value, hint, parts, title, body)
        drafts.append(draft)
        stack.append(draft)

    # -- recognising ---------------------------------------------------------------------------

    def _accept_decimal(self, tok: Token, segment: str) -> bool:
        if P.HOLIDAY_DOTTED.match(segment) and (P.HOLIDAY_WORDS.match(tok.rest) or self._in_schedule()):
            return False
        if "月" in tok.rest[:6] and P.DECIMAL_THEN_MONTH.match(segment):
            return False  # 1.1月中旬，… / 2.1—2月，…: item 1 or 2 opening with a month, not section 1.1
        parts = tok.parts
        return parts[-1] == 1 or ((*parts[:-1], parts[-1] - 1)) in self.dec_seen

    def _in_schedule(self) -> bool:
        return any(o.hint == "schedule" or o.style == "period" for o in self.stack)

    def _expected(self, tok: Token) -> bool:
        """Is a token found mid-line the next number of an open list (so a glued heading)?"""
        depth = self._depth_of_style(tok.style)
        if depth is not None:
            return tok.value == self.stack[depth].value + 1
        family = P.STYLE_FAMILY.get(tok.style)
        return family is not None and any(
            P.STYLE_FAMILY.get(o.style) == family and tok.value == o.value + 1 for o in self.stack
        )

    def segment(self, text: str, line: int) -> bool:
        """Handle one segment that may start with a heading; True when it was a heading."""
        annex_draft, self.untitled_annex = self.untitled_annex, None
        if annex_draft is not None and self._annex_title(text):
            # 附件： alone, then its title on the next line (2026年重点工作推进计划表)
            annex_draft.title = annex_draft.emitted_title = text
            annex_draft.heading += text  # 附件：2026年重点工作推进计划表, as the text view shows it
            return True
        if text[0] == "附":
            annex = P.ANNEX_HEADING.match(text)
            if annex is not None:  # 附：月度活动安排表 / 附件1：… — a top-level section holding the rest
                title = (annex.group("title") or "").strip()
                self._emit(0, "annex", 0, None, text, title or text.rstrip(":：").strip(), "", line, None, (), text)
                if not title:
                    self.untitled_annex = self.drafts[-1]
                return True
        numbered = text[0] in P.NUMBERING_FIRST_CHARS
        if not numbered and len(text) > _MAX_PLAIN_HEADING and not P.EARLY_COLON.search(text, 0, MAX_LABEL_LINE):
            return False  # a long line that opens with neither a number nor a label is body text
        tok = match_token(text) if numbered else None  # (match_token needs such a first character)
        if tok is not None and tok.style in ("dec2", "dec3") and not self._accept_decimal(tok, text):
            tok = match_token(text, decimal=False)  # "1.3月份，…" is item 1, not section 1.3
        if (tok is not None and tok.style in ("cn_dun", "ar_dun") and "月" in text
                and P.PERIOD_HEADING.match(text) and not (tok.style == "ar_dun" and self._expected(tok))):
            # 三、四月份 is a month list, not 三、 (二、下半年工作计划 stays a numbered heading); after
            # a 、-style number only a month range (…、四月) can make the line a period heading. An
            # Arabic number that continues an open list (…2、 then 3、4月份：…) stays item 3.
            tok = None
        if tok is not None:
            return self._numbered(tok, text, line)
        period = period_heading_text(text)
        if period is not None and P.DATED_YEAR.match(text) and P.SIGNATURE_UNIT.search(self.prev):
            period = None  # "XX工会 / 2019年2月" is a signature and its date, not a month heading
        if period is not None and P.TIME_LABEL_LINE.match(text):
            period = None  # "活动时间：4月20日—5月10日" is a label line of a 活动方案, read as a label below
        if period is not None:
            depth = self._place_period()
            self._emit(depth, "period", 0, None, period[0], period[0], period[1], line, "schedule", (), text)
            return True
        label = label_heading(text)
        if label is not None and P.TABLE_HEADER_CELL.match(self.prev):
            label = None  # "月份" / "主要工作": header cells of a flattened table
        if label is not None:
            title, body, kind = label
            depth = self._place_label(kind, bool(body))
            self._emit(depth, "label", 0, None, title, title, body, line, kind, (), text)
            return True
        return False

    def _numbered(self, tok: Token, text: str, line: int) -> bool:
        """Handle a segment that opens with the numbering token ``tok``; True when it was a heading."""
        style, number, value, prefix, rest, parts = tok
        if (rest[:1] in P.PROSE_ENUM_FIRST and style != "cn_dun" and style != "cn_paren"
                and P.PROSE_ENUM.match(rest)):
            return False
        rest = rest.strip()
        if not rest:
            # An empty numbered line left by Word's numbering: count it, emit nothing.
            depth = self._depth_of_style(style)
            if depth is not None and value == self.stack[depth].value + 1:
                self.stack[depth].value = value
            return True
        period = period_heading_text(rest)
        period_title = period is not None and not period[1]
        if period_title:
            title, body, hint = period[0], "", "schedule"
        else:
            title, body = split_title(rest)
            found = match_kind(title)
            hint = found[0] if found is not None and found[1] >= 3 else None
        depth = self._place(style, value, line, text)
        if parts:
            self.dec_seen.add(parts)
        self._emit(depth, style, value, number, prefix + title, title, body, line, hint, parts, rest, period_title)
        return True

    @staticmethod
    def _annex_title(text: str) -> bool:
        """Whether the line after a bare 附件： is its title: short, no clause, no number, no table row."""
        return (len(text) <= _MAX_ANNEX_TITLE and P.CLAUSE_PUNCT.search(text) is None and "\t" not in text
                and "|" not in text and match_token(text) is None)

    def _expected_period(self, segment: str) -> bool:
        """A period label with its colon (``第二季度：…``) continuing a schedule written on one line."""
        return P.PERIOD_LABEL.match(segment) is not None and self._in_schedule()

    def line(self, text: str, line: int, glued: bool | None = None) -> None:
        """Handle one line: its leading segment, then any glued headings further on.

        A plan written on one line (``…如下。一、总体目标 …。二、具体措施 1，…。2，…``) is cut
        before every heading that continues an open list, or that starts a new list (number 1)
        right after a sentence end; each section then keeps only its own stretch of the line.
        ``glued`` says whether the stripped line holds a GLUED_HINT match after its first character
        (known from a scan of the plan); None: not known, the line is searched.
        """
        text = text.strip()
        if text[:1] in _BULLETS:  # "● 7—8月：…", "▲ 指导思想": the bullet marks the line, the rest is read
            text = text.lstrip(_BULLETS + " \t\u3000")
        if not text:
            return
        before = len(self.drafts)
        self.segment(text, line)
        self.prev = text
        if glued is False or len(text) < 6 or (glued is None and P.GLUED_HINT.search(text, 1) is None):
            return  # nothing glued further on: the line's section keeps the whole line
        # (draft index, start offset in the line) of each section this line opens
        emitted: list[tuple[int, int]] = [(before, 0)] if len(self.drafts) > before else []
        start = 0
        for m in P.GLUED_SPLIT.finditer(text, 1):
            pos = m.end()
            if pos <= start:
                continue
            rest = text[pos:]
            tok = match_token(rest)
            if tok is not None and tok.style not in ("dec2", "dec3") and (
                self._expected(tok) or (tok.value == 1 and P.NEW_LIST_AFTER.match(text[m.start() - 1]))
            ):
                pass
            elif not self._expected_period(rest):
                continue
            start = pos
            before = len(self.drafts)
            self.segment(rest, line)
            if len(self.drafts) > before:
                emitted.append((len(self.drafts) - 1, pos))
        # Each section of this line ends where the next one starts.
        for (index, _pos), (_next_index, next_pos) in itertools.pairwise(emitted):
            self._cut(self.drafts[index], len(text) - next_pos)

    @staticmethod
    def _cut(draft: _Draft, tail: int) -> None:
        """Drop the last ``tail`` characters (the following sections) from a draft's text."""
        if tail <= 0:
            return
        draft.text = draft.text[: max(len(draft.text) - tail, 0)].rstrip()
        draft.body = draft.body[: max(len(draft.body) - tail, 0)].rstrip() if len(draft.body) > tail else ""
        if len(draft.title) > len(draft.text):
            prefix = draft.heading[: len(draft.heading) - len(draft.title)]
            draft.title = draft.text.rstrip(P.TITLE_TRAIL_CHARS).strip()
            draft.heading = prefix + draft.title


def parse_outline(lines: Sequence[str], *, first_line: int = 1) -> Outline:
    """Parse the outline of a plan given its (analysis) lines.

    Args:
        lines: the plan's lines; ``lines[0]`` is document line ``first_line``.
        first_line: the 1-based document line number of ``lines[0]``.

    Returns:
        The sections (flat, reading order, with levels, parents, kinds and spans) and the
        numbering findings (``numbering_gap``, ``numbering_duplicate``).

    >>> out = parse_outline(["一、指导思想", "以人为本。", "二、工作措施", "1、加强领导。"])
    >>> [(s.heading, s.level, s.kind) for s in out.sections]
    [('一、指导思想', 1, 'guiding_ideology'), ('二、工作措施', 1, 'measures'), ('1、加强领导', 2, 'measures')]
    """
    builder = _OutlineBuilder()
    drafts = builder.drafts
    stripped = list(map(str.strip, lines))
    # The lines with a GLUED_HINT match after their first character (GLUED_HINT.search(line, 1)).
    hinted = scan_lines(P.GLUED_HINT_IN_LINES, stripped, skip=1)
    glued = None if hinted is None else set(hinted)
    first_heading_line: int | None = None
    preamble_seen = False
    read_line = builder.line
    for offset, text in enumerate(stripped):
        if not text:
            continue  # an empty line changes nothing (builder.line ignores it)
        n = first_line + offset
        before = len(drafts)
        read_line(text, n, None if glued is None else offset in glued)
        if first_heading_line is None:
            if len(drafts) > before:
                first_heading_line = n
            else:
                preamble_seen = True  # (the line holds more than whitespace)
    last_line = first_line + len(lines) - 1
    preamble = preamble_seen and (first_heading_line is None or first_heading_line > first_line)
    sections = _finish(builder.drafts, lines, first_line, last_line, shift=int(preamble))
    if preamble:
        pre_end = (first_heading_line - 1) if first_heading_line else last_line
        pre = Section(heading="", title="", number=None, level=1, parent=None, kind="preamble",
                      line=first_line, end_line=pre_end, style="preamble")
        sections = (pre, *sections)
    return Outline(sections=sections, findings=tuple(builder.findings))


def _finish(drafts: list[_Draft], lines: Sequence[str], first_line: int, last_line: int, *,
            shift: int = 0) -> tuple[Section, ...]:
    """Compute spans and kinds, top-down; ``shift`` moves parent indices past a preamble section.

    A section ends before the next heading at its level or shallower (the builder sets ``end``
    when it closes one), else at ``last_line``; its descendants are the drafts up to that heading.
    """
    for d in drafts:
        if not d.end:
            d.end = last_line
    periods_under = _periods_under_top_level(drafts)
    kinds: list[str] = [""] * len(drafts)
    for i, d in enumerate(drafts):
        if d.style == "period":
            kinds[i] = "schedule"
            continue
        if d.parent is not None:  # (classify_heading of a nested heading)
            if d.hint is None and d.title is d.emitted_title and len(d.title) <= MAX_KIND_TITLE:
                kinds[i] = kinds[d.parent]  # match_kind found no strong synonym: it names no section
            else:
                kinds[i] = nested_kind(d.title, kinds[d.parent])
            continue
        body = d.body  # only a top-level heading's body is read to decide its kind
        if len(body) < 200:
            lo, hi = d.line + 1 - first_line, min(d.end, d.line + 6) + 1 - first_line
            body = body + "".join(lines[lo:hi])
        has_periods = d.period_title or i in periods_under
        kinds[i] = classify_heading(d.title, body=body, has_period_children=has_periods, level=d.level)
    # (Section's fields by position: heading, title, number, level, parent, kind, line, end_line,
    # style, body, text.)
    return tuple([
        Section(d.heading, d.title, d.number, d.level, None if d.parent is None else d.parent + shift,
                kinds[i], d.line, d.end, d.style, d.body, d.text)
        for i, d in enumerate(drafts)
    ])


def _periods_under_top_level(drafts: list[_Draft]) -> set[int]:
    """The top-level drafts with a period heading among their descendants. A heading's descendants
    are the drafts after it up to the next heading at its level or shallower (the stack keeps it
    open until then, and every draft placed meanwhile hangs under it): for a top-level draft, the
    drafts up to the next top-level one."""
    found: set[int] = set()
    top = -1
    for i, d in enumerate(drafts):
        if d.parent is None:
            top = i
        elif d.style == "period":
            found.add(top)
    return found
