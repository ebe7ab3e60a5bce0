"""Who may do what: the one place where roles and program membership are checked.

Web views, the JSON API and the CLI all call `require`/`can` (or the view decorator),
and queries that list content are narrowed with `visible_program_ids`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

import sqlalchemy as sa
from flask_login import current_user, login_required

from app.auth.models import Role, User
from app.cases.models import Case, CaseStatus
from app.errors import PermissionDenied

if TYPE_CHECKING:
    from app.practices.models import EvidenceLink, RecommendationDissent
    from app.programs.models import Program
    from app.recommendations.models import Recommendation


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


def _is_user(user: Any) -> bool:
    return isinstance(user, User) and user.is_active


def has_permission(user: Any, permission: Permission) -> bool:
    if user is None:  # the operator at the server's shell (CLI without --as)
        return True
    return _is_user(user) and permission in ROLE_PERMISSIONS[user.role]


def can_view_program(user: Any, program: Program) -> bool:
    if not program.private or user is None:
        return True
    if not _is_user(user):
        return False
    return user.role is Role.ADMIN or program.id in user.program_ids


def visible_program_ids(user: Any, programs: list[Program]) -> set[int]:
    return {p.id for p in programs if can_view_program(user, p)}


def can_view_case(user: Any, case: Case) -> bool:
    if not can_view_program(user, case.program):
        return False
    if user is None:
        return True
    if not _is_user(user):
        return False
    if case.withdrawn_at is not None and not can_see_withdrawn(user, case):
        return False
    if case.status in OPEN_STATUSES or case.presenter_id == user.id:
        return True
    if case.status in IN_REVIEW_STATUSES:
        return has_permission(user, Permission.REVIEW_CASE)
    return user.role is Role.ADMIN  # drafts


def visible_case_clause(user: Any) -> sa.ColumnElement[bool]:
    """`can_view_case` as a WHERE clause (status and presenter; tests keep the two in step).

    Program visibility is not part of it: callers restrict to visible programs themselves.
    Lists and figures use `listed_case_clause`, which leaves withdrawn cases out.
    """
    if user is None:
        return sa.true()
    if not (isinstance(user, User) and user.is_active):
        return sa.false()
    own = Case.presenter_id == user.id
    clauses = [Case.status.in_(OPEN_STATUSES), own]
    if user.role is Role.ADMIN:
        clauses.append(Case.status == CaseStatus.DRAFT)
    if has_permission(user, Permission.REVIEW_CASE):
        clauses.append(Case.status.in_(IN_REVIEW_STATUSES))
        return sa.or_(*clauses)  # withdrawn ones too: see can_see_withdrawn
    return sa.and_(Case.withdrawn_at.is_(None), sa.or_(*clauses))


def listed_case_clause(user: Any) -> sa.ColumnElement[bool]:
    """The cases `user` finds in lists, counts, agendas and figures: the visible ones that are
    not withdrawn. Those who may still open a withdrawn case reach it from the review page."""
    return sa.and_(Case.withdrawn_at.is_(None), visible_case_clause(user))


def can_list_case(user: Any, case: Case) -> bool:
    """`listed_case_clause` for a case already loaded."""
    return case.withdrawn_at is None and can_view_case(user, case)


# ---------------------------------------------------------------- withdrawal


def can_see_withdrawn(user: Any, case: Case) -> bool:
    """A withdrawn case stays open to its program's review team (coordinators who see the
    program, as for review) and admins: they may restore it."""
    return user is None or can(user, Permission.REVIEW_CASE, case.program)


def can_withdraw_case(user: Any, case: Case) -> bool:
    """Its presenter, its program's review team and admins; not twice."""
    if case.withdrawn_at is not None or not can_view_case(user, case):
        return False
    if user is None or can(user, Permission.REVIEW_CASE, case.program):
        return True
    return _is_user(user) and case.presenter_id == user.id


def can_restore_case(user: Any, case: Case) -> bool:
    return case.withdrawn_at is not None and can_view_case(user, case)


def require_withdraw_case(user: Any, case: Case) -> None:
    require_view_case(user, case)
    if not can_withdraw_case(user, case):
        raise PermissionDenied(
            "Only the presenter, a coordinator of the program or an admin can withdraw a case."
        )


