"""A live Casebook serving the demo corpus (cases/), for the best practice and curriculum
journeys. CSRF is on, as in production."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

from werkzeug.serving import make_server

from app.extensions import db
from tests.browser.conftest import _require_chromium
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
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield SimpleNamespace(url=f"http://127.0.0.1:{server.server_port}", passwords=passwords)
    finally:
        server.shutdown()
        thread.join(timeout=5)
        with app.app_context():
            db.engine.dispose()


def sign_in(page, server, email: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(server.passwords[email])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in" not in url)
