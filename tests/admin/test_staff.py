"""A program's staff page: its coordinators (and admins) add and remove coordinators and
experts; other coordinators, experts and providers are refused."""

from __future__ import annotations

import html

import pytest

from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import create_program
from tests.cases.test_views import as_user


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    db.session.commit()
    return {
        "coordinator": make_user("coordinator", programs=["hcv"]),
        "other_coordinator": make_user("coordinator", programs=["oud"]),
        "expert": make_user("expert", email="dana@example.org"),
        "provider": make_user("provider", email="pat@example.org", programs=["hcv"]),
        "admin": make_user("admin"),
    }


def test_the_programs_coordinator_adds_and_removes_an_expert(client, world):
    as_user(client, world["coordinator"])
    desk = client.get("/programs/hcv/desk").get_data(as_text=True)
    assert "/admin/programs/hcv/staff" in desk
    response = client.post("/admin/programs/hcv/staff", data={"email": "dana@example.org"})
    assert response.status_code == 303
    page = client.get("/admin/programs/hcv/staff").get_data(as_text=True)
    assert "joined the staff" in page and "dana@example.org" in page
    expert = world["expert"]
    db.session.refresh(expert)
    assert [m.program.slug for m in expert.memberships] == ["hcv"]
    response = client.post(f"/admin/programs/hcv/staff/{expert.id}/remove")
    assert response.status_code == 303
    db.session.refresh(expert)
    assert expert.memberships == []


def test_a_provider_or_unknown_email_is_refused_and_the_typed_email_kept(client, world):
    # A coordinator learns nothing of an account that is not staff: a provider's email gets
    # the same answer as an unknown one (no name, no role).
    as_user(client, world["coordinator"])
    for email in ("pat@example.org", "nobody@example.org"):
        response = client.post("/admin/programs/hcv/staff", data={"email": email})
        page = html.unescape(response.get_data(as_text=True))
        assert response.status_code == 422
        assert f"No coordinator or expert account with the email {email}" in page
        assert f'value="{email}"' in page
        assert "role is provider" not in page
        assert world["provider"].display_name not in page.split("</nav>", 1)[-1]
    # An admin, who manages accounts, is told why.
    as_user(client, world["admin"])
    response = client.post("/admin/programs/hcv/staff", data={"email": "pat@example.org"})
    assert response.status_code == 422
    assert "role is provider" in html.unescape(response.get_data(as_text=True))


@pytest.mark.parametrize("who", ["other_coordinator", "expert", "provider"])
def test_others_are_refused_the_staff_page(client, world, who):
    as_user(client, world[who])
    assert client.get("/admin/programs/hcv/staff").status_code == 403
    response = client.post("/admin/programs/hcv/staff", data={"email": "dana@example.org"})
    assert response.status_code == 403
    assert "/admin/programs/hcv/staff" not in client.get("/programs/hcv/desk").get_data(
        as_text=True
    )


def test_a_private_programs_staff_page_is_not_found_for_others(client, world):
    create_program("closed", "Closed ECHO", private=True, actor=SYSTEM)
    db.session.commit()
    as_user(client, world["coordinator"])
    assert client.get("/admin/programs/closed/staff").status_code == 404
    expert = world["expert"]
    assert client.post(f"/admin/programs/closed/staff/{expert.id}/remove").status_code == 404


def test_what_is_no_email_address_is_not_repeated_when_refused(client, world):
    # Typed where the email belongs, a patient's name or record number is named by where it
    # is, never said back (on the page, in the API's answer).
    from app.auth.operations import create_token

    typed = "John Smith MRN 4455667"
    as_user(client, world["coordinator"])
    response = client.post("/admin/programs/hcv/staff", data={"email": typed})
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422
    assert "No coordinator or expert account has that email." in page
    assert page.count("4455667") == 1 and f'value="{typed}"' in page  # kept in the box only
    token = create_token(world["coordinator"], actor=SYSTEM)
    db.session.commit()
    answer = client.post(
        "/api/v1/programs/hcv/staff",
        json={"email": typed},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 422 and "4455667" not in answer.get_data(as_text=True)
    assert answer.get_json()["errors"] == {
        "email": "No coordinator or expert account has that email."
    }
