"""A program without a case form keeps a case's fields as given: their keys must be names
(a key is quoted in errors, audit details and exports) whose words pass the gate, and every
text and number in them, each one of a list too, passes the gate. Through the API, a file
import (with --redact too) and a hub import alike."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.auth.policy import SYSTEM
from app.cases.forms import case_form_class
from app.cases.models import Case
from app.cases.operations import CaseData, create_case, field_text_label, gate_texts
from app.cases.transfer import ImportOptions, import_paths
from app.deid.gate import IdentifiersFound
from app.deid.models import DeidOverride
from app.errors import ValidationError
from app.extensions import db
from app.programs.operations import create_program, create_session
from tests.support.clients import bearer

KEY = "Harriet Quenby MRN 55512344"
PLANTED = ("Quenby", "55512344")
NOTE = "Patient John Smith, SSN 123-45-6789, call 603-555-0142"
CASE = {
    "program": "pain",
    "title": "Back pain",
    "question": "How to taper?",
    "presentation": "Low back pain.",
}


@pytest.fixture
def pain(app, make_user):
    program = create_program("pain", "Chronic Pain ECHO", actor=SYSTEM)
    create_session(program, date(2026, 3, 10), actor=SYSTEM)
    db.session.commit()
    return program, make_user("provider", programs=["pain"])


def stored() -> str:
    """Everything a refusal must not have kept, as one text."""
    db.session.rollback()
    rows = [
        *db.session.scalars(select(Case.fields)),
        *db.session.scalars(select(AuditEvent.details)),
        *db.session.scalars(select(DeidOverride.field)),
    ]
    return json.dumps(rows)


def test_each_text_of_a_list_field_passes_the_gate_by_api(client, pain):
    _, provider = pain
    fields = {"notes": ["Back pain since 2019.", NOTE], "doses": [30, 60]}
    answer = client.post("/api/v1/cases", headers=bearer(provider), json={**CASE, "fields": fields})
    assert answer.status_code == 422
    body = answer.get_json()
    assert body["error"] == "identifiers_found"
    assert {f["field"] for f in body["findings"]} == {"fields.notes[2]"}
    assert "Smith" not in json.dumps(body) and "Smith" not in stored()


def test_an_accepted_finding_in_a_list_is_kept_and_named_by_its_item(client, pain):
    _, provider = pain
    headers = bearer(provider)
    body = {**CASE, "fields": {"notes": ["Weekly.", "The clinic line is 603-555-0142."]}}
    found = client.post("/api/v1/cases", headers=headers, json=body).get_json()["findings"]
    accepted = [
        {**{k: f[k] for k in ("field", "start", "end", "category")}, "reason": "not_about_patient"}
        for f in found
    ]
    answer = client.post(
        "/api/v1/cases", headers=headers, json={**body, "accept_findings": accepted}
    )
    assert answer.status_code == 201, answer.get_json()
    db.session.rollback()
    assert {o.field for o in db.session.scalars(select(DeidOverride))} == {"fields.notes[2]"}


@pytest.mark.parametrize("value", ["Patient John Smith", True, ["x"]])
def test_a_key_that_is_not_a_name_is_refused_without_being_repeated(client, pain, value):
    _, provider = pain
    answer = client.post(
        "/api/v1/cases", headers=bearer(provider), json={**CASE, "fields": {KEY: value}}
    )
    assert answer.status_code == 422
    body = answer.get_json()
    assert body["field"] == "fields"
    assert "lowercase letters, digits and underscores" in body["message"]
    assert not any(p in json.dumps(body) for p in PLANTED)
    assert not any(p in stored() for p in PLANTED)


def test_the_operation_refuses_a_key_that_is_not_a_name_in_any_program(pain, make_user):
    program, provider = pain
    for fields in ({KEY: 1}, {"Notes": "x"}, {"": "x"}, {3: "x"}):
        with pytest.raises(ValidationError) as info:
            create_case(program, CaseData("T", fields=fields), presenter=provider, actor=provider)
        assert info.value.field == "fields" and info.value.errors == {"fields": info.value.message}
        assert not any(p in info.value.message for p in PLANTED)
    db.session.rollback()
    templated = create_program(
        "hcv",
        "Hepatitis C ECHO",
        template={"fields": [{"key": "genotype", "label": "Genotype", "type": "text"}]},
        actor=SYSTEM,
    )
    with pytest.raises(ValidationError) as info:
        create_case(templated, CaseData("T", fields={KEY: "3"}), presenter=None, actor=SYSTEM)
    assert info.value.field == "fields"
    assert not any(p in str(info.value.errors) for p in PLANTED)


def test_list_items_are_named_and_labelled_for_the_gate():
    texts = gate_texts(
        {
            "title": "T",
            "question": "",
            "presentation": "",
            "fields": {"notes": ["a", 2, "b"], "genotype": "3", "stage": 4},
        }
    )
    # Numbers are read too (a form's "ZIP code" box holds one).
    assert {n: t for n, t in texts.items() if n.startswith("fields.")} == {
        "fields.notes[1]": "a",
        "fields.notes[2]": "2",
        "fields.notes[3]": "b",
        "fields.notes": "a, 2, b",  # the list as its page shows it
        "fields.genotype": "3",
        "fields.stage": "4",
    }
    assert field_text_label("fields.notes[3]", {}) == "notes, item 3"
    assert field_text_label("fields.genotype", {"genotype": "Genotype"}) == "Genotype"
    form = case_form_class({"fields": [{"key": "genotype", "label": "Genotype", "type": "text"}]})
    assert form.gate_labels(form, {"fields.genotype": "3", "fields.notes[2]": "x"}) == {
        "fields.genotype": "Genotype",
        "fields.notes[2]": "notes, item 2",
    }


def _import(tmp_path, fields, **options):
    path = tmp_path / "cases.jsonl"
    record = {
        **CASE,
        "ref": "pain-1",
        "status": "presented",
        "session_date": "2026-03-10",
        "fields": fields,
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [result] = import_paths([path], ImportOptions(**options), actor=SYSTEM)
    return result


def test_an_import_gates_each_text_of_a_list_and_redacts_it_item_by_item(tmp_path, pain):
    fields = {"contacts": ["Seen weekly.", "Mr. John Smith 603-555-0142"], "visits": 3}
    result = _import(tmp_path, fields)
    assert not result.ok
    assert result.problems and all("field 'fields.contacts[2]'" in p for p in result.problems)
    assert "Smith" not in stored()
    result = _import(tmp_path, fields, redact=True)
    assert result.ok, result.problems
    assert {r["field"] for r in result.redactions} == {"fields.contacts[2]"}
    [case] = db.session.scalars(select(Case))
    assert case.fields["contacts"][0] == "Seen weekly."
    assert "Smith" not in case.fields["contacts"][1] and "[PHONE]" in case.fields["contacts"][1]


@pytest.mark.parametrize("redact", [False, True])
def test_an_import_refuses_a_key_that_is_not_a_name_without_repeating_it(tmp_path, pain, redact):
    result = _import(tmp_path, {"SSN 123-45-6789 " + KEY: 1}, redact=redact)
    assert not result.ok
    [problem] = result.problems
    assert "field 'fields'" in problem and "lowercase letters" in problem
    assert "123-45-6789" not in problem and not any(p in problem for p in PLANTED)
    assert db.session.scalar(select(func.count(Case.id))) == 0
    assert not any(p in stored() for p in PLANTED)


# Numbers of a program without a form are as free as its texts: an SSN, a phone or a record
# number sent as a JSON number passes the gate as text, read with its field's name as cue.
NUMBERS = {"ssn": 123456789, "cell": 6035550142, "record_mrn": [4401237, 7]}


def test_free_numbers_pass_the_gate_as_text_named_like_texts(client, pain):
    _, provider = pain
    answer = client.post(
        "/api/v1/cases", headers=bearer(provider), json={**CASE, "fields": NUMBERS}
    )
    assert answer.status_code == 422
    body = answer.get_json()
    assert body["error"] == "identifiers_found"
    assert {f["field"] for f in body["findings"]} == {
        "fields.ssn",
        "fields.cell",
        "fields.record_mrn[1]",
    }
    assert "123456789" not in json.dumps(body) and "123456789" not in stored()


def test_a_free_number_marked_not_an_identifier_is_kept_with_its_override(client, pain, make_user):
    _, provider = pain
    headers = bearer(provider)
    body = {**CASE, "fields": {"clinic_line": 6035550142, "visits": 3, "smoker": True}}
    found = client.post("/api/v1/cases", headers=headers, json=body).get_json()["findings"]
    assert [(f["field"], f["start"], f["end"]) for f in found] == [("fields.clinic_line", 0, 10)]
    accepted = [
        {**{k: f[k] for k in ("field", "start", "end", "category")}, "reason": "not_about_patient"}
        for f in found
    ]
    # Read as a record number (ID): not the provider's to mark, an admin's.
    answer = client.post(
        "/api/v1/cases", headers=headers, json={**body, "accept_findings": accepted}
    )
    assert answer.status_code == 422 and answer.get_json()["field"] == "accept_findings[0]"
    answer = client.post(
        "/api/v1/cases",
        headers=bearer(make_user("admin")),
        json={**body, "accept_findings": accepted},
    )
    assert answer.status_code == 201, answer.get_json()
    db.session.rollback()
    [case] = db.session.scalars(select(Case))
    assert case.fields == {"clinic_line": 6035550142, "visits": 3, "smoker": True}
    assert {o.field for o in db.session.scalars(select(DeidOverride))} == {"fields.clinic_line"}


def test_a_number_that_only_its_fields_name_makes_an_identifier_is_refused(client, pain):
    # "1961" alone is no finding; as the value of an MRN it is one, found at the value's
    # offsets (so it can be marked), naming the field.
    _, provider = pain
    fields = {"record_mrn": [1961], "visits": 1961}
    answer = client.post("/api/v1/cases", headers=bearer(provider), json={**CASE, "fields": fields})
    assert answer.status_code == 422
    body = answer.get_json()
    assert body["field"] == "fields.record_mrn[1]"
    assert list(body["errors"]) == ["fields.record_mrn[1]"]
    assert [(f["field"], f["start"], f["end"]) for f in body["findings"]] == [
        ("fields.record_mrn[1]", 0, 4)
    ]
    assert "1961" not in json.dumps(body) and "1961" not in stored()


@pytest.mark.parametrize(
    ("key", "digits"),
    [
        ("dob_19610314", "19610314"),
        # a number run into a letter: "a77731234" reads "a 77731234"
        ("a77731234", "77731234"),
        ("s123456789", "123456789"),
        ("x555x8675309", "8675309"),
    ],
)
def test_a_key_whose_words_read_as_an_identifier_is_refused_without_being_repeated(
    client, pain, key, digits
):
    _, provider = pain
    fields = {key: True}
    answer = client.post("/api/v1/cases", headers=bearer(provider), json={**CASE, "fields": fields})
    assert answer.status_code == 422
    body = answer.get_json()
    assert body["field"] == "fields"
    assert digits not in json.dumps(body) and digits not in stored()


def test_keys_of_scores_and_labs_with_digits_pass(client, pain):
    _, provider = pain
    keys = ["hba1c", "cd4_count", "vitamin_b12", "fib4", "phq9", "gad7", "dast10", "g6pd"]
    fields = dict.fromkeys(keys, True) | {"hcv_rna_2019": 1200, "a1c_2024_q1": 7.1}
    answer = client.post("/api/v1/cases", headers=bearer(provider), json={**CASE, "fields": fields})
    assert answer.status_code == 201, answer.get_json()


def test_a_form_keeps_its_numbers_typed_and_reads_them_after_their_label(pain):
    templated = create_program(
        "hcv",
        "Hepatitis C ECHO",
        template={
            "fields": [
                {"key": "viral_load", "label": "Viral load", "type": "number", "unit": "IU/mL"},
                {"key": "phone", "label": "Phone", "type": "number"},
            ]
        },
        actor=SYSTEM,
    )
    # A long number in a box that gives its unit is a measurement; in a "Phone" box it is not.
    case = create_case(
        templated, CaseData("T", fields={"viral_load": 6035550142}), presenter=None, actor=SYSTEM
    )
    assert case.fields == {"viral_load": 6035550142}
    with pytest.raises(IdentifiersFound) as refused:
        create_case(
            templated, CaseData("T", fields={"phone": 6035550142}), presenter=None, actor=SYSTEM
        )
    assert [(f.field, f.start, f.end) for f in refused.value.findings] == [("fields.phone", 0, 10)]


@pytest.mark.parametrize("redact", [False, True])
def test_an_import_refuses_a_numeric_identifier_naming_file_record_and_field(
    tmp_path, pain, redact
):
    # --redact rewrites text only: a number is refused, for the record to be corrected.
    for fields, field in (
        ({"ssn": 123456789, "visits": 3}, "fields.ssn"),
        ({"record_mrn": [3, 1961]}, "fields.record_mrn[2]"),
    ):
        result = _import(tmp_path, fields, redact=redact)
        assert not result.ok
        assert result.problems and all(f"field '{field}'" in p for p in result.problems)
        assert all("pain-1" in p and "cases.jsonl" in p for p in result.problems)
        assert not result.redactions
        assert db.session.scalar(select(func.count(Case.id))) == 0
        assert "123456789" not in stored() and "1961" not in stored()
    result = _import(tmp_path, {"dob_19610314": 1}, redact=redact)
    assert not result.ok and all("field 'fields'" in p for p in result.problems)
    assert not any("19610314" in p for p in result.problems)


def test_an_import_scans_ahead_what_the_checks_of_free_fields_scan():
    # Scanned ahead, before the import's transaction takes the lock, as texts are.
    from app.cases.transfer import _texts

    record = {**CASE, "fields": {"clinic_line": 6035550142, "doses": [30, "x"], "smoker": True}}
    texts = set(_texts([(1, record)]))
    assert {"clinic line", "clinic line: 6035550142"} <= texts
    assert {"doses", "doses: 30", "doses: x", "smoker"} <= texts
    assert "True" not in texts and "smoker: True" not in texts


def test_a_key_that_is_a_lower_case_name_is_refused_without_being_repeated(client, pain):
    _, provider = pain
    fields = {"harriet_quenby": "x"}
    answer = client.post("/api/v1/cases", headers=bearer(provider), json={**CASE, "fields": fields})
    assert answer.status_code == 422
    body = answer.get_json()
    assert body["field"] == "fields" and "reads as a possible patient identifier" in body["message"]
    assert "quenby" not in json.dumps(body).lower() and "quenby" not in stored().lower()


def test_an_acceptance_naming_its_category_holds_for_that_category_only(client, pain):
    _, provider = pain
    headers = bearer(provider)
    named = {**CASE, "question": "Seen by Mr Whitcombe on review."}
    found = client.post("/api/v1/cases", headers=headers, json=named).get_json()["findings"]
    assert [f["category"] for f in found] == ["NAME"]
    accepted = [{**found[0], "reason": "not_about_patient"}]
    del accepted[0]["confidence"], accepted[0]["markable"], accepted[0]["digest"]
    # an MRN the client's edit put where the name was
    edited = {**CASE, "question": "Seen by MR#483920175 on review."}
    answer = client.post(
        "/api/v1/cases", headers=headers, json={**edited, "accept_findings": accepted}
    )
    assert answer.status_code == 422
    assert [f["category"] for f in answer.get_json()["findings"]] == ["ID"]
    assert "483920175" not in json.dumps([*db.session.scalars(select(Case.question))])
    answer = client.post(
        "/api/v1/cases", headers=headers, json={**named, "accept_findings": accepted}
    )
    assert answer.status_code == 201, answer.get_json()
