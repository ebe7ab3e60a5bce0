"""What people do with a case as it moves through an ECHO program:
draft → submitted → approved → presented → recommendations_published → closed,
with `returned` from review, and follow-ups that bring the patient back.

Apart from the status, a case may be withdrawn: hidden everywhere (lists, search, figures,
the API) but kept, with its audit trail, for its program's review team and admins, who may
restore it. The reason is a category, never text: nothing typed is stored with it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, Permission
from app.cases.locking import hold_case
from app.cases.models import Case, CaseStatus, ReviewComment, WithdrawalReason
from app.cases.operations import (
    CaseData,
    check_complete,
    create_case,
    saved_cues,
    saved_texts,
    schedule,
    set_status,
    update_case,
)
from app.common import utcnow
from app.deid.gate import Acceptance, GatedFields, IdentifiersFound, renamed
from app.deid.operations import confirm_risk, guard, remember_overrides
from app.errors import ValidationError
from app.extensions import db
from app.notifications.operations import case_url, notify
from app.programs.calendar import presentable, session_over
from app.programs.models import Program, Session
from app.recommendations.models import Recommendation, RecommendationStatus
from app.recommendations.operations import publish, record_outcome
from app.subscriptions.operations import announce_case, announce_recommendation

COMMENT_MAX = 5_000
# What the gate checks when a case is returned, with the label its form shows.
RETURN_TEXTS = GatedFields({"comment": "Comments"})


def draft_case(
    program: Program,
    data: CaseData,
    *,
    presenter: User,
    follows: Case | None = None,
    accepted: Iterable[Acceptance] = (),
) -> Case:
    """A provider starts a case (or a follow-up) as a draft; it may be incomplete."""
    if follows is not None:
        policy.require_view_case(presenter, follows)
        if follows.withdrawn_at is not None:
            raise ValidationError("A withdrawn case takes no follow-up.", field="follows")
        if follows.status not in (CaseStatus.RECOMMENDATIONS_PUBLISHED, CaseStatus.CLOSED):
            raise ValidationError(
                "A follow-up can be presented once the first presentation has recommendations.",
                field="follows",
            )
    return create_case(
        program,
        data,
        presenter=presenter,
        status=CaseStatus.DRAFT,
        follows=follows,
        actor=presenter,
        accepted=accepted,
    )


def follow_up_facts(earlier: Case) -> CaseData:
    """What a follow-up starts from: the patient's facts (age, sex, topics and the structured
    fields the form still has), not the earlier story or question."""
    keys = {spec["key"] for spec in earlier.program.template_fields}
    fields = {k: v for k, v in (earlier.fields or {}).items() if not keys or k in keys}
    return CaseData(
        title=f"Follow-up: {earlier.title}"[:300],
        age=earlier.age,
        sex=str(earlier.sex) if earlier.sex else None,
        fields=fields,
        topics=[t.name for t in earlier.topics],
    )


def edit_case(
    case: Case, data: CaseData, *, actor: User, accepted: Iterable[Acceptance] = ()
) -> list[str]:
    policy.require_edit_case(actor, case)
    return update_case(case, data, actor=actor, accepted=accepted)


def submit_case(case: Case, *, actor: User) -> None:
    """Send a draft (or a returned case) for review; now every required field must be there."""
    policy.require_edit_case(actor, case)
    if case.status not in (CaseStatus.DRAFT, CaseStatus.RETURNED):
        raise ValidationError(
            f"A {case.status.label.lower()} case cannot be submitted.", field="status"
        )
    check_complete(case)
    set_status(case, CaseStatus.SUBMITTED, actor=actor)


def recall_case(case: Case, *, actor: User) -> None:
    """The presenter takes a submitted or returned case back to draft."""
    policy.require_edit_case(actor, case)
    set_status(case, CaseStatus.DRAFT, actor=actor)


def approve_case(case: Case, *, actor: User) -> None:
    policy.require(actor, Permission.REVIEW_CASE, case)
    set_status(case, CaseStatus.APPROVED, actor=actor)
    # approving a case that carries a re-identification warning confirms it
    confirm_risk(case, saved_texts(case), saved_cues(case), actor=actor)
    notify(
        case.presenter,
        "case.approved",
        f"Your case “{case.title}” was approved.",
        case_url(case.id),
    )
    announce_case(case, actor=actor)


def return_case(
    case: Case, comment: str, *, actor: User, accepted: Iterable[Acceptance] = ()
) -> ReviewComment:
    """Send a case back to its presenter with what to change."""
    policy.require(actor, Permission.REVIEW_CASE, case)
    if not isinstance(comment, str) or not comment.strip():
        raise ValidationError("Tell the presenter what to change.", field="comment")
    if len(comment) > COMMENT_MAX:
        raise ValidationError(
            f"The comment must be at most {COMMENT_MAX:,} characters.", field="comment"
        )
    comment = comment.strip()
    hold_case(case)  # before the comment's row: a purge's lock order (app/cases/locking.py)
    overridden = guard(
        RETURN_TEXTS.texts(comment=comment), accepted, actor=actor, program=case.program
    )
    set_status(case, CaseStatus.RETURNED, actor=actor)
    review = ReviewComment(case=case, author_id=actor.id, body=comment)
    db.session.add(review)
    db.session.flush()
    remember_overrides(review, overridden, actor=actor)
    notify(
        case.presenter,
        "case.returned",
        f"Your case “{case.title}” was returned with comments.",
        case_url(case.id),
    )
    return review


def schedule_case(case: Case, session: Session, *, actor: User) -> None:
    """Put an approved case on a session's agenda."""
    policy.require(actor, Permission.MANAGE_SESSIONS, case)
    if case.status is not CaseStatus.APPROVED:
        raise ValidationError("Only approved cases can be scheduled.", field="status")
    if session_over(session):
        raise ValidationError(
            f"Session {session.number} was on {session.date:%d %B %Y}, in the past: "
            "choose an upcoming session.",
            field="session",
        )
    already = any(p.session_id == session.id for p in case.presentations)
    schedule(case, session, actor=actor)
    if not already:
        notify(
            case.presenter,
            "case.scheduled",
            f"Your case “{case.title}” is on the agenda of session {session.number} "
            f"({session.date:%d %B %Y}).",
            case_url(case.id),
        )


