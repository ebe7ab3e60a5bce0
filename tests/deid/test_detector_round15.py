"""Fifteenth round of missed kinds (read on development set M), by structure and cue family:
one-line registration messages of "LABEL/value" fields, the keys of a JSON patient record,
fixed-width tables under a header row, initials defined in a signature legend, user names
after "reviewed by", vehicles after the cues of boats, aircraft and vans and after a state's
name, vanity phone numbers, IPv6 addresses cut short, holidays with a year, Spanish and
Portuguese dates and streets, compact "27APR1925" dates, a town before its country, and a
record number after a citation-like prefix. And the learned tagger's false alarms: a month
after a word of time, a name before "Act", "may"/"march" in lower case, a two-letter word.

The values are made up for these tests (none is taken from an evaluation set); each case
stands for a rule, and the look-alikes below must stay clean.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from app.deid.detector import _tagger_unlikely15
from tests.deid.test_detector_kinds import caught

_ADT = (
    "ADT A08 ++ PT/QUARLES/BENNO R DOB/03MAY1931 SEX/M MRN/551207-2 SS/221874503 "
    "ADDR/88 OSPREY HOLW TWIN FORKS OR 97999 TEL/2085550147 NOK/ELSPETH QUARLES GUAR ACCT/66-3391"
)
_JSON = (
    '{"name": [{"family": "Vantongeren", "given": ["Ysolde"]}], "address": [{"line": '
    '["41 Quillback Rd"], "city": "Marrowby", "state": "ID", "postalCode": "83998"}]}'
)
_TABLE = (
    "LAST          FIRST      DOB       MRN         ZIP\n"
    "VANTONGEREN   YSOLDE     19310503  K5512072    83999\n"
    "OSTERGAARD-LUM BENNO     19440612  7720431     83997\n"
)
_LEGEND = (
    "amlodipine 5 mg PO daily 0900\n"
    "6/2 0900 given QB\n"
    "6/3 0900 held, BP 92/50 RWT\n"
    "Signatures: QB = Quenby van Aalst, LPN; RWT = Rosamund Tiller, RN"
)

CASES = [
    # "LABEL/value" fields of a one-line registration message
    (_ADT, "QUARLES/BENNO R"),
    (_ADT, "03MAY1931"),
    (_ADT, "88 OSPREY HOLW TWIN FORKS OR 97999"),
    (_ADT, "2085550147"),
    (_ADT, "ELSPETH QUARLES"),
    # a JSON patient record's keys
    (_JSON, "Vantongeren"),
    (_JSON, "Ysolde"),
    (_JSON, "41 Quillback Rd"),
    (_JSON, "Marrowby"),
    (_JSON, "83998"),
    # a fixed-width table under its header row, a long name running into the next column
    (_TABLE, "VANTONGEREN"),
    (_TABLE, "YSOLDE"),
    (_TABLE, "83999"),
    (_TABLE, "OSTERGAARD-LUM BENNO"),
    # initials defined in a signature legend mark their other mentions
    (_LEGEND, "Quenby van Aalst"),
    (_LEGEND, "given QB"[6:]),
    (_LEGEND, "92/50 RWT"[6:]),
    # user names after "reviewed by"
    ("EMPI E4410082215 -- merge reviewed by vantongy 4/2/2026", "vantongy"),
    ("Ticket closed. Resolved by qu.ostergaard.", "qu.ostergaard"),
    # vehicles: a state's name before a plate after a vehicle cue, boats, aircraft, VIN tails
    ("VEH ON SCENE: OREGON 4QRT771 / OREGON 9ZZB120", "4QRT771"),
    ("VEH ON SCENE: OREGON 4QRT771 / OREGON 9ZZB120", "9ZZB120"),
    ("picked up by the van Idaho KRV 413, VIN ending 551093.", "KRV 413"),
    ("Warden logged vessel ID 7721 QX, hull ID QRB88317K607, at the ramp.", "ID 7721 QX"),
    ("Warden logged vessel ID 7721 QX, hull ID QRB88317K607, at the ramp.", "QRB88317K607"),
    ("Crop duster pilot, aircraft N5521Q, down near the canal.", "N5521Q"),
    ("His pickup (VIN last six 880412) was towed.", "880412"),
    # vanity numbers after a phone cue
    ("Shop line 208-GOT-HAYS for orders.", "208-GOT-HAYS"),
    ("Call the boiler line, 208-BOILERS, after six.", "208-BOILERS"),
    # an IPv6 address cut short
    ("Pump app registered from 2600:3c01:9e2a:41f7:bb10:e3c2.", "2600:3c01:9e2a:41f7:bb10:e3c2"),
    # holidays with a year, Spanish and Portuguese dates and streets, compact dates
    ("His wife died Juneteenth 2011; he fell after Mardi Gras 2025.", "Juneteenth 2011"),
    ("His wife died Juneteenth 2011; he fell after Mardi Gras 2025.", "Mardi Gras 2025"),
    ("O Sr. Quarles, nascido a 9 de outubro de 1929, vive bem.", "9 de outubro de 1929"),
    ("Registro: nacido el 14 de marzo de 1958 en la isla.", "14 de marzo de 1958"),
    (
        "A filha vive na Rua das Flores, 17, 9500-318 Ponta Delgada; telemóvel.",
        "Rua das Flores, 17",
    ),
    ("A filha vive na Rua das Flores, 17, 9500-318 Ponta Delgada; telemóvel.", "9500-318"),
    ("PT DOB/14JUN1936 SEX/F", "14JUN1936"),
    # a town before its country
    ("Her nephew in Tromvik, Norway should be called.", "Tromvik"),
    # a record number after a citation-like prefix
    ("Chart 2020;1:48827316.", "48827316"),
    # a phone number of another country at a sentence's end stays one phone number
    ("Follow up with the clinic, phone +64 7 5550797.", "+64 7 5550797"),
]

CLEAN = [
    "PT/OT/ST consults placed; CBC/BMP/LFT pending.",
    "Fitted with an N95 mask.",
    "DISPENSE 250-TABLETS of metformin.",
    "Reviewed by pharmacy, signed by attending, reviewed by cardiology.",
    "Test          Result     Units      Range\nSodium        138        mmol/L     135-145\n",
    "Car accident in Texas 2019; truck from Ohio.",
    "Smith J, et al. JAMA. 1999;282:1737.",
    "Weight 1234567.5 g on the scale's test run.",
    "Follow up planned. For April.",
    "The wound was closed by approximating the deep muscle with 0 Vicryl.",
    "The smear was reviewed by pathologist, who agreed.",
    "Call if constipation is not resolved by a.m., then use an enema.",
    "Identity was verified by armband before the procedure.",
    "He was placed on a Baker Act hold overnight.",
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round15_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), (needle, text)


@pytest.mark.parametrize("text", CLEAN)
def test_round15_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize(
    ("text", "word", "category", "dropped"),
    [
        ("Follow up planned. For April.", "April", "NAME", True),
        ("Return visit due in June.", "June", "NAME", True),
        ("Password reset by April (help desk).", "April", "NAME", False),
        ("Spoke with April about the plan.", "April", "NAME", False),
        ("He was placed on a Baker Act hold.", "Baker", "NAME", True),
        ("Seen with Mr. Baker today.", "Baker", "NAME", False),
        ("ok will call back", "ok", "NAME", True),
        ("patients march down the hall", "march", "DATE", True),
        ("onset in march with fever", "march", "DATE", False),
    ],
)
def test_a_tagger_month_law_or_short_word_is_dropped(
    text: str, word: str, category: str, dropped: bool
) -> None:
    s = text.index(word)
    assert _tagger_unlikely15(text, (s, s + len(word), category, 0.99)) is dropped


def test_a_particle_before_a_name_the_rules_found_is_kept() -> None:
    text = "Pt: da Quillen-da Rosa, Benno  DOB 3/4/1940"
    s = text.index("da")
    found = [f for f in scan(text) if f.category == "NAME"]
    assert found and not _tagger_unlikely15(text, (s, s + 2, "NAME", 0.99), found)


@pytest.mark.parametrize(
    "text",
    [
        "HCV RNA 2450000 IU/mL at baseline, undetectable at week 12.",
        "HIV viral load 1200000 copies/mL before ART.",
        "HBV DNA 35000000 IU/ml; tenofovir started.",
        "WBC 12000000 /L in the old units.",
    ],
)
def test_a_count_with_its_unit_is_a_measurement(text: str) -> None:
    """A bare long number is an ID, an SSN or MRN kind that its author may no longer mark
    "not an identifier": a viral load written without separators must not be one."""
    assert scan(text) == []


def test_a_long_number_without_a_unit_is_still_an_id() -> None:
    assert [f.category for f in scan("His number 48392017 is on file.")] == ["ID"]
