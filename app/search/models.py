"""The search outbox: index changes written in the same transaction as the change itself."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.common import utcnow
from app.extensions import Model


class SearchOutbox(Model):
    """One entity whose search documents must be rebuilt from the database.

    Rows are added by session events (app.search.outbox) and applied to the index after
    commit. Applied rows are kept a day so `reindex` can replay what changed while it ran.
    A row that failed is retried from `retry_at` on (back-off grows with `attempts`).
    """

    __tablename__ = "search_outbox"
    __table_args__ = (sa.Index("ix_search_outbox_pending", "applied_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_type: Mapped[str] = mapped_column(sa.String(32))
    entity_id: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    applied_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(sa.String(200))
    retry_at: Mapped[datetime | None]
