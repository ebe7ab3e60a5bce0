"""The PostgreSQL databases the tests make and throw away (tests/support/pg.py)."""

from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy.engine import make_url

from tests.support import pg

pytestmark = pytest.mark.postgres


def _exists(server: str, url: str) -> bool:
    with pg._admin_connect(server) as conn:
        row = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (make_url(url).database,)
        ).fetchone()
    return row is not None


def _names(server: str, prefix: str) -> set[str]:
    with pg._admin_connect(server) as conn:
        rows = conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", (prefix + "%",)
        ).fetchall()
    return {name for (name,) in rows}


def test_a_dropped_database_goes_while_the_test_goes_on_and_the_end_waits_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """DROP DATABASE waits for a checkpoint of the whole server: the test that drops one
    does not wait for it, and `drop_pending` (the run's end) does."""
    server = pg.require_server()  # skips without a server, fails under CI=true
    url = pg.create_database(server, prefix="casebook_dropped")
    dropping = threading.Event()
    go_on = threading.Event()
    real = pg._drop_now

    def held(queued: str) -> None:
        if queued == url:
            dropping.set()
            go_on.wait(60)
        real(queued)

    monkeypatch.setattr(pg, "_drop_now", held)
    try:
        pg.drop_database(url)
        assert dropping.wait(60)
        assert _exists(server, url)  # the drop is under way, and the test goes on
    finally:
        go_on.set()
    assert pg.drop_pending() == []
    assert not _exists(server, url)


def test_a_replaced_database_keeps_its_name_and_the_old_one_is_dropped() -> None:
    server = pg.require_server()
    url = pg.create_database(server, prefix="casebook_replace")
    source = pg.create_database(server, prefix="casebook_source")
    try:
        with pg._admin_connect(source) as conn:
            conn.execute("CREATE TABLE kept (n int)")
        with pg._admin_connect(url) as conn:
            conn.execute("CREATE TABLE gone (n int)")
        mine = f"casebook_replaced_{os.getpid()}_"
        before = _names(server, mine)
        pg.replace_database(url, source)
        with pg._admin_connect(url) as conn:
            tables = {name for (name,) in conn.execute("SELECT tablename FROM pg_tables")}
        assert "kept" in tables and "gone" not in tables
        assert pg.drop_pending() == []
        assert _names(server, mine) <= before
    finally:
        pg.drop_database(url)
        pg.drop_database(source)
        pg.drop_pending()
