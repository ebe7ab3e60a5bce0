"""Shapes declared once, as pydantic models: the document publishes them, bodies are checked
against them with the messages the API has always given, and answers are built from them."""

from __future__ import annotations

from typing import Annotated

import pytest
from flask import Blueprint, Flask
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.api import SPEC
from app.api.spec import ApiSpec
from app.auth.policy import SYSTEM
from app.errors import CasebookError
from app.extensions import db
from app.programs.operations import create_program
from tests.api.test_api import CASE, TEMPLATE, TODAY, Api
from tests.practices.test_operations import two_sessions  # noqa: F401 - fixture

ROLES = ("provider", "coordinator", "expert", "admin", "curriculum")


@pytest.fixture
def world(app, client, make_user):
    create_program("pain", "Chronic Pain ECHO", template=TEMPLATE, actor=SYSTEM)
    db.session.commit()
    # The coordinator runs "pain" by being one of its members.
    return {
        role: Api(client, make_user(role, programs=["pain"] if role == "coordinator" else []))
        for role in ROLES
    }


def _validator(client, name):
    document = client.get("/api/v1/openapi.json").get_json()
    schemas = document["components"]["schemas"]
    # Answers must say no more than the document: no field it does not list.
    return Draft202012Validator(
        {"$ref": f"#/components/schemas/{name}", "components": {"schemas": schemas}}
    ), schemas[name]


def test_every_role_gets_a_case_exactly_as_the_document_describes_it(world, client):
    p, c = world["provider"], world["coordinator"]
    risky = dict(
        CASE,
        presentation="## History of present illness\n\nHer husband is the county sheriff in"
        " a small town. She has Fabry"
        " disease and was struck by lightning last spring.",
    )
    case = p.post("/cases", expect=201, json=risky)
    p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    c.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "return", "comment": "PEG?"})
    other = p.post("/cases", expect=201, json=CASE)
    p.post(f"/cases/{other['id']}/withdrawal", expect=201, json={"reason": "duplicate"})
    validator, published = _validator(client, "Case")
    page_validator, _ = _validator(client, "CasePage")
    # created_at and updated_at were returned long before the document listed them
    assert {"created_at", "updated_at"} <= set(published["required"])
    seen_risk = seen_withdrawn = False
    for role in ROLES:
        api = world[role]
        page = api.get("/cases", expect=200)
        page_validator.validate(page)
        for answer in page["results"]:
            validator.validate(answer)
            seen_risk |= answer["deid_risk"] is not None
        withdrawn = api.client.get(f"/api/v1/cases/{other['id']}", headers=api.headers)
        if withdrawn.status_code == 200:  # the program's coordinators and admins
            validator.validate(withdrawn.get_json())
            seen_withdrawn |= withdrawn.get_json()["withdrawn_at"] is not None
        else:  # for everyone else the withdrawal is not there to be told of
            assert (role, withdrawn.status_code) == (role, 404)
    # only those who may open a withdrawn case are told whether a case is one
    assert "withdrawn_at" not in p.get(f"/cases/{case['id']}", expect=200)
    assert c.get(f"/cases/{case['id']}", expect=200)["withdrawn_at"] is None
    assert seen_risk and seen_withdrawn


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"title": 5}, "program", "program is required."),
        ({"program": "pain", "title": ""}, "title", "title must not be empty."),
        (
            {"program": "pain", "title": " "},
            "title",
            "title must hold some text and no NUL character.",
        ),
        ({"program": "pain", "title": "x", "mrn": 1}, "mrn", "mrn is not a known field."),
        ({"program": "pain", "title": "x", "age": "old1"}, "age", "age is not an accepted value."),
        (
            {"program": "pain", "title": "x", "topics": "pain"},
            "topics",
            "topics must be of type array.",
        ),
        (
            {"program": "pain", "title": "x", "fields": {"k" * 65: 1}},
            "fields",
            "fields: each key must start with a letter and hold only lowercase letters,"
            " digits and underscores (at most 40).",
        ),
        (
            {"program": "pain", "title": "x", "follows_id": None},
            "follows_id",
            "follows_id must be of type integer.",
        ),
        (
            {
                "program": "pain",
                "title": "x",
                "accept_findings": [{"field": "title", "start": 0, "end": 1}],
            },
            "accept_findings[0].reason",
            "accept_findings[0].reason is required.",
        ),
        ([1], "body", "body must be of type object."),
    ],
)
def test_a_refused_case_body_names_the_field_as_it_always_has(world, body, field, message):
    answer = world["provider"].post("/cases", expect=422, json=body)
    assert (answer["field"], answer["message"]) == (field, message)


