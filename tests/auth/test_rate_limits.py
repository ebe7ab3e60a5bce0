"""Flask-Limiter on sign-in and token endpoints: in memory by default, in Redis when
CASEBOOK_RATELIMIT_STORAGE_URI says so (shared by several worker processes)."""

from __future__ import annotations

import os
import secrets

import pytest

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from tests.conftest import PASSWORD, make_app
from tests.support import children
from tests.support.clients import fresh_client

REDIS_URL = os.environ.get("CASEBOOK_TEST_REDIS_URL", "redis://127.0.0.1:6379")


def _require_redis() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001 - any failure means "no server here"
        problem = f"no Redis answers at {REDIS_URL} ({type(exc).__name__})"
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis rate-limit test cannot run in CI: {problem}.")
        pytest.skip(f"Redis rate-limit test skipped: {problem}.")


def _post_sign_in(client, email="someone@example.org", password="wrong-password-1"):  # noqa: S107
    return client.post("/sign-in", data={"email": email, "password": password})


@pytest.mark.app_config(CASEBOOK_RATELIMIT_SIGN_IN="3 per minute")
def test_sign_in_posts_are_limited_per_client_in_memory_by_default(app, make_user):
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://"
    user = make_user("provider")
    client = fresh_client(app)
    for _ in range(5):
        assert client.get("/sign-in").status_code == 200  # showing the form is not counted
    assert [_post_sign_in(client).status_code for _ in range(3)] == [422, 422, 422]
    response = _post_sign_in(client, user.email, PASSWORD)  # even the right password
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    assert "Too many attempts from your network" in html
    assert "Retry-After" in response.headers
    other_address = client.post(
        "/sign-in",
        data={"email": user.email, "password": PASSWORD},
        environ_base={"REMOTE_ADDR": "127.0.0.2"},
    )
    assert other_address.status_code == 302


@pytest.mark.app_config(CASEBOOK_RATELIMIT_TOKENS="2 per minute")
def test_token_endpoints_are_limited_and_answer_json(app, make_user):
    user = make_user("expert")
    token = create_token(user, actor=SYSTEM)
    db.session.commit()
    client = fresh_client(app)
    headers = {"Authorization": f"Bearer {token}"}
    assert [client.get("/api/v1/tokens", headers=headers).status_code for _ in range(2)] == [
        200,
        200,
    ]
    response = client.get("/api/v1/tokens", headers=headers)
    assert response.status_code == 429
    assert response.get_json()["error"] == "too_many_requests"
    assert client.get("/api/v1/me", headers=headers).status_code == 200  # other endpoints not


def test_redis_storage_counts_across_worker_processes(tmp_path):
    _require_redis()
    prefix = "casebook-test-" + secrets.token_hex(6)  # this run's own counters
    # Another worker process spends three of the four allowed attempts…
    # Forked from the children's server (the app imported once), not a fresh interpreter.
    worker = children.run(
        "tests.auth.rate_limit_worker", REDIS_URL, prefix, "3", str(tmp_path), timeout=600
    )
    assert worker.returncode == 0, worker.stderr[-2000:]
    assert worker.stdout.split() == ["422", "422", "422"]
    # …so this one has one left.
    app = make_app(
        f"sqlite:///{tmp_path / 'here.sqlite3'}",
        tmp_path / "index",
        RATELIMIT_STORAGE_URI=REDIS_URL,
        RATELIMIT_KEY_PREFIX=prefix,
        CASEBOOK_RATELIMIT_SIGN_IN="4 per minute",
    )
    try:
        with app.app_context():
            client = app.test_client()
            assert client.post("/sign-in", data={}).status_code == 422
            assert client.post("/sign-in", data={}).status_code == 429
    finally:
        import redis

        conn = redis.Redis.from_url(REDIS_URL)
        for key in conn.scan_iter(f"*{prefix}*", count=100):
            conn.delete(key)
        # The shared limiter goes back to memory for the tests that follow.
        make_app(f"sqlite:///{tmp_path / 'reset.sqlite3'}", tmp_path / "reset-index")


def test_the_storage_setting_comes_from_the_environment(monkeypatch, tmp_path):
    from app.config import from_environment

    monkeypatch.setenv("CASEBOOK_RATELIMIT_STORAGE_URI", REDIS_URL)
    monkeypatch.setenv("CASEBOOK_SECRET_KEY", "x")
    assert from_environment(tmp_path)["RATELIMIT_STORAGE_URI"] == REDIS_URL
    monkeypatch.delenv("CASEBOOK_RATELIMIT_STORAGE_URI")
    assert from_environment(tmp_path)["RATELIMIT_STORAGE_URI"] == "memory://"


def test_a_test_app_lets_a_world_sign_in_as_often_as_its_tests_need(app, make_user):
    """A served world (a browser file, the XSS slices) signs in from one address many times
    a minute; under the production limit the eleventh sign-in of a file, or of a test run
    again, was refused. Test apps lift the limit; the tests above set theirs."""
    user = make_user("provider")
    statuses = {
        fresh_client(app)
        .post("/sign-in", data={"email": user.email, "password": PASSWORD})
        .status_code
        for _ in range(25)
    }
    assert statuses == {302}
