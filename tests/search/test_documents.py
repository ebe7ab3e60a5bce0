"""Documents streamed from the database for a rebuild (app/search/documents.py)."""

from __future__ import annotations

import gc

import pytest
from sqlalchemy import select

from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import create_program
from app.search import documents
from tests.support.builders import add_case


@pytest.fixture
def five_cases(app):
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    for i in range(5):
        add_case(program, None, f"Streamed quokka {i}")
    db.session.commit()


def test_the_collector_runs_between_batches_not_inside_a_load(five_cases, monkeypatch) -> None:
    """A 50,000-case rebuild died with a segfault when the cyclic collector ran inside the
    ORM's loading; it is off while documents stream and runs once per batch."""
    collected = []
    real_collect = gc.collect
    monkeypatch.setattr(documents.gc, "collect", lambda *a: collected.append(1) or real_collect())
    enabled = []
    found = []
    for doc in documents.all_documents(batch=2):
        enabled.append(gc.isenabled())
        found.append(doc["key"])
    assert len([k for k in found if k.startswith("case:")]) == 5
    assert not any(enabled)
    assert len(collected) >= 3  # cases in batches of 2, then the rest
    assert gc.isenabled()


def test_the_collector_is_restored_when_a_rebuild_stops_early(five_cases) -> None:
    stream = documents.all_documents(batch=2)
    next(stream)
    assert not gc.isenabled()
    stream.close()  # a failed rebuild drops its stream
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(five_cases) -> None:
    gc.disable()
    try:
        assert len(list(documents.all_documents(batch=2))) >= 5
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_each_searchable_kind_is_declared_once() -> None:
    """INDEXED is the one list of what is indexed: each kind once, every document type a
    rebuild reads, and every key a change queues one that applying it knows."""
    kinds = [entry.kind for entry in documents.INDEXED]
    assert len(kinds) == len(set(kinds))
    assert [entry.kind for entry in documents.INDEXED if entry.stream] == [
        "case",
        "practice",
        "evidence",
        "session",
    ]
    assert set(documents.KINDS) == {
        "case",
        "recommendation",
        "annotation",
        "practice",
        "evidence",
        "session",
    }
    for entry in documents.INDEXED:
        if entry.watches:
            assert entry.write is not None or entry.reaches is not None, entry.kind


def test_a_change_queues_the_keys_its_declaration_names(five_cases) -> None:
    """The outbox asks the declarations which keys a flushed change queues."""
    from app.cases.models import Case, CasePresentation

    case = db.session.scalars(select(Case).limit(1)).one()
    assert documents.keys_for(documents.Change(case)) == [("case", case.id)]
    assert documents.keys_for(documents.Change(case, deleted=True)) == [("case", case.id)]
    shown = CasePresentation(case_id=case.id)
    assert documents.keys_for(documents.Change(shown, new=True)) == [("case", case.id)]
    assert documents.keys_for(documents.Change(CasePresentation(), new=True)) == []
    program = case.program
    assert documents.keys_for(documents.Change(program)) == []  # nothing indexed changed
    program.name = "Renamed program"
    assert documents.keys_for(documents.Change(program)) == [("program", program.id)]
    assert documents.keys_for(documents.Change(program, new=True)) == []
    db.session.rollback()
