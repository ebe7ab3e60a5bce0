"""Twenty-second round: kinds behind the misses of set T. A markdown table's header is the
row above its rule line whatever it holds ("SSN L4", "Member/MBI"); partial SSNs behind "soc
sec ... ending" and "(L4)"; persons in the slots of legal and incident forms (witnesses,
notaries, counsel, "Guard on duty:", initials alone after a role, capitals, "I, X, of", "as my
agent X", "adjuster X", "crew X,", "call to X at <phone>", "On arrival X was"), a name in
capitals before a credential, "Esq."; emergency services by their head, a form's organisation
after its title and a dash, a department after a facility, "O&M"; a county's label, "(X Co.)",
a distance from a town, a town before a state that is also a word, a site's town; plates after
a vehicle and its state and digit plates after "plate", a second serial after a slash, a
beacon's number, a GS1 "(21)" before a serial, a participant's code.

The values are made up for these tests (none is taken from an evaluation set). Each kind has
look-alikes that must stay as they were. Also: a legal form's "4th day of May, 2025", a
person's age stated ("Client is 93 and lives alone"), CLIA numbers, a licence in parentheses
after a credential and a state, a phone's label with who answers it, a utility written to.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.needles import covered, touched

TABLE = (
    "| Patient | DOB | Member/MBI | SSN L4 | Phone |\n"
    "|---|---|---|---|---|\n"
    "| Okonkwo, Adaeze | 03/11/1950 | 4QX7TP2MK88 | 5531 | 603-555-0188 |\n"
)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        (TABLE, "5531"),
        (TABLE, "4QX7TP2MK88"),
        ("Patient: Ines Varga  DOB 2/2/1960\nsoc sec ending 7719   Plan # 88", "7719"),
        ("Employee: Ines Varga\nSSN (L4) 4402\nDate of injury: 3/3/2025", "4402"),
        ("Imaging site: Alder Clinic   Photographer: Q.W.\nPt name: Varga, Ines", "Q.W."),
        ("Witness 1: Ottilie Barsamian   Witness 2: Ferrin Oduya", "Ferrin Oduya"),
        ("Notary: OTTILIE BARSAMIAN, commission no. 5512", "OTTILIE BARSAMIAN"),
        ("Guard on duty: O.B.\nInjured: Ferrin Oduya, age 12", "O.B."),
        ("FOREMAN: OTTILIE BARSAMIAN  RADIO CH 4", "OTTILIE BARSAMIAN"),
        ("DECLARATION OF OTTILIE BARSAMIAN, MD, IN SUPPORT OF", "OTTILIE BARSAMIAN"),
        ("I, OTTILIE K. BARSAMIAN, OF 12 ELM ST, ALDER", "OTTILIE K. BARSAMIAN"),
        ("I appoint as my agent Ferrin Oduya, and as alternate Ines Varga.", "Ferrin Oduya"),
        ("Claim 44-1; adjuster Ferrin Oduya, fo@example.org", "Ferrin Oduya"),
        ("Counsel: Ferrin Oduya, Esq., fo@example.org", "Ferrin Oduya"),
        ("Rescue: rope descent, ground crew Adaeze, EMS to the valley.", "Adaeze"),
        ("Pre-op call to Adaeze at (603) 555-0188 on 2/2.", "Adaeze"),
        ("On arrival Adaeze was sitting in the kitchen.", "Adaeze"),
        ("EMS: Tamarack Fire & EMS transported to the hospital.", "Tamarack Fire & EMS"),
        ("EMS: Quillby Ambulance transported her.", "Quillby Ambulance"),
        ("INCIDENT LOG - Alder Notch Timber\nUnit: cable side", "Alder Notch Timber"),
        ("Outreach encounter - Harm Reduction of Quillby\ndate: 3/3", "Harm Reduction of Quillby"),
        ("Quillby General Hospital Radiation Oncology\nSUMMARY", "Radiation Oncology"),
        ("Employer: Tamarack Renewables O&M   Supervisor: Ines Varga", "Tamarack Renewables O&M"),
        ("County of residence (rural): Quillby\nQuestion: dosing", "Quillby"),
        ("Service address: 12 Elm St, Alder, ID 83800  (Tamarack Co.)", "Tamarack"),
        ("Unit: cat side, about 14 mi from Quillby\nDate 2/2", "Quillby"),
        ("Her son joined by video from Quillby, OR; chaplain present.", "Quillby"),
        ("site: motel lot, Quillby\n", "Quillby"),
        ("She was sitting in her truck, WA QXR4471, keys handed over.", "QXR4471"),
        ("Crew rig: NH 880 2214, VIN pending", "880 2214"),
        ("boat reg. pending, trailer plate 4471902. Seen", "4471902"),
        ("hearing aids, serials 88A1234567 / QZK-551190\nWitness", "QZK-551190"),
        ("Activated beacon (UIN 1A2B3C4D5E6F708) at noon", "1A2B3C4D5E6F708"),
        ("Has an ICD, SN (21)448812345; checked.", "(21)448812345"),
        ("participant code QUIL4471 (goes by Q)", "QUIL4471"),
        # the first of two numbered labels on a line ("Witness 2" is no model number)
        ("Witness 1: Ottilie Barsamian   Witness 2: Ferrin Oduya\nNeither", "Ottilie Barsamian"),
        ("Signed this 9th day of March, 2024, at the clinic.", "9th day of March"),
        ("SIGNED THIS 21ST DAY OF JUNE, 2023, AT", "21ST DAY OF JUNE"),
        ("Client is 94 and lives alone.", "94"),
        ("Alder Reference Lab   CLIA 44D1234567\nPATIENT", "44D1234567"),
        ("Quillby Clinical Laboratory   CLIA 44D1234567\nPATIENT", "Quillby Clinical Laboratory"),
        ("Evaluated by Ines Varga, CRNA (NE 5521); supervising", "5521"),
        ("Phone (father, Signal): 555-0142\nPlan", "555-0142"),
        ("To: Quillby Rural Electric   Fax: 603-555-0101", "Quillby Rural Electric"),
    ],
)
def test_round22_kinds(text: str, needle: str) -> None:
    assert covered(text, needle)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        # a table whose header row has no rule line under it and digits in it stays as it was
        ("| Test | Day 1 | Day 2 |\n| ALT | 54 | 61 |\n", "54"),
        ("Plan: the ECG lead II on arrival was normal.", "ECG"),
        ("Monitor: continuous pulse oximetry", "continuous"),
        ("The plate with 28 screws was removed.", "28"),
        ("Fractured the plate 3 weeks ago.", "3"),
        ("PROGRESS NOTE - Chest Pain Evaluation\nHPI", "Chest Pain"),
        ("Call to pharmacy at 3 pm about the refill.", "pharmacy"),
        ("about 3 miles from home", "home"),
        ("Dose: 5 mg (L4) radiculopathy", "5"),
        ("Lab: the Fire & Ice challenge test", "Fire"),
        ("Oncology Visit - CA of Cervix\n", "Cervix"),
        ("on the 3rd day of treatment", "3rd day"),
        ("Pulse is 96 and regular.", "96"),
        ("Cath Lab\nSent to the Sleep Lab today.", "Cath Lab"),
        ("MSG FM LAB\nMSG FM LAB TO 3W // CRIT CK 5400", "MSG FM LAB"),
        ("PERTINENT LABORATORY DATA: White count 9.", "PERTINENT LABORATORY"),
        ("Tube (NG 12) placed; RN (ICU 4) aware.", "12"),
        # false alarms of the rules before this round (read from T's clean passages)
        ("Return to work: Inspect the harness before each climb.", "Inspect"),
        ("PATIENT ADDR: 12 Elm St", "ADDR"),
        ("REMINDER: BRUCE PROTOCOL, STAGE 3 HANDOUT", "BRUCE PROTOCOL"),
        ("CASE PRESENTATION FORM - Dementia Care\nSession date: 2/2", "Dementia Care"),
    ],
)
def test_round22_look_alikes(text: str, needle: str) -> None:
    assert not touched(text, needle)


def test_a_fold_after_a_hyphenated_eponym_is_no_name() -> None:
    # the learned tagger took "Morgan" of "Dennie-Morgan folds"; the rules' veto now reads it
    text = "Exam: Dennie-Morgan folds noted."
    assert scan(text) == []
