"""The gate on web forms: findings shown in place, and "not an identifier" read back.

A refused form comes back with a panel per field: the text as submitted with each finding
marked, and for each finding a "Not an identifier" checkbox with a reason. The checkbox
carries the field, the offsets in the text as submitted, the category and a digest of the
finding's text (`field|start|end|CATEGORY|digest`); the reason comes from a select named
`reason|` and the same key. Edited text is scanned again, and a tick left on accepts only
the same text of the same category at the same place: whatever else an edit puts there
blocks again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from app.deid.gate import (
    ACCEPT_REASONS,
    Acceptance,
    FieldFinding,
    MarkingRule,
    finding_digest,
    parse_acceptances,
    scan_fields,
)
from app.deid.risk import MESSAGE, assess

ACCEPT_INPUT = "accept_finding"
# Sent back by a page whose author the gate let mark findings of every category: a display
# hint only (the gate decides again on every save), read when a refusal is not the gate's.
FIRM_HINT = "deid_firm"
REASON_PREFIX = "reason|"
# A key as the form writes it. A bare `field|start|end` (the page's older form) is no tick:
# it would accept whatever an edit put at those offsets.
_BOUND_KEY = re.compile(r"(?P<place>.+)\|(?P<category>[A-Z_]{1,20})\|(?P<digest>[0-9a-f]{16})")
CATEGORY_LABELS = {
    "NAME": "Name",
    "DATE": "Date",
    "AGE": "Age over 89",
    "PHONE": "Phone or fax",
    "EMAIL": "Email",
    "SSN": "Social security number",
    "ID": "Record or account number",
    "VEHICLE": "Vehicle identifier",
    "DEVICE": "Device identifier",
    "URL": "Web address",
    "IP": "IP address",
    "ADDRESS": "Street address or ZIP",
    "LOCATION": "Place smaller than a state",
    "FACILITY": "Facility name",
}


@dataclass(frozen=True)
class Mark:
    """One finding, with offsets in the gate's text (for the form) and in the shown text."""

    field: str
    start: int
    end: int
    category: str
    accepted: bool
    reason: str
    number: int = 0
    digest: str = ""
    # None: the author may tick it; else why they may not (no box is shown, only this).
    firm: str | None = None

    @property
    def key(self) -> str:
        return finding_key(self.field, self.start, self.end, self.category, self.digest)

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS.get(self.category, self.category.title())


