"""Programs, their case templates, sessions and the topic vocabulary."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Permission
from app.common import slugify
from app.deid.gate import Acceptance
from app.deid.operations import guard, remember_overrides
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.pagination import Page, paginate
from app.programs.models import Program, Session, Topic

FIELD_TYPES = ("text", "number", "choice", "multi", "boolean")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def find_program(slug: str) -> Program | None:
    return db.session.scalar(select(Program).where(Program.slug == slug))


def get_program(slug: str) -> Program:
    program = find_program(slug)
    if program is None:
        raise NotFound(f"No program with slug '{slug}'.")
    return program


def visible_programs(user: Any) -> list[Program]:
    programs = db.session.scalars(select(Program).order_by(Program.name)).all()
    return [p for p in programs if policy.can_view_program(user, p)]


def recent_sessions(user: Any, limit: int = 8, *, before: date | None = None) -> list[Session]:
    ids = policy.visible_program_ids(user, list(db.session.scalars(select(Program))))
    stmt = select(Session).where(Session.program_id.in_(ids))
    if before is not None:
        stmt = stmt.where(Session.date <= before)
    stmt = stmt.order_by(Session.date.desc(), Session.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def validate_template(template: Any) -> dict[str, Any]:
    """Check a case-form template; return it normalised. Errors name the offending entry."""
    if template is None:
        return {"sections": [], "fields": []}
    if not isinstance(template, dict):
        raise ValidationError("The template must be a mapping.", field="template")
    sections = template.get("sections") or []
    fields = template.get("fields") or []
    if not isinstance(sections, list) or not isinstance(fields, list):
        raise ValidationError("Template sections and fields must be lists.", field="template")
    out_sections = []
    for i, section in enumerate(sections, 1):
        where = f"template.sections[{i}]"
        if not isinstance(section, dict) or not section.get("key") or not section.get("label"):
            raise ValidationError("Each section needs a key and a label.", field=where)
        out_sections.append(
            {
                "key": str(section["key"]),
                "label": str(section["label"]),
                "required": bool(section.get("required", False)),
                "help": str(section.get("help", "")),
            }
        )
    out_fields = []
    for i, spec in enumerate(fields, 1):
        where = f"template.fields[{i}]"
        if not isinstance(spec, dict) or not spec.get("key") or not spec.get("label"):
            raise ValidationError("Each field needs a key and a label.", field=where)
        kind = spec.get("type", "text")
        if kind not in FIELD_TYPES:
            raise ValidationError(
                f"Field type must be one of {', '.join(FIELD_TYPES)}.", field=f"{where}.type"
            )
        if kind in ("choice", "multi") and not spec.get("choices"):
            raise ValidationError("Choice fields need a list of choices.", field=f"{where}.choices")
        clean = {k: v for k, v in spec.items() if v is not None}
        clean.update(key=str(spec["key"]), label=str(spec["label"]), type=kind)
        clean["required"] = bool(spec.get("required", False))
        if "choices" in clean:
            clean["choices"] = [str(c) for c in clean["choices"]]
        out_fields.append(clean)
    keys = [f["key"] for f in out_fields]
    if len(keys) != len(set(keys)):
        raise ValidationError("Field keys must be unique.", field="template.fields")
    return {"sections": out_sections, "fields": out_fields}


def create_program(
    slug: str,
    name: str,
    *,
    description: str = "",
    template: Any = None,
    private: bool = False,
    actor: User | None = None,
) -> Program:
    policy.require(actor, Permission.MANAGE_PROGRAMS)
    if not _SLUG.match(slug or ""):
        raise ValidationError("Slug must be lowercase letters, digits and hyphens.", field="slug")
    if find_program(slug) is not None:
        raise ValidationError(f"A program with slug '{slug}' already exists.", field="slug")
    if not name or not name.strip():
        raise ValidationError("Name is required.", field="name")
    program = Program(
        slug=slug,
        name=name.strip(),
        description=description or "",
        case_template=validate_template(template),
        private=bool(private),
    )
    db.session.add(program)
    db.session.flush()
    record(actor, "program.created", program, private=program.private)
    return program


def program_for_import(slug: str, name: str, *, actor: User | None = None) -> Program:
    """The program with `slug`, created if there is none. When another transaction creates
    it at the same moment, its program is returned rather than a unique-constraint error."""
    found = find_program(slug)
    if found is not None:
        return found
    try:
        with db.session.begin_nested():
            return create_program(slug, name, actor=actor)
    except IntegrityError:
        found = find_program(slug)  # the other transaction's, committed meanwhile
        if found is None:
            raise
        return found


def lock_program(program: Program) -> None:
    """Make transactions that number a program's sessions take turns (PostgreSQL locks the
    program's row until commit; SQLite writers take turns already). The lock is FOR NO KEY
    UPDATE, so cases and sessions can still be added to the program meanwhile."""
    if program.id is None:
        db.session.flush()
    db.session.execute(
        select(Program.id).where(Program.id == program.id).with_for_update(key_share=True)
    )


def update_program(program: Program, *, actor: User | None = None, **changes: Any) -> Program:
    policy.require(actor, Permission.MANAGE_PROGRAMS)
    if "template" in changes:
        program.case_template = validate_template(changes.pop("template"))
    for key in ("name", "description", "private"):
        if key in changes:
            setattr(program, key, changes[key])
    record(actor, "program.updated", program, fields=",".join(sorted(changes)) or "template")
    return program


def find_session(program: Program, on: date) -> Session | None:
    return db.session.scalar(
        select(Session).where(Session.program_id == program.id, Session.date == on)
    )


def session_on(program: Program, on: date, *, actor: User | None = None) -> Session:
    """The program's session on a date, created (numbered next) if there is none; several
    importers asking at once get the same session."""
    found = find_session(program, on)
    if found is not None:
        return found
    lock_program(program)
    return find_session(program, on) or create_session(program, on, actor=actor)


def get_session(program: Program, number: int) -> Session:
    session = db.session.scalar(
        select(Session).where(Session.program_id == program.id, Session.number == number)
    )
    if session is None:
        raise NotFound(f"No session number {number} in {program.name}.")
    return session


def create_session(
    program: Program,
    on: date,
    *,
    title: str = "",
    number: int | None = None,
    didactic_topic: str = "",
    didactic_presenter: str = "",
    attendance_count: int | None = None,
    notes: str = "",
    topics: Iterable[str] = (),
    actor: User | None = None,
    accepted: Iterable[Acceptance] = (),
) -> Session:
    """Add a session to a program; numbers follow the order of creation unless given."""
    policy.require(actor, Permission.MANAGE_SESSIONS, program)
    if not isinstance(on, date):
        raise ValidationError("Session date must be a date (YYYY-MM-DD).", field="date")
    if attendance_count is not None and (
        not isinstance(attendance_count, int) or attendance_count < 0
    ):
        raise ValidationError(
            "Attendance must be a whole number, zero or more.", field="attendance_count"
        )
    lock_program(program)  # numbers are unique per program: one transaction at a time
    if number is None:
        highest = db.session.scalar(
            select(func.max(Session.number)).where(Session.program_id == program.id)
        )
        number = (highest or 0) + 1
    elif db.session.scalar(
        select(Session.id).where(Session.program_id == program.id, Session.number == number)
    ):
        raise ValidationError(
            f"{program.name} already has a session number {number}.", field="number"
        )
    title = (title or f"{program.name} session {number}").strip()[:200]
    overridden = guard(
        {"title": title, "didactic_topic": didactic_topic or "", "notes": notes or ""}, accepted
    )
    session = Session(
        program=program,
        date=on,
        number=number,
        title=title,
        didactic_topic=didactic_topic or "",
        didactic_presenter=didactic_presenter or "",
        attendance_count=attendance_count,
        notes=notes or "",
        topics=resolve_topics(topics),
    )
    db.session.add(session)
    db.session.flush()
    record(actor, "session.created", session, program_id=program.id)
    remember_overrides(session, overridden, actor=actor)
    return session


SESSION_TEXT_FIELDS = ("title", "didactic_topic", "didactic_presenter", "notes")


def update_session(
    session: Session,
    *,
    actor: User | None = None,
    accepted: Iterable[Acceptance] = (),
    topics: Iterable[str] | None = None,
    **changes: Any,
) -> list[str]:
    """Change a session's details; returns the names of the fields that changed."""
    policy.require(actor, Permission.MANAGE_SESSIONS, session.program)
    unknown = set(changes) - {*SESSION_TEXT_FIELDS, "date", "attendance_count"}
    if unknown:
        raise ValidationError(
            f"'{sorted(unknown)[0]}' is not a session field.", field=sorted(unknown)[0]
        )
    if "date" in changes and not isinstance(changes["date"], date):
        raise ValidationError("Session date must be a date (YYYY-MM-DD).", field="date")
    count = changes.get("attendance_count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 0):
        raise ValidationError(
            "Attendance must be a whole number, zero or more.", field="attendance_count"
        )
    for name in SESSION_TEXT_FIELDS:
        if name in changes and not isinstance(changes[name], str):
            raise ValidationError(
                f"{name.replace('_', ' ').capitalize()} must be text.", field=name
            )
    if "title" in changes and not changes["title"].strip():
        raise ValidationError("Title is required.", field="title")
    texts = {n: changes.get(n, getattr(session, n)) for n in ("title", "didactic_topic", "notes")}
    overridden = guard(texts, accepted)
    changed = [name for name, value in changes.items() if getattr(session, name) != value]
    for name in changed:
        setattr(session, name, changes[name])
    if topics is not None:
        new_topics = resolve_topics(topics)
        if {t.id for t in new_topics} != {t.id for t in session.topics}:
            session.topics = new_topics
            changed.append("topics")
    if changed:
        record(actor, "session.updated", session, fields=",".join(changed))
        remember_overrides(session, overridden, actor=actor)
    return changed


def find_topic(name: str) -> Topic | None:
    """A topic by its name or one of its synonyms, case-insensitively."""
    wanted = name.strip().lower()
    topic = db.session.scalar(select(Topic).where(func.lower(Topic.name) == wanted))
    if topic is not None:
        return topic
    for candidate in db.session.scalars(select(Topic)):
        if any(s.lower() == wanted for s in candidate.synonyms or []):
            return candidate
    return None


def create_topic(
    name: str,
    *,
    synonyms: Iterable[str] = (),
    parent: Topic | None = None,
    description: str = "",
) -> Topic:
    name = name.strip()
    if not name or len(name) > 120:
        raise ValidationError("Topic name must be 1 to 120 characters.", field="topics")
    slug = slugify(name)
    existing = set(db.session.scalars(select(Topic.slug).where(Topic.slug.like(f"{slug}%"))))
    base, n = slug, 2
    while slug in existing:
        slug, n = f"{base}-{n}", n + 1
    topic = Topic(
        name=name,
        slug=slug,
        synonyms=[s.strip() for s in synonyms if s and s.strip()],
        parent=parent,
        description=description,
    )
    db.session.add(topic)
    db.session.flush()
    return topic


def resolve_topics(names: Iterable[str], *, create: bool = True) -> list[Topic]:
    topics: list[Topic] = []
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise ValidationError("Topics must be non-empty names.", field="topics")
        topic = find_topic(name)
        if topic is None:
            if not create:
                raise ValidationError(f"Unknown topic '{name}'.", field="topics")
            topic = create_topic(name)
        if topic not in topics:
            topics.append(topic)
    return topics


# Read-side queries for the program pages.


def session_counts(program_ids: Iterable[int]) -> dict[int, int]:
    """Number of sessions per program id (programs without sessions are left out)."""
    ids = list(program_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(Session.program_id, func.count(Session.id))
        .where(Session.program_id.in_(ids))
        .group_by(Session.program_id)
    )
    return {program_id: count for program_id, count in rows}


def program_sessions(program: Program, page: int = 1, per_page: int = 20) -> Page[Session]:
    """A page of the program's sessions, newest first; a page past the end gives the last page."""
    stmt = (
        select(Session)
        .where(Session.program_id == program.id)
        .order_by(Session.date.desc(), Session.number.desc())
    )
    return paginate(stmt, page, per_page)
