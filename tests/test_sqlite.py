"""On its default SQLite database, concurrent writers wait for each other; none fails."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from app.auth.models import Role
from app.auth.operations import create_token, create_user
from app.auth.policy import SYSTEM
from app.cases.transfer import ImportOptions, import_paths
from app.demo import CORPUS_DIR
from app.extensions import db
from app.programs.catalog import load_catalog
from app.programs.models import Topic
from app.programs.operations import create_program, create_topic
from tests.conftest import PASSWORD, make_app
from tests.support.builders import add_case
from tests.support.sqlite import another_writer_can_lock


def _immediate_app(tmp_path: Path, **extra: object):
    app = make_app(
        f"sqlite:///{tmp_path / 'c.sqlite3'}",
        tmp_path / "index",
        CASEBOOK_SQLITE_BEGIN="immediate",
        **extra,
    )
    with app.app_context():
        upgrade()
    return app


def test_threads_that_read_then_write_never_fail(tmp_path):
    app = _immediate_app(tmp_path)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        with app.app_context():
            for i in range(15):
                try:
                    db.session.scalar(select(func.count(Topic.id)))  # read first …
                    create_topic(f"Topic {n}-{i}", actor=SYSTEM)  # … then write
                    db.session.commit()
                except BaseException as exc:  # noqa: BLE001 - collected for the assertion
                    errors.append(exc)
                    db.session.rollback()
            db.session.remove()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    with app.app_context():
        assert db.session.scalar(select(func.count(Topic.id))) == 60
        db.engine.dispose()


def test_import_alongside_the_search_indexer_thread(tmp_path):
    app = _immediate_app(tmp_path, CASEBOOK_SEARCH_APPLY="thread", TESTING=False)
    with app.app_context():
        load_catalog(CORPUS_DIR / "catalog.yaml", actor=SYSTEM)
        results = import_paths([CORPUS_DIR / "hcv"], actor=SYSTEM)
        assert all(r.ok for r in results), [r.problems for r in results]
        assert sum(r.created for r in results) >= 10
        db.engine.dispose()


def test_pages_and_api_reads_answer_while_another_process_holds_the_write_lock(tmp_path):
    # A short busy timeout: a read that waited for the lock would fail here, not hang.
    app = _immediate_app(tmp_path, CASEBOOK_SEARCH_APPLY="off", CASEBOOK_SQLITE_BUSY_TIMEOUT_MS=100)
    with app.app_context():
        program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
        admin = create_user(
            "admin@example.org", "Admin", Role.ADMIN, password=PASSWORD, actor=SYSTEM
        )
        token = create_token(admin, actor=SYSTEM)
        case_id = add_case(program, admin, "Genotype 3 retreatment").id
        db.session.commit()
        db.session.remove()
    client = app.test_client()
    signed_in = client.post("/sign-in", data={"email": "admin@example.org", "password": PASSWORD})
    assert signed_in.status_code == 302
    bearer = {"Authorization": f"Bearer {token}"}

    holder = sqlite3.connect(tmp_path / "c.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
    try:
        assert not another_writer_can_lock(str(tmp_path / "c.sqlite3"))
        page = client.get(f"/cases/{case_id}")
        assert page.status_code == 200
        assert "Genotype 3 retreatment" in page.get_data(as_text=True)
        assert client.get("/").status_code in (200, 302)
        listed = client.get("/api/v1/cases", headers=bearer)
        assert listed.status_code == 200, listed.get_data(as_text=True)
        assert [c["id"] for c in listed.get_json()["results"]] == [case_id]
        assert app.test_client().get("/sign-in").status_code == 200
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # Writes still take the lock as before once it is free.
    created = client.post(
        "/api/v1/programs/hcv/sessions", json={"date": "2024-05-01"}, headers=bearer
    )
    assert created.status_code == 201, created.get_data(as_text=True)
    with app.app_context():
        db.engine.dispose()


def _case_files(folder: Path, count: int, **more: object) -> list[str]:
    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"case-{n}.jsonl"
        record = {"ref": f"hcv-{n}", "program": "hcv", "title": f"Okapi {n}", "question": "Why?"}
        record.update(more)
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _import_released_on_retry(app, paths, holder: sqlite3.Connection, monkeypatch, module):
    """`casebook import` of `paths`, the other writer `holder` letting go at the first retry
    `module` sleeps for; the command's result and the retries' waits."""
    retries: list[float] = []

    def released_on_retry(seconds: float) -> None:
        retries.append(seconds)
        if holder.in_transaction:
            holder.execute("ROLLBACK")

    monkeypatch.setattr(module, "sleep", released_on_retry)
    try:
        with app.app_context():
            result = app.test_cli_runner().invoke(args=["import", *paths])
    finally:
        holder.close()
    return result, retries


def test_a_multi_file_import_waits_out_another_writer_and_imports_every_file(tmp_path, monkeypatch):
    from app.cases import transfer

    app = _immediate_app(
        tmp_path, CASEBOOK_SEARCH_APPLY="thread", CASEBOOK_SQLITE_BUSY_TIMEOUT_MS=100
    )
    with app.app_context():
        create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
        db.session.commit()
        db.session.remove()
    paths = _case_files(tmp_path / "in", 3)
    holder = sqlite3.connect(tmp_path / "c.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the indexer, or any writer, busy past the timeout
    result, retries = _import_released_on_retry(app, paths, holder, monkeypatch, transfer)
    assert result.exit_code == 0, result.output
    assert "3 of 3 files imported: 3 cases created" in result.output
    # The first file waited out the holder. The search applier thread is a writer too: on a
    # loaded machine a later file can also wait for it, so more waits are no failure.
    assert len(retries) >= 1
    with app.app_context():
        assert app.extensions["casebook_search"].drain(60)
        db.engine.dispose()


def _lock_after_the_files(monkeypatch, holder: sqlite3.Connection) -> None:
    """Another writer takes the database the moment the import's files are committed."""
    from app.cases import transfer

    imported = transfer.import_paths

    def then_locked(*args, **kwargs):
        results = imported(*args, **kwargs)
        holder.execute("BEGIN IMMEDIATE")
        return results

    monkeypatch.setattr(transfer, "import_paths", then_locked)


