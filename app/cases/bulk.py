"""Writing many new cases at once: what `create_case` and `schedule` do for one case, done
for a batch with a few statements instead of several flushes per case.

Every invariant of the operations holds: the same validation, each text through the
de-identification gate (scanned once, inside the import's `scanning_once`), the overrides
kept, an audit event per change, a search outbox row per case and the groupings marked
stale, all in the caller's transaction. Only new cases come here, with new items and no
overrides on the items; a record that merges into an existing case goes through the
operations one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa

from app.audit.models import AuditEvent
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, Permission
from app.cases.counting import first_day
from app.cases.locking import hold_case_ids
from app.cases.models import Case, CasePresentation, CaseStatus, case_topics
from app.cases.operations import CaseData, field_cues, gate_texts, validate_content
from app.common import text_key, utcnow
from app.deid.gate import Acceptance, FieldFinding, IdentifiersFound, check
from app.deid.models import DeidOverride
from app.deid.operations import marking_rule
from app.errors import ValidationError
from app.extensions import db
from app.practices.claim_terms import term_rows
from app.practices.groups import GroupKind, mark_stale
from app.practices.models import RecommendationTerm
from app.programs.models import Program, Session, Topic, TopicStatus
from app.programs.operations import add_topic_ids, lock_program
from app.programs.terms import topic_ids_by_key
from app.recommendations.models import (
    Adoption,
    Annotation,
    AnnotationKind,
    Outcome,
    PatientStatus,
    Recommendation,
    RecommendationCategory,
    RecommendationStatus,
    RecommendationVersion,
    new_key,
)
from app.recommendations.operations import checked_item
from app.search.outbox import queue

BATCH = 500


@dataclass
class _NewCase:
    ref: str
    program: Program
    values: dict[str, Any]
    presenter: User | None
    follows: Case | None
    status: CaseStatus
    overridden: list[tuple[FieldFinding, str]]
    # (session date, presented) in the order given; a session named twice counts once
    sessions: list[tuple[date, bool]]
    dated: date | None
    items: list[NewRecommendation]
    outcomes: list[NewOutcome]
    # (created, submitted): a generated history's own times
    times: tuple[datetime, datetime | None] | None


@dataclass
class NewAnnotation:
    author: User
    kind: str
    body: str
    references: list[str] = field(default_factory=list)


@dataclass
class NewRecommendation:
    author: User
    category: str
    # The first text, then each edit: a version each, the last one current.
    bodies: list[str]
    references: list[str] = field(default_factory=list)
    published: bool = True
    annotations: list[NewAnnotation] = field(default_factory=list)


@dataclass
class NewOutcome:
    recommendation: Recommendation
    adoption: str
    patient_status: str
    note: str = ""


@dataclass
class NewCases:
    """New cases of one import file, checked one by one as they are added and written
    together."""

    actor: Actor
    # An import: fingerprints each case's content for later merges, and audits it as one.
    state: Callable[[dict[str, Any]], str] | None = None
    pending: list[_NewCase] = field(default_factory=list)
    # text_key -> topic id, None when the database has no such topic
    topics: dict[str, int | None] = field(default_factory=dict)
    # keys of the topics the pending cases add (they passed the gate with the first of them)
    adding: dict[str, str] = field(default_factory=dict)
    existing_refs: set[str] = field(default_factory=set)
    pending_refs: set[str] = field(default_factory=set)
    written: dict[str, int] = field(default_factory=dict)
    session_ids: dict[tuple[int, date], int] = field(default_factory=dict)
    # ids of the recommendations of each written case, by ref, in order
    recommendations: dict[str, list[int]] = field(default_factory=dict)
    _cache: dict[Any, Any] = field(default_factory=dict)
    _allowed: set[int] = field(default_factory=set)

    def prime(self, records: Iterable[dict[str, Any]]) -> None:
        """One lookup for the refs and one for the topic names of the file's records."""
        refs: set[str] = set()
        keys: set[str] = set()
        for raw in records:
            if isinstance(raw.get("ref"), str):
                refs.add(raw["ref"])
            names = raw.get("topics")
            if isinstance(names, list):
                keys.update(text_key(" ".join(n.split())) for n in names if isinstance(n, str))
        ordered = sorted(refs)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            found = db.session.scalars(sa.select(Case.ref).where(Case.ref.in_(chunk)))
            self.existing_refs.update(found)  # type: ignore[arg-type]
        self._lookup(keys)

    def _lookup(self, keys: Iterable[str]) -> None:
        missing = [k for k in keys if k not in self.topics]
        if missing:
            found = topic_ids_by_key(missing, self._knowable())
            for key in missing:
                self.topics[key] = found.get(key)

    def _knowable(self) -> sa.ColumnElement[bool]:
        # A name only topics hidden from the importer have becomes a topic of the file's
        # own, as it does typed on a form (`resolve_topics`).
        return policy.knowable_topic_clause(self.actor)

    def forget_missing(self) -> None:
        """After a record went through the operations: the topics it may have added."""
        self.topics = {k: v for k, v in self.topics.items() if v is not None}

    def cached(self, key: Any, make: Callable[[], Any]) -> Any:
        """A program or account looked up (and its permission checked) once per file."""
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def takes(self, ref: str, raw: dict[str, Any]) -> bool:
        return (
            ref not in self.existing_refs
            and ref not in self.pending_refs
            and not raw.get("recommendations")
            and not raw.get("outcomes")
        )

    def is_pending(self, ref: Any) -> bool:
        return isinstance(ref, str) and ref in self.pending_refs

    def add(
        self,
        ref: str,
        program: Program,
        data: CaseData,
        *,
        presenter: User | None,
        follows: Case | None,
        status: CaseStatus,
        accepted: list[Acceptance],
        sessions: list[tuple[date, bool]],
        dated: date | None = None,
        items: Iterable[NewRecommendation] = (),
        outcomes: Iterable[NewOutcome] = (),
        times: tuple[datetime, datetime | None] | None = None,
    ) -> None:
        """Check a new case as `create_case`, `schedule`, `add_recommendation`,
        `edit_recommendation`, `annotate` and `record_outcome` do (ValidationError,
        IdentifiersFound); it is written with the batch."""
        if program.id not in self._allowed:
            policy.require(self.actor, Permission.IMPORT_DATA, program)
            self._allowed.add(program.id)
        values = validate_content(program, data, require_all=status is not CaseStatus.DRAFT)
        names = values["topics"]
        self._lookup(text_key(n) for n in names)
        # Topics already in the vocabulary, or added by an earlier case of the batch,
        # passed the gate then; a new one is checked as this case's `topics[i]`.
        new = {
            f"topics[{i}]": n
            for i, n in enumerate(names, 1)
            if self.topics[text_key(n)] is None and text_key(n) not in self.adding
        }
        texts = gate_texts({**values, "topics": []})
        texts.update(new)
        overridden = check(
            texts,
            accepted,
            field_cues(values["fields"], program.case_template),
            marking_rule(self.actor, program),
        )
        if follows is not None and follows.program_id != program.id:
            raise ValidationError(
                "A follow-up stays in the program of the case it follows.", field="follows"
            )
        items, outcomes = list(items), list(outcomes)
        _check_items(items, outcomes, follows)
        for name in new.values():
            self.adding.setdefault(text_key(name), name)  # the first spelling names it
        self.pending_refs.add(ref)
        self.pending.append(
            _NewCase(
                ref,
                program,
                values,
                presenter,
                follows,
                status,
                overridden,
                sessions,
                dated,
                items,
                outcomes,
                times,
            )
        )
        if len(self.pending) >= BATCH:
            self.write()

    def write(self) -> None:
        """Insert the pending cases with their topics, sessions, items, overrides, audit
        events and outbox rows."""
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        self.existing_refs |= self.pending_refs
        self.pending_refs = set()
        session = db.session
        session.flush()  # programs and accounts made through the operations
        if self.adding:
            added = add_topic_ids(
                list(self.adding.values()), status=TopicStatus.PROPOSED, among=self._knowable()
            )
            self.topics.update(added)
            self.adding = {}
        # Outcomes hang on the earlier cases' advice too: those cases are held before any
        # row is written (a purge's lock order, app/cases/locking.py).
        hold_case_ids(c.follows.id for c in batch if c.outcomes and c.follows is not None)
        w = _Writer(self.actor.id if self.actor else None, utcnow(), imported=bool(self.state))
        self._sessions(batch, w)
        ids = w.insert(Case, [self._case_row(c, w.now) for c in batch], ("ref",))
        for case_id, c in zip(ids, batch, strict=True):
            self.written[c.ref] = case_id
            sessions = [(self.session_ids[(c.program.id, on)], p) for on, p in c.sessions]
            w.cases(case_id, c, self._topic_ids(c.values["topics"]), sessions)
        w.items(ids, batch)
        for case_id, c in zip(ids, batch, strict=True):
            self.recommendations[c.ref] = w.by_case.get(case_id, [])
        w.finish()

    def _sessions(self, batch: list[_NewCase], w: _Writer) -> None:
        """The sessions the batch's cases are scheduled in: one query for those that
        exist, and the others added as `session_on` adds them (numbered next, in the
        order first named, with their audit events and outbox rows)."""
        wanted: dict[tuple[int, date], Program] = {}
        for c in batch:
            for on, _ in c.sessions:
                if (c.program.id, on) not in self.session_ids:
                    wanted.setdefault((c.program.id, on), c.program)
        if not wanted:
            return
        by_program: dict[int, set[date]] = {}
        for program_id, on in wanted:
            by_program.setdefault(program_id, set()).add(on)
        for program_id, dates in by_program.items():
            ordered = sorted(dates)
            for start in range(0, len(ordered), 500):
                found = db.session.execute(
                    sa.select(Session.program_id, Session.date, Session.id)
                    .where(Session.program_id == program_id)
                    .where(Session.date.in_(ordered[start : start + 500]))
                    .order_by(Session.id)
                )
                for pid, on, session_id in found:
                    self.session_ids.setdefault((pid, on), session_id)
        missing = [key for key in wanted if key not in self.session_ids]
        numbers: dict[int, int] = {}
        rows = []
        for program_id, on in missing:
            program = wanted[(program_id, on)]
            if program_id not in numbers:
                policy.require(self.actor, Permission.MANAGE_SESSIONS, program)
                lock_program(program)  # numbers are unique per program
                highest = db.session.scalar(
                    sa.select(sa.func.max(Session.number)).where(Session.program_id == program_id)
                )
                numbers[program_id] = highest or 0
            numbers[program_id] += 1
            title = f"{program.name} session {numbers[program_id]}"[:200]
            check({"title": title})
            rows.append(
                {
                    "program_id": program_id,
                    "number": numbers[program_id],
                    "date": on,
                    "title": title,
                    "didactic_topic": "",
                    "didactic_presenter": "",
                    "notes": "",
                    "created_at": w.now,
                }
            )
        for key, row, session_id in zip(
            missing, rows, w.insert(Session, rows, ("program_id", "number")), strict=True
        ):
            self.session_ids[key] = session_id
            w.outbox.append(("session", session_id))
            w.event("session.created", "sessions", session_id, program_id=row["program_id"])

    def _case_row(self, c: _NewCase, now: datetime) -> dict[str, Any]:
        v = c.values
        created, submitted = c.times or (now, now if c.status is not CaseStatus.DRAFT else None)
        if c.dated is not None:
            created = min(created, datetime.combine(c.dated, time(12, 0)))
        presenter_id = c.presenter.id if c.presenter else None
        follows_id = c.follows.id if c.follows else None
        state = {
            **v,
            "topic_ids": self._topic_ids(v["topics"]),
            "presenter_id": presenter_id,
            "follows_id": follows_id,
            "status": c.status,
        }
        return {
            "ref": c.ref,
            "program_id": c.program.id,
            "presenter_id": presenter_id,
            **{name: v[name] for name in ("title", "age", "sex", "question", "presentation")},
            "fields": v["fields"],
            "status": c.status,
            "follows_id": follows_id,
            "created_at": created,
            # Written with the row (no session event sees a Core insert).
            "counts_on": first_day(created, (on for on, _ in c.sessions)),
            "updated_at": c.times[0] if c.times else now,
            "submitted_at": submitted,
            "import_hash": self.state(state) if self.state else None,
        }

    def _topic_ids(self, names: list[str]) -> list[int]:
        return list(dict.fromkeys(self.topics[text_key(name)] for name in names))  # type: ignore[misc]


