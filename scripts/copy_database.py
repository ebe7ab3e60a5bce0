"""Copy a whole Casebook database into an empty one of another kind (a benchmark tool).

For benchmarks only: a generated hub is built once (scripts/generate_hub.py, on SQLite) and
copied row for row into PostgreSQL, so both databases hold the same rows with the same ids
and one search index folder serves both. Every table of the models is copied in
dependency order, ids kept; PostgreSQL's sequences are then set past the highest id and
ANALYZE is run. The supported ways to move an instance are `casebook export --hub` /
`casebook import` (between kinds) and `casebook backup` / `casebook restore` (same kind);
this script skips their checks, gate and audit trail, which a benchmark copy does not need.

    python scripts/copy_database.py --from sqlite:///hub/casebook.sqlite3 \\
        --to postgresql+psycopg://postgres@127.0.0.1:5432/hub

Both databases are first brought to the code's schema revision; the target must hold no
rows (a new database, or one just made by `casebook init`).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHUNK = 5_000
# Rows the migrations write into a new database (the groupings' state and marks).
SEEDED = {"grouping_states", "grouping_stale_audiences"}


def _app(url: str, index_dir: Path) -> Any:
    from app import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "CASEBOOK_INDEX_DIR": str(index_dir),
            "CASEBOOK_SEARCH_APPLY": "off",
            "CASEBOOK_GROUPS_REFRESH": "off",
            "SECRET_KEY": "copy-database",
        }
    )


def _migrate(app: Any) -> str:
    from flask_migrate import upgrade
    from sqlalchemy import text

    from app.extensions import db

    with app.app_context():
        upgrade()
        revision = db.session.scalar(text("SELECT version_num FROM alembic_version"))
        db.session.remove()
        return str(revision)


def copy(source_url: str, target_url: str, index_dir: Path, echo: Any = print) -> dict[str, int]:
    """Copy every table's rows; returns the rows copied per table."""
    import sqlalchemy as sa

    from app.extensions import db

    source_app, target_app = _app(source_url, index_dir), _app(target_url, index_dir)
    revisions = _migrate(source_app), _migrate(target_app)
    if revisions[0] != revisions[1]:
        raise SystemExit(f"Schema revisions differ after upgrading: {revisions}.")
    with source_app.app_context():
        source = db.engine
        tables = list(db.metadata.sorted_tables)
    with target_app.app_context():
        target = db.engine
    copied: dict[str, int] = {}
    with target.begin() as out:
        filled = [
            t.name
            for t in tables
            if t.name not in SEEDED and out.scalar(sa.select(sa.func.count()).select_from(t))
        ]
        if filled:
            raise SystemExit(f"The target database is not empty ({', '.join(filled[:5])}).")
        for table in tables:
            if table.name in SEEDED:
                out.execute(table.delete())  # the source's rows replace the migrations'
        postgresql = out.dialect.name == "postgresql"
        if postgresql:
            # Rows go in table by table; a row may name a later row of its own table
            # (a practice superseded by a newer one), so foreign keys are checked by
            # nothing during the copy: the rows are those of a consistent database.
            out.exec_driver_sql("SET LOCAL session_replication_role = replica")
        with source.connect() as read:
            for table in tables:
                started, n = time.perf_counter(), 0
                if postgresql and read.dialect.name == "sqlite":
                    n = _copy_rows(read, out, table)
                else:
                    order = list(table.primary_key.columns) or list(table.columns)[:1]
                    result = read.execution_options(yield_per=CHUNK).execute(
                        sa.select(table).order_by(*order)
                    )
                    for rows in result.mappings().partitions():
                        out.execute(table.insert(), [dict(r) for r in rows])
                        n += len(rows)
                copied[table.name] = n
                if n:
                    spent = time.perf_counter() - started
                    echo(f"  {table.name:<32} {n:>10,} rows  {spent:6.1f} s")
        if postgresql:
            for table in tables:
                column = table.columns.get("id")
                if column is None or not column.primary_key or not column.autoincrement:
                    continue
                highest = out.scalar(sa.select(sa.func.max(column)))
                out.execute(
                    sa.text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :n, :used)"),
                    {"table": table.name, "n": highest or 1, "used": highest is not None},
                )
    with target.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
    return copied


def _copy_rows(read: Any, out: Any, table: Any) -> int:
    """SQLite's stored values (text dates, 0/1, JSON text, enum names) straight into
    PostgreSQL's COPY, which parses each as its column's type: many times faster than
    INSERTs of values converted to Python and back."""
    names = [c.name for c in table.columns]
    quoted = ", ".join(f'"{name}"' for name in names)
    order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns) or f'"{names[0]}"'
    cursor = read.connection.driver_connection.cursor()
    cursor.execute(f'SELECT {quoted} FROM "{table.name}" ORDER BY {order}')  # noqa: S608
    n = 0
    target = out.connection.driver_connection.cursor()
    with target, target.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
        while rows := cursor.fetchmany(CHUNK):
            for row in rows:
                copy.write_row(row)
            n += len(rows)
    cursor.close()
    return n


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", required=True, help="SQLAlchemy URL to read")
    parser.add_argument("--to", dest="target", required=True, help="URL of an empty database")
    parser.add_argument(
        "--index-dir", type=Path, default=Path("search_index"), help="the hub's index folder"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    copied = copy(args.source, args.target, args.index_dir)
    print(
        f"Copied {sum(copied.values()):,} rows of {len(copied)} tables"
        f" in {time.perf_counter() - started:.0f} s."
    )


if __name__ == "__main__":
    main()
