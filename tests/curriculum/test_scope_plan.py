"""The cases of a curriculum period at size: SQLite finds them as a range of the index on
the day each counts on (Case.counts_on), never by reading every case's row (texts
included), which each figure of the page did once (about ten times a page)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, func, select

from app.curriculum import operations as figures
from app.extensions import db
from app.maintenance import refresh_planner_statistics
from app.programs.models import Topic
from tests.test_query_counts import hub_of


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
def test_the_cases_of_a_period_come_from_indexes_on_sqlite(app, make_user, worlds, role):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's planner; PostgreSQL keeps its own statistics")
    hub = hub_of(worlds, make_user, 3)
    user = hub.users["admin"] if role == "admin" else make_user(role)
    refresh_planner_statistics()

    plan = plan_of_the_period(user)

    assert "ix_cases_counts_on" in plan, plan
    assert "SCAN cases" not in plan, plan


def test_the_shown_topics_detail_reads_each_case_topics_once_on_sqlite(app, make_user, worlds):
    """Per-month counts of the 50 topics a page shows: each case's topics are read once, not
    the (case, topic) key probed once per case and topic of the list."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's planner; PostgreSQL keeps its own statistics")
    hub = hub_of(worlds, make_user, 3)
    user = hub.users["admin"]
    refresh_planner_statistics()
    scope = figures.make_scope(user, start=date(2024, 1, 1), end=date(2024, 12, 31))
    topic_ids = list(db.session.scalars(select(Topic.id)))
    seen: list[tuple[str, Any]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        by_month, by_presenter = figures._count_details(
            user,
            scope,
            figures._programs(user, scope),
            topics=topic_ids,
            presenters=None,
            presenter_topics=topic_ids,
        )
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)

    assert by_month and by_presenter
    (statement, parameters), *_ = [s for s in seen if "scoped_cases" in s[0]]
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        plan = " | ".join(row[3] for row in rows)
    assert "case_topics" in plan, plan
    assert "topic_id=?" not in plan, plan


def test_the_topics_table_reads_the_periods_cases_topics_not_every_link_on_sqlite(
    app, make_user, worlds
):
    """Cases per topic and month (the topics CSV, every row): the links of the period's
    cases are looked up by case, not every link of the hub walked in topic order."""
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's planner; PostgreSQL keeps its own statistics")
    hub = hub_of(worlds, make_user, 3)
    user = hub.users["admin"]
    refresh_planner_statistics()
    scope = figures.make_scope(user, start=date(2024, 1, 1), end=date(2024, 12, 31))
    seen: list[tuple[str, Any]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        cases, by_topic = figures._count_topic_months(user, scope, figures._programs(user, scope))
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)

    assert cases and by_topic
    (statement, parameters), *_ = [s for s in seen if "scoped_cases" in s[0]]
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        plan = " | ".join(row[3] for row in rows)
    assert "SEARCH case_topics" in plan, plan
    assert "SCAN case_topics" not in plan, plan
