"""Word lists used by the detector, loaded once (thread-safe lazy cache)."""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

_LOCK = threading.Lock()
_CACHE: Lexicon | None = None


@dataclass(frozen=True)
class Lexicon:
    first: frozenset[str]  # first names: US census and international (lowercase)
    last: frozenset[str]  # surnames: US census and international (lowercase)
    ambiguous: frozenset[str]  # names that are also ordinary English words
    intl_only: frozenset[str]  # names in the international lists only (not the census)
    cities: frozenset[str]  # US city / town / county names (lowercase, may hold spaces)
    common_cities: frozenset[str]  # city names that are also ordinary words
    common: frozenset[str]  # common English words
    clinical: frozenset[str]  # eponyms, drugs, devices, clinical words
    max_city_words: int
    street_suffixes: frozenset[str]  # USPS Pub. 28 suffix names and abbreviations (lowercase)
    unit_designators: frozenset[str]  # USPS Pub. 28 secondary unit designators (lowercase)


def _read_gz(name: str) -> frozenset[str]:
    with gzip.open(DATA_DIR / name, "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip())


def _read_txt(name: str) -> frozenset[str]:
    words: set[str] = set()
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0]
            words.update(w.lower() for w in line.split())
    return frozenset(words)


def get() -> Lexicon:
    """Return the process-wide lexicon, loading it on first use."""
    global _CACHE
    lex = _CACHE
    if lex is not None:
        return lex
    with _LOCK:
        if _CACHE is None:
            cities = _read_gz("cities.txt.gz")
            first, last = _read_gz("first_names.txt.gz"), _read_gz("surnames.txt.gz")
            intl_first, intl_last = _read_gz("intl_first.txt.gz"), _read_gz("intl_last.txt.gz")
            _CACHE = Lexicon(
                # Census lists plus given names and surnames of many origins
                first=first | intl_first,
                last=last | intl_last,
                intl_only=(intl_first | intl_last) - first - last,
                ambiguous=_read_gz("ambiguous.txt.gz"),
                cities=cities,
                common_cities=_read_gz("common_cities.txt.gz"),
                common=_read_gz("common_words.txt.gz"),
                clinical=_read_txt("clinical_terms.txt"),
                max_city_words=max(len(c.split()) for c in cities),
                street_suffixes=_read_txt("street_suffixes.txt"),
                unit_designators=_read_txt("unit_designators.txt"),
            )
        return _CACHE
