"""Identifiers written in forms that the gate once passed as clean text."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.auth.policy import SYSTEM
from app.deid.gate import IdentifiersFound, check
from app.errors import ValidationError
from app.extensions import db
from app.programs.models import Program
from app.programs.operations import create_program

# An SSN whose cue is joined to it by a dash ("SSN-123-45-6789"): the bare-number rule does
# not take digits after a dash (a lab code's tail), and the cued rules took ":" or "#" only.
SSN_AFTER_A_DASH = [
    "Seen today, SSN-123-45-6789 on the intake form.",
    "Intake: ssn-123456789.",
    "Intake: SSN:-123-45-6789.",
    "Intake: SSN -123 45 6789.",
    "Intake: SSN-123.45.6789.",
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("text", SSN_AFTER_A_DASH)
def test_an_ssn_joined_to_its_cue_by_a_dash_is_refused(text):
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    assert "SSN" in {f.category for f in info.value.findings}


@pytest.mark.parametrize(
    "text",
    [
        "SSN-related benefits were discussed; follow-up in 2-3 weeks.",
        "HCV genotype 1a, RNA 1.2e6 IU/mL; SSRI-123 trial enrolment declined.",
    ],
)
def test_clean_text_near_an_ssn_cue_passes(text):
    assert check({"presentation": text}) == []


# Characters that are not dashes but are drawn as one between digits: the kana length mark
# (full and half width), CJK's horizontal stroke "一", a box-drawing half line.
DRAWN_AS_DASHES = {
    "kana_length_mark": ("SSN 123\u30fc45\u30fc6789 on file.", "SSN"),
    "halfwidth_length_mark": ("Call 617\uff70555\uff700142 after 5.", "PHONE"),
    "cjk_one": ("Call 617\u4e00555\u4e000142 after 5.", "PHONE"),
    "box_half_line": ("SSN 123\u257445\u25746789 on file.", "SSN"),
}


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(DRAWN_AS_DASHES))
def test_an_identifier_split_by_a_character_drawn_as_a_dash_is_refused(kind):
    text, category = DRAWN_AS_DASHES[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    assert category in {h.category for h in info.value.hidden}


def test_japanese_and_chinese_text_with_those_characters_passes():
    text = "\u30c7\u30fc\u30bf\u78ba\u8a8d\u3001\u4e00\u65e5\u4e00\u56de 10 mg; ALT 54 U/L."
    assert check({"presentation": text}) == []


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    "address",
    [
        "/notes/%EF%BC%91%EF%BC%92%EF%BC%93-45-6789",  # full-width "１２３"
        "/notes/%D9%A1%D9%A2%D9%A3-45-6789",  # Arabic-Indic "١٢٣"
        "/notes/123-45%E2%80%8B-6789",  # a zero-width space
    ],
)
def test_a_link_address_with_percent_encoded_digits_outside_ascii_is_refused(address):
    # A browser shows the address decoded on hover: "/notes/１２３-45-6789".
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": f"See [the note]({address}) before the visit."})
    assert "SSN" in {h.category for h in info.value.hidden}


def test_an_address_with_an_encoded_accented_letter_reads_as_typed():
    text = "[Guide](https://fr.example.org/caf%C3%A9/hepatite-c) for HCV care."
    try:
        check({"presentation": text})
    except IdentifiersFound as found:
        assert found.hidden == []


@pytest.mark.parametrize("slug", ["mrn-55512344", "harriet-quenby", "123-45-6789"])
def test_a_program_slug_that_reads_as_an_identifier_is_refused_without_repeating_it(app, slug):
    # A slug is in every address of the program's pages; it was checked by pattern only.
    with pytest.raises(ValidationError) as info:
        create_program(slug, "Hepatitis C ECHO", actor=SYSTEM)
    db.session.rollback()
    assert info.value.field == "slug"
    assert slug not in str(info.value)
    assert db.session.scalar(select(func.count()).select_from(Program)) == 0


@pytest.mark.parametrize("slug", ["hcv", "chronic-pain", "peds-bh", "perinatal-sud", "moud-2024"])
def test_an_ordinary_program_slug_is_taken(app, slug):
    assert create_program(slug, "An ECHO program", actor=SYSTEM).slug == slug


# Groups joined by a character other than a dash, dot or space after the number's cue.
ODD_SEPARATORS = {
    "ssn_underscores": ("Intake: SSN 123_45_6789.", "SSN"),
    "ssn_slashes": ("Intake: SSN 123/45/6789.", "SSN"),
    "ssn_middle_dots": ("Intake: SSN 123\u00b745\u00b76789.", "SSN"),
    "ssn_bullets": ("Intake: SSN 123\u202245\u20226789.", "SSN"),
    "ssn_colons": ("Intake: SSN 123:45:6789.", "SSN"),
    "phone_slashes": ("Call 617/555/0142 after 5.", "PHONE"),
    "phone_underscores": ("Call 617_555_0142 after 5.", "PHONE"),
    "phone_tildes": ("Call 617~555~0142 after 5.", "PHONE"),
    "phone_middle_dots": ("Call 617\u00b7555\u00b70142 after 5.", "PHONE"),
}


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(ODD_SEPARATORS))
def test_a_cued_number_with_odd_separators_is_refused(kind):
    text, category = ODD_SEPARATORS[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    assert category in {f.category for f in info.value.findings}


@pytest.mark.parametrize(
    "extra",
    [
        {"placeholder": "Patient Harriet Quenby, MRN 55512344"},
        {"hint": {"text": "Patient Harriet Quenby, MRN 55512344"}},
        {"examples": ["ALT 54", "Patient Harriet Quenby, MRN 55512344"]},
        {"Patient Harriet Quenby, MRN 55512344": True},
    ],
)
def test_a_case_form_fields_other_attributes_pass_the_gate(app, extra):
    # A form keeps the attributes its editor does not know as given; they were stored and
    # returned by the API unread.
    form = {"fields": [{"key": "history", "label": "History", **extra}]}
    with pytest.raises(IdentifiersFound) as info:
        create_program("hcv", "Hepatitis C ECHO", template=form, actor=SYSTEM)
    db.session.rollback()
    fields = {f.field for f in info.value.findings}
    assert fields and all(f.startswith("template.fields[1].other[1]") for f in fields)
    said = json.dumps(info.value.to_dict())
    assert "55512344" not in said and "Quenby" not in said
    assert db.session.scalar(select(func.count()).select_from(Program)) == 0


def test_a_case_form_with_bounds_and_units_passes(app):
    form = {
        "fields": [
            {"key": "alt", "label": "ALT", "type": "number", "min": 0, "max": 5000, "unit": "U/L"},
            {"key": "site", "label": "Site", "widget": "textarea", "rows": 4},
        ]
    }
    assert create_program("hcv", "Hepatitis C ECHO", template=form, actor=SYSTEM).slug == "hcv"
