"""Seventh round of missed kinds (read on development sets A-F): tables written as
comma-separated lines or as pipe rows without outer bars, whose header names each column;
phone numbers read out digit by digit; day-first dotted and Spanish dates; m/d after "due",
"done", "given"; holidays after "began", "from"; lower-case rural roads after a residence
cue and lower-case numbered routes; names after a parent, a technician, an examiner, a
coordinator, "lives with" and "nurse was"; lower-case chat speakers and "mr" + surname;
the addressee of a fax; a chain store with its number; "CITY:"/"ADDR:" cells of a
registration row; Spanish residence cues; rows of a referral list; a given name that is
also a word opening a sentence before a verb only a person takes ("Will has POA").

The values are made up for these tests (none is taken from an evaluation set); each case
stands for a rule, with variants of its phrasing, and the look-alikes below must stay clean.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

_CSV = "export below\nmrn,last,first,dob,zip\n77120934,Pellow,Ottilie,1941-06-02,40977\n"
_BARS = "patient | street | town | phone\nVashti Crum | 41 Sorrel Bend | Tollesboro | 606-555-0114"
CASES = [
    # comma-separated lines under a header that names the columns
    (_CSV, "Pellow"),
    (_CSV, "Ottilie"),
    (_CSV, "77120934"),
    (_CSV, "40977"),
    ("see list id,surname,given,birthdate\n3310,Okonkwo,Ifeoma,3/3/1960", "Okonkwo"),
    # pipe rows without the outer bars
    (_BARS, "Vashti Crum"),
    (_BARS, "41 Sorrel Bend"),
    (_BARS, "Tollesboro"),
    ("ACCESSION | PATIENT | MRN | RESULT\nQ7-88120 | TULLY, BRONAGH | 5512093 | 6.1 %", "TULLY"),
    # phone numbers read out
    ("callback number is six one five, two two oh, four four one nine. Thanks", "four one nine"),
    ("Best phone: nine three one eight eight two zero seven one one", "nine three one"),
    # dates
    ("Date of birth 27.11.1948 per the card", "27.11.1948"),
    ("Próxima cita el 14 de marzo con la enfermera.", "14 de marzo"),
    ("Tdap booster due 8/19. Labs done 7/30.", "8/19"),
    ("Tdap booster due 8/19. Labs done 7/30.", "7/30"),
    ("Cough began Thanksgiving Day and worsened.", "Thanksgiving Day"),
    # roads
    ("he lives way out on turkey foot road past the church", "turkey foot road"),
    ("they moved to 317 sugar camp branch last spring", "317 sugar camp branch"),
    ("wrecked his truck off route 25 near town", "route 25"),
    # names after parents, technicians, coordinators
    ("Parents Odalys and Kieran were at bedside.", "Odalys"),
    ("Parents Odalys and Kieran were at bedside.", "Kieran"),
    ("Transplant coordinator Marisol Quaye, pager 4471.", "Marisol Quaye"),
    ("Pt lives with Thaddeus.", "Thaddeus"),
    # chats and lower-case titles
    ("[unit chat]\nbrenna: is bed 9 up?\nhollis: yes, walked w pt", "brenna"),
    ("[unit chat]\nbrenna: is bed 9 up?\nhollis: yes, walked w pt", "hollis"),
    ("anyone seen mr castellanos this am", "castellanos"),
    # addressees, stores, registration cells, Spanish residence, referral lists
    ("Faxed to Pruitt Orthotics at 606-555-0190 on request.", "Pruitt Orthotics"),
    ("Picked up at Walgreens #11820 yesterday.", "Walgreens #11820"),
    ("NAME: DUFF, ORLA  CITY: SALT LICK  ST: KY  ZIP: 40371", "SALT LICK"),
    ("ADDR: 88 OLD MILL RD  CITY: SALT LICK", "88 OLD MILL RD"),
    ("La señora vive en Tierra Amarilla con su hija.", "Tierra Amarilla"),
    ("Referrals\nNeurology - Cumberland Neuro Partners - fax 606-555-0131", "Cumberland Neuro"),
    # given names that are words, as the subject of a person's verb
    ("Met with the family. Will has POA and agrees.", "Will"),
    ("Group went well. Frank has been doing better since June.", "Frank"),
    ("Intake done.\nPatience is sober 40 days.", "Patience"),
]

CLEAN = [
    "test,value,units,flag\nsodium,139,mmol/L,N\npotassium,5.9,mmol/L,H",
    "drug | dose | route | frequency\nmetoprolol | 25 mg | PO | BID",
    "Plan: first, last, and always, hydrate.",
    "result | reference\n4.2 | 3.5-5.0",
    "Given 1/2 tab of lorazepam; done 3/4 of the meal.",
    "The phone number is on file; counted one two three four five six seven aloud.",
    "Lives with Parkinson disease; parents with diabetes.",
    "He lives on a farm road; moved to the branch clinic.",
    "Strength 5/5, reflexes 2/4 given the neuropathy.",
    "Dosing from Christmas tree lights? No.",
    "plan: continue abx\nnote: afebrile overnight",
    "severe mr noted; ms symptoms stable",
    "Sent to lab at 0600 for CBC.",
    "CITY: pending  ADDR: unknown",
    "Renal - see nephrology note - fax pending",
    "Joy reported in small things. Hope has been elusive.",
    "Son has type I diabetes. Mark is visible on the shin.",
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round7_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), [(f.category, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize("text", CLEAN)
def test_round7_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == [], [(f.category, text[f.start : f.end]) for f in scan(text)]
