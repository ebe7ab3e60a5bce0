"""`casebook backup` and `casebook restore`: a round trip gives back every row, a backup
taken while writers run is consistent, and bad input gets a clear refusal."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.backup.operations import MANIFEST, BackupError, _run, backup, read_manifest, restore
from app.cases.models import Case
from app.extensions import db
from app.programs.models import Program
from app.recommendations.models import Recommendation
from app.search import verify
from tests.backup.support import canonical_dump, empty_instance
from tests.support.builders import add_case, add_recommendation, build_world


def test_a_round_trip_gives_back_every_row(app, make_user, tmp_path: Path) -> None:
    world = build_world(make_user)
    db.session.delete(world.case)  # ids freed before the backup stay unused after it
    db.session.commit()
    before = canonical_dump()
    manifest = backup(tmp_path / "backup")
    assert manifest.database == db.engine.dialect.name
    assert manifest.counts["cases"] == len(before["cases"]) > 0
    assert manifest.schema_revision == before["alembic_version"][0][0]
    assert json.loads((tmp_path / "backup" / MANIFEST).read_text())["counts"] == manifest.counts

    with empty_instance(app, tmp_path):
        progress: list[tuple[int, int]] = []
        report = restore(tmp_path / "backup", progress=lambda *p: progress.append(p))
        assert report.problems == [] and report.upgraded_to is None
        assert canonical_dump() == before
        assert verify().ok
        assert progress and progress[-1][0] == progress[-1][1] == report.documents > 0
        # Ids go on from where the backup left them, never back over a freed one.
        program = db.session.scalar(select(Program).where(Program.slug == "hcv"))
        newest = max(row[0] for row in before["cases"])
        assert add_case(program, None, "After restore").id > max(newest, world.case.id)
        db.session.commit()


def test_a_backup_taken_while_a_writer_runs_is_consistent(app, make_user, tmp_path: Path):
    """Each of the writer's transactions adds a case and its recommendation: a consistent
    backup holds both or neither."""
    world = build_world(make_user)
    expert_id, program_id = world.expert.id, world.hcv.id
    started, stop = threading.Event(), threading.Event()
    written = [0]
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            with app.app_context():
                program, expert = (
                    db.session.get(Program, program_id),
                    db.session.get(type(world.expert), expert_id),
                )
                while not stop.is_set() or written[0] < 3:
                    case = add_case(program, None, f"Written meanwhile {written[0]}")
                    add_recommendation(case, expert)
                    db.session.commit()
                    written[0] += 1
                    started.set()
                db.session.remove()
        except BaseException as exc:  # reported by the test below
            errors.append(exc)
            started.set()

    cases_before = db.session.scalar(select(func.count()).select_from(Case))
    recommendations_before = db.session.scalar(select(func.count()).select_from(Recommendation))
    db.session.commit()
    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert started.wait(60)
        manifest = backup(tmp_path / "backup")
    finally:
        stop.set()
        thread.join(120)
    assert not errors, errors
    copied = manifest.counts["cases"] - cases_before
    assert copied >= 1  # the writer had committed before the backup began
    assert manifest.counts["recommendations"] - recommendations_before == copied
    assert db.session.scalar(select(func.count()).select_from(Case)) == cases_before + written[0]

    with empty_instance(app, tmp_path):
        report = restore(tmp_path / "backup")
        assert report.problems == []
        assert db.session.scalar(select(func.count()).select_from(Case)) == (cases_before + copied)
        assert verify().ok


def test_restore_goes_into_an_instance_just_made_by_casebook_init(app, make_user, tmp_path: Path):
    """The README's way: `casebook init`, then `casebook restore`. A new instance writes
    the grouping refresher's bookkeeping as soon as it runs; that is no content."""
    from app.practices.groups import _ensure_state
    from app.practices.models import GroupKind

    build_world(make_user)
    before = canonical_dump()
    backup(tmp_path / "backup")
    with empty_instance(app, tmp_path) as target:
        assert target.test_cli_runner().invoke(args=["init"]).exit_code == 0
        for kind in GroupKind:
            _ensure_state(kind)  # what the refresher does on its first run
        restored = target.test_cli_runner().invoke(args=["restore", str(tmp_path / "backup")])
        assert restored.exit_code == 0, restored.output
        assert canonical_dump() == before


def test_restore_refuses_an_instance_that_has_content(app, make_user, tmp_path: Path):
    make_user("admin")
    backup(tmp_path / "backup")
    with pytest.raises(BackupError, match="not empty"):
        restore(tmp_path / "backup")


def test_restore_refuses_a_backup_from_a_newer_schema(app, make_user, tmp_path: Path):
    make_user("admin")
    backup(tmp_path / "backup")
    path = tmp_path / "backup" / MANIFEST
    raw = json.loads(path.read_text())
    raw["schema_revision"] = "9999_from_the_future"
    path.write_text(json.dumps(raw))
    with empty_instance(app, tmp_path), pytest.raises(BackupError, match="newer Casebook"):
        restore(tmp_path / "backup")


def test_backup_refuses_to_overwrite(app, tmp_path: Path):
    (tmp_path / "backup").mkdir()
    with pytest.raises(BackupError, match="already exists"):
        backup(tmp_path / "backup")


