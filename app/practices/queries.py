"""Reading best practices: their timeline and outcomes, what cites what, and help to see new
ones emerge (related recommendations, candidate groups). Everything is narrowed to what the
user may see."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from app.auth import policy
from app.auth.models import User
from app.auth.policy import Viewer
from app.cases.models import Case, CasePresentation
from app.extensions import db
from app.pagination import Page
from app.practices import grouping, groups
from app.practices.groups import topic_analyzer
from app.practices.models import (
    BestPractice,
    EvidenceLink,
    GroupKind,
    PracticeEndorsement,
    PracticeStatus,
    RecommendationDissent,
    RecommendationGroup,
    RecommendationGroupMember,
    RecommendationGroupProgram,
)
from app.programs.models import Program, Session
from app.recommendations.models import (
    Outcome,
    Recommendation,
    RecommendationCategory,
    RecommendationStatus,
)

MIN_SESSIONS = 3  # a candidate group was given in at least this many different sessions
CANDIDATE_LIMIT = 100  # groups on the candidates page and API, most discussed first
CANDIDATE_MEMBERS = 5  # members shown of each group (the most typical); the CSV has all
CANDIDATE_PAGE = 20  # groups a page of the candidates page shows


def list_practices(user: Viewer, status: str | None = None) -> list[BestPractice]:
    stmt = (
        select(BestPractice)
        .where(policy.visible_practice_clause(user))
        .options(selectinload(BestPractice.topics))  # the list shows each one's topics
        .order_by(BestPractice.updated_at.desc(), BestPractice.id.desc())
    )
    if status:
        stmt = stmt.where(BestPractice.status == PracticeStatus(status))
    return list(db.session.scalars(stmt))


LIVE_STATUSES = (PracticeStatus.PROPOSED, PracticeStatus.EMERGING, PracticeStatus.ESTABLISHED)


def possible_successors(
    user: Viewer, practice: BestPractice, named: str | None = None
) -> list[BestPractice]:
    """The practices that may supersede `practice`: visible, still current (change_status
    refuses a superseded or retired one) and not itself; with the one a refused form named,
    to show it as chosen."""
    return [
        p
        for p in list_practices(user)
        if p.id != practice.id and (p.status in LIVE_STATUSES or str(p.id) == named)
    ]


def citable_practices(user: Viewer) -> list[BestPractice]:
    """Practices that can still gather evidence (not retired or superseded), by title."""
    stmt = (
        select(BestPractice)
        .where(BestPractice.status.in_(LIVE_STATUSES), policy.visible_practice_clause(user))
        .order_by(BestPractice.title)
    )
    return list(db.session.scalars(stmt))


def get_practice(practice_id: int, user: Viewer) -> BestPractice:
    """The practice, if `user` may see it (NotFound otherwise, as for a missing one)."""
    from app.errors import NotFound

    practice = db.session.get(BestPractice, practice_id, options=PRACTICE_PAGE)
    if practice is None:
        raise NotFound("No such best practice.")
    policy.require_view_practice(user, practice)
    return practice


def endorsements(practice: BestPractice) -> list[PracticeEndorsement]:
    """Its endorsements with their experts in one statement (a page names every expert)."""
    stmt = (
        select(PracticeEndorsement)
        .where(PracticeEndorsement.practice_id == practice.id)
        .options(joinedload(PracticeEndorsement.expert))
        .order_by(PracticeEndorsement.created_at, PracticeEndorsement.id)
    )
    return list(db.session.scalars(stmt))


def recommendation_session(recommendation: Recommendation) -> Session | None:
    """The session where a recommendation was given: its case's first presentation."""
    return recommendation.case.first_session


def can_view_evidence(user: Viewer, link: EvidenceLink) -> bool:
    """A link (and its note) is seen by those who may see what it cites."""
    if link.session is not None:
        return policy.can_view_program(user, link.session.program)
    if link.case is not None:
        return policy.can_view_case(user, link.case)
    return link.recommendation is not None and policy.can_view_recommendation(
        user, link.recommendation
    )


def visible_evidence(user: Viewer, practice: BestPractice) -> list[EvidenceLink]:
    """Evidence the user may see: links into private programs stay hidden from others."""
    return [link for link in practice.evidence if can_view_evidence(user, link)]


def withdrawn_evidence_count(user: Viewer, practice: BestPractice) -> int:
    """Links to a withdrawn case (or one of its recommendations) the user may no longer see,
    in programs they see: listed as "a withdrawn case", without title or note."""
    count = 0
    for link in practice.evidence:
        case = link.case if link.case is not None else getattr(link.recommendation, "case", None)
        if case is None or case.withdrawn_at is None or can_view_evidence(user, link):
            continue
        count += policy.can_view_program(user, case.program)
    return count


