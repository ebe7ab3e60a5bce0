"""Variants of identifiers the gate once passed: characters drawn as a dash, separators
between a number's groups, encoded dashes in a link address, a case form's unit."""

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


def _categories(found: IdentifiersFound) -> set[str]:
    """Found as written or only in a reading of the text as shown."""
    return {f.category for f in found.findings} | {h.category for h in found.hidden}


# Letters and signs drawn as a horizontal stroke between digits: the Hangul vowel "ㅡ" (as
# typed on a Korean keyboard, its jamo and half-width forms), the bopomofo "ㄧ", the Arabic
# tatweel, scan lines, a black rectangle, the yang monogram, a syllabics stroke.
DRAWN_AS_DASHES = {
    "hangul_eu": "SSN 123\u316145\u31616789 on file.",
    "hangul_jamo_eu": "SSN 123\u117345\u11736789 on file.",
    "halfwidth_hangul_eu": "Call 617\uffa1555\uffa10142 after 5.",
    "bopomofo_i": "Call 617\u3127555\u31270142 after 5.",
    "tatweel": "SSN 123\u064045\u06406789 on file.",
    "scan_line_3": "SSN 123\u23bc45\u23bc6789 on file.",
    "scan_line_7": "Call 617\u23bd555\u23bd0142 after 5.",
    "black_rectangle": "SSN 123\u25ac45\u25ac6789 on file.",
    "yang_monogram": "SSN 123\u268a45\u268a6789 on file.",
    "syllabics_stroke": "Call 617\u1428555\u14280142 after 5.",
}


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(DRAWN_AS_DASHES))
def test_an_identifier_split_by_a_stroke_drawn_as_a_dash_is_refused(kind):
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": DRAWN_AS_DASHES[kind]})
    assert _categories(info.value) & {"SSN", "PHONE"}


def test_korean_and_arabic_text_with_those_characters_passes():
    assert check({"presentation": "환자는 ㅡ 증상 없음. ALT 54 U/L."}) == []
    assert check({"presentation": "الحالة مستقـرة، ALT 54 U/L."}) == []


# After the number's cue, groups joined by mixed separators, spaced ones, or characters
# drawn as a middle dot or a bar.
ODD_SEPARATORS = {
    "phone_mixed_underscore": ("Call 617_555-0142 after 5.", "PHONE"),
    "phone_mixed_middle_dot": ("Call 617\u00b7555-0142 after 5.", "PHONE"),
    "phone_spaced_slashes": ("Call 617 / 555 / 0142 after 5.", "PHONE"),
    "phone_katakana_middle_dot": ("Call 617\u30fb555\u30fb0142 after 5.", "PHONE"),
    "phone_halfwidth_middle_dot": ("Call 617\uff65555\uff650142 after 5.", "PHONE"),
    "phone_bullet_operator": ("Call 617\u2219555\u22190142 after 5.", "PHONE"),
    "phone_hyphenation_point": ("Call 617\u2027555\u20270142 after 5.", "PHONE"),
    "phone_pipes": ("Call 617|555|0142 after 5.", "PHONE"),
    "phone_backslashes": ("Call 617\\555\\0142 after 5.", "PHONE"),
    "phone_commas": ("Call 617,555,0142 after 5.", "PHONE"),
    "phone_equals": ("Call 617=555=0142 after 5.", "PHONE"),
    "ssn_pipes": ("Intake: SSN 123|45|6789.", "SSN"),
    "ssn_commas": ("Intake: SSN 123,45,6789.", "SSN"),
    "ssn_katakana_middle_dot": ("Intake: SSN 123\u30fb45\u30fb6789.", "SSN"),
    "ssn_bullet_operator": ("Intake: SSN 123\u221945\u22196789.", "SSN"),
}

# The cue a few words before the number, as for a number written plainly.
FAR_CUED_ODD_SEPARATORS = [
    "Please call the patient's daughter on 617/555/0142 tonight.",
    "Please call the patient's daughter on 617_555_0142 tonight.",
    "Reach her at 617_555_0142.",
    "Text her at 617/555/0142.",
    "She can be reached on 617_555_0142.",
    "Contact details for the daughter are 617|555|0142.",
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("text", FAR_CUED_ODD_SEPARATORS)
def test_a_number_with_odd_separators_a_few_words_after_its_cue_is_refused(text):
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    assert "PHONE" in _categories(info.value)


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(ODD_SEPARATORS))
def test_a_cued_number_with_other_separators_is_refused(kind):
    text, category = ODD_SEPARATORS[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    assert category in _categories(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "Call the clinic if ALT, AST or INR rise; ratios 3/4 and 1,000 noted.",
        "Number of visits: 12, 14, 2024 totals recorded.",
    ],
)
def test_clean_text_with_cues_and_separators_passes(text):
    assert check({"presentation": text}) == []


# A link address with an encoded dash (en dash, minus, kana length mark) is shown decoded
# on hover: "/notes/123%E2%80%9345%E2%80%936789" shows "/notes/123–45–6789".
@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    "address",
    [
        "/notes/123%E2%80%9345%E2%80%936789",
        "/notes/123%E2%88%9245%E2%88%926789",
        "/notes/123%E3%83%BC45%E3%83%BC6789",
        "/notes/%EF%BC%91%EF%BC%92%EF%BC%93%E2%80%9345%E2%80%936789",
    ],
)
def test_a_link_address_with_an_encoded_dash_is_refused(address):
    with pytest.raises(IdentifiersFound):
        check({"presentation": f"See [the notes]({address})."})


def test_an_address_with_an_encoded_dash_between_words_passes():
    assert check({"presentation": "See [the guide](/wiki/Hepatitis%E2%80%93C_guide)."}) == []


# A unit that is not text (a list, a mapping) is kept as given and returned by the API,
# and was not read.
@pytest.mark.parametrize(
    "unit",
    [
        ["Patient Harriet Quenby, MRN 55512344"],
        {"text": "Patient Harriet Quenby, MRN 55512344"},
    ],
)
def test_a_case_form_unit_that_is_not_text_passes_the_gate(app, unit):
    form = {"fields": [{"key": "alt", "label": "ALT", "type": "number", "unit": unit}]}
    with pytest.raises(IdentifiersFound) as info:
        create_program("hcv", "Hepatitis C ECHO", template=form, actor=SYSTEM)
    db.session.rollback()
    assert all(f.field.startswith("template.fields[1].unit") for f in info.value.findings)
    assert db.session.scalar(select(func.count()).select_from(Program)) == 0


# A form's keys were checked by pattern only; each is in the form the API returns and in
# every case's fields.
@pytest.mark.parametrize("key", ["mrn_55512344", "harriet_quenby", "ssn_123456789"])
def test_a_case_form_key_that_reads_as_an_identifier_is_refused_without_repeating_it(app, key):
    form = {"fields": [{"key": key, "label": "History"}]}
    with pytest.raises(ValidationError) as info:
        create_program("hcv", "Hepatitis C ECHO", template=form, actor=SYSTEM)
    db.session.rollback()
    assert info.value.field == "template.fields[1].key"
    assert key not in json.dumps(info.value.to_dict())
    assert db.session.scalar(select(func.count()).select_from(Program)) == 0


def test_ordinary_case_form_keys_are_taken(app):
    keys = ["alt", "hcv_rna", "fib4", "home_phone", "mrn", "date_of_diagnosis", "viral_load"]
    form = {"fields": [{"key": key, "label": key.upper()} for key in keys]}
    assert create_program("hcv", "Hepatitis C ECHO", template=form, actor=SYSTEM).slug == "hcv"
