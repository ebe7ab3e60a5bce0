"""Topics typed into drafts, read by those who accept topics.

A draft is its presenter's alone; a coordinator reviews the topics typed into the drafts and
cases in review of the programs they run, not of other programs (whose coordinators and
admins review those)."""

from __future__ import annotations

import pytest

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import create_program, find_topic, resolve_topics
from tests.conftest import page_as
from tests.support.builders import add_case

DRAFTED = "Zebrafish fever"


@pytest.fixture
def drafted(app, make_user):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["hcv"])
    add_case(
        find_program_row("hcv"),
        presenter,
        "Draft case",
        status="draft",
        topics=resolve_topics([DRAFTED]),
    )
    db.session.commit()
    topic = find_topic(DRAFTED)
    assert topic is not None
    return topic


def find_program_row(slug: str):
    from app.programs.operations import find_program

    found = find_program(slug)
    assert found is not None
    return found


def test_a_coordinator_does_not_read_topics_typed_into_another_programs_drafts(
    app, client, make_user, drafted
) -> None:
    elsewhere = make_user("coordinator", programs=["oud"])
    listing = page_as(app, elsewhere, "/admin/topics?q=zebrafish")
    assert listing.status_code == 200 and DRAFTED not in listing.get_data(as_text=True)
    assert page_as(app, elsewhere, f"/admin/topics/{drafted.id}").status_code == 404
    token = create_token(elsewhere, "test", actor=SYSTEM)
    db.session.commit()
    api = client.get(
        "/api/v1/admin/topics?q=zebrafish", headers={"Authorization": f"Bearer {token}"}
    )
    assert api.status_code == 200 and DRAFTED not in api.get_data(as_text=True)
    missing = client.get(
        f"/api/v1/admin/topics/{drafted.id}", headers={"Authorization": f"Bearer {token}"}
    )
    assert missing.status_code in (404, 405)


def test_the_programs_own_coordinator_reviews_topics_typed_into_its_drafts(
    app, make_user, drafted
) -> None:
    own = make_user("coordinator", programs=["hcv"])
    listing = page_as(app, own, "/admin/topics?q=zebrafish")
    assert DRAFTED in listing.get_data(as_text=True)
    assert page_as(app, own, f"/admin/topics/{drafted.id}").status_code == 200


def test_an_admin_reviews_topics_typed_into_any_programs_drafts(app, make_user, drafted) -> None:
    admin = make_user("admin")
    listing = page_as(app, admin, "/admin/topics?q=zebrafish")
    assert DRAFTED in listing.get_data(as_text=True)
    assert page_as(app, admin, f"/admin/topics/{drafted.id}").status_code == 200


def test_a_coordinator_of_two_programs_reviews_the_drafts_of_each(app, make_user, drafted) -> None:
    add_case(
        find_program_row("oud"),
        make_user("provider", programs=["oud"]),
        "Other draft",
        status="draft",
        topics=resolve_topics(["Quokka syndrome"]),
    )
    db.session.commit()
    both = make_user("coordinator", programs=["hcv", "oud"])
    listing = page_as(app, both, "/admin/topics?q=").get_data(as_text=True)
    assert DRAFTED in listing and "Quokka syndrome" in listing
    only_oud = make_user("coordinator", programs=["oud"])
    listing = page_as(app, only_oud, "/admin/topics?q=").get_data(as_text=True)
    assert DRAFTED not in listing and "Quokka syndrome" in listing


def test_accepting_is_refused_on_a_topic_the_coordinator_may_not_read(
    app, make_user, drafted
) -> None:
    """Accepting puts a topic's name in everyone's vocabulary: the operation itself refuses
    a topic whose name its actor may not read, as the pages and the API's lookup do, so no
    way in that reaches it (a script, a later channel) can publish another program's name."""
    from app.admin.operations import accept_topic
    from app.errors import NotFound
    from app.programs.models import TopicStatus

    elsewhere = make_user("coordinator", programs=["oud"])
    with pytest.raises(NotFound):
        accept_topic(elsewhere, drafted)
    assert drafted.status is TopicStatus.PROPOSED
    own = make_user("coordinator", programs=["hcv"])
    assert accept_topic(own, drafted) is True
    assert drafted.status is TopicStatus.ACCEPTED
