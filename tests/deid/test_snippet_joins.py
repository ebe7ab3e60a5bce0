"""A search snippet shows a case's stored text without its Markdown (`strip_syntax`), not
rendered: it must not join what the page and the gate's readings keep apart. Markdown here
draws no strikethrough ("~~" stays on the page), an emphasis mark inside a word is a
character, a pipe outside a table is one, and an image is not drawn at all; a snippet that
took those out showed "SSN 123-~~45~~-6789" as "SSN 123-45-6789" to every reader of the
results, while the gate passed the text."""

from __future__ import annotations

import html
import re

import pytest

from app.content.markdown import strip_syntax
from app.deid.detector import scan
from app.deid.gate import IdentifiersFound, check
from app.programs.views import excerpt
from app.search.snippets import build_snippet

JOINED = {
    "strikethrough": "SSN 123-~~45~~-6789 on file.",
    "strikethrough_marks": "SSN 123~~-~~45-6789 on file.",
    "phone_strikethrough": "Call 617~~-555~~-0142 after 5.",
    "underscores_in_a_word": "SSN 123__45__6789 on file.",
    "underscores_before_a_dash": "SSN 123-45__-__6789 on file.",
    "name_underscores": "Seen by Dr. Har__riet Quen__by today.",
    "pipes": "SSN 123|45|6789 on file.",
    "spaced_pipes": "SSN 123 | 45 | 6789 on file.",
    "phone_pipes": "Call 617|555|0142 after 5.",
    "image_alt": "SSN 123-45-![6789](scan.png) on file.",
    # A bracket inside an image's or a link's text: the page draws the outer bracket and
    # the "!" as characters; a snippet that took the whole run out joined the numbers.
    "image_after_a_bracket": "SSN 123![[x](y)-45-6789 on file.",
    "image_in_an_image": "SSN 123-45![![x](y)-6789 on file.",
    "phone_image_after_a_bracket": "Call 617-555![[x](y)-0142 after 5.",
    "link_after_a_bracket": "SSN 123[[x](y)-45-6789 on file.",
    # A list item is a line of its own on the page; a snippet runs lines together.
    "list_item": "SSN 123-45\n- 6789 on file.",
    "numbered_item": "SSN 123-45\n1) 6789 on file.",
    "phone_list_item": "Call 617-555\n* 0142 after 5.",
    # So is a paragraph after a blank line, and a heading.
    "paragraph": "Call 617-555\n\n0142 after 5.",
    "paragraph_spaced": "Call 617-555\n \n  0142 after 5.",
    "heading": "Call 617-555\n# 0142 after 5.",
    "heading_after_a_blank_line": "SSN 123-45\n\n## 6789 on file.",
    # A blank line as a browser's form sends it ("\r\n"), or holding spaces no keyboard
    # shows, or a line break of another kind: a paragraph on the page all the same.
    "paragraph_crlf": "SSN 123-45\r\n\r\n-6789 on file.",
    "paragraph_cr": "SSN 123-45\r\r-6789 on file.",
    "paragraph_vertical_tab": "SSN 123-45\n\x0b\n-6789 on file.",
    "paragraph_nbsp_line": "SSN 123-45\n\u00a0\n-6789 on file.",
    "paragraph_ideographic_space": "SSN 123-45\n\u3000\n-6789 on file.",
    # A quote is a block of its own too, and a rule, an empty heading, a line of pipes
    # alone (which a snippet takes out) stand between two paragraphs.
    "quote": "SSN 123-45\n> -6789 on file.",
    "rule": "Call 617-555\n***\n-0142 after 5.",
    "empty_heading": "SSN 123-45\n#\n-6789 on file.",
    "pipes_alone": "SSN 123-45\n|\n-6789 on file.",
    "rule_then_nbsp": "Call 617-555\n***\n\u00a0-0142 after 5.",
    # A list's items are lines of their own; a line of text runs them together.
    "list_items": "SSN:\n\n- 123-45\n- 6789 on file.",
    "numbered_items": "Call:\n\n1. 617-555\n2. 0142 after 5.",
}


