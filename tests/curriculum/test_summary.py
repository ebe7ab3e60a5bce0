"""The curriculum page's counts, the detail of the rows it shows and the previous period's
totals come from one statement over the period's cases derived once; the rows it shows are
the same as when every row is read."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from app.auth.models import User
from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.curriculum import operations as figures
from app.extensions import db
from app.programs.operations import create_program, create_session, resolve_topics
from tests.cases.test_views import as_user
from tests.support.builders import add_case
from tests.test_query_counts import hub_of

RANGE = "start=2024-01-01&end=2024-12-31"


def test_the_page_derives_the_periods_cases_once_for_its_figures(app, make_user, client, worlds):
    """The counts, the shown detail and the previous period's totals each derived the
    period's cases again (90 to 120 ms each on PostgreSQL at 50,000 cases)."""
    hub_of(worlds, make_user, 3)
    viewer = make_user("curriculum")
    db.session.commit()
    as_user(client, viewer)
    assert client.get(f"/curriculum?{RANGE}").status_code == 200  # groups refreshed
    seen: list[str] = []

    def remember(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        assert client.get(f"/curriculum?{RANGE}").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    # The recurring questions' groups are sized in the same statement (they derived the
    # cases again in one of their own before).
    deriving = [s for s in seen if "scoped_cases" in s]
    assert len(deriving) == 1, deriving
    assert "question_group_members" in deriving[0]


@pytest.mark.parametrize(
    "shown",
    [
        figures.Shown(1, 1, 1),
        figures.Shown(2, 2, 2, first=1),
        figures.Shown(3, 1, None, first=2),
        figures.Shown(50, 30, 12),
        figures.Shown(2, 2, None, first=40),
    ],
)
def test_the_rows_shown_are_those_of_every_row(app, make_user, worlds, shown):
    """Ties at the window's edges are read too, then left out: what is shown is what the
    full tables (the CSV files) have for those rows."""
    hub = hub_of(worlds, make_user, 3)
    user = hub.users["admin"]
    scope = figures.make_scope(user, start=date(2024, 1, 1), end=date(2024, 12, 31))
    page = figures.Figures(user, scope, shown, trends=True)
    every = figures.Figures(user, scope)
    topics = set(shown.window(every.topic_order, shown.topics))
    assert page.topic_frequency().counts == {
        name: c for name, c in every.topic_frequency().counts.items()
        if name in {every.vocabulary[t].name for t in topics}
    }  # fmt: skip
    names = set(shown.window(every.presenter_order, shown.presenters))
    corner = every.topic_order[: shown.coverage_topics] if shown.coverage_topics else None
    wanted = {
        (who, topic): n
        for (who, topic), n in every.presenter_coverage().counts.items()
        if who in names and (corner is None or topic in {every.vocabulary[t].name for t in corner})
    }
    assert page.presenter_coverage().counts == wanted
    assert page.rising_topics() == every.rising_topics()
    assert page.counts == every.counts


def test_the_previous_period_is_read_for_the_topics_that_may_be_rising(app, make_user):
    """A topic with fewer than RISING_MIN_CASES cases in the period is never rising: its
    previous period's count is not returned (a fifth of those rows at 50,000 cases)."""
    program = create_program("pain", "Pain ECHO", actor=SYSTEM)
    now = create_session(program, date(2024, 6, 12), title="June", actor=SYSTEM)
    before = create_session(program, date(2023, 6, 14), title="June before", actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["pain"])
    # Sleep: 2 now, 1 before (rising); Falls: 1 now, 3 before; Naloxone: 0 now, 2 before.
    for session, topics in [
        (now, ["Sleep"]),
        (now, ["Sleep", "Falls"]),
        (before, ["Sleep", "Falls"]),
        (before, ["Falls", "Naloxone"]),
        (before, ["Falls", "Naloxone"]),
    ]:
        add_case(program, presenter, session=session, topics=resolve_topics(topics))
    db.session.commit()
    scope = figures.make_scope(SYSTEM, start=date(2024, 1, 1), end=date(2024, 12, 31))
    page = figures.Figures(SYSTEM, scope, figures.Shown(), trends=True)
    assert page.summary is not None and page.summary.previous is not None
    names = {page.vocabulary[t].name: n for t, n in page.summary.previous.items()}
    assert names == {"Sleep": 1}
    assert page.rising_topics() == figures.Figures(SYSTEM, scope).rising_topics()
    assert [(t.topic, t.current, t.previous) for t in page.rising_topics()] == [("Sleep", 2, 1)]


def _relation_rows(plan: dict, relation: str) -> int:
    """Rows the plan read from `relation`, every loop of every node on it."""
    own = plan.get("Actual Rows", 0) * plan.get("Actual Loops", 0)
    found = own if plan.get("Relation Name") == relation else 0
    return found + sum(_relation_rows(p, relation) for p in plan.get("Plans", []))


def test_the_presenters_shown_are_read_once_per_cell(app, make_user, client, worlds):
    """Coverage by presenter keeps the cells of the presenters shown, chosen by name: joined
    by name before counting, PostgreSQL planned the window of names as one row and read
    every link's presenter again for each name (14,344 user rows for 431 cases at 5,000)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's planner")
    hub_of(worlds, make_user, 3)
    viewer = make_user("curriculum")
    db.session.commit()
    as_user(client, viewer)
    assert client.get(f"/curriculum?{RANGE}").status_code == 200
    seen: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, *_args) -> None:
        if "scoped_links" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        assert client.get(f"/curriculum?{RANGE}").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    statement, parameters = seen[0]
    cursor = db.session.connection().connection.driver_connection.cursor()
    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters)
    plan = cursor.fetchone()[0][0]["Plan"]
    cases = db.session.scalar(sa.select(sa.func.count()).select_from(Case))
    users = db.session.scalar(sa.select(sa.func.count()).select_from(User))
    # A few reads of each: the presenters' totals, the names of the cells (read 756 rows of
    # 10 users for 54 cases before).
    assert _relation_rows(plan, "users") <= 3 * (users + cases), (users, cases)


def test_the_page_reads_the_practices_it_may_show_once(app, make_user, client, worlds):
    """Teaching coverage (practices per topic and status) and the gaps (topics with a live
    practice) each read the visible practices with the whole visibility rule; the gaps now
    take theirs from the same counts."""
    hub_of(worlds, make_user, 3)
    viewer = make_user("curriculum")
    db.session.commit()
    as_user(client, viewer)
    assert client.get(f"/curriculum?{RANGE}").status_code == 200
    seen: list[str] = []

    def remember(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        assert client.get(f"/curriculum?{RANGE}").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    assert len([s for s in seen if "practice_topics" in s]) == 1
