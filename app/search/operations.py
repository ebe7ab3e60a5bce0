"""Searching: `search()`, what the views, API and CLI call, and its request and result types.

Speed (measured, see docs/search.md): one searcher per process, replaced only when the
index changes (snapshots.py); queries evaluated by `engine.py` as array operations over
postings read with one read per term, so the matching set is computed once and serves the
total, the exact facet counts and the ranking (BM25F scored only for the documents that
match); snippets from the stored text of the displayed hits only (snippets.py).
"""

from __future__ import annotations

import logging
import math
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import select
from whoosh import query as wq

from app.auth import policy
from app.auth.policy import Viewer
from app.deid.gate import Acceptance
from app.extensions import db
from app.search import spelling
from app.search.engine import Corpus
from app.search.index import Snapshot
from app.search.query import compile_query, filter_query, year_range
from app.search.ranking import CaseGroups
from app.search.snapshots import builtin_words, cached, corpus_of, hidden_for, prepare, search_index
from app.search.snippets import highlighter_for, snippet
from app.search.words import guard_words

log = logging.getLogger(__name__)

MAX_PER_PAGE = 100
MAX_DEPTH = 1000  # deepest result reachable by paging
SORTS = ("relevance", "date", "oldest")
INDEX_BUILDING = "The search index is being built. Try again in a minute."
FEW_RESULTS = 20  # fewer matches for all the words than a page (20): rank by any word


@dataclass
class SearchRequest:
    q: str = ""
    types: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    facets: bool = True
    snippets: bool = True
    group: bool = True  # one result per case (False: every matching document on its own)
    case_id: int | None = None  # only this case's documents ("N more from this case")
    correct: bool = True  # False: search the words as typed ("search instead for")
    # Findings of `q` its author marked "not an identifier" (the gate's, field "q").
    accepted: list[Acceptance] = field(default_factory=list)


@dataclass
class SearchHit:
    type: str
    id: int
    ref: str | None
    title: str
    url: str
    score: float
    snippet: str  # HTML: escaped text with <mark> around matched words
    program: str | None
    program_name: str | None
    topics: list[str]
    date: str | None
    status: str | None
    case_id: int | None
    category: str | None = None  # a recommendation's
    # Under a case: its best-matching recommendation or annotation, and how many more of
    # the case's documents matched (not shown).
    related: SearchHit | None = None
    more: int = 0

    @classmethod
    def from_stored(cls, stored: dict[str, Any], score: float, snippet: str) -> SearchHit:
        """The hit for a document's stored fields."""
        day = stored.get("date")
        when = None
        if day:
            when = date(day // 10000, day // 100 % 100, day % 100).isoformat()
        case_id = stored.get("case_id")
        return cls(
            type=stored.get("type", ""),
            id=int(stored.get("entity_id") or 0),
            ref=stored.get("ref"),
            title=stored.get("title", ""),
            url=stored.get("url", ""),
            score=float(score),
            snippet=snippet,
            program=stored.get("program"),
            program_name=stored.get("program_name"),
            topics=list(stored.get("topic_names") or []),
            date=when,
            status=stored.get("status"),
            case_id=int(case_id) if case_id else None,
            category=stored.get("category"),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "id": self.id,
            "ref": self.ref,
            "title": self.title,
            "url": self.url,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "program": self.program,
            "topics": self.topics,
            "date": self.date,
            "category": self.category,
            "related": self.related.to_json() if self.related is not None else None,
            "more": self.more,
        }


@dataclass
class SearchResults:
    request: SearchRequest
    total: int  # matching documents (what the facet counts add up to)
    took_ms: float
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, str, int]]]  # name -> [(value, label, count)]
    suggestion: str | None = None  # "Did you mean": a likely respelling, not searched
    # Searched with respelled words: what was searched, and what was typed.
    corrected_query: str | None = None
    original_query: str | None = None
    matched_any: bool = False  # the all-words query found too little; any word was used
    ready: bool = True  # False when no index exists yet
    results: int | None = None  # results once grouped by case (what pages run over)
    # Lay phrases of the query and the clinical terms searched with them.
    also_searched: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def grouped_total(self) -> int:
        return self.total if self.results is None else self.results

    @property
    def pages(self) -> int:
        reachable = min(self.grouped_total, MAX_DEPTH)
        return max(1, math.ceil(reachable / self.request.per_page))

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "results_total": self.grouped_total,
            "took_ms": round(self.took_ms, 1),
            "page": self.request.page,
            "per_page": self.request.per_page,
            "results": [h.to_json() for h in self.hits],
            "facets": {
                name: [{"value": v, "label": label, "count": n} for v, label, n in values]
                for name, values in self.facets.items()
            },
            "matched_any_word": self.matched_any,
            "suggestion": self.suggestion,
            "corrected_query": self.corrected_query,
            "original_query": self.original_query,
            "also_searched": [
                {"for": lay, "terms": list(terms)} for lay, terms in self.also_searched
            ],
        }


