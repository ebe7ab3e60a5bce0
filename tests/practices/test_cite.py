"""Experts cite a session or a case in a best practice from its own page, with a note."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.practices.operations import propose_from_recommendations
from tests.cases.test_views import as_user
from tests.practices.test_operations import two_sessions  # noqa: F401 - fixture


@pytest.fixture
def practice(two_sessions):  # noqa: F811
    """A practice the expert proposed from the first recommendation."""
    expert, _, recs = two_sessions
    proposed = propose_from_recommendations(
        [recs[0]], "Naloxone at every visit", "Offer naloxone.", author=expert, actor=expert
    )
    db.session.commit()
    return proposed


@pytest.fixture
def expert_client(client, two_sessions, practice):  # noqa: F811
    """The test client signed in as the expert who proposed `practice`."""
    as_user(client, two_sessions[0])
    return client


def test_expert_cites_a_session_and_a_case_from_their_pages(
    app,
    expert_client,
    two_sessions,  # noqa: F811
    practice,
):
    client = expert_client
    _, provider, recs = two_sessions
    session = recs[1].case.sessions[0]
    case = recs[1].case
    page = client.get(f"/programs/oud/sessions/{session.number}").get_data(as_text=True)
    assert "Cite in a best practice" in page and "Naloxone at every visit" in page
    for kind, target in (("session", session), ("case", case)):
        response = client.post(
            "/practices/cite",
            data={
                "practice_id": practice.id,
                kind: target.id,
                "note": f"Discussed in this {kind}.",
            },
        )
        assert response.status_code == 303
    db.session.expire_all()
    kinds = sorted(link.kind for link in practice.evidence)
    assert kinds == ["case", "recommendation", "session"]
    assert {link.note for link in practice.evidence} >= {"Discussed in this session."}
    timeline = client.get(f"/practices/{practice.id}").get_data(as_text=True)
    assert "Overdose prevention" in timeline  # the cited session's title

    as_user(client, provider)
    assert "Cite in a best practice" not in client.get(f"/cases/{case.id}").get_data(as_text=True)
    response = client.post("/practices/cite", data={"practice_id": practice.id, "case": case.id})
    assert response.status_code == 403


def test_an_identifier_in_the_note_is_refused_and_nothing_is_kept(
    app,
    expert_client,
    two_sessions,  # noqa: F811
    practice,
):
    client = expert_client
    case = two_sessions[2][1].case
    response = client.post(
        "/practices/cite",
        data={"practice_id": practice.id, "case": case.id, "note": "Call 603-555-0142."},
    )
    # The form comes back with what was typed, the finding marked; nothing is stored.
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Nothing was saved: the text may identify a patient." in page
    assert ">Call 603-555-0142.</textarea>" in page
    assert 'class="deid deid-phone' in page and f'name="case" value="{case.id}"' in page
    db.session.expire_all()
    assert [link.kind for link in practice.evidence] == ["recommendation"]
    # Fixed and sent again from that page: kept.
    response = client.post(
        f"/practices/{practice.id}/evidence",
        data={"case": case.id, "note": "Same plan, second site."},
    )
    assert response.status_code == 303
    db.session.expire_all()
    assert sorted(link.kind for link in practice.evidence) == ["case", "recommendation"]


def test_refused_status_and_stance_forms_come_back_with_what_was_typed(
    app, expert_client, practice
):
    client = expert_client
    response = client.post(
        f"/practices/{practice.id}/status",
        data={"status": "emerging", "reason": "Seen again with John Smith on 03/14/2025."},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Seen again with John Smith on 03/14/2025.</textarea>" in page
    assert '<option value="emerging" selected>' in page
    response = client.post(f"/practices/{practice.id}/stance", data={"stance": "dissent"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Say why you dissent." in page
    db.session.expire_all()
    assert practice.status.value == "proposed" and not practice.endorsements


def test_evidence_through_the_api(app, client, two_sessions, practice):  # noqa: F811
    from tests.api.test_api import Api

    expert, provider, recs = two_sessions
    api = Api(client, expert)
    session_id = recs[1].case.sessions[0].id
    body = api.post(
        f"/practices/{practice.id}/evidence",
        expect=201,
        json={"session_id": session_id, "note": "Discussed again."},
    )
    assert body["id"] == practice.id
    api.post(
        f"/practices/{practice.id}/evidence",
        expect=422,
        json={"session_id": session_id, "case_id": recs[1].case_id},
    )
    # A case that does not exist (or is not visible) is not found, as in a proposal.
    api.post(f"/practices/{practice.id}/evidence", expect=404, json={"case_id": 9999})
    Api(client, provider).post(
        f"/practices/{practice.id}/evidence", expect=403, json={"session_id": session_id}
    )
    db.session.expire_all()
    assert sorted(link.kind for link in practice.evidence) == ["recommendation", "session"]


def test_evidence_cited_by_mistake_is_removed_by_whoever_cited_it(
    app,
    client,
    two_sessions,  # noqa: F811
    practice,
    make_user,
):
    from app.audit.models import AuditEvent

    _, provider, recs = two_sessions
    citer = make_user("expert")
    other = make_user("expert")
    as_user(client, citer)
    client.post("/practices/cite", data={"practice_id": practice.id, "case": recs[1].case.id})
    link = next(e for e in practice.evidence if e.kind == "case")
    url = f"/practices/{practice.id}/evidence/{link.id}/remove"
    # another expert, a provider: refused; the link stays
    as_user(client, other)
    assert client.post(url).status_code == 403
    as_user(client, provider)
    assert client.post(url).status_code == 403
    as_user(client, citer)
    page = client.get(f"/practices/{practice.id}").get_data(as_text=True)
    assert url in page
    response = client.post(url, follow_redirects=True)
    assert "Evidence removed." in response.get_data(as_text=True)
    db.session.expire_all()
    assert [e.kind for e in practice.evidence] == ["recommendation"]
    event = db.session.scalar(
        db.select(AuditEvent).where(AuditEvent.action == "practice.evidence_removed")
    )
    assert event is not None and event.actor_id == citer.id
    # gone: a second removal is not found
    assert client.post(url).status_code == 404


def test_the_flash_after_proposing_says_it_once(app, client, two_sessions):  # noqa: F811
    expert, _, recs = two_sessions
    as_user(client, expert)
    response = client.post(
        "/practices/new",
        data={
            "recommendation": recs[0].id,
            "title": "Naloxone at every visit",
            "statement": "Offer “naloxone” in hand.",
            "status": "proposed",
            "action": "propose",
        },
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "Best practice proposed." in page and "proposed as proposed" not in page


def test_a_refused_dissent_typed_with_blank_lines_marks_the_names_it_found(
    app, expert_client, practice
):
    """The gate checks the note stripped: the panel marks the words it found, not words
    shifted by the blank lines typed before them."""
    response = expert_client.post(
        f"/practices/{practice.id}/stance",
        data={"stance": "dissent", "note": "\n\n  Not for John Smith."},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Possible identifiers in Note" in page
    assert "<q>John Smith</q>" in page


def test_naming_a_superseded_practice_as_successor_is_refused_on_that_field(
    app,
    client,
    two_sessions,  # noqa: F811
    expert_client,
    practice,
):
    from app.practices.operations import change_status
    from tests.api.test_api import Api

    expert, _, recs = two_sessions
    new = propose_from_recommendations(recs[1:], "New", "New text.", author=expert, actor=expert)
    change_status(
        practice, "superseded", reason="Replaced.", editor=expert, superseded_by=new, actor=expert
    )
    db.session.commit()
    response = expert_client.post(
        f"/practices/{new.id}/status",
        data={"status": "superseded", "superseded_by": str(practice.id), "reason": "Back again."},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "is superseded itself: name the practice that is current now." in page
    assert ">Back again.</textarea>" in page
    assert f'<option value="{practice.id}" selected>' in page
    body = Api(client, expert).post(
        f"/practices/{new.id}/status",
        expect=422,
        json={"status": "superseded", "superseded_by": practice.id, "reason": "Back again."},
    )
    assert body["field"] == "superseded_by", body
    db.session.expire_all()
    assert new.status.value == "proposed" and new.superseded_by is None


def test_the_practice_page_offers_only_current_practices_as_successors(
    app,
    expert_client,
    two_sessions,  # noqa: F811
    practice,
):
    """A superseded or retired practice is refused as a successor, so it is not offered."""
    from app.practices.operations import change_status

    expert, _, recs = two_sessions
    new = propose_from_recommendations(recs[1:], "New", "New text.", author=expert, actor=expert)
    other = propose_from_recommendations(recs[:1], "Other", "Other.", author=expert, actor=expert)
    change_status(
        practice, "superseded", reason="Replaced.", editor=expert, superseded_by=new, actor=expert
    )
    db.session.commit()
    page = expert_client.get(f"/practices/{new.id}").get_data(as_text=True)
    assert f'<option value="{other.id}">Other</option>' in page
    assert f'<option value="{practice.id}">' not in page
