"""Query rules of relevance round 19: "MS" read from the query's other words, the time of
day and the kind of answer optional in a question, a lay phrase's words apart weighing less
than the clinical term it stands for, and a drug class's members left to a lay phrase that
names its own (app/search/query.py, questions.py, lay.py, data/abbreviations.yaml)."""

from __future__ import annotations

from app.extensions import db
from app.search import SearchRequest, search
from app.search.analysis import ClinicalAnalyzer
from app.search.query import compile_query
from tests.search.conftest import Library
from tests.support.builders import add_case


def _terms(query) -> set[str]:
    return {t for _field, t in query.iter_all_terms()}


def _required(query) -> set[str]:
    """The terms of the part every match must hold (an optional part left out)."""
    return _terms(query.a if type(query).__name__ == "AndMaybe" else query)


def test_ms_is_read_from_the_words_beside_it() -> None:
    analyzer = ClinicalAnalyzer()
    relapse = _terms(compile_query("MS relapse", analyzer).query)
    assert {"multipl", "sclerosi"} <= relapse
    valve = _terms(compile_query("MS rheumatic valve", analyzer).query)
    assert "~mitral-stenosis" in valve or {"mitral", "stenosi"} <= valve
    assert "sclerosi" not in valve
    # Alone, or beside a mental-status word, the letters are left as typed.
    assert _terms(compile_query("MS", analyzer).query) == {"ms"}
    assert "sclerosi" not in _terms(compile_query("MS altered", analyzer).query)


def test_ms_relapse_finds_the_note_that_writes_multiple_sclerosis(library: Library) -> None:
    sclerosis = add_case(
        library.hcv,
        library.presenter,
        "Relapsing-remitting multiple sclerosis",
        question="A relapse on interferon: switch to natalizumab?",
    )
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="MS relapse"))
    assert sclerosis.id in {h.id for h in results.hits if h.type == "case"}
    assert not results.matched_any


def test_in_a_question_the_time_of_day_is_optional() -> None:
    analyzer = ClinicalAnalyzer()
    query = compile_query("what do we do for a diabetic with low sugars at night", analyzer)
    assert type(query.query).__name__ == "AndMaybe"
    assert "night" not in _required(query.query) and "night" in _terms(query.query.b)
    # Typed as keywords it stays required.
    assert "night" in _required(compile_query("night sweats", analyzer).query)


def test_in_a_question_labs_meds_and_newly_found_are_optional() -> None:
    analyzer = ClinicalAnalyzer()
    query = compile_query("what labs and meds for someone newly found to have HIV", analyzer)
    assert type(query.query).__name__ == "AndMaybe"
    assert _required(query.query) == {"~hiv"}
    assert {"lab", "med", "newli", "found"} <= _terms(query.query.b)
    # Among keywords they stay required.
    assert {"lab", "hiv"} <= {
        t.removeprefix("~") for t in _required(compile_query("hiv labs", analyzer).query)
    }


def test_a_lay_phrase_with_its_own_drug_names_does_not_gain_the_class_members() -> None:
    analyzer = ClinicalAnalyzer()
    water = _terms(compile_query("water pill", analyzer).query)
    assert {"diuret", "~furosemide", "~hydrochlorothiazide"} <= water
    assert "~spironolactone" not in water
    # The class typed still finds every member, and a lay phrase naming none gains them.
    assert "~spironolactone" in _terms(compile_query("diuretics", analyzer).query)
    assert "~oxycodone" in _terms(compile_query("pain pills", analyzer).query)


def test_the_clinical_term_ranks_above_the_lay_words_scattered(library: Library) -> None:
    # The words of "low thyroid" apart (a thyroid nodule and a low back) say nothing of an
    # underactive thyroid; the note that names hypothyroidism answers.
    scattered = add_case(
        library.hcv,
        library.presenter,
        "Thyroid nodule",
        question="Nodule found on imaging for low back pain: biopsy?",
    )
    named = add_case(
        library.hcv,
        library.presenter,
        "Hypothyroidism on levothyroxine",
        question="Hypothyroidism with TSH still raised on levothyroxine: raise the dose?",
        presentation="Hypothyroidism since 2019.",
    )
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="low thyroid"))
    hits = [h.id for h in results.hits if h.type == "case"]
    assert named.id in hits and scattered.id in hits
    assert hits.index(named.id) < hits.index(scattered.id)
