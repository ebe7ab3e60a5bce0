"""Abbreviations outside the synonym table, expanded when a query is compiled."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.search import SearchRequest, search
from app.search.abbreviations import Abbreviations, abbreviations
from app.search.analysis import CLINICAL_SYNONYMS, ClinicalAnalyzer, stems_of
from app.search.lay import vocabulary
from app.search.query import compile_query
from tests.search.conftest import Library
from tests.support.builders import add_case


def _terms(query) -> set[str]:
    return {t for _field, t in query.iter_all_terms()}


def test_an_abbreviation_keeps_its_letters_and_gains_what_it_stands_for() -> None:
    compiled = compile_query("ACDF", ClinicalAnalyzer())
    assert {"acdf", "anterior", "cervic", "discectomi", "fusion"} <= _terms(compiled.query)
    assert compiled.expansions == [("ACDF", ("anterior cervical discectomy and fusion",))]
    # Typed in lower case, the same.
    assert _terms(compile_query("acdf", ClinicalAnalyzer()).query) == _terms(compiled.query)


def test_letters_left_after_a_stop_word_is_dropped_are_not_searched_alone() -> None:
    # "T&A" analyses to "t" ("a" is a stop word): every "T-spine" note would match it.
    terms = _terms(compile_query("T&A", ClinicalAnalyzer()).query)
    assert terms == {"tonsillectomi", "adenoidectomi"}
    terms = _terms(compile_query("I&D abscess", ClinicalAnalyzer()).query)
    assert terms == {"incis", "drainag", "abscess"}


def test_some_abbreviations_expand_only_when_typed_in_capitals() -> None:
    analyzer = ClinicalAnalyzer()
    assert "gastrostomi" in _terms(compile_query("PEG tube", analyzer).query)
    # "peg" and "pad" typed in lower case are the everyday words.
    assert _terms(compile_query("peg", analyzer).query) == {"peg"}
    assert _terms(compile_query("pad", analyzer).query) == {"pad"}
    assert compile_query("peg", analyzer).expansions == []


@pytest.mark.parametrize(
    "text",
    [
        "NPH insulin",  # not normal pressure hydrocephalus
        "NPH",  # alone, the insulin the notes write it for
        "aVF",  # an ECG lead, not an arteriovenous fistula
        "aVR",
        "RA pressure",  # the right atrium, not rheumatoid arthritis
        "ICD-10",
        "DDD pacing",  # a pacing mode, not degenerative disc disease
        "Lungs: CTA",
        "MS: A&O",
        "MCL",
        "VP-16",
        "PE exam",  # a physical exam
        "MVR blade",  # the eye surgeon's blade
    ],
)
def test_an_abbreviation_the_notes_use_for_something_else_is_not_expanded(text: str) -> None:
    found = compile_query(text, ClinicalAnalyzer()).expansions
    # An everyday word beside the letters ("Lungs": pulmonary) is a lay form of its own.
    assert [typed for typed, _ in found if not vocabulary().match(stems_of(typed), 0)[0]] == []


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("acute PE", ("pulmonary embolism",)),
        ("PE with dvt", ("pulmonary embolism",)),
        ("pe on xarelto", ("pulmonary embolism",)),
        ("PE tubes for otitis", ("pressure equalization tubes", "tympanostomy tubes")),
        ("carotid stenosis CEA", ("carotid endarterectomy",)),
        ("CEA rising after colon cancer", ("carcinoembryonic antigen",)),
        ("MVR for mitral regurgitation", ("mitral valve replacement", "mitral valve repair")),
        ("BMT for leukemia", ("bone marrow transplant",)),
        ("BMT recurrent otitis", ("bilateral myringotomy and tubes", "myringotomy tubes")),
        ("RA on methotrexate", ("rheumatoid arthritis",)),
        ("NPH shunt", ("normal pressure hydrocephalus",)),
        ("ICD placement", ("implantable cardioverter defibrillator",)),
        ("GBS positive pregnancy", ("group b streptococcus", "group b strep")),
        ("GBS ascending weakness", ("guillain barre syndrome",)),
    ],
)
def test_letters_of_several_meanings_are_read_from_the_other_words(
    text: str, meant: tuple[str, ...]
) -> None:
    compiled = compile_query(text, ClinicalAnalyzer())
    assert [e for _typed, e in compiled.expansions] == [meant]


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        # The other meanings are nothing a provider searches for: the default.
        ("PE", ("pulmonary embolism",)),
        ("MVR", ("mitral valve replacement", "mitral valve repair")),
        ("GBS", ("group b streptococcus", "group b strep")),
        ("ICD", ("implantable cardioverter defibrillator",)),
        # Two meanings worth searching: both.
        ("CEA", ("carotid endarterectomy", "carcinoembryonic antigen")),
    ],
)
def test_letters_of_several_meanings_alone(text: str, meant: tuple[str, ...]) -> None:
    assert [e for _t, e in compile_query(text, ClinicalAnalyzer()).expansions] == [meant]


def test_letters_of_several_meanings_weigh_less_than_the_meaning_read() -> None:
    query = compile_query("acute PE", ClinicalAnalyzer()).query
    boosts = {(t.fieldname, t.text): t.boost for t in query.leaves() if hasattr(t, "text")}
    for field in ("title", "content"):
        assert boosts[(field, "pe")] < boosts[(field, "~pulmonary-embolism")]
    # Typed in lower case, "ra" stays a word of its own (the right atrium's letters).
    assert compile_query("ra", ClinicalAnalyzer()).expansions == []


def test_a_concept_of_the_synonym_table_comes_first() -> None:
    # The table's abbreviations are indexed as concepts; the list must not shadow them.
    table = {tuple(stems_of(form)) for _c, forms, _b in CLINICAL_SYNONYMS for form in forms}
    listed = abbreviations()
    for form in [*listed.any_case, *(k.lower() for k in listed.capitals)]:
        assert tuple(stems_of(form)) not in table, form
    assert _terms(compile_query("CABG", ClinicalAnalyzer()).query) == {"~cabg"}


def test_a_negated_abbreviation_excludes_only_its_letters() -> None:
    terms = _terms(compile_query("fusion -ACDF", ClinicalAnalyzer()).query)
    assert terms == {"fusion", "acdf"}


def test_a_custom_abbreviation_file(tmp_path) -> None:
    path = tmp_path / "abbreviations.yaml"
    path.write_text(
        "any_case:\n  tturp: [thulium laser resection]\ncapitals_only:\n  LAD: [lymphadenopathy]\n",
        encoding="utf-8",
    )
    listed = Abbreviations.load(path)
    assert listed.expansions("TTURP") == ("thulium laser resection",)
    assert listed.expansions("LAD") == ("lymphadenopathy",)
    assert listed.expansions("lad") == ()


def test_a_custom_file_with_letters_of_several_meanings(tmp_path) -> None:
    path = tmp_path / "abbreviations.yaml"
    path.write_text(
        "ambiguous:\n  xyz:\n    default: 1\n    senses:\n"
        "      - means: [first meaning]\n        with: [alpha]\n"
        "      - means: [second meaning]\n        with: [beta]\n"
        "      - means: []\n        with: [gamma]\n",
        encoding="utf-8",
    )
    listed = Abbreviations.load(path)
    assert listed.expansions("xyz") == ()  # read with the query's words, by find()

    def read(text: str) -> list[tuple[str, ...]]:
        words = text.lower().split()
        context = {n: {stems_of(w)[0]} for n, w in enumerate(words)}
        return [f.expansions for f in listed.find(text, set(context), context)]

    assert read("xyz alpha") == [("first meaning",)]
    assert read("beta xyz") == [("second meaning",)]
    assert read("xyz") == [("second meaning",)]
    assert read("xyz gamma") == []


def test_acute_pe_finds_the_embolism_before_the_physical_exam(library: Library) -> None:
    exam = add_case(
        library.hcv,
        library.presenter,
        "Acute knee pain after a fall",
        question="PE: the knee is swollen; PE otherwise normal. Is an MRI needed?",
    )
    embolism = add_case(
        library.hcv,
        library.presenter,
        "Acute pulmonary embolism on day three after surgery",
        question="How long should she stay on anticoagulation?",
    )
    db.session.commit()
    ids = [h.id for h in search(library.presenter, SearchRequest(q="acute PE")).hits]
    assert embolism.id in ids
    assert exam.id not in ids or ids.index(embolism.id) < ids.index(exam.id)


def test_an_abbreviation_finds_the_case_that_writes_the_words_out(library: Library) -> None:
    written_out = add_case(
        library.hcv,
        library.presenter,
        "Neck pain after anterior cervical discectomy and fusion at C5-C6",
        question="Is the hardware the cause of her dysphagia?",
    )
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="ACDF"))
    assert written_out.id in [h.id for h in results.hits]
    assert results.also_searched == [("ACDF", ("anterior cervical discectomy and fusion",))]


@pytest.mark.parametrize(
    ("text", "plain"),
    [("İİ ACDF", set()), ("İİİİ ab ACDF c hernia e", {"hernia"})],
)
def test_an_abbreviation_after_a_letter_lower_casing_lengthens_is_found_in_place(
    text: str, plain: set[str]
) -> None:
    # Lower-casing "İ" gives two characters: word positions are taken from the text as typed.
    compiled = compile_query(text, ClinicalAnalyzer())
    assert compiled.expansions == [("ACDF", ("anterior cervical discectomy and fusion",))]
    expanded = next(c for c in compiled.query.children() if "discectomi" in _terms(c))
    assert "acdf" in _terms(expanded)
    assert not plain & _terms(expanded)  # "hernia" is its own word, not ACDF's


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("CVA L sided weakness", "left"),
        ("r-sided chest pain", "right"),
        ("L side numbness", "left"),
    ],
)
def test_a_lone_l_or_r_before_sided_is_left_or_right(text: str, side: str) -> None:
    terms = {t for _field, t in compile_query(text, ClinicalAnalyzer()).query.iter_all_terms()}
    assert side in terms
    assert "l" not in terms and "r" not in terms


@pytest.mark.parametrize("text", ["L4 radiculopathy", "MRI L-spine", "tun-L catheter"])
def test_an_l_that_is_no_side_stays_as_typed(text: str) -> None:
    terms = {t for _field, t in compile_query(text, ClinicalAnalyzer()).query.iter_all_terms()}
    assert "left" not in terms


def test_l_sided_weakness_finds_the_stroke_not_the_l_spine(library: Library) -> None:
    spine = add_case(
        library.hcv,
        library.presenter,
        "MRI L-spine: L4-L5 stenosis, weakness of the legs on one side",
        question="Is decompression needed for the L5 weakness?",
    )
    stroke = add_case(
        library.hcv,
        library.presenter,
        "Stroke with left-sided weakness",
        question="Thrombolysis window passed; what secondary prevention?",
    )
    db.session.commit()
    ids = [h.id for h in search(library.presenter, SearchRequest(q="L sided weakness")).hits]
    assert stroke.id in ids
    assert spine.id not in ids or ids.index(stroke.id) < ids.index(spine.id)
