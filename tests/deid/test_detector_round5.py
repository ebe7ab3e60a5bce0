"""Fifth round of missed kinds (issue 12): SSNs with any separators, masked or as the last
four of "social"; ages said of relatives, in words, glued to the sex; dotted dates and
"Mon-YYYY"; phone extensions; plates after "reg"; rural routes, numbered forest and county
roads, state routes, grid house numbers; facilities behind a label and more head nouns;
names after roles, in "Last,First" forms, in lower-case chats, as initials, with suffixes
and particles; and the town, ZIP or age that follows a found address, facility or name.

The values are made up for these tests; each stands for a general rule.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

CASES = [
    # SSN: mixed separators after a cue, masked forms, last four of "social", ITIN
    ("Intake: SSN 512 - 40 - 3318, insured", "512 - 40 - 3318"),
    ("Guarantor SS# 512  40  3318  Employer: none", "512  40  3318"),
    ("member 55120, group 1102, SS 512.40.3318.", "512.40.3318"),
    ("card reads SSN 512-40 3318 instead", "512-40 3318"),
    ("Confirmed identity: last four of social 7731.", "7731"),
    ("SSN xxx-xx-7731 on the form", "7731"),
    ("ITIN 912 71 5520 for the tax form", "912 71 5520"),
    # AGE said of relatives, in words, before the sex
    ("Her aunt is 104 and lives nearby.", "104"),
    ("present: the patient 97, her son Obadiah, 70", "97"),
    ("uncle Tobiah Renner (96) still farms", "96"),
    ("His grandmother ninety-three; mother sixty.", "ninety-three"),
    ("She turned a hundred and two on the 4th.", "a hundred and two"),
    ("103M found on the floor by neighbor", "103"),
    # DATE: dotted day-month-year, month-year with a dash, a year after a spelled date
    ("Signed 3.14.97 by the nurse", "3.14.97"),
    ("Relapse Sep-2019 after detox", "Sep-2019"),
    ("seen again on October third, 2024 for labs", "2024"),
    ("found down the morning of the twelfth and brought in", "twelfth"),
    # PHONE extensions
    ("call 603-555-0188 #42 for the charge nurse", "42"),
    ("reach the desk at 6035550188, extension 219", "extension 219"),
    # VEHICLE plates after "reg" and tags
    ("hit in the lot by a car, vehicle reg 71-4420K, driver fled", "71-4420K"),
    ("Tags on the truck were QRT 551; owner unknown", "QRT 551"),
    # ADDRESS: rural routes and boxes, numbered roads, state routes, grid numbers
    ("Mail to HCR 62, Box 19, then call.", "HCR 62, Box 19"),
    ("Physical address Rt. 7 Box 12B.", "Rt. 7 Box 12B"),
    ("the cabin up Forest Service Road 2231 has no phone", "Forest Service Road 2231"),
    ("She lives off WV-112 past the church.", "WV-112"),
    ("farm at N4410 Quarry Hill Rd since 1990", "N4410 Quarry Hill Rd"),
    ("the truck went off Lower Turkey Creek Road at dusk", "Lower Turkey Creek Road"),
    # LOCATION after an address, a facility or a name; "in from X"
    ("delivered to 12 Aspen Ct, Quillby on Monday", "Quillby"),
    ("Mail: 40 Birch Loop, Tarnwood 59001-2233.", "59001-2233"),
    ("group meets at Grace Fellowship Church in Ossley every week", "Ossley"),
    ("the plate was registered to Doreen Vasquez of Pellston.", "Pellston"),
    ("her nephew drives in from Kettleby each Sunday", "Kettleby"),
    # FACILITY: labels and more head nouns
    ("Pharmacy: Ridgetop Drug, 4 Main St", "Ridgetop Drug"),
    ("Employer: Hatfield Timber Holdings", "Hatfield Timber Holdings"),
    ("followed at Bear Paw Primary Care for diabetes", "Bear Paw Primary Care"),
    ("fitted at Upper Valley Wellness Center last year", "Upper Valley Wellness Center"),
    # NAME: roles, Last,First forms, chats, initials, suffixes and particles
    ("Caller Desmond Okafor asked for the results.", "Desmond Okafor"),
    ("please ask for Ingeborg in billing", "Ingeborg"),
    ("Chaplain Ruthanne Blevins visited.", "Ruthanne Blevins"),
    ("Referral: Okonkwo,Adaeze; DOB on file", "Okonkwo,Adaeze"),
    ("Labs for HALVORSEN, MARIT J (MRN: 5512093)", "HALVORSEN, MARIT J"),
    ("owner Pruitt, Lorenzo; towed to the yard", "Pruitt, Lorenzo"),
    ("from the text: 'dalia here, the meds ran out'", "dalia"),
    ("reminder to imogen castellano: bring the list", "imogen castellano"),
    ("Note from R.K (RN): refused vitals", "R.K"),
    ("Dr. van Rensburg reviewed the films.", "van Rensburg"),
    ("Transport by Cornelius Whitby Jr. at noon.", "Jr"),
    ("guarantor Anneliese Okafor III, same address", "III"),
    ("Sister (R. Thibault) will drive him home.", "R. Thibault"),
    ("Wife (Oksana Dreyer) asked about hospice.", "Oksana Dreyer"),
    ("Nickname Bud (legal name on file) declined.", "Bud"),
    ("Subscriber Halvorsen, Ingrid  Group 5521", "Halvorsen, Ingrid"),
    # more that follows a found identifier or shape
    ("Seen: 98 YOF with falls, lives alone", "98"),
    ("Mail to:\nPINE HOLLOW 40417-2290\nthanks", "PINE HOLLOW"),
    ("cell 6035550188 x412 after five", "x412"),
    ("Her son works at BRANDT CREEK HIGH SCHOOL as a janitor.", "BRANDT CREEK HIGH SCHOOL"),
    ("Transferred from Juniper Ridge Long Term Care today.", "Juniper Ridge Long Term Care"),
    ("the cabin at 9 Elk Run Rd; Tamarack Flats 59410", "Tamarack Flats"),
    ("the crash on Forest Service Road 117 near Quorra on Friday", "Quorra"),
]

CLEAN = [
    # look-alikes of the new kinds stay clean
    "Lasix was switched from Furosemide to Bumex; Flonase continued.",
    "Return to Pediatric Surgery if fevers. Contact Cardiology with questions.",
    "OPERATIVE PROCEDURE: Hysteroscopy, Essure, tubal occlusion.",
    "CA-125 was 40 on the last check; HbA1c 7.2.",
    "flexion to ninety degrees; rotated ninety percent.",
    "HR is 104 bpm, temperature 99.1, the patient is 104 kg.",
    "Version 2.15.3 of the app was installed.",
    "Chiropractic Wellness Center handouts were given.",
    "Take 1-2 tablets, ISS per protocol, SS 2 units.",
    "Sensation at the tenth rib and the fifth and sixth ribs were tender.",
    "COVID vaccine given, lot EK4471, and flu shot lot FL2201.",
    "Moved to Room 12, bed 3, for observation.",
    "She plans to attend a mainstream high school next year.",
    "Monitoring leads were placed by Premier Neurodiagnostics today.",
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round5_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), [(f.category, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize("text", CLEAN)
def test_round5_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == [], [(f.category, text[f.start : f.end]) for f in scan(text)]
