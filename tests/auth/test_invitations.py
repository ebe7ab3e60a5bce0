"""Invitations by e-mail: an admin invites, the invitee chooses a password from a signed,
single-use link that expires in 7 days; resend and revoke; web, API and CLI."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from app.audit.models import AuditEvent
from app.auth import invitations
from app.auth.invitations import Invitation, InvitationRefused
from app.auth.models import User
from app.auth.operations import authenticate, create_token
from app.auth.policy import SYSTEM
from app.errors import Conflict, PermissionDenied, ValidationError
from app.extensions import db
from app.programs.operations import create_program
from tests.conftest import PASSWORD

NEW_PASSWORD = "tangerine-lighthouse-vertigo"
LINK = re.compile(r"https?://\S+/invitations/(\S+)")


@pytest.fixture
def admin(app, make_user):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    return make_user("admin")


def _token(link: str) -> str:
    return LINK.search(link).group(1)


def test_an_invitation_creates_an_account_without_a_password(app, admin):
    issued = invitations.invite(
        admin, "Nina@Example.org", "Nina Patel", "expert", program_slugs=["hcv"]
    )
    db.session.commit()
    user = issued.invitation.user
    assert user.email == "nina@example.org" and user.password_hash is None
    assert [m.program.slug for m in user.memberships] == ["hcv"]
    invitation = issued.invitation
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    token = _token(issued.link)
    # Only a digest of the secret is stored; the token is nowhere in the database.
    assert token not in invitation.secret_hash and len(invitation.secret_hash) == 64
    events = db.session.query(AuditEvent).filter_by(action="user.invited").all()
    assert [e.entity_id for e in events] == [user.id]
    assert token not in str(events[0].details)


def test_the_invitee_chooses_a_password_once(app, admin):
    issued = invitations.invite(admin, "nina@example.org", "Nina Patel", "expert")
    db.session.commit()
    token = _token(issued.link)
    with pytest.raises(ValidationError) as weak:
        invitations.accept(token, "password1234", "password1234")
    assert weak.value.field == "password"
    db.session.rollback()
    with pytest.raises(ValidationError) as mismatch:
        invitations.accept(token, NEW_PASSWORD, NEW_PASSWORD + "x")
    assert mismatch.value.field == "confirm_password"
    db.session.rollback()
    user = invitations.accept(token, NEW_PASSWORD, NEW_PASSWORD)
    db.session.commit()
    assert authenticate("nina@example.org", NEW_PASSWORD) == user
    with pytest.raises(InvitationRefused, match="used already"):
        invitations.open_invitation(token)
    accepted = db.session.query(AuditEvent).filter_by(action="user.invitation_accepted").one()
    assert accepted.actor_id == user.id and token not in str(accepted.details)


def test_a_tampered_or_expired_link_is_refused(app, admin):
    issued = invitations.invite(admin, "nina@example.org", "Nina Patel", "expert")
    db.session.commit()
    token = _token(issued.link)
    with pytest.raises(InvitationRefused, match="not valid"):
        invitations.open_invitation(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    issued.invitation.expires_at -= timedelta(days=8)
    db.session.commit()
    with pytest.raises(InvitationRefused, match="expired"):
        invitations.open_invitation(token)


def test_resend_makes_a_new_link_and_kills_the_old_one(app, admin):
    issued = invitations.invite(admin, "nina@example.org", "Nina Patel", "expert")
    db.session.commit()
    old = _token(issued.link)
    again = invitations.resend(admin, issued.invitation)
    db.session.commit()
    with pytest.raises(InvitationRefused, match="newer one"):
        invitations.open_invitation(old)
    assert invitations.open_invitation(_token(again.link)) == issued.invitation


def test_revoke_ends_the_link_and_an_accepted_one_cannot_be_revoked(app, admin):
    issued = invitations.invite(admin, "nina@example.org", "Nina Patel", "expert")
    db.session.commit()
    token = _token(issued.link)
    assert invitations.revoke(admin, issued.invitation) is True
    db.session.commit()
    with pytest.raises(InvitationRefused, match="withdrawn"):
        invitations.open_invitation(token)
    again = invitations.resend(admin, issued.invitation)
    invitations.accept(_token(again.link), NEW_PASSWORD, NEW_PASSWORD)
    db.session.commit()
    with pytest.raises(Conflict):
        invitations.revoke(admin, issued.invitation)
    assert issued.invitation not in invitations.pending_invitations(admin)


def test_only_admins_invite(app, admin, make_user):
    coordinator = make_user("coordinator", programs=["hcv"])
    with pytest.raises(PermissionDenied):
        invitations.invite(coordinator, "nina@example.org", "Nina", "provider")


def test_bad_input_names_each_field(app, admin, make_user):
    with pytest.raises(ValidationError) as refused:
        invitations.invite(admin, "not-an-address", "X", "wizard", program_slugs=["nope"])
    assert set(refused.value.errors) == {"email", "role", "programs"}
    taken = make_user("provider")
    with pytest.raises(Conflict, match="already exists") as conflict:
        invitations.invite(admin, taken.email.upper(), "X", "provider")
    assert conflict.value.field == "email"


# --- Web --------------------------------------------------------------------------------------


def _sign_in(client, user):
    from tests.conftest import sign_in

    sign_in(client, user)


def test_admin_invites_in_the_browser_and_the_link_is_mailed(app, client, admin, smtp_sink):
    _sign_in(client, admin)
    page = client.get("/admin/invitations")
    assert page.status_code == 200 and "Mail delivery is off" not in page.get_data(as_text=True)
    response = client.post(
        "/admin/invitations",
        data={"email": "nina@example.org", "display_name": "Nina Patel", "role": "expert"},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Invitation sent" in html
    assert "/invitations/" not in html  # mailed, so not shown
    [received] = smtp_sink.received
    assert received.rcpt_tos == ["nina@example.org"]
    link = LINK.search(received.body).group(0)
    assert link.startswith("https://casebook.example.org/invitations/")
    db.session.expire_all()
    assert db.session.query(Invitation).one().sent_at is not None

    client.post("/sign-out")
    invitee = client
    path = link.removeprefix("https://casebook.example.org")
    assert "Nina Patel" in invitee.get(path).get_data(as_text=True)
    refused = invitee.post(path, data={"password": "short", "confirm_password": "short"})
    assert refused.status_code == 422 and "12 characters" in refused.get_data(as_text=True)
    accepted = invitee.post(path, data={"password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD})
    assert accepted.status_code == 303
    assert "Nina Patel" in invitee.get("/").get_data(as_text=True)  # signed in
    client.post("/sign-out")
    used = client.get(path)
    assert used.status_code == 404 and "used already" in used.get_data(as_text=True)


def test_with_mail_off_the_admin_sees_the_link_once(app, client, admin):
    app.config["CASEBOOK_SMTP_URL"] = ""
    _sign_in(client, admin)
    assert "Mail delivery is off" in client.get("/admin/invitations").get_data(as_text=True)
    response = client.post(
        "/admin/invitations", data={"email": "nina@example.org", "role": "provider"}
    )
    html = response.get_data(as_text=True)
    assert "Mail delivery is off" in html and "/invitations/" in html
    listing = client.get("/admin/invitations").get_data(as_text=True)
    assert "nina@example.org" in listing and "/invitations/ey" not in listing


def test_a_failed_mail_is_reported_with_the_link(app, client, admin, smtp_sink):
    smtp_sink.refuse = True
    _sign_in(client, admin)
    html = client.post(
        "/admin/invitations", data={"email": "nina@example.org", "role": "provider"}
    ).get_data(as_text=True)
    assert "could not be sent" in html and "/invitations/" in html
    db.session.expire_all()
    assert db.session.query(Invitation).one().sent_at is None


def test_the_invite_form_keeps_what_was_typed(app, client, admin):
    _sign_in(client, admin)
    response = client.post(
        "/admin/invitations", data={"email": "not-an-address", "display_name": "Nina", "role": "x"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="not-an-address"' in html and "valid email" in html


def test_others_cannot_reach_the_invitation_pages(app, client, admin, make_user):
    coordinator = make_user("coordinator", programs=["hcv"])
    _sign_in(client, coordinator)
    assert client.get("/admin/invitations").status_code == 403
    assert client.post("/admin/invitations", data={"email": "a@b.org"}).status_code == 403


# --- API and CLI ------------------------------------------------------------------------------


def test_the_api_invites_lists_resends_and_revokes(app, client, admin, smtp_sink):
    headers = {"Authorization": f"Bearer {create_token(admin, actor=SYSTEM)}"}
    db.session.commit()
    response = client.post(
        "/api/v1/admin/invitations",
        json={"email": "nina@example.org", "role": "expert", "programs": ["hcv"]},
        headers=headers,
    )
    body = response.get_json()
    assert response.status_code == 201 and body["delivery"] == "sent" and "link" not in body
    invitation_id = body["invitation"]["id"]
    listed = client.get("/api/v1/admin/invitations", headers=headers).get_json()
    assert [i["id"] for i in listed["results"]] == [invitation_id]
    resent = client.post(f"/api/v1/admin/invitations/{invitation_id}/resend", headers=headers)
    assert resent.status_code == 200 and len(smtp_sink.received) == 2
    revoked = client.delete(f"/api/v1/admin/invitations/{invitation_id}", headers=headers)
    assert revoked.get_json()["status"] == "revoked"
    bad = client.post(
        "/api/v1/admin/invitations",
        json={"email": "nina@example.org", "role": "expert"},
        headers=headers,
    )
    assert bad.status_code == 409 and bad.get_json()["field"] == "email"
    unknown = client.post(
        "/api/v1/admin/invitations",
        json={"email": "omar@example.org", "role": "expert", "programs": ["nope"]},
        headers=headers,
    )
    assert unknown.status_code == 404
    assert unknown.get_json()["message"] == "No such program."
    assert unknown.get_json()["field"] == "programs"


def test_the_api_gives_the_link_when_mail_is_off_and_refuses_non_admins(
    app, client, admin, make_user
):
    app.config["CASEBOOK_SMTP_URL"] = ""
    provider = make_user("provider")
    headers = {"Authorization": f"Bearer {create_token(admin, actor=SYSTEM)}"}
    other = {"Authorization": f"Bearer {create_token(provider, actor=SYSTEM)}"}
    db.session.commit()
    body = client.post(
        "/api/v1/admin/invitations",
        json={"email": "nina@example.org", "role": "expert"},
        headers=headers,
    ).get_json()
    assert body["delivery"] == "off" and "/invitations/" in body["link"]
    assert client.get("/api/v1/admin/invitations", headers=other).status_code == 403


def test_the_cli_prints_the_link_when_mail_is_off(app):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    app.config["CASEBOOK_SMTP_URL"] = ""
    result = app.test_cli_runner().invoke(
        args=["invite", "nina@example.org", "--role", "expert", "--program", "hcv"]
    )
    assert result.exit_code == 0, result.output
    assert "mail delivery is off" in result.output
    token = _token(result.output)
    assert invitations.open_invitation(token).user.email == "nina@example.org"
    refused = app.test_cli_runner().invoke(args=["invite", "nina@example.org", "--role", "expert"])
    assert refused.exit_code == 1 and "already exists" in refused.output


def test_the_cli_mails_when_it_can(app, smtp_sink):
    result = app.test_cli_runner().invoke(args=["invite", "nina@example.org", "--role", "provider"])
    assert result.exit_code == 0 and "mailed" in result.output
    assert "/invitations/" not in result.output
    assert smtp_sink.received[0].rcpt_tos == ["nina@example.org"]
    assert db.session.query(User).filter_by(email="nina@example.org").one().password_hash is None
    assert PASSWORD


def test_the_invitation_page_is_kept_by_no_cache(app, admin):
    # It greets the invitee by name before anyone signs in: a shared cache must not keep it.
    issued = invitations.invite(admin, "omar@example.org", "Omar Haddad", "expert")
    db.session.commit()
    anonymous = app.test_client()
    page = anonymous.get(f"/invitations/{_token(issued.link)}")
    assert page.status_code == 200 and "Omar Haddad" in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "no-store"
    refused = anonymous.get("/invitations/not-a-token")
    assert refused.headers["Cache-Control"] == "no-store"
