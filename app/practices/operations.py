"""Best practices: proposal, evidence links to where they were discussed, and their lifecycle."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, Permission, write_operation
from app.cases.locking import hold_case
from app.cases.models import Case
from app.content.diff import word_diff
from app.deid.gate import Acceptance, GatedFields
from app.deid.operations import guard, remember_overrides
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.outdated.operations import queue_outdated_advice
from app.practices.models import (
    BestPractice,
    BestPracticeVersion,
    EvidenceLink,
    PracticeEndorsement,
    PracticeStatus,
    RecommendationDissent,
    Stance,
)
from app.practices.queries import LIVE_STATUSES
from app.programs.models import Session
from app.programs.operations import resolve_topics, topic_texts
from app.recommendations.models import Recommendation
from app.subscriptions.operations import announce_practice

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

# What the gate checks in each practice form, with the label the form shows. A proposal's
# notes are keyed by their recommendation's id (`notes[12]`), its extra evidence by position.
PROPOSAL_TEXTS = GatedFields(
    {"reason": "Reason", "title": "Title", "statement": "Statement"},
    lists={"notes": "Note on recommendation {}", "evidence": "Evidence note {}"},
)
EDIT_TEXTS = GatedFields({"title": "Title", "statement": "Statement", "reason": "Reason"})
STATUS_TEXTS = GatedFields({"reason": "Reason"})
STANCE_TEXTS = GatedFields({"note": "Note"})
EVIDENCE_TEXTS = GatedFields({"note": "Note"})


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


@write_operation
def propose_practice(
    title: str,
    statement: str,
    *,
    topics: Iterable[str] = (),
    author: User | None,
    actor: Actor,
    reason: str = "Proposed.",
    accepted: Iterable[Acceptance] = (),
) -> BestPractice:
    policy.require(actor, Permission.PROPOSE_PRACTICE)
    title, statement = _validate(title, statement)
    topics = _topic_list(topics)
    accepted = list(accepted)
    overridden = guard(
        {
            "title": title,
            "statement": statement,
            "reason": reason,
            **topic_texts(topics, actor=actor),
        },
        accepted,
        actor=actor,
    )
    practice = _create(title, statement, topics, author, actor, reason, accepted)
    remember_overrides(practice, overridden, actor=actor)
    announce_practice(practice, "proposed", actor=actor)
    return practice


def _topic_list(topics: Iterable[str] | None) -> list[str]:
    if isinstance(topics, str) or not isinstance(topics, Iterable):
        raise ValidationError("Topics must be a list of names.", field="topics")
    return list(topics)


def _create(
    title: str,
    statement: str,
    topics: Iterable[str],
    author: User | None,
    actor: Actor,
    reason: str,
    accepted: Iterable[Acceptance],
) -> BestPractice:
    practice = BestPractice(
        title=title,
        statement=statement,
        status=PracticeStatus.PROPOSED,
        created_by=author,
        topics=resolve_topics(topics, accepted=accepted, actor=actor),
    )
    db.session.add(practice)
    db.session.flush()
    _snapshot(practice, author, reason)
    record(actor, "practice.proposed", practice)
    return practice


def can_succeed(practice: BestPractice) -> bool:
    """A practice may supersede another only while it is current itself."""
    return practice.status in LIVE_STATUSES


@write_operation
def change_status(
    practice: BestPractice,
    status: str,
    *,
    reason: str,
    editor: User | None,
    superseded_by: BestPractice | None = None,
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
    imported: bool = False,
) -> None:
    """Move a practice along its lifecycle, with a reason; a new version is kept. Superseded
    or retired, the advice given under it is queued for review, except when a hub import
    replays the history (its file carries the queue as it was)."""
    policy.require(actor, Permission.PROPOSE_PRACTICE)
    policy.require_view_practice(actor, practice)
    if superseded_by is not None:
        policy.require_view_practice(actor, superseded_by)
    target = _transition(practice, status, reason, superseded_by)
    # A hub import replays each practice's whole history in turn, so a successor may already
    # be superseded itself there; a live change names the current practice.
    if not imported and superseded_by is not None and not can_succeed(superseded_by):
        raise ValidationError(
            f"“{superseded_by.title}” is {superseded_by.status.value} itself: name the practice"
            " that is current now.",
            field="superseded_by",
        )
    overridden = guard(STATUS_TEXTS.texts(reason=reason), accepted, actor=actor)
    _move(practice, target, reason, editor, superseded_by, actor)
    if not imported:
        queue_outdated_advice(practice, actor=actor)
    remember_overrides(practice, overridden, actor=actor, fields=["reason"])


def _transition(
    practice: BestPractice, status: str, reason: str, superseded_by: BestPractice | None
) -> PracticeStatus:
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
    if target is PracticeStatus.SUPERSEDED and (
        superseded_by is None or superseded_by.id == practice.id
    ):
        raise ValidationError("Name the practice that supersedes this one.", field="superseded_by")
    return target


def _move(
    practice: BestPractice,
    target: PracticeStatus,
    reason: str,
    editor: User | None,
    superseded_by: BestPractice | None,
    actor: Actor,
) -> None:
    if target is PracticeStatus.SUPERSEDED:
        practice.superseded_by = superseded_by
    previous = practice.status
    practice.status = target
    practice.version += 1
    _snapshot(practice, editor, reason.strip())
    record(actor, "practice.status_changed", practice, previous=str(previous), status=str(target))
    announce_practice(practice, f"is now {target.value}", actor=actor)


@write_operation
def add_evidence(
    practice: BestPractice,
    target: Session | Case | Recommendation,
    *,
    note: str = "",
    added_by: User | None,
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
) -> EvidenceLink:
    """Link a practice to a session, case or recommendation where it was discussed."""
    policy.require(actor, Permission.PROPOSE_PRACTICE)
    policy.require_view_practice(actor, practice)
    _evidence_kind(target)
    policy.require_cite(actor, target)
    if note is not None and not isinstance(note, str):
        raise ValidationError("The note must be text.", field="note")
    overridden = guard(EVIDENCE_TEXTS.texts(note=note), accepted, actor=actor)
    link = _link(practice, target, note, added_by, actor)
    remember_overrides(link, overridden, actor=actor)
    return link


@write_operation
def remove_evidence(link: EvidenceLink, *, actor: Actor) -> None:
    """Take back evidence cited by mistake; the audit keeps what it pointed at."""
    policy.require_remove_evidence(actor, link)
    target_id = link.session_id or link.case_id or link.recommendation_id
    practice = link.practice
    practice.evidence.remove(link)
    db.session.delete(link)
    db.session.flush()
    record(
        actor,
        "practice.evidence_removed",
        practice,
        evidence_id=link.id,
        kind=link.kind,
        target_id=target_id,
    )


def _evidence_kind(target: object) -> str:
    for cls, kind in ((Session, "session"), (Case, "case"), (Recommendation, "recommendation")):
        if isinstance(target, cls):
            return kind
    raise ValidationError("Evidence is a session, a case or a recommendation.", field="evidence")


def _link(
    practice: BestPractice,
    target: Session | Case | Recommendation,
    note: str,
    added_by: User | None,
    actor: Actor,
) -> EvidenceLink:
    key = {_evidence_kind(target): target}
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


@write_operation
def propose_from_recommendations(
    recommendations: Sequence[Recommendation],
    title: str,
    statement: str,
    *,
    notes: Mapping[int, str] | None = None,
    topics: Iterable[str] | None = None,
    status: str = PracticeStatus.PROPOSED.value,
    reason: str = "",
    author: User,
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
) -> BestPractice:
    """Propose a practice from one or several recommendations, each kept as evidence with its
    note (`notes` by recommendation id); `status="emerging"` moves it on at once, with `reason`."""
    policy.require(actor, Permission.PROPOSE_PRACTICE)
    if not recommendations:
        raise ValidationError("Choose at least one recommendation.", field="recommendations")
    for recommendation in recommendations:
        if not policy.can_view_recommendation(actor, recommendation) or (
            str(recommendation.status) != "published"
        ):
            raise ValidationError(
                "Only published recommendations you can see can be evidence.",
                field="recommendations",
            )
    if status not in (PracticeStatus.PROPOSED.value, PracticeStatus.EMERGING.value):
        raise ValidationError("A new practice is proposed or emerging.", field="status")
    if status == PracticeStatus.EMERGING.value and not (reason or "").strip():
        raise ValidationError("Say why the practice is already emerging.", field="reason")
    notes = notes or {}
    # One gate for every text of the proposal, so a refusal lists all findings at once.
    texts = {f"notes[{r.id}]": notes.get(r.id, "") for r in recommendations}
    title, statement = _validate(title, statement)
    declared = PROPOSAL_TEXTS.texts(reason=reason, title=title, statement=statement)
    texts.update({name: text for name, text in declared.items() if text or name != "reason"})
    if topics is None:
        topics = sorted({t.name for r in recommendations for t in r.case.topics})
    topics = _topic_list(topics)
    texts.update(topic_texts(topics, actor=actor))
    accepted = list(accepted)
    overridden = guard(texts, accepted, actor=actor)
    practice = _create(
        title, statement, topics, author, actor, "Proposed from recommendations.", accepted
    )
    for recommendation in recommendations:
        _link(practice, recommendation, notes.get(recommendation.id, ""), author, actor)
    # Told once its evidence decides who may see it (policy.can_view_practice).
    announce_practice(practice, "proposed", actor=actor)
    if status == PracticeStatus.EMERGING.value:
        target_status = _transition(practice, status, reason, None)
        _move(practice, target_status, reason, author, None, actor)
    remember_overrides(practice, overridden, actor=actor)
    return practice


@write_operation
def edit_practice(
    practice: BestPractice,
    *,
    title: str,
    statement: str,
    reason: str,
    topics: Iterable[str] | None = None,
    editor: User | None,
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
) -> bool:
    """Change the wording (and topics); a new version keeps the old text for the diff.
    Returns False when nothing changed."""
    policy.require(actor, Permission.PROPOSE_PRACTICE)
    policy.require_view_practice(actor, practice)
    if practice.status in (PracticeStatus.RETIRED, PracticeStatus.SUPERSEDED):
        raise ValidationError(f"A {practice.status.value} practice cannot be edited.")
    title, statement = _validate(title, statement)
    accepted = list(accepted)
    names = _topic_list(topics) if topics is not None else [t.name for t in practice.topics]
    new_names = topic_texts(names, actor=actor)
    if (
        title == practice.title
        and statement == practice.statement
        and not new_names
        and {t.id for t in resolve_topics(names, actor=actor)} == {t.id for t in practice.topics}
    ):
        return False
    if not reason or not reason.strip():
        raise ValidationError("Say what the edit changes and why.", field="reason")
    overridden = guard(
        {**EDIT_TEXTS.texts(title=title, statement=statement, reason=reason), **new_names},
        accepted,
        actor=actor,
    )
    new_topics = resolve_topics(names, accepted=accepted, actor=actor)
    practice.title, practice.statement = title, statement
    practice.topics = list(new_topics)
    practice.version += 1
    _snapshot(practice, editor, reason.strip())
    remember_overrides(practice, overridden, actor=actor, fields=["title", "statement"])
    record(actor, "practice.edited", practice, version=practice.version)
    announce_practice(practice, "was edited", actor=actor)
    return True


@write_operation
def take_stance(
    practice: BestPractice,
    stance: str,
    *,
    expert: User,
    note: str = "",
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
) -> PracticeEndorsement:
    """An expert endorses a practice or dissents from it (a dissent needs a note); one stance
    per expert, which they may change."""
    policy.require(actor, Permission.PROPOSE_PRACTICE)
    policy.require_view_practice(actor, practice)
    try:
        value = Stance(stance)
    except ValueError:
        raise ValidationError("Endorse or dissent.", field="stance") from None
    note = (note or "").strip()
    if value is Stance.DISSENT and not note:
        raise ValidationError("Say why you dissent.", field="note")
    overridden = guard(STANCE_TEXTS.texts(note=note), accepted, actor=actor)
    existing = db.session.scalar(
        select(PracticeEndorsement).where(
            PracticeEndorsement.practice_id == practice.id,
            PracticeEndorsement.expert_id == expert.id,
        )
    )
    if existing is None:
        existing = PracticeEndorsement(practice=practice, expert=expert, stance=value, note=note)
        db.session.add(existing)
    else:
        existing.stance, existing.note = value, note
    db.session.flush()
    remember_overrides(existing, overridden, actor=actor)
    record(actor, f"practice.{value.value}", practice, endorsement_id=existing.id)
    return existing


# ---------------------------------------------------------------- reading


@dataclass
class VersionChange:
    """One version of a practice and what it changed from the one before."""

    version: BestPracticeVersion
    title_diff: list[tuple[str, str]]
    statement_diff: list[tuple[str, str]]
    status_changed: bool

    @property
    def text_changed(self) -> bool:
        return any(op != "same" for op, _ in self.title_diff + self.statement_diff)


def version_changes(practice: BestPractice) -> list[VersionChange]:
    """Every version, newest first, with word diffs of title and statement (their editors
    loaded in one statement)."""
    versions = db.session.scalars(
        select(BestPracticeVersion)
        .where(BestPracticeVersion.practice_id == practice.id)
        .order_by(BestPracticeVersion.version)
        .options(selectinload(BestPracticeVersion.edited_by))
    )
    changes, previous = [], None
    for version in versions:
        changes.append(
            VersionChange(
                version,
                word_diff(previous.title if previous else "", version.title),
                word_diff(previous.statement if previous else "", version.statement),
                previous is None or previous.status != version.status,
            )
        )
        previous = version
    return list(reversed(changes))


def unified_diff(practice: BestPractice, old: int, new: int) -> str:
    """A plain unified diff of the statement between two versions (for the API)."""
    by_number = {v.version: v for v in practice.versions}
    if old not in by_number or new not in by_number:
        raise NotFound("No such version.")
    a, b = by_number[old], by_number[new]
    return "".join(
        difflib.unified_diff(
            (a.title + "\n\n" + a.statement).splitlines(keepends=True),
            (b.title + "\n\n" + b.statement).splitlines(keepends=True),
            fromfile=f"version {old}",
            tofile=f"version {new}",
        )
    )


# ---------------------------------------------------------------- dissent

DISSENT_REASON_MAX = 5_000
# What the gate checks in a dissent, with the label its form shows.
DISSENT_TEXTS = GatedFields({"reason": "Reason"})


@write_operation
def record_dissent(
    recommendation: Recommendation,
    practice: BestPractice,
    reason: str,
    *,
    actor: Actor,
    accepted: Iterable[Acceptance] = (),
    expert: User | None = None,
    imported: bool = False,
) -> RecommendationDissent:
    """Mark a recommendation as departing from a best practice on purpose, saying why (the
    conflict checker's "intentional, because …"). Marking it again replaces the reason.
    `expert`: who marked it, when not the actor (an import names the file's author). An
    import carries history (a dissent on a case withdrawn since), so it needs IMPORT_DATA."""
    if imported:
        policy.require(actor, Permission.IMPORT_DATA, recommendation.case.program)
    else:
        policy.require_record_dissent(actor, recommendation)
        policy.require_view_practice(actor, practice)
    if expert is None and isinstance(actor, User):
        expert = actor
    if not isinstance(reason, str) or not reason.strip():
        raise ValidationError(
            "Say why the recommendation departs from the practice.", field="reason"
        )
    reason = reason.strip()
    if len(reason) > DISSENT_REASON_MAX:
        raise ValidationError(
            f"The reason must be at most {DISSENT_REASON_MAX:,} characters.", field="reason"
        )
    # A purge of the case scrubs the reason: its row is held before the dissent's.
    hold_case(recommendation.case)
    overridden = guard(
        DISSENT_TEXTS.texts(reason=reason),
        accepted,
        actor=actor,
        program=recommendation.case.program,
    )
    dissent = db.session.scalar(
        select(RecommendationDissent).where(
            RecommendationDissent.recommendation_id == recommendation.id,
            RecommendationDissent.practice_id == practice.id,
        )
    )
    if dissent is None:
        dissent = RecommendationDissent(
            recommendation=recommendation, practice=practice, expert=expert, reason=reason
        )
        db.session.add(dissent)
    else:
        dissent.reason = reason
        dissent.expert = expert
    db.session.flush()
    remember_overrides(dissent, overridden, actor=actor)
    record(
        actor,
        "recommendation.dissent_recorded",
        recommendation,
        practice_id=practice.id,
        dissent_id=dissent.id,
    )
    return dissent
