"""A first name and a surname side by side in any case, read in a search's few words only:
the detector leaves "john smith" alone (no capitals, no sentence), the search-words gate
must not."""

from __future__ import annotations

import pytest

from app.deid.detector import scan
from app.deid.gate import FieldFinding, IdentifiersFound, check
from app.deid.name_pairs import name_pairs
from app.search.eponyms import eponym_acceptances
from tests.support.searches import REFUSED_CLINICAL_SEARCHES, clinical_searches


@pytest.mark.parametrize(
    "words, name",
    [
        ("john smith hepatitis", "john smith"),
        ("victor martinez", "victor martinez"),
        ("hcv maria garcia cirrhosis", "maria garcia"),
        ("smith, john", "smith, john"),
        ("JOHN SMITH", "JOHN SMITH"),
        ("james q johnson copd", "james q johnson"),
        # "İ" is two characters once lower-cased: the offsets are the text's own
        ("İzmir trip john smith", "john smith"),
        # a woman's form of a listed surname
        ("olga ivanova", "olga ivanova"),
        ("anna kowalska copd", "anna kowalska"),
        # an initial and a surname
        ("j smith", "j smith"),
        ("hcv J. Smith", "J. Smith"),
        # a middle initial too, "a" and "i" among them once an initial comes first
        ("J. A. Smith", "J. A. Smith"),
        ("hcv J.A. Smith cirrhosis", "J.A. Smith"),
        ("j a smith", "j a smith"),
        ("j i o smith", "j i o smith"),
        # a woman's form of a census surname after an initial
        ("k kowalska", "k kowalska"),
        ("A. B. Wisniewska", "A. B. Wisniewska"),
        # the surname first, as records write it
        ("SMITH J", "SMITH J"),
        ("Smith, J. A. cirrhosis", "Smith, J. A."),
        ("hcv smith j hepatitis", "smith j"),
        ("kowalska, a.", "kowalska, a."),
    ],
)
def test_a_first_name_and_surname_in_any_case_read_as_a_name(words: str, name: str) -> None:
    assert [words[s:e] for s, e in name_pairs(words)] == [name]


@pytest.mark.parametrize(
    "words", [w for w in clinical_searches() if w not in REFUSED_CLINICAL_SEARCHES]
)
def test_clinical_words_and_eponyms_are_no_name_pair(words: str) -> None:
    # An eponym read as two names ("tommy john surgery") is let through by the gate's
    # clinical-name list; any other pair in a clinical search is a false alarm.
    pairs = [FieldFinding("q", start, end, "NAME", 1.0) for start, end in name_pairs(words)]
    assert len(eponym_acceptances("q", words, pairs)) == len(pairs), [
        words[f.start : f.end] for f in pairs
    ]


@pytest.mark.parametrize(
    "words",
    [
        "x ray",
        "s/p cabg",
        "r/o acs",
        "c diff",
        "t waves",
        "b lines",
        "j smith fracture",
        "a smith",  # "a" and "i" alone are words
        "vitamin d e k deficiency",
        "b c d lines",
        "hepatitis a b c",
        "hepatitis b",
        "vitamin d",
        "smith a fib",  # "a" without a full stop is a word
        "smith jr",
        "smith j fracture",
    ],
)
def test_a_single_letter_in_clinical_shorthand_is_no_initial(words: str) -> None:
    assert name_pairs(words) == []


def test_a_name_beside_a_surname_that_is_also_a_word_is_no_name_pair() -> None:
    assert name_pairs("karen white asthma") == []  # "white" is a word too: left alone


def test_the_gate_reads_pairs_only_in_the_fields_it_is_told_hold_search_words() -> None:
    words = "victor martinez"
    # The detector itself and any other field leave lower-case names alone, as before.
    assert scan(words) == []
    check({"note": words})
    with pytest.raises(IdentifiersFound) as refused:
        check({"q": words}, words=("q",))
    [finding] = refused.value.findings
    assert (finding.field, finding.start, finding.end, finding.category) == ("q", 0, 15, "NAME")


@pytest.mark.parametrize(
    "words, name",
    [
        ("SMITH john", "SMITH john"),  # surname first, as records write it, no comma
        ("garcia maria cirrhosis", "garcia maria"),
        ("john smith-jones", "john smith"),  # a double-barrelled surname
        ("john smith's hcv", "john smith's"),
        ('"john smith"', "john smith"),  # a phrase search
        ("+john +smith", "john +smith"),
        ("john AND smith", "john AND smith"),
        ("john.smith", "john.smith"),
        ("john_smith hcv", "john_smith"),
        ("smith;john", "smith;john"),
        ("john2 smith", "john2 smith"),
        ("GARCÍA, María", "GARCÍA, María"),  # accents
        ("ｊｏｈｎ ｓｍｉｔｈ", "ｊｏｈｎ ｓｍｉｔｈ"),  # full-width letters
    ],
)
def test_names_in_other_spellings_read_as_a_name(words: str, name: str) -> None:
    assert [words[s:e] for s, e in name_pairs(words)] == [name]


