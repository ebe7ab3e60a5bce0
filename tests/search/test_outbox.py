"""The index is never out of date and never loses a change: outbox, crashes, concurrency."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from app.auth.policy import SYSTEM
from app.extensions import db
from app.search import SearchRequest, apply_pending, reindex, search, verify
from tests.conftest import sign_in
from tests.search.conftest import pending
from tests.support import children
from tests.support.builders import add_case
from tests.support.sqlite import another_writer_can_lock


def run_worker(app, *args: str, timeout: float = 180) -> children.Finished:
    """tests/search/worker.py in a process of its own, run to its end."""
    return children.run("tests.search.worker", *_where(app), *args, timeout=timeout)


def start_worker(app, *args: str) -> children.Child:
    """A worker left running; its standard input stays open, its output is read by line."""
    return children.Child("tests.search.worker", *_where(app), *args, talk=True)


def _where(app) -> tuple[str, str]:
    return app.config["SQLALCHEMY_DATABASE_URI"], app.config["CASEBOOK_INDEX_DIR"]


def test_a_change_is_written_to_the_outbox_in_its_own_transaction(program) -> None:
    case = add_case(program, None, "Outbox okapi")
    db.session.rollback()  # never committed: never indexed
    assert pending() == 0
    case = add_case(program, None, "Outbox okapi")
    db.session.commit()
    assert pending() == 1
    assert search(SYSTEM, SearchRequest(q="okapi")).hits[0].id == case.id
    assert pending() == 0


def test_edits_and_deletes_reach_the_index(program) -> None:
    case = add_case(program, None, "Capybara case")
    db.session.commit()
    assert search(SYSTEM, SearchRequest(q="capybara")).total == 1
    case.title = "Tapir case"
    db.session.commit()
    assert search(SYSTEM, SearchRequest(q="capybara")).total == 0
    assert search(SYSTEM, SearchRequest(q="tapir")).total == 1
    db.session.delete(case)
    db.session.commit()
    assert search(SYSTEM, SearchRequest(q="tapir")).total == 0


def test_killed_between_commit_and_indexing_the_next_start_catches_up(app, program) -> None:
    crashed = run_worker(app, "crash", "pangolin")
    assert crashed.returncode == -9, crashed.stderr
    db.session.expire_all()
    assert pending() == 1  # committed, not yet indexed
    restarted = run_worker(app, "find", "pangolin")
    assert restarted.returncode == 0, restarted.stderr
    assert restarted.stdout.strip() == "1"
    assert pending() == 0


def test_a_saved_case_becomes_findable_without_anyone_applying_the_index(app, program) -> None:
    # The worker saves, then only searches: the background applier must index the case.
    # How fast is a benchmark's question (scripts/bench_search.py), not a test's.
    result = run_worker(app, "latency", "numbat")
    assert result.returncode == 0, result.stderr  # exits 1 when the case is never found


def test_four_writer_processes_at_once_lose_nothing(app, program) -> None:
    per_writer = 12
    procs = [
        children.Child(
            "tests.search.worker", *_where(app), "write", f"w{n}", str(per_writer), "quagga"
        )
        for n in range(4)
    ]
    for proc in procs:
        ended = proc.finish(timeout=300)
        assert ended.returncode == 0, ended.stderr
        assert "LockError" not in ended.stderr
    db.session.expire_all()
    assert pending() == 0
    results = search(SYSTEM, SearchRequest(q="quagga", per_page=100))
    assert results.total == 4 * per_writer
    assert verify().ok


def test_reindex_while_searching(app, program) -> None:
    for i in range(150):
        add_case(program, None, f"Axolotl case {i}", question="Which regimen?")
    db.session.commit()
    assert search(SYSTEM, SearchRequest(q="axolotl")).total == 150
    before = app.extensions["casebook_search"]
    assert before is not None
    errors: list[BaseException] = []

    def rebuild() -> None:
        with app.app_context():
            try:
                reindex()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

    worker = threading.Thread(target=rebuild)
    worker.start()
    seen = []
    while worker.is_alive():
        seen.append(search(SYSTEM, SearchRequest(q="axolotl")).total)
    worker.join()
    assert not errors
    seen.append(search(SYSTEM, SearchRequest(q="axolotl")).total)
    assert seen and all(total == 150 for total in seen)


def test_changes_made_during_reindex_are_kept(app, program) -> None:
    add_case(program, None, "Before the rebuild")
    db.session.commit()
    apply_pending()
    from app.search import upkeep

    original = upkeep.synonym_table

    def slow_table(session):
        # A change commits while the new generation is being built.
        add_case(program, None, "Made during the rebuild narwhal")
        db.session.commit()
        return original(session)

    upkeep.synonym_table = slow_table
    try:
        reindex()
    finally:
        upkeep.synonym_table = original
    assert search(SYSTEM, SearchRequest(q="narwhal")).total == 1


def test_verify_reports_drift_and_repair_fixes_it(app, program) -> None:
    stale = add_case(program, None, "Original aardvark title")
    db.session.commit()
    apply_pending()
    assert verify().ok
    # Drift the database behind the index's back: a raw update and a lost outbox row.
    db.session.execute(
        text("UPDATE cases SET title = 'Renamed armadillo' WHERE id = :id"), {"id": stale.id}
    )
    missing = add_case(program, None, "Never indexed echidna")
    db.session.commit()
    db.session.execute(text("DELETE FROM search_outbox WHERE applied_at IS NULL"))
    db.session.commit()
    report = verify()
    assert not report.ok
    assert f"case:{stale.id}" in report.stale
    assert f"case:{missing.id}" in report.missing
    verify(repair=True)
    assert verify().ok
    assert search(SYSTEM, SearchRequest(q="armadillo")).total == 1
    assert search(SYSTEM, SearchRequest(q="echidna")).total == 1


def test_index_commands(app, program) -> None:
    add_case(program, None, "Command line kinkajou")
    db.session.commit()
    runner = app.test_cli_runner()
    applied = runner.invoke(args=["index", "apply"])
    assert applied.exit_code == 0 and "Applied 1" in applied.output
    rebuilt = runner.invoke(args=["reindex"])
    assert rebuilt.exit_code == 0, rebuilt.output
    checked = runner.invoke(args=["index", "verify"])
    assert checked.exit_code == 0 and "in step" in checked.output


def test_ordinary_writes_never_merge_the_segments_of_a_rebuild() -> None:
    from app.search.index import merge_small_segments

    class Seg:
        def __init__(self, n: int) -> None:
            self.n = n

        def doc_count_all(self) -> int:
            return self.n

    # What Whoosh's own policy would merge at 100,000 cases: nearly everything.
    segments = [Seg(8_000) for _ in range(24)] + [Seg(3_000), Seg(1)]
    assert merge_small_segments(object(), segments) == segments


def _age_the_index(app) -> str:
    """Make the live generation look built by an older Casebook (no FORMAT file)."""
    from app.search.index import FORMAT_FILE, index_at

    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    generation = idx.current_generation()
    (idx.root / generation / FORMAT_FILE).unlink()
    idx._formats.clear()
    return generation


def test_an_index_of_an_older_format_is_rebuilt_not_searched(app, program) -> None:
    from app.maintenance import initialise
    from app.search.index import index_at

    add_case(program, None, "Format quokka")
    db.session.commit()
    assert search(SYSTEM, SearchRequest(q="quokka")).total == 1
    old = _age_the_index(app)
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])

    # Neither searched (the page says the index is being built) nor written.
    assert idx.snapshot() is None
    assert verify().format_outdated and not verify().ok
    add_case(program, None, "Format wombat")
    db.session.commit()
    assert apply_pending() == 0 and pending() == 1
    runner = app.test_cli_runner()
    checked = runner.invoke(args=["index", "verify"])
    assert checked.exit_code == 1 and "older version" in checked.output

    # `casebook init` (run after an upgrade) rebuilds it, with what was waiting.
    assert initialise() is True
    assert idx.current_generation() != old and not idx.outdated()
    assert search(SYSTEM, SearchRequest(q="quokka")).total == 1
    assert search(SYSTEM, SearchRequest(q="wombat")).total == 1
    assert verify().ok
    assert initialise() is False  # nothing to do the second time


def test_the_first_search_rebuilds_an_outdated_index(app, program) -> None:
    add_case(program, None, "Format numbat")
    db.session.commit()
    apply_pending()
    _age_the_index(app)
    # Sync mode (tests) rebuilds before searching; the applier thread does it at start.
    results = search(SYSTEM, SearchRequest(q="numbat"))
    assert results.ready and results.total == 1


def test_the_searcher_is_warmed_ahead_of_the_first_search(app, program) -> None:
    from app.search.index import index_at
    from app.search.snapshots import warm

    add_case(program, None, "Warm kiwi")
    db.session.commit()
    apply_pending()
    warm()
    snap = index_at(app.config["CASEBOOK_INDEX_DIR"]).snapshot()
    assert "corpus" in snap.cache


def test_while_another_process_rebuilds_search_says_so(app, client, program, make_user) -> None:
    from app.auth.operations import create_token
    from app.search.index import index_at

    add_case(program, None, "Rebuilding dugong")
    db.session.commit()
    apply_pending()
    _age_the_index(app)
    user = make_user("provider")
    token = create_token(user, actor=SYSTEM)
    db.session.commit()
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    with idx.rebuild_lock() as mine:
        assert mine  # "another process" holds the rebuild
        response = client.get(
            "/api/v1/search?q=dugong", headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 503
        assert response.get_json()["error"] == "unavailable"
        assert "being built" in response.get_json()["message"]
        assert int(response.headers["Retry-After"]) > 0
        printed = app.test_cli_runner().invoke(args=["search", "dugong"])
        assert printed.exit_code == 1 and "being built" in printed.output
        sign_in(client, user)
        page = client.get("/search?q=dugong")
        assert page.status_code == 200 and b"being built" in page.data
    # Once the lock is free, the next search rebuilds (sync mode) and finds it.
    found = client.get("/api/v1/search?q=dugong", headers={"Authorization": f"Bearer {token}"})
    assert found.status_code == 200 and found.get_json()["total"] == 1


@pytest.mark.app_config(CASEBOOK_SQLITE_BEGIN="immediate")  # the app's own mode
def test_a_rebuild_takes_no_write_lock_on_sqlite(app, program, monkeypatch) -> None:
    """Rebuilding reads the whole database; writers (saving a case) must not wait on it."""
    from app.search import documents

    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write lock")
    add_case(program, None, "Lock-free lemur")
    db.session.commit()
    real = documents.all_documents
    probes = []

    def reading(session=None):
        yield from real(session=session)
        # The rebuild's read transaction is still open: another writer gets the lock at once.
        probes.append(another_writer_can_lock(db.engine.url.database))

    monkeypatch.setattr(documents, "all_documents", reading)
    reindex()
    assert probes == [True]
    assert search(SYSTEM, SearchRequest(q="lemur")).total == 1


@pytest.mark.app_config(CASEBOOK_SQLITE_BEGIN="immediate")  # the app's own mode
def test_applying_holds_no_write_lock_while_the_index_is_written(app, program, monkeypatch):
    """Whoosh's commit (a merge can take many seconds) runs with SQLite's write lock free."""
    from whoosh.writing import SegmentWriter

    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write lock")
    add_case(program, None, "Unhurried urial")
    db.session.commit()
    db.session.remove()  # the test's own session holds nothing either
    real = SegmentWriter.commit
    probes = []

    def committing(self, *args, **kwargs):
        probes.append(another_writer_can_lock(db.engine.url.database))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SegmentWriter, "commit", committing)
    assert apply_pending() >= 1
    assert probes and all(probes)
    assert search(SYSTEM, SearchRequest(q="urial")).total == 1


@pytest.mark.app_config(CASEBOOK_SQLITE_BEGIN="immediate")
def test_reindex_command_counts_without_holding_the_write_lock(app, program, monkeypatch):
    from app.search import upkeep

    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write lock")
    add_case(program, None, "Counted capybara")
    db.session.commit()
    db.session.remove()
    real = upkeep.reindex
    probes = []

    def rebuilding(*args, **kwargs):
        probes.append(another_writer_can_lock(db.engine.url.database))
        return real(*args, **kwargs)

    monkeypatch.setattr(upkeep, "reindex", rebuilding)
    result = app.test_cli_runner().invoke(args=["reindex"])
    assert result.exit_code == 0, result.output
    assert probes == [True]
