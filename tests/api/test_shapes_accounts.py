"""API tokens, case forms, invitations, subscriptions, the coordinator's desk, attendance
and credit, and administration answer every role as the document describes them, refuse
a body in the words they always have, and say nothing of a private program outside it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import func, select

from app.api import SPEC
from app.auth.models import ApiToken
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.models import CaseStatus
from app.common import utcnow
from app.extensions import db
from app.programs.case_templates import template_version
from app.programs.operations import create_session, create_topic
from tests.api.test_api import Api
from tests.support.builders import add_case, add_recommendation, build_world

ROLES = ("admin", "coordinator", "expert", "provider", "curriculum", "member", "pcoord")


@pytest.fixture
def w(app, client, make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    w.curriculum = make_user("curriculum")
    w.pcoord = make_user("coordinator", programs=["perinatal-sud"])
    w.upcoming = create_session(
        w.hcv, utcnow().date() + timedelta(days=20), title="Upcoming", actor=SYSTEM
    )
    db.session.commit()
    add_case(
        w.hcv,
        w.provider,
        "Scheduled case",
        status=CaseStatus.APPROVED,
        session=w.upcoming,
        presented=False,
    )
    add_case(w.hcv, w.other_provider, "Waiting case", status=CaseStatus.SUBMITTED)
    add_recommendation(w.follow_up, w.expert, "Keep up HCC surveillance every 6 months.")
    add_recommendation(w.private_case, w.pcoord, "Private advice.", published=False)
    create_topic("Hep C typo", actor=SYSTEM)
    db.session.commit()
    # w.provider is of the open program only: an outsider to the private one
    w.api = {role: Api(client, getattr(w, role)) for role in ROLES}
    w.spare = {}
    for role in ROLES:  # a second token each, to be listed and revoked
        create_token(getattr(w, role), actor=SYSTEM)
        db.session.commit()
        w.spare[role] = db.session.scalar(select(func.max(ApiToken.id)))
    w.victim = make_user("expert", programs=["hcv"])  # whose password is reset
    return w


def _validators(client):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]

    def validator(name):
        return Draft202012Validator(
            {"$ref": f"#/components/schemas/{name}", "components": {"schemas": schemas}}
        )

    return validator


def _answers(api, calls):
    """(shape, status, answer) of each call that was not refused."""
    out = []
    for shape, method, path, body in calls:
        kwargs = {"headers": api.headers} | ({} if body is None else {"json": body})
        response = getattr(api.client, method)(f"/api/v1{path}", **kwargs)
        assert response.status_code < 500, (method, path, response.get_json())
        if response.status_code < 300:
            out.append((shape, path, response.get_json()))
    return out


TEMPLATE = {
    "sections": [{"key": "hx", "label": "History", "help": "What happened."}],
    "fields": [
        {"key": "genotype", "label": "Genotype", "type": "choice", "choices": ["1a", "1b"]},
        {"key": "fib4", "label": "FIB-4", "type": "number", "min": 0.5, "max": 20, "unit": "u"},
    ],
}
CREDIT = {
    "credit_type": "ama_pra_1",
    "credits_per_session": 2,
    "minimum_minutes": 30,
    "evaluation_required": False,
}


def _calls(w, role):
    me = getattr(w, role)
    first, closed = w.first.id, w.closed_session.id
    present = {"participants": [{"user_id": w.provider.id, "minutes": 45}, {"user_id": me.id}]}
    return [
        ("ApiTokenPage", "get", "/tokens", None),
        ("ApiToken", "delete", f"/tokens/{w.spare[role]}", None),
        ("CaseTemplateVersion", "get", "/programs/hcv/template", None),
        ("CaseTemplateVersion", "put", "/programs/hcv/template", TEMPLATE),
        ("CaseTemplateVersion", "get", "/programs/perinatal-sud/template?version=1", None),
        (
            "IssuedInvitation",
            "post",
            "/admin/invitations",
            {"email": f"{role}.new@example.org", "role": "provider", "programs": ["hcv"]},
        ),
        ("InvitationPage", "get", "/admin/invitations", None),
        ("Subscription", "post", "/me/subscriptions", {"topic": "Hepatitis C"}),
        ("Subscription", "post", "/me/subscriptions", {"program": "hcv"}),
        ("Subscriptions", "put", "/me/subscriptions/digest", {"daily_email": True}),
        ("DigestPage", "get", "/me/digest?period=week", None),
        ("CreditRule", "put", "/programs/hcv/credit-rule", CREDIT),
        ("CreditRule", "get", "/programs/hcv/credit-rule", None),
        ("Attendance", "put", f"/sessions/{first}/attendance", present),
        ("Attendance", "get", f"/sessions/{closed}/attendance", None),
        (
            "Evaluation",
            "put",
            f"/sessions/{first}/evaluation",
            {"rating": 4, "will_change_practice": True},
        ),
        ("EvaluationResults", "get", f"/sessions/{first}/evaluations", None),
        ("Transcript", "get", "/me/transcript", None),
        ("RecommendationsSent", "post", f"/cases/{w.follow_up.id}/recommendations/send", {}),
        ("SessionDesk", "get", "/programs/hcv/desk", None),
        ("SessionDesk", "get", "/programs/perinatal-sud/desk", None),
        ("AccountPage", "get", "/admin/accounts", None),
        ("Account", "patch", f"/admin/accounts/{w.curriculum.id}", {"display_name": "Cur"}),
        ("TemporaryPassword", "post", f"/admin/accounts/{w.victim.id}/reset-password", None),
        (
            "TemporaryPassword",
            "post",
            "/admin/accounts",
            {"email": f"{role}.acct@example.org", "display_name": "New", "role": "expert"},
        ),
        ("ApiTokenPage", "get", f"/admin/accounts/{w.expert.id}/tokens", None),
        ("VocabularyTopicPage", "get", "/admin/topics", None),
        ("VocabularyTopic", "patch", "/admin/topics/1", {"description": "Liver infection."}),
        ("StaffMemberPage", "get", "/programs/perinatal-sud/staff", None),
        ("StaffMember", "post", "/programs/hcv/staff", {"email": w.pcoord.email}),
        ("StaffMember", "delete", f"/programs/hcv/staff/{w.pcoord.id}", None),
    ]


def test_every_role_gets_these_answers_exactly_as_the_document_describes_them(w, client):
    validator = _validators(client)
    seen = set()
    for role in ROLES:
        for shape, _path, answer in _answers(w.api[role], _calls(w, role)):
            validator(shape).validate(answer)
            seen.add(shape)
    # the merge last: the typo's links move to the topic it is merged into
    merge = _answers(
        w.api["admin"],
        [("TopicMerged", "post", "/admin/topics/3/merge", {"into": "Hepatitis C"})],
    )
    for shape, _path, answer in merge:
        validator(shape).validate(answer)
        seen.add(shape)
    assert seen == {shape for role in ROLES for shape, *_ in _calls(w, role)} | {"TopicMerged"}


def test_answers_keep_their_optional_parts_and_numbers_as_they_always_have(w):
    admin, pcoord = w.api["admin"], w.api["pcoord"]
    issued = admin.post(
        "/admin/invitations", expect=201, json={"email": "x@example.org", "role": "expert"}
    )
    assert issued["delivery"] == "off" and issued["link"]  # not mailed: the link, once
    created = admin.post(
        "/admin/accounts",
        expect=201,
        json={"email": "y@example.org", "display_name": "Y", "role": "expert"},
    )
    assert "tokens_revoked" not in created  # only a reset revokes tokens
    reset = admin.post(f"/admin/accounts/{w.curriculum.id}/reset-password", expect=200)
    assert reset["tokens_revoked"] == 2
    # the credits as the rule holds them; a transcript with nothing to count says 0
    assert admin.put("/programs/hcv/credit-rule", expect=200, json=CREDIT)[
        "credits_per_session"
    ] == pytest.approx(2.0)
    assert pcoord.get("/me/transcript", expect=200) == {"sessions": [], "total_credits": 0}
    # a letter's conflicts are told when it is sent, not in the desk's list of letters
    sent = admin.post(f"/cases/{w.follow_up.id}/recommendations/send", expect=201, json={})
    assert sent["conflicts"] == []
    desk = admin.get("/programs/hcv/desk", expect=200)
    letters = [s for p in desk["presented"] for s in p["sent"]]
    assert [s["id"] for s in letters] == [sent["id"]] and "conflicts" not in letters[0]
    # token times say they are UTC, as they always have
    tokens = admin.get("/tokens", expect=200)["results"]
    assert [t["last_used_at"] is None for t in tokens] == [True, False]  # newest first
    assert tokens[1]["created_at"].endswith("+00:00")
    assert tokens[1]["last_used_at"].endswith("+00:00")


def test_a_saved_form_is_answered_with_what_an_import_kept(w):
    """A form restored from a backup may hold attributes the API does not write."""
    w.hcv.case_template = {
        "sections": [{"key": "hx", "label": "History", "required": False, "help": ""}],
        "fields": [
            {"key": "bmi", "label": "BMI", "type": "number", "required": False, "step": 0.1}
        ],
    }
    template_version(w.hcv).definition = w.hcv.case_template
    db.session.commit()
    answer = w.api["admin"].get("/programs/hcv/template", expect=200)
    assert answer["template"]["fields"][0]["step"] == 0.1


@pytest.mark.parametrize(
    ("method", "path", "body", "field", "message"),
    [
        ("put", "/programs/hcv/template", {"bogus": []}, "bogus", "bogus is not a known field."),
        (
            "put",
            "/programs/hcv/template",
            {"fields": [{"key": "X", "label": "x"}]},
            "fields[0].key",
            "fields[0].key must start with a letter and hold only lowercase letters,"
            " digits and underscores (at most 40).",
        ),
        (
            "put",
            "/programs/hcv/template",
            {"fields": [{"key": "x", "label": "x", "type": "date"}]},
            "fields[0].type",
            "fields[0].type must be one of: text, number, choice, multi, boolean.",
        ),
        (
            "put",
            "/programs/hcv/template",
            {"fields": [{"key": "x", "label": "x", "min": "1"}]},
            "fields[0].min",
            "fields[0].min must be of type number.",
        ),
        (
            "post",
            "/admin/invitations",
            {"email": "a@b.co", "role": "king"},
            "role",
            "role must be one of: provider, expert, coordinator, curriculum, admin.",
        ),
        (
            "post",
            "/admin/invitations",
            {"email": "bad", "role": "expert"},
            "email",
            "email is not an email address.",
        ),
        (
            "post",
            "/admin/accounts",
            {"email": "nope", "display_name": "a", "role": "expert"},
            "email",
            "email is not an email address.",
        ),
        (
            "post",
            "/me/subscriptions",
            {"topic": "a", "program": "b"},
            "body",
            "body one of topic (a name, synonym or slug) or program (a slug).",
        ),
        ("post", "/me/subscriptions", {"topic": ""}, "topic", "topic must not be empty."),
        (
            "put",
            "/me/subscriptions/digest",
            {"daily_email": "yes"},
            "daily_email",
            "daily_email must be of type boolean.",
        ),
        (
            "put",
            "/programs/hcv/credit-rule",
            dict(CREDIT, credits_per_session=0),
            "credits_per_session",
            "credits_per_session is not valid.",
        ),
        (
            "put",
            "/programs/hcv/credit-rule",
            dict(CREDIT, credit_type="x"),
            "credit_type",
            "credit_type must be one of: ama_pra_1, ancc, participation.",
        ),
        (
            "put",
            "/sessions/1/attendance",
            {"participants": [{"user_id": 1, "minutes": 2000}]},
            "participants[0].minutes",
            "participants[0].minutes must be at most 1440.",
        ),
        (
            "put",
            "/sessions/1/attendance",
            {"participants": [{"minutes": 3}]},
            "participants[0].user_id",
            "participants[0].user_id is required.",
        ),
        (
            "put",
            "/sessions/1/evaluation",
            {"rating": 6, "will_change_practice": True},
            "rating",
            "rating must be at most 5.",
        ),
        (
            "post",
            "/cases/1/recommendations/send",
            {"publish_drafts": 1},
            "publish_drafts",
            "publish_drafts must be of type boolean.",
        ),
        (
            "patch",
            "/admin/accounts/1",
            {"display_name": " "},
            "display_name",
            "display_name must hold some text and no NUL character.",
        ),
        ("patch", "/admin/accounts/1", {"email": "a@b.co"}, "email", "email is not a known field."),
        (
            "post",
            "/admin/accounts",
            {"display_name": "a", "role": "expert"},
            "email",
            "email is required.",
        ),
        (
            "post",
            "/admin/topics/1/actions",
            {"action": "burn"},
            "action",
            "action must be one of: accept, retire, restore.",
        ),
        (
            "patch",
            "/admin/topics/1",
            {"parent": 3},
            "parent",
            "parent must be of type ['string', 'null'].",
        ),
        (
            "patch",
            "/admin/topics/1",
            {"accept_findings": [{"field": "d", "start": 0, "end": 1}]},
            "accept_findings[0].reason",
            "accept_findings[0].reason is required.",
        ),
        (
            "post",
            "/admin/topics/1/merge",
            {"into": " "},
            "into",
            "into must hold some text and no NUL character.",
        ),
        ("post", "/programs/hcv/staff", {}, "email", "email is required."),
    ],
)
def test_a_refused_body_names_the_field_as_it_always_has(w, method, path, body, field, message):
    answer = getattr(w.api["admin"], method)(path, expect=422, json=body)
    assert (answer["field"], answer["message"]) == (field, message)


def test_these_answers_say_nothing_of_a_private_program_outside_it(w):
    """The desk, attendance, transcript, credit, case form, staff and subscriptions of a
    private program are found only by its members (and admins)."""
    outsider, member, pcoord = w.api["provider"], w.api["member"], w.api["pcoord"]
    closed = w.closed_session.id
    pcoord.put(
        f"/sessions/{closed}/attendance",
        expect=200,
        json={"participants": [{"user_id": w.member.id, "minutes": 60}]},
    )
    pcoord.put("/programs/perinatal-sud/credit-rule", expect=200, json=CREDIT)
    hidden = [
        ("get", "/programs/perinatal-sud/desk", None),
        ("get", "/programs/perinatal-sud/credit-rule", None),
        ("get", "/programs/perinatal-sud/template", None),
        ("get", "/programs/perinatal-sud/staff", None),
        ("get", f"/sessions/{closed}/attendance", None),
        ("get", f"/sessions/{closed}/evaluations", None),
        ("put", f"/sessions/{closed}/evaluation", {"rating": 5, "will_change_practice": True}),
        ("get", "/me/transcript?program=perinatal-sud", None),
        ("post", "/me/subscriptions", {"program": "perinatal-sud"}),
    ]
    for method, path, body in hidden:
        kwargs = {} if body is None else {"json": body}
        answer = getattr(outsider, method)(path, expect=404, **kwargs)
        assert answer["message"] in (
            "No such program.",
            f"No session {closed}.",
        )
    told = str(
        [
            outsider.get("/me/transcript", expect=200),
            outsider.get("/me/subscriptions", expect=200),
            outsider.get("/me/digest?period=week", expect=200),
            w.api["coordinator"].get("/programs/hcv/desk", expect=200),
        ]
    )
    for secret in ("perinatal", w.private_case.title, w.closed_session.title, "Private advice"):
        assert secret not in told
    # inside, the same answers hold it
    transcript = member.get("/me/transcript?program=perinatal-sud", expect=200)
    assert [s["session_id"] for s in transcript["sessions"]] == [closed]
    desk = pcoord.get("/programs/perinatal-sud/desk", expect=200)
    assert [p["case_id"] for p in desk["presented"]] == [w.private_case.id]
    assert [r["body"] for r in desk["presented"][0]["recommendations"]] == ["Private advice."]


def test_the_document_publishes_each_of_these_shapes_once_and_closed():
    schemas = SPEC.document()["components"]["schemas"]
    answers = (
        "ApiToken",
        "CaseTemplateVersion",
        "Invitation",
        "IssuedInvitation",
        "Subscription",
        "Subscriptions",
        "SessionDesk",
        "RecommendationsSent",
        "Attendance",
        "Transcript",
        "Evaluation",
        "EvaluationResults",
        "CreditRule",
        "Account",
        "TemporaryPassword",
        "StaffMember",
        "VocabularyTopic",
        "TopicMerged",
    )
    for name in answers:
        assert schemas[name]["additionalProperties"] is False, name
    # what every answer holds is required; what only some hold is not
    assert "link" not in schemas["IssuedInvitation"]["required"]
    assert "tokens_revoked" not in schemas["TemporaryPassword"]["required"]
    assert "conflicts" not in schemas["RecommendationsSent"]["required"]
    assert "last_used_at" in schemas["ApiToken"]["required"]
