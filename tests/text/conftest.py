"""Fixtures: the user's example parsed into its five plans by the real parser."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.models import Plan
from analyzer.pipeline import parse_document


@pytest.fixture(scope="session")
def seed_plans(seed_path: Path) -> list[Plan]:
    """The five plans of the user's example."""
    plans = list(parse_document(seed_path).plans)
    assert len(plans) == 5
    return plans