def test_an_import_waits_out_another_writer_for_its_statistics_after_the_files(
    tmp_path, monkeypatch
):
    from app import maintenance

    app = _immediate_app(tmp_path, CASEBOOK_SQLITE_BUSY_TIMEOUT_MS=50)
    with app.app_context():
        create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
        db.session.commit()
        db.session.remove()
    paths = _case_files(tmp_path / "in", 3)
    holder = sqlite3.connect(tmp_path / "c.sqlite3", isolation_level=None)
    _lock_after_the_files(monkeypatch, holder)
    result, retries = _import_released_on_retry(app, paths, holder, monkeypatch, maintenance)
    assert result.exit_code == 0, (result.output, result.exception)
    assert "3 of 3 files imported: 3 cases created" in result.output
    assert "statistics were not refreshed" not in result.output
    assert len(retries) == 1
    check = sqlite3.connect(tmp_path / "c.sqlite3")
    try:  # ANALYZE ran once the other writer let go
        assert check.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0
    finally:
        check.close()


def _statistics(connection: sqlite3.Connection) -> list[tuple]:
    """What ANALYZE last wrote for the planner (sqlite_stat1), sorted."""
    query = "SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx"
    return sorted(connection.execute(query).fetchall(), key=repr)


def test_an_import_whose_statistics_stay_locked_keeps_every_case_and_says_so(tmp_path, monkeypatch):
    from app import maintenance

    app = _immediate_app(tmp_path, CASEBOOK_SQLITE_BUSY_TIMEOUT_MS=50)
    with app.app_context():
        create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
        db.session.commit()
        db.session.remove()
    paths = _case_files(tmp_path / "in", 3)
    holder = sqlite3.connect(tmp_path / "c.sqlite3", isolation_level=None)
    before = _statistics(holder)
    _lock_after_the_files(monkeypatch, holder)
    retries: list[float] = []
    monkeypatch.setattr(maintenance, "sleep", retries.append)  # the retries' waits, not slept
    refresh = maintenance.refresh_planner_statistics

    def refresh_then_released() -> bool:
        refreshed = refresh()  # every attempt meets the other writer
        holder.execute("ROLLBACK")  # which lets go only afterwards
        return refreshed

    monkeypatch.setattr(maintenance, "refresh_planner_statistics", refresh_then_released)
    try:
        with app.app_context():
            result = app.test_cli_runner().invoke(args=["import", *paths])
    finally:
        holder.close()
    assert result.exit_code == 0, (result.output, result.exception)
    assert "3 of 3 files imported: 3 cases created" in result.output
    assert "its query statistics were not refreshed" in result.output
    assert len(retries) == maintenance.ANALYZE_ATTEMPTS - 1
    check = sqlite3.connect(tmp_path / "c.sqlite3")
    try:  # every case stored; the statistics as before the import (no ANALYZE got through)
        titles = [row[0] for row in check.execute("SELECT title FROM cases ORDER BY title")]
        assert titles == ["Okapi 0", "Okapi 1", "Okapi 2"]
        assert _statistics(check) == before
    finally:
        check.close()
    with app.app_context():
        db.engine.dispose()