@dataclass
class Panel:
    """The text of one box on the form with its findings marked; `notes` say what only the
    text as shown holds (no offsets to mark, nothing to tick)."""

    key: str
    label: str
    segments: list[tuple[str, Mark | None]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The author may tick findings of every category: the page says so (`FIRM_HINT`), so
    # that a refusal that is not the gate's shows them their boxes again.
    firm_markable: bool = False
    # Who may mark the findings of this box that its author may not ("" when unknown).
    who: str = ""


def finding_key(name: str, start: int, end: int, category: str, digest: str) -> str:
    """A tick's checkbox value: `read_key` reads it back."""
    return f"{name}|{start}|{end}|{category}|{digest}"


def acceptance_fields(acceptances: Iterable[Acceptance]) -> list[tuple[str, str]]:
    """The form fields (ticks and reasons) that `acceptances_from_form` reads back as
    `acceptances`: for a link that opens a form or a search with its findings marked."""
    fields: list[tuple[str, str]] = []
    for a in acceptances:
        key = finding_key(a.field, a.start, a.end, a.category or "", a.digest or "")
        fields += [(ACCEPT_INPUT, key), (REASON_PREFIX + key, a.reason)]
    return fields


def read_key(value: str) -> tuple[str, str, str, str | None, str | None]:
    """(field, start, end, category, digest) of a checkbox's value, as text."""
    bound = _BOUND_KEY.fullmatch(value)
    place = bound["place"] if bound else value
    name, _, end = place.rpartition("|")
    name, _, start = name.rpartition("|")
    return (name, start, end, *((bound["category"], bound["digest"]) if bound else (None, None)))


def acceptances_from_form(form: Any) -> list[Acceptance]:
    """Accepted findings from a submitted form, checked by `parse_acceptances`."""
    items, bindings = [], []
    for value in form.getlist(ACCEPT_INPUT):
        name, start, end, category, digest = read_key(str(value))
        if category is None or digest is None:
            continue  # unbound: the finding blocks again and is shown to tick afresh
        items.append(
            {
                "field": name,
                "start": start,
                "end": end,
                "reason": form.get(REASON_PREFIX + str(value), ""),
            }
        )
        bindings.append((category, digest))
    return [
        replace(a, category=category, digest=digest, origin=None)
        for a, (category, digest) in zip(parse_acceptances(items), bindings, strict=True)
    ]


def _marks(
    findings: Iterable[FieldFinding],
    accepted: Iterable[Acceptance],
    text: str,
    rule: MarkingRule | None,
) -> list[Mark]:
    by_place = {(a.field, a.start, a.end): a for a in accepted}
    out = []
    for f in findings:
        given = by_place.get((f.field, f.start, f.end))
        ticked = given is not None and given.covers(f, text)
        if rule is None:
            # A refusal that is not the gate's (a required box left empty) says nothing of
            # who may mark what: a firm finding keeps its box only if it was ticked (the
            # gate showed one), so no box appears that the gate would then refuse.
            firm = None if ticked else _firm_note(f.category, _unknown_rule())
        else:
            firm = (
                None if rule.may_mark(f.category, f.field) else rule.message([f.category], f.field)
            )
        ticked = ticked and firm is None
        reason = given.reason if given is not None and ticked else ""
        digest = finding_digest(text[f.start : f.end])
        out.append(
            Mark(f.field, f.start, f.end, f.category, ticked, reason, digest=digest, firm=firm)
        )
    return out


def _firm_note(category: str, rule: MarkingRule) -> str | None:
    return None if rule.may_mark(category) else rule.message([category])


def _unknown_rule() -> MarkingRule:
    """The rule when nobody's rights were applied: every firm category held back."""
    from app.auth.policy import FIRM_FINDING_CATEGORIES

    return MarkingRule(FIRM_FINDING_CATEGORIES)


def _panel(key: str, label: str, text: str, marks: list[Mark], offset: int) -> Panel:
    panel = Panel(key, label)
    position = 0
    for mark in sorted(marks, key=lambda m: m.start):
        start, end = mark.start - offset, mark.end - offset
        if start < position:  # overlapping findings: show the first one only
            continue
        panel.segments.append((text[position:start], None))
        panel.segments.append((text[start:end], mark))
        panel.marks.append(mark)
        position = end
    panel.segments.append((text[position:], None))
    return panel


def build_panels(
    texts: Mapping[str, str],
    labels: Mapping[str, str],
    accepted: Iterable[Acceptance] = (),
    *,
    spans: Mapping[str, Mapping[str, tuple[int, int, str]]] | None = None,
    cues: Mapping[str, str] | None = None,
    found: Mapping[str, list[FieldFinding]] | None = None,
    hidden: Mapping[str, str] | None = None,
    rule: MarkingRule | None = None,
) -> dict[str, Panel]:
    """Panels, by form key, for every field of `texts` (the gate's field names and the exact
    text it scans) that holds findings. `found` holds findings the gate made already, by
    field (an `IdentifiersFound`'s); only the other texts are scanned here. `spans` splits
    one gate field over several boxes: {field: {box key: (start, end, label)}}; findings
    outside every box stay on the field. `hidden`: a note by field, for what only its text
    as shown holds (an `IdentifiersFound`'s hidden findings). `cues`: the words the gate
    reads a text after, by field. `rule`: which findings the author may tick (the gate's
    refusal says; None when the gate did not refuse)."""
    accepted = list(accepted)
    panels: dict[str, Panel] = {}
    number = 0
    for name, text in texts.items():
        known = (found or {}).get(name)
        found_here = known if known is not None else scan_fields({name: text}, cues)
        marks = _marks(found_here, accepted, text, rule)
        note = (hidden or {}).get(name)
        if not marks and not note:
            continue
        numbered = []
        for mark in marks:
            number += 1
            numbered.append(replace(mark, number=number))
        boxes = (spans or {}).get(name, {})
        left = list(numbered)
        for box, (start, end, label) in boxes.items():
            inside = [m for m in left if m.start >= start and m.end <= end]
            if inside:
                panels[box] = _panel(box, label, text[start:end], inside, start)
                left = [m for m in left if m not in inside]
        if left or note:
            panels[name] = _panel(name, labels.get(name, name), text, left, 0)
            panels[name].notes.extend([note] if note else [])
    if rule is not None:
        for key, panel in panels.items():
            panel.firm_markable = not rule.firm_in(key)
            panel.who = rule.who_in(key)
    return panels


TICK_ADVICE = (
    "Each possible identifier is highlighted below. Remove or reword it, or, if it is not an"
    " identifier, tick “Not an identifier” and choose a reason. Then save again."
)


def refusal_advice(panels: Mapping[str, Panel]) -> str:
    """What a refused form's banner tells its author to do with the findings shown: the
    tick is offered only when some finding on the page has a box for this author."""
    marks = [(mark, panel) for panel in panels.values() for mark in panel.marks]
    if any(mark.firm is None for mark, _ in marks):
        return TICK_ADVICE
    if not marks:  # only what the text as shown holds, which nobody marks
        return (
            "Each possible identifier is named below: it appears once formatting is removed."
            " Rewrite it without hidden characters or formatting. Then save again."
        )
    whos = list(dict.fromkeys(panel.who for mark, panel in marks if panel.who))
    who = f" (only {whos[0]} can)" if len(whos) == 1 else " (each says who can)" if whos else ""
    return (
        "Each possible identifier is highlighted below. Remove or reword it so that it no"
        " longer reads as one: none of them can be marked “Not an identifier” by you"
        f"{who}. Then save again."
    )


def reason_choices() -> list[tuple[str, str]]:
    return list(ACCEPT_REASONS.items())


@dataclass(frozen=True)
class RiskNote:
    """One kind of quasi-identifier, the phrases that raise it, and how to generalize them."""

    kind: str
    label: str
    advice: str
    phrases: list[str]


@dataclass(frozen=True)
class RiskPanel:
    level: str
    message: str
    notes: list[RiskNote]


def risk_panel(
    texts: Mapping[str, str | None], cues: Mapping[str, str] | None = None
) -> RiskPanel | None:
    """The re-identification warning for texts read together (a case's boxes), for display to
    the people who may already read them: the presenter and the reviewing coordinator.
    `cues`: see `assess`."""
    warning = assess(texts, cues)
    if warning is None:
        return None
    notes = []
    for kind in warning.kinds:
        mine = [s for s in warning.signals if s.kind == kind]
        phrases = list(dict.fromkeys((texts[s.field] or "")[s.start : s.end] for s in mine))
        notes.append(RiskNote(kind, mine[0].label, mine[0].advice, phrases))
    return RiskPanel(warning.level, MESSAGE, notes)