def test_a_number_beyond_a_float_is_refused_naming_its_field(world):
    body = '{"program": "pain", "title": "x", "fields": {"mme": 1e400}}'
    answer = world["provider"].post(
        "/cases", expect=422, data=body, content_type="application/json"
    )
    assert answer["field"].startswith("fields") and "mme" in answer["field"]


def test_a_patch_leaves_out_what_it_does_not_send(world):
    p = world["provider"]
    case = p.post("/cases", expect=201, json=CASE)
    changed = p.patch(f"/cases/{case['id']}", expect=200, json={"age": None})
    assert changed["age"] is None and changed["sex"] == "male"
    assert changed["title"] == CASE["title"] and changed["fields"] == {"mme": 120}
    assert p.patch(f"/cases/{case['id']}", expect=422, json={"title": None})["field"] == "title"


def test_every_role_gets_programs_and_sessions_as_the_document_describes_them(world, client):
    create_program("private", "Private ECHO", private=True, actor=SYSTEM)
    db.session.commit()
    p, c = world["provider"], world["coordinator"]
    session = c.post("/programs/pain/sessions", expect=201, json={"date": TODAY, "notes": "n"})
    agenda = f"/sessions/{session['id']}/cases"
    shown, hidden = (p.post("/cases", expect=201, json=CASE) for _ in range(2))
    for case in (shown, hidden):
        p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
        c.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "approve"})
        c.post(agenda, expect=200, json={"case_id": case["id"]})
    p.post(f"/cases/{hidden['id']}/withdrawal", expect=201, json={"reason": "duplicate"})
    shapes = {
        name: _validator(client, name)[0]
        for name in ("Program", "ProgramPage", "Session", "SessionPage")
    }
    for role in ROLES:
        api = world[role]
        programs = api.get("/programs", expect=200)
        shapes["ProgramPage"].validate(programs)
        # a private program is neither listed nor found for those outside it (admins see all)
        outside = role != "admin"
        slugs = ["pain"] if outside else ["pain", "private"]
        assert [x["slug"] for x in programs["results"]] == slugs, role
        private = api.client.get("/api/v1/programs/private", headers=api.headers)
        assert private.status_code == (404 if outside else 200), role
        shapes["Program"].validate(api.get("/programs/pain", expect=200))
        listed = api.get("/programs/pain/sessions", expect=200)
        shapes["SessionPage"].validate(listed)
        # a list of sessions leaves the agenda out; one session holds it
        assert "cases" not in listed["results"][0], role
        one = api.get(f"/sessions/{session['id']}", expect=200)
        shapes["Session"].validate(one)
        # the withdrawn case is not on anyone's agenda
        assert [x["case_id"] for x in one["cases"]] == [shown["id"]], role
        assert one["cases"][0]["status"] == "approved"


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({}, "date", "date is required."),
        ({"date": "x"}, "date", "date must be a date written YYYY-MM-DD."),
        ({"date": "0001-01-01"}, "date", "date must be a date between 1900 and 2200."),
        ({"date": "2027-02-30"}, "date", "date must be a date written YYYY-MM-DD."),
        ({"date": "2027-03-04", "number": 0}, "number", "number must be at least 1."),
        (
            {"date": "2027-03-04", "attendance_count": -1},
            "attendance_count",
            "attendance_count must be at least 0.",
        ),
        (
            {"date": "2027-03-04", "attendance_count": 1.5},
            "attendance_count",
            "attendance_count must be of type ['integer', 'null'].",
        ),
        ({"date": "2027-03-04", "title": 3}, "title", "title must be of type string."),
        ({"date": "2027-03-04", "bogus": 1}, "bogus", "bogus is not a known field."),
        ({"date": "2027-03-04", "notes": "a\u0000"}, "notes", "notes contains a NUL character."),
    ],
)
def test_a_refused_session_body_names_the_field_as_it_always_has(world, body, field, message):
    answer = world["coordinator"].post("/programs/pain/sessions", expect=422, json=body)
    assert (answer["field"], answer["message"]) == (field, message)


def test_a_session_patch_changes_only_what_it_sends(world):
    c = world["coordinator"]
    body = {"date": "2027-03-04", "title": "Tapering", "attendance_count": 20, "topics": ["Pain"]}
    session = c.post("/programs/pain/sessions", expect=201, json=body)
    changed = c.patch(f"/sessions/{session['id']}", expect=200, json={"attendance_count": None})
    assert changed["attendance_count"] is None
    assert (changed["title"], changed["topics"], changed["date"]) == (
        "Tapering",
        ["Pain"],
        body["date"],
    )
    refused = c.patch(f"/sessions/{session['id']}", expect=422, json={"number": 3})
    assert refused["message"] == "number is not a known field."
    assert c.patch(f"/sessions/{session['id']}", expect=422, json={"date": None})["field"] == "date"