# What `can_view_evidence` reads of a link, loaded with the links rather than one by one.
EVIDENCE_TARGETS = (
    selectinload(EvidenceLink.session).selectinload(Session.program),
    selectinload(EvidenceLink.case).selectinload(Case.program),
    selectinload(EvidenceLink.recommendation)
    .selectinload(Recommendation.case)
    .selectinload(Case.program),
)


# What its page and API answer read of a practice's evidence (targets, their programs, the
# recommendations' authors), loaded with it rather than link by link.
PRACTICE_PAGE = (
    selectinload(BestPractice.evidence).options(
        *EVIDENCE_TARGETS,
        selectinload(EvidenceLink.recommendation).selectinload(Recommendation.author),
        # the timeline's session of each cited case (its first), and the recommendations
        # whose outcomes a cited case brings
        selectinload(EvidenceLink.case).options(
            selectinload(Case.sessions).selectinload(Session.program),
            selectinload(Case.recommendations),
        ),
        selectinload(EvidenceLink.recommendation)
        .selectinload(Recommendation.case)
        .selectinload(Case.sessions)
        .selectinload(Session.program),
    ),
)


def visible_evidence_counts(user: Viewer, practices: Iterable[BestPractice]) -> dict[int, int]:
    """How many evidence links of each practice the user may see (for lists), by id: one
    GROUP BY, not the links loaded (a hub's practices cite thousands)."""
    ids = [p.id for p in practices]
    counts: dict[int, int] = dict.fromkeys(ids, 0)
    for start in range(0, len(ids), 500):
        stmt = (
            select(EvidenceLink.practice_id, func.count())
            .where(
                EvidenceLink.practice_id.in_(ids[start : start + 500]),
                policy.visible_evidence_clause(user),
            )
            .group_by(EvidenceLink.practice_id)
        )
        counts.update({practice_id: n for practice_id, n in db.session.execute(stmt)})
    return counts


# ---------------------------------------------------------------- timeline


@dataclass
class TimelineEntry:
    """One session where the practice was discussed, and what of it the evidence names."""

    session: Session
    notes: list[str] = field(default_factory=list)  # notes of links to the session itself
    cases: list[tuple[Case, str]] = field(default_factory=list)
    recommendations: list[tuple[Recommendation, str]] = field(default_factory=list)

    @property
    def date(self) -> date:
        return self.session.date

    @property
    def program(self) -> Program:
        return self.session.program


def timeline(user: Viewer, practice: BestPractice) -> list[TimelineEntry]:
    """Sessions where the practice was discussed, oldest first: each with the cases and the
    quoted recommendations the evidence names there."""
    entries: dict[int, TimelineEntry] = {}

    def entry(session: Session) -> TimelineEntry:
        return entries.setdefault(session.id, TimelineEntry(session))

    for link in visible_evidence(user, practice):
        if link.session is not None:
            entry(link.session).notes.append(link.note)
        elif link.case is not None and link.case.first_session is not None:
            entry(link.case.first_session).cases.append((link.case, link.note))
        elif link.recommendation is not None:
            session = recommendation_session(link.recommendation)
            if session is not None:
                entry(session).recommendations.append((link.recommendation, link.note))
    return sorted(entries.values(), key=lambda e: (e.session.date, e.session.id))


# ---------------------------------------------------------------- outcomes


@dataclass
class OutcomeSummary:
    """Outcomes recorded at follow-up for the recommendations a practice cites (directly, or as
    recommendations of a cited case)."""

    outcomes: list[Outcome]
    adoption: Counter[str]
    patient_status: Counter[str]

    @property
    def total(self) -> int:
        return len(self.outcomes)

    def share(self, counter: str, key: str) -> int:
        """Whole percent of outcomes with that adoption or patient status."""
        if not self.outcomes:
            return 0
        return round(100 * getattr(self, counter)[key] / self.total)


def cited_recommendations(user: Viewer, practice: BestPractice) -> list[Recommendation]:
    seen: dict[int, Recommendation] = {}
    for link in visible_evidence(user, practice):
        if link.recommendation is not None:
            seen.setdefault(link.recommendation.id, link.recommendation)
        elif link.case is not None:
            for recommendation in link.case.recommendations:
                if policy.can_view_recommendation(user, recommendation):
                    seen.setdefault(recommendation.id, recommendation)
    return list(seen.values())


def outcomes(user: Viewer, practice: BestPractice) -> OutcomeSummary:
    ids = [r.id for r in cited_recommendations(user, practice)]
    rows = (
        list(
            db.session.scalars(
                select(Outcome)
                .where(Outcome.recommendation_id.in_(ids))
                # each at its follow-up, which the reader must see
                .options(selectinload(Outcome.case).selectinload(Case.program))
                .order_by(Outcome.recorded_at, Outcome.id)
            )
        )
        if ids
        else []
    )
    rows = [o for o in rows if policy.can_view_case(user, o.case)]
    return OutcomeSummary(
        rows,
        Counter(o.adoption.value for o in rows),
        Counter(o.patient_status.value for o in rows),
    )


