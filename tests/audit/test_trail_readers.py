"""What a trail shows of an event follows the rule of the page that shows the same thing: a
coordinator of another program reads an open program's trails, but not what only that
program's desk or review team reads there."""

from __future__ import annotations

import pytest

from app.attendance.operations import record_attendance, submit_evaluation
from app.extensions import db
from tests.cases.test_views import as_user
from tests.support.builders import build_world_with_coordinators


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world_with_coordinators(make_user)
    w.elsewhere = make_user("coordinator", email="away@example.org")  # in no program
    db.session.commit()
    return w


def _trail(client, user, path: str) -> str:
    as_user(client, user)
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_who_evaluated_a_session_is_read_in_its_trail_by_its_desk_alone(client, world):
    """Evaluation results are the program's coordinators' (who answered is shown to nobody):
    the session's trail named each participant who answered to any coordinator."""
    record_attendance(world.second, {world.provider.id: 60}, actor=world.coordinator)
    submit_evaluation(world.second, actor=world.provider, rating=2, will_change_practice=False)
    db.session.commit()
    path = f"/audit/session/{world.second.id}"
    assert "session.evaluated" in _trail(client, world.coordinator, path)
    assert "session.evaluated" in _trail(client, world.admin, path)
    for reader in (world.outsider, world.elsewhere):
        page = _trail(client, reader, path)
        assert "session.attendance_recorded" in page  # the trail itself stays theirs
        assert "session.evaluated" not in page


RISKY = (
    "Her husband is the county sheriff in a small town. She has Fabry disease and was"
    " struck by lightning last spring. Patient Hope Graves."
)


def test_a_cases_kept_identifiers_and_risk_are_read_in_its_trail_by_its_review_team(client, world):
    """Where a presenter kept a possible identifier, and which kinds of clues the approved
    case still holds, are its review team's (`can_see_kept_identifiers`,
    `can_see_deid_risk`): its trail told them to every coordinator who reads it."""
    from app.cases import lifecycle
    from app.cases.models import CaseStatus
    from app.cases.operations import CaseData
    from app.deid.gate import Acceptance, IdentifiersFound

    data = CaseData(title="A woman with a rare disease", presentation=RISKY)
    with pytest.raises(IdentifiersFound) as found:
        lifecycle.draft_case(world.hcv, data, presenter=world.provider)
    db.session.rollback()
    kept = [Acceptance(f.field, f.start, f.end, "placeholder") for f in found.value.findings]
    case = lifecycle.draft_case(world.hcv, data, presenter=world.provider, accepted=kept)
    case.status = CaseStatus.SUBMITTED  # as if complete and submitted
    lifecycle.approve_case(case, actor=world.coordinator)
    db.session.commit()
    path = f"/audit/case/{case.id}"
    for reader in (world.coordinator, world.admin):
        page = _trail(client, reader, path)
        assert "deid.finding_overridden" in page and "deid.risk_confirmed" in page
    for reader in (world.outsider, world.elsewhere):
        page = _trail(client, reader, path)
        assert "case.status_changed" in page  # the trail itself stays theirs
        assert "deid.finding_overridden" not in page and "rare_condition" not in page
        assert "deid.risk_confirmed" not in page


def test_a_dissent_from_a_practice_the_reader_may_not_see_is_left_out_of_the_trail(
    client, world, make_user
):
    """A practice drawn from a private program alone is as absent as a missing one to those
    outside it: a recommendation's trail named it by id, and that an open program's advice
    departs from it on purpose."""
    from app.practices.operations import add_evidence, propose_practice, record_dissent
    from tests.support.builders import add_recommendation

    expert = make_user("expert", programs=["hcv", "perinatal-sud"])
    practice = propose_practice(
        "Split buprenorphine doses in the third trimester",
        "Split the daily dose in two or three.",
        author=expert,
        actor=expert,
    )
    add_evidence(practice, world.private_case, added_by=expert, actor=expert)
    rec = add_recommendation(world.case, expert, "Keep one daily dose of buprenorphine.")
    dissent = record_dissent(rec, practice, "One dose suits this patient.", actor=expert)
    db.session.commit()
    path = f"/audit/recommendation/{rec.id}"
    for reader in (world.outsider, world.admin):  # a member of the private program
        page = _trail(client, reader, path)
        assert "recommendation.dissent_recorded" in page
    for reader in (world.coordinator, world.elsewhere):
        page = _trail(client, reader, path)
        assert "recommendation.dissent_recorded" not in page
        assert f"<dd>{dissent.id}</dd>" not in page and f"<dd>{practice.id}</dd>" not in page


def test_that_a_case_was_returned_is_read_in_its_trail_by_those_who_read_its_review(client, world):
    """Review comments are between the presenter and the review team (`can_see_review`: the
    case's timeline shows "Returned with comments" to them alone): its trail told every
    coordinator reading it, by the status it moved to and from, that it had been returned."""
    from app.cases import lifecycle
    from app.cases.models import CaseStatus
    from app.cases.operations import CaseData

    data = CaseData(title="A man with hepatitis C", presentation="Started on treatment.")
    case = lifecycle.draft_case(world.hcv, data, presenter=world.provider)
    case.status = CaseStatus.SUBMITTED  # as if complete and submitted
    lifecycle.return_case(case, "Add the genotype.", actor=world.coordinator)
    case.status = CaseStatus.SUBMITTED  # as if completed and submitted again
    lifecycle.approve_case(case, actor=world.coordinator)
    db.session.commit()
    path = f"/audit/case/{case.id}"
    for reader in (world.coordinator, world.admin):
        assert "returned" in _trail(client, reader, path)
    for reader in (world.outsider, world.elsewhere):
        page = _trail(client, reader, path)
        assert "case.status_changed" in page  # approved: the trail itself stays theirs
        assert "returned" not in page


def test_where_a_sessions_author_kept_a_possible_identifier_is_read_by_its_desk(client, world):
    """A session's "not an identifier" marks are its program's desk's, as the case-form
    editor's are (`can_run_desk`): its trail told every coordinator reading it the field,
    kind and reason of each."""
    from datetime import date

    from app.deid.gate import Acceptance, IdentifiersFound
    from app.programs.operations import create_session

    notes = "Room booked by Harriet Quenby, call 617 555 0142."
    with pytest.raises(IdentifiersFound) as found:
        create_session(world.hcv, date(2026, 3, 2), notes=notes, actor=world.coordinator)
    db.session.rollback()
    kept = [Acceptance(f.field, f.start, f.end, "placeholder") for f in found.value.findings]
    session = create_session(
        world.hcv, date(2026, 3, 2), notes=notes, actor=world.coordinator, accepted=kept
    )
    db.session.commit()
    path = f"/audit/session/{session.id}"
    for reader in (world.coordinator, world.admin):
        assert "deid.finding_overridden" in _trail(client, reader, path)
    for reader in (world.outsider, world.elsewhere):
        page = _trail(client, reader, path)
        assert "session.created" in page  # the trail itself stays theirs
        assert "deid.finding_overridden" not in page
