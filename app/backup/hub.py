"""A hub's portable export: everything it owns as JSON Lines, one file per kind, and its
import into another instance.

    manifest.json      format and its version, schema revision, records per file
    topics.jsonl       name, synonyms, description, parent
    programs.jsonl     slug, name, description, private, case-form template (every
                       version, when each was saved), credit rule
    accounts.jsonl     email, name, role, active, programs, what it follows (topics,
                       programs), the daily digest when on (never a password or a token)
    saved_searches.jsonl  each account's saved searches: owner, name, query
    sessions.jsonl     program, date, number, didactics, head count, topics, agenda,
                       who attended (minutes, source), evaluations
    cases.jsonl        the case import format (app/cases/transfer.py), with every version,
                       plus the letters of recommendations sent, the review comments and
                       the case-form version the case was written with
    practices.jsonl    statement, versions (the lifecycle), evidence, endorsements, dissents,
                       outdated advice
                       (recommendations marked as departing from it on purpose, and why)
    teaching_sets.jsonl  owner, title, description, the program it is shared with, items in
                       order (a case by ref or a recommendation by key, with the note)

Every table is either carried or named in NOT_CARRIED below with why not; a test fails
when a new table is in neither.

Every record is written with its keys in a fixed order and every file sorted, so two
exports of equal data are byte-identical. References between files are stable keys (slugs,
emails, topic names, case refs, item keys, program and date for a session, titles for
practices), never database ids. De-identification overrides ride along where the text
they accept is ("overrides": field, offsets, category, reason; never text).

Import follows the files' dependency order, each file in one transaction (all or
nothing), merging like the case import: what is missing is created, what is there is kept,
and a difference is reported as a conflict (--overwrite takes the file's, where an
operation can change it). Nothing is ever deleted.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import selectinload

from app.attendance.models import Attendance, AttendanceSource, CreditRule, SessionEvaluation
from app.attendance.operations import MAX_MINUTES, credit_rule, require_held, set_credit_rule
from app.attendance.operations import recount as recount_attendance
from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.operations import add_membership, create_user, get_user_by_email
from app.auth.policy import SYSTEM, Actor, Permission
from app.cases.lifecycle import COMMENT_MAX
from app.cases.locking import hold_case
from app.cases.models import Case, ReviewComment
from app.cases.operations import find_case_by_ref, schedule
from app.cases.transfer import (
    ImportOptions,
    ImportResult,
    RecordProblem,
    SourceFile,
    _acceptances,
    _as_written,
    _follow_up_order,
    _time,
    case_record,
    cases_for_export,
    import_source,
    read_file,
    record_problems,
    shown_key,
    shown_name,
    shown_ref,
    unknown_field,
)
from app.common import text_key, utcnow
from app.deid.gate import Acceptance, IdentifiersFound, scanning_once
from app.deid.models import DeidOverride
from app.deid.operations import guard, remember_overrides
from app.desk.models import RecommendationsSent
from app.errors import CasebookError, PermissionDenied, ValidationError
from app.extensions import db, reading_engine
from app.inputs import bounded_date, check_texts, shown_email
from app.outdated.models import OutdatedAdvice, OutdatedBecause, PracticeChange, ReviewState
from app.practices.models import (
    BestPractice,
    PracticeEndorsement,
    PracticeStatus,
    RecommendationDissent,
)
from app.practices.operations import (
    _snapshot as snapshot_practice,
)
from app.practices.operations import (
    add_evidence,
    change_status,
    edit_practice,
    propose_practice,
    record_dissent,
    take_stance,
)
from app.programs.models import CaseTemplate, Program, Session, Topic, TopicStatus
from app.programs.operations import (
    add_template_version,
    create_program,
    create_session,
    create_topic,
    find_program,
    find_session,
    find_topic,
    template_texts,
    update_program,
    update_session,
    update_topic,
    validate_template,
)
from app.recommendations.models import Annotation, Recommendation
from app.search.words import guard_words
from app.subscriptions.models import DigestPreference, Subscription
from app.subscriptions.operations import replaying_history
from app.teaching.models import SavedSearch, TeachingSet, TeachingSetItem
from app.teaching.operations import (
    ITEMS_MAX,
    SEARCH_WORDS,
    TEXT_MAX,
    TITLE_MAX,
    normalise_query,
    search_texts,
)
from app.teaching.operations import NAME_MAX as SEARCH_NAME_MAX
from app.teaching.operations import _text as teaching_text

FORMAT = "casebook-hub"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
# In the order an import needs them: each file names only what the files before it hold.
KINDS = (
    "topics",
    "programs",
    "accounts",
    "saved_searches",
    "sessions",
    "cases",
    "practices",
    "teaching_sets",
)

# Every table is carried by the export or named here with why not (tests/backup checks
# that each table is in one of the two, so a new one is not silently left behind).
CARRIED = frozenset(
    {
        "topics",  # topics.jsonl
        "topic_terms",  # rebuilt from the topics' names and synonyms
        "programs",  # programs.jsonl
        "case_templates",
        "credit_rules",
        "users",  # accounts.jsonl
        "program_memberships",
        "subscriptions",
        "digest_preferences",
        "sessions",  # sessions.jsonl
        "session_topics",
        "case_presentations",
        "attendances",
        "session_evaluations",
        "cases",  # cases.jsonl
        "case_topics",
        "review_comments",
        "recommendations",
        "recommendation_terms",  # rebuilt from the recommendations' texts as they are written
        "recommendation_versions",
        "annotations",
        "outcomes",
        "recommendations_sent",
        "best_practices",  # practices.jsonl
        "best_practice_versions",
        "practice_topics",
        "practice_endorsements",
        "evidence_links",
        "recommendation_dissents",
        "outdated_advice",
        "saved_searches",  # saved_searches.jsonl
        "teaching_sets",  # teaching_sets.jsonl
        "teaching_set_items",
        "deid_overrides",  # with the text each one accepts
    }
)
NOT_CARRIED = {
    "user_sessions": "sign-in sessions: secrets of this instance, signed in again there",
    "sign_in_throttles": "failed sign-in counters of this instance, short-lived",
    "api_tokens": "secrets: a token is issued again on the instance that honours it",
    "invitations": "single-use secrets, sent again from the instance that will accept them",
    "audit_events": "append-only, the record of what happened on this instance: stays with it",
    "search_outbox": "index work queued on this instance; the import indexes what it writes",
    "notifications": "derived from what followers were told on this instance",
    "notification_practices": "the practices the notifications name (with them)",
    "digest_deliveries": "which day's mail this instance sent; a new instance mails afresh",
    "grouping_states": "derived: the stored groups are recomputed from the items",
    "grouping_stale_audiences": "derived: which stored groups wait for a recompute",
    "question_groups": "derived: recomputed from the cases' questions",
    "question_group_members": "derived: recomputed from the cases' questions",
    "recommendation_groups": "derived: recomputed from the recommendations",
    "recommendation_group_members": "derived: recomputed from the recommendations",
    "recommendation_group_programs": "derived: counted when the groups are recomputed",
    "recommendation_group_changes": "derived: emptied when the groups are recomputed",
}


def is_hub_folder(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST).is_file()


# ---------------------------------------------------------------- exporting


def export_hub(out: Path, *, actor: Actor) -> dict[str, int]:
    """Write everything the hub owns to the new (or empty) folder `out`; returns the number
    of records per file. Accounts and every program are in it: admins (and the operator)."""
    policy.require(actor, Permission.MANAGE_USERS)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ValidationError(f"{out} already exists and is not an empty folder.", field="out")
    # One read of its own, which on SQLite holds no write lock; on PostgreSQL one snapshot,
    # so a practice never names a case written after the cases were read.
    with OrmSession(reading_engine(db.engine)) as session:
        if session.get_bind().dialect.name == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        _check_practice_titles(session)
        out.mkdir(parents=True, exist_ok=True)
        counts = {}
        overrides = _Overrides(session)
        writers: dict[str, Callable[[], Iterator[dict[str, Any]]]] = {
            "topics": lambda: _topic_records(session),
            "programs": lambda: _program_records(session, overrides),
            "accounts": lambda: _account_records(session),
            "saved_searches": lambda: _saved_search_records(session, overrides),
            "sessions": lambda: _session_records(session, overrides),
            "cases": lambda: _case_records(session, overrides),
            "practices": lambda: _practice_records(session, overrides),
            "teaching_sets": lambda: _teaching_set_records(session, overrides),
        }
        for kind in KINDS:
            path = out / f"{kind}.jsonl"
            with path.open("w", encoding="utf-8") as fh:
                counts[kind] = 0
                for entry in writers[kind]():
                    fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
                    counts[kind] += 1
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_revision": _schema_revision(session),
            "counts": counts,
        }
    # Written last: a folder without it is not taken for a complete export.
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return counts


def _schema_revision(session: OrmSession) -> str | None:
    try:
        return session.scalar(text("SELECT version_num FROM alembic_version"))
    except Exception:  # a database made without migrations (tests)
        session.rollback()
        return None


class _Overrides:
    """Every "not an identifier" override, read once, by the entity it belongs to."""

    def __init__(self, session: OrmSession) -> None:
        self.found: dict[tuple[str, int], list[dict[str, Any]]] = {}
        stmt = select(DeidOverride).order_by(
            DeidOverride.field, DeidOverride.start, DeidOverride.end, DeidOverride.id
        )
        for o in session.scalars(stmt):
            self.found.setdefault((o.entity_type, o.entity_id), []).append(
                {
                    "field": o.field,
                    "start": o.start,
                    "end": o.end,
                    "category": o.category,
                    "reason": o.reason,
                }
            )

    def __call__(self, entity: Any) -> list[dict[str, Any]]:
        return self.found.get((entity.__tablename__, entity.id), [])


def _compact(entry: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    """Without empty values (absent means empty on import), except those in `keep`."""
    return {k: v for k, v in entry.items() if k in keep or v not in (None, "", [], {})}


def _email(user: User | None) -> str | None:
    return user.email if user is not None else None


def _emails(session: OrmSession) -> dict[int, str]:
    return dict(session.execute(select(User.id, User.email)).all())


def _no_case(ref: Any) -> str:
    shown = shown_ref(ref)  # a ref that reads as an identifier is not repeated
    return f"no case {shown}" if shown else "no such case"


def _no_recommendation(key: Any) -> str:
    shown = shown_key(key)  # a key that reads as an identifier is not repeated
    return f"no recommendation {shown}" if shown else "no such recommendation"


def _case_ref(case: Case) -> str:
    return case.ref or f"casebook-{case.id}"  # as the case export writes it


def _topic_records(session: OrmSession) -> Iterator[dict[str, Any]]:
    for topic in session.scalars(select(Topic).order_by(Topic.name_key, Topic.id)):
        yield _compact(
            {
                "name": topic.name,
                "synonyms": list(topic.synonyms or []),
                "description": topic.description,
                "parent": topic.parent.name if topic.parent else None,
                # Written when not accepted (a proposed name may be one private program's).
                "status": None if topic.status is TopicStatus.ACCEPTED else topic.status.value,
            }
        )


def _program_records(session: OrmSession, overrides: _Overrides) -> Iterator[dict[str, Any]]:
    rules = {r.program_id: r for r in session.scalars(select(CreditRule))}
    versions: dict[int, list[dict[str, Any]]] = {}
    for version in session.scalars(
        select(CaseTemplate).order_by(CaseTemplate.program_id, CaseTemplate.version)
    ):
        versions.setdefault(version.program_id, []).append(
            {
                "version": version.version,
                "template": version.definition or {},
                "saved_at": version.created_at.isoformat(),
            }
        )
    for program in session.scalars(select(Program).order_by(Program.slug)):
        rule = rules.get(program.id)
        yield _compact(
            {
                "slug": program.slug,
                "name": program.name,
                "description": program.description,
                "private": program.private,
                "template": program.case_template or {},
                "template_versions": versions.get(program.id, []),
                "credit_rule": _rule_record(rule) if rule is not None else None,
                "overrides": overrides(program),
            },
            keep=("private",),
        )


def _rule_record(rule: CreditRule) -> dict[str, Any]:
    return {
        "credit_type": str(rule.credit_type),
        "credits_per_session": rule.credits_per_session,
        "minimum_minutes": rule.minimum_minutes,
        "evaluation_required": rule.evaluation_required,
        **_compact({name: getattr(rule, name) for name in _RULE_PRINTED}),
        "updated_at": rule.updated_at.isoformat(),
    }


def _account_records(session: OrmSession) -> Iterator[dict[str, Any]]:
    slugs = {p.id: p.slug for p in session.scalars(select(Program))}
    names = dict(session.execute(select(Topic.id, Topic.name)).all())
    follows: dict[int, dict[str, list[str]]] = {}
    for row in session.scalars(select(Subscription)):
        kind, name = (
            ("topics", names[row.topic_id])
            if row.topic_id is not None
            else ("programs", slugs[row.program_id])  # type: ignore[index]
        )
        follows.setdefault(row.user_id, {}).setdefault(kind, []).append(name)
    digest = set(
        session.scalars(
            select(DigestPreference.user_id).where(DigestPreference.daily_email.is_(True))
        )
    )
    for user in session.scalars(select(User).order_by(User.email)):
        followed = follows.get(user.id, {})
        yield _compact(
            {
                "email": user.email,
                "name": user.display_name,
                "role": str(user.role),
                "active": user.active,
                "programs": sorted(slugs[m.program_id] for m in user.memberships),
                "follows": {kind: sorted(followed[kind]) for kind in sorted(followed)},
                "daily_digest": True if user.id in digest else None,
            },
            keep=("active",),
        )


def _session_records(session: OrmSession, overrides: _Overrides) -> Iterator[dict[str, Any]]:
    stmt = select(Session).join(Program).order_by(Program.slug, Session.date, Session.number)
    emails = _emails(session)
    attendees: dict[int, list[dict[str, Any]]] = {}
    for row in session.scalars(select(Attendance)):
        attendees.setdefault(row.session_id, []).append(
            {"participant": emails[row.user_id], "minutes": row.minutes, "source": str(row.source)}
        )
    evaluations: dict[int, list[dict[str, Any]]] = {}
    for evaluation in session.scalars(select(SessionEvaluation)):
        evaluations.setdefault(evaluation.session_id, []).append(
            {
                "participant": emails[evaluation.user_id],
                "rating": evaluation.rating,
                "will_change_practice": evaluation.will_change_practice,
                "submitted_at": evaluation.submitted_at.isoformat(),
            }
        )
    by_participant = lambda item: item["participant"]  # noqa: E731 - a sort key
    for hub_session in session.scalars(stmt):
        agenda = sorted(
            (
                {"case": _case_ref(p.case), "presented": p.presented}
                for p in hub_session.presentations
            ),
            key=lambda item: str(item["case"]),
        )
        yield _compact(
            {
                "program": hub_session.program.slug,
                "date": hub_session.date.isoformat(),
                "number": hub_session.number,
                "title": hub_session.title,
                "didactic_topic": hub_session.didactic_topic,
                "didactic_presenter": hub_session.didactic_presenter,
                "attendance": hub_session.attendance_count,
                "notes": hub_session.notes,
                "topics": [t.name for t in hub_session.topics],
                "agenda": agenda,
                "attendees": sorted(attendees.get(hub_session.id, []), key=by_participant),
                "evaluations": sorted(evaluations.get(hub_session.id, []), key=by_participant),
                "overrides": overrides(hub_session),
            }
        )


def _case_records(session: OrmSession, overrides: _Overrides) -> Iterator[dict[str, Any]]:
    """As the case export writes them, with the letters of recommendations sent and the
    coordinators' review comments (the hub's own records, so not in the case format)."""
    emails = _emails(session)
    reviews: dict[int, list[dict[str, Any]]] = {}
    for review in session.scalars(select(ReviewComment)):
        reviews.setdefault(review.case_id, []).append(
            _compact(
                {
                    "at": review.created_at.isoformat(),
                    "author": emails.get(review.author_id) if review.author_id else None,
                    "comment": review.body,
                    "overrides": overrides(review),
                }
            )
        )
    keys = dict(session.execute(select(Recommendation.id, Recommendation.key)).all())
    letters: dict[int, list[dict[str, Any]]] = {}
    stmt = select(RecommendationsSent).order_by(RecommendationsSent.sent_at, RecommendationsSent.id)
    for sent in session.scalars(stmt):
        letters.setdefault(sent.case_id, []).append(
            _compact(
                {
                    "sent_at": sent.sent_at.isoformat(),
                    "sent_by": emails.get(sent.sent_by_id),  # type: ignore[arg-type]
                    "recommendations": [keys[i] for i in sent.recommendation_ids if i in keys],
                }
            )
        )
    for case in _follow_up_order(list(cases_for_export(SYSTEM, [], session=session))):
        entry = case_record(case, SYSTEM)
        if case.template_version is not None:
            entry["template_version"] = case.template_version
        if case.id in letters:
            entry["letters"] = letters[case.id]
        if case.id in reviews:
            entry["review_comments"] = sorted(
                reviews[case.id], key=lambda r: (r["at"], r.get("author") or "", r["comment"])
            )
        yield entry


def _check_practice_titles(session: OrmSession) -> None:
    """Practices are named by title in the export (evidence and supersession refer to them)."""
    titles: dict[str, int] = {}
    for practice_id, title in session.execute(
        select(BestPractice.id, BestPractice.title).order_by(BestPractice.id)
    ):
        if title in titles:
            raise ValidationError(
                f"Best practices {titles[title]} and {practice_id} have the same title;"
                " a hub export names practices by title: rename one first.",
                field="title",
            )
        titles[title] = practice_id


def _practice_records(session: OrmSession, overrides: _Overrides) -> Iterator[dict[str, Any]]:
    practices = list(
        session.scalars(select(BestPractice).order_by(BestPractice.title, BestPractice.id))
    )
    emails = _emails(session)
    dissents: dict[int, list[dict[str, Any]]] = {}
    for dissent in session.scalars(select(RecommendationDissent)):
        recommendation = dissent.recommendation
        dissents.setdefault(dissent.practice_id, []).append(
            _compact(
                {
                    "case": _case_ref(recommendation.case),
                    "item": recommendation.key,
                    "author": emails.get(dissent.expert_id) if dissent.expert_id else None,
                    "reason": dissent.reason,
                    "overrides": overrides(dissent),
                    "at": dissent.updated_at.isoformat(),
                }
            )
        )
    outdated = _outdated_by_practice(session, emails, overrides)
    for practice in _superseding_first(practices):
        yield _compact(
            {
                "title": practice.title,
                "statement": practice.statement,
                "status": str(practice.status),
                "topics": [t.name for t in practice.topics],
                "created_by": _email(practice.created_by),
                "superseded_by": practice.superseded_by.title if practice.superseded_by else None,
                "overrides": overrides(practice),
                "versions": [
                    _compact(
                        {
                            "version": v.version,
                            "title": v.title,
                            "statement": v.statement,
                            "status": str(v.status),
                            "reason": v.reason,
                            "author": _email(v.edited_by),
                            "at": v.created_at.isoformat(),
                        }
                    )
                    for v in practice.versions
                ],
                "evidence": [
                    _compact(
                        {
                            **_evidence_target(link),
                            "note": link.note,
                            "added_by": _email(session.get(User, link.added_by_id))
                            if link.added_by_id
                            else None,
                            "overrides": overrides(link),
                        }
                    )
                    for link in practice.evidence
                ],
                "endorsements": [
                    _compact(
                        {
                            "expert": e.expert.email,
                            "stance": str(e.stance),
                            "note": e.note,
                            "overrides": overrides(e),
                        }
                    )
                    for e in sorted(practice.endorsements, key=lambda e: e.expert.email)
                ],
                "dissents": sorted(
                    dissents.get(practice.id, []), key=lambda d: (d["case"], d["item"])
                ),
                "outdated": sorted(
                    outdated.get(practice.id, []), key=lambda d: (d["case"], d["item"])
                ),
            }
        )


def _outdated_by_practice(
    session: OrmSession, emails: dict[int, str], overrides: _Overrides
) -> dict[int, list[dict[str, Any]]]:
    """The outdated-advice queue's items by the practice whose change queued them."""
    out: dict[int, list[dict[str, Any]]] = {}
    for item in session.scalars(select(OutdatedAdvice).order_by(OutdatedAdvice.id)):
        recommendation = item.recommendation
        out.setdefault(item.practice_id, []).append(
            _compact(
                {
                    "case": _case_ref(recommendation.case),
                    "item": recommendation.key,
                    "because": str(item.because),
                    "state": str(item.state),
                    "note": item.note,
                    "overrides": overrides(item),
                    "annotation": item.annotation.key if item.annotation else None,
                    "resolved_by": emails.get(item.resolved_by_id) if item.resolved_by_id else None,
                    "resolved_at": item.resolved_at.isoformat() if item.resolved_at else None,
                    "at": item.created_at.isoformat(),
                }
            )
        )
    return out


