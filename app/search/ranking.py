"""Results as a clinician scans them: one per case, ranked by each case's best document."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from app.search.engine import Corpus


class CaseGroups:
    """The matching documents as results a clinician scans: one per case (the case, with
    its best-matching recommendation or annotation under it and how many more matched),
    every other document on its own. Ranked by each case's best document."""

    def __init__(self, corpus: Corpus, docs: np.ndarray, *, enabled: bool = True) -> None:
        self.corpus = corpus
        self.docs = docs
        # Each document's case (0: none), over the corpus and over `docs`.
        self.of = corpus.groups if enabled else np.zeros(corpus.size, dtype=np.int64)
        self.groups = self.of[docs]
        cased = self.groups[self.groups > 0]
        # Documents per case, indexed by case id (ids are dense: a bincount, one pass).
        self.sizes = np.bincount(cased) if len(cased) else np.zeros(1, dtype=np.int64)
        self._count = len(docs) - len(cased) + int(np.count_nonzero(self.sizes))

    def count(self) -> int:
        return self._count

    def score(self, docnum: int, scores: np.ndarray) -> float:
        at = int(np.searchsorted(self.docs, docnum))
        if at < len(self.docs) and self.docs[at] == docnum:
            return float(scores[at])
        return 0.0  # a case shown for its recommendation: it did not match itself

    def page(
        self,
        ordered: Callable[[int], list[int]],
        ranking: np.ndarray,
        scores: np.ndarray,
        first: int,
        depth: int,
        hidden: np.ndarray | None,
    ) -> list[tuple[int, int | None, int]]:
        """(document shown, related document or None, more) for results first..depth."""
        best = self._best_per_group(ordered, depth)[first:depth]
        out: list[tuple[int, int | None, int]] = []
        for docnum in best:
            case_id = int(self.of[docnum])
            if not case_id:
                out.append((docnum, None, 0))
                continue
            members = self._members(case_id, docnum, ranking)
            head = self._case_document(case_id, members, hidden)
            others = [m for m in members if m != head]
            related = others[0] if others else None
            more = len(members) - (head in members) - (related is not None)
            out.append((head, related, more))
        return out

    def _best_per_group(self, ordered: Callable[[int], list[int]], count: int) -> list[int]:
        """The best document of each of the first `count` results, in order. The top of
        the ranking is read in growing slices until it holds that many groups."""
        groups = self.of
        want = count * 4
        while True:
            seen: dict[int, int] = {}
            for docnum in ordered(min(want, len(self.docs))):
                case_id = int(groups[docnum])
                seen.setdefault(case_id if case_id else -1 - docnum, docnum)
                if len(seen) == count:
                    return list(seen.values())
            if want >= len(self.docs):
                return list(seen.values())
            want *= 4

    def _members(self, case_id: int, best: int, ranking: np.ndarray) -> list[int]:
        """The case's matching documents, best first."""
        if case_id >= len(self.sizes) or self.sizes[case_id] <= 1:
            return [best]
        at = np.flatnonzero(self.groups == case_id)
        order = np.lexsort((self.docs[at], -ranking[at]))
        return self.docs[at][order].tolist()

    def _case_document(self, case_id: int, members: list[int], hidden: np.ndarray | None) -> int:
        """The case's own document when the reader may see it, else its best match."""
        types = self.corpus.facets["type"]
        for docnum in members:
            if types.values[types.codes[docnum]] == "case":
                return docnum
        found = self.corpus.searcher.document_number(key=f"case:{case_id}")
        if found is None or not self.corpus.alive[found] or (hidden is not None and hidden[found]):
            return members[0]
        return found
