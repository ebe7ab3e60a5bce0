"""Clinical abbreviations the synonym table does not hold, expanded when a query is compiled.

`data/abbreviations.yaml` maps an abbreviation as a provider types it ("ACDF", "I&D", "T&A",
"lumbar ESI") to what it stands for. The abbreviation keeps its own weight and its
expansions are searched beside it at EXPANSION_WEIGHT (`query.Compiler`), so a note that
writes the words out is found too, and the index is not rebuilt (the table's concepts,
`analysis.CLINICAL_SYNONYMS`, are indexed; these are not).

Matching is on the words as typed, not on stems: analysis drops a stop word inside an
abbreviation ("T&A" analyses to "t", "I&D" to "d"), which then cannot be told from a bare
letter. Where a stop word was dropped, the letters left are not searched on their own
(every "T-spine" would match "T&A"); the expansions are. Some abbreviations match only when
typed in capitals, where the lower-case form is an everyday word ("PEG", "PAD").

Letters with several meanings (`ambiguous` in the file: "PE", "MVR", "CEA") are read from
the query's other words: each meaning lists words that go with it ("acute", "clot", "dvt"
for a pulmonary embolism; "ear", "tubes" for pressure-equalisation tubes), and the meaning
whose words the query holds most is expanded. A meaning with no expansion is one nobody
searches for (an eye surgeon's MVR blade, the PE of a physical exam): chosen, it leaves the
letters alone. With no such word in the query, the entry's `default` meaning is expanded,
or, without one, every meaning that has an expansion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from app.search.analysis import GLUED_ANY_CASE, WORD, glue, stems_of

ABBREVIATIONS_FILE = Path(__file__).parent / "data" / "abbreviations.yaml"
# The expansions weigh as much as the abbreviation: they say the same thing, and notes use
# both. Chosen on eval/search/dev-abbrev (docs/search.md).
EXPANSION_WEIGHT = 1.0
# Letters of several meanings, once one is chosen from the query's other words, weigh less
# than their expansion: the notes also write them for the other meanings.
AMBIGUOUS_LETTERS_WEIGHT = 0.5
# An abbreviation as typed: letters and digits, an "&" or "/" inside kept ("I&D", "n/v").
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[&/][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Found:
    """An abbreviation in a query: as typed, the positions of its words (as `analysis`
    numbers them), whether analysis kept all of them, and what it stands for."""

    typed: str
    positions: frozenset[int]
    whole: bool
    expansions: tuple[str, ...]
    letters_weight: float = 1.0


@dataclass(frozen=True)
class Sense:
    """One meaning of ambiguous letters: what it stands for (nothing for a meaning nobody
    searches for) and the stems of the words that go with it in a query."""

    expansions: tuple[str, ...]
    context: frozenset[str]


@dataclass(frozen=True)
class Ambiguous:
    senses: tuple[Sense, ...]
    default: int | None  # the meaning read when the query says nothing; None: every one
    capitals_only: bool

    def choose(self, context: set[str]) -> tuple[str, ...]:
        """The expansions the query's other words (`context`, stems) point to."""
        scores = [len(sense.context & context) for sense in self.senses]
        best = max(scores)
        if best:
            chosen = [s for s, score in zip(self.senses, scores, strict=True) if score == best]
        elif self.default is not None:
            chosen = [self.senses[self.default]]
        else:
            chosen = list(self.senses)
        if any(not sense.expansions for sense in chosen):
            return ()  # a meaning nobody searches for: the letters as typed
        return tuple(e for sense in chosen for e in sense.expansions)


@dataclass(frozen=True)
class Abbreviations:
    any_case: dict[str, tuple[str, ...]]  # by lower-case form
    capitals: dict[str, tuple[str, ...]]  # by the form in capitals
    ambiguous: dict[str, Ambiguous] = field(default_factory=dict)  # by lower-case form

    @classmethod
    def load(cls, path: Path = ABBREVIATIONS_FILE) -> Abbreviations:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
        any_case = {
            str(k).lower(): tuple(str(t) for t in v)
            for k, v in (data.get("any_case") or {}).items()
        }
        capitals = {
            str(k).upper(): tuple(str(t) for t in v)
            for k, v in (data.get("capitals_only") or {}).items()
        }
        ambiguous = {
            str(k).lower(): _ambiguous(v) for k, v in (data.get("ambiguous") or {}).items()
        }
        return cls(any_case, capitals, ambiguous)

    def expansions(self, token: str) -> tuple[str, ...]:
        """What `token` (as typed) stands for, or () when it is not a listed abbreviation
        (ambiguous letters are read with the query's other words, by `find`)."""
        if token.isupper() and token in self.capitals:
            return self.capitals[token]
        return self.any_case.get(token.lower(), ())

    def _ambiguous(self, token: str) -> Ambiguous | None:
        entry = self.ambiguous.get(token.lower())
        if entry is None or (entry.capitals_only and not token.isupper()):
            return None
        return entry

    def find(
        self, text: str, kept: set[int], context: dict[int, set[str]] | None = None
    ) -> list[Found]:
        """The listed abbreviations in `text`; `kept` are the positions of the words analysis
        kept (not stop words), `context` the stems (and concept tokens) of each of them, by
        which ambiguous letters are read."""
        if not text:
            return []
        # Words numbered as `ClinicalAnalyzer.words` numbers them, on text of the same length
        # as `text` (lower-casing "İ" adds a character: glue the text as typed instead).
        lowered = text.lower()
        if len(lowered) == len(text):
            glued = glue(lowered)
        else:
            glued = GLUED_ANY_CASE.sub(lambda m: m.group()[0] + "_" + m.group(1), text)
        spans = [(m.start(), m.end()) for m in WORD.finditer(glued)]
        found = []
        for match in TOKEN.finditer(text):
            expansions = self.expansions(match.group())
            ambiguous = None if expansions else self._ambiguous(match.group())
            if not expansions and ambiguous is None:
                continue
            positions = {
                pos
                for pos, (start, end) in enumerate(spans)
                if start >= match.start() and end <= match.end()
            }
            inside = positions & kept
            if not inside:
                continue
            letters_weight = 1.0
            if ambiguous is not None:
                around = {
                    key
                    for pos, keys in (context or {}).items()
                    if pos not in positions
                    for key in keys
                }
                expansions = ambiguous.choose(around)
                if not expansions:
                    continue
                letters_weight = AMBIGUOUS_LETTERS_WEIGHT
            found.append(
                Found(
                    match.group(),
                    frozenset(inside),
                    inside == positions,
                    expansions,
                    letters_weight,
                )
            )
        return found


def _ambiguous(entry: dict) -> Ambiguous:
    senses = tuple(
        Sense(
            tuple(str(t) for t in (sense.get("means") or ())),
            frozenset(s for word in sense.get("with") or () for s in stems_of(str(word))),
        )
        for sense in entry["senses"]
    )
    default = entry.get("default")
    return Ambiguous(
        senses,
        None if default is None else int(default),
        bool(entry.get("capitals_only", False)),
    )


@cache
def abbreviations() -> Abbreviations:
    return Abbreviations.load()
