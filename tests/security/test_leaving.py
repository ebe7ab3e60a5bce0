"""A coordinator who leaves a private program: nothing of it stays on their pages.

The coordinator follows the private program and a topic proposed by one of its cases, keeps
a teaching set shared with it, hears of its new cases and of its outdated advice, and looks
at the curriculum, the practices and search; then they are removed from the program. Every
list page, CSV and API list they can reach is read, and none may name the program or hold
any of its marker words."""

from __future__ import annotations

import pytest

from app.admin.operations import remove_program_member
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.lifecycle import approve_case, draft_case, submit_case
from app.cases.operations import CaseData
from app.extensions import db
from app.practices.operations import add_evidence
from app.subscriptions import operations as subscriptions
from app.teaching import operations as teaching
from tests.conftest import sign_in
from tests.support.builders import add_recommendation, build_world, hbv_practices, supersede

PROGRAM = "Perinatal Substance Use ECHO"
# Numbatcough, a topic its case proposed, is left out: coordinators accept topics, so they
# see every proposed one (tests/subscriptions covers a provider's list).
MARKERS = ("Perinatal", "perinatal-sud", "Quokkafever", "Wombatitis")

PAGES = (
    "/",
    "/notifications",
    "/my/digest",
    "/my/subscriptions",
    "/my/teaching-sets",
    "/my/searches",
    "/my/cases",
    "/outdated",
    "/outdated?show=resolved",
    "/practices",
    "/practices/candidates",
    "/curriculum",
    "/curriculum?show=share",
    "/search?q=trimester",
    "/search?q=serologies",
    "/search?q=*",
    "/review",
    "/sessions/upcoming",
)
CSV_TABLES = ("topics", "rising", "questions", "gaps", "coverage", "teaching")
API = (
    "/api/v1/me/digest",
    "/api/v1/me/subscriptions",
    "/api/v1/me/saved-searches",
    "/api/v1/teaching-sets",
    "/api/v1/outdated-advice",
    "/api/v1/practices",
    "/api/v1/practices/candidates",
    "/api/v1/curriculum",
    "/api/v1/cases",
    "/api/v1/programs",
    "/api/v1/search?q=trimester",
)


@pytest.fixture
def leaver(app, make_user):
    w = build_world(make_user)
    coordinator = make_user(
        "coordinator", email="cora@example.org", programs=["hcv", "perinatal-sud"]
    )
    private_expert = make_user("expert", email="pia@example.org", programs=["perinatal-sud"])
    subscriptions.follow(coordinator, program="perinatal-sud")
    subscriptions.follow(coordinator, topic="Hepatitis C")
    db.session.commit()
    case = draft_case(
        w.perinatal,
        CaseData(
            title="Quokkafever in the third trimester",
            question="Quokkafever: treat Wombatitis now?",
            topics=["Hepatitis C", "Numbatcough"],
        ),
        presenter=w.member,
    )
    submit_case(case, actor=w.member)
    db.session.commit()
    subscriptions.follow(coordinator, topic="Numbatcough")
    approve_case(case, actor=coordinator)
    db.session.commit()
    add_recommendation(
        case, private_expert, "Check HBV serologies before starting DAAs for Wombatitis."
    )
    practice, successor = hbv_practices(w.expert)
    add_evidence(practice, w.rec, added_by=w.expert, actor=SYSTEM)
    teaching_set = teaching.create_set(coordinator, "Teaching on HCV")
    teaching.add_item(coordinator, teaching_set, case=case, note="The Wombatitis one.")
    teaching.add_item(coordinator, teaching_set, case=w.case, note="The open one.")
    teaching.share_set(coordinator, teaching_set, w.perinatal)
    db.session.commit()
    supersede(practice, successor, w.expert)
    w.coordinator, w.private_case, w.teaching_set = coordinator, case, teaching_set
    return w


def _leaks(body: str) -> list[str]:
    return [m for m in MARKERS if m.lower() in body.lower()]