def _check_items(
    items: list[NewRecommendation], outcomes: list[NewOutcome], follows: Case | None
) -> None:
    """What the item operations check, in their words; clean texts replace the given ones."""
    for i, item in enumerate(items, 1):
        where = f"recommendations[{i}]"
        if not item.bodies:
            raise ValidationError("Write the text; it cannot be empty.", field=f"{where}.body")
        try:
            RecommendationCategory(item.category)
            checked = [checked_item(item.author, body, item.references) for body in item.bodies]
            # An edit that changes nothing keeps no version (edit_recommendation).
            item.bodies = [
                b for n, (b, _) in enumerate(checked) if n == 0 or b != checked[n - 1][0]
            ]
            item.references = checked[0][1]
        except IdentifiersFound as exc:
            raise exc.within(where) from None
        except ValueError:
            raise ValidationError("Unknown category.", field=f"{where}.category") from None
        for j, annotation in enumerate(item.annotations, 1):
            try:
                AnnotationKind(annotation.kind)
                annotation.body, annotation.references = checked_item(
                    annotation.author, annotation.body, annotation.references
                )
            except IdentifiersFound as exc:
                raise exc.within(f"{where}.annotations[{j}]") from None
            except ValueError:
                raise ValidationError(
                    "Unknown kind.", field=f"{where}.annotations[{j}].kind"
                ) from None
    for k, outcome in enumerate(outcomes, 1):
        where = f"outcomes[{k}]"
        if follows is None or outcome.recommendation.case_id != follows.id:
            raise ValidationError(
                "Outcomes are recorded at a follow-up, for recommendations of the case it follows.",
                field=f"{where}.recommendation",
            )
        try:
            Adoption(outcome.adoption), PatientStatus(outcome.patient_status)
            check({"note": outcome.note or ""})
        except IdentifiersFound as exc:
            raise exc.within(where) from None
        except ValueError:
            raise ValidationError("Unknown adoption or patient status.", field=where) from None
        outcome.note = (outcome.note or "").strip()


