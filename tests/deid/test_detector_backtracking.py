"""A run of one character that two repetitions of a pattern can both take is split between
them in every way before the pattern fails: quadratic in the run's length ("SSN" and 8,000
spaces took seconds), cubic with three. Every pattern the detector compiles is read for that
shape (tests/deid/regex_shape.py), so a new one is checked too; `scripts/deid_backtracking.py
--patterns` times each on long runs after each of its starts."""

from __future__ import annotations

import itertools
import re

import pytest

from app.deid import detector, scan
from tests.deid import regex_shape


def _all_patterns() -> list[tuple[str, re.Pattern[str]]]:
    named = regex_shape.detector_patterns()
    seen = {(rx.pattern, rx.flags) for _, rx in named}
    inline = [
        (name, rx)
        for name, rx in regex_shape.inline_patterns(detector)
        if (rx.pattern, rx.flags) not in seen
    ]
    return named + inline


# Patterns still read as splitting a run: each is to be made linear (with its findings kept the
# same) and struck off. A pattern not listed must be clean, and a listed one that is clean
# fails too, so the list only shrinks.
STILL_SPLIT = frozenset(
    (
        "detector.RX_ADDRESS_CUE13",
        "detector.RX_AGE_STATED",
        "detector.RX_BIN_BEFORE16",
        "detector.RX_CITY_ST_BEFORE",
        "detector.RX_CODE_SYSTEM_BEFORE10",
        "detector.RX_CSV_HEAD7",
        "detector.RX_EMPLOYER",
        "detector.RX_FAC_CUED",
        "detector.RX_FAC_CUED6",
        "detector.RX_FAC_LABEL",
        "detector.RX_FROM_TOWN",
        "detector.RX_ID_CUE6",
        "detector.RX_ID_CUED11",
        "detector.RX_LAST_FIRST_CUE5",
        "detector.RX_LEADER_ROW",
        "detector.RX_LOT_BEFORE16",
        "detector.RX_MD_BEFORE_TIME",
        "detector.RX_MD_CUE",
        "detector.RX_MD_EVENT8",
        "detector.RX_MMDDYYYY9",
        "detector.RX_NATIONAL_ID13",
        "detector.RX_PHARMACY_CUE",
        "detector.RX_PHONE_CUED",
        "detector.RX_RECORD_NUMBER_IS9",
        "detector.RX_ROLE5",
        "detector.RX_ROLE_NAME",
        "detector.RX_SSN_BROKEN",
        "detector.RX_SSN_CUED11",
        "detector.RX_SSN_LAST4_SOCIAL",
        "detector.RX_TAB_ROW",
        "detector.RX_TOWN_ZIP_AFTER11",
        "detector.RX_VEHICLE_REG9",
        "detector.RX_ZIP_AFTER_TOWN11",
    )
)

PATTERNS = _all_patterns()


def test_every_pattern_of_the_detector_is_read() -> None:
    names = {name for name, _ in PATTERNS}
    assert {"detector.RX_SSN_CUED", "detector.RX_AFTER_MARK", "detector.RX_DATE[0][0]"} <= names
    # patterns written inside functions are read too, by their line
    assert any(name.endswith(")#0") for name in names)
    assert len(PATTERNS) > 600
    assert names >= STILL_SPLIT, STILL_SPLIT - names


