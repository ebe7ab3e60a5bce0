"""The admin journey in Chromium: create an account, its holder signs in with the temporary
password and must choose their own; a bad form is shown again; deactivation refuses the
next sign-in; a provider is refused the console. Screenshots of each admin page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

NEW_PASSWORD = "lantern orchard quietly 58"


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def test_admin_creates_an_account_then_deactivates_it(browser, live_server, artifacts):
    admin_context, admin = open_page(browser, live_server)
    user_context, user = open_page(browser, live_server)
    try:
        sign_in(admin, "admin@example.org")
        admin.get_by_role("link", name="Admin", exact=True).click()
        admin.wait_for_url("**/admin")
        admin.screenshot(path=artifacts / "admin-home.png", full_page=True)
        admin.get_by_role("link", name="Accounts", exact=True).first.click()
        admin.wait_for_url("**/admin/accounts")
        admin.screenshot(path=artifacts / "admin-accounts.png", full_page=True)
        admin.get_by_role("link", name="New account").click()

        # Bad input: the form comes back with what was typed and the field named.
        admin.get_by_label("Email").fill("not an email")
        admin.get_by_label("Name").fill("Nadia Okafor, MD")
        admin.get_by_label("Role").select_option("expert")
        admin.get_by_label("Hepatitis C ECHO").check()
        admin.get_by_role("button", name="Create account").click()
        expect(admin.get_by_text("Enter a valid email address.").first).to_be_visible()
        expect(admin.get_by_label("Name")).to_have_value("Nadia Okafor, MD")
        expect(admin.get_by_label("Hepatitis C ECHO")).to_be_checked()
        admin.screenshot(path=artifacts / "admin-account-error.png", full_page=True)

        admin.get_by_label("Email").fill("nadia@example.org")
        admin.get_by_role("button", name="Create account").click()
        shown = admin.locator("#temporary-password code")
        expect(shown).to_have_text(re.compile(r"^.{12,}$"), use_inner_text=True)
        temporary = shown.inner_text()
        admin.screenshot(path=artifacts / "admin-temporary-password.png", full_page=True)

        # The new expert signs in and must choose a password before anything else.
        sign_in(user, "nadia@example.org", temporary)
        expect(user).to_have_url(re.compile(r"/account/new-password$"))
        user.screenshot(path=artifacts / "admin-forced-password.png", full_page=True)
        user.goto("/practices")
        expect(user).to_have_url(re.compile(r"/account/new-password$"))
        user.get_by_label("Temporary password").fill(temporary)
        user.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
        user.get_by_label("Confirm new password").fill(NEW_PASSWORD)
        with user.expect_navigation():
            user.get_by_role("button", name="Save password and continue").click()
        expect(user.get_by_text("Password changed. Welcome to Casebook.")).to_be_visible()
        expect(user.get_by_role("link", name="Nadia Okafor, MD")).to_be_visible()

        # The admin deactivates the account: the open sign-in ends, a new one is refused.
        admin.get_by_role("link", name="Back to the account").click()
        admin.wait_for_url(re.compile(r"/admin/accounts/\d+$"))
        admin.screenshot(path=artifacts / "admin-account.png", full_page=True)
        admin.get_by_role("button", name="Deactivate").click()
        expect(admin.get_by_text("is deactivated")).to_be_visible()
        user.goto("/")
        expect(user).to_have_url(re.compile(r"/sign-in"))
        sign_in(user, "nadia@example.org", NEW_PASSWORD)
        expect(user).to_have_url(re.compile(r"/sign-in"))
        expect(user.get_by_text("The email or the password is not right.")).to_be_visible()

        for path, name in (
            ("/admin/programs", "admin-programs.png"),
            ("/admin/programs/hcv", "admin-program.png"),
            ("/admin/topics", "admin-topics.png"),
            ("/admin/audit?kind=accounts", "admin-audit.png"),
        ):
            admin.goto(path)
            admin.screenshot(path=artifacts / name, full_page=True)
        admin.goto("/admin/topics?q=hepatitis")
        with admin.expect_navigation():
            admin.locator("#topics a").first.click()
        admin.screenshot(path=artifacts / "admin-topic.png", full_page=True)
        assert admin.console_errors == [] and user.console_errors == []
    finally:
        admin_context.close()
        user_context.close()


def test_a_provider_is_refused_the_console(browser, live_server):
    context, page = open_page(browser, live_server)
    try:
        sign_in(page, live_server.provider_email)
        expect(page.get_by_role("link", name="Admin", exact=True)).to_have_count(0)
        response = page.goto("/admin/accounts")
        assert response.status == 403
    finally:
        context.close()
