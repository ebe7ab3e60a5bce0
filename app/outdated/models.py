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
    from app.practices.models import BestPractice
    from app.recommendations.models import Annotation, Recommendation


class PracticeChange(enum.StrEnum):
    SUPERSEDED = "superseded"
    RETIRED = "retired"


class OutdatedBecause(enum.StrEnum):
    """Why the recommendation entered the queue: the practice cites it as evidence, or the
    conflict checker's reading finds it gives the practice's advice (see operations)."""

    CITES = "cites"
    MATCHES = "matches"


class ReviewState(enum.StrEnum):
    OPEN = "open"
    STILL_VALID = "still_valid"
    UPDATED = "updated"
    NO_LONGER_APPLIES = "no_longer_applies"

    @property
    def label(self) -> str:
        return {
            "open": "Awaiting review",
            "still_valid": "Still valid",
            "updated": "Updated",
            "no_longer_applies": "No longer applies",
        }[self.value]


class OutdatedAdvice(Model):
    """A recommendation to review because a practice it cites or follows changed."""

    __tablename__ = "outdated_advice"
    __table_args__ = (sa.UniqueConstraint("recommendation_id", "practice_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    # The practice that was superseded or retired, and the one that replaced it, if any.
    practice_id: Mapped[int] = mapped_column(
        sa.ForeignKey("best_practices.id", ondelete="CASCADE"), index=True
    )
    replacement_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("best_practices.id", ondelete="SET NULL"), index=True
    )
    change: Mapped[PracticeChange] = mapped_column(enum_column(PracticeChange))
    because: Mapped[OutdatedBecause] = mapped_column(enum_column(OutdatedBecause))
    state: Mapped[ReviewState] = mapped_column(
        enum_column(ReviewState), default=ReviewState.OPEN, index=True
    )
    note: Mapped[str] = mapped_column(sa.Text, default="")
    annotation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("annotations.id", ondelete="SET NULL")
    )
    resolved_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    resolved_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    recommendation: Mapped[Recommendation] = relationship()
    practice: Mapped[BestPractice] = relationship(foreign_keys=[practice_id])
    replacement: Mapped[BestPractice | None] = relationship(foreign_keys=[replacement_id])
    annotation: Mapped[Annotation | None] = relationship()
    resolved_by: Mapped[User | None] = relationship()
