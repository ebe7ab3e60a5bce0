"""Curriculum figures as curriculum staff read them: the chart counts cases (a month with 3
cases is a bar of 3, however many topics they carry), a program's own subject is not its
gap, and a page costs the same number of SQL statements with 5 cases or 40."""

from __future__ import annotations

import html
import json
import re
from datetime import date

import pytest
from sqlalchemy import event

from app.auth.policy import SYSTEM
from app.curriculum import operations as figures
from app.extensions import db
from app.programs.operations import (
    create_program,
    create_session,
    create_topic,
    resolve_topics,
)
from tests.cases.test_views import as_user
from tests.support.builders import add_case, add_recommendation

END = date(2026, 11, 25)
ELEVEN = [
    "Chronic pain",
    "Opioid tapering",
    "Naloxone",
    "Benzodiazepines",
    "Older adults",
    "Buprenorphine",
    "Opioid stewardship",
    "Fibromyalgia",
    "Sleep",
    "Falls",
    "Depression",
]


def test_a_month_of_three_cases_is_a_bar_of_three(app, make_user, client):
    pain = create_program("chronic-pain", "Chronic Pain ECHO", actor=SYSTEM)
    session = create_session(pain, date(2026, 3, 12), title="March", actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["chronic-pain"])
    # Three cases carrying 11 topic tags between them (4 + 4 + 3).
    for n, topics in enumerate((ELEVEN[:4], ELEVEN[4:8], ELEVEN[8:])):
        add_case(pain, presenter, f"Case {n}", session=session, topics=resolve_topics(topics))
    db.session.commit()

    scope = figures.make_scope(SYSTEM, end=END)
    freq = figures.topic_frequency(SYSTEM, scope)
    chart = freq.chart()
    march = chart["labels"].index("2026-03")
    assert chart["cases"][march] == 3 == freq.case_total
    assert sum(s["data"][march] for s in chart["series"]) > 3  # topics are not the bar
    assert all(s["data"][march] <= chart["cases"][march] for s in chart["series"])

    as_user(client, make_user("curriculum"))
    page = client.get("/curriculum?end=2026-11-25").get_data(as_text=True)
    drawn = json.loads(html.unescape(re.search(r'data-chart="([^"]*)"', page).group(1)))
    assert drawn["cases"][march] == 3
    assert "Bar chart of cases per month" in page


def test_a_programs_own_topic_is_not_its_gap(app, make_user):
    pain = create_program("chronic-pain", "Chronic Pain & Opioid Stewardship ECHO", actor=SYSTEM)
    oud = create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    sessions = {
        p.slug: create_session(p, date(2026, 3, 12), title="March", actor=SYSTEM)
        for p in (pain, oud)
    }
    db.session.commit()
    presenter = make_user("provider", programs=["chronic-pain", "oud"])
    for n in range(3):
        add_case(
            pain,
            presenter,
            f"Pain case {n}",
            session=sessions["chronic-pain"],
            topics=resolve_topics(["Chronic pain", "Sleep"]),
        )
    db.session.commit()

    scope = figures.make_scope(SYSTEM, end=END)
    gaps = {g.topic.name: g for g in figures.gaps(SYSTEM, scope)}
    assert "Chronic pain" not in gaps  # every case of the Chronic Pain program is about it
    assert gaps["Sleep"].cases == 3  # a real gap stays

    # Chronic pain in three cases of another program is a gap there.
    for n in range(3):
        add_case(
            oud,
            presenter,
            f"OUD case {n}",
            session=sessions["oud"],
            topics=resolve_topics(["Chronic pain"]),
        )
    db.session.commit()
    gaps = {g.topic.name: g for g in figures.gaps(SYSTEM, scope)}
    assert gaps["Chronic pain"].cases == 3
    assert gaps["Chronic pain"].programs == ["Opioid Use Disorder ECHO"]
    assert figures.is_own_topic(pain, resolve_topics(["Opioid stewardship"])[0])
    assert not figures.is_own_topic(oud, resolve_topics(["Chronic pain"])[0])


