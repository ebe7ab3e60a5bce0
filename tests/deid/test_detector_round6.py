"""Sixth round of missed kinds (issue 12): tables whose header names the column, tab rows
around a birth date, roles and relations before a name (also in lower case), nicknames and
aliases, dotted initials, ages glued to the sex or labelled, m/d after a weekday or a
clinical event, holidays, compact dates in file names, roads named without a number,
trailer-park lots, half and lettered house numbers, places after travel and residence
cues, abbreviated states before a ZIP, facilities after a place preposition, and
licence, member, accession and plate cues.

The values are made up for these tests (none is taken from an evaluation set); each case
stands for a rule, with variants of its phrasing, and the look-alikes below must stay clean.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

_TABLE = (
    "| patient | born | chart | hometown |\n| Quill, Odessa | 2/9/1950 | 55-1029 | Pawpaw Gap |"
)
CASES = [
    # tables: the header says what each column holds
    (_TABLE, "Quill, Odessa"),
    (_TABLE, "Pawpaw Gap"),
    ("| name | age | dx |\n|---|---|---|\n| R.V. | 97 | CHF |", "R.V."),
    ("| name | age | dx |\n|---|---|---|\n| R.V. | 97 | CHF |", "97"),
    ("| resident | MRN | city |\n| ZELLER, AMOS T | QX55012 | Lickskillet |", "QX55012"),
    # tab rows with a birth date
    (
        "TRAVERS, IMOGEN\t11/02/1931\t94\t(502) 555-0182\t77 1/2 S Persimmon Row Apt 3",
        "TRAVERS, IMOGEN",
    ),
    ("TRAVERS, IMOGEN\t11/02/1931\t94\t(502) 555-0182\t77 1/2 S Persimmon Row Apt 3", "94"),
    (
        "TRAVERS, IMOGEN\t11/02/1931\t94\t(502) 555-0182\t77 1/2 S Persimmon Row Apt 3",
        "77 1/2 S Persimmon Row Apt 3",
    ),
    # roles, relations and labels before a name
    ("Seen with CHW Ostrander and the pharmacist.", "Ostrander"),
    ("PO Bledsoe will call back about the court date.", "Bledsoe"),
    ("Home health nurse Wren Albright visits twice a week.", "Wren Albright"),
    ("Emergency contact is Thaddeus Oyelaran, 555-0143.", "Thaddeus Oyelaran"),
    ("Emergency contact is Thaddeus Oyelaran, 555-0143.", "555-0143"),
    ("Name on ID: PRUITT, CALLA M.", "PRUITT, CALLA M."),
    ("ATTENDING: O'DONNELL\nROOM 4", "O'DONNELL"),
    ("Member: HOLLIS J BRANNIGAN  Group: 7781", "HOLLIS J BRANNIGAN"),
    ("Subject: question about KT", "KT"),
    ("Pt: WD. Seen for follow-up.", "WD"),
    ("Presented to the panel by Dr. Nix; submitted by F. Marchetti, LCSW", "F. Marchetti"),
    ("Student Lark Esposito, Walnut Grove Middle, counselor Odom", "Lark Esposito"),
    ("Present: pt, Ezekiel (spouse), and a neighbor.", "Ezekiel"),
    ("Tamsin (her mom) brought her to the visit.", "Tamsin"),
    ("Goes by Skeeter at school.", "Skeeter"),
    ("pt orla fennimore called from the pharmacy", "orla fennimore"),
    ("says her brother jethro took her to the ER", "jethro"),
    ("his niece yesenia - call after five", "yesenia"),
    ("Pt Ruben Castellanos (Chuy), wheelchair user", "Chuy"),
    ("Lupe (Guadalupe) Arrieta, peer mentor", "Lupe (Guadalupe) Arrieta"),
    ("Group today: Dale R., Wanda, Trudy M., Cecil", "Trudy M."),
    ("the last case (Q.N., 93F) was discussed", "Q.N."),
    ("Last seen at Marisela's place on the weekend.", "Marisela"),
    # ages over 89
    ("Case - T.R., 96M, from home", "96"),
    ("AGE: 101Y  SEX: M", "101"),
    ("pt es Don Aurelio, 99 años", "99"),
    ("At 102-year-old, he still splits wood.", "102"),
    ("is ninety-four (94) and bedbound", "94"),
    ("Ms. Cordelia Vance is 97 and lives alone.", "97"),
    ("Pt: Ignatius Bower, 95.", "95"),
    # dates
    ("Follow-up visit Thu 3/12 with labs.", "3/12"),
    ("RPR negative 6/30; repeat in three months.", "6/30"),
    ("Refills filled on 4/1 and 4/22 at the counter.", "4/22"),
    ("Photo file IMG_20240315_101010.jpg attached", "20240315"),
    ("Symptoms began in mid-August.", "August"),
    ("She relapsed over Thanksgiving and again around Easter Sunday.", "Thanksgiving"),
    ("She relapsed over Thanksgiving and again around Easter Sunday.", "Easter Sunday"),
    # roads, lots, house numbers
    ("He was found on Sulphur Lick Rd after dark.", "Sulphur Lick Rd"),
    ("lives way up upper laurel fork rd with her dad", "upper laurel fork rd"),
    ("the wreck happened on WV-39 near mile marker 12", "WV-39 near mile marker 12"),
    ("moved into Lot 9, Whispering Oaks MHP last month", "Lot 9, Whispering Oaks MHP"),
    ("staying at Cumberland Falls Campground, Site 41", "Cumberland Falls Campground, Site 41"),
    ("Home: 218 1/2 W Cedar Knob Rd, Floyd", "218 1/2 W Cedar Knob Rd"),
    ("Mail to 4470-C MILL CREEK HOLW", "4470-C MILL CREEK HOLW"),
    ("Address: 61 Larkspur Wynd", "61 Larkspur Wynd"),
    ("Mailing: po box 318, thanks", "po box 318"),
    # places
    ("He lives out past Grundy's Bend and rarely drives.", "Grundy's Bend"),
    ("born 4/4/1950 in Pippa Passes", "Pippa Passes"),
    ("She lives alone in Dwarf, no car.", "Dwarf"),
    ("addr 12 main st, hindman, ky 41822", "hindman"),
    ("Skyline Trace, Ozone, Tenn. 37842", "Ozone"),
    # facilities
    ("Transported by Knott County Rescue Squad to the ER.", "Knott County Rescue Squad"),
    ("She works the grill at the Tastee Freez on weekends.", "Tastee Freez"),
    ("Referred to Bright Meadow Treatment Services for IOP.", "Bright Meadow Treatment Services"),
    ("his sister drove him to hillcrest discount drugs", "hillcrest discount drugs"),
    ("Biopsy 5/5 at Whitesburg ARH, path pending.", "Whitesburg ARH"),
    ("He was seen at Paintsville Regional for chest pain.", "Paintsville Regional"),
    # licences, members, accessions, plates, SSN, phones
    ("CDL T55-902-114; restrictions none", "T55-902-114"),
    ("Suspended: KY OL R11-208-337", "R11-208-337"),
    ("MBR: W99120433-02 on the card", "W99120433-02"),
    ("Accession LB7730219 pending", "LB7730219"),
    ("A-number A071 552 930 on the I-94", "A071 552 930"),
    ("pharmacist license RPh 044107 verified", "044107"),
    ("Medevac tail # N522KY landed", "N522KY"),
    ("Truck: KY 77B 319, white Silverado", "77B 319"),
    ("Found in vehicle, plate MUDBUG.", "MUDBUG"),
    ("Pt R.M., last 4 SS 4418.", "4418"),
    ("Home ph: 555-0123  Cell: none", "555-0123"),
]

CLEAN = [
    # look-alikes of the new kinds stay clean
    "Imuran 100mg po QD; Norvasc 5mg po BID; Elavil 30mg po QHS.",
    "PATIENT PROFILE: a 42-year-old female. PATIENT GOALS: walk again.",
    "ATTENDING PHYSICIAN: see signature.",
    "Well-Child Check at 4 months.",
    "Apgars 9/9, weight 3.1 kg. Child-Pugh B7.",
    "Wegener granulomatosis, now called GPA, was ruled out. He called EMS.",
    "Give the patient TPA to the shunt.",
    "The parents report a spike at 104F overnight.",
    "findings of this patient's 95.5-hour continuous video EEG",
    "placement at the Medial Branch nerves; it gives off conus branch.",
    "tenderness at the Superior Gluteal Nerve; bleeding seen at the GE junction.",
    "Return to the clinic in two weeks; call the vascular clinic.",
    "Allergic to sulfa drugs; avoid nonsteroidal antiinflammatory drugs.",
    "Transferred to the Postanesthesia Care Unit; endoscopy in the Endoscopy Suite.",
    "Application of anterior cervical locking plate C3-C5.",
    "She communicates well in English; a ranch in Mexico.",
    "Placed in Allen stirrups; the Glenn pressures rose to 16.",
    "The 4/2 and 5/3 carb ratios were reviewed. Strength 5/5.",
    "Lot ZQ1187 (vaccine) given in the left deltoid.",
    "Workup for St. Louis encephalitis and Hong Kong flu was negative.",
    "Per deputy, a gray Nissan Altima was towed.",
    "Bill as 99214 with Z21.",
    "BP 138/84, HR 92, O2 sat 95% on RA.",
    "Pt NPO after midnight. Pt HR 80.",
    "Referred to the local pharmacy and the retail pharmacy.",
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round6_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), [(f.category, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize("text", CLEAN)
def test_round6_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == [], [(f.category, text[f.start : f.end]) for f in scan(text)]
