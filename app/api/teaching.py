"""Teaching sets and saved searches in the JSON API: each set as its caller may see it."""

from __future__ import annotations

from flask import request

from app.api import schemas
from app.api.base import SPEC, api_blueprint, api_user
from app.api.spec import Query
from app.auth import policy
from app.auth.models import User
from app.cases.queries import get_visible_case
from app.deid.gate import Acceptance
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.programs.operations import find_program
from app.recommendations.models import Recommendation
from app.teaching import operations as ops
from app.teaching.models import SavedSearch, TeachingSet

_Gated = (
    schemas.NewTeachingSet
    | schemas.TeachingSetChange
    | schemas.NewTeachingSetItem
    | schemas.TeachingSetItemChange
    | schemas.NewSavedSearch
)


def _accepted(payload: _Gated) -> list[Acceptance]:
    return schemas.acceptances(payload.accept_findings)


def _summary_fields(teaching_set: TeachingSet, user: User) -> dict[str, object]:
    return {
        "id": teaching_set.id,
        "title": teaching_set.title,
        "owner": teaching_set.owner.display_name,
        "program": teaching_set.program.slug if teaching_set.program else None,
        "mine": teaching_set.owner_id == user.id,
        "updated_at": teaching_set.updated_at,
    }


def set_summary(teaching_set: TeachingSet, user: User) -> schemas.TeachingSetSummary:
    return schemas.TeachingSetSummary.model_validate(_summary_fields(teaching_set, user))


def set_answer(teaching_set: TeachingSet, user: User) -> schemas.TeachingSet:
    contents = ops.set_contents(user, teaching_set)
    return schemas.TeachingSet.model_validate(
        {
            **_summary_fields(teaching_set, user),
            "description": teaching_set.description,
            "can_edit": contents.can_edit,
            "hidden_item_ids": contents.hidden,
            "items": [
                schemas.TeachingSetItem(
                    id=shown.item.id,
                    position=number,
                    kind=shown.kind,
                    case_id=shown.case.id,
                    case_title=shown.case.title,
                    question=shown.case.question,
                    recommendation_ids=[r.id for r in shown.recommendations],
                    note=shown.item.note,
                )
                for number, shown in enumerate(contents.items, 1)
            ],
        }
    )


def search_answer(saved: SavedSearch) -> schemas.SavedSearch:
    return schemas.SavedSearch(
        id=saved.id, name=saved.name, query=saved.query, created_at=saved.created_at
    )


@SPEC.operation(
    api_blueprint,
    "/teaching-sets",
    "GET",
    summary="Your teaching sets and those shared with your programs",
    tag="teaching",
    response=schemas.TeachingSetSummaryPage,
)
def list_teaching_sets() -> schemas.TeachingSetSummaryPage:
    user = api_user()
    own, shared = ops.teaching_sets_of(user)
    return schemas.TeachingSetSummaryPage.of([set_summary(s, user) for s in own + shared])


