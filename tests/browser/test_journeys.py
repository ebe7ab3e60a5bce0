"""Real-browser journeys: keyboard-only use, sign-in errors, small screens."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def focused(page) -> str:
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return (el.innerText || el.value || el.getAttribute('aria-label') || '').trim(); }"
    )


def tab_to(page, text: str, limit: int = 60) -> None:
    """Press Tab until the focused element's text starts with `text`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page).startswith(text):
            return
    raise AssertionError(f"could not reach {text!r} with the Tab key")


def sign_in_with_keyboard(page, email: str, password: str) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/sign-in"))
    # The email field has focus on arrival (autofocus), so typing goes straight into it.
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'email'")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_keyboard_user_signs_in_browses_and_signs_out(browser, live_server, artifacts):
    context, page = open_page(browser, live_server)
    try:
        sign_in_with_keyboard(page, live_server.provider_email, PASSWORD)
        expect(page).to_have_url(live_server.url + "/")
        expect(page.get_by_role("heading", name="Your programs")).to_be_visible()
        expect(page.get_by_text("Signed in as Marcus Bell, MD.")).to_be_visible()
        page.screenshot(path=artifacts / "home-desktop.png", full_page=True)

        tab_to(page, "Hepatitis C ECHO")
        page.screenshot(path=artifacts / "home-focus-desktop.png")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/programs/hcv$"))
        expect(page.get_by_role("heading", name="Hepatitis C ECHO", level=1)).to_be_visible()
        page.screenshot(path=artifacts / "program-desktop.png", full_page=True)

        tab_to(page, "Simplified HCV treatment in primary care")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/programs/hcv/sessions/1$"))
        page.screenshot(path=artifacts / "session-desktop.png", full_page=True)

        tab_to(page, live_server.case_title)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"/cases/{live_server.case_id}$"))
        expect(page.get_by_role("heading", name="Question for the hub")).to_be_visible()
        current = page.locator('.breadcrumbs [aria-current="page"]')
        expect(current).to_have_text(f"Case {live_server.case_id}", use_inner_text=True)
        page.screenshot(path=artifacts / "case-desktop.png", full_page=True)

        tab_to(page, "Sign out")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/sign-in"))
        expect(page.get_by_text("You are signed out.")).to_be_visible()
        assert page.console_errors == []
    finally:
        context.close()


def test_skip_link_is_first_and_visible_on_focus(browser, live_server, artifacts):
    context, page = open_page(browser, live_server)
    try:
        page.goto("/no-such-page")  # a page without an autofocused field
        page.keyboard.press("Tab")
        assert focused(page) == "Skip to content"
        box = page.locator(".skip-link").bounding_box()
        assert box is not None and box["x"] >= 0
        page.screenshot(path=artifacts / "skip-link.png")
        page.keyboard.press("Enter")
        expect(page.locator("#main")).to_be_focused()
    finally:
        context.close()


def test_wrong_password_shows_the_message_and_keeps_the_email(browser, live_server, artifacts):
    context, page = open_page(browser, live_server)
    try:
        sign_in_with_keyboard(page, live_server.provider_email, "not-the-password")
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text(
            "The email or the password is not right.", use_inner_text=True
        )
        expect(page.get_by_label("Email")).to_have_value(live_server.provider_email)
        expect(page.get_by_label("Password")).to_have_value("")
        page.screenshot(path=artifacts / "sign-in-error-desktop.png", full_page=True)
        assert page.console_errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "path_of", ["home", "program", "paginated", "session", "case", "follow_up"]
)
def test_small_screen_has_no_horizontal_scroll(browser, live_server, artifacts, path_of):
    paths = {
        "home": "/",
        "program": "/programs/hcv",
        "paginated": "/programs/oud?page=2",
        "session": "/programs/hcv/sessions/1",
        "case": f"/cases/{live_server.case_id}",
        "follow_up": f"/cases/{live_server.follow_up_id}",
    }
    context, page = open_page(browser, live_server, width=390, height=844)
    try:
        sign_in_with_keyboard(page, live_server.provider_email, PASSWORD)
        page.goto(paths[path_of])
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        page.screenshot(path=artifacts / f"{path_of}-mobile.png", full_page=True)
        assert widths[0] <= widths[1], f"page is {widths[0]}px wide in a {widths[1]}px viewport"
        assert page.console_errors == []
    finally:
        context.close()


def test_sign_in_page_on_a_small_screen(browser, live_server, artifacts):
    context, page = open_page(browser, live_server, width=390, height=844)
    try:
        page.goto("/sign-in")
        page.screenshot(path=artifacts / "sign-in-mobile.png", full_page=True)
        assert page.evaluate(
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    finally:
        context.close()


def test_page_links_are_reachable_by_keyboard(browser, live_server, artifacts):
    context, page = open_page(browser, live_server)
    try:
        sign_in_with_keyboard(page, live_server.provider_email, PASSWORD)
        page.goto("/programs/oud")
        tab_to(page, "Older")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/programs/oud\?page=2$"))
        expect(page.locator('.pagination [aria-current="page"]')).to_have_text(
            re.compile(r"2$"), use_inner_text=True
        )
        page.screenshot(path=artifacts / "paginated-desktop.png", full_page=True)
    finally:
        context.close()
