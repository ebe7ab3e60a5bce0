"""A birth date's month and day are an identifier without the year (HIPAA): after a birth
label the gate reads them written with a dash as it does with a slash."""

from __future__ import annotations

import pytest

from app.deid.gate import scan_text
from app.extensions import db
from tests.support.builders import build_world
from tests.support.clients import bearer


def _dates(text: str) -> list[str]:
    return [text[f.start : f.end] for f in scan_text(text) if f.category == "DATE"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("DOB 3-14, on buprenorphine since spring.", "3-14"),
        ("DOB: 03-14", "03-14"),
        ("D.O.B. 3-14", "3-14"),
        ("dob=3-14", "3-14"),
        ("Date of birth 14-3 per the referral.", "14-3"),
        ("Birthday 12-25, so clinic moved.", "12-25"),
        ("Birth date: 2-29.", "2-29"),
    ],
)
def test_a_birth_month_and_day_with_a_dash_is_a_date(text, date):
    assert _dates(text) == [date]


@pytest.mark.parametrize(
    "text",
    [
        "Born 3-4 weeks early, now thriving.",
        "DOB 3-14 weeks is not how anyone writes it.",
        "Dose 3-14 units on a sliding scale.",
    ],
)
def test_a_range_after_birth_words_is_no_date(text):
    assert _dates(text) == []


def test_a_case_naming_a_birth_month_and_day_is_refused(client, make_user):
    w = build_world(make_user)
    headers = bearer(w.provider)
    body = {"program": "hcv", "title": "HCV in a man, DOB 3-14", "question": "Which regimen?"}
    refused = client.post("/api/v1/cases", json=body, headers=headers)
    assert refused.status_code == 422
    assert "title" in refused.get_json()["errors"]
    db.session.rollback()
