"""Recommendations on the web: write, preview, publish, versions, annotations, the letter."""

from __future__ import annotations

import re
import threading

import pytest
from flask import g, has_app_context

from app.auth.policy import SYSTEM
from app.cases.models import CaseStatus
from app.extensions import db
from app.notifications.operations import unread_count
from app.recommendations.models import Recommendation, RecommendationStatus
from tests.cases.test_views import as_user, text
from tests.conftest import sign_in
from tests.support.builders import add_case, build_world


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    w.other_expert = make_user("expert", programs=["hcv"])
    w.presented = add_case(
        w.hcv,
        w.provider,
        "Presented case awaiting advice",
        status=CaseStatus.PRESENTED,
        session=w.second,
        presented=True,
    )
    db.session.commit()
    return w


def latest_recommendation() -> Recommendation:
    return db.session.scalar(db.select(Recommendation).order_by(Recommendation.id.desc()))


def test_expert_writes_and_publishes_and_the_presenter_is_notified(client, world):
    as_user(client, world.expert)
    page = text(client.get(f"/cases/{world.presented.id}/recommendations/new"))
    assert 'data-preview="f-body-preview"' in page and "js/preview.js" in page
    response = client.post(
        f"/cases/{world.presented.id}/recommendations/new",
        data={
            "category": "therapeutic",
            "body": "Start **sofosbuvir/velpatasvir**.",
            "references": "AASLD-IDSA HCV Guidance, 2023.\n\n  EASL 2020.  ",
            "action": "publish",
        },
    )
    assert response.status_code == 303
    rec = latest_recommendation()
    assert rec.status is RecommendationStatus.PUBLISHED
    assert rec.references == ["AASLD-IDSA HCV Guidance, 2023.", "EASL 2020."]
    db.session.refresh(world.presented)
    assert world.presented.status is CaseStatus.RECOMMENDATIONS_PUBLISHED
    assert unread_count(world.provider) == 1
    as_user(client, world.provider)
    page = text(client.get(f"/cases/{world.presented.id}"))
    assert "<strong>sofosbuvir/velpatasvir</strong>" in page


def test_draft_is_only_for_its_author_until_published(client, world):
    as_user(client, world.expert)
    client.post(
        f"/cases/{world.presented.id}/recommendations/new",
        data={"category": "monitoring", "body": "Check HBV DNA.", "action": "draft"},
    )
    rec = latest_recommendation()
    assert rec.status is RecommendationStatus.DRAFT
    assert "Your drafts" in text(client.get(f"/cases/{world.presented.id}"))
    as_user(client, world.provider)
    assert "Check HBV DNA." not in text(client.get(f"/cases/{world.presented.id}"))
    assert client.get(f"/recommendations/{rec.id}/versions").status_code == 404
    as_user(client, world.expert)
    response = client.post(f"/recommendations/{rec.id}/publish", follow_redirects=True)
    assert "Recommendation published" in text(response)


def test_publishing_before_the_case_is_presented_is_refused_with_a_message(client, world):
    as_user(client, world.expert)
    # world.elderly is approved and scheduled, not yet presented
    response = client.post(
        f"/cases/{world.elderly.id}/recommendations/new",
        data={"category": "diagnostic", "body": "Measure eGFR again.", "action": "publish"},
        follow_redirects=True,
    )
    assert "Saved as a draft, not published" in text(response)
    assert "after the case is presented" in text(response)
    assert latest_recommendation().status is RecommendationStatus.DRAFT


