"""Spelling correction of queries against the words of the index.

Each word of a query that the reader's documents hardly hold is looked up (SymSpell,
`symspellpy`: edit distance with transpositions, within one edit for short words and two
for longer ones) in a dictionary of

* every word of the indexed text (the `spell` field: plain lower-cased words of each
  document's de-identified text, nothing else), followed segment by segment as the index
  changes, so a word indexed a moment ago is known;
* the clinical vocabulary of `analysis.py` (abbreviations, drug names, synonyms) and every
  accepted Topic's name and synonyms (a proposed one is known only from the documents that
  carry it).

Candidates are weighed by how many documents *the reader may see* hold them (the same mask
as the results), against how far they are from what was typed: a word that occurs only in
a private program's cases, a draft or a case in review is never offered to someone who may
not see it (it counts zero). Abbreviations and words of the clinical vocabulary, numbers,
anything with a digit ("FIB-4", "G3"), short capitalised abbreviations and `field:value`
filters are never corrected.

`operations.search` decides what to do with a correction: search with it when the query as
typed finds little or the corrected one finds far more, else offer it ("Did you mean").
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from symspellpy import SymSpell, Verbosity
from whoosh.formats import Frequency
from whoosh.system import pack_uint

from app.search.analysis import CLINICAL_SYNONYMS, STOP_WORDS, stem

if TYPE_CHECKING:
    from app.search.engine import Corpus
    from app.search.index import Snapshot

# The words of the `spell` field: runs of letters, 3 to 30 of them (shorter ones are
# abbreviations or initials, never corrected; numbers are not words here).
SPELL_WORD = re.compile(r"[^\W\d_]{3,30}")
MAX_EDITS = 2
MIN_LENGTH = 5  # shorter words typed are abbreviations far more often than typos
PREFIX_LENGTH = 7  # SymSpell's prefix: smaller dictionary, same answers for typos past it
SHORT_WORD = 5  # words this long or shorter: one edit at most
KNOWN_DOCS = 3  # a word in this many visible documents is taken as spelled as meant
COMMON_DOCS = 50  # in this many documents at all: known without reading its postings
BETTER = 10  # a respelling must be in this many times more visible documents than the word
SUSPECT = 100  # ... and a word in KNOWN_DOCS or more documents, this many times more
EDIT_COST = 3.0  # each edit costs as much as e**3 (about 20) times fewer documents
# A vowel written for another ("pregnent", "carpel", "pulmonery") is the commonest slip in
# clinical words: that edit costs half.
VOWEL_EDIT = 0.5
VOWELS = frozenset("aeiouy")
FIRST_LETTER_COST = 1.0  # a changed first letter costs more: typos rarely start there
CONTEXT_WEIGHT = 1.0  # a candidate found with the query's other words counts for more
TOP_CANDIDATES = 5  # per word, weighed again with the other words
CAPS_ABBREVIATION = 6  # "QTC", "EGFR": all capitals this long or shorter are abbreviations
OPERATORS = frozenset({"AND", "OR", "NOT"})
# A doubled letter written single or a single one doubled, and the silent "h" of Greek
# spellings ("rrh", "rh", "ph"), are slips of their own: "hemmoroids" is three edits from
# "hemorrhoids", past SymSpell's reach, and the same word once both are written plainly.
_DOUBLED = re.compile(r"(.)\1+")
_SILENT_H = re.compile(r"(?<=[rt])h")


def skeleton(word: str) -> str:
    """`word` with doubled letters single and the "h" after "r" or "t" dropped: words that
    differ only there ("hemmoroids", "hemorrhoids": "hemoroids") share it."""
    return _DOUBLED.sub(r"\1", _SILENT_H.sub("", _DOUBLED.sub(r"\1", word)))


class SpellingFrequency(Frequency):
    """The `spell` field's terms, counted without a token stream: each plain word (letters
    only, lower case) and how often the document uses it."""

    def word_values(self, value, analyzer, **kwargs):
        if not isinstance(value, str):
            return super().word_values(value, analyzer, **kwargs)
        counts = Counter(SPELL_WORD.findall(value.lower()))
        return ((word, n, float(n), pack_uint(n)) for word, n in counts.items())


def builtin_words(topics: Iterable[tuple[str, Iterable[str]]] = ()) -> set[str]:
    """The clinical vocabulary's words (abbreviations, drug and brand names, the words of
    every synonym), and the words of the Topics' names and synonyms."""
    words: set[str] = set()
    for _concept, forms, _broader in CLINICAL_SYNONYMS:
        for form in forms:
            words.update(SPELL_WORD.findall(form.lower()))
    for name, synonyms in topics:
        for text in (name, *synonyms):
            words.update(SPELL_WORD.findall(text.lower()))
    return words - STOP_WORDS


