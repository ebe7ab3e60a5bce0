"""The account page in a real browser: two devices signed in, a token made and revoked,
the other device signed out from here."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def sign_in(page, email: str, *, remember: bool) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    if remember:
        page.get_by_label("Keep me signed in on this device").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile(r"/sign-in"))


def test_account_page_lists_devices_and_tokens_and_revokes_them(browser, live_server, artifacts):
    laptop_context, laptop = open_page(browser, live_server)
    phone_context, phone = open_page(browser, live_server, width=390, height=844)
    try:
        sign_in(phone, live_server.expert_email, remember=False)
        sign_in(laptop, live_server.expert_email, remember=True)

        laptop.get_by_role("link", name="Dana Whitfield, MD").click()
        laptop.wait_for_url("**/account")
        expect(laptop.get_by_role("heading", name="Where you are signed in")).to_be_visible()
        expect(laptop.locator("#sessions tbody tr")).to_have_count(2)
        expect(laptop.locator("#sessions tr.current").get_by_text("This browser")).to_be_visible()
        expect(laptop.locator("#sessions tr.current").get_by_text("Remembered")).to_be_visible()

        laptop.get_by_label("What the token is for").fill("nightly export")
        laptop.get_by_label("Valid for (days; empty for the default)").fill("30")
        laptop.get_by_role("button", name="Create token").click()
        shown = laptop.locator("#new-token code")
        expect(shown).to_have_text(re.compile(r"^cbk_"), use_inner_text=True)
        new_token = shown.inner_text()
        token_row = laptop.locator("#tokens tbody tr", has_text="nightly export")
        expect(token_row.get_by_text("Active")).to_be_visible()
        laptop.screenshot(path=artifacts / "account-desktop.png", full_page=True)

        # End the phone's sign-in from the laptop.
        # Back at /account, where the laptop already is: wait for the new page itself.
        other = laptop.locator("#sessions tbody tr:not(.current)")
        with laptop.expect_navigation():
            other.get_by_role("button", name="End").click()
        laptop.wait_for_url("**/account")
        expect(laptop.get_by_text("That sign-in has ended.")).to_be_visible()
        expect(laptop.locator("#sessions tbody tr")).to_have_count(1)
        phone.goto("/")
        expect(phone).to_have_url(re.compile(r"/sign-in"))

        with laptop.expect_navigation():
            laptop.locator("#tokens tbody tr", has_text="nightly export").get_by_role(
                "button", name="Revoke"
            ).click()
        laptop.wait_for_url("**/account")
        token_row = laptop.locator("#tokens tbody tr", has_text="nightly export")
        expect(token_row.get_by_text("Revoked")).to_be_visible()
        assert new_token not in laptop.content()  # shown once only
        assert laptop.console_errors == [] and phone.console_errors == []
        laptop.screenshot(path=artifacts / "account-after-revoke.png", full_page=True)

        sign_in(phone, live_server.expert_email, remember=False)
        phone.goto("/account")
        phone.screenshot(path=artifacts / "account-phone.png", full_page=True)
    finally:
        laptop_context.close()
        phone_context.close()
