"""Emptying a test database between two worlds built in one test."""

from __future__ import annotations

from sqlalchemy import delete, text

from app.audit import triggers
from app.extensions import db


def empty_database() -> None:
    """Every table emptied, ids restarted where the database allows."""
    db.session.remove()
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            return
        # The audit trail is append-only in the database; emptying it is a test's privilege.
        triggers.drop(conn)
        for table in reversed(db.metadata.sorted_tables):
            conn.execute(delete(table))
        triggers.create(conn)
