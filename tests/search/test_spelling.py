"""Spelling correction: what may be respelled, to what, when the respelled query is searched,
and that no reader is ever offered a word only documents hidden from them hold."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlparse

import pytest

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import resolve_topics
from app.search import SearchRequest, search
from app.search.spelling import (
    SpellingFrequency,
    builtin_words,
    correctable_words,
    rewrite,
)
from tests.conftest import sign_in
from tests.search.conftest import Library
from tests.support.builders import add_case

# ---------------------------------------------------------------- the pieces


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("hepatits C", ["hepatits"]),
        ("FIB-4 cirrossis", ["cirrossis"]),  # a lab name is left alone
        ("HCV G3 retreatmnt", ["retreatmnt"]),  # abbreviations as written, numbers
        ("eGFR declne", ["declne"]),  # mixed case is meant
        ("program:hcv hepatits", ["hepatits"]),  # filters are not words
        ("siezure AND NOT (migrane)", ["siezure", "migrane"]),
        ('"kne replacment"', ["replacment"]),  # under five letters: an abbreviation, likelier
        ("s/p d&c 2 wks luts", []),
        ("A1C of 9", []),
    ],
)
def test_only_words_as_clinicians_type_them_are_respelled(query: str, words: list[str]) -> None:
    assert correctable_words(query) == words


def test_a_respelling_keeps_what_was_typed_around_it() -> None:
    words = {"hepatits": "hepatitis", "siezure": "seizure"}
    assert rewrite("Hepatits C", words) == "Hepatitis C"
    assert rewrite("HEPATITS  c program:hcv", words) == "HEPATITIS  c program:hcv"
    assert rewrite('"siezure" -hepatits', words) == '"seizure" -hepatitis'
    assert rewrite("FIB-4 hepatits-c", words) == "FIB-4 hepatits-c"


def test_the_clinical_vocabulary_is_in_the_dictionary() -> None:
    words = builtin_words([("Perinatal substance use", ["NOWS", "neonatal abstinence"])])
    assert {"suboxone", "apixaban", "eliquis", "buprenorphine", "hcv", "afib"} <= words
    assert {"perinatal", "substance", "nows", "neonatal", "abstinence"} <= words
    assert "the" not in words


def test_the_spelling_field_holds_each_plain_word_and_its_count() -> None:
    counted = {
        w: n
        for w, n, _weight, _value in SpellingFrequency().word_values(
            "Hepatitis C, FIB-4 of 2.1; hepatitis again", None
        )
    }
    assert counted == {"hepatitis": 2, "fib": 1, "again": 1}


# ---------------------------------------------------------------- searching respelled


def test_a_misspelling_that_finds_little_is_searched_respelled(library: Library) -> None:
    results = search(library.presenter, SearchRequest(q="cirrossis retreatmnt"))
    assert results.corrected_query == "cirrhosis retreatment"
    assert results.original_query == "cirrossis retreatmnt"
    assert [(h.type, h.id) for h in results.hits][0] == ("case", library.hcv_case.id)
    # The words as typed, when asked for.
    as_typed = search(library.presenter, SearchRequest(q="cirrossis retreatmnt", correct=False))
    assert as_typed.corrected_query is None and as_typed.total == 0


def test_words_spelled_as_meant_and_abbreviations_are_left_alone(library: Library) -> None:
    for q in ("HCV cirrhosis", "afib DOAC", "FIB-4", "suboxone", "bup", "xyzzy"):
        results = search(library.presenter, SearchRequest(q=q))
        assert results.corrected_query is None and results.suggestion is None, q


def test_a_drug_name_no_document_spells_out_is_known_by_its_concept(library: Library) -> None:
    # No document says "Subutex"; its concept (buprenorphine) is in the OUD case.
    results = search(library.presenter, SearchRequest(q="subutx"))
    assert results.corrected_query == "subutex"
    assert library.oud_case.id in {h.id for h in results.hits if h.type == "case"}


def test_a_word_indexed_a_moment_ago_is_known(library: Library) -> None:
    assert search(library.presenter, SearchRequest(q="trichotillomania")).total == 0
    assert search(library.presenter, SearchRequest(q="trichotilomania")).corrected_query is None
    add_case(
        library.hcv,
        library.presenter,
        "Woman with trichotillomania and hepatitis C",
        question="Trichotillomania during treatment?",
    )
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="trichotilomania"))
    assert results.corrected_query == "trichotillomania" and results.total >= 1


def test_another_form_of_a_word_the_notes_hold_is_not_respelled_to_another_word(
    library: Library,
) -> None:
    """No note says "fainted", some say "faint" or "fainting" (found by the stem as typed),
    many say "failed": the query is searched as typed, not as "failed"."""
    for n in range(3):
        add_case(library.hcv, library.presenter, f"Faint spell {n}", question="Fainting at work?")
    for n in range(30):
        add_case(library.hcv, library.presenter, f"Treatment {n}", question="Failed therapy?")
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="fainted"))
    assert results.corrected_query is None and results.suggestion is None
    assert {h.title for h in results.hits if h.type == "case"} == {
        f"Faint spell {n}" for n in range(3)
    }
    # A misspelling of the same stem is still put right.
    for n in range(3):
        add_case(library.hcv, library.presenter, f"Rotator cuff tear {n}", question="Repair?")
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="rotater cuff"))
    assert (results.corrected_query or results.suggestion) == "rotator cuff"


def test_a_respelling_is_searched_under_its_own_threshold_not_the_any_word_ones(
    library: Library,
) -> None:
    """The words as typed finding RESPELL_BELOW (10) or more, fewer than a page of results
    (FEW_RESULTS, 20): the respelling that finds a few more is offered, not searched."""
    from app.search.operations import FEW_RESULTS, RESPELL_BELOW

    typed = RESPELL_BELOW + 2
    assert typed < FEW_RESULTS
    for i in range(typed):
        add_case(library.hcv, library.presenter, f"Varices {i}", question="Varices banding?")
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="varices OR cirrossis"))
    assert results.corrected_query is None
    assert results.suggestion == "varices OR cirrhosis"
    assert results.total == typed


def test_a_likely_respelling_of_a_query_that_finds_plenty_is_offered(library: Library, app) -> None:
    # "cirrhosys" is in a couple of documents (typed so there), "cirrhosis" in far more;
    # the query as typed finds those, so the respelling is offered, not searched.
    for i in range(12):
        add_case(
            library.hcv,
            library.presenter,
            f"Cirrhosis case {i}",
            question="Cirrhosis with varices?",
            topics=resolve_topics(["Cirrhosis"]),
        )
    for i in range(10):
        add_case(library.hcv, library.presenter, f"Varices {i}", question="Varices, cirrhosys?")
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="cirrhosys"))
    assert results.total >= 10
    assert results.suggestion is None or results.suggestion == "cirrhosis"


# ---------------------------------------------------------------- privacy


def test_a_private_programs_word_is_never_offered_to_an_outsider(
    library: Library, make_user, client
) -> None:
    outsider = make_user("provider", programs=["hcv", "oud"])
    member = make_user("provider", programs=["secret-pilot"])
    # "xylophagous" occurs only in the private program's case.
    for who in (outsider, member):
        results = search(who, SearchRequest(q="xylophagus parasites"))
        seen = results.corrected_query or results.suggestion or ""
        assert ("xylophagous" in seen) == (who is member)
    assert search(outsider, SearchRequest(q="xylophagus")).total == 0
    token = create_token(outsider, "test", actor=SYSTEM)
    db.session.commit()
    answer = client.get("/api/v1/search?q=xylophagus", headers={"Authorization": f"Bearer {token}"})
    assert "xylophag" not in answer.get_data(as_text=True).replace("xylophagus", "")
    data = answer.get_json()
    assert data["corrected_query"] is None and data["suggestion"] is None
    # A public word next to the private one is still respelled, the private one never.
    results = search(outsider, SearchRequest(q="xylophagus cirrossis"))
    seen = results.corrected_query or results.suggestion or ""
    assert "xylophagous" not in seen


def test_a_plural_is_taken_for_its_singular_only_on_what_the_reader_sees(
    library: Library, make_user, app
) -> None:
    """`singular_documents` counts the singular's documents only when the reader sees
    KNOWN_DOCS of them, as `known` does: hidden documents must not decide it."""
    from app.search import snapshots, spelling

    outsider = make_user("provider", programs=["hcv", "oud"])
    member = make_user("provider", programs=["hcv", "secret-pilot"])

    def singular(who) -> int:
        snap = snapshots.prepare()
        assert snap is not None
        corpus = snapshots.corpus_of(snap)
        _audience, hidden = snapshots.hidden_for(snap, corpus, who)
        words = spelling.dictionary(snap, str(snapshots.search_index().root), set())
        speller = spelling.Speller(snap, corpus, hidden, words, lambda w: w)
        return speller.singular_documents("quorvexs")

    add_case(library.hcv, library.presenter, "Quorvex rash", question="Stop quorvex?")
    db.session.commit()
    before = singular(outsider)
    assert before == 0
    for n in range(spelling.KNOWN_DOCS):
        add_case(library.secret, library.presenter, f"Quorvex trial {n}", question="Quorvex?")
    db.session.commit()
    assert singular(outsider) == before
    assert singular(member) == spelling.KNOWN_DOCS + 1


def test_a_stem_only_hidden_documents_hold_does_not_decide_a_respelling(
    library: Library, make_user
) -> None:
    """Whether a word's stem is held (and the word then respelled only to a word of that
    stem) is counted on what the reader sees: a private program's notes saying "faint" leave
    an outsider's "fainted" respelled as it was without them."""
    outsider = make_user("provider", programs=["hcv", "oud"])
    for n in range(30):
        add_case(library.hcv, library.presenter, f"Treatment {n}", question="Failed therapy?")
    db.session.commit()

    def told(who) -> str | None:
        results = search(who, SearchRequest(q="fainted"))
        return results.corrected_query or results.suggestion

    before = told(outsider)
    assert before == "failed"
    for n in range(3):
        add_case(library.secret, library.presenter, f"Faint spell {n}", question="Fainting?")
    db.session.commit()
    assert told(outsider) == before
    member = make_user("provider", programs=["hcv", "secret-pilot"])
    assert told(member) is None  # the member's notes hold the stem: searched as typed


