"""Plan-to-plan similarity (TF-IDF cosine over content tokens) and nearest neighbours."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from analyzer.models import Plan
from analyzer.text.segment import Segmenter, get_segmenter


def similarity_matrix(plans: Sequence[Plan], *, segmenter: Segmenter | None = None) -> pd.DataFrame:
    """Cosine similarity of the plans' TF-IDF vectors (sublinear tf, IDF from these plans).

    Returns:
        A square DataFrame indexed (rows and columns) by plan id, 1.0 on the diagonal.

    >>> a = Plan("a", 1, None, None, None, 1, 1, text_lines=("召开教代会，推进校务公开",))
    >>> b = Plan("b", 2, None, None, None, 1, 1, text_lines=("召开教代会，落实校务公开",))
    >>> round(float(similarity_matrix([a, b]).loc["a", "b"]), 2)
    1.0
    """
    ids = [plan.id for plan in plans]
    if not plans:
        return pd.DataFrame(index=ids, columns=ids, dtype=float)
    vectorizer = TfidfVectorizer(analyzer=segmenter or get_segmenter(), sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform([plan.text for plan in plans])
    except ValueError:  # no content token in any plan: nothing in common
        return pd.DataFrame(np.eye(len(ids)), index=ids, columns=ids)
    sims = cosine_similarity(matrix)
    np.fill_diagonal(sims, 1.0)
    return pd.DataFrame(sims, index=ids, columns=ids)


def nearest_neighbours(matrix: pd.DataFrame, k: int = 3) -> pd.DataFrame:
    """The ``k`` most similar other plans of each plan in a similarity matrix.

    Returns:
        DataFrame ``plan_id, neighbour, similarity, rank`` (rank 1 = nearest), ties by id.

    >>> m = pd.DataFrame([[1, .2, .9], [.2, 1, .1], [.9, .1, 1]], index=list("abc"), columns=list("abc"))
    >>> nearest_neighbours(m, k=1)["neighbour"].tolist()
    ['c', 'a', 'a']
    """
    rows = []
    ids = list(matrix.index)
    values = matrix.to_numpy(dtype=float)
    for i, plan_id in enumerate(ids):
        others = sorted((j for j in range(len(ids)) if j != i), key=lambda j: (-values[i, j], str(ids[j])))
        for rank, j in enumerate(others[:k], start=1):
            rows.append((plan_id, ids[j], float(values[i, j]), rank))
    return pd.DataFrame(rows, columns=["plan_id", "neighbour", "similarity", "rank"])
