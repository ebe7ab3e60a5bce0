"""Best practice pages: the list, a practice with its timeline and outcomes, proposing one from
recommendations (with related recommendations offered as evidence), edits with versions,
status changes, endorsements, and the candidate groups."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.auth import policy
from app.auth.policy import Permission, permission_required
from app.cases.models import Case
from app.csvfile import csv_response
from app.deid.forms import GatedForm
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.inputs import id_value
from app.pagination import page_number
from app.practices import queries
from app.practices.forms import (
    ChosenForm,
    EditForm,
    EvidenceForm,
    StanceForm,
    StatusForm,
    proposal_form,
)
from app.practices.models import PracticeStatus, Stance
from app.practices.operations import (
    TRANSITIONS,
    add_evidence,
    change_status,
    edit_practice,
    propose_from_recommendations,
    remove_evidence,
    take_stance,
    version_changes,
)
from app.programs.models import Session
from app.recommendations.models import Recommendation

practices_blueprint = Blueprint("practices", __name__, template_folder="templates")


def _user() -> Any:
    return current_user._get_current_object()


@practices_blueprint.app_context_processor
def _helpers() -> dict[str, Any]:
    """`practices_citing(obj)` for the session, case and recommendation pages."""

    def practices_citing(obj: Any) -> list[Any]:
        return queries.practices_citing(obj, _user())

    return {
        "practices_citing": practices_citing,
        "citable_practices": lambda: queries.citable_practices(_user()),
    }


def _visible_recommendation(recommendation_id: Any) -> Recommendation:
    ident = id_value(recommendation_id)
    recommendation = db.session.get(Recommendation, ident) if ident else None
    if recommendation is None or not policy.can_view_recommendation(_user(), recommendation):
        raise NotFound("No such recommendation.")
    return recommendation


def _evidence_target(form: EvidenceForm) -> Session | Case | Recommendation:
    """What the form names, if the reader may cite it (add_evidence checks it again)."""
    models: tuple[tuple[str, Any], ...] = (
        ("recommendation", Recommendation),
        ("case", Case),
        ("session", Session),
    )
    for name, model in models:
        if getattr(form, name).data:
            target = db.session.get(model, _int(getattr(form, name).data))
            if target is None or not policy.can_cite(_user(), target):
                raise NotFound(f"No such {name}.")
            return target
    raise NotFound("Name a session, a case or a recommendation to cite.")


def _int(value: Any) -> int:
    return id_value(value) or 0


def _wants_csv() -> bool:
    """?format=csv: the page's table as a file (?format=html or none: the page)."""
    wanted = request.args.get("format", "html").strip().lower()
    if wanted not in ("csv", "html"):
        raise ValidationError("format must be csv or html.", field="format")
    return wanted == "csv"


# ---------------------------------------------------------------- reading


@practices_blueprint.route("/practices")
@login_required
def index() -> Any:
    status = request.args.get("status") or None
    if status and status not in {s.value for s in PracticeStatus}:
        status = None
    if _wants_csv():
        header, rows = queries.practices_table(_user(), status)
        return csv_response(f"practices-{status or 'all'}.csv", header, rows)
    practices = queries.list_practices(_user(), status)
    return render_template(
        "practices/index.html",
        practices=practices,
        evidence_counts=queries.visible_evidence_counts(_user(), practices),
        status=status,
        statuses=[s.value for s in PracticeStatus],
    )


@practices_blueprint.route("/practices/<int:practice_id>")
@login_required
def practice(practice_id: int) -> Any:
    user = _user()
    practice = queries.get_practice(practice_id, _user())
    if _wants_csv():
        header, rows = queries.outcomes_table(user, practice)
        return csv_response(f"practice-{practice.id}-outcomes.csv", header, rows)
    endorsements = queries.endorsements(practice)
    stances = {e.expert_id: e for e in endorsements}
    return render_template(
        "practices/practice.html",
        practice=practice,
        endorsements=endorsements,
        # who may be named, read once for the proposer and every endorser
        people_seen=policy.seen_people(
            user, [practice.created_by, *(e.expert for e in endorsements)]
        ),
        timeline=queries.timeline(user, practice),
        outcomes=queries.outcomes(user, practice),
        evidence=queries.visible_evidence(user, practice),
        can_remove_evidence=lambda link: policy.can_remove_evidence(user, link),
        withdrawn_evidence=queries.withdrawn_evidence_count(user, practice),
        transitions=sorted(t.value for t in TRANSITIONS[practice.status]),
        successors=queries.possible_successors(user, practice),
        my_stance=stances.get(user.id),
        dissents=queries.visible_dissents(user, practice),
    )


