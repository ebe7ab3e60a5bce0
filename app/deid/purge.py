"""Purging a text span found to carry an identifier from every place it lives.

The span is replaced by `[REDACTED]` in the case, its review comments, its recommendations
and every kept version of them, their annotations, outcomes recorded on them, what users
wrote about them elsewhere (evidence notes on them or on a session the case was on, those
sessions, best practices drawn from them or from those sessions with their versions and
endorsement notes, dissents, outdated-advice notes, teaching sets, the proposed topics
typed into it), any notification quoting it and any saved search holding it. The search
documents are rebuilt through the outbox and the index is merged so no segment keeps the
old postings. The database is then made to drop the old bytes: on SQLite every connection
runs with `secure_delete` (freed space is zeroed) and the WAL is checkpointed and truncated;
on PostgreSQL the touched tables are rewritten by VACUUM FULL (a plain VACUUM only marks
dead tuples reusable; their bytes stay in the page). The audit event says who, when, where
and why, never the text.
"""

from __future__ import annotations

import enum
import logging
import re
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from flask import current_app
from sqlalchemy import inspect, or_, select

from app.audit.operations import record
from app.auth import policy
from app.auth.policy import Actor
from app.cases.models import Case
from app.deid import ledger
from app.errors import ValidationError
from app.extensions import db
from app.notifications.models import Notification
from app.practices.groups import forget_terms

log = logging.getLogger(__name__)

REDACTED = "[REDACTED]"
MIN_LENGTH = 3  # shorter spans would match far more than the identifier
INDEX_WAIT_SECONDS = 600.0  # for a rebuild under way to finish


class PurgeReason(enum.StrEnum):
    IDENTIFIER = "identifier"  # a patient identifier slipped past the gate
    CONSENT = "consent"  # the patient or presenter withdrew consent for this detail
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "identifier": "Carries a patient identifier",
            "consent": "Consent withdrawn for this detail",
            "other": "Other",
        }[self.value]


# Text fields of a case that a span can be taken from (by offsets).
CASE_FIELDS = ("title", "question", "presentation")


@dataclass
class PurgeResult:
    places: list[str] = field(default_factory=list)  # "table.column" per replaced value
    occurrences: int = 0
    tables: set[str] = field(default_factory=set)
    database_clean: bool = True  # False: the WAL could not be truncated yet (readers)
    index_clean: bool = True  # False: a rebuild outlasted the wait; purge again after it
    ledger_error: str | None = None  # the ledger could not be written: where, and why
    # topic id → the fields of it the purge rewrote (a proposed topic's name, its slug …),
    # for the topic's own trail
    topics: dict[int, set[str]] = field(default_factory=dict)

    def leftovers(self) -> list[str]:
        """What still holds the text, for the CLI and the web page alike."""
        notes = []
        if not self.database_clean:
            notes.append(
                "The SQLite WAL is still being read; it is truncated at the next checkpoint."
            )
        if not self.index_clean:
            notes.append("The search index was being rebuilt or is not live: run the purge again.")
        if self.ledger_error:
            notes.append(
                f"The purge ledger could not be written: {self.ledger_error}. A restore of a "
                "backup taken before this purge would bring the text back; fix the file and "
                "run the purge again."
            )
        return notes


def purge_span(
    case: Case, field_name: str, start: Any, end: Any, *, reason: Any, actor: Actor
) -> PurgeResult:
    """Purge the text at `start:end` of the case's `field_name` everywhere it lives."""
    policy.require_purge_text(actor)
    if field_name not in CASE_FIELDS:
        raise ValidationError(f"field must be one of {', '.join(CASE_FIELDS)}.", field="field")
    value = getattr(case, field_name) or ""
    try:
        first, last = int(start), int(end)
    except (TypeError, ValueError):
        raise ValidationError("start and end must be whole numbers.", field="start") from None
    if not 0 <= first < last <= len(value):
        raise ValidationError(
            f"start and end must lie within the field (0 to {len(value)}).", field="start"
        )
    return purge_text(
        case, value[first:last], reason=reason, actor=actor, where=(field_name, first, last)
    )


