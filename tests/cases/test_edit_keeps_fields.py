"""Saving the web case form keeps the fields it has no box for: the free fields of a case in a
program without a case form (from an import or the API), lists among them, and the values of a
case written before its program's form changed. The form sends back what the page shows."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest
from sqlalchemy import select

from app.auth.policy import SYSTEM
from app.cases.models import Case, CaseStatus
from app.cases.operations import CaseData, create_case
from app.deid.models import DeidOverride
from app.extensions import db
from app.programs.case_templates import save_template
from app.programs.operations import create_program, create_session
from tests.conftest import sign_in
from tests.support.clients import bearer

FREE = {"notes": ["Seen weekly.", "Better by spring."], "visits": 3, "smoker": False, "stage": "F2"}
FORM_V1 = {
    "fields": [
        {"key": "genotype", "label": "Genotype", "type": "text"},
        {"key": "fib4", "label": "FIB-4", "type": "number"},
        {
            "key": "substances",
            "label": "Substances",
            "type": "multi",
            "choices": ["alcohol", "opioids"],
        },
    ]
}
FORM_V2 = {"fields": [{"key": "genotype", "label": "Genotype", "type": "text"}]}


class _FormReader(HTMLParser):
    """The values a browser would send for the page's case form (buttons aside)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        name = a.get("name")
        if tag == "input" and name and name != "csrf_token":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button"):
                self.values.append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            self.values.append((name, ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.values.append((self._select, a.get("value", "")))

    def handle_data(self, data: str) -> None:
        if self._textarea:
            name, text = self.values.pop()
            self.values.append((name, text + data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def resubmitted(client, case_id: int, **changes: str) -> Any:
    """Open the edit page, change `changes`, save as the page's draft button would."""
    page = client.get(f"/cases/{case_id}/edit")
    assert page.status_code == 200
    reader = _FormReader()
    reader.feed(page.get_data(as_text=True))
    data: dict[str, list[str]] = {}
    for name, value in reader.values:
        data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in changes.items()})
    data["action"] = ["draft"]
    return client.post(f"/cases/{case_id}/edit", data=data)


@pytest.fixture
def programs(app):
    pain = create_program("pain", "Chronic Pain ECHO", actor=SYSTEM)
    hcv = create_program("hcv", "Hepatitis C ECHO", template=FORM_V1, actor=SYSTEM)
    create_session(pain, date(2026, 3, 10), actor=SYSTEM)
    db.session.commit()
    return pain, hcv


@pytest.fixture
def provider(programs, make_user):
    return make_user("provider", programs=["pain", "hcv"])


def _draft(program, provider, fields):
    case = create_case(
        program,
        CaseData(
            "Back pain", question="How to taper?", presentation="Low back pain.", fields=fields
        ),
        presenter=provider,
        status=CaseStatus.DRAFT,
        actor=provider,
    )
    db.session.commit()
    return case


def test_a_web_edit_keeps_the_free_fields_of_a_program_without_a_form(client, programs, provider):
    program, _ = programs
    case = _draft(program, provider, dict(FREE))
    sign_in(client, provider)
    answer = resubmitted(client, case.id, title="Chronic low back pain")
    assert answer.status_code == 303, answer.get_data(as_text=True)
    db.session.refresh(case)
    assert case.title == "Chronic low back pain"
    assert case.fields == FREE


def test_a_web_edit_keeps_free_fields_after_the_program_gains_a_form(client, programs, provider):
    program, _ = programs
    case = _draft(program, provider, dict(FREE))
    save_template(program, FORM_V2, actor=SYSTEM)
    db.session.commit()
    sign_in(client, provider)
    answer = resubmitted(client, case.id, title="Chronic low back pain")
    assert answer.status_code == 303, answer.get_data(as_text=True)
    db.session.refresh(case)
    assert case.title == "Chronic low back pain"
    assert case.fields == FREE


def test_a_web_edit_keeps_values_of_a_field_the_current_form_dropped(client, programs, provider):
    _, program = programs
    fields = {"genotype": "1a", "fib4": 2.1, "substances": ["alcohol", "opioids"]}
    case = _draft(program, provider, dict(fields))
    save_template(program, FORM_V2, actor=SYSTEM)
    db.session.commit()
    sign_in(client, provider)
    answer = resubmitted(client, case.id, title="Genotype 1a, cirrhosis")
    assert answer.status_code == 303, answer.get_data(as_text=True)
    db.session.refresh(case)
    assert case.title == "Genotype 1a, cirrhosis"
    assert case.fields == fields


def test_the_edit_page_shows_the_kept_fields_read_only(client, programs, provider):
    program, _ = programs
    case = _draft(program, provider, dict(FREE))
    sign_in(client, provider)
    page = client.get(f"/cases/{case.id}/edit").get_data(as_text=True)
    assert "Other fields" in page and "saving keeps them as they are" in page
    assert "<dt>Notes</dt><dd>Seen weekly., Better by spring.</dd>" in page
    assert "<dt>Smoker</dt><dd>No</dd>" in page
    assert 'name="fields.' not in page


def test_a_kept_text_passes_the_gate_again_with_its_panel_on_the_page(client, programs, provider):
    headers = bearer(provider)
    body = {
        "program": "pain",
        "title": "Back pain",
        "question": "How to taper?",
        "fields": {"notes": ["Weekly.", "The clinic line is 603-555-0142."], "visits": 3},
    }
    found = client.post("/api/v1/cases", headers=headers, json=body).get_json()["findings"]
    accepted = [
        {**{k: f[k] for k in ("field", "start", "end", "category")}, "reason": "not_about_patient"}
        for f in found
    ]
    made = client.post("/api/v1/cases", headers=headers, json={**body, "accept_findings": accepted})
    assert made.status_code == 201, made.get_json()
    case_id = made.get_json()["id"]
    sign_in(client, provider)
    answer = resubmitted(client, case_id, title="Chronic back pain")
    assert answer.status_code == 422
    page = answer.get_data(as_text=True)
    assert "Possible identifiers in notes, item 2" in page
    [key] = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    assert key.startswith("fields.notes[2]|")
    answer = resubmitted(
        client,
        case_id,
        title="Chronic back pain",
        accept_finding=key,
        **{f"reason|{key}": "not_about_patient"},
    )
    assert answer.status_code == 303, answer.get_data(as_text=True)
    db.session.rollback()
    case = db.session.get(Case, case_id)
    assert case.title == "Chronic back pain"
    assert case.fields == body["fields"]
    assert {o.field for o in db.session.scalars(select(DeidOverride))} == {"fields.notes[2]"}


def test_a_web_follow_up_carries_the_free_fields_of_the_case_it_follows(client, programs, provider):
    program, _ = programs
    earlier = _draft(program, provider, dict(FREE))
    earlier.status = CaseStatus.CLOSED
    db.session.commit()
    sign_in(client, provider)
    page = client.get(f"/cases/{earlier.id}/follow-up").get_data(as_text=True)
    assert "<dt>Notes</dt><dd>Seen weekly., Better by spring.</dd>" in page
    answer = client.post(
        f"/cases/{earlier.id}/follow-up",
        data={"title": "Back pain, three months on", "action": "draft"},
    )
    assert answer.status_code == 303, answer.get_data(as_text=True)
    follow_up = db.session.scalar(select(Case).where(Case.follows_id == earlier.id))
    assert follow_up.fields == FREE
