"""The mail channel: off without a server, sent to a real SMTP server after the commit,
failures logged without content and reported."""

from __future__ import annotations

import logging
import smtplib
import socket

import pytest

from app import mail
from app.auth.models import User
from app.config import from_environment
from app.extensions import db
from tests.support import smtp
from tests.support.smtp import closed_port

MESSAGE = mail.Message(
    to="dana@example.org", subject="Hello", body="A link: https://x.example/1", kind="test"
)


def test_without_a_server_mail_is_off_and_nothing_is_sent(app):
    app.config["CASEBOOK_SMTP_URL"] = ""
    assert mail.delivery_on() is False
    assert mail.send(MESSAGE) is mail.Delivery.OFF


def test_a_message_reaches_the_smtp_server(app, smtp_sink):
    assert mail.send(MESSAGE) is mail.Delivery.SENT
    [received] = smtp_sink.received
    assert received.rcpt_tos == ["dana@example.org"]
    assert received.message["From"] == "casebook@example.org"
    assert received.message["Subject"] == "Hello"
    assert "https://x.example/1" in received.body


def test_mail_is_never_sent_inside_a_database_transaction(app, smtp_sink):
    db.session.get(User, 1)  # begins a transaction
    with pytest.raises(RuntimeError, match="commit"):
        mail.send(MESSAGE)
    db.session.rollback()
    assert smtp_sink.received == []


def test_a_server_that_does_not_answer_is_reported_and_logged_without_content(app, caplog):
    app.config["CASEBOOK_SMTP_TIMEOUT"] = 2
    with closed_port() as port, caplog.at_level(logging.WARNING, logger="app.mail"):
        app.config["CASEBOOK_SMTP_URL"] = f"smtp://127.0.0.1:{port}"
        assert mail.send(MESSAGE) is mail.Delivery.FAILED
    logged = caplog.text
    assert "kind=test" in logged
    assert "dana@example.org" not in logged and "x.example" not in logged
    assert "Hello" not in logged


def test_the_sink_starts_though_another_process_took_a_port_found_free(monkeypatch):
    """A port found free and let go again can be taken by another process (another test
    worker) before a server binds it: the sink leaves the choice to its own bind."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        taken = other.getsockname()[1]
        monkeypatch.setattr(smtp, "free_port", lambda: taken, raising=False)  # any probe
        with smtp.smtp_sink() as sink:
            assert sink.port != taken
            with smtplib.SMTP(sink.host, sink.port, timeout=30) as client:
                client.sendmail("a@example.org", ["b@example.org"], "Subject: Hi\r\n\r\nHello")
        assert [r.rcpt_tos for r in sink.received] == [["b@example.org"]]


def test_a_held_closed_port_refuses_connections():
    with closed_port() as port, pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=30)


def test_a_refusing_server_is_reported(app, smtp_sink, caplog):
    smtp_sink.refuse = True
    with caplog.at_level(logging.WARNING, logger="app.mail"):
        assert mail.send(MESSAGE) is mail.Delivery.FAILED
    assert "code=451" in caplog.text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://mail.example.org", ("mail.example.org", 25, False, "", "")),
        ("smtp://u%40x:p%3Aw@mail.example.org:587", ("mail.example.org", 587, False, "u@x", "p:w")),
        ("smtps://mail.example.org", ("mail.example.org", 465, True, "", "")),
    ],
)
def test_smtp_urls(url, expected):
    assert mail.parse_smtp_url(url) == expected


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://mail.example.org", "smtp://"),
        ("smtp://", "name a host"),
        ("smtp://mail.example.org:port", "port"),
    ],
)
def test_a_malformed_smtp_url_is_refused_at_start_with_the_setting_named(
    monkeypatch, tmp_path, url, problem
):
    monkeypatch.setenv("CASEBOOK_SMTP_URL", url)
    with pytest.raises(ValueError, match="CASEBOOK_SMTP_URL") as refused:
        from_environment(tmp_path, need_secret=False)
    assert problem in str(refused.value)


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CASEBOOK_SMTP_URL", "smtp://mail.example.org:587")
    monkeypatch.setenv("CASEBOOK_SMTP_STARTTLS", "1")
    monkeypatch.setenv("CASEBOOK_SMTP_USER", "casebook")
    monkeypatch.setenv("CASEBOOK_MAIL_FROM", "echo@example.org")
    found = from_environment(tmp_path, need_secret=False)
    assert found["CASEBOOK_SMTP_STARTTLS"] is True
    assert found["CASEBOOK_SMTP_USER"] == "casebook"
    assert found["CASEBOOK_MAIL_FROM"] == "echo@example.org"
