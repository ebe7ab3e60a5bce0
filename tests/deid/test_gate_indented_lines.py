"""A line inside a paragraph is drawn after one space, whatever its indentation: a page
shows "617-555\\r\\n    -0142" as "617-555 -0142", and the gate reads it so (offsets stay
the stored text's, so the finding can be marked in place)."""

from __future__ import annotations

import pytest

from app.deid.gate import IdentifiersFound, check, scan_by_field

INDENTED = {
    "tab_after_crlf": "Call 617-555\r\n\t-0142 after 5.",
    "spaces_after_crlf": "Call 617-555\r\n    -0142 after 5.",
    "spaces_after_lf": "Call 617-555\n      -0142 after 5.",
    "space_before_and_tab_after": "Call 617-555 \n\t\t-0142 after 5.",
}


@pytest.mark.parametrize("kind", sorted(INDENTED))
def test_a_phone_over_an_indented_line_is_refused_where_it_is_written(kind):
    written = INDENTED[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": written})
    [finding] = [f for f in info.value.findings if f.category == "PHONE"]
    assert written[finding.start : finding.end].startswith("617")
    assert written[finding.start : finding.end].endswith("0142")


def test_indented_lines_of_doses_and_lists_stay_clean():
    clean = (
        "Doses:\n    - metformin 500 mg\n    - lisinopril 10 mg",
        "BP 120/80\n    HR 72\n    RR 16",
        "Stent 4.0\n   3. Wire 0.014",
        "ALT 54\n    - AST 60",
        "Hb 12.1\n    10.4 on day 3",
    )
    found = scan_by_field({str(i): text for i, text in enumerate(clean)})
    assert all(not f for f in found.values())


SPACED = {
    "spaces_before_the_last_group": "Call 617-555     -0142 after 5.",
    "spaces_after_a_hyphen": "Call 617-555-     0142 after 5.",
    "spaces_before_the_second_group": "Call 617     -555-0142 after 5.",
    "a_tab_and_spaces": "Call 617-555 \t  -0142 after 5.",
    "an_ssn": "SSN 123     -45-6789 on file.",
    "runs_on_both_sides_of_each_hyphen": "Call 617  -  555  -  0142 after 5.",
    "an_en_dash_after_the_run": "Call 617-555     \u20130142 after 5.",
    "a_unicode_hyphen_after_the_run": "Call 617-555     \u20100142 after 5.",
    "no_break_spaces": "Call 617-555-\u00a0\u00a0\u00a00142 after 5.",
}


@pytest.mark.parametrize("kind", sorted(SPACED))
def test_groups_a_run_of_spaces_parts_beside_a_hyphen_are_read_as_the_page_draws_them(kind):
    # A page draws a run of spaces as one: "617-555     -0142" shows "617-555 -0142".
    written = SPACED[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": written})
    [finding] = [f for f in info.value.findings if f.category in ("PHONE", "SSN")]
    assert written[finding.start : finding.end].startswith(("617", "123"))
    assert written[finding.start : finding.end].endswith(("0142", "6789"))


def test_columns_of_numbers_a_run_of_spaces_parts_stay_clean():
    clean = (
        "Na 135-145    140\nK 3.5-5.0    4.1",
        "WBC  4.5-11.0   7.2",
        "Day 1-3      250 mg\nDay 4-7      125 mg",
        "Weeks 3-4     12-15     20-24",
        "Ranges:   10-20   30-40   50-60",
        "WBC 7.2  -  8.1  -  9.0",
        "Na 135   \u2013  140",
    )
    found = scan_by_field({str(i): text for i, text in enumerate(clean)})
    assert all(not f for f in found.values())
