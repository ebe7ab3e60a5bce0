"""The caller's own API tokens: list them, revoke one (for instance after a leak)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from flask import current_app, jsonify

from app.api.base import SPEC, api_blueprint, api_user, one_page
from app.auth.models import ApiToken
from app.auth.operations import get_token, list_tokens, revoke_token
from app.common import utcnow
from app.extensions import db, limiter

TOKEN = SPEC.schema(
    "ApiToken",
    {
        "type": "object",
        "required": ["id", "name", "prefix", "created_at", "expires_at", "status"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "prefix": {"type": "string", "description": "The token's first characters."},
            "created_at": {"type": "string", "format": "date-time"},
            "expires_at": {"type": "string", "format": "date-time"},
            "last_used_at": {"type": ["string", "null"], "format": "date-time"},
            "revoked_at": {"type": ["string", "null"], "format": "date-time"},
            "status": {"type": "string", "enum": ["active", "expired", "revoked"]},
        },
    },
)
TOKEN_LIST = {
    "type": "object",
    "properties": {
        "total": {"type": "integer"},
        "page": {"type": "integer"},
        "per_page": {"type": "integer"},
        "results": {"type": "array", "items": TOKEN},
    },
}


def _token_limit() -> str:
    return current_app.config["CASEBOOK_RATELIMIT_TOKENS"]


def _iso(value: Any) -> str | None:
    """RFC 3339, as the schema's date-time says: stored times are UTC without an offset."""
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def token_json(api_token: ApiToken) -> dict[str, Any]:
    return {
        "id": api_token.id,
        "name": api_token.name,
        "prefix": api_token.prefix,
        "created_at": _iso(api_token.created_at),
        "expires_at": _iso(api_token.expires_at),
        "last_used_at": _iso(api_token.last_used_at),
        "revoked_at": _iso(api_token.revoked_at),
        "status": api_token.status(utcnow()),
    }


@SPEC.operation(
    api_blueprint,
    "/tokens",
    "GET",
    summary="Your API tokens, newest first (revoked and expired ones included)",
    tag="accounts",
    response=TOKEN_LIST,
)
@limiter.limit(_token_limit)
def list_own_tokens() -> Any:
    return jsonify(one_page([token_json(t) for t in list_tokens(api_user())]))


@SPEC.operation(
    api_blueprint,
    "/tokens/<int:token_id>",
    "DELETE",
    summary="Revoke one of your API tokens (it answers 401 from then on)",
    tag="accounts",
    response=TOKEN,
)
@limiter.limit(_token_limit)
def revoke_own_token(token_id: int) -> Any:
    user = api_user()
    api_token = get_token(token_id, actor=user)
    revoke_token(api_token, actor=user)
    db.session.commit()
    return jsonify(token_json(api_token))
