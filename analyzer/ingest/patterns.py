"""Compiled regular expressions of the reading stage: line breaks, whitespace, pinyin, site chrome, PDF noise."""

from __future__ import annotations

import re
from collections.abc import Iterable

# --- character classes (strings, reused inside the patterns below) --------------------------------

#: CJK unified ideographs (BMP main block and extension A) and the compatibility block.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: A run of CJK unified ideographs (main block).
HANZI_RUN = re.compile("[\u4e00-\u9fff]+")
#: A ``backslashreplace`` escape of one CJK unified ideograph (main block, U+4E00–U+9FFF) in encoded bytes.
ESCAPED_HANZI = re.compile(rb"\\u(?:4e|4f|[5-9][0-9a-f])[0-9a-f]{2}")
#: Sentence-internal or final punctuation that headings rarely contain.
SENTENCE_PUNCT = re.compile("[。；;！？!?]")
#: Sentence- or clause-final punctuation, full and half width; a line ending in one is complete.
FINAL_PUNCT = "。！？；：…!?;:"
#: Any punctuation a CJK line may end with (so it does not end "mid-word").
LINE_END_PUNCT = FINAL_PUNCT + "，、,.）)」』”’》〉】]"

# --- lines and whitespace ---------------------------------------------------------------------------

#: Every line terminator we honour: CRLF, lone CR, LF, and the Unicode line/paragraph separators.
LINE_BREAK = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ZERO_WIDTH_CHARS = "\u00ad\u180e\u200b-\u200d\u2060\ufeff\ufffe"
_ODD_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_CONTROL_CHARS = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
#: Zero-width characters, soft hyphen and BOMs: removed outright.
ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
#: Unicode spaces other than U+0020 (tab, NBSP, en/em spaces, ideographic space U+3000 …).
ODD_SPACE = re.compile(f"[{_ODD_SPACE_CHARS}]")
#: C0/C1 control characters left after line splitting (never meaningful in a plan).
CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
#: Anything whitespace normalisation rewrites besides stripping the ends: a zero-width, odd-space or
#: control character, or two plain spaces. Written to start with one character class, so the engine
#: scans for it in C; a text without a match only needs its lines stripped.
WS_SPECIAL = re.compile(
    f"[{_ZERO_WIDTH_CHARS}{_ODD_SPACE_CHARS}{_CONTROL_CHARS} ]"
    f"(?:(?<=[{_ZERO_WIDTH_CHARS}{_ODD_SPACE_CHARS}{_CONTROL_CHARS}])| )"
)
#: Runs of two or more plain spaces.
MULTI_SPACE = re.compile(" {2,}")
#: A space between two CJK characters (PDF text layers insert these).
CJK_INNER_SPACE = re.compile(f"(?<=[{CJK}，。、；：！？）（“”《》]) +(?=[{CJK}，。、；：！？）（“”《》])")

# --- pinyin annotations: 計(jì)劃 → 計劃 ------------------------------------------------------------

_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ"
#: One pinyin syllable that carries a tone: a tone mark, or a tone digit 1–5 at its end.
_SYLLABLE = f"(?:[a-zA-Zü]{{0,5}}[{_TONE}][a-zA-Zü]{{0,5}}|[a-zA-Zü]{{1,6}}[1-5])"
#: A parenthesised run of 1–4 toned syllables right after a CJK character (ASCII or full-width brackets).
PINYIN_AFTER_CHAR = re.compile(
    f"(?<=[{CJK}]) ?[(（] ?{_SYLLABLE}(?: {_SYLLABLE}){{0,3}} ?[)）](?: (?=[{CJK}]))?"
)
#: Prefilter: every PINYIN_AFTER_CHAR match has a bracket followed (after an optional space) by a
#: letter or a toned vowel; ``（一）`` fails at once. Starts with a class, so it is scanned in C.
PINYIN_HINT = re.compile(f"[(（] ?[a-zA-Zü{_TONE}]")
#: PINYIN_HINT as two patterns that each open with one literal bracket: the engine finds a literal
#: first character by a fast search, several times faster than testing a class at every position.
PINYIN_HINTS = (re.compile(f"\\( ?[a-zA-Zü{_TONE}]"), re.compile(f"（ ?[a-zA-Zü{_TONE}]"))

