"""Accounts: hashed passwords, sign-in, CSRF, API tokens stored hashed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.auth.models import ApiToken
from app.auth.operations import (
    authenticate,
    create_token,
    create_user,
    revoke_token,
    user_for_token,
)
from app.auth.policy import SYSTEM
from app.errors import ValidationError
from app.extensions import db
from tests.conftest import PASSWORD


def test_passwords_are_stored_with_scrypt_never_in_clear(app, make_user):
    user = make_user("expert")
    assert user.password_hash.startswith("scrypt:")
    assert PASSWORD not in user.password_hash
    assert authenticate(user.email, PASSWORD) == user
    assert authenticate(user.email.upper(), PASSWORD) == user
    assert authenticate(user.email, "wrong-password-123") is None
    assert authenticate("nobody@example.org", PASSWORD) is None


def test_an_unknown_email_is_checked_against_a_hash_of_the_configured_method(
    app, make_user, monkeypatch
):
    """The check that stands in for a missing account costs what a real one costs: its hash
    is made with the method real passwords use (the tests' cheap one here)."""
    from app.auth import operations

    user = make_user("provider")
    checked: list[str] = []
    real_check = operations.check_password_hash

    def check(stored: str, password: str) -> bool:
        checked.append(stored)
        return real_check(stored, password)

    monkeypatch.setattr(operations, "check_password_hash", check)
    assert authenticate("nobody@example.org", PASSWORD) is None
    assert authenticate(user.email, PASSWORD) == user
    method = app.config["CASEBOOK_PASSWORD_METHOD"]
    assert [stored.split("$", 1)[0] for stored in checked] == [method, method]


def test_inactive_accounts_cannot_sign_in(app, make_user):
    user = make_user("provider")
    user.active = False
    db.session.commit()
    assert authenticate(user.email, PASSWORD) is None


@pytest.mark.parametrize(
    ("email", "name", "role", "password", "field"),
    [
        ("not-an-email", "A", "provider", PASSWORD, "email"),
        ("a@example.org", "", "provider", PASSWORD, "display_name"),
        ("a@example.org", "A", "surgeon", PASSWORD, "role"),
        ("a@example.org", "A", "provider", "short", "password"),
    ],
)
def test_create_user_names_the_bad_field(app, email, name, role, password, field):
    with pytest.raises(ValidationError) as info:
        create_user(email, name, role, password=password, actor=SYSTEM)
    assert field in info.value.errors


def test_duplicate_email_is_refused(app, make_user):
    user = make_user("provider")
    with pytest.raises(ValidationError, match="already exists"):
        create_user(user.email.upper(), "Other", "expert", password=PASSWORD, actor=SYSTEM)


def test_api_tokens_are_stored_hashed_and_can_be_revoked(app, make_user):
    user = make_user("coordinator")
    token = create_token(user, "nightly export", actor=SYSTEM)
    db.session.commit()
    stored = db.session.scalar(select(ApiToken))
    assert token not in (stored.token_hash, stored.prefix) and len(stored.token_hash) == 64
    assert user_for_token(token) == user
    assert user_for_token(token + "x") is None
    revoke_token(stored, actor=SYSTEM)
    db.session.commit()
    assert user_for_token(token) is None


def test_bearer_token_authenticates_the_api(app, client, make_user):
    user = make_user("expert")
    token = create_token(user, actor=SYSTEM)
    db.session.commit()
    assert client.get("/api/v1/me").status_code == 401
    body = client.get("/api/v1/me", headers={"Authorization": "Bearer nope"}).get_json()
    assert body["error"] == "unauthorized"
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.get_json()["email"] == user.email
    assert response.get_json()["role"] == "expert"


def test_api_ignores_the_session_cookie(app, client, make_user):
    from tests.conftest import sign_in

    sign_in(client, make_user("admin"))
    assert client.get("/api/v1/me").status_code == 401


def test_sign_in_and_out(app, client, make_user):
    user = make_user("provider")
    assert client.get("/").status_code == 302  # to sign-in
    response = client.post("/sign-in", data={"email": user.email, "password": "wrong-one-123"})
    assert response.status_code == 422
    assert "The email or the password is not right" in response.get_data(as_text=True)
    assert user.email in response.get_data(as_text=True)  # what was typed is kept
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    client.post("/sign-out")
    assert client.get("/").status_code == 302


def test_sign_in_does_not_redirect_off_site(app, client, make_user):
    user = make_user("provider")
    response = client.post(
        "/sign-in?next=https://evil.example/x", data={"email": user.email, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/"


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_forms_need_a_csrf_token(app, client):
    create_user("c@example.org", "C", "provider", password=PASSWORD, actor=SYSTEM)
    db.session.commit()
    response = client.post("/sign-in", data={"email": "c@example.org", "password": PASSWORD})
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)
    page = client.get("/sign-in").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post(
        "/sign-in", data={"email": "c@example.org", "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


def test_the_stand_in_hash_is_made_with_the_app_not_on_the_first_unknown_email(
    tmp_path, monkeypatch
):
    # Made lazily, the first unknown email of a process would cost a hash plus a check.
    from app.auth import operations
    from tests.conftest import make_app

    made: list[str] = []
    checked: list[str] = []
    real_make, real_check = operations.generate_password_hash, operations.check_password_hash

    def make(password: str, method: str = "scrypt", salt_length: int = 16) -> str:
        made.append(method)
        return real_make(password, method, salt_length)

    def check(stored: str, password: str) -> bool:
        checked.append(stored)
        return real_check(stored, password)

    monkeypatch.setattr(operations, "generate_password_hash", make)
    monkeypatch.setattr(operations, "check_password_hash", check)
    operations._stand_in_for.cache_clear()  # as in a fresh process
    application = make_app(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", tmp_path / "index")
    method = application.config["CASEBOOK_PASSWORD_METHOD"]
    assert made == [method]  # when the app is created

    made.clear()
    # Another app of the process with the same method reuses it (the tests make one per test).
    make_app(f"sqlite:///{tmp_path / 'other.sqlite3'}", tmp_path / "other-index")
    assert made == []
    with application.app_context():
        db.create_all()
        assert authenticate("nobody@example.org", PASSWORD) is None
        db.session.remove()
        db.engine.dispose()
    assert made == []
    assert [stored.split("$", 1)[0] for stored in checked] == [method]
