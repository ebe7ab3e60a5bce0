"""The demo corpus, loaded once per test process and copied into each test that reads it.

Loading it (catalog, 54 case files through the gate, practices, the index) is the costliest
setup in the suite; a test that only reads the demo starts from a copy of the files one
load left. On PostgreSQL the first test of a process loads it and the others get its rows
back (tests/support/snapshot.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from flask import Flask

from app.demo import _credentials_file, prepare_demo
from app.extensions import db

DATABASE = "casebook.sqlite3"
INDEX = "index"
ACCOUNTS = "demo-accounts.json"


def build_snapshot(folder: Path, template: Path) -> Path:
    """The demo loaded into `folder`: its database file, index and account passwords."""
    from tests.conftest import make_app

    shutil.copyfile(template, folder / DATABASE)
    app = make_app(f"sqlite:///{folder / DATABASE}", folder / INDEX)
    with app.app_context():
        prepare_demo(echo=lambda _: None)
        db.session.remove()
        db.engine.dispose()
    return folder


def load_demo(app: Flask, snapshot: Path | None) -> dict[str, str]:
    """The demo in `app`'s database and index; returns the accounts' passwords."""
    database = db.engine.url.database
    if snapshot is None or db.engine.dialect.name != "sqlite" or not database:
        prepare_demo(echo=lambda _: None)
        return json.loads(_credentials_file().read_text(encoding="utf-8"))
    db.session.remove()
    db.engine.dispose()
    shutil.copyfile(snapshot / DATABASE, database)
    index = Path(app.config["CASEBOOK_INDEX_DIR"])
    shutil.rmtree(index, ignore_errors=True)
    shutil.copytree(snapshot / INDEX, index)
    shutil.copyfile(snapshot / ACCOUNTS, _credentials_file())
    return json.loads(_credentials_file().read_text(encoding="utf-8"))


def write_accounts(accounts: dict[str, str]) -> None:
    """The demo's sign-ins where `casebook demo` keeps them, for this test's app."""
    _credentials_file().write_text(json.dumps(accounts), encoding="utf-8")
