"""The sessions of many cases at once (a page of candidate practices, a practice's cited
cases): SQLite finds each case's presentations by the case, never by walking every session
in date order and probing each case against it (sessions × cases lookups: 60 ms for 440
cases and 300 sessions, most of a candidates page)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import selectinload

from app.cases.models import Case
from app.extensions import db
from app.maintenance import refresh_planner_statistics
from tests.test_query_counts import build_hub


def test_the_sessions_of_many_cases_are_found_by_case_on_sqlite(app, make_user):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's planner; PostgreSQL keeps its own statistics")
    build_hub(make_user, 3)
    refresh_planner_statistics()
    seen: list[tuple[str, Any]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        cases = db.session.scalars(select(Case).options(selectinload(Case.sessions))).all()
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)

    assert all(c.sessions == sorted(c.sessions, key=lambda s: s.date) for c in cases)
    assert sum(len(c.sessions) for c in cases) == len(cases)  # each on one agenda
    (statement, parameters), *_ = [s for s in seen if "case_presentations" in s[0]]
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        plan = " | ".join(row[3] for row in rows)
    assert "SCAN sessions" not in plan, plan
