"""A second, empty instance to restore into, and a canonical dump of every table."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import MetaData, select

from app.extensions import db
from tests.conftest import make_app
from tests.support import pg


@contextmanager
def empty_instance(source: Flask, tmp_path: Path, name: str = "target") -> Iterator[Flask]:
    """A fresh instance on the same kind of database as `source`, its context pushed."""
    if db.engine.dialect.name == "postgresql":
        url = pg.create_database(pg.server_url(), prefix="casebook_restore")
    else:
        url = f"sqlite:///{tmp_path / name}.sqlite3"
    target = make_app(url, tmp_path / f"{name}-index")
    try:
        with target.app_context():
            yield target
            db.session.remove()
            db.engine.dispose()
    finally:
        if url.startswith("postgresql"):
            pg.drop_database(url)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return value


# Restoring rebuilds the index and then applies the outbox: whether and when a row was
# applied is the index's bookkeeping, not content.
_BOOKKEEPING = {"search_outbox": {"applied_at", "attempts", "last_error", "retry_at"}}


def canonical_dump() -> dict[str, list[tuple]]:
    """Every row of every table (the schema revision too), sorted, as plain values."""
    metadata = MetaData()
    metadata.reflect(db.engine)
    dump = {}
    with db.engine.connect() as conn:
        for table in metadata.sorted_tables:
            skip = _BOOKKEEPING.get(table.name, set())
            columns = [c for c in table.columns if c.name not in skip]
            rows = [tuple(_plain(v) for v in row) for row in conn.execute(select(*columns))]
            dump[table.name] = sorted(rows, key=repr)
    return dump
