from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from app.auth import operations
from app.auth.forms import (
    ChangePasswordForm,
    ConfirmForm,
    NewPasswordForm,
    NewTokenForm,
    SignInForm,
)
from app.common import utcnow
from app.errors import ValidationError
from app.extensions import db, limiter
from app.web import safe_redirect_target

auth_blueprint = Blueprint("auth", __name__, template_folder="templates")


def _sign_in_limit() -> str:
    return current_app.config["CASEBOOK_RATELIMIT_SIGN_IN"]


def _token_limit() -> str:
    return current_app.config["CASEBOOK_RATELIMIT_TOKENS"]


TOO_MANY = "Too many attempts from your network. Wait a minute, then try again."


_BROWSERS = [
    ("Edg/", "Edge"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
]
_SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
]


def device_label(user_agent: str) -> str:
    """A coarse, recognisable name for a browser ("Firefox on Linux"); not the full header."""
    browser = next((name for key, name in _BROWSERS if key in user_agent), None)
    system = next((name for key, name in _SYSTEMS if key in user_agent), None)
    if browser and system:
        return f"{browser} on {system}"
    if browser or system:
        return browser or system or ""
    # Any other header is the client's own text ("curl/8.5.0"): its first word's letters
    # alone name the product, so no number or name written after them is ever stored.
    words = re.findall(r"[A-Za-z]+", user_agent)
    return words[0][:20] if words else "Unknown device"


@auth_blueprint.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"], error_message=TOO_MANY)
def login() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("programs.home"))
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = operations.sign_in(
                form.email.data or "",
                form.password.data or "",
                remember=bool(form.remember.data),
                device=device_label(request.headers.get("User-Agent", "")),
            )
        except ValidationError as exc:
            db.session.commit()  # the failure counts towards the lockout
            form.form_errors.append(exc.message)
            return render_template("auth/login.html", form=form), exc.status_code
        db.session.commit()
        login_user(user, remember=bool(form.remember.data))
        flash(f"Signed in as {user.display_name}.", "success")
        return redirect(safe_redirect_target(request.args.get("next"), url_for("programs.home")))
    return render_template("auth/login.html", form=form), 200 if request.method == "GET" else 422


# What a signed-in account that must change its password may still reach.
_BEFORE_NEW_PASSWORD = frozenset({"auth.new_password", "auth.logout", "static"})


@auth_blueprint.before_app_request
def require_new_password() -> Any:
    """An account given a temporary password (by an admin) chooses its own before anything
    else in the browser. API tokens are separate credentials (an admin revokes them)."""
    if (
        current_user.is_authenticated
        and current_user.must_change_password
        and not request.path.startswith("/api/")
        and request.endpoint not in _BEFORE_NEW_PASSWORD
        and not (request.endpoint or "").endswith(".static")
    ):
        return redirect(url_for("auth.new_password"))
    return None


@auth_blueprint.route("/account/new-password", methods=["GET", "POST"])
@login_required
@limiter.limit(_sign_in_limit, methods=["POST"], error_message=TOO_MANY)
def new_password() -> Any:
    """The first page after signing in with a temporary password."""
    user = current_user._get_current_object()
    if not user.must_change_password:
        return redirect(url_for("auth.account"))
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            operations.change_password(
                user,
                form.current_password.data or "",
                form.new_password.data or "",
                form.confirm_password.data or "",
                actor=user,
            )
        except ValidationError as exc:
            db.session.rollback()
            for name, message in exc.errors.items():
                getattr(form, name).errors = [message]
            return render_template("auth/new_password.html", form=form), 422
        db.session.commit()
        flash("Password changed. Welcome to Casebook.", "success")
        return redirect(url_for("programs.home"))
    status = 200 if request.method == "GET" else 422
    return render_template("auth/new_password.html", form=form), status


@auth_blueprint.route("/sign-out", methods=["POST"])
@login_required
def logout() -> Any:
    operations.end_current_session(current_user)
    db.session.commit()
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