# --- site chrome (whole lines) ------------------------------------------------------------------------

#: Breadcrumb: "首页 > 范文 > …", "您现在的位置:…", "当前位置:…".
BREADCRUMB = re.compile(
    r"^(?:(?:您|你)?(?:现在|当前|目前)?(?:的|所在)?位置\s*[:：]"  # 您现在的位置: / 当前位置:
    r"|(?:网站|本站)?(?:首页|主页)\s*[>＞»›→/]"  # 首页 > …
    r"|[^>＞»›]{1,12}(?:\s*[>＞»›]\s*[^>＞»›]{1,24}){2,}$)"  # a > b > c (short segments)
)
#: "时间:2023-01-01 我要投稿" and similar post-header lines.
SUBMIT_LINE = re.compile(r"我要投稿|投稿邮箱|(?:发布|更新)时间\s*[:：].{0,40}(?:来源|作者|浏览|点击)")
#: "作者:… 点击:…" / "来源:… 浏览次数:…".
AUTHOR_CLICKS = re.compile(
    r"(?:作者|来源|编辑|发布者)\s*[:：].{0,60}(?:点击|浏览|阅读|人气)(?:次数|量|数)?\s*[:：]"
)
#: Document-site metadata: "上传人:… 页数:3 大小:16.60KB".
UPLOAD_META = re.compile(
    r"(?:上传人|上传者|贡献者)\s*[:：].{0,80}(?:页数|大小|下载)|页数\s*[:：]\s*\d+.{0,20}大小\s*[:：]"
)
#: "已阅读5页,还剩12页未读" (also with 剩余 / 继续阅读).
READ_PAGES = re.compile(r"已阅读\s*\d+\s*页.{0,4}(?:还剩|剩余)\s*\d+\s*页")
#: "本文由…整理/提供/发布" credit lines.
CREDIT_LINE = re.compile(r"^(?:本文|本篇|此文|文章)由.{0,40}(?:整理|提供|发布|编辑|收集|上传|原创)")
#: A short line of site buttons: 下载文档 / 收藏 / 分享到 / 打印 / 举报 …
BUTTON_LINE = re.compile(
    r"^(?=.*[^\d\s:：|｜/·])(?:(?:(?:立即|免费|点击)?下载(?:本|此|该)?(?:文档|文章|全文|本文|word版)?|文档下载|加入收藏|收藏本文|收藏|分享到|分享|打印本文|打印|举报|点赞|复制|"
    r"微信|微博|QQ空间|QQ|新浪微博|朋友圈|全文阅读|阅读全文|\d+(?!\d))[\s:：|｜/·]*){1,10}$"
)
#: Header of a "related articles" list at the foot of a web page: "【…】相关文章:", "猜你喜欢", "推荐阅读".
RELATED_HEADER = re.compile(
    r"(?:相关(?:文章|阅读|推荐|范文|文档|资料)|猜你喜欢|推荐阅读|延伸阅读|热门(?:文章|推荐)|精品推荐|"
    r"往期(?:推荐|回顾|精选|精彩)|精彩回顾|更多推荐)\s*[:：]?\s*$"
)
#: The header of a block of writing tips a template site appends to a plan (【写作指导】…, 写作要点：):
#: the block up to the next blank line is the site's, not the plan's.
WRITING_TIPS = re.compile(r"^[【\[]?\s*(?:写作(?:指导|指南|要点|技巧|方法|格式|思路|注意事项)|写法(?:指导|要点)|"
                          r"(?:如何|怎样|怎么)写好?(?:工作)?计划)\s*[】\]]?")