@SPEC.operation(
    api_blueprint,
    "/teaching-sets",
    "POST",
    summary="Start a teaching set",
    tag="teaching",
    body=schemas.NewTeachingSet,
    response=schemas.TeachingSet,
    status=201,
)
def create_teaching_set(payload: schemas.NewTeachingSet) -> schemas.TeachingSet:
    user = api_user()
    teaching_set = ops.create_set(
        user, payload.title, payload.description or "", accepted=_accepted(payload)
    )
    db.session.flush()
    answer = set_answer(teaching_set, user)
    db.session.commit()
    return answer


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>",
    "GET",
    summary="A teaching set, with the items you may see",
    tag="teaching",
    response=schemas.TeachingSet,
)
def get_teaching_set(set_id: int) -> schemas.TeachingSet:
    user = api_user()
    return set_answer(ops.get_set(user, set_id), user)


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>",
    "PATCH",
    summary="Change a set's title or description, or share it (program: a slug, or null)",
    tag="teaching",
    body=schemas.TeachingSetChange,
    response=schemas.TeachingSet,
)
def update_teaching_set(set_id: int, payload: schemas.TeachingSetChange) -> schemas.TeachingSet:
    user = api_user()
    teaching_set = ops.get_set(user, set_id)
    policy.require_edit_teaching_set(user, teaching_set)
    sent = payload.model_fields_set
    if "title" in sent or "description" in sent:
        ops.update_set(
            user,
            teaching_set,
            title=teaching_set.title if payload.title is None else payload.title,
            description=teaching_set.description
            if payload.description is None
            else payload.description,
            accepted=_accepted(payload),
        )
    if "program" in sent:
        slug = payload.program
        if slug is None or not slug.strip():
            ops.unshare_set(user, teaching_set)
        else:
            program = find_program(slug)
            if program is None:
                raise NotFound("No such program.")
            ops.share_set(user, teaching_set, program)
    answer = set_answer(teaching_set, user)
    db.session.commit()
    return answer


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>",
    "DELETE",
    summary="Delete a teaching set",
    tag="teaching",
    response=schemas.Deletion,
)
def delete_teaching_set(set_id: int) -> schemas.Deletion:
    user = api_user()
    ops.delete_set(user, ops.get_set(user, set_id))
    db.session.commit()
    return schemas.Deletion(deleted=set_id)


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>/items",
    "POST",
    summary="Add a case or a published recommendation to the end of a set, with a note",
    tag="teaching",
    body=schemas.NewTeachingSetItem,
    response=schemas.TeachingSet,
    status=201,
)
def add_teaching_set_item(set_id: int, payload: schemas.NewTeachingSetItem) -> schemas.TeachingSet:
    user = api_user()
    teaching_set = ops.get_set(user, set_id)
    policy.require_edit_teaching_set(user, teaching_set)
    case = rec = None
    if payload.case_id is not None:
        case = get_visible_case(user, payload.case_id)
    if payload.recommendation_id is not None:
        rec = db.session.get(Recommendation, payload.recommendation_id)
        if rec is None:
            raise NotFound("No such recommendation.")
    ops.add_item(
        user,
        teaching_set,
        note=payload.note or "",
        accepted=_accepted(payload),
        case=case,
        recommendation=rec,
    )
    answer = set_answer(teaching_set, user)
    db.session.commit()
    return answer


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>/items/<int:item_id>",
    "PATCH",
    summary="Change an item's note or move it (position 1 is first)",
    tag="teaching",
    body=schemas.TeachingSetItemChange,
    response=schemas.TeachingSet,
)
def update_teaching_set_item(
    set_id: int, item_id: int, payload: schemas.TeachingSetItemChange
) -> schemas.TeachingSet:
    user = api_user()
    teaching_set = ops.get_set(user, set_id)
    item = ops.get_item(user, teaching_set, item_id)
    policy.require_edit_teaching_set(user, teaching_set)
    if payload.note is not None:
        ops.set_note(user, item, payload.note, accepted=_accepted(payload))
    if payload.position is not None:
        ops.move_item(user, item, payload.position)
    answer = set_answer(teaching_set, user)
    db.session.commit()
    return answer


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>/items/<int:item_id>",
    "DELETE",
    summary="Take an item out of a set",
    tag="teaching",
    response=schemas.TeachingSet,
)
def remove_teaching_set_item(set_id: int, item_id: int) -> schemas.TeachingSet:
    user = api_user()
    teaching_set = ops.get_set(user, set_id)
    ops.remove_item(user, ops.get_item(user, teaching_set, item_id, to_remove=True))
    db.session.flush()
    answer = set_answer(teaching_set, user)
    db.session.commit()
    return answer


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>/export",
    "GET",
    summary="A set as you see it: its data (format=json, the default), or a Markdown "
    "handout in the markdown field (format=md)",
    tag="teaching",
    query=(Query("format", {"type": "string", "enum": ["json", "md"]}, "json or md."),),
    response=schemas.TeachingSetExport,
)
def export_teaching_set(set_id: int) -> schemas.TeachingSetExport:
    user = api_user()
    fmt = request.args.get("format", "json")
    if fmt not in ("json", "md"):
        raise ValidationError("format must be json or md.", field="format")
    teaching_set = ops.get_set(user, set_id)
    if fmt == "md":
        return schemas.TeachingSetExport(
            schemas.TeachingSetHandout(
                format="md", markdown=ops.export_markdown(user, teaching_set)
            )
        )
    return schemas.TeachingSetExport(
        schemas.ExportedTeachingSet.model_validate(ops.export_json(user, teaching_set))
    )


@SPEC.operation(
    api_blueprint,
    "/me/saved-searches",
    "GET",
    summary="Your saved searches",
    tag="teaching",
    response=schemas.SavedSearchPage,
)
def list_saved_searches() -> schemas.SavedSearchPage:
    return schemas.SavedSearchPage.of([search_answer(s) for s in ops.saved_searches_of(api_user())])


@SPEC.operation(
    api_blueprint,
    "/me/saved-searches",
    "POST",
    summary="Save a search (the search's query-string parameters) under a name",
    tag="teaching",
    body=schemas.NewSavedSearch,
    response=schemas.SavedSearch,
    status=201,
)
def create_saved_search(payload: schemas.NewSavedSearch) -> schemas.SavedSearch:
    saved = ops.save_search(api_user(), payload.name, payload.query, accepted=_accepted(payload))
    answer = search_answer(saved)
    db.session.commit()
    return answer


@SPEC.operation(
    api_blueprint,
    "/me/saved-searches/<int:search_id>",
    "DELETE",
    summary="Delete a saved search",
    tag="teaching",
    response=schemas.Deletion,
)
def delete_saved_search(search_id: int) -> schemas.Deletion:
    ops.delete_search(api_user(), search_id)
    db.session.commit()
    return schemas.Deletion(deleted=search_id)
