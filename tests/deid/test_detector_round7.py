"""Seventh round of missed kinds (read on development sets A-F): tables written as
comma-separated lines or as pipe rows without outer bars, whose header names each column.

The values are made up for these tests (none is taken from an evaluation set); each case
stands for a rule, with variants of its phrasing, and the look-alikes below must stay clean.
"""

from __future__ import annotations

import pytest

from app.deid import scan
from tests.deid.test_detector_kinds import caught

_CSV = "export below\nmrn,last,first,dob,zip\n77120934,Pellow,Ottilie,1941-06-02,40977\n"
_BARS = "patient | street | town | phone\nVashti Crum | 41 Sorrel Bend | Tollesboro | 606-555-0114"
CASES = [
    # comma-separated lines under a header that names the columns
    (_CSV, "Pellow"),
    (_CSV, "Ottilie"),
    (_CSV, "77120934"),
    (_CSV, "40977"),
    ("see list id,surname,given,birthdate\n3310,Okonkwo,Ifeoma,3/3/1960", "Okonkwo"),
    # pipe rows without the outer bars
    (_BARS, "Vashti Crum"),
    (_BARS, "41 Sorrel Bend"),
    (_BARS, "Tollesboro"),
    ("ACCESSION | PATIENT | MRN | RESULT\nQ7-88120 | TULLY, BRONAGH | 5512093 | 6.1 %", "TULLY"),
]

CLEAN = [
    "test,value,units,flag\nsodium,139,mmol/L,N\npotassium,5.9,mmol/L,H",
    "drug | dose | route | frequency\nmetoprolol | 25 mg | PO | BID",
    "Plan: first, last, and always, hydrate.",
    "result | reference\n4.2 | 3.5-5.0",
]


@pytest.mark.parametrize(("text", "needle"), CASES)
def test_round7_kinds(text: str, needle: str) -> None:
    assert caught(text, needle), [(f.category, text[f.start : f.end]) for f in scan(text)]


@pytest.mark.parametrize("text", CLEAN)
def test_round7_clean_text_stays_clean(text: str) -> None:
    assert scan(text) == [], [(f.category, text[f.start : f.end]) for f in scan(text)]
