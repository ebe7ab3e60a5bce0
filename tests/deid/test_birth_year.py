"""A year of birth that implies an age over 89 is an identifier (HIPAA): the gate refuses it,
labelled in text ("born in 1926") or as a free field (birth_year: 1926), as of the save."""

from __future__ import annotations

import json

import pytest

from app.auth.policy import SYSTEM
from app.common import utcnow
from app.deid.gate import scan_by_field
from app.extensions import db
from app.programs.operations import create_program
from tests.support.clients import bearer


def _ages(text: str, cue: str = "") -> list[str]:
    found = scan_by_field({"x": text}, {"x": cue})["x"]
    return [text[f.start : f.end] for f in found if f.category == "AGE"]


def test_a_labelled_birth_year_over_89_years_ago_is_an_age():
    old, young = utcnow().year - 95, utcnow().year - 60
    assert _ages(f"She was born in {old} and lives alone.") == [str(old)]
    assert _ages(f"Born {old}.") == [str(old)]
    for cue in ("birth year: ", "year of birth: ", "yob: "):
        assert _ages(str(old), cue) == [str(old)]
        assert _ages(str(young), cue) == []
    assert _ages(f"She was born in {young}.") == []
    # A year alone, or a history's date, is no age.
    assert _ages(f"Seen in clinic since {old}.") == []
    assert _ages("An eponym of a physician born in 1796.") == []


@pytest.mark.parametrize("key", ["birth_year", "year_of_birth", "yob"])
def test_a_free_fields_birth_year_implying_an_age_over_89_is_refused(client, make_user, key):
    create_program("free", "Free-form ECHO", actor=SYSTEM)
    db.session.commit()
    provider = make_user("provider", programs=["free"])
    year = utcnow().year - 100
    body = {
        "program": "free",
        "title": "Older adult with HCV",
        "question": "Treat now?",
        "presentation": "Found on screening.",
        "fields": {key: year},
    }
    answer = client.post("/api/v1/cases", headers=bearer(provider), json=body)
    assert answer.status_code == 422
    reply = answer.get_json()
    assert [(f["field"], f["category"]) for f in reply["findings"]] == [(f"fields.{key}", "AGE")]
    assert str(year) not in json.dumps(reply)
    body["fields"] = {key: utcnow().year - 70}
    assert client.post("/api/v1/cases", headers=bearer(provider), json=body).status_code == 201
