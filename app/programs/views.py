"""Program pages: the home page, a program and one of its sessions."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from app.auth import policy
from app.auth.policy import Permission, permission_required
from app.cases.queries import case_counts_by_program, case_counts_by_session, session_agenda
from app.common import today
from app.content.markdown import plain_line
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.pagination import page_number
from app.programs.forms import AgendaForm, SessionForm
from app.programs.models import Program
from app.programs.operations import (
    create_session,
    find_program,
    get_session,
    program_sessions,
    recent_sessions,
    session_counts,
    update_session,
    visible_programs,
)

programs_blueprint = Blueprint("programs", __name__, template_folder="templates")


@programs_blueprint.app_template_filter("excerpt")
def excerpt(source: str | None, length: int = 180) -> str:
    """Markdown or plain text cut to about `length` characters at a word boundary."""
    text = plain_line(source)
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
        today=today(),
    )


@programs_blueprint.route("/programs/<slug>")
@login_required
def program(slug: str) -> Any:
    program = _visible_program(slug)
    page = page_number(request.args.get("page"))
    per_page = int(current_app.config.get("CASEBOOK_PAGE_SIZE", 20))
    sessions = program_sessions(program, page, per_page)
    return render_template(
        "programs/program.html",
        program=program,
        sessions=sessions,
        agenda_counts=case_counts_by_session(_user(), [s.id for s in sessions.items]),
        case_count=case_counts_by_program(_user(), [program.id]).get(program.id, 0),
        today=today(),
    )


@programs_blueprint.route("/programs/<slug>/sessions/<int:number>")
@login_required
def session(slug: str, number: int) -> Any:
    program = _visible_program(slug)
    session = get_session(program, number)
    agenda = session_agenda(_user(), session)
    schedulable = []
    if policy.can(_user(), Permission.MANAGE_SESSIONS, program):
        from app.cases.models import Case, CaseStatus

        on_agenda = {item.case.id for item in agenda}
        # The program's approved cases only, not every case it ever had.
        approved = db.session.scalars(
            select(Case)
            .where(
                Case.program_id == program.id,
                Case.status == CaseStatus.APPROVED,
                Case.withdrawn_at.is_(None),
            )
            .order_by(Case.id)
        )
        schedulable = [c for c in approved if c.id not in on_agenda]
    return render_template(
        "programs/session.html",
        program=program,
        session=session,
        agenda=agenda,
        schedulable=schedulable,
        today=today(),
    )


# ---------------------------------------------------------------- managing sessions


def _session_form(
    program: Program,
    session: Any,
    typed: dict[str, Any],
    errors: dict[str, str],
    message: str = "",
    panels: dict[str, Any] | None = None,
) -> Any:
    return render_template(
        "programs/session_form.html",
        program=program,
        session=session,
        values=typed,
        errors=errors,
        message=message,
        panels=panels or {},
    ), (422 if errors or message else 200)


@programs_blueprint.route("/programs/<slug>/sessions/new", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_SESSIONS)
def new_session(slug: str) -> Any:
    program = _visible_program(slug)
    policy.require(_user(), Permission.MANAGE_SESSIONS, program)
    if request.method == "GET":
        return _session_form(program, None, {"date": "", "title": ""}, {})
    form = SessionForm()
    changes, errors = form.changes()
    if errors:
        return _session_form(program, None, form.typed(), errors, next(iter(errors.values())))
    try:
        session = create_session(
            program,
            changes["date"],
            title=changes["title"],
            didactic_topic=changes["didactic_topic"],
            didactic_presenter=changes["didactic_presenter"],
            attendance_count=changes["attendance_count"],
            notes=changes["notes"],
            topics=form.topic_names(),
            actor=_user(),
            accepted=form.accepted(),
        )
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        return _session_form(program, None, form.typed(), form.problems, form.message, form.panels)
    flash(f"Session {session.number} created. Schedule approved cases into it.", "success")
    return redirect(url_for("programs.session", slug=slug, number=session.number), 303)


@programs_blueprint.route("/programs/<slug>/sessions/<int:number>/edit", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_SESSIONS)
def edit_session(slug: str, number: int) -> Any:
    program = _visible_program(slug)
    policy.require(_user(), Permission.MANAGE_SESSIONS, program)
    session = get_session(program, number)
    if request.method == "GET":
        typed = {
            "date": session.date.isoformat(),
            "title": session.title,
            "didactic_topic": session.didactic_topic,
            "didactic_presenter": session.didactic_presenter,
            "attendance_count": ""
            if session.attendance_count is None
            else session.attendance_count,
            "notes": session.notes,
            "topics": ", ".join(t.name for t in session.topics),
        }
        return _session_form(program, session, typed, {})
    form = SessionForm()
    changes, errors = form.changes()
    if not changes["title"]:
        errors.setdefault("title", "Title is required.")
    if errors:
        return _session_form(program, session, form.typed(), errors, next(iter(errors.values())))
    try:
        changed = update_session(
            session,
            actor=_user(),
            accepted=form.accepted(),
            topics=form.topic_names(),
            **changes,
        )
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        return _session_form(
            program, session, form.typed(), form.problems, form.message, form.panels
        )
    flash("Session saved." if changed else "Nothing changed.", "success" if changed else "info")
    return redirect(url_for("programs.session", slug=slug, number=number), 303)


@programs_blueprint.route("/programs/<slug>/sessions/<int:number>/agenda", methods=["POST"])
@permission_required(Permission.MANAGE_SESSIONS)
def add_to_agenda(slug: str, number: int) -> Any:
    from app.cases.lifecycle import schedule_case
    from app.cases.queries import get_visible_case

    program = _visible_program(slug)
    session = get_session(program, number)
    case_id = AgendaForm().case()
    if case_id is None:
        flash("Choose an approved case to add.", "error")
        return redirect(url_for("programs.session", slug=slug, number=number), 303)
    case = get_visible_case(_user(), case_id)
    try:
        schedule_case(case, session, actor=_user())
        db.session.commit()
        flash(f"“{case.title}” added to the agenda.", "success")
    except ValidationError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    return redirect(url_for("programs.session", slug=slug, number=number), 303)


@programs_blueprint.route("/sessions/upcoming")
@login_required
def upcoming() -> Any:
    """Sessions from today on, with the cases on their agendas; and, for experts, presented
    cases still waiting for recommendations."""
    from sqlalchemy import select

    from app.cases.models import Case, CaseStatus
    from app.programs.models import Session

    user = _user()
    day = today()
    programs = visible_programs(user)
    ids = [p.id for p in programs]
    sessions = list(
        db.session.scalars(
            select(Session)
            .where(Session.program_id.in_(ids), Session.date >= day)
            .order_by(Session.date, Session.number)
            .limit(30)
        )
    )
    waiting = []
    if policy.has_permission(user, Permission.WRITE_RECOMMENDATION):
        waiting = list(
            db.session.scalars(
                select(Case)
                .where(
                    Case.program_id.in_(ids),
                    Case.status == CaseStatus.PRESENTED,
                    Case.withdrawn_at.is_(None),
                )
                .order_by(Case.updated_at.desc(), Case.id.desc())
                .limit(50)
            )
        )
    return render_template(
        "programs/upcoming.html",
        sessions=sessions,
        agendas={s.id: session_agenda(user, s) for s in sessions},
        waiting=waiting,
        today=day,
        programs=[p for p in programs if policy.can(user, Permission.MANAGE_SESSIONS, p)],
    )
