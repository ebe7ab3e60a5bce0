"""The caller's own API tokens: list them, revoke one (for instance after a leak)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from flask import current_app

from app.api import schemas
from app.api.base import SPEC, api_blueprint, api_user
from app.auth.models import ApiToken
from app.auth.operations import get_token, list_tokens, revoke_token
from app.common import utcnow
from app.extensions import db, limiter


def _token_limit() -> str:
    return current_app.config["CASEBOOK_RATELIMIT_TOKENS"]


def _iso(value: Any) -> str | None:
    """RFC 3339, as the schema's date-time says: stored times are UTC without an offset
    (the teaching answers still write theirs with it)."""
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def token_answer(api_token: ApiToken) -> schemas.ApiToken:
    return schemas.ApiToken(
        id=api_token.id,
        name=api_token.name,
        prefix=api_token.prefix,
        created_at=api_token.created_at,
        expires_at=api_token.expires_at,
        last_used_at=api_token.last_used_at,
        revoked_at=api_token.revoked_at,
        status=api_token.status(utcnow()),
    )


@SPEC.operation(
    api_blueprint,
    "/tokens",
    "GET",
    summary="Your API tokens, newest first (revoked and expired ones included)",
    tag="accounts",
    response=schemas.ApiTokenPage,
)
@limiter.limit(_token_limit)
def list_own_tokens() -> schemas.ApiTokenPage:
    return schemas.ApiTokenPage.of([token_answer(t) for t in list_tokens(api_user())])


@SPEC.operation(
    api_blueprint,
    "/tokens/<int:token_id>",
    "DELETE",
    summary="Revoke one of your API tokens (it answers 401 from then on)",
    tag="accounts",
    response=schemas.ApiToken,
)
@limiter.limit(_token_limit)
def revoke_own_token(token_id: int) -> schemas.ApiToken:
    user = api_user()
    api_token = get_token(token_id, actor=user)
    revoke_token(api_token, actor=user)
    db.session.commit()
    return token_answer(api_token)
