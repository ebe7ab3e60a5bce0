"""Searching and rebuilding and checking the index: what the views, API and CLI call.

Speed (measured, see docs/search.md): one searcher per process, replaced only when the
index changes (snapshots.py); queries evaluated by `engine.py` as array operations over
postings read with one read per term, so the matching set is computed once and serves the
total, the exact facet counts and the ranking (BM25F scored only for the documents that
match); snippets from the stored text of the displayed hits only (snippets.py).
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession
from whoosh import query as wq

from app.auth.policy import Viewer
from app.common import utcnow
from app.diagnostics import describe_error
from app.extensions import db, reading_engine
from app.search import spelling
from app.search.engine import Corpus
from app.search.index import IndexState, SearchIndex, Snapshot
from app.search.outbox import synonym_table, write_keys
from app.search.query import compile_query, filter_query, year_range
from app.search.ranking import CaseGroups
from app.search.snapshots import builtin_words, cached, corpus_of, hidden_for, prepare, search_index
from app.search.snippets import highlighter_for, snippet

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
