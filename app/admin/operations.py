"""The admin console's operations: accounts, program staff, the topic vocabulary and the
audit pages. Each checks the policy, writes the audit trail and leaves the commit to the
caller (web view, API or CLI)."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from app.audit.models import AuditEvent
from app.audit.operations import TrailEntry, record, visible_events
from app.auth import policy
from app.auth.models import ApiToken, ProgramMembership, Role, User
from app.auth.operations import (
    check_display_name,
    create_user,
    get_user_by_email,
    hash_password,
    list_tokens,
    revoke_all_sessions,
    revoke_all_tokens,
    revoke_token,
    unlock,
)
from app.auth.policy import Actor, Permission, Viewer, write_operation
from app.cases.models import Case, case_topics
from app.common import text_key
from app.deid.gate import Acceptance
from app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.inputs import search_fragment, shown_email
from app.pagination import Page, Position, Window, filtered_window, paginate
from app.practices.models import BestPractice, practice_topics
from app.programs.models import Program, Session, Topic, TopicStatus, session_topics
from app.programs.operations import find_program, update_topic
from app.subscriptions.operations import move_topic_subscriptions
from app.teaching.operations import unshare_sets_no_longer_seen

PER_PAGE = 25

# --- Accounts -------------------------------------------------------------------------------


def temporary_password() -> str:
    """A random password an admin hands over; its holder must change it at first sign-in.
    Sixteen URL-safe characters (96 bits) pass every password rule."""
    return secrets.token_urlsafe(12)


def get_account(actor: Viewer, user_id: int) -> User:
    policy.require_manage_accounts(actor)
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound(f"No account {user_id}.")
    policy.require_administer_account(actor, user)
    return user


def list_accounts(
    actor: Viewer,
    *,
    search: str = "",
    role: str = "",
    program: str = "",
    status: str = "",
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Page[User]:
    """Accounts by name, filtered by a name or email fragment, role, program and status."""
    policy.require(actor, Permission.MANAGE_USERS)
    stmt = select(User)
    if fragment := search_fragment(search).lower():
        # Escaped: "%" and "_" typed are looked for as themselves.
        stmt = stmt.where(
            or_(
                func.lower(User.email).contains(fragment, autoescape=True),
                func.lower(User.display_name).contains(fragment, autoescape=True),
            )
        )
    if role:
        try:
            stmt = stmt.where(User.role == Role(role))
        except ValueError:
            raise ValidationError(
                "Role must be one of: " + ", ".join(r.value for r in Role) + ".", field="role"
            ) from None
    if program:
        found = find_program(program)
        if found is None:
            raise ValidationError("No such program.", field="program")
        stmt = stmt.where(
            User.id.in_(
                select(ProgramMembership.user_id).where(ProgramMembership.program_id == found.id)
            )
        )
    if status == "active":
        stmt = stmt.where(User.active.is_(True))
    elif status == "inactive":
        stmt = stmt.where(User.active.is_(False))
    elif status:
        raise ValidationError("Status must be active or inactive.", field="status")
    stmt = stmt.order_by(func.lower(User.display_name), User.id).options(
        selectinload(User.memberships).selectinload(ProgramMembership.program)
    )
    return paginate(stmt, page, per_page)


def _programs_by_slug(slugs: Iterable[str]) -> list[Program]:
    programs = []
    for slug in slugs:
        found = find_program(slug)
        if found is None:
            raise ValidationError("No such program.", field="programs")
        if found not in programs:
            programs.append(found)
    return programs


@write_operation
def create_account(
    actor: Actor,
    email: str,
    display_name: str,
    role: str,
    *,
    program_slugs: Iterable[str] = (),
) -> tuple[User, str]:
    """A new account with a temporary password (returned once, never stored in the clear)
    that must be changed at first sign-in."""
    policy.require(actor, Permission.MANAGE_USERS)
    programs = _programs_by_slug(program_slugs)
    password = temporary_password()
    user = create_user(
        email,
        display_name,
        role,
        password=password,
        program_slugs=[p.slug for p in programs],
        actor=actor,
    )
    user.must_change_password = True
    return user, password


def _active_admins_besides(user: User) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == Role.ADMIN, User.active.is_(True), User.id != user.id)
        )
        or 0
    )


def _keep_an_admin(user: User, *, field: str) -> None:
    if user.role is Role.ADMIN and user.active and _active_admins_besides(user) == 0:
        raise Conflict(
            "This is the last active admin account: make another admin first.", field=field
        )


@write_operation
def update_account(
    actor: Actor,
    user: User,
    *,
    display_name: str | None = None,
    role: str | None = None,
    program_slugs: Iterable[str] | None = None,
) -> list[str]:
    """Change an account's name, role and program memberships; returns the fields changed."""
    policy.require_administer_account(actor, user)
    errors: dict[str, str] = {}
    new_name = user.display_name
    if display_name is not None:
        new_name = display_name.strip()
        if not new_name or len(new_name) > 120:
            errors["display_name"] = "Enter a display name of 1 to 120 characters."
    new_role = user.role
    if role is not None:
        try:
            new_role = Role(role)
        except ValueError:
            errors["role"] = "Role must be one of: " + ", ".join(r.value for r in Role) + "."
    if new_role is not user.role:
        try:
            _keep_an_admin(user, field="role")
        except Conflict as exc:
            errors["role"] = exc.message
    programs = None
    if program_slugs is not None:
        try:
            programs = _programs_by_slug(program_slugs)
        except ValidationError as exc:
            errors["programs"] = exc.message
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, errors=errors)
    if new_name != user.display_name:
        check_display_name(new_name)
    changed = []
    if new_name != user.display_name:
        user.display_name = new_name
        changed.append("display_name")
    if new_role is not user.role:
        record(actor, "user.role_changed", user, old=str(user.role), new=str(new_role))
        user.role = new_role
        changed.append("role")
        unshare_sets_no_longer_seen(actor=actor, owner=user)  # an admin no more sees all
    if programs is not None:
        wanted = {p.id for p in programs}
        have = user.program_ids
        for program in programs:
            if program.id not in have:
                _add_member(actor, user, program)
        for membership in list(user.memberships):
            if membership.program_id not in wanted:
                _remove_member(actor, user, membership.program)
        if wanted != have:
            changed.append("programs")
    if "display_name" in changed:
        record(actor, "user.updated", user, fields="display_name")
    return changed


