"""Word automatic numbering: numbering.xml + styles.xml → the number text Word would display.

Semantics (a practical subset of ECMA-376 §17.9):

* A paragraph is numbered by ``w:numPr`` (``w:numId`` + ``w:ilvl``), directly or through its
  paragraph style (following ``w:basedOn``); ``numId`` 0 switches numbering off.
* ``w:num`` → ``w:abstractNum``; ``w:lvlOverride`` may replace a level's ``start`` (via
  ``w:startOverride``) or the whole level (``w:lvl``).
* Counters belong to a *list instance*: all nums that point at the same abstractNum without a
  start override share one list (Word continues the numbering); a num with a start override is
  its own list that restarts at that value.
* Advancing a level resets every deeper level of the same list.
* ``w:lvlText`` placeholders ``%1`` … ``%9`` are rendered with each level's ``w:numFmt``;
  ``isLgl`` renders all of them as decimal; bullets and ``none`` give no number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_CJK_PUNCT_END = "、．。，：）】」』〕"


def _val(el: etree._Element | None, tag: str, default: str | None = None) -> str | None:
    """``w:val`` of the child ``tag`` of ``el`` (or ``default``)."""
    if el is None:
        return default
    child = el.find(_W + tag)
    if child is None:
        return default
    return child.get(_W + "val", default)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def chinese_counting(n: int, digits: str = "零一二三四五六七八九") -> str:
    """Render ``n`` in Chinese counting: 一 … 十, 十一, 二十, 二十一, 一百, 一百零一 ….

    >>> [chinese_counting(n) for n in (1, 10, 11, 20, 21, 100, 101, 110)]
    ['一', '十', '十一', '二十', '二十一', '一百', '一百零一', '一百一十']
    """
    if n <= 0 or n >= 10000:
        return str(n)
    units = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    out: list[str] = []
    pending_zero = False
    for value, unit in units:
        d, n = divmod(n, value)
        if d:
            if pending_zero:
                out.append(digits[0])
                pending_zero = False
            out.append(digits[d] + unit)
        elif out:
            pending_zero = True
    text = "".join(out)
    if text.startswith(digits[1] + "十"):  # 一十一 → 十一 (only at the very start)
        text = text[1:]
    return text


def _letters(n: int, upper: bool) -> str:
    """Word's letter numbering: a … z, aa … zz, aaa …"""
    if n <= 0:
        return str(n)
    letter = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    table = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for value, sym in table:
        count, n = divmod(n, value)
        out.append(sym * count)
    return "".join(out)


def _from_table(n: int, table: str) -> str:
    return table[n - 1] if 1 <= n <= len(table) else str(n)


