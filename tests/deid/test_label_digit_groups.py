"""A label (a case's ref, a case form's key) parts its words by "_", "." or "-" only: digits in
three groups or more so parted are read as a number written with dashes ("dob_3_14_62" is
"dob 3-14-62", a date); two groups and scales stay apart."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.auth.policy import SYSTEM
from app.deid.labels import ref_is_identifier
from app.errors import ValidationError
from app.extensions import db
from app.programs.models import Program
from app.programs.operations import create_program

DATED = ["dob_3_14_62", "dob.3.14.62", "dob-3-14-62", "dob3_14_62", "x_3_14_62", "ssn_123_45_6789"]


@pytest.mark.parametrize("label", DATED)
def test_a_label_holding_a_number_in_groups_reads_as_an_identifier(label):
    assert ref_is_identifier(label)


def test_labels_of_scales_ranges_and_program_numbers_do_not():
    for label in ("pain_score_0_10", "grade_1_2_3", "cd4_200_350_500", "week_12_24", "hcv-1"):
        assert not ref_is_identifier(label), label
    for label in ("visit_1_2024", "pain-2024-001", "phq_9", "stage_3_4", "bp_120_80"):
        assert not ref_is_identifier(label), label


def test_a_case_form_key_holding_a_date_in_groups_is_refused_without_repeating_it(app):
    form = {"fields": [{"key": "dob_3_14_62", "label": "History"}]}
    with pytest.raises(ValidationError) as info:
        create_program("hcv", "Hepatitis C ECHO", template=form, actor=SYSTEM)
    db.session.rollback()
    assert info.value.field == "template.fields[1].key"
    assert "3_14_62" not in json.dumps(info.value.to_dict())
    assert db.session.scalar(select(func.count()).select_from(Program)) == 0
