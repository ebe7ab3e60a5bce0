"""A case's ref is shown on its page, returned by the API and search, and repeated in import
messages: one that reads as a patient identifier is refused, naming the field, and never
repeated (the record's number names it)."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.cases.operations import CaseData, create_case, key_is_identifier, ref_is_identifier
from app.cases.transfer import ImportOptions, import_paths
from app.errors import ValidationError
from app.extensions import db
from app.programs.operations import create_program, create_session
from app.recommendations.models import Annotation, Outcome, Recommendation

IDENTIFYING = [
    "johnathan.whitcombe.1961-03-14",
    "MRN-77731234",
    "505-555-0143",
    "john_smith",
    # run together, or a number in groups
    "JohnathanWhitcombe",
    "MrJones",
    "MRN77731234",
    "b5058675309",
    "123.45.6789",
    "7773-1234",
    "77_73_12_34",
]
ORDINARY = ["hcv-001", "mts-0029", "cds-2014-01", "doc-300", "oud-2023-11", "case_17", "cp.12"]
RECORD = {
    "program": "hcv",
    "title": "Adult with chronic hepatitis C",
    "question": "Is treatment appropriate now?",
    "presentation": "Found on routine screening.",
    "status": "presented",
    "session_date": "2026-03-10",
}


@pytest.fixture
def program(app):
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    create_session(program, date(2026, 3, 10), actor=SYSTEM)
    db.session.commit()
    return program


def _import(tmp_path, records, **options):
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    [result] = import_paths([path], ImportOptions(**options), actor=SYSTEM)
    return result


def test_refs_that_read_as_identifiers_and_ordinary_ones():
    assert all(ref_is_identifier(ref) for ref in IDENTIFYING)
    assert not any(ref_is_identifier(ref) for ref in ORDINARY)


@pytest.mark.parametrize("ref", IDENTIFYING)
@pytest.mark.parametrize("redact", [False, True])
def test_an_import_refuses_an_identifying_ref_without_repeating_it(tmp_path, program, ref, redact):
    result = _import(tmp_path, [{**RECORD, "ref": "hcv-1"}, {**RECORD, "ref": ref}], redact=redact)
    assert not result.ok
    assert len(result.problems) == 1
    [problem] = result.problems
    assert "line 2 field 'ref': reads as a possible patient identifier" in problem
    assert ref not in json.dumps([result.problems, result.changes, result.redactions])
    assert db.session.scalar(select(func.count(Case.id))) == 0


def test_a_duplicate_or_followed_ref_is_not_repeated_when_it_reads_as_an_identifier(
    tmp_path, program
):
    ref = "MRN-77731234"
    result = _import(tmp_path, [{**RECORD, "ref": ref}, {**RECORD, "ref": ref}])
    assert result.problems and not any(ref in p for p in result.problems)
    result = _import(tmp_path, [{**RECORD, "ref": "hcv-2", "follows": ref}])
    assert result.problems == [
        f"{tmp_path / 'cases.jsonl'} line 1 (ref hcv-2) field 'follows': no such case"
    ]


def test_ordinary_refs_are_imported(tmp_path, program):
    result = _import(tmp_path, [{**RECORD, "ref": ref} for ref in ORDINARY])
    assert result.ok, result.problems
    assert set(db.session.scalars(select(Case.ref))) == set(ORDINARY)


def test_the_operation_refuses_an_identifying_ref(program):
    with pytest.raises(ValidationError) as refused:
        create_case(
            program,
            CaseData(title="HCV"),
            presenter=None,
            ref="505-555-0143",
            actor=SYSTEM,
            imported=True,
        )
    assert refused.value.field == "ref" and "505" not in refused.value.message


def _item_keys() -> list[str]:
    keys = [db.session.scalars(select(model.key)).all() for model in (Recommendation, Annotation)]
    return [key for found in keys for key in found] + db.session.scalars(select(Outcome.key)).all()


@pytest.mark.parametrize("where", ["recommendation", "annotation", "outcome"])
@pytest.mark.parametrize("key", ["MRN-77731234", "505/555/0143", "john/smith/r1"])
def test_an_import_refuses_an_identifying_item_key_without_repeating_it(
    tmp_path, program, make_user, where, key
):
    # A recommendation's, an annotation's or an outcome's key is kept and exported as a
    # case's ref is, and repeated in import messages: it is read the same way.
    make_user("provider", email="spoke@example.org")
    make_user("expert", email="hub@example.org")
    annotation = {"author": "hub@example.org", "kind": "agree", "body": "Agree."}
    recommendation = {
        "author": "hub@example.org",
        "category": "therapeutic",
        "body": "Twelve weeks.",
        "annotations": [annotation],
    }
    outcome = {"recommendation": "hcv-1/r1", "adoption": "adopted", "patient_status": "improved"}
    {"recommendation": recommendation, "annotation": annotation, "outcome": outcome}[where][
        "key"
    ] = key
    case = {
        **RECORD,
        "ref": "hcv-1",
        "presenter": "spoke@example.org",
        "status": "recommendations_published",
        "recommendations": [recommendation],
    }
    follow_up = {**RECORD, "ref": "hcv-2", "follows": "hcv-1", "outcomes": [outcome]}
    follow_up["presenter"] = "spoke@example.org"
    result = _import(tmp_path, [case, follow_up] if where == "outcome" else [case])
    assert not result.ok
    assert [p for p in result.problems if "reads as a possible patient identifier" in p]
    assert key not in json.dumps([result.problems, result.changes, result.redactions])
    db.session.rollback()
    assert key not in _item_keys()


def test_an_outcome_naming_an_unknown_identifying_key_is_refused_without_repeating_it(
    tmp_path, program, make_user
):
    make_user("provider", email="spoke@example.org")
    make_user("expert", email="hub@example.org")
    recommendation = {"author": "hub@example.org", "category": "therapeutic", "body": "Twelve."}
    case = {**RECORD, "ref": "hcv-1", "presenter": "spoke@example.org"}
    case["recommendations"] = [recommendation]
    outcome = {
        "recommendation": "MRN-77731234",
        "adoption": "adopted",
        "patient_status": "improved",
    }
    follow_up = {**RECORD, "ref": "hcv-2", "follows": "hcv-1", "presenter": "spoke@example.org"}
    follow_up["outcomes"] = [outcome]
    result = _import(tmp_path, [case, follow_up])
    assert [p for p in result.problems if "no recommendation in the case it follows" in p]
    assert "77731234" not in json.dumps([result.problems, result.changes])


def test_keys_the_app_makes_or_derives_are_no_identifiers_and_others_are_read_as_refs():
    made = uuid.uuid4().hex
    derived = [f"{ref}/r2" for ref in ORDINARY] + [f"{ref}/r12/a3" for ref in ORDINARY]
    derived += [f"{a}/o/{b}/r1" for a in ORDINARY for b in ORDINARY] + [f"{made}/a1"]
    assert not any(key_is_identifier(key) for key in [made, f"hcv-2/o/{made}", *derived])
    assert all(key_is_identifier(key) for key in IDENTIFYING)
    assert all(key_is_identifier(key) for key in ["MRN/77731234", "john/smith/r1", "1961/03/14"])


@pytest.mark.parametrize(
    "key", ["johnathan/r1/whitcombe", "DOB/1961/r1/03/14", "johnathan/r1/whitcombe/a1"]
)
def test_an_identifier_split_around_a_place_the_app_names_is_still_read_as_one(key):
    # `/r1` is a place only after a whole ref (`REF/r1`): within a key it joins what it splits.
    assert key_is_identifier(key)


def test_keys_derived_from_a_key_a_file_gave_read_as_that_key_did():
    given = "guide:asthma/2024"
    assert not key_is_identifier(given)
    assert not any(key_is_identifier(k) for k in [f"{given}/a1", f"hcv-1/o/{given}"])


def test_an_unknown_field_is_named_unless_its_name_could_hold_patient_text(
    tmp_path, program, make_user
):
    # A file's keys hold any text its values can (a line of notes put in the front matter):
    # the name is repeated only when it reads as a field's name.
    make_user("provider", email="spoke@example.org")
    record = {**RECORD, "ref": "hcv-1", "presenter": "spoke@example.org", "colour": "red"}
    [problem] = _import(tmp_path, [record]).problems
    assert problem.endswith("field 'colour': is not a known field of a case record")
    del record["colour"]
    recommendation = {"author": "spoke@example.org", "category": "therapeutic", "body": "Go."}
    in_item = {**record, "recommendations": [{**recommendation, "mrn_77731234": "x"}]}
    for given in (in_item, {**record, "Johnathan Whitcombe 1961-03-14": "seen"}):
        [problem] = _import(tmp_path, [given]).problems
        assert "has a field whose name is not repeated" in problem
        assert not any(part in problem for part in ("Whitcombe", "1961", "77731234"))


def test_an_unknown_presenter_is_named_only_when_it_is_an_email_address(tmp_path, program):
    record = {**RECORD, "ref": "hcv-1"}
    for presenter, problem in [
        ("ann@example.org", "no account with email ann@example.org"),
        ("Harriet Quenby MRN 55512344", "no such account"),
    ]:
        [told] = _import(tmp_path, [{**record, "presenter": presenter}]).problems
        assert told.endswith(f"field 'presenter': {problem} (use --create-authors to add one)")
        assert "Quenby" not in told


def test_bad_text_under_a_key_of_notes_does_not_repeat_the_key(tmp_path, program, make_user):
    make_user("provider", email="spoke@example.org")
    record = {**RECORD, "ref": "hcv-1", "presenter": "spoke@example.org"}
    for fields, where in [
        ({"hba1c": "7\u0000"}, "fields.hba1c"),
        ({"Harriet Quenby MRN 55512344": "7\u0000"}, "fields.(a key not repeated)"),
    ]:
        [told] = _import(tmp_path, [{**record, "fields": fields}]).problems
        assert told.endswith(f"field '{where}': contains a NUL character.")
        assert "Quenby" not in told


@pytest.mark.parametrize("field", ["ref", "key", "fields"])
def test_a_ref_key_or_field_name_ending_in_a_line_break_is_refused(
    tmp_path, program, make_user, field
):
    # `$` matches before a final line break: a ref, key or field name is read whole.
    make_user("provider", email="spoke@example.org")
    make_user("expert", email="hub@example.org")
    record = {**RECORD, "ref": "hcv-7", "presenter": "spoke@example.org"}
    recommendation = {"author": "hub@example.org", "category": "therapeutic", "body": "Go."}
    published = {**record, "status": "recommendations_published"}
    given = {
        "ref": {**record, "ref": "hcv-7\n"},
        "key": {**published, "recommendations": [{**recommendation, "key": "hcv/1\n"}]},
        "fields": {**record, "fields": {"hba1c\n": "7"}},
    }[field]
    result = _import(tmp_path, [given])
    assert not result.ok and field in result.problems[0]
    assert "\n" not in " ".join(result.problems + result.changes)
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Case)) == 0


def test_a_program_slug_ending_in_a_line_break_is_refused(app):
    with pytest.raises(ValidationError) as refused:
        create_program("oud\n", "Opioid use disorder", actor=SYSTEM)
    assert refused.value.field == "slug"
