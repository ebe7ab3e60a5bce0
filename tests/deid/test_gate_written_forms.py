"""Identifiers written in forms that the gate once passed as clean text."""

from __future__ import annotations

import pytest

from app.deid.gate import IdentifiersFound, check

# An SSN whose cue is joined to it by a dash ("SSN-123-45-6789"): the bare-number rule does
# not take digits after a dash (a lab code's tail), and the cued rules took ":" or "#" only.
SSN_AFTER_A_DASH = [
    "Seen today, SSN-123-45-6789 on the intake form.",
    "Intake: ssn-123456789.",
    "Intake: SSN:-123-45-6789.",
    "Intake: SSN -123 45 6789.",
    "Intake: SSN-123.45.6789.",
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize("text", SSN_AFTER_A_DASH)
def test_an_ssn_joined_to_its_cue_by_a_dash_is_refused(text):
    with pytest.raises(IdentifiersFound) as info:
        check({"presentation": text})
    assert "SSN" in {f.category for f in info.value.findings}


@pytest.mark.parametrize(
    "text",
    [
        "SSN-related benefits were discussed; follow-up in 2-3 weeks.",
        "HCV genotype 1a, RNA 1.2e6 IU/mL; SSRI-123 trial enrolment declined.",
    ],
)
def test_clean_text_near_an_ssn_cue_passes(text):
    assert check({"presentation": text}) == []
