"""Backing up a Casebook instance, and restoring a backup into an empty one.

A backup is a folder:

    database.sqlite3   SQLite: a copy made with SQLite's online backup API, or
    database.pgdump    PostgreSQL: pg_dump's custom format
    manifest.json      written last: database kind, schema revision, rows per table, when,
                       the Casebook version, the search index generation, the file's SHA-256

It is written under a temporary name beside OUT (`.OUT.partial-…`) and renamed to OUT
only when complete, so a folder named OUT is always a whole backup; an interrupted one
has no manifest and `restore` refuses it.

The search index is not part of a backup: `restore` rebuilds it from the restored
database (an index copied separately could be older or newer than the database).

A backup taken before a purge still holds the purged text: `restore` re-applies every purge
the purge ledger (app/deid/ledger.py, outside the database) recorded, before the index is
rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import cast

from flask import current_app
from sqlalchemy import Connection, text
from sqlalchemy.engine import URL

from app.common import utcnow
from app.deid.purge import ReapplyReport, reapply_ledger
from app.errors import CasebookError
from app.extensions import db

MANIFEST = "manifest.json"
FORMAT = 1
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
INDEX_NOTE = "not included: restore rebuilds the search index from the database"
# Tables whose rows are not the instance's content.
_NOT_CONTENT = {"alembic_version"}

Progress = Callable[[int, int], None]  # (done, total)


class BackupError(CasebookError):
    """A backup or restore that cannot be done, with what to do about it."""


@dataclass
class Manifest:
    database: str  # "sqlite" | "postgresql"
    schema_revision: str
    created_at: str  # ISO 8601, UTC: when the snapshot began
    app_version: str
    counts: dict[str, int]
    index_generation: str | None
    file: str
    sha256: str
    format: int = FORMAT
    index: str = INDEX_NOTE

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    @property
    def taken_at(self) -> datetime:
        """When the backup was taken (UTC, naive as the database's times are), to the second."""
        return datetime.fromisoformat(self.created_at.removesuffix("Z"))


@dataclass
class RestoreReport:
    manifest: Manifest
    upgraded_to: str | None  # the schema revision migrated to, when the backup was older
    documents: int  # in the rebuilt search index
    index_generation: str
    problems: list[str] = field(default_factory=list)
    purges: ReapplyReport | None = None  # the ledger's purges, re-applied


# ---------------------------------------------------------------- backup


def backup(out: Path) -> Manifest:
    """Write a consistent backup of the instance's database to the new folder OUT.

    Safe while the app runs and writes: SQLite is copied from one read snapshot (the
    online backup API; with WAL, writers go on meanwhile), PostgreSQL is dumped from an
    exported snapshot in which the rows are also counted.
    """
    out = Path(out)
    if out.exists() or out.is_symlink():
        raise BackupError(f"{out} already exists; name a new folder for the backup.", field="OUT")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            f"Cannot make the folder {out.parent} ({exc.strerror}).", field="OUT"
        ) from None
    kind = _database_kind()
    # Stamped before the snapshot: the backup holds nothing written after this time.
    taken = utcnow().isoformat(timespec="seconds") + "Z"
    with _partial_folder(out) as partial:
        target = partial / DATABASE_FILES[kind]
        if kind == "sqlite":
            revision, counts = _backup_sqlite(_sqlite_path(), target)
        else:
            revision, counts = _backup_postgresql(target)
        manifest = Manifest(
            database=kind,
            schema_revision=revision,
            created_at=taken,
            app_version=app_version(),
            counts=counts,
            index_generation=_index_generation(),
            file=target.name,
            sha256=_sha256(target),
        )
        _fsync(target)
        _write_durably(partial / MANIFEST, json.dumps(asdict(manifest), indent=2) + "\n")
        os.rename(partial, out)
        _fsync_folder(out.parent)
    return manifest


