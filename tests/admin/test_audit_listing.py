"""The admin audit page lists events of every record of a kind: a coordinator outside a
private program reads them as they would read each record's own trail."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, select

from app.admin.operations import merge_topics
from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import find_topic, resolve_topics
from tests.conftest import PASSWORD, page_as
from tests.support.builders import add_case, build_world, practice_citing_private_evidence


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.outsider = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    w.private_expert = make_user("expert", email="pia@example.org", programs=["perinatal-sud"])
    db.session.commit()
    return w


def _audit(app, who, kind: str) -> str:
    response = page_as(app, who, f"/admin/audit?kind={kind}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_programs_a_private_programs_events_are_not_listed(app, world) -> None:
    link = f"/audit/program/{world.perinatal.id}"
    assert link in _audit(app, world.admin, "programs")
    shown = _audit(app, world.outsider, "programs")
    assert link not in shown and "<dt>private</dt><dd>True</dd>" not in shown
    assert f"/audit/program/{world.hcv.id}" in shown


def test_topics_a_merge_counts_no_private_case(app, world) -> None:
    add_case(world.perinatal, world.member, "Closed case", topics=resolve_topics(["Numbatcough"]))
    db.session.commit()
    merge_topics(SYSTEM, find_topic("Numbatcough"), "Hepatitis C")
    db.session.commit()
    assert "<dt>cases</dt><dd>1</dd>" in _audit(app, world.admin, "topics")
    shown = _audit(app, world.outsider, "topics")
    assert "topic.merged" in shown
    assert "<dt>cases</dt>" not in shown and "<dt>sessions</dt>" not in shown


def test_practices_evidence_on_a_private_case_and_its_citer_are_not_listed(app, world) -> None:
    w = world
    practice_citing_private_evidence(w, w.private_expert)
    seen = _audit(app, w.admin, "practices")
    assert seen.count("practice.evidence_added") == 3 and "practice.evidence_removed" in seen
    assert w.private_expert.display_name in seen and "<dt>count</dt>" in seen
    shown = _audit(app, w.outsider, "practices")
    assert shown.count("practice.evidence_added") == 1
    assert "practice.evidence_removed" not in shown
    assert w.private_expert.display_name not in shown
    assert "advice_queued" in shown and "<dt>count</dt>" not in shown


def test_practices_pages_and_total_count_only_the_events_a_coordinator_may_read(app, world) -> None:
    """Hidden events filtered after paging left short pages and a total counting them:
    the gaps told an outsider that events about what they may not see exist."""
    from app.admin.operations import audit_events
    from app.audit.models import AuditEvent
    from app.audit.operations import visible_events

    w = world
    practice_citing_private_evidence(w, w.private_expert)
    every = list(
        db.session.scalars(select(AuditEvent).where(AuditEvent.entity_type == "best_practices"))
    )
    readable = len(visible_events(w.outsider, every))
    assert readable < len(every)
    count = -(-readable // 2)
    pages = [audit_events(w.outsider, "practices", per_page=2)]
    while pages[-1].has_next:
        pages.append(
            audit_events(w.outsider, "practices", per_page=2, older_than=pages[-1].older_than)
        )
    # Not counted for a coordinator (it would mean reading every event): Older / Newer only.
    assert all(p.total is None for p in pages)
    assert len(pages) == count
    shown = [len(p.items) for p in pages]
    assert sum(shown) == readable and all(n == 2 for n in shown[:-1])
    # Newer from the last page gives the page before it again.
    back = audit_events(w.outsider, "practices", per_page=2, newer_than=pages[-1].newer_than)
    assert back.items == pages[-2].items


def test_topics_a_private_programs_coordinator_is_not_named_to_an_outsider(app, world) -> None:
    """A topic a private program's case proposed, accepted by that program's coordinator:
    the event stays (the topic is the shared vocabulary now), who accepted it does not (a
    person known only to the private program)."""
    from app.admin.operations import accept_topic
    from app.auth.operations import create_user
    from app.auth.policy import SYSTEM

    w = world
    private_coordinator = create_user(
        "pete@example.org",
        "Pete Pomander",
        "coordinator",
        password=PASSWORD,
        program_slugs=["perinatal-sud"],
        actor=SYSTEM,
    )
    add_case(w.perinatal, w.member, "Closed case", topics=resolve_topics(["Numbatcough"]))
    db.session.commit()
    topic = find_topic("Numbatcough")
    accept_topic(private_coordinator, topic)
    db.session.commit()
    assert "Pete Pomander" in _audit(app, w.admin, "topics")
    shown = _audit(app, w.outsider, "topics")
    assert "topic.accepted" in shown and "Pete Pomander" not in shown
    trail = page_as(app, w.outsider, f"/audit/topic/{topic.id}").get_data(as_text=True)
    assert "topic.accepted" in trail and "Pete Pomander" not in trail


def _practice_events(world, n: int):
    """A practice with `n` more events (told apart by their details), all committed."""
    from app.audit.operations import record
    from tests.support.builders import hbv_practices

    practice, _ = hbv_practices(world.expert)
    for i in range(n):
        record(SYSTEM, "practice.reviewed", practice, n=i)
    db.session.commit()
    return practice


def _reading(app, who, url: str) -> tuple[str, int, int]:
    """The page, with how many statements it ran and how many audit events it loaded."""
    from app.audit.models import AuditEvent

    statements, rows = [0], [0]

    def on_statement(*_):
        statements[0] += 1

    def on_load(*_):
        rows[0] += 1

    for held in [o for o in db.session if isinstance(o, AuditEvent)]:
        db.session.expunge(held)  # an event already in the session is not loaded again
    event.listen(db.engine, "before_cursor_execute", on_statement)
    event.listen(AuditEvent, "load", on_load)
    try:
        response = page_as(app, who, url)
    finally:
        event.remove(db.engine, "before_cursor_execute", on_statement)
        event.remove(AuditEvent, "load", on_load)
    assert response.status_code == 200
    return response.get_data(as_text=True), statements[0], rows[0]


def _step(html: str, rel: str) -> str:
    """The address of the page's Newer ("prev") or Older ("next") link."""
    found = re.search(rf'href="([^"]+)" rel="{rel}"', html)
    assert found, f"no {rel} link"
    return found.group(1).replace("&amp;", "&")


