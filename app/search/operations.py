"""Searching, similar cases, rebuilding and checking the index: what the views, API and CLI call.

Speed (measured, see docs/search.md): one searcher per process, replaced only when the
index changes; queries evaluated by `engine.py` as array operations over postings read with
one read per term, so the matching set is computed once and serves the total, the exact
facet counts and the ranking (BM25F scored only for the documents that match); snippets
from the stored text of the displayed hits only, found with a regex of the query's words
(no re-analysis, no positions or character offsets in the index).
"""

from __future__ import annotations

import html
import logging
import math
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession
from whoosh import query as wq

from app.auth import policy
from app.auth.policy import Viewer
from app.cases.models import Case
from app.common import utcnow
from app.content.markdown import strip_syntax
from app.diagnostics import describe_error
from app.errors import NotFound
from app.extensions import db, reading_engine
from app.search import spelling
from app.search.analysis import CONCEPT_PREFIX
from app.search.documents import without_added_labels
from app.search.engine import Corpus, Highlighter, Seen
from app.search.index import IndexState, SearchIndex, Snapshot
from app.search.outbox import synonym_table, write_keys
from app.search.query import compile_query, filter_query, year_range
from app.search.snapshots import builtin_words, cached, corpus_of, hidden_for, prepare, search_index

log = logging.getLogger(__name__)

MAX_PER_PAGE = 100
MAX_DEPTH = 1000  # deepest result reachable by paging
SNIPPET_CHARS = 220
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


# ---------------------------------------------------------------- plumbing


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


def _label_names(snap: Snapshot) -> tuple[dict[str, str], dict[str, str]]:
    """Program and topic names by slug, read once per index snapshot (a rename is an index
    change: the outbox rewrites the documents under it, which opens a new snapshot)."""
    from app.programs.models import Program, Topic

    def load() -> tuple[dict[str, str], dict[str, str]]:
        programs = dict(db.session.execute(select(Program.slug, Program.name)).all())
        topics = dict(db.session.execute(select(Topic.slug, Topic.name)).all())
        return programs, topics

    return cached(snap, ("labels",), load)


def _facet_labels(snap: Snapshot, raw: dict[str, dict]) -> dict[str, list[tuple[str, str, int]]]:
    programs, topics = _label_names(snap)
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
        if name == "year":
            values.sort(key=lambda item: -int(item[0]))
        else:
            values.sort(key=lambda item: (-item[1], str(item[0])))
        limit = 25 if name == "topic" else 50
        out[name] = [(str(v), labels[name](v), n) for v, n in values[:limit]]
    return out


# ---------------------------------------------------------------- snippets


SNIPPET_SCAN = 8_000  # characters of a document searched for the matched words


def _snippet(highlighter: Highlighter | None, text: str) -> str:
    text = text[:SNIPPET_SCAN]
    spans = highlighter.spans(text) if highlighter is not None and text else []
    return build_snippet(text, spans)


def _highlighter(snap: Snapshot, corpus: Corpus, terms: Iterable[str]) -> Highlighter | None:
    key = tuple(sorted(terms))
    if not key:
        return None
    return cached(snap, ("highlight", key), lambda: Highlighter.build(key, corpus))


# A field label at the start of a line of the shown text: "Question:", "HISTORY OF PRESENT
# ILLNESS:", a Markdown heading once strip_syntax has made it "History:".
LABEL = re.compile(r"^[ \t]*([A-Za-z][A-Za-z0-9 /&'(),-]{0,48}):(?=\s|$)", re.MULTILINE)
# The same in stored text (Markdown): a "Label:" line or a heading line.
SOURCE_LABEL = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]+([^\n]{1,60}?)[ \t#:]*$|([A-Za-z][A-Za-z0-9 /&'(),-]{0,48}):(?=\s|$))",
    re.MULTILINE,
)
MARK_OPEN, MARK_CLOSE, LINE_JOIN = "\ue000", "\ue001", "\ue002"  # private-use: never typed
LABEL_LOOKBACK = 4_000  # characters searched back for the field a window starts in


