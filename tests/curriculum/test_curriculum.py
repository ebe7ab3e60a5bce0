"""Curriculum figures on the demo corpus (cases/README.md), the page, its CSV files and the API."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from app.auth.operations import create_token, get_user_by_email
from app.auth.policy import SYSTEM
from app.curriculum import operations as figures
from app.demo import _credentials_file
from app.errors import PermissionDenied
from app.extensions import db

TODAY = date(2026, 11, 25)  # the demo corpus's "today"


@pytest.fixture
def demo(app, demo_data):
    return get_user_by_email("curriculum@demo.casebook.example")


def _sign_in(client, email: str) -> None:
    passwords = json.loads(_credentials_file().read_text())
    assert (
        client.post("/sign-in", data={"email": email, "password": passwords[email]}).status_code
        == 302
    )


def test_topic_counts_and_figures_of_the_last_year(demo, client):
    scope = figures.make_scope(demo, end=TODAY)
    assert (scope.start, scope.end) == (date(2025, 11, 25), TODAY)
    # The curriculum lead does not see the two cases still in review (hcv-014, oud-014).
    assert figures.topic_frequency(demo, scope).case_total == 31
    freq = figures.topic_frequency(SYSTEM, scope)  # the operator sees everything
    assert freq.case_total == 33  # "33 in the last year" in cases/README.md
    assert freq.totals["Naloxone"] == 11
    assert freq.totals["Buprenorphine"] == 10
    assert freq.totals["Hepatitis C"] == 8
    assert freq.counts["Hepatitis C"]["2025-12"] == 3  # hcv session 3: hcv-006, 007, 008
    assert len(freq.months) == 13

    rising = {t.topic: t for t in figures.rising_topics(SYSTEM, scope)}
    assert (rising["Buprenorphine"].current, rising["Buprenorphine"].previous) == (10, 4)

    hcv = figures.make_scope(demo, program=_program("hcv"), end=TODAY)
    assert figures.topic_frequency(demo, hcv).case_total == 8  # sessions 3-6 but hcv-014
    questions = figures.recurring_questions(demo, hcv)
    # Retreatment after relapse (hcv-006) and care after retreatment (hcv-011).
    assert any({c.ref for c in g.cases} >= {"hcv-006", "hcv-011"} for g in questions)

    gaps = {g.topic.name for g in figures.gaps(demo, scope)}
    assert "Chronic pain" not in gaps  # the Chronic Pain program's own subject (issue #14)
    assert "Naloxone" not in gaps  # taught (oud session 1) and a best practice
    coverage = figures.presenter_coverage(demo, scope)
    assert sum(coverage.totals.values()) == 31


def test_provider_cannot_see_the_curriculum(demo, client):
    provider = get_user_by_email("provider@demo.casebook.example")
    with pytest.raises(PermissionDenied):
        figures.make_scope(provider)
    _sign_in(client, "provider@demo.casebook.example")
    assert client.get("/curriculum").status_code == 403


def test_page_csv_downloads_and_api(demo, client):
    _sign_in(client, "curriculum@demo.casebook.example")
    page = client.get("/curriculum?end=2026-11-25")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'data-chart="' in text and 'id="topic-table"' in text
    for name in ("topics", "rising", "questions", "gaps", "coverage"):
        response = client.get(f"/curriculum/{name}.csv?end=2026-11-25")
        assert response.status_code == 200 and response.mimetype == "text/csv"
        rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
        assert len(rows) >= (1 if name == "gaps" else 2), name  # the demo has no gap left
    topics = list(
        csv.reader(
            io.StringIO(client.get("/curriculum/topics.csv?end=2026-11-25").get_data(as_text=True))
        )
    )
    assert topics[1][0] == "Naloxone" and topics[1][-1] == "11"
    assert client.get("/curriculum?start=2026-12-01&end=2026-01-01").status_code == 422

    token = create_token(demo, "test", actor=SYSTEM)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    body = client.get("/api/v1/curriculum?end=2026-11-25", headers=headers).get_json()
    assert body["cases"] == 31 and body["topic_frequency"][0]["topic"] == "Naloxone"
    teaching = body["teaching_coverage"][0]
    assert (teaching["topic"], teaching["talks"], teaching["cases"]) == ("Naloxone", 2, 11)
    assert teaching["practices"] == {"established": 1}
    practices = client.get("/api/v1/practices", headers=headers).get_json()
    assert practices["total"] == 4
    one = client.get(
        f"/api/v1/practices/{practices['results'][0]['id']}", headers=headers
    ).get_json()
    assert "timeline" in one and "evidence" in one


def _program(slug: str):
    from app.programs.operations import find_program

    return find_program(slug)
