"""Teaching sets and saved searches in the JSON API: each set as its caller may see it."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request

from app.api.base import SPEC, api_blueprint, api_user, one_page
from app.api.schemas import ACCEPT, ID, NOT_BLANK, PLAIN
from app.api.spec import Query
from app.api.tokens import _iso
from app.auth import policy
from app.auth.models import User
from app.cases.queries import get_visible_case
from app.deid.gate import parse_acceptances
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.programs.operations import find_program
from app.recommendations.models import Recommendation
from app.teaching import operations as ops
from app.teaching.models import SavedSearch, TeachingSet

_TITLE = {"type": "string", "minLength": 1, "maxLength": ops.TITLE_MAX, "pattern": NOT_BLANK}
_TEXT = {"type": "string", "maxLength": ops.TEXT_MAX, "pattern": PLAIN}
_SLUG = {"type": ["string", "null"], "maxLength": 64, "pattern": PLAIN}

SET_SUMMARY = SPEC.schema(
    "TeachingSetSummary",
    {
        "type": "object",
        "required": ["id", "title", "owner", "program", "mine", "updated_at"],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "owner": {"type": "string", "description": "The owner's display name."},
            "program": {"type": ["string", "null"], "description": "Shared with (a slug)."},
            "mine": {"type": "boolean"},
            "updated_at": {"type": "string", "format": "date-time"},
        },
    },
)
SET_ITEM = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "position": {"type": "integer"},
        "kind": {"type": "string", "enum": ["case", "recommendation"]},
        "case_id": {"type": "integer"},
        "case_title": {"type": "string"},
        "question": {"type": "string"},
        "recommendation_ids": {"type": "array", "items": {"type": "integer"}},
        "note": {"type": "string", "description": "Markdown."},
    },
}
TEACHING_SET = SPEC.schema(
    "TeachingSet",
    {
        "type": "object",
        "required": ["id", "title", "description", "program", "can_edit", "items"],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "description": {"type": "string", "description": "Markdown."},
            "owner": {"type": "string"},
            "program": {"type": ["string", "null"]},
            "can_edit": {"type": "boolean"},
            "updated_at": {"type": "string", "format": "date-time"},
            "items": {
                "type": "array",
                "items": SET_ITEM,
                "description": "Only those the caller may see.",
            },
            "hidden_item_ids": {
                "type": "array",
                "items": {"type": "integer"},
                "description": "For the set's editor: items since hidden from them (a case "
                "withdrawn, a program left), which they may remove (DELETE) but not read.",
            },
        },
    },
)
SPEC.schema(
    "NewTeachingSet",
    {
        "type": "object",
        "required": ["title"],
        "additionalProperties": False,
        "properties": {"title": _TITLE, "description": _TEXT, "accept_findings": ACCEPT},
    },
)
SPEC.schema(
    "TeachingSetChange",
    {
        "type": "object",
        "additionalProperties": False,
        "description": "What to change; program: a slug to share with, null for nobody.",
        "properties": {
            "title": _TITLE,
            "description": _TEXT,
            "program": _SLUG,
            "accept_findings": ACCEPT,
        },
    },
)
SPEC.schema(
    "NewTeachingSetItem",
    {
        "type": "object",
        "additionalProperties": False,
        "oneOf": [{"required": ["case_id"]}, {"required": ["recommendation_id"]}],
        "properties": {
            "case_id": ID,
            "recommendation_id": ID,
            "note": _TEXT,
            "accept_findings": ACCEPT,
        },
    },
)
SPEC.schema(
    "TeachingSetItemChange",
    {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "note": _TEXT,
            "position": {"type": "integer", "minimum": 1, "maximum": ops.ITEMS_MAX},
            "accept_findings": ACCEPT,
        },
    },
)
SAVED_SEARCH = SPEC.schema(
    "SavedSearch",
    {
        "type": "object",
        "required": ["id", "name", "query", "created_at"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "query": {
                "type": "string",
                "description": "The search's parameters as a query string: run it with "
                "GET /api/v1/search?{query}.",
            },
            "created_at": {"type": "string", "format": "date-time"},
        },
    },
)
SPEC.schema(
    "NewSavedSearch",
    {
        "type": "object",
        "required": ["name", "query"],
        "additionalProperties": False,
        "properties": {
            "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": ops.NAME_MAX,
                "pattern": NOT_BLANK,
            },
            "query": {
                "type": "string",
                "minLength": 1,
                "maxLength": ops.QUERY_MAX,
                "pattern": PLAIN,
            },
            "accept_findings": ACCEPT,
        },
    },
)


def set_summary(teaching_set: TeachingSet, user: User) -> dict[str, Any]:
    return {
        "id": teaching_set.id,
        "title": teaching_set.title,
        "owner": teaching_set.owner.display_name,
        "program": teaching_set.program.slug if teaching_set.program else None,
        "mine": teaching_set.owner_id == user.id,
        "updated_at": _iso(teaching_set.updated_at),
    }


def set_json(teaching_set: TeachingSet, user: User) -> dict[str, Any]:
    contents = ops.set_contents(user, teaching_set)
    return {
        **set_summary(teaching_set, user),
        "description": teaching_set.description,
        "can_edit": contents.can_edit,
        "hidden_item_ids": contents.hidden,
        "items": [
            {
                "id": shown.item.id,
                "position": number,
                "kind": shown.kind,
                "case_id": shown.case.id,
                "case_title": shown.case.title,
                "question": shown.case.question,
                "recommendation_ids": [r.id for r in shown.recommendations],
                "note": shown.item.note,
            }
            for number, shown in enumerate(contents.items, 1)
        ],
    }


def search_json(saved: SavedSearch) -> dict[str, Any]:
    return {
        "id": saved.id,
        "name": saved.name,
        "query": saved.query,
        "created_at": _iso(saved.created_at),
    }


@SPEC.operation(
    api_blueprint,
    "/teaching-sets",
    "GET",
    summary="Your teaching sets and those shared with your programs",
    tag="teaching",
    response={"type": "object", "properties": {"results": {"type": "array", "items": SET_SUMMARY}}},
)
def list_teaching_sets() -> Any:
    user = api_user()
    own, shared = ops.teaching_sets_of(user)
    return jsonify(one_page([set_summary(s, user) for s in own + shared]))


@SPEC.operation(
    api_blueprint,
    "/teaching-sets",
    "POST",
    summary="Start a teaching set",
    tag="teaching",
    body="NewTeachingSet",
    response=TEACHING_SET,
    status=201,
)
def create_teaching_set(payload: dict[str, Any]) -> Any:
    user = api_user()
    teaching_set = ops.create_set(
        user,
        payload["title"],
        payload.get("description", ""),
        accepted=parse_acceptances(payload.get("accept_findings")),
    )
    db.session.flush()
    body = set_json(teaching_set, user)
    db.session.commit()
    return jsonify(body), 201


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>",
    "GET",
    summary="A teaching set, with the items you may see",
    tag="teaching",
    response=TEACHING_SET,
)
def get_teaching_set(set_id: int) -> Any:
    user = api_user()
    return jsonify(set_json(ops.get_set(user, set_id), user))


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>",
    "PATCH",
    summary="Change a set's title or description, or share it (program: a slug, or null)",
    tag="teaching",
    body="TeachingSetChange",
    response=TEACHING_SET,
)
def update_teaching_set(set_id: int, payload: dict[str, Any]) -> Any:
    user = api_user()
    teaching_set = ops.get_set(user, set_id)
    policy.require_edit_teaching_set(user, teaching_set)
    if "title" in payload or "description" in payload:
        ops.update_set(
            user,
            teaching_set,
            title=payload.get("title", teaching_set.title),
            description=payload.get("description", teaching_set.description),
            accepted=parse_acceptances(payload.get("accept_findings")),
        )
    if "program" in payload:
        slug = payload["program"]
        if slug is None or not slug.strip():
            ops.unshare_set(user, teaching_set)
        else:
            program = find_program(slug)
            if program is None:
                raise NotFound("No such program.")
            ops.share_set(user, teaching_set, program)
    body = set_json(teaching_set, user)
    db.session.commit()
    return jsonify(body)


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>",
    "DELETE",
    summary="Delete a teaching set",
    tag="teaching",
    response={"type": "object", "properties": {"deleted": {"type": "integer"}}},
)
def delete_teaching_set(set_id: int) -> Any:
    user = api_user()
    ops.delete_set(user, ops.get_set(user, set_id))
    db.session.commit()
    return jsonify({"deleted": set_id})


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>/items",
    "POST",
    summary="Add a case or a published recommendation to the end of a set, with a note",
    tag="teaching",
    body="NewTeachingSetItem",
    response=TEACHING_SET,
    status=201,
)
def add_teaching_set_item(set_id: int, payload: dict[str, Any]) -> Any:
    user = api_user()
    teaching_set = ops.get_set(user, set_id)
    policy.require_edit_teaching_set(user, teaching_set)
    subject: dict[str, Any] = {}
    if payload.get("case_id") is not None:
        subject["case"] = get_visible_case(user, payload["case_id"])
    if payload.get("recommendation_id") is not None:
        rec = db.session.get(Recommendation, payload["recommendation_id"])
        if rec is None:
            raise NotFound("No such recommendation.")
        subject["recommendation"] = rec
    ops.add_item(
        user,
        teaching_set,
        note=payload.get("note", ""),
        accepted=parse_acceptances(payload.get("accept_findings")),
        **subject,
    )
    body = set_json(teaching_set, user)
    db.session.commit()
    return jsonify(body), 201


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>/items/<int:item_id>",
    "PATCH",
    summary="Change an item's note or move it (position 1 is first)",
    tag="teaching",
    body="TeachingSetItemChange",
    response=TEACHING_SET,
)
def update_teaching_set_item(set_id: int, item_id: int, payload: dict[str, Any]) -> Any:
    user = api_user()
    teaching_set = ops.get_set(user, set_id)
    item = ops.get_item(user, teaching_set, item_id)
    policy.require_edit_teaching_set(user, teaching_set)
    if "note" in payload:
        ops.set_note(
            user, item, payload["note"], accepted=parse_acceptances(payload.get("accept_findings"))
        )
    if "position" in payload:
        ops.move_item(user, item, payload["position"])
    body = set_json(teaching_set, user)
    db.session.commit()
    return jsonify(body)


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>/items/<int:item_id>",
    "DELETE",
    summary="Take an item out of a set",
    tag="teaching",
    response=TEACHING_SET,
)
def remove_teaching_set_item(set_id: int, item_id: int) -> Any:
    user = api_user()
    teaching_set = ops.get_set(user, set_id)
    ops.remove_item(user, ops.get_item(user, teaching_set, item_id, to_remove=True))
    db.session.flush()
    body = set_json(teaching_set, user)
    db.session.commit()
    return jsonify(body)


@SPEC.operation(
    api_blueprint,
    "/teaching-sets/<int:set_id>/export",
    "GET",
    summary="A set as you see it: its data (format=json, the default), or a Markdown "
    "handout in the markdown field (format=md)",
    tag="teaching",
    query=(Query("format", {"type": "string", "enum": ["json", "md"]}, "json or md."),),
    response={"type": "object"},
)
def export_teaching_set(set_id: int) -> Any:
    user = api_user()
    fmt = request.args.get("format", "json")
    if fmt not in ("json", "md"):
        raise ValidationError("format must be json or md.", field="format")
    teaching_set = ops.get_set(user, set_id)
    if fmt == "md":
        return jsonify({"format": "md", "markdown": ops.export_markdown(user, teaching_set)})
    return jsonify(ops.export_json(user, teaching_set))


@SPEC.operation(
    api_blueprint,
    "/me/saved-searches",
    "GET",
    summary="Your saved searches",
    tag="teaching",
    response={
        "type": "object",
        "properties": {"results": {"type": "array", "items": SAVED_SEARCH}},
    },
)
def list_saved_searches() -> Any:
    return jsonify(one_page([search_json(s) for s in ops.saved_searches_of(api_user())]))


@SPEC.operation(
    api_blueprint,
    "/me/saved-searches",
    "POST",
    summary="Save a search (the search's query-string parameters) under a name",
    tag="teaching",
    body="NewSavedSearch",
    response=SAVED_SEARCH,
    status=201,
)
def create_saved_search(payload: dict[str, Any]) -> Any:
    saved = ops.save_search(
        api_user(),
        payload["name"],
        payload["query"],
        accepted=parse_acceptances(payload.get("accept_findings")),
    )
    body = search_json(saved)
    db.session.commit()
    return jsonify(body), 201


@SPEC.operation(
    api_blueprint,
    "/me/saved-searches/<int:search_id>",
    "DELETE",
    summary="Delete a saved search",
    tag="teaching",
    response={"type": "object", "properties": {"deleted": {"type": "integer"}}},
)
def delete_saved_search(search_id: int) -> Any:
    ops.delete_search(api_user(), search_id)
    db.session.commit()
    return jsonify({"deleted": search_id})
