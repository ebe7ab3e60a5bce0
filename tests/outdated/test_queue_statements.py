"""The queue's rules (the case listed, the recommendation seen, who reviews) are read once a
page, each item's recommendation and case looked up by key: as joins counted and then cut in
two statements, PostgreSQL hashed every recommendation of a 50,000-case hub twice a page."""

from __future__ import annotations

from sqlalchemy import event

from app.extensions import db
from app.outdated.operations import QUEUE_PER_PAGE, outdated_queue, outdated_queue_page
from tests.outdated.conftest import supersede


def statements_of_a_queue_page(user, **kwargs) -> tuple[list[str], object]:
    seen: list[str] = []

    def remember(_conn, _cursor, statement, _parameters, _context, _many):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        page = outdated_queue_page(user, **kwargs)
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    return seen, page


def test_the_queue_page_reads_the_rules_once_by_key(hub):
    supersede(hub)
    db.session.expire_all()

    seen, page = statements_of_a_queue_page(hub.coordinator)

    assert page.total == len(outdated_queue(hub.coordinator)) > 1
    ruled = [s for s in seen if "outdated_advice" in s and "withdrawn_at IS NULL" in s]
    assert len(ruled) == 1, ruled
    (statement,) = ruled
    assert "EXISTS" in statement, statement
    assert "recommendations.id = outdated_advice.recommendation_id" in statement, statement


def test_a_queue_page_past_the_end_gives_the_last_in_queue_order(hub):
    supersede(hub)
    everything = outdated_queue(hub.coordinator)

    last = outdated_queue_page(hub.coordinator, page=99, per_page=1)

    assert (last.page, last.total) == (len(everything), len(everything))
    assert [i.id for i in last.items] == [everything[-1].id]
    first = outdated_queue_page(hub.coordinator)
    assert [i.id for i in first.items] == [i.id for i in everything][:QUEUE_PER_PAGE]