def test_recommendations_answer_as_published_and_conflicts_only_after_a_write(world, client):
    p, c, e = world["provider"], world["coordinator"], world["expert"]
    case = p.post("/cases", expect=201, json=CASE)
    p.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "submit"})
    c.post(f"/cases/{case['id']}/actions", expect=200, json={"action": "approve"})
    written = e.post(
        f"/cases/{case['id']}/recommendations",
        expect=201,
        json={"body": "Taper by 10% a month.", "category": "therapeutic", "references": ["R"]},
    )
    edited = e.patch(f"/recommendations/{written['id']}", expect=200, json={"body": "Taper."})
    recommendation, _ = _validator(client, "Recommendation")
    versions, _ = _validator(client, "RecommendationVersions")
    for answer in (written, edited):
        recommendation.validate(answer)
        assert answer["conflicts"] == []
    assert (edited["version"], edited["references"]) == (2, ["R"])  # left out: kept
    read = e.get(f"/recommendations/{written['id']}", expect=200)
    recommendation.validate(read)
    assert "conflicts" not in read
    history = e.get(f"/recommendations/{written['id']}/versions", expect=200)
    versions.validate(history)
    assert history["results"][0]["edited_by"]["id"] == e.user.id


# ------------------------------------------------------------------ the mechanism itself


class Dose(BaseModel):
    model_config = ConfigDict(extra="forbid")

    drug: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    doses: dict[Annotated[str, StringConstraints(pattern="^[a-z]+$")], int] = Field(
        default_factory=dict
    )


class DoseAnswer(BaseModel):
    drug: str
    note: str | None = None


def _tiny_api():
    spec, blueprint = ApiSpec("Test", "1", prefix="/t"), Blueprint("tiny", __name__)
    received = []

    @spec.operation(
        blueprint, "/doses", "POST", summary="s", tag="t", body=Dose, response=DoseAnswer
    )
    def add_dose(payload: Dose) -> DoseAnswer:
        received.append(payload)
        if payload.drug == "wrong":
            return {"drug": payload.drug}  # type: ignore[return-value]
        return DoseAnswer(drug=payload.drug)

    app = Flask(__name__)
    app.testing = True  # a view that breaks its promise raises here, not a 500 page

    @blueprint.errorhandler(CasebookError)
    def refused(exc: CasebookError):
        return exc.to_dict(), exc.status_code

    app.register_blueprint(blueprint, url_prefix="/t")
    return spec, app.test_client(), received


def test_a_model_is_published_checked_and_answered_from_one_declaration():
    spec, client, received = _tiny_api()
    schema = spec.document()["components"]["schemas"]["Dose"]
    assert schema["required"] == ["drug"] and "title" not in schema["properties"]["drug"]
    # a key pattern constrains every key (pydantic would write patternProperties)
    assert schema["properties"]["doses"]["propertyNames"] == {"pattern": "^[a-z]+$"}
    assert "DoseAnswer" in spec.document()["components"]["schemas"]

    answer = client.post("/t/doses", json={"drug": "naloxone"})
    assert (answer.status_code, answer.get_json()) == (200, {"drug": "naloxone"})  # note left out
    assert isinstance(received[-1], Dose) and received[-1].drug == "naloxone"

    refused = client.post("/t/doses", json={"drug": "x" * 21, "doses": {"A1": 2}})
    assert refused.status_code == 422
    assert refused.get_json()["message"] == "doses has a key not in the form keys must have."
    assert client.post("/t/doses", json={"dose": 1}).get_json()["field"] == "drug"
    with pytest.raises(TypeError, match="must answer a DoseAnswer"):
        client.post("/t/doses", json={"drug": "wrong"})


def test_two_shapes_cannot_share_a_name():
    spec = ApiSpec("Test", "1", prefix="/t")
    spec.model(Dose, "validation")

    class Dose2(BaseModel):
        other: int

    Dose2.__name__ = "Dose"
    with pytest.raises(ValueError, match="'Dose'"):
        spec.model(Dose2, "validation")


def test_the_api_document_publishes_each_case_shape_once():
    schemas = SPEC.document()["components"]["schemas"]
    for name in ("Case", "CasePage", "CaseCreate", "CaseUpdate", "CaseAction", "Withdrawal"):
        assert schemas[name]["additionalProperties"] is False
    assert schemas["CaseCreate"]["required"] == ["program", "title"]


