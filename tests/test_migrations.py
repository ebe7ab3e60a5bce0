"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import patch

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.runtime import migration as alembic_migration
from alembic.script import Script, ScriptDirectory
from flask import Flask, current_app
from flask_migrate import current, downgrade, heads, upgrade
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from tests.conftest import make_app
from tests.support import pg


def _schema_diff() -> list:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True}
        )
        return compare_metadata(context, db.metadata)


def _check_round_trip() -> None:
    upgrade()
    assert _schema_diff() == []
    tables = set(inspect(db.engine).get_table_names())
    assert {"cases", "recommendations", "best_practices", "audit_events"} <= tables
    downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade()
    assert _schema_diff() == []


# Databases at a revision, kept by the first test that upgraded an empty one to it: by kind,
# a SQLite file's path or a PostgreSQL database's URL.
_AT_REVISION: dict[tuple[str, str], str] = {}


def _upgrade_empty_to(revision: str) -> None:
    """`upgrade(revision=...)` of the empty database. It starts from a copy of the database a
    test before left at the nearest revision below this one, so each test runs the
    migrations it is about, not all the ones before them again: the same schema, built by the
    same migrations, once per process."""
    kind = db.engine.dialect.name
    script = ScriptDirectory.from_config(current_app.extensions["migrate"].migrate.get_config())
    below = (r.revision for r in script.iterate_revisions(revision, "base"))
    start = next((r for r in below if (kind, r) in _AT_REVISION), None)
    if start is not None:
        db.session.remove()
        db.engine.dispose()
        _restore(_AT_REVISION[(kind, start)])
    upgrade(revision=revision)
    if (kind, revision) not in _AT_REVISION:
        db.session.remove()
        db.engine.dispose()
        _AT_REVISION[(kind, revision)] = _keep(revision)


def _keep(revision: str) -> str:
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        copy = _KEPT_FOLDER[0] / f"{revision}.sqlite3"
        _copy_sqlite(Path(str(url.database)), copy)
        return str(copy)
    return pg.copy_database(url.render_as_string(hide_password=False), "casebook_revision")


def _restore(kept: str) -> None:
    url = db.engine.url
    if url.get_backend_name() == "sqlite":
        _copy_sqlite(Path(kept), Path(str(url.database)))
    else:
        pg.replace_database(url.render_as_string(hide_password=False), kept)


def _copy_sqlite(source: Path, target: Path) -> None:
    read, written = sqlite3.connect(source), sqlite3.connect(target)
    try:
        read.backup(written)
    finally:
        read.close()
        written.close()


_KEPT_FOLDER: list[Path] = []  # the run's folder for those files, set by `_revision_files`


@pytest.fixture(scope="module", autouse=True)
def _revision_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    if not _KEPT_FOLDER:
        _KEPT_FOLDER.append(tmp_path_factory.mktemp("revisions"))
    yield
    for kind, revision in [k for k in _AT_REVISION if k[0] == "postgresql"]:
        pg.drop_database(_AT_REVISION.pop((kind, revision)))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def migrated_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[None]:
    """An app context on an empty database of each kind, for the migrations to build."""
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    if request.param == "postgresql":
        # Skips without a server, fails under CI=true.
        url = pg.create_database(pg.require_server(), prefix="casebook_migrations")
    try:
        app = make_app(url, tmp_path / "index")
        with app.app_context():
            try:
                yield
            finally:
                db.engine.dispose()
    finally:
        if request.param == "postgresql":
            pg.drop_database(url)


def test_migrations_match_models(migrated_database: None) -> None:
    _check_round_trip()


def _insert_case(
    program_id: int, title: str, ref: str | None = None, follows: int | None = None
) -> int:
    db.session.execute(
        text(
            "INSERT INTO cases (ref, program_id, title, age, sex, question, presentation, fields,"
            " status, follows_id, created_at, updated_at) VALUES (:ref, :program, :title, '58',"
            " 'male', 'Is a 12-week course appropriate?', '', '{}', 'presented', :follows,"
            " '2025-01-14 12:00:00', '2025-01-14 12:00:00')"
        ),
        {"ref": ref, "program": program_id, "title": title, "follows": follows},
    )
    return db.session.scalar(text("SELECT max(id) FROM cases"))


def _insert_program(template: str = "{}") -> int:
    db.session.execute(
        text(
            "INSERT INTO programs (slug, name, description, case_template, private, created_at)"
            " VALUES ('hcv', 'Hepatitis C ECHO', '', :template, false, '2025-01-01 00:00:00')"
        ),
        {"template": template},
    )
    return db.session.scalar(text("SELECT max(id) FROM programs"))