@pytest.mark.parametrize("synonym", ["Pédiatrie", "Mental wellbeing"])
def test_a_programs_own_topic_by_a_synonym_is_not_its_gap(app, make_user, synonym):
    """The figures read synonyms as stored text and decode them only where a program's
    words may match: a synonym stored with escapes ("P\\u00e9diatrie") still counts."""
    program = create_program("own-words", f"{synonym} ECHO", actor=SYSTEM)
    session = create_session(program, date(2026, 3, 12), title="March", actor=SYSTEM)
    create_topic("Psychiatry in primary care", synonyms=[synonym], actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["own-words"])
    for n in range(3):
        add_case(
            program,
            presenter,
            f"Case {n}",
            session=session,
            topics=resolve_topics(["Psychiatry in primary care", "Sleep"]),
        )
    db.session.commit()

    gaps = {g.topic.name for g in figures.gaps(SYSTEM, figures.make_scope(SYSTEM, end=END))}

    assert "Psychiatry in primary care" not in gaps
    assert "Sleep" in gaps


def _hub(make_user, cases_per_session: int) -> None:
    programs = [
        create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM),
        create_program("chronic-pain", "Chronic Pain ECHO", actor=SYSTEM),
        create_program("perinatal-sud", "Perinatal Substance Use ECHO", private=True, actor=SYSTEM),
    ]
    sessions = [
        create_session(p, date(2026, month, 10), title=f"Session {month}", actor=SYSTEM)
        for p in programs
        for month in (2, 6, 10)
    ]
    db.session.commit()
    presenter = make_user("provider", programs=["oud", "chronic-pain", "perinatal-sud"])
    expert = make_user("expert", programs=["oud", "chronic-pain", "perinatal-sud"])
    topics = [["Buprenorphine", "Naloxone"], ["Opioid tapering", "Chronic pain"], ["Pregnancy"]]
    for s_number, session in enumerate(sessions):
        for n in range(cases_per_session):
            case = add_case(
                session.program,
                presenter,
                f"Case {s_number}-{n}: taper of buprenorphine dose",
                question=f"How fast should we taper buprenorphine {n}?",
                session=session,
                topics=resolve_topics(topics[(s_number + n) % 3]),
            )
            add_recommendation(case, expert, "Taper **buprenorphine** by 2 mg every month.")
    db.session.commit()


@pytest.mark.parametrize("path", ["/curriculum?end=2026-11-25", "/practices/candidates"])
def test_statements_per_request_do_not_grow_with_the_cases(app, make_user, client, path):
    def statements_for_request(cases_per_session: int) -> int:
        as_user(client, viewer)
        assert client.get(path).status_code == 200  # the first read refreshes the groups
        counted = []

        def count(*_args) -> None:
            counted.append(1)

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            assert client.get(path).status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(counted)

    viewer = make_user("curriculum" if "curriculum" in path else "expert")
    _hub(make_user, 1)  # 9 cases
    small = statements_for_request(1)
    _hub_more(make_user)  # 45 more cases in the same sessions
    large = statements_for_request(5)
    assert figures.topic_frequency(SYSTEM, figures.make_scope(SYSTEM, end=END)).case_total == 54
    assert small == large


def _hub_more(make_user) -> None:
    from sqlalchemy import select

    from app.programs.models import Session

    expert = make_user("expert", programs=["oud", "chronic-pain", "perinatal-sud"])
    topics = [["Buprenorphine", "Naloxone"], ["Opioid tapering", "Chronic pain"], ["Pregnancy"]]
    for s_number, session in enumerate(db.session.scalars(select(Session).order_by(Session.id))):
        for n in range(5):
            case = add_case(
                session.program,
                expert,
                f"More {s_number}-{n}: taper of buprenorphine dose",
                question=f"How fast should we taper buprenorphine, again {n}?",
                session=session,
                topics=resolve_topics(topics[(s_number + n) % 3]),
            )
            add_recommendation(case, expert, "Taper **buprenorphine** by 2 mg every month.")
    db.session.commit()


