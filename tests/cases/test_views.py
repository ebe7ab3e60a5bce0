"""Case pages on the web: the form, my cases, review, scheduling, outcomes, the timeline."""

from __future__ import annotations

import re

import pytest

from app.auth.policy import SYSTEM
from app.cases.models import Case, CaseStatus
from app.common import utcnow
from app.extensions import db
from app.notifications.operations import notifications_for, unread_count
from app.programs.operations import create_session
from tests.conftest import sign_in
from tests.support.builders import build_world


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", email="coord@example.org", programs=["hcv"])
    w.curriculum = make_user("curriculum", email="curr@example.org")
    return w


def as_user(client, user):
    client.post("/sign-out")
    sign_in(client, user)
    return client


def complete_form(**overrides):
    data = {
        "title": "61-year-old woman with genotype 1a HCV and CKD stage 4",
        "age": "61",
        "sex": "female",
        "sections.hpi": "Found on screening; eGFR 28.",
        "sections.medications": "- amlodipine 5 mg daily",
        "sections.assessment": "",
        "fields.genotype": "1a",
        "fields.hcv_rna": "1200000",
        "fields.fib4": "2.1",
        "fields.substances": ["alcohol"],
        "question": "Which DAA regimen is safest with eGFR 28?",
        "topics": "Hepatitis C, Chronic kidney disease",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def text(response) -> str:
    return response.get_data(as_text=True)


def test_new_case_form_is_built_from_the_template(client, world):
    as_user(client, world.provider)
    page = text(client.get("/programs/hcv/cases/new"))
    assert "History of present illness" in page
    assert "How HCV was found, symptoms, course." in page  # help text
    assert 'name="sections.hpi"' in page
    assert '<select id="f-fields-genotype" name="fields.genotype"' in page
    assert 'type="number" id="f-fields-hcv_rna"' in page and "IU/mL" in page
    assert 'type="checkbox" name="fields.substances" value="fentanyl"' in page
    assert "90 or over is stored only as" in page
    assert 'name="csrf_token"' in page


def test_provider_saves_a_draft_then_submits_it(client, world):
    as_user(client, world.provider)
    response = client.post(
        "/programs/hcv/cases/new",
        data=complete_form(question="", **{"sections.medications": ""}, action="draft"),
    )
    assert response.status_code == 303
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    assert case.status is CaseStatus.DRAFT
    assert case.presentation.startswith("## History of present illness\n\nFound on screening")
    assert case.fields == {
        "genotype": "1a",
        "hcv_rna": 1200000,
        "fib4": 2.1,
        "substances": ["alcohol"],
    }
    # submitting an incomplete draft names what is missing and keeps the draft
    response = client.post(
        f"/cases/{case.id}/edit",
        data=complete_form(question="", **{"sections.medications": ""}, action="submit"),
    )
    assert response.status_code == 422
    page = text(response)
    assert "Medications is required." in page
    assert "Ask the hub at least one question." in page
    assert "Found on screening; eGFR 28." in page
    response = client.post(f"/cases/{case.id}/edit", data=complete_form(action="submit"))
    assert response.status_code == 303
    db.session.refresh(case)
    assert case.status is CaseStatus.SUBMITTED
    assert "Submitted for review" in text(client.get(response.headers["Location"]))


def test_age_of_90_or_more_is_stored_as_90_plus(client, world):
    as_user(client, world.provider)
    client.post("/programs/hcv/cases/new", data=complete_form(age="93", action="draft"))
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    assert case.age == "90+"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Title is required."),
        ({"title": "x" * 301}, "title", "Title must be at most 300 characters."),
        ({"age": "sixty"}, "age", "Age must be a whole number of years, or 90+."),
        ({"age": "-3"}, "age", "Age must be a whole number"),
        ({"sex": "robot"}, "sex", "Sex must be one of"),
        ({"fields.hcv_rna": "lots"}, "fields.hcv_rna", "Baseline HCV RNA: must be a number."),
        (
            {"fields.genotype": "7"},
            "fields.genotype",
            "HCV genotype: must be one of: 1a, 1b, 2, 3.",
        ),
        (
            {"fields.substances": ["heroin"]},
            "fields.substances",
            "must each be one of: alcohol, cannabis, fentanyl",
        ),
        ({"sections.hpi": "x" * 100_001}, "presentation", "at most 100,000 characters"),
    ],
)
def test_bad_case_input_is_named_and_nothing_typed_is_lost(client, world, changes, field, message):
    as_user(client, world.provider)
    before = db.session.scalar(db.select(db.func.count(Case.id)))
    response = client.post("/programs/hcv/cases/new", data=complete_form(**changes, action="draft"))
    assert response.status_code == 422
    page = text(response)
    assert message in page
    assert "Which DAA regimen is safest with eGFR 28?" in page
    assert "amlodipine 5 mg daily" in page
    assert db.session.scalar(db.select(db.func.count(Case.id))) == before


