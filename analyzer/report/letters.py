"""Feedback letters (审核意见): one Word file per audited plan, in the style of an official union document (公文)."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from analyzer.audit.records import FULL_SCORE, AuditFinding
from analyzer.report.safe import safe_path, write_atomic_with

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from analyzer.batch import AuditRun, Submission

__all__ = ["LETTERS_DIR", "Block", "correction", "letter_blocks", "letter_document", "letter_names",
           "letter_template", "write_letters"]

#: The folder of the letters inside an audit's output folder.
LETTERS_DIR = "意见"

# Characters XML 1.0 refuses (and C1 controls), dropped from document text; tabs and line breaks become spaces.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
LINE_BREAKS = re.compile(r"\s*[\t\n\r\v\f\u2028\u2029]+\s*")
# Punctuation a message may end with, replaced by the letter's own 。
TRAILING_STOP = re.compile(r"[。；;，,.\s]+$")
# Book-title marks inside a plan title (the letter wraps the title in its own).
BOOK_MARKS = re.compile(r"[《》]")
# A quotation closing on a sentence end (…效果。”): no second 。 after it.
SENTENCE_END = re.compile(r"[。！？!?]”$")

RESUBMIT_WITHIN = "15个工作日内"  # the time a unit is given to send its plan again
MAX_QUOTE = 80  # characters of an evidence line quoted in a letter
MAX_PROPERTY = 255  # characters of a document property (title, author)
CN_DIGITS = "零一二三四五六七八九"

# Fonts: Word and WPS substitute an installed font for a missing one, so none has to be installed.
FONT_TITLE, FONT_BODY, FONT_HEADING, FONT_ITEM = "方正小标宋简体", "仿宋", "黑体", "楷体"
FONT_LATIN = "Times New Roman"
BODY_SIZE = 16  # pt: 三号

BlockKind = Literal["title", "addressee", "body", "heading", "item", "sub", "signature", "date", "blank"]


@dataclass(frozen=True)
class Block:
    """One paragraph of a letter: its kind (which sets its layout), a lead in the kind's font
    (``一、关于…``, ``（一）message。``) and the rest in the body font."""

    kind: BlockKind
    text: str = ""
    lead: str = ""

    @property
    def plain(self) -> str:
        """The paragraph's text."""
        return self.lead + self.text


def clean(text: object) -> str:
    """Text safe in a Word document: no characters XML refuses, line breaks and tabs as one space.

    >>> clean("甲\\x00乙\\n丙\\t丁")
    '甲乙 丙 丁'
    """
    return XML_ILLEGAL.sub("", LINE_BREAKS.sub(" ", str(text))).strip()


def cn_number(n: int) -> str:
    """1–99 in Chinese numerals (一, 十, 十一, 二十三).

    >>> cn_number(1), cn_number(10), cn_number(14), cn_number(30)
    ('一', '十', '十四', '三十')
    """
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else f"{CN_DIGITS[tens]}十")
    return head + (CN_DIGITS[ones] if ones else "")


def correction(f: AuditFinding, rule_type: str | None = None) -> str:
    """The correction a letter asks for, from the rule's type and title.

    >>> correction(AuditFinding("B201", "工资集体协商", "维权", "error", "计划未安排工资集体协商", 8), "coverage")
    '请补充工资集体协商方面的工作安排。'
    >>> correction(AuditFinding("A104", "有时间安排", "工作计划", "error", "计划没有时间安排", 10), "occurrence")
    '请补充时间安排。'
    """
    title = clean(f.title)
    kind = rule_type or _TYPE_BY_CATEGORY.get(f.category, "")
    if kind in {"required_section", "occurrence", "conditional"}:
        return f"请补充{title[1:]}。" if title.startswith("有") and len(title) > 1 else f"请按“{title}”的要求补充完善。"
    if kind == "coverage":
        return f"请补充{title}方面的工作安排。"
    if kind == "seasonal":
        return f"请核实活动时间：{title}。"
    if kind == "residue":
        return "请删除模板占位文字，按本单位实际情况填写。" if "占位" in title else f"请删除{title}。"
    if kind == "copy":
        return "请结合本单位实际重新撰写相关内容，不得照搬照抄。"
    return f"请按“{title}”的要求核实修改。"