def _superseding_first(practices: list[BestPractice]) -> list[BestPractice]:
    """A practice after the one that supersedes it, so an import can name it."""
    ordered: list[BestPractice] = []
    placed: set[int] = set()

    def place(practice: BestPractice) -> None:
        if practice.id in placed:
            return
        placed.add(practice.id)
        if practice.superseded_by is not None:
            place(practice.superseded_by)
        ordered.append(practice)

    for practice in practices:
        place(practice)
    return ordered


def _evidence_target(link: Any) -> dict[str, Any]:
    if link.session is not None:
        return {
            "session": {"program": link.session.program.slug, "date": link.session.date.isoformat()}
        }
    if link.case is not None:
        return {"case": _case_ref(link.case)}
    return {"recommendation": link.recommendation.key}


def _saved_search_records(session: OrmSession, overrides: _Overrides) -> Iterator[dict[str, Any]]:
    emails = _emails(session)
    searches = sorted(
        session.scalars(select(SavedSearch)),
        key=lambda s: (emails[s.owner_id], s.name, s.created_at, s.id),
    )
    for saved in searches:
        yield _compact(
            {
                "owner": emails[saved.owner_id],
                "name": saved.name,
                "query": saved.query,
                "overrides": overrides(saved),
                "created_at": saved.created_at.isoformat(),
            }
        )


