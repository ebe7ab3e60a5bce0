"""Candidate practice groups seen from outside a private program: a group is what its
visible members make it. Its hidden members (a private program's recommendations) must
change neither which groups an outsider gets, nor their order, label, similarity or most
typical members."""

from __future__ import annotations

from datetime import date

import pytest

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices import groups, queries
from app.programs.operations import create_program, create_session
from tests.support.builders import add_case, add_recommendation

NALOXONE = "Offer naloxone to every patient on long-term opioids."
FAMILY = "Offer naloxone to every patient on long-term opioids and teach family members."
BENZOS = "Offer naloxone to every patient on long-term opioids and review benzodiazepines."
STATINS = "Start a moderate-intensity statin in every adult with diabetes over forty."


@pytest.fixture
def hub(app, make_user):
    open_program = create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    private = create_program("perinatal-sud", "Perinatal ECHO", private=True, actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["oud", "perinatal-sud"])
    expert = make_user("expert", programs=["oud", "perinatal-sud"])
    made = {"n": 0}

    def give(program, advice: str):
        made["n"] += 1
        n = made["n"]
        session = create_session(program, date(2020, 1, 1 + n), title=f"S{n}", actor=SYSTEM)
        case = add_case(program, presenter, f"Case {n}", session=session)
        return add_recommendation(case, expert, advice)

    outsider = make_user("expert")
    token = create_token(outsider, "api", actor=SYSTEM)
    db.session.commit()
    return open_program, private, give, {"Authorization": f"Bearer {token}"}


def _candidates(client, headers) -> list[tuple]:
    groups.refresh()
    body = client.get("/api/v1/practices/candidates", headers=headers).get_json()
    return [
        (
            g["label"],
            g["cohesion"],
            g["recommendation_count"],
            len(g["sessions"]),
            [r["id"] for r in g["recommendations"]],
        )
        for g in body["results"]
    ]


UNRELATED = (
    "Check thyroid function yearly in patients taking lithium.",
    "Screen every adult for hepatitis C once.",
    "Refer pregnant patients with hypertension to obstetrics early.",
    "Measure bone density in women over sixty-five.",
    "Vaccinate adults with chronic liver disease against hepatitis B.",
)


@pytest.mark.parametrize("others", [(), UNRELATED], ids=["alone", "in-a-bigger-hub"])
def test_a_groups_private_members_change_nothing_an_outsider_gets(hub, client, others) -> None:
    """Other texts in the hub must not put a fully visible group on another scale than one
    with hidden members: its similarity stays what its visible members make it."""
    open_program, private, give, headers = hub
    for advice in (*others, NALOXONE, FAMILY, BENZOS):
        give(open_program, advice)
    db.session.commit()
    before = _candidates(client, headers)
    assert len(before) == 1 and before[0][2:4] == (3, 3)
    # The private program says it the third way, again and again: counted over every
    # member, that way became the group's most typical (its label) and its similarity.
    for _ in range(5):
        give(private, BENZOS)
    db.session.commit()
    assert _candidates(client, headers) == before


def test_which_groups_an_outsider_gets_does_not_follow_private_sessions(
    hub, client, monkeypatch
) -> None:
    """Only the most discussed groups are candidates: discussed in the open program's
    sessions, not in a private program's."""
    open_program, private, give, headers = hub
    monkeypatch.setattr(queries, "CANDIDATE_LIMIT", 1)
    for _ in range(4):
        give(open_program, NALOXONE)
    for _ in range(3):
        give(open_program, STATINS)
    db.session.commit()
    before = _candidates(client, headers)
    assert [g[3] for g in before] == [4]
    for _ in range(3):
        give(private, STATINS)
    db.session.commit()
    assert _candidates(client, headers) == before


def test_a_practice_citing_a_private_member_does_not_hide_the_group_from_an_outsider(
    hub, client, make_user
) -> None:
    from app.practices.operations import add_evidence
    from tests.support.builders import hbv_practices

    open_program, private, give, headers = hub
    for _ in range(3):
        give(open_program, NALOXONE)
    hidden = give(private, NALOXONE)
    db.session.commit()
    before = _candidates(client, headers)
    assert len(before) == 1
    private_expert = make_user("expert", programs=["perinatal-sud"])
    practice, _successor = hbv_practices(private_expert)
    add_evidence(practice, hidden, added_by=private_expert, actor=private_expert)
    db.session.commit()
    assert _candidates(client, headers) == before


