"""An expert on the demo instance turns a recommendation into an emerging best practice with
evidence from two sessions, and its page shows that timeline."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.demo_server import serve_demo, sign_in


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory, demo_snapshot):
    yield from serve_demo(tmp_path_factory.mktemp("demo"), demo_snapshot)


def test_expert_proposes_an_emerging_practice_from_two_sessions(browser, demo_server, artifacts):
    context, page = open_page(browser, demo_server)
    try:
        sign_in(page, demo_server, "expert@demo.casebook.example")
        # From the candidates: the low-dose buprenorphine group, uncited so far.
        page.goto("/practices/candidates")
        group = page.locator(".candidate", has_text="low-dose").first
        first_rec = group.locator(".related-item").first
        rec_href = first_rec.locator("a").first.get_attribute("href")
        rec_id = rec_href.split("#rec-")[1]
        page.goto(f"/practices/new?recommendation={rec_id}")
        page.get_by_label("Title").fill(
            "Offer low-dose buprenorphine induction to people using fentanyl"
        )
        page.get_by_label("Statement").fill(
            "Start buprenorphine at 0.5 mg while fentanyl continues, and build up over a week."
        )
        page.get_by_label("Note on this evidence").fill("First low-dose start in the series.")
        # A related recommendation from another session joins as evidence.
        related = page.locator(".related-item", has_text="low-dose").first
        related.locator("input[type=checkbox]").check()
        page.get_by_role("button", name="Update evidence").click()
        expect(page.locator(".evidence-item")).to_have_count(2)
        page.get_by_label("Start as").select_option("emerging")
        page.get_by_label("Reason for the status").fill("Given in two sessions already.")
        page.screenshot(path=str(artifacts / "practice-propose.png"), full_page=True)
        # The form is at /practices/new, so the practice's page is told apart by its id.
        page.get_by_role("button", name="Propose").click()
        page.wait_for_url(re.compile(r"/practices/\d+$"))
        expect(page.locator(".page-head")).to_contain_text("Emerging", use_inner_text=True)
        items = page.locator(".practice-timeline-item")
        expect(items).to_have_count(2)
        dates = [items.nth(i).locator("time").get_attribute("datetime") for i in range(2)]
        assert dates == sorted(dates) and dates[0] != dates[1]
        expect(page.locator(".evidence-quote")).to_have_count(2)
        page.screenshot(path=str(artifacts / "practice-page.png"), full_page=True)
        assert page.console_errors == []
    finally:
        context.close()


def test_expert_is_warned_of_a_conflict_and_the_coordinator_sees_the_dissent(
    browser, demo_server, artifacts
):
    """The demo's emerging practice asks for HBV serologies before every DAA start; an
    expert writing "skip HBsAg testing" on an HCV case is warned before it is published."""
    reason = "Documented HBV immunity on file; the serologies would not change the plan."
    context, page = open_page(browser, demo_server)
    try:
        sign_in(page, demo_server, "expert@demo.casebook.example")
        page.goto("/search?q=genotype+1b+pre-procedure+testing")
        page.get_by_role("link", name="Woman aged 90+ with genotype 1b HCV").first.click()
        page.wait_for_url("**/cases/*")
        page.get_by_role("link", name="Write a recommendation").first.click()
        page.get_by_label("Category").select_option("diagnostic")
        page.locator("textarea[name=body]").fill(
            "Skip HBsAg testing; start glecaprevir/pibrentasvir for 8 weeks."
        )
        page.get_by_role("button", name="Publish").click()
        page.wait_for_url("**/edit#conflicts")
        warning = page.locator("#conflicts")
        expect(warning).to_contain_text(
            "may contradict a current best practice", use_inner_text=True
        )
        item = warning.locator(".conflict-item", has_text="Check HBV serologies")
        expect(item).to_contain_text("Emerging", use_inner_text=True)
        expect(item.locator("a").nth(1)).to_be_attached()  # more than one link: the evidence
        page.screenshot(path=str(artifacts / "conflict-warning.png"), full_page=True)
        item.get_by_label("Intentional, because…").fill(reason)
        # Back at the same address: the reason in the text is what tells the new page.
        with page.expect_navigation():
            item.get_by_role("button", name="Mark intentional").click()
        page.wait_for_url("**/edit#conflicts")
        expect(page.locator("#conflicts")).to_contain_text(reason, use_inner_text=True)
        page.get_by_role("button", name="Save and publish").click()
        page.wait_for_url("**/cases/*")
        assert page.console_errors == []
    finally:
        context.close()

    context, page = open_page(browser, demo_server)
    try:
        sign_in(page, demo_server, "coordinator@demo.casebook.example")
        page.goto("/programs/hcv/desk#dissents")
        dissents = page.locator("#dissents")
        expect(dissents).to_contain_text(reason, use_inner_text=True)
        expect(dissents).to_contain_text("Check HBV serologies", use_inner_text=True)
        dissents.screenshot(path=str(artifacts / "conflict-desk.png"))
        # The practice's page has a #dissents too: wait for it, not the desk's.
        dissents.get_by_role("link", name="Check HBV serologies").first.click()
        page.wait_for_url(re.compile(r"/practices/\d+(#.*)?$"))
        expect(page.locator("#dissents")).to_contain_text(reason, use_inner_text=True)
        assert page.console_errors == []
    finally:
        context.close()
