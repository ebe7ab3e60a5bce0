"""Cross-site request forgery: every state-changing web route, taken from the URL map so a
new form is covered the day it is added, refuses a request without a valid CSRF token from
a signed-in session, and changes nothing. The API takes bearer tokens only, so a session
cookie alone gets nowhere there."""

from __future__ import annotations

import re
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask, g
from flask.testing import FlaskClient
from werkzeug.routing import IntegerConverter

from app.extensions import db
from app.practices.operations import propose_practice
from tests.conftest import PASSWORD
from tests.support.builders import build_world

pytestmark = pytest.mark.app_config(WTF_CSRF_ENABLED=True)

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
REFUSED = "Your form expired or was sent from elsewhere."


def fresh() -> None:
    """Requests share the test's app context, where Flask-Login caches the signed-in user
    and Flask-WTF the session's token: forget both, as a new request would."""
    g.pop("_login_user", None)
    g.pop("csrf_token", None)


def token_from(client: FlaskClient, path: str = "/sign-in") -> str:
    fresh()
    page = client.get(path).get_data(as_text=True)
    field = re.search(r'<input[^>]*name="csrf_token"[^>]*>', page)
    assert field, f"no CSRF token on {path}"
    return re.search(r'value="([^"]+)"', field.group(0)).group(1)


def signed_in(app: Flask, user: Any) -> FlaskClient:
    client = app.test_client()
    token = token_from(client)
    fresh()
    response = client.post(
        "/sign-in", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def snapshot() -> dict[str, list[str]]:
    """Every row of every table, as text: what a forged request must leave as it was."""
    db.session.expire_all()
    out = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(sa.select(table)).all()
        out[table.name] = sorted(repr(tuple(row)) for row in rows)
    db.session.rollback()
    return out


def unsafe_routes(app: Flask, *, api: bool) -> list[tuple[str, Any]]:
    return sorted(
        (
            (method, rule)
            for rule in app.url_map.iter_rules()
            for method in sorted(rule.methods & UNSAFE)
            if rule.rule.startswith("/api/") == api
        ),
        key=lambda item: (item[1].rule, item[0]),
    )


def url_for_rule(rule: Any, values: dict[str, Any]) -> str:
    """The rule's path with real ids from the world for its arguments."""
    args = {}
    for name in rule.arguments:
        numeric = isinstance(rule._converters[name], IntegerConverter)
        default = 1 if numeric else "hcv"
        args[name] = values.get(name, default)
    return rule.build(args, append_unknown=False)[1]


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    w.practice = propose_practice(
        "HBV serology before DAAs", "Check HBV serology first.", author=w.expert, actor=w.expert
    )
    db.session.commit()
    w.values = {
        "case_id": w.elderly.id,
        "session_id": w.second.id,
        "slug": "hcv",
        "number": w.second.number,
        "practice_id": w.practice.id,
        "recommendation_id": w.rec.id,
    }
    return w


def forged_body(w: Any) -> dict[str, Any]:
    """A form that would do something on each route if its token were valid."""
    return {
        "title": "Forged title",
        "question": "Forged question?",
        "comment": "Forged comment.",
        "body": "Forged body.",
        "category": "other",
        "kind": "agree",
        "note": "Forged note.",
        "reason": "Forged reason.",
        "statement": "Forged statement.",
        "status": "emerging",
        "stance": "endorse",
        "date": "2026-01-06",
        "case_id": str(w.elderly.id),
        "session_id": str(w.second.id),
        "practice_id": str(w.practice.id),
        "recommendation_id": str(w.rec.id),
        "recommendation": str(w.rec.id),
        "email": w.admin.email,
        "password": PASSWORD,
        "text": "Forged preview.",
    }


def test_every_state_changing_web_route_refuses_a_forged_request(app, world, capsys):
    others_token = token_from(app.test_client())  # valid, but for another session
    admin = signed_in(app, world.admin)
    routes = unsafe_routes(app, api=False)
    assert len(routes) >= 25, "the route table lost its forms?"
    before = snapshot()
    tried = accepted = 0
    for method, rule in routes:
        url = url_for_rule(rule, world.values)
        for token in (None, "forged-token", others_token):
            body = forged_body(world)
            if token is not None:
                body["csrf_token"] = token
            fresh()
            response = admin.open(url, method=method, data=body)
            tried += 1
            if response.status_code != 400 or REFUSED not in response.get_data(as_text=True):
                accepted += 1
                pytest.fail(f"{method} {rule.rule} with token {token!r}: {response.status_code}")
    assert snapshot() == before
    # Still signed in: a forged sign-out did not sign the admin out.
    fresh()
    home = admin.get("/")
    assert home.status_code == 200 and "Sign out" in home.get_data(as_text=True)
    with capsys.disabled():
        print(f"\nCSRF: {len(routes)} routes, {tried} forgeries tried, {accepted} accepted")


def test_the_same_request_with_its_own_token_goes_through(app, world):
    """The control: what refused the forgeries was the token, not the request."""
    admin = signed_in(app, world.admin)
    token = token_from(admin, f"/cases/{world.elderly.id}")
    url = f"/practices/{world.practice.id}/stance"
    response = admin.post(url, data={"stance": "endorse", "csrf_token": token})
    assert response.status_code == 303, response.get_data(as_text=True)
    db.session.expire_all()
    assert [e.stance.value for e in world.practice.endorsements] == ["endorse"]
    response = admin.post("/sign-out", data={"csrf_token": token})
    assert response.status_code in (302, 303)


def test_the_api_ignores_the_session_cookie(app, world):
    admin = signed_in(app, world.admin)
    routes = unsafe_routes(app, api=True)
    assert routes
    before = snapshot()
    for method, rule in routes:
        response = admin.open(
            url_for_rule(rule, world.values), method=method, json=forged_body(world)
        )
        assert response.status_code == 401, (method, rule.rule, response.status_code)
    assert snapshot() == before
