"""HTML → the article's lines: charset sniffing, boilerplate removal, main block by CJK text density.

The charset comes from a BOM, then ``<meta charset>`` / ``http-equiv`` (GBK and GB2312 are read as
their superset GB18030), else the text decode cascade. Scripts, navigation, headers, footers,
forms and elements whose class or id look like navigation, breadcrumbs, comments, sharing,
sidebars or ads are removed. The main block is chosen readability-style: every paragraph's CJK
character count is credited to its container (half to the container's parent), and the best
scored container wins. Block elements and ``<br>`` become line breaks; a table row becomes one line
with cells joined by ``" | "`` (as for .docx).
"""

from __future__ import annotations

import codecs
import re

from analyzer.errors import ReadError
from analyzer.ingest import patterns as P
from analyzer.ingest.decode import RawText, decode_bytes
from analyzer.ingest.docx import CELL_ITEM_SEPARATOR, CELL_SEPARATOR
from analyzer.limits import Limits

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "button", "select", "textarea", "input", "template", "object", "embed", "head")  # fmt: skip
_BLOCK_TAGS = frozenset(
    "p div section article main li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre table tbody thead tfoot "
    "tr td th center address figure figcaption hr body".split()
)
_PARAGRAPH_TAGS = frozenset("p li h1 h2 h3 h4 h5 h6 blockquote pre dd dt".split())
#: class/id tokens of boilerplate containers (substring match for long words, token match for short ones).
_BOILERPLATE_SUBSTR = re.compile(
    r"breadcrumb|crumb|sidebar|comment|footer|share|advert|related|relate|recommend|copyright|pagination|"
    r"navbar|navigation|menu|toolbar|social|banner|position|location|download|login|hotnews|tuijian|xiangguan",
    re.IGNORECASE,
)
_BOILERPLATE_TOKEN = re.compile(r"(?:^|[-_\s])(?:nav|ad|ads|side|foot|hot|top|bottom|tags?|links?|pager|more)(?:$|[-_\s\d])",
                                re.IGNORECASE)  # fmt: skip
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
_CJK_CHAR = re.compile(f"[{P.CJK}]")


def sniff_charset(data: bytes) -> str | None:
    """Charset declared by a BOM or a ``<meta>`` tag in the first 4 KB, as a Python codec name.

    >>> sniff_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    'gb2312'
    """
    for bom, label in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return label
    match = P.META_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        codecs.lookup(label)
    except LookupError:
        return None
    return label


def decode_html(data: bytes, name: str = "") -> tuple[str, str]:
    """Decode HTML bytes: declared charset when it decodes cleanly, else the text cascade."""
    label = sniff_charset(data)
    if label is not None:
        codec = "gb18030" if label in ("gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936") else label
        if label == "utf-16":
            codec = "utf-16"
        try:
            return data.decode(codec), label
        except (UnicodeDecodeError, LookupError):
            pass
    decoded = decode_bytes(data, name=name)
    return decoded.text, decoded.encoding.replace("utf-8-sig", "utf-8")


def read_html(data: bytes, name: str = "", *, limits: Limits | None = None) -> RawText:
    """Read an HTML page and keep its article text only.

    Args:
        data: the file's bytes.
        name: the file name, for messages.
        limits: resource limits (element nesting, ``max_html_depth``).

    Returns:
        The article lines with encoding ``html:<charset>``.

    Raises:
        ReadError: the page cannot be decoded or parsed, or it nests elements beyond the limit.

    >>> read_html("<html><body><p>一、指导思想</p></body></html>".encode()).lines
    ['一、指导思想']
    """
    from bs4 import BeautifulSoup  # imported lazily

    text, charset = decode_html(data, name)
    try:
        soup = BeautifulSoup(text, "lxml")
    except Exception as exc:  # parser failures on pathological markup
        raise ReadError(f"网页文件无法解析:{name};请把正文复制到 .txt 文件后再分析") from exc
    limit = (limits or Limits()).max_html_depth
    if _depth_exceeds(soup, limit):
        raise ReadError(f"网页元素嵌套层数超过上限({limit} 层):{name};请把正文复制到 .txt 文件后再分析")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    root = soup.body or soup
    total = len(root.get_text())
    for tag in soup.find_all(_is_boilerplate):
        if len(tag.get_text()) < total * 0.5:  # never a wrapper holding most of the page
            tag.decompose()
    main = _main_block(root)
    lines = _block_lines(main)
    heading = next((h for h in root.find_all(["h1", "h2"]) if _CJK_CHAR.search(h.get_text())), None)
    if heading is not None and main is not root and heading not in main.descendants:
        lines.insert(0, heading.get_text(" ", strip=True))
    elif not lines and title:
        lines = [title]
    return RawText(lines, f"html:{charset}")


def _depth_exceeds(soup, limit: int) -> bool:
    """True when some element lies more than ``limit`` levels deep (walked without recursion)."""
    from bs4 import Tag

    stack = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in node.contents if isinstance(child, Tag))
    return False


def _is_boilerplate(tag) -> bool:
    if tag.name in ("html", "body", "main", "article") or tag.attrs is None:
        return False
    names = " ".join([*tag.get("class", []), tag.get("id", "") or ""])
    return bool(names) and bool(_BOILERPLATE_SUBSTR.search(names) or _BOILERPLATE_TOKEN.search(names))


def _main_block(root):
    """The container with the highest CJK paragraph score (readability-style)."""
    from bs4 import NavigableString, Tag

    scores: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    for node in root.find_all(string=True):
        if not isinstance(node, NavigableString) or type(node).__name__ != "NavigableString":
            continue  # comments, CDATA, doctype
        n = len(_CJK_CHAR.findall(node))
        if not n:
            continue
        block = node.parent
        while block is not None and block is not root and block.name not in _BLOCK_TAGS:
            block = block.parent
        if block is None:
            continue
        container = block.parent if block.name in _PARAGRAPH_TAGS and block is not root else block
        for weight, target in ((1.0, container), (0.5, getattr(container, "parent", None))):
            if isinstance(target, Tag):
                scores[id(target)] = scores.get(id(target), 0.0) + weight * n
                tags[id(target)] = target
    if not scores:
        return root
    best = max(scores, key=lambda k: scores[k])
    return tags[best]


def _block_lines(el) -> list[str]:
    """Text of ``el`` with block elements and ``<br>`` as line breaks, table rows as one line."""
    parts: list[str] = []
    _walk(el, parts)
    lines = [line.strip() for line in "".join(parts).split("\n")]
    return [line for line in lines if line]


def _walk(el, parts: list[str]) -> None:
    from bs4 import NavigableString, Tag

    for child in el.children:
        if isinstance(child, NavigableString):
            if type(child).__name__ == "NavigableString":
                parts.append(_HTML_SPACE.sub(" ", str(child)))
        elif isinstance(child, Tag):
            name = child.name
            if name == "br":
                parts.append("\n")
            elif name == "tr":
                cells = []
                for cell in child.find_all(["td", "th"], recursive=False):
                    cell_parts: list[str] = []
                    _walk(cell, cell_parts)
                    items = [s.strip() for s in "".join(cell_parts).split("\n") if s.strip()]
                    cells.append(CELL_ITEM_SEPARATOR.join(items))
                if any(cells):
                    parts.append("\n" + CELL_SEPARATOR.join(cells) + "\n")
            elif name in _BLOCK_TAGS:
                parts.append("\n")
                _walk(child, parts)
                parts.append("\n")
            else:
                _walk(child, parts)
