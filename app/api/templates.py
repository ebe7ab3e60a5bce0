"""A program's case form in the JSON API: read a version, save a new one (admins)."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request

from app.api.base import SPEC, api_blueprint, api_user
from app.api.resources import _program
from app.api.schemas import ACCEPT, SHORT
from app.api.spec import Query
from app.deid.gate import parse_acceptances
from app.errors import ValidationError
from app.extensions import db
from app.programs import case_templates
from app.programs.models import CaseTemplate, Program
from app.programs.operations import FIELD_TYPES

_TEXT = SHORT
_KEY = {"type": "string", "pattern": "^[a-z][a-z0-9_]{0,39}$"}
_SECTION = {
    "type": "object",
    "required": ["key", "label"],
    "properties": {
        "key": _KEY,
        "label": _TEXT,
        "required": {"type": "boolean"},
        "help": _TEXT,
    },
    "additionalProperties": False,
}
_FIELD = {
    "type": "object",
    "required": ["key", "label"],
    "properties": {
        "key": _KEY,
        "label": _TEXT,
        "type": {"type": "string", "enum": list(FIELD_TYPES)},
        "required": {"type": "boolean"},
        "help": _TEXT,
        "choices": {"type": "array", "maxItems": 100, "items": _TEXT},
        "section": _KEY,
        "unit": {**SHORT, "maxLength": 40},
        "min": {"type": "number"},
        "max": {"type": "number"},
    },
    "additionalProperties": False,
}
TEMPLATE = SPEC.schema(
    "CaseTemplate",
    {
        "type": "object",
        "properties": {
            "sections": {"type": "array", "maxItems": 50, "items": _SECTION},
            "fields": {"type": "array", "maxItems": 200, "items": _FIELD},
        },
        "additionalProperties": False,
    },
)
SPEC.schema(
    "CaseTemplateChanges",
    {
        "type": "object",
        "properties": {
            "sections": {"type": "array", "maxItems": 50, "items": _SECTION},
            "fields": {"type": "array", "maxItems": 200, "items": _FIELD},
            "accept_findings": ACCEPT,
        },
        "additionalProperties": False,
    },
)
TEMPLATE_VERSION = SPEC.schema(
    "CaseTemplateVersion",
    {
        "type": "object",
        "required": ["program", "version", "current", "template"],
        "properties": {
            "program": {"type": "string"},
            "version": {"type": "integer"},
            "current": {"type": "boolean"},
            "created_at": {"type": "string", "format": "date-time"},
            "template": TEMPLATE,
        },
    },
)


def _version_json(program: Program, version: CaseTemplate) -> dict[str, Any]:
    return {
        "program": program.slug,
        "version": version.version,
        "current": version.version == program.template_version,
        "created_at": version.created_at.isoformat(),
        "template": version.definition,
    }


@SPEC.operation(
    api_blueprint,
    "/programs/<slug>/template",
    "GET",
    summary="A program's case form: the current version, or ?version=N (admins, coordinators)",
    tag="programs",
    query=(Query("version", {"type": "integer", "minimum": 1}, "A saved version."),),
    response=TEMPLATE_VERSION,
)
def read_program_template(slug: str) -> Any:
    program = _program(slug)
    raw = request.args.get("version")
    if raw is not None and (not raw.isdigit() or int(raw) < 1):
        raise ValidationError("version must be a whole number from 1.", field="version")
    version = case_templates.view_template(
        api_user(), program, int(raw) if raw is not None else None
    )
    return jsonify(_version_json(program, version))


@SPEC.operation(
    api_blueprint,
    "/programs/<slug>/template",
    "PUT",
    summary="Save the program's case form as a new version (admins); older cases keep theirs",
    tag="programs",
    body="CaseTemplateChanges",
    response=TEMPLATE_VERSION,
)
def save_program_template(slug: str, payload: dict[str, Any]) -> Any:
    program = _program(slug)
    accepted = parse_acceptances(payload.pop("accept_findings", None))
    case_templates.save_template(program, payload, actor=api_user(), accepted=accepted)
    db.session.commit()
    version = case_templates.template_version(program)
    return jsonify(_version_json(program, version))