def test_every_role_gets_best_practices_as_the_document_describes_them(
    app,
    client,
    make_user,
    two_sessions,  # noqa: F811
):
    expert, provider, recs = two_sessions
    world = {role: Api(client, make_user(role)) for role in ROLES}
    author = Api(client, expert)
    body = {
        "title": "Naloxone for everyone on MOUD",
        "statement": "Dispense naloxone in hand.",
        "recommendations": [{"id": recs[0].id, "note": "First raised here."}, {"id": recs[1].id}],
        "status": "emerging",
        "reason": "Raised in two sessions.",
    }
    practice = author.post("/practices", expect=201, json=body)
    url = f"/practices/{practice['id']}"
    world["expert"].post(f"{url}/stance", expect=200, json={"stance": "dissent", "note": "Cost."})
    dissent = author.post(
        f"/recommendations/{recs[0].id}/dissents",
        expect=201,
        json={"practice_id": practice["id"], "reason": "A patient who refused."},
    )
    shapes = {
        name: _validator(client, name)[0]
        for name in ("BestPractice", "BestPracticePage", "RecommendationDissent")
    }
    shapes["RecommendationDissent"].validate(dissent)
    for role, api in world.items():
        listed = api.get("/practices", expect=200)
        shapes["BestPracticePage"].validate(listed)
        # a list of practices leaves out what only one practice's answer holds
        assert set(listed["results"][0]) == {
            "id",
            "title",
            "statement",
            "status",
            "version",
            "topics",
            "superseded_by_id",
            "url",
        }, role
        one = api.get(url, expect=200)
        shapes["BestPractice"].validate(one)
        assert [v["status"] for v in one["versions"]] == ["proposed", "emerging"], role
        assert one["endorsements"][0]["stance"] == "dissent", role
        assert one["outcomes"] == {"total": 0, "adoption": {}, "patient_status": {}}, role


PROPOSAL = {"title": "Naloxone", "statement": "Dispense it.", "recommendations": [{"id": 1}]}


@pytest.mark.parametrize(
    ("path", "body", "field", "message"),
    [
        ("/practices", {}, "title", "title is required."),
        (
            "/practices",
            dict(PROPOSAL, recommendations=[]),
            "recommendations",
            "recommendations is not valid.",
        ),
        (
            "/practices",
            dict(PROPOSAL, recommendations=[{"note": "x"}]),
            "recommendations[0].id",
            "recommendations[0].id is required.",
        ),
        (
            "/practices",
            dict(PROPOSAL, recommendations=[{"id": 1, "x": 1}]),
            "recommendations[0].x",
            "recommendations[0].x is not a known field.",
        ),
        (
            "/practices",
            dict(PROPOSAL, status="established"),
            "status",
            "status must be one of: proposed, emerging.",
        ),
        (
            "/practices",
            dict(PROPOSAL, title=" "),
            "title",
            "title must hold some text and no NUL character.",
        ),
        ("/practices", dict(PROPOSAL, reason=None), "reason", "reason must be of type string."),
        (
            "/practices/1/status",
            {"status": "nope", "reason": "r"},
            "status",
            "status must be one of: proposed, emerging, established, retired, superseded.",
        ),
        (
            "/practices/1/status",
            {"status": "retired", "reason": ""},
            "reason",
            "reason must not be empty.",
        ),
        (
            "/practices/1/status",
            {"status": "retired", "reason": "r", "superseded_by": None},
            "superseded_by",
            "superseded_by must be of type integer.",
        ),
        ("/recommendations/1/dissents", {"reason": "r"}, "practice_id", "practice_id is required."),
        (
            "/recommendations/1/dissents",
            {"practice_id": "1", "reason": "r"},
            "practice_id",
            "practice_id must be of type integer.",
        ),
    ],
)
def test_a_refused_practice_body_names_the_field_as_it_always_has(
    world, path, body, field, message
):
    answer = world["admin"].post(path, expect=422, json=body)
    assert (answer["field"], answer["message"]) == (field, message)


def test_a_practices_outcomes_are_published_as_omittable_but_never_null():
    practice = SPEC.document()["components"]["schemas"]["BestPractice"]
    # left out of the list of practices, an object in one practice's answer: never null
    assert "outcomes" not in practice["required"]
    assert practice["properties"]["outcomes"]["$ref"] == "#/components/schemas/PracticeOutcomes"
    assert "anyOf" not in practice["properties"]["outcomes"]
