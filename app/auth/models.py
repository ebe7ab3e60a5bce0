from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.common import enum_column, utcnow
from app.extensions import Model

if TYPE_CHECKING:
    from app.programs.models import Program


class Role(enum.StrEnum):
    PROVIDER = "provider"
    EXPERT = "expert"
    COORDINATOR = "coordinator"
    CURRICULUM = "curriculum"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class User(UserMixin, Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(120))
    # None means the account cannot sign in with a password (e.g. imported authors).
    password_hash: Mapped[str | None] = mapped_column(sa.String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    active: Mapped[bool] = mapped_column(default=True)
    # Set by an admin's temporary password: the next sign-in must choose a new one first.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]

    memberships: Mapped[list[ProgramMembership]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )
    tokens: Mapped[list[ApiToken]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )
    sessions: Mapped[list[UserSession]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    # Set on the instance when a sign-in session is started or loaded (not stored): the raw
    # session secret flask-login keeps in the session and remember cookies, and its row's id.
    # Typed, so the ORM is told to leave annotations without Mapped[] alone.
    __allow_unmapped__ = True
    session_secret: str | None = None
    current_session_id: int | None = None

    def get_id(self) -> str:
        """The value flask-login keeps in the cookies: the account id and this sign-in's
        secret, so that revoking the sign-in's row ends both cookies (see web.load_user)."""
        if not self.session_secret:
            raise RuntimeError("start a sign-in session (auth.operations.sign_in) first")
        return f"{self.id}:{self.session_secret}"

    # UserMixin compares get_id(), which now holds a per-sign-in secret: compare accounts.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, User):
            return NotImplemented
        if self.id is None or other.id is None:
            return self is other
        return self.id == other.id

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return object.__hash__(self)

    @property
    def is_active(self) -> bool:  # flask-login refuses inactive accounts
        return self.active

    @property
    def program_ids(self) -> set[int]:
        return {m.program_id for m in self.memberships}

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class ProgramMembership(Model):
    __tablename__ = "program_memberships"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    program_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programs.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship(back_populates="memberships")
    program: Mapped[Program] = relationship(back_populates="memberships")


class ApiToken(Model):
    """A bearer token for scripts; only its SHA-256 digest is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    prefix: Mapped[str] = mapped_column(sa.String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="tokens")

    def status(self, now: datetime) -> str:
        if self.revoked_at is not None:
            return "revoked"
        return "expired" if self.expires_at <= now else "active"


class UserSession(Model):
    """One signed-in browser ("device"): its secret is in the session cookie (and the
    remember-me cookie when asked for); only the SHA-256 digest is stored. Revoking the row,
    or its expiry, ends both cookies."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    secret_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    remember: Mapped[bool] = mapped_column(default=False)
    # A coarse label such as "Firefox on Linux", from the User-Agent header.
    device: Mapped[str] = mapped_column(sa.String(80))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="sessions")


class SignInThrottle(Model):
    """Failed sign-ins per email address (a digest of it, so that addresses without an account
    are throttled alike and lockout reveals nothing). Shared by every worker through the DB."""

    __tablename__ = "sign_in_throttles"

    email_digest: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[datetime | None]
