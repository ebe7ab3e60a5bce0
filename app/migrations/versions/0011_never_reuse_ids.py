"""never reuse ids: AUTOINCREMENT on SQLite, audit events append-only in the database

Revision ID: 0011_never_reuse_ids
Revises: 0010_import_keys
Create Date: 2026-12-04 19:00:00

SQLite without AUTOINCREMENT gives a deleted row's id to the next row, so an audit event,
notification or outbox row naming the old row would name the new one. Every table with a
single integer primary key is rebuilt with AUTOINCREMENT (the tables are reflected, so
columns added by other migrations come along). PostgreSQL sequences never go back.

Triggers refuse UPDATE and DELETE on audit_events, on SQLite and PostgreSQL (their SQL
lives in app.audit.triggers, which `db.create_all()` uses too).
"""

import sqlalchemy as sa
from alembic import op

from app.audit import triggers

# revision identifiers, used by Alembic.
revision = "0011_never_reuse_ids"
down_revision = "0010_import_keys"
branch_labels = None
depends_on = None


def _integer_id_tables(conn, *, autoincrement):
    """Tables whose primary key is one integer column, with or without AUTOINCREMENT."""
    inspector = sa.inspect(conn)
    found = []
    for name in inspector.get_table_names():
        if name == "alembic_version" or name.startswith("sqlite_"):
            continue
        key = inspector.get_pk_constraint(name)["constrained_columns"]
        columns = {c["name"]: c for c in inspector.get_columns(name)}
        if len(key) != 1 or not isinstance(columns[key[0]]["type"], sa.Integer):
            continue
        sql = conn.execute(
            sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :name"),
            {"name": name},
        ).scalar_one()
        if ("AUTOINCREMENT" in sql.upper()) == autoincrement:
            found.append(name)
    return sorted(found)


def _rebuild(autoincrement):
    # Foreign keys are off while migrating (env.py): dropping the old copy of a table must
    # not cascade to the rows that reference it. Checked below, before the commit.
    conn = op.get_bind()
    for name in _integer_id_tables(conn, autoincrement=not autoincrement):
        with op.batch_alter_table(
            name, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass
    broken = conn.execute(sa.text("PRAGMA foreign_key_check")).fetchall()
    if broken:
        raise RuntimeError(f"rebuilding tables broke foreign keys: {broken[:5]}")


def upgrade():
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        _rebuild(autoincrement=True)  # before the triggers: a rebuilt table loses its own
    triggers.create(conn)


def downgrade():
    conn = op.get_bind()
    triggers.drop(conn)
    if conn.dialect.name == "sqlite":
        _rebuild(autoincrement=False)
