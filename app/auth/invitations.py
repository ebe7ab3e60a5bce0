"""Invitations by e-mail: an admin creates an account without a password and sends its
holder a link (signed, single use, valid for 7 days, only its digest stored) where they
choose their own password under the usual rules and are signed in.

Operations leave the commit to the caller; the caller sends the returned message after
committing (app.mail.send), or shows the link when mail delivery is off."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from app import mail
from app.audit.operations import record
from app.auth import policy
from app.auth.models import ProgramMembership, User
from app.auth.operations import create_user, hash_password, validate_password
from app.auth.policy import Actor, Permission, Viewer
from app.common import utcnow
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import Model, db

INVITATION_DAYS = 7
_SALT = "casebook.invitation"


class Invitation(Model):
    """A link that lets the holder of a new account choose its first password."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    invited_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    # SHA-256 of the random secret inside the link; a resend replaces it (the old link dies).
    secret_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    accepted_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])

    def status(self, now: datetime) -> str:
        if self.accepted_at is not None:
            return "accepted"
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.expires_at <= now else "pending"


@dataclass
class Issued:
    """An invitation and its link (shown or mailed once; never stored)."""

    invitation: Invitation
    link: str
    message: mail.Message


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _link(token: str) -> str:
    try:
        path = url_for("invitations.accept", token=token)
    except RuntimeError:  # the CLI: no request to build from
        path = f"/invitations/{token}"
    return mail.absolute(path)


def _new_secret(invitation: Invitation) -> str:
    secret = secrets.token_urlsafe(32)
    invitation.secret_hash = _digest(secret)
    invitation.expires_at = utcnow() + timedelta(days=INVITATION_DAYS)
    invitation.accepted_at = None
    invitation.revoked_at = None
    return secret


def _issue(invitation: Invitation, secret: str) -> Issued:
    token = _serializer().dumps({"i": invitation.id, "s": secret})
    link = _link(token)
    user = invitation.user
    message = mail.Message(
        to=user.email,
        subject="Your invitation to Casebook",
        body=(
            f"Hello {user.display_name},\n\n"
            "You are invited to Casebook, the case library of your ECHO program.\n"
            "Choose your password and sign in here (the link works once, for "
            f"{INVITATION_DAYS} days):\n\n{link}\n\n"
            "If you did not expect this invitation, ignore this message.\n"
        ),
        kind="invitation",
    )
    return Issued(invitation, link, message)


def invite(
    actor: Actor,
    email: str,
    display_name: str,
    role: str,
    *,
    program_slugs: Iterable[str] = (),
) -> Issued:
    """A new account without a password and an invitation to choose one."""
    policy.require(actor, Permission.MANAGE_USERS)
    from app.admin.operations import _programs_by_slug
    from app.auth.operations import get_user_by_email, normalise_email

    if isinstance(email, str) and get_user_by_email(email) is not None:
        raise Conflict(
            f"An account with {normalise_email(email)} already exists: send it an invitation "
            "again from the list, or reset its password.",
            field="email",
        )
    errors: dict[str, str] = {}
    try:
        programs = _programs_by_slug(program_slugs)
    except ValidationError as exc:
        errors["programs"] = exc.message
        programs = []
    try:
        user = create_user(
            email,
            display_name.strip() or email.partition("@")[0][:120],
            role,
            program_slugs=[p.slug for p in programs],
            actor=actor,
        )
    except ValidationError as exc:
        errors = {**exc.errors, **errors}
    if errors:
        raise ValidationError(next(iter(errors.values())), errors=errors)
    invitation = Invitation(
        user=user, invited_by_id=actor.id if actor is not None else None, created_at=utcnow()
    )
    secret = _new_secret(invitation)
    invitation.expires_at = invitation.created_at + timedelta(days=INVITATION_DAYS)
    db.session.add(invitation)
    db.session.flush()
    record(actor, "user.invited", user, invitation_id=invitation.id)
    return _issue(invitation, secret)


def get_invitation(actor: Viewer, invitation_id: int) -> Invitation:
    policy.require(actor, Permission.MANAGE_USERS)
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None:
        raise NotFound(f"No invitation {invitation_id}.")
    return invitation


def pending_invitations(actor: Viewer) -> list[Invitation]:
    """Invitations not accepted yet (expired and revoked ones too, newest first): an admin
    may send them again."""
    policy.require(actor, Permission.MANAGE_USERS)
    stmt = (
        select(Invitation)
        .where(Invitation.accepted_at.is_(None))
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
        .options(
            selectinload(Invitation.user)
            .selectinload(User.memberships)
            .selectinload(ProgramMembership.program)
        )
    )
    return list(db.session.scalars(stmt))


def resend(actor: Actor, invitation: Invitation) -> Issued:
    """A fresh link for 7 more days; the previous link stops working."""
    policy.require(actor, Permission.MANAGE_USERS)
    if invitation.accepted_at is not None:
        raise Conflict("This invitation was accepted already.", field="invitation")
    if not invitation.user.active:
        raise Conflict("The account is deactivated: reactivate it first.", field="invitation")
    secret = _new_secret(invitation)
    record(actor, "user.invitation_resent", invitation.user, invitation_id=invitation.id)
    return _issue(invitation, secret)


def revoke(actor: Actor, invitation: Invitation) -> bool:
    """The link stops working (the account stays, without a password). False if it was not
    pending."""
    policy.require(actor, Permission.MANAGE_USERS)
    if invitation.status(utcnow()) != "pending":
        if invitation.accepted_at is not None:
            raise Conflict("This invitation was accepted already.", field="invitation")
        return False
    invitation.revoked_at = utcnow()
    record(actor, "user.invitation_revoked", invitation.user, invitation_id=invitation.id)
    return True


def mark_sent(invitation_id: int) -> None:
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is not None:
        invitation.sent_at = utcnow()


class InvitationRefused(ValidationError):
    """A link that does not (or no longer) open an invitation; the message says why."""

    status_code = 404

    @property
    def code(self) -> str:
        return "not_found"


def open_invitation(token: str) -> Invitation:
    """The pending invitation a link names, or InvitationRefused saying why not."""
    try:
        data = _serializer().loads(token)
        invitation_id, secret = int(data["i"]), str(data["s"])
    except (BadSignature, KeyError, TypeError, ValueError):
        raise InvitationRefused("This invitation link is not valid.") from None
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or not hmac.compare_digest(invitation.secret_hash, _digest(secret)):
        raise InvitationRefused(
            "This invitation link is not valid (a newer one may have been sent)."
        )
    status = invitation.status(utcnow())
    if status == "accepted":
        raise InvitationRefused("This invitation was used already: sign in instead.")
    if status == "revoked":
        raise InvitationRefused("This invitation was withdrawn. Ask your admin for a new one.")
    if status == "expired":
        raise InvitationRefused("This invitation has expired. Ask your admin for a new one.")
    if not invitation.user.active:
        raise InvitationRefused("This account is deactivated. Ask your admin.")
    return invitation


def accept(token: str, password: str, confirmation: str) -> User:
    """The invitee's password (the usual rules) is set and the link is used up."""
    invitation = open_invitation(token)
    user = invitation.user
    validate_password(password, field="password", user_inputs=(user.email, user.display_name))
    if password != confirmation:
        raise ValidationError(
            "Confirm password does not match the password.", field="confirm_password"
        )
    user.password_hash = hash_password(password)
    user.must_change_password = False
    invitation.accepted_at = utcnow()
    record(user, "user.invitation_accepted", user, invitation_id=invitation.id)
    return user
