"""Read-side queries for the case pages: what a user may see of cases, and how it is laid out.

Visibility itself is decided by app.auth.policy (`can_view_case`, and for lists and counts,
which leave withdrawn cases out, `listed_case_clause` and `can_list_case`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import joinedload, selectinload

from app.auth import policy
from app.auth.models import User
from app.auth.policy import Viewer, listed_case_clause, visible_case_clause
from app.cases.models import Case, CasePresentation, ReviewComment
from app.errors import NotFound
from app.extensions import db
from app.programs.case_templates import template_of
from app.programs.models import Program, Session, fields_of
from app.recommendations.models import (
    Annotation,
    Outcome,
    Recommendation,
    RecommendationStatus,
)


def case_counts_by_program(user: Viewer, program_ids: Iterable[int]) -> dict[int, int]:
    """How many cases `user` may see in each program (ids of programs they may see)."""
    ids = list(program_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(Case.program_id, func.count(Case.id))
        .where(Case.program_id.in_(ids), listed_case_clause(user))
        .group_by(Case.program_id)
    )
    return {program_id: count for program_id, count in rows}


def case_counts_by_session(user: Viewer, session_ids: Iterable[int]) -> dict[int, int]:
    """How many cases `user` may see on each session's agenda."""
    ids = list(session_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(CasePresentation.session_id, func.count(CasePresentation.id))
        .join(Case, Case.id == CasePresentation.case_id)
        .where(CasePresentation.session_id.in_(ids), listed_case_clause(user))
        .group_by(CasePresentation.session_id)
    )
    return {session_id: count for session_id, count in rows}


@dataclass(frozen=True)
class AgendaItem:
    case: Case
    presented: bool


def session_agenda(user: Viewer, session: Session) -> list[AgendaItem]:
    """The cases on a session's agenda that `user` may see, in the order they were added."""
    presentations = db.session.scalars(
        select(CasePresentation)
        .where(CasePresentation.session_id == session.id)
        .options(selectinload(CasePresentation.case).selectinload(Case.follows))
        .order_by(CasePresentation.id)
    )
    return [
        AgendaItem(p.case, p.presented) for p in presentations if policy.can_list_case(user, p.case)
    ]


# What the case page reads of the case, and of each case of the patient's thread: loaded
# with it in a fixed number of queries, however many recommendations, annotations,
# sessions and outcomes it has.
CASE_PAGE_LOADS = (
    joinedload(Case.presenter),
    selectinload(Case.topics),
    selectinload(Case.presentations).joinedload(CasePresentation.session),
    # each presentation's first session, read for the patient's thread (one a case before)
    selectinload(Case.sessions),
    selectinload(Case.recommendations).options(
        joinedload(Recommendation.author),
        selectinload(Recommendation.annotations).joinedload(Annotation.author),
        selectinload(Recommendation.outcomes).joinedload(Outcome.case),
    ),
    selectinload(Case.outcomes).joinedload(Outcome.recommendation),
    selectinload(Case.follow_ups),
    selectinload(Case.review_comments).joinedload(ReviewComment.author),
)


def get_visible_case(user: Viewer, case_id: int, *, loads: Iterable[Any] = ()) -> Case:
    """The case with this id if `user` may see it; otherwise NotFound, the same either way.
    `loads` are loader options for what the caller will read of it."""
    loads = tuple(loads)
    case = (
        db.session.scalar(select(Case).where(Case.id == case_id).options(*loads))
        if loads
        else db.session.get(Case, case_id)
    )
    if case is None:
        raise NotFound("No such case.")
    policy.require_view_case(user, case)
    return case


def family_ids(case_id: int) -> Any:
    """A SELECT of the ids of the patient's presentations: the first (found by going up
    from this one), then everything that follows it; two recursive queries in one."""
    up = select(Case.id, Case.follows_id).where(Case.id == case_id).cte("up", recursive=True)
    up = up.union(select(Case.id, Case.follows_id).join(up, Case.id == up.c.follows_id))
    root = select(up.c.id).where(up.c.follows_id.is_(None)).scalar_subquery()
    down = select(Case.id).where(Case.id == root).cte("down", recursive=True)
    down = down.union(select(Case.id).join(down, Case.follows_id == down.c.id))
    return select(down.c.id)


