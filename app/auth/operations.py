"""Accounts: creating users, signing in, API tokens."""

from __future__ import annotations

import functools
import hashlib
import math
import re
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, cast

from flask import Flask, current_app
from sqlalchemy import case, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import joinedload
from werkzeug.security import check_password_hash, generate_password_hash

from app.audit.operations import record
from app.auth import policy
from app.auth.models import ApiToken, ProgramMembership, Role, SignInThrottle, User, UserSession
from app.auth.passwords import password_problem
from app.auth.policy import Actor, Permission, write_operation
from app.common import utcnow
from app.deid.gate import Acceptance, GatedFields, IdentifiersFound, category_word
from app.deid.operations import guard, remember_overrides
from app.errors import CasebookError, NotFound, ValidationError
from app.extensions import db, reading_engine

TOKEN_PREFIX = "cbk_"  # noqa: S105 - a public marker, not a secret
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# Compared against when the account does not exist, so timing does not reveal which emails
# exist: made with the method real hashes use, so it costs the same, and made when the app
# is created so that the first unknown email of a process costs no extra hash.
_STAND_IN_KEY = "casebook_stand_in_hash"


def _password_method() -> str:
    # Werkzeug's scrypt defaults (n=2**15, r=8, p=1); tests may set cheaper parameters.
    return str(current_app.config.get("CASEBOOK_PASSWORD_METHOD", "scrypt"))


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=_password_method())


@functools.cache
def _stand_in_for(method: str) -> str:
    # One per method and process: a process that makes many apps (the tests make one per
    # test) hashed again for each.
    return generate_password_hash("not-a-real-password-x", method)


def prepare_stand_in_hash(app: Flask) -> None:
    method = str(app.config.get("CASEBOOK_PASSWORD_METHOD", "scrypt"))
    app.extensions[_STAND_IN_KEY] = (method, _stand_in_for(method))


def _check_against_dummy(password: str) -> None:
    method = _password_method()
    made = current_app.extensions.get(_STAND_IN_KEY)
    if made is None or made[0] != method:
        # Only when the method was changed after the app was created.
        prepare_stand_in_hash(current_app)
        made = current_app.extensions[_STAND_IN_KEY]
    check_password_hash(made[1], password)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def validate_password(
    password: str,
    *,
    field: str = "password",
    label: str = "Password",
    user_inputs: Iterable[str] = (),
) -> None:
    """Refuse short, whitespace-only, leaked or easily guessed passwords (app/auth/passwords)."""
    problem = password_problem(password, field_label=label, user_inputs=user_inputs)
    if problem:
        raise ValidationError(problem, field=field)


@write_operation
def create_user(
    email: str,
    display_name: str,
    role: Role | str,
    *,
    password: str | None = None,
    program_slugs: Iterable[str] = (),
    actor: Actor,
    imported: bool = False,
) -> User:
    """Create an account. Without a password the account cannot sign in. An import adds the
    presenters and authors its records name (IMPORT_DATA)."""
    from app.programs.operations import get_program

    if imported:
        policy.require_import(actor)
    else:
        policy.require(actor, Permission.MANAGE_USERS)

    email = normalise_email(email)
    errors: dict[str, str] = {}
    if not _EMAIL.fullmatch(email) or len(email) > 254:
        errors["email"] = "Enter a valid email address."
    elif get_user_by_email(email) is not None:
        errors["email"] = f"An account with {email} already exists."
    display_name = display_name.strip()
    if not display_name or len(display_name) > 120:
        errors["display_name"] = "Enter a display name of 1 to 120 characters."
    try:
        role = Role(role)
    except ValueError:
        errors["role"] = "Role must be one of: " + ", ".join(r.value for r in Role) + "."
    if password is not None:
        try:
            validate_password(password, user_inputs=(email, display_name))
        except ValidationError as exc:
            errors["password"] = exc.message
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, errors=errors)
    check_display_name(display_name)
    user = User(
        email=email,
        display_name=display_name,
        role=Role(role),
        password_hash=hash_password(password) if password else None,
    )
    db.session.add(user)
    for slug in program_slugs:
        user.memberships.append(ProgramMembership(program=get_program(slug)))
    db.session.flush()
    record(actor, "user.created", user, role=str(user.role))
    return user


