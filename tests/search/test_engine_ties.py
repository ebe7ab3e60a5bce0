"""The best k documents of a query are the same whatever else the index holds: ties at the
k-th score (or date) go to the lowest document number, not to whichever a partition takes."""

from __future__ import annotations

import numpy as np

from app.search.engine import Corpus


def test_the_last_places_go_to_the_lowest_tied_documents_whatever_else_matched() -> None:
    """Twenty documents tied, four better, and a varying number of worse ones (other cases
    an unrelated save brought into the candidates) spread among them."""
    for extra in range(0, 60):
        rng = np.random.default_rng(extra)
        docs = np.arange(24 + extra)
        scores = np.full(len(docs), 0.5)
        places = np.sort(rng.choice(len(docs), 24, replace=False))
        scores[places[:20]], scores[places[20:]] = 1.0, 2.0
        best = Corpus.top(None, docs, scores, 6)  # type: ignore[arg-type]
        assert [d for d, _ in best] == [*places[20:], *places[:2]], extra


def test_dates_tied_at_the_kth_go_to_the_lowest_documents() -> None:
    class Dated:
        dates = np.array([5] * 20 + [9] * 3 + [1] * 17, dtype=np.int64)

    for shown in range(24, 41):
        docs = np.arange(shown)
        newest = Corpus.by_date(Dated(), docs, 5)  # type: ignore[arg-type]
        assert newest == [20, 21, 22, 0, 1], shown
