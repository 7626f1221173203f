"""Keyness: G² (Williams) and χ² (Yates) agree with scipy; signs, order, targets."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from scipy.stats import chi2_contingency

from analyzer.compare import keyness as keyness_module
from analyzer.compare.keyness import keyness, keyness_table
from analyzer.models import Plan


@pytest.mark.parametrize(
    ("a", "b", "c", "d"), [(3, 7, 7, 2), (10, 0, 2, 20), (14, 1, 300, 900), (1, 5, 50, 60)]
)
def test_statistics_match_scipy(a: int, b: int, c: int, d: int) -> None:
    table = keyness_table(Counter({"词": a, "他": c}), Counter({"词": b, "他": d}), min_count=1)
    row = table.set_index("term").loc["词"]
    observed = np.array([[a, b], [c, d]])
    chi2_yates = chi2_contingency(observed, correction=True)[0]
    g_plain = chi2_contingency(observed, correction=False, lambda_="log-likelihood")[0]
    n = observed.sum()
    q = 1 + (n / (a + c) + n / (b + d) - 1) * (n / (a + b) + n / (c + d) - 1) / (6 * n)
    expected_a = (a + b) * (a + c) / n
    sign = 1 if a >= expected_a else -1
    assert row["chi2"] == pytest.approx(sign * chi2_yates, rel=1e-9)
    assert row["g2"] == pytest.approx(sign * g_plain / q, rel=1e-9)
    assert row["direction"] == ("target" if sign > 0 else "reference")


def test_p_values_without_scipy_match(monkeypatch: pytest.MonkeyPatch) -> None:
    values = np.array([0.0, 1.0, 3.84, 10.0])
    with_scipy = keyness_module._chi2_sf(values)
    import builtins

    real_import = builtins.__import__

    def no_scipy(name, *args, **kwargs):
        if name.startswith("scipy"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_scipy)
    assert keyness_module._chi2_sf(values) == pytest.approx(with_scipy, rel=1e-9)


def _plan(pid: str, text: str) -> Plan:
    return Plan(pid, 1, None, None, None, 1, 1, text_lines=(text,))


PLANS = [
    _plan("police", "民警 民警 民警 民警 岗位练兵 岗位练兵 职工"),
    _plan("school", "教代会 教代会 教代会 职工 职工 职工"),
    _plan("company", "劳动竞赛 劳动竞赛 职工 职工 职工 职工"),
]


def test_keyness_of_one_plan() -> None:
    table = keyness(PLANS, "police")
    assert list(table.columns) == ["term", "target_count", "reference_count", "g2", "chi2", "p", "direction"]
    assert table["term"].iloc[0] == "民警"
    assert table["g2"].is_monotonic_decreasing
    assert table.set_index("term").loc["职工", "direction"] == "reference"
    assert table.set_index("term").loc["民警", "p"] < 0.05


def test_keyness_of_a_group_and_of_several_plans() -> None:
    by_group = keyness(PLANS, "civil", groups={"police": "civil", "school": "civil", "company": "firm"})
    by_ids = keyness(PLANS, ["police", "school"])
    assert by_group.equals(by_ids)
    assert by_group.set_index("term").loc["劳动竞赛", "direction"] == "reference"


def test_unknown_target() -> None:
    with pytest.raises(ValueError, match="找不到目标"):
        keyness(PLANS, "nobody")


def test_seed_keyness_of_police_plan(seed_plans) -> None:
    table = keyness(seed_plans, seed_plans[1].id)
    assert table["term"].iloc[0] == "民警"
