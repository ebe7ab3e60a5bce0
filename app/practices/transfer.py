"""Loading best practices with their evidence and status history from a YAML file."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from app.auth.operations import get_user_by_email
from app.auth.policy import Actor
from app.cases.models import Case
from app.cases.operations import find_case_by_ref
from app.errors import ValidationError
from app.extensions import db
from app.practices.models import BestPractice, PracticeStatus
from app.practices.operations import add_evidence, change_status, propose_practice
from app.programs.models import Session
from app.programs.operations import find_program, find_session
from app.subscriptions.operations import replaying_history


def load_practices(path: Path, *, actor: Actor) -> int:
    """Create the practices a file describes (matched by title), in one transaction."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError:
        raise ValidationError(f"{path}: malformed YAML.", field="practices") from None
    if not isinstance(entries, list):
        raise ValidationError(f"{path}: expected a list of practices.", field="practices")
    try:
        with replaying_history():  # a file of practices and their history is not news
            for number, entry in enumerate(entries, 1):
                _load_practice(entry, actor, f"{path} practice {number}")
    except ValidationError:
        db.session.rollback()
        raise
    db.session.commit()
    return len(entries)


def _load_practice(entry: dict[str, Any], actor: Actor, where: str) -> BestPractice:
    practice = db.session.scalar(select(BestPractice).where(BestPractice.title == entry["title"]))
    author = get_user_by_email(entry.get("created_by") or "")
    if practice is None:
        practice = propose_practice(
            entry["title"],
            entry["statement"],
            topics=entry.get("topics") or [],
            author=author,
            actor=actor,
        )
        history = [h for h in entry.get("history") or [] if h.get("status") != "proposed"]
        for step in history:
            change_status(
                practice, step["status"], reason=step.get("reason", ""), editor=author, actor=actor
            )
        final = PracticeStatus(entry.get("status", "proposed"))
        if practice.status is not final:
            change_status(practice, final, reason="Status as recorded.", editor=author, actor=actor)
    for evidence in entry.get("evidence") or []:
        target = _target(evidence, where)
        add_evidence(practice, target, note=evidence.get("note", ""), added_by=author, actor=actor)
    return practice


def _target(evidence: dict[str, Any], where: str) -> Session | Case | Any:
    if "case" in evidence:
        case = find_case_by_ref(evidence["case"])
        if case is None:
            raise ValidationError(f"{where}: no case {evidence['case']}.", field="evidence")
        return case
    if "recommendation" in evidence:
        spec = evidence["recommendation"]
        case = find_case_by_ref(spec["case"])
        index = int(spec.get("index", 1))
        if case is None or not 1 <= index <= len(case.recommendations):
            raise ValidationError(
                f"{where}: no recommendation {index} of {spec['case']}.", field="evidence"
            )
        return case.recommendations[index - 1]
    if "session" in evidence:
        spec = evidence["session"]
        program = find_program(spec["program"])
        on = spec["date"] if isinstance(spec["date"], date) else date.fromisoformat(spec["date"])
        session = find_session(program, on) if program else None
        if session is None:
            raise ValidationError(
                f"{where}: no session of {spec['program']} on {on}.", field="evidence"
            )
        return session
    raise ValidationError(
        f"{where}: evidence names a case, recommendation or session.", field="evidence"
    )
