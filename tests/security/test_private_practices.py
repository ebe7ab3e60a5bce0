"""A best practice drawn only from a private program's recommendations is that program's: its
title and statement tell what the program discusses. Outsiders get the answer a missing
practice gets, on every surface; once it cites what they may see, it is everyone's again."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest

from app.auth.policy import SYSTEM
from app.extensions import db
from app.outdated.models import OutdatedAdvice
from app.practices.operations import add_evidence, propose_from_recommendations
from app.search import SearchRequest, apply_pending, search
from app.subscriptions.operations import follow
from tests.conftest import sign_in
from tests.support.builders import add_recommendation, build_world
from tests.support.clients import bearer, fresh_client

TITLE = "Split buprenorphine dosing in the third trimester"


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.private_expert = make_user("expert", email="pia@example.org", programs=["perinatal-sud"])
    w.outsider = make_user("expert", email="otto@example.org", programs=["hcv"])
    w.coordinator = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    follow(w.outsider, topic="Hepatitis C")
    follow(w.member, topic="Hepatitis C")
    db.session.commit()
    private_rec = add_recommendation(
        w.private_case, w.private_expert, "Split the daily buprenorphine dose in two."
    )
    db.session.commit()
    w.practice = propose_from_recommendations(
        [private_rec],
        TITLE,
        "Twice-daily dosing eases withdrawal late in pregnancy.",
        topics=["Hepatitis C"],
        author=w.private_expert,
        actor=w.private_expert,
    )
    db.session.commit()
    apply_pending()
    return w


def _as(app, user):
    """A client signed in once as `user` (signing in for every page meets the rate limit)."""
    client = fresh_client(app)
    sign_in(client, user)
    return client


def _pages(w: SimpleNamespace) -> list[str]:
    pid = w.practice.id
    return [
        f"/practices/{pid}",
        f"/practices/{pid}/versions",
        f"/practices/{pid}?format=csv",
        f"/practices/{pid}/edit",
    ]


def test_an_outsider_finds_no_trace_of_a_practice_drawn_from_a_private_program(
    app, client, world
) -> None:
    w = world
    outsider, coordinator = _as(app, w.outsider), _as(app, w.coordinator)
    for url in _pages(w):
        assert outsider.get(url).status_code == 404, url
        assert outsider.get(url.replace(f"/{w.practice.id}", "/987654")).status_code == 404
    trail = f"/audit/practice/{w.practice.id}"
    assert coordinator.get(trail).status_code == 404
    assert _as(app, w.admin).get(trail).status_code == 200
    events = coordinator.get("/admin/audit").get_data(as_text=True)
    assert f"/practices/{w.practice.id}" not in events
    for url in ("/practices", "/practices?format=csv", "/"):
        assert TITLE not in outsider.get(url).get_data(as_text=True), url
    headers = bearer(w.outsider)
    assert client.get(f"/api/v1/practices/{w.practice.id}", headers=headers).status_code == 404
    listed = client.get("/api/v1/practices", headers=headers).get_json()
    assert TITLE not in str(listed)
    hits = search(w.outsider, SearchRequest(q="buprenorphine trimester"))
    assert all(hit.title != TITLE for hit in hits.hits)
    assert TITLE not in client.get("/api/v1/search?q=trimester", headers=headers).get_data(
        as_text=True
    )
    # Acting on it answers as for a missing one too.
    stance = client.post(
        f"/api/v1/practices/{w.practice.id}/stance", json={"stance": "endorse"}, headers=headers
    )
    assert stance.status_code == 404


def test_the_programs_members_and_admins_see_it_and_citing_open_evidence_opens_it(
    app, client, world
) -> None:
    w = world
    for who in (w.member, w.private_expert, w.admin):
        reader = _as(app, who)
        for url in _pages(w)[:3]:
            assert reader.get(url).status_code == 200, (who.email, url)
    assert TITLE in str(client.get("/api/v1/practices", headers=bearer(w.member)).get_json())
    hits = search(w.member, SearchRequest(q="buprenorphine trimester"))
    assert any(hit.title == TITLE for hit in hits.hits)
    add_evidence(w.practice, w.case, added_by=w.expert, actor=SYSTEM)
    db.session.commit()
    apply_pending()
    assert _as(app, w.outsider).get(f"/practices/{w.practice.id}").status_code == 200
    hits = search(w.outsider, SearchRequest(q="buprenorphine trimester"))
    assert any(hit.title == TITLE for hit in hits.hits)


def test_followers_outside_the_program_are_not_told_of_it(app, world) -> None:
    from app.notifications.operations import notifications_for

    w = world
    assert not [n for n in notifications_for(w.outsider) if n.kind == "subscription.practice"]
    assert [n for n in notifications_for(w.member) if n.kind == "subscription.practice"]


def test_conflict_warnings_and_the_outdated_queue_name_it_only_inside_the_program(
    app, make_user
) -> None:
    """What is derived for a recommendation (a likely contradiction, advice to review once
    the practice is retired) names the practice to the recommendation's readers: only a
    recommendation of a program the practice cites gets it."""
    from app.outdated.models import OutdatedAdvice
    from app.practices.conflicts import check_recommendation
    from app.practices.operations import change_status
    from app.programs.operations import find_topic, update_topic
    from tests.practices.test_conflicts import PRACTICE_STATEMENT, PRACTICE_TITLE, SKIP

    w = build_world(make_user)
    update_topic(find_topic("Hepatitis B"), synonyms=["HBV", "anti-HBc", "HBsAg"], actor=SYSTEM)
    private_expert = make_user("expert", email="pia@example.org", programs=["perinatal-sud"])
    w.private_case.topics = [find_topic("Hepatitis C")]
    w.case.topics = [find_topic("Hepatitis C")]
    cited = add_recommendation(w.private_case, private_expert, "Check HBV serologies first.")
    db.session.commit()
    practice = propose_from_recommendations(
        [cited],
        PRACTICE_TITLE,
        PRACTICE_STATEMENT,
        topics=["Hepatitis B", "Hepatitis C"],
        status="emerging",
        reason="Seen often.",
        author=private_expert,
        actor=private_expert,
    )
    inside = add_recommendation(w.private_case, private_expert, SKIP)
    outside = add_recommendation(w.case, w.expert, SKIP)
    db.session.commit()
    assert [c.conflict.practice for c in check_recommendation(inside)] == [practice]
    assert check_recommendation(outside) == []

    agreeing = "Check HBsAg and anti-HBc before starting sofosbuvir/velpatasvir."
    inside.body, outside.body = agreeing, agreeing
    change_status(practice, "retired", reason="Replaced.", editor=private_expert, actor=SYSTEM)
    db.session.commit()
    queued = {item.recommendation_id for item in db.session.query(OutdatedAdvice)}
    assert inside.id in queued and outside.id not in queued


def test_a_successor_drawn_from_a_private_program_is_not_named_to_outsiders(
    app, client, make_user
) -> None:
    """An open practice superseded by one only a private program's evidence backs: its
    readers learn that it was superseded, not by what (page, queue, notices, API)."""
    from app.notifications.operations import notifications_for
    from app.practices.operations import change_status, propose_practice
    from app.programs.operations import find_topic

    w = build_world(make_user)
    private_expert = make_user("expert", email="pia@example.org", programs=["perinatal-sud"])
    w.case.topics = [find_topic("Hepatitis C")]
    db.session.commit()
    old = propose_practice(
        "Check HBV serologies before every DAA start",
        "Check HBsAg and anti-HBc before starting DAAs.",
        topics=["Hepatitis C"],
        author=w.expert,
        actor=w.expert,
    )
    add_evidence(old, w.rec, added_by=w.expert, actor=SYSTEM)
    private_rec = add_recommendation(w.private_case, private_expert, "Check HBV DNA too.")
    db.session.commit()
    successor = propose_from_recommendations(
        [private_rec], TITLE, "Check HBV DNA as well.", author=private_expert, actor=SYSTEM
    )
    change_status(
        old, "superseded", reason="HBV DNA too.", editor=None, superseded_by=successor, actor=SYSTEM
    )
    db.session.commit()
    expert = _as(app, w.expert)
    for url in (f"/practices/{old.id}", "/outdated", f"/cases/{w.case.id}"):
        page = expert.get(url)
        assert page.status_code == 200, url
        assert TITLE not in page.get_data(as_text=True), url
    answer = client.get(f"/api/v1/practices/{old.id}", headers=bearer(w.expert)).get_json()
    assert answer["superseded_by_id"] is None
    rows = csv.DictReader(io.StringIO(expert.get("/practices?format=csv").get_data(as_text=True)))
    assert [row["superseded by"] for row in rows if row["id"] == str(old.id)] == [""]
    queue = client.get("/api/v1/outdated-advice", headers=bearer(w.expert)).get_json()
    assert queue["results"] and TITLE not in str(queue)
    assert all(TITLE not in n.message for n in notifications_for(w.expert))


def test_a_topic_only_a_private_practice_and_case_carry_stays_hidden_from_reviewers(
    app, client, make_user
) -> None:
    """A practice drawn from a private case takes the case's topics: a proposed name they
    alone carry is not shown to a reviewer outside the program, as for the case's own."""
    from app.programs.operations import resolve_topics

    w = build_world(make_user)
    private_expert = make_user("expert", email="pia@example.org", programs=["perinatal-sud"])
    reviewer = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    w.private_case.topics = resolve_topics(["Quetzalcoatl syndrome"])
    private_rec = add_recommendation(w.private_case, private_expert, "Dose twice daily.")
    db.session.commit()
    propose_from_recommendations(
        [private_rec], TITLE, "Dose twice daily.", author=private_expert, actor=private_expert
    )
    db.session.commit()
    listed = client.get("/api/v1/admin/topics?status=proposed", headers=bearer(reviewer))
    assert listed.status_code == 200
    assert "Quetzalcoatl" not in listed.get_data(as_text=True)
    assert "Quetzalcoatl" not in _as(app, reviewer).get("/admin/topics").get_data(as_text=True)
    assert "Quetzalcoatl" in _as(app, w.admin).get("/admin/topics").get_data(as_text=True)