def get_visible_case_and_family(
    user: Viewer, case_id: int, *, loads: Iterable[Any] = ()
) -> tuple[Case, list[Case]]:
    """`get_visible_case`, with every presentation of the patient loaded alongside (with
    `loads` too) in the same statements, whatever the story's length: the case page reads
    them all (`case_thread`, the patient's notices). The family includes presentations the
    user may not see; callers narrow it."""
    family = list(
        db.session.scalars(
            select(Case)
            .where(Case.id.in_(family_ids(case_id)))  # the case too, if it exists
            .options(*loads)
        )
    )
    case = next((c for c in family if c.id == case_id), None)
    if case is None:
        raise NotFound("No such case.")
    policy.require_view_case(user, case)
    return case, family


@dataclass(frozen=True)
class FieldRow:
    label: str
    value: str
    unit: str = ""


@dataclass(frozen=True)
class SessionAppearance:
    session: Session
    presented: bool


@dataclass(frozen=True)
class OutcomeRow:
    outcome: Outcome
    # The follow-up at which it was recorded (one the reader sees: policy.can_see_outcome).
    follow_up: Case


@dataclass
class CasePage:
    case: Case
    appearances: list[SessionAppearance]
    fields: list[FieldRow]
    recommendations: list[Recommendation]
    annotations: dict[int, list[Annotation]]
    follows: Case | None
    # The earlier presentation is withdrawn (and not the reader's to see).
    follows_withdrawn: bool
    follow_ups: list[Case]
    # Outcomes recorded at this case (a follow-up), about the earlier case's recommendations.
    outcomes: list[Outcome]
    # Outcomes later recorded about this case's own recommendations, by recommendation id.
    later_outcomes: dict[int, list[OutcomeRow]] = field(default_factory=dict)


def case_page(user: Viewer, case: Case) -> CasePage:
    """Everything the case page shows, narrowed to what `user` may see."""
    appearances = [
        SessionAppearance(p.session, p.presented)
        for p in sorted(case.presentations, key=lambda p: (p.session.date, p.session.number))
    ]
    recommendations = [
        r for r in case.recommendations if r.status is RecommendationStatus.PUBLISHED
    ]
    later: dict[int, list[OutcomeRow]] = {}
    for recommendation in recommendations:
        rows = [
            OutcomeRow(o, o.case)
            for o in sorted(recommendation.outcomes, key=lambda o: o.recorded_at)
            if policy.can_see_outcome(user, o)
        ]
        if rows:
            later[recommendation.id] = rows
    follows = case.follows if case.follows and policy.can_view_case(user, case.follows) else None
    return CasePage(
        case=case,
        appearances=appearances,
        fields=field_rows(template_of(case), case.fields or {}),
        recommendations=recommendations,
        annotations={r.id: list(r.annotations) for r in recommendations},
        follows=follows,
        follows_withdrawn=(
            follows is None and case.follows is not None and case.follows.withdrawn_at is not None
        ),
        follow_ups=[c for c in case.follow_ups if policy.can_view_case(user, c)],
        outcomes=sorted(
            (o for o in case.outcomes if policy.can_see_outcome(user, o)),
            key=lambda o: (o.recommendation.position, o.recommendation_id),
        ),
        later_outcomes=later,
    )


def field_rows(template: dict[str, Any], values: dict[str, Any]) -> list[FieldRow]:
    """The structured fields in template order with their labels and units; unknown keys last."""
    rows: list[FieldRow] = []
    seen: set[str] = set()
    for spec in fields_of(template):
        key = spec["key"]
        seen.add(key)
        if key not in values or values[key] in (None, "", []):
            continue
        rows.append(FieldRow(spec["label"], _display(values[key]), str(spec.get("unit") or "")))
    for key, value in values.items():
        if key not in seen and value not in (None, "", []):
            rows.append(FieldRow(key.replace("_", " ").capitalize(), _display(value)))
    return rows