#: The header of a chat-article "past issues" list (往期推荐): its items are any short titles.
RELATED_HEADER_ANY = re.compile(r"(?:往期(?:推荐|回顾|精选|精彩)|精彩回顾|更多推荐)\s*[:：]?\s*$")
#: One item of such a list: a short title, perhaps after a bullet, with no sentence end.
RELATED_ANY_ITEM = re.compile(r"^[^。；;！？!?]{2,48}$")
#: One item of such a list: a short (optionally numbered) article title ending in a document-type word.
RELATED_ITEM = re.compile(
    r"^(?:\d{1,2}[.、．]\s*)?[^。；;！？!?]{2,40}?(?:计划|总结|方案|范文|大全|精选|汇编|心得|体会|报告|意见|要点|安排|通知|"
    r"(?:精选|汇编)?\s*\d{1,3}\s*篇[)）]?|[(（][^()（）]{1,12}[)）])$"
)
#: Other site furniture: download/points prompts, copyright and filing lines, hot searches, tips.
#: FURNITURE is the rule; a line is tested with its two halves, the words found anywhere
#: (FURNITURE_ANYWHERE.search) and the whole-line shapes anchored at its start (FURNITURE_LINE.match),
#: so the anchored alternatives are not retried at every position of the line.
_FURNITURE_ANYWHERE = (
    r"下载积分|积分\s*立即下载|立即下载|下载文档到电脑|还剩\s*\d+\s*页未读|点此继续阅读|继续阅读\s*>>|温馨提示\s*[:：]?\s*$"
    r"|热门搜索\s*[:：]|Copyright|All Rights Reserved|©|ICP备|客服电话|版权所有\s*[:：©]"
)
_FURNITURE_LINE = (
    r"^摘要\s*[:：]\s*本文|^关键词\s*[:：](?:[^。，,]{1,12}[；;、]){2,}[^。，,]{1,12}$"
    r"|^[^。；;！？!?]{2,40}\.(?:docx?|pdf|wps|txt)\s*\d+\s*页$|^[-—=_*·~]{5,}$"
    r"|^[^。，,；;]{1,12}(?:网|文库|范文|资料站)\s*[-–—_|｜]\s*[^。]{2,30}$"
)
FURNITURE = re.compile(f"{_FURNITURE_ANYWHERE}|{_FURNITURE_LINE}")
FURNITURE_ANYWHERE = re.compile(_FURNITURE_ANYWHERE)
FURNITURE_LINE = re.compile(_FURNITURE_LINE)
#: Links to the neighbouring articles: "上一篇：…", "下一篇：…".
PREV_NEXT = re.compile(r"^(?:上一篇|下一篇|上一页|下一页|上一条|下一条|上篇|下篇)\s*[:：]")
#: A chat export's furniture: a sender line (杉坪镇工会-李晓燕 10:22), a dated time stamp
#: (2026年1月9日 上午10:21), a file or picture notice ([文件] 计划.docx 31.5KB), a group name with its
#: member count (县总工会基层工作群(46)).
CHAT_LINE = re.compile(
    r"^(?:(?!上午|下午|晚上|中午|凌晨|时间|日期)[^\s\d:：，,。；;]{1,24}[ \t]+(?:上午|下午|晚上|中午|凌晨)?\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{4}年\d{1,2}月\d{1,2}日[ \t]+(?:上午|下午|晚上|中午|凌晨)?[ \t]*\d{1,2}:\d{2}(?::\d{2})?"
    r"|\[(?:文件|图片|链接|语音|视频|表情)\].*"
    r"|\S{2,30}群[(（]\d{1,4}[)）])$"
)
#: A navigation bar: short items between bars, at least two of them site words (首页 | 登录 | …).
NAV_BAR = re.compile(r"^(?:[^|｜]{1,8}[|｜]){2,}[^|｜]{0,20}$")
NAV_WORDS = re.compile(r"首页|登录|注册|分类|排行|会员|上传|关于我们|联系我们|隐私|协议|意见反馈|网站地图|帮助|客服|投稿")
#: Lines that BUTTON_LINE should not take for buttons when they hold nothing but digits.
DIGITS_ONLY = re.compile(r"^\d+$")
#: "……此处隐藏N个字……" (inline too; removed where it stands).
HIDDEN_TEXT = re.compile(r"[.…。]{0,12} ?此处隐藏 ?[:：]? ?\d{1,7} ?个?字 ?[:：]? ?[.…。]{0,12}")