def _add_member(actor: Actor, user: User, program: Program) -> None:
    user.memberships.append(ProgramMembership(program=program))
    db.session.flush()
    record(actor, "user.membership_added", user, program_id=program.id)
    record(actor, "program.member_added", program, user_id=user.id, role=str(user.role))


def _remove_member(actor: Actor, user: User, program: Program) -> None:
    membership = next(m for m in user.memberships if m.program_id == program.id)
    user.memberships.remove(membership)
    db.session.flush()
    record(actor, "user.membership_removed", user, program_id=program.id)
    record(actor, "program.member_removed", program, user_id=user.id, role=str(user.role))
    unshare_sets_no_longer_seen(actor=actor, owner=user, program=program)


@write_operation
def deactivate_account(actor: Actor, user: User) -> int | None:
    """The account can no longer sign in; its sign-ins end and its API tokens are revoked
    now (reactivating does not bring them back). Its cases, recommendations and audit events
    stay. Returns how many tokens were revoked; None if it was inactive already."""
    policy.require_administer_account(actor, user)
    if not policy.can_deactivate(actor, user):
        raise PermissionDenied("You cannot deactivate your own account.")
    if not user.active:
        return None
    _keep_an_admin(user, field="active")
    user.active = False
    record(actor, "user.deactivated", user)
    revoke_all_sessions(user, actor=actor, reason="deactivated")
    return revoke_all_tokens(user, actor=actor, reason="deactivated")


@write_operation
def reactivate_account(actor: Actor, user: User) -> bool:
    policy.require_administer_account(actor, user)
    if user.active:
        return False
    user.active = True
    record(actor, "user.reactivated", user)
    return True


@dataclass
class PasswordReset:
    password: str  # shown once, never stored in the clear
    tokens_revoked: int