def purge_text(
    case: Case,
    text: Any,
    *,
    reason: Any,
    actor: Actor,
    where: tuple[str, int, int] | None = None,
) -> PurgeResult:
    """Replace every occurrence of `text` in the case and what hangs on it by [REDACTED],
    commit, then erase the old bytes from the index and the database files."""
    policy.require_purge_text(actor)
    text = text if isinstance(text, str) else ""
    if len(text.strip()) < MIN_LENGTH:
        raise ValidationError(
            f"text must be at least {MIN_LENGTH} characters (the exact span to purge).",
            field="text",
        )
    try:
        category = PurgeReason(reason)
    except ValueError:
        choices = ", ".join(r.value for r in PurgeReason)
        raise ValidationError(f"reason must be one of {choices}.", field="reason") from None

    # Writers adding text under the case (annotations, recommendations and their edits)
    # hold its row in share mode until they commit: the purge waits for them, then reads
    # what they wrote (PostgreSQL; SQLite's writers take turns anyway).
    db.session.execute(select(Case.id).where(Case.id == case.id).with_for_update())
    db.session.expire_all()
    result = _scrub_case(case, text)
    if not result.occurrences:
        raise ValidationError("text was not found in this case.", field="text")

    details: dict[str, Any] = {
        "reason": category.value,
        "occurrences": result.occurrences,
        "places": sorted(set(result.places)),
    }
    if where is not None:
        details.update(field=where[0], start=where[1], end=where[2])
    record(actor, "text.purged", case, **details)
    _record_topics(actor, "topic.text_purged", result, reason=category.value)
    try:
        ledger.append(
            case_id=case.id,
            actor_id=actor.id,
            reason=category.value,
            text=text,
            occurrences=result.occurrences,
            places=details["places"],
            where=where,
        )
    except OSError as exc:
        # The purge matters more than its record: it goes ahead and the admin is told.
        result.ledger_error = f"{ledger.ledger_path()} ({exc.strerror or type(exc).__name__})"
        log.error("purge: the purge ledger could not be written (errno %s)", exc.errno)
    db.session.commit()
    erase_leftovers(result)
    return result


def _holders(case: Case) -> Iterator[tuple[Any, tuple[str, ...], bool]]:
    """Each object tied to the case that may quote its text, with the attributes that may,
    and whether only whole words are replaced there (see `_kept_about`)."""
    yield case, ("title", "question", "presentation", "fields"), False
    for comment in case.review_comments:
        yield comment, ("body",), False
    for recommendation in case.recommendations:
        yield recommendation, ("body", "references"), False
        for version in recommendation.versions:
            yield version, ("body", "references"), False
        for annotation in recommendation.annotations:
            yield annotation, ("body", "references"), False
        for outcome in recommendation.outcomes:
            yield outcome, ("note",), False
    for outcome in case.outcomes:
        yield outcome, ("note",), False
    for kept, whole_words in _kept_about(case):
        yield kept, _KEPT_TEXTS[kept.__tablename__], whole_words


def _record_topics(actor: Actor | None, action: str, result: PurgeResult, **details: Any) -> None:
    """Each topic the purge rewrote has it in its own trail too, by the names of the fields
    rewritten alone (its old name spells the text)."""
    for topic_id, fields in sorted(result.topics.items()):
        record(
            actor,
            action,
            entity_type="topics",
            entity_id=topic_id,
            fields=",".join(sorted(fields)),
            **details,
        )


