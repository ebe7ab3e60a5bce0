"""Twenty-first round: kinds behind the misses of sets R and S. A surname that is also an
eponym after a title or a first name ("Dr. Charcot", "Lucien Adson, RN"), an initial before a
found surname, a role written as a field's label ("Supervisor:", "Team leader:"), names
before the credentials of other trades, an ALL-CAPS header's patient and the identifier
beside it, a name and age starting a line, a log's initials and dates, the rest of a
facility's name, organisations after an addressee or an employer's label; and cues: partial
SSNs with a parenthesis, serials and plan IDs in digit groups, plates in lower case, a
county's label, a town after "called from", the date of what comes next, visit and band
numbers, licences, an age and a sex after a name, a person's town, numbered roads, moorings.

The values are made up for these tests (none is taken from an evaluation set). Each kind has
look-alikes that must stay as they were.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from app.deid.detector import scan_rules
from tests.deid.needles import covered


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.category) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a surname that is an eponym, after a title or a first name
        ("Dr. Babette Wernicke saw him.", "Babette Wernicke"),
        ("Dr. Wernicke will call back about the scan.", "Wernicke"),
        ("Mrs. Kussmaul is not related to her breathing pattern.", "Kussmaul"),
        ("Charted by Florentin Adson, RN and T. Okafor, RN.", "Florentin Adson"),
        ("Patient: Marisol K. Virchow  DOB June 2, 1944", "Marisol K. Virchow"),
        # an initial before a found surname
        ("Checked at bedside: Imelda Frost, RN and D. Okafor, RN", "D. Okafor"),
        # a role written as a field's label
        ("Crew supervisor: Tadeo Villalba  cell 555 201 3344", "Tadeo Villalba"),
        ("Medical unit leader: K. Brunswick, EMT-P", "K. Brunswick"),
        ("Case # ZZ-10-1010   Child: Odalys Quincke   DOB 2/2/2021", "Odalys Quincke"),
        ("Supervisor: Ajok Riek  cell 555 201 3344", "Ajok Riek"),
        ("Patient: Wernicke, Lupita   DOB 01/02/1950", "Wernicke, Lupita"),
        # a name before a credential of another trade
        ("Fitted by: see below\nNyakim Toll, CPO, license 11-22334", "Nyakim Toll"),
        ("Exercise physiologist: Lual Ghebre, MS, CEP", "Lual Ghebre"),
        # an ALL-CAPS header's patient, with a middle initial, and the identifier beside it
        (
            "SWALLOW STUDY\nHEBERDEN, OSWIN T  207 4411  Visit QX-551902  Age 93",
            "HEBERDEN, OSWIN T",
        ),
        ("SWALLOW STUDY\nHEBERDEN, OSWIN T  207 4411  Visit QX-551902  Age 93", "207 4411"),
        ("SWALLOW STUDY\nHEBERDEN, OSWIN T  207 4411  Visit QX-551902  Age 93", "QX-551902"),
        # a line that begins with a name and an age
        (
            "Wound clinic\nNyakuor Quincke, 93 y/o, chart 5512\nNyakuor gets a ride.",
            "Nyakuor Quincke",
        ),
        # a log's initials and its dates without a year
        (
            "Shots\n03/02/2025  L arm  0.2 mL  no reaction  QW\n"
            "3/9  L arm  0.3 mL  no reaction  QW\n",
            "QW\n3/9",
        ),
        # the rest of a facility's name, an organisation after an addressee or a label
        (
            "Transfusion service: Pemberton Memorial Health Systems lab.",
            "Pemberton Memorial Health Systems",
        ),
        (
            "To: Rosalind Achebe, property manager, Tolliver Properties\nRe: housing",
            "Tolliver Properties",
        ),
        ("Section II (employer): Okemah Public Schools\nEmployee ID 4411", "Okemah Public Schools"),
        # cues
        ("last 4 of ssn (for the callback): 4821\n", "4821"),
        ("hearing aid l ear ser# 4410 2291 73 in case", "4410 2291 73"),
        ("PRIMARY INS: AETNA  ID 6120 4471 90  GRP 55", "6120 4471 90"),
        ("car in the ed lot, plate kzt4410 (oh).", "kzt4410"),
        ("Address at dx: on file   County at dx: Washtenaw\n", "Washtenaw"),
        ("daughter called from ann arbor asking about rides", "ann arbor"),
        ("Cleared to fly. NEXT DIVE 7/14.", "7/14"),
        ("[Nurse QP 4/9]: please confirm the ride", "4/9"),
        ("MRN 8841   BB armband QRT4410   blood type O", "QRT4410"),
        ("Signed, Hollis Q. Varga, PhD, licensed psychologist 60412-B\n", "60412-B"),
        ("Subject: Tobias N. Ferreira, 95 M, of Elkhorn, left home at noon", "95"),
        ("Subject: Tobias N. Ferreira, 95 M, of Sugar Tree, left home at noon", "Sugar Tree"),
        ("Pick-up: 3310 Rt 9, then the clinic", "3310 Rt 9"),
        ("Mail to PO Box 41, Dock 7, Harbor Town", "Dock 7"),
    ],
)
def test_round21_kinds_are_found(text: str, needle: str) -> None:
    assert covered(text, needle), [(text[f.start : f.end], f.category) for f in scan_rules(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Barium swallow shows a 2 cm Zenker diverticulum.",
        "Kussmaul breathing on arrival; Charcot foot on the left.",
        "Dr. Babinski sign was equivocal.",
        "Austin Flint murmur at the apex.",
        "Order: Complete Blood Count",
        "Monitor: Holter",
        "Supervisor: Night Shift",
        "Program: Cardiac Rehab Phase II",
        "Doppler study. Next check in 3/12.",
        "Fentanyl 25 µg/h, platelets 98 × 10⁹/L.",
        "Plate and screws intact; plate c5-c6 stable.",
        "Home visit address: on file",
    ],
)
def test_round21_look_alikes_stay_clean(text: str) -> None:
    assert found(text) == []


def test_a_faxs_from_line_names_a_person_not_a_firm() -> None:
    text = "From: Hyun-woo Castellano  Ph: 555-201-4471"
    assert ("Hyun-woo Castellano", "FACILITY") not in found(text)


def test_a_possessive_after_a_title_is_no_part_of_the_name() -> None:
    text = "Called Dr. Okonjo's office at 555-201-4471."
    assert all(not t.endswith("'s") for t, _ in found(text))


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (
            "WOUND CARE LOG — Ashtabula Internal Medicine\nChamber: monoplace",
            "Ashtabula Internal Medicine",
        ),
        ("*** CHECK-IN RECEIPT ***\nPAINESVILLE URGENT CARE\nKIOSK 2", "PAINESVILLE URGENT CARE"),
        (
            "Referring: Ines Marr, DO (NPI 1234567893), Ashtabula Internal Medicine\n",
            "Ashtabula Internal Medicine",
        ),
        ("Requested by: Conneaut Rescue Squad, on the dock", "Conneaut Rescue Squad"),
    ],
)
def test_an_organisation_on_a_line_of_its_own_is_found(text: str, needle: str) -> None:
    assert covered(text, needle), [(text[f.start : f.end], f.category) for f in scan_rules(text)]


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("PAST MEDICAL HISTORY\nInternal Medicine Follow Up\n", "Internal Medicine Follow Up"),
        ("Welch Community Hospital\nUtilization Review Department\n", "Review Department"),
        ("MEDICAL PRIORITY BOARDING — Steamship Authority\n", "Steamship Authority"),
        # a town that is an ordinary word ("Normal") does not lead a heading into a firm
        ("NORMAL CATARACT SURGERY\nThe patient was prepped.", "CATARACT SURGERY"),
    ],
)
def test_a_heading_or_a_department_is_no_organisation_of_its_own(text: str, heading: str) -> None:
    taken = [text[f.start : f.end] for f in scan_rules(text) if f.category == "FACILITY"]
    assert not any(heading in t for t in taken), taken


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Polycythemia Vera Followup", "Followup"),  # a disease's name is not extended
        ("Bone plate with 28 screws", "with 28"),  # a plate of the bone, not a car's
    ],
)
def test_real_text_look_alikes_are_not_extended(text: str, kept: str) -> None:
    s = text.index(kept)
    assert not any(f.start < s + len(kept) and s < f.end for f in scan_rules(text)), found(text)