def _display(value: Any) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1000 else f"{value:g}"
    return str(value)


# My cases, the review queue and the case's story.


def _mine(user: User) -> tuple[ColumnElement[bool], ...]:
    """The cases `user` presents in the programs they see now: one who has left a private
    program no longer reads its cases, their own among them (`can_view_case`), nor the
    status its review team gives them since."""
    seen = select(Program.id).where(policy.visible_program_clause(user))
    return (
        Case.presenter_id == user.id,
        Case.withdrawn_at.is_(None),
        Case.program_id.in_(seen),
    )


def my_cases_stmt(user: User, status: str | None = None) -> Any:
    """The cases `user` presents, newest change first, optionally of one status."""
    stmt = select(Case).where(*_mine(user))
    if status:
        stmt = stmt.where(Case.status == status)
    return stmt.order_by(Case.updated_at.desc(), Case.id.desc())


def my_case_counts(user: User) -> dict[str, int]:
    rows = db.session.execute(
        select(Case.status, func.count(Case.id)).where(*_mine(user)).group_by(Case.status)
    )
    return {str(status): count for status, count in rows}


def review_queue_stmt(user: Viewer, statuses: Iterable[Any]) -> Any:
    """Cases of these statuses in the programs `user` runs, oldest submission first (a
    coordinator reviews their own programs' cases only)."""
    return _review_stmt(user, Case.status.in_(list(statuses)), Case.withdrawn_at.is_(None))


def withdrawn_cases_stmt(user: Viewer) -> Any:
    """Withdrawn cases of the programs `user` runs (who may restore them), most recently
    withdrawn first."""
    return (
        _review_stmt(user, Case.withdrawn_at.is_not(None), visible_case_clause(user))
        .order_by(None)
        .order_by(Case.withdrawn_at.desc(), Case.id.desc())
    )


def _review_stmt(user: Viewer, *where: Any) -> Any:
    programs = list(db.session.scalars(select(Program)))
    ids = policy.programs_run_by(user, programs)
    return (
        select(Case)
        .where(Case.program_id.in_(ids), *where)
        .options(  # what the queue shows of each case
            joinedload(Case.presenter),
            selectinload(Case.presentations).joinedload(CasePresentation.session),
        )
        .order_by(Case.submitted_at.asc().nulls_last(), Case.id)
    )


@dataclass(frozen=True)
class TimelineEntry:
    when: Any
    kind: str
    title: str
    detail: str = ""
    url: str = ""
    by: str = ""
    # Which presentation of the patient it belongs to, when the story has several.
    part: str = ""


def case_thread(user: Viewer, case: Case, family: list[Case] | None = None) -> list[Case]:
    """The patient's presentations that `user` may see: the first, then each follow-up.
    `family`: every presentation already loaded with CASE_PAGE_LOADS
    (`get_visible_case_and_family`), so none is read again."""
    if case.follows_id is None and not case.follow_ups:
        return [case]  # most cases: a story of one presentation
    if family is not None:
        return _thread_from(user, case)
    # The whole family with what the page reads of each, however long the story.
    loaded = db.session.scalars(
        select(Case).where(Case.id.in_(family_ids(case.id))).options(*CASE_PAGE_LOADS)
    ).all()
    thread = _thread_from(user, case)
    del loaded  # held until here: the session keeps the loaded rows weakly
    return thread


def _thread_from(user: Viewer, case: Case) -> list[Case]:
    """The thread from the loaded family: `follows` is found in the session, `follow_ups`
    were loaded with each presentation."""
    root = case
    while root.follows is not None and policy.can_view_case(user, root.follows):
        root = root.follows
    thread, queue = [], [root]
    while queue:
        current = queue.pop(0)
        thread.append(current)
        queue.extend(c for c in current.follow_ups if policy.can_view_case(user, c))
    return thread


