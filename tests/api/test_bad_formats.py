"""A value in a fixed format (a date, an email address, a finding's category or digest) that
is malformed is refused naming the field and the form it must have, never as if it were
free text."""

from __future__ import annotations

import re

import pytest

from app.api.base import SPEC
from app.api.spec import PATTERN_PROBLEMS
from app.inputs import DATE_PATTERN
from tests.support.builders import build_world
from tests.support.clients import bearer

DATE_FORM = "must be a date written YYYY-MM-DD."
DATE_YEARS = "must be a date between 1900 and 2200."
NOT_EMAIL = "is not an email address."


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", email="coord@example.org", programs=["hcv"])
    return w


def _refused(client, user, method: str, path: str, body: dict) -> tuple[str, str]:
    response = client.open(f"/api/v1{path}", method=method, json=body, headers=bearer(user))
    assert response.status_code == 422, response.get_data(as_text=True)
    answer = response.get_json()
    assert answer["errors"] == {answer["field"]: answer["message"]}
    return answer["field"], answer["message"]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("x", DATE_FORM),
        ("31/12/2026", DATE_FORM),
        ("2026-1-5", DATE_FORM),
        (" 2026-01-05", DATE_FORM),
        # Python's `$` matches before a final newline: JSON Schema's (ECMA's) does not
        ("2026-01-05\n", DATE_FORM),
        # not a date, whatever its year: as the web form tells it
        ("0001-13-45", DATE_FORM),
        ("\u0662\u0660\u0662\u0666-\u0660\u0661-\u0660\u0665", DATE_FORM),  # Arabic-Indic digits
        ("0001-01-01", DATE_YEARS),
        ("9999-12-31", DATE_YEARS),
    ],
)
def test_a_malformed_session_date_is_told_as_a_date(client, world, value, problem):
    created = _refused(client, world.coordinator, "POST", "/programs/hcv/sessions", {"date": value})
    assert created == ("date", f"date {problem}")
    path = f"/sessions/{world.second.id}"
    assert _refused(client, world.coordinator, "PATCH", path, {"date": value}) == created


@pytest.mark.parametrize("value", ["2026-01-05\n", " 2026-01-05", "2026-01-05 "])
@pytest.mark.parametrize(("path", "name"), [("/me/transcript", "from"), ("/curriculum", "start")])
def test_a_query_strings_date_with_spaces_or_a_newline_is_refused_naming_it(
    client, world, value, path, name
):
    response = client.get(f"/api/v1{path}", query_string={name: value}, headers=bearer(world.admin))
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.get_json()["field"] == name
    assert response.get_json()["message"] == f"{name} {DATE_FORM}"


@pytest.mark.parametrize("value", ["nope", "a@b", "two words@example.org", "@example.org"])
def test_a_malformed_email_is_told_as_not_an_email_address(client, world, value):
    invited = {"email": value, "role": "expert"}
    assert _refused(client, world.admin, "POST", "/admin/invitations", invited) == (
        "email",
        f"email {NOT_EMAIL}",
    )
    account = {"email": value, "display_name": "A", "role": "expert"}
    assert _refused(client, world.admin, "POST", "/admin/accounts", account) == (
        "email",
        f"email {NOT_EMAIL}",
    )


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ({"category": "place"}, "category must be the finding's category from the 422 answer"),
        (
            {"category": "FACILITY", "digest": "XYZ"},
            "digest must be the finding's digest from the 422 answer",
        ),
    ],
)
def test_a_malformed_finding_category_or_digest_says_what_it_must_be(client, world, given, problem):
    accepted = {"field": "title", "start": 0, "end": 4, "reason": "placeholder", **given}
    body = {"title": "Case", "accept_findings": [accepted]}
    field, message = _refused(client, world.admin, "PATCH", f"/sessions/{world.second.id}", body)
    assert field == f"accept_findings[0].{problem.split()[0]}"
    assert message.startswith(f"accept_findings[0].{problem}")


def test_every_pattern_the_api_publishes_is_told_in_words():
    """A new fixed-format field gets its words, or its refusal would read as free text's."""
    patterns: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("pattern"), str):
                patterns.add(node["pattern"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(SPEC.document())
    assert DATE_PATTERN in patterns
    assert patterns - {DATE_PATTERN} <= set(PATTERN_PROBLEMS)
    for pattern, problem in PATTERN_PROBLEMS.items():
        re.compile(pattern)
        assert problem.startswith(("must ", "is not ")), pattern
