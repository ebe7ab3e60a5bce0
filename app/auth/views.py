from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from app.auth.forms import SignInForm
from app.auth.operations import authenticate
from app.extensions import db
from app.web import safe_redirect_target

auth_blueprint = Blueprint("auth", __name__, template_folder="templates")


@auth_blueprint.route("/sign-in", methods=["GET", "POST"])
def login() -> Any:
    if current_user.is_authenticated:
        return redirect(url_for("programs.home"))
    form = SignInForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data or "", form.password.data or "")
        if user is not None:
            db.session.commit()
            login_user(user, remember=bool(form.remember.data))
            flash(f"Signed in as {user.display_name}.", "success")
            return redirect(
                safe_redirect_target(request.args.get("next"), url_for("programs.home"))
            )
        db.session.rollback()
        form.form_errors.append("The email or the password is not right. Check both and try again.")
    return render_template("auth/login.html", form=form), 200 if request.method == "GET" else 422


@auth_blueprint.route("/sign-out", methods=["POST"])
@login_required
def logout() -> Any:
    logout_user()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))
