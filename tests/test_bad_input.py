"""The security probe's bad requests, on the web and over the API: each gets a 4xx whose body
names the problem (the field, or what was not found), never a 500."""

from __future__ import annotations

import json

import pytest

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from tests.conftest import sign_in
from tests.support.builders import build_world

HUGE = "99999999999999999999"  # past 2^64
PAST_63 = str(2**63)  # one past SQLite's integer
PAST_31 = str(2**31)  # one past PostgreSQL's integer
DEEP = "[" * 5000 + "]" * 5000
LONG = "x" * 60_000  # past SQLite's longest LIKE pattern (50,000 bytes)
FORM = "application/x-www-form-urlencoded"

# (name, method, path, body, expected status, words the answer must contain)
WEB = [
    ("case id past 2^64", "GET", f"/cases/{HUGE}", None, 404, "Not found"),
    ("case id past 2^63", "GET", f"/cases/{PAST_63}", None, 404, "Not found"),
    ("case id past 2^31", "GET", f"/cases/{PAST_31}", None, 404, "Not found"),
    ("case edit id", "GET", f"/cases/{HUGE}/edit", None, 404, "Not found"),
    ("case action id", "POST", f"/cases/{HUGE}/submit", "", 404, "Not found"),
    ("practice id", "GET", f"/practices/{HUGE}", None, 404, "Not found"),
    ("recommendation id", "GET", f"/recommendations/{HUGE}/versions", None, 404, "Not found"),
    ("session number", "GET", f"/programs/hcv/sessions/{HUGE}", None, 404, "Not found"),
    ("audit entity id", "GET", f"/audit/case/{PAST_63}", None, 404, "Not found"),
    ("presented ids", "POST", f"/cases/1/sessions/{HUGE}/presented", "", 404, "Not found"),
    ("curriculum start year 1", "GET", "/curriculum?start=0001-01-01", None, 422, "start must"),
    ("curriculum end year 9999", "GET", "/curriculum?end=9999-12-31", None, 422, "end must"),
    ("curriculum bad date", "GET", "/curriculum?start=2026-13-45", None, 422, "start must"),
    ("curriculum csv start", "GET", "/curriculum/gaps.csv?start=0001-01-01", None, 422, "start"),
    ("NUL in a query", "GET", "/search?q=a%00b", None, 422, "q contains a NUL"),
    ("long account search", "GET", f"/admin/accounts?q={LONG}", None, 422, "q must be at most"),
    ("long topic search", "GET", f"/admin/topics?q={LONG}", None, 422, "q must be at most"),
    ("NUL in a URL part", "GET", "/programs/hc%00v", None, 422, "slug contains a NUL"),
    (
        "NUL in case text",
        "POST",
        "/programs/hcv/cases/new",
        "title=Case&question=What%00now",
        422,
        "question contains a NUL",
    ),
    ("NUL in a preview", "POST", "/preview", "text=a%00b", 422, "text contains a NUL"),
    ("superscript digit age", "POST", "/programs/hcv/cases/new", "title=T&age=%C2%B2", 422, "Age"),
    (
        "session date year 1",
        "POST",
        "/programs/hcv/sessions/new",
        "date=0001-01-01&title=T",
        422,
        "Date must be a date between 1900 and 2200",
    ),
    (
        "session attendance past 2^63",
        "POST",
        "/programs/hcv/sessions/new",
        f"date=2026-01-01&attendance_count={PAST_63}",
        422,
        "Attendance must be",
    ),
    ("schedule session id", "POST", "/cases/1/schedule", f"session_id={HUGE}", 422, "Choose"),
    ("successor id", "POST", "/practices/1/status", f"superseded_by={HUGE}", 404, "Not found"),
    (
        "evidence case id",
        "POST",
        "/practices/cite",
        f"practice_id={HUGE}&case={HUGE}",
        404,
        "Not found",
    ),
]

