"""Progressive lockout per email address, recorded in the database."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.auth.models import SignInThrottle
from app.auth.operations import lockout_delay
from app.common import utcnow
from app.extensions import db
from tests.conftest import PASSWORD, make_app
from tests.support.clients import fresh_client

LOCKED = "Too many failed sign-ins for this account; try again in"


def _attempt(client, email, password):
    response = client.post("/sign-in", data={"email": email, "password": password})
    return response.status_code, response.get_data(as_text=True)


def _fail(client, email, times):
    for n in range(times):
        status, html = _attempt(client, email, f"wrong-password-{n}")
        assert status in (422, 429), html
    return status, html


def test_sixth_attempt_is_locked_even_with_the_right_password(app, make_user):
    user = make_user("provider")
    client = fresh_client(app)
    for n in range(4):
        status, html = _attempt(client, user.email, f"wrong-password-{n}")
        assert status == 422 and "The email or the password is not right" in html
    status, html = _attempt(client, user.email, "wrong-password-5")
    assert status == 429 and f"{LOCKED} 1 minute." in html

    status, html = _attempt(client, user.email, PASSWORD)
    assert status == 429
    assert f"{LOCKED} 1 minute." in html
    assert 'value="' + user.email + '"' in html  # the form keeps what was typed
    assert client.get("/account").status_code == 302  # not signed in


@pytest.mark.app_config(CASEBOOK_RATELIMIT_SIGN_IN="1000 per minute")
def test_forty_wrong_passwords_then_the_right_one_does_not_sign_in(app, make_user):
    """The probe's attack: attempts during the lock are refused unchecked and uncounted."""
    user = make_user("provider")
    client = fresh_client(app)
    _fail(client, user.email, 40)
    status, html = _attempt(client, user.email, PASSWORD)
    assert status == 429 and LOCKED in html
    db.session.commit()
    throttle = db.session.get(SignInThrottle, _digest(user.email))
    assert throttle.failures == 5


def _digest(email):
    from app.auth.operations import _email_digest

    return _email_digest(email)


def test_the_delay_doubles_with_each_further_failure(app, make_user):
    assert lockout_delay(4) is None
    assert [lockout_delay(n) for n in (5, 6, 7, 8)] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert lockout_delay(200) == timedelta(days=1)

    user = make_user("provider")
    client = fresh_client(app)
    _fail(client, user.email, 5)
    db.session.commit()
    throttle = db.session.get(SignInThrottle, _digest(user.email))
    throttle.locked_until = utcnow() - timedelta(seconds=1)  # the first lock ran out
    db.session.commit()
    status, html = _attempt(client, user.email, "wrong-again-123")
    assert status == 429 and f"{LOCKED} 2 minutes." in html


@pytest.mark.app_config(CASEBOOK_RATELIMIT_SIGN_IN="1000 per minute")
def test_unknown_addresses_are_locked_alike(app, make_user):
    """Lockout must not tell whether an account exists."""
    user = make_user("provider")
    client = fresh_client(app)
    answers = {}
    for email in (user.email, "nobody-here@example.org"):
        answers[email] = [_attempt(client, email, f"wrong-password-{n}") for n in range(6)]
    known, unknown = answers.values()
    assert [s for s, _ in known] == [s for s, _ in unknown] == [422] * 4 + [429] * 2
    assert _problem(known[-1][1]) == _problem(unknown[-1][1])
    assert _problem(known[3][1]) == _problem(unknown[3][1])


def _problem(html):
    return re.search(r'<div class="alert alert-error".*?</div>', html, re.S).group(0)


def test_a_successful_sign_in_clears_the_failures(app, make_user):
    user = make_user("provider")
    client = fresh_client(app)
    _fail(client, user.email, 4)
    assert _attempt(client, user.email, PASSWORD)[0] == 302
    client.post("/sign-out")
    db.session.commit()
    assert db.session.get(SignInThrottle, _digest(user.email)) is None
    _fail(client, user.email, 4)  # four more are not a lock
    assert _attempt(client, user.email, PASSWORD)[0] == 302


def test_old_failures_are_forgotten_after_a_day(app, make_user):
    user = make_user("provider")
    client = fresh_client(app)
    _fail(client, user.email, 4)
    db.session.commit()
    throttle = db.session.get(SignInThrottle, _digest(user.email))
    throttle.last_failure_at = utcnow() - timedelta(days=2)
    db.session.commit()
    status, _ = _attempt(client, user.email, "wrong-password-z")
    assert status == 422
    db.session.commit()
    assert db.session.get(SignInThrottle, _digest(user.email), populate_existing=True).failures == 1


def test_the_lock_holds_across_workers(app, tmp_path, make_user):
    """Another process serving the same database sees the same count."""
    user = make_user("provider")
    other_worker = make_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "index2")
    _fail(fresh_client(app), user.email, 3)
    _fail(fresh_client(other_worker), user.email, 2)
    status, html = _attempt(fresh_client(app), user.email, PASSWORD)
    assert status == 429 and LOCKED in html


@pytest.mark.app_config(CASEBOOK_LOCKOUT_THRESHOLD=3, CASEBOOK_LOCKOUT_MINUTES=15)
def test_threshold_and_delay_are_settings(app, make_user):
    user = make_user("provider")
    client = fresh_client(app)
    status, html = _fail(client, user.email, 3)
    assert status == 429 and f"{LOCKED} 15 minutes." in html


def test_failures_and_lockouts_are_audited_without_secrets(app, make_user):
    user = make_user("provider")
    client = fresh_client(app)
    _fail(client, user.email, 5)
    _attempt(client, user.email, PASSWORD)
    db.session.commit()
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.entity_id == user.id).order_by(AuditEvent.id)
    ).all()
    actions = [e.action for e in events]
    assert actions.count("user.sign_in_failed") == 5
    assert actions.count("user.locked_out") == 1
    assert actions.count("user.sign_in_locked") == 1
    dumped = repr([(e.action, e.details) for e in events])
    assert "wrong-password" not in dumped and PASSWORD not in dumped


def test_the_unlock_command_lifts_a_lock(app, make_user):
    user = make_user("provider")
    client = fresh_client(app)
    _fail(client, user.email, 5)
    result = app.test_cli_runner().invoke(args=["unlock", user.email.upper()])
    assert result.exit_code == 0 and "Unlocked" in result.output
    assert _attempt(client, user.email, PASSWORD)[0] == 302


def test_stale_failures_of_other_addresses_are_dropped(app, make_user):
    client = fresh_client(app)
    _fail(client, "stale@example.org", 2)
    db.session.commit()
    stale = db.session.get(SignInThrottle, _digest("stale@example.org"))
    stale.last_failure_at = utcnow() - timedelta(days=2)
    db.session.commit()
    _fail(client, "fresh@example.org", 1)
    db.session.commit()
    assert db.session.get(SignInThrottle, _digest("stale@example.org")) is None
    assert db.session.get(SignInThrottle, _digest("fresh@example.org")) is not None
