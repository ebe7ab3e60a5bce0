"""`casebook deactivate`, `reactivate` and `reset-password` for operators."""

from __future__ import annotations

from app.auth.models import User
from app.auth.operations import authenticate
from app.extensions import db


def _run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_deactivate_and_reactivate(app, make_user):
    user = make_user("provider")
    result = _run(app, "deactivate", user.email.upper())
    assert result.exit_code == 0 and f"Deactivated {user.email}." in result.output
    db.session.expire_all()
    assert not db.session.get(User, user.id).active
    assert "inactive already" in _run(app, "deactivate", user.email).output
    result = _run(app, "reactivate", user.email)
    assert result.exit_code == 0
    db.session.expire_all()
    assert db.session.get(User, user.id).active


def test_reset_password_prints_a_temporary_password(app, make_user):
    user = make_user("provider")
    result = _run(app, "reset-password", user.email)
    assert result.exit_code == 0
    temporary = result.output.strip()
    db.session.expire_all()
    account = authenticate(user.email, temporary)
    assert account is not None and account.must_change_password


def test_unknown_email_is_named(app):
    result = _run(app, "deactivate", "nobody@example.org")
    assert result.exit_code == 1
    assert "No account with that email." in result.output
