"""The outdated-advice queue in a real browser: an expert supersedes a practice, the
program's coordinator finds the advice in the queue, the expert who wrote it resolves it by
annotating an update, and the case pages of the patient (the case and its follow-up) say
that advice on this patient was touched by a practice change, with a link to the new
practice. With screenshots."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from playwright.sync_api import expect

from app.auth.policy import SYSTEM
from app.extensions import db
from tests.browser.conftest import open_page, serve_world
from tests.browser.test_case_journey import shoot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SimpleNamespace]:
    def extend(w: SimpleNamespace, make_user: Callable[..., Any]) -> dict[str, Any]:
        from app.practices.operations import add_evidence
        from tests.outdated.conftest import current_practice

        coordinator = make_user("coordinator", email="cora@example.org", programs=["hcv"])
        old = current_practice(
            "Twelve weeks of sofosbuvir/velpatasvir for everyone",
            "Give twelve weeks of sofosbuvir/velpatasvir.",
            topics=["Hepatitis C"],
            author=w.expert,
        )
        add_evidence(old, w.rec, added_by=w.expert, actor=SYSTEM)
        new = current_practice(
            "Eight weeks of glecaprevir/pibrentasvir without cirrhosis",
            "Give eight weeks of glecaprevir/pibrentasvir when there is no cirrhosis.",
            topics=["Hepatitis C"],
            author=w.expert,
        )
        db.session.commit()
        return {
            "expert_email": w.expert.email,
            "coordinator_email": coordinator.email,
            "case_id": w.case.id,
            "follow_up_id": w.follow_up.id,
            "rec_id": w.rec.id,
            "old_id": old.id,
            "new_id": new.id,
            "new_title": new.title,
        }

    yield from serve_world(tmp_path_factory.mktemp("outdated"), extend)


def test_superseded_advice_is_reviewed_and_the_patients_pages_say_so(browser, server, artifacts):
    # 1. An expert supersedes the practice from its page.
    context, page = open_page(browser, server)
    sign_in(page, server.expert_email)
    page.goto(f"/practices/{server.old_id}")
    page.get_by_label("Move to").select_option("superseded")
    page.get_by_label("Superseded by").select_option(str(server.new_id))
    page.get_by_label("Reason").fill("Shorter courses work as well without cirrhosis.")
    with page.expect_navigation():
        page.get_by_role("button", name="Change status").click()
    context.close()

    # 2. The program's coordinator finds it in the queue from the desk.
    context, page = open_page(browser, server)
    sign_in(page, server.coordinator_email)
    page.goto("/programs/hcv/desk")
    page.get_by_role("link", name="Outdated advice").first.click()
    page.wait_for_url(re.compile(r"/outdated$"))
    expect(page.locator(".outdated-item")).to_have_count(1)
    expect(page.locator(".outdated-item")).to_contain_text(server.new_title)
    # A coordinator cannot write the update (experts annotate): that choice is not offered.
    expect(page.get_by_label("Annotate with an update")).to_have_count(0)
    shoot(page, artifacts, "outdated-1-coordinator-queue")
    assert not page.console_errors, page.console_errors
    context.close()

    # 3. The expert who wrote it opens the queue from the nav and annotates an update.
    context, page = open_page(browser, server)
    sign_in(page, server.expert_email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Outdated advice").click()
    item = page.locator(".outdated-item")
    expect(item).to_contain_text("cited by the practice")
    item.get_by_label("Annotate with an update").check()
    item.get_by_label("Note").fill("Without cirrhosis, eight weeks of glecaprevir/pibrentasvir.")
    shoot(page, artifacts, "outdated-2-expert-resolves")
    with page.expect_navigation():
        item.get_by_role("button", name="Resolve").click()
    expect(page.get_by_text("Resolved: updated.")).to_be_visible()
    expect(page.locator(".outdated-item")).to_have_count(0)

    # 4. The case page shows the notice, the update, and the new practice.
    page.goto(f"/cases/{server.case_id}")
    rec = page.locator(f"#rec-{server.rec_id}")
    expect(rec.locator(".outdated-notice")).to_contain_text("was superseded by")
    expect(rec.locator(".annotation-update")).to_contain_text("eight weeks")
    panel = page.locator(".practice-changes")
    expect(panel).to_contain_text("Advice on this patient affected by a practice change")
    expect(panel.get_by_role("link", name=f"“{server.new_title}”")).to_have_attribute(
        "href", f"/practices/{server.new_id}"
    )
    shoot(page, artifacts, "outdated-3-case-page")

    # 5. So does the follow-up of the same patient.
    page.goto(f"/cases/{server.follow_up_id}")
    panel = page.locator(".practice-changes")
    expect(panel).to_contain_text(server.new_title)
    panel.get_by_role("link", name=re.compile("Recommendation 1")).click()
    page.wait_for_url(re.compile(rf"/cases/{server.case_id}#rec-{server.rec_id}$"))
    assert not page.console_errors, page.console_errors
    context.close()
