"""The admin console's changes through the JSON API: creating and editing accounts, a
program's staff, editing and merging topics; tokens revoked with a temporary password."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.auth.models import User
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.models import Topic
from app.programs.operations import create_program, create_topic, find_program
from tests.support.builders import add_case


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    db.session.commit()
    people = {
        "admin": make_user("admin"),
        "coordinator": make_user("coordinator", programs=["hcv"]),
        "other_coordinator": make_user("coordinator", programs=["oud"]),
        "expert": make_user("expert"),
        "provider": make_user("provider", programs=["hcv"]),
    }
    headers = {
        role: {"Authorization": f"Bearer {create_token(user, actor=SYSTEM)}"}
        for role, user in people.items()
    }
    db.session.commit()
    return people, headers


def _events(action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_admin_creates_an_account_with_a_temporary_password(client, world):
    _people, headers = world
    body = {
        "email": "Nina.Ross@example.org",
        "display_name": "Nina Ross",
        "role": "expert",
        "programs": ["hcv"],
    }
    response = client.post("/api/v1/admin/accounts", json=body, headers=headers["admin"])
    assert response.status_code == 201
    created = response.get_json()
    assert created["account"]["email"] == "nina.ross@example.org"
    assert created["account"]["programs"] == ["hcv"]
    assert created["account"]["must_change_password"] is True
    assert len(created["temporary_password"]) >= 12
    assert _events("user.created")
    # The same email again, an unknown program, a role outside the list: 422 naming the field.
    response = client.post("/api/v1/admin/accounts", json=body, headers=headers["admin"])
    assert response.status_code == 409 and response.get_json()["field"] == "email"
    response = client.post(
        "/api/v1/admin/accounts",
        json={**body, "email": "new@example.org", "programs": ["nope"]},
        headers=headers["admin"],
    )
    answer = response.get_json()
    assert response.status_code == 404 and answer["field"] == "programs"
    assert answer["message"] == "No such program."
    for change, field in (
        ({"email": "new@example.org", "role": "wizard"}, "role"),
        ({"email": "not an email"}, "email"),
        ({"email": "new@example.org", "display_name": ""}, "display_name"),
    ):
        response = client.post(
            "/api/v1/admin/accounts", json={**body, **change}, headers=headers["admin"]
        )
        assert response.status_code == 422 and response.get_json()["field"] == field
    assert db.session.scalar(select(User).where(User.email == "new@example.org")) is None
    for role in ("coordinator", "provider"):
        response = client.post(
            "/api/v1/admin/accounts",
            json={**body, "email": "x@example.org"},
            headers=headers[role],
        )
        assert response.status_code == 403


def test_admin_edits_an_accounts_name_role_and_programs(client, world):
    people, headers = world
    provider = people["provider"]
    url = f"/api/v1/admin/accounts/{provider.id}"
    response = client.patch(
        url, json={"role": "expert", "programs": ["oud", "hcv"]}, headers=headers["admin"]
    )
    assert response.status_code == 200
    assert response.get_json()["role"] == "expert"
    assert response.get_json()["programs"] == ["hcv", "oud"]
    assert _events("user.role_changed") and _events("user.membership_added")
    response = client.patch(url, json={"display_name": "   "}, headers=headers["admin"])
    assert response.status_code == 422 and response.get_json()["field"] == "display_name"
    response = client.patch(url, json={"programs": ["gone"]}, headers=headers["admin"])
    assert response.status_code == 404 and response.get_json()["field"] == "programs"
    response = client.patch(url, json={"email": "x@example.org"}, headers=headers["admin"])
    assert response.status_code == 422 and response.get_json()["field"] == "email"
    # The last admin cannot be made something else.
    admin_url = f"/api/v1/admin/accounts/{people['admin'].id}"
    response = client.patch(admin_url, json={"role": "expert"}, headers=headers["admin"])
    assert response.status_code == 422 and response.get_json()["field"] == "role"
    response = client.patch(url, json={"role": "admin"}, headers=headers["coordinator"])
    assert response.status_code == 403


def test_a_reset_password_and_a_deactivation_revoke_the_accounts_api_tokens(client, world):
    people, headers = world
    provider, coordinator = people["provider"], people["coordinator"]
    assert client.get("/api/v1/programs", headers=headers["provider"]).status_code == 200
    response = client.post(
        f"/api/v1/admin/accounts/{provider.id}/reset-password", headers=headers["admin"]
    )
    assert response.get_json()["tokens_revoked"] == 1
    response = client.get("/api/v1/programs", headers=headers["provider"])
    assert response.status_code == 401 and "revoked" in response.get_json()["message"]
    event = _events("user.tokens_revoked")[-1]
    assert event.entity_id == provider.id and event.details["reason"] == "password_reset"

    client.post(f"/api/v1/admin/accounts/{coordinator.id}/deactivate", headers=headers["admin"])
    client.post(f"/api/v1/admin/accounts/{coordinator.id}/reactivate", headers=headers["admin"])
    # Reactivated, the account signs in again, but the old token stays revoked.
    response = client.get("/api/v1/programs", headers=headers["coordinator"])
    assert response.status_code == 401 and "revoked" in response.get_json()["message"]
    assert _events("user.tokens_revoked")[-1].details["reason"] == "deactivated"


def test_admin_console_says_the_tokens_were_revoked(client, world):
    from tests.conftest import sign_in

    people, _headers = world
    sign_in(client, people["admin"])
    provider = people["provider"]
    page = client.post(f"/admin/accounts/{provider.id}/reset-password").get_data(as_text=True)
    assert "1 API token of Provider" in page and "API tokens are revoked" in page
    coordinator = people["coordinator"]
    response = client.post(f"/admin/accounts/{coordinator.id}/deactivate", follow_redirects=True)
    assert "1 API token revoked" in response.get_data(as_text=True)


def test_a_programs_coordinator_adds_and_removes_its_experts(client, world):
    people, headers = world
    expert = people["expert"]
    url = "/api/v1/programs/hcv/staff"
    response = client.post(url, json={"email": expert.email}, headers=headers["coordinator"])
    assert response.status_code == 201 and response.get_json()["role"] == "expert"
    staff = client.get(url, headers=headers["coordinator"]).get_json()["results"]
    assert [m["role"] for m in staff] == ["coordinator", "expert"]
    assert _events("program.member_added")[-1].details["user_id"] == expert.id
    # Bad input names the field: unknown, a member already, a provider (not staff). A
    # coordinator learns nothing of an account that is not staff; an admin is told why.
    for email, who, status, says in (
        ("nobody@example.org", "coordinator", 422, "No coordinator or expert account"),
        (expert.email, "coordinator", 409, "already"),
        (people["provider"].email, "coordinator", 422, "No coordinator or expert account"),
        (people["provider"].email, "admin", 409, "role is provider"),
    ):
        response = client.post(url, json={"email": email}, headers=headers[who])
        assert response.status_code == status and says in response.get_json()["message"]
        assert response.get_json()["field"] == "email"
    response = client.post(url, json={}, headers=headers["coordinator"])
    assert response.status_code == 422 and response.get_json()["field"] == "email"
    # Another program's coordinator, an expert, a provider: refused.
    for role in ("other_coordinator", "expert", "provider"):
        assert client.post(url, json={"email": "a@b.org"}, headers=headers[role]).status_code == 403
        assert client.delete(f"{url}/{expert.id}", headers=headers[role]).status_code == 403
    # A private program's staff: as good as absent for a coordinator who is not a member.
    create_program("closed", "Closed ECHO", private=True, actor=SYSTEM)
    db.session.commit()
    for method in ("get", "post", "delete"):
        response = getattr(client, method)(
            "/api/v1/programs/closed/staff" + (f"/{expert.id}" if method == "delete" else ""),
            json={"email": expert.email} if method == "post" else None,
            headers=headers["coordinator"],
        )
        assert response.status_code == 404, method
    response = client.delete(f"{url}/{expert.id}", headers=headers["coordinator"])
    assert response.status_code == 200
    assert client.delete(f"{url}/{expert.id}", headers=headers["admin"]).status_code == 404
    assert _events("program.member_removed")


def test_admin_edits_a_topics_synonyms_and_parent(client, world):
    _people, headers = world
    liver = create_topic("Liver disease", actor=SYSTEM)
    hcv = create_topic("Hepatitis C", actor=SYSTEM)
    db.session.commit()
    url = f"/api/v1/admin/topics/{hcv.id}"
    response = client.patch(
        url,
        json={"synonyms": ["HCV", "hep C"], "parent": "Liver disease"},
        headers=headers["admin"],
    )
    assert response.status_code == 200
    assert response.get_json()["synonyms"] == ["HCV", "hep C"]
    assert response.get_json()["parent_id"] == liver.id
    assert _events("topic.updated")[-1].details["fields"] == "synonyms,parent"
    # No cycles, no unknown parent, synonyms are a list.
    response = client.patch(
        f"/api/v1/admin/topics/{liver.id}", json={"parent": "Hepatitis C"}, headers=headers["admin"]
    )
    assert response.status_code == 422 and response.get_json()["field"] == "parent"
    response = client.patch(url, json={"parent": "Nowhere"}, headers=headers["admin"])
    assert response.status_code == 404 and "(parent)" in response.get_json()["message"]
    response = client.patch(url, json={"synonyms": "HCV"}, headers=headers["admin"])
    assert response.status_code == 422 and response.get_json()["field"] == "synonyms"
    response = client.patch(url, json={"parent": None}, headers=headers["admin"])
    assert response.get_json()["parent_id"] is None
    # Retire and restore (the existing actions endpoint); a coordinator may not edit.
    actions = f"{url}/actions"
    assert (
        client.post(actions, json={"action": "retire"}, headers=headers["admin"]).get_json()[
            "status"
        ]
        == "retired"
    )
    assert (
        client.post(actions, json={"action": "restore"}, headers=headers["admin"]).get_json()[
            "status"
        ]
        == "accepted"
    )
    response = client.patch(url, json={"synonyms": []}, headers=headers["coordinator"])
    assert response.status_code == 403


def test_a_topic_edit_that_leaves_out_the_parent_keeps_it(client, world):
    _people, headers = world
    liver = create_topic("Liver disease", actor=SYSTEM)
    hcv = create_topic("Hepatitis C", actor=SYSTEM)
    db.session.commit()
    url = f"/api/v1/admin/topics/{hcv.id}"
    client.patch(url, json={"parent": "Liver disease"}, headers=headers["admin"])
    for body in ({"description": "Infection with the hepatitis C virus."}, {"synonyms": ["HCV"]}):
        response = client.patch(url, json=body, headers=headers["admin"])
        assert response.status_code == 200, body
        assert response.get_json()["parent_id"] == liver.id, body
    assert response.get_json()["synonyms"] == ["HCV"]


def test_admin_merges_one_topic_into_another(client, world):
    _people, headers = world
    typo = create_topic("Hep C", actor=SYSTEM)
    target = create_topic("Hepatitis C", actor=SYSTEM)
    add_case(find_program("hcv"), None, topics=[typo])
    db.session.commit()
    typo_id = typo.id
    url = f"/api/v1/admin/topics/{typo_id}/merge"
    response = client.post(url, json={"into": "Hep C"}, headers=headers["admin"])
    # The refusal names the body's field.
    assert response.status_code == 422 and response.get_json()["field"] == "into"
    assert response.get_json()["errors"] == {"into": "A topic cannot be merged into itself."}
    response = client.post(url, json={"into": "Nowhere"}, headers=headers["admin"])
    assert response.status_code == 404 and "(into)" in response.get_json()["message"]
    response = client.post(url, json={"into": "Hepatitis C"}, headers=headers["coordinator"])
    assert response.status_code == 403
    response = client.post(url, json={}, headers=headers["admin"])
    assert response.status_code == 422 and response.get_json()["field"] == "into"
    response = client.post(url, json={"into": "Hepatitis C"}, headers=headers["admin"])
    assert response.status_code == 200
    body = response.get_json()
    assert body["topic"]["id"] == target.id and "Hep C" in body["topic"]["synonyms"]
    assert body["moved"] == {"cases": 1, "sessions": 0, "practices": 0}
    assert db.session.get(Topic, typo_id) is None
    assert (
        client.post(url, json={"into": "Hepatitis C"}, headers=headers["admin"]).status_code == 404
    )
