"""Keywords of plans, section kinds and groups: corpus TF-IDF (jieba IDF fallback) or TextRank."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from analyzer.models import Keyword, ParsedDocument, Plan
from analyzer.text.segment import Segmenter, get_segmenter

#: Below this many documents the IDF is not learned from the corpus but read from jieba's table:
#: with fewer documents every shared word gets nearly the same IDF and the ranking degenerates.
MIN_CORPUS = 5

#: Co-occurrence window (in content tokens) of the TextRank graph, as in jieba.
TEXTRANK_WINDOW = 5
TEXTRANK_DAMPING = 0.85
TEXTRANK_ITERATIONS = 20

#: Group label for plans missing from a ``groups`` mapping, and for plans without a unit.
UNGROUPED = "未分组"
#: Pool label for plan lines outside any section.
PREAMBLE = "preamble"

KeywordMethod = Literal["tfidf", "textrank"]
KeywordsBy = Literal["plan", "section", "group"]


@lru_cache(maxsize=1)
def jieba_idf() -> tuple[dict[str, float], float]:
    """jieba's shipped IDF table (``jieba/analyse/idf.txt``) and its median, read on first call.

    The file is read directly: importing ``jieba.analyse`` would build jieba's global extractor.

    >>> table, median = jieba_idf()
    >>> table["工会"] > 0 and median > 0
    True
    """
    import jieba

    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.rpartition(" ")
        if word:
            table[word] = float(value)
    return table, float(np.median(list(table.values())))


class KeywordExtractor:
    """Extract the top keywords of each text, scikit-learn style (``fit`` then ``transform``).

    With ``method="tfidf"`` the IDF is learned from the texts given to ``fit`` when there are at
    least ``min_corpus`` of them (``TfidfVectorizer`` with our segmenter as analyzer), otherwise it
    comes from jieba's shipped IDF table (``idf_source_`` says which). Terms unseen at ``fit`` are
    ignored by ``transform``, as in scikit-learn. With ``method="textrank"`` each text is ranked on
    its own co-occurrence graph and ``fit`` only records the segmenter.

    Args:
        method: ``"tfidf"`` or ``"textrank"``.
        top: how many keywords per text.
        min_corpus: the fewest documents from which the IDF is learned.
        segmenter: the segmenter to use; default: the shared one.

    >>> ex = KeywordExtractor(top=2).fit(["加强师德师风建设，师德师风", "召开教代会"])
    >>> [k.term for k in ex.transform(["师德师风演讲，召开教代会"])[0]]
    ['师德师风', '教代会']
    """

    def __init__(
        self,
        *,
        method: KeywordMethod = "tfidf",
        top: int = 20,
        min_corpus: int = MIN_CORPUS,
        segmenter: Segmenter | None = None,
    ) -> None:
        self.method = method
        self.top = top
        self.min_corpus = min_corpus
        self.segmenter = segmenter

    def fit(self, texts: Sequence[str]) -> KeywordExtractor:
        """Learn the vocabulary and IDF from ``texts``; returns ``self``."""
        self._fit(texts)
        return self

    def fit_transform(self, texts: Sequence[str]) -> list[list[Keyword]]:
        """``fit`` then ``transform`` on the same texts, segmenting each text once."""
        counts = self._fit(texts)
        if counts is None:
            return self.transform(texts)
        return self._rank(counts)

    def transform(self, texts: Sequence[str]) -> list[list[Keyword]]:
        """The top keywords of each text, best first."""
        if not hasattr(self, "segmenter_"):
            raise NotFittedError("关键词提取器尚未拟合：请先调用 fit(texts)。")
        if self.method == "textrank":
            return [self._textrank(text) for text in texts]
        counts = self.vectorizer_.transform(texts)
        if self.idf_source_ == "corpus":
            counts = counts.multiply(1.0 / self.idf_).tocsr()  # undo the IDF: raw counts again
        return self._rank(counts)

    def _fit(self, texts: Sequence[str]) -> csr_matrix | None:
        """Fit; for TF-IDF also return the count matrix of ``texts`` (else ``None``)."""
        self.segmenter_ = self.segmenter or get_segmenter()
        self.n_documents_ = len(texts)
        if self.method == "textrank":
            return None
        from_corpus = len(texts) >= self.min_corpus
        # norm=None and raw tf keep the matrix exactly tf * idf, so counts can be recovered.
        vectorizer = TfidfVectorizer(analyzer=self.segmenter_, use_idf=from_corpus, norm=None)
        matrix = vectorizer.fit_transform(texts)
        self.vectorizer_ = vectorizer
        self.terms_ = vectorizer.get_feature_names_out()
        if from_corpus:
            self.idf_source_ = "corpus"
            self.idf_ = vectorizer.idf_
            return matrix.multiply(1.0 / self.idf_).tocsr()
        self.idf_source_ = "jieba"
        table, median = jieba_idf()
        self.idf_ = np.array([table.get(term, median) for term in self.terms_])
        return matrix.tocsr()

    def _rank(self, counts: csr_matrix) -> list[list[Keyword]]:
        """Rank the terms of each row of a count matrix by TF-IDF (rows L2-normalised)."""
        weights = normalize(counts.multiply(self.idf_).tocsr())
        out: list[list[Keyword]] = []
        for row in range(counts.shape[0]):
            start, end = weights.indptr[row], weights.indptr[row + 1]
            cols = weights.indices[start:end]
            values = weights.data[start:end]
            row_counts = counts[row].toarray().ravel()
            # Highest weight first; ties by count, then by term for a stable order.
            order = sorted(
                range(len(cols)),
                key=lambda i: (-values[i], -row_counts[cols[i]], self.terms_[cols[i]]),
            )[: self.top]
            out.append(
                [
                    Keyword(
                        str(self.terms_[cols[i]]),
                        round(float(values[i]), 6),
                        int(np.rint(row_counts[cols[i]])),
                    )
                    for i in order
                ]
            )
        return out

    def _textrank(self, text: str) -> list[Keyword]:
        """TextRank (PageRank on the token co-occurrence graph) of one text."""
        tokens = self.segmenter_.tokens(text)
        counts = Counter(tokens)
        edges: dict[str, Counter[str]] = defaultdict(Counter)
        for i, word in enumerate(tokens):
            for other in tokens[i + 1 : i + TEXTRANK_WINDOW]:
                if other != word:
                    edges[word][other] += 1
                    edges[other][word] += 1
        if not edges:
            return [Keyword(w, 1.0, c) for w, c in counts.most_common(self.top)]
        nodes = sorted(edges)
        totals = {w: sum(edges[w].values()) for w in nodes}
        score = dict.fromkeys(nodes, 1.0)
        for _ in range(TEXTRANK_ITERATIONS):
            score = {
                w: (1 - TEXTRANK_DAMPING)
                + TEXTRANK_DAMPING * sum(n * score[o] / totals[o] for o, n in edges[w].items())
                for w in nodes
            }
        best = max(score.values())
        ranked = sorted(nodes, key=lambda w: (-score[w], -counts[w], w))[: self.top]
        return [Keyword(w, round(score[w] / best, 6), counts[w]) for w in ranked]


def _frame(labels: Sequence[str], keywords: Sequence[Sequence[Keyword]], label_column: str) -> pd.DataFrame:
    """Long table ``<label_column>, term, weight, count, rank`` (rank starts at 1)."""
    rows = [
        (label, k.term, k.weight, k.count, rank)
        for label, kws in zip(labels, keywords, strict=True)
        for rank, k in enumerate(kws, start=1)
    ]
    return pd.DataFrame(rows, columns=[label_column, "term", "weight", "count", "rank"])


def plan_keywords(
    plans: Sequence[Plan], top: int = 20, *, method: KeywordMethod = "tfidf", min_corpus: int = MIN_CORPUS
) -> pd.DataFrame:
    """Top keywords of each plan, IDF learned across the plans given.

    Returns:
        DataFrame with columns ``plan_id, term, weight, count, rank``.

    >>> plan_keywords([Plan("p1", 1, None, None, None, 1, 1, text_lines=("召开教代会",))])["term"].tolist()
    ['教代会']
    """
    extractor = KeywordExtractor(method=method, top=top, min_corpus=min_corpus)
    keywords = extractor.fit_transform([plan.text for plan in plans])
    return _frame([plan.id for plan in plans], keywords, "plan_id")


def section_texts(plan: Plan) -> dict[str, str]:
    """The plan's text pooled by section kind (innermost typed section wins; lines before any
    section are ``preamble``; sections of kind ``other`` inherit their parent's kind).

    >>> section_texts(Plan("p", 1, None, None, None, 1, 1, text_lines=("召开教代会",)))
    {'preamble': '召开教代会'}
    """
    n = len(plan.text_lines)
    kinds = [PREAMBLE] * n
    for section in plan.sections:  # flat reading order: parents come before their children
        if section.kind == "other" and section.parent is not None:
            continue
        first = max(section.line - plan.line_start, 0)
        last = min(section.end_line - plan.line_start, n - 1)
        for i in range(first, last + 1):
            kinds[i] = section.kind
    pooled: dict[str, list[str]] = defaultdict(list)
    for kind, line in zip(kinds, plan.text_lines, strict=True):
        pooled[kind].append(line)
    return {kind: "\n".join(lines) for kind, lines in pooled.items()}


def keywords_by(
    plans: Sequence[Plan],
    by: KeywordsBy,
    groups: Mapping[str, str] | None = None,
    top: int = 20,
    *,
    method: KeywordMethod = "tfidf",
    min_corpus: int = MIN_CORPUS,
) -> pd.DataFrame:
    """Top keywords per plan, per section kind (sections of one kind pooled), or per group.

    Args:
        plans: the plans.
        by: ``"plan"``, ``"section"`` or ``"group"``.
        groups: plan id → group name for ``by="group"``; default: each plan's unit.
        top: keywords per plan or group.
        method: ``"tfidf"`` or ``"textrank"``.
        min_corpus: the fewest pooled documents from which the IDF is learned.

    Returns:
        DataFrame ``plan_id, term, weight, count, rank`` for ``by="plan"``, else
        ``group, term, weight, count, rank``.

    >>> p = Plan("p1", 1, None, "学校工会", None, 1, 1, text_lines=("召开教代会",))
    >>> keywords_by([p], "group")["group"].tolist()
    ['学校工会']
    """
    if by == "plan":
        return plan_keywords(plans, top, method=method, min_corpus=min_corpus)
    pooled: dict[str, list[str]] = defaultdict(list)
    if by == "section":
        for plan in plans:
            for kind, text in section_texts(plan).items():
                pooled[kind].append(text)
    elif by == "group":
        for plan in plans:
            if groups is None:
                label = plan.unit or UNGROUPED
            else:
                label = groups.get(plan.id, UNGROUPED)
            pooled[label].append(plan.text)
    else:
        raise ValueError(f"未知的分组方式 {by!r}：请使用 plan、section 或 group。")
    labels = list(pooled)
    extractor = KeywordExtractor(method=method, top=top, min_corpus=min_corpus)
    keywords = extractor.fit_transform(["\n".join(pooled[label]) for label in labels])
    return _frame(labels, keywords, "group")


def attach_keywords(docs: Sequence[ParsedDocument], top: int = 20) -> list[ParsedDocument]:
    """Fill every plan's ``keywords`` (top ``top``, IDF learned across all plans of the batch).

    >>> attach_keywords([])
    []
    """
    plans = [plan for doc in docs for plan in doc.plans]
    if not plans:
        return list(docs)
    extractor = KeywordExtractor(top=top)
    found = dict(zip((p.id for p in plans), extractor.fit_transform([p.text for p in plans]), strict=True))
    return [
        replace(doc, plans=tuple(replace(p, keywords=tuple(found[p.id])) for p in doc.plans)) for doc in docs
    ]
