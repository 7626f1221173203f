"""Segmentation: owned tokenizer, domain dictionary, protected time ranges, content-token filters."""

from __future__ import annotations

import logging
import subprocess
import sys

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.text.patterns import CJK_WORD, NUMERAL_WORD
from analyzer.text.segment import CACHE_DIRNAME, Segmenter, get_segmenter, load_wordlist, resource_path


@pytest.fixture(scope="module")
def seg() -> Segmenter:
    return get_segmenter()


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("七——八月份：配合党支部庆祝七一", "七——八月份"),
        ("7-8月组织暑期疗休养", "7-8月"),
        ("三、四月份开展劳动竞赛", "三、四月份"),
        ("9月至10月举办技能比武", "9月至10月"),
        ("十一月—十二月份走访慰问", "十一月—十二月份"),
        ("进一步深化师德师风建设", "师德师风"),
        ("创建模范职工之家", "模范职工之家"),
        ("每学期召开一次教代会", "教代会"),
        ("建设户外劳动者驿站", "户外劳动者驿站"),
        ("关爱新就业形态劳动者", "新就业形态劳动者"),
        ("命名劳模创新工作室", "劳模创新工作室"),
        ("开展金秋助学活动", "金秋助学"),
        ("推进工资集体协商", "工资集体协商"),
        ("深入开展安康杯活动", "安康杯"),
    ],
)
def test_words_keep_units_whole(seg: Segmenter, text: str, whole: str) -> None:
    assert whole in seg.words(text)


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("20__年，区工会将继续", {"20", "__", "年", "20__年"}),
        ("推进学校__X管理和__X监督", {"X", "__", "X管理"}),
        ("xx大精神，××省职工，**人", {"xx", "××", "**", "大", "省"}),
        ("七——八月份，配合党支部", {"七", "八月份", "——", "七——八月份"}),
        (
            "我们要认真开展各项工作，进一步加强组织活动，关心职工",
            {"我们", "认真", "开展", "工作", "进一步", "加强", "组织", "活动"},
        ),
        ("举办一次20___X校园迎奥运卡拉ok比赛", {"一次", "ok", "20", "___"}),
        ("第一周、十二月份、三月：总结", {"第一周", "十二月份", "三月"}),
    ],
)
def test_tokens_drop_noise(seg: Segmenter, text: str, forbidden: set[str]) -> None:
    tokens = seg.tokens(text)
    assert tokens, "some content token expected"
    assert not forbidden & set(tokens)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进学校__X管理", ["学校", "管理"]),
        ("加强师德师风建设，七——八月份组织暑假活动", ["师德师风", "暑假"]),
        ("开展送温暖、送清凉活动", ["送温暖", "送清凉"]),
    ],
)
def test_tokens_exact(seg: Segmenter, text: str, expected: list[str]) -> None:
    assert seg.tokens(text) == expected


@given(st.text(alphabet="职工之家开展工作七八月份——、，。_Xx20师德风教代会民警 \n", max_size=60))
@settings(max_examples=60, deadline=None)
def test_tokens_are_filtered_words(text: str) -> None:
    seg = get_segmenter()
    words = seg.words(text)
    assert "".join(words) == text  # segmentation loses nothing
    tokens = seg.tokens(text)
    assert set(tokens) <= set(words)
    for token in tokens:
        assert len(token) > 1 and CJK_WORD.fullmatch(token) and not NUMERAL_WORD.fullmatch(token)
        assert token not in seg.stopword_set


def test_callable_is_tokens(seg: Segmenter) -> None:
    assert seg("召开教代会") == seg.tokens("召开教代会") == ["教代会"]


def test_owned_tokenizer_leaves_jieba_global_alone(seg: Segmenter) -> None:
    seg.words("户外劳动者驿站")
    assert seg.tokenizer is not jieba.dt
    assert "户外劳动者驿站" in seg.tokenizer.FREQ
    assert "户外劳动者驿站" not in jieba.dt.FREQ
    assert seg.tokenizer.tmp_dir.endswith(CACHE_DIRNAME)


def test_loading_is_quiet(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="jieba")
    fresh = Segmenter()
    assert fresh.tokens("召开职代会") == ["职代会"]
    assert not [r for r in caplog.records if r.name == "jieba"]
    assert logging.getLogger("jieba").level == logging.DEBUG  # restored afterwards


def test_custom_dictionary_and_stopwords(tmp_path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("青苗计划 3000 nz\n", encoding="utf-8")
    stops = tmp_path / "stops.txt"
    stops.write_text("# comment\n启动\n", encoding="utf-8")
    seg = Segmenter(user_dict=words, stopwords=stops)
    assert seg.tokens("启动青苗计划") == ["青苗计划"]


def test_nothing_loads_at_import() -> None:
    code = (
        "import sys, jieba\n"
        "import analyzer.text.segment, analyzer.text.keywords, analyzer.compare.copies\n"
        "import analyzer.compare.similarity, analyzer.compare.keyness, analyzer.compare.duties\n"
        "import analyzer.compare.kwic, analyzer.report.charts\n"
        "assert not jieba.dt.initialized\n"
        "assert 'matplotlib' not in sys.modules and 'jieba.analyse' not in sys.modules\n"
        "assert 'datasketch' not in sys.modules and 'mplfonts' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_shipped_resources() -> None:
    entries = [
        line.split() for line in resource_path("union_dict.txt").read_text(encoding="utf-8").splitlines()
    ]
    assert len(entries) >= 300
    assert all(len(e) == 3 and e[1].isdigit() and CJK_WORD.fullmatch(e[0]) for e in entries)
    required = {
        "职工之家",
        "送温暖",
        "厂务公开",
        "教代会",
        "师德师风",
        "青蓝工程",
        "户外劳动者驿站",
        "劳模创新工作室",
    }
    assert required <= {e[0] for e in entries}
    stops = load_wordlist(resource_path("stopwords.txt"))
    assert {"工作", "开展", "进一步", "加强", "积极", "组织", "活动", "我们", "以及"} <= stops
    assert not stops & {e[0] for e in entries}  # no domain term is a stopword


def test_seed_units_survive(seg: Segmenter, seed_plans) -> None:
    words = [w for plan in seed_plans for w in seg.words(plan.text)]
    assert "师德师风" in words
    assert "七——八月份" in words
    assert "师德师" not in words
    line = next(w for plan in seed_plans for w in plan.text_lines if w.startswith("七——八"))
    assert seg.words(line) == ["七——八月份"]