class Dictionary:
    """The candidate words of one index generation: SymSpell's deletes of every word of the
    index's `spell` field, added as segments appear (segments never change), and of the
    clinical vocabulary. Frequencies are not kept here: they depend on the reader."""

    def __init__(self) -> None:
        self.symspell = SymSpell(
            max_dictionary_edit_distance=MAX_EDITS, prefix_length=PREFIX_LENGTH
        )
        self.words: set[str] = set()
        self.skeletons: dict[str, list[str]] = {}
        self.segments: set[str] = set()
        self.builtin: set[str] = set()
        self.lock = threading.Lock()

    def add(self, word: str) -> None:
        if word not in self.words:
            self.words.add(word)
            self.symspell.create_dictionary_entry(word, 1)
            if len(word) > SHORT_WORD:
                self.skeletons.setdefault(skeleton(word), []).append(word)

    def follow(self, snap: Snapshot, builtin: set[str]) -> None:
        """Add the words of segments not seen yet, and vocabulary words not added yet."""
        from app.search.format import segment_key

        with self.lock:
            for word in builtin - self.builtin:
                self.add(word)
            self.builtin |= builtin
            for reader, _offset in snap.searcher.reader().leaf_readers():
                key = segment_key(reader)
                if key in self.segments:
                    continue
                if "spell" in reader.indexed_field_names():
                    for raw in reader.lexicon("spell"):
                        self.add(raw.decode("utf-8") if isinstance(raw, bytes) else raw)
                self.segments.add(key)

    def candidates(self, word: str) -> list[tuple[str, int]]:
        """Words within reach of `word`, with their edit distance (itself excluded)."""
        edits = 1 if len(word) <= SHORT_WORD else MAX_EDITS
        found = self.symspell.lookup(word, Verbosity.ALL, edits, transfer_casing=False)
        near = {item.term: item.distance for item in found}
        if len(word) > SHORT_WORD:
            # Past SymSpell's reach only by doubled letters or a silent "h": as far as
            # the farthest edit it finds.
            for other in self.skeletons.get(skeleton(word), ()):
                near.setdefault(other, MAX_EDITS)
        return [
            (term, distance)
            for term, distance in near.items()
            if term not in (word, word + "s", word + "es", word[:-1]) and term not in STOP_WORDS
        ]  # a plural or singular finds the same (stemming): no respelling


_dictionaries: dict[str, tuple[str, Dictionary]] = {}
_dictionaries_lock = threading.Lock()


def dictionary(snap: Snapshot, root: str, builtin: set[str]) -> Dictionary:
    """The dictionary of the snapshot's generation, brought up to date with its segments.
    A new generation (a rebuild) starts a new one."""
    with _dictionaries_lock:
        found = _dictionaries.get(root)
        if found is None or found[0] != snap.generation:
            found = _dictionaries[root] = (snap.generation, Dictionary())
    found[1].follow(snap, builtin)
    return found[1]


@dataclass
class Correction:
    text: str  # the query with its words respelled
    words: dict[str, str]  # typed (lower case) -> respelled


# A chunk of the query that may be corrected: one run of letters, with at most a leading
# "-" or "(" or quote and trailing punctuation.
CORRECTABLE = re.compile(r"""([-("']*)([^\W\d_]+)([)"'.,;:!?]*)""")


def correctable_words(text: str) -> list[str]:
    """The words of a query that may be respelled, as typed."""
    out = []
    for chunk in text.split():
        m = CORRECTABLE.fullmatch(chunk)
        if m is None or chunk in OPERATORS:
            continue  # filters, numbers, lab names ("FIB-4"), "s/p", "d&c"
        word = m.group(2)
        if len(word) < MIN_LENGTH:
            continue  # "wks", "luts", "egfr": abbreviations, likelier
        if word.isupper() and len(word) <= CAPS_ABBREVIATION:
            continue  # an abbreviation, written as one
        if any(c.isupper() for c in word[1:]) and not word.isupper():
            continue  # "eGFR", "HbA", "McBurney": written that way on purpose
        out.append(word)
    return out


