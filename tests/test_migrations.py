"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from app.extensions import db
from tests.conftest import make_app
from tests.support import pg


def _schema_diff() -> list:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        return compare_metadata(context, db.metadata)


def _check_round_trip() -> None:
    upgrade()
    assert _schema_diff() == []
    tables = set(inspect(db.engine).get_table_names())
    assert {"cases", "recommendations", "best_practices", "audit_events"} <= tables
    downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade()
    assert _schema_diff() == []


def test_migrations_match_models_on_sqlite(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'm.sqlite3'}", tmp_path / "index")
    with app.app_context():
        _check_round_trip()
        db.engine.dispose()


@pytest.mark.postgres
def test_migrations_match_models_on_postgresql(tmp_path: Path) -> None:
    server = pg.require_server()
    url = pg.create_database(server, prefix="casebook_migrations")
    try:
        app = make_app(url, tmp_path / "index")
        with app.app_context():
            _check_round_trip()
            db.engine.dispose()
    finally:
        pg.drop_database(url)
