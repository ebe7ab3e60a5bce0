"""Teaching sets and saved searches: each role's real answers are exactly what the document
publishes, refusals read as they always have, and a set shared with an open program shows
an outsider nothing of a private program's case in it."""

from __future__ import annotations

import pytest

from app.api import SPEC
from app.auth.operations import add_membership
from app.extensions import db
from tests.api.test_api import Api
from tests.api.test_shapes_search_practices import Published
from tests.support.builders import build_world

ROLES = ("provider", "coordinator", "expert", "admin", "curriculum")


@pytest.fixture
def w(app, client, make_user):
    w = build_world(make_user)
    w.apis = {role: Api(client, make_user(role, programs=["hcv"])) for role in ROLES}
    return w


def test_the_document_publishes_teaching_answers_closed_and_complete():
    schemas = SPEC.document()["components"]["schemas"]
    for name in (
        "TeachingSet",
        "TeachingSetItem",
        "TeachingSetSummary",
        "TeachingSetSummaryPage",
        "ExportedTeachingSet",
        "TeachingSetHandout",
        "SavedSearch",
        "SavedSearchPage",
        "Deletion",
    ):
        assert schemas[name]["additionalProperties"] is False, name
        assert schemas[name]["required"], name
    # a set's answer has always said whether it is the caller's
    assert "mine" in schemas["TeachingSet"]["required"]
    assert schemas["TeachingSetExport"]["anyOf"] == [
        {"$ref": "#/components/schemas/ExportedTeachingSet"},
        {"$ref": "#/components/schemas/TeachingSetHandout"},
    ]


def test_every_role_gets_teaching_sets_and_saved_searches_as_published(client, w):
    published = Published(client)
    for role, api in w.apis.items():
        made = api.post("/teaching-sets", expect=201, json={"title": f"For {role}"})
        published.check("TeachingSet", made)
        url = f"/teaching-sets/{made['id']}"
        added = api.post(f"{url}/items", expect=201, json={"case_id": w.case.id, "note": "*Why*"})
        item = published.check("TeachingSet", added)["items"][0]
        assert (item["kind"], item["position"], item["case_id"]) == ("case", 1, w.case.id)
        moved = api.patch(f"{url}/items/{item['id']}", expect=200, json={"note": "Read first."})
        published.check("TeachingSet", moved)
        shared = api.patch(url, expect=200, json={"program": "hcv", "title": "Shared"})
        assert published.check("TeachingSet", shared)["program"] == "hcv"
        published.check("TeachingSetSummaryPage", api.get("/teaching-sets", expect=200))
        published.check("TeachingSet", api.get(url, expect=200))
        exported = published.check("TeachingSetExport", api.get(f"{url}/export", expect=200))
        assert exported["items"][0]["case"]["id"] == w.case.id
        handout = api.get(f"{url}/export?format=md", expect=200)
        assert published.check("TeachingSetExport", handout)["format"] == "md"
        saved = api.post(
            "/me/saved-searches", expect=201, json={"name": "HBV", "query": "q=hbv&type=case"}
        )
        published.check("SavedSearch", saved)
        published.check("SavedSearchPage", api.get("/me/saved-searches", expect=200))
        gone = api.delete(f"/me/saved-searches/{saved['id']}", expect=200)
        assert published.check("Deletion", gone) == {"deleted": saved["id"]}
        published.check("TeachingSet", api.delete(f"{url}/items/{item['id']}", expect=200))
    # the others' shared sets, as each sees them
    for api in w.apis.values():
        listed = api.get("/teaching-sets", expect=200)
        assert len(listed["results"]) == len(ROLES)
        for summary in listed["results"]:
            published.check("TeachingSet", api.get(f"/teaching-sets/{summary['id']}"))
    assert published.checked > 80


