"""The audit trail is append-only and holds ids and statuses, never free text."""

from __future__ import annotations

import pytest

from app.audit.models import AuditEvent
from app.audit.operations import record, trail
from app.extensions import db
from app.programs.operations import create_program


def test_changes_write_audit_events_in_order(app, make_user):
    admin = make_user("admin")
    program = create_program("hcv", "HCV ECHO", actor=admin)
    db.session.commit()
    [event] = trail("programs", program.id)
    assert (event.action, event.actor_id, event.details) == (
        "program.created",
        admin.id,
        {"private": False},
    )


def test_audit_events_cannot_be_changed_or_deleted(app, make_user):
    event = record(None, "system.test", entity_type="system", entity_id=1)
    db.session.commit()
    event.action = "tampered"
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEvent, event.id))
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.commit()


def test_long_free_text_is_refused_in_details(app):
    with pytest.raises(ValueError, match="too long"):
        record(None, "case.updated", entity_type="cases", entity_id=1, note="x" * 200)
