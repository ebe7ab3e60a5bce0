"""Re-identification risk: quasi-identifiers that together may point at one person.

With every identifier removed, "a sheriff's wife in a small town with Fabry disease, struck
by lightning on Christmas Eve" can still name someone. `assess` finds such phrases (a rare
condition, a public role, a small-place cue, an unusual event, a precise date or weekday,
an age in the late eighties) and warns when two or more kinds occur together. It never
blocks: the author generalizes, or the reviewing coordinator confirms the case as it is.

Like the gate's findings, signals carry field, offsets and kind only, never the text.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from app.common import utcnow
from app.deid.lexicon import DATA_DIR

KINDS: dict[str, tuple[str, str]] = {
    # kind: (label, how to generalize)
    "rare_condition": (
        "Rare condition",
        'Name the group ("a rare metabolic disorder") unless the diagnosis is the teaching'
        " point; then keep the place and dates vague.",
    ),
    "role": (
        "Occupation or role",
        'Describe the role generally ("a public official", "a relative in law enforcement").',
    ),
    "small_place": (
        "Small community",
        'Say "a rural community" instead of describing the town.',
    ),
    "event": (
        "Unusual event",
        "Describe the event without the details that made it news (when, where, how rare).",
    ),
    "precise_date": (
        "Precise date or day",
        'Use intervals ("three days later") or a season instead of dates, weekdays or holidays.',
    ),
    "age": (
        "Advanced age",
        'Give an age band ("in her eighties").',
    ),
}

# Two kinds together are enough to narrow a population; one alone is ordinary case detail.
WARN_AT_KINDS = 2

RX_DAY = re.compile(
    r"\b(?:(?:on|last|this|next|that)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday)|(?:on\s+)?(?:Christmas(?:\s+(?:Eve|Day))?|Thanksgiving(?:\s+Day)?|New\s+Year'?s"
    r"(?:\s+(?:Eve|Day))?|Easter(?:\s+Sunday)?|Independence\s+Day|Fourth\s+of\s+July|Labor\s+Day"
    r"|Memorial\s+Day|Halloween|Valentine'?s\s+Day|Mother'?s\s+Day|Father'?s\s+Day))\b"
)
RX_AGE = re.compile(
    r"\b(?:8[5-9]|9\d|1[01]\d)(?:\s*|-)(?:years?|yrs?|y)(?:\s*|-)old\b"
    r"|\b(?:8[5-9]|9\d|1[01]\d)\s*(?:yo|y/o)\b"
    r"|\b(?:late\s+eighties|nineties|centenarian|supercentenarian)\b"
    # A labelled age, as a free field reads after its key ("age years: 97", "age: 87").
    r"|\bage\b(?![a-z ]*\b(?:days?|weeks?|wks?|months?|mos?)\b[a-z ]*:)"
    r"[a-z ]{0,30}:\s*(?:8[5-9]|9\d|1[01]\d)(?:\.\d+)?(?![\d.])"
    r"(?!\s*(?:days?|d|weeks?|wks?|w|months?|mos?|m)\b)",
    re.IGNORECASE,
)
# A labelled year of birth ("birth year: 1931"); an age of 85 or more is a signal.
RX_BIRTH_YEAR = re.compile(
    r"\b(?:birth\s+year|year\s+of\s+birth|yob|born(?:\s+in)?)\b[a-z ]{0,20}:?\s*"
    r"((?:18|19|20)\d\d)\b",
    re.IGNORECASE,
)
BIRTH_YEAR_AGE = 85

_LOCK = threading.Lock()
_PATTERNS: dict[str, re.Pattern] | None = None


def _patterns() -> dict[str, re.Pattern]:
    global _PATTERNS
    if _PATTERNS is None:
        with _LOCK:
            if _PATTERNS is None:
                phrases: dict[str, list[str]] = {}
                kind = ""
                for line in (DATA_DIR / "quasi_identifiers.txt").read_text("utf-8").splitlines():
                    line = line.split("#", 1)[0].strip()
                    if line.startswith("[") and line.endswith("]"):
                        kind = line[1:-1]
                    elif line:
                        phrases.setdefault(kind, []).append(line)
                _PATTERNS = {
                    k: re.compile(
                        r"\b(?:"
                        + "|".join(
                            r"[\s-]+".join(map(re.escape, p.split()))
                            for p in sorted(v, key=len, reverse=True)
                        )
                        + r")\b",
                        re.IGNORECASE,
                    )
                    for k, v in phrases.items()
                }
    return _PATTERNS


@dataclass(frozen=True)
class RiskSignal:
    field: str
    start: int
    end: int
    kind: str

    @property
    def label(self) -> str:
        return KINDS[self.kind][0]

    @property
    def advice(self) -> str:
        return KINDS[self.kind][1]

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "label": self.label, "advice": self.advice}


@dataclass(frozen=True)
class RiskWarning:
    """Quasi-identifiers that occur together in one submission."""

    signals: list[RiskSignal] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return sorted({s.kind for s in self.signals})

    @property
    def level(self) -> str:
        return "high" if len(self.kinds) >= WARN_AT_KINDS + 1 else "moderate"

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "kinds": self.kinds,
            "message": MESSAGE,
            "signals": [s.to_dict() for s in self.signals],
        }


MESSAGE = (
    "No single phrase here is an identifier, but together these details may point at one"
    " person. Generalize them where the teaching allows; a coordinator confirms at review."
)


def signals(field_name: str, text: str) -> list[RiskSignal]:
    """Every quasi-identifier phrase in text, in order, non-overlapping per kind."""
    return list(_signals(field_name, text))


# Lists of cases (the API's above all) assess every listed case's saved texts on each
# request; the answer depends on the text alone. Frozen signals, so sharing them is safe.
@lru_cache(maxsize=2048)
def _signals(field_name: str, text: str) -> tuple[RiskSignal, ...]:
    found: list[RiskSignal] = []
    patterns = [*_patterns().items(), ("precise_date", RX_DAY), ("age", RX_AGE)]
    for kind, rx in patterns:
        found.extend(RiskSignal(field_name, m.start(), m.end(), kind) for m in rx.finditer(text))
    this_year = utcnow().year
    found.extend(
        RiskSignal(field_name, m.start(), m.end(), "age")
        for m in RX_BIRTH_YEAR.finditer(text)
        if this_year - int(m.group(1)) >= BIRTH_YEAR_AGE
    )
    return tuple(sorted(found, key=lambda s: (s.start, s.end)))


def assess(
    values: Mapping[str, str | None], cues: Mapping[str, str] | None = None
) -> RiskWarning | None:
    """A warning when the texts of one submission together hold two or more kinds of
    quasi-identifier (case fields are read together: a role in one box and a town in
    another combine); None otherwise. `cues`: by field, words its text is read after (a
    free field's key, as the gate reads its numbers: "age years: 97"); a signal keeps the
    offsets of its part in the text, and one that lies in the cue alone does not count."""
    found = []
    for name, text in values.items():
        if not text:
            continue
        cue = (cues or {}).get(name, "")
        if not cue:
            found.extend(signals(name, text))
            continue
        for s in signals(name, cue + text):
            start, end = s.start - len(cue), s.end - len(cue)
            if end > 0:
                found.append(RiskSignal(name, max(start, 0), end, s.kind))
    if len({s.kind for s in found}) < WARN_AT_KINDS:
        return None
    return RiskWarning(found)