# ---------------------------------------------------------------- what cites what


def practices_citing(obj: Session | Case | Recommendation, user: Viewer) -> list[BestPractice]:
    """Best practices whose evidence names this session, case or recommendation, or (for a
    session or case) the cases and recommendations discussed there, only through evidence
    `user` may see (another's draft on a session's agenda, an unpublished recommendation of
    a case, say nothing); SYSTEM sees all."""
    if isinstance(obj, Recommendation):
        clause = EvidenceLink.recommendation_id == obj.id
    elif isinstance(obj, Case):
        rec_ids = [r.id for r in obj.recommendations]
        clause = or_(EvidenceLink.case_id == obj.id, EvidenceLink.recommendation_id.in_(rec_ids))
    elif isinstance(obj, Session):
        case_ids = [p.case_id for p in obj.presentations]
        rec_query = select(Recommendation.id).where(Recommendation.case_id.in_(case_ids))
        clause = or_(
            EvidenceLink.session_id == obj.id,
            EvidenceLink.case_id.in_(case_ids),
            EvidenceLink.recommendation_id.in_(rec_query),
        )
    else:
        return []
    if policy.is_system(user):
        stmt = (
            select(BestPractice)
            .join(EvidenceLink, EvidenceLink.practice_id == BestPractice.id)
            .where(clause)
            .distinct()
            .order_by(BestPractice.title)
        )
        return list(db.session.scalars(stmt))
    return _visible_citers(select(EvidenceLink).where(clause), user).get(None, [])


def practices_citing_each(
    recommendations: Sequence[Recommendation], user: Viewer
) -> dict[int, list[BestPractice]]:
    """`practices_citing(r, user)` for each of `recommendations`, by id, in one query."""
    ids = [r.id for r in recommendations]
    if not ids:
        return {}
    stmt = select(EvidenceLink).where(EvidenceLink.recommendation_id.in_(ids))
    return _visible_citers(stmt, user, by=lambda link: link.recommendation_id)


def _visible_citers(stmt: Any, user: Viewer, by: Any = None) -> dict[Any, list[BestPractice]]:
    """The practices of the links `stmt` selects that `user` may see, by `by(link)`."""
    links = db.session.scalars(
        stmt.options(selectinload(EvidenceLink.practice), *EVIDENCE_TARGETS)
    ).all()
    groups: dict[Any, dict[int, BestPractice]] = {}
    for link in links:
        if can_view_evidence(user, link):
            key = by(link) if by else None
            groups.setdefault(key, {})[link.practice.id] = link.practice
    return {
        key: sorted(found.values(), key=lambda p: (p.title, p.id)) for key, found in groups.items()
    }


# ---------------------------------------------------------------- emerging practices


def visible_recommendations(
    user: Viewer, program_ids: Iterable[int] | None = None
) -> list[Recommendation]:
    """Published recommendations the user may see, oldest first."""
    stmt = (
        select(Recommendation)
        .join(Case, Case.id == Recommendation.case_id)
        .where(Recommendation.status == RecommendationStatus.PUBLISHED)
        .where(policy.listed_case_clause(user))
        .options(selectinload(Recommendation.case).selectinload(Case.presentations))
        .order_by(Recommendation.id)
    )
    programs = list(db.session.scalars(select(Program)))
    allowed = policy.visible_program_ids(user, programs)
    if program_ids is not None:
        allowed &= set(program_ids)
    stmt = stmt.where(Case.program_id.in_(allowed))
    return list(db.session.scalars(stmt))


@dataclass(frozen=True)
class SessionRef:
    """What a candidate group shows of a session: read as columns, not as a Session."""

    id: int
    number: int
    date: date
    program: Program


@dataclass(frozen=True)
class MemberCase:
    """What a candidate group shows of a member's case: read as columns, not as a Case."""

    id: int
    ref: str
    title: str
    program: Program
    first_session: SessionRef | None  # the session it was given in


@dataclass(frozen=True)
class CandidateMember:
    """What the candidates' page, CSV and API show of a member: read as columns (a page
    shows hundreds; loading each as a Recommendation with its case, author and sessions cost
    most of the page)."""

    id: int
    case_id: int
    position: int
    category: RecommendationCategory
    body: str
    author_name: str
    case: MemberCase


_MEMBER_COLUMNS = (
    Recommendation.id,
    Recommendation.case_id,
    Recommendation.position,
    Recommendation.category,
    Recommendation.body,
    User.display_name,
    Case.ref,
    Case.title,
    Case.program_id,
)


