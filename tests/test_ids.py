"""Ids never repeat: a deleted row's id is not given to the next row (SQLite AUTOINCREMENT,
PostgreSQL sequences), so audit events, notifications and outbox rows that name a row
never come to name another."""

from __future__ import annotations

from pathlib import Path

from flask_migrate import upgrade
from sqlalchemy import func, select, text

from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.extensions import db
from app.programs.models import Program
from app.programs.operations import create_program
from app.recommendations.models import Annotation, Recommendation
from tests.conftest import make_app
from tests.support.builders import add_case, add_recommendation
from tests.support.old_schema import insert


def test_a_deleted_cases_id_is_never_given_again(app, make_user):
    expert = make_user("expert")
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    first = add_case(program, None, "First")
    recommendation = add_recommendation(first, expert)
    db.session.commit()
    case_id, recommendation_id = first.id, recommendation.id
    db.session.delete(first)  # the newest case and recommendation: SQLite would reuse both
    db.session.commit()

    again = add_case(program, None, "Again")
    again_recommendation = add_recommendation(again, expert)
    db.session.commit()
    assert again.id > case_id
    assert again_recommendation.id > recommendation_id


def _tables_without_autoincrement() -> list[str]:
    """SQLite tables whose primary key is one integer column but lack AUTOINCREMENT."""
    missing = []
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
        for name, sql in rows:
            key = [r for r in conn.execute(text(f'PRAGMA table_info("{name}")')) if r.pk]
            if name.startswith("sqlite_") or name == "alembic_version" or len(key) != 1:
                continue
            if key[0].type.upper() == "INTEGER" and "AUTOINCREMENT" not in sql.upper():
                missing.append(name)
    return missing


def test_every_table_with_an_integer_id_has_autoincrement_on_sqlite(tmp_path: Path) -> None:
    """Both ways a schema is built: the app's `create_all` and the migrations."""
    for name, build in (("created", db.create_all), ("migrated", upgrade)):
        app = make_app(f"sqlite:///{tmp_path / name}.sqlite3", tmp_path / "index")
        with app.app_context():
            build()
            assert "cases" in db.metadata.tables
            assert _tables_without_autoincrement() == [], name
            db.engine.dispose()


def test_the_migration_keeps_every_row_and_never_reuses_ids_after(
    tmp_path: Path,
) -> None:
    """Rebuilding a table on SQLite drops the old copy: nothing may cascade from that."""
    app = make_app(f"sqlite:///{tmp_path / 'm.sqlite3'}", tmp_path / "index")
    with app.app_context():
        # The revision before the rebuild, written in SQL: the models have later columns.
        upgrade(revision="0010_import_keys")
        expert = insert("users", email="expert@example.org", display_name="E", role="expert")
        program_id = insert("programs", slug="hcv", name="Hepatitis C ECHO")
        for n in range(3):
            case = insert("cases", program_id=program_id, title=f"Case {n}", status="draft")
            recommendation = insert(
                "recommendations",
                case_id=case,
                author_id=expert,
                position=1,
                key=f"r{n}",
                category="therapeutic",
                status="published",
                body="Treat.",
            )
            insert(
                "annotations",
                recommendation_id=recommendation,
                author_id=expert,
                kind="agree",
                key=f"a{n}",
                body="Yes.",
            )
        db.session.commit()
        counts = [
            db.session.scalar(select(func.count()).select_from(model))
            for model in (Case, Recommendation, Annotation)
        ]
        newest = db.session.scalar(select(func.max(Case.id)))
        db.session.remove()

        upgrade()
        assert _tables_without_autoincrement() == []
        assert (
            [
                db.session.scalar(select(func.count()).select_from(model))
                for model in (Case, Recommendation, Annotation)
            ]
            == counts
            == [3, 3, 3]
        )
        db.session.delete(db.session.get(Case, newest))
        db.session.commit()
        program = db.session.get(Program, program_id)
        assert add_case(program, None, "After").id > newest
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def test_tables_rebuilt_by_later_migrations_keep_their_high_water_mark(tmp_path: Path):
    """A case, account or topic deleted before a rebuild still never lends its id."""
    app = make_app(f"sqlite:///{tmp_path / 'h.sqlite3'}", tmp_path / "index")
    with app.app_context():
        upgrade(revision="0011_never_reuse_ids")
        program_id = insert("programs", slug="hcv", name="Hepatitis C ECHO")
        newest = {}
        for table, values in (
            ("cases", {"program_id": program_id, "status": "draft"}),
            ("users", {"role": "expert"}),
            ("topics", {}),
        ):
            for n in range(3):
                key = {"cases": "title", "users": "email", "topics": "name"}[table]
                extra = {"slug": f"t{n}", "name_key": f"t{n}"} if table == "topics" else {}
                newest[table] = insert(table, **{key: f"{table}{n}"}, **values, **extra)
            db.session.execute(text(f"DELETE FROM {table} WHERE id = {newest[table]:d}"))  # noqa: S608
        db.session.commit()
        db.session.remove()

        upgrade()
        for table, values in (
            ("cases", {"program_id": program_id, "status": "draft", "title": "After"}),
            ("users", {"role": "expert", "email": "after@example.org"}),
            ("topics", {"name": "After", "slug": "after", "name_key": "after"}),
        ):
            assert insert(table, **values) > newest[table], table
        db.session.remove()
        db.engine.dispose()
