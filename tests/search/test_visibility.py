"""What search derives from its documents follows the documents' audience: similar cases,
snippets of evidence notes, "did you mean", facets. The case policy decides throughout."""

from __future__ import annotations

import json

import pytest

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.models import CaseStatus
from app.cases.operations import CaseData, update_case
from app.errors import NotFound
from app.extensions import db
from app.practices.models import EvidenceLink
from app.practices.operations import add_evidence, propose_practice
from app.recommendations.models import RecommendationStatus
from app.search import SearchRequest, search, similar_cases
from app.search.verification import verify
from tests.conftest import sign_in
from tests.search.conftest import Library
from tests.support.builders import add_case, add_recommendation


def hits(user, q: str) -> list[tuple[str, int]]:
    return [(h.type, h.id) for h in search(user, SearchRequest(q=q, per_page=100)).hits]


# ---------------------------------------------------------------- similar cases


@pytest.fixture
def review_case(library: Library):
    case = add_case(
        library.hcv,
        library.presenter,
        "Submitted genotype 3 hepatitis C with cirrhosis",
        status=CaseStatus.SUBMITTED,
        question="Which regimen for retreatment?",
    )
    db.session.commit()
    return case


def test_similar_cases_of_a_hidden_case_answer_as_for_a_missing_one(
    client, library: Library, review_case, make_user
) -> None:
    other = make_user("provider", programs=["hcv", "oud"])
    hidden = [library.secret_case, library.draft_case, review_case]
    for case in [*hidden]:
        with pytest.raises(NotFound):
            similar_cases(other, case_id=case.id)
    with pytest.raises(NotFound):
        similar_cases(other, case_id=99_999)
    # Their presenter sees them, and gets the open case that reads like them.
    assert library.hcv_case.id in {
        h.id for h in similar_cases(library.presenter, case_id=review_case.id)
    }

    token = create_token(other, "test", actor=SYSTEM)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    missing = client.get("/api/v1/cases/99999/similar", headers=headers)
    assert missing.status_code == 404
    sign_in(client, other)
    for case in hidden:
        response = client.get(f"/api/v1/cases/{case.id}/similar", headers=headers)
        assert response.status_code == 404
        said = response.get_json()["message"]
        assert said == missing.get_json()["message"]
        assert client.get(f"/search/similar?case_id={case.id}").status_code == 404
    assert client.get("/search/similar?case_id=99999").status_code == 404
    assert client.get(f"/search/similar?case_id={library.hcv_case.id}").status_code == 200


# ---------------------------------------------------------------- evidence notes


def test_old_versions_of_edited_private_cases_weigh_nothing_for_outsiders(
    library: Library, make_user
) -> None:
    """Editing a case deletes its old indexed version, which stays in its segment until
    the segment merges: what an outsider's words weigh must not count those versions of
    a private case either, or editing it twice would move the outsider's scores."""
    outsider = make_user("provider", programs=["hcv", "oud"])
    texts = [
        ("Hepatitis C genotype 3 with cirrhosis after sofosbuvir", "Retreatment regimen?"),
        ("Cirrhosis and hepatitis C in a man with atrial fibrillation", "Which DAA?"),
        ("Hepatitis C retreatment with falls on apixaban", "Stop apixaban for cirrhosis?"),
    ]
    private = [add_case(library.secret, library.presenter, t, question=q) for t, q in texts]
    db.session.commit()

    def scores() -> tuple[list, list]:
        similar = similar_cases(outsider, case_id=library.hcv_case.id)
        found = search(outsider, SearchRequest(q="hepatitis cirrhosis apixaban", per_page=100))
        return [(h.id, h.score) for h in similar], [(h.type, h.id, h.score) for h in found.hits]

    before = scores()
    assert before[0] and before[1]
    for title in ("Florbexate in hepatitis C with cirrhosis", None):
        for case, (text, question) in zip(private, texts, strict=True):
            data = CaseData(title=title or text, question=question, presentation=text)
            update_case(case, data, actor=SYSTEM)
        db.session.commit()
    after = scores()
    for was, now in zip(before, after, strict=True):
        assert [h[:-1] for h in now] == [h[:-1] for h in was]
        assert [h[-1] for h in now] == pytest.approx([h[-1] for h in was], rel=1e-6)


