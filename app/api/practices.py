"""API v1: best practices (with evidence, timeline, outcomes and versions), proposing and
moving them, endorsements, candidate groups, and the curriculum figures; their shapes are
models in app.api.schemas."""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from flask import request, url_for

from app.api import schemas
from app.api.base import PAGING, SPEC, api_blueprint, api_user, page_args
from app.api.schemas import DATE, _enum
from app.api.spec import Query
from app.auth import policy
from app.auth.policy import Viewer
from app.cases.models import Case
from app.curriculum import operations as figures
from app.curriculum.views import scope_from_request
from app.deid.gate import Acceptance
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.practices import queries
from app.practices.models import BestPractice, PracticeStatus, RecommendationDissent
from app.practices.operations import (
    add_evidence,
    change_status,
    propose_from_recommendations,
    record_dissent,
    remove_evidence,
    take_stance,
)
from app.programs.models import Session
from app.recommendations.models import Recommendation

API = api_blueprint

SCOPE_QUERY = (
    Query("program", {"type": "string"}, "Program slug; all programs you can see if omitted."),
    Query("start", DATE, "First day (default: a year ago)."),
    Query("end", DATE, "Last day (default: today)."),
)


def _session_ref(session: Session | queries.SessionRef | None) -> schemas.SessionRef | None:
    if session is None:
        return None
    return schemas.SessionRef(
        id=session.id, program=session.program.slug, number=session.number, date=session.date
    )


def _rec_ref(recommendation: Recommendation) -> dict[str, Any]:
    """The fields of a schemas.RecommendationRef (a timeline adds a note to them)."""
    return {
        "id": recommendation.id,
        "case_id": recommendation.case_id,
        "category": recommendation.category,
        "body": recommendation.body,
        "author": recommendation.author.display_name,
        "session": _session_ref(recommendation.case.first_session),
    }


def _member_ref(member: queries.CandidateMember) -> schemas.RecommendationRef:
    """A candidate group's member as `_rec_ref` gives a recommendation."""
    return schemas.RecommendationRef(
        id=member.id,
        case_id=member.case_id,
        category=member.category,
        body=member.body,
        author=member.author_name,
        session=_session_ref(member.case.first_session),
    )


def _accepted(
    payload: schemas.Gated | schemas.PracticeStance | schemas.PracticeEvidence,
) -> list[Acceptance]:
    return schemas.acceptances(payload.accept_findings)


def practice_answer(
    practice: BestPractice,
    user: Viewer,
    *,
    full: bool = True,
    shown: Container[int] | None = None,
) -> schemas.BestPractice:
    """`shown`: `policy.visible_practice_ids` of a list's successors, read once for the list."""
    successor = practice.superseded_by_id
    if shown is None:
        shown = policy.visible_practice_ids(user, [successor])
    answer = schemas.BestPractice(
        id=practice.id,
        title=practice.title,
        statement=practice.statement,
        status=practice.status,
        version=practice.version,
        topics=[t.name for t in practice.topics],
        superseded_by_id=successor if successor in shown else None,
        url=url_for("practices.practice", practice_id=practice.id),
    )
    if not full:  # a list of practices: the parts below stay out of the answer
        return answer
    summary = queries.outcomes(user, practice)
    answer.evidence = [
        schemas.Evidence.model_validate(
            {
                "id": link.id,
                "kind": link.kind,
                # exactly one of the three is set (a check of the table)
                "target_id": link.session_id or link.case_id or link.recommendation_id,
                "note": link.note,
            }
        )
        for link in queries.visible_evidence(user, practice)
    ]
    answer.timeline = [
        schemas.TimelineEntry(
            date=e.date,
            program=e.program.slug,
            session_id=e.session.id,
            session_number=e.session.number,
            session_title=e.session.title,
            notes=[n for n in e.notes if n],
            cases=[schemas.TimelineCase(id=c.id, title=c.title, note=n) for c, n in e.cases],
            recommendations=[
                schemas.TimelineRecommendation(**_rec_ref(r), note=n) for r, n in e.recommendations
            ],
        )
        for e in queries.timeline(user, practice)
    ]
    answer.outcomes = schemas.PracticeOutcomes(
        total=summary.total,
        adoption=dict(summary.adoption),
        patient_status=dict(summary.patient_status),
    )
    endorsements = queries.endorsements(practice)
    seen = policy.seen_people(user, [e.expert for e in endorsements])
    answer.endorsements = [
        schemas.Endorsement(
            expert=policy.person_name(user, e.expert, seen=seen) or "",
            stance=e.stance,
            note=e.note,
        )
        for e in endorsements
    ]
    answer.versions = [
        schemas.PracticeVersion.model_validate(v, from_attributes=True) for v in practice.versions
    ]
    answer.dissents = [dissent_answer(d) for d in queries.visible_dissents(user, practice)]
    return answer


