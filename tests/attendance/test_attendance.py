"""Attendance per participant, the videoconference CSV import, credit rules, evaluations,
the transcript, the certificate and the accreditation export."""

from __future__ import annotations

import csv
import io

import pytest

from app.attendance.models import Attendance
from app.attendance.operations import (
    import_attendance_csv,
    record_attendance,
    set_credit_rule,
    transcript,
)
from app.errors import PermissionDenied, ValidationError
from app.extensions import db
from app.programs.operations import update_session
from tests.cases.test_views import as_user, text
from tests.support.builders import build_world

ZOOM = """Meeting ID,Topic,Start Time
812 3456 7890,Hepatitis C ECHO,06/10/2025 12:00:00 PM

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)
Marcus Bell,marcus@example.org,06/10/2025 12:01:00 PM,06/10/2025 12:31:00 PM,30
Marcus Bell,MARCUS@example.org,06/10/2025 12:40:00 PM,06/10/2025 01:00:00 PM,20
Carla Diaz,carla@example.org,06/10/2025 12:00:00 PM,06/10/2025 12:20:00 PM,20
Guest,guest@elsewhere.org,06/10/2025 12:00:00 PM,06/10/2025 01:00:00 PM,60
"""


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    w.curriculum = make_user("curriculum")
    db.session.commit()
    return w


def rows_of(session):
    return {
        a.user_id: a.minutes
        for a in db.session.scalars(
            db.select(Attendance).where(Attendance.session_id == session.id)
        )
    }


def test_import_sums_minutes_over_rejoins_and_reports_unmatched_rows(app, world):
    report = import_attendance_csv(
        world.second, ZOOM.encode(), filename="zoom.csv", actor=world.coordinator
    )
    assert report.matched == {world.provider.id: 50, world.other_provider.id: 20}
    assert report.unmatched == [(8, "guest@elsewhere.org: not a member of Hepatitis C ECHO")]
    assert rows_of(world.second) == {world.provider.id: 50, world.other_provider.id: 20}
    assert world.second.attendance_count == 2  # the head count follows the list


def test_a_file_with_a_bad_row_imports_nothing_and_names_the_line(app, world):
    bad = ZOOM.replace("06/10/2025 12:20:00 PM,20", "soon,20").replace(
        "06/10/2025 12:31:00 PM", "06/10/2025 11:31:00 AM"
    )
    with pytest.raises(ValidationError) as refused:
        import_attendance_csv(
            world.second, bad.encode(), filename="zoom.csv", actor=world.coordinator
        )
    assert "Nothing imported from zoom.csv: 2 bad rows (first: line 5" in refused.value.message
    assert refused.value.report.problems == [
        (5, "leave time is before join time"),
        (7, "leave time is not a date and time"),
    ]
    db.session.rollback()
    assert rows_of(world.second) == {}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "zoom.csv is empty"),
        (b"\xff\xfe\x00bad", "zoom.csv is not UTF-8 text"),
        (b"Name,Minutes\nA,3\n", "zoom.csv has no header row with email, join time and leave time"),
    ],
)
def test_unreadable_files_are_named(app, world, content, message):
    with pytest.raises(ValidationError, match=message):
        import_attendance_csv(world.second, content, filename="zoom.csv", actor=world.coordinator)


def test_tick_list_replaces_the_list_and_checks_minutes(app, world):
    record_attendance(
        world.second, {world.provider.id: "", world.expert.id: "55"}, actor=world.coordinator
    )
    assert rows_of(world.second) == {world.provider.id: None, world.expert.id: 55}
    record_attendance(world.second, {world.expert.id: "60"}, actor=world.coordinator)
    assert rows_of(world.second) == {world.expert.id: 60}
    with pytest.raises(ValidationError) as bad:
        record_attendance(world.second, {world.expert.id: "an hour"}, actor=world.coordinator)
    assert bad.value.field == f"minutes.{world.expert.id}"
    with pytest.raises(ValidationError) as stranger:
        record_attendance(world.second, {world.member.id: ""}, actor=world.coordinator)
    assert "Only the program's members" in stranger.value.message


def test_the_head_count_cannot_be_typed_over_the_list(app, world):
    record_attendance(world.second, {world.provider.id: ""}, actor=world.coordinator)
    with pytest.raises(ValidationError, match="counted from the session's attendance list"):
        update_session(world.second, attendance_count=40, actor=world.coordinator)
    # a session without a list keeps its typed head count
    update_session(world.first, attendance_count=30, actor=world.coordinator)
    assert world.first.attendance_count == 30


