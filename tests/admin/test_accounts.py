"""The admin console's accounts: create with a temporary password, roles and programs,
deactivate and reactivate, reset password, an account's API tokens."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.admin import operations as ops
from app.audit.models import AuditEvent
from app.auth.models import Role, User
from app.auth.operations import TokenRefused, authenticate_token, create_token
from app.auth.policy import SYSTEM
from app.errors import Conflict, PermissionDenied, ValidationError
from app.extensions import db
from app.programs.operations import create_program
from tests.cases.test_views import as_user
from tests.conftest import PASSWORD
from tests.support.clients import fresh_client

NEW_PASSWORD = "lantern orchard quietly 58"


@pytest.fixture
def people(app, make_user):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    create_program("oud", "Opioid Use Disorder ECHO", private=True, actor=SYSTEM)
    db.session.commit()
    admin = make_user("admin")
    return {
        "admin": admin,
        "coordinator": make_user("coordinator", programs=["hcv"]),
        "provider": make_user("provider", programs=["hcv"]),
    }


def _actions(user: User) -> list[str]:
    stmt = select(AuditEvent.action).where(
        AuditEvent.entity_type == "users", AuditEvent.entity_id == user.id
    )
    return list(db.session.scalars(stmt.order_by(AuditEvent.id)))


def _temporary(html: str) -> str:
    match = re.search(r'<code class="token-value">([^<]+)</code>', html)
    assert match, html
    return match.group(1)


def test_admin_creates_an_account_that_must_change_its_password(app, client, people):
    as_user(client, people["admin"])
    response = client.post(
        "/admin/accounts/new",
        data={
            "email": "New.Expert@example.org",
            "display_name": "Nadia Expert",
            "role": "expert",
            "programs": ["hcv", "oud"],
        },
    )
    assert response.status_code == 200
    temporary = _temporary(response.get_data(as_text=True))
    user = db.session.scalar(select(User).where(User.email == "new.expert@example.org"))
    assert user.role is Role.EXPERT and user.must_change_password
    assert sorted(m.program.slug for m in user.memberships) == ["hcv", "oud"]
    assert temporary not in str([e.details for e in db.session.scalars(select(AuditEvent))])
    assert "user.created" in _actions(user)

    client.post("/sign-out")
    response = client.post("/sign-in", data={"email": user.email, "password": temporary})
    assert response.status_code == 302
    # Every page leads to the password change first.
    for path in ("/", "/practices", "/account"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/account/new-password")
    response = client.post(
        "/account/new-password",
        data={
            "current_password": temporary,
            "new_password": "short",
            "confirm_password": "short",
        },
    )
    assert response.status_code == 422
    assert "New password" in response.get_data(as_text=True)
    response = client.post(
        "/account/new-password",
        data={
            "current_password": temporary,
            "new_password": NEW_PASSWORD,
            "confirm_password": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    db.session.expire_all()
    assert not db.session.get(User, user.id).must_change_password


def test_a_bad_account_form_is_shown_again_with_what_was_typed(client, people):
    as_user(client, people["admin"])
    response = client.post(
        "/admin/accounts/new",
        data={"email": "not-an-email", "display_name": "Typed Name", "role": "expert"},
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Enter a valid email address." in html
    assert 'value="Typed Name"' in html and 'value="not-an-email"' in html
    response = client.post(
        "/admin/accounts/new",
        data={"email": people["provider"].email, "display_name": "X", "role": "wizard"},
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "already exists" in html and "Role must be one of" in html


def test_an_account_named_with_a_patient_identifier_is_shown_again_in_words(client, people):
    # The admin has nothing to mark in a name: the page says what was found, in words,
    # without the gate's words about marking, and keeps what was typed.
    as_user(client, people["admin"])
    typed = "Patient Harriet Quenby MRN 55512344"
    response = client.post(
        "/admin/accounts/new",
        data={"email": "walker@example.org", "display_name": typed, "role": "expert"},
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "The name holds what may identify a patient" in html
    shown = re.sub(r"<[^>]+>", " ", html)  # the page's text, not its markup
    assert "display_name" not in shown and "Not an identifier" not in shown
    assert f'value="{typed}"' in html and 'value="walker@example.org"' in html
    assert db.session.scalar(select(User).where(User.email == "walker@example.org")) is None


@pytest.mark.parametrize("role", ["coordinator", "provider"])
def test_other_roles_are_refused(client, people, role):
    as_user(client, people[role])
    assert client.get("/admin/accounts").status_code == 403
    response = client.post(
        "/admin/accounts/new",
        data={"email": "x@example.org", "display_name": "X", "role": "admin"},
    )
    assert response.status_code == 403
    assert db.session.scalar(select(User).where(User.email == "x@example.org")) is None
    with pytest.raises(PermissionDenied):
        ops.create_account(people[role], "y@example.org", "Y", "admin")


def test_accounts_list_searches_and_filters(client, people, make_user):
    for i in range(30):
        make_user("provider", email=f"bulk{i:02d}@example.org")
    as_user(client, people["admin"])
    html = client.get("/admin/accounts").get_data(as_text=True)
    assert "33 accounts" in html and "page=2" in html
    html = client.get("/admin/accounts?q=bulk07").get_data(as_text=True)
    assert "bulk07@example.org" in html and "bulk08@example.org" not in html
    html = client.get("/admin/accounts?role=coordinator&program=hcv").get_data(as_text=True)
    assert people["coordinator"].email in html and people["provider"].email not in html
    response = client.get("/admin/accounts?role=wizard")
    assert response.status_code == 422
    assert "Role must be one of" in response.get_data(as_text=True)


def test_admin_changes_role_and_programs(client, people):
    provider = people["provider"]
    as_user(client, people["admin"])
    response = client.post(
        f"/admin/accounts/{provider.id}",
        data={"display_name": "Renamed", "role": "expert", "programs": ["oud"]},
    )
    assert response.status_code == 303
    db.session.expire_all()
    provider = db.session.get(User, provider.id)
    assert provider.role is Role.EXPERT and provider.display_name == "Renamed"
    assert [m.program.slug for m in provider.memberships] == ["oud"]
    actions = _actions(provider)
    assert {"user.role_changed", "user.membership_added", "user.membership_removed"} <= set(actions)
    response = client.post(
        f"/admin/accounts/{provider.id}",
        data={"display_name": "", "role": "expert", "programs": ["nope"]},
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Enter a display name" in html and "No such program." in html


def test_the_last_admin_keeps_the_role(people):
    admin = people["admin"]
    with pytest.raises(ValidationError, match="last active admin"):
        ops.update_account(admin, admin, role="provider")
    with pytest.raises(PermissionDenied):
        ops.deactivate_account(admin, admin)
    with pytest.raises(Conflict, match="last active admin"):
        ops.deactivate_account(SYSTEM, admin)  # the operator at the shell


def test_deactivated_account_cannot_sign_in_or_use_tokens(app, people):
    provider = people["provider"]
    token = create_token(provider, actor=SYSTEM)
    db.session.commit()
    client, other = fresh_client(app), fresh_client(app)
    as_user(other, provider)
    assert other.get("/").status_code == 200
    as_user(client, people["admin"])
    assert client.post(f"/admin/accounts/{provider.id}/deactivate").status_code == 303
    # Its open sign-in ended, a new one is refused, and so is its token.
    assert other.get("/").status_code == 302
    response = other.post("/sign-in", data={"email": provider.email, "password": PASSWORD})
    assert response.status_code == 422
    response = other.get("/api/v1/programs", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    db.session.commit()
    assert {"user.deactivated", "user.tokens_revoked"} <= set(_actions(provider))
    # Reactivated, it signs in again; the token stays revoked (it may have been copied).
    assert client.post(f"/admin/accounts/{provider.id}/reactivate").status_code == 303
    db.session.commit()
    with pytest.raises(TokenRefused, match="revoked"):
        authenticate_token(token)


def test_reset_password_gives_a_temporary_one(app, people):
    provider = people["provider"]
    client, other = fresh_client(app), fresh_client(app)
    as_user(other, provider)
    as_user(client, people["admin"])
    response = client.post(f"/admin/accounts/{provider.id}/reset-password")
    assert response.status_code == 200
    temporary = _temporary(response.get_data(as_text=True))
    assert other.get("/").status_code == 302  # its sign-ins ended
    response = other.post("/sign-in", data={"email": provider.email, "password": PASSWORD})
    assert response.status_code == 422
    response = other.post("/sign-in", data={"email": provider.email, "password": temporary})
    assert response.headers["Location"] == "/"
    assert other.get("/").headers["Location"].endswith("/account/new-password")
    db.session.commit()
    assert "user.password_reset" in _actions(provider)


def test_admin_lists_and_revokes_an_accounts_tokens(client, people):
    provider = people["provider"]
    token = create_token(provider, "nightly export", actor=SYSTEM)
    db.session.commit()
    as_user(client, people["admin"])
    html = client.get(f"/admin/accounts/{provider.id}").get_data(as_text=True)
    assert "nightly export" in html and token[:12] in html and token not in html
    token_id = provider.tokens[0].id
    # A token of another account is not found under this one.
    response = client.post(f"/admin/accounts/{people['admin'].id}/tokens/{token_id}/revoke")
    assert response.status_code == 404
    response = client.post(f"/admin/accounts/{provider.id}/tokens/{token_id}/revoke")
    assert response.status_code == 303
    response = client.get("/api/v1/programs", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
