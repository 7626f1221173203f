"""Similarity matrix and nearest neighbours."""

from __future__ import annotations

import pandas as pd
import pytest

from analyzer.compare.similarity import nearest_neighbours, similarity_matrix
from analyzer.models import Plan


def _plan(pid: str, text: str) -> Plan:
    return Plan(pid, 1, None, None, None, 1, 1, text_lines=(text,))


PLANS = [
    _plan("school1", "召开教代会，推进校务公开，实施青蓝工程，加强师德师风建设。"),
    _plan("school2", "每学期召开教代会，落实校务公开，开展青蓝工程和师德师风演讲。"),
    _plan("police", "组织民警岗位练兵，召开警员代表大会，关心民警生活。"),
    _plan("company", "开展劳动竞赛和技能比武，推进工资集体协商，签订集体合同。"),
]


def test_matrix_shape_and_symmetry() -> None:
    matrix = similarity_matrix(PLANS)
    ids = [p.id for p in PLANS]
    assert list(matrix.index) == ids and list(matrix.columns) == ids
    assert (matrix.to_numpy().diagonal() == 1.0).all()
    pd.testing.assert_frame_equal(matrix, matrix.T)
    assert matrix.loc["school1", "school2"] > 0.5 > matrix.loc["school1", "police"]


@pytest.mark.parametrize(("plan", "nearest"), [("school1", "school2"), ("school2", "school1")])
def test_nearest(plan: str, nearest: str) -> None:
    table = nearest_neighbours(similarity_matrix(PLANS), k=2)
    assert list(table.columns) == ["plan_id", "neighbour", "similarity", "rank"]
    first = table[(table["plan_id"] == plan) & (table["rank"] == 1)]
    assert first["neighbour"].item() == nearest
    assert (table["plan_id"] != table["neighbour"]).all()
    assert table.groupby("plan_id").size().tolist() == [2] * 4


def test_plans_without_content() -> None:
    matrix = similarity_matrix([_plan("a", "——"), _plan("b", "20__年")])
    assert matrix.loc["a", "b"] == 0.0


def test_seed_school_unions_are_nearest(seed_plans) -> None:
    table = nearest_neighbours(similarity_matrix(seed_plans), k=1)
    nearest = dict(zip(table["plan_id"], table["neighbour"], strict=True))
    assert nearest[seed_plans[3].id] == seed_plans[4].id
    assert nearest[seed_plans[4].id] == seed_plans[3].id