def test_no_run_of_one_character_is_split_between_repetitions() -> None:
    # One test reads every pattern (a test per pattern cost more in the runner than the
    # reading); each failure names its pattern, and every one is read whatever fails.
    failures = []
    checked = 0
    for name, pattern in PATTERNS:
        found = regex_shape.split_runs(pattern)
        checked += 1
        if name in STILL_SPLIT and not found:
            failures.append(f"{name} takes its runs whole now: strike it off STILL_SPLIT")
        elif name not in STILL_SPLIT and found:
            failures.append(f"{name}: {pattern.pattern}\n  " + "\n  ".join(found))
    assert checked == len(PATTERNS) > 600
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize(
    "source",
    [
        r"\bSSN\s*:?\s*(\d{9})",  # a run, an optional mark, a run
        r"[ \t]*(?:is|was)?[ \t]*[:#=]?[ \t]*\d",  # three runs: cubic
        r"\blast\s+four(?:\s+digits)?\s*[:(#-]?\s*(\d{4})",  # runs around an optional mark
        r"(?:\s*,?)*x",  # a repetition of a part that takes a run itself
        r"\bzip[^\d]{0,400}?\s*\d",  # a lazy repetition bounded only far away
        r"\bDOB(?:\s*(?:is|was))?\s*(?![A-Za-z])\s*\d",  # look-arounds do not stop a split
    ],
)
def test_the_shape_check_finds_a_split_run(source: str) -> None:
    assert regex_shape.split_runs(re.compile(source)) != []


@pytest.mark.parametrize(
    "source",
    [
        r"\bSSN\s*+:?\s*(\d{9})",  # the first run taken whole
        r"\bSSN(?>\s*):?\s*(\d{9})",  # an atomic group
        r"\d+\s+\d+",  # the runs take different characters
        r"\bfax\b[^.\n\d]{0,40}?\bto\s*\d",  # a short bounded repetition
        r"(?:[ -][A-Z0-9]{1,8}){0,3}",  # a repetition whose part starts with one character
        r"\bDOB\b\s*\d",  # a word boundary between a word and spaces
    ],
)
def test_the_shape_check_passes_runs_taken_whole(source: str) -> None:
    assert regex_shape.split_runs(re.compile(source)) == []


@pytest.mark.parametrize(
    ("text", "needle", "category"),
    [
        ("| MRN | 4410 2231 87 |", "4410 2231 87", "ID"),
        ("|   A1234567   |", "A1234567", "ID"),
        ("Microchip   #   TR9465931 scanned", "TR9465931", "DEVICE"),
        ("microchip number: 985112004471230", "985112004471230", "DEVICE"),
        ("SSN: 123-45-6789", "123-45-6789", "SSN"),
        ("SSN is 123456789", "123456789", "SSN"),
        ("DOB: 01011990", "01011990", "ID"),
        ("date of birth was 01011990", "01011990", "ID"),
        ("Zip code is : 87102", "87102", "LOCATION"),
        ("SSN last four digits:  4471", "4471", "SSN"),
        ("Apt  # 4B", "Apt  # 4B", "ADDRESS"),
        ("member  A12345", "A12345", "ID"),
        ("aged ninety", "ninety", "AGE"),
        ("aged: ninety", "ninety", "AGE"),
    ],
)
def test_cued_values_are_still_found_with_spaces_around(
    text: str, needle: str, category: str
) -> None:
    assert (needle, category) in [(text[f.start : f.end], f.category) for f in scan(text)]


@pytest.mark.parametrize(
    "text",
    [
        "| a |" + " " * 5000,
        "microchip" + " " * 5000,
        "SSN" + " " * 5000,
        "zip code is" + " " * 5000,
        "last four digits" + " " * 5000,
        "MRN" + "\t" * 5000,
    ],
)
def test_a_long_run_after_a_cue_finds_nothing(text: str) -> None:
    assert scan(text) == []


# The handle pattern before it was made linear: "@" then 31 letters took seconds, and each
# further letter about doubled it.
_NESTED_HANDLE = re.compile(
    r"(?<![\w.@/+-])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_]){2,30})(?![\w@])"
)


def test_the_handle_pattern_takes_what_its_nested_form_took():
    """Every string of up to seven characters over the characters that matter: the same
    matches, at the same places, as the nested form."""
    for size in range(1, 8):
        for chars in itertools.product("a.@ -", repeat=size):
            text = "".join(chars)
            assert [m.span(1) for m in detector.RX_HANDLE.finditer(text)] == [
                m.span(1) for m in _NESTED_HANDLE.finditer(text)
            ], text


