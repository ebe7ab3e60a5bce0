"""The de-identification gate: every operation that stores free text passes it through here.

A finding blocks the save unless its author marks it "not an identifier" with a reason
(an `Acceptance`, matched by field and offsets in the text as submitted). Findings carry
offsets and categories only: the text itself never leaves the request that holds it.

Each text is also read as a reader will see it (`app.deid.shown`: rendered as Markdown,
invisible characters and marks gone, look-alike letters and digits plain), and as typed
with those characters made plain where rendering drops a part (a comment). A finding there
with none like it in the text as submitted is a `HiddenFinding`: it has no offsets to mark,
so it always blocks, unless a finding of the same value in the text as submitted was marked.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from app.common import utcnow
from app.deid.detector import Finding, scan
from app.deid.name_pairs import name_pairs
from app.deid.shown import (
    alt_in_place,
    as_lines_shown,
    digits_as_drawn,
    hyphens_parted,
    lines_joined,
    reduced,
    shown_text,
    typed_text,
)
from app.errors import ValidationError

ACCEPT_REASONS: dict[str, str] = {
    "clinical_term": "A clinical term, eponym, scale or test",
    "drug_or_device": "A drug, device or product name",
    "placeholder": "A placeholder or already de-identified text",
    "not_about_patient": "Not about the patient (e.g. a guideline or public source)",
    "other": "Other: not an identifier",
}


@dataclass(frozen=True)
class FieldFinding:
    field: str
    start: int
    end: int
    category: str
    confidence: float
    # `finding_digest` of the finding's text, given in a refusal so that an API client can
    # bind its acceptance to the text it saw (its own text: never stored or logged).
    digest: str = dataclasses.field(default="", compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class HiddenFinding:
    """A finding that only the text as shown has (an SSN written with an invisible character,
    an HTML entity or Markdown emphasis inside it): no offset of the text as submitted."""

    field: str
    category: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_CATEGORY_WORDS = {
    "PHONE": "phone number",
    "EMAIL": "email address",
    "NAME": "name",
    "DATE": "date",
    "ADDRESS": "address",
    "LOCATION": "place",
    "FACILITY": "facility name",
    "AGE": "age",
    "ID": "identifying number",
    "URL": "web address",
}
_MORE_WORDS = {"IP": "IP address", "VEHICLE": "vehicle identifier", "DEVICE": "device identifier"}


def category_word(category: str) -> str:
    """A category as a message names it ("phone number", "SSN")."""
    return _CATEGORY_WORDS.get(category) or _MORE_WORDS.get(category, category)


def hidden_message(categories: Iterable[str]) -> str:
    """What a field with hidden findings says (categories only, never the text)."""
    words = list(dict.fromkeys(_CATEGORY_WORDS.get(c, c) for c in categories))
    if len(words) == 1:
        return (
            f"A possible {words[0]} appears once formatting is removed; write it without"
            " hidden characters or formatting."
        )
    return (
        f"A possible {', '.join(words[:-1])} and {words[-1]} appear once formatting is removed;"
        " write them without hidden characters or formatting."
    )


def hidden_messages(hidden: Iterable[HiddenFinding]) -> dict[str, str]:
    categories: dict[str, list[str]] = {}
    for finding in hidden:
        categories.setdefault(finding.field, []).append(finding.category)
    return {name: hidden_message(found) for name, found in categories.items()}


@dataclass(frozen=True)
class Acceptance:
    """The author's word that the finding at these offsets is not an identifier. A web
    form's tick also names what it was given for (`category`, `digest` of the text): kept
    ticked while the text is edited, it must not accept whatever else comes to lie at
    those offsets (an MRN typed where an eponym was marked)."""

    field: str
    start: int
    end: int
    reason: str
    category: str | None = None
    digest: str | None = None
    # Where it was given, to name it in a refusal: an API body's `accept_findings[0]`, an
    # import file's entry; None for a web form's tick (its field names it).
    origin: str | None = dataclasses.field(default=None, compare=False)

    def covers(self, finding: FieldFinding, text: str) -> bool:
        if self.category is not None and self.category != finding.category:
            return False
        return self.digest is None or self.digest == finding_digest(
            text[finding.start : finding.end]
        )


def finding_digest(value: str) -> str:
    """A short digest of a finding's text, to tell a tick from a stale one (never stored)."""
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class MarkingRule:
    """Which findings the author may mark "not an identifier": any but those of the `firm`
    categories. `who` names those who may mark the others, for the refusal's words
    (`app.deid.operations.marking_rule` builds it from `app.auth.policy`). New topic names
    (`topics[i]`) join the vocabulary every program reads: where `topic_firm` is given,
    they are marked as what belongs to no program (`topic_who` may mark them)."""

    firm: frozenset[str] = frozenset()
    who: str = ""
    topic_firm: frozenset[str] | None = None
    topic_who: str = ""

    def _for(self, field: str) -> tuple[frozenset[str], str]:
        if self.topic_firm is not None and is_topic_field(field):
            return self.topic_firm, self.topic_who
        return self.firm, self.who

    def firm_in(self, field: str) -> frozenset[str]:
        """The categories the author may not mark in `field`."""
        return self._for(field)[0]

    def who_in(self, field: str) -> str:
        return self._for(field)[1]

    def may_mark(self, category: str, field: str = "") -> bool:
        return category not in self.firm_in(field)

    def message(self, categories: Iterable[str], field: str = "") -> str:
        """What a field with findings its author may not mark says (categories only)."""
        words = list(dict.fromkeys(category_word(c) for c in categories))
        what = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
        who = f" (only {self.who_in(field)} can)" if self.who_in(field) else ""
        return (
            f"A possible {what} cannot be marked “Not an identifier” by you{who}: remove it"
            " or rewrite it so that it no longer reads as one."
        )


