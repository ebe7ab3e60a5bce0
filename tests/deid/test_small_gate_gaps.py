"""Identifiers the gate let through after a cue it reads elsewhere: an accession number after
"specimen" or "path", a phone number with slashes after "ph", a handle after a social
network's label, a ZIP+4 alone and a town before "resident"; and their look-alikes."""

from __future__ import annotations

import pytest

from app.deid.gate import scan_text


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.category) for f in scan_text(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("specimen S24-12345", ("S24-12345", "ID")),
        ("Specimen 24-12345 was sent", ("24-12345", "ID")),
        ("path S24-12345 showed carcinoma", ("S24-12345", "ID")),
        ("Pathology: SP19-004512", ("SP19-004512", "ID")),
        ("ph 617/555/0142", ("617/555/0142", "PHONE")),
        ("Ph: 617_555_0142", ("617_555_0142", "PHONE")),
        ("IG: hquenby", ("hquenby", "URL")),
        ("Insta: hquenby", ("hquenby", "URL")),
        ("Twitter hquenby", ("hquenby", "URL")),
        ("TikTok - h_quenby88", ("h_quenby88", "URL")),
        ("X: hquenby", ("hquenby", "URL")),
        ("FB: harriet.quenby", ("harriet.quenby", "URL")),
        ("Instagram: HQuenby", ("HQuenby", "URL")),
        ("62704-1234", ("62704-1234", "LOCATION")),
        ("mail returned, 62704-1234.", ("62704-1234", "LOCATION")),
        ("Springfield resident", ("Springfield", "LOCATION")),
        ("The Springfield resident was seen", ("Springfield", "LOCATION")),
        ("a Glen Ellyn resident", ("Glen Ellyn", "LOCATION")),
    ],
)
def test_an_identifier_after_its_cue_is_found(text, found):
    assert found in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "specimen 2-3 cm from the margin",
        "path 10-20% of cells",
        "pH 7.35 on the gas",
        "IX & X: Palate elevates symmetrically",
        "X: hquenby posted it",  # a short label and prose going on: not read as a handle
        "FB: removed from the cornea",
        "Twitter account was closed",
        "IG: given monthly",
        "Chief resident on call",
        "called the Orthopedic resident",
        "a Mazatlan, Mexico resident",
        "a Texas resident since birth",
        "Nursing home resident with dementia",
        "NDC 12345-6789-01",
        "ranges 10000-20000",
    ],
)
def test_look_alikes_are_not_found(text):
    assert _found(text) == []
