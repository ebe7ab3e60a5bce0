from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.common import utcnow
from app.extensions import Model


class DeidOverride(Model):
    """A finding its author marked "not an identifier": where, what kind, and why; no text."""

    __tablename__ = "deid_overrides"
    __table_args__ = (sa.Index("ix_deid_overrides_entity", "entity_type", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[str] = mapped_column(sa.String(40))
    entity_id: Mapped[int]
    field: Mapped[str] = mapped_column(sa.String(80))
    start: Mapped[int]
    end: Mapped[int]
    category: Mapped[str] = mapped_column(sa.String(20))
    reason: Mapped[str] = mapped_column(sa.String(40))
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
