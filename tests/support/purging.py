"""A purge that meets a writer holding its row, written but not committed (PostgreSQL): the
writer stops at a `Pause`, the purge starts, and the writer goes on once the purge waits
for its lock (or is done)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from flask import Flask
from sqlalchemy import select, text

from app.auth.models import User
from app.cases.models import Case
from app.deid.purge import purge_text
from app.extensions import db


class Pause:
    """Where a writer stops once its row is written, not committed, until told to go on."""

    def __init__(self) -> None:
        self.written, self.go_on = threading.Event(), threading.Event()

    def here(self) -> None:
        self.written.set()
        self.go_on.wait(60)


def waiting_for_a_lock() -> bool:
    """Whether a session of this database waits for a row lock (PostgreSQL)."""
    waiting = db.session.scalar(
        text(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
    )
    db.session.remove()
    return bool(waiting)


def purge_while_writing(
    app: Flask, pause: Pause, write: Callable[[], None], case_id: int, span: str
) -> list[BaseException]:
    """Run `write` in one thread until it reaches `pause`, then an admin's purge of `span`
    from the case in another; let the write commit once the purge waits for it (or is
    done). The errors of both."""
    errors: list[BaseException] = []
    admin_id = db.session.scalar(select(User.id).where(User.email.startswith("admin")))

    def in_context(work: Callable[[], None]) -> None:
        with app.app_context():
            try:
                work()
                db.session.commit()
            except BaseException as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(exc)
            finally:
                db.session.remove()

    def purging() -> None:
        admin = db.session.get(User, admin_id)
        purge_text(db.session.get(Case, case_id), span, reason="identifier", actor=admin)

    db.session.commit()
    db.session.remove()
    writer = threading.Thread(target=in_context, args=(write,))
    writer.start()
    assert pause.written.wait(60)
    purge = threading.Thread(target=in_context, args=(purging,))
    purge.start()
    for _ in range(6000):  # until the purge is done, or waits for the writer's lock
        if not purge.is_alive() or waiting_for_a_lock():
            break
        purge.join(0.01)
    pause.go_on.set()
    writer.join(120)
    purge.join(300)
    return errors
