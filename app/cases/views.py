"""Case pages: the case, the case form, my cases, the review queue, scheduling, outcomes.

Views parse the form, call one operation from app.cases.lifecycle (or recommendations),
commit, flash and redirect; on a user error they show the form again with what was typed.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required
from sqlalchemy import select

from app.auth import policy
from app.auth.policy import Permission, Viewer, permission_required
from app.cases import lifecycle
from app.cases.forms import (
    SEX_CHOICES,
    CaseActionForm,
    CaseForm,
    PurgeForm,
    ReturnForm,
    ScheduleForm,
    WithdrawForm,
    case_form,
    form_for_follow_up,
    form_from_case,
    outcomes_form,
)
from app.cases.models import Case, CaseStatus, WithdrawalReason
from app.cases.operations import saved_cues, saved_texts
from app.cases.queries import (
    CASE_PAGE_LOADS,
    case_page,
    case_timeline,
    get_visible_case,
    get_visible_case_and_family,
    my_case_counts,
    my_cases_stmt,
    review_queue_stmt,
    withdrawn_cases_stmt,
)
from app.common import today
from app.deid.gate import ACCEPT_REASONS, scanning_once
from app.deid.operations import overrides_for, overrides_for_each
from app.deid.purge import PurgeReason, purge_text
from app.deid.web import refusal_advice, risk_panel
from app.diagnostics import describe_error
from app.errors import NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.outdated.operations import named_practice_ids, patient_notices
from app.pagination import page_number, paginate
from app.practices.queries import practices_citing_each
from app.programs import calendar
from app.programs.models import Program, Session
from app.programs.operations import find_program
from app.recommendations.models import Adoption, PatientStatus, RecommendationStatus
from app.search import similar_cases
from app.web import safe_redirect_target

log = logging.getLogger(__name__)
cases_blueprint = Blueprint("cases", __name__, template_folder="templates")


@cases_blueprint.record_once
def _template_globals(state: Any) -> None:
    state.app.jinja_env.globals["deid_reasons"] = list(ACCEPT_REASONS.items())
    state.app.jinja_env.globals["deid_reason_labels"] = ACCEPT_REASONS
    state.app.jinja_env.globals["deid_advice"] = refusal_advice
    state.app.jinja_env.filters["zip_pairs"] = lambda items: [(i, i) for i in items]


def _user() -> Any:
    return current_user._get_current_object()


def _page_number() -> int:
    return page_number(request.args.get("page"))


def _per_page() -> int:
    return int(current_app.config.get("CASEBOOK_PAGE_SIZE", 20))


def _program(slug: str) -> Program:
    program = find_program(slug)
    if program is None:
        raise NotFound("No such program.")
    policy.require_view_program(_user(), program)
    return program


def _session_of(case: Case, session_id: int) -> Session:
    session = db.session.get(Session, session_id)
    if session is None or session.program_id != case.program_id:
        raise NotFound("No such session in this program.")
    return session


@cases_blueprint.app_context_processor
def _lifecycle_helpers() -> dict[str, Any]:
    """`presentable(session)` for the "Mark presented" buttons on case and session pages."""
    return {"presentable": calendar.presentable}


# ---------------------------------------------------------------- the case page


@cases_blueprint.route("/cases/<int:case_id>")
@login_required
def case(case_id: int) -> Any:
    user = _user()
    case, family = get_visible_case_and_family(user, case_id, loads=CASE_PAGE_LOADS)
    page = case_page(user, case)
    drafts = [
        r
        for r in case.recommendations
        if r.status is RecommendationStatus.DRAFT and policy.can_edit_recommendation(user, r)
    ]
    overrides = (
        overrides_for("cases", case.id) if policy.can_see_kept_identifiers(user, case) else []
    )
    # the re-identification warning, for the presenter and the reviewing coordinator
    show_risk = policy.can_see_deid_risk(user, case)
    practice_changes = patient_notices(user, case, family)
    return render_template(
        "cases/case.html",
        page=page,
        risk=risk_panel(saved_texts(case), saved_cues(case)) if show_risk else None,
        similar=_similar_cases(user, case.id),
        today=today(),
        drafts=drafts,
        overrides=overrides,
        cited_by=practices_citing_each(page.recommendations, user),
        practice_changes=practice_changes,
        shown_practices=policy.visible_practice_ids(user, named_practice_ids(practice_changes)),
        review_comments=case.review_comments if policy.can_see_review(user, case) else [],
        timeline=case_timeline(user, case, url_for=url_for, family=family),
        can_edit=policy.can_edit_case(user, case),
        can_purge=policy.can_purge_text(user),
        purge_reasons=list(PurgeReason),
        can_withdraw=policy.can_withdraw_case(user, case),
        can_restore=policy.can_restore_case(user, case),
        withdrawal_reasons=[(r.value, r.label) for r in WithdrawalReason],
        can_submit=policy.can_submit_case(user, case),
        can_recall=policy.can_recall_case(user, case),
        can_present_follow_up=policy.can_present_follow_up(user, case),
        can_record_outcomes=(
            case.follows is not None
            and page.follows is not None
            and policy.can_record_outcome(user, case)
            and any(
                r.status is RecommendationStatus.PUBLISHED for r in case.follows.recommendations
            )
        ),
    )


def _similar_cases(user: Viewer, case_id: int) -> list[Any]:
    """Similar past cases are a help, not the page: if search fails, show the case anyway.
    A refusal (the case is not the user's to see) is not a failure: it goes through."""
    try:
        return similar_cases(user, case_id=case_id, limit=5)
    except (NotFound, PermissionDenied):
        raise
    except Exception as exc:  # noqa: BLE001 - logged; the case page must not fail
        log.warning("similar cases unavailable (%s)", describe_error(exc))
        return []


# ---------------------------------------------------------------- the case form


def _render_form(
    program: Program,
    form: CaseForm,
    *,
    action: str,
    case: Case | None = None,
    follows: Case | None = None,
) -> Any:
    return (
        render_template(
            "cases/form.html",
            program=program,
            form_sections=form.template_sections,
            form_fields=form.template_fields,
            form=form,
            action=action,
            case=case,
            follows=follows,
            sex_choices=SEX_CHOICES,
            similar=_similar_for_form(case or follows),
            # what to change, beside the form where it is changed
            review_comments=(
                case.review_comments
                if case is not None and case.status is CaseStatus.RETURNED
                else []
            ),
        ),
        form.status,
    )


def _similar_for_form(case: Case | None) -> list[Any] | None:
    """Similar past cases for the case being written, from its saved (gate-checked) text;
    None before the first save, so unchecked text never goes anywhere."""
    if case is None:
        return None
    return _similar_cases(_user(), case.id)


def _submit_after_save(case: Case, form: CaseForm, action: str) -> Any:
    """Second half of "save and submit": the draft is kept even when it is not complete."""
    user = _user()
    try:
        lifecycle.submit_case(case, actor=user)
    except ValidationError as exc:
        db.session.rollback()
        form.problems = dict(exc.errors) or {exc.field or "form": exc.message}
        form.message = f"Your draft is saved, but it cannot be submitted yet. {exc.message}"
        return _render_form(case.program, form, action=action, case=case)
    db.session.commit()
    flash("Case submitted for review. A coordinator will approve it or send it back.", "success")
    return redirect(url_for("cases.case", case_id=case.id), 303)


@cases_blueprint.route("/programs/<slug>/cases/new", methods=["GET", "POST"])
@permission_required(Permission.SUBMIT_CASE)
def new_case(slug: str) -> Any:
    program = _program(slug)
    policy.require(_user(), Permission.SUBMIT_CASE, program)
    return _new(program, url_for("cases.new_case", slug=slug), case_form(program), follows=None)


@cases_blueprint.route("/cases/<int:case_id>/follow-up", methods=["GET", "POST"])
@permission_required(Permission.SUBMIT_CASE)
def new_follow_up(case_id: int) -> Any:
    earlier = get_visible_case(_user(), case_id)
    action = url_for("cases.new_follow_up", case_id=case_id)
    if earlier.status not in (CaseStatus.RECOMMENDATIONS_PUBLISHED, CaseStatus.CLOSED):
        flash(
            "A follow-up can be presented once the first presentation has recommendations.",
            "error",
        )
        return redirect(url_for("cases.case", case_id=case_id), 303)
    return _new(earlier.program, action, form_for_follow_up(earlier), follows=earlier)


def _new(program: Program, action: str, form: CaseForm, *, follows: Case | None) -> Any:
    if form.validate_on_submit():
        try:
            case = lifecycle.draft_case(
                program,
                form.case_data(),
                presenter=_user(),
                follows=follows,
                accepted=form.accepted(),
            )
            db.session.commit()
        except ValidationError as exc:
            form.show_refusal(exc)
        else:
            if form.action.data == "submit":
                return _submit_after_save(case, form, url_for("cases.edit_case", case_id=case.id))
            flash("Draft saved. Only you can see it until you submit it for review.", "success")
            return redirect(url_for("cases.case", case_id=case.id), 303)
    return _render_form(program, form, action=action, follows=follows)


@cases_blueprint.route("/cases/<int:case_id>/edit", methods=["GET", "POST"])
@login_required
def edit_case(case_id: int) -> Any:
    user = _user()
    case = get_visible_case(user, case_id)
    policy.require_edit_case(user, case)
    action = url_for("cases.edit_case", case_id=case_id)
    form = form_from_case(case)
    if form.validate_on_submit():
        try:
            lifecycle.edit_case(case, form.case_data(), actor=user, accepted=form.accepted())
            db.session.commit()
        except ValidationError as exc:
            form.show_refusal(exc)
        else:
            if form.action.data == "submit" and case.status in (
                CaseStatus.DRAFT,
                CaseStatus.RETURNED,
            ):
                return _submit_after_save(case, form, action)
            flash("Changes saved.", "success")
            return redirect(url_for("cases.case", case_id=case.id), 303)
    return _render_form(case.program, form, action=action, case=case)


# ---------------------------------------------------------------- status changes


def _case_action(case_id: int, run: Any, done: str) -> Any:
    """Run a status change from a button; an illegal one comes back as a message."""
    case = get_visible_case(_user(), case_id)
    form = CaseActionForm()
    try:
        run(case)
        db.session.commit()
        flash(done, "success")
    except ValidationError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    target = safe_redirect_target(form.next.data, url_for("cases.case", case_id=case.id))
    return redirect(target, 303)


@cases_blueprint.route("/cases/<int:case_id>/submit", methods=["POST"])
@login_required
def submit_case(case_id: int) -> Any:
    return _case_action(
        case_id,
        lambda c: lifecycle.submit_case(c, actor=_user()),
        "Case submitted for review. A coordinator will approve it or send it back.",
    )


@cases_blueprint.route("/cases/<int:case_id>/recall", methods=["POST"])
@login_required
def recall_case(case_id: int) -> Any:
    return _case_action(
        case_id,
        lambda c: lifecycle.recall_case(c, actor=_user()),
        "Case taken back: it is a draft again, visible only to you.",
    )


@cases_blueprint.route("/cases/<int:case_id>/withdrawal", methods=["POST"])
@login_required
def withdraw_case(case_id: int) -> Any:
    """Withdraw the case: the reader is sent to the case page when they may still see it."""
    user = _user()
    case = get_visible_case(user, case_id)
    policy.require_withdraw_case(user, case)
    back = url_for("cases.case", case_id=case.id)
    form = WithdrawForm()
    if not form.confirm.data:
        flash("Nothing withdrawn: tick the box to confirm the withdrawal.", "error")
        return redirect(back, 303)
    try:
        lifecycle.withdraw_case(case, form.reason.data, actor=user)
        db.session.commit()
    except ValidationError as exc:
        db.session.rollback()
        flash(f"Nothing withdrawn: {exc.message}", "error")
        return redirect(back, 303)
    flash("Case withdrawn: it no longer shows in lists, search or figures.", "success")
    if policy.can_view_case(user, case):
        return redirect(back, 303)
    return redirect(url_for("programs.home"), 303)


@cases_blueprint.route("/cases/<int:case_id>/restore", methods=["POST"])
@login_required
def restore_case(case_id: int) -> Any:
    return _case_action(
        case_id,
        lambda c: lifecycle.restore_case(c, actor=_user()),
        "Case restored: it shows in lists and search again.",
    )


@cases_blueprint.route("/cases/<int:case_id>/purge", methods=["POST"])
@login_required
def purge_case_text(case_id: int) -> Any:
    """An admin replaces a span carrying an identifier by [REDACTED] everywhere it lives."""
    user = _user()
    policy.require_purge_text(user)  # refused before anything is looked up
    case = get_visible_case(user, case_id)
    form = PurgeForm()
    try:
        result = purge_text(case, form.text.data, reason=form.reason.data, actor=user)
    except ValidationError as exc:
        db.session.rollback()
        flash(f"Nothing purged: {exc.message}", "error")
    else:
        done = f"Purged {result.occurrences} occurrences from {len(set(result.places))} places"
        if leftovers := result.leftovers():
            flash(f"{done}. {' '.join(leftovers)}", "warning")
        else:
            flash(
                f"{done}; the search index and the database files no longer hold the text.",
                "success",
            )
    return redirect(url_for("cases.case", case_id=case.id), 303)


@cases_blueprint.route("/cases/<int:case_id>/approve", methods=["POST"])
@permission_required(Permission.REVIEW_CASE)
def approve_case(case_id: int) -> Any:
    return _case_action(
        case_id,
        lambda c: lifecycle.approve_case(c, actor=_user()),
        "Case approved. Schedule it into a session next.",
    )


@cases_blueprint.route("/cases/<int:case_id>/close", methods=["POST"])
@permission_required(Permission.REVIEW_CASE)
def close_case(case_id: int) -> Any:
    return _case_action(case_id, lambda c: lifecycle.close_case(c, actor=_user()), "Case closed.")


@cases_blueprint.route("/cases/<int:case_id>/return", methods=["GET", "POST"])
@permission_required(Permission.REVIEW_CASE)
def return_case(case_id: int) -> Any:
    user = _user()
    case = get_visible_case(user, case_id)
    policy.require(user, Permission.REVIEW_CASE, case)
    form = ReturnForm()
    if form.validate_on_submit():
        try:
            lifecycle.return_case(case, form.comment.data, actor=user, accepted=form.accepted())
            db.session.commit()
        except ValidationError as exc:
            form.show_refusal(exc)
        else:
            flash("Case returned to its presenter with your comments.", "success")
            return redirect(url_for("cases.review_queue"), 303)
    return render_template(
        "cases/return.html",
        case=case,
        form=form,
        comment=form.comment.data,
        errors=form.problems,
        message=form.message,
        panels=form.panels,
    ), form.status


@cases_blueprint.route("/cases/<int:case_id>/schedule", methods=["GET", "POST"])
@permission_required(Permission.MANAGE_SESSIONS)
def schedule_case(case_id: int) -> Any:
    user = _user()
    case = get_visible_case(user, case_id)
    policy.require(user, Permission.MANAGE_SESSIONS, case)
    errors: dict[str, str] = {}
    form = ScheduleForm()
    chosen = form.session_id.data
    if form.validate_on_submit():
        session = None
        if (session_id := form.session()) is not None:
            session = db.session.get(Session, session_id)
        if session is None or session.program_id != case.program_id:
            errors["session_id"] = "Choose one of this program's sessions."
        else:
            try:
                lifecycle.schedule_case(case, session, actor=user)
                db.session.commit()
                flash(f"Scheduled into session {session.number} ({session.date}).", "success")
                return redirect(url_for("cases.case", case_id=case.id), 303)
            except ValidationError as exc:
                db.session.rollback()
                errors[exc.field if exc.field == "session_id" else "session_id"] = exc.message
    # past sessions are refused by schedule_case, so they are not offered
    sessions = sorted(
        (s for s in case.program.sessions if not calendar.session_over(s)), key=lambda s: s.date
    )
    return render_template(
        "cases/schedule.html",
        case=case,
        sessions=sessions,
        errors=errors,
        chosen=chosen,
        today=today(),
    ), (422 if errors else 200)


@cases_blueprint.route("/cases/<int:case_id>/sessions/<int:session_id>/presented", methods=["POST"])
@permission_required(Permission.MANAGE_SESSIONS)
def mark_presented(case_id: int, session_id: int) -> Any:
    case = get_visible_case(_user(), case_id)
    session = _session_of(case, session_id)
    return _case_action(
        case_id,
        lambda c: lifecycle.mark_presented(c, session, actor=_user()),
        "Marked as presented. Experts can now publish their recommendations.",
    )


@cases_blueprint.route(
    "/cases/<int:case_id>/sessions/<int:session_id>/unschedule", methods=["POST"]
)
@permission_required(Permission.MANAGE_SESSIONS)
def unschedule_case(case_id: int, session_id: int) -> Any:
    case = get_visible_case(_user(), case_id)
    session = _session_of(case, session_id)
    return _case_action(
        case_id,
        lambda c: lifecycle.unschedule_case(c, session, actor=_user()),
        f"Removed from the agenda of session {session.number}.",
    )


# ---------------------------------------------------------------- lists


@cases_blueprint.route("/my/cases")
@permission_required(Permission.SUBMIT_CASE)
def my_cases() -> Any:
    user = _user()
    status = request.args.get("status", "")
    if status and status not in {s.value for s in CaseStatus}:
        status = ""
    pager = paginate(my_cases_stmt(user, status or None), _page_number(), _per_page())
    return render_template(
        "cases/my_cases.html",
        pager=pager,
        status=status,
        counts=my_case_counts(user),
        statuses=list(CaseStatus),
        programs=[
            p
            for p in db.session.scalars(select(Program).order_by(Program.name))
            if policy.can(user, Permission.SUBMIT_CASE, p)
        ],
    )


@cases_blueprint.route("/review")
@permission_required(Permission.REVIEW_CASE)
def review_queue() -> Any:
    user = _user()
    pager = paginate(review_queue_stmt(user, [CaseStatus.SUBMITTED]), _page_number(), _per_page())
    ready = list(db.session.scalars(review_queue_stmt(user, [CaseStatus.APPROVED]).limit(50)))
    returned = list(db.session.scalars(review_queue_stmt(user, [CaseStatus.RETURNED]).limit(50)))
    withdrawn = list(db.session.scalars(withdrawn_cases_stmt(user).limit(50)))
    return render_template(
        "cases/review_queue.html",
        pager=pager,
        overrides=overrides_for_each("cases", [c.id for c in pager.items]),
        ready=[c for c in ready if not c.presentations],
        scheduled=[c for c in ready if c.presentations],
        returned=returned,
        withdrawn=withdrawn,
    )


# ---------------------------------------------------------------- outcomes at a follow-up


@cases_blueprint.route("/cases/<int:case_id>/outcomes", methods=["GET", "POST"])
@permission_required(Permission.RECORD_OUTCOME)
def record_outcomes(case_id: int) -> Any:
    user = _user()
    follow_up = get_visible_case(user, case_id)
    policy.require_record_outcome(user, follow_up)
    earlier = follow_up.follows
    if earlier is None or not policy.can_view_case(user, earlier):
        raise NotFound("This case is not a follow-up of a case you can see.")
    recommendations = [
        r for r in earlier.recommendations if r.status is RecommendationStatus.PUBLISHED
    ]
    form = outcomes_form(recommendations, {o.recommendation_id: o for o in follow_up.outcomes})
    if form.validate_on_submit():
        # the notes that passed the gate before one was refused are shown without a rescan
        with scanning_once():
            try:
                lifecycle.record_outcomes(
                    follow_up, form.entries(), actor=user, accepted=form.accepted()
                )
                db.session.commit()
            except ValidationError as exc:
                form.show_refusal(exc)
            else:
                flash("Outcomes recorded.", "success")
                return redirect(url_for("cases.case", case_id=follow_up.id), 303)
    return render_template(
        "cases/outcomes.html",
        case=follow_up,
        earlier=earlier,
        recommendations=recommendations,
        form=form,
        values=form.values(),
        errors=form.problems,
        message=form.message,
        panels=form.panels,
        adoptions=[(a.value, a.value.replace("_", " ").capitalize()) for a in Adoption],
        patient_statuses=[(p.value, p.value.capitalize()) for p in PatientStatus],
    ), form.status
