"""Copy detection between plans (and against known templates) at passage level, MinHash LSH only."""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd

from analyzer.compare.patterns import NON_CJK, SENTENCE
from analyzer.models import Plan


@dataclass(frozen=True)
class CopyOptions:
    """Parameters of copy detection.

    Attributes:
        shingle: characters per shingle (after keeping CJK ideographs only).
        min_chars: shortest passage compared, in ideographs (shorter tails join the passage before).
        window_chars: a passage is closed once it reaches this many ideographs (sentences are
            never cut; a new line also closes a passage that already has ``min_chars``).
        lsh_threshold: Jaccard threshold of the MinHash LSH index that proposes candidates.
        num_perm: MinHash permutations.
        verify_threshold: a candidate is a copy when the shared (non-stock) shingles cover at least
            this share of the smaller passage's shingles …
        min_shared: … and number at least this many.
        stock_plans: a shingle found in more than ``max(stock_plans, stock_share × documents)``
            documents is a stock phrase and is ignored …
        stock_share: … (see ``stock_plans``).
    """

    shingle: int = 5
    min_chars: int = 20
    window_chars: int = 50
    lsh_threshold: float = 0.3
    num_perm: int = 128
    verify_threshold: float = 0.6
    min_shared: int = 12
    stock_plans: int = 5
    stock_share: float = 0.05


@dataclass(frozen=True)
class CopyPair:
    """Two passages of different plans (or a plan and a template) verified as copies."""

    plan_a: str
    unit_a: str | None
    line_a: int
    passage_a: str
    plan_b: str
    unit_b: str | None
    line_b: int
    passage_b: str
    similarity: float
    share_a: float  # share of plan a's characters in passages copied with plan b
    share_b: float


PAIR_COLUMNS = list(CopyPair.__dataclass_fields__)
PLAN_PAIR_COLUMNS = ["plan_a", "plan_b", "unit_a", "unit_b", "passages", "similarity", "share_a", "share_b"]


@dataclass(frozen=True)
class CopyResult:
    """Verified copy pairs plus how much work the index saved."""

    pairs: tuple[CopyPair, ...]
    passages: int  # passages indexed
    candidates: int  # candidate passage pairs proposed by LSH and verified exactly

    def frame(self) -> pd.DataFrame:
        """One row per copied passage pair, both passages side by side."""
        return pd.DataFrame([vars(p) for p in self.pairs], columns=PAIR_COLUMNS)

    def plan_pairs(self) -> pd.DataFrame:
        """One row per plan pair: number of copied passages, best similarity, copied shares."""
        frame = self.frame()
        if frame.empty:
            return pd.DataFrame(columns=PLAN_PAIR_COLUMNS)
        grouped = frame.groupby(["plan_a", "plan_b"], sort=True, dropna=False)
        out = grouped.agg(
            unit_a=("unit_a", "first"),
            unit_b=("unit_b", "first"),
            passages=("similarity", "size"),
            similarity=("similarity", "max"),
            share_a=("share_a", "first"),
            share_b=("share_b", "first"),
        ).reset_index()
        return out[PLAN_PAIR_COLUMNS]


@dataclass(frozen=True)
class _Doc:
    """A plan or template as copy detection sees it."""

    id: str
    unit: str | None
    source: str
    line_start: int
    lines: tuple[str, ...]


@dataclass
class _Passage:
    doc: int
    line: int
    text: str
    size: int  # ideographs
    shingles: frozenset[int] = frozenset()