#: Vocabulary only document-site disclaimers use (one hit marks a line).
DISCLAIMER_STRONG = re.compile(
    r"本文档由用户上传|本文档由.{0,10}上传|用户上传的文档|本站仅提供信息存储空间|仅提供信息存储|"
    r"不拥有所有权|不承担相关法律责任|如有侵权|侵权请联系|涉嫌侵权|版权归原作者|版权归作者|"
    r"本站所有资源|本站不保证|本站不对|下载前请|下载后.{0,6}(?:无法|不支持|请勿)|付费下载|付费后|"
    r"文档预览|预览部分|不提供预览|仅展示部分|虚拟产品|不支持退款|一经售出"
)
#: Weaker site vocabulary: marks a numbered line as disclaimer only next to a strong one.
DISCLAIMER_WEAK = re.compile(r"本站|网站|平台|文档|下载|上传|版权|侵权|预览|用户|资源")

# Prefilters. Each pattern above can only match a line that contains one of the fragments listed
# for it (a necessary condition), so a line without any of them cannot match. Every alternative
# starts with a literal character, so the engine skips ahead on a first-character set instead of
# trying each alternative at every position. Keep in sync when a pattern above gains an
# alternative (tests/ingest/test_ingest_fastpaths.py checks them on generated and listed lines).
_BREADCRUMB_HINT = r"位置|首页|主页|>|＞|»|›"
_SUBMIT_HINT = r"投稿|发布时间|更新时间"
_AUTHOR_HINT = r"作者|来源|编辑|发布者"
_UPLOAD_HINT = r"上传人|上传者|贡献者|页数"
_READ_HINT = r"已阅读"
_CREDIT_HINT = r"本文由|本篇由|此文由|文章由"
_BUTTON_HINT = r"下载|收藏|分享|打印|举报|点赞|复制|微信|微博|QQ|朋友圈|阅读"  # digits alone never match
_FURNITURE_HINT = (
    r"下载|积分|还剩|阅读|温馨提示|热门搜索|Copyright|All Rights Reserved|©|ICP备|客服电话|版权所有|摘要|关键词"
    r"|\.(?:docx?|pdf|wps|txt)"  # "….doc 3页"
    r"|-[-—=_*·~]{4}|—[-—=_*·~]{4}|=[-—=_*·~]{4}|_[-—=_*·~]{4}|\*[-—=_*·~]{4}|·[-—=_*·~]{4}|~[-—=_*·~]{4}"  # rules
    r"|网[^\S\n]*[-–—_|｜]|文库[^\S\n]*[-–—_|｜]|范文[^\S\n]*[-–—_|｜]|资料站[^\S\n]*[-–—_|｜]"  # "某某网 - …"
)
_NAV_HINT = r"\||｜"
_PREV_NEXT_HINT = r"上一|下一|上篇|下篇"
_CHAT_HINT = r":\d\d|\[文件\]|\[图片\]|\[链接\]|\[语音\]|\[视频\]|\[表情\]|群\(|群（"
_DISCLAIMER_HINT = (
    r"本文档由|用户上传|本站|仅提供信息存储|不拥有所有权|不承担相关法律责任|侵权|版权归|付费|下载|预览"
    r"|仅展示部分|虚拟产品|不支持退款|一经售出"
)
_RELATED_HINT = r"相关文章|相关阅读|相关推荐|相关范文|相关文档|相关资料|猜你喜欢|阅读|热门文章|热门推荐|精品推荐|往期|精彩回顾|更多推荐"
_CHROME_HINTS = (_BREADCRUMB_HINT, _SUBMIT_HINT, _AUTHOR_HINT, _UPLOAD_HINT, _READ_HINT, _CREDIT_HINT, _BUTTON_HINT,
                 _FURNITURE_HINT, _NAV_HINT, _PREV_NEXT_HINT, _CHAT_HINT, _DISCLAIMER_HINT, _RELATED_HINT)


