"""A practice that became private to a program its advice's author is not in, after the advice
was queued: the item still reaches its reviewers (the author, the program's coordinators), shown
without the practice, and they resolve it; nobody else hears of it."""

from __future__ import annotations

from sqlalchemy import select

from app.auth.policy import SYSTEM
from app.extensions import db
from app.outdated.models import OutdatedAdvice
from app.practices.models import EvidenceLink
from app.practices.operations import add_evidence, remove_evidence
from tests.api.test_api import Api
from tests.cases.test_views import as_user
from tests.outdated.conftest import supersede
from tests.support.builders import add_recommendation

ANONYMOUS = "A best practice you cannot see was superseded: this advice may be out of date."


def _gone_private(hub) -> OutdatedAdvice:
    """Supersede the practice, then let it cite only the private program's advice."""
    supersede(hub)
    item = db.session.scalars(
        select(OutdatedAdvice).where(OutdatedAdvice.recommendation_id == hub.rec.id)
    ).one()
    private = add_recommendation(hub.private_case, hub.private_expert, "Check HBV serologies.")
    add_evidence(hub.practice, private, added_by=None, actor=SYSTEM)
    open_link = db.session.scalars(
        select(EvidenceLink).where(EvidenceLink.recommendation_id == hub.rec.id)
    ).one()
    remove_evidence(open_link, actor=SYSTEM)
    db.session.commit()
    return item


def _named(hub, text: str) -> list[str]:
    """What of the practice, or of its successor as such, `text` shows (the successor is open
    to all: the case page offers it to cite)."""
    p, s = hub.practice, hub.successor
    words = [p.title, p.statement, f"/practices/{p.id}", f"by “{s.title}”", f"/practices/{s.id}"]
    return [w for w in words if w in text]


def _page(client, user, url: str) -> str:
    as_user(client, user)
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_author_and_coordinator_see_it_anonymised_and_the_author_resolves_it(client, hub):
    item = _gone_private(hub)
    for reviewer in (hub.expert, hub.coordinator):
        queue = _page(client, reviewer, "/outdated")
        assert f'id="item-{item.id}"' in queue and ANONYMOUS in queue
        assert _named(hub, queue) == []
    case_page = _page(client, hub.expert, f"/cases/{hub.rec.case_id}")
    assert ANONYMOUS in case_page and _named(hub, case_page) == []

    api = Api(client, hub.expert)
    listed = client.get("/api/v1/outdated-advice", headers=api.headers)
    assert _named(hub, listed.get_data(as_text=True)) == []
    (row,) = listed.get_json()["results"]
    assert row["id"] == item.id and row["change"] == "superseded"
    assert [row[k] for k in ("practice_id", "practice_title")] == [None, None]
    assert [row[k] for k in ("replacement_id", "replacement_title")] == [None, None]

    done = client.post(
        f"/api/v1/outdated-advice/{item.id}/resolve",
        headers=api.headers,
        json={"resolution": "still_valid", "note": "Still how we do it."},
    )
    assert done.status_code == 200 and done.get_json()["state"] == "still_valid"
    assert done.get_json()["practice_title"] is None and _named(hub, done.get_data(True)) == []
    db.session.expire_all()
    assert db.session.get(OutdatedAdvice, item.id).note == "Still how we do it."


def test_the_author_resolves_it_on_the_web(client, hub):
    item = _gone_private(hub)
    as_user(client, hub.expert)
    done = client.post(f"/outdated/{item.id}/resolve", data={"resolution": "no_longer_applies"})
    assert done.status_code == 303
    resolved = _page(client, hub.expert, "/outdated?show=resolved")
    assert f'id="item-{item.id}"' in resolved and _named(hub, resolved) == []


def test_others_still_see_nothing_of_it(client, hub):
    """Another expert of the program (the other recommendation's author) and the case's
    presenter: no item, no notice, and resolving answers as for a missing one."""
    item = _gone_private(hub)
    queue = _page(client, hub.other_expert, "/outdated")
    assert f'id="item-{item.id}"' not in queue and _named(hub, queue) == []
    for reader in (hub.other_expert, hub.provider):
        case_page = _page(client, reader, f"/cases/{hub.rec.case_id}")
        assert f"rec-{hub.rec.id}" in case_page  # the advice itself is shown
        assert "you cannot see" not in case_page and _named(hub, case_page) == []
    api = Api(client, hub.other_expert)
    refused = client.post(
        f"/api/v1/outdated-advice/{item.id}/resolve",
        headers=api.headers,
        json={"resolution": "still_valid"},
    )
    assert refused.status_code == 404


def test_the_shell_counts_it_for_the_author_without_naming_the_practice(app, hub):
    _gone_private(hub)
    mine = app.test_cli_runner().invoke(args=["outdated", "--as", hub.expert.email])
    assert mine.exit_code == 0, mine.output
    assert "1  on practices this account cannot see" in mine.output
    assert _named(hub, mine.output) == [] and "1 open item." in mine.output
    everything = app.test_cli_runner().invoke(args=["outdated"])
    assert hub.practice.title in everything.output  # the server sees every practice


