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


# A woman's form of a listed surname ("ivanova" of "ivanov", "kowalska" of "kowalski",
# "fomina" of "fomin"): the lists hold the men's forms of many Slavic surnames only.
_FEMININE = (("ova", "ov"), ("eva", "ev"), ("ska", "ski"), ("cka", "cki"), ("ina", "in"))
# Endings no English or clinical word has: a surname by its shape alone ("petrovskaya",
# "zawadzka"), listed or not.
_FEMININE_SHAPES = ("skaya", "ckaya", "skaja", "dzka")


def _is_surname(word: str, lex: lexicon.Lexicon) -> bool:
    return word in lex.last or _is_feminine_surname(word, lex)


def _is_census_surname(word: str, lex: lexicon.Lexicon) -> bool:
    """A surname of the census's list, or a woman's form of any listed one ("kowalska",
    "ivanova"): the international lists hold many clinical words, their Slavic feminine
    forms hardly any."""
    return (word in lex.last and word not in lex.intl_only) or _is_feminine_surname(word, lex)


def _is_feminine_surname(word: str, lex: lexicon.Lexicon) -> bool:
    # An ordinary or clinical word is none ("china" of "chin", "angina").
    if word in lex.common or word in lex.clinical:
        return False
    if word.endswith(_FEMININE_SHAPES) and len(word) > 6:
        return True
    return any(
        word[: -len(her)] + his in lex.last
        for her, his in _FEMININE
        if word.endswith(her) and len(word) > len(her) + 2
    )


def _is_pair(one: str, two: str, lex: lexicon.Lexicon) -> bool:
    if one in _HEADS or two in _HEADS or f"{one} {two}" in lex.cities:  # "gia stapler"
        return False
    if one in lex.ambiguous or two in lex.ambiguous:
        return False
    # "john smith", or the surname first as records write it ("SMITH john", "smith, john").
    return (one in lex.first and _is_surname(two, lex)) or (
        _is_surname(one, lex) and two in lex.first
    )


def name_pairs(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that read as a first name and a surname, in either order: both in the
    name lists and neither an ordinary word too, not a town's name, and not an eponym's words
    before its head noun ("austin flint murmur"); and initials before a surname or after it
    ("j smith", "J. A. Smith", "SMITH J")."""
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
        # Joined by a hyphen too ("john-smith"): a hyphenated eponym read as two names
        # ("austin-moore") is let through by the clinical-name list, as with a space. Two
        # first names joined are one given name ("jean-pierre", "anne-marie").
        joined = text[words[i][1] : words[i + 1][0]] == "-"
        given = joined and one in lex.first and two in lex.first
        if not given and _is_pair(one, two, lex) and head not in _HEADS:
            found.append((start, end))
            i += 2
        else:
            i += 1
    found += _initial_pairs(text, lex, found)
    return sorted(found + _title_pairs(text, lex, found))


# An initial and a surname ("j smith", "J. Smith"): the initial alone, as a word, with
# nothing but a full stop or spaces before the surname; not a shorthand's letter ("s/p",
# "r/o") nor one inside a word ("x-ray"). Middle initials may follow it ("J. A. Smith"); "a"
# and "i", words of their own, are an initial only before another one.
_AFTER_INITIAL = r"(?:\.\s*|\s+)"
_INITIAL = re.compile(
    rf"(?<![\w/'’&.-])(?:[b-hj-z]{_AFTER_INITIAL}|[a-z]{_AFTER_INITIAL}(?=[a-z]{_AFTER_INITIAL}))"
    rf"(?:[a-z]{_AFTER_INITIAL})*(?=[^\W\d_])",
    re.IGNORECASE,
)


# The surname first, as records write it ("SMITH J", "Smith, J. A."): "a" and "i" only with
# a full stop, being words of their own.
_INITIAL_AFTER = re.compile(
    r"(?:\s*,\s*|\s+)(?:[b-hj-z](?![\w/'’&-])\.?|[a-z]\.)(?:\s*[a-z]\.)*", re.IGNORECASE
)


def _initial_pairs(
    text: str, lex: lexicon.Lexicon, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    found = []
    for initial in _INITIAL.finditer(text):
        word = _WORD.match(text, initial.end())
        if word is not None and _is_initials_surname(word, text, lex):
            found.append((initial.start(), word.end()))
    for word in _WORD.finditer(text):
        after = _INITIAL_AFTER.match(text, word.end())
        if after is not None and _is_initials_surname(word, text, lex, after.end()):
            found.append((word.start(), after.end()))
    return _new_spans(found, taken)


def _is_initials_surname(
    word: re.Match[str], text: str, lex: lexicon.Lexicon, end: int | None = None
) -> bool:
    surname = _key(word.group())
    # The census's surnames only: the international lists hold many clinical words.
    return (
        _is_census_surname(surname, lex)
        and surname not in lex.first
        and _stands_as_surname(surname, text, lex, word.end() if end is None else end)
    )


def _stands_as_surname(surname: str, text: str, lex: lexicon.Lexicon, end: int) -> bool:
    """A listed surname after an initial or a title names a person unless it is also an
    ordinary word, or it or the word after it (from `end`) is an eponym's head noun."""
    after = _WORD.search(text, end)
    head = _key(after.group()) if after is not None else ""
    return surname not in lex.ambiguous and surname not in _HEADS and head not in _HEADS


# A title and a surname ("dr smith", "Mrs. Garcia"): the detector reads a title only with a
# capital, which a search's words seldom have. Only the titles that are no ordinary word
# ("sister", "father", "nurse" are).
_TITLE = re.compile(
    r"(?<![\w/'’&.-])(?:mr|mrs|ms|miss|mx|dr|drs|doctor|prof|professor)(?:\.\s*|\s+)(?=[^\W\d_])",
    re.IGNORECASE,
)


def _title_pairs(
    text: str, lex: lexicon.Lexicon, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    found = []
    for title in _TITLE.finditer(text):
        word = _WORD.match(text, title.end())
        if word is None:
            continue
        surname = _key(word.group())
        if _is_surname(surname, lex) and _stands_as_surname(surname, text, lex, word.end()):
            found.append((title.start(), word.end()))
    return _new_spans(found, taken)


def _new_spans(spans: list[tuple[int, int]], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that overlap none of `taken` nor one found before them (the earliest and
    longest kept)."""
    kept = list(taken)
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not any(s < end and start < e for s, e in kept):
            kept.append((start, end))
    return kept[len(taken) :]