@dataclass
class CandidateGroup:
    """Similar recommendations given in several sessions that no best practice cites yet.

    `recommendations` are those loaded: every visible member, or (for a page) the most
    typical few; `recommendation_ids` always has every visible member."""

    recommendations: list[CandidateMember]
    sessions: list[SessionRef]  # oldest first
    cohesion: float
    typical: CandidateMember
    cited_by: list[BestPractice] = field(default_factory=list)
    recommendation_ids: list[int] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.recommendation_ids:
            self.recommendation_ids = [r.id for r in self.recommendations]
        if not self.programs:
            seen = {r.case.program.id: r.case.program for r in self.recommendations}
            self.programs = sorted(seen.values(), key=lambda p: p.name)

    @property
    def label(self) -> str:
        """A name for the group: the headline of its most typical recommendation."""
        return grouping.headline(self.typical.body)

    @property
    def size(self) -> int:
        return len(self.recommendation_ids)

    @property
    def more(self) -> int:
        """Visible members not loaded (not shown on a page)."""
        return self.size - len(self.recommendations)


def _members_of(stmt: Any) -> Any:
    """`stmt` (a select from recommendations joined to their cases) reading the member columns
    after its own, with the author's name."""
    return stmt.add_columns(*_MEMBER_COLUMNS).join(User, User.id == Recommendation.author_id)


def _member(
    row: Sequence[Any], programs: dict[int, Program], first: dict[int, SessionRef]
) -> CandidateMember:
    rec_id, case_id, position, category, body, author, ref, title, program_id = row
    case = MemberCase(case_id, ref, title, programs[program_id], first.get(case_id))
    return CandidateMember(rec_id, case_id, position, category, body, author, case)


def _first_sessions(case_ids: Any, programs: dict[int, Program]) -> dict[int, SessionRef]:
    """The first session (by date, then id) of each case `case_ids` (a SELECT) gives."""
    agendas = db.session.execute(
        select(
            CasePresentation.case_id, Session.id, Session.number, Session.date, Session.program_id
        )
        .join(Session, Session.id == CasePresentation.session_id)
        .where(CasePresentation.case_id.in_(case_ids))
    ).all()
    first: dict[int, SessionRef] = {}
    for case_id, session_id, number, day, program_id in agendas:
        ref = SessionRef(session_id, number, day, programs[program_id])
        known = first.get(case_id)
        if known is None or (ref.date, ref.id) < (known.date, known.id):
            first[case_id] = ref
    return first


def recommendation_groups(
    user: Viewer, *, min_sessions: int = 0, only: Any = None
) -> list[CandidateGroup]:
    """Every stored group with two or more recommendations the user may see (the groups are
    kept by app/practices/groups.py; members the user may not see are left out, and a group
    seen in part is described from the members seen); with
    `min_sessions`, only groups whose members span that many sessions; with `only`, the
    groups whose ids that SELECT gives."""
    groups.ensure_current(GroupKind.RECOMMENDATIONS)
    programs = {p.id: p for p in db.session.scalars(select(Program))}
    allowed = policy.visible_program_ids(user, list(programs.values()))
    seen = (
        select(RecommendationGroupMember.group_id)
        .join(RecommendationGroup, RecommendationGroup.id == RecommendationGroupMember.group_id)
        .join(Recommendation, Recommendation.id == RecommendationGroupMember.recommendation_id)
        .join(Case, Case.id == Recommendation.case_id)
        .where(RecommendationGroup.sessions >= min_sessions)
        .where(sa.true() if only is None else RecommendationGroup.id.in_(only.scalar_subquery()))
        .where(Recommendation.status == RecommendationStatus.PUBLISHED)
        .where(Case.program_id.in_(allowed))
        .where(policy.listed_case_clause(user))
    )
    rows = db.session.execute(
        _members_of(seen).order_by(RecommendationGroupMember.group_id, Recommendation.id)
    ).all()
    first = _first_sessions(seen.with_only_columns(Recommendation.case_id), programs)
    members: dict[int, list[CandidateMember]] = {}
    for group_id, *columns in rows:
        members.setdefault(group_id, []).append(_member(columns, programs, first))
    members = {g: recs for g, recs in members.items() if len(recs) >= 2}
    described = groups.describe_members(
        GroupKind.RECOMMENDATIONS, {g: [r.id for r in recs] for g, recs in members.items()}
    )
    cited = _citing_by_recommendation()
    out = []
    for group_id, recs in members.items():
        cohesion, central = described[group_id]
        sessions = {s.id: s for r in recs if (s := r.case.first_session) is not None}
        practices = {p.id: p for r in recs for p in cited.get(r.id, [])}
        out.append(
            CandidateGroup(
                recs,
                sorted(sessions.values(), key=lambda s: (s.date, s.id)),
                cohesion,
                max(recs, key=lambda r: (central[r.id], -r.id)),
                sorted(practices.values(), key=lambda p: p.title),
            )
        )
    out.sort(key=lambda g: (-len(g.recommendations), g.recommendations[0].id))
    return out


