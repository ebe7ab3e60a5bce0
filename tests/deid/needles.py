"""Whether the detector's rules find a needle in a text: the checks the detector-round test
files share. The rules alone are asked (the learned tagger, which only adds, is left out: it
guesses some of these already)."""

from __future__ import annotations

from app.deid.detector import scan_rules


def covered(text: str, needle: str) -> bool:
    """Is every character of `needle` (its first occurrence) but spaces inside a finding?"""
    s = text.index(needle)
    spans = [(f.start, f.end) for f in scan_rules(text)]
    return all(
        any(a <= i < b for a, b in spans)
        for i in range(s, s + len(needle))
        if not text[i].isspace()
    )


def touched(text: str, needle: str) -> bool:
    """Does a finding overlap `needle` (its first occurrence) at all?"""
    s = text.index(needle)
    e = s + len(needle)
    return any(f.start < e and s < f.end for f in scan_rules(text))
