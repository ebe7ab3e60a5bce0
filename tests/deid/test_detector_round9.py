"""Ninth round of missed kinds (read on development set H): names after more labels and
roles ("NOK:", "Passenger", "identifies pt as", "Reset by"), before "'s mom", in parentheses
after a relation or an e-mail address, on chat lines after a timestamp and on roster lines,
in a subject line's tail and a pipe cell; facilities after residence, transport, transfer and
pharmacy cues, in a roster's "Site" column, in a letterhead and with a kind's abbreviation
(FQHC, RHC); towns that are ordinary words after strong place cues, lower-case after "lives
in", after a pharmacy; highway addresses with a house number; labelled address blocks over
several lines; foreign postcodes; MON-DD-YYYY and MMDDYYYY dates, m/d after events, dates
and phone numbers broken over a line; numbers after "ph" and "tel" and with a country code;
partial SSNs and record numbers; licences with their issuer's letters, "SN" serials, plates
after "ATV reg".

The values are made up for these tests (none is taken from an evaluation set); each case
stands for a rule, and the look-alikes below must stay clean.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

_CHAT = "[10:02] Orla: is this Benedikt Crowchild's dad? he rang twice\n[10:03] Dr Vance: yes."
_ROSTER = "Tuesday HD list\nQUILLAN, MARGIT  chair 4  10:30\nMachine: 2008T"
_TABLE = (
    "| Name | DOB | Site |\n|---|---|---|\n| Ferd Kowalski | 3/3/1941 | Aspen Hollow |\n"
    "| Ines Larue | 4/4/1938 | Bitterroot FQHC |\n"
)
_LETTER = (
    "Juniper Flats Family Practice\n7731 Old Mill Spur\nCrowheart, WY 82512\n\n3/14\n\n"
    "Dear Dr. Hale,"
)
_ADDRESS = "Name: Tomasina\nAddress: 4410 Kestrel\nCutoff\nSunburg 56289\nPhone: 320-\n555-0199"
CASES = [
    # names
    ("NOK: ROSALIND OYELOWO (SISTER) 320-555-0111", "ROSALIND OYELOWO"),
    ("Passenger Tiberius Lachance taken to the ED.", "Tiberius Lachance"),
    ("Wallet card identifies pt as Marisol Two Crows.", "Marisol Two Crows"),
    ("Password reset by Evander (help desk).", "Evander"),
    (_CHAT, "Orla"),
    (_CHAT, "Benedikt Crowchild"),
    ("Family (Quentin Marchetti) updated.", "Quentin Marchetti"),
    ("login zed.far@mailbox.org (Zedekiah Farrow) locked out", "Zedekiah Farrow"),
    (_ROSTER, "QUILLAN, MARGIT"),
    ("Subject: consult request - Lindqvist\n\nPlease see.", "Lindqvist"),
    ("Printed 2/2 | Page 1 of 3 | OYELOWO, ROSALIND K | MRN on file", "OYELOWO, ROSALIND K"),
    ("Caller Philippa (daughter) asked for a refill.", "Philippa"),
    # facilities
    ("Resident of Larkspur Meadows since 2019.", "Larkspur Meadows"),
    ("Transport by Prairie Wheels, van at 7 am.", "Prairie Wheels"),
    ("Brought by EMS to Centro de Salud Esperanza, then home.", "Centro de Salud Esperanza"),
    ("Pharmacy: Big Horn Drug, Hardin, ph 406-555-0140", "Big Horn Drug"),
    ("Pharmacy: Big Horn Drug, Hardin, ph 406-555-0140", "Hardin"),
    (_TABLE, "Aspen Hollow"),
    (_TABLE, "Bitterroot FQHC"),
    (_LETTER, "Juniper Flats Family Practice"),
    ("Follow-up at Wind River RHC next month.", "Wind River RHC"),
    # places and addresses
    ("Her son drives up from Harmony on Sundays.", "Harmony"),
    ("father alive at 94 in Lucky.", "Lucky"),
    ("lives in cut bank out on rr 1 box 40.", "cut bank"),
    ("POA is her niece, 2210 Hwy 89 N, Choteau, phone 406-555-0130.", "2210 Hwy 89 N"),
    (_ADDRESS, "4410 Kestrel\nCutoff"),
    (_ADDRESS, "Sunburg"),
    (_ADDRESS, "56289"),
    ("home address 12 Heather Close, Portadown BT62 3QX. GP on file", "BT62 3QX"),
    ("home address 12 Heather Close, Portadown BT62 3QX. GP on file", "Portadown"),
    ("domicilio conocido, Ejido Morelos, C.P. 33880.", "33880"),
    # dates, phones and numbers
    ("Seen on MAR-03-2021 in clinic.", "MAR-03-2021"),
    ("Claim resubmitted 07142023 to the payer.", "07142023"),
    ("Pt transferred 6/12 to the ward.", "6/12"),
    (_LETTER, "3/14"),
    ("DOB: 4/22/\n1937", "4/22/\n1937"),
    (_ADDRESS, "320-\n555-0199"),
    ("Pharmacy ph 4065550177, fax on file", "4065550177"),
    ("GP: Dr Brandt, tel +49 151 2345 6789.", "+49 151 2345 6789"),
    ("Contact: son (son) 555-0162.", "555-0162"),
    ("Verified with last 4 of SSN (6630) and DOB.", "6630"),
    ("Caller gave MRN ending in 4471 for the chart.", "4471"),
    ("Her medical record number with us is KB-550312.", "KB-550312"),
    ("Fishing license MFW 5503321907 in his wallet.", "MFW 5503321907"),
    ("pump serial SN 448-21093 replaced", "448-21093"),
    ("snowmobile reg 77-4410C found in the shed", "77-4410C"),
]

CLEAN = [
    "Refer to home health for PT. Page 2 of 3.",
    "Continue PT. Ejection fraction 40%.",
    "Transferred to the Intensive Care Unit for monitoring.",
    "Admitted to Labor and Delivery overnight.",
    "Lesion measured 4 mm 30 days ago.",
    "Utilization Review Department\nreviewed the request.",
    "Driver license on file; verified.",
    "Mother (deceased) had diabetes.",
    "The patient's mom was present. Patient's dad declined.",
    "Flown from the scene by helicopter.",
    "Lives in a trailer out on the ranch.",
    "Device check normal; serial on file.",
    "RE: EXAMINEE\nClaim reviewed.",
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round9_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), [(f.category, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize("text", CLEAN)
def test_round9_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == [], [(f.category, text[f.start : f.end]) for f in scan(text)]


# Long runs of blanks (a pasted table, a form's padding): the roster hint "  chair" is
# sought from the start of a blank run only, so a run of N blanks costs N steps, not N².
# Quadratic, 200 KB took about half an hour; linear, under a second. The scan runs in a child
# process so that a regression fails on the timeout instead of hanging the suite.
_BLANKS_SCRIPT = """
from app.deid import scan
blanks = " \\t  \\t" * 40_000
assert scan(blanks) == [], "blanks"
words = ("see below" + " \\t " * 5_000 + "then\\n") * 13
assert scan(words) == [], "words between blanks"
print("ok", len(blanks), len(words))
"""


def test_long_blank_runs_scan_in_linear_time() -> None:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", _BLANKS_SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("ok 200000 ")


def test_a_roster_line_with_a_wide_gap_is_still_read() -> None:
    text = "Tuesday HD list\nQUILLAN, MARGIT" + " \t" * 30 + "chair 4  10:30\n"
    assert caught(text, "QUILLAN, MARGIT"), [
        (f.category, text[f.start : f.end]) for f in scan(text)
    ]
