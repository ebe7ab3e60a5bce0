"""Emptying a test database between two worlds built in one test."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

from sqlalchemy import delete
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError

from app.audit import triggers
from app.extensions import db


def in_fresh_transaction(work: Callable[[Connection], None], attempts: int = 5) -> None:
    """`work` in a transaction of its own, again after a deadlock. A process a test started
    (an indexer stopping after its parent was killed) may still be reading on PostgreSQL,
    which then picks one side of the lock cycle to fail; once it has gone, it succeeds."""
    for attempt in range(attempts):
        try:
            with db.engine.begin() as conn:
                work(conn)
            return
        except OperationalError as exc:
            if "deadlock" not in str(exc.orig).lower() or attempt == attempts - 1:
                raise
            time.sleep(0.5 * (attempt + 1))


def empty_tables(conn: Connection) -> None:
    """PostgreSQL: every table of the schema emptied, ids restarted (alembic_version is not
    in the metadata, so the stamp survives). DELETE, not TRUNCATE: a TRUNCATE of the schema's
    tables gives each a new file and cost about a second on a test server with fsync on (it
    was most of the PostgreSQL pass's time); deleting a test's few rows costs milliseconds.
    Sent as one script: a statement per table, each a round trip to the server, cost more
    than the deletes themselves (every test of the pass ends with this)."""
    conn.exec_driver_sql(_emptying_script())


@functools.cache
def _emptying_script() -> str:
    dialect = db.engine.dialect
    # No triggers while emptying: the audit trail's append-only guards and the foreign keys'
    # checks (every table is emptied, so no order between them is needed).
    statements = ["SET LOCAL session_replication_role = replica"]
    statements += [
        str(delete(table).compile(dialect=dialect)) for table in reversed(db.metadata.sorted_tables)
    ]
    # Every sequence of the schema belongs to a table's id column (what RESTART IDENTITY did).
    # `%%`: the driver reads `%` as the start of a parameter.
    statements.append(
        "SELECT setval(format('%%I.%%I', schemaname, sequencename)::regclass,"
        " start_value, false) FROM pg_sequences"
        " WHERE schemaname = current_schema() AND last_value IS NOT NULL"
    )
    return ";\n".join(statements)


def empty_database() -> None:
    """Every table emptied, ids restarted where the database allows."""
    db.session.remove()
    if db.engine.dialect.name == "postgresql":
        in_fresh_transaction(empty_tables)
        return
    with db.engine.begin() as conn:
        # The audit trail is append-only in the database; emptying it is a test's privilege.
        triggers.drop(conn)
        for table in reversed(db.metadata.sorted_tables):
            conn.execute(delete(table))
        triggers.create(conn)
