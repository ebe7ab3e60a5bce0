"""Programs, their case templates, sessions and the topic vocabulary."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, Permission, Viewer, write_operation
from app.common import name_slugs, text_key
from app.deid.gate import Acceptance, GatedFields
from app.deid.labels import ref_is_identifier
from app.deid.operations import guard, remember_overrides
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.inputs import FIELD_KEY, FIELD_KEY_RULE
from app.pagination import Page, paginate
from app.programs.models import CaseTemplate, Program, Session, Topic, TopicStatus
from app.programs.terms import topics_by_key, write_terms

FIELD_TYPES = ("text", "number", "choice", "multi", "boolean")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

# What the gate checks in each form, with the label the form shows.
PROGRAM_TEXTS = GatedFields({"name": "Name", "description": "Description"})
SESSION_TEXTS = GatedFields(
    {
        "title": "Title",
        "didactic_topic": "Didactic topic",
        "didactic_presenter": "Didactic presenter",
        "notes": "Notes",
    }
)
TOPIC_TEXTS = GatedFields(
    {"name": "Name", "description": "Description"}, {"synonyms": "synonym {}"}
)


def find_program(slug: str) -> Program | None:
    """A program by its slug, however it is cased or typed ("HCV", "ｈｃｖ" find "hcv")."""
    if not isinstance(slug, str) or not slug.strip():
        return None
    return db.session.scalar(select(Program).where(Program.slug == text_key(slug)))


def get_program(slug: str) -> Program:
    program = find_program(slug)
    if program is None:
        raise NotFound("No such program.", field="program")
    return program


def visible_programs(user: Viewer) -> list[Program]:
    programs = db.session.scalars(select(Program).order_by(Program.name)).all()
    return [p for p in programs if policy.can_view_program(user, p)]


def recent_sessions(user: Viewer, limit: int = 8, *, before: date | None = None) -> list[Session]:
    ids = policy.visible_program_ids(user, list(db.session.scalars(select(Program))))
    stmt = select(Session).where(Session.program_id.in_(ids))
    if before is not None:
        stmt = stmt.where(Session.date <= before)
    stmt = stmt.order_by(Session.date.desc(), Session.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))


def validate_template(template: Any) -> dict[str, Any]:
    """Check a case-form template; return it normalised. Errors name the offending entry
    (``template.fields[2].label``), every one of them, so a form can mark each box."""
    if template is None:
        return {"sections": [], "fields": []}
    if not isinstance(template, dict):
        raise ValidationError("The template must be a mapping.", field="template")
    sections = template.get("sections") or []
    fields = template.get("fields") or []
    if not isinstance(sections, list) or not isinstance(fields, list):
        raise ValidationError("Template sections and fields must be lists.", field="template")
    errors: dict[str, str] = {}
    out_sections: list[dict[str, Any]] = []
    for i, section in enumerate(sections, 1):
        where = f"template.sections[{i}]"
        if not isinstance(section, dict):
            errors[where] = f"Section {i} must be a mapping."
            continue
        clean: dict[str, Any] = {
            "key": _template_key(section.get("key"), f"Section {i}", f"{where}.key", errors),
            "label": _plain(section.get("label"), f"Section {i}: label", f"{where}.label", errors),
            "required": bool(section.get("required", False)),
            "help": _plain(
                section.get("help"), f"Section {i}: help", f"{where}.help", errors, optional=True
            ),
        }
        out_sections.append(clean)
    section_keys = [s["key"] for s in out_sections]
    for i, key in _repeats(section_keys):
        errors.setdefault(f"template.sections[{i}].key", f"Section {i}: key '{key}' is used twice.")
    out_fields: list[dict[str, Any]] = []
    for i, spec in enumerate(fields, 1):
        where = f"template.fields[{i}]"
        if not isinstance(spec, dict):
            errors[where] = f"Field {i} must be a mapping."
            continue
        kind = spec.get("type") or "text"
        if kind not in FIELD_TYPES:
            errors[f"{where}.type"] = f"Field {i}: type must be one of {', '.join(FIELD_TYPES)}."
        # Attributes this editor does not know (min, max, unit …) are kept as given.
        clean = {k: v for k, v in spec.items() if v not in (None, "")}
        clean.update(
            key=_template_key(spec.get("key"), f"Field {i}", f"{where}.key", errors),
            label=_plain(spec.get("label"), f"Field {i}: label", f"{where}.label", errors),
            type=kind,
            required=bool(spec.get("required", False)),
        )
        if spec.get("help"):
            clean["help"] = _plain(spec["help"], f"Field {i}: help", f"{where}.help", errors)
        if kind in ("choice", "multi"):
            clean["choices"] = _choices(spec.get("choices"), i, f"{where}.choices", errors)
        else:
            clean.pop("choices", None)
        if spec.get("section") and spec["section"] not in section_keys:
            errors[f"{where}.section"] = f"Field {i}: its section is not a section of this form."
        for bound in ("min", "max"):
            value = clean.get(bound, 0)
            if isinstance(value, bool) or not isinstance(value, int | float):
                errors[f"{where}.{bound}"] = f"Field {i}: {bound} must be a number."
            elif not math.isfinite(value):
                errors[f"{where}.{bound}"] = f"Field {i}: {bound} must be a finite number."
        bounds_ok = not any(f"{where}.{bound}" in errors for bound in ("min", "max"))
        if bounds_ok and clean.get("min", -math.inf) > clean.get("max", math.inf):
            errors[f"{where}.max"] = f"Field {i}: the maximum is below the minimum."
        out_fields.append(clean)
    for i, key in _repeats([f["key"] for f in out_fields]):
        errors.setdefault(f"template.fields[{i}].key", f"Field {i}: key '{key}' is used twice.")
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, errors=errors)
    return {"sections": out_sections, "fields": out_fields}


def template_texts(template: Mapping[str, Any]) -> dict[str, str]:
    """The texts of a (validated) case-form template for the gate, named as its errors are
    (``template.fields[2].help``, ``template.fields[2].choices[3]``): every user of the form
    reads them, so they hold no patient's details."""
    texts: dict[str, str] = {}
    for part in ("sections", "fields"):
        for i, entry in enumerate(template.get(part) or [], 1):
            where = f"template.{part}[{i}]"
            for attr in ("label", "help", "unit"):
                if isinstance(entry.get(attr), str):
                    texts[f"{where}.{attr}"] = entry[attr]
                elif attr == "unit" and entry.get(attr) is not None:
                    # a unit is kept as given, a list or a mapping too: each text in it read
                    texts.update(_texts_in(f"{where}.unit", entry[attr]))
            for j, choice in enumerate(entry.get("choices") or [], 1):
                if isinstance(choice, str):
                    texts[f"{where}.choices[{j}]"] = choice
            # The attributes the editor does not know, kept as given and returned by the API:
            # each is read, its name too, and named by its place, never by its name.
            others = [(a, v) for a, v in entry.items() if a not in _TEMPLATE_KNOWN]
            for k, (attr, value) in enumerate(others, 1):
                texts[f"{where}.other[{k}].name"] = str(attr)
                texts.update(_texts_in(f"{where}.other[{k}]", value))
    return texts


