"""Twentieth round: a cue word is a whole word ("ADMITTED" holds no "admit" before a name
"TED"). The values are made up for these tests (none is taken from an evaluation set).
"""

from __future__ import annotations

from app.deid import scan


def test_a_cue_word_inside_a_longer_word_is_no_cue() -> None:
    # a text that is not ASCII is read by the cue-led rules everywhere
    text = "PATIENT: ORLA QUINCE\nADMITTED: 3/4/2025\nATTENDING: ÉLODIE NORTH, MD"
    s = text.index("ADMITTED")
    assert [f for f in scan(text) if f.start < s + 8 and s < f.end] == []
    assert any(text[f.start : f.end] == "ORLA QUINCE" for f in scan(text))
