"""Words and figures that only a private program's content holds, asked for by outsiders.

Each test places a marker only in a private program (a topic its case proposed, a
recommendation of its case) and shows that what an outsider gets back (a respelling, a
figure of a group) does not change with it: an answer that changes tells the outsider the
private program holds it."""

from __future__ import annotations

import re

import pytest

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import resolve_topics
from app.search import SearchRequest, search
from tests.conftest import page_as
from tests.search.conftest import Library, _library
from tests.support.builders import add_case


@pytest.fixture
def library(worlds, make_user) -> Library:
    """The search tests' small knowledge base (an open program and a private one)."""
    return worlds(__name__, lambda: _library(make_user))


def _respelled(who, q: str) -> str | None:
    results = search(who, SearchRequest(q=q))
    return results.corrected_query or results.suggestion


def test_a_topic_a_private_case_proposed_does_not_change_an_outsiders_respelling(
    library: Library, make_user, client
) -> None:
    outsider = make_user("provider", programs=["hcv", "oud"])
    token = create_token(outsider, "test", actor=SYSTEM)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    typed = ("hepatitus", "cirrhosys retreatment")
    before = {q: _respelled(outsider, q) for q in typed}
    assert before == {"hepatitus": "hepatitis", "cirrhosys retreatment": "cirrhosis retreatment"}
    # A member's case proposes topics spelled so: proposed topics are not the shared
    # vocabulary, an outsider may not see them (policy.can_see_topic).
    add_case(
        library.secret,
        library.presenter,
        "Closed pilot case",
        question="Anything to add?",
        topics=resolve_topics(["Hepatitus", "Cirrhosys"]),
    )
    db.session.commit()
    assert {q: _respelled(outsider, q) for q in typed} == before
    data = client.get("/api/v1/search?q=hepatitus", headers=headers).get_json()
    assert data["corrected_query"] == "hepatitis" and data["total"] >= 1
    out = client.application.test_cli_runner().invoke(
        args=["search", "--as", outsider.email, "--json", "hepatitus"]
    )
    assert '"corrected_query": "hepatitis"' in out.output, out.output


def test_a_practices_trail_tells_an_outsider_nothing_of_evidence_they_may_not_see(
    app, make_user
) -> None:
    """A best practice's trail is open to all who read trails, but its evidence may cite a
    private program's case and its supersession queues that program's advice for review:
    those events (who cited what, how many were queued) stay with those who may see them."""
    from tests.support.builders import build_world, practice_citing_private_evidence

    w = build_world(make_user)
    outsider = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    insider = make_user("coordinator", email="cara@example.org", programs=["hcv", "perinatal-sud"])
    private_expert = make_user("expert", email="pia@example.org", programs=["perinatal-sud"])
    practice = practice_citing_private_evidence(w, private_expert)

    def trail(who) -> str:
        response = page_as(app, who, f"/audit/practice/{practice.id}")
        assert response.status_code == 200
        return response.get_data(as_text=True)

    seen = trail(insider)
    assert seen.count("practice.evidence_added") == 3 and "practice.evidence_removed" in seen
    assert private_expert.display_name in seen and "advice_queued" in seen
    shown = trail(outsider)
    assert shown.count("practice.evidence_added") == 1, "evidence on the private case"
    assert "practice.evidence_removed" not in shown
    assert private_expert.display_name not in shown
    # The advice queued for review: the event stays, its count (which counts the private
    # program's advice) does not.
    assert "advice_queued" in shown
    assert "<dt>count</dt>" in seen and "<dt>count</dt>" not in shown


