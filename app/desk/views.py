"""The coordinator's session desk for a program."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.auth import policy
from app.cases.queries import get_visible_case
from app.desk.forms import SendForm
from app.desk.operations import (
    draft_conflicts,
    review_days,
    send_recommendations,
    session_desk,
)
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.inputs import id_value
from app.practices.queries import program_dissents
from app.programs.models import Program
from app.programs.operations import find_program

desk_blueprint = Blueprint("desk", __name__, template_folder="templates")


def _user() -> Any:
    return current_user._get_current_object()


def desk_program(slug: str) -> Program:
    """The program whose desk (or attendance) is asked for, if the user runs it."""
    program = find_program(slug)
    if program is None:
        raise NotFound("No such program.")
    policy.require_run_desk(_user(), program)
    return program


@desk_blueprint.route("/programs/<slug>/desk")
@login_required
def desk(slug: str) -> Any:
    program = desk_program(slug)
    try:
        days = review_days(request.args.get("days"))
        error = ""
    except ValidationError as exc:
        days, error = review_days(None), exc.message
    confirm = id_value(request.args.get("confirm"))
    shown = session_desk(program, actor=_user(), days=days)
    warned = next((p.case for p in shown.presented if p.case.id == confirm), None)
    return render_template(
        "desk/desk.html",
        confirm=warned,
        conflicts=draft_conflicts(warned) if warned is not None else [],
        desk=shown,
        dissents=program_dissents(_user(), program),
        days_error=error,
        typed_days=request.args.get("days", ""),
        can_manage_staff=policy.can_manage_program_staff(_user(), program),
    ), (422 if error else 200)


@desk_blueprint.route("/programs/<slug>/desk/cases/<int:case_id>/send", methods=["POST"])
@login_required
def send(slug: str, case_id: int) -> Any:
    program = desk_program(slug)
    case = get_visible_case(_user(), case_id)
    if case.program_id != program.id:
        raise NotFound("No such case in this program.")
    form = SendForm()
    publish_drafts = form.publishing()
    # As for an expert publishing: the checker's warning first, then one more click.
    if publish_drafts and not form.warned() and draft_conflicts(case):
        flash(
            f"Nothing sent for “{case.title}” yet: a draft may contradict a current best "
            "practice. See below, then publish and send anyway or ask its author.",
            "warning",
        )
        return redirect(
            url_for("desk.desk", slug=program.slug, confirm=case.id) + f"#case-{case.id}", 303
        )
    try:
        sent = send_recommendations(case, actor=_user(), publish_drafts=publish_drafts)
        db.session.commit()
    except ValidationError as exc:
        db.session.rollback()
        flash(f"Nothing sent for “{case.title}”: {exc.message}", "error")
    else:
        count = len(sent.recommendation_ids)
        flash(
            f"Sent {count} recommendation{'s' if count != 1 else ''} on “{case.title}” to "
            f"{case.presenter.display_name if case.presenter else 'the presenter'}.",
            "success",
        )
    return redirect(url_for("desk.desk", slug=program.slug) + f"#case-{case.id}", 303)
