"""The round-nine readings hold for the same identifiers written a little otherwise: a
spelled email address with "<at>", an "@" or a country's domain, or broken over a line; a
birth month and day with spaces beside the joiner or a dash after the label; labelled initials
on the next line or in brackets; a handle after other networks' labels; an accession number
with a hyphen after its letters."""

from __future__ import annotations

import pytest

from app.deid.gate import scan_text


def _found(text: str, category: str) -> list[str]:
    return [text[f.start : f.end] for f in scan_text(text) if f.category == category]


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("Email: hquenby@gmail dot com", "hquenby@gmail dot com"),
        ("hquenby <at> gmail <dot> com", "hquenby <at> gmail <dot> com"),
        ("write hquenby @ gmail . com", "hquenby @ gmail . com"),
        ("hquenby at outlook dot fr", "hquenby at outlook dot fr"),
        ("hquenby[at]clinic[dot]health", "hquenby[at]clinic[dot]health"),
        ("hquenby at gmail dot\ncom", "hquenby at gmail dot\ncom"),
        ("Reach her at hquenby at\ngmail dot com.", "hquenby at\ngmail dot com"),
    ],
)
def test_a_spelled_email_address_written_otherwise_is_found(text, email):
    assert _found(text, "EMAIL") == [email]


@pytest.mark.parametrize(
    "text",
    [
        "2 tabs @ bedtime. Follow up in 2 weeks.",
        "Temp 37 @ 0800 . Then rechecked.",
        "1 tab @ bedtime dot not needed",
        "Send to hquenby@gmail.com. Then she left.",
    ],
)
def test_an_at_sign_in_prose_is_no_spelled_email(text):
    assert [e for e in _found(text, "EMAIL") if e != "hquenby@gmail.com"] == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("DOB: 3 - 14", "3 - 14"),
        ("DOB 3 / 14", "3 / 14"),
        ("DOB 3\\14", "3\\14"),
        ("Date of Birth - 3-14", "3-14"),
        ("DOB \u2013 3-14", "3-14"),
        ("bday 3/14", "3/14"),
        ("b-day 3/14", "3/14"),
    ],
)
def test_a_birth_month_and_day_written_otherwise_is_a_date(text, date):
    assert _found(text, "DATE") == [date]


@pytest.mark.parametrize("text", ["DOB 3 - 5 kg", "born 3 - 4 weeks early", "DOB - 1980"])
def test_a_weight_or_a_span_after_a_birth_label_is_no_month_and_day(text):
    assert _found(text, "DATE") == []


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Initials:\nHQ", "HQ"),
        ("Initials (HQ)", "HQ"),
        ('Initials "HQ"', "HQ"),
        ("Initials: H.Q", "H.Q"),
    ],
)
def test_labelled_initials_written_otherwise_are_a_name(text, initials):
    assert _found(text, "NAME") == [initials]


@pytest.mark.parametrize(
    "text",
    [
        "LinkedIn: hquenby",
        "WhatsApp: hquenby",
        "YouTube: hquenby",
        "Reddit: u/hquenby",
        "Discord: hquenby#1234",
        "Telegram: hquenby",
    ],
)
def test_a_handle_after_another_networks_label_is_found(text):
    assert _found(text, "URL") == ["hquenby"]


@pytest.mark.parametrize(
    "text",
    [
        "He and his wife have experienced marital discord secondary to his alcohol use.",
        "family discord Quenby",
        "Telegram from her son arrived.",
        "Watches YouTube videos about diabetes.",
        "atrioventricular discordance of the right atrium",
    ],
)
def test_a_network_word_in_prose_is_no_handle_label(text):
    assert _found(text, "URL") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("specimen S-24-12345", "S-24-12345"),
        ("specimen SP-24-12345", "SP-24-12345"),
        ("path S24/12345", "S24/12345"),
        ("specimen S24 12345", "S24 12345"),
    ],
)
def test_an_accession_number_written_otherwise_is_an_id(text, number):
    assert _found(text, "ID") == [number]


@pytest.mark.parametrize("text", ["specimen A 24 hours", "Pathology pT2 N0 M0"])
def test_a_specimen_label_before_a_stage_or_a_duration_is_no_id(text):
    assert _found(text, "ID") == []
