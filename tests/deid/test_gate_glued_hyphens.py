"""A hyphen gluing a word to an SSN-shaped number ("no-123-45-6789") or a patient cue to a
capitalized name ("Patient-John Smith") parts them on the page as a space would: the gate
reads them apart, offsets kept, so the finding is marked where it is written."""

from __future__ import annotations

import pytest

from app.deid.gate import IdentifiersFound, check, preview

GLUED = {
    "ssn_after_word": ("SSN no-123-45-6789 on file.", "SSN", "123-45-6789"),
    "name_after_cue": ("Patient-John Smith", "NAME", "John Smith"),
}


@pytest.mark.parametrize("kind", sorted(GLUED))
def test_an_identifier_glued_by_a_hyphen_is_refused_where_written(kind):
    written, category, value = GLUED[kind]
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": written})
    found = [written[f.start : f.end] for f in info.value.findings if f.category == category]
    assert value in found


def test_hyphenated_clinical_words_stay_clean():
    for text in (
        "Patient-reported outcomes improved; patient-centered plan.",
        "IL-6 and TNF-alpha were raised; COVID-19 PCR negative.",
        "Type-2 diabetes, HbA1c-7.2, CD4-350.",
    ):
        assert not preview({"presentation": text}), text