# ---------------------------------------------------------------- the gate

# What the gate reads in a search, with the label a refusal shows. A filter's value is typed
# as freely as the words (a URL edited, an API call), and goes where they go: the facet
# counts' cache key, the page shown again, a saved search.
SEARCH_WORD_LABELS = {
    "q": "Search words",
    "type": "Type",
    "program": "Program",
    "topic": "Topic",
    "status": "Status",
}
# A filter's value is matched as a slug ("john-smith" is the topic "John Smith"): its
# separators read as the spaces they stand for, the text keeping its length (the findings'
# places are the value's).
_SLUG_SEPARATORS = str.maketrans("-_", "  ")


def filter_words(name: str, values: list[str], joiner: str = ", ") -> str:
    """The text the gate reads of filter `name`'s `values`, joined. An accepted topic is the
    shared vocabulary, through the gate when it was named: a facet's link to one
    ("treacher-collins") is not read again, its place left blank (the other values keep
    their places, which a marked finding names)."""
    if name == "topic" and values:
        values = _without_vocabulary(values)
    return joiner.join(values).translate(_SLUG_SEPARATORS)


def _as_slug(piece: str) -> str:
    """`piece` spelt as a slug, but keeping every letter and digit: `slugify` leaves out
    what is not ASCII ("portal-hypertension" of "portal hypertension ١٢٣٤٥٦٧٨", digits the
    gate reads), so a piece is the vocabulary only when this is its slug."""
    folded = unicodedata.normalize("NFKD", piece)
    plain = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.sub(r"[\W_]+", "-", plain).strip("-")


def _without_vocabulary(values: list[str]) -> list[str]:
    from app.programs.models import Topic, TopicStatus

    pieces = [piece for value in values for piece in value.split(",")]
    slugs = sorted({_as_slug(piece) for piece in pieces if piece.strip()})
    vocabulary = set(
        db.session.scalars(
            select(Topic.slug).where(Topic.slug.in_(slugs), Topic.status == TopicStatus.ACCEPTED)
        )
    )
    return [
        ",".join(
            " " * len(piece) if piece.strip() and _as_slug(piece) in vocabulary else piece
            for piece in value.split(",")
        )
        for value in values
    ]


def search_word_texts(request: SearchRequest) -> dict[str, str]:
    """The texts the gate reads in `request`, by field: its words and each filter's values
    (`filter_words`)."""
    return {
        "q": request.q,
        "type": filter_words("type", request.types),
        "program": filter_words("program", request.programs),
        "topic": filter_words("topic", request.topics),
        "status": filter_words("status", request.statuses),
    }


# ---------------------------------------------------------------- filters


def _filters(request: SearchRequest) -> list[wq.Query]:
    out = []
    for name, values in (
        ("type", request.types),
        ("program", request.programs),
        ("topic", request.topics),
        ("status", request.statuses),
    ):
        values = [v for v in values if v]
        if values:
            built = filter_query(name, ",".join(values))
            if built is not None:
                out.append(built)
    if request.year_from or request.year_to:
        out.append(year_range(request.year_from, request.year_to))
    if request.case_id:
        out.append(wq.Term("case_id", str(request.case_id)))
    return out


def _with_filters(base: wq.Query | None, filters: list[wq.Query]) -> wq.Query | None:
    if base is None:
        if not filters:
            return None
        base = wq.Every()
    if not filters:
        return base
    return wq.And([base, *filters])


# ---------------------------------------------------------------- facets


FACET_NAMES = ("type", "program", "topic", "status", "year")
TYPE_LABELS = {"practice": "Best practices", "evidence": "Evidence notes"}