def split_passages(
    lines: Sequence[str], line_start: int = 1, *, options: CopyOptions | None = None
) -> list[tuple[int, str, int]]:
    """Cut text lines into passages: runs of whole sentences of about ``window_chars`` ideographs.

    Returns:
        A list of ``(line, text, ideographs)`` tuples; ``line`` is where the passage starts.

    >>> split_passages(["为全面提高工会组织的监督作用，依法保障职工的合法权利，增强参政议政的能力。"])
    [(1, '为全面提高工会组织的监督作用，依法保障职工的合法权利，增强参政议政的能力。', 34)]
    """
    opts = options or CopyOptions()
    out: list[list] = []  # [line, text, size]
    buf_line, buf_text, buf_size = 0, "", 0

    def close() -> None:
        nonlocal buf_text, buf_size
        if buf_size >= opts.min_chars or (out and buf_size and out[-1][0] == buf_line):
            if buf_size < opts.min_chars:  # a short tail joins the passage before it
                out[-1][1] += buf_text
                out[-1][2] += buf_size
            else:
                out.append([buf_line, buf_text, buf_size])
        buf_text, buf_size = "", 0

    for offset, line in enumerate(lines):
        if buf_size >= opts.min_chars:
            close()
        for match in SENTENCE.finditer(line.strip()):
            sentence = match.group()
            size = len(NON_CJK.sub("", sentence))
            if not size:
                continue
            if not buf_size:
                buf_line = line_start + offset
            buf_text += sentence
            buf_size += size
            if buf_size >= opts.window_chars:
                close()
    close()
    return [tuple(p) for p in out]


def _shingle_hashes(text: str, k: int) -> frozenset[int]:
    """CRC-32 hashes of the ``k``-character shingles of the ideographs of ``text``."""
    chars = NON_CJK.sub("", text)
    return frozenset(zlib.crc32(chars[i : i + k].encode("utf-8")) for i in range(len(chars) - k + 1))


def _identity(value: int) -> int:
    return value


def _detect(
    docs: list[_Doc], eligible: Callable[[int, int], bool], stock_docs: set[int], opts: CopyOptions
) -> CopyResult:
    """Index every passage with MinHash LSH, verify each proposed pair exactly, build CopyPairs."""
    from datasketch import MinHash, MinHashLSH

    passages: list[_Passage] = []
    for d, doc in enumerate(docs):
        for line, text, size in split_passages(doc.lines, doc.line_start, options=opts):
            passages.append(_Passage(d, line, text, size, _shingle_hashes(text, opts.shingle)))
    # Stock phrases: shingles present in many documents carry no evidence of copying.
    by_doc: dict[int, set[int]] = defaultdict(set)
    for p in passages:
        if p.doc in stock_docs:
            by_doc[p.doc].update(p.shingles)
    doc_freq: Counter[int] = Counter()
    for shingles in by_doc.values():
        doc_freq.update(shingles)
    limit = max(opts.stock_plans, opts.stock_share * len(stock_docs))
    stock = {h for h, n in doc_freq.items() if n > limit}
    for p in passages:
        p.shingles = p.shingles - stock if stock else p.shingles

    proto = MinHash(num_perm=opts.num_perm, seed=1, hashfunc=_identity)
    lsh = MinHashLSH(threshold=opts.lsh_threshold, num_perm=opts.num_perm)
    hashes = {}
    for i, p in enumerate(passages):
        if len(p.shingles) < opts.min_shared:
            continue
        m = MinHash(
            num_perm=opts.num_perm, hashfunc=_identity, permutations=proto.permutations, scheme=proto.scheme
        )
        m.update_batch(list(p.shingles))
        hashes[i] = m
        lsh.insert(i, m)

    candidates = 0
    verified: list[tuple[int, int, float]] = []
    for i, m in hashes.items():
        for j in lsh.query(m):
            if j <= i or passages[i].doc == passages[j].doc:
                continue
            if not eligible(passages[i].doc, passages[j].doc):
                continue
            candidates += 1
            a, b = passages[i].shingles, passages[j].shingles
            shared = len(a & b)
            score = shared / min(len(a), len(b))
            if shared >= opts.min_shared and score >= opts.verify_threshold:
                verified.append((i, j, score))

    sizes = Counter()
    for p in passages:
        sizes[p.doc] += p.size
    copied: dict[tuple[int, int], set[int]] = defaultdict(set)  # (doc, other doc) -> passages
    for i, j, _ in verified:
        copied[passages[i].doc, passages[j].doc].add(i)
        copied[passages[j].doc, passages[i].doc].add(j)

    def share(doc: int, other: int) -> float:
        return round(sum(passages[k].size for k in copied[doc, other]) / max(sizes[doc], 1), 4)

    pairs = []
    for i, j, score in verified:
        pi, pj = passages[i], passages[j]
        if (pi.doc, pi.line) > (pj.doc, pj.line):  # input order: plans before templates
            pi, pj = pj, pi
        da, db = docs[pi.doc], docs[pj.doc]
        pairs.append(
            CopyPair(
                da.id, da.unit, pi.line, pi.text, db.id, db.unit, pj.line, pj.text,
                round(score, 4), share(pi.doc, pj.doc), share(pj.doc, pi.doc),
            )
        )  # fmt: skip
    pairs.sort(key=lambda p: (p.plan_a, p.plan_b, p.line_a, p.line_b))
    return CopyResult(tuple(pairs), len(hashes), candidates)