# Rule types of the shipped categories, for a finding whose rule is no longer in its pack.
_TYPE_BY_CATEGORY = {"时间安排合理性": "seasonal", "模板残留": "residue", "抄袭雷同": "copy", "结构规范": "structure"}


def _rule_types(pack: str) -> dict[str, str]:
    """Rule code → rule type in a pack (empty when the pack cannot be loaded)."""
    from analyzer.audit.rules import list_rules
    from analyzer.errors import AnalyzerError

    try:
        return {r.code: r.type for r in list_rules(pack)}
    except (AnalyzerError, KeyError, ValueError):
        return {}


def _quote(evidence: Sequence[tuple[int, str]]) -> str:
    """``原文第3行：“…”；第5行：“…”。`` (quotes cut at ``MAX_QUOTE`` characters)."""
    parts = []
    for line, text in evidence:
        quote = clean(text)
        quote = quote if len(quote) <= MAX_QUOTE else quote[:MAX_QUOTE] + "…"
        parts.append(f"第{line}行：“{quote}”")
    if not parts:
        return ""
    ends_sentence = SENTENCE_END.search(parts[-1]) is not None
    return f"原文{'；'.join(parts)}" + ("" if ends_sentence else "。")


def _finding_parts(f: AuditFinding) -> tuple[str, str]:
    """A finding's message and its evidence: ``(message。, 原文第N行：“…”。)``, or ``(message（原文第N行）。, "")``
    when the message already quotes every evidence line."""
    message = TRAILING_STOP.sub("", clean(f.message))
    if f.evidence and all(clean(quote) in message for _line, quote in f.evidence):
        lines = "、".join(str(line) for line, _quote in f.evidence)
        return f"{message}（原文第{lines}行）。", ""
    return f"{message}。", _quote(f.evidence)


def _names(sub: Submission) -> tuple[str | None, str]:
    """The unit (if known) and the plan's name for ``《…》``."""
    unit = clean(sub.unit or sub.plan.unit or "") or None
    title = BOOK_MARKS.sub("", clean(sub.plan.title or ""))
    if not title:
        year = f"{sub.year}年" if sub.year else ""
        title = f"{unit}{year}工作计划" if unit else Path(sub.source).stem
    return unit, title


def letter_title(sub: Submission) -> str:
    """``关于<单位><年份>年工会工作计划的审核意见`` (``工作计划`` alone when the unit is a 工会)."""
    unit, title = _names(sub)
    if unit is None:
        return f"关于《{title}》的审核意见"
    year = f"{sub.year}年" if sub.year else ""
    work = "工作计划" if "工会" in unit else "工会工作计划"
    return f"关于{unit}{year}{work}的审核意见"


