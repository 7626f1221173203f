"""Keyness of a plan or group against the rest: signed G² (Williams) and χ² (Yates), as quanteda."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence

import numpy as np
import pandas as pd

from analyzer.models import Plan
from analyzer.text.segment import Segmenter, get_segmenter

COLUMNS = ["term", "target_count", "reference_count", "g2", "chi2", "p", "direction"]


def _chi2_sf(values: np.ndarray) -> np.ndarray:
    """Upper tail of the χ² distribution with one degree of freedom."""
    try:
        from scipy.stats import chi2
    except ImportError:  # df = 1: P(X > x) = erfc(sqrt(x / 2))
        return np.array([math.erfc(math.sqrt(max(v, 0.0) / 2)) for v in values])
    return chi2.sf(values, 1)


def keyness_table(target: Counter[str], reference: Counter[str], *, min_count: int = 2) -> pd.DataFrame:
    """Keyness of each term of two frequency tables (2×2 contingency table per term).

    ``g2`` is the likelihood ratio with Williams' correction, ``chi2`` Pearson's χ² with Yates'
    correction (R's ``chisq.test(correct=TRUE)``), both signed negative when the term is rarer in
    the target than expected; ``p`` is the p-value of ``g2`` (1 degree of freedom); ``direction``
    is ``"target"`` or ``"reference"``. Terms seen fewer than ``min_count`` times in all are left
    out. Sorted by ``g2``, most typical of the target first.

    >>> t = keyness_table(Counter({"民警": 10, "职工": 2}), Counter({"民警": 0, "职工": 20}))
    >>> t["term"].tolist(), t["direction"].tolist()
    (['民警', '职工'], ['target', 'reference'])
    """
    terms = sorted(t for t in set(target) | set(reference) if target[t] + reference[t] >= min_count)
    if not terms:
        return pd.DataFrame(columns=COLUMNS)
    a = np.array([target[t] for t in terms], dtype=float)
    b = np.array([reference[t] for t in terms], dtype=float)
    c = sum(target.values()) - a
    d = sum(reference.values()) - b
    n = a + b + c + d
    observed = np.stack([a, b, c, d])
    rows = np.stack([a + b, a + b, c + d, c + d])
    cols = np.stack([a + c, b + d, a + c, b + d])
    expected = rows * cols / n
    with np.errstate(divide="ignore", invalid="ignore"):
        g2 = 2 * np.nansum(np.where(observed > 0, observed * np.log(observed / expected), 0.0), axis=0)
        williams = 1 + (n / (a + c) + n / (b + d) - 1) * (n / (a + b) + n / (c + d) - 1) / (6 * n)
        g2 = g2 / williams
        deviation = np.abs(observed - expected)
        yates = np.minimum(0.5, deviation)
        chi2 = np.nansum((deviation - yates) ** 2 / expected, axis=0)
    sign = np.where(a >= expected[0], 1.0, -1.0)
    g2 = np.nan_to_num(g2) * sign
    chi2 = np.nan_to_num(chi2) * sign
    frame = pd.DataFrame(
        {
            "term": terms,
            "target_count": a.astype(int),
            "reference_count": b.astype(int),
            "g2": g2,
            "chi2": chi2,
            "p": _chi2_sf(np.abs(g2)),
            "direction": np.where(sign > 0, "target", "reference"),
        }
    )
    return frame.sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)


def keyness(
    plans: Sequence[Plan],
    target: str | Collection[str],
    *,
    groups: Mapping[str, str] | None = None,
    min_count: int = 2,
    segmenter: Segmenter | None = None,
) -> pd.DataFrame:
    """Keyness of a target (a plan, several plans, or a group) against all the other plans.

    Args:
        plans: the plans; their content tokens are counted.
        target: a plan id or a collection of plan ids; with ``groups``, a group name.
        groups: plan id → group name; when given, ``target`` names a group.
        min_count: leave out terms seen fewer times in target and reference together.
        segmenter: the segmenter; default: the shared one.

    Returns:
        DataFrame ``term, target_count, reference_count, g2, chi2, p, direction``.

    >>> a = Plan("a", 1, None, None, None, 1, 1, text_lines=("民警 民警 民警 职工",))
    >>> b = Plan("b", 2, None, None, None, 1, 1, text_lines=("职工 职工 职工 职工",))
    >>> keyness([a, b], "a")["term"].iloc[0]
    '民警'
    """
    if groups is not None:
        members = {pid for pid, group in groups.items() if group == target}
    elif isinstance(target, str):
        members = {target}
    else:
        members = set(target)
    known = {plan.id for plan in plans}
    if not members & known:
        raise ValueError(f"找不到目标 {target!r}：请给出存在的计划编号或分组名。")
    seg = segmenter or get_segmenter()
    target_counts: Counter[str] = Counter()
    reference_counts: Counter[str] = Counter()
    for plan in plans:
        (target_counts if plan.id in members else reference_counts).update(seg.tokens(plan.text))
    return keyness_table(target_counts, reference_counts, min_count=min_count)