def case_timeline(
    user: Viewer, case: Case, *, url_for: Any, family: list[Case] | None = None
) -> list[TimelineEntry]:
    """The whole story of the patient in date order (every presentation, its review, sessions,
    recommendations, annotations and outcomes), narrowed to what `user` may see. `family`:
    as for `case_thread`."""
    from datetime import datetime

    thread = case_thread(user, case, family)
    entries: list[TimelineEntry] = []
    parts: dict[int, str] = {}
    for number, current in enumerate(thread):
        part = ""
        if len(thread) > 1:
            part = "First presentation" if number == 0 else f"Follow-up {number}"
            if current is case:
                part += " (this page)"
        parts[current.id] = part
        entries.extend(_case_events(user, current, part, url_for, linked=current is not case))
    entries.extend(_letters_sent(parts, url_for))

    def key(entry: TimelineEntry) -> Any:
        when = entry.when
        return when if isinstance(when, datetime) else datetime(when.year, when.month, when.day)

    return sorted(entries, key=key)


def _letters_sent(parts: dict[int, str], url_for: Any) -> list[TimelineEntry]:
    """The letters sent from the session desk, for the whole thread (case id: part) at once."""
    from app.desk.models import RecommendationsSent

    rows = db.session.scalars(
        select(RecommendationsSent)
        .where(RecommendationsSent.case_id.in_(list(parts)))
        .options(joinedload(RecommendationsSent.sent_by))
    )
    return [
        TimelineEntry(
            row.sent_at,
            "letter",
            "Recommendations sent to the presenter",
            f"{len(row.recommendation_ids)} in one letter",
            url_for("recommendations.letter", case_id=row.case_id),
            row.sent_by.display_name if row.sent_by else "",
            parts[row.case_id],
        )
        for row in rows
    ]


def _case_events(
    user: Viewer, case: Case, part: str, url_for: Any, *, linked: bool
) -> list[TimelineEntry]:
    def name(person: Any) -> str:
        return person.display_name if person is not None else "Former member"

    here = url_for("cases.case", case_id=case.id) if linked else ""
    entries = [
        TimelineEntry(
            case.created_at,
            "created",
            "Follow-up drafted" if case.follows_id else "Case drafted",
            case.title if linked else "",
            here,
            name(case.presenter),
            part,
        )
    ]
    if case.submitted_at:
        entries.append(
            TimelineEntry(
                case.submitted_at, "submitted", "Submitted for review", url=here, part=part
            )
        )
    if policy.can_see_review(user, case):
        entries.extend(
            TimelineEntry(
                comment.created_at,
                "returned",
                "Returned with comments",
                comment.body,
                here,
                name(comment.author),
                part,
            )
            for comment in case.review_comments
        )
    for presentation in case.presentations:
        session = presentation.session
        verb = "Presented at" if presentation.presented else "On the agenda of"
        entries.append(
            TimelineEntry(
                session.date,
                "session",
                f"{verb} session {session.number}",
                session.title,
                url_for("programs.session", slug=case.program.slug, number=session.number),
                part=part,
            )
        )
    for recommendation in case.recommendations:
        if recommendation.status is not RecommendationStatus.PUBLISHED:
            continue
        anchor = f"{here}#rec-{recommendation.id}"
        entries.append(
            TimelineEntry(
                recommendation.published_at or recommendation.created_at,
                "recommendation",
                f"Recommendation {recommendation.position} published",
                f"{str(recommendation.category).capitalize()} advice",
                anchor,
                name(recommendation.author),
                part,
            )
        )
        entries.extend(
            TimelineEntry(
                annotation.created_at,
                "annotation",
                f"{str(annotation.kind).capitalize()} on recommendation {recommendation.position}",
                "",
                anchor,
                name(annotation.author),
                part,
            )
            for annotation in recommendation.annotations
        )
    entries.extend(
        TimelineEntry(
            outcome.recorded_at,
            "outcome",
            f"Outcome of recommendation {outcome.recommendation.position}: "
            f"{str(outcome.adoption).replace('_', ' ')}, patient {outcome.patient_status}",
            outcome.note,
            here,
            part=part,
        )
        for outcome in case.outcomes
        if policy.can_see_outcome(user, outcome)
    )
    return entries
