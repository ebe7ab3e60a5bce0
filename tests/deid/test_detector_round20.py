"""Twentieth round: false alarms by the shape of clinical text. A time phrase before a
clinic's head ("OVER EASTER CLINIC RUNS LATE"), a ward, pod or bed of the hospital after a
move ("Transferred to West Tower 7", "the Birch Pod"), a product and its model number
("Respironics Trilogy3", "Drager Vela 45:"), a brand name before its dose ("Farxiga 10 mg"),
an eponym in a compound ("semi-Fowler", "Holter monitor"); and a cue word is a whole word
("ADMITTED" holds no "admit" before a name "TED").

The values are made up for these tests (none is taken from an evaluation set). Each kind has
look-alikes that must stay as they were.
"""

from __future__ import annotations

import pytest

from app.deid import scan


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.category) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "NOTICE: OVER EASTER CLINIC RUNS LATE. PLEASE CHECK IN AT THE DESK.",
        "TODAY: 2 DAYS AGO CLINIC CLOSED EARLY.",
        "TODAY: AFTER THE 2023 SEASON CLINIC HOURS CHANGE.",
        "Transferred to West Tower 7 at 0400.",
        "Moved to the Birch Pod after rounds.",
        "Follow up in Dialysis chair 12.",
        "Moved to Cedar wing room 301 overnight.",
        "Respironics Trilogy3: alarm tested, 4 L/min.",
        "Carmen Luxe2: filter changed, 2 L/min.",
        "Drager Vela 45: passed; firmware 2.1.0.",
        "Resmed Health Aria G4 APAP 6-14 cm H2O.",
        "Pharmacy says Farxiga 10 mg is on backorder.",
        "The school nurse called, Verquvo 10 mg on backorder.",
        "Toma Verquvo 10 mg diario.",
        "Question: Breztri Aerosphere two puffs with FEV1 48%.",
    ],
)
def test_clinical_shapes_are_not_identifiers(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Son Dale Holter called. The 24-hour Holter monitor was returned.", "Holter monitor"),
        ("Niece Ann Fowler visited. Head of bed semi-Fowler.", "semi-Fowler"),
        # a text that is not ASCII is read by the cue-led rules everywhere
        ("PATIENT: ORLA QUINCE\nADMITTED: 3/4/2025\nATTENDING: ÉLODIE NORTH, MD", "ADMITTED"),
    ],
)
def test_a_found_name_is_not_taken_inside_a_compound_or_a_word(text: str, needle: str) -> None:
    s = text.index(needle)
    inside = [f for f in scan(text) if f.start < s + len(needle) and s < f.end]
    assert inside == [], found(text)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("She moved to College Station, TX in 2019.", "College Station"),
        ("Lives in Hampton Bays with her son.", "Hampton Bays"),
        ("Home: 14 Larch Point, Tower 55739.", "Tower"),
        ("Home: Box 12, Alder ME 04999   Cell 207 555 0134", "04999"),
        ("Transfer plan: Pike County Memorial Hospital, L&D", "Memorial Hospital"),
        ("Admit: Maria Lopez, 3 West.", "Maria Lopez"),
        ("Spoke w/Ellery Vance about the plan.", "Ellery Vance"),
        ("Daughter Tia Marchetti-Brown called.", "Marchetti-Brown"),
    ],
)
def test_look_alikes_are_still_found(text: str, needle: str) -> None:
    s = text.index(needle)
    spans = scan(text)
    assert all(
        any(f.start <= i < f.end for f in spans)
        for i in range(s, s + len(needle))
        if text[i].isalnum()
    ), found(text)
