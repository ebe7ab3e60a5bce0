"""API v1: the outdated-advice queue (recommendations to review after a practice change)."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request

from app.api.base import SPEC, api_blueprint, api_user, one_page
from app.api.schemas import ACCEPT, TEXT, _enum, page_of
from app.api.spec import Query
from app.deid.gate import parse_acceptances
from app.errors import ValidationError
from app.extensions import db
from app.outdated.models import OutdatedAdvice, OutdatedBecause, PracticeChange, ReviewState
from app.outdated.operations import RESOLUTIONS, get_outdated, outdated_queue, resolve_outdated

API = api_blueprint

OUTDATED = SPEC.schema(
    "OutdatedAdvice",
    {
        "type": "object",
        "description": "A recommendation to review because a best practice it cites or "
        "gives was superseded or retired.",
        "properties": {
            "id": {"type": "integer"},
            "recommendation_id": {"type": "integer"},
            "case_id": {"type": "integer"},
            "program": {"type": "string"},
            "author": {"type": ["string", "null"]},
            "practice_id": {"type": "integer"},
            "practice_title": {"type": "string"},
            "change": _enum(PracticeChange),
            "replacement_id": {"type": ["integer", "null"]},
            "replacement_title": {"type": ["string", "null"]},
            "because": _enum(OutdatedBecause),
            "state": _enum(ReviewState),
            "note": {"type": "string"},
            "annotation_id": {"type": ["integer", "null"]},
            "resolved_by": {"type": ["string", "null"]},
            "resolved_at": {"type": ["string", "null"]},
            "created_at": {"type": "string"},
        },
    },
)
SPEC.schema(
    "OutdatedAdviceResolve",
    {
        "type": "object",
        "required": ["resolution"],
        "properties": {
            "resolution": {"type": "string", "enum": [s.value for s in RESOLUTIONS]},
            "note": TEXT,
            "accept_findings": ACCEPT,
        },
        "additionalProperties": False,
    },
)


def outdated_json(item: OutdatedAdvice) -> dict[str, Any]:
    rec = item.recommendation
    return {
        "id": item.id,
        "recommendation_id": rec.id,
        "case_id": rec.case_id,
        "program": rec.case.program.slug,
        "author": rec.author.display_name if rec.author else None,
        "practice_id": item.practice_id,
        "practice_title": item.practice.title,
        "change": str(item.change),
        "replacement_id": item.replacement_id,
        "replacement_title": item.replacement.title if item.replacement else None,
        "because": str(item.because),
        "state": str(item.state),
        "note": item.note,
        "annotation_id": item.annotation_id,
        "resolved_by": item.resolved_by.display_name if item.resolved_by else None,
        "resolved_at": item.resolved_at.isoformat() if item.resolved_at else None,
        "created_at": item.created_at.isoformat(),
    }


@SPEC.operation(
    API,
    "/outdated-advice",
    "GET",
    summary="The caller's outdated-advice queue: their own recommendations, and for "
    "coordinators their programs'",
    tag="practices",
    query=(
        Query(
            "show",
            {"type": "string", "enum": ["open", "resolved"]},
            "Open (default) or resolved items.",
        ),
    ),
    response=page_of(OUTDATED),
)
def list_outdated_advice() -> Any:
    show = request.args.get("show", "open")
    if show not in ("open", "resolved"):
        raise ValidationError("show must be open or resolved.", field="show")
    items = outdated_queue(api_user(), resolved=show == "resolved")
    return jsonify(one_page([outdated_json(i) for i in items]))


@SPEC.operation(
    API,
    "/outdated-advice/<int:item_id>/resolve",
    "POST",
    summary="Resolve an item: still valid, updated (the note becomes an update annotation) "
    "or no longer applies",
    tag="practices",
    body="OutdatedAdviceResolve",
    response=OUTDATED,
)
def resolve_outdated_advice(item_id: int, payload: dict[str, Any]) -> Any:
    user = api_user()
    item = get_outdated(user, item_id)
    resolve_outdated(
        item,
        payload["resolution"],
        note=payload.get("note", ""),
        actor=user,
        accepted=parse_acceptances(payload.get("accept_findings")),
    )
    db.session.commit()
    return jsonify(outdated_json(item))
