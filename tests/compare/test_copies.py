"""Copy detection: verbatim and disguised copies found, stock phrases and own units ignored, LSH only."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from analyzer.compare.copies import CopyOptions, find_copies, find_template_copies, split_passages
from analyzer.models import Plan

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

# A paragraph of a district union's plan (written for these tests).
ORIGINAL = (
    "今年，甲区总工会将围绕建设和谐劳动关系这一主线，定期对区域内企业劳动关系趋势进行分析研判，"
    "主动介入重大劳动争议，把一般矛盾化解在基层。",
    "依托流动课堂和法律服务站，把劳动法律法规送到车间班组，提高企业和职工依法维权的水平。",
)
# Unrelated plans, each its own wording.
OTHERS = {
    "school": ("学校工会每学期召开一次教代会，教代会前征集提案，会后逐条答复并在公开栏公示办理结果。",
               "九月份组织青年教师开展青蓝工程结对，由骨干教师带教，期末开展汇报课展示。"),
    "police": ("交警大队工会每月组织一次民警岗位练兵，练兵内容包括交通指挥手势和执法规范。",
               "年内召开一次警员代表大会，审议大队年度财务收支情况，接受全体民警监督。"),
    "bureau": ("文化局工会坚持开展文化三下乡，剧团和电影公司利用节假日为农民送去文艺演出。",
               "机关各科室建立学习小组，每周练习硬笔书法，营造浓厚的读书学习氛围。"),
}  # fmt: skip
STOCK = ["认真学习贯彻党的精神", "切实维护职工合法权益", "充分发挥工会组织的桥梁纽带作用", "围绕中心服务大局",
         "不断增强工会组织的吸引力和凝聚力", "努力开创工会工作新局面", "全心全意为职工服务"]  # fmt: skip


def _plan(pid: str, lines: tuple[str, ...] | list[str], unit: str | None = None, source: str = "") -> Plan:
    return Plan(
        pid, 1, None, unit, None, 1, len(lines), source=source or f"{pid}.txt", text_lines=tuple(lines)
    )


def _pairs(result) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in result.plan_pairs()[["plan_a", "plan_b"]].itertuples(index=False)}


def _corpus(extra: list[Plan]) -> list[Plan]:
    return [_plan(k, v, unit=f"{k}工会") for k, v in OTHERS.items()] + extra


def test_verbatim_copy_found() -> None:
    plans = _corpus(
        [_plan("orig", ORIGINAL, "甲区总工会"), _plan("copy", ("前言一句。", *ORIGINAL), "乙县总工会")]
    )
    result = find_copies(plans)
    assert _pairs(result) == {frozenset({"orig", "copy"})}
    row = result.plan_pairs().iloc[0]
    assert row["share_a"] == pytest.approx(1.0) and 0.8 < row["share_b"] <= 1.0
    frame = result.frame()
    assert {"passage_a", "passage_b", "similarity", "line_a", "line_b"} <= set(frame.columns)
    assert frame["similarity"].min() >= 0.99


def test_disguised_copy_found() -> None:
    disguised = tuple(
        line.replace("甲区总工会", "乙县总工会").replace("，", "、").replace("。", "；") for line in ORIGINAL
    )
    plans = _corpus([_plan("orig", ORIGINAL, "甲区总工会"), _plan("copy", disguised, "乙县总工会")])
    result = find_copies(plans)
    assert _pairs(result) == {frozenset({"orig", "copy"})}
    assert 0.6 <= result.frame()["similarity"].min() < 1.0


def test_same_unit_or_same_file_not_reported() -> None:
    same_unit = [_plan("y2023", ORIGINAL, "甲区总工会"), _plan("y2024", ORIGINAL, "甲区总工会")]
    assert find_copies(same_unit).pairs == ()
    same_file = [_plan("p1", ORIGINAL, source="汇编.txt"), _plan("p2", ORIGINAL, source="汇编.txt")]
    assert find_copies(same_file).pairs == ()
    other_file = [_plan("p1", ORIGINAL, source="a.txt"), _plan("p2", ORIGINAL, source="b.txt")]
    assert _pairs(find_copies(other_file)) == {frozenset({"p1", "p2"})}


def test_shared_stock_phrases_between_two_plans_do_not_trigger() -> None:
    a = [f"{STOCK[0]}，{OTHERS['school'][0]}", f"{STOCK[1]}，{STOCK[2]}。{OTHERS['school'][1]}"]
    b = [f"{STOCK[0]}，{OTHERS['police'][0]}", f"{STOCK[1]}，{STOCK[2]}。{OTHERS['police'][1]}"]
    assert find_copies([_plan("a", a, "学校工会"), _plan("b", b, "交警大队工会")]).pairs == ()


def test_stock_phrases_common_to_many_plans_do_not_trigger() -> None:
    rng = random.Random(3)
    plans = []
    for i in range(12):  # each plan: the same stock phrases, in a random order, and nothing else
        phrases = rng.sample(STOCK, len(STOCK))
        plans.append(
            _plan(f"p{i}", ["，".join(phrases[:4]) + "。", "，".join(phrases[4:]) + "。"], f"{i}号工会")
        )
    assert find_copies(plans).pairs == ()


def test_short_passages_are_never_compared() -> None:
    short = ["召开教代会。", "慰问困难职工。"]  # identical, but each under min_chars ideographs
    result = find_copies([_plan("a", short, "甲"), _plan("b", short, "乙")])
    assert result.pairs == () and result.passages == 0


def test_lsh_proposes_far_fewer_pairs_than_all() -> None:
    rng = random.Random(5)
    pool = (
        "职工教师民警工会会员劳动竞赛技能比武送温暖帮扶慰问困难女工安全生产经费审查校务公开文体活动心理关爱"
    )
    plans = []
    for i in range(40):
        lines = ["".join(rng.choice(pool) for _ in range(30)) + "。" for _ in range(6)]
        plans.append(_plan(f"r{i}", lines, f"{i}号工会"))
    plans.append(_plan("copy", [*plans[0].text_lines[:3], "另起一段，不同的文字在这里出现。"], "抄袭工会"))
    result = find_copies(plans)
    all_pairs = result.passages * (result.passages - 1) // 2
    assert result.candidates < all_pairs / 100
    assert _pairs(result) == {frozenset({"r0", "copy"})}


def test_template_copies() -> None:
    template = "\n".join(ORIGINAL)
    plans = [
        _plan("user", ("开头的话，自己写的。", ORIGINAL[1]), "丙区工会"),
        _plan("own", OTHERS["school"], "学校工会"),
    ]
    result = find_template_copies(plans, [("模板甲", template), ("模板乙", "\n".join(OTHERS["bureau"]))])
    frame = result.plan_pairs()
    assert frame[["plan_a", "plan_b"]].values.tolist() == [["user", "模板甲"]]
    assert 0.3 < frame["share_b"].iloc[0] < 0.7  # about half of the template was copied


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["短句。", "另一短句。"], []),  # too short: nothing
        ([ORIGINAL[0]], [(1, 2)]),  # long paragraph: cut at a sentence end after window_chars
        (["一、指导思想", "以科学发展观为指导，围绕中心服务大局，团结动员广大职工建功立业。"], [(1,)]),
    ],
)
def test_split_passages(lines: list[str], expected: list[tuple[int, ...]]) -> None:
    passages = split_passages(lines, options=CopyOptions(window_chars=30))
    assert [p[0] for p in passages] == [e[0] for e in expected]
    assert all(p[2] >= 20 for p in passages)


# --- gold: corpus/gold/copies.json over the b-prefixed plans, read by the real parser ----------


Key = tuple[str, int]  # (file name, 1-based plan index in the file)


@pytest.fixture(scope="module")
def gold_copies() -> tuple[dict, list[Plan], dict[str, Key]]:
    from analyzer.pipeline import parse_document

    path = CORPUS / "gold" / "copies.json"
    files = sorted((CORPUS / "plans").glob("b*"))
    if not path.exists() or not files:
        pytest.skip("corpus/gold/copies.json or corpus/plans/b* not present")
    gold = json.loads(path.read_text(encoding="utf-8"))
    plans: list[Plan] = []
    keys: dict[str, Key] = {}
    for f in files:
        for plan in parse_document(f).plans:
            plans.append(plan)
            keys[plan.id] = (f.name, plan.index)
    return gold, plans, keys


def _gold_key_pairs(entries: list[dict]) -> set[frozenset[Key]]:
    return {frozenset({(e["a"], e["a_plan"]), (e["b"], e["b_plan"])}) for e in entries}


def test_gold_copies_precision_recall(gold_copies) -> None:
    gold, plans, keys = gold_copies
    expected = _gold_key_pairs(gold["pairs"])
    assert len(expected) >= 4
    predicted = {frozenset({keys[p.plan_a], keys[p.plan_b]}) for p in find_copies(plans).pairs}
    tp = len(predicted & expected)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(expected)
    assert not predicted & _gold_key_pairs(gold.get("non_copies", []))
    assert precision >= 0.9 and recall >= 0.9, (precision, recall, predicted ^ expected)


def test_gold_template_copies(gold_copies) -> None:
    gold, plans, keys = gold_copies
    folder = CORPUS / "templates"
    templates = [(f.name, f.read_text(encoding="utf-8")) for f in sorted(folder.iterdir()) if f.is_file()]
    expected = {((e["plan"], e["plan_index"]), e["template"]) for e in gold["templates"]}
    result = find_template_copies(plans, templates)
    predicted = {(keys[p.plan_a], p.plan_b) for p in result.pairs}
    tp = len(predicted & expected)
    assert tp / max(len(predicted), 1) >= 0.9 and tp / len(expected) >= 0.9, predicted ^ expected


def test_gold_pairs_need_no_all_pairs(gold_copies) -> None:
    _, plans, _ = gold_copies
    result = find_copies(plans)
    assert result.candidates < result.passages * (result.passages - 1) // 2