def test_the_vocabulary_counts_only_the_cases_and_sessions_a_coordinator_may_see(
    app, make_user
) -> None:
    """How many of a private program's cases and sessions (or others' drafts) carry a
    topic a coordinator may review is not theirs to see."""
    from app.cases.models import CaseStatus
    from app.programs.operations import find_topic
    from tests.support.builders import build_world

    w = build_world(make_user)
    outsider = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    for status in (CaseStatus.PRESENTED, CaseStatus.DRAFT):
        add_case(
            w.perinatal,
            w.member,
            "Pregnant patient on buprenorphine",
            status=status,
            topics=resolve_topics(["Numbatcough", "Hepatitis C"]),
        )
    add_case(w.hcv, w.provider, "A draft", status="draft", topics=resolve_topics(["Hepatitis C"]))
    add_case(w.hcv, w.provider, "Open case", topics=resolve_topics(["Numbatcough"]))
    w.closed_session.topics = resolve_topics(["Numbatcough"])
    db.session.commit()
    numbat, hep_c = find_topic("Numbatcough"), find_topic("Hepatitis C")
    page = page_as(app, outsider, "/admin/topics").get_data(as_text=True)
    row = page.split(f'href="/admin/topics/{numbat.id}"')[1].split("</tr>")[0]
    assert [int(n) for n in re.findall(r'<td class="num">(\d+)</td>', row)][:2] == [1, 0]
    shown = page_as(app, outsider, f"/admin/topics/{numbat.id}").get_data(as_text=True)
    assert "Linked to 1 case, 0 sessions" in shown
    # Hepatitis C: the open program's cases the coordinator may list, not the draft of
    # another presenter, nor the private program's.
    listed = sum(
        1 for c in hep_c_cases(hep_c) if c.program_id == w.hcv.id and str(c.status) != "draft"
    )
    shown = page_as(app, outsider, f"/admin/topics/{hep_c.id}").get_data(as_text=True)
    assert f"Linked to {listed} case" in shown


def test_a_topic_only_a_private_program_carries_is_not_shown_to_an_outside_reviewer(
    app, make_user, client
) -> None:
    """Coordinators review proposed topics, but a name only a private program's cases and
    sessions carry (a rare condition, say) was written there: outsiders do not learn it,
    by list, search, page or API (only admins, who see every program, edit or merge)."""
    from app.programs.operations import find_topic
    from tests.support.builders import build_world
    from tests.support.clients import bearer

    w = build_world(make_user)
    outsider = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    insider = make_user("coordinator", email="ines@example.org", programs=["perinatal-sud"])
    add_case(w.perinatal, w.member, "Closed case", topics=resolve_topics(["Zorblax syndrome"]))
    w.closed_session.topics = resolve_topics(["Numbatcough"])
    db.session.commit()
    headers = bearer(outsider)
    zorblax, numbat = find_topic("Zorblax syndrome"), find_topic("Numbatcough")

    for who in (w.admin, insider):
        page = page_as(app, who, "/admin/topics?status=proposed").get_data(as_text=True)
        assert "Zorblax syndrome" in page and "Numbatcough" in page
        assert page_as(app, who, f"/admin/topics/{zorblax.id}").status_code == 200

    listed = page_as(app, outsider, "/admin/topics?status=proposed").get_data(as_text=True)
    assert "Zorblax" not in listed and "Numbatcough" not in listed
    assert "Zorblax" not in page_as(app, outsider, "/admin/topics?q=zorb").get_data(as_text=True)
    for topic in (zorblax, numbat):
        missing = page_as(app, outsider, "/admin/topics/999999")
        hidden = page_as(app, outsider, f"/admin/topics/{topic.id}")
        assert hidden.status_code == missing.status_code == 404
    api = client.get("/api/v1/admin/topics?per_page=200", headers=headers)
    assert "Zorblax" not in api.get_data(as_text=True)
    for topic_id in (zorblax.id, 999999):
        gone = client.patch(
            f"/api/v1/admin/topics/{topic_id}", json={"description": "x"}, headers=headers
        )
        assert gone.status_code == 404
        assert gone.get_json()["message"] == f"No topic {topic_id}."


def test_a_hidden_topics_name_stays_hidden_in_the_hierarchy_its_trail_and_once_unlinked(
    app, make_user
) -> None:
    from app.admin.operations import edit_topic, retire_topic
    from app.programs.operations import find_topic
    from tests.support.builders import build_world

    w = build_world(make_user)
    outsider = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    add_case(w.perinatal, w.member, "Closed case", topics=resolve_topics(["Zorblax syndrome"]))
    add_case(w.hcv, w.provider, "Open case", topics=resolve_topics(["Hepatitis C"]))
    resolve_topics(["Quellitis"])  # proposed, then no case or session carries it
    db.session.commit()
    zorblax, hep_c = find_topic("Zorblax syndrome"), find_topic("Hepatitis C")
    edit_topic(SYSTEM, zorblax, parent_name="Hepatitis C")
    db.session.commit()

    def shown(who, url: str) -> str:
        return page_as(app, who, url).get_data(as_text=True)

    # Narrower: the accepted topic's page names its visible children only.
    assert "Zorblax" in shown(w.admin, f"/admin/topics/{hep_c.id}")
    assert "Zorblax" not in shown(outsider, f"/admin/topics/{hep_c.id}")
    # Broader: the list's parent column.
    edit_topic(SYSTEM, zorblax, parent_name="")
    edit_topic(SYSTEM, hep_c, parent_name="Zorblax syndrome")
    db.session.commit()
    assert "Zorblax" in shown(w.admin, "/admin/topics?q=hepatitis")
    assert "Zorblax" not in shown(outsider, "/admin/topics?q=hepatitis")
    # A topic no case or session carries any more is an admin's to review.
    assert "Quellitis" in shown(w.admin, "/admin/topics?status=proposed")
    assert "Quellitis" not in shown(outsider, "/admin/topics?status=proposed")
    # Rejected (retired), its trail tells outsiders nothing more than a missing topic's.
    edit_topic(SYSTEM, hep_c, parent_name="")
    retire_topic(SYSTEM, zorblax)
    db.session.commit()
    assert "Zorblax" in shown(w.admin, f"/audit/topic/{zorblax.id}")
    hidden = page_as(app, outsider, f"/audit/topic/{zorblax.id}")
    missing = page_as(app, outsider, "/audit/topic/999999")
    assert hidden.status_code == missing.status_code
    assert "Zorblax" not in hidden.get_data(as_text=True)


