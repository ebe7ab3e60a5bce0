"""Cases: validation against the program's template, creation, updates and the status lifecycle."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.audit.operations import record
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Actor, Permission, Viewer, write_operation
from app.cases.models import Case, CasePresentation, CaseStatus, Sex
from app.common import utcnow
from app.deid.gate import Acceptance, GatedFields, names_a_person, scan_fields, titled
from app.deid.labels import (
    REF_PROBLEM,
    RUN_TOGETHER,
    numbers_read,
    ref_is_identifier,
    ref_readings,
)
from app.deid.operations import guard, remember_overrides
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.inputs import FIELD_KEY, FIELD_KEY_RULE
from app.programs.case_templates import template_of
from app.programs.models import Program, Session, fields_of, sections_of
from app.programs.operations import resolve_topics, topic_texts

TITLE_MAX = 300
TEXT_MAX = 100_000
MAX_AGE = 130

# Which status may follow which; anything else is an illegal transition.
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.DRAFT: frozenset({CaseStatus.SUBMITTED}),
    CaseStatus.SUBMITTED: frozenset({CaseStatus.APPROVED, CaseStatus.RETURNED, CaseStatus.DRAFT}),
    CaseStatus.RETURNED: frozenset({CaseStatus.SUBMITTED, CaseStatus.DRAFT}),
    CaseStatus.APPROVED: frozenset({CaseStatus.PRESENTED, CaseStatus.RETURNED}),
    CaseStatus.PRESENTED: frozenset({CaseStatus.RECOMMENDATIONS_PUBLISHED}),
    CaseStatus.RECOMMENDATIONS_PUBLISHED: frozenset({CaseStatus.CLOSED}),
    CaseStatus.CLOSED: frozenset(),
}


def normalise_age(value: Any) -> str | None:
    """Whole years as text; 90 or over becomes "90+" so no exact old age is ever stored."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        # isdigit() alone would let "²" or "٣" through to int(); ages are ASCII digits.
        digits = text[:-1] if text.endswith("+") else text
        if not (digits.isascii() and digits.isdigit() and len(digits) <= 3):
            raise ValidationError("Age must be a whole number of years, or 90+.", field="age")
        if text.endswith("+") and int(digits) >= 90:
            return "90+"
        if not text.isdigit():
            raise ValidationError("Age must be a whole number of years, or 90+.", field="age")
        value = int(text)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("Age must be a whole number of years, or 90+.", field="age")
    if value < 0 or value > MAX_AGE:
        raise ValidationError(f"Age must be between 0 and {MAX_AGE}.", field="age")
    return "90+" if value >= 90 else str(value)


def export_age(age: str | None) -> int | str | None:
    if age is None:
        return None
    return age if age == "90+" else int(age)


