"""The API blueprint, bearer-token authentication, JSON errors and the OpenAPI registry."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify, request

from app.api.schemas import Error
from app.api.spec import ApiSpec, Query, dump
from app.auth.models import User
from app.auth.operations import authenticate_token
from app.errors import CasebookError, Unavailable
from app.extensions import READING_METHODS, commit_unless_busy, db
from app.inputs import MAX_PAGE, bounded_int

api_blueprint = Blueprint("api", __name__)
SPEC = ApiSpec("Casebook API", "1.0.0", prefix="/api/v1")
# Every operation's refusals refer to it (ApiSpec.document); api_error answers with it.
SPEC.model(Error, "serialization")
MAX_PER_PAGE = 100
PUBLIC_ENDPOINTS = {"api.openapi_document"}


class Unauthorized(CasebookError):
    status_code = 401

    @property
    def code(self) -> str:
        return "unauthorized"


@api_blueprint.before_request
def authenticate_bearer() -> None:
    if request.endpoint in PUBLIC_ENDPOINTS:
        return
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Send an API token as 'Authorization: Bearer <token>'.")
    user = authenticate_token(token.strip())  # TokenRefused (401) says why not
    if not db.session.dirty:
        pass  # its last use was noted a moment ago: nothing to write
    elif request.method in READING_METHODS:
        # A read never waits for SQLite's write lock just to note when the token was used.
        commit_unless_busy(db.session())
    else:
        db.session.commit()  # keeps last_used_at
    g.api_user = user


@api_blueprint.errorhandler(CasebookError)
def api_error(exc: CasebookError) -> Any:
    db.session.rollback()
    response = jsonify(dump(Error.model_validate(exc.to_dict())))
    if exc.status_code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="casebook"'
    if isinstance(exc, Unavailable):
        response.headers["Retry-After"] = str(exc.retry_after)
    return response, exc.status_code


def api_user() -> User:
    return g.api_user


def page_args() -> tuple[int, int]:
    page = bounded_int(
        request.args.get("page"), "page", maximum=MAX_PAGE, default=1, blank_ok=False
    )
    per_page = bounded_int(
        request.args.get("per_page"), "per_page", maximum=MAX_PER_PAGE, default=20, blank_ok=False
    )
    return page or 1, per_page or 20


PAGING = (
    Query("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, "Page number, from 1."),
    Query(
        "per_page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
        "Results per page (at most 100).",
    ),
)


def paginated(items: list[Any], total: int, page: int, per_page: int) -> dict[str, Any]:
    return {"total": total, "page": page, "per_page": per_page, "results": items}


def one_page(items: list[Any]) -> dict[str, Any]:
    """A short list (a case's recommendations, say) in the same shape as a paginated one."""
    return paginated(items, len(items), 1, max(len(items), 1))


@SPEC.operation(
    api_blueprint,
    "/openapi.json",
    "GET",
    summary="This OpenAPI document",
    tag="meta",
    public=True,
    response={"type": "object"},
)
def openapi_document() -> Any:
    return jsonify(SPEC.document())
