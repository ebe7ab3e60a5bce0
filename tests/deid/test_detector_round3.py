"""Third round of missed kinds (issue 12): serial lists and GS1 UDIs, names after role cues
and in census rows, ages over 89 in forms and words, employers and care centres, towns after
addresses and counties, spaced SSNs, lower-case and unit-suffixed streets, plates next to a
VIN, local fax numbers, message-header dates and second record numbers.

The values are made up for these tests; each stands for a general rule.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

CASES = [
    # DEVICE: lists after a cue, abbreviated cue, GS1 UDI, hyphenated and alphanumeric serials
    ("Lead serials PJN7730412, BZK2281907, QRT5514620 recorded.", "BZK2281907"),
    ("Lead serials PJN7730412, BZK2281907, QRT5514620 recorded.", "QRT5514620"),
    ("CPAP ser KT4471902 returned to vendor.", "KT4471902"),
    ("Pump S/N (01)00614559021337(21)HX28841 logged.", "(01)00614559021337(21)HX28841"),
    ("serial # (01)30884521067719(21)77AB1203", "(01)30884521067719(21)77AB1203"),
    ("Hearing aid serial 7812-55031 on file.", "7812-55031"),
    ("Concentrator SN: QW83KD2LM9 swapped.", "QW83KD2LM9"),
    # NAME: role cues
    ("Guarantor: Odalys Frontera", "Odalys Frontera"),
    ("Subscriber: Taavi Rebane", "Taavi Rebane"),
    ("Guardian of record: Wiremu Tane", "Wiremu Tane"),
    ("Lisinopril prescribed by Ignatius Okolie.", "Ignatius Okolie"),
    ("Ordering: Marisol Quevedo, NP", "Marisol Quevedo"),
    ("attn: Bertrand Oyelaran", "Bertrand Oyelaran"),
    ("Report called to RN Ximena at 14:10.", "Ximena"),
    ("re: Dagny Holmqvist DOB 02/03/1941", "Dagny Holmqvist"),
    ("Electronically signed by: TOMASZ WIERZBA, MD", "TOMASZ WIERZBA"),
    ("Collateral from neighbor Gunnar Pettersen (555-201-7731).", "Gunnar Pettersen"),
    ("Hi Anneliese,\nThe patient is stable.", "Anneliese"),
    ("hey Leocadio -- quick question about the echo.", "Leocadio"),
    ("Subject: Brannigan follow-up", "Brannigan"),
    ("Per Fenella's mom the rash began Sunday.", "Fenella"),
    ("pt ruairi donovan seen in clinic", "ruairi donovan"),
    ("patient name: leontyne marsh", "leontyne marsh"),
    ("Family (ozzie brandt, son) at bedside.", "ozzie brandt"),
    ("Pt. NT seen this morning.", "NT"),
    ("Discussed with C.M. (resident).", "C.M."),
    ("For details please see F. Abernathy.", "F. Abernathy"),
    ("Ordering: K. Vasquez-Ruiz", "K. Vasquez-Ruiz"),
    ("PATIENT: ROSALIND ACHTERBERG", "ROSALIND ACHTERBERG"),
    ("Guarantor: Marit Solberg  SSN: xxx-xx-4410", "Marit Solberg"),
    ("Wyn Van der Berg was admitted.", "Van der Berg"),
    ("Mother is Ines de la Cruz.", "Ines de la Cruz"),
    ("Seen with Padraig O'Sullivan today.", "O'Sullivan"),
    ("Ximena was discharged home.", "Ximena"),
    ("Thaddeus resting in bed, no distress.", "Thaddeus"),
    # AGE over 89
    ("Patient is 94 and lives alone.", "94"),
    ("Age at visit: 97", "97"),
    ("This is a ninety-two y/o woman.", "ninety-two"),
    ("Husband is one hundred three years old.", "one hundred three"),
    ("Spouse age ninety, still driving.", "ninety"),
    ("Age: ninety-four", "ninety-four"),
    ("Age/Sex: 96/F", "96"),
    ("Patient is a 97-yo widow.", "97"),
    ("Patient is one hundred three.", "one hundred three"),
    ("Rm 12 Halloran, Bridget 97 F", "97"),
    ("She turned ninety-four last week.", "ninety-four"),
    # FACILITY
    ("Works part-time at Halvorsen Cannery.", "Halvorsen Cannery"),
    ("Injured his back at Tri-County Foundry.", "Tri-County Foundry"),
    ("Worked 22 years as a welder at the Kettering Foundry.", "Kettering Foundry"),
    ("Attends First Baptist Church of Millbrook.", "First Baptist Church of Millbrook"),
    ("Referred to Cedar Ridge Hospice House.", "Cedar Ridge Hospice House"),
    ("Lives at Harmon Elder Care.", "Harmon Elder Care"),
    ("Runs at Lakeshore Dialysis three times a week.", "Lakeshore Dialysis"),
    ("Accepted in transfer from Pinecrest Regional, Dunmore, on 3/4/2024.", "Pinecrest"),
    ("Comparison study from Bellwether Imaging.", "Bellwether"),
    ("Attends day program at Sunbeam Adult Day.", "Sunbeam"),
    # LOCATION
    ("Address: 41 Tamarack Place, Grovedale.", "Grovedale"),
    ("Rural Route 4, Box 488, Quillan", "Quillan"),
    ("ADDRESS 57 EAST STONEGATE VILLAS, WELLSBORO PA", "WELLSBORO"),
    ("lives at 9169 ridgecrest commons, millbrook", "millbrook"),
    ("Patient county: Tallowmere", "Tallowmere"),
    ("Moved from Brisco County 59843 last year.", "Brisco"),
    ("Raised in Truth or Consequences.", "Truth or Consequences"),
    ("connected from home (Ashgrove)", "Ashgrove"),
    ("Tow yard in Farrowdale released the car.", "Farrowdale"),
    ("He camps outside Wexmoor in summer.", "Wexmoor"),
    # SSN
    ("Gave social as 321 89 2867 at triage.", "321 89 2867"),
    ("Spouse's social 418562093 on file.", "418562093"),
    ("Social ends in 3630.", "3630"),
    ("SSN verified, last 4 (8459).", "8459"),
    # ADDRESS
    ("Lives at 9169 ridgecrest commons with daughter.", "9169 ridgecrest commons"),
    ("Mailing: 63 s. copperfield trail", "63 s. copperfield trail"),
    ("home 59341 east county road 12", "59341 east county road 12"),
    ("ADDRESS 57 EAST STONEGATE VILLAS WELLSBORO", "57 EAST STONEGATE VILLAS"),
    ("Lives at 802 Bramble Turnpike Lower.", "802 Bramble Turnpike Lower"),
    ("Lives at 12 Osprey Pass Trlr 277.", "12 Osprey Pass Trlr 277"),
    ("Lives at 77 Larch View, Lower with her son.", "77 Larch View, Lower"),
    ("Lives at 5 Quarry St. Lot 110, Dunmore.", "5 Quarry St. Lot 110"),
    ("HC 61 Box 8372", "HC 61 Box 8372"),
    ("Bystander on Alder Crescent called 911.", "Alder Crescent"),
    # VEHICLE
    ("Impound release form: 8KXT204 (1HGCM82633A004352)", "8KXT204"),
    # PHONE / FAX
    ("Questions: 979-9765", "979-9765"),
    ("Fax log: records sent to 482-1177 today.", "482-1177"),
    # DATE
    ("PHONE MSG 10/23 2:15 p.m. caller asked about labs.", "10/23"),
    ("Surgery was on the second of July.", "second of July"),
    # MRN
    ("MRN: 4410982 and 77-499-804 merged.", "77-499-804"),
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round3_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pacemaker model 5076 leads placed; device model 3830 in pocket.",
        "Room 12, bed 2; transferred to Rm 14 bed 1.",
        "Disc herniation at L4-5 and C5-6; 5/5 strength.",
        "Lisinopril 20 mg daily, metformin 500 mg twice daily.",
        "Glasgow Coma Scale 14, NIHSS 3, PHQ-9 score 11.",
        "Patient is 54 and lives alone.",
        "Age at visit: 67",
        "Hi team, the Foley was removed.",
        "Subject: follow-up labs",
        "Sodium 139, potassium 4.1, creatinine 0.9.",
        "Works part-time at a grocery store.",
        "Patient was discharged home in stable condition.",
        "Parkinson disease, Bell's palsy and Graves disease reviewed.",
        # cue words of this round in clinical sentences
        "The patient tolerated well and comes back to see me today.",
        "ATTENTION: Auditory working memory was within normal limits.",
        "Transferred from the Intensive Care Unit to the floor.",
        "Items were turned over to the Police Department.",
        "T 98 F, lower back pain, 5/5 strength at 10:30.",
        "Vitals, Temp 98 F, HR 88; patient is 98.6 degrees.",
        "Dr. Y was consulted in Interventional Radiology.",
        "Duodenitis was seen on the second pass.",
    ],
)
def test_round3_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == [], scan(text)


def test_census_rows_every_row() -> None:
    text = (
        "Rm 12 HALLORAN, BRIDGET 93 F CHF; Rm 14 ST. CLAIR, ANH 88 F PNA; "
        "Rm 15 GRÜNEWALD, MAGNUS 97 M UTI"
    )
    for needle in ("HALLORAN, BRIDGET", "ST. CLAIR, ANH", "GRÜNEWALD, MAGNUS", "93", "97"):
        assert caught(text, needle), (needle, scan(text))
    # the room numbers and diagnoses are not identifiers
    flagged = "".join(text[f.start : f.end] for f in scan(text))
    assert "12" not in flagged and "CHF" not in flagged


def test_pipe_table_columns() -> None:
    text = (
        "Name | DOB | MRN | Clinic\n"
        "Okafor, Ngozi | 04/02/1950 | 55-201-338 | Riverbend Family Clinic\n"
    )
    for needle in ("Okafor, Ngozi", "55-201-338", "Riverbend Family Clinic"):
        assert caught(text, needle), (needle, scan(text))


def test_names_stop_before_labels_and_credentials() -> None:
    text = "Guarantor: Marit Solberg  SSN: xxx-xx-4410; signed by Ivo Brandl RN"
    names = [text[f.start : f.end] for f in scan(text) if f.category == "NAME"]
    assert "Marit Solberg" in names and "Ivo Brandl" in names, names


def test_town_after_an_all_caps_address_stops_at_the_state() -> None:
    text = "ADDRESS 57 EAST STONEGATE VIEW WELLSBORO PA 16901"
    flagged = [text[f.start : f.end] for f in scan(text)]
    assert "WELLSBORO" in flagged and not any("PA" in f.split() for f in flagged), flagged


def test_a_list_after_a_serial_does_not_run_into_an_expiry() -> None:
    text = "Lot 4471902 / 2026-05 expiry, serials KT4471902 and KT4471915."
    flagged = [text[f.start : f.end] for f in scan(text)]
    assert "2026-05" not in " ".join(flagged) and "KT4471915" in flagged, flagged
