"""The outdated-advice queue.

When a best practice is superseded or retired, the recommendations given under it are
queued for review by their author and the program's coordinators, in the same transaction:

- **cites**: the practice cites the recommendation as evidence (an evidence link);
- **matches**: a published recommendation on one of the practice's topics (or a broader or
  narrower one) gives the practice's advice, as the conflict checker reads both texts: one
  of its claims has the same polarity as one of the practice's and acts on the same thing
  (`app.practices.conflicts.agreement`; a contradiction is the checker's other half).

Withdrawn cases are left out (they are frozen). Each item is resolved once: still valid, an
update annotation (written through `annotate`, so the gate reads it), or no longer applies.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, Viewer, write_operation
from app.cases.locking import hold_case
from app.cases.models import Case, case_topics
from app.common import utcnow
from app.deid.gate import Acceptance, GatedFields
from app.deid.operations import guard, remember_overrides
from app.errors import ValidationError
from app.extensions import db
from app.notifications.operations import notify
from app.outdated.models import OutdatedAdvice, OutdatedBecause, PracticeChange, ReviewState
from app.pagination import Page, paginate_by_key
from app.practices.models import BestPractice, EvidenceLink, PracticeStatus
from app.programs.models import Program
from app.recommendations.models import AnnotationKind, Recommendation, RecommendationStatus
from app.recommendations.operations import annotate

NOTE_MAX = 5_000
QUEUE_PER_PAGE = 25
QUEUE_URL = "/outdated"
RESOLUTIONS = (ReviewState.STILL_VALID, ReviewState.UPDATED, ReviewState.NO_LONGER_APPLIES)
# What the gate checks in a resolution, with the label the form shows (an update is checked
# as the annotation it becomes).
RESOLUTION_TEXTS = GatedFields({"note": "Note"})


# ---------------------------------------------------------------- entering the queue


def _cited(practice: BestPractice) -> list[Recommendation]:
    stmt = (
        select(Recommendation)
        .join(EvidenceLink, EvidenceLink.recommendation_id == Recommendation.id)
        .join(Case, Case.id == Recommendation.case_id)
        .where(
            EvidenceLink.practice_id == practice.id,
            Case.withdrawn_at.is_(None),
            # a draft cited by its own author is not advice given (and not the queue's)
            Recommendation.status == RecommendationStatus.PUBLISHED,
        )
        .order_by(Recommendation.id)
    )
    return list(db.session.scalars(stmt))


def _on_topics(practice: BestPractice) -> sa.Select[Any] | None:
    """The ids of the published recommendations of open cases on the practice's topics
    (and broader and narrower ones): those that can match it."""
    from app.practices.conflicts import Checker

    if not practice.topics:
        return None
    topic_ids = Checker().related_topic_ids(t.id for t in practice.topics)
    on_topics = select(case_topics.c.case_id).where(case_topics.c.topic_id.in_(topic_ids))
    return (
        select(Recommendation.id)
        .join(Case, Case.id == Recommendation.case_id)
        .where(
            Case.id.in_(on_topics),
            Case.withdrawn_at.is_(None),
            Recommendation.status == RecommendationStatus.PUBLISHED,
        )
    )


def _matching(practice: BestPractice) -> list[Recommendation]:
    """The recommendations that give the practice's advice. Only those that can share a
    term with its claims are read (claim_terms.py): a specialty practice would otherwise
    parse every recommendation of the specialty inside the status change's transaction."""
    from app.practices.claim_terms import candidate_ids, needed
    from app.practices.conflicts import agreement, claims, practice_text
    from app.practices.groups import topic_analyzer

    eligible = _on_topics(practice)
    if eligible is None:
        return []
    analyzer = topic_analyzer()
    asked = claims(practice_text(practice.title, practice.statement), analyzer)
    if not asked:  # a claim always acts on something: nothing can agree
        return []
    wanted = needed(asked, analyzer.table)
    if wanted is None:
        return _matching_by_reading_all(practice)
    ids = sorted(candidate_ids(eligible, wanted))
    found: list[Recommendation] = []
    for start in range(0, len(ids), 500):
        stmt = (
            select(Recommendation)
            .where(Recommendation.id.in_(ids[start : start + 500]))
            .order_by(Recommendation.id)
        )
        found.extend(
            r for r in db.session.scalars(stmt) if agreement(r.body, asked, analyzer) is not None
        )
    return found