# The attributes of a form that `validate_template` checks (a key by pattern, a type among
# FIELD_TYPES, a section among the form's, bounds as numbers) or `template_texts` reads.
_TEMPLATE_KNOWN = frozenset(
    {"key", "type", "section", "required", "min", "max", "label", "help", "unit", "choices"}
)


def _texts_in(where: str, value: Any) -> dict[str, str]:
    """The texts in an attribute's value, however nested (a mapping's keys too), a number
    read as its text, each named by its place."""
    if isinstance(value, str):
        return {where: value}
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {where: str(value)}
    out: dict[str, str] = {}
    if isinstance(value, Mapping):
        for j, (key, item) in enumerate(value.items(), 1):
            out[f"{where}[{j}].name"] = str(key)
            out.update(_texts_in(f"{where}[{j}]", item))
    elif isinstance(value, list):
        for j, item in enumerate(value, 1):
            out.update(_texts_in(f"{where}[{j}]", item))
    return out


_TEMPLATE_TEXT = re.compile(r"template\.(sections|fields)\[(\d+)\]\.(\w+)(?:\[(\d+)\])?")
_TEMPLATE_TEXT_WORDS = {
    "label": "label",
    "help": "help text",
    "unit": "unit",
    "choices": "choice",
    "other": "other attribute",
}


