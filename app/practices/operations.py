"""Best practices: proposal, evidence links to where they were discussed, and their lifecycle."""

from __future__ import annotations

from collections.abc import Iterable

from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Permission
from app.cases.models import Case
from app.deid.gate import Acceptance
from app.deid.operations import guard, remember_overrides
from app.errors import ValidationError
from app.extensions import db
from app.practices.models import BestPractice, BestPracticeVersion, EvidenceLink, PracticeStatus
from app.programs.models import Session
from app.programs.operations import resolve_topics
from app.recommendations.models import Recommendation

TITLE_MAX = 300

# proposed → emerging → established → retired, or superseded by a successor from any live state.
TRANSITIONS: dict[PracticeStatus, frozenset[PracticeStatus]] = {
    PracticeStatus.PROPOSED: frozenset(
        {PracticeStatus.EMERGING, PracticeStatus.RETIRED, PracticeStatus.SUPERSEDED}
    ),
    PracticeStatus.EMERGING: frozenset(
        {PracticeStatus.ESTABLISHED, PracticeStatus.RETIRED, PracticeStatus.SUPERSEDED}
    ),
    PracticeStatus.ESTABLISHED: frozenset({PracticeStatus.RETIRED, PracticeStatus.SUPERSEDED}),
    PracticeStatus.RETIRED: frozenset(),
    PracticeStatus.SUPERSEDED: frozenset(),
}


def _snapshot(practice: BestPractice, editor: User | None, reason: str) -> None:
    db.session.add(
        BestPracticeVersion(
            practice=practice,
            version=practice.version,
            title=practice.title,
            statement=practice.statement,
            status=practice.status,
            reason=reason,
            edited_by_id=editor.id if editor else None,
        )
    )


def _validate(title: str, statement: str) -> tuple[str, str]:
    if not isinstance(title, str) or not title.strip():
        raise ValidationError("Title is required.", field="title")
    if len(title.strip()) > TITLE_MAX:
        raise ValidationError(f"Title must be at most {TITLE_MAX} characters.", field="title")
    if not isinstance(statement, str) or not statement.strip():
        raise ValidationError("State the practice.", field="statement")
    return title.strip(), statement.strip()


def propose_practice(
    title: str,
    statement: str,
    *,
    topics: Iterable[str] = (),
    author: User | None,
    actor: User | None = None,
    reason: str = "Proposed.",
    accepted: Iterable[Acceptance] = (),
) -> BestPractice:
    policy.require(actor, Permission.PROPOSE_PRACTICE)
    title, statement = _validate(title, statement)
    overridden = guard({"title": title, "statement": statement, "reason": reason}, accepted)
    practice = BestPractice(
        title=title,
        statement=statement,
        status=PracticeStatus.PROPOSED,
        created_by=author,
        topics=resolve_topics(topics),
    )
    db.session.add(practice)
    db.session.flush()
    _snapshot(practice, author, reason)
    remember_overrides(practice, overridden, actor=actor)
    record(actor, "practice.proposed", practice)
    return practice


def change_status(
    practice: BestPractice,
    status: str,
    *,
    reason: str,
    editor: User | None,
    superseded_by: BestPractice | None = None,
    actor: User | None = None,
) -> None:
    """Move a practice along its lifecycle, with a reason; a new version is kept."""
    policy.require(actor, Permission.PROPOSE_PRACTICE)
    try:
        target = PracticeStatus(status)
    except ValueError:
        choices = ", ".join(s.value for s in PracticeStatus)
        raise ValidationError(f"Status must be one of: {choices}.", field="status") from None
    if target not in TRANSITIONS[practice.status]:
        raise ValidationError(
            f"A {practice.status.value} practice cannot become {target.value}.", field="status"
        )
    if not reason or not reason.strip():
        raise ValidationError("Give a reason for the change.", field="reason")
    guard({"reason": reason}, ())
    if target is PracticeStatus.SUPERSEDED:
        if superseded_by is None or superseded_by.id == practice.id:
            raise ValidationError(
                "Name the practice that supersedes this one.", field="superseded_by"
            )
        practice.superseded_by = superseded_by
    previous = practice.status
    practice.status = target
    practice.version += 1
    _snapshot(practice, editor, reason.strip())
    record(actor, "practice.status_changed", practice, previous=str(previous), status=str(target))


def add_evidence(
    practice: BestPractice,
    target: Session | Case | Recommendation,
    *,
    note: str = "",
    added_by: User | None,
    actor: User | None = None,
) -> EvidenceLink:
    """Link a practice to a session, case or recommendation where it was discussed."""
    policy.require(actor, Permission.PROPOSE_PRACTICE)
    if isinstance(target, Session):
        key = {"session": target}
    elif isinstance(target, Case):
        key = {"case": target}
    elif isinstance(target, Recommendation):
        key = {"recommendation": target}
    else:
        raise ValidationError(
            "Evidence is a session, a case or a recommendation.", field="evidence"
        )
    guard({"note": note or ""}, ())
    for existing in practice.evidence:
        if getattr(existing, next(iter(key))) is target:
            return existing
    link = EvidenceLink(
        practice=practice,
        note=(note or "").strip(),
        added_by_id=added_by.id if added_by else None,
        **key,
    )
    db.session.add(link)
    db.session.flush()
    record(actor, "practice.evidence_added", practice, evidence_id=link.id, kind=link.kind)
    return link
