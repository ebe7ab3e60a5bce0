"""The purge ledger's lines: read strictly, reported by number, keyed apart when asked."""

from __future__ import annotations

import hmac
import json

import pytest

from app.deid import ledger
from app.deid.purge import purge_text
from app.extensions import db
from tests.support.builders import add_case, build_world

MRN = "4471093"


@pytest.fixture
def purged(app, make_user):
    world = build_world(make_user)
    case = add_case(world.hcv, world.provider, question=f"MRN {MRN}: is 8 weeks enough?")
    db.session.commit()
    purge_text(case, MRN, reason="identifier", actor=make_user("admin"))
    return json.loads(ledger.ledger_path().read_text())


def _instance_digest(text: str) -> str:
    return ledger.digest(text, ledger._instance_key())


def test_lines_with_wrong_fields_or_types_are_reported_by_number(app, purged) -> None:
    bad = [
        "not json",
        json.dumps([purged]),
        json.dumps({**purged, "case_id": "1"}),
        json.dumps({**purged, "length": True}),
        json.dumps({**purged, "digest": "zz"}),
        json.dumps({**purged, "at": "yesterday"}),
        json.dumps({**purged, "places": "cases.question"}),
        json.dumps({k: v for k, v in purged.items() if k != "key_id"}),
    ]
    lines = [json.dumps(purged), *bad, "", json.dumps({**purged, "at": purged["at"] + "Z"})]
    ledger.ledger_path().write_text("\n".join(lines) + "\n")
    read = ledger.read()
    assert [number for number, _ in read.entries] == [1, 11]
    assert read.bad_lines == list(range(2, 10))
    assert read.entries[1][1].when == read.entries[0][1].when


def test_a_dedicated_key_makes_the_digest_when_set(app, make_user) -> None:
    world = build_world(make_user)
    case = add_case(world.hcv, world.provider, question=f"MRN {MRN}: is 8 weeks enough?")
    db.session.commit()
    app.config["CASEBOOK_PURGE_LEDGER_KEY"] = "d" * 64
    purge_text(case, MRN, reason="identifier", actor=make_user("admin"))
    (entry,) = ledger.entries()
    # Whoever holds the ledger and the instance's secret key cannot confirm a guess.
    assert not hmac.compare_digest(entry.digest, _instance_digest(MRN))
    assert ledger.find_text(iter([f"x {MRN}"]), entry) == MRN
    del app.config["CASEBOOK_PURGE_LEDGER_KEY"]
    assert ledger.find_text(iter([f"x {MRN}"]), entry) is None


def test_entries_made_under_the_instance_key_stay_readable(app, purged) -> None:
    assert purged["digest"] == _instance_digest(MRN)
    app.config["CASEBOOK_PURGE_LEDGER_KEY"] = "d" * 64
    (entry,) = ledger.entries()
    assert ledger.find_text(iter([f"x {MRN}"]), entry) == MRN


def test_a_short_dedicated_key_is_refused(monkeypatch, tmp_path) -> None:
    from app.config import from_environment

    monkeypatch.setenv("CASEBOOK_SECRET_KEY", "x" * 32)
    monkeypatch.setenv("CASEBOOK_PURGE_LEDGER_KEY", "short")
    with pytest.raises(ValueError, match="CASEBOOK_PURGE_LEDGER_KEY must be at least 32"):
        from_environment(tmp_path)