def test_recommendations_cannot_be_written_for_a_draft_case(client, world, make_user):
    admin = world.admin
    as_user(client, admin)
    response = client.post(
        f"/cases/{world.draft.id}/recommendations/new",
        data={"category": "diagnostic", "body": "Too early.", "action": "draft"},
    )
    assert response.status_code == 422
    assert "Recommendations are written for approved cases; this case is draft." in text(response)
    assert "Too early." in text(response)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"category": "", "body": "Fine text."}, "Category must be one of"),
        ({"category": "surgical", "body": "Fine text."}, "Category must be one of"),
        ({"category": "other", "body": "   "}, "Write the text; it cannot be empty."),
        ({"category": "other", "body": "x" * 50_001}, "at most 50,000 characters"),
        (
            {"category": "other", "body": "Fine text.", "references": "r" * 501},
            "A reference must be at most 500 characters.",
        ),
    ],
)
def test_bad_recommendation_input_keeps_what_was_typed(client, world, data, message):
    as_user(client, world.expert)
    data = {"references": "Kept reference.", **data, "action": "draft"}
    response = client.post(f"/cases/{world.presented.id}/recommendations/new", data=data)
    assert response.status_code == 422
    page = text(response)
    assert message in page
    if "Kept reference." in data["references"]:
        assert "Kept reference." in page


def test_edits_keep_versions_with_a_readable_diff(client, world):
    as_user(client, world.expert)
    client.post(
        f"/cases/{world.presented.id}/recommendations/new",
        data={
            "category": "therapeutic",
            "action": "publish",
            "body": "Treat with **sofosbuvir/velpatasvir 400/100 mg** daily for 12 weeks.",
            "references": "AASLD-IDSA HCV Guidance 2023.",
        },
    )
    rec = latest_recommendation()
    response = client.post(
        f"/recommendations/{rec.id}/edit",
        data={
            "category": "therapeutic",
            "body": "Treat with **sofosbuvir/velpatasvir 400/100 mg** daily for 8 weeks.",
            "references": "AASLD-IDSA HCV Guidance 2023.\nEASL 2020.",
        },
    )
    assert response.status_code == 303
    db.session.refresh(rec)
    assert rec.version == 2
    page = text(client.get(f"/recommendations/{rec.id}/versions"))
    assert "Version 2" in page and "Version 1" in page
    assert '<del class="diff-del">12</del>' in page
    assert '<ins class="diff-add">8</ins>' in page
    assert "+ EASL 2020." in page


def _signed_in(app, user):
    g.pop("_login_user", None)
    client = app.test_client()
    sign_in(client, user)
    return client


def _opened_version(client, rec_id: int) -> str:
    g.pop("_login_user", None)  # the test's app context outlives each client's request
    page = text(client.get(f"/recommendations/{rec_id}/edit"))
    return re.search(r'name="version" value="(\d+)"', page).group(1)


def _save(client, rec_id: int, body: str, version: str):
    if has_app_context():  # not in a thread of its own
        g.pop("_login_user", None)
    return client.post(
        f"/recommendations/{rec_id}/edit",
        data={"category": "therapeutic", "body": body, "action": "save", "version": version},
    )


def test_a_save_over_a_version_saved_since_the_form_opened_is_refused_not_lost(app, world):
    """The author and an admin open the same recommendation; the second to save is told,
    keeps their text in the form, and replaces the other's version only by saving again."""
    author, admin = _signed_in(app, world.expert), _signed_in(app, world.admin)
    rec_id = world.rec.id
    assert _opened_version(author, rec_id) == _opened_version(admin, rec_id) == "1"

    assert _save(author, rec_id, "Eight weeks of sofosbuvir/velpatasvir.", "1").status_code == 303
    refused = _save(admin, rec_id, "Twelve weeks, with ribavirin.", "1")
    assert refused.status_code == 409
    page = text(refused)
    assert "Version 2 of this recommendation was saved after you opened version 1" in page
    assert "Twelve weeks, with ribavirin." in page  # the admin's text, still in the form
    assert 'name="version" value="2"' in page
    db.session.expire_all()
    rec = db.session.get(Recommendation, rec_id)
    assert (rec.version, rec.body) == (2, "Eight weeks of sofosbuvir/velpatasvir.")

    assert _save(admin, rec_id, "Twelve weeks, with ribavirin.", "2").status_code == 303
    db.session.expire_all()
    rec = db.session.get(Recommendation, rec_id)
    assert (rec.version, rec.body) == (3, "Twelve weeks, with ribavirin.")
    assert "Eight weeks of sofosbuvir/velpatasvir." in [v.body for v in rec.versions]


