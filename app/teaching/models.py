from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.auth.models import User
from app.cases.models import Case
from app.common import utcnow
from app.extensions import Model
from app.programs.models import Program
from app.recommendations.models import Recommendation


class SavedSearch(Model):
    """A search a user keeps by name: its query-string parameters, re-run live when opened."""

    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    query: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TeachingSet(Model):
    """A curated, ordered collection of cases and recommendations with a note on each; its
    owner may share it with one program, whose members then see it."""

    __tablename__ = "teaching_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    program_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("programs.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    owner: Mapped[User] = relationship()
    program: Mapped[Program | None] = relationship()
    items: Mapped[list[TeachingSetItem]] = relationship(
        back_populates="teaching_set",
        order_by="TeachingSetItem.position",
        cascade="all, delete-orphan",
    )


class TeachingSetItem(Model):
    """One case or one recommendation in a set, at a position, with the owner's note."""

    __tablename__ = "teaching_set_items"
    __table_args__ = (
        sa.CheckConstraint("(case_id IS NULL) <> (recommendation_id IS NULL)", name="one_subject"),
        # Once per set (NULLs never collide, so each holds for its own kind of item).
        sa.UniqueConstraint("set_id", "case_id", name="uq_teaching_set_items_set_case"),
        sa.UniqueConstraint(
            "set_id", "recommendation_id", name="uq_teaching_set_items_set_recommendation"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(
        sa.ForeignKey("teaching_sets.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    recommendation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    teaching_set: Mapped[TeachingSet] = relationship(back_populates="items")
    case: Mapped[Case | None] = relationship()
    recommendation: Mapped[Recommendation | None] = relationship()