def test_stevens_johnson_is_no_name_to_the_search_gate() -> None:
    from app.auth.policy import SYSTEM
    from app.search.words import guard_words

    assert name_pairs("stevens johnson") != []  # two names, let through by the eponym list
    assert guard_words({"q": "stevens johnson rash"}, actor=SYSTEM) == []
    # Joined by a hyphen, two names are a pair too; the eponym list lets its own through.
    assert guard_words({"q": "austin-moore hemiarthroplasty"}, actor=SYSTEM) == []
    assert name_pairs("john smith-jones") == [(0, 10)]


@pytest.mark.parametrize("words", ["bard parker blade", "dandy walker", "endo gia reload"])
def test_eponyms_read_surname_first_pass_the_search_gate(words: str) -> None:
    # Two names either way round are a pair now: the clinical-name list lets these through.
    from app.auth.policy import SYSTEM
    from app.search.words import guard_words

    assert guard_words({"q": words}, actor=SYSTEM) == []


@pytest.mark.parametrize(
    "words, name",
    [
        ("dr smith", "dr smith"),
        ("mr jones hepatitis", "mr jones"),
        ("mrs garcia", "mrs garcia"),
        ("hcv dr. smith", "dr. smith"),
        ("MS JONES copd", "MS JONES"),
        ("prof kowalska", "prof kowalska"),
    ],
)
def test_a_title_before_a_surname_in_any_case_reads_as_a_name(words: str, name: str) -> None:
    assert [words[s:e] for s, e in name_pairs(words)] == [name]


@pytest.mark.parametrize(
    "words",
    ["ms relapse", "mr severity", "dr screening", "ms flare treatment", "dr grading scale"],
)
def test_a_title_that_is_also_clinical_shorthand_is_no_name_without_a_surname(words: str) -> None:
    assert name_pairs(words) == []


@pytest.mark.parametrize(
    "words, name",
    [
        ("john-smith", "john-smith"),
        ("smith-john hepatitis", "smith-john"),
        ("olga-ivanova", "olga-ivanova"),
        ("hcv maria-garcia", "maria-garcia"),
    ],
)
def test_a_first_name_and_surname_joined_by_a_hyphen_read_as_a_name(words: str, name: str) -> None:
    assert [words[s:e] for s, e in name_pairs(words)] == [name]


@pytest.mark.parametrize(
    "words",
    [
        "guillain-barre",
        "guillain-barre ivig",
        "charcot-marie-tooth",
        "wolff-parkinson-white syndrome",
        "stevens-johnson",
        "austin-moore hemiarthroplasty",
        "mallory-weiss syndrome",
        # two first names joined are one given name, no surname
        "anne-marie hcv",
        "mary-jane",
    ],
)
def test_hyphenated_eponyms_and_given_names_pass_the_search_gate(words: str) -> None:
    from app.auth.policy import SYSTEM
    from app.search.words import guard_words

    assert guard_words({"q": words}, actor=SYSTEM) == []


@pytest.mark.parametrize(
    "words, name",
    [
        # -ina of a listed -in surname, as "Karenina" of "Karenin"
        ("anna fomina", "anna fomina"),
        ("kuzmina olga copd", "kuzmina olga"),
        # -skaya and -dzka are surnames by their shape alone: no English word ends so
        ("olga petrovskaya", "olga petrovskaya"),
        ("hcv maria zawadzka", "maria zawadzka"),
        # an initial before a woman's form of a surname of the international lists
        ("o. ivanova", "o. ivanova"),
        ("o ivanova hcv", "o ivanova"),
        ("ivanova, o.", "ivanova, o."),
        ("e. petrovskaya", "e. petrovskaya"),
    ],
)
def test_slavic_feminine_surnames_read_as_a_name(words: str, name: str) -> None:
    assert [words[s:e] for s, e in name_pairs(words)] == [name]


@pytest.mark.parametrize(
    "words", ["ludwig angina", "vincent angina", "c retina", "lamina dura", "cauda equina"]
)
def test_clinical_words_ending_like_a_feminine_surname_are_no_name(words: str) -> None:
    assert name_pairs(words) == []
