"""An image's alt text is read where the image stands (a screen reader, a Markdown export and a
page whose image fails to load put it there), as well as on a line of its own: an SSN split
around an image ("SSN ![123-45](x)-6789") is read whole."""

from __future__ import annotations

import pytest

from app.deid.gate import IdentifiersFound, check, preview
from app.deid.shown import alt_in_place

SPLIT = {
    "markdown_image": "SSN ![123-45](x.png)-6789 on file.",
    "reference_image": "SSN ![123-45][pic]-6789 on file.\n\n[pic]: x.png",
    "html_image": 'SSN <img src="x.png" alt="123-45">-6789 on file.',
    "phone": "Call 617-555![](x.png)-0142 after 5.",
}


@pytest.mark.parametrize("kind", sorted(SPLIT))
def test_an_identifier_split_around_an_image_is_refused(kind):
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": SPLIT[kind]})
    assert info.value.hidden and not info.value.findings
    assert "6789" not in str(info.value.to_dict()) and "0142" not in str(info.value.to_dict())


def test_the_alt_text_is_read_in_place():
    assert alt_in_place("SSN ![123-45](x.png)-6789") == "SSN 123-45-6789"
    assert alt_in_place("No image here.") is None


def test_images_of_ordinary_notes_stay_clean():
    for text in (
        "Rash on day 3: ![rash, left forearm](rash.png) improving.",
        "![ECG 12-lead](ecg.png)\n\nBP 120/80, HR 72.",
        "Doses: 5 mg ![chart](c.png) 10 mg.",
    ):
        assert not preview({"presentation": text}), text


def test_an_identifier_marked_in_the_alt_text_is_not_found_again_in_place():
    text = "Seen by ![Dr. Harriet Quenby](sig.png) at the clinic."
    found = preview({"presentation": text})
    marked = [(f.field, f.start, f.end, f.category) for f in found.findings]
    assert marked and not found.hidden
