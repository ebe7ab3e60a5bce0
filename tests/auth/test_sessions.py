"""Sign-in sessions: sign-out, revocation, expiry and password changes end them on the
server, so copied session or remember-me cookies stop working."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.auth.models import UserSession
from app.auth.policy import SYSTEM
from app.common import utcnow
from app.extensions import db
from tests.conftest import PASSWORD
from tests.support.clients import fresh_client

STRONG = "plum-orbit-lantern-62"


def _sign_in(client, user, *, remember=False, password=PASSWORD):
    data = {"email": user.email, "password": password}
    if remember:
        data["remember"] = "y"
    response = client.post("/sign-in", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)


def _signed_in(client) -> bool:
    response = client.get("/account")
    if response.status_code == 302:
        assert "/sign-in" in response.headers["Location"]
        return False
    assert response.status_code == 200
    return True


def _copy_cookie(app, source, name):
    """A second browser holding only the named cookie of the first (a stolen cookie)."""
    cookie = source.get_cookie(name)
    assert cookie is not None, f"no {name} cookie"
    thief = fresh_client(app)
    thief.set_cookie(name, cookie.value)
    return thief


def _rows(user):
    db.session.commit()  # ends the test's read transaction: see what requests wrote
    return list(
        db.session.scalars(
            select(UserSession).where(UserSession.user_id == user.id).order_by(UserSession.id)
        )
    )


def test_session_cookie_copied_before_sign_out_is_refused_after_it(app, make_user):
    client = fresh_client(app)
    user = make_user("provider")
    _sign_in(client, user)
    thief = _copy_cookie(app, client, "session")
    assert _signed_in(thief)  # a copied cookie works while the sign-in lives…

    assert client.post("/sign-out").status_code == 302
    assert not _signed_in(thief)  # …and not after sign-out
    assert not _signed_in(client)
    (row,) = _rows(user)
    assert row.revoked_at is not None


def test_cookies_hold_a_per_sign_in_secret_stored_only_hashed(app, make_user):
    client = fresh_client(app)
    user = make_user("provider")
    _sign_in(client, user)
    with client.session_transaction() as session:
        value = session["_user_id"]
    user_id, _, secret = value.partition(":")
    assert user_id == str(user.id) and len(secret) >= 40
    (row,) = _rows(user)
    assert secret not in row.secret_hash and len(row.secret_hash) == 64


def test_a_session_cookie_from_before_sign_in_sessions_signs_nobody_in(app, make_user):
    client = fresh_client(app)
    user = make_user("provider")
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)  # what flask-login used to keep
        session["_fresh"] = True
    assert not _signed_in(client)


def test_remember_cookie_differs_at_each_sign_in_and_lasts_the_setting(app, make_user):
    user = make_user("provider")
    first, second = fresh_client(app), fresh_client(app)
    _sign_in(first, user, remember=True)
    _sign_in(second, user, remember=True)
    one, two = first.get_cookie("remember_token"), second.get_cookie("remember_token")
    assert one.value != two.value
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=30)
    rows = _rows(user)
    assert [r.remember for r in rows] == [True, True]
    for row in rows:
        assert timedelta(days=29) < row.expires_at - row.created_at <= timedelta(days=30)


def test_remember_cookie_alone_works_until_its_sign_in_is_revoked(app, make_user):
    client = fresh_client(app)
    user = make_user("provider")
    _sign_in(client, user, remember=True)
    thief = _copy_cookie(app, client, "remember_token")
    assert _signed_in(thief)

    (row,) = _rows(user)
    assert client.post(f"/account/sessions/{row.id}/revoke").status_code == 302
    assert not _signed_in(thief)
    assert not _signed_in(client)
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "session.revoked" in actions


def test_an_expired_remember_cookie_signs_nobody_in(app, make_user):
    client = fresh_client(app)
    user = make_user("provider")
    _sign_in(client, user, remember=True)
    thief = _copy_cookie(app, client, "remember_token")
    (row,) = _rows(user)
    row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert not _signed_in(thief)
    assert not _signed_in(client)


def test_browser_sessions_end_after_the_idle_hours(app, make_user):
    client = fresh_client(app)
    user = make_user("provider")
    _sign_in(client, user)
    (row,) = _rows(user)
    assert not row.remember
    hours = app.config["CASEBOOK_SESSION_HOURS"]
    assert row.expires_at - row.created_at == timedelta(hours=hours)
    row.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert not _signed_in(client)


def test_use_keeps_a_browser_session_alive_and_records_last_seen(app, make_user):
    client = fresh_client(app)
    user = make_user("provider")
    _sign_in(client, user)
    (row,) = _rows(user)
    long_ago = utcnow() - timedelta(hours=2)
    row.last_seen_at = long_ago
    row.expires_at = long_ago + timedelta(hours=3)
    db.session.commit()
    assert _signed_in(client)
    db.session.refresh(row)
    assert row.last_seen_at > long_ago + timedelta(hours=1)
    assert row.expires_at > utcnow() + timedelta(hours=11)


def test_sign_out_everywhere_ends_every_sign_in(app, make_user):
    user = make_user("expert")
    laptop, phone = fresh_client(app), fresh_client(app)
    _sign_in(laptop, user, remember=True)
    _sign_in(phone, user)
    stolen = _copy_cookie(app, laptop, "remember_token")
    assert phone.post("/account/sessions/revoke-all").status_code == 302
    assert not _signed_in(phone)
    assert not _signed_in(laptop)
    assert not _signed_in(stolen)
    assert all(r.revoked_at is not None for r in _rows(user))


def test_changing_the_password_ends_the_other_sign_ins_only(app, make_user):
    user = make_user("provider")
    laptop, phone = fresh_client(app), fresh_client(app)
    _sign_in(laptop, user)
    _sign_in(phone, user, remember=True)
    stolen = _copy_cookie(app, phone, "remember_token")
    response = laptop.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": STRONG,
            "confirm_password": STRONG,
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert _signed_in(laptop)
    assert not _signed_in(phone)
    assert not _signed_in(stolen)
    fresh = fresh_client(app)
    assert fresh.post("/sign-in", data={"email": user.email, "password": PASSWORD}).status_code
    assert not _signed_in(fresh)
    _sign_in(fresh, user, password=STRONG)
    actions = db.session.scalars(select(AuditEvent.action)).all()
    assert "user.password_changed" in actions
    assert "user.sessions_revoked" in actions


def test_an_operator_setting_a_password_ends_every_sign_in(app, make_user):
    client = fresh_client(app)
    from app.auth.operations import set_password

    user = make_user("provider")
    _sign_in(client, user)
    set_password(user, STRONG, actor=SYSTEM)
    db.session.commit()
    assert not _signed_in(client)


def test_a_deactivated_account_is_signed_out(app, make_user):
    client = fresh_client(app)
    user = make_user("provider")
    _sign_in(client, user)
    user.active = False
    db.session.commit()
    assert not _signed_in(client)


def test_one_cannot_revoke_another_accounts_sign_in(app, make_user):
    alice, bob = make_user("provider"), make_user("provider")
    a, b = fresh_client(app), fresh_client(app)
    _sign_in(a, alice)
    _sign_in(b, bob)
    (bobs,) = _rows(bob)
    assert a.post(f"/account/sessions/{bobs.id}/revoke").status_code == 404
    assert _signed_in(b)


def test_sign_in_records_a_device_label_not_the_whole_user_agent(app, make_user):
    client = fresh_client(app)
    user = make_user("provider")
    agent = (
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 "
        "with-some-unique-fingerprint"
    )
    client.post(
        "/sign-in",
        data={"email": user.email, "password": PASSWORD},
        headers={"User-Agent": agent},
    )
    (row,) = _rows(user)
    assert row.device == "Firefox on Linux"


@pytest.mark.parametrize(
    "agent",
    [
        "MRN55512344",
        "Harriet_Quenby_SSN_123-45-6789",
        "harriet.quenby.6175550142/1.0",
        "DOB-03-14-1962 (x)",
    ],
)
def test_an_unknown_user_agent_stores_no_digits_nor_more_than_its_first_word(app, make_user, agent):
    # The header is the client's own text: only its product's leading letters are kept.
    client = fresh_client(app)
    user = make_user("provider")
    client.post(
        "/sign-in",
        data={"email": user.email, "password": PASSWORD},
        headers={"User-Agent": agent},
    )
    (row,) = _rows(user)
    assert row.device.isalpha() and agent.startswith(row.device)
    assert "Quenby" not in row.device and "quenby" not in row.device


def test_a_tool_is_named_by_its_product(app, make_user):
    client = fresh_client(app)
    user = make_user("provider")
    client.post(
        "/sign-in",
        data={"email": user.email, "password": PASSWORD},
        headers={"User-Agent": "curl/8.5.0"},
    )
    (row,) = _rows(user)
    assert row.device == "curl"


def test_long_ended_sign_ins_are_dropped_at_the_next_sign_in(app, make_user):
    user = make_user("provider")
    client = fresh_client(app)
    _sign_in(client, user)
    client.post("/sign-out")
    _sign_in(client, user)
    client.post("/sign-out")
    old, recent = _rows(user)
    old.revoked_at = utcnow() - timedelta(days=31)
    db.session.commit()
    _sign_in(client, user)
    assert [r.id for r in _rows(user)][:1] == [recent.id]
    assert len(_rows(user)) == 2
