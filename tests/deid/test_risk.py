"""Re-identification risk: quasi-identifiers that together may point at one person."""

from __future__ import annotations

from app.deid.risk import KINDS, assess, signals

RISKY = (
    "Her husband is the county sheriff in a small town of 800. She has Fabry disease and"
    " was struck by lightning on Christmas Eve."
)


def test_a_combination_of_quasi_identifiers_raises_a_warning_naming_each_phrase():
    warning = assess({"presentation": RISKY})
    assert warning is not None
    assert warning.level == "high"
    assert warning.kinds == ["event", "precise_date", "rare_condition", "role", "small_place"]
    phrases = {RISKY[s.start : s.end] for s in warning.signals}
    assert {"sheriff", "small town", "Fabry disease", "struck by lightning"} <= phrases
    assert "on Christmas Eve" in phrases or "Christmas Eve" in phrases


def test_each_signal_says_how_to_generalize_and_carries_no_text():
    body = assess({"presentation": RISKY}).to_dict()
    assert body["message"]
    for signal in body["signals"]:
        assert set(signal) == {"field", "start", "end", "kind", "label", "advice"}
        assert signal["advice"] == KINDS[signal["kind"]][1]
    assert "Fabry" not in str(body)


def test_one_kind_alone_is_ordinary_case_detail():
    assert assess({"presentation": "Known Wilson disease, on trientine; ALT 88."}) is None
    assert assess({"presentation": "A farmer with hepatitis C, genotype 3."}) is None


def test_fields_of_one_case_are_read_together():
    warning = assess(
        {"fields.social": "Works as the town clerk.", "presentation": "Has porphyria."}
    )
    assert warning is not None
    assert {s.field for s in warning.signals} == {"fields.social", "presentation"}


def test_clinical_text_without_quasi_identifiers_raises_nothing():
    text = (
        "58-year-old with cirrhosis, MELD 14, on lactulose and rifaximin. Grade 2/6 murmur;"
        " Babinski negative. Plan: EGD, AFP every 6 months, and hepatitis A/B vaccination."
    )
    assert assess({"presentation": text}) is None


def test_ages_in_the_late_eighties_and_weekdays_are_signals():
    kinds = {s.kind for s in signals("x", "An 87-year-old seen last Tuesday.")}
    assert kinds == {"age", "precise_date"}


def test_phrases_match_across_hyphens_and_case():
    kinds = [s.kind for s in signals("x", "Known EHLERS-DANLOS; lives on a reservation.")]
    assert kinds == ["rare_condition", "small_place"]


def test_the_same_text_assessed_again_warns_the_same_and_an_edit_is_seen():
    """Assessments are kept per text (lists assess every case on each request)."""
    text = RISKY
    first = assess({"presentation": text})
    again = assess({"presentation": text})
    assert first is not None and again is not None
    assert again.to_dict() == first.to_dict()
    again.signals.append(again.signals[0])  # a caller changing its list changes nobody else's
    assert assess({"presentation": text}).to_dict() == first.to_dict()
    assert assess({"presentation": "Adult with hepatitis C, no other details."}) is None


def test_a_cued_text_keeps_its_own_offsets_and_a_signal_in_the_cue_alone_does_not_count():
    warning = assess(
        {"fields.age_years": "97", "fields.christmas_plans": "none", "q": "the county sheriff"},
        {"fields.age_years": "age years: ", "fields.christmas_plans": "christmas plans: "},
    )
    assert warning is not None
    assert [(s.field, s.start, s.end, s.kind) for s in warning.signals if s.kind != "role"] == [
        ("fields.age_years", 0, 2, "age")
    ]


def test_labelled_ages_count_from_85_and_never_in_days_weeks_or_months():
    for labelled in ("age: 88", "Age at onset: 86", "age years: 97", "birth year: 1920"):
        assert [s.kind for s in signals("x", labelled)] == ["age"], labelled
    for ordinary in ("age: 54", "age days: 90", "age: 90 days", "dosage: 90", "birth year: 1990"):
        assert signals("x", ordinary) == [], ordinary
