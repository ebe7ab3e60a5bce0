"""Versions of a program's case form: saving one, and finding the one a case was written with.

Every save adds a version; `Program.case_template` and `Program.template_version` mirror the
newest, so a new case takes its form without another query and only older cases look theirs up.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from app.audit.operations import record
from app.auth import policy
from app.auth.policy import Actor, Permission, Viewer
from app.cases.models import Case
from app.deid.gate import Acceptance
from app.deid.operations import guard, remember_overrides
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.programs.models import CaseTemplate, Program
from app.programs.operations import add_template_version, template_texts, validate_template

FIELD_TYPE_LABELS = {
    "text": "Text",
    "number": "Number",
    "choice": "Choice (one of)",
    "multi": "Multi-choice (any of)",
    "boolean": "Yes/no",
}


def template_of(case: Case) -> dict[str, Any]:
    """The case form `case` was written with (the program's current one for newer cases)."""
    program = case.program
    if case.template_version in (None, program.template_version):
        return program.case_template or {}
    found = db.session.scalar(
        select(CaseTemplate.definition).where(
            CaseTemplate.program_id == program.id, CaseTemplate.version == case.template_version
        )
    )
    return found if found is not None else (program.case_template or {})


def template_version(program: Program, version: int | None = None) -> CaseTemplate:
    """One version of the program's form, the newest when `version` is None."""
    number = program.template_version if version is None else version
    found = db.session.scalar(
        select(CaseTemplate).where(
            CaseTemplate.program_id == program.id, CaseTemplate.version == number
        )
    )
    if found is None:
        raise NotFound(f"{program.name} has no case-form version {number}.")
    return found


def template_versions(program: Program) -> list[CaseTemplate]:
    return list(
        db.session.scalars(
            select(CaseTemplate)
            .where(CaseTemplate.program_id == program.id)
            .order_by(CaseTemplate.version.desc())
        )
    )


def view_template(user: Viewer, program: Program, version: int | None = None) -> CaseTemplate:
    policy.require_view_template_editor(user, program)
    return template_version(program, version)


def check_template(program: Program, template: Any) -> dict[str, Any]:
    """The template normalised, or ValidationError naming each bad entry. A key once saved
    keeps its type: old cases hold values of that type under it."""
    clean = validate_template(template)
    earlier = {f["key"]: f.get("type", "text") for f in program.template_fields}
    errors = {}
    for i, spec in enumerate(clean["fields"], 1):
        was = earlier.get(spec["key"], spec["type"])
        if spec["type"] != was:
            errors[f"template.fields[{i}].type"] = (
                f"Field {i}: '{spec['key']}' was saved as {FIELD_TYPE_LABELS.get(was, was)}; "
                "add a field with a new key instead of changing its type."
            )
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, errors=errors)
    return clean


def save_template(
    program: Program, template: Any, *, actor: Actor, accepted: Iterable[Acceptance] = ()
) -> CaseTemplate | None:
    """Save the program's case form as a new version; None when nothing changed. Cases
    written before keep the version they were written with. Its labels, help and choices
    pass the gate."""
    policy.require(actor, Permission.MANAGE_PROGRAMS, program)
    clean = check_template(program, template)
    if clean == program.case_template:
        return None
    texts = template_texts(clean)
    overridden = guard(texts, accepted, actor=actor, program=program)
    version = add_template_version(program, clean, actor=actor)
    db.session.flush()
    remember_overrides(program, overridden, actor=actor, fields=texts)
    record(actor, "program.template_saved", program, version=version.version)
    return version
