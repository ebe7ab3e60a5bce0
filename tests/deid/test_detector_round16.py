"""Sixteenth round: clean text that raised a finding, by kind (read on development sets M and
N). A false alarm blocks a clinician's save, and a firm one (an ID, an SSN) cannot be cleared
by its author, so each kind below is a shape or a context, not a value: a lot number (a batch,
not a device), a redaction written in lower case, the header of a data dictionary, a LOINC
code in an HL7 result, a billing code before its five digits, a form's heading over its name
field, a decision rule named after a place, a reply after a chat speaker's label, a drug's
expiry, a brand or an eponym after the indefinite article, a journal before its year, a vehicle's
model year, a pharmacy benefit's routing number.

The values are made up for these tests (none is taken from an evaluation set). Each kind has
look-alikes that must stay clean and true identifiers of the same neighbourhood that must
stay caught.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

CLEAN = [
    # a lot number names a batch of many units, never one device nor its patient
    "Replacement Rotaflo K9 pump from stock, lot 7QX31C (exp. 2028).",
    "Glucagon kit kept in the clinic fridge, lot 51B77-4.",
    "Closed with 2-0 vicryl; lot ZT40518 mesh was used.",
    # a redaction in lower case is a placeholder
    "Last name ......... [removed]\nFirst name ........ [redacted]\nDOB ............... [removed]",
    # a data dictionary: its "Field Name" and "Form Name" columns hold things
    "Variable / Field Name,Form Name,Field Type,Field Label\n"
    "hb_1,labs,text,Hemoglobin (g/dL)\n"
    "gene_call,genetics,text,HFE C282Y\n"
    "proc_code,dx,text,CPT 47562",
    # LOINC codes in an HL7 result: one check digit after the hyphen
    "OBX|1|NM|20570-8^Hct^LN||41|||N|||F\nOBX|2|NM|33914-3^eGFR^LN||58|||L|||F",
    # a billing code before its five digits is not a town before a ZIP code
    "STATEMENT (sample)\nCPT 93306  billed $410.00  allowed $221.15\nHCPCS G0008  billed $40.00",
    # the heading of a form that asks for the name
    "PATIENT DEMOGRAPHICS\nLast name ......... [removed]\nFirst name ........ [removed]",
    # a decision rule or a sign named after a place or a person
    "Assessment: Ottawa ankle rules negative; San Francisco syncope rule low risk.",
    "Exam: Marcus Gunn pupil on the left.",
    # a reply after a chat speaker's label
    "[09:12] Provider: ok, per the 2023 guideline we'll go up on the inhaler.",
    # a drug's or a billing line's expiry
    "Lot 4RT19B, exp 11/2027, NDC 0002-1433-80. Left deltoid.",
    "Billing: HCPCS J1100; exp 08/2028. RxBIN 610279 PCN ADV.",
    # a pharmacy benefit's routing numbers are the plan's
    "On warfarin; Rx BIN 004740, PCN ADV. Copay 10.00.",
    # a brand or an eponym after the indefinite article
    "Thrown from a John Deere 5075 tractor; GCS 15.",
    "Exam: a Sister Mary Joseph nodule at the umbilicus.",
    # a journal before its year and volume
    "See Pediatrics 2021;147:e2020049830 for the dosing table.",
]

CASES = [
    # a device's serial beside a lot stays a device identifier
    ("Pump serial SN 88412-QT; lot 51B77-4.", "88412-QT"),
    # a redaction in capitals beside a real name: the name is still found
    ("Last name ......... QUILLFEATHER\nFirst name ........ ODALYS", "QUILLFEATHER"),
    # the same export with a person's name column stays a name column
    ("record_id,last_name,first_name,dob\n1044,Vantongeren,Ysolde,1931-05-03", "Vantongeren"),
    # a ZIP+4 keeps its four digits
    ("Mailing address: 41 Quillback Rd, Marrowby, ID 83998-1204.", "83998-1204"),
    # a town before a ZIP code
    ("Moved to Hays 67601 last spring.", "Hays"),
    # a form heading over a filled name field: the name is found
    (
        "PATIENT DEMOGRAPHICS\nLast name ......... OSTERGAARD\nFirst name ........ BENNO",
        "OSTERGAARD",
    ),
    ("Provider: Quenby Aalst, per the protocol.", "Quenby Aalst"),
    # a licence's or a card's expiry is a date of its holder
    ("ID check: KY DL S412-661-907; exp 09/2029.", "09/2029"),
    ("CDL # L7711942; DOT card exp 10/26/2027.", "10/26/2027"),
    ("I saw Maria Vantongeren in clinic today.", "Maria Vantongeren"),
    ("Member ID W884213907, group 0472219, Rx BIN 004740.", "0472219"),
    ("Seen with Mr. Aalst, a retired farmer.", "Aalst"),
]


def test_a_model_year_is_not_a_plate() -> None:
    """VEHICLE is a firm category: its author cannot clear a false alarm."""
    text = "Vehicle: 2013 Chevy Tahoe  Plate QXV-4471  VIN 1GNSKBE07DR123457"
    flagged = [text[f.start : f.end] for f in scan(text) if f.category == "VEHICLE"]
    assert flagged == ["QXV-4471", "1GNSKBE07DR123457"], flagged


@pytest.mark.parametrize("text", CLEAN)
def test_round16_look_alikes_stay_clean(text: str) -> None:
    found = scan(text)
    assert found == [], [(text[f.start : f.end], f.category) for f in found]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round16_identifiers_stay_caught(text: str, needle: str) -> None:
    assert caught(text, needle), (needle, text)