def _scrub_case(case: Case, text: str) -> PurgeResult:
    """Replace `text` by [REDACTED] in the case, what hangs on it and the notifications
    quoting it, in the session (not committed)."""
    result = PurgeResult()

    def scrub(obj: Any, names: tuple[str, ...], whole_words: bool = False) -> None:
        for name in names:
            value = getattr(obj, name)
            cleaned, count = _scrub_value(value, text, whole_words)
            if count:
                setattr(obj, name, _within_length(obj, name, cleaned))
                result.places.append(f"{obj.__tablename__}.{name}")
                result.tables.add(obj.__tablename__)
                result.occurrences += count
                if obj.__tablename__ == "topics":
                    result.topics.setdefault(obj.id, set()).add(name)

    holders = list(_holders(case))
    for holder, names, whole_words in holders:
        scrub(holder, names, whole_words)
    if "recommendations" in result.tables:
        # the claim stems of a rewritten body are rewritten with it (app/practices/claim_terms.py):
        # the old rows' bytes must go too
        result.tables.add("recommendation_terms")
    if {"cases.title", "cases.question"} & set(result.places) or "topics" in result.tables:
        # the terms kept with the question groups spell the case's words and its topics'
        # slugs (app/practices/groups.py): emptied, and the old bytes rewritten
        forget_terms(db.session.connection(), None if "topics" in result.tables else {case.id})
        result.tables.add("question_group_members")
    if "topics" in result.tables:
        # a topic's name and synonym keys are rewritten with them (app/programs/terms.py)
        result.tables.add("topic_terms")
    renamed = _renamed_topics([h for h, _, _ in holders if h.__tablename__ == "topics"])
    for topic in (h for h, _, _ in holders if h.__tablename__ == "topics"):
        if topic.id in result.topics and inspect(topic).attrs["slug"].history.has_changes():
            result.topics[topic.id].add("slug")  # it spelled the text too
    for notification in db.session.scalars(
        select(Notification).where(
            or_(
                Notification.message.contains(text, autoescape=True),
                # the news naming a practice without its successor quotes the practice too
                Notification.partial_message.contains(text, autoescape=True),
            )
        )
    ):
        scrub(notification, ("message", "partial_message"))
    _scrub_saved_searches(text, renamed, result)
    return result


def _renamed_topics(topics: list[Any]) -> dict[str, str]:
    """Give each proposed topic whose name lost words a name no other topic has and a slug
    of it (the old slug spells the text too); the old slug → the new one."""
    from app.common import text_key
    from app.programs.models import Topic
    from app.programs.operations import free_slugs, topic_slug_candidates

    changed = [t for t in topics if inspect(t).attrs["name"].history.has_changes()]
    old_slugs = {t.id: t.slug for t in changed}
    # Names and slugs given here are not in the database yet: two topics renamed by one
    # purge ("Ann Lee", "Ann Lee.") must not be given the same one.
    given: set[str] = set()
    with db.session.no_autoflush:  # a name another topic has must not reach the database
        for topic in changed:
            base, number = topic.name, 1
            while text_key(topic.name) in given or db.session.scalar(
                select(Topic.id).where(Topic.name_key == text_key(topic.name), Topic.id != topic.id)
            ):
                number += 1
                suffix = f" ({number})"
                topic.name = f"{base[: 120 - len(suffix)]}{suffix}"
            given.add(text_key(topic.name))
        moving = [t for t in changed if t.slug != next(topic_slug_candidates(t.name))]
        # one call: free_slugs never gives a slug twice in its list
        for topic, slug in zip(moving, free_slugs([t.name for t in moving]), strict=True):
            topic.slug = slug
    return {old_slugs[t.id]: t.slug for t in changed}


def _scrub_saved_searches(text: str, renamed: dict[str, str], result: PurgeResult) -> None:
    """A saved search (anyone's) loses the text's whole words from its name and from each of
    its query's parameters, and its topic filter follows a proposed topic renamed by the
    purge; the query stays a query string, as `normalise_query` keeps it."""
    from urllib.parse import parse_qsl, quote_plus, urlencode

    from app.teaching.models import SavedSearch

    wanted = [SavedSearch.name.contains(text, autoescape=True)]
    for spelled in {text, quote_plus(text)}:
        wanted.append(SavedSearch.query.contains(spelled, autoescape=True))
    for slug in renamed:
        wanted.append(SavedSearch.query.contains(f"topic={slug}", autoescape=True))
    for saved in db.session.scalars(select(SavedSearch).where(or_(*wanted))):
        name, in_name = _scrub_value(saved.name, text, whole_words=True)
        pairs, in_query = [], 0
        for key, value in parse_qsl(saved.query, keep_blank_values=True):
            if key == "topic" and value in renamed:
                pairs.append((key, renamed[value]))
                in_query += 1
                continue
            cleaned, count = _scrub_value(value, text, whole_words=True)
            pairs.append((key, cleaned))
            in_query += count
        for place, count in (("name", in_name), ("query", in_query)):
            if count:
                result.places.append(f"saved_searches.{place}")
                result.tables.add("saved_searches")
                result.occurrences += count
        if in_name:
            saved.name = _within_length(saved, "name", name)
        if in_query:
            saved.query = urlencode(pairs)


