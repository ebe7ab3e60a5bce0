"""A first and a last name side by side in any case and either order ("john smith", "SMITH
john", "smith, john"), for texts of a few words with no sentence around them (a search's
words). The detector reads case and context, which such texts lack, so it leaves lower-case
names alone; it never calls this."""

from __future__ import annotations

import re
import unicodedata

from app.deid import lexicon
from app.deid.detector import HEAD_NOUNS

# A word: letters, an apostrophe's name too (o'brien), and the invisible characters
# (soft hyphen, zero-width ones) a reader never sees inside it. Anything else between two
# words separates them: a search engine splits "john.smith" and
# "+john +smith" into the same two words as "john smith".
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_WORD = re.compile(rf"[^\W\d_](?:[{_INVISIBLE}]*(?:['’][{_INVISIBLE}]*)?[^\W\d_])*")
# Between two names: a middle initial, or a search's operator ("john AND smith").
_SKIPPED = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
# After a pair, a word that makes it an eponym ("austin flint murmur", "mallory weiss tear").
_MORE_HEADS = """murmur murmurs tear tears bruit lesion lesions fistula sequence valve nerve
nodule sinus ligament artery zone complex stapler closure device bar harness frame pin wire
collar"""
_HEADS = HEAD_NOUNS | frozenset(_MORE_HEADS.split())


def _key(word: str) -> str:
    """The word as the name lists spell it: lower case, without accents, full-width forms,
    invisible characters or a possessive "'s" ("GARCÍA's" -> "garcia")."""
    folded = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in folded if not unicodedata.combining(c) and c not in _INVISIBLE)
    plain = plain.lower().replace("’", "'")
    return plain[:-2] if plain.endswith("'s") else plain


def _is_pair(one: str, two: str, lex: lexicon.Lexicon) -> bool:
    if one in _HEADS or two in _HEADS or f"{one} {two}" in lex.cities:  # "gia stapler"
        return False
    if one in lex.ambiguous or two in lex.ambiguous:
        return False
    # "john smith", or the surname first as records write it ("SMITH john", "smith, john").
    return (one in lex.first and two in lex.last) or (one in lex.last and two in lex.first)


def name_pairs(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that read as a first name and a surname, in either order: both in the
    name lists and neither an ordinary word too, not a town's name, and not an eponym's words
    before its head noun ("austin flint murmur")."""
    lex = lexicon.get()
    # Offsets are read in the text itself: folding a word may change its length.
    words = [
        (m.start(), m.end(), _key(m.group()))
        for m in _WORD.finditer(text)
        if m.group() not in _SKIPPED and len(_key(m.group())) > 1  # an initial ("john q smith")
    ]
    found: list[tuple[int, int]] = []
    i = 0
    while i + 1 < len(words):
        (start, _, one), (_, end, two) = words[i], words[i + 1]
        head = words[i + 2][2] if i + 2 < len(words) else ""
        # Two names joined by a hyphen are one surname or an eponym ("austin-moore").
        joined = text[words[i][1] : words[i + 1][0]] == "-"
        if not joined and _is_pair(one, two, lex) and head not in _HEADS:
            found.append((start, end))
            i += 2
        else:
            i += 1
    return found