def test_two_saves_of_one_recommendation_at_once_keep_one_and_refuse_the_other(
    app, world, database_server, monkeypatch
):
    """Both opened version 1 and save at the same moment: one is saved, the other told
    (on PostgreSQL both once wrote version 2, and the second save failed with a 500)."""
    if database_server is None:
        pytest.skip("SQLite takes its write lock as a save begins: two saves never overlap")
    from app.recommendations import views

    rec_id = world.rec.id
    author, admin = _signed_in(app, world.expert), _signed_in(app, world.admin)
    loaded, go_on = threading.Event(), threading.Event()
    real = views.edit_operation

    def paused_in_the_author_save(recommendation, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            loaded.set()  # the author's request has read version 1 …
            go_on.wait(60)  # … and goes on once the admin's save committed
        return real(recommendation, **kwargs)

    monkeypatch.setattr(views, "edit_operation", paused_in_the_author_save)
    answers: list[int] = []
    first = threading.Thread(
        target=lambda: answers.append(
            _save(author, rec_id, "Eight weeks of sofosbuvir/velpatasvir.", "1").status_code
        )
    )
    first.start()
    try:
        assert loaded.wait(60)
        assert _save(admin, rec_id, "Twelve weeks, with ribavirin.", "1").status_code == 303
    finally:
        go_on.set()
        first.join(60)
    assert answers == [409]
    db.session.expire_all()
    rec = db.session.get(Recommendation, rec_id)
    assert (rec.version, rec.body) == (2, "Twelve weeks, with ribavirin.")


def test_only_the_author_edits_a_recommendation(client, world):
    for user in (world.other_expert, world.provider, world.coordinator):
        as_user(client, user)
        response = client.post(
            f"/recommendations/{world.rec.id}/edit", data={"category": "other", "body": "Hijacked."}
        )
        assert response.status_code == 403, user.role


def test_annotations_show_beside_the_recommendation(client, world):
    as_user(client, world.other_expert)
    response = client.post(
        f"/recommendations/{world.rec.id}/annotations/new",
        data={
            "kind": "update",
            "body": "New **2025** data support 8 weeks.",
            "references": "Trial X, 2025.",
        },
    )
    assert response.status_code == 303
    page = text(client.get(f"/cases/{world.case.id}"))
    section = page[page.index(f'id="rec-{world.rec.id}"') :]
    order = [
        section.index(s)
        for s in (
            "Check <strong>HBV DNA</strong>",
            "Eight weeks of glecaprevir",
            "New <strong>2025</strong> data",
        )
    ]
    assert order == sorted(order)
    response = client.post(
        f"/recommendations/{world.rec.id}/annotations/new",
        data={"kind": "praise", "body": "Kept body."},
    )
    assert response.status_code == 422
    assert "Kind must be one of" in text(response) and "Kept body." in text(response)


def test_the_letter_carries_no_patient_details(client, world):
    as_user(client, world.provider)
    page = text(client.get(f"/cases/{world.case.id}/letter"))
    assert "Hepatitis C ECHO" in page and world.case.title in page
    assert "Simplified HCV treatment in primary care" in page
    assert "sofosbuvir/velpatasvir 400/100 mg" in page
    assert "Unpublished draft advice." not in page
    for detail in ("omeprazole", "Referred after a reactive antibody", "2,340,000"):
        assert detail not in page
    assert "letter.css" in page


def test_preview_renders_markdown_through_the_one_renderer(client, world):
    as_user(client, world.expert)
    response = client.post("/preview", data={"text": "**bold** <script>x()</script>"})
    assert response.status_code == 200
    assert "<strong>bold</strong>" in text(response)
    assert "<script>" not in text(response)
    assert client.post("/preview", data={"text": "x" * 50_001}).status_code == 413


def test_unknown_recommendation_is_not_found(client, world):
    as_user(client, world.expert)
    assert client.get("/recommendations/99999/edit").status_code == 404
    assert client.get("/recommendations/99999/versions").status_code == 404
    assert client.post("/recommendations/99999/publish").status_code == 404
    assert client.get("/cases/99999/letter").status_code == 404


def test_no_channel_annotates_an_unpublished_recommendation(client, world):
    """The rule lives in the operation: the web and the API refuse alike, even its author."""
    from app.auth.operations import create_token
    from app.errors import NotFound
    from app.recommendations.operations import annotate

    draft = next(r for r in world.case.recommendations if r.status is RecommendationStatus.DRAFT)
    assert draft.author_id == world.expert.id
    as_user(client, world.expert)
    data = {"kind": "agree", "body": "Agreed with myself."}
    web = client.post(f"/recommendations/{draft.id}/annotations/new", data=data)
    assert web.status_code == 404
    token = create_token(world.expert, actor=SYSTEM)
    db.session.commit()
    api = client.post(
        f"/api/v1/recommendations/{draft.id}/annotations",
        json=data,
        headers={"Authorization": f"Bearer {token}"},
    )
    assert api.status_code == 404, api.get_json()
    assert api.get_json()["message"] == "Only published recommendations can be annotated."
    with pytest.raises(NotFound):
        annotate(draft, world.expert, "agree", "Agreed.", actor=world.expert)
    db.session.rollback()
    db.session.expire_all()
    assert draft.annotations == []
    # Published ones are annotated through the API as on the web.
    api = client.post(
        f"/api/v1/recommendations/{world.rec.id}/annotations",
        json=data,
        headers={"Authorization": f"Bearer {token}"},
    )
    assert api.status_code == 201


def test_presenter_is_notified_when_a_published_recommendation_is_edited_or_annotated(
    client, world
):
    from app.notifications.operations import notifications_for

    as_user(client, world.expert)
    client.post(
        f"/recommendations/{world.rec.id}/edit",
        data={"category": "therapeutic", "body": "Treat for 8 weeks instead."},
    )
    as_user(client, world.other_expert)
    client.post(
        f"/recommendations/{world.rec.id}/annotations/new",
        data={"kind": "agree", "body": "Agreed."},
    )
    messages = [n.message for n in notifications_for(world.provider)]
    assert any("was edited" in m for m in messages)
    assert any("was annotated" in m for m in messages)


def test_presenter_is_not_told_of_edits_to_a_draft(client, world):
    from app.notifications.operations import notifications_for

    draft = next(r for r in world.case.recommendations if r.status is RecommendationStatus.DRAFT)
    as_user(client, world.expert)
    response = client.post(
        f"/recommendations/{draft.id}/edit", data={"category": "other", "body": "Still a draft."}
    )
    assert response.status_code == 303
    assert not any("was edited" in n.message for n in notifications_for(world.provider))


def _drafted_then_published(world) -> Recommendation:
    from app.recommendations.operations import add_recommendation, edit_recommendation, publish

    expert = world.expert
    rec = add_recommendation(
        world.presented, expert, "Draft: refer to hepatology first?", "referral", actor=expert
    )
    edit_recommendation(
        rec,
        body="Treat with sofosbuvir/velpatasvir for 12 weeks.",
        category="therapeutic",
        references=[],
        editor=expert,
        actor=expert,
    )
    publish(rec, actor=expert)
    edit_recommendation(
        rec,
        body="Treat with sofosbuvir/velpatasvir for 8 weeks.",
        category="therapeutic",
        references=[],
        editor=expert,
        actor=expert,
    )
    db.session.commit()
    return rec


def test_readers_see_a_recommendations_history_from_its_published_text(app, client, world):
    from tests.conftest import page_as
    from tests.support.clients import bearer

    rec = _drafted_then_published(world)
    page = text(page_as(app, world.provider, f"/recommendations/{rec.id}/versions"))
    assert "Version 3" in page and "Version 2" in page
    assert '<del class="diff-del">12</del>' in page and '<ins class="diff-add">8</ins>' in page
    assert "hepatology" not in page and "Version 1" not in page
    answer = client.get(
        f"/api/v1/recommendations/{rec.id}/versions", headers=bearer(world.provider)
    ).get_json()
    assert [v["version"] for v in answer["results"]] == [2, 3]
    # its author still sees the draft's text
    page = text(page_as(app, world.expert, f"/recommendations/{rec.id}/versions"))
    assert "hepatology" in page and "Version 1" in page


def test_an_export_by_another_reader_keeps_the_drafts_texts_out(world, tmp_path):
    """`casebook export --as` a coordinator: the recommendation's history as they may read
    it, numbered from 1 so the file imports again."""
    import json

    from app.cases.transfer import export_cases

    rec = _drafted_then_published(world)
    out = tmp_path / "cases.jsonl"
    export_cases(out, "jsonl", actor=world.coordinator, program_slugs=["hcv"])
    written = out.read_text(encoding="utf-8")
    assert "hepatology" not in written
    (versions,) = [
        r["versions"]
        for case in map(json.loads, written.splitlines())
        for r in case.get("recommendations", [])
        if r["key"] == rec.key
    ]
    assert [(v["version"], v["body"][-9:]) for v in versions] == [
        (1, "12 weeks."),
        (2, " 8 weeks."),
    ]
    # the operator's export keeps every version
    export_cases(out, "jsonl", actor=SYSTEM, program_slugs=["hcv"])
    assert "hepatology" in out.read_text(encoding="utf-8")


def _imported_copy(world, tmp_path, *, drop_published_version: bool = False) -> Recommendation:
    """The case exported by the operator and imported as a new case (new ref, no keys), as
    into a fresh instance: the import dates it at its session, its versions as the file."""
    import json

    from app.cases.transfer import export_cases, import_paths

    rec = _drafted_then_published(world)
    out = tmp_path / "cases.jsonl"
    export_cases(out, "jsonl", actor=SYSTEM, program_slugs=["hcv"])
    [case] = [
        c
        for c in map(json.loads, out.read_text(encoding="utf-8").splitlines())
        if any(r["key"] == rec.key for r in c.get("recommendations", []))
    ]
    case["ref"] = "copy-1"
    case["fields"] = {"genotype": "1a"}  # the builder's case skips the form's checks
    for item in case["recommendations"]:
        del item["key"]
        for annotation in item.get("annotations", []):
            del annotation["key"]
        if drop_published_version:  # a file written before it was exported
            item.pop("published_version", None)
    case.pop("outcomes", None)
    out.write_text(json.dumps(case) + "\n", encoding="utf-8")
    [result] = import_paths([out], actor=SYSTEM)
    assert result.ok, result.problems
    copy = db.session.scalar(
        db.select(Recommendation)
        .where(Recommendation.key != rec.key)
        .order_by(Recommendation.id.desc())
    )
    assert [v.body[:6] for v in copy.versions] == ["Draft:", "Treat ", "Treat "]
    return copy


def test_an_imported_recommendation_keeps_its_drafts_hidden(app, client, world, tmp_path):
    from tests.conftest import page_as
    from tests.support.clients import bearer

    copy = _imported_copy(world, tmp_path)
    page = text(page_as(app, world.coordinator, f"/recommendations/{copy.id}/versions"))
    assert "Version 3" in page and "Version 2" in page
    assert "hepatology" not in page and "Version 1" not in page
    answer = client.get(
        f"/api/v1/recommendations/{copy.id}/versions", headers=bearer(world.coordinator)
    ).get_json()
    assert [v["version"] for v in answer["results"]] == [2, 3]
    assert "hepatology" not in str(answer)


def test_a_file_that_does_not_say_which_text_was_published_shows_only_the_current(
    app, client, world, tmp_path
):
    from tests.support.clients import bearer

    copy = _imported_copy(world, tmp_path, drop_published_version=True)
    answer = client.get(
        f"/api/v1/recommendations/{copy.id}/versions", headers=bearer(world.coordinator)
    ).get_json()
    assert [v["version"] for v in answer["results"]] == [3]
