"""The admin console in the JSON API: accounts (list, create, edit, deactivate, reactivate,
reset the password, an account's API tokens), a program's staff, and the topic vocabulary
(review, edit, merge, retire and restore)."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request

from app.admin import operations as ops
from app.api.base import PAGING, SPEC, api_blueprint, api_user, one_page, page_args, paginated
from app.api.resources import _program
from app.api.schemas import ACCEPT, NOT_BLANK, PLAIN
from app.api.spec import Query
from app.api.tokens import TOKEN, TOKEN_LIST, _iso, token_json
from app.auth import policy
from app.auth.models import Role, User
from app.auth.operations import get_user_by_email
from app.auth.policy import Permission
from app.deid.gate import parse_acceptances
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.programs.models import Topic, TopicStatus
from app.programs.operations import find_program, find_topic

ACCOUNT = SPEC.schema(
    "Account",
    {
        "type": "object",
        "required": ["id", "email", "display_name", "role", "programs", "active"],
        "properties": {
            "id": {"type": "integer"},
            "email": {"type": "string"},
            "display_name": {"type": "string"},
            "role": {"type": "string", "enum": [r.value for r in Role]},
            "programs": {"type": "array", "items": {"type": "string"}},
            "active": {"type": "boolean"},
            "must_change_password": {"type": "boolean"},
            "created_at": {"type": "string", "format": "date-time"},
            "last_login_at": {"type": ["string", "null"], "format": "date-time"},
        },
    },
)
TEMPORARY_PASSWORD = {
    "type": "object",
    "required": ["account", "temporary_password"],
    "properties": {
        "account": ACCOUNT,
        "temporary_password": {
            "type": "string",
            "description": "Shown once; its holder must change it at the next sign-in.",
        },
        "tokens_revoked": {
            "type": "integer",
            "description": "The account's API tokens revoked by the reset.",
        },
    },
}
_NAME = {"type": "string", "minLength": 1, "maxLength": 120, "pattern": NOT_BLANK}
_SLUGS = {
    "type": "array",
    "maxItems": 200,
    "items": {"type": "string", "maxLength": 80, "pattern": PLAIN},
    "description": "Program slugs: the account's memberships, all of them.",
}
SPEC.schema(
    "NewAccount",
    {
        "type": "object",
        "required": ["email", "display_name", "role"],
        "additionalProperties": False,
        "properties": {
            "email": {
                "type": "string",
                "maxLength": 254,
                "pattern": "^\\s*[!-?A-~]+@[!-?A-~]+\\.[!-?A-~]+\\s*$",
            },
            "display_name": _NAME,
            "role": {"type": "string", "enum": [r.value for r in Role]},
            "programs": _SLUGS,
        },
    },
)
SPEC.schema(
    "AccountChanges",
    {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "display_name": _NAME,
            "role": {"type": "string", "enum": [r.value for r in Role]},
            "programs": _SLUGS,
        },
    },
)
STAFF_MEMBER = SPEC.schema(
    "StaffMember",
    {
        "type": "object",
        "required": ["id", "display_name", "email", "role"],
        "properties": {
            "id": {"type": "integer"},
            "display_name": {"type": "string"},
            "email": {"type": "string"},
            "role": {"type": "string", "enum": ["coordinator", "expert"]},
        },
    },
)
SPEC.schema(
    "NewStaffMember",
    {
        "type": "object",
        "required": ["email"],
        "additionalProperties": False,
        "properties": {"email": {"type": "string", "maxLength": 254, "pattern": PLAIN}},
    },
)
SPEC.schema(
    "TopicChanges",
    {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "synonyms": {
                "type": "array",
                "maxItems": 50,
                "items": {"type": "string", "maxLength": 120, "pattern": PLAIN},
            },
            "description": {"type": "string", "maxLength": 2000, "pattern": PLAIN},
            "parent": {
                "type": ["string", "null"],
                "maxLength": 120,
                "pattern": PLAIN,
                "description": "The broader topic's name; null or empty for none.",
            },
            "accept_findings": ACCEPT,
        },
    },
)
SPEC.schema(
    "TopicMerge",
    {
        "type": "object",
        "required": ["into"],
        "additionalProperties": False,
        "properties": {
            "into": {
                "type": "string",
                "minLength": 1,
                "maxLength": 120,
                "pattern": NOT_BLANK,
                "description": "The name (or a synonym) of the topic that absorbs this one.",
            }
        },
    },
)
TOPIC = SPEC.schema(
    "VocabularyTopic",
    {
        "type": "object",
        "required": ["id", "name", "slug", "status", "synonyms"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "slug": {"type": "string"},
            "status": {"type": "string", "enum": [s.value for s in TopicStatus]},
            "synonyms": {"type": "array", "items": {"type": "string"}},
            "parent_id": {"type": ["integer", "null"]},
        },
    },
)
TOPIC_ACTION = SPEC.schema(
    "TopicAction",
    {
        "type": "object",
        "required": ["action"],
        "additionalProperties": False,
        "properties": {"action": {"type": "string", "enum": ["accept", "retire", "restore"]}},
    },
)


def _list_of(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "results": {"type": "array", "items": item},
        },
    }


def _choice(name: str, choices: list[str]) -> str:
    """An enum query parameter: absent means any; present, it must be one of `choices`
    (an empty value too, as the published schema says)."""
    value = request.args.get(name)
    if value is None:
        return ""
    if value not in choices:
        raise ValidationError(f"{name} must be one of: " + ", ".join(choices) + ".", field=name)
    return value


def account_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "display_name": user.display_name,
        "role": user.role.value,
        "programs": sorted(m.program.slug for m in user.memberships),
        "active": user.active,
        "must_change_password": user.must_change_password,
        "created_at": _iso(user.created_at),
        "last_login_at": _iso(user.last_login_at),
    }


def topic_json(topic: Topic) -> dict[str, Any]:
    return {
        "id": topic.id,
        "name": topic.name,
        "slug": topic.slug,
        "status": topic.status.value,
        "synonyms": list(topic.synonyms or []),
        "parent_id": topic.parent_id,
    }


@SPEC.operation(
    api_blueprint,
    "/admin/accounts",
    "GET",
    summary="Accounts by name, filtered (admins)",
    tag="admin",
    query=(
        Query("q", {"type": "string"}, "A fragment of the name or email."),
        Query("role", {"type": "string", "enum": [r.value for r in Role]}),
        Query("program", {"type": "string"}, "Program slug: its members."),
        Query("status", {"type": "string", "enum": ["active", "inactive"]}),
        *PAGING,
    ),
    response=_list_of(ACCOUNT),
)
def admin_list_accounts() -> Any:
    user = api_user()
    page, per_page = page_args()
    program = request.args.get("program", "")
    policy.require(user, Permission.MANAGE_USERS)  # before a slug is looked up
    if program and find_program(program) is None:
        raise NotFound(f"No program with slug '{program}'.")
    found = ops.list_accounts(
        user,
        search=request.args.get("q", ""),
        role=_choice("role", [r.value for r in Role]),
        program=program,
        status=_choice("status", ["active", "inactive"]),
        page=page,
        per_page=per_page,
    )
    return jsonify(
        paginated([account_json(u) for u in found.items], found.total, found.page, per_page)
    )


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>",
    "GET",
    summary="One account (admins)",
    tag="admin",
    response=ACCOUNT,
)
def admin_get_account(user_id: int) -> Any:
    return jsonify(account_json(ops.get_account(api_user(), user_id)))


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>/deactivate",
    "POST",
    summary="Deactivate an account: sign-in and its API tokens are refused at once",
    tag="admin",
    response=ACCOUNT,
)
def admin_deactivate_account(user_id: int) -> Any:
    user = api_user()
    account = ops.get_account(user, user_id)
    ops.deactivate_account(user, account)
    db.session.commit()
    return jsonify(account_json(account))


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>/reactivate",
    "POST",
    summary="Let a deactivated account sign in again",
    tag="admin",
    response=ACCOUNT,
)
def admin_reactivate_account(user_id: int) -> Any:
    user = api_user()
    account = ops.get_account(user, user_id)
    ops.reactivate_account(user, account)
    db.session.commit()
    return jsonify(account_json(account))


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>/reset-password",
    "POST",
    summary="A temporary password (shown once) that must be changed at the next sign-in",
    tag="admin",
    response=TEMPORARY_PASSWORD,
)
def admin_reset_password(user_id: int) -> Any:
    user = api_user()
    account = ops.get_account(user, user_id)
    reset = ops.reset_password(user, account)
    db.session.commit()
    return jsonify(
        {
            "account": account_json(account),
            "temporary_password": reset.password,
            "tokens_revoked": reset.tokens_revoked,
        }
    )


def _known_programs(slugs: Any) -> None:
    """A slug that names no program is a reference to nothing: 404, as for a program's URL."""
    for slug in slugs or []:
        if find_program(slug) is None:
            raise NotFound(f"No program with slug '{slug}' (programs).")