@dataclass
class ReapplyReport:
    """What re-applying the ledger after a restore did."""

    ledger: Path
    found: bool  # False: there is no ledger, so nothing could be re-applied
    entries: int = 0  # ledger entries read: every one is tried
    reapplied: int = 0  # of those, purges whose text the restored data still held
    nothing_found: int = 0  # their text is not in the restored data (purged before the backup)
    occurrences: int = 0
    unmatched_key: int = 0  # made under a key this instance does not hold: cannot be matched
    bad_lines: list[int] = field(default_factory=list)  # lines that are not ledger entries
    read_error: str | None = None  # the ledger could not be read: why

    @property
    def complete(self) -> bool:
        """Every purge recorded was tried (no ledger at all is said apart, by `found`)."""
        return not (self.bad_lines or self.unmatched_key or self.read_error)


def reapply_ledger() -> ReapplyReport:
    """Re-apply every purge in the ledger to the restored data: the text, found by its keyed
    hash in the case and what hangs on it, becomes [REDACTED] again.

    Every entry is tried, not only those dated after the backup: a purge made while a
    backup ran is dated before the backup's time yet its snapshot may hold the text. An
    entry whose text is not there changes nothing. A case's texts (recommendations, versions,
    comments … included) are searched once for all its entries: one HMAC per character per
    distinct length among them."""
    path = ledger.ledger_path()
    report = ReapplyReport(ledger=path, found=path.is_file())
    if not report.found:
        return report
    try:
        read = ledger.read(path)
    except OSError as exc:
        report.read_error = exc.strerror or type(exc).__name__
        log.error("restore: the purge ledger could not be read (errno %s)", exc.errno)
        return report
    report.bad_lines = read.bad_lines
    usable = []
    for _number, entry in read.entries:
        report.entries += 1
        if ledger.can_match(entry):
            usable.append(entry)
        else:
            report.unmatched_key += 1
    # Notifications quoting a text are scrubbed wherever they are, so all are searched: in
    # one pass for every entry that reached them, not one pass per entry.
    quoted = [entry for entry in usable if "notifications.message" in entry.places]
    in_notifications = (
        ledger.find_texts(
            db.session.scalars(select(Notification.message).execution_options(yield_per=1000)),
            quoted,
        )
        if quoted
        else {}
    )
    by_case: dict[int, list[ledger.LedgerEntry]] = {}
    for entry in usable:
        by_case.setdefault(entry.case_id, []).append(entry)
    total = PurgeResult()
    for case_id, case_entries in by_case.items():
        case = db.session.get(Case, case_id)
        if case is None:  # made after the backup: it holds nothing to purge
            report.nothing_found += len(case_entries)
            continue
        # One search of the case for all its entries, before any is scrubbed: a text an
        # earlier entry's scrub took away then replaces nothing, as if searched after it.
        values = (getattr(h, n) for h, names, _ in _holders(case) for n in names)
        in_case = ledger.find_texts(values, case_entries)
        for entry in case_entries:
            text = in_case.get(entry.digest) or in_notifications.get(entry.digest)
            result = _scrub_case(case, text) if text else PurgeResult()
            if not result.occurrences:
                report.nothing_found += 1
                continue
            record(
                None,
                "text.purge_reapplied",
                case,
                reason=entry.reason,
                occurrences=result.occurrences,
                places=sorted(set(result.places)),
                purged_at=entry.at,
            )
            _record_topics(
                None,
                "topic.text_purge_reapplied",
                result,
                reason=entry.reason,
                purged_at=entry.at,
            )
            db.session.commit()
            report.reapplied += 1
            report.occurrences += result.occurrences
            total.tables |= result.tables
    # Searching an entry that found nothing left a read transaction open: VACUUM FULL (and a
    # WAL checkpoint) would wait for its locks.
    db.session.commit()
    if total.tables:
        _erase_database(total)
    return report


