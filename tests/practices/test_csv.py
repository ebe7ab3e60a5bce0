"""The practice pages' tables as CSV (?format=csv and the links on the pages): the same rows
the reader sees on the page, nothing of what they may not see."""

from __future__ import annotations

import csv
import io
from datetime import date

from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices.operations import add_evidence, propose_practice
from app.programs.operations import create_program, create_session
from tests.cases.test_views import as_user, text
from tests.support.builders import add_case, add_recommendation, build_world

NALOXONE = "Prescribe **naloxone** with every buprenorphine start and teach the family to use it."


def rows(response) -> list[list[str]]:
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_practice_list_and_outcomes_as_csv_count_only_what_the_reader_sees(client, make_user):
    w = build_world(make_user)
    practice = propose_practice(
        "=Co-prescribe naloxone",
        "Offer naloxone.",
        topics=["Naloxone"],
        author=w.expert,
        actor=w.expert,
    )
    add_evidence(practice, w.rec, note="Open.", added_by=w.expert, actor=SYSTEM)
    add_evidence(practice, w.private_case, note="Private.", added_by=w.expert, actor=SYSTEM)
    db.session.commit()

    as_user(client, w.provider)
    page = text(client.get("/practices"))
    assert "/practices?format=csv" in page
    header, *body = rows(client.get("/practices?format=csv"))
    assert header[:3] == ["id", "title", "status"]
    # A cell a spreadsheet would run as a formula is quoted; one link is in a private program.
    assert body == [
        [
            str(practice.id),
            "'=Co-prescribe naloxone",
            "proposed",
            "1",
            "Naloxone",
            "1",
            "",
            practice.updated_at.date().isoformat(),
        ]
    ]
    assert rows(client.get("/practices?status=retired&format=csv"))[1:] == []
    as_user(client, w.member)
    assert rows(client.get("/practices?format=csv"))[1][5] == "2"

    # Outcomes: the follow-up recorded "adopted, improved" on the cited recommendation.
    as_user(client, w.provider)
    assert f"/practices/{practice.id}?format=csv" in text(client.get(f"/practices/{practice.id}"))
    header, *body = rows(client.get(f"/practices/{practice.id}?format=csv"))
    assert header == ["measure", "value", "outcomes", "share %"]
    assert ["adoption", "adopted", "1", "100"] in body
    assert ["patient", "improved", "1", "100"] in body
    assert ["patient", "worse", "0", "0"] in body
    assert client.get(f"/practices/{practice.id}?format=xls").status_code == 422


def test_candidates_as_csv_leave_out_a_private_programs_group(client, make_user):
    private = create_program("perinatal-sud", "Perinatal ECHO", private=True, actor=SYSTEM)
    member = make_user("provider", programs=["perinatal-sud"])
    outsider = make_user("provider")
    expert = make_user("expert", programs=["perinatal-sud"])
    for n in range(3):
        session = create_session(private, date(2026, 2 + n, 10), title=f"Session {n}", actor=SYSTEM)
        case = add_case(private, member, f"Case {n} on buprenorphine", session=session)
        add_recommendation(case, expert, NALOXONE)
    db.session.commit()

    as_user(client, member)
    assert "/practices/candidates?format=csv" in text(client.get("/practices/candidates"))
    header, *body = rows(client.get("/practices/candidates?format=csv"))
    assert header[:2] == ["group", "label"] and header[-1] == "recommendation"
    assert len(body) == 3 and {r[7] for r in body} == {"perinatal-sud"}
    assert all(r[-1] == NALOXONE and r[3] == "3" for r in body)

    as_user(client, outsider)
    assert rows(client.get("/practices/candidates?format=csv"))[1:] == []


def test_csv_downloads_need_a_sign_in(client):
    for url in ("/practices?format=csv", "/practices/candidates?format=csv"):
        response = client.get(url)
        assert response.status_code in (302, 401) and response.mimetype != "text/csv"
