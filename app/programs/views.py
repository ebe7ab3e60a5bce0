"""Program pages: the home page, a program and one of its sessions."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, current_app, render_template, request
from flask_login import current_user, login_required

from app.auth import policy
from app.cases.queries import case_counts_by_program, case_counts_by_session, session_agenda
from app.content.markdown import plain_text
from app.errors import NotFound
from app.programs.models import Program
from app.programs.operations import (
    find_program,
    get_session,
    program_sessions,
    recent_sessions,
    session_counts,
    visible_programs,
)

programs_blueprint = Blueprint("programs", __name__, template_folder="templates")


@programs_blueprint.app_template_filter("excerpt")
def excerpt(source: str | None, length: int = 180) -> str:
    """Markdown or plain text cut to about `length` characters at a word boundary."""
    text = " ".join(plain_text(source).split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def _user() -> Any:
    return current_user._get_current_object()


def _visible_program(slug: str) -> Program:
    # Unknown and private-to-others read the same, so slugs of private programs do not leak.
    program = find_program(slug)
    if program is None:
        raise NotFound("No such program.")
    policy.require_view_program(_user(), program)
    return program


@programs_blueprint.route("/")
@login_required
def home() -> Any:
    user = _user()
    programs = visible_programs(user)
    ids = [p.id for p in programs]
    sessions = recent_sessions(user, limit=10)
    return render_template(
        "programs/home.html",
        programs=programs,
        session_counts=session_counts(ids),
        case_counts=case_counts_by_program(user, ids),
        sessions=sessions,
        agenda_counts=case_counts_by_session(user, [s.id for s in sessions]),
        today=date.today(),
    )


@programs_blueprint.route("/programs/<slug>")
@login_required
def program(slug: str) -> Any:
    program = _visible_program(slug)
    page = request.args.get("page", 1, type=int) or 1
    per_page = int(current_app.config.get("CASEBOOK_PAGE_SIZE", 20))
    sessions = program_sessions(program, page, per_page)
    return render_template(
        "programs/program.html",
        program=program,
        sessions=sessions,
        agenda_counts=case_counts_by_session(_user(), [s.id for s in sessions.sessions]),
        case_count=case_counts_by_program(_user(), [program.id]).get(program.id, 0),
        today=date.today(),
    )


@programs_blueprint.route("/programs/<slug>/sessions/<int:number>")
@login_required
def session(slug: str, number: int) -> Any:
    program = _visible_program(slug)
    session = get_session(program, number)
    return render_template(
        "programs/session.html",
        program=program,
        session=session,
        agenda=session_agenda(_user(), session),
        today=date.today(),
    )
