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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from app.search.analysis import GLUED_ANY_CASE, WORD, glue

ABBREVIATIONS_FILE = Path(__file__).parent / "data" / "abbreviations.yaml"
# The expansions weigh as much as the abbreviation: they say the same thing, and notes use
# both. Chosen on eval/search/dev-abbrev (docs/search.md).
EXPANSION_WEIGHT = 1.0
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


@dataclass(frozen=True)
class Abbreviations:
    any_case: dict[str, tuple[str, ...]]  # by lower-case form
    capitals: dict[str, tuple[str, ...]]  # by the form in capitals

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
        return cls(any_case, capitals)

    def expansions(self, token: str) -> tuple[str, ...]:
        """What `token` (as typed) stands for, or () when it is not a listed abbreviation."""
        if token.isupper() and token in self.capitals:
            return self.capitals[token]
        return self.any_case.get(token.lower(), ())

    def find(self, text: str, kept: set[int]) -> list[Found]:
        """The listed abbreviations in `text`; `kept` are the positions of the words analysis
        kept (not stop words)."""
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
            if not expansions:
                continue
            positions = {
                pos
                for pos, (start, end) in enumerate(spans)
                if start >= match.start() and end <= match.end()
            }
            inside = positions & kept
            if inside:
                found.append(
                    Found(match.group(), frozenset(inside), inside == positions, expansions)
                )
        return found


@cache
def abbreviations() -> Abbreviations:
    return Abbreviations.load()
