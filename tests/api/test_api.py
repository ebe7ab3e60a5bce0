"""JSON API v1: the whole journey, the policy, the errors, and a document that matches."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.api import SPEC
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.common import utcnow
from app.extensions import db
from app.programs.operations import create_program

TEMPLATE = {
    "sections": [{"key": "hpi", "label": "History of present illness", "required": True}],
    "fields": [
        {
            "key": "mme",
            "label": "Daily opioid dose",
            "type": "number",
            "unit": "MME",
            "required": True,
        }
    ],
}


class Api:
    def __init__(self, client, user):
        self.client, self.user = client, user
        self.headers = {"Authorization": f"Bearer {create_token(user, actor=SYSTEM)}"}
        db.session.commit()

    def __getattr__(self, method):
        def call(path, expect=None, **kwargs):
            response = getattr(self.client, method)(
                f"/api/v1{path}", headers=self.headers, **kwargs
            )
            if expect is not None:
                assert response.status_code == expect, response.get_json()
            return response.get_json()

        return call


@pytest.fixture
def world(app, client, make_user):
    create_program("pain", "Chronic Pain ECHO", template=TEMPLATE, actor=SYSTEM)
    create_program("private", "Private ECHO", private=True, actor=SYSTEM)
    db.session.commit()
    return {
        # The coordinator runs "pain" by being one of its members.
        role: Api(client, make_user(role, programs=["pain"] if role == "coordinator" else []))
        for role in ("provider", "coordinator", "expert", "admin", "curriculum")
    } | {"other": Api(client, make_user("provider"))}


# Cases are scheduled into a session held today: not in the past, and presentable.
TODAY = utcnow().date().isoformat()

CASE = {
    "program": "pain",
    "title": "62-year-old man on 120 MME with falls",
    "age": 62,
    "sex": "male",
    "question": "How fast can we taper?",
    "presentation": "## History of present illness\n\nLow back pain for ten years.",
    "fields": {"mme": 120},
    "topics": ["Opioid tapering"],
}


def test_the_journey_through_the_api(world):
    p, c, e = world["provider"], world["coordinator"], world["expert"]
    session = c.post(
        "/programs/pain/sessions",
        expect=201,
        json={"date": TODAY, "title": "Tapering", "attendance_count": 20},
    )
    dirty = dict(
        CASE, presentation="## History of present illness\n\nMr. John Smith, call 603-555-0142."
    )
    refused = p.post("/cases", expect=422, json=dirty)
    assert refused["error"] == "identifiers_found"
    assert {f["category"] for f in refused["findings"]} == {"NAME", "PHONE"}
    assert "John Smith" not in str(refused)
    case = p.post("/cases", expect=201, json=CASE)
    assert case["status"] == "draft" and case["fields"] == {"mme": 120}
    case = p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    case = c.post(
        f"/cases/{case['id']}/actions",
        expect=200,
        json={"action": "return", "comment": "Add the PEG score."},
    )
    assert case["review_comments"][0]["body"] == "Add the PEG score."
    case = p.patch(
        f"/cases/{case['id']}", expect=200, json={"question": "How fast can we taper? PEG is 7."}
    )
    p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    c.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "approve"})
    agenda = c.post(f"/sessions/{session['id']}/cases", expect=200, json={"case_id": case["id"]})
    assert agenda["cases"][0]["case_id"] == case["id"]
    rec = e.post(
        f"/cases/{case['id']}/recommendations",
        expect=201,
        json={"body": "Taper by 10% a month.", "category": "therapeutic"},
    )
    e.post(f"/recommendations/{rec['id']}/publish", expect=422)  # not presented yet
    c.post(f"/sessions/{session['id']}/cases/{case['id']}/presented", expect=200)
    rec = e.post(f"/recommendations/{rec['id']}/publish", expect=200)
    assert rec["status"] == "published"
    assert p.get(f"/cases/{case['id']}", expect=200)["status"] == "recommendations_published"
    rec = e.patch(
        f"/recommendations/{rec['id']}", expect=200, json={"body": "Taper by 5-10% a month."}
    )
    assert rec["version"] == 2
    assert len(e.get(f"/recommendations/{rec['id']}/versions", expect=200)["results"]) == 2
    note = world["admin"].post(
        f"/recommendations/{rec['id']}/annotations",
        expect=201,
        json={"kind": "agree", "body": "Agree; offer naloxone too."},
    )
    assert note["kind"] == "agree"
    follow = p.post(
        "/cases", expect=201, json=dict(CASE, title="Follow-up: tapering", follows_id=case["id"])
    )
    outcome = p.post(
        f"/cases/{follow['id']}/outcomes",
        expect=201,
        json={
            "recommendation_id": rec["id"],
            "adoption": "adopted",
            "patient_status": "improved",
            "note": "Now at 60 MME.",
        },
    )
    assert outcome["patient_status"] == "improved"
    listed = p.get("/cases?mine=true&per_page=5", expect=200)
    assert listed["total"] == 2 and len(listed["results"]) == 2


def test_policy_over_the_api(world):
    p, other, e, c = world["provider"], world["other"], world["expert"], world["coordinator"]
    case = p.post("/cases", expect=201, json=CASE)
    other.get(f"/cases/{case['id']}", expect=404)  # another provider's draft
    assert other.get("/cases", expect=200)["total"] == 0
    p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    for api in (p, e, other):
        api.post(f"/cases/{case['id']}/actions", json={"action": "approve"})
    assert c.get(f"/cases/{case['id']}", expect=200)["status"] == "submitted"
    e.post(f"/cases/{case['id']}/actions", expect=404, json={"action": "approve"})
    p.post(f"/cases/{case['id']}/actions", expect=403, json={"action": "approve"})
    c.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "approve"})
    rec = e.post(
        f"/cases/{case['id']}/recommendations",
        expect=201,
        json={"body": "Start naloxone.", "category": "therapeutic"},
    )
    p.patch(f"/recommendations/{rec['id']}", expect=404, json={"body": "Changed"})  # a draft
    world["curriculum"].get("/programs/private", expect=404)
    assert "private" not in [x["slug"] for x in p.get("/programs", expect=200)["results"]]
    world["admin"].get("/programs/private", expect=200)
    p.post("/programs/private/sessions", expect=404, json={"date": "2026-01-01"})
    p.post("/programs/pain/sessions", expect=403, json={"date": "2026-01-01"})


def test_hidden_ids_and_slugs_read_as_missing_ones(world, make_user):
    """What a non-member, or a reader of someone else's draft, gets back says no more than
    what an unknown id or slug gets."""
    from app.cases.models import CaseStatus
    from app.programs.operations import find_program
    from tests.support.builders import add_case, add_recommendation

    p, e, curriculum = world["provider"], world["expert"], world["curriculum"]
    hidden = p.get("/programs/private", expect=404)["message"]
    assert hidden == p.get("/programs/no-such", expect=404)["message"].replace("no-such", "private")
    # Without the permission, the curriculum refuses before looking the program up.
    assert p.get("/curriculum?program=private", expect=403) == p.get(
        "/curriculum?program=no-such", expect=403
    )
    assert curriculum.get("/curriculum?program=private", expect=404) == curriculum.get(
        "/curriculum?program=no-such", expect=404
    )
    case = add_case(find_program("pain"), p.user, "Taper question", status=CaseStatus.PRESENTED)
    draft = add_recommendation(case, make_user("expert"), "Unsent advice.", published=False)
    db.session.commit()

    def propose(rec_id):
        body = {"title": "Taper", "statement": "Slowly.", "recommendations": [{"id": rec_id}]}
        return e.post("/practices", expect=404, json=body)["message"]

    assert propose(draft.id) == propose(99999).replace("99999", str(draft.id))


def _published_recommendation(world) -> dict:
    """A case presented at a session, with the expert's published advice "Taper."."""
    p, c, e = world["provider"], world["coordinator"], world["expert"]
    session = c.post("/programs/pain/sessions", expect=201, json={"date": TODAY})
    case = p.post("/cases", expect=201, json=CASE)
    p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    c.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "approve"})
    c.post(f"/sessions/{session['id']}/cases", expect=200, json={"case_id": case["id"]})
    c.post(f"/sessions/{session['id']}/cases/{case['id']}/presented", expect=200)
    rec = e.post(
        f"/cases/{case['id']}/recommendations",
        expect=201,
        json={"body": "Taper.", "category": "therapeutic", "publish": True},
    )
    return rec


