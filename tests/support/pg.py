"""Fresh PostgreSQL databases for a test run: created on demand, dropped afterwards."""

from __future__ import annotations

import os
import queue
import secrets
import sys
import threading

import pytest
from sqlalchemy.engine import make_url

DEFAULT_SERVER_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def server_url() -> str:
    return os.environ.get("CASEBOOK_TEST_PG_SERVER", DEFAULT_SERVER_URL)


def _admin_connect(url: str):
    import psycopg

    u = make_url(url)
    return psycopg.connect(
        host=u.host or "127.0.0.1",
        port=u.port or 5432,
        user=u.username or "postgres",
        password=u.password,
        dbname=u.database or "postgres",
        autocommit=True,
        connect_timeout=3,
    )


def server_available(url: str | None = None) -> bool:
    try:
        with _admin_connect(url or server_url()):
            return True
    except Exception:
        return False


def require_server(url: str | None = None) -> str:
    """The server URL, or skip (fail under CI=true) when no server answers."""
    url = url or server_url()
    if not server_available(url):
        message = f"no PostgreSQL server reachable at {make_url(url).host}:{make_url(url).port}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (required under CI=true)")
        pytest.skip(message)
    return url


def create_database(base_url: str, prefix: str = "casebook_test") -> str:
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(4)}"
    with _admin_connect(base_url) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        # A test database is thrown away after the run: its commits need not wait for the
        # disk (about 4 ms each on a server with fsync on, 0.5 ms without waiting). What a
        # transaction sees and what a crash of the client leaves are unchanged.
        conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    return make_url(base_url).set(database=name).render_as_string(hide_password=False)


# DROP DATABASE makes the server write a checkpoint and wait for it (every dirty page of
# the cluster to disk): seconds on a busy server, most of tests/test_migrations.py's wall.
# No test needs its database gone at once (each has a name of its own), so one thread per
# process drops them while the tests go on, and the run's end waits for it (drop_pending).
_to_drop: queue.Queue[str] = queue.Queue()
_dropper: list[threading.Thread] = []
_dropper_lock = threading.Lock()
_not_dropped: list[str] = []


def drop_database(url: str) -> None:
    """Drop `url`'s database in the background (connections to it are ended)."""
    with _dropper_lock:
        if not _dropper or not _dropper[0].is_alive():  # none yet, or a forked child's copy
            thread = threading.Thread(target=_drop_queued, name="casebook-pg-drop", daemon=True)
            thread.start()
            _dropper[:] = [thread]
    _to_drop.put(url)


def drop_pending() -> list[str]:
    """Wait until every database given to `drop_database` is dropped; the names of those
    that could not be, with why."""
    _to_drop.join()
    return list(_not_dropped)


def _drop_queued() -> None:
    while True:
        url = _to_drop.get()
        try:
            _drop_now(url)
        except Exception as exc:
            _not_dropped.append(f"{make_url(url).database} ({type(exc).__name__}: {exc})")
            print(f"PostgreSQL test database not dropped: {_not_dropped[-1]}", file=sys.stderr)
        finally:
            _to_drop.task_done()


def _drop_now(url: str) -> None:
    u = make_url(url)
    admin = u.set(database="postgres").render_as_string(hide_password=False)
    with _admin_connect(admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)')


def _admin_url(url: str) -> str:
    return make_url(url).set(database="postgres").render_as_string(hide_password=False)


def copy_database(url: str, prefix: str) -> str:
    """A new database made from `url`'s, which no one may be connected to."""
    u = make_url(url)
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(4)}"
    with _admin_connect(_admin_url(url)) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{u.database}"')
    return u.set(database=name).render_as_string(hide_password=False)


def replace_database(url: str, source_url: str) -> None:
    """`url`'s database made again, under its name, from `source_url`'s. The old one is
    renamed out of the way and dropped in the background (see `drop_database`)."""
    name, source = make_url(url).database, make_url(source_url).database
    old = f"casebook_replaced_{os.getpid()}_{secrets.token_hex(4)}"
    with _admin_connect(_admin_url(url)) as conn:
        # As DROP ... WITH (FORCE) would: whoever is still connected is ended first.
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        conn.execute(f'ALTER DATABASE "{name}" RENAME TO "{old}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')  # as created
    drop_database(make_url(url).set(database=old).render_as_string(hide_password=False))