def test_a_coordinators_audit_page_reads_its_depth_not_every_event(app, world) -> None:
    """Each page view loaded every event of the kind to filter them: with years of
    practice events, thousands of rows per view. Now chunks are read only until the page
    and one more are found. Counts, never timings."""
    _practice_events(world, 2000)
    shown, statements, rows = _reading(app, world.outsider, "/admin/audit?kind=practices")
    assert shown.count("practice.reviewed") == 50 and 'rel="next"' in shown
    assert "<dt>n</dt><dd>1999</dd>" in shown and "<dt>n</dt><dd>1950</dd>" in shown
    assert 'rel="prev"' not in shown
    assert rows <= 200


def test_every_page_of_a_coordinators_audit_costs_the_same(app, world) -> None:
    """Older led to page N, which read the 50 * N events above it again (page 30 of a
    hub's trail: 1,500 rows a view). The link now carries the last event shown, and a page
    reads from there. Counts, never timings."""
    _practice_events(world, 2000)
    shown, _, _ = _reading(app, world.outsider, "/admin/audit?kind=practices")
    costs = []
    for _ in range(8):
        shown, statements, rows = _reading(app, world.outsider, _step(shown, "next"))
        costs.append((statements, rows))
    # the eighth Older: events 1599 to 1550 (the ninth page), no deeper read than the second
    assert "<dt>n</dt><dd>1599</dd>" in shown and "<dt>n</dt><dd>1550</dd>" in shown
    assert "<dt>n</dt><dd>1600</dd>" not in shown and "<dt>n</dt><dd>1549</dd>" not in shown
    # a chunk, and the event the page starts from (checked to be one the page lists)
    assert all(rows <= 201 for _, rows in costs)
    assert len({statements for statements, _ in costs}) == 1
    newer, _, _ = _reading(app, world.outsider, _step(shown, "prev"))
    assert "<dt>n</dt><dd>1649</dd>" in newer and "<dt>n</dt><dd>1600</dd>" in newer
    assert "<dt>n</dt><dd>1599</dd>" not in newer and "<dt>n</dt><dd>1650</dd>" not in newer


