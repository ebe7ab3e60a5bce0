"""A list in a case's free fields is shown as its items joined by ", " ("ssn: 123-45,
6789"): the gate reads it so too, beside each item, and a finding of the list as shown counts
only where no item has one of the same value (an item's marked finding is marked once)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.auth.policy import SYSTEM
from app.cases.operations import field_cues, gate_texts
from app.cases.queries import field_rows
from app.deid.gate import preview
from app.extensions import db
from app.programs.operations import create_program, create_session
from tests.support.clients import bearer

CASE = {"program": "pain", "title": "Back pain", "question": "Taper?", "presentation": "Pain."}


def _texts(fields):
    texts = gate_texts({"title": "T", "question": "", "presentation": "", "fields": fields})
    return {n: t for n, t in texts.items() if n.startswith("fields.")}


def test_a_list_is_read_as_the_page_shows_it_beside_its_items():
    fields = {"ssn": ["123-45", "6789"], "doses": [30, 60], "site": ["L4"]}
    texts = _texts(fields)
    [row] = [r for r in field_rows({}, fields) if r.label == "Ssn"]
    assert texts["fields.ssn"] == row.value == "123-45, 6789"
    assert texts["fields.ssn[1]"] == "123-45" and texts["fields.ssn[2]"] == "6789"
    assert "fields.site" not in texts  # one item is shown as itself


def test_an_ssn_split_over_a_lists_items_is_refused():
    fields = {"ssn": ["123-45", "6789"]}
    found = preview(_texts(fields), field_cues(fields, None))
    assert {(f.field, f.category) for f in found.findings} == {("fields.ssn", "SSN")}


def test_a_finding_inside_one_item_is_named_by_its_item_alone():
    fields = {"notes": ["Weekly.", "The clinic line is 603-555-0142."]}
    found = preview(_texts(fields), field_cues(fields, None))
    assert {f.field for f in found.findings} == {"fields.notes[2]"}


def test_lists_of_doses_and_drugs_stay_clean():
    fields = {
        "doses": [30, 60, 90],
        "drugs": ["metformin 500 mg", "lisinopril 10 mg"],
        "bp": ["120/80", "135/85"],
        "labs": ["ALT 54", "AST 60", "Hb 12.1"],
        "codes": ["123", "45", "6789"],
    }
    assert not preview(_texts(fields), field_cues(fields, None))


@pytest.fixture
def pain(app, make_user):
    program = create_program("pain", "Chronic Pain ECHO", actor=SYSTEM)
    create_session(program, date(2026, 3, 10), actor=SYSTEM)
    db.session.commit()
    return program, make_user("provider", programs=["pain"])


def test_the_api_refuses_an_ssn_split_over_a_lists_items(client, pain):
    _, provider = pain
    body = {**CASE, "fields": {"ssn": ["123-45", "6789"]}}
    answer = client.post("/api/v1/cases", headers=bearer(provider), json=body)
    assert answer.status_code == 422
    found = answer.get_json()
    assert [(f["field"], f["category"]) for f in found["findings"]] == [("fields.ssn", "SSN")]
    assert "6789" not in json.dumps(found)


@pytest.mark.parametrize("redact", [False, True])
def test_an_import_of_an_ssn_split_over_a_lists_items_is_refused(tmp_path, pain, redact):
    from app.cases.transfer import ImportOptions, import_paths

    record = {**CASE, "ref": "pain-1", "status": "presented", "session_date": "2026-03-10"}
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps({**record, "fields": {"ssn": ["123-45", "6789"]}}) + "\n")
    [result] = import_paths([path], ImportOptions(redact=redact), actor=SYSTEM)
    assert not result.ok
    assert result.problems and all("6789" not in p for p in result.problems)