def _insert_expert() -> int:
    db.session.execute(
        text(
            "INSERT INTO users (email, display_name, role, active, created_at)"
            " VALUES ('expert@example.org', 'Expert', 'expert', true, '2025-01-01 00:00:00')"
        )
    )
    return db.session.scalar(text("SELECT max(id) FROM users"))


def _insert_recommendation(case_id: int, author_id: int, position: int) -> int:
    db.session.execute(
        text(
            "INSERT INTO recommendations (case_id, author_id, position, category, body,"
            ' "references", status, version, created_at, updated_at)'
            " VALUES (:case, :author, :position, 'diagnostic', 'Check HBV serologies.', '[]',"
            " 'published', 1, '2025-01-20 09:00:00', '2025-01-20 09:00:00')"
        ),
        {"case": case_id, "author": author_id, "position": position},
    )
    return db.session.scalar(text("SELECT max(id) FROM recommendations"))


def _renumbering_check() -> None:
    _upgrade_empty_to("0003_practice_endorsements")
    program_id = _insert_program()
    # Written in SQL: the models have columns later migrations add.
    expert_id = _insert_expert()
    case_id, other_id = _insert_case(program_id, "Duplicated"), _insert_case(program_id, "Fine")
    # What racing writers left behind before the constraint: positions 1, 1, 2 on one case.
    for target, position in (
        (case_id, 1),
        (case_id, 1),
        (case_id, 2),
        (other_id, 1),
        (other_id, 3),
    ):
        _insert_recommendation(target, expert_id, position)
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []

    def positions(case_id: int) -> list[int]:
        with db.engine.connect() as conn:
            return list(
                conn.execute(
                    text("SELECT position FROM recommendations WHERE case_id = :c ORDER BY id"),
                    {"c": case_id},
                ).scalars()
            )

    assert positions(case_id) == [1, 2, 3]
    assert positions(other_id) == [1, 3]  # no duplicates: left as it was


def test_the_migration_renumbers_duplicate_positions(migrated_database: None) -> None:
    _renumbering_check()


def _import_keys_check() -> None:
    _upgrade_empty_to("0007_outbox_retry_at")
    program_id = _insert_program()
    expert_id = _insert_expert()
    imported = _insert_case(program_id, "Imported", "hcv-001")
    typed = _insert_case(program_id, "Typed")
    follow_up = _insert_case(program_id, "Follow-up", "hcv-002", follows=imported)
    first = _insert_recommendation(imported, expert_id, 1)
    second = _insert_recommendation(imported, expert_id, 3)
    _insert_recommendation(typed, expert_id, 1)
    for created in ("2025-01-20", "2025-01-21"):
        db.session.execute(
            text(
                "INSERT INTO annotations (recommendation_id, author_id, kind, body,"
                " \"references\", created_at) VALUES (:rec, :author, 'agree', 'Agreed.', '[]',"
                " :created)"
            ),
            {"rec": second, "author": expert_id, "created": created},
        )
    db.session.execute(
        text(
            "INSERT INTO outcomes (case_id, recommendation_id, adoption, patient_status, note,"
            " recorded_at) VALUES (:case, :rec, 'adopted', 'improved', '', '2025-03-01')"
        ),
        {"case": follow_up, "rec": first},
    )
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []
    with db.engine.connect() as conn:

        def keys(table: str) -> list[str]:
            sql = f'SELECT "key" FROM {table} ORDER BY id'  # noqa: S608 - our table names
            return list(conn.execute(text(sql)).scalars())

        recommendations = keys("recommendations")
        assert recommendations[:2] == ["hcv-001/r1", "hcv-001/r2"]
        assert len(recommendations[2]) == 32  # a random key for a case typed into the app
        assert keys("annotations") == ["hcv-001/r2/a1", "hcv-001/r2/a2"]
        assert keys("outcomes") == ["hcv-002/o/hcv-001/r1"]
    downgrade(revision="0007_outbox_retry_at")
    upgrade()


def test_existing_items_get_keys(migrated_database: None) -> None:
    _import_keys_check()


def _template_versions_check() -> None:
    """Each program's template becomes its version 1; existing cases were written with it."""
    _upgrade_empty_to("0016_attendance_credit")
    template = '{"sections": [], "fields": [{"key": "genotype", "label": "Genotype"}]}'
    program_id = _insert_program(template)
    case_id = _insert_case(program_id, "Written before versions")
    db.session.commit()
    db.session.remove()
    upgrade()
    with db.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT program_id, version, definition FROM case_templates")
        ).all()
        case_version = conn.execute(
            text("SELECT template_version FROM cases WHERE id = :c"), {"c": case_id}
        ).scalar()
        program_version = conn.execute(text("SELECT template_version FROM programs")).scalar()
    assert [(r[0], r[1]) for r in rows] == [(program_id, 1)]
    definition = rows[0][2] if isinstance(rows[0][2], dict) else json.loads(rows[0][2])
    assert definition["fields"][0]["key"] == "genotype"
    assert (case_version, program_version) == (1, 1)


