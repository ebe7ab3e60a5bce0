"""A test client whose every request runs in an app context of its own, as in production.

The `app` fixture keeps one app context open for the whole test, and Flask reuses it for
requests: `g` (where flask-login caches the signed-in user) and the database session would
then carry over from one request to the next, and from one client to another, hiding
whether a cookie still signs anybody in. Tests read what requests wrote after
`db.session.commit()` (or `rollback()`), which ends the test's own read transaction."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient


class FreshContextClient(FlaskClient):
    def open(self, *args: Any, **kwargs: Any) -> Any:
        with self.application.app_context():
            return super().open(*args, **kwargs)


def fresh_client(app: Flask) -> FlaskClient:
    return FreshContextClient(app, app.response_class, use_cookies=True)


def bearer(user: Any) -> dict[str, str]:
    """Headers carrying a new API token of `user` (committed, so a request sees it)."""
    from app.auth.operations import create_token
    from app.auth.policy import SYSTEM
    from app.extensions import db

    headers = {"Authorization": f"Bearer {create_token(user, actor=SYSTEM)}"}
    db.session.commit()
    return headers
