"""The demo instance: the corpus in cases/ loads completely, twice, and every role can sign in."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.cases.models import Case
from app.demo import prepare_demo
from app.extensions import db
from app.practices.models import BestPractice
from app.programs.models import Program, Session
from app.recommendations.models import Outcome, Recommendation


def test_demo_corpus_loads_idempotently_and_each_role_signs_in(app, client, tmp_path):
    lines: list[str] = []
    accounts = prepare_demo(echo=lines.append)
    count = lambda column: db.session.scalar(select(func.count(column)))  # noqa: E731
    first = [count(c) for c in (Case.id, Recommendation.id, Session.id, BestPractice.id)]
    assert count(Program.id) >= 4
    assert first[0] >= 40
    assert count(Case.follows_id) >= 4
    assert count(Outcome.id) >= 4
    assert first[2] >= 12
    dates = db.session.scalars(select(Session.date)).all()
    assert (max(dates) - min(dates)).days >= 365
    assert first[3] >= 2
    assert db.session.scalar(select(func.count()).select_from(Program).where(Program.private))

    again = prepare_demo(echo=lines.append)
    assert again == accounts
    assert [count(c) for c in (Case.id, Recommendation.id, Session.id, BestPractice.id)] == first
    assert any("0 created, 0 updated" in line for line in lines)

    roles = {role for role, _, _ in accounts}
    assert roles == {"provider", "expert", "coordinator", "curriculum", "admin"}
    for _, email, password in accounts:
        response = client.post("/sign-in", data={"email": email, "password": password})
        assert response.status_code == 302, email
        assert client.get("/").status_code == 200
        client.post("/sign-out")
    assert all(s.date <= date(2026, 12, 31) for s in db.session.scalars(select(Session)))
