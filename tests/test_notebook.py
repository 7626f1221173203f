"""The notebook tour runs against the current API (its code cells executed in order)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.mark.slow
def test_tour_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = ROOT / "notebooks" / "tour.ipynb"
    cells = [c for c in json.loads(notebook.read_text("utf-8"))["cells"] if c["cell_type"] == "code"]
    assert cells
    monkeypatch.chdir(notebook.parent)
    namespace: dict = {}
    for i, cell in enumerate(cells):
        exec(compile("".join(cell["source"]), f"tour.ipynb cell {i}", "exec"), namespace)
    assert Path(os.getcwd()) == notebook.parent