def test_a_coordinator_of_another_program_hears_nothing_of_it(client, hub, make_user):
    """They read the open program's case, but do not run its desk: no notice there."""
    _gone_private(hub)
    outsider = make_user("coordinator")  # a member of no program
    case_page = _page(client, outsider, f"/cases/{hub.rec.case_id}")
    assert f"rec-{hub.rec.id}" in case_page
    assert "you cannot see" not in case_page and _named(hub, case_page) == []


def test_the_author_and_coordinators_hear_of_it_without_the_practice(client, hub):
    """Their notice named the practice; once it is a private program's alone they read the
    same news without it (no title, no number, no link to it), not nothing."""
    _gone_private(hub)
    program = hub.hcv.name
    told = {
        hub.expert: f"A best practice you cannot see was superseded: 1 recommendation of yours"
        f" in {program} may be out of date. Review it.",
        hub.coordinator: f"A best practice you cannot see was superseded: 2 recommendations"
        f" in {program} may be out of date.",
    }
    for reader, message in told.items():
        page = _page(client, reader, "/notifications")
        assert message in page and _named(hub, page) == []
        assert "may be outdated: the best practice" not in page


def test_who_still_sees_the_practice_reads_it_named(client, hub, make_user):
    _gone_private(hub)
    page = _page(client, make_user("admin"), "/notifications")
    assert "you cannot see" not in page  # the admin is told nothing: not a reviewer
    hub.private_coordinator = make_user(
        "coordinator", email="pc@example.org", programs=["perinatal-sud", "hcv"]
    )
    from app.notifications.models import NamedPractice, Notification

    db.session.add(
        Notification(
            user_id=hub.private_coordinator.id,
            kind="advice.outdated",
            message=f"1 recommendation in X may be outdated: the best practice"
            f" “{hub.practice.title}” was retired.",
            unnamed_message="A best practice you cannot see was retired: 1 recommendation in X"
            " may be out of date.",
            url="/outdated",
            practices_named=[NamedPractice(practice_id=hub.practice.id)],
        )
    )
    db.session.commit()
    page = _page(client, hub.private_coordinator, "/notifications")
    assert f"“{hub.practice.title}” was retired" in page and "you cannot see" not in page


def test_the_queue_does_not_tell_how_a_hidden_practice_touched_the_advice(client, hub):
    """ "Cited by the practice" would tell that a practice the reader cannot see cites it."""
    item = _gone_private(hub)
    queue = _page(client, hub.expert, "/outdated")
    assert f'id="item-{item.id}"' in queue
    assert "cited by the practice" not in queue and "the practice’s advice" not in queue
    assert "touched by a practice change" in queue
    api = Api(client, hub.expert)
    (row,) = client.get("/api/v1/outdated-advice", headers=api.headers).get_json()["results"]
    assert row["because"] is None


def test_who_sees_the_practice_but_not_its_successor_reads_it_named_without_the_successor(
    client, hub
):
    """The successor alone became a private program's since: its reviewers still see the
    superseded practice, so they are told of it by name, only the successor is left out."""
    supersede(hub)
    private = add_recommendation(hub.private_case, hub.private_expert, "Check HBV DNA too.")
    add_evidence(hub.successor, private, added_by=None, actor=SYSTEM)
    db.session.commit()
    program, title = hub.hcv.name, hub.practice.title
    told = {
        hub.expert: f"1 recommendation of yours in {program} may be outdated: the best practice"
        f" “{title}” was superseded. Review it.",
        hub.coordinator: f"2 recommendations in {program} may be outdated: the best practice"
        f" “{title}” was superseded.",
    }
    successor = [hub.successor.title, f"/practices/{hub.successor.id}"]
    for reader, message in told.items():
        page = _page(client, reader, "/notifications")
        assert message in page and "you cannot see" not in page
        assert [w for w in successor if w in page] == []


def test_who_sees_neither_the_practice_nor_its_successor_reads_it_unnamed(client, hub):
    """Both became a private program's since: the notice is counted and read without either
    (the form naming the practice alone is not theirs); as each comes back into view, the
    reader reads what they may see of it."""
    from app.notifications.operations import notifications_for, unread_count

    item = _gone_private(hub)
    private = add_recommendation(hub.private_case, hub.private_expert, "Check HBV DNA too.")
    add_evidence(hub.successor, private, added_by=None, actor=SYSTEM)
    db.session.commit()
    program, title = hub.hcv.name, hub.practice.title
    unnamed = (
        f"A best practice you cannot see was superseded: 1 recommendation of yours in {program}"
        " may be out of date. Review it."
    )
    successor = [hub.successor.title, f"/practices/{hub.successor.id}"]
    assert [n.message for n in notifications_for(hub.expert)] == [unnamed]
    assert unread_count(hub.expert) == 1
    page = _page(client, hub.expert, "/notifications")
    assert unnamed in page and _named(hub, page) == []
    assert [w for w in successor if w in page] == []

    # The practice is seen again (open evidence), its successor not: named without it.
    add_evidence(hub.practice, item.recommendation, added_by=None, actor=SYSTEM)
    db.session.commit()
    assert [n.message for n in notifications_for(hub.expert)] == [
        f"1 recommendation of yours in {program} may be outdated: the best practice “{title}”"
        " was superseded. Review it."
    ]
    page = _page(client, hub.expert, "/notifications")
    assert [w for w in successor if w in page] == []
