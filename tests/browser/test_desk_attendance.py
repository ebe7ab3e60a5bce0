"""The coordinator's session desk and attendance in a real browser: sending the hub's
recommendations, ticking attendance, importing a videoconference file with a row that
matches nobody; a participant's transcript; other roles refused. With screenshots."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.test_case_journey import shoot, sign_in

pytestmark = pytest.mark.browser

ZOOM = """Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)
Marcus Bell,marcus@example.org,06/10/2025 12:01:00 PM,06/10/2025 12:31:00 PM,30
Marcus Bell,marcus@example.org,06/10/2025 12:35:00 PM,06/10/2025 01:00:00 PM,25
Visiting Fellow,fellow@elsewhere.org,06/10/2025 12:00:00 PM,06/10/2025 01:00:00 PM,60
"""


def test_coordinator_sends_recommendations_and_records_attendance(
    browser, live_server, artifacts, tmp_path
):
    follow_up = live_server.follow_up_id
    # The coordinator opens the desk from the program page.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.coordinator_email)
    page.goto("/programs/hcv")
    page.get_by_role("link", name="Session desk").click()
    page.wait_for_url(re.compile(r"/programs/hcv/desk$"))
    case = page.locator(f"#case-{follow_up}")
    expect(case).to_contain_text("No recommendations written yet.")
    expect(page.locator("#overdue")).to_contain_text("no recommendations sent for")
    # Nothing to send yet: refused with the reason.
    case.get_by_role("button", name="Send recommendations").click()
    expect(page.get_by_text("There is no published recommendation to send yet")).to_be_visible()
    shoot(page, artifacts, "desk-1-nothing-to-send")
    context.close()

    # The expert publishes one.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.expert_email)
    page.goto(f"/cases/{follow_up}/recommendations/new")
    page.get_by_label("Category").select_option("diagnostic")
    page.get_by_role("textbox", name="Recommendation").fill(
        "Continue **HCC surveillance** every 6 months."
    )
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(re.compile(rf"/cases/{follow_up}"))
    context.close()

    # The coordinator sends it; the desk says when.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.coordinator_email)
    page.goto("/programs/hcv/desk")
    case = page.locator(f"#case-{follow_up}")
    expect(case).to_contain_text("Continue HCC surveillance every 6 months.")
    case.get_by_role("button", name="Send recommendations").click()
    expect(page.get_by_text(re.compile(r"Sent 1 recommendation on"))).to_be_visible()
    expect(page.locator(f"#case-{follow_up}")).to_contain_text("Sent")
    shoot(page, artifacts, "desk-2-sent")

    # Attendance for session 2: a tick with a bad minutes value, then the import.
    page.goto("/programs/hcv/sessions/2/attendance")
    page.get_by_label("Marcus Bell, MD", exact=True).check()
    page.get_by_label("Minutes for Marcus Bell, MD").fill("an hour")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Minutes must be a whole number").first).to_be_visible()
    shoot(page, artifacts, "attendance-1-bad-minutes")
    page.get_by_label("Minutes for Marcus Bell, MD").fill("")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance saved: 1 participant.")).to_be_visible()
    csv_file = tmp_path / "zoom-session-2.csv"
    csv_file.write_text(ZOOM)
    page.get_by_label("Attendance CSV").set_input_files(str(csv_file))
    page.get_by_role("button", name="Import").click()
    report = page.locator("#import-report")
    expect(report).to_contain_text("1 participant matched")
    expect(report).to_contain_text("Line 4: fellow@elsewhere.org: not a member of Hepatitis C ECHO")
    shoot(page, artifacts, "attendance-2-import-report")

    # A credit rule: a bad value named, then saved.
    page.goto("/programs/hcv/credit")
    page.get_by_label("Credits per session").fill("lots")
    page.get_by_role("button", name="Save credit rule").click()
    expect(page.get_by_text("Credits per session must be a number").first).to_be_visible()
    page.get_by_label("Credits per session").fill("1.5")
    page.get_by_label("Minimum minutes attended").fill("45")
    page.get_by_role("button", name="Save credit rule").click()
    expect(page.get_by_text("Credit rule saved.")).to_be_visible()
    shoot(page, artifacts, "attendance-3-credit-rule")
    context.close()

    # The presenter: told of the letter, sees the transcript and the certificate.
    context, page = open_page(browser, live_server)
    sign_in(page, live_server.provider_email)
    page.goto("/notifications")
    expect(
        page.get_by_text(re.compile("recommendations on your case .* were sent"))
    ).to_be_visible()
    page.get_by_role("link", name="Transcript").click()
    page.wait_for_url(re.compile(r"/my/transcript"))
    row = page.locator("table.transcript tbody tr").first
    expect(row).to_contain_text("55")
    expect(row).to_contain_text("1.5")
    shoot(page, artifacts, "transcript-1-participant")
    page.get_by_label("Program").select_option("hcv")
    page.get_by_role("button", name="Certificate").click()
    expect(page.get_by_role("heading", name="Certificate of attendance")).to_be_visible()
    expect(page.get_by_text("1.5 AMA PRA Category 1 Credit™")).to_be_visible()
    shoot(page, artifacts, "transcript-2-certificate")
    # and may not open the desk
    response = page.goto("/programs/hcv/desk")
    assert response.status == 403
    assert not page.console_errors
    context.close()
