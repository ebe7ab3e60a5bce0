"""The conflict checker: a recommendation that likely contradicts a current best practice is
flagged before publishing (never refused), and its author may mark it intentional."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import select

from app.audit.models import AuditEvent
from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices.conflicts import check_recommendation, contradicts, find_conflicts
from app.practices.groups import topic_analyzer
from app.practices.models import RecommendationDissent
from app.practices.operations import change_status, propose_practice, record_dissent
from app.programs.operations import find_topic, update_topic
from app.recommendations.models import RecommendationStatus
from tests.cases.test_views import as_user, text
from tests.support.builders import add_recommendation, build_world

PRACTICE_TITLE = "Check HBV serologies before every DAA start"
PRACTICE_STATEMENT = (
    "Before the first dose of any direct-acting antiviral, document HBsAg, anti-HBc and anti-HBs."
)
SKIP = "Skip HBsAg testing; start sofosbuvir/velpatasvir today."


@pytest.fixture
def world(worlds, make_user) -> SimpleNamespace:
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user) -> SimpleNamespace:
    w = build_world(make_user)
    # The demo vocabulary's Hepatitis B topic: "HBsAg" is one of its synonyms.
    update_topic(find_topic("Hepatitis B"), synonyms=["HBV", "anti-HBc", "HBsAg"], actor=SYSTEM)
    w.practice = propose_practice(
        PRACTICE_TITLE,
        PRACTICE_STATEMENT,
        topics=["Hepatitis B", "Hepatitis C"],
        author=w.expert,
        actor=w.expert,
    )
    change_status(
        w.practice, "emerging", reason="Seen in three sessions.", editor=w.expert, actor=SYSTEM
    )
    db.session.commit()
    return w


def test_skipping_hbsag_contradicts_checking_hbv_serologies(world):
    analyzer = topic_analyzer()  # the hub's vocabulary, as the checker reads it
    hit = contradicts(SKIP, PRACTICE_TITLE, PRACTICE_STATEMENT, analyzer)
    assert hit is not None
    assert "~topic-hepatitis-b" in hit.shared  # HBsAg meets HBV through the topic's synonyms
    assert "“Skip HBsAg testing” (don't)" in hit.explain()


@pytest.mark.parametrize(
    "body",
    [
        "Check HBsAg and anti-HBc before starting sofosbuvir/velpatasvir.",
        "Do not start DAAs until the HBV serologies are back.",
        "Stop the omeprazole during treatment.",
    ],
)
def test_agreeing_and_unrelated_advice_is_not_flagged(world, body):
    assert find_conflicts(body, [find_topic("Hepatitis C").id], world.hcv) == []


def test_only_current_practices_on_the_case_topics_are_compared(world):
    hepatitis_c = find_topic("Hepatitis C").id
    assert [c.practice for c in find_conflicts(SKIP, [hepatitis_c], world.hcv)] == [world.practice]
    # Another program's subject: no practice on its topics.
    assert find_conflicts(SKIP, [], world.hcv) == []
    change_status(world.practice, "retired", reason="Replaced.", editor=world.expert, actor=SYSTEM)
    db.session.commit()
    assert find_conflicts(SKIP, [hepatitis_c], world.hcv) == []


def test_a_recommendation_is_read_once_however_many_practices_it_is_compared_with(
    world, monkeypatch
):
    from app.practices import conflicts

    for n in range(3):
        practice = propose_practice(
            f"{PRACTICE_TITLE} ({n})",
            PRACTICE_STATEMENT,
            topics=["Hepatitis C"],
            author=world.expert,
            actor=world.expert,
        )
        change_status(practice, "emerging", reason="Seen.", editor=world.expert, actor=SYSTEM)
    db.session.commit()
    read: list[str] = []
    real = conflicts.claims

    def counted(text, analyzer):
        read.append(text)
        return real(text, analyzer)

    monkeypatch.setattr(conflicts, "claims", counted)
    assert len(find_conflicts(SKIP, [find_topic("Hepatitis C").id], world.hcv)) == 4
    assert read.count(SKIP) == 1


def test_one_recommendations_check_reads_only_the_practices_on_its_topics(world):
    from sqlalchemy import event

    from app.practices.models import BestPractice
    from app.programs.operations import create_topic

    create_topic("Naloxone distribution", actor=SYSTEM)
    elsewhere = propose_practice(
        "Offer naloxone kits at discharge",
        "Skip nothing: hand every patient on opioids a naloxone kit.",
        topics=["Naloxone distribution"],
        author=world.expert,
        actor=world.expert,
    )
    change_status(elsewhere, "emerging", reason="Seen.", editor=world.expert, actor=SYSTEM)
    db.session.commit()
    db.session.expire_all()
    read: list[int] = []

    def seen(target, *_):
        read.append(target.id)

    for name in ("load", "refresh"):  # read anew, or into an expired practice
        event.listen(BestPractice, name, seen)
    try:
        found = find_conflicts(SKIP, [find_topic("Hepatitis C").id], world.hcv)
    finally:
        for name in ("load", "refresh"):
            event.remove(BestPractice, name, seen)
    assert [c.practice for c in found] == [world.practice]
    # a hub's other practices (and their evidence) are not loaded for it
    assert world.practice.id in read and elsewhere.id not in read


def test_narrower_topic_reaches_a_practice_on_the_broader_one(world):
    from app.programs.operations import create_topic

    narrower = create_topic("DAA retreatment", parent=find_topic("Hepatitis C"), actor=SYSTEM)
    db.session.commit()
    assert [c.practice for c in find_conflicts(SKIP, [narrower.id], world.hcv)] == [world.practice]


def test_the_expert_is_warned_before_publishing_and_can_publish_anyway(client, world):
    as_user(client, world.expert)
    response = client.post(
        f"/cases/{world.case.id}/recommendations/new",
        data={"category": "diagnostic", "body": SKIP, "action": "publish"},
    )
    assert response.status_code == 303 and "#conflicts" in response.location
    rec = world.case.recommendations[-1]
    assert rec.status is RecommendationStatus.DRAFT  # saved, not yet published
    page = text(client.get(response.location))
    assert "may contradict a current best practice" in page
    assert PRACTICE_TITLE in page and "Emerging" in page
    assert 'name="conflicts_seen" value="yes"' in page
    # Publishing again from the warned form is never refused.
    response = client.post(
        f"/recommendations/{rec.id}/edit",
        data={
            "category": "diagnostic",
            "body": SKIP,
            "action": "publish",
            "conflicts_seen": "yes",
        },
    )
    assert response.status_code == 303 and "/cases/" in response.location
    db.session.refresh(rec)
    assert rec.status is RecommendationStatus.PUBLISHED


def test_a_recommendation_without_conflicts_publishes_at_once(client, world):
    as_user(client, world.expert)
    response = client.post(
        f"/cases/{world.case.id}/recommendations/new",
        data={
            "category": "diagnostic",
            "body": "Check HBsAg and anti-HBc before the DAA.",
            "action": "publish",
        },
    )
    assert response.status_code == 303 and "#conflicts" not in response.location
    assert world.case.recommendations[-1].status is RecommendationStatus.PUBLISHED


def test_marking_intentional_stores_the_reason_audited_without_text(client, world):
    rec = add_recommendation(world.case, world.expert, SKIP, published=False)
    db.session.commit()
    as_user(client, world.expert)
    reason = "Vaccinated with documented anti-HBs; the regimen cannot wait."
    response = client.post(
        f"/recommendations/{rec.id}/dissents",
        data={"practice_id": world.practice.id, "reason": reason},
    )
    assert response.status_code == 303
    dissent = db.session.scalar(select(RecommendationDissent))
    assert (dissent.reason, dissent.practice_id, dissent.expert_id) == (
        reason,
        world.practice.id,
        world.expert.id,
    )
    [event] = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "recommendation.dissent_recorded")
    )
    assert reason not in repr(event.details)
    [checked] = check_recommendation(rec)
    assert checked.dissent is dissent
    # Marked: publishing no longer stops at the warning.
    response = client.post(
        f"/recommendations/{rec.id}/edit",
        data={"category": "diagnostic", "body": SKIP, "action": "publish"},
    )
    assert "#conflicts" not in response.location


def test_a_reason_naming_a_patient_is_refused_and_shown_again(client, world):
    rec = add_recommendation(world.case, world.expert, SKIP, published=False)
    db.session.commit()
    as_user(client, world.expert)
    reason = "Mr. John Smith (MRN 4438821) refused the blood draw."
    response = client.post(
        f"/recommendations/{rec.id}/dissents",
        data={"practice_id": world.practice.id, "reason": reason},
    )
    assert response.status_code == 422
    page = text(response)
    assert "Possible identifiers" in page
    # The recommendation's own form still saves to its edit page, not to the dissent's.
    assert f'action="/recommendations/{rec.id}/edit"' in page
    assert db.session.scalar(select(RecommendationDissent)) is None


def test_only_the_author_may_mark_intentional(client, world, make_user):
    rec = add_recommendation(world.case, world.expert, SKIP)
    other = make_user("expert", email="other@example.org", programs=["hcv"])
    db.session.commit()
    as_user(client, other)
    response = client.post(
        f"/recommendations/{rec.id}/dissents",
        data={"practice_id": world.practice.id, "reason": "Not mine."},
    )
    assert response.status_code == 403
    with pytest.raises(Exception, match="author"):
        record_dissent(rec, world.practice, "Not mine.", actor=other)


def test_import_reports_conflicts_per_file_and_imports_all_the_same(world, tmp_path):
    from app.cases.transfer import ImportOptions, import_paths

    (tmp_path / "skip.md").write_text(
        "---\nref: hcv-skip\nprogram: hcv\ntitle: Genotype 3 HCV before treatment\n"
        "question: Which regimen?\ntopics: [Hepatitis C]\nfields: {genotype: '3'}\n"
        "recommendations:\n"
        f"  - author: {world.expert.email}\n    category: diagnostic\n    body: {SKIP}\n"
        f"  - author: {world.expert.email}\n    category: therapeutic\n"
        "    body: Treat for 12 weeks.\n---\nA case for the import.\n",
        encoding="utf-8",
    )
    [result] = import_paths([tmp_path], ImportOptions(), actor=SYSTEM)
    assert result.ok and result.created == 1
    [warning] = result.practice_warnings
    assert "skip.md (ref hcv-skip) recommendation" in warning
    assert f"best practice {world.practice.id} “{PRACTICE_TITLE}” (emerging)" in warning


def _api(client, user):
    from tests.api.test_api import Api

    return Api(client, user)


def test_api_answers_conflicts_and_records_the_dissent(client, world):
    api = _api(client, world.expert)
    body = {"body": SKIP, "category": "diagnostic", "publish": True}
    created = api.post(f"/cases/{world.case.id}/recommendations", json=body, expect=201)
    assert created["status"] == "published"  # never refused
    [conflict] = created["conflicts"]
    assert conflict["practice_id"] == world.practice.id
    assert (conflict["status"], conflict["intentional"]) == ("emerging", False)

    fine = {"body": "Check HBsAg first.", "category": "diagnostic"}
    assert api.post(f"/cases/{world.case.id}/recommendations", json=fine)["conflicts"] == []

    reason = "Documented immunity; treatment cannot wait."
    dissent = api.post(
        f"/recommendations/{created['id']}/dissents",
        json={"practice_id": world.practice.id, "reason": reason},
        expect=201,
    )
    assert (dissent["reason"], dissent["program"]) == (reason, "hcv")
    edited = api.patch(
        f"/recommendations/{created['id']}", json={"body": SKIP + " Recheck later."}, expect=200
    )
    assert edited["conflicts"][0]["intentional"] is True
    assert edited["conflicts"][0]["dissent_reason"] == reason
    practice = api.get(f"/practices/{world.practice.id}", expect=200)
    assert [d["reason"] for d in practice["dissents"]] == [reason]


def test_api_dissent_errors_say_why(client, world, make_user):
    rec = add_recommendation(world.case, world.expert, SKIP)
    db.session.commit()
    api = _api(client, world.expert)
    missing = api.post(
        f"/recommendations/{rec.id}/dissents",
        json={"practice_id": 99999, "reason": "x"},
        expect=404,
    )
    assert missing["message"] == "No best practice 99999."
    blank = api.post(
        f"/recommendations/{rec.id}/dissents",
        json={"practice_id": world.practice.id, "reason": "   "},
        expect=422,
    )
    assert "reason" in blank["errors"]
    other = _api(client, make_user("expert", email="x@example.org", programs=["hcv"]))
    other.post(
        f"/recommendations/{rec.id}/dissents",
        json={"practice_id": world.practice.id, "reason": "Not mine."},
        expect=403,
    )


def test_a_private_programs_dissent_shows_only_to_those_who_see_it(client, world, make_user):
    from app.cases.models import CaseStatus

    perinatal_expert = make_user("expert", email="hannah@example.org", programs=["perinatal-sud"])
    perinatal_coordinator = make_user(
        "coordinator", email="coord@example.org", programs=["perinatal-sud"]
    )
    hcv_coordinator = make_user("coordinator", email="hcvcoord@example.org", programs=["hcv"])
    world.private_case.status = CaseStatus.PRESENTED
    world.private_case.topics = [find_topic("Hepatitis C")]
    private_rec = add_recommendation(world.private_case, perinatal_expert, SKIP)
    draft = add_recommendation(world.private_case, perinatal_expert, SKIP, published=False)
    record_dissent(private_rec, world.practice, "Private reason.", actor=perinatal_expert)
    record_dissent(draft, world.practice, "Draft reason.", actor=perinatal_expert)
    db.session.commit()

    seen = {
        world.provider: set(),  # not a member of the private program
        world.expert: set(),
        world.member: {"Private reason."},  # a member: the published one, not the draft
        perinatal_expert: {"Private reason.", "Draft reason."},  # the author
        perinatal_coordinator: {"Private reason.", "Draft reason."},  # runs its desk
        hcv_coordinator: set(),
        world.admin: {"Private reason.", "Draft reason."},
    }
    for user, expected in seen.items():
        as_user(client, user)
        page = text(client.get(f"/practices/{world.practice.id}"))
        shown = {r for r in ("Private reason.", "Draft reason.") if r in page}
        assert shown == expected, user.email
        api = _api(client, user).get(f"/practices/{world.practice.id}", expect=200)
        assert {d["reason"] for d in api["dissents"]} == expected, user.email
    as_user(client, perinatal_coordinator)
    desk = text(client.get("/programs/perinatal-sud/desk"))
    assert "Private reason." in desk and "Draft reason." in desk and PRACTICE_TITLE in desk
    as_user(client, hcv_coordinator)
    assert "Private reason." not in text(client.get("/programs/hcv/desk"))