def test_an_import_the_database_never_lets_in_reports_each_file(tmp_path, monkeypatch):
    from app.cases import transfer

    app = _immediate_app(tmp_path, CASEBOOK_SQLITE_BUSY_TIMEOUT_MS=50)
    with app.app_context():
        create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
        db.session.commit()
        db.session.remove()
    paths = _case_files(tmp_path / "in", 2)
    monkeypatch.setattr(transfer, "sleep", lambda seconds: None)
    holder = sqlite3.connect(tmp_path / "c.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with app.app_context():
            result = app.test_cli_runner().invoke(args=["import", *paths])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    for path in paths:
        assert f"REJECTED {path}: nothing imported from this file" in result.output
    assert "the database refused the changes 5 times (OperationalError" in result.output
    assert "0 of 2 files imported" in result.output


def test_an_import_redacts_before_it_takes_the_write_lock(tmp_path, monkeypatch):
    from app.cases import transfer

    app = _immediate_app(tmp_path)
    with app.app_context():
        create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
        db.session.commit()
        db.session.remove()
        real = transfer.redact
        probes = []

        def redacting(text):
            probes.append(another_writer_can_lock(str(tmp_path / "c.sqlite3")))
            return real(text)

        monkeypatch.setattr(transfer, "redact", redacting)
        both = tmp_path / "both.jsonl"  # the second record comes after the first's writes
        both.write_text(
            "".join(Path(p).read_text() for p in _case_files(tmp_path / "in", 2)),
            encoding="utf-8",
        )
        [result] = import_paths([both], ImportOptions(redact=True), actor=SYSTEM)
        assert result.ok and result.created == 2
        assert len(probes) >= 2 and all(probes)
        db.engine.dispose()


def test_a_dry_run_lets_other_writers_in_between_its_files(tmp_path, monkeypatch):
    """A dry run rolls each file back before the next: it once held the write lock from its
    first file to its last, so every save of the hub waited for the whole run."""
    from app.cases import transfer

    app = _immediate_app(tmp_path)
    with app.app_context():
        create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
        db.session.commit()
        db.session.remove()
        real = transfer.import_source
        probes = []

        def probed(source, options, *, actor):
            probes.append(another_writer_can_lock(str(tmp_path / "c.sqlite3")))
            return real(source, options, actor=actor)

        monkeypatch.setattr(transfer, "import_source", probed)
        paths = [Path(p) for p in _case_files(tmp_path / "in", 3)]
        results = import_paths(paths, ImportOptions(dry_run=True), actor=SYSTEM)
        assert [(r.ok, r.created) for r in results] == [(True, 1)] * 3
        assert probes == [True, True, True]
        assert another_writer_can_lock(str(tmp_path / "c.sqlite3"))
        db.engine.dispose()


def test_a_write_that_waits_out_the_busy_timeout_answers_503_and_saves_nothing(tmp_path):
    """Many writers at once can keep one waiting past the busy timeout: that is "busy, try
    again" (503 with Retry-After), not a server fault (500)."""
    app = _immediate_app(tmp_path, CASEBOOK_SEARCH_APPLY="off", CASEBOOK_SQLITE_BUSY_TIMEOUT_MS=100)
    with app.app_context():
        create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
        admin = create_user(
            "admin@example.org", "Admin", Role.ADMIN, password=PASSWORD, actor=SYSTEM
        )
        token = create_token(admin, actor=SYSTEM)
        db.session.commit()
        db.session.remove()
    client = app.test_client()
    assert (
        client.post(
            "/sign-in", data={"email": "admin@example.org", "password": PASSWORD}
        ).status_code
        == 302
    )
    bearer = {"Authorization": f"Bearer {token}"}
    holder = sqlite3.connect(tmp_path / "c.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # other writers, busy past the timeout
    try:
        api = client.post(
            "/api/v1/programs/hcv/sessions", json={"date": "2024-05-01"}, headers=bearer
        )
        assert api.status_code == 503 and api.headers["Retry-After"]
        assert api.get_json()["error"] == "busy"
        page = client.post("/programs/hcv/sessions/new", data={"date": "2024-05-02"})
        assert page.status_code == 503 and "try again" in page.get_data(as_text=True)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    listed = client.get("/api/v1/programs/hcv/sessions", headers=bearer).get_json()
    assert listed["total"] == 0
    with app.app_context():
        db.engine.dispose()


def test_signing_in_checks_the_password_without_holding_the_write_lock(tmp_path, monkeypatch):
    """The password check is slow on purpose; holding SQLite's one write lock meanwhile made
    every other writer (sign-ins of a hundred users arriving at once) wait behind it."""
    from app.auth import operations

    app = _immediate_app(tmp_path, CASEBOOK_SEARCH_APPLY="off")
    with app.app_context():
        create_user("admin@example.org", "Admin", Role.ADMIN, password=PASSWORD, actor=SYSTEM)
        db.session.commit()
        db.session.remove()
    checked = operations.check_password_hash
    others_could_write: list[bool] = []

    def check(stored: str, password: str) -> bool:
        others_could_write.append(another_writer_can_lock(str(tmp_path / "c.sqlite3")))
        return checked(stored, password)

    monkeypatch.setattr(operations, "check_password_hash", check)
    client = app.test_client()
    wrong = client.post("/sign-in", data={"email": "admin@example.org", "password": "nope" * 4})
    assert "not right" in wrong.get_data(as_text=True)
    signed_in = client.post("/sign-in", data={"email": "admin@example.org", "password": PASSWORD})
    assert signed_in.status_code == 302
    assert others_could_write == [True, True]
    with app.app_context():
        db.engine.dispose()


def test_the_groups_refresh_computes_without_holding_the_write_lock(tmp_path, monkeypatch):
    """The recompute of stored groups only reads (a minute at a large hub): meanwhile other
    processes save; only the store at the end takes the write lock."""
    from app.practices import groups
    from app.practices.models import GroupKind

    app = _immediate_app(tmp_path, CASEBOOK_GROUPS_REFRESH="off")
    probes: list[bool] = []
    with app.app_context():
        real = groups.COMPUTE[GroupKind.QUESTIONS]

        def compute(progress):
            found = real(progress)  # its transaction is open and has read
            probes.append(another_writer_can_lock(str(tmp_path / "c.sqlite3")))
            return found

        monkeypatch.setitem(groups.COMPUTE, GroupKind.QUESTIONS, compute)
        groups.refresh([GroupKind.QUESTIONS])
        db.session.remove()
        db.engine.dispose()
    assert probes == [True]


@pytest.mark.parametrize("acting", [[], ["--as", "admin@example.org"]])
def test_web_saves_go_through_while_an_import_scans_its_file(tmp_path, monkeypatch, acting):
    """`casebook import` reads the account it acts as and the vocabulary, then scans the
    file: another writer (a web save, the search applier) is not kept waiting meanwhile,
    only while the file is written."""
    from app.cases import transfer

    app = _immediate_app(tmp_path, CASEBOOK_SEARCH_APPLY="off")
    with app.app_context():
        create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
        create_topic("Cirrhosis", actor=SYSTEM)  # the import looks its topics up first
        create_user("admin@example.org", "Admin", Role.ADMIN, password=PASSWORD, actor=SYSTEM)
        db.session.commit()
        db.session.remove()
    real = transfer.prescan
    probes: list[bool] = []

    def scanning(texts):
        probes.append(another_writer_can_lock(str(tmp_path / "c.sqlite3")))
        return real(texts)

    monkeypatch.setattr(transfer, "prescan", scanning)
    paths = _case_files(tmp_path / "in", 2, topics=["Cirrhosis"])
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["import", "--jobs", "1", *acting, *paths])
        db.engine.dispose()
    assert result.exit_code == 0, (result.output, result.exception)
    assert "2 of 2 files imported: 2 cases created" in result.output
    assert probes == [True, True]


class _WaitedForPool:
    """Scanning processes that are still busy when the importer asks for a file's scans:
    the importer waits, and another writer probes the lock meanwhile."""

    def __init__(self, database: str, probes: list[bool]) -> None:
        self.database, self.probes = database, probes

    def submit(self, key, items) -> None:
        list(items)

    def results(self, key):
        self.probes.append(another_writer_can_lock(self.database))
        return {}, {}

    def close(self) -> None:
        pass


def test_web_saves_go_through_while_an_import_waits_for_its_scanning_processes(
    tmp_path, monkeypatch
):
    from app.cases import transfer

    app = _immediate_app(tmp_path, CASEBOOK_SEARCH_APPLY="off")
    with app.app_context():
        create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
        create_topic("Cirrhosis", actor=SYSTEM)
        db.session.commit()
        db.session.remove()
    probes: list[bool] = []
    pool = _WaitedForPool(str(tmp_path / "c.sqlite3"), probes)
    monkeypatch.setattr(transfer, "ScanPool", lambda jobs, nice: pool)
    monkeypatch.setattr(transfer, "PARALLEL_MIN_RECORDS", 1)
    folder = tmp_path / "in"
    paths = _case_files(folder, 3, topics=["Cirrhosis"])
    with app.app_context():
        results = import_paths([folder], actor=SYSTEM, jobs=2)
        assert [r.created for r in results] == [1, 1, 1], [r.problems for r in results]
        db.engine.dispose()
    assert len(paths) == 3 and probes == [True, True, True]
