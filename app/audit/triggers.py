"""The database itself refuses to change or delete audit events.

The ORM guard in app.audit.operations covers the app's own sessions; these triggers
cover everything else that reaches the database (raw SQL, a console, another tool).
One source for both ways a schema is built: `db.create_all()` (tests, via the table
events below) and the Alembic migration that added them (0011_never_reuse_ids).
TRUNCATE is not refused on PostgreSQL: it is a table owner's operation. The test fixtures
empty a database between tests with triggers switched off (session_replication_role), a
superuser's setting.
"""

from __future__ import annotations

from sqlalchemy import DDL, Connection, Table, event

MESSAGE = "audit events are append-only"

_SQLITE = [
    f"CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
_SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_events_no_update",
    "DROP TRIGGER IF EXISTS audit_events_no_delete",
]
_POSTGRESQL = [
    "CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$",
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
]
_POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS audit_events_no_update ON audit_events",
    "DROP TRIGGER IF EXISTS audit_events_no_delete ON audit_events",
    "DROP FUNCTION IF EXISTS audit_events_append_only()",
]


def create_statements(dialect: str) -> list[str]:
    return {"sqlite": _SQLITE, "postgresql": _POSTGRESQL}.get(dialect, [])


def drop_statements(dialect: str) -> list[str]:
    return {"sqlite": _SQLITE_DROP, "postgresql": _POSTGRESQL_DROP}.get(dialect, [])


def create(connection: Connection) -> None:
    for statement in create_statements(connection.dialect.name):
        connection.exec_driver_sql(statement)


def drop(connection: Connection) -> None:
    for statement in drop_statements(connection.dialect.name):
        connection.exec_driver_sql(statement)


def attach(table: Table) -> None:
    """Create the triggers whenever the table is created with `metadata.create_all()`."""

    @event.listens_for(table, "after_create")
    def _create(target: Table, connection: Connection, **kw: object) -> None:
        create(connection)

    # The PostgreSQL function outlives the table otherwise.
    event.listen(
        table,
        "after_drop",
        DDL("DROP FUNCTION IF EXISTS audit_events_append_only()").execute_if(dialect="postgresql"),
    )
