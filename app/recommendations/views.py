"""Recommendation pages: write, edit (with versions and a diff), publish, annotate, the letter,
and the Markdown preview used by the editors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from app.auth import policy
from app.auth.policy import Permission, permission_required
from app.cases import lifecycle
from app.cases.models import Case, CasePresentation
from app.cases.queries import get_visible_case
from app.content.diff import word_diff
from app.content.markdown import render_draft
from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.practices.conflicts import check_recommendation, unresolved
from app.practices.models import BestPractice
from app.practices.operations import record_dissent
from app.practices.queries import visible_evidence
from app.recommendations.forms import AnnotationForm, DissentForm, PreviewForm, RecommendationForm
from app.recommendations.models import (
    AnnotationKind,
    Recommendation,
    RecommendationCategory,
    RecommendationStatus,
    RecommendationVersion,
)
from app.recommendations.operations import (
    BODY_MAX,
    add_recommendation,
    annotate,
    versions_seen_by,
)
from app.recommendations.operations import edit_recommendation as edit_operation

recommendations_blueprint = Blueprint("recommendations", __name__, template_folder="templates")

CATEGORIES = [(c.value, c.value.capitalize()) for c in RecommendationCategory]
KINDS = [
    ("agree", "Agree"),
    ("dissent", "Dissent"),
    ("evidence", "Evidence"),
    ("update", "Update"),
]
assert {k for k, _ in KINDS} == {k.value for k in AnnotationKind}


def _user() -> Any:
    return current_user._get_current_object()


@recommendations_blueprint.app_context_processor
def _helpers() -> dict[str, Any]:
    def can_edit_recommendation(recommendation: Recommendation) -> bool:
        return current_user.is_authenticated and policy.can_edit_recommendation(
            _user(), recommendation
        )

    return {"can_edit_recommendation": can_edit_recommendation}


def _visible_recommendation(recommendation_id: int) -> Recommendation:
    recommendation = db.session.get(Recommendation, recommendation_id)
    if recommendation is None or not policy.can_view_recommendation(_user(), recommendation):
        raise NotFound("No such recommendation.")
    return recommendation


# ---------------------------------------------------------------- write and edit


@recommendations_blueprint.route(
    "/cases/<int:case_id>/recommendations/new", methods=["GET", "POST"]
)
@permission_required(Permission.WRITE_RECOMMENDATION)
def new(case_id: int) -> Any:
    user = _user()
    case = get_visible_case(user, case_id)
    policy.require(user, Permission.WRITE_RECOMMENDATION, case)
    form = RecommendationForm()
    if form.validate_on_submit():
        try:
            recommendation = add_recommendation(
                case,
                user,
                form.body.data,
                form.category.data,
                references=form.reference_list(),
                actor=user,
                accepted=form.accepted(),
            )
            db.session.commit()
        except ValidationError as exc:
            form.show_refusal(exc)
        else:
            return _after_save(
                recommendation, form, "Draft saved. Only you can see it until you publish it."
            )
    return render_template(
        "recommendations/form.html",
        case=case,
        recommendation=None,
        form=form,
        values=form.values(),
        errors=form.problems,
        message=form.message,
        panels=form.panels,
        categories=CATEGORIES,
        body_max=BODY_MAX,
        conflicts=[],
    ), form.status


def _after_save(
    recommendation: Recommendation, form: RecommendationForm, done: str, kind: str = "success"
) -> Any:
    """After a save: the conflicts warning, or publishing, or back to the case."""
    warned = _warn_of_conflicts(recommendation, seen=form.conflicts_seen.data == "yes")
    if warned is not None:
        return warned
    if form.action.data == "publish":
        return _publish(recommendation)
    flash(done, kind)
    return redirect(
        url_for("cases.case", case_id=recommendation.case_id) + f"#rec-{recommendation.id}", 303
    )


@recommendations_blueprint.route(
    "/recommendations/<int:recommendation_id>/edit", methods=["GET", "POST"]
)
@login_required
def edit(recommendation_id: int) -> Any:
    user = _user()
    recommendation = _visible_recommendation(recommendation_id)
    policy.require_edit_recommendation(user, recommendation)
    form = RecommendationForm(data=None if request.method == "POST" else _saved(recommendation))
    if form.validate_on_submit():
        try:
            changed = edit_operation(
                recommendation,
                body=form.body.data,
                category=form.category.data,
                references=form.reference_list(),
                editor=user,
                actor=user,
                accepted=form.accepted(),
                base_version=form.base_version(),
            )
            db.session.commit()
        except ValidationError as exc:
            form.show_refusal(exc)
        except Conflict as exc:
            db.session.rollback()
            form.message = exc.message
            # Saving again replaces the newer version knowingly.
            form.version.data = str(recommendation.version)
            return _edit_form(recommendation, form, status=409)
        else:
            if not changed:
                return _after_save(recommendation, form, "Nothing changed.", "info")
            return _after_save(recommendation, form, f"Saved as version {recommendation.version}.")
    return _edit_form(recommendation, form)


def _saved_form(recommendation: Recommendation) -> RecommendationForm:
    """The edit form filled from the saved recommendation (nothing read from the request)."""
    return RecommendationForm(formdata=None, data=_saved(recommendation))


def _saved(recommendation: Recommendation) -> dict[str, str]:
    return {
        "body": recommendation.body,
        "category": str(recommendation.category),
        "references": "\n".join(recommendation.references),
        "version": str(recommendation.version),
    }


def _edit_form(
    recommendation: Recommendation,
    form: RecommendationForm,
    *,
    dissent: dict[str, Any] | None = None,
    status: int | None = None,
) -> Any:
    """The edit form, with the best practices the saved text may contradict above it."""
    conflicts = check_recommendation(recommendation)
    refused = form.status != 200 or bool(dissent and dissent.get("errors"))
    return render_template(
        "recommendations/form.html",
        case=recommendation.case,
        recommendation=recommendation,
        form=form,
        values=form.values(),
        errors=form.problems,
        message=form.message,
        panels=form.panels,
        categories=CATEGORIES,
        body_max=BODY_MAX,
        conflicts=conflicts,
        unresolved_conflicts=unresolved(conflicts),
        conflict_evidence={
            c.conflict.practice.id: visible_evidence(_user(), c.conflict.practice)
            for c in conflicts
        },
        dissent=dissent or {},
    ), status or (422 if refused else 200)


def _warn_of_conflicts(recommendation: Recommendation, *, seen: bool) -> Any:
    """After a save: when the text may contradict a current best practice the expert has not
    seen on this form yet, show the warning before publishing (the save is kept; publishing
    is one more click, never refused)."""
    open_conflicts = unresolved(check_recommendation(recommendation))
    if not open_conflicts or seen:
        return None
    n = len(open_conflicts)
    practices = "a current best practice" if n == 1 else f"{n} current best practices"
    if recommendation.status is RecommendationStatus.PUBLISHED:
        flash(f"Saved. It may contradict {practices}: see below.", "warning")
    else:
        flash(
            f"Saved as a draft, not published yet: it may contradict {practices}. "
            "Publish it anyway or mark it intentional below.",
            "warning",
        )
    return redirect(
        url_for("recommendations.edit", recommendation_id=recommendation.id) + "#conflicts", 303
    )


@recommendations_blueprint.route(
    "/recommendations/<int:recommendation_id>/dissents", methods=["POST"]
)
@login_required
def dissent(recommendation_id: int) -> Any:
    """ "Intentional, because …": the recommendation departs from the practice on purpose."""
    user = _user()
    recommendation = _visible_recommendation(recommendation_id)
    policy.require_record_dissent(user, recommendation)
    form = DissentForm()
    practice = db.session.get(BestPractice, form.practice())
    if practice is None:
        raise NotFound("No such best practice.")
    if not form.validate_on_submit():
        return _edit_form(recommendation, _saved_form(recommendation))
    try:
        record_dissent(
            recommendation, practice, form.reason.data, actor=user, accepted=form.accepted()
        )
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        state = {
            "practice_id": practice.id,
            "reason": form.reason.data,
            "errors": form.problems,
            "message": form.message,
            "panels": form.panels,
        }
        return _edit_form(recommendation, _saved_form(recommendation), dissent=state)
    flash(f"Marked intentional: departs from “{practice.title}”.", "success")
    return redirect(
        url_for("recommendations.edit", recommendation_id=recommendation.id) + "#conflicts", 303
    )


def _publish(recommendation: Recommendation) -> Any:
    case = recommendation.case
    try:
        lifecycle.publish_recommendation(recommendation, actor=_user())
        db.session.commit()
        flash("Recommendation published. The presenter has been notified.", "success")
    except ValidationError as exc:
        db.session.rollback()
        flash(f"Saved as a draft, not published: {exc.message}", "error")
    return redirect(url_for("cases.case", case_id=case.id) + f"#rec-{recommendation.id}", 303)


@recommendations_blueprint.route(
    "/recommendations/<int:recommendation_id>/publish", methods=["POST"]
)
@login_required
def publish(recommendation_id: int) -> Any:
    recommendation = _visible_recommendation(recommendation_id)
    policy.require_edit_recommendation(_user(), recommendation)
    return _publish(recommendation)


# ---------------------------------------------------------------- versions


@dataclass(frozen=True)
class VersionChange:
    version: RecommendationVersion
    previous: RecommendationVersion | None
    body: list[tuple[str, str]]
    references_added: list[str]
    references_removed: list[str]


@recommendations_blueprint.route("/recommendations/<int:recommendation_id>/versions")
@login_required
def versions(recommendation_id: int) -> Any:
    recommendation = _visible_recommendation(recommendation_id)
    changes = []
    previous = None
    # Diffed among the versions shown only: a draft's text never shows as a deletion.
    for version in versions_seen_by(_user(), recommendation):
        changes.append(
            VersionChange(
                version,
                previous,
                word_diff(previous.body if previous else "", version.body),
                [r for r in version.references if not previous or r not in previous.references],
                [r for r in previous.references if r not in version.references] if previous else [],
            )
        )
        previous = version
    return render_template(
        "recommendations/versions.html",
        recommendation=recommendation,
        case=recommendation.case,
        changes=list(reversed(changes)),
    )


# ---------------------------------------------------------------- annotations


@recommendations_blueprint.route(
    "/recommendations/<int:recommendation_id>/annotations/new",
    methods=["GET", "POST"],
    endpoint="annotate",
)
@permission_required(Permission.ANNOTATE)
def annotate_view(recommendation_id: int) -> Any:
    user = _user()
    recommendation = _visible_recommendation(recommendation_id)
    policy.require_annotate(user, recommendation)  # the same rule as the API's
    form = AnnotationForm()
    if form.validate_on_submit():
        try:
            annotation = annotate(
                recommendation,
                user,
                form.kind.data,
                form.body.data,
                references=form.reference_list(),
                actor=user,
                accepted=form.accepted(),
            )
            db.session.commit()
        except ValidationError as exc:
            form.show_refusal(exc)
        else:
            flash("Annotation added.", "success")
            return redirect(
                url_for("cases.case", case_id=recommendation.case_id)
                + f"#rec-{annotation.recommendation_id}",
                303,
            )
    return render_template(
        "recommendations/annotate.html",
        recommendation=recommendation,
        case=recommendation.case,
        form=form,
        values=form.values(),
        errors=form.problems,
        message=form.message,
        panels=form.panels,
        kinds=KINDS,
        body_max=BODY_MAX,
    ), form.status


# ---------------------------------------------------------------- the letter


@recommendations_blueprint.route("/cases/<int:case_id>/letter")
@login_required
def letter(case_id: int) -> Any:
    """The presenter's printable letter: program, session, title, question, recommendations.
    Built from those parts only, so no other patient detail can appear on it."""
    loads = (  # one query each for the recommendations with their authors, and the sessions
        selectinload(Case.recommendations).joinedload(Recommendation.author),
        selectinload(Case.presentations).joinedload(CasePresentation.session),
    )
    case = get_visible_case(_user(), case_id, loads=loads)
    published = [r for r in case.recommendations if r.status is RecommendationStatus.PUBLISHED]
    presented = [p.session for p in case.presentations if p.presented] or case.sessions
    return render_template(
        "recommendations/letter.html",
        case=case,
        program=case.program,
        session=presented[0] if presented else None,
        recommendations=published,
    )


# ---------------------------------------------------------------- preview


@recommendations_blueprint.route("/preview", methods=["POST"])
@login_required
def preview() -> Any:
    """Markdown as the page will show it (rendered by app.content.markdown, the only renderer).
    POST, so the text never lands in a URL or an access log."""
    text = PreviewForm().text.data
    if len(text) > BODY_MAX:
        abort(413, "The text is too long to preview.")
    return str(render_draft(text)), 200, {"Content-Type": "text/html; charset=utf-8"}
