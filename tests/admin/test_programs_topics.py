"""Programs and their staff, the topic vocabulary (proposed, accepted, retired, merged,
synonyms and hierarchy) and the audit pages of the admin console."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.admin import operations as ops
from app.audit.models import AuditEvent
from app.auth.policy import SYSTEM
from app.cases.operations import CaseData, create_case
from app.errors import Conflict, PermissionDenied
from app.extensions import db
from app.programs.models import Program, Topic, TopicStatus
from app.programs.operations import create_program, create_session, create_topic, find_topic
from app.search.models import SearchOutbox
from tests.cases.test_views import as_user


@pytest.fixture
def people(app, make_user):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    return {
        "admin": make_user("admin"),
        "coordinator": make_user("coordinator", programs=["hcv"]),
        "expert": make_user("expert", email="hub.expert@example.org"),
        "provider": make_user("provider", programs=["hcv"]),
    }


def _events(entity_type: str, entity_id: int) -> list[str]:
    stmt = select(AuditEvent.action).where(
        AuditEvent.entity_type == entity_type, AuditEvent.entity_id == entity_id
    )
    return list(db.session.scalars(stmt.order_by(AuditEvent.id)))


# --- Programs -------------------------------------------------------------------------------


def test_admin_creates_and_edits_a_private_program(client, people):
    as_user(client, people["admin"])
    response = client.post(
        "/admin/programs/new",
        data={"slug": "oud", "name": "Opioid Use ECHO", "description": "MOUD.", "private": "yes"},
    )
    assert response.status_code == 303
    program = db.session.scalar(select(Program).where(Program.slug == "oud"))
    assert program.private and program.name == "Opioid Use ECHO"
    response = client.post(
        "/admin/programs/oud", data={"name": "OUD ECHO", "description": "", "private": "no"}
    )
    assert response.status_code == 303
    db.session.expire_all()
    assert not program.private and program.name == "OUD ECHO"
    assert _events("programs", program.id) == ["program.created", "program.updated"]


def test_two_admins_creating_one_slug_at_once_get_one_program_and_a_message(
    app, people, make_user, database_server, monkeypatch
):
    """The second admin's save meets the first's new row: "already exists", not a 500
    (PostgreSQL's unique index refused it after both had found the slug free)."""
    if database_server is None:
        pytest.skip("SQLite takes its write lock as a save begins: two saves never overlap")
    import threading

    from flask import g

    from app.programs import operations as program_ops
    from tests.conftest import sign_in

    clients = []
    for user in (people["admin"], make_user("admin")):
        g.pop("_login_user", None)  # the test's app context outlives each client's request
        clients.append(app.test_client())
        sign_in(clients[-1], user)
    looked, go_on = threading.Event(), threading.Event()
    real = program_ops.find_program

    def free_then_paused(slug):
        found = real(slug)
        if threading.current_thread() is not threading.main_thread():
            looked.set()  # the first admin's save found the slug free …
            go_on.wait(60)  # … and goes on once the second admin's program committed
        return found

    monkeypatch.setattr(program_ops, "find_program", free_then_paused)
    form = {"slug": "oud", "name": "Opioid Use ECHO", "private": "no"}
    answers = []
    first = threading.Thread(
        target=lambda: answers.append(clients[0].post("/admin/programs/new", data=form))
    )
    first.start()
    try:
        assert looked.wait(60)
        g.pop("_login_user", None)
        assert clients[1].post("/admin/programs/new", data=form).status_code == 303
    finally:
        go_on.set()
        first.join(60)
    [refused] = answers
    assert refused.status_code == 422
    assert "A program with slug &#39;oud&#39; already exists." in refused.get_data(as_text=True)
    assert len(db.session.scalars(select(Program).where(Program.slug == "oud")).all()) == 1


def test_a_bad_program_form_is_shown_again(client, people):
    as_user(client, people["admin"])
    response = client.post(
        "/admin/programs/new", data={"slug": "Bad Slug!", "name": "Kept name", "private": "no"}
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Slug must be lowercase letters" in html and 'value="Kept name"' in html
    response = client.post("/admin/programs/hcv", data={"name": " ", "private": "no"})
    assert response.status_code == 422
    assert "Name is required." in response.get_data(as_text=True)
    # Identifiers in a program's description are refused by the gate, with the panel shown.
    response = client.post(
        "/admin/programs/hcv",
        data={
            "name": "HCV",
            "description": "Patient Harriet Quenby, MRN 55512344",
            "private": "no",
        },
    )
    assert response.status_code == 422
    assert "may identify a patient" in response.get_data(as_text=True)


def test_a_refused_description_typed_after_blank_lines_marks_the_name_found(client, people):
    """The gate checks the description stripped: the panel marks the name it found, not
    text shifted by the blank lines typed before it; the box keeps what was typed."""
    as_user(client, people["admin"])
    response = client.post(
        "/admin/programs/new",
        data={"slug": "oud", "name": "OUD", "description": "\n\n  Not for John Smith."},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "<q>John Smith</q>" in html
    assert 'value="oud"' in html and "  Not for John Smith.</textarea>" in html
    assert db.session.scalar(select(Program).where(Program.slug == "oud")) is None


def test_admin_adds_and_removes_program_staff(client, people):
    expert = people["expert"]
    as_user(client, people["admin"])
    response = client.post("/admin/programs/hcv/members", data={"email": "HUB.expert@example.org"})
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.scalar(select(Program).where(Program.slug == "hcv")).id in expert.program_ids
    html = client.get("/admin/programs").get_data(as_text=True)
    assert expert.display_name in html
    response = client.post("/admin/programs/hcv/members", data={"email": "nobody@example.org"})
    assert response.status_code == 422
    assert "No account with that email." in response.get_data(as_text=True)
    assert 'value="nobody@example.org"' in response.get_data(as_text=True)  # kept in its box
    response = client.post("/admin/programs/hcv/members", data={"email": expert.email})
    assert "is a member already" in response.get_data(as_text=True)
    response = client.post(f"/admin/programs/hcv/members/{expert.id}/remove")
    assert response.status_code == 303
    db.session.expire_all()
    assert not expert.program_ids
    program_id = db.session.scalar(select(Program.id).where(Program.slug == "hcv"))
    assert _events("programs", program_id)[-2:] == [
        "program.member_added",
        "program.member_removed",
    ]


@pytest.mark.parametrize("role", ["coordinator", "expert", "provider"])
def test_only_admins_manage_programs(client, people, role):
    as_user(client, people[role])
    assert client.get("/admin/programs").status_code == 403
    response = client.post("/admin/programs/hcv/members", data={"email": people[role].email})
    assert response.status_code == 403


# --- Topics -------------------------------------------------------------------------------


def _case(people, topics):
    program = db.session.scalar(select(Program).where(Program.slug == "hcv"))
    case = create_case(
        program,
        CaseData(title="HCV with CKD", question="Which regimen?", topics=topics),
        presenter=people["provider"],
        actor=people["provider"],
    )
    db.session.commit()
    return case


def test_a_new_topic_typed_in_a_case_is_proposed(people):
    create_topic("Hepatitis C", synonyms=["HCV"], actor=SYSTEM)
    db.session.commit()
    case = _case(people, ["HCV", "Renal dosing"])
    by_name = {t.name: t for t in case.topics}
    assert by_name["Hepatitis C"].status is TopicStatus.ACCEPTED
    assert by_name["Renal dosing"].status is TopicStatus.PROPOSED


def test_coordinator_accepts_a_proposed_topic(client, people):
    case = _case(people, ["Renal dosing"])
    topic = case.topics[0]
    as_user(client, people["coordinator"])
    html = client.get("/admin/topics?status=proposed").get_data(as_text=True)
    assert "Renal dosing" in html
    response = client.post(f"/admin/topics/{topic.id}/status", data={"action": "accept"})
    assert response.status_code == 303
    db.session.expire_all()
    assert topic.status is TopicStatus.ACCEPTED
    assert _events("topics", topic.id) == ["topic.accepted"]
    # Retiring, merging and editing are the admin's.
    response = client.post(f"/admin/topics/{topic.id}/status", data={"action": "retire"})
    assert response.status_code == 403
    assert client.post(f"/admin/topics/{topic.id}/merge", data={"target": "x"}).status_code == 403
    with pytest.raises(PermissionDenied):
        ops.edit_topic(people["coordinator"], topic, synonyms=["x"])


def test_providers_and_experts_cannot_see_the_vocabulary_console(client, people):
    for role in ("provider", "expert"):
        as_user(client, people[role])
        assert client.get("/admin/topics").status_code == 403


def test_synonyms_and_parent_without_cycles(client, people):
    liver = create_topic("Liver disease", actor=SYSTEM)
    hcv = create_topic("Hepatitis C", actor=SYSTEM)
    db.session.commit()
    as_user(client, people["admin"])
    response = client.post(
        f"/admin/topics/{hcv.id}",
        data={"synonyms": "HCV, Hep C", "parent": "liver disease", "description": ""},
    )
    assert response.status_code == 303
    db.session.expire_all()
    assert hcv.synonyms == ["HCV", "Hep C"] and hcv.parent_id == liver.id
    assert find_topic("hep c").id == hcv.id
    response = client.post(
        f"/admin/topics/{liver.id}",
        data={"synonyms": "", "parent": "HCV", "description": "kept"},
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "cannot be its own ancestor" in html and ">kept</textarea>" in html
    response = client.post(
        f"/admin/topics/{liver.id}", data={"synonyms": "", "parent": "Nothing like it"}
    )
    assert "No topic has that name" in response.get_data(as_text=True)


def test_a_refused_synonym_marks_the_name_found_and_keeps_what_was_typed(client, people):
    """A synonym is checked as the operation keeps it (spaces collapsed): the panel marks
    the name it found; the box shows what was typed."""
    hcv = create_topic("Hepatitis C", actor=SYSTEM)
    db.session.commit()
    as_user(client, people["admin"])
    response = client.post(
        f"/admin/topics/{hcv.id}",
        data={"synonyms": "HCV,   Seen  by John Smith", "parent": "", "description": ""},
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 422 and "<q>John Smith</q>" in html
    assert "Possible patient identifiers in a synonym." in html
    assert 'value="HCV,   Seen  by John Smith"' in html
    db.session.expire_all()
    assert not hcv.synonyms


def test_merging_moves_every_link_and_keeps_the_name_as_a_synonym(app, client, people):
    hcv = create_topic("Hepatitis C", synonyms=["HCV"], actor=SYSTEM)
    db.session.commit()
    case = _case(people, ["Hep C virus", "Hepatitis C"])
    other = _case(people, ["Hep C virus"])
    duplicate = find_topic("Hep C virus")
    child = create_topic("Acute hep C", parent=duplicate, actor=SYSTEM)
    program = db.session.scalar(select(Program).where(Program.slug == "hcv"))
    session = create_session(program, case.created_at.date(), topics=["Hep C virus"], actor=SYSTEM)
    db.session.commit()
    duplicate_id = duplicate.id
    last_outbox = db.session.scalar(select(SearchOutbox.id).order_by(SearchOutbox.id.desc()))
    as_user(client, people["admin"])
    response = client.post(f"/admin/topics/{duplicate_id}/merge", data={"target": "HCV"})
    assert response.status_code == 303
    db.session.expire_all()
    assert db.session.get(Topic, duplicate_id) is None
    assert [t.name for t in case.topics] == ["Hepatitis C"]
    assert [t.name for t in other.topics] == ["Hepatitis C"]
    assert [t.name for t in session.topics] == ["Hepatitis C"]
    assert child.parent_id == hcv.id
    assert hcv.synonyms == ["HCV", "Hep C virus"]
    assert find_topic("hep c virus").id == hcv.id
    assert _events("topics", hcv.id)[-1] == "topic.merged"
    assert _events("topics", duplicate_id) == ["topic.merged_into"]
    # The search index follows: the moved cases and the session are re-indexed.
    queued = set(
        db.session.execute(
            select(SearchOutbox.entity_type, SearchOutbox.entity_id).where(
                SearchOutbox.id > last_outbox
            )
        )
    )
    assert {("case", case.id), ("case", other.id), ("session", session.id)} <= queued


def test_merge_refuses_bad_targets(client, people):
    topic = create_topic("Hepatitis C", actor=SYSTEM)
    db.session.commit()
    as_user(client, people["admin"])
    for target, message in (
        ("", "Name the topic to merge into."),
        ("No such topic", "No topic has that name"),
        ("hepatitis c", "cannot be merged into itself"),
    ):
        response = client.post(f"/admin/topics/{topic.id}/merge", data={"target": target})
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)


def test_retired_topics_keep_their_links(client, people):
    case = _case(people, ["Renal dosing"])
    topic = case.topics[0]
    as_user(client, people["admin"])
    client.post(f"/admin/topics/{topic.id}/status", data={"action": "retire"})
    db.session.expire_all()
    assert topic.status is TopicStatus.RETIRED and case.topics == [topic]
    with pytest.raises(Conflict, match="not proposed"):
        ops.accept_topic(people["admin"], topic)
    client.post(f"/admin/topics/{topic.id}/status", data={"action": "restore"})
    db.session.expire_all()
    assert topic.status is TopicStatus.ACCEPTED


# --- Audit pages ----------------------------------------------------------------------------


def test_audit_pages_per_kind(client, people):
    as_user(client, people["admin"])
    client.post("/admin/programs/hcv", data={"name": "HCV ECHO", "private": "no"})
    html = client.get("/admin/audit?kind=programs").get_data(as_text=True)
    assert "program.updated" in html
    html = client.get("/admin/audit?kind=accounts").get_data(as_text=True)
    assert "user.created" in html
    account = people["provider"]
    assert "user.created" in client.get(f"/audit/account/{account.id}").get_data(as_text=True)
    as_user(client, people["coordinator"])
    assert client.get("/admin/audit?kind=programs").status_code == 200
    assert client.get("/admin/audit?kind=accounts").status_code == 403
    assert client.get(f"/audit/account/{account.id}").status_code == 404
    as_user(client, people["provider"])
    assert client.get("/admin/audit?kind=programs").status_code == 403


def test_restore_does_not_accept_a_proposed_topic(people):
    # Accepting is its own step, with its own audit event: "restore" brings back a retired
    # topic only.
    topic = _case(people, ["Renal dosing"]).topics[0]
    with pytest.raises(Conflict, match="not retired"):
        ops.restore_topic(people["admin"], topic)
    assert topic.status is TopicStatus.PROPOSED
    assert _events("topics", topic.id) == []