def test_the_page_shows_the_first_rows_of_long_tables_and_the_csv_has_all(
    app, make_user, client, monkeypatch
):
    # A year of a large hub has thousands of topics and presenters: the page shows the
    # first rows (and a presenter-by-topic corner), the CSV files every row.
    monkeypatch.setattr(figures, "PAGE_ROWS", 2)
    monkeypatch.setattr(figures, "COVERAGE_TOPICS", 1)
    _hub(make_user, 1)
    as_user(client, make_user("curriculum"))
    query = "start=2025-11-26&end=2026-11-25"

    page = client.get(f"/curriculum?{query}").get_data(as_text=True)
    topics_csv = client.get(f"/curriculum/topics.csv?{query}").get_data(as_text=True)
    coverage_csv = client.get(f"/curriculum/coverage.csv?{query}").get_data(as_text=True)

    table = page.split('id="topic-table"')[1].split("</table>")[0]
    assert table.count('<th scope="row">') == 2
    assert len(topics_csv.strip().splitlines()) == 1 + 5  # header and the five topics
    assert "Shown: the 2 topics with most cases, of 5" in page
    assert "and the 1 most frequent topics of all presenters, of 1 presenters and 5 topics" in page
    assert len(coverage_csv.splitlines()[0].split(",")) == 1 + 5 + 1


@pytest.mark.parametrize("start", [None, date(2026, 5, 1)])
def test_the_pages_questions_sized_with_the_counts_equal_those_read_alone(app, make_user, start):
    """The page and the API size the question groups in the statement of the scope's
    counts and read only the shown groups' cases: the same groups, cases, order and total
    as reading every member in scope, for every reader and a scope cutting groups."""
    from sqlalchemy import select

    from app.cases.models import Case

    _hub(make_user, 2)
    _hub_more(make_user)
    withdrawn = db.session.scalars(select(Case).order_by(Case.id).limit(1)).one()
    withdrawn.withdrawn_at = withdrawn.created_at
    db.session.commit()
    readers = [
        SYSTEM,
        make_user("curriculum"),
        make_user("admin"),
        make_user("curriculum", programs=["perinatal-sud"]),
    ]

    def seen(total_and_groups):
        total, found = total_and_groups
        return total, [([c.id for c in g.cases], g.cohesion, g.typical.id) for g in found]

    for user in readers:
        scope = figures.make_scope(user, start=start, end=END)
        for limit in (1, 3, None):
            # The statement returns the biggest `questions` groups only: fewer than, as many
            # as and more than the groups asked for.
            for questions in (1, 3, figures.PAGE_ROWS):
                shown = figures.Shown(
                    figures.PAGE_ROWS, figures.COVERAGE_PRESENTERS, questions=questions
                )
                page = figures.Figures(user, scope, shown, trends=True, questions=True)
                assert page.summary is not None and page.summary.question_groups is not None
                alone = figures._recurring_questions(user, scope, page.programs, limit)
                assert seen(page.recurring_questions(limit)) == seen(alone)
                assert alone[0] > 0 and len(alone[1]) == min(alone[0], limit or alone[0])
                assert len(page.summary.question_groups) == min(questions, alone[0])
                assert page.summary.question_total == alone[0]


def test_a_live_practice_closes_a_gap_and_a_retired_one_does_not(app, make_user):
    """The gaps read the practices from teaching coverage's counts by status: live ones
    (proposed, emerging, established) close a topic's gap, retired and superseded do not."""
    from app.practices.models import PracticeStatus
    from app.practices.operations import propose_from_recommendations

    pain = create_program("pain", "Pain ECHO", actor=SYSTEM)
    march = create_session(pain, date(2026, 3, 12), title="March", actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["pain"])
    expert = make_user("expert", programs=["pain"])
    cases = [
        add_case(pain, presenter, f"Sleep {n}", session=march, topics=resolve_topics(["Sleep"]))
        for n in range(3)
    ]
    rec = add_recommendation(cases[0], expert, "Treat insomnia first.")
    db.session.commit()
    practice = propose_from_recommendations(
        [rec], "Insomnia first", "Treat insomnia first.", topics=["Sleep"], author=expert,
        actor=expert,
    )  # fmt: skip
    db.session.commit()
    scope = figures.make_scope(SYSTEM, end=END)
    for status, gap in [
        (PracticeStatus.PROPOSED, False),
        (PracticeStatus.ESTABLISHED, False),
        (PracticeStatus.RETIRED, True),
        (PracticeStatus.SUPERSEDED, True),
    ]:
        practice.status = status
        db.session.commit()
        fig = figures.Figures(SYSTEM, scope)
        assert ("Sleep" in {g.topic.name for g in fig.gaps()}) is gap, status
        teaching = {r.topic: r for r in fig.teaching_coverage().rows}
        assert teaching["Sleep"].practices[status.value] == 1
