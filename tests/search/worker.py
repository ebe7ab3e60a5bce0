"""A separate Casebook process for the outbox tests: writes cases, crashes, or searches."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from sqlalchemy import select

from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.models import Program
from app.search import SearchRequest, search
from tests.conftest import make_app
from tests.support.builders import add_case


def main() -> None:
    url, index_dir, action, *rest = sys.argv[1:]
    app = make_app(url, Path(index_dir), CASEBOOK_SEARCH_APPLY="thread")
    indexer = app.extensions["casebook_search"]
    with app.app_context():
        program = db.session.scalar(select(Program).where(Program.slug == "hcv"))
        if action == "crash":
            # Commit, then die before the applier can index it.
            add_case(program, None, f"Crash survivor {rest[0]}")
            db.session.commit()
            os.kill(os.getpid(), signal.SIGKILL)
        elif action == "write":
            name, count = rest[0], int(rest[1])
            for i in range(count):
                add_case(program, None, f"Writer {name} case {i} {rest[2]}")
                db.session.commit()
            if not indexer.drain(120):
                sys.exit("not drained")
        elif action == "latency":
            add_case(program, None, f"Fresh case {rest[0]}")
            db.session.commit()
            # Wait on the applier's own signal that it is idle (the bound only ends a hung
            # run; a busy machine makes it slow, never wrong), then search once.
            if not indexer.drain(120):
                sys.exit("the applier never went idle")
            if search(SYSTEM, SearchRequest(q=rest[0])).total == 0:
                sys.exit("not found once the applier was idle")
        elif action == "killed-reindex":
            # A rebuild with two indexing processes, killed (SIGKILL) part-way through.
            import multiprocessing

            from app.search import bulk, documents, upkeep

            class SmallBatches(bulk.ChunkedMpWriter):
                def __init__(self, ix, procs, **kwargs):
                    kwargs["batchsize"] = 2  # start both processes after a few documents
                    super().__init__(ix, procs=procs, **kwargs)

            bulk.ChunkedMpWriter = SmallBatches
            real = documents.all_documents

            def dying(*args, **kwargs):
                for n, doc in enumerate(real(*args, **kwargs)):
                    if n == 12:
                        children = multiprocessing.active_children()
                        print(" ".join(str(p.pid) for p in children), flush=True)
                        os.kill(os.getpid(), signal.SIGKILL)
                    yield doc

            documents.all_documents = dying
            upkeep.reindex(procs=2)
        elif action == "paused-reindex":
            # A rebuild that stops part-way and says so, until the test kills it (SIGKILL).
            from app.search import documents, upkeep

            real = documents.all_documents

            def pausing(*args, **kwargs):
                for n, doc in enumerate(real(*args, **kwargs)):
                    if n == 12:
                        print("building", flush=True)
                        sys.stdin.read()  # never answered: the test kills this process
                    yield doc

            documents.all_documents = pausing
            upkeep.reindex(procs=1)
        elif action == "find":
            indexer.start()
            indexer.drain(60)
            print(search(SYSTEM, SearchRequest(q=rest[0])).total)
        db.session.remove()


if __name__ == "__main__":
    main()