def test_the_curriculum_names_no_hidden_broader_topic(app, make_user) -> None:
    from datetime import timedelta

    from app.admin.operations import edit_topic
    from app.common import utcnow
    from app.curriculum.operations import make_scope, teaching_coverage
    from app.programs.operations import find_topic
    from tests.support.builders import build_world

    w = build_world(make_user)
    planner = make_user("curriculum", email="cleo@example.org", programs=["hcv"])
    add_case(w.perinatal, w.member, "Closed case", topics=resolve_topics(["Zorblax syndrome"]))
    add_case(w.hcv, w.provider, "Open case", topics=resolve_topics(["Hepatitis C"]))
    db.session.commit()
    edit_topic(SYSTEM, find_topic("Hepatitis C"), parent_name="Zorblax syndrome")
    db.session.commit()
    today = utcnow().date()

    def parents(who) -> set[str | None]:
        scope = make_scope(who, start=today - timedelta(days=400), end=today + timedelta(days=1))
        rows = teaching_coverage(who, scope).rows
        return {r.parent for r in rows if r.topic == "Hepatitis C"}

    assert parents(w.admin) == {"Zorblax syndrome"}
    assert parents(planner) == {None}


def hep_c_cases(topic):
    from sqlalchemy import select

    from app.cases.models import Case, case_topics

    return db.session.scalars(
        select(Case).join(case_topics).where(case_topics.c.topic_id == topic.id)
    ).all()


def test_a_topics_merge_in_its_trail_counts_no_private_case_for_a_coordinator(
    app, make_user
) -> None:
    from app.admin.operations import merge_topics
    from app.programs.operations import find_topic
    from tests.support.builders import build_world

    w = build_world(make_user)
    outsider = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    add_case(w.perinatal, w.member, "Closed case", topics=resolve_topics(["Numbatcough"]))
    db.session.commit()
    merge_topics(SYSTEM, find_topic("Numbatcough"), "Hepatitis C")
    db.session.commit()
    target = find_topic("Hepatitis C")

    def trail(who) -> str:
        return page_as(app, who, f"/audit/topic/{target.id}").get_data(as_text=True)

    assert "<dt>cases</dt><dd>1</dd>" in trail(w.admin)
    shown = trail(outsider)
    assert "topic.merged" in shown and "<dt>cases</dt>" not in shown


def test_a_word_only_a_private_case_holds_does_not_change_an_outsiders_relaxed_results(
    library: Library, make_user, monkeypatch
) -> None:
    """A relaxed keyword query sorts its words into rare and common (engine.COMMON_SHARE):
    counted over every document, a word only a private case holds became "rare" and the
    common word stopped matching on its own, so the outsider's results went to none."""
    from app.search import engine

    # The library is small: a larger share makes "history" (every case's) a common word.
    monkeypatch.setattr(engine, "COMMON_SHARE", 0.25)
    outsider = make_user("provider", programs=["hcv", "oud"])
    q = "zorblaxate history"

    def seen() -> tuple[int, bool, list[str]]:
        results = search(outsider, SearchRequest(q=q))
        return results.total, results.matched_any, [h.url for h in results.hits]

    before = seen()
    assert before[0] > 0 and before[1], before
    add_case(
        library.secret,
        library.presenter,
        "Closed pilot case",
        question="Is zorblaxate worth a trial?",
        presentation="## History\n\nStarted zorblaxate last spring.",
    )
    db.session.commit()
    assert seen() == before


