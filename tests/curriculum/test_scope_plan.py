"""The cases of a curriculum period at size: SQLite finds the cases not yet on an agenda
from the index on created_at, never by reading every case's row (texts included), which
each figure of the page did once (about ten times a page)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.curriculum import operations as figures
from app.extensions import db
from app.maintenance import refresh_planner_statistics
from tests.test_query_counts import build_hub


def plan_of_the_period(user) -> str:
    scope = figures.make_scope(user, start=date(2024, 1, 1), end=date(2024, 12, 31))
    scoped = figures._case_days(user, scope, figures._programs(user, scope))
    statement = (
        select(func.count())
        .select_from(scoped)
        .compile(db.engine, compile_kwargs={"literal_binds": True})
    )
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}")
        return " | ".join(row[3] for row in rows)


@pytest.mark.parametrize("role", ["admin", "curriculum"])
def test_the_cases_of_a_period_come_from_indexes_on_sqlite(app, make_user, role):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's planner; PostgreSQL keeps its own statistics")
    hub = build_hub(make_user, 3)
    user = hub.users["admin"] if role == "admin" else make_user(role)
    refresh_planner_statistics()

    plan = plan_of_the_period(user)

    assert "ix_cases_created_at" in plan, plan
    assert "SCAN cases" not in plan, plan
