"""A right-to-left override (U+202E) draws what follows it reversed, in the page, an edit
box and an editor alike: "Dr. \\u202ettenroH teirraH" shows "Dr. Harriet Hornett". The
gate's readings dropped the control and read the letters as stored, reversed; they now read
them in the order they are drawn (UAX #9's reordering of the override's levels)."""

from __future__ import annotations

import json

import pytest

from app.deid.gate import IdentifiersFound, check
from app.deid.shown import plain_letters, typed_text

REVERSED = {
    "name": ("Seen by Dr. \u202ettenroH teirraH\u202c today.", "NAME"),
    "name_unclosed": ("Seen by Dr. \u202ettenroH teirraH", "NAME"),
    "name_nested": ("Seen by Dr. \u202ettenroH\u202d\u202c teirraH\u202c today.", "NAME"),
    "name_entity": ("Seen by Dr. &#8238;ttenroH teirraH&#8236; today.", "NAME"),
    "name_with_markdown": ("Seen by Dr. \u202ettenroH teirraH\u202c *today*.", "NAME"),
    "date": ("Admitted \u202e4202/41/30\u202c for care.", "DATE"),
    "name_in_a_comment": ("Seen today. <!-- Dr. \u202ettenroH teirraH\u202c -->", "NAME"),
}


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("kind", sorted(REVERSED))
def test_an_identifier_drawn_reversed_is_refused(kind):
    text, category = REVERSED[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    refused = info.value
    assert category in {h.category for h in refused.hidden}
    said = json.dumps(refused.to_dict())
    assert "Hornett" not in said and "2024" not in said


def test_letters_are_read_in_the_order_they_are_drawn():
    assert plain_letters("a \u202ecba\u202c d") == "a abc d"
    # An override ends at its pop or at the paragraph's end, and nests.
    assert plain_letters("\u202eba\nba") == "ab\nba"
    assert plain_letters("a \u202ecba \u202dxyz\u202c fed\u202c g") == "a def xyz abc g"
    # Embeddings without an override leave Latin letters and digits as they are.
    assert plain_letters("x \u202bQuenby 42\u202c y") == "x Quenby 42 y"
    assert typed_text("<!-- \u202ecba\u202c -->") == "<!-- abc -->"
