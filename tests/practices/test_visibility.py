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