def validate_fields(
    program: Program, values: Any, *, require_all: bool, template: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Check structured fields against the template (the program's current one unless
    given: a case is checked against the version it was written with); normalised."""
    if values is None:
        values = {}
    if not isinstance(values, Mapping):
        raise ValidationError("Fields must be a mapping of field keys to values.", field="fields")
    chosen = template if template is not None else program.case_template
    specs = {spec["key"]: spec for spec in fields_of(chosen)}
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    _check_keys(values)
    if not specs:
        # A program without a defined form (e.g. created by an import) keeps fields as given.
        return _free_fields(values)
    for key in values:
        if key not in specs:
            errors[f"fields.{key}"] = f"'{key}' is not a field of the {program.name} case form."
    for key, spec in specs.items():
        raw = values.get(key)
        label = spec["label"]
        if raw is None or raw == "" or raw == []:
            if spec.get("required") and require_all:
                errors[f"fields.{key}"] = f"{label} is required."
            continue
        try:
            clean[key] = _coerce_field(spec, raw)
        except ValueError as exc:
            errors[f"fields.{key}"] = f"{label}: {exc}"
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, errors=errors)
    return clean


def _check_keys(values: Mapping[Any, Any]) -> None:
    """Field keys are names, like a form's: a key is quoted in errors, audit details and
    exports, so a key that could hold typed text is refused without being repeated."""
    if any(not isinstance(key, str) or not FIELD_KEY.fullmatch(key) for key in values):
        raise ValidationError(f"Each key of fields must {FIELD_KEY_RULE}.", field="fields")


def _free_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    for key, value in values.items():
        scalar = (str, int, float, bool)
        ok = (
            value is None
            or isinstance(value, scalar)
            or (isinstance(value, list) and all(isinstance(v, scalar) for v in value))
        )
        if not ok:
            raise ValidationError(
                "Field values must be text, numbers, yes/no or lists of those.",
                field=f"fields.{key}",
            )
        if value not in (None, "", []):
            clean[key] = value
    _check_free_names(clean)
    return clean


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _key_words(key: str) -> str:
    return key.replace("_", " ")


def _key_parts(key: str) -> str:
    """A key's words with letters and digits run together read apart ("a77731234")."""
    return RUN_TOGETHER.sub(" ", _key_words(key))


def _check_free_names(fields: Mapping[str, Any]) -> None:
    """A key is quoted in errors, audit details and exports: one whose words read as an
    identifier (a date of birth in it, or a person's name once capitalized) is refused, not
    repeated. (Its values are read after its words by the gate: `field_cues`.)"""
    if any(
        scan_fields({"fields": _key_words(key)})
        or names_a_person(_key_words(key))
        or (_key_parts(key) != _key_words(key) and scan_fields({"fields": _key_parts(key)}))
        or ((numbers := numbers_read(key)) is not None and scan_fields({"fields": numbers}))
        for key in fields
    ):
        raise ValidationError(
            "A field name reads as a possible patient identifier: rename the field.",
            field="fields",
        )


def free_field_scans(fields: Mapping[Any, Any]) -> Iterator[str]:
    """What the checks of a program without a form scan in `fields` beyond their texts
    (each key's words; each text and number after them, as the gate reads a value after
    its key), for an import to scan ahead."""
    for key, value in fields.items():
        if not isinstance(key, str):
            continue
        yield _key_words(key)
        yield _key_parts(key)
        if (numbers := numbers_read(key)) is not None:
            yield numbers
        yield titled(_key_words(key))
        for item in value if isinstance(value, list) else [value]:
            if _is_number(item) or (isinstance(item, str) and item):
                yield f"{_key_words(key)}: {item}"
        if isinstance(value, list) and len(value) > 1:
            yield f"{_key_words(key)}: {_shown_list(value)}"


def _coerce_field(spec: dict[str, Any], raw: Any) -> Any:
    kind = spec.get("type", "text")
    if kind == "number":
        if isinstance(raw, bool):
            raise ValueError("must be a number.")
        try:
            number = float(raw) if not isinstance(raw, int | float) else raw
        except (TypeError, ValueError):
            raise ValueError("must be a number.") from None
        if isinstance(number, float) and number.is_integer() and not isinstance(raw, float):
            number = int(number)
        if "min" in spec and number < spec["min"]:
            raise ValueError(f"must be at least {spec['min']}.")
        if "max" in spec and number > spec["max"]:
            raise ValueError(f"must be at most {spec['max']}.")
        return number
    if kind == "boolean":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("yes", "true", "1"):
            return True
        if text in ("no", "false", "0"):
            return False
        raise ValueError("must be yes or no.")
    if kind == "choice":
        if isinstance(raw, list | dict):
            raise ValueError("must be one of the listed choices.")
        value = str(raw)
        if value not in spec["choices"]:
            raise ValueError(f"must be one of: {', '.join(spec['choices'])}.")
        return value
    if kind == "multi":
        items = raw if isinstance(raw, list) else [raw]
        out = []
        for item in items:
            value = str(item)
            if value not in spec["choices"]:
                raise ValueError(f"must each be one of: {', '.join(spec['choices'])}.")
            out.append(value)
        return out
    if isinstance(raw, list | dict):
        raise ValueError("must be text.")
    text = str(raw)
    if len(text) > 2000:
        raise ValueError("is longer than 2,000 characters.")
    return text


@dataclass
class CaseData:
    """The editable content of a case, as validated input."""

    title: str
    question: str = ""
    presentation: str = ""
    age: Any = None
    sex: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)
    topics: Iterable[str] = ()


