"""The database refuses to change or delete audit events, whoever asks and however the
schema was built (the app's `create_all` or the migrations)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.audit.operations import record
from app.extensions import db
from tests.conftest import make_app
from tests.support import pg


def _tamper_is_refused() -> None:
    record(None, "system.test", entity_type="system", entity_id=1)
    db.session.commit()
    for statement in (
        "UPDATE audit_events SET action = 'tampered'",
        "UPDATE audit_events SET actor_id = NULL",
        "DELETE FROM audit_events",
    ):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text(statement))
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT action FROM audit_events")).scalars().all()
    assert rows == ["system.test"]


def test_sql_cannot_update_or_delete_audit_events(app):
    _tamper_is_refused()


def test_the_migrations_make_audit_events_append_only_on_sqlite(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'm.sqlite3'}", tmp_path / "index")
    with app.app_context():
        upgrade()
        _tamper_is_refused()
        db.session.remove()
        db.engine.dispose()


@pytest.mark.postgres
def test_the_migrations_make_audit_events_append_only_on_postgresql(tmp_path: Path) -> None:
    server = pg.require_server()
    url = pg.create_database(server, prefix="casebook_migrations")
    try:
        app = make_app(url, tmp_path / "index")
        with app.app_context():
            upgrade()
            _tamper_is_refused()
            db.session.remove()
            db.engine.dispose()
    finally:
        pg.drop_database(url)


def test_an_account_with_audit_events_cannot_be_deleted(app, make_user):
    """Deleting it would clear actor_id on its events (ON DELETE SET NULL): refused too.
    Accounts are deactivated instead."""
    admin = make_user("admin")
    record(admin, "system.test", entity_type="system", entity_id=1)
    db.session.commit()
    with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM users WHERE id = :id"), {"id": admin.id})
