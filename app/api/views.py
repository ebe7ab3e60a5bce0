from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify, request

from app.auth.models import User
from app.auth.operations import user_for_token
from app.auth.policy import require_view_program
from app.errors import CasebookError
from app.extensions import db
from app.programs.models import Program
from app.programs.operations import get_program, visible_programs

api_blueprint = Blueprint("api", __name__)


class Unauthorized(CasebookError):
    status_code = 401

    @property
    def code(self) -> str:
        return "unauthorized"


@api_blueprint.before_request
def authenticate_bearer() -> None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Send an API token as 'Authorization: Bearer <token>'.")
    user = user_for_token(token.strip())
    if user is None:
        raise Unauthorized("The API token is unknown, revoked, or its account is inactive.")
    db.session.commit()  # keeps last_used_at
    g.api_user = user


@api_blueprint.errorhandler(CasebookError)
def api_error(exc: CasebookError) -> Any:
    response = jsonify(exc.to_dict())
    if exc.status_code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="casebook"'
    return response, exc.status_code


def api_user() -> User:
    return g.api_user


def program_json(program: Program) -> dict[str, Any]:
    return {
        "id": program.id,
        "slug": program.slug,
        "name": program.name,
        "description": program.description,
        "private": program.private,
        "template": program.case_template,
    }


@api_blueprint.get("/me")
def me() -> Any:
    user = api_user()
    return jsonify(
        {
            "id": user.id,
            "email": user.email,
            "display_name": user.display_name,
            "role": str(user.role),
            "programs": sorted(m.program.slug for m in user.memberships),
        }
    )


@api_blueprint.get("/programs")
def list_programs() -> Any:
    return jsonify({"results": [program_json(p) for p in visible_programs(api_user())]})


@api_blueprint.get("/programs/<slug>")
def read_program(slug: str) -> Any:
    program = get_program(slug)
    require_view_program(api_user(), program)
    return jsonify(program_json(program))