@pytest.mark.parametrize(
    ("path", "body", "field", "message"),
    [
        ("/teaching-sets", {}, "title", "title is required."),
        ("/teaching-sets", {"title": ""}, "title", "title must not be empty."),
        (
            "/teaching-sets",
            {"title": " "},
            "title",
            "title must hold some text and no NUL character.",
        ),
        ("/teaching-sets", {"title": "x" * 201}, "title", "title must be at most 200 characters."),
        ("/teaching-sets", {"title": 5}, "title", "title must be of type string."),
        ("/teaching-sets", {"title": "T", "x": 1}, "x", "x is not a known field."),
        (
            "/teaching-sets",
            {"title": "T", "description": None},
            "description",
            "description must be of type string.",
        ),
        ("/teaching-sets/{set}/items", {}, "body", "body matches no accepted form."),
        # an unknown field is reported before the missing subject, as it always was
        ("/teaching-sets/{set}/items", {"x": 1}, "x", "x is not a known field."),
        (
            "/teaching-sets/{set}/items",
            {"case_id": 1, "recommendation_id": 1},
            "body",
            "body matches no accepted form.",
        ),
        ("/teaching-sets/{set}/items", {"case_id": 0}, "case_id", "case_id must be at least 1."),
        (
            "/teaching-sets/{set}/items",
            {"case_id": None},
            "case_id",
            "case_id must be of type integer.",
        ),
        ("/me/saved-searches", {}, "name", "name is required."),
        ("/me/saved-searches", {"name": "n"}, "query", "query is required."),
        ("/me/saved-searches", {"name": "", "query": "q=x"}, "name", "name must not be empty."),
        ("/me/saved-searches", {"name": "n", "query": ""}, "query", "query must not be empty."),
    ],
)
def test_a_refused_teaching_body_names_the_field_as_it_always_has(w, path, body, field, message):
    api = w.apis["expert"]
    made = api.post("/teaching-sets", expect=201, json={"title": "Set"})
    answer = api.post(path.format(set=made["id"]), expect=422, json=body)
    assert (answer["field"], answer["message"]) == (field, message)


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"program": 5}, "program", "program must be of type ['string', 'null']."),
        ({"program": "x" * 65}, "program", "program must be at most 64 characters."),
        ({"title": None}, "title", "title must be of type string."),
        ({"x": 1}, "x", "x is not a known field."),
    ],
)
def test_a_refused_set_change_names_the_field_as_it_always_has(w, body, field, message):
    api = w.apis["expert"]
    made = api.post("/teaching-sets", expect=201, json={"title": "Set"})
    answer = api.patch(f"/teaching-sets/{made['id']}", expect=422, json=body)
    assert (answer["field"], answer["message"]) == (field, message)


def test_a_shared_set_shows_an_outsider_nothing_of_a_private_programs_case(client, make_user, w):
    member = Api(client, w.member)
    add_membership(w.member, "hcv", actor=w.admin)
    db.session.commit()
    made = member.post("/teaching-sets", expect=201, json={"title": "Both programs"})
    url = f"/teaching-sets/{made['id']}"
    member.post(f"{url}/items", expect=201, json={"case_id": w.private_case.id, "note": "Inside."})
    member.post(f"{url}/items", expect=201, json={"case_id": w.case.id, "note": "Open."})
    member.patch(url, expect=200, json={"program": "hcv"})
    seen = member.get(url, expect=200)
    assert [i["case_id"] for i in seen["items"]] == [w.private_case.id, w.case.id]
    outsider = w.apis["provider"]
    shown = outsider.get(url, expect=200)
    assert [i["case_id"] for i in shown["items"]] == [w.case.id]
    assert shown["hidden_item_ids"] == []  # only the set's editor is told of hidden items
    exported = outsider.get(f"{url}/export", expect=200)
    assert [i["case"]["id"] for i in exported["items"]] == [w.case.id]
    handout = outsider.get(f"{url}/export?format=md", expect=200)["markdown"]
    for answer in (shown, exported, handout):
        assert "Inside." not in str(answer)
        assert w.private_case.title not in str(answer)