def build_snippet(text: str, spans: list[tuple[int, int]], width: int = SNIPPET_CHARS) -> str:
    """The window of `text` (stored Markdown) with the most matches, as the reader sees it:
    Markdown syntax out, escaped, matches in <mark>, field labels in <span
    class="snippet-label">; a window inside a field starts with that field's label. Only the
    window is processed, not the whole text."""
    if not text:
        return ""
    spans = sorted(set(spans))
    if not spans:
        window_start = 0
        window_end = min(len(text), width)
        if window_end < len(text):
            window_end = _trim_end(text, 0, window_end, width)
    else:
        best_start, best_count = spans[0][0], 0
        j = 0
        for i, (start, _end) in enumerate(spans):
            while j < len(spans) and spans[j][1] <= start + width:
                j += 1
            if j - i > best_count:
                best_start, best_count = start, j - i
        lead = width // 5
        window_start = max(0, best_start - lead)
        if window_start:
            space = text.rfind(" ", 0, window_start + 1)
            window_start = space + 1 if space >= 0 and window_start - space < 30 else window_start
        window_end = min(len(text), window_start + width)
        if window_end < len(text):
            window_end = _trim_end(text, window_start, window_end, width)
    # The window with its matches marked by characters no one types, then its Markdown out.
    pieces = []
    cursor = window_start
    for start, end in spans:
        if start < cursor or end > window_end:
            continue
        pieces += [text[cursor:start], MARK_OPEN, text[start:end], MARK_CLOSE]
        cursor = end
    pieces.append(text[cursor:window_end])
    mid_line = window_start > 0 and text[window_start - 1] != "\n"
    shown = strip_syntax((LINE_JOIN if mid_line else "") + "".join(pieces), fragment=True)
    shown = shown.replace(LINE_JOIN, "")
    found = [(m.start(1), m.end()) for m in LABEL.finditer(shown)]
    parts = []
    cursor = 0
    for i, (a, b) in enumerate(found):
        parts.append(_marked(shown[cursor:a]))
        # A label followed at once by another ("Presentation:" then "History:") says
        # nothing: left out.
        if i + 1 == len(found) or shown[b : found[i + 1][0]].strip():
            parts.append(_label_html(html.escape(shown[a:b])))
        cursor = b
    parts.append(_marked(shown[cursor:]))
    body = " ".join("".join(parts).split())
    prefix = "…" if window_start > 0 else ""
    if window_start > 0 and not (found and not shown[: found[0][0]].strip()):
        field = _field_before(text, window_start)
        if field:  # the field the window is in
            prefix = f"{_label_html(html.escape(field))} {prefix}"
    suffix = "…" if window_end < len(text) else ""
    return f"{prefix}{body}{suffix}"


def _marked(shown: str) -> str:
    escaped = html.escape(shown)
    return escaped.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")


def _field_before(text: str, at: int) -> str | None:
    """The label of the field `at` is in: the nearest label line before it, as "Label:"."""
    floor = max(0, at - LABEL_LOOKBACK)
    line_end = at
    while line_end >= floor:
        newline = text.rfind("\n", floor, line_end)
        if newline < 0 and floor > 0:
            return None  # looked back far enough
        line_start = newline + 1
        m = SOURCE_LABEL.match(text, line_start, line_end)
        if m:
            heading, label = m.group(1), m.group(2)
            return f"{heading.rstrip(':').strip()}:" if heading else f"{label}:"
        if newline < 0:
            return None
        line_end = newline
    return None


def _label_html(escaped: str) -> str:
    return f'<span class="snippet-label">{escaped}</span>'


def _trim_end(text: str, start: int, end: int, width: int) -> int:
    """`end` moved back to a space, unless that loses more than half the window."""
    space = text.rfind(" ", start, end)
    return space if space > start + width // 2 else end


# ---------------------------------------------------------------- search