@practices_blueprint.route("/practices/<int:practice_id>/versions")
@login_required
def versions(practice_id: int) -> Any:
    practice = queries.get_practice(practice_id, _user())
    changes = version_changes(practice)
    return render_template(
        "practices/versions.html",
        practice=practice,
        changes=changes,
        # who may be named, read once for every version's editor
        people_seen=policy.seen_people(_user(), [c.version.edited_by for c in changes]),
    )


@practices_blueprint.route("/practices/candidates")
@login_required
def candidates() -> Any:
    if _wants_csv():
        header, rows = queries.candidates_table(_user())
        return csv_response("practice-candidates.csv", header, rows)
    return render_template(
        "practices/candidates.html",
        pager=queries.candidate_page(
            _user(), page_number(request.args.get("page")), per_page=queries.CANDIDATE_PAGE
        ),
        min_sessions=queries.MIN_SESSIONS,
        limit=queries.CANDIDATE_LIMIT,
    )


# ---------------------------------------------------------------- proposing


@practices_blueprint.route("/practices/new", methods=["GET", "POST"])
@permission_required(Permission.PROPOSE_PRACTICE)
def new() -> Any:
    user = _user()
    # the chosen recommendations decide the form's note boxes, so they are read first
    chosen = [_visible_recommendation(i) for i in ChosenForm.read()]
    if not chosen:
        raise NotFound("Start from a recommendation: use “Propose a best practice” on one.")
    form = proposal_form(
        [r.id for r in chosen],
        topics=", ".join(sorted({t.name for r in chosen for t in r.case.topics})),
    )
    if form.validate_on_submit() and form.action.data == "propose":
        try:
            practice = propose_from_recommendations(
                chosen,
                form.title.data,
                form.statement.data,
                notes=form.notes(),
                topics=form.topic_names(),
                status=form.start_as.data,
                reason=form.reason.data,
                author=user,
                actor=user,
                accepted=form.accepted(),
            )
            db.session.commit()
        except ValidationError as exc:
            form.show_refusal(exc)
        else:
            status = practice.status.value
            flash(
                "Best practice proposed."
                if practice.status is PracticeStatus.PROPOSED
                else f"Best practice proposed as {status}.",
                "success",
            )
            return redirect(url_for("practices.practice", practice_id=practice.id), 303)
    draft = " ".join([form.title.data, form.statement.data])
    related = queries.related_recommendations(user, chosen, draft)
    return render_template(
        "practices/new.html",
        chosen=chosen,
        values=form.values(),
        notes=form.notes(),
        related=related,
        errors=form.problems,
        message=form.message,
        panels=form.panels,
    ), form.status


# ---------------------------------------------------------------- changing


