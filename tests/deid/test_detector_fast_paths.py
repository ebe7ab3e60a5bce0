"""The detector's fast paths find exactly what a plain pass over the whole text finds.

Patterns tried only at their cue words, case-insensitive patterns matched on the lower-cased
text, and patterns rewritten to begin with their fixed character: each must give the same
matches as the plain form on texts chosen to test where they could differ.
"""

from __future__ import annotations

import re

import pytest

from app.deid import detector, scan
from app.deid.detector import IGN, TRIGGERS, _Folded, _triggered, _words_index

TEXTS = [
    "He goes by 'Bud'. Known as Ray Lee, a.k.a. Skip, ak.a Jo, aka Moe, A.K.A. Tim, nicknamed Al.",
    "Pt 'Bud' and patient “Sam” met a guy called 'Rex'; the man 'Ted'.",
    "Moved here from Salem to Dover; relocated from Ayer to Lowell. She drove back from Ely"
    " to Bath.",
    "She lives in Millville near Oak Harbor, outside of Port Jervis, around Lake Placid.",
    "Apt 4B, Apartment #12, Unit 7, Suite 300, Ste. 5, Apt5, APT 9, Units 3, apt 2",
    "SSN 123-45-\n6789; ss# 123 45\n6789; Social Security number: 123-45- 6789; ssn123-45-\n6789",
    "On March the third, 2024; December twenty-first and JULY the fourth.",
    "CVS #1234, Walgreens store #55, Love's #12, Sam's Club #304, Stop&Shop #77, AutoZone #5",
    "shoprite #12 and DOLLAR GENERAL #8605; Hy-Vee #20; Piggly Wiggly # 31",
    "Seen at Williamson Clinic and the nonhospital site; PREHOSPITAL care; Head Start.",
    "Visit www.example.com or HTTP://X.ORG; mail at a.b.INFO today",
    "İstanbul Hospital and ÇAĞLAR CLINIC, Medical  Center",
]
# a chain's name run into "store": the word index holds "walmartstore", not "walmart"
GLUED_CHAINS = [
    "Refill picked up at Walmartstore #1234 yesterday.",
    "Meds from CVSstore #4521 today.",
    "Meds from Krogerstore #452 today.",
    "Meds from Targetstore#88 today.",
    "Meds from Walgreensstore #4521 today.",
    "Refill picked up at WalmartStore #1234 yesterday.",
    "Meds from CVSStore #4521 today.",
    "Meds from KROGERSTORE #452 today.",
]
TEXTS += GLUED_CHAINS
# In any case "i" matches "ı" and "İ", "s" matches "ſ", "k" the Kelvin sign; the word index
# holds ASCII letters only. Each text with the identifier a whole pass finds in it.
NOT_ASCII = {
    "SOCİAL SECURİTY 123-45-\n6789": "123-45-\n6789",
    "ſocial security 123-45-\n6789": "123-45-\n6789",
    "ſſn 123-45-\n6789": "123-45-\n6789",
    "PATİENT 'Jimbo' seen today.": "Jimbo",
    "The patıent 'Jimbo' was seen.": "Jimbo",
    "The clıent called 'Jimbo' was seen.": "Jimbo",
    "Seen on Aprıl the fifth, 2021 for follow-up.": "Aprıl the fifth, 2021",
    "Seen on Auguſt the fifth, 2021 for follow-up.": "Auguſt the fifth, 2021",
}
TEXTS += [*NOT_ASCII, "Patient goeſ by Jimbo at home.", "Patient is NİCKNAMED Jimbo by family."]
TEXTS += ["Meds from \u212aroger #452 today."]  # a Kelvin sign for the K


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("RX_TOWN_LIKE", "TOWNLIKE"),
        ("RX_LOC_PREP", "LOCPREP"),
        ("RX_MOVE_FROM_TO", "MOVE"),
        ("RX_ADDRESS_UNIT_ONLY", "UNIT"),
        ("RX_SSN_BROKEN", "SSNB"),
        ("RX_GOES_BY6", "GOESBY6"),
        ("RX_QUOTED_NICK6", "QNICK6"),
        ("RX_SPOKEN_DATE8", "MONTHS8"),
        ("RX_STORE_NUMBER7", "CHAIN7"),
        ("RX_STORE_CHAIN8", "CHAIN7"),
    ],
)
def test_a_pattern_tried_at_its_cue_words_finds_what_a_whole_pass_finds(name, kind):
    rx = getattr(detector, name)
    glued = next(r.glued for r in detector.CUE_RULES if r.rx is rx) if kind == "CHAIN7" else False
    seen = 0
    for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
        whole = [(m.span(), m.groups()) for m in rx.finditer(text)]
        index = _words_index(text)
        cued = [(m.span(), m.groups()) for m in _triggered(rx, kind, text, index, glued)]
        assert cued == whole, (kind, text)
        seen += len(whole)
    assert seen, f"no text holds a match of {kind}: the test would prove nothing"