def _matching_by_reading_all(practice: BestPractice) -> list[Recommendation]:
    """`_matching` by reading every recommendation on the topics (what the lookup must
    always agree with; the tests compare them)."""
    from app.practices.conflicts import agreement, claims, practice_text
    from app.practices.groups import topic_analyzer

    eligible = _on_topics(practice)
    if eligible is None:
        return []
    stmt = (
        select(Recommendation)
        .where(Recommendation.id.in_(eligible.scalar_subquery()))
        .order_by(Recommendation.id)
    )
    recommendations = list(db.session.scalars(stmt))
    if not recommendations:
        return []
    analyzer = topic_analyzer()
    asked = claims(practice_text(practice.title, practice.statement), analyzer)
    return [
        r
        for r in recommendations
        # the queue names the practice to the advice's author and program
        if policy.practice_open_to_program(practice, r.case.program)
        and agreement(r.body, asked, analyzer) is not None
    ]


def queue_outdated_advice(practice: BestPractice, *, actor: Actor) -> list[OutdatedAdvice]:
    """Queue the recommendations that cite or match a practice just superseded or retired
    (called by the checked status change, in its transaction). Items already queued for this
    practice are not queued again. Returns the new items."""
    if practice.status not in (PracticeStatus.SUPERSEDED, PracticeStatus.RETIRED):
        return []
    change = PracticeChange(practice.status.value)
    replacement = practice.superseded_by if change is PracticeChange.SUPERSEDED else None
    queued = set(
        db.session.scalars(
            select(OutdatedAdvice.recommendation_id).where(
                OutdatedAdvice.practice_id == practice.id
            )
        )
    )
    found: dict[int, tuple[Recommendation, OutdatedBecause]] = {}
    for rec in _cited(practice):
        found.setdefault(rec.id, (rec, OutdatedBecause.CITES))
    for rec in _matching(practice):
        # the queue names the practice to the advice's author and program
        if policy.practice_open_to_program(practice, rec.case.program):
            found.setdefault(rec.id, (rec, OutdatedBecause.MATCHES))
    items = [
        OutdatedAdvice(
            recommendation=rec,
            practice=practice,
            replacement=replacement,
            change=change,
            because=because,
            state=ReviewState.OPEN,
            note="",
        )
        for rec_id, (rec, because) in found.items()
        if rec_id not in queued
    ]
    if not items:
        return []
    db.session.add_all(items)
    db.session.flush()
    record(
        actor,
        "practice.advice_queued",
        practice,
        count=len(items),
        change=str(change),
        replacement_id=replacement.id if replacement else None,
    )
    _tell_reviewers(practice, replacement, items)
    return items


def _tell_reviewers(
    practice: BestPractice, replacement: BestPractice | None, items: list[OutdatedAdvice]
) -> None:
    """One notification per author and per coordinator of each affected program; each
    remembers its program, so that it is hidden from one who no longer sees it, and the
    practices it names, so that one who may not see them when reading (their evidence may
    have become a private program's since) reads it without them: without the successor
    alone when only the successor is hidden from them."""
    unnamed_change = "was retired" if replacement is None else "was superseded"

    def change(program: Program) -> str:
        if replacement is None:
            return "was retired"
        if not policy.practice_open_to_program(replacement, program):
            return "was superseded"  # by a practice drawn from programs it does not see
        return f"was superseded by “{replacement.title}”"

    def in_passing(program: Program) -> list[int]:
        """The successor, when the message names it: one who may see the practice but not
        it (its evidence may become a private program's) reads the message without it."""
        if replacement is not None and policy.practice_open_to_program(replacement, program):
            return [replacement.id]
        return []

    by_author: dict[tuple[int, int], tuple[User, int]] = {}
    programs: dict[int, tuple[Program, int]] = {}
    for item in items:
        author = item.recommendation.author
        program = item.recommendation.case.program
        key = (author.id, program.id)
        by_author[key] = (author, by_author.get(key, (author, 0))[1] + 1)
        programs[program.id] = (program, programs.get(program.id, (program, 0))[1] + 1)
    for (_, program_id), (author, n) in by_author.items():
        notify(
            author,
            "advice.outdated",
            f"{_count(n)} of yours in {programs[program_id][0].name} may be outdated: the best"
            f" practice “{practice.title}” {change(programs[program_id][0])}. Review"
            f" {'it' if n == 1 else 'them'}.",
            QUEUE_URL,
            program_id=program_id,
            practice_ids=[practice.id],
            unnamed_message=f"A best practice you cannot see {unnamed_change}: {_count(n)} of"
            f" yours in {programs[program_id][0].name} may be out of date. Review"
            f" {'it' if n == 1 else 'them'}.",
            in_passing_ids=in_passing(programs[program_id][0]),
            partial_message=f"{_count(n)} of yours in {programs[program_id][0].name} may be"
            f" outdated: the best practice “{practice.title}” {unnamed_change}. Review"
            f" {'it' if n == 1 else 'them'}.",
        )
    for program, n in programs.values():
        for member in program.members:
            if (
                policy.told_of_outdated_advice_in_program(member)
                and (member.id, program.id) not in by_author
            ):
                notify(
                    member,
                    "advice.outdated",
                    f"{_count(n)} in {program.name} may be outdated: the best practice "
                    f"“{practice.title}” {change(program)}.",
                    QUEUE_URL,
                    program_id=program.id,
                    practice_ids=[practice.id],
                    unnamed_message=f"A best practice you cannot see {unnamed_change}:"
                    f" {_count(n)} in {program.name} may be out of date.",
                    in_passing_ids=in_passing(program),
                    partial_message=f"{_count(n)} in {program.name} may be outdated: the best"
                    f" practice “{practice.title}” {unnamed_change}.",
                )