def format_number(n: int, fmt: str) -> str:
    """Render counter value ``n`` in Word number format ``fmt`` (unknown formats → decimal).

    >>> [format_number(3, f) for f in ("decimal", "chineseCounting", "upperRoman", "decimalEnclosedCircle")]
    ['3', '三', 'III', '③']
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "japaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):  # fmt: skip
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, _LEGAL).replace("十", "拾").replace("百", "佰").replace("千", "仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
    if fmt in ("ideographTraditional",):
        return _from_table(n, _HEAVENLY)
    if fmt in ("ideographZodiac",):
        return _from_table(n, _EARTHLY)
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _from_table(n, _CIRCLED)
    if fmt == "decimalEnclosedParen":
        return _from_table(n, _PAREN)
    if fmt == "decimalEnclosedFullstop":
        return _from_table(n, _FULLSTOP)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False


def _parse_level(lvl: etree._Element, base: Level | None = None) -> Level:
    base = base or Level()
    return Level(
        start=_int(_val(lvl, "start"), base.start),
        fmt=_val(lvl, "numFmt", base.fmt) or base.fmt,
        text=_val(lvl, "lvlText", base.text) if lvl.find(_W + "lvlText") is not None else base.text,
        suffix=_val(lvl, "suff", base.suffix) or base.suffix,
        legal=lvl.find(_W + "isLgl") is not None and _val(lvl, "isLgl", "1") not in ("0", "false"),
    )


@dataclass
class NumberingState:
    """Numbering definitions of one document and the running counters while it is read."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId → levels replaced
    starts: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    style_numpr: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, numbering: etree._Element | None, styles: etree._Element | None) -> NumberingState:
        """Build the state from the numbering part's and the styles part's root elements."""
        state = cls()
        if numbering is not None:
            for absn in numbering.iterfind(_W + "abstractNum"):
                levels = {
                    _int(lvl.get(_W + "ilvl"), 0): _parse_level(lvl) for lvl in absn.iterfind(_W + "lvl")
                }
                state.abstracts[absn.get(_W + "abstractNumId", "")] = levels
            for num in numbering.iterfind(_W + "num"):
                num_id = num.get(_W + "numId", "")
                abstract_id = _val(num, "abstractNumId", "") or ""
                state.nums[num_id] = abstract_id
                for ov in num.iterfind(_W + "lvlOverride"):
                    ilvl = _int(ov.get(_W + "ilvl"), 0)
                    start = _val(ov, "startOverride")
                    if start is not None:
                        state.starts.setdefault(num_id, {})[ilvl] = _int(start, 1)
                    lvl = ov.find(_W + "lvl")
                    if lvl is not None:
                        base = state.abstracts.get(abstract_id, {}).get(ilvl)
                        state.overrides.setdefault(num_id, {})[ilvl] = _parse_level(lvl, base)
        if styles is not None:
            state._read_styles(styles)
        return state

    def _read_styles(self, styles: etree._Element) -> None:
        raw: dict[str, tuple[str | None, str | None, str | None]] = {}
        for style in styles.iterfind(_W + "style"):
            if style.get(_W + "type") not in (None, "paragraph"):
                continue
            numpr = style.find(f"{_W}pPr/{_W}numPr")
            num_id = _val(numpr, "numId") if numpr is not None else None
            ilvl = _val(numpr, "ilvl") if numpr is not None else None
            raw[style.get(_W + "styleId", "")] = (num_id, ilvl, _val(style, "basedOn"))
        for style_id in raw:
            num_id, ilvl, seen = None, None, set()
            current: str | None = style_id
            while current in raw and current not in seen:  # walk basedOn, nearest definition wins
                seen.add(current)
                s_num, s_ilvl, based_on = raw[current]
                num_id = num_id if num_id is not None else s_num
                ilvl = ilvl if ilvl is not None else s_ilvl
                current = based_on
            if num_id is not None:
                self.style_numpr[style_id] = (num_id, _int(ilvl, 0))

    def _level(self, num_id: str, ilvl: int) -> Level | None:
        override = self.overrides.get(num_id, {}).get(ilvl)
        if override is not None:
            return override
        return self.abstracts.get(self.nums.get(num_id, ""), {}).get(ilvl)

    def label(self, paragraph: etree._Element) -> str | None:
        """Advance the counters for ``paragraph`` (a ``w:p``) and return its number text, if any."""
        ppr = paragraph.find(_W + "pPr")
        numpr = ppr.find(_W + "numPr") if ppr is not None else None
        style_id = _val(ppr, "pStyle") if ppr is not None else None
        num_id, ilvl = self.style_numpr.get(style_id or "", (None, None))
        if numpr is not None:
            num_id = _val(numpr, "numId", num_id)
            direct_ilvl = _val(numpr, "ilvl")
            ilvl = _int(direct_ilvl, ilvl or 0) if direct_ilvl is not None else ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        ilvl = min(max(ilvl or 0, 0), 8)
        level = self._level(num_id, ilvl)
        if level is None:
            return None
        counters = self._advance(num_id, ilvl)
        if level.fmt == "bullet":
            return None
        text = level.text
        for depth in range(8, -1, -1):  # %10 does not exist; go high to low so %1 does not eat %1x
            token = f"%{depth + 1}"
            if token not in text:
                continue
            lvl = self._level(num_id, depth) or Level()
            value = counters[depth] if counters[depth] is not None else self._start(num_id, depth, lvl)
            fmt = "decimal" if level.legal and depth != ilvl else lvl.fmt
            text = text.replace(token, "" if fmt == "none" else format_number(value, fmt))
        if not text:
            return None
        if level.suffix == "nothing" or text[-1] in _CJK_PUNCT_END:
            return text
        return text + " "

    def _start(self, num_id: str, ilvl: int, level: Level) -> int:
        return self.starts.get(num_id, {}).get(ilvl, level.start)

    def _advance(self, num_id: str, ilvl: int) -> list[int | None]:
        key = f"num:{num_id}" if num_id in self.starts else f"abs:{self.nums[num_id]}"
        counters = self.counters.setdefault(key, [None] * 9)
        if counters[ilvl] is None:
            counters[ilvl] = self._start(num_id, ilvl, self._level(num_id, ilvl) or Level())
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        return counters