def test_a_coordinators_oldest_audit_page_offers_no_older_step(app, world) -> None:
    _practice_events(world, 60)
    first, _, _ = _reading(app, world.outsider, "/admin/audit?kind=practices")
    shown, _, _ = _reading(app, world.outsider, _step(first, "next"))
    assert "<dt>n</dt><dd>0</dd>" in shown and 'rel="next"' not in shown
    assert 'rel="prev"' in shown
    # Newer from there is the newest page, full.
    newest, _, _ = _reading(app, world.outsider, _step(shown, "prev"))
    assert newest.count("practice.reviewed") == first.count("practice.reviewed")
    assert 'rel="prev"' not in newest


def test_a_coordinators_audit_page_from_a_bad_or_foreign_event_is_the_newest(app, world) -> None:
    _practice_events(world, 60)
    newest, _, _ = _reading(app, world.outsider, "/admin/audit?kind=practices")
    for older in ("abc", "-3", "99999999999", str(world.admin.id)):
        shown, _, _ = _reading(app, world.outsider, f"/admin/audit?kind=practices&older={older}")
        assert shown.count("practice.reviewed") == newest.count("practice.reviewed")


def test_a_coordinators_audit_page_from_a_hidden_event_is_as_from_no_event(app, world) -> None:
    """Older / Newer from the id of an event the page hides (evidence citing a private
    case, an event about a practice gone) started there, unlike a made-up id: probing ids
    told which were hidden events, and when they happened."""
    from app.admin.operations import audit_events
    from app.audit.models import AuditEvent
    from app.audit.operations import record, visible_events
    from app.pagination import Window

    w = world
    practice = practice_citing_private_evidence(w, w.private_expert)
    for i in range(3):  # so that a page newer than a hidden event is not the newest
        record(SYSTEM, "practice.reviewed", practice, n=i)
    gone = record(SYSTEM, "practice.reviewed", entity_type="best_practices", entity_id=999_999)
    db.session.commit()
    every = list(
        db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_type == "best_practices")
            .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        )
    )
    seen = {entry.event_id for entry in visible_events(w.outsider, every)}
    hidden = [e.id for e in every if e.id not in seen]
    assert gone.id in hidden and len(hidden) > 1
    # the same reading in both directions: from no event, the newest page
    made_up = max(e.id for e in every) + 1000

    def listing(start: dict[str, int]):
        window = audit_events(w.outsider, "practices", per_page=2, **start)
        assert isinstance(window, Window)
        return (
            [(e.event_id, e.action) for e in window.items],
            window.has_previous,
            window.has_next,
            window.newer_than,
            window.older_than,
        )

    for direction in ("older_than", "newer_than"):
        expected = listing({direction: made_up})
        assert expected[1] is False
        for event_id in hidden:
            assert listing({direction: event_id}) == expected, (direction, event_id)


def test_evidence_taken_back_a_chunk_later_is_still_listed(app, world) -> None:
    """Read in chunks, a link's removal (newer) and its citing (older) may fall in
    different chunks, or pages: the citing of an open case must still be listed, as on its
    trail."""
    from app.audit.operations import record
    from app.practices.operations import add_evidence, remove_evidence
    from tests.support.builders import hbv_practices

    w = world
    practice, _ = hbv_practices(w.expert)
    link = add_evidence(practice, w.case, added_by=w.expert, actor=w.expert)
    for i in range(250):
        record(SYSTEM, "practice.reviewed", practice, n=i)
    db.session.commit()
    remove_evidence(link, actor=w.expert)
    db.session.commit()
    shown, _, _ = _reading(app, w.outsider, "/admin/audit?kind=practices")
    while "practice.evidence_added" not in shown and 'rel="next"' in shown:
        shown, _, _ = _reading(app, w.outsider, _step(shown, "next"))
    assert "practice.evidence_added" in shown


def test_a_coordinators_practice_events_cost_the_same_however_much_evidence(app, world) -> None:
    """Each evidence event looked its link, the link's case and the case's program up
    alone: a page of practice events ran about 350 statements on a generated hub."""
    from app.practices.operations import add_evidence
    from tests.support.builders import hbv_practices

    w = world
    practice, _ = hbv_practices(w.expert)

    def cite(n: int) -> None:
        for i in range(n):
            case = add_case(w.hcv, w.provider, f"Cited case {i}")
            add_evidence(practice, case, added_by=w.expert, actor=w.expert)
        db.session.commit()

    cite(3)
    _, few, _ = _reading(app, w.outsider, "/admin/audit?kind=practices")
    cite(30)
    _, many, _ = _reading(app, w.outsider, "/admin/audit?kind=practices")
    assert many == few