def test_bad_backups_are_refused_with_a_clear_message(app, make_user, tmp_path: Path):
    make_user("admin")
    good = tmp_path / "backup"
    backup(good)
    manifest = read_manifest(good)
    assert read_manifest(good) == manifest

    (tmp_path / "file").write_text("hello")
    no_manifest = tmp_path / "partial"
    no_manifest.mkdir()
    garbled = tmp_path / "garbled"
    garbled.mkdir()
    (garbled / MANIFEST).write_text("{not json")
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / MANIFEST).write_text((good / MANIFEST).read_text())
    (damaged / manifest.file).write_bytes((good / manifest.file).read_bytes()[:1000])
    for path, message in (
        (tmp_path / "missing", "There is no backup"),
        (tmp_path / "file", "is not a backup folder"),
        (no_manifest, "not a finished backup"),
        (garbled, "not a valid backup manifest"),
        (damaged, "is damaged"),
    ):
        with pytest.raises(BackupError, match=message):
            read_manifest(path)


def test_the_commands_report_user_errors_without_a_traceback(app, make_user, tmp_path: Path):
    make_user("admin")
    runner = app.test_cli_runner()
    made = runner.invoke(args=["backup", str(tmp_path / "backup")])
    assert made.exit_code == 0, made.output
    assert "Backed up" in made.output and "not included" in made.output
    for args, message in (
        (["backup", str(tmp_path / "backup")], "already exists"),
        (["restore", str(tmp_path / "nowhere")], "There is no backup"),
        (["restore", str(tmp_path / "backup")], "not empty"),
    ):
        result = runner.invoke(args=args)
        assert result.exit_code == 1
        assert message in result.output and "Traceback" not in result.output


def test_a_missing_postgresql_tool_is_named(app, monkeypatch) -> None:
    from app.backup.operations import _tool

    monkeypatch.setenv("PATH", "")
    with pytest.raises(BackupError, match="pg_dump was not found on PATH"):
        _tool("pg_dump")


def test_a_backup_from_an_older_schema_is_migrated_on_restore(app, tmp_path: Path):
    from flask_migrate import upgrade
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    with empty_instance(app, tmp_path, "old"):
        upgrade(revision="0007_outbox_retry_at")
        with db.engine.begin() as conn:  # plain SQL: the models may have moved on since
            conn.execute(
                text(
                    "INSERT INTO programs (slug, name, description, case_template, private, "
                    "created_at) VALUES ('hcv', 'Hepatitis C ECHO', '', '{}', false, "
                    "CURRENT_TIMESTAMP)"
                )
            )
        manifest = backup(tmp_path / "backup")
    assert manifest.schema_revision == "0007_outbox_retry_at"

    with empty_instance(app, tmp_path, "new"):
        report = restore(tmp_path / "backup")
        assert report.upgraded_to is not None and report.problems == []
        assert db.session.scalar(select(Program.name)) == "Hepatitis C ECHO"
        from app.audit.operations import record

        record(None, "system.test", entity_type="system", entity_id=1)
        db.session.commit()
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_events"))


def test_a_database_file_that_is_not_one_is_refused(app, make_user, tmp_path: Path):
    """Even with a manifest that matches it: the restore fails with a message, and the
    target stays empty."""
    import hashlib

    make_user("admin")
    backup(tmp_path / "backup")
    manifest_path = tmp_path / "backup" / MANIFEST
    raw = json.loads(manifest_path.read_text())
    junk = b"this is not a database" * 100
    (tmp_path / "backup" / raw["file"]).write_bytes(junk)
    raw["sha256"] = hashlib.sha256(junk).hexdigest()
    manifest_path.write_text(json.dumps(raw))
    expected = "not a readable SQLite" if raw["database"] == "sqlite" else "pg_restore failed"
    with empty_instance(app, tmp_path):
        with pytest.raises(BackupError, match=expected):
            restore(tmp_path / "backup")
        assert all(not rows for name, rows in canonical_dump().items())


def test_the_commands_round_trip_and_index_verify_is_clean(app, make_user, tmp_path: Path):
    build_world(make_user)
    made = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "backup")])
    assert made.exit_code == 0, made.output
    with empty_instance(app, tmp_path) as target:
        runner = target.test_cli_runner()
        restored = runner.invoke(args=["restore", str(tmp_path / "backup")])
        assert restored.exit_code == 0, restored.output
        assert "row counts match the manifest" in restored.output
        assert "Search index rebuilt" in restored.output
        verified = runner.invoke(args=["index", "verify"])
        assert verified.exit_code == 0, verified.output
        assert "Index is in step with the database." in verified.output


def test_a_failing_postgresql_tool_is_told_without_the_row_it_quotes(app):
    # pg_restore repeats the server's error, and the server quotes the row it could not
    # load: the message names the tool, the table and the error, never the row.
    told = (
        'pg_restore: error: COPY failed for table "cases": ERROR:  invalid input syntax for'
        ' type date: "Harriet Quenby"\n'
        'CONTEXT:  COPY cases, line 1, column title: "Harriet Quenby MRN 55512344"\n'
    )
    command = [sys.executable, "-c", f"import sys; sys.stderr.write({told!r}); sys.exit(1)"]
    with pytest.raises(BackupError) as failed:
        _run(command, "pg_restore")
    assert failed.value.message == (
        'pg_restore failed (exit 1): pg_restore: error: COPY failed for table "cases": ERROR:'
        '  invalid input syntax for type date: "…"'
    )
