"""The account behind a token, refusals, the identifier scan, search and similar cases, the
stance and evidence bodies, candidate practices, the curriculum figures and outdated advice:
each role's real answers are exactly what the document publishes, refusals read as they
always have, and a private program's records stay inside it."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import select

from app.api import SPEC
from app.demo import DEMO_ACCOUNTS
from app.extensions import db
from app.practices.models import BestPractice
from app.programs.models import Program
from app.recommendations.models import Recommendation
from tests.api.test_api import Api

PRIVATE = "perinatal-sud"  # the demo's private program; the demo provider is not a member
CURRICULUM_LISTS = ("topics", "rising", "questions", "gaps", "teaching", "coverage")


@pytest.fixture
def demo(app, client, demo_data):
    from app.auth.operations import get_user_by_email

    return {str(role): Api(client, get_user_by_email(email)) for role, email, _ in DEMO_ACCOUNTS}


class Published:
    """Answers checked against the document's schemas: no field it does not list."""

    def __init__(self, client):
        document = client.get("/api/v1/openapi.json").get_json()
        self.schemas = document["components"]["schemas"]
        self.checked = 0

    def check(self, name, answer):
        Draft202012Validator(
            {"$ref": f"#/components/schemas/{name}", "components": {"schemas": self.schemas}}
        ).validate(answer)
        self.checked += 1
        return answer


def _private_case_ids():
    program = db.session.scalar(select(Program).where(Program.slug == PRIVATE))
    return {c.id for c in program.cases}


def test_the_document_publishes_these_answers_closed_and_complete():
    schemas = SPEC.document()["components"]["schemas"]
    me = SPEC.document()["paths"]["/api/v1/me"]["get"]["responses"]["200"]
    assert me["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CurrentAccount"
    }
    for name in (
        "CurrentAccount",
        "Error",
        "ErrorFinding",
        "ScanResult",
        "SearchResults",
        "SearchHit",
        "SimilarCases",
        "CandidatePractice",
        "CandidatePracticePage",
        "CurriculumFigures",
        "CurriculumList",
        "OutdatedAdvice",
        "OutdatedAdvicePage",
    ):
        assert schemas[name]["additionalProperties"] is False, name
        assert schemas[name]["required"], name
    candidate = schemas["CandidatePractice"]["properties"]
    assert candidate["sessions"]["items"] == {"$ref": "#/components/schemas/SessionRef"}
    assert candidate["recommendations"]["items"] == {
        "$ref": "#/components/schemas/RecommendationRef"
    }
    assert schemas["Error"]["required"] == ["error", "message"]
    # the refusals of every operation point at the one Error shape
    assert SPEC.document()["components"]["responses"]["Error"]["content"]["application/json"][
        "schema"
    ] == {"$ref": "#/components/schemas/Error"}


def test_every_role_gets_search_curriculum_candidates_and_advice_as_published(client, demo):
    published = Published(client)
    practices = db.session.scalars(select(BestPractice).order_by(BestPractice.id)).all()
    for practice in practices[:2]:  # advice citing them becomes outdated
        demo["admin"].post(
            f"/practices/{practice.id}/status",
            expect=200,
            json={"status": "retired", "reason": "Evidence changed."},
        )
    case_id = db.session.scalar(select(Recommendation.case_id).order_by(Recommendation.id).limit(1))
    seen = {"hits": 0, "related": 0, "candidates": 0, "advice": 0, "rows": 0, "findings": 0}
    for role, api in demo.items():
        me = published.check("CurrentAccount", api.get("/me", expect=200))
        assert me["role"] == role
        found = published.check("SearchResults", api.get("/search?q=naloxone", expect=200))
        seen["hits"] += len(found["results"])
        seen["related"] += sum(h["related"] is not None for h in found["results"])
        published.check("SearchResults", api.get("/search?q=heptitis&group=false", expect=200))
        published.check("SimilarCases", api.get(f"/cases/{case_id}/similar", expect=200))
        scan = api.post("/deid/scan", expect=200, json={"text": "Call 555-123-4567."})
        assert published.check("ScanResult", scan)["findings"], role
        published.check("Error", api.get("/cases/999999", expect=404))
        refused = api.post("/practices/1/stance", expect=422, json={"stance": "maybe"})
        published.check("Error", refused)
        gated = client.post(
            f"/api/v1/practices/{practices[0].id}/evidence",
            headers=api.headers,
            json={"case_id": case_id, "note": "Seen by Dr. John Smith, MRN 1234567."},
        )
        seen["findings"] += len(published.check("Error", gated.get_json()).get("findings", []))
        candidates = client.get("/api/v1/practices/candidates", headers=api.headers)
        if candidates.status_code == 200:
            page = published.check("CandidatePracticePage", candidates.get_json())
            seen["candidates"] += len(page["results"])
        figures = client.get("/api/v1/curriculum", headers=api.headers)
        if figures.status_code == 200:  # those who may read the curriculum figures
            published.check("CurriculumFigures", figures.get_json())
            for name in CURRICULUM_LISTS:
                listed = api.get(f"/curriculum/{name}?start=2022-01-01", expect=200)
                seen["rows"] += len(published.check("CurriculumList", listed)["results"])
                assert ("months" in listed) == (name == "topics"), name
        advice = client.get("/api/v1/outdated-advice", headers=api.headers)
        if advice.status_code == 200:  # experts, coordinators and admins
            page = published.check("OutdatedAdvicePage", advice.get_json())
            seen["advice"] += len(page["results"])
            for item in page["results"][:1]:
                resolved = api.post(
                    f"/outdated-advice/{item['id']}/resolve",
                    expect=200,
                    json={"resolution": "still_valid", "note": "Fine as is."},
                )
                assert published.check("OutdatedAdvice", resolved)["state"] == "still_valid"
    assert all(seen.values()), seen
    assert published.checked > 60


