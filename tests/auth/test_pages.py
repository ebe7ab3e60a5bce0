"""Signing in and out through the web pages."""

from __future__ import annotations

import re

from app.extensions import db
from tests.conftest import PASSWORD, make_app, sign_in


def test_sign_in_page_has_labelled_fields(client):
    html = client.get("/sign-in").get_data(as_text=True)
    assert '<label for="email">Email</label>' in html
    assert '<label for="password">Password</label>' in html
    assert 'autocomplete="current-password"' in html
    assert "<main" in html and 'href="#main"' in html


def test_sign_in_lands_on_home_with_a_greeting(client, make_user):
    user = make_user("expert")
    response = client.post(
        "/sign-in", data={"email": user.email, "password": PASSWORD}, follow_redirects=True
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert f"Signed in as {user.display_name}." in html
    assert "Your programs" in html


def test_wrong_password_reshows_form_with_email_kept_and_a_message(client, make_user):
    user = make_user("provider")
    response = client.post("/sign-in", data={"email": user.email, "password": "wrong-password"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'value="{user.email}"' in html
    assert 'role="alert"' in html
    assert html.count("The email or the password is not right.") == 1
    assert "wrong-password" not in html  # the password is never echoed back


def test_unknown_email_gets_the_same_message(client, make_user):
    response = client.post("/sign-in", data={"email": "nobody@example.org", "password": "x" * 12})
    assert "The email or the password is not right." in response.get_data(as_text=True)


def test_sign_in_goes_back_to_the_page_asked_for(client, make_user):
    user = make_user("provider")
    response = client.get("/programs/anything")
    assert response.status_code == 302
    target = response.headers["Location"]
    response = client.post(target, data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/programs/anything"


def test_sign_in_does_not_redirect_off_site(client, make_user):
    user = make_user("provider")
    response = client.post(
        "/sign-in?next=https://evil.example/", data={"email": user.email, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/"


def test_inactive_account_cannot_sign_in(client, make_user):
    user = make_user("provider")
    user.active = False
    db.session.commit()
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 422


def test_sign_out_ends_the_session(client, make_user):
    sign_in(client, make_user("provider"))
    response = client.post("/sign-out", follow_redirects=True)
    assert "You are signed out." in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_sign_out_needs_post(client, make_user):
    sign_in(client, make_user("provider"))
    assert client.get("/sign-out").status_code == 405


def test_csrf_is_enforced_on_sign_in_and_sign_out(app, tmp_path, make_user):
    user = make_user("provider")
    # The same database as the `app` fixture, with CSRF protection on as in production.
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    strict = make_app(url, tmp_path / "index", WTF_CSRF_ENABLED=True)
    client = strict.test_client()
    response = client.post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)

    html = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    response = client.post(
        "/sign-in", data={"email": user.email, "password": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302
    home = client.get("/").get_data(as_text=True)
    assert client.post("/sign-out").status_code == 400  # no token
    token = re.search(r'name="csrf_token" value="([^"]+)"', home).group(1)
    assert client.post("/sign-out", data={"csrf_token": token}).status_code == 302


def test_pages_send_a_strict_content_security_policy(client):
    csp = client.get("/sign-in").headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
