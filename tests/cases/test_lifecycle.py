"""A case's journey through a program, and who may move it."""

from __future__ import annotations

import pytest

from app.auth.policy import SYSTEM
from app.cases.lifecycle import (
    approve_case,
    close_case,
    draft_case,
    edit_case,
    mark_presented,
    publish_recommendation,
    recall_case,
    return_case,
    schedule_case,
    submit_case,
)
from app.cases.models import CaseStatus
from app.cases.operations import CaseData, set_status
from app.common import utcnow
from app.errors import PermissionDenied, ValidationError
from app.extensions import db
from app.notifications.operations import notifications_for, unread_count
from app.programs.calendar import presentable
from app.programs.operations import create_program, create_session
from app.recommendations.operations import (
    add_recommendation,
    edit_recommendation,
    record_outcome,
)

TEMPLATE = {
    "sections": [{"key": "hpi", "label": "History of present illness", "required": True}],
    "fields": [
        {
            "key": "mme",
            "label": "Daily opioid dose",
            "type": "number",
            "unit": "MME",
            "required": True,
        }
    ],
}


@pytest.fixture
def people(app, make_user):
    program = create_program("pain", "Chronic Pain ECHO", template=TEMPLATE, actor=SYSTEM)
    # today: a case can be both scheduled into it and marked presented in it
    session = create_session(program, utcnow().date(), title="Pain session 1", actor=SYSTEM)
    db.session.commit()
    return {
        "program": program,
        "session": session,
        "provider": make_user("provider"),
        "other_provider": make_user("provider"),
        "coordinator": make_user("coordinator", programs=["pain"]),
        "expert": make_user("expert"),
        "other_expert": make_user("expert"),
    }


def content(**overrides) -> CaseData:
    values = dict(
        title="62-year-old man on 120 MME with falls",
        question="How fast can we taper?",
        presentation="## History of present illness\n\nLow back pain for 10 years.",
        age=62,
        sex="male",
        fields={"mme": 120},
        topics=["Opioid tapering"],
    )
    values.update(overrides)
    return CaseData(**values)


def test_the_whole_journey(people):
    p = people
    case = draft_case(p["program"], content(fields={}), presenter=p["provider"])
    with pytest.raises(ValidationError) as missing:
        submit_case(case, actor=p["provider"])
    assert missing.value.field == "fields.mme"
    edit_case(case, content(), actor=p["provider"])
    submit_case(case, actor=p["provider"])
    assert case.status is CaseStatus.SUBMITTED

    return_case(case, "Please add the PEG score.", actor=p["coordinator"])
    assert case.status is CaseStatus.RETURNED
    assert case.review_comments[0].body == "Please add the PEG score."
    submit_case(case, actor=p["provider"])
    approve_case(case, actor=p["coordinator"])
    schedule_case(case, p["session"], actor=p["coordinator"])
    assert case.sessions == [p["session"]]

    rec = add_recommendation(
        case, p["expert"], "Taper by 10% per month.", "therapeutic", actor=p["expert"]
    )
    with pytest.raises(ValidationError, match="after the case is presented"):
        publish_recommendation(rec, actor=p["expert"])
    mark_presented(case, p["session"], actor=p["coordinator"])
    publish_recommendation(rec, actor=p["expert"])
    assert case.status is CaseStatus.RECOMMENDATIONS_PUBLISHED
    db.session.commit()
    assert unread_count(p["provider"]) >= 1
    assert "New recommendation" in notifications_for(p["provider"])[0].message

    follow_up = draft_case(
        p["program"], content(title="Follow-up: tapering"), presenter=p["provider"], follows=case
    )
    outcome = record_outcome(
        follow_up, rec, "adopted", "improved", note="Now 60 MME.", actor=p["provider"]
    )
    assert outcome.patient_status.value == "improved"
    close_case(case, actor=p["coordinator"])
    assert case.status is CaseStatus.CLOSED


def test_provider_cannot_approve_and_expert_cannot_approve(people):
    p = people
    case = draft_case(p["program"], content(), presenter=p["provider"])
    submit_case(case, actor=p["provider"])
    for who in ("provider", "expert", "other_provider"):
        with pytest.raises(PermissionDenied):
            approve_case(case, actor=p[who])
    assert case.status is CaseStatus.SUBMITTED


def test_only_the_presenter_edits_and_only_before_approval(people):
    p = people
    case = draft_case(p["program"], content(), presenter=p["provider"])
    with pytest.raises(Exception) as info:
        edit_case(case, content(title="Mine now"), actor=p["other_provider"])
    assert info.value.status_code in (403, 404)
    submit_case(case, actor=p["provider"])
    recall_case(case, actor=p["provider"])
    assert case.status is CaseStatus.DRAFT
    submit_case(case, actor=p["provider"])
    approve_case(case, actor=p["coordinator"])
    with pytest.raises(PermissionDenied):
        edit_case(case, content(title="Changed"), actor=p["provider"])


def test_illegal_transitions_are_refused(people):
    p = people
    case = draft_case(p["program"], content(), presenter=p["provider"])
    # Nobody but the presenter sees a draft, so nobody else can act on it.
    with pytest.raises(PermissionDenied):
        approve_case(case, actor=p["coordinator"])
    submit_case(case, actor=p["provider"])
    with pytest.raises(ValidationError, match="cannot become closed"):
        close_case(case, actor=p["coordinator"])
    with pytest.raises(ValidationError, match="Only approved cases"):
        schedule_case(case, p["session"], actor=p["coordinator"])
    with pytest.raises(ValidationError, match="not on this session's agenda"):
        mark_presented(case, p["session"], actor=p["coordinator"])
    with pytest.raises(ValidationError, match="Tell the presenter"):
        return_case(case, "  ", actor=p["coordinator"])
    approve_case(case, actor=p["coordinator"])
    with pytest.raises(ValidationError, match="cannot become submitted"):
        set_status(case, CaseStatus.SUBMITTED, actor=SYSTEM)
    assert case.status is CaseStatus.APPROVED


def test_recommendations_are_changed_only_by_their_author(people):
    p = people
    case = draft_case(p["program"], content(), presenter=p["provider"])
    submit_case(case, actor=p["provider"])
    approve_case(case, actor=p["coordinator"])
    rec = add_recommendation(case, p["expert"], "Start naloxone.", "therapeutic", actor=p["expert"])
    for who in ("provider", "other_expert", "coordinator"):
        with pytest.raises(PermissionDenied):
            edit_recommendation(
                rec, body="Changed", category="other", references=[], editor=p[who], actor=p[who]
            )
    assert edit_recommendation(
        rec,
        body="Start naloxone 4 mg nasal.",
        category="therapeutic",
        references=[],
        editor=p["expert"],
        actor=p["expert"],
    )
    assert [v.body for v in rec.versions] == ["Start naloxone.", "Start naloxone 4 mg nasal."]


def test_a_case_is_not_marked_presented_before_its_session(people):
    from datetime import timedelta

    from app.common import utcnow

    p = people
    upcoming = create_session(
        p["program"], utcnow().date() + timedelta(days=14), title="Later", actor=SYSTEM
    )
    case = draft_case(p["program"], content(), presenter=p["provider"])
    submit_case(case, actor=p["provider"])
    approve_case(case, actor=p["coordinator"])
    schedule_case(case, upcoming, actor=p["coordinator"])
    with pytest.raises(ValidationError, match="a case is marked presented on or after that day"):
        mark_presented(case, upcoming, actor=p["coordinator"])
    assert case.status is CaseStatus.APPROVED
    assert not presentable(upcoming) and presentable(p["session"])