@write_operation
def reset_password(actor: Actor, user: User) -> PasswordReset:
    """A new temporary password (returned once) that must be changed at the next sign-in;
    every sign-in of the account ends, its API tokens are revoked and a lockout on its
    address is lifted."""
    policy.require_administer_account(actor, user)
    password = temporary_password()
    user.password_hash = hash_password(password)
    user.must_change_password = True
    unlock(user.email, actor=actor)
    revoked = revoke_all_tokens(user, actor=actor, reason="password_reset")
    record(actor, "user.password_reset", user, tokens_revoked=revoked)
    revoke_all_sessions(user, actor=actor, reason="password_reset")
    return PasswordReset(password, revoked)


def account_tokens(actor: Viewer, user: User) -> list[ApiToken]:
    """The account's API tokens (prefix, name, dates, status: never the token)."""
    policy.require_administer_account(actor, user)
    return list_tokens(user)


@write_operation
def revoke_account_token(actor: Actor, user: User, token_id: int) -> ApiToken:
    policy.require_administer_account(actor, user)
    api_token = db.session.get(ApiToken, token_id)
    if api_token is None or api_token.user_id != user.id:
        raise NotFound(f"No API token {token_id} of this account.")
    revoke_token(api_token, actor=actor)
    return api_token


def account_by_email(actor: Viewer, email: str) -> User:
    policy.require(actor, Permission.MANAGE_USERS)
    user = get_user_by_email(email or "")
    if user is None:
        raise NotFound("No account with that email.", field="email")
    return user


# --- Program staff ----------------------------------------------------------------------------


@write_operation
def add_program_member(actor: Actor, program: Program, email: str) -> User:
    """Make an account a member of the program (coordinators and experts run it; providers
    present in it; members see it when it is private)."""
    policy.require(actor, Permission.MANAGE_PROGRAMS)
    policy.require(actor, Permission.MANAGE_USERS)
    user = get_user_by_email(email or "")
    if user is None:
        raise ValidationError("No account with that email.", field="email")
    if program.id in user.program_ids:
        raise ValidationError(f"{user.display_name} is a member already.", field="email")
    _add_member(actor, user, program)
    return user


@write_operation
def remove_program_member(actor: Actor, program: Program, user_id: int) -> User:
    policy.require(actor, Permission.MANAGE_PROGRAMS)
    policy.require(actor, Permission.MANAGE_USERS)
    user = db.session.get(User, user_id)
    if user is None or program.id not in user.program_ids:
        raise NotFound("No such member of this program.")
    _remove_member(actor, user, program)
    return user


def staff_of(program: Program) -> list[User]:
    """The program's coordinators, then its experts, each by name."""
    order = {Role.COORDINATOR: 0, Role.EXPERT: 1}
    return sorted(
        (u for u in program.members if u.role in policy.STAFF_ROLES),
        key=lambda u: (order[u.role], u.display_name.lower(), u.id),
    )


@write_operation
def add_program_staff(actor: Actor, program: Program, email: str) -> User:
    """Make a coordinator or expert account a member of the program (admins and the
    program's coordinators); a provider's programs are changed on the account."""
    policy.require_manage_program_staff(actor, program)
    if not isinstance(email, str) or not email.strip():
        raise ValidationError("Enter the email of a coordinator or expert account.", field="email")
    user = get_user_by_email(email)
    eligible = user is not None and user.active and user.role in policy.STAFF_ROLES
    if user is None or (not eligible and not policy.can_look_up_accounts(actor)):
        # Repeated only when it is an email address: a name or a note typed in its place
        # would reach the page, the API's answer and the logs of whatever reads them.
        shown = shown_email(email.strip())
        raise ValidationError(
            f"No coordinator or expert account with the email {shown}."
            if shown
            else "No coordinator or expert account has that email.",
            field="email",
        )
    if user.role not in policy.STAFF_ROLES:
        raise Conflict(
            f"{user.display_name}'s role is {user.role.value}: program staff are coordinators "
            "and experts.",
            field="email",
        )
    if not user.active:
        raise Conflict(f"{user.display_name}'s account is deactivated.", field="email")
    if program.id in user.program_ids:
        raise Conflict(f"{user.display_name} is on the staff already.", field="email")
    _add_member(actor, user, program)
    return user


