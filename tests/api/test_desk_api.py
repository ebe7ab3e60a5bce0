"""The session desk and attendance through the JSON API."""

from __future__ import annotations

from app.auth.policy import SYSTEM
from app.extensions import db
from tests.api.test_api import CASE, TODAY, Api, world  # noqa: F401 - fixture


def _presented_case(w):
    p, c, e = w["provider"], w["coordinator"], w["expert"]
    session = c.post("/programs/pain/sessions", expect=201, json={"date": TODAY, "title": "T"})
    case = p.post("/cases", expect=201, json=CASE)
    p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    c.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "approve"})
    c.post(f"/sessions/{session['id']}/cases", expect=200, json={"case_id": case["id"]})
    c.post(f"/sessions/{session['id']}/cases/{case['id']}/presented", expect=200)
    e.post(
        f"/cases/{case['id']}/recommendations",
        expect=201,
        json={"body": "Taper by 10% a month.", "category": "therapeutic"},
    )
    return session, case


def test_coordinator_reads_the_desk_and_sends_by_api(world):  # noqa: F811
    c, p = world["coordinator"], world["provider"]
    session, case = _presented_case(world)
    desk = c.get("/programs/pain/desk", expect=200)
    entry = next(x for x in desk["presented"] if x["case_id"] == case["id"])
    assert [r["status"] for r in entry["recommendations"]] == ["draft"]
    refused = c.post(f"/cases/{case['id']}/recommendations/send", expect=422, json={})
    assert refused["errors"] == {"recommendations": refused["message"]}
    sent = c.post(
        f"/cases/{case['id']}/recommendations/send", expect=201, json={"publish_drafts": True}
    )
    assert len(sent["recommendation_ids"]) == 1 and sent["case_id"] == case["id"]
    assert p.get(f"/cases/{case['id']}", expect=200)["status"] == "recommendations_published"
    # other roles are refused; bad input is named
    p.get("/programs/pain/desk", expect=403)
    p.post(f"/cases/{case['id']}/recommendations/send", expect=403, json={})
    bad = c.get("/programs/pain/desk?days=0", expect=422)
    assert bad["errors"] == {"days": "Days must be a whole number from 1 to 365."}


def test_attendance_and_transcript_by_api(world, make_user):  # noqa: F811
    from app.auth.operations import add_membership

    c, p = world["coordinator"], world["provider"]
    session, _ = _presented_case(world)
    add_membership(p.user, "pain", actor=SYSTEM)
    db.session.commit()
    url = f"/sessions/{session['id']}/attendance"
    body = {"participants": [{"user_id": p.user.id, "minutes": 50}]}
    listed = c.put(url, expect=200, json=body)
    assert listed["attendance_count"] == 1 and listed["participants"][0]["minutes"] == 50
    assert c.get(url, expect=200) == listed
    bad = c.put(url, expect=422, json={"participants": [{"user_id": p.user.id, "minutes": -1}]})
    assert "minutes" in str(bad["errors"])
    stranger = c.put(url, expect=422, json={"participants": [{"user_id": world["other"].user.id}]})
    assert stranger["message"] == "Only the program's members can be ticked."
    p.put(url, expect=403, json=body)
    p.get(url, expect=403)
    mine = p.get("/me/transcript", expect=200)
    assert [s["minutes"] for s in mine["sessions"]] == [50]
    assert mine["total_credits"] == 0 and mine["sessions"][0]["note"] == "no credit offered"
    assert p.get("/me/transcript?from=someday", expect=422)["errors"] == {
        "from": "from must be a date written YYYY-MM-DD."
    }
