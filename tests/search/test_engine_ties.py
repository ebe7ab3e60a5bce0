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


def test_a_terms_scores_are_the_same_looked_up_by_binary_search_or_from_an_array(
    monkeypatch,
) -> None:
    """Broad queries score their many documents from an array over the corpus, narrow ones
    by binary search in the postings: the same frequencies either way, absent ones 0."""
    from app.search import engine

    class Small:
        size = 1_000

        def mask(self, ids):
            out = np.zeros(self.size, dtype=bool)
            out[ids] = True
            return out

        def k1(self) -> float:
            return 1.2

        def idf(self, df: int, size: int | None = None) -> float:
            return 2.0

        def norm(self, field: str) -> np.ndarray:
            return np.linspace(0.5, 2.0, self.size, dtype=np.float32)

    rng = np.random.default_rng(3)
    ids = np.sort(rng.choice(1_000, 300, replace=False)).astype(np.int32)
    tf = rng.integers(1, 9, 300).astype(np.float32)
    for wanted in (5, 40, 700, 1_000):
        docs = np.sort(rng.choice(1_000, wanted, replace=False))
        found = []
        for share in (0, 10**9):  # never, always from an array
            monkeypatch.setattr(engine, "DENSE_SHARE", share)
            match = engine.TermMatch(Small(), "content", "x", 1.0, ids, tf)  # type: ignore[arg-type]
            found.append(match.scores(docs))
        assert np.array_equal(found[0], found[1]), wanted
        assert (found[0][~np.isin(docs, ids)] == 0).all()
        assert (found[0][np.isin(docs, ids)] > 0).all()