def _teaching_set_records(session: OrmSession, overrides: _Overrides) -> Iterator[dict[str, Any]]:
    """Each account's sets, by owner and title (sets of one owner with the same title in the
    order they were made: an import matches them in that order)."""
    emails = _emails(session)
    slugs = dict(session.execute(select(Program.id, Program.slug)).all())
    items: dict[int, list[dict[str, Any]]] = {}
    stmt = (
        select(TeachingSetItem)
        .options(selectinload(TeachingSetItem.case), selectinload(TeachingSetItem.recommendation))
        .order_by(TeachingSetItem.set_id, TeachingSetItem.position, TeachingSetItem.id)
    )
    for item in session.scalars(stmt):
        items.setdefault(item.set_id, []).append(
            _compact(
                {
                    **_item_subject(item),
                    "note": item.note,
                    "overrides": overrides(item),
                    "added_at": item.added_at.isoformat(),
                }
            )
        )
    sets = sorted(
        session.scalars(select(TeachingSet)),
        key=lambda t: (emails[t.owner_id], t.title, t.created_at, t.id),
    )
    for teaching_set in sets:
        yield _compact(
            {
                "owner": emails[teaching_set.owner_id],
                "title": teaching_set.title,
                "description": teaching_set.description,
                "program": slugs[teaching_set.program_id] if teaching_set.program_id else None,
                "overrides": overrides(teaching_set),
                "created_at": teaching_set.created_at.isoformat(),
                "updated_at": teaching_set.updated_at.isoformat(),
                "items": items.get(teaching_set.id, []),
            }
        )


def _item_subject(item: TeachingSetItem) -> dict[str, str]:
    if item.case is not None:
        return {"case": _case_ref(item.case)}
    assert item.recommendation is not None  # one of the two, by the table's check
    return {"recommendation": item.recommendation.key}


# ---------------------------------------------------------------- importing


@dataclass
class _Context:
    options: ImportOptions
    actor: Actor
    result: ImportResult
    # How many records of the file so far had a key that need not be unique (an owner's
    # set title): the n-th one is matched with the instance's n-th, oldest first.
    seen: Counter[tuple[Any, ...]] = field(default_factory=Counter)


def import_hub(
    folder: Path, options: ImportOptions | None = None, *, actor: Actor
) -> list[ImportResult]:
    """Import a hub export folder, file by file in dependency order, each all or nothing.
    A rejected file stops the import: the files after it depend on it."""
    policy.require(actor, Permission.MANAGE_USERS)
    options = options or ImportOptions()
    manifest = _read_manifest(folder)
    sources = {kind: _read_kind(folder, kind, manifest) for kind in KINDS}
    # As import_paths does: one savepoint around a dry run, so each file sees what the
    # files before it would have created, then everything is rolled back.
    dry_run = db.session.begin_nested() if options.dry_run else None
    try:
        with replaying_history():
            results = _import_kinds(sources, options, actor)
    finally:
        if dry_run is not None:
            if dry_run.is_active:
                dry_run.rollback()
            db.session.rollback()
    return results


def _import_kinds(
    sources: dict[str, SourceFile], options: ImportOptions, actor: Actor
) -> list[ImportResult]:
    results: list[ImportResult] = []
    for kind in KINDS:
        source = sources[kind]
        with scanning_once():
            if kind == "cases":
                result = import_source(_without_letters(source), options, actor=actor)
            else:
                after = _import_topic_parents if kind == "topics" else None
                result = _import_file(source, IMPORTERS[kind], options, actor, after)
        results.append(result)
        if result.ok and kind == "cases":
            result = _import_file(sources["sessions"], _import_agenda, options, actor)
            result.path += " (agendas)"
            results.append(result)
            if result.ok:
                result = _import_file(source, _import_letters, options, actor)
                result.path += " (letters)"
                results.append(result)
        if not result.ok:
            later = KINDS[KINDS.index(kind) + 1 :]
            for rest in later:
                skipped = ImportResult(path=str(sources[rest].path))
                skipped.problems.append(
                    f"{sources[rest].path}: not imported, it depends on {source.path}"
                )
                results.append(skipped)
            break
    return results


# A case record's parts that are the hub's own, not the case format's.
_HUB_CASE_KEYS = ("template_version", "letters", "review_comments")


def _without_letters(source: SourceFile) -> SourceFile:
    """The case records as the case import reads them: letters are the hub's own."""
    records = [
        (n, {k: v for k, v in raw.items() if k not in _HUB_CASE_KEYS}) for n, raw in source.records
    ]
    return SourceFile(source.path, records, source.problems)


