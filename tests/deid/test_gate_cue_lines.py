"""An identifier's cue at a line's end and its number on the next line are one line on the
page ("SSN\\n123-45 -6789" shows "SSN 123-45 -6789"): the gate reads them so, offsets kept."""

from __future__ import annotations

import pytest

from app.deid.gate import IdentifiersFound, check, preview

CUED = {
    "ssn_spaced_dash": "SSN\n123-45 -6789 on file.",
    "ssn_crlf": "SSN:\r\n123-45 -6789 on file.",
}


@pytest.mark.parametrize("kind", sorted(CUED))
def test_a_cue_and_its_number_over_two_lines_are_refused_where_written(kind):
    written = CUED[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": written})
    [finding] = [f for f in info.value.findings if f.category == "SSN"]
    assert written[finding.start : finding.end].startswith("123")


def test_a_cue_before_a_list_or_a_paragraph_stays_a_line():
    for text in ("Phone\n1. Call the clinic", "SSN\n\n12 weeks of therapy", "DOB\n- 12 visits"):
        assert not preview({"presentation": text}), text
