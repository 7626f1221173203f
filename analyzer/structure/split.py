"""Split a document into plans: compilation markers (篇N, 【篇N】, 第一篇:…), intros and notice wrappers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.ingest.wholetext import scan_lines
from analyzer.models import Finding
from analyzer.structure import patterns as P
from analyzer.structure.headings import label_heading
from analyzer.structure.numbering import match_token, numeral_value

_TITLE_MAX = 40
_HEAD_LINES = 12  # where a compilation's title and intro are looked for
_SPLICE_REACH = 6  # non-empty lines after a spliced plan's title in which its outline starts
_ONE_LINE_PLAN_MIN = 200  # a plan written on one line is long
_FIRST_HEADING_STYLES = frozenset({"cn_dun", "cn_paren", "cn_di", "cn_part", "roman"})


@dataclass(frozen=True)
class PlanSpan:
    """Where one plan lies in a document (1-based, inclusive lines)."""

    start: int
    end: int
    title: str | None = None
    marker: str | None = None
    first_line_text: str | None = None  # the first line's content when a marker is fused to it


@dataclass(frozen=True)
class Split:
    """The plans of a document, and document-level findings about the split."""

    spans: tuple[PlanSpan, ...]
    findings: tuple[Finding, ...] = ()
    notice_lines: tuple[int, int] | None = None  # the notice wrapper set apart, if any


@dataclass(frozen=True)
class _Marker:
    line: int
    value: int
    head: str
    rest: str
    strong: bool  # 篇 markers are strong; a bare trailing number is weak


def _looks_like_title(text: str) -> bool:
    text = text.strip()
    return (
        0 < len(text) <= _TITLE_MAX
        and not P.CLAUSE_PUNCT.search(text.rstrip("。:："))
        and match_token(text) is None
    )


def _pian_markers(lines: Sequence[str]) -> list[_Marker]:
    found: list[_Marker] = []
    if not _may_hold_marker("\n".join(lines)):
        return found  # no line can hold one (the test below, on the whole document at once)
    for i, line in enumerate(lines, 1):
        if not _may_hold_marker(line):
            continue
        m = P.MARKER_PIAN.match(line)
        if m is None:
            continue
        number = next(g for g in (m.group("n1"), m.group("n2"), m.group("n3"), m.group("n4"), m.group("n5")) if g)
        value = numeral_value(number)
        if value is None or value == 0:
            continue
        head, rest = m.group("head").strip(), m.group("rest").strip()
        if head and (P.CLAUSE_PUNCT.search(head) or P.SITE_INTRO.search(head)):
            continue
        if head and rest and not _looks_like_title(rest) and not rest.startswith("《"):
            # "<title>篇2为贯彻…" is fused; "…共有篇2…" inside prose is not a marker.
            if len(head) > _TITLE_MAX:
                continue
        found.append(_Marker(i, value, head, rest, True))
    return found


def _may_hold_marker(text: str) -> bool:
    """Every 篇 marker holds 篇, or is 范文/例文/样文N / 模板N (MODEL_TEXT_WORDS by substring tests)."""
    if "篇" in text or "模板" in text:
        return True
    first, second, third = P.MODEL_TEXT_WORDS
    return "文" in text and (first in text or second in text or third in text)


def _trailing_markers(lines: Sequence[str]) -> list[_Marker]:
    groups: dict[str, list[_Marker]] = {}
    # Such a title ends in a plan word and a number: one scan of the document finds the lines that do.
    hinted = scan_lines(P.TRAILING_NUM_HINT, lines)
    for i in range(len(lines)) if hinted is None else hinted:
        line = lines[i]
        i += 1  # (1-based)
        if len(line) > 50 or P.PLAN_STEM_WORD.search(line) is None:
            continue  # the stem of such a title ends in a plan word
        m = P.MARKER_TRAILING_NUM.match(line)
        if m is None:
            continue
        value = numeral_value(m.group("n"))
        if value:
            groups.setdefault(m.group("stem").strip(), []).append(_Marker(i, value, m.group("stem"), "", False))
    best: list[_Marker] = []
    for markers in groups.values():
        chain = _chain(markers)
        if len(chain) >= 2 and len(chain) > len(best):
            best = chain
    return best


def _chain(markers: list[_Marker]) -> list[_Marker]:
    """The longest run of markers numbered k, k+1, k+2 … in document order."""
    best: list[_Marker] = []
    for start in range(len(markers)):
        if start and markers[start].value != 1 and best:
            continue
        chain = [markers[start]]
        for mk in markers[start + 1:]:
            if mk.value == chain[-1].value + 1:
                chain.append(mk)
        if len(chain) > len(best):
            best = chain
    return best


def _is_intro(line: str) -> bool:
    return bool(P.SITE_INTRO.search(line))


def _count_check(lines: Sequence[str], first_marker_line: int, n_plans: int) -> list[Finding]:
    findings: list[Finding] = []
    for i in range(min(first_marker_line - 1, _HEAD_LINES)):
        line = lines[i]
        for m in P.COMPILATION_COUNT.finditer(line):
            claimed = numeral_value(m.group("n"))
            if claimed and claimed != n_plans:
                findings.append(Finding(
                    "compilation_count_mismatch", "info",
                    f"标题或导语称共 {claimed} 篇，正文实际找到 {n_plans} 篇", line.strip()[:60], i + 1))
                return findings
    return findings


def _notice(lines: Sequence[str]) -> tuple[int, int, str | None] | None:
    """``(first, last, book_title)`` of a notice wrapper at the top of the document, if any."""
    title_line = None
    if "关于" not in "\n".join(lines[:_HEAD_LINES * 2]):
        return None  # every notice title holds 关于 (NOTICE_TITLE)
    for i, line in enumerate(lines[:_HEAD_LINES * 2], 1):
        if line.strip() and P.NOTICE_TITLE.search(line) and len(line.strip()) <= 80:
            title_line = i
            break
    if title_line is None:
        return None
    book = P.NOTICE_BOOK_TITLE.search(lines[title_line - 1])
    issue_line = None
    for i in range(title_line, min(len(lines), title_line + 30)):
        if P.NOTICE_ISSUE.search(lines[i]):
            issue_line = i + 1
            break
    if issue_line is None:
        return None
    book_title = book.group("t") if book else None
    last = issue_line
    for i in range(issue_line, min(len(lines), issue_line + 15)):
        text = lines[i].strip()
        # The plan's own title line repeats the book title; "附件：《…》" only announces it.
        if (book_title and book_title in text and not P.NOTICE_ISSUE.search(text)
                and not P.ATTACHMENT.match(text) and len(text) <= len(book_title) + 8):
            return title_line, i, book_title
        if text and P.DOC_DATE.match(text):
            last = i + 1
            if not book_title:
                break
    return title_line, last, book_title


def split_plans(lines: Sequence[str]) -> Split:
    """Split a document's (analysis) lines into plan spans.

    A count in a compilation's title ("精选6篇") is a check, not the truth: a disagreement is
    reported as a ``compilation_count_mismatch`` finding.

    >>> s = split_plans(["工作计划精选2篇", "下面是小编整理的2篇。", "工作计划篇1", "一、指导思想", "工作计划篇2", "一、目标"])
    >>> [(p.start, p.end, p.title) for p in s.spans]
    [(3, 4, '工作计划篇1'), (5, 6, '工作计划篇2')]
    """
    n = len(lines)
    if n == 0:
        return Split(spans=())
    markers = _chain(_pian_markers(lines))
    if len(markers) < 2 and not (len(markers) == 1 and not markers[0].head):
        markers = _trailing_markers(lines)
    if len(markers) >= 2 or (len(markers) == 1 and markers[0].strong and not markers[0].head):
        return _split_at_markers(lines, markers)
    return _single(lines)


def _split_at_markers(lines: Sequence[str], markers: list[_Marker]) -> Split:
    spans: list[PlanSpan] = []
    n = len(lines)
    first = markers[0]
    if first.value == 2 and _has_outline(lines[: first.line - 1]):
        start = _first_content_line(lines, 1, first.line - 1)
        spans.append(PlanSpan(start, first.line - 1, _title_near(lines, start, first.line - 1), None))
    for k, mk in enumerate(markers):
        end = markers[k + 1].line - 1 if k + 1 < len(markers) else n
        text = lines[mk.line - 1].strip()
        rest = mk.rest
        if not rest:
            spans.append(PlanSpan(mk.line, end, text, text))
        elif rest.startswith("《") or _looks_like_title(rest):
            spans.append(PlanSpan(mk.line, end, text, text))
        else:
            marker_text = text[: len(text) - len(rest)].strip()
            spans.append(PlanSpan(mk.line, end, marker_text, marker_text, first_line_text=rest))
    findings = _count_check(lines, first.line, len(spans))
    return Split(spans=tuple(spans), findings=tuple(findings))


def _has_outline(lines: Sequence[str]) -> bool:
    return sum(1 for line in lines if match_token(line.strip()) is not None) >= 2


def _first_content_line(lines: Sequence[str], start: int, end: int) -> int:
    for i in range(start, end + 1):
        text = lines[i - 1].strip()
        if text and not _is_intro(text):
            return i
    return start


def _title_near(lines: Sequence[str], start: int, end: int) -> str | None:
    """The plan's own title: the first short title-like line naming a plan near its start."""
    for i in range(start, min(end, start + 8) + 1):
        text = lines[i - 1].strip()
        if not text:
            continue
        if P.PLAN_NAME_WORD.search(text) and _looks_like_title(text):
            text = text.removeprefix("附件：").removeprefix("附件:").strip()
            return P.FILE_SUFFIX.sub("", text)
        if match_token(text) is not None:
            break
    return None


