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
from app.deid.forms import show_refusal
from app.deid.web import acceptances_from_form
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.inputs import id_value
from app.practices import queries
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
        "citable_practices": queries.citable_practices,
    }


def _topics(text: str) -> list[str]:
    return [t.strip() for t in text.replace("\n", ",").split(",") if t.strip()]


def _visible_recommendation(recommendation_id: Any) -> Recommendation:
    ident = id_value(recommendation_id)
    recommendation = db.session.get(Recommendation, ident) if ident else None
    if recommendation is None or not policy.can_view_recommendation(_user(), recommendation):
        raise NotFound("No such recommendation.")
    return recommendation


def _evidence_target(form: Any) -> Session | Case | Recommendation:
    if form.get("recommendation"):
        return _visible_recommendation(form.get("recommendation"))
    user = _user()
    if form.get("case"):
        case = db.session.get(Case, _int(form.get("case")))
        if case is None or not policy.can_view_case(user, case):
            raise NotFound("No such case.")
        return case
    if form.get("session"):
        session = db.session.get(Session, _int(form.get("session")))
        if session is None or not policy.can_view_program(user, session.program):
            raise NotFound("No such session.")
        return session
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
    practices = queries.list_practices(status)
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
    practice = queries.get_practice(practice_id)
    if _wants_csv():
        header, rows = queries.outcomes_table(user, practice)
        return csv_response(f"practice-{practice.id}-outcomes.csv", header, rows)
    stances = {e.expert_id: e for e in practice.endorsements}
    return render_template(
        "practices/practice.html",
        practice=practice,
        timeline=queries.timeline(user, practice),
        outcomes=queries.outcomes(user, practice),
        evidence=queries.visible_evidence(user, practice),
        can_remove_evidence=lambda link: policy.can_remove_evidence(user, link),
        withdrawn_evidence=queries.withdrawn_evidence_count(user, practice),
        transitions=sorted(t.value for t in TRANSITIONS[practice.status]),
        successors=[p for p in queries.list_practices() if p.id != practice.id],
        my_stance=stances.get(user.id),
        dissents=queries.visible_dissents(user, practice),
    )


@practices_blueprint.route("/practices/<int:practice_id>/versions")
@login_required
def versions(practice_id: int) -> Any:
    practice = queries.get_practice(practice_id)
    return render_template(
        "practices/versions.html", practice=practice, changes=version_changes(practice)
    )


@practices_blueprint.route("/practices/candidates")
@login_required
def candidates() -> Any:
    if _wants_csv():
        header, rows = queries.candidates_table(_user())
        return csv_response("practice-candidates.csv", header, rows)
    return render_template(
        "practices/candidates.html",
        groups=queries.candidate_groups(_user(), members=queries.CANDIDATE_MEMBERS),
        members_shown=queries.CANDIDATE_MEMBERS,
        min_sessions=queries.MIN_SESSIONS,
        limit=queries.CANDIDATE_LIMIT,
    )


# ---------------------------------------------------------------- proposing


