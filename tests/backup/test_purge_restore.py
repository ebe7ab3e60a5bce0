"""A restore never brings purged text back: every purge recorded in the ledger is re-applied
before the search index is rebuilt."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.backup.operations import backup, restore
from app.cases.models import Case, CasePresentation
from app.deid import ledger
from app.deid.purge import REDACTED, purge_text
from app.extensions import db
from app.recommendations.models import Recommendation
from tests.backup.support import empty_instance
from tests.deid.test_purge import SECRET, _database_files_holding, _files_holding, _rows_holding
from tests.support.builders import add_case, add_recommendation, build_world


def _plant(make_user) -> tuple[Case, object]:
    world = build_world(make_user)
    case = add_case(
        world.hcv,
        world.provider,
        title="Woman with genotype 3 HCV",
        question=f"Referred by {SECRET}: is 8 weeks enough?",
        fields={"note": f"chart {SECRET}"},
    )
    add_recommendation(case, world.expert, body=f"Ask {SECRET} for the labs.")
    db.session.commit()
    return case, world


def test_a_restore_reapplies_the_purges_made_since_the_backup(app, make_user, tmp_path: Path):
    case, _ = _plant(make_user)
    case_id = case.id
    backup(tmp_path / "backup")
    admin = make_user("admin")
    purge_text(case, SECRET, reason="identifier", actor=admin)
    path = ledger.ledger_path()
    written = path.read_text()
    assert SECRET not in written and SECRET.split("-")[0] not in written
    assert json.loads(written)["case_id"] == case_id

    with empty_instance(app, tmp_path) as target:
        assert ledger.ledger_path() == path  # the same instance folder, a new database
        output = target.test_cli_runner().invoke(args=["restore", str(tmp_path / "backup")])
        assert output.exit_code == 0, output.output

        restored = db.session.get(Case, case_id)
        assert restored is not None
        assert restored.question == f"Referred by {REDACTED}: is 8 weeks enough?"
        assert restored.fields == {"note": f"chart {REDACTED}"}
        body = db.session.scalar(select(Recommendation.body).where(Recommendation.case == restored))
        assert body == f"Ask {REDACTED} for the labs."
        event = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "text.purge_reapplied")
        ).one()
        assert event.entity_id == case_id and SECRET not in str(event.details)
        assert _files_holding(Path(target.config["CASEBOOK_INDEX_DIR"]), SECRET) == []
        if db.engine.dialect.name == "sqlite":
            db.session.remove()
            assert _database_files_holding(target, SECRET) == []
        else:
            assert _rows_holding(SECRET) == []
        assert "Re-applied 1 of 1 ledger entries" in output.output
        assert "0 found nothing to remove" in output.output
        assert "still holds the text of 1 purge:" in output.output
    assert path.read_text() == written  # the ledger outlives the restore, unchanged


def test_a_purge_made_before_the_backup_finds_nothing_to_remove(app, make_user, tmp_path: Path):
    case, _ = _plant(make_user)
    purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    backup(tmp_path / "backup")
    with empty_instance(app, tmp_path) as target:
        output = target.test_cli_runner().invoke(args=["restore", str(tmp_path / "backup")])
        assert output.exit_code == 0, output.output
        assert "Re-applied 0 of 1 ledger entries (0 occurrences); 1 found nothing" in output.output
        assert "still holds the text" not in output.output
        assert not db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "text.purge_reapplied")
        ).all()


def test_a_restore_without_a_ledger_says_the_backup_may_hold_purged_text(
    app, make_user, tmp_path: Path
):
    _plant(make_user)
    backup(tmp_path / "backup")
    assert not ledger.ledger_path().exists()
    with empty_instance(app, tmp_path) as target:
        output = target.test_cli_runner().invoke(args=["restore", str(tmp_path / "backup")])
        assert output.exit_code == 0, output.output
        assert "No purge ledger at" in output.output
        assert "a backup taken before a purge still holds the purged text" in output.output


def test_a_purge_that_only_notifications_held_is_reapplied_too(app, make_user, tmp_path: Path):
    from app.notifications.models import Notification

    case, world = _plant(make_user)
    db.session.add(
        Notification(user_id=world.provider.id, kind="recommendations", message="Out for Zarquell")
    )
    db.session.commit()
    backup(tmp_path / "backup")
    purge_text(case, "Zarquell", reason="identifier", actor=make_user("admin"))
    with empty_instance(app, tmp_path):
        report = restore(tmp_path / "backup")
        assert report.purges is not None and report.purges.reapplied == 1
        assert db.session.scalars(select(Notification.message)).all() == [f"Out for {REDACTED}"]


def test_a_purge_made_while_the_backup_runs_is_reapplied(
    app, make_user, tmp_path: Path, monkeypatch
):
    """The snapshot holds the text, the purge is dated before the backup finished: restoring
    must still re-apply it."""
    from datetime import timedelta

    from app.backup import operations as backup_ops

    case, _ = _plant(make_user)
    case_id = case.id
    admin = make_user("admin")
    name = "_backup_sqlite" if db.engine.dialect.name == "sqlite" else "_backup_postgresql"
    snapshot = getattr(backup_ops, name)
    now = backup_ops.utcnow

    def snapshot_then_purge(*args):
        taken = snapshot(*args)  # holds SECRET
        purge_text(db.session.get(Case, case_id), SECRET, reason="identifier", actor=admin)
        # The rest of a long dump: the clock moves on before the backup is finished.
        monkeypatch.setattr(backup_ops, "utcnow", lambda: now() + timedelta(minutes=5))
        return taken

    monkeypatch.setattr(backup_ops, name, snapshot_then_purge)
    backup(tmp_path / "backup")
    with empty_instance(app, tmp_path):
        report = restore(tmp_path / "backup")
        assert report.purges is not None and report.purges.reapplied == 1
        restored = db.session.get(Case, case_id)
        assert restored is not None
        assert restored.question == f"Referred by {REDACTED}: is 8 weeks enough?"


def test_a_damaged_ledger_line_is_skipped_and_the_restore_finishes(app, make_user, tmp_path: Path):
    case, _ = _plant(make_user)
    case_id = case.id
    backup(tmp_path / "backup")
    purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    path = ledger.ledger_path()
    good = path.read_text()
    aware = json.loads(good)
    aware["at"] += "+00:00"  # an aware time is still a time: applied
    wrong = json.loads(good)
    wrong["case_id"] = str(case_id)  # a number as a string: refused
    path.write_text(json.dumps(aware) + "\n" + json.dumps(wrong) + "\n{not json\n" + good + "\n")
    with empty_instance(app, tmp_path) as target:
        output = target.test_cli_runner().invoke(args=["restore", str(tmp_path / "backup")])
        assert output.exit_code == 1, output.output
        assert "Lines 2 and 3 of the purge ledger" in output.output
        assert "Re-applied 1 of 2 ledger entries" in output.output
        assert wrong["digest"] not in output.output  # the line's content is never shown
        assert "Search index rebuilt" in output.output
        restored = db.session.get(Case, case_id)
        assert restored is not None and SECRET not in restored.question
        from app.search.verification import verify

        assert verify().ok


def test_a_restore_with_an_entry_under_an_unknown_key_exits_non_zero(
    app, make_user, tmp_path: Path
):
    case, _ = _plant(make_user)
    backup(tmp_path / "backup")
    purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    with empty_instance(app, tmp_path) as target:
        target.config["SECRET_KEY"] = "another-secret"
        output = target.test_cli_runner().invoke(args=["restore", str(tmp_path / "backup")])
        assert output.exit_code == 1, output.output
        assert "1 purges were recorded under a key this instance does not hold" in output.output
        assert "Search index rebuilt" in output.output


def test_a_dedicated_ledger_key_is_needed_to_reapply_its_entries(app, make_user, tmp_path: Path):
    case, _ = _plant(make_user)
    case_id = case.id
    admin = make_user("admin")
    # An entry made under the key derived from the secret key, before the setting existed.
    purge_text(case, "genotype 3", reason="other", actor=admin)
    backup(tmp_path / "backup")
    key = "k" * 40
    app.config["CASEBOOK_PURGE_LEDGER_KEY"] = key
    purge_text(case, SECRET, reason="identifier", actor=admin)
    old, new = ledger.entries()
    assert old.key_id != new.key_id
    with empty_instance(app, tmp_path) as target:
        report = restore(tmp_path / "backup")  # without the key
        assert report.purges is not None and report.purges.unmatched_key == 1
        assert SECRET in db.session.get(Case, case_id).question
    with empty_instance(app, tmp_path, name="again") as target:
        target.config["CASEBOOK_PURGE_LEDGER_KEY"] = key
        report = restore(tmp_path / "backup")
        assert report.purges is not None
        assert (report.purges.entries, report.purges.reapplied) == (2, 1)
        assert (report.purges.nothing_found, report.purges.unmatched_key) == (1, 0)
        assert SECRET not in db.session.get(Case, case_id).question


def test_several_purges_of_one_case_are_all_reapplied(app, make_user, tmp_path: Path):
    case, _ = _plant(make_user)
    case_id = case.id
    admin = make_user("admin")
    backup(tmp_path / "backup")
    purge_text(case, "genotype 3", reason="other", actor=admin)
    purge_text(case, SECRET, reason="identifier", actor=admin)
    purge_text(case, "8 weeks", reason="other", actor=admin)
    with empty_instance(app, tmp_path):
        report = restore(tmp_path / "backup")
        assert report.purges is not None
        assert (report.purges.entries, report.purges.reapplied) == (3, 3)
        restored = db.session.get(Case, case_id)
        assert restored is not None
        assert restored.title == f"Woman with {REDACTED} HCV"
        assert restored.question == f"Referred by {REDACTED}: is {REDACTED} enough?"


def test_a_restore_reapplies_a_purge_to_session_notes_and_practices_drawn_from_the_case(
    app, make_user, tmp_path: Path
):
    from app.practices.models import (
        BestPractice,
        BestPracticeVersion,
        EvidenceLink,
        PracticeStatus,
    )

    case, world = _plant(make_user)
    case.presentations.append(CasePresentation(session=world.first, presented=True))
    recommendation = case.recommendations[0]
    practice = BestPractice(title=f"Ask {SECRET}", statement=f"As {SECRET} said.")
    practice.versions.append(
        BestPracticeVersion(
            version=1,
            title=f"Ask {SECRET}",
            statement="Older.",
            status=PracticeStatus.PROPOSED,
            reason=f"From {SECRET}.",
        )
    )
    db.session.add(practice)
    db.session.flush()
    practice_id = practice.id
    db.session.add_all(
        [
            EvidenceLink(practice=practice, recommendation=recommendation),
            EvidenceLink(practice=practice, session=world.first, note=f"{SECRET} here."),
        ]
    )
    db.session.commit()
    backup(tmp_path / "backup")
    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert {"best_practice_versions.reason", "evidence_links.note"} <= set(result.places)

    with empty_instance(app, tmp_path) as target:
        report = restore(tmp_path / "backup")
        assert report.purges is not None and report.purges.reapplied == 1
        restored = db.session.get(BestPractice, practice_id)
        assert restored is not None
        assert (restored.title, restored.statement) == (f"Ask {REDACTED}", f"As {REDACTED} said.")
        assert (restored.versions[0].title, restored.versions[0].reason) == (
            f"Ask {REDACTED}",
            f"From {REDACTED}.",
        )
        notes = db.session.scalars(select(EvidenceLink.note).where(EvidenceLink.note != ""))
        assert list(notes) == [f"{REDACTED} here."]
        assert _files_holding(Path(target.config["CASEBOOK_INDEX_DIR"]), SECRET) == []
        if db.engine.dialect.name != "sqlite":
            assert _rows_holding(SECRET) == []


def test_a_proposed_topic_a_reapplied_purge_renames_has_it_in_its_own_trail(
    app, make_user, tmp_path: Path
):
    """Restored from before the purge, the topic typed into the case is renamed again: its
    trail says so (fields and reason, never the text), as the purge's own did."""
    from app.audit.operations import trail
    from app.common import slugify
    from app.programs.models import Topic, TopicStatus

    case, _ = _plant(make_user)
    topic = Topic(name=f"{SECRET} clinic", slug=slugify(f"{SECRET} clinic"))
    topic.status = TopicStatus.PROPOSED
    case.topics = [topic]
    db.session.commit()
    topic_id = topic.id
    backup(tmp_path / "backup")
    purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    with empty_instance(app, tmp_path):
        report = restore(tmp_path / "backup")
        assert report.purges is not None and report.purges.reapplied == 1
        assert SECRET not in db.session.get(Topic, topic_id).name
        events = [(e.action, e.details) for e in trail("topics", topic_id)]
        assert [action for action, _ in events] == ["topic.text_purge_reapplied"]
        assert events[0][1]["fields"] == "name,slug" and events[0][1]["reason"] == "identifier"
        assert SECRET not in str(events) and slugify(SECRET) not in str(events)
