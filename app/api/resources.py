"""API v1 resources: programs, sessions, cases, recommendations, annotations, outcomes.

Every handler parses, calls the same domain operation the web uses, and serializes."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import current_app, request, url_for
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from app.api import schemas
from app.api.base import PAGING, SPEC, api_blueprint, api_user, page_args
from app.api.spec import Query
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Viewer
from app.cases import lifecycle
from app.cases.models import Case, CasePresentation, CaseStatus, ReviewComment
from app.cases.operations import CaseData, content_of, saved_cues, saved_texts
from app.deid.gate import Acceptance
from app.deid.operations import preview_for
from app.deid.risk import assess
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.inputs import MAX_ID, bounded_date, bounded_int
from app.practices.conflicts import check_recommendation
from app.programs.models import Program, Session
from app.programs.operations import (
    create_session,
    find_program,
    update_session,
    visible_programs,
)
from app.recommendations.models import (
    Annotation,
    Outcome,
    Recommendation,
    RecommendationVersion,
)
from app.recommendations.operations import (
    AS_SAVED,
    add_recommendation,
    annotate,
    edit_recommendation,
    versions_seen_by,
)
from app.recommendations.operations import record_outcome as record_outcome_operation

API = api_blueprint


# ------------------------------------------------------------------ serializers


def program_answer(program: Program) -> schemas.Program:
    return schemas.Program(
        id=program.id,
        slug=program.slug,
        name=program.name,
        description=program.description,
        private=program.private,
        template=program.case_template,
    )


def session_answer(session: Session, user: Viewer, *, agenda: bool = False) -> schemas.Session:
    answer = schemas.Session(
        id=session.id,
        program=session.program.slug,
        number=session.number,
        date=session.date,
        title=session.title,
        didactic_topic=session.didactic_topic,
        didactic_presenter=session.didactic_presenter,
        attendance_count=session.attendance_count,
        notes=session.notes,
        topics=[t.name for t in session.topics],
    )
    if agenda:
        # Set after building, so that a list of sessions leaves the agenda out.
        answer.cases = [
            schemas.AgendaItem(
                case_id=p.case_id, title=p.case.title, status=p.case.status, presented=p.presented
            )
            for p in session.presentations
            if policy.can_list_case(user, p.case)
        ]
    return answer


# What case_answer reads of a case, loaded with a page of cases rather than case by case.
CASE_JSON_LOADS = (
    joinedload(Case.presenter),
    selectinload(Case.topics),
    selectinload(Case.presentations).joinedload(CasePresentation.session),
    selectinload(Case.follow_ups),
    selectinload(Case.review_comments).joinedload(ReviewComment.author),
)


def _author(user: User | None) -> schemas.Person | None:
    return schemas.Person(id=user.id, display_name=user.display_name) if user else None


def case_answer(case: Case, user: Viewer) -> schemas.Case:
    answer = schemas.Case(
        id=case.id,
        ref=case.ref,
        program=case.program.slug,
        title=case.title,
        age=case.age,
        sex=case.sex,
        status=case.status,
        question=case.question,
        presentation=case.presentation,
        fields=case.fields or {},
        topics=[t.name for t in case.topics],
        sessions=[
            schemas.CaseSession(
                id=p.session.id, date=p.session.date, number=p.session.number, presented=p.presented
            )
            for p in sorted(case.presentations, key=lambda p: p.session.date)
        ],
        presenter=_author(case.presenter),
        # the earlier presentation only when the reader may open it (withdrawn: not)
        follows_id=case.follows_id
        if case.follows is not None and policy.can_view_case(user, case.follows)
        else None,
        follow_up_ids=[c.id for c in case.follow_ups if policy.can_view_case(user, c)],
        review_comments=[
            schemas.ReviewComment(body=c.body, author=_author(c.author), created_at=c.created_at)
            for c in case.review_comments
        ]
        if policy.can_see_review(user, case)
        else [],
        deid_risk=_deid_risk(case, user),
        created_at=case.created_at,
        updated_at=case.updated_at,
        url=url_for("cases.case", case_id=case.id, _external=False)
        if "cases.case" in current_app.view_functions
        else f"/cases/{case.id}",
    )
    if policy.can_see_withdrawn(user, case):  # those who may still open a withdrawn case
        # Set after building, so that for everyone else the two stay out of the answer.
        answer.withdrawn_at = case.withdrawn_at
        answer.withdrawal_reason = case.withdrawal_reason
    return answer


def _deid_risk(case: Case, user: Viewer) -> schemas.DeidRisk | None:
    """The re-identification warning (offsets and kinds, no text), for presenter and reviewers."""
    if not policy.can_see_deid_risk(user, case):
        return None
    warning = assess(saved_texts(case), saved_cues(case))
    return schemas.DeidRisk.model_validate(warning.to_dict()) if warning else None


def recommendation_answer(
    rec: Recommendation, *, conflicts: bool = False
) -> schemas.Recommendation:
    """A recommendation with its annotations; `conflicts` once it was written, edited or
    published: the current best practices it may contradict, a warning, never a refusal
    (mark one intentional with POST /recommendations/{id}/dissents)."""
    answer = schemas.Recommendation.model_validate(rec, from_attributes=True)
    if conflicts:
        answer.conflicts = [
            schemas.Conflict.model_validate(c.to_dict()) for c in check_recommendation(rec)
        ]
    return answer


# ------------------------------------------------------------------ lookups


def _program(slug: str) -> Program:
    # One answer for a missing program and a private one the user is not a member of, so
    # that private slugs can't be told from unknown ones.
    program = find_program(slug)
    if program is None or not policy.can_view_program(api_user(), program):
        raise NotFound("No such program.", field="program")
    return program


def _session(session_id: int) -> Session:
    session = db.session.get(Session, session_id)
    if session is None or not policy.can_view_program(api_user(), session.program):
        raise NotFound(f"No session {session_id}.")
    return session


def _case(case_id: int, *options: Any) -> Case:
    case = db.session.get(Case, case_id, options=options)
    if case is None or not policy.can_view_case(api_user(), case):
        raise NotFound(f"No case {case_id}.")
    return case


def _recommendation(recommendation_id: int, *options: Any) -> Recommendation:
    # Its author and the annotations' authors with it: the answers name each (a query per
    # author before, or none when the author had annotated it: the count followed the data).
    rec = db.session.get(
        Recommendation,
        recommendation_id,
        options=[
            joinedload(Recommendation.author),
            selectinload(Recommendation.annotations).joinedload(Annotation.author),
            *options,
        ],
    )
    if rec is None or not policy.can_view_recommendation(api_user(), rec):
        raise NotFound(f"No recommendation {recommendation_id}.")
    return rec


def _date(value: Any, field: str = "date") -> date:
    parsed = bounded_date(value, field, strict=True)
    if parsed is None:
        raise ValidationError(f"{field} is required.", field=field)
    return parsed


# ------------------------------------------------------------------ programs


@SPEC.operation(
    API,
    "/me",
    "GET",
    summary="The account behind the token",
    tag="accounts",
    response=schemas.CurrentAccount,
)
def me() -> schemas.CurrentAccount:
    user = api_user()
    return schemas.CurrentAccount(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=str(user.role),
        programs=sorted(m.program.slug for m in user.memberships),
    )


@SPEC.operation(
    API,
    "/programs",
    "GET",
    summary="Programs you may see",
    tag="programs",
    response=schemas.ProgramPage,
)
def list_programs() -> schemas.ProgramPage:
    programs = visible_programs(api_user())
    return schemas.ProgramPage.of([program_answer(p) for p in programs])


@SPEC.operation(
    API,
    "/programs/<slug>",
    "GET",
    summary="One program with its case template",
    tag="programs",
    response=schemas.Program,
)
def read_program(slug: str) -> schemas.Program:
    return program_answer(_program(slug))


# ------------------------------------------------------------------ sessions


@SPEC.operation(
    API,
    "/programs/<slug>/sessions",
    "GET",
    summary="A program's sessions",
    tag="sessions",
    query=PAGING,
    response=schemas.SessionPage,
)
def list_sessions(slug: str) -> schemas.SessionPage:
    program = _program(slug)
    page, per_page = page_args()
    stmt = select(Session).where(Session.program_id == program.id)
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    sessions = db.session.scalars(
        stmt.order_by(Session.date.desc(), Session.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
        .options(selectinload(Session.topics))
    )
    return schemas.SessionPage(
        total=total,
        page=page,
        per_page=per_page,
        results=[session_answer(s, api_user()) for s in sessions],
    )


@SPEC.operation(
    API,
    "/programs/<slug>/sessions",
    "POST",
    summary="Create a session",
    tag="sessions",
    body=schemas.SessionCreate,
    response=schemas.Session,
    status=201,
)
def create_session_endpoint(slug: str, payload: schemas.SessionCreate) -> schemas.Session:
    program = _program(slug)
    session = create_session(
        program,
        _date(payload.date),
        title=payload.title or "",
        number=payload.number,
        didactic_topic=payload.didactic_topic or "",
        didactic_presenter=payload.didactic_presenter or "",
        attendance_count=payload.attendance_count,
        notes=payload.notes or "",
        topics=payload.topics or [],
        actor=api_user(),
        accepted=_findings_accepted(payload),
    )
    answer = session_answer(session, api_user(), agenda=True)
    db.session.commit()
    return answer


@SPEC.operation(
    API,
    "/sessions/<int:session_id>",
    "GET",
    summary="A session and its agenda",
    tag="sessions",
    response=schemas.Session,
)
def read_session(session_id: int) -> schemas.Session:
    session = _session(session_id)
    # The agenda with its cases in one query, not one per case.
    session = db.session.scalars(
        select(Session)
        .where(Session.id == session.id)
        .options(
            selectinload(Session.topics),
            selectinload(Session.presentations).joinedload(CasePresentation.case),
        )
    ).one()
    return session_answer(session, api_user(), agenda=True)


@SPEC.operation(
    API,
    "/sessions/<int:session_id>",
    "PATCH",
    summary="Change a session",
    tag="sessions",
    body=schemas.SessionUpdate,
    response=schemas.Session,
)
def update_session_endpoint(session_id: int, payload: schemas.SessionUpdate) -> schemas.Session:
    session = _session(session_id)
    # Only what the body sends changes.
    changes: dict[str, Any] = {
        k: getattr(payload, k)
        for k in payload.model_fields_set
        if k not in ("topics", "accept_findings")
    }
    if "date" in changes:
        changes["date"] = _date(changes["date"])
    update_session(
        session,
        actor=api_user(),
        accepted=_findings_accepted(payload),
        topics=payload.topics,
        **changes,
    )
    db.session.commit()
    return session_answer(session, api_user(), agenda=True)


@SPEC.operation(
    API,
    "/sessions/<int:session_id>/cases",
    "POST",
    summary="Schedule an approved case into the session",
    tag="sessions",
    body=schemas.Schedule,
    response=schemas.Session,
)
def schedule_case_endpoint(session_id: int, payload: schemas.Schedule) -> schemas.Session:
    session = _session(session_id)
    lifecycle.schedule_case(_case(payload.case_id), session, actor=api_user())
    db.session.commit()
    return session_answer(session, api_user(), agenda=True)


@SPEC.operation(
    API,
    "/sessions/<int:session_id>/cases/<int:case_id>/presented",
    "POST",
    summary="Mark a scheduled case as presented",
    tag="sessions",
    response=schemas.Case,
)
def mark_presented_endpoint(session_id: int, case_id: int) -> schemas.Case:
    case = _case(case_id)
    lifecycle.mark_presented(case, _session(session_id), actor=api_user())
    db.session.commit()
    return case_answer(case, api_user())


# ------------------------------------------------------------------ cases


CASE_FILTERS = (
    Query("program", {"type": "string"}, "Program slug."),
    Query("status", {"type": "string", "enum": [s.value for s in CaseStatus]}),
    Query("mine", {"type": "boolean"}, "Only cases you present."),
    Query(
        "session",
        {"type": "integer", "minimum": 1, "maximum": MAX_ID},
        "Only cases on this session's agenda.",
    ),
    *PAGING,
)


@SPEC.operation(
    API,
    "/cases",
    "GET",
    summary="Cases you may see",
    tag="cases",
    query=CASE_FILTERS,
    response=schemas.CasePage,
)
def list_cases() -> schemas.CasePage:
    user = api_user()
    page, per_page = page_args()
    programs = visible_programs(user)
    stmt = select(Case).where(
        Case.program_id.in_([p.id for p in programs]), policy.listed_case_clause(user)
    )
    if "program" in request.args:
        slug = request.args["program"]
        program = next((p for p in programs if p.slug == slug), None)
        if program is None:
            raise NotFound("No such program.", field="program")
        stmt = stmt.where(Case.program_id == program.id)
    if "status" in request.args:
        try:
            stmt = stmt.where(Case.status == CaseStatus(request.args["status"]))
        except ValueError:
            raise ValidationError(
                "status must be one of: " + ", ".join(s.value for s in CaseStatus) + ".",
                field="status",
            ) from None
    if _flag("mine"):
        stmt = stmt.where(Case.presenter_id == user.id)
    session_id = bounded_int(request.args.get("session"), "session", maximum=MAX_ID, blank_ok=False)
    if session_id is not None:
        stmt = stmt.where(
            Case.id.in_(
                select(CasePresentation.case_id).where(CasePresentation.session_id == session_id)
            )
        )
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    cases = db.session.scalars(
        stmt.order_by(Case.updated_at.desc(), Case.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
        .options(*CASE_JSON_LOADS)
    )
    return schemas.CasePage(
        total=total, page=page, per_page=per_page, results=[case_answer(c, user) for c in cases]
    )


def _flag(name: str) -> bool:
    """A boolean query parameter: true/false (also 1/0, yes/no); anything else is refused."""
    raw = request.args.get(name)
    if raw is None:
        return False
    raw = raw.strip().lower()
    if raw in ("false", "0", "no"):
        return False
    if raw in ("true", "1", "yes"):
        return True
    raise ValidationError(f"{name} must be true or false.", field=name)


def _case_data(payload: schemas.CaseUpdate, base: CaseData | None = None) -> CaseData:
    data = base or CaseData(title="")
    for key in ("title", "question", "presentation", "age", "sex", "fields", "topics"):
        if key in payload.model_fields_set:
            setattr(data, key, getattr(payload, key))
    return data


def _findings_accepted(payload: schemas.Gated) -> list[Acceptance]:
    return schemas.acceptances(payload.accept_findings)


@SPEC.operation(
    API,
    "/cases",
    "POST",
    summary="Start a case (a draft) or a follow-up",
    tag="cases",
    body=schemas.CaseCreate,
    response=schemas.Case,
    status=201,
)
def create_case_endpoint(payload: schemas.CaseCreate) -> schemas.Case:
    user = api_user()
    program = _program(payload.program)
    follows = _case(payload.follows_id) if payload.follows_id else None
    # a follow-up carries over the patient's facts the payload leaves out
    data = _case_data(payload, lifecycle.follow_up_facts(follows) if follows else None)
    case = lifecycle.draft_case(
        program, data, presenter=user, follows=follows, accepted=_findings_accepted(payload)
    )
    answer = case_answer(case, user)
    db.session.commit()
    return answer


@SPEC.operation(
    API, "/cases/<int:case_id>", "GET", summary="A case", tag="cases", response=schemas.Case
)
def read_case(case_id: int) -> schemas.Case:
    return case_answer(_case(case_id), api_user())


@SPEC.operation(
    API,
    "/cases/<int:case_id>",
    "PATCH",
    summary="Change a case before approval",
    tag="cases",
    body=schemas.CaseUpdate,
    response=schemas.Case,
)
def update_case_endpoint(case_id: int, payload: schemas.CaseUpdate) -> schemas.Case:
    case = _case(case_id)
    lifecycle.edit_case(
        case,
        _case_data(payload, content_of(case)),
        actor=api_user(),
        accepted=_findings_accepted(payload),
    )
    db.session.commit()
    return case_answer(case, api_user())


@SPEC.operation(
    API,
    "/cases/<int:case_id>/actions",
    "POST",
    summary="Move a case: submit, recall (back to draft), approve, return (with comment), close",
    tag="cases",
    body=schemas.CaseAction,
    response=schemas.Case,
)
def case_action(case_id: int, payload: schemas.CaseAction) -> schemas.Case:
    case, user = _case(case_id), api_user()
    action = payload.action
    if action == "return":
        lifecycle.return_case(
            case, payload.comment or "", actor=user, accepted=_findings_accepted(payload)
        )
    else:
        {
            "submit": lifecycle.submit_case,
            "recall": lifecycle.recall_case,
            # Deprecated v1 name of "recall"; withdrawing is POST .../withdrawal.
            "withdraw": lifecycle.recall_case,
            "approve": lifecycle.approve_case,
            "close": lifecycle.close_case,
        }[action](case, actor=user)
    db.session.commit()
    return case_answer(case, user)


@SPEC.operation(
    API,
    "/cases/<int:case_id>/withdrawal",
    "POST",
    summary="Withdraw a case (presenter, program coordinator, admin): hidden everywhere, kept",
    tag="cases",
    body=schemas.WithdrawalCreate,
    response=schemas.Withdrawal,
    status=201,
)
def withdraw_case_endpoint(case_id: int, payload: schemas.WithdrawalCreate) -> schemas.Withdrawal:
    case = _case(case_id)
    lifecycle.withdraw_case(case, payload.reason, actor=api_user())
    assert case.withdrawn_at is not None and case.withdrawal_reason is not None  # just set
    answer = schemas.Withdrawal(
        case_id=case.id, withdrawn_at=case.withdrawn_at, reason=case.withdrawal_reason
    )
    db.session.commit()
    return answer


@SPEC.operation(
    API,
    "/cases/<int:case_id>/withdrawal",
    "DELETE",
    summary="Restore a withdrawn case (program coordinator, admin)",
    tag="cases",
    response=schemas.Case,
)
def restore_case_endpoint(case_id: int) -> schemas.Case:
    case, user = _case(case_id), api_user()
    lifecycle.restore_case(case, actor=user)
    db.session.commit()
    return case_answer(case, user)


# ------------------------------------------------------------------ recommendations


@SPEC.operation(
    API,
    "/cases/<int:case_id>/recommendations",
    "GET",
    summary="A case's recommendations",
    tag="recommendations",
    response=schemas.RecommendationPage,
)
def list_recommendations(case_id: int) -> schemas.RecommendationPage:
    user = api_user()
    case = _case(case_id)
    loaded = db.session.scalars(
        select(Recommendation)
        .where(Recommendation.case_id == case.id)
        .options(
            joinedload(Recommendation.author),
            selectinload(Recommendation.annotations).joinedload(Annotation.author),
        )
        .order_by(Recommendation.position)
    ).all()
    recs = [recommendation_answer(r) for r in loaded if policy.can_view_recommendation(user, r)]
    return schemas.RecommendationPage.of(recs)


@SPEC.operation(
    API,
    "/cases/<int:case_id>/recommendations",
    "POST",
    summary="Write a recommendation (optionally publish it)",
    tag="recommendations",
    body=schemas.RecommendationCreate,
    response=schemas.Recommendation,
    status=201,
)
def create_recommendation(
    case_id: int, payload: schemas.RecommendationCreate
) -> schemas.Recommendation:
    user = api_user()
    rec = add_recommendation(
        _case(case_id),
        user,
        payload.body,
        payload.category,
        references=payload.references or [],
        actor=user,
        accepted=_findings_accepted(payload),
    )
    if payload.publish:
        lifecycle.publish_recommendation(rec, actor=user)
    answer = recommendation_answer(rec, conflicts=True)
    db.session.commit()
    return answer


@SPEC.operation(
    API,
    "/recommendations/<int:recommendation_id>",
    "GET",
    summary="A recommendation with its annotations",
    tag="recommendations",
    response=schemas.Recommendation,
)
def read_recommendation(recommendation_id: int) -> schemas.Recommendation:
    return recommendation_answer(_recommendation(recommendation_id))


@SPEC.operation(
    API,
    "/recommendations/<int:recommendation_id>",
    "PATCH",
    summary="Edit a recommendation (its author only; a version is kept)",
    tag="recommendations",
    body=schemas.RecommendationUpdate,
    response=schemas.Recommendation,
)
def update_recommendation(
    recommendation_id: int, payload: schemas.RecommendationUpdate
) -> schemas.Recommendation:
    rec, user = _recommendation(recommendation_id), api_user()
    edit_recommendation(
        rec,
        # left out: as saved when the edit is (read under its lock, not here)
        body=AS_SAVED if payload.body is None else payload.body,
        category=AS_SAVED if payload.category is None else payload.category,
        references=AS_SAVED if payload.references is None else payload.references,
        editor=user,
        actor=user,
        accepted=_findings_accepted(payload),
        base_version=payload.version,
    )
    db.session.commit()
    return recommendation_answer(rec, conflicts=True)


@SPEC.operation(
    API,
    "/recommendations/<int:recommendation_id>/publish",
    "POST",
    summary="Publish a recommendation; the presenter is notified",
    tag="recommendations",
    response=schemas.Recommendation,
)
def publish_recommendation_endpoint(recommendation_id: int) -> schemas.Recommendation:
    rec = _recommendation(recommendation_id)
    lifecycle.publish_recommendation(rec, actor=api_user())
    db.session.commit()
    return recommendation_answer(rec, conflicts=True)


@SPEC.operation(
    API,
    "/recommendations/<int:recommendation_id>/versions",
    "GET",
    summary="Earlier texts of a recommendation",
    tag="recommendations",
    response=schemas.RecommendationVersions,
)
def recommendation_versions(recommendation_id: int) -> schemas.RecommendationVersions:
    # each version's editor with it (the author's is loaded already; another's was not)
    rec = _recommendation(
        recommendation_id,
        selectinload(Recommendation.versions).joinedload(RecommendationVersion.edited_by),
    )
    return schemas.RecommendationVersions.model_validate(
        {"results": versions_seen_by(api_user(), rec)}, from_attributes=True
    )


@SPEC.operation(
    API,
    "/recommendations/<int:recommendation_id>/annotations",
    "GET",
    summary="Annotations on a recommendation, in order",
    tag="annotations",
    response=schemas.AnnotationPage,
)
def list_annotations(recommendation_id: int) -> schemas.AnnotationPage:
    annotations = _recommendation(recommendation_id).annotations
    return schemas.AnnotationPage.of(
        [schemas.Annotation.model_validate(a, from_attributes=True) for a in annotations]
    )


@SPEC.operation(
    API,
    "/recommendations/<int:recommendation_id>/annotations",
    "POST",
    summary="Annotate a recommendation (experts)",
    tag="annotations",
    body=schemas.AnnotationCreate,
    response=schemas.Annotation,
    status=201,
)
def create_annotation(
    recommendation_id: int, payload: schemas.AnnotationCreate
) -> schemas.Annotation:
    user = api_user()
    annotation = annotate(
        _recommendation(recommendation_id),
        user,
        payload.kind,
        payload.body,
        references=payload.references or [],
        actor=user,
        accepted=_findings_accepted(payload),
    )
    answer = schemas.Annotation.model_validate(annotation, from_attributes=True)
    db.session.commit()
    return answer


# ------------------------------------------------------------------ outcomes


@SPEC.operation(
    API,
    "/cases/<int:case_id>/outcomes",
    "GET",
    summary="Outcomes recorded at a follow-up",
    tag="outcomes",
    response=schemas.OutcomePage,
)
def list_outcomes(case_id: int) -> schemas.OutcomePage:
    # Each outcome's recommendation and its case with them: the visibility check reads both
    # (a query per outcome before).
    outcomes = _case(
        case_id,
        selectinload(Case.outcomes)
        .joinedload(Outcome.recommendation)
        .joinedload(Recommendation.case),
    ).outcomes
    user = api_user()
    return schemas.OutcomePage.of(
        [
            schemas.Outcome.model_validate(o, from_attributes=True)
            for o in outcomes
            if policy.can_see_outcome(user, o)
        ]
    )


@SPEC.operation(
    API,
    "/cases/<int:case_id>/outcomes",
    "POST",
    summary="At a follow-up, record what became of an earlier recommendation",
    tag="outcomes",
    body=schemas.OutcomeCreate,
    response=schemas.Outcome,
    status=201,
)
def create_outcome(case_id: int, payload: schemas.OutcomeCreate) -> schemas.Outcome:
    follow_up = _case(case_id)
    rec = db.session.get(Recommendation, payload.recommendation_id)
    if rec is None or not policy.can_view_recommendation(api_user(), rec):
        raise ValidationError(
            f"No recommendation {payload.recommendation_id}.", field="recommendation_id"
        )
    outcome = record_outcome_operation(
        follow_up,
        rec,
        payload.adoption,
        payload.patient_status,
        note=payload.note or "",
        actor=api_user(),
        accepted=_findings_accepted(payload),
    )
    answer = schemas.Outcome.model_validate(outcome, from_attributes=True)
    db.session.commit()
    return answer


# ------------------------------------------------------------------ de-identification


@SPEC.operation(
    API,
    "/deid/scan",
    "POST",
    summary="Find possible identifiers in text as the gate on saving does, those only the "
    "text as shown holds too, and say which you may mark; nothing is stored or logged",
    tag="deid",
    body=schemas.ScanRequest,
    response=schemas.ScanResult,
)
def deid_scan(payload: schemas.ScanRequest) -> schemas.ScanResult:
    program = _program(payload.program) if payload.program is not None else None
    found = preview_for({"text": payload.text}, actor=api_user(), program=program)
    messages = found.hidden_messages()
    return schemas.ScanResult(
        findings=[
            schemas.ScanFinding(
                start=f.start,
                end=f.end,
                category=f.category,
                confidence=f.confidence,
                digest=f.digest,
                markable=found.markable(f),
            )
            for f in found.findings
        ],
        hidden=[
            schemas.ScanHidden(field=h.field, category=h.category, message=messages[h.field])
            for h in found.hidden
        ],
    )
