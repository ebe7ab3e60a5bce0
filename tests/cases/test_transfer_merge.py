"""Re-import merges: it updates what came from the file, adds what is new, and never
removes or overwrites what was written in the app."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.cases.transfer import ImportOptions, import_paths
from app.extensions import db
from app.recommendations.models import Annotation, Outcome, Recommendation
from app.recommendations.operations import annotate, edit_recommendation, record_outcome
from tests.cases import test_transfer
from tests.cases.test_transfer import record, write_jsonl

program = test_transfer.program  # the fixture: an HCV program, a provider and two experts


def the_case(ref: str = "hcv-1") -> Case:
    db.session.expire_all()
    return db.session.scalar(select(Case).where(Case.ref == ref))


def expert(email: str = "hub2@example.org"):
    from app.auth.operations import get_user_by_email

    return get_user_by_email(email)


def events_after(last_id: int) -> list[AuditEvent]:
    return list(
        db.session.scalars(
            select(AuditEvent).where(AuditEvent.id > last_id).order_by(AuditEvent.id)
        )
    )


def last_event_id() -> int:
    return db.session.scalar(select(func.max(AuditEvent.id))) or 0


def test_items_get_keys_derived_from_the_ref_and_app_items_get_random_ones(program, tmp_path):
    [result] = import_paths([write_jsonl(tmp_path / "a.jsonl", [record()])], actor=SYSTEM)
    assert result.ok, result.problems
    [rec] = the_case().recommendations
    assert rec.key == "hcv-1/r1"
    assert [a.key for a in rec.annotations] == ["hcv-1/r1/a1"]
    note = annotate(rec, expert(), "evidence", "See the 2023 guidance.", actor=SYSTEM)
    db.session.commit()
    assert len(note.key) == 32 and note.import_hash is None


def test_annotations_written_in_the_app_survive_a_reimport(program, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [record()])
    import_paths([path], actor=SYSTEM)
    rec = the_case().recommendations[0]
    for body in ("First note.", "Second note.", "Third note."):
        annotate(rec, expert("hub@example.org"), "evidence", body, actor=expert("hub@example.org"))
    db.session.commit()
    written = [a.created_at for a in the_case().recommendations[0].annotations[1:]]

    [again] = import_paths([path], actor=SYSTEM)
    assert again.ok and (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert again.conflicts == [] and again.changes == []
    annotations = the_case().recommendations[0].annotations
    assert [a.body for a in annotations] == ["Agree.", "First note.", "Second note.", "Third note."]
    assert [a.created_at for a in annotations[1:]] == written  # not dated back to the session


def test_reimport_updates_file_items_adds_new_keys_and_removes_nothing(program, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [record()])
    import_paths([path], actor=SYSTEM)
    changed = record()
    changed["recommendations"][0]["body"] = "Sofosbuvir/velpatasvir/voxilaprevir for 12 weeks."
    changed["recommendations"][0]["annotations"] = []  # gone from the file: stays in the app
    changed["recommendations"].append(
        {"author": "hub2@example.org", "category": "monitoring", "body": "SVR12 at week 24."}
    )
    mark = last_event_id()
    [result] = import_paths([write_jsonl(path, [changed])], actor=SYSTEM)
    assert result.ok and result.updated == 1, result.problems
    assert result.changes == [
        "hcv-1 recommendation hcv-1/r1: updated",
        "hcv-1 recommendation hcv-1/r2: created",
    ]
    first, second = the_case().recommendations
    assert first.body.endswith("voxilaprevir for 12 weeks.") and first.version == 2
    assert [a.body for a in first.annotations] == ["Agree."]
    assert second.key == "hcv-1/r2"
    actions = [e.action for e in events_after(mark)]
    assert "recommendation.edited" in actions and "recommendation.created" in actions
    assert actions[-1] == "case.imported"


def test_an_item_edited_in_the_app_is_a_conflict_kept_unless_overwrite(program, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [record()])
    import_paths([path], actor=SYSTEM)
    rec = the_case().recommendations[0]
    author = expert("hub@example.org")
    edit_recommendation(
        rec,
        body="Edited in the app.",
        category="therapeutic",
        references=[],
        editor=author,
        actor=SYSTEM,
    )
    db.session.commit()

    # The file did not change this item since its import: the app's edit simply stays.
    [same] = import_paths([path], actor=SYSTEM)
    assert same.ok and same.conflicts == [] and same.unchanged == 1
    assert the_case().recommendations[0].body == "Edited in the app."

    # The file changed it too: a conflict, reported and kept as the app has it.
    changed = record()
    changed["recommendations"][0]["body"] = "Changed in the file."
    write_jsonl(path, [changed])
    mark = last_event_id()
    [result] = import_paths([path], actor=SYSTEM)
    assert result.ok and len(result.conflicts) == 1
    assert "recommendation hcv-1/r1: edited in the app" in result.conflicts[0]
    assert the_case().recommendations[0].body == "Edited in the app."
    assert [e.action for e in events_after(mark)] == ["import.conflict_kept", "case.imported"]

    [forced] = import_paths([path], ImportOptions(overwrite=True), actor=SYSTEM)
    assert forced.ok and forced.updated == 1 and forced.conflicts == []
    rec = the_case().recommendations[0]
    assert rec.body == "Changed in the file."
    assert [v.body for v in rec.versions][-2] == "Edited in the app."  # history keeps it
    [after] = import_paths([path], actor=SYSTEM)
    assert after.unchanged == 1 and after.conflicts == []


def test_dry_run_reports_what_would_change_and_writes_nothing(program, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [record()])
    mark = last_event_id()
    [dry] = import_paths([path], ImportOptions(dry_run=True), actor=SYSTEM)
    assert dry.ok and dry.created == 1
    assert "hcv-1 recommendation hcv-1/r1: created" in dry.changes
    assert db.session.scalar(select(func.count(Case.id))) == 0
    assert events_after(mark) == []

    import_paths([path], actor=SYSTEM)
    rec = the_case().recommendations[0]
    edit_recommendation(
        rec,
        body="Edited in the app.",
        category="therapeutic",
        references=[],
        editor=None,
        actor=SYSTEM,
    )
    db.session.commit()
    changed = record(title="Changed title in the file")
    changed["recommendations"][0]["body"] = "Changed in the file."
    before = db.session.scalar(select(func.count(AuditEvent.id)))
    [dry] = import_paths([write_jsonl(path, [changed])], ImportOptions(dry_run=True), actor=SYSTEM)
    assert dry.ok and dry.updated == 1 and len(dry.conflicts) == 1
    assert the_case().title != "Changed title in the file"
    assert db.session.scalar(select(func.count(AuditEvent.id))) == before


def test_a_reimported_outcome_edited_in_the_app_is_kept(program, tmp_path):
    follow = record(
        "hcv-2",
        title="Follow-up: SVR12 reached",
        follows="hcv-1",
        status="closed",
        recommendations=[],
        outcomes=[{"recommendation": 1, "adoption": "adopted", "patient_status": "improved"}],
    )
    path = write_jsonl(tmp_path / "a.jsonl", [record(), follow])
    [result] = import_paths([path], actor=SYSTEM)
    assert result.ok, result.problems
    [outcome] = the_case("hcv-2").outcomes
    assert outcome.key == "hcv-2/o/hcv-1/r1"
    record_outcome(the_case("hcv-2"), outcome.recommendation, "partly", "unchanged", actor=SYSTEM)
    db.session.commit()
    follow["outcomes"][0]["note"] = "SVR12."
    [again] = import_paths([write_jsonl(path, [record(), follow])], actor=SYSTEM)
    assert again.ok and len(again.conflicts) == 1
    [outcome] = the_case("hcv-2").outcomes
    assert (str(outcome.adoption), outcome.note) == ("partly", "")
    assert db.session.scalar(select(func.count(Outcome.id))) == 1


def test_a_key_of_another_case_is_refused(program, tmp_path):
    import_paths([write_jsonl(tmp_path / "a.jsonl", [record()])], actor=SYSTEM)
    other = record("hcv-3")
    other["recommendations"][0]["key"] = "hcv-1/r1"
    [result] = import_paths([write_jsonl(tmp_path / "b.jsonl", [other])], actor=SYSTEM)
    assert not result.ok
    assert any("recommendations[1].key" in p for p in result.problems)
    bad = record("hcv-4")
    bad["recommendations"][0]["key"] = "no spaces allowed"
    [result] = import_paths([write_jsonl(tmp_path / "c.jsonl", [bad])], actor=SYSTEM)
    assert any("recommendations[1].key" in p for p in result.problems)
    assert db.session.scalar(select(func.count(Recommendation.id))) == 1


def test_the_audit_trail_of_a_merge_holds_no_patient_text(program, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [record()])
    import_paths([path], actor=SYSTEM)
    edit_recommendation(
        the_case().recommendations[0],
        body="Edited in the app.",
        category="therapeutic",
        references=[],
        editor=None,
        actor=SYSTEM,
    )
    db.session.commit()
    changed = record()
    changed["recommendations"][0]["body"] = "Changed in the file."
    changed["recommendations"][0]["annotations"].append(
        {"author": "hub@example.org", "kind": "dissent", "body": "Unusual words here."}
    )
    import_paths([write_jsonl(path, [changed])], actor=SYSTEM)
    trail = json.dumps([e.details for e in db.session.scalars(select(AuditEvent))])
    for text in ("Changed in the file", "Unusual words", "Edited in the app", "sofosbuvir"):
        assert text.lower() not in trail.lower()
    assert db.session.scalar(select(func.count(Annotation.id))) == 2


def test_a_case_edited_in_the_app_keeps_its_edit(program, tmp_path):
    from app.cases.models import CaseStatus
    from app.cases.operations import content_of, set_status, update_case

    path = write_jsonl(tmp_path / "a.jsonl", [record()])
    import_paths([path], actor=SYSTEM)
    case = the_case()
    data = content_of(case)
    data.title = "Retitled in the app"
    update_case(case, data, actor=SYSTEM)
    set_status(case, CaseStatus.CLOSED, enforce=False, actor=SYSTEM)
    db.session.commit()

    [same] = import_paths([path], actor=SYSTEM)  # the file did not change: the app's edits stay
    assert same.ok and same.unchanged == 1 and same.conflicts == []
    assert (the_case().title, the_case().status) == ("Retitled in the app", CaseStatus.CLOSED)

    write_jsonl(path, [record(title="Retitled in the file")])
    [result] = import_paths([path], actor=SYSTEM)
    assert result.ok and result.unchanged == 1
    assert [c.split(" case ")[1].split(":")[0] for c in result.conflicts] == ["hcv-1"]
    assert the_case().title == "Retitled in the app"
    [forced] = import_paths([path], ImportOptions(overwrite=True), actor=SYSTEM)
    assert forced.updated == 1 and the_case().title == "Retitled in the file"


@pytest.mark.parametrize(
    "begin",
    [
        "deferred",
        pytest.param("immediate", marks=pytest.mark.app_config(CASEBOOK_SQLITE_BEGIN="immediate")),
    ],
)
def test_a_dry_run_sees_what_earlier_files_would_create(program, tmp_path, begin):
    follow = record("hcv-2", title="Follow-up", follows="hcv-1", status="closed")
    write_jsonl(tmp_path / "a.jsonl", [follow])
    write_jsonl(tmp_path / "b.jsonl", [record()])
    results = import_paths([tmp_path], ImportOptions(dry_run=True), actor=SYSTEM)
    assert [(r.ok, r.created) for r in results] == [(True, 1), (True, 1)], [
        r.problems for r in results
    ]
    assert db.session.scalar(select(func.count(Case.id))) == 0
    assert db.session.scalar(select(func.count(Recommendation.id))) == 0
