"""A restore never brings purged text back: every purge recorded in the ledger since the
backup was taken is re-applied before the search index is rebuilt."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from app.audit.models import AuditEvent
from app.backup.operations import backup, restore
from app.cases.models import Case
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
        assert "Re-applied 1 of the 1 purges recorded since the backup" in output.output
        assert "still holds the text of 1 purges" in output.output
    assert path.read_text() == written  # the ledger outlives the restore, unchanged


def test_a_purge_made_before_the_backup_is_not_counted_again(app, make_user, tmp_path: Path):
    case, _ = _plant(make_user)
    purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    # Dated well before the backup: restoring skips it (the backup no longer holds the text).
    path = ledger.ledger_path()
    entry = json.loads(path.read_text())
    entry["at"] = "2020-01-01T00:00:00.000000"
    path.write_text(json.dumps(entry) + "\n")
    backup(tmp_path / "backup")
    with empty_instance(app, tmp_path):
        report = restore(tmp_path / "backup")
        assert report.purges is not None and report.purges.found
        assert (report.purges.since, report.purges.reapplied) == (0, 0)


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
