"""The reviewer's topic list at size: whether a proposed topic is carried only by programs
hidden from the reviewer is found through the link tables' index on topic_id, never by
reading every (case, topic) link once per topic listed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.auth import policy
from app.extensions import db
from app.programs.models import Topic
from tests.test_query_counts import hub_of


def test_the_reviewers_topic_list_finds_links_by_index_on_sqlite(app, make_user, worlds):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's planner; PostgreSQL keeps its own statistics")
    hub_of(worlds, make_user, 3)
    reviewer = make_user("coordinator", programs=["program-0"])
    # No ANALYZE: statistics of a hub this small make any plan look cheap; without them
    # the planner shows which indexes exist to serve the lookup.
    statement = (
        select(func.count())
        .select_from(Topic)
        .where(policy.topic_reviewable_clause(reviewer))
        .compile(db.engine, compile_kwargs={"literal_binds": True})
    )
    with db.engine.connect() as conn:
        plan = " | ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}"))

    for table in ("case_topics", "session_topics", "practice_topics"):
        assert f"SCAN {table}" not in plan, plan
        assert f"ix_{table}_topic_id" in plan, plan
