"""A separate Casebook process for the concurrency and crash tests (tests/test_concurrency.py,
tests/cases/test_import_crash.py), started through tests/support/children.py.

Each runs the app as a server worker would (SQLite's own BEGIN IMMEDIATE mode, the search
applier thread) and prints one JSON line: what it did and how many requests failed; or,
for "killed-import", runs `casebook import` and kills itself (SIGKILL) at a chosen point.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import Engine, event

from app.auth.policy import SYSTEM
from app.cases import transfer
from app.cases.transfer import ImportOptions, import_paths
from app.extensions import db
from tests.conftest import make_app


def main() -> None:
    url, index_dir, action, *rest = sys.argv[1:]
    app = make_app(
        url,
        Path(index_dir),
        TESTING=False,  # a failing request answers 500, as in production
        CASEBOOK_SQLITE_BEGIN="immediate",
        # A bound for a hang, not a speed check: these processes now start at the same
        # moment, and on a loaded machine one write waited out production's 30 s for the
        # others and answered 503 (as designed), which is not what these tests are about.
        CASEBOOK_SQLITE_BUSY_TIMEOUT_MS=600_000,
        CASEBOOK_SEARCH_APPLY="thread",
    )
    indexer = app.extensions["casebook_search"]
    report: dict[str, object] = {}
    if action == "post":  # TOKEN PATH COUNT BODY-JSON (with {n} for the request number)
        token, path, count, body = rest[0], rest[1], int(rest[2]), rest[3]
        client = app.test_client()
        statuses: dict[str, int] = {}
        slowest = 0.0
        for n in range(count):
            started = time.perf_counter()
            response = client.post(
                path,
                headers={"Authorization": f"Bearer {token}"},
                json=json.loads(body.replace("{n}", str(n))),
            )
            slowest = max(slowest, time.perf_counter() - started)
            statuses[str(response.status_code)] = statuses.get(str(response.status_code), 0) + 1
        report = {"statuses": statuses, "slowest": round(slowest, 2)}
    elif action == "killed-import":  # POINT PATH…
        _kill_import_at(rest[0])
        with app.app_context():
            result = app.test_cli_runner().invoke(args=["import", *rest[1:]])
        sys.exit(f"the import finished, not killed:\n{result.output}{result.exception!r}")
    elif action == "import":  # PATH…
        with app.app_context():
            results = import_paths(
                [Path(p) for p in rest],
                ImportOptions(create_programs=True, create_authors=True),
                actor=SYSTEM,
            )
            db.session.remove()
        report = {
            "files": len(results),
            "ok": sum(r.ok for r in results),
            "problems": [p for r in results for p in r.problems][:5],
        }
    indexer.drain(120)
    print(json.dumps(report))


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _kill_import_at(point: str) -> None:
    """Die (SIGKILL) once the import reaches `point`, counted in files:
    "after-first-file" (the first file committed, the second not begun), "mid-file" (the
    second file's first record written to the database, the next not yet) or "at-commit"
    (the second file's transaction about to be committed by the database)."""
    files_done = 0
    importer = threading.get_ident()  # not the search applier's thread, which commits too
    real_records, real_record = transfer._import_records, transfer._import_record

    def import_records(*args, **kwargs):
        nonlocal files_done
        result = real_records(*args, **kwargs)
        files_done += 1
        if point == "after-first-file" and files_done == 1:
            _die()
        return result

    written = 0

    def import_record(*args, **kwargs):
        nonlocal written
        if point == "mid-file" and files_done == 1:
            if written == 1:  # the first record is flushed: rows in the file's transaction
                _die()
            written += 1
        return real_record(*args, **kwargs)

    def committing(connection) -> None:
        if point == "at-commit" and files_done == 1 and threading.get_ident() == importer:
            _die()

    transfer._import_records = import_records  # type: ignore[assignment]
    transfer._import_record = import_record  # type: ignore[assignment]
    event.listen(Engine, "commit", committing)


if __name__ == "__main__":
    main()
