"""Index upkeep that tells the truth: missing or foreign folders, failed changes retried,
rebuilds that leave neither processes nor partial folders behind."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import time
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select, update

from app.auth.policy import SYSTEM
from app.common import utcnow
from app.extensions import db
from app.programs.operations import create_program
from app.search import SearchRequest, applier, apply_pending, reindex, search, upkeep, verify
from app.search import outbox as outbox_module
from app.search.index import index_at
from app.search.models import SearchOutbox
from tests.search.test_outbox import pending, run_worker, start_worker
from tests.search.test_reindex_outbox import during_build
from tests.support.builders import add_case


@pytest.fixture
def program(app):
    found = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    apply_pending()  # a fresh install: an empty index
    return found


def _index(app):
    return index_at(app.config["CASEBOOK_INDEX_DIR"])


def _token(make_user) -> str:
    from app.auth.operations import create_token

    token = create_token(make_user("provider"), actor=SYSTEM)
    db.session.commit()
    return token


def _make_due() -> None:
    db.session.execute(update(SearchOutbox).values(retry_at=utcnow() - timedelta(seconds=1)))
    db.session.commit()


# ---------------------------------------------------------------- missing or foreign folder


def test_a_deleted_index_folder_is_rebuilt_never_searched_empty(
    app, client, program, make_user, caplog
) -> None:
    add_case(program, None, "Missing marmot")
    db.session.commit()
    apply_pending()
    idx = _index(app)
    shutil.rmtree(idx.root)
    assert idx.state().status == "missing"

    checked = app.test_cli_runner().invoke(args=["index", "verify"])
    assert checked.exit_code == 1, checked.output
    assert "Search index missing: there is no index folder" in checked.output
    token = _token(make_user)
    with idx.rebuild_lock():  # another process is rebuilding it
        # Not recreated empty meanwhile (which answers "nothing found" to everything).
        assert apply_pending() == 0
        assert idx.state().status == "missing"
        response = client.get(
            "/api/v1/search?q=marmot", headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 503
        assert "being built" in response.get_json()["message"]

    # The next search (sync mode; the applier thread does it at start) rebuilds it, saying so.
    with caplog.at_level(logging.WARNING, logger="app.search.upkeep"):
        assert search(SYSTEM, SearchRequest(q="marmot")).total == 1
    assert "holds no search index" in caplog.text and "rebuilding" in caplog.text
    assert verify().ok


def test_verify_repair_rebuilds_a_missing_index(app, program) -> None:
    add_case(program, None, "Repaired ratel")
    db.session.commit()
    apply_pending()
    shutil.rmtree(_index(app).root)
    runner = app.test_cli_runner()
    repaired = runner.invoke(args=["index", "verify", "--repair"])
    assert repaired.exit_code == 0, repaired.output
    assert "Repaired: the index is in step" in repaired.output
    assert runner.invoke(args=["index", "verify"]).exit_code == 0
    assert search(SYSTEM, SearchRequest(q="ratel")).total == 1


def test_current_naming_a_vanished_generation_counts_as_missing(app, program) -> None:
    add_case(program, None, "Vanished vole")
    db.session.commit()
    apply_pending()
    idx = _index(app)
    shutil.rmtree(idx.root / idx.current_generation())
    state = idx.state()
    assert state.status == "missing" and "which is not there" in state.problem
    assert verify(repair=True).index_status == "missing"
    assert verify().ok and search(SYSTEM, SearchRequest(q="vole")).total == 1


def test_a_fresh_clones_index_folder_with_its_placeholder_is_built(app, program) -> None:
    """The repository ships `search_index/.gitkeep`: a folder holding only that is an index
    not built yet, never someone else's files."""
    add_case(program, None, "Placeholder pangolin")
    db.session.commit()
    idx = _index(app)
    shutil.rmtree(idx.root, ignore_errors=True)
    idx.root.mkdir()
    (idx.root / ".gitkeep").touch()
    assert idx.state().status == "missing"
    assert search(SYSTEM, SearchRequest(q="pangolin")).total == 1
    assert (idx.root / ".gitkeep").exists()


