"""Outgoing e-mail through SMTP, configured by CASEBOOK_SMTP_URL and CASEBOOK_MAIL_FROM.

Without a configured server nothing is sent and callers say that delivery is off. Mail is
sent after the caller's transaction is committed (a message is built from plain strings
first), so an SMTP server that is slow or down never holds a database lock. Messages carry
links, topic names and program names only: never a case's title or text."""

from __future__ import annotations

import enum
import logging
import os
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any
from urllib.parse import unquote, urlsplit

from flask import current_app

from app.extensions import db

log = logging.getLogger(__name__)

DEFAULT_PORTS = {"smtp": 25, "smtps": 465}


class Delivery(enum.StrEnum):
    SENT = "sent"
    OFF = "off"  # no SMTP server configured
    FAILED = "failed"


@dataclass(frozen=True)
class MailSettings:
    host: str
    port: int
    tls: bool  # SMTP over TLS from the start (smtps://)
    starttls: bool
    username: str
    password: str
    sender: str
    timeout: float


@dataclass(frozen=True)
class Message:
    """One plain-text e-mail. `kind` (e.g. "invitation") is what a log line may name."""

    to: str
    subject: str
    body: str
    kind: str


def from_environment() -> dict[str, object]:
    """The mail settings for the Flask config (see README "Mail")."""
    return {
        "CASEBOOK_SMTP_URL": os.environ.get("CASEBOOK_SMTP_URL", "").strip(),
        "CASEBOOK_SMTP_STARTTLS": os.environ.get("CASEBOOK_SMTP_STARTTLS", "").strip().lower()
        in ("1", "true", "yes", "on"),
        "CASEBOOK_SMTP_USER": os.environ.get("CASEBOOK_SMTP_USER", ""),
        "CASEBOOK_SMTP_PASSWORD": os.environ.get("CASEBOOK_SMTP_PASSWORD", ""),
        "CASEBOOK_MAIL_FROM": os.environ.get("CASEBOOK_MAIL_FROM", "").strip(),
        "CASEBOOK_BASE_URL": os.environ.get("CASEBOOK_BASE_URL", "").strip().rstrip("/"),
    }


def parse_smtp_url(url: str) -> tuple[str, int, bool, str, str]:
    """(host, port, tls, user, password) from `smtp://[user:password@]host[:port]` or
    `smtps://…`; a ValueError names what is wrong."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS:
        raise ValueError("CASEBOOK_SMTP_URL must start with smtp:// or smtps://.")
    if not parts.hostname:
        raise ValueError("CASEBOOK_SMTP_URL must name a host, e.g. smtp://mail.example.org:587.")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        raise ValueError("CASEBOOK_SMTP_URL has a port that is not a number.") from None
    return (
        parts.hostname,
        port,
        parts.scheme == "smtps",
        unquote(parts.username or ""),
        unquote(parts.password or ""),
    )


def mail_settings() -> MailSettings | None:
    """The SMTP server to use, or None when mail delivery is off."""
    config = current_app.config
    url = str(config.get("CASEBOOK_SMTP_URL") or "")
    if not url:
        return None
    host, port, tls, url_user, url_password = parse_smtp_url(url)
    sender = str(config.get("CASEBOOK_MAIL_FROM") or "") or f"casebook@{socket.getfqdn()}"
    return MailSettings(
        host=host,
        port=port,
        tls=tls,
        starttls=bool(config.get("CASEBOOK_SMTP_STARTTLS")),
        username=str(config.get("CASEBOOK_SMTP_USER") or url_user),
        password=str(config.get("CASEBOOK_SMTP_PASSWORD") or url_password),
        sender=sender,
        timeout=float(config.get("CASEBOOK_SMTP_TIMEOUT", 10)),
    )


def delivery_on() -> bool:
    return bool(current_app.config.get("CASEBOOK_SMTP_URL"))


def base_url() -> str:
    """Where links in mail (and links printed by the CLI) point: CASEBOOK_BASE_URL, else
    the address of the current request, else the local development server."""
    configured = str(current_app.config.get("CASEBOOK_BASE_URL") or "")
    if configured:
        return configured
    from flask import has_request_context, request

    if has_request_context():
        return request.host_url.rstrip("/")
    return "http://127.0.0.1:5000"


def absolute(path: str) -> str:
    return base_url() + path


def _email(settings: MailSettings, message: Message) -> EmailMessage:
    email = EmailMessage()
    email["From"] = settings.sender
    email["To"] = message.to
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=False)
    email["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    email["Auto-Submitted"] = "auto-generated"
    email.set_content(message.body)
    return email


def send(message: Message) -> Delivery:
    """Send one message now. Call it after committing: it refuses to run inside a database
    transaction. A failure is logged (kind and error class only) and returned, never raised."""
    if db.session().in_transaction():
        raise RuntimeError("commit the transaction before sending mail")
    settings = mail_settings()
    if settings is None:
        return Delivery.OFF
    try:
        _deliver(settings, _email(settings, message))
    except (OSError, smtplib.SMTPException) as exc:
        code = getattr(exc, "smtp_code", None)
        log.warning(
            "mail not delivered: kind=%s error=%s%s",
            message.kind,
            type(exc).__name__,
            f" code={code}" if code else "",
        )
        return Delivery.FAILED
    return Delivery.SENT


def _deliver(settings: MailSettings, email: EmailMessage) -> None:
    context = ssl.create_default_context()
    smtp_class = smtplib.SMTP_SSL if settings.tls else smtplib.SMTP
    kwargs: dict[str, Any] = {"context": context} if settings.tls else {}
    with smtp_class(settings.host, settings.port, timeout=settings.timeout, **kwargs) as smtp:
        if settings.starttls and not settings.tls:
            smtp.starttls(context=context)
        if settings.username:
            smtp.login(settings.username, settings.password)
        smtp.send_message(email)
