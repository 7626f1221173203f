"""Fixtures: the user's example crudely split into its five plans (test only; the parser does it properly)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyzer.models import Plan

# Marker lines of the user's example: “关于工会工作目标及计划精选篇N”.
SEED_MARKER = re.compile(r"精选篇(\d)")


def split_seed(path: Path) -> list[Plan]:
    """One Plan per 精选篇N marker, its text the lines up to the next marker."""
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if SEED_MARKER.search(line)]
    plans = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        plans.append(
            Plan(
                f"seed#{n + 1}", n + 1, lines[start], None, None, start + 2, end,
                source=path.name, text_lines=tuple(lines[start + 1 : end]),
            )
        )  # fmt: skip
    return plans


@pytest.fixture(scope="session")
def seed_plans(seed_path: Path) -> list[Plan]:
    """The five plans of the user's example."""
    plans = split_seed(seed_path)
    assert len(plans) == 5
    return plans
