"""GET /healthz answers a monitor without a sign-in: 200 when all is well, 503 with why."""

from __future__ import annotations

import errno
import shutil

import pytest
import sqlalchemy as sa

from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import create_program
from app.search import applier, apply_pending
from app.search.index import index_at, index_format
from tests.support.builders import add_case


@pytest.fixture
def program(app):
    found = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    apply_pending()
    return found


def test_a_healthy_instance_answers_200_without_a_sign_in(app, client, program) -> None:
    add_case(program, None, "Healthy heron with hepatitis C")
    db.session.commit()
    before = client.get("/healthz").get_json()
    assert before["outbox"]["pending"] == 1  # committed, not yet applied: still healthy
    apply_pending()
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok" and body["problems"] == []
    assert body["database"]["ok"] is True
    idx = index_at(app.config["CASEBOOK_INDEX_DIR"])
    assert body["index"]["generation"] == idx.current_generation()
    assert body["index"]["format"] == body["index"]["expected_format"] == index_format()
    assert body["outbox"]["pending"] == 0 and body["outbox"]["failed"] == 0
    assert "heron" not in response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"


def test_a_missing_index_makes_it_503(app, client, program) -> None:
    add_case(program, None, "Missing magpie")
    db.session.commit()
    apply_pending()
    shutil.rmtree(app.config["CASEBOOK_INDEX_DIR"])
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["index"]["status"] == "missing" and body["index"]["ok"] is False
    assert "search index missing" in body["problems"]


def test_failed_changes_make_it_503_with_their_error_code(
    app, client, program, monkeypatch
) -> None:
    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(applier, "write_keys", disk_full)
    add_case(program, None, "Failed falcon")
    db.session.commit()
    with pytest.raises(OSError):
        apply_pending()
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["outbox"]["failed"] == 1 and body["outbox"]["pending"] == 1
    assert body["outbox"]["errors"] == [{"error": "OSError (errno 28 ENOSPC)", "count": 1}]
    assert body["outbox"]["next_retry_seconds"] <= 2


def test_an_unreachable_database_makes_it_503(app, client, program, monkeypatch) -> None:
    from app.health import operations

    nowhere = sa.create_engine("postgresql+psycopg://nobody@127.0.0.1:9/none")
    monkeypatch.setattr(operations, "reading_engine", lambda _engine: nowhere)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["database"]["ok"] is False
    assert body["database"]["error"].startswith("OperationalError (psycopg.OperationalError")
    assert body["outbox"] is None and "database unreachable" in body["problems"]
