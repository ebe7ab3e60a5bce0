"""Candidate practices at size: a large group shows its most typical members and says how
many it has (its proposal and the CSV keep them all); the API pages the groups and names
every member; a private program's member is counted only for its members."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from app.api import schemas
from app.api.practices import _rec_ref
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices import groups, queries
from app.programs.operations import create_program, create_session, find_program
from app.recommendations.models import Recommendation
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
    real = queries._visible_detail

    def deleted_meanwhile(*args):
        found = real(*args)
        for group in found.values():
            group.members = [(rec_id + 10**6, c) for rec_id, c in group.members]
        return found

    monkeypatch.setattr(queries, "_visible_detail", deleted_meanwhile)
    token = create_token(make_user("expert"), "api", actor=SYSTEM)
    db.session.commit()
    body = client.get(
        "/api/v1/practices/candidates", headers={"Authorization": f"Bearer {token}"}
    ).get_json()
    assert (body["total"], body["results"]) == (0, [])


def _second_idea(make_user) -> None:
    """Another idea, given in three sessions of the public program (after `_large_group`)."""
    oud = find_program("oud")
    presenter, expert = make_user("provider", programs=["oud"]), make_user("expert")
    for n in range(3):
        session = create_session(oud, date(2026, 10, 1 + n), title=f"Sleep {n}", actor=SYSTEM)
        case = add_case(oud, presenter, f"Snoring and fatigue {n}", session=session)
        add_recommendation(case, expert, "Check for **sleep apnea** with a home sleep study.")
    db.session.commit()
    groups.refresh()


def test_the_page_shows_a_page_of_groups_and_links_the_others(app, make_user, client, monkeypatch):
    _large_group(make_user)
    _second_idea(make_user)
    monkeypatch.setattr(queries, "CANDIDATE_PAGE", 1, raising=False)
    as_user(client, make_user("expert"))

    first = client.get("/practices/candidates").get_data(as_text=True)
    assert first.count('class="panel candidate"') == 1
    assert "naloxone" in first and "sleep apnea" not in first  # the most discussed first
    assert '<ol class="candidate-list" start="1">' in first
    assert "Groups 1 to 1 of 2." in first
    assert 'href="/practices/candidates?page=2" rel="next"' in first

    second = client.get("/practices/candidates?page=2").get_data(as_text=True)
    assert second.count('class="panel candidate"') == 1
    assert "sleep apnea" in second and "naloxone" not in second
    assert '<ol class="candidate-list" start="2">' in second
    assert 'href="/practices/candidates?page=1" rel="prev"' in second
    # past the end: the last page; the CSV keeps every group
    assert client.get("/practices/candidates?page=9").get_data(as_text=True) == second
    rows = list(csv.reader(io.StringIO(client.get("/practices/candidates?format=csv").text)))
    assert {row[0] for row in rows[1:]} == {"1", "2"}


def test_the_api_gives_each_member_as_a_recommendation_reference(app, make_user, client):
    """Members are read as columns: the API gives each as it gives the recommendation."""
    _large_group(make_user)
    _second_idea(make_user)
    token = create_token(make_user("admin"), "api", actor=SYSTEM)
    db.session.commit()
    body = client.get(
        "/api/v1/practices/candidates", headers={"Authorization": f"Bearer {token}"}
    ).get_json()
    members = [r for group in body["results"] for r in group["recommendations"]]
    assert len(members) == 5 + 3
    for member in members:
        recommendation = db.session.get(Recommendation, member["id"])
        expected = schemas.RecommendationRef(**_rec_ref(recommendation))
        assert member == expected.model_dump(mode="json")
        assert member["session"] is not None and member["author"]


def _counted_per_program() -> dict[tuple[int, int], tuple[int, int]]:
    """Each stored group's members counted per program from the member rows."""
    from sqlalchemy import func, select

    from app.cases.models import Case
    from app.practices.models import RecommendationGroupMember as Member

    rows = db.session.execute(
        select(Member.group_id, Case.program_id, func.count(), func.min(Member.recommendation_id))
        .join(Recommendation, Recommendation.id == Member.recommendation_id)
        .join(Case, Case.id == Recommendation.case_id)
        .group_by(Member.group_id, Case.program_id)
    )
    return {(g, p): (n, first) for g, p, n, first in rows}


def test_the_refresh_keeps_each_groups_members_counted_per_program(app, make_user):
    _large_group(make_user)
    kept = groups.program_counts()
    assert kept == _counted_per_program()
    assert sorted(n for n, _ in kept.values()) == [7]  # the private one alone makes no group
    _second_idea(make_user)  # refreshes
    kept = groups.program_counts()
    assert kept == _counted_per_program()
    assert sorted(n for n, _ in kept.values()) == [3, 7]


def _readers(make_user, member):
    from app.auth.policy import SYSTEM as system

    return [system, make_user("expert"), make_user("admin"), make_user("curriculum"), member]


