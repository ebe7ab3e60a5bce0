"""Inside scanning_once each distinct text is scanned once, and what the gate decides is
the same as with a fresh scan."""

from __future__ import annotations

import pytest

from app.deid import gate
from app.deid.gate import IdentifiersFound, check, prescan, scanning_once

PLANT = "Patient Harriet Quenby, MRN 55512344"


@pytest.fixture
def scans(monkeypatch):
    seen: list[str] = []
    real = gate.scan

    def counting(text: str):
        seen.append(text)
        return real(text)

    monkeypatch.setattr(gate, "scan", counting)
    return seen


def test_a_text_checked_twice_in_the_block_is_scanned_once(scans):
    with scanning_once():
        prescan([PLANT, "Which regimen?"])
        for _ in range(2):
            with pytest.raises(IdentifiersFound) as info:
                check({"presentation": PLANT, "question": "Which regimen?"})
            assert {f.field for f in info.value.findings} == {"presentation"}
    assert sorted(scans) == sorted([PLANT, "Which regimen?"])


def test_outside_the_block_every_check_scans(scans):
    prescan([PLANT])  # nothing to remember it in
    for _ in range(2):
        with pytest.raises(IdentifiersFound):
            check({"presentation": PLANT})
    assert scans == [PLANT, PLANT]