class _Writer:
    """The rows of one batch, table by table, inserted with one statement each."""

    def __init__(self, actor_id: int | None, now: datetime, *, imported: bool) -> None:
        self.actor_id, self.now, self.imported = actor_id, now, imported
        self.connection = db.session.connection()
        self.rows: dict[Any, list[dict[str, Any]]] = {
            case_topics: [],
            CasePresentation.__table__: [],
            DeidOverride.__table__: [],
            RecommendationVersion.__table__: [],
            Outcome.__table__: [],
            AuditEvent.__table__: [],
            RecommendationTerm.__table__: [],
        }
        self.outbox: list[tuple[str, int]] = []
        self.recommendations = False
        self.by_case: dict[int, list[int]] = {}
        self.open_programs: set[int] = set()  # programs of the open cases written
        self.open_topics: set[int] = set()  # and their topics

    def insert(self, model: Any, rows: list[dict[str, Any]], unique: tuple[str, ...]) -> list[int]:
        """Rows of a table whose ids later rows need, in the order given; `unique`: columns
        that tell the rows apart (a unique constraint of the table).

        The ids come back with those columns and are matched to the rows by them: asked to
        keep the rows' order instead (`sort_by_parameter_order`), SQLAlchemy sends SQLite
        one INSERT a row, having no way there to tie RETURNING's rows to the parameters."""
        if not rows:
            return []
        table = model.__table__
        columns = [table.c[name] for name in unique]
        stmt = sa.insert(table).returning(table.c.id, *columns)
        ids = {tuple(found[1:]): found[0] for found in self.connection.execute(stmt, rows)}
        if len(ids) != len(rows):
            # Rows alike in `unique` (NULLs, which a unique constraint lets through) would
            # share one id: another row's events and links would go to it.
            raise RuntimeError(
                f"{table.name}: {len(rows)} rows but {len(ids)} told apart by {unique}"
            )
        return [ids[tuple(row[name] for name in unique)] for row in rows]

    def event(self, action: str, table: str, entity_id: int, **details: Any) -> None:
        self.rows[AuditEvent.__table__].append(
            {
                "occurred_at": self.now,
                "actor_id": self.actor_id,
                "action": action,
                "entity_type": table,
                "entity_id": entity_id,
                "details": details,
            }
        )

    def cases(
        self, case_id: int, c: _NewCase, topic_ids: list[int], sessions: list[tuple[int, bool]]
    ) -> None:
        self.outbox.append(("case", case_id))
        self.rows[case_topics].extend({"case_id": case_id, "topic_id": t} for t in topic_ids)
        self.event("case.created", "cases", case_id, status=str(c.status), program_id=c.program.id)
        if c.status in policy.OPEN_STATUSES:
            self.open_programs.add(c.program.id)
            self.open_topics.update(topic_ids)
        for finding, reason in c.overridden:
            self.rows[DeidOverride.__table__].append(
                {
                    "entity_type": "cases",
                    "entity_id": case_id,
                    "field": finding.field,
                    "start": finding.start,
                    "end": finding.end,
                    "category": finding.category,
                    "reason": reason,
                    "created_by_id": self.actor_id,
                    "created_at": self.now,
                }
            )
            self.event(
                "deid.finding_overridden",
                "cases",
                case_id,
                field=finding.field,
                category=finding.category,
                reason=reason,
            )
        presented: dict[int, bool] = {}
        for session_id, flag in sessions:
            if session_id not in presented:
                self.event("case.scheduled", "cases", case_id, session_id=session_id)
            presented[session_id] = presented.get(session_id, False) or flag
        self.rows[CasePresentation.__table__].extend(
            {"case_id": case_id, "session_id": s, "presented": p} for s, p in presented.items()
        )
        if self.imported:
            items = len(c.items) + sum(len(i.annotations) for i in c.items) + len(c.outcomes)
            self.event(
                "case.imported",
                "cases",
                case_id,
                outcome="created",
                items_created=items,
                items_updated=0,
                conflicts=0,
            )

    def items(self, ids: list[int], batch: list[_NewCase]) -> None:
        """Recommendations with their versions and annotations, and outcomes."""
        owners = [
            (case_id, position, item)
            for case_id, c in zip(ids, batch, strict=True)
            for position, item in enumerate(c.items, 1)
        ]
        rows = []
        for case_id, position, item in owners:
            published = item.published
            rows.append(
                {
                    "case_id": case_id,
                    "author_id": item.author.id,
                    "position": position,
                    "category": RecommendationCategory(item.category),
                    "body": item.bodies[-1],
                    "references": item.references,
                    "status": RecommendationStatus.PUBLISHED
                    if published
                    else RecommendationStatus.DRAFT,
                    "version": len(item.bodies),
                    "created_at": self.now,
                    "updated_at": self.now,
                    "published_at": self.now if published else None,
                    # Every version is saved at once: the current text is the one published.
                    "published_version": len(item.bodies) if published else None,
                    "key": new_key(),
                }
            )
        recommendation_ids = self.insert(Recommendation, rows, ("key",))
        annotations, annotated = [], []
        for rid, (case_id, _, item), row in zip(recommendation_ids, owners, rows, strict=True):
            self.by_case.setdefault(case_id, []).append(rid)
            self.outbox.append(("recommendation", rid))
            self.rows[RecommendationTerm.__table__].extend(term_rows(rid, item.bodies[-1]))
            for version, body in enumerate(item.bodies, 1):
                self.rows[RecommendationVersion.__table__].append(
                    {
                        "recommendation_id": rid,
                        "version": version,
                        "category": row["category"],
                        "body": body,
                        "references": item.references,
                        "edited_by_id": item.author.id,
                        "created_at": self.now,
                    }
                )
                if version == 1:
                    status = str(
                        RecommendationStatus.PUBLISHED
                        if item.published
                        else RecommendationStatus.DRAFT
                    )
                    self.event(
                        "recommendation.created",
                        "recommendations",
                        rid,
                        case_id=case_id,
                        status=status,
                    )
                else:
                    self.event("recommendation.edited", "recommendations", rid, version=version)
            for a in item.annotations:
                annotated.append(rid)
                annotations.append(
                    {
                        "recommendation_id": rid,
                        "author_id": a.author.id,
                        "kind": AnnotationKind(a.kind),
                        "body": a.body,
                        "references": a.references,
                        "created_at": self.now,
                        "key": new_key(),
                    }
                )
        for aid, rid in zip(self.insert(Annotation, annotations, ("key",)), annotated, strict=True):
            self.outbox.append(("annotation", aid))
            self.event("annotation.created", "annotations", aid, recommendation_id=rid)
        outcomes = [(case_id, o) for case_id, c in zip(ids, batch, strict=True) for o in c.outcomes]
        outcome_rows = [
            {
                "case_id": case_id,
                "recommendation_id": o.recommendation.id,
                "adoption": Adoption(o.adoption),
                "patient_status": PatientStatus(o.patient_status),
                "note": o.note,
                "recorded_by_id": self.actor_id,
                "recorded_at": self.now,
                "key": new_key(),
            }
            for case_id, o in outcomes
        ]
        for oid, (_, o) in zip(self.insert(Outcome, outcome_rows, ("key",)), outcomes, strict=True):
            self.event(
                "outcome.recorded",
                "outcomes",
                oid,
                recommendation_id=o.recommendation.id,
                adoption=str(Adoption(o.adoption)),
            )
        self.recommendations = bool(rows)

    def finish(self) -> None:
        for table, rows in self.rows.items():
            if rows:
                self.connection.execute(sa.insert(table), rows)
        queue(db.session(), self.outbox)
        # What new cases and recommendations change in the groupings (as groups._Changes
        # tells them): open cases only, for the audiences of their programs.
        kinds = {GroupKind.QUESTIONS}
        if self.recommendations or self._carry_proposed_topics():
            kinds.add(GroupKind.RECOMMENDATIONS)  # a proposed topic joins their vocabulary
        mark_stale(db.session(), kinds, self.open_programs)

    def _carry_proposed_topics(self) -> bool:
        topics = sorted(self.open_topics)
        return any(
            self.connection.scalar(
                sa.select(sa.func.count())
                .select_from(Topic)
                .where(Topic.id.in_(topics[start : start + 500]))
                .where(Topic.status == TopicStatus.PROPOSED)
            )
            for start in range(0, len(topics), 500)
        )
