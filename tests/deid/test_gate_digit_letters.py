"""A letter drawn like a digit ("l" or "I" for 1, "O" for 0) inside a number shaped like an
SSN or a phone number reads as that digit: "SSN l23-45-6789" is on the page an SSN."""

from __future__ import annotations

import pytest

from app.deid.gate import IdentifiersFound, check, preview
from app.deid.shown import digits_as_drawn

DRAWN = {
    "ell_first": "SSN l23-45-6789 on file.",
    "ell_inside": "SSN 1l3-45-6789 on file.",
    "phone_ells": "Call 6l7-555-Ol42 after 5.",
}


@pytest.mark.parametrize("kind", sorted(DRAWN))
def test_a_number_with_letters_drawn_as_digits_is_refused(kind):
    with pytest.raises(IdentifiersFound):
        check({"presentation": DRAWN[kind]})


def test_only_number_shapes_with_mostly_digits_are_read_so():
    assert digits_as_drawn("SSN l23-45-6789") == "SSN 123-45-6789"
    assert digits_as_drawn("Hold-on all-ll") is None
    assert digits_as_drawn("BP 120/80, O2 sat 95%") is None


def test_ordinary_notes_with_letters_beside_numbers_stay_clean():
    for text in (
        "O2 2 L via NC, SpO2 95%, CO2 24.",
        "Lot l23-A, vial 1 of 3.",
        "ICD I10, I25.10; labs 12-14-2 pending.",
    ):
        assert not preview({"presentation": text}), text
