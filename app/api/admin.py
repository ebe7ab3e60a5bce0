"""The admin console in the JSON API: accounts (list, create, edit, deactivate, reactivate,
reset the password, an account's API tokens), a program's staff, and the topic vocabulary
(review, edit, merge, retire and restore)."""

from __future__ import annotations

from flask import request

from app.admin import operations as ops
from app.api import schemas
from app.api.base import PAGING, SPEC, api_blueprint, api_user, page_args
from app.api.resources import _program
from app.api.spec import Query
from app.api.tokens import token_answer
from app.auth import policy
from app.auth.models import Role, User
from app.auth.operations import get_user_by_email
from app.auth.policy import Permission
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.programs.models import Topic, TopicStatus
from app.programs.operations import find_program, find_topic


def _choice(name: str, choices: list[str]) -> str:
    """An enum query parameter: absent means any; present, it must be one of `choices`
    (an empty value too, as the published schema says)."""
    value = request.args.get(name)
    if value is None:
        return ""
    if value not in choices:
        raise ValidationError(f"{name} must be one of: " + ", ".join(choices) + ".", field=name)
    return value


def account_answer(user: User) -> schemas.Account:
    return schemas.Account(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=user.role,
        programs=sorted(m.program.slug for m in user.memberships),
        active=user.active,
        must_change_password=user.must_change_password,
        created_at=user.created_at,
        last_login_at=user.last_login_at,
    )


def topic_answer(topic: Topic) -> schemas.VocabularyTopic:
    return schemas.VocabularyTopic(
        id=topic.id,
        name=topic.name,
        slug=topic.slug,
        status=topic.status,
        synonyms=list(topic.synonyms or []),
        parent_id=topic.parent_id,
    )


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
    response=schemas.AccountPage,
)
def admin_list_accounts() -> schemas.AccountPage:
    user = api_user()
    page, per_page = page_args()
    program = request.args.get("program", "")
    policy.require_manage_accounts(user)  # before a slug is looked up
    if program and find_program(program) is None:
        raise NotFound("No such program.", field="program")
    found = ops.list_accounts(
        user,
        search=request.args.get("q", ""),
        role=_choice("role", [r.value for r in Role]),
        program=program,
        status=_choice("status", ["active", "inactive"]),
        page=page,
        per_page=per_page,
    )
    return schemas.AccountPage(
        total=found.total,
        page=found.page,
        per_page=per_page,
        results=[account_answer(u) for u in found.items],
    )


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>",
    "GET",
    summary="One account (admins)",
    tag="admin",
    response=schemas.Account,
)
def admin_get_account(user_id: int) -> schemas.Account:
    return account_answer(ops.get_account(api_user(), user_id))


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>/deactivate",
    "POST",
    summary="Deactivate an account: sign-in and its API tokens are refused at once",
    tag="admin",
    response=schemas.Account,
)
def admin_deactivate_account(user_id: int) -> schemas.Account:
    user = api_user()
    account = ops.get_account(user, user_id)
    ops.deactivate_account(user, account)
    db.session.commit()
    return account_answer(account)


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>/reactivate",
    "POST",
    summary="Let a deactivated account sign in again",
    tag="admin",
    response=schemas.Account,
)
def admin_reactivate_account(user_id: int) -> schemas.Account:
    user = api_user()
    account = ops.get_account(user, user_id)
    ops.reactivate_account(user, account)
    db.session.commit()
    return account_answer(account)


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>/reset-password",
    "POST",
    summary="A temporary password (shown once) that must be changed at the next sign-in",
    tag="admin",
    response=schemas.TemporaryPassword,
)
def admin_reset_password(user_id: int) -> schemas.TemporaryPassword:
    user = api_user()
    account = ops.get_account(user, user_id)
    reset = ops.reset_password(user, account)
    db.session.commit()
    return schemas.TemporaryPassword(
        account=account_answer(account),
        temporary_password=reset.password,
        tokens_revoked=reset.tokens_revoked,
    )