def _label_names(snap: Snapshot) -> tuple[dict[str, str], dict[str, str], dict[str, int]]:
    """Program and topic names by slug, and the ids of the topics not accepted by slug, read
    once per index snapshot (a rename is an index change: the outbox rewrites the documents
    under it, which opens a new snapshot)."""
    from app.programs.models import Program, Topic, TopicStatus

    def load() -> tuple[dict[str, str], dict[str, str], dict[str, int]]:
        programs = dict(db.session.execute(select(Program.slug, Program.name)).all())
        topics: dict[str, str] = {}
        unaccepted: dict[str, int] = {}
        for topic_id, slug, name, status in db.session.execute(
            select(Topic.id, Topic.slug, Topic.name, Topic.status)
        ):
            topics[slug] = name
            if status != TopicStatus.ACCEPTED:
                unaccepted[slug] = topic_id
        return programs, topics, unaccepted

    return cached(snap, ("labels",), load)


def _facet_labels(
    snap: Snapshot, raw: dict[str, dict], user: Viewer
) -> dict[str, list[tuple[str, str, int]]]:
    programs, topics, unaccepted = _label_names(snap)
    # A document is filed under its topics' broader ones too: a topic the reader may not read
    # the name of (one only a private program's cases carry, set above an accepted one) is
    # no facet of theirs, though documents they see are filed under it.
    named = [v for v in raw.get("topic", {}) if v in unaccepted]
    readable = policy.readable_topic_ids(user, [unaccepted[v] for v in named]) if named else set()
    unread = {v for v in named if unaccepted[v] not in readable}
    labels: dict[str, Callable[[Any], str]] = {
        "type": lambda v: TYPE_LABELS.get(v, str(v).capitalize() + "s"),
        "program": lambda v: programs.get(v, v),
        "topic": lambda v: topics.get(v, v),
        "status": lambda v: str(v).replace("_", " ").capitalize(),
        "year": str,
    }
    out = {}
    for name in FACET_NAMES:
        counts = raw.get(name, {})
        values = [(v, n) for v, n in counts.items() if v not in (None, "") and n > 0]
        if name == "topic":
            values = [(v, n) for v, n in values if v not in unread]
        if name == "year":
            values.sort(key=lambda item: -int(item[0]))
        else:
            values.sort(key=lambda item: (-item[1], str(item[0])))
        limit = 25 if name == "topic" else 50
        out[name] = [(str(v), labels[name](v), n) for v, n in values[:limit]]
    return out


# ---------------------------------------------------------------- search