def test_provider_cannot_edit_a_published_recommendation(world):
    p = world["provider"]
    rec = _published_recommendation(world)
    answer = p.patch(f"/recommendations/{rec['id']}", expect=403, json={"body": "Changed"})
    assert answer["error"] == "forbidden"
    world["other"].patch(f"/recommendations/{rec['id']}", expect=403, json={"body": "x"})


def test_an_edit_sent_with_the_version_it_was_made_from_is_refused_once_another_is_saved(
    world,
):
    """The author and an admin both read version 1: the second PATCH, sent with it, is
    refused (409) instead of replacing the first unseen; sent again with version 2, saved."""
    e, a = world["expert"], world["admin"]
    rec = _published_recommendation(world)
    path = f"/recommendations/{rec['id']}"
    assert e.patch(path, expect=200, json={"body": "Taper slowly.", "version": 1})["version"] == 2
    refused = a.patch(path, expect=409, json={"body": "Taper by 10%.", "version": 1})
    assert refused["error"] == "conflict" and refused["field"] == "version"
    assert "Version 2 of this recommendation was saved" in refused["message"]
    assert e.get(path, expect=200)["body"] == "Taper slowly."
    assert a.patch(path, expect=200, json={"body": "Taper by 10%.", "version": 2})["version"] == 3