@pytest.mark.parametrize("text", TEXTS + [t.upper() for t in TEXTS])
def test_a_folded_pattern_finds_the_case_insensitive_spans(text):
    for folded in (detector.RX_FAC_HEAD8, detector.RX_URL_HINT):
        any_case = re.compile(folded.lower.pattern, IGN)
        assert folded.spans(text, text.lower()) == [m.span() for m in any_case.finditer(text)]
        assert folded.found(text) == (any_case.search(text) is not None)


def test_a_folded_pattern_reads_a_text_whose_lower_case_is_longer_as_it_is():
    folded = _Folded(r"clinic")
    text = "İİ Clinic"  # "İ".lower() is two characters: offsets of the lower-cased text shift
    assert len(text.lower()) != len(text)
    assert folded.spans(text, text.lower()) == [(3, 9)]


# The plain forms of the patterns rewritten to begin with their fixed character.
PLAIN = {
    "RX_HOUSE_NUMBER": (
        r"(?<![\w.,$#:+-])(?<![A-Za-z./]/)\d{1,6}(?:[A-Za-z]|-[A-Z](?![\w-]))?(?:-\d{1,4})?"
        r"(?:[ \t]+1/2)?[ \t]+"
        r"(?=[A-Za-z]|\d)",
        0,
    ),
    "RX_MD": (
        r"(?<![\w/.:-])((?:1[0-2]|0?[1-9])[-/](?:3[01]|[12]\d|0?[1-9]))"
        r"(?=[ \t]*(?:[.,;:)\n]|$|(?:at|via|with|and|for|from|to)\b))",
        0,
    ),
    "RX_DOTTED_INITIALS6": (
        r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,2}[A-Z]\.(?=[ \t]*(?:[,)]|from\b|and\b|\())",
        0,
    ),
    "RX_AGE_SEX6": (
        r"(?<![\w.,/-])(9\d|1[01]\d|120)[FM]"
        r"(?=[ \t]*[,;)\n]|[ \t]*$|[ \t]+(?:found|from|with|who|w/|pt)\b)",
        0,
    ),
    "RX_ROSTER_AFTER9": (
        r"(?<![ \t])[ \t]{2,}(?i:chair|bed|bay|rm|room|dob|d\.o\.b\.|mrn|age)\b",
        0,
    ),
    "RX_LABEL_MARK": (r"#|\b(?i:number\b|no\.|nbr\.?|num\.?)|\bI[Dd]\b", 0),
}
SHAPES = [
    "12 Elm St, 4-B Oak, 123456 Main, 1234567 x, 7a Pine, 12-3 Rd, 5 1/2 Ash, $12 Elm, #3 Elm",
    "on 12/3. on 1/31, 10-12 at noon; 3/4 and 13/4, 0/4, 09/15 via fax, 123/4, a1/2, 11/30\n",
    "J.R. and A. B. C. from, X.Y.(, ZZ.A.B., U.S.A. and Q.R.)",
    "Pt is 96F, 101M found, 120M\n, 99F pt, 121F, 1.95M, 190F, 91M w/",
    "Smith  Bed 4\nJones\t\tDOB 1/2\nLee   room 5 x  d.o.b. y   MRN",
    "ID 12, Id#4, id 5, IDs, No. 4, no.5, NUMBER 7, Nbr 3, nbrx, numerous, num. 4, #, NI, In",
]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_a_pattern_begun_with_its_fixed_character_matches_as_its_plain_form(name):
    pattern, flags = PLAIN[name]
    plain = re.compile(pattern, flags)
    fast = getattr(detector, name)
    seen = 0
    for text in SHAPES + [t.upper() for t in SHAPES] + [t.lower() for t in SHAPES]:
        for pos in range(len(text)):  # also from every position, as the recognisers search
            expected = [(m.span(), m.groups()) for m in plain.finditer(text, pos)]
            assert [(m.span(), m.groups()) for m in fast.finditer(text, pos)] == expected
            assert bool(plain.match(text, pos)) == bool(fast.match(text, pos))
        seen += len(list(plain.finditer(text)))
    assert seen, f"no text holds a match of {name}: the test would prove nothing"


