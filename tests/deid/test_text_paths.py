"""Texts that once skipped the gate: topic names, the didactic presenter, program names,
topic synonyms; and the API's "not an identifier" on return comments, stances and reasons."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.auth.policy import SYSTEM
from app.cases.models import Case, CaseStatus, ReviewComment
from app.cases.transfer import import_paths
from app.deid.gate import IdentifiersFound
from app.deid.models import DeidOverride
from app.extensions import db
from app.practices.models import PracticeEndorsement
from app.practices.operations import propose_practice
from app.programs.catalog import load_catalog
from app.programs.models import Program, Session, Topic
from app.programs.operations import create_program, create_topic, update_program
from tests.cases.test_views import as_user, complete_form, text
from tests.support.builders import build_world
from tests.support.clients import bearer

TOPIC = "Harriet Quenby MRN 55512344"
PRESENTER = "Patient Oswin Peabody, MRN 77731234"
SECRETS = ("Harriet", "Quenby", "55512344", "Oswin", "Peabody", "77731234")


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    return w


def topic_count() -> int:
    return db.session.scalar(select(func.count(Topic.id))) or 0


def accept_all(findings: list[dict], reason: str = "placeholder") -> list[dict]:
    """Every finding of a 422 answer marked, bound to its category and text."""
    keys = ("field", "start", "end", "category", "digest")
    return [{**{k: f[k] for k in keys}, "reason": reason} for f in findings]


def test_api_refuses_a_topic_name_with_identifiers_and_stores_nothing(client, world):
    headers, before = bearer(world.provider), topic_count()
    body = {"program": "hcv", "title": "HCV and CKD", "topics": ["Hepatitis C", TOPIC]}
    response = client.post("/api/v1/cases", json=body, headers=headers)
    assert response.status_code == 422
    answer = response.get_json()
    assert answer["error"] == "identifiers_found"
    assert {f["field"] for f in answer["findings"]} == {"topics[2]"}
    assert {f["category"] for f in answer["findings"]} == {"NAME", "ID"}
    assert not any(s in json.dumps(answer) for s in SECRETS)
    assert topic_count() == before
    assert db.session.scalar(select(Case).where(Case.title == "HCV and CKD")) is None

    # A provider may not mark the record number "not an identifier" (a firm category)…
    body["accept_findings"] = accept_all(answer["findings"])
    mrn = next(i for i, f in enumerate(answer["findings"]) if f["category"] == "ID")
    refused = client.post("/api/v1/cases", json=body, headers=headers)
    assert refused.status_code == 422
    assert refused.get_json()["field"] == f"accept_findings[{mrn}]"
    assert topic_count() == before
    # …an admin, answering for the vocabulary, may (e.g. a number the detector doubts).
    created = client.post("/api/v1/cases", json=body, headers=bearer(world.admin))
    assert created.status_code == 201, created.get_json()
    assert TOPIC in created.get_json()["topics"]
    overrides = db.session.scalars(
        select(DeidOverride).where(DeidOverride.entity_id == created.get_json()["id"])
    ).all()
    assert {(o.entity_type, o.field) for o in overrides} == {("cases", "topics[2]")}


def test_api_refuses_identifiers_in_the_didactic_presenter(client, world):
    headers = bearer(world.coordinator)
    body = {"date": "2026-02-03", "title": "DAAs", "didactic_presenter": PRESENTER}
    response = client.post("/api/v1/programs/hcv/sessions", json=body, headers=headers)
    assert response.status_code == 422
    answer = response.get_json()
    assert {f["field"] for f in answer["findings"]} == {"didactic_presenter"}
    assert {f["category"] for f in answer["findings"]} == {"NAME", "ID"}
    assert db.session.scalar(select(Session).where(Session.date == date(2026, 2, 3))) is None

    # A member of staff is named there by design.
    body["didactic_presenter"] = "Rafael Okonkwo, MD"
    created = client.post("/api/v1/programs/hcv/sessions", json=body, headers=headers)
    assert created.status_code == 201, created.get_json()
    session_id = created.get_json()["id"]
    patched = client.patch(
        f"/api/v1/sessions/{session_id}", json={"didactic_presenter": PRESENTER}, headers=headers
    )
    assert patched.status_code == 422
    assert db.session.get(Session, session_id).didactic_presenter == "Rafael Okonkwo, MD"
    patched = client.patch(
        f"/api/v1/sessions/{session_id}", json={"topics": [TOPIC]}, headers=headers
    )
    assert patched.status_code == 422
    assert patched.get_json()["findings"][0]["field"] == "topics[1]"


def test_import_refuses_a_record_whose_topic_names_a_patient(world, tmp_path: Path):
    path = tmp_path / "cases.jsonl"
    record = {
        "ref": "hcv-topic-1",
        "program": "hcv",
        "title": "HCV case",
        "question": "Which regimen?",
        "status": "draft",
        "topics": ["Hepatitis C", TOPIC],
    }
    path.write_text(json.dumps(record) + "\n")
    before = topic_count()
    [result] = import_paths([path], actor=SYSTEM)
    assert not result.ok
    assert any("field 'topics[2]': possible NAME" in p for p in result.problems)
    assert not any(s in " ".join(result.problems) for s in SECRETS)
    assert topic_count() == before


@pytest.mark.parametrize(
    "catalog",
    [
        "topics:\n  - name: " + TOPIC + "\n",
        "topics:\n  - name: Hepatitis C\n    synonyms: [" + TOPIC + "]\n",
        "topics:\n  - name: Liver\n    description: Seen for " + TOPIC + "\n",
        "programs:\n  - slug: hcv\n    name: Hepatitis C ECHO\n    sessions:\n"
        "      - date: 2026-04-07\n        didactic_presenter: " + PRESENTER + "\n",
        "programs:\n  - slug: new-one\n    name: Clinic of " + TOPIC + "\n",
        "programs:\n  - slug: hcv\n    name: Hepatitis C ECHO\n    description: For "
        + TOPIC
        + "\n",
    ],
    ids=["topic", "synonym", "description", "presenter", "new-program", "program-description"],
)
def test_the_catalog_goes_through_the_gate(world, tmp_path: Path, catalog: str):
    path = tmp_path / "catalog.yaml"
    path.write_text(catalog)
    before = (topic_count(), db.session.scalar(select(func.count(Program.id))))
    with pytest.raises(IdentifiersFound):
        load_catalog(path, actor=SYSTEM)
    assert (topic_count(), db.session.scalar(select(func.count(Program.id)))) == before
    assert db.session.get(Program, world.hcv.id).description.startswith("A teleECHO clinic")


def test_practices_and_programs_gate_their_names(world):
    with pytest.raises(IdentifiersFound) as info:
        propose_practice(
            "Treat early", "Treat HCV early.", topics=[TOPIC], author=world.expert, actor=SYSTEM
        )
    assert [f.field for f in info.value.findings] == ["topics[1]", "topics[1]"]
    db.session.rollback()
    with pytest.raises(IdentifiersFound):
        create_program("quenby", "Clinic of " + TOPIC, actor=SYSTEM)
    db.session.rollback()
    with pytest.raises(IdentifiersFound):
        update_program(
            db.session.get(Program, world.hcv.id), description="For " + TOPIC, actor=SYSTEM
        )
    db.session.rollback()
    with pytest.raises(IdentifiersFound):
        create_topic("Cirrhosis", synonyms=[TOPIC], actor=SYSTEM)


def test_case_form_marks_a_new_topic_in_place_and_takes_not_an_identifier(client, world):
    as_user(client, world.provider)
    typed = complete_form(topics=f"Hepatitis C, {TOPIC}")
    response = client.post("/programs/hcv/cases/new", data=typed)
    assert response.status_code == 422
    page = text(response)
    boxes = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    assert boxes and all(b.startswith("topics[2]|") for b in boxes)
    assert not any("|ID|" in b for b in boxes)  # the record number is for the author to remove
    assert "Possible identifiers in topic 2" in page
    assert topic_count() == 2  # Hepatitis C and B from the world; nothing new

    # The name ticked, the record number removed: the tick still holds for the same name.
    accepted = dict(typed, topics="Hepatitis C, Harriet Quenby", accept_finding=boxes)
    accepted.update({f"reason|{b}": "placeholder" for b in boxes})
    response = client.post("/programs/hcv/cases/new", data=accepted)
    assert response.status_code == 303, text(response)
    assert db.session.scalar(select(Topic).where(Topic.name == "Harriet Quenby")) is not None


def test_session_form_marks_the_presenter(client, world):
    as_user(client, world.coordinator)
    response = client.post(
        "/programs/hcv/sessions/new",
        data={"date": "2026-05-05", "title": "Week 9", "didactic_presenter": PRESENTER},
    )
    assert response.status_code == 422
    page = text(response)
    assert "Possible identifiers in Didactic presenter" in page
    assert re.findall(r'name="accept_finding" value="didactic_presenter\|', page)


# ------------------------------------------------------------ API "not an identifier"


def test_api_return_comment_takes_not_an_identifier(client, world):
    headers = bearer(world.coordinator)
    case = world.draft
    case.status = CaseStatus.SUBMITTED
    db.session.commit()
    comment = 'Replace "Patient Hope Graves" with "the patient" in the history.'
    body = {"action": "return", "comment": comment}
    response = client.post(f"/api/v1/cases/{case.id}/actions", json=body, headers=headers)
    assert response.status_code == 422
    findings = response.get_json()["findings"]
    assert {f["field"] for f in findings} == {"comment"}
    body["accept_findings"] = accept_all(findings, "not_about_patient")
    response = client.post(f"/api/v1/cases/{case.id}/actions", json=body, headers=headers)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "returned"
    review = db.session.scalar(select(ReviewComment).where(ReviewComment.case_id == case.id))
    assert review.body == comment
    [override] = db.session.scalars(
        select(DeidOverride).where(DeidOverride.entity_type == "review_comments")
    ).all()
    assert (override.entity_id, override.reason) == (review.id, "not_about_patient")


def test_api_practice_stance_and_status_reason_take_not_an_identifier(client, world):
    practice = propose_practice(
        "HBV serology before DAAs", "Check HBV serology first.", author=world.expert, actor=SYSTEM
    )
    db.session.commit()
    headers = bearer(world.expert)
    note = "As Dr. Hope Graves showed in 2019."
    url = f"/api/v1/practices/{practice.id}"
    response = client.post(
        f"{url}/stance", json={"stance": "dissent", "note": note}, headers=headers
    )
    assert response.status_code == 422
    findings = response.get_json()["findings"]
    assert findings and {f["field"] for f in findings} == {"note"}
    response = client.post(
        f"{url}/stance",
        json={"stance": "dissent", "note": note, "accept_findings": accept_all(findings)},
        headers=headers,
    )
    assert response.status_code == 200, response.get_json()
    endorsement = db.session.scalar(select(PracticeEndorsement))
    assert endorsement.note == note
    assert db.session.scalar(
        select(DeidOverride).where(
            DeidOverride.entity_type == "practice_endorsements",
            DeidOverride.entity_id == endorsement.id,
        )
    )

    reason = "Per Hope Graves, MRN 12345678, it works."
    body = {"status": "emerging", "reason": reason}
    response = client.post(f"{url}/status", json=body, headers=headers)
    assert response.status_code == 422
    findings = response.get_json()["findings"]
    assert {f["field"] for f in findings} == {"reason"}
    body["accept_findings"] = accept_all(findings)
    response = client.post(f"{url}/status", json=body, headers=headers)
    assert response.status_code == 422  # a record number: not the expert's to mark
    assert "cannot be marked" in response.get_json()["message"]
    body = {"status": "emerging", "reason": "Per Hope Graves, it works."}
    findings = client.post(f"{url}/status", json=body, headers=headers).get_json()["findings"]
    body["accept_findings"] = accept_all(findings)
    response = client.post(f"{url}/status", json=body, headers=headers)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "emerging"


def test_openapi_lists_accept_findings_on_the_new_bodies(client):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    for name in ("CaseAction", "PracticeStance", "PracticeStatusChange"):
        assert "accept_findings" in schemas[name]["properties"], name