def test_follow_up_is_only_offered_after_recommendations(client, world):
    as_user(client, world.provider)
    # world.case is closed with a published recommendation
    page = text(client.get(f"/cases/{world.case.id}"))
    assert "Present a follow-up" in page
    form = text(client.get(f"/cases/{world.case.id}/follow-up"))
    assert "Follow-up: 58-year-old man" in form
    response = client.post(f"/cases/{world.case.id}/follow-up", data=complete_form(action="draft"))
    assert response.status_code == 303
    follow_up = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    assert follow_up.follows_id == world.case.id
    # a case without recommendations cannot be followed up
    response = client.get(f"/cases/{world.elderly.id}/follow-up", follow_redirects=True)
    assert "once the first presentation has recommendations" in text(response)


def test_take_back_to_draft_recalls_a_submitted_case(client, world):
    as_user(client, world.provider)
    client.post("/programs/hcv/cases/new", data=complete_form(action="submit"))
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    assert case.status is CaseStatus.SUBMITTED
    assert "Take back to draft" in text(client.get(f"/cases/{case.id}"))
    response = client.post(f"/cases/{case.id}/recall", follow_redirects=True)
    assert "Case taken back" in text(response)
    db.session.refresh(case)
    assert case.status is CaseStatus.DRAFT


def test_my_cases_lists_by_status_with_review_comments(client, world):
    as_user(client, world.provider)
    client.post("/programs/hcv/cases/new", data=complete_form(action="submit"))
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    as_user(client, world.coordinator)
    client.post(f"/cases/{case.id}/return", data={"comment": "Please add the FIB-4 date."})
    as_user(client, world.provider)
    page = text(client.get("/my/cases"))
    assert case.title in page and "Please add the FIB-4 date." in page
    returned = text(client.get("/my/cases?status=returned"))
    assert case.title in returned and world.case.title not in returned
    assert "Please add the FIB-4 date." in text(client.get(f"/cases/{case.id}"))


def test_my_cases_empty_state_says_what_to_do(client, world, make_user):
    newcomer = make_user("provider", programs=["hcv"])
    as_user(client, newcomer)
    page = text(client.get("/my/cases"))
    assert "You have not presented a case yet" in page and "New case" in page


def test_coordinator_reviews_approves_schedules_and_marks_presented(client, world):
    as_user(client, world.provider)
    client.post("/programs/hcv/cases/new", data=complete_form(action="submit"))
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    as_user(client, world.coordinator)
    queue = text(client.get("/review"))
    assert case.title in queue
    response = client.post(f"/cases/{case.id}/approve", follow_redirects=True)
    assert "Case approved" in text(response)
    assert unread_count(world.provider) == 1
    response = client.post(f"/cases/{case.id}/schedule", data={"session_id": "999999"})
    assert response.status_code == 422
    assert "Choose one of this program&#39;s sessions." in text(response)
    # world.second is in the past: refused, with the reason
    response = client.post(f"/cases/{case.id}/schedule", data={"session_id": world.second.id})
    assert response.status_code == 422
    assert "in the past: choose an upcoming session." in text(response)
    today = create_session(world.hcv, utcnow().date(), title="Today's clinic", actor=SYSTEM)
    db.session.commit()
    response = client.post(f"/cases/{case.id}/schedule", data={"session_id": today.id})
    assert response.status_code == 303
    assert "on the agenda of session" in notifications_for(world.provider)[0].message
    response = client.post(f"/cases/{case.id}/sessions/{today.id}/presented", follow_redirects=True)
    assert "Marked as presented" in text(response)
    db.session.refresh(case)
    assert case.status is CaseStatus.PRESENTED