def test_the_cue_sets_of_the_rules_exist():
    for rule in detector.CUE_RULES:
        assert rule.cue is None or rule.cue in TRIGGERS, rule.cue


@pytest.mark.parametrize("text", GLUED_CHAINS)
def test_a_chain_name_run_into_store_is_found(text):
    found = [text[f.start : f.end] for f in scan(text) if f.category == "FACILITY"]
    assert any(
        t.lower().startswith(("walmart", "cvs", "kroger", "target", "walgreens")) for t in found
    )


@pytest.mark.parametrize("text", sorted(NOT_ASCII))
def test_a_cue_word_written_with_a_letter_outside_ascii_is_found(text):
    assert NOT_ASCII[text] in [text[f.start : f.end] for f in scan(text)]


def test_a_pattern_matching_any_case_is_told_from_one_that_does_not():
    assert detector._any_case(re.compile("ssn", IGN))
    assert detector._any_case(re.compile(r"\b(?i:ssn)\s+(\d+)"))
    assert detector._any_case(re.compile(r"(?im)^ssn"))
    assert not detector._any_case(re.compile(r"\bSSN(?-i:x)\s+(\d+)"))
    assert not detector._any_case(detector.RX_STORE_NUMBER7)


# ----------------------------------------------------------------------------- not ASCII
def _every_code_point() -> str:
    return "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)


def test_only_the_case_aliases_match_an_ascii_letter_in_any_case():
    text = _every_code_point()
    alias = sorted({m.group() for m in re.finditer("[a-z]", text, IGN)})
    assert alias == sorted(detector.RX_CASE_ALIAS.pattern[1:-1])
    # `folded` reads each as its letter
    assert not any(c.isascii() for c in alias) and detector.folded("".join(alias)).isascii()


def test_lower_case_keeps_what_a_character_outside_ascii_is_but_for_the_aliases():
    rest = detector.RX_CASE_ALIAS.sub("", _every_code_point())
    low = rest.lower()
    assert len(low) == len(rest)  # one character for one: the offsets are kept
    assert not re.search(r"[\x00-\x7f]", low)  # none becomes an ASCII one
    for cls in (r"\w", r"\d", r"\s"):
        assert [m.start() for m in re.finditer(cls, rest)] == [
            m.start() for m in re.finditer(cls, low)
        ]


def test_the_cue_words_are_words_of_the_index():
    # a cue word the index cannot hold is looked for by a whole pass on a text not ASCII
    for kind, cue in TRIGGERS.items():
        assert all(w.isascii() for w in cue), kind
        if any(not detector.RX_WORD.fullmatch(w) for w in cue):
            assert kind in detector._UNINDEXED
    assert "MDE9" in detector._UNINDEXED  # "a1c"
    for rule in detector.CUE_RULES:
        assert all(detector.RX_WORD.fullmatch(w) and w.islower() for w in rule.words), rule.rx
    for folded in (detector.RX_FAC_HEAD8, detector.RX_URL_HINT):
        assert (
            folded.lower.pattern.isascii() and folded.lower.pattern.lower() == folded.lower.pattern
        )