API = [
    ("case id past 2^64", "GET", f"/cases/{HUGE}", None, 404, "not_found"),
    ("case id past 2^63", "GET", f"/cases/{PAST_63}", None, 404, "not_found"),
    ("session id", "PATCH", f"/sessions/{HUGE}", {"title": "x"}, 404, "not_found"),
    ("recommendation id", "GET", f"/recommendations/{PAST_63}", None, 404, "not_found"),
    ("practice id", "POST", f"/practices/{HUGE}/stance", {"stance": "endorse"}, 404, "not_found"),
    ("page past 2^64", "GET", f"/cases?page={HUGE}", None, 422, '"field":"page"'),
    ("page past 2^63", "GET", f"/programs/hcv/sessions?page={PAST_63}", None, 422, '"page"'),
    ("per_page zero", "GET", "/cases?per_page=0", None, 422, '"field":"per_page"'),
    ("session filter", "GET", f"/cases?session={HUGE}", None, 422, '"field":"session"'),
    ("search page", "GET", f"/search?q=hcv&page={HUGE}", None, 422, '"field":"page"'),
    ("search year", "GET", f"/search?year_from={HUGE}", None, 422, '"field":"year_from"'),
    ("similar limit", "GET", f"/cases/1/similar?limit={HUGE}", None, 422, '"field":"limit"'),
    ("curriculum start", "GET", "/curriculum?start=0001-01-01", None, 422, '"field":"start"'),
    ("curriculum end", "GET", "/curriculum?end=9999-12-31", None, 422, '"field":"end"'),
    ("boolean filter", "GET", "/cases?mine=perhaps", None, 422, '"field":"mine"'),
    ("NUL in a query", "GET", "/search?q=%00", None, 422, '"field":"q"'),
    ("long account search", "GET", f"/admin/accounts?q={LONG}", None, 422, '"field":"q"'),
    ("long topic search", "GET", f"/admin/topics?q={LONG}", None, 422, '"field":"q"'),
    ("NUL in a slug", "GET", "/programs/hc%00v", None, 422, '"field":"slug"'),
    ("JSON 5000 levels deep", "POST", "/cases", DEEP, 400, "nests 5000 levels"),
    (
        "lone surrogate in JSON",
        "POST",
        "/cases",
        '{"program": "hcv", "title": "A \\ud800 case"}',
        422,
        '"field":"title"',
    ),
    (
        "NUL in JSON text",
        "POST",
        "/cases",
        '{"program": "hcv", "title": "T", "presentation": "a\\u0000b"}',
        422,
        '"field":"presentation"',
    ),
    (
        "NUL in a JSON key",
        "POST",
        "/cases",
        '{"program": "hcv", "title": "T", "fields": {"a\\u0000": 1}}',
        422,
        "NUL",
    ),
    ("invalid UTF-8", "POST", "/cases", b'{"title": "\xff\xfe"}', 400, "not valid UTF-8"),
    ("NaN", "POST", "/deid/scan", '{"text": NaN}', 400, "not valid JSON"),
    ("not JSON", "POST", "/deid/scan", "{text", 400, "not valid JSON"),
    (
        "follows_id past 2^64",
        "POST",
        "/cases",
        {"program": "hcv", "title": "T", "follows_id": 2**70},
        422,
        '"field":"follows_id"',
    ),
    (
        "session date year 1",
        "POST",
        "/programs/hcv/sessions",
        {"date": "0001-01-01"},
        422,
        '"field":"date"',
    ),
    (
        "session date 2026-13-45",
        "POST",
        "/programs/hcv/sessions",
        {"date": "2026-13-45"},
        422,
        '"field":"date"',
    ),
    (
        "session number past 2^63",
        "POST",
        "/programs/hcv/sessions",
        {"date": "2026-01-01", "number": 2**63},
        422,
        '"field":"number"',
    ),
    ("schedule case id", "POST", "/sessions/1/cases", {"case_id": 2**64}, 422, '"case_id"'),
    (
        "outcome recommendation id",
        "POST",
        "/cases/1/outcomes",
        {"recommendation_id": 2**64, "adoption": "adopted", "patient_status": "improved"},
        422,
        '"field":"recommendation_id"',
    ),
    (
        "evidence case id",
        "POST",
        "/practices/1/evidence",
        {"case_id": 2**64},
        422,
        '"field":"case_id"',
    ),
    (
        "proposal recommendation id",
        "POST",
        "/practices",
        {"title": "T", "statement": "S", "recommendations": [{"id": 2**64}]},
        422,
        "recommendations[0].id",
    ),
]


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.admin = make_user("admin", email="probe-admin@example.org", programs=["hcv", "perinatal-sud"])
    return w


def _body(body):
    if body is None or isinstance(body, str | bytes):
        return body
    return json.dumps(body)


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "words"),
    [case[1:] for case in WEB],
    ids=[case[0] for case in WEB],
)
def test_bad_web_request_gets_a_4xx_page_naming_the_problem(
    client, world, method, path, body, status, words
):
    sign_in(client, world.admin)
    response = client.open(path, method=method, data=body, content_type=FORM)
    page = response.get_data(as_text=True)
    assert response.status_code != 500, page
    assert response.status_code == status, page
    assert words in page


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "words"),
    [case[1:] for case in API],
    ids=[case[0] for case in API],
)
def test_bad_api_request_gets_a_4xx_json_answer_naming_the_problem(
    client, world, method, path, body, status, words
):
    headers = {"Authorization": f"Bearer {create_token(world.admin, actor=SYSTEM)}"}
    db.session.commit()
    response = client.open(
        f"/api/v1{path}",
        method=method,
        data=_body(body),
        headers=headers,
        content_type="application/json",
    )
    text = response.get_data(as_text=True)
    assert response.status_code != 500, text
    assert response.status_code == status, text
    assert response.is_json
    assert words in text.replace(" ", "") or words in text


@pytest.mark.parametrize("path", ["/admin/accounts", "/api/v1/admin/accounts"])
def test_a_wildcard_typed_in_an_account_search_is_looked_for_as_itself(client, world, path):
    """LIKE's wildcards "_" and "%", typed, once stood for any character and listed
    every account."""
    sign_in(client, world.admin)
    headers = {"Authorization": f"Bearer {create_token(world.admin, actor=SYSTEM)}"}
    db.session.commit()
    for typed in ("_", "%"):
        answer = client.get(path, query_string={"q": typed}, headers=headers)
        assert answer.status_code == 200
        assert world.admin.email not in answer.get_data(as_text=True)


@pytest.mark.app_config(MAX_CONTENT_LENGTH=4096)
def test_a_body_over_the_size_limit_is_a_413_json_answer(client, world):
    headers = {"Authorization": f"Bearer {create_token(world.admin, actor=SYSTEM)}"}
    db.session.commit()
    response = client.post("/api/v1/deid/scan", json={"text": "x" * 10_000}, headers=headers)
    assert response.status_code == 413
    assert response.get_json()["error"] == "request_entity_too_large"


@pytest.mark.parametrize(
    "path",
    [
        f"/programs/hcv?page={HUGE}",
        f"/my/cases?page={PAST_63}",
        "/review?page=-3",
        f"/notifications?page={HUGE}",
        f"/search?q=hcv&page={HUGE}&per_page={HUGE}&year_from={HUGE}",
    ],
)
def test_web_list_pages_land_on_a_real_page_for_huge_page_numbers(client, world, path):
    """The web lists' contract: an out-of-range page shows a real page, not an error (the
    API refuses the same numbers, naming the parameter)."""
    sign_in(client, world.admin)
    assert client.get(path).status_code == 200
