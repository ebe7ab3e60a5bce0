from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.common import enum_column, utcnow
from app.extensions import Model, db

if TYPE_CHECKING:
    from app.auth.models import User
    from app.cases.models import Case
    from app.programs.models import Session, Topic
    from app.recommendations.models import Recommendation


class PracticeStatus(enum.StrEnum):
    PROPOSED = "proposed"
    EMERGING = "emerging"
    ESTABLISHED = "established"
    RETIRED = "retired"
    SUPERSEDED = "superseded"


practice_topics = sa.Table(
    "practice_topics",
    db.metadata,
    sa.Column(
        "practice_id", sa.ForeignKey("best_practices.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column(
        "topic_id", sa.ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class BestPractice(Model):
    __tablename__ = "best_practices"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    statement: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[PracticeStatus] = mapped_column(
        enum_column(PracticeStatus), default=PracticeStatus.PROPOSED, index=True
    )
    superseded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("best_practices.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(default=1)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    created_by: Mapped[User | None] = relationship()
    superseded_by: Mapped[BestPractice | None] = relationship(remote_side=[id])
    topics: Mapped[list[Topic]] = relationship(secondary=practice_topics, order_by="Topic.name")
    versions: Mapped[list[BestPracticeVersion]] = relationship(
        back_populates="practice",
        order_by="BestPracticeVersion.version",
        cascade="all, delete-orphan",
    )
    evidence: Mapped[list[EvidenceLink]] = relationship(
        back_populates="practice", order_by="EvidenceLink.id", cascade="all, delete-orphan"
    )
    endorsements: Mapped[list[PracticeEndorsement]] = relationship(
        back_populates="practice",
        order_by="PracticeEndorsement.created_at",
        cascade="all, delete-orphan",
    )


class BestPracticeVersion(Model):
    """A snapshot taken on every edit or status change, with the reason given."""

    __tablename__ = "best_practice_versions"
    __table_args__ = (sa.UniqueConstraint("practice_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        sa.ForeignKey("best_practices.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    title: Mapped[str] = mapped_column(sa.String(300))
    statement: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[PracticeStatus] = mapped_column(enum_column(PracticeStatus))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    edited_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    practice: Mapped[BestPractice] = relationship(back_populates="versions")
    edited_by: Mapped[User | None] = relationship()


class EvidenceLink(Model):
    """Ties a best practice to one session, case or recommendation where it was discussed."""

    __tablename__ = "evidence_links"
    __table_args__ = (
        sa.CheckConstraint(
            "(CASE WHEN session_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN case_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN recommendation_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_target",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        sa.ForeignKey("best_practices.id", ondelete="CASCADE"), index=True
    )
    session_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("cases.id", ondelete="CASCADE"), index=True
    )
    recommendation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    note: Mapped[str] = mapped_column(sa.Text, default="")
    added_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    practice: Mapped[BestPractice] = relationship(back_populates="evidence")
    session: Mapped[Session | None] = relationship()
    case: Mapped[Case | None] = relationship()
    recommendation: Mapped[Recommendation | None] = relationship()

    @property
    def kind(self) -> str:
        if self.session_id is not None:
            return "session"
        return "case" if self.case_id is not None else "recommendation"


class Stance(enum.StrEnum):
    ENDORSE = "endorse"
    DISSENT = "dissent"


class PracticeEndorsement(Model):
    """An expert's endorsement of a best practice, or dissent from it; one per expert."""

    __tablename__ = "practice_endorsements"
    __table_args__ = (sa.UniqueConstraint("practice_id", "expert_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        sa.ForeignKey("best_practices.id", ondelete="CASCADE"), index=True
    )
    expert_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    stance: Mapped[Stance] = mapped_column(enum_column(Stance))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    practice: Mapped[BestPractice] = relationship(back_populates="endorsements")
    expert: Mapped[User] = relationship()


class RecommendationDissent(Model):
    """A recommendation that departs from a current best practice on purpose: its author
    marked the checker's warning "intentional, because …" (app/practices/conflicts.py)."""

    __tablename__ = "recommendation_dissents"
    __table_args__ = (sa.UniqueConstraint("recommendation_id", "practice_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    practice_id: Mapped[int] = mapped_column(
        sa.ForeignKey("best_practices.id", ondelete="CASCADE"), index=True
    )
    expert_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    reason: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    recommendation: Mapped[Recommendation] = relationship()
    practice: Mapped[BestPractice] = relationship()
    expert: Mapped[User | None] = relationship()


# ---------------------------------------------------------------- stored groups


class GroupKind(enum.StrEnum):
    QUESTIONS = "questions"
    RECOMMENDATIONS = "recommendations"


class GroupingState(Model):
    """Whether a kind of stored groups is out of date, and who is refreshing it.

    A commit that changes the inputs sets `stale`; one process at a time refreshes, holding
    the lease (a token and an expiry, so a process that died frees it by itself)."""

    __tablename__ = "grouping_states"

    kind: Mapped[GroupKind] = mapped_column(enum_column(GroupKind), primary_key=True)
    stale: Mapped[bool] = mapped_column(default=True)
    refreshed_at: Mapped[datetime | None]
    lease_token: Mapped[int | None] = mapped_column(sa.BigInteger)
    lease_until: Mapped[datetime | None]


class StaleAudience(Model):
    """An audience whose texts changed since its kind of groups was last computed: the
    public programs' (`audience` 0) or one private program's (its id). Readers are told of
    changes not yet grouped only for the audiences they see, so a private program's edits
    do not show to others when they happen.

    Written with the change that causes it (a row only where none is), deleted by the
    refresh that takes the lease (app/practices/groups.py)."""

    __tablename__ = "grouping_stale_audiences"

    kind: Mapped[GroupKind] = mapped_column(enum_column(GroupKind), primary_key=True)
    audience: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)


class QuestionGroup(Model):
    """Cases asking about the same clinical content (see app/practices/groups.py)."""

    __tablename__ = "question_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohesion: Mapped[float] = mapped_column(sa.Float)
    size: Mapped[int]

    members: Mapped[list[QuestionGroupMember]] = relationship(
        back_populates="group", cascade="all, delete-orphan", passive_deletes=True
    )


class QuestionGroupMember(Model):
    __tablename__ = "question_group_members"

    group_id: Mapped[int] = mapped_column(
        sa.ForeignKey("question_groups.id", ondelete="CASCADE"), primary_key=True
    )
    case_id: Mapped[int] = mapped_column(
        sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    centrality: Mapped[float] = mapped_column(sa.Float)
    # What the case asks about as the refresh analysed it ({term: weight}, `question_terms`):
    # a reader describing a group seen in part weighs these instead of analysing every
    # member's text again. Emptied (NULL) when the case's question, title, topics or
    # program change, or the vocabulary does, until the next refresh: its text is then
    # analysed as it is now.
    terms: Mapped[dict[str, int] | None] = mapped_column(sa.JSON(none_as_null=True), default=None)

    group: Mapped[QuestionGroup] = relationship(back_populates="members")
    case: Mapped[Case] = relationship()


class RecommendationGroup(Model):
    """Recommendations that say the same thing: candidate best practices."""

    __tablename__ = "recommendation_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    cohesion: Mapped[float] = mapped_column(sa.Float)
    size: Mapped[int]
    # Different sessions its members were given in (all members; readers see fewer or as
    # many), so the candidates page reads only groups that can reach MIN_SESSIONS.
    sessions: Mapped[int] = mapped_column(default=0, index=True)

    members: Mapped[list[RecommendationGroupMember]] = relationship(
        back_populates="group", cascade="all, delete-orphan", passive_deletes=True
    )


class RecommendationGroupMember(Model):
    __tablename__ = "recommendation_group_members"

    group_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendation_groups.id", ondelete="CASCADE"), primary_key=True
    )
    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    centrality: Mapped[float] = mapped_column(sa.Float)

    group: Mapped[RecommendationGroup] = relationship(back_populates="members")
    recommendation: Mapped[Recommendation] = relationship()


class RecommendationGroupProgram(Model):
    """How many of a recommendation group's members each program holds, and the smallest
    member id, as of the last refresh: the candidates' ranking sums the rows of the programs
    a reader sees instead of counting every member (app/practices/queries.py)."""

    __tablename__ = "recommendation_group_programs"

    group_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendation_groups.id", ondelete="CASCADE"), primary_key=True
    )
    program_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programs.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    members: Mapped[int]
    first_member: Mapped[int]  # the smallest recommendation id: a stable order for ties


class RecommendationGroupChange(Model):
    """A grouped recommendation whose visibility changed after its groups were computed (its
    status; its case's status, withdrawal or program; its or its case's deletion): the
    candidates' ranking counts its groups' members afresh instead of reading their kept
    counts (app/practices/queries.py). Written with the change; deleted by the refresh that
    stores groups computed after it (app/practices/groups.py)."""

    __tablename__ = "recommendation_group_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    # No foreign keys: a deleted recommendation's change is kept, and a refresh renumbers
    # the groups (the recommendation finds its new ones; `group_id` is the one it left, 0
    # if it was in none: a refresh under way may have grouped it).
    recommendation_id: Mapped[int]
    group_id: Mapped[int]


class RecommendationTerm(Model):
    """A word stem a recommendation's claims can act on (app/practices/claim_terms.py keeps
    these rows in step with its text): which recommendations can give a practice's advice,
    found by an indexed lookup instead of reading every one on the practice's topics."""

    __tablename__ = "recommendation_terms"

    stem: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("recommendations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
