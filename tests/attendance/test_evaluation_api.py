"""Post-session evaluations through the API: participants answer, coordinators read the
totals; credit that waits for the evaluation follows."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.attendance.models import SessionEvaluation
from app.attendance.operations import record_attendance, set_credit_rule
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from tests.cases.test_views import as_user
from tests.support.builders import build_world


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    w.other_coordinator = make_user("coordinator")
    record_attendance(w.second, {w.provider.id: 60}, actor=w.coordinator)
    set_credit_rule(
        w.hcv,
        credit_type="ama_pra_1",
        credits_per_session=1.5,
        minimum_minutes=45,
        evaluation_required=True,
        actor=w.coordinator,
    )
    w.headers = {
        name: {"Authorization": f"Bearer {create_token(getattr(w, name), actor=SYSTEM)}"}
        for name in ("provider", "other_provider", "coordinator", "other_coordinator")
    }
    db.session.commit()
    return w


def test_a_participant_evaluates_and_the_credit_follows(client, world):
    url = f"/api/v1/sessions/{world.second.id}/evaluation"
    transcript = client.get("/api/v1/me/transcript", headers=world.headers["provider"])
    assert transcript.get_json()["total_credits"] == 0
    assert transcript.get_json()["sessions"][0]["note"] == "evaluation pending"
    answer = {"rating": 4, "will_change_practice": True}
    response = client.put(url, json=answer, headers=world.headers["provider"])
    assert response.status_code == 200 and response.get_json()["rating"] == 4
    transcript = client.get("/api/v1/me/transcript", headers=world.headers["provider"])
    assert transcript.get_json()["total_credits"] == 1.5
    # Changeable, still one evaluation.
    client.put(url, json={**answer, "rating": 5}, headers=world.headers["provider"])
    assert len(list(db.session.scalars(select(SessionEvaluation)))) == 1


def test_bad_answers_name_the_field(client, world):
    url = f"/api/v1/sessions/{world.second.id}/evaluation"
    for body, field in (
        ({"rating": 6, "will_change_practice": True}, "rating"),
        ({"rating": "4", "will_change_practice": True}, "rating"),
        ({"rating": 4, "will_change_practice": "yes"}, "will_change_practice"),
        ({"rating": 4}, "will_change_practice"),
    ):
        response = client.put(url, json=body, headers=world.headers["provider"])
        assert response.status_code == 422 and response.get_json()["field"] == field
    assert db.session.scalar(select(SessionEvaluation)) is None


def test_only_participants_evaluate(client, world):
    url = f"/api/v1/sessions/{world.second.id}/evaluation"
    answer = {"rating": 4, "will_change_practice": False}
    response = client.put(url, json=answer, headers=world.headers["other_provider"])
    assert response.status_code == 403 and "participants" in response.get_json()["message"]


def test_coordinators_read_the_results_in_totals(client, world):
    client.put(
        f"/api/v1/sessions/{world.second.id}/evaluation",
        json={"rating": 4, "will_change_practice": True},
        headers=world.headers["provider"],
    )
    url = f"/api/v1/sessions/{world.second.id}/evaluations"
    body = client.get(url, headers=world.headers["coordinator"]).get_json()
    assert body["participants"] == 1 and body["responses"] == 1
    assert body["average_rating"] == 4 and body["ratings"]["4"] == 1
    assert body["will_change_practice"] == 1
    assert "user_id" not in str(body)  # who answered what is not shown
    for who in ("provider", "other_provider"):
        assert client.get(url, headers=world.headers[who]).status_code == 403
    # The attendance page shows the same totals.
    as_user(client, world.coordinator)
    page = client.get("/programs/hcv/sessions/2/attendance").get_data(as_text=True)
    assert "1 of 1 participants answered. Average usefulness 4.0 of 5" in page


def test_coordinators_set_the_credit_rule_and_its_certificate_text(client, world):
    url = "/api/v1/programs/hcv/credit-rule"
    body = client.get(url, headers=world.headers["coordinator"]).get_json()
    assert body["credits_per_session"] == 1.5 and body["signer_name"] == ""
    rule = {
        "credit_type": "ancc",
        "credits_per_session": 2,
        "minimum_minutes": 30,
        "evaluation_required": False,
        "accreditation_statement": "Approved for 2 ANCC contact hours.",
        "signer_name": "Ada Park, MD",
        "signer_title": "Director, Continuing Education",
    }
    response = client.put(url, json=rule, headers=world.headers["coordinator"])
    assert response.status_code == 200 and response.get_json()["signer_name"] == "Ada Park, MD"
    # Leaving the certificate text out keeps it.
    short = {k: rule[k] for k in ("credit_type", "credits_per_session", "minimum_minutes")}
    response = client.put(
        url, json={**short, "evaluation_required": True}, headers=world.headers["coordinator"]
    )
    assert response.get_json()["accreditation_statement"] == rule["accreditation_statement"]
    for change, field in (
        ({"signer_title": "Director\nCME"}, "signer_title"),
        ({"credits_per_session": 0}, "credits_per_session"),
        ({"colour": "red"}, "colour"),
    ):
        response = client.put(url, json={**rule, **change}, headers=world.headers["coordinator"])
        assert response.status_code == 422 and response.get_json()["field"] == field
    assert client.put(url, json=rule, headers=world.headers["provider"]).status_code == 403
    assert client.get(url, headers=world.headers["provider"]).status_code == 403