def test_a_case_scheduled_by_two_coordinators_at_once_is_on_the_agenda_once(
    app, world, database_server, monkeypatch
):
    """Both found the case off the agenda; the second to save gets the agenda with it, not
    a 500 (PostgreSQL's unique index refused its second row)."""
    if database_server is None:
        pytest.skip("SQLite takes its write lock as a save begins: two saves never overlap")
    import threading

    from app.cases import lifecycle
    from app.cases.models import CasePresentation

    p, c, a = world["provider"], world["coordinator"], world["admin"]
    session = c.post("/programs/pain/sessions", expect=201, json={"date": TODAY})
    case = p.post("/cases", expect=201, json=CASE)
    p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    c.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "approve"})
    threaded = Api(app.test_client(), c.user)
    looked, go_on = threading.Event(), threading.Event()
    real = lifecycle.schedule

    def paused(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            looked.set()  # the coordinator's save found the case off the agenda …
            go_on.wait(60)  # … and goes on once the admin's scheduling committed
        return real(*args, **kwargs)

    monkeypatch.setattr(lifecycle, "schedule", paused)
    path = f"/sessions/{session['id']}/cases"
    answers = []
    first = threading.Thread(
        target=lambda: answers.append(threaded.post(path, json={"case_id": case["id"]}))
    )
    first.start()
    try:
        assert looked.wait(60)
        a.post(path, expect=200, json={"case_id": case["id"]})
    finally:
        go_on.set()
        first.join(60)
    [answer] = answers
    assert [item["case_id"] for item in answer["cases"]] == [case["id"]], answer
    scheduled = db.session.scalars(
        select(CasePresentation.id).where(CasePresentation.case_id == case["id"])
    ).all()
    assert len(scheduled) == 1


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/cases", {k: v for k, v in CASE.items() if k != "title"}, "title"),
        ("/cases", dict(CASE, age="old"), "age"),
        ("/cases", dict(CASE, age=200), "age"),
        ("/cases", dict(CASE, title="x" * 301), "title"),
        ("/cases", dict(CASE, sex="robot"), "sex"),
        ("/cases", dict(CASE, fields={"mme": "lots"}), "fields.mme"),
        ("/cases", dict(CASE, mrn="1234567"), "mrn"),
        ("/cases", dict(CASE, program="nowhere"), None),
        ("/cases", dict(CASE, topics="pain"), "topics"),
        ("/cases", dict(CASE, follows_id=999), None),
        ("/programs/pain/sessions", {"date": "05/05/2026"}, "date"),
        (
            "/programs/pain/sessions",
            {"date": "2026-05-05", "attendance_count": -3},
            "attendance_count",
        ),
    ],
)
def test_bad_input_gets_a_clear_json_answer(world, path, body, field):
    api = world["coordinator"] if "sessions" in path else world["provider"]
    response = api.client.post(f"/api/v1{path}", headers=api.headers, json=body)
    assert 400 <= response.status_code < 500
    answer = response.get_json()
    assert answer["message"]
    if field:
        assert answer["field"] == field, answer


def test_malformed_requests_never_500(world):
    api = world["provider"]
    for response in (
        api.client.post(
            "/api/v1/cases", headers=api.headers, data="not json", content_type="application/json"
        ),
        api.client.post("/api/v1/cases", headers=api.headers, json=[1, 2]),
        api.client.get("/api/v1/cases?per_page=1000", headers=api.headers),
        api.client.get("/api/v1/cases?page=zero", headers=api.headers),
        api.client.get("/api/v1/cases?status=finished", headers=api.headers),
        api.client.get("/api/v1/cases/99999", headers=api.headers),
        api.client.get("/api/v1/nothing-here", headers=api.headers),
        api.client.post("/api/v1/cases/1/actions", headers=api.headers, json={"action": "explode"}),
    ):
        assert 400 <= response.status_code < 500, response.get_data(as_text=True)
        assert response.get_json()["message"]