def test_existing_templates_become_version_1(migrated_database: None) -> None:
    _template_versions_check()


def _notification_programs_check() -> None:
    """A notification about a case gets its case's program; a coordinators' outdated-advice
    notice the program its message names (the longest name that fits)."""
    _upgrade_empty_to("0030_regroup")
    program_id = _insert_program()
    db.session.execute(
        text(
            "INSERT INTO programs (slug, name, description, case_template, private, created_at)"
            " VALUES ('hcv-closed', 'Hepatitis C ECHO Closed', '', '{}', true,"
            " '2025-01-01 00:00:00')"
        )
    )
    closed_id = db.session.scalar(text("SELECT max(id) FROM programs"))
    user_id = _insert_expert()
    case_id = _insert_case(closed_id, "Private")
    for kind, message, case in (
        ("subscription.case", f"New case {case_id} in Hepatitis C ECHO Closed.", case_id),
        ("advice.outdated", "2 recommendations in Hepatitis C ECHO Closed may be outdated.", None),
        ("advice.outdated", "1 recommendation in Hepatitis C ECHO may be outdated.", None),
        ("advice.outdated", "1 recommendation of yours may be outdated.", None),
    ):
        db.session.execute(
            text(
                "INSERT INTO notifications (user_id, kind, message, url, case_id, created_at)"
                " VALUES (:user, :kind, :message, '', :case, '2025-01-20 09:00:00')"
            ),
            {"user": user_id, "kind": kind, "message": message, "case": case},
        )
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []
    with db.engine.connect() as conn:
        found = list(conn.execute(text("SELECT program_id FROM notifications ORDER BY id")))
    assert [r[0] for r in found] == [closed_id, closed_id, program_id, None]
    downgrade(revision="0030_regroup")
    upgrade()


def test_notifications_get_their_programs(migrated_database: None) -> None:
    _notification_programs_check()


def _stale_audiences_check() -> None:
    """A kind stale before the upgrade is marked for every audience after it (which one
    changed is not known), a kind up to date for none; downgraded, a kind with a mark is
    stale."""
    _upgrade_empty_to("0032_scale50k")
    _insert_program()
    db.session.execute(
        text(
            "INSERT INTO programs (slug, name, description, case_template, private, created_at)"
            " VALUES ('hcv-closed', 'Hepatitis C ECHO Closed', '', '{}', true,"
            " '2025-01-01 00:00:00')"
        )
    )
    private_id = db.session.scalar(text("SELECT max(id) FROM programs"))
    db.session.execute(text("UPDATE grouping_states SET stale = (kind = 'questions')"))
    db.session.commit()
    db.session.remove()
    upgrade(revision="0033_stale_audiences")
    with db.engine.begin() as conn:
        found = set(conn.execute(text("SELECT kind, audience FROM grouping_stale_audiences")))
        assert found == {("questions", 0), ("questions", private_id)}
        conn.execute(text("DELETE FROM grouping_stale_audiences"))
        conn.execute(text("UPDATE grouping_states SET stale = false"))
        conn.execute(
            text(
                "INSERT INTO grouping_stale_audiences (kind, audience)"
                " VALUES ('recommendations', :id)"
            ),
            {"id": private_id},
        )
    downgrade(revision="0032_scale50k")
    with db.engine.connect() as conn:
        stale = dict(conn.execute(text("SELECT kind, stale FROM grouping_states")).all())
    assert {kind: bool(flag) for kind, flag in stale.items()} == {
        "questions": False,
        "recommendations": True,
    }
    upgrade()
    assert _schema_diff() == []


def test_stale_groupings_are_marked_for_every_audience(migrated_database: None) -> None:
    _stale_audiences_check()


