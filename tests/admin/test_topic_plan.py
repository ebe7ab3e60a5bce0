"""The reviewer's topic list at size: whether a proposed topic is carried only by programs
hidden from the reviewer is found through the link tables' index on topic_id, never by
reading every (case, topic) link once per topic listed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.auth import policy
from app.cases.models import Case
from app.extensions import db
from app.programs.models import Topic
from app.programs.operations import find_program
from tests.test_query_counts import _case, hub_of


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


@pytest.mark.parametrize(
    ("role", "program"),
    [("admin", "program-0"), ("coordinator", "program-0"), ("coordinator", "members-only")],
)
def test_the_topic_lists_case_counts_find_links_by_topic_on_sqlite(
    app, make_user, worlds, role, program
):
    """A page of the list counts the cases of its 50 topics: from those topics' links,
    each case read by its key, never every case of the hub probed once per topic listed
    (without statistics SQLite took the index on withdrawn_at, NULL for nearly every case,
    as selective: 175 ms at 4,500 cases, seconds at 50,000)."""
    from sqlalchemy import event

    from app.admin.operations import topic_link_counts

    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's planner; PostgreSQL keeps its own statistics")
    hub_of(worlds, make_user, 3)
    hidden = find_program("members-only")
    presenter = make_user("provider", programs=["members-only"])
    _case(hidden, presenter, ["Condition 0", "Hypertension"], "private")
    reader = make_user(role, programs=[program])
    topic_ids = list(db.session.scalars(select(Topic.id)))
    listed = {
        t: sum(
            1
            for case in db.session.scalars(select(Case))
            if t in {topic.id for topic in case.topics}
            and policy.can_view_program(reader, case.program)
            and policy.can_list_case(reader, case)
        )
        for t in topic_ids
    }
    topic_ids += range(max(topic_ids) + 1, max(topic_ids) + 51 - len(topic_ids))  # a page's 50
    seen: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        if "case_topics" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        counts = topic_link_counts(reader, topic_ids)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)

    assert {t: counts[t]["cases"] for t in listed} == listed
    assert any(listed.values())
    private = sum(1 for case in db.session.scalars(select(Case)) if case.program == hidden)
    assert private == 1
    assert len(seen) == 1
    statement, parameters = seen[0]
    with db.engine.connect() as conn:
        plan = " | ".join(
            row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
        )
    assert "ix_case_topics_topic_id" in plan, plan
    assert "SEARCH cases USING INTEGER PRIMARY KEY" in plan, plan
    assert "ix_cases_withdrawn_at" not in plan and "SCAN cases" not in plan, plan
