"""Small helpers shared by the models and operations of every capability."""

from __future__ import annotations

import enum
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime

import sqlalchemy as sa


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    """The app's one "today": the UTC date, as every stored timestamp is UTC. The server's
    local date differs from it for hours each day, and pages reading both disagreed then
    (tests/test_clock.py keeps every other reading of the clock out of `app`)."""
    return utcnow().date()


def enum_column(enum_cls: type[enum.Enum], length: int = 32) -> sa.Enum:
    """A portable enum column that stores the members' values, checked by a constraint."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=length,
        validate_strings=True,
        values_callable=lambda members: [m.value for m in members],
        name=enum_cls.__name__.lower(),
    )


def text_key(text: str) -> str:
    """The key two names share when they differ only in case, width or spacing
    ("Ärztliche  Übergabe", "ÄRZTLICHE ÜBERGABE"): NFKC, Unicode case folding, one space.
    SQL `lower()` cannot stand in for it: SQLite folds ASCII letters only."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


def slugify(text: str, max_length: int = 64) -> str:
    normalised = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", normalised.lower()).strip("-")
    return slug[:max_length].strip("-") or "item"


def name_slugs(name: str, tries: int = 1) -> Iterator[str]:
    """Slugs of `name` from the name alone, best first: a name its plain slug spells back
    word for word ("Hepatitis C": "hepatitis-c") has that one, which no other name can;
    any other ("Woodworm!", "COVID-19", a name cut to fit) is told apart by a digest of its
    key, and `tries` digests follow for a slug already taken."""
    base = slugify(name)
    key = text_key(name)
    if key == base.replace("-", " "):
        yield base
    for n in range(tries):
        suffix = "-" + hashlib.sha256(f"{key}\n{n}".encode()).hexdigest()[:8]
        yield f"{base[: 64 - len(suffix)].rstrip('-')}{suffix}"
