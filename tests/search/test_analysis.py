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


def test_stemming_and_character_offsets() -> None:
    analyzer = ClinicalAnalyzer()
    found = [(t.text, t.startchar, t.endchar) for t in analyzer("Heart failures", chars=True)]
    assert ("failur", 6, 14) in found
    assert ("~chf", 0, 14) in found  # the concept spans both words, for highlighting


def test_topic_synonyms_come_from_the_vocabulary() -> None:
    analyzer = ClinicalAnalyzer(default_table([("xylazine", "Xylazine wounds", ["tranq"])]))
    assert "~topic-xylazine" in tokens("tranq", analyzer)
    assert "~topic-xylazine" in tokens("xylazine wounds", analyzer)