def _counts_on_check() -> None:
    """Each case's day is filled from its agenda: the first session's date, else the day it
    was created; downgraded, the column is gone."""
    _upgrade_empty_to("0033_stale_audiences")
    program_id = _insert_program()
    _insert_case(program_id, "Never on an agenda")
    twice = _insert_case(program_id, "On two agendas")
    for number, day in ((1, "2025-03-04"), (2, "2025-02-11")):
        db.session.execute(
            text(
                "INSERT INTO sessions (program_id, number, date, title, didactic_topic,"
                " didactic_presenter, notes, created_at) VALUES (:program, :number, :day,"
                " 'Session', '', '', '', '2025-01-01 00:00:00')"
            ),
            {"program": program_id, "number": number, "day": day},
        )
        db.session.execute(
            text(
                "INSERT INTO case_presentations (case_id, session_id, presented)"
                " VALUES (:case, (SELECT max(id) FROM sessions), true)"
            ),
            {"case": twice},
        )
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []
    with db.engine.connect() as conn:
        days = {t: str(d) for t, d in conn.execute(text("SELECT title, counts_on FROM cases"))}
    assert days == {"Never on an agenda": "2025-01-14", "On two agendas": "2025-02-11"}
    downgrade(revision="0033_stale_audiences")
    assert "counts_on" not in {c["name"] for c in inspect(db.engine).get_columns("cases")}


def test_each_case_gets_the_day_it_counts_on(migrated_database: None) -> None:
    _counts_on_check()


def _notification_practices_check() -> None:
    """Existing notices get the practices they name: a quoted title (outdated advice, a
    likely contradiction) or a followed topic's "Best practice N"; others get none."""
    _upgrade_empty_to("0036_recommendation_terms")
    user_id = _insert_expert()
    ids = []
    for title in ("Check HBV first", "Screen annually"):
        db.session.execute(
            text(
                "INSERT INTO best_practices (title, statement, status, version, created_at,"
                " updated_at) VALUES (:t, 'S.', 'retired', 1, '2025-01-01 00:00:00',"
                " '2025-01-01 00:00:00')"
            ),
            {"t": title},
        )
        ids.append(db.session.scalar(text("SELECT max(id) FROM best_practices")))
    for kind, message in (
        (
            "advice.outdated",
            "1 recommendation in X may be outdated: the best practice"
            " “Check HBV first” was superseded by “Screen annually”.",
        ),
        (
            "recommendation.conflicts",
            "Your recommendation 1 on “A case” was published on the"
            " hub's behalf; it may contradict “Screen annually”.",
        ),
        (  # the case's title, quoted too, is not a practice's even when one has it
            "recommendation.conflicts",
            "Your recommendation 2 on “Check HBV first” was published on the"
            " hub's behalf; it may contradict “Screen annually”.",
        ),
        ("subscription.practice", f"Best practice {ids[0]} on Hepatitis B was edited."),
        ("subscription.case", "New case 3 in X."),
    ):
        db.session.execute(
            text(
                "INSERT INTO notifications (user_id, kind, message, url, created_at)"
                " VALUES (:user, :kind, :message, '', '2025-01-20 09:00:00')"
            ),
            {"user": user_id, "kind": kind, "message": message},
        )
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []
    with db.engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT n.kind, p.practice_id FROM notification_practices p"
                " JOIN notifications n ON n.id = p.notification_id ORDER BY n.id, p.practice_id"
            )
        ).all()
    assert [tuple(r) for r in found] == [
        ("advice.outdated", ids[0]),
        ("advice.outdated", ids[1]),
        ("recommendation.conflicts", ids[1]),
        ("recommendation.conflicts", ids[1]),
        ("subscription.practice", ids[0]),
    ]
    downgrade(revision="0036_recommendation_terms")
    upgrade()


def test_notifications_get_the_practices_they_name(migrated_database: None) -> None:
    _notification_practices_check()


