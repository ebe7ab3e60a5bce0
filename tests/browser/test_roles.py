"""Roles not walked elsewhere, in a real browser: the coordinator edits the program's staff
and the credit rule printed on certificates; an expert is refused the admin console; a
participant evaluates a session and the credit appears on the transcript. Screenshots."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.test_case_journey import shoot, sign_in

pytestmark = pytest.mark.browser

STATEMENT = (
    "The Hub School of Medicine designates this live activity for AMA PRA Category 1 Credit™."
)


def _credit_rule_needing_an_evaluation(page) -> None:
    page.goto("/programs/hcv/credit")
    page.get_by_label("Credits per session").fill("1.5")
    page.get_by_label("Minimum minutes attended").fill("45")
    page.get_by_label("Credit only after the post-session evaluation").check()
    page.get_by_label("Accreditation statement").fill(STATEMENT)
    page.get_by_label("Signer's name").fill("Ada Park, MD")
    page.get_by_label("Signer's title").fill("Director, Continuing Medical Education")
    page.get_by_role("button", name="Save credit rule").click()
    expect(page.get_by_text("Credit rule saved.")).to_be_visible()


def test_coordinator_edits_the_program_staff_and_the_credit_rule(browser, live_server, artifacts):
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.coordinator_email)
    page.goto("/programs/hcv/desk")
    page.get_by_role("link", name="Program staff").click()
    page.wait_for_url(re.compile(r"/admin/programs/hcv/staff$"))
    staff = page.locator("#staff-table")
    expect(staff).to_contain_text("Dana Whitfield, MD")
    page.get_by_role("button", name="Remove Dana Whitfield, MD").click()
    expect(page.get_by_text("Dana Whitfield, MD is no longer on the staff.")).to_be_visible()
    # A provider is not staff: refused without naming the account, the email kept.
    page.get_by_label("Add a coordinator or expert by email").fill("carla@example.org")
    page.get_by_role("button", name="Add to staff").click()
    expect(page.locator("#form-problem")).to_contain_text("No coordinator or expert account")
    expect(page.get_by_label("Add a coordinator or expert by email")).to_have_value(
        "carla@example.org"
    )
    page.get_by_label("Add a coordinator or expert by email").fill(live_server.expert_email)
    page.get_by_role("button", name="Add to staff").click()
    expect(page.get_by_text("Dana Whitfield, MD (Expert) joined the staff.")).to_be_visible()
    shoot(page, artifacts, "roles-1-program-staff")

    # The credit rule: a bad number named by its box, what was typed kept; then saved.
    page.goto("/programs/hcv/credit")
    page.get_by_label("Credits per session").fill("lots")
    page.get_by_label("Signer's name").fill("Ada Park, MD")
    page.get_by_role("button", name="Save credit rule").click()
    expect(page.get_by_text("Credits per session must be a number").first).to_be_visible()
    expect(page.get_by_label("Signer's name")).to_have_value("Ada Park, MD")
    _credit_rule_needing_an_evaluation(page)
    expect(page.get_by_label("Signer's name")).to_have_value("Ada Park, MD")
    shoot(page, artifacts, "roles-2-credit-rule")
    assert not page.console_errors
    context.close()


def test_an_expert_is_refused_the_admin_console(browser, live_server, artifacts):
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.expert_email)
    expect(page.get_by_role("navigation").get_by_role("link", name="Admin")).to_have_count(0)
    for url in ("/admin", "/admin/accounts", "/admin/programs/hcv/staff"):
        response = page.goto(url)
        assert response.status == 403, url
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot(page, artifacts, "roles-3-expert-refused")
    context.close()


def test_a_participant_evaluates_and_the_credit_appears(browser, live_server, artifacts):
    # The coordinator's part: a rule that waits for the evaluation, Marcus at session 2.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.coordinator_email)
    _credit_rule_needing_an_evaluation(page)
    page.goto("/programs/hcv/sessions/2/attendance")
    page.get_by_label("Marcus Bell, MD", exact=True).check()
    page.get_by_label("Minutes for Marcus Bell, MD").fill("60")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text(re.compile(r"Attendance saved"))).to_be_visible()
    context.close()

    context, page = open_page(browser, live_server)
    sign_in(page, live_server.provider_email)
    page.goto("/my/transcript")
    row = page.locator("table.transcript tbody tr", has_text="Kidney disease")
    expect(row).to_contain_text("evaluation pending")
    row.get_by_role("link", name="Evaluate").click()
    page.get_by_role("button", name="Send evaluation").click()  # nothing chosen: refused
    expect(page.get_by_text("Rating must be from 1 (poor) to 5 (excellent).").first).to_be_visible()
    page.get_by_label("How useful was the session?").select_option("4")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Send evaluation").click()
    expect(page.get_by_text("Thank you: evaluation recorded.")).to_be_visible()
    row = page.locator("table.transcript tbody tr", has_text="Kidney disease")
    expect(row).to_contain_text("1.5")
    expect(row).to_contain_text("Done")
    shoot(page, artifacts, "roles-4-transcript-after-evaluation")
    page.get_by_label("Program").select_option("hcv")
    page.get_by_role("button", name="Certificate").click()
    expect(page.get_by_text(STATEMENT)).to_be_visible()
    expect(page.get_by_text("Ada Park, MD")).to_be_visible()
    shoot(page, artifacts, "roles-5-certificate")
    assert not page.console_errors
    context.close()