@SPEC.operation(
    api_blueprint,
    "/admin/accounts",
    "POST",
    summary="Create an account with a temporary password (shown once) to be changed at "
    "first sign-in (admins)",
    tag="admin",
    body="NewAccount",
    response=TEMPORARY_PASSWORD,
    status=201,
)
def admin_create_account(payload: dict[str, Any]) -> Any:
    policy.require(api_user(), Permission.MANAGE_USERS)  # before anything is looked up
    _known_programs(payload.get("programs"))
    if get_user_by_email(payload["email"]) is not None:
        raise Conflict(f"An account with {payload['email'].strip()} exists.", field="email")
    account, password = ops.create_account(
        api_user(),
        payload["email"],
        payload["display_name"],
        payload["role"],
        program_slugs=payload.get("programs", []),
    )
    db.session.commit()
    return jsonify({"account": account_json(account), "temporary_password": password}), 201


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>",
    "PATCH",
    summary="Change an account's name, role or program memberships (admins)",
    tag="admin",
    body="AccountChanges",
    response=ACCOUNT,
)
def admin_update_account(user_id: int, payload: dict[str, Any]) -> Any:
    user = api_user()
    account = ops.get_account(user, user_id)
    _known_programs(payload.get("programs"))
    ops.update_account(
        user,
        account,
        display_name=payload.get("display_name"),
        role=payload.get("role"),
        program_slugs=payload.get("programs"),
    )
    db.session.commit()
    return jsonify(account_json(account))


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>/tokens",
    "GET",
    summary="An account's API tokens, newest first (never the token itself)",
    tag="admin",
    response=TOKEN_LIST,
)
def admin_account_tokens(user_id: int) -> Any:
    user = api_user()
    account = ops.get_account(user, user_id)
    return jsonify(one_page([token_json(t) for t in ops.account_tokens(user, account)]))


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>/tokens/<int:account_token_id>",
    "DELETE",
    summary="Revoke one of an account's API tokens",
    tag="admin",
    response=TOKEN,
)
def admin_revoke_account_token(user_id: int, account_token_id: int) -> Any:
    user = api_user()
    account = ops.get_account(user, user_id)
    api_token = ops.revoke_account_token(user, account, account_token_id)
    db.session.commit()
    return jsonify(token_json(api_token))


