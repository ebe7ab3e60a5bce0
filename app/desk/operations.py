"""What the coordinator's desk shows, and sending the hub's recommendations on a case."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from app.audit.operations import record
from app.auth import policy
from app.auth.policy import Actor, Viewer, write_operation
from app.cases.models import Case, CasePresentation, CaseStatus
from app.cases.operations import set_status
from app.common import today, utcnow
from app.desk.models import RecommendationsSent
from app.errors import ValidationError
from app.extensions import db
from app.notifications.operations import case_url, notify
from app.practices.conflicts import CheckedConflict, check_recommendation, unresolved
from app.programs.models import Program, Session
from app.recommendations.models import Recommendation, RecommendationStatus
from app.recommendations.operations import publish
from app.subscriptions.operations import announce_recommendation

# A presented case whose letter has not gone out this long after its session is overdue.
SEND_WITHIN = timedelta(days=7)
REVIEW_DAYS_DEFAULT = 7
REVIEW_DAYS_MAX = 365
UPCOMING_LIMIT = 10
PRESENTED_LIMIT = 50


@dataclass
class PresentedCase:
    case: Case
    session: Session
    published: list[Recommendation]
    drafts: list[Recommendation]
    sent: list[RecommendationsSent]

    @property
    def last_sent(self) -> RecommendationsSent | None:
        return self.sent[-1] if self.sent else None

    @property
    def unsent(self) -> list[Recommendation]:
        """Published since the last letter (all of them before the first)."""
        done = set(self.last_sent.recommendation_ids) if self.last_sent else set()
        return [r for r in self.published if r.id not in done]


@dataclass
class Desk:
    program: Program
    today: date
    review_days: int
    upcoming: list[tuple[Session, list[CasePresentation]]] = field(default_factory=list)
    waiting_review: list[Case] = field(default_factory=list)
    presented: list[PresentedCase] = field(default_factory=list)

    @property
    def overdue_letters(self) -> list[PresentedCase]:
        return [
            p for p in self.presented if not p.sent and p.session.date <= self.today - SEND_WITHIN
        ]


def review_days(value: Any) -> int:
    """The "waiting review longer than N days" threshold, from a query string or the API."""
    if value in (None, ""):
        return REVIEW_DAYS_DEFAULT
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= REVIEW_DAYS_MAX:
        raise ValidationError(
            f"Days must be a whole number from 1 to {REVIEW_DAYS_MAX}.", field="days"
        )
    return int(text)


def session_desk(program: Program, *, actor: Viewer, days: int = REVIEW_DAYS_DEFAULT) -> Desk:
    """Everything the coordinator of `program` works from, in a fixed number of queries."""
    policy.require_run_desk(actor, program)
    day = today()
    desk = Desk(program=program, today=day, review_days=days)
    sessions = db.session.scalars(
        select(Session)
        .where(Session.program_id == program.id, Session.date >= day)
        .order_by(Session.date, Session.number)
        .limit(UPCOMING_LIMIT)
        .options(
            selectinload(Session.presentations)
            .joinedload(CasePresentation.case)
            .joinedload(Case.presenter)
        )
    )
    for session in sessions:
        agenda = sorted(session.presentations, key=lambda p: p.id)  # the order added
        desk.upcoming.append((session, agenda))
    desk.waiting_review = list(
        db.session.scalars(
            select(Case)
            .where(
                Case.program_id == program.id,
                Case.status == CaseStatus.SUBMITTED,
                Case.submitted_at <= utcnow() - timedelta(days=days),
            )
            .order_by(Case.submitted_at, Case.id)
            .options(joinedload(Case.presenter))
        )
    )
    presentations: Iterable[CasePresentation] = db.session.scalars(
        select(CasePresentation)
        .join(CasePresentation.session)
        .join(CasePresentation.case)
        .where(
            Session.program_id == program.id,
            CasePresentation.presented.is_(True),
            Case.status.in_([CaseStatus.PRESENTED, CaseStatus.RECOMMENDATIONS_PUBLISHED]),
        )
        .order_by(Session.date.desc(), CasePresentation.id)
        .limit(PRESENTED_LIMIT)
        .options(
            joinedload(CasePresentation.session),
            joinedload(CasePresentation.case).options(
                joinedload(Case.presenter),
                selectinload(Case.recommendations).joinedload(Recommendation.author),
            ),
        )
    )
    presentations = list(presentations)
    sent = _sent_by_case([p.case_id for p in presentations])
    seen: set[int] = set()
    for p in presentations:
        if p.case_id in seen:  # the latest session a case was presented at
            continue
        seen.add(p.case_id)
        recs = p.case.recommendations
        desk.presented.append(
            PresentedCase(
                case=p.case,
                session=p.session,
                published=[r for r in recs if r.status is RecommendationStatus.PUBLISHED],
                drafts=[r for r in recs if r.status is RecommendationStatus.DRAFT],
                sent=sent.get(p.case_id, []),
            )
        )
    return desk


def _sent_by_case(case_ids: list[int]) -> dict[int, list[RecommendationsSent]]:
    out: dict[int, list[RecommendationsSent]] = {}
    if not case_ids:
        return out
    rows = db.session.scalars(
        select(RecommendationsSent)
        .where(RecommendationsSent.case_id.in_(case_ids))
        .order_by(RecommendationsSent.sent_at, RecommendationsSent.id)
        .options(joinedload(RecommendationsSent.sent_by))
    )
    for row in rows:
        out.setdefault(row.case_id, []).append(row)
    return out


def draft_conflicts(case: Case) -> list[tuple[Recommendation, CheckedConflict]]:
    """The current best practices the case's drafts may contradict, not marked intentional:
    the conflict checker's warning, shown before the desk publishes them on the hub's
    behalf as it is shown to an expert before publishing (never a refusal)."""
    return [
        (recommendation, checked)
        for recommendation in case.recommendations
        if recommendation.status is RecommendationStatus.DRAFT
        for checked in unresolved(check_recommendation(recommendation))
    ]


def _warn_author_of_conflicts(recommendation: Recommendation) -> None:
    """Its author did not see the checker's warning (the desk published it): tell them."""
    open_conflicts = unresolved(check_recommendation(recommendation))
    if not open_conflicts:
        return
    titles = ", ".join(f"“{c.conflict.practice.title}”" for c in open_conflicts)
    notify(
        recommendation.author,
        "recommendation.conflicts",
        f"Your recommendation {recommendation.position} on “{recommendation.case.title}” was "
        f"published on the hub's behalf; it may contradict {titles}. Review it, or mark it "
        "intentional.",
        f"/recommendations/{recommendation.id}/edit#conflicts",
        case_id=recommendation.case_id,
        practice_ids=[c.conflict.practice.id for c in open_conflicts],
    )


