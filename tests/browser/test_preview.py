"""The live Markdown preview of a recommendation's text in a real browser."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.test_case_journey import sign_in

pytestmark = pytest.mark.browser


def test_text_typed_before_the_script_runs_is_previewed(browser, live_server):
    # On a slow connection (or a loaded machine) the form can be typed into before its
    # deferred script has run: the preview shows that text once it does, not "Start typing".
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.expert_email)
    held = []
    page.route("**/static/js/preview.js*", lambda route: held.append(route))
    page.goto(f"/cases/{live_server.follow_up_id}/recommendations/new", wait_until="commit")
    page.locator("#f-body").fill("Give **sofosbuvir/velpatasvir** for 12 weeks.")
    # The held request reaches the handler when the page asks for it: waited for, not a
    # fixed 100 ms a loaded machine may not give it.
    deadline = time.monotonic() + 120  # reached only if the page never asks
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator("#f-body-preview strong")).to_have_text(
        "sofosbuvir/velpatasvir", use_inner_text=True
    )
    assert page.console_errors == []
    context.close()
