"""Instance upkeep shared by the CLI and the tests: schema and index upgrades."""

from __future__ import annotations

import random
from pathlib import Path
from time import sleep

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


def refresh_planner_statistics() -> bool:
    """On SQLite, ANALYZE: without statistics its planner takes any equality on an indexed
    column as selective, and lists cases through the index on withdrawn_at (NULL for
    nearly every case), reading and sorting every case, instead of walking the index on
    (updated_at, id) and stopping after a page. PostgreSQL's autovacuum keeps its own.

    ANALYZE writes its statistics, so it waits out another writer (the search applier, an
    import) busy past the timeout as an import's files do; False when the database stayed
    locked through every attempt: the statistics are then as before, nothing else is lost."""
    from sqlalchemy.exc import OperationalError

    from app.extensions import db

    if db.engine.dialect.name != "sqlite":
        return True
    for attempt in range(1, ANALYZE_ATTEMPTS + 1):
        try:
            with db.engine.begin() as connection:
                connection.exec_driver_sql("ANALYZE")
            return True
        except OperationalError:
            if attempt == ANALYZE_ATTEMPTS:
                return False
            sleep(random.uniform(0.05, 0.2) * attempt)  # noqa: S311 - spreading retries
    return False


ANALYZE_ATTEMPTS = 5