def test_a_practice_an_outsider_may_not_see_does_not_close_their_curriculum_gap(
    app, make_user
) -> None:
    """Gaps are topics with cases but no teaching or practice: a practice hidden from the
    reader closing one would tell them it exists."""
    from datetime import date

    from app.curriculum import operations as figures
    from app.programs.operations import create_program, create_session, resolve_topics
    from tests.support.builders import add_case

    pain = create_program("chronic-pain", "Chronic Pain ECHO", actor=SYSTEM)
    secret = create_program("secret", "Closed pilot", private=True, actor=SYSTEM)
    march = create_session(pain, date(2026, 3, 12), title="March", actor=SYSTEM)
    closed = create_session(secret, date(2026, 3, 12), title="March", actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["chronic-pain", "secret"])
    insider = make_user("expert", programs=["secret"])
    outsider = make_user("curriculum", programs=["chronic-pain"])
    for n in range(3):
        add_case(pain, presenter, f"Pain {n}", session=march, topics=resolve_topics(["Sleep"]))
    private_case = add_case(secret, presenter, "Closed case", session=closed)
    private_rec = add_recommendation(private_case, insider, "Treat insomnia first.")
    db.session.commit()
    propose_from_recommendations(
        [private_rec],
        TITLE,
        "Treat insomnia first.",
        topics=["Sleep"],
        author=insider,
        actor=insider,
    )
    db.session.commit()
    end = date(2026, 11, 25)
    assert "Sleep" in {
        g.topic.name for g in figures.gaps(outsider, figures.make_scope(outsider, end=end))
    }
    assert "Sleep" not in {
        g.topic.name for g in figures.gaps(SYSTEM, figures.make_scope(SYSTEM, end=end))
    }


