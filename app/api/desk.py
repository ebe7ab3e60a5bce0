"""API v1: the coordinator's session desk, sending recommendations, attendance per
session, and the caller's transcript."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request

from app.api.base import SPEC, api_blueprint, api_user
from app.api.resources import _case, _program, _session
from app.api.schemas import ACCEPT, DATE, ID, PLAIN
from app.api.spec import Query
from app.attendance.models import CreditType
from app.attendance.operations import (
    MAX_SIGNER,
    MAX_STATEMENT,
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
from app.deid.gate import parse_acceptances
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
from app.recommendations.models import Recommendation

API = api_blueprint


def _date_arg(name: str) -> Any:
    """A date from the query string; given blank, refused (the API never reads blank as none)."""
    raw = request.args.get(name)
    if raw is not None and not raw.strip():
        raise ValidationError(f"{name} must be a date written YYYY-MM-DD.", field=name)
    return bounded_date(raw, name)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _name(user: User | None) -> str | None:
    return user.display_name if user is not None else None


RECOMMENDATION_BRIEF = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "position": {"type": "integer"},
        "status": {"type": "string", "enum": ["draft", "published"]},
        "category": {"type": "string"},
        "author": {"type": ["string", "null"]},
        "body": {"type": "string"},
    },
}
SENT = SPEC.schema(
    "RecommendationsSent",
    {
        "type": "object",
        "required": ["id", "case_id", "sent_at", "recommendation_ids"],
        "properties": {
            "id": {"type": "integer"},
            "case_id": {"type": "integer"},
            "sent_at": {"type": "string"},
            "sent_by": {"type": ["string", "null"]},
            "recommendation_ids": {"type": "array", "items": {"type": "integer"}},
            "conflicts": {
                "type": "array",
                "description": "Current best practices the drafts just published on the "
                "hub's behalf may contradict (a warning, as when an expert publishes).",
                "items": {"type": "object"},
            },
        },
    },
)
DESK = SPEC.schema(
    "SessionDesk",
    {
        "type": "object",
        "properties": {
            "program": {"type": "string"},
            "review_days": {"type": "integer"},
            "upcoming": {"type": "array", "items": {"type": "object"}},
            "waiting_review": {"type": "array", "items": {"type": "object"}},
            "presented": {"type": "array", "items": {"type": "object"}},
        },
    },
)
ATTENDANCE = SPEC.schema(
    "Attendance",
    {
        "type": "object",
        "properties": {
            "session_id": {"type": "integer"},
            "attendance_count": {"type": ["integer", "null"]},
            "participants": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "user_id": {"type": "integer"},
                        "name": {"type": "string"},
                        "minutes": {"type": ["integer", "null"]},
                        "source": {"type": "string", "enum": ["ticked", "imported"]},
                    },
                },
            },
        },
    },
)
SPEC.schema(
    "AttendanceList",
    {
        "type": "object",
        "required": ["participants"],
        "properties": {
            "participants": {
                "type": "array",
                "maxItems": 5000,
                "items": {
                    "type": "object",
                    "required": ["user_id"],
                    "properties": {
                        "user_id": ID,
                        "minutes": {"type": ["integer", "null"], "minimum": 0, "maximum": 1440},
                    },
                    "additionalProperties": False,
                },
            }
        },
        "additionalProperties": False,
    },
)
SPEC.schema(
    "SendRecommendations",
    {
        "type": "object",
        "properties": {"publish_drafts": {"type": "boolean"}},
        "additionalProperties": False,
    },
)
TRANSCRIPT = SPEC.schema(
    "Transcript",
    {
        "type": "object",
        "properties": {
            "total_credits": {"type": "number"},
            "sessions": {"type": "array", "items": {"type": "object"}},
        },
    },
)


SPEC.schema(
    "EvaluationAnswers",
    {
        "type": "object",
        "required": ["rating", "will_change_practice"],
        "additionalProperties": False,
        "properties": {
            "rating": {
                "type": "integer",
                "minimum": 1,
                "maximum": 5,
                "description": "1 (poor) to 5 (excellent).",
            },
            "will_change_practice": {"type": "boolean"},
        },
    },
)
EVALUATION = SPEC.schema(
    "Evaluation",
    {
        "type": "object",
        "required": ["session_id", "rating", "will_change_practice", "submitted_at"],
        "properties": {
            "session_id": {"type": "integer"},
            "rating": {"type": "integer"},
            "will_change_practice": {"type": "boolean"},
            "submitted_at": {"type": "string"},
        },
    },
)
EVALUATION_RESULTS = SPEC.schema(
    "EvaluationResults",
    {
        "type": "object",
        "required": ["session_id", "participants", "responses", "ratings"],
        "properties": {
            "session_id": {"type": "integer"},
            "participants": {"type": "integer"},
            "responses": {"type": "integer"},
            "average_rating": {"type": ["number", "null"]},
            "ratings": {
                "type": "object",
                "description": 'How many gave each rating, "1" (poor) to "5" (excellent).',
                "additionalProperties": {"type": "integer"},
            },
            "will_change_practice": {"type": "integer"},
        },
    },
)


def _brief(r: Recommendation) -> dict[str, Any]:
    return {
        "id": r.id,
        "position": r.position,
        "status": str(r.status),
        "category": str(r.category),
        "author": _name(r.author),
        "body": r.body,
    }


def sent_json(sent: RecommendationsSent) -> dict[str, Any]:
    return {
        "id": sent.id,
        "case_id": sent.case_id,
        "sent_at": _iso(sent.sent_at),
        "sent_by": _name(sent.sent_by),
        "recommendation_ids": list(sent.recommendation_ids),
    }


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
    response=DESK,
)
def program_desk(slug: str) -> Any:
    desk = session_desk(
        _program(slug), actor=api_user(), days=review_days(request.args.get("days"))
    )
    overdue = {p.case.id for p in desk.overdue_letters}
    return jsonify(
        {
            "program": desk.program.slug,
            "review_days": desk.review_days,
            "upcoming": [
                {
                    "session_id": s.id,
                    "number": s.number,
                    "date": s.date.isoformat(),
                    "title": s.title,
                    "didactic_topic": s.didactic_topic,
                    "didactic_presenter": s.didactic_presenter,
                    "agenda": [
                        {
                            "case_id": p.case.id,
                            "title": p.case.title,
                            "presenter": _name(p.case.presenter),
                            "status": str(p.case.status),
                        }
                        for p in agenda
                    ],
                }
                for s, agenda in desk.upcoming
            ],
            "waiting_review": [
                {"case_id": c.id, "title": c.title, "submitted_at": _iso(c.submitted_at)}
                for c in desk.waiting_review
            ],
            "presented": [
                {
                    "case_id": p.case.id,
                    "title": p.case.title,
                    "presenter": _name(p.case.presenter),
                    "session_id": p.session.id,
                    "session_date": p.session.date.isoformat(),
                    "recommendations": [_brief(r) for r in p.published + p.drafts],
                    "sent": [sent_json(s) for s in p.sent],
                    "overdue": p.case.id in overdue,
                }
                for p in desk.presented
            ],
        }
    )


@SPEC.operation(
    API,
    "/cases/<int:case_id>/recommendations/send",
    "POST",
    summary="Send the hub's published recommendations to the presenter as one letter",
    tag="desk",
    body="SendRecommendations",
    response=SENT,
    status=201,
)
def send_case_recommendations(case_id: int, payload: dict[str, Any]) -> Any:
    case = _case(case_id)
    publish_drafts = payload.get("publish_drafts", False)
    warned = draft_conflicts(case) if publish_drafts else []
    sent = send_recommendations(case, actor=api_user(), publish_drafts=publish_drafts)
    db.session.commit()
    conflicts = [{"recommendation_id": r.id, **c.to_dict()} for r, c in warned]
    return jsonify({**sent_json(sent), "conflicts": conflicts}), 201


def _attendance_json(session: Any) -> dict[str, Any]:
    rows = sorted(attendance_of(session).values(), key=lambda r: r.user.display_name.lower())
    return {
        "session_id": session.id,
        "attendance_count": session.attendance_count,
        "participants": [
            {
                "user_id": r.user_id,
                "name": r.user.display_name,
                "minutes": r.minutes,
                "source": str(r.source),
            }
            for r in rows
        ],
    }


@SPEC.operation(
    API,
    "/sessions/<int:session_id>/attendance",
    "GET",
    summary="Who attended the session, with minutes",
    tag="attendance",
    response=ATTENDANCE,
)
def session_attendance_endpoint(session_id: int) -> Any:
    session = _session(session_id)
    policy.require_run_desk(api_user(), session.program)
    return jsonify(_attendance_json(session))


@SPEC.operation(
    API,
    "/sessions/<int:session_id>/attendance",
    "PUT",
    summary="Replace the session's attendance list (minutes null: the whole session)",
    tag="attendance",
    body="AttendanceList",
    response=ATTENDANCE,
)
def put_session_attendance(session_id: int, payload: dict[str, Any]) -> Any:
    session = _session(session_id)
    present = {p["user_id"]: p.get("minutes") for p in payload["participants"]}
    record_attendance(session, present, actor=api_user())
    db.session.commit()
    return jsonify(_attendance_json(session))


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
    response=TRANSCRIPT,
)
def my_transcript_endpoint() -> Any:
    slug = request.args.get("program")
    program = _program(slug) if slug else None
    start, end = _date_arg("from"), _date_arg("to")
    lines = transcript(api_user(), program=program, start=start, end=end)
    return jsonify(
        {
            "total_credits": sum(line.credits for line in lines),
            "sessions": [
                {
                    "session_id": line.session.id,
                    "program": line.session.program.slug,
                    "date": line.session.date.isoformat(),
                    "title": line.session.title,
                    "minutes": line.minutes,
                    "evaluated": line.evaluated,
                    "credits": line.credits,
                    "note": line.note,
                }
                for line in lines
            ],
        }
    )


@SPEC.operation(
    API,
    "/sessions/<int:session_id>/evaluation",
    "PUT",
    summary="The caller's post-session evaluation (participants of the session; changeable)",
    tag="attendance",
    body="EvaluationAnswers",
    response=EVALUATION,
)
def put_session_evaluation(session_id: int, payload: dict[str, Any]) -> Any:
    evaluation = submit_evaluation(
        _session(session_id),
        actor=api_user(),
        rating=payload["rating"],
        will_change_practice=payload["will_change_practice"],
    )
    db.session.commit()
    return jsonify(
        {
            "session_id": evaluation.session_id,
            "rating": evaluation.rating,
            "will_change_practice": evaluation.will_change_practice,
            "submitted_at": _iso(evaluation.submitted_at),
        }
    )


@SPEC.operation(
    API,
    "/sessions/<int:session_id>/evaluations",
    "GET",
    summary="The session's evaluation results in totals (the program's coordinators)",
    tag="attendance",
    response=EVALUATION_RESULTS,
)
def session_evaluation_results(session_id: int) -> Any:
    results = evaluation_results(_session(session_id), actor=api_user())
    return jsonify(
        {
            "session_id": session_id,
            "participants": results.participants,
            "responses": results.responses,
            "average_rating": results.average_rating,
            "ratings": {str(k): v for k, v in sorted(results.ratings.items())},
            "will_change_practice": results.will_change_practice,
        }
    )


CREDIT_RULE = SPEC.schema(
    "CreditRule",
    {
        "type": "object",
        "required": [
            "credit_type",
            "credits_per_session",
            "minimum_minutes",
            "evaluation_required",
        ],
        "properties": {
            "credit_type": {"type": "string", "enum": [t.value for t in CreditType]},
            "credits_per_session": {"type": "number"},
            "minimum_minutes": {"type": "integer"},
            "evaluation_required": {"type": "boolean"},
            "accreditation_statement": {"type": "string"},
            "signer_name": {"type": "string"},
            "signer_title": {"type": "string"},
        },
    },
)
SPEC.schema(
    "CreditRuleChanges",
    {
        "type": "object",
        "required": [
            "credit_type",
            "credits_per_session",
            "minimum_minutes",
            "evaluation_required",
        ],
        "additionalProperties": False,
        "properties": {
            "credit_type": {"type": "string", "enum": [t.value for t in CreditType]},
            "credits_per_session": {"type": "number", "exclusiveMinimum": 0, "maximum": 100},
            "minimum_minutes": {"type": "integer", "minimum": 0, "maximum": 1440},
            "evaluation_required": {"type": "boolean"},
            "accreditation_statement": {
                "type": "string",
                "maxLength": MAX_STATEMENT,
                "pattern": PLAIN,
                "description": "Printed on certificates; absent keeps the one saved.",
            },
            "signer_name": {"type": "string", "maxLength": MAX_SIGNER, "pattern": PLAIN},
            "signer_title": {"type": "string", "maxLength": MAX_SIGNER, "pattern": PLAIN},
            "accept_findings": ACCEPT,
        },
    },
)


def _credit_rule_json(rule: Any) -> dict[str, Any]:
    return {
        "credit_type": str(rule.credit_type),
        "credits_per_session": rule.credits_per_session,
        "minimum_minutes": rule.minimum_minutes,
        "evaluation_required": rule.evaluation_required,
        "accreditation_statement": rule.accreditation_statement,
        "signer_name": rule.signer_name,
        "signer_title": rule.signer_title,
    }


@SPEC.operation(
    API,
    "/programs/<slug>/credit-rule",
    "GET",
    summary="How the program's sessions earn credit, and what its certificates print "
    "(its coordinators)",
    tag="attendance",
    response=CREDIT_RULE,
)
def get_credit_rule(slug: str) -> Any:
    program = _program(slug)
    policy.require_run_desk(api_user(), program)
    rule = credit_rule(program)
    if rule is None:
        raise NotFound(f"{program.name} offers no credit yet.")
    return jsonify(_credit_rule_json(rule))


@SPEC.operation(
    API,
    "/programs/<slug>/credit-rule",
    "PUT",
    summary="Set the program's credit rule and the statement and signer on its certificates",
    tag="attendance",
    body="CreditRuleChanges",
    response=CREDIT_RULE,
)
def put_credit_rule(slug: str, payload: dict[str, Any]) -> Any:
    accepted = parse_acceptances(payload.pop("accept_findings", None))
    rule = set_credit_rule(_program(slug), actor=api_user(), accepted=accepted, **payload)
    db.session.commit()
    return jsonify(_credit_rule_json(rule))
