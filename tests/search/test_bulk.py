"""Whole-index rebuilds with several indexing processes (app/search/bulk.py)."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import create_program
from app.search import (
    SearchRequest,
    apply_pending,
    bulk,
    documents,
    format,
    reindex,
    search,
    upkeep,
    verify,
)
from app.search.index import index_at
from tests.support.builders import add_annotation, add_case, add_recommendation


@pytest.fixture
def small_batches(monkeypatch):
    """Both processes start after a few documents and each writes several segments."""

    class SmallBatches(bulk.ChunkedMpWriter):
        def __init__(self, ix, procs, **kwargs):
            kwargs["batchsize"] = 3
            super().__init__(ix, procs=procs, docs_per_segment=10, **kwargs)

    monkeypatch.setattr(bulk, "ChunkedMpWriter", SmallBatches)


@pytest.fixture
def cases(app, make_user):
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    expert = make_user("expert", programs=["hcv"])
    for i in range(15):
        case = add_case(program, None, f"Bulk wombat {i}")
        rec = add_recommendation(case, expert, f"Treat the wombat {i} for 12 weeks.")
        add_annotation(rec, expert, "Agreed; check HBV DNA first.")
    db.session.commit()
    apply_pending()


def test_a_rebuild_with_two_processes_indexes_every_document(app, cases, small_batches) -> None:
    steps: list[str] = []
    report = reindex(procs=2, merge_progress=steps.append)
    assert report.documents == 45
    assert multiprocessing.active_children() == []
    assert verify().ok
    assert search(SYSTEM, SearchRequest(q="wombat", group=False)).total == 45
    # Bounded segments, written by both processes, then merged into one: a query used to
    # read each of its terms once per segment (39 times at 50,000 cases).
    assert steps[0].startswith("merging ") and int(steps[0].split()[1]) >= 4
    snap = index_at(app.config["CASEBOOK_INDEX_DIR"]).snapshot()
    assert len(snap.searcher.reader().leaf_readers()) == 1
    assert report.segments == 1


def test_a_small_rebuild_runs_in_one_process(app, cases, monkeypatch) -> None:
    """Starting indexing processes costs more than it saves below PARALLEL_MIN_DOCUMENTS."""

    def refuse(*args, **kwargs):
        raise AssertionError("a small rebuild started indexing processes")

    monkeypatch.setattr(bulk, "ChunkedMpWriter", refuse)
    assert reindex().documents == 45
    assert search(SYSTEM, SearchRequest(q="wombat", group=False)).total == 45


def test_a_configured_process_count_is_used_whatever_the_size(app, cases, small_batches) -> None:
    app.config["CASEBOOK_REINDEX_PROCS"] = 2
    started = []
    original = bulk.ChunkedMpWriter

    class Counting(original):  # type: ignore[misc, valid-type]
        def __init__(self, ix, procs, **kwargs):
            started.append(procs)
            super().__init__(ix, procs=procs, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bulk, "ChunkedMpWriter", Counting)
        assert reindex().documents == 45
    assert started == [2]


def _descriptors(pid: int) -> list[tuple[int, str]]:
    found = []
    for entry in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(FileNotFoundError):  # closed meanwhile
            found.append((int(entry.name), os.readlink(entry)))
    return found


def _started(pid: int) -> bool:
    """The child runs its own interpreter (what it inherited has been closed)."""
    return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()


def test_the_indexing_processes_inherit_no_database_connection(
    app, cases, small_batches, monkeypatch
) -> None:
    """A forked copy of the rebuilding process held its database connection mid-query
    (its file, or its socket on PostgreSQL) and whatever its threads were doing."""
    if not Path("/proc").is_dir():
        pytest.skip("reads /proc")
    url = db.engine.url
    on_file = url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")
    database_file = os.path.realpath(str(url.database)) if on_file else None
    seen: dict[int, list[tuple[int, str]]] = {}
    real = documents.all_documents

    def looking(*args, **kwargs):
        for n, doc in enumerate(real(*args, **kwargs)):
            if n == 30:  # both processes have been started
                for child in multiprocessing.active_children():
                    deadline = time.monotonic() + 60
                    while not _started(child.pid) and time.monotonic() < deadline:
                        time.sleep(0.05)
                    seen[child.pid] = _descriptors(child.pid)
            yield doc

    monkeypatch.setattr(documents, "all_documents", looking)
    assert reindex(procs=2).documents == 45
    assert len(seen) == 2
    for descriptors in seen.values():
        for fd, target in descriptors:
            if database_file is not None:
                assert not target.startswith(database_file), (fd, target)
            if fd > 2:  # past stdin/out/err: no database server socket either
                assert not target.startswith("socket:"), (fd, target)
    assert verify().ok


def _killing_a_process(monkeypatch, sig: signal.Signals, *, which: str = "one") -> list[int]:
    """The rebuild's stream kills its indexing processes (`which`: "one" or "both") part-way,
    once both run; the pids killed are returned."""
    killed: list[int] = []
    real = documents.all_documents

    def killing(*args, **kwargs):
        for n, doc in enumerate(real(*args, **kwargs)):
            if n == 30:  # both processes have been started
                children = sorted(multiprocessing.active_children(), key=lambda c: c.pid)
                for child in children if which == "both" else children[:1]:
                    deadline = time.monotonic() + 60
                    while not _started(child.pid) and time.monotonic() < deadline:
                        time.sleep(0.05)
                    os.kill(child.pid, sig)
                    child.join(60)
                    killed.append(child.pid)
            yield doc

    monkeypatch.setattr(documents, "all_documents", killing)
    return killed


def _generations(app) -> list[str]:
    return sorted(p.name for p in Path(app.config["CASEBOOK_INDEX_DIR"]).iterdir() if p.is_dir())


@pytest.mark.parametrize(
    ("sig", "which"),
    [(signal.SIGSEGV, "one"), (signal.SIGKILL, "one"), (signal.SIGKILL, "both")],
)
def test_a_rebuild_whose_indexing_process_dies_fails_at_once_and_search_is_unchanged(
    app, cases, small_batches, monkeypatch, sig, which
) -> None:
    """A dead indexing process used to leave the rebuild waiting: for an hour for its result
    when the other one lived on, for ever on a full job queue when both had died."""
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    live = idx.current_generation()
    before = _generations(app)
    killed = _killing_a_process(monkeypatch, sig, which=which)
    with pytest.raises(bulk.IndexingProcessFailed) as failure:
        reindex(procs=2)
    message = str(failure.value)
    assert f"(pid {killed[0]}) was killed by signal {int(sig)} ({sig.name})" in message
    assert "the rebuild was cancelled" in message
    assert multiprocessing.active_children() == []
    # The live generation answers as before; the half-built one is gone.
    assert idx.current_generation() == live
    assert _generations(app) == before
    assert idx.partial_generations() == []
    assert search(SYSTEM, SearchRequest(q="wombat", group=False)).total == 45
    assert verify().ok


def test_the_reindex_command_says_which_indexing_process_died_and_exits_1(
    app, cases, small_batches, monkeypatch
) -> None:
    app.config["CASEBOOK_REINDEX_PROCS"] = 2
    live = index_at(app.config["CASEBOOK_INDEX_DIR"]).current_generation()
    killed = _killing_a_process(monkeypatch, signal.SIGSEGV)
    result = app.test_cli_runner().invoke(args=["reindex"])
    assert result.exit_code == 1
    assert (
        f"Search indexing process 1 of 2 (pid {killed[0]}) was killed by signal 11 (SIGSEGV);"
        " the rebuild was cancelled." in result.output
    )
    assert "Search answers from the index as it was" in result.output
    assert "Traceback" not in result.output
    assert index_at(app.config["CASEBOOK_INDEX_DIR"]).current_generation() == live
    assert verify().ok


def test_an_indexing_process_that_fails_is_reported_by_its_exit_status() -> None:
    assert bulk.how_it_ended(1) == "exited with status 1"
    assert bulk.how_it_ended(-11) == "was killed by signal 11 (SIGSEGV)"
    assert bulk.how_it_ended(-9) == "was killed by signal 9 (SIGKILL)"


def test_a_rebuild_whose_indexing_process_hangs_fails_after_the_result_wait(
    app, cases, small_batches, monkeypatch
) -> None:
    """A process alive but stopped never hands back its segments: the rebuild used to wait
    for it for ever; it fails after RESULT_WAIT_SECONDS and the process is ended."""
    monkeypatch.setattr(bulk, "RESULT_WAIT_SECONDS", 2.0)
    # A stopped process acts on SIGTERM only once continued: it is killed after this wait,
    # and the parent's polls notice the result wait's end within a tenth of a second.
    monkeypatch.setattr(bulk, "TERMINATE_WAIT_SECONDS", 0.5)
    monkeypatch.setattr(bulk, "CHILD_POLL_SECONDS", 0.1)
    stopped: list[int] = []
    real = documents.all_documents

    def stopping(*args, **kwargs):
        for n, doc in enumerate(real(*args, **kwargs)):
            if n == 30:  # both processes have been started
                child = min(multiprocessing.active_children(), key=lambda c: c.pid)
                deadline = time.monotonic() + 60
                while not _started(child.pid) and time.monotonic() < deadline:
                    time.sleep(0.05)
                os.kill(child.pid, signal.SIGSTOP)
                stopped.append(child.pid)
            yield doc

    monkeypatch.setattr(documents, "all_documents", stopping)
    live = index_at(app.config["CASEBOOK_INDEX_DIR"]).current_generation()
    with pytest.raises(bulk.IndexingProcessFailed) as failure:
        reindex(procs=2)
    assert "1 of 2 search indexing processes handed back nothing" in str(failure.value)
    assert stopped and multiprocessing.active_children() == []
    assert index_at(app.config["CASEBOOK_INDEX_DIR"]).current_generation() == live
    assert search(SYSTEM, SearchRequest(q="wombat", group=False)).total == 45


def test_an_indexing_process_imports_only_what_indexing_needs() -> None:
    """Each indexing process is a fresh interpreter that imports its module (and the
    analyzers the schema names) by way of the search package; the query side, and through
    it the de-identification rules (about a second of every start), stay out."""
    command = (
        "import sys, app.search.bulk, app.search.analysis;"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('app.'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", command], capture_output=True, text=True, check=True, timeout=120
    )
    imported = set(done.stdout.split())
    assert "app.search.bulk" in imported
    assert not imported & {"app.search.operations", "app.deid.detector", "app.deid.gate"}


QUERIES = ["wombat", "treat the wombat", "HBV DNA", "wombat 12 weeks", '"check HBV DNA"', "agred"]


def _answers() -> list[dict]:
    answers = []
    for q in QUERIES:
        for group in (True, False):
            found = search(SYSTEM, SearchRequest(q=q, group=group)).to_json()
            found.pop("took_ms", None)
            answers.append(found)
    return answers


def _contents(idx) -> dict:
    """What the index holds, as Whoosh's own reader reads it."""
    searcher = idx.snapshot().searcher
    reader = searcher.reader()
    fields = ("title", "content", "spell", "topics", "type", "key", "program", "case_group")
    return {
        "stored": [reader.stored_fields(n) for n in range(reader.doc_count_all())],
        "lengths": [
            [reader.doc_field_length(n, f) for f in ("title", "content", "spell")]
            for n in range(reader.doc_count_all())
        ],
        "totals": [reader.field_length(f) for f in ("title", "content", "spell")],
        "terms": {f: list(reader.lexicon(f)) for f in fields},
        "postings": {
            (f, t): (
                list(searcher.postings(f, t).all_ids()),
                reader.doc_frequency(f, t),
                reader.frequency(f, t),
            )
            for f in ("content", "title", "type", "topics")
            for t in reader.lexicon(f)
        },
        "columns": {
            f: list(reader.column_reader(f)) for f in ("key", "type", "case_group", "date")
        },
    }


