"""Many threads search one process's index at once, while cases are saved and indexed."""

from __future__ import annotations

import threading

import pytest

from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.extensions import db
from app.programs.operations import create_program
from app.search import SearchRequest, apply_pending, search, similar_cases
from tests.support.builders import add_case

THREADS = 8
ROUNDS = 3
WORDS = [
    "cirrhosis", "ascites", "varices", "genotype", "ribavirin", "sofosbuvir", "fibroscan",
    "platelets", "bilirubin", "albumin", "encephalopathy", "hepatoma", "biopsy", "ferritin",
    "steatosis", "alcohol", "methadone", "naloxone", "fentanyl", "buprenorphine",
]  # fmt: skip


def _outcome(q: str, case_id: int) -> tuple:
    results = search(SYSTEM, SearchRequest(q=q, per_page=100))
    similar = similar_cases(SYSTEM, case_id=case_id)
    return (
        results.total,
        sorted(hit.url for hit in results.hits),
        sorted(hit.url for hit in similar),
    )


@pytest.fixture
def applier_thread(app):
    """The app's search applier in thread mode, as in a server; stopped afterwards, or it
    would go on applying the next tests' changes (PostgreSQL: one database) elsewhere."""
    indexer = app.extensions["casebook_search"]
    indexer.mode = "thread"
    yield indexer
    indexer.stop()


def test_eight_threads_searching_while_cases_are_saved_get_what_one_thread_gets(
    app, applier_thread
) -> None:
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    cases = []
    for i in range(160):
        # Every word in about a seventh of the cases: postings long enough to be read from
        # the segment files, not inlined in the term index.
        words = [w for j, w in enumerate(WORDS) if (i + j) % 7 == 0]
        cases.append(
            add_case(
                program,
                None,
                f"Case {i}: {' '.join(words[:3])}",
                question=f"What about {' and '.join(words)}?",
                presentation="## History\n\n" + " ".join(words * 2),
            )
        )
    unrelated = [add_case(program, None, f"Unrelated quokka {i}") for i in range(10)]
    db.session.commit()
    case_ids = [case.id for case in cases[:THREADS]]
    unrelated_ids = [case.id for case in unrelated]
    indexer = applier_thread
    assert indexer.drain(120)
    apply_pending()
    expected = {(q, cid): _outcome(q, cid) for q in WORDS for cid in case_ids}
    assert all(total > 10 for total, _urls, _similar in expected.values())
    assert all(similar for _total, _urls, similar in expected.values())
    db.session.remove()

    failures: list[str] = []
    wrong: list[tuple] = []
    stop = threading.Event()

    def searcher(n: int) -> None:
        with app.app_context():
            for _round in range(ROUNDS):
                for q in WORDS:
                    try:
                        got = _outcome(q, case_ids[n])
                    except Exception as exc:  # noqa: BLE001 - counted for the assertion
                        failures.append(f"{type(exc).__name__}: {exc}"[:200])
                        continue
                    if got != expected[(q, case_ids[n])]:
                        wrong.append((q, case_ids[n], got, expected[(q, case_ids[n])]))
            db.session.remove()

    def writer() -> None:
        # Edits of unrelated cases, so the expected answers stay the same; each commit is
        # applied by the indexer thread and makes the searchers open a new snapshot.
        with app.app_context():
            for i in range(200):
                if stop.is_set():
                    break
                case = db.session.get(Case, unrelated_ids[i % len(unrelated_ids)])
                # The same number as before: a number is a word, and "3" would make an
                # unrelated case similar to "Case 3".
                case.title = f"Unrelated quokka {i % 10} edit {'abcdefg'[i % 7]}"
                db.session.commit()
            db.session.remove()

    threads = [threading.Thread(target=searcher, args=(n,)) for n in range(THREADS)]
    background = threading.Thread(target=writer)
    background.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    stop.set()
    background.join(timeout=120)
    searches = THREADS * ROUNDS * len(WORDS)
    assert failures == [], f"{len(failures)} of {searches} searches failed: {failures[:3]}"
    assert wrong == [], f"{len(wrong)} of {searches} searches answered differently: {wrong[:1]}"
    with app.app_context():
        assert indexer.drain(120)


def test_replaced_searchers_leave_no_open_files(app) -> None:
    import gc
    import os

    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()

    def open_files() -> int:
        gc.collect()
        return len(os.listdir("/proc/self/fd"))

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc")
    for i in range(3):
        add_case(program, None, f"Warm-up wombat {i}")
        db.session.commit()
        search(SYSTEM, SearchRequest(q="wombat"))
    before = open_files()
    for i in range(30):  # every save makes the next search open a new searcher
        add_case(program, None, f"Wombat {i}")
        db.session.commit()
        assert search(SYSTEM, SearchRequest(q="wombat")).total == i + 4
    assert open_files() <= before + 10
