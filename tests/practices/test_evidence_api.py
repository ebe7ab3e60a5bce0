"""Evidence cited by mistake is removed through the API by whoever may remove it."""

from __future__ import annotations

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices.operations import add_evidence, propose_from_recommendations
from tests.practices.test_operations import two_sessions  # noqa: F401 - fixture


def _bearer(user):
    return {"Authorization": f"Bearer {create_token(user, actor=SYSTEM)}"}


def test_the_citer_removes_evidence_and_others_are_refused(app, client, two_sessions, make_user):  # noqa: F811
    expert, provider, recs = two_sessions
    practice = propose_from_recommendations(
        [recs[0]], "Naloxone at every visit", "Offer naloxone.", author=expert, actor=expert
    )
    citer, other = make_user("expert"), make_user("expert")
    link = add_evidence(practice, recs[1].case, added_by=citer, actor=citer)
    headers = {"citer": _bearer(citer), "other": _bearer(other), "provider": _bearer(provider)}
    db.session.commit()
    url = f"/api/v1/practices/{practice.id}/evidence/{link.id}"
    for who in ("other", "provider"):
        response = client.delete(url, headers=headers[who])
        assert response.status_code == 403 and "cited it" in response.get_json()["message"]
    response = client.delete(url, headers=headers["citer"])
    assert response.status_code == 200
    assert [e["kind"] for e in response.get_json()["evidence"]] == ["recommendation"]
    event = db.session.scalar(
        select(AuditEvent).where(AuditEvent.action == "practice.evidence_removed")
    )
    assert event is not None and event.actor_id == citer.id
    response = client.delete(url, headers=headers["citer"])
    assert response.status_code == 404 and str(link.id) in response.get_json()["message"]