@dataclass
class _Candidate:
    """A candidate group as columns: its visible members (id, centrality), their sessions.
    Similarity and centralities are filled in (by `_describe`) for the groups shown only."""

    group_id: int
    members: list[tuple[int, float]]  # recommendation id, centrality; by id
    sessions: list[SessionRef]
    program_ids: set[int]
    programs: dict[int, Program]  # every program, by id
    first: dict[int, SessionRef] = field(default_factory=dict)  # of the members' cases
    cohesion: float = 0.0


@dataclass
class _Ranking:
    """The candidate groups a reader sees, most discussed first, and the detail read so far
    (a page reads that of its own groups only)."""

    group_ids: list[int]
    detail: dict[int, _Candidate]
    user: Viewer
    allowed: set[int]
    programs: dict[int, Program]

    def candidates(self, group_ids: list[int]) -> list[_Candidate]:
        missing = [g for g in group_ids if g not in self.detail]
        if missing:
            self.detail |= _visible_detail(missing, self.allowed, self.user, self.programs)
        return [self.detail[g] for g in group_ids]


def _ranking(user: Viewer, limit: int) -> _Ranking:
    """The `limit` most discussed uncited groups, not yet read in detail nor described.

    A group is what its visible members make it: whether it is cited, its sessions, size
    and order are counted over them (similarity does not order: it is known only for the
    groups shown). Groups are made per audience (groups.py), so a reader sees most whole:
    their counts are the stored ones, summed per program (those with a member seen
    otherwise since, counted over the members); only a group seen in part has its visible
    members' sessions counted here."""
    groups.ensure_current(GroupKind.RECOMMENDATIONS)
    programs = {p.id: p for p in db.session.scalars(select(Program))}
    allowed = policy.visible_program_ids(user, list(programs.values()))
    if policy.lists_every_open_case(user):
        seen = _stored_counts(allowed, user)
    else:
        seen = _counted_members(allowed, user)
    uncited = [row for row in seen if not row[5] and row[3] >= 2]
    ranking = _Ranking([], {}, user, allowed, programs)
    partial = ranking.candidates([row[0] for row in uncited if row[3] != row[1]])
    sessions_seen = {group.group_id: len(group.sessions) for group in partial}
    ranked = []
    for group_id, _size, sessions, count, first, _cited in uncited:
        sessions = sessions_seen.get(group_id, sessions)
        if sessions >= MIN_SESSIONS:
            ranked.append((-sessions, -count, first, group_id))
    # The smallest visible member is a stable key that hidden members cannot move.
    ranked.sort()
    ranking.group_ids = [group_id for *_, group_id in ranked[:limit]]
    return ranking


# (group id, size, sessions, visible members, smallest visible member, whether one is cited)
_Counts = Sequence[tuple[int, int, int, int, int, bool]]


def _counted_members(allowed: set[int], user: Viewer, only: Any = None) -> _Counts:
    """Each candidate group's visible members counted one by one: exact whatever is stored,
    but it reads every member (0.7 s at 50,000 cases); with `only` (a SELECT of group
    ids), those groups'."""
    cited = select(EvidenceLink.recommendation_id).where(
        EvidenceLink.recommendation_id.is_not(None)
    )
    members = _visible_members(allowed, user)
    if only is not None:
        members = members.where(RecommendationGroupMember.group_id.in_(only))
    rows = db.session.execute(
        members.with_only_columns(
            RecommendationGroupMember.group_id,
            RecommendationGroup.size,
            RecommendationGroup.sessions,
            sa.func.count(),
            sa.func.min(Recommendation.id),
            sa.func.max(sa.case((Recommendation.id.in_(cited), 1), else_=0)),
        ).group_by(
            RecommendationGroupMember.group_id,
            RecommendationGroup.size,
            RecommendationGroup.sessions,
        )
    ).all()
    return [(g, size, sessions, n, first, bool(c)) for g, size, sessions, n, first, c in rows]


