"""A curriculum lead on the demo instance sees the recurring topics of the last year in a chart
with its table beside it, and downloads them."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import open_page
from tests.browser.demo_server import serve_demo, sign_in


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory, demo_snapshot):
    yield from serve_demo(tmp_path_factory.mktemp("demo"), demo_snapshot)


def test_curriculum_lead_sees_chart_table_and_downloads_csv(browser, demo_server, artifacts):
    context, page = open_page(browser, demo_server)
    try:
        sign_in(page, demo_server, "curriculum@demo.casebook.example")
        page.goto("/curriculum?end=2026-11-25")
        chart = page.locator("canvas#topic-chart")
        chart.wait_for()
        page.wait_for_selector("canvas#topic-chart[data-drawn=true]")
        # The bars count cases (31 in the last year), not topic tags stacked on each other.
        drawn = chart.evaluate(
            """c => ({stacked: c.chart.options.scales.y.stacked,
                     axis: c.chart.options.scales.y.title.text,
                     first: c.chart.data.datasets[0].label,
                     cases: c.chart.data.datasets[0].data.reduce((a, b) => a + b, 0)})"""
        )
        assert drawn == {"stacked": False, "axis": "Cases", "first": "All cases", "cases": 31}
        box = chart.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 200
        table = page.locator("#topic-table")
        expect(table).to_be_visible()
        expect(table.locator("tbody tr").first.locator("th")).to_have_text(
            "Naloxone", use_inner_text=True
        )
        table_box = table.bounding_box()
        assert table_box["x"] > box["x"] + box["width"] - 5  # beside the chart, not below
        page.screenshot(path=str(artifacts / "curriculum.png"), full_page=True)

        with page.expect_download() as info:
            page.get_by_role("link", name="Download topic counts (CSV)").click()
        download = info.value
        assert download.suggested_filename.endswith(".csv")
        rows = list(csv.reader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
        assert rows[0][0] == "topic" and rows[1][0] == "Naloxone"
        assert page.console_errors == []
    finally:
        context.close()


def test_curriculum_lead_sees_teaching_coverage_chart_and_table(browser, demo_server, artifacts):
    context, page = open_page(browser, demo_server)
    try:
        sign_in(page, demo_server, "curriculum@demo.casebook.example")
        page.goto("/curriculum?end=2026-11-25")
        page.wait_for_selector("canvas#teaching-chart[data-drawn=true]")
        chart = page.locator("canvas#teaching-chart")
        drawn = chart.evaluate(
            """c => ({axis: c.chart.options.indexAxis,
                     sets: c.chart.data.datasets.map(d => d.label),
                     topics: c.chart.data.labels.length,
                     sizes: c.chart.data.datasets.map(d => d.data.length),
                     cases: c.chart.data.datasets[1].data})"""
        )
        assert drawn["axis"] == "y"
        assert drawn["sets"] == ["Didactic talks", "Cases presented"]
        assert 0 < drawn["topics"] <= 15 and drawn["sizes"] == [drawn["topics"]] * 2
        assert drawn["cases"] == sorted(drawn["cases"], reverse=True)  # most cases first
        box = chart.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 200
        table = page.locator("#teaching-table")
        expect(table).to_be_visible()
        first = table.locator("tbody tr").first
        expect(first.locator("th")).to_have_text(re.compile(r"^Naloxone"), use_inner_text=True)
        # at least as many rows as the chart's topics
        expect(table.locator("tbody tr").nth(drawn["topics"] - 1)).to_be_attached()
        section = page.locator("section[aria-labelledby=teaching-heading]")
        section.scroll_into_view_if_needed()
        section.screenshot(path=str(artifacts / "curriculum-teaching.png"))

        with page.expect_download() as info:
            page.get_by_role("link", name="Download teaching coverage (CSV)").click()
        rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8"))))
        assert rows[0][:5] == [
            "topic",
            "broader topic",
            "talks",
            "talks on a broader topic",
            "cases presented",
        ]
        assert rows[1][0].startswith("Naloxone")
        assert page.console_errors == []
    finally:
        context.close()
