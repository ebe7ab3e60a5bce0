"""Identifiers written with characters that mean ASCII digits, dashes, spaces or letters:
full-width digits, a non-breaking hyphen or space, an en dash, the dotted and dotless i.
The detector reads them as their ASCII forms and reports offsets in the text as given."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.cases.models import Case
from app.deid.detector import _FOLD, scan
from app.extensions import db
from tests.deid.test_text_paths import _world
from tests.support.clients import bearer


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def found(text: str) -> list[tuple[str, str]]:
    return [(f.category, text[f.start : f.end]) for f in scan(text)]


def turkish_upper(text: str) -> str:
    return "".join("İ" if c == "i" else c.upper() for c in text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SSN 123–45–6789 on file.", [("SSN", "123–45–6789")]),
        (
            "SSN 123\u201145\u20116789, call 617\u2011555\u20111234.",
            [("SSN", "123\u201145\u20116789"), ("PHONE", "617\u2011555\u20111234")],
        ),
        (
            "MRN １２３４５６７８ seen 03/04/2021.",
            [("ID", "１２３４５６７８"), ("DATE", "03/04/2021")],
        ),
        (
            "Seen at Mercy\u00a0General\u00a0Hospital today.",
            [("FACILITY", "Mercy\u00a0General\u00a0Hospital")],
        ),
        ("THE PATİENT, NİCKNAMED JİMBO, CAME İN.", [("NAME", "NİCKNAMED JİMBO")]),
        (turkish_upper("MRN ending in 4521 confirmed at registration."), [("ID", "4521")]),
        (
            turkish_upper("Found at mile marker 123 on the interstate."),
            [("ADDRESS", "MİLE MARKER 123")],
        ),
        (turkish_upper("Crash at 4521 Highway 12 last night."), [("ADDRESS", "4521 HİGHWAY 12")]),
        (turkish_upper("Mobile: 617-555-\n1234 for the family."), [("PHONE", "617-555-\n1234")]),
    ],
)
def test_identifiers_written_with_other_characters_are_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs Smith—patient—declined", [("NAME", "Smith")]),
        ("Dr Ann Lee—she agreed.", [("NAME", "Ann Lee")]),
        ("MRN 31234567—see note.", [("ID", "31234567")]),
    ],
)
def test_an_em_dash_between_words_still_parts_them(text, expected):
    assert found(text) == expected


def test_ranges_and_counts_written_with_such_characters_stay_clean():
    assert found("Ages 2–3 years, dose 5–10 mg twice daily, WBC 7 x 10³/µL.") == []


def test_every_folded_character_stands_for_one_character():
    # One for one: a finding's offsets are offsets of the text as given.
    assert all(len(ascii_form) == 1 and ascii_form.isascii() for ascii_form in _FOLD.values())


def test_the_api_refuses_a_case_whose_identifiers_use_the_dotted_capital_i(client, world):
    headers = bearer(world.provider)
    before = db.session.scalar(select(func.count(Case.id)))
    text = turkish_upper("MRN ending in 4521 confirmed at registration.")
    body = {"program": "hcv", "title": "HCV follow-up question", "presentation": text}
    answer = client.post("/api/v1/cases", json=body, headers=headers)
    assert answer.status_code == 422, answer.get_json()
    assert db.session.scalar(select(func.count(Case.id))) == before
