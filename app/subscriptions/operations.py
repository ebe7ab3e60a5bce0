"""Following topics and programs, and what followers hear about.

New cases (when approved: from then on the program sees them), published recommendations
and best-practice changes on a followed topic or program become in-app notifications for
each follower who may see them; the digest gathers those notifications by period, and
`casebook send-digests` mails it once a day to those who asked. Notifications and mail
name topics and programs and link to the page: never a case's title or text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

import sqlalchemy as sa
from flask import url_for
from sqlalchemy import delete, or_, select
from sqlalchemy.orm import selectinload

from app import mail
from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, Viewer, write_operation
from app.cases.models import Case
from app.common import utcnow
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.notifications.models import Notification
from app.notifications.operations import Shown, as_read_by, case_url, notify, shown_to
from app.programs.models import Program, Topic
from app.programs.operations import find_program, find_topic
from app.subscriptions.models import DigestDelivery, DigestPreference, Subscription

KINDS = ("subscription.case", "subscription.recommendation", "subscription.practice")
PERIODS = {"day": timedelta(hours=24), "week": timedelta(days=7)}


def _signed_in(actor: Viewer) -> User:
    return policy.require_own_account(actor, "Sign in to follow topics and programs.")


# --- Following ---------------------------------------------------------------------------------


def subscriptions_of(actor: Viewer) -> list[Subscription]:
    """What the user follows (programs first, then topics, by name); a private program the
    user no longer sees is left out, and so is a proposed topic known only from its cases."""
    user = _signed_in(actor)
    rows = db.session.scalars(
        select(Subscription)
        .where(Subscription.user_id == user.id)
        .options(selectinload(Subscription.topic), selectinload(Subscription.program))
    )
    # A subscription follows a topic or else a program (a check constraint).
    found = [
        s
        for s in rows
        if (
            policy.can_see_topic(user, s.topic)
            if s.topic is not None
            else policy.can_view_program(user, s.program)  # type: ignore[arg-type]
        )
    ]
    return sorted(
        found,
        key=lambda s: (s.topic is not None, (s.topic or s.program).name.lower()),  # type: ignore[union-attr]
    )


def _subject(topic: str | None, program: str | None, user: User) -> Topic | Program:
    if bool(topic) == bool(program):
        raise ValidationError("Name one topic or one program to follow.", field="topic")
    if program:
        found = find_program(program)
        if found is None or not policy.can_view_program(user, found):
            raise NotFound("No such program.", field="program")
        return found
    found_topic = find_topic(topic or "", actor=user) or db.session.scalar(
        select(Topic).where(Topic.slug == (topic or "").strip().lower())
    )
    if found_topic is None or not policy.can_see_topic(user, found_topic):
        raise NotFound("No topic has that name.")
    return found_topic


def _existing(user: User, subject: Topic | Program) -> Subscription | None:
    column = Subscription.topic_id if isinstance(subject, Topic) else Subscription.program_id
    return db.session.scalar(
        select(Subscription).where(Subscription.user_id == user.id, column == subject.id)
    )


@write_operation
def follow(actor: Actor, *, topic: str | None = None, program: str | None = None) -> Subscription:
    """Follow a topic (by name, synonym or slug) or a program (by slug). Following twice
    is the same as once. An unknown topic or program (or a private one the user does not
    see) is NotFound."""
    user = _signed_in(actor)
    subject = _subject(topic, program, user)
    existing = _existing(user, subject)
    if existing is not None:
        return existing
    subscription = Subscription(user_id=user.id)
    if isinstance(subject, Topic):
        subscription.topic = subject
    else:
        subscription.program = subject
    db.session.add(subscription)
    db.session.flush()
    record(
        user,
        "subscription.added",
        user,
        **cast(
            dict[str, Any],
            {"topic_id": subject.id} if isinstance(subject, Topic) else {"program_id": subject.id},
        ),
    )
    return subscription


@write_operation
def unfollow(actor: Actor, subscription_id: int) -> Subscription:
    user = _signed_in(actor)
    subscription = db.session.get(Subscription, subscription_id)
    if subscription is None or subscription.user_id != user.id:
        raise NotFound(f"No subscription {subscription_id} of yours.")
    subject = (
        {"topic_id": subscription.topic_id}
        if subscription.topic_id
        else {"program_id": subscription.program_id}
    )
    db.session.delete(subscription)
    record(user, "subscription.removed", user, **subject)
    return subscription


def following(actor: Viewer, subject: Topic | Program) -> Subscription | None:
    """The user's subscription to `subject`, if any (for follow/unfollow buttons)."""
    if not isinstance(actor, User):
        return None
    return _existing(actor, subject)


def followed_topic_ids(actor: Viewer, topic_ids: Iterable[int]) -> dict[int, int]:
    """{topic id: subscription id} for the given topics the user follows (one query)."""
    ids = list(topic_ids)
    if not isinstance(actor, User) or not ids:
        return {}
    rows = db.session.execute(
        select(Subscription.topic_id, Subscription.id).where(
            Subscription.user_id == actor.id, Subscription.topic_id.in_(ids)
        )
    )
    return {topic_id: sub_id for topic_id, sub_id in rows}  # type: ignore[misc]


