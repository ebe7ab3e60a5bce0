from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.common import enum_column, utcnow
from app.extensions import Model

if TYPE_CHECKING:
    from app.auth.models import User
    from app.cases.models import Case


KEY_LENGTH = 200


def new_key() -> str:
    """A key for an item made in the app: random, so it never meets a key a file derives."""
    return uuid.uuid4().hex


def key_column() -> Mapped[str]:
    """A stable key per item, exported with it; re-import matches file items by it."""
    return mapped_column(sa.String(KEY_LENGTH), unique=True, index=True, default=new_key)


def import_hash_column() -> Mapped[str | None]:
    """The fingerprint of the content as last imported (None: made in the app), so a
    re-import can tell an edit made in the app since then from a change in the file."""
    return mapped_column(sa.String(64))


class RecommendationCategory(enum.StrEnum):
    DIAGNOSTIC = "diagnostic"
    THERAPEUTIC = "therapeutic"
    REFERRAL = "referral"
    MONITORING = "monitoring"
    OTHER = "other"


class RecommendationStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Recommendation(Model):
    __tablename__ = "recommendations"
    __table_args__ = (sa.UniqueConstraint("case_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    position: Mapped[int] = mapped_column(default=1)
    category: Mapped[RecommendationCategory] = mapped_column(enum_column(RecommendationCategory))
    body: Mapped[str] = mapped_column(sa.Text)
    references: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    status: Mapped[RecommendationStatus] = mapped_column(
        enum_column(RecommendationStatus), default=RecommendationStatus.DRAFT
    )
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None]
    # The version that was published: readers other than its author see the history from it.
    published_version: Mapped[int | None]
    key: Mapped[str] = key_column()
    import_hash: Mapped[str | None] = import_hash_column()

    case: Mapped[Case] = relationship(back_populates="recommendations")
    author: Mapped[User] = relationship()
    versions: Mapped[list[RecommendationVersion]] = relationship(
        back_populates="recommendation",
        order_by="RecommendationVersion.version",
        cascade="all, delete-orphan",
    )
    annotations: Mapped[list[Annotation]] = relationship(
        back_populates="recommendation",
        order_by="(Annotation.created_at, Annotation.id)",
        cascade="all, delete-orphan",
    )
    outcomes: Mapped[list[Outcome]] = relationship(
        back_populates="recommendation", cascade="all, delete-orphan"
    )


class RecommendationVersion(Model):
    """An earlier text of a recommendation, kept on every edit."""

    __tablename__ = "recommendation_versions"
    __table_args__ = (sa.UniqueConstraint("recommendation_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    category: Mapped[RecommendationCategory] = mapped_column(enum_column(RecommendationCategory))
    body: Mapped[str] = mapped_column(sa.Text)
    references: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    edited_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    recommendation: Mapped[Recommendation] = relationship(back_populates="versions")
    edited_by: Mapped[User | None] = relationship()


class AnnotationKind(enum.StrEnum):
    AGREE = "agree"
    DISSENT = "dissent"
    EVIDENCE = "evidence"
    UPDATE = "update"


class Annotation(Model):
    """An expert's note on a recommendation."""

    __tablename__ = "annotations"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    kind: Mapped[AnnotationKind] = mapped_column(enum_column(AnnotationKind))
    body: Mapped[str] = mapped_column(sa.Text)
    references: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    key: Mapped[str] = key_column()
    import_hash: Mapped[str | None] = import_hash_column()

    recommendation: Mapped[Recommendation] = relationship(back_populates="annotations")
    author: Mapped[User] = relationship()


class Adoption(enum.StrEnum):
    ADOPTED = "adopted"
    PARTLY = "partly"
    NOT_ADOPTED = "not_adopted"


class PatientStatus(enum.StrEnum):
    IMPROVED = "improved"
    UNCHANGED = "unchanged"
    WORSE = "worse"
    UNKNOWN = "unknown"


class Outcome(Model):
    """What became of an earlier recommendation, recorded at a follow-up presentation."""

    __tablename__ = "outcomes"
    __table_args__ = (sa.UniqueConstraint("case_id", "recommendation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The follow-up case at which the outcome was recorded.
    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    adoption: Mapped[Adoption] = mapped_column(enum_column(Adoption))
    patient_status: Mapped[PatientStatus] = mapped_column(enum_column(PatientStatus))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    key: Mapped[str] = key_column()
    import_hash: Mapped[str | None] = import_hash_column()

    case: Mapped[Case] = relationship(back_populates="outcomes")
    recommendation: Mapped[Recommendation] = relationship(back_populates="outcomes")