def unschedule_case(case: Case, session: Session, *, actor: User) -> None:
    policy.require(actor, Permission.MANAGE_SESSIONS, case)
    for presentation in list(case.presentations):
        if presentation.session_id == session.id:
            if presentation.presented:
                raise ValidationError(
                    "A case already presented stays on the agenda.", field="session"
                )
            case.presentations.remove(presentation)
            db.session.delete(presentation)
            record(actor, "case.unscheduled", case, session_id=session.id)


def mark_presented(case: Case, session: Session, *, actor: User) -> None:
    """Record that the case was discussed in the session."""
    policy.require(actor, Permission.MANAGE_SESSIONS, case)
    presentation = next((p for p in case.presentations if p.session_id == session.id), None)
    if presentation is None:
        raise ValidationError("The case is not on this session's agenda.", field="session")
    if not presentable(session):
        raise ValidationError(
            f"The session is on {session.date:%d %B %Y}; a case is marked presented on or "
            "after that day.",
            field="session",
        )
    if case.status is CaseStatus.APPROVED:
        set_status(case, CaseStatus.PRESENTED, actor=actor)
    elif case.status is not CaseStatus.PRESENTED:
        raise ValidationError(
            f"A {case.status.label.lower()} case cannot be marked presented.", field="status"
        )
    presentation.presented = True


def publish_recommendation(recommendation: Recommendation, *, actor: User) -> None:
    """Publish a recommendation once the case was presented; the presenter is notified."""
    policy.require_edit_recommendation(actor, recommendation)
    case = recommendation.case
    if case.status not in (
        CaseStatus.PRESENTED,
        CaseStatus.RECOMMENDATIONS_PUBLISHED,
        CaseStatus.CLOSED,
    ):
        raise ValidationError(
            f"Recommendations are published after the case is presented; this case is "
            f"{case.status.label.lower()}.",
            field="status",
        )
    if recommendation.status is RecommendationStatus.PUBLISHED:
        return
    publish(recommendation, actor=actor)
    if case.status is CaseStatus.PRESENTED:
        set_status(case, CaseStatus.RECOMMENDATIONS_PUBLISHED, actor=actor)
    notify(
        case.presenter,
        "recommendation.published",
        f"New recommendation for your case “{case.title}”.",
        case_url(case.id),
    )
    announce_recommendation(recommendation, actor=actor)


