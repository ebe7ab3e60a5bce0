"""A search snippet runs a case's blocks together: a number's tail in the next paragraph
or table row must stay apart even when Markdown marks (emphasis, code, a link, a table's
pipes) come first. "Call 617-555", a blank line, then "**0142**" showed "Call 617-555
0142" in the results, a phone the gate passed as two blocks."""

from __future__ import annotations

import html
import re

import pytest

from app.deid.detector import scan
from app.deid.gate import IdentifiersFound, check
from app.search.snippets import build_snippet

JOINED = {
    "bold_paragraph": "Call 617-555\n\n**0142** after 5.",
    "link_paragraph": "Call 617-555\n\n[0142](notes.html) after 5.",
    "code_paragraph": "Call 617-555\n\n`0142` after 5.",
    "bold_number_before": "Call **617-555**\n\n0142 after 5.",
    "table_rows": "| Call | 617-555 |\n|---|---|\n| 0142 | after 5 |",
    "table_rows_no_rule": "| Call | x |\n|---|---|\n| then | 617-555 |\n| 0142 | after 5 |",
}


def _snippet_text(text: str) -> str:
    shown = build_snippet("Seen in clinic. " * 20 + text, [(330, 334)])
    return html.unescape(re.sub(r"<[^>]+>", "", shown))


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(JOINED))
def test_a_snippet_joins_no_marked_blocks_into_an_identifier(kind):
    text = JOINED[kind]
    try:
        check({"presentation": text})
    except IdentifiersFound:
        pytest.fail("the gate refuses it: no snippet to check")
    shown = _snippet_text(text)
    assert [f.category for f in scan(shown) if f.category != "URL"] == [], shown


def test_numbers_in_one_paragraph_still_read_as_one_in_a_snippet():
    assert "ALT 54 U/L" in _snippet_text("**ALT** 54 U/L, AST 60 U/L.")
    assert "12 weeks" in _snippet_text("Treated 12\nweeks.")
