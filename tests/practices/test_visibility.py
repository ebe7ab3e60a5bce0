"""What the practice pages count and cite is what the reader may see of the evidence."""

from __future__ import annotations

import re

from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices.operations import add_evidence, propose_practice
from tests.cases.test_views import as_user, text
from tests.support.builders import build_world


def test_counts_and_citations_come_only_from_evidence_the_reader_may_see(client, make_user):
    w = build_world(make_user)
    practice = propose_practice(
        "Co-prescribe naloxone", "Offer naloxone with opioids.", author=w.expert, actor=w.expert
    )
    add_evidence(practice, w.case, note="Open case.", added_by=w.expert, actor=SYSTEM)
    add_evidence(
        practice, w.private_case, note="Third-trimester increase.", added_by=w.expert, actor=SYSTEM
    )
    add_evidence(
        practice,
        w.draft,
        note="A draft on the second session's agenda.",
        added_by=None,
        actor=SYSTEM,
    )
    db.session.commit()
    session_page = f"/programs/hcv/sessions/{w.second.number}"

    expected = {w.provider: 1, w.member: 2, w.other_provider: 2, w.admin: 3}
    for user, count in expected.items():
        as_user(client, user)
        listing = text(client.get("/practices"))
        shown = re.findall(r"(\d+) evidence links?", listing)
        assert shown == [str(count)], user.email
        api = client.get(f"/practices/{practice.id}")
        assert api.status_code == 200
        # The second session's agenda holds the draft, the practice's only tie to it.
        cited = "Cited by best practices" in text(client.get(session_page))
        assert cited == (user in (w.other_provider, w.admin)), user.email


def test_the_list_counts_evidence_in_the_database_as_the_rule_reads_each_link(make_user):
    from sqlalchemy import event, select

    from app.practices.models import EvidenceLink
    from app.practices.queries import can_view_evidence, visible_evidence_counts
    from app.recommendations.models import Recommendation, RecommendationStatus

    w = build_world(make_user)
    practice = propose_practice(
        "Co-prescribe naloxone", "Offer naloxone with opioids.", author=w.expert, actor=w.expert
    )
    draft_rec = db.session.scalars(
        select(Recommendation).where(Recommendation.status == RecommendationStatus.DRAFT)
    ).first()
    targets = [w.case, w.private_case, w.draft, w.rec, draft_rec, w.first, w.closed_session]
    for target in targets:
        add_evidence(practice, target, note="", added_by=None, actor=SYSTEM)
    db.session.commit()
    links = list(db.session.scalars(select(EvidenceLink)))
    readers = [w.provider, w.other_provider, w.expert, w.member, w.admin, SYSTEM]
    expected = [sum(can_view_evidence(u, link) for link in links) for u in readers]
    assert len(set(expected)) > 2  # the readers see different evidence

    db.session.expire_all()
    loaded: list[object] = []

    def seen(target: object, *_: object) -> None:
        loaded.append(target)

    for name in ("load", "refresh"):  # read anew, or into an expired link
        event.listen(EvidenceLink, name, seen)
    try:
        counts = [visible_evidence_counts(u, [practice])[practice.id] for u in readers]
    finally:
        for name in ("load", "refresh"):
            event.remove(EvidenceLink, name, seen)
    assert counts == expected
    # counted by the database: a hub's practices cite thousands of links
    assert loaded == []


def test_the_list_checks_each_link_by_key_on_postgresql(make_user):
    """A practice list's evidence counts look each link's session, case or recommendation up
    by its key: PostgreSQL hashed every visible case and recommendation of the hub instead
    (0.8 s at 50,000 cases for 2,500 links)."""
    import pytest
    from sqlalchemy import event

    from app.practices.queries import visible_evidence_counts

    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's planner")
    w = build_world(make_user)
    practice = propose_practice(
        "Co-prescribe naloxone", "Offer naloxone with opioids.", author=w.expert, actor=w.expert
    )
    for target in [w.case, w.private_case, w.rec, w.first]:
        add_evidence(practice, target, note="", added_by=None, actor=SYSTEM)
    db.session.commit()
    seen: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, executemany):
        if "evidence_links" in statement:
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        for reader in (w.provider, w.admin):
            visible_evidence_counts(reader, [practice])
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)

    assert len(seen) == 2
    with db.engine.connect() as conn:
        for statement, parameters in seen:
            plan = "\n".join(
                row[0] for row in conn.exec_driver_sql(f"EXPLAIN {statement}", parameters)
            )
            assert "SubPlan" in plan, plan
            assert "hashed SubPlan" not in plan, plan
