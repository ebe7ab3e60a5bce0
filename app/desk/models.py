from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.common import utcnow
from app.extensions import Model

if TYPE_CHECKING:
    from app.auth.models import User
    from app.cases.models import Case


class RecommendationsSent(Model):
    """The hub's recommendations on a case, sent to its presenter as one letter."""

    __tablename__ = "recommendations_sent"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    sent_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    # the published recommendations the letter carried, in their order
    recommendation_ids: Mapped[list[int]] = mapped_column(sa.JSON, default=list)

    case: Mapped[Case] = relationship()
    sent_by: Mapped[User | None] = relationship()
