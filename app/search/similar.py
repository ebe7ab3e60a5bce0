"""Similar cases ("more like this"): cases sharing the words that best tell a case, or the
text being typed into the case form, apart from everything else the reader may see."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from whoosh import query as wq

from app.auth import policy
from app.auth.policy import Viewer
from app.cases.models import Case
from app.deid.operations import guard
from app.errors import NotFound
from app.extensions import db
from app.search.analysis import CONCEPT_PREFIX
from app.search.documents import without_added_labels
from app.search.engine import Seen
from app.search.index import Snapshot
from app.search.operations import SearchHit
from app.search.snapshots import cached, corpus_of, hidden_for, prepare, search_index
from app.search.snippets import highlighter_for, snippet


def _weighted_terms(
    snap: Snapshot,
    text: str,
    *,
    min_df: int,
    seen: Seen | None = None,
) -> list[tuple[float, str]]:
    """The dozen words of `text` that best tell it apart, with their weights (tf-idf),
    counted over the documents the reader may see (`seen`): a word a private case also
    holds must neither qualify nor weigh differently for anyone outside it."""
    if not text.strip():
        return []
    searcher = snap.searcher
    counts = Counter(t.text for t in searcher.schema["content"].analyzer(text[:20_000]))
    reader = searcher.reader()
    if seen is not None and seen.hidden is None:
        seen = None  # nothing hidden: the whole index's counts are the reader's
    # With something hidden, only live visible documents count (Seen.size).
    n = max(reader.doc_count() if seen is None else seen.visible_count, 1)
    # A word's whole-index count less this is the fewest the reader may count of it.
    unseen = 0 if seen is None else seen.corpus.size - seen.visible_count
    scored = []
    max_df = max(n * 0.2, 50)  # words in a fifth of everything say nothing
    # A case has about a thousand words: their counts are kept per segment, so a new
    # snapshot (after any saved change) looks up only those of its new small segment.
    idx = search_index()
    leaves = [(r, idx.segment_data(snap.generation, r)) for r, _offset in reader.leaf_readers()]
    for term, tf in counts.items():
        df = sum(data.doc_frequency(r, "content", term) for r, data in leaves)
        if df < min_df:
            continue  # fewer still of them visible
        if seen is not None:
            if df - unseen > max_df:
                continue  # too common whatever the reader may not see
            df = seen.term_df("content", term)  # kept per snapshot and hidden set
        if df < min_df or df > max_df:
            continue
        weight = (1 + math.log(tf)) * math.log(n / df)
        if weight <= 0:
            # In every document (a new or a rebuilding index holds only a few, and counts
            # its deleted ones): the word tells nothing apart, and weights are scaled by
            # the best one, which must not be 0.
            continue
        if term.startswith(CONCEPT_PREFIX):
            weight *= 1.5
        scored.append((weight, term))
    scored.sort(reverse=True)
    return scored[:12]


def _case_terms(
    snap: Snapshot, case_id: int, seen: Seen
) -> tuple[int | None, list[tuple[float, str]]]:
    """(the case's document number, its weighted terms); (None, []) when not indexed."""
    docnum = snap.searcher.document_number(key=f"case:{case_id}")
    if docnum is None:
        return None, []
    stored = snap.searcher.stored_fields(docnum)
    content = without_added_labels(stored.get("content", ""))
    text = " ".join([stored.get("title", "")] * 2 + [content])
    # a case's own terms occur at least in itself
    return docnum, _weighted_terms(snap, text, min_df=2, seen=seen)


def similar_cases(
    user: Viewer, *, case_id: int | None = None, text: str = "", limit: int = 5
) -> list[SearchHit]:
    """Cases like a case (or like text being typed into the case form): more like this.

    The case must be one `user` may see (policy.require_view_case): a hidden case is as
    absent as a missing one (NotFound), before the index is read, so neither the answer
    nor the words highlighted from its text say anything about it. `text` passes the gate
    first, as the case form's text would (IdentifiersFound): its words become cache and
    query terms."""
    if text.strip():
        guard({"text": text}, actor=user)
    if case_id is not None:
        case = db.session.get(Case, case_id)
        if case is None:
            raise NotFound("No such case.")
        policy.require_view_case(user, case)
    snap = prepare()
    if snap is None:
        return []
    searcher = snap.searcher
    corpus = corpus_of(snap)
    _audience, hidden = hidden_for(snap, corpus, user)
    seen = corpus.seen(hidden)
    exclude: set[int] = set()
    if case_id is not None:
        # A case's own words weigh the same for every reader who sees the same documents:
        # computed once per snapshot and set of hidden documents (about a thousand term
        # lookups), not on every view of the case page.
        key = ("similar", case_id, seen.key)
        docnum, top = cached(snap, key, lambda: _case_terms(snap, case_id, seen))
        if docnum is None:
            return []
        exclude.add(docnum)
    else:
        top = _weighted_terms(snap, text, min_df=1, seen=seen)
    if not top:
        return []
    best = top[0][0]
    q = wq.And(
        [
            wq.Or([wq.Term("content", t, boost=w / best) for w, t in top]),
            wq.Term("type", "case"),
        ]
    )
    match = corpus.match(q, hidden)
    docs = corpus.final(match, hidden)
    if exclude:
        docs = docs[~np.isin(docs, list(exclude))]
    ranked = corpus.top(docs, match.scores(docs), limit) if len(docs) else []
    highlighter = highlighter_for(snap, corpus, [t for _w, t in top])
    hits = []
    for docnum, score in ranked:
        stored = searcher.stored_fields(docnum)
        hits.append(
            SearchHit.from_stored(stored, score, snippet(highlighter, stored.get("content", "")))
        )
    return hits
