"""Patterns that read a run of spaces before a part that never starts with one take the run
whole: giving it back a space at a time makes each a new start of what follows, quadratic (or
worse) in a long run ("| a |" and 20,000 spaces took seconds). `scripts/deid_backtracking.py`
prints the scan's time on such texts at two lengths."""

from __future__ import annotations

import re

import pytest

from app.deid import detector, scan

# a run of spaces or tabs that may be given back: "[ \t]*" or "[ \t]+" not made possessive
RX_RUN_GIVEN_BACK = re.compile(r"\[ \\t\][*+](?!\+)")


@pytest.mark.parametrize("name", ["RX_TABLE_CELL", "RX_MICROCHIP18"])
def test_a_run_of_spaces_is_taken_whole(name: str) -> None:
    pattern = getattr(detector, name).pattern
    assert not RX_RUN_GIVEN_BACK.search(pattern), pattern


@pytest.mark.parametrize(
    ("text", "needle", "category"),
    [
        ("| MRN | 4410 2231 87 |", "4410 2231 87", "ID"),
        ("|   A1234567   |", "A1234567", "ID"),
        ("Microchip   #   TR9465931 scanned", "TR9465931", "DEVICE"),
        ("microchip number: 985112004471230", "985112004471230", "DEVICE"),
    ],
)
def test_the_same_values_are_found_with_spaces_around(
    text: str, needle: str, category: str
) -> None:
    assert (needle, category) in [(text[f.start : f.end], f.category) for f in scan(text)]


@pytest.mark.parametrize("text", ["| a |" + " " * 5000, "microchip" + " " * 5000])
def test_a_long_run_of_spaces_finds_nothing(text: str) -> None:
    assert scan(text) == []


# two runs of spaces with only an optional mark between ("\s*:?\s*", "\s*[,:]?\s+"), neither
# taken whole: a long run splits between them in every way before the pattern fails
RX_SPLIT_RUN = re.compile(r"\\s[*+](?!\+)(?:\[[^\]]*\]|[^\\\[(])\?\\s[*+](?!\+)")
# a run, an optional word, a run: "\s*(?:is|was)?\s*"
RX_RUN_WORD_RUN = re.compile(r"\\s\*(?!\+)\(\?:[a-z|]+\)\?\\s\*(?!\+)")


@pytest.mark.parametrize("name", ["RX_REL_NAME", "RX_DATE_CUED", "RX_SSN_CUED", "RX_DOB_DIGITS"])
def test_runs_of_spaces_around_a_mark_are_not_split(name: str) -> None:
    pattern = getattr(detector, name).pattern
    assert not RX_SPLIT_RUN.search(pattern), pattern
    assert not RX_RUN_WORD_RUN.search(pattern), pattern


@pytest.mark.parametrize(
    ("text", "needle", "category"),
    [
        ("SSN: 123-45-6789", "123-45-6789", "SSN"),
        ("SSN is 123456789", "123456789", "SSN"),
        ("DOB: 01011990", "01011990", "ID"),
        ("date of birth was 01011990", "01011990", "ID"),
    ],
)
def test_cued_values_are_still_found(text: str, needle: str, category: str) -> None:
    assert (needle, category) in [(text[f.start : f.end], f.category) for f in scan(text)]