def move_topic_subscriptions(source: Topic, target: Topic) -> None:
    """A merged topic's followers follow the topic it was merged into."""
    already = select(Subscription.user_id).where(Subscription.topic_id == target.id)
    db.session.execute(
        delete(Subscription)
        .where(Subscription.topic_id == source.id, Subscription.user_id.in_(already))
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        sa.update(Subscription)
        .where(Subscription.topic_id == source.id)
        .values(topic_id=target.id)
        .execution_options(synchronize_session=False)
    )


def _preference(user: User) -> DigestPreference | None:
    return db.session.scalar(select(DigestPreference).where(DigestPreference.user_id == user.id))


def digest_preference(actor: Viewer) -> bool:
    user = _signed_in(actor)
    found = _preference(user)
    return bool(found and found.daily_email)


@write_operation
def set_digest_preference(actor: Actor, daily_email: bool) -> bool:
    """Turn the daily digest mail on or off; returns whether it changed."""
    user = _signed_in(actor)
    found = _preference(user)
    if found is None:
        found = DigestPreference(user_id=user.id, daily_email=False)
        db.session.add(found)
    if found.daily_email == bool(daily_email):
        return False
    found.daily_email = bool(daily_email)
    found.updated_at = utcnow()
    record(user, "subscription.digest_changed", user, daily_email=bool(daily_email))
    return True


# --- Telling followers ------------------------------------------------------------------------

_REPLAYING: ContextVar[bool] = ContextVar("replaying_history", default=False)


@contextmanager
def replaying_history() -> Iterator[None]:
    """Inside, nobody is told: a hub restore or a practices file replays what happened
    elsewhere or long ago, and is not news to followers here."""
    token = _REPLAYING.set(True)
    try:
        yield
    finally:
        _REPLAYING.reset(token)


def _followers(
    *, topic_ids: Iterable[int] = (), program_id: int | None = None, actor: Viewer = None
) -> list[User]:
    """Active accounts following any of the topics or the program, the actor left out."""
    clauses: list[sa.ColumnElement[bool]] = []
    ids = list(topic_ids)
    if ids:
        clauses.append(Subscription.topic_id.in_(ids))
    if program_id is not None:
        clauses.append(Subscription.program_id == program_id)
    if not clauses:
        return []
    stmt = (
        select(User)
        .where(
            User.active.is_(True),
            User.id.in_(select(Subscription.user_id).where(or_(*clauses))),
        )
        .options(selectinload(User.memberships))
        .order_by(User.id)
    )
    if isinstance(actor, User):
        stmt = stmt.where(User.id != actor.id)
    return list(db.session.scalars(stmt))


def _names(topics: Iterable[Topic]) -> str:
    return ", ".join(t.name for t in topics)


def announce_case(case: Case, *, actor: Actor) -> int:
    """A case the program now sees (approved): its program's and topics' followers who may
    see it are told. Returns how many were."""
    return announce_cases([case], actor=actor)


def announce_cases(cases: Iterable[Case], *, actor: Actor) -> int:
    """`announce_case` for many cases at once (an import): the followers of all of their
    programs and topics are read in two queries, not per case. Returns how many were told."""
    if _REPLAYING.get():
        return 0
    cases = [c for c in cases if c.withdrawn_at is None]
    topic_ids = {t.id for c in cases for t in c.topics}
    program_ids = {c.program_id for c in cases}
    if not cases:
        return 0
    rows = db.session.execute(
        select(Subscription.user_id, Subscription.topic_id, Subscription.program_id).where(
            or_(Subscription.topic_id.in_(topic_ids), Subscription.program_id.in_(program_ids))
        )
    ).all()
    by_topic: dict[int, set[int]] = {}
    by_program: dict[int, set[int]] = {}
    for user_id, topic_id, program_id in rows:
        if topic_id is not None:
            by_topic.setdefault(topic_id, set()).add(user_id)
        if program_id is not None:
            by_program.setdefault(program_id, set()).add(user_id)
    users = {
        u.id: u
        for u in db.session.scalars(
            select(User)
            .where(User.active.is_(True), User.id.in_({r[0] for r in rows}))
            .options(selectinload(User.memberships))
        )
    }
    if isinstance(actor, User):
        users.pop(actor.id, None)
    told = 0
    for case in cases:
        ids = set(by_program.get(case.program_id, ()))
        for topic in case.topics:
            ids |= by_topic.get(topic.id, set())
        topics = _names(case.topics)
        where = f" on {topics}" if topics else ""
        for user_id in sorted(ids):
            user = users.get(user_id)
            if user is not None and policy.can_list_case(user, case):
                notify(
                    user,
                    "subscription.case",
                    f"New case {case.id} in {case.program.name}{where}.",
                    case_url(case.id),
                    program_id=case.program_id,
                )
                told += 1
    return told