def letters_sent(case: Case) -> list[RecommendationsSent]:
    return _sent_by_case([case.id]).get(case.id, [])


@write_operation
def send_recommendations(
    case: Case, *, actor: Actor, publish_drafts: bool = False
) -> RecommendationsSent:
    """Send the hub's published recommendations on a presented case to its presenter as one
    letter; with `publish_drafts`, the experts' drafts are published on the hub's behalf first."""
    policy.require_run_desk(actor, case.program)
    policy.require_view_case(actor, case)
    if case.status not in (CaseStatus.PRESENTED, CaseStatus.RECOMMENDATIONS_PUBLISHED):
        raise ValidationError(
            "Recommendations are sent once the case is presented; this case is "
            f"{case.status.label.lower()}.",
            field="status",
        )
    if publish_drafts:
        for recommendation in case.recommendations:
            if recommendation.status is RecommendationStatus.DRAFT:
                publish(recommendation, actor=actor)
                announce_recommendation(recommendation, actor=actor)
                _warn_author_of_conflicts(recommendation)
    published = [r for r in case.recommendations if r.status is RecommendationStatus.PUBLISHED]
    if not published:
        raise ValidationError(
            "There is no published recommendation to send yet: ask the experts to publish "
            "theirs, or tick “Publish the drafts”.",
            field="recommendations",
        )
    if case.status is CaseStatus.PRESENTED:
        set_status(case, CaseStatus.RECOMMENDATIONS_PUBLISHED, actor=actor)
    sent = RecommendationsSent(
        case=case,
        sent_by_id=actor.id,
        recommendation_ids=[r.id for r in published],
    )
    db.session.add(sent)
    db.session.flush()
    record(actor, "case.recommendations_sent", case, sent_id=sent.id, count=len(published))
    notify(
        case.presenter,
        "case.recommendations_sent",
        f"The hub's recommendations on your case “{case.title}” were sent: "
        f"{len(published)} in one letter.",
        case_url(case.id, letter=True),
    )
    return sent