def _top_level_alternatives(source: str) -> list[str]:
    """The alternatives of a pattern's top-level ``|`` (escapes, classes and groups kept whole)."""
    parts, current, depth, in_class, escaped = [], [], 0, False, False
    for ch in source:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _grouped_by_first_character(alternatives: Iterable[str]) -> str:
    """One alternation in which the alternatives sharing a first (literal) character share a branch.

    It matches at the same positions as the plain alternation (where one alternative is that
    character alone, the branch is the character), so a test for a match anywhere gives the same
    answer, and the engine tries each distinct first character once instead of every alternative.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        first = alternative[:2] if alternative[0] == "\\" else alternative[0]
        if first in "[(.^$*+?{":
            raise ValueError(f"an alternative must open with a literal character: {alternative!r}")
        groups.setdefault(first, [])
        if alternative[len(first):] not in groups[first]:
            groups[first].append(alternative[len(first):])
    return "|".join(first if "" in rests else f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


#: Lines that may be chrome, a disclaimer or a related-list header: any fragment of the hints above
#: (grouped by first character: the same lines, found with fewer tries per position).
CHROME_HINT = re.compile(_grouped_by_first_character(a for hint in _CHROME_HINTS for a in _top_level_alternatives(hint)))
#: CHROME_HINT without the bars of _NAV_HINT: a line that has bars and none of these can only be a
#: navigation bar (every other chrome, disclaimer and related-list pattern needs one of these words).
CHROME_WORD_HINT = re.compile(_grouped_by_first_character(
    a for hint in _CHROME_HINTS if hint != _NAV_HINT for a in _top_level_alternatives(hint)))
#: Per-pattern prefilters for the patterns that cost most on a long line.
BREADCRUMB_HINT = re.compile(_BREADCRUMB_HINT)
SUBMIT_HINT = re.compile(_SUBMIT_HINT)
UPLOAD_HINT = re.compile(_UPLOAD_HINT)
BUTTON_HINT = re.compile(_BUTTON_HINT)
FURNITURE_HINT = re.compile(_FURNITURE_HINT)

# --- numbering tokens (to decide whether a line continues the previous one) --------------------------

#: A line starting with an outline number, list marker or compilation marker (never a continuation).
NUMBERING_START = re.compile(
    r"^(?:[一二三四五六七八九十百壹贰叁肆伍陆柒捌玖拾〇零]+[、.．，,:：]"
    r"|[(（][一二三四五六七八九十\d]+[)）]"
    r"|\d+(?:\.\d+)*[、.．,，:：)）]"
    r"|[①-⑳⑴-⒇⒈-⒛]"
    r"|第[一二三四五六七八九十百\d]+[章节条篇部分周月季]"
    r"|[一二三四五六七八九十\d]+月(?:份)?"
    r"|篇[一二三四五六七八九十\d]"
    r"|【|[●■◆▲★☆•·◇□]|[-—*] )"
)
#: A colon close to a line's start (责任人：…, 时间：…): the line is a label line of its own.
EARLY_LABEL_COLON = re.compile(r"[:：]")
#: A label with clauses of text after it on the same line (1月份：庆祝…，召开…): an item, not a
#: heading (篇四：街道工会2025年工作打算 is one).
COLON_BODY = re.compile(r"[:：][^:：]*?[，,、]")
#: Words a title line ends with; such a line is never joined to the next.
TITLE_END = re.compile(
    r"(?:计划|計劃|方案|安排|要点|要點|总结|總結|意见|意見|通知|办法|辦法|规划|規劃|细则|細則|制度|报告|報告)$"
)

# --- PDF page furniture ----------------------------------------------------------------------------

#: A page-number line: "- 1 -", "—2—", "第 1 页 共 3 页", "1/3", "Page 2", a bare number.
PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_~\s]*\d{1,4}[-—–－_~\s]*"
    r"|第\s*\d{1,4}\s*页\s*[,，/]?\s*(?:共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$"
)
#: A page number no text line looks like, in a text pasted from a PDF: "— 1 —", "- 12 -", "第2页",
#: "第 2 页 共 5 页", "共5页 第2页", "2/5", "Page 2 of 5" (a bare number may be a table cell).
DECORATED_PAGE_NUMBER = re.compile(
    r"^[ \t\u3000]*(?:[-—–－―]+[ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–－―]+"
    r"|第[ \t\u3000]*\d{1,4}[ \t\u3000]*页(?:[ \t\u3000]*[,，/]?[ \t\u3000]*共[ \t\u3000]*\d{1,4}[ \t\u3000]*页)?"
    r"|共[ \t\u3000]*\d{1,4}[ \t\u3000]*页[ \t\u3000]*[,，]?[ \t\u3000]*第[ \t\u3000]*\d{1,4}[ \t\u3000]*页"
    r"|\d{1,4}[ \t\u3000]*/[ \t\u3000]*\d{1,4}"
    r"|(?:page|Page|PAGE)[ \t\u3000]*\d{1,4}(?:[ \t\u3000]*(?:of|/)[ \t\u3000]*\d{1,4})?)[ \t\u3000]*$",
    re.MULTILINE,
)
#: A number between dashes ("— 1 —"): with 页, "/" and "age", what any decorated page number holds
#: (one fast pass over a whole text before the line test).
DASHED_NUMBER = re.compile(r"[-—–－―][ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–－―]")
#: Digits, for comparing running headers that differ only in a page number.
DIGITS = re.compile(r"\d+")

# --- encoding scores ---------------------------------------------------------------------------------

#: Runs of the characters an encoding score counts: neither ASCII nor whitespace (\s is str.isspace).
SCORED_RUN = re.compile(r"[^\x00-\x7f\s]+")

# --- encoding sniffing (HTML) -------------------------------------------------------------------------

#: ``<meta charset="gbk">`` or ``<meta http-equiv="Content-Type" content="text/html; charset=gb2312">``.
META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]{2,40})""", re.IGNORECASE
)
#: Text that begins like an HTML document (after optional whitespace / BOM).
HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>])", re.IGNORECASE)
# --- decoration before a line's content (emoji and symbol bullets) -----------------------------------