def _allowed(user):
    from sqlalchemy import select

    from app.auth import policy
    from app.programs.models import Program

    return policy.visible_program_ids(user, list(db.session.scalars(select(Program))))


def test_the_ranking_from_the_kept_counts_equals_the_members_counted(app, make_user):
    from app.practices.operations import add_evidence, propose_practice

    member = _large_group(make_user)
    _second_idea(make_user)
    # A private idea its program's members see alone, and a cited public one.
    peri = find_program("perinatal-sud")
    presenter, expert = make_user("provider", programs=["perinatal-sud"]), make_user("expert")
    for n in range(3):
        session = create_session(peri, date(2026, 11, 1 + n), title=f"Iron {n}", actor=SYSTEM)
        case = add_case(peri, presenter, f"Anaemia in pregnancy {n}", session=session)
        add_recommendation(case, expert, "Give **iron sucrose** for anaemia in pregnancy.")
    db.session.commit()
    groups.refresh()
    sleep = next(g for g in queries.candidate_groups(SYSTEM) if "apnea" in g.label.lower())
    practice = propose_practice("Sleep apnea", "Check for it.", author=expert, actor=expert)
    cited = db.session.get(Recommendation, sleep.recommendations[0].id)
    add_evidence(practice, cited, note="Given three times.", added_by=expert, actor=SYSTEM)
    db.session.commit()

    seen = set()
    for user in _readers(make_user, member):
        allowed = _allowed(user)
        stored = sorted(queries._stored_counts(allowed, user))
        assert stored == sorted(queries._counted_members(allowed, user))
        seen.add((len(stored), sum(c for *_, c in stored)))
    # every reader: the naloxone and the cited sleep apnea groups; the private program's
    # readers also its iron group
    assert seen == {(2, 1), (3, 1)}


def _assert_kept_counts_exact(readers) -> None:
    for user in readers:
        allowed = _allowed(user)
        stored = sorted(queries._stored_counts(allowed, user))
        assert stored == sorted(queries._counted_members(allowed, user)), user


@pytest.mark.app_config(CASEBOOK_GROUPS_REFRESH="off")
def test_changes_not_yet_grouped_count_only_their_groups_afresh(app, make_user, monkeypatch):
    """While a change waits for the refresh (or a refresh runs), the kept counts of the
    groups it touches may be out of date: those groups alone are counted over the members
    the reader sees; the ranking never counts every member."""
    from sqlalchemy import func, select

    from app.cases.models import Case
    from app.common import utcnow
    from app.practices.models import GroupingState, GroupKind, RecommendationGroupChange

    changes = select(func.count()).select_from(RecommendationGroupChange)

    _large_group(make_user)
    expert = make_user("expert")
    counted = []
    real = queries._counted_members

    def spy(allowed, user, only=None):
        counted.append(only is not None)
        return real(allowed, user, only)

    monkeypatch.setattr(queries, "_counted_members", spy)

    def naloxone_count() -> int:
        (group,) = queries.candidate_groups(expert)
        return group.size

    assert (naloxone_count(), counted) == (7, [True])  # from the kept counts
    case = db.session.scalars(select(Case).where(Case.title == "Chronic opioid case 0")).one()
    case.withdrawn_at = utcnow()
    db.session.commit()
    assert groups.is_stale(GroupKind.RECOMMENDATIONS)
    assert db.session.scalar(changes) == 1
    assert (naloxone_count(), counted[1:]) == (6, [True])  # the kept 7 would count it
    groups.refresh()
    assert db.session.scalar(changes) == 0
    assert (naloxone_count(), counted[2:]) == (6, [True])
    # A refresh under way has cleared the marks before it stores its groups.
    db.session.get(GroupingState, GroupKind.RECOMMENDATIONS).lease_token = 1
    db.session.commit()
    assert (naloxone_count(), counted[3:]) == (6, [True])
    assert counted == [True] * 4