def _stored_counts(allowed: set[int], user: Viewer) -> _Counts:
    """`_counted_members` from the counts the refresh keeps per program, for a reader who
    lists every open case of the programs they see: a group's members are then those of
    the programs they see, unless a member's visibility changed since it was grouped (a
    `RecommendationGroupChange`): such groups are counted over their members. Only the
    cited members are read."""
    kept = RecommendationGroupProgram
    changed_ids = groups.changed_groups().subquery()
    cited: set[int] = set()
    changed: list[int] = []
    # The changed groups are read first and named: as a subquery, PostgreSQL counted every
    # visible member before keeping those of the changed groups. The cited members are
    # found from the evidence links (a few thousand), not from every visible member.
    cited_ids = select(EvidenceLink.recommendation_id).where(
        EvidenceLink.recommendation_id.is_not(None)
    )
    for is_cited, group_id in db.session.execute(
        sa.union_all(
            _visible_members(allowed, user)
            .with_only_columns(sa.literal(1).label("cited"), RecommendationGroupMember.group_id)
            .where(RecommendationGroupMember.recommendation_id.in_(cited_ids))
            .distinct(),
            select(sa.literal(0), changed_ids.c.group_id),
        )
    ):
        (cited.add(group_id) if is_cited else changed.append(group_id))
    if len(changed) > groups.READ_CHUNK:
        return _counted_members(allowed, user)  # changes by the thousand: count them all
    rows = db.session.execute(
        select(
            kept.group_id,
            RecommendationGroup.size,
            RecommendationGroup.sessions,
            sa.func.sum(kept.members),
            sa.func.min(kept.first_member),
        )
        .join(RecommendationGroup, RecommendationGroup.id == kept.group_id)
        .where(RecommendationGroup.sessions >= MIN_SESSIONS)
        .where(kept.program_id.in_(allowed))
        .where(kept.group_id.not_in(sorted(changed)))
        .group_by(kept.group_id, RecommendationGroup.size, RecommendationGroup.sessions)
    ).all()
    stored = [(g, size, sessions, n, first, g in cited) for g, size, sessions, n, first in rows]
    return [*stored, *_counted_members(allowed, user, only=sorted(changed))]


def _candidates(user: Viewer, limit: int) -> list[_Candidate]:
    """The `limit` most discussed uncited groups, each read in detail, not yet described."""
    ranking = _ranking(user, limit)
    return ranking.candidates(ranking.group_ids)


def _visible_members(allowed: set[int], user: Viewer) -> Any:
    """The members of groups that can be candidates, as the user may see them."""
    return (
        select(RecommendationGroupMember.group_id, Recommendation.id)
        .join(RecommendationGroup, RecommendationGroup.id == RecommendationGroupMember.group_id)
        .join(Recommendation, Recommendation.id == RecommendationGroupMember.recommendation_id)
        .join(Case, Case.id == Recommendation.case_id)
        # Stored over every member: a group short of it never reaches it over visible ones.
        .where(RecommendationGroup.sessions >= MIN_SESSIONS)
        .where(Recommendation.status == RecommendationStatus.PUBLISHED)
        .where(Case.program_id.in_(allowed))
        .where(policy.listed_case_clause(user))
    )


def _visible_detail(
    group_ids: list[int], allowed: set[int], user: Viewer, programs: dict[int, Program]
) -> dict[int, _Candidate]:
    """These groups' visible members, their programs and the sessions they were given in
    (a member counts in its case's first session): two statements, whatever the groups."""
    visible = (
        _visible_members(allowed, user)
        .with_only_columns(
            RecommendationGroupMember.group_id.label("group_id"),
            Recommendation.id.label("recommendation_id"),
            Recommendation.case_id.label("case_id"),
            Case.program_id.label("program_id"),
        )
        .where(RecommendationGroupMember.group_id.in_(group_ids))
        .cte("visible_members")
    )
    members = db.session.execute(select(visible)).all()
    first = _first_sessions(select(visible.c.case_id), programs)
    found: dict[int, _Candidate] = {}
    for group_id, rec_id, case_id, program_id in members:
        group = found.setdefault(group_id, _Candidate(group_id, [], [], set(), programs))
        group.members.append((rec_id, 0.0))
        group.program_ids.add(program_id)
        if case_id in first:
            group.sessions.append(first[case_id])
            group.first[case_id] = first[case_id]
    for group in found.values():
        group.members.sort()
        group.sessions = sorted(set(group.sessions), key=lambda s: (s.date, s.id))
    return found


def _describe(shown: list[_Candidate]) -> None:
    """Similarity and centralities of the groups shown, as the reader sees them."""
    described = groups.describe_members(
        GroupKind.RECOMMENDATIONS, {g.group_id: [i for i, _ in g.members] for g in shown}
    )
    for group in shown:
        group.cohesion, central = described[group.group_id]
        group.members = [(rec_id, central[rec_id]) for rec_id, _ in group.members]


