"""Recommendations with version history, annotations, and outcomes recorded at follow-up."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Literal

from sqlalchemy import func, select

from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, Permission, Viewer, write_operation
from app.cases.locking import hold_case
from app.cases.models import Case, CaseStatus
from app.common import utcnow
from app.deid.gate import Acceptance, GatedFields
from app.deid.operations import guard, remember_overrides
from app.errors import Conflict, ValidationError
from app.extensions import db
from app.notifications.operations import case_url, notify
from app.recommendations.models import (
    Adoption,
    Annotation,
    AnnotationKind,
    Outcome,
    PatientStatus,
    Recommendation,
    RecommendationCategory,
    RecommendationStatus,
    RecommendationVersion,
)

BODY_MAX = 50_000
_OPEN_FOR_RECOMMENDATIONS = (
    CaseStatus.APPROVED,
    CaseStatus.PRESENTED,
    CaseStatus.RECOMMENDATIONS_PUBLISHED,
    CaseStatus.CLOSED,
)
REFERENCE_MAX = 500


class _Saved(enum.Enum):
    SAVED = "saved"


# A field `edit_recommendation` is not given: it keeps the saved value, read under the
# recommendation's lock (read before it, a concurrent edit's value would be written back).
AS_SAVED: Literal[_Saved.SAVED] = _Saved.SAVED


def _enum(enum_cls: Any, value: Any, field: str) -> Any:
    try:
        return enum_cls(value)
    except ValueError:
        choices = ", ".join(m.value for m in enum_cls)
        raise ValidationError(
            f"{field.capitalize()} must be one of: {choices}.", field=field
        ) from None


def _body(value: Any, field: str = "body") -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("Write the text; it cannot be empty.", field=field)
    if len(value) > BODY_MAX:
        raise ValidationError(f"The text must be at most {BODY_MAX:,} characters.", field=field)
    return value.strip()


def _references(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ValidationError("References must be a list of citations.", field="references")
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ValidationError(
                "Each reference must be a non-empty citation.", field="references"
            )
        if len(item) > REFERENCE_MAX:
            raise ValidationError(
                f"A reference must be at most {REFERENCE_MAX} characters.", field="references"
            )
        out.append(item.strip())
    return out


# What the gate checks in each operation below, with the labels their forms show.
RECOMMENDATION_TEXTS = GatedFields({"body": "Recommendation"}, {"references": "Reference {}"})
ANNOTATION_TEXTS = GatedFields({"body": "Annotation"}, {"references": "Reference {}"})
OUTCOME_TEXTS = GatedFields({"note": "Note"})


def _require_expert(author: User) -> None:
    if not policy.can_author_advice(author):
        raise ValidationError(
            "Recommendations and annotations are written by experts.", field="author"
        )


def checked_item(
    author: User, body: Any, references: Any, accepted: Iterable[Acceptance] = ()
) -> tuple[str, list[str]]:
    """A recommendation's or annotation's text and references as stored, after the checks
    and the gate of the operations below (a bulk path writes them itself)."""
    _require_expert(author)
    clean_body, clean_references = _body(body), _references(references)
    guard(
        RECOMMENDATION_TEXTS.texts(body=clean_body, references=clean_references),
        accepted,
        actor=author,
    )
    return clean_body, clean_references


@write_operation
def add_recommendation(
    case: Case,
    author: User,
    body: str,
    category: str,
    *,
    references: Iterable[str] | None = None,
    publish: bool = False,
    actor: Actor,
    imported: bool = False,
    accepted: Iterable[Acceptance] = (),
) -> Recommendation:
    policy.require(
        actor, Permission.IMPORT_DATA if imported else Permission.WRITE_RECOMMENDATION, case
    )
    _require_expert(author)
    if not imported and case.status not in _OPEN_FOR_RECOMMENDATIONS:
        raise ValidationError(
            f"Recommendations are written for approved cases; this case is "
            f"{case.status.label.lower()}.",
            field="status",
        )
    clean_body, clean_references = _body(body), _references(references)
    overridden = guard(
        RECOMMENDATION_TEXTS.texts(body=clean_body, references=clean_references),
        accepted,
        actor=actor,
        program=case.program,
    )
    recommendation = Recommendation(
        case=case,
        author=author,
        body=clean_body,
        category=_enum(RecommendationCategory, category, "category"),
        references=clean_references,
        position=_next_position(case),
        status=RecommendationStatus.PUBLISHED if publish else RecommendationStatus.DRAFT,
        published_at=utcnow() if publish else None,
        published_version=1 if publish else None,
    )
    db.session.add(recommendation)
    db.session.flush()
    _snapshot(recommendation, author)
    remember_overrides(recommendation, overridden, actor=actor)
    record(
        actor,
        "recommendation.created",
        recommendation,
        case_id=case.id,
        status=str(recommendation.status),
    )
    return recommendation


def _next_position(case: Case) -> int:
    """The number after the case's last recommendation. The case row is locked first (on
    PostgreSQL, until commit), so experts adding recommendations at once are numbered one
    after another; SQLite writers take turns anyway. Unique per case (a constraint)."""
    if case.id is None:
        db.session.flush()
    db.session.execute(select(Case.id).where(Case.id == case.id).with_for_update(key_share=True))
    highest = db.session.scalar(
        select(func.max(Recommendation.position)).where(Recommendation.case_id == case.id)
    )
    return (highest or 0) + 1


def _snapshot(recommendation: Recommendation, editor: User | None) -> None:
    db.session.add(
        RecommendationVersion(
            recommendation=recommendation,
            version=recommendation.version,
            body=recommendation.body,
            category=recommendation.category,
            references=list(recommendation.references),
            edited_by=editor,
        )
    )


def versions_seen_by(user: Viewer, recommendation: Recommendation) -> list[RecommendationVersion]:
    """The versions `user` may read (`policy.can_see_draft_history`): for other readers, from
    the one that was published (the text they first saw) on."""
    versions = sorted(recommendation.versions, key=lambda v: v.version)
    if (
        policy.can_see_draft_history(user, recommendation)
        or recommendation.status is not RecommendationStatus.PUBLISHED
    ):
        return versions
    # Unknown (never expected once published): only the current text, so no draft shows.
    first = recommendation.published_version or recommendation.version
    return [v for v in versions if v.version >= first]


@write_operation
def edit_recommendation(
    recommendation: Recommendation,
    *,
    body: str | Literal[_Saved.SAVED],
    category: str | Literal[_Saved.SAVED],
    references: Iterable[str] | None | Literal[_Saved.SAVED],
    editor: User | None,
    actor: Actor,
    imported: bool = False,
    accepted: Iterable[Acceptance] = (),
    base_version: int | None = None,
) -> bool:
    """Change the text; a new version is kept when anything changed. Returns whether it did.

    A field given as `AS_SAVED` keeps its value as saved when the edit is. `base_version`,
    the version the editor started from: a Conflict if another was saved since (the
    editor's changes would silently replace it)."""
    if imported:
        policy.require(actor, Permission.IMPORT_DATA, recommendation.case)
    else:
        policy.require_edit_recommendation(actor, recommendation)
    hold_case(recommendation.case)
    # Read again under a row lock (PostgreSQL; SQLite's writers take turns): two saves at
    # once would otherwise both write the next version number, and the second fail.
    db.session.get(
        Recommendation,
        recommendation.id,
        populate_existing=True,
        with_for_update={"key_share": True},
    )
    if base_version is not None and recommendation.version != base_version:
        raise Conflict(
            f"Version {recommendation.version} of this recommendation was saved after you "
            f"opened version {base_version}, and your changes were not saved: compare them "
            "with the saved text, then save again.",
            field="version",
        )
    new_body = _body(recommendation.body if body is AS_SAVED else body)
    new_category = (
        recommendation.category
        if category is AS_SAVED
        else _enum(RecommendationCategory, category, "category")
    )
    new_references = _references(
        recommendation.references if references is AS_SAVED else references
    )
    overridden = guard(
        RECOMMENDATION_TEXTS.texts(body=new_body, references=new_references),
        accepted,
        actor=actor,
        program=recommendation.case.program,
    )
    if (new_body, new_category, new_references) == (
        recommendation.body,
        recommendation.category,
        list(recommendation.references),
    ):
        return False
    recommendation.body = new_body
    recommendation.category = new_category
    recommendation.references = new_references
    recommendation.version += 1
    _snapshot(recommendation, editor)
    remember_overrides(recommendation, overridden, actor=actor)
    record(actor, "recommendation.edited", recommendation, version=recommendation.version)
    if not imported:
        _tell_presenter(recommendation, "recommendation.edited", "was edited")
    return True


def _tell_presenter(recommendation: Recommendation, kind: str, what: str) -> None:
    """The presenter hears of changes to advice they can see (published, not a draft)."""
    if recommendation.status is not RecommendationStatus.PUBLISHED:
        return
    case = recommendation.case
    notify(
        case.presenter,
        kind,
        f"Recommendation {recommendation.position} on your case “{case.title}” {what}.",
        case_url(case.id),
    )


@write_operation
def publish(recommendation: Recommendation, *, actor: Actor, imported: bool = False) -> None:
    if imported:
        policy.require_import(actor, recommendation.case.program)
    else:
        policy.require_publish_recommendation(actor, recommendation)
    if recommendation.status is RecommendationStatus.PUBLISHED:
        return
    recommendation.status = RecommendationStatus.PUBLISHED
    recommendation.published_at = utcnow()
    recommendation.published_version = recommendation.version
    record(actor, "recommendation.published", recommendation)


@write_operation
def annotate(
    recommendation: Recommendation,
    author: User,
    kind: str,
    body: str,
    *,
    references: Iterable[str] | None = None,
    actor: Actor,
    imported: bool = False,
    accepted: Iterable[Acceptance] = (),
) -> Annotation:
    if imported:
        policy.require(actor, Permission.IMPORT_DATA, recommendation.case)
    else:
        policy.require_annotate(actor, recommendation)
    _require_expert(author)
    hold_case(recommendation.case)
    clean_body, clean_references = _body(body), _references(references)
    overridden = guard(
        ANNOTATION_TEXTS.texts(body=clean_body, references=clean_references),
        accepted,
        actor=actor,
        program=recommendation.case.program,
    )
    annotation = Annotation(
        recommendation=recommendation,
        author=author,
        kind=_enum(AnnotationKind, kind, "kind"),
        body=clean_body,
        references=clean_references,
    )
    db.session.add(annotation)
    db.session.flush()
    remember_overrides(annotation, overridden, actor=actor)
    record(actor, "annotation.created", annotation, recommendation_id=recommendation.id)
    if not imported:
        _tell_presenter(recommendation, "recommendation.annotated", "was annotated")
    return annotation


@write_operation
def edit_annotation(
    annotation: Annotation,
    *,
    author: User,
    kind: str,
    body: str,
    references: Iterable[str] | None = None,
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
) -> bool:
    """An import's change to an annotation it made earlier (the app has no annotation
    editing). Returns whether anything changed."""
    policy.require(actor, Permission.IMPORT_DATA, annotation.recommendation.case)
    _require_expert(author)
    new_kind = _enum(AnnotationKind, kind, "kind")
    clean_body, clean_references = _body(body), _references(references)
    overridden = guard(
        ANNOTATION_TEXTS.texts(body=clean_body, references=clean_references),
        accepted,
        actor=actor,
        program=annotation.recommendation.case.program,
    )
    if (author.id, new_kind, clean_body, clean_references) == (
        annotation.author_id,
        annotation.kind,
        annotation.body,
        list(annotation.references),
    ):
        return False
    annotation.author = author
    annotation.kind = new_kind
    annotation.body = clean_body
    annotation.references = clean_references
    remember_overrides(annotation, overridden, actor=actor)
    record(actor, "annotation.edited", annotation, recommendation_id=annotation.recommendation_id)
    return True


@write_operation
def record_outcome(
    follow_up: Case,
    recommendation: Recommendation,
    adoption: str,
    patient_status: str,
    *,
    note: str = "",
    actor: Actor,
    imported: bool = False,
    accepted: Iterable[Acceptance] = (),
) -> Outcome:
    """At a follow-up, record what became of a recommendation given for the earlier case."""
    if imported:
        policy.require(actor, Permission.IMPORT_DATA, follow_up)
    else:
        policy.require_record_outcome(actor, follow_up)
    if follow_up.follows_id is None or recommendation.case_id != follow_up.follows_id:
        raise ValidationError(
            "Outcomes are recorded at a follow-up, for recommendations of the case it follows.",
            field="recommendation",
        )
    if note is not None and not isinstance(note, str):
        raise ValidationError("The note must be text.", field="note")
    # A purge of either case scrubs the note: both are held before the outcome's row.
    hold_case(follow_up, recommendation.case)
    overridden = guard(
        OUTCOME_TEXTS.texts(note=note), accepted, actor=actor, program=follow_up.program
    )
    existing = next(
        (o for o in follow_up.outcomes if o.recommendation_id == recommendation.id), None
    )
    values = (
        _enum(Adoption, adoption, "adoption"),
        _enum(PatientStatus, patient_status, "patient_status"),
        (note or "").strip(),
    )
    if (
        existing is not None
        and (existing.adoption, existing.patient_status, existing.note) == values
    ):
        return existing
    outcome = existing or Outcome(case=follow_up, recommendation=recommendation)
    outcome.adoption, outcome.patient_status, outcome.note = values
    outcome.recorded_by_id = actor.id
    if existing is None:
        db.session.add(outcome)
    db.session.flush()
    remember_overrides(outcome, overridden, actor=actor)
    record(
        actor,
        "outcome.recorded",
        outcome,
        recommendation_id=recommendation.id,
        adoption=str(outcome.adoption),
    )
    return outcome
