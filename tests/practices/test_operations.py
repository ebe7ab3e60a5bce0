"""Proposing, editing, moving and endorsing best practices through the operations."""

from __future__ import annotations

from datetime import date

import pytest

from app.auth.policy import SYSTEM
from app.deid.gate import IdentifiersFound
from app.errors import PermissionDenied, ValidationError
from app.extensions import db
from app.practices import queries
from app.practices.models import PracticeStatus, Stance
from app.practices.operations import (
    change_status,
    edit_practice,
    propose_from_recommendations,
    take_stance,
    unified_diff,
    version_changes,
)
from app.programs.operations import create_program, create_session
from tests.support.builders import add_case, add_recommendation


@pytest.fixture
def two_sessions(make_user):
    expert = make_user("expert")
    provider = make_user("provider")
    program = create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    first = create_session(program, date(2025, 1, 9), title="Fentanyl era", actor=SYSTEM)
    second = create_session(program, date(2025, 3, 13), title="Overdose prevention", actor=SYSTEM)
    recs = []
    for session in (first, second):
        case = add_case(program, provider, "Man using fentanyl", session=session)
        recs.append(add_recommendation(case, expert, "**Prescribe naloxone** at every visit."))
    db.session.commit()
    return expert, provider, recs


def test_expert_turns_recommendations_into_an_emerging_practice(two_sessions):
    expert, _, recs = two_sessions
    practice = propose_from_recommendations(
        recs,
        "Naloxone for everyone on MOUD",
        "Dispense naloxone in hand.",
        notes={recs[0].id: "First raised here.", recs[1].id: "Repeated."},
        status="emerging",
        reason="Raised in two sessions.",
        author=expert,
        actor=expert,
    )
    db.session.commit()
    assert practice.status is PracticeStatus.EMERGING
    assert [v.status for v in practice.versions] == [
        PracticeStatus.PROPOSED,
        PracticeStatus.EMERGING,
    ]
    assert [link.note for link in practice.evidence] == ["First raised here.", "Repeated."]
    entries = queries.timeline(expert, practice)
    assert [e.date for e in entries] == [date(2025, 1, 9), date(2025, 3, 13)]


def test_provider_cannot_propose_a_practice(two_sessions):
    _, provider, recs = two_sessions
    with pytest.raises(PermissionDenied):
        propose_from_recommendations(recs, "T", "S", author=provider, actor=provider)


def test_emerging_needs_a_reason_and_notes_pass_the_gate(two_sessions):
    expert, _, recs = two_sessions
    with pytest.raises(ValidationError):
        propose_from_recommendations(recs, "T", "S", status="emerging", author=expert, actor=expert)
    with pytest.raises(IdentifiersFound):
        propose_from_recommendations(
            recs,
            "T",
            "S",
            notes={recs[0].id: "Call John Smith at 555-867-5309."},
            author=expert,
            actor=expert,
        )


def test_edit_keeps_versions_with_a_readable_diff(two_sessions):
    expert, _, recs = two_sessions
    practice = propose_from_recommendations(
        recs[:1], "Naloxone", "Dispense naloxone.", author=expert, actor=expert
    )
    assert not edit_practice(
        practice,
        title="Naloxone",
        statement="Dispense naloxone.",
        reason="",
        editor=expert,
        actor=expert,
    )
    with pytest.raises(ValidationError):
        edit_practice(
            practice, title="Naloxone", statement="New.", reason=" ", editor=expert, actor=expert
        )
    assert edit_practice(
        practice,
        title="Naloxone",
        statement="Dispense naloxone in hand.",
        reason="Hand it over.",
        editor=expert,
        actor=expert,
    )
    newest = version_changes(practice)[0]
    assert ("add", " in hand") in [(op, t) for op, t in newest.statement_diff] or any(
        op == "add" and "hand" in t for op, t in newest.statement_diff
    )
    assert "+Dispense naloxone in hand." in unified_diff(practice, 1, 2)


def test_lifecycle_with_reasons_and_a_named_successor(two_sessions):
    expert, _, recs = two_sessions
    old = propose_from_recommendations(recs[:1], "Old", "Old text.", author=expert, actor=expert)
    new = propose_from_recommendations(recs[1:], "New", "New text.", author=expert, actor=expert)
    with pytest.raises(ValidationError):
        change_status(old, "established", reason="Skip ahead.", editor=expert, actor=expert)
    with pytest.raises(ValidationError):
        change_status(old, "superseded", reason="Replaced.", editor=expert, actor=expert)
    change_status(
        old, "superseded", reason="Replaced.", editor=expert, superseded_by=new, actor=expert
    )
    assert old.superseded_by is new and old.versions[-1].reason == "Replaced."


def test_a_practice_is_superseded_only_by_one_still_current(two_sessions):
    """Two practices superseding each other would send readers round in a circle, and a
    notice about one would name the other as its successor."""
    expert, _, recs = two_sessions
    old = propose_from_recommendations(recs[:1], "Old", "Old text.", author=expert, actor=expert)
    new = propose_from_recommendations(recs[1:], "New", "New text.", author=expert, actor=expert)
    change_status(
        old, "superseded", reason="Replaced.", editor=expert, superseded_by=new, actor=expert
    )
    with pytest.raises(ValidationError) as refused:
        change_status(
            new, "superseded", reason="Back again.", editor=expert, superseded_by=old, actor=expert
        )
    assert refused.value.field == "superseded_by"
    assert "“Old” is superseded itself" in str(refused.value)
    assert new.status is PracticeStatus.PROPOSED and new.superseded_by is None


def test_experts_endorse_or_dissent_once_each(two_sessions, make_user):
    expert, provider, recs = two_sessions
    practice = propose_from_recommendations(recs, "T", "S.", author=expert, actor=expert)
    other = make_user("expert")
    take_stance(practice, "endorse", expert=expert, actor=expert)
    with pytest.raises(ValidationError):
        take_stance(practice, "dissent", expert=other, actor=other)
    take_stance(practice, "dissent", expert=other, note="Cost.", actor=other)
    take_stance(practice, "dissent", expert=expert, note="Changed my mind.", actor=expert)
    db.session.commit()
    assert sorted(e.stance for e in practice.endorsements) == [Stance.DISSENT, Stance.DISSENT]
    with pytest.raises(PermissionDenied):
        take_stance(practice, "endorse", expert=provider, actor=provider)
