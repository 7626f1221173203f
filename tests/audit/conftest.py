"""Fixtures of the audit tests: small Chinese plans parsed through the real pipeline from tmp files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from analyzer.ingest import read_document
from analyzer.models import Document, Plan
from analyzer.pipeline import parse_loaded

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def parse_text(tmp_path: Path) -> Callable[..., Plan]:
    """Write a text to a tmp file, read and parse it; the first plan (or one by index)."""
    counter = iter(range(10_000))

    def parse(text: str, *, name: str | None = None, index: int = 0) -> Plan:
        path = tmp_path / (name or f"plan{next(counter)}.txt")
        path.write_text(text.strip() + "\n", encoding="utf-8")
        plans = parse_loaded(read_document(path)).plans
        assert plans, text[:40]
        return plans[index]

    return parse


@pytest.fixture
def read_doc(tmp_path: Path) -> Callable[[str, str], tuple[Document, tuple[Plan, ...]]]:
    """Write, read and parse a text; the Document and its plans."""

    def read(text: str, name: str = "doc.txt") -> tuple[Document, tuple[Plan, ...]]:
        path = tmp_path / name
        path.write_text(text.strip() + "\n", encoding="utf-8")
        doc = read_document(path)
        return doc, parse_loaded(doc).plans

    return read
