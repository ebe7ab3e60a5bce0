"""The re-identification warning where the gate shows findings: the case page for presenter
and coordinator, the API, and the coordinator's approval (audited without the text)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases import lifecycle
from app.cases.models import Case
from app.common import utcnow
from app.extensions import db
from tests.cases.test_views import as_user, complete_form, text
from tests.support.builders import build_world

RISKY = (
    "Her husband is the county sheriff in a small town. She has Fabry disease and was"
    " struck by lightning last spring."
)


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    return w


def submitted_case(client, world, hpi: str) -> Case:
    as_user(client, world.provider)
    response = client.post(
        "/programs/hcv/cases/new", data=complete_form(action="submit", **{"sections.hpi": hpi})
    )
    assert response.status_code in (302, 303), text(response)[:2000]
    return db.session.scalars(select(Case).order_by(Case.id.desc())).first()


def test_presenter_and_coordinator_see_the_warning_with_phrases_and_advice(client, world):
    case = submitted_case(client, world, RISKY)
    page = text(client.get(f"/cases/{case.id}"))
    assert "Could this case still point at one person?" in page
    assert "<q>sheriff</q>" in page and "<q>Fabry disease</q>" in page
    assert "a rural community" in page  # how to generalize
    as_user(client, world.coordinator)
    page = text(client.get(f"/cases/{case.id}"))
    assert "Could this case still point at one person?" in page
    assert "Approving the case confirms" in page


def test_an_ordinary_case_shows_no_warning(client, world):
    case = submitted_case(client, world, "Found on screening; eGFR 28.")
    assert "Could this case still point at one person?" not in text(client.get(f"/cases/{case.id}"))


def test_the_warning_never_blocks_and_approval_confirms_it_in_the_audit_trail(client, world):
    case = submitted_case(client, world, RISKY)
    lifecycle.approve_case(case, actor=world.coordinator)
    db.session.commit()
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "deid.risk_confirmed")
    ).one()
    recorded = json.dumps(event.details)
    assert event.entity_type == "cases" and event.entity_id == case.id
    assert "rare_condition" in event.details["kinds"] and "role" in event.details["kinds"]
    assert "Fabry" not in recorded and "sheriff" not in recorded


def test_approving_an_ordinary_case_records_no_confirmation(client, world):
    case = submitted_case(client, world, "Found on screening; eGFR 28.")
    lifecycle.approve_case(case, actor=world.coordinator)
    db.session.commit()
    assert not db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "deid.risk_confirmed")
    ).all()


def test_the_api_gives_the_warning_as_offsets_and_kinds(client, world):
    case = submitted_case(client, world, RISKY)
    headers = {"Authorization": f"Bearer {create_token(world.provider, actor=SYSTEM)}"}
    db.session.commit()
    body = client.get(f"/api/v1/cases/{case.id}", headers=headers).get_json()
    risk = body["deid_risk"]
    assert risk["level"] == "high"
    assert {"rare_condition", "role", "small_place", "event"} <= set(risk["kinds"])
    assert "Fabry" not in json.dumps(risk)
    signal = risk["signals"][0]
    assert (
        body["presentation"][signal["start"] : signal["end"]] or signal["field"] != "presentation"
    )


@pytest.mark.parametrize(
    ("fields", "phrase"),
    [
        # 87: a risk signal; an age over 89, or a birth year over 89 years ago, the gate
        # refuses (tests/deid/test_labelled_age.py, tests/deid/test_birth_year.py).
        ({"age_years": 87}, "87"),
        ({"age": 87}, "87"),
        ({"birth_year": utcnow().year - 87}, str(utcnow().year - 87)),
    ],
)
def test_a_free_fields_number_counts_as_the_gate_reads_it(client, make_user, fields, phrase):
    """A program without a form keeps its fields as given and the gate reads their numbers
    after their keys: the risk assessment reads them so too."""
    from app.programs.operations import create_program
    from tests.support.clients import bearer

    create_program("open", "Open ECHO", actor=SYSTEM)
    db.session.commit()
    provider = make_user("provider", programs=["open"])
    body = {
        "program": "open",
        "title": "HCV follow-up",
        "question": "Her husband is the county sheriff; which regimen?",
        "presentation": "## History\n\nFound on screening.",
        "fields": fields,
    }
    headers = bearer(provider)
    created = client.post("/api/v1/cases", json=body, headers=headers)
    assert created.status_code == 201, created.get_json()
    answer = client.get(f"/api/v1/cases/{created.get_json()['id']}", headers=headers).get_json()
    risk = answer["deid_risk"]
    assert risk is not None and set(risk["kinds"]) == {"age", "role"}
    (key,) = fields
    (signal,) = [s for s in risk["signals"] if s["kind"] == "age"]
    assert signal["field"] == f"fields.{key}" and (signal["start"], signal["end"]) == (
        0,
        len(phrase),
    )
    as_user(client, provider)
    page = text(client.get(f"/cases/{answer['id']}"))
    assert f"<q>{phrase}</q>" in page and "<q>sheriff</q>" in page


def test_a_free_fields_ordinary_numbers_raise_nothing(client, make_user):
    from app.programs.operations import create_program
    from tests.support.clients import bearer

    create_program("open", "Open ECHO", actor=SYSTEM)
    db.session.commit()
    provider = make_user("provider", programs=["open"])
    body = {
        "program": "open",
        "title": "HCV follow-up",
        "question": "Her husband is the county sheriff; which regimen?",
        "presentation": "## History\n\nFound on screening.",
        "fields": {"age": 54, "viral_load": 95, "egfr": 88, "birth_year": 1990, "age_days": 90},
    }
    headers = bearer(provider)
    created = client.post("/api/v1/cases", json=body, headers=headers)
    assert created.status_code == 201, created.get_json()
    answer = client.get(f"/api/v1/cases/{created.get_json()['id']}", headers=headers).get_json()
    assert answer["deid_risk"] is None
