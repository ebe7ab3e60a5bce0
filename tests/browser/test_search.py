"""A provider on the demo instance searches and scans the results: one per case, the
experts' best-matching recommendation under it, snippets as text with their field labels."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.demo_server import serve_demo, sign_in


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory, demo_snapshot):
    yield from serve_demo(tmp_path_factory.mktemp("demo"), demo_snapshot)


def test_provider_scans_results_grouped_by_case(browser, demo_server, artifacts):
    context, page = open_page(browser, demo_server)
    try:
        sign_in(page, demo_server, "provider@demo.casebook.example")
        page.goto("/search?q=buprenorphine")
        results = page.locator("ol.result-list > li.result")
        results.first.wait_for()
        links = results.locator("h3.result-title a").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
        assert len(links) == len(set(links)) > 1  # each case once
        related = page.locator(".result-related")
        expect(related.first.locator(".badge").first).to_have_text(
            re.compile(r"^(Recommendation|Annotation)$"), use_inner_text=True
        )
        snippets = " ".join(page.locator(".result-snippet").all_inner_texts())
        assert "##" not in snippets and "**" not in snippets
        expect(page.locator(".snippet-label").first).to_be_attached()
        page.screenshot(path=str(artifacts / "search-grouped.png"), full_page=True)
        page.screenshot(path=str(artifacts / "search-grouped-top.png"))
        more = page.locator(".result-more a")
        if more.count():
            with page.expect_navigation():
                more.first.click()
            expect(page).to_have_url(re.compile(r"group=0"))
            expect(page.locator("li.result").nth(1)).to_be_attached()  # two or more
        assert page.console_errors == []
    finally:
        context.close()


def test_provider_with_a_typo_sees_what_was_searched(browser, demo_server, artifacts):
    context, page = open_page(browser, demo_server)
    try:
        sign_in(page, demo_server, "provider@demo.casebook.example")
        page.goto("/search?q=hepatits+C&program=hcv")
        notice = page.locator(".search-suggestion")
        expect(notice).to_contain_text("Showing results for hepatitis C", use_inner_text=True)
        expect(page.locator("ol.result-list > li.result").nth(2)).to_be_attached()  # 3 or more
        page.screenshot(path=str(artifacts / "search-corrected-top.png"))
        with page.expect_navigation():
            notice.get_by_role("link", name="hepatits C").click()
        expect(page).to_have_url(re.compile(r"correct=0"))
        expect(page).to_have_url(re.compile(r"program=hcv"))
        expect(page.locator(".search-suggestion")).to_have_count(0)
        expect(page.locator("#search-q")).to_have_value("hepatits C")
        assert page.console_errors == []
    finally:
        context.close()
