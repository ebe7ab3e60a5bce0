"""An SSN whose groups a page parts by commas (a list's items joined: "ssn: 123-45, 6789")
is found after its own cue; commas between numbers are ordinary otherwise."""

from __future__ import annotations

import pytest

from app.deid.detector import scan


@pytest.mark.parametrize(
    "text",
    ["ssn: 123-45, 6789", "SSN 123, 45, 6789", "Social security number: 123, 45-6789"],
)
def test_an_ssn_parted_by_commas_after_its_cue_is_found(text):
    assert [f.category for f in scan(text) if f.category == "SSN"] == ["SSN"]


@pytest.mark.parametrize(
    "text",
    [
        "doses: 100, 20, 1000",
        "Social history: 120, 40, 1500 steps",
        "BP 120/80, HR 72, RR 16",
        "Platelets 123, 45, 6789 over three days",
        "SSN on file; labs 123, 45, 6789",
    ],
)
def test_numbers_parted_by_commas_without_the_cue_next_to_them_are_not_an_ssn(text):
    assert not [f for f in scan(text) if f.category == "SSN"]
