"""The case form, built from the program's template: reading what was typed and filling it back.

The form is hand-built (its fields come from the template) and posted with the CSRF token
that Flask-WTF checks on every request. Text is stripped here exactly as the operations
strip it, so the offsets the gate reports refer to the text that the panels show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.cases.lifecycle import follow_up_facts
from app.cases.models import Case, Sex
from app.cases.operations import CaseData
from app.cases.sections import join_sections_with_spans, sections_by_key
from app.programs.case_templates import template_of
from app.programs.models import Program, fields_of, sections_of

SEX_CHOICES = [(s.value, s.value.capitalize()) for s in Sex]


@dataclass
class CaseForm:
    """What the form shows: values as typed, errors by field name, gate panels by box."""

    title: str = ""
    age: str = ""
    sex: str = ""
    question: str = ""
    topics: str = ""
    sections: dict[str, str] = field(default_factory=dict)
    rest: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    message: str = ""
    panels: dict[str, Any] = field(default_factory=dict)

    def value(self, name: str) -> Any:
        return getattr(self, name)


def form_from_case(program: Program, case: Case) -> CaseForm:
    sections = sections_of(template_of(case))
    bodies, rest = sections_by_key(case.presentation, sections)
    if not sections:
        bodies, rest = {}, case.presentation or ""
    return CaseForm(
        title=case.title,
        age=case.age or "",
        sex=str(case.sex) if case.sex else "",
        question=case.question or "",
        topics=", ".join(t.name for t in case.topics),
        sections=bodies,
        rest=rest,
        fields=dict(case.fields or {}),
    )


def form_for_follow_up(program: Program, earlier: Case) -> CaseForm:
    """A follow-up starts from the patient's facts, not from the earlier story."""
    facts = follow_up_facts(earlier)
    return CaseForm(
        title=facts.title,
        age=facts.age or "",
        sex=facts.sex or "",
        topics=", ".join(facts.topics),
        fields=dict(facts.fields),
    )


def read_case_form(
    program: Program, form: Any, template: dict[str, Any] | None = None
) -> tuple[CaseForm, CaseData, dict, dict]:
    """(what to show again, the operation's input, the gate's texts by field, boxes by field),
    read with `template` (an existing case's version) or the program's current form."""
    sections, specs = _parts(program, template)
    typed = CaseForm(
        title=form.get("title", "").strip(),
        age=form.get("age", "").strip(),
        sex=form.get("sex", "").strip(),
        question=form.get("question", "").strip(),
        topics=form.get("topics", "").strip(),
        sections={str(s["key"]): form.get(f"sections.{s['key']}", "").strip() for s in sections},
        rest=form.get("rest", "").strip(),
    )
    values: dict[str, Any] = {}
    for spec in specs:
        name = f"fields.{spec['key']}"
        kind = spec.get("type", "text")
        raw: Any = form.getlist(name) if kind == "multi" else form.get(name, "").strip()
        typed.fields[spec["key"]] = raw
        if raw not in ("", []):
            values[spec["key"]] = raw
    presentation, spans = join_sections_with_spans(typed.sections, sections, typed.rest)
    data = CaseData(
        title=typed.title,
        question=typed.question,
        presentation=presentation,
        age=typed.age or None,
        sex=typed.sex or None,
        fields=values,
        topics=[t.strip() for t in typed.topics.split(",") if t.strip()],
    )
    texts = {"title": typed.title, "question": typed.question, "presentation": presentation}
    for spec in specs:
        value = values.get(spec["key"])
        if spec.get("type", "text") == "text" and isinstance(value, str):
            texts[f"fields.{spec['key']}"] = value
    labels = {str(s["key"]): str(s["label"]) for s in sections}
    boxes = {
        "presentation": {
            (f"sections.{key}" if key != "rest" else "rest"): (
                start,
                end,
                labels.get(key, "Other notes"),
            )
            for key, (start, end) in spans.items()
        }
    }
    return typed, data, texts, boxes


def field_labels(program: Program, template: dict[str, Any] | None = None) -> dict[str, str]:
    labels = {"title": "Title", "question": "Questions for the hub", "presentation": "Presentation"}
    labels.update({f"fields.{f['key']}": str(f["label"]) for f in _parts(program, template)[1]})
    return labels


def _parts(program: Program, template: dict[str, Any] | None) -> tuple[list, list]:
    chosen = template if template is not None else program.case_template
    return sections_of(chosen), fields_of(chosen)
