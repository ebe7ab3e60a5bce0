"""A path is typed as freely as a query string ("/cases/John Smith" finds no page, and the
server logs it all the same): logged paths keep the routes' words, numbers and static
files' names, and each other part is written "*"."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from http.client import HTTPConnection
from types import SimpleNamespace

import pytest
from werkzeug.serving import make_server

from app.web import QueryStringsDropped
from tests.conftest import sign_in


def _served(app, path: str, caplog) -> str:
    """What the dev server (werkzeug, `flask run`) logs for a request of `path`."""
    server = make_server("127.0.0.1", 0, app, threaded=False)
    thread = threading.Thread(target=server.handle_request)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            # One request, its redirect (to the sign-in page) not followed.
            connection = HTTPConnection("127.0.0.1", server.server_port, timeout=30)
            connection.request("GET", path)
            connection.getresponse().read()
            connection.close()
            thread.join(timeout=30)
    finally:
        server.server_close()
    return "\n".join(r.getMessage() for r in caplog.records if r.name == "werkzeug")


def test_the_dev_servers_access_log_leaves_out_a_404_paths_words(app, caplog) -> None:
    logged = _served(app, "/cases/John%20Smith%2012-03-1961", caplog)
    assert "GET /cases/* HTTP/1.1" in logged
    assert "Smith" not in logged and "1961" not in logged


def test_a_routes_own_typed_part_is_left_out_and_its_numbers_kept(app, caplog) -> None:
    # A program's slug is typed too: "/programs/<slug>" finds no such program, and says so.
    logged = _served(app, "/programs/john-smith/sessions/3", caplog)
    assert "GET /programs/*/sessions/3 HTTP/1.1" in logged and "smith" not in logged


def test_gunicorns_access_log_leaves_out_a_paths_words_and_its_referers(app) -> None:
    glogging = pytest.importorskip("gunicorn.glogging")
    from gunicorn.config import Config  # type: ignore[import-untyped]

    config = Config()
    config.set("accesslog", "-")
    config.set("access_log_format", "%(r)s|%(U)s|%(f)s|%({raw_uri}e)s|%({path_info}e)s")
    logger = glogging.Logger(config)
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("gunicorn.access").addHandler(handler)
    path = "/cases/John%20Smith/edit"
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": path,
        "PATH_INFO": "/cases/John Smith/edit",
        "QUERY_STRING": "",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"https://casebook.example{path}",
    }
    response = SimpleNamespace(status="404 Not Found", sent=0, headers=[])
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    try:
        logger.access(response, request, environ, timedelta(milliseconds=5))
    finally:
        logging.getLogger("gunicorn.access").removeHandler(handler)
    assert lines == [
        "GET /cases/*/edit HTTP/1.1|/cases/*/edit|https://casebook.example/cases/*/edit"
        "|/cases/*/edit|/cases/*/edit"
    ]


def test_a_request_line_with_raw_spaces_in_its_path_logs_none_of_them(app) -> None:
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /cases/John Smith HTTP/1.1", "404", "-"),
        None,
    )
    QueryStringsDropped().filter(record)
    assert record.getMessage() == '"GET /cases/* HTTP/1.1" 404 -'


def test_static_files_routes_and_ids_stay_in_logged_paths(app) -> None:
    from app.web import redacted_path

    assert redacted_path("/admin/invitations/12/resend") == "/admin/invitations/12/resend"
    assert redacted_path("/api/v1/cases/7/") == "/api/v1/cases/7/"
    assert redacted_path("/static/css/casebook.css") == "/static/css/casebook.css"
    assert redacted_path("/static/css/Smith.css") == "/static/css/*"


def test_an_unexpected_fault_logs_its_path_redacted(
    app, client, caplog, monkeypatch, make_user
) -> None:
    from app.programs import views

    def broken(_slug: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "_visible_program", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    sign_in(client, make_user("provider"))
    caplog.set_level(logging.DEBUG)
    assert client.get("/programs/john-smith").status_code == 500
    assert "GET /programs/*" in caplog.text and "smith" not in caplog.text


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/cases/6175550142", "/cases/*"),
        ("/cases/078051120/edit", "/cases/*/edit"),
        ("/cases/19610312", "/cases/*"),
        ("/cases/\u0666\u0661\u0667\u0665\u0665\u0665", "/cases/*"),
        ("/cases/1234567", "/cases/1234567"),
    ],
)
def test_a_number_logged_in_a_path_is_an_ids_length_of_ascii_digits(app, path, logged) -> None:
    # An id is a short ASCII number; a phone number, an SSN or a date typed as a part of
    # the path is as typed text.
    from app.web import redacted_path

    assert redacted_path(path) == logged
