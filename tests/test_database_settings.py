"""What each database connection the app opens is set to."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app.extensions import db
from tests.conftest import make_app
from tests.support import pg


@pytest.mark.postgres
def test_postgresql_connections_compile_no_query_plans(tmp_path: Path) -> None:
    """JIT compilation cost 1.4 s a page at 50,000 cases (the notifications count, whose
    visibility subqueries PostgreSQL overestimates); the setting outlives a rollback and is
    on every connection of the pool."""
    # Skips without a server, fails under CI=true.
    url = pg.create_database(pg.require_server(), prefix="casebook_settings")
    try:
        app = make_app(url, tmp_path / "index")
        with app.app_context():
            with db.engine.connect() as first, db.engine.connect() as second:
                for connection in (first, second):
                    connection.rollback()
                    assert connection.execute(text("SHOW jit")).scalar_one() == "off"
            db.engine.dispose()
    finally:
        pg.drop_database(url)