def validate_content(
    program: Program, data: CaseData, *, require_all: bool, template: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The case content checked against the program, normalised for storing (topics as
    names); raises ValidationError naming every bad field."""
    errors: dict[str, str] = {}
    title = (data.title or "").strip() if isinstance(data.title, str) else None
    if not title:
        errors["title"] = "Title is required."
    elif len(title) > TITLE_MAX:
        errors["title"] = f"Title must be at most {TITLE_MAX} characters."
    for name in ("question", "presentation"):
        value = getattr(data, name)
        if value is not None and not isinstance(value, str):
            errors[name] = f"{name.capitalize()} must be text."
        elif value and len(value) > TEXT_MAX:
            errors[name] = f"{name.capitalize()} must be at most {TEXT_MAX:,} characters."
    if require_all and not (data.question or "").strip():
        errors["question"] = "Ask the hub at least one question."
    sex = None
    if data.sex not in (None, ""):
        try:
            sex = Sex(str(data.sex).strip().lower())
        except ValueError:
            errors["sex"] = "Sex must be one of: " + ", ".join(s.value for s in Sex) + "."
    age = None
    try:
        age = normalise_age(data.age)
    except ValidationError as exc:
        errors["age"] = exc.message
    clean_fields: dict[str, Any] = {}
    try:
        clean_fields = validate_fields(
            program, data.fields, require_all=require_all, template=template
        )
    except ValidationError as exc:
        errors.update(exc.errors)
    topics: list[str] = []
    if isinstance(data.topics, str) or not isinstance(data.topics, Iterable):
        errors["topics"] = "Topics must be a list of names."
    elif any(not isinstance(t, str) or not t.strip() for t in data.topics):
        errors["topics"] = "Topics must be non-empty names."
    elif any(len(" ".join(t.split())) > 120 for t in data.topics):
        errors["topics"] = "Topic name must be 1 to 120 characters."
    else:
        topics = [" ".join(t.split()) for t in data.topics]
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, errors=errors)
    return {
        "title": title,
        "question": (data.question or "").strip(),
        "presentation": (data.presentation or "").strip(),
        "age": age,
        "sex": sex,
        "fields": clean_fields,
        "topics": topics,
    }


# What the gate checks in a case, with the labels its form shows; the template's text fields
# (`fields.<key>`, labelled by the template) and new topic names (`topics[i]`) besides.
CASE_TEXTS = GatedFields(
    {"title": "Title", "question": "Questions for the hub", "presentation": "Presentation"},
    {"topics": "topic {}"},
)


def gate_texts(values: Mapping[str, Any], *, actor: Viewer = None) -> dict[str, str]:
    """The free-text parts of validated case content, by field name, for the gate: new topic
    names (`topics[i]`) among them, since a new topic is shown to the whole program."""
    texts = CASE_TEXTS.texts(**{name: values[name] for name in CASE_TEXTS.labels})
    texts.update(field_texts(values.get("fields") or {}))
    texts.update(topic_texts(values.get("topics") or [], actor=actor))
    return texts


def field_texts(fields: Mapping[str, Any]) -> dict[str, str]:
    """The texts of a case's fields for the gate: `fields.<key>`, and each text of a list (a
    program without a form keeps lists as given) as `fields.<key>[i]`, from 1 as elsewhere,
    with the list of two or more as the page shows it as `fields.<key>` (the gate counts a
    finding there only where no item has one of the same value: `gate.scan_by_field`).
    Numbers are read as text too (a form's "ZIP code" box is a number); a yes/no is not."""

    def gated(item: Any) -> str | None:
        if isinstance(item, str):
            return item
        if isinstance(item, float) and item.is_integer() and abs(item) < 1e18:
            return str(int(item))  # 77731234.0 is the number 77731234
        return str(item) if _is_number(item) else None

    texts: dict[str, str] = {}
    for key, value in fields.items():
        if isinstance(value, list):
            for i, item in enumerate(value, 1):
                if (text := gated(item)) is not None:
                    texts[f"fields.{key}[{i}]"] = text
            if len(value) > 1 and any(gated(item) is not None for item in value):
                # The page shows the items joined ("ssn: 123-45, 6789"): read so too.
                texts[f"fields.{key}"] = _shown_list(value)
        elif (text := gated(value)) is not None:
            texts[f"fields.{key}"] = text
    return texts


def _shown_list(items: Iterable[Any]) -> str:
    """A list field's items as the case page shows them (`queries.field_rows`)."""
    return ", ".join(str(item) for item in items)


def field_cues(fields: Mapping[str, Any], template: dict[str, Any] | None) -> dict[str, str]:
    """The words the gate reads each text of `field_texts` after, as the case page shows
    them beside it: the form's label of its key ("Surname: ", a number's with its unit:
    "Baseline HCV RNA (IU/mL): "), else the key's words ("patient name: "). "Whitcombe"
    alone is no finding; "Surname: Whitcombe" is one."""
    labels = {}
    for spec in fields_of(template):
        unit = spec.get("unit") if spec.get("type") == "number" else None
        # The page shows a number with its unit, which says what it measures.
        labels[str(spec["key"])] = f"{spec['label']} ({unit})" if unit else str(spec["label"])
    cues = {}
    for name in field_texts(fields):
        key = name.removeprefix("fields.").partition("[")[0]
        cues[name] = f"{labels.get(key) or _key_words(key)}: "
    return cues


def field_text_label(name: str, labels: Mapping[str, str]) -> str:
    """The label of a field text named as `field_texts` names it: the form's label of the
    key when it has one (`labels`, by key), else the key, which is a name."""
    key, _, index = name.removeprefix("fields.").partition("[")
    label = labels.get(key, key)
    return f"{label}, item {index[:-1]}" if index else label


def saved_texts(case: Case) -> dict[str, str]:
    """A saved case's free text by gate field name, as the gate read it at save (its fields'
    numbers too): its topics passed the gate when they were added (a list page calls this
    once per case)."""
    return gate_texts({**vars(content_of(case)), "topics": []})


def saved_cues(case: Case) -> dict[str, str]:
    """For the risk assessment, by gate field name: the words each field's text is read
    after, as the gate reads it (its label or key: "age years: 97")."""
    return field_cues(case.fields or {}, template_of(case))


def _gated(
    values: dict[str, Any],
    accepted: Iterable[Acceptance],
    template: dict[str, Any] | None,
    *,
    actor: Actor,
    program: Program,
) -> list[Any]:
    """Pass the validated content through the gate (each field after its label, from
    `template`; findings marked as `actor` may in `program`), then turn topic names into
    topics."""
    accepted = list(accepted)
    overridden = guard(
        gate_texts(values, actor=actor),
        accepted,
        field_cues(values["fields"], template),
        actor=actor,
        program=program,
    )
    values["topics"] = resolve_topics(
        values["topics"], accepted=accepted, actor=actor, program=program
    )
    return overridden


@write_operation
def create_case(
    program: Program,
    data: CaseData,
    *,
    presenter: User | None,
    status: CaseStatus = CaseStatus.DRAFT,
    ref: str | None = None,
    follows: Case | None = None,
    actor: Actor,
    imported: bool = False,
    accepted: Iterable[Acceptance] = (),
) -> Case:
    """Create a case in a program. Drafts may be incomplete; other statuses need every
    required field of the template. Imports carry history, so they need IMPORT_DATA."""
    policy.require(actor, Permission.IMPORT_DATA if imported else Permission.SUBMIT_CASE, program)
    if ref is not None:
        check_ref(ref)
    values = validate_content(program, data, require_all=status is not CaseStatus.DRAFT)
    overridden = _gated(values, accepted, program.case_template, actor=actor, program=program)
    if follows is not None and follows.program_id != program.id:
        raise ValidationError(
            "A follow-up stays in the program of the case it follows.", field="follows"
        )
    case = Case(
        program=program,
        presenter=presenter,
        ref=ref,
        status=status,
        follows=follows,
        submitted_at=utcnow() if status is not CaseStatus.DRAFT else None,
        # A new case has none of these: known empty, they are never loaded from the database.
        presentations=[],
        recommendations=[],
        outcomes=[],
        follow_ups=[],
        review_comments=[],
        template_version=program.template_version,
        **values,
    )
    db.session.add(case)
    db.session.flush()
    record(actor, "case.created", case, status=str(status), program_id=program.id)
    remember_overrides(case, overridden, actor=actor, new=True)
    return case


@write_operation
def update_case(
    case: Case,
    data: CaseData,
    *,
    actor: Actor,
    imported: bool = False,
    accepted: Iterable[Acceptance] = (),
) -> list[str]:
    """Replace the editable content of a case; returns the names of the fields that changed."""
    if imported:
        policy.require_import(actor, case.program)
    else:
        policy.require_edit_case(actor, case)
    template = template_of(case)
    values = validate_content(
        case.program, data, require_all=case.status is not CaseStatus.DRAFT, template=template
    )
    overridden = _gated(values, accepted, template, actor=actor, program=case.program)
    changed = [name for name, value in values.items() if not _same(getattr(case, name), value)]
    for name in changed:
        setattr(case, name, values[name])
    if changed:
        record(actor, "case.updated", case, fields=",".join(changed))
        remember_overrides(case, overridden, actor=actor)
    return changed


def content_of(case: Case) -> CaseData:
    return CaseData(
        title=case.title,
        question=case.question,
        presentation=case.presentation,
        age=case.age,
        sex=str(case.sex) if case.sex else None,
        fields=case.fields or {},
        topics=[t.name for t in case.topics],
    )


def check_complete(case: Case) -> None:
    """Raise ValidationError naming each missing or invalid part, as submission requires."""
    errors: dict[str, str] = {}
    template = template_of(case)
    try:
        validate_content(case.program, content_of(case), require_all=True, template=template)
    except ValidationError as exc:
        errors.update(exc.errors or {exc.field or "case": exc.message})
    missing = [
        s
        for s in sections_of(template)
        if s.get("required") and not _has_section(case.presentation, s["label"])
    ]
    if missing:
        message = (
            "The presentation needs these sections: " + ", ".join(s["label"] for s in missing) + "."
        )
        errors["presentation"] = message
        # One entry per missing section, so a form can mark each one.
        errors.update({f"sections.{s['key']}": f"{s['label']} is required." for s in missing})
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, errors=errors)