def close_case(case: Case, *, actor: User) -> None:
    policy.require(actor, Permission.REVIEW_CASE, case)
    set_status(case, CaseStatus.CLOSED, actor=actor)


def withdrawal_reason(value: Any) -> WithdrawalReason:
    """The reason category `value` names; otherwise a ValidationError listing them."""
    try:
        return WithdrawalReason(value.strip() if isinstance(value, str) else value)
    except ValueError:
        choices = ", ".join(r.value for r in WithdrawalReason)
        raise ValidationError(
            f"Choose why the case is withdrawn: one of {choices}.", field="reason"
        ) from None


def withdraw_case(case: Case, reason: Any, *, actor: Actor) -> None:
    """Withdraw a case (its presenter, a coordinator of its program or an admin); the
    presenter is told when someone else does it. The search index drops it on commit."""
    policy.require_view_case(actor, case)
    if case.withdrawn_at is not None:
        raise ValidationError("The case is already withdrawn.", field="case")
    policy.require_withdraw_case(actor, case)
    category = withdrawal_reason(reason)
    case.withdrawn_at = utcnow()
    case.withdrawn_by_id = actor.id
    case.withdrawal_reason = category
    record(actor, "case.withdrawn", case, reason=category.value)
    if policy.is_system(actor) or actor.id != case.presenter_id:
        # Neither title nor link: the presenter may no longer open the case.
        notify(
            case.presenter,
            "case.withdrawn",
            f"Your case {case.id} (drafted {case.created_at:%d %B %Y}) was withdrawn: "
            f"{category.label.lower()}.",
        )


def restore_case(case: Case, *, actor: Actor) -> None:
    """Undo a withdrawal (a coordinator of the program or an admin): the case is back in
    lists and search as it was."""
    policy.require_view_case(actor, case)
    if case.withdrawn_at is None:
        raise ValidationError("The case is not withdrawn.", field="case")
    policy.require_restore_case(actor, case)
    reason = case.withdrawal_reason
    case.withdrawn_at = None
    case.withdrawn_by_id = None
    case.withdrawal_reason = None
    record(actor, "case.restored", case, reason=str(reason))
    if policy.is_system(actor) or actor.id != case.presenter_id:
        notify(
            case.presenter,
            "case.restored",
            f"Your case “{case.title}” was restored.",
            case_url(case.id),
        )


@dataclass(frozen=True)
class OutcomeEntry:
    """What became of one recommendation, as typed at a follow-up (empty: not recorded)."""

    recommendation: Recommendation
    adoption: str = ""
    patient_status: str = ""
    note: str = ""


def record_outcomes(
    follow_up: Case,
    entries: Iterable[OutcomeEntry],
    *,
    actor: User,
    accepted: Iterable[Acceptance] = (),
) -> int:
    """Record the outcomes given at a follow-up, at least one; an entry left empty is skipped.
    Problems and findings are named under `outcomes.<recommendation id>`; returns how many."""
    accepted = list(accepted)
    recorded = 0
    for entry in entries:
        r = entry.recommendation
        if not (entry.adoption or entry.patient_status or entry.note):
            continue
        prefix = f"outcomes.{r.id}"
        try:
            record_outcome(
                follow_up,
                r,
                entry.adoption,
                entry.patient_status,
                note=entry.note,
                actor=actor,
                accepted=renamed(accepted, prefix),
            )
        except IdentifiersFound as exc:
            raise exc.within(prefix) from None
        except ValidationError as exc:
            name = f"{prefix}.{exc.field}" if exc.field else prefix
            raise ValidationError(
                f"Recommendation {r.position}: {exc.message}", field=name
            ) from None
        recorded += 1
    if not recorded:
        raise ValidationError(
            "Choose the adoption and the patient's status for at least one recommendation.",
            field="outcomes",
        )
    return recorded