def rewrite(text: str, words: dict[str, str]) -> str:
    """`text` with each correctable word of `words` replaced, keeping its capitals."""
    pieces = re.split(r"(\s+)", text)
    for i, chunk in enumerate(pieces):
        m = CORRECTABLE.fullmatch(chunk)
        if m is None:
            continue
        typed = m.group(2)
        new = words.get(typed.lower())
        if new is None:
            continue
        if typed.isupper():
            new = new.upper()
        elif typed[0].isupper():
            new = new[0].upper() + new[1:]
        pieces[i] = m.group(1) + new + m.group(3)
    return "".join(pieces)


def prior(df: int, total: int) -> float:
    """How likely a word is to be what was meant, from the visible documents holding it:
    log(df * idf). Frequency counts, but a word most notes hold ("present", "patient")
    tells notes apart too little to be what a search is for, so it gains less for being
    common ("pregnent": pregnant, not present)."""
    return math.log(df) + math.log(math.log((total + 1) / df) + 1)


def edits(typed: str, candidate: str, distance: int) -> float:
    """The edit distance, a vowel written for another counted as VOWEL_EDIT."""
    if len(typed) != len(candidate):
        return float(distance)
    swaps = [(a, b) for a, b in zip(typed, candidate, strict=True) if a != b]
    if len(swaps) != distance:
        return float(distance)  # a transposition, or more than substitutions
    vowels = sum(1 for a, b in swaps if a in VOWELS and b in VOWELS)
    return distance - vowels * (1 - VOWEL_EDIT)


# Endings a word may carry over another form of it: a typed word that is a candidate plus
# one of them ("fainted", "faint") is that word, not a misspelling of it.
INFLECTIONS = ("s", "es", "d", "ed", "ing", "ly")


def _inflected(typed: str, candidate: str) -> bool:
    """Whether `typed` is `candidate` with an ending of INFLECTIONS."""
    return typed.startswith(candidate) and typed[len(candidate) :] in INFLECTIONS


