"""Following topics and programs: who hears about new cases, recommendations and practice
changes (never someone who cannot see them), the digest, the daily mail, web and API."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.audit.models import AuditEvent
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.lifecycle import (
    approve_case,
    draft_case,
    mark_presented,
    publish_recommendation,
    schedule_case,
    submit_case,
    withdraw_case,
)
from app.cases.operations import CaseData
from app.common import utcnow
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.notifications.models import Notification
from app.notifications.operations import notifications_for
from app.practices.operations import change_status, propose_practice
from app.programs.operations import create_program, create_session, create_topic
from app.recommendations.operations import add_recommendation
from app.subscriptions import operations as ops
from app.subscriptions.models import DigestDelivery, Subscription
from tests.conftest import sign_in

TITLE = "58-year-old man with genotype 3 HCV and cirrhosis"


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    from types import SimpleNamespace

    hcv = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    closed = create_program("perinatal", "Perinatal SUD ECHO", private=True, actor=SYSTEM)
    session = create_session(hcv, utcnow().date(), title="HCV session", actor=SYSTEM)
    closed_session = create_session(
        closed, utcnow().date(), title="Perinatal session", actor=SYSTEM
    )
    for name in ("Cirrhosis", "Hepatitis C", "Buprenorphine"):
        create_topic(name, actor=SYSTEM)
    db.session.commit()
    return SimpleNamespace(
        hcv=hcv,
        closed=closed,
        session=session,
        closed_session=closed_session,
        provider=make_user("provider", programs=["hcv", "perinatal"]),
        coordinator=make_user("coordinator", programs=["hcv", "perinatal"]),
        expert=make_user("expert", programs=["hcv"]),
        member=make_user("expert", programs=["perinatal"]),
        outsider=make_user("expert"),
    )


def _approved_case(w, program=None, topics=("Cirrhosis",)):
    case = draft_case(
        program or w.hcv,
        CaseData(title=TITLE, question="Treat now?", topics=list(topics)),
        presenter=w.provider,
    )
    submit_case(case, actor=w.provider)
    approve_case(case, actor=w.coordinator)
    db.session.commit()
    return case


def _subscription_notes(user):
    return [n for n in notifications_for(user) if n.kind.startswith("subscription.")]


def test_a_new_case_on_a_followed_topic_notifies_without_its_title(world):
    w = world
    _approved_case(w, topics=("Hepatitis C",))  # not followed
    ops.follow(w.expert, topic="cirrhosis")
    db.session.commit()
    case = _approved_case(w, topics=("Cirrhosis",))
    [note] = _subscription_notes(w.expert)
    assert note.kind == "subscription.case" and note.url == f"/cases/{case.id}"
    assert "Cirrhosis" in note.message and "Hepatitis C ECHO" in note.message
    assert TITLE not in note.message and "genotype" not in note.message
    # The presenter and the approving coordinator are not told about their own work.
    assert _subscription_notes(w.coordinator) == []


def test_following_a_program_and_twice_is_once(world):
    w = world
    first = ops.follow(w.expert, program="hcv")
    assert ops.follow(w.expert, program="hcv") is first
    db.session.commit()
    _approved_case(w, topics=())
    assert len(_subscription_notes(w.expert)) == 1
    added = db.session.query(AuditEvent).filter_by(action="subscription.added").all()
    assert len(added) == 1 and added[0].details == {"program_id": w.hcv.id}


def test_a_private_programs_case_never_notifies_someone_who_cannot_see_it(world):
    w = world
    _approved_case(w, w.closed, topics=("Buprenorphine",))
    for user in (w.outsider, w.member, w.expert):
        ops.follow(user, topic="Buprenorphine")
    db.session.commit()
    case = _approved_case(w, w.closed, topics=("Buprenorphine",))
    assert _subscription_notes(w.outsider) == []
    assert _subscription_notes(w.expert) == []  # a member of hcv only
    assert [n.url for n in _subscription_notes(w.member)] == [f"/cases/{case.id}"]
    # Nor may a non-member follow the private program itself.
    with pytest.raises(NotFound):
        ops.follow(w.outsider, program="perinatal")


def test_a_withdrawn_case_never_notifies_and_leaves_the_digest(world):
    w = world
    ops.follow(w.expert, program="hcv")
    db.session.commit()
    case = _approved_case(w)
    assert len(ops.digest(w.expert, "day")) == 1
    withdraw_case(case, "duplicate", actor=w.coordinator)
    db.session.commit()
    assert ops.digest(w.expert, "day") == []
    assert _subscription_notes(w.expert) == []
    # A withdrawn case announced again (e.g. by an import) tells nobody.
    assert ops.announce_case(case, actor=None) == 0


def test_leaving_a_private_program_takes_its_news_away(world):
    """A notification names the program and the case: once the reader has left the private
    program, it leaves the list, the unread count and the digest (and comes back on rejoining)."""
    from app.admin.operations import add_program_member, remove_program_member
    from app.notifications.operations import unread_count

    w = world
    ops.follow(w.member, topic="Buprenorphine")
    db.session.commit()
    case = _approved_case(w, w.closed, topics=("Buprenorphine",))
    assert [n.url for n in _subscription_notes(w.member)] == [f"/cases/{case.id}"]
    assert [n.case_id for n in _subscription_notes(w.member)] == [case.id]
    assert [n.program_id for n in _subscription_notes(w.member)] == [w.closed.id]
    assert unread_count(w.member) == 1 and len(ops.digest(w.member, "day")) == 1
    remove_program_member(SYSTEM, w.closed, w.member.id)
    db.session.commit()
    assert _subscription_notes(w.member) == []
    assert unread_count(w.member) == 0 and ops.digest(w.member, "day") == []
    add_program_member(SYSTEM, w.closed, w.member.email)
    db.session.commit()
    assert len(_subscription_notes(w.member)) == 1


def test_a_proposed_topic_is_followed_only_by_those_who_see_a_case_carrying_it(world, make_user):
    """A new topic typed on a case is proposed; until accepted, it may name what only a
    private program or a draft holds: following it by name must not tell it exists."""
    from app.admin.operations import accept_topic, retire_topic
    from app.programs.models import Topic, TopicStatus

    w = world
    draft = draft_case(
        w.closed,
        CaseData(title=TITLE, question="Taper?", topics=["Xylazine wound care"]),
        presenter=w.provider,
    )
    db.session.commit()
    topic = db.session.query(Topic).filter_by(name="Xylazine wound care").one()
    assert topic.status is TopicStatus.PROPOSED
    curator = make_user("admin")
    for user in (w.outsider, w.member, w.expert):  # a draft: none of them sees it
        with pytest.raises(NotFound, match="No topic has that name"):
            ops.follow(user, topic="Xylazine wound care")
    assert ops.follow(curator, topic="Xylazine wound care").topic_id == topic.id
    submit_case(draft, actor=w.provider)
    approve_case(draft, actor=w.coordinator)
    db.session.commit()
    assert ops.follow(w.member, topic="Xylazine wound care").topic_id == topic.id
    with pytest.raises(NotFound):  # approved, but in a program the outsider does not see
        ops.follow(w.outsider, topic="Xylazine wound care")
    accept_topic(SYSTEM, topic)
    db.session.commit()
    assert ops.follow(w.outsider, topic="Xylazine wound care").topic_id == topic.id
    retire_topic(SYSTEM, topic)
    db.session.commit()
    for user in (w.expert, curator):  # retired is gone from the vocabulary, for everyone
        with pytest.raises(NotFound):
            ops.follow(user, topic="Xylazine wound care")


def test_a_proposed_topic_followed_leaves_the_list_with_the_program(world):
    """A proposed topic known only from a private program's case: once the follower has left
    the program, their list no longer names it (it comes back on rejoining)."""
    from app.admin.operations import add_program_member, remove_program_member

    w = world
    _approved_case(w, w.closed, topics=("Xylazine wound care",))
    ops.follow(w.member, topic="Xylazine wound care")
    db.session.commit()
    assert [s.topic.name for s in ops.subscriptions_of(w.member)] == ["Xylazine wound care"]
    remove_program_member(SYSTEM, w.closed, w.member.id)
    db.session.commit()
    assert ops.subscriptions_of(w.member) == []
    add_program_member(SYSTEM, w.closed, w.member.email)
    db.session.commit()
    assert len(ops.subscriptions_of(w.member)) == 1


def test_replayed_history_tells_nobody(world, tmp_path):
    """A practices file (and a hub restore) replays proposals and status changes made long
    ago or elsewhere: followers are not told of them as news."""
    from app.practices.transfer import load_practices

    w = world
    ops.follow(w.expert, topic="Cirrhosis")
    ops.follow(w.expert, program="hcv")
    db.session.commit()
    path = tmp_path / "practices.yaml"
    path.write_text(
        "- title: Screen for HCC every six months\n"
        "  statement: Ultrasound every six months in cirrhosis.\n"
        "  topics: [Cirrhosis]\n"
        "  status: established\n"
        "  history:\n"
        "    - {status: emerging, reason: Discussed in two sessions.}\n",
        encoding="utf-8",
    )
    assert load_practices(path, actor=SYSTEM) == 1
    assert _subscription_notes(w.expert) == []
    with ops.replaying_history():
        case = _approved_case(w)
        assert ops.announce_case(case, actor=SYSTEM) == 0
    assert _subscription_notes(w.expert) == []
    assert ops.announce_case(case, actor=SYSTEM) == 1  # outside a replay, news again


def test_published_recommendations_and_practice_changes_reach_followers(world):
    w = world
    case = _approved_case(w, topics=("Cirrhosis",))
    ops.follow(w.outsider, topic="Cirrhosis")
    ops.follow(w.provider, topic="Cirrhosis")
    db.session.commit()
    schedule_case(case, w.session, actor=w.coordinator)
    mark_presented(case, w.session, actor=w.coordinator)
    rec = add_recommendation(case, w.expert, "Treat for 12 weeks.", "therapeutic", actor=w.expert)
    publish_recommendation(rec, actor=w.expert)
    db.session.commit()
    [note] = _subscription_notes(w.outsider)
    assert note.kind == "subscription.recommendation"
    assert note.url == f"/cases/{case.id}#rec-{rec.id}"
    practice = propose_practice(
        "Check HBV before DAAs",
        "Check HBsAg.",
        topics=["Cirrhosis"],
        author=w.expert,
        actor=w.expert,
    )
    change_status(practice, "emerging", reason="Discussed twice.", editor=w.expert, actor=w.expert)
    db.session.commit()
    kinds = [n.kind for n in _subscription_notes(w.outsider)]
    assert kinds.count("subscription.practice") == 2
    assert any("is now emerging" in n.message for n in _subscription_notes(w.provider))


def test_unfollowing_stops_notifications_and_only_the_owner_may(world):
    w = world
    subscription = ops.follow(w.expert, program="hcv")
    db.session.commit()
    with pytest.raises(NotFound):
        ops.unfollow(w.outsider, subscription.id)
    ops.unfollow(w.expert, subscription.id)
    db.session.commit()
    _approved_case(w)
    assert _subscription_notes(w.expert) == []


def test_the_digest_covers_a_day_or_a_week(world):
    w = world
    ops.follow(w.expert, program="hcv")
    db.session.commit()
    _approved_case(w)
    _approved_case(w)
    older = db.session.query(Notification).filter_by(kind="subscription.case").first()
    older.created_at = utcnow() - timedelta(days=3)
    db.session.commit()
    assert len(ops.digest(w.expert, "day")) == 1
    assert len(ops.digest(w.expert, "week")) == 2
    with pytest.raises(ValidationError):
        ops.digest(w.expert, "month")


def test_merging_a_topic_keeps_its_followers(world):
    from app.admin.operations import merge_topics
    from app.programs.operations import find_topic

    w = world
    _approved_case(w, topics=("Cirrhosis", "Liver scarring"))
    ops.follow(w.expert, topic="Liver scarring")
    ops.follow(w.outsider, topic="Liver scarring")
    ops.follow(w.outsider, topic="Cirrhosis")
    db.session.commit()
    merge_topics(SYSTEM, find_topic("Liver scarring"), "Cirrhosis")
    db.session.commit()
    cirrhosis = find_topic("Cirrhosis")
    followers = db.session.query(Subscription).filter_by(topic_id=cirrhosis.id).all()
    assert sorted(s.user_id for s in followers) == sorted([w.expert.id, w.outsider.id])


# --- The daily digest mail --------------------------------------------------------------------


def test_send_digests_mails_links_and_topic_names_once_a_day(app, world, smtp_sink):
    w = world
    ops.follow(w.expert, topic="Cirrhosis")
    ops.set_digest_preference(w.expert, True)
    ops.follow(w.outsider, topic="Cirrhosis")  # no mail asked for
    db.session.commit()
    case = _approved_case(w, topics=("Cirrhosis",))
    run = ops.send_digests()
    assert (run.sent, run.failed) == (1, 0)
    [received] = smtp_sink.received
    assert received.rcpt_tos == [w.expert.email]
    assert f"https://casebook.example.org/cases/{case.id}" in received.body
    assert "Cirrhosis" in received.body
    assert TITLE not in received.body and "Treat now" not in received.body
    again = ops.send_digests()
    assert (again.sent, again.skipped) == (0, 1) and len(smtp_sink.received) == 1


def test_a_failed_digest_is_tried_again_at_the_next_run(app, world, smtp_sink):
    w = world
    ops.follow(w.expert, program="hcv")
    ops.set_digest_preference(w.expert, True)
    db.session.commit()
    _approved_case(w)
    smtp_sink.refuse = True
    assert ops.send_digests().failed == 1
    delivery = db.session.query(DigestDelivery).one()
    assert delivery.sent_at is None and delivery.attempts == 1
    smtp_sink.refuse = False
    assert ops.send_digests().sent == 1
    db.session.expire_all()
    assert db.session.query(DigestDelivery).one().attempts == 2
    assert len(smtp_sink.received) == 1


def test_the_send_digests_command(app, world, smtp_sink):
    w = world
    ops.follow(w.expert, program="hcv")
    ops.set_digest_preference(w.expert, True)
    db.session.commit()
    _approved_case(w)
    result = app.test_cli_runner().invoke(args=["send-digests"])
    assert result.exit_code == 0 and "Digests sent: 1" in result.output
    app.config["CASEBOOK_SMTP_URL"] = ""
    result = app.test_cli_runner().invoke(args=["send-digests"])
    assert result.exit_code == 0 and "Mail delivery is off" in result.output


# --- Web and API ------------------------------------------------------------------------------


def test_follow_from_a_program_page_and_a_topic_search(app, client, world):
    w = world
    _approved_case(w, topics=("Cirrhosis",))
    sign_in(client, w.expert)
    page = client.get("/programs/hcv").get_data(as_text=True)
    assert "Follow Hepatitis C ECHO" in page
    response = client.post("/my/subscriptions", data={"program": "hcv", "next": "/programs/hcv"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/programs/hcv")
    assert "Unfollow" in client.get("/programs/hcv").get_data(as_text=True)
    search = client.get("/search?topic=Cirrhosis").get_data(as_text=True)
    assert "Follow Cirrhosis" in search
    client.post("/my/subscriptions", data={"topic": "cirrhosis"})
    listing = client.get("/my/subscriptions").get_data(as_text=True)
    assert "Cirrhosis" in listing and "Hepatitis C ECHO" in listing
    assert "Mail delivery is off" in listing


def test_a_topic_that_does_not_exist_is_named_and_kept(app, client, world):
    sign_in(client, world.expert)
    response = client.post("/my/subscriptions", data={"topic": "Nonexistentitis"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Nonexistentitis" in html and 'value="Nonexistentitis"' in html


def test_the_digest_page_shows_followed_news(app, client, world):
    w = world
    ops.follow(w.expert, program="hcv")
    db.session.commit()
    case = _approved_case(w)
    sign_in(client, w.expert)
    html = client.get("/my/digest").get_data(as_text=True)
    assert f"/cases/{case.id}" in html and TITLE not in html
    assert client.get("/my/digest?period=week").status_code == 200
    assert client.get("/my/digest?period=year").status_code == 422
    assert client.get("/my/digest", follow_redirects=False).status_code == 200
    client.post("/my/subscriptions/digest", data={"daily_email": "1"})
    assert ops.digest_preference(w.expert) is True


def test_pages_need_sign_in(client, world):
    for path in ("/my/subscriptions", "/my/digest"):
        assert client.get(path).status_code == 302
    assert client.post("/my/subscriptions", data={"program": "hcv"}).status_code == 302


def test_the_api_follows_lists_and_unfollows(app, client, world):
    w = world
    _approved_case(w, topics=("Cirrhosis",))
    headers = {"Authorization": f"Bearer {create_token(w.expert, actor=SYSTEM)}"}
    db.session.commit()
    created = client.post("/api/v1/me/subscriptions", json={"topic": "cirrhosis"}, headers=headers)
    assert created.status_code == 201 and created.get_json()["name"] == "Cirrhosis"
    client.post("/api/v1/me/subscriptions", json={"program": "hcv"}, headers=headers)
    listed = client.get("/api/v1/me/subscriptions", headers=headers).get_json()
    assert [s["kind"] for s in listed["results"]] == ["program", "topic"]
    assert listed["daily_email"] is False
    put = client.put("/api/v1/me/subscriptions/digest", json={"daily_email": True}, headers=headers)
    assert put.get_json()["daily_email"] is True
    for both_or_none in ({}, {"topic": "cirrhosis", "program": "hcv"}):
        bad = client.post("/api/v1/me/subscriptions", json=both_or_none, headers=headers)
        assert bad.status_code == 422 and bad.get_json()["message"]
    private = client.post(
        "/api/v1/me/subscriptions", json={"program": "perinatal"}, headers=headers
    )
    assert private.status_code == 404
    someone_else = {"Authorization": f"Bearer {create_token(w.outsider, actor=SYSTEM)}"}
    db.session.commit()
    theirs = client.delete(
        f"/api/v1/me/subscriptions/{created.get_json()['id']}", headers=someone_else
    )
    assert theirs.status_code == 404
    gone = client.delete(f"/api/v1/me/subscriptions/{created.get_json()['id']}", headers=headers)
    assert gone.status_code == 200
    again = client.delete(f"/api/v1/me/subscriptions/{created.get_json()['id']}", headers=headers)
    assert again.status_code == 404
    _approved_case(w)
    digest = client.get("/api/v1/me/digest?period=week", headers=headers).get_json()
    assert len(digest["results"]) == 1 and TITLE not in str(digest)


def test_a_withdrawn_case_leaves_the_news_of_a_coordinator_who_does_not_run_its_program(
    world, make_user
):
    """A coordinator of another program follows an open one and hears of its new case; once
    withdrawn, the case is read by its own program's review team only (`can_view_case`),
    so its notice (its number, program and topics) leaves that coordinator's list, unread
    count and digest too."""
    from app.notifications.operations import unread_count

    w = world
    elsewhere = make_user("coordinator", email="cleo@example.org", programs=["perinatal"])
    own = make_user("coordinator", email="owen@example.org", programs=["hcv"])
    for user in (elsewhere, own):
        ops.follow(user, program="hcv")
    db.session.commit()
    case = _approved_case(w)
    assert [n.case_id for n in _subscription_notes(elsewhere)] == [case.id]
    withdraw_case(case, "duplicate", actor=w.coordinator)
    db.session.commit()
    assert _subscription_notes(elsewhere) == []
    assert unread_count(elsewhere) == 0 and ops.digest(elsewhere, "day") == []
    # The program's own review team still opens it, and keeps its notice.
    assert [n.case_id for n in _subscription_notes(own)] == [case.id]
