"""Extensions, created once and bound to the app in create_app()."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Integer, MetaData, Table, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapper
from sqlalchemy.orm import Session as OrmSession

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


def _has_integer_id(table: Table) -> bool:
    columns = list(table.primary_key.columns)
    return len(columns) == 1 and isinstance(columns[0].type, Integer)


db = SQLAlchemy(model_class=Base)

if TYPE_CHECKING:
    # mypy takes no base class from an attribute such as db.Model; the declarative base
    # it is built from carries every column and relationship type the models use.
    Model = Base
else:
    Model = db.Model


@event.listens_for(db.Model, "after_mapper_constructed", propagate=True)
def _never_reuse_ids(mapper: Mapper[Any], cls: type) -> None:
    # SQLite otherwise hands a deleted row's id to the next row, and audit events,
    # notifications and outbox rows that named the old row would name the new one.
    # PostgreSQL sequences never go back. Migration 0011 rebuilt the existing tables.
    table = mapper.local_table
    if isinstance(table, Table) and _has_integer_id(table):
        table.dialect_kwargs["sqlite_autoincrement"] = True


migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
# Keyed by client address; behind a reverse proxy, wrap the app in werkzeug's ProxyFix so
# that this is the client's and not the proxy's. Storage: RATELIMIT_STORAGE_URI.
limiter = Limiter(key_func=get_remote_address)


BUSY_TIMEOUT_MS = 30_000


def configure_sqlite(
    engine: Engine, *, begin_immediate: bool, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> None:
    """SQLite: enforce foreign keys, use WAL, and let writers from several threads or
    processes (web workers, the search indexer) wait for each other instead of failing.

    With `begin_immediate`, a transaction that may write takes the write lock when it
    begins: a deferred transaction that read first would otherwise fail at its first write
    whenever another writer holds the lock or committed in between (SQLITE_BUSY, which no
    timeout helps). Transactions that only read (`reading_engine`, `reading()`: requests
    that do not change anything) begin deferred, so with WAL they never wait for a writer."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, connection_record: Any) -> None:
        if begin_immediate:
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # Freed space is zeroed, so text that was replaced or deleted (a purge above all)
        # leaves the file instead of lingering in free pages; the cost is a few extra
        # page writes on deletes and shrinking updates.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.close()

    if begin_immediate:

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            if connection.get_execution_options().get(READ_ONLY) or _reading.get():
                connection.exec_driver_sql("BEGIN")  # a read takes no write lock
            else:
                connection.exec_driver_sql("BEGIN IMMEDIATE")


def configure_postgresql(engine: Engine) -> None:
    """PostgreSQL: no JIT compilation. The visibility rules make WHERE clauses whose
    estimated cost passes `jit_above_cost` though they read a few index rows: at 50,000
    cases the notifications count on every page spent 1.4 s compiling for a 16 ms query."""
    if engine.dialect.name != "postgresql":
        return

    @event.listens_for(engine, "connect")
    def _settings(dbapi_connection: Any, connection_record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("SET jit = off")
        cursor.close()
        dbapi_connection.commit()  # psycopg opened a transaction for the SET


READ_ONLY = "casebook_read_only"
READING_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})  # requests that only read
_reading: ContextVar[bool] = ContextVar("casebook_reading", default=False)


def reading_engine(engine: Engine) -> Engine:
    """The same engine for sessions that only read, however long (rebuilding the search
    index, exporting): on SQLite they begin deferred, so writers are not kept waiting."""
    return engine.execution_options(**{READ_ONLY: True})


@contextmanager
def reading() -> Iterator[None]:
    """Transactions begun inside (in this thread) only read: on SQLite they begin deferred
    and never wait for a writer. Used for every GET request (see web.py)."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


View = TypeVar("View", bound=Callable[..., Any])
WRITES_ON_GET = "casebook_writes_on_get"


def writes_on_get(view: View) -> View:
    """Marks a view that changes the database even when read with GET (its transactions
    then take SQLite's write lock at once, like any other write)."""
    setattr(view, WRITES_ON_GET, True)
    return view


def is_busy(exc: BaseException) -> bool:
    """Whether a database error is SQLite's "database is locked" (SQLITE_BUSY and kin)."""
    orig = getattr(exc, "orig", exc)
    return getattr(orig, "sqlite_errorcode", 0) & 0xFF == 5  # SQLITE_BUSY


def commit_unless_busy(session: OrmSession) -> bool:
    """Commit bookkeeping made while reading (an API token's last use), or drop it when
    another writer holds SQLite's write lock: a read does not wait for a writer."""
    try:
        session.commit()
    except OperationalError as exc:
        if not is_busy(exc):
            raise
        session.rollback()
        return False
    return True