def search(user: Viewer, request: SearchRequest) -> SearchResults:
    """Search what `user` may see. Never raises on a malformed query; raises IdentifiersFound
    (field "q", or the filter's) when the words or a filter's value may identify a patient:
    such words are never searched, cached or echoed as suggestions."""
    started = time.perf_counter()
    texts = search_word_texts(request)
    if any(texts.values()):
        guard_words(texts, request.accepted, actor=user, words=tuple(SEARCH_WORD_LABELS))
    request.per_page = max(1, min(int(request.per_page or 20), MAX_PER_PAGE))
    request.page = max(1, int(request.page or 1))
    if request.sort not in SORTS:
        request.sort = "relevance"
    snap = prepare()
    if snap is None:
        return SearchResults(request, 0, 0.0, [], {}, ready=False)
    searcher = snap.searcher
    corpus = corpus_of(snap)
    analyzer = searcher.schema["content"].analyzer
    compiled = compile_query(request.q, analyzer)
    filters = _filters(request)
    q = _with_filters(compiled.query, filters)
    if q is None:
        return SearchResults(request, 0, _ms(started), [], {})
    audience, hidden = hidden_for(snap, corpus, user)

    def run(query: wq.Query):
        match = corpus.match(query, hidden)
        return match, corpus.final(match, hidden)

    match, docs = run(q)
    suggestion = corrected = None
    correction = _correction(snap, corpus, audience, hidden, request) if compiled.words else None
    if correction is not None:
        respelled = compile_query(correction, analyzer)
        respelled_q = _with_filters(respelled.query, filters)
        found = run(respelled_q) if respelled_q is not None else None
        if found is not None and len(found[1]) > len(docs) < RESPELL_BELOW:
            # Searched respelled when the words as typed find little, or far less.
            compiled, q, corrected = respelled, respelled_q, correction
            match, docs = found
        elif found is not None and len(found[1]) >= FAR_MORE * max(len(docs), 1):
            compiled, q, corrected = respelled, respelled_q, correction
            match, docs = found
        elif found is not None and len(found[1]) >= max(len(docs), 1):
            suggestion = correction  # finds as much: offered
    matched_any = False
    loose = _with_filters(compiled.loose, filters) if compiled.loose is not None else None
    if len(docs) < FEW_RESULTS and loose is not None:
        loose_run = run(loose)
        if len(loose_run[1]) > len(docs):
            q, (match, docs) = loose, loose_run
            matched_any = True
    raw_facets = {}
    if request.facets:
        counted = docs
        raw_facets = cached(
            snap, ("counts", repr(q), audience), lambda: corpus.facet_counts(counted)
        )
    total = len(docs)
    grouping = CaseGroups(corpus, docs, enabled=request.group)

    depth = min(request.page * request.per_page, MAX_DEPTH)
    first = (request.page - 1) * request.per_page
    hits: list[SearchHit] = []
    if first < depth and total:
        if request.sort == "relevance" and compiled.has_text and match.scored:
            scores = match.scores(docs)
            ranking = scores

            def ordered(k: int) -> list[int]:
                return [d for d, _score in corpus.top(docs, scores, k)]
        else:
            newest = request.sort != "oldest"
            scores = np.zeros(len(docs), dtype=np.float32)
            dates = corpus.dates[docs]
            ranking = dates if newest else -dates

            def ordered(k: int) -> list[int]:
                return corpus.by_date(docs, k, newest=newest)

        highlighter = (
            highlighter_for(snap, corpus, compiled.highlight_terms) if request.snippets else None
        )

        def shown(docnum: int, score: float) -> SearchHit:
            stored = searcher.stored_fields(docnum)
            text = stored.get("content", "") if request.snippets else ""
            return SearchHit.from_stored(stored, score, snippet(highlighter, text) if text else "")

        for head, related, more in grouping.page(ordered, ranking, scores, first, depth, hidden):
            hit = shown(head, grouping.score(head, scores))
            if related is not None:
                hit.related = shown(related, grouping.score(related, scores))
            hit.more = more
            hits.append(hit)
    facets = _facet_labels(snap, raw_facets, user) if request.facets else {}
    return SearchResults(
        request,
        total,
        _ms(started),
        hits,
        facets,
        suggestion=suggestion,
        corrected_query=corrected,
        original_query=request.q if corrected else None,
        matched_any=matched_any,
        results=grouping.count(),
        also_searched=compiled.expansions,
    )


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


# The query as typed finds fewer than this: searched respelled when that finds more. Its own
# threshold: what typed words find is trusted from fewer documents than a page of results
# (FEW_RESULTS, the any-word fallback's).
RESPELL_BELOW = 10
FAR_MORE = 20  # the respelled query finds this many times more: searched even so


def _correction(
    snap: Snapshot,
    corpus: Corpus,
    audience: Any,
    hidden: np.ndarray | None,
    request: SearchRequest,
) -> str | None:
    """The query with its misspelled words respelled from the words the reader may see
    (spelling.py), or None. Cached per snapshot, reader's audience and query."""
    if not request.correct:
        return None

    def compute() -> str | None:
        analyzer = snap.searcher.schema["content"].analyzer
        words = spelling.dictionary(snap, str(search_index().root), builtin_words(snap))

        def concept_of(word: str) -> str | None:
            analysed = analyzer.analyse_query(word)
            if not analysed:
                return None
            return analysed[0].concepts[0] if analysed[0].concepts else analysed[0].text

        speller = spelling.Speller(snap, corpus, hidden, words, concept_of)
        found = speller.correct(request.q)
        return found.text if found is not None else None

    return cached(snap, ("correct", audience, request.q), compute)


INDEX_NEEDS_REPAIR = (
    "Search is unavailable: the search index needs repair by an administrator "
    "(casebook index verify --repair)."
)


def unavailable_message() -> str:
    """What search says while it cannot answer: being built, or waiting for a repair."""
    state = search_index().state()
    return INDEX_NEEDS_REPAIR if state.status == "foreign" else INDEX_BUILDING