def require_restore_case(user: Any, case: Case) -> None:
    require_view_case(user, case)
    if not can_restore_case(user, case):
        raise PermissionDenied("Only a coordinator of the program or an admin can restore a case.")


# A presenter may change a case until the review team has approved it.
_EDITABLE_BY_PRESENTER = {CaseStatus.DRAFT, CaseStatus.SUBMITTED, CaseStatus.RETURNED}


def can_edit_case(user: Any, case: Case) -> bool:
    if user is None:
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


def can_edit_recommendation(user: Any, recommendation: Recommendation) -> bool:
    """Its author (an expert) or an admin; nobody else, published or not."""
    if user is None:
        return True
    if not has_permission(user, Permission.WRITE_RECOMMENDATION):
        return False
    if not can_view_case(user, recommendation.case) or recommendation.case.withdrawn_at:
        return False
    return user.role is Role.ADMIN or recommendation.author_id == user.id


def can_view_recommendation(user: Any, recommendation: Recommendation) -> bool:
    """Published ones with their case; drafts only to their author and admins."""
    if not can_view_case(user, recommendation.case):
        return False
    if str(recommendation.status) == "published" or user is None:
        return True
    return user.role is Role.ADMIN or recommendation.author_id == user.id


def can_manage_credentials(user: Any, owner: User) -> bool:
    """Sign-ins and API tokens: listed, ended and revoked by their owner only (admins
    included: another account's are not theirs to see); the operator at the shell may."""
    if user is None:
        return True
    return _is_user(user) and user.id == owner.id


def can_administer_account(user: Any, account: User) -> bool:
    """Admins manage every account's role, programs, status, password and API tokens (never
    reading a secret); the operator at the shell may too."""
    return has_permission(user, Permission.MANAGE_USERS)


def require_administer_account(user: Any, account: User) -> None:
    if not can_administer_account(user, account):
        raise PermissionDenied("Only an admin can manage accounts.")


def can_deactivate(user: Any, account: User) -> bool:
    """Not one's own account: an admin locking themselves out needs another admin to undo it."""
    return can_administer_account(user, account) and (user is None or user.id != account.id)


def can_annotate(user: Any, recommendation: Recommendation) -> bool:
    """Experts (and admins) annotate published recommendations they can see."""
    return (
        has_permission(user, Permission.ANNOTATE)
        and can_view_recommendation(user, recommendation)
        and str(recommendation.status) == "published"
        and recommendation.case.withdrawn_at is None
    )


def can_remove_evidence(user: Any, link: EvidenceLink) -> bool:
    """Evidence cited by mistake: taken back by whoever cited it, the practice's proposer,
    or an admin; nobody else undoes another expert's citation."""
    if user is None:
        return True
    if not has_permission(user, Permission.PROPOSE_PRACTICE):
        return False
    return user.role is Role.ADMIN or user.id in (link.added_by_id, link.practice.created_by_id)


def require_remove_evidence(user: Any, link: EvidenceLink) -> None:
    if not can_remove_evidence(user, link):
        raise PermissionDenied(
            "Only the expert who cited it, the practice's proposer or an admin can remove it."
        )


def can_record_dissent(user: Any, recommendation: Recommendation) -> bool:
    """Marking a recommendation as departing from a best practice on purpose: whoever may
    edit it (its author, or an admin)."""
    return can_edit_recommendation(user, recommendation)


def require_record_dissent(user: Any, recommendation: Recommendation) -> None:
    require_view_recommendation(user, recommendation)
    if not can_record_dissent(user, recommendation):
        raise PermissionDenied("Only the author of a recommendation can mark it intentional.")


def can_view_dissent(user: Any, dissent: RecommendationDissent) -> bool:
    """A dissent (and its reason) is seen by those who may see its recommendation (a private
    program's stays inside the program, a draft's with its author) and, as the desk shows
    them the experts' drafts, by the program's coordinators."""
    recommendation = dissent.recommendation
    if can_view_recommendation(user, recommendation):
        return True
    return can_run_desk(user, recommendation.case.program) and can_view_case(
        user, recommendation.case
    )


def can_run_desk(user: Any, program: Program) -> bool:
    """The session desk (agendas, the experts' drafts, sending the hub's recommendations)
    and attendance: coordinators and admins who see the program."""
    return has_permission(user, Permission.MANAGE_SESSIONS) and can_view_program(user, program)


