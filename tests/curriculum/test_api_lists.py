"""The curriculum API at size: the summary gives the first rows of each list with how many
there are and a link to the rest; a list's pages together have every row of its CSV, and
nothing of a private program the reader is not a member of."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from app.api import practices as practices_api
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.curriculum import operations as figures
from app.extensions import db
from app.programs.models import Program, Session
from app.programs.operations import resolve_topics
from tests.cases.test_views import as_user
from tests.curriculum.test_figures import _hub
from tests.support.builders import add_case

QUERY = "start=2025-11-26&end=2026-11-25"


def _bearer(user) -> dict[str, str]:
    token = create_token(user, "lists", actor=SYSTEM)
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def _every_page(client, headers, url: str) -> list[dict]:
    rows: list[dict] = []
    page = 1
    while True:
        body = client.get(f"{url}&per_page=2&page={page}", headers=headers).get_json()
        assert body["per_page"] == 2 and body["page"] == page
        rows += body["results"]
        if page * 2 >= body["total"]:
            assert len(rows) == body["total"]
            return rows
        page += 1


def _csv(client, name: str) -> list[list[str]]:
    text = client.get(f"/curriculum/{name}.csv?{QUERY}").get_data(as_text=True)
    return list(csv.reader(io.StringIO(text)))


def test_the_summary_is_capped_and_the_pages_have_every_row(app, make_user, client, monkeypatch):
    monkeypatch.setattr(practices_api, "API_ROWS", 2)
    monkeypatch.setattr(figures, "COVERAGE_PRESENTERS", 1)
    monkeypatch.setattr(figures, "COVERAGE_TOPICS", 1)
    _hub(make_user, 1)
    viewer = make_user("curriculum")  # not a member of the private perinatal program
    headers = _bearer(viewer)
    as_user(client, viewer)

    body = client.get(f"/api/v1/curriculum?{QUERY}", headers=headers).get_json()
    assert [len(body[k]) for k in ("topic_frequency", "teaching_coverage")] == [2, 2]
    more = body["more"]["topic_frequency"]
    assert (more["total"], more["shown"]) == (5, 2)
    assert urlsplit(more["next"]).path == "/api/v1/curriculum/topics"
    assert body["more"]["rising_topics"]["next"] is None or body["more"]["rising_topics"][
        "total"
    ] > len(body["rising_topics"])
    assert len(body["coverage"]["presenters"]) == 1 and len(body["coverage"]["topics"]) == 1
    assert body["coverage"]["topic_count"] == 5

    # The pages of the topic list are the CSV's rows, in its order.
    topics = _every_page(client, headers, f"/api/v1/curriculum/topics?{QUERY}")
    header, *rows = _csv(client, "topics")
    assert [[r["topic"], *map(str, r["by_month"]), str(r["total"])] for r in topics] == rows
    teaching = _every_page(client, headers, f"/api/v1/curriculum/teaching?{QUERY}")
    assert [r["topic"] for r in teaching] == [row[0] for row in _csv(client, "teaching")[1:]]

    # Coverage pages: every presenter with each of their topics (the non-zero cells).
    coverage = _every_page(client, headers, f"/api/v1/curriculum/coverage?{QUERY}")
    header, *rows = _csv(client, "coverage")
    expected = {
        row[0]: {t: int(n) for t, n in zip(header[1:-1], row[1:-1], strict=True) if n != "0"}
        for row in rows
    }
    assert {r["presenter"]: r["by_topic"] for r in coverage} == expected

    questions = _every_page(client, headers, f"/api/v1/curriculum/questions?{QUERY}")
    assert [str(i) for q in questions for i in q["case_ids"]] == [
        row[2] for row in _csv(client, "questions")[1:]
    ]
    gaps = _every_page(client, headers, f"/api/v1/curriculum/gaps?{QUERY}")
    everything = str(body) + str(topics) + str(teaching) + str(coverage) + str(gaps)
    assert "Perinatal" not in everything


def test_only_a_member_of_the_private_program_counts_its_cases(app, make_user, client):
    _hub(make_user, 1)
    counts = {}
    for role in ("curriculum", "admin"):
        headers = _bearer(make_user(role))
        body = client.get(f"/api/v1/curriculum?{QUERY}", headers=headers).get_json()
        pages = _every_page(client, headers, f"/api/v1/curriculum/topics?{QUERY}")
        counts[role] = (body["cases"], sum(r["total"] for r in pages))
    assert counts["admin"][0] == counts["curriculum"][0] + 3  # its three sessions' cases
    assert counts["admin"][1] > counts["curriculum"][1]


def test_an_unknown_list_is_named_and_paging_is_checked(app, make_user, client):
    headers = _bearer(make_user("curriculum"))
    missing = client.get(f"/api/v1/curriculum/nothing?{QUERY}", headers=headers)
    assert missing.status_code == 404 and "topics" in missing.get_json()["message"]
    bad = client.get(f"/api/v1/curriculum/topics?{QUERY}&per_page=0", headers=headers)
    assert bad.status_code == 422
    provider = _bearer(make_user("provider"))
    assert client.get(f"/api/v1/curriculum/topics?{QUERY}", headers=provider).status_code == 403


# Each list of the summary: how a row of it, of its pages and of its CSV is named.
SUMMARY_ROWS = {
    "topic_frequency": lambda body: [r["topic"] for r in body["topic_frequency"]],
    "rising_topics": lambda body: [r["topic"] for r in body["rising_topics"]],
    "recurring_questions": lambda body: [
        i for q in body["recurring_questions"] for i in q["case_ids"]
    ],
    "gaps": lambda body: [r["topic"] for r in body["gaps"]],
    "teaching_coverage": lambda body: [r["topic"] for r in body["teaching_coverage"]],
    "coverage": lambda body: [r["presenter"] for r in body["coverage"]["presenters"]],
}


def _page_keys(name: str, results: list[dict]) -> list:
    if name == "questions":
        return [i for q in results for i in q["case_ids"]]
    return [r["presenter" if name == "coverage" else "topic"] for r in results]


def _csv_keys(client, name: str) -> list:
    rows = _csv(client, name)[1:]
    return [int(row[2]) for row in rows] if name == "questions" else [row[0] for row in rows]


def _following(client, headers, url: str) -> tuple[int, list[dict]]:
    """Every row from the page `url` names on, in pages of its size."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    page, per_page = int(query["page"][0]), int(query["per_page"][0])
    rows: list[dict] = []
    while True:
        body = client.get(
            f"{parts.path}?{QUERY}&page={page}&per_page={per_page}", headers=headers
        ).get_json()
        assert body["results"], f"{url}: page {page} is empty"
        rows += body["results"]
        if page * per_page >= body["total"]:
            return body["total"], rows
        page += 1


