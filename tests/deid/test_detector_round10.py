"""Tenth round of missed kinds (read on development set I): telephone numbers with a country
code or a trunk zero and in other countries' groupings; UK, Canadian, Irish and Australian
postcodes and the town above a postcode; street numbers written 2/5A, the flat or house name
before a street, road types of other countries, rural postal addresses and streets written
head first (Calle ... 452 Int. 3); national and registration numbers in groups (SIN, NI
number, Member ID, Hosp No); ages in registration shapes; the cells of a delimited export
under its header; facilities written head first and GP surgeries, partnerships and nursing
stations; a title with an initial; a cue word written with a dotted capital I. And the false
alarms read on I's clean passages: dose fractions, version numbers, code systems, moves
between countries or provinces, program acronyms, eponymous scores.

The values are made up for these tests (none is taken from an evaluation set); each case
stands for a rule, and the look-alikes below must stay clean.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

_LETTERHEAD = "Larkhill Family Practice\n88 Fennel Brae\nThornaby\nTS17 6BH\nTel 01642 496 118"
_EXPORT = (
    "pt_id,surname,given_name,dob,postcode\n"
    "QX55102,Harrow,Linnea,1950-02-11,NG7 2XT\n"
    'ZT80311,"Moreau, Ansel",,03/09/1961,60617\n'
)
_ROSTER = "Name\tRole\tSite\nOdile E. Farrant\tRN\tKestrel Bay Nursing Station\n"

CASES = [
    # telephone numbers written the way other countries write them
    ("Daughter can be reached on +44 (0)1632 960 183 after six.", "+44 (0)1632 960 183"),
    ("Mobile 0412 345 678. Seen today.", "0412 345 678"),
    ("Neighbour Bertie (0161 496 0753) has a key.", "0161 496 0753"),
    ("Please text her sister at 33 1234 5678 before noon.", "33 1234 5678"),
    ("Caller's phone 612-345-67-89 noted.", "612-345-67-89"),
    ("Fax: (03) 9555 0142 for results.", "(03) 9555 0142"),
    ("Guardian Pádraic Roe, +61 7 5550 1234, to attend.", "+61 7 5550 1234"),
    # postcodes, and the town above one
    ("Lives at 4 Mill Row, Keswick, CA12 5DT.", "CA12 5DT"),
    ("Box 12, Moose Jaw, SK S6H 4P1. Seen in clinic.", "S6H 4P1"),
    ("Lisheen, Co. Tipperary, E41 K7W2.", "E41 K7W2"),
    ("Home: 14 Banksia Rd, Dubbo NSW 2830. Alone.", "Dubbo"),
    ("Home: 14 Banksia Rd, Dubbo NSW 2830. Alone.", "2830"),
    (_LETTERHEAD, "Thornaby"),
    (_LETTERHEAD, "TS17 6BH"),
    # street lines
    ("Staying at 3/17B Wattlebird Parade, Ballina.", "3/17B Wattlebird Parade"),
    ("Lives at Flat 4, 22 Quarry Brae, Elgin.", "Flat 4, 22 Quarry Brae"),
    ("Address: The Old Forge, 9 Heron Close", "The Old Forge, 9 Heron Close"),
    (_LETTERHEAD, "88 Fennel Brae"),
    ("Mail to RMB 2214, Nyngan.", "RMB 2214"),
    ("Postal: Private Bag 31, Tennant Creek.", "Private Bag 31"),
    ("Domicilio: Calle Hidalgo 452 Int. 3, Col. Centro, Tepic.", "Calle Hidalgo 452 Int. 3"),
    ("Domicilio: Calle Hidalgo 452 Int. 3, Col. Centro, Tepic.", "Col. Centro"),
    ("Vive en Privada Fresnos s/n, Zamora.", "Privada Fresnos s/n"),
    ("Moved to 58 Piñon Causeway last month.", "58 Piñon Causeway"),
    # national and registration numbers, in groups
    ("SIN 046 454 286 (given verbally).", "046 454 286"),
    ("NI number QQ 12 34 56 C on file.", "QQ 12 34 56 C"),
    ("Member ID: 4821 77310 2   Group: 1180", "4821 77310 2"),
    ("Hosp No: 902 113 57\nWard 4", "902 113 57"),
    ("Expediente 7730215. Alergias: ninguna.", "7730215"),
    ("Dr Ines Marr, AHPRA MED0001234567.", "MED0001234567"),
    ("Bill to: 5521 90318 4", "5521 90318 4"),
    # ages over 89 in registration shapes
    ("ADT: THOMPSON, GRETA (97 y) admitted to ward 6.", "97"),
    ("KRAUSE, OTTO  M/93  ENC 55012", "93"),
    ("Cake for her 101st birthday on the unit.", "101"),
    # a delimited export read by its header
    (_EXPORT, "QX55102"),
    (_EXPORT, "Harrow"),
    (_EXPORT, "Linnea"),
    (_EXPORT, "NG7 2XT"),
    (_EXPORT, "ZT80311"),
    (_EXPORT, "Moreau, Ansel"),
    (_ROSTER, "Kestrel Bay Nursing Station"),
    # facilities
    ("Referred to Hospital General de Tepatitlán for imaging.", "Hospital General de Tepatitlán"),
    ("Seen at Clínica Santa Brígida last week.", "Clínica Santa Brígida"),
    ("GP: Dr K. Whitfield, Willowmere Surgery", "Willowmere Surgery"),
    ("GP: Dr K. Whitfield, Willowmere Surgery", "K. Whitfield"),
    ("Follow-up with Harrowgate & Partners in May.", "Harrowgate & Partners"),
    ("Flown to Tindal Creek Health Service overnight.", "Tindal Creek Health Service"),
    ("Children attend Escuela Primaria Amado Nervo daily.", "Escuela Primaria Amado Nervo"),
    ("Works at Quill Bros. Fencing as a labourer.", "Quill Bros. Fencing"),
    # a cue word with a dotted capital I (not in the ASCII word index)
    ("The patient, NİCKNAMED Jimbo by friends, arrived.", "Jimbo"),
]

CLEAN = [
    "Stable on 2/3 of a tablet nightly.",
    "Take 1/2 tab at bedtime.",
    "Firmware version 4.2.10.7 installed on the pump.",
    "Suggest SNOMED 73211009 for the coding.",
    "Pt moved from Saskatchewan to Alberta after retiring.",
    "Family moved from Oaxaca to Mexico City years ago, then to Ontario.",
    "Referred to SNAP, WIC and the county food bank.",
    "Obstetrics: term infant, Bishop score 6, Apgar 9.",
    "General Surgery follow-up in 2 weeks.",
    "Vascular Surgery consulted; plastic surgery to follow.",
    "NDC 0093-7214-56 dispensed.",
    "ICD-10 E11.9; CPT 99214. BP 128/76, HR 72.",
    "Telephone encounter 16:49, caller asks for a refill.",
    "Claim encounter 2231 reviewed.",
    "Score 10 20 30 40 on serial testing.",
    "Seen by Dr. X today.",
    "Followup visit with Dr. Y. Hemoccult cards x3 sent home.",
    "To be discussed at the combined Cardiology/Cardiothoracic Surgery case conference.",
    "Taken to the operating room at ABCD Surgery Center.",
    "Brought to the Hospital Day Surgery by her mother.",
    "Presented to the Hospital Emergency Department after the fall.",
    "Sinus Surgery - Endoscopic",
    "The Emergency Medical Service arrived within minutes.",
    "Esophageal cancer staged T2N0M0.",
    "Intubation by Dr. X. Both nares were patent.",
    "Hospital General rounds at 0800.",
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round10_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), [(f.category, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize("text", CLEAN)
def test_round10_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == [], [(f.category, text[f.start : f.end]) for f in scan(text)]


def test_a_zip_plus_four_is_still_a_place_not_a_telephone_number() -> None:
    text = "Mail to 12 Elm St, Hanover, NH 03755-1234 by Friday."
    s = text.index("03755-1234")
    assert [f.category for f in scan(text) if f.start <= s < f.end] == ["LOCATION"]


def test_a_facility_in_a_tab_separated_row_stays_in_its_cell() -> None:
    found = [(f.category, _ROSTER[f.start : f.end]) for f in scan(_ROSTER)]
    assert ("FACILITY", "Kestrel Bay Nursing Station") in found
    assert ("NAME", "Odile E. Farrant") in found