@write_operation
def set_password(user: User, password: str, *, actor: Actor) -> None:
    """Set a new password (an operator or admin): every sign-in of the account ends."""
    policy.require_administer_account(actor, user)
    validate_password(password, user_inputs=(user.email, user.display_name))
    user.password_hash = hash_password(password)
    record(actor, "user.password_set", user)
    revoke_all_sessions(user, actor=actor, reason="password_set")


@write_operation
def add_membership(user: User, program_slug: str, *, actor: Actor) -> None:
    policy.require(actor, Permission.MANAGE_USERS)
    from app.programs.operations import get_program

    program = get_program(program_slug)
    if program.id not in user.program_ids:
        user.memberships.append(ProgramMembership(program=program))
        db.session.flush()
        record(actor, "user.membership_added", user, program_id=program.id)


def password_matches(user: User, password: str) -> bool:
    return user.password_hash is not None and check_password_hash(user.password_hash, password)


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None (no lockout: see `sign_in`)."""
    user = get_user_by_email(email)
    if user is None or user.password_hash is None:
        _check_against_dummy(password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    user.last_login_at = utcnow()
    record(user, "user.signed_in", user)
    return user


# --- Sign-in with lockout -------------------------------------------------------------------

# Failures older than this are forgotten, so that a typo a month ago does not count today.
FAILURE_MEMORY = timedelta(days=1)
MAX_LOCKOUT = timedelta(days=1)


class SignInRefused(ValidationError):
    """Wrong email or password; the same message whether or not the account exists."""

    def __init__(self) -> None:
        super().__init__("The email or the password is not right. Check both and try again.")


class AccountLocked(ValidationError):
    """Too many failures for this email address (whether or not it has an account)."""

    status_code = 429

    def __init__(self, seconds: int) -> None:
        self.minutes = max(1, math.ceil(seconds / 60))
        unit = "minute" if self.minutes == 1 else "minutes"
        super().__init__(
            f"Too many failed sign-ins for this account; try again in {self.minutes} {unit}."
        )

    @property
    def code(self) -> str:
        return "locked"


def _email_digest(email: str) -> str:
    return hashlib.sha256(normalise_email(email).encode("utf-8")).hexdigest()


def lockout_delay(failures: int) -> timedelta | None:
    """No delay below the threshold; then the base delay, doubling with each further failure."""
    threshold = current_app.config["CASEBOOK_LOCKOUT_THRESHOLD"]
    if failures < threshold:
        return None
    base = timedelta(minutes=current_app.config["CASEBOOK_LOCKOUT_MINUTES"])
    doublings = min(failures - threshold, 20)
    return min(base * 2**doublings, MAX_LOCKOUT)


def _record_failure(email: str, now: datetime) -> SignInThrottle:
    """Count one failure atomically (an upsert, so concurrent workers do not lose counts)."""
    digest = _email_digest(email)
    # Forget addresses whose failures are old and whose lock ran out, so the table stays small.
    db.session.execute(
        delete(SignInThrottle).where(
            SignInThrottle.last_failure_at < now - FAILURE_MEMORY,
            or_(SignInThrottle.locked_until.is_(None), SignInThrottle.locked_until < now),
            SignInThrottle.email_digest != digest,
        )
    )
    insert = pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    stale = SignInThrottle.last_failure_at < now - FAILURE_MEMORY
    stmt = insert(SignInThrottle).values(email_digest=digest, failures=1, last_failure_at=now)
    stmt = stmt.on_conflict_do_update(
        index_elements=[SignInThrottle.email_digest],
        set_={
            "failures": case((stale, 1), else_=SignInThrottle.failures + 1),
            "last_failure_at": now,
        },
    )
    db.session.execute(stmt)
    throttle = db.session.get(SignInThrottle, digest, populate_existing=True)
    assert throttle is not None
    delay = lockout_delay(throttle.failures)
    throttle.locked_until = now + delay if delay else None
    return throttle


def _password_checked_apart(email: str, password: str, now: datetime) -> str | None:
    """The stored hash that `password` matches, or None; checked in a read of its own
    before the sign-in's write transaction. The check is slow on purpose, and on SQLite a
    write transaction holds the one write lock: every other writer, sign-ins included,
    waited for it (under load, past the busy timeout). A locked address is not checked."""
    with OrmSession(reading_engine(db.engine)) as session:
        throttle = session.get(SignInThrottle, _email_digest(email))
        if throttle is not None and throttle.locked_until and throttle.locked_until > now:
            return None
        account = session.scalar(
            select(User).where(func.lower(User.email) == normalise_email(email))
        )
        stored = account.password_hash if account is not None else None
    if stored is None:
        _check_against_dummy(password)  # as long as a real check
        return None
    return stored if check_password_hash(stored, password) else None


def sign_in(
    email: str, password: str, *, remember: bool = False, device: str = "Unknown device"
) -> User:
    """Check the credentials under the lockout rules and start a sign-in session.

    Raises AccountLocked while the email address is locked (without checking the password),
    SignInRefused otherwise. The caller commits in both cases: failures are recorded."""
    now = utcnow()
    matched = _password_checked_apart(email, password, now)
    throttle = db.session.get(SignInThrottle, _email_digest(email))
    if throttle is not None and throttle.locked_until and throttle.locked_until > now:
        account = get_user_by_email(email)
        if account is not None:
            record(None, "user.sign_in_locked", account)
        raise AccountLocked(int((throttle.locked_until - now).total_seconds()))
    user = get_user_by_email(email) if matched else None
    if user is not None and user.active and user.password_hash == matched:
        user.last_login_at = now
        record(user, "user.signed_in", user)
    else:
        user = None
    if user is None:
        throttle = _record_failure(email, now)
        account = get_user_by_email(email)
        if account is not None:
            record(None, "user.sign_in_failed", account, failures=throttle.failures)
        if throttle.locked_until is not None:
            if account is not None:
                minutes = math.ceil((throttle.locked_until - now).total_seconds() / 60)
                record(None, "user.locked_out", account, minutes=minutes)
            raise AccountLocked(int((throttle.locked_until - now).total_seconds()))
        raise SignInRefused()
    if throttle is not None:
        db.session.delete(throttle)
    start_session(user, remember=remember, device=device)
    return user


@write_operation
def unlock(email: str, *, actor: Actor) -> bool:
    """Forget the failed sign-ins of an email address. True if there were any."""
    policy.require(actor, Permission.MANAGE_USERS)
    throttle = db.session.get(SignInThrottle, _email_digest(email))
    if throttle is None:
        return False
    db.session.delete(throttle)
    account = get_user_by_email(email)
    if account is not None:
        record(actor, "user.unlocked", account)
    return True


# --- Sign-in sessions (one per browser) ------------------------------------------------------

# last_seen_at is written at most this often, so that pages do not each write a row.
_TOUCH_EVERY = timedelta(minutes=5)
ENDED_SESSIONS_KEPT = timedelta(days=30)


def _session_lifetime(remember: bool) -> timedelta:
    if remember:
        return timedelta(days=current_app.config["CASEBOOK_REMEMBER_DAYS"])
    return timedelta(hours=current_app.config["CASEBOOK_SESSION_HOURS"])


def start_session(user: User, *, remember: bool, device: str) -> UserSession:
    """A new sign-in for this browser; its secret goes on `user` for flask-login's cookies."""
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    # Ended sign-ins stay listed nowhere; keep them a while for inquiries, then drop them.
    db.session.execute(
        delete(UserSession).where(
            UserSession.user_id == user.id,
            or_(
                UserSession.expires_at < now - ENDED_SESSIONS_KEPT,
                UserSession.revoked_at < now - ENDED_SESSIONS_KEPT,
            ),
        )
    )
    row = UserSession(
        user=user,
        secret_hash=_digest(secret),
        remember=remember,
        device=(device or "Unknown device")[:80],
        created_at=now,
        last_seen_at=now,
        expires_at=now + _session_lifetime(remember),
    )
    db.session.add(row)
    db.session.flush()
    user.session_secret = secret
    user.current_session_id = row.id
    return row