@write_operation
def remove_program_staff(actor: Actor, program: Program, user_id: int) -> User:
    """Take a coordinator or expert off the program's staff (their work in it stays)."""
    policy.require_manage_program_staff(actor, program)
    user = db.session.get(User, user_id)
    if user is None or user.role not in policy.STAFF_ROLES or program.id not in user.program_ids:
        raise NotFound(f"No coordinator or expert {user_id} on this program's staff.")
    _remove_member(actor, user, program)
    return user


def program_staff(program: Program) -> dict[Role, list[User]]:
    """The program's members by role (coordinators and experts first), for its admin page."""
    order = [Role.COORDINATOR, Role.EXPERT, Role.PROVIDER, Role.CURRICULUM, Role.ADMIN]
    staff: dict[Role, list[User]] = {role: [] for role in order}
    for user in program.members:
        staff[user.role].append(user)
    return staff


def all_programs(actor: Viewer) -> list[Program]:
    policy.require(actor, Permission.MANAGE_PROGRAMS)
    stmt = select(Program).order_by(Program.name).options(selectinload(Program.members))
    return list(db.session.scalars(stmt))


# --- Topic vocabulary -------------------------------------------------------------------------


def get_topic(actor: Viewer, topic_id: int) -> Topic:
    policy.require(actor, Permission.ACCEPT_TOPICS)
    topic = db.session.scalar(
        select(Topic).where(Topic.id == topic_id, policy.topic_reviewable_clause(actor))
    )
    if topic is None:  # missing, or only a program hidden from `actor` carries it: alike
        raise NotFound(f"No topic {topic_id}.")
    return topic


def list_topics(
    actor: Viewer, *, search: str = "", status: str = "", page: int = 1, per_page: int = 50
) -> Page[Topic]:
    policy.require(actor, Permission.ACCEPT_TOPICS)
    stmt = select(Topic).where(policy.topic_reviewable_clause(actor))
    if fragment := search_fragment(search):
        stmt = stmt.where(Topic.name_key.contains(text_key(fragment), autoescape=True))
    if status:
        try:
            stmt = stmt.where(Topic.status == TopicStatus(status))
        except ValueError:
            raise ValidationError(
                "Status must be one of: " + ", ".join(s.value for s in TopicStatus) + ".",
                field="status",
            ) from None
    stmt = stmt.order_by(Topic.name_key, Topic.id).options(selectinload(Topic.parent))
    return paginate(stmt, page, per_page)