def require_run_desk(user: Any, program: Program) -> None:
    require_view_program(user, program)
    if not can_run_desk(user, program):
        raise PermissionDenied("The session desk is for the program's coordinators.")


# Who runs a program besides its admins: its coordinators and experts (its staff).
STAFF_ROLES = frozenset({Role.COORDINATOR, Role.EXPERT})


def can_manage_program_staff(user: Any, program: Program) -> bool:
    """Adding and removing a program's coordinators and experts: admins, and the program's
    own coordinators (a hub's coordinator assembles its team)."""
    if user is None or (_is_user(user) and user.role is Role.ADMIN):
        return True
    return _is_user(user) and user.role is Role.COORDINATOR and program.id in user.program_ids


def require_manage_program_staff(user: Any, program: Program) -> None:
    require_view_program(user, program)
    if not can_manage_program_staff(user, program):
        raise PermissionDenied(
            "Program staff are changed by admins and the program's coordinators."
        )


def can_read_evaluations(user: Any, program: Program) -> bool:
    """Post-session evaluation results (totals, never who answered what): the desk's people."""
    return can_run_desk(user, program)


def require_read_evaluations(user: Any, program: Program) -> None:
    require_view_program(user, program)
    if not can_read_evaluations(user, program):
        raise PermissionDenied("Evaluation results are for the program's coordinators.")


def can_view_template_editor(user: Any, program: Program) -> bool:
    """The case-form editor: admins change it; the program's coordinators may look."""
    if user is None or (_is_user(user) and user.role is Role.ADMIN):
        return True
    return _is_user(user) and user.role is Role.COORDINATOR and program.id in user.program_ids


def require_view_template_editor(user: Any, program: Program) -> None:
    require_view_program(user, program)
    if not can_view_template_editor(user, program):
        raise PermissionDenied("The case-form editor is for admins and the program's coordinators.")


def can_purge_text(user: Any) -> bool:
    """Purging text from every copy is for admins (and the operator at the server's shell)."""
    return user is None or (_is_user(user) and user.role is Role.ADMIN)


def require_purge_text(user: Any) -> None:
    if not can_purge_text(user):
        raise PermissionDenied("Only an admin can purge text.")


def can(user: Any, permission: Permission, obj: Any = None) -> bool:
    """True if `user` holds `permission`, and may see `obj` (a Program or a Case) if given."""
    if not has_permission(user, permission):
        return False
    if obj is None:
        return True
    from app.programs.models import Program

    if isinstance(obj, Program):
        return can_view_program(user, obj)
    if isinstance(obj, Case):
        # A withdrawn case is frozen until restored: nothing is done with it but that.
        return can_view_case(user, obj) and obj.withdrawn_at is None
    return True


def require(user: Any, permission: Permission, obj: Any = None) -> None:
    if not can(user, permission, obj):
        raise PermissionDenied()


def require_edit_case(user: Any, case: Case) -> None:
    require_view_case(user, case)
    if not can_edit_case(user, case):
        raise PermissionDenied("Only the presenter can change this case, and only before approval.")


def require_edit_recommendation(user: Any, recommendation: Recommendation) -> None:
    if not can_edit_recommendation(user, recommendation):
        raise PermissionDenied("Only the author of a recommendation can change it.")


def require_view_program(user: Any, program: Program) -> None:
    if not can_view_program(user, program):
        # A private program is as good as absent for non-members.
        from app.errors import NotFound

        raise NotFound("No such program.")


def require_view_case(user: Any, case: Case) -> None:
    if not can_view_case(user, case):
        from app.errors import NotFound

        raise NotFound("No such case.")


def require_view_recommendation(user: Any, recommendation: Recommendation) -> None:
    """An unpublished recommendation is as good as absent for all but its author (and admins)."""
    if not can_view_recommendation(user, recommendation):
        from app.errors import NotFound

        raise NotFound("No such recommendation.")


def require_annotate(user: Any, recommendation: Recommendation) -> None:
    """The rule for every channel (web, API): see it, hold ANNOTATE, and it is published."""
    require_view_recommendation(user, recommendation)
    require(user, Permission.ANNOTATE, recommendation.case)
    if not can_annotate(user, recommendation):
        from app.errors import NotFound

        # As the web has always answered: there is no annotation form for a draft.
        raise NotFound("Only published recommendations can be annotated.")


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
