"""A live Casebook serving the demo corpus (cases/), for the best practice and curriculum
journeys. CSRF is on, as in production."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

from app.extensions import db
from tests.browser.conftest import _require_chromium, serving
from tests.conftest import make_app
from tests.support.demo import load_demo


def serve_demo(tmp: Path, snapshot: Path | None) -> Iterator[SimpleNamespace]:
    _require_chromium()
    app = make_app(
        f"sqlite:///{tmp / 'casebook.sqlite3'}",
        tmp / "index",
        WTF_CSRF_ENABLED=True,
        CASEBOOK_INSTANCE_PATH=str(tmp),
    )
    app.instance_path = str(tmp)
    with app.app_context():
        passwords = load_demo(app, snapshot)
        db.session.remove()
    with serving(app) as url:
        yield SimpleNamespace(url=url, passwords=passwords)


def sign_in(page, server, email: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(server.passwords[email])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)
