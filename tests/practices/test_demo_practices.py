"""Best practices on the demo corpus, against the answers in cases/README.md."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.auth.policy import SYSTEM
from app.cases.operations import find_case_by_ref
from app.demo import _credentials_file
from app.extensions import db
from app.practices import grouping, queries
from app.practices.models import BestPractice
from tests.practices.hand_grouping import NEAR_MISSES, THEMES, UNCITED

NALOXONE = (
    "Co-prescribe naloxone with every opioid prescription for OUD or long-term opioid therapy"
)


def _key(recommendation) -> tuple[str, int]:
    return recommendation.case.ref, recommendation.position


def _theme_of(members: set[tuple[str, int]]) -> str | None:
    """The hand theme most of a group's judged members (theme members and listed near
    misses) belong to, if it recovers most of that theme."""
    best = max(THEMES, key=lambda t: len(members & set(THEMES[t])))
    overlap = members & set(THEMES[best])
    judged = {k for k in members if k in NEAR_MISSES or any(k in t for t in THEMES.values())}
    if len(overlap) * 2 > len(THEMES[best]) and len(overlap) * 2 > len(judged):
        return best
    return None


def test_demo_groups_timeline_and_pages(app, client, demo_data):

    # The grouping recovers the hand-made themes (figures reported in docs/practices.md),
    # each split into its public part and its private program's part: a private program's
    # recommendations group with their own program's only.
    groups = queries.recommendation_groups(SYSTEM)
    predicted = [[_key(r) for r in g.recommendations] for g in groups]
    judged = {k for members in THEMES.values() for k in members} | set(NEAR_MISSES)
    private = {ref for ref, _ in judged if find_case_by_ref(ref).program.private}
    themes = [
        part
        for members in THEMES.values()
        for part in (
            [k for k in members if k[0] not in private],
            [k for k in members if k[0] in private],
        )
        if len(part) >= 2
    ]
    precision, recall = grouping.pair_scores(
        [[k for k in g if k in judged] for g in predicted], themes
    )
    assert precision >= 0.85 and recall >= 0.85, (precision, recall)
    strict_precision, _ = grouping.pair_scores(predicted, themes)
    # 0.73 when private members were grouped with public ones (docs/practices.md).
    assert strict_precision >= 0.55, (precision, recall, strict_precision)

    # Candidates: the uncited themes, given in at least three sessions; never a cited theme.
    candidates = queries.candidate_groups(SYSTEM)
    found = {_theme_of({_key(r) for r in g.recommendations}) for g in candidates}
    assert found >= UNCITED
    assert not (found & (set(THEMES) - UNCITED))
    assert all(len(g.sessions) >= 3 and not g.cited_by for g in candidates)

    # The timeline of the naloxone practice: five sessions, oldest first, from its evidence.
    practice = db.session.scalar(select(BestPractice).where(BestPractice.title == NALOXONE))
    entries = queries.timeline(SYSTEM, practice)
    assert [(e.date.isoformat(), e.program.slug) for e in entries] == [
        ("2024-12-12", "oud"),
        ("2025-02-20", "chronic-pain"),
        ("2025-08-21", "chronic-pain"),
        ("2026-02-12", "oud"),
        ("2026-05-21", "chronic-pain"),
    ]
    assert [_key(r) for r, _ in entries[0].recommendations] == [("oud-001", 2)]
    assert entries[1].notes and "CDC guideline" in entries[1].notes[0]
    assert [c.ref for c, _ in entries[4].cases] == ["cp-009"]
    summary = queries.outcomes(SYSTEM, practice)
    assert summary.total == 3 and summary.adoption["adopted"] == 3

    # What cites what.
    assert practice in queries.practices_citing(find_case_by_ref("cp-009"), SYSTEM)
    assert practice in queries.practices_citing(
        find_case_by_ref("oud-001").recommendations[1], SYSTEM
    )
    assert practice in queries.practices_citing(find_case_by_ref("oud-001").first_session, SYSTEM)
    assert practice not in queries.practices_citing(
        find_case_by_ref("oud-001").recommendations[0], SYSTEM
    )

    # Related recommendations for a draft from one naloxone recommendation: other naloxone advice.
    seed = find_case_by_ref("oud-001").recommendations[1]
    related = queries.related_recommendations(SYSTEM, [seed])
    assert related and all(r.session.id != seed.case.first_session.id for r in related)
    assert sum(_key(r.recommendation) in THEMES["T1 naloxone"] for r in related) >= 6

    # Pages render for the demo expert.
    sign_in_demo(client, "expert@demo.casebook.example")
    page = client.get(f"/practices/{practice.id}")
    assert page.status_code == 200 and "Where it was discussed" in page.get_data(as_text=True)
    assert client.get("/practices").status_code == 200
    text = client.get("/practices/candidates").get_data(as_text=True)
    assert "low-dose" in text.lower()
    assert client.get(f"/practices/{practice.id}/versions").status_code == 200
    assert client.get(f"/practices/new?recommendation={seed.id}").status_code == 200


def sign_in_demo(client, email: str) -> None:
    """Sign in as a demo account with the password prepare_demo kept."""
    passwords = json.loads(_credentials_file().read_text())
    response = client.post("/sign-in", data={"email": email, "password": passwords[email]})
    assert response.status_code == 302