def is_topic_field(name: str) -> bool:
    """A new topic's name as the gate names it (`topics[2]`, under a prefix too; a case's
    free field named `topics` is `fields.topics[2]`, not one)."""
    parts = name.split(".")
    return parts[-1].startswith("topics[") and (len(parts) == 1 or parts[-2] != "fields")


# Every finding may be marked (the gate's reading alone, with nobody's rights applied).
ANYONE_MARKS = MarkingRule()


@dataclass(frozen=True)
class GatedFields:
    """The free-text fields an operation passes through the gate, each with the label a form
    shows for it: declared once beside the operation, read by its gate call and by its form.
    `lists` are fields holding several texts, checked one by one as `name[1]`, `name[2]` …
    and labelled from a pattern ("Reference {}")."""

    labels: Mapping[str, str]
    lists: Mapping[str, str] = field(default_factory=dict)

    def texts(self, **values: str | Iterable[str] | None) -> dict[str, str]:
        """The gate's texts by field name, from the values named as the declaration names them."""
        out: dict[str, str] = {}
        for name in self.labels:
            value = values.get(name)
            out[name] = _text(value, self.labels[name], name)
        for name in self.lists:
            items = values.get(name) or ()
            if isinstance(items, str):
                items = (items,)
            for i, item in enumerate(items, 1):
                key = f"{name}[{i}]"
                out[key] = _text(item, self.label(key), name)
        return out

    def label(self, name: str) -> str:
        """The label of a gate field, a list's item (`references[2]`) too."""
        if name in self.labels:
            return self.labels[name]
        base, _, index = name.partition("[")
        if base in self.lists and index.endswith("]"):
            return self.lists[base].format(index[:-1])
        return name

    def labels_of(self, texts: Iterable[str]) -> dict[str, str]:
        return {name: self.label(name) for name in texts}


def _text(value: object, label: str, field: str) -> str:
    # A date or a number (a YAML catalog's, say) would be stored as its text unchecked.
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{label} must be text.", field=field)
    return value


class IdentifiersFound(ValidationError):
    """Raised before anything is stored; the message names fields, never the text.

    `scanned` holds every finding of the texts the gate checked, by field, the accepted ones
    too: a form shows them all again without scanning the texts a second time. `hidden`:
    the findings of the texts as shown that cannot be marked (field and category only)."""

    def __init__(
        self,
        findings: list[FieldFinding],
        scanned: Mapping[str, list[FieldFinding]] | None = None,
        hidden: Iterable[HiddenFinding] = (),
        *,
        rule: MarkingRule = ANYONE_MARKS,
        refused: Iterable[tuple[Acceptance, FieldFinding]] = (),
    ) -> None:
        self.hidden = list(hidden)
        self.rule = rule
        # Acceptances given for findings their author may not mark, with those findings.
        self.refused = list(refused)
        marked = sorted({f.field for f in findings})
        fields = sorted({*marked, *(h.field for h in self.hidden)})
        errors = {name: "Contains possible patient identifiers." for name in marked}
        parts = []
        if marked:
            parts.append(
                f"Possible patient identifiers in {', '.join(marked)}: remove them, or mark each"
                " one that is not an identifier."
            )
        firm: dict[str, list[str]] = {}
        for finding in findings:
            if not rule.may_mark(finding.category, finding.field):
                firm.setdefault(finding.field, []).append(finding.category)
        for name, categories in sorted(firm.items()):
            message = rule.message(categories, name)
            errors[name] = f"{errors[name]} {message}"
            parts.append(f"{name}: {message[0].lower()}{message[1:]}")
        for name, message in sorted(hidden_messages(self.hidden).items()):
            errors[name] = f"{errors[name]} {message}" if name in errors else message
            parts.append(f"{name}: {message[0].lower()}{message[1:]}")
        # An acceptance refused is named first: it is what the author must change.
        named = {}
        for acceptance, finding in self.refused:
            where = acceptance.origin or finding.field
            who = rule.who_in(finding.field)
            named[where] = (
                f"the {category_word(finding.category)} in {finding.field} cannot be marked"
                f" “Not an identifier” by you{f' (only {who} can)' if who else ''};"
                " remove it or rewrite it so that it no longer reads as one."
            )
        for where, message in reversed(named.items()):
            parts.insert(0, f"{where}: {message}")
        errors = {**{w: m[0].upper() + m[1:] for w, m in named.items()}, **errors}
        super().__init__(
            " ".join(parts),
            field=next(iter(named), fields[0]),
            errors={name: errors[name] for name in [*named, *fields]},
        )
        self.findings = findings
        self.scanned: dict[str, list[FieldFinding]] = (
            dict(scanned) if scanned is not None else _by_field(findings)
        )

    def told(self, message: str) -> IdentifiersFound:
        """The refusal, its findings kept, told in `message` for a field nobody marks
        findings in (an account's name): the gate's own words speak of marking."""
        self.message = message
        self.args = (message,)
        self.errors = {name: message for name in self.errors}
        return self

    @property
    def code(self) -> str:
        return "identifiers_found"

    def to_dict(self) -> dict[str, object]:
        body = super().to_dict()
        body["findings"] = [
            {**f.to_dict(), "markable": self.rule.may_mark(f.category, f.field)}
            for f in self.findings
        ]
        if self.hidden:
            body["hidden"] = [h.to_dict() for h in self.hidden]
        return body

    def renamed(self, old: str, new: str) -> IdentifiersFound:
        """The same findings, those of field `old` named `new` (a form's box for it)."""
        return IdentifiersFound(
            [replace(f, field=new) if f.field == old else f for f in self.findings],
            {new if name == old else name: found for name, found in self.scanned.items()},
            [replace(h, field=new) if h.field == old else h for h in self.hidden],
            rule=self.rule,
            refused=[(a, replace(f, field=new) if f.field == old else f) for a, f in self.refused],
        )

    def within(self, prefix: str) -> IdentifiersFound:
        """The same findings with field names under `prefix` (e.g. recommendations[1])."""

        def moved(findings: Iterable[FieldFinding]) -> list[FieldFinding]:
            return [replace(f, field=f"{prefix}.{f.field}") for f in findings]

        return IdentifiersFound(
            moved(self.findings),
            {f"{prefix}.{name}": moved(found) for name, found in self.scanned.items()},
            [HiddenFinding(f"{prefix}.{h.field}", h.category) for h in self.hidden],
            rule=self.rule,
            refused=[(a, moved([f])[0]) for a, f in self.refused],
        )


