"""References: only an operation's declared reference list is read as citations, and a
reference that describes a patient is no citation."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.auth.operations import get_user_by_email
from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.cases.operations import CaseData, create_case
from app.deid.gate import IdentifiersFound, scan_by_field
from app.extensions import db
from app.programs.operations import create_program
from app.recommendations.models import Recommendation
from app.recommendations.operations import add_recommendation, annotate
from tests.support.clients import bearer

VISIT = (
    "Patient Johnathan Whitcombe, seen at Mercy General Hospital in Tucson on March 14, 2024;"
    " born 03/14/1961."
)
PATIENT_REF = (
    "Patient Johnathan Whitcombe, DOB 03/14/1961, Mercy General Hospital, Tucson: seen March"
    " 14, 2024."
)
# Citations as experts write them: authors, publishers and their cities, years, addresses.
CITATIONS = [
    "Smith J, et al. N Engl J Med 2019;380:1-10",
    "https://www.hcvguidelines.org/evaluate/testing-and-linkage",
    "University of Liverpool. HEP Drug Interactions database. 2024.",
    "Singal AG, et al. AASLD Practice Guidance on prevention, diagnosis, and treatment of"
    " hepatocellular carcinoma. Hepatology. 2023;78(6):1922-1965.",
    "Spitzer RL, Kroenke K, Williams JB. Validation and utility of a self-report version of"
    " PRIME-MD: the PHQ primary care study. Patient Health Questionnaire. JAMA. 1999;282:1737.",
    "FDA Drug Safety Communication: FDA warns about the risk of hepatitis B reactivating in"
    " some patients treated with direct-acting antivirals for hepatitis C. 2016.",
    "Ashar YK, et al. Effect of Pain Reprocessing Therapy vs Placebo and Usual Care for"
    " Patients With Chronic Back Pain. JAMA Psychiatry. 2022;79(1):13-23.",
    "World Health Organization. Guidelines for hepatitis C, Pt 2. Geneva: WHO; 2018.",
    "Smith J, Jones K. Hepatitis C outcomes. N Engl J Med. 2019 Mar 14;380(11):1001-10.",
    "Presented at the AASLD meeting, Boston, November 2019.",
]


@pytest.fixture
def program(app, make_user):
    make_user("expert", email="hub@example.org")
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    return program


def _categories(name: str, text: str) -> set[str]:
    return {f.category for f in scan_by_field({name: text})[name]}


@pytest.mark.parametrize(
    "name",
    [
        "fields.references[1]",
        "fields.references",
        "fields.notes.references[1]",
        "references[1].body",
        "xreferences[1]",
    ],
)
def test_a_field_that_is_not_a_declared_reference_list_is_no_citation(name):
    assert {"NAME", "DATE"} <= _categories(name, VISIT)


def test_real_citations_pass_as_references():
    for text in CITATIONS:
        assert not scan_by_field({"references[1]": text})["references[1]"], text


@pytest.mark.parametrize(
    "text",
    [
        PATIENT_REF,
        VISIT,
        "Whitcombe J, seen at Mercy General Hospital on 3/14/2024.",
        "pt J. Whitcombe, Mercy General, Tucson.",
        # without the word patient: a titled name, an age, an encounter on a day
        "Mr. Johnathan Whitcombe, 67, was evaluated on March 14, 2024 at Presbyterian"
        " Hospital, Albuquerque.",
        "Johnathan Whitcombe, 67 y/o man, presented 3/14/2024 to Presbyterian Hospital.",
        "Ms. Maria Garcia, follow-up on 2024-03-14 at Presbyterian Hospital.",
    ],
)
def test_a_reference_that_describes_a_patient_blocks_every_category(text):
    found = _categories("references[1]", text)
    assert found & {"NAME", "DATE", "FACILITY", "LOCATION"}


def test_a_case_field_keyed_references_in_a_program_without_a_form_is_gated(client, app, make_user):
    create_program("free", "Free-form ECHO", actor=SYSTEM)
    db.session.commit()
    provider = make_user("provider", programs=["free"])
    body = {
        "program": "free",
        "title": "Adult with chronic HCV",
        "question": "Treat now?",
        "presentation": "Found on screening.",
        "fields": {"references": [VISIT]},
    }
    answer = client.post("/api/v1/cases", headers=bearer(provider), json=body)
    assert answer.status_code == 422
    reply = answer.get_json()
    assert reply["error"] == "identifiers_found"
    assert {f["field"] for f in reply["findings"]} == {"fields.references[1]"}
    assert {"NAME", "DATE"} <= {f["category"] for f in reply["findings"]}
    assert "Whitcombe" not in json.dumps(reply)
    db.session.rollback()
    assert not db.session.scalars(select(Case)).all()


def test_recommendation_and_annotation_references_naming_a_patient_are_refused(program):
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
            case,
            expert,
            "Treat for 12 weeks.",
            "therapeutic",
            references=[PATIENT_REF],
            imported=True,
            actor=SYSTEM,
        )
    assert {f.field for f in info.value.findings} == {"references[1]"}
    assert {"NAME", "DATE"} <= {f.category for f in info.value.findings}
    db.session.rollback()
    recommendation = add_recommendation(
        case,
        expert,
        "Treat for 12 weeks.",
        "therapeutic",
        references=CITATIONS,
        imported=True,
        actor=SYSTEM,
    )
    with pytest.raises(IdentifiersFound) as info:
        annotate(
            recommendation,
            expert,
            "update",
            "Follow-up agreed.",
            references=[PATIENT_REF],
            imported=True,
            actor=SYSTEM,
        )
    assert {f.field for f in info.value.findings} == {"references[1]"}
    db.session.rollback()
    assert not db.session.scalars(select(Recommendation)).all()