def test_words_a_private_case_holds_do_not_change_an_outsiders_similar_cases(
    library: Library, make_user
) -> None:
    """Similar cases weigh a case's words by how many documents hold them: counted over
    every document, private cases holding a word made it weigh less, and the outsider's
    similar cases came in another order."""
    from app.search import similar_cases

    outsider = make_user("provider", programs=["hcv", "oud"])

    def case(program, title: str, words: str):
        return add_case(
            program,
            library.presenter,
            title,
            question=f"{words}?",
            presentation=f"## Course\n\n{words}.",
        )

    viewed = case(library.hcv, "Florbexate florbexate quindarine", "Florbexate quindarine")
    first = case(library.hcv, "Florbexate", "Florbexate")
    second = case(library.oud, "Quindarine", "Quindarine")
    db.session.commit()

    def seen() -> list[tuple[int, float]]:
        hits = similar_cases(outsider, case_id=viewed.id)
        return [(h.id, round(h.score, 4)) for h in hits if h.id in (first.id, second.id)]

    before = seen()
    assert [i for i, _score in before] == [first.id, second.id], before
    for _ in range(3):
        case(library.secret, "Florbexate pilot", "Florbexate florbexate")
    db.session.commit()
    assert seen() == before


def _woodworm_only_the_private_program_proposes(library: Library):
    """A topic, "Woodworm", that only the private program's case carries (proposed), with the
    synonym "xylophagy" an admin gave it."""
    from app.admin.operations import edit_topic
    from app.programs.operations import find_topic

    add_case(
        library.secret,
        library.presenter,
        "Closed pilot case",
        question="Anything to add?",
        topics=resolve_topics(["Woodworm"]),
    )
    db.session.commit()
    topic = find_topic("Woodworm")
    assert topic is not None
    edit_topic(SYSTEM, topic, synonyms=["xylophagy"])
    return topic


def test_synonyms_of_a_topic_only_a_private_program_proposed_do_not_widen_an_outsiders_search(
    library: Library, make_user
) -> None:
    from app.search import apply_pending
    from app.search.upkeep import reindex

    outsider = make_user("provider", programs=["hcv", "oud"])
    # The private program's case proposes "Woodworm"; an admin gives it a synonym that an
    # open program's case happens to use.
    _woodworm_only_the_private_program_proposes(library)
    add_case(library.hcv, library.presenter, "Xylophagy in a returning traveller")
    db.session.commit()
    apply_pending()
    reindex()  # topic synonyms reach the index's vocabulary with a rebuild
    # Outside the private program, "woodworm" is no word of any document they may see.
    results = search(outsider, SearchRequest(q="woodworm", correct=False))
    assert results.total == 0, [h.title for h in results.hits]


def test_merging_a_topic_only_a_private_program_used_does_not_publish_its_words(
    library: Library, make_user, client
) -> None:
    from app.admin.operations import merge_topics
    from app.programs.operations import find_topic

    source = _woodworm_only_the_private_program_proposes(library)
    result = merge_topics(SYSTEM, source, "Cirrhosis")
    db.session.commit()
    assert result.cases == 1
    target = find_topic("Cirrhosis")
    assert target is not None and target.synonyms == []
    # A coordinator of the open programs reads the target's synonyms on its page and in the API.
    outsider = make_user("coordinator", programs=["hcv", "oud"])
    token = create_token(outsider, "test", actor=SYSTEM)
    db.session.commit()
    listing = client.get(
        "/api/v1/admin/topics?q=cirrhosis", headers={"Authorization": f"Bearer {token}"}
    ).get_data(as_text=True)
    assert "Cirrhosis" in listing
    assert "Woodworm" not in listing and "xylophagy" not in listing
    assert not result.names_kept


def test_merging_a_topic_an_open_program_uses_keeps_its_name_as_a_synonym(
    library: Library,
) -> None:
    from app.admin.operations import merge_topics
    from app.programs.operations import find_topic

    add_case(library.hcv, library.presenter, "Open case", topics=resolve_topics(["Hep C"]))
    db.session.commit()
    source = find_topic("Hep C")
    assert source is not None
    result = merge_topics(SYSTEM, source, "Hepatitis C")
    db.session.commit()
    assert result.names_kept and "Hep C" in (result.target.synonyms or [])