# ---------------------------------------------------------------- on the demo


@pytest.fixture
def demo(demo_data, make_user):
    """The demo programs, and a provider of its open programs (outside the private one)."""
    return make_user("provider", programs=["hcv", "oud", "chronic-pain", "peds-bh"])


def test_hepatits_c_on_the_demo_web_api_and_cli(app, client, demo) -> None:
    provider = demo
    results = search(provider, SearchRequest(q="hepatits C"))
    assert results.corrected_query == "hepatitis C"
    programs = [h.program for h in results.hits[:5]]
    assert programs[0] == "hcv" and programs.count("hcv") >= 4, programs

    sign_in(client, provider)
    page = client.get("/search?q=hepatits+C&type=case").get_data(as_text=True)
    assert "Showing results for" in page and "search instead for" in page
    links = [
        parse_qs(urlparse(href.replace("&amp;", "&")).query)
        for href in _hrefs(page)
        if "correct=0" in href or "q=hepatitis" in href
    ]
    assert {"q": ["hepatitis C"], "type": ["case"]} in links  # the filters kept
    assert {"q": ["hepatits C"], "type": ["case"], "correct": ["0"]} in links
    as_typed = client.get("/search?q=hepatits+C&type=case&correct=0").get_data(as_text=True)
    assert "Showing results for" not in as_typed

    token = create_token(provider, "test", actor=SYSTEM)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    data = client.get("/api/v1/search?q=hepatits+C", headers=headers).get_json()
    assert data["corrected_query"] == "hepatitis C" and data["original_query"] == "hepatits C"
    assert data["results"][0]["program"] == "hcv"
    data = client.get("/api/v1/search?q=hepatits+C&correct=false", headers=headers).get_json()
    assert data["corrected_query"] is None and data["original_query"] is None
    refused = client.get("/api/v1/search?q=hepatits&correct=maybe", headers=headers)
    assert refused.status_code == 422 and refused.get_json()["field"] == "correct"

    runner = app.test_cli_runner()
    out = runner.invoke(args=["search", "--json", "hepatits", "C"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["corrected_query"] == "hepatitis C"
    out = runner.invoke(args=["search", "hepatits", "C"])
    assert "Showing results for: hepatitis C" in out.output


def test_typos_in_longer_demo_queries(demo) -> None:
    # As the operator: the perinatal program, where pregnancy is discussed, is private.
    for typed, meant in [
        ("buprenorphine induction fentanly", "buprenorphine induction fentanyl"),
        ("methadone qtc prolongaton", "methadone qtc prolongation"),
        ("pregnent on buprenorphine", "pregnant on buprenorphine"),
    ]:
        results = search(SYSTEM, SearchRequest(q=typed))
        assert (results.corrected_query or results.suggestion) == meant, typed


def test_a_typo_is_respelled_by_what_the_reader_may_see(demo, make_user) -> None:
    # "Pregnant" is written in the demo only in the private perinatal program, its cases and
    # the best practice drawn from them alone (policy.can_view_practice): a member's
    # "pregnent" is "pregnant"; an outsider's respelling knows nothing of the word.
    member = make_user("provider", programs=["perinatal-sud"])
    results = search(member, SearchRequest(q="pregnent on buprenorphine"))
    assert (results.corrected_query or results.suggestion) == "pregnant on buprenorphine"
    results = search(demo, SearchRequest(q="pregnent on buprenorphine"))
    assert (results.corrected_query or results.suggestion) != "pregnant on buprenorphine"


def _hrefs(page: str) -> list[str]:
    import re

    return re.findall(r'href="([^"]+)"', page)