NALOXONE_Q = "Should we prescribe naloxone with long-term opioids?"
FAMILY_Q = "Should we prescribe naloxone with long-term opioids and train the family?"
BENZO_Q = "Should we prescribe naloxone with long-term opioids and taper benzodiazepines?"
# Other questions of the hub: the group's figures must not be weighed against them.
UNRELATED_Q = (
    "How often should we check thyroid function on lithium?",
    "Which adults need hepatitis C screening?",
    "When to refer pregnant patients with hypertension?",
    "Who needs a bone density scan after sixty-five?",
    "Which liver patients need hepatitis B vaccine?",
)


def test_a_recurring_questions_private_cases_change_neither_its_label_nor_order(
    app, make_user
) -> None:
    """Recurring questions in the curriculum figures: the most typical question (the
    group's label) and its similarity are those of the cases the reader may see."""
    from app.curriculum import operations as figures

    open_program = create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    private = create_program("perinatal-sud", "Perinatal ECHO", private=True, actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["oud", "perinatal-sud"])
    planner = make_user("curriculum")
    made = {"n": 0}

    def ask(program, question: str) -> None:
        made["n"] += 1
        n = made["n"]
        session = create_session(program, date(2026, 1, n), title=f"S{n}", actor=SYSTEM)
        add_case(program, presenter, f"Patient {n}", question=question, session=session)

    def seen() -> list[tuple]:
        groups.refresh()
        scope = figures.make_scope(planner, start=date(2026, 1, 1), end=date(2026, 2, 1))
        found = figures.recurring_questions(planner, scope)
        return [(g.label, round(g.cohesion, 6), sorted(c.id for c in g.cases)) for g in found]

    for question in UNRELATED_Q:
        ask(open_program, question)
    for question in (NALOXONE_Q, FAMILY_Q, BENZO_Q):
        ask(open_program, question)
    db.session.commit()
    before = seen()
    assert len(before) == 1 and len(before[0][2]) == 3, before
    for _ in range(5):
        ask(private, BENZO_Q)
    db.session.commit()
    assert seen() == before


NALOXONE_TEACH = "Offer naloxone to every patient and teach the family overdose response."
BUPRENORPHINE_HOME = "Start buprenorphine at home and taper the benzodiazepines slowly."
# Like each of the two above, which share no word: with it, the three made one group.
BOTH = (
    "Offer naloxone, teach the family overdose response, start buprenorphine at home and "
    "taper the benzodiazepines."
)


def test_a_private_text_never_links_two_public_ones(hub, make_user) -> None:
    """Two public recommendations unlike each other must not be grouped for an outsider
    because a private program's recommendation is like both."""
    open_program, private, give, _headers = hub
    outsider = make_user("expert")
    give(open_program, NALOXONE_TEACH)
    give(open_program, BUPRENORPHINE_HOME)
    db.session.commit()
    groups.refresh()
    assert queries.recommendation_groups(outsider) == []
    give(private, BOTH)
    db.session.commit()
    groups.refresh()
    assert queries.recommendation_groups(outsider) == []
    # The operator, who sees everything, gets no group linking them either: each group is
    # public or private whole.
    assert queries.recommendation_groups(SYSTEM) == []


WOUND_CARE = (
    "Xylazine wounds: start daily petrolatum dressings, refer to podiatry, and recheck "
    "albumin monthly."
)
WOUND_IMAGING = (
    "Image the xylazine wounds for osteomyelitis with an X-ray and culture any drainage "
    "before antibiotics."
)


def test_a_topic_proposed_in_a_private_program_does_not_link_public_texts(hub, make_user) -> None:
    """A topic typed into a private program's case names what only that program holds: as
    a concept it would make two public recommendations alike for everyone."""
    from app.programs.operations import resolve_topics

    open_program, private, give, _headers = hub
    outsider = make_user("expert")
    for advice in (*UNRELATED, WOUND_CARE, WOUND_IMAGING):
        give(open_program, advice)
    db.session.commit()
    groups.refresh()
    assert queries.recommendation_groups(outsider) == []
    member = make_user("provider", programs=["perinatal-sud"])
    add_case(private, member, "Wounds in pregnancy", topics=resolve_topics(["Xylazine wounds"]))
    db.session.commit()
    groups.refresh()
    assert queries.recommendation_groups(outsider) == []