def template_text_labels(texts: Iterable[str]) -> dict[str, str]:
    """The label a form shows for each of `template_texts`' names, as its errors word them
    ("Field 2: choice 3")."""
    out = {}
    for name in texts:
        match = _TEMPLATE_TEXT.fullmatch(name)
        if match is None:
            out[name] = name
            continue
        part, row, attr, item = match.groups()
        what = f"{'Section' if part == 'sections' else 'Field'} {row}"
        words = _TEMPLATE_TEXT_WORDS.get(attr, attr)
        out[name] = f"{what}: {words}" + (f" {item}" if item else "")
    return out


LABEL_MAX, HELP_MAX = 120, 300


def _template_key(value: Any, what: str, field: str, errors: dict[str, str]) -> str:
    if not isinstance(value, str) or not value.strip():
        errors[field] = f"{what}: a key is required."
        return ""
    if not FIELD_KEY.fullmatch(value.strip()):
        errors[field] = f"{what}: the key must {FIELD_KEY_RULE}."
    else:
        # A key is in the form the API returns and in every case's fields: read as a case's
        # ref is ("mrn_55512344", "harriet_quenby"), and never repeated when refused.
        if ref_is_identifier(value.strip()):
            errors[field] = (
                f"{what}: the key reads as a possible patient identifier; give it a neutral"
                " name, such as its subject."
            )
    return value.strip()


def _plain(
    value: Any, what: str, field: str, errors: dict[str, str], *, optional: bool = False
) -> str:
    """Labels, help and choices are shown to every user of the form, so they are kept to
    one short line of plain text: the place for patient text is a case, not its form."""
    text = value.strip() if isinstance(value, str) else ""
    limit = HELP_MAX if field.endswith(".help") else LABEL_MAX
    if value is not None and not isinstance(value, str | int | float):
        errors[field] = f"{what} must be text."
    elif not text and not optional and not isinstance(value, int | float):
        errors[field] = f"{what} is required."
    elif isinstance(value, str) and any(c in text for c in "\r\n\t"):
        errors[field] = f"{what} must be one line."
    elif len(text) > limit:
        errors[field] = f"{what} must be at most {limit} characters."
    return text or ("" if value is None else str(value))


def _choices(value: Any, i: int, field: str, errors: dict[str, str]) -> list[str]:
    if not isinstance(value, list) or not value:
        errors[field] = f"Field {i}: a choice field needs a list of choices."
        return []
    choices = [_plain(c, f"Field {i}: each choice", field, errors) for c in value]
    if len(set(choices)) != len(choices):
        errors.setdefault(field, f"Field {i}: a choice is listed twice.")
    return choices


def _repeats(keys: list[str]) -> list[tuple[int, str]]:
    seen: set[str] = set()
    out = []
    for i, key in enumerate(keys, 1):
        if key and key in seen:
            out.append((i, key))
        seen.add(key)
    return out


def add_template_version(
    program: Program, definition: dict[str, Any], *, actor: Actor
) -> CaseTemplate:
    """Store `definition` (validated) as the program's newest template version."""
    number = program.template_version + 1 if program.id is not None else 1
    if program.id is None:
        db.session.add(program)
        db.session.flush()
    version = CaseTemplate(
        program_id=program.id,
        version=number,
        definition=definition,
        created_by_id=actor.id if isinstance(actor, User) else None,
    )
    db.session.add(version)
    program.case_template = definition
    program.template_version = number
    return version


@write_operation
def create_program(
    slug: str,
    name: str,
    *,
    description: str = "",
    template: Any = None,
    private: bool = False,
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
) -> Program:
    policy.require(actor, Permission.MANAGE_PROGRAMS)
    if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
        raise ValidationError("Slug must be lowercase letters, digits and hyphens.", field="slug")
    # A slug is in every address of the program's pages and in exports: read as a case's
    # ref is ("mrn-55512344", "harriet-quenby"), and never repeated when refused.
    if ref_is_identifier(slug):
        raise ValidationError(
            "Slug reads as a possible patient identifier (a name, a date or a record, phone or"
            " other number); give the program a neutral slug, such as its subject.",
            field="slug",
        )
    if find_program(slug) is not None:
        raise ValidationError(f"A program with slug '{slug}' already exists.", field="slug")
    name, description = _program_texts(name, description)
    definition = validate_template(template)
    overridden = guard(
        {
            **PROGRAM_TEXTS.texts(name=name, description=description),
            **template_texts(definition),
        },
        accepted,
        actor=actor,  # a new program: only admins create one
    )
    program = Program(slug=slug, name=name, description=description, private=bool(private))
    try:
        # Another transaction may take the slug after the lookup above (PostgreSQL: its
        # row then fails the unique index here).
        with db.session.begin_nested():
            add_template_version(program, definition, actor=actor)
            db.session.flush()
    except IntegrityError:
        if find_program(slug) is None:
            raise
        raise ValidationError(
            f"A program with slug '{slug}' already exists.", field="slug"
        ) from None
    record(actor, "program.created", program, private=program.private)
    remember_overrides(program, overridden, actor=actor)
    return program


