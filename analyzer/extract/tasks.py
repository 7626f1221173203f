"""Tasks: every actionable item of a plan with its frequency, targets, owner and deadline."""

from __future__ import annotations

from analyzer.models import Plan, Task


def extract_tasks(plan: Plan) -> list[Task]:
    """Placeholder until the task-field extractors land (see fields.py)."""
    return []
