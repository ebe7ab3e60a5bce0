"""Initials after their label are a name's, written with dots or without, whatever follows
them; month and day after a birth label are a date, with dots too."""

from __future__ import annotations

import pytest

from app.deid.gate import scan_text


def _found(text: str, category: str) -> list[str]:
    return [text[f.start : f.end] for f in scan_text(text) if f.category == category]


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Initials: HQ", "HQ"),
        ("initials HQ", "HQ"),
        ("Subject 014-719, initials TC, 101 years", "TC"),
        ("Her initials are HQ.", "HQ"),
        ("Initials - JG, 45", "JG"),
    ],
)
def test_labelled_initials_are_a_name(text, initials):
    assert _found(text, "NAME") == [initials]


def test_the_word_initials_alone_is_no_name():
    assert _found("Initials on the consent form were checked.", "NAME") == []


@pytest.mark.parametrize(("text", "date"), [("dob 3.14", "3.14"), ("Born on 14.3.", "14.3")])
def test_a_birth_month_and_day_with_a_dot_is_a_date(text, date):
    assert _found(text, "DATE") == [date]


def test_a_weight_after_dob_words_is_no_date():
    assert _found("DOB 3.5 kg is not how anyone writes a weight.", "DATE") == []


@pytest.mark.parametrize(("text", "initials"), [("RE: WA DOB 02/11", "WA"), ("Pt: JG, 45", "JG")])
def test_initials_after_a_patient_label_are_still_a_name(text, initials):
    # the rule for "initials HQ" once took the name of the rule for "Pt: JG" and replaced it
    assert _found(text, "NAME") == [initials]