@write_operation
def program_for_import(slug: str, name: str, *, actor: Actor) -> Program:
    """The program with `slug`, created if there is none. When another transaction creates
    it at the same moment, its program is returned rather than a unique-constraint error
    (or, when it committed between our two lookups, rather than "already exists")."""
    policy.require_import(actor)
    found = find_program(slug)
    if found is not None:
        return found
    try:
        with db.session.begin_nested():
            return create_program(slug, name, actor=actor)
    except (IntegrityError, ValidationError):
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


def _program_texts(name: Any, description: Any) -> tuple[str, str]:
    if not isinstance(name, str) or not name.strip():
        raise ValidationError("Name is required.", field="name")
    if len(name.strip()) > 200:
        raise ValidationError("Name must be at most 200 characters.", field="name")
    if description is not None and not isinstance(description, str):
        raise ValidationError("Description must be text.", field="description")
    return name.strip(), (description or "").strip()


@write_operation
def update_program(
    program: Program,
    *,
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
    **changes: Any,
) -> Program:
    policy.require(actor, Permission.MANAGE_PROGRAMS)
    unknown = set(changes) - {"name", "description", "private", "template"}
    if unknown:
        first = sorted(unknown)[0]
        raise ValidationError(f"'{first}' is not a program field.", field=first)
    name, description = _program_texts(
        changes.get("name", program.name), changes.get("description", program.description)
    )
    new: dict[str, Any] = {"name": name, "description": description}
    if "template" in changes:
        new["case_template"] = validate_template(changes["template"])
    overridden = guard(
        {
            **PROGRAM_TEXTS.texts(name=name, description=description),
            **template_texts(new.get("case_template") or {}),
        },
        accepted,
        actor=actor,
        program=program,
    )
    if "private" in changes:
        new["private"] = bool(changes["private"])
    changed = sorted(key for key, value in new.items() if getattr(program, key) != value)
    for key in changed:
        if key == "case_template":
            add_template_version(program, new[key], actor=actor)
        else:
            setattr(program, key, new[key])
    if changed:
        record(actor, "program.updated", program, fields=",".join(changed))
        remember_overrides(program, overridden, actor=actor)
    if "private" in changed and program.private:
        from app.teaching.operations import unshare_sets_no_longer_seen  # teaching needs us

        db.session.flush()
        unshare_sets_no_longer_seen(actor=actor, program=program)
    return program


def find_session(program: Program, on: date) -> Session | None:
    return db.session.scalar(
        select(Session).where(Session.program_id == program.id, Session.date == on)
    )


@write_operation
def session_on(program: Program, on: date, *, actor: Actor) -> Session:
    """The program's session on a date, created (numbered next) if there is none; several
    importers asking at once get the same session."""
    policy.require_import(actor, program)
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


@write_operation
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
    actor: Actor,
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
    texts = SESSION_TEXTS.texts(
        title=title,
        didactic_topic=didactic_topic,
        didactic_presenter=didactic_presenter,
        notes=notes,
    )
    topics = list(topics)
    overridden = guard(
        {**texts, **topic_texts(topics, actor=actor)}, accepted, actor=actor, program=program
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
        topics=resolve_topics(topics, accepted=accepted, actor=actor, program=program),
        presentations=[],  # a new session has none: never loaded
    )
    db.session.add(session)
    db.session.flush()
    record(actor, "session.created", session, program_id=program.id)
    remember_overrides(session, overridden, actor=actor, new=True)
    return session


SESSION_TEXT_FIELDS = tuple(SESSION_TEXTS.labels)