def _single(lines: Sequence[str]) -> Split:
    n = len(lines)
    notice = _notice(lines)
    if notice is not None:
        first, last, _book = notice
        start = min(last + 1, n)
        # The plan starts at its title line (the line naming the book title), else after the notice.
        start = _first_content_line(lines, start, n)
        return Split(spans=(PlanSpan(start, n, _title_near(lines, start, n)),), notice_lines=(first, start - 1))
    start = 1
    # A template-site intro at the top ("下面是小编整理的…") is not part of the plan. (SITE_INTRO
    # never spans a line break: one search of the head first.)
    if _is_intro("\n".join(lines[:_HEAD_LINES])):
        for i in range(1, min(n, _HEAD_LINES) + 1):
            text = lines[i - 1].strip()
            if len(text) > 15 and _is_intro(text):
                start = i + 1
    start = _first_content_line(lines, start, n) if start > 1 else 1
    if start > n:
        start = 1  # nothing but an intro: keep it all rather than return an empty plan
    one_line = _one_line_plans(lines, start)
    if len(one_line) >= 2:  # plans pasted one per line (a chat export): each line is a plan
        return Split(spans=tuple(PlanSpan(i, i, title) for i, title in one_line))
    title = _title_near(lines, 1, n) or (one_line[0][1] if one_line else None)
    spans = [PlanSpan(start, n, title)]
    for at in _spliced(lines, start):
        # A second document spliced on after the first one's signature: a plan of its own.
        last = spans.pop()
        spans += [PlanSpan(last.start, at - 1, last.title), PlanSpan(at, n, lines[at - 1].strip())]
    return Split(spans=tuple(spans))


