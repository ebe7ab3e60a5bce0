"""Events in a record's trail that only some of its readers may read: a recommendation's
edits while it was a draft, and the marks kept on a program's or a best practice's texts."""

from __future__ import annotations

from app.admin.operations import audit_events
from app.audit.operations import record, visible_trail
from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices.operations import propose_practice
from app.recommendations.operations import add_recommendation, edit_recommendation, publish
from tests.support.builders import build_world_with_coordinators


def _edit(rec, body: str, expert) -> None:
    edit_recommendation(
        rec, body=body, category="therapeutic", references=[], editor=expert, actor=expert
    )


def test_a_recommendations_edits_as_a_draft_are_its_authors_and_admins(make_user) -> None:
    w = build_world_with_coordinators(make_user)
    rec = add_recommendation(w.case, w.expert, "Refer first?", "referral", actor=w.expert)
    _edit(rec, "Treat for 12 weeks.", w.expert)  # version 2, a draft's
    publish(rec, actor=w.expert)
    _edit(rec, "Treat for 8 weeks.", w.expert)  # version 3, in everyone's sight
    db.session.commit()

    def edits(reader) -> list[int]:
        trail = visible_trail(reader, "recommendations", rec.id)
        return [e.details["version"] for e in trail if e.action == "recommendation.edited"]

    assert edits(w.provider) == [3]
    assert edits(w.coordinator) == [3]
    assert sorted(edits(w.expert)) == [2, 3]
    assert sorted(edits(w.admin)) == [2, 3]


def _marked(entity) -> None:
    record(
        SYSTEM,
        "deid.finding_overridden",
        entity,
        field="description",
        category="NAME",
        reason="other",
    )


def test_marks_on_a_programs_texts_are_its_desks(make_user) -> None:
    w = build_world_with_coordinators(make_user)
    _marked(w.hcv)
    db.session.commit()

    def marks(reader) -> int:
        trail = visible_trail(reader, "programs", w.hcv.id)
        return sum(e.action == "deid.finding_overridden" for e in trail)

    assert marks(w.provider) == 0 and marks(w.expert) == 0
    assert marks(w.outsider) == 0  # a coordinator of another program
    assert marks(w.coordinator) == 1 and marks(w.admin) == 1


def test_the_audit_pages_count_leaves_a_programs_marks_out_in_the_query(make_user) -> None:
    w = build_world_with_coordinators(make_user)
    before = {u.id: audit_events(u, "programs", per_page=5) for u in (w.outsider, w.coordinator)}
    for _ in range(3):
        _marked(w.hcv)
    db.session.commit()
    after = audit_events(w.outsider, "programs", per_page=5)
    # The count is the rows a reader may read: a page short of its size would say why.
    assert after.total == before[w.outsider.id].total
    assert [e.action for e in after.items] == [e.action for e in before[w.outsider.id].items]
    assert audit_events(w.coordinator, "programs", per_page=5).total == (
        before[w.coordinator.id].total + 3
    )


def test_marks_on_a_practices_texts_are_for_those_who_write_practices(make_user) -> None:
    w = build_world_with_coordinators(make_user)
    practice = propose_practice(
        "Check HBV serologies", "Check HBsAg before DAAs.", author=w.expert, actor=w.expert
    )
    _marked(practice)
    db.session.commit()

    def marks(reader) -> int:
        trail = visible_trail(reader, "best_practices", practice.id)
        return sum(e.action == "deid.finding_overridden" for e in trail)

    assert marks(w.coordinator) == 0 and marks(w.provider) == 0
    assert marks(w.expert) == 1 and marks(w.admin) == 1
    listed = audit_events(w.coordinator, "practices", per_page=50)
    assert "deid.finding_overridden" not in [e.action for e in listed.items]
