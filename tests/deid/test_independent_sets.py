"""The independent evaluation sets stay byte for byte as they were frozen.

A held-out set is only worth its figure while nobody edits it: each set's sha256 is in
the table of `eval/deid/independent/README.md` (and in its own `heldout.sha256` where it
has one), written when the set was frozen.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

SETS = Path(__file__).resolve().parents[2] / "eval" / "deid" / "independent"
ROW = re.compile(r"^\| ([a-z]) \| `([0-9a-f]{64})` \|", re.MULTILINE)


def _table() -> dict[str, str]:
    return dict(ROW.findall((SETS / "README.md").read_text(encoding="utf-8")))


def test_every_set_folder_is_in_the_table() -> None:
    folders = {p.parent.name for p in SETS.glob("*/heldout.jsonl")}
    assert folders and folders == set(_table())


@pytest.mark.parametrize("name", sorted(_table()))
def test_a_set_is_as_it_was_frozen(name: str) -> None:
    actual = hashlib.sha256((SETS / name / "heldout.jsonl").read_bytes()).hexdigest()
    assert actual == _table()[name]
    recorded = SETS / name / "heldout.sha256"
    if recorded.exists():
        assert recorded.read_text(encoding="utf-8").split()[0] == actual