def topic_link_counts(actor: Viewer, topic_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """Cases, sessions and practices linked to each topic (three grouped queries): the
    cases, sessions and best practices `actor` may see. Coordinators accept the topics a
    private program proposed, by name; how many of its cases carry them is not theirs to
    see."""
    ids = list(topic_ids)
    counts: dict[int, dict[str, int]] = {
        i: {"cases": 0, "sessions": 0, "practices": 0} for i in ids
    }
    seen = select(Program.id).where(policy.visible_program_clause(actor))
    # The cases from the listed topics' links, each read by its key. Without statistics
    # (a hub grown by saves since `casebook init`), SQLite took the index on withdrawn_at as
    # selective and probed every case of the hub once per topic listed: the link's case_id
    # is kept from its (case, topic) key so that the walk starts from the topics.
    link_case: Any = case_topics.c.case_id
    if db.session.get_bind().dialect.name == "sqlite":
        link_case = link_case + 0
    queries = {
        "cases": select(case_topics.c.topic_id, func.count())
        .join(Case, Case.id == link_case)
        .where(Case.program_id.in_(seen), policy.listed_case_clause(actor)),
        "sessions": select(session_topics.c.topic_id, func.count())
        .join(Session, Session.id == session_topics.c.session_id)
        .where(Session.program_id.in_(seen)),
        # a practice drawn from a private program alone is that program's (can_view_practice)
        "practices": select(practice_topics.c.topic_id, func.count())
        .join(BestPractice, BestPractice.id == practice_topics.c.practice_id)
        .where(policy.visible_practice_clause(actor)),
    }
    for name, query in queries.items():
        column = query.selected_columns[0]
        rows = db.session.execute(query.where(column.in_(ids)).group_by(column))
        for topic_id, n in rows:
            counts[topic_id][name] = n
    return counts


def _would_cycle(topic: Topic, parent: Topic) -> bool:
    seen = set()
    node: Topic | None = parent
    while node is not None and node.id not in seen:
        if node.id == topic.id:
            return True
        seen.add(node.id)
        node = node.parent
    return False


@write_operation
def edit_topic(
    actor: Actor,
    topic: Topic,
    *,
    synonyms: Iterable[str] | None = None,
    description: str | None = None,
    parent_name: str | None = None,
    accepted: Iterable[Acceptance] = (),
) -> list[str]:
    """Change a topic's synonyms, description and parent (by name; "" for none). A topic
    cannot sit under itself or under one of its own descendants."""
    policy.require(actor, Permission.MANAGE_VOCABULARY)
    before = (list(topic.synonyms or []), topic.description, topic.parent_id)
    parent = topic.parent
    if parent_name is not None:
        parent = None
        if parent_name.strip():
            from app.programs.operations import find_topic

            parent = find_topic(parent_name, actor=actor)
            if parent is None:
                raise ValidationError("No topic has that name (broader topic).", field="parent")
            if _would_cycle(topic, parent):
                raise ValidationError(
                    f"'{parent.name}' is {topic.name} itself or sits under it: "
                    "a topic cannot be its own ancestor.",
                    field="parent",
                )
    update_topic(topic, synonyms=synonyms, description=description, actor=actor, accepted=accepted)
    topic.parent = parent
    db.session.flush()
    after = (list(topic.synonyms or []), topic.description, topic.parent_id)
    changed = [
        name
        for name, old, new in zip(("synonyms", "description", "parent"), before, after, strict=True)
        if old != new
    ]
    if changed:
        record(actor, "topic.updated", topic, fields=",".join(changed))
    return changed


def _require_name_free(topic: Topic) -> None:
    """An accepted name is one topic's: a proposed or retired topic that shares it with an
    accepted one is merged into that one instead (the accepted name is everyone's to read)."""
    other = db.session.scalar(
        select(Topic.name).where(
            Topic.name_key == topic.name_key,
            Topic.status == TopicStatus.ACCEPTED,
            Topic.id != topic.id,
        )
    )
    if other is not None:
        raise Conflict(
            f"The accepted topic '{other}' has this name already: merge '{topic.name}' into it.",
            field="status",
        )


def _set_status(actor: Actor, topic: Topic, status: TopicStatus, action: str) -> bool:
    if topic.status is status:
        return False
    old = topic.status
    if status is TopicStatus.ACCEPTED:
        _require_name_free(topic)
        try:
            # Another transaction may accept the name after the check (PostgreSQL: the
            # row then fails the unique index here).
            with db.session.begin_nested():
                topic.status = status
                db.session.flush()
        except IntegrityError:
            _require_name_free(topic)
            raise
    topic.status = status
    record(actor, action, topic, old=str(old), new=str(status))
    return True


@write_operation
def accept_topic(actor: Actor, topic: Topic) -> bool:
    """A proposed topic joins the vocabulary (coordinators and admins)."""
    policy.require_accept_topic(actor, topic)
    if topic.status is not TopicStatus.PROPOSED:
        raise Conflict(f"'{topic.name}' is {topic.status.value}, not proposed.", field="status")
    return _set_status(actor, topic, TopicStatus.ACCEPTED, "topic.accepted")


@write_operation
def retire_topic(actor: Actor, topic: Topic) -> bool:
    """No longer offered; cases, sessions and practices keep their links."""
    policy.require(actor, Permission.MANAGE_VOCABULARY)
    return _set_status(actor, topic, TopicStatus.RETIRED, "topic.retired")


@write_operation
def restore_topic(actor: Actor, topic: Topic) -> bool:
    policy.require(actor, Permission.MANAGE_VOCABULARY)
    # A proposed topic is accepted by `accept_topic`, on its own audit event.
    if topic.status is TopicStatus.PROPOSED:
        raise Conflict(f"'{topic.name}' is proposed, not retired: accept it.", field="status")
    return _set_status(actor, topic, TopicStatus.ACCEPTED, "topic.restored")


@dataclass
class MergeResult:
    target: Topic
    cases: int
    sessions: int
    practices: int
    # False: the source's name was not everyone's to read (`policy.topic_name_is_shared`),
    # so neither it nor its synonyms became the target's synonyms.
    names_kept: bool = True


@write_operation
def merge_topics(actor: Actor, source: Topic, target_name: str) -> MergeResult:
    """Fold `source` into the topic named `target_name`: every case, session and practice
    link moves, the source's name and synonyms become the target's synonyms, its children
    move under the target, and the source is deleted (its id is never reused). The target
    keeps its review state: a proposed one stays proposed, and one whose name not everyone
    may read is refused."""
    policy.require(actor, Permission.MANAGE_VOCABULARY)
    from app.programs.terms import topics_by_key

    if not (target_name or "").strip():
        raise ValidationError("Name the topic to merge into.", field="target")
    # Topics not accepted may share the source's name: the name then means another of them.
    key = text_key(target_name)
    knowable = policy.knowable_topic_clause(actor)
    target = topics_by_key([key], knowable & (Topic.id != source.id)).get(key)
    target = target or topics_by_key([key], knowable).get(key)
    if target is None:
        raise ValidationError("No topic has that name (merge into).", field="target")
    if target.id == source.id:
        raise ValidationError("A topic cannot be merged into itself.", field="target")
    # The source's cases would carry the target's name, which only programs some of their
    # readers may not see may carry so far (a private program's, a draft's).
    if target.status is TopicStatus.PROPOSED and not policy.topic_name_is_shared(target):
        raise ValidationError(
            f"'{target.name}' is still proposed, and only cases or sessions not everyone may"
            " read carry it: accept it before merging another topic into it, or merge it into"
            " this one instead.",
            field="target",
        )
    # Read before the links move: after, the source carries nothing.
    names_kept = policy.topic_name_is_shared(source)
    moved: dict[str, Any] = {"cases": 0, "sessions": 0, "practices": 0}
    # Through the ORM, so each changed case, session and practice is re-indexed (outbox).
    model: Any  # three models with the same topics relationship
    for name, model, table, column in (
        ("cases", Case, case_topics, case_topics.c.case_id),
        ("sessions", Session, session_topics, session_topics.c.session_id),
        ("practices", BestPractice, practice_topics, practice_topics.c.practice_id),
    ):
        owners = db.session.scalars(
            select(model).where(model.id.in_(select(column).where(table.c.topic_id == source.id)))
        )
        for owner in owners:
            topics = [t for t in owner.topics if t.id != source.id]
            if target not in topics:
                topics.append(target)
            owner.topics = topics
            moved[name] += 1
    move_topic_subscriptions(source, target)
    for child in list(source.children):
        child.parent = target if child.id != target.id else source.parent
    if target.parent_id == source.id:
        target.parent = source.parent
    known = {text_key(target.name)} | {text_key(s) for s in target.synonyms or []}
    synonyms = list(target.synonyms or [])
    for term in [source.name, *(source.synonyms or [])] if names_kept else []:
        if text_key(term) not in known:
            known.add(text_key(term))
            synonyms.append(term)
    db.session.flush()
    source_id = source.id
    db.session.delete(source)
    db.session.flush()
    target.synonyms = synonyms  # after the delete: the source's terms are gone
    record(actor, "topic.merged", target, merged_topic_id=source_id, **moved)
    record(actor, "topic.merged_into", entity_type="topics", entity_id=source_id, into=target.id)
    return MergeResult(target, **moved, names_kept=names_kept)


# --- Audit pages ------------------------------------------------------------------------------

# kind on the admin audit page → (table name in the trail, label, kind of /audit/<kind>/<id>)
AUDIT_KINDS: dict[str, tuple[str, str, str]] = {
    "accounts": ("users", "Accounts", "account"),
    "programs": ("programs", "Programs", "program"),
    "topics": ("topics", "Topics", "topic"),
    "practices": ("best_practices", "Best practices", "practice"),
    "tokens": ("api_tokens", "API tokens", "token"),
}


def audit_events(
    actor: Viewer,
    kind: str,
    *,
    page: int = 1,
    per_page: int = 50,
    older_than: int | None = None,
    newer_than: int | None = None,
) -> Page[TrailEntry] | Window[TrailEntry]:
    """The latest events about one kind of record, newest first, as `actor` may read them
    (`policy.trail_details`: a private program's events, evidence citing what they may not
    see and counts over every program are not a coordinator's). Admins page by number; a
    list read event by event pages from an event's id (`older_than`, `newer_than`)."""
    if kind in ("accounts", "tokens"):
        policy.require(actor, Permission.MANAGE_USERS)
    else:
        policy.require(actor, Permission.VIEW_AUDIT)
    if kind not in AUDIT_KINDS:
        raise NotFound("No such audit page.")
    table = AUDIT_KINDS[kind][0]
    stmt = select(AuditEvent).where(AuditEvent.entity_type == table, policy.marks_clause(actor))
    if kind == "programs":  # narrowed in the query, so pages and their count stay whole
        visible = select(Program.id).where(policy.visible_program_clause(actor))
        stmt = stmt.where(AuditEvent.entity_id.in_(visible))
    if kind == "programs" or policy.reads_every_event(actor):
        stmt = stmt.order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        events = paginate(stmt, page, per_page)
        return Page(visible_events(actor, events.items), events.page, events.per_page, events.total)
    if kind == "practices":  # a practice gone tells nobody who may see it
        stmt = stmt.where(AuditEvent.entity_id.in_(select(BestPractice.id)))
    # Which events a reader may see is decided per event (evidence citing a private case,
    # a private program's topic): read in chunks from the page's first event until the
    # page is full, so neither a short page nor a count tells that others exist, and every
    # page costs about the same however deep.
    model: Any = {"topics": Topic, "best_practices": BestPractice}.get(table)

    def readable(chunk: list[AuditEvent]) -> list[TrailEntry]:
        # The chunk's records and actors read at once, not one statement per event.
        ids = {e.entity_id for e in chunk}
        records = list(db.session.scalars(select(model).where(model.id.in_(ids)))) if model else []
        entries = visible_events(actor, chunk, newer=_evidence_removals(chunk))
        del records  # held until here: the session keeps weak references
        return entries

    def position(event_id: int | None) -> Position | None:
        # Only from an event this page lists: from a hidden one the page would tell that
        # it exists, and when, where a made-up id gives the newest page.
        if event_id is None:
            return None
        event = db.session.scalars(stmt.where(AuditEvent.id == event_id)).first()
        if event is None or not readable([event]):
            return None
        return (event.occurred_at, event.id)

    return filtered_window(
        stmt.options(selectinload(AuditEvent.actor)),
        per_page,
        readable,
        order=(AuditEvent.occurred_at, AuditEvent.id),
        row_position=lambda e: (e.occurred_at, e.id),
        item_position=lambda entry: (entry.occurred_at, entry.event_id or 0),
        older_than=position(older_than),
        newer_than=position(newer_than),
    )


def _evidence_removals(chunk: list[AuditEvent]) -> list[AuditEvent]:
    """Removals of evidence, about the chunk's practices, from the chunk's oldest event on:
    a link taken back is gone, and only its removal (newer, maybe on an earlier page)
    tells what it pointed at."""
    practices = {e.entity_id for e in chunk if e.action in policy.EVIDENCE_EVENTS}
    if not practices:
        return []
    oldest = min(chunk, key=lambda e: (e.occurred_at, e.id))
    return list(
        db.session.scalars(
            select(AuditEvent).where(
                AuditEvent.entity_type == "best_practices",
                AuditEvent.entity_id.in_(practices),
                AuditEvent.action == "practice.evidence_removed",
                or_(
                    AuditEvent.occurred_at > oldest.occurred_at,
                    (AuditEvent.occurred_at == oldest.occurred_at) & (AuditEvent.id >= oldest.id),
                ),
            )
        )
    )
