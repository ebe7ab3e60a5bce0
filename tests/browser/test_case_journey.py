"""A case's whole journey in a real browser, one role after another, with screenshots."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app.common import utcnow
from tests.browser.conftest import open_page
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

TITLE = "67-year-old man with genotype 3 HCV and diabetes"
LEAKY = "Mr. John Smith, DOB 03/14/1952, seen at St. Mary's in Lebanon, NH, call 603-555-0142"


def sign_in(page, email: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def shoot(page, artifacts, name: str) -> None:
    page.screenshot(path=artifacts / f"{name}.png", full_page=True)


def test_a_case_from_submission_to_outcome(browser, live_server, artifacts):
    # 1. The provider writes the case; an identifier slips in and is caught.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.provider_email)
    page.get_by_role("link", name="My cases").click()
    page.get_by_text("New case").click()
    page.get_by_role("link", name="in Hepatitis C ECHO").click()
    page.wait_for_url(re.compile(r"/programs/hcv/cases/new$"))
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Age in years").fill("67")
    page.get_by_label("Sex").select_option("male")
    page.get_by_label("History of present illness").fill(LEAKY)
    page.get_by_label("Medications").fill("- metformin 1000 mg twice daily")
    page.get_by_label("HCV genotype").select_option("3")
    page.get_by_label("Baseline HCV RNA").fill("850000")
    page.get_by_label("alcohol").check()
    page.get_by_label("Questions for the hub").fill("Is 12 weeks of sofosbuvir/velpatasvir enough?")
    shoot(page, artifacts, "journey-1-case-form-desktop")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Nothing was saved: the text may identify a patient.")).to_be_visible()
    expect(page.locator("mark.deid")).to_have_count(5)
    expect(page.get_by_label("Questions for the hub")).to_have_value(re.compile(r"^Is 12 weeks"))
    shoot(page, artifacts, "journey-2-identifiers-found-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, artifacts, "journey-2-identifiers-found-390")
    page.locator(".deid-panel").screenshot(path=artifacts / "journey-2-deid-panel-390.png")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("textbox", name="History of present illness").fill(
        "A man in his 60s from a rural practice; genotype 3 found on screening."
    )
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(re.compile(r"/cases/\d+$"))
    case_url = page.url
    expect(page.get_by_text("Case submitted for review.")).to_be_visible()
    assert page.console_errors == []
    context.close()

    # 2. The coordinator approves, creates a session, schedules and marks it presented.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.coordinator_email)
    page.get_by_role("link", name="Review queue").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    shoot(page, artifacts, "journey-3-review-queue-desktop")
    page.locator(".case-item", has_text=TITLE).get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Case approved.")).to_be_visible()
    page.goto("/programs/hcv")
    page.get_by_role("link", name="New session").click()
    session_day = utcnow().date()  # the session is held today, then the case is marked presented
    page.get_by_label("Date").fill(session_day.isoformat())
    page.get_by_label("Title").fill("Genotype 3 and diabetes")
    page.get_by_label("Didactic topic").fill("Treating genotype 3 in primary care")
    page.get_by_role("button", name="Create session").click()
    expect(page.get_by_text("Session 3 created.")).to_be_visible()
    page.goto(case_url)
    page.get_by_role("link", name="Schedule into a session").click()
    page.wait_for_url(re.compile(r"/cases/\d+/schedule$"))
    option = page.locator("#f-session_id option", has_text="Session 3 ·")
    page.locator("#f-session_id").select_option(option.get_attribute("value"))
    page.get_by_role("button", name="Schedule").click()
    expect(page.get_by_text("Scheduled into session 3")).to_be_visible()
    page.get_by_role("button", name="Mark presented").click()
    expect(page.get_by_text("Marked as presented.")).to_be_visible()
    shoot(page, artifacts, "journey-4-presented-desktop")
    assert page.console_errors == []
    context.close()

    # 3. The expert writes the recommendation with the live preview and publishes it.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.expert_email)
    page.get_by_role("link", name="Upcoming").click()
    shoot(page, artifacts, "journey-5-upcoming-desktop")
    page.locator(".case-item", has_text=TITLE).get_by_role(
        "link", name="Write a recommendation"
    ).click()
    page.get_by_label("Category").select_option("therapeutic")
    page.locator("#f-body").fill(
        "Give **sofosbuvir/velpatasvir** for 12 weeks.\n\n- check HBV serology first"
    )
    expect(page.locator("#f-body-preview strong")).to_have_text(
        "sofosbuvir/velpatasvir", use_inner_text=True
    )
    page.get_by_label("References").fill("AASLD-IDSA HCV Guidance, 2023.")
    shoot(page, artifacts, "journey-6-recommendation-preview-desktop")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Recommendation published.")).to_be_visible()
    assert page.console_errors == []
    context.close()

    # 4. The provider is notified, reads it and the letter, and follows up.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.provider_email)
    badge = page.locator(".nav-count")
    expect(badge).to_have_text(re.compile(r"^([2-9]|[1-9]\d+)\b"), use_inner_text=True)  # 2 or more
    page.get_by_role("link", name=re.compile("^Notifications")).click()
    shoot(page, artifacts, "journey-7-notifications-desktop")
    page.get_by_role("link", name=re.compile("New recommendation for your case")).first.click()
    expect(page.locator(".rec strong", has_text="sofosbuvir/velpatasvir")).to_be_visible()
    page.get_by_role("link", name="Recommendations letter").click()
    expect(page.get_by_role("heading", name="Recommendations from the hub team")).to_be_visible()
    assert "metformin" not in page.content() and "850,000" not in page.content()
    shoot(page, artifacts, "journey-8-letter-desktop")
    page.emulate_media(media="print")
    shoot(page, artifacts, "journey-8-letter-print")
    page.emulate_media(media="screen")
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("link", name="Present a follow-up").click()
    expect(page.get_by_label("Title")).to_have_value(re.compile(r"^Follow-up: "))
    page.get_by_label("History of present illness").fill("Completed 12 weeks; SVR12 reached.")
    page.get_by_label("Medications").fill("- metformin 1000 mg twice daily")
    page.get_by_label("HCV genotype").select_option("3")
    page.get_by_label("Questions for the hub").fill("Does he need ongoing HCC surveillance?")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    page.get_by_role("link", name="Record outcomes").click()
    page.get_by_label("Adopted?").select_option("adopted")
    page.get_by_label("Patient status").select_option("improved")
    page.get_by_label("Note").fill("SVR12 achieved.")
    page.get_by_role("button", name="Save outcomes").click()
    expect(page.get_by_text("Outcomes recorded.")).to_be_visible()
    expect(page.get_by_role("heading", name="The story so far")).to_be_visible()
    shoot(page, artifacts, "journey-9-follow-up-desktop")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, artifacts, "journey-9-follow-up-390")
    page.locator(".timeline").screenshot(path=artifacts / "journey-9-timeline-390.png")
    page.goto(case_url)
    shoot(page, artifacts, "journey-10-case-390")
    page.screenshot(path=artifacts / "journey-10-case-top-390.png")
    expect(page.locator(".nav-count")).to_have_count(0)  # read once the list was shown
    page.goto("/my/cases")
    shoot(page, artifacts, "journey-11-my-cases-390")
    assert page.console_errors == []
    context.close()