def dissent_answer(dissent: RecommendationDissent) -> schemas.RecommendationDissent:
    recommendation = dissent.recommendation
    return schemas.RecommendationDissent(
        id=dissent.id,
        recommendation_id=recommendation.id,
        case_id=recommendation.case_id,
        program=recommendation.case.program.slug,
        practice_id=dissent.practice_id,
        expert=dissent.expert.display_name if dissent.expert else None,
        reason=dissent.reason,
        updated_at=dissent.updated_at,
    )


@SPEC.operation(
    API,
    "/recommendations/<int:recommendation_id>/dissents",
    "POST",
    summary="Mark a recommendation as departing from a best practice on purpose, with why "
    "(its author only)",
    tag="practices",
    body=schemas.RecommendationDissentCreate,
    response=schemas.RecommendationDissent,
    status=201,
)
def create_dissent(
    recommendation_id: int, payload: schemas.RecommendationDissentCreate
) -> schemas.RecommendationDissent:
    user = api_user()
    recommendation = db.session.get(Recommendation, recommendation_id)
    if recommendation is None or not policy.can_view_recommendation(user, recommendation):
        raise NotFound(f"No recommendation {recommendation_id}.")
    practice = db.session.get(BestPractice, payload.practice_id)
    if practice is None or not policy.can_view_practice(user, practice):
        # a record named in the body and not found: 404, as evidence does
        raise NotFound(f"No best practice {payload.practice_id}.")
    dissent = record_dissent(
        recommendation, practice, payload.reason, actor=user, accepted=_accepted(payload)
    )
    db.session.commit()
    return dissent_answer(dissent)


@SPEC.operation(
    API,
    "/practices",
    "GET",
    summary="Best practices",
    tag="practices",
    query=(Query("status", _enum(PracticeStatus), "Only practices with this status."),),
    response=schemas.BestPracticePage,
)
def list_practices_endpoint() -> schemas.BestPracticePage:
    status = request.args.get("status")
    if status is not None and status not in {s.value for s in PracticeStatus}:
        raise ValidationError(
            "status must be one of: " + ", ".join(s.value for s in PracticeStatus) + ".",
            field="status",
        )
    user = api_user()
    practices = queries.list_practices(user, status)
    shown = policy.visible_practice_ids(user, [p.superseded_by_id for p in practices])
    return schemas.BestPracticePage.of(
        [practice_answer(p, user, full=False, shown=shown) for p in practices]
    )


@SPEC.operation(
    API,
    "/practices/<int:practice_id>",
    "GET",
    summary="A best practice with its evidence, timeline, outcomes and versions",
    tag="practices",
    response=schemas.BestPractice,
)
def read_practice(practice_id: int) -> schemas.BestPractice:
    return practice_answer(queries.get_practice(practice_id, api_user()), api_user())


@SPEC.operation(
    API,
    "/practices",
    "POST",
    summary="Propose a best practice from recommendations",
    tag="practices",
    body=schemas.PracticeProposal,
    response=schemas.BestPractice,
    status=201,
)
def propose_practice_endpoint(payload: schemas.PracticeProposal) -> schemas.BestPractice:
    user = api_user()
    recs = []
    for item in payload.recommendations:
        rec = db.session.get(Recommendation, item.id)
        if rec is None or not policy.can_view_recommendation(user, rec):
            raise NotFound(f"No recommendation {item.id}.")
        recs.append(rec)
    practice = propose_from_recommendations(
        recs,
        payload.title,
        payload.statement,
        notes={i.id: i.note or "" for i in payload.recommendations},
        topics=payload.topics,
        status=payload.status or "proposed",
        reason=payload.reason or "",
        author=user,
        actor=user,
        accepted=_accepted(payload),
    )
    db.session.commit()
    return practice_answer(practice, user)


