"""The outdated-advice queue through the web and the API."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.extensions import db
from app.outdated.models import OutdatedAdvice, ReviewState
from tests.api.test_api import Api
from tests.cases.test_views import as_user
from tests.outdated.conftest import supersede
from tests.support.builders import add_recommendation


def _item(hub, rec) -> OutdatedAdvice:
    return db.session.scalars(
        select(OutdatedAdvice).where(OutdatedAdvice.recommendation_id == rec.id)
    ).one()


def test_expert_resolves_by_annotating_on_the_web_and_the_case_page_shows_it(client, hub):
    supersede(hub)
    item = _item(hub, hub.rec)
    as_user(client, hub.expert)
    page = client.get("/outdated").get_data(as_text=True)
    assert "Outdated advice" in page and f'id="item-{item.id}"' in page
    assert "Check HBV serologies and HBV DNA before DAAs" in page
    # Nothing chosen: the form comes back with what was typed and the field named.
    refused = client.post(f"/outdated/{item.id}/resolve", data={"note": "Add HBV DNA."})
    assert refused.status_code == 422
    assert "Add HBV DNA." in refused.get_data(as_text=True)
    assert "Resolve it as one of" in refused.get_data(as_text=True)
    # An identifier in the update is caught by the gate, shown with the text kept.
    flagged = client.post(
        f"/outdated/{item.id}/resolve",
        data={"resolution": "updated", "note": "Call John Smith at 555-867-5309."},
    )
    assert flagged.status_code == 422 and "Possible identifiers" in flagged.get_data(as_text=True)
    done = client.post(
        f"/outdated/{item.id}/resolve",
        data={"resolution": "updated", "note": "Add **HBV DNA** before DAAs."},
    )
    assert done.status_code == 303
    db.session.expire_all()
    assert _item(hub, hub.rec).state is ReviewState.UPDATED
    case_page = client.get(f"/cases/{hub.case.id}").get_data(as_text=True)
    assert "Advice on this patient affected by a practice change" in case_page
    assert f'href="/practices/{hub.successor.id}"' in case_page
    assert "Updated: see the update below." in case_page
    # The follow-up of the same patient says so too, with the new practice.
    follow_up = client.get(f"/cases/{hub.follow_up.id}").get_data(as_text=True)
    assert "Advice on this patient affected by a practice change" in follow_up
    assert f'href="/practices/{hub.successor.id}"' in follow_up


def test_the_queue_is_shown_a_page_at_a_time_on_the_web_and_the_api(client, hub, monkeypatch):
    supersede(hub)
    first, second = (_item(hub, hub.rec), _item(hub, hub.follows_it))
    first, second = sorted((first, second), key=lambda i: (i.created_at, i.id))
    monkeypatch.setattr("app.outdated.operations.QUEUE_PER_PAGE", 1)
    as_user(client, hub.coordinator)
    page = client.get("/outdated").get_data(as_text=True)
    assert f'id="item-{first.id}"' in page and f'id="item-{second.id}"' not in page
    assert "2 items, 1 a page." in page and 'href="/outdated?page=2"' in page
    page = client.get("/outdated?page=2").get_data(as_text=True)
    assert f'id="item-{second.id}"' in page and f'id="item-{first.id}"' not in page
    # past the end: the last page
    assert f'id="item-{second.id}"' in client.get("/outdated?page=9").get_data(as_text=True)
    api = Api(client, hub.coordinator)
    one = api.get("/outdated-advice?per_page=1", expect=200)
    assert (one["total"], one["page"], one["per_page"]) == (2, 1, 1)
    assert [r["id"] for r in one["results"]] == [first.id]
    two = api.get("/outdated-advice?per_page=1&page=2", expect=200)
    assert [r["id"] for r in two["results"]] == [second.id]
    assert "per_page" in str(api.get("/outdated-advice?per_page=0", expect=422))


def test_a_long_queue_links_a_window_of_its_pages(client, hub, monkeypatch):
    # Ten more recommendations that follow the practice: twelve items, a page each.
    for n in range(10):
        add_recommendation(hub.hbv_case, hub.other_expert, f"Check HBV serologies ({n}).")
    db.session.commit()
    supersede(hub)
    monkeypatch.setattr("app.outdated.operations.QUEUE_PER_PAGE", 1)
    as_user(client, hub.coordinator)
    page = client.get("/outdated?page=6").get_data(as_text=True)
    assert "12 items, 1 a page." in page
    pager = page[page.index('<nav class="pagination"') :]
    pager = pager[: pager.index("</nav>")]
    linked = [int(n) for n in re.findall(r'href="/outdated\?page=(\d+)"', pager)]
    # the first, the last, two either side of the current, and the steps back and on
    assert sorted(set(linked)) == [1, 4, 5, 7, 8, 12]
    assert 'aria-current="page"><span class="visually-hidden">Page </span>6' in pager
    assert pager.count('class="page-gap"') == 2


def test_the_nav_and_desk_link_to_the_queue_for_those_who_use_it(client, hub):
    as_user(client, hub.coordinator)
    assert 'href="/outdated"' in client.get("/programs/hcv/desk").get_data(as_text=True)
    as_user(client, hub.provider)
    assert 'href="/outdated"' not in client.get("/").get_data(as_text=True)
    assert client.get("/outdated").status_code == 403


def test_the_api_lists_and_resolves(client, hub):
    supersede(hub)
    expert, coordinator = Api(client, hub.expert), Api(client, hub.coordinator)
    mine = expert.get("/outdated-advice", expect=200)
    assert [r["recommendation_id"] for r in mine["results"]] == [hub.rec.id]
    row = mine["results"][0]
    assert row["because"] == "cites" and row["replacement_id"] == hub.successor.id
    assert len(coordinator.get("/outdated-advice", expect=200)["results"]) == 2
    bad = expert.post(f"/outdated-advice/{row['id']}/resolve", expect=422, json={})
    assert "resolution" in bad["message"] or "resolution" in str(bad.get("errors"))
    done = expert.post(
        f"/outdated-advice/{row['id']}/resolve",
        expect=200,
        json={"resolution": "still_valid", "note": "DNA adds little here."},
    )
    assert done["state"] == "still_valid" and done["resolved_by"] == hub.expert.display_name
    assert expert.get("/outdated-advice", expect=200)["results"] == []
    assert len(expert.get("/outdated-advice?show=resolved", expect=200)["results"]) == 1
    again = expert.post(
        f"/outdated-advice/{row['id']}/resolve", expect=422, json={"resolution": "still_valid"}
    )
    assert "already resolved" in again["message"]
    Api(client, hub.provider).get("/outdated-advice", expect=403)
    Api(client, hub.other_expert).post(
        f"/outdated-advice/{row['id']}/resolve", expect=404, json={"resolution": "still_valid"}
    )


def test_the_command_counts_the_queue_by_practice(app, hub):
    supersede(hub)
    result = app.test_cli_runner().invoke(args=["outdated"])
    assert result.exit_code == 0, result.output
    assert f"    2  practice {hub.practice.id} “{hub.practice.title}”" in result.output
    assert "2 open items." in result.output
    mine = app.test_cli_runner().invoke(args=["outdated", "--as", hub.expert.email])
    assert "1 open item." in mine.output
    refused = app.test_cli_runner().invoke(args=["outdated", "--as", hub.provider.email])
    assert refused.exit_code != 0 and "experts and coordinators" in refused.output


def test_a_refused_note_typed_after_blank_lines_marks_the_words_found(client, hub):
    """The gate checks the note stripped: the panel marks the name it found, not text
    shifted by the blank lines typed before it; the box keeps what was typed."""
    supersede(hub)
    item = _item(hub, hub.rec)
    as_user(client, hub.expert)
    for resolution in ("still_valid", "updated"):
        refused = client.post(
            f"/outdated/{item.id}/resolve",
            data={"resolution": resolution, "note": "\n\n  Not for John Smith."},
        )
        page = refused.get_data(as_text=True)
        assert refused.status_code == 422 and "Possible identifiers in Note" in page
        assert "<q>John Smith</q>" in page
        assert "  Not for John Smith.</textarea>" in page
    db.session.expire_all()
    assert _item(hub, hub.rec).state is ReviewState.OPEN