def _snippet_text(text: str) -> str:
    # A window in the middle of a longer text: the fragment's rules apply.
    shown = build_snippet("Seen in clinic. " * 20 + text, [(330, 334)])
    return html.unescape(re.sub(r"<[^>]+>", "", shown))


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(JOINED))
def test_a_snippet_shows_no_identifier_the_gate_passed(kind):
    text = JOINED[kind]
    try:
        check({"presentation": text})
    except IdentifiersFound:
        return  # refused: never stored, never in a snippet
    shown = _snippet_text(text)
    assert [f.category for f in scan(shown) if f.category not in ("URL",)] == [], kind


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(JOINED))
def test_an_excerpt_shows_no_identifier_the_gate_passed(kind):
    """An excerpt (a recommendation's under an outcome and on a best practice's page, the
    desk's, a timeline entry's) shows the rendered text on one line: it ran paragraphs,
    headings and a list's items together, "Call 617-555" and "0142" as one number."""
    text = JOINED[kind]
    try:
        check({"body": text})
    except IdentifiersFound:
        return  # refused: never stored, never in an excerpt
    shown = excerpt(text, 320)
    assert [f.category for f in scan(shown) if f.category not in ("URL",)] == [], kind


def test_an_excerpt_still_reads_as_one_line():
    assert excerpt("## History\n\nSeen **twice**.\nWell.") == "History Seen twice. Well."
    assert excerpt("Call 617-555\n\n0142 after 5.") == "Call 617-555 ¶ 0142 after 5."


def test_snippets_still_take_out_what_the_page_does_not_show():
    assert strip_syntax("## History\n\n**Seen** with *fever*.") == "History:\n\nSeen with fever."
    assert strip_syntax("| ALT | 54 |\n|---|---|\n| AST | 60 |") == "ALT | 54\n\nAST | 60"
    assert strip_syntax("> Seen\n\n- ALT 54\n2. AST 60") == "Seen\n\n• ALT 54\n2. AST 60"
    assert strip_syntax("See [the guide](http://x.org) ![scan](s.png).") == "See the guide ."
    # A fragment cut inside an emphasis loses the half whose pair was cut off.
    assert strip_syntax("ever** and more", fragment=True) == "ever and more"
    assert strip_syntax("~~not struck~~ and foo__bar", fragment=True) == (
        "~~not struck~~ and foo__bar"
    )


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(
    "text",
    [
        "Call 617-555\n# 0142 after 5.",
        "Call 617-555\n\n## 0142 after 5.",
        "Call 617-555\n\n0142 after 5.",
    ],
)
def test_a_heading_or_paragraph_after_a_number_stays_apart_in_a_snippet(text):
    check({"presentation": text})  # passes: the page shows the parts on lines of their own
    lead = "Seen in clinic. " * 20
    # The match is the first word ("Call", "SSN"), as a search for it marks it.
    word = text.split()[0]
    shown = build_snippet(lead + text, [(len(lead), len(lead) + len(word))])
    shown = html.unescape(re.sub(r"<[^>]+>", "", shown))
    assert " ¶ " in shown
    assert [f.category for f in scan(shown)] == []


@pytest.mark.parametrize(
    ("text", "marked", "expected"),
    [
        # the search marked the number before the break: the break is drawn once, after it
        ("x 617-555\n\n0142 y", "555", "x 617-<mark>555</mark> ¶ 0142 y"),
        ("x 617-555\n\n0142 y", "617-555", "x <mark>617-555</mark> ¶ 0142 y"),
        # a line ending in a dash before one starting with one: one break, as an excerpt draws
        ("x 1-\n\n-2 y", "", "x 1 ¶- -2 y"),
        ("x 12/\n\n/3 y", "", "x 12 ¶/ /3 y"),
    ],
)
def test_a_break_between_two_numbers_is_drawn_once(text, marked, expected):
    """It was drawn at each place a number's end could be read: "617-555 ¶ ¶ 0142" when the
    number was marked, "1 ¶- ¶ -2" after a dash."""
    start = text.index(marked) if marked else 0
    spans = [(start, start + len(marked))] if marked else []
    assert build_snippet(text, spans) == expected
    assert excerpt(text, 320).count("¶") == 1