@pytest.mark.parametrize(("api_rows", "presenters"), [(2, 1), (1, 2)])
def test_following_next_from_the_summary_gives_every_row_once(
    app, make_user, client, monkeypatch, api_rows, presenters
):
    # As at size, the summary may show fewer presenters than rows of the other lists.
    monkeypatch.setattr(practices_api, "API_ROWS", api_rows)
    monkeypatch.setattr(figures, "COVERAGE_PRESENTERS", presenters)
    _hub(make_user, 2)
    oud = db.session.scalar(select(Program).where(Program.slug == "oud"))
    sessions = db.session.scalars(select(Session).where(Session.program == oud)).all()
    for n in range(4):  # more presenters, with fewer cases each
        add_case(
            oud,
            make_user("provider", programs=["oud"]),
            f"Extra case {n}",
            session=sessions[n % len(sessions)],
            topics=resolve_topics(["Naloxone"]),
        )
    db.session.commit()
    viewer = make_user("curriculum")
    headers = _bearer(viewer)
    as_user(client, viewer)

    body = client.get(f"/api/v1/curriculum?{QUERY}", headers=headers).get_json()
    cut_short = []
    for key, name in practices_api.CURRICULUM_LISTS.items():
        shown = SUMMARY_ROWS[key](body)
        more = body["more"][key]
        rows = shown
        if more["next"] is not None:
            cut_short.append(name)
            total, rest = _following(client, headers, more["next"])
            assert total == more["total"]
            rows = shown + _page_keys(name, rest)
        assert rows == _csv_keys(client, name), name
    assert {"topics", "coverage", "questions", "teaching"} <= set(cut_short)
