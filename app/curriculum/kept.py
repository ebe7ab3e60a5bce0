"""Triggers that keep `topic_month_counts` equal to a count of the cases' topic links.

A count moves with every write that can move it, whatever wrote it (the ORM, the bulk
import's Core inserts, the UPDATE that keeps `counts_on`, a cascade from a deleted topic or
program): a link added or removed, a case's day moved to another month, its status or
program changed, the case withdrawn or restored, the case deleted (its links are removed
first, while the case still says which count they are in). Each change is an increment
(an UPSERT), so concurrent writers add up instead of overwriting each other; a count that
reaches zero is deleted. One source for both ways a schema is built: `db.create_all()` (the
tests, through the metadata event below) and the migration that added the table
(0043_topic_month_counts), which also fills it with `FILL`.
"""

# ruff: noqa: S608  (DDL built from this module's constants, no input reaches it)
from __future__ import annotations

from sqlalchemy import Connection, MetaData, event

TABLE = "topic_month_counts"
_KEY = "(month, program_id, status, topic_id)"
_ADD = f"ON CONFLICT {_KEY} DO UPDATE SET cases = {TABLE}.cases + excluded.cases"


def _month(dialect: str, day: str) -> str:
    if dialect == "sqlite":
        return f"date({day}, 'start of month')"
    return f"date_trunc('month', ({day})::timestamp)::date"


def _link_sql(dialect: str, row: str, delta: int) -> list[str]:
    """Count the link `row` (NEW or OLD) of case_topics by `delta`, in its case's key."""
    month = _month(dialect, "c.counts_on")
    out = [
        f"INSERT INTO {TABLE} (month, program_id, status, topic_id, cases)"
        f" SELECT {month}, c.program_id, c.status, {row}.topic_id, {delta}"
        f" FROM cases AS c WHERE c.id = {row}.case_id AND c.withdrawn_at IS NULL {_ADD}"
    ]
    if delta < 0:
        out.append(
            f"DELETE FROM {TABLE} WHERE {TABLE}.cases = 0 AND {_KEY} IN"
            f" (SELECT {month}, c.program_id, c.status, {row}.topic_id"
            f" FROM cases AS c WHERE c.id = {row}.case_id)"
        )
    return out


def _case_sql(dialect: str, row: str, delta: int) -> list[str]:
    """Count every link of the case `row` (NEW or OLD) by `delta`, in that row's key."""
    month = _month(dialect, f"{row}.counts_on")
    out = [
        f"INSERT INTO {TABLE} (month, program_id, status, topic_id, cases)"
        f" SELECT {month}, {row}.program_id, {row}.status, ct.topic_id, {delta}"
        f" FROM case_topics AS ct WHERE ct.case_id = {row}.id AND {row}.withdrawn_at IS NULL"
        f" {_ADD}"
    ]
    if delta < 0:
        out.append(
            f"DELETE FROM {TABLE} WHERE {TABLE}.cases = 0 AND month = {month}"
            f" AND program_id = {row}.program_id AND status = {row}.status"
        )
    return out


def _key_changed(dialect: str) -> str:
    same = "IS" if dialect == "sqlite" else "IS NOT DISTINCT FROM"
    return (
        f"NOT ({_month(dialect, 'OLD.counts_on')} {same} {_month(dialect, 'NEW.counts_on')}"
        f" AND OLD.status {same} NEW.status AND OLD.program_id {same} NEW.program_id"
        " AND (OLD.withdrawn_at IS NULL) = (NEW.withdrawn_at IS NULL))"
    )


_CASE_COLUMNS = "counts_on, status, program_id, withdrawn_at"


def _sqlite() -> list[str]:
    def body(*parts: list[str]) -> str:
        return " ".join(f"{s};" for part in parts for s in part)

    d = "sqlite"
    return [
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_link_added AFTER INSERT ON case_topics"
        f" BEGIN {body(_link_sql(d, 'NEW', 1))} END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_link_removed AFTER DELETE ON case_topics"
        f" BEGIN {body(_link_sql(d, 'OLD', -1))} END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_link_changed AFTER UPDATE ON case_topics"
        f" BEGIN {body(_link_sql(d, 'OLD', -1), _link_sql(d, 'NEW', 1))} END",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_case_changed"
        f" AFTER UPDATE OF {_CASE_COLUMNS} ON cases WHEN {_key_changed(d)}"
        f" BEGIN {body(_case_sql(d, 'OLD', -1), _case_sql(d, 'NEW', 1))} END",
        # The links first, while the case row still gives their key.
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_case_deleted BEFORE DELETE ON cases"
        " BEGIN DELETE FROM case_topics WHERE case_id = OLD.id; END",
    ]


