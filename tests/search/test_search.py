"""Searching: synonyms end to end, the query language, permissions, facets, the interfaces."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.auth.models import Role
from app.auth.operations import create_token
from app.auth.policy import SYSTEM, can_view_case
from app.cases.models import Case, CaseStatus
from app.cases.operations import CaseData, update_case
from app.extensions import db
from app.search import SearchRequest, search, similar_cases
from tests.conftest import sign_in
from tests.search.conftest import Library
from tests.support.builders import add_case


def titles(user, q: str, **kwargs) -> list[str]:
    return [h.title for h in search(user, SearchRequest(q=q, group=False, **kwargs)).hits]


def keys(user, q: str, **kwargs) -> set[str]:
    """Every matching document (results not grouped by case)."""
    request = SearchRequest(q=q, group=False, **kwargs)
    return {f"{h.type}:{h.id}" for h in search(user, request).hits}


@pytest.mark.parametrize(
    ("query", "case_attr"),
    [
        ("HCV", "hcv_case"),
        ("hepatitis c cirrhosis", "hcv_case"),
        ("HCV G3 cirrhosis retreatment", "hcv_case"),
        ("afib on DOAC with falls", "afib_case"),
        ("a-fib anticoagulant", "afib_case"),
        ("CHF", "afib_case"),
        ("bup induction fentanyl", "oud_case"),
        ("MOUD", "oud_case"),
        ("OUD", "oud_case"),
    ],
)
def test_clinicians_words_find_the_case(library: Library, query: str, case_attr: str) -> None:
    case = getattr(library, case_attr)
    assert f"case:{case.id}" in keys(library.presenter, query)


def test_full_form_finds_the_abbreviation(library: Library) -> None:
    add_case(library.hcv, library.presenter, "Man with HCV and DKA", question="Start insulin?")
    db.session.commit()
    found = titles(library.presenter, "diabetic ketoacidosis hepatitis c")
    assert found[0] == "Man with HCV and DKA"


def test_results_are_ranked_with_title_above_body(library: Library) -> None:
    add_case(library.oud, library.presenter, "Routine visit", presentation="Mentions apixaban.")
    db.session.commit()
    found = (
        titles(library.presenter, "apixaban", type=None)
        if False
        else titles(library.presenter, "apixaban", types=["case"])
    )
    assert found[0].startswith("74-year-old woman")


def test_snippets_highlight_matches_and_escape_html(library: Library) -> None:
    add_case(library.oud, library.presenter, "Edge <script>", presentation="naloxone <b>kit</b>")
    db.session.commit()
    hit = search(library.presenter, SearchRequest(q="narcan")).hits[0]
    assert "<mark>naloxone</mark>" in hit.snippet
    assert "<b>" not in hit.snippet and "&lt;b&gt;" in hit.snippet


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "((((",
        ")))) OR AND NOT",
        "foo:bar baz:",
        "year:abc",
        "year:99999",
        "-",
        "NOT",
        "*?~^[]{}",
        "program:",
        'topic:"',
        "a" * 5000,
        "\x00\x01 hcv",
        "status:closed OR",
    ],
)
def test_malformed_queries_never_error(library: Library, query: str) -> None:
    results = search(library.presenter, SearchRequest(q=query))
    assert results.total >= 0


def test_query_syntax(library: Library) -> None:
    user = library.presenter
    hcv, afib, oud = library.hcv_case, library.afib_case, library.oud_case
    assert f"case:{hcv.id}" in keys(user, '"compensated cirrhosis"')
    assert f"case:{hcv.id}" not in keys(user, '"cirrhosis compensated"')
    either = keys(user, "apixaban OR fentanyl", types=["case"])
    assert {f"case:{afib.id}", f"case:{oud.id}"} <= either
    assert f"case:{oud.id}" not in keys(user, "apixaban OR fentanyl -suboxone")
    assert f"case:{oud.id}" not in keys(user, "apixaban OR fentanyl NOT buprenorphine")
    assert keys(user, "history type:case program:oud") == {f"case:{afib.id}", f"case:{oud.id}"}
    assert keys(user, "topic:cirrhosis") == {
        f"case:{hcv.id}",
        f"recommendation:{hcv.recommendations[0].id}",
        f"annotation:{hcv.recommendations[0].annotations[0].id}",
    }
    assert keys(user, "retreatment type:recommendation") == {
        f"recommendation:{hcv.recommendations[0].id}"
    }
    this_year = hcv.created_at.year
    assert f"case:{afib.id}" in keys(user, f"year:{this_year}")
    assert f"case:{hcv.id}" in keys(user, "year:2024")  # dated by its session
    assert f"case:{hcv.id}" not in keys(user, "cirrhosis year:2025..2030")
    assert f"case:{hcv.id}" in keys(user, "cirrhosis year:>=2020")


def test_any_word_fallback_and_did_you_mean(library: Library) -> None:
    results = search(library.presenter, SearchRequest(q="apixaban zzzunknownword"))
    assert results.matched_any and results.total >= 1
    # A misspelling that finds nothing is searched respelled, and says so.
    results = search(library.presenter, SearchRequest(q="aspixaban"))
    assert results.corrected_query == "apixaban" and results.original_query == "aspixaban"
    assert results.total >= 1 and results.suggestion is None
    # As typed, on request: nothing found, the respelling offered.
    results = search(library.presenter, SearchRequest(q="aspixaban", correct=False))
    assert results.total == 0 and results.corrected_query is None


def test_private_program_content_never_reaches_non_members(library: Library, make_user) -> None:
    outsider = make_user("provider", programs=["hcv"])
    member = make_user("provider", programs=["secret-pilot"])
    admin = make_user("admin")
    results = search(outsider, SearchRequest(q="xylophagous"))
    assert results.total == 0 and results.hits == []
    broad = search(outsider, SearchRequest(q="", programs=["secret-pilot"]))
    assert broad.total == 0
    everything = search(outsider, SearchRequest(q="case", per_page=100))
    assert "secret-pilot" not in {v for v, _l, _n in everything.facets["program"]}
    assert all(h.program != "secret-pilot" for h in everything.hits)
    assert search(member, SearchRequest(q="xylophagous")).total == 1
    assert search(admin, SearchRequest(q="xylophagous")).total == 1
    sims = similar_cases(outsider, text="xylophagous parasites infestation")
    assert all(h.program != "secret-pilot" for h in sims)


def test_drafts_only_to_their_presenter_and_unpublished_recommendations_to_nobody(
    library: Library, make_user
) -> None:
    other = make_user("provider", programs=["hcv"])
    assert search(library.presenter, SearchRequest(q="quokka")).total == 1
    assert search(other, SearchRequest(q="quokka")).total == 0
    assert search(library.presenter, SearchRequest(q="zanubrutinib")).total == 0
    assert search(library.expert, SearchRequest(q="zanubrutinib")).total == 0


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("status", list(CaseStatus))
def test_search_agrees_with_the_case_policy(app, make_user, role: Role, status: CaseStatus) -> None:
    from app.programs.operations import create_program

    program = create_program("p", "P", actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["p"])
    viewer = make_user(role, programs=["p"])
    for who in (presenter, viewer):
        add_case(program, who, f"Wombat case by {who.id}", status=status)
    db.session.commit()
    found = {h.id for h in search(viewer, SearchRequest(q="wombat", types=["case"])).hits}
    expected = {c.id for c in db.session.scalars(select(Case)) if can_view_case(viewer, c)}
    assert found == expected


def test_facets_counts_sort_and_pagination(library: Library) -> None:
    for i in range(25):
        add_case(library.oud, library.presenter, f"Naloxone kit case {i}", question="Kit?")
    db.session.commit()
    first = search(library.presenter, SearchRequest(q="naloxone kit", per_page=10))
    assert first.total == 25 and len(first.hits) == 10 and first.pages == 3
    assert dict((v, n) for v, _l, n in first.facets["type"]) == {"case": 25}
    assert dict((v, n) for v, _l, n in first.facets["program"]) == {"oud": 25}
    third = search(library.presenter, SearchRequest(q="naloxone kit", per_page=10, page=3))
    assert len(third.hits) == 5
    ids = {h.id for h in first.hits} | {h.id for h in third.hits}
    assert len(ids) == 15
    newest = search(library.presenter, SearchRequest(q="naloxone kit", sort="date"))
    assert len(newest.hits) == 20


def test_similar_cases(library: Library) -> None:
    add_case(
        library.hcv,
        library.presenter,
        "Genotype 3 HCV with cirrhosis, DAA failure",
        question="Retreatment options for genotype 3 cirrhosis?",
    )
    db.session.commit()
    hits = similar_cases(library.presenter, case_id=library.hcv_case.id)
    assert hits and hits[0].title == "Genotype 3 HCV with cirrhosis, DAA failure"
    assert library.hcv_case.id not in {h.id for h in hits}
    typed = similar_cases(library.presenter, text="cirrhosis genotype 3 retreatment")
    assert typed


def test_similar_cases_follow_an_edit_of_the_case(library: Library) -> None:
    """The words a case is compared by are kept per index snapshot: an edit changes them."""
    add_case(
        library.hcv,
        library.presenter,
        "Genotype 3 HCV with cirrhosis, DAA failure",
        question="Retreatment options for genotype 3 cirrhosis?",
    )
    add_case(
        library.hcv,
        library.presenter,
        "Atrial fibrillation on apixaban with frequent falls, heart failure",
        question="Continue apixaban for atrial fibrillation despite falls?",
    )
    db.session.commit()
    before = similar_cases(library.presenter, case_id=library.hcv_case.id)
    assert before[0].title == "Genotype 3 HCV with cirrhosis, DAA failure"
    update_case(
        library.hcv_case,
        CaseData(
            title="Atrial fibrillation, falls and apixaban",
            question="Is apixaban safe with frequent falls and heart failure?",
            presentation="Atrial fibrillation, congestive heart failure, falls.",
        ),
        actor=SYSTEM,
    )
    db.session.commit()
    after = similar_cases(library.presenter, case_id=library.hcv_case.id)
    assert "fibrillation" in after[0].title.lower()


def test_word_counts_kept_per_segment_agree_with_the_index_after_changes(
    library: Library,
) -> None:
    """Similar cases weigh words by how many documents hold them, counted once per index
    segment and kept (a segment never changes): after saved changes open a new snapshot
    with new segments and deleted documents, the kept counts still give the index's own
    figure for every word."""
    from app.search.similar import _weighted_terms
    from app.search.snapshots import prepare, search_index

    words = "genotype cirrhosis hepatitis apixaban fibrillation retreatment sofosbuvir falls"
    first = prepare()
    assert first is not None
    before = _weighted_terms(first, words, min_df=1)
    add_case(
        library.hcv,
        library.presenter,
        "Genotype 3 HCV with cirrhosis, DAA failure",
        question="Retreatment options for genotype 3 cirrhosis after sofosbuvir?",
    )
    update_case(
        library.afib_case,
        CaseData(title="Falls on apixaban", question="Stop apixaban?", presentation="Falls."),
        actor=SYSTEM,
    )
    db.session.commit()
    snap = prepare()
    assert snap is not None and snap is not first
    reader = snap.searcher.reader()
    leaves = [
        (r, search_index().segment_data(snap.generation, r)) for r, _ in reader.leaf_readers()
    ]
    assert any(data.doc_frequencies for _r, data in leaves)  # kept from the first snapshot
    analyzer = snap.searcher.schema["content"].analyzer
    terms = {t.text for t in analyzer(words)}
    assert terms
    for term in terms:
        kept = sum(data.doc_frequency(r, "content", term) for r, data in leaves)
        assert kept == reader.doc_frequency("content", term), term
    assert _weighted_terms(snap, words, min_df=1) != before  # the new counts are used


def test_similar_cases_hide_what_the_reader_may_not_see_whoever_asked_first(
    library: Library, make_user
) -> None:
    twin = add_case(
        library.secret,
        library.presenter,
        "Genotype 3 hepatitis C with compensated cirrhosis: retreatment after sofosbuvir",
        question="Which regimen for retreatment after sofosbuvir failure?",
    )
    db.session.commit()
    member = make_user("provider", programs=["hcv", "secret-pilot"])
    assert twin.id in {h.id for h in similar_cases(member, case_id=library.hcv_case.id)}
    outsider = make_user("provider", programs=["hcv"])
    assert twin.id not in {h.id for h in similar_cases(outsider, case_id=library.hcv_case.id)}


def test_search_page(client, library: Library) -> None:
    sign_in(client, library.presenter)
    page = client.get("/search?q=HCV")
    body = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "52-year-old man with genotype 3" in body and "<mark>" in body
    assert "Refine" in body
    empty = client.get("/search").get_data(as_text=True)
    assert "abbreviations work both ways" in empty
    none = client.get("/search?q=qqqqzzzz").get_data(as_text=True)
    assert "Nothing found" in none
    assert client.get("/search?q=%22((&page=abc&per_page=-4&sort=x").status_code == 200
    fragment = client.get(f"/search/similar?case_id={library.hcv_case.id}")
    assert fragment.status_code == 200


def test_search_api(client, library: Library) -> None:
    token = create_token(library.presenter, "test", actor=SYSTEM)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/search?q=hcv").status_code == 401
    # As every API list: more than 100 a page is refused, naming the parameter.
    refused = client.get("/api/v1/search?q=HCV&type=case&per_page=500", headers=headers)
    assert refused.status_code == 422 and refused.get_json()["field"] == "per_page"
    response = client.get("/api/v1/search?q=HCV&type=case&per_page=100", headers=headers)
    data = response.get_json()
    assert response.status_code == 200
    assert set(data) >= {"total", "took_ms", "results", "facets", "suggestion"}
    assert data["per_page"] == 100
    hit = data["results"][0]
    assert set(hit) == {
        "type",
        "id",
        "ref",
        "title",
        "url",
        "score",
        "snippet",
        "program",
        "topics",
        "date",
        "category",
        "related",
        "more",
    }
    assert hit["type"] == "case" and hit["url"] == f"/cases/{library.hcv_case.id}"
    refused = client.get("/api/v1/search?q=HCV&group=maybe", headers=headers)
    assert refused.status_code == 422 and refused.get_json()["field"] == "group"
    assert client.get("/api/v1/search?q=xylophagous", headers=headers).get_json()["total"] == 0
    similar = client.get(f"/api/v1/cases/{library.hcv_case.id}/similar", headers=headers)
    assert similar.status_code == 200


def test_search_command(app, library: Library) -> None:
    runner = app.test_cli_runner()
    result = runner.invoke(args=["search", "HCV", "cirrhosis", "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["total"] >= 1 and len(data["results"]) <= 2
    plain = runner.invoke(args=["search", "afib"])
    assert "74-year-old woman" in plain.output


def test_facet_counts_are_exact_and_add_up_to_the_total(library: Library) -> None:
    for i in range(12):
        add_case(library.oud, library.presenter, f"Naloxone kit case {i}", question="Kit?")
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="naloxone kit"))
    assert results.total >= 12
    for name in ("type", "program", "status"):
        assert sum(n for _v, _l, n in results.facets[name]) == results.total, name
    filtered = search(library.presenter, SearchRequest(q="naloxone kit", types=["case"]))
    (case_count,) = [n for v, _l, n in results.facets["type"] if v == "case"]
    assert filtered.total == case_count


@pytest.mark.parametrize(
    "query",
    ["cirrhosis", "hcv OR fentanyl", "history -apixaban", "type:case program:oud", "year:>=2020"],
)
def test_the_engine_matches_what_whoosh_matches(library: Library, query: str) -> None:
    from app.search.query import compile_query
    from app.search.snapshots import corpus_of, prepare

    search(library.presenter, SearchRequest(q="warm"))
    snap = prepare()
    corpus = corpus_of(snap)
    q = compile_query(query, snap.searcher.schema["content"].analyzer).query
    found = corpus.final(corpus.match(q), None).tolist()
    assert set(found) == set(snap.searcher.docs_for_query(q))


@pytest.mark.parametrize("query", ["cirrhosis", "hcv OR fentanyl", "history -apixaban"])
def test_the_engine_scores_as_whooshs_bm25f(library: Library, query: str) -> None:
    from app.search.query import compile_query
    from app.search.snapshots import corpus_of, prepare

    search(library.presenter, SearchRequest(q="warm"))
    snap = prepare()
    corpus = corpus_of(snap)
    q = compile_query(query, snap.searcher.schema["content"].analyzer).query
    match = corpus.match(q)
    docs = corpus.final(match, None)
    ours = dict(zip(docs.tolist(), match.scores(docs).tolist(), strict=True))
    theirs = {hit.docnum: hit.score for hit in snap.searcher.search(q, limit=None)}
    assert ours and ours.keys() == theirs.keys()
    for docnum, score in theirs.items():
        assert ours[docnum] == pytest.approx(score, rel=1e-4), docnum