@contextmanager
def _partial_folder(out: Path) -> Iterator[Path]:
    """A folder beside OUT that becomes OUT on success and is removed on failure."""
    partial = out.parent / f".{out.name}.partial-{secrets.token_hex(4)}"
    partial.mkdir()
    try:
        yield partial
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def _backup_sqlite(source_path: Path, target: Path) -> tuple[str, dict[str, int]]:
    if not source_path.is_file():
        raise BackupError(f"There is no SQLite database at {source_path}.")
    source = sqlite3.connect(source_path, timeout=30)
    try:
        copy = sqlite3.connect(target)
        try:
            # One step (pages=-1): the whole copy comes from a single read snapshot. Done in
            # steps, every write by another connection would restart it.
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # the backup is one self-contained file
            return _sqlite_revision(copy), _sqlite_counts(copy)
        finally:
            copy.close()
    finally:
        source.close()


def _backup_postgresql(target: Path) -> tuple[str, dict[str, int]]:
    pg_dump = _tool("pg_dump")
    with db.engine.connect() as conn:
        conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            # pg_dump reads the very snapshot the counts and the revision come from.
            snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
            revision = _revision(conn)
            counts = _counts(conn, _postgresql_tables(conn))
            _run(
                [
                    pg_dump,
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                    f"--dbname={_libpq_uri()}",
                ],
                "pg_dump",
            )
    return revision, counts


# ---------------------------------------------------------------- restore


def read_manifest(folder: Path) -> Manifest:
    """The manifest of the backup in `folder`, checked; a clear error for anything else."""
    folder = Path(folder)
    if not folder.exists():
        raise BackupError(f"There is no backup at {folder}.", field="IN")
    if not folder.is_dir():
        raise BackupError(
            f"{folder} is not a backup folder (made by `casebook backup`).", field="IN"
        )
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(
            f"{folder} has no {MANIFEST}: it is not a finished backup "
            "(an interrupted backup never gets one).",
            field="IN",
        )
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            raise BackupError(
                f"{path} is of backup format {raw.get('format')!r}; this Casebook reads {FORMAT}.",
                field="IN",
            )
        manifest = Manifest(**raw)
        if (
            manifest.database not in DATABASE_FILES
            or manifest.file != DATABASE_FILES[manifest.database]
        ):
            raise ValueError("unknown database kind or file")
        if not all(isinstance(n, int) and n >= 0 for n in manifest.counts.values()):
            raise ValueError("counts must be whole numbers")
        manifest.taken_at  # noqa: B018 - a malformed date is refused here, not mid-restore
    except BackupError:
        raise
    except (ValueError, TypeError, AttributeError) as exc:
        raise BackupError(f"{path} is not a valid backup manifest ({exc}).", field="IN") from None
    database_file = folder / manifest.file
    if not database_file.is_file():
        raise BackupError(f"{database_file} is missing from the backup.", field="IN")
    if _sha256(database_file) != manifest.sha256:
        raise BackupError(
            f"{database_file} is damaged: its checksum differs from the manifest's.", field="IN"
        )
    return manifest


def restore(source: Path, progress: Progress | None = None) -> RestoreReport:
    """Load the backup in `source` into this instance, whose database must be empty.

    The rows are counted against the manifest, a backup from an older schema is migrated,
    and the search index is rebuilt from the restored database and verified.
    """
    source = Path(source)
    manifest = read_manifest(source)
    kind = _database_kind()
    if manifest.database != kind:
        raise BackupError(
            f"{source} holds a {manifest.database} database and this instance uses {kind}; "
            "to move between the two, use `casebook export` and `casebook import`.",
            field="IN",
        )
    head = _check_revision(manifest, source)
    _require_empty_instance()
    if kind == "sqlite":
        _restore_sqlite(source / manifest.file, manifest)
    else:
        _restore_postgresql(source / manifest.file, manifest)
    upgraded_to = None
    if manifest.schema_revision != head:
        from flask_migrate import upgrade

        upgrade()
        upgraded_to = head
    # Before the index is rebuilt, so that it never holds the text again.
    purges = reapply_ledger()
    documents, generation, problems = _rebuild_index(progress)
    return RestoreReport(manifest, upgraded_to, documents, generation, problems, purges)


