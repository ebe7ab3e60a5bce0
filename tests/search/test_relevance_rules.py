"""Ranking and spelling rules of the keyword and misspelling round: the speller's prior and
error model, possessives typed without an apostrophe, and common words in relaxed
keyword queries."""

from __future__ import annotations

import math

from app.extensions import db
from app.search import SearchRequest, search
from app.search.analysis import ClinicalAnalyzer
from app.search.engine import CoordOr
from app.search.query import compile_query
from app.search.spelling import EDIT_COST, edits, prior
from tests.search.conftest import Library
from tests.support.builders import add_case

# ---------------------------------------------------------------- the pieces


def test_a_vowel_written_for_another_costs_half_an_edit() -> None:
    assert edits("pregnent", "pregnant", 1) == 0.5
    assert edits("carpel", "carpal", 1) == 0.5
    assert edits("pregnent", "present", 2) == 2.0  # a deletion and a consonant
    assert edits("thyriod", "thyroid", 1) == 1.0  # a transposition
    assert edits("ulser", "ulcer", 1) == 1.0  # a consonant


def test_a_word_most_documents_hold_gains_less_for_being_common() -> None:
    # Over 2,435 notes: "present" in 773, "pregnant" in 22.
    assert prior(773, 2435) - prior(22, 2435) < math.log(773 / 22) - 0.5
    # A vowel slip one edit away beats a common word two edits away.
    pregnant = prior(22, 2435) - EDIT_COST * edits("pregnent", "pregnant", 1)
    present = prior(773, 2435) - EDIT_COST * edits("pregnent", "present", 2)
    assert pregnant > present + 1
    # Rarer still is not better: among words few documents hold, more documents count.
    assert prior(40, 2435) > prior(20, 2435)


def test_only_a_relaxed_keyword_query_lets_common_words_qualify_rarer_ones() -> None:
    analyzer = ClinicalAnalyzer()
    short = compile_query("parkinson disease", analyzer).loose
    assert isinstance(short, CoordOr) and short.common_terms
    sentence = compile_query("shoulder hurts lifting arm overhead", analyzer).loose
    assert isinstance(sentence, CoordOr) and not sentence.common_terms


# ---------------------------------------------------------------- searching


def test_a_misspelling_is_respelled_to_the_clinical_word_not_a_common_one(
    library: Library,
) -> None:
    # Every case says "history of present illness"; three are about bleeding in pregnancy.
    for i in range(60):
        add_case(library.hcv, library.presenter, f"Rectal bleeding {i}")
    for i in range(3):
        add_case(
            library.oud,
            library.presenter,
            f"Pregnant woman with vaginal bleeding {i}",
            question="Pregnant, bleeding at 9 weeks: what next?",
        )
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="pregnent bleeding"))
    assert results.corrected_query == "pregnant bleeding"
    assert all("Pregnant" in h.title for h in results.hits[:3])


def test_a_possessive_typed_without_its_apostrophe_is_not_respelled(
    library: Library,
) -> None:
    for i in range(3):
        add_case(library.hcv, library.presenter, f"Parkinson's disease and falls {i}")
    add_case(library.hcv, library.presenter, "Drug-induced parkinsonism")
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="parkinsons"))
    assert results.corrected_query is None and results.suggestion is None
    assert results.total >= 4  # "parkinsons" is searched as "parkinson": all of them


def test_a_common_word_alone_does_not_match_a_relaxed_keyword_query(library: Library) -> None:
    for i in range(40):  # "parkinson" (2 cases) under 5% of what the presenter sees
        add_case(library.hcv, library.presenter, f"Chronic kidney disease follow-up {i}")
    tremor = [
        add_case(
            library.oud,
            library.presenter,
            f"Resting tremor {i}",
            question="Worsening tremor: is it Parkinson?",
        )
        for i in range(2)
    ]
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="parkinson disease"))
    assert results.matched_any  # no document holds both
    cases = [h.id for h in results.hits if h.type == "case"]
    assert set(cases) == {c.id for c in tremor}
    # A sentence still finds any of its words.
    sentence = search(library.presenter, SearchRequest(q="parkinson disease kidney follow"))
    assert sentence.total > 2


def test_a_generic_name_finds_the_brand_the_note_wrote(library: Library) -> None:
    lasix = add_case(
        library.hcv,
        library.presenter,
        "Leg swelling in heart failure",
        presentation="Started on Lasix 40 mg daily last week.",
    )
    db.session.commit()
    for query in ("furosemide", "lasix"):
        results = search(library.presenter, SearchRequest(q=query))
        assert [h.id for h in results.hits if h.type == "case"] == [lasix.id], query
