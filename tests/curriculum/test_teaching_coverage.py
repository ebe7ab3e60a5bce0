"""Teaching coverage as curriculum staff read it: per topic, the talks of the period, the
cases presented and the best practices, with "taught but never presented" and "presented
often, never taught"; and topic counts shown as a share of the scope's cases."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from app.auth.policy import SYSTEM
from app.curriculum import operations as figures
from app.extensions import db
from app.practices.operations import change_status, propose_practice
from app.programs.operations import create_program, create_session, create_topic, resolve_topics
from tests.cases.test_views import as_user
from tests.support.builders import add_case

END = date(2026, 11, 25)


@pytest.fixture
def hub(app, make_user):
    """An OUD program with talks on naloxone (twice) and hepatitis C, one on buprenorphine
    (broader than low-dose induction), a talk before the period, and a private perinatal
    program; cases on low-dose induction, xylazine wounds, naloxone and the program's own
    subject."""
    bup = create_topic("Buprenorphine", actor=SYSTEM)
    create_topic("Low-dose buprenorphine induction", parent=bup, actor=SYSTEM)
    oud = create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    peri = create_program(
        "perinatal-sud", "Perinatal Substance Use ECHO", private=True, actor=SYSTEM
    )
    old = create_session(oud, date(2025, 6, 1), title="Old", topics=["Wounds"], actor=SYSTEM)
    talks = [
        create_session(oud, date(2026, 2, 10), title="Naloxone", topics=["Naloxone"], actor=SYSTEM),
        create_session(
            oud,
            date(2026, 4, 10),
            title="Overdose",
            topics=["Naloxone", "Hepatitis C"],
            actor=SYSTEM,
        ),
        create_session(
            oud, date(2026, 6, 10), title="Buprenorphine", topics=["Buprenorphine"], actor=SYSTEM
        ),
    ]
    peri_talk = create_session(
        peri, date(2026, 3, 10), title="Pregnancy", topics=["Pregnancy"], actor=SYSTEM
    )
    db.session.commit()
    presenter = make_user("provider", programs=["oud", "perinatal-sud"])
    for n in range(3):
        add_case(
            oud,
            presenter,
            f"Induction {n}",
            session=talks[n],
            topics=resolve_topics(["Low-dose buprenorphine induction", "Opioid use disorder"]),
        )
    for n in range(2):
        add_case(oud, presenter, f"Wounds {n}", session=talks[n], topics=resolve_topics(["Wounds"]))
    add_case(oud, presenter, "Naloxone", session=talks[0], topics=resolve_topics(["Naloxone"]))
    add_case(peri, presenter, "Pregnant", session=peri_talk, topics=resolve_topics(["Pregnancy"]))
    practice = propose_practice(
        "Naloxone for everyone",
        "Offer naloxone with every buprenorphine start.",
        topics=["Naloxone"],
        author=None,
        actor=SYSTEM,
    )
    change_status(practice, "emerging", reason="Seen often.", editor=None, actor=SYSTEM)
    propose_practice(
        "Naloxone at discharge",
        "Hand naloxone out.",
        topics=["Naloxone"],
        author=None,
        actor=SYSTEM,
    )
    db.session.commit()
    assert old.date < date(2025, 11, 25)
    return {"oud": oud, "peri": peri, "member": make_user("curriculum")}


def _rows(coverage):
    return {r.topic: r for r in coverage.rows}


def test_talks_cases_and_practices_per_topic(hub):
    scope = figures.make_scope(SYSTEM, program=hub["oud"], end=END)
    coverage = figures.teaching_coverage(SYSTEM, scope)
    rows = _rows(coverage)
    assert (coverage.talks, coverage.cases) == (3, 6)  # the 2025 talk is outside the period
    assert (rows["Naloxone"].talks, rows["Naloxone"].cases) == (2, 1)
    assert rows["Naloxone"].practices == {"proposed": 1, "emerging": 1}
    assert rows["Naloxone"].live_practices == 2
    # Taught (the April talk) and no case on it.
    assert rows["Hepatitis C"].taught_never_presented
    assert not rows["Naloxone"].taught_never_presented
    # Three cases and no talk on it: the talk on buprenorphine is shown, not counted.
    induction = rows["Low-dose buprenorphine induction"]
    assert (induction.talks, induction.broader_talks, induction.cases) == (0, 1, 3)
    assert induction.parent == "Buprenorphine"
    assert induction.presented_often_never_taught
    # Two cases are not "often"; the program's own subject is never flagged for it.
    assert rows["Wounds"].cases == 2 and not rows["Wounds"].presented_often_never_taught
    assert rows["Opioid use disorder"].cases == 3
    assert not rows["Opioid use disorder"].presented_often_never_taught
    assert "Pregnancy" not in rows  # another program


def test_teaching_coverage_follows_the_programs_the_viewer_may_see(hub):
    member = hub["member"]  # curriculum staff, not a member of the private program
    everyone = _rows(figures.teaching_coverage(SYSTEM, figures.make_scope(SYSTEM, end=END)))
    theirs = _rows(figures.teaching_coverage(member, figures.make_scope(member, end=END)))
    assert everyone["Pregnancy"].talks == 1 and everyone["Pregnancy"].cases == 1
    assert "Pregnancy" not in theirs
    assert theirs["Naloxone"].talks == 2


def test_page_and_csv_show_teaching_coverage(hub, client):
    as_user(client, hub["member"])
    page = client.get("/curriculum?end=2026-11-25&program=oud")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'id="teaching-table"' in text and 'id="teaching-chart"' in text
    assert "Presented often, never taught" in text
    response = client.get("/curriculum/teaching.csv?end=2026-11-25&program=oud")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0] == figures.TEACHING_HEADER
    by_topic = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    induction = by_topic["Low-dose buprenorphine induction"]
    assert induction["talks"] == "0" and induction["cases presented"] == "3"
    assert induction["presented often, never taught"] == "yes"
    assert by_topic["Hepatitis C"]["taught but never presented"] == "yes"
    assert by_topic["Naloxone"]["practices emerging"] == "1"


def test_topics_as_a_share_of_cases(hub, client):
    scope = figures.make_scope(SYSTEM, program=hub["oud"], end=END)
    freq = figures.topic_frequency(SYSTEM, scope)
    shares = {row[0]: row for row in freq.share_rows()}
    assert shares["Low-dose buprenorphine induction"][-1] == 50.0  # 3 of 6 cases
    assert shares["Naloxone"][-1] == pytest.approx(16.7)
    february = freq.months.index("2026-02") + 1  # 3 cases: induction, wounds, naloxone
    assert shares["Naloxone"][february] == pytest.approx(33.3)
    assert shares["Naloxone"][freq.months.index("2026-01") + 1] is None  # no cases that month

    as_user(client, hub["member"])
    page = client.get("/curriculum?end=2026-11-25&program=oud&show=share").get_data(as_text=True)
    assert "Share of cases with each topic" in page and "show=share" in page
    response = client.get("/curriculum/topics.csv?end=2026-11-25&program=oud&show=share")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][-1] == "total % of cases"
    assert {r[0]: r[-1] for r in rows[1:]}["Low-dose buprenorphine induction"] == "50.0"
    assert "share" in response.headers["Content-Disposition"]


def test_an_unknown_show_is_named(hub, client):
    as_user(client, hub["member"])
    page = client.get("/curriculum?end=2026-11-25&show=pie")
    assert page.status_code == 422 and "show must be cases or share" in page.get_data(as_text=True)
    response = client.get("/curriculum/topics.csv?show=pie")
    assert 400 <= response.status_code < 500
