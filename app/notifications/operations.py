"""In-app notifications."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask import url_for
from sqlalchemy import func, select, update

from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, write_operation
from app.cases.models import Case
from app.common import utcnow
from app.extensions import db
from app.notifications.models import NamedPractice, Notification
from app.programs.models import Program

CASE_LINK = re.compile(r"/cases/(\d+)(?=$|[/#?])")  # also in migration 0029


def notify(
    user: User | None,
    kind: str,
    message: str,
    url: str = "",
    *,
    case_id: int | None = None,
    program_id: int | None = None,
    practice_ids: Iterable[int] = (),
    unnamed_message: str = "",
    in_passing_ids: Iterable[int] = (),
    partial_message: str = "",
) -> Notification | None:
    """A message to `user` (none to an inactive account). A message about a case names it by
    `case_id` or links to its page, one that names a program gives its `program_id`, one that
    names best practices their `practice_ids`, so that it is hidden when the case, the
    program or a practice no longer is seen; with `unnamed_message` (the news without the
    practices), one who may not see a practice reads that instead. Practices named only in
    passing (`in_passing_ids`, among `practice_ids`: a successor) are left out of
    `partial_message`, read by one who may see all but those."""
    if user is None or not user.active:
        return None
    match = CASE_LINK.search(url)
    passing = set(in_passing_ids)
    notification = Notification(
        user_id=user.id,
        kind=kind,
        message=message[:400],
        url=url[:300],
        case_id=case_id if case_id is not None else int(match.group(1)) if match else None,
        program_id=program_id,
        practices_named=[
            NamedPractice(practice_id=i, in_passing=i in passing)
            for i in sorted(set(practice_ids) | passing)
        ],
        unnamed_message=unnamed_message[:400],
        partial_message=partial_message[:400] if passing else "",  # nothing left out
    )
    db.session.add(notification)
    return notification


def shown_to(user: User) -> sa.ColumnElement[bool]:
    """The user's notifications, less those about a case the user may no longer see: one
    since withdrawn (it comes back if restored; its program's review team still sees it),
    or one in a private program the user has left (the message names the program and the
    case); and less those that name a program the user may no longer see (they come back on
    rejoining), or a best practice the user may not see now (one whose open evidence was
    removed since) unless the message has a form without it (`forms_read_by`: the one shown
    then)."""
    mine = Notification.user_id == user.id
    visible_programs = select(Program.id).where(policy.visible_program_clause(user))
    program_seen = sa.or_(
        Notification.program_id.is_(None), Notification.program_id.in_(visible_programs)
    )
    # A case the user may no longer open (`can_view_case`): withdrawn, unless they are of
    # its program's review team, or in a program they no longer see.
    hidden = sa.or_(Case.program_id.not_in(visible_programs), ~policy.visible_case_clause(user))

    # Left out: one naming a practice the user may not see and no form without it (none for
    # the news's own practice; no partial one for a practice named in passing). One
    # subquery for both kinds: PostgreSQL plans each copy of the visibility rule, and two
    # took most of every page's unread count there (planning, not execution).
    no_form = sa.and_(
        Notification.unnamed_message == "",
        sa.or_(~NamedPractice.in_passing, Notification.partial_message == ""),
    )
    return sa.and_(
        mine,
        program_seen,
        ~sa.exists().where(Case.id == Notification.case_id, hidden),
        ~sa.exists().where(
            NamedPractice.notification_id == Notification.id,
            no_form,
            ~policy.names_visible_practice(user, NamedPractice.practice_id),
        ),
    )


def forms_read_by(user: User, notifications: Iterable[Notification]) -> dict[int, str]:
    """Which of `notifications` name a best practice `user` may not see now, each with the
    form the user reads: `unnamed` when it is one the news is about, `partial` when only
    practices named in passing are (`shown_to` leaves out those without such a form)."""
    ids = [n.id for n in notifications]
    if not ids:
        return {}
    named = db.session.execute(
        select(
            NamedPractice.notification_id, NamedPractice.practice_id, NamedPractice.in_passing
        ).where(NamedPractice.notification_id.in_(ids))
    ).all()
    seen = policy.visible_practice_ids(user, (practice_id for _, practice_id, _ in named))
    forms: dict[int, str] = {}
    for notification_id, practice_id, in_passing in named:
        if practice_id not in seen and forms.get(notification_id) != "unnamed":
            forms[notification_id] = "partial" if in_passing else "unnamed"
    return forms


@dataclass(frozen=True)
class Shown:
    """A notification as its reader reads it: the unnamed form where it names a best
    practice the reader may not see now, the partial form where that practice is only named
    in passing (a successor) and the message has one. Every page, answer and mail reads
    these, so none can show the named form by mistake."""

    id: int
    kind: str
    message: str
    url: str
    created_at: datetime
    read_at: datetime | None
    case_id: int | None
    program_id: int | None


def as_read_by(user: User, notifications: Iterable[Notification]) -> list[Shown]:
    rows = list(notifications)
    forms = forms_read_by(user, rows)

    def told(n: Notification) -> str:
        form = forms.get(n.id)
        if form == "partial" and n.partial_message:
            return n.partial_message
        return n.unnamed_message if form is not None else n.message

    return [
        Shown(
            n.id,
            n.kind,
            told(n),
            n.url,
            n.created_at,
            n.read_at,
            n.case_id,
            n.program_id,
        )
        for n in rows
    ]


def case_url(case_id: int, *, letter: bool = False) -> str:
    """The case page (or its printable letter) a notification links to, inside a request
    or not (CLI)."""
    try:
        return url_for("recommendations.letter" if letter else "cases.case", case_id=case_id)
    except RuntimeError:
        return f"/cases/{case_id}/letter" if letter else f"/cases/{case_id}"


def unread_count(user: User) -> int:
    return (
        db.session.scalar(
            select(func.count(Notification.id)).where(
                shown_to(user), Notification.read_at.is_(None)
            )
        )
        or 0
    )


def notifications_for(user: User, limit: int = 50) -> list[Shown]:
    stmt = (
        select(Notification)
        .where(shown_to(user))
        .order_by(Notification.created_at.desc(), Notification.id.desc())
        .limit(limit)
    )
    return as_read_by(user, db.session.scalars(stmt))


@write_operation
def mark_all_read(actor: Actor) -> None:
    """The actor's own notifications, every one read."""
    policy.require_account(actor)
    user = actor
    db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