def _account_page(
    password_form: ChangePasswordForm | None = None,
    token_form: NewTokenForm | None = None,
    new_token: str | None = None,
    status: int = 200,
) -> Any:
    user = current_user._get_current_object()
    return render_template(
        "auth/account.html",
        sessions=operations.active_sessions(user),
        tokens=operations.list_tokens(user),
        now=utcnow(),
        password_form=password_form or ChangePasswordForm(formdata=None),
        token_form=token_form or NewTokenForm(formdata=None),
        confirm_form=ConfirmForm(),
        new_token=new_token,
    ), status


@auth_blueprint.route("/account")
@login_required
def account() -> Any:
    return _account_page()


@auth_blueprint.route("/account/password", methods=["POST"])
@login_required
@limiter.limit(_sign_in_limit, error_message=TOO_MANY)
def change_password() -> Any:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            operations.change_password(
                current_user._get_current_object(),
                form.current_password.data or "",
                form.new_password.data or "",
                form.confirm_password.data or "",
                actor=current_user._get_current_object(),
            )
        except ValidationError as exc:
            db.session.rollback()
            for name, message in exc.errors.items():
                getattr(form, name).errors = [message]
            return _account_page(password_form=form, status=422)
        db.session.commit()
        flash("Password changed. Your other sign-ins have ended.", "success")
        return redirect(url_for("auth.account"))
    return _account_page(password_form=form, status=422)


@auth_blueprint.route("/account/sessions/<int:sign_in_id>/revoke", methods=["POST"])
@login_required
def revoke_session(sign_in_id: int) -> Any:
    if ConfirmForm().validate_on_submit():
        user = current_user._get_current_object()
        operations.revoke_session(user, sign_in_id, actor=user)
        db.session.commit()
        if sign_in_id == user.current_session_id:
            logout_user()
            flash("This browser's sign-in has ended.", "info")
            return redirect(url_for("auth.login"))
        flash("That sign-in has ended.", "success")
    return redirect(url_for("auth.account"))


@auth_blueprint.route("/account/sessions/revoke-all", methods=["POST"])
@login_required
def sign_out_everywhere() -> Any:
    if ConfirmForm().validate_on_submit():
        user = current_user._get_current_object()
        ended = operations.revoke_all_sessions(user, actor=user)
        db.session.commit()
        logout_user()
        flash(f"Signed out everywhere ({ended} sign-ins ended).", "info")
        return redirect(url_for("auth.login"))
    return redirect(url_for("auth.account"))


@auth_blueprint.route("/account/tokens", methods=["POST"])
@login_required
@limiter.limit(_token_limit, error_message=TOO_MANY)
def create_token() -> Any:
    form = NewTokenForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            token = operations.create_token(
                user,
                form.name.data or "",
                days=form.days.data,
                actor=user,
                accepted=form.accepted(),
            )
        except ValidationError as exc:
            form.show_refusal(exc)  # the gate's panel, what was typed kept
            if exc.field == "name":
                form.name.errors = [form.problems.get("name", exc.message)]
            elif not form.panels:
                form.days.errors = [exc.message]
            return _account_page(token_form=form, status=422)
        db.session.commit()
        # Shown once in this answer, never put in the (readable) session cookie by a flash.
        return _account_page(new_token=token)
    return _account_page(token_form=form, status=422)


@auth_blueprint.route("/account/tokens/<int:token_id>/revoke", methods=["POST"])
@login_required
@limiter.limit(_token_limit, error_message=TOO_MANY)
def revoke_token(token_id: int) -> Any:
    if ConfirmForm().validate_on_submit():
        user = current_user._get_current_object()
        api_token = operations.get_token(token_id, actor=user)
        operations.revoke_token(api_token, actor=user)
        db.session.commit()
        flash(f"Token {api_token.prefix}… revoked.", "success")
    return redirect(url_for("auth.account"))