def test_merging_a_topic_a_private_and_an_open_program_use_keeps_its_name(
    library: Library,
) -> None:
    from app.admin.operations import merge_topics
    from app.programs.operations import find_topic

    topics = resolve_topics(["Shared woodworm"])
    add_case(library.secret, library.presenter, "Closed pilot case", topics=topics)
    add_case(library.hcv, library.presenter, "Open case", topics=topics)
    db.session.commit()
    source = find_topic("Shared woodworm")
    assert source is not None
    result = merge_topics(SYSTEM, source, "Cirrhosis")
    db.session.commit()
    assert result.cases == 2
    assert result.names_kept and "Shared woodworm" in (result.target.synonyms or [])


def test_merging_into_a_topic_only_a_private_program_proposed_is_refused(
    app, client, make_user
) -> None:
    """Merging accepted its target: a name only a private program's case proposed became
    the shared vocabulary, and the open program's cases carried it, in everyone's sight."""
    from app.programs.models import TopicStatus
    from app.programs.operations import find_topic
    from tests.support.builders import build_world

    w = build_world(make_user)
    outsider = make_user("coordinator", email="cora@example.org", programs=["hcv"])
    add_case(w.perinatal, w.member, "Closed case", topics=resolve_topics(["Zorblax syndrome"]))
    open_case = add_case(w.hcv, w.provider, "Open case", topics=resolve_topics(["Zorblax fevr"]))
    db.session.commit()
    target, source = find_topic("Zorblax syndrome"), find_topic("Zorblax fevr")
    target_id, source_id = target.id, source.id

    as_admin = page_as(app, w.admin, "/admin/topics")  # the admin reads both, and merges
    assert as_admin.status_code == 200
    from tests.conftest import sign_in

    sign_in(client, w.admin)
    refused = client.post(f"/admin/topics/{source_id}/merge", data={"target": "zorblax syndrome"})
    assert refused.status_code == 422
    assert "still proposed" in refused.get_data(as_text=True)
    db.session.expire_all()
    assert find_topic("Zorblax syndrome").status is TopicStatus.PROPOSED
    assert find_topic("Zorblax fevr").id == source_id
    assert [t.name for t in open_case.topics] == ["Zorblax fevr"]
    # The outsider reads neither the target's name nor its page.
    listed = page_as(app, outsider, "/admin/topics?q=zorblax").get_data(as_text=True)
    assert "Zorblax syndrome" not in listed
    assert page_as(app, outsider, f"/admin/topics/{target_id}").status_code == 404
    assert "Zorblax syndrome" not in page_as(app, w.provider, f"/cases/{open_case.id}").get_data(
        as_text=True
    )


def test_merging_into_a_proposed_topic_everyone_reads_keeps_it_proposed(app, make_user) -> None:
    from app.admin.operations import merge_topics
    from app.programs.models import TopicStatus
    from app.programs.operations import find_topic
    from tests.support.builders import build_world

    w = build_world(make_user)
    add_case(w.hcv, w.provider, "Open case", topics=resolve_topics(["Zorblax syndrome"]))
    add_case(w.hcv, w.provider, "Other case", topics=resolve_topics(["Zorblax fevr"]))
    db.session.commit()
    result = merge_topics(SYSTEM, find_topic("Zorblax fevr"), "Zorblax syndrome")
    db.session.commit()
    assert result.cases == 1 and result.target.name == "Zorblax syndrome"
    # Merging moves links; accepting the topic into the vocabulary is a decision of its own.
    assert find_topic("Zorblax syndrome").status is TopicStatus.PROPOSED
    assert find_topic("zorblax fevr").id == result.target.id


def test_an_outsider_typing_a_synonym_of_a_topic_only_a_private_program_proposed_gets_their_own(
    library: Library, make_user
) -> None:
    # Resolved by the synonym, the case would carry "Woodworm": a name only the private
    # program's case holds.
    woodworm = _woodworm_only_the_private_program_proposes(library)
    outsider = make_user("provider", programs=["hcv", "oud"])
    topics = resolve_topics(["Xylophagy"], actor=outsider, program=library.hcv)
    assert [t.name for t in topics] == ["Xylophagy"] and topics[0].id != woodworm.id
    # The private program's readers still find "Woodworm" by it.
    member = make_user("provider", programs=["secret-pilot"])
    assert resolve_topics(["woodworm"], actor=member, program=library.secret) == [woodworm]


