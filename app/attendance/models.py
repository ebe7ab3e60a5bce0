from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.common import enum_column, utcnow
from app.extensions import Model

if TYPE_CHECKING:
    from app.auth.models import User
    from app.programs.models import Program, Session


class CreditType(enum.StrEnum):
    AMA_PRA_1 = "ama_pra_1"
    ANCC = "ancc"
    PARTICIPATION = "participation"

    @property
    def label(self) -> str:
        return {
            "ama_pra_1": "AMA PRA Category 1 Credit™",
            "ancc": "ANCC contact hours",
            "participation": "Certificate of participation",
        }[self.value]


class AttendanceSource(enum.StrEnum):
    TICKED = "ticked"
    IMPORTED = "imported"


class CreditRule(Model):
    """How a program's sessions earn credit: per session, above a minimum of minutes,
    perhaps only after the post-session evaluation."""

    __tablename__ = "credit_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programs.id", ondelete="CASCADE"), unique=True
    )
    credit_type: Mapped[CreditType] = mapped_column(
        enum_column(CreditType), default=CreditType.AMA_PRA_1
    )
    credits_per_session: Mapped[float] = mapped_column(sa.Float, default=1.0)
    minimum_minutes: Mapped[int] = mapped_column(default=0)
    evaluation_required: Mapped[bool] = mapped_column(default=False)
    # Printed on the certificate: the accredited provider's statement and who signs it.
    accreditation_statement: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    signer_name: Mapped[str] = mapped_column(sa.String(120), default="", server_default="")
    signer_title: Mapped[str] = mapped_column(sa.String(120), default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    program: Mapped[Program] = relationship()


class Attendance(Model):
    """One participant at one session; minutes None when ticked without a duration
    (counted as the whole session)."""

    __tablename__ = "attendances"
    __table_args__ = (sa.UniqueConstraint("session_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    minutes: Mapped[int | None]
    source: Mapped[AttendanceSource] = mapped_column(
        enum_column(AttendanceSource), default=AttendanceSource.TICKED
    )
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    session: Mapped[Session] = relationship()
    user: Mapped[User] = relationship()


class SessionEvaluation(Model):
    """A participant's short post-session evaluation (no free text: nothing to de-identify)."""

    __tablename__ = "session_evaluations"
    __table_args__ = (sa.UniqueConstraint("session_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int]  # 1 (poor) to 5 (excellent)
    will_change_practice: Mapped[bool] = mapped_column(default=False)
    submitted_at: Mapped[datetime] = mapped_column(default=utcnow)