@practices_blueprint.route("/practices/new", methods=["GET", "POST"])
@permission_required(Permission.PROPOSE_PRACTICE)
def new() -> Any:
    user = _user()
    source = request.form if request.method == "POST" else request.args
    chosen = [_visible_recommendation(i) for i in dict.fromkeys(source.getlist("recommendation"))]
    if not chosen:
        raise NotFound("Start from a recommendation: use “Propose a best practice” on one.")
    values = {
        "title": request.form.get("title", "").strip(),
        "statement": request.form.get("statement", "").strip(),
        "topics": request.form.get("topics", "").strip()
        or ", ".join(sorted({t.name for r in chosen for t in r.case.topics})),
        "status": request.form.get("status", "proposed"),
        "reason": request.form.get("reason", "").strip(),
    }
    notes = {r.id: request.form.get(f"note-{r.id}", "").strip() for r in chosen}
    errors: dict[str, str] = {}
    panels: dict[str, Any] = {}
    message = ""
    if request.method == "POST" and request.form.get("action") == "propose":
        texts = {"title": values["title"], "statement": values["statement"]}
        texts.update({f"notes[{r.id}]": notes[r.id] for r in chosen})
        if values["reason"]:
            texts["reason"] = values["reason"]
        labels = {"title": "Title", "statement": "Statement", "reason": "Reason"}
        labels.update({f"notes[{r.id}]": f"Note on recommendation {r.id}" for r in chosen})
        try:
            practice = propose_from_recommendations(
                chosen,
                values["title"],
                values["statement"],
                notes=notes,
                topics=_topics(values["topics"]),
                status=values["status"],
                reason=values["reason"],
                author=user,
                actor=user,
                accepted=acceptances_from_form(request.form),
            )
            db.session.commit()
        except ValidationError as exc:
            errors, message, panels = show_refusal(
                exc, texts, labels, topics=_topics(values["topics"])
            )
        else:
            status = practice.status.value
            flash(
                "Best practice proposed."
                if practice.status is PracticeStatus.PROPOSED
                else f"Best practice proposed as {status}.",
                "success",
            )
            return redirect(url_for("practices.practice", practice_id=practice.id), 303)
    draft = " ".join([values["title"], values["statement"]])
    related = queries.related_recommendations(user, chosen, draft)
    return render_template(
        "practices/new.html",
        chosen=chosen,
        values=values,
        notes=notes,
        related=related,
        errors=errors,
        message=message,
        panels=panels,
    ), (422 if errors or message else 200)


# ---------------------------------------------------------------- changing