def test_return_needs_a_comment(client, world):
    as_user(client, world.provider)
    client.post("/programs/hcv/cases/new", data=complete_form(action="submit"))
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    as_user(client, world.coordinator)
    response = client.post(f"/cases/{case.id}/return", data={"comment": "  "})
    assert response.status_code == 422
    assert "Tell the presenter what to change." in text(response)
    response = client.post(f"/cases/{case.id}/return", data={"comment": "x" * 5001})
    assert response.status_code == 422
    assert "at most 5,000 characters" in text(response)


def test_illegal_transitions_come_back_as_messages(client, world):
    as_user(client, world.coordinator)
    # approving a case that is already closed
    response = client.post(f"/cases/{world.case.id}/approve", follow_redirects=True)
    assert response.status_code == 200
    assert "A closed case cannot become approved." in text(response)
    # scheduling a case that is not approved
    response = client.post(f"/cases/{world.case.id}/schedule", data={"session_id": world.second.id})
    assert response.status_code == 422
    assert "Only approved cases can be scheduled." in text(response)


def test_outcomes_at_a_follow_up(client, world):
    as_user(client, world.provider)
    follow_up = world.follow_up
    rec = world.rec
    page = text(client.get(f"/cases/{follow_up.id}/outcomes"))
    assert "What became of the recommendations?" in page
    response = client.post(
        f"/cases/{follow_up.id}/outcomes",
        data={
            f"outcomes.{rec.id}.adoption": "sometimes",
            f"outcomes.{rec.id}.patient_status": "improved",
            f"outcomes.{rec.id}.note": "Kept the note.",
        },
    )
    assert response.status_code == 422
    assert "Adoption must be one of" in text(response) and "Kept the note." in text(response)
    response = client.post(
        f"/cases/{follow_up.id}/outcomes",
        data={
            f"outcomes.{rec.id}.adoption": "partly",
            f"outcomes.{rec.id}.patient_status": "unchanged",
            f"outcomes.{rec.id}.note": "Stopped at week 8.",
        },
    )
    assert response.status_code == 303
    db.session.refresh(follow_up)
    assert str(follow_up.outcomes[0].adoption) == "partly"
    # another provider may not record outcomes for Marcus's follow-up
    as_user(client, world.other_provider)
    response = client.post(
        f"/cases/{follow_up.id}/outcomes",
        data={
            f"outcomes.{rec.id}.adoption": "adopted",
            f"outcomes.{rec.id}.patient_status": "improved",
        },
    )
    assert response.status_code == 403


def test_case_page_tells_the_whole_story(client, world):
    as_user(client, world.provider)
    page = text(client.get(f"/cases/{world.case.id}"))
    timeline = page[page.index("The story so far") :]
    for expected in (
        "Presented at session 1",
        "Recommendation 1 published",
        "Evidence on recommendation 1",
        "Dissent on recommendation 1",
        "Presented at session 2",
        "Outcome of recommendation 1: adopted, patient improved",
        "SVR12 achieved",
        "First presentation (this page)",
        "Follow-up 1",
    ):
        assert expected in timeline, expected
    steps = ("Presented at session 1", "Recommendation 1 published", "Presented at session 2")
    positions = [timeline.index(e) for e in steps]
    assert positions == sorted(positions)
    # the follow-up's page tells the same story
    follow_up_page = text(client.get(f"/cases/{world.follow_up.id}"))
    assert "Recommendation 1 published" in follow_up_page
    assert "Follow-up 1 (this page)" in follow_up_page


