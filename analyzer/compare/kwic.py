"""Keyword in context: every occurrence of a term across plans, with the text either side."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analyzer.models import Plan

COLUMNS = ["plan_id", "line", "left", "term", "right"]


def kwic(plans: Sequence[Plan], term: str, *, window: int = 15) -> pd.DataFrame:
    """Occurrences of ``term`` (exact substring) in the plans' lines, ``window`` characters of
    context each side (within the line).

    Returns:
        DataFrame ``plan_id, line, left, term, right``; ``line`` is the document line (1-based).

    >>> p = Plan("p", 1, None, None, None, 5, 5, text_lines=("十月份召开教代会，完善组织建设",))
    >>> kwic([p], "教代会", window=3).values.tolist()
    [['p', 5, '份召开', '教代会', '，完善']]
    """
    if not term:
        raise ValueError("检索词为空：请给出要查找的词。")
    rows = []
    for plan in plans:
        for offset, line in enumerate(plan.text_lines):
            start = line.find(term)
            while start >= 0:
                end = start + len(term)
                rows.append(
                    (
                        plan.id,
                        plan.line_start + offset,
                        line[max(start - window, 0) : start],
                        term,
                        line[end : end + window],
                    )
                )
                start = line.find(term, end)
    return pd.DataFrame(rows, columns=COLUMNS)
