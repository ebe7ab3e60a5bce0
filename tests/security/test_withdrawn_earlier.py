"""A follow-up whose earlier case was withdrawn: readers who may no longer open the earlier
case are not given its id or its ref (severity: low)."""

from __future__ import annotations

import json

from app.auth.policy import SYSTEM
from app.cases.lifecycle import withdraw_case
from app.cases.transfer import export_cases
from app.extensions import db
from tests.support.builders import build_world
from tests.support.clients import bearer


def _withdrawn_earlier(make_user):
    w = build_world(make_user)
    withdraw_case(w.case, "duplicate", actor=SYSTEM)
    db.session.commit()
    return w


def test_the_api_names_no_withdrawn_earlier_case(app, client, make_user):
    w = _withdrawn_earlier(make_user)
    assert (
        client.get(f"/api/v1/cases/{w.case.id}", headers=bearer(w.other_provider)).status_code
        == 404
    )
    answer = client.get(f"/api/v1/cases/{w.follow_up.id}", headers=bearer(w.other_provider))
    assert answer.status_code == 200
    assert answer.get_json()["follows_id"] is None
    # an admin may still open it, and is still told which it is
    admin = client.get(f"/api/v1/cases/{w.follow_up.id}", headers=bearer(w.admin))
    assert admin.get_json()["follows_id"] == w.case.id


def test_an_export_names_no_withdrawn_earlier_case(app, make_user, tmp_path):
    w = _withdrawn_earlier(make_user)
    analyst = make_user("curriculum", email="cur@example.org", programs=["hcv"])
    ref = w.case.ref or f"casebook-{w.case.id}"
    out = tmp_path / "cases.jsonl"
    export_cases(out, "jsonl", actor=analyst, program_slugs=["hcv"])
    records = [json.loads(line) for line in out.read_text().splitlines()]
    follow_up = next(r for r in records if r["title"] == w.follow_up.title)
    assert f'"{ref}"' not in out.read_text()
    assert follow_up.get("follows") is None
    export_cases(out, "jsonl", actor=SYSTEM, program_slugs=["hcv"])
    assert f'"{ref}"' in out.read_text()
