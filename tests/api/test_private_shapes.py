"""A private program's records stay inside it in the API's answers: its sessions, and the
evidence, timeline entries and dissents of a public best practice that point into it."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.practices.operations import add_evidence, record_dissent
from tests.api.test_api import Api
from tests.support.builders import add_recommendation, build_world, hbv_practices


@pytest.fixture
def w(app, client, make_user):
    w = build_world(make_user)
    w.private_expert = make_user("expert", programs=["perinatal-sud"])
    # w.provider is a provider of the open program only: an outsider to the private one
    w.api = {name: Api(client, getattr(w, name)) for name in ("provider", "member", "admin")}
    return w


def test_a_private_programs_session_is_found_and_listed_only_inside_it(w):
    session_id = w.closed_session.id
    outsider = w.api["provider"]
    missing = outsider.get(f"/sessions/{session_id}", expect=404)
    assert missing["message"] == f"No session {session_id}."
    outsider.get("/programs/perinatal-sud/sessions", expect=404)
    assert "perinatal-sud" not in [p["slug"] for p in outsider.get("/programs")["results"]]
    for name in ("member", "admin"):
        api = w.api[name]
        one = api.get(f"/sessions/{session_id}", expect=200)
        assert one["program"] == "perinatal-sud", name
        # the member's own case is on the agenda of the session
        assert [c["case_id"] for c in one["cases"]] == [w.private_case.id], name
        listed = api.get("/programs/perinatal-sud/sessions", expect=200)["results"]
        assert [s["id"] for s in listed] == [session_id], name
        assert "perinatal-sud" in [p["slug"] for p in api.get("/programs")["results"]], name


@pytest.fixture
def practice(w):
    """A public practice citing an open case, and a private case and its recommendation,
    with a dissent recorded on that private recommendation."""
    practice, _ = hbv_practices(w.expert)
    private_rec = add_recommendation(
        w.private_case, w.private_expert, "Check HBV serologies before starting DAAs."
    )
    db.session.commit()
    add_evidence(practice, w.case, note="Open case.", added_by=w.expert, actor=w.expert)
    for target, note in ((w.private_case, "Private case."), (private_rec, "Private advice.")):
        add_evidence(practice, target, note=note, added_by=w.private_expert, actor=w.private_expert)
    db.session.commit()
    record_dissent(private_rec, practice, "Not in pregnancy.", actor=w.private_expert)
    db.session.commit()
    w.private_rec = private_rec
    return practice


def test_a_practices_evidence_and_timeline_into_a_private_program_stay_inside_it(w, practice):
    url = f"/practices/{practice.id}"
    outsider = w.api["provider"].get(url, expect=200)
    assert [(e["kind"], e["target_id"]) for e in outsider["evidence"]] == [("case", w.case.id)]
    assert [e["program"] for e in outsider["timeline"]] == ["hcv"]
    assert "Private" not in str(outsider)
    for name in ("member", "admin"):
        seen = w.api[name].get(url, expect=200)
        assert sorted((e["kind"], e["target_id"]) for e in seen["evidence"]) == sorted(
            [
                ("case", w.case.id),
                ("case", w.private_case.id),
                ("recommendation", w.private_rec.id),
            ]
        ), name
        private = [e for e in seen["timeline"] if e["program"] == "perinatal-sud"]
        assert [e["session_id"] for e in private] == [w.closed_session.id], name
        assert [c["id"] for c in private[0]["cases"]] == [w.private_case.id], name
        assert [r["id"] for r in private[0]["recommendations"]] == [w.private_rec.id], name


def test_a_dissent_on_a_private_programs_recommendation_stays_inside_it(w, practice):
    url = f"/practices/{practice.id}"
    assert w.api["provider"].get(url, expect=200)["dissents"] == []
    for name in ("member", "admin"):
        dissents = w.api[name].get(url, expect=200)["dissents"]
        assert [d["reason"] for d in dissents] == ["Not in pregnancy."], name
