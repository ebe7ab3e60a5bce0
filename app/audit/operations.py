"""Recording audit events. Callers pass ids, field names and statuses, never free text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session as OrmSession

from app.audit.models import AuditEvent
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, Viewer
from app.extensions import db

# Values in details must be short tokens (ids, statuses, field names): patient text stays out.
_MAX_DETAIL_LENGTH = 80


def record(
    actor: Actor | None,
    action: str,
    entity: Any = None,
    *,
    entity_type: str | None = None,
    entity_id: int | None = None,
    **details: Any,
) -> AuditEvent:
    """Add an audit event to the current transaction."""
    if entity is not None:
        entity_type = entity_type or entity.__tablename__
        if entity.id is None:
            db.session.flush()
        entity_id = entity.id
    for key, value in details.items():
        if isinstance(value, str) and len(value) > _MAX_DETAIL_LENGTH:
            raise ValueError(f"audit detail {key!r} is too long to be an id or status")
    audit_event = AuditEvent(
        actor_id=actor.id if actor is not None else None,
        action=action,
        entity_type=entity_type or "system",
        entity_id=entity_id,
        details=details,
    )
    db.session.add(audit_event)
    return audit_event


def trail(entity_type: str, entity_id: int) -> list[AuditEvent]:
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id)
        .order_by(AuditEvent.occurred_at, AuditEvent.id)
    )
    return list(db.session.scalars(stmt))


@dataclass(frozen=True)
class TrailEntry:
    occurred_at: datetime
    actor: User | None
    action: str
    details: dict[str, Any]
    entity_id: int | None = None
    actor_withheld: bool = False  # someone the reader may not see (policy.can_see_person)
    event_id: int | None = None  # where a list paged from this event goes on


def visible_events(
    viewer: Viewer, events: list[AuditEvent], *, newer: Sequence[AuditEvent] = ()
) -> list[TrailEntry]:
    """Events as `viewer` may read them (`policy.trail_details`, `newer` as there): every
    page that shows the trail to someone other than an admin reads it through here."""
    seen: dict[int, bool] = {}

    def named(actor: User | None) -> bool:
        if actor is None:
            return True
        if actor.id not in seen:
            seen[actor.id] = policy.can_see_person(viewer, actor)
        return seen[actor.id]

    return [
        TrailEntry(e.occurred_at, e.actor, e.action, details, e.entity_id, event_id=e.id)
        if named(e.actor)
        else TrailEntry(
            e.occurred_at, None, e.action, details, e.entity_id, actor_withheld=True, event_id=e.id
        )
        for e, details in policy.trail_details(viewer, events, newer=newer)
    ]


def visible_trail(viewer: Viewer, entity_type: str, entity_id: int) -> list[TrailEntry]:
    """The trail of one record as `viewer` may read it."""
    return visible_events(viewer, trail(entity_type, entity_id))


@event.listens_for(OrmSession, "before_flush")
def _refuse_audit_changes(session: OrmSession, flush_context: object, instances: object) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, AuditEvent):
            raise RuntimeError("audit events are append-only")
