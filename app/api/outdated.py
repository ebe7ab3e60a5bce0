"""API v1: the outdated-advice queue (recommendations to review after a practice change)."""

from __future__ import annotations

from collections.abc import Container

from flask import request

from app.api import schemas
from app.api.base import PAGING, SPEC, api_blueprint, api_user, page_args
from app.api.spec import Query
from app.auth import policy
from app.auth.policy import Viewer
from app.errors import ValidationError
from app.extensions import db
from app.outdated.models import OutdatedAdvice
from app.outdated.operations import (
    get_outdated,
    named_practice_ids,
    outdated_queue_page,
    resolve_outdated,
)

API = api_blueprint


def outdated_answer(
    item: OutdatedAdvice, user: Viewer, shown: Container[int] | None = None
) -> schemas.OutdatedAdvice:
    """`shown`: `policy.visible_practice_ids` of a list's practices and replacements, read
    once for it."""
    rec = item.recommendation
    if shown is None:
        shown = policy.visible_practice_ids(user, named_practice_ids([item]))
    # a practice (or successor) drawn only from programs the reader does not see is not
    # named: its reviewers still resolve the item, told only that the practice changed
    practice = item.practice if item.practice_id in shown else None
    replacement = item.replacement if practice and item.replacement_id in shown else None
    return schemas.OutdatedAdvice(
        id=item.id,
        recommendation_id=rec.id,
        case_id=rec.case_id,
        program=rec.case.program.slug,
        author=rec.author.display_name if rec.author else None,
        practice_id=practice.id if practice else None,
        practice_title=practice.title if practice else None,
        change=item.change,
        replacement_id=replacement.id if replacement else None,
        replacement_title=replacement.title if replacement else None,
        # how it touched the advice would tell of the practice (it cites it, or agrees)
        because=item.because if practice else None,
        state=item.state,
        note=item.note,
        annotation_id=item.annotation_id,
        resolved_by=item.resolved_by.display_name if item.resolved_by else None,
        resolved_at=item.resolved_at,
        created_at=item.created_at,
    )


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
        *PAGING,
    ),
    response=schemas.OutdatedAdvicePage,
)
def list_outdated_advice() -> schemas.OutdatedAdvicePage:
    show = request.args.get("show", "open")
    if show not in ("open", "resolved"):
        raise ValidationError("show must be open or resolved.", field="show")
    user = api_user()
    page, per_page = page_args()
    found = outdated_queue_page(user, resolved=show == "resolved", page=page, per_page=per_page)
    shown = policy.visible_practice_ids(user, named_practice_ids(found.items))
    return schemas.OutdatedAdvicePage(
        total=found.total,
        page=found.page,
        per_page=found.per_page,
        results=[outdated_answer(i, user, shown) for i in found.items],
    )


@SPEC.operation(
    API,
    "/outdated-advice/<int:item_id>/resolve",
    "POST",
    summary="Resolve an item: still valid, updated (the note becomes an update annotation) "
    "or no longer applies",
    tag="practices",
    body=schemas.OutdatedAdviceResolve,
    response=schemas.OutdatedAdvice,
)
def resolve_outdated_advice(
    item_id: int, payload: schemas.OutdatedAdviceResolve
) -> schemas.OutdatedAdvice:
    user = api_user()
    item = get_outdated(user, item_id)
    resolve_outdated(
        item,
        payload.resolution,
        note=payload.note or "",
        actor=user,
        accepted=schemas.acceptances(payload.accept_findings),
    )
    db.session.commit()
    return outdated_answer(item, user)