class _Spy:
    """A pattern that counts its passes over the whole text."""

    def __init__(self, rx: re.Pattern):
        self.rx, self.flags, self.pattern, self.passes = rx, rx.flags, rx.pattern, 0

    def finditer(self, text: str):
        self.passes += 1
        return self.rx.finditer(text)

    def match(self, text: str, pos: int):
        return self.rx.match(text, pos)


@pytest.mark.parametrize(
    ("text", "passes"),
    [
        ("Temp 38 C, 5 ug daily, Jose said.", 0),
        ("Temp 38 °C, 5 µg daily, José said “fine” — at 10\u00a0pm.", 0),  # read as ASCII
        ("Temp 38 °C, 5 µg daıly.", 1),  # "ı" may stand for "i": a cue word may hide
        ("\u212aroger 38 °C.", 1),
    ],
)
def test_a_text_not_ascii_is_read_at_its_cue_words(text, passes):
    spy = _Spy(detector.RX_SSN_BROKEN)
    assert _triggered(spy, "SSNB", text, _words_index(text)) == []
    assert spy.passes == passes


def _rule_runs(monkeypatch, text: str) -> int:
    runs = 0
    applies = detector._rule_applies

    def counted(*args):
        nonlocal runs
        runs += 1
        return applies(*args)

    monkeypatch.setattr(detector, "_rule_applies", counted)
    detector._rules(detector.folded(text))
    monkeypatch.setattr(detector, "_rule_applies", applies)
    return runs


def test_a_text_not_ascii_runs_the_rules_an_ascii_one_does(monkeypatch):
    plain = "Temp 38 C, 5 ug daily. Jose Alvarez said she was fine."
    typed = "Temp 38 °C, 5 µg daily. José Álvarez said she\u00a0was fine."
    # but for the rules whose cue word the index cannot hold ("a1c")
    unindexed = sum(
        rule.cue in detector._UNINDEXED
        and rule.cue not in _words_index(plain).cues
        and detector._any_case(rule.rx)
        and not rule.glued
        for rule in detector.CUE_RULES
    )
    assert unindexed
    assert _rule_runs(monkeypatch, typed) == _rule_runs(monkeypatch, plain) + unindexed
    assert _rule_runs(monkeypatch, typed.replace("i", "ı")) > _rule_runs(monkeypatch, plain)


TRICKY = [
    *NOT_ASCII,
    "Patient goeſ by Jimbo at home, 38 °C.",
    "Patient is NİCKNAMED Jimbo by family; 5 µg.",
    "Meds from \u212aroger #452 today, 38 °C.",
    "Meds from Kroger #452 today, 38 °C; José Müller called.",
    "PATIENT 'Jimbo' seen today at 38 °C; pt “Bud” and the guy called ‘Rex’.",
    "SSN 123-45-\n6789 — recorded at 10\u00a0am; ssn 987-65-\n4321 (µg).",
    "Seen on April the fifth, 2021 at 38 °C; moved here from Salem to Dover — ok.",
    "Her last A1c 6/19 was 7.2 %; 5 µg daily; José is well.",
    "She moved here from Cartago, Costa Rica, and from Querétaro, México, in 2019; 38 °C.",
    "MRN: ４５６７８９０, Apt 4B — seen by Dr. Ñúñez at St. Mary’s Hospital, 38 °C.",
    "The Williamson Clinic ― www.example.com — 38 °C; Head Start; İstanbul Hospital.",
    "Seen at Williamson Clinic and Ştefan’s house on Main St, 38 °C, µg.",
]


@pytest.mark.parametrize("text", TRICKY + [t.upper() for t in TRICKY] + [t.lower() for t in TRICKY])
def test_a_text_not_ascii_gives_the_findings_of_a_whole_pass(monkeypatch, text):
    def found() -> list[tuple[str, int, int, float]]:
        return [
            (f.category, f.start, f.end, f.confidence)
            for f in detector._scan(detector.folded(text))
        ]

    fast = found()
    # every rule run over the whole text, as for any text not ASCII before the gates read it
    monkeypatch.setattr(detector, "_letters_ascii", str.isascii)
    assert found() == fast
