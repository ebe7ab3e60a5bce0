"""Eighteenth round: a two-cell Markdown table row is a label and its value, an implanted
chip's number is a device's, a facility named by its kind and its town is one; a heading
written with its letters apart, a dialysis schedule's days and time, a language and a relative
named in Spanish are not identifiers.

The values are made up for these tests (none is taken from an evaluation set). Each kind has
look-alikes that must stay as they were.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.category) for f in scan(text)]


KEY_VALUE_TABLE = """| field | value |
|---|---|
| age | 97 |
| town | Quillhaven |
| zip | 48213 |
| site | Medical Center of Brantwick |
"""


@pytest.mark.parametrize("needle", ["97", "Quillhaven", "48213", "Medical Center of Brantwick"])
def test_a_value_in_a_two_cell_table_row_is_read_as_after_its_label(needle: str) -> None:
    assert caught(KEY_VALUE_TABLE, needle), (needle, found(KEY_VALUE_TABLE))


@pytest.mark.parametrize(
    "text",
    [
        "| Test | Result |\n|---|---|\n| Hemoglobin | 12.1 |\n| Platelets | 250 |\n",
        "| Name | Dose |\n|---|---|\n| Lasix | 40 mg |\n| Age | 45 |\n",
        "| finding | note |\n|---|---|\n| Bell palsy | resolved |\n",
        "| a | b | c |\n|---|---|---|\n| age | 97 | x |\n",  # three cells: not a label row
    ],
)
def test_a_table_of_results_stays_clean(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Microchip TR9465931, rabies tag on collar.", "TR9465931"),
        ("microchip #985112004471230 scanned at intake", "985112004471230"),
    ],
)
def test_a_microchips_number_is_a_device(text: str, needle: str) -> None:
    assert (needle, "DEVICE") in found(text), found(text)


def test_a_microchips_frequency_is_not_a_device() -> None:
    assert found("A microchip 125 kHz reader was used.") == []


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "Bereavement mailing list, Family Practice of Quillhaven",
            "Family Practice of Quillhaven",
        ),
        ("Cita con el doctor at Medical Center of Brantwick, tel", "Medical Center of Brantwick"),
        ("FW: fax from Pharmacy of Oskaloo", "Pharmacy of Oskaloo"),
        ("Transport: OSKALOO PHARMACY via private vehicle", "OSKALOO PHARMACY"),
        ("referred to Brantwick Public Library for the program", "Brantwick Public Library"),
    ],
)
def test_a_facility_named_by_its_kind_and_town_is_found(text: str, needle: str) -> None:
    assert caught(text, needle), (needle, found(text))


@pytest.mark.parametrize(
    "text",
    [
        "the pharmacy of the hospital called about the dose.",
        "Pharmacy of the future: a talk at noon.",
        "Refill sent to the pharmacy; dialysis unit aware.",
        "Dispensing pharmacy: the one on the label.",
    ],
)
def test_kinds_of_facility_without_a_town_stay_clean(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "P R O T O C O L   p a g e  2  o f  3 :  a Colles fracture was reduced.",
        "C O N F I D E N T I A L   f a x  follows.",
    ],
)
def test_a_heading_with_its_letters_apart_is_no_name(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "QUILLFEATHER, ODA   T/Th/S 1030   12 Quarry Ln",
        "VANTONGEREN, ODA   M/W/F 0545   4 Skip Dr",
        "Outpatient HD T/Th/S 1030 at the unit",
        "HD schedule MWF 0615, needs a ride",
    ],
)
def test_a_schedules_days_and_time_are_no_address(text: str) -> None:
    days = text.index("/") - 1 if "/" in text else text.index("MWF")
    time = [f for f in found(text) if f[0] in text[days : days + 12]]
    assert not [f for f in time if f[1] in ("ADDRESS", "ID", "AGE", "PHONE")], found(text)


def test_a_language_is_no_name() -> None:
    assert found("interpreter (Haitian Creole) by phone for the visit") == []


def test_a_relative_named_in_spanish_is_the_cue_not_the_name() -> None:
    text = "Abuela Odalys Quillfeather, diabetes tipo 2, glucosa alta."
    assert [f for f in found(text) if "Abuela" in f[0]] == [], found(text)
    assert caught(text, "Odalys Quillfeather")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("Entered by M. Quillfeather, workstation 3", "M. Quillfeather"),
        ("Assigned: O. Vantongeren, closed yesterday", "O. Vantongeren"),
        ("Patroller: S. Haisch (OEC cert on file)", "S. Haisch"),
    ],
)
def test_an_initial_and_surname_after_by_or_a_label_is_a_name(text: str, needle: str) -> None:
    assert caught(text, needle), (needle, found(text))


@pytest.mark.parametrize(
    "text",
    [
        "Urinary infection caused by E. Coli, pansensitive.",
        "Organism: S. Aureus, methicillin sensitive.",
        "Gastritis driven by H. Pylori, treated.",
    ],
)
def test_an_organism_after_by_or_a_label_is_no_name(text: str) -> None:
    assert [f for f in found(text) if f[1] == "NAME"] == [], found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pneumonia caused by L. Pneumophila, urine antigen positive.",
        "Anaerobe isolated, caused by P. Intermedioides.",
        "Endocarditis caused by S. Vandeensis.",
    ],
)
def test_an_organism_outside_the_list_is_no_name(text: str) -> None:
    assert [f for f in found(text) if f[1] == "NAME"] == [], found(text)


@pytest.mark.parametrize(
    ("text", "needle"),
    [("Entered by O. Eisenbeis", "O. Eisenbeis"), ("Assigned: R. Quillenbaum", "R. Quillenbaum")],
)
def test_a_surname_ending_as_some_epithets_do_is_still_a_name(text: str, needle: str) -> None:
    assert caught(text, needle), (needle, found(text))
