"""An expert saves a search, builds a teaching set from two cases with notes and shares it
with the program; a participant of the program opens it and prints the handout."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.test_case_journey import shoot, sign_in

pytestmark = pytest.mark.browser


def test_an_expert_shares_a_teaching_set_and_a_participant_prints_it(
    browser, live_server, artifacts
):
    # 1. The expert searches and saves the search.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.expert_email)
    page.goto("/search?q=HCV&type=case")
    page.get_by_label("Save this search as").fill("HCV cases")
    with page.expect_navigation():
        page.get_by_role("button", name="Save this search").click()
    expect(page.get_by_text("Search saved as “HCV cases”.")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="HCV cases").click()
    expect(page).to_have_url(re.compile(r"/search\?q=HCV&type=case$"))

    # 2. Two cases into a new set, each with a note.
    page.goto(f"/cases/{live_server.case_id}")
    page.get_by_role("link", name="Add to teaching set").first.click()
    page.get_by_label("Teaching set", exact=True).select_option("new")
    page.get_by_label("Title of the new set").fill("HCV in primary care")
    page.get_by_label("Note").fill("Ask the group: **why 12 weeks** here?")
    with page.expect_navigation():
        page.get_by_role("button", name="Add to set").click()
    expect(page.get_by_role("heading", name="HCV in primary care")).to_be_visible()
    page.goto(f"/cases/{live_server.elderly_id}")
    page.get_by_role("link", name="Add to teaching set").first.click()
    expect(page.get_by_label("Teaching set", exact=True)).to_have_value(re.compile(r"^\d+$"))
    page.get_by_label("Note").fill("Kidney function and DAA choice.")
    with page.expect_navigation():
        page.get_by_role("button", name="Add to set").click()
    items = page.locator("#items > li")
    expect(items).to_have_count(2)
    expect(items.first.locator("strong", has_text="why 12 weeks")).to_be_visible()

    # 3. Shared with the program.
    page.get_by_label("Shared with").select_option("hcv")
    with page.expect_navigation():
        page.get_by_role("button", name="Save sharing").click()
    expect(page.locator(".flash-success")).to_contain_text("Shared with Hepatitis C ECHO")
    set_path = "/" + page.url.split("/", 3)[3]
    shoot(page, artifacts, "teaching-1-set-expert")
    assert page.console_errors == []
    context.close()

    # 4. A participant of the program finds it, reads it, and prints the handout.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.provider_email)
    page.get_by_role("link", name="Teaching sets").click()
    with page.expect_navigation():
        page.locator("#shared-sets").get_by_role("link", name="HCV in primary care").click()
    expect(page).to_have_url(re.compile(re.escape(set_path) + "$"))
    expect(page.get_by_role("button", name="Save sharing")).to_have_count(0)
    with page.expect_navigation():
        page.get_by_role("link", name="Print handout").click()
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", name="HCV in primary care")).to_be_visible()
    expect(page.locator(".handout-item")).to_have_count(2)
    expect(page.locator(".handout-note").first).to_contain_text("why 12 weeks")
    expect(page.get_by_text("Back to the set")).to_be_hidden()
    shoot(page, artifacts, "teaching-2-handout-print")
    assert page.console_errors == []
    context.close()