def test_the_curriculum_counts_a_practice_only_for_readers_who_may_see_it(app, make_user) -> None:
    """The teaching table counts practices per topic and status: one drawn from a private
    program alone is counted for its members, not for curriculum staff outside it."""
    from datetime import date

    from app.programs.operations import create_program, create_session, resolve_topics
    from tests.support.builders import add_case

    pain = create_program("chronic-pain", "Chronic Pain ECHO", actor=SYSTEM)
    secret = create_program("secret", "Closed pilot", private=True, actor=SYSTEM)
    march = create_session(pain, date(2026, 3, 12), title="March", actor=SYSTEM)
    closed = create_session(secret, date(2026, 3, 12), title="March", actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["chronic-pain", "secret"])
    insider = make_user("curriculum", email="in@example.org", programs=["chronic-pain", "secret"])
    outsider = make_user("curriculum", email="out@example.org", programs=["chronic-pain"])
    expert = make_user("expert", programs=["secret"])
    for n in range(3):
        add_case(pain, presenter, f"Pain {n}", session=march, topics=resolve_topics(["Sleep"]))
    private_case = add_case(secret, presenter, "Closed case", session=closed)
    cited = add_recommendation(private_case, expert, "Treat insomnia first.")
    db.session.commit()
    propose_from_recommendations(
        [cited],
        "Treat insomnia first",
        "Treat insomnia first.",
        topics=["Sleep"],
        author=expert,
        actor=expert,
    )
    db.session.commit()

    def proposed(user) -> str:
        body = _as(app, user).get("/curriculum/teaching.csv?end=2026-11-25")
        assert body.status_code == 200
        [row] = [
            r
            for r in csv.DictReader(io.StringIO(body.get_data(as_text=True)))
            if r["topic"] == "Sleep"
        ]
        return row["practices proposed"]

    assert proposed(insider) == "1"
    assert proposed(outsider) == "0"


