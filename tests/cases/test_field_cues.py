"""A case field's value is read after the words the page shows beside it (its form's label,
or its key's words in a program without a form): "Whitcombe" alone is no finding, "Surname:
Whitcombe" is one. Findings keep the value's offsets; the label alone is never one."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.deid.gate import check, scan_by_field
from app.deid.models import DeidOverride
from app.extensions import db
from app.programs.operations import create_program
from tests.support.clients import bearer

CASE = {
    "title": "Adult with chronic HCV",
    "question": "Treat now?",
    "presentation": "## History of present illness\n\nFound on screening.",
}
TEMPLATE = {
    "sections": [{"key": "hpi", "label": "History of present illness", "required": True}],
    "fields": [
        {"key": "surname", "label": "Surname", "type": "text"},
        {"key": "smoking", "label": "Smoking status", "type": "text"},
        {"key": "zip", "label": "ZIP code", "type": "number"},
        {"key": "mrn", "label": "Medical record number", "type": "number"},
        {"key": "phone", "label": "Phone", "type": "number"},
        {"key": "viral_load", "label": "Viral load", "type": "number"},
        {"key": "hcv_rna", "label": "Baseline HCV RNA", "type": "number", "unit": "IU/mL"},
        {"key": "social", "label": "Social history (free text)", "type": "text"},
        {"key": "record", "label": "MRN", "type": "number", "unit": "#"},
        {"key": "home_phone", "label": "Home phone", "type": "number", "unit": "10 digits"},
        {"key": "kin", "label": "Next of kin (name)", "type": "text"},
    ],
}


@pytest.fixture
def provider(app, make_user):
    create_program("free", "Free-form ECHO", actor=SYSTEM)
    create_program("formed", "Formed ECHO", template=TEMPLATE, actor=SYSTEM)
    db.session.commit()
    return make_user("provider", programs=["free", "formed"])


def _post(client, provider, program, fields, **extra):
    body = {**CASE, "program": program, "fields": fields, **extra}
    return client.post("/api/v1/cases", headers=bearer(provider), json=body)


@pytest.mark.parametrize(
    ("fields", "field", "value"),
    [
        ({"patient_name": "Whitcombe"}, "fields.patient_name", "Whitcombe"),
        ({"surname": ["Whitcombe"]}, "fields.surname[1]", "Whitcombe"),
        ({"zip": "87106"}, "fields.zip", "87106"),
        ({"zip": 87106}, "fields.zip", "87106"),
        ({"street_address": "1428 Elm"}, "fields.street_address", "1428 Elm"),
    ],
)
def test_a_free_fields_value_is_read_after_its_key(client, provider, fields, field, value):
    answer = _post(client, provider, "free", fields)
    assert answer.status_code == 422
    body = answer.get_json()
    assert body["error"] == "identifiers_found"
    assert [(f["field"], f["start"], f["end"]) for f in body["findings"]] == [
        (field, 0, len(value))
    ]
    assert value not in json.dumps(body)
    db.session.rollback()
    assert not db.session.scalars(select(Case)).all()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"surname": "Whitcombe"}, "fields.surname"),
        ({"zip": 87106}, "fields.zip"),
        ({"mrn": 77731234}, "fields.mrn"),
        ({"phone": 5055550143}, "fields.phone"),
    ],
)
def test_a_forms_value_text_or_number_is_read_after_its_label(client, provider, fields, field):
    answer = _post(client, provider, "formed", fields)
    assert answer.status_code == 422
    body = answer.get_json()
    assert {f["field"] for f in body["findings"]} == {field}
    assert str(next(iter(fields.values()))) not in json.dumps(body)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        (
            {"social": "Lives with wife Mary Whitcombe, SSN 123-45-6789, cell 555-867-5309"},
            "fields.social",
        ),
        ({"record": 77731234}, "fields.record"),
        ({"home_phone": 5058675309}, "fields.home_phone"),
        ({"kin": "Whitcombe"}, "fields.kin"),
        ({"viral_load": 77731234.0}, "fields.viral_load"),
    ],
)
def test_a_label_with_brackets_or_a_unit_leaves_the_value_gated(client, provider, fields, field):
    """Only a long number under a unit that measures it is no record number: a label's
    brackets never switch the gate off, nor a unit on a box its label calls an identifier,
    nor a whole number sent as a float."""
    answer = _post(client, provider, "formed", fields)
    assert answer.status_code == 422, answer.get_json()
    assert {f["field"] for f in answer.get_json()["findings"]} == {field}
    db.session.rollback()
    assert not db.session.scalars(select(Case)).all()


def test_ordinary_values_pass_after_their_label_or_key(client, provider):
    formed = {"smoking": "never", "viral_load": 45000, "hcv_rna": 2340000}
    assert _post(client, provider, "formed", formed).status_code == 201
    free = {"smoking_status": "never", "viral_load": 45000, "genotype": "1a", "fib4": 2.1}
    assert _post(client, provider, "free", free).status_code == 201


def test_a_labelled_finding_marked_not_an_identifier_is_kept_at_the_values_offsets(
    client, provider
):
    fields = {"zip": 87106}
    found = _post(client, provider, "formed", fields).get_json()["findings"]
    accepted = [
        {**{k: f[k] for k in ("field", "start", "end", "category")}, "reason": "other"}
        for f in found
    ]
    answer = _post(client, provider, "formed", fields, accept_findings=accepted)
    assert answer.status_code == 201, answer.get_json()
    db.session.rollback()
    [override] = db.session.scalars(select(DeidOverride))
    assert (override.field, override.start, override.end) == ("fields.zip", 0, 5)


def test_the_label_alone_is_never_a_finding():
    cues = {"fields.x": "Mr John Smith, MRN 77731234: "}
    assert scan_by_field({"fields.x": "yes"}, cues) == {"fields.x": []}
    assert check({"fields.x": "yes"}, cues=cues) == []


def test_the_case_form_refuses_a_number_box_by_its_label_and_marks_the_value(client, provider):
    from tests.cases.test_views import as_user, text

    as_user(client, provider)
    typed = {
        "title": "Adult with chronic HCV",
        "question": "Treat now?",
        "sections.hpi": "Found on screening.",
        "fields.zip": "87106",
        "fields.viral_load": "45000",
    }
    response = client.post("/programs/formed/cases/new", data=typed)
    assert response.status_code == 422
    page = text(response)
    assert "Nothing was saved: the text may identify a patient." in page
    (key,) = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    assert key.startswith("fields.zip|0|5|")  # the value's finding, to tick
    db.session.rollback()
    assert not db.session.scalars(select(Case)).all()
    ticked = {**typed, "accept_finding": key, f"reason|{key}": "other"}
    response = client.post("/programs/formed/cases/new", data=ticked)
    assert response.status_code in (302, 303), text(response)[:2000]