@write_operation
def update_session(
    session: Session,
    *,
    actor: Actor,
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
    if count != session.attendance_count and "attendance_count" in changes:
        from app.attendance.operations import has_attendance_list

        if has_attendance_list(session):
            raise ValidationError(
                "Attendance is counted from the session's attendance list; change the list.",
                field="attendance_count",
            )
    for name in SESSION_TEXT_FIELDS:
        if name in changes and not isinstance(changes[name], str):
            raise ValidationError(
                f"{name.replace('_', ' ').capitalize()} must be text.", field=name
            )
    if "title" in changes and not changes["title"].strip():
        raise ValidationError("Title is required.", field="title")
    texts = {n: changes.get(n, getattr(session, n)) for n in SESSION_TEXT_FIELDS}
    if topics is not None:
        topics = list(topics)
        texts.update(topic_texts(topics, actor=actor))
    overridden = guard(texts, accepted, actor=actor, program=session.program)
    changed = [name for name, value in changes.items() if getattr(session, name) != value]
    for name in changed:
        setattr(session, name, changes[name])
    if topics is not None:
        new_topics = resolve_topics(topics, accepted=accepted, actor=actor, program=session.program)
        if {t.id for t in new_topics} != {t.id for t in session.topics}:
            session.topics = new_topics
            changed.append("topics")
    if changed:
        record(actor, "session.updated", session, fields=",".join(changed))
        remember_overrides(session, overridden, actor=actor)
    return changed


def find_topic(name: str, *, actor: Viewer = None) -> Topic | None:
    """A topic by its name or one of its synonyms, whatever the case (Unicode-aware), of
    those `actor` may know (`policy.knowable_topic_clause`; no actor: any, the accepted
    one first)."""
    if not isinstance(name, str) or not name.strip():
        return None
    key = text_key(name)
    return topics_by_key([key], policy.knowable_topic_clause(actor)).get(key)


TOPIC_NAME_MAX = 120


def _topic_name(name: Any) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ValidationError("Topics must be non-empty names.", field="topics")
    name = " ".join(name.split())
    if len(name) > TOPIC_NAME_MAX:
        raise ValidationError(
            f"Topic name must be 1 to {TOPIC_NAME_MAX} characters.", field="topics"
        )
    return name


def topic_texts(names: Iterable[Any], *, actor: Viewer = None) -> dict[str, str]:
    """The names among `names` the gate reads, by gate field `topics[i]` (1-based, as
    given): a new topic's, and a proposed or retired one's; an accepted topic passed the
    gate when it was added. Looked up as `resolve_topics` does for `actor`: a topic hidden
    from them must not change what the gate reads of what they typed."""
    names = [_topic_name(name) for name in names]
    keys = (text_key(name) for name in names)
    return _gated_names(names, topics_by_key(keys, policy.knowable_topic_clause(actor)))


def _new_names(names: list[str], found: dict[str, Topic]) -> dict[str, str]:
    return {f"topics[{i}]": name for i, name in enumerate(names, 1) if text_key(name) not in found}


def _gated_names(names: list[str], found: dict[str, Topic]) -> dict[str, str]:
    """`_new_names` and the names of topics not accepted. A proposed or retired topic may be
    one only a private program's or a draft's cases carry: read as a new name would be, its
    exact name typed by someone outside finds the gate as an unknown name does, which tells
    them nothing of it."""
    proposed = {key for key, topic in found.items() if topic.status is not TopicStatus.ACCEPTED}
    return {
        f"topics[{i}]": name
        for i, name in enumerate(names, 1)
        if text_key(name) not in found or text_key(name) in proposed
    }


@write_operation
def create_topic(
    name: str,
    *,
    synonyms: Iterable[str] = (),
    parent: Topic | None = None,
    description: str = "",
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
) -> Topic:
    """Add a term to the vocabulary (or return the one already named so): its name,
    synonyms and description pass the gate."""
    policy.require(actor, Permission.MANAGE_VOCABULARY)
    name = _topic_name(name)
    synonyms = _synonyms(synonyms)
    if description is not None and not isinstance(description, str):
        raise ValidationError("Topic description must be text.", field="description")
    guard(
        TOPIC_TEXTS.texts(name=name, description=description, synonyms=synonyms),
        accepted,
        actor=actor,
    )
    return _get_or_add_topic(name, synonyms, description or "", parent)


@write_operation
def update_topic(
    topic: Topic,
    *,
    synonyms: Iterable[str] | None = None,
    description: str | None = None,
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
) -> Topic:
    """Change a topic's synonyms or description, through the gate."""
    policy.require(actor, Permission.MANAGE_VOCABULARY)
    new_synonyms = _synonyms(synonyms) if synonyms is not None else list(topic.synonyms or [])
    if description is not None and not isinstance(description, str):
        raise ValidationError("Topic description must be text.", field="description")
    new_description = topic.description if description is None else description
    guard(
        TOPIC_TEXTS.texts(description=new_description, synonyms=new_synonyms),
        accepted,
        actor=actor,
    )
    topic.synonyms, topic.description = new_synonyms, new_description or ""
    return topic


def _synonyms(values: Iterable[Any]) -> list[str]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise ValidationError("Synonyms must be a list of names.", field="synonyms")
    out = []
    for value in values:
        if not isinstance(value, str):
            raise ValidationError("Each synonym must be text.", field="synonyms")
        if value.strip():
            out.append(" ".join(value.split()))
    return out


def _get_or_add_topic(
    name: str, synonyms: list[str], description: str, parent: Topic | None
) -> Topic:
    """The topic whose name folds to the same key as `name`, added when missing."""
    return add_topics([name], synonyms=synonyms, description=description, parent=parent)[
        text_key(name)
    ]


_T = TypeVar("_T")


def add_topics(
    names: list[str],
    *,
    synonyms: list[str] | None = None,
    description: str = "",
    parent: Topic | None = None,
    status: TopicStatus = TopicStatus.ACCEPTED,
    among: ColumnElement[bool] | None = None,
) -> dict[str, Topic]:
    """The topics named (by text key), of those `among` admits (the topics the caller may
    know, `policy.knowable_topic_clause`; the accepted one first, then the oldest), inserted
    in one statement where missing.

    Several importers may add the same topics at once: the rows go in with INSERT … ON
    CONFLICT DO NOTHING and those left out are read again, so whoever loses the race gets
    the winner's rows instead of a unique-constraint error (PostgreSQL waits for the
    winner's commit). An accepted name is unique; two proposals of one name meet on their
    slug, which follows from the name's key alone (`topic_slug_candidates`): the loser takes
    the winner's topic if it may know it, else the next slug. Rows go in sorted by key, so
    two transactions adding the same topics wait for each other instead of deadlocking."""

    def read(where: ColumnElement[bool]) -> list[tuple[str, bool, int, Topic]]:
        found = db.session.scalars(select(Topic).where(where))
        return [(t.name_key, t.status is TopicStatus.ACCEPTED, t.id, t) for t in found]

    return _add_topics(names, synonyms, description, parent, status, among, read)


def add_topic_ids(
    names: list[str], *, status: TopicStatus, among: ColumnElement[bool] | None = None
) -> dict[str, int]:
    """`add_topics` for a caller that needs the topics' ids only (an import's batch): the
    rows are read back without building a Topic for each."""

    def read(where: ColumnElement[bool]) -> list[tuple[str, bool, int, int]]:
        rows = db.session.execute(select(Topic.name_key, Topic.status, Topic.id).where(where))
        return [(key, st is TopicStatus.ACCEPTED, i, i) for key, st, i in rows]

    return _add_topics(names, None, "", None, status, among, read)


def _add_topics(
    names: list[str],
    synonyms: list[str] | None,
    description: str,
    parent: Topic | None,
    status: TopicStatus,
    among: ColumnElement[bool] | None,
    read: Callable[[ColumnElement[bool]], list[tuple[str, bool, int, _T]]],
) -> dict[str, _T]:
    pending: dict[str, str] = {}
    for name in names:
        pending.setdefault(text_key(name), name)  # the first spelling names the topic

    def existing(keys: list[str]) -> dict[str, _T]:
        best: dict[str, tuple[tuple[bool, int], _T]] = {}
        where = Topic.name_key.in_(keys)
        for key, accepted, topic_id, value in read(where if among is None else where & among):
            rank = (not accepted, topic_id)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, value)
        return {key: value for key, (_, value) in best.items()}

    added: dict[str, _T] = {}
    for start in range(0, len(pending), 500):
        added.update(existing(sorted(pending)[start : start + 500]))
    for key in added:
        pending.pop(key)
    if not pending:
        return added
    dialect = db.session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    table = cast(Table, Topic.__table__)
    for _attempt in range(50):
        keys = sorted(pending)
        slugs = free_slugs([pending[key] for key in keys])
        rows = [
            {
                "name": pending[key],
                "name_key": key,
                "slug": slug,
                "synonyms": list(synonyms or []),
                "description": description,
                "parent_id": parent.id if parent is not None else None,
                "status": status.value,
            }
            for key, slug in zip(keys, slugs, strict=True)
        ]
        # One statement for all rows (executemany with RETURNING is batched into one INSERT).
        inserted = db.session.execute(
            insert(table).on_conflict_do_nothing().returning(table.c.id, table.c.name), rows
        ).all()
        # Only the rows this statement inserted: another transaction's get their terms there.
        write_terms(
            db.session.connection(), [(i, n, synonyms or []) for i, n in inserted], fresh=True
        )
        ids = [topic_id for topic_id, _ in inserted]
        for key, _, _, topic in read(Topic.id.in_(ids)) if ids else []:
            added[key] = topic
            pending.pop(key, None)
        if pending:  # another transaction's row took the name or the slug meanwhile
            for key, topic in existing(sorted(pending)).items():
                added[key] = topic
                pending.pop(key)
        if not pending:
            return added
        # Another topic took a slug in the meantime: the next free ones are picked.
    raise ValidationError(
        f"Could not add the topic '{next(iter(pending.values()))}'; try again.", field="topics"
    )