def test_a_long_handle_like_run_is_read_once():
    text = "@" + "a" * 5000 + "@ and @" + "a." * 2500 + "@"
    assert [m.group(1) for m in detector.RX_HANDLE.finditer(text)] == ["a." * 2499 + "a"]
    assert detector.RX_HANDLE.search("write to @" + "a" * 5000 + " today").group(1) == "a" * 5000


# The patterns before they were begun only at a run's start: searched from each character of a
# long run they read the rest of it (tests/deid/test_detector_scaling.py counts it).
_CELL_SEP_BEFORE = re.compile(r"[ \t]*\|[ \t]*")
_CELL_NAME_TAIL_BEFORE = re.compile(r"[ \t]+of[ \t]+|[ \t]*\(")
_CELL_TITLE_BEFORE = re.compile(
    detector.RX_CELL_TITLE6.pattern.replace(r"|(?<![ \t,])[ \t,]+", r"|[ \t,]+")
)


def _texts(chars: str, longest: int):
    for size in range(longest + 1):
        for each in itertools.product(chars, repeat=size):
            yield "".join(each)


def test_a_table_line_is_cut_into_the_same_cells() -> None:
    for text in _texts(" \t|a", 7):
        new = detector.RX_CELL_SEP19[0]
        assert new.split(text) == _CELL_SEP_BEFORE.split(text), repr(text)
        assert [m.span() for m in new.finditer(text)] == [
            m.span() for m in _CELL_SEP_BEFORE.finditer(text)
        ], repr(text)


def test_a_name_in_a_cell_ends_where_it_ended() -> None:
    for text in _texts(" (ofa", 7):
        assert (
            detector.RX_CELL_NAME_TAIL19.split(text)[0] == _CELL_NAME_TAIL_BEFORE.split(text)[0]
        ), repr(text)


def test_a_title_or_credential_in_a_cell_is_found_where_it_was() -> None:
    assert detector.RX_CELL_TITLE6.pattern != _CELL_TITLE_BEFORE.pattern
    for text in _texts(" ,\taMD.", 6):
        new, old = detector.RX_CELL_TITLE6.search(text), _CELL_TITLE_BEFORE.search(text)
        assert (new and new.span()) == (old and old.span()), repr(text)
    for text in ("Dr. Ann Lee, MD", "Ann Lee ,  RN.", "Ann Lee   PhD", "Mr Lee"):
        new, old = detector.RX_CELL_TITLE6.search(text), _CELL_TITLE_BEFORE.search(text)
        assert new is not None and old is not None and new.span() == old.span(), text


def test_the_emails_are_those_finditer_finds() -> None:
    """Every string of up to seven characters over the characters that matter, and addresses
    one right after another, the second begun inside the first's run."""
    texts = [*_texts("a1_.@ ", 7), "a@b.cc_d@e.ff", "jo@ex.com-ann@ex.com", "x@y.org.z@w.net"]
    for text in texts:
        assert [m.span() for m in detector._emails(text)] == [
            m.span() for m in detector.RX_EMAIL.finditer(text)
        ], repr(text)


