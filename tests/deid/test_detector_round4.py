"""Fourth round of missed kinds (issue 12): identifiers behind any label or record word and
written in groups, dot-leader form rows, SSNs broken over a line, ages said of a person,
registration date shapes, social-media handles, plates and serials behind plain words, names
behind roles and speech cues, nicknames, pharmacies, employers, towns before a state and ZIP
and after residence cues; and topic names that are eponyms or terms stay clean.

The values are made up for these tests; each stands for a general rule.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

CASES = [
    # ID: any label ending in #, no., number or ID; record words; values in groups
    ("Locker # QX88120 holds his belongings.", "QX88120"),
    ("Claim no. 55-310-2291 was denied.", "55-310-2291"),
    ("Inmate number TR4471902 transferred.", "TR4471902"),
    ("Bill to: group GP 7712093", "GP 7712093"),
    ("insurance WQ55012877, please rebill", "WQ55012877"),
    ("Audit: chart 7730015-2 opened by user.", "7730015-2"),
    ("pt 66-20417 needs a new walker", "66-20417"),
    ("ACC#: 5120 3391 0087", "5120 3391 0087"),
    ("MRN K4410 902 and MRN K4411 903 merged.", "K4411 903"),
    ("Booking #QA 5510293, cell block C.", "QA 5510293"),
    ("Parole number 5561902-7. Seen today.", "5561902-7"),
    # form rows with dot leaders
    ("Patient Name ....... Odile Kastner\nZip Code ........ 40213", "Odile Kastner"),
    ("Patient Name ....... Odile Kastner\nZip Code ........ 40213", "40213"),
    ("Social Security .... 318 40 7726", "318 40 7726"),
    # SSN broken over a line
    ("Applicant: see file, SSN 318-40-\n7726, signed.", "318-40-\n7726"),
    # AGE said of a person
    ("Her father died at 97 in his sleep.", "97"),
    ("grandmother lived to ninety-eight and farmed", "ninety-eight"),
    ("the gentleman is ninety-one and still drives", "ninety-one"),
    ("caller says she's 93 and fell", "93"),
    ("Pt is 104F, alert.", "104"),
    ("this lady is ninety-three, sharp as ever", "ninety-three"),
    # DATE shapes
    ("DOB: 03MAR1931", "03MAR1931"),
    ("Seen 14/Aug for review", "14/Aug"),
    ("Transferred on Oct-19 by ambulance", "Oct-19"),
    ("Last worked 19870214.", "19870214"),
    ("Follow-up on the 19th.", "19th"),
    ("Her surgery is on October twenty-second.", "October twenty-second"),
    ("Bandage placed 3-11, changed daily.", "3-11"),
    # URL: handles
    ("he posts as @lakeside_runner77 every day", "@lakeside_runner77"),
    # DEVICE and VEHICLE behind plain words
    ("her concentrator (sn QX4417720B) alarms", "QX4417720B"),
    ("pickup (KDL-4471, blue) was towed", "KDL-4471"),
    ("DMV review: vehicle 771 RTB registered", "771 RTB"),
    # NAME: roles, speech cues, nicknames, chat lines, Last, First
    ("Night supervisor Ottoline Brandt called.", "Ottoline Brandt"),
    ("Caller Idris Okonjo (son) reports a fall.", "Idris Okonjo"),
    ("Claimant Bertil Marangoni  SSN on file", "Bertil Marangoni"),
    ("I am writing on behalf of Ysolde Pinheiro regarding coverage.", "Ysolde Pinheiro"),
    ("signed out to Casimir Welling at 7 pm", "Casimir Welling"),
    ("hey its Odalys from the front desk", "Odalys"),
    ('Grandson Theodore "Teddy" Amankwah drove her.', 'Theodore "Teddy" Amankwah'),
    ("Lucinda: did anyone call back?", "Lucinda"),
    ("Pt Okonkwo, Chidera, age 44", "Okonkwo, Chidera"),
    ("Supervising physician Ilse Parkinson, license on file", "Ilse Parkinson"),
    ("present were her daughters Solveig and Maren.", "Maren"),
    ("ECHO form | Pt: K.W., 93 yo", "K.W."),
    ("Prescriber: Adeyemi, T. MD, DEA on file", "Adeyemi, T."),
    ("0630 Rosalind refused breakfast.", "Rosalind"),
    ("Seen today. D. Castellano is a 94-year-old woman.", "D. Castellano"),
    # tables: digit groups in pipe cells, codes in tab-separated rows
    ("Name | DOB | MRN\nx | 1950 | 412 887 301 |", "412 887 301"),
    ("Ortega, Lina\t771-2093\tMay 2020\tadmit", "771-2093"),
    # FACILITY: pharmacies, employers, caps names, programme heads
    ("Refill request sent to Walgreens on Main.", "Walgreens"),
    ("Employer Northfield Tannery  Last day worked 4/2", "Northfield Tannery"),
    ("She was a cook at Maple Ridge Head Start.", "Maple Ridge Head Start"),
    ("WILLOW CREEK HOSPITAL DISCHARGE SUMMARY", "WILLOW CREEK HOSPITAL"),
    ("Worship at Masjid Al-Huda on Fridays.", "Masjid Al-Huda"),
    # LOCATION: before state and ZIP, residence and life-event cues, counties
    ("200 Quarry Rd\nSilver Hollow, MT 59001", "Silver Hollow"),
    ("She lives in Stony Gap with her son.", "Stony Gap"),
    ("He grew up in the Flats before the war.", "the Flats"),
    ("decedent Omar Vass, age 95, of Little Rapids.", "Little Rapids"),
    ("rollover on Route 9 Road near Bear Wallow on the way home", "Bear Wallow"),
    ("Subpoena from Lemhi County court for records.", "Lemhi County"),
    ("Address: 12 Aspen Way, Quillfield, zip code 84033", "Quillfield"),
    ("She lives alone at 7 Birch Hollow Rd in Marrowstone.", "Marrowstone"),
    ("Harlow Springs Vermont 05001", "Harlow Springs"),
]

CLEAN = [
    # a dose schedule: "by day 6-7" is a range of days, not a date signed by initials
    "Double daily, reaching 16 mg by day 6-7.",
    # eponyms and terms that are also names or look like a lower-case name pair
    "vena cava",
    "gia stapler",
    "carter thomason closure device",
    "marshall marchetti krantz cystourethropexy",
    "Thrombus in the inferior vena cava. vena cava filter placed.",
    # labels of clinical codes, models, rooms and steps are not identifiers
    "CPT # 99214; ICD-10 no. E11.65; Room # 40212; Model number 5076-52",
    "Lot number and model are on the box. Step 2 of 4.",
    "Anterior cervical plate C3-C5 was placed.",
    "BRIEF HOSPITAL COURSE: uneventful.",
    "Patient moved to ICU bed 12 for monitoring.",
    "HR is 92 and SpO2 is 95 on room air.",
    "Repeat labs on the 2nd day of admission.",
    "Follow up in Cardiology in two weeks.",
    "She wore Levi jeans; the decedent was found at home.",
    "Dose 1-2 tablets every 4-6 hours as needed.",
    "email me @ the usual address",
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round4_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), [(f.category, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize("text", CLEAN)
def test_round4_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == [], [(f.category, text[f.start : f.end]) for f in scan(text)]
