"""SQLite rebuilds a table (batch mode) to add a constraint: the copy must keep
AUTOINCREMENT and the table's high-water mark, so an id handed out once, even to a row
deleted since, is never handed out again."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op


@contextlib.contextmanager
def rebuilt(name: str) -> Iterator[object]:
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    query = sa.text("SELECT seq FROM sqlite_sequence WHERE name = :name")
    before = conn.execute(query, {"name": name}).scalar() if sqlite else None
    with op.batch_alter_table(name, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        yield batch_op
    if before is None:
        return
    keep = {"name": name, "seq": before}
    conn.execute(
        sa.text("UPDATE sqlite_sequence SET seq = MAX(seq, :seq) WHERE name = :name"), keep
    )
    conn.execute(
        sa.text(
            "INSERT INTO sqlite_sequence (name, seq) SELECT :name, :seq"
            " WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = :name)"
        ),
        keep,
    )
