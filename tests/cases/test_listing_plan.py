"""Lists of cases at size: after `casebook init` (ANALYZE) SQLite reads the API's page of
cases from the index on (updated_at, id) in order, and counts the visible cases from the
index of the visibility columns, never reading or sorting every case's row."""

from __future__ import annotations

import pytest
from flask import g
from sqlalchemy import event

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.maintenance import refresh_planner_statistics
from tests.test_query_counts import hub_of


def plans_of_the_case_list(client, user) -> tuple[str, str]:
    token = create_token(user, "plan", actor=SYSTEM)
    db.session.commit()
    seen: list[tuple[str, object]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        if "FROM cases" in statement and "presenter_id" in statement:
            seen.append((statement, parameters))

    db.session.remove()
    g.pop("_login_user", None)
    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        response = client.get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert response.status_code == 200
    page = next(s for s in seen if "ORDER BY cases.updated_at DESC" in s[0])
    count = next(s for s in seen if s[0].startswith("SELECT count(*)"))

    def plan(statement: str, parameters: object) -> str:
        with db.engine.connect() as conn:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            return " | ".join(row[3] for row in rows)

    return plan(*page), plan(*count)


@pytest.mark.parametrize("role", ["admin", "provider"])
def test_the_api_case_list_walks_the_index_in_order_on_sqlite(app, make_user, worlds, role):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's planner; PostgreSQL keeps its own statistics")
    hub = hub_of(worlds, make_user, 3)
    refresh_planner_statistics()

    page, count = plans_of_the_case_list(app.test_client(), hub.users[role])

    assert "ix_cases_updated_at_id" in page, page
    assert "TEMP B-TREE" not in page, page
    assert "COVERING INDEX ix_cases_listing" in count, count