@pytest.fixture
def practice(library: Library):
    practice = propose_practice(
        "Screen before treating",
        "Ask about cassowary exposure before every start.",
        author=library.expert,
        actor=library.expert,
    )
    db.session.commit()
    return practice


def test_a_private_evidence_note_is_found_only_by_who_may_see_its_case(
    library: Library, practice, make_user
) -> None:
    member = make_user("provider", programs=["secret-pilot"])
    outsider = make_user("provider", programs=["hcv"])
    # An open case cited too keeps the practice everyone's (policy.can_view_practice).
    add_evidence(practice, library.hcv_case, added_by=library.expert, actor=SYSTEM)
    link = add_evidence(
        practice,
        library.secret_case,
        note="Continue the combination product; expect a third-trimester increase.",
        added_by=library.expert,
        actor=SYSTEM,
    )
    db.session.commit()

    results = search(outsider, SearchRequest(q="third-trimester increase"))
    assert results.total == 0 and results.hits == []
    assert "trimester" not in json.dumps(results.to_json())
    assert search(outsider, SearchRequest(q="", types=["evidence"])).total == 0

    found = search(member, SearchRequest(q="third-trimester increase"))
    assert [(h.type, h.id) for h in found.hits] == [("evidence", link.id)]
    assert found.hits[0].url == f"/practices/{practice.id}#timeline"
    assert "<mark>" in found.hits[0].snippet
    assert ("evidence", "Evidence notes", 1) in found.facets["type"]
    # The practice itself is everyone's: found by its statement, without the note.
    for user in (outsider, member):
        results = search(user, SearchRequest(q="cassowary"))
        assert [(h.type, h.id) for h in results.hits] == [("practice", practice.id)]
        assert "trimester" not in results.hits[0].snippet
    assert verify().ok


def test_an_evidence_note_follows_what_it_cites(library: Library, practice, make_user) -> None:
    """The note's audience moves with its case's status, its recommendation's publication,
    and goes with the link."""
    other = make_user("provider", programs=["hcv"])
    stranger = make_user("provider", programs=["oud"])
    on_draft = add_evidence(
        practice,
        library.draft_case,
        note="The zygodactyl protocol.",
        added_by=library.expert,
        actor=SYSTEM,
    )
    unpublished = add_recommendation(
        library.hcv_case,
        library.expert,
        "Consider brachiosaur dosing.",
        published=False,
    )
    on_unpublished = add_evidence(
        practice, unpublished, note="An iguanodon idea.", added_by=library.expert, actor=SYSTEM
    )
    db.session.commit()
    assert hits(other, "zygodactyl") == []
    assert hits(library.presenter, "zygodactyl") == [("evidence", on_draft.id)]
    assert hits(library.expert, "iguanodon") == []  # its author reads it on the case page
    assert hits(library.presenter, "iguanodon") == []

    library.draft_case.status = CaseStatus.APPROVED
    unpublished.status = RecommendationStatus.PUBLISHED
    db.session.commit()
    for user in (other, stranger):
        assert hits(user, "zygodactyl") == [("evidence", on_draft.id)]
        assert hits(user, "iguanodon") == [("evidence", on_unpublished.id)]

    library.hcv.private = True  # the program closes: its notes go with it
    db.session.commit()
    assert hits(stranger, "zygodactyl") == []
    assert hits(stranger, "iguanodon") == []
    assert hits(other, "zygodactyl") == [("evidence", on_draft.id)]  # a member
    assert verify().ok

    db.session.delete(db.session.get(EvidenceLink, on_draft.id))
    db.session.commit()
    assert hits(library.presenter, "zygodactyl") == []
    assert verify().ok


