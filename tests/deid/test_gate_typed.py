"""Parts of a text that rendering drops (an HTML comment, a tag's attributes, an image's alt
text and title) are still read: an edit box, the API and an export show the text as typed,
and a Markdown export's reader sees an image's alt text. An identifier hidden there behind
an invisible character, a look-alike letter or an HTML entity is refused as one hidden by
formatting is. So is one percent-encoded in a link's address, which a browser shows
decoded."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.deid.gate import Acceptance, IdentifiersFound, check, scan_by_field
from app.deid.parallel import scan_and_show
from app.deid.shown import typed_text
from app.extensions import db
from app.programs.operations import create_program
from tests.support.clients import bearer

ZW = "\u200b"
SSN = f"SSN 12{ZW}3-45-6789"  # an edit box shows "SSN 123-45-6789"
NAME = "Patient H\u0430rriet Qu\u0435nby"  # Cyrillic а and е

# Each hides an identifier where rendering drops it; the text as typed shows it.
DROPPED = {
    "comment": (f"Seen today. <!-- {SSN} -->", {"SSN"}),
    "comment_name": (f"Seen today.\n\n<!--\n{NAME} seen\n-->", {"NAME"}),
    "cdata": (f"Seen today. <![CDATA[{SSN}]]>", {"SSN"}),
    "instruction": (f"Seen today. <?note {SSN} ?>", {"SSN"}),
    "declaration": (f"Seen today.\n\n<!DOCTYPE {SSN}>", {"SSN"}),
    "tag_attribute": (f'Seen <span data-note="{SSN}">today</span>.', {"SSN"}),
    "image_alt": (f"Seen today. ![{SSN}](scan.png)", {"SSN"}),
    "image_alt_name": (f"Seen today. ![{NAME} seen](scan.png)", {"NAME"}),
    "image_title": (f'Seen today. ![scan](scan.png "{SSN}")', {"SSN"}),
    "raw_image_alt": (f'Seen today. <img alt="{SSN}" src="scan.png">', {"SSN"}),
    # A Markdown export's viewer shows an image's alt text and title with entities decoded.
    "image_alt_entity": ("Seen today. ![SSN 1&#50;3-45-6789](scan.png)", {"SSN"}),
    "raw_image_alt_entity": ('Seen <img alt="SSN 1&#50;3-45-6789" src="s.png"> today.', {"SSN"}),
    "image_title_entity": ('Seen today. ![scan](scan.png "SSN 1&#50;3-45-6789")', {"SSN"}),
}


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(DROPPED))
def test_an_identifier_where_rendering_drops_it_is_refused_as_hidden(kind):
    text, categories = DROPPED[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    refused = info.value
    assert refused.findings == []
    assert {(h.field, h.category) for h in refused.hidden} == {
        ("presentation", c) for c in categories
    }
    assert "once formatting is removed" in refused.errors["presentation"]
    said = json.dumps(refused.to_dict())
    assert "6789" not in said and "nby" not in said


def test_a_value_in_both_readings_is_matched_in_each_and_a_marked_one_passes():
    # The rendered reading and the reading as typed both hold the name: marked once, as
    # submitted, it is one finding, not one more per reading.
    text = f"Seen by Harriet Quenby.\n\n<!-- note{ZW} -->"
    [finding] = scan_by_field({"presentation": text})["presentation"]
    assert finding.category == "NAME"
    mark = Acceptance("presentation", finding.start, finding.end, "placeholder")
    assert [f.category for f, _ in check({"presentation": text}, [mark])] == ["NAME"]


def test_only_a_text_with_markdown_and_a_character_read_otherwise_is_read_as_typed():
    assert typed_text("SSN 12\u200b3-45-6789") is None  # no Markdown: read as shown already
    assert typed_text("**Sofosbuvir** 400 mg") is None  # ASCII
    # Micro and degree signs, accents and typographic quotes hide nothing.
    assert typed_text("**Fentanyl** 25 µg/h, 38 °C, José’s “wife”") is None
    assert typed_text(f"<!-- {SSN} -->") == "<!-- SSN 123-45-6789 -->"
    assert typed_text("<!-- ¹²³-⁴⁵-⁶⁷⁸⁹ -->") == "<!-- 123-45-6789 -->"
    assert typed_text("<!-- 555-86\x7f7-5309 -->") == "<!-- 555-867-5309 -->"


def test_import_workers_scan_the_text_as_typed_too():
    text = DROPPED["comment"][0]
    found, shown = scan_and_show([(text, False)])
    assert shown == {text: "Seen today. "}
    assert [f.category for f in found["Seen today. <!-- SSN 123-45-6789 -->"]] == ["SSN"]


def test_api_refuses_an_identifier_hidden_in_a_comment_and_stores_nothing(app, client, make_user):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    user = make_user("provider", programs=["hcv"])
    for presentation in (DROPPED["comment"][0], DROPPED["image_alt_entity"][0]):
        body = {"program": "hcv", "title": "HCV case", "presentation": presentation}
        response = client.post("/api/v1/cases", json=body, headers=bearer(user))
        assert response.status_code == 422, response.get_json()
        answer = response.get_json()
        assert answer["hidden"] == [{"field": "presentation", "category": "SSN"}]
        assert "6789" not in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Case.id))) == 0


def _marking_every_url(text: str) -> list[Acceptance]:
    found = scan_by_field({"presentation": text})["presentation"]
    return [
        Acceptance("presentation", f.start, f.end, "not_about_patient")
        for f in found
        if f.category == "URL"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "See [the note](http://x.org/?ssn=%31%32%33%2D%34%35%2D%36%37%38%39).",
        "See <https://example.org/a%20b/%31%32%33-45-6789>.",
        "See [x](https://example.org/%4A%6F%68%6E%20Smith).",
    ],
)
def test_a_marked_address_that_a_browser_shows_otherwise_is_refused(text):
    # Marking the address as typed says nothing of the one the browser shows decoded.
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text}, _marking_every_url(text))
    assert [h.category for h in info.value.hidden] == ["URL"]


def test_an_ordinary_percent_encoded_address_once_marked_passes():
    text = "See [guide](https://example.org/some%20guide.pdf?q=%C3%A9t%C3%A9&x=a%2Fb)."
    assert [f.category for f, _ in check({"presentation": text}, _marking_every_url(text))] == [
        "URL"
    ]
