"""Who may do what: the one place where roles and program membership are checked.

The convention: every public write operation (in `app/<area>/operations.py`) is marked
`@write_operation`, takes the acting user as a required `actor` and calls a `require_*` (or
`require`) here itself, so the web, the API, the CLI and imports cannot skip the check.
Views and API resources call `can_*` only to decide what to show. The server's own actions
(the CLI without `--as`) act as `SYSTEM`, never as `None`: `None` is nobody and may do
nothing. Queries that list content are narrowed with `visible_program_ids`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Container, Iterable, Sequence
from functools import wraps
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeGuard, TypeVar

import sqlalchemy as sa
from flask_login import AnonymousUserMixin, current_user, login_required

from app.auth.models import ProgramMembership, Role, User
from app.cases.models import Case, CaseStatus
from app.errors import PermissionDenied
from app.extensions import db

if TYPE_CHECKING:
    from app.outdated.models import OutdatedAdvice
    from app.practices.models import EvidenceLink, RecommendationDissent
    from app.programs.models import Program, Session, Topic
    from app.recommendations.models import Outcome, Recommendation
    from app.teaching.models import SavedSearch, TeachingSet


class SystemActor:
    """The server itself: the operator at its shell (a CLI command without `--as`). It may do
    everything; the audit trail records its actions with no account."""

    id: Final = None
    is_active: Final = True

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM: Final = SystemActor()

# Who performs a write operation: an account or the server itself.
Actor: TypeAlias = User | SystemActor
# Who looks: also a visitor who is not signed in (flask-login's anonymous user) or nobody.
Viewer: TypeAlias = User | SystemActor | AnonymousUserMixin | None


def is_system(user: object) -> bool:
    return user is SYSTEM


class Permission(enum.StrEnum):
    SUBMIT_CASE = "submit_case"
    REVIEW_CASE = "review_case"
    MANAGE_SESSIONS = "manage_sessions"
    WRITE_RECOMMENDATION = "write_recommendation"
    ANNOTATE = "annotate"
    RECORD_OUTCOME = "record_outcome"
    PROPOSE_PRACTICE = "propose_practice"
    VIEW_CURRICULUM = "view_curriculum"
    VIEW_AUDIT = "view_audit"
    IMPORT_DATA = "import_data"
    EXPORT_DATA = "export_data"
    MANAGE_PROGRAMS = "manage_programs"
    MANAGE_USERS = "manage_users"
    MANAGE_VOCABULARY = "manage_vocabulary"
    ACCEPT_TOPICS = "accept_topics"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.PROVIDER: frozenset({Permission.SUBMIT_CASE, Permission.RECORD_OUTCOME}),
    Role.EXPERT: frozenset(
        {Permission.WRITE_RECOMMENDATION, Permission.ANNOTATE, Permission.PROPOSE_PRACTICE}
    ),
    Role.COORDINATOR: frozenset(
        {
            Permission.REVIEW_CASE,
            Permission.MANAGE_SESSIONS,
            Permission.RECORD_OUTCOME,
            Permission.VIEW_AUDIT,
            Permission.IMPORT_DATA,
            Permission.EXPORT_DATA,
            Permission.ACCEPT_TOPICS,
        }
    ),
    Role.CURRICULUM: frozenset({Permission.VIEW_CURRICULUM, Permission.EXPORT_DATA}),
    Role.ADMIN: frozenset(Permission),
}

# Case visibility by status: open ones to all who see the program; drafts to the presenter
# (and admins); cases in review to the presenter and the review team.
OPEN_STATUSES = frozenset(
    {
        CaseStatus.APPROVED,
        CaseStatus.PRESENTED,
        CaseStatus.RECOMMENDATIONS_PUBLISHED,
        CaseStatus.CLOSED,
    }
)
IN_REVIEW_STATUSES = frozenset({CaseStatus.SUBMITTED, CaseStatus.RETURNED})


def _is_user(user: object) -> TypeGuard[User]:
    return isinstance(user, User) and user.is_active


def has_permission(user: Viewer, permission: Permission) -> bool:
    if is_system(user):  # the operator at the server's shell (CLI without --as)
        return True
    return _is_user(user) and permission in ROLE_PERMISSIONS[user.role]


def can_view_program(user: Viewer, program: Program) -> bool:
    if not program.private or is_system(user):
        return True
    if not _is_user(user):
        return False
    return user.role is Role.ADMIN or program.id in user.program_ids


def visible_program_clause(user: Viewer) -> sa.ColumnElement[bool]:
    """`can_view_program` as a WHERE clause on Program."""
    from app.programs.models import Program  # programs' models import this module

    if is_system(user) or (_is_user(user) and user.role is Role.ADMIN):
        return sa.true()
    if not _is_user(user):
        return Program.private.is_(False)
    return sa.or_(Program.private.is_(False), Program.id.in_(sorted(user.program_ids)))


def visible_program_ids(user: Viewer, programs: list[Program]) -> set[int]:
    return {p.id for p in programs if can_view_program(user, p)}


def topic_reviewable_clause(user: Viewer) -> sa.ColumnElement[bool]:
    """The topics whose names `user` may read in the vocabulary's pages, trails and
    hierarchy, as a WHERE clause on Topic: the accepted ones, and any other that a case or
    session of a program they see carries, or a best practice they see. A name only a private
    program's cases carry (a rare condition, say), or that none carries any more, was
    written where they may not read: that program's members and admins review it. So was
    one only a draft or a case in review carries, for readers who do not review topics:
    it is named to the case's readers and to those who accept topics, not in other
    readers' trails and search facets."""
    from app.cases.models import case_topics
    from app.practices.models import practice_topics
    from app.programs.models import Program, Session, Topic, TopicStatus, session_topics

    if is_system(user) or (_is_user(user) and user.role is Role.ADMIN):
        return sa.true()
    shown = visible_program_clause(user)
    # Those who accept topics review the ones typed into the drafts and cases in review of
    # the programs they run too (a draft is otherwise its presenter's alone); another
    # program's are its own coordinators' and the admins' to review.
    read = visible_case_clause(user)
    if has_permission(user, Permission.ACCEPT_TOPICS) and _is_user(user):
        read = sa.or_(read, Case.program_id.in_(sorted(user.program_ids)))

    def carried(seen: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
        by_case = (
            sa.select(case_topics.c.topic_id)
            .join(Case, Case.id == case_topics.c.case_id)
            .join(Program, Program.id == Case.program_id)
            .where(case_topics.c.topic_id == Topic.id, seen, read)
        )
        by_session = (
            sa.select(session_topics.c.topic_id)
            .join(Session, Session.id == session_topics.c.session_id)
            .join(Program, Program.id == Session.program_id)
            .where(session_topics.c.topic_id == Topic.id, seen)
        )
        return sa.or_(by_case.exists(), by_session.exists())

    from app.practices.models import BestPractice

    by_practice = (  # one the user may see: a practice may be a private program's alone
        sa.select(practice_topics.c.topic_id)
        .join(BestPractice, BestPractice.id == practice_topics.c.practice_id)
        .where(practice_topics.c.topic_id == Topic.id, visible_practice_clause(user))
    )
    return sa.or_(Topic.status == TopicStatus.ACCEPTED, carried(shown), by_practice.exists())


def topic_name_is_shared(topic: Topic) -> bool:
    """Whether everyone may read a topic's name: accepted, or carried by an open case or a
    session of a program that is not private. Merged into another topic, only such a
    name (and its synonyms) becomes one of the other's synonyms, which everyone reads."""
    from app.cases.models import case_topics
    from app.programs.models import Program, Session, TopicStatus, session_topics

    if topic.status is TopicStatus.ACCEPTED:
        return True
    by_case = (
        sa.select(case_topics.c.topic_id)
        .join(Case, Case.id == case_topics.c.case_id)
        .join(Program, Program.id == Case.program_id)
        .where(case_topics.c.topic_id == topic.id, Program.private.is_(False), open_case_clause())
    )
    by_session = (
        sa.select(session_topics.c.topic_id)
        .join(Session, Session.id == session_topics.c.session_id)
        .join(Program, Program.id == Session.program_id)
        .where(session_topics.c.topic_id == topic.id, Program.private.is_(False))
    )
    return bool(db.session.scalar(sa.select(sa.or_(by_case.exists(), by_session.exists()))))


def readable_topic_ids(user: Viewer, topic_ids: Iterable[int]) -> set[int]:
    """Which of `topic_ids` name a topic `user` may read (`topic_reviewable_clause`): a
    broader or narrower topic shown beside another, one topic's own page."""
    from app.programs.models import Topic as TopicRow

    ids = sorted(set(topic_ids))
    if not ids:
        return set()
    found = sa.select(TopicRow.id).where(TopicRow.id.in_(ids), topic_reviewable_clause(user))
    return set(db.session.scalars(found))


def can_read_topic_name(user: Viewer, topic: Topic) -> bool:
    """`topic_reviewable_clause` for one topic."""
    from app.programs.models import TopicStatus

    return topic.status is TopicStatus.ACCEPTED or topic.id in readable_topic_ids(user, [topic.id])


def can_see_topic(user: Viewer, topic: Topic) -> bool:
    """Accepted topics are the shared vocabulary; retired ones are gone from it. A proposed
    one comes from a case and may name something only a private program or a draft holds:
    it is seen by those who accept topics (unless only programs hidden from them carry
    it, `topic_reviewable_clause`) and by those who see a case that carries it."""
    from app.cases.models import case_topics
    from app.programs.models import Program, TopicStatus

    if topic.status is TopicStatus.RETIRED:
        return False
    if topic.status is TopicStatus.ACCEPTED:
        return True
    if has_permission(user, Permission.ACCEPT_TOPICS):
        return can_read_topic_name(user, topic)
    carried = (
        sa.select(Case.id)
        .join(case_topics, case_topics.c.case_id == Case.id)
        .join(Program, Program.id == Case.program_id)
        .where(
            case_topics.c.topic_id == topic.id,
            listed_case_clause(user),
            visible_program_clause(user),
        )
        .limit(1)
    )
    return db.session.scalar(carried) is not None


def knowable_topic_clause(user: Viewer) -> sa.ColumnElement[bool]:
    """The topics a name or synonym `user` types may name, as a WHERE clause on Topic: those
    whose names they may read (`topic_reviewable_clause`: accepted, or carried by a case,
    session or best practice of theirs to read). Any other topic of that name is as absent
    to them as a missing one: what they typed becomes a topic of their own. Narrower (a
    proposal carried by their practice alone left out), each name they type again there
    would make one more topic of that name. Callers that are not accounts (the operator,
    a restore) know every topic."""
    if not isinstance(user, User) or is_system(user):
        return sa.true()
    return topic_reviewable_clause(user)


def require_accept_topic(user: Viewer, topic: Topic) -> None:
    """Accepting puts a proposed topic's name in everyone's vocabulary: done by those who
    accept topics, on a topic whose name they may read (`topic_reviewable_clause`); one
    only a program hidden from them (or another program's draft) carries is as absent as a
    missing one."""
    require(user, Permission.ACCEPT_TOPICS)
    if not can_read_topic_name(user, topic):
        from app.errors import NotFound

        raise NotFound(f"No topic {topic.id}.")


def can_see_every_draft(user: Viewer) -> bool:
    """Drafts are their presenters' own; admins (and the operator) see every one."""
    return is_system(user) or (_is_user(user) and user.role is Role.ADMIN)


def can_view_case(user: Viewer, case: Case) -> bool:
    if not can_view_program(user, case.program):
        return False
    if is_system(user):
        return True
    if not _is_user(user):
        return False
    if case.withdrawn_at is not None and not can_see_withdrawn(user, case):
        return False
    if case.status in OPEN_STATUSES or case.presenter_id == user.id:
        return True
    if case.status in IN_REVIEW_STATUSES:
        return can(user, Permission.REVIEW_CASE, case.program)  # its program's review team
    return can_see_every_draft(user)  # drafts


def visible_case_clause(user: Viewer) -> sa.ColumnElement[bool]:
    """`can_view_case` as a WHERE clause (status and presenter; tests keep the two in step).

    Program visibility is not part of it: callers restrict to visible programs themselves.
    Lists and figures use `listed_case_clause`, which leaves withdrawn cases out.
    """
    if is_system(user):
        return sa.true()
    if not (isinstance(user, User) and user.is_active):
        return sa.false()
    own = Case.presenter_id == user.id
    clauses = [Case.status.in_(OPEN_STATUSES), own]
    if can_see_every_draft(user):
        clauses.append(Case.status == CaseStatus.DRAFT)
    if has_permission(user, Permission.REVIEW_CASE):
        # the review team of the programs they run (`runs_program`)
        runs = (
            sa.true()
            if reviews_every_program(user)
            else Case.program_id.in_(sorted(user.program_ids))
        )
        clauses.append(sa.and_(Case.status.in_(IN_REVIEW_STATUSES), runs))
        # withdrawn ones too, of those programs: see can_see_withdrawn
        return sa.and_(sa.or_(Case.withdrawn_at.is_(None), runs), sa.or_(*clauses))
    return sa.and_(Case.withdrawn_at.is_(None), sa.or_(*clauses))


def open_case_clause() -> sa.ColumnElement[bool]:
    """The cases everyone who may see their program lists, whatever their role: open and
    not withdrawn. What is derived once for all readers (the stored groups) is derived
    from these alone, so no draft, case in review or withdrawn case shapes it."""
    return sa.and_(Case.status.in_(OPEN_STATUSES), Case.withdrawn_at.is_(None))


def lists_every_open_case(user: Viewer) -> bool:
    """Whether `user` lists every open case of the programs they see (`listed_case_clause`
    holds for each): so what is derived from the open cases alone (the stored groups' counts
    per program) is what they see of the programs they see."""
    return is_system(user) or _is_user(user)


def listed_case_clause(user: Viewer) -> sa.ColumnElement[bool]:
    """The cases `user` finds in lists, counts, agendas and figures: the visible ones that are
    not withdrawn. Those who may still open a withdrawn case reach it from the review page."""
    return sa.and_(Case.withdrawn_at.is_(None), visible_case_clause(user))


def can_list_case(user: Viewer, case: Case) -> bool:
    """`listed_case_clause` for a case already loaded."""
    return case.withdrawn_at is None and can_view_case(user, case)


# ---------------------------------------------------------------- withdrawal


def can_see_withdrawn(user: Viewer, case: Case) -> bool:
    """A withdrawn case stays open to its program's review team (its coordinators) and
    admins, who may restore it."""
    return is_system(user) or can(user, Permission.REVIEW_CASE, case.program)


def can_withdraw_case(user: Viewer, case: Case) -> bool:
    """Its presenter, its program's review team and admins; not twice."""
    if case.withdrawn_at is not None or not can_view_case(user, case):
        return False
    if is_system(user) or can(user, Permission.REVIEW_CASE, case.program):
        return True
    return _is_user(user) and case.presenter_id == user.id


def can_restore_case(user: Viewer, case: Case) -> bool:
    return (
        case.withdrawn_at is not None
        and can_view_case(user, case)
        and can(user, Permission.REVIEW_CASE, case.program)
    )


def require_withdraw_case(user: Viewer, case: Case) -> None:
    require_view_case(user, case)
    if not can_withdraw_case(user, case):
        raise PermissionDenied(
            "Only the presenter, a coordinator of the program or an admin can withdraw a case."
        )


def require_restore_case(user: Viewer, case: Case) -> None:
    require_view_case(user, case)
    if not can_restore_case(user, case):
        raise PermissionDenied("Only a coordinator of the program or an admin can restore a case.")


# A presenter may change a case until the review team has approved it.
_EDITABLE_BY_PRESENTER = {CaseStatus.DRAFT, CaseStatus.SUBMITTED, CaseStatus.RETURNED}


def can_edit_case(user: Viewer, case: Case) -> bool:
    if is_system(user):
        return True
    if not _is_user(user) or not can_view_case(user, case) or case.withdrawn_at is not None:
        return False
    if user.role is Role.ADMIN:
        return case.status is not CaseStatus.CLOSED
    return (
        case.presenter_id == user.id
        and case.status in _EDITABLE_BY_PRESENTER
        and has_permission(user, Permission.SUBMIT_CASE)
    )


def can_edit_recommendation(user: Viewer, recommendation: Recommendation) -> bool:
    """Its author (an expert) or an admin; nobody else, published or not."""
    if is_system(user):
        return True
    if not has_permission(user, Permission.WRITE_RECOMMENDATION):
        return False
    if not can_view_case(user, recommendation.case) or recommendation.case.withdrawn_at:
        return False
    return _is_user(user) and (user.role is Role.ADMIN or recommendation.author_id == user.id)


def can_view_recommendation(user: Viewer, recommendation: Recommendation) -> bool:
    """Published ones with their case; drafts only to their author and admins."""
    if not can_view_case(user, recommendation.case):
        return False
    if str(recommendation.status) == "published" or is_system(user):
        return True
    return _is_user(user) and (user.role is Role.ADMIN or recommendation.author_id == user.id)


def recommendation_status_clause(user: Viewer) -> sa.ColumnElement[bool]:
    """`can_view_recommendation`'s draft half as a WHERE clause on Recommendation (the
    case's visibility is the caller's)."""
    from app.recommendations.models import Recommendation, RecommendationStatus

    if is_system(user) or (_is_user(user) and user.role is Role.ADMIN):
        return sa.true()
    published = Recommendation.status == RecommendationStatus.PUBLISHED
    if not _is_user(user):
        return published
    return sa.or_(published, Recommendation.author_id == user.id)


def visible_evidence_clause(user: Viewer) -> sa.ColumnElement[bool]:
    """`can_view_evidence` (app/practices/queries.py) as a WHERE clause on EvidenceLink: a
    link is seen by those who may see what it cites (a session's program, a case, or a
    recommendation)."""
    from app.practices.models import EvidenceLink
    from app.programs.models import Program, Session
    from app.recommendations.models import Recommendation

    def each_link(*where: sa.ColumnElement[bool]) -> sa.Exists:
        # Looked up by key for each link: PostgreSQL otherwise hashed every visible case
        # and recommendation of the hub (150,000 at 50,000 cases, 0.8 s) to check a
        # practice list's few thousand links. OFFSET 0 keeps the subquery as written.
        return sa.select(sa.literal(1)).where(*where).offset(0).exists()

    program_seen = visible_program_clause(user)
    session = each_link(
        Session.id == EvidenceLink.session_id, Program.id == Session.program_id, program_seen
    )
    case_seen = sa.and_(Program.id == Case.program_id, program_seen, visible_case_clause(user))
    case = each_link(Case.id == EvidenceLink.case_id, case_seen)
    recommendation = each_link(
        Recommendation.id == EvidenceLink.recommendation_id,
        Case.id == Recommendation.case_id,
        case_seen,
        recommendation_status_clause(user),
    )
    no_session, no_case = EvidenceLink.session_id.is_(None), EvidenceLink.case_id.is_(None)
    return sa.or_(
        sa.and_(EvidenceLink.session_id.is_not(None), session),
        sa.and_(no_session, EvidenceLink.case_id.is_not(None), case),
        sa.and_(no_session, no_case, recommendation),
    )


def can_see_outcome(user: Viewer, outcome: Outcome) -> bool:
    """An outcome joins the follow-up it was recorded at and the recommendation it judges:
    it is seen by those who may see both (a draft or withdrawn follow-up's outcomes stay
    off the earlier case's page, a withdrawn earlier case's advice off the follow-up's)."""
    return can_view_case(user, outcome.case) and can_view_recommendation(
        user, outcome.recommendation
    )


def can_see_draft_history(user: Viewer, recommendation: Recommendation) -> bool:
    """The texts a recommendation had while it was a draft are its draft's: once published,
    readers see its history from the text that was published; its author and admins see
    every version."""
    if is_system(user):
        return True
    return _is_user(user) and (user.role is Role.ADMIN or recommendation.author_id == user.id)


def can_manage_credentials(user: Viewer, owner: User) -> bool:
    """Sign-ins and API tokens: listed, ended and revoked by their owner only (admins
    included: another account's are not theirs to see); the operator at the shell may."""
    if is_system(user):
        return True
    return _is_user(user) and user.id == owner.id


def can_administer_account(user: Viewer, account: User) -> bool:
    """Admins manage every account's role, programs, status, password and API tokens (never
    reading a secret); the operator at the shell may too."""
    return has_permission(user, Permission.MANAGE_USERS)


def require_administer_account(user: Viewer, account: User) -> None:
    if not can_administer_account(user, account):
        raise PermissionDenied("Only an admin can manage accounts.")


def require_manage_accounts(user: Viewer) -> None:
    """Before any account is looked up: a non-admin learns nothing of which ones exist."""
    if not has_permission(user, Permission.MANAGE_USERS):
        raise PermissionDenied("Only an admin can manage accounts.")


def can_deactivate(user: Viewer, account: User) -> bool:
    """Not one's own account: an admin locking themselves out needs another admin to undo it."""
    return can_administer_account(user, account) and (
        is_system(user) or (_is_user(user) and user.id != account.id)
    )


def can_annotate(user: Viewer, recommendation: Recommendation) -> bool:
    """Experts (and admins) annotate published recommendations they can see."""
    return (
        has_permission(user, Permission.ANNOTATE)
        and can_view_recommendation(user, recommendation)
        and str(recommendation.status) == "published"
        and recommendation.case.withdrawn_at is None
    )


def can_remove_evidence(user: Viewer, link: EvidenceLink) -> bool:
    """Evidence cited by mistake: taken back by whoever cited it, the practice's proposer,
    or an admin; nobody else undoes another expert's citation."""
    if is_system(user):
        return True
    if not has_permission(user, Permission.PROPOSE_PRACTICE):
        return False
    return _is_user(user) and (
        user.role is Role.ADMIN or user.id in (link.added_by_id, link.practice.created_by_id)
    )


def require_remove_evidence(user: Viewer, link: EvidenceLink) -> None:
    if not can_remove_evidence(user, link):
        raise PermissionDenied(
            "Only the expert who cited it, the practice's proposer or an admin can remove it."
        )


def can_record_dissent(user: Viewer, recommendation: Recommendation) -> bool:
    """Marking a recommendation as departing from a best practice on purpose: whoever may
    edit it (its author, or an admin)."""
    return can_edit_recommendation(user, recommendation)


def require_record_dissent(user: Viewer, recommendation: Recommendation) -> None:
    require_view_recommendation(user, recommendation)
    if not can_record_dissent(user, recommendation):
        raise PermissionDenied("Only the author of a recommendation can mark it intentional.")


def can_view_dissent(user: Viewer, dissent: RecommendationDissent) -> bool:
    """A dissent (and its reason) is seen by those who may see its recommendation (a private
    program's stays inside the program, a draft's with its author) and, as the desk shows
    them the experts' drafts, by the program's coordinators."""
    recommendation = dissent.recommendation
    if can_view_recommendation(user, recommendation):
        return True
    return can_run_desk(user, recommendation.case.program) and can_view_case(
        user, recommendation.case
    )


# ---------------------------------------------------------------- best practices


def _evidence_programs_seen(seen: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
    """Whether a link of the practice (a WHERE clause on BestPractice) points into a
    program matching `seen`: the session's, the case's or the recommendation's case's."""
    from app.practices.models import BestPractice, EvidenceLink
    from app.programs.models import Program, Session
    from app.recommendations.models import Recommendation

    mine = EvidenceLink.practice_id == BestPractice.id
    by_session = (
        sa.select(EvidenceLink.id)
        .join(Session, Session.id == EvidenceLink.session_id)
        .join(Program, Program.id == Session.program_id)
        .where(mine, seen)
    )
    by_case = (
        sa.select(EvidenceLink.id)
        .join(Case, Case.id == EvidenceLink.case_id)
        .join(Program, Program.id == Case.program_id)
        .where(mine, seen)
    )
    by_recommendation = (
        sa.select(EvidenceLink.id)
        .join(Recommendation, Recommendation.id == EvidenceLink.recommendation_id)
        .join(Case, Case.id == Recommendation.case_id)
        .join(Program, Program.id == Case.program_id)
        .where(mine, seen)
    )
    return sa.or_(by_session.exists(), by_case.exists(), by_recommendation.exists())


def visible_practice_clause(user: Viewer) -> sa.ColumnElement[bool]:
    """`can_view_practice` as a WHERE clause on BestPractice."""
    from app.practices.models import BestPractice, EvidenceLink

    if is_system(user) or (_is_user(user) and user.role is Role.ADMIN):
        return sa.true()
    cites = sa.select(EvidenceLink.id).where(EvidenceLink.practice_id == BestPractice.id)
    return sa.or_(~cites.exists(), _evidence_programs_seen(visible_program_clause(user)))


def can_view_practice(user: Viewer, practice: Any) -> bool:
    """A best practice is the whole hub's, but one whose evidence all lies in private
    programs was drawn from their cases alone: its title and statement would tell outsiders
    what those programs discuss. It is seen by whoever may see a program it cites (one
    citing nothing yet is open to all)."""
    if is_system(user) or (_is_user(user) and user.role is Role.ADMIN):
        return True
    from app.practices.models import BestPractice

    # One statement, however much evidence (a page of trail events asks for each).
    seen = sa.select(BestPractice.id).where(
        BestPractice.id == practice.id, visible_practice_clause(user)
    )
    return db.session.scalar(seen) is not None


def visible_practice_ids(user: Viewer, practice_ids: Iterable[int | None]) -> set[int]:
    """Which of `practice_ids` `user` may see (`can_view_practice`), in one statement for a
    whole list (the successors of the practices or outdated items a page shows)."""
    from app.practices.models import BestPractice

    ids = sorted({i for i in practice_ids if i is not None})
    if not ids or is_system(user) or (_is_user(user) and user.role is Role.ADMIN):
        return set(ids)
    seen = sa.select(BestPractice.id).where(BestPractice.id.in_(ids), visible_practice_clause(user))
    return set(db.session.scalars(seen))


def can_view_practice_citing(user: Viewer, programs: Sequence[Program]) -> bool:
    """`can_view_practice` for a practice whose evidence points into `programs` (read once
    for many readers: its followers)."""
    if is_system(user) or (_is_user(user) and user.role is Role.ADMIN):
        return True
    return not programs or any(can_view_program(user, p) for p in programs)


def evidence_programs(practice: Any) -> list[Program]:
    """The programs a practice's evidence points into, one per link."""
    return [p for p in map(evidence_program, practice.evidence) if p is not None]


def evidence_program(link: EvidenceLink) -> Program | None:
    """The program an evidence link points into."""
    if link.session is not None:
        return link.session.program
    if link.case is not None:
        return link.case.program
    if link.recommendation is not None:
        return link.recommendation.case.program
    return None


def practice_open_to_program(practice: Any, program: Program) -> bool:
    """Whether everyone who sees `program` may see the practice (`can_view_practice`): what
    is derived for a program's content as a whole (the practices a recommendation may
    contradict, the advice a superseded one queues for review) names only such practices."""
    programs = evidence_programs(practice)
    return not programs or any(not p.private or p.id == program.id for p in programs)


def names_visible_practice(user: Viewer, practice_id: Any) -> sa.ColumnElement[bool]:
    """A WHERE clause on what names a practice by `practice_id` (an outdated-advice item, a
    dissent, a notice): shown to those who may see the practice now. Decided when read, not
    when written: evidence added or removed since may have opened it or made it private."""
    from app.practices.models import BestPractice

    if is_system(user) or (_is_user(user) and user.role is Role.ADMIN):
        return sa.true()
    # Correlated: only the practices named are checked. As `IN (every visible practice)`,
    # PostgreSQL derived the whole set (each practice's evidence) for every statement.
    return sa.exists().where(BestPractice.id == practice_id, visible_practice_clause(user))


def require_view_practice(user: Viewer, practice: Any) -> None:
    if not can_view_practice(user, practice):
        from app.errors import NotFound

        raise NotFound("No such best practice.")


def can_cite(user: Viewer, target: Any) -> bool:
    """Evidence is cited by one who may see it: a session with its program, a case, a
    recommendation (a draft only by its author and admins)."""
    from app.programs.models import Session
    from app.recommendations.models import Recommendation

    return isinstance(target, Session | Case | Recommendation) and _can_see_record(
        user, target, otherwise=False
    )


def require_cite(user: Viewer, target: Any) -> None:
    """What one may not see is as good as absent: citing it answers as for a missing one."""
    if not can_cite(user, target):
        from app.errors import NotFound

        raise NotFound(f"No such {type(target).__name__.lower()}.")  # session, case …


# ---------------------------------------------------------------- outdated advice


def can_see_outdated_queue(user: Viewer) -> bool:
    """The outdated-advice queue: experts (their recommendations), coordinators (their
    programs') and admins."""
    return is_system(user) or (
        _is_user(user)
        and (
            has_permission(user, Permission.WRITE_RECOMMENDATION)
            or has_permission(user, Permission.MANAGE_SESSIONS)
        )
    )


def require_see_outdated_queue(user: Viewer) -> None:
    if not can_see_outdated_queue(user):
        raise PermissionDenied("The outdated-advice queue is for experts and coordinators.")


def can_review_every_outdated(user: Viewer) -> bool:
    return is_system(user) or (_is_user(user) and user.role is Role.ADMIN)


def can_review_outdated(user: Viewer, item: OutdatedAdvice) -> bool:
    """An item is reviewed by its recommendation's author, the coordinators who run its
    program's desk and admins, while they may see the case (not withdrawn). The practice it
    names may since have become private to a program they are not in: they still review it,
    shown without the practice (`visible_practice_ids` of the page)."""
    recommendation = item.recommendation
    if not can_view_recommendation(user, recommendation) or recommendation.case.withdrawn_at:
        return False
    if can_review_every_outdated(user):
        return True
    return _is_user(user) and (
        (
            recommendation.author_id == user.id
            and has_permission(user, Permission.WRITE_RECOMMENDATION)
        )
        or can_run_desk(user, recommendation.case.program)
    )


def reviews_outdated_clause(user: Viewer) -> sa.ColumnElement[bool]:
    """`can_review_outdated`'s who-reviews half as a WHERE clause on a Recommendation joined
    to its Case (the case's visibility is the caller's)."""
    from app.recommendations.models import Recommendation

    if can_review_every_outdated(user):
        return sa.true()
    if not _is_user(user):
        return sa.false()
    parts: list[sa.ColumnElement[bool]] = []
    if has_permission(user, Permission.WRITE_RECOMMENDATION):
        parts.append(Recommendation.author_id == user.id)
    if has_permission(user, Permission.MANAGE_SESSIONS):  # `runs_program`: their own programs
        parts.append(Case.program_id.in_(sorted(user.program_ids)))
    return sa.or_(sa.false(), *parts)


def require_review_outdated(user: Viewer, item: OutdatedAdvice) -> None:
    if not can_view_recommendation(user, item.recommendation):
        from app.errors import NotFound

        raise NotFound("No such recommendation.")
    if not can_review_outdated(user, item):
        raise PermissionDenied(
            "Outdated advice is reviewed by the recommendation's author and the program's "
            "coordinators."
        )


def require_own_account(user: Viewer, message: str = "Sign in first.") -> User:
    """What an account does for itself alone (following topics, its digest): a signed-in,
    active account; neither the server nor nobody."""
    if not _is_user(user) or not user.is_active:
        raise PermissionDenied(message)
    return user


def can_run_desk(user: Viewer, program: Program) -> bool:
    """The session desk (agendas, the experts' drafts, sending the hub's recommendations)
    and attendance: the program's coordinators, and admins."""
    return can(user, Permission.MANAGE_SESSIONS, program)


def require_run_desk(user: Viewer, program: Program) -> None:
    require_view_program(user, program)
    if not can_run_desk(user, program):
        raise PermissionDenied("The session desk is for the program's coordinators.")


# Who runs a program besides its admins: its coordinators and experts (its staff).
STAFF_ROLES = frozenset({Role.COORDINATOR, Role.EXPERT})


def can_manage_program_staff(user: Viewer, program: Program) -> bool:
    """Adding and removing a program's coordinators and experts: admins, and the program's
    own coordinators (a hub's coordinator assembles its team)."""
    return can_run_desk(user, program)


def require_manage_program_staff(user: Viewer, program: Program) -> None:
    require_view_program(user, program)
    if not can_manage_program_staff(user, program):
        raise PermissionDenied(
            "Program staff are changed by admins and the program's coordinators."
        )


def can_look_up_accounts(user: Viewer) -> bool:
    """Who may learn, from an email, whose account it is (name, role, whether active):
    those who manage accounts. A coordinator adding staff learns only whether the email
    is a coordinator's or an expert's."""
    return has_permission(user, Permission.MANAGE_USERS)


def can_read_evaluations(user: Viewer, program: Program) -> bool:
    """Post-session evaluation results (totals, never who answered what): the desk's people."""
    return can_run_desk(user, program)


def require_read_evaluations(user: Viewer, program: Program) -> None:
    require_view_program(user, program)
    if not can_read_evaluations(user, program):
        raise PermissionDenied("Evaluation results are for the program's coordinators.")


def can_view_template_editor(user: Viewer, program: Program) -> bool:
    """The case-form editor: admins change it; the program's coordinators may look."""
    return can_run_desk(user, program)


def require_view_template_editor(user: Viewer, program: Program) -> None:
    require_view_program(user, program)
    if not can_view_template_editor(user, program):
        raise PermissionDenied("The case-form editor is for admins and the program's coordinators.")


def can_read_health_details(user: Viewer) -> bool:
    """The health report's counts and index generation move whenever anyone saves, a private
    program's members too: admins read them; anyone else learns only ok or unhealthy."""
    return is_system(user) or (_is_user(user) and user.role is Role.ADMIN)


def can_purge_text(user: Viewer) -> bool:
    """Purging text from every copy is for admins (and the operator at the server's shell)."""
    return is_system(user) or (_is_user(user) and user.role is Role.ADMIN)


def require_purge_text(user: Viewer) -> None:
    if not can_purge_text(user):
        raise PermissionDenied("Only an admin can purge text.")


# ---------------------------------------------------------------- the de-identification gate

# Findings of these categories are identifiers by their shape (a social security, record,
# account, licence, member or claim number, an email or IP address, a vehicle's plate or
# VIN) and are rarely anything else in clinical text: on ~2,400 de-identified
# transcriptions the detector raised 7 of them, each a placeholder ("MR#: 0000000") or a
# number an author can write otherwise ("Keflex #20 500 mg", vital signs run together);
# that price buys a record number no author can wave through (README). Names, dates,
# places, ages, facilities, phone numbers (each of the 3 found was an office's: "call the
# office at …"), web addresses (a guideline's) and device models (an intraocular lens
# "SN60WS") are often something else, and stay the author's to mark.
FIRM_FINDING_CATEGORIES: Final = frozenset({"SSN", "ID", "EMAIL", "IP", "VEHICLE"})


def can_mark_firm_findings(user: Viewer, program: Program | None) -> bool:
    """Who may mark a finding of a firm category "not an identifier": the program's review
    team (its coordinators, `runs_program`) and admins, who answer for its de-identification;
    for what belongs to no program (a topic, a practice, a teaching set), admins alone.
    Every other author removes or rewrites it."""
    if is_system(user) or (_is_user(user) and user.role is Role.ADMIN):
        return True
    return program is not None and can(user, Permission.REVIEW_CASE, program)


def unmarkable_categories(user: Viewer, program: Program | None) -> frozenset[str]:
    """The categories of findings `user` may not mark "not an identifier" in `program`."""
    return frozenset() if can_mark_firm_findings(user, program) else FIRM_FINDING_CATEGORIES


def firm_finding_markers(program: Program | None) -> str:
    """Who `can_mark_firm_findings`, in words for a refusal."""
    return "a coordinator of the program or an admin" if program is not None else "an admin"


# What runs a program (review, the desk and its sessions, imports into it): done in a program
# by its own members; reading an open program stays open to all.
_RUN_BY_MEMBERS = frozenset(
    {Permission.REVIEW_CASE, Permission.MANAGE_SESSIONS, Permission.IMPORT_DATA}
)


def runs_program(user: Viewer, program: Program) -> bool:
    """Admins (and the operator) run every program; anyone else only those they belong to."""
    if is_system(user) or (_is_user(user) and user.role is Role.ADMIN):
        return True
    return _is_user(user) and program.id in user.program_ids


def reviews_every_program(user: Viewer) -> bool:
    """Admins (and the operator) are the review team of every program's cases in review;
    another reviewer, of the programs they run (`runs_program`)."""
    return is_system(user) or (_is_user(user) and user.role is Role.ADMIN)


def told_of_outdated_advice_in_program(member: User) -> bool:
    """Of a program's members, its coordinators are told that recommendations in it may be
    outdated (a best practice they drew on was retired or superseded); authors are told of
    their own."""
    return member.role is Role.COORDINATOR


def programs_run_by(user: Viewer, programs: Iterable[Program]) -> list[int]:
    """`runs_program` for many: the ids of those `user` runs (their review queue's)."""
    return [p.id for p in programs if runs_program(user, p) and can_view_program(user, p)]


def can(user: Viewer, permission: Permission, obj: Any = None) -> bool:
    """True if `user` holds `permission`, and may see `obj` (a Program or a Case) if given;
    for what runs a program, also if they are one of its members (`runs_program`)."""
    if not has_permission(user, permission):
        return False
    if obj is None:
        return True
    from app.programs.models import Program

    program = obj if isinstance(obj, Program) else obj.program if isinstance(obj, Case) else None
    if program is not None and permission in _RUN_BY_MEMBERS and not runs_program(user, program):
        return False
    if isinstance(obj, Program):
        return can_view_program(user, obj)
    if isinstance(obj, Case):
        # A withdrawn case is frozen until restored: nothing is done with it but that.
        return can_view_case(user, obj) and obj.withdrawn_at is None
    return True


def require(user: Viewer, permission: Permission, obj: Any = None) -> None:
    if not can(user, permission, obj):
        raise PermissionDenied()


def require_edit_case(user: Viewer, case: Case) -> None:
    require_view_case(user, case)
    if not can_edit_case(user, case):
        raise PermissionDenied("Only the presenter can change this case, and only before approval.")


def require_edit_recommendation(user: Viewer, recommendation: Recommendation) -> None:
    if not can_edit_recommendation(user, recommendation):
        raise PermissionDenied("Only the author of a recommendation can change it.")


def require_view_program(user: Viewer, program: Program) -> None:
    if not can_view_program(user, program):
        # A private program is as good as absent for non-members.
        from app.errors import NotFound

        raise NotFound("No such program.")


def require_view_case(user: Viewer, case: Case) -> None:
    if not can_view_case(user, case):
        from app.errors import NotFound

        raise NotFound("No such case.")


def require_view_recommendation(user: Viewer, recommendation: Recommendation) -> None:
    """An unpublished recommendation is as good as absent for all but its author (and admins)."""
    if not can_view_recommendation(user, recommendation):
        from app.errors import NotFound

        raise NotFound("No such recommendation.")


def require_annotate(user: Viewer, recommendation: Recommendation) -> None:
    """The rule for every channel (web, API): see it, hold ANNOTATE, and it is published."""
    require_view_recommendation(user, recommendation)
    require(user, Permission.ANNOTATE, recommendation.case)
    if not can_annotate(user, recommendation):
        from app.errors import NotFound

        # As the web has always answered: there is no annotation form for a draft.
        raise NotFound("Only published recommendations can be annotated.")


def can_see_review(user: Viewer, case: Case) -> bool:
    """Review comments are between the presenter and the review team (admins included),
    whatever the case's status since: the web page and the API show the same."""
    if is_system(user):
        return True
    return _is_user(user) and (
        case.presenter_id == user.id
        or user.role is Role.ADMIN
        or can(user, Permission.REVIEW_CASE, case.program)
    )


def can_see_deid_risk(user: Viewer, case: Case) -> bool:
    """The re-identification warning (offsets and kinds, no text): for whoever may still
    change the case and for the review team."""
    return can_edit_case(user, case) or can(user, Permission.REVIEW_CASE, case.program)


def can_see_kept_identifiers(user: Viewer, case: Case) -> bool:
    """Where the presenter kept a possible identifier as "not an identifier" (field,
    characters, kind): for the review team of the case's program, who check them."""
    return can(user, Permission.REVIEW_CASE, case.program)


def can_submit_case(user: Viewer, case: Case) -> bool:
    """The submit button: the presenter sends a draft or returned case for review."""
    return (
        can_edit_case(user, case)
        and _is_user(user)
        and case.presenter_id == user.id
        and case.status in (CaseStatus.DRAFT, CaseStatus.RETURNED)
    )


def can_recall_case(user: Viewer, case: Case) -> bool:
    """The presenter takes a submitted or returned case back to draft."""
    return (
        can_edit_case(user, case)
        and _is_user(user)
        and case.presenter_id == user.id
        and case.status in (CaseStatus.SUBMITTED, CaseStatus.RETURNED)
    )


def can_present_follow_up(user: Viewer, case: Case) -> bool:
    """A provider brings the patient back once the case has its recommendations."""
    return has_permission(user, Permission.SUBMIT_CASE) and case.status in (
        CaseStatus.RECOMMENDATIONS_PUBLISHED,
        CaseStatus.CLOSED,
    )


def _can_see_record(user: Viewer, entity: Any, *, otherwise: bool) -> bool:
    """Whether `user` may see one record, by the rule of its own page; `otherwise` for a
    record of any other kind (or none)."""
    from app.auth.models import ApiToken
    from app.practices.models import BestPractice
    from app.programs.models import Program, Session, Topic, TopicStatus
    from app.recommendations.models import Recommendation

    if isinstance(entity, Case):
        return can_view_case(user, entity)
    if isinstance(entity, Recommendation):
        return can_view_recommendation(user, entity)
    if isinstance(entity, Session):
        return can_view_program(user, entity.program)
    if isinstance(entity, Program):
        return can_view_program(user, entity)
    if isinstance(entity, User):
        return can_administer_account(user, entity)
    if isinstance(entity, ApiToken):
        return can_administer_account(user, entity.user)
    if isinstance(entity, BestPractice):
        return can_view_practice(user, entity)
    if isinstance(entity, Topic) and entity.status is TopicStatus.PROPOSED:
        return can_see_topic(user, entity)  # it may name what only a private program holds
    if isinstance(entity, Topic) and entity.status is TopicStatus.RETIRED:
        return can_read_topic_name(user, entity)  # a rejected proposal, likewise
    return otherwise


def can_see_trail(user: Viewer, entity: Any) -> bool:
    """An audit trail is seen with the same rule as the object's own page (a draft
    recommendation only by its author, a best practice drawn from a private program only by
    those who may see it); topics are open to all."""
    return _can_see_record(user, entity, otherwise=True)


def _may_see_event_entity(user: Viewer, event: Any) -> bool:
    """A listing of many records' events (the admin audit page) keeps only those about a
    record whose own trail the user may read. A topic merged away is gone but its trail
    stays open, as every topic's is; any other record that is gone tells nobody who may see
    it."""
    from app.auth.models import ApiToken
    from app.practices.models import BestPractice
    from app.programs.models import Program, Session, Topic
    from app.recommendations.models import Recommendation

    models: dict[str, Any] = {
        "cases": Case,
        "recommendations": Recommendation,
        "sessions": Session,
        "best_practices": BestPractice,
        "programs": Program,
        "topics": Topic,
        "users": User,
        "api_tokens": ApiToken,
    }
    model = models.get(event.entity_type)
    if model is None or event.entity_id is None:
        return False
    entity = db.session.get(model, event.entity_id)
    if entity is None:
        return model is Topic
    return can_see_trail(user, entity)


EVIDENCE_EVENTS = frozenset({"practice.evidence_added", "practice.evidence_removed"})


def can_see_person(user: Viewer, person: User) -> bool:
    """Whether `user` may see who `person` is where they acted on something shared (a
    trail): hub-wide people (admins, those in no program) and those of a program the user
    sees are named; someone only a private program knows is not."""
    if reads_every_event(user) or person.role is Role.ADMIN:
        return True
    if _is_user(user) and user.id == person.id:
        return True
    programs = [m.program for m in person.memberships]
    return not programs or any(can_view_program(user, p) for p in programs)


def can_name_in_import(user: Viewer, account: User) -> bool:
    """An import names presenters and authors by email. One `user` may not see
    (`can_see_person`: someone only a private program hidden from them knows) answers as
    a missing account, so the import neither confirms the account nor puts its name on
    what it writes; those who manage accounts may name any."""
    return can_look_up_accounts(user) or can_see_person(user, account)


def seen_people(user: Viewer, people: Iterable[User | None]) -> set[int]:
    """The ids of `people` whom `user` may see (`can_see_person`), their programs read in one
    statement for a whole page (a practice's proposer and endorsers)."""
    from app.programs.models import Program

    everyone = {p.id: p for p in people if p is not None}
    if reads_every_event(user):
        return set(everyone)
    seen = {
        i for i, p in everyone.items() if p.role is Role.ADMIN or (_is_user(user) and user.id == i)
    }
    rest = sorted(set(everyone) - seen)
    if not rest:
        return seen
    programs: dict[int, list[Program]] = {i: [] for i in rest}
    rows = db.session.execute(
        sa.select(ProgramMembership.user_id, Program)
        .join(Program, Program.id == ProgramMembership.program_id)
        .where(ProgramMembership.user_id.in_(rest))
    )
    for person_id, program in rows:
        programs[person_id].append(program)
    return seen | {
        i for i, ps in programs.items() if not ps or any(can_view_program(user, p) for p in ps)
    }


def person_name(
    user: Viewer,
    person: User | None,
    withheld: str = "Someone",
    seen: Container[int] | None = None,
) -> str | None:
    """`person`'s name as `user` may read it where they acted on something shared (a best
    practice's proposer, endorsers and editors): `withheld` for one `can_see_person` hides.
    `seen` is `seen_people` for a page that names many."""
    if person is None:
        return None
    shown = person.id in seen if seen is not None else can_see_person(user, person)
    return person.display_name if shown else withheld


def reads_every_event(user: Viewer) -> bool:
    """Admins (and the operator) read every audit event with all its details."""
    return is_system(user) or (_is_user(user) and user.role is Role.ADMIN)


def _load_evidence_targets(
    events: list[Any], removed: dict[Any, tuple[Any, Any]], models: dict[str, Any]
) -> list[Any]:
    """The evidence links the events name, and what each pointed at, with the programs
    deciding who sees them, in a few statements: each event's own lookups were a query per
    link, target and program (350 statements for a page of 50 practice events)."""
    from sqlalchemy.orm import selectinload

    from app.practices.models import EvidenceLink
    from app.programs.models import Session
    from app.recommendations.models import Recommendation

    cited = [e.details for e in events if e.action in EVIDENCE_EVENTS and e.details]
    ids = {d.get("evidence_id") for d in cited if isinstance(d.get("evidence_id"), int)}
    if not ids:
        return []
    loads: dict[Any, list[Any]] = {
        Session: [selectinload(Session.program)],
        Case: [selectinload(Case.program)],
        Recommendation: [selectinload(Recommendation.case).selectinload(Case.program)],
    }
    held: list[Any] = list(
        db.session.scalars(
            sa.select(EvidenceLink)
            .where(EvidenceLink.id.in_(ids))
            .options(
                selectinload(EvidenceLink.session).selectinload(Session.program),
                selectinload(EvidenceLink.case).selectinload(Case.program),
                selectinload(EvidenceLink.recommendation)
                .selectinload(Recommendation.case)
                .selectinload(Case.program),
            )
        )
    )
    gone: dict[Any, set[Any]] = {}
    for evidence_id in ids - {link.id for link in held}:
        kind, target_id = removed.get(evidence_id, (None, None))
        model = models.get(kind) if isinstance(kind, str) else None
        if model is not None and isinstance(target_id, int):
            gone.setdefault(model, set()).add(target_id)
    for model, target_ids in gone.items():
        held += db.session.scalars(
            sa.select(model).where(model.id.in_(target_ids)).options(*loads[model])
        )
    return held


def _reads_event(user: Viewer, event: Any) -> bool:
    """Whether `user` may read an event of a record whose trail they read: one that tells
    what only some of the record's readers are shown elsewhere is theirs alone. Who
    evaluated a session (the totals are its desk's, `can_read_evaluations`); where a case's
    or a recommendation's author kept a possible identifier (`can_see_kept_identifiers`)
    and which kinds of clues an approved case was confirmed with (`can_see_deid_risk`):
    its review team's, who check them; a session's, its program's desk's (`can_run_desk`,
    who read a case form's marks in its editor). A dissent names its practice,
    which may be one drawn from a private program alone: it is read by those who may see
    the practice. That a case was returned, to or from which its status moved, and a review
    comment imported are between its presenter and its review team (`can_see_review`, as on
    its timeline). Marks on a program's or a practice's texts are their editors'
    (`marks_clause`); a recommendation's edits as a draft, its draft's readers'."""
    from app.programs.models import Session
    from app.recommendations.models import Recommendation

    if event.entity_type == "cases" and _tells_review(event):
        reviewed = db.session.get(Case, event.entity_id)
        return reviewed is not None and can_see_review(user, reviewed)
    if event.action == "recommendation.dissent_recorded":
        practice_id = (event.details or {}).get("practice_id")
        return isinstance(practice_id, int) and practice_id in visible_practice_ids(
            user, [practice_id]
        )
    if event.action == "session.evaluated":
        session = db.session.get(Session, event.entity_id)
        return session is not None and can_read_evaluations(user, session.program)
    if event.action == "deid.finding_overridden" and event.entity_type == "sessions":
        marked = db.session.get(Session, event.entity_id)
        return marked is not None and can_run_desk(user, marked.program)
    if event.action == "deid.finding_overridden" and event.entity_type in _MARKED_ELSEWHERE:
        return _reads_marks(user, event.entity_type, event.entity_id)
    if event.action == "recommendation.edited" and event.entity_type == "recommendations":
        return _reads_edit(user, event)
    if event.action in ("deid.finding_overridden", "deid.risk_confirmed"):
        case: Case | None = None
        if event.entity_type == "cases":
            case = db.session.get(Case, event.entity_id)
        elif event.entity_type == "recommendations":
            recommendation = db.session.get(Recommendation, event.entity_id)
            case = recommendation.case if recommendation is not None else None
        else:
            return True
        if case is None:
            return False
        if event.action == "deid.risk_confirmed":
            return can_see_deid_risk(user, case)
        return can_see_kept_identifiers(user, case)
    return True


# Marks kept on a program's texts (its description, its case form) and on a best
# practice's: read as their editors read them, the program's desk (`can_run_desk`) and
# those who write practices; `marks_clause` is the same rule in a query.
_MARKED_ELSEWHERE = frozenset({"programs", "best_practices"})


def _reads_marks(user: Viewer, entity_type: str, entity_id: int | None) -> bool:
    if reads_every_event(user):
        return True
    if entity_type == "best_practices":
        return has_permission(user, Permission.PROPOSE_PRACTICE)
    return entity_id is not None and entity_id in _desk_program_ids(user)


def _desk_program_ids(user: Viewer) -> list[int]:
    """The programs whose desk `user` runs, admins aside (`can_run_desk`: its members)."""
    if not _is_user(user) or not has_permission(user, Permission.MANAGE_SESSIONS):
        return []
    return sorted(user.program_ids)


def marks_clause(user: Viewer) -> sa.ColumnElement[bool]:
    """The events on programs and best practices `_reads_event` lets `user` read, as a
    WHERE clause on AuditEvent: a listing that pages and counts in the query (the admin
    audit page) narrows it there, so its pages and count stay whole."""
    from app.audit.models import AuditEvent

    if reads_every_event(user):
        return sa.true()
    hidden = [
        sa.and_(
            AuditEvent.entity_type == "programs",
            AuditEvent.entity_id.not_in(_desk_program_ids(user)),
        )
    ]
    if not has_permission(user, Permission.PROPOSE_PRACTICE):
        hidden.append(AuditEvent.entity_type == "best_practices")
    return sa.not_(sa.and_(AuditEvent.action == "deid.finding_overridden", sa.or_(*hidden)))


def _reads_edit(user: Viewer, event: Any) -> bool:
    """An edit of a recommendation while it was a draft is its draft's history
    (`can_see_draft_history`): the versions up to the one published."""
    from app.recommendations.models import Recommendation, RecommendationStatus

    recommendation = db.session.get(Recommendation, event.entity_id)
    if recommendation is None:
        return False
    if can_see_draft_history(user, recommendation):
        return True
    if recommendation.status is not RecommendationStatus.PUBLISHED:
        return True  # its trail is its author's alone (`can_see_trail`)
    version = (event.details or {}).get("version")
    first = recommendation.published_version or recommendation.version
    return isinstance(version, int) and version > first


def _tells_review(event: Any) -> bool:
    """Whether a case's event tells that it was returned with comments."""
    if event.action == "case.review_comment_imported":
        return True
    if event.action != "case.status_changed":
        return False
    details = event.details or {}
    returned = CaseStatus.RETURNED.value
    return returned in (details.get("previous"), details.get("status"))


def trail_details(
    user: Viewer, events: list[Any], *, newer: Sequence[Any] = ()
) -> list[tuple[Any, dict[str, Any]]]:
    """The events of a trail the user may see, each with the details they may read. A best
    practice's trail is open to all who read trails, but its evidence may cite a private
    program's case or a draft: an event about a link to what the user may not see is left
    out (who cited it, that it exists), and so is the count of advice queued for review
    when some of it is advice they may not see. A topic's merge counted the cases,
    sessions and practices it moved in every program: those counts are for admins.
    `newer`: events of the same listing read before these (a list read in chunks), not
    listed again but telling what a link taken back pointed at."""
    from app.outdated.models import OutdatedAdvice
    from app.practices.models import EvidenceLink
    from app.programs.models import Session
    from app.recommendations.models import Recommendation

    if reads_every_event(user):
        return [(e, dict(e.details or {})) for e in events]
    seen: dict[tuple[Any, Any], bool] = {}  # a record's many events are decided once

    def may_see(event: Any) -> bool:
        key = (event.entity_type, event.entity_id)
        if key not in seen:
            seen[key] = _may_see_event_entity(user, event)
        return seen[key]

    events = [e for e in events if may_see(e)]
    models: dict[str, Any] = {"case": Case, "recommendation": Recommendation, "session": Session}
    removed = {  # a link taken back is gone: its removal kept what it pointed at
        e.details.get("evidence_id"): (e.details.get("kind"), e.details.get("target_id"))
        for e in [*newer, *events]
        if e.action == "practice.evidence_removed" and e.details
    }

    held = _load_evidence_targets(events, removed, models)  # noqa: F841 - kept while read

    def may_see_target(evidence_id: Any) -> bool:
        link = db.session.get(EvidenceLink, evidence_id) if isinstance(evidence_id, int) else None
        if link is not None:
            target: Any = link.session or link.case or link.recommendation
        else:
            kind, target_id = removed.get(evidence_id, (None, None))
            model = models.get(kind) if isinstance(kind, str) else None
            target = db.session.get(model, target_id) if model and target_id else None
        # A link to nothing left: nothing tells who may see it.
        return _can_see_record(user, target, otherwise=False)

    hidden_advice: dict[int | None, bool] = {}

    def advice_hidden(practice_id: int | None) -> bool:
        if practice_id not in hidden_advice:
            queued = db.session.scalars(
                sa.select(Recommendation)
                .join(OutdatedAdvice, OutdatedAdvice.recommendation_id == Recommendation.id)
                .where(OutdatedAdvice.practice_id == practice_id)
            )
            hidden_advice[practice_id] = any(not can_view_recommendation(user, r) for r in queued)
        return hidden_advice[practice_id]

    out = []
    for event in events:
        if not _reads_event(user, event):
            continue
        details = dict(event.details or {})
        if event.entity_type == "best_practices":
            if event.action in EVIDENCE_EVENTS and not may_see_target(details.get("evidence_id")):
                continue
            if event.action == "practice.advice_queued" and advice_hidden(event.entity_id):
                details.pop("count", None)
        if event.action == "topic.merged":  # what it moved, of every program
            for moved in ("cases", "sessions", "practices"):
                details.pop(moved, None)
        out.append((event, details))
    return out


def can_author_advice(author: Viewer) -> bool:
    """Recommendations and annotations are written by experts (and admins)."""
    return isinstance(author, User) and author.role in (Role.EXPERT, Role.ADMIN)


def can_record_outcome(user: Viewer, follow_up: Case) -> bool:
    """The follow-up's presenter (who knows what became of the patient), the coordinators
    who run its program (`runs_program`: a coordinator of another program reads an open
    case but records nothing on it) and admins; a private program's case never by outsiders
    (`can_view_case`)."""
    if not can(user, Permission.RECORD_OUTCOME, follow_up):
        return False
    if is_system(user):
        return True
    if not _is_user(user):
        return False
    if follow_up.presenter_id == user.id:
        return True
    return user.role is not Role.PROVIDER and runs_program(user, follow_up.program)


def require_record_outcome(user: Viewer, follow_up: Case) -> None:
    if not can_record_outcome(user, follow_up):
        require_view_case(user, follow_up)
        raise PermissionDenied(
            "Outcomes are recorded by the follow-up's presenter and the program's coordinators."
        )


# Who moves a case into each status (the lifecycle's steps in app/cases/lifecycle.py).
_STATUS_PERMISSION = {
    CaseStatus.APPROVED: Permission.REVIEW_CASE,
    CaseStatus.RETURNED: Permission.REVIEW_CASE,
    CaseStatus.CLOSED: Permission.REVIEW_CASE,
    CaseStatus.PRESENTED: Permission.MANAGE_SESSIONS,
}


def can_change_status(user: Viewer, case: Case, status: CaseStatus) -> bool:
    """The presenter submits and recalls; the review team approves, returns and closes;
    coordinators mark it presented; publishing its advice (an author or the session desk)
    makes it `recommendations_published`."""
    if status in (CaseStatus.SUBMITTED, CaseStatus.DRAFT):
        return can_edit_case(user, case)
    if status is CaseStatus.RECOMMENDATIONS_PUBLISHED:
        return can(user, Permission.WRITE_RECOMMENDATION, case) or can(
            user, Permission.MANAGE_SESSIONS, case
        )
    return can(user, _STATUS_PERMISSION[status], case)


def require_change_status(user: Viewer, case: Case, status: CaseStatus) -> None:
    require_view_case(user, case)
    if not can_change_status(user, case, status):
        raise PermissionDenied()


def can_publish_recommendation(user: Viewer, recommendation: Recommendation) -> bool:
    """Its author (or an admin), or the program's session desk sending the hub's advice."""
    return can_edit_recommendation(user, recommendation) or can_run_desk(
        user, recommendation.case.program
    )


def require_publish_recommendation(user: Viewer, recommendation: Recommendation) -> None:
    if not can_publish_recommendation(user, recommendation):
        raise PermissionDenied("Only the author of a recommendation can publish it.")


def require_import(user: Viewer, obj: Any = None) -> None:
    """Imports carry history (any status, any author, withdrawn or not), so they need
    IMPORT_DATA in the program (`obj`) they write to, as one of its coordinators."""
    from app.programs.models import Program

    if not can(user, Permission.IMPORT_DATA, obj):
        if isinstance(obj, Program) and can_view_program(user, obj):
            raise PermissionDenied(f"Imports into {obj.name} are for its coordinators.")
        raise PermissionDenied()


def require_manage_credentials(user: Viewer, owner: User) -> None:
    """The account holder, or an admin managing the account."""
    if not (can_manage_credentials(user, owner) or can_administer_account(user, owner)):
        raise PermissionDenied("Only the account holder or an admin can do this.")


def can_evaluate_session(user: Viewer, session: Session, participant_ids: Any) -> bool:
    """A session is evaluated by those on its attendance list, each for themselves, while
    they see its program (one who left a private program writes nothing more into it)."""
    return _is_user(user) and user.id in participant_ids and can_view_program(user, session.program)


def require_evaluate_session(user: Viewer, session: Session, participant_ids: Any) -> None:
    if not can_evaluate_session(user, session, participant_ids):
        raise PermissionDenied("Only participants of the session can evaluate it.")


def require_account(user: Viewer) -> None:
    """What any active account does for itself (its own inbox)."""
    if not _is_user(user):
        raise PermissionDenied()


def require_self(user: Viewer, account: User) -> None:
    """What only the account holder does for themselves (their password, their inbox)."""
    if not (_is_user(user) and user.id == account.id):
        raise PermissionDenied()


# ---------------------------------------------------------------- teaching sets


def can_view_teaching_set(user: Viewer, teaching_set: TeachingSet) -> bool:
    """A set is its owner's; once shared with a program, that program's members see it too
    (admins see every set). Inside it each viewer sees only the cases and recommendations
    they may see anyway: `can_list_case` and `can_view_recommendation`, item by item."""
    if is_system(user):
        return True
    if not _is_user(user):
        return False
    if user.role is Role.ADMIN or teaching_set.owner_id == user.id:
        return True
    return teaching_set.program_id is not None and teaching_set.program_id in user.program_ids


def can_edit_teaching_set(user: Viewer, teaching_set: TeachingSet) -> bool:
    """Its owner and admins. The shared program's coordinators view it like any member: a
    set is its author's curated teaching, not the program's, and they can copy what they
    need into a set of their own."""
    if is_system(user):
        return True
    return _is_user(user) and (user.role is Role.ADMIN or teaching_set.owner_id == user.id)


def require_view_teaching_set(user: Viewer, teaching_set: TeachingSet) -> None:
    if not can_view_teaching_set(user, teaching_set):
        from app.errors import NotFound

        raise NotFound("No such teaching set.")


def require_edit_teaching_set(user: Viewer, teaching_set: TeachingSet) -> None:
    require_view_teaching_set(user, teaching_set)
    if not can_edit_teaching_set(user, teaching_set):
        raise PermissionDenied("Only the owner of a teaching set can change it.")


def can_share_teaching_set(user: Viewer, teaching_set: TeachingSet, program: Program) -> bool:
    """Shared with a program the editor belongs to (admins: any program)."""
    if not can_edit_teaching_set(user, teaching_set) or not can_view_program(user, program):
        return False
    if is_system(user):
        return True
    return _is_user(user) and (user.role is Role.ADMIN or program.id in user.program_ids)


def keeps_teaching_set_shared(owner: Viewer, program: Program) -> bool:
    """A set stays shared with a program while its owner may still see it: one who leaves a
    private program takes their sets out of it (they could no longer tell who reads them,
    and would keep writing into a program that is closed to them)."""
    return can_view_program(owner, program)


def require_share_teaching_set(user: Viewer, teaching_set: TeachingSet, program: Program) -> None:
    require_edit_teaching_set(user, teaching_set)
    require_view_program(user, program)
    if not can_share_teaching_set(user, teaching_set, program):
        raise PermissionDenied("A set is shared with a program you belong to.")


def require_add_to_teaching_set(
    user: Viewer, teaching_set: TeachingSet, subject: Case | Recommendation
) -> None:
    """Into a set goes only what its editor finds in lists: a visible case that is not
    withdrawn, or a published recommendation on one."""
    require_edit_teaching_set(user, teaching_set)
    if isinstance(subject, Case):
        if not can_list_case(user, subject):
            from app.errors import NotFound

            raise NotFound("No such case.")
        return
    require_view_recommendation(user, subject)
    if subject.case.withdrawn_at is not None or str(subject.status) != "published":
        from app.errors import NotFound

        raise NotFound("No such recommendation.")


def require_own_saved_search(user: Viewer, saved: SavedSearch) -> User:
    """A saved search is its owner's alone; anyone else's answers as a missing one."""
    account = require_own_account(user, "Sign in to keep searches.")
    if saved.owner_id != account.id:
        from app.errors import NotFound

        raise NotFound("No such saved search.")
    return account


# ---------------------------------------------------------------- the convention, checked

# Every public write operation, by "module.name": each is marked `@write_operation`, takes a
# required `actor` and checks this policy itself. tests/auth/test_write_operations.py calls
# each with an actor it must refuse.
WRITE_OPERATIONS: dict[str, Callable[..., Any]] = {}

# The public functions of app/<area>/operations.py that are not write operations, and why:
# the same test fails on one that is in neither list, so a new operation is classified when
# it is added.
NOT_WRITE_OPERATIONS: dict[str, str] = {
    "app.audit.operations.record": "the audit trail of a checked operation",
    "app.deid.operations.remember_overrides": "part of a checked operation's write",
    "app.notifications.operations.notify": "part of a checked operation's write",
    "app.programs.operations.add_template_version": "part of a checked operation's write",
    "app.programs.operations.add_topics": "part of a checked operation's write",
    "app.programs.operations.add_topic_ids": "part of a checked operation's write",
    "app.programs.operations.resolve_topics": "part of a checked operation's write",
    "app.programs.operations.lock_program": "a lock taken by a checked operation",
    "app.attendance.operations.recount": "part of a checked operation's write",
    "app.auth.operations.authenticate": "sign-in: establishes who the actor is",
    "app.auth.operations.sign_in": "sign-in: establishes who the actor is",
    "app.auth.operations.start_session": "sign-in: establishes who the actor is",
    "app.auth.operations.end_current_session": "sign-out of the signed-in actor",
    "app.auth.operations.user_for_session": "sign-in: establishes who the actor is",
    "app.auth.operations.authenticate_token": "sign-in: establishes who the actor is",
    "app.auth.operations.user_for_token": "sign-in: establishes who the actor is",
    "app.auth.operations.prepare_stand_in_hash": "app set-up: no records, no actor",
    "app.backup.operations.backup": "the server's shell only (files, not the app's records)",
    "app.backup.operations.restore": "the server's shell only, into an empty instance",
    "app.auth.operations.revoke_all_tokens": "part of a checked operation's write",
    "app.auth.operations.check_display_name": "part of a checked operation's write",
    "app.subscriptions.operations.announce_case": "part of a checked operation's write",
    "app.subscriptions.operations.announce_cases": "part of a checked operation's write",
    "app.subscriptions.operations.announce_recommendation": "part of a checked operation's write",
    "app.subscriptions.operations.announce_practice": "part of a checked operation's write",
    "app.subscriptions.operations.replaying_history": "a context around checked imports",
    "app.subscriptions.operations.move_topic_subscriptions": "part of a checked operation's write",
    "app.outdated.operations.queue_outdated_advice": "part of a checked operation's write",
    "app.teaching.operations.unshare_sets_no_longer_seen": "part of a checked operation's write",
    "app.subscriptions.operations.send_digests": "the server's shell only (the daily mail job)",
    "app.search.upkeep.reindex": "index upkeep: derived from checked writes",
    "app.search.upkeep.upgrade_index": "index upkeep: derived from checked writes",
    "app.search.upkeep.write_keys": "index upkeep: derived from checked writes",
    "app.search.verification.verify": "index upkeep: derived from checked writes",
    "app.search.applier.apply_pending": "index upkeep: derived from checked writes",
    "app.search.applier.wait_until_indexed": "index upkeep: derived from checked writes",
}
# The search package keeps its operations in modules named by job, not in one operations.py;
# the convention covers them too.
JOB_OPERATION_MODULES = (
    "app.search.upkeep",
    "app.search.verification",
    "app.search.applier",
    "app.search.similar",
)
# Reads: they change nothing (those that need a rule take `user`/`actor` and narrow by it).
_READS_BY_AREA = {
    "admin": "temporary_password get_account list_accounts account_tokens account_by_email "
    "program_staff staff_of all_programs get_topic list_topics topic_link_counts audit_events",
    "attendance": "credit_rule require_held attendance_of participants has_attendance_list "
    "transcript accreditation_rows evaluation_results printed_text",
    "audit": "trail visible_trail visible_events",
    "auth": "hash_password normalise_email get_user_by_email validate_password "
    "password_matches lockout_delay active_sessions list_tokens get_token token_name",
    "backup": "read_manifest app_version",
    "cases": "normalise_age export_age validate_fields validate_content gate_texts field_texts "
    "field_cues field_text_label free_field_scans saved_texts saved_cues content_of check_complete "
    "find_case_by_ref key_is_identifier ref_scans check_ref get_case",
    "curriculum": "make_scope topic_frequency rising_topics recurring_questions "
    "questions_updating is_own_topic gaps presenter_coverage teaching_coverage",
    "deid": "guard marking_rule preview_for overrides_for overrides_for_each",
    "desk": "review_days session_desk letters_sent draft_conflicts",
    "health": "health_report health_report_for",
    "notifications": "shown_to forms_read_by as_read_by case_url unread_count notifications_for",
    "outdated": "outdated_queue outdated_queue_page get_outdated patient_notices "
    "named_practice_ids",
    "practices": "version_changes unified_diff can_succeed",
    "programs": "find_program get_program visible_programs recent_sessions validate_template "
    "find_session get_session find_topic topic_texts template_texts template_text_labels "
    "session_counts program_sessions free_slugs topic_slug_candidates",
    "recommendations": "checked_item versions_seen_by",
    "subscriptions": "subscriptions_of following followed_topic_ids digest_preference digest",
    "teaching": "normalise_query search_texts saved_searches_of get_saved_search "
    "teaching_sets_of get_set get_item set_contents export_json export_markdown",
    "search": "search search_word_texts filter_words unavailable_message",
}
READ_OPERATIONS: frozenset[str] = frozenset(
    f"app.{area}.operations.{name}"
    for area, names in _READS_BY_AREA.items()
    for name in names.split()
) | {
    "app.search.upkeep.synonym_table",
    "app.search.upkeep.vocabulary_changed",
    "app.search.similar.similar_cases",
}

W = TypeVar("W", bound=Callable[..., Any])


def write_operation(operation: W) -> W:
    """Mark a public write operation: it takes a required `actor` and checks this policy
    itself (the mark adds nothing at run time; the test holds every marked one to it)."""
    WRITE_OPERATIONS[f"{operation.__module__}.{operation.__name__}"] = operation
    return operation


F = TypeVar("F", bound=Callable[..., Any])


def permission_required(permission: Permission) -> Callable[[F], F]:
    """View decorator: sign-in required, then the permission."""

    def decorator(view: F) -> F:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            require(current_user._get_current_object(), permission)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator
