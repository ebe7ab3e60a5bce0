"""Search documents built from the database: what each entity looks like in the index.

Each document stores enough to render a result without the database (title, url, program,
topics, date, the text for snippets) and carries its audience (see permissions.py).
Entities are addressed by keys ("case", 12); `documents_for` turns keys into the documents
to write and the keys to delete, so applying a change is always "rebuild from the database".
Which kinds there are, which model changes queue them and how each is loaded is declared
once per kind, in INDEXED.

A best practice is open to everyone unless all its evidence lies in private programs (then it
carries every one of them, as policy.can_view_practice reads it). Its evidence notes are about
sessions, cases and recommendations that may not be open: each note is a document of its own
("evidence"), with the audience of what it cites, so it neither matches nor shows in a snippet
for a reader who may not see that. It is rebuilt with the practice and with what it cites (its
case's tree, its recommendation, its session), whose changes (privacy, status, publication)
move its audience.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import selectinload

from app.auth import policy
from app.cases.models import Case, CasePresentation
from app.common import today
from app.extensions import db
from app.practices.models import BestPractice, BestPracticeVersion, EvidenceLink
from app.programs.models import Program, Session, Topic
from app.recommendations.models import Annotation, Recommendation, RecommendationStatus
from app.search.permissions import case_restrictions

BATCH = 200


@dataclass
class Changes:
    upserts: list[dict[str, Any]] = field(default_factory=list)
    delete_keys: set[str] = field(default_factory=set)
    # (field, value) terms whose documents go unless re-added in `upserts`.
    delete_terms: set[tuple[str, str]] = field(default_factory=set)


def _day(value: date | datetime | None) -> int | None:
    if value is None:
        return None
    return value.year * 10000 + value.month * 100 + value.day


def _fields_text(fields: dict[str, Any] | None, *, labels: bool = False) -> str:
    parts = []
    for key, value in (fields or {}).items():
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        name = key.replace("_", " ")
        parts.append(f"{name.capitalize() if labels else name}: {value}")
    return "\n".join(parts)


# The labels the stored text has and the indexed text has not (field names are in both).
ADDED_LABELS = re.compile(r"^(?:Question|Presentation|Topics|References):", re.MULTILINE)


def without_added_labels(stored: str) -> str:
    """Stored text as it was indexed, for analysing it again (similar cases)."""
    return ADDED_LABELS.sub("", stored)


def _labelled(label: str, text: str | None, *, block: bool = False) -> str:
    """A part of the text shown in snippets, under its field label (see build_snippet); a
    block (Markdown with headings of its own) starts on the line after its label."""
    if not text:
        return ""
    return f"{label}:\n{text}" if block else f"{label}: {text}"


def _finish(doc: dict[str, Any]) -> dict[str, Any]:
    doc = {k: v for k, v in doc.items() if v not in (None, "")}
    payload = json.dumps(doc, sort_keys=True, default=str).encode()
    doc["digest"] = hashlib.sha1(payload, usedforsecurity=False).hexdigest()[:16]
    if "content" in doc:
        # Its words are the spelling dictionary's (spelling.py): the same text, not stored.
        doc["spell"] = doc["content"]
    return doc


def _program_fields(program: Program) -> dict[str, Any]:
    return {
        "program": program.slug,
        "program_name": program.name,
        "private_program": str(program.id) if program.private else None,
    }


def _topics(topics: Iterable[Topic]) -> dict[str, Any]:
    """The topics a document is filed under: its own and their broader ones (a case tagged
    "Buprenorphine" is found by the filter "Opioid use disorder" and counted in its facet);
    the names shown are its own."""
    topics = list(topics)
    slugs: dict[str, None] = {}
    for topic in topics:
        seen: set[int] = set()
        node: Topic | None = topic
        while node is not None and node.id not in seen:  # a cycle must not hang indexing
            seen.add(node.id)
            slugs.setdefault(node.slug, None)
            node = node.parent
    return {
        "topics": ",".join(slugs),
        "topic_names": [t.name for t in topics],
    }


def _with_narrower(dbs: Any, topic_ids: Iterable[int]) -> set[int]:
    """The topics and every topic under them (whose documents name them as broader)."""
    children: dict[int, list[int]] = {}
    for topic_id, parent_id in dbs.execute(select(Topic.id, Topic.parent_id)).all():
        if parent_id is not None:
            children.setdefault(parent_id, []).append(topic_id)
    found: set[int] = set()
    stack = list(topic_ids)
    while stack:
        topic_id = stack.pop()
        if topic_id not in found:
            found.add(topic_id)
            stack.extend(children.get(topic_id, ()))
    return found


def case_date(case: Case) -> date | datetime:
    sessions = [p.session.date for p in case.presentations if p.session is not None]
    return min(sessions) if sessions else case.created_at


def case_document(case: Case) -> dict[str, Any]:
    when = case_date(case)
    topic_names = [t.name for t in case.topics]
    restrict = case_restrictions(case.status)
    return _finish(
        {
            "key": f"case:{case.id}",
            "type": "case",
            "entity_id": case.id,
            "case_id": str(case.id),
            "ref": case.ref,
            "url": f"/cases/{case.id}",
            # The title field is scored with a boost: the case's question is indexed with
            # it (it says what the case is about as well as the title does); the title
            # alone is stored for display.
            "title": f"{case.title}\n{case.question}" if case.question else case.title,
            "_stored_title": case.title,
            "content": "\n\n".join(
                p
                for p in (
                    case.title,
                    case.question,
                    case.presentation,
                    _fields_text(case.fields),
                    ", ".join(topic_names),
                )
                if p
            ),
            # Stored for snippets and phrase checks: the same text with its field labels.
            "_stored_content": "\n\n".join(
                p
                for p in (
                    case.title,
                    _labelled("Question", case.question),
                    _labelled("Presentation", case.presentation, block=True),
                    _fields_text(case.fields, labels=True),
                    _labelled("Topics", ", ".join(topic_names)),
                )
                if p
            ),
            "case_group": case.id,
            **_topics(case.topics),
            **_program_fields(case.program),
            "status": str(case.status),
            "year": when.year,
            "date": _day(when),
            "restrict": ",".join(restrict),
            "owner": str(case.presenter_id) if case.presenter_id else None,
        }
    )


def recommendation_document(rec: Recommendation) -> dict[str, Any]:
    case = rec.case
    when = rec.published_at or rec.created_at
    restrict = case_restrictions(case.status)
    if rec.status is not RecommendationStatus.PUBLISHED:
        restrict = [*restrict, "hidden"]
    return _finish(
        {
            "key": f"recommendation:{rec.id}",
            "type": "recommendation",
            "entity_id": rec.id,
            "case_id": str(case.id),
            "recommendation_id": str(rec.id),
            "ref": case.ref,
            "url": f"/cases/{case.id}#rec-{rec.id}",
            "title": f"Recommendation {rec.position}: {case.title}",
            # The recommendation first, then the case's question it answers (its context).
            "content": "\n\n".join(
                p
                for p in (
                    rec.body,
                    "\n".join(rec.references or []),
                    str(rec.category),
                    case.question,
                )
                if p
            ),
            "_stored_content": "\n\n".join(
                p
                for p in (
                    rec.body,
                    _labelled("References", "; ".join(rec.references or [])),
                    _labelled("Question", case.question),
                )
                if p
            ),
            "category": str(rec.category),
            "case_group": case.id,
            **_topics(case.topics),
            **_program_fields(case.program),
            "status": str(rec.status),
            "year": when.year,
            "date": _day(when),
            "restrict": ",".join(restrict),
            "owner": str(case.presenter_id) if case.presenter_id else None,
        }
    )


def annotation_document(note: Annotation) -> dict[str, Any]:
    rec = note.recommendation
    case = rec.case
    restrict = case_restrictions(case.status)
    if rec.status is not RecommendationStatus.PUBLISHED:
        restrict = [*restrict, "hidden"]
    return _finish(
        {
            "key": f"annotation:{note.id}",
            "type": "annotation",
            "entity_id": note.id,
            "case_id": str(case.id),
            "recommendation_id": str(rec.id),
            "ref": case.ref,
            "url": f"/cases/{case.id}#rec-{rec.id}",
            "title": f"{str(note.kind).capitalize()} on recommendation {rec.position}: "
            f"{case.title}",
            "content": "\n\n".join(p for p in (note.body, "\n".join(note.references or [])) if p),
            "_stored_content": "\n\n".join(
                p
                for p in (note.body, _labelled("References", "; ".join(note.references or [])))
                if p
            ),
            "case_group": case.id,
            **_topics(case.topics),
            **_program_fields(case.program),
            "status": str(note.kind),
            "year": note.created_at.year,
            "date": _day(note.created_at),
            "restrict": ",".join(restrict),
            "owner": str(case.presenter_id) if case.presenter_id else None,
        }
    )


def _practice_programs(practice: BestPractice) -> str | None:
    """A practice whose evidence all lies in private programs is theirs
    (policy.can_view_practice): it carries every one of them as its `private_program`, and
    the members of any find it, as they may open its page (permissions.mask_docs)."""
    programs = policy.evidence_programs(practice)
    if not programs or any(not p.private for p in programs):
        return None
    return ",".join(str(i) for i in sorted({p.id for p in programs}))


def practice_document(practice: BestPractice) -> dict[str, Any]:
    """The practice as its readers see it: title and statement. Its evidence notes are
    documents of their own (`evidence_document`), each with its own audience."""
    return _finish(
        {
            "key": f"practice:{practice.id}",
            "type": "practice",
            "entity_id": practice.id,
            "practice_id": str(practice.id),
            "url": f"/practices/{practice.id}",
            "title": practice.title,
            "content": "\n\n".join([practice.title, practice.statement]),
            **_topics(practice.topics),
            "status": str(practice.status),
            "year": practice.updated_at.year,
            "date": _day(practice.updated_at),
            "private_program": _practice_programs(practice),
        }
    )


def evidence_document(link: EvidenceLink) -> dict[str, Any] | None:
    """An evidence note, seen by those who may see what it cites (None: no note to index).

    A session's note goes with its program; a case's with the case (program, status,
    presenter); a recommendation's with the recommendation (its case's, and hidden while it
    is unpublished): the rules of permissions.py, as for the cited documents themselves."""
    if not link.note:
        return None
    practice = link.practice
    fields: dict[str, Any]
    if link.session is not None:
        session = link.session
        fields = {**_program_fields(session.program), "session_id": str(session.id)}
    else:
        rec = link.recommendation
        if link.case is not None:
            case = link.case
        else:
            assert rec is not None  # evidence names a session, a case or a recommendation
            case = rec.case
        if case.withdrawn_at is not None:
            return None
        restrict = case_restrictions(case.status)
        if rec is not None and rec.status is not RecommendationStatus.PUBLISHED:
            restrict = [*restrict, "hidden"]
        fields = {
            **_program_fields(case.program),
            "case_id": str(case.id),
            "recommendation_id": str(rec.id) if rec is not None else None,
            "restrict": ",".join(restrict),
            "owner": str(case.presenter_id) if case.presenter_id else None,
        }
    return _finish(
        {
            "key": f"evidence:{link.id}",
            "type": "evidence",
            "entity_id": link.id,
            "practice_id": str(practice.id),
            "url": f"/practices/{practice.id}#timeline",
            "title": f"Evidence for {practice.title}",
            "content": link.note,
            **_topics(practice.topics),
            **fields,
            "status": str(practice.status),
            "year": link.created_at.year,
            "date": _day(link.created_at),
        }
    )


def _evidence_documents(links: Iterable[EvidenceLink]) -> list[dict[str, Any]]:
    return [doc for link in links if (doc := evidence_document(link)) is not None]


def _practice_evidence_options():
    """What `_practice_programs` reads of a practice's evidence, loaded with the practices."""
    evidence = selectinload(BestPractice.evidence)
    return (
        evidence.selectinload(EvidenceLink.session).selectinload(Session.program),
        evidence.selectinload(EvidenceLink.case).selectinload(Case.program),
        evidence.selectinload(EvidenceLink.recommendation)
        .selectinload(Recommendation.case)
        .selectinload(Case.program),
    )


def _evidence_options():
    return (
        selectinload(EvidenceLink.practice).selectinload(BestPractice.topics),
        selectinload(EvidenceLink.session).selectinload(Session.program),
        selectinload(EvidenceLink.case).selectinload(Case.program),
        selectinload(EvidenceLink.recommendation)
        .selectinload(Recommendation.case)
        .selectinload(Case.program),
    )


def _links_citing(dbs: Any, clause: Any) -> list[EvidenceLink]:
    return list(dbs.scalars(select(EvidenceLink).where(clause).options(*_evidence_options())))


def session_document(session: Session) -> dict[str, Any]:
    program = session.program
    return _finish(
        {
            "key": f"session:{session.id}",
            "type": "session",
            "entity_id": session.id,
            "url": f"/programs/{program.slug}/sessions/{session.number}",
            "title": session.title,
            "content": "\n\n".join(
                p
                for p in (
                    session.title,
                    session.didactic_topic,
                    session.didactic_presenter,
                    session.notes,
                    ", ".join(t.name for t in session.topics),
                )
                if p
            ),
            **_topics(session.topics),
            **_program_fields(program),
            "status": "held" if session.date <= today() else "scheduled",
            "year": session.date.year,
            "date": _day(session.date),
        }
    )


# ---------------------------------------------------------------- loading


def _case_options():
    return (
        selectinload(Case.program),
        selectinload(Case.topics),
        selectinload(Case.presentations).selectinload(CasePresentation.session),
        selectinload(Case.recommendations).selectinload(Recommendation.annotations),
    )


def case_tree_documents(case: Case, evidence: Iterable[EvidenceLink] = ()) -> list[dict[str, Any]]:
    """A case with its recommendations and their annotations (they carry its context), and
    the evidence notes citing any of them (`evidence`: those links). A withdrawn case has
    none: it leaves the index (its stale tree is deleted by its `case_id` term)."""
    if case.withdrawn_at is not None:
        return []
    docs = [case_document(case)]
    for rec in case.recommendations:
        docs.append(recommendation_document(rec))
        docs.extend(annotation_document(n) for n in rec.annotations)
    docs.extend(_evidence_documents(evidence))
    return docs


def _evidence_for_cases(dbs: Any, cases: list[Case]) -> dict[int, list[EvidenceLink]]:
    """The evidence links citing each case or one of its recommendations, by case id."""
    case_ids = [c.id for c in cases]
    rec_case = {r.id: c.id for c in cases for r in c.recommendations}
    clause: ColumnElement[bool] = EvidenceLink.case_id.in_(case_ids)
    if rec_case:
        clause = clause | EvidenceLink.recommendation_id.in_(list(rec_case))
    out: dict[int, list[EvidenceLink]] = {}
    for link in _links_citing(dbs, clause):
        case_id = link.case_id if link.case_id is not None else rec_case[link.recommendation_id]  # type: ignore[index]
        out.setdefault(case_id, []).append(link)
    return out


def _chunks(ids: list[int], size: int = BATCH) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# ---------------------------------------------------------------- what is indexed
#
# Each kind of outbox key is one entry of INDEXED, in this order: which models' changes
# queue it, which other keys it reaches (a program's or topic's documents), how its
# documents are brought in step with the database, how all of them are read for a rebuild,
# and which table counts them. A new searchable entity is a document builder above and one
# entry here.


@dataclass(frozen=True)
class Change:
    """An ORM object flushed in a session: new, changed or deleted."""

    obj: Any
    new: bool = False
    deleted: bool = False


@dataclass(frozen=True)
class Watch:
    """Changes to `model` queue the key (kind, `entity_id(change)`); None queues nothing."""

    model: type
    entity_id: Callable[[Change], int | None]


@dataclass(frozen=True)
class Indexed:
    kind: str
    watches: tuple[Watch, ...] = ()
    # (session, ids of this kind, all wanted ids by kind, changes): adds the ids of other
    # kinds whose documents these reach (their writes come later in INDEXED).
    reaches: Callable[[Any, set[int], dict[str, set[int]], Changes], None] | None = None
    # (session, ids, changes): the documents of these ids as the database has them now.
    write: Callable[[Any, set[int], Changes], None] | None = None
    # (session, batch): every document of this kind, for a rebuild.
    stream: Callable[[Any, int], Iterator[dict[str, Any]]] | None = None
    counted: type | None = None  # its table, for a rebuild's progress


def _changed(obj: Any, names: Iterable[str]) -> bool:
    state = sa_inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in names)


def _own_id(change: Change) -> int | None:
    return change.obj.id


def _program_change(change: Change) -> int | None:
    """Privacy, name and slug reach every document under the program."""
    if change.new:
        return None  # nothing indexed refers to it yet
    if change.deleted or _changed(change.obj, ("private", "name", "slug")):
        return change.obj.id
    return None


def _topic_change(change: Change) -> int | None:
    """Renames and moves reach every document under the topic and its narrower ones."""
    if change.new or change.deleted:
        return None
    if _changed(change.obj, ("name", "slug", "synonyms", "parent_id")):
        return change.obj.id
    return None


def _program_reaches(
    dbs: Any, ids: set[int], wanted: dict[str, set[int]], changes: Changes
) -> None:
    # Program changes (privacy, name) reach every document under them.
    for program_id in ids:
        wanted.setdefault("case", set()).update(
            dbs.scalars(select(Case.id).where(Case.program_id == program_id))
        )
        wanted.setdefault("session", set()).update(
            dbs.scalars(select(Session.id).where(Session.program_id == program_id))
        )
        wanted.setdefault("practice", set()).update(_practices_citing_program(dbs, program_id))
        changes.delete_terms.add(("private_program", str(program_id)))


def _practices_citing_program(dbs: Any, program_id: int) -> set[int]:
    """The practices with evidence in the program (whose privacy decides their audience)."""
    by_session = (
        select(EvidenceLink.practice_id)
        .join(Session, Session.id == EvidenceLink.session_id)
        .where(Session.program_id == program_id)
    )
    by_case = (
        select(EvidenceLink.practice_id)
        .join(Case, Case.id == EvidenceLink.case_id)
        .where(Case.program_id == program_id)
    )
    by_recommendation = (
        select(EvidenceLink.practice_id)
        .join(Recommendation, Recommendation.id == EvidenceLink.recommendation_id)
        .join(Case, Case.id == Recommendation.case_id)
        .where(Case.program_id == program_id)
    )
    return set(dbs.scalars(by_session.union(by_case, by_recommendation)))


def _topic_reaches(dbs: Any, ids: set[int], wanted: dict[str, set[int]], changes: Changes) -> None:
    # Topic renames and moves reach every document under them (a move changes the broader
    # topics of the documents under its narrower ones too).
    from app.cases.models import case_topics
    from app.practices.models import practice_topics
    from app.programs.models import session_topics

    for topic_id in _with_narrower(dbs, ids) if ids else ():
        topic = dbs.get(Topic, topic_id)
        if topic is None:
            continue
        wanted.setdefault("case", set()).update(
            dbs.scalars(select(case_topics.c.case_id).where(case_topics.c.topic_id == topic_id))
        )
        wanted.setdefault("practice", set()).update(
            dbs.scalars(
                select(practice_topics.c.practice_id).where(practice_topics.c.topic_id == topic_id)
            )
        )
        wanted.setdefault("session", set()).update(
            dbs.scalars(
                select(session_topics.c.session_id).where(session_topics.c.topic_id == topic_id)
            )
        )


def _write_annotations(dbs: Any, ids: set[int], changes: Changes) -> None:
    for note_id in ids:
        note = dbs.get(Annotation, note_id)
        if note is None or note.recommendation.case.withdrawn_at is not None:
            changes.delete_keys.add(f"annotation:{note_id}")
        else:
            changes.upserts.append(annotation_document(note))


def _write_cases(dbs: Any, ids: set[int], changes: Changes) -> None:
    for chunk in _chunks(sorted(ids)):
        found = dbs.scalars(select(Case).where(Case.id.in_(chunk)).options(*_case_options())).all()
        evidence = _evidence_for_cases(dbs, list(found))
        for case in found:
            changes.upserts.extend(case_tree_documents(case, evidence.get(case.id, ())))
        for missing in set(chunk) - {c.id for c in found}:
            changes.delete_keys.add(f"case:{missing}")
        for case_id in chunk:  # recommendations since deleted go with the stale tree
            changes.delete_terms.add(("case_id", str(case_id)))


def _write_recommendations(dbs: Any, ids: set[int], changes: Changes) -> None:
    for chunk in _chunks(sorted(ids)):
        found_recs = dbs.scalars(
            select(Recommendation)
            .where(Recommendation.id.in_(chunk))
            .options(
                selectinload(Recommendation.annotations),
                selectinload(Recommendation.case).selectinload(Case.program),
                selectinload(Recommendation.case).selectinload(Case.topics),
            )
        ).all()
        for rec in found_recs:
            if rec.case.withdrawn_at is not None:
                continue  # gone with its case
            changes.upserts.append(recommendation_document(rec))
            changes.upserts.extend(annotation_document(n) for n in rec.annotations)
        changes.upserts.extend(
            _evidence_documents(
                _links_citing(dbs, EvidenceLink.recommendation_id.in_([r.id for r in found_recs]))
            )
        )
        for rec_id in chunk:  # its annotations and the evidence citing it go with it
            changes.delete_terms.add(("recommendation_id", str(rec_id)))


def _write_practices(dbs: Any, ids: set[int], changes: Changes) -> None:
    for chunk in _chunks(sorted(ids)):
        found_practices = dbs.scalars(
            select(BestPractice)
            .where(BestPractice.id.in_(chunk))
            .options(selectinload(BestPractice.topics), *_practice_evidence_options())
        ).all()
        changes.upserts.extend(practice_document(p) for p in found_practices)
        changes.upserts.extend(
            _evidence_documents(_links_citing(dbs, EvidenceLink.practice_id.in_(chunk)))
        )
        for practice_id in chunk:  # the practice and its evidence notes, removed ones too
            changes.delete_terms.add(("practice_id", str(practice_id)))


def _write_sessions(dbs: Any, ids: set[int], changes: Changes) -> None:
    for chunk in _chunks(sorted(ids)):
        found_sessions = dbs.scalars(
            select(Session)
            .where(Session.id.in_(chunk))
            .options(selectinload(Session.program), selectinload(Session.topics))
        ).all()
        changes.upserts.extend(session_document(s) for s in found_sessions)
        changes.upserts.extend(
            _evidence_documents(_links_citing(dbs, EvidenceLink.session_id.in_(chunk)))
        )
        for missing in set(chunk) - {s.id for s in found_sessions}:
            changes.delete_keys.add(f"session:{missing}")
        for session_id in chunk:  # the evidence notes citing it
            changes.delete_terms.add(("session_id", str(session_id)))


def _all_case_trees(dbs: Any, batch: int) -> Iterator[dict[str, Any]]:
    case_ids = list(dbs.scalars(select(Case.id).order_by(Case.id)))
    for chunk in _chunks(case_ids, batch):
        for case in dbs.scalars(select(Case).where(Case.id.in_(chunk)).options(*_case_options())):
            yield from case_tree_documents(case)
        _collect(dbs)


def _all_practices(dbs: Any, batch: int) -> Iterator[dict[str, Any]]:
    for practice in dbs.scalars(
        select(BestPractice).options(
            selectinload(BestPractice.topics), *_practice_evidence_options()
        )
    ):
        yield practice_document(practice)
    _collect(dbs)


def _all_evidence(dbs: Any, batch: int) -> Iterator[dict[str, Any]]:
    link_ids = list(dbs.scalars(select(EvidenceLink.id).order_by(EvidenceLink.id)))
    for chunk in _chunks(link_ids, batch):
        yield from _evidence_documents(_links_citing(dbs, EvidenceLink.id.in_(chunk)))
        _collect(dbs)


def _all_sessions(dbs: Any, batch: int) -> Iterator[dict[str, Any]]:
    for session in dbs.scalars(
        select(Session).options(selectinload(Session.program), selectinload(Session.topics))
    ):
        yield session_document(session)
    _collect(dbs)


def _practice_of(change: Change) -> int | None:
    return change.obj.practice_id or None


def _case_of(change: Change) -> int | None:
    return change.obj.case_id or None


INDEXED: tuple[Indexed, ...] = (
    Indexed("program", (Watch(Program, _program_change),), reaches=_program_reaches),
    Indexed("topic", (Watch(Topic, _topic_change),), reaches=_topic_reaches),
    # An annotation is written alone, or with its recommendation's or case's tree.
    Indexed(
        "annotation", (Watch(Annotation, _own_id),), write=_write_annotations, counted=Annotation
    ),
    # A case with its recommendations, their annotations and the evidence citing them.
    Indexed(
        "case",
        (Watch(Case, _own_id), Watch(CasePresentation, _case_of)),
        write=_write_cases,
        stream=_all_case_trees,
        counted=Case,
    ),
    Indexed(
        "recommendation",
        (Watch(Recommendation, _own_id),),
        write=_write_recommendations,
        counted=Recommendation,
    ),
    Indexed(
        "practice",
        (
            Watch(BestPractice, _own_id),
            Watch(BestPracticeVersion, _practice_of),
            Watch(EvidenceLink, _practice_of),
        ),
        write=_write_practices,
        stream=_all_practices,
        counted=BestPractice,
    ),
    # Evidence notes are written with what they cite and with their practice.
    Indexed("evidence", stream=_all_evidence, counted=EvidenceLink),
    Indexed(
        "session",
        (Watch(Session, _own_id),),
        write=_write_sessions,
        stream=_all_sessions,
        counted=Session,
    ),
)
KINDS = tuple(entry.kind for entry in INDEXED if entry.stream is not None or entry.write)


def keys_for(change: Change) -> list[tuple[str, int]]:
    """The outbox keys a flushed change queues."""
    keys = []
    for entry in INDEXED:
        for watch in entry.watches:
            if isinstance(change.obj, watch.model):
                entity_id = watch.entity_id(change)
                if entity_id is not None:
                    keys.append((entry.kind, entity_id))
    return keys


def documents_for(keys: Iterable[tuple[str, int]], session: Any = None) -> Changes:
    """What to write so the index matches the database for these entities."""
    dbs = session or db.session
    wanted: dict[str, set[int]] = {}
    for kind, entity_id in keys:
        wanted.setdefault(kind, set()).add(int(entity_id))
    changes = Changes()
    for entry in INDEXED:
        ids = wanted.get(entry.kind, set())
        if entry.reaches is not None:
            entry.reaches(dbs, ids, wanted, changes)
        if entry.write is not None and ids:
            entry.write(dbs, ids, changes)
    return changes


@contextmanager
def _collected_between_batches() -> Iterator[None]:
    """The cyclic garbage collector off, run by `_collect` between batches instead.

    Streaming every document makes many reference cycles, so the collector ran every few
    thousand allocations, anywhere inside the ORM's loading. On CPython 3.11 (3.11.2 and
    3.11.7) that killed every 50,000-case rebuild with a segfault after 100,000-300,000
    documents: a reference count raised on a block already freed, on SQLite and PostgreSQL,
    with or without SQLAlchemy's compiled extensions or a second process. With the collector
    run only here, between batches when no load is part-way, the same runs complete and
    memory stays bounded (which object was freed early is not identified). The collector
    is restored as it was, also when the stream is dropped part-way.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _collect(dbs: Any) -> None:
    dbs.expunge_all()
    gc.collect()


def all_documents(batch: int = 500, session: Any = None) -> Iterator[dict[str, Any]]:
    """Every document the database implies, streamed in batches (for reindex and verify)."""
    with _collected_between_batches():
        yield from _all_documents(batch, session)


def _all_documents(batch: int, session: Any) -> Iterator[dict[str, Any]]:
    dbs = session or db.session
    for entry in INDEXED:
        if entry.stream is not None:
            yield from entry.stream(dbs, batch)


def count_entities(session: Any = None) -> int:
    """About how many documents `all_documents` yields (for the progress bar)."""
    from sqlalchemy import func

    total = 0
    for entry in INDEXED:
        if entry.counted is not None:
            total += (session or db.session).scalar(
                select(func.count()).select_from(entry.counted)
            ) or 0
    return total