def _plpgsql(name: str, statements: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN {statements} END $$"
    )


def _postgresql() -> list[str]:
    d = "postgresql"

    def run(*parts: list[str]) -> str:
        return " ".join(f"{s};" for part in parts for s in part)

    links = _plpgsql(
        f"{TABLE}_follow_links",
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {run(_link_sql(d, 'OLD', -1))} END IF;"
        f" IF TG_OP IN ('INSERT', 'UPDATE') THEN {run(_link_sql(d, 'NEW', 1))} END IF;"
        " RETURN NULL;",
    )
    cases = _plpgsql(
        f"{TABLE}_follow_cases",
        # The links first, while the case row still gives their key.
        "IF TG_OP = 'DELETE' THEN DELETE FROM case_topics WHERE case_id = OLD.id; RETURN OLD;"
        f" END IF; IF {_key_changed(d)} THEN"
        f" {run(_case_sql(d, 'OLD', -1), _case_sql(d, 'NEW', 1))} END IF; RETURN NULL;",
    )
    return [
        links,
        cases,
        f"CREATE OR REPLACE TRIGGER {TABLE}_links AFTER INSERT OR UPDATE OR DELETE"
        f" ON case_topics FOR EACH ROW EXECUTE FUNCTION {TABLE}_follow_links()",
        f"CREATE OR REPLACE TRIGGER {TABLE}_case_changed AFTER UPDATE OF {_CASE_COLUMNS}"
        f" ON cases FOR EACH ROW EXECUTE FUNCTION {TABLE}_follow_cases()",
        f"CREATE OR REPLACE TRIGGER {TABLE}_case_deleted BEFORE DELETE"
        f" ON cases FOR EACH ROW EXECUTE FUNCTION {TABLE}_follow_cases()",
    ]


_SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_{name}"
    for name in ("link_added", "link_removed", "link_changed", "case_changed", "case_deleted")
]
_POSTGRESQL_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_links ON case_topics",
    f"DROP TRIGGER IF EXISTS {TABLE}_case_changed ON cases",
    f"DROP TRIGGER IF EXISTS {TABLE}_case_deleted ON cases",
    f"DROP FUNCTION IF EXISTS {TABLE}_follow_links()",
    f"DROP FUNCTION IF EXISTS {TABLE}_follow_cases()",
]


def fill_statement(dialect: str) -> str:
    """Count every link of the cases not withdrawn (the table empty before)."""
    month = _month(dialect, "c.counts_on")
    return (
        f"INSERT INTO {TABLE} (month, program_id, status, topic_id, cases)"
        f" SELECT {month}, c.program_id, c.status, ct.topic_id, count(*)"
        " FROM cases AS c JOIN case_topics AS ct ON ct.case_id = c.id"
        f" WHERE c.withdrawn_at IS NULL GROUP BY {month}, c.program_id, c.status, ct.topic_id"
    )


def create(connection: Connection) -> None:
    dialect = connection.dialect.name
    for statement in {"sqlite": _sqlite, "postgresql": _postgresql}[dialect]():
        connection.exec_driver_sql(statement)


def drop(connection: Connection) -> None:
    dialect = connection.dialect.name
    for statement in {"sqlite": _SQLITE_DROP, "postgresql": _POSTGRESQL_DROP}[dialect]:
        connection.exec_driver_sql(statement)


def attach(metadata: MetaData) -> None:
    """Create the triggers once `metadata.create_all()` has made every table they name."""

    @event.listens_for(metadata, "after_create")
    def _create(target: MetaData, connection: Connection, **kw: object) -> None:
        if {TABLE, "cases", "case_topics"} <= set(target.tables):
            create(connection)

    # The tables take their triggers with them; the PostgreSQL functions outlive them.
    @event.listens_for(metadata, "after_drop")
    def _drop(target: MetaData, connection: Connection, **kw: object) -> None:
        if connection.dialect.name == "postgresql":
            for statement in _POSTGRESQL_DROP[3:]:
                connection.exec_driver_sql(statement)
