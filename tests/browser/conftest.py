"""A live Casebook on 127.0.0.1 (a free port, a temp SQLite database, CSRF on) and a
headless Chromium from the system, driven with Playwright's sync API."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from flask import Flask
from werkzeug.serving import make_server

from app.auth.policy import SYSTEM
from app.extensions import db
from tests.conftest import PASSWORD, make_app
from tests.support.builders import build_world
from tests.support.shared import built_once

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
# How long a page, an action or an assertion may take: a bound for a page that never comes,
# not a speed check. Playwright's 30 s (5 s for assertions) was too little for the demo's
# search and candidates pages with the machine loaded (a load average of 30 on 2 cores).
WAIT_MS = 120_000


def _require_chromium() -> None:
    problem = None
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        problem = f"no Chromium at {CHROMIUM}; browser tests never download one"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed"
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Browser tests cannot run in CI: {problem}.")
        pytest.skip(f"Browser tests skipped: {problem}.")


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """`app` served on a free port of 127.0.0.1 from a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # shutdown() waits for the loop's next look at its flag: every 0.5 s by default.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        with app.app_context():
            db.engine.dispose()


NAMES = {
    "marcus@example.org": "Marcus Bell, MD",
    "dana@example.org": "Dana Whitfield, MD",
    "cora@example.org": "Cora Lindqvist",
}


def build_served_world(
    tmp: Path, extend: Callable[[SimpleNamespace, Callable[..., Any]], dict[str, Any]]
) -> tuple[Flask, dict[str, Any]]:
    """A Casebook app (CSRF on, a SQLite file in `tmp`) on tests/support/builders.py's world
    and what `extend(world, make_user)` adds to it, with the values `extend` returns (ids,
    emails: the rows themselves stay in the server's session)."""
    from app.auth.models import Role
    from app.auth.operations import create_user

    app = make_app(f"sqlite:///{tmp / 'casebook.sqlite3'}", tmp / "index", WTF_CSRF_ENABLED=True)
    with app.app_context():
        db.create_all()
        counter = iter(range(1000))

        def make_user(role="provider", *, email=None, programs=()):
            n = next(counter)
            role = Role(role)
            user = create_user(
                email or f"{role.value}{n}@example.org",
                NAMES.get(email or "", f"{role.label} {n}"),
                role,
                password=PASSWORD,
                program_slugs=programs,
                actor=SYSTEM,
            )
            db.session.commit()
            return user

        values = extend(build_world(make_user), make_user)
        db.session.commit()
        db.session.remove()
    return app, values


def serve_world(
    tmp: Path, extend: Callable[[SimpleNamespace, Callable[..., Any]], dict[str, Any]]
) -> Iterator[SimpleNamespace]:
    """`build_served_world` live: yields the URL and the values `extend` returns."""
    _require_chromium()
    app, values = build_served_world(tmp, extend)
    with serving(app) as url:
        yield SimpleNamespace(url=url, **values)


def _extend_live(world: SimpleNamespace, make_user: Callable[..., Any]) -> dict[str, Any]:
    _add_long_program(world.provider)
    coordinator = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    return {
        "provider_email": world.provider.email,
        "expert_email": world.expert.email,
        "coordinator_email": coordinator.email,
        "case_id": world.case.id,
        "case_title": world.case.title,
        "elderly_id": world.elderly.id,
        "follow_up_id": world.follow_up.id,
    }


@pytest.fixture(scope="session")
def _live_world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """`live_server`'s world built once per run (tests/support/shared.py): its files and
    values."""
    _require_chromium()

    def build(folder: Path) -> dict[str, Any]:
        app, values = build_served_world(folder, _extend_live)
        with app.app_context():
            db.engine.dispose()  # the file whole, nothing left in a journal
        return values

    return built_once(tmp_path_factory, "live-world", build)


@pytest.fixture(scope="module")
def live_server(
    tmp_path_factory: pytest.TempPathFactory, _live_world: tuple[Path, dict[str, Any]]
) -> Iterator[SimpleNamespace]:
    """A live Casebook for one test file, on a copy of the world `_live_world` built: each
    file starts from the same data, as when each built its own."""
    source, values = _live_world
    tmp = tmp_path_factory.mktemp("live")
    shutil.copytree(source, tmp, dirs_exist_ok=True)
    app = make_app(f"sqlite:///{tmp / 'casebook.sqlite3'}", tmp / "index", WTF_CSRF_ENABLED=True)
    with serving(app) as url:
        yield SimpleNamespace(url=url, **values)


def launch_chromium() -> Iterator[Any]:
    """The system's headless Chromium, driven by Playwright, closed afterwards."""
    from playwright.sync_api import expect, sync_playwright

    # The assertions wait for what a click or a navigation brings, as long as actions do.
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _add_long_program(member) -> None:
    """A program with enough sessions to need page links."""
    from datetime import date, timedelta

    from app.auth.operations import add_membership
    from app.programs.operations import create_program, create_session

    program = create_program(
        "oud", "Opioid Use Disorder ECHO", description="Weekly sessions.", actor=SYSTEM
    )
    for n in range(45):
        create_session(
            program,
            date(2024, 1, 2) + timedelta(days=7 * n),
            title=f"Week {n + 1} session",
            didactic_topic="Buprenorphine induction in the fentanyl era",
            actor=SYSTEM,
        )
    add_membership(member, "oud", actor=SYSTEM)
    db.session.commit()


@pytest.fixture(scope="session")
def _shared_browser() -> Iterator[Any]:
    _require_chromium()
    yield from launch_chromium()


@pytest.fixture
def browser(_shared_browser: Any) -> Iterator[Any]:
    """One Chromium per test process: starting one (and Playwright's driver) for each file
    cost more than most tests' pages. Tests open their own contexts (`open_page`), so no
    cookie or storage passes between them; any a failed test left open is closed here."""
    yield _shared_browser
    for context in _shared_browser.contexts:
        context.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def open_page(browser, live_server, *, width=1280, height=900):
    """A fresh browser context (no cookies) and page.

    `page.console_errors` collects console errors (CSP violations among them) and failed
    sub-resources; a page's own 4xx status (a 404 page, a rejected sign-in) is not an error.
    """
    context = browser.new_context(
        viewport={"width": width, "height": height}, base_url=live_server.url
    )
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.console_errors = []

    def on_console(msg):
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            page.console_errors.append(msg.text)

    def on_response(response):
        if response.status >= 400 and response.request.resource_type != "document":
            page.console_errors.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    return context, page


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Everything here drives Chromium (so `-m "not browser"` leaves this folder out)."""
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)
