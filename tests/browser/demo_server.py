"""A live Casebook serving the demo corpus (cases/), for the best practice and curriculum
journeys. CSRF is on, as in production."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from types import SimpleNamespace

from werkzeug.serving import make_server

from app.demo import _credentials_file, prepare_demo
from app.extensions import db
from tests.browser.conftest import _require_chromium
from tests.conftest import make_app


def serve_demo(tmp) -> Iterator[SimpleNamespace]:
    _require_chromium()
    app = make_app(
        f"sqlite:///{tmp / 'casebook.sqlite3'}",
        tmp / "index",
        WTF_CSRF_ENABLED=True,
        CASEBOOK_INSTANCE_PATH=str(tmp),
    )
    app.instance_path = str(tmp)
    with app.app_context():
        prepare_demo(echo=lambda _: None)
        passwords = json.loads(_credentials_file().read_text())
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