def _by_field(findings: Iterable[FieldFinding]) -> dict[str, list[FieldFinding]]:
    out: dict[str, list[FieldFinding]] = {}
    for finding in findings:
        out.setdefault(finding.field, []).append(finding)
    return out


# Citations name authors, publishers, their cities, dates and URLs by design; in reference
# fields only the categories that never belong in a citation block the save.
CITATION_CATEGORIES = frozenset(
    {"PHONE", "EMAIL", "SSN", "ID", "VEHICLE", "DEVICE", "IP", "ADDRESS", "AGE"}
)


# The reference lists that operations declare (`GatedFields(..., {"references": ...})`)
# name their items `references[i]` at the gate; only those are citations. A case's field
# keyed "references" (`fields.references[i]`) is patient text like any other field.
_CITATION_FIELD = re.compile(r"references\[[1-9][0-9]*\]")


def is_citation_field(name: str) -> bool:
    return _CITATION_FIELD.fullmatch(name) is not None


# A citation that describes one patient ("Patient Johnathan Whitcombe, DOB …, seen March 14")
# is no citation: every category blocks there. Titles speak of "patients", "patient-reported
# outcomes", the "Patient Health Questionnaire" and "Pt 2", so only a singular patient
# otherwise, a record's words, or a birth or visit with its date or place count.
_TITLE_WORDS = (
    r"health|safety|care|centered|centred|reported|education|experience|outcomes?|engagement"
    r"|navigation|portal|protection|preferences?|satisfaction|perspectives?|selection"
    r"|management|assessment|population|registry|data"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_REFERENCE_PATIENT_CUE = re.compile(
    rf"(?i:\b(?:patient|client)\b(?![-\u2010\u2011])(?!\s+(?:{_TITLE_WORDS})\b)"
    r"|\bpt\b(?!\.?\s*(?:\d|[ivx]+\b))"
    r"|\b(?:DOB|D\.O\.B|MRN|date\s+of\s+birth|medical\s+record)\b"
    rf"|\b(?:born|seen|admitted|discharged)\s+(?:(?:on|at|in)\s+)?(?:\d|{_MONTH}\s*\d)"
    # an encounter on a day: "was evaluated on March 14", "presented 3/14/2024"
    r"|\b(?:evaluated|examined|presented|visited|hospitali[sz]ed|follow(?:ed)?[- ]up)"
    rf"\s+(?:(?:on|in)\s+)?(?:\d{{1,2}}[/.-]\d|\d{{4}}-\d\d-\d\d|{_MONTH}\s*\d)"
    # an age: "67 y/o", "a 67-year-old"
    r"|\b\d{1,3}[\s-]*(?:y/?o|yrs?[\s-]+old|years?[\s-]+old|year-old)\b)"
    r"|\b(?i:born|seen|admitted|discharged)\s+(?i:on|at|in)\s+[A-Z]"
    # a titled name: citations name authors without Mr or Ms
    r"|\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z]"
)


# Fields that name a member of staff (a session's didactic presenter, a certificate's signer,
# an account's display name) hold a person's name by design, so a NAME there blocks only when
# the text speaks of a patient; every other category blocks as anywhere else ("Patient Oswin
# Peabody, MRN 77731234" is refused for its MRN and, with the cue, for the name).
PERSON_FIELDS = frozenset({"didactic_presenter", "signer_name", "display_name"})
# "Patient" as other languages write it: a hub's staff type names in theirs.
_PATIENT_WORDS = (
    r"patients?|patientin(?:nen)?|patiente?s?|pacientes?|pazient[ei]|patiënte?(?:n)?"
    r"|pacjent(?:ka|ki|ów)?|pacient(?:ka|ky|i|a|ă|ul|ii)?|potilas|pasient(?:en)?|pasien"
    r"|пациент(?:ка|ки|ы)?|пацієнт(?:ка|и)?|患者|病人|bệnh[ \t]+nhân"
)
_PATIENT_CUE = re.compile(
    rf"\b(?:{_PATIENT_WORDS}|pts?|clients?|infants?|baby|child|mother|father|daughter|son"
    r"|wife|husband|relatives?|family|DOB|MRN)\b",
    re.IGNORECASE,
)
# A person field that says "patient" names one, wherever the word stands ("Hope Graves,
# patient", "Hope Graves (pt)"), even a name the detector does not read as one (names that
# are words). Not a staff title ("Patient Navigator"), nor "PT" (a physical therapist).
_NAMES_A_PATIENT = re.compile(
    rf"\b(?i:{_PATIENT_WORDS})\b(?!\s+(?i:navigators?|advocates?|care|safety|experience"
    r"|services|relations|liaison|educators?|access|financial|flow)\b)"
    r"|(?<![\w.])pts?\b|\bPt\b|\b(?:DOB|MRN)\b",
)


def is_person_field(name: str) -> bool:
    # The field's own name, never a last part: a case's form field keyed "signer_name" is
    # scanned as "fields.signer_name" and holds patient text like any other.
    return name in PERSON_FIELDS


# A certificate names its accredited provider ("Hub University School of Medicine
# designates …"): a facility's name is expected there unless the text speaks of a patient
# (a facility span may hold a patient's name); any other identifier still blocks.
INSTITUTION_FIELDS = frozenset({"accreditation_statement", "signer_title"})


def is_institution_field(name: str) -> bool:
    return name in INSTITUTION_FIELDS


# Texts already scanned, inside `scanning_once`: a scan depends on the text alone, so a
# remembered one is what scanning again would find. Short texts go to the second dict,
# which the caller may keep from block to block. The third holds texts as shown
# (`shown_text`, also a function of the text alone; None when a text reads as stored), for
# the block only: the import's scanning processes render them already, and rendering
# Markdown again was a large part of the importing process's own work.
_scanned: ContextVar[
    tuple[dict[str, list[Finding]], dict[str, list[Finding]], dict[str, str | None]] | None
] = ContextVar("deid_scanned", default=None)

# Up to this length a text is short (a topic name, a title): an import names the same ones
# in file after file, and keeping their scans for the whole import costs little memory.
SHORT_TEXT = 200


@contextmanager
def scanning_once(short: dict[str, list[Finding]] | None = None) -> Iterator[None]:
    """Inside the block each distinct text is scanned once, however often it is checked
    (an import file: its redaction, then the gate of each operation). The scans of short
    texts are read from and kept in `short` when given: an import passes the same dict to
    every file's block, so a topic name is scanned once per import, not once per file."""
    token = _scanned.set(({}, short if short is not None else {}, {}))
    try:
        yield
    finally:
        _scanned.reset(token)


def _memo_for(text: str) -> dict[str, list[Finding]] | None:
    memo = _scanned.get()
    if memo is None:
        return None
    return memo[1] if len(text) <= SHORT_TEXT else memo[0]


def prescan(texts: Iterable[str]) -> None:
    """Scan these texts now, so that the gate finds them scanned later in the same
    `scanning_once` block: an import scans a file before its transaction takes the lock."""
    if _scanned.get() is not None:
        for text in texts:
            _scan(text)


def remember(
    found: Mapping[str, list[Finding]], shown: Mapping[str, str | None] | None = None
) -> None:
    """Take scans made elsewhere (an import's worker processes) as this block's own: the
    gate then finds these texts scanned, and those of `shown` read as shown."""
    for text, findings in found.items():
        memo = _memo_for(text)
        if memo is not None:
            memo[text] = findings
    block = _scanned.get()
    if block is not None and shown:
        block[2].update(shown)


def _shown_text(text: str) -> str | None:
    """`shown_text`, rendered once per text inside `scanning_once`."""
    block = _scanned.get()
    if block is None:
        return shown_text(text)
    if text not in block[2]:
        block[2][text] = shown_text(text)
    return block[2][text]


def text_variants(value: str) -> Iterator[str]:
    """A text as the operations' gates see it: stripped, and a short one (a topic name)
    also with single spaces."""
    if value.strip():
        yield value.strip()
        if len(value) <= 200 and " ".join(value.split()) != value.strip():
            yield " ".join(value.split())


def scan_text(text: str) -> list[Finding]:
    """The detector's findings in `text`, its line breaks read as a page shows them (an
    indented line's break as one space, a cue's before its number as a space: `lines_joined`),
    with offsets into `text`; a hyphen gluing a word to an identifier as a space
    (`hyphens_parted`). Where the page runs into a paragraph lines that read as a list's
    items, those found with the items apart too (a list of names is read by its lines)."""
    lines = as_lines_shown(text)
    joined = lines_joined(text)
    if joined is None:
        found = scan(hyphens_parted(lines))
    else:
        shown, places = joined
        found = [
            replace(f, start=places[f.start], end=places[f.end - 1] + 1)
            for f in scan(hyphens_parted(shown))
        ]
    listed = as_lines_shown(text, items_apart=True)
    if listed == lines:
        return found
    more = [
        f
        for f in scan(hyphens_parted(listed))
        if not any(g.start < f.end and f.start < g.end for g in found)
    ]
    return sorted([*found, *more], key=lambda f: (f.start, f.end)) if more else found


def _scan(text: str) -> list[Finding]:
    memo = _memo_for(text)
    if memo is None:
        return scan_text(text)
    found = memo.get(text)
    if found is None:
        found = memo[text] = scan_text(text)
    return found


# `cues`: by field, the words a page shows beside its text ("Surname: ", a case field's label
# or key), which the text is read after: "Whitcombe" alone is no finding, "Surname:
# Whitcombe" is one. A finding counts only where it overlaps the text, and keeps the
# text's offsets (so it can be marked); the cue alone is never a finding.
Cues = Mapping[str, str]


def scan_fields(values: Mapping[str, str | None], cues: Cues | None = None) -> list[FieldFinding]:
    return [f for found in scan_by_field(values, cues).values() for f in found]


# `words`: the fields that hold a few words with no sentence around them (a search's), where
# case and context tell the detector nothing: a first and a last name in any case are a
# finding there too (`app.deid.name_pairs`).
Words = Collection[str]


def scan_by_field(
    values: Mapping[str, str | None], cues: Cues | None = None, words: Words = ()
) -> dict[str, list[FieldFinding]]:
    """The findings of each non-empty text, by field (an empty list for a clean one)."""
    found = {
        name: _field_findings(name, text, (cues or {}).get(name, ""), name in words)
        for name, text in values.items()
        if text
    }
    return _lists_beyond_items(values, found)


_ITEM = re.compile(r"(.+)\[[1-9][0-9]*\]")


def _lists_beyond_items(
    values: Mapping[str, str | None], found: dict[str, list[FieldFinding]]
) -> dict[str, list[FieldFinding]]:
    """A list given whole beside its items (`fields.ssn` is "123-45, 6789", as a page shows
    `fields.ssn[1]` and `fields.ssn[2]`) is read for what its items hold together: its
    findings count only where no item has a finding of the same value, so that a finding
    inside one item is named, and marked, by its item alone."""
    held: dict[str, set[str]] = {}
    for name, findings in found.items():
        item = _ITEM.fullmatch(name)
        if item is not None and item[1] in found:
            text = values[name] or ""
            held.setdefault(item[1], set()).update(reduced(text[f.start : f.end]) for f in findings)
    for name, values_held in held.items():
        text = values[name] or ""
        found[name] = [f for f in found[name] if reduced(text[f.start : f.end]) not in values_held]
    return found


def _with_name_pairs(name: str, text: str, found: list[FieldFinding]) -> list[FieldFinding]:
    pairs = [
        FieldFinding(name, start, end, "NAME", 0.7)
        for start, end in name_pairs(text)
        if not any(f.start < end and start < f.end for f in found)
    ]
    return sorted([*found, *pairs], key=lambda f: f.start) if pairs else found


def _field_findings(name: str, text: str, cue: str = "", pairs: bool = False) -> list[FieldFinding]:
    found = _cued_findings(name, text, cue)
    return _with_name_pairs(name, text, found) if pairs else found


# In a person field, a kin word is a cue written as one ("Hope Graves' mother", "Mother:
# Hope Graves"), not as a name's part ("Julia Child", "Heung-Min Son"); nor is "PT" there.
_KIN = r"infants?|baby|child|mother|father|daughter|son|wife|husband|relatives?|family|clients?"
_PERSON_FIELD_CUE = re.compile(
    rf"{_NAMES_A_PATIENT.pattern}|\b(?:{_KIN})\b|^\s*(?i:{_KIN})\b(?=\s*(?:[:(,-]|of\b))"
)


def _underscores_parted(text: str) -> str:
    # A name written as a handle ("hope_graves_patient"): "_" is a word character to `\b`.
    return text.replace("_", " ")


def _patients_name(name: str, text: str, found: list[FieldFinding]) -> tuple[int, int] | None:
    """A person field's text that says "patient" (`_NAMES_A_PATIENT`) and where no name was
    found: the span of its other words, from the first to the last."""
    if not is_person_field(name) or any(f.category == "NAME" for f in found):
        return None
    if not _NAMES_A_PATIENT.search(_underscores_parted(text)):
        return None
    words = [
        m for m in re.finditer(r"[^\W\d_]+", text) if not _NAMES_A_PATIENT.fullmatch(m.group())
    ]
    return (words[0].start(), words[-1].end()) if words else None


def _cued_findings(name: str, text: str, cue: str) -> list[FieldFinding]:
    citation = is_citation_field(name) and not _REFERENCE_PATIENT_CUE.search(text)
    staff_name = is_person_field(name) and not _PERSON_FIELD_CUE.search(_underscores_parted(text))
    institution = is_institution_field(name) and not _PATIENT_CUE.search(text)
    # A number under a label that gives a unit ("Baseline HCV RNA (IU/mL)") is a quantity
    # measured in it: a long number is no record number there. Only that: never when the
    # label names an identifier ("MRN (#)"), never another category. Any other label is read
    # without what it gives in brackets ("Surname (patient): Whitcombe" reads "Surname:
    # Whitcombe"), so its words stay next to the value.
    unit = _MEASURED_CUE.search(cue)
    bare = f"{cue[: unit.start()].rstrip()}: " if unit else cue
    measured = bool(unit and _BARE_NUMBER.fullmatch(text) and not _IDENTIFIER_LABEL.search(bare))
    label = cue if measured else bare
    cut = len(label)
    shape = (
        {(f.start + cut, f.end + cut) for f in _scan(text) if f.category == "ID"}
        if measured
        else set()
    )
    found = [
        FieldFinding(name, max(f.start - cut, 0), f.end - cut, f.category, round(f.confidence, 2))
        for f in _scan(label + text)
        if f.end > cut
        and not (f.category == "ID" and (f.start, f.end) in shape)
        and (not citation or f.category in CITATION_CATEGORIES)
        and not (staff_name and f.category == "NAME")
        and not (institution and f.category == "FACILITY")
    ]
    whole = _patients_name(name, text, found)
    if whole is not None:
        found.append(FieldFinding(name, *whole, "NAME", 0.7))
        found.sort(key=lambda f: f.start)
    if cue and not found and (address := _labelled_address(label, text)):
        found.append(FieldFinding(name, *address, "ADDRESS", 0.8))
    old = [(max(s - cut, 0), e - cut) for s, e in _old_birth_years(label + text) if e > cut]
    if (age := _old_labelled_age(cue, text)) is not None:
        old.append(age)
    for start, end in old:
        if not any(f.start < end and start < f.end for f in found):
            found.append(FieldFinding(name, start, end, "AGE", 0.8))
            found.sort(key=lambda f: f.start)
    return found


# HIPAA counts an age over 89 as an identifier, and so the year of birth that implies it
# ("born in 1926", a free field "birth_year: 1926"). Read at the time of saving; a year too
# old for a living patient (a history's date) is left alone.
_BIRTH_YEAR = re.compile(
    r"\b(?:birth\s*year|year\s+of\s+birth|yob|d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+in)?)"
    r"(?:\s*[:=-]\s*|\s+)((?:18|19|20)\d\d)\b(?![/.-]\d)",
    re.IGNORECASE,
)
OLDEST_AGE = 89
_LIVING_AGE = 120


def _old_birth_years(text: str) -> list[tuple[int, int]]:
    if not _BIRTH_HINT.search(text):
        return []
    this_year = utcnow().year
    return [
        m.span(1)
        for m in _BIRTH_YEAR.finditer(text)
        if OLDEST_AGE < this_year - int(m.group(1)) <= _LIVING_AGE
    ]


_BIRTH_HINT = re.compile(r"(?i)birth|yob|dob|d\.o\.b|born")


# A number alone under an age's label (a free field "age_years: 97", a form's "Age (years)"
# box): the detector reads "age 97" in a sentence, not the label's other words. Not an age in
# days, weeks or months, nor a gestational one.
_AGE_LABEL = re.compile(r"(?i)\bage\b")
_NOT_AGE_IN_YEARS = re.compile(
    r"(?i)\b(?:days?|d|weeks?|wks?|wk|w|months?|mos?|mo|m|gestational|gest|bone)\b"
)
_AGE_VALUE = re.compile(r"\s*(\d{2,3})(?:\.\d+)?(?:\s*(?i:years?|yrs?|y|yo|y/o))?\s*")


def _old_labelled_age(cue: str, text: str) -> tuple[int, int] | None:
    if not _AGE_LABEL.search(cue) or _NOT_AGE_IN_YEARS.search(cue):
        return None
    m = _AGE_VALUE.fullmatch(text)
    if m is None or not OLDEST_AGE < int(m.group(1)) <= _LIVING_AGE:
        return None
    return m.span(1)


_MEASURED_CUE = re.compile(r"\s*\([^()]+\): $")
_BARE_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?")
_IDENTIFIER_LABEL = re.compile(
    r"(?i)#|\b(?:mrn|record|account|acct|phone|telephone|tel|fax|cell|mobile|pager|ssn|social"
    r"|id|ids|identifier|number|no|license|licence|policy|member|insurance|medicaid|medicare"
    r"|dob|birth|born|zip|postal|postcode|npi|dea|serial|vin|plate|ref|reference|contact"
    r"|address|code)\b"
)


# The detector calls a number and a word an address when a street's kind follows ("1428 Elm
# St"); a box labelled as an address ("Street address: 1428 Elm") says so itself.
_ADDRESS_LABEL = re.compile(r"(?i)\b(?:address|addr|street)\b")
_NOT_STREET_LABEL = re.compile(r"(?i)\b(?:e-?mail|web|ip|url|mac)\b")
_HOUSE_NUMBER = re.compile(r"\d{1,6}[A-Za-z]?[ \t]+[A-Za-z]")


def _labelled_address(cue: str, text: str) -> tuple[int, int] | None:
    if not _ADDRESS_LABEL.search(cue) or _NOT_STREET_LABEL.search(cue):
        return None
    start = len(text) - len(text.lstrip())
    if not _HOUSE_NUMBER.match(text, start):
        return None
    return start, len(text.rstrip())


def hidden_findings(
    values: Mapping[str, str | None],
    scanned: Mapping[str, list[FieldFinding]],
    cues: Cues | None = None,
    rule: MarkingRule | None = None,
    words: Words = (),
) -> list[HiddenFinding]:
    """The findings of each text as shown, as typed where rendering drops some of it
    (`typed_text`), with its images' alt text in place (`alt_in_place`) and with letters
    drawn as digits in a number read so (`digits_as_drawn`), that its findings as submitted
    (`scanned`) have no counterpart for, each submitted finding standing for one finding of
    each reading at most.

    A counterpart has the same value (letters and digits), whatever category each reading
    gives it (a number read as an ID in one and a phone in the other): the author has seen it
    marked and decided. Failing that, a submitted finding of the same category that holds
    the value and has no equal counterpart of its own (the two readings found one name with
    different edges). A phone hidden in the text is not covered by a marked URL that
    happens to contain its digits, nor by a marked number that the shown text also holds.
    A shown finding of a category `rule` lets the author not mark has no counterpart
    of another category: a record number whose cue word is broken by formatting ("M**RN**")
    reads as a phone number as submitted, and marking that phone must not let it through."""
    out: list[HiddenFinding] = []
    for name, text in values.items():
        if not text:
            continue
        # Each reading is matched on its own: a value both readings hold is one finding.
        readings = [
            r
            for r in (
                _shown_text(text),
                typed_text(text),
                alt_in_place(text),
                digits_as_drawn(text),
            )
            if r
        ]
        if not readings:
            continue
        firm = rule.firm_in(name) if rule is not None else frozenset()
        submitted = [(reduced(text[f.start : f.end]), f.category) for f in scanned.get(name, ())]
        cue = (cues or {}).get(name, "")
        reported: set[str] = set()
        for shown in readings:
            for value, category in _unmatched(name, shown, submitted, firm, cue, name in words):
                if value not in reported:  # one per value
                    reported.add(value)
                    out.append(HiddenFinding(name, category))
    return out


def _unmatched(
    name: str,
    shown: str,
    submitted: list[tuple[str, str]],
    firm: frozenset[str],
    cue: str,
    pairs: bool,
) -> list[tuple[str, str]]:
    """The values and categories of the findings of one reading that `hidden_findings`
    finds no counterpart for among `submitted` (values and categories)."""
    free = list(range(len(submitted)))
    left = []
    for finding in _field_findings(name, shown, cue, pairs):
        value = reduced(shown[finding.start : finding.end])
        if not value:
            continue
        equal = next(
            (
                i
                for i in free
                if submitted[i][0] == value
                and (finding.category not in firm or submitted[i][1] in firm)
            ),
            None,
        )
        if equal is None:
            left.append((value, finding.category))
        else:
            free.remove(equal)
    out = []
    for value, category in left:
        holder = next(
            (i for i in free if submitted[i][1] == category and value in submitted[i][0]),
            None,
        )
        if holder is not None:
            free.remove(holder)
        else:
            out.append((value, category))
    return out


def titled(words: str) -> str:
    """Lower-case words with capitals, as a name would be written ("john smith")."""
    return " ".join(word.capitalize() for word in words.split())


_KEY_NAME_CUES = frozenset({"mr", "mrs", "ms", "dr", "patient", "pt"})
_KEY_NAME_CUE = re.compile(r"(?i)\b(?:mr|mrs|ms|dr|patient|pt)\s+$")


def names_a_person(words: str) -> bool:
    """Whether lower-case words (a field key's) read as a person's name once capitalized:
    the detector leaves lower-case names alone, and keys are lower case by rule. Only a name
    of two words or more counts, and not one led by a clinical term that is no first name
    (the "Pugh Class" in child_pugh_class); or one word after a title or a patient cue
    (mr_jones, patient_smith) that the name lists hold and that is no ordinary word too
    ("patient weight"): measured on ordinary clinical keys, these limits leave no false alarm
    (tests/deid/test_key_names.py)."""
    from app.deid import lexicon

    text = titled(words)
    lexicon_words = lexicon.get()
    for finding in _field_findings("fields", text):
        if finding.category != "NAME":
            continue
        span = text[finding.start : finding.end].lower().split()
        cued = bool(_KEY_NAME_CUE.search(text, 0, finding.start))
        if span and span[0] in _KEY_NAME_CUES:
            span, cued = span[1:], True
        if len(span) == 1 and cued:
            word = span[0]
            if (
                word in lexicon_words.first or word in lexicon_words.last
            ) and word not in lexicon_words.ambiguous:
                return True
            continue
        if len(span) < 2:
            continue
        if span[0] in lexicon_words.clinical and span[0] not in lexicon_words.first:
            continue
        return True
    return False


@dataclass(frozen=True)
class Preview:
    """What the gate refuses in texts with nothing marked, as the save would: the findings
    (offsets into each text, each with its digest; `markable` says whether the author may
    mark it) and the hidden ones (field and category only, which nobody marks)."""

    findings: list[FieldFinding]
    hidden: list[HiddenFinding]
    rule: MarkingRule = ANYONE_MARKS

    def markable(self, finding: FieldFinding) -> bool:
        return self.rule.may_mark(finding.category, finding.field)

    def hidden_messages(self) -> dict[str, str]:
        """The gate's refusal wording for each field with hidden findings."""
        return hidden_messages(self.hidden)

    def __bool__(self) -> bool:
        return bool(self.findings or self.hidden)


def preview(
    values: Mapping[str, str | None],
    cues: Cues | None = None,
    rule: MarkingRule = ANYONE_MARKS,
    words: Words = (),
) -> Preview:
    """The gate's reading of `values` without storing anything, for an author whom `rule`
    lets mark what it does: a scan that says "clean" only when the gate would pass the texts,
    and reports what `check` would refuse (it is `check`, with nothing marked)."""
    try:
        check(values, (), cues, rule, words)
    except IdentifiersFound as found:
        return Preview(found.findings, found.hidden, rule)
    return Preview([], [], rule)


def parse_acceptances(items: Any) -> list[Acceptance]:
    """Acceptances from user input (form or JSON); bad entries are a ValidationError."""
    if items in (None, ""):
        return []
    if not isinstance(items, list):
        raise ValidationError("accept_findings must be a list.", field="accept_findings")
    out = []
    for index, item in enumerate(items, 1):
        where = f"accept_findings[{index}]"
        if not isinstance(item, Mapping):
            raise ValidationError("Each accepted finding is an object.", field=where)
        try:
            start, end = int(item["start"]), int(item["end"])
            name, reason = str(item["field"]), str(item["reason"])
        except (KeyError, TypeError, ValueError):
            raise ValidationError(
                "An accepted finding needs field, start, end and reason.", field=where
            ) from None
        if reason not in ACCEPT_REASONS:
            raise ValidationError(
                "Reason must be one of: " + ", ".join(ACCEPT_REASONS) + ".", field=f"{where}.reason"
            )
        # An exported override names its category: it holds for a finding of that one.
        category = item.get("category")
        if category is not None and not isinstance(category, str):
            raise ValidationError("Category must be text.", field=f"{where}.category")
        out.append(Acceptance(name, start, end, reason, category))
    return out


def renamed(accepted: Iterable[Acceptance], prefix: str) -> list[Acceptance]:
    """Acceptances for fields under `prefix.`, named as the operation sees them."""
    cut = len(prefix) + 1
    return [replace(a, field=a.field[cut:]) for a in accepted if a.field.startswith(prefix + ".")]


def check(
    values: Mapping[str, str | None],
    accepted: Iterable[Acceptance] = (),
    cues: Cues | None = None,
    rule: MarkingRule = ANYONE_MARKS,
    words: Words = (),
) -> list[tuple[FieldFinding, str]]:
    """Raise IdentifiersFound for findings not accepted; return the accepted ones with reasons.
    `cues`: see `Cues`; `rule`: which findings the author may mark (an acceptance of any
    other is refused, named by its `origin`); `words`: see `Words`."""
    by_place = {(a.field, a.start, a.end): a for a in accepted}
    blocking: list[FieldFinding] = []
    refused: list[tuple[Acceptance, FieldFinding]] = []
    overridden: list[tuple[FieldFinding, str]] = []
    scanned = scan_by_field(values, cues, words)
    for finding in (f for found in scanned.values() for f in found):
        text = values.get(finding.field) or ""
        given = by_place.get((finding.field, finding.start, finding.end))
        if (
            given is not None
            and given.covers(finding, text)
            and rule.may_mark(finding.category, finding.field)
        ):
            overridden.append((finding, given.reason))
            continue
        digested = replace(finding, digest=finding_digest(text[finding.start : finding.end]))
        blocking.append(digested)
        if given is not None and given.covers(finding, text):
            refused.append((given, digested))
    hidden = hidden_findings(values, scanned, cues, rule, words)
    if blocking or hidden:
        raise IdentifiersFound(blocking, scanned, hidden, rule=rule, refused=refused)
    return overridden


REDACT_PASSES = 5


def redact(text: str) -> tuple[str, list[FieldFinding]]:
    """Replace each finding with a `[CATEGORY]` placeholder; returns the text and what went,
    with offsets into `text`.

    A placeholder changes the words around it, and the scan reads context: "born in
    [LOCATION], Georgia" finds the state that "born in Macon, Georgia" read as part of the
    city. So the redacted text is scanned again, and each new finding widened to the
    original text it covers, until the scan finds nothing (the gate checks what is stored)."""
    findings = scan_fields({"text": text})
    for _ in range(REDACT_PASSES):
        if not findings:
            break
        redacted = redacted_text(text, findings)
        again = scan_fields({"text": redacted})
        if not again:
            return redacted, findings
        findings = _merged(findings + _back_to_original(findings, again))
    return redacted_text(text, findings), findings


def _back_to_original(
    findings: list[FieldFinding], again: list[FieldFinding]
) -> list[FieldFinding]:
    """`again` (offsets into the text redacted by `findings`) with offsets into the original:
    a boundary inside a placeholder moves to that placeholder's edge in the original."""
    placeholders: list[tuple[int, int, FieldFinding]] = []  # start, end in the redacted text
    shift = 0  # redacted offset minus original offset, after the placeholders so far
    for f in sorted(findings, key=lambda f: f.start):
        start = f.start + shift
        stop = start + len(f"[{f.category}]")
        placeholders.append((start, stop, f))
        shift = stop - f.end

    def original(offset: int, end: bool) -> int:
        shift = 0
        for start, stop, f in placeholders:
            if offset < start or (end and offset == start):
                break
            if offset < stop or (end and offset == stop):
                return f.end if end else f.start
            shift = stop - f.end
        return offset - shift

    return [replace(f, start=original(f.start, False), end=original(f.end, True)) for f in again]


def _merged(findings: list[FieldFinding]) -> list[FieldFinding]:
    """Overlapping findings as one, sorted: the widest one's category names the union."""
    out: list[FieldFinding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if out and f.start < out[-1].end:
            head = out[-1]
            wider = f if f.end - f.start > head.end - head.start else head
            out[-1] = replace(wider, start=head.start, end=max(head.end, f.end))
        else:
            out.append(f)
    return out


def redacted_text(text: str, findings: Iterable[Finding | FieldFinding]) -> str:
    """The text with each finding (sorted, not overlapping) replaced by `[CATEGORY]`."""
    parts, last = [], 0
    for finding in findings:
        parts.append(text[last : finding.start])
        parts.append(f"[{finding.category}]")
        last = finding.end
    parts.append(text[last:])
    return "".join(parts)