#: Characters that decorate the start of a line without being its content: arrows, technical and
#: geometric symbols, miscellaneous symbols, dingbats (but not the circled digits ❶–➓, which number
#: items), emoji, with their variation selectors, joiners, keycaps and skin tones.
_DECORATION_CHARS = (
    "\u2022\u2023\u203b\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff\u2600-\u2775\u2794-\u27bf"
    "\u2b00-\u2bff\U0001f000-\U0001faff\ufe0e\ufe0f\u200d\u20e3"
)
#: A run of decoration at the start of a line (after any indent), with the spaces after it.
LEAD_DECORATION = re.compile(f"^([ \t\u3000]*)([{_DECORATION_CHARS}]+)([ \t\u3000]*)")
#: A keycap number (1️⃣, 2⃣): the item's number, decorated.
KEYCAP_NUMBER = re.compile("^([ \t\u3000]*)([0-9])\ufe0f?\u20e3[ \t\u3000]*")
#: A cheap test for lines that may hold either (one scan of the text).
DECORATION_HINT = re.compile(f"^[ \t\u3000]*(?:[{_DECORATION_CHARS}]|[0-9]\ufe0f?\u20e3)", re.MULTILINE)

#: An inline HTML tag left in plain text (``<b>组织</b>``, ``<span style="…">``, ``<br/>``): a known
#: element name only, so text in ASCII angle brackets (``<安全生产法>``, ``<1>``) stays.
INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|br|center|code|del|div|em|font|h[1-6]|hr|i|img|ins|label|li|mark|ol|p|s|small|span|"
    r"strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul)(?:\s[^<>]{0,300})?/?>",
    re.IGNORECASE,
)
#: The character entities such text carries along with its tags.
HTML_ENTITY = re.compile(r"&(?:nbsp|lt|gt|amp|quot|apos|ldquo|rdquo|mdash|hellip|middot|#\d{2,6}|#x[0-9a-fA-F]{2,5});")

# Letter-spaced text (PDF layers, typeset titles): single CJK characters or digits each followed by
# one space, at least three in a row (工 会 工 作). Two-character words with a space between them
# (春风送岗 暖心护航) never match: the run must alternate one character, one space.
SPACED_LETTERS = re.compile(r"(?:[\u4e00-\u9fff0-9] ){2,}[\u4e00-\u9fff0-9]")
#: Prefilter: every SPACED_LETTERS match contains one spaced character between two spaces.
SPACED_HINT = re.compile(r" [\u4e00-\u9fff0-9] ")

