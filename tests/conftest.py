"""Shared fixtures: paths of the bundled corpus and of the user's example (when present)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED_DIR = ROOT.parent / "shared" / "seed"
SEED = SEED_DIR / "000_0652916cca44b76f.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The user's example, read from ../shared/seed/ (never copied into the repository)."""
    if not SEED.exists():
        pytest.skip("../shared/seed/ is not present")
    return SEED
