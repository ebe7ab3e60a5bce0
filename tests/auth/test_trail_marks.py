"""Events in a record's trail that only some of its readers may read: a recommendation's
edits while it was a draft, and the marks kept on a program's or a best practice's texts."""

from __future__ import annotations

from app.audit.operations import visible_trail
from app.extensions import db
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