# A gap between table cells in text: a tab, or two or more spaces (ASCII, full-width or no-break)
# between two non-space characters.
CELL_GAP = re.compile(r"(?<=\S)(?:\t[\t \u3000\u00a0]*|[ \u3000\u00a0]{2,})(?=\S)")
#: Prefilter: every CELL_GAP match holds a tab or two adjacent gap spaces (class-first, scanned in C).
GAP_HINT = re.compile("[\t \u3000\u00a0](?:(?<=\t)|[ \u3000\u00a0])")


# --- character-set patterns built at run time (callers cache them with functools.lru_cache) -----------


def char_runs(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching runs of the given characters (a class of merged code-point ranges).

    A character class is tested by table lookup in C, so counting the members of a large set in a
    text (``sum(map(len, pattern.findall(text)))``) costs a few nanoseconds per character.

    >>> char_runs("一二三五").findall("一二四五")
    ['一二', '五']
    """
    points = sorted({ord(ch) for ch in chars})
    if not points:
        return re.compile("(?!)")  # matches nothing
    ranges: list[list[int]] = [[points[0], points[0]]]
    for point in points[1:]:
        if point == ranges[-1][1] + 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    # Literal characters (ASCII specials escaped) compile several times faster than \\U escapes.
    body = "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )
    return re.compile(f"[{body}]+")

#: Full-width digits and Latin letters (folded to ASCII in the analysis text).
FULLWIDTH_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")

# --- tables flattened to one cell per line (vtable.py) ----------------------------------------------

#: A table header cell, alone on its line (the schedule reads header rows with the same vocabulary).
TABLE_HEADER_CELL = re.compile(
    r"^(?:月份|时间|日期|周次|周|序号|时间安排|主要活动|活动内容|工作内容|主要工作|工作任务|具体内容|内容|主题|"
    r"责任部门|责任处室|责任科室|责任单位|责任人|负责人|负责部门|负责|牵头部门|牵头单位|承办部门|配合部门|配合单位|"
    r"参加人员|参与人员|参与对象|参加对象|活动对象|对象|参加范围|范围|备注|说明|完成时间|地点|"
    r"项目|工作项目|活动项目|类别|事项|时间节点|完成时限|节点)$"
)
#: Header words by column role: the content column, the row-number column, the time column.
CONTENT_HEADER = re.compile(r"^(?:主要活动|活动内容|工作内容|主要工作|工作任务|具体内容|内容|主题)$")
SEQUENCE_HEADER = re.compile(r"^序号$")
TIME_HEADER = re.compile(r"^(?:月份|时间|日期|周次|周|时间安排|完成时间|时间节点|完成时限|节点)$")
#: A row number cell: 1, 12, 一, 十二.
SEQUENCE_CELL = re.compile(r"^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?$")
#: A line that starts an outline heading (一、 （一） 第一部分): never a table cell.
HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")

# A page number fused to the end of a line after its sentence end (…防暑降温用品。3): PDF and web
# conversion debris. FUSED_PAGE_NUMBER_LINES finds the same in lines joined by "\n".
FUSED_PAGE_NUMBER = re.compile(r"(?<=[。！？!?；;])[0-9]{1,3}$")
FUSED_PAGE_NUMBER_LINES = re.compile(r"([。！？!?；;])[0-9]{1,3}(?=\n|\Z)")  # (keep group 1: opens with a class)

# A stray mark inside a word (指战'员, 篮.球赛): a dot or apostrophe between two hanzi, the first no
# Chinese numeral (一.指导思想 and 五.四 are numbering and a dotted holiday).
STRAY_MARK = re.compile(r"['.’](?<=[\u4e00-\u9fff]['.’])(?<![一二三四五六七八九十]['.’])(?=[\u4e00-\u9fff])")  # (mark first: fast scan)
# A line written with ASCII commas or semicolons uses "." as its full stop: its dots are no debris.
ASCII_CLAUSE_MARK = re.compile(r"[,;]")
