"""The admin console in the JSON API: accounts and the topic vocabulary."""

from __future__ import annotations

import pytest

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import create_program, create_topic, get_program
from tests.support.builders import add_case


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    admin = make_user("admin")
    coordinator = make_user("coordinator", programs=["hcv"])
    provider = make_user("provider", programs=["hcv"])
    headers = {
        "admin": {"Authorization": f"Bearer {create_token(admin, actor=SYSTEM)}"},
        "coordinator": {"Authorization": f"Bearer {create_token(coordinator, actor=SYSTEM)}"},
        "provider": {"Authorization": f"Bearer {create_token(provider, actor=SYSTEM)}"},
    }
    db.session.commit()
    return admin, coordinator, provider, headers


def test_admin_lists_and_deactivates_accounts(client, world):
    admin, _coordinator, provider, headers = world
    body = client.get("/api/v1/admin/accounts?role=provider", headers=headers["admin"]).get_json()
    assert [a["email"] for a in body["results"]] == [provider.email]
    response = client.get("/api/v1/admin/accounts?program=nope", headers=headers["admin"])
    assert response.status_code == 404 and response.get_json()["field"] == "program"
    response = client.post(
        f"/api/v1/admin/accounts/{provider.id}/deactivate", headers=headers["admin"]
    )
    assert response.status_code == 200 and response.get_json()["active"] is False
    # The deactivated account's token is revoked, and refused saying so.
    response = client.get("/api/v1/programs", headers=headers["provider"])
    assert response.status_code == 401 and "revoked" in response.get_json()["message"]
    response = client.post(
        f"/api/v1/admin/accounts/{admin.id}/deactivate", headers=headers["admin"]
    )
    assert response.status_code == 403
    response = client.post(
        f"/api/v1/admin/accounts/{provider.id}/reset-password", headers=headers["admin"]
    )
    assert response.get_json()["account"]["must_change_password"] is True
    assert len(response.get_json()["temporary_password"]) >= 12


def test_admin_revokes_an_accounts_token(client, world):
    _admin, coordinator, _provider, headers = world
    tokens = client.get(
        f"/api/v1/admin/accounts/{coordinator.id}/tokens", headers=headers["admin"]
    ).get_json()["results"]
    assert len(tokens) == 1 and "token_hash" not in tokens[0]
    response = client.delete(
        f"/api/v1/admin/accounts/{coordinator.id}/tokens/{tokens[0]['id']}",
        headers=headers["admin"],
    )
    assert response.get_json()["status"] == "revoked"
    assert client.get("/api/v1/programs", headers=headers["coordinator"]).status_code == 401


def test_other_roles_are_refused(client, world):
    _admin, coordinator, provider, headers = world
    for role in ("coordinator", "provider"):
        response = client.get("/api/v1/admin/accounts", headers=headers[role])
        assert response.status_code == 403
        response = client.post(
            f"/api/v1/admin/accounts/{provider.id}/deactivate", headers=headers[role]
        )
        assert response.status_code == 403


def test_coordinator_accepts_a_proposed_topic_but_cannot_retire_one(client, world):
    _admin, _coordinator, provider, headers = world
    topic = create_topic("Renal dosing", actor=SYSTEM)
    topic.status = "proposed"
    # A case of the coordinator's program carries it (one nobody carries is an admin's).
    add_case(get_program("hcv"), provider, "Renal dosing question", topics=[topic])
    db.session.commit()
    body = client.get("/api/v1/admin/topics?status=proposed", headers=headers["coordinator"])
    assert [t["name"] for t in body.get_json()["results"]] == ["Renal dosing"]
    url = f"/api/v1/admin/topics/{topic.id}/actions"
    response = client.post(url, json={"action": "retire"}, headers=headers["coordinator"])
    assert response.status_code == 403
    response = client.post(url, json={"action": "accept"}, headers=headers["coordinator"])
    assert response.get_json()["status"] == "accepted"
    response = client.post(url, json={"action": "accept"}, headers=headers["coordinator"])
    assert response.status_code == 409 and "not proposed" in response.get_json()["message"]
    response = client.post(url, json={"action": "melt"}, headers=headers["admin"])
    assert response.status_code == 422 and response.get_json()["field"] == "action"
    assert client.get("/api/v1/admin/topics", headers=headers["provider"]).status_code == 403


def test_filters_outside_their_choices_are_refused(client, world):
    headers = world[3]["admin"]
    for url, field in (
        ("/api/v1/admin/accounts?status=", "status"),
        ("/api/v1/admin/accounts?role=wizard", "role"),
        ("/api/v1/admin/topics?status=gone", "status"),
    ):
        response = client.get(url, headers=headers)
        assert response.status_code == 422 and response.get_json()["field"] == field