def _one_line_plans(lines: Sequence[str], start: int) -> list[tuple[int, str]]:
    """``(line, title)`` of each line (1-based) that holds a whole plan: a title naming a plan, a
    space, then the plan itself with its outline starting over (一、) in the same line."""
    found = []
    for i in range(start, len(lines) + 1):
        text = lines[i - 1].strip()
        if len(text) < _ONE_LINE_PLAN_MIN or "一" not in text:
            continue
        m = P.ONE_LINE_PLAN.match(text)
        if m is not None and P.ONE_LINE_OUTLINE.search(m.group("body")):
            found.append((i, m.group("title")))
    return found


def _spliced(lines: Sequence[str], start: int) -> list[int]:
    """Lines (1-based) where another plan starts with no marker: a title naming a plan right after
    a signature's date line, then an outline that starts over (一、 / （一） / a section label)."""
    found = []
    previous = ""  # the last non-empty line before the one read
    top = 0  # the highest top-level number (一、二、…) met since the last plan began
    for i in range(start, len(lines) + 1):
        text = lines[i - 1].strip()
        if not text:
            continue
        signed = "月" in previous and "年" in previous and P.SIGN_DATE.match(previous)  # (a date holds 年 and 月)
        if ((signed or (top >= 2 and P.YEAR.search(text)))  # after a signature, or a whole outline and a dated title
                and P.PLAN_NAME_WORD.search(text) and _looks_like_title(text)
                and not text.endswith("。") and _outline_starts(lines, i)):
            found.append(i)
            top = 0
        elif text[0] in _TOP_FIRST:
            tok = match_token(text)
            if tok is not None and tok.style in _FIRST_HEADING_STYLES and tok.style != "cn_paren":
                top = max(top, tok.value)
        previous = text
    return found


#: First characters of a top-level number (一、 第一、 Ⅰ、): only such lines are read for ``top``.
_TOP_FIRST = frozenset("一二三四五六七八九十第\u2160\u2161\u2162\u2163\u2164\u2165\u2166\u2167\u2168\u2169")


def _outline_starts(lines: Sequence[str], title_line: int) -> bool:
    """Whether an outline starts over within a few lines after a title: a first heading (一、, （一）)
    or a section label (指导思想：, 活动目的)."""
    seen = 0
    for text in lines[title_line:]:
        text = text.strip()
        if not text:
            continue
        seen += 1
        if seen > _SPLICE_REACH:
            return False
        tok = match_token(text)
        if tok is not None:
            return tok.value == 1 and tok.style in _FIRST_HEADING_STYLES
        if label_heading(text) is not None:
            return True
    return False