# What users wrote about a case outside it: evidence notes on it, its advice or a session
# it was on; those sessions' own title, topic and notes; the best practices drawn from it
# or from such a session (and their kept versions, endorsement notes, other evidence notes
# and the dissents and outdated-advice notes naming them); dissents and outdated-advice
# notes on its recommendations; teaching-set notes on it (and the sets' own title and
# description); its proposed topics (typed into it, not yet reviewed: their name may be the
# text); the presenter of such a session too (a free text, which may name the patient).
_KEPT_TEXTS = {
    "evidence_links": ("note",),
    "sessions": ("title", "didactic_topic", "didactic_presenter", "notes"),
    "topics": ("name", "synonyms", "description"),
    "best_practices": ("title", "statement"),
    "best_practice_versions": ("title", "statement", "reason"),
    "practice_endorsements": ("note",),
    "recommendation_dissents": ("reason",),
    "outdated_advice": ("note",),
    "teaching_set_items": ("note",),
    "teaching_sets": ("title", "description"),
}


def _kept_about(case: Case) -> list[tuple[Any, bool]]:
    """What users wrote about the case elsewhere, and whether only whole words are replaced
    there: the text of a purge is read as an identifier of this case, but a session's notes
    and a practice drawn from the case are the hub's too, where "Ann" must not take "Annual".
    Each object comes once (a text scrubbed twice would count twice, or lose more)."""
    from app.cases.models import CasePresentation
    from app.outdated.models import OutdatedAdvice
    from app.practices.models import (
        BestPractice,
        BestPracticeVersion,
        EvidenceLink,
        PracticeEndorsement,
        RecommendationDissent,
    )
    from app.programs.models import Session, TopicStatus
    from app.teaching.models import TeachingSet, TeachingSetItem

    rec_ids = [r.id for r in case.recommendations]
    # Every session it was on the agenda of: a note there may speak of it.
    session_ids = select(CasePresentation.session_id).where(CasePresentation.case_id == case.id)
    cites_case = or_(EvidenceLink.case_id == case.id, EvidenceLink.recommendation_id.in_(rec_ids))
    # the practices drawn from the case, its advice or a session it was on
    drawn = select(EvidenceLink.practice_id).where(
        or_(cites_case, EvidenceLink.session_id.in_(session_ids))
    )
    items = list(
        db.session.scalars(
            select(TeachingSetItem).where(
                or_(
                    TeachingSetItem.case_id == case.id,
                    TeachingSetItem.recommendation_id.in_(rec_ids),
                )
            )
        )
    )
    sets = db.session.scalars(
        select(TeachingSet).where(TeachingSet.id.in_({i.set_id for i in items}))
    )
    quoting: list[Any] = [
        # an evidence note citing the case or its advice
        *db.session.scalars(select(EvidenceLink).where(cites_case)),
        *db.session.scalars(
            select(RecommendationDissent).where(
                RecommendationDissent.recommendation_id.in_(rec_ids)
            )
        ),
        *db.session.scalars(
            select(OutdatedAdvice).where(OutdatedAdvice.recommendation_id.in_(rec_ids))
        ),
        *items,
        *sets,
    ]
    shared: list[Any] = [
        *db.session.scalars(select(Session).where(Session.id.in_(session_ids))),
        # an evidence note on a session it was on
        *db.session.scalars(select(EvidenceLink).where(EvidenceLink.session_id.in_(session_ids))),
        *db.session.scalars(select(BestPractice).where(BestPractice.id.in_(drawn))),
        # a topic typed into the case and not yet reviewed (other cases may carry it too)
        *(t for t in case.topics if t.status is TopicStatus.PROPOSED),
    ]
    for model in (
        BestPracticeVersion,
        PracticeEndorsement,
        EvidenceLink,
        RecommendationDissent,
        OutdatedAdvice,
    ):
        shared.extend(db.session.scalars(select(model).where(model.practice_id.in_(drawn))))
    kept: dict[tuple[str, int], tuple[Any, bool]] = {}
    for obj, whole_words in [(k, False) for k in quoting] + [(k, True) for k in shared]:
        kept.setdefault((obj.__tablename__, obj.id), (obj, whole_words))
    return list(kept.values())