def test_illegal_transition_is_refused_with_the_reason(world):
    p = world["provider"]
    case = p.post("/cases", expect=201, json=CASE)
    answer = world["coordinator"].post(f"/cases/{case['id']}/actions", json={"action": "close"})
    assert answer["error"] in ("not_found", "validation_error")
    p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    answer = world["coordinator"].post(
        f"/cases/{case['id']}/actions", expect=422, json={"action": "close"}
    )
    assert answer["field"] == "status" and "cannot become closed" in answer["message"]


def test_every_api_route_is_in_the_openapi_document(app, client):
    document = client.get("/api/v1/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    described = {(path, method) for path, ops in document["paths"].items() for method in ops}
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1"):
            continue
        path = rule.rule
        for conv in ("<int:", "<"):
            path = path.replace(conv, "{")
        path = path.replace(">", "}")
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (path, method.lower()) in described, f"{method} {path} is not described"
    for name in SPEC.schemas:
        assert name in document["components"]["schemas"]


def test_api_needs_a_token(client):
    response = client.get("/api/v1/cases")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


TYPED = "Harriet Quenby MRN 55512344"


def test_a_program_not_found_is_named_without_repeating_what_was_typed(world):
    """A slug box may hold anything (a patient's name typed in the wrong place): the answer
    names the field, never the text."""
    provider, admin = world["provider"], world["admin"]
    asked = [
        provider.get(f"/cases?program={TYPED}", expect=404),
        provider.get(f"/programs/{TYPED}", expect=404),
        provider.get(f"/programs/{TYPED}/sessions", expect=404),
        provider.post("/me/subscriptions", expect=404, json={"program": TYPED}),
        admin.get(f"/admin/accounts?program={TYPED}", expect=404),
    ]
    for answer in asked:
        assert answer["message"] == "No such program." and answer["field"] == "program", answer
    invited = admin.post(
        "/admin/invitations",
        json={"email": "new@example.org", "role": "provider", "programs": [TYPED]},
    )
    created = admin.post(
        "/admin/accounts",
        json={
            "email": "new@example.org",
            "display_name": "N",
            "role": "provider",
            "programs": [TYPED],
        },
    )
    for answer in (invited, created):
        assert answer["message"] == "No such program." and answer["field"] == "programs", answer
    # a name where a field's name belongs is not repeated either
    unknown = provider.post("/cases", json={**CASE, TYPED: 1})
    assert unknown == {
        "error": "validation_error",
        "message": "body has a field that is not known.",
        "field": "body",
        "errors": {"body": "body has a field that is not known."},
    }
    assert "bogus" in provider.post("/cases", json={**CASE, "bogus": 1})["message"]
    for answer in [*asked, invited, created, unknown]:
        assert "Quenby" not in str(answer) and "55512344" not in str(answer)


def test_an_edit_without_a_version_keeps_what_another_saved_in_the_fields_it_leaves_out(
    app, world, database_server, monkeypatch
):
    """The author sends a new body alone while an admin's change of category is saved: the
    author's edit keeps the admin's category, not the one read before the admin's commit."""
    if database_server is None:
        pytest.skip("SQLite takes its write lock as a save begins: two saves never overlap")
    import threading

    from app.api import resources

    e, a = world["expert"], world["admin"]
    rec = _published_recommendation(world)
    path = f"/recommendations/{rec['id']}"
    threaded = Api(app.test_client(), e.user)
    read, go_on = threading.Event(), threading.Event()
    real = resources.edit_recommendation

    def paused(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            read.set()  # the author's request has read the recommendation …
            go_on.wait(60)  # … and saves once the admin's edit committed
        return real(*args, **kwargs)

    monkeypatch.setattr(resources, "edit_recommendation", paused)
    answers = []
    first = threading.Thread(
        target=lambda: answers.append(threaded.patch(path, json={"body": "Taper slowly."}))
    )
    first.start()
    try:
        assert read.wait(60)
        a.patch(path, expect=200, json={"category": "diagnostic", "version": 1})
    finally:
        go_on.set()
        first.join(60)
    [answer] = answers
    assert (answer["body"], answer["category"], answer["version"]) == (
        "Taper slowly.",
        "diagnostic",
        3,
    )
    assert e.get(path, expect=200)["category"] == "diagnostic"


def test_sessions_of_one_day_page_in_a_stable_order(world):
    """Paging through sessions held on the same day sees each once, newest created first."""
    c = world["coordinator"]
    early = c.post("/programs/pain/sessions", expect=201, json={"date": "2026-01-01"})
    same_day = [
        c.post("/programs/pain/sessions", expect=201, json={"date": "2026-02-01"})["id"]
        for _ in range(3)
    ]
    seen = [
        c.get(f"/programs/pain/sessions?page={n}&per_page=1", expect=200)["results"][0]["id"]
        for n in range(1, 5)
    ]
    assert seen == [*reversed(same_day), early["id"]]