@SPEC.operation(
    api_blueprint,
    "/admin/topics",
    "GET",
    summary="The topic vocabulary, proposed topics included (coordinators and admins)",
    tag="admin",
    query=(
        Query("q", {"type": "string"}, "A fragment of the name."),
        Query("status", {"type": "string", "enum": [s.value for s in TopicStatus]}),
        *PAGING,
    ),
    response=_list_of(TOPIC),
)
def admin_list_topics() -> Any:
    page, per_page = page_args()
    found = ops.list_topics(
        api_user(),
        search=request.args.get("q", ""),
        status=_choice("status", [s.value for s in TopicStatus]),
        page=page,
        per_page=per_page,
    )
    return jsonify(
        paginated([topic_json(t) for t in found.items], found.total, found.page, per_page)
    )


@SPEC.operation(
    api_blueprint,
    "/admin/topics/<int:topic_id>/actions",
    "POST",
    summary="Accept a proposed topic (coordinators and admins), retire or restore one (admins)",
    tag="admin",
    body="TopicAction",
    response=TOPIC,
)
def admin_topic_action(topic_id: int, payload: dict[str, Any]) -> Any:
    user = api_user()
    topic = ops.get_topic(user, topic_id)
    step = {
        "accept": ops.accept_topic,
        "retire": ops.retire_topic,
        "restore": ops.restore_topic,
    }[payload["action"]]
    step(user, topic)
    db.session.commit()
    return jsonify(topic_json(topic))


