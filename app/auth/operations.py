"""Accounts: creating users, signing in, API tokens."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable

from flask import current_app
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from app.audit.operations import record
from app.auth.models import ApiToken, ProgramMembership, Role, User
from app.common import utcnow
from app.errors import ValidationError
from app.extensions import db

MIN_PASSWORD_LENGTH = 10
TOKEN_PREFIX = "cbk_"  # noqa: S105 - a public marker, not a secret
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Compared against when the account does not exist, so timing does not reveal which emails exist.
_DUMMY_HASH = generate_password_hash("not-a-real-password-x")


def hash_password(password: str) -> str:
    # Werkzeug's scrypt defaults (n=2**15, r=8, p=1); tests may set cheaper parameters.
    method = current_app.config.get("CASEBOOK_PASSWORD_METHOD", "scrypt")
    return generate_password_hash(password, method=method)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def validate_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"Password must be at least {MIN_PASSWORD_LENGTH} characters.", field="password"
        )


def create_user(
    email: str,
    display_name: str,
    role: Role | str,
    *,
    password: str | None = None,
    program_slugs: Iterable[str] = (),
    actor: User | None = None,
) -> User:
    """Create an account. Without a password the account cannot sign in."""
    from app.programs.operations import get_program

    email = normalise_email(email)
    errors: dict[str, str] = {}
    if not _EMAIL.match(email) or len(email) > 254:
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
            validate_password(password)
        except ValidationError as exc:
            errors["password"] = exc.message
    if errors:
        raise ValidationError(next(iter(errors.values())), errors=errors)
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


def set_password(user: User, password: str, *, actor: User | None = None) -> None:
    validate_password(password)
    user.password_hash = hash_password(password)
    record(actor, "user.password_set", user)


def add_membership(user: User, program_slug: str, *, actor: User | None = None) -> None:
    from app.programs.operations import get_program

    program = get_program(program_slug)
    if program.id not in user.program_ids:
        user.memberships.append(ProgramMembership(program=program))
        db.session.flush()
        record(actor, "user.membership_added", user, program_id=program.id)


def authenticate(email: str, password: str) -> User | None:
    """The active user with these credentials, or None."""
    user = get_user_by_email(email)
    if user is None or user.password_hash is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    user.last_login_at = utcnow()
    record(user, "user.signed_in", user)
    return user


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(user: User, name: str = "script", *, actor: User | None = None) -> str:
    """Issue an API token and return it; only its digest is kept."""
    if not user.active:
        raise ValidationError("This account is inactive.", field="email")
    name = (name or "script").strip()[:80]
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    api_token = ApiToken(user=user, name=name, token_hash=_digest(token), prefix=token[:12])
    db.session.add(api_token)
    db.session.flush()
    record(actor, "token.created", api_token, user_id=user.id)
    return token


def user_for_token(token: str) -> User | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    api_token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(token)))
    if api_token is None or api_token.revoked_at is not None or not api_token.user.active:
        return None
    api_token.last_used_at = utcnow()
    return api_token.user


def revoke_token(api_token: ApiToken, *, actor: User | None = None) -> None:
    api_token.revoked_at = utcnow()
    record(actor, "token.revoked", api_token)
