"""A first and a last name side by side in any case ("john smith", "SMITH, JOHN"), for texts
of a few words with no sentence around them (a search's words). The detector reads case and
context, which such texts lack, so it leaves lower-case names alone; it never calls this."""

from __future__ import annotations

import re

from app.deid import lexicon
from app.deid.detector import HEAD_NOUNS

# A word, an apostrophe's name too (o'brien); a middle initial between the two names.
_PAIR = re.compile(
    r"(?<![\w'’-])([^\W\d_]{2,}(?:['’][^\W\d_]+)?)"
    r"(,?)\s+(?:[^\W\d_]\.?\s+)?"
    r"([^\W\d_]{2,}(?:['’][^\W\d_]+)?)(?![\w'’-])"
)
# After a pair, a word that makes it an eponym ("austin flint murmur", "mallory weiss tear").
_MORE_HEADS = """murmur murmurs tear tears bruit lesion lesions fistula sequence valve nerve
nodule sinus ligament artery zone complex stapler closure device bar harness frame pin wire
collar"""
_HEADS = HEAD_NOUNS | frozenset(_MORE_HEADS.split())
_NEXT_WORD = re.compile(r"(?:['’]s?)?[\s-]*([^\W\d_]+)")


def name_pairs(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that read as a first name then a surname, or "surname, first name":
    both in the name lists and neither an ordinary word too, not a town's name, and not an
    eponym's words before its head noun ("austin flint murmur")."""
    lex = lexicon.get()
    found: list[tuple[int, int]] = []
    at = 0
    # Read in the text itself: lower-casing may change its length, and so the offsets.
    while (m := _PAIR.search(text, at)) is not None:
        one, comma, two = m.group(1).lower(), m.group(2), m.group(3).lower()
        first, last = (two, one) if comma else (one, two)
        at = m.start(3)  # the second word may begin the next pair
        if (
            first not in lex.first
            or last not in lex.last
            or first in lex.ambiguous
            or last in lex.ambiguous
            or one in _HEADS
            or two in _HEADS  # "gia stapler"
            or f"{one} {two}" in lex.cities  # a place ("santa barbara"), not a person
        ):
            continue
        head = _NEXT_WORD.match(text, m.end())
        if head is not None and head.group(1).lower() in _HEADS:
            continue
        found.append((m.start(), m.end()))
        at = m.end()
    return found
