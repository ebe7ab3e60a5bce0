"""GET /healthz: no sign-in, JSON, 200 when healthy and 503 otherwise."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

from app.health.operations import health_report

health_blueprint = Blueprint("health", __name__)


@health_blueprint.route("/healthz")
def healthz() -> Any:
    healthy, report = health_report()
    response = jsonify(report)
    response.status_code = 200 if healthy else 503
    response.headers["Cache-Control"] = "no-store"
    return response