def _published_version_check() -> None:
    """Existing recommendations get the version that was published: for one written here the
    last saved by then, or the first when none is older (saved just after being published
    with it); for an imported one its current text (its publication was dated at its
    session, which tells nothing of when its versions were written)."""
    _upgrade_empty_to("0037_notification_practices")
    program_id = _insert_program()
    expert_id = _insert_expert()
    db.session.execute(
        text(
            "INSERT INTO cases (program_id, title, age, sex, question, presentation, fields,"
            " status, created_at, updated_at, counts_on) VALUES (:program, 'Published', '58',"
            " 'male', 'Q?', '', '{}', 'presented', '2025-01-14 12:00:00',"
            " '2025-01-14 12:00:00', '2025-01-14')"
        ),
        {"program": program_id},
    )
    case_id = db.session.scalar(text("SELECT max(id) FROM cases"))
    histories = {
        # name: (status, published_at, import_hash, version times)
        "drafted": ("published", "2025-01-20 11:00:00", None, ["09:00", "10:00", "12:00"]),
        "at_once": ("published", "2025-01-20 09:00:00", None, ["09:00:01", "13:00"]),
        "imported": ("published", "2025-01-14 12:00:00", "f" * 64, ["09:00", "10:00", "11:00"]),
        # drafted before its session, published after it: the import dated it at the session
        "imported_later": ("published", "2025-01-20 12:00:00", "e" * 64, ["09:00", "14:00"]),
        "draft": ("draft", None, None, ["09:00", "10:00"]),
    }
    ids = {}
    for position, (name, (status, published_at, import_hash, times)) in enumerate(
        histories.items(), 1
    ):
        db.session.execute(
            text(
                "INSERT INTO recommendations (case_id, author_id, position, category, body,"
                ' "references", status, version, created_at, updated_at, published_at, key,'
                " import_hash) VALUES (:case, :author, :position, 'diagnostic', 'Text.', '[]',"
                " :status, :version, '2025-01-20 09:00:00', '2025-01-20 09:00:00',"
                " :published_at, :key, :import_hash)"
            ),
            {
                "case": case_id,
                "author": expert_id,
                "position": position,
                "status": status,
                "version": len(times),
                "published_at": published_at,
                "key": f"key-{name}",
                "import_hash": import_hash,
            },
        )
        ids[name] = db.session.scalar(text("SELECT max(id) FROM recommendations"))
        for number, at in enumerate(times, 1):
            db.session.execute(
                text(
                    "INSERT INTO recommendation_versions (recommendation_id, version, category,"
                    " body, \"references\", created_at) VALUES (:rec, :number, 'diagnostic',"
                    " 'Text.', '[]', :at)"
                ),
                {"rec": ids[name], "number": number, "at": f"2025-01-20 {at}"},
            )
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []
    with db.engine.connect() as conn:
        found = dict(conn.execute(text("SELECT key, published_version FROM recommendations")).all())
    assert found == {
        "key-drafted": 2,
        "key-at_once": 1,
        "key-imported": 3,
        "key-imported_later": 2,
        "key-draft": None,
    }
    downgrade(revision="0037_notification_practices")
    upgrade()


def test_recommendations_get_the_version_that_was_published(migrated_database: None) -> None:
    _published_version_check()


def _notification_unnamed_message_check() -> None:
    """Existing notices of outdated advice get their news told without the practice, from
    their message; other notices get none (they stay hidden from one who may not see it)."""
    _upgrade_empty_to("0038_published_version")
    user_id = _insert_expert()
    messages = {
        "mine": (
            "advice.outdated",
            "2 recommendations of yours in Hepatitis C ECHO may be outdated: the best practice"
            " “Check HBV first” was superseded by “Screen annually”. Review them.",
        ),
        "theirs": (
            "advice.outdated",
            "1 recommendation in Hepatitis C ECHO may be outdated: the best practice"
            " “Check HBV first” was retired.",
        ),
        "followed": ("subscription.practice", "Best practice 1 on Hepatitis B was edited."),
    }
    for key, (kind, message) in messages.items():
        db.session.execute(
            text(
                "INSERT INTO notifications (user_id, kind, message, url, created_at)"
                " VALUES (:user, :kind, :message, :url, '2025-01-20 09:00:00')"
            ),
            {"user": user_id, "kind": kind, "message": message, "url": key},
        )
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []
    with db.engine.connect() as conn:
        found = dict(conn.execute(text("SELECT url, unnamed_message FROM notifications")).all())
    assert found == {
        "mine": "A best practice you cannot see was superseded: 2 recommendations of yours in"
        " Hepatitis C ECHO may be out of date. Review them.",
        "theirs": "A best practice you cannot see was retired: 1 recommendation in Hepatitis C"
        " ECHO may be out of date.",
        "followed": "",
    }
    downgrade(revision="0038_published_version")
    upgrade()


def test_notices_of_outdated_advice_get_their_unnamed_form(migrated_database: None) -> None:
    _notification_unnamed_message_check()