def _check_revision(manifest: Manifest, source: Path) -> str:
    from alembic.script import ScriptDirectory

    config = current_app.extensions["migrate"].migrate.get_config()
    script = ScriptDirectory.from_config(config)
    known = {revision.revision for revision in script.walk_revisions()}
    if manifest.schema_revision not in known:
        raise BackupError(
            f"{source} was made with a newer Casebook (schema revision "
            f"{manifest.schema_revision!r}, unknown to this version {app_version()}): "
            "upgrade Casebook, then restore.",
            field="IN",
        )
    return str(script.get_current_head())


# Rows a new instance writes by itself as soon as the app runs (`casebook init` included):
# the grouping refresher's lease and marks. Derived, and replaced whole by the restore.
_WRITTEN_BY_A_NEW_INSTANCE = frozenset({"grouping_states", "grouping_stale_audiences"})


def _require_empty_instance() -> None:
    with db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            tables = _sqlite_tables(cast(sqlite3.Connection, conn.connection.driver_connection))
        else:
            tables = _postgresql_tables(conn)
        filled = sorted(
            name
            for name, count in _counts(conn, tables).items()
            if count and name not in _WRITTEN_BY_A_NEW_INSTANCE
        )
    if filled:
        shown = ", ".join(filled[:5]) + (" …" if len(filled) > 5 else "")
        raise BackupError(
            f"The target database is not empty ({shown} have rows); restore only into an "
            "empty instance (a new database, or one just made by `casebook init`).",
            field="CASEBOOK_DATABASE_URL",
        )


def _restore_sqlite(database_file: Path, manifest: Manifest) -> None:
    target = _sqlite_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(f".{target.name}.restoring-{secrets.token_hex(4)}")
    try:
        try:
            source = sqlite3.connect(f"{database_file.resolve().as_uri()}?mode=ro", uri=True)
            copy = sqlite3.connect(staged)
            try:
                source.backup(copy)
                if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                    raise sqlite3.DatabaseError("integrity check failed")
                counts = _sqlite_counts(copy)
            finally:
                copy.close()
                source.close()
        except sqlite3.DatabaseError as exc:
            raise BackupError(
                f"{database_file} is not a readable SQLite database ({exc}).", field="IN"
            ) from None
        _compare_counts(manifest, counts)
        # The restored file replaces the empty one: nothing of the old may be read with it.
        db.engine.dispose()
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(staged, target)
        _fsync_folder(target.parent)
    finally:
        staged.unlink(missing_ok=True)


def _restore_postgresql(database_file: Path, manifest: Manifest) -> None:
    pg_restore = _tool("pg_restore")
    db.engine.dispose()
    _run(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--clean",  # the empty tables `casebook init` may have made
            "--if-exists",
            "--single-transaction",  # all or nothing
            "--exit-on-error",
            f"--dbname={_libpq_uri()}",
            str(database_file),
        ],
        "pg_restore",
    )
    with db.engine.connect() as conn:
        counts = _counts(conn, _postgresql_tables(conn))
    _compare_counts(manifest, counts)


def _compare_counts(manifest: Manifest, counts: dict[str, int]) -> None:
    if counts != manifest.counts:
        differ = sorted(
            f"{name}: {counts.get(name, 0)} restored, {manifest.counts.get(name, 0)} in the "
            "manifest"
            for name in set(counts) | set(manifest.counts)
            if counts.get(name, 0) != manifest.counts.get(name, 0)
        )
        raise BackupError(
            "The restored rows differ from the backup's manifest: " + "; ".join(differ[:5]),
            field="IN",
        )