def _load_candidates(found: list[_Candidate], members: int | None) -> list[CandidateGroup]:
    """The groups with their members loaded: all, or the `members` most typical of each."""

    _describe(found)

    def shown(group: _Candidate) -> list[int]:
        if members is None:
            return [rec_id for rec_id, _ in group.members]
        typical = sorted(group.members, key=lambda m: (-m[1], m[0]))
        return [rec_id for rec_id, _ in typical[:members]]

    wanted = {g.group_id: shown(g) for g in found}
    ids = [i for chosen in wanted.values() for i in chosen]
    rows = (
        db.session.execute(
            _members_of(
                select().select_from(Recommendation).join(Case, Case.id == Recommendation.case_id)
            ).where(Recommendation.id.in_(ids))
        ).all()
        if ids
        else []
    )
    by_id = {row[0]: row for row in rows}
    out = []
    for group in found:
        loaded = {
            i: _member(by_id[i], group.programs, group.first)
            for i in wanted[group.group_id]
            if i in by_id
        }
        recs = list(loaded.values())
        if not recs:
            continue
        typical = max(group.members, key=lambda m: (m[1], -m[0]))[0]
        programs = {s.program.id: s.program for s in group.sessions}
        programs |= {r.case.program.id: r.case.program for r in recs}
        out.append(
            CandidateGroup(
                recs,
                group.sessions,
                group.cohesion,
                loaded.get(typical, recs[0]),
                [],
                [rec_id for rec_id, _ in group.members],
                sorted(
                    (p for p in programs.values() if p.id in group.program_ids),
                    key=lambda p: p.name,
                ),
            )
        )
    return out


def candidate_groups(
    user: Viewer, *, limit: int = CANDIDATE_LIMIT, members: int | None = None
) -> list[CandidateGroup]:
    """Groups given in at least MIN_SESSIONS different sessions that no practice cites yet,
    most sessions first: the `limit` most discussed (a hub's history holds thousands). Each
    with every visible member loaded, or with `members`, the most typical few (a page)."""
    return _load_candidates(_candidates(user, limit), members)


def candidate_groups_page(
    user: Viewer, *, page: int, per_page: int, members: int | None
) -> tuple[int, list[CandidateGroup]]:
    """(how many candidate groups there are, those of the page), for the API. A group of the
    page whose members are gone by the time they are loaded (deleted meanwhile) is left out
    of the total as of the rows."""
    return _window(_ranking(user, CANDIDATE_LIMIT), page, per_page, members)


