"""A separate Casebook process for the concurrency tests (tests/test_concurrency.py).

Each runs the app as a server worker would (SQLite's own BEGIN IMMEDIATE mode, the search
applier thread) and prints one JSON line: what it did and how many requests failed.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

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
    elif action == "import":  # PATH…
        with app.app_context():
            results = import_paths(
                [Path(p) for p in rest],
                ImportOptions(create_programs=True, create_authors=True),
            )
            db.session.remove()
        report = {
            "files": len(results),
            "ok": sum(r.ok for r in results),
            "problems": [p for r in results for p in r.problems][:5],
        }
    indexer.drain(120)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