def _has_section(presentation: str, label: str) -> bool:
    """A required section is present when its heading has some text under it."""
    from app.cases.sections import split_sections

    return any(
        heading.strip().lower() == label.strip().lower() and body.strip()
        for heading, body in split_sections(presentation)
    )


def _same(current: Any, new: Any) -> bool:
    if isinstance(new, list) and all(hasattr(item, "id") for item in new):  # topics
        return {t.id for t in current} == {t.id for t in new}
    return bool(current == new)


@write_operation
def set_status(case: Case, status: CaseStatus, *, actor: Actor, enforce: bool = True) -> None:
    """Move a case along its lifecycle; `enforce=False` is for importing history as it was."""
    status = CaseStatus(status)
    if enforce:
        policy.require_change_status(actor, case, status)
    else:
        policy.require_import(actor, case.program)
    if status is case.status:
        return
    if enforce and status not in TRANSITIONS[case.status]:
        raise ValidationError(
            f"A {case.status.label.lower()} case cannot become {status.label.lower()}.",
            field="status",
        )
    previous = case.status
    case.status = status
    if status is CaseStatus.SUBMITTED and case.submitted_at is None:
        case.submitted_at = utcnow()
    record(actor, "case.status_changed", case, previous=str(previous), status=str(status))


@write_operation
def schedule(
    case: Case,
    session: Session,
    *,
    presented: bool = False,
    actor: Actor,
    imported: bool = False,
) -> CasePresentation:
    """Put a case on a session's agenda (idempotent)."""
    if imported:
        policy.require_import(actor, case.program)
    else:
        policy.require(actor, Permission.MANAGE_SESSIONS, case)
    if session.program_id != case.program_id:
        raise ValidationError(
            "A case is presented in sessions of its own program.", field="session"
        )
    for presentation in case.presentations:
        if presentation.session_id == session.id:
            presentation.presented = presentation.presented or presented
            return presentation
    try:
        with db.session.begin_nested():
            presentation = CasePresentation(case=case, session=session, presented=presented)
            db.session.add(presentation)
            db.session.flush()
    except IntegrityError:
        # Scheduled by another transaction since `presentations` was read (PostgreSQL: its
        # row failed the unique index here): that one stands.
        db.session.expire(case, ["presentations"])
        db.session.expire(session, ["presentations"])
        existing = db.session.scalar(
            select(CasePresentation).where(
                CasePresentation.case_id == case.id, CasePresentation.session_id == session.id
            )
        )
        if existing is None:
            raise
        existing.presented = existing.presented or presented
        return existing
    record(actor, "case.scheduled", case, session_id=session.id)
    return presentation