_SLUG_TRIES = 20


def topic_slug_candidates(name: str) -> Iterator[str]:
    """The slugs a topic named `name` may take, best first, from its name alone
    (`common.name_slugs`): a slug numbered after the topics that took its plain one
    ("woodworm-2") told everyone that a topic so spelt exists, one only a private program
    carries too. The later candidates are wanted only if an older topic holds the first."""
    return name_slugs(name, _SLUG_TRIES)


def free_slugs(names: list[str]) -> list[str]:
    """A free topic slug for each name (`topic_slug_candidates`; never twice in the list),
    by equality lookups on the unique index: a LIKE prefix search scans the table on
    SQLite. Most names take their first candidate, so one lookup per 500 names."""
    candidates = [topic_slug_candidates(name) for name in names]
    wanted: dict[int, str | None] = {i: next(c, None) for i, c in enumerate(candidates)}
    out: list[str | None] = [None] * len(names)
    used: set[str] = set()
    while wanted:
        if any(slug is None for slug in wanted.values()):
            raise ValidationError("Could not find a free topic slug; try again.", field="topics")
        every = sorted({slug for slug in wanted.values() if slug is not None})
        taken = set(used)
        for start in range(0, len(every), 500):
            chunk = every[start : start + 500]
            taken.update(db.session.scalars(select(Topic.slug).where(Topic.slug.in_(chunk))))
        again: dict[int, str | None] = {}
        for i, slug in wanted.items():
            if slug is None or slug in taken:
                again[i] = next(candidates[i], None)
            else:
                out[i] = slug
                used.add(slug)
                taken.add(slug)
        wanted = again
    return [slug for slug in out if slug is not None]


