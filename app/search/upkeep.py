"""Index upkeep: rebuilding the index from the database beside the live one (reindex, with
the changes committed meanwhile replayed before the swap), rebuilding a missing or
outdated index (upgrade_index), and writing given documents into a generation.

The applier (applier.py) writes through `write_keys`; `verify` (verification.py) checks
the index and repairs it with these.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from app.common import utcnow
from app.diagnostics import describe_error
from app.extensions import db, reading_engine
from app.search import documents, outbox
from app.search.analysis import default_table
from app.search.format import bulk_writer_options, merge_segments, segment_count
from app.search.index import IndexState, SearchIndex, merge_small_segments
from app.search.models import SearchOutbox
from app.search.snapshots import search_index

log = logging.getLogger(__name__)


def write_keys(idx, generation: str | None, keys: Iterable[tuple[str, int]], session: Any) -> int:
    """Rebuild the documents of `keys` from the database into `generation`."""
    changes = documents.documents_for(keys, session)
    upserts = {doc["key"]: doc for doc in changes.upserts}
    writer = idx.writer(generation)
    try:
        for name, value in sorted(changes.delete_terms):
            writer.delete_by_term(name, value)
        for key in sorted(changes.delete_keys):
            writer.delete_by_term("key", key)
        for doc in upserts.values():
            writer.update_document(**doc)
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=merge_small_segments)
    return len(upserts)


def synonym_table(session: Any = None):
    """The index's synonyms: the built-in groups and the accepted topics'. A topic not
    accepted may name what only a private program holds: its synonyms would widen everyone's
    searches for its words (as `snapshots.builtin_words` leaves it out of spelling)."""
    from app.programs.models import Topic, TopicStatus

    dbs = session or db.session
    rows = dbs.execute(
        select(Topic.slug, Topic.name, Topic.synonyms).where(Topic.status == TopicStatus.ACCEPTED)
    ).all()
    return default_table((r.slug, r.name, list(r.synonyms or [])) for r in rows)


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
    merge_seconds: float = 0.0  # merging the built segments into one (part of build_seconds)
    segments: int = 0  # segments of the new generation once built (and merged)


# Below this many documents one process builds faster than several: each indexing process
# is a fresh interpreter that imports the app (about a second) before it writes anything.
PARALLEL_MIN_DOCUMENTS = 20_000


def _reindex_procs(session: OrmSession) -> int:
    import os

    configured = current_app.config.get("CASEBOOK_REINDEX_PROCS")
    if configured:
        return max(1, int(configured))
    if documents.count_entities(session) < PARALLEL_MIN_DOCUMENTS:
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
    merge_progress: Callable[[str], None] | None = None,
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
                    ix, procs=procs, batchsize=250, nice=nice, **bulk_writer_options(limitmb)
                )
            else:
                writer = ix.writer(**bulk_writer_options(limitmb))
            count = 0
            try:
                for doc in documents.all_documents(session=session):
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
            merge_started = time.perf_counter()
            segments = _merge_built(idx.open_generation(generation), limitmb, merge_progress)
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
        merge_seconds=built - merge_started,
        segments=segments,
    )


def _merge_built(ix: Any, limitmb: int, progress: Callable[[str], None] | None) -> int:
    """Merge a new generation's segments into one (a query reads each term once per
    segment); returns how many it has. A merge that fails leaves the generation as built,
    searchable as before, and the rebuild goes on; one interrupted (a signal, a killed
    process) ends the rebuild like any failure of the build."""
    before = segment_count(ix)
    if before < 2:
        return before
    if progress is not None:
        progress(f"merging {before} segments of {ix.doc_count_all():,} documents")
    try:
        return merge_segments(ix, limitmb, progress)
    except Exception as exc:  # noqa: BLE001 - the segments as built serve as well, slower
        log.warning(
            "search index: merging the rebuilt index's %d segments failed (%s); kept as built",
            before,
            describe_error(exc),
        )
        return segment_count(ix.refresh())


def _mark_applied(writes: OrmSession, runs: list[tuple[int, int]]) -> int:
    """How many rows were marked (those of the batches committed before a failure). Never
    raises: the new generation is live by now, and a row left pending is only applied once
    more."""
    marked = 0

    def count(done: int) -> None:
        nonlocal marked
        marked += done

    try:
        outbox.mark_runs_applied(writes, runs, on_batch=count)
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
    return outbox.id_runs(
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
    for at in range(0, len(rows), outbox.BATCH):
        batch = rows[at : at + outbox.BATCH]
        try:
            write(batch)
        except Exception:  # noqa: BLE001 - each row alone below; the lone failures recorded
            for row in batch:
                try:
                    write([row])
                except Exception as exc:  # noqa: BLE001
                    failed_rows.append(row)
                    outbox.record_failure(writes, [row], exc, reopen=True)
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
    result.pending = outbox.id_runs(pending_ids)
    result.marked_pending = len(pending_ids)
    return result


_reported: set[tuple[str, str]] = set()  # (folder, problem) already logged by this process


def _report_once(state: IndexState, level: int, message: str) -> None:
    key = (str(search_index().root), state.problem)
    if key not in _reported:
        _reported.add(key)
        log.log(level, message, state.problem)


def _has_documents() -> bool:
    with OrmSession(reading_engine(db.engine)) as session:
        return documents.count_entities(session) > 0


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
