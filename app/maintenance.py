"""Instance upkeep shared by the CLI and the tests: schema and index upgrades."""

from __future__ import annotations

from pathlib import Path

from flask import current_app
from flask_migrate import upgrade


def initialise() -> bool:
    """Upgrade the database to head and make sure the index folder exists.

    An index built by an older version is rebuilt here; returns True when that happened.
    """
    from app.search.operations import upgrade_index

    upgrade()
    Path(current_app.config["CASEBOOK_INDEX_DIR"]).mkdir(parents=True, exist_ok=True)
    return upgrade_index() is not None