def _within_length(obj: Any, name: str, value: Any) -> Any:
    """`value` cut to its column's length: "[REDACTED]" can be longer than what it replaces,
    and a title at its limit would otherwise be refused by PostgreSQL (and the purge lost)."""
    limit = getattr(type(obj).__table__.c[name].type, "length", None)
    if isinstance(value, str) and limit is not None and len(value) > limit:
        return value[:limit]
    return value


def _scrub_value(value: Any, text: str, whole_words: bool = False) -> tuple[Any, int]:
    """The value with every `text` replaced (only where it stands as whole words, with
    `whole_words`), and how many were; walks JSON lists and dicts."""
    if isinstance(value, str):
        if whole_words:
            cleaned, count = re.subn(rf"(?<!\w){re.escape(text)}(?!\w)", REDACTED, value)
            return (cleaned, count) if count else (value, 0)
        count = value.count(text)
        return (value.replace(text, REDACTED), count) if count else (value, 0)
    if isinstance(value, list):
        items = [_scrub_value(v, text, whole_words) for v in value]
        count = sum(c for _, c in items)
        return ([v for v, _ in items], count) if count else (value, 0)
    if isinstance(value, dict):
        pairs = {k: _scrub_value(v, text, whole_words) for k, v in value.items()}
        count = sum(c for _, c in pairs.values())
        return ({k: v for k, (v, _) in pairs.items()}, count) if count else (value, 0)
    return value, 0


def erase_leftovers(result: PurgeResult) -> None:
    """After the commit: rebuild the affected search documents, merge the index into one
    segment (dropping deleted documents), and make the database files drop the old bytes."""
    _purge_index(result)
    _erase_database(result)


def _erase_database(result: PurgeResult) -> None:
    engine = db.engine
    if engine.dialect.name == "sqlite":
        # On the driver's connection, outside any transaction (which a checkpoint needs).
        with engine.connect() as conn:
            raw = cast(sqlite3.Connection, conn.connection.driver_connection)
            busy, _log, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        result.database_clean = not busy
        if busy:
            log.warning("purge: the WAL is still read; it is truncated at the next checkpoint")
    elif engine.dialect.name == "postgresql":
        tables = sorted(result.tables)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("SET lock_timeout = '60s'")
            for table in tables:
                conn.exec_driver_sql(f'VACUUM FULL "{table}"')


def _purge_index(result: PurgeResult) -> None:
    """Rebuild the purged documents, merge the live generation into one segment (Whoosh
    keeps deleted documents until a merge) and delete the other generations. A rebuild
    running meanwhile read the old rows: its generation is waited for, then merged too."""
    from app.search.applier import apply_pending
    from app.search.index import index_at

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    if "topics" in result.tables and idx.state().ready:
        # The index keeps the vocabulary's names and synonyms (proposed topics' too) in its
        # schema, written into every table of contents: merging keeps them, so a generation
        # is built with the vocabulary as it is now (the old one is removed below).
        from app.diagnostics import describe_error
        from app.search.upkeep import reindex

        try:
            reindex()
        except Exception as exc:  # noqa: BLE001 - the purge is committed; told, not lost
            result.index_clean = False
            log.warning("purge: the search index could not be rebuilt (%s)", describe_error(exc))
            return
    deadline = time.monotonic() + INDEX_WAIT_SECONDS
    while True:
        apply_pending(app)
        with idx.apply_lock():
            generation = idx.current_generation() if idx.state().ready else None
            if generation is not None:
                idx.writer(generation).commit(optimize=True)
                idx.remove_other_generations()
            building = idx.live_builds()
        if not building:
            if generation is None:  # foreign or outdated: `casebook index verify --repair`
                result.index_clean = False
                log.warning("purge: the search index is not live; rebuild it to finish")
            return
        if time.monotonic() > deadline:
            result.index_clean = False
            log.warning("purge: the search index is still being rebuilt; purge again after")
            return
        time.sleep(1.0)