@pytest.mark.app_config(CASEBOOK_GROUPS_REFRESH="off")
def test_the_kept_counts_stay_exact_through_every_change_of_who_sees_a_member(
    app, make_user, monkeypatch
):
    """After each change that moves a grouped recommendation in or out of a reader's view
    (withdrawal and restoring, a case sent back to review, a move to another program,
    unpublishing, deletions), and across a refresh that computed before a change and
    stored after it, the ranking's counts equal a count of every visible member."""
    from sqlalchemy import select

    from app.cases.models import Case, CaseStatus
    from app.common import utcnow
    from app.recommendations.models import RecommendationStatus

    member = _large_group(make_user)
    _second_idea(make_user)
    oud = find_program("oud")
    presenter = make_user("provider", programs=["oud"])
    expert = make_user("expert")
    # A published recommendation on an approved case: it can still go back to review.
    for n in range(3):
        session = create_session(oud, date(2026, 10, 1 + n), title=f"Naloxone {n}", actor=SYSTEM)
        case = add_case(oud, presenter, f"Approved case {n}", session=session)
        case.status = CaseStatus.APPROVED
        add_recommendation(case, expert, ADVICE)
    db.session.commit()
    groups.refresh()
    readers = [*_readers(make_user, member), presenter]
    _assert_kept_counts_exact(readers)

    def case(title: str) -> Case:
        return db.session.scalars(select(Case).where(Case.title == title)).one()

    def advice(title: str) -> Recommendation:
        return case(title).recommendations[0]

    def withdraw() -> None:
        case("Chronic opioid case 1").withdrawn_at = utcnow()

    def restore() -> None:
        case("Chronic opioid case 1").withdrawn_at = None

    def send_back() -> None:
        case("Approved case 0").status = CaseStatus.RETURNED

    def move() -> None:
        case("Chronic opioid case 2").program = find_program("perinatal-sud")

    def unpublish() -> None:
        advice("Chronic opioid case 3").status = RecommendationStatus.DRAFT

    def delete_advice() -> None:
        db.session.delete(advice("Chronic opioid case 4"))

    def delete_case() -> None:
        db.session.delete(case("Chronic opioid case 5"))

    for change in (withdraw, send_back, move, unpublish, restore, delete_advice, delete_case):
        change()
        db.session.commit()
        _assert_kept_counts_exact(readers)

    # A change committed while a refresh computes is not in what it stores: it stays
    # recorded, and its groups are still counted afresh.
    compute = groups.COMPUTE[groups.GroupKind.RECOMMENDATIONS]

    def computing_then_changed(progress):
        computed = compute(progress)
        advice("Approved case 1").status = RecommendationStatus.DRAFT
        db.session.commit()
        return computed

    monkeypatch.setitem(groups.COMPUTE, groups.GroupKind.RECOMMENDATIONS, computing_then_changed)
    groups.refresh()
    _assert_kept_counts_exact(readers)
    monkeypatch.undo()
    groups.refresh()
    _assert_kept_counts_exact(readers)


@pytest.mark.app_config(CASEBOOK_GROUPS_REFRESH="off")
def test_a_case_withdrawn_while_a_refresh_groups_its_new_advice_is_counted_afresh(
    app, make_user, monkeypatch
):
    """A case opened after the last refresh is in no stored group; withdrawn while a
    refresh computes (which saw it open and groups its advice), its change is recorded all
    the same, so the group the refresh stores is counted over its members, not from the
    kept count that includes the withdrawn advice."""
    from sqlalchemy import select

    from app.cases.models import Case, CaseStatus
    from app.common import utcnow

    member = _large_group(make_user)
    oud = find_program("oud")
    presenter = make_user("provider", programs=["oud"])
    expert = make_user("expert")
    session = create_session(oud, date(2026, 10, 1), title="Naloxone late", actor=SYSTEM)
    late = add_case(oud, presenter, "Opened after the refresh", session=session)
    late.status = CaseStatus.APPROVED
    add_recommendation(late, expert, ADVICE)
    db.session.commit()
    readers = [*_readers(make_user, member), presenter]
    compute = groups.COMPUTE[groups.GroupKind.RECOMMENDATIONS]

    def computing_then_withdrawn(progress):
        computed = compute(progress)
        case = db.session.scalars(select(Case).where(Case.title == late.title)).one()
        case.withdrawn_at = utcnow()
        db.session.commit()
        return computed

    monkeypatch.setitem(groups.COMPUTE, groups.GroupKind.RECOMMENDATIONS, computing_then_withdrawn)
    groups.refresh([groups.GroupKind.RECOMMENDATIONS])
    # The stored group holds the withdrawn case's advice (computed before the withdrawal).
    assert sorted(n for n, _ in groups.program_counts().values()) == [8]
    _assert_kept_counts_exact(readers)
    monkeypatch.undo()
    groups.refresh()
    _assert_kept_counts_exact(readers)


@pytest.mark.app_config(CASEBOOK_GROUPS_REFRESH="off")
def test_advice_deleted_while_a_refresh_computes_is_left_out_of_what_it_stores(
    app, make_user, monkeypatch
):
    """A grouped recommendation deleted (on its own, or with its case) after the refresh
    read it: the refresh stores its groups without it, and their kept counts are exact
    (before, storing its member row failed the refresh)."""
    from sqlalchemy import select

    from app.cases.models import Case

    member = _large_group(make_user)
    readers = _readers(make_user, member)
    compute = groups.COMPUTE[groups.GroupKind.RECOMMENDATIONS]

    def computing_then_deleted(progress):
        computed = compute(progress)
        for title in ("Chronic opioid case 0", "Chronic opioid case 1"):
            case = db.session.scalars(select(Case).where(Case.title == title)).one()
            db.session.delete(case.recommendations[0] if title.endswith("0") else case)
        db.session.commit()
        return computed

    monkeypatch.setitem(groups.COMPUTE, groups.GroupKind.RECOMMENDATIONS, computing_then_deleted)
    groups.refresh([groups.GroupKind.RECOMMENDATIONS])
    assert sorted(n for n, _ in groups.program_counts().values()) == [5]
    _assert_kept_counts_exact(readers)
