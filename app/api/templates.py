"""A program's case form in the JSON API: read a version, save a new one (admins)."""

from __future__ import annotations

from flask import request

from app.api import schemas
from app.api.base import SPEC, api_blueprint, api_user
from app.api.resources import _program
from app.api.spec import Query
from app.errors import ValidationError
from app.extensions import db
from app.programs import case_templates
from app.programs.models import CaseTemplate, Program


def _version_answer(program: Program, version: CaseTemplate) -> schemas.CaseTemplateVersion:
    return schemas.CaseTemplateVersion(
        program=program.slug,
        version=version.version,
        current=version.version == program.template_version,
        created_at=version.created_at,
        template=schemas.SavedCaseTemplate.model_validate(version.definition),
    )


@SPEC.operation(
    api_blueprint,
    "/programs/<slug>/template",
    "GET",
    summary="A program's case form: the current version, or ?version=N (admins, coordinators)",
    tag="programs",
    query=(Query("version", {"type": "integer", "minimum": 1}, "A saved version."),),
    response=schemas.CaseTemplateVersion,
)
def read_program_template(slug: str) -> schemas.CaseTemplateVersion:
    program = _program(slug)
    raw = request.args.get("version")
    if raw is not None and (not raw.isdigit() or int(raw) < 1):
        raise ValidationError("version must be a whole number from 1.", field="version")
    version = case_templates.view_template(
        api_user(), program, int(raw) if raw is not None else None
    )
    return _version_answer(program, version)


@SPEC.operation(
    api_blueprint,
    "/programs/<slug>/template",
    "PUT",
    summary="Save the program's case form as a new version (admins); older cases keep theirs",
    tag="programs",
    body=schemas.CaseTemplateChanges,
    response=schemas.CaseTemplateVersion,
)
def save_program_template(
    slug: str, payload: schemas.CaseTemplateChanges
) -> schemas.CaseTemplateVersion:
    program = _program(slug)
    # What was sent, no more: the form's check fills in what is left out.
    template = payload.model_dump(exclude_unset=True, exclude={"accept_findings"})
    accepted = schemas.acceptances(payload.accept_findings)
    case_templates.save_template(program, template, actor=api_user(), accepted=accepted)
    db.session.commit()
    version = case_templates.template_version(program)
    return _version_answer(program, version)
