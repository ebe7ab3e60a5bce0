"""An email address spelled out so that it is no link ("name at domain dot com") is an email
address still: the gate reads it whole, the name before "at" with it."""

from __future__ import annotations

import pytest

from app.deid.gate import scan_text
from app.extensions import db
from tests.support.builders import build_world
from tests.support.clients import bearer


def _emails(text: str) -> list[str]:
    return [text[f.start : f.end] for f in scan_text(text) if f.category == "EMAIL"]


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("Reach her at hquenby at gmail dot com.", "hquenby at gmail dot com"),
        ("Email: hquenby [at] gmail [dot] com", "hquenby [at] gmail [dot] com"),
        ("hquenby(at)gmail(dot)com", "hquenby(at)gmail(dot)com"),
        ("Daughter's email hquenby AT gmail DOT com", "hquenby AT gmail DOT com"),
        ("write to h_quenby(at)hospital.org today", "h_quenby(at)hospital.org"),
        ("h.quenby at mail dot example dot org, she said", "h.quenby at mail dot example dot org"),
        ("her email is harriet dot quenby at gmail dot com", "harriet dot quenby at gmail dot com"),
    ],
)
def test_a_spelled_out_email_address_is_found_whole(text, email):
    assert _emails(text) == [email]


@pytest.mark.parametrize(
    "text",
    [
        "Looked at the dot plot of the cohort.",
        "She is at home (dot matrix printer at work).",
        "Seen at 3 (at home) with her sister.",
    ],
)
def test_at_and_dot_in_prose_are_no_email(text):
    assert _emails(text) == []


def test_a_recommendation_spelling_an_email_address_is_refused(client, make_user):
    w = build_world(make_user)
    body = {"body": "Ask the daughter: hquenby at gmail dot com.", "category": "therapeutic"}
    refused = client.post(
        f"/api/v1/cases/{w.follow_up.id}/recommendations", json=body, headers=bearer(w.expert)
    )
    assert refused.status_code == 422
    assert "body" in refused.get_json()["errors"]
    db.session.rollback()
