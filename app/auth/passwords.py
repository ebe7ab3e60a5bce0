"""What makes a password acceptable: length, estimated strength (zxcvbn) and absence from
a list of passwords leaked from other sites, shipped with Casebook (nothing is fetched)."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from zxcvbn import zxcvbn

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 200
# zxcvbn scores 0-4; 3 means "safely unguessable: moderate protection from offline attacks".
MIN_STRENGTH = 3
# zxcvbn's running time grows with length; its estimate for the first 72 characters is
# already far above the threshold for any password that long.
_SCORED_PREFIX = 72
COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent / "data" / "common_passwords.txt.gz"


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The 100,000 most common leaked passwords (SecLists), lowercased."""
    with gzip.open(COMMON_PASSWORDS_FILE, "rt", encoding="utf-8") as fh:
        return frozenset(line.rstrip("\n").lower() for line in fh if line.strip())


def is_breached(password: str) -> bool:
    candidate = password.strip().lower()
    return candidate in common_passwords()


def password_problem(
    password: str, *, field_label: str = "Password", user_inputs: Iterable[str] = ()
) -> str | None:
    """Why this password is refused, in a sentence naming the field, or None if it is fine.

    `user_inputs` (email, name) count as easy to guess when they appear in the password."""
    if not password.strip():
        return f"{field_label} cannot be empty or only spaces."
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"{field_label} must be at least {MIN_PASSWORD_LENGTH} characters."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"{field_label} must be at most {MAX_PASSWORD_LENGTH} characters."
    if is_breached(password):
        return (
            f"{field_label} is in a list of passwords leaked from other sites, so attackers "
            "try it first. Choose another."
        )
    inputs = [piece for value in user_inputs if value for piece in _pieces(value)]
    result = zxcvbn(password[:_SCORED_PREFIX], user_inputs=inputs)
    if result["score"] < MIN_STRENGTH:
        feedback = result["feedback"]
        hint = " ".join(
            part for part in [feedback.get("warning") or "", *feedback.get("suggestions", [])]
        ).strip()
        return f"{field_label} is too easy to guess. " + (
            hint or "Use a longer phrase of several uncommon words."
        )
    return None


def _pieces(value: str) -> list[str]:
    """An email or name and its parts ("dana.whitfield@example.org" → dana, whitfield…)."""
    lowered = value.lower()
    parts = [lowered]
    for separator in "@. -_":
        lowered = lowered.replace(separator, " ")
    parts += [p for p in lowered.split() if len(p) >= 3]
    return parts
