"""Results a clinician can scan: one per case, snippets as rendered text, narrower topics,
abbreviations that do not collide."""

from __future__ import annotations

from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.models import Topic
from app.programs.operations import create_topic, resolve_topics
from app.search import SearchRequest, search
from tests.conftest import sign_in
from tests.search.conftest import Library
from tests.support.builders import add_annotation, add_case, add_recommendation


def test_a_case_and_its_recommendations_are_one_result(library: Library) -> None:
    case = library.hcv_case
    rec = case.recommendations[0]
    results = search(library.presenter, SearchRequest(q="sofosbuvir"))
    ours = [h for h in results.hits if h.case_id == case.id]
    assert len(ours) == 1
    (hit,) = ours
    assert hit.type == "case" and hit.url == f"/cases/{case.id}"
    assert hit.related is not None and hit.related.type == "recommendation"
    assert hit.related.id == rec.id and hit.related.category == "therapeutic"
    # The facets still count every matching document, and add up to `total`.
    counts = {v: n for v, _l, n in results.facets["type"]}
    assert counts["recommendation"] >= 1 and sum(counts.values()) == results.total
    assert results.grouped_total < results.total


def test_more_from_this_case_counts_the_matches_not_shown(library: Library) -> None:
    case = add_case(
        library.oud, library.presenter, "Pregnant patient on methadone", question="Taper?"
    )
    recs = [
        add_recommendation(case, library.expert, f"Methadone split dosing, option {i}.")
        for i in range(3)
    ]
    add_annotation(recs[0], library.expert, "Methadone levels fall in the third trimester.")
    db.session.commit()
    results = search(library.presenter, SearchRequest(q="methadone"))
    (hit,) = [h for h in results.hits if h.case_id == case.id]
    assert hit.type == "case" and hit.related is not None
    assert hit.more == 3  # 3 recommendations and an annotation matched; one is shown
    flat = search(library.presenter, SearchRequest(q="methadone", group=False))
    assert len([h for h in flat.hits if h.case_id == case.id]) == 5
    assert flat.total == results.total


def test_a_case_found_only_by_its_recommendation_is_shown_as_the_case(library: Library) -> None:
    results = search(library.presenter, SearchRequest(q="voxilaprevir"))
    (hit,) = results.hits
    assert hit.type == "case" and hit.id == library.hcv_case.id
    assert hit.related is not None and hit.related.type == "recommendation"
    assert "<mark>" in hit.related.snippet and hit.more == 0


def test_snippets_are_rendered_text_with_field_labels(library: Library) -> None:
    add_case(
        library.hcv,
        library.presenter,
        "Woman with compensated cirrhosis",
        question="Which **regimen** for zanzibarite exposure?",
        presentation="## Labs\n\n- **Platelets** 98\n- zanzibarite level *high*",
    )
    db.session.commit()
    (hit,) = search(library.presenter, SearchRequest(q="zanzibarite")).hits
    assert "##" not in hit.snippet and "**" not in hit.snippet and "- " not in hit.snippet
    assert '<span class="snippet-label">Question:</span>' in hit.snippet
    assert '<span class="snippet-label">Labs:</span>' in hit.snippet
    assert "<mark>zanzibarite</mark>" in hit.snippet


def test_a_topic_filter_includes_its_narrower_topics(library: Library) -> None:
    (oud,) = resolve_topics(["Opioid use disorder"])
    bup = create_topic("Buprenorphine induction", parent=oud, actor=SYSTEM)
    db.session.commit()
    case = add_case(
        library.oud,
        library.presenter,
        "Microdosing start in a patient using fentanyl",
        topics=[bup],
    )
    db.session.commit()
    broad = search(library.presenter, SearchRequest(topics=["Opioid use disorder"]))
    assert case.id in {h.id for h in broad.hits if h.type == "case"}
    counts = {v: n for v, _l, n in broad.facets["topic"]}
    assert counts[oud.slug] == broad.total  # the facet counts what its filter finds
    narrow = search(library.presenter, SearchRequest(topics=[bup.slug]))
    assert {h.id for h in narrow.hits} == {case.id}
    # The case shows the topic it was filed under, not the broader one.
    assert next(h for h in broad.hits if h.id == case.id).topics == ["Buprenorphine induction"]


def test_moving_a_topic_refiles_the_documents_under_it(library: Library) -> None:
    pain = create_topic("Chronic pain", actor=SYSTEM)
    opioids = create_topic("Opioid tapering", actor=SYSTEM)
    db.session.commit()
    case = add_case(library.oud, library.presenter, "Slow taper after 10 years", topics=[opioids])
    db.session.commit()
    assert not search(library.presenter, SearchRequest(topics=["Chronic pain"])).hits
    db.session.get(Topic, opioids.id).parent = pain
    db.session.commit()
    found = search(library.presenter, SearchRequest(topics=["Chronic pain"])).hits
    assert [h.id for h in found] == [case.id]


def test_afib_never_finds_a_fib4_score(library: Library) -> None:
    liver = add_case(
        library.hcv,
        library.presenter,
        "Man with HCV and a FIB-4 of 3.4",
        question="Is a FIB-4 score above 3.25 enough to call cirrhosis?",
    )
    written = add_case(library.oud, library.presenter, "New A-fib with RVR after withdrawal")
    db.session.commit()
    found = {h.id for h in search(library.presenter, SearchRequest(q="afib")).hits}
    assert library.afib_case.id in found and written.id in found
    assert liver.id not in found
    hits = search(library.presenter, SearchRequest(q="afib rvr")).hits
    (hit,) = [h for h in hits if h.id == written.id]
    assert "<mark>A-fib</mark>" in hit.snippet


def test_the_search_page_shows_a_case_with_its_recommendation(client, library: Library) -> None:
    sign_in(client, library.presenter)
    body = client.get("/search?q=sofosbuvir").get_data(as_text=True)
    assert body.count(f'href="/cases/{library.hcv_case.id}"') == 1
    assert "result-related" in body and "Therapeutic" in body
    assert "Hepatitis C ECHO" in body


def test_a_topic_filter_by_a_name_its_slug_does_not_spell_finds_its_cases(
    library: Library,
) -> None:
    # "COVID-19" has a slug of its own ("covid-19-" and a digest of its name), not the
    # one its name spells; filtering by the name finds it all the same.
    covid = create_topic("COVID-19", actor=SYSTEM)
    db.session.commit()
    case = add_case(library.hcv, library.presenter, "Long COVID and fatigue", topics=[covid])
    db.session.commit()
    assert covid.slug != "covid-19"
    for value in ("COVID-19", "covid-19", covid.slug):
        found = search(library.presenter, SearchRequest(topics=[value])).hits
        assert [h.id for h in found] == [case.id], value
