"""API tokens expire, and are listed and revoked in the API, the CLI and on /account."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from app.audit.models import AuditEvent
from app.auth.models import ApiToken
from app.auth.operations import TokenRefused, authenticate_token, create_token
from app.auth.policy import SYSTEM
from app.common import utcnow
from app.deid.gate import IdentifiersFound
from app.errors import ValidationError
from app.extensions import db
from tests.conftest import PASSWORD
from tests.support.clients import fresh_client


def _bearer(token):
    return {"Authorization": f"Bearer {token}"}


def _check(token):
    """authenticate_token after what requests wrote (the test's session sees fresh rows)."""
    db.session.commit()
    return authenticate_token(token)


def _token_row(token):
    db.session.commit()
    return db.session.scalar(select(ApiToken).where(ApiToken.prefix == token[:12]))


def test_tokens_expire_after_ninety_days_by_default(app, make_user):
    user = make_user("expert")
    token = create_token(user, actor=SYSTEM)
    db.session.commit()
    row = _token_row(token)
    assert row.expires_at - row.created_at == timedelta(days=90)
    assert create_token(user, days=7, actor=SYSTEM) != token
    with pytest.raises(ValidationError) as info:
        create_token(user, days=0, actor=SYSTEM)
    assert info.value.field == "days"


def test_an_expired_token_answers_401_saying_so(app, make_user):
    user = make_user("expert")
    token = create_token(user, actor=SYSTEM)
    db.session.commit()
    client = fresh_client(app)
    assert client.get("/api/v1/me", headers=_bearer(token)).status_code == 200
    row = _token_row(token)
    row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    response = client.get("/api/v1/me", headers=_bearer(token))
    assert response.status_code == 401
    body = response.get_json()
    assert body["error"] == "unauthorized" and "expired" in body["message"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_answers_401_saying_so(app, make_user):
    user = make_user("expert")
    token = create_token(user, actor=SYSTEM)
    db.session.commit()
    client = fresh_client(app)
    row = _token_row(token)
    response = client.delete(f"/api/v1/tokens/{row.id}", headers=_bearer(token))
    assert response.status_code == 200
    assert response.get_json()["status"] == "revoked"
    response = client.get("/api/v1/me", headers=_bearer(token))
    assert response.status_code == 401 and "revoked" in response.get_json()["message"]
    unknown = client.get("/api/v1/me", headers=_bearer("cbk_not-a-real-token"))
    assert unknown.status_code == 401 and "not known" in unknown.get_json()["message"]


def test_last_use_is_recorded(app, make_user):
    user = make_user("expert")
    token = create_token(user, actor=SYSTEM)
    db.session.commit()
    assert _token_row(token).last_used_at is None
    fresh_client(app).get("/api/v1/me", headers=_bearer(token))
    assert _token_row(token).last_used_at is not None


def test_last_use_is_noted_every_few_minutes_not_on_every_request(app, make_user):
    """A script reading in a loop does not turn every read into a write."""
    user = make_user("expert")
    token = create_token(user, actor=SYSTEM)
    db.session.commit()
    client = fresh_client(app)
    client.get("/api/v1/me", headers=_bearer(token))
    first = _token_row(token).last_used_at
    updates: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("UPDATE API_TOKENS"):
            updates.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        for _ in range(3):
            assert client.get("/api/v1/me", headers=_bearer(token)).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    assert updates == [] and _token_row(token).last_used_at == first
    row = db.session.get(ApiToken, _token_row(token).id)
    row.last_used_at = first - timedelta(minutes=10)
    db.session.commit()
    client.get("/api/v1/me", headers=_bearer(token))
    assert _token_row(token).last_used_at > first - timedelta(minutes=10)


def test_the_api_lists_only_the_callers_tokens(app, make_user):
    alice, bob = make_user("expert"), make_user("expert")
    token = create_token(alice, "nightly export", actor=SYSTEM)
    create_token(alice, "old", days=1, actor=SYSTEM)
    other = create_token(bob, "bob's", actor=SYSTEM)
    db.session.commit()
    _token_row(token)
    body = fresh_client(app).get("/api/v1/tokens", headers=_bearer(token)).get_json()
    assert body["total"] == 2
    assert {t["name"] for t in body["results"]} == {"nightly export", "old"}
    assert all(t["status"] == "active" for t in body["results"])
    assert other[:12] not in repr(body)
    assert all(token not in repr(v) for v in body["results"])  # never the secret


def test_one_cannot_revoke_another_accounts_token_through_the_api(app, make_user):
    alice, bob = make_user("expert"), make_user("expert")
    token = create_token(alice, actor=SYSTEM)
    bobs = create_token(bob, actor=SYSTEM)
    db.session.commit()
    bobs_row = _token_row(bobs)
    response = fresh_client(app).delete(f"/api/v1/tokens/{bobs_row.id}", headers=_bearer(token))
    assert response.status_code == 404
    assert _check(bobs) == bob


def test_the_openapi_document_describes_the_token_endpoints(app, client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert "get" in doc["paths"]["/api/v1/tokens"]
    assert "delete" in doc["paths"]["/api/v1/tokens/{token_id}"]
    assert "ApiToken" in doc["components"]["schemas"]


def test_cli_create_list_and_revoke(app, make_user):
    user = make_user("coordinator")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-token", user.email, "--name", "export", "--days", "7"])
    assert result.exit_code == 0, result.output
    token = result.output.strip()
    row = _token_row(token)
    assert row.expires_at - row.created_at == timedelta(days=7)

    result = runner.invoke(args=["tokens", "list", user.email])
    assert result.exit_code == 0
    assert f"{row.id}" in result.output and "active" in result.output and "export" in result.output
    assert token not in result.output

    result = runner.invoke(args=["tokens", "revoke", str(row.id)])
    assert result.exit_code == 0 and "Revoked" in result.output
    with pytest.raises(TokenRefused, match="revoked"):
        _check(token)
    result = runner.invoke(args=["tokens", "list", user.email])
    assert "revoked" in result.output
    assert runner.invoke(args=["tokens", "revoke", "999999"]).exit_code == 1


def test_cli_refuses_a_bad_number_of_days(app, make_user):
    user = make_user("coordinator")
    result = app.test_cli_runner().invoke(args=["create-token", user.email, "--days", "0"])
    assert result.exit_code == 1 and "days must be between 1 and" in result.output


def test_the_account_page_lists_creates_and_revokes_tokens(app, make_user):
    user = make_user("expert")
    old = create_token(user, "laptop script", actor=SYSTEM)
    db.session.commit()
    client = fresh_client(app)
    client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    html = client.get("/account").get_data(as_text=True)
    assert "laptop script" in html and old[:12] in html and old not in html

    response = client.post("/account/tokens", data={"name": "report", "days": "30"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    new = html.split('<code class="token-value">')[1].split("</code>")[0]
    assert _check(new) == user
    assert new not in client.get("/account").get_data(as_text=True)  # shown once

    response = client.post("/account/tokens", data={"name": "report", "days": "900"})
    assert response.status_code == 422 and "from 1 to 366" in response.get_data(as_text=True)

    row = _token_row(old)
    assert client.post(f"/account/tokens/{row.id}/revoke").status_code == 302
    with pytest.raises(TokenRefused):
        _check(old)
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "token.revoked" in actions and "token.created" in actions


def test_the_account_page_does_not_revoke_another_accounts_token(app, make_user):
    alice, bob = make_user("expert"), make_user("expert")
    bobs = create_token(bob, actor=SYSTEM)
    db.session.commit()
    client = fresh_client(app)
    client.post("/sign-in", data={"email": alice.email, "password": PASSWORD})
    assert client.post(f"/account/tokens/{_token_row(bobs).id}/revoke").status_code == 404
    assert _check(bobs) == bob


def test_account_forms_need_a_csrf_token(app, tmp_path, make_user):
    from tests.conftest import make_app

    user = make_user("expert")
    token = create_token(user, actor=SYSTEM)
    db.session.commit()
    strict = make_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "i", WTF_CSRF_ENABLED=True)
    client = fresh_client(strict)
    html = client.get("/sign-in").get_data(as_text=True)
    csrf = html.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/sign-in", data={"email": user.email, "password": PASSWORD, "csrf_token": csrf})
    row = _token_row(token)
    assert client.post(f"/account/tokens/{row.id}/revoke").status_code == 400
    assert client.post("/account/sessions/revoke-all").status_code == 400
    assert _check(token) == user


# A token's name is shown on the account page and by the API: it passes the gate.
PATIENT_NAME = "Patient Whitcombe MRN 77731234 DOB 03/14/1961"


def test_a_token_name_that_identifies_a_patient_is_refused(app, make_user):
    user = make_user("provider")
    with pytest.raises(IdentifiersFound) as refused:
        create_token(user, PATIENT_NAME, actor=SYSTEM)
    assert {f.field for f in refused.value.findings} == {"name"}
    assert "77731234" not in refused.value.message
    db.session.rollback()
    assert db.session.scalars(select(ApiToken)).all() == []
    for name in ("laptop script", "CI export, nightly", "report for the HCV program"):
        assert create_token(user, name, actor=SYSTEM)


def test_the_account_page_shows_a_refused_token_name_in_a_panel_and_keeps_it(app, make_user):
    user = make_user("provider")
    client = fresh_client(app)
    client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    response = client.post("/account/tokens", data={"name": PATIENT_NAME, "days": "30"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Nothing was saved: the text may identify a patient." in html
    assert 'id="deid-f-name"' in html and 'name="accept_finding"' in html
    assert f'value="{PATIENT_NAME}"' in html.replace("&#34;", '"')  # what was typed, kept
    assert '<code class="token-value">' not in html
    db.session.rollback()
    assert db.session.scalars(select(ApiToken)).all() == []
    # A record number is not the holder's to mark (a token's name is no program's: admins'):
    # no box for it, and the other findings marked leave it refused.
    marks = re.findall(r'name="accept_finding" value="([^"]+)"', html)
    assert marks and not any("|ID|" in m for m in marks)
    ticked = {"accept_finding": marks, **{f"reason|{m}": "other" for m in marks}}
    response = client.post("/account/tokens", data={"name": PATIENT_NAME, **ticked})
    assert response.status_code == 422
    # Without it, each finding marked "not an identifier", with a reason: the token is made.
    name = PATIENT_NAME.replace(" MRN 77731234", "")
    html = client.post("/account/tokens", data={"name": name}).get_data(as_text=True)
    marks = re.findall(r'name="accept_finding" value="([^"]+)"', html)
    ticked = {"accept_finding": marks, **{f"reason|{m}": "other" for m in marks}}
    response = client.post("/account/tokens", data={"name": name, **ticked})
    assert response.status_code == 200
    assert '<code class="token-value">' in response.get_data(as_text=True)


def test_the_cli_refuses_a_token_name_that_identifies_a_patient(app, make_user):
    user = make_user("coordinator")
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-token", user.email, "--name", PATIENT_NAME])
    assert result.exit_code == 1 and "Possible patient identifiers in name" in result.output
    assert "77731234" not in result.output
    db.session.rollback()
    assert db.session.scalars(select(ApiToken)).all() == []
