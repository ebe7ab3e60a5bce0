"""Fresh PostgreSQL databases for a test run: created on demand, dropped afterwards."""

from __future__ import annotations

import os
import secrets

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


def drop_database(url: str) -> None:
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
    """`url`'s database made again, under its name, from `source_url`'s."""
    name, source = make_url(url).database, make_url(source_url).database
    with _admin_connect(_admin_url(url)) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
        conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')  # as created
