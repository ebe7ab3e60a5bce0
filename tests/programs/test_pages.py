"""The home, program and session pages, for the users who may and may not see them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.auth.policy import SYSTEM
from app.common import utcnow
from app.extensions import db
from app.programs.operations import create_program, create_session
from tests.conftest import sign_in
from tests.support.builders import build_world


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    return build_world(make_user)


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


def test_home_requires_sign_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_home_lists_programs_with_counts_and_recent_sessions(client, world):
    sign_in(client, world.provider)
    html = page(client, "/")
    assert "Hepatitis C ECHO" in html
    assert "2 sessions" in html
    # The closed, the follow-up and the approved case; not Carla's draft.
    assert "3 cases" in html
    assert "Kidney disease and post-SVR follow-up" in html
    assert "DAAs in chronic kidney disease" in html
    assert "Perinatal Substance Use ECHO" not in html
    assert "Buprenorphine in pregnancy" not in html
    # The description excerpt is plain text, not Markdown source.
    assert "cure hepatitis C" in html and "**cure" not in html


def test_home_shows_private_program_to_its_member_with_a_badge(client, world):
    sign_in(client, world.member)
    html = page(client, "/")
    assert "Perinatal Substance Use ECHO" in html
    assert "Private" in html
    assert "Buprenorphine in pregnancy" in html


def test_admin_sees_every_program_and_every_case_count(client, world):
    sign_in(client, world.admin)
    html = page(client, "/")
    assert "Perinatal Substance Use ECHO" in html
    assert "4 cases" in html  # the admin sees the draft too


def test_home_has_a_friendly_empty_state(client, make_user):
    sign_in(client, make_user("provider"))
    html = page(client, "/")
    assert "No programs to show yet" in html


def test_navigation_shows_name_role_and_sign_out(client, world):
    sign_in(client, world.provider)
    html = page(client, "/")
    assert world.provider.display_name in html
    assert "Provider" in html
    assert 'action="/sign-out"' in html
    assert 'aria-current="page"' in html
    assert 'class="skip-link" href="#main"' in html


def test_program_page_shows_description_template_and_sessions(client, world):
    sign_in(client, world.provider)
    html = page(client, "/programs/hcv")
    assert "<strong>cure hepatitis C</strong>" in html
    assert "History of present illness" in html
    assert "How HCV was found" in html
    assert "Baseline HCV RNA" in html and "IU/mL" in html
    assert "One of: 1a, 1b, 2, 3" in html
    # Newest first.
    assert html.index("Kidney disease and post-SVR") < html.index("Simplified HCV treatment")
    assert "Members" not in html  # members are listed for private programs only


def test_program_sessions_are_paginated_twenty_per_page(client, app, make_user):
    program = create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    start = date(2024, 1, 2)
    for n in range(45):
        create_session(
            program, start + timedelta(days=7 * n), title=f"Week {n + 1:02d} session", actor=SYSTEM
        )
    db.session.commit()
    sign_in(client, make_user("provider"))
    first = page(client, "/programs/oud")
    assert "Week 45 session" in first and "Week 26 session" in first
    assert "Week 25 session" not in first
    assert 'href="/programs/oud?page=2"' in first and 'href="/programs/oud?page=3"' in first
    last = page(client, "/programs/oud?page=3")
    assert "Week 01 session" in last and "Week 06 session" not in last
    assert 'aria-current="page"><span class="visually-hidden">Page </span>3' in last
    # Out-of-range page numbers land on a real page instead of an error.
    assert "Week 01 session" in page(client, "/programs/oud?page=99")
    assert "Week 45 session" in page(client, "/programs/oud?page=-4")


def test_private_program_is_404_for_non_member(client, world):
    sign_in(client, world.provider)
    html = page(client, "/programs/perinatal-sud", 404)
    assert "Not found" in html and "No such program." in html
    assert "Perinatal Substance Use ECHO" not in html
    page(client, "/programs/perinatal-sud/sessions/1", 404)


def test_unknown_and_private_programs_read_the_same(client, world):
    sign_in(client, world.provider)
    page(client, "/")  # shows the "signed in" message, so both pages below are alike
    assert page(client, "/programs/no-such", 404) == page(client, "/programs/perinatal-sud", 404)


def test_private_program_is_visible_to_member_with_members_listed(client, world):
    sign_in(client, world.member)
    html = page(client, "/programs/perinatal-sud")
    assert "Members" in html
    assert world.member.display_name in html
    assert "Private" in html


def test_private_program_and_session_are_visible_to_admin(client, world):
    sign_in(client, world.admin)
    page(client, "/programs/perinatal-sud")
    html = page(client, "/programs/perinatal-sud/sessions/1")
    assert "Pregnant patient at 28 weeks" in html


def test_session_page_shows_details_notes_and_agenda(client, world):
    sign_in(client, world.provider)
    html = page(client, "/programs/hcv/sessions/1")
    assert "Simplified HCV treatment in primary care" in html
    assert "14 Jan 2025" in html
    assert "Simplified DAA treatment" in html and "Dana Whitfield, MD" in html
    assert "24 participants" in html
    assert "Hepatitis B" in html  # a topic
    assert "<strong>HBV serology</strong>" in html
    assert f'href="/cases/{world.case.id}"' in html
    assert "Age 58 · Male" in html
    assert "Closed" in html and "Presented" in html


def test_session_agenda_hides_another_providers_draft(client, world):
    sign_in(client, world.provider)
    html = page(client, "/programs/hcv/sessions/2")
    assert "Older woman with HCV and CKD stage 4" in html
    assert "Age 90+" in html
    assert "Not presented" in html
    assert "unfinished draft" not in html
    assert "Follow-up" in html


def test_presenter_sees_own_draft_on_the_agenda(client, world):
    sign_in(client, world.other_provider)
    html = page(client, "/programs/hcv/sessions/2")
    assert "unfinished draft" in html
    assert "Draft" in html


def test_unknown_session_is_404_with_styled_page(client, world):
    sign_in(client, world.provider)
    html = page(client, "/programs/hcv/sessions/99", 404)
    assert 'class="panel error-panel"' in html
    assert "casebook.css" in html


def test_upcoming_session_is_marked(client, world):
    create_session(
        world.hcv, utcnow().date() + timedelta(days=30), title="Next month", actor=SYSTEM
    )
    db.session.commit()
    sign_in(client, world.provider)
    html = page(client, "/programs/hcv/sessions/3")
    assert "Upcoming" in html
    assert "No cases on this session's agenda yet." in html
