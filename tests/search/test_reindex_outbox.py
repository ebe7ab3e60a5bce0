"""A rebuild replays only what it did not read: changes pending before it are marked
applied, changes committed while it ran are written into the new generation, and the
process that holds the apply lock keeps its priority."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from app.auth.policy import SYSTEM
from app.common import utcnow
from app.extensions import db, reading
from app.search import (
    SearchRequest,
    apply_pending,
    documents,
    search,
    snapshots,
    upkeep,
    verify,
)
from app.search.models import SearchOutbox
from app.search.outbox import id_runs, mark_runs_applied, retry_failed_now
from tests.search.conftest import pending
from tests.support.builders import add_case

BEGIN_MODES = [
    pytest.param("immediate", marks=pytest.mark.app_config(CASEBOOK_SQLITE_BEGIN="immediate")),
    pytest.param("deferred", marks=pytest.mark.app_config(CASEBOOK_SQLITE_BEGIN="deferred")),
]


@pytest.fixture
def written(monkeypatch):
    """Every key the rebuild's replay writes into the new generation."""
    keys: list[tuple[str, int]] = []
    real = upkeep.write_keys

    def recording(idx, generation, wanted, session):
        keys.extend(wanted)
        return real(idx, generation, wanted, session)

    monkeypatch.setattr(upkeep, "write_keys", recording)
    return keys


def found(q: str) -> int:
    with reading():  # the test's reads take no write lock in SQLite's immediate mode
        total = search(SYSTEM, SearchRequest(q=q)).total
    db.session.remove()
    return total


def during_build(monkeypatch, change) -> None:
    """Run `change()` (which commits) once, after the rebuild has read its first document."""
    real = documents.all_documents
    done: list[bool] = []

    def stream(session=None):
        for doc in real(session=session):
            yield doc
            if not done:
                done.append(True)
                change()

    monkeypatch.setattr(documents, "all_documents", stream)


