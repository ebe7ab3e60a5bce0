"""On its default SQLite database, concurrent writers wait for each other; none fails."""

from __future__ import annotations

import threading
from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import func, select

from app.cases.transfer import import_paths
from app.demo import CORPUS_DIR
from app.extensions import db
from app.programs.catalog import load_catalog
from app.programs.models import Topic
from app.programs.operations import create_topic
from tests.conftest import make_app


def _immediate_app(tmp_path: Path, **extra: object):
    app = make_app(
        f"sqlite:///{tmp_path / 'c.sqlite3'}",
        tmp_path / "index",
        CASEBOOK_SQLITE_BEGIN="immediate",
        **extra,
    )
    with app.app_context():
        upgrade()
    return app


def test_threads_that_read_then_write_never_fail(tmp_path):
    app = _immediate_app(tmp_path)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        with app.app_context():
            for i in range(15):
                try:
                    db.session.scalar(select(func.count(Topic.id)))  # read first …
                    create_topic(f"Topic {n}-{i}")  # … then write
                    db.session.commit()
                except BaseException as exc:  # noqa: BLE001 - collected for the assertion
                    errors.append(exc)
                    db.session.rollback()
            db.session.remove()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    with app.app_context():
        assert db.session.scalar(select(func.count(Topic.id))) == 60
        db.engine.dispose()


def test_import_alongside_the_search_indexer_thread(tmp_path):
    app = _immediate_app(tmp_path, CASEBOOK_SEARCH_APPLY="thread", TESTING=False)
    with app.app_context():
        load_catalog(CORPUS_DIR / "catalog.yaml")
        results = import_paths([CORPUS_DIR / "hcv"])
        assert all(r.ok for r in results), [r.problems for r in results]
        assert sum(r.created for r in results) >= 10
        db.engine.dispose()