def test_a_session_note_goes_with_its_program(library: Library, practice, make_user) -> None:
    from datetime import date

    from app.programs.operations import create_session

    session = create_session(
        library.secret, date(2025, 2, 2), title="Closed pilot session", actor=SYSTEM
    )
    db.session.commit()
    add_evidence(practice, session, note="Agreed on pangolin checks.", added_by=None, actor=SYSTEM)
    db.session.commit()
    outsider = make_user("provider", programs=["hcv"])
    member = make_user("provider", programs=["secret-pilot"])
    assert hits(outsider, "pangolin") == []
    assert [t for t, _ in hits(member, "pangolin")] == ["evidence"]


# ---------------------------------------------------------------- did you mean


def respelled(user, q: str) -> str | None:
    """What search respelled the query to (searched, or offered as "did you mean")."""
    results = search(user, SearchRequest(q=q))
    return results.corrected_query or results.suggestion


def test_spelling_offers_only_words_the_reader_may_see(library: Library, make_user) -> None:
    outsider = make_user("provider", programs=["hcv", "oud"])
    member = make_user("provider", programs=["secret-pilot"])
    # "xylophagous" is a word of the private program only; "quokka" of a draft only.
    assert respelled(outsider, "xylophagus") is None
    assert respelled(member, "xylophagus") == "xylophagous"
    assert respelled(outsider, "quokkas bites") is None
    assert respelled(library.presenter, "qukka") == "quokka"
    assert respelled(outsider, "qukka") is None
    # Words everyone may see are still offered, and to the operator everything is.
    assert respelled(outsider, "aspixaban") == "apixaban"
    assert respelled(SYSTEM, "xylophagus") == "xylophagous"


def _filed_under_a_topic_of(case, broader: str) -> None:
    """An admin files "Hepatitis C" under `broader`, a topic proposed by `case` alone."""
    from app.admin.operations import edit_topic
    from app.programs.operations import find_topic, resolve_topics

    case.topics = resolve_topics([broader], actor=SYSTEM)
    db.session.commit()
    hepatitis = find_topic("Hepatitis C")
    assert hepatitis is not None
    edit_topic(SYSTEM, hepatitis, parent_name=broader)
    db.session.commit()


def _topic_facet(user) -> list[str]:
    return [label for _, label, _ in search(user, SearchRequest(q="genotype")).facets["topic"]]


def test_a_broader_topic_only_a_private_program_carries_is_no_facet_of_outsiders(
    library: Library, make_user
) -> None:
    # Open cases are then filed under the private program's topic too, but its name is not
    # the outsiders' to read.
    _filed_under_a_topic_of(library.secret_case, "Xylophage exposure")
    outsider = make_user("provider", programs=["hcv"])
    member = make_user("provider", programs=["hcv", "secret-pilot"])

    assert "Hepatitis C" in _topic_facet(outsider)
    assert "Xylophage exposure" not in _topic_facet(outsider)
    assert "Xylophage exposure" in _topic_facet(member)


def test_a_broader_topic_only_a_draft_carries_is_no_facet_of_others(
    library: Library, make_user
) -> None:
    # A draft is its presenter's alone, in an open program too: a topic proposed in it and
    # set above an accepted one is named to them and to those who accept topics (who review
    # it), not to other readers.
    _filed_under_a_topic_of(library.draft_case, "Quokka bite fever")
    other = make_user("provider", programs=["hcv"])
    coordinator = make_user("coordinator", programs=["hcv"])

    assert "Hepatitis C" in _topic_facet(other)
    assert "Quokka bite fever" not in _topic_facet(other)
    assert "Quokka bite fever" in _topic_facet(coordinator)
    assert "Quokka bite fever" in _topic_facet(library.presenter)
    assert "Quokka bite fever" in _topic_facet(make_user("admin"))
