"""A free field's key holds no separator but "_": digits in three groups or more parted by
it ("dob_3_14_62") are read as a number written with dashes ("dob 3-14-62"), a date."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import create_program, create_session
from tests.support.clients import bearer

CASE = {"program": "pain", "title": "Back pain", "question": "Taper?", "presentation": "Pain."}


@pytest.fixture
def pain(app, make_user):
    program = create_program("pain", "Chronic Pain ECHO", actor=SYSTEM)
    create_session(program, date(2026, 3, 10), actor=SYSTEM)
    db.session.commit()
    return program, make_user("provider", programs=["pain"])


@pytest.mark.parametrize("key", ["dob_3_14_62", "dob_03_14_1962", "born_1962_03_14", "x_3_14_62"])
def test_a_key_holding_a_date_in_groups_is_refused_without_being_repeated(client, pain, key):
    _, provider = pain
    answer = client.post(
        "/api/v1/cases", headers=bearer(provider), json={**CASE, "fields": {key: True}}
    )
    assert answer.status_code == 422
    body = answer.get_json()
    assert body["field"] == "fields"
    assert "14" not in json.dumps(body)


def test_keys_of_scales_and_ranges_in_groups_pass(client, pain):
    _, provider = pain
    keys = ["pain_score_0_10", "grade_1_2_3", "bp_120_80", "stage_3_4", "cd4_200_350_500"]
    fields = dict.fromkeys(keys, True) | {"visit_1_2024": 3, "week_12_24": 1}
    answer = client.post("/api/v1/cases", headers=bearer(provider), json={**CASE, "fields": fields})
    assert answer.status_code == 201, answer.get_json()
