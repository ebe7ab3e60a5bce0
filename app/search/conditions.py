"""Course words of a keyword query ("exacerbation", "flare") told apart from condition names.

In a query relaxed to any of its words, a note whose title holds a word that only says how a
condition runs ("Asthma exacerbation", "Pediatric - Letter" for "pediatric asthma
exacerbation") should not outrank the notes about the condition. Such a word weighs
MODIFIER_WEIGHT there (`query.Compiler`, `engine.CoordOrMatch`), unless it is part of the
condition's name: "acute" in "acute pancreatitis", "chronic" in "chronic pancreatitis".

Which runs of words are condition names is not something a corpus of a few thousand notes
can tell by counting (docs/search.md, rounds 9-12). ICD-10-CM can: `data/condition_phrases.txt`
holds the runs of two to four words of its descriptions and inclusion terms that join a
course word to another word, stemmed as the index stems them, written by
`scripts/condition_phrases.py` from the `simple-icd-10-cm` package (ICD-10-CM is in the
public domain; the package is MIT-licensed).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.search.analysis import stem

PHRASES_FILE = Path(__file__).parent / "data" / "condition_phrases.txt"
# Words that say how a condition runs, not which condition it is. Age groups are not here:
# they change which case answers (`questions.POPULATION`). Nor are left and right: ICD-10-CM
# writes them beside every body part, so its runs cannot tell them apart.
MODIFIER_WORDS = """
acute chronic subacute recurrent recurring persistent new recent worsening severe mild moderate
exacerbation exacerbations flare flares episode episodes relapse relapses relapsing
""".split()  # noqa: SIM905 (a word list reads better as text)
MODIFIERS = frozenset(stem(w) for w in MODIFIER_WORDS)
# A course word's share of a relaxed query: its BM25 and its weight in the coordination.
MODIFIER_WEIGHT = 0.5
LONGEST = 4  # words in a stored run


@dataclass(frozen=True)
class ConditionPhrases:
    """The stemmed runs of condition names that hold a course word."""

    phrases: frozenset[tuple[str, ...]]

    @classmethod
    def load(cls, path: Path = PHRASES_FILE) -> ConditionPhrases:
        with path.open(encoding="utf-8") as fh:
            lines = [line.split() for line in fh if line.strip() and not line.startswith("#")]
        return cls(frozenset(tuple(words) for words in lines))

    def modifiers(
        self,
        stems: Sequence[str],
        positions: Sequence[int],
        spelled_out: Mapping[int, Sequence[Sequence[str]]] | None = None,
        unread: Collection[int] = (),
    ) -> set[int]:
        """The indexes of `stems` (a query's words, at word `positions`) that are course words
        outside any condition name: no run of adjacent words holding one is a stored run.
        `spelled_out`: the stems an abbreviation at an index stands for ("acute COPD" is
        "acute chronic obstructive pulmonary disease"). `unread`: indexes of abbreviations
        that cannot be spelled out; a course word beside one may be part of its name
        ("acute PE", "chronic AF"), so it keeps its weight."""
        found = set()
        for i, word in enumerate(stems):
            if word not in MODIFIERS or self._named(stems, positions, i):
                continue
            if any(
                abs(positions[j] - positions[i]) == 1 for j in unread if 0 <= j < len(positions)
            ):
                continue
            if not any(
                self._named(*_replaced(stems, positions, j, words), i + (len(words) - 1) * (j < i))
                for j, forms in (spelled_out or {}).items()
                if j != i
                for words in forms
                if words
            ):
                found.add(i)
        return found

    def _named(self, stems: Sequence[str], positions: Sequence[int], i: int) -> bool:
        for length in range(2, LONGEST + 1):
            for start in range(max(i - length + 1, 0), min(i, len(stems) - length) + 1):
                end = start + length
                # Adjacent as typed: a stop word between two words breaks the run.
                if positions[end - 1] - positions[start] != length - 1:
                    continue
                if tuple(stems[start:end]) in self.phrases:
                    return True
        return False


def _replaced(
    stems: Sequence[str], positions: Sequence[int], j: int, words: Sequence[str]
) -> tuple[list[str], list[int]]:
    """`stems` with the word at `j` replaced by `words`, the positions after it moved on."""
    extra = len(words) - 1
    new_stems = [*stems[:j], *words, *stems[j + 1 :]]
    new_positions = [
        *positions[:j],
        *(positions[j] + k for k in range(len(words))),
        *(p + extra for p in positions[j + 1 :]),
    ]
    return new_stems, new_positions


@cache
def condition_phrases() -> ConditionPhrases:
    return ConditionPhrases.load()
