"""Clinical text analysis: abbreviations and synonyms work both ways."""

from __future__ import annotations

import pytest

from app.search.analysis import ClinicalAnalyzer, default_table


def tokens(text: str, analyzer: ClinicalAnalyzer | None = None) -> set[str]:
    analyzer = analyzer or ClinicalAnalyzer()
    return {t.text for t in analyzer(text, positions=True, chars=True)}


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("HCV", "hepatitis C"),
        ("OUD", "opioid use disorder"),
        ("afib", "atrial fibrillation"),
        ("CHF", "congestive heart failure"),
        ("DKA", "diabetic ketoacidosis"),
        ("COPD", "chronic obstructive pulmonary disease"),
        ("MI", "myocardial infarction"),
        ("UTI", "urinary tract infection"),
        ("DOAC", "direct oral anticoagulant"),
        ("G3", "genotype 3"),
        ("bup", "buprenorphine"),
        ("Suboxone", "buprenorphine"),
        ("hip fx", "hip fracture"),
        ("ORIF", "open reduction internal fixation"),
        ("EGD", "esophagogastroduodenoscopy"),
        ("TURP", "transurethral resection of the prostate"),
        ("D&C", "dilation and curettage"),
        ("C-section", "cesarean section"),
        ("cath", "cardiac catheterization"),
        ("breast cancer", "ductal carcinoma"),
        ("DJD", "osteoarthritis"),
        ("SBO", "small bowel obstruction"),
        ("MVC", "motor vehicle accident"),
        ("RUQ pain", "right upper quadrant pain"),
    ],
)
def test_abbreviation_and_full_form_share_a_concept(short: str, long: str) -> None:
    assert {t for t in tokens(short) if t.startswith("~")} & {
        t for t in tokens(long) if t.startswith("~")
    }


def test_buprenorphine_is_a_kind_of_moud_but_not_the_other_way() -> None:
    assert "~moud" in tokens("started buprenorphine")
    assert "~buprenorphine" not in tokens("on MOUD")


@pytest.mark.parametrize(
    ("brand", "generic"),
    [
        ("Lasix 40 mg daily", "furosemide"),
        ("on Zoloft", "sertraline"),
        ("Glucophage", "metformin"),
        ("Tylenol overdose", "acetaminophen ingestion"),
        ("Dilaudid PCA", "hydromorphone"),
        ("Botox injection", "botulinum toxin"),
        ("Plavix after stent", "clopidogrel"),
    ],
)
def test_a_brand_name_and_its_generic_share_a_concept(brand: str, generic: str) -> None:
    assert {t for t in tokens(brand) if t.startswith("~")} & {
        t for t in tokens(generic) if t.startswith("~")
    }


def test_a_drug_is_a_kind_of_its_class_but_not_the_other_way() -> None:
    assert "~statin" in tokens("Lipitor 20 mg")
    assert "~ssri" in tokens("sertraline")
    assert "~sertraline" not in tokens("an SSRI")
    # Classes in most operative notes are not broader concepts (opioids, antibiotics).
    assert "~abx" not in tokens("Keflex")


def test_stemming_and_character_offsets() -> None:
    analyzer = ClinicalAnalyzer()
    found = [(t.text, t.startchar, t.endchar) for t in analyzer("Heart failures", chars=True)]
    assert ("failur", 6, 14) in found
    assert ("~chf", 0, 14) in found  # the concept spans both words, for highlighting


def test_topic_synonyms_come_from_the_vocabulary() -> None:
    analyzer = ClinicalAnalyzer(default_table([("xylazine", "Xylazine wounds", ["tranq"])]))
    assert "~topic-xylazine" in tokens("tranq", analyzer)
    assert "~topic-xylazine" in tokens("xylazine wounds", analyzer)


@pytest.mark.parametrize("text", ["A-fib with RVR", "new a fib", "AFib", "atrial fibrillation"])
def test_afib_written_every_way_is_atrial_fibrillation(text: str) -> None:
    assert "~afib" in tokens(text)


@pytest.mark.parametrize("text", ["FIB-4 of 3.25", "a FIB-4 score of 1.2", "FIB 4 index", "fib"])
def test_a_fib4_score_is_not_atrial_fibrillation(text: str) -> None:
    assert "~afib" not in tokens(text)
    assert "~afib" not in ClinicalAnalyzer().term_counts(text)  # the indexing path agrees


def test_a_flutter_but_not_any_flutter() -> None:
    assert "~aflutter" in tokens("a-flutter with 2:1 block")
    assert "~aflutter" not in tokens("eyelid flutter")


@pytest.mark.parametrize(
    ("word", "concept"),
    [("now", "~nows"), ("met with the family", "~mets"), ("first aid", "~aids")],
)
def test_everyday_words_are_not_abbreviations_that_stem_to_them(word: str, concept: str) -> None:
    assert concept not in tokens(word)
    assert concept in tokens(concept[1:].upper())


def test_glued_abbreviation_keeps_its_characters() -> None:
    found = [(t.text, t.startchar, t.endchar) for t in ClinicalAnalyzer()("on A-Fib", chars=True)]
    assert ("~afib", 3, 8) in found
