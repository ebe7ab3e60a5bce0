"""The outdated-advice queue travels with the hub export (user data), per practice."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.auth.policy import SYSTEM
from app.backup.hub import export_hub
from app.extensions import db
from app.outdated.models import OutdatedAdvice, ReviewState
from app.outdated.operations import resolve_outdated
from tests.backup.test_hub import _import_one, _write_lines
from tests.outdated.conftest import supersede


def test_items_are_exported_with_their_practice_and_imported_back(hub, tmp_path):
    hub.case.ref = "hcv-outdated"
    supersede(hub)
    item = db.session.scalars(
        select(OutdatedAdvice).where(OutdatedAdvice.recommendation_id == hub.rec.id)
    ).one()
    resolve_outdated(item, "updated", note="Add HBV DNA.", actor=hub.expert)
    db.session.commit()
    out = tmp_path / "hub"
    export_hub(out, actor=SYSTEM)
    path = out / "practices.jsonl"
    lines = path.read_text("utf-8").splitlines()
    raw = next(json.loads(line) for line in lines if hub.practice.title in line)
    exported = {o["item"]: o for o in raw["outdated"]}
    mine = exported[hub.rec.key]
    assert (mine["case"], mine["because"], mine["state"]) == ("hcv-outdated", "cites", "updated")
    assert mine["annotation"] == item.annotation.key and mine["resolved_by"] == hub.expert.email
    assert exported[hub.follows_it.key]["state"] == "open"
    annotation_id = item.annotation_id
    # Equal: nothing changes. Gone from the instance: added back as the file has it.
    assert _import_one(out, "practices").changes == []
    db.session.execute(OutdatedAdvice.__table__.delete())
    db.session.commit()
    result = _import_one(out, "practices")
    assert f"practice {hub.practice.title}: updated" in result.changes
    back = db.session.scalars(
        select(OutdatedAdvice).where(OutdatedAdvice.recommendation_id == hub.rec.id)
    ).one()
    assert back.state is ReviewState.UPDATED and back.annotation_id == annotation_id
    assert back.resolved_by_id == hub.expert.id and back.replacement_id == hub.successor.id
    # A resolution that differs from the instance's is a conflict, kept.
    raw["outdated"] = [dict(mine, state="no_longer_applies")]
    _write_lines(path, [json.dumps(raw) if hub.practice.title in line else line for line in lines])
    result = _import_one(out, "practices")
    assert any("outdated advice" in c and "differs" in c for c in result.conflicts)
    db.session.refresh(back)
    assert back.state is ReviewState.UPDATED
    # A malformed annotation key (not text, or another recommendation's) is named, not a 500.
    db.session.execute(OutdatedAdvice.__table__.delete())
    db.session.commit()
    for bad in ({"key": 1}, ["x"], "no-such-annotation"):
        raw["outdated"] = [dict(mine, annotation=bad)]
        _write_lines(
            path, [json.dumps(raw) if hub.practice.title in line else line for line in lines]
        )
        result = _import_one(out, "practices")
        assert any("annotation" in p for p in result.problems), result.problems