def test_search_answers_the_same_before_and_after_the_merge(
    app, cases, small_batches, monkeypatch
) -> None:
    monkeypatch.setattr(upkeep, "_merge_built", lambda ix, limitmb, progress: 0)
    reindex(procs=2)
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    assert len(idx.snapshot().searcher.reader().leaf_readers()) >= 4
    before, contents = _answers(), _contents(idx)
    assert format.merge_segments(idx.open_generation(idx.current_generation()), 64) == 1
    assert len(idx.snapshot().searcher.reader().leaf_readers()) == 1
    assert _answers() == before
    assert _contents(idx) == contents
    assert verify().ok
    # Changes after the merge are written, found and merged as usual.
    expert_case = add_case(
        create_program("hbv", "Hepatitis B ECHO", actor=SYSTEM), None, "A late wombat"
    )
    db.session.commit()
    assert expert_case.id and apply_pending() >= 1
    assert search(SYSTEM, SearchRequest(q="wombat", group=False)).total == 46


def test_a_merge_that_fails_leaves_the_rebuilt_segments_searchable(
    app, cases, small_batches, monkeypatch, caplog
) -> None:
    real = format._write_term
    calls: list[int] = []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 20:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(format, "_write_term", failing)
    with caplog.at_level(logging.WARNING, logger="app.search.upkeep"):
        report = reindex(procs=2)
    assert len(calls) == 20
    assert "merging the rebuilt index's" in caplog.text and "ENOSPC" in caplog.text
    assert "wombat" not in caplog.text.lower()
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    assert idx.current_generation() == report.generation
    assert report.segments >= 4
    assert len(idx.snapshot().searcher.reader().leaf_readers()) == report.segments
    assert search(SYSTEM, SearchRequest(q="wombat", group=False)).total == 45
    assert verify().ok


def test_a_merge_interrupted_cancels_the_rebuild_and_search_is_unchanged(
    app, cases, small_batches, monkeypatch
) -> None:
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    live = idx.current_generation()
    before = _generations(app)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(format, "_write_term", interrupted)
    with pytest.raises(KeyboardInterrupt):
        reindex(procs=2)
    assert idx.current_generation() == live
    assert _generations(app) == before
    assert idx.partial_generations() == []
    assert search(SYSTEM, SearchRequest(q="wombat", group=False)).total == 45
    assert verify().ok


def test_the_reindex_command_says_it_merged_and_how_many_segments_are_left(
    app, cases, small_batches
) -> None:
    app.config["CASEBOOK_REINDEX_PROCS"] = 2
    result = app.test_cli_runner().invoke(args=["reindex"])
    assert result.exit_code == 0, result.output
    assert "Merging: merging " in result.output and " segments of 45 documents." in result.output
    assert "of which merging" in result.output and "; 1 segment;" in result.output
