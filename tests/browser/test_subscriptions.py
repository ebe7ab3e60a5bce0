"""An expert follows a topic; a provider's case on it is approved; the expert finds it in
the notifications and the digest, without the case's title."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.test_case_journey import shoot, sign_in

pytestmark = pytest.mark.browser

TITLE = "71-year-old woman with genotype 2 HCV on dialysis"


def test_a_follower_hears_of_a_new_case_on_their_topic(browser, live_server, artifacts):
    # 1. The expert follows the topic.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.expert_email)
    page.get_by_role("link", name=re.compile("^Notifications")).click()
    page.get_by_role("link", name="Topics and programs you follow").click()
    page.get_by_role("combobox", name=re.compile("^Topic")).fill("Hepatitis C")
    with page.expect_navigation():
        page.get_by_role("button", name="Follow topic").click()
    expect(page.get_by_text("You follow Hepatitis C")).to_be_visible()
    expect(page.locator("#subscriptions")).to_contain_text("Hepatitis C")
    shoot(page, artifacts, "follow-1-subscriptions-desktop")
    assert page.console_errors == []
    context.close()

    # 2. A provider writes a case on it; the coordinator approves it.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.provider_email)
    page.goto("/programs/hcv/cases/new")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Age in years").fill("71")
    page.get_by_label("Sex").select_option("female")
    page.get_by_label("History of present illness").fill("On haemodialysis three times a week.")
    page.get_by_label("Medications").fill("- sevelamer with meals")
    page.get_by_label("HCV genotype").select_option("2")
    page.get_by_label("Baseline HCV RNA").fill("420000")
    page.get_by_label("Questions for the hub").fill("Which regimen suits dialysis?")
    page.get_by_role("textbox", name=re.compile("^Topics")).fill("Hepatitis C")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(re.compile(r"/cases/\d+$"))
    case_path = "/" + page.url.split("/", 3)[3]
    context.close()

    context, page = open_page(browser, live_server)
    sign_in(page, live_server.coordinator_email)
    page.goto("/review")
    page.locator(".case-item", has_text=TITLE).get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Case approved.")).to_be_visible()
    context.close()

    # 3. The expert sees the notification (no title in it) and opens the case.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.expert_email)
    expect(page.locator(".nav-count")).to_be_visible()
    page.get_by_role("link", name=re.compile("^Notifications")).click()
    note = page.get_by_role(
        "link", name=re.compile(r"New case \d+ in Hepatitis C ECHO on Hepatitis C")
    )
    expect(note).to_be_visible()
    expect(page.locator(".notification-list")).not_to_contain_text(TITLE, use_inner_text=True)
    shoot(page, artifacts, "follow-2-notification-desktop")
    page.get_by_role("link", name="Digest").click()
    expect(page.locator("#digest")).to_contain_text("Hepatitis C")
    shoot(page, artifacts, "follow-3-digest-desktop")
    page.get_by_role("link", name=re.compile(r"New case \d+")).click()
    page.wait_for_url(re.compile(re.escape(case_path) + "$"))
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    assert page.console_errors == []
    context.close()
