"""A presenter withdraws their case in a real browser, and search no longer finds it."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.test_case_journey import shoot, sign_in

pytestmark = pytest.mark.browser


def search_finds(page, title: str, *, expected: bool) -> bool:
    """Search until it answers as `expected`: the index is built, then kept current, in the
    background. A generous deadline (reached only if it never answers so) bounds the wait;
    ten seconds of tries were too few on a loaded machine."""
    deadline = time.monotonic() + 120
    while True:
        page.goto("/search?q=sofosbuvir")
        if "being built" not in page.content():
            shown = page.get_by_role("link", name=title).count() > 0
            if shown == expected or time.monotonic() > deadline:
                return shown
        elif time.monotonic() > deadline:
            return not expected
        page.wait_for_timeout(250)


def test_a_presenter_withdraws_their_case_and_search_no_longer_finds_it(
    browser, live_server, artifacts
):
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.provider_email)
    title = live_server.case_title
    assert search_finds(page, title, expected=True)

    page.goto(f"/cases/{live_server.case_id}")
    page.locator("summary", has_text="Withdraw case").click()
    page.get_by_label("Reason").select_option("presented_in_error")
    page.get_by_label("Hide this case from everyone else").check()
    shoot(page, artifacts, "withdraw-1-form-desktop")
    with page.expect_navigation():
        page.locator(".withdraw-panel").get_by_role("button", name="Withdraw case").click()
    expect(page.get_by_text("Case withdrawn")).to_be_visible()

    assert not search_finds(page, title, expected=False)
    response = page.goto(f"/cases/{live_server.case_id}")
    assert response is not None and response.status == 404
    assert page.console_errors == []
    context.close()

    # Its program's coordinator still finds it on the review page, with the banner.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.coordinator_email)
    page.goto("/review")
    page.get_by_role("link", name=title).click()
    expect(page.get_by_text("Withdrawn on")).to_be_visible()
    expect(page.get_by_text("(presented in error)")).to_be_visible()
    shoot(page, artifacts, "withdraw-2-banner-desktop")
    with page.expect_navigation():
        page.get_by_role("button", name="Restore").click()
    expect(page.get_by_text("Case restored")).to_be_visible()
    assert search_finds(page, title, expected=True)
    context.close()
