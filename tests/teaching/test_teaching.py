"""Teaching sets and saved searches: building, sharing, printing and exporting a set, and
what each reader sees inside it (never a case the policy hides from them), in the
operations, the web and the API."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import pytest
from sqlalchemy import func, select

from app.api.search import SEARCH_QUERY
from app.audit.models import AuditEvent
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.lifecycle import withdraw_case
from app.deid.gate import IdentifiersFound
from app.errors import NotFound, PermissionDenied, ValidationError
from app.extensions import db
from app.teaching import operations as ops
from app.teaching.models import TeachingSet, TeachingSetItem
from tests.cases.test_views import as_user
from tests.support.builders import build_world

NOTE = "Discuss **HBV reactivation** before DAAs."
PLANT = "Patient Harriet Quenby, MRN 55512344"


@pytest.fixture
def w(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", email="coord@example.org", programs=["hcv"])
    db.session.commit()
    return w


def _set_with_private_case(w):
    """The admin's set: an open HCV case, the private program's case, shared with HCV."""
    teaching_set = ops.create_set(w.admin, "Liver teaching", "For the **March** session.")
    ops.add_item(w.admin, teaching_set, case=w.case, note=NOTE)
    ops.add_item(w.admin, teaching_set, case=w.private_case, note="Private program's case.")
    ops.share_set(w.admin, teaching_set, w.hcv)
    db.session.commit()
    return teaching_set


# --- Operations -------------------------------------------------------------------------------


def test_an_expert_builds_a_set_with_notes_and_orders_it(w):
    teaching_set = ops.create_set(w.expert, "Cirrhosis cases", "")
    first = ops.add_item(w.expert, teaching_set, case=w.case, note=NOTE)
    second = ops.add_item(w.expert, teaching_set, recommendation=w.rec, note="Why 12 weeks?")
    third = ops.add_item(w.expert, teaching_set, case=w.elderly)
    db.session.commit()
    assert [i.position for i in (first, second, third)] == [1, 2, 3]

    ops.move_item(w.expert, third, 1)
    ops.set_note(w.expert, second, "Why **not** 8 weeks?")
    db.session.commit()
    contents = ops.set_contents(w.expert, teaching_set)
    assert [s.item.id for s in contents.items] == [third.id, first.id, second.id]
    assert contents.items[2].item.note == "Why **not** 8 weeks?"
    # A case item brings its published recommendations, never a draft.
    assert [r.id for r in contents.items[1].recommendations] == [w.rec.id]

    ops.remove_item(w.expert, first)
    db.session.commit()
    assert [i.position for i in ops.get_set(w.expert, teaching_set.id).items] == [1, 2]


def test_moving_counts_the_items_the_owner_is_shown(w):
    """An item whose case was withdrawn since is hidden from the owner: "move down" on the
    first shown item still moves it below the next shown one."""
    from app.cases.lifecycle import withdraw_case

    teaching_set = ops.create_set(w.expert, "Set", "")
    hidden = ops.add_item(w.expert, teaching_set, case=w.case)
    first = ops.add_item(w.expert, teaching_set, case=w.elderly)
    second = ops.add_item(w.expert, teaching_set, case=w.follow_up)
    withdraw_case(w.case, "duplicate", actor=SYSTEM)
    db.session.commit()
    shown = [s.item.id for s in ops.set_contents(w.expert, teaching_set).items]
    assert shown == [first.id, second.id]
    ops.move_item(w.expert, first, 2)
    db.session.commit()
    assert [s.item.id for s in ops.set_contents(w.expert, teaching_set).items] == [
        second.id,
        first.id,
    ]
    assert hidden.position == 1  # kept its place


def test_the_same_case_goes_in_once_and_a_draft_recommendation_not_at_all(w):
    teaching_set = ops.create_set(w.expert, "Set", "")
    ops.add_item(w.expert, teaching_set, case=w.case)
    with pytest.raises(ValidationError) as info:
        ops.add_item(w.expert, teaching_set, case=w.case)
    assert info.value.field == "case_id"
    draft = next(r for r in w.case.recommendations if str(r.status) == "draft")
    with pytest.raises(NotFound):
        ops.add_item(w.expert, teaching_set, recommendation=draft)
    with pytest.raises(ValidationError):
        ops.add_item(w.expert, teaching_set)


def test_nobody_adds_a_case_they_cannot_see(w):
    teaching_set = ops.create_set(w.expert, "Set", "")
    with pytest.raises(NotFound):
        ops.add_item(w.expert, teaching_set, case=w.private_case)
    with pytest.raises(NotFound):
        ops.add_item(w.expert, teaching_set, case=w.draft)


def test_only_the_owner_and_admins_change_a_set(w):
    teaching_set = ops.create_set(w.expert, "Set", "")
    ops.share_set(w.expert, teaching_set, w.hcv)
    db.session.commit()
    # Members of the program see it, its coordinators included, and change nothing.
    for reader in (w.provider, w.coordinator):
        assert ops.get_set(reader, teaching_set.id) is teaching_set
        with pytest.raises(PermissionDenied):
            ops.add_item(reader, teaching_set, case=w.case)
    # Outside the program it is as good as absent.
    with pytest.raises(NotFound):
        ops.get_set(w.member, teaching_set.id)
    ops.update_set(w.admin, teaching_set, title="Renamed by an admin", description="")
    # A set is shared with a program its owner belongs to.
    with pytest.raises(NotFound):
        ops.share_set(w.expert, teaching_set, w.perinatal)


def test_a_private_case_in_a_shared_set_stays_hidden_from_the_programs_members(w):
    teaching_set = _set_with_private_case(w)
    for reader in (w.provider, w.expert, w.coordinator):
        contents = ops.set_contents(reader, teaching_set)
        assert [s.case.id for s in contents.items] == [w.case.id]
        exported = ops.export_json(reader, teaching_set)
        assert [i["case"]["id"] for i in exported["items"]] == [w.case.id]
        assert "Pregnant" not in ops.export_markdown(reader, teaching_set)
    assert len(ops.set_contents(w.admin, teaching_set).items) == 2
    # Its items cannot be reached by id either.
    hidden = next(i for i in teaching_set.items if i.case_id == w.private_case.id)
    with pytest.raises(NotFound):
        ops.get_item(w.provider, teaching_set, hidden.id)


def test_leaving_a_private_program_ends_the_sharing_of_ones_sets_with_it(w, make_user):
    """A member who leaves a private program takes their sets out of it: the set no longer
    names the program to its owner, its members no longer read what the leaver writes, and
    the audit trail says so. A set shared with an open program stays shared."""
    from app.admin.operations import remove_program_member

    leaver = make_user("expert", email="lea@example.org", programs=["hcv", "perinatal-sud"])
    closed = ops.create_set(leaver, "Perinatal teaching")
    ops.add_item(leaver, closed, case=w.private_case, note="Ask the team.")
    ops.share_set(leaver, closed, w.perinatal)
    open_set = ops.create_set(leaver, "HCV teaching")
    ops.share_set(leaver, open_set, w.hcv)
    db.session.commit()
    assert ops.get_set(w.member, closed.id) == closed
    remove_program_member(SYSTEM, w.perinatal, leaver.id)
    db.session.commit()
    own, _ = ops.teaching_sets_of(leaver)
    assert {s.title: s.program for s in own} == {"Perinatal teaching": None, "HCV teaching": w.hcv}
    with pytest.raises(NotFound):
        ops.get_set(w.member, closed.id)
    assert closed not in ops.teaching_sets_of(w.member)[1]
    unshared = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "teaching_set.unshared")
    ).all()
    assert [(e.entity_id, e.details["program_id"]) for e in unshared] == [
        (closed.id, w.perinatal.id)
    ]


def test_an_admin_demoted_takes_their_sets_out_of_programs_they_no_longer_see(w, make_user):
    """Admins may share with any program; demoted to a role without membership, their set
    leaves the private program (they could no longer see who reads it)."""
    from app.admin.operations import update_account

    boss = make_user("admin", email="boss@example.org", programs=[])
    closed = ops.create_set(boss, "Perinatal teaching")
    ops.share_set(boss, closed, w.perinatal)
    open_set = ops.create_set(boss, "HCV teaching")
    ops.share_set(boss, open_set, w.hcv)
    db.session.commit()
    update_account(SYSTEM, boss, role="expert")
    db.session.commit()
    own, _ = ops.teaching_sets_of(boss)
    assert {s.title: s.program for s in own} == {"Perinatal teaching": None, "HCV teaching": w.hcv}
    with pytest.raises(NotFound):
        ops.get_set(w.member, closed.id)


def test_a_program_made_private_keeps_only_the_sets_of_those_who_still_see_it(w, make_user):
    from app.admin.operations import remove_program_member
    from app.programs.operations import update_program

    stayer = make_user("expert", email="stay@example.org", programs=["hcv"])
    leaver = make_user("expert", email="gone@example.org", programs=["hcv"])
    kept = ops.create_set(stayer, "Kept")
    ops.share_set(stayer, kept, w.hcv)
    left = ops.create_set(leaver, "Left behind")
    ops.share_set(leaver, left, w.hcv)
    db.session.commit()
    remove_program_member(SYSTEM, w.hcv, leaver.id)  # an open program: still shared
    db.session.commit()
    assert left.program == w.hcv
    update_program(w.hcv, actor=SYSTEM, private=True)
    db.session.commit()
    assert kept.program == w.hcv and left.program is None
    unshared = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "teaching_set.unshared")
    ).all()
    assert [(e.entity_id, e.details["program_id"]) for e in unshared] == [(left.id, w.hcv.id)]


def test_a_withdrawn_case_leaves_every_set_it_is_in(w):
    teaching_set = ops.create_set(w.expert, "Set", "")
    ops.add_item(w.expert, teaching_set, case=w.elderly)
    ops.add_item(w.expert, teaching_set, case=w.case)
    db.session.commit()
    withdraw_case(w.elderly, "duplicate", actor=w.admin)
    db.session.commit()
    assert [s.case.id for s in ops.set_contents(w.expert, teaching_set).items] == [w.case.id]


def test_notes_titles_and_descriptions_pass_the_gate(w):
    teaching_set = ops.create_set(w.expert, "Set", "")
    db.session.commit()
    with pytest.raises(IdentifiersFound) as info:
        ops.add_item(w.expert, teaching_set, case=w.case, note=PLANT)
    assert {f.field for f in info.value.findings} == {"note"}
    db.session.rollback()
    with pytest.raises(IdentifiersFound):
        ops.create_set(w.expert, "Set", PLANT)
    db.session.rollback()
    with pytest.raises(IdentifiersFound):
        ops.save_search(w.expert, PLANT, "q=hcv")
    db.session.rollback()
    # Filter values are kept and shown as typed: they pass the gate too, named by parameter.
    with pytest.raises(IdentifiersFound) as info:
        ops.save_search(w.expert, "HCV", f"q=hcv&topic={PLANT}")
    assert {f.field for f in info.value.findings} == {"topic"}
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(TeachingSetItem)) == 0


def test_the_audit_trail_has_ids_and_never_the_notes(w):
    teaching_set = ops.create_set(w.expert, "Cirrhosis cases", "About cirrhosis.")
    ops.add_item(w.expert, teaching_set, case=w.case, note=NOTE)
    ops.share_set(w.expert, teaching_set, w.hcv)
    db.session.commit()
    events = db.session.scalars(
        select(AuditEvent).where(AuditEvent.entity_type == "teaching_sets")
    ).all()
    assert [e.action for e in events] == [
        "teaching_set.created",
        "teaching_set.item_added",
        "teaching_set.shared",
    ]
    dumped = json.dumps([e.details for e in events])
    assert "HBV" not in dumped and "cirrhosis" not in dumped.lower()


def test_deleting_a_set_deletes_its_items(w):
    teaching_set = ops.create_set(w.expert, "Set", "")
    ops.add_item(w.expert, teaching_set, case=w.case)
    db.session.commit()
    ops.delete_set(w.expert, teaching_set)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(TeachingSetItem)) == 0
    assert db.session.scalar(select(func.count()).select_from(TeachingSet)) == 0


def test_a_recurring_question_group_opens_as_a_set_of_its_visible_cases(w):
    teaching_set = ops.create_set_from_group(w.expert, [w.case, w.private_case, w.elderly])
    db.session.commit()
    # No case's question in the title: the set may be shared where the cases are not seen.
    assert teaching_set.title == "Recurring question"
    assert [i.case_id for i in teaching_set.items] == [w.case.id, w.elderly.id]


def test_a_group_opened_as_a_set_tells_its_readers_nothing_of_the_cases_hidden_from_them(
    client, w, make_user
):
    """A member of the private program opens a group holding its case and two open ones,
    then shares the set with HCV: its title counted the three, telling HCV's readers, who
    see two items, that one was hidden from them."""
    both = make_user("expert", email="both@example.org", programs=["hcv", "perinatal-sud"])
    teaching_set = ops.create_set_from_group(both, [w.case, w.private_case, w.elderly])
    ops.share_set(both, teaching_set, w.hcv)
    db.session.commit()
    assert len(ops.set_contents(both, teaching_set).items) == 3
    reader = ops.set_contents(w.other_provider, teaching_set)
    assert len(reader.items) == 2
    as_user(client, w.other_provider)
    page = client.get(f"/teaching-sets/{teaching_set.id}").get_data(as_text=True)
    assert "3 cases" not in page and "3 cases" not in teaching_set.title


def test_exports_hold_title_description_questions_recommendations_and_notes(w):
    teaching_set = ops.create_set(w.expert, "Cirrhosis cases", "For **March**.")
    ops.add_item(w.expert, teaching_set, case=w.case, note=NOTE)
    db.session.commit()
    data = ops.export_json(w.expert, teaching_set)
    assert data["title"] == "Cirrhosis cases"
    assert data["items"][0]["note"] == NOTE
    assert data["items"][0]["case"]["question"] == w.case.question
    assert [r["id"] for r in data["items"][0]["recommendations"]] == [w.rec.id]
    markdown = ops.export_markdown(w.expert, teaching_set)
    assert markdown.startswith("# Cirrhosis cases\n\nFor **March**.\n")
    assert f"## 1. {w.case.title}" in markdown
    assert "sofosbuvir/velpatasvir 400/100 mg" in markdown
    assert NOTE in markdown
    assert "Unpublished draft advice" not in markdown


# --- Saved searches ---------------------------------------------------------------------------


def test_saved_search_parameters_are_the_search_pages():
    paging = {"page", "per_page"}
    assert set(ops.SEARCH_PARAMETERS) == {q.name for q in SEARCH_QUERY} - paging


def test_a_saved_search_keeps_known_parameters_only(w):
    saved = ops.save_search(w.expert, "HCV cases", "?q=hcv&type=case&page=3&evil=1&topic=")
    db.session.commit()
    assert saved.query == "q=hcv&type=case"
    with pytest.raises(ValidationError) as info:
        ops.save_search(w.expert, "Nothing", "page=2")
    assert info.value.field == "query"
    ops.rename_search(w.expert, saved.id, "HCV")
    assert [s.name for s in ops.saved_searches_of(w.expert)] == ["HCV"]
    with pytest.raises(NotFound):
        ops.get_saved_search(w.provider, saved.id)
    with pytest.raises(NotFound):
        ops.delete_search(w.provider, saved.id)
    ops.delete_search(w.expert, saved.id)
    assert ops.saved_searches_of(w.expert) == []


# --- Web --------------------------------------------------------------------------------------


def test_web_a_member_sees_the_shared_set_without_the_private_case(client, w):
    teaching_set = _set_with_private_case(w)
    as_user(client, w.provider)
    for url in (
        f"/teaching-sets/{teaching_set.id}",
        f"/teaching-sets/{teaching_set.id}/handout",
        f"/teaching-sets/{teaching_set.id}/export.md",
        f"/teaching-sets/{teaching_set.id}/export.json",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.get_data(as_text=True)
        assert w.case.title in body
        assert "Pregnant patient" not in body and "Private program" not in body, url
    page = client.get(f"/teaching-sets/{teaching_set.id}").get_data(as_text=True)
    assert "1 item" in page and "2 items" not in page
    assert "Liver teaching" in client.get("/my/teaching-sets").get_data(as_text=True)
    # A member of another program does not learn the set exists.
    as_user(client, w.member)
    assert client.get(f"/teaching-sets/{teaching_set.id}").status_code == 404
    assert client.get(f"/teaching-sets/{teaching_set.id}/handout").status_code == 404


def test_web_the_owner_removes_an_item_since_hidden_without_reading_it(client, w):
    """A case withdrawn after it was added: its owner is told an item is hidden and may take
    it out (never read, note or move it); a reader of the shared set is told nothing."""
    teaching_set = ops.create_set(w.expert, "Set", "")
    hidden = ops.add_item(w.expert, teaching_set, case=w.elderly, note="Ask about falls.")
    ops.add_item(w.expert, teaching_set, case=w.case)
    ops.share_set(w.expert, teaching_set, w.hcv)
    db.session.commit()
    withdraw_case(w.elderly, "duplicate", actor=w.admin)
    db.session.commit()
    url = f"/teaching-sets/{teaching_set.id}"
    as_user(client, w.provider)
    page = client.get(url).get_data(as_text=True)
    assert "no longer see" not in page
    assert client.post(f"{url}/items/{hidden.id}/remove").status_code == 404
    as_user(client, w.expert)
    page = client.get(url).get_data(as_text=True)
    assert "1 item you can no longer see" in page
    assert w.elderly.title not in page and "Ask about falls" not in page
    for action, data in (("note", {"note": "x"}), ("move", {"position": "1"})):
        assert client.post(f"{url}/items/{hidden.id}/{action}", data=data).status_code == 404
    assert client.post(f"{url}/items/{hidden.id}/remove").status_code == 303
    assert [i.case_id for i in db.session.get(TeachingSet, teaching_set.id).items] == [w.case.id]
    assert "no longer see" not in client.get(url).get_data(as_text=True)


def test_web_add_a_case_to_a_new_set_and_the_gate_reshows_the_form(client, w):
    as_user(client, w.expert)
    assert client.get(f"/teaching-sets/add?case={w.case.id}").status_code == 200
    refused = client.post(
        "/teaching-sets/add",
        data={"case": str(w.case.id), "set_id": "new", "new_title": "HCV", "note": PLANT},
    )
    assert refused.status_code == 422
    body = refused.get_data(as_text=True)
    assert "Possible identifiers in Note" in body and "HCV" in body
    assert db.session.scalar(select(func.count()).select_from(TeachingSet)) == 0
    done = client.post(
        "/teaching-sets/add",
        data={"case": str(w.case.id), "set_id": "new", "new_title": "HCV", "note": NOTE},
    )
    assert done.status_code == 303
    page = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "<strong>HBV reactivation</strong>" in page  # the note, rendered
    # Someone else's set is not a target (answered as one not in the list: 422).
    theirs = ops.create_set(w.admin, "Admin's", "")
    db.session.commit()
    assert (
        client.post(
            "/teaching-sets/add", data={"case": str(w.case.id), "set_id": str(theirs.id)}
        ).status_code
        == 422
    )


def test_web_add_form_a_finding_ticked_without_a_reason_shows_the_form_again(client, w):
    as_user(client, w.expert)
    refused = client.post(
        "/teaching-sets/add",
        data={
            "case": str(w.case.id),
            "set_id": "new",
            "new_title": "HBV before DAAs",
            "note": NOTE,
            "accept_finding": "note|0|7|NAME|0123456789abcdef",  # ticked, with no reason chosen
        },
    )
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "Choose a reason" in body
    assert "HBV before DAAs" in body and "HBV reactivation" in body  # nothing typed is lost
    assert db.session.scalar(select(func.count()).select_from(TeachingSet)) == 0


def test_web_save_and_run_a_search(client, w):
    as_user(client, w.expert)
    response = client.post("/my/searches", data={"name": "HCV", "query": "q=hcv&type=case"})
    assert response.status_code == 303
    page = client.get("/my/searches").get_data(as_text=True)
    assert "HCV" in page
    saved = ops.saved_searches_of(w.expert)[0]
    run = client.get(f"/my/searches/{saved.id}")
    assert run.status_code == 303
    target = urlsplit(run.headers["Location"])
    assert target.path == "/search"
    assert dict(parse_qsl(target.query)) == {"q": "hcv", "type": "case"}
    refused = client.post("/my/searches", data={"name": "", "query": "q=hcv"})
    assert refused.status_code == 422
    assert "Give the name" in refused.get_data(as_text=True)
    as_user(client, w.provider)
    assert client.get(f"/my/searches/{saved.id}").status_code == 404


def test_web_a_search_refused_for_a_filter_marks_the_filter(client, w):
    """The form's panels come from the texts the operation checks: a filter's too."""
    as_user(client, w.expert)
    query = f"q=hcv&topic={PLANT}"
    refused = client.post("/my/searches", data={"name": "HCV", "query": query})
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert '<a href="#deid-f-topic">Topic</a>' in body
    assert ops.search_texts("HCV", ops.normalise_query(query))["topic"] == PLANT
    assert ops.saved_searches_of(w.expert) == []


def test_web_the_search_page_offers_to_save_the_search(client, w):
    as_user(client, w.expert)
    body = client.get("/search?q=hcv&type=case&page=2").get_data(as_text=True)
    assert "Save this search" in body
    assert 'name="query" value="q=hcv&amp;type=case"' in body


def test_web_add_form_names_the_title_box_and_hides_which_sets_exist(client, w):
    others = ops.create_set(w.admin, "The admin's own set")
    db.session.commit()
    as_user(client, w.expert)
    refused = client.post(
        "/teaching-sets/add",
        data={"case": str(w.case.id), "set_id": "new", "new_title": PLANT, "note": ""},
    )
    body = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Possible identifiers in Title" in body
    # Someone else's set and a set that does not exist get the same answer.
    answers = set()
    for set_id in (str(others.id), "999999"):
        response = client.post(
            "/teaching-sets/add", data={"case": str(w.case.id), "set_id": set_id, "note": ""}
        )
        assert response.status_code == 422
        answers.add("Choose one of your sets" in response.get_data(as_text=True))
    assert answers == {True}
    assert len(others.items) == 0


def test_web_the_curriculum_opens_a_group_as_a_set(client, w, make_user):
    curriculum = make_user("curriculum", email="cur@example.org")
    db.session.commit()
    as_user(client, curriculum)
    response = client.post(
        "/teaching-sets/from-group",
        data={"case_id": [str(w.case.id), str(w.elderly.id)]},
    )
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Recurring question" in page
    assert w.case.title in page and w.elderly.title in page


# --- API --------------------------------------------------------------------------------------


def _bearer(user) -> dict[str, str]:
    token = create_token(user, actor=SYSTEM)
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def test_api_builds_shares_and_reads_a_set(client, w):
    expert = _bearer(w.expert)
    created = client.post("/api/v1/teaching-sets", json={"title": "HCV"}, headers=expert)
    assert created.status_code == 201, created.get_json()
    set_id = created.get_json()["id"]
    added = client.post(
        f"/api/v1/teaching-sets/{set_id}/items",
        json={"case_id": w.case.id, "note": NOTE},
        headers=expert,
    )
    assert added.status_code == 201
    item_id = added.get_json()["items"][0]["id"]
    refused = client.post(
        f"/api/v1/teaching-sets/{set_id}/items",
        json={"case_id": w.elderly.id, "note": PLANT},
        headers=expert,
    )
    assert refused.status_code == 422
    assert refused.get_json()["error"] == "identifiers_found"
    hidden = client.post(
        f"/api/v1/teaching-sets/{set_id}/items",
        json={"case_id": w.private_case.id},
        headers=expert,
    )
    assert hidden.status_code == 404
    shared = client.patch(
        f"/api/v1/teaching-sets/{set_id}", json={"program": "hcv"}, headers=expert
    )
    assert shared.status_code == 200 and shared.get_json()["program"] == "hcv"
    moved = client.patch(
        f"/api/v1/teaching-sets/{set_id}/items/{item_id}",
        json={"note": "Changed."},
        headers=expert,
    )
    assert moved.get_json()["items"][0]["note"] == "Changed."

    provider = _bearer(w.provider)
    seen = client.get(f"/api/v1/teaching-sets/{set_id}", headers=provider).get_json()
    assert seen["can_edit"] is False and [i["case_id"] for i in seen["items"]] == [w.case.id]
    assert (
        client.post(
            f"/api/v1/teaching-sets/{set_id}/items",
            json={"case_id": w.elderly.id},
            headers=provider,
        ).status_code
        == 403
    )
    listed = client.get("/api/v1/teaching-sets", headers=provider).get_json()["results"]
    assert [s["id"] for s in listed] == [set_id]
    md = client.get(f"/api/v1/teaching-sets/{set_id}/export?format=md", headers=provider)
    assert md.status_code == 200 and md.get_json()["markdown"].startswith("# HCV")
    bad = client.get(f"/api/v1/teaching-sets/{set_id}/export?format=pdf", headers=provider)
    assert bad.status_code == 422

    member = _bearer(w.member)
    assert client.get(f"/api/v1/teaching-sets/{set_id}", headers=member).status_code == 404


def test_api_a_private_case_in_a_shared_set_is_not_shown(client, w):
    teaching_set = _set_with_private_case(w)
    for user in (w.provider, w.expert):
        body = client.get(
            f"/api/v1/teaching-sets/{teaching_set.id}", headers=_bearer(user)
        ).get_data(as_text=True)
        assert "Pregnant" not in body and "Private program" not in body
        exported = client.get(
            f"/api/v1/teaching-sets/{teaching_set.id}/export", headers=_bearer(user)
        ).get_data(as_text=True)
        assert "Pregnant" not in exported


def test_api_the_owner_removes_an_item_since_hidden(client, w):
    teaching_set = ops.create_set(w.expert, "Set", "")
    hidden = ops.add_item(w.expert, teaching_set, case=w.elderly)
    ops.share_set(w.expert, teaching_set, w.hcv)
    db.session.commit()
    withdraw_case(w.elderly, "duplicate", actor=w.admin)
    db.session.commit()
    url = f"/api/v1/teaching-sets/{teaching_set.id}"
    reader = client.get(url, headers=_bearer(w.provider)).get_json()
    assert reader["items"] == [] and reader["hidden_item_ids"] == []
    owner = _bearer(w.expert)
    assert client.get(url, headers=owner).get_json()["hidden_item_ids"] == [hidden.id]
    removed = client.delete(f"{url}/items/{hidden.id}", headers=owner)
    assert removed.status_code == 200 and removed.get_json()["hidden_item_ids"] == []


def test_api_saved_searches(client, w):
    expert = _bearer(w.expert)
    created = client.post(
        "/api/v1/me/saved-searches", json={"name": "HCV", "query": "q=hcv"}, headers=expert
    )
    assert created.status_code == 201
    search_id = created.get_json()["id"]
    listed = client.get("/api/v1/me/saved-searches", headers=expert).get_json()["results"]
    assert [s["query"] for s in listed] == ["q=hcv"]
    other = _bearer(w.provider)
    assert client.delete(f"/api/v1/me/saved-searches/{search_id}", headers=other).status_code == 404
    assert (
        client.delete(f"/api/v1/me/saved-searches/{search_id}", headers=expert).status_code == 200
    )


# --- CLI --------------------------------------------------------------------------------------


def test_cli_exports_a_set_as_the_account_sees_it(app, w):
    teaching_set = _set_with_private_case(w)
    runner = app.test_cli_runner()
    as_provider = runner.invoke(
        args=["sets", "export", str(teaching_set.id), "--as", w.provider.email]
    )
    assert as_provider.exit_code == 0, as_provider.output
    assert as_provider.output.startswith("# Liver teaching")
    assert w.case.title in as_provider.output and "Pregnant" not in as_provider.output
    as_operator = runner.invoke(args=["sets", "export", str(teaching_set.id), "--format", "json"])
    assert as_operator.exit_code == 0
    assert len(json.loads(as_operator.output)["items"]) == 2
    outsider = runner.invoke(args=["sets", "export", str(teaching_set.id), "--as", w.member.email])
    assert outsider.exit_code == 1 and "No such teaching set" in outsider.output


def test_web_a_refused_note_typed_with_blank_lines_marks_the_names_it_found(client, w):
    """The gate checks the note stripped: the panel marks the words it found, not words
    shifted by the blank lines typed before them."""
    teaching_set = ops.create_set(w.expert, "HCV")
    item = ops.add_item(w.expert, teaching_set, case=w.case)
    db.session.commit()
    as_user(client, w.expert)
    refused = client.post(
        f"/teaching-sets/{teaching_set.id}/items/{item.id}/note", data={"note": "\n\n  " + PLANT}
    )
    assert refused.status_code == 422
    body = refused.get_data(as_text=True)
    assert "Possible identifiers in Note" in body
    assert "<q>Harriet Quenby</q>" in body
