"""What names a best practice (a notice, an outdated item, a dissent) is shown when the
reader may see that practice: the practices named are checked one by one by key, not every
practice's visibility derived (each practice's evidence) for every statement. On
PostgreSQL the derived set cost 140 ms of every page's unread-notifications count at
50,000 cases."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.notifications.models import Notification
from app.notifications.operations import shown_to
from tests.test_query_counts import hub_of


def test_the_unread_count_checks_the_named_practices_by_key_on_sqlite(app, make_user, worlds):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's planner; PostgreSQL keeps its own statistics")
    hub_of(worlds, make_user, 3)
    reader = make_user("expert")
    statement = (
        select(func.count(Notification.id))
        .where(shown_to(reader), Notification.read_at.is_(None))
        .compile(db.engine, compile_kwargs={"literal_binds": True})
    )
    with db.engine.connect() as conn:
        plan = " | ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}"))
    assert "SEARCH best_practices USING INTEGER PRIMARY KEY" in plan, plan
    assert "SCAN best_practices" not in plan, plan


@pytest.mark.parametrize("role", ["expert", "provider"])
def test_the_unread_count_reads_the_practices_visibility_once(app, make_user, worlds, role):
    """Both kinds of named practice (the news's own, one named in passing) in one subquery:
    PostgreSQL plans every subquery of a statement, and the visibility rule written twice
    was most of every page's unread count there (its planning, not its execution)."""
    hub_of(worlds, make_user, 3)
    reader = make_user(role)
    statement = str(
        select(func.count(Notification.id))
        .where(shown_to(reader), Notification.read_at.is_(None))
        .compile(db.engine)
    )

    assert statement.count("FROM notification_practices") == 1, statement
    assert statement.count("FROM best_practices") == 1, statement
