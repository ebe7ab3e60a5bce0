"""A separate Casebook process for the topic tests: adds the same topics as its siblings, at
the same moment, the way several importers do."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app.extensions import db
from app.programs.operations import resolve_topics
from tests.conftest import make_app


def main() -> None:
    url, index_dir, start_file, *names = sys.argv[1:]
    app = make_app(url, Path(index_dir), CASEBOOK_SQLITE_BEGIN="immediate")
    with app.app_context():
        for _ in range(600):  # wait (at most a minute) for the siblings to be ready too
            if Path(start_file).exists():
                break
            time.sleep(0.1)
        topics = resolve_topics(names)
        # Keep the transaction open a moment, so the siblings' inserts meet this one's.
        time.sleep(0.5)
        db.session.commit()
        print(" ".join(str(t.id) for t in topics))
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    main()