def test_audit_trail_shows_who_did_what_without_text(client, world):
    as_user(client, world.provider)
    client.post("/programs/hcv/cases/new", data=complete_form(action="submit"))
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    as_user(client, world.coordinator)
    page = text(client.get(f"/audit/case/{case.id}"))
    assert "case.created" in page and "case.status_changed" in page
    assert world.provider.display_name in page
    assert "Found on screening" not in page
    assert client.get("/audit/widget/1").status_code == 404
    assert client.get("/audit/case/999999").status_code == 404


def test_notifications_count_and_page(client, world):
    as_user(client, world.provider)
    client.post("/programs/hcv/cases/new", data=complete_form(action="submit"))
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    as_user(client, world.coordinator)
    client.post(f"/cases/{case.id}/approve")
    as_user(client, world.provider)
    home = text(client.get("/"))
    assert re.search(r'class="nav-count">1<', home)
    page = text(client.get("/notifications"))
    assert "was approved" in page
    client.post("/notifications/read")
    assert 'class="nav-count"' not in text(client.get("/"))


def test_the_case_form_shows_similar_past_cases_once_saved(client, world):
    from tests.support.builders import add_case

    add_case(
        world.hcv,
        world.other_provider,
        "Genotype 3 HCV cirrhosis retreatment after DAA failure",
        question="Retreatment options after sofosbuvir/velpatasvir failure?",
    )
    mine = add_case(
        world.hcv,
        world.provider,
        "Genotype 3 HCV with cirrhosis, DAA failure",
        status=CaseStatus.DRAFT,
        question="Which retreatment regimen?",
    )
    db.session.commit()
    as_user(client, world.provider)
    fresh = client.get("/programs/hcv/cases/new").get_data(as_text=True)
    assert "Save a draft and Casebook shows past cases like this one" in fresh
    page = client.get(f"/cases/{mine.id}/edit").get_data(as_text=True)
    assert "Genotype 3 HCV cirrhosis retreatment after DAA failure" in page


def test_follow_up_form_carries_over_the_structured_fields(client, world):
    as_user(client, world.provider)
    form = text(client.get(f"/cases/{world.case.id}/follow-up"))
    assert '<option value="1a" selected' in form
    assert 'value="2340000"' in form and 'value="4.1"' in form
    assert re.search(r'value="alcohol"\s+checked', form)
    # the earlier story is not carried over
    assert "Referred after a reactive antibody" not in form


def test_follow_up_by_api_keeps_the_fields_it_leaves_out(client, world):
    from app.cases.lifecycle import draft_case, follow_up_facts

    facts = follow_up_facts(world.case)
    facts.question = "Still cured?"
    follow_up = draft_case(world.hcv, facts, presenter=world.provider, follows=world.case)
    assert follow_up.fields == world.case.fields
    assert follow_up.age == "58" and [t.name for t in follow_up.topics] == ["Hepatitis C"]


def test_edit_form_of_a_returned_case_shows_the_coordinators_comments(client, world):
    as_user(client, world.provider)
    client.post("/programs/hcv/cases/new", data=complete_form(action="submit"))
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    as_user(client, world.coordinator)
    client.post(f"/cases/{case.id}/return", data={"comment": "Please add the **FIB-4** trend."})
    as_user(client, world.provider)
    form = text(client.get(f"/cases/{case.id}/edit"))
    assert "Review comments" in form and "<strong>FIB-4</strong> trend" in form
    # once resubmitted, the form is about the case again
    client.post(f"/cases/{case.id}/submit")
    assert "Review comments" not in text(client.get(f"/cases/{case.id}/edit"))


def test_past_sessions_are_not_offered_for_scheduling(client, world):
    as_user(client, world.coordinator)
    upcoming = create_session(
        world.hcv, utcnow().date().replace(year=2030), title="Later", actor=SYSTEM
    )
    db.session.commit()
    world.elderly.presentations.clear()
    db.session.commit()
    page = text(client.get(f"/cases/{world.elderly.id}/schedule"))
    assert f'value="{upcoming.id}"' in page
    assert f'value="{world.second.id}"' not in page
