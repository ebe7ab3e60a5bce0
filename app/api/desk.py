"""API v1: the coordinator's session desk, sending recommendations, attendance per
session, and the caller's transcript."""

from __future__ import annotations

from typing import Any

from flask import request

from app.api import schemas
from app.api.base import SPEC, api_blueprint, api_user
from app.api.resources import _case, _program, _session
from app.api.schemas import DATE
from app.api.spec import Query
from app.attendance.models import CreditRule
from app.attendance.operations import (
    attendance_of,
    credit_rule,
    evaluation_results,
    record_attendance,
    set_credit_rule,
    submit_evaluation,
    transcript,
)
from app.auth import policy
from app.auth.models import User
from app.desk.models import RecommendationsSent
from app.desk.operations import (
    REVIEW_DAYS_MAX,
    draft_conflicts,
    review_days,
    send_recommendations,
    session_desk,
)
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.inputs import bounded_date
from app.programs.models import Session
from app.recommendations.models import Recommendation

API = api_blueprint


def _date_arg(name: str) -> Any:
    """A date from the query string; given blank, refused (the API never reads blank as none)."""
    raw = request.args.get(name)
    if raw is not None and not raw.strip():
        raise ValidationError(f"{name} must be a date written YYYY-MM-DD.", field=name)
    return bounded_date(raw, name, strict=True)


def _name(user: User | None) -> str | None:
    return user.display_name if user is not None else None


def _brief(r: Recommendation) -> schemas.RecommendationBrief:
    return schemas.RecommendationBrief(
        id=r.id,
        position=r.position,
        status=r.status.value,
        category=r.category,
        author=_name(r.author),
        body=r.body,
    )


def sent_answer(sent: RecommendationsSent) -> schemas.RecommendationsSent:
    return schemas.RecommendationsSent(
        id=sent.id,
        case_id=sent.case_id,
        sent_at=sent.sent_at,
        sent_by=_name(sent.sent_by),
        recommendation_ids=list(sent.recommendation_ids),
    )


@SPEC.operation(
    API,
    "/programs/<slug>/desk",
    "GET",
    summary="The coordinator's session desk: upcoming agendas, overdue items, recommendations",
    tag="desk",
    query=(
        Query(
            "days",
            {"type": "integer", "minimum": 1, "maximum": REVIEW_DAYS_MAX},
            "Cases waiting review longer than this many days are overdue (default 7).",
        ),
    ),
    response=schemas.SessionDesk,
)
def program_desk(slug: str) -> schemas.SessionDesk:
    desk = session_desk(
        _program(slug), actor=api_user(), days=review_days(request.args.get("days"))
    )
    overdue = {p.case.id for p in desk.overdue_letters}
    return schemas.SessionDesk(
        program=desk.program.slug,
        review_days=desk.review_days,
        upcoming=[
            schemas.DeskSession(
                session_id=s.id,
                number=s.number,
                date=s.date,
                title=s.title,
                didactic_topic=s.didactic_topic,
                didactic_presenter=s.didactic_presenter,
                agenda=[
                    schemas.DeskAgendaItem(
                        case_id=p.case.id,
                        title=p.case.title,
                        presenter=_name(p.case.presenter),
                        status=p.case.status,
                    )
                    for p in agenda
                ],
            )
            for s, agenda in desk.upcoming
        ],
        waiting_review=[
            schemas.WaitingReview(case_id=c.id, title=c.title, submitted_at=c.submitted_at)
            for c in desk.waiting_review
        ],
        presented=[
            schemas.PresentedCase(
                case_id=p.case.id,
                title=p.case.title,
                presenter=_name(p.case.presenter),
                session_id=p.session.id,
                session_date=p.session.date,
                recommendations=[_brief(r) for r in p.published + p.drafts],
                sent=[sent_answer(s) for s in p.sent],
                overdue=p.case.id in overdue,
            )
            for p in desk.presented
        ],
    )


@SPEC.operation(
    API,
    "/cases/<int:case_id>/recommendations/send",
    "POST",
    summary="Send the hub's published recommendations to the presenter as one letter",
    tag="desk",
    body=schemas.SendRecommendations,
    response=schemas.RecommendationsSent,
    status=201,
)
def send_case_recommendations(
    case_id: int, payload: schemas.SendRecommendations
) -> schemas.RecommendationsSent:
    case = _case(case_id)
    publish_drafts = bool(payload.publish_drafts)
    warned = draft_conflicts(case) if publish_drafts else []
    sent = send_recommendations(case, actor=api_user(), publish_drafts=publish_drafts)
    db.session.commit()
    answer = sent_answer(sent)
    answer.conflicts = [
        schemas.SentConflict(recommendation_id=r.id, **c.to_dict()) for r, c in warned
    ]
    return answer


def _attendance_answer(session: Session) -> schemas.Attendance:
    rows = sorted(attendance_of(session).values(), key=lambda r: r.user.display_name.lower())
    return schemas.Attendance(
        session_id=session.id,
        attendance_count=session.attendance_count,
        participants=[
            schemas.Participant(
                user_id=r.user_id, name=r.user.display_name, minutes=r.minutes, source=r.source
            )
            for r in rows
        ],
    )