@SPEC.operation(
    API,
    "/practices/<int:practice_id>/status",
    "POST",
    summary="Move a best practice along its lifecycle, with a reason",
    tag="practices",
    body=schemas.PracticeStatusChange,
    response=schemas.BestPractice,
)
def change_practice_status(
    practice_id: int, payload: schemas.PracticeStatusChange
) -> schemas.BestPractice:
    user = api_user()
    practice = queries.get_practice(practice_id, user)
    successor = payload.superseded_by
    change_status(
        practice,
        payload.status,
        reason=payload.reason,
        editor=user,
        superseded_by=queries.get_practice(successor, user) if successor else None,
        actor=user,
        accepted=_accepted(payload),
    )
    db.session.commit()
    return practice_answer(practice, user)


@SPEC.operation(
    API,
    "/practices/<int:practice_id>/stance",
    "POST",
    summary="Endorse a best practice or dissent from it",
    tag="practices",
    body=schemas.PracticeStance,
    response=schemas.BestPractice,
)
def practice_stance(practice_id: int, payload: schemas.PracticeStance) -> schemas.BestPractice:
    user = api_user()
    practice = queries.get_practice(practice_id, user)
    take_stance(
        practice,
        payload.stance,
        expert=user,
        note=payload.note or "",
        actor=user,
        accepted=_accepted(payload),
    )
    db.session.commit()
    return practice_answer(practice, user)


@SPEC.operation(
    API,
    "/practices/<int:practice_id>/evidence",
    "POST",
    summary="Cite a session, case or recommendation where the practice was discussed",
    tag="practices",
    body=schemas.PracticeEvidence,
    response=schemas.BestPractice,
    status=201,
)
def add_practice_evidence(
    practice_id: int, payload: schemas.PracticeEvidence
) -> schemas.BestPractice:
    user = api_user()
    practice = queries.get_practice(practice_id, user)
    given = [
        k for k in ("session_id", "case_id", "recommendation_id") if k in payload.model_fields_set
    ]
    if len(given) != 1:
        raise ValidationError(
            "Give exactly one of session_id, case_id or recommendation_id.", field="session_id"
        )
    target = _evidence_target(user, given[0], getattr(payload, given[0]))
    add_evidence(
        practice,
        target,
        note=payload.note or "",
        added_by=user,
        actor=user,
        accepted=_accepted(payload),
    )
    db.session.commit()
    return practice_answer(practice, user)


@SPEC.operation(
    API,
    "/practices/<int:practice_id>/evidence/<int:evidence_id>",
    "DELETE",
    summary="Remove evidence cited by mistake (whoever cited it, the practice's proposer, "
    "or an admin)",
    tag="practices",
    response=schemas.BestPractice,
)
def remove_practice_evidence(practice_id: int, evidence_id: int) -> schemas.BestPractice:
    user = api_user()
    practice = queries.get_practice(practice_id, user)
    link = next((e for e in queries.visible_evidence(user, practice) if e.id == evidence_id), None)
    if link is None:
        raise NotFound(f"No evidence {evidence_id} on this practice.")
    remove_evidence(link, actor=user)
    db.session.commit()
    return practice_answer(practice, user)


def _evidence_target(user: Viewer, key: str, ident: int) -> Any:
    model: Any = {"session_id": Session, "case_id": Case, "recommendation_id": Recommendation}[key]
    target = db.session.get(model, ident)
    if target is None or not policy.can_cite(user, target):  # add_evidence checks it again
        raise NotFound(f"No {key.removesuffix('_id')} {ident}.")
    return target


