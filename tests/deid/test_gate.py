"""The gate: identifiers never reach the database, the audit trail or the logs."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.auth.operations import create_token, get_user_by_email
from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.cases.operations import CaseData, create_case
from app.cases.transfer import ImportOptions, import_paths
from app.deid.gate import Acceptance, IdentifiersFound
from app.deid.models import DeidOverride
from app.extensions import db
from app.programs.operations import create_program, create_session
from app.recommendations.operations import add_recommendation

DIRTY = "Mr. John Smith, DOB 03/14/1952, seen at St. Mary's in Lebanon, NH, call 603-555-0142."
SECRETS = ["John Smith", "03/14/1952", "St. Mary", "603-555-0142"]


@pytest.fixture
def program(app, make_user):
    make_user("provider", email="spoke@example.org")
    make_user("expert", email="hub@example.org")
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    return program


def test_case_with_identifiers_is_refused_with_offsets_and_no_text(program, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(IdentifiersFound) as info:
        create_case(
            program,
            CaseData(title="HCV case", presentation=DIRTY),
            presenter=None,
            imported=True,
            actor=SYSTEM,
        )
    found = {(f.field, f.category, DIRTY[f.start : f.end]) for f in info.value.findings}
    assert found == {
        ("presentation", "NAME", "John Smith"),
        ("presentation", "DATE", "03/14/1952"),
        ("presentation", "FACILITY", "St. Mary's"),
        ("presentation", "LOCATION", "Lebanon"),
        ("presentation", "PHONE", "603-555-0142"),
    }
    body = json.dumps(info.value.to_dict())
    assert all(secret not in body for secret in SECRETS)
    assert all(secret not in info.value.message for secret in SECRETS)
    db.session.rollback()
    assert db.session.scalar(select(func.count(Case.id))) == 0
    assert all(secret not in caplog.text for secret in SECRETS)


def test_a_finding_marked_not_an_identifier_is_kept_with_its_reason(program, make_user):
    text = "Seen for Graves disease follow-up."
    findings = []
    try:
        create_case(
            program,
            CaseData(title="Thyroid", presentation="Patient Hope Graves."),
            presenter=None,
            imported=True,
            actor=SYSTEM,
        )
    except IdentifiersFound as exc:
        findings = exc.findings
        db.session.rollback()
    assert findings, "a cued name is found"
    accepted = [Acceptance(f.field, f.start, f.end, "placeholder") for f in findings]
    case = create_case(
        program,
        CaseData(title="Thyroid", presentation="Patient Hope Graves."),
        presenter=None,
        imported=True,
        accepted=accepted,
        actor=SYSTEM,
    )
    db.session.commit()
    [override] = db.session.scalars(select(DeidOverride)).all()
    assert (override.entity_id, override.reason, override.category) == (
        case.id,
        "placeholder",
        "NAME",
    )
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "deid.finding_overridden")
    ).all()
    assert events and "Hope" not in json.dumps([e.details for e in events])
    assert create_case(
        program,
        CaseData(title="Thyroid 2", presentation=text),
        presenter=None,
        imported=True,
        actor=SYSTEM,
    )


def test_recommendations_go_through_the_gate_but_citations_may_name_institutions(program):
    case = create_case(
        program,
        CaseData(title="HCV", question="Which regimen?"),
        presenter=None,
        imported=True,
        actor=SYSTEM,
    )
    expert = get_user_by_email("hub@example.org")
    with pytest.raises(IdentifiersFound) as info:
        add_recommendation(
            case, expert, "Call her at 603-555-0142.", "other", imported=True, actor=SYSTEM
        )
    assert info.value.findings[0].field == "body"
    citation = "University of Liverpool. HEP Drug Interactions database. 2024."
    assert add_recommendation(
        case,
        expert,
        "Check interactions.",
        "other",
        references=[citation],
        imported=True,
        actor=SYSTEM,
    )
    with pytest.raises(IdentifiersFound) as info:
        add_recommendation(
            case,
            expert,
            "x",
            "other",
            references=["Call 603-555-0142"],
            imported=True,
            actor=SYSTEM,
        )
    assert info.value.findings[0].field == "references[1]"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.jsonl"
    record = {
        "ref": "hcv-1",
        "program": "hcv",
        "title": "HCV case",
        "presentation": text,
        "question": "Which regimen?",
        "status": "presented",
        "session_date": "2026-03-10",
    }
    path.write_text(json.dumps(record) + "\n")
    return path


def test_import_rejects_a_file_with_identifiers_listing_each_finding(program, tmp_path):
    create_session(program, date(2026, 3, 10), actor=SYSTEM)
    db.session.commit()
    [result] = import_paths([_write(tmp_path, DIRTY)], actor=SYSTEM)
    assert not result.ok
    assert any(
        "line 1 (ref hcv-1) field 'presentation': possible PHONE at characters" in p
        for p in result.problems
    )
    assert all(secret not in " ".join(result.problems) for secret in SECRETS)
    assert db.session.scalar(select(func.count(Case.id))) == 0


def test_import_with_redact_replaces_identifiers_and_reports_without_text(program, tmp_path):
    [result] = import_paths([_write(tmp_path, DIRTY)], ImportOptions(redact=True), actor=SYSTEM)
    assert result.ok, result.problems
    case = db.session.scalar(select(Case))
    assert "[NAME]" in case.presentation and "[PHONE]" in case.presentation
    assert all(secret not in case.presentation for secret in SECRETS)
    assert {r["category"] for r in result.redactions} >= {"NAME", "DATE", "PHONE"}
    assert all(secret not in json.dumps(result.redactions) for secret in SECRETS)


def test_cli_import_redact_writes_the_report(app, program, tmp_path):
    report = tmp_path / "report.jsonl"
    result = app.test_cli_runner().invoke(
        args=["import", "--redact", "--report", str(report), str(_write(tmp_path, DIRTY))]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in report.read_text().splitlines()]
    assert {row["field"] for row in rows} == {"presentation"}
    assert all(secret not in report.read_text() for secret in SECRETS)


def test_scan_api_and_cli_store_nothing(app, client, make_user, tmp_path):
    token = create_token(make_user("provider"), actor=SYSTEM)
    db.session.commit()
    before = db.session.scalar(select(func.count(AuditEvent.id)))
    response = client.post(
        "/api/v1/deid/scan", json={"text": DIRTY}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    categories = [f["category"] for f in response.get_json()["findings"]]
    assert categories == ["NAME", "DATE", "FACILITY", "LOCATION", "PHONE"]
    assert set(response.get_json()["findings"][0]) == {
        "start",
        "end",
        "category",
        "confidence",
        "digest",
        "markable",
    }
    bad = client.post(
        "/api/v1/deid/scan", json={"txt": 1}, headers={"Authorization": f"Bearer {token}"}
    )
    assert bad.status_code == 422 and bad.get_json()["field"] == "text"
    path = tmp_path / "note.txt"
    path.write_text("clean line\n" + DIRTY)
    result = app.test_cli_runner().invoke(args=["deid-scan", "--json", str(path)])
    assert result.exit_code == 1
    line = json.loads(result.output)
    assert line["file"] == str(path)
    first = line["findings"][0]
    assert path.read_text()[first["start"] : first["end"]] == "John Smith"
    assert db.session.scalar(select(func.count(AuditEvent.id))) == before


def test_an_operations_gated_fields_give_its_texts_and_their_labels():
    from app.deid.gate import GatedFields

    fields = GatedFields({"body": "Recommendation"}, {"references": "Reference {}"})
    texts = fields.texts(body="Start sofosbuvir.", references=["AASLD 2023", "EASL 2020"])
    assert texts == {
        "body": "Start sofosbuvir.",
        "references[1]": "AASLD 2023",
        "references[2]": "EASL 2020",
    }
    assert fields.labels_of(texts) == {
        "body": "Recommendation",
        "references[1]": "Reference 1",
        "references[2]": "Reference 2",
    }
    assert fields.texts(body=None) == {"body": ""}


def test_a_value_that_is_not_text_is_refused_naming_its_field_not_stored_unchecked(program):
    # A YAML catalog reads `notes: 1950-03-14` as a date and a bare phone number as an int;
    # the gate would have checked "" and the session stored their text.
    from app.errors import ValidationError
    from app.programs.models import Session

    for values in ({"notes": date(1950, 3, 14)}, {"didactic_presenter": 6035550142}):
        with pytest.raises(ValidationError, match="must be text") as refused:
            create_session(program, date(2026, 3, 10), actor=SYSTEM, **values)
        assert refused.value.field == next(iter(values))
        db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Session)) == 0


def test_a_refusal_carries_every_finding_by_field_the_accepted_ones_too():
    from app.deid.gate import check

    texts = {"body": "Call 603-555-0142 today.", "note": "Seen at St. Mary's.", "clean": "Fine."}
    with pytest.raises(IdentifiersFound) as refused:
        check(texts)
    phone = refused.value.scanned["body"][0]
    accepted = [Acceptance("body", phone.start, phone.end, "other")]
    with pytest.raises(IdentifiersFound) as refused:
        check(texts, accepted)
    assert {f.field for f in refused.value.findings} == {"note"}
    assert refused.value.scanned["body"] == [phone]
    assert refused.value.scanned["clean"] == []
    moved = refused.value.within("outcomes.7")
    assert set(moved.scanned) == {"outcomes.7.body", "outcomes.7.note", "outcomes.7.clean"}


def test_only_the_staff_and_institution_fields_themselves_pass_a_name_or_facility():
    # A case's form field keyed like a staff field is patient text all the same.
    from app.deid.gate import scan_by_field

    name = "Mr Oswin Peabody came with his sister"
    place = "Kestrel Bay Nursing Home"
    found = scan_by_field(
        {
            "signer_name": name,
            "fields.signer_name": name,
            "fields.didactic_presenter": name,
            "signer_title": place,
            "fields.signer_title": place,
        }
    )
    cats = {field: {f.category for f in found[field]} for field in found}
    assert "NAME" not in cats["signer_name"]
    assert "NAME" in cats["fields.signer_name"] and "NAME" in cats["fields.didactic_presenter"]
    assert "FACILITY" not in cats["signer_title"]
    assert "FACILITY" in cats["fields.signer_title"]


# A placeholder changes the context the scan reads: once the town is "[LOCATION]", the
# month after it reads as a name.
SECOND_PASS = "Per notes in Visalia June, she was seen at the clinic."


def test_redaction_scans_its_own_result_until_nothing_is_found():
    from app.deid.gate import redact, scan_fields

    text, findings = redact(SECOND_PASS)
    assert scan_fields({"text": text}) == []
    assert all(SECOND_PASS[f.start : f.end] not in text for f in findings)
    assert [SECOND_PASS[f.start : f.end] for f in findings] == sorted(
        {SECOND_PASS[f.start : f.end] for f in findings}, key=SECOND_PASS.index
    )


def test_import_with_redact_stores_a_text_the_gate_passes_after_one_pass(program, tmp_path):
    create_session(program, date(2026, 3, 10), actor=SYSTEM)
    db.session.commit()
    [result] = import_paths(
        [_write(tmp_path, SECOND_PASS)], ImportOptions(redact=True), actor=SYSTEM
    )
    assert result.ok, result.problems
    case = db.session.scalar(select(Case))
    assert "Visalia" not in case.presentation and "June" not in case.presentation