def _notification_partial_message_check() -> None:
    """An existing notice of superseded advice that names the successor marks it as named in
    passing and gets the news without it; one quoting a successor's older title, the one
    naming the superseded practice alone and other notices get no partial form."""
    _upgrade_empty_to("0039_notification_unnamed")
    user_id = _insert_expert()
    ids = {}
    for title, superseded_by in (
        ("Screen annually", None),
        ("Check HBV first", "Screen annually"),
        ("Check HCV RNA", "Screen annually"),
    ):
        db.session.execute(
            text(
                "INSERT INTO best_practices (title, statement, status, version, created_at,"
                " updated_at, superseded_by_id) VALUES (:t, 'S.', 'retired', 1,"
                " '2025-01-01 00:00:00', '2025-01-01 00:00:00', :by)"
            ),
            {"t": title, "by": ids.get(superseded_by)},
        )
        ids[title] = db.session.scalar(text("SELECT max(id) FROM best_practices"))
    notices = {
        "mine": (
            "2 recommendations of yours in X may be outdated: the best practice “Check HBV"
            " first” was superseded by “Screen annually”. Review them.",
            ["Check HBV first", "Screen annually"],
        ),
        "renamed": (
            "1 recommendation in X may be outdated: the best practice “Check HCV RNA” was"
            " superseded by “Screen every year”.",
            ["Check HCV RNA", "Screen annually"],
        ),
        "alone": (
            "1 recommendation in X may be outdated: the best practice “Check HBV first” was"
            " superseded.",
            ["Check HBV first"],
        ),
    }
    for key, (message, titles) in notices.items():
        db.session.execute(
            text(
                "INSERT INTO notifications (user_id, kind, message, url, created_at,"
                " unnamed_message) VALUES (:user, 'advice.outdated', :message, :url,"
                " '2025-01-20 09:00:00', 'A best practice you cannot see was superseded.')"
            ),
            {"user": user_id, "message": message, "url": key},
        )
        notice = db.session.scalar(text("SELECT max(id) FROM notifications"))
        for title in titles:
            db.session.execute(
                text(
                    "INSERT INTO notification_practices (notification_id, practice_id)"
                    " VALUES (:n, :p)"
                ),
                {"n": notice, "p": ids[title]},
            )
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []
    with db.engine.connect() as conn:
        partial = dict(conn.execute(text("SELECT url, partial_message FROM notifications")).all())
        passing = conn.execute(
            text(
                "SELECT n.url, p.practice_id FROM notification_practices p"
                " JOIN notifications n ON n.id = p.notification_id WHERE p.in_passing"
                " ORDER BY n.url"
            )
        ).all()
    assert partial == {
        "mine": "2 recommendations of yours in X may be outdated: the best practice “Check HBV"
        " first” was superseded. Review them.",
        "renamed": "",
        "alone": "",
    }
    assert [tuple(r) for r in passing] == [
        ("mine", ids["Screen annually"]),
        ("renamed", ids["Screen annually"]),
    ]
    downgrade(revision="0039_notification_unnamed")
    upgrade()


def test_notices_of_superseded_advice_get_their_form_without_the_successor(
    migrated_database: None,
) -> None:
    _notification_partial_message_check()


def _notification_partial_pair_check() -> None:
    """Two practices superseding each other (the second superseded by the first, already
    superseded): each notice marks in passing only the practice its news names as the
    successor, never the practice the news is about, which one who may not see it must keep
    reading unnamed."""
    _upgrade_empty_to("0039_notification_unnamed")
    user_id = _insert_expert()
    ids = {}
    for title in ("Check HBV first", "Screen annually"):
        db.session.execute(
            text(
                "INSERT INTO best_practices (title, statement, status, version, created_at,"
                " updated_at) VALUES (:t, 'S.', 'superseded', 1, '2025-01-01 00:00:00',"
                " '2025-01-01 00:00:00')"
            ),
            {"t": title},
        )
        ids[title] = db.session.scalar(text("SELECT max(id) FROM best_practices"))
    for title, by in (
        ("Check HBV first", "Screen annually"),
        ("Screen annually", "Check HBV first"),
    ):
        db.session.execute(
            text("UPDATE best_practices SET superseded_by_id = :by WHERE id = :id"),
            {"by": ids[by], "id": ids[title]},
        )
    notices = {
        "first": ("Check HBV first", "Screen annually"),
        "second": ("Screen annually", "Check HBV first"),
    }
    for key, (about, successor) in notices.items():
        db.session.execute(
            text(
                "INSERT INTO notifications (user_id, kind, message, url, created_at,"
                " unnamed_message) VALUES (:user, 'advice.outdated', :message, :url,"
                " '2025-01-20 09:00:00', 'A best practice you cannot see was superseded.')"
            ),
            {
                "user": user_id,
                "message": f"1 recommendation in X may be outdated: the best practice “{about}”"
                f" was superseded by “{successor}”.",
                "url": key,
            },
        )
        notice = db.session.scalar(text("SELECT max(id) FROM notifications"))
        for title in (about, successor):
            db.session.execute(
                text(
                    "INSERT INTO notification_practices (notification_id, practice_id)"
                    " VALUES (:n, :p)"
                ),
                {"n": notice, "p": ids[title]},
            )
    db.session.commit()
    db.session.remove()
    upgrade()
    with db.engine.connect() as conn:
        partial = dict(conn.execute(text("SELECT url, partial_message FROM notifications")).all())
        passing = conn.execute(
            text(
                "SELECT n.url, p.practice_id FROM notification_practices p"
                " JOIN notifications n ON n.id = p.notification_id WHERE p.in_passing"
                " ORDER BY n.url, p.practice_id"
            )
        ).all()
    assert [tuple(r) for r in passing] == [
        ("first", ids["Screen annually"]),
        ("second", ids["Check HBV first"]),
    ]
    assert partial == {
        "first": "1 recommendation in X may be outdated: the best practice “Check HBV first”"
        " was superseded.",
        "second": "1 recommendation in X may be outdated: the best practice “Screen annually”"
        " was superseded.",
    }


