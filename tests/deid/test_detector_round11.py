"""Eleventh round of missed kinds (read on development set J): telephone numbers with a
country code and few groups, cued trunk-zero and local numbers; national numbers with
letters (DNI, codice fiscale, CNIC); court order, copay card, member and "MRN there" cues;
firms by their legal form, surnames after an employer cue and practices by their trade; names
before a sex-and-birth parenthesis or a DOB, initials after a role or before a possessive, a
first name before "brought", in a greeting or a sign-off, chat handles and audit user names,
a name in parentheses after a relation; the town and postcode after a street line; streets
after "moved to" or "home to" in lower case, streets of Spain, Italy and Quebec, POB; m/d
after "verified". And the false alarms read on J: languages, states and tribal nations,
countries after a trip, health plans, scales and their values, a catheter, classification
grades, a therapy section's "PT:".

The values are made up for these tests (none is taken from an evaluation set); each case
stands for a rule, and the look-alikes below must stay clean.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

_HEADER = "ADDR: 718 WILLOWBROOK TRCE, PELLSTONE 61482-3390\nHOME PH: (515) 555-0171"
_STARS = "*** ROSALIND QUAYLE ** DOB MAY 2, 1944 ** 55 E TAMSIN PSGE ** FERNHOLLOW 49207 **"

CASES = [
    # telephone numbers
    ("Daughter's mobile +353 871234567, call after six.", "+353 871234567"),
    ("Brother abroad: +4917612345678 (WhatsApp).", "+4917612345678"),
    ("Mobile 555-0148 is the best number.", "555-0148"),
    ("Contact quill.r@mailhost.org / 0791 is the extension; cell 07700900461.", "07700900461"),
    ("Wife called from home at 5155550192, updated.", "5155550192"),
    # national numbers with letters, after their cue
    ("DNI 48213907K verified at registration.", "48213907K"),
    ("SSN VRDLCU80A41H501Z on the Italian card.", "VRDLCU80A41H501Z"),
    # record and account numbers behind other cues
    ("Court order 27-TX-40113 names the guardian.", "27-TX-40113"),
    ("Copay card QA-5531207 applied.", "QA-5531207"),
    ("Seen at Ridgeview ED, MRN there 7730418.", "7730418"),
    ("Member 66104327W on the back of the card.", "66104327W"),
    # firms and practices
    ("Transport: Okonkwo Haulage LLC, pickup at 0630.", "Okonkwo Haulage LLC"),
    ("Employer: Brandauer Pfeil GmbH & Co. KG", "Brandauer Pfeil GmbH & Co. KG"),
    ("She works at Quintero, Lusk and Abernathy downtown.", "Quintero, Lusk and Abernathy"),
    ("Labs drawn at Vantongeren Dental yesterday.", "Vantongeren Dental"),
    ("Receives treatment at Ostrowski Dialysis Center thrice weekly.", "Ostrowski Dialysis"),
    # names by the structure around them
    ("ALERT: OKAFOR, BEATRIX (F, 19610302) seen in the ED.", "OKAFOR, BEATRIX"),
    (_STARS, "ROSALIND QUAYLE"),
    ("Wound care by RN K.V. this morning.", "K.V."),
    ("Hospice note: W.Z.'s daughter asked about respite.", "W.Z."),
    ("Hospice note: pt. WZ declining, sleeping most of the day.", "WZ"),
    ("Card checked. Marisol brought the paperwork.", "Marisol"),
    ("Florencia, can you look at the echo?\nThanks — Theodore", "Florencia"),
    ("Florencia, can you look at the echo?\nThanks — Theodore", "Theodore"),
    ("[14:22] ottiliek: bed 9 needs a line", "ottiliek"),
    ("Audit: user hollis opened the chart; user mkowal2 too.", "hollis"),
    ("Audit: user hollis opened the chart; user mkowal2 too.", "mkowal2"),
    ("Family (Ferreira) at bedside.", "Ferreira"),
    ("Chaplain Dorothea Vance visited twice.", "Dorothea Vance"),
    ("Per trooper Kowalczyk the car rolled.", "Kowalczyk"),
    ("Spoke with pt. HQ and son; H.Q. prefers comfort care.", "HQ"),
    ("Spoke with pt. HQ and son; H.Q. prefers comfort care.", "H.Q."),
    ("REG: ABERNATHY, COLETTE H# 7731920 FIN 33104", "ABERNATHY, COLETTE"),
    # towns, postcodes and street lines
    (_HEADER, "PELLSTONE"),
    (_HEADER, "61482-3390"),
    (_STARS, "FERNHOLLOW"),
    (_STARS, "49207"),
    ("we moved to 4410 e larkspur xing in Dunmore.", "4410 e larkspur xing"),
    ("we moved to 4410 e larkspur xing in Dunmore.", "Dunmore"),
    ("plan d/c home to 2207 saddle brk tomorrow.", "2207 saddle brk"),
    ("Domicilio: Rambla Teodoro Mir 18, Castellnou CP 08419.", "Rambla Teodoro Mir 18"),
    ("Domicilio: Rambla Teodoro Mir 18, Castellnou CP 08419.", "Castellnou"),
    ("Domicilio: Rambla Teodoro Mir 18, Castellnou CP 08419.", "08419"),
    ("Indirizzo: Viale Brunetti, 14 Piano 2", "Viale Brunetti, 14 Piano 2"),
    ("Adresse: 5120 rue Lapointe App. 7, Rimouski", "5120 rue Lapointe App. 7"),
    ("Mail goes to POB 3318.", "POB 3318"),
    ("Mail: 40 Birch Est LOBBY, Marlowe 60123.", "40 Birch Est LOBBY"),
    ("Mail: 40 Birch Est LOBBY, Marlowe 60123.", "Marlowe"),
    ("Statement mailed to 12 N Oak SPGS 40118 on time", "40118"),
    ("Mom at +44 7700900123; she works at Pryor Kell GbR.", "+44 7700900123"),
    ("Mom at +44 7700900123; she works at Pryor Kell GbR.", "Pryor Kell GbR"),
    # dates
    ("Insurance verified 4/19: card on file.", "4/19"),
]

CLEAN = [
    # interpreters' languages, states, tribal nations, countries after a trip
    "Interpreter used (Spanish); family prefers Vietnamese for teaching.",
    "Transfer from South Dakota for Kawasaki disease.",
    "Returned from the Hopi Nation after a camping trip.",
    "Returned from Peru after hiking; concern for dengue.",
    # health plans, scales and their values, devices, classification grades
    "INS: Anthem Health Plan, copay applies.",
    "MMSE 27/30 today, stable.",
    "PT: PPS 50%, gait antalgic.",
    "PT: Timed Up and Go 14 s; BI-RADS 3 last year.",
    "A 14 Fr Foley placed without difficulty.",
    "EGD: Forrest IIa ulcer, clipped.",
    # clinical abbreviations after a role, words after an employer cue
    "Keep the patient NPO until the swallow study.",
    "PT INR is 2.4 today.",
    "She works at the mill; husband retired.",
    "Cleared by Family Dental last spring.",
    "Crash: driver, MVC on the interstate, GCS 15.",
    "Chaplain visited; Officer on scene. Prescriber notified.",
    "Results sent to U.S. Renal Care; pt has CKD.",
    "He has been attending AA meetings weekly.",
    "Evaluated for the legal firm of ABCD Inc. last year.",
    "Returned from Israel after the holidays.",
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round11_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), [(f.category, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize("text", CLEAN)
def test_round11_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == [], [(f.category, text[f.start : f.end]) for f in scan(text)]


def test_a_town_after_a_street_line_is_not_a_state() -> None:
    text = "Mail to 12 Aspen Ct, MT 59001 please."
    found = [(f.category, text[f.start : f.end]) for f in scan(text)]
    assert ("LOCATION", "MT") not in found
    assert caught(text, "59001")


def test_a_role_before_a_firm_is_not_part_of_its_name() -> None:
    text = "Emp Halvorsen Freight LLC"
    found = [(f.category, text[f.start : f.end]) for f in scan(text)]
    assert found == [("FACILITY", "Halvorsen Freight LLC")]