def _read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValidationError(
            f"{path}: cannot be read ({exc.strerror}).", field="manifest"
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValidationError(f"{path}: not a JSON manifest.", field="manifest") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ValidationError(
            f"{path}: not the manifest of a hub export (format {FORMAT!r}).", field="manifest"
        )
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ValidationError(
            f"{path}: format version {version} is newer than this Casebook reads"
            f" ({FORMAT_VERSION}); upgrade Casebook first.",
            field="manifest",
        )
    if not isinstance(manifest.get("counts"), dict):
        raise ValidationError(f"{path}: 'counts' is missing.", field="manifest")
    return manifest


def _read_kind(folder: Path, kind: str, manifest: dict[str, Any]) -> SourceFile:
    """A file's records, checked against the manifest's count (a truncated copy is caught)."""
    path = folder / f"{kind}.jsonl"
    expected = manifest["counts"].get(kind, 0)
    if not path.exists():
        if expected:
            return SourceFile(
                path, [], [f"{path}: missing (the manifest counts {expected} records)"]
            )
        return SourceFile(path, [], [])
    if path.stat().st_size == 0 and not expected:
        return SourceFile(path, [], [])
    source = read_file(path)
    if not source.problems and len(source.records) != expected:
        source.problems.append(
            f"{path}: {len(source.records)} records, but the manifest counts {expected}"
            " (an incomplete copy?)"
        )
    return source


Importer = Callable[[dict[str, Any], _Context], str]


def _import_file(
    source: SourceFile,
    importer: Importer,
    options: ImportOptions,
    actor: Actor,
    after: Callable[[SourceFile, _Context], None] | None = None,
) -> ImportResult:
    """One file in one transaction: any problem in any record rolls back the whole file."""
    result = ImportResult(path=str(source.path), problems=list(source.problems))
    if result.problems:
        return result
    context = _Context(options, actor, result)
    try:
        with db.session.begin_nested():
            for number, raw in source.records:
                label = f"{source.path} line {number}"
                try:
                    check_texts(raw)
                    what = importer(raw, context)
                    db.session.flush()
                except (IdentifiersFound, RecordProblem, ValidationError) as exc:
                    result.problems.extend(record_problems(label, exc))
                    continue
                setattr(result, what, getattr(result, what) + 1)
            if after is not None and not result.problems:
                after(source, context)
            if result.problems:
                raise _Rollback()
    except _Rollback:
        result.created = result.updated = result.unchanged = 0
        result.changes, result.conflicts = [], []
        if not options.dry_run:
            db.session.rollback()
        return result
    except CasebookError as exc:
        if not options.dry_run:
            db.session.rollback()
        result.problems.append(f"{source.path}: {exc.message}")
        return result
    if not options.dry_run:
        db.session.commit()
    return result


class _Rollback(Exception):
    pass


# Per record: its fields, checked here so that a misspelt one is named rather than ignored.


def _fields(raw: dict[str, Any], known: set[str], required: tuple[str, ...]) -> None:
    unknown = sorted(set(raw) - known)
    if unknown:
        raise unknown_field("", unknown[0], "here")
    for name in required:
        if raw.get(name) in (None, ""):
            raise RecordProblem(name, "is required")


def _string(raw: dict[str, Any], name: str) -> str:
    value = raw.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RecordProblem(name, "must be text")
    return value


def _names(raw: dict[str, Any], name: str) -> list[str]:
    value = raw.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordProblem(name, "must be a list of names")
    return value


def _accepted(raw: dict[str, Any]) -> list[Acceptance]:
    return _acceptances(raw.get("overrides"), "overrides")


def _on(value: Any, name: str) -> date:
    try:
        on = bounded_date(value, name)
    except ValidationError as exc:
        raise RecordProblem(name, exc.message.removeprefix(f"{name} ")) from None
    if on is None:
        raise RecordProblem(name, "is required")
    return on


def _account(email: Any, name: str, *, required: bool = False) -> User | None:
    if email in (None, ""):
        if required:
            raise RecordProblem(name, "is required")
        return None
    user = get_user_by_email(email) if isinstance(email, str) else None
    if user is None:
        named = f"no account {shown}" if (shown := shown_email(email)) else "no such account"
        raise RecordProblem(name, f"{named} (in accounts.jsonl or this instance)")
    return user


def _program(slug: Any, name: str = "program") -> Program:
    program = find_program(slug) if isinstance(slug, str) else None
    if program is None:
        shown = shown_ref(slug)  # not repeated when it is no slug or reads as an identifier
        named = f"no program {shown}" if shown else "no such program"
        raise RecordProblem(name, f"{named} (in programs.jsonl or this instance)")
    return program


def _conflict(context: _Context, kind: str, key: str, entity: Any) -> str:
    context.result.conflicts.append(
        f"{context.result.path} {kind} {key}: differs from this instance's; kept as the"
        " instance has it"
        + ("" if kind in ("account", "practice", "letter") else " (--overwrite replaces it)")
    )
    record(context.actor, "import.conflict_kept", entity)
    return "unchanged"


def _noted(context: _Context, what: str, kind: str, key: str) -> str:
    if what != "unchanged":
        context.result.changes.append(f"{kind} {key}: {what}")
    return what


def _import_topic(raw: dict[str, Any], context: _Context) -> str:
    _fields(raw, {"name", "synonyms", "description", "parent", "status"}, ("name",))
    name, synonyms = _string(raw, "name"), _names(raw, "synonyms")
    description = _string(raw, "description")
    if raw.get("parent") is not None:
        _string(raw, "parent")
    status = TopicStatus.ACCEPTED  # no status written: accepted (older exports wrote none)
    if raw.get("status") is not None:
        try:
            status = TopicStatus(_string(raw, "status"))
        except ValueError:
            allowed = ", ".join(s.value for s in TopicStatus)
            raise RecordProblem("status", f"must be one of: {allowed}") from None
    topic = find_topic(name)
    if topic is None or text_key(topic.name) != text_key(name):
        created = create_topic(
            name, synonyms=synonyms, description=description, actor=context.actor
        )
        created.status = status
        return _noted(context, "created", "topic", name)
    # Synonyms are added, never taken away; a description fills an empty one.
    merged = list(topic.synonyms or []) + [s for s in synonyms if s not in (topic.synonyms or [])]
    if merged == list(topic.synonyms or []) and (topic.description or not description):
        return "unchanged"
    update_topic(
        topic,
        synonyms=merged,
        description=topic.description or description,
        actor=context.actor,
    )
    return _noted(context, "updated", "topic", name)


def _import_topic_parents(source: SourceFile, context: _Context) -> None:
    """After every topic of the file exists: the hierarchy."""
    for number, raw in source.records:
        if not raw.get("parent"):
            continue
        topic, parent = find_topic(raw["name"]), find_topic(raw["parent"])
        if parent is None:
            named = f"no topic {shown}" if (shown := shown_name(raw["parent"])) else "no such topic"
            context.result.problems.append(f"{source.path} line {number} field 'parent': {named}")
        elif topic is not None and topic.parent_id is None and topic.id != parent.id:
            topic.parent = parent
        elif topic is not None and topic.parent_id != parent.id:
            _conflict(context, "topic", topic.name, topic)


def _import_program(raw: dict[str, Any], context: _Context) -> str:
    _fields(
        raw,
        {
            "slug",
            "name",
            "description",
            "private",
            "template",
            "template_versions",
            "credit_rule",
            "overrides",
        },
        ("slug", "name"),
    )
    slug = raw["slug"]
    values = {
        "name": _string(raw, "name"),
        "description": _string(raw, "description"),
        "template": raw.get("template") or {},
        "private": raw.get("private", False),
        "accepted": _accepted(raw),
    }
    if not isinstance(values["private"], bool):
        raise RecordProblem("private", "must be true or false")
    rule = _rule_values(raw.get("credit_rule"))
    history = _template_history(raw, values["template"])
    program = find_program(slug) if isinstance(slug, str) else None
    if program is None:
        if history:
            values["template"] = history[0][1]
        program = create_program(slug, actor=context.actor, **values)
        _import_template_history(program, history, context, values["accepted"], created=True)
        _import_rule(program, rule, context)
        return _noted(context, "created", "program", slug)
    added = _import_template_history(program, history, context, values["accepted"])
    what = "updated" if added else "unchanged"
    now = (program.name, program.description, program.case_template or {}, program.private)
    if now == (values["name"], values["description"], values["template"], values["private"]):
        pass
    elif not context.options.overwrite:
        _conflict(context, "program", slug, program)
    else:
        update_program(program, actor=context.actor, **values)
        what = "updated"
    if _import_rule(program, rule, context):
        what = "updated"
    return _noted(context, what, "program", slug)


def _template_history(raw: dict[str, Any], current: Any) -> list[tuple[int, Any, Any]]:
    """The program's case-form versions in the file (version, template, when saved): each
    numbered one more than the one before, from 1, the last one the current template."""
    history: list[tuple[int, Any, Any]] = []
    for where, item in _items(raw.get("template_versions"), "template_versions", _VERSION_KEYS):
        number = item.get("version")
        if number != len(history) + 1 or isinstance(number, bool):
            raise RecordProblem(f"{where}.version", f"must be {len(history) + 1}")
        if "saved_at" not in item:
            raise RecordProblem(f"{where}.saved_at", "is required")
        when = _time(item["saved_at"], f"{where}.saved_at")
        try:
            template = validate_template(item.get("template") or {})
        except ValidationError as exc:
            raise RecordProblem(f"{where}.template", exc.message) from None
        history.append((number, template, when))
    if history:
        try:
            same = validate_template(current) == history[-1][1]
        except ValidationError:
            same = False  # the program's own check names the problem
        if not same:
            raise RecordProblem("template_versions", "the last version must be the template")
    return history


_VERSION_KEYS = {"version", "template", "saved_at"}


def _import_template_history(
    program: Program,
    history: list[tuple[int, Any, Any]],
    context: _Context,
    accepted: list[Acceptance],
    *,
    created=False,
) -> bool:
    """Versions the instance lacks are added when its own are the file's first ones (a
    history that went another way is left to the current-template comparison). Each keeps
    when it was saved. Returns whether one was added."""
    have = list(
        db.session.scalars(
            select(CaseTemplate)
            .where(CaseTemplate.program_id == program.id)
            .order_by(CaseTemplate.version)
        )
    )
    if not history or len(have) > len(history):
        return False
    if [v.definition or {} for v in have] != [t for _, t, _ in history[: len(have)]]:
        return False
    if created:
        have[0].created_at = history[0][2]  # made just now from the file's first version
    added = False
    for number, template, when in history[len(have) :]:
        # Every version's texts pass the gate, as the editor's do (the current one may be any).
        guard(template_texts(template), accepted, actor=context.actor, program=program)
        version = add_template_version(program, template, actor=context.actor)
        if version.version != number:
            raise RecordProblem("template_versions", f"version {number} cannot follow here")
        version.created_at = when
        added = True
    db.session.flush()
    return added


_RULE_KEYS = ("credit_type", "credits_per_session", "minimum_minutes", "evaluation_required")
# What the program's certificates print; absent means blank.
_RULE_PRINTED = ("accreditation_statement", "signer_name", "signer_title")


def _rule_values(raw: Any) -> dict[str, Any] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise RecordProblem("credit_rule", "must be a mapping")
    unknown = sorted(set(raw) - {*_RULE_KEYS, *_RULE_PRINTED, "updated_at"})
    if unknown:
        raise unknown_field("credit_rule", unknown[0], "here")
    for name in _RULE_KEYS:
        if name not in raw:
            raise RecordProblem(f"credit_rule.{name}", "is required")
    values = {name: raw[name] for name in _RULE_KEYS}
    values.update({name: raw.get(name, "") for name in _RULE_PRINTED})
    if "updated_at" in raw:
        values["updated_at"] = _time(raw["updated_at"], "credit_rule.updated_at")
    return values


def _import_rule(program: Program, values: dict[str, Any] | None, context: _Context) -> bool:
    """The program's credit rule, through set_credit_rule (its checks); an existing
    different one is a conflict. Returns whether it was set."""
    if values is None:
        return False
    values = dict(values)
    when = values.pop("updated_at", None)
    rule = credit_rule(program)
    if rule is not None:
        now = (str(rule.credit_type), rule.credits_per_session, rule.minimum_minutes)
        now += (rule.evaluation_required, *(getattr(rule, k) for k in _RULE_PRINTED))
        if now == tuple(values[k] for k in (*_RULE_KEYS, *_RULE_PRINTED)):
            return False
        if not context.options.overwrite:
            _conflict(context, "credit rule", program.slug, rule)
            return False
    try:
        rule = set_credit_rule(program, actor=context.actor, **values)
    except ValidationError as exc:
        raise RecordProblem(f"credit_rule.{exc.field}", exc.message) from None
    if when is not None:
        rule.updated_at = when
    return True


def _import_account(raw: dict[str, Any], context: _Context) -> str:
    """An account without a password: an admin sets one, or it stays sign-in-less."""
    _fields(
        raw,
        {"email", "name", "role", "active", "programs", "follows", "daily_digest"},
        ("email", "name", "role"),
    )
    active = raw.get("active", True)
    if not isinstance(active, bool):
        raise RecordProblem("active", "must be true or false")
    slugs = _names(raw, "programs")
    programs = [_program(slug, "programs") for slug in slugs]
    followed = _followed(raw.get("follows"))
    daily_digest = raw.get("daily_digest", False)
    if not isinstance(daily_digest, bool):
        raise RecordProblem("daily_digest", "must be true or false")
    email, name, role = _string(raw, "email"), _string(raw, "name"), _string(raw, "role")
    user = get_user_by_email(email)
    what = "unchanged"
    if user is None:
        user = create_user(email, name, role, actor=context.actor)
        if not active:
            user.active = False
            record(context.actor, "user.deactivated", user)
        what = "created"
    elif (user.display_name, str(user.role), user.active) != (name, role, active):
        _conflict(context, "account", user.email, user)
    for program in programs:
        if program.id not in user.program_ids:
            add_membership(user, program.slug, actor=context.actor)
            what = "updated" if what == "unchanged" else what
    if _import_follows(user, followed, daily_digest, context):
        what = "updated" if what == "unchanged" else what
    return _noted(context, what, "account", user.email)


def _followed(value: Any) -> list[Topic | Program]:
    """What an account follows: topics by name, programs by slug, all of them known."""
    if value in (None, {}):
        return []
    if not isinstance(value, dict):
        raise RecordProblem("follows", "must be a mapping with topics and programs")
    unknown = sorted(set(value) - {"topics", "programs"})
    if unknown:
        raise unknown_field("follows", unknown[0], "here")
    subjects: list[Topic | Program] = []
    for name in _names(value, "topics"):
        topic = find_topic(name)
        if topic is None or text_key(topic.name) != text_key(name):
            named = f"no topic {shown}" if (shown := shown_name(name)) else "no such topic"
            raise RecordProblem("follows.topics", f"{named} (in topics.jsonl or this instance)")
        subjects.append(topic)
    try:
        slugs = _names(value, "programs")
    except RecordProblem:
        raise RecordProblem("follows.programs", "must be a list of slugs") from None
    subjects.extend(_program(slug, "follows.programs") for slug in slugs)
    return subjects


def _import_follows(
    user: User, subjects: list[Topic | Program], daily_digest: bool, context: _Context
) -> bool:
    """Follows the account lacks are added, and the daily digest turned on when the file
    has it on; nothing is unfollowed or turned off. Returns whether anything was added."""
    changed = False
    have = {
        (row.topic_id, row.program_id)
        for row in db.session.scalars(select(Subscription).where(Subscription.user_id == user.id))
    }
    for subject in subjects:
        is_topic = isinstance(subject, Topic)
        key = (subject.id, None) if is_topic else (None, subject.id)
        if key in have:
            continue
        row = Subscription(user_id=user.id)
        if isinstance(subject, Topic):
            row.topic = subject
        else:
            row.program = subject
        db.session.add(row)
        have.add(key)
        subject_id: dict[str, Any] = (
            {"topic_id": subject.id} if is_topic else {"program_id": subject.id}
        )
        record(context.actor, "subscription.added", user, imported=True, **subject_id)
        changed = True
    if daily_digest:
        preference = db.session.scalar(
            select(DigestPreference).where(DigestPreference.user_id == user.id)
        )
        if preference is None:
            preference = DigestPreference(user_id=user.id, daily_email=False)
            db.session.add(preference)
        if not preference.daily_email:
            preference.daily_email = True
            record(context.actor, "subscription.digest_changed", user, daily_email=True)
            changed = True
    return changed


_SESSION_TEXTS = ("title", "didactic_topic", "didactic_presenter", "notes")


def _import_session(raw: dict[str, Any], context: _Context) -> str:
    _fields(
        raw,
        {
            "program",
            "date",
            "number",
            "attendance",
            "topics",
            "agenda",
            "attendees",
            "evaluations",
            "overrides",
            *_SESSION_TEXTS,
        },
        ("program", "date"),
    )
    program = _program(raw["program"])
    on = _on(raw["date"], "date")
    number = raw.get("number")
    if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
        raise RecordProblem("number", "must be a whole number")
    values: dict[str, Any] = {name: _string(raw, name) for name in _SESSION_TEXTS}
    values["attendance_count"] = raw.get("attendance")
    values["topics"] = _names(raw, "topics")
    accepted = _accepted(raw)
    attendees = _attendees(raw.get("attendees"))
    evaluations = _evaluations(raw.get("evaluations"))
    key = f"{program.slug} {on.isoformat()}"
    session = find_session(program, on)
    if session is None:
        session = create_session(
            program, on, number=number, actor=context.actor, accepted=accepted, **values
        )
        _import_attendance(session, attendees, evaluations, key, context)
        return _noted(context, "created", "session", key)
    what = "unchanged"
    now = {name: getattr(session, name) for name in _SESSION_TEXTS}
    now["attendance_count"] = session.attendance_count
    now["topics"] = [t.name for t in session.topics]
    if now == values and number in (None, session.number):
        pass
    elif not context.options.overwrite:
        _conflict(context, "session", key, session)
    else:
        update_session(session, actor=context.actor, accepted=accepted, **values)
        what = "updated"
    if _import_attendance(session, attendees, evaluations, key, context):
        what = "updated"
    return _noted(context, what, "session", key)


def _items(value: Any, name: str, known: set[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    if value in (None, []):
        return
    if not isinstance(value, list):
        raise RecordProblem(name, "must be a list")
    for index, item in enumerate(value, 1):
        where = f"{name}[{index}]"
        if not isinstance(item, dict):
            raise RecordProblem(where, "must be a mapping")
        unknown = sorted(set(item) - known)
        if unknown:
            raise unknown_field(where, unknown[0], "here")
        yield where, item


def _attendees(value: Any) -> dict[int, tuple[str, User, int | None, AttendanceSource]]:
    """Checked as record_attendance and the CSV import check them, by participant."""
    out: dict[int, tuple[str, User, int | None, AttendanceSource]] = {}
    for where, item in _items(value, "attendees", {"participant", "minutes", "source"}):
        user = _account(item.get("participant"), f"{where}.participant", required=True)
        assert user is not None
        if user.id in out:
            raise RecordProblem(f"{where}.participant", f"{user.email} is listed twice")
        minutes = item.get("minutes")
        if minutes is not None and (
            isinstance(minutes, bool)
            or not isinstance(minutes, int)
            or not 0 <= minutes <= MAX_MINUTES
        ):
            raise RecordProblem(
                f"{where}.minutes", f"must be a whole number from 0 to {MAX_MINUTES}, or null"
            )
        try:
            source = AttendanceSource(item.get("source", "ticked"))
        except ValueError:
            raise RecordProblem(f"{where}.source", "must be ticked or imported") from None
        out[user.id] = (where, user, minutes, source)
    return out


def _evaluations(value: Any) -> dict[int, tuple[str, User, int, bool, Any]]:
    """Checked as submit_evaluation checks them, by participant."""
    out: dict[int, tuple[str, User, int, bool, Any]] = {}
    known = {"participant", "rating", "will_change_practice", "submitted_at"}
    for where, item in _items(value, "evaluations", known):
        user = _account(item.get("participant"), f"{where}.participant", required=True)
        assert user is not None
        if user.id in out:
            raise RecordProblem(f"{where}.participant", f"{user.email} is listed twice")
        rating = item.get("rating")
        if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
            raise RecordProblem(f"{where}.rating", "must be from 1 (poor) to 5 (excellent)")
        change = item.get("will_change_practice", False)
        if not isinstance(change, bool):
            raise RecordProblem(f"{where}.will_change_practice", "must be true or false")
        when = (
            _time(item["submitted_at"], f"{where}.submitted_at") if "submitted_at" in item else None
        )
        out[user.id] = (where, user, rating, change, when)
    return out


def _import_attendance(
    session: Session,
    attendees: dict[int, tuple[str, User, int | None, AttendanceSource]],
    evaluations: dict[int, tuple[str, User, int, bool, Any]],
    key: str,
    context: _Context,
) -> bool:
    """Who attended and their evaluations: rows missing are added, a different one is a
    conflict (--overwrite takes the file's), none is taken off. Returns whether any changed."""
    if not attendees and not evaluations:
        return False
    if attendees:
        try:
            require_held(session)
        except ValidationError as exc:
            raise RecordProblem("attendees", exc.message) from None
    changed = False
    rows = {
        row.user_id: row
        for row in db.session.scalars(select(Attendance).where(Attendance.session_id == session.id))
    }
    for user_id, (_, user, minutes, source) in attendees.items():
        row = rows.get(user_id)
        if row is None:
            rows[user_id] = row = Attendance(session=session, user_id=user_id)
            db.session.add(row)
        elif (row.minutes, row.source) == (minutes, source):
            continue
        elif not context.options.overwrite:
            _conflict(context, "attendance", f"{key} / {user.email}", session)
            continue
        row.minutes, row.source = minutes, source
        changed = True
    if changed:
        db.session.flush()
        recount_attendance(session)
        record(context.actor, "session.attendance_imported", session, participants=len(rows))
    done = {
        e.user_id: e
        for e in db.session.scalars(
            select(SessionEvaluation).where(SessionEvaluation.session_id == session.id)
        )
    }
    for user_id, (where, user, rating, change, when) in evaluations.items():
        if user_id not in rows:
            raise RecordProblem(f"{where}.participant", f"{user.email} did not attend this session")
        evaluation = done.get(user_id)
        if evaluation is None:
            evaluation = SessionEvaluation(session_id=session.id, user_id=user_id)
            db.session.add(evaluation)
        elif (evaluation.rating, evaluation.will_change_practice) == (rating, change):
            continue
        elif not context.options.overwrite:
            _conflict(context, "evaluation", f"{key} / {user.email}", session)
            continue
        evaluation.rating, evaluation.will_change_practice = rating, change
        if when is not None:
            evaluation.submitted_at = when
        changed = True
    return changed


def _case_template_version(case: Case, number: Any) -> bool:
    """The case keeps the case-form version it was written with, when the program has it."""
    if number is None or number == case.template_version:
        return False
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise RecordProblem("template_version", "must be a whole number from 1")
    known = db.session.scalar(
        select(CaseTemplate.id).where(
            CaseTemplate.program_id == case.program_id, CaseTemplate.version == number
        )
    )
    if known is None:
        raise RecordProblem("template_version", f"{case.program.slug} has no version {number}")
    case.template_version = number
    return True


_REVIEW_KEYS = {"at", "author", "comment", "overrides"}


def _import_reviews(case: Case, items: list[tuple[str, dict[str, Any]]], context: _Context) -> bool:
    """A case's review comments (a coordinator's notes on returning it), known by when they
    were written: one missing is added as written then, its text through the gate with the
    file's overrides (the case's status is the case record's; nobody is notified again); a
    different one at that time is a conflict, kept. Returns whether any was added."""
    if items:
        hold_case(case)  # before any comment's row: a purge's lock order
    have = {
        review.created_at: review
        for review in db.session.scalars(
            select(ReviewComment).where(ReviewComment.case_id == case.id)
        )
    }
    added = False
    for where, item in items:
        if "at" not in item:
            raise RecordProblem(f"{where}.at", "is required")
        when = _time(item["at"], f"{where}.at")
        author = _account(item.get("author"), f"{where}.author")
        comment = _string(item, "comment").strip()
        if not comment:
            raise RecordProblem(f"{where}.comment", "is required")
        if len(comment) > COMMENT_MAX:
            raise RecordProblem(f"{where}.comment", f"must be at most {COMMENT_MAX:,} characters")
        review = have.get(when)
        if review is not None:
            if (review.body, review.author_id) != (comment, author.id if author else None):
                _conflict(context, "review comment", f"{case.ref} {item['at']}", case)
            continue
        try:
            overridden = guard(
                {"comment": comment}, _accepted(item), actor=context.actor, program=case.program
            )
        except IdentifiersFound as exc:
            raise exc.within(where) from None
        review = ReviewComment(
            case=case, author_id=author.id if author else None, body=comment, created_at=when
        )
        db.session.add(review)
        db.session.flush()
        remember_overrides(review, overridden, actor=context.actor)
        record(context.actor, "case.review_comment_imported", case)
        have[when] = review
        added = True
    return added


def _import_letters(raw: dict[str, Any], context: _Context) -> str:
    """A case's case-form version, and its letters of recommendations sent once its
    recommendations exist: a letter is known by when it was sent; one missing is added, as
    sent then (nobody is notified again), a different one is a conflict."""
    items = list(_items(raw.get("letters"), "letters", {"sent_at", "sent_by", "recommendations"}))
    reviews = list(_items(raw.get("review_comments"), "review_comments", _REVIEW_KEYS))
    if not items and not reviews and "template_version" not in raw:
        return "unchanged"
    case = find_case_by_ref(ref) if isinstance(ref := raw.get("ref"), str) else None
    if case is None:
        raise RecordProblem("ref", _no_case(raw.get("ref")))
    what = "updated" if _case_template_version(case, raw.get("template_version")) else "unchanged"
    if _import_reviews(case, reviews, context):
        what = "updated"
    if not items:
        part = "review comments" if reviews else "case-form version"
        return _noted(context, what, "case", f"{raw['ref']} {part}")
    by_key = {r.key: r.id for r in case.recommendations}
    have = {
        sent.sent_at: sent
        for sent in db.session.scalars(
            select(RecommendationsSent).where(RecommendationsSent.case_id == case.id)
        )
    }
    for where, item in items:
        if "sent_at" not in item:
            raise RecordProblem(f"{where}.sent_at", "is required")
        when = _time(item["sent_at"], f"{where}.sent_at")
        sender = _account(item.get("sent_by"), f"{where}.sent_by")
        keys = item.get("recommendations") or []
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            raise RecordProblem(f"{where}.recommendations", "must be a list of keys")
        missing = [k for k in keys if k not in by_key]
        if missing:
            raise RecordProblem(
                f"{where}.recommendations", f"{_no_recommendation(missing[0])} on this case"
            )
        ids = [by_key[k] for k in keys]
        sent = have.get(when)
        if sent is not None:
            if (sent.sent_by_id, list(sent.recommendation_ids)) != (
                sender.id if sender else None,
                ids,
            ):
                _conflict(context, "letter", f"{raw['ref']} {item['sent_at']}", case)
            continue
        sent = RecommendationsSent(
            case=case,
            sent_by_id=sender.id if sender else None,
            sent_at=when,
            recommendation_ids=ids,
        )
        db.session.add(sent)
        have[when] = sent
        what = "updated"
    return _noted(context, what, "case", f"{raw['ref']} letters")


def _import_agenda(raw: dict[str, Any], context: _Context) -> str:
    """A session's agenda, once the cases exist (their records carry it too): adds what is
    missing, takes nothing off."""
    session = find_session(_program(raw["program"]), _on(raw["date"], "date"))
    if session is None:  # the sessions file made it, unless it was changed since
        raise RecordProblem("date", f"no session of {raw['program']} on {raw['date']}")
    agenda = raw.get("agenda") or []
    if not isinstance(agenda, list):
        raise RecordProblem("agenda", "must be a list of case and presented")
    what = "unchanged"
    for index, item in enumerate(agenda, 1):
        where = f"agenda[{index}]"
        if not isinstance(item, dict) or set(item) - {"case", "presented"}:
            raise RecordProblem(where, "must be a mapping with case and presented")
        case = find_case_by_ref(ref) if isinstance(ref := item.get("case"), str) else None
        if case is None:
            raise RecordProblem(f"{where}.case", f"{_no_case(item.get('case'))} (in cases.jsonl)")
        presented = item.get("presented", False)
        if not isinstance(presented, bool):
            raise RecordProblem(f"{where}.presented", "must be true or false")
        before = next((p for p in case.presentations if p.session_id == session.id), None)
        if before is None or (presented and not before.presented):
            schedule(case, session, presented=presented, actor=context.actor, imported=True)
            what = "updated"
    return _noted(context, what, "session", f"{session.program.slug} {session.date} agenda")


_PRACTICE_KEYS = {
    "title",
    "statement",
    "status",
    "topics",
    "created_by",
    "superseded_by",
    "overrides",
    "versions",
    "evidence",
    "endorsements",
    "dissents",
    "outdated",
}


def _import_practice(raw: dict[str, Any], context: _Context) -> str:
    _fields(raw, _PRACTICE_KEYS, ("title", "statement"))
    title, statement = _string(raw, "title"), _string(raw, "statement")
    found = list(
        db.session.scalars(select(BestPractice).where(BestPractice.title == title.strip()))
    )
    if len(found) > 1:
        raise RecordProblem("title", "this instance has several practices with this title")
    accepted = _accepted(raw)
    if found:
        practice, what = found[0], "unchanged"
        final = (practice.title, practice.statement, str(practice.status))
        if final != (title, statement, raw.get("status", "proposed")):
            _conflict(context, "practice", title, practice)
    else:
        practice, what = _practice_with_history(raw, accepted, context), "created"
    if _import_evidence(practice, raw.get("evidence"), context):
        what = "updated" if what == "unchanged" else what
    if _import_endorsements(practice, raw.get("endorsements"), context):
        what = "updated" if what == "unchanged" else what
    if _import_dissents(practice, raw.get("dissents"), context):
        what = "updated" if what == "unchanged" else what
    if _import_outdated(practice, raw.get("outdated"), context):
        what = "updated" if what == "unchanged" else what
    return _noted(context, what, "practice", title)


_PRACTICE_VERSION_KEYS = {"version", "title", "statement", "status", "reason", "author", "at"}


def _practice_with_history(
    raw: dict[str, Any], accepted: list[Acceptance], context: _Context
) -> BestPractice:
    """A new practice, its versions replayed through the lifecycle operations (each text
    passes the gate), then signed and dated as the file says."""
    actor = context.actor
    versions = raw.get("versions") or [
        {"version": 1, "title": raw["title"], "statement": raw["statement"], "status": "proposed"}
    ]
    if not isinstance(versions, list) or not all(isinstance(v, dict) for v in versions):
        raise RecordProblem("versions", "must be a list of mappings")
    author = _account(raw.get("created_by"), "created_by")
    history = []
    for number, version in enumerate(versions, 1):
        where = f"versions[{number}]"
        extra = sorted(set(version) - _PRACTICE_VERSION_KEYS)
        if extra:
            raise unknown_field(where, extra[0], "of a version")
        if version.get("version") != number:
            raise RecordProblem(f"{where}.version", f"must be {number} (versions count up from 1)")
        for name in ("title", "statement", "status", "reason"):
            if not isinstance(version.get(name, ""), str):
                raise RecordProblem(f"{where}.{name}", "must be text")
        editor = _account(version.get("author"), f"{where}.author")
        when = _time(version["at"], f"{where}.at") if "at" in version else None
        history.append((where, version, editor, when))
    where, first, editor, _ = history[0]
    if first.get("status", "proposed") != "proposed":
        raise RecordProblem(f"{where}.status", "the first version of a practice is proposed")
    try:
        practice = propose_practice(
            first.get("title"),
            first.get("statement"),
            topics=_names(raw, "topics"),
            author=author,
            actor=actor,
            reason=first.get("reason", ""),
            accepted=accepted,
        )
        for where, version, editor, _ in history[1:]:  # noqa: B007 - named on failure
            _replay(practice, raw, version, editor, accepted, actor)
    except IdentifiersFound as exc:
        raise exc.within(where) from None
    except ValidationError as exc:
        raise RecordProblem(f"{where}.{exc.field}" if exc.field else where, exc.message) from None
    if (practice.title, practice.statement, str(practice.status)) != (
        raw["title"].strip(),
        raw["statement"].strip(),
        raw.get("status", "proposed"),
    ):
        raise RecordProblem(
            "versions", "the last version differs from the practice's text or status"
        )
    db.session.flush()
    for row, (_, _, editor, when) in zip(practice.versions, history, strict=True):
        row.edited_by = editor
        if when is not None:
            row.created_at = when
    if history[0][3] is not None:
        practice.created_at = history[0][3]
    return practice


def _replay(
    practice: BestPractice,
    raw: dict[str, Any],
    version: dict[str, Any],
    editor: User | None,
    accepted: list[Acceptance],
    actor: Actor,
) -> None:
    """One later version: a status change, or an edit of the wording."""
    status, reason = _as_written(version, "status"), version.get("reason", "")
    if status != str(practice.status):
        superseded_by = None
        if status == PracticeStatus.SUPERSEDED.value:
            superseded_by = db.session.scalar(
                select(BestPractice).where(BestPractice.title == raw.get("superseded_by"))
            )
            if superseded_by is None:
                shown = shown_name(raw.get("superseded_by"))
                raise ValidationError(
                    f"no practice titled {shown!r} before this one"
                    if shown
                    else "no such practice before this one",
                    field="superseded_by",
                )
        change_status(
            practice,
            status,
            reason=reason,
            editor=editor,
            superseded_by=superseded_by,
            actor=actor,
            accepted=accepted,
            imported=True,
        )
    elif not edit_practice(
        practice,
        title=_as_written(version, "title"),
        statement=_as_written(version, "statement"),
        reason=reason,
        editor=editor,
        actor=actor,
        accepted=accepted,
    ):
        # An edit of the topics alone (their history is not kept): the version still counts,
        # and its reason is stored, so it passes the gate as an edit's reason does.
        guard({"reason": reason}, accepted, actor=actor)
        practice.version += 1
        snapshot_practice(practice, editor, reason.strip())


def _import_evidence(practice: BestPractice, items: Any, context: _Context) -> bool:
    """Evidence the practice lacks is added, by its target; returns whether any was."""
    if items in (None, []):
        return False
    if not isinstance(items, list):
        raise RecordProblem("evidence", "must be a list")
    added = False
    for index, item in enumerate(items, 1):
        where = f"evidence[{index}]"
        if not isinstance(item, dict) or set(item) - {
            "session",
            "case",
            "recommendation",
            "note",
            "added_by",
            "overrides",
        }:
            raise RecordProblem(where, "must name a session, case or recommendation, with a note")
        target = _evidence_target_of(item, where)
        before = len(practice.evidence)
        try:
            add_evidence(
                practice,
                target,
                note=_string(item, "note"),
                added_by=_account(item.get("added_by"), f"{where}.added_by"),
                actor=context.actor,
                accepted=_accepted(item),
            )
        except IdentifiersFound as exc:
            raise exc.within(where) from None
        added = added or len(practice.evidence) != before
    return added


def _evidence_target_of(item: dict[str, Any], where: str) -> Session | Case | Recommendation:
    if isinstance(item.get("case"), str):
        case = find_case_by_ref(item["case"])
        if case is None:
            raise RecordProblem(f"{where}.case", _no_case(item["case"]))
        return case
    if isinstance(item.get("recommendation"), str):
        found = db.session.scalar(
            select(Recommendation).where(Recommendation.key == item["recommendation"])
        )
        if found is None:
            raise RecordProblem(
                f"{where}.recommendation", _no_recommendation(item["recommendation"])
            )
        return found
    spec = item.get("session")
    if isinstance(spec, dict):
        session = find_session(
            _program(spec.get("program"), f"{where}.session.program"),
            _on(spec.get("date"), f"{where}.session.date"),
        )
        if session is None:
            raise RecordProblem(
                f"{where}.session", f"no session of {spec.get('program')} on {spec.get('date')}"
            )
        return session
    raise RecordProblem(where, "must name a session, a case or a recommendation")


def _import_endorsements(practice: BestPractice, items: Any, context: _Context) -> bool:
    """Stances of experts who have none on the practice yet; a different one is kept."""
    if items in (None, []):
        return False
    if not isinstance(items, list):
        raise RecordProblem("endorsements", "must be a list")
    added = False
    for index, item in enumerate(items, 1):
        where = f"endorsements[{index}]"
        if not isinstance(item, dict) or set(item) - {"expert", "stance", "note", "overrides"}:
            raise RecordProblem(where, "must be a mapping with expert, stance and note")
        expert = _account(item.get("expert"), f"{where}.expert", required=True)
        assert expert is not None
        existing = db.session.scalar(
            select(PracticeEndorsement).where(
                PracticeEndorsement.practice_id == practice.id,
                PracticeEndorsement.expert_id == expert.id,
            )
        )
        note = _string(item, "note")
        if existing is not None:
            if (str(existing.stance), existing.note) != (item.get("stance"), note.strip()):
                _conflict(context, "endorsement", f"{practice.title} / {expert.email}", existing)
            continue
        try:
            take_stance(
                practice,
                _as_written(item, "stance"),
                expert=expert,
                note=note,
                actor=context.actor,
                accepted=_accepted(item),
            )
        except IdentifiersFound as exc:
            raise exc.within(where) from None
        except ValidationError as exc:
            raise RecordProblem(f"{where}.{exc.field}", exc.message) from None
        added = True
    return added


_OUTDATED_KEYS = {
    "case",
    "item",
    "because",
    "state",
    "note",
    "overrides",
    "annotation",
    "resolved_by",
    "resolved_at",
    "at",
}


def _import_outdated(practice: BestPractice, items: Any, context: _Context) -> bool:
    """The outdated-advice items the practice's change queued, known by their
    recommendation: one missing is added (its note through the gate), one still open here
    takes the file's resolution, a different resolution is a conflict (--overwrite takes
    the file's). Returns whether any was added or changed."""
    changed = False
    for where, item in _items(items, "outdated", _OUTDATED_KEYS):
        if practice.status not in (PracticeStatus.SUPERSEDED, PracticeStatus.RETIRED):
            raise RecordProblem(where, "only a superseded or retired practice queues advice")
        key = item.get("item")
        recommendation = (
            db.session.scalar(select(Recommendation).where(Recommendation.key == key))
            if isinstance(key, str)
            else None
        )
        if recommendation is None:
            raise RecordProblem(f"{where}.item", f"{_no_recommendation(key)} (in cases.jsonl)")
        try:
            because = OutdatedBecause(str(item.get("because")))
            state = ReviewState(str(item.get("state", "open")))
        except ValueError:
            raise RecordProblem(where, "because or state is not one of the known values") from None
        note = _string(item, "note").strip()
        annotation = None
        if item.get("annotation") is not None:
            annotation_key = item.get("annotation")
            if not isinstance(annotation_key, str):
                raise RecordProblem(f"{where}.annotation", "must be an annotation's key")
            annotation = db.session.scalar(
                select(Annotation).where(Annotation.key == annotation_key)
            )
            if annotation is None or annotation.recommendation_id != recommendation.id:
                raise RecordProblem(
                    f"{where}.annotation", "no such annotation on this recommendation"
                )
        resolver = _account(item.get("resolved_by"), f"{where}.resolved_by")
        resolved_at = (
            _time(item["resolved_at"], f"{where}.resolved_at") if "resolved_at" in item else None
        )
        existing = db.session.scalar(
            select(OutdatedAdvice).where(
                OutdatedAdvice.recommendation_id == recommendation.id,
                OutdatedAdvice.practice_id == practice.id,
            )
        )
        if existing is not None:
            if (existing.state, existing.note) == (state, note):
                continue
            if existing.state is not ReviewState.OPEN and not context.options.overwrite:
                _conflict(context, "outdated advice", f"{practice.title} / {key}", existing)
                continue
        try:
            overridden = guard({"note": note}, _accepted(item), actor=context.actor)
        except IdentifiersFound as exc:
            raise exc.within(where) from None
        target = existing or OutdatedAdvice(
            recommendation=recommendation,
            practice=practice,
            replacement=practice.superseded_by,
            change=PracticeChange(practice.status.value),
            because=because,
        )
        target.state, target.note, target.annotation = state, note, annotation
        target.resolved_by_id = resolver.id if resolver else None
        target.resolved_at = resolved_at
        if "at" in item and existing is None:
            target.created_at = _time(item["at"], f"{where}.at")
        db.session.add(target)
        db.session.flush()
        remember_overrides(target, overridden, actor=context.actor)
        record(context.actor, "outdated_advice.imported", target, state=str(state))
        changed = True
    return changed


_DISSENT_KEYS = {"case", "item", "author", "reason", "overrides", "at"}


def _import_dissents(practice: BestPractice, items: Any, context: _Context) -> bool:
    """Recommendations marked as departing from the practice on purpose, through
    record_dissent (its checks and the gate), known by their item: one missing is added, an
    equal one kept, a different reason or author is a conflict (--overwrite takes the
    file's). Returns whether any was added or replaced."""
    changed = False
    for where, item in _items(items, "dissents", _DISSENT_KEYS):
        key = item.get("item")
        recommendation = (
            db.session.scalar(select(Recommendation).where(Recommendation.key == key))
            if isinstance(key, str)
            else None
        )
        if recommendation is None:
            raise RecordProblem(f"{where}.item", f"{_no_recommendation(key)} (in cases.jsonl)")
        ref = item.get("case")
        if ref is not None and ref != _case_ref(recommendation.case):
            shown = shown_ref(ref)
            raise RecordProblem(
                f"{where}.case", f"recommendation {key} is not on case {shown or 'named'}"
            )
        author = _account(item.get("author"), f"{where}.author")
        reason = _string(item, "reason")
        when = _time(item["at"], f"{where}.at") if "at" in item else None
        existing = db.session.scalar(
            select(RecommendationDissent).where(
                RecommendationDissent.recommendation_id == recommendation.id,
                RecommendationDissent.practice_id == practice.id,
            )
        )
        if existing is not None:
            if (existing.reason, existing.expert_id) == (
                reason.strip(),
                author.id if author else None,
            ):
                continue
            if not context.options.overwrite:
                _conflict(context, "dissent", f"{practice.title} / {key}", existing)
                continue
        try:
            dissent = record_dissent(
                recommendation,
                practice,
                reason,
                actor=context.actor,
                accepted=_accepted(item),
                expert=author,
                imported=True,
            )
        except IdentifiersFound as exc:
            raise exc.within(where) from None
        except ValidationError as exc:
            raise RecordProblem(f"{where}.{exc.field}", exc.message) from None
        except PermissionDenied as exc:
            raise RecordProblem(where, exc.message) from None
        dissent.expert = author  # as the file has it, even nobody
        if when is not None:
            dissent.updated_at = when
            if existing is None:
                dissent.created_at = when
        changed = True
    return changed


def _nth(context: _Context, key: tuple[Any, ...], found: list[Any]) -> Any:
    """The instance's entity matching the file's n-th record with this key, if there is one."""
    n = context.seen[key]
    context.seen[key] += 1
    return found[n] if n < len(found) else None


def _teaching_text(
    value: Any, name: str, limit: int, *, required: bool = False, where: str = ""
) -> str:
    """Checked as the teaching operations check it."""
    try:
        return teaching_text(value, name, limit, required=required)
    except ValidationError as exc:
        raise RecordProblem(f"{where}.{name}" if where else name, exc.message) from None


_SEARCH_KEYS = {"owner", "name", "query", "overrides", "created_at"}


def _import_saved_search(raw: dict[str, Any], context: _Context) -> str:
    """A saved search is known by its owner and name; a different query is a conflict."""
    _fields(raw, _SEARCH_KEYS, ("owner", "name", "query"))
    owner = _account(raw["owner"], "owner", required=True)
    assert owner is not None
    name = _teaching_text(raw.get("name"), "name", SEARCH_NAME_MAX, required=True)
    try:
        query = normalise_query(raw.get("query"))  # type: ignore[arg-type]
    except ValidationError as exc:
        raise RecordProblem("query", exc.message) from None
    when = _time(raw["created_at"], "created_at") if "created_at" in raw else None
    label = f"{owner.email} / {name}"
    found = db.session.scalars(
        select(SavedSearch)
        .where(SavedSearch.owner_id == owner.id, SavedSearch.name == name)
        .order_by(SavedSearch.created_at, SavedSearch.id)
    )
    saved = _nth(context, ("search", owner.id, name), list(found))
    if saved is not None and saved.query == query:
        return "unchanged"
    if saved is not None and not context.options.overwrite:
        return _conflict(context, "saved search", label, saved)
    # Read as the search page reads a search's words (lower-case names too).
    overridden = guard_words(
        search_texts(name, query), _accepted(raw), actor=context.actor, words=SEARCH_WORDS
    )
    if saved is None:
        saved = SavedSearch(owner_id=owner.id, name=name, query=query)
        if when is not None:
            saved.created_at = when
        db.session.add(saved)
        db.session.flush()
        remember_overrides(saved, overridden, actor=context.actor, new=True)
        record(context.actor, "saved_search.saved", saved, imported=True)
        return _noted(context, "created", "saved search", label)
    saved.query = query
    remember_overrides(saved, overridden, actor=context.actor)
    record(context.actor, "saved_search.saved", saved, imported=True, replaced=True)
    return _noted(context, "updated", "saved search", label)


_SET_KEYS = {
    "owner",
    "title",
    "description",
    "program",
    "overrides",
    "created_at",
    "updated_at",
    "items",
}
_SET_ITEM_KEYS = {"case", "recommendation", "note", "overrides", "added_at"}


@dataclass
class _SetItem:
    where: str
    subject: Case | Recommendation
    name: str  # its case ref or recommendation key, for the report
    note: str
    accepted: list[Acceptance]
    added_at: datetime | None


def _import_teaching_set(raw: dict[str, Any], context: _Context) -> str:
    """A teaching set is known by its owner and title; it gains the items it lacks. A
    different description or program, or an item's different note, is a conflict."""
    _fields(raw, _SET_KEYS, ("owner", "title"))
    owner = _account(raw["owner"], "owner", required=True)
    assert owner is not None
    title = _teaching_text(raw.get("title"), "title", TITLE_MAX, required=True)
    description = _teaching_text(raw.get("description"), "description", TEXT_MAX)
    program = _program(raw["program"]) if raw.get("program") is not None else None
    created_at = _time(raw["created_at"], "created_at") if "created_at" in raw else None
    updated_at = _time(raw["updated_at"], "updated_at") if "updated_at" in raw else None
    items = _set_items(raw.get("items"))
    label = f"{owner.email} / {title}"
    found = db.session.scalars(
        select(TeachingSet)
        .where(TeachingSet.owner_id == owner.id, TeachingSet.title == title)
        .order_by(TeachingSet.created_at, TeachingSet.id)
    )
    teaching_set = _nth(context, ("set", owner.id, title), list(found))
    texts = {"title": title, "description": description}
    what = "unchanged"
    if teaching_set is None:
        overridden = guard(texts, _accepted(raw), actor=context.actor)
        teaching_set = TeachingSet(
            owner_id=owner.id, title=title, description=description, program=program
        )
        db.session.add(teaching_set)
        db.session.flush()
        remember_overrides(teaching_set, overridden, actor=context.actor, new=True)
        record(context.actor, "teaching_set.created", teaching_set, imported=True)
        if program is not None:
            record(
                context.actor,
                "teaching_set.shared",
                teaching_set,
                program_id=program.id,
                imported=True,
            )
        what = "created"
    elif (teaching_set.description, teaching_set.program_id) != (
        description,
        program.id if program else None,
    ):
        if not context.options.overwrite:
            _conflict(context, "teaching set", label, teaching_set)
        else:
            overridden = guard(texts, _accepted(raw), actor=context.actor)
            teaching_set.description, teaching_set.program = description, program
            remember_overrides(teaching_set, overridden, actor=context.actor, fields=list(texts))
            record(
                context.actor,
                "teaching_set.edited",
                teaching_set,
                program_id=teaching_set.program_id,
                imported=True,
            )
            what = "updated"
    if _import_set_items(teaching_set, items, label, context) and what == "unchanged":
        what = "updated"
    if what == "created":
        teaching_set.created_at = created_at or teaching_set.created_at
        teaching_set.updated_at = updated_at or teaching_set.created_at
    elif what == "updated":
        teaching_set.updated_at = utcnow()
    return _noted(context, what, "teaching set", label)


def _set_items(value: Any) -> list[_SetItem]:
    """The file's items, each naming one case (by ref) or one recommendation (by key) once."""
    out: list[_SetItem] = []
    seen: set[tuple[str, int]] = set()
    for where, item in _items(value, "items", _SET_ITEM_KEYS):
        ref, key = item.get("case"), item.get("recommendation")
        subject: Case | Recommendation | None
        if (ref is None) == (key is None):
            raise RecordProblem(where, "must name one case or one recommendation")
        if ref is not None:
            subject = find_case_by_ref(ref) if isinstance(ref, str) else None
            if subject is None:
                raise RecordProblem(f"{where}.case", f"{_no_case(ref)} (in cases.jsonl)")
        else:
            subject = (
                db.session.scalar(select(Recommendation).where(Recommendation.key == key))
                if isinstance(key, str)
                else None
            )
            if subject is None:
                raise RecordProblem(
                    f"{where}.recommendation", f"{_no_recommendation(key)} (in cases.jsonl)"
                )
        identity = (type(subject).__name__, subject.id)
        if identity in seen:
            raise RecordProblem(where, "is in the set already")
        seen.add(identity)
        note = _teaching_text(item.get("note"), "note", TEXT_MAX, where=where)
        added_at = _time(item["added_at"], f"{where}.added_at") if "added_at" in item else None
        name = str(ref if ref is not None else key)
        out.append(_SetItem(where, subject, name, note, _accepted(item), added_at))
    if len(out) > ITEMS_MAX:
        raise RecordProblem("items", f"a set holds at most {ITEMS_MAX} items")
    return out


def _import_set_items(
    teaching_set: TeachingSet, items: list[_SetItem], label: str, context: _Context
) -> bool:
    """Items the set lacks are added at its end, in the file's order; an item it has keeps
    its place, and a different note is a conflict (--overwrite takes the file's). Returns
    whether any was added or changed."""
    have = {(i.case_id, i.recommendation_id): i for i in teaching_set.items}
    last = max((i.position for i in teaching_set.items), default=0)
    changed = False
    for item in items:
        is_case = isinstance(item.subject, Case)
        existing = have.get((item.subject.id, None) if is_case else (None, item.subject.id))
        if existing is not None and existing.note == item.note:
            continue
        if existing is not None and not context.options.overwrite:
            _conflict(context, "teaching set note", f"{label} / {item.name}", existing)
            continue
        try:
            overridden = guard({"note": item.note}, item.accepted, actor=context.actor)
        except IdentifiersFound as exc:
            raise exc.within(item.where) from None
        changed = True
        if existing is not None:
            existing.note = item.note
            remember_overrides(existing, overridden, actor=context.actor, fields=["note"])
            record(
                context.actor,
                "teaching_set.note_changed",
                teaching_set,
                item_id=existing.id,
                imported=True,
            )
            continue
        if len(teaching_set.items) >= ITEMS_MAX:
            raise RecordProblem("items", f"a set holds at most {ITEMS_MAX} items")
        last += 1
        added = TeachingSetItem(note=item.note, position=last)
        subject_id: dict[str, Any]
        if isinstance(item.subject, Case):
            added.case, subject_id = item.subject, {"case_id": item.subject.id}
        else:
            added.recommendation = item.subject
            subject_id = {"recommendation_id": item.subject.id}
        if item.added_at is not None:
            added.added_at = item.added_at
        teaching_set.items.append(added)
        db.session.flush()
        remember_overrides(added, overridden, actor=context.actor, new=True)
        record(context.actor, "teaching_set.item_added", teaching_set, imported=True, **subject_id)
    return changed


IMPORTERS: dict[str, Importer] = {
    "topics": _import_topic,
    "programs": _import_program,
    "accounts": _import_account,
    "sessions": _import_session,
    "practices": _import_practice,
    "saved_searches": _import_saved_search,
    "teaching_sets": _import_teaching_set,
}