@SPEC.operation(
    API,
    "/sessions/<int:session_id>/attendance",
    "GET",
    summary="Who attended the session, with minutes",
    tag="attendance",
    response=schemas.Attendance,
)
def session_attendance_endpoint(session_id: int) -> schemas.Attendance:
    session = _session(session_id)
    policy.require_run_desk(api_user(), session.program)
    return _attendance_answer(session)


@SPEC.operation(
    API,
    "/sessions/<int:session_id>/attendance",
    "PUT",
    summary="Replace the session's attendance list (minutes null: the whole session)",
    tag="attendance",
    body=schemas.AttendanceList,
    response=schemas.Attendance,
)
def put_session_attendance(session_id: int, payload: schemas.AttendanceList) -> schemas.Attendance:
    session = _session(session_id)
    present = {p.user_id: p.minutes for p in payload.participants}
    record_attendance(session, present, actor=api_user())
    db.session.commit()
    return _attendance_answer(session)


@SPEC.operation(
    API,
    "/me/transcript",
    "GET",
    summary="The caller's sessions attended, minutes and credit",
    tag="attendance",
    query=(
        Query("program", {"type": "string"}, "Program slug."),
        Query("from", DATE, "First session date."),
        Query("to", DATE, "Last session date."),
    ),
    response=schemas.Transcript,
)
def my_transcript_endpoint() -> schemas.Transcript:
    slug = request.args.get("program")
    program = _program(slug) if slug else None
    start, end = _date_arg("from"), _date_arg("to")
    lines = transcript(api_user(), program=program, start=start, end=end)
    return schemas.Transcript(
        total_credits=sum(line.credits for line in lines),
        sessions=[
            schemas.TranscriptSession(
                session_id=line.session.id,
                program=line.session.program.slug,
                date=line.session.date,
                title=line.session.title,
                minutes=line.minutes,
                evaluated=line.evaluated,
                credits=line.credits,
                note=line.note,
            )
            for line in lines
        ],
    )


@SPEC.operation(
    API,
    "/sessions/<int:session_id>/evaluation",
    "PUT",
    summary="The caller's post-session evaluation (participants of the session; changeable)",
    tag="attendance",
    body=schemas.EvaluationAnswers,
    response=schemas.Evaluation,
)
def put_session_evaluation(
    session_id: int, payload: schemas.EvaluationAnswers
) -> schemas.Evaluation:
    evaluation = submit_evaluation(
        _session(session_id),
        actor=api_user(),
        rating=payload.rating,
        will_change_practice=payload.will_change_practice,
    )
    db.session.commit()
    return schemas.Evaluation(
        session_id=evaluation.session_id,
        rating=evaluation.rating,
        will_change_practice=evaluation.will_change_practice,
        submitted_at=evaluation.submitted_at,
    )


@SPEC.operation(
    API,
    "/sessions/<int:session_id>/evaluations",
    "GET",
    summary="The session's evaluation results in totals (the program's coordinators)",
    tag="attendance",
    response=schemas.EvaluationResults,
)
def session_evaluation_results(session_id: int) -> schemas.EvaluationResults:
    results = evaluation_results(_session(session_id), actor=api_user())
    return schemas.EvaluationResults(
        session_id=session_id,
        participants=results.participants,
        responses=results.responses,
        average_rating=results.average_rating,
        ratings={str(k): v for k, v in sorted(results.ratings.items())},
        will_change_practice=results.will_change_practice,
    )


def _credit_rule_answer(rule: CreditRule) -> schemas.CreditRule:
    return schemas.CreditRule(
        credit_type=rule.credit_type,
        credits_per_session=rule.credits_per_session,
        minimum_minutes=rule.minimum_minutes,
        evaluation_required=rule.evaluation_required,
        accreditation_statement=rule.accreditation_statement,
        signer_name=rule.signer_name,
        signer_title=rule.signer_title,
    )


@SPEC.operation(
    API,
    "/programs/<slug>/credit-rule",
    "GET",
    summary="How the program's sessions earn credit, and what its certificates print "
    "(its coordinators)",
    tag="attendance",
    response=schemas.CreditRule,
)
def get_credit_rule(slug: str) -> schemas.CreditRule:
    program = _program(slug)
    policy.require_run_desk(api_user(), program)
    rule = credit_rule(program)
    if rule is None:
        raise NotFound(f"{program.name} offers no credit yet.")
    return _credit_rule_answer(rule)


@SPEC.operation(
    API,
    "/programs/<slug>/credit-rule",
    "PUT",
    summary="Set the program's credit rule and the statement and signer on its certificates",
    tag="attendance",
    body=schemas.CreditRuleChanges,
    response=schemas.CreditRule,
)
def put_credit_rule(slug: str, payload: schemas.CreditRuleChanges) -> schemas.CreditRule:
    # Left out, the statement and signer keep what is saved.
    changes = payload.model_dump(exclude={"accept_findings"})
    accepted = schemas.acceptances(payload.accept_findings)
    rule = set_credit_rule(_program(slug), actor=api_user(), accepted=accepted, **changes)
    db.session.commit()
    return _credit_rule_answer(rule)
