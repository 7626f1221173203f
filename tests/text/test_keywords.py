"""Keywords: TF-IDF (corpus or jieba IDF), TextRank, per plan / section kind / group."""

from __future__ import annotations

import pytest
from sklearn.exceptions import NotFittedError

from analyzer.models import Plan, Section
from analyzer.text.keywords import KeywordExtractor, keywords_by, plan_keywords, section_texts
from analyzer.text.patterns import CJK_WORD, NUMERAL_WORD, PLACEHOLDER
from analyzer.text.segment import get_segmenter

TEXTS = [
    "召开教代会，推进校务公开，召开教代会，落实教代会职权。",
    "关心民警生活，组织民警岗位练兵，维护民警合法权益。",
    "开展送温暖活动，慰问困难职工，建立困难职工档案。",
    "建设职工书屋，举办读书分享会，职工书屋向职工开放。",
    "推进工资集体协商，签订集体合同，维护劳动关系和谐。",
]


def _plan(pid: str, lines: tuple[str, ...], *, unit: str | None = None, sections=()) -> Plan:
    return Plan(pid, 1, None, unit, None, 1, len(lines), sections=sections, text_lines=lines)


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_transform_before_fit_fails(method: str) -> None:
    with pytest.raises(NotFittedError):
        KeywordExtractor(method=method).transform(["召开教代会"])


@pytest.mark.parametrize(("n_texts", "source"), [(2, "jieba"), (4, "jieba"), (5, "corpus")])
def test_idf_source_depends_on_corpus_size(n_texts: int, source: str) -> None:
    extractor = KeywordExtractor().fit(TEXTS[:n_texts])
    assert extractor.idf_source_ == source
    assert len(extractor.idf_) == len(extractor.terms_)


@pytest.mark.parametrize(("n_texts", "method"), [(2, "tfidf"), (5, "tfidf"), (5, "textrank")])
def test_top_keyword_and_count(n_texts: int, method: str) -> None:
    keywords = KeywordExtractor(method=method, top=3).fit_transform(TEXTS[:n_texts])
    assert keywords[0][0].term == "教代会" and keywords[0][0].count == 3
    assert keywords[1][0].term == "民警" and keywords[1][0].count == 3
    assert all(len(kws) <= 3 for kws in keywords)
    assert all(kws[i].weight >= kws[i + 1].weight for kws in keywords for i in range(len(kws) - 1))


def test_fit_then_transform_matches_fit_transform() -> None:
    extractor = KeywordExtractor(top=5)
    assert extractor.fit(TEXTS).transform(TEXTS) == KeywordExtractor(top=5).fit_transform(TEXTS)


def test_unseen_terms_are_ignored_by_transform() -> None:
    extractor = KeywordExtractor().fit(TEXTS)
    assert extractor.transform(["户外劳动者驿站"]) == [[]]


def test_plan_keywords_frame() -> None:
    plans = [_plan(f"p{i}", (t,)) for i, t in enumerate(TEXTS)]
    frame = plan_keywords(plans, top=2)
    assert list(frame.columns) == ["plan_id", "term", "weight", "count", "rank"]
    assert frame.groupby("plan_id")["rank"].apply(list).tolist() == [[1, 2]] * 5
    assert frame.loc[frame["plan_id"] == "p0", "term"].iloc[0] == "教代会"


def test_section_texts_pool_by_innermost_typed_kind() -> None:
    lines = ("总的说明职工", "一、指导思想", "引领职工", "二、具体安排", "三月份", "召开教代会")
    sections = (
        Section("一、指导思想", "指导思想", "一", 1, None, "guiding_ideology", 2, 3),
        Section("二、具体安排", "具体安排", "二", 1, None, "schedule", 4, 6),
        Section("三月份", "三月份", None, 2, 1, "other", 5, 6),
    )
    pooled = section_texts(_plan("p", lines, sections=sections))
    assert pooled == {
        "preamble": "总的说明职工",
        "guiding_ideology": "一、指导思想\n引领职工",
        "schedule": "二、具体安排\n三月份\n召开教代会",
    }


def test_keywords_by_section_and_group() -> None:
    sections = (Section("一、安排", "安排", "一", 1, None, "schedule", 1, 1),)
    plans = [
        _plan("a", ("召开教代会",), unit="学校工会", sections=sections),
        _plan("b", ("慰问民警",), unit="交警大队工会"),
        _plan("c", ("慰问困难职工",), unit=None),
    ]
    by_section = keywords_by(plans, "section")
    assert list(by_section.columns) == ["group", "term", "weight", "count", "rank"]
    assert set(by_section["group"]) == {"schedule", "preamble"}
    by_unit = keywords_by(plans, "group")
    terms = by_unit.groupby("group")["term"].apply(set).to_dict()
    assert terms == {"学校工会": {"教代会"}, "交警大队工会": {"慰问", "民警"}, "未分组": {"慰问", "困难职工"}}
    by_map = keywords_by(plans, "group", groups={"a": "学校", "c": "学校"})
    assert set(by_map["group"]) == {"学校", "未分组"}
    assert set(by_map.loc[by_map["group"] == "学校", "term"]) == {"教代会", "慰问", "困难职工"}
    with pytest.raises(ValueError):
        keywords_by(plans, "month")  # type: ignore[arg-type]


def test_seed_keywords_are_clean(seed_plans) -> None:
    frame = plan_keywords(seed_plans, top=20)
    stop = get_segmenter().stopword_set
    for term in frame["term"]:
        assert len(term) > 1, term
        assert term not in stop, term
        assert CJK_WORD.fullmatch(term), term
        assert not PLACEHOLDER.search(term) and not NUMERAL_WORD.fullmatch(term), term
    top10 = {pid: set(group["term"]) for pid, group in frame[frame["rank"] <= 10].groupby("plan_id")}
    assert "民警" in top10[seed_plans[1].id]
    assert "教代会" in top10[seed_plans[3].id]
    assert frame.groupby("plan_id").size().tolist() == [20] * 5


def test_seed_textrank_is_clean(seed_plans) -> None:
    frame = plan_keywords(seed_plans, top=20, method="textrank")
    stop = get_segmenter().stopword_set
    assert not set(frame["term"]) & stop
    assert "民警" in set(frame.loc[(frame["plan_id"] == seed_plans[1].id) & (frame["rank"] <= 10), "term"])
