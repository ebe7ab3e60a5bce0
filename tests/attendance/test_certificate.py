"""The certificate prints the program's accreditation statement and its signer, set with
the credit rule by the program's coordinators; the accreditor's CSV is unchanged."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest

from app.attendance.operations import credit_rule, record_attendance, set_credit_rule
from app.deid.gate import IdentifiersFound
from app.errors import ValidationError
from app.extensions import db
from tests.cases.test_views import as_user, text
from tests.support.builders import build_world
from tests.support.clients import bearer

STATEMENT = (
    "The Hub University School of Medicine designates this live activity for a maximum of "
    "1.0 AMA PRA Category 1 Credit™."
)
RULE = {
    "credit_type": "ama_pra_1",
    "credits_per_session": "1",
    "minimum_minutes": "0",
    "evaluation_required": "no",
}


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    record_attendance(w.second, {w.provider.id: 60}, actor=w.coordinator)
    db.session.commit()
    return w


def test_coordinator_sets_the_statement_and_signer_printed_on_the_certificate(client, world):
    as_user(client, world.coordinator)
    form = {
        **RULE,
        "accreditation_statement": STATEMENT + "\r\n\r\nJointly provided by the hub.",
        "signer_name": "Dana Whitfield, MD",
        "signer_title": "Director, Continuing Medical Education",
    }
    response = client.post("/programs/hcv/credit", data=form)
    assert response.status_code == 303
    page = text(client.get("/programs/hcv/credit"))
    assert "Dana Whitfield, MD" in page and "Jointly provided by the hub." in page

    as_user(client, world.provider)
    certificate = text(client.get("/my/certificate?program=hcv"))
    assert STATEMENT in certificate and "Jointly provided by the hub." in certificate
    assert "Dana Whitfield, MD" in certificate
    assert "Director, Continuing Medical Education" in certificate
    # The accreditor's CSV keeps its columns.
    as_user(client, world.coordinator)
    rows = list(csv.reader(io.StringIO(client.get("/programs/hcv/attendance.csv").text)))
    assert rows[0] == [
        "session_date",
        "session_number",
        "session_title",
        "participant",
        "email",
        "minutes",
        "evaluation",
        "credit_type",
        "credits",
    ]


def test_a_bad_signer_is_refused_naming_the_box_and_the_form_keeps_what_was_typed(client, world):
    as_user(client, world.coordinator)
    form = {**RULE, "accreditation_statement": STATEMENT, "signer_name": "x" * 121}
    response = client.post("/programs/hcv/credit", data=form)
    page = html.unescape(text(response))
    assert response.status_code == 422 and "Signer's name must be at most 120 characters." in page
    assert "designates this live activity" in page  # the statement typed is still there
    assert credit_rule(world.hcv) is None


def test_the_statement_is_kept_when_not_given_and_checked_when_given(world):
    values = {**RULE, "evaluation_required": False}
    set_credit_rule(world.hcv, **values, accreditation_statement=STATEMENT, actor=world.coordinator)
    rule = set_credit_rule(world.hcv, **values, actor=world.coordinator)
    assert rule.accreditation_statement == STATEMENT
    with pytest.raises(ValidationError) as refused:
        set_credit_rule(world.hcv, **values, signer_title="a\nb", actor=world.coordinator)
    assert refused.value.field == "signer_title" and "one line" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        set_credit_rule(world.hcv, **values, accreditation_statement=7, actor=world.coordinator)
    assert refused.value.field == "accreditation_statement"


PATIENT_STATEMENT = "Patient Harriet Quenby, MRN 55512344, DOB 01/02/1960, lives at 12 Elm Street."
PATIENT_SIGNER = "Patient Oswin Peabody MRN 77731234"


def test_the_api_refuses_a_certificate_text_with_patient_identifiers_and_stores_nothing(
    client, world
):
    headers = bearer(world.coordinator)
    body = {
        **RULE,
        "credits_per_session": 1,
        "minimum_minutes": 30,
        "evaluation_required": False,
        "accreditation_statement": PATIENT_STATEMENT,
        "signer_name": PATIENT_SIGNER,
    }
    response = client.put("/api/v1/programs/hcv/credit-rule", json=body, headers=headers)
    assert response.status_code == 422
    answer = response.get_json()
    assert answer["error"] == "identifiers_found"
    assert {f["field"] for f in answer["findings"]} == {"accreditation_statement", "signer_name"}
    assert "Quenby" not in response.get_data(as_text=True)
    db.session.expire_all()
    assert credit_rule(world.hcv) is None


def test_a_signer_is_named_on_the_certificate_but_a_patient_is_not(world):
    values = {**RULE, "evaluation_required": False}
    rule = set_credit_rule(
        world.hcv, **values, signer_name="Dana Whitfield, MD", actor=world.coordinator
    )
    assert rule.signer_name == "Dana Whitfield, MD"
    with pytest.raises(IdentifiersFound) as refused:
        set_credit_rule(world.hcv, **values, signer_name=PATIENT_SIGNER, actor=world.coordinator)
    assert {f.field for f in refused.value.findings} == {"signer_name"}


def test_a_facility_in_the_statement_passes_but_not_one_holding_a_patient(world):
    values = {**RULE, "evaluation_required": False}
    rule = set_credit_rule(
        world.hcv,
        **values,
        accreditation_statement="Hub University School of Medicine designates this activity.",
        actor=world.coordinator,
    )
    assert rule.accreditation_statement.startswith("Hub University")
    for field, value in (
        ("accreditation_statement", "Patient seen at Oswin Peabody Nursing Home on admission"),
        ("signer_title", "Mrs Harriet Quenby Memorial Clinic patient"),
    ):
        with pytest.raises(IdentifiersFound) as refused:
            set_credit_rule(world.hcv, **values, **{field: value}, actor=world.coordinator)
        assert {f.field for f in refused.value.findings} == {field}


def test_the_credit_form_shows_the_gates_panel_and_saves_once_each_finding_is_marked(client, world):
    as_user(client, world.coordinator)
    form = {**RULE, "accreditation_statement": STATEMENT + " Call 617-555-1234 for Harriet."}
    refused = client.post("/programs/hcv/credit", data=form)
    page = text(refused)
    assert refused.status_code == 422
    assert "Possible identifiers in Accreditation statement" in page
    assert credit_rule(world.hcv) is None
    keys = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    assert keys
    marked = {
        **form,
        "accept_finding": keys,
        **{f"reason|{k}": "placeholder" for k in keys},
    }
    saved = client.post("/programs/hcv/credit", data=marked)
    assert saved.status_code == 303, text(saved)
    db.session.expire_all()
    assert "617-555-1234" in credit_rule(world.hcv).accreditation_statement
