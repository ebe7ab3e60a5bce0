"""SQL statements per request do not grow with the data: the main pages and API lists run
as many statements on a small hub as on one with several times more of everything (more
programs, sessions, cases, recommendations per case, annotations, follow-ups, practices).
An N+1 (a query per row shown) makes the larger count higher. Counts, never timings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from flask import g
from sqlalchemy import event, select

from app.auth.models import Role
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.models import CaseStatus
from app.cases.operations import CaseData, create_case, schedule
from app.extensions import db
from app.practices.operations import (
    add_evidence,
    change_status,
    edit_practice,
    propose_from_recommendations,
    propose_practice,
    record_dissent,
    take_stance,
)
from app.programs.operations import create_program, create_session, create_topic
from app.recommendations.models import Recommendation
from app.recommendations.operations import (
    add_recommendation,
    annotate,
    edit_recommendation,
    record_outcome,
)
from tests.conftest import sign_in
from tests.support.database import empty_database

START = date(2024, 1, 8)


@dataclass
class Hub:
    users: dict[str, object]
    slug: str
    session_number: int
    session_id: int
    case_id: int
    term: str
    practice_id: int
    follow_up_id: int = 0


def build_hub(make_user, n: int) -> Hub:
    """n programs (and a private one), each with n sessions of n cases (n recommendations
    each, edited once, with n annotations each), a follow-up of every case with outcomes,
    n practices endorsed and edited by n + 1 experts, each citing n recommendations
    and n cases (each with its first session, recommendations and their outcomes), and
    superseded by another (which queues the advice citing it for review)."""
    experts = [make_user(Role.EXPERT) for _ in range(n)]
    providers = [make_user(Role.PROVIDER) for _ in range(n)]
    topics = [
        create_topic(f"Condition {i}", synonyms=[f"Disorder {i}"], actor=SYSTEM).name
        for i in range(n)
    ]
    topics.append(create_topic("Hypertension", actor=SYSTEM).name)
    create_program("members-only", "Members only", private=True, actor=SYSTEM)
    # an endorser of every practice besides the experts, named to no one outside the program
    insider = make_user(Role.EXPERT, programs=["members-only"])
    first_case = first_session = first_follow_up = None
    cases, recommendations = [], []
    for p in range(n):
        program = create_program(f"program-{p}", f"Program {p}", actor=SYSTEM)
        for s in range(n):
            session = create_session(
                program,
                START + timedelta(weeks=s + p),
                didactic_topic="Blood pressure targets",
                didactic_presenter=experts[s % n].display_name,
                attendance_count=10 + s,
                topics=topics[: s + 1],
                actor=SYSTEM,
            )
            first_session = first_session or session
            for c in range(n):
                case = _case(program, providers[c % n], topics, f"{p}-{s}-{c}")
                first_case = first_case or case
                cases.append(case)
                schedule(case, session, presented=True, actor=SYSTEM)
                recs = []
                for r in range(n):
                    rec = add_recommendation(
                        case,
                        experts[r % n],
                        f"Start treatment {r}; review blood pressure in four weeks.",
                        "therapeutic",
                        references=["Guideline, 2022"],
                        publish=True,
                        imported=True,
                        actor=SYSTEM,
                    )
                    edit_recommendation(
                        rec,
                        body=rec.body + " Check kidney function.",
                        category="therapeutic",
                        references=rec.references,
                        editor=experts[r % n],
                        imported=True,
                        actor=SYSTEM,
                    )
                    for a in range(n):
                        annotate(
                            rec,
                            experts[a % n],
                            "agree",
                            f"Agree ({a}).",
                            imported=True,
                            actor=SYSTEM,
                        )
                    recs.append(rec)
                recommendations.extend(recs)
                follow_up = _case(program, providers[c % n], topics, f"{p}-{s}-{c}-f", case)
                first_follow_up = first_follow_up or follow_up
                schedule(follow_up, session, presented=True, actor=SYSTEM)
                for rec in recs:
                    record_outcome(
                        follow_up, rec, "adopted", "improved", imported=True, actor=SYSTEM
                    )
    practices = []
    for i in range(n):
        practice = propose_from_recommendations(
            recommendations[i : i + n],
            f"Practice {i}",
            "Treat to target and review every four weeks.",
            topics=topics[:n],
            author=experts[0],
            actor=SYSTEM,
        )
        add_evidence(practice, first_session, note="Didactic.", added_by=experts[0], actor=SYSTEM)
        for case in cases[:: n * n]:  # the first case of each program
            add_evidence(practice, case, note="The case.", added_by=experts[0], actor=SYSTEM)
        for expert in [*experts, insider]:
            take_stance(practice, "endorse", expert=expert, actor=SYSTEM)
        for k, expert in enumerate([*experts, insider]):  # n + 1 versions, each its editor
            edit_practice(
                practice,
                title=practice.title,
                statement=f"Treat to target and review every four weeks ({k}).",
                reason="Reworded.",
                editor=expert,
                actor=SYSTEM,
            )
        # a dissent from it, which the program's desk lists (naming the practice)
        record_dissent(recommendations[i], practice, "Differs here.", actor=SYSTEM)
        practices.append(practice)
    for i, practice in enumerate(practices):
        successor = propose_practice(
            f"Practice {i}, revised",
            "Treat to target and review every two weeks.",
            topics=topics[:n],
            author=experts[0],
            actor=SYSTEM,
        )
        add_evidence(successor, first_session, added_by=experts[0], actor=SYSTEM)
        change_status(
            practice,
            "superseded",
            reason="Revised.",
            editor=experts[0],
            superseded_by=successor,
            actor=SYSTEM,
        )
    db.session.commit()
    users = {
        "admin": make_user(Role.ADMIN),
        "provider": make_user(Role.PROVIDER, programs=["program-0"]),
        "expert": experts[0],
    }
    return Hub(
        users,
        "program-0",
        first_session.number,
        first_session.id,
        first_case.id,
        "blood pressure",
        practices[0].id,
        first_follow_up.id,
    )


def hub_of(worlds, make_user, n: int) -> Hub:
    """`build_hub(make_user, n)` as a world: built once per process, restored for every
    later test (of any file) that asks for a hub of that size."""
    return worlds(f"query-counts hub of {n}", lambda: build_hub(make_user, n))


def _case(program, presenter, topics, label, follows=None):
    return create_case(
        program,
        CaseData(
            title=f"Case {label}: hypertension despite two drugs",
            question="Which drug would you add next?",
            presentation="## History\n\nBlood pressure 160/95 on two drugs.",
            age=58,
            sex="female",
            topics=topics,
        ),
        presenter=presenter,
        status=CaseStatus.CLOSED,
        follows=follows,
        imported=True,
        actor=SYSTEM,
    )


def statements_per_page(app, client, hub: Hub, role: str) -> dict[str, int]:
    user = hub.users[role]
    sign_in(client, user)
    token = create_token(user, "counts", actor=SYSTEM)
    db.session.commit()
    bearer = {"Authorization": f"Bearer {token}"}
    recommendation = db.session.scalar(
        select(Recommendation.id)
        .where(Recommendation.case_id == hub.case_id)
        .order_by(Recommendation.id)
        .limit(1)
    )
    pages = {
        "home": ("/", {}),
        "program": (f"/programs/{hub.slug}", {}),
        "session": (f"/programs/{hub.slug}/sessions/{hub.session_number}", {}),
        "case": (f"/cases/{hub.case_id}", {}),
        "search": (f"/search?q={hub.term}", {}),
        "practices": ("/practices", {}),
        # each successor and endorser checked for the reader once per page, not once a row
        "practices csv": ("/practices?format=csv", {}),
        "practice": (f"/practices/{hub.practice_id}", {}),
        # each version's editor checked for the reader once per page, not once a version
        "practice versions": (f"/practices/{hub.practice_id}/versions", {}),
        "api practices": ("/api/v1/practices", bearer),
        "api practice": (f"/api/v1/practices/{hub.practice_id}", bearer),
        "api cases": ("/api/v1/cases", bearer),
        "api case": (f"/api/v1/cases/{hub.case_id}", bearer),
        # each outcome's recommendation loaded with the follow-up, not one by one
        "api outcomes": (f"/api/v1/cases/{hub.follow_up_id}/outcomes", bearer),
        "letter": (f"/cases/{hub.case_id}/letter", {}),
        "api recommendations": (f"/api/v1/cases/{hub.case_id}/recommendations", bearer),
        # each annotation's author loaded with the recommendation, not one by one
        "api recommendation": (f"/api/v1/recommendations/{recommendation}", bearer),
        "api annotations": (f"/api/v1/recommendations/{recommendation}/annotations", bearer),
        "api sessions": (f"/api/v1/programs/{hub.slug}/sessions", bearer),
        "api session": (f"/api/v1/sessions/{hub.session_id}", bearer),
        "api candidate practices": ("/api/v1/practices/candidates", bearer),
        "candidate practices": ("/practices/candidates", {}),
        # each naming practices the reader must still see
        "notifications": ("/notifications", {}),
    }
    if role != "provider":  # the queues of experts (their advice) and admins
        pages |= {
            "outdated": ("/outdated", {}),
            "api outdated": ("/api/v1/outdated-advice", bearer),
        }
    if role == "admin":
        pages |= {
            "desk": (f"/programs/{hub.slug}/desk", {}),
            "admin accounts": ("/admin/accounts", {}),
            "admin programs": ("/admin/programs", {}),
            "admin topics": ("/admin/topics", {}),
            "admin audit": ("/admin/audit?kind=accounts", {}),
            "api admin accounts": ("/api/v1/admin/accounts", bearer),
            "api admin topics": ("/api/v1/admin/topics", bearer),
            # Recurring questions at two sizes: tests/curriculum/test_figures.py (they need
            # a hub where questions recur).
            "topic shares csv": (
                "/curriculum/topics.csv?start=2024-01-01&end=2024-12-31&show=share",
                {},
            ),
            "teaching csv": ("/curriculum/teaching.csv?start=2024-01-01&end=2024-12-31", {}),
            "curriculum": ("/curriculum?start=2024-01-01&end=2024-12-31", {}),
            "api curriculum": ("/api/v1/curriculum?start=2024-01-01&end=2024-12-31", bearer),
            "api curriculum coverage": (
                "/api/v1/curriculum/coverage?start=2024-01-01&end=2024-12-31&per_page=2",
                bearer,
            ),
        }
    seen = [0]

    def count(*_):
        seen[0] += 1

    def get(url, headers):
        # As under a server: each request starts with an empty session and loads its user
        # (the fixture's app context would otherwise keep both from request to request).
        db.session.remove()
        g.pop("_login_user", None)
        return client.get(url, headers=headers).status_code

    counts = {}
    event.listen(db.engine, "before_cursor_execute", count)
    try:
        for name, (url, headers) in pages.items():
            assert get(url, headers) == 200, name  # warm-up: the search index, caches
            seen[0] = 0
            assert get(url, headers) == 200, name
            counts[name] = seen[0]
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return counts


@pytest.mark.parametrize("role", ["admin", "provider", "expert"])
def test_statements_per_request_do_not_grow_with_the_data(app, make_user, worlds, role):
    # Each hub is built once per process and restored for the other roles.
    small_hub = hub_of(worlds, make_user, 1)
    small = statements_per_page(app, app.test_client(), small_hub, role)
    db.session.remove()
    g.pop("_login_user", None)
    empty_database()
    larger_hub = hub_of(worlds, make_user, 3)
    larger = statements_per_page(app, app.test_client(), larger_hub, role)

    assert larger == small


def test_a_recommendation_reads_as_many_statements_whoever_wrote_and_annotated_it(
    app, make_user, client
):
    """Its author and its versions' editors are loaded with it: their reads do not depend on
    whether the same account also wrote an annotation (found in the session then) or not."""
    program = create_program("program-0", "Program 0", actor=SYSTEM)
    topic = create_topic("Hypertension", actor=SYSTEM).name
    author, other_author, editor = (make_user(Role.EXPERT) for _ in range(3))
    case = _case(program, make_user(Role.PROVIDER), [topic], "one")
    recommendations = {}
    # The first is edited and annotated by its author only; the second is written by one
    # account, edited by another and annotated by a third.
    for name, writer, editors, annotators in (
        ("by its author", author, [author], [author]),
        ("by others", other_author, [editor, other_author], [author]),
    ):
        rec = add_recommendation(
            case,
            writer,
            f"Start treatment ({name}).",
            "therapeutic",
            publish=True,
            imported=True,
            actor=SYSTEM,
        )
        for who in editors:
            edit_recommendation(
                rec,
                body=rec.body + " Check kidney function.",
                category="therapeutic",
                references=[],
                editor=who,
                imported=True,
                actor=SYSTEM,
            )
        for who in annotators:
            annotate(rec, who, "agree", "Agree.", imported=True, actor=SYSTEM)
        recommendations[name] = rec.id
    admin = make_user(Role.ADMIN)
    token = create_token(admin, "counts", actor=SYSTEM)
    db.session.commit()
    seen = [0]

    def count(*_):
        seen[0] += 1

    def statements(url: str) -> int:
        db.session.remove()
        g.pop("_login_user", None)
        assert client.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 200
        seen[0] = 0
        db.session.remove()
        g.pop("_login_user", None)
        assert client.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 200
        return seen[0]

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        counts = {
            suffix: {
                name: statements(f"/api/v1/recommendations/{i}{suffix}")
                for name, i in recommendations.items()
            }
            for suffix in ("", "/versions", "/annotations")
        }
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    for suffix, by_recommendation in counts.items():
        assert len(set(by_recommendation.values())) == 1, (suffix, by_recommendation)


def test_a_follow_ups_case_page_reads_as_many_statements_as_a_lone_cases(app, make_user, client):
    """Every presentation of the patient is loaded with the case, in the same statements
    (not read again for the thread, the patient's notices, or each one's first session), so
    the middle of a story of three reads as many statements as a case alone."""
    program = create_program("program-0", "Program 0", actor=SYSTEM)
    topics = [create_topic("Hypertension", actor=SYSTEM).name]
    presenter, expert = make_user(Role.PROVIDER), make_user(Role.EXPERT)
    lone = _case(program, presenter, topics, "alone")
    first = _case(program, presenter, topics, "first")
    middle = _case(program, presenter, topics, "middle", first)
    last = _case(program, presenter, topics, "last", middle)
    for n, case in enumerate((lone, first, middle, last)):
        session = create_session(program, START + timedelta(weeks=n), actor=SYSTEM)
        schedule(case, session, presented=True, actor=SYSTEM)
        add_recommendation(
            case, expert, "Start treatment.", "therapeutic", publish=True, actor=SYSTEM
        )
    admin = make_user(Role.ADMIN)
    db.session.commit()
    lone_id, middle_id = lone.id, middle.id
    sign_in(client, admin)
    seen = [0]

    def count(*_):
        seen[0] += 1

    def statements(case_id: int) -> int:
        for _ in range(2):  # the second, warm
            db.session.remove()
            g.pop("_login_user", None)
            seen[0] = 0
            assert client.get(f"/cases/{case_id}").status_code == 200
        return seen[0]

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        counts = {"lone": statements(lone_id), "middle": statements(middle_id)}
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert counts["middle"] == counts["lone"], counts
