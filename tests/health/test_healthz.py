"""GET /healthz answers a monitor: 200 when all is well, 503 otherwise; why, and the counts
behind it, to an admin (a session or an API token) only."""

from __future__ import annotations

import errno
import shutil

import pytest
import sqlalchemy as sa

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import create_program
from app.search import applier, apply_pending
from app.search.index import index_at, index_format
from tests.conftest import sign_in
from tests.support.builders import add_case


@pytest.fixture
def program(app):
    found = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    apply_pending()
    return found


@pytest.fixture
def admin(make_user) -> dict[str, str]:
    """An admin's API token, as a monitor would send it."""
    token = create_token(make_user("admin"), actor=SYSTEM)
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}


def test_a_healthy_instance_answers_200_with_its_details_to_an_admin(
    app, client, program, admin
) -> None:
    add_case(program, None, "Healthy heron with hepatitis C")
    db.session.commit()
    before = client.get("/healthz", headers=admin).get_json()
    assert before["outbox"]["pending"] == 1  # committed, not yet applied: still healthy
    apply_pending()
    response = client.get("/healthz", headers=admin)
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


def test_a_missing_index_makes_it_503(app, client, program, admin) -> None:
    add_case(program, None, "Missing magpie")
    db.session.commit()
    apply_pending()
    shutil.rmtree(app.config["CASEBOOK_INDEX_DIR"])
    response = client.get("/healthz", headers=admin)
    assert response.status_code == 503
    body = response.get_json()
    assert body["index"]["status"] == "missing" and body["index"]["ok"] is False
    assert "search index missing" in body["problems"]


def test_failed_changes_make_it_503_with_their_error_code(
    app, client, program, admin, monkeypatch
) -> None:
    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(applier, "write_keys", disk_full)
    add_case(program, None, "Failed falcon")
    db.session.commit()
    with pytest.raises(OSError):
        apply_pending()
    response = client.get("/healthz", headers=admin)
    assert response.status_code == 503
    body = response.get_json()
    assert body["outbox"]["failed"] == 1 and body["outbox"]["pending"] == 1
    assert body["outbox"]["errors"] == [{"error": "OSError (errno 28 ENOSPC)", "count": 1}]
    assert body["outbox"]["next_retry_seconds"] <= 2


def test_an_unreachable_database_makes_it_503(app, client, program, admin, monkeypatch) -> None:
    from app.health import operations

    nowhere = sa.create_engine("postgresql+psycopg://nobody@127.0.0.1:9/none")
    monkeypatch.setattr(operations, "reading_engine", lambda _engine: nowhere)
    response = client.get("/healthz", headers=admin)
    assert response.status_code == 503
    body = response.get_json()
    assert body["database"]["ok"] is False
    assert body["database"]["error"].startswith("OperationalError (psycopg.OperationalError")
    assert body["outbox"] is None and "database unreachable" in body["problems"]


def test_anyone_else_learns_the_status_alone_and_nothing_moves_with_a_private_draft(
    app, client, program, make_user
) -> None:
    """The pending count moved as a private program's member saved a draft: an outsider
    could watch it. Anonymous callers and non-admins get the status and its code only."""
    private = create_program("closed", "Closed ECHO", private=True, actor=SYSTEM)
    member = make_user("provider", programs=["closed"])
    provider = make_user("provider")
    token = create_token(provider, actor=SYSTEM)
    db.session.commit()
    anonymous = app.test_client()
    signed_in = app.test_client()
    sign_in(signed_in, provider)
    callers = (
        lambda: anonymous.get("/healthz"),
        lambda: signed_in.get("/healthz"),
        lambda: client.get("/healthz", headers={"Authorization": f"Bearer {token}"}),
        lambda: client.get("/healthz", headers={"Authorization": "Bearer not-a-token"}),
    )
    before = [ask() for ask in callers]
    add_case(private, member, "Closed draft")
    db.session.commit()
    after = [ask() for ask in callers]
    for response in (*before, *after):
        assert response.status_code == 200 and response.get_json() == {"status": "ok"}
        assert response.headers["Cache-Control"] == "no-store"

    shutil.rmtree(app.config["CASEBOOK_INDEX_DIR"])
    response = anonymous.get("/healthz")
    assert response.status_code == 503 and response.get_json() == {"status": "unhealthy"}


def test_a_signed_in_admin_reads_the_details(app, program, make_user) -> None:
    reader = app.test_client()
    sign_in(reader, make_user("admin"))
    body = reader.get("/healthz").get_json()
    assert body["status"] == "ok" and body["outbox"]["pending"] == 0