def test_the_checks_for_a_whole_page_agree_with_those_for_one(app, world, make_user) -> None:
    """A list's successors and a page's people are checked at once (policy.visible_practice_ids,
    policy.seen_people); each answer is the one the check for a single one gives."""
    from flask_login import AnonymousUserMixin

    from app.auth import policy
    from app.practices.operations import propose_practice

    open_practice = propose_practice("Recheck in four weeks", "Recheck.", author=None, actor=SYSTEM)
    db.session.commit()
    admin = make_user("admin", email="ada@example.org")
    people = [world.private_expert, world.outsider, world.member, world.expert, admin, None]
    practices = [world.practice.id, open_practice.id, None]
    readers = [
        world.provider,
        world.outsider,
        world.member,
        world.private_expert,
        world.coordinator,
        admin,
        SYSTEM,
        AnonymousUserMixin(),
        None,
    ]
    for reader in readers:
        assert policy.visible_practice_ids(reader, practices) == {
            p.id for p in (world.practice, open_practice) if policy.can_view_practice(reader, p)
        }, reader
        assert policy.seen_people(reader, people) == {
            p.id for p in people if p is not None and policy.can_see_person(reader, p)
        }, reader
    # both ways round: the private program's own practice and expert are hidden from outsiders
    assert world.practice.id not in policy.visible_practice_ids(world.outsider, practices)
    assert world.private_expert.id not in policy.seen_people(world.outsider, people)
    assert world.private_expert.id in policy.seen_people(world.member, people)


def test_evidence_is_cited_only_by_who_may_see_it_whoever_calls(app, world, make_user) -> None:
    """The operation checks it itself, not only the web and API views: a session of a
    private program, its case, its recommendation or another's draft cannot be cited by one
    who may not see them; nothing is linked."""
    from app.errors import NotFound
    from app.practices.operations import propose_practice

    w = world
    practice = propose_practice("Open practice", "Check HBV first.", author=None, actor=w.outsider)
    draft = add_recommendation(w.case, w.expert, "Not yet published.", published=False)
    db.session.commit()
    private_rec = w.practice.evidence[0].recommendation
    for target in (w.closed_session, w.private_case, private_rec, draft):
        with pytest.raises(NotFound):
            add_evidence(practice, target, added_by=w.outsider, actor=w.outsider)
    db.session.rollback()
    assert practice.evidence == []
    add_evidence(practice, w.case, added_by=w.outsider, actor=w.outsider)  # one they see
    assert [link.case for link in practice.evidence] == [w.case]


def test_a_practice_backed_by_two_private_programs_is_found_by_members_of_either(
    app, world, make_user
) -> None:
    """Its page is open to the members of every program it cites: search agrees, for the
    second program's members as for the first's; an outsider still finds nothing."""
    from app.programs.operations import create_program
    from tests.support.builders import add_case

    w = world
    second = create_program("pain-closed", "Closed Pain ECHO", private=True, actor=SYSTEM)
    db.session.commit()
    insider = make_user("provider", email="ines@example.org", programs=["pain-closed"])
    case = add_case(second, insider, "A second program's case")
    add_evidence(w.practice, case, added_by=None, actor=SYSTEM)
    db.session.commit()
    apply_pending()
    assert second.id > w.perinatal.id  # not the lowest-numbered program it cites
    for reader, finds in ((w.member, True), (insider, True), (w.outsider, False)):
        hits = search(reader, SearchRequest(q="buprenorphine trimester"))
        assert any(hit.title == TITLE for hit in hits.hits) is finds, reader.email
        assert (_as(app, reader).get(f"/practices/{w.practice.id}").status_code == 200) is finds


