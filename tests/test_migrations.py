"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

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


def test_migrations_match_models_on_sqlite(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'm.sqlite3'}", tmp_path / "index")
    with app.app_context():
        _check_round_trip()
        db.engine.dispose()


@pytest.mark.postgres
def test_migrations_match_models_on_postgresql(tmp_path: Path) -> None:
    server = pg.require_server()
    url = pg.create_database(server, prefix="casebook_migrations")
    try:
        app = make_app(url, tmp_path / "index")
        with app.app_context():
            _check_round_trip()
            db.engine.dispose()
    finally:
        pg.drop_database(url)


def _renumbering_check() -> None:
    from app.auth.models import Role
    from app.auth.operations import create_user
    from app.programs.operations import create_program
    from app.recommendations.models import Recommendation, RecommendationCategory
    from tests.support.builders import add_case

    upgrade(revision="0003_practice_endorsements")
    program = create_program("hcv", "Hepatitis C ECHO")
    expert = create_user("expert@example.org", "Expert", Role.EXPERT)
    case, other = add_case(program, None, "Duplicated"), add_case(program, None, "Fine")
    # What racing writers left behind before the constraint: positions 1, 1, 2 on one case.
    for target, position in ((case, 1), (case, 1), (case, 2), (other, 1), (other, 3)):
        db.session.add(
            Recommendation(
                case=target,
                author=expert,
                body="Check HBV serologies.",
                category=RecommendationCategory.DIAGNOSTIC,
                position=position,
            )
        )
    db.session.commit()
    case_id, other_id = case.id, other.id
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


def test_the_migration_renumbers_duplicate_positions_on_sqlite(tmp_path: Path) -> None:
    app = make_app(f"sqlite:///{tmp_path / 'm.sqlite3'}", tmp_path / "index")
    with app.app_context():
        _renumbering_check()
        db.engine.dispose()


@pytest.mark.postgres
def test_the_migration_renumbers_duplicate_positions_on_postgresql(tmp_path: Path) -> None:
    server = pg.require_server()
    url = pg.create_database(server, prefix="casebook_migrations")
    try:
        app = make_app(url, tmp_path / "index")
        with app.app_context():
            _renumbering_check()
            db.engine.dispose()
    finally:
        pg.drop_database(url)
