"""Query rules read from a provider's shorthand, questions and misspellings: relation
shorthand ("s/p"), "eval" and "peds", management among keywords, "check" and the visit in a
question, a verb typed apart from its "off", "hooked" as a lay word, drug classes finding
their members, and respellings past two edits by doubled letters (app/search/query.py,
questions.py, drugs.py, spelling.py, data/lay_terms.yaml)."""

from __future__ import annotations

from app.extensions import db
from app.search import SearchRequest, search, spelling
from app.search.analysis import ClinicalAnalyzer
from app.search.query import compile_query
from tests.search.conftest import Library
from tests.support.builders import add_case


def _terms(query) -> set[str]:
    return {t for _field, t in query.iter_all_terms()}


def _required(query) -> set[str]:
    """The terms of the part every match must hold (an optional part left out)."""
    return _terms(query.a if type(query).__name__ == "AndMaybe" else query)


def test_relation_shorthand_is_not_searched_as_letters() -> None:
    analyzer = ClinicalAnalyzer()
    for typed in ("s/p CABG", "S/P CABG", "h/o CABG", "c/o CABG", "w/ CABG"):
        terms = _terms(compile_query(typed, analyzer).query)
        assert not terms & {"s", "p", "h", "o", "c", "w"}, typed
        assert terms, typed
    # "w/o" (without) is left as typed, and a slash inside a longer word too.
    assert "o" in _terms(compile_query("w/o contrast", analyzer).query)


def test_relation_shorthand_finds_the_note_about_the_procedure(library: Library) -> None:
    bypass = add_case(
        library.hcv,
        library.presenter,
        "Coronary artery bypass graft, three vessels",
        question="CABG done last month; when can warfarin restart?",
    )
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="s/p CABG"))
    assert bypass.id in {h.id for h in results.hits if h.type == "case"}
    assert not results.matched_any  # found with its words, not relaxed to any of them


def test_eval_and_peds_are_optional_like_evaluation_and_children() -> None:
    analyzer = ClinicalAnalyzer()
    query = compile_query("peds ADHD eval", analyzer).query
    assert type(query).__name__ == "AndMaybe"
    required = _required(query)
    assert not required & {"ped", "eval"}
    assert {"ped", "eval", "pediatr"} <= _terms(query.b)


def test_management_is_the_kind_of_answer_not_scaffolding() -> None:
    analyzer = ClinicalAnalyzer()
    query = compile_query("chronic pain opioid management", analyzer).query
    assert type(query).__name__ == "AndMaybe"
    assert "manag" in _terms(query.b) and "manag" not in _required(query)
    # In a sentence it is scaffolding, as before.
    assert "manag" not in _terms(compile_query("how do we manage gout", analyzer).query)


def test_in_a_question_what_to_check_is_optional() -> None:
    analyzer = ClinicalAnalyzer()
    query = compile_query("what should I check in a patient with gout", analyzer).query
    assert type(query).__name__ == "AndMaybe"
    assert "check" not in _required(query) and "check" in _terms(query.b)
    # Typed as keywords it stays required.
    assert "check" in _required(compile_query("well child check", analyzer).query)


def test_hooked_is_a_lay_word_for_addiction() -> None:
    terms = _terms(compile_query("hooked on pain pills", ClinicalAnalyzer()).query)
    assert {"addict", "~sud", "opioid", "~oxycodone"} <= terms


def test_a_doubled_letter_and_a_silent_h_share_a_skeleton() -> None:
    assert spelling.skeleton("hemmoroids") == spelling.skeleton("hemorrhoids")
    assert spelling.skeleton("diarhea") == spelling.skeleton("diarrhea")
    assert spelling.skeleton("pneumonia") != spelling.skeleton("pneumothorax")


def test_a_misspelling_three_edits_away_by_doubled_letters_is_a_candidate() -> None:
    words = spelling.Dictionary()
    for word in ("hemorrhoids", "hemorrhage", "hemoglobin"):
        words.add(word)
    found = dict(words.candidates("hemmoroids"))
    assert "hemorrhoids" in found
    assert "hemorrhage" not in found


def test_a_misspelling_past_two_edits_is_searched_respelled(library: Library) -> None:
    piles = add_case(
        library.hcv,
        library.presenter,
        "Bleeding hemorrhoids in cirrhosis",
        question="Internal hemorrhoids bleeding again: band ligation with low platelets?",
    )
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="hemmoroids"))
    assert results.corrected_query == "hemorrhoids"
    assert piles.id in {h.id for h in results.hits if h.type == "case"}


def test_in_a_question_the_visit_is_optional() -> None:
    analyzer = ClinicalAnalyzer()
    query = compile_query("what should I look for at a follow up visit for gout", analyzer).query
    assert type(query).__name__ == "AndMaybe"
    assert "gout" in _required(query)
    assert not _required(query) & {"follow", "visit"} and "visit" in _terms(query.b)
    # A question of only such words still searches for them.
    alone = compile_query("what to do at a follow up visit", analyzer).query
    assert alone is not None and "visit" in _terms(alone)
    # Typed as keywords, the visit stays required.
    assert "visit" in _required(compile_query("gout follow up visit", analyzer).query)


def test_a_verb_and_its_off_typed_apart_are_the_lay_form() -> None:
    terms = _terms(
        compile_query(
            "how do I get a patient with back pain off oxycodone", ClinicalAnalyzer()
        ).query
    )
    assert {"taper", "discontinu"} <= terms


def test_a_drug_class_finds_notes_naming_its_members(library: Library) -> None:
    member = add_case(
        library.hcv,
        library.presenter,
        "Falls at night in an older woman",
        question="Takes lorazepam and zolpidem at bedtime; how to deprescribe?",
    )
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="benzodiazepines falls"))
    assert member.id in {h.id for h in results.hits if h.type == "case"}
    terms = _terms(compile_query("antipsychotics", ClinicalAnalyzer()).query)
    assert {"antipsychot", "~quetiapine", "~haloperidol"} <= terms


def test_every_drug_class_member_is_a_concept() -> None:
    from app.search.drugs import DRUG_CLASSES

    analyzer = ClinicalAnalyzer()
    for members in DRUG_CLASSES.values():
        for member in members:
            words = analyzer.analyse_query(member)
            assert any("~" + member in w.concepts for w in words), member