def search(user: Viewer, request: SearchRequest) -> SearchResults:
    """Search what `user` may see. Never raises on a malformed query."""
    started = time.perf_counter()
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
            _highlighter(snap, corpus, compiled.highlight_terms) if request.snippets else None
        )

        def shown(docnum: int, score: float) -> SearchHit:
            stored = searcher.stored_fields(docnum)
            text = stored.get("content", "") if request.snippets else ""
            return _hit(stored, score, _snippet(highlighter, text) if text else "")

        for head, related, more in grouping.page(ordered, ranking, scores, first, depth, hidden):
            hit = shown(head, grouping.score(head, scores))
            if related is not None:
                hit.related = shown(related, grouping.score(related, scores))
            hit.more = more
            hits.append(hit)
    facets = _facet_labels(snap, raw_facets) if request.facets else {}
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


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _hit(stored: dict[str, Any], score: float, snippet: str) -> SearchHit:
    day = stored.get("date")
    when = None
    if day:
        when = date(day // 10000, day // 100 % 100, day % 100).isoformat()
    case_id = stored.get("case_id")
    return SearchHit(
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


# ---------------------------------------------------------------- similar cases


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
    nor the words highlighted from its text say anything about it."""
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
    highlighter = _highlighter(snap, corpus, [t for _w, t in top])
    hits = []
    for docnum, score in ranked:
        stored = searcher.stored_fields(docnum)
        hits.append(_hit(stored, score, _snippet(highlighter, stored.get("content", ""))))
    return hits


# ---------------------------------------------------------------- maintenance


@dataclass
class ReindexReport:
    documents: int
    seconds: float
    generation: str
    replayed: int  # changes committed while the build ran, written into it before the swap
    covered: int = 0  # pending changes the build already held: marked applied, not replayed
    build_seconds: float = 0.0
    replay_seconds: float = 0.0  # under the apply lock: replaying, swapping, marking
    failed: int = 0  # changes that could not be replayed: left pending, retried later


def _bulk_writer_options(limitmb: int) -> dict[str, Any]:
    """Whole-index writes: uncompressed posting blocks (cheaper to write and to read back)
    and segment files left as they are rather than copied into one compound file."""
    from whoosh.codec.whoosh3 import W3Codec

    return {"limitmb": limitmb, "codec": W3Codec(compression=0), "compound": False}


# Below this many documents one process builds faster than several: each indexing process
# is a fresh interpreter that imports the app (about a second) before it writes anything.
PARALLEL_MIN_DOCUMENTS = 20_000


def _reindex_procs(session: OrmSession) -> int:
    import os

    from app.search.documents import count_entities

    configured = current_app.config.get("CASEBOOK_REINDEX_PROCS")
    if configured:
        return max(1, int(configured))
    if count_entities(session) < PARALLEL_MIN_DOCUMENTS:
        return 1
    return max(1, min(2, os.cpu_count() or 1))


# A change applied by another host whose clock is behind this one's by less than this is
# still replayed (applied_at comes from the applying process's clock).
CLOCK_SKEW = timedelta(hours=1)
REPLAY_FAILURES_MAX = 10  # more changes than this failing alone: the rebuild is abandoned


def reindex(
    progress: Callable[[int], None] | None = None,
    *,
    limitmb: int = 384,
    procs: int | None = None,
    nice: int = 0,
    replay_progress: Callable[[int, int], None] | None = None,
) -> ReindexReport:
    """Build a new index generation from the database beside the live one, then swap.

    Search keeps answering from the live generation throughout; changes committed while
    the build runs are replayed into the new generation before the swap. A build that
    fails is removed at once; one whose process was killed is removed at the next start
    or rebuild (and reported by `verify` meanwhile).

    The outbox rows the build's first read sees are already in what it reads: they are
    marked applied after the swap, not replayed. Only rows committed after that read (or
    applied elsewhere meanwhile) are replayed, under the apply lock. `nice` lowers the
    priority of the indexing processes only: this process later holds the apply lock,
    which the web processes' appliers wait for.
    """
    from app.search.documents import all_documents

    started = time.perf_counter()
    idx = search_index()
    for name, size in idx.remove_partial_generations():
        log.warning(
            "search index: removed %s, left by a rebuild that did not finish (%.0f MB)",
            name,
            size / 1e6,
        )
    since = utcnow() - CLOCK_SKEW
    with OrmSession(reading_engine(db.engine)) as session:
        if session.get_bind().dialect.name == "postgresql":
            # One snapshot for the whole build (SQLite's deferred read transaction is one).
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        # First read of the build: whatever it sees committed, every later read sees too.
        covered = _outbox_runs(session, since)
        with idx.building(synonym_table(session)) as generation:
            ix = idx.open_generation(generation)
            procs = procs or _reindex_procs(session)
            if procs > 1:
                # Documents are built here (database reads) while `procs` processes analyse
                # and write their own segments; they are kept as segments, not merged.
                from app.search.bulk import ChunkedMpWriter

                writer = ChunkedMpWriter(
                    ix, procs=procs, batchsize=250, nice=nice, **_bulk_writer_options(limitmb)
                )
            else:
                writer = ix.writer(**_bulk_writer_options(limitmb))
            count = 0
            try:
                for doc in all_documents(session=session):
                    writer.add_document(**doc)
                    count += 1
                    if progress is not None and count % 100 == 0:
                        progress(100)
                writer.commit()
            except BaseException as exc:
                log.error("search index: rebuild failed (%s)", describe_error(exc))
                writer.cancel()
                raise
            if progress is not None:
                progress(count % 100)
            built = time.perf_counter()
            with idx.apply_lock(), OrmSession(db.engine) as writes:
                session.rollback()  # replayed documents are read afresh
                replay = _replay(idx, generation, session, writes, since, covered, replay_progress)
                idx.finish_building(generation)
                idx.swap(generation)
                # After the swap: marked before it, a rebuild that failed would lose them.
                marked = _mark_applied(writes, covered + replay.pending)
    finished = time.perf_counter()
    return ReindexReport(
        count,
        finished - started,
        generation,
        replay.replayed,
        covered=max(0, marked - replay.marked_pending),
        build_seconds=built - started,
        replay_seconds=finished - built,
        failed=replay.failed,
    )


def _mark_applied(writes: OrmSession, runs: list[tuple[int, int]]) -> int:
    """How many rows were marked (those of the batches committed before a failure). Never
    raises: the new generation is live by now, and a row left pending is only applied once
    more."""
    from app.search.outbox import mark_runs_applied

    marked = 0

    def count(done: int) -> None:
        nonlocal marked
        marked += done

    try:
        mark_runs_applied(writes, runs, on_batch=count)
    except Exception as exc:  # noqa: BLE001 - logged; the applier applies them again
        writes.rollback()
        log.warning(
            "search index: rebuilt, but marking the changes it holds failed (%s); they are "
            "applied once more",
            describe_error(exc),
        )
    return marked


def _outbox_runs(session: OrmSession, since: datetime) -> list[tuple[int, int]]:
    """Ids of the outbox rows pending, or applied since `since`, as runs of ids."""
    from app.search.models import SearchOutbox
    from app.search.outbox import id_runs

    return id_runs(
        session.scalars(
            select(SearchOutbox.id)
            .where(SearchOutbox.applied_at.is_(None) | (SearchOutbox.applied_at >= since))
            .order_by(SearchOutbox.id)
        )
    )


@dataclass
class _Replay:
    replayed: int = 0
    failed: int = 0
    pending: list[tuple[int, int]] = field(default_factory=list)  # replayed, pending rows
    marked_pending: int = 0


def _replay(
    idx: SearchIndex,
    generation: str,
    reads: OrmSession,
    writes: OrmSession,
    since: datetime,
    covered: list[tuple[int, int]],
    progress: Callable[[int, int], None] | None,
) -> _Replay:
    """Write into `generation` the outbox rows the build did not see, in batches (rows
    that fail are retried alone; those failing alone are left pending for the applier)."""
    import bisect

    from app.search.models import SearchOutbox
    from app.search.outbox import BATCH, _record_failure, id_runs

    starts = [lo for lo, _hi in covered]

    def seen(row_id: int) -> bool:
        at = bisect.bisect_right(starts, row_id) - 1
        return at >= 0 and row_id <= covered[at][1]

    rows = [
        row
        for row in reads.execute(
            select(
                SearchOutbox.id,
                SearchOutbox.entity_type,
                SearchOutbox.entity_id,
                SearchOutbox.attempts,
                SearchOutbox.applied_at,
            )
            .where(SearchOutbox.applied_at.is_(None) | (SearchOutbox.applied_at >= since))
            .order_by(SearchOutbox.id)
        )
        if not seen(row.id)
    ]
    reads.rollback()
    result = _Replay()
    failed_rows: list[Any] = []

    def write(batch: list[Any]) -> None:
        try:
            write_keys(idx, generation, {(r.entity_type, r.entity_id) for r in batch}, reads)
        finally:
            reads.rollback()

    done = 0
    for at in range(0, len(rows), BATCH):
        batch = rows[at : at + BATCH]
        try:
            write(batch)
        except Exception:  # noqa: BLE001 - each row alone below; the lone failures recorded
            for row in batch:
                try:
                    write([row])
                except Exception as exc:  # noqa: BLE001
                    failed_rows.append(row)
                    _record_failure(writes, [row], exc, reopen=True)
                    if len(failed_rows) > REPLAY_FAILURES_MAX:
                        raise
        done += len(batch)
        if progress is not None:
            progress(done, len(rows))
    failed_ids = {r.id for r in failed_rows}
    replayed = [r for r in rows if r.id not in failed_ids]
    result.replayed = len(replayed)
    result.failed = len(failed_ids)
    pending_ids = [r.id for r in replayed if r.applied_at is None]
    result.pending = id_runs(pending_ids)
    result.marked_pending = len(pending_ids)
    return result


INDEX_NEEDS_REPAIR = (
    "Search is unavailable: the search index needs repair by an administrator "
    "(casebook index verify --repair)."
)
_reported: set[tuple[str, str]] = set()  # (folder, problem) already logged by this process


def _report_once(state: IndexState, level: int, message: str) -> None:
    key = (str(search_index().root), state.problem)
    if key not in _reported:
        _reported.add(key)
        log.log(level, message, state.problem)


def unavailable_message() -> str:
    """What search says while it cannot answer: being built, or waiting for a repair."""
    state = search_index().state()
    return INDEX_NEEDS_REPAIR if state.status == "foreign" else INDEX_BUILDING


def _has_documents() -> bool:
    from app.search.documents import count_entities

    with OrmSession(reading_engine(db.engine)) as session:
        return count_entities(session) > 0


def upgrade_index(progress: Callable[[int], None] | None = None) -> ReindexReport | None:
    """Rebuild the index if it is missing or of an older format (after an upgrade).

    A missing index (no folder, an empty one, or CURRENT naming a generation that is not
    there) is rebuilt from the database rather than started empty, which would answer
    "nothing found" to everything; on a database with nothing to index an empty one is
    created. A folder holding something else is never written: logged, and left to
    `casebook index verify --repair`. One process rebuilds; others find the lock taken and
    go on (search answers "being built" until the new generation is live). Returns None
    when nothing was rebuilt.
    """
    idx = search_index()
    state = idx.state()
    if state.ready:
        return None
    if state.status == "foreign":
        _report_once(
            state,
            logging.ERROR,
            "search index: %s; search is unavailable until `casebook index verify --repair` "
            "(or CASEBOOK_INDEX_DIR is corrected)",
        )
        return None
    if state.status == "missing" and not _has_documents():
        with OrmSession(reading_engine(db.engine)) as session:
            idx.ensure(lambda: synonym_table(session))
        return None
    with idx.rebuild_lock() as acquired:
        state = idx.state()
        if not acquired or state.ready or state.status == "foreign":
            return None
        if state.status == "missing":
            log.warning(
                "search index: %s although the database has content; rebuilding it "
                "(search answers 'being built' meanwhile)",
                state.problem,
            )
        else:
            log.info("search index: format changed, rebuilding from the database")
        return reindex(progress)


@dataclass
class VerifyReport:
    documents_in_database: int
    documents_in_index: int
    missing: list[str]
    stale: list[str]
    extra: list[str]
    pending: int
    failed: int  # changes that failed to reach the index (retried with back-off)
    vocabulary_changed: bool
    format_outdated: bool = False
    index_status: str = "ready"  # IndexState.status
    index_problem: str = ""
    partial: list[tuple[str, int]] = field(default_factory=list)  # (generation, bytes)
    failures: list[tuple[str, int]] = field(default_factory=list)  # (last error, rows)

    @property
    def ok(self) -> bool:
        return not (
            self.missing
            or self.stale
            or self.extra
            or self.failed
            or self.vocabulary_changed
            or self.format_outdated
            or self.index_status != "ready"
            or self.partial
        )


def _indexed_digests(idx: SearchIndex, generation: str) -> dict[str, str]:
    indexed: dict[str, str] = {}
    ix = idx.open_generation(generation)
    with ix.searcher() as searcher:
        for sub, _offset in searcher.reader().leaf_readers():
            if not sub.doc_count_all():
                continue  # an empty segment has no columns to read
            keys = list(sub.column_reader("key", translate=True))
            digests = list(sub.column_reader("digest", translate=True))
            for docnum in range(sub.doc_count_all()):
                if not sub.is_deleted(docnum):
                    indexed[keys[docnum]] = digests[docnum]
    return indexed


def vocabulary_changed() -> bool:
    """Whether topics were added or changed since the live generation was built: their
    synonyms reach documents indexed before only through a reindex."""
    idx = search_index()
    state = idx.state()
    if not state.ready or state.generation is None:
        return False
    with OrmSession(reading_engine(db.engine)) as session:
        table = synonym_table(session)
    try:
        return idx.open_generation(state.generation).schema["content"].analyzer.table != table
    except Exception:  # noqa: BLE001 - an unreadable index is verify's to report
        return False


def verify(*, repair: bool = False) -> VerifyReport:
    """Compare every document the database implies with the index; optionally fix drift.

    Never raises for what it finds on disk: a missing, foreign or unreadable index is
    reported (and rebuilt with `repair`), as are partial generations and failed changes.
    """
    from app.search.documents import all_documents
    from app.search.outbox import outbox_status

    idx = search_index()
    state = idx.state()
    partial = idx.partial_generations()
    with OrmSession(reading_engine(db.engine)) as session:
        table = synonym_table(session)
        expected = {d["key"]: d["digest"] for d in all_documents(session=session)}
        generation = state.generation if state.status in ("ready", "outdated") else None
        indexed: dict[str, str] = {}
        vocabulary_changed = False
        format_outdated = state.status == "outdated"
        status, problem = state.status, state.problem
        if generation is not None and not format_outdated:
            try:
                ix = idx.open_generation(generation)
                vocabulary_changed = ix.schema["content"].analyzer.table != table
                indexed = _indexed_digests(idx, generation)
            except Exception as exc:  # noqa: BLE001 - an unreadable index is a finding
                status = "unreadable"
                problem = f"{idx.root / generation} cannot be read ({describe_error(exc)})"
                indexed = {}
        # An index of an older format is not compared document by document: it is rebuilt.
        whole = format_outdated or status != "ready"
        missing = [] if whole else sorted(set(expected) - set(indexed))
        extra = sorted(set(indexed) - set(expected))
        stale = sorted(k for k in set(expected) & set(indexed) if expected[k] != indexed[k])
        outbox = outbox_status(session)
        report = VerifyReport(
            len(expected),
            len(indexed),
            missing,
            stale,
            extra,
            outbox.pending,
            outbox.failed,
            vocabulary_changed,
            format_outdated,
            index_status=status,
            index_problem=problem,
            partial=partial,
            failures=outbox.errors,
        )
    if not repair or report.ok:
        return report
    if status == "foreign" and idx.root.exists() and not idx.root.is_dir():
        from app.errors import CasebookError

        raise CasebookError(f"{problem}: move it away, or set CASEBOOK_INDEX_DIR to a folder.")
    if report.partial:
        idx.remove_partial_generations()
    if whole or vocabulary_changed:
        reindex()
    elif missing or stale or extra:
        keys = {(k.split(":")[0], int(k.split(":")[1])) for k in missing + stale + extra}
        with OrmSession(reading_engine(db.engine)) as session, idx.apply_lock():
            write_keys(idx, idx.current_generation(), keys, session)
    if report.failed:
        from app.search.outbox import apply_pending, retry_failed_now

        retry_failed_now()
        apply_pending(current_app._get_current_object())  # type: ignore[attr-defined]
    return report