def _known_programs(slugs: list[str] | None) -> None:
    """A slug that names no program is a reference to nothing: 404, as for a program's URL."""
    for slug in slugs or []:
        if find_program(slug) is None:
            raise NotFound("No such program.", field="programs")


@SPEC.operation(
    api_blueprint,
    "/admin/accounts",
    "POST",
    summary="Create an account with a temporary password (shown once) to be changed at "
    "first sign-in (admins)",
    tag="admin",
    body=schemas.NewAccount,
    response=schemas.TemporaryPassword,
    status=201,
)
def admin_create_account(payload: schemas.NewAccount) -> schemas.TemporaryPassword:
    policy.require(api_user(), Permission.MANAGE_USERS)  # before anything is looked up
    _known_programs(payload.programs)
    if get_user_by_email(payload.email) is not None:
        raise Conflict(f"An account with {payload.email.strip()} exists.", field="email")
    account, password = ops.create_account(
        api_user(),
        payload.email,
        payload.display_name,
        payload.role,
        program_slugs=payload.programs or [],
    )
    db.session.commit()
    return schemas.TemporaryPassword(account=account_answer(account), temporary_password=password)


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>",
    "PATCH",
    summary="Change an account's name, role or program memberships (admins)",
    tag="admin",
    body=schemas.AccountChanges,
    response=schemas.Account,
)
def admin_update_account(user_id: int, payload: schemas.AccountChanges) -> schemas.Account:
    user = api_user()
    account = ops.get_account(user, user_id)
    _known_programs(payload.programs)
    ops.update_account(
        user,
        account,
        display_name=payload.display_name,
        role=payload.role,
        program_slugs=payload.programs,
    )
    db.session.commit()
    return account_answer(account)


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>/tokens",
    "GET",
    summary="An account's API tokens, newest first (never the token itself)",
    tag="admin",
    response=schemas.ApiTokenPage,
)
def admin_account_tokens(user_id: int) -> schemas.ApiTokenPage:
    user = api_user()
    account = ops.get_account(user, user_id)
    return schemas.ApiTokenPage.of([token_answer(t) for t in ops.account_tokens(user, account)])


@SPEC.operation(
    api_blueprint,
    "/admin/accounts/<int:user_id>/tokens/<int:account_token_id>",
    "DELETE",
    summary="Revoke one of an account's API tokens",
    tag="admin",
    response=schemas.ApiToken,
)
def admin_revoke_account_token(user_id: int, account_token_id: int) -> schemas.ApiToken:
    user = api_user()
    account = ops.get_account(user, user_id)
    api_token = ops.revoke_account_token(user, account, account_token_id)
    db.session.commit()
    return token_answer(api_token)


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
    response=schemas.VocabularyTopicPage,
)
def admin_list_topics() -> schemas.VocabularyTopicPage:
    page, per_page = page_args()
    found = ops.list_topics(
        api_user(),
        search=request.args.get("q", ""),
        status=_choice("status", [s.value for s in TopicStatus]),
        page=page,
        per_page=per_page,
    )
    return schemas.VocabularyTopicPage(
        total=found.total,
        page=found.page,
        per_page=per_page,
        results=[topic_answer(t) for t in found.items],
    )


@SPEC.operation(
    api_blueprint,
    "/admin/topics/<int:topic_id>/actions",
    "POST",
    summary="Accept a proposed topic (coordinators and admins), retire or restore one (admins)",
    tag="admin",
    body=schemas.TopicAction,
    response=schemas.VocabularyTopic,
)
def admin_topic_action(topic_id: int, payload: schemas.TopicAction) -> schemas.VocabularyTopic:
    user = api_user()
    topic = ops.get_topic(user, topic_id)
    step = {
        "accept": ops.accept_topic,
        "retire": ops.retire_topic,
        "restore": ops.restore_topic,
    }[payload.action]
    step(user, topic)
    db.session.commit()
    return topic_answer(topic)