def user_for_session(value: str) -> tuple[User, bool] | None:
    """The account signed in by a cookie value `"<user id>:<secret>"`, if that sign-in is
    still live; and whether its row was updated (last seen, idle expiry) and needs a commit."""
    user_id, _, secret = value.partition(":")
    if not user_id.isdigit() or not secret:
        return None  # includes the bare user ids that cookies held before sign-in sessions
    # with its account in the same statement: every signed-in request asks for both
    row = db.session.scalar(
        select(UserSession)
        .where(UserSession.secret_hash == _digest(secret))
        .options(joinedload(UserSession.user))
    )
    now = utcnow()
    if (
        row is None
        or row.user_id != int(user_id)
        or row.revoked_at is not None
        or row.expires_at <= now
        or not row.user.active
    ):
        return None
    touched = False
    if now - row.last_seen_at >= _TOUCH_EVERY:
        row.last_seen_at = now
        if not row.remember:  # a browser session ends after hours without use
            row.expires_at = now + _session_lifetime(False)
        touched = True
    user = row.user
    user.session_secret = secret
    user.current_session_id = row.id
    return user, touched


def active_sessions(user: User) -> list[UserSession]:
    stmt = (
        select(UserSession)
        .where(
            UserSession.user_id == user.id,
            UserSession.revoked_at.is_(None),
            UserSession.expires_at > utcnow(),
        )
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    )
    return list(db.session.scalars(stmt))


