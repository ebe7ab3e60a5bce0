"""An invitation link's path is its secret: whoever reads it can choose the account's
password. Servers log request paths (and referring pages), so the token is left out of
every path logged, and the link keeps working."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from types import SimpleNamespace
from urllib.request import urlopen

import pytest
from werkzeug.serving import make_server

from app.auth import invitations
from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import create_program
from app.web import without_query


@pytest.fixture
def token(app, make_user) -> str:
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    issued = invitations.invite(make_user("admin"), "nina@example.org", "Nina Patel", "expert")
    db.session.commit()
    return issued.link.rsplit("/invitations/", 1)[1]


def test_the_dev_servers_access_log_leaves_out_an_invitations_token(app, caplog, token) -> None:
    server = make_server("127.0.0.1", 0, app, threaded=False)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            page = urlopen(f"http://127.0.0.1:{server.server_port}/invitations/{token}")  # noqa: S310
            assert "Welcome, Nina Patel" in page.read().decode()
            thread.join(timeout=30)
    finally:
        server.server_close()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "werkzeug")
    assert "GET /invitations/<token> HTTP/1.1" in logged
    assert token not in logged


def test_gunicorns_access_log_leaves_out_an_invitations_token_and_its_referer(token) -> None:
    glogging = pytest.importorskip("gunicorn.glogging")
    from gunicorn.config import Config  # type: ignore[import-untyped]

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", "%(r)s|%(U)s|%(f)s|%({raw_uri}e)s")
    logger = glogging.Logger(config)
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("gunicorn.access").addHandler(handler)
    path = f"/invitations/{token}"
    environ = {
        "REQUEST_METHOD": "POST",
        "RAW_URI": path,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://casebook.example{path}",
    }
    response = SimpleNamespace(status="303 See Other", sent=0, headers=[("Location", "/")])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    try:
        logger.access(response, request, environ, timedelta(milliseconds=5))
    finally:
        logging.getLogger("gunicorn.access").removeHandler(handler)
    assert lines == [
        "POST /invitations/<token> HTTP/1.1|/invitations/<token>"
        "|https://casebook.example/invitations/<token>|/invitations/<token>"
    ]


def test_the_admin_pages_invitation_ids_stay_in_the_log() -> None:
    assert without_query("POST /admin/invitations/12/resend HTTP/1.1") == (
        "POST /admin/invitations/12/resend HTTP/1.1"
    )
    assert without_query("/api/v1/admin/invitations/7") == "/api/v1/admin/invitations/7"


def test_an_unexpected_fault_on_the_invitation_page_logs_no_token(
    app, client, caplog, token, monkeypatch
) -> None:
    def broken(_token: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(invitations, "open_invitation", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    caplog.set_level(logging.DEBUG)
    assert client.get(f"/invitations/{token}").status_code == 500
    assert "GET /invitations/<token>" in caplog.text
    assert token not in caplog.text


def test_the_link_still_opens_the_invitation(client, token) -> None:
    page = client.get(f"/invitations/{token}")
    assert page.status_code == 200
    assert "Welcome, Nina Patel" in page.get_data(as_text=True)


def test_an_invitation_link_with_an_encoded_slash_opens_and_logs_no_token(
    app, caplog, token
) -> None:
    # Servers decode the path before routing: "/invitations%2F<token>" opens the invitation,
    # while the request line they log keeps it as sent.
    server = make_server("127.0.0.1", 0, app, threaded=False)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            url = f"http://127.0.0.1:{server.server_port}/invitations%2F{token}"
            page = urlopen(url)  # noqa: S310
            assert "Welcome, Nina Patel" in page.read().decode()
            thread.join(timeout=30)
    finally:
        server.server_close()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "werkzeug")
    assert "GET /invitations%2F<token> HTTP/1.1" in logged
    assert token not in logged


@pytest.mark.parametrize(
    "path", ["/invitations%2f", "/%69nvitations%2F", "/%69%6E%76itations/", "/Invitations/"]
)
def test_an_invitation_path_spelt_otherwise_logs_no_token(token: str, path: str) -> None:
    line = without_query(f"GET {path}{token} HTTP/1.1")
    assert token not in line and line.endswith("<token> HTTP/1.1")