class Speller:
    """Corrects the words of queries for one reader over one snapshot."""

    def __init__(
        self,
        snap: Snapshot,
        corpus: Corpus,
        hidden: np.ndarray | None,
        dictionary: Dictionary,
        concept_of: Any,
    ) -> None:
        self.snap = snap
        self.corpus = corpus
        self.hidden = hidden
        self.dictionary = dictionary
        self.reader = snap.searcher.reader()
        self.concept_of = concept_of  # word -> its content term (concept token or stem)
        self._visible_size: int | None = None

    def visible(self, field: str, term: str) -> np.ndarray:
        """The visible documents holding a term."""
        ids, _weights = self.corpus.postings(field, term)
        if not len(ids):
            return ids
        keep = self.corpus.alive[ids]
        if self.hidden is not None:
            keep &= ~self.hidden[ids]
        return ids[keep]

    def documents(self, word: str) -> np.ndarray:
        """The visible documents holding a word; for a word of the clinical vocabulary that
        no document spells out, those holding its concept ("suboxone": buprenorphine)."""
        found = self.visible("spell", word)
        if not len(found) and word in self.dictionary.builtin:
            term = self.concept_of(word)
            if term:
                found = self.visible("content", term)
        return found

    def visible_size(self) -> int:
        """How many documents the reader may see (deleted ones aside)."""
        if self._visible_size is None:
            seen = self.corpus.alive if self.hidden is None else self.corpus.alive & ~self.hidden
            self._visible_size = int(np.count_nonzero(seen))
        return self._visible_size

    def known(self, word: str) -> bool:
        if word in self.dictionary.builtin or word in STOP_WORDS:
            return True
        # Counted over what the reader sees: a word common only in hidden documents is not
        # taken as known (whether a word gets respelled must not tell that it is there).
        if self.reader.doc_frequency("spell", word) < COMMON_DOCS:
            return False
        return len(self.visible("spell", word)) >= COMMON_DOCS

    def correct(self, text: str) -> Correction | None:
        typed = list(dict.fromkeys(w.lower() for w in correctable_words(text)))
        if not typed:
            return None
        options: dict[str, list[tuple[float, str, np.ndarray]]] = {}
        for word in typed:
            if not self.known(word):
                found = self.candidates(word)
                if found:
                    options[word] = found
        if not options:
            return None
        right = [self.documents(w) for w in typed if w not in options]
        right = sorted((d for d in right if len(d)), key=len)[:3]
        # Each word weighed with the others: the words spelled right, and the best guess
        # for each other misspelled word ("alchohol withdrawl": alcohol withdrawal).
        chosen = {word: found[0] for word, found in options.items()}
        for _round in range(2):
            for word, found in options.items():
                context = right + [chosen[w][2] for w in options if w != word]
                best = max(found, key=lambda c, context=context: self.with_context(c, context))  # type: ignore[misc]
                chosen[word] = best
        words = {word: choice[1] for word, choice in chosen.items()}
        corrected = rewrite(text, words)
        return Correction(corrected, words) if corrected != text else None

    def with_context(
        self, candidate: tuple[float, str, np.ndarray], context: list[np.ndarray]
    ) -> tuple[float, str]:
        """A candidate's score with how much more often than by chance it occurs with each
        of the query's other words (pointwise mutual information over documents): a common
        word is not preferred for being common."""
        score, word, docs = candidate
        total = max(self.visible_size(), 1)  # the documents `docs` and `other` are from
        for other in context:
            together = int(np.isin(docs, other, assume_unique=True).sum())
            expected = len(docs) * len(other) / total
            score += CONTEXT_WEIGHT * math.log((together + 0.5) / (expected + 0.5))
        return score, word

    def singular_documents(self, word: str) -> int:
        """How many visible documents hold `word` without its final "s" or "es": a plural or
        a possessive typed without its apostrophe ("parkinsons") is the word the notes
        write ("Parkinson's"), searched by the same stem, not a misspelling."""
        most = 0
        for base in (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],):
            # The count over all documents only skips reading postings: what counts is
            # what the reader sees, or hidden documents would decide (as `known`).
            if word.endswith("s") and self.reader.doc_frequency("spell", base) >= KNOWN_DOCS:
                seen = len(self.visible("spell", base))
                if seen >= KNOWN_DOCS:
                    most = max(most, seen)
        return most

    def stem_documents(self, word: str) -> int:
        """How many visible documents hold the stem of `word` (another form of it: "fainted"
        where the notes write "faint" and "fainting"), which the search finds by stemming."""
        return len(self.visible("content", stem(word)))

    def candidates(self, word: str) -> list[tuple[float, str, np.ndarray]]:
        """The likeliest respellings of `word` (score, word, visible documents), best first:
        none when the word is about as common as they are, for this reader."""
        have = max(len(self.documents(word)), self.singular_documents(word))
        # A word whose stem the notes hold ("fainted": faint, fainting) is found by that stem
        # as typed: it is respelled only to a word of the same stem ("fibrilation":
        # fibrillation, "rotater": rotator), never to another word ("fainted" was "failed"),
        # nor to itself less an ending ("faint").
        root = stem(word) if have < KNOWN_DOCS and self.stem_documents(word) >= KNOWN_DOCS else None
        total = max(self.visible_size(), 1)
        if have and len(word) <= SHORT_WORD:
            return []  # a short word the documents hold: likely an abbreviation
        # A word in a few documents may be a typo there too: only a respelling one edit
        # away and far more common replaces it.
        needed = max(1, BETTER * have) if have < KNOWN_DOCS else SUSPECT * have
        scored = []
        for candidate, distance in self.dictionary.candidates(word):
            if have >= KNOWN_DOCS and distance > 1:
                continue
            if root is not None and (stem(candidate) != root or _inflected(word, candidate)):
                continue
            spelled = self.reader.doc_frequency("spell", candidate)
            if spelled and spelled < needed:
                continue  # not better known than the word, whoever reads
            docs = self.documents(candidate)
            if len(docs) < needed:
                continue  # unseen by this reader, or not better known than the word
            score = prior(len(docs), total) - EDIT_COST * edits(word, candidate, distance)
            if candidate[0] != word[0]:
                score -= FIRST_LETTER_COST
            scored.append((score, candidate, docs))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return scored[:TOP_CANDIDATES]
