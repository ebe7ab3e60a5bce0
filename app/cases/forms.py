"""The case forms: the case (new, follow-up, edit), returning a case, outcomes at a follow-up.

They parse what was typed and carry it back to a refused page; the rules and the gate are
the operations'. The case form's boxes come from the program's template, so its class is
built per template (`case_form`), with the boxes named as the page has always named them
(`sections.<key>`, `fields.<key>`). Text is stripped here exactly as the operations strip
it, so the offsets the gate reports refer to the text that the panels show. A saved case's
fields the form has no box for (free fields from an import or the API) are kept as they are,
as the API keeps what a PATCH leaves out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import suppress
from typing import Any, ClassVar

from flask import request
from flask_wtf import FlaskForm
from wtforms import Field, Form, FormField, HiddenField, StringField

from app.cases.lifecycle import RETURN_TEXTS, OutcomeEntry, follow_up_facts
from app.cases.models import Case, Sex
from app.cases.operations import (
    CASE_TEXTS,
    CaseData,
    content_of,
    field_cues,
    field_text_label,
    field_texts,
)
from app.cases.queries import FieldRow, field_rows
from app.cases.sections import join_sections_with_spans, sections_by_key
from app.deid.forms import GatedForm, LongText, Spans, Text, as_given, stripped
from app.deid.web import Panel
from app.errors import ValidationError
from app.inputs import id_value
from app.programs.case_templates import template_of
from app.programs.forms import form_topic_texts
from app.programs.models import Program, fields_of, sections_of
from app.recommendations.models import Outcome, Recommendation
from app.recommendations.operations import OUTCOME_TEXTS

SEX_CHOICES = [(s.value, s.value.capitalize()) for s in Sex]


def typed(value: Any) -> Any:
    """A structured field's value: typed text stripped; a saved number or yes/no as it is."""
    if value is None:
        return ""
    return value.strip() if isinstance(value, str) else value


class ChoicesField(Field):
    """Ticked boxes sharing one name, as a list (the operation checks them)."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        self.data = list(valuelist)

    def process_data(self, value: Any) -> None:
        self.data = list(value) if isinstance(value, list | tuple) else []


class CaseForm(GatedForm):
    """The fixed boxes of every case form; `case_form` adds the template's."""

    gated = CASE_TEXTS
    template_sections: ClassVar[list[dict[str, Any]]] = []
    template_fields: ClassVar[list[dict[str, Any]]] = []

    title = Text(filters=[stripped])
    age = Text(filters=[stripped])
    sex = Text(filters=[stripped])
    question = LongText(filters=[stripped])
    topics = Text(filters=[stripped])
    rest = LongText(filters=[stripped])
    # "submit" from "Submit for review"
    action = HiddenField(filters=[as_given])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The saved fields this form has no box for: sent back unchanged, shown read-only.
        self.kept: dict[str, Any] = {}

    def value(self, name: str) -> Any:
        """What the box named `name` shows."""
        field = self._fields.get(name)
        return field.data if field is not None else None

    def kept_rows(self) -> list[tuple[FieldRow, list[Panel]]]:
        """The kept fields as the case page shows them, each with its texts' gate panels."""
        rows: list[tuple[FieldRow, list[Panel]]] = []
        for key, value in self.kept.items():
            panels = [
                panel
                for name, panel in self.panels.items()
                if name == f"fields.{key}" or name.startswith(f"fields.{key}[")
            ]
            rows.extend((row, panels) for row in field_rows({}, {key: value}))
        return rows

    def topic_names(self) -> list[str]:
        return [t.strip() for t in self.topics.data.split(",") if t.strip()]

    def _structured(self) -> dict[str, Any]:
        values = dict(self.kept)
        for spec in self.template_fields:
            raw = self.value(f"fields.{spec['key']}")
            if raw not in ("", [], None):
                values[spec["key"]] = raw
        return values

    def _presentation(self) -> tuple[str, dict[str, tuple[int, int]]]:
        bodies = {str(s["key"]): self.value(f"sections.{s['key']}") for s in self.template_sections}
        return join_sections_with_spans(bodies, self.template_sections, self.rest.data)

    def case_data(self) -> CaseData:
        """The operation's input."""
        return CaseData(
            title=self.title.data,
            question=self.question.data,
            presentation=self._presentation()[0],
            age=self.age.data or None,
            sex=self.sex.data or None,
            fields=self._structured(),
            topics=self.topic_names(),
        )

    def gate_texts(self) -> dict[str, str]:
        texts = CASE_TEXTS.texts(
            title=self.title.data, question=self.question.data, presentation=self._presentation()[0]
        )
        values = self._structured()
        for spec in self.template_fields:
            value = values.get(spec["key"])
            # A number box is read too ("ZIP code: 87106"), as the operation reads it.
            if spec.get("type", "text") in ("text", "number") and isinstance(value, str):
                texts[f"fields.{spec['key']}"] = value
        texts.update(field_texts(self.kept))  # the operation gates them again
        with suppress(ValidationError):  # a bad name is reported as such, not as a panel
            texts.update(form_topic_texts(self.topic_names()))
        return texts

    def gate_cues(self) -> dict[str, str]:
        return field_cues(self._structured(), {"fields": self.template_fields})

    def gate_labels(self, texts: Mapping[str, str]) -> dict[str, str]:
        labels = CASE_TEXTS.labels_of(texts)
        by_key = {str(f["key"]): str(f["label"]) for f in self.template_fields}
        labels.update({n: field_text_label(n, by_key) for n in texts if n.startswith("fields.")})
        return labels

    def gate_spans(self) -> Spans:
        labels = {str(s["key"]): str(s["label"]) for s in self.template_sections}
        return {
            "presentation": {
                (f"sections.{key}" if key != "rest" else "rest"): (
                    start,
                    end,
                    labels.get(key, "Other notes"),
                )
                for key, (start, end) in self._presentation()[1].items()
            }
        }


