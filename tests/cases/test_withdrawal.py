"""Withdrawing a case: who may withdraw and restore it, and that a withdrawn case is hidden
everywhere (search, lists, agendas, figures, the API, notifications) but kept for its
program's coordinators and admins, with its audit trail."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.lifecycle import restore_case, withdraw_case
from app.cases.models import Case, WithdrawalReason
from app.cases.queries import case_counts_by_program, my_cases_stmt, session_agenda
from app.cases.transfer import export_cases, import_paths
from app.curriculum.operations import make_scope, topic_frequency
from app.errors import NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.notifications.operations import notifications_for
from app.search import SearchRequest, search
from app.search.verification import verify
from tests.cases.test_views import as_user, text
from tests.support.builders import build_world


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    w.curriculum = make_user("curriculum", programs=["hcv"])
    db.session.commit()
    return w


def _people(w):
    return {
        "presenter": w.provider,
        "other_provider": w.other_provider,
        "expert": w.expert,
        "coordinator": w.coordinator,
        "curriculum": w.curriculum,
        "admin": w.admin,
    }


def found(user, q: str) -> set[tuple[str, int]]:
    return {
        (h.type, h.id) for h in search(user, SearchRequest(q=q, per_page=100, group=False)).hits
    }


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("presenter", True),
        ("other_provider", False),
        ("expert", False),
        ("coordinator", True),
        ("curriculum", False),
        ("admin", True),
    ],
)
def test_who_may_withdraw_a_case(world, role, allowed):
    actor = _people(world)[role]
    if not allowed:
        with pytest.raises(PermissionDenied):
            withdraw_case(world.case, "duplicate", actor=actor)
        assert world.case.withdrawn_at is None
        return
    withdraw_case(world.case, "duplicate", actor=actor)
    db.session.commit()
    assert world.case.withdrawn_at is not None
    assert world.case.withdrawn_by_id == actor.id
    assert world.case.withdrawal_reason is WithdrawalReason.DUPLICATE


@pytest.mark.parametrize(
    ("role", "refusal"),
    [
        ("presenter", NotFound),
        ("other_provider", NotFound),
        ("expert", NotFound),
        ("coordinator", None),
        ("curriculum", NotFound),
        ("admin", None),
    ],
)
def test_only_coordinators_and_admins_restore_a_case(world, role, refusal):
    withdraw_case(world.case, "presented_in_error", actor=world.provider)
    db.session.commit()
    actor = _people(world)[role]
    if refusal is not None:
        with pytest.raises(refusal):
            restore_case(world.case, actor=actor)
        assert world.case.withdrawn_at is not None
        return
    restore_case(world.case, actor=actor)
    db.session.commit()
    assert world.case.withdrawn_at is None and world.case.withdrawal_reason is None


def test_a_coordinator_of_another_program_cannot_withdraw_a_private_case(world, make_user):
    outsider = make_user("coordinator", programs=["hcv"])
    with pytest.raises(NotFound):
        withdraw_case(world.private_case, "duplicate", actor=outsider)


@pytest.mark.parametrize("reason", [None, "", "because", 3, "Duplicate "])
def test_a_reason_outside_the_list_is_refused_naming_the_field(world, reason):
    if reason == "Duplicate ":
        withdraw_case(world.case, " duplicate ", actor=world.provider)  # spaces are trimmed
        assert world.case.withdrawal_reason is WithdrawalReason.DUPLICATE
        return
    with pytest.raises(ValidationError) as info:
        withdraw_case(world.case, reason, actor=world.provider)
    assert info.value.field == "reason"
    assert "consent_withdrawn" in info.value.message
    assert world.case.withdrawn_at is None


def test_withdrawing_twice_or_restoring_a_case_not_withdrawn_is_refused(world):
    with pytest.raises(ValidationError, match="not withdrawn"):
        restore_case(world.case, actor=world.admin)
    withdraw_case(world.case, "other", actor=world.admin)
    with pytest.raises(ValidationError, match="already withdrawn"):
        withdraw_case(world.case, "other", actor=world.coordinator)


def test_a_withdrawn_case_is_hidden_everywhere_but_kept_for_coordinators(
    app, client, world, make_user
):
    w = world
    reader = w.other_provider
    scope = make_scope(w.curriculum, start=date(2024, 1, 1), end=date(2025, 12, 31))
    before = {
        "search": found(reader, "sofosbuvir"),
        "count": case_counts_by_program(reader, [w.hcv.id])[w.hcv.id],
        "topics": topic_frequency(w.curriculum, scope).totals["Hepatitis C"],
        "notifications": len(notifications_for(w.provider)),
    }
    assert ("case", w.case.id) in before["search"]
    assert ("recommendation", w.rec.id) in before["search"]
    assert [i.case for i in session_agenda(reader, w.first)] == [w.case]

    withdraw_case(w.case, "consent_withdrawn", actor=w.coordinator)
    db.session.commit()

    for user in (reader, w.provider, w.coordinator, w.admin):  # the index no longer has it
        hits = found(user, "sofosbuvir")
        assert ("case", w.case.id) not in hits and ("recommendation", w.rec.id) not in hits
    assert verify().ok
    assert case_counts_by_program(reader, [w.hcv.id])[w.hcv.id] == before["count"] - 1
    assert case_counts_by_program(w.admin, [w.hcv.id])[w.hcv.id] == before["count"] - 1
    assert session_agenda(reader, w.first) == []
    assert session_agenda(w.coordinator, w.first) == []
    assert topic_frequency(w.curriculum, scope).totals["Hepatitis C"] == before["topics"] - 1
    assert w.case not in db.session.scalars(my_cases_stmt(w.provider)).all()

    # The presenter is told, without the title; no other notification leads to the case.
    notes = notifications_for(w.provider)
    assert len(notes) == before["notifications"] + 1
    assert "was withdrawn: consent withdrawn" in notes[0].message
    assert w.case.title not in notes[0].message

    # The audit trail has the reason's category, and nothing else.
    event = db.session.scalars(
        select(AuditEvent).where(
            AuditEvent.action == "case.withdrawn", AuditEvent.entity_id == w.case.id
        )
    ).one()
    assert event.details == {"reason": "consent_withdrawn"}
    assert event.actor_id == w.coordinator.id

    # Pages: absent for everyone else, a banner and Restore for coordinators and admins.
    for user in (w.provider, reader, w.expert, w.curriculum):
        as_user(client, user)
        assert client.get(f"/cases/{w.case.id}").status_code == 404
        assert w.case.title not in text(client.get("/programs/hcv/sessions/1"))
    as_user(client, w.provider)
    follow_up = text(client.get(f"/cases/{w.follow_up.id}"))
    assert "follow-up of an earlier presentation (withdrawn)" in follow_up
    assert w.case.title not in follow_up
    as_user(client, w.coordinator)
    page = text(client.get(f"/cases/{w.case.id}"))
    assert f"by {w.coordinator.display_name} (consent withdrawn)" in page
    assert "Restore" in page and "Withdraw case" not in page
    assert w.case.title in text(client.get("/review"))

    # The API: 404 and out of lists for others; the withdrawal for coordinators.
    provider = {"Authorization": f"Bearer {create_token(w.provider, actor=SYSTEM)}"}
    coordinator = {"Authorization": f"Bearer {create_token(w.coordinator, actor=SYSTEM)}"}
    db.session.commit()
    assert client.get(f"/api/v1/cases/{w.case.id}", headers=provider).status_code == 404
    listed = client.get("/api/v1/cases?program=hcv", headers=provider).get_json()
    assert w.case.id not in {c["id"] for c in listed["results"]}
    answer = client.get(f"/api/v1/cases/{w.case.id}", headers=coordinator).get_json()
    assert answer["withdrawal_reason"] == "consent_withdrawn" and answer["withdrawn_at"]
    listed = client.get("/api/v1/cases?program=hcv", headers=coordinator).get_json()
    assert w.case.id not in {c["id"] for c in listed["results"]}
    own = client.get(f"/api/v1/cases/{w.follow_up.id}", headers=provider).get_json()
    assert "withdrawn_at" not in own


def test_restoring_brings_the_case_back_in_search_and_lists(world):
    w = world
    withdraw_case(w.case, "identifier_concern", actor=w.provider)
    db.session.commit()
    assert ("case", w.case.id) not in found(w.other_provider, "sofosbuvir")
    restore_case(w.case, actor=w.admin)
    db.session.commit()
    hits = found(w.other_provider, "sofosbuvir")
    assert ("case", w.case.id) in hits and ("recommendation", w.rec.id) in hits
    assert [i.case for i in session_agenda(w.other_provider, w.first)] == [w.case]
    assert verify().ok
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.entity_id == w.case.id)
    ).all()
    assert {"case.withdrawn", "case.restored"} <= set(actions)
    assert "was restored" in notifications_for(w.provider)[0].message


def test_presenter_withdraws_from_the_case_page(client, world):
    w = world
    as_user(client, w.provider)
    page = text(client.get(f"/cases/{w.case.id}"))
    assert "Withdraw case" in page and "Presented in error" in page
    refused = client.post(
        f"/cases/{w.case.id}/withdrawal", data={"reason": "nonsense", "confirm": "1"}
    )
    assert refused.status_code == 303
    assert "Choose why the case is withdrawn" in text(client.get(refused.headers["Location"]))
    unconfirmed = client.post(f"/cases/{w.case.id}/withdrawal", data={"reason": "duplicate"})
    assert "tick the box" in text(client.get(unconfirmed.headers["Location"]))
    db.session.refresh(w.case)
    assert w.case.withdrawn_at is None
    done = client.post(
        f"/cases/{w.case.id}/withdrawal",
        data={"reason": "duplicate", "confirm": "1"},
        follow_redirects=True,
    )
    assert "Case withdrawn" in text(done)
    assert client.get(f"/cases/{w.case.id}").status_code == 404


def test_withdrawal_over_the_api(client, world):
    w = world
    provider = {"Authorization": f"Bearer {create_token(w.provider, actor=SYSTEM)}"}
    other = {"Authorization": f"Bearer {create_token(w.other_provider, actor=SYSTEM)}"}
    coordinator = {"Authorization": f"Bearer {create_token(w.coordinator, actor=SYSTEM)}"}
    db.session.commit()
    url = f"/api/v1/cases/{w.case.id}/withdrawal"
    bad = client.post(url, json={"reason": "because"}, headers=provider)
    assert bad.status_code == 422 and bad.get_json()["field"] == "reason"
    assert client.post(url, json={}, headers=provider).status_code == 422
    assert client.post(url, json={"reason": "duplicate"}, headers=other).status_code == 403
    made = client.post(url, json={"reason": "duplicate"}, headers=provider)
    assert made.status_code == 201
    assert made.get_json()["reason"] == "duplicate"
    assert client.post(url, json={"reason": "duplicate"}, headers=provider).status_code == 404
    assert client.delete(url, headers=provider).status_code == 404
    restored = client.delete(url, headers=coordinator)
    assert restored.status_code == 200 and restored.get_json()["withdrawn_at"] is None
    again = client.delete(url, headers=coordinator)
    assert again.status_code == 422 and "not withdrawn" in again.get_json()["message"]


def test_recall_and_its_deprecated_name_take_a_case_back_to_draft(client, world):
    w = world
    headers = {"Authorization": f"Bearer {create_token(w.other_provider, actor=SYSTEM)}"}
    db.session.commit()
    from app.cases.operations import set_status

    for action in ("recall", "withdraw"):
        set_status(w.draft, "submitted", actor=SYSTEM)
        db.session.commit()
        answer = client.post(
            f"/api/v1/cases/{w.draft.id}/actions", json={"action": action}, headers=headers
        )
        assert answer.status_code == 200 and answer.get_json()["status"] == "draft"
        assert "withdrawn_at" not in answer.get_json()


def test_a_withdrawn_case_survives_export_and_import(app, world, tmp_path):
    w = world
    withdraw_case(w.elderly, "duplicate", actor=w.admin)
    db.session.commit()
    out = tmp_path / "cases.jsonl"
    export_cases(out, "jsonl", actor=SYSTEM, program_slugs=["hcv"])
    records = [json.loads(line) for line in out.read_text().splitlines()]
    record = next(r for r in records if r["title"] == w.elderly.title)
    assert record["withdrawal_reason"] == "duplicate"
    assert record["withdrawn_at"] == w.elderly.withdrawn_at.isoformat()
    assert all("withdrawn_at" not in r for r in records if r is not record)

    copy = tmp_path / "copy.jsonl"
    # (the file's case lacks required fields: it is imported as a draft of its own)
    copy.write_text(json.dumps({**record, "ref": "elderly-copy", "status": "draft"}) + "\n")
    (result,) = import_paths([copy], actor=SYSTEM)
    assert result.ok, result.problems
    imported = db.session.scalars(select(Case).where(Case.ref == "elderly-copy")).one()
    assert imported.withdrawn_at == w.elderly.withdrawn_at
    assert imported.withdrawal_reason is WithdrawalReason.DUPLICATE

    bad = {**record, "ref": "bad", "status": "draft", "withdrawal_reason": "oops"}
    copy.write_text(json.dumps(bad) + "\n")
    (result,) = import_paths([copy], actor=SYSTEM)
    assert not result.ok and "withdrawal_reason" in " ".join(result.problems)


def test_a_practice_cites_a_withdrawn_case_without_its_title(client, world):
    from app.practices.operations import add_evidence, propose_practice

    w = world
    practice = propose_practice(
        "Treat HCV in primary care", "Simplified treatment.", author=w.expert, actor=w.expert
    )
    add_evidence(practice, w.case, note="Cured at 12 weeks.", added_by=w.expert, actor=SYSTEM)
    withdraw_case(w.case, "duplicate", actor=w.admin)
    db.session.commit()
    as_user(client, w.other_provider)
    page = text(client.get(f"/practices/{practice.id}"))
    assert "a withdrawn case" in page
    assert w.case.title not in page and "Cured at 12 weeks." not in page
    as_user(client, w.coordinator)
    assert w.case.title in text(client.get(f"/practices/{practice.id}"))
