"""A real SMTP server on a loopback port the system gives it (aiosmtpd) that keeps what it
receives."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message

from aiosmtpd.controller import Controller


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: Message

    @property
    def body(self) -> str:
        payload = self.message.get_payload(decode=True)
        return payload.decode() if isinstance(payload, bytes) else str(payload)


@dataclass
class Sink:
    host: str
    port: int
    received: list[Received] = field(default_factory=list)
    refuse: bool = False  # answer 451 to every message, as a mail server that is struggling

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        if self.refuse:
            return "451 Try again later"
        self.received.append(
            Received(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                email.message_from_bytes(envelope.original_content or envelope.content),
            )
        )
        return "250 OK"


class _Controller(Controller):
    """aiosmtpd's controller on port 0: the system picks a free port as the server binds it,
    so no other process (another test worker) can take it between a probe and the bind."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


@contextmanager
def smtp_sink() -> Iterator[Sink]:
    sink = Sink("127.0.0.1", 0)
    controller = _Controller(sink, hostname=sink.host, port=0)
    controller.start()
    sink.port = controller.port
    try:
        yield sink
    finally:
        controller.stop()


@contextmanager
def closed_port() -> Iterator[int]:
    """A loopback port where nothing listens, held (bound, not listening) while in use: a
    connection is refused, and no other process can start listening there meanwhile."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield held.getsockname()[1]
