"""The transactional outbox: what the index must catch up on, kept in the database.

Session events add a `search_outbox` row in the same transaction as every change to an
indexed model, so the domain operations need no search code and a change is never indexed
unless it committed, nor lost if the process dies after the commit. The applier
(applier.py) writes the pending rows into the index and marks them applied here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

import sqlalchemy as sa
from flask import current_app, has_app_context
from sqlalchemy import event, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session as OrmSession

from app.common import utcnow
from app.diagnostics import describe_error
from app.extensions import db, reading_engine
from app.search.documents import Change, keys_for
from app.search.models import SearchOutbox
from app.search.snapshots import EXTENSION

log = logging.getLogger(__name__)

BATCH = 500
RETRY_FIRST_SECONDS = 2.0
RETRY_MAX_SECONDS = 600.0  # a failed change is retried at least every 10 minutes
KEEP_APPLIED_SECONDS = 24 * 3600


# ---------------------------------------------------------------- session events


def _after_flush(session: OrmSession, _context: Any) -> None:
    keys: list[tuple[str, int]] = []
    for obj in session.new:
        keys.extend(keys_for(Change(obj, new=True)))
    for obj in session.dirty:
        if session.is_modified(obj):
            keys.extend(keys_for(Change(obj)))
    for obj in session.deleted:
        keys.extend(keys_for(Change(obj, deleted=True)))
    queue(session, keys)


def queue(session: OrmSession, keys: Iterable[tuple[str, int]]) -> None:
    """Outbox rows for these documents in the session's transaction (once each): what the
    flush events do, for rows a bulk path inserted without the ORM."""
    keys = list(keys)
    if not keys:
        return
    seen: set = session.info.setdefault("search_outbox_keys", set())
    fresh = []
    for kind, entity_id in keys:
        if entity_id is None or (kind, entity_id) in seen:
            continue
        seen.add((kind, entity_id))
        fresh.append({"entity_type": kind, "entity_id": entity_id, "created_at": utcnow()})
    if fresh:
        session.connection().execute(sa.insert(cast(sa.Table, SearchOutbox.__table__)), fresh)
        session.info["search_outbox_written"] = True


def _after_commit(session: OrmSession) -> None:
    session.info.pop("search_outbox_keys", None)
    if session.info.pop("search_outbox_written", False) and has_app_context():
        indexer = current_app.extensions.get(EXTENSION)
        if indexer is not None:
            indexer.notify()


def _after_rollback(session: OrmSession, _previous: Any) -> None:
    # Rows written inside a rolled-back savepoint are gone: forget them so they are re-added.
    session.info.pop("search_outbox_keys", None)


_installed = False


def install_events() -> None:
    global _installed
    if _installed:
        return
    event.listen(OrmSession, "after_flush", _after_flush)
    event.listen(OrmSession, "after_commit", _after_commit)
    event.listen(OrmSession, "after_soft_rollback", _after_rollback)
    _installed = True


# ---------------------------------------------------------------- bookkeeping


def retry_delay(attempts: int) -> float:
    """Seconds before a row that has failed `attempts` times is tried again."""
    return min(RETRY_MAX_SECONDS, RETRY_FIRST_SECONDS * 2 ** max(attempts - 1, 0))


def next_batch(session: OrmSession) -> list[Any]:
    """Rows never tried first, in batches of BATCH; then failed rows that are due, in
    batches halved by each failure (a change that always fails is soon tried alone)."""
    columns = (SearchOutbox.id, SearchOutbox.entity_type, SearchOutbox.entity_id)
    pending = SearchOutbox.applied_at.is_(None)
    fresh = session.execute(
        select(*columns, SearchOutbox.attempts)
        .where(pending, SearchOutbox.attempts == 0)
        .order_by(SearchOutbox.id)
        .limit(BATCH)
    ).all()
    if fresh:
        return list(fresh)
    due = session.execute(
        select(*columns, SearchOutbox.attempts)
        .where(pending, SearchOutbox.attempts > 0)
        .where(SearchOutbox.retry_at.is_(None) | (SearchOutbox.retry_at <= utcnow()))
        .order_by(SearchOutbox.attempts, SearchOutbox.id)
        .limit(BATCH)
    ).all()
    if not due:
        return []
    return list(due[: max(1, BATCH >> min(due[0].attempts, 16))])


def mark_applied(session: OrmSession, where: Any) -> int:
    """Mark the pending rows matching `where` applied, in a transaction of its own; returns
    how many. Rows become applied only here."""
    result = session.execute(
        update(SearchOutbox)
        .where(SearchOutbox.applied_at.is_(None), where)
        .values(applied_at=utcnow())
    )
    session.commit()
    return cast(CursorResult[Any], result).rowcount or 0


MARK_BATCH = 2_000  # rows per transaction: SQLite's write lock held about 30-55 ms each


def id_runs(ids: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted ids as runs of consecutive ids, (first, last) each: every id inside a run is
    one of `ids` (no row outside them can fall in a range)."""
    runs: list[tuple[int, int]] = []
    for i in sorted(set(ids)):
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def mark_runs_applied(
    session: OrmSession,
    runs: list[tuple[int, int]],
    batch: int = MARK_BATCH,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """`mark_applied` for every pending row whose id is in `runs`, at most `batch` ids per
    transaction (a few statements for hundreds of thousands of rows); `on_batch` is told
    each committed transaction's count (what stays marked if a later one fails)."""
    marked = 0
    chunk: list[tuple[int, int]] = []
    size = 0

    def flush() -> int:
        if not chunk:
            return 0
        where = sa.or_(*(SearchOutbox.id.between(lo, hi) for lo, hi in chunk))
        chunk.clear()
        done = mark_applied(session, where)
        if on_batch is not None:
            on_batch(done)
        return done

    for lo, hi in runs:
        while lo <= hi:
            end = min(hi, lo + batch - size - 1)
            chunk.append((lo, end))
            size += end - lo + 1
            lo = end + 1
            if size >= batch or len(chunk) >= 100:
                marked += flush()
                size = 0
    marked += flush()
    return marked


def record_failure(
    session: OrmSession, rows: list[Any], exc: BaseException, *, reopen: bool = False
) -> None:
    """Count a failed attempt on `rows`, retried after their back-off; `reopen` makes rows
    already applied pending again (they failed to reach a new generation)."""
    from datetime import timedelta

    error = describe_error(exc)[:200]
    now = utcnow()
    by_attempts: dict[int, list[int]] = {}
    for row in rows:
        by_attempts.setdefault(row.attempts + 1, []).append(row.id)
    for attempts, ids in by_attempts.items():
        session.execute(
            update(SearchOutbox)
            .where(SearchOutbox.id.in_(ids))
            .values(
                attempts=attempts,
                last_error=error,
                retry_at=now + timedelta(seconds=retry_delay(attempts)),
                **({"applied_at": None} if reopen else {}),
            )
        )
    session.commit()
    log.warning(
        "search outbox: %d changes failed to reach the index (%s); retrying in %.0f s",
        len(rows),
        error,
        retry_delay(min(by_attempts)),
    )


def retry_failed_now() -> int:
    """Make every failed row due at once (`casebook index verify --repair`)."""
    with OrmSession(db.engine) as session:
        result = session.execute(
            update(SearchOutbox)
            .where(SearchOutbox.applied_at.is_(None), SearchOutbox.attempts > 0)
            .values(retry_at=None)
        )
        session.commit()
        return cast(CursorResult[Any], result).rowcount or 0


def prune(session: OrmSession) -> None:
    from datetime import timedelta

    cutoff = utcnow() - timedelta(seconds=KEEP_APPLIED_SECONDS)
    session.execute(
        sa.delete(SearchOutbox).where(
            SearchOutbox.applied_at.is_not(None), SearchOutbox.applied_at < cutoff
        )
    )
    session.commit()


@dataclass
class OutboxStatus:
    pending: int  # not yet in the index, failed ones included
    failed: int  # failed at least once; retried with back-off
    oldest_pending_seconds: float | None
    next_retry_seconds: float | None  # until the next failed row is due
    errors: list[tuple[str, int]]  # last error and how many failed rows have it


def outbox_status(session: Any = None) -> OutboxStatus:
    """Pending and failed rows, for `verify` and /healthz (a few indexed counts)."""
    dbs = session or db.session
    pending = SearchOutbox.applied_at.is_(None)
    row = dbs.execute(
        select(
            sa.func.count(),
            sa.func.count().filter(SearchOutbox.attempts > 0),
            sa.func.min(SearchOutbox.created_at),
            sa.func.min(SearchOutbox.retry_at),
        ).where(pending)
    ).one()
    errors = dbs.execute(
        select(SearchOutbox.last_error, sa.func.count())
        .where(pending, SearchOutbox.attempts > 0)
        .group_by(SearchOutbox.last_error)
        .order_by(sa.func.count().desc())
        .limit(5)
    ).all()
    now = utcnow()
    return OutboxStatus(
        pending=row[0] or 0,
        failed=row[1] or 0,
        oldest_pending_seconds=(now - row[2]).total_seconds() if row[2] else None,
        next_retry_seconds=max(0.0, (row[3] - now).total_seconds()) if row[3] else None,
        errors=[(e or "unknown", n) for e, n in errors],
    )


def pending_count(session: Any = None) -> int:
    dbs = session or db.session
    return (
        dbs.scalar(
            select(sa.func.count())
            .select_from(SearchOutbox)
            .where(SearchOutbox.applied_at.is_(None))
        )
        or 0
    )


def last_outbox_id() -> int:
    """The newest outbox row's id: changes written after this call have greater ids."""
    with OrmSession(reading_engine(db.engine)) as session:
        return session.scalar(select(sa.func.max(SearchOutbox.id))) or 0
