"""Settings for HTTPS deployments, no caching of case text, and the one safe-redirect helper."""

from __future__ import annotations

import pytest

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.config import from_environment
from app.extensions import db
from app.web import safe_redirect_target
from tests.conftest import PASSWORD, sign_in
from tests.support.builders import build_world

OFF_SITE = [
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "///evil.example",
    "\\\\evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/ok\x00",
    "/ok\x7f",
    " /ok",
    "",
    None,
]


@pytest.mark.parametrize("target", OFF_SITE)
def test_safe_redirect_target_refuses_anything_that_could_leave_the_site(target):
    assert safe_redirect_target(target, "/home") == "/home"


@pytest.mark.parametrize("target", ["/cases/3", "/review?page=2", "/practices/1#endorsements"])
def test_safe_redirect_target_keeps_paths_on_this_site(target):
    assert safe_redirect_target(target, "/home") == target


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    return build_world(make_user)


@pytest.mark.parametrize("target", OFF_SITE[:10])
def test_sign_in_never_redirects_off_site(client, world, target):
    from urllib.parse import quote

    response = client.post(
        f"/sign-in?next={quote(target)}",
        data={"email": world.provider.email, "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_sign_in_follows_a_next_on_this_site(client, world):
    response = client.post(
        "/sign-in?next=/my/cases", data={"email": world.provider.email, "password": PASSWORD}
    )
    assert response.headers["Location"] == "/my/cases"


@pytest.mark.parametrize("target", OFF_SITE[:10])
def test_case_actions_never_redirect_off_site(client, world, target):
    sign_in(client, world.other_provider)
    response = client.post(f"/cases/{world.draft.id}/submit", data={"next": target})
    assert response.status_code == 303
    assert response.headers["Location"] == f"/cases/{world.draft.id}"


def test_case_actions_follow_a_next_on_this_site(client, world):
    sign_in(client, world.other_provider)
    response = client.post(f"/cases/{world.draft.id}/submit", data={"next": "/my/cases"})
    assert response.headers["Location"] == "/my/cases"


def test_https_setting_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CASEBOOK_HTTPS", "1")
    assert from_environment(tmp_path, need_secret=False)["CASEBOOK_HTTPS"] is True
    monkeypatch.setenv("CASEBOOK_HTTPS", "")
    assert from_environment(tmp_path, need_secret=False)["CASEBOOK_HTTPS"] is False


@pytest.mark.app_config(CASEBOOK_HTTPS=True)
def test_behind_https_answers_carry_hsts_and_cookies_are_secure(app, client, world):
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    response = client.post(
        "/sign-in",
        data={"email": world.provider.email, "password": PASSWORD, "remember": "y"},
        base_url="https://localhost",
    )
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    cookies = response.headers.getlist("Set-Cookie")
    session = next(c for c in cookies if c.startswith("session="))
    remember = next(c for c in cookies if c.startswith("remember_token="))
    for cookie in (session, remember):
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_without_https_there_is_no_hsts(client, world):
    response = client.get("/sign-in")
    assert "Strict-Transport-Security" not in response.headers


def test_pages_and_api_answers_with_case_text_are_not_cached(client, world):
    sign_in(client, world.provider)
    for path in ("/", "/my/cases", f"/cases/{world.case.id}", "/search?q=hcv"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path
    headers = {"Authorization": f"Bearer {create_token(world.provider, actor=SYSTEM)}"}
    db.session.commit()
    for path in ("/api/v1/cases", "/api/v1/cases/999999"):
        assert client.get(path, headers=headers).headers["Cache-Control"] == "no-store"


def test_static_files_keep_their_caching(client, world):
    sign_in(client, world.provider)
    response = client.get("/static/css/casebook.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_static_urls_name_their_content_so_browsers_keep_the_files(client, world, tmp_path):
    """Pages link static files with their content's digest: such a URL is kept for a year
    (no request per page); a URL without it, or with another digest, is asked again."""
    import re

    sign_in(client, world.provider)
    page = client.get("/").get_data(as_text=True)
    found = re.search(r'href="(/static/css/casebook\.css\?v=([0-9a-f]{12}))"', page)
    assert found, "the stylesheet's link carries its digest"
    kept = client.get(found.group(1))
    assert kept.status_code == 200
    assert "max-age=31536000" in kept.headers["Cache-Control"]
    assert "immutable" in kept.headers["Cache-Control"]
    assert kept.headers["X-Content-Type-Options"] == "nosniff"
    for url in ("/static/css/casebook.css", "/static/css/casebook.css?v=000000000000"):
        asked = client.get(url)
        assert asked.status_code == 200
        assert "max-age=31536000" not in asked.headers.get("Cache-Control", "")
    # a blueprint's static files too (the search page's script)
    search = client.get("/search?q=hcv").get_data(as_text=True)
    assert re.search(r'/static/search/[^"?]+\?v=[0-9a-f]{12}"', search)


def test_an_edited_static_file_gets_a_new_url(app, tmp_path):
    from app.web import static_version

    folder = tmp_path / "static"
    folder.mkdir()
    (folder / "site.css").write_text("body { color: black; }")
    app.static_folder = str(folder)
    first = static_version(app, "static", "site.css")
    (folder / "site.css").write_text("body { color: navy; }")
    second = static_version(app, "static", "site.css")
    assert first and second and first != second
    assert static_version(app, "static", "missing.css") is None
    assert static_version(app, "static", "") is None  # the folder itself
    assert static_version(app, "static", "../secret_key") is None