def announce_recommendation(recommendation: Any, *, actor: Actor) -> int:
    """A published recommendation: followers of its case's program and topics who may see it."""
    if _REPLAYING.get():
        return 0
    case = recommendation.case
    if case.withdrawn_at is not None:
        return 0
    told = 0
    topics = _names(case.topics)
    where = f" on {topics}" if topics else ""
    url = f"{case_url(case.id)}#rec-{recommendation.id}"
    for user in _followers(
        topic_ids=[t.id for t in case.topics], program_id=case.program_id, actor=actor
    ):
        if policy.can_list_case(user, case) and policy.can_view_recommendation(
            user, recommendation
        ):
            notify(
                user,
                "subscription.recommendation",
                f"New recommendation on case {case.id} in {case.program.name}{where}.",
                url,
                program_id=case.program_id,
            )
            told += 1
    return told


def announce_practice(practice: Any, change: str, *, actor: Actor) -> int:
    """A best practice proposed, edited or moved along its lifecycle: its topics' followers."""
    if _REPLAYING.get():
        return 0
    topics = list(practice.topics)
    if not topics:
        return 0
    try:
        url = url_for("practices.practice", practice_id=practice.id)
    except RuntimeError:  # outside a request (CLI): the plain path
        url = f"/practices/{practice.id}"
    told = 0
    cites = policy.evidence_programs(practice)
    for user in _followers(topic_ids=[t.id for t in topics], actor=actor):
        if not policy.can_view_practice_citing(user, cites):
            continue
        notify(
            user,
            "subscription.practice",
            f"Best practice {practice.id} on {_names(topics)} {change}.",
            url,
            practice_ids=[practice.id],
        )
        told += 1
    return told


# --- The digest -------------------------------------------------------------------------------


def digest(actor: Viewer, period: str = "day", *, now: datetime | None = None) -> list[Shown]:
    """What followed topics and programs brought in the last 24 hours ("day") or 7 days
    ("week"), newest first, less what the user may no longer see."""
    user = _signed_in(actor)
    if period not in PERIODS:
        raise ValidationError("Period must be day or week.", field="period")
    since = (now or utcnow()) - PERIODS[period]
    stmt = (
        select(Notification)
        .where(
            shown_to(user),
            Notification.kind.in_(KINDS),
            Notification.created_at >= since,
        )
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    return as_read_by(user, db.session.scalars(stmt))


@dataclass
class DigestRun:
    sent: int = 0
    skipped: int = 0  # sent already today, or nothing to tell
    failed: int = 0
    mail_off: bool = False


def _digest_message(user: User, items: list[Shown]) -> mail.Message:
    lines = [f"- {n.message}\n  {mail.absolute(n.url)}" for n in items]
    return mail.Message(
        to=user.email,
        subject=f"Casebook: {len(items)} new on what you follow",
        body=(
            f"Hello {user.display_name},\n\n"
            "New in the last 24 hours on the topics and programs you follow:\n\n"
            + "\n".join(lines)
            + "\n\nThe digest page: "
            + mail.absolute("/my/digest")
            + "\nStop these mails on "
            + mail.absolute("/my/subscriptions")
            + "\n"
        ),
        kind="digest",
    )


def send_digests(*, today: date | None = None, now: datetime | None = None) -> DigestRun:
    """Mail each user who asked for it the last 24 hours' digest, once per day: a user
    already sent today's is skipped, a failed one is tried again at the next run. Each
    transaction is committed before its mail is sent."""
    run = DigestRun()
    if not mail.delivery_on():
        run.mail_off = True
        return run
    now = now or utcnow()
    today = today or now.date()
    user_ids = list(
        db.session.scalars(
            select(DigestPreference.user_id)
            .join(User, User.id == DigestPreference.user_id)
            .where(DigestPreference.daily_email.is_(True), User.active.is_(True))
            .order_by(DigestPreference.user_id)
        )
    )
    db.session.commit()
    for user_id in user_ids:
        delivery = db.session.scalar(
            select(DigestDelivery).where(
                DigestDelivery.user_id == user_id, DigestDelivery.day == today
            )
        )
        if delivery is not None and delivery.sent_at is not None:
            db.session.commit()
            run.skipped += 1
            continue
        user = db.session.get(User, user_id)
        items = digest(user, "day", now=now)
        if not items:
            db.session.commit()
            run.skipped += 1
            continue
        if delivery is None:
            delivery = DigestDelivery(user_id=user_id, day=today)
            db.session.add(delivery)
        delivery.items = len(items)
        delivery.attempts = (delivery.attempts or 0) + 1
        assert user is not None  # digest() refuses anyone else
        message = _digest_message(user, items)
        db.session.flush()
        delivery_id = delivery.id
        db.session.commit()
        outcome = mail.send(message)
        delivery = db.session.get_one(DigestDelivery, delivery_id)
        if outcome is mail.Delivery.SENT:
            delivery.sent_at = utcnow()
            delivery.last_error = None
            run.sent += 1
        else:
            delivery.last_error = "smtp_failed"
            run.failed += 1
        db.session.commit()
    return run