@practices_blueprint.route("/practices/<int:practice_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.PROPOSE_PRACTICE)
def edit(practice_id: int) -> Any:
    user = _user()
    practice = queries.get_practice(practice_id)
    values = {
        "title": request.form.get("title", practice.title).strip(),
        "statement": request.form.get("statement", practice.statement).strip(),
        "topics": request.form.get("topics", ", ".join(t.name for t in practice.topics)),
        "reason": request.form.get("reason", "").strip(),
    }
    errors: dict[str, str] = {}
    panels: dict[str, Any] = {}
    message = ""
    if request.method == "POST":
        texts = {k: values[k] for k in ("title", "statement", "reason")}
        try:
            changed = edit_practice(
                practice,
                title=values["title"],
                statement=values["statement"],
                reason=values["reason"],
                topics=_topics(values["topics"]),
                editor=user,
                actor=user,
                accepted=acceptances_from_form(request.form),
            )
            db.session.commit()
        except ValidationError as exc:
            labels = {"title": "Title", "statement": "Statement", "reason": "Reason"}
            errors, message, panels = show_refusal(
                exc, texts, labels, topics=_topics(values["topics"])
            )
        else:
            flash(
                f"Saved as version {practice.version}." if changed else "Nothing changed.",
                "success" if changed else "info",
            )
            return redirect(url_for("practices.practice", practice_id=practice.id), 303)
    return render_template(
        "practices/edit.html",
        practice=practice,
        values=values,
        errors=errors,
        message=message,
        panels=panels,
    ), (422 if errors or message else 200)


def _back(practice_id: int, anchor: str = "") -> Any:
    return redirect(url_for("practices.practice", practice_id=practice_id) + anchor, 303)


# The free-text field of each practice form, and its label.
FORM_TEXT = {
    "status": ("reason", "Reason"),
    "stance": ("note", "Note"),
    "evidence": ("note", "Note"),
}


def _refused(practice_id: int, exc: ValidationError, action: str, **context: Any) -> Any:
    """A refused practice form, shown again on a page of its own with what was typed, the
    problem beside its field and any possible identifiers marked in place."""
    name, label = FORM_TEXT[action]
    errors, message, panels = show_refusal(exc, {name: request.form.get(name, "")}, {name: label})
    practice = queries.get_practice(practice_id)
    transitions = sorted(t.value for t in TRANSITIONS[practice.status])
    successors = [(p.id, p.title) for p in queries.list_practices() if p.id != practice.id]
    return render_template(
        "practices/form_again.html",
        practice=practice,
        action=action,
        values=request.form,
        errors=errors,
        message=message,
        panels=panels,
        transitions_options=[(t, t.capitalize()) for t in transitions],
        successor_options=successors if "superseded" in transitions else [],
        **context,
    ), 422


@practices_blueprint.route("/practices/<int:practice_id>/status", methods=["POST"])
@permission_required(Permission.PROPOSE_PRACTICE)
def status(practice_id: int) -> Any:
    user = _user()
    practice = queries.get_practice(practice_id)
    successor = None
    if request.form.get("superseded_by"):
        successor = queries.get_practice(_int(request.form.get("superseded_by")))
    try:
        change_status(
            practice,
            request.form.get("status", ""),
            reason=request.form.get("reason", ""),
            editor=user,
            superseded_by=successor,
            actor=user,
            accepted=acceptances_from_form(request.form),
        )
        db.session.commit()
    except ValidationError as exc:
        return _refused(practice_id, exc, "status")
    flash(f"Now {practice.status.value}.", "success")
    return _back(practice_id, "#history")


@practices_blueprint.route("/practices/<int:practice_id>/stance", methods=["POST"])
@permission_required(Permission.PROPOSE_PRACTICE)
def stance(practice_id: int) -> Any:
    user = _user()
    practice = queries.get_practice(practice_id)
    try:
        result = take_stance(
            practice,
            request.form.get("stance", ""),
            expert=user,
            note=request.form.get("note", ""),
            actor=user,
            accepted=acceptances_from_form(request.form),
        )
        db.session.commit()
    except ValidationError as exc:
        return _refused(practice_id, exc, "stance")
    flash("Endorsed." if result.stance is Stance.ENDORSE else "Dissent recorded.", "success")
    return _back(practice_id, "#endorsements")


@practices_blueprint.post("/practices/cite")
@permission_required(Permission.PROPOSE_PRACTICE)
def cite() -> Any:
    """The "Cite in a best practice" form on case and session pages."""
    return add_evidence_view(_int(request.form.get("practice_id")))


@practices_blueprint.route("/practices/<int:practice_id>/evidence", methods=["POST"])
@permission_required(Permission.PROPOSE_PRACTICE)
def add_evidence_view(practice_id: int) -> Any:
    """Cite a session, a case or a recommendation (whichever the form names) with a note."""
    user = _user()
    practice = queries.get_practice(practice_id)
    target = _evidence_target(request.form)
    try:
        add_evidence(
            practice,
            target,
            note=request.form.get("note", ""),
            added_by=user,
            actor=user,
            accepted=acceptances_from_form(request.form),
        )
        db.session.commit()
    except ValidationError as exc:
        kind = {Session: "session", Case: "case", Recommendation: "recommendation"}[type(target)]
        return _refused(practice_id, exc, "evidence", target=target, target_kind=kind)
    flash("Evidence added.", "success")
    return _back(practice_id, "#timeline")


@practices_blueprint.route(
    "/practices/<int:practice_id>/evidence/<int:evidence_id>/remove", methods=["POST"]
)
@permission_required(Permission.PROPOSE_PRACTICE)
def remove_evidence_view(practice_id: int, evidence_id: int) -> Any:
    """Remove a session, case or recommendation cited by mistake."""
    user = _user()
    practice = queries.get_practice(practice_id)
    link = next((e for e in queries.visible_evidence(user, practice) if e.id == evidence_id), None)
    if link is None:
        raise NotFound("No such evidence on this practice.")
    remove_evidence(link, actor=user)
    db.session.commit()
    flash("Evidence removed.", "success")
    return _back(practice_id, "#timeline")
