"""An admin invites someone with mail delivery off: the link is shown once; the invitee
opens it, a weak password is refused, a good one signs them in; the link is then spent."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.test_case_journey import shoot, sign_in

pytestmark = pytest.mark.browser


def test_an_invitee_chooses_a_password_from_the_link(browser, live_server, artifacts):
    context, page = open_page(browser, live_server)
    sign_in(page, "admin@example.org")
    page.goto("/admin/accounts/new")
    page.get_by_role("link", name="invite by email").click()
    expect(page.locator("#mail-off")).to_contain_text("Mail delivery is off")
    page.get_by_label("Email").fill("not-an-address")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.locator("#form-problem")).to_be_visible()
    expect(page.get_by_label("Email")).to_have_value("not-an-address")
    page.get_by_label("Email").fill("nina@example.org")
    page.get_by_label("Name").fill("Nina Okafor")
    page.get_by_label("Role").select_option("expert")
    page.get_by_label("Hepatitis C ECHO").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Send invitation").click()
    shown = page.locator("#invitation-link")
    expect(shown).to_have_text(re.compile(r"/invitations/\S+$"), use_inner_text=True)
    link = shown.inner_text()
    shoot(page, artifacts, "invite-1-link-shown-desktop")
    page.get_by_role("link", name="Back to invitations").click()
    expect(page.locator("#invitations")).to_contain_text("nina@example.org")
    assert "/invitations/ey" not in page.content()
    assert page.console_errors == []
    context.close()

    context, page = open_page(browser, live_server)
    page.goto(link)
    expect(page.get_by_role("heading", name="Welcome, Nina Okafor")).to_be_visible()
    page.get_by_label("Password", exact=False).first.fill("password12345")
    page.get_by_label("Confirm password").fill("password12345")
    page.get_by_role("button", name="Set password and sign in").click()
    expect(page.locator("#form-problem")).to_be_visible()
    shoot(page, artifacts, "invite-2-weak-password-desktop")
    page.locator("#f-password").fill("tangerine-lighthouse-vertigo")
    page.get_by_label("Confirm password").fill("tangerine-lighthouse-vertigo")
    with page.expect_navigation():
        page.get_by_role("button", name="Set password and sign in").click()
    expect(page.get_by_text("Welcome to Casebook, Nina Okafor")).to_be_visible()
    expect(page.locator(".who-name")).to_have_text("Nina Okafor")
    assert page.console_errors == []
    context.close()

    context, page = open_page(browser, live_server)
    response = page.goto(link)
    assert response is not None and response.status == 404
    expect(page.get_by_text("used already")).to_be_visible()
    context.close()