def letter_blocks(sub: Submission, *, issuer: str, date: datetime.date,
                  rule_types: dict[str, str] | None = None) -> list[Block]:
    """The letter of one plan as paragraphs (text only; ``letter_document`` lays them out).

    Every error and warning finding is quoted, grouped by 项目 (一、二、…) and numbered within
    (（一）（二）…; several findings of one rule make one item with its lines listed), each with its
    evidence (``原文第N行：“…”``), the correction asked and the points lost; info-level suggestions
    follow as 几点建议. Findings marked 未能识别 (the plan seems to hold the item but the parser could
    not place it; they cost nothing) are left out: they ask the auditor, not the unit, to check a line,
    and stay in the workbook and the report. A plan with no error or warning is told it meets the
    requirements.

    Args:
        sub: the audited plan.
        issuer: the issuing union, signed at the end.
        date: the letter's date.
        rule_types: rule code → rule type, to word the corrections (default: the plan's pack).
    """
    types = _rule_types(sub.audit.pack) if rule_types is None else rule_types
    unit, title = _names(sub)
    raised = [f for f in sub.audit.findings if f.level != "info"]
    advice = [f for f in sub.audit.findings if f.level == "info" and not f.unrecognised]
    blocks = [Block("title", letter_title(sub)), Block("blank"), Block("addressee", f"{unit or '（报送单位）'}：")]
    received = f"你单位报送的《{title}》已收悉。"
    groups: dict[str, dict[str, list[AuditFinding]]] = {}
    if not raised:
        blocks.append(Block("body", received + "经审核，该计划内容完整，符合审核要求，予以备案。"))
    else:
        blocks.append(Block("body", received + "经审核，现将意见反馈如下："))
        for f in raised:
            groups.setdefault(clean(f.category) or "其他", {}).setdefault(f.code, []).append(f)
        for n, (category, by_code) in enumerate(groups.items(), 1):
            blocks.append(Block("heading", lead=f"{cn_number(n)}、关于{category}"))
            for m, findings in enumerate(by_code.values(), 1):
                blocks.extend(_item(m, findings, types.get(findings[0].code)))
    if advice:
        if raised:
            blocks.append(Block("heading", lead=f"{cn_number(len(groups) + 1)}、几点建议"))
        else:
            blocks.append(Block("body", "另提几点建议，供参考："))
        blocks.extend(Block("item", lead=f"（{cn_number(m)}）", text="".join(_finding_parts(f)))
                      for m, f in enumerate(advice, 1))
    closing = (f"请于收到本意见后{RESUBMIT_WITHIN}，对照上述意见逐项修改完善后重新报送。" if raised
               else "请按计划认真组织实施，抓好各项工作落实。")
    blocks += [Block("body", f"本次审核得分：{sub.audit.score}分（满分{FULL_SCORE}分）。"), Block("body", closing),
               Block("blank"), Block("signature", clean(issuer) or "（上级工会）"),
               Block("date", f"{date.year}年{date.month}月{date.day}日")]
    return blocks


def _item(m: int, findings: Sequence[AuditFinding], rule_type: str | None) -> list[Block]:
    """One numbered item: a rule's finding with its evidence, the correction and the points lost."""
    first = findings[0]
    lost = sum(f.points_lost for f in findings)
    points = f"（扣{lost}分）" if lost else ""
    fix = correction(first, rule_type)
    if len(findings) == 1:
        message, quoted = _finding_parts(first)
        return [Block("item", lead=f"（{cn_number(m)}）{message}", text=quoted + fix + points)]
    out = [Block("item", lead=f"（{cn_number(m)}）{clean(first.title)}，共{len(findings)}处。", text=fix + points)]
    out.extend(Block("sub", f"{k}. {''.join(_finding_parts(f))}") for k, f in enumerate(findings, 1))
    return out


# ---------------------------------------------------------------- Word


def letter_template() -> DocxDocument:
    """An empty letter: A4 with 公文 margins, 仿宋 16 pt body at a fixed 28 pt line, page numbers in the footer.

    The default template's Word 2010 copy of the styles and its hundred table styles are dropped: a
    letter uses neither, and they are most of what a letter costs to write.
    """
    import docx
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rid)
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:default")) != "1":
            styles.remove(style)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    section.footer_distance = Cm(2.5)  # the page number about 7 mm below the text
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE)
    _fonts(normal.element, FONT_BODY)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28)
    fmt.space_before = fmt.space_after = Pt(0)
    _page_number(section)
    return document


