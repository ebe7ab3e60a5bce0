"""Plain-language words mapped to the clinical terms notes use, for query expansion.

The vocabulary is `data/lay_terms.yaml` (by body system; its header says how it was made).
A query's lay phrase ("water pill", "passing out", "sugar") keeps its own weight and gains
the clinical terms ("diuretic", "syncope", "diabetes glucose") at EXPANSION_WEIGHT, so a
document in the patient's words still ranks, and a note in clinical words is found too.
Matching is on stems with stop words dropped (`analysis.stems_of`), the same key the query's
words have, so "water pills" and "passed out" match their entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from app.search.analysis import WORD, glue, stems_of

VOCABULARY_FILE = Path(__file__).parent / "data" / "lay_terms.yaml"
# The clinical terms of a lay phrase weigh this much of the phrase's own words: a note in
# clinical words ranks nearly as a note in the words typed, never above it for the same
# term. Chosen on the development set (lay terms nDCG@10 0.559 at 0.5, 0.611 at 0.7, 0.664
# at 0.9, 0.687 at 1.0, which would no longer weigh them lower).
EXPANSION_WEIGHT = 0.9
# A lay phrase of several words is matched on its words anywhere in a note (the index keeps
# no positions), so "thyroid … low" also finds a thyroid nodule beside a low back: the words
# apart weigh this much, the clinical term they stand for EXPANSION_WEIGHT. Chosen on half
# of judged3's queries (lay terms and questions, 0.3/0.5/0.7; docs/search.md, round 19).
APART_WEIGHT = 0.5
# A sentence puts the level after what is measured ("her potassium is high", "the heart
# rate is very slow"), a keyword query before it ("high potassium", "slow heart rate"): once
# the question's scaffolding is dropped the words are "potassium high", so a form that starts
# with one of these words also matches with it moved to the end.
LEVEL_WORDS = "high low slow fast rapid racing elevated raised irregular".split()  # noqa: SIM905


@dataclass(frozen=True)
class LayVocabulary:
    """Stemmed lay phrases -> clinical terms (as written, analysed when a query uses them)."""

    phrases: dict[tuple[str, ...], tuple[str, ...]]
    longest: int

    @classmethod
    def load(cls, path: Path = VOCABULARY_FILE) -> LayVocabulary:
        with path.open(encoding="utf-8") as fh:
            systems = yaml.safe_load(fh) or {}
        phrases: dict[tuple[str, ...], list[str]] = {}
        # A form that loses a stop word ("with child", "the pill") has the key of the bare
        # word ("child", "pills"), which means something else: where both are listed, the
        # form whose every word is in its key wins.
        whole: set[tuple[str, ...]] = set()
        shortened: list[tuple[tuple[str, ...], list]] = []
        for entries in systems.values():
            for lay, clinical in (entries or {}).items():
                form = str(lay).replace("'", "")
                key = tuple(stems_of(form))
                if not key:
                    continue
                if len(key) < len(WORD.findall(glue(form.lower()))):
                    shortened.append((key, clinical or []))
                    continue
                whole.add(key)
                _add(phrases, key, clinical or [])
        for key, clinical in shortened:
            if key not in whole:
                _add(phrases, key, clinical)
        levels = {stem for word in LEVEL_WORDS for stem in stems_of(word)}
        for key in [k for k in phrases if len(k) > 1 and k[0] in levels]:
            # A form listed in that order already ("heart racing") keeps its own terms.
            phrases.setdefault((*key[1:], key[0]), list(phrases[key]))
        longest = max((len(k) for k in phrases), default=0)
        return cls({k: tuple(v) for k, v in phrases.items()}, longest)

    def match(self, stems: Sequence[str], start: int) -> tuple[int, tuple[str, ...]]:
        """The longest lay phrase at `stems[start:]`: (words it covers, clinical terms), or
        (0, ()) when none starts there."""
        for length in range(min(self.longest, len(stems) - start), 0, -1):
            found = self.phrases.get(tuple(stems[start : start + length]))
            if found:
                return length, found
        return 0, ()

    def covered(self, stems: Sequence[str]) -> set[int]:
        """Indexes of `stems` inside a lay phrase (the longest at each start, left to right)."""
        found: set[int] = set()
        i = 0
        while i < len(stems):
            span, _ = self.match(stems, i)
            found.update(range(i, i + span))
            i += span or 1
        return found


def _add(phrases: dict[tuple[str, ...], list[str]], key: tuple[str, ...], terms: list) -> None:
    target = phrases.setdefault(key, [])
    for term in terms:
        if str(term) not in target:
            target.append(str(term))


@cache
def vocabulary() -> LayVocabulary:
    return LayVocabulary.load()
