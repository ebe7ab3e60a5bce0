"""Characters no reader sees are read as absent in every text: an ASCII control character
(as C1 controls and DEL already were), an unassigned code point Unicode reserves as
default-ignorable (browsers and editors draw nothing for it), and a blank Braille cell
(drawn as a space). An edit box, the API's answer and the exports (CSV, JSONL, Markdown)
carry the stored text, where "SSN 123\\x01-45-6789" reads as an SSN; the rendered page,
whose sanitizer writes "?" for the control character, is read too. And a form's
placeholder, value and label, and an aria-label, which a Markdown export's viewer shows or
speaks, are read as a tooltip is."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.deid.gate import IdentifiersFound, check
from app.deid.parallel import scan_and_show
from app.deid.shown import plain_letters, shown_text, typed_text
from app.extensions import db
from app.programs.operations import create_program
from tests.support.clients import bearer

UNDRAWN = {
    "start_of_heading": ("SSN 123\x01-45-6789 on file.", "SSN"),
    "unit_separator": ("SSN 123-45\x1f-6789 on file.", "SSN"),
    "file_separator": ("SSN 123-45-\x1c6789 on file.", "SSN"),
    "phone_stx": ("Call 617\x02-555-0142 after 5.", "PHONE"),
    "with_markdown": ("SSN 123\x01-45-6789, *seen*.", "SSN"),
    "in_a_comment": ("Seen. <!-- SSN 123\x01-45-6789 -->", "SSN"),
    "ignorable_2065": ("SSN 123\u2065-45-6789 on file.", "SSN"),
    "ignorable_fff0": ("SSN 123\ufff0-45-6789 on file.", "SSN"),
    "ignorable_tag_block": ("SSN 123\U000e0080-45-6789 on file.", "SSN"),
    "ignorable_in_a_comment": ("Seen. <!-- SSN 123\ufff3-45-6789 -->", "SSN"),
    "braille_blank": ("SSN 123\u280045\u28006789 on file.", "SSN"),
}

# Attributes a viewer that renders a Markdown export's HTML shows or speaks (the page's
# sanitizer drops them), entities decoded.
SHOWN_ATTRIBUTES = {
    "placeholder": 'Seen <input placeholder="SSN 123&#45;45&#45;6789"> today.',
    "value": 'Seen <input value="SSN 123&#45;45&#45;6789"> today.',
    "label": 'Seen <select><option label="SSN 123&#45;45&#45;6789"></select> today.',
    "aria_label": 'Seen <span aria-label="SSN 123&#45;45&#45;6789">x</span> today.',
}


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(UNDRAWN))
def test_an_identifier_split_by_a_character_nobody_sees_is_refused(kind):
    text, category = UNDRAWN[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    refused = info.value
    assert category in {h.category for h in refused.hidden} | {f.category for f in refused.findings}
    assert "6789" not in json.dumps(refused.to_dict())


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(SHOWN_ATTRIBUTES))
def test_an_identifier_in_an_attribute_a_viewer_shows_is_refused(kind):
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": SHOWN_ATTRIBUTES[kind]})
    assert [h.category for h in info.value.hidden] == ["SSN"]


def test_undrawn_characters_read_as_nothing_and_drawn_ones_stay():
    assert plain_letters("a\x01b\x1fc\x7fd\u2065e\ufff0f\U000e0080g") == "abcdefg"
    assert plain_letters("1\u28002") == "1 2"
    # Tabs and line breaks are drawn (as space and lines); so is an assigned letter.
    assert plain_letters("a\tb\nc\rd\x0be\x0cf") == "a\tb\nc\rd\x0be\x0cf"
    assert plain_letters("José\u3042") == "José\u3042"
    assert shown_text("ALT 54\tAST 60\r\nnormal") is None
    assert shown_text("SSN 123\x01-45-6789") == "SSN 123-45-6789"
    assert typed_text("<!-- 555-86\x017-5309 -->") == "<!-- 555-867-5309 -->"


def test_import_workers_read_an_undrawn_character_as_absent():
    text = UNDRAWN["start_of_heading"][0]
    found, shown = scan_and_show([(text, False)])
    assert shown == {text: "SSN 123-45-6789 on file."}
    assert [f.category for f in found["SSN 123-45-6789 on file."]] == ["SSN"]


def test_api_refuses_an_identifier_split_by_a_control_character(app, client, make_user):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    user = make_user("provider", programs=["hcv"])
    body = {"program": "hcv", "title": "HCV case", "presentation": UNDRAWN["unit_separator"][0]}
    response = client.post("/api/v1/cases", json=body, headers=bearer(user))
    assert response.status_code == 422, response.get_json()
    assert "6789" not in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Case.id))) == 0
