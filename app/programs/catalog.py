"""Loading a catalog file: the topic vocabulary, staff accounts, programs and their sessions.

Loading is idempotent: entries are matched by topic name, email, program slug and
session date, created when missing and updated otherwise.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from app.auth.models import Role
from app.auth.operations import (
    add_membership,
    check_display_name,
    create_user,
    get_user_by_email,
)
from app.auth.policy import Actor
from app.common import text_key
from app.errors import ValidationError
from app.extensions import db
from app.programs.models import Program, Session
from app.programs.operations import (
    create_program,
    create_session,
    create_topic,
    find_program,
    find_session,
    find_topic,
    update_program,
    update_session,
    update_topic,
)


def load_catalog(path: Path, *, actor: Actor) -> dict[str, int]:
    """Load a catalog YAML file in one transaction; returns counts of what it holds."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ValidationError(f"{path}: malformed YAML{where}.", field="catalog") from None
    if not isinstance(data, dict):
        raise ValidationError(f"{path}: the catalog must be a mapping.", field="catalog")
    try:
        counts = {
            "topics": _load_topics(data.get("topics") or [], actor),
            "users": _load_users(data.get("users") or [], actor),
            "programs": 0,
            "sessions": 0,
        }
        for entry in data.get("programs") or []:
            program = _load_program(entry, actor)
            counts["programs"] += 1
            for session_entry in entry.get("sessions") or []:
                _load_session(program, session_entry, actor)
                counts["sessions"] += 1
            for email in entry.get("members") or []:
                user = get_user_by_email(email)
                if user is None:
                    raise ValidationError(
                        f"{path}: program {program.slug} member {email} is not in users.",
                        field="members",
                    )
                add_membership(user, program.slug, actor=actor)
        for entry in data.get("users") or []:
            user = get_user_by_email(entry["email"])
            assert user is not None
            for slug in entry.get("programs") or []:
                if find_program(slug) is None:
                    raise ValidationError(
                        f"{path}: user {entry['email']} names unknown program {slug}.",
                        field="programs",
                    )
                add_membership(user, slug, actor=actor)
    except ValidationError as exc:
        db.session.rollback()
        if not exc.message.startswith(str(path)):
            exc.message = f"{path}: {exc.message}"
        raise
    db.session.commit()
    return counts


def _load_topics(entries: list[dict[str, Any]], actor: Actor) -> int:
    for entry in entries:
        topic = find_topic(entry["name"])
        if topic is None or text_key(topic.name) != text_key(entry["name"]):
            topic = create_topic(
                entry["name"],
                synonyms=entry.get("synonyms") or [],
                description=entry.get("description", ""),
                actor=actor,
            )
        else:
            update_topic(topic, synonyms=entry.get("synonyms") or [], actor=actor)
    for entry in entries:
        if entry.get("parent"):
            topic = find_topic(entry["name"])
            parent = find_topic(entry["parent"])
            if parent is None:
                raise ValidationError(
                    f"topic {entry['name']}: unknown parent {entry['parent']}.", field="parent"
                )
            assert topic is not None
            topic.parent = parent
    return len(entries)


def _load_users(entries: list[dict[str, Any]], actor: Actor) -> int:
    for entry in entries:
        user = get_user_by_email(entry["email"])
        if user is None:
            create_user(entry["email"], entry["name"], Role(entry["role"]), actor=actor)
        else:
            check_display_name(entry["name"])
            user.display_name = entry["name"]
    return len(entries)


def _load_program(entry: dict[str, Any], actor: Actor) -> Program:
    program = find_program(entry["slug"])
    if program is None:
        return create_program(
            entry["slug"],
            entry["name"],
            description=entry.get("description", ""),
            template=entry.get("template"),
            private=bool(entry.get("private", False)),
            actor=actor,
        )
    return update_program(
        program,
        name=entry["name"],
        description=entry.get("description", ""),
        template=entry.get("template"),
        private=bool(entry.get("private", False)),
        actor=actor,
    )


def _load_session(program: Program, entry: dict[str, Any], actor: Actor) -> Session:
    on = entry["date"]
    if isinstance(on, str):
        on = date.fromisoformat(on)
    values = {
        "title": entry.get("title", ""),
        "didactic_topic": entry.get("didactic_topic", ""),
        "didactic_presenter": entry.get("didactic_presenter", ""),
        "attendance_count": entry.get("attendance"),
        "notes": entry.get("notes", ""),
    }
    session = find_session(program, on)
    if session is None:
        return create_session(
            program,
            on,
            number=entry.get("number"),
            topics=entry.get("topics") or [],
            actor=actor,
            **values,
        )
    update_session(session, actor=actor, topics=entry.get("topics") or [], **values)
    return session