@pytest.mark.parametrize("role", ["provider", "expert", "curriculum"])
def test_only_coordinators_record_attendance_and_set_credit(app, world, make_user, role):
    user = make_user(role, programs=["hcv"])
    with pytest.raises(PermissionDenied):
        record_attendance(world.second, {user.id: ""}, actor=user)
    with pytest.raises(PermissionDenied):
        import_attendance_csv(world.second, ZOOM.encode(), filename="z.csv", actor=user)
    with pytest.raises(PermissionDenied):
        set_credit_rule(
            world.hcv,
            credit_type="ama_pra_1",
            credits_per_session=1,
            minimum_minutes=45,
            evaluation_required=False,
            actor=user,
        )


def test_credit_rule_input_is_checked_field_by_field(app, world):
    with pytest.raises(ValidationError) as bad:
        set_credit_rule(
            world.hcv,
            credit_type="gold stars",
            credits_per_session="1.255",
            minimum_minutes="-5",
            evaluation_required="maybe",
            actor=world.coordinator,
        )
    assert set(bad.value.errors) == {
        "credit_type",
        "credits_per_session",
        "minimum_minutes",
        "evaluation_required",
    }


def test_credit_follows_the_rule_minutes_and_evaluation(client, world):
    set_credit_rule(
        world.hcv,
        credit_type="ama_pra_1",
        credits_per_session="1.5",
        minimum_minutes="45",
        evaluation_required=True,
        actor=world.coordinator,
    )
    import_attendance_csv(world.second, ZOOM.encode(), filename="zoom.csv", actor=world.coordinator)
    record_attendance(
        world.first, {world.provider.id: "", world.other_provider.id: ""}, actor=world.coordinator
    )
    db.session.commit()
    lines = transcript(world.provider)
    assert [(line.credits, line.note) for line in lines] == [
        (0.0, "evaluation pending"),
        (0.0, "evaluation pending"),
    ]
    as_user(client, world.provider)
    page = text(client.get("/my/transcript"))
    assert "evaluation pending" in page and "Evaluate" in page
    response = client.post(
        "/programs/hcv/sessions/2/evaluation", data={"rating": "9", "will_change_practice": ""}
    )
    assert response.status_code == 422
    assert "Rating must be from 1 (poor) to 5 (excellent)." in text(response)
    for number in (1, 2):
        response = client.post(
            f"/programs/hcv/sessions/{number}/evaluation",
            data={"rating": "5", "will_change_practice": "yes"},
        )
        assert response.status_code == 303
    page = text(client.get("/my/transcript"))
    assert "2 sessions · 3 credits" in page
    certificate = text(client.get("/my/certificate?program=hcv&from=2025-01-01&to=2025-12-31"))
    assert (
        "Certificate of attendance" in certificate and "3 AMA PRA Category 1 Credit™" in certificate
    )
    assert world.provider.display_name in certificate
    # Carla was connected 20 minutes at session 2: no credit there
    assert [line.note for line in transcript(world.other_provider)] == [
        "evaluation pending",
        "under 45 minutes",
    ]
    # someone not on the list cannot evaluate
    as_user(client, world.expert)
    assert client.get("/programs/hcv/sessions/2/evaluation").status_code == 404


def test_transcript_filters_are_checked(client, world):
    as_user(client, world.provider)
    response = client.get("/my/transcript?from=yesterday")
    assert response.status_code == 422 and "from must be a date written YYYY-MM-DD." in text(
        response
    )
    response = client.get("/my/certificate")
    assert response.status_code == 422 and "Choose the program" in text(response)
    response = client.get("/my/transcript?program=perinatal-sud")
    assert response.status_code == 422 and "Choose one of your programs." in text(response)


def test_accreditation_export(client, world):
    set_credit_rule(
        world.hcv,
        credit_type="ama_pra_1",
        credits_per_session="1",
        minimum_minutes="30",
        evaluation_required=False,
        actor=world.coordinator,
    )
    import_attendance_csv(world.second, ZOOM.encode(), filename="zoom.csv", actor=world.coordinator)
    db.session.commit()
    as_user(client, world.coordinator)
    response = client.get("/programs/hcv/attendance.csv?from=2025-06-01&to=2025-06-30")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][:4] == ["session_date", "session_number", "session_title", "participant"]
    by_email = {row[4]: row for row in rows[1:]}
    assert by_email["marcus@example.org"][5:] == ["50", "no", "AMA PRA Category 1 Credit™", "1"]
    assert by_email["carla@example.org"][-1] == "0"
    assert client.get("/programs/hcv/attendance.csv?from=2025-13-01").status_code == 422
    as_user(client, world.provider)
    assert client.get("/programs/hcv/attendance.csv").status_code == 403


