"""A test world built once per test process and restored into each test that asks for it.

Building a world through the operations (programs, users, cases, recommendations, the
permission matrix's extras) costs far more than the test that reads it. The first test
builds it into its own database; what the database then holds is kept (SQLite: a copy of
the file; PostgreSQL: every table's rows and the sequences' positions) with the search
index folder, and every later test starts from a restored copy: its writes stay its own.

The world a builder returns is kept as a shape: rows become references (model, primary
key) and are loaded again in the test's session, so each test gets live objects of its own.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa
from flask import Flask
from sqlalchemy.engine import Connection
from sqlalchemy.orm.exc import UnmappedInstanceError

from app.extensions import db
from tests.support.database import empty_tables, in_fresh_transaction


@dataclass(frozen=True)
class _Row:
    model: type
    key: tuple[Any, ...]


@dataclass
class Snapshot:
    folder: Path
    rows: dict[str, list[dict[str, Any]]] | None = None  # PostgreSQL
    sequences: dict[str, int | None] | None = None  # PostgreSQL
    shape: Any = None


DATABASE = "casebook.sqlite3"
INDEX = "index"


def take(app: Flask, folder: Path) -> Snapshot:
    """What `app`'s database and index hold now, kept in `folder`."""
    db.session.commit()
    db.session.remove()
    snapshot = Snapshot(folder)
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as conn:
            source = conn.connection.dbapi_connection
            target = sqlite3.connect(folder / DATABASE)
            try:
                source.backup(target)  # type: ignore[union-attr]
            finally:
                target.close()
    else:
        with db.engine.connect() as conn:
            snapshot.rows = {
                table.name: [dict(row._mapping) for row in conn.execute(sa.select(table))]
                for table in db.metadata.sorted_tables
            }
            snapshot.sequences = {
                name: value
                for name, value in conn.execute(
                    sa.text(
                        "SELECT sequencename, last_value FROM pg_sequences"
                        " WHERE schemaname = current_schema()"
                    )
                )
            }
    index = Path(app.config["CASEBOOK_INDEX_DIR"])
    if index.exists():
        shutil.copytree(index, folder / INDEX)
    return snapshot


def restore(app: Flask, snapshot: Snapshot) -> None:
    """`app`'s database and index as they were when `snapshot` was taken."""
    db.session.remove()
    if db.engine.dialect.name == "sqlite":
        db.engine.dispose()
        source = sqlite3.connect(snapshot.folder / DATABASE)
        target = sqlite3.connect(db.engine.url.database or "")
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
    else:
        rows, sequences = snapshot.rows, snapshot.sequences
        assert rows is not None and sequences is not None

        def put_back(conn: Connection) -> None:
            empty_tables(conn)
            # Rows go back as they were: no triggers (the audit trail's guards) and no
            # foreign-key order to find for tables that point at each other.
            conn.execute(sa.text("SET LOCAL session_replication_role = replica"))
            for table in db.metadata.sorted_tables:
                if rows[table.name]:
                    conn.execute(table.insert(), rows[table.name])
            for name, value in sequences.items():
                conn.execute(
                    sa.text("SELECT setval(:name, :value, :called)"),
                    {"name": name, "value": value or 1, "called": value is not None},
                )

        in_fresh_transaction(put_back)
    index = Path(app.config["CASEBOOK_INDEX_DIR"])
    shutil.rmtree(index, ignore_errors=True)
    if (snapshot.folder / INDEX).exists():
        shutil.copytree(snapshot.folder / INDEX, index)


@functools.cache
def _has_rows() -> sa.CompoundSelect:
    """The names of the tables that hold a row, in one statement (built once: every test
    that asks for a world runs it, and one query per table cost more than the restore)."""
    return sa.union_all(
        *(
            sa.select(sa.literal(table.name).label("name")).where(
                sa.exists(sa.select(sa.literal(1)).select_from(table))
            )
            for table in db.metadata.sorted_tables
        )
    )


def _tables_with_rows() -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.execute(_has_rows()).scalars())


def _shape(value: Any) -> Any:
    """`value` with every row replaced by a reference to it."""
    try:
        state = sa.inspect(value)
    except (sa.exc.NoInspectionAvailable, UnmappedInstanceError):
        state = None
    if state is not None and hasattr(state, "identity"):
        if state.identity is None:
            raise ValueError(f"a world holds a row that was never saved: {value!r}")
        return _Row(type(value), state.identity)
    if isinstance(value, SimpleNamespace):
        return SimpleNamespace(**{k: _shape(v) for k, v in vars(value).items()})
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_shape(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _shape(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **fields)
    return copy.deepcopy(value)


def _load(shape: Any) -> Any:
    """The world again, its rows loaded in the current session."""
    if isinstance(shape, _Row):
        return db.session.get(shape.model, shape.key)
    if isinstance(shape, SimpleNamespace):
        return SimpleNamespace(**{k: _load(v) for k, v in vars(shape).items()})
    if isinstance(shape, dict):
        return {k: _load(v) for k, v in shape.items()}
    if isinstance(shape, list | tuple):
        return type(shape)(_load(v) for v in shape)
    if dataclasses.is_dataclass(shape) and not isinstance(shape, type):
        fields = {f.name: _load(getattr(shape, f.name)) for f in dataclasses.fields(shape)}
        return dataclasses.replace(shape, **fields)
    return copy.deepcopy(shape)


def _index_as_a_first_search_leaves_it(app: Flask) -> None:
    """Under TESTING the index is written only before a search: a world built through the
    operations has none, and each test's first search rebuilt it from the whole database.
    Built here once, it is kept with the snapshot; changes still pending in the outbox are
    applied by that first search as before."""
    indexer = app.extensions.get("casebook_search")
    if indexer is None or indexer.mode != "sync":
        return
    from app.search.upkeep import upgrade_index

    db.session.commit()
    upgrade_index()


class Worlds:
    """Snapshots of this process's worlds, by key (see the `worlds` fixture)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.kept: dict[str, Snapshot] = {}

    def get(self, app: Flask, key: str, build: Callable[[], Any]) -> Any:
        # A restore replaces the whole database: rows written before it would be lost.
        taken = _tables_with_rows()
        if taken:
            raise RuntimeError(f"world {key!r} asked for after rows were written in {taken}")
        snapshot = self.kept.get(key)
        if snapshot is None:
            world = build()
            _index_as_a_first_search_leaves_it(app)
            folder = self.folder / str(len(self.kept))
            folder.mkdir()
            snapshot = take(app, folder)
            snapshot.shape = _shape(world)  # rows keep their identity once detached
            self.kept[key] = snapshot
        else:
            restore(app, snapshot)
        db.session.remove()
        return _load(snapshot.shape)