def test_id_runs_and_marking_in_batches(app, program) -> None:
    assert id_runs([5, 1, 2, 3, 7, 8, 8]) == [(1, 3), (5, 5), (7, 8)]
    cases = [add_case(program, None, f"Run {i}") for i in range(7)]
    db.session.commit()
    ids = sorted(db.session.scalars(select(SearchOutbox.id)))
    assert len(ids) == 7
    skipped = ids[3]
    runs = id_runs(i for i in ids if i != skipped)
    statements: list[str] = []

    def counting(conn, cursor, statement, *args):
        if statement.startswith("UPDATE search_outbox"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", counting)
    try:
        with Session(db.engine) as writes:
            assert mark_runs_applied(writes, runs, batch=2) == 6
    finally:
        event.remove(db.engine, "before_cursor_execute", counting)
    assert len(statements) == 3  # six rows, two per transaction
    db.session.expire_all()
    left = db.session.scalars(select(SearchOutbox.id).where(SearchOutbox.applied_at.is_(None)))
    assert list(left) == [skipped]
    assert cases


@pytest.mark.parametrize("begin", BEGIN_MODES)
def test_changes_pending_before_the_rebuild_are_marked_not_replayed(
    app, program, written, begin
) -> None:
    cases = [add_case(program, None, f"Pending pangolin {i}") for i in range(5)]
    db.session.commit()
    db.session.remove()
    assert pending() == 5
    db.session.remove()
    report = upkeep.reindex()
    assert written == []  # nothing replayed: the build read them
    assert report.replayed == 0 and report.covered == 5
    assert pending() == 0
    assert found("pangolin") == len(cases)
    assert verify().ok


@pytest.mark.parametrize("begin", BEGIN_MODES)
def test_a_change_committed_during_the_build_is_replayed(
    app, program, written, monkeypatch, begin
) -> None:
    kept = add_case(program, None, "Original okapi")
    add_case(program, None, "Before the build")
    db.session.commit()
    kept_id, model = kept.id, type(kept)
    db.session.remove()
    made = []

    def change() -> None:
        made.append(add_case(program, None, "Made meanwhile narwhal").id)
        case = db.session.get(model, kept_id)
        case.title = "Renamed quokka"
        db.session.commit()
        db.session.remove()

    during_build(monkeypatch, change)
    report = upkeep.reindex()
    assert set(written) == {("case", made[0]), ("case", kept_id)}
    assert report.replayed == 2 and report.covered == 2
    assert pending() == 0
    assert found("narwhal") == 1
    assert found("quokka") == 1
    assert found("okapi") == 0
    assert verify().ok


def test_a_change_applied_to_the_old_generation_meanwhile_is_replayed(
    app, program, written, monkeypatch
) -> None:
    """Applied by another process while the build ran: in the live generation, not yet in
    the new one."""
    add_case(program, None, "Before the build")
    db.session.commit()
    apply_pending()
    made = []

    def change() -> None:
        made.append(add_case(program, None, "Applied meanwhile walrus").id)
        db.session.commit()
        assert apply_pending() == 1  # the web processes' applier, into the old generation
        db.session.remove()

    during_build(monkeypatch, change)
    upkeep.reindex()
    assert written == [("case", made[0])]
    assert found("walrus") == 1
    assert verify().ok


def test_a_change_whose_transaction_was_open_across_the_builds_first_read_is_replayed(
    app, program, written, monkeypatch
) -> None:
    """The outbox row (and its id) was written before the rebuild began, in a transaction
    still open; its commit came after the build's first read, so the build did not see
    it: it is replayed, not marked applied with what the build held."""
    db.session.remove()
    add_case(program, None, "Before the build")
    db.session.commit()
    db.session.remove()
    case = add_case(program, None, "Long transaction tapir")
    db.session.flush()  # the outbox row is inserted, its id taken; not committed
    made = [case.id]

    def change() -> None:
        db.session.commit()
        db.session.remove()

    during_build(monkeypatch, change)
    upkeep.reindex()
    assert ("case", made[0]) in written
    assert found("tapir") == 1
    assert pending() == 0


def test_a_change_that_failed_before_the_build_is_marked_applied(app, program, written):
    add_case(program, None, "Failing fossa")
    db.session.commit()
    db.session.execute(
        update(SearchOutbox).values(
            attempts=3, last_error="OSError: disk full", retry_at=utcnow() + timedelta(hours=1)
        )
    )
    db.session.commit()
    assert verify().failed == 1
    db.session.remove()
    upkeep.reindex()
    assert written == []
    assert pending() == 0
    assert found("fossa") == 1
    assert verify().ok


def test_a_change_that_fails_to_replay_is_left_for_the_applier(app, program, monkeypatch):
    add_case(program, None, "Before the build")
    db.session.commit()
    db.session.remove()
    made = []

    def change() -> None:
        made.append(add_case(program, None, "Poison potoo").id)
        made.append(add_case(program, None, "Healthy heron").id)
        db.session.commit()
        db.session.remove()

    during_build(monkeypatch, change)
    real = upkeep.write_keys

    def failing(idx, generation, keys, session):
        if ("case", made[0]) in keys:
            raise OSError("No space left on device")
        return real(idx, generation, keys, session)

    monkeypatch.setattr(upkeep, "write_keys", failing)
    report = upkeep.reindex()
    assert report.failed == 1 and report.replayed == 1
    row = db.session.execute(
        select(SearchOutbox).where(SearchOutbox.entity_id == made[0])
    ).scalar_one()
    assert row.applied_at is None and row.attempts == 1 and "OSError" in row.last_error
    assert pending() == 1
    monkeypatch.setattr(upkeep, "write_keys", real)
    retry_failed_now()
    apply_pending()
    assert found("potoo") == 1
    assert found("heron") == 1
    assert verify().ok


def test_the_process_holding_the_apply_lock_is_not_niced(app, program, monkeypatch) -> None:
    """The rebuild's own process later holds the apply lock the web workers wait for: only
    its indexing processes run below normal priority."""
    from app.search import bulk
    from app.search.index import SearchIndex

    add_case(program, None, "Prioritised puffin")
    db.session.commit()
    db.session.remove()
    niced: list[int] = []
    monkeypatch.setattr(os, "nice", lambda steps: niced.append(steps) or 0)
    tasks: list[int] = []
    real_task = bulk.ChunkedMpWriter._new_task

    def new_task(self):
        task = real_task(self)
        tasks.append(task.nice)
        return task

    monkeypatch.setattr(bulk.ChunkedMpWriter, "_new_task", new_task)
    real_lock = SearchIndex.apply_lock
    while_locked: list[list[int]] = []

    def apply_lock(self, blocking=True):
        while_locked.append(list(niced))
        return real_lock(self, blocking)

    monkeypatch.setattr(SearchIndex, "apply_lock", apply_lock)
    app.config["CASEBOOK_BATCH_NICE"] = 7
    monkeypatch.setattr(upkeep, "PARALLEL_MIN_DOCUMENTS", 0)
    result = app.test_cli_runner().invoke(args=["reindex"])
    assert result.exit_code == 0, result.output
    assert niced == [] and while_locked and all(seen == [] for seen in while_locked)
    assert tasks and all(nice == 7 for nice in tasks)  # the indexing processes lower theirs
    assert found("puffin") == 1


def test_a_rebuild_whose_marking_fails_stays_live(app, program, monkeypatch) -> None:
    """Marking comes after the swap: if it fails, the rows are applied once more."""
    from app.search import outbox

    add_case(program, None, "Unmarked urchin")
    db.session.commit()
    db.session.remove()

    def failing(*args, **kwargs):
        raise OSError("database is locked")

    monkeypatch.setattr(outbox, "mark_runs_applied", failing)
    upkeep.reindex()
    assert snapshots.search_index().state().ready
    assert pending() == 1
    monkeypatch.undo()
    assert found("urchin") == 1
    assert pending() == 0


def test_a_rebuild_whose_marking_fails_partway_reports_what_it_marked(
    app, program, monkeypatch
) -> None:
    """Batches committed before the failure stay marked and are counted as covered."""
    from app.search import outbox

    for i in range(5):
        add_case(program, None, f"Partly marked petrel {i}")
    db.session.commit()
    db.session.remove()
    real_runs, real_mark = outbox.mark_runs_applied, outbox.mark_applied
    committed: list[int] = []

    def small_batches(session, runs, **kwargs):
        return real_runs(session, runs, batch=2, **kwargs)

    def failing_after_one(session, where):
        if sum(committed):
            raise OSError("database is locked")
        committed.append(real_mark(session, where))
        return committed[-1]

    monkeypatch.setattr(outbox, "mark_runs_applied", small_batches)
    monkeypatch.setattr(outbox, "mark_applied", failing_after_one)
    report = upkeep.reindex()
    assert 0 < sum(committed) < 5
    assert report.covered == sum(committed)
    assert pending() == 5 - sum(committed)
