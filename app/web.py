"""Web plumbing: sign-in loading, error pages, template helpers and security headers."""

from __future__ import annotations

import logging
import traceback
from datetime import date, datetime
from typing import Any

from flask import Flask, jsonify, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.auth import policy
from app.auth.models import User
from app.auth.policy import Permission
from app.content.markdown import render as render_markdown
from app.diagnostics import describe_error
from app.errors import CasebookError
from app.extensions import db, login_manager

log = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def wants_json() -> bool:
    return request.path.startswith("/api/")


def init_app(app: Flask) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to continue."
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        try:
            return db.session.get(User, int(user_id))
        except ValueError:
            return None

    @app.errorhandler(CasebookError)
    def handle_casebook_error(exc: CasebookError) -> Any:
        if wants_json():
            return jsonify(exc.to_dict()), exc.status_code
        return render_template(
            "error.html", status=exc.status_code, message=exc.message
        ), exc.status_code

    @app.errorhandler(CSRFError)
    def handle_csrf(exc: CSRFError) -> Any:
        message = "Your form expired or was sent from elsewhere. Please go back and try again."
        return render_template("error.html", status=400, message=message), 400

    @app.errorhandler(HTTPException)
    def handle_http(exc: HTTPException) -> Any:
        status = exc.code or 500
        if wants_json():
            return jsonify(
                {"error": exc.name.lower().replace(" ", "_"), "message": exc.description}
            ), status
        return render_template("error.html", status=status, message=exc.description), status

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception) -> Any:
        # Log the class, the database error code or errno and the code location only:
        # exception messages may quote patient text or a statement's parameters.
        frames = traceback.extract_tb(exc.__traceback__)[-6:]
        where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in reversed(frames))
        log.error(
            "unhandled %s at %s %s (%s)", describe_error(exc), request.method, request.path, where
        )
        db.session.rollback()
        message = "Something went wrong on our side. The team has been told."
        if wants_json():
            return jsonify({"error": "internal_error", "message": message}), 500
        return render_template("error.html", status=500, message=message), 500

    @app.after_request
    def security_headers(response: Any) -> Any:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    @app.context_processor
    def template_helpers() -> dict[str, Any]:
        user = current_user._get_current_object() if current_user.is_authenticated else False

        def can(permission: str, obj: Any = None) -> bool:
            return bool(user) and policy.can(user, Permission(permission), obj)

        return {"can": can, "Permission": Permission}

    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["label"] = label


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return f"{value:%d %b %Y}".lstrip("0")


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return f"{value:%d %b %Y, %H:%M} UTC".lstrip("0")


def label(value: Any) -> str:
    text = str(getattr(value, "value", value) or "")
    return text.replace("_", " ").capitalize()
