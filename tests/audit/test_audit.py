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


def test_a_trail_is_hidden_exactly_as_its_object(client, make_user):
    """A draft recommendation's trail is the author's and admins' only, as the draft is; a
    hidden trail reads as a missing one."""
    from tests.cases.test_views import as_user
    from tests.support.builders import build_world

    w = build_world(make_user)
    coordinator = make_user("coordinator", programs=["hcv"])
    draft = next(r for r in w.case.recommendations if str(r.status) == "draft")
    as_user(client, coordinator)
    assert client.get(f"/recommendations/{draft.id}/versions").status_code == 404
    hidden = client.get(f"/audit/recommendation/{draft.id}")
    missing = client.get("/audit/recommendation/99999")
    assert hidden.status_code == missing.status_code == 404
    assert "No such record." in hidden.get_data(as_text=True)
    assert client.get(f"/audit/recommendation/{w.rec.id}").status_code == 200
    private = client.get(f"/audit/case/{w.private_case.id}")
    assert private.status_code == 404 and "No such record." in private.get_data(as_text=True)
    as_user(client, w.admin)
    assert client.get(f"/audit/recommendation/{draft.id}").status_code == 200