@practices_blueprint.route("/practices/<int:practice_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.PROPOSE_PRACTICE)
def edit(practice_id: int) -> Any:
    user = _user()
    practice = queries.get_practice(practice_id, _user())
    form = EditForm(
        data={
            "title": practice.title,
            "statement": practice.statement,
            "topics": ", ".join(t.name for t in practice.topics),
        }
    )
    if form.validate_on_submit():
        try:
            changed = edit_practice(
                practice,
                title=form.title.data,
                statement=form.statement.data,
                reason=form.reason.data,
                topics=form.topic_names(),
                editor=user,
                actor=user,
                accepted=form.accepted(),
            )
            db.session.commit()
        except ValidationError as exc:
            form.show_refusal(exc)
        else:
            flash(
                f"Saved as version {practice.version}." if changed else "Nothing changed.",
                "success" if changed else "info",
            )
            return redirect(url_for("practices.practice", practice_id=practice.id), 303)
    return render_template(
        "practices/edit.html",
        practice=practice,
        values=form.values(),
        errors=form.problems,
        message=form.message,
        panels=form.panels,
    ), form.status


def _back(practice_id: int, anchor: str = "") -> Any:
    return redirect(url_for("practices.practice", practice_id=practice_id) + anchor, 303)


def _refused(
    practice_id: int, form: GatedForm, exc: ValidationError, action: str, **context: Any
) -> Any:
    """A refused practice form, shown again on a page of its own with what was typed, the
    problem beside its field and any possible identifiers marked in place."""
    form.show_refusal(exc)
    practice = queries.get_practice(practice_id, _user())
    transitions = sorted(t.value for t in TRANSITIONS[practice.status])
    named = form.values().get("superseded_by")
    successors = [
        (p.id, p.title)
        for p in queries.possible_successors(_user(), practice, named if named else None)
    ]
    return render_template(
        "practices/form_again.html",
        practice=practice,
        action=action,
        values=form.values(),
        errors=form.problems,
        message=form.message,
        panels=form.panels,
        transitions_options=[(t, t.capitalize()) for t in transitions],
        successor_options=successors if "superseded" in transitions else [],
        **context,
    ), 422


@practices_blueprint.route("/practices/<int:practice_id>/status", methods=["POST"])
@permission_required(Permission.PROPOSE_PRACTICE)
def status(practice_id: int) -> Any:
    user = _user()
    practice = queries.get_practice(practice_id, _user())
    form = StatusForm()
    successor_id = form.successor()
    successor = queries.get_practice(successor_id, _user()) if successor_id is not None else None
    try:
        change_status(
            practice,
            form.new_status.data,
            reason=form.reason.data,
            editor=user,
            superseded_by=successor,
            actor=user,
            accepted=form.accepted(),
        )
        db.session.commit()
    except ValidationError as exc:
        return _refused(practice_id, form, exc, "status")
    flash(f"Now {practice.status.value}.", "success")
    return _back(practice_id, "#history")


@practices_blueprint.route("/practices/<int:practice_id>/stance", methods=["POST"])
@permission_required(Permission.PROPOSE_PRACTICE)
def stance(practice_id: int) -> Any:
    user = _user()
    practice = queries.get_practice(practice_id, _user())
    form = StanceForm()
    try:
        result = take_stance(
            practice,
            form.stance.data,
            expert=user,
            note=form.note.data,
            actor=user,
            accepted=form.accepted(),
        )
        db.session.commit()
    except ValidationError as exc:
        return _refused(practice_id, form, exc, "stance")
    flash("Endorsed." if result.stance is Stance.ENDORSE else "Dissent recorded.", "success")
    return _back(practice_id, "#endorsements")


@practices_blueprint.post("/practices/cite")
@permission_required(Permission.PROPOSE_PRACTICE)
def cite() -> Any:
    """The "Cite in a best practice" form on case and session pages."""
    return add_evidence_view(EvidenceForm().practice())


@practices_blueprint.route("/practices/<int:practice_id>/evidence", methods=["POST"])
@permission_required(Permission.PROPOSE_PRACTICE)
def add_evidence_view(practice_id: int) -> Any:
    """Cite a session, a case or a recommendation (whichever the form names) with a note."""
    user = _user()
    practice = queries.get_practice(practice_id, _user())
    form = EvidenceForm()
    target = _evidence_target(form)
    try:
        add_evidence(
            practice,
            target,
            note=form.note.data,
            added_by=user,
            actor=user,
            accepted=form.accepted(),
        )
        db.session.commit()
    except ValidationError as exc:
        kind = {Session: "session", Case: "case", Recommendation: "recommendation"}[type(target)]
        return _refused(practice_id, form, exc, "evidence", target=target, target_kind=kind)
    flash("Evidence added.", "success")
    return _back(practice_id, "#timeline")


@practices_blueprint.route(
    "/practices/<int:practice_id>/evidence/<int:evidence_id>/remove", methods=["POST"]
)
@permission_required(Permission.PROPOSE_PRACTICE)
def remove_evidence_view(practice_id: int, evidence_id: int) -> Any:
    """Remove a session, case or recommendation cited by mistake."""
    user = _user()
    practice = queries.get_practice(practice_id, _user())
    link = next((e for e in queries.visible_evidence(user, practice) if e.id == evidence_id), None)
    if link is None:
        raise NotFound("No such evidence on this practice.")
    remove_evidence(link, actor=user)
    db.session.commit()
    flash("Evidence removed.", "success")
    return _back(practice_id, "#timeline")