def test_a_notice_about_one_of_two_practices_superseding_each_other_names_it_in_full(
    migrated_database: None,
) -> None:
    _notification_partial_pair_check()


def _insert_grouped_recommendations(author: int, cases: list[tuple[int, str | None]]) -> list[int]:
    """One published recommendation for each (program, withdrawn_at) case, all members of
    recommendation group 1; their ids in order."""
    recs = []
    for n, (program, withdrawn) in enumerate(cases):
        db.session.execute(
            text(
                "INSERT INTO cases (program_id, title, age, sex, question, presentation, fields,"
                " status, created_at, updated_at, counts_on, withdrawn_at) VALUES (:program,"
                " :title, '58', 'male', 'Is a 12-week course appropriate?', '', '{}',"
                " 'presented', '2025-01-14 12:00:00', '2025-01-14 12:00:00', '2025-01-14',"
                " :withdrawn)"
            ),
            {"program": program, "title": f"Case {n}", "withdrawn": withdrawn},
        )
        db.session.execute(
            text(
                "INSERT INTO recommendations (case_id, author_id, position, category, body,"
                ' "references", status, version, created_at, updated_at, key) VALUES ((SELECT'
                " max(id) FROM cases), :author, 1, 'diagnostic', 'Check HBV serologies.', '[]',"
                " 'published', 1, '2025-01-20 09:00:00', '2025-01-20 09:00:00', :key)"
            ),
            {"author": author, "key": f"key-{n}"},
        )
        recs.append(db.session.scalar(text("SELECT max(id) FROM recommendations")))
    db.session.execute(
        text(
            "INSERT INTO recommendation_groups (id, cohesion, size, sessions) VALUES (1, 0.5, 3, 3)"
        )
    )
    for rec in recs:
        db.session.execute(
            text(
                "INSERT INTO recommendation_group_members (group_id, recommendation_id, centrality)"
                " VALUES (1, :rec, 0.5)"
            ),
            {"rec": rec},
        )
    return recs


def _group_program_counts_check() -> None:
    """The stored recommendation groups get their members counted per program; downgraded,
    the table is gone."""
    _upgrade_empty_to("0041_group_member_terms")
    author = _insert_expert()
    hcv = _insert_program()
    db.session.execute(
        text(
            "INSERT INTO programs (slug, name, description, case_template, private, created_at)"
            " VALUES ('hbv', 'Hepatitis B ECHO', '', '{}', false, '2025-01-01 00:00:00')"
        )
    )
    hbv = db.session.scalar(text("SELECT max(id) FROM programs"))
    recs = _insert_grouped_recommendations(author, [(hcv, None), (hcv, None), (hbv, None)])
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []
    assert _kept_program_counts() == {(1, hcv, 2, recs[0]), (1, hbv, 1, recs[2])}
    downgrade(revision="0041_group_member_terms")
    assert "recommendation_group_programs" not in inspect(db.engine).get_table_names()
    upgrade()


def test_stored_recommendation_groups_get_their_members_counted_per_program(
    migrated_database: None,
) -> None:
    _group_program_counts_check()


def _kept_program_counts() -> set[tuple]:
    """The recommendation groups' kept counts per program, as stored."""
    with db.engine.connect() as conn:
        return set(
            conn.execute(
                text(
                    "SELECT group_id, program_id, members, first_member"
                    " FROM recommendation_group_programs"
                )
            )
        )


def _group_changes_check() -> None:
    """The kept per-program counts become those of the members everyone sees; a member
    some readers see and others not (here a withdrawn case's) is recorded as changed, so
    its group is counted over its members until the refresh; downgraded, the table is
    gone."""
    _upgrade_empty_to("0042_group_program_counts")
    author = _insert_expert()
    hcv = _insert_program()
    recs = _insert_grouped_recommendations(
        author, [(hcv, None), (hcv, None), (hcv, "2025-02-01 00:00:00")]
    )
    db.session.execute(
        text(
            "INSERT INTO recommendation_group_programs"
            " (group_id, program_id, members, first_member) VALUES (1, :program, 3, :first)"
        ),
        {"program": hcv, "first": recs[0]},
    )
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []
    kept = _kept_program_counts()
    with db.engine.connect() as conn:
        changed = set(
            conn.execute(
                text("SELECT recommendation_id, group_id FROM recommendation_group_changes")
            )
        )
    assert kept == {(1, hcv, 2, recs[0])}
    assert changed == {(recs[2], 1)}
    downgrade(revision="0042_group_program_counts")
    assert "recommendation_group_changes" not in inspect(db.engine).get_table_names()
    upgrade()


