"""Instance upkeep shared by the CLI and the tests: schema upgrades."""

from __future__ import annotations

from pathlib import Path

from flask import current_app
from flask_migrate import upgrade


def initialise() -> None:
    """Upgrade the database to head and make sure the index folder exists."""
    upgrade()
    Path(current_app.config["CASEBOOK_INDEX_DIR"]).mkdir(parents=True, exist_ok=True)