def test_a_foreign_folder_is_reported_and_left_alone_until_repair(
    app, client, program, make_user, caplog
) -> None:
    add_case(program, None, "Foreign fossa")
    db.session.commit()
    apply_pending()
    idx = _index(app)
    shutil.rmtree(idx.root)
    idx.root.mkdir()
    (idx.root / "notes.txt").write_text("someone else's files")
    token = _token(make_user)

    with caplog.at_level(logging.ERROR, logger="app.search.upkeep"):
        response = client.get(
            "/api/v1/search?q=fossa", headers={"Authorization": f"Bearer {token}"}
        )
        client.get("/api/v1/search?q=fossa", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 503
    assert "needs repair" in response.get_json()["message"]
    assert (
        caplog.text.count("not a Casebook search index (notes.txt)") == 1
    )  # once, not per request
    assert apply_pending() == 0
    assert sorted(p.name for p in idx.root.iterdir()) == ["notes.txt"]  # nothing written

    runner = app.test_cli_runner()
    checked = runner.invoke(args=["index", "verify"])
    assert checked.exit_code == 1 and "Search index foreign" in checked.output
    repaired = runner.invoke(args=["index", "verify", "--repair"])
    assert repaired.exit_code == 0, repaired.output
    assert (idx.root / "notes.txt").exists()  # built beside, nothing of theirs deleted
    assert search(SYSTEM, SearchRequest(q="fossa")).total == 1


def test_an_index_path_that_is_a_file_is_reported_not_a_crash(app, program) -> None:
    idx = _index(app)
    shutil.rmtree(idx.root)
    idx.root.write_text("not a folder")
    runner = app.test_cli_runner()
    checked = runner.invoke(args=["index", "verify"])
    assert checked.exit_code == 1 and "is not a folder" in checked.output
    repaired = runner.invoke(args=["index", "verify", "--repair"])
    assert repaired.exit_code == 1 and "set CASEBOOK_INDEX_DIR" in repaired.output
    assert repaired.exception is None or isinstance(repaired.exception, SystemExit)


def test_verify_of_an_empty_index_does_not_crash(app, program) -> None:
    # The empty generation a fresh install starts with has no segment columns to read.
    report = verify()
    assert report.ok and report.documents_in_index == 0
    add_case(program, None, "Unseen uakari")
    db.session.commit()
    db.session.execute(SearchOutbox.__table__.delete())
    db.session.commit()
    report = verify()
    assert not report.ok and report.missing == [report.missing[0]]


# ---------------------------------------------------------------- failed changes


def _full_disk(monkeypatch, failing: dict, poison: set | None = None) -> None:
    real = applier.write_keys

    def write_keys(idx, generation, keys, session):
        if failing["on"] and (poison is None or poison & set(keys)):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(idx, generation, keys, session)

    monkeypatch.setattr(applier, "write_keys", write_keys)


def test_a_change_that_failed_many_times_reaches_the_index_once_the_disk_is_free(
    app, program, monkeypatch
) -> None:
    failing = {"on": True}
    _full_disk(monkeypatch, failing)
    add_case(program, None, "Retried ringtail")
    db.session.commit()
    # The outbox's clock stands still within each round: the first back-off is 2 s, which a
    # loaded machine can spend between the failure and the checks below.
    clock = {"now": utcnow()}
    monkeypatch.setattr(outbox_module, "utcnow", lambda: clock["now"])
    for attempt in range(1, 12):  # more than the 8 after which it used to be dropped
        clock["now"] = utcnow()
        with pytest.raises(OSError):
            apply_pending()
        db.session.expire_all()
        row = db.session.scalar(select(SearchOutbox))
        assert row.attempts == attempt
        assert row.last_error == "OSError (errno 28 ENOSPC)"
        wait = (row.retry_at - clock["now"]).total_seconds()
        assert 0 < wait <= outbox_module.retry_delay(attempt) <= 600
        assert apply_pending() == 0  # not due yet: not tried again
        _make_due()
    report = verify()
    assert not report.ok and report.failed == 1
    assert report.failures == [("OSError (errno 28 ENOSPC)", 1)]

    failing["on"] = False
    _make_due()
    clock["now"] = utcnow()
    assert apply_pending() == 1 and pending() == 0
    assert search(SYSTEM, SearchRequest(q="ringtail")).total == 1
    assert verify().ok


def test_back_off_doubles_up_to_ten_minutes() -> None:
    delays = [outbox_module.retry_delay(n) for n in range(1, 15)]
    assert delays[:4] == [2, 4, 8, 16]
    assert max(delays) == 600 and delays[-1] == 600


def test_one_change_that_always_fails_ends_up_alone_and_blocks_nothing(
    app, program, monkeypatch
) -> None:
    monkeypatch.setattr(outbox_module, "BATCH", 8)
    poisoned = add_case(program, None, "Poisoned potoroo")
    db.session.commit()
    healthy = [add_case(program, None, f"Healthy hyrax {i}") for i in range(3)]
    db.session.commit()
    _full_disk(monkeypatch, {"on": True}, poison={("case", poisoned.id)})
    for _ in range(6):
        _make_due()
        with contextlib.suppress(OSError):
            apply_pending()
    assert search(SYSTEM, SearchRequest(q="hyrax")).total == len(healthy)
    db.session.expire_all()
    assert pending() == 1
    assert verify().failed == 1


def test_verify_repair_retries_failed_changes_at_once(app, program, monkeypatch) -> None:
    failing = {"on": True}
    _full_disk(monkeypatch, failing)
    add_case(program, None, "Waiting wallaroo")
    db.session.commit()
    with pytest.raises(OSError):
        apply_pending()
    failing["on"] = False  # the disk is free; the row is not due for a while
    result = app.test_cli_runner().invoke(args=["index", "verify", "--repair"])
    assert result.exit_code == 0, result.output
    assert "1 × OSError (errno 28 ENOSPC)" in result.output
    assert pending() == 0


# ---------------------------------------------------------------- rebuilds


def _stopped(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in status  # exited, waiting for its new parent to reap it


def test_a_killed_rebuild_leaves_no_process_and_its_folder_goes_at_the_next(app, program) -> None:
    if not Path("/proc").is_dir():
        pytest.skip("reads /proc")
    for i in range(20):
        add_case(program, None, f"Rebuild quoll {i}")
    db.session.commit()
    apply_pending()
    live = _index(app).current_generation()
    killed = run_worker(app, "killed-reindex")
    assert killed.returncode == -9, killed.stderr
    children = [int(p) for p in killed.stdout.split()]
    assert len(children) == 2
    deadline = time.monotonic() + 120  # reached only if they never stop
    while not all(_stopped(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert all(_stopped(pid) for pid in children)

    idx = _index(app)
    assert idx.current_generation() == live
    partial = idx.partial_generations()
    assert len(partial) == 1 and partial[0][1] > 0
    report = verify()
    assert not report.ok and report.partial == partial
    checked = app.test_cli_runner().invoke(args=["index", "verify"])
    assert "Partial generation g-" in checked.output and checked.exit_code == 1

    reindex(procs=1)
    assert idx.partial_generations() == []
    assert not (idx.root / partial[0][0]).exists()
    assert verify().ok


@pytest.mark.parametrize("tidied_by", ["the next start", "verify --repair"])
def test_search_answers_through_a_killed_rebuild_and_what_it_left_is_tidied(
    app, program, tidied_by
) -> None:
    for i in range(20):
        add_case(program, None, f"Rebuild numbat {i}")
    db.session.commit()
    apply_pending()
    idx = _index(app)
    live = idx.current_generation()

    rebuild = start_worker(app, "paused-reindex")
    try:
        assert rebuild.readline().strip() == "building", rebuild.errors_so_far()
        [building] = [p.name for p in idx.root.glob("g-*") if p.name != live]
        # Another process starts meanwhile: it searches the live generation and leaves the
        # one being built alone.
        found = run_worker(app, "find", "numbat")
        assert found.returncode == 0, found.stderr
        assert found.stdout.split()[-1] == "20"
        assert (idx.root / building).is_dir() and idx.partial_generations() == []
    finally:
        rebuild.kill()  # SIGKILL, part-way through the build
        ended = rebuild.finish(timeout=60)
    assert ended.returncode == -signal.SIGKILL
    assert idx.current_generation() == live
    assert [name for name, _size in idx.partial_generations()] == [building]

    # The next start (or a repair) removes the dead build, and search still answers.
    if tidied_by == "verify --repair":
        repaired = app.test_cli_runner().invoke(args=["index", "verify", "--repair"])
        assert repaired.exit_code == 0, repaired.output
        assert idx.partial_generations() == []
    restarted = run_worker(app, "find", "numbat")
    assert restarted.returncode == 0, restarted.stderr
    assert restarted.stdout.split()[-1] == "20"
    assert sorted(p.name for p in idx.root.glob("g-*")) == [live]
    assert verify().ok

    # No lock outlives the killed process: changes are applied, and a rebuild finishes.
    with idx.apply_lock(blocking=False) as free:
        assert free
    add_case(program, None, "Rebuild numbat after the crash")
    db.session.commit()
    apply_pending()
    assert pending() == 0
    assert search(SYSTEM, SearchRequest(q="numbat")).total == 21
    reindex(procs=1)
    assert idx.current_generation() != live
    assert idx.partial_generations() == []
    assert verify().ok
    assert search(SYSTEM, SearchRequest(q="numbat")).total == 21


def test_a_failed_rebuild_stops_its_processes_and_removes_its_folder(
    app, program, monkeypatch
) -> None:
    from app.search import bulk, documents

    for i in range(20):
        add_case(program, None, f"Failing fennec {i}")
    db.session.commit()
    apply_pending()
    idx = _index(app)
    before = sorted(p.name for p in idx.root.iterdir())

    class SmallBatches(bulk.ChunkedMpWriter):
        def __init__(self, ix, procs, **kwargs):
            kwargs["batchsize"] = 2
            super().__init__(ix, procs=procs, **kwargs)

    monkeypatch.setattr(bulk, "ChunkedMpWriter", SmallBatches)
    real = documents.all_documents

    def disk_full(*args, **kwargs):
        for n, doc in enumerate(real(*args, **kwargs)):
            if n == 12:
                raise OSError(errno.ENOSPC, "No space left on device")
            yield doc

    monkeypatch.setattr(documents, "all_documents", disk_full)
    with pytest.raises(OSError):
        reindex(procs=2)
    assert multiprocessing.active_children() == []
    assert sorted(p.name for p in idx.root.iterdir()) == before
    monkeypatch.undo()
    assert verify().ok


@pytest.mark.parametrize("meanwhile", ["an empty index is created", "another rebuild swaps"])
def test_a_rebuild_finishes_when_another_generation_is_swapped_in_meanwhile(
    app, program, monkeypatch, meanwhile
) -> None:
    """An import rebuilding a missing index while a server's applier, which found the
    database empty a moment before, creates an empty one (or `casebook reindex` runs during
    a rebuild): the other's swap leaves the generation being built alone."""
    add_case(program, None, "Swapped serval")
    db.session.commit()
    apply_pending()
    idx = _index(app)
    shutil.rmtree(idx.root)
    swapped: list[str | None] = []

    def swap_another() -> None:
        if meanwhile == "an empty index is created":
            idx.ensure(upkeep.synonym_table)
        else:
            reindex(procs=1)
        swapped.append(idx.current_generation())

    during_build(monkeypatch, swap_another)
    report = upkeep.upgrade_index()
    assert report is not None and report.documents == 1
    assert swapped and swapped[0] not in (None, report.generation)
    assert idx.current_generation() == report.generation
    assert idx.partial_generations() == []
    assert search(SYSTEM, SearchRequest(q="serval")).total == 1
    assert verify().ok


def test_a_rebuild_starting_while_another_process_tidies_dead_builds_finishes(
    app, program, monkeypatch
) -> None:
    """A process starting up removes the folders of dead builds: a build whose folder it
    finds before the builder has locked the folder's marker must not be taken for dead."""
    from app.search import index as index_module

    add_case(program, None, "Tidied tarsier")
    db.session.commit()
    apply_pending()
    idx = _index(app)
    real = index_module.fcntl.flock
    tidied: list[list] = []

    def tidy_first(fd: int, flags: int) -> None:
        if not tidied and flags == fcntl.LOCK_EX:  # the builder locking its new marker
            tidied.append([])
            tidied[0] = idx.remove_partial_generations()  # another process's start
        real(fd, flags)

    monkeypatch.setattr(
        index_module,
        "fcntl",
        SimpleNamespace(
            flock=tidy_first, **{k: getattr(fcntl, k) for k in ("LOCK_EX", "LOCK_NB", "LOCK_UN")}
        ),
    )
    report = reindex(procs=1)
    assert tidied == [[]]
    assert idx.current_generation() == report.generation
    assert search(SYSTEM, SearchRequest(q="tarsier")).total == 1
    assert verify().ok


def test_a_build_killed_before_its_folder_was_renamed_is_tidied(app, program) -> None:
    """A build killed in the instant its folder still has its hidden name leaves that
    folder: the next start removes it once it is clearly not in the making (a fresh one may
    be a build whose marker is about to be locked, and is left)."""
    idx = _index(app)
    dead = idx.root / ".g-20260101000000-4242-1.tmp"
    dead.mkdir()
    (dead / "BUILDING").touch()
    os.utime(dead, (1_700_000_000, 1_700_000_000))
    fresh = idx.root / ".g-20260101000001-4243-2.tmp"
    fresh.mkdir()
    assert [name for name, _size in idx.partial_generations()] == [dead.name]
    assert [name for name, _size in idx.remove_partial_generations()] == [dead.name]
    assert not dead.exists()
    assert fresh.exists()
    assert verify().ok


def test_looking_for_dead_builds_never_marks_a_finished_generation(
    app, program, monkeypatch
) -> None:
    """A build's marker is removed as it finishes: one looked for at that moment is not
    created again (the live generation would be reported partial ever after)."""
    idx = _index(app)
    live = idx.current_generation()
    real_exists = Path.exists

    def just_removed(path: Path, *args, **kwargs) -> bool:  # seen, then gone before opened
        return path.name == "BUILDING" or real_exists(path, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", just_removed)
    assert idx.partial_generations() == []
    monkeypatch.undo()
    assert not (idx.root / live / "BUILDING").exists()
    assert verify().ok


def test_a_child_stops_when_its_parent_is_gone() -> None:
    """The portable fallback (no prctl): the child sees it was re-parented and exits."""
    from app.search.bulk import stop_with_parent

    read_fd, write_fd = os.pipe()
    middle = os.fork()
    if middle == 0:  # the parent-to-be-killed
        os.close(read_fd)
        parent = os.getpid()
        grandchild = os.fork()
        if grandchild == 0:
            os.close(write_fd)
            sys.platform = "darwin"  # no prctl: only the polling thread
            stop_with_parent(parent)
            time.sleep(30)
            os._exit(0)
        os.write(write_fd, str(grandchild).encode())
        os.close(write_fd)
        os._exit(0)  # dies at once: the grandchild is orphaned
    os.close(write_fd)
    grandchild = int(os.read(read_fd, 32).decode())
    os.close(read_fd)
    os.waitpid(middle, 0)
    deadline = time.monotonic() + 120  # reached only if it never stops
    while not _stopped(grandchild) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _stopped(grandchild)


def test_verify_reports_a_failure_it_cannot_get_past_instead_of_a_traceback(
    app, program, monkeypatch
) -> None:
    from app.search import documents

    def unreadable(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")
        yield  # a generator, like the real one

    monkeypatch.setattr(documents, "all_documents", unreadable)
    result = app.test_cli_runner().invoke(args=["index", "verify"])
    assert result.exit_code == 1
    assert "Could not verify the search index: OSError (errno 5 EIO)." in result.output
