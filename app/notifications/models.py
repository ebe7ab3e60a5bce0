from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.common import utcnow
from app.extensions import Model


class Notification(Model):
    """An in-app message to one user, e.g. that recommendations for their case are out."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(40))
    message: Mapped[str] = mapped_column(sa.String(400))
    url: Mapped[str] = mapped_column(sa.String(300), default="")
    # The case the message is about, taken from its link: the list leaves out by key those
    # the reader may no longer see. A hint, not a reference: notifications are messages.
    case_id: Mapped[int | None] = mapped_column(index=True)
    # Likewise the program a message names (its count, its name): hidden from one who can no
    # longer see the program, case or not.
    program_id: Mapped[int | None] = mapped_column(index=True)
    # What one who may not see a best practice the message names reads instead (decided
    # when read, as `practices_named`): the same news without the practice, its title,
    # number or link. Empty: the message is hidden from them.
    unnamed_message: Mapped[str] = mapped_column(sa.String(400), default="", server_default="")
    # What one who may see the practices the message is about, but not one it names only in
    # passing (`NamedPractice.in_passing`: the practice that superseded it), reads instead:
    # the same news naming only what they may see. Empty: they read `unnamed_message`.
    partial_message: Mapped[str] = mapped_column(sa.String(400), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]

    practices_named: Mapped[list[NamedPractice]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class NamedPractice(Model):
    """A best practice a notification names (its title): one who may not see the practice
    when reading it (its evidence may have changed since) reads the message's unnamed form,
    or nothing without one. A hint, not a reference, like `Notification.case_id`."""

    __tablename__ = "notification_practices"

    notification_id: Mapped[int] = mapped_column(
        sa.ForeignKey("notifications.id", ondelete="CASCADE"), primary_key=True
    )
    practice_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False, index=True)
    # Named in passing (what superseded the practice the news is about), not the news itself:
    # one who may not see it, but sees the others, reads the message's partial form.
    in_passing: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
