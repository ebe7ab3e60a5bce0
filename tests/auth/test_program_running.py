"""A program is run by its own coordinators: a coordinator of another program reads an
open program but neither reviews its cases, runs its desk and sessions, nor imports into it."""

from __future__ import annotations

import json

from app.extensions import db
from app.programs.models import Session
from tests.api.test_api import CASE, TODAY, Api, world  # noqa: F401 - fixture
from tests.conftest import page_as, sign_in


def test_a_coordinator_of_another_program_is_refused_over_the_api(world, client, make_user):  # noqa: F811
    outsider = Api(client, make_user("coordinator"))  # a member of no program
    p, c = world["provider"], world["coordinator"]
    case = p.post("/cases", expect=201, json=CASE)
    p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})

    # Reading the open program stays open.
    outsider.get("/programs/pain", expect=200)
    answer = outsider.get("/programs/pain/desk", expect=403)
    assert answer == {
        "error": "forbidden",
        "message": "The session desk is for the program's coordinators.",
    }
    answer = outsider.post("/programs/pain/sessions", expect=403, json={"date": TODAY})
    assert answer["error"] == "forbidden"
    # a case in review is its program's review team's: to others it is missing
    answer = outsider.post(f"/cases/{case['id']}/actions", expect=404, json={"action": "approve"})
    assert answer["error"] == "not_found"
    outsider.get(f"/cases/{case['id']}", expect=404)
    assert db.session.scalar(db.select(db.func.count()).select_from(Session)) == 0

    # The program's own coordinator still runs it.
    c.get("/programs/pain/desk", expect=200)
    c.post("/programs/pain/sessions", expect=201, json={"date": TODAY, "title": "T"})
    approved = c.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "approve"})
    assert approved["status"] == "approved"


def test_a_coordinator_of_another_program_is_refused_on_the_web(world, client, make_user):  # noqa: F811
    outsider = make_user("coordinator")
    case = world["provider"].post("/cases", expect=201, json=CASE)
    world["provider"].post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    sign_in(client, outsider)
    assert client.get("/programs/pain").status_code == 200
    desk = client.get("/programs/pain/desk")
    assert desk.status_code == 403
    assert "The session desk is for the program&#39;s coordinators." in desk.get_data(as_text=True)
    assert client.get(f"/cases/{case['id']}").status_code == 404
    assert client.post(f"/cases/{case['id']}/approve").status_code == 404
    assert world["provider"].get(f"/cases/{case['id']}")["status"] == "submitted"


def test_an_import_as_a_coordinator_of_another_program_refuses_the_record(
    app,
    world,  # noqa: F811
    make_user,
    tmp_path,
):
    source = tmp_path / "in.jsonl"
    record = {"ref": "x", "program": "pain", "title": "t", "status": "draft"}
    source.write_text(json.dumps(record) + "\n")
    outsider = make_user("coordinator")
    result = app.test_cli_runner().invoke(args=["import", "--as", outsider.email, str(source)])
    assert result.exit_code == 1
    assert "line 1 (ref x) field 'program': Imports into Chronic Pain ECHO are for its " in (
        result.output
    )
    member = world["coordinator"].user
    result = app.test_cli_runner().invoke(args=["import", "--as", member.email, str(source)])
    assert result.exit_code == 0, result.output


def test_withdrawal_and_the_desks_rules_follow_membership(world, client, make_user):  # noqa: F811
    from app.auth import policy
    from app.cases.models import Case
    from app.common import utcnow

    outsider, member = make_user("coordinator"), world["coordinator"].user
    answer = world["provider"].post("/cases", expect=201, json=CASE)
    world["provider"].post(f"/cases/{answer['id']}/actions", expect=200, json={"action": "submit"})
    case = db.session.get(Case, answer["id"])
    for rule in (policy.can_run_desk, policy.can_read_evaluations, policy.can_manage_program_staff):
        assert (rule(outsider, case.program), rule(member, case.program)) == (False, True)
    # cases in review (and withdrawn ones) are read by the program's review team only
    assert (policy.can_view_case(outsider, case), policy.can_view_case(member, case)) == (
        False,
        True,
    )
    assert (policy.can_see_review(outsider, case), policy.can_see_deid_risk(outsider, case)) == (
        False,
        False,
    )
    assert (policy.can_withdraw_case(outsider, case), policy.can_withdraw_case(member, case)) == (
        False,
        True,
    )
    case.withdrawn_at = utcnow()
    assert (policy.can_restore_case(outsider, case), policy.can_restore_case(member, case)) == (
        False,
        True,
    )
    assert (policy.can_see_withdrawn(outsider, case), policy.can_see_withdrawn(member, case)) == (
        False,
        True,
    )


def test_the_review_queue_holds_only_the_programs_a_coordinator_runs(app, world, make_user):  # noqa: F811
    """The queue offers approve, return and schedule: a coordinator of another program, who
    may do none of them here, is not shown this program's cases to act on."""
    outsider = make_user("coordinator")
    case = world["provider"].post("/cases", expect=201, json=CASE)
    world["provider"].post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    page = page_as(app, outsider, "/review").get_data(as_text=True)
    assert CASE["title"] not in page
    assert f"/cases/{case['id']}/approve" not in page
    page = page_as(app, world["coordinator"].user, "/review").get_data(as_text=True)
    assert CASE["title"] in page
    assert f"/cases/{case['id']}/approve" in page


def test_search_finds_a_case_in_review_for_its_programs_review_team_only(
    world,  # noqa: F811
    client,
    make_user,
):
    outsider = Api(client, make_user("coordinator"))
    case = world["provider"].post("/cases", expect=201, json=CASE)
    world["provider"].post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})

    def found(api: Api) -> set[int]:
        answer = api.get("/search?q=taper+falls&group=false&per_page=100", expect=200)
        return {r.get("case_id") or r.get("id") for r in answer["results"]}

    assert case["id"] in found(world["coordinator"])
    assert case["id"] not in found(outsider)


def test_the_kept_identifier_notes_of_an_open_case_are_its_review_teams(app, make_user):
    """Where a presenter ticked "not an identifier" (the field, the characters, the kind) is
    for the case's review team, as its re-identification warning is: a coordinator of
    another program reads the open case without them."""
    from app.deid.models import DeidOverride
    from tests.support.builders import build_world

    w = build_world(make_user)
    db.session.add(
        DeidOverride(
            entity_type="cases",
            entity_id=w.case.id,
            field="presentation",
            start=40,
            end=51,
            category="MRN",
            reason="clinical_value",
        )
    )
    db.session.commit()
    own = make_user("coordinator", email="own@example.org", programs=["hcv"])
    other = make_user("coordinator", email="other@example.org", programs=["perinatal-sud"])
    shown = page_as(app, own, f"/cases/{w.case.id}").get_data(as_text=True)
    assert "Kept as “not an identifier”" in shown and "characters 40–51" in shown
    page = page_as(app, other, f"/cases/{w.case.id}")
    assert page.status_code == 200 and w.case.title in page.get_data(as_text=True)
    assert "not an identifier" not in page.get_data(as_text=True)
    assert "characters 40–51" not in page.get_data(as_text=True)