@SPEC.operation(
    API,
    "/practices/candidates",
    "GET",
    summary="Groups of similar recommendations from 3+ sessions that no practice cites yet, "
    "most discussed first, in pages; each with every member's id and its most typical "
    "members in full",
    tag="practices",
    query=PAGING,
    response=schemas.CandidatePracticePage,
)
def candidate_practices() -> schemas.CandidatePracticePage:
    page, per_page = page_args()
    total, groups = queries.candidate_groups_page(
        api_user(), page=page, per_page=per_page, members=queries.CANDIDATE_MEMBERS
    )
    return schemas.CandidatePracticePage(
        total=total,
        page=page,
        per_page=per_page,
        results=[
            schemas.CandidatePractice(
                label=g.label,
                cohesion=round(g.cohesion, 3),
                sessions=[s for s in map(_session_ref, g.sessions) if s is not None],
                recommendation_count=g.size,
                recommendation_ids=g.recommendation_ids,
                recommendations=[_member_ref(r) for r in g.recommendations],
            )
            for g in groups
        ],
    )


# The curriculum figures: the summary has the first rows of each list (as the page), the
# totals, and for each list cut short the link to its pages; a list's pages have every row.
API_ROWS = figures.PAGE_ROWS
# The summary's lists, by the name of their pages (that of the page's CSV files).
CURRICULUM_LISTS = {
    "topic_frequency": "topics",
    "rising_topics": "rising",
    "recurring_questions": "questions",
    "gaps": "gaps",
    "teaching_coverage": "teaching",
    "coverage": "coverage",
}


def _scope_args(scope: figures.Scope) -> dict[str, Any]:
    return {
        "program": scope.program.slug if scope.program else None,
        "start": scope.start,
        "end": scope.end,
    }


def _topic_row(row: list[Any]) -> schemas.TopicMonths:
    return schemas.TopicMonths(topic=row[0], total=row[-1], by_month=row[1:-1])


def _trend_row(t: figures.Trend) -> schemas.TopicTrend:
    return schemas.TopicTrend(topic=t.topic, cases=t.current, previous=t.previous, change=t.change)


def _question_row(g: figures.QuestionGroup) -> schemas.RecurringQuestion:
    return schemas.RecurringQuestion(question=g.label, case_ids=[c.id for c in g.cases])


def _gap_row(g: figures.Gap) -> schemas.TopicGap:
    return schemas.TopicGap(topic=g.topic.name, cases=g.cases, programs=g.programs)


def _teaching_row(r: figures.TeachingRow) -> schemas.TopicTeaching:
    return schemas.TopicTeaching(
        topic=r.topic,
        broader_topic=r.parent,
        talks=r.talks,
        talks_on_broader_topic=r.broader_talks,
        cases=r.cases,
        practices=dict(r.practices),
        taught_never_presented=r.taught_never_presented,
        presented_often_never_taught=r.presented_often_never_taught,
    )


def _more(scope: figures.Scope, name: str, total: int, per_page: int) -> schemas.MoreRows:
    """The summary shows a list's first `per_page` rows: its next page is page 2 of that size
    (of another size, it would skip or repeat rows)."""
    shown = min(total, per_page)
    scope_args = {k: v for k, v in _scope_args(scope).items() if v is not None}
    return schemas.MoreRows(
        total=total,
        shown=shown,
        next=url_for(
            "api.curriculum_list",
            name=CURRICULUM_LISTS[name],
            page=2,
            per_page=per_page,
            **scope_args,  # a day as YYYY-MM-DD
        )
        if total > shown
        else None,
    )


