"""Logs say which error it was (class and database code or errno), never its message."""

from __future__ import annotations

import errno
import logging
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.diagnostics import describe_error
from app.extensions import db

PATIENT_TEXT = "Jane Roe 1961"


def test_a_locked_sqlite_database_and_a_full_disk_look_different(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE notes (body TEXT)")
    holder.execute("BEGIN IMMEDIATE")
    engine = sa.create_engine(f"sqlite:///{path}", connect_args={"timeout": 0})
    with pytest.raises(sa.exc.OperationalError) as locked, engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO notes VALUES (:body)"), {"body": PATIENT_TEXT})
    holder.rollback()
    holder.close()
    engine.dispose()
    described = describe_error(locked.value)
    assert described == "OperationalError (sqlite3.OperationalError, SQLITE_BUSY)"

    full = OSError(errno.ENOSPC, f"No space left on device: '{PATIENT_TEXT}'")
    assert describe_error(full) == "OSError (errno 28 ENOSPC)"


def test_a_postgresql_error_is_named_by_its_sqlstate(app) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's SQLSTATE")
    with pytest.raises(sa.exc.DBAPIError) as failed, db.engine.connect() as conn:
        conn.execute(sa.text("SELECT * FROM no_such_table WHERE x = :x"), {"x": PATIENT_TEXT})
    described = describe_error(failed.value)
    assert described == "ProgrammingError (psycopg.errors.UndefinedTable, SQLSTATE 42P01)"


def test_a_wrapped_cause_is_named_too() -> None:
    try:
        try:
            raise OSError(errno.EIO, PATIENT_TEXT)
        except OSError as exc:
            raise RuntimeError(PATIENT_TEXT) from exc
    except RuntimeError as exc:
        assert describe_error(exc) == "RuntimeError <- OSError (errno 5 EIO)"


def test_an_unexpected_error_on_a_page_is_logged_with_its_code_not_its_text(
    app, client, caplog
) -> None:
    @app.route("/boom")
    def boom():
        with db.engine.connect() as conn:
            conn.execute(sa.text("SELECT * FROM no_such_table WHERE x = :x"), {"x": PATIENT_TEXT})

    with caplog.at_level(logging.ERROR, logger="app.web"):
        response = client.get("/boom")
    assert response.status_code == 500
    assert PATIENT_TEXT not in caplog.text and "no_such_table" not in caplog.text
    code = "SQLSTATE 42P01" if db.engine.dialect.name == "postgresql" else "SQLITE_ERROR"
    assert "unhandled OperationalError" in caplog.text or "ProgrammingError" in caplog.text
    assert code in caplog.text


def test_a_lower_case_error_class_is_named_with_its_module() -> None:
    import struct

    try:
        struct.unpack(">I", b"\x00")
    except struct.error as exc:
        assert describe_error(exc) == "struct.error"
