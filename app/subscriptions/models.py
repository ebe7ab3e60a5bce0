from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.common import utcnow
from app.extensions import Model
from app.programs.models import Program, Topic


class Subscription(Model):
    """One user following one topic or one program."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "topic_id", name="uq_subscriptions_user_topic"),
        sa.UniqueConstraint("user_id", "program_id", name="uq_subscriptions_user_program"),
        sa.CheckConstraint("(topic_id IS NULL) <> (program_id IS NULL)", name="one_subject"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    topic_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("topics.id", ondelete="CASCADE"), index=True
    )
    program_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("programs.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    topic: Mapped[Topic | None] = relationship()
    program: Mapped[Program | None] = relationship()


class DigestPreference(Model):
    """Whether a user wants the daily digest by e-mail (the page is always there)."""

    __tablename__ = "digest_preferences"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    daily_email: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class DigestDelivery(Model):
    """One day's digest mail to one user: sent once (`casebook send-digests` skips it
    afterwards); a failed attempt is counted and tried again at the next run."""

    __tablename__ = "digest_deliveries"
    __table_args__ = (sa.UniqueConstraint("user_id", "day", name="uq_digest_deliveries_user_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    day: Mapped[date]
    items: Mapped[int] = mapped_column(default=0)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(sa.String(80))
    sent_at: Mapped[datetime | None]