@SPEC.operation(
    API,
    "/curriculum",
    "GET",
    summary="Curriculum figures: topics by month, rising topics, recurring questions, gaps, "
    "teaching coverage, coverage by presenter (the first rows of each; `more` says how many "
    "there are and links to the pages of /curriculum/{name})",
    tag="curriculum",
    query=SCOPE_QUERY,
    response=schemas.CurriculumFigures,
)
def curriculum_figures() -> schemas.CurriculumFigures:
    user = api_user()
    scope = scope_from_request(user, strict=True)
    fig = figures.Figures(
        user,
        scope,
        figures.Shown(API_ROWS, figures.COVERAGE_PRESENTERS, figures.COVERAGE_TOPICS),
        trends=True,
        questions=True,
    )
    freq = fig.topic_frequency()
    rising = fig.rising_topics()
    questions_total, questions = fig.recurring_questions(API_ROWS)
    gaps = fig.gaps()
    teaching = fig.teaching_coverage(API_ROWS)
    cov = fig.presenter_coverage()
    corner = cov.top(figures.COVERAGE_PRESENTERS, figures.COVERAGE_TOPICS)
    totals = {
        "topic_frequency": len(freq.topics),
        "rising_topics": len(rising),
        "recurring_questions": questions_total,
        "gaps": len(gaps),
        "teaching_coverage": teaching.total,
        "coverage": len(cov.presenters),
    }
    return schemas.CurriculumFigures(
        **_scope_args(scope),
        cases=freq.case_total,
        months=freq.months,
        topic_frequency=[_topic_row(row) for row in freq.rows(API_ROWS)],
        rising_topics=[_trend_row(t) for t in rising[:API_ROWS]],
        recurring_questions=[_question_row(g) for g in questions[:API_ROWS]],
        gaps=[_gap_row(g) for g in gaps[:API_ROWS]],
        teaching_coverage=[_teaching_row(r) for r in teaching.rows],
        coverage=schemas.PresenterCoverage(
            note="Sites are not recorded in Casebook; coverage is by presenter. Here: "
            "the presenters with most cases by the most frequent topics; the pages of "
            "/curriculum/coverage have every presenter with each of their topics.",
            topics=corner.topics,
            topic_count=len(cov.topics),
            presenters=[
                schemas.PresenterRow(presenter=row[0], cases=row[-1], by_topic=row[1:-1])
                for row in corner.rows()
            ],
        ),
        more={
            name: _more(
                scope,
                name,
                total,
                figures.COVERAGE_PRESENTERS if name == "coverage" else API_ROWS,
            )
            for name, total in totals.items()
        },
    )


@SPEC.operation(
    API,
    "/curriculum/<name>",
    "GET",
    summary="One list of the curriculum figures, every row, in pages: topics (topic_frequency), "
    "rising, questions, gaps, teaching or coverage (by presenter, each with the topics of "
    "their cases)",
    tag="curriculum",
    query=SCOPE_QUERY + PAGING,
    response=schemas.CurriculumList,
)
def curriculum_list(name: str) -> schemas.CurriculumList:
    user = api_user()
    scope = scope_from_request(user, strict=True)
    if name not in CURRICULUM_LISTS.values():
        raise NotFound(f"No such list: one of {', '.join(CURRICULUM_LISTS.values())}.")
    page, per_page = page_args()
    first = (page - 1) * per_page
    fig = figures.Figures(
        user,
        scope,
        figures.Shown(per_page, per_page, coverage_topics=None, first=first),
        trends=name == "rising",
    )
    answer = schemas.CurriculumList(
        **_scope_args(scope), total=0, page=page, per_page=per_page, results=[]
    )
    if name == "topics":
        freq = fig.topic_frequency()
        answer.total = len(freq.topics)
        answer.results = [_topic_row(row) for row in freq.rows(per_page, first)]
        answer.months = freq.months  # set after building: the other lists leave it out
    elif name == "coverage":
        cov = fig.presenter_coverage()
        answer.total = len(cov.presenters)
        by_topic: dict[str, dict[str, int]] = {}
        for (who, topic), n in sorted(cov.counts.items(), key=lambda c: (-c[1], c[0])):
            by_topic.setdefault(who, {})[topic] = n
        answer.results = [
            schemas.PresenterTopics(presenter=p, cases=cov.totals[p], by_topic=by_topic.get(p, {}))
            for p in cov.presenters[first : first + per_page]
        ]
    elif name == "questions":
        # Only the cases of the groups up to this page are loaded.
        answer.total, questions = fig.recurring_questions(first + per_page)
        answer.results = [_question_row(g) for g in questions[first:]]
    else:
        items: list[Any]
        render: Any
        if name == "rising":
            items, render = fig.rising_topics(), _trend_row
        elif name == "gaps":
            items, render = fig.gaps(), _gap_row
        else:
            items, render = fig.teaching_coverage().rows, _teaching_row
        answer.total = len(items)
        answer.results = [render(item) for item in items[first : first + per_page]]
    return answer
