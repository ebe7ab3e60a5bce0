"""Documents streamed from the database for a rebuild (app/search/documents.py)."""

from __future__ import annotations

import gc

import pytest

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