def letter_document(blocks: Sequence[Block], *, title: str = "", author: str = "",
                    template: DocxDocument | None = None) -> DocxDocument:
    """The letter as a python-docx Document.

    Args:
        blocks: the letter's paragraphs (``letter_blocks``).
        title: the document's title property.
        author: its author property (the issuing union).
        template: a ``letter_template()`` to empty and fill (reused from letter to letter); default: a new one.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = template if template is not None else letter_template()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    indent = Pt(2 * BODY_SIZE)  # two characters
    signed = 0.0  # the signature's width, in characters
    for block in blocks:
        paragraph = document.add_paragraph()
        pf = paragraph.paragraph_format
        if block.kind == "title":
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
            pf.line_spacing = Pt(36)
            _run(paragraph, block.plain, FONT_TITLE, size=22, bold=True)
            continue
        if block.kind in {"body", "heading", "item", "sub"}:
            pf.first_line_indent = indent
            pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif block.kind == "signature":  # 右空二字
            pf.alignment, pf.right_indent = WD_ALIGN_PARAGRAPH.RIGHT, indent
            signed = _width(block.plain)
        elif block.kind == "date":  # its first character two to the right of the signature's
            pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            pf.right_indent = Pt(BODY_SIZE * max(signed - _width(block.plain), 0))
        if block.lead:
            _run(paragraph, block.lead, FONT_HEADING if block.kind == "heading" else FONT_ITEM)
        if block.text:
            paragraph.add_run(XML_ILLEGAL.sub("", block.text))  # the body font: Normal's
    props = document.core_properties
    title, author = clean(title)[:MAX_PROPERTY], clean(author)[:MAX_PROPERTY]
    props.title, props.author, props.last_modified_by = title, author, author
    props.language = "zh-CN"
    return document


def _width(text: str) -> float:
    """Printed width in characters of the body font (ASCII is half a character).

    >>> _width("2026年3月2日")
    6.0
    """
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def _fonts(element: object, east_asia: str) -> None:
    """Set a run's or style's Latin and East Asian fonts (``w:rFonts``) and mark its text as Chinese."""
    from docx.oxml.ns import qn

    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT_LATIN)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _run(paragraph: object, text: str, font: str, *, size: int = BODY_SIZE, bold: bool = False) -> None:
    from docx.shared import Pt

    run = paragraph.add_run(XML_ILLEGAL.sub("", text))  # type: ignore[attr-defined]
    if size != BODY_SIZE:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    _fonts(run._element, font)


def _page_number(section: object) -> None:
    """A centred ``— N —`` page number in the footer (宋体 14 pt, as in 公文)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(paragraph, "— ", "宋体", size=14)
    _run(paragraph, "1", "宋体", size=14)  # what the PAGE field shows until Word updates it
    field = paragraph._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): "PAGE"})
    number = paragraph.runs[-1]._r
    number.addprevious(field)
    field.append(number)  # the run moves inside the field
    _run(paragraph, " —", "宋体", size=14)


# ---------------------------------------------------------------- files


def letter_names(subs: Sequence[Submission]) -> list[str]:
    """Each plan's letter name ``<单位>-<年份>`` (the file name when the unit is unknown); the file name
    is added when two would share one, then the plan's index (``safe_path`` makes them safe when written).

    >>> letter_names([])
    []
    """
    names = []
    for s in subs:
        unit = clean(s.unit or s.plan.unit or "")
        names.append((f"{unit or Path(s.source).stem}-{s.year}" if s.year else unit or Path(s.source).stem,
                      Path(s.source).stem if unit else ""))
    counts = Counter(name for name, _stem in names)
    stage = [f"{name}-{stem}" if counts[name] > 1 and stem else name for name, stem in names]
    clashes = Counter(stage)
    return [f"{name}-{s.plan.index}" if clashes[name] > 1 else name for name, s in zip(stage, subs, strict=True)]


def write_letters(run: AuditRun, folder: Path, *, issuer: str = "（上级工会）",
                  date: datetime.date | None = None) -> list[Path]:
    """Write one feedback letter per audited plan into ``folder`` (the audit's ``意见/``), atomically.

    Args:
        run: the audit.
        folder: the letters' folder (created when needed).
        issuer: the issuing union, signed at the end of every letter.
        date: the letters' date; default: the day the audit ran.

    Returns:
        The files written, in the order of ``run.submissions``.

    Raises:
        OutputError: a letter cannot be written.
    """
    day = date or run.created.date()
    template = letter_template() if run.submissions else None
    types: dict[str, dict[str, str]] = {}
    taken: set[str] = set()
    written: list[Path] = []
    for sub, name in zip(run.submissions, letter_names(run.submissions), strict=True):
        if sub.audit.pack not in types:
            types[sub.audit.pack] = _rule_types(sub.audit.pack)
        blocks = letter_blocks(sub, issuer=issuer, date=day, rule_types=types[sub.audit.pack])
        document = letter_document(blocks, title=blocks[0].plain, author=issuer, template=template)
        written.append(write_atomic_with(safe_path(folder, name, ".docx", taken=taken), document.save))
    return written
