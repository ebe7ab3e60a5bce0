"""Attendance pages: the tick list and CSV import per session, the program's credit rule
and accreditation export (coordinators), evaluations, transcripts and certificates
(participants)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.attendance.forms import (
    CreditRuleForm,
    EvaluationForm,
    ImportForm,
    attendance_form,
)
from app.attendance.models import CreditType
from app.attendance.operations import (
    ImportRefused,
    accreditation_rows,
    attendance_of,
    credit_rule,
    evaluation_results,
    import_attendance_csv,
    participants,
    record_attendance,
    set_credit_rule,
    submit_evaluation,
    transcript,
)
from app.auth import policy
from app.csvfile import csv_response
from app.desk.views import desk_program
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.inputs import bounded_date
from app.programs.models import Program, Session
from app.programs.operations import find_program, get_session, visible_programs

attendance_blueprint = Blueprint("attendance", __name__, template_folder="templates")


def _user() -> Any:
    return current_user._get_current_object()


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _period(args: Any) -> tuple[Any, Any, dict[str, str]]:
    errors: dict[str, str] = {}
    start = end = None
    try:
        start = bounded_date(args.get("from"), "from")
    except ValidationError as exc:
        errors["from"] = exc.message
    try:
        end = bounded_date(args.get("to"), "to")
    except ValidationError as exc:
        errors["to"] = exc.message
    if start and end and end < start:
        errors["to"] = "“to” must be on or after “from”."
    return start, end, errors


# ---------------------------------------------------------------- coordinators


def _render_session(
    program: Program, session: Session, *, errors=None, message="", report=None, typed=None
) -> Any:
    rows = attendance_of(session)
    if typed is None:
        typed = {
            uid: ("" if row.minutes is None else str(row.minutes)) for uid, row in rows.items()
        }
    return render_template(
        "attendance/session.html",
        program=program,
        session=session,
        people=participants(session),
        rows=rows,
        typed=typed,
        errors=errors or {},
        message=message,
        report=report,
        rule=credit_rule(program),
        evaluations=evaluation_results(session, actor=_user()),
    ), (422 if errors or message else 200)


@attendance_blueprint.route(
    "/programs/<slug>/sessions/<int:number>/attendance", methods=["GET", "POST"]
)
@login_required
def session_attendance(slug: str, number: int) -> Any:
    program = desk_program(slug)
    session = get_session(program, number)
    if request.method == "GET":
        return _render_session(program, session)
    present = attendance_form(participants(session)).present_minutes()
    try:
        record_attendance(session, present, actor=_user())
        db.session.commit()
    except ValidationError as exc:
        db.session.rollback()
        return _render_session(
            program, session, errors=exc.errors, message=exc.message, typed=present
        )
    flash(f"Attendance saved: {_count(len(present), 'participant')}.", "success")
    return redirect(url_for("attendance.session_attendance", slug=slug, number=number), 303)


@attendance_blueprint.route(
    "/programs/<slug>/sessions/<int:number>/attendance/import", methods=["POST"]
)
@login_required
def import_attendance(slug: str, number: int) -> Any:
    program = desk_program(slug)
    session = get_session(program, number)
    filename, content = ImportForm().upload()
    try:
        report = import_attendance_csv(session, content, filename=filename, actor=_user())
        db.session.commit()
    except ImportRefused as exc:
        db.session.rollback()
        return _render_session(
            program, session, errors={"file": exc.message}, message=exc.message, report=exc.report
        )
    except ValidationError as exc:
        db.session.rollback()
        return _render_session(program, session, errors={"file": exc.message}, message=exc.message)
    matched, unmatched = len(report.matched), len(report.unmatched)
    flash(
        f"Imported {report.filename}: {_count(matched, 'participant')} matched"
        + (f", {_count(unmatched, 'row')} not matched (listed below)." if unmatched else "."),
        "success",
    )
    return _render_session(program, session, report=report)


@attendance_blueprint.route("/programs/<slug>/credit", methods=["GET", "POST"])
@login_required
def credit_rule_page(slug: str) -> Any:
    program = desk_program(slug)
    rule = credit_rule(program)
    values = {
        "credit_type": str(rule.credit_type) if rule else CreditType.AMA_PRA_1.value,
        "credits_per_session": f"{rule.credits_per_session:g}" if rule else "1",
        "minimum_minutes": str(rule.minimum_minutes) if rule else "45",
        "evaluation_required": "yes" if rule and rule.evaluation_required else "no",
        "accreditation_statement": rule.accreditation_statement if rule else "",
        "signer_name": rule.signer_name if rule else "",
        "signer_title": rule.signer_title if rule else "",
    }
    errors: dict[str, str] = {}
    message = ""
    panels: dict[str, Any] = {}
    if request.method == "POST":
        form = CreditRuleForm()
        values = form.typed()
        try:
            set_credit_rule(
                program,
                credit_type=values["credit_type"],
                credits_per_session=values["credits_per_session"],
                minimum_minutes=values["minimum_minutes"],
                evaluation_required=values["evaluation_required"] == "yes",
                accreditation_statement=values["accreditation_statement"],
                signer_name=values["signer_name"],
                signer_title=values["signer_title"],
                actor=_user(),
                accepted=form.accepted(),
            )
            db.session.commit()
            flash("Credit rule saved.", "success")
            return redirect(url_for("attendance.credit_rule_page", slug=slug), 303)
        except ValidationError as exc:
            form.show_refusal(exc)
            errors, message, panels = form.problems, form.message, form.panels
    sessions = sorted(program.sessions, key=lambda s: s.date, reverse=True)[:20]
    return render_template(
        "attendance/credit.html",
        program=program,
        values=values,
        errors=errors,
        message=message,
        credit_types=[(t.value, t.label) for t in CreditType],
        sessions=sessions,
        period_errors={},
        panels=panels,
    ), (422 if errors or message else 200)


@attendance_blueprint.route("/programs/<slug>/attendance.csv")
@login_required
def export_csv(slug: str) -> Any:
    program = desk_program(slug)
    start, end, errors = _period(request.args)
    if errors:
        return {
            "error": "validation_error",
            "message": next(iter(errors.values())),
            "errors": errors,
        }, 422
    rows = accreditation_rows(program, actor=_user(), start=start, end=end)
    return csv_response(f"{program.slug}-attendance.csv", None, rows)


# ---------------------------------------------------------------- participants


@attendance_blueprint.route(
    "/programs/<slug>/sessions/<int:number>/evaluation", methods=["GET", "POST"]
)
@login_required
def evaluation(slug: str, number: int) -> Any:
    program = find_program(slug)
    if program is None:
        raise NotFound("No such program.")
    policy.require_view_program(_user(), program)
    session = get_session(program, number)
    if _user().id not in attendance_of(session):
        raise NotFound("You are not on this session's attendance list.")
    form = EvaluationForm()
    values = {"rating": form.rating.data, "will_change_practice": form.will_change_practice.data}
    errors: dict[str, str] = {}
    message = ""
    if request.method == "POST":
        try:
            submit_evaluation(
                session,
                actor=_user(),
                rating=form.rating.data,
                will_change_practice=form.will_change(),
            )
            db.session.commit()
            flash("Thank you: evaluation recorded.", "success")
            return redirect(url_for("attendance.my_transcript"), 303)
        except ValidationError as exc:
            db.session.rollback()
            errors, message = exc.errors, exc.message
    return render_template(
        "attendance/evaluation.html",
        program=program,
        session=session,
        values=values,
        errors=errors,
        message=message,
    ), (422 if errors else 200)


def _transcript_filters() -> tuple[Program | None, Any, Any, dict[str, str]]:
    start, end, errors = _period(request.args)
    program = None
    slug = request.args.get("program", "").strip()
    if slug:
        program = find_program(slug)
        if program is None or not policy.can_view_program(_user(), program):
            errors["program"] = "Choose one of your programs."
            program = None
    return program, start, end, errors


@attendance_blueprint.route("/my/transcript")
@login_required
def my_transcript() -> Any:
    program, start, end, errors = _transcript_filters()
    lines = [] if errors else transcript(_user(), program=program, start=start, end=end)
    return _render_transcript(lines, program, errors)


def _render_transcript(lines: list[Any], program: Program | None, errors: dict[str, str]) -> Any:
    return render_template(
        "attendance/transcript.html",
        lines=lines,
        total=sum(line.credits for line in lines),
        programs=visible_programs(_user()),
        program=program,
        args=request.args,
        errors=errors,
    ), (422 if errors else 200)


@attendance_blueprint.route("/my/certificate")
@login_required
def certificate() -> Any:
    user = _user()
    program, start, end, errors = _transcript_filters()
    if program is None and not errors:
        errors["program"] = "Choose the program (series) the certificate is for."
    if errors:
        return _render_transcript([], program, errors)
    assert program is not None  # else errors names it
    lines = [
        line for line in transcript(user, program=program, start=start, end=end) if line.credits
    ]
    return render_template(
        "attendance/certificate.html",
        user=user,
        program=program,
        rule=credit_rule(program),
        lines=lines,
        total=sum(line.credits for line in lines),
        start=start or (lines[0].session.date if lines else None),
        end=end or (lines[-1].session.date if lines else None),
    )