@SPEC.operation(
    api_blueprint,
    "/admin/topics/<int:topic_id>",
    "PATCH",
    summary="Change a topic's synonyms, description or broader topic (admins)",
    tag="admin",
    body="TopicChanges",
    response=TOPIC,
)
def admin_update_topic(topic_id: int, payload: dict[str, Any]) -> Any:
    user = api_user()
    topic = ops.get_topic(user, topic_id)
    policy.require(user, Permission.MANAGE_VOCABULARY)  # before a name is looked up
    parent = payload.get("parent", ...)
    if parent and find_topic(parent) is None:
        raise NotFound("No topic has that name (parent).")
    ops.edit_topic(
        user,
        topic,
        synonyms=payload.get("synonyms"),
        description=payload.get("description"),
        parent_name=None if parent is ... else (parent or ""),
        accepted=parse_acceptances(payload.get("accept_findings")),
    )
    db.session.commit()
    return jsonify(topic_json(topic))


@SPEC.operation(
    api_blueprint,
    "/admin/topics/<int:topic_id>/merge",
    "POST",
    summary="Merge a topic into another: every case, session and practice link moves and "
    "its name becomes a synonym (admins)",
    tag="admin",
    body="TopicMerge",
    response={
        "type": "object",
        "required": ["topic", "merged_topic_id", "moved"],
        "properties": {
            "topic": TOPIC,
            "merged_topic_id": {"type": "integer"},
            "moved": {
                "type": "object",
                "properties": {
                    "cases": {"type": "integer"},
                    "sessions": {"type": "integer"},
                    "practices": {"type": "integer"},
                },
            },
        },
    },
)
def admin_merge_topic(topic_id: int, payload: dict[str, Any]) -> Any:
    user = api_user()
    topic = ops.get_topic(user, topic_id)
    policy.require(user, Permission.MANAGE_VOCABULARY)  # before a name is looked up
    if find_topic(payload["into"]) is None:
        raise NotFound("No topic has that name (into).")
    result = ops.merge_topics(user, topic, payload["into"])
    db.session.commit()
    return jsonify(
        {
            "topic": topic_json(result.target),
            "merged_topic_id": topic_id,
            "moved": {
                "cases": result.cases,
                "sessions": result.sessions,
                "practices": result.practices,
            },
        }
    )


def staff_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "display_name": user.display_name,
        "email": user.email,
        "role": user.role.value,
    }


@SPEC.operation(
    api_blueprint,
    "/programs/<slug>/staff",
    "GET",
    summary="The program's coordinators and experts (admins and its coordinators)",
    tag="programs",
    response=_list_of(STAFF_MEMBER),
)
def program_staff_list(slug: str) -> Any:
    program = _program(slug)
    policy.require_manage_program_staff(api_user(), program)
    return jsonify(one_page([staff_json(u) for u in ops.staff_of(program)]))


@SPEC.operation(
    api_blueprint,
    "/programs/<slug>/staff",
    "POST",
    summary="Add a coordinator or expert to the program's staff, by email",
    tag="programs",
    body="NewStaffMember",
    response=STAFF_MEMBER,
    status=201,
)
def program_staff_add(slug: str, payload: dict[str, Any]) -> Any:
    program = _program(slug)
    policy.require_manage_program_staff(api_user(), program)
    member = ops.add_program_staff(api_user(), program, payload["email"])
    db.session.commit()
    return jsonify(staff_json(member)), 201


@SPEC.operation(
    api_blueprint,
    "/programs/<slug>/staff/<int:user_id>",
    "DELETE",
    summary="Take a coordinator or expert off the program's staff (their work stays)",
    tag="programs",
    response=STAFF_MEMBER,
)
def program_staff_remove(slug: str, user_id: int) -> Any:
    member = ops.remove_program_staff(api_user(), _program(slug), user_id)
    db.session.commit()
    return jsonify(staff_json(member))
