"""Instance upkeep shared by the CLI and the tests: schema and index upgrades."""

from __future__ import annotations

from pathlib import Path

from flask import current_app
from flask_migrate import upgrade


def initialise() -> bool:
    """Upgrade the database to head and make sure the index folder exists.

    An index built by an older version is rebuilt here; returns True when that happened.
    """
    from app.search.upkeep import upgrade_index

    upgrade()
    refresh_planner_statistics()
    Path(current_app.config["CASEBOOK_INDEX_DIR"]).mkdir(parents=True, exist_ok=True)
    return upgrade_index() is not None


def refresh_planner_statistics() -> None:
    """On SQLite, ANALYZE: without statistics its planner takes any equality on an indexed
    column as selective, and lists cases through the index on withdrawn_at (NULL for
    nearly every case), reading and sorting every case, instead of walking the index on
    (updated_at, id) and stopping after a page. PostgreSQL's autovacuum keeps its own."""
    from app.extensions import db

    if db.engine.dialect.name == "sqlite":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
