"""Benchmark: similarity matrix and copy detection on 1,000 synthetic plans, on one core.

Run: ``python bench/bench_compare.py [--plans 1000] [--copies 30]``. Prints wall times, the number
of candidate passage pairs verified against all passage pairs, and recall of the injected copies.
"""

from __future__ import annotations

import argparse
import os
import random
import time

# One core: keep BLAS / OpenMP from spreading over the machine.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from analyzer.compare.copies import find_copies  # noqa: E402
from analyzer.compare.similarity import similarity_matrix  # noqa: E402
from analyzer.models import Plan  # noqa: E402
from analyzer.text.segment import get_segmenter, resource_path  # noqa: E402

STOCK = [
    "认真学习贯彻党的精神",
    "切实维护职工合法权益",
    "充分发挥工会组织的桥梁纽带作用",
    "围绕中心服务大局",
    "不断增强工会组织的吸引力和凝聚力",
    "全心全意为职工服务",
    "努力开创工会工作新局面",
    "进一步加强工会自身建设",
    "积极开展丰富多彩的文体活动",
    "坚持以人为本",
    "做好困难职工帮扶工作",
    "推进厂务公开民主管理",
    "加强工会干部队伍建设",
    "营造和谐稳定的良好氛围",
    "为完成全年目标任务作出新的贡献",
    "高举中国特色社会主义伟大旗帜",
    "团结动员广大职工建功立业",
    "深入开展劳动竞赛",
    "组织职工参加技能培训",
    "落实上级工会的工作部署",
]
VERBS = [
    "组织",
    "开展",
    "推进",
    "落实",
    "举办",
    "完善",
    "健全",
    "深化",
    "加强",
    "规范",
    "探索",
    "建立",
    "督促",
    "协调",
]
LINKS = ["和", "与", "及", "的", "中的", "有关", "方面的", "为主的", "相关的"]


def domain_terms() -> list[str]:
    """The shipped union-work dictionary's words."""
    return [
        line.split()[0] for line in resource_path("union_dict.txt").read_text(encoding="utf-8").splitlines()
    ]


def sentence(rng: random.Random, terms: list[str]) -> str:
    """A random plan-like sentence of about 25–40 characters."""
    parts = [
        f"{rng.choice(VERBS)}{rng.choice(terms)}{rng.choice(LINKS)}{rng.choice(terms)}"
        for _ in range(rng.randint(2, 3))
    ]
    return "，".join(parts) + "。"


def paragraph(rng: random.Random, terms: list[str]) -> str:
    """Random sentences with stock phrases mixed in."""
    items = [sentence(rng, terms) for _ in range(rng.randint(2, 4))]
    for _ in range(rng.randint(1, 2)):
        items.insert(rng.randrange(len(items) + 1), rng.choice(STOCK) + "。")
    return "".join(items)


def make_corpus(n: int, copies: int, seed: int = 7) -> tuple[list[Plan], set[frozenset[str]]]:
    """``n`` plans of different units; ``copies`` of them copy paragraphs of another plan
    (unit name swapped, punctuation changed). Returns the plans and the copied plan-id pairs."""
    rng = random.Random(seed)
    terms = domain_terms()
    texts = [[paragraph(rng, terms) for _ in range(rng.randint(8, 14))] for _ in range(n)]
    units = [f"第{i}区工会" for i in range(n)]
    injected: set[frozenset[str]] = set()
    for target in rng.sample(range(n), copies):
        source = rng.choice([i for i in range(n) if i != target])
        for _ in range(rng.randint(1, 3)):
            copied = rng.choice(texts[source]).replace("，", "、") + f"{units[source]}负责落实。"
            copied = copied.replace(units[source], units[target])
            texts[target].insert(rng.randrange(len(texts[target]) + 1), copied)
        injected.add(frozenset((f"p{source}", f"p{target}")))
    plans = [
        Plan(f"p{i}", 1, None, units[i], None, 1, len(lines), source=f"{i}.txt", text_lines=tuple(lines))
        for i, lines in enumerate(texts)
    ]
    return plans, injected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--copies", type=int, default=30)
    args = parser.parse_args()
    plans, injected = make_corpus(args.plans, args.copies)
    chars = sum(len(p.text) for p in plans)
    get_segmenter().tokenizer  # noqa: B018 — load the dictionary outside the timings
    start = time.perf_counter()
    matrix = similarity_matrix(plans)
    t_sim = time.perf_counter() - start
    start = time.perf_counter()
    result = find_copies(plans)
    t_copy = time.perf_counter() - start
    found = {frozenset((a, b)) for a, b in result.plan_pairs()[["plan_a", "plan_b"]].itertuples(index=False)}
    plan_pairs = len(plans) * (len(plans) - 1) // 2
    passage_pairs = result.passages * (result.passages - 1) // 2
    print(f"plans: {len(plans)}  characters: {chars:,}  passages indexed: {result.passages:,}")
    print(f"similarity matrix {matrix.shape}: {t_sim:.2f} s")
    print(f"copy detection: {t_copy:.2f} s")
    print(f"total: {t_sim + t_copy:.2f} s")
    print(
        f"candidate passage pairs verified: {result.candidates:,} of {passage_pairs:,} passage pairs "
        f"({result.candidates / max(passage_pairs, 1):.2e}); plan pairs: {plan_pairs:,}"
    )
    tp = len(found & injected)
    print(
        f"copied plan pairs: injected {len(injected)}, reported {len(found)}, "
        f"recall {tp / max(len(injected), 1):.3f}, precision {tp / max(len(found), 1):.3f}"
    )


if __name__ == "__main__":
    main()
