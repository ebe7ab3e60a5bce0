"""Eighth round of missed kinds (read on development sets A-G): a person's name after a
label, a role or a relation word, in any case and of words in no list; the writer's sign-off
("-- NAME, RN", initials before a credential); lists of residents with their ages; every
other mention of a name found once; social security numbers grouped any way after their
cue; "Patient initials:"; lower-case highway-contract boxes; a town after a person's age and
"from"; phone numbers with en dashes or broken over a line; m/d after a note, a reschedule
or a hearing; dates said aloud; more facility heads; a chain store whose number an ID takes.

The values are made up for these tests (none is taken from an evaluation set); each case
stands for a rule, with variants of its phrasing, and the look-alikes below must stay clean.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

_LIST = (
    "Residents over 90, flu clinic:\n- QUARLES, EDITHA, 93yo, rm 14B\n- Ansel Pirttilä (97), home"
)
_CHAT = "0800 note: pt edwina castellano sleeping.\nedwina asked for her glasses."
CASES = [
    # labels and roles followed by a name in any case
    ("Dependent: MARISKA OYELARAN  DOB 3/9/1951", "MARISKA OYELARAN"),
    ("EMERGENCY CONTACT: B. ZELENKOVA 502-555-0187", "B. ZELENKOVA"),
    ("Applicant: lorenzo whitlock  DOB 02/11/1977", "lorenzo whitlock"),
    ("Medic: Halvorsen, Ingrid #4410", "Halvorsen, Ingrid"),
    ("Time of death 04:10. Pronounced by Q. Abernathy-Sol. Family notified.", "Q. Abernathy-Sol"),
    ("Loop recorder interrogated by Wendeline Okafor (device clinic) on 2/2.", "Wendeline Okafor"),
    ("CPS case opened; worker Radomir Heikkinen (606-555-0123) will visit.", "Radomir Heikkinen"),
    ("Safety plan reviewed with Tobiah Greyeyes.", "Tobiah Greyeyes"),
    ("PT: 61 YO F, LIVES W/ BROTHER TASUNKE ON THE RIDGE.", "TASUNKE"),
    ("Tele-presenter: rosalind ferraro at the chapter house.", "rosalind ferraro"),
    # sign-offs and initials before a credential
    ("R: please see now. -- HOLLIS QUANBECK, RN, pager 4417", "HOLLIS QUANBECK"),
    ("Will d/c per SW. -- TQ, RN", "TQ"),
    ("Sincerely,\nAurelio Many Horses, MD\nNPI on file", "Aurelio Many Horses"),
    ("If the link fails call the desk.\n-- Ravindra", "Ravindra"),
    # residents listed with their ages
    (_LIST, "QUARLES, EDITHA"),
    (_LIST, "93"),
    (_LIST, "Ansel Pirttilä"),
    (_LIST, "97"),
    # other mentions of a name found once
    (_CHAT, "edwina castellano"),
    # numbers, boxes, towns, phones, dates
    ("soc: 471 62 9038   Spouse soc: 512-33 8807", "471 62 9038"),
    ("soc: 471 62 9038   Spouse soc: 512-33 8807", "512-33 8807"),
    ("Patient initials: KW   Age: 57", "KW"),
    ("mail goes to hc 64 box 221, up the hollow", "hc 64 box 221"),
    ("Pickup: HC 41 Box 9, Oilville", "HC 41 Box 9"),
    ("patient is a 93 year old woman from tuxedni via the clinic van", "tuxedni"),
    ("Family: son Arvo Lind 606–555–0148. Will call.", "606–555–0148"),
    ("Call-back #: 859-555-\n0172 (after 5)", "859-555-\n0172"),
    ("SW note 4/17: met with pt.", "4/17"),
    ("Video visit missed; rescheduled to 11/19.", "11/19"),
    ("date of birth october ninth 1941 medical record on file", "october ninth 1941"),
    # facilities
    ("Body released to Harlan Mortuary this morning.", "Harlan Mortuary"),
    ("May return to class at Wolf Point Head Start on Monday.", "Wolf Point Head Start"),
    ("Lives at Corbin Nursing and Rehab since spring.", "Corbin Nursing and Rehab"),
    ("Picked up at Rite Aid #3391 yesterday.", "Rite Aid"),
    ("MAY RETURN TO CLASS AT WOLF POINT HEAD START ON MONDAY", "WOLF POINT HEAD START"),
    ("will d/c to harrington memorial hospital per sw", "harrington memorial hospital"),
    ("Presenter at Orrin T. Haskell Medical Center.", "Orrin T. Haskell Medical Center"),
    # names in capitals after a title, a clinical word that is a surname, a month surname,
    # the line after "To whom it may concern"
    ("HISTORY: MRS. DELPHA ROUNTREE IS A 77 YO", "DELPHA ROUNTREE"),
    ("Time of death 02:40. Pronounced by REED, OLWEN. Family notified.", "REED, OLWEN"),
    ("Dependent: TOMAS MAY  DOB 1/2/1950", "TOMAS MAY"),
    ("To whom it may concern:\nB. Two Feathers was seen in clinic today.", "B. Two Feathers"),
    ("the patient is mister osvaldo pereira from the valley", "osvaldo"),
]

CLEAN = [
    "Symptoms are not accompanied by tinnitus or deafness.",
    "Seen with interpreter; pt tolerated the exam.",
    "Spoke with prescriber office re: refill.",
    "Ordering: per protocol  NPI on file",
    "BILL TO: MEDICAID",
    "Pt's son phoned from the nursing station.",
    "TP-PA reactive; RPR 1:32.",
    "Guarantor: self  Relationship: son  SS# on file",
    "- Metformin 500 mg, 2 tabs\n- Lisinopril 10 mg (1)",
    "- Hgb 9.4 (low)\n- Plt 95, repeat",
    "Parkinson disease, Graves disease and Bell palsy were discussed.",
    "Husband has COPD; wife with Alzheimer dementia.",
    "Returned from Wernicke encephalopathy workup.",
    "Pt is a 73 year old woman from home via ambulance.",
    "Strength 5/5 and note 2/6 murmur; BP 124/78.",
    "Dose 1/2 tab; follow-up in 3/4 weeks.",
    "Ships via mail order pharmacy.",
    "MS: Somnolent, arousable to voice.",
    "No significant MR. Mitral valve normal.",
    "Insertion of peritoneal dialysis catheter; uneventful hospital course.",
    "She is referred to the thoracic surgery clinic. She comes into clinic monthly.",
    "HOSPITAL COURSE: THE PATIENT DID WELL.",
    "Her MS Contin was decreased.",
    "Comes to the walk-in clinic. A low-cost clinic model. WALK-IN CLINIC hours.",
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round8_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), [(f.category, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize("text", CLEAN)
def test_round8_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == [], [(f.category, text[f.start : f.end]) for f in scan(text)]


def test_round8_a_name_found_once_marks_its_other_mentions() -> None:
    second = _CHAT.rindex("edwina")
    assert any(f.start == second and f.category == "NAME" for f in scan(_CHAT))
