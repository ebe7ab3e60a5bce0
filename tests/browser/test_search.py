"""A provider on the demo instance searches and scans the results: one per case, the
experts' best-matching recommendation under it, snippets as text with their field labels."""

from __future__ import annotations

import pytest

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
        assert related.count() >= 1
        kind = related.first.locator(".badge").first.inner_text()
        assert kind in ("Recommendation", "Annotation")
        snippets = " ".join(page.locator(".result-snippet").all_inner_texts())
        assert "##" not in snippets and "**" not in snippets
        assert page.locator(".snippet-label").count() >= 1
        page.screenshot(path=str(artifacts / "search-grouped.png"), full_page=True)
        page.screenshot(path=str(artifacts / "search-grouped-top.png"))
        more = page.locator(".result-more a")
        if more.count():
            more.first.click()
            page.wait_for_load_state()
            assert "group=0" in page.url and page.locator("li.result").count() >= 2
        assert page.console_errors == []
    finally:
        context.close()


def test_provider_with_a_typo_sees_what_was_searched(browser, demo_server, artifacts):
    context, page = open_page(browser, demo_server)
    try:
        sign_in(page, demo_server, "provider@demo.casebook.example")
        page.goto("/search?q=hepatits+C&program=hcv")
        notice = page.locator(".search-suggestion")
        notice.wait_for()
        assert "Showing results for hepatitis C" in notice.inner_text()
        assert page.locator("ol.result-list > li.result").count() >= 3
        page.screenshot(path=str(artifacts / "search-corrected-top.png"))
        notice.get_by_role("link", name="hepatits C").click()
        page.wait_for_load_state()
        assert "correct=0" in page.url and "program=hcv" in page.url
        assert page.locator(".search-suggestion").count() == 0
        assert page.locator("#search-q").input_value() == "hepatits C"
        assert page.console_errors == []
    finally:
        context.close()
