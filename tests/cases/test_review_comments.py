"""Who sees a case's review comments: the web page and the API give the same answer for
every role and every status, from the one rule in the policy (`can_see_review`)."""

from __future__ import annotations

import pytest

from app.auth import policy
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.models import CaseStatus, ReviewComment
from app.extensions import db
from app.programs.operations import create_program
from tests.cases.test_views import as_user
from tests.support.builders import add_case
from tests.support.clients import fresh_client

ROLES = ("presenter", "other_provider", "expert", "coordinator", "curriculum", "admin")
# Those who see the comments wherever they see the case: the presenter and the review team.
SEES_COMMENTS = {"presenter", "coordinator", "admin"}


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    people = {
        "presenter": make_user("provider", programs=["hcv"]),
        "other_provider": make_user("provider", programs=["hcv"]),
        "expert": make_user("expert", programs=["hcv"]),
        "coordinator": make_user("coordinator", programs=["hcv"]),
        "curriculum": make_user("curriculum"),
        "admin": make_user("admin"),
    }
    cases = {}
    for status in CaseStatus:
        # Every case was returned once with a comment, then moved on to `status`.
        case = add_case(program, people["presenter"], f"Case now {status.value}", status=status)
        db.session.add(
            ReviewComment(
                case=case,
                author_id=people["coordinator"].id,
                body=f"Zebracomment {status.value}: add the FIB-4.",
            )
        )
        cases[status] = case.id
    tokens = {role: create_token(user, actor=SYSTEM) for role, user in people.items()}
    db.session.commit()
    return people, cases, tokens


def _web(client, case_id, status):
    response = client.get(f"/cases/{case_id}")
    shown = f"Zebracomment {status.value}" in response.get_data(as_text=True)
    return response.status_code, shown


def _api(client, token, case_id):
    response = client.get(f"/api/v1/cases/{case_id}", headers={"Authorization": f"Bearer {token}"})
    body = response.get_json()
    shown = response.status_code == 200 and bool(body["review_comments"])
    return response.status_code, shown


def test_web_and_api_show_review_comments_to_the_same_people_in_every_status(app, client, world):
    people, cases, tokens = world
    # One browser per role, signed in once (sign-ins are rate limited).
    api = fresh_client(app)
    browsers = {role: as_user(fresh_client(app), people[role]) for role in ROLES}
    seen = {}
    for status, case_id in cases.items():
        for role in ROLES:
            web_status, web_shown = _web(browsers[role], case_id, status)
            api_status, api_shown = _api(api, tokens[role], case_id)
            # Both channels let the same people open the case …
            assert web_status == api_status, (role, status)
            # … and show its review comments to the same people.
            assert web_shown == api_shown, (role, status, web_shown, api_shown)
            if web_status == 200:
                assert web_shown == (role in SEES_COMMENTS), (role, status)
                seen[role, status] = web_shown
    # The case in the issue: returned, then approved; its presenter still reads why.
    assert seen["presenter", CaseStatus.APPROVED]
    assert seen["presenter", CaseStatus.CLOSED]
    assert not seen["expert", CaseStatus.APPROVED]


def test_the_rule_is_the_policy_s(world):
    people, cases, _tokens = world
    from app.cases.models import Case

    approved = db.session.get(Case, cases[CaseStatus.APPROVED])
    assert policy.can_see_review(people["presenter"], approved)
    assert policy.can_see_review(people["coordinator"], approved)
    assert not policy.can_see_review(people["other_provider"], approved)
    assert not policy.can_see_review(None, approved)
    assert policy.can_see_review(SYSTEM, approved)