@pytest.mark.parametrize(
    ("path", "body", "field", "message"),
    [
        ("/deid/scan", {}, "text", "text is required."),
        ("/deid/scan", {"text": 5}, "text", "text must be of type string."),
        ("/deid/scan", {"text": "a", "x": 1}, "x", "x is not a known field."),
        ("/deid/scan", {"text": "a\u0000"}, "text", "text contains a NUL character."),
        ("/practices/1/stance", {"note": "x"}, "stance", "stance is required."),
        (
            "/practices/1/stance",
            {"stance": "maybe"},
            "stance",
            "stance must be one of: endorse, dissent.",
        ),
        ("/practices/1/stance", {"stance": "dissent"}, "note", "note is required."),
        # the rule of a dissent is reported before the unknown field, as it always was
        ("/practices/1/stance", {"stance": "dissent", "x": 1}, "note", "note is required."),
        (
            "/practices/1/stance",
            {"stance": "dissent", "note": ""},
            "note",
            "note must not be empty.",
        ),
        (
            "/practices/1/stance",
            {"stance": "dissent", "note": " "},
            "note",
            "note must hold some text and no NUL character.",
        ),
        (
            "/practices/1/stance",
            {"stance": "endorse", "note": None},
            "note",
            "note must be of type string.",
        ),
        (
            "/practices/1/stance",
            {"stance": "endorse", "accept_findings": [{"field": "note", "start": 0, "end": 1}]},
            "accept_findings[0].reason",
            "accept_findings[0].reason is required.",
        ),
        (
            "/practices/1/evidence",
            {},
            "body",
            "body exactly one of session_id, case_id, recommendation_id.",
        ),
        (
            "/practices/1/evidence",
            {"x": 1},
            "body",
            "body exactly one of session_id, case_id, recommendation_id.",
        ),
        (
            "/practices/1/evidence",
            {"case_id": 1, "session_id": 1},
            "body",
            "body exactly one of session_id, case_id, recommendation_id.",
        ),
        ("/practices/1/evidence", {"case_id": 1, "x": 1}, "x", "x is not a known field."),
        ("/practices/1/evidence", {"case_id": 0}, "case_id", "case_id must be at least 1."),
        (
            "/practices/1/evidence",
            {"case_id": None},
            "case_id",
            "case_id must be of type integer.",
        ),
        ("/outdated-advice/1/resolve", {}, "resolution", "resolution is required."),
        (
            "/outdated-advice/1/resolve",
            {"resolution": "open"},
            "resolution",
            "resolution must be one of: still_valid, updated, no_longer_applies.",
        ),
        (
            "/outdated-advice/1/resolve",
            {"resolution": "still_valid", "note": None},
            "note",
            "note must be of type string.",
        ),
    ],
)
def test_a_refused_body_names_the_field_as_it_always_has(
    app, client, make_user, path, body, field, message
):
    answer = Api(client, make_user("admin")).post(path, expect=422, json=body)
    assert (answer["error"], answer["field"], answer["message"]) == (
        "validation_error",
        field,
        message,
    )
    assert answer["errors"] == {field: message}


def test_a_private_programs_records_stay_out_of_search_candidates_and_figures(
    client, make_user, demo
):
    private_cases = _private_case_ids()
    outsider, member = demo["provider"], demo["expert"]
    private_case = min(private_cases)

    def case_ids(found):
        ids = set()
        for hit in found["results"]:
            for shown in (hit, hit["related"]):
                if shown and shown["type"] == "case":
                    ids.add(shown["id"])
        return ids

    words = "buprenorphine pregnancy"
    assert case_ids(member.get(f"/search?q={words}&per_page=100")) & private_cases
    assert not case_ids(outsider.get(f"/search?q={words}&per_page=100")) & private_cases
    assert PRIVATE not in str(outsider.get(f"/search?q={words}&per_page=100")["facets"])
    outsider.get(f"/cases/{private_case}/similar", expect=404)
    similar = member.get(f"/cases/{private_case}/similar", expect=200)["results"]
    assert similar
    for api in (outsider, member):
        for hit in api.get("/cases/1/similar?limit=20", expect=200)["results"]:
            assert (api is member) or hit["id"] not in private_cases

    private_recs = {
        r.id for r in db.session.scalars(select(Recommendation)) if r.case_id in private_cases
    }

    def candidate_parts(api):
        page = api.get("/practices/candidates?per_page=100", expect=200)["results"]
        return (
            {i for g in page for i in g["recommendation_ids"]}
            | {r["id"] for g in page for r in g["recommendations"]},
            {s["program"] for g in page for s in g["sessions"]}
            | {r["session"]["program"] for g in page for r in g["recommendations"] if r["session"]},
        )

    ids, programs = candidate_parts(outsider)
    assert ids and not ids & private_recs and PRIVATE not in programs
    ids, _ = candidate_parts(demo["admin"])
    assert ids >= candidate_parts(outsider)[0]

    member_lead, outside_lead = demo["curriculum"], Api(client, make_user("curriculum"))
    assert member_lead.get(f"/curriculum?program={PRIVATE}", expect=200)["program"] == PRIVATE
    outside_lead.get(f"/curriculum?program={PRIVATE}", expect=404)

    def asked(api):
        listed = api.get("/curriculum/questions?start=2022-01-01&per_page=100", expect=200)
        return {i for q in listed["results"] for i in q["case_ids"]}

    assert asked(member_lead) & private_cases
    assert asked(outside_lead) and not asked(outside_lead) & private_cases
