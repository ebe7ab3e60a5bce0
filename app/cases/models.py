from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.common import enum_column, utcnow
from app.extensions import Model, db

if TYPE_CHECKING:
    from app.auth.models import User
    from app.programs.models import Program, Session, Topic
    from app.recommendations.models import Outcome, Recommendation


class CaseStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    PRESENTED = "presented"
    RECOMMENDATIONS_PUBLISHED = "recommendations_published"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class WithdrawalReason(enum.StrEnum):
    """Why a case was withdrawn: categories only, so no patient text rides along."""

    PRESENTED_IN_ERROR = "presented_in_error"
    DUPLICATE = "duplicate"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    IDENTIFIER_CONCERN = "identifier_concern"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Sex(enum.StrEnum):
    FEMALE = "female"
    MALE = "male"
    INTERSEX = "intersex"
    UNKNOWN = "unknown"


case_topics = sa.Table(
    "case_topics",
    db.metadata,
    sa.Column("case_id", sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "topic_id", sa.ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Case(Model):
    """A de-identified case presentation and, through follows_id, its follow-ups."""

    __tablename__ = "cases"
    __table_args__ = (
        # Lists of cases, newest change first: the first page is read from the index in
        # order, not by sorting every case (keyset-friendly: updated_at, then id).
        sa.Index("ix_cases_updated_at_id", "updated_at", "id"),
        # Every column of who-may-see-what (policy.listed_case_clause): counting the cases
        # a user may see reads this small index, never the wide rows with their texts.
        sa.Index("ix_cases_listing", "program_id", "status", "presenter_id", "withdrawn_at"),
        # The curriculum counts a case not yet on an agenda on the day it was created:
        # the cases of a period are found from this index, not by reading every case.
        sa.Index("ix_cases_created_at", "created_at"),
        # The curriculum's cases of a period: a range of counts_on, narrowed by program and
        # by who may see what, from this index alone.
        sa.Index(
            "ix_cases_counts_on",
            "counts_on",
            "program_id",
            "status",
            "presenter_id",
            "withdrawn_at",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable external id from import; None for cases typed into the app.
    ref: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    program_id: Mapped[int] = mapped_column(sa.ForeignKey("programs.id"), index=True)
    presenter_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(300))
    # Whole years as text; 90 and over is only ever stored as "90+" (Safe Harbor).
    age: Mapped[str | None] = mapped_column(sa.String(3))
    sex: Mapped[Sex | None] = mapped_column(enum_column(Sex))
    question: Mapped[str] = mapped_column(sa.Text, default="")
    # Markdown with "## Section" headings from the program's template.
    presentation: Mapped[str] = mapped_column(sa.Text, default="")
    fields: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    # The version of the program's case form this case was written with (see CaseTemplate).
    template_version: Mapped[int | None]
    # Old values of status and withdrawal kept on change (active_history): the stored groups
    # follow a case into and out of the open cases, which needs what it was
    # (app/practices/groups.py).
    status: Mapped[CaseStatus] = mapped_column(
        enum_column(CaseStatus), default=CaseStatus.DRAFT, index=True, active_history=True
    )
    follows_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The day the curriculum counts the case on: its first session's date, else the day it
    # was created. Derived, and kept by app/cases/counting.py on every write that moves it.
    counts_on: Mapped[date]
    submitted_at: Mapped[datetime | None]
    # Fingerprint of the content as last imported (None: typed into the app); a re-import
    # changes the case only if the app has not since.
    import_hash: Mapped[str | None] = mapped_column(sa.String(64))
    # A withdrawn case is hidden from everyone but its program's review team and admins,
    # and kept (with its audit trail) rather than deleted.
    withdrawn_at: Mapped[datetime | None] = mapped_column(index=True, active_history=True)
    withdrawn_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    withdrawal_reason: Mapped[WithdrawalReason | None] = mapped_column(
        enum_column(WithdrawalReason)
    )

    program: Mapped[Program] = relationship(back_populates="cases")
    presenter: Mapped[User | None] = relationship(foreign_keys=[presenter_id])
    withdrawn_by: Mapped[User | None] = relationship(foreign_keys=[withdrawn_by_id])
    topics: Mapped[list[Topic]] = relationship(secondary=case_topics, order_by="Topic.name")
    presentations: Mapped[list[CasePresentation]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )
    # In date order. The case comes first in the ORDER BY (the same order for each case's
    # list): with the date alone, SQLite loads the sessions of many cases at once by walking
    # every session in date order and probing each case for it.
    sessions: Mapped[list[Session]] = relationship(
        secondary="case_presentations",
        viewonly=True,
        order_by="[CasePresentation.case_id, Session.date]",
    )
    follows: Mapped[Case | None] = relationship(remote_side=[id], back_populates="follow_ups")
    follow_ups: Mapped[list[Case]] = relationship(
        back_populates="follows", order_by="Case.created_at"
    )
    recommendations: Mapped[list[Recommendation]] = relationship(
        back_populates="case", order_by="Recommendation.position", cascade="all, delete-orphan"
    )
    outcomes: Mapped[list[Outcome]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )
    review_comments: Mapped[list[ReviewComment]] = relationship(
        back_populates="case", order_by="ReviewComment.created_at", cascade="all, delete-orphan"
    )

    @property
    def first_session(self) -> Session | None:
        return self.sessions[0] if self.sessions else None


class CasePresentation(Model):
    """A case on a session's agenda; `presented` once it was discussed."""

    __tablename__ = "case_presentations"
    __table_args__ = (sa.UniqueConstraint("case_id", "session_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = mapped_column(
        sa.ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    presented: Mapped[bool] = mapped_column(default=False)

    case: Mapped[Case] = relationship(back_populates="presentations")
    session: Mapped[Session] = relationship(back_populates="presentations")


class ReviewComment(Model):
    """A coordinator's note to the presenter when returning a case from review."""

    __tablename__ = "review_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    case: Mapped[Case] = relationship(back_populates="review_comments")
    author: Mapped[User | None] = relationship()