def test_grouped_members_seen_otherwise_are_recorded_as_changed(
    migrated_database: None,
) -> None:
    _group_changes_check()


def _insert_topic(topic_id: int, name: str, key: str, slug: str, status: str) -> None:
    db.session.execute(
        text(
            "INSERT INTO topics (id, name, name_key, slug, synonyms, description, status)"
            " VALUES (:id, :name, :key, :slug, '[]', '', :status)"
        ),
        {"id": topic_id, "name": name, "key": key, "slug": slug, "status": status},
    )
    db.session.execute(
        text("INSERT INTO topic_terms (term_key, topic_id, is_name) VALUES (:key, :id, :yes)"),
        {"key": key, "id": topic_id, "yes": True},
    )


def _topic_names_check() -> None:
    """Upgraded, proposed topics may share a name with each other and with an accepted one,
    but two accepted ones may not; downgraded, all but one of the topics sharing a name
    (the accepted one stays as it was) are renamed as a purge renames one, their terms
    following, and every topic is kept."""
    _upgrade_empty_to("0043_group_changes")
    _insert_topic(1, "Woodworm", "woodworm", "woodworm", "proposed")
    db.session.commit()
    db.session.remove()
    upgrade()
    assert _schema_diff() == []
    _insert_topic(2, "woodworm", "woodworm", "woodworm-2", "proposed")
    _insert_topic(3, "WOODWORM", "woodworm", "woodworm-3", "accepted")
    _insert_topic(4, "Woodworm (2)", "woodworm (2)", "woodworm-4", "proposed")
    db.session.commit()
    with pytest.raises(IntegrityError):
        _insert_topic(5, "Woodworm", "woodworm", "woodworm-5", "accepted")
    db.session.rollback()
    db.session.remove()
    downgrade(revision="0043_group_changes")
    with db.engine.connect() as conn:
        names = dict(conn.execute(text("SELECT id, name FROM topics")).all())
        keys = dict(conn.execute(text("SELECT id, name_key FROM topics")).all())
        terms = set(conn.execute(text("SELECT term_key, topic_id FROM topic_terms WHERE is_name")))
    assert names == {1: "Woodworm (3)", 2: "woodworm (4)", 3: "WOODWORM", 4: "Woodworm (2)"}
    assert keys == {1: "woodworm (3)", 2: "woodworm (4)", 3: "woodworm", 4: "woodworm (2)"}
    assert terms == {(k, i) for i, k in keys.items()}
    upgrade()
    assert _schema_diff() == []


def test_topics_not_accepted_may_share_a_name_and_a_downgrade_renames_them_apart(
    migrated_database: None,
) -> None:
    _topic_names_check()


def test_alembic_reads_the_migration_files_once_per_process(app: Flask) -> None:
    """Each command read every migration file again (tests/conftest.py keeps them)."""
    read: list[object] = []
    real = Script._from_path

    def counted(scriptdir: ScriptDirectory, path: object) -> Script | None:
        read.append(path)
        return real(scriptdir, path)

    with app.app_context():
        heads()
        with patch.object(Script, "_from_path", counted):
            heads()
            current()
    assert read == []


def test_an_empty_database_starts_from_the_revision_a_test_before_built(
    migrated_database: None,
) -> None:
    _upgrade_empty_to("0002_search_outbox")
    downgrade(revision="base")
    ran: list[tuple[str, ...]] = []

    def info(message: str, *args: object) -> None:
        if m := _STEP.match(message % args):
            ran.append(m.groups())

    # Alembic's own log: env.py's logging configuration takes the handlers off its children.
    with patch.object(alembic_migration.log, "info", info):
        _upgrade_empty_to("0003_practice_endorsements")
    # none when a test before kept 0003 already; never the three before 0002's
    assert ran in ([], [("0002_search_outbox", "0003_practice_endorsements")])
    assert _schema_at("0003_practice_endorsements")


_STEP = re.compile(r"Running upgrade (\S*) -> ([^,\s]+)")


def _schema_at(revision: str) -> bool:
    with db.engine.connect() as conn:
        at = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        tables = set(inspect(conn).get_table_names())
    return at == revision and {"cases", "recommendations", "search_outbox"} <= tables