def _rebuild_index(progress: Progress | None) -> tuple[int, str, list[str]]:
    from sqlalchemy.orm import Session as OrmSession

    from app.extensions import reading_engine
    from app.search.applier import apply_pending
    from app.search.documents import count_entities
    from app.search.outbox import retry_failed_now
    from app.search.upkeep import reindex
    from app.search.verification import verify

    Path(current_app.config["CASEBOOK_INDEX_DIR"]).mkdir(parents=True, exist_ok=True)
    with OrmSession(reading_engine(db.engine)) as reads:
        total = count_entities(reads)
    done = [0]

    def step(count: int) -> None:
        done[0] += count
        if progress is not None:
            progress(done[0], total)

    report = reindex(progress=step)
    # The rebuilt index holds everything the restored outbox rows describe; applying them
    # (failed ones too) leaves none to report as pending or failing.
    retry_failed_now()
    apply_pending()
    check = verify()
    problems = []
    if not check.ok:
        problems.append(
            check.index_problem
            or f"{len(check.missing) + len(check.stale) + len(check.extra)} documents differ, "
            f"{check.failed} changes failing"
        )
    return report.documents, report.generation, problems


# ---------------------------------------------------------------- helpers


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("casebook")
    except PackageNotFoundError:
        return "unknown"


def _database_kind() -> str:
    name = db.engine.dialect.name
    if name not in DATABASE_FILES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {name}.")
    return name


def _sqlite_path() -> Path:
    url = db.engine.url
    if not url.database or url.database == ":memory:" or url.query.get("mode") == "memory":
        raise BackupError("An in-memory SQLite database cannot be backed up or restored.")
    return Path(url.database).resolve()


def _libpq_uri() -> str:
    """The database URL as pg_dump reads it; the password goes by environment instead."""
    url: URL = db.engine.url
    return url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} was not found on PATH; install the PostgreSQL client tools (the same "
            "major version as the server or newer) to back up or restore PostgreSQL."
        )
    return found


def _run(command: list[str], name: str) -> None:
    env = dict(os.environ)
    password = db.engine.url.password
    if password:
        env["PGPASSWORD"] = str(password)
    # The tool's path comes from PATH and every argument from our settings: no shell.
    result = subprocess.run(  # noqa: S603
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(
            f"{name} failed (exit {result.returncode}): " + _told(result.stderr, name)
        )


def _told(stderr: str, name: str) -> str:
    """The tool's own last lines, the server's text in them without what it quotes: the
    server's DETAIL and CONTEXT lines, and the values its errors quote, can be row contents
    (`CONTEXT:  COPY cases, line 1, column title: "..."`)."""
    lines = [line for line in stderr.splitlines() if line.startswith(f"{name}:")][-3:]
    quiet = []
    for line in lines:
        tool, server, rest = line.partition("ERROR:")
        quiet.append(tool + server + _QUOTED.sub('"…"', rest))
    return " / ".join(quiet) or "see the server's log"


_QUOTED = re.compile(r'"[^"]*"?')


def _index_generation() -> str | None:
    from app.search.snapshots import search_index

    return search_index().state().generation


def _revision(conn: Connection) -> str:
    try:
        revisions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except Exception:
        revisions = []
    if len(revisions) != 1:
        raise BackupError("The database has no schema revision; run `casebook init` first.")
    return str(revisions[0])


def _sqlite_revision(conn: sqlite3.Connection) -> str:
    try:
        revisions = [r for (r,) in conn.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.DatabaseError:
        revisions = []
    if len(revisions) != 1:
        raise BackupError("The database has no schema revision; run `casebook init` first.")
    return str(revisions[0])


def _sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )
    return sorted(name for (name,) in rows if name not in _NOT_CONTENT)


def _sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        # Names from the database's own catalogue.
        name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]  # noqa: S608
        for name in _sqlite_tables(conn)
    }


def _postgresql_tables(conn: Connection) -> list[str]:
    rows = conn.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    ).scalars()
    return sorted(name for name in rows if name not in _NOT_CONTENT)


def _counts(conn: Connection, tables: list[str]) -> dict[str, int]:
    quote = conn.dialect.identifier_preparer.quote
    return {
        name: int(conn.execute(text(f"SELECT count(*) FROM {quote(name)}")).scalar_one())  # noqa: S608
        for name in tables
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_durably(path: Path, content: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(content)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(path: Path) -> None:
    _fsync(path)
