"""Candidate practices at size: a large group shows its most typical members and says how
many it has (its proposal and the CSV keep them all); the API pages the groups and names
every member; a private program's member is counted only for its members."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices import groups, queries
from app.programs.operations import create_program, create_session
from tests.cases.test_views import as_user
from tests.support.builders import add_case, add_recommendation

ADVICE = "Offer **naloxone** to every patient on long-term opioids."


def _large_group(make_user):
    """One idea given in seven sessions of a public program and one of a private one (a
    private program's recommendations group with its own only)."""
    oud = create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    peri = create_program(
        "perinatal-sud", "Perinatal Substance Use ECHO", private=True, actor=SYSTEM
    )
    db.session.commit()
    presenter = make_user("provider", programs=["oud", "perinatal-sud"])
    expert = make_user("expert", programs=["oud", "perinatal-sud"])
    for n, program in enumerate([oud] * 7 + [peri]):
        session = create_session(program, date(2026, 1 + n, 10), title=f"S{n}", actor=SYSTEM)
        case = add_case(program, presenter, f"Chronic opioid case {n}", session=session)
        add_recommendation(case, expert, ADVICE)
    db.session.commit()
    groups.refresh()
    return make_user("provider", programs=["perinatal-sud"])


def test_the_page_shows_the_most_typical_members_and_the_csv_all(app, make_user, client):
    _large_group(make_user)
    expert = make_user("expert")  # not a member of the private program
    as_user(client, expert)
    page = client.get("/practices/candidates").get_data(as_text=True)
    item = page.split('class="panel candidate"')[1].split("</li>\n  {% endfor")[0]
    assert item.count('class="related-item"') == queries.CANDIDATE_MEMBERS == 5
    assert "7 recommendations" in item and "7 sessions" in item
    assert "Shown: the 5 most typical of 7" in item
    proposal = re.search(r'href="(/practices/new\?[^"]*)"', item).group(1)
    assert proposal.count("recommendation=") == 7
    assert "Perinatal" not in page

    rows = list(csv.reader(io.StringIO(client.get("/practices/candidates?format=csv").text)))
    assert len(rows) == 1 + 7


def test_the_api_pages_groups_and_names_every_member(app, make_user, client):
    member = _large_group(make_user)
    counts = {}
    for who in (make_user("expert"), member):
        token = create_token(who, "api", actor=SYSTEM)
        db.session.commit()
        body = client.get(
            "/api/v1/practices/candidates?per_page=1", headers={"Authorization": f"Bearer {token}"}
        ).get_json()
        assert (body["total"], body["page"], body["per_page"]) == (1, 1, 1)
        group = body["results"][0]
        assert len(group["recommendations"]) == 5
        assert {r["id"] for r in group["recommendations"]} <= set(group["recommendation_ids"])
        counts[who.id] = (group["recommendation_count"], len(group["recommendation_ids"]))
    # The private member's recommendation does not join the public group, for its members
    # either: everyone sees the same group.
    assert sorted(counts.values()) == [(7, 7), (7, 7)]


def test_a_group_whose_members_are_gone_is_not_counted(app, make_user, client, monkeypatch):
    """Its members deleted between the two reads, a group is left out of the total too."""
    _large_group(make_user)
    real = queries._candidates

    def deleted_meanwhile(user, limit):
        found = real(user, limit)
        for group in found:
            group.members = [(rec_id + 10**6, c) for rec_id, c in group.members]
        return found

    monkeypatch.setattr(queries, "_candidates", deleted_meanwhile)
    token = create_token(make_user("expert"), "api", actor=SYSTEM)
    db.session.commit()
    body = client.get(
        "/api/v1/practices/candidates", headers={"Authorization": f"Bearer {token}"}
    ).get_json()
    assert (body["total"], body["results"]) == (0, [])
