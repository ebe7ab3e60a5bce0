"""The coordinator's session desk: agendas, overdue items, the experts' recommendations,
and sending them to the presenter as one letter."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.audit.models import AuditEvent
from app.auth.policy import SYSTEM
from app.cases.models import CaseStatus
from app.common import utcnow
from app.desk.models import RecommendationsSent
from app.desk.operations import send_recommendations, session_desk
from app.errors import PermissionDenied, ValidationError
from app.extensions import db
from app.notifications.operations import notifications_for
from app.programs.operations import create_session
from app.recommendations.models import RecommendationStatus
from tests.cases.test_views import as_user, text
from tests.support.builders import add_case, add_recommendation, build_world


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    w.upcoming = create_session(
        w.hcv,
        utcnow().date() + timedelta(days=3),
        title="Cirrhosis care",
        didactic_topic="HCC surveillance",
        didactic_presenter="Ana Ruiz, MD",
        actor=SYSTEM,
    )
    w.on_agenda = add_case(
        w.hcv, w.other_provider, "Woman with HCV genotype 3", status=CaseStatus.APPROVED
    )
    w.on_agenda.presentations.clear()
    from app.cases.operations import schedule

    schedule(w.on_agenda, w.upcoming, actor=SYSTEM)
    w.waiting = add_case(w.hcv, w.provider, "Long-waiting case", status=CaseStatus.SUBMITTED)
    w.waiting.submitted_at = utcnow() - timedelta(days=12)
    # world.follow_up was presented at session 2 (2025): overdue for its letter
    w.published = add_recommendation(w.follow_up, w.expert, "Continue HCC surveillance.")
    w.draft = add_recommendation(w.follow_up, w.expert, "Repeat elastography.", published=False)
    db.session.commit()
    return w


def test_coordinator_sees_agendas_overdue_items_and_the_experts_drafts(client, world):
    as_user(client, world.coordinator)
    page = text(client.get("/programs/hcv/desk"))
    assert "Cirrhosis care" in page and "HCC surveillance" in page and "Ana Ruiz, MD" in page
    assert "Woman with HCV genotype 3" in page  # on the upcoming agenda
    assert "Long-waiting case" in page and "(12 days)" in page
    assert "no recommendations sent for" in page
    assert "Continue HCC surveillance." in page and "Repeat elastography." in page  # the draft
    # a shorter threshold, and a bad one named
    assert "Long-waiting case" not in text(client.get("/programs/hcv/desk?days=30"))
    response = client.get("/programs/hcv/desk?days=soon")
    assert response.status_code == 422
    assert "Days must be a whole number from 1 to 365." in text(response)


def test_send_recommendations_notifies_the_presenter_and_is_on_the_timeline(client, world):
    as_user(client, world.coordinator)
    response = client.post(
        f"/programs/hcv/desk/cases/{world.follow_up.id}/send", follow_redirects=True
    )
    assert "Sent 1 recommendation on" in text(response)
    sent = db.session.scalar(db.select(RecommendationsSent))
    assert sent.recommendation_ids == [world.published.id]
    assert sent.sent_by_id == world.coordinator.id
    note = notifications_for(world.provider)[0]
    assert "were sent" in note.message and note.url == f"/cases/{world.follow_up.id}/letter"
    assert db.session.scalar(
        db.select(AuditEvent).where(AuditEvent.action == "case.recommendations_sent")
    )
    # no longer overdue; the case page's story says it was sent
    assert "no recommendations sent for" not in text(client.get("/programs/hcv/desk"))
    as_user(client, world.provider)
    page = text(client.get(f"/cases/{world.follow_up.id}"))
    assert "Recommendations sent to the presenter" in page
    letter = text(client.get(f"/cases/{world.follow_up.id}/letter"))
    assert "Continue HCC surveillance." in letter and "Repeat elastography." not in letter


def test_drafts_are_published_on_the_hubs_behalf_only_when_asked(app, world):
    world.published.status = RecommendationStatus.DRAFT
    db.session.commit()
    with pytest.raises(ValidationError, match="no published recommendation to send"):
        send_recommendations(world.follow_up, actor=world.coordinator)
    db.session.rollback()
    assert db.session.scalar(db.select(RecommendationsSent)) is None
    sent = send_recommendations(world.follow_up, actor=world.coordinator, publish_drafts=True)
    assert len(sent.recommendation_ids) == 2
    assert world.draft.status is RecommendationStatus.PUBLISHED


def test_a_case_not_yet_presented_is_not_sent(app, world):
    with pytest.raises(ValidationError, match="once the case is presented"):
        send_recommendations(world.on_agenda, actor=world.coordinator)


@pytest.mark.parametrize("role", ["provider", "expert", "curriculum"])
def test_other_roles_are_refused_the_desk(client, world, make_user, role):
    user = make_user(role, programs=["hcv"])
    as_user(client, user)
    assert client.get("/programs/hcv/desk").status_code == 403
    response = client.post(f"/programs/hcv/desk/cases/{world.follow_up.id}/send")
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        session_desk(world.hcv, actor=user)
    assert db.session.scalar(db.select(RecommendationsSent)) is None


def test_a_private_programs_desk_is_hidden_from_other_coordinators(client, world):
    as_user(client, world.coordinator)
    assert client.get("/programs/perinatal-sud/desk").status_code == 404
    response = client.post(f"/programs/perinatal-sud/desk/cases/{world.private_case.id}/send")
    assert response.status_code == 404


def test_publishing_on_the_hubs_behalf_warns_of_conflicts_first(client, world):
    from app.programs.operations import find_topic
    from tests.outdated.conftest import current_practice

    world.follow_up.topics = [find_topic("Hepatitis C")]
    world.draft.body = "Skip HBV serologies before the DAAs."
    practice = current_practice(
        "Check HBV serologies before every DAA start",
        "Check HBsAg and anti-HBc before starting DAAs.",
        topics=["Hepatitis C"],
        author=world.expert,
    )
    db.session.commit()
    as_user(client, world.coordinator)
    url = f"/programs/hcv/desk/cases/{world.follow_up.id}/send"
    warned = client.post(url, data={"publish_drafts": "yes"})
    assert warned.status_code == 303 and f"confirm={world.follow_up.id}" in warned.location
    assert db.session.scalar(db.select(RecommendationsSent)) is None
    assert world.draft.status is RecommendationStatus.DRAFT
    page = text(client.get(warned.location))
    assert "Publish and send anyway" in page and practice.title in page
    sent = client.post(url, data={"publish_drafts": "yes", "conflicts_seen": "yes"})
    assert sent.status_code == 303
    db.session.expire_all()
    assert world.draft.status is RecommendationStatus.PUBLISHED
    told = [n.message for n in notifications_for(world.expert)]
    assert any("published on the hub's behalf" in m and practice.title in m for m in told)
