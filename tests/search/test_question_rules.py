"""Questions written as sentences: who the patient is, where, the level after what is
measured, and the organ's everyday name (app/search/questions.py, lay.py, query.py)."""

from __future__ import annotations

from app.extensions import db
from app.search import SearchRequest, search
from app.search.analysis import ClinicalAnalyzer
from app.search.lay import vocabulary
from app.search.query import compile_query
from tests.search.conftest import Library
from tests.support.builders import add_case


def _terms(query) -> set[str]:
    return {t for _field, t in query.iter_all_terms()}


def test_a_level_typed_after_what_is_measured_finds_the_lay_form() -> None:
    analyzer = ClinicalAnalyzer()
    hyper = _terms(
        compile_query("how do we work up a patient whose potassium is high", analyzer).query
    )
    assert "hyperkalemia" in hyper
    slow = _terms(
        compile_query("what should we do when her heart rate is very slow", analyzer).query
    )
    assert "bradycardia" in slow
    # The order of a keyword query still matches; a word that is no level is not moved.
    assert vocabulary().match(["low", "sodium"], 0) == (2, ("hyponatremia",))
    assert vocabulary().match(["sodium", "low"], 0) == (2, ("hyponatremia",))
    assert vocabulary().match(["pill", "water"], 0)[0] == 1  # "pill" alone, not "water pill"


def test_an_organ_named_in_everyday_words_finds_the_adjective_notes_write() -> None:
    analyzer = ClinicalAnalyzer()
    assert "febril" in _terms(
        compile_query("a toddler who had a seizure with a fever", analyzer).query
    )
    assert "renal" in _terms(compile_query("infection that spread to the kidney", analyzer).query)
    # A longer lay form comes first: "kidney stone" is nephrolithiasis, not "renal stone".
    assert vocabulary().match(["kidnei", "stone"], 0)[1] == ("nephrolithiasis", "renal calculus")


def test_in_a_question_where_the_patient_is_seen_is_optional() -> None:
    analyzer = ClinicalAnalyzer()
    query = compile_query("how to work up a teenager who fainted at school", analyzer).query
    assert type(query).__name__ == "AndMaybe"
    assert "school" not in _terms(query.a) and "school" in _terms(query.b)
    # Typed as keywords it stays required.
    assert "school" in _terms(compile_query("school physical", analyzer).query)


def test_in_a_question_a_population_word_matches_nothing_alone(library: Library) -> None:
    well_child = add_case(
        library.hcv,
        library.presenter,
        "Well-child check: a child of four",
        question="Child growing well. Which vaccines is the child due?",
    )
    febrile = add_case(
        library.hcv,
        library.presenter,
        "Febrile seizure in a 2-year-old",
        question="Second febrile seizure this year: EEG or reassurance?",
    )
    db.session.commit()
    results = search(
        library.presenter,
        SearchRequest(q="how do we manage a child who had a seizure with a fever"),
    )
    assert results.matched_any
    ids = [h.id for h in results.hits]
    assert febrile.id in ids
    assert well_child.id not in ids
    # Typed as keywords, who the patient is stays a part of its own.
    loose = compile_query("newborn seizure fever", ClinicalAnalyzer()).loose
    assert loose is not None and type(loose).__name__ == "CoordOr" and not loose.qualifiers


def test_in_a_question_a_population_word_in_a_title_weighs_as_in_the_text() -> None:
    """ "Well-Child Check" or "Normal Newborn H&P" in a title says who, not what."""
    analyzer = ClinicalAnalyzer()
    loose = compile_query("what should we do for a child with asthma and a cough", analyzer).loose
    assert loose is not None
    boosts = {t.fieldname: t.boost for t in loose.leaves() if getattr(t, "text", "") == "child"}
    assert boosts == {"title": 1.0, "content": 1.0}
    # The words that say what is wrong keep the title's weight.
    asthma = {t.fieldname: t.boost for t in loose.leaves() if getattr(t, "text", "") == "asthma"}
    assert asthma["title"] > asthma["content"]