# The keys the app makes: a random one (32 hex digits), and those derived from an item's place
# (`REF/r2`, `KEY/a1` for a recommendation's first annotation, `REF/o/KEY` for an outcome).
_RANDOM_KEY = re.compile(r"[0-9a-f]{32}")
_ANNOTATION_KEY = re.compile(r"(.+)/a[1-9][0-9]*")
_RECOMMENDATION_KEY = re.compile(r"([^/]+)/r[1-9][0-9]*")
_OUTCOME_KEY = re.compile(r"([^/]+)/o/(.+)")
_KEY_PLACES = re.compile(r"(?:^|/)(?:[ra][1-9][0-9]*|o)(?=/|$)")


def key_is_identifier(key: str) -> bool:
    """Whether an import's key for a recommendation, annotation or outcome reads as a patient
    identifier. A key the app makes is read by its parts (the ref, the recommendation's key);
    any other is read whole as a ref, its `/` and `:` as `-`, with and without the places a
    derived key names, so that an identifier split around one (`johnathan/r1/whitcombe`) is
    read as one."""
    if _RANDOM_KEY.fullmatch(key):
        return False
    if found := _ANNOTATION_KEY.fullmatch(key):
        return key_is_identifier(found[1])
    if found := _RECOMMENDATION_KEY.fullmatch(key):
        return ref_is_identifier(found[1])
    if found := _OUTCOME_KEY.fullmatch(key):
        return ref_is_identifier(found[1]) or key_is_identifier(found[2])
    readings = {key, _KEY_PLACES.sub("/", key)}
    return any(
        ref_is_identifier(re.sub(r"[/:]+", "-", r).strip("-")) for r in readings if r.strip("/")
    )


def ref_scans(ref: str) -> Iterator[str]:
    """What `ref_is_identifier` scans, for an import to scan ahead."""
    spaced, readings = ref_readings(ref)
    yield from (f"ref: {text}" for text in readings.values())
    yield titled(spaced.lower())


def check_ref(ref: str) -> None:
    """Refuse a ref that reads as an identifier, naming the field, never repeating the ref."""
    if ref_is_identifier(ref):
        raise ValidationError(f"Ref {REF_PROBLEM}.", field="ref")


def find_case_by_ref(ref: str) -> Case | None:
    return db.session.scalar(select(Case).where(Case.ref == ref))


def get_case(case_id: int) -> Case:
    case = db.session.get(Case, case_id)
    if case is None:
        raise NotFound(f"No case {case_id}.")
    return case