@SPEC.operation(
    api_blueprint,
    "/admin/topics/<int:topic_id>",
    "PATCH",
    summary="Change a topic's synonyms, description or broader topic (admins)",
    tag="admin",
    body=schemas.TopicChanges,
    response=schemas.VocabularyTopic,
)
def admin_update_topic(topic_id: int, payload: schemas.TopicChanges) -> schemas.VocabularyTopic:
    user = api_user()
    topic = ops.get_topic(user, topic_id)
    policy.require(user, Permission.MANAGE_VOCABULARY)  # before a name is looked up
    parent = payload.parent
    if parent and find_topic(parent) is None:
        raise NotFound("No topic has that name (parent).")
    ops.edit_topic(
        user,
        topic,
        synonyms=payload.synonyms,
        description=payload.description,
        # Left out, the broader topic stays; null or empty, there is none.
        parent_name=(parent or "") if "parent" in payload.model_fields_set else None,
        accepted=schemas.acceptances(payload.accept_findings),
    )
    db.session.commit()
    return topic_answer(topic)


@SPEC.operation(
    api_blueprint,
    "/admin/topics/<int:topic_id>/merge",
    "POST",
    summary="Merge a topic into another: every case, session and practice link moves and "
    "its name becomes a synonym (admins)",
    tag="admin",
    body=schemas.TopicMerge,
    response=schemas.TopicMerged,
)
def admin_merge_topic(topic_id: int, payload: schemas.TopicMerge) -> schemas.TopicMerged:
    user = api_user()
    topic = ops.get_topic(user, topic_id)
    policy.require(user, Permission.MANAGE_VOCABULARY)  # before a name is looked up
    if find_topic(payload.into) is None:
        raise NotFound("No topic has that name (into).")
    try:
        result = ops.merge_topics(user, topic, payload.into)
    except ValidationError as exc:
        # The operation names the web form's field; the body's is `into`.
        if exc.field != "target":
            raise
        raise ValidationError(exc.message, field="into") from None
    db.session.commit()
    return schemas.TopicMerged(
        topic=topic_answer(result.target),
        merged_topic_id=topic_id,
        moved=schemas.MovedLinks(
            cases=result.cases, sessions=result.sessions, practices=result.practices
        ),
    )


def staff_answer(user: User) -> schemas.StaffMember:
    return schemas.StaffMember(
        id=user.id, display_name=user.display_name, email=user.email, role=user.role.value
    )


@SPEC.operation(
    api_blueprint,
    "/programs/<slug>/staff",
    "GET",
    summary="The program's coordinators and experts (admins and its coordinators)",
    tag="programs",
    response=schemas.StaffMemberPage,
)
def program_staff_list(slug: str) -> schemas.StaffMemberPage:
    program = _program(slug)
    policy.require_manage_program_staff(api_user(), program)
    return schemas.StaffMemberPage.of([staff_answer(u) for u in ops.staff_of(program)])


@SPEC.operation(
    api_blueprint,
    "/programs/<slug>/staff",
    "POST",
    summary="Add a coordinator or expert to the program's staff, by email",
    tag="programs",
    body=schemas.NewStaffMember,
    response=schemas.StaffMember,
    status=201,
)
def program_staff_add(slug: str, payload: schemas.NewStaffMember) -> schemas.StaffMember:
    program = _program(slug)
    policy.require_manage_program_staff(api_user(), program)
    member = ops.add_program_staff(api_user(), program, payload.email)
    db.session.commit()
    return staff_answer(member)


@SPEC.operation(
    api_blueprint,
    "/programs/<slug>/staff/<int:user_id>",
    "DELETE",
    summary="Take a coordinator or expert off the program's staff (their work stays)",
    tag="programs",
    response=schemas.StaffMember,
)
def program_staff_remove(slug: str, user_id: int) -> schemas.StaffMember:
    member = ops.remove_program_staff(api_user(), _program(slug), user_id)
    db.session.commit()
    return staff_answer(member)