def test_an_outsiders_exact_guess_of_a_hidden_proposed_topic_meets_the_gate_as_a_new_name(
    library: Library, make_user
) -> None:
    from app.deid.gate import IdentifiersFound
    from app.programs.models import TopicStatus
    from app.programs.operations import add_topics, topic_texts

    # A name the private program's author marked "not an identifier" when proposing it.
    hidden = add_topics(["Tomasz Kowalczyk cluster"], status=TopicStatus.PROPOSED)
    add_case(library.secret, library.presenter, "Closed case", topics=list(hidden.values()))
    db.session.commit()
    outsider = make_user("provider", programs=["hcv", "oud"])
    # Refused as an unknown name is: nothing tells the outsider that it exists.
    for guess in ("Tomasz Kowalczyk cluster", "Tomasz Nowak cluster"):
        assert set(topic_texts([guess])) == {"topics[1]"}
        with pytest.raises(IdentifiersFound) as refused:
            resolve_topics([guess], actor=outsider, program=library.hcv)
        assert [f.field for f in refused.value.findings] == ["topics[1]"]
        assert refused.value.message == (
            "Possible patient identifiers in topics[1]: remove them, or mark each one that is"
            " not an identifier."
        )


def test_over_the_api_an_outsiders_topic_guesses_get_what_unknown_names_get(
    library: Library, make_user, client
) -> None:
    from app.programs.models import TopicStatus
    from app.programs.operations import add_topics

    _woodworm_only_the_private_program_proposes(library)
    hidden = add_topics(["Tomasz Kowalczyk cluster"], status=TopicStatus.PROPOSED)
    add_case(library.secret, library.presenter, "Closed case", topics=list(hidden.values()))
    outsider = make_user("provider", programs=["hcv", "oud"])
    headers = {"Authorization": f"Bearer {create_token(outsider, 'test', actor=SYSTEM)}"}
    db.session.commit()
    body = {"program": "hcv", "title": "Beetles in the wood", "question": "Treat?"}
    made = client.post("/api/v1/cases", headers=headers, json={**body, "topics": ["Xylophagy"]})
    assert made.status_code == 201, made.get_json()
    assert made.get_json()["topics"] == ["Xylophagy"]
    answers = [
        client.post("/api/v1/cases", headers=headers, json={**body, "topics": [guess]})
        for guess in ("Tomasz Kowalczyk cluster", "Tomasz Nowak cluster")
    ]
    assert [a.status_code for a in answers] == [422, 422]
    known, unknown = (a.get_json() for a in answers)
    assert known["field"] == unknown["field"] == "topics[1]"
    assert known["message"] == unknown["message"]


def test_an_outsiders_guesses_of_a_retired_topic_only_a_private_program_carries_tell_nothing(
    library: Library, make_user
) -> None:
    # A proposal the admins turned down stays linked to the private program's case; retired,
    # it was found by its synonym and its name was read by no gate, unlike a proposed one.
    from app.admin.operations import retire_topic
    from app.programs.operations import topic_texts

    woodworm = _woodworm_only_the_private_program_proposes(library)
    retire_topic(SYSTEM, woodworm)
    db.session.commit()
    # The private program's readers still find it by its synonym.
    member = make_user("provider", programs=["secret-pilot"])
    assert resolve_topics(["xylophagy"], actor=member, program=library.secret) == [woodworm]
    outsider = make_user("provider", programs=["hcv", "oud"])
    topics = resolve_topics(["Xylophagy"], actor=outsider, program=library.hcv)
    assert [t.name for t in topics] == ["Xylophagy"] and topics[0].id != woodworm.id
    # Its exact name is read by the gate as an unknown name is.
    assert topic_texts(["WOODWORM"]) == {"topics[1]": "WOODWORM"}


def test_a_new_topics_slug_does_not_tell_of_a_hidden_topic_spelt_alike(
    library: Library, make_user
) -> None:
    # Numbered after the topics holding its plain slug, "Woodworm!" was "woodworm-2" once
    # the private program's case proposed "Woodworm": a name the outsider may not read.
    outsider = make_user("provider", programs=["hcv", "oud"])
    db.session.commit()
    names = ["Woodworm!", "Wood worm", "COVID-19"]
    alone = [t.slug for t in resolve_topics(names, actor=outsider, program=library.hcv)]
    db.session.rollback()
    _woodworm_only_the_private_program_proposes(library)
    resolve_topics(["Wood-worm", "Covid 19"], actor=library.presenter, program=library.secret)
    db.session.commit()
    beside = [t.slug for t in resolve_topics(names, actor=outsider, program=library.hcv)]
    assert beside == alone
    assert alone[1] == "wood-worm" and all(
        s.startswith(("woodworm-", "covid-19-")) for s in (alone[0], alone[2])
    )