def resolve_topics(
    names: Iterable[str],
    *,
    create: bool = True,
    accepted: Iterable[Acceptance] = (),
    actor: Viewer = None,
    program: Program | None = None,
) -> list[Topic]:
    """The topics named, in order, as `actor` may know them (`policy.knowable_topic_clause`);
    unknown names become new topics once they pass the gate (as fields `topics[i]`, so an
    author can mark a finding "not an identifier", as `actor` may: a firm category's by
    admins alone, the vocabulary being no program's, whichever `program` names them; no
    actor marks no finding of a firm category). New ones are *proposed* until a coordinator
    or admin accepts them (app/admin); they are linked and searchable meanwhile."""
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise ValidationError("Topics must be a list of names.", field="topics")
    names = [_topic_name(name) for name in names]
    # A name or synonym only topics hidden from `actor` have (a private program's proposal)
    # names nothing of theirs: what they typed becomes a topic of their own, and neither
    # its page nor its slug tells them of the hidden one.
    among = policy.knowable_topic_clause(actor)
    found = topics_by_key((text_key(name) for name in names), among)
    new = _new_names(names, found)
    if new and not create:
        unknown = names.index(next(iter(new.values()))) + 1
        raise ValidationError(f"Topic {unknown} is not a known topic.", field="topics")
    guard(_gated_names(names, found), accepted, actor=actor, program=program)
    if new:
        found.update(add_topics(list(new.values()), status=TopicStatus.PROPOSED, among=among))
    topics: list[Topic] = []
    for name in names:
        topic = found[text_key(name)]
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
