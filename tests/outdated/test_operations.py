"""The outdated-advice queue through its operations: who enters it, who sees it, resolving."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.auth.policy import SYSTEM
from app.deid.gate import IdentifiersFound
from app.errors import NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.notifications.models import Notification
from app.outdated.models import OutdatedAdvice, OutdatedBecause, PracticeChange, ReviewState
from app.outdated.operations import (
    get_outdated,
    outdated_queue,
    patient_notices,
    queue_outdated_advice,
    resolve_outdated,
)
from app.practices.operations import change_status
from app.recommendations.models import AnnotationKind
from tests.outdated.conftest import current_practice, supersede
from tests.support.builders import add_case, add_recommendation


def _items(w) -> dict[int, OutdatedAdvice]:
    return {
        i.recommendation_id: i
        for i in db.session.scalars(
            select(OutdatedAdvice).where(OutdatedAdvice.practice_id == w.practice.id)
        )
    }


def test_superseding_queues_the_cited_and_the_matching_recommendations(hub):
    supersede(hub)
    items = _items(hub)
    assert set(items) == {hub.rec.id, hub.follows_it.id}
    assert items[hub.rec.id].because is OutdatedBecause.CITES
    assert items[hub.follows_it.id].because is OutdatedBecause.MATCHES
    for item in items.values():
        assert item.state is ReviewState.OPEN
        assert item.change is PracticeChange.SUPERSEDED
        assert item.replacement_id == hub.successor.id
    # Neither the contradicting one, nor the unrelated one, nor a draft.
    assert hub.contradicts_it.id not in items and hub.draft_rec.id not in items
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "practice.advice_queued")
    ).one()
    assert event.details["count"] == 2 and event.entity_id == hub.practice.id


def test_queueing_again_adds_nothing(hub):
    supersede(hub)
    assert queue_outdated_advice(hub.practice, actor=SYSTEM) == []
    assert len(_items(hub)) == 2


def test_retiring_queues_with_no_replacement(hub):
    change_status(hub.practice, "retired", reason="No longer taught.", editor=None, actor=SYSTEM)
    db.session.commit()
    items = _items(hub)
    assert set(items) == {hub.rec.id, hub.follows_it.id}
    assert all(i.change is PracticeChange.RETIRED and i.replacement is None for i in items.values())


def test_a_refused_status_change_queues_nothing(hub):
    with pytest.raises(PermissionDenied):
        supersede(hub, actor=hub.coordinator)
    db.session.rollback()
    assert _items(hub) == {}


def test_a_practice_without_topics_queues_only_what_it_cites(hub):
    bare = current_practice(
        "Check HBV serologies", "Check HBsAg before DAAs.", topics=[], author=hub.expert
    )
    change_status(bare, "retired", reason="Folded in.", editor=None, actor=SYSTEM)
    assert db.session.scalar(select(func.count()).select_from(OutdatedAdvice)) == 0


def test_authors_and_coordinators_are_notified(hub):
    supersede(hub)
    told = {
        n.user_id: n.message
        for n in db.session.scalars(
            select(Notification).where(Notification.kind == "advice.outdated")
        )
    }
    assert set(told) == {hub.expert.id, hub.other_expert.id, hub.coordinator.id}
    assert "superseded by “Check HBV serologies and HBV DNA before DAAs”" in told[hub.expert.id]


def test_the_author_sees_their_own_the_coordinator_the_programs(hub):
    supersede(hub)
    assert [i.recommendation_id for i in outdated_queue(hub.expert)] == [hub.rec.id]
    assert [i.recommendation_id for i in outdated_queue(hub.other_expert)] == [hub.follows_it.id]
    assert {i.recommendation_id for i in outdated_queue(hub.coordinator)} == {
        hub.rec.id,
        hub.follows_it.id,
    }
    assert len(outdated_queue(hub.admin)) == 2
    with pytest.raises(PermissionDenied):
        outdated_queue(hub.provider)
    with pytest.raises(NotFound):
        get_outdated(hub.expert, _items(hub)[hub.follows_it.id].id)


def test_nobody_sees_items_on_a_private_programs_cases_from_outside(hub):
    from app.programs.operations import find_topic

    case = add_case(
        hub.perinatal, hub.member, "Private follow-up", topics=[find_topic("Hepatitis C")]
    )
    private_rec = add_recommendation(
        case, hub.private_expert, "Check HBV serologies before starting DAAs."
    )
    supersede(hub)
    item = _items(hub)[private_rec.id]
    assert private_rec.id not in {i.recommendation_id for i in outdated_queue(hub.coordinator)}
    assert [i.recommendation_id for i in outdated_queue(hub.private_expert)] == [private_rec.id]
    with pytest.raises(NotFound):
        get_outdated(hub.coordinator, item.id)
    with pytest.raises(NotFound):
        resolve_outdated(item, "still_valid", actor=hub.coordinator)


def test_resolving_as_still_valid_keeps_a_note_and_is_audited(hub):
    supersede(hub)
    item = _items(hub)[hub.rec.id]
    resolve_outdated(item, "still_valid", note="DNA adds little here.", actor=hub.expert)
    db.session.commit()
    assert item.state is ReviewState.STILL_VALID and item.note == "DNA adds little here."
    assert item.resolved_by_id == hub.expert.id and item.resolved_at is not None
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "outdated_advice.resolved")
    ).one()
    assert event.details == {
        "state": "still_valid",
        "recommendation_id": hub.rec.id,
        "practice_id": hub.practice.id,
    }
    assert outdated_queue(hub.expert) == []
    assert outdated_queue(hub.expert, resolved=True) == [item]
    with pytest.raises(ValidationError, match="already resolved"):
        resolve_outdated(item, "no_longer_applies", actor=hub.expert)


def test_an_update_is_an_annotation_that_passes_the_gate(hub):
    supersede(hub)
    item = _items(hub)[hub.rec.id]
    with pytest.raises(ValidationError) as refused:
        resolve_outdated(item, "updated", actor=hub.expert)
    assert refused.value.field == "note"
    with pytest.raises(IdentifiersFound):
        resolve_outdated(item, "updated", note="Call John Smith at 555-867-5309.", actor=hub.expert)
    db.session.rollback()
    resolve_outdated(item, "updated", note="Add **HBV DNA** too.", actor=hub.expert)
    db.session.commit()
    assert item.state is ReviewState.UPDATED
    assert item.annotation is not None and item.annotation.kind is AnnotationKind.UPDATE
    assert item.annotation.body == "Add **HBV DNA** too."
    assert hub.rec.annotations[-1] is item.annotation


def test_a_coordinator_resolves_but_cannot_write_the_update(hub):
    supersede(hub)
    item = _items(hub)[hub.follows_it.id]
    with pytest.raises(PermissionDenied):
        resolve_outdated(item, "updated", note="Add DNA.", actor=hub.coordinator)
    db.session.rollback()
    resolve_outdated(item, "no_longer_applies", actor=hub.coordinator)
    assert item.state is ReviewState.NO_LONGER_APPLIES


def test_another_expert_cannot_resolve_and_a_bad_resolution_is_named(hub):
    supersede(hub)
    item = _items(hub)[hub.rec.id]
    with pytest.raises(PermissionDenied):
        resolve_outdated(item, "still_valid", actor=hub.other_expert)
    with pytest.raises(ValidationError) as refused:
        resolve_outdated(item, "open", actor=hub.expert)
    assert refused.value.field == "resolution"
    with pytest.raises(IdentifiersFound):
        resolve_outdated(
            item, "still_valid", note="Seen by Dr. John Smith, MRN 12345678.", actor=hub.expert
        )


def test_the_patients_presentations_all_show_the_change(hub):
    supersede(hub)
    on_case = patient_notices(hub.provider, hub.case)
    on_follow_up = patient_notices(hub.provider, hub.follow_up)
    assert [i.recommendation_id for i in on_case] == [hub.rec.id]
    assert [i.recommendation_id for i in on_follow_up] == [hub.rec.id]
    assert patient_notices(hub.provider, hub.elderly) == []


def test_a_coordinator_who_leaves_a_private_program_no_longer_hears_of_it(hub):
    """The coordinators' notice names the program and counts its advice, with no case: once
    the coordinator has left the private program it leaves their list and unread count (and
    comes back on rejoining)."""
    from app.admin.operations import add_program_member, remove_program_member
    from app.notifications.operations import notifications_for, unread_count
    from app.programs.operations import find_topic
    from app.subscriptions.operations import digest

    both = db.session.get(type(hub.coordinator), hub.coordinator.id)
    add_program_member(SYSTEM, hub.perinatal, both.email)
    case = add_case(
        hub.perinatal, hub.member, "Private follow-up", topics=[find_topic("Hepatitis C")]
    )
    add_recommendation(case, hub.private_expert, "Check HBV serologies before starting DAAs.")
    db.session.commit()
    supersede(hub)

    def named() -> list[str]:
        return [n.message for n in notifications_for(both) if hub.perinatal.name in n.message]

    assert len(named()) == 1 and "1 recommendation in" in named()[0]
    assert len(notifications_for(hub.private_expert)) == 1  # its author: "1 … of yours"
    unread = unread_count(both)
    remove_program_member(SYSTEM, hub.perinatal, both.id)
    remove_program_member(SYSTEM, hub.perinatal, hub.private_expert.id)
    db.session.commit()
    assert notifications_for(hub.private_expert) == []
    assert named() == []
    assert unread_count(both) == unread - 1
    assert all(hub.perinatal.name not in n.message for n in digest(both, "week"))
    add_program_member(SYSTEM, hub.perinatal, both.email)
    db.session.commit()
    assert len(named()) == 1


def test_a_coordinator_of_another_program_has_none_of_its_items(hub, make_user):
    supersede(hub)
    outsider = make_user("coordinator")  # a member of no program: reads, does not run, them
    assert outdated_queue(outsider) == []
    item = outdated_queue(hub.admin)[0]
    with pytest.raises(PermissionDenied):
        resolve_outdated(item, "still_valid", actor=outsider)
