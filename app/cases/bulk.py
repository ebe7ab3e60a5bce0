"""Writing many new cases at once: what `create_case` and `schedule` do for one case, done
for a batch with a few statements instead of several flushes per case.

Every invariant of the operations holds: the same validation, each text through the
de-identification gate (scanned once, inside the import's `scanning_once`), the overrides
kept, an audit event per change, a search outbox row per case and the groupings marked
stale, all in the caller's transaction. Only new cases without items come here; a record
that merges into an existing case, or carries recommendations or outcomes, goes through
the operations one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa

from app.audit.models import AuditEvent
from app.auth.models import User
from app.cases.models import Case, CasePresentation, CaseStatus, case_topics
from app.cases.operations import CaseData, gate_texts, validate_content
from app.common import text_key, utcnow
from app.deid.gate import Acceptance, FieldFinding, check
from app.deid.models import DeidOverride
from app.errors import ValidationError
from app.extensions import db
from app.practices.groups import GroupKind, mark_stale
from app.programs.models import Program, Session
from app.programs.operations import add_topics
from app.programs.terms import topics_by_key
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
    # (session, presented) in the order given; a session named twice counts once
    sessions: list[tuple[Session, bool]]
    dated: date | None


@dataclass
class NewCases:
    """New cases of one import file, checked one by one as they are added and written
    together; `state` fingerprints a written case's content for later merges."""

    actor: User | None
    state: Callable[[dict[str, Any]], str]
    pending: list[_NewCase] = field(default_factory=list)
    # text_key -> topic id, None when the database has no such topic
    topics: dict[str, int | None] = field(default_factory=dict)
    # keys of the topics the pending cases add (they passed the gate with the first of them)
    adding: dict[str, str] = field(default_factory=dict)
    existing_refs: set[str] = field(default_factory=set)
    pending_refs: set[str] = field(default_factory=set)
    _cache: dict[Any, Any] = field(default_factory=dict)

    def prime(self, records: Iterable[dict[str, Any]]) -> None:
        """One lookup for the refs and one for the topic names of the file's records."""
        refs, keys = set(), set()
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
            self.existing_refs.update(found)
        self._lookup(keys)

    def _lookup(self, keys: Iterable[str]) -> None:
        missing = [k for k in keys if k not in self.topics]
        if missing:
            found = topics_by_key(missing)
            for key in missing:
                self.topics[key] = found[key].id if key in found else None

    def forget_missing(self) -> None:
        """After a record went through the operations: the topics it may have added."""
        self.topics = {k: v for k, v in self.topics.items() if v is not None}

    def cached(self, key: Any, make: Callable[[], Any]) -> Any:
        """A program, account or session looked up once per file."""
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
        sessions: list[tuple[Session, bool]],
        dated: date | None,
    ) -> None:
        """Check a new case as `create_case` does (ValidationError, IdentifiersFound);
        it is written with the batch."""
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
        overridden = check(texts, accepted)
        if follows is not None and follows.program_id != program.id:
            raise ValidationError(
                "A follow-up stays in the program of the case it follows.", field="follows"
            )
        for name in new.values():
            self.adding.setdefault(text_key(name), name)  # the first spelling names it
        self.pending_refs.add(ref)
        self.pending.append(
            _NewCase(ref, program, values, presenter, follows, status, overridden, sessions, dated)
        )
        if len(self.pending) >= BATCH:
            self.write()

    def write(self) -> None:
        """Insert the pending cases with their topics, sessions, overrides, audit events
        and outbox rows."""
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        self.existing_refs |= self.pending_refs
        self.pending_refs = set()
        session = db.session
        session.flush()  # sessions made by session_on, programs, accounts
        if self.adding:
            for key, topic in add_topics(list(self.adding.values())).items():
                self.topics[key] = topic.id
            self.adding = {}
        now = utcnow()
        rows = []
        for c in batch:
            v = c.values
            created = now
            if c.dated is not None:
                created = min(now, datetime.combine(c.dated, time(12, 0)))
            rows.append(
                {
                    "ref": c.ref,
                    "program_id": c.program.id,
                    "presenter_id": c.presenter.id if c.presenter else None,
                    "title": v["title"],
                    "age": v["age"],
                    "sex": v["sex"],
                    "question": v["question"],
                    "presentation": v["presentation"],
                    "fields": v["fields"],
                    "status": c.status,
                    "follows_id": c.follows.id if c.follows else None,
                    "created_at": created,
                    "updated_at": now,
                    "submitted_at": now if c.status is not CaseStatus.DRAFT else None,
                    "import_hash": self.state(
                        {
                            **v,
                            "topic_ids": self._topic_ids(v["topics"]),
                            "presenter_id": c.presenter.id if c.presenter else None,
                            "follows_id": c.follows.id if c.follows else None,
                            "status": c.status,
                        }
                    ),
                }
            )
        connection = session.connection()
        table = Case.__table__
        ids = (
            connection.execute(
                sa.insert(table).returning(table.c.id, sort_by_parameter_order=True), rows
            )
            .scalars()
            .all()
        )
        links, presentations, overrides, events = [], [], [], []
        actor_id = self.actor.id if self.actor else None

        def event(action: str, case_id: int, **details: Any) -> None:
            events.append(
                {
                    "occurred_at": now,
                    "actor_id": actor_id,
                    "action": action,
                    "entity_type": "cases",
                    "entity_id": case_id,
                    "details": details,
                }
            )

        for case_id, c in zip(ids, batch, strict=True):
            topic_ids = self._topic_ids(c.values["topics"])
            links.extend({"case_id": case_id, "topic_id": t} for t in topic_ids)
            event("case.created", case_id, status=str(c.status), program_id=c.program.id)
            for finding, reason in c.overridden:
                overrides.append(
                    {
                        "entity_type": "cases",
                        "entity_id": case_id,
                        "field": finding.field,
                        "start": finding.start,
                        "end": finding.end,
                        "category": finding.category,
                        "reason": reason,
                        "created_by_id": actor_id,
                        "created_at": now,
                    }
                )
                event(
                    "deid.finding_overridden",
                    case_id,
                    field=finding.field,
                    category=finding.category,
                    reason=reason,
                )
            presented: dict[int, bool] = {}
            for s, flag in c.sessions:
                if s.id not in presented:
                    event("case.scheduled", case_id, session_id=s.id)
                presented[s.id] = presented.get(s.id, False) or flag
            presentations.extend(
                {"case_id": case_id, "session_id": s, "presented": p} for s, p in presented.items()
            )
            event(
                "case.imported",
                case_id,
                outcome="created",
                items_created=0,
                items_updated=0,
                conflicts=0,
            )
        for model_table, values in (
            (case_topics, links),
            (CasePresentation.__table__, presentations),
            (DeidOverride.__table__, overrides),
            (AuditEvent.__table__, events),
        ):
            if values:
                connection.execute(sa.insert(model_table), values)
        queue(session, [("case", case_id) for case_id in ids])
        # What a new case changes in the groupings (app.practices.groups._kinds_for).
        mark_stale(session, {GroupKind.QUESTIONS})

    def _topic_ids(self, names: list[str]) -> list[int]:
        return list(dict.fromkeys(self.topics[text_key(name)] for name in names))  # type: ignore[misc]
