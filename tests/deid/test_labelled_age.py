"""An age over 89 is an identifier (HIPAA), as the detector reads "97-year-old" in a text: a
number under an age's label (a free field "age_years: 97", a form's "Age (years)" box) is
one too, unless the label counts in days, weeks or months."""

from __future__ import annotations

import json

import pytest

from app.auth.policy import SYSTEM
from app.deid import scan
from app.deid.gate import scan_by_field
from app.extensions import db
from app.programs.operations import create_program
from tests.support.clients import bearer


def _ages(text: str, cue: str) -> list[str]:
    found = scan_by_field({"x": text}, {"x": cue})["x"]
    return [text[f.start : f.end] for f in found if f.category == "AGE"]


def test_the_detector_reads_an_age_over_89_in_a_sentence() -> None:
    assert [f.category for f in scan("A 97-year-old man with HCV.")] == ["AGE"]
    assert scan("A 45-year-old man with HCV.") == []


@pytest.mark.parametrize("cue", ["age years: ", "Age (years): ", "age at diagnosis (yrs): "])
def test_a_labelled_age_over_89_is_an_age(cue: str) -> None:
    assert _ages("97", cue) == ["97"]
    assert _ages("90", cue) == ["90"]
    assert _ages("97.0", cue) == ["97"]
    assert _ages("97 years", cue) == ["97"]
    assert _ages("89", cue) == []
    assert _ages("45", cue) == []
    assert _ages("250", cue) == []  # no living patient's age


@pytest.mark.parametrize(
    "cue", ["age months: ", "Age (days): ", "age in weeks: ", "Gestational age (wk): "]
)
def test_an_age_in_days_weeks_or_months_is_no_age_in_years(cue: str) -> None:
    assert _ages("97", cue) == []


def test_a_number_under_another_label_is_no_age() -> None:
    assert _ages("97", "dosage: ") == []
    assert _ages("97", "average score: ") == []


TEMPLATE = {
    "sections": [{"key": "hpi", "label": "History of present illness", "required": True}],
    "fields": [{"key": "age", "label": "Age", "type": "number", "unit": "years"}],
}


@pytest.mark.parametrize(
    ("program", "fields", "field"),
    [
        ("free", {"age_years": 97}, "fields.age_years"),
        ("free", {"age": 92}, "fields.age"),
        ("formed", {"age": 97}, "fields.age"),
    ],
)
def test_a_case_with_a_labelled_age_over_89_is_refused(
    client, make_user, program, fields, field
) -> None:
    create_program("free", "Free-form ECHO", actor=SYSTEM)
    create_program("formed", "Formed ECHO", template=TEMPLATE, actor=SYSTEM)
    db.session.commit()
    provider = make_user("provider", programs=["free", "formed"])
    body = {
        "program": program,
        "title": "Older adult with HCV",
        "question": "Treat now?",
        "presentation": "## History of present illness\n\nFound on screening.",
        "fields": fields,
    }
    answer = client.post("/api/v1/cases", headers=bearer(provider), json=body)
    assert answer.status_code == 422
    reply = answer.get_json()
    assert [(f["field"], f["category"]) for f in reply["findings"]] == [(field, "AGE")]
    assert str(next(iter(fields.values()))) not in json.dumps(reply)
    body["fields"] = dict.fromkeys(fields, 70)
    assert client.post("/api/v1/cases", headers=bearer(provider), json=body).status_code == 201
