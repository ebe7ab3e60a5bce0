"""Course words ("exacerbation", "flare") in a relaxed keyword query weigh less than the
condition they qualify, unless ICD-10-CM names them as part of it ("acute pancreatitis")."""

from __future__ import annotations

from app.extensions import db
from app.search import SearchRequest, search
from app.search.analysis import ClinicalAnalyzer, stems_of
from app.search.conditions import MODIFIER_WEIGHT, MODIFIERS, PHRASES_FILE, condition_phrases
from app.search.engine import CoordOr
from app.search.query import compile_query
from tests.search.conftest import Library
from tests.support.builders import add_case

# ---------------------------------------------------------------- the pieces


def modifiers(text: str, spelled_out: dict | None = None) -> list[str]:
    words = ClinicalAnalyzer().analyse_query(text)
    stems = [w.text for w in words]
    found = condition_phrases().modifiers(stems, [w.pos for w in words], spelled_out)
    return [stems[i] for i in sorted(found)]


def test_a_course_word_beside_a_condition_it_does_not_name_is_a_modifier() -> None:
    assert modifiers("asthma exacerbation") == ["exacerb"]
    assert modifiers("ulcerative colitis flare") == ["flare"]
    assert modifiers("recurrent ear infections") == ["recurr"]


def test_a_course_word_that_is_part_of_a_condition_name_is_not() -> None:
    assert modifiers("acute pancreatitis") == []
    assert modifiers("chronic pancreatitis pain") == []
    assert modifiers("severe sepsis") == []


def test_the_words_of_a_name_must_be_adjacent_as_typed() -> None:
    # A stop word between them breaks the run: "acute" here says when, not which.
    assert modifiers("acute on pancreatitis") == ["acut"]


def test_an_abbreviation_is_read_as_what_it_stands_for() -> None:
    assert modifiers("acute PE") == ["acut"]
    assert modifiers("acute PE", {1: [stems_of("pulmonary embolism")]}) == []


def test_the_phrase_file_was_written_for_todays_course_words() -> None:
    # scripts/condition_phrases.py keeps only runs holding a course word: a word added to
    # the list needs the file written again.
    with PHRASES_FILE.open(encoding="utf-8") as fh:
        header = [line for line in fh if line.startswith("# modifiers:")]
    assert header == [f"# modifiers: {' '.join(sorted(MODIFIERS))}\n"]


def test_only_the_relaxed_query_weighs_a_course_word_less() -> None:
    compiled = compile_query("asthma exacerbation", ClinicalAnalyzer())
    assert isinstance(compiled.loose, CoordOr)
    assert compiled.loose.weights == (1.0, MODIFIER_WEIGHT)
    assert "0.5" not in repr(compiled.query)  # all the words: each weighs in full
    named = compile_query("acute pancreatitis", ClinicalAnalyzer()).loose
    assert isinstance(named, CoordOr) and named.weights is None


# ---------------------------------------------------------------- searching


def test_notes_about_the_condition_outrank_titles_holding_only_its_course_word(
    library: Library,
) -> None:
    for i in range(40):  # so that neither word is common (engine.COMMON_SHARE)
        add_case(library.hcv, library.presenter, f"Chronic hepatitis C follow-up {i}")
    flares = [
        add_case(library.hcv, library.presenter, f"Eczema exacerbation after a new soap {i}")
        for i in range(2)
    ]
    asthma = [
        add_case(
            library.oud,
            library.presenter,
            f"Wheezing and cough in a 7-year-old {i}",
            question="Is this asthma, and should we step up the inhaler?",
        )
        for i in range(2)
    ]
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="asthma exacerbation"))
    assert results.matched_any  # no note holds both words
    cases = [h.id for h in results.hits if h.type == "case"]
    assert set(cases[:2]) == {c.id for c in asthma}
    assert set(cases[2:4]) == {c.id for c in flares}


def test_a_course_word_beside_an_abbreviation_it_cannot_read_keeps_its_weight() -> None:
    # "PE" is no listed abbreviation (a physical exam as often as an embolism): "acute" may
    # be part of its name, so it is left whole. "COPD" is read, and "exacerbation" is not.
    analyzer = ClinicalAnalyzer()
    assert getattr(compile_query("acute PE", analyzer).loose, "weights", None) is None
    copd = compile_query("COPD exacerbation", analyzer).loose
    assert isinstance(copd, CoordOr) and copd.weights == (1.0, MODIFIER_WEIGHT)
