from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.common import enum_column, utcnow
from app.extensions import Model, db

if TYPE_CHECKING:
    from app.auth.models import ProgramMembership, User
    from app.cases.models import Case, CasePresentation

session_topics = sa.Table(
    "session_topics",
    db.metadata,
    sa.Column("session_id", sa.ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "topic_id", sa.ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Program(Model):
    __tablename__ = "programs"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    # {"sections": [{key, label, required, help}], "fields": [{key, label, type, ...}]}
    # The current template: a copy of the newest CaseTemplate, kept in step by
    # app/programs/case_templates.py, so new cases need no extra query to find it.
    case_template: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    template_version: Mapped[int] = mapped_column(default=1, server_default="1")
    private: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    sessions: Mapped[list[Session]] = relationship(
        back_populates="program", order_by="Session.date", cascade="all, delete-orphan"
    )
    memberships: Mapped[list[ProgramMembership]] = relationship(
        back_populates="program", cascade="all, delete-orphan"
    )
    members: Mapped[list[User]] = relationship(
        secondary="program_memberships", viewonly=True, order_by="User.display_name"
    )
    cases: Mapped[list[Case]] = relationship(back_populates="program")

    @property
    def template_sections(self) -> list[dict[str, Any]]:
        return sections_of(self.case_template)

    @property
    def template_fields(self) -> list[dict[str, Any]]:
        return fields_of(self.case_template)


def sections_of(template: dict[str, Any] | None) -> list[dict[str, Any]]:
    return list((template or {}).get("sections", []))


def fields_of(template: dict[str, Any] | None) -> list[dict[str, Any]]:
    return list((template or {}).get("fields", []))


class CaseTemplate(Model):
    """One saved version of a program's case form; a case keeps the version it was written
    with, so later edits neither hide its fields nor require new ones of it."""

    __tablename__ = "case_templates"
    __table_args__ = (sa.UniqueConstraint("program_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programs.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    definition: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    created_by: Mapped[User | None] = relationship()


class TopicStatus(enum.StrEnum):
    # Typed into a case form and not yet reviewed; linked and searchable all the same.
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    # No longer offered; existing links stay.
    RETIRED = "retired"


class Topic(Model):
    """A term of the controlled vocabulary; synonyms feed search."""

    __tablename__ = "topics"
    # An accepted name is everyone's: one topic only, whatever its case. A proposed or
    # retired one may be known only to a private program's or a draft's readers, so
    # another program typing the same name gets a topic of its own rather than being
    # told of the hidden one (`policy.knowable_topic_clause`).
    __table_args__ = (
        sa.Index(
            "uq_topics_accepted_name_key",
            "name_key",
            unique=True,
            sqlite_where=sa.text("status = 'accepted'"),
            postgresql_where=sa.text("status = 'accepted'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    # text_key(name): what every lookup by name compares (folding can lengthen a name:
    # "ß" becomes "ss").
    name_key: Mapped[str] = mapped_column(sa.String(360), index=True)
    slug: Mapped[str] = mapped_column(sa.String(64), unique=True)
    synonyms: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("topics.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[TopicStatus] = mapped_column(
        enum_column(TopicStatus), default=TopicStatus.ACCEPTED, server_default="accepted"
    )

    parent: Mapped[Topic | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Topic]] = relationship(back_populates="parent", order_by="Topic.name")


class TopicTerm(Model):
    """A topic's name or one of its synonyms by its text_key: what a typed topic name is
    looked up by (app/programs/terms.py keeps these rows in step with the topics)."""

    __tablename__ = "topic_terms"

    term_key: Mapped[str] = mapped_column(sa.String(360), primary_key=True)
    topic_id: Mapped[int] = mapped_column(
        sa.ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    # A term is a name of at most one accepted topic, but may be a synonym of several (and
    # the name of several topics not accepted); a name wins over synonyms, then the oldest
    # topic, among those the reader may know.
    is_name: Mapped[bool] = mapped_column(default=False)


class Session(Model):
    """A teleECHO session of a program: a didactic talk and the cases presented."""

    __tablename__ = "sessions"
    __table_args__ = (sa.UniqueConstraint("program_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(
        sa.ForeignKey("programs.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int]
    date: Mapped[date] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    didactic_topic: Mapped[str] = mapped_column(sa.String(200), default="")
    didactic_presenter: Mapped[str] = mapped_column(sa.String(200), default="")
    attendance_count: Mapped[int | None]
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    program: Mapped[Program] = relationship(back_populates="sessions")
    topics: Mapped[list[Topic]] = relationship(secondary=session_topics, order_by="Topic.name")
    presentations: Mapped[list[CasePresentation]] = relationship(
        back_populates="session", cascade="all, delete-orphan"
    )
