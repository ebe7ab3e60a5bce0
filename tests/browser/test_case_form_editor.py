"""The case-form editor in Chromium: an admin adds a choice field, and a provider's new-case
form offers it. Screenshots of the editor, its refusal and its preview."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.test_admin import sign_in

pytestmark = pytest.mark.browser


def test_admin_adds_a_choice_field_and_the_provider_form_shows_it(browser, live_server, artifacts):
    admin_context, admin = open_page(browser, live_server)
    provider_context, provider = open_page(browser, live_server)
    try:
        sign_in(admin, "admin@example.org")
        admin.goto("/admin/programs/hcv")
        admin.get_by_role("link", name="Case form").click()
        admin.wait_for_url("**/admin/programs/hcv/template")
        admin.screenshot(path=artifacts / "admin-case-form-editor.png", full_page=True)
        new = admin.locator("fieldset.template-row", has_text="Add a field").first
        new.get_by_label("Key").fill("prior_treatment")
        new.get_by_label("Label").fill("Prior HCV treatment")
        new.get_by_label("Type").select_option("choice")

        # A choice field without choices comes back with the box named and the typing kept.
        admin.get_by_role("button", name="Save as version 2").click()
        expect(admin.get_by_text("a choice field needs a list of choices").first).to_be_visible()
        row = admin.locator("fieldset.template-row", has_text="Prior HCV treatment").first
        expect(row.get_by_label("Key")).to_have_value("prior_treatment")
        admin.screenshot(path=artifacts / "admin-case-form-error.png", full_page=True)
        row.scroll_into_view_if_needed()
        admin.screenshot(path=artifacts / "admin-case-form-error-row.png")

        row.get_by_label("Choices").fill("None\nInterferon-based\nDAA")
        admin.get_by_role("button", name="Preview").click()
        preview = admin.locator("#preview")
        expect(preview.get_by_label("Prior HCV treatment")).to_be_visible()
        admin.screenshot(path=artifacts / "admin-case-form-preview.png", full_page=True)
        admin.get_by_role("button", name="Save as version 2").click()
        expect(admin.get_by_text("Saved version 2").first).to_be_visible()

        sign_in(provider, live_server.provider_email)
        provider.goto("/programs/hcv/cases/new")
        select = provider.get_by_label("Prior HCV treatment")
        expect(select).to_be_visible()
        select.select_option("DAA")
        provider.screenshot(path=artifacts / "case-form-with-new-field.png", full_page=True)
    finally:
        admin_context.close()
        provider_context.close()
