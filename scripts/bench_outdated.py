"""CPU and SQL statements of the outdated-advice matching: the stem lookup against reading
every recommendation on the practice's topics, on the configured database (a copy: the
status changes are rolled back, nothing is committed).

    CASEBOOK_DATABASE_URL=sqlite:///copy.db python scripts/bench_outdated.py

For the practices with the most recommendations on their topics: `_matching` as stored, the
same practice restated as one of those recommendations' advice (so that something matches),
and `change_status` to retired with each matcher. Both matchers must give the same answer.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, func, select

from app import create_app
from app.auth.policy import SYSTEM
from app.extensions import db
from app.outdated import operations as ops
from app.practices.claim_terms import candidate_ids, needed
from app.practices.conflicts import claims, practice_text
from app.practices.groups import topic_analyzer
from app.practices.models import BestPractice, PracticeStatus
from app.practices.operations import change_status
from app.recommendations.models import Recommendation

statements = [0]


def timed(fn: Callable[[], Any]) -> tuple[Any, float, int]:
    statements[0] = 0
    start = time.process_time()
    out = fn()
    return out, time.process_time() - start, statements[0]


def candidates(practice: BestPractice) -> int | None:
    analyzer = topic_analyzer()
    wanted = needed(
        claims(practice_text(practice.title, practice.statement), analyzer), analyzer.table
    )
    eligible = ops._on_topics(practice)
    if wanted is None or eligible is None:
        return None
    return len(candidate_ids(eligible, wanted))


def compare(practice: BestPractice, label: str, size: int) -> None:
    full, t_full, q_full = timed(lambda: ops._matching_by_reading_all(practice))
    found, t_new, q_new = timed(lambda: ops._matching(practice))
    assert [r.id for r in full] == [r.id for r in found], practice.id
    print(
        f"| {practice.id}{label} | {size} | {candidates(practice)} | {len(found)} "
        f"| {t_full * 1000:.0f} ms ({q_full}) | {t_new * 1000:.0f} ms ({q_new}) |"
    )


def main() -> None:
    app = create_app()
    with app.app_context():

        @event.listens_for(db.engine, "before_cursor_execute")
        def _count(*_args: Any) -> None:
            statements[0] += 1

        topic_analyzer()  # built once, as a running instance has it
        sizes = {}
        for practice in db.session.scalars(select(BestPractice)):
            eligible = ops._on_topics(practice)
            if eligible is not None:
                sizes[practice.id] = db.session.scalar(
                    select(func.count()).select_from(eligible.subquery())
                )
        ranked = sorted(sizes, key=lambda i: -sizes[i])
        print("| practice | on its topics | candidates | matches | full reading | lookup |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for pid in ranked[:5]:
            compare(db.session.get_one(BestPractice, pid), "", sizes[pid])
        rng = random.Random(1)
        analyzer = topic_analyzer()
        for pid in ranked[:6]:
            practice = db.session.get_one(BestPractice, pid)
            ids = list(db.session.scalars(ops._on_topics(practice)))  # type: ignore[arg-type]
            body = ""
            for _ in range(50):
                body = db.session.get_one(Recommendation, rng.choice(ids)).body
                if claims(body, analyzer):
                    break
            practice.title, practice.statement = body.split("\n")[0][:300], body
            compare(practice, " restated", sizes[pid])
            db.session.rollback()
        print("\n| practice | on its topics | change_status, full reading | with the lookup |")
        print("| --- | ---: | ---: | ---: |")
        current = (PracticeStatus.EMERGING, PracticeStatus.ESTABLISHED)
        shown = 0
        for pid in ranked:
            if shown == 4 or db.session.get_one(BestPractice, pid).status not in current:
                continue
            shown += 1
            cells = []
            for matcher in (ops._matching_by_reading_all, ops._matching):
                real, ops._matching = ops._matching, matcher  # type: ignore[assignment]
                practice = db.session.get_one(BestPractice, pid)
                _, cpu, n = timed(
                    lambda p=practice: change_status(
                        p, "retired", reason="Benchmark.", editor=None, actor=SYSTEM
                    )
                )
                ops._matching = real  # type: ignore[assignment]
                cells.append(f"{cpu * 1000:.0f} ms ({n})")
                db.session.rollback()
            print(f"| {pid} | {sizes[pid]} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