def end_current_session(user: User) -> None:
    """Sign-out: this browser's sign-in can never be used again, whoever copied its cookies."""
    row = db.session.get(UserSession, user.current_session_id) if user.current_session_id else None
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()
        record(user, "user.signed_out", user, session_id=row.id)


@write_operation
def revoke_session(user: User, session_id: int, *, actor: Actor) -> UserSession:
    """End one of the account's sign-ins (a lost laptop, say)."""
    row = db.session.get(UserSession, session_id)
    if row is None or row.user_id != user.id or not policy.can_manage_credentials(actor, user):
        raise NotFound("No such sign-in for this account.")
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        record(actor, "session.revoked", row, user_id=user.id)
    return row


@write_operation
def revoke_all_sessions(
    user: User,
    *,
    actor: Actor,
    keep: int | None = None,
    reason: str = "signed_out_everywhere",
) -> int:
    """End every live sign-in of the account except `keep`; returns how many ended."""
    policy.require_manage_credentials(actor, user)
    now = utcnow()
    stmt = (
        update(UserSession)
        .where(UserSession.user_id == user.id, UserSession.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session="fetch")
    )
    if keep is not None:
        stmt = stmt.where(UserSession.id != keep)
    ended = cast(CursorResult[Any], db.session.execute(stmt)).rowcount or 0
    record(actor, "user.sessions_revoked", user, count=ended, reason=reason)
    return ended


@write_operation
def change_password(
    user: User, current_password: str, new_password: str, confirmation: str, *, actor: Actor
) -> None:
    """The account holder changes their password: every other sign-in ends."""
    policy.require_self(actor, user)
    # Keys are field names and values messages (ruff's S105 takes them for passwords).
    errors: dict[str, str] = {}
    if not user.password_hash or not check_password_hash(user.password_hash, current_password):
        errors["current_password"] = "Current password is not right."  # noqa: S105
    problem = password_problem(
        new_password, field_label="New password", user_inputs=(user.email, user.display_name)
    )
    if problem:
        errors["new_password"] = problem
    elif new_password != confirmation:
        errors["confirm_password"] = "Confirm new password does not match the new password."  # noqa: S105
    elif user.password_hash and check_password_hash(user.password_hash, new_password):
        errors["new_password"] = "New password must differ from the current one."  # noqa: S105
    if errors:
        raise ValidationError(next(iter(errors.values())), errors=errors)
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    record(user, "user.password_changed", user)
    revoke_all_sessions(user, actor=user, keep=user.current_session_id, reason="password_changed")


# --- API tokens -------------------------------------------------------------------------------

MAX_TOKEN_DAYS = 366


class TokenRefused(CasebookError):
    """A bearer token that does not authenticate, with the reason (answered as 401)."""

    status_code = 401

    @property
    def code(self) -> str:
        return "unauthorized"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# An account's name is shown as an author, on staff lists and in mail: it names a member of
# staff (a name there is expected), never a patient (`app.deid.gate.PERSON_FIELDS`).
ACCOUNT_TEXTS = GatedFields({"display_name": "Display name"})


def check_display_name(display_name: str) -> None:
    """The gate for an account's display name, wherever it is set (a form, the API, an
    import, a catalog): nobody marks a finding there, the name is rewritten instead, so the
    refusal says what kind of identifier it found, in words for whoever sets the name."""
    try:
        guard(ACCOUNT_TEXTS.texts(display_name=display_name), actor=None)
    except IdentifiersFound as found:
        kinds = [f.category for f in found.findings] + [h.category for h in found.hidden]
        words = ", ".join(dict.fromkeys(category_word(k) for k in kinds))
        raise found.told(
            f"The name holds what may identify a patient (a possible {words}): enter the"
            " member of staff's name alone."
        ) from None


