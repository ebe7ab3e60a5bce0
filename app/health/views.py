"""GET /healthz: JSON, 200 when healthy and 503 otherwise; the details to admins only (a
session or an API token), the status to anyone."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError

from app.auth.operations import TokenRefused, authenticate_token
from app.auth.policy import Viewer
from app.extensions import commit_unless_busy, db
from app.health.operations import health_report_for

health_blueprint = Blueprint("health", __name__)


@health_blueprint.route("/healthz")
def healthz() -> Any:
    healthy, report = health_report_for(_caller())
    response = jsonify(report)
    response.status_code = 200 if healthy else 503
    response.headers["Cache-Control"] = "no-store"
    return response


def _caller() -> Viewer:
    """The account of a bearer token or of the signed-in session; nobody when neither
    answers (a refused token, or a database that does not: the report says so)."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    try:
        if scheme.lower() == "bearer" and token.strip():
            user = authenticate_token(token.strip())
            if db.session.dirty:
                commit_unless_busy(db.session())  # its last use, as for any API read
            return user
        return current_user._get_current_object() if current_user.is_authenticated else None
    except (TokenRefused, SQLAlchemyError):
        db.session.rollback()
        return None