def test_a_practice_gone_private_since_is_no_longer_named_to_outsiders(
    app, client, make_user
) -> None:
    """Open when the advice was queued, the dissent marked and the warning sent, the practice
    later loses its open evidence and is a private program's alone: what was written then
    follows the rule now (queue, case page, API, notices, the desk's dissents)."""
    from app.desk.operations import send_recommendations
    from app.notifications.operations import notifications_for
    from app.practices.operations import change_status, record_dissent, remove_evidence
    from app.programs.operations import find_topic, update_topic
    from tests.practices.test_conflicts import PRACTICE_STATEMENT, PRACTICE_TITLE, SKIP

    w = build_world(make_user)
    update_topic(find_topic("Hepatitis B"), synonyms=["HBV", "anti-HBc", "HBsAg"], actor=SYSTEM)
    private_expert = make_user("expert", email="pia@example.org", programs=["perinatal-sud"])
    coordinator = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    w.private_case.topics = [find_topic("Hepatitis C")]
    w.follow_up.topics = [find_topic("Hepatitis C")]
    cited = add_recommendation(w.private_case, private_expert, "Check HBV serologies first.")
    db.session.commit()
    practice = propose_from_recommendations(
        [cited],
        PRACTICE_TITLE,
        PRACTICE_STATEMENT,
        topics=["Hepatitis B", "Hepatitis C"],
        status="emerging",
        reason="Seen often.",
        author=private_expert,
        actor=private_expert,
    )
    opening = add_evidence(practice, w.elderly, added_by=None, actor=SYSTEM)
    departing = add_recommendation(w.follow_up, w.expert, SKIP)
    agreeing = add_recommendation(
        w.follow_up, w.expert, "Check HBsAg and anti-HBc before starting sofosbuvir/velpatasvir."
    )
    add_recommendation(w.follow_up, w.expert, SKIP, published=False)  # the desk publishes it
    db.session.commit()
    record_dissent(departing, practice, "Our patients were tested last week.", actor=w.expert)
    send_recommendations(w.follow_up, actor=coordinator, publish_drafts=True)
    change_status(practice, "retired", reason="Replaced.", editor=private_expert, actor=SYSTEM)
    db.session.commit()
    assert agreeing.id in {i.recommendation_id for i in db.session.query(OutdatedAdvice)}

    def named(user) -> list[str]:
        reader = _as(app, user)
        pages = ["/outdated", f"/cases/{w.follow_up.id}", "/programs/hcv/desk", "/notifications"]
        found = [url for url in pages if TITLE_OF_PRACTICE in reader.get(url).get_data(True)]
        headers = bearer(user)
        if TITLE_OF_PRACTICE in client.get("/api/v1/outdated-advice", headers=headers).text:
            found.append("api outdated")
        if any(TITLE_OF_PRACTICE in n.message for n in notifications_for(user)):
            found.append("notifications")
        return found

    TITLE_OF_PRACTICE = PRACTICE_TITLE
    assert len(named(w.expert)) == 5 and "/programs/hcv/desk" in named(coordinator)
    remove_evidence(opening, actor=SYSTEM)
    db.session.commit()
    assert named(w.expert) == []
    assert named(coordinator) == []
    assert {"/outdated", "api outdated"} <= set(named(w.admin))  # admins see every practice


def test_the_vocabulary_counts_only_the_practices_a_coordinator_may_see(app, world) -> None:
    """The topic list and a topic's page count its best practices: one drawn from a private
    program alone is not counted for an outsider (the number would tell it exists)."""
    import re

    from app.programs.operations import find_topic

    w = world
    hep_c = find_topic("Hepatitis C")
    insider = _as(app, w.admin)
    outsider = _as(app, w.coordinator)
    assert "and 1 best practice" in insider.get(f"/admin/topics/{hep_c.id}").get_data(as_text=True)
    page = outsider.get(f"/admin/topics/{hep_c.id}").get_data(as_text=True)
    assert "and 0 best practices" in page
    listed = outsider.get("/admin/topics").get_data(as_text=True)
    row = listed.split(f'href="/admin/topics/{hep_c.id}"')[1].split("</tr>")[0]
    assert [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', row)][2] == 0


def test_a_topics_merge_in_its_trail_counts_no_private_practice_for_a_coordinator(
    app, world
) -> None:
    """A merge moves the practices of every program: how many it moved, a private program's
    own among them, is for admins, as the cases and sessions it moved are."""
    from app.admin.operations import merge_topics
    from app.programs.operations import find_topic

    w = world
    merge_topics(SYSTEM, find_topic("Hepatitis C"), "Hepatitis B")
    db.session.commit()
    target = find_topic("Hepatitis B")
    url = f"/audit/topic/{target.id}"
    assert "<dt>practices</dt><dd>1</dd>" in _as(app, w.admin).get(url).get_data(as_text=True)
    shown = _as(app, w.coordinator).get(url).get_data(as_text=True)
    assert "topic.merged" in shown and "<dt>practices</dt>" not in shown