# A token's name is free text shown on the account page and by the API: it passes the gate.
TOKEN_TEXTS = GatedFields({"name": "What the token is for"})


def token_name(name: str | None) -> str:
    """A token's name as stored (and as the gate reads it)."""
    return (name or "script").strip()[:80] or "script"


@write_operation
def create_token(
    user: User,
    name: str = "script",
    *,
    days: int | None = None,
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
) -> str:
    """Issue an API token valid for `days` (default CASEBOOK_TOKEN_DAYS) and return it;
    only its digest is kept."""
    policy.require_manage_credentials(actor, user)
    if not user.active:
        raise ValidationError("This account is inactive.", field="email")
    if days is None:
        days = current_app.config["CASEBOOK_TOKEN_DAYS"]
    if not 1 <= days <= MAX_TOKEN_DAYS:
        raise ValidationError(f"days must be between 1 and {MAX_TOKEN_DAYS}.", field="days")
    name = token_name(name)
    overridden = guard(TOKEN_TEXTS.texts(name=name), accepted, actor=actor)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    api_token = ApiToken(
        user=user,
        name=name,
        token_hash=_digest(token),
        prefix=token[:12],
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    db.session.add(api_token)
    db.session.flush()
    record(actor, "token.created", api_token, user_id=user.id, days=days)
    remember_overrides(api_token, overridden, actor=actor, new=True)
    return token


def authenticate_token(token: str) -> User:
    """The account behind a bearer token; TokenRefused says why not. Records last use."""
    api_token = None
    if token.startswith(TOKEN_PREFIX):
        api_token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if api_token is None:
        raise TokenRefused("The API token is not known. Check it, or create a new one.")
    now = utcnow()
    status = api_token.status(now)
    if status == "revoked":
        raise TokenRefused("The API token was revoked. Create a new one.")
    if status == "expired":
        raise TokenRefused(
            f"The API token expired on {api_token.expires_at:%Y-%m-%d}. Create a new one."
        )
    if not api_token.user.active:
        raise TokenRefused("The API token's account is inactive.")
    # Noted at most every few minutes, like a browser's sign-in: a script reading in a loop
    # would otherwise make every read a write (and, on SQLite, wait for the write lock).
    if api_token.last_used_at is None or now - api_token.last_used_at >= _TOUCH_EVERY:
        api_token.last_used_at = now
    return api_token.user


def user_for_token(token: str) -> User | None:
    try:
        return authenticate_token(token)
    except TokenRefused:
        return None


def list_tokens(user: User) -> list[ApiToken]:
    """The account's tokens, newest first, revoked and expired ones included."""
    stmt = (
        select(ApiToken)
        .where(ApiToken.user_id == user.id)
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    )
    return list(db.session.scalars(stmt))


def get_token(token_id: int, *, actor: Actor) -> ApiToken:
    """A token by id that `actor` may manage (policy.can_manage_credentials); others' are
    "not found", not "forbidden", so ids of other accounts' tokens are not confirmed."""
    api_token = db.session.get(ApiToken, token_id)
    if api_token is None or not policy.can_manage_credentials(actor, api_token.user):
        raise NotFound(
            f"No API token {token_id}" + ("." if policy.is_system(actor) else " of yours.")
        )
    return api_token


def revoke_all_tokens(user: User, *, actor: Actor, reason: str) -> int:
    """Revoke every live API token of the account (an admin set a temporary password or
    deactivated it: a token copied before must not outlive that); returns how many."""
    now = utcnow()
    live = [t for t in list_tokens(user) if t.revoked_at is None and t.expires_at > now]
    for api_token in live:
        api_token.revoked_at = now
    if live:
        record(actor, "user.tokens_revoked", user, count=len(live), reason=reason)
    return len(live)


@write_operation
def revoke_token(api_token: ApiToken, *, actor: Actor) -> None:
    """Revoke a token at once; revoking it again changes nothing."""
    policy.require_manage_credentials(actor, api_token.user)
    if api_token.revoked_at is None:
        api_token.revoked_at = utcnow()
        record(actor, "token.revoked", api_token, user_id=api_token.user_id)
