"""The gate reads line breaks as the page shows them: a browser's form sends "\\r\\n", which
the page shows as "\\n", and a line break inside a paragraph shows as a space, so a phone
number or SSN broken over two lines is on the page whole. Offsets stay the stored text's."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.cases.models import Case
from app.content.markdown import render
from app.deid.gate import IdentifiersFound, check, scan_by_field
from app.deid.parallel import scan_texts
from app.deid.shown import as_lines_shown
from app.extensions import db
from tests.cases.test_views import as_user, complete_form, text
from tests.support.builders import build_world

# Each is refused when its line break is a space; the break is all that differs.
BROKEN = {
    "phone_dash_after_lf": ("Call 617-555\n-0142 after 5.", "PHONE"),
    "phone_dash_after_crlf": ("Call 617-555\r\n-0142 after 5.", "PHONE"),
    "phone_spaces_crlf": ("Call 617 555\r\n0142 after 5.", "PHONE"),
    "ssn_crlf": ("SSN 123\r\n45 6789 on file.", "SSN"),
    "ssn_dash_after_lf": ("SSN 123-45\n-6789 on file.", "SSN"),
    "ssn_cr": ("SSN 123-45-\r6789 on file.", "SSN"),
    "ssn_line_separator": ("SSN 123-45-\u20286789 on file.", "SSN"),
    "ssn_paragraph_separator": ("SSN 123\u2029-45-6789 on file.", "SSN"),
    "ssn_vertical_tab": ("SSN 123-45\x0b-6789 on file.", "SSN"),
    "ssn_form_feed": ("SSN 123\x0c-45-6789 on file.", "SSN"),
    # A list starts a block: "- 6789" under a line of a paragraph is that paragraph's text.
    "ssn_dash_item_in_a_paragraph": ("SSN 123-45\n- 6789 on file.", "SSN"),
    "ssn_dash_item_in_a_paragraph_crlf": ("SSN 123-45\r\n- 6789 on file.", "SSN"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_an_identifier_broken_over_two_lines_is_refused_where_it_is_written(kind):
    written, category = BROKEN[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": written})
    [finding] = [f for f in info.value.findings if f.category == category]
    # Found in the stored text, so it can be shown and marked in place.
    assert written[finding.start : finding.end].startswith(("617", "123"))
    assert json.dumps(info.value.to_dict()).count("0142") == 0


def test_line_breaks_keep_every_offset_and_a_list_or_hard_break_stays_a_line():
    for written in (*(w for w, _ in BROKEN.values()), "a\r\nb\rc", "x\u2028y"):
        assert len(as_lines_shown(written)) == len(written)
    assert as_lines_shown("Call 617-555\r\n-0142") == "Call 617-555  -0142"
    assert as_lines_shown("a\r\nb\rc\u2029d") == "a \nb\nc\nd"
    # A list's items, a hard break (two spaces) and a paragraph are lines on the page.
    for lines in (
        "1. Stent 4.0\n2. Wire",
        "Labs:\n\n- ALT 54\n- AST 60",
        "## Labs\n- ALT 54\n  with a note 12\n- 60 AST",
        "> - ALT 54\n> - 60 AST",
        "ALT 54  \n60",
        "ALT 54\n\n60",
    ):
        assert as_lines_shown(lines) == lines
    # In a paragraph, a line that reads as a list item is its text: the page starts no list
    # there, and shows the line break as a space.
    for written in (
        "Stent 4.0\n3. Wire",
        "ALT 54\n- AST 60",
        "Labs:\n- ALT 54\n- 60 AST",
        "1) Stent 4.0\n2) Wire",
    ):
        assert "<li>" not in str(render(written))
        assert as_lines_shown(written) == written[::-1].replace("\n", " ", 1)[::-1]
    assert as_lines_shown("ALT 54, AST 60") == "ALT 54, AST 60"


def test_a_text_typed_in_a_browser_is_read_as_the_same_text_with_unix_lines():
    written = "## History\n\nSeen by Dr. Harriet Quenby on 03/14/2024.\nCall 617 555 0142."
    browser = written.replace("\n", "\r\n")
    unix = {(f.category, written[f.start : f.end]) for f in scan_by_field({"p": written})["p"]}
    sent = {(f.category, browser[f.start : f.end]) for f in scan_by_field({"p": browser})["p"]}
    assert sent == unix and {c for c, _ in sent} >= {"NAME", "DATE", "PHONE"}


def test_import_workers_read_line_breaks_as_the_gate_does():
    written = BROKEN["phone_dash_after_crlf"][0]
    [found] = scan_texts([(written, False)])[written]
    assert found.category == "PHONE"


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: build_world(make_user))


def test_a_form_with_a_phone_over_two_lines_is_refused_and_nothing_is_stored(client, world):
    as_user(client, world.provider)
    before = db.session.scalar(select(func.count(Case.id)))
    form = complete_form(**{"sections.hpi": "Found on screening.\r\nCall 617-555\r\n-0142."})
    response = client.post("/programs/hcv/cases/new", data=form)
    assert response.status_code == 422
    page = text(response)
    assert "Nothing was saved: the text may identify a patient." in page
    assert 'class="deid deid-phone"' in page  # marked in place in the text as sent
    db.session.rollback()
    assert db.session.scalar(select(func.count(Case.id))) == before


@pytest.mark.usefixtures("rules_only")
def test_a_list_run_into_a_paragraph_is_still_read_by_its_lines():
    """The page runs "- Gene Cash (93)" into the census line above it; the detector finds a
    list's names and ages by its lines: both readings are scanned."""
    from app.deid.detector import scan
    from app.deid.gate import scan_text

    written = "HOSPICE CENSUS 11/30\n- Gene Cash (93), rm 12\n- Guy Little (79), home, Booneville"
    found = {(f.category, written[f.start : f.end]) for f in scan_text(written)}
    listed = {(f.category, written[f.start : f.end]) for f in scan(written)}
    assert ("NAME", "Gene Cash") in listed
    assert found >= listed


def test_a_text_of_many_lines_is_read_by_one_pass_over_its_blocks(monkeypatch):
    # Whether a "- 6789" line is a list's item depends on its block's first line; reading
    # back to it from every such line made a long text cost its lines squared (a 66,000-
    # character plan of dose lines took 9 s a scan). Counted, not timed.
    from app.deid import shown

    calls = 0
    real = shown._BLOCK_ENDS

    class Counting:
        def fullmatch(self, *args):
            nonlocal calls
            calls += 1
            return real.fullmatch(*args)

    monkeypatch.setattr(shown, "_BLOCK_ENDS", Counting())
    lines = 2 * 400
    text = "Plan 1\n" + "".join(f"dose {i}\n- {i}\n" for i in range(400))
    # In a paragraph, "- i" is its text: drawn on the line before it.
    assert "\n- " not in shown.as_lines_shown(text)
    assert calls <= lines + 2