def test_coordinator_ticks_and_imports_on_the_web(client, world):
    as_user(client, world.coordinator)
    page = text(client.get("/programs/hcv/sessions/2/attendance"))
    assert world.provider.display_name in page and 'name="present"' in page
    response = client.post(
        "/programs/hcv/sessions/2/attendance",
        data={"present": [str(world.provider.id)], f"minutes.{world.provider.id}": "lots"},
    )
    assert response.status_code == 422
    assert "Minutes must be a whole number" in text(response) and 'value="lots"' in text(response)
    response = client.post(
        "/programs/hcv/sessions/2/attendance/import",
        data={"file": (io.BytesIO(ZOOM.encode()), "zoom.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    page = text(response)
    assert "Line 8: guest@elsewhere.org: not a member of Hepatitis C ECHO" in page
    assert "2 participants matched" in page
    response = client.post(
        "/programs/hcv/sessions/2/attendance/import",
        data={},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422 and "the file is empty" in text(response)
    response = client.post(
        "/programs/hcv/credit",
        data={
            "credit_type": "ama_pra_1",
            "credits_per_session": "x",
            "minimum_minutes": "45",
            "evaluation_required": "no",
        },
    )
    assert response.status_code == 422 and "Credits per session must be a number" in text(response)
    assert 'value="x"' in text(response)


def test_one_who_left_a_private_program_no_longer_reads_its_sessions_in_the_transcript(
    client, world
):
    from app.admin.operations import remove_program_member
    from app.auth.operations import create_token
    from app.auth.policy import SYSTEM

    record_attendance(world.closed_session, {world.member.id: "60"}, actor=SYSTEM)
    db.session.commit()
    assert [line.session.title for line in transcript(world.member)] == [
        "Buprenorphine in pregnancy"
    ]
    remove_program_member(SYSTEM, world.perinatal, world.member.id)
    db.session.commit()
    assert transcript(world.member) == []
    as_user(client, world.member)
    page = text(client.get("/my/transcript"))
    assert "Buprenorphine in pregnancy" not in page and "Perinatal" not in page
    token = create_token(world.member, actor=SYSTEM)
    db.session.commit()
    answer = client.get("/api/v1/me/transcript", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200 and answer.get_json()["sessions"] == []


def test_one_who_left_a_private_program_no_longer_evaluates_its_sessions(world):
    """A participant removed from the private program writes nothing more into it: the
    operation refuses, as the page and the API (which no longer find the session) do."""
    from app.admin.operations import remove_program_member
    from app.attendance.models import SessionEvaluation
    from app.attendance.operations import submit_evaluation
    from app.auth.policy import SYSTEM

    record_attendance(world.closed_session, {world.member.id: "60"}, actor=SYSTEM)
    db.session.commit()
    remove_program_member(SYSTEM, world.perinatal, world.member.id)
    db.session.commit()
    with pytest.raises(PermissionDenied):
        submit_evaluation(
            world.closed_session, actor=world.member, rating=5, will_change_practice=True
        )
    assert db.session.scalars(db.select(SessionEvaluation)).all() == []


def test_an_email_cell_that_is_no_email_address_is_not_repeated_in_the_report(client, world):
    # A report's columns may hold anything: a note with an "@" in the email column (a
    # patient's name and record number) is named by its line, never said back.
    noted = ZOOM.replace("guest@elsewhere.org", "John Smith MRN 4455667 @ ward 4")
    report = import_attendance_csv(
        world.second, noted.encode(), filename="zoom.csv", actor=world.coordinator
    )
    assert report.unmatched == [(8, "not an email address, so no member of Hepatitis C ECHO")]
    db.session.rollback()
    as_user(client, world.coordinator)
    response = client.post(
        "/programs/hcv/sessions/2/attendance/import",
        data={"file": (io.BytesIO(noted.encode()), "zoom.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200 and "4455667" not in text(response)


def test_an_uploads_name_that_reads_as_an_identifier_is_not_repeated(client, world):
    # No gate read the file's name: one naming a patient is "the file" in the page and the
    # flash message (kept in the session cookie), in a refusal as in a report.
    as_user(client, world.coordinator)
    named = "Johnathan Whitcombe MRN77731234.csv"
    for content, status in ((ZOOM, 200), ("", 422)):
        response = client.post(
            "/programs/hcv/sessions/2/attendance/import",
            data={"file": (io.BytesIO(content.encode()), named)},
            content_type="multipart/form-data",
        )
        page = text(response)
        assert response.status_code == status
        assert "Whitcombe" not in page and "77731234" not in page
        assert "the file" in page
    response = client.post(
        "/programs/hcv/sessions/2/attendance/import",
        data={"file": (io.BytesIO(ZOOM.encode()), "zoom.csv")},
        content_type="multipart/form-data",
    )
    assert "Import of zoom.csv" in text(response)