def _count(n: int) -> str:
    return f"{n} recommendation" + ("" if n == 1 else "s")


# ---------------------------------------------------------------- reading


def _loads() -> tuple[Any, ...]:
    return (
        joinedload(OutdatedAdvice.practice),
        joinedload(OutdatedAdvice.replacement),
        joinedload(OutdatedAdvice.resolved_by),
        joinedload(OutdatedAdvice.recommendation).options(
            joinedload(Recommendation.author),
            joinedload(Recommendation.case).joinedload(Case.program),
        ),
    )


def _queue_stmt(user: Viewer, resolved: bool) -> sa.Select[Any]:
    """The items `user` reviews as one ordered select: `policy.can_review_outdated` as WHERE
    clauses, so that a page of the queue is counted and cut by the database.

    The rules read each item's recommendation and case by key (EXISTS): as joins, PostgreSQL
    hashed every recommendation of the hub (150,000 at 50,000 cases) to keep about 2,000."""
    policy.require_see_outdated_queue(user)
    programs = list(db.session.scalars(select(Program)))
    visible = policy.visible_program_ids(user, programs)
    desks = {p.id for p in programs if p.id in visible and policy.can_run_desk(user, p)}
    mine = Recommendation.author_id == user.id if isinstance(user, User) else sa.false()
    reviewed = (
        select(Recommendation.id)
        .join(Case, Case.id == Recommendation.case_id)
        .where(
            Recommendation.id == OutdatedAdvice.recommendation_id,
            policy.listed_case_clause(user),
            policy.recommendation_status_clause(user),
            policy.reviews_outdated_clause(user),
            Case.program_id.in_(visible),
        )
    )
    if not policy.can_review_every_outdated(user):
        reviewed = reviewed.where(sa.or_(mine, Case.program_id.in_(desks)))
    stmt = select(OutdatedAdvice).where(reviewed.exists())
    open_ = OutdatedAdvice.state == ReviewState.OPEN
    if resolved:
        return stmt.where(~open_).order_by(OutdatedAdvice.resolved_at.desc(), OutdatedAdvice.id)
    return stmt.where(open_).order_by(OutdatedAdvice.created_at, OutdatedAdvice.id)


def outdated_queue(user: Viewer, *, resolved: bool = False) -> list[OutdatedAdvice]:
    """The items `user` reviews: on their own recommendations, and, for coordinators (and
    admins), on those of the programs whose desk they run; never on a case they cannot see.
    One naming a practice they cannot see now (its evidence may have changed since) is still
    theirs to resolve: the pages show it without the practice (`visible_practice_ids`)."""
    stmt = _queue_stmt(user, resolved).options(*_loads())
    return [i for i in db.session.scalars(stmt).unique() if policy.can_review_outdated(user, i)]


def outdated_queue_page(
    user: Viewer, *, resolved: bool = False, page: int = 1, per_page: int | None = None
) -> Page[OutdatedAdvice]:
    """One page of `outdated_queue` (a page past the end gives the last): a hub's queue
    holds thousands of items, each shown with its recommendation's text."""
    stmt = _queue_stmt(user, resolved)
    found = paginate_by_key(stmt, OutdatedAdvice, page, per_page or QUEUE_PER_PAGE, _loads())
    # the WHERE clauses are the rule's; the rule itself still has the last word
    items = [i for i in found.items if policy.can_review_outdated(user, i)]
    return Page(items, found.page, found.per_page, found.total)


