"""Clinical names a search's words may hold that the de-identification gate reads as a
person's or a facility's ("Tommy John surgery", "Sister Mary Joseph nodule", "Mayo Clinic
criteria"): a case's prose gives the gate the context to tell them apart, a search's few
words rarely do. `data/eponyms.txt` lists them; a finding that lies wholly inside one is
taken as marked "A clinical term", and any other finding still refuses the words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from app.deid.gate import Acceptance, FieldFinding, finding_digest

EPONYMS_FILE = Path(__file__).parent / "data" / "eponyms.txt"
# Only what a clinical name can be mistaken for; an ID, a phone or a date never is one.
_CATEGORIES = frozenset({"NAME", "FACILITY", "LOCATION"})
_REASON = "clinical_term"


@cache
def _eponyms() -> re.Pattern[str] | None:
    phrases = []
    for line in EPONYMS_FILE.read_text(encoding="utf-8").splitlines():
        words = re.split(r"[\s-]+", line.split("#", 1)[0].strip())
        if words != [""]:
            phrases.append(r"[\s-]+".join(re.escape(w) for w in words))
    if not phrases:
        return None
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(phrases) + r")(?![\w'’-])", re.IGNORECASE)


def eponym_acceptances(field: str, text: str, findings: Iterable[FieldFinding]) -> list[Acceptance]:
    """Acceptances of the `findings` of `text` (in `field`) that lie inside a listed name."""
    pattern = _eponyms()
    if pattern is None:
        return []
    spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    return [
        Acceptance(
            field,
            f.start,
            f.end,
            _REASON,
            category=f.category,
            digest=finding_digest(text[f.start : f.end]),
        )
        for f in findings
        if f.field == field
        and f.category in _CATEGORIES
        and any(s <= f.start and f.end <= e for s, e in spans)
    ]