def case_form_class(template: dict[str, Any] | None) -> type[CaseForm]:
    """The case form for a template: a box per section and per structured field."""
    sections, specs = sections_of(template), fields_of(template)
    boxes: dict[str, Any] = {
        "template_sections": sections,
        "template_fields": specs,
    }
    for section in sections:
        boxes[f"sections.{section['key']}"] = LongText(filters=[stripped])
    for spec in specs:
        multi = spec.get("type", "text") == "multi"
        boxes[f"fields.{spec['key']}"] = ChoicesField() if multi else StringField(filters=[typed])
    return type("CaseForm", (CaseForm,), boxes)


def case_form(
    program: Program, template: dict[str, Any] | None = None, *, data: CaseData | None = None
) -> CaseForm:
    """The form of `template` (an existing case's version) or of the program's current one:
    on a POST, what was typed; otherwise `data` (a case's content, or nothing)."""
    chosen = template if template is not None else program.case_template
    form_class = case_form_class(chosen)
    if request.method == "POST":
        return form_class()
    return form_class(formdata=None, data=_shown(chosen, data) if data is not None else None)


def _shown(template: dict[str, Any] | None, data: CaseData) -> dict[str, Any]:
    sections = sections_of(template)
    bodies, rest = sections_by_key(data.presentation, sections)
    if not sections:
        bodies, rest = {}, data.presentation or ""
    shown: dict[str, Any] = {
        "title": data.title,
        "age": data.age or "",
        "sex": str(data.sex) if data.sex else "",
        "question": data.question or "",
        "topics": ", ".join(data.topics),
        "rest": rest,
    }
    shown.update({f"sections.{key}": body for key, body in bodies.items()})
    shown.update({f"fields.{key}": value for key, value in (data.fields or {}).items()})
    return shown


def form_from_case(case: Case) -> CaseForm:
    """The edit form filled from the saved case, with the template it was written with;
    the saved fields it has no box for are kept."""
    template = template_of(case)
    if request.method == "POST":  # what was typed; the saved boxes are not read
        form = case_form(case.program, template)
    else:
        form = case_form(case.program, template, data=content_of(case))
    return _keeping(form, case.fields)


def form_for_follow_up(earlier: Case) -> CaseForm:
    """A follow-up starts from the patient's facts, not from the earlier story."""
    facts = follow_up_facts(earlier)
    return _keeping(case_form(earlier.program, data=facts), facts.fields)


def _keeping(form: CaseForm, fields: Mapping[str, Any] | None) -> CaseForm:
    """`form` keeping those of `fields` it has no box for."""
    boxes = {str(spec["key"]) for spec in form.template_fields}
    form.kept = {k: v for k, v in (fields or {}).items() if k not in boxes}
    return form


class ReturnForm(GatedForm):
    """A coordinator returns a case to its presenter with comments."""

    gated = RETURN_TEXTS

    comment = LongText(filters=[stripped])

    def gate_texts(self) -> dict[str, str]:
        return self.gated.texts(comment=self.comment.data)


class OutcomeBoxes(Form):
    adoption = Text(filters=[stripped])
    patient_status = Text(filters=[stripped])
    note = LongText(filters=[stripped])


class OutcomesForm(GatedForm):
    """What became of each published recommendation of the earlier case, at its follow-up;
    boxes named `outcomes.<recommendation id>.adoption` and so on."""

    gated = OUTCOME_TEXTS
    recommendations: ClassVar[list[Recommendation]] = []

    def entries(self) -> list[OutcomeEntry]:
        return [OutcomeEntry(r, **self[f"outcomes.{r.id}"].data) for r in self.recommendations]

    def gate_texts(self) -> dict[str, str]:
        return {
            f"outcomes.{r.id}.{name}": text
            for r in self.recommendations
            for name, text in self.gated.texts(note=self[f"outcomes.{r.id}"].note.data).items()
        }

    def gate_labels(self, texts: Mapping[str, str]) -> dict[str, str]:
        return {
            f"outcomes.{r.id}.{name}": f"{label} on recommendation {r.position}"
            for r in self.recommendations
            for name, label in self.gated.labels.items()
        }


def outcomes_form(
    recommendations: Iterable[Recommendation], saved: Mapping[int, Outcome]
) -> OutcomesForm:
    """On a POST, what was typed; otherwise the outcomes recorded so far."""
    recommendations = list(recommendations)
    boxes: dict[str, Any] = {"recommendations": recommendations}
    for r in recommendations:
        boxes[f"outcomes.{r.id}"] = FormField(OutcomeBoxes, separator=".")
    form_class = type("OutcomesForm", (OutcomesForm,), boxes)
    if request.method == "POST":
        return form_class()
    data = {}
    for r in recommendations:
        o = saved.get(r.id)
        data[f"outcomes.{r.id}"] = {
            "adoption": str(o.adoption) if o else "",
            "patient_status": str(o.patient_status) if o else "",
            "note": o.note if o else "",
        }
    return form_class(formdata=None, data=data)


class CaseActionForm(FlaskForm):
    """A status button on a case (submit, approve …): where to go afterwards, at most."""

    next = HiddenField()


class WithdrawForm(FlaskForm):
    confirm = HiddenField()
    reason = HiddenField()


class PurgeForm(FlaskForm):
    """The span to purge everywhere; the operation checks it and the reason."""

    text = HiddenField()
    reason = HiddenField()


class ScheduleForm(FlaskForm):
    session_id = HiddenField(filters=[as_given])

    def session(self) -> int | None:
        return id_value(self.session_id.data)
