"""The applier: writes the outbox's pending changes into the live index.

After commit the process's applier thread is woken; it takes the index's apply lock (one
process at a time), rebuilds the affected documents from the database, writes them with
a Whoosh writer that waits for the lock (never LockError), and marks the rows applied. A
batch that fails (disk full, say) is retried, forever, with back-off: each row's
`retry_at` is set 2 s, 4 s, … up to 10 minutes after its last failure, and rows that
failed before are applied in smaller batches the more often they failed, so one change
that cannot be indexed ends up alone and holds up nothing else. Failed rows are reported
by `casebook index verify` and /healthz. Pending rows left by a crash are applied when
any process next starts applying (its first request, the next commit, or `casebook
index apply`).

Apply modes (CASEBOOK_SEARCH_APPLY): "thread" (default), "sync" (the default under
TESTING: searches apply pending rows first, in a separate session) and "off".
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from typing import Any

import sqlalchemy as sa
from flask import Flask, current_app
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from app.diagnostics import describe_error
from app.extensions import db, reading_engine
from app.search.index import index_at
from app.search.models import SearchOutbox
from app.search.outbox import mark_applied, next_batch, pending_count, prune, record_failure
from app.search.snapshots import warm
from app.search.upkeep import upgrade_index, write_keys

log = logging.getLogger(__name__)

POLL_SECONDS = 5.0


def apply_pending(app: Flask | None = None, *, max_batches: int | None = None) -> int:
    """Apply pending outbox rows to the live index; returns how many rows were applied.

    A missing index is first rebuilt from the database (created empty when there is
    nothing to index), never started empty. Nothing is applied while the index is foreign
    or of an older format, or while another process rebuilds it: the rebuild
    (upkeep.upgrade_index) replays the rows.
    """
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    # Documents are read in deferred transactions and the index written outside any write
    # transaction: on SQLite the write lock is held only to mark rows, never while Whoosh
    # writes or merges segments.
    with OrmSession(db.engine) as session, OrmSession(reading_engine(db.engine)) as reads:
        state = idx.state()
        if state.status == "missing":
            with app.app_context():
                upgrade_index()
            state = idx.state()
        if not state.ready:
            return 0  # left pending: the rebuild (upkeep.upgrade_index) replays them
        applied = 0
        batches = 0
        with idx.apply_lock():
            while max_batches is None or batches < max_batches:
                rows = next_batch(reads)
                reads.rollback()  # end the read transaction: see fresh data below
                if not rows:
                    break
                ids = [r.id for r in rows]
                keys = {(r.entity_type, r.entity_id) for r in rows}
                try:
                    write_keys(idx, idx.current_generation(), keys, reads)
                except Exception as exc:
                    reads.rollback()
                    record_failure(session, rows, exc)
                    raise
                reads.rollback()
                mark_applied(session, SearchOutbox.id.in_(ids))
                applied += len(ids)
                batches += 1
            prune(session)
    return applied


def wait_until_indexed(
    after_id: int,
    timeout: float,
    progress: Any = None,
    *,
    poll: float = 0.5,
) -> int:
    """Apply, in this process, the changes written after `after_id` until none is left or
    `timeout` seconds passed; returns how many are still pending.

    `progress(done, total)` is called after each batch. A missing index or one of an
    older format is rebuilt first (which replays them); a foreign one is left alone.
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    deadline = time.monotonic() + max(0.0, timeout)
    if timeout > 0 and not idx.state().ready:
        upgrade_index()

    def left() -> int:
        with OrmSession(reading_engine(db.engine)) as session:
            return (
                session.scalar(
                    select(sa.func.count())
                    .select_from(SearchOutbox)
                    .where(SearchOutbox.applied_at.is_(None), SearchOutbox.id > after_id)
                )
                or 0
            )

    total = remaining = left()
    while remaining and time.monotonic() < deadline:
        if not idx.state().ready:
            break
        try:
            applied = apply_pending(app, max_batches=1)
        except Exception as exc:  # recorded on the rows; retried after their back-off
            log.warning("search outbox: apply failed (%s)", describe_error(exc))
            applied = 0
        remaining = left()
        if progress is not None:
            progress(total - remaining, total)
        if not applied and remaining:  # failed rows not due yet, or another process applies
            time.sleep(min(poll, max(0.0, deadline - time.monotonic())))
    return remaining


# ---------------------------------------------------------------- the applier thread


def _pending_now() -> int:
    with OrmSession(reading_engine(db.engine)) as reads:  # a poll takes no write lock
        return pending_count(reads)


def _remove_partial_generations() -> None:
    idx = index_at(current_app.config["CASEBOOK_INDEX_DIR"])
    for name, size in idx.remove_partial_generations():
        log.warning(
            "search index: removed %s, left by a rebuild that did not finish (%.0f MB)",
            name,
            size / 1e6,
        )


class Indexer:
    """The per-process applier: a daemon thread woken after each commit that wrote rows."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.mode = app.config.get("CASEBOOK_SEARCH_APPLY") or (
            "sync" if app.config.get("TESTING") else "thread"
        )
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._lock = threading.Lock()
        self._stopping = False

    def notify(self) -> None:
        if self.mode != "thread":
            return
        self._idle.clear()
        self.start()
        self._wake.set()

    def start(self) -> None:
        if self.mode != "thread" or (self._thread is not None and self._pid == os.getpid()):
            return
        with self._lock:
            if self._thread is None or self._pid != os.getpid():  # none, or not this process's
                self._pid = os.getpid()
                self._idle.clear()  # until the catch-up at start is done
                self._thread = threading.Thread(
                    target=self._run, name="casebook-search-applier", daemon=True
                )
                self._thread.start()
                atexit.register(self.drain, 30.0)

    def drain(self, timeout: float = 30.0) -> bool:
        """Wait until what was committed so far is applied (used at exit and by tests)."""
        if self._thread is None:
            return True
        self._wake.set()
        return self._idle.wait(timeout)

    def stop(self, timeout: float = 60.0) -> None:
        """End the thread after its current round (an app torn down in-process)."""
        self._stopping = True
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def before_search(self) -> None:
        """Sync mode applies pending rows before a search; thread mode makes sure it runs."""
        if self.mode == "sync":
            try:
                upgrade_index()
                apply_pending(self.app)
            except Exception as exc:
                log.warning("search outbox: applying failed (%s); will retry", describe_error(exc))
        elif self.mode == "thread":
            self.start()

    def _run(self) -> None:
        delay = 0.5
        try:
            with self.app.app_context():
                _remove_partial_generations()
                # A missing index or one of an older format: rebuilt once, by one process.
                upgrade_index()
                warm()
        except Exception as exc:
            log.warning("search index: preparing failed (%s)", describe_error(exc))
        self._wake.set()  # catch up on whatever is pending when the process starts
        while not self._stopping:
            woken = self._wake.wait(POLL_SECONDS)
            self._wake.clear()
            try:
                with self.app.app_context():
                    if not woken and not _pending_now():
                        warm()  # a generation swapped in by a rebuild elsewhere
                        continue
                    upgrade_index()  # the folder went missing while serving
                    apply_pending(self.app)  # failed rows too, once they are due
                    warm()
                delay = 0.5
                if not self._wake.is_set():
                    self._idle.set()
            except Exception as exc:  # retried with back-off; never reaches a user
                log.warning(
                    "search outbox: apply failed (%s); retrying in %.1f s",
                    describe_error(exc),
                    delay,
                )
                time.sleep(delay)
                delay = min(delay * 2, 30.0)
                self._wake.set()
