"""`program_for_import` when another importer creates the same program at the same moment."""

from __future__ import annotations

from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs import operations
from app.programs.models import Program


def test_a_program_committed_between_the_two_lookups_is_returned(app, monkeypatch):
    # Another importer's program, committed after our first lookup missed it: the create's
    # own check then finds it (on PostgreSQL each statement sees the latest commit).
    theirs = Program(slug="concurrent-echo", name="Concurrent Echo")
    db.session.add(theirs)
    db.session.commit()
    real = operations.find_program
    calls = []

    def first_lookup_misses(slug):
        calls.append(slug)
        return None if len(calls) == 1 else real(slug)

    monkeypatch.setattr(operations, "find_program", first_lookup_misses)
    found = operations.program_for_import("concurrent-echo", "Concurrent Echo", actor=SYSTEM)
    assert found.id == theirs.id
    assert db.session.query(Program).count() == 1
