"""An HTML comment is dropped by the page, but read as typed (an edit box, a renderer that
shows raw HTML as text, where its character references are decoded): a character
reference inside a comment reads as its character there."""

from __future__ import annotations

import pytest

from app.deid.gate import IdentifiersFound, check, preview

COMMENTED = {
    "decimal": "<!-- SSN &#49;23-45-6789 -->",
    "named_dash": "Plan. <!-- SSN 123&#45;45-6789 -->",
    "hex_dash": "<!-- Call 617&#x2D;555-0142 -->",
}


@pytest.mark.parametrize("kind", sorted(COMMENTED))
def test_a_reference_inside_a_comment_is_read_as_its_character(kind):
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": COMMENTED[kind]})
    assert info.value.hidden


def test_comments_with_ordinary_references_stay_clean():
    for text in (
        "<!-- dose &lt; 10 mg &amp; BP 120/80 -->",
        "ALT 54 <!-- repeat &#8805; 2 weeks -->",
    ):
        assert not preview({"presentation": text}), text