def _doc(plan: Plan) -> _Doc:
    return _Doc(plan.id, plan.unit, plan.source, plan.line_start, plan.text_lines)


def _different_owners(a: _Doc, b: _Doc) -> bool:
    """Plans of different units; when a unit is unknown, plans of different (or unknown) files."""
    if a.unit and b.unit:
        return a.unit != b.unit
    return not (a.source and a.source == b.source)


def find_copies(plans: Sequence[Plan], *, options: CopyOptions | None = None) -> CopyResult:
    """Passages copied between plans of different units (or files, when the unit is unknown).

    Passages are indexed with MinHash LSH over character shingles; only the pairs the index
    proposes are compared, exactly, on their shingles. Stock phrases shared by many plans are
    ignored, and passages shorter than ``options.min_chars`` ideographs are never compared.

    >>> text = ("区工会将继续围绕经济大区和和谐新区两大目标，落实上级工会的要求，"
    ...         "深入推进服务职工在基层活动，着力提高职工整体素质。",)
    >>> a = Plan("a", 1, None, "甲区工会", None, 1, 1, text_lines=text)
    >>> b = Plan("b", 1, None, "乙县工会", None, 1, 1, text_lines=text)
    >>> find_copies([a, b]).plan_pairs()["plan_b"].tolist()
    ['b']
    """
    opts = options or CopyOptions()
    docs = [_doc(p) for p in plans]
    return _detect(docs, lambda i, j: _different_owners(docs[i], docs[j]), set(range(len(docs))), opts)


def find_template_copies(
    plans: Sequence[Plan], templates: Sequence[tuple[str, str]], *, options: CopyOptions | None = None
) -> CopyResult:
    """Passages of plans copied from known template texts (``(name, text)`` pairs).

    ``plan_b`` of each pair is the template's name and ``share_b`` the share of the template
    copied. Stock phrases are those common to many templates (not to many plans: a template
    copied by many plans must still be found).

    >>> t = ("以邓小平理论和科学发展观为指导，认真落实上级工会的工作精神和要求，围绕学校中心工作全面提升教育教学质量。",)
    >>> p = Plan("p", 1, None, None, None, 1, 1, text_lines=t)
    >>> find_template_copies([p], [("模板一", t[0])]).plan_pairs()["plan_b"].tolist()
    ['模板一']
    """
    opts = options or CopyOptions()
    docs = [_doc(p) for p in plans]
    first_template = len(docs)
    for name, text in templates:
        docs.append(_Doc(name, None, f"template:{name}", 1, tuple(text.splitlines())))

    def eligible(i: int, j: int) -> bool:
        return (i < first_template) != (j < first_template)

    return _detect(docs, eligible, set(range(first_template, len(docs))), opts)