def get_outdated(user: Viewer, item_id: int) -> OutdatedAdvice:
    """One item, if `user` reviews it (otherwise as good as absent)."""
    from app.errors import NotFound

    item = db.session.get(OutdatedAdvice, item_id)
    if item is None or not policy.can_review_outdated(user, item):
        raise NotFound("No such item in your outdated-advice queue.")
    return item


def named_practice_ids(items: Iterable[OutdatedAdvice]) -> list[int | None]:
    """The practices and successors `items` name: which of them the reader sees is read
    once for a page (`policy.visible_practice_ids`); an item whose practice is not among
    them is shown without it, nor its successor."""
    return [i for item in items for i in (item.practice_id, item.replacement_id)]


def _family_ids(case: Case) -> list[int]:
    """The patient's presentations: the first, every one before and after this one."""
    # Imported here: app.cases.queries builds loader options when imported, which needs
    # every model mapped (this module is imported while they are being defined).
    from app.cases.queries import family_ids

    return list(db.session.scalars(family_ids(case.id))) or [case.id]


def patient_notices(
    user: Viewer, case: Case, family: Iterable[Case] | None = None
) -> list[OutdatedAdvice]:
    """Practice changes that touched advice given on this patient (this presentation, the
    earlier ones and the follow-ups) that `user` may see: for the case page. One naming a
    practice the reader cannot see is theirs only if they review it, and is shown without
    the practice (`visible_practice_ids`). `family`: the patient's presentations, if loaded
    (`get_visible_case_and_family`)."""
    ids = sorted(c.id for c in family) if family is not None else _family_ids(case)
    stmt = (
        select(OutdatedAdvice)
        .join(Recommendation, Recommendation.id == OutdatedAdvice.recommendation_id)
        .join(Case, Case.id == Recommendation.case_id)
        .where(
            Recommendation.case_id.in_(ids),
            Recommendation.status == RecommendationStatus.PUBLISHED,
            sa.or_(
                policy.names_visible_practice(user, OutdatedAdvice.practice_id),
                policy.reviews_outdated_clause(user),
            ),
        )
        .order_by(OutdatedAdvice.created_at, OutdatedAdvice.id)
        .options(
            joinedload(OutdatedAdvice.practice),
            joinedload(OutdatedAdvice.replacement),
            joinedload(OutdatedAdvice.recommendation)
            .joinedload(Recommendation.case)
            .selectinload(Case.program),
        )
    )
    return [
        i
        for i in db.session.scalars(stmt).unique()
        if policy.can_view_case(user, i.recommendation.case)
    ]


# ---------------------------------------------------------------- resolving


@write_operation
def resolve_outdated(
    item: OutdatedAdvice,
    resolution: str,
    *,
    note: str = "",
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
) -> OutdatedAdvice:
    """Resolve an open item: `still_valid` (an optional note), `updated` (the note becomes an
    update annotation on the recommendation) or `no_longer_applies` (an optional note)."""
    policy.require_review_outdated(actor, item)
    try:
        state = ReviewState(resolution)
    except ValueError:
        state = ReviewState.OPEN
    if state not in RESOLUTIONS:
        choices = ", ".join(s.value for s in RESOLUTIONS)
        raise ValidationError(f"Resolve it as one of: {choices}.", field="resolution")
    if item.state is not ReviewState.OPEN:
        raise ValidationError(
            f"This item was already resolved ({item.state.label.lower()}).", field="resolution"
        )
    if note is not None and not isinstance(note, str):
        raise ValidationError("The note must be text.", field="note")
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError(f"The note must be at most {NOTE_MAX:,} characters.", field="note")
    # A purge of the case scrubs the note: its row is held before the item's is written.
    hold_case(item.recommendation.case)
    if state is ReviewState.UPDATED:
        if not note:
            raise ValidationError("Write the update to add to the recommendation.", field="note")
        policy.require_annotate(actor, item.recommendation)
        if not isinstance(actor, User):
            raise ValidationError("An update is written by an expert.", field="note")
        item.annotation = annotate(
            item.recommendation,
            actor,
            AnnotationKind.UPDATE.value,
            note,
            actor=actor,
            accepted=accepted,
        )
        item.note = ""
    else:
        overridden = guard(
            RESOLUTION_TEXTS.texts(note=note),
            accepted,
            actor=actor,
            program=item.recommendation.case.program,
        )
        item.note = note
        db.session.flush()
        remember_overrides(item, overridden, actor=actor)
    item.state = state
    item.resolved_at = utcnow()
    item.resolved_by_id = actor.id
    db.session.flush()
    record(
        actor,
        "outdated_advice.resolved",
        item,
        state=str(state),
        recommendation_id=item.recommendation_id,
        practice_id=item.practice_id,
    )
    return item