def test_nothing_of_a_left_program_stays_on_the_leavers_pages(app, client, leaver):
    w = leaver
    token = create_token(w.coordinator, actor=w.coordinator)
    db.session.commit()
    sign_in(client, w.coordinator)
    before = client.get("/notifications").get_data(as_text=True)
    assert PROGRAM in before  # the notices were there while a member
    remove_program_member(SYSTEM, w.perinatal, w.coordinator.id)
    db.session.commit()
    found = {}
    pages = list(PAGES) + [
        f"/teaching-sets/{w.teaching_set.id}",
        f"/teaching-sets/{w.teaching_set.id}/handout",
        f"/teaching-sets/{w.teaching_set.id}/export.json",
        f"/teaching-sets/{w.teaching_set.id}/export.md",
        f"/api/v1/teaching-sets/{w.teaching_set.id}",
    ]
    for name in CSV_TABLES:
        pages.append(f"/curriculum/{name}.csv")
    headers = {"Authorization": f"Bearer {token}"}
    statuses = {}
    for url in pages + list(API):
        response = client.get(url, headers=headers if url.startswith("/api/") else None)
        statuses[url] = response.status_code
        body = response.get_data(as_text=True)
        if _leaks(body):
            found[url] = (response.status_code, _leaks(body))
    assert found == {}
    # Each page answered: a redirect or an error page would show nothing by accident. A
    # coordinator is refused only the curriculum (its own role) and the presenter's list.
    refused = {url for url, code in statuses.items() if code != 200}
    assert {statuses[url] for url in refused} <= {403}
    assert refused == {"/my/cases", "/api/v1/curriculum"} | {
        url for url in statuses if url.startswith("/curriculum")
    }


def test_the_curriculum_of_one_who_left_counts_none_of_the_programs_cases(app, client, leaver):
    """A curriculum analyst removed from the private program: its cases (and the topic one of
    them proposed) leave every table, page and CSV, as counts or shares."""
    w = leaver
    analyst = db.session.get(type(w.member), w.member.id)
    analyst.role = type(analyst.role)("curriculum")
    db.session.commit()
    sign_in(client, analyst)
    token = create_token(analyst, actor=analyst)
    db.session.commit()
    urls = ["/curriculum", "/curriculum?show=share", "/api/v1/curriculum"]
    urls += [f"/curriculum/{name}.csv" for name in CSV_TABLES]
    urls += ["/curriculum/topics.csv?show=share"]
    before = client.get("/curriculum/topics.csv").get_data(as_text=True)
    assert "Numbatcough" in before
    remove_program_member(SYSTEM, w.perinatal, analyst.id)
    db.session.commit()
    for url in urls:
        headers = {"Authorization": f"Bearer {token}"} if url.startswith("/api/") else None
        response = client.get(url, headers=headers)
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        assert not [m for m in (*MARKERS, "Numbatcough") if m.lower() in body.lower()], url


def test_a_presenter_who_left_no_longer_lists_their_cases_there(app, client, leaver):
    """A provider removed from the private program: their own case in it leaves their list
    of cases and its counts (its title, its program's name and the status its review team
    gives it from then on), as it left the API's list and the case page."""
    w = leaver
    presenter = w.member
    sign_in(client, presenter)
    token = create_token(presenter, actor=presenter)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    urls = ("/my/cases", "/my/cases?status=approved", "/api/v1/cases?mine=1")
    assert all("Quokkafever" in client.get(u, headers=headers).get_data(as_text=True) for u in urls)
    remove_program_member(SYSTEM, w.perinatal, presenter.id)
    db.session.commit()
    assert client.get(f"/cases/{w.private_case.id}").status_code == 404
    for url in urls:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, url
        assert _leaks(response.get_data(as_text=True)) == [], url
    # The figures beside the list count the cases listed: the presenter has none elsewhere.
    page = client.get("/my/cases").get_data(as_text=True)
    assert 'All <span class="count">0</span>' in page
    assert "status=approved" not in page and "status=presented" not in page