def _found(rx: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


# Patterns whose runs of spaces were split between repetitions (a cue then thousands of spaces
# took seconds; "lic" then 2,000 tabs twenty), each with what makes its form before (its runs
# given back again), and texts: a cue, then every string of up to five characters over the
# characters that matter, then a value.
_INLINE = dict(regex_shape.inline_patterns(detector))
_ANY = r"[ \t]*+", r"[ \t]*"
_MADE_LINEAR = [
    ("RX_RECORD_CUE", detector.RX_RECORD_CUE, [_ANY], ("mrn", "Acct"), " \t:#(A1", ("", "12345")),
    ("RX_PLATE_CUED", detector.RX_PLATE_CUED, [_ANY], ("plate", "tag"), " \t:#(A1", ("", "AB12")),
    ("RX_ID_CUE10", detector.RX_ID_CUE10, [_ANY], ("SIN", "case no"), " \t:#.A1", ("", "A1")),
    (
        "RX_PLATE_WORD6",
        detector.RX_PLATE_WORD6,
        [(r"(?:[ \t]*+[:#])?[ \t]++", r"[ \t]*[:#]?[ \t]+")],
        ("plate", "Tag"),
        " \t:#A1-",
        ("", "ABCD"),
    ),
    ("RX_AGE[2]", detector.RX_AGE[2], [(r"\s*+", r"\s*")], ("age", "aged"), " \t\n:9", ("", "95")),
    ("RX_UNIT_TAIL", detector.RX_UNIT_TAIL, [_ANY], ("", "Apt"), " \t#.,A1", ("", "4B")),
    ("RX_SN_ANY", detector.RX_SN_ANY, [_ANY], ("sn", "S/N"), " \t:#A1", ("", "1234")),
    (
        "RX_LAST_FIRST_CUED",
        detector.RX_LAST_FIRST_CUED,
        [(r"(?:[ \t]*+:)?[ \t]++", r"[ \t]*:?[ \t]+")],
        ("Pt", "for"),
        " \t:,",
        ("", "Lee, Ann", "LEE,ANN."),
    ),
    (
        "RX_LICENSE_PREFIX9",
        detector.RX_LICENSE_PREFIX9,
        [_ANY],
        ("lic", "license"),
        " \t#:no",
        ("", "FWP 4664916"),
    ),
    ("RX_SERIAL_SN9", detector.RX_SERIAL_SN9, [_ANY], ("serial", "ID"), " \t#:no", ("SN 0370",)),
    ("RX_POSTCODE13", detector.RX_POSTCODE13, [_ANY], ("postcode",), " \t:A1-", ("", "SW1 2AB")),
    (
        "RX_SSN_ANY_GROUPS8",
        detector.RX_SSN_ANY_GROUPS8,
        [_ANY],
        ("ssn", "ssn 12"),
        " \t:#-.",
        ("", "123456789", "3456789", "345 67-89"),
    ),
    (
        "RX_GEO13",
        detector.RX_GEO13,
        [(r"(?:[ \t]*+[:=])?[ \t]++", r"[ \t]*[:=]?[ \t]+")],
        ("geo", "geolocation"),
        " \t:=",
        ("", "Boston", "Glen Ellyn \nx"),
    ),
    (
        "RX_INITIALS_ROLE11",
        detector.RX_INITIALS_ROLE11,
        [(r"(?:[ \t]*+:)?[ \t]++", r"[ \t]*:?[ \t]+")],
        ("Pt", "RN", "patient"),
        " \t:.",
        ("", "A.B.", "JG said", "JG walks"),
    ),
    (
        "RX_LOWER_CUED",
        detector.RX_LOWER_CUED,
        [_ANY],
        ("pt", "name", "family"),
        " \t:#(",
        ("", "ann lee", "ann  lee"),
    ),
    ("_names5()#0", _INLINE["detector._names5()#0"], [_ANY], ("",), " \t;,(", ("MRN", "DOB 1")),
]


@pytest.mark.parametrize(
    ("name", "new", "undo", "cues", "chars", "values"),
    _MADE_LINEAR,
    ids=[m[0] for m in _MADE_LINEAR],
)
def test_a_pattern_made_linear_finds_what_it_found(
    name: str,
    new: re.Pattern[str],
    undo: list[tuple[str, str]],
    cues: tuple[str, ...],
    chars: str,
    values: tuple[str, ...],
) -> None:
    source = new.pattern
    for now, before in undo:
        assert now in source
        source = source.replace(now, before)
    old = re.compile(source, new.flags)
    matched = 0
    for cue in cues:
        for rest in _texts(chars, 5):
            for value in values:
                text = cue + rest + value
                found = _found(new, text)
                assert found == _found(old, text), repr(text)
                matched += bool(found)
    assert matched > 20, name  # the texts hold values it takes
