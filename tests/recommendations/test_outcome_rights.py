"""Who records what became of a recommendation at a follow-up: its presenter, the
coordinators who run its program and admins; a coordinator of another program reads the
open follow-up but records nothing on it, on the web, by the API or by an import."""

from __future__ import annotations

import pytest

from app.auth.policy import can_record_outcome
from app.errors import PermissionDenied
from app.extensions import db
from app.recommendations.models import Outcome
from app.recommendations.operations import record_outcome
from tests.cases.test_views import as_user, text
from tests.support.clients import bearer


@pytest.fixture
def world(world_with_coordinators):
    return world_with_coordinators


def _note(world) -> str | None:
    db.session.rollback()
    outcome = db.session.scalar(
        db.select(Outcome).where(
            Outcome.case_id == world.follow_up.id, Outcome.recommendation_id == world.rec.id
        )
    )
    return outcome.note if outcome else None


def test_a_coordinator_of_another_program_may_not_record_an_outcome(client, world):
    before = _note(world)
    as_user(client, world.outsider)
    page = client.get(f"/cases/{world.follow_up.id}")
    assert page.status_code == 200  # an open case of a public program: read, not written
    assert "Record outcomes" not in text(page)
    form = client.get(f"/cases/{world.follow_up.id}/outcomes")
    assert form.status_code == 403
    response = client.post(
        f"/cases/{world.follow_up.id}/outcomes",
        data={
            f"outcomes.{world.rec.id}.adoption": "not_adopted",
            f"outcomes.{world.rec.id}.patient_status": "worse",
            f"outcomes.{world.rec.id}.note": "Recorded from elsewhere.",
        },
    )
    assert response.status_code == 403
    assert _note(world) == before

    api = client.post(
        f"/api/v1/cases/{world.follow_up.id}/outcomes",
        json={
            "recommendation_id": world.rec.id,
            "adoption": "not_adopted",
            "patient_status": "worse",
            "note": "Recorded from elsewhere.",
        },
        headers=bearer(world.outsider),
    )
    assert api.status_code == 403
    assert api.get_json()["error"] == "forbidden"
    assert _note(world) == before


def test_the_presenter_and_the_programs_coordinator_record_outcomes(client, world):
    assert can_record_outcome(world.provider, world.follow_up)
    assert can_record_outcome(world.coordinator, world.follow_up)
    assert can_record_outcome(world.admin, world.follow_up)
    assert not can_record_outcome(world.outsider, world.follow_up)
    assert not can_record_outcome(world.other_provider, world.follow_up)
    record_outcome(
        world.follow_up,
        world.rec,
        "partly",
        "unchanged",
        note="Stopped at week 8.",
        actor=world.coordinator,
    )
    db.session.commit()
    assert _note(world) == "Stopped at week 8."
    with pytest.raises(PermissionDenied):
        record_outcome(
            world.follow_up, world.rec, "adopted", "improved", note="", actor=world.outsider
        )
