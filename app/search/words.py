"""The gate for a search's words, wherever they are read: searching, saving a search and
naming it. A few words give the detector no sentence to go by, so two rules differ from a
case's prose: a first and a last name in any case are a finding ("john smith hepatitis"),
and a clinical name the gate reads as a person's ("Tommy John surgery", `eponyms.py`) needs
no tick."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from app.auth.policy import Viewer
from app.deid.gate import Acceptance, FieldFinding, IdentifiersFound
from app.deid.operations import guard
from app.search.eponyms import eponym_acceptances


def guard_words(
    values: Mapping[str, str | None],
    accepted: Iterable[Acceptance] = (),
    *,
    actor: Viewer,
    words: Collection[str] = ("q",),
) -> list[tuple[FieldFinding, str]]:
    """`guard` for `values`, of which the fields `words` hold search words: raises
    IdentifiersFound, or returns the findings the author marked, with their reasons (a
    clinical name let through by the list is none of them)."""
    accepted = list(accepted)
    try:
        return guard(values, accepted, actor=actor, words=words)
    except IdentifiersFound as found:
        named = [
            acceptance
            for name in words
            for acceptance in eponym_acceptances(name, values.get(name) or "", found.findings)
        ]
        if not named:
            raise
        overridden = guard(values, [*accepted, *named], actor=actor, words=words)
    marked = {(a.field, a.start, a.end) for a in accepted}
    listed = {(a.field, a.start, a.end) for a in named} - marked
    return [(f, reason) for f, reason in overridden if (f.field, f.start, f.end) not in listed]
