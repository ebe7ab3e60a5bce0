"""Extensions, created once and bound to the app in create_app()."""

from __future__ import annotations

from typing import Any

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import DeclarativeBase

# Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
# Keyed by client address; behind a reverse proxy, wrap the app in werkzeug's ProxyFix so
# that this is the client's and not the proxy's. Storage: RATELIMIT_STORAGE_URI.
limiter = Limiter(key_func=get_remote_address)


def configure_sqlite(engine: Engine, *, begin_immediate: bool) -> None:
    """SQLite: enforce foreign keys, use WAL, and let writers from several threads or
    processes (web workers, the search indexer) wait for each other instead of failing.

    With `begin_immediate`, every transaction takes the write lock when it begins: a
    deferred transaction that read first would otherwise fail at its first write whenever
    another writer committed in between (SQLITE_BUSY_SNAPSHOT, which no timeout helps)."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, connection_record: Any) -> None:
        if begin_immediate:
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    if begin_immediate:

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            if connection.get_execution_options().get(READ_ONLY):
                connection.exec_driver_sql("BEGIN")  # a long read takes no write lock
            else:
                connection.exec_driver_sql("BEGIN IMMEDIATE")


READ_ONLY = "casebook_read_only"


def reading_engine(engine: Engine) -> Engine:
    """The same engine for sessions that only read, however long (rebuilding the search
    index, exporting): on SQLite they begin deferred, so writers are not kept waiting."""
    return engine.execution_options(**{READ_ONLY: True})
