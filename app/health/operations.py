"""Whether this instance can serve: database reachable, search index live, outbox moving."""

from __future__ import annotations

import logging
from typing import Any

from flask import current_app
from sqlalchemy import text
from sqlalchemy.orm import Session as OrmSession

from app.auth import policy
from app.auth.policy import Viewer
from app.diagnostics import describe_error
from app.extensions import db, reading_engine

log = logging.getLogger(__name__)


def health_report() -> tuple[bool, dict[str, Any]]:
    """(healthy, report). No patient data and no error messages: codes and counts only.

    Unhealthy when the database does not answer, the search index is not searchable
    (missing, foreign, of an older format) or changes failed to reach it.
    """
    from app.search.index import index_at
    from app.search.index import index_format as expected_format
    from app.search.outbox import outbox_status

    problems: list[str] = []
    database: dict[str, Any] = {"ok": True, "dialect": db.engine.dialect.name}
    outbox: dict[str, Any] | None = None
    try:
        with OrmSession(reading_engine(db.engine)) as session:
            session.execute(text("SELECT 1"))
            status = outbox_status(session)
        outbox = {
            "pending": status.pending,
            "failed": status.failed,
            "oldest_pending_seconds": _round(status.oldest_pending_seconds),
            "next_retry_seconds": _round(status.next_retry_seconds),
            "errors": [{"error": e, "count": n} for e, n in status.errors],
        }
        if status.failed:
            problems.append(f"{status.failed} changes failed to reach the search index")
    except Exception as exc:  # noqa: BLE001 - the answer is the report
        error = describe_error(exc)
        log.warning("healthz: database unreachable (%s)", error)
        database = {"ok": False, "dialect": db.engine.dialect.name, "error": error}
        problems.append("database unreachable")

    idx = index_at(current_app.config["CASEBOOK_INDEX_DIR"])
    state = idx.state()
    partial = idx.partial_generations()
    index = {
        "ok": state.ready,
        "status": state.status,
        "generation": state.generation,
        "format": state.format,
        "expected_format": expected_format(),
        "partial_generations": len(partial),
    }
    if not state.ready:
        problems.append(f"search index {state.status}")
    report = {
        "status": "ok" if not problems else "unhealthy",
        "problems": problems,
        "database": database,
        "index": index,
        "outbox": outbox,
    }
    return not problems, report


def health_report_for(viewer: Viewer) -> tuple[bool, dict[str, Any]]:
    """(healthy, what `viewer` may read of the report): the whole of it for an admin, only
    its status ("ok" or "unhealthy") for anyone else."""
    healthy, report = health_report()
    if policy.can_read_health_details(viewer):
        return healthy, report
    return healthy, {"status": report["status"]}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