def candidate_page(
    user: Viewer, page: int, *, per_page: int = CANDIDATE_PAGE, members: int = CANDIDATE_MEMBERS
) -> Page[CandidateGroup]:
    """A page of the candidate groups for the web page, each with its most typical members;
    a page past the end gives the last."""
    ranking = _ranking(user, CANDIDATE_LIMIT)
    page = min(page, max(1, -(-len(ranking.group_ids) // per_page)))
    total, groups_shown = _window(ranking, page, per_page, members)
    return Page(groups_shown, page, per_page, total)


def _window(
    ranking: _Ranking, page: int, per_page: int, members: int | None
) -> tuple[int, list[CandidateGroup]]:
    """(how many groups there are, those of the page): only the page's are read in detail."""
    first = (page - 1) * per_page
    window = ranking.candidates(ranking.group_ids[first : first + per_page])
    loaded = _load_candidates(window, members)
    return len(ranking.group_ids) - (len(window) - len(loaded)), loaded


def _citing_by_recommendation() -> dict[int, list[BestPractice]]:
    """Practices citing each recommendation directly (a cited case does not make all of its
    recommendations cited: they are about different things)."""
    rows = db.session.execute(
        select(EvidenceLink.recommendation_id, BestPractice)
        .join(BestPractice, BestPractice.id == EvidenceLink.practice_id)
        .where(EvidenceLink.recommendation_id.is_not(None))
    ).all()
    out: dict[int, list[BestPractice]] = {}
    for rec_id, practice in rows:
        assert rec_id is not None  # filtered above
        out.setdefault(rec_id, []).append(practice)
    return out


@dataclass
class RelatedRecommendation:
    recommendation: Recommendation
    session: Session | None
    similarity: float


def related_recommendations(
    user: Viewer,
    seeds: Sequence[Recommendation],
    text: str = "",
    *,
    limit: int = 8,
    threshold: float = grouping.RELATED_THRESHOLD,
) -> list[RelatedRecommendation]:
    """Recommendations from other sessions like the seeds and the draft text: evidence
    candidates while an expert drafts a best practice."""
    pool = visible_recommendations(user)
    seed_ids = {r.id for r in seeds}
    seed_sessions = {s.id for r in seeds if (s := recommendation_session(r)) is not None}
    queries = [r.body for r in seeds] + ([text] if text.strip() else [])
    if not queries:
        return []
    texts = [r.body for r in pool] + queries
    # The vocabulary the user sees: a topic proposed in a program hidden from them must not
    # change what is like what.
    programs = list(db.session.scalars(select(Program)))
    analyzer = topic_analyzer(policy.visible_program_ids(user, programs))
    vectors = grouping.vectorise([grouping.terms(t, analyzer) for t in texts])
    similarities = (vectors[: len(pool)] @ vectors[len(pool) :].T).toarray().mean(axis=1)
    scored = []
    for recommendation, similarity in zip(pool, similarities.tolist(), strict=True):
        if recommendation.id in seed_ids:
            continue
        session = recommendation_session(recommendation)
        if session is not None and session.id in seed_sessions:
            continue
        if similarity >= threshold:
            scored.append(RelatedRecommendation(recommendation, session, similarity))
    scored.sort(key=lambda r: -r.similarity)
    return scored[:limit]


# ---------------------------------------------------------------- dissents


def visible_dissents(user: Viewer, practice: BestPractice) -> list[RecommendationDissent]:
    """Recommendations marked as departing from the practice on purpose, newest first, that
    the reader may see (a private program's stay inside it; a draft's with its author)."""
    stmt = (
        select(RecommendationDissent)
        .where(RecommendationDissent.practice_id == practice.id)
        .options(
            selectinload(RecommendationDissent.recommendation)
            .selectinload(Recommendation.case)
            .selectinload(Case.program),
            selectinload(RecommendationDissent.expert),
        )
        .order_by(RecommendationDissent.updated_at.desc(), RecommendationDissent.id.desc())
    )
    return [d for d in db.session.scalars(stmt) if policy.can_view_dissent(user, d)]


def program_dissents(user: Viewer, program: Program) -> list[RecommendationDissent]:
    """Dissents on the program's recommendations, newest first, for its coordinators."""
    stmt = (
        select(RecommendationDissent)
        .join(Recommendation, Recommendation.id == RecommendationDissent.recommendation_id)
        .join(Case, Case.id == Recommendation.case_id)
        .where(
            Case.program_id == program.id,
            # the dissent names the practice: only while the reader may see it
            policy.names_visible_practice(user, RecommendationDissent.practice_id),
        )
        .options(
            selectinload(RecommendationDissent.recommendation).selectinload(Recommendation.case),
            selectinload(RecommendationDissent.practice),
            selectinload(RecommendationDissent.expert),
        )
        .order_by(RecommendationDissent.updated_at.desc(), RecommendationDissent.id.desc())
        .limit(200)
    )
    return [d for d in db.session.scalars(stmt) if policy.can_view_dissent(user, d)]


# ---------------------------------------------------------------- tables (CSV)

Table = tuple[list[str], list[list[Any]]]


def practices_table(user: Viewer, status: str | None = None) -> Table:
    """The practice list as the page shows it, one row a practice."""
    practices = list_practices(user, status)
    counts = visible_evidence_counts(user, practices)
    shown = policy.visible_practice_ids(user, [p.superseded_by_id for p in practices])
    return (
        [
            "id",
            "title",
            "status",
            "version",
            "topics",
            "evidence links",
            "superseded by",
            "updated",
        ],
        [
            [
                p.id,
                p.title,
                p.status.value,
                p.version,
                "; ".join(t.name for t in p.topics),
                counts[p.id],
                p.superseded_by_id if p.superseded_by_id in shown else "",
                p.updated_at.date().isoformat(),
            ]
            for p in practices
        ],
    )


def candidates_table(user: Viewer) -> Table:
    """The candidate groups, one row per recommendation the reader may see."""
    rows = []
    for number, group in enumerate(candidate_groups(user), 1):
        programs = "; ".join(p.slug for p in group.programs)
        for rec in group.recommendations:
            session = rec.case.first_session
            rows.append(
                [
                    number,
                    group.label,
                    round(group.cohesion, 3),
                    len(group.sessions),
                    programs,
                    rec.id,
                    rec.case_id,
                    rec.case.program.slug,
                    session.date.isoformat() if session else "",
                    rec.category.value,
                    rec.body,
                ]
            )
    header = [
        "group",
        "label",
        "similarity",
        "sessions",
        "programs",
        "recommendation id",
        "case id",
        "program",
        "session date",
        "category",
        "recommendation",
    ]
    return header, rows


ADOPTION_KEYS = ("adopted", "partly", "not_adopted")
PATIENT_KEYS = ("improved", "unchanged", "worse", "unknown")


def outcomes_table(user: Viewer, practice: BestPractice) -> Table:
    """The practice's outcome statistics (the two tables of its page, one after the other)."""
    summary = outcomes(user, practice)
    rows: list[list[Any]] = []
    for measure, counter, keys in (
        ("adoption", "adoption", ADOPTION_KEYS),
        ("patient", "patient_status", PATIENT_KEYS),
    ):
        for key in keys:
            rows.append([measure, key, getattr(summary, counter)[key], summary.share(counter, key)])
    return ["measure", "value", "outcomes", "share %"], rows
