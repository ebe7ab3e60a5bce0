"""Invitations in the browser: the admin's list (invite, send again, revoke) and the page
where an invitee chooses a password. Mail goes out after the commit."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user

from app import mail
from app.admin import operations as admin_ops
from app.auth import invitations as ops
from app.auth.forms import AcceptInvitationForm, AccountForm
from app.auth.models import Role
from app.auth.operations import start_session
from app.auth.policy import Permission, permission_required
from app.common import utcnow
from app.errors import Conflict, ValidationError
from app.extensions import db, limiter

invitations_blueprint = Blueprint("invitations", __name__, template_folder="templates")

ROLE_OPTIONS = [(r.value, r.label) for r in Role]


def _user() -> Any:
    return current_user._get_current_object()


def _list_page(
    typed: dict[str, Any], errors: dict[str, str], message: str = "", status: int = 200
) -> Any:
    user = _user()
    return render_template(
        "invitations/admin.html",
        invitations=ops.pending_invitations(user),
        values=typed,
        errors=errors,
        message=message,
        roles=ROLE_OPTIONS,
        programs=[(p.slug, p.name) for p in admin_ops.all_programs(user)],
        delivery_on=mail.delivery_on(),
        now=utcnow(),
    ), status


def _delivered(issued: ops.Issued) -> Any:
    """Commit, then mail the link; the page says what happened (the link shows only when it
    was not mailed, in this answer alone: never in a flash or a log)."""
    invitation_id = issued.invitation.id
    account_id = issued.invitation.user_id
    email = issued.invitation.user.email
    db.session.commit()
    outcome = mail.send(issued.message)
    if outcome is mail.Delivery.SENT:
        ops.mark_sent(invitation_id)
        db.session.commit()
    return render_template(
        "invitations/sent.html",
        outcome=outcome.value,
        link=issued.link if outcome is not mail.Delivery.SENT else None,
        email=email,
        account_id=account_id,
        invitation_id=invitation_id,
    )


@invitations_blueprint.route("/admin/invitations", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_USERS)
def admin_invitations() -> Any:
    if request.method == "GET":
        return _list_page({"role": "provider", "programs": []}, {})
    typed = AccountForm().typed()
    try:
        issued = ops.invite(
            _user(),
            typed["email"],
            typed["display_name"],
            typed["role"],
            program_slugs=typed["programs"],
        )
    except ValidationError as exc:
        db.session.rollback()
        return _list_page(typed, exc.errors or {}, exc.message, 422)
    except Conflict as exc:
        db.session.rollback()
        return _list_page(typed, {exc.field or "email": exc.message}, exc.message, 409)
    return _delivered(issued)


@invitations_blueprint.route("/admin/invitations/<int:invitation_id>/resend", methods=["POST"])
@permission_required(Permission.MANAGE_USERS)
def resend(invitation_id: int) -> Any:
    user = _user()
    try:
        issued = ops.resend(user, ops.get_invitation(user, invitation_id))
    except Conflict as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return redirect(url_for("invitations.admin_invitations"), 303)
    return _delivered(issued)


@invitations_blueprint.route("/admin/invitations/<int:invitation_id>/revoke", methods=["POST"])
@permission_required(Permission.MANAGE_USERS)
def revoke(invitation_id: int) -> Any:
    user = _user()
    invitation = ops.get_invitation(user, invitation_id)
    email = invitation.user.email
    try:
        changed = ops.revoke(user, invitation)
    except Conflict as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return redirect(url_for("invitations.admin_invitations"), 303)
    db.session.commit()
    flash(
        f"The invitation to {email} was revoked: its link no longer works."
        if changed
        else f"The invitation to {email} was not pending.",
        "success" if changed else "info",
    )
    return redirect(url_for("invitations.admin_invitations"), 303)


def _accept_limit() -> str:
    from flask import current_app

    return current_app.config["CASEBOOK_RATELIMIT_SIGN_IN"]


@invitations_blueprint.route("/invitations/<token>", methods=["GET", "POST"])
@limiter.limit(_accept_limit, methods=["POST"])
def accept(token: str) -> Any:
    """The invitee chooses a password and is signed in."""
    if current_user.is_authenticated and request.method == "GET":
        flash("You are signed in already: sign out to accept an invitation.", "info")
        return redirect(url_for("programs.home"))
    try:
        invitation = ops.open_invitation(token)
    except ops.InvitationRefused as exc:
        return render_template("invitations/refused.html", message=exc.message), 404
    if request.method == "GET":
        return render_template("invitations/accept.html", account=invitation.user, errors={})
    try:
        form = AcceptInvitationForm()
        user = ops.accept(token, form.password.data, form.confirm_password.data)
    except ValidationError as exc:
        db.session.rollback()
        invitation = ops.open_invitation(token)
        return render_template(
            "invitations/accept.html",
            account=invitation.user,
            errors=exc.errors or {"password": exc.message},
        ), 422
    from app.auth.views import device_label

    start_session(user, remember=False, device=device_label(request.headers.get("User-Agent", "")))
    db.session.commit()
    login_user(user)
    flash(f"Welcome to Casebook, {user.display_name}: your password is set.", "success")
    return redirect(url_for("programs.home"), 303)
