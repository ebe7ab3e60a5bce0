"""The demo instance: the corpus in cases/ loads completely, twice, and every role can sign in.

The first load of each test is the process's demo snapshot (`demo_data`, tests/support/demo.py:
`prepare_demo` on an empty database, as here before); the tests run it again themselves."""

from __future__ import annotations

import shutil
from datetime import date

from sqlalchemy import func, select

from app.cases.models import Case
from app.demo import CORPUS_DIR, prepare_demo
from app.extensions import db
from app.practices.models import BestPractice
from app.programs.models import Program, Session
from app.recommendations.models import Outcome, Recommendation


def test_demo_corpus_loads_idempotently_and_each_role_signs_in(app, client, demo_data):
    lines: list[str] = []
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

    accounts = prepare_demo(echo=lines.append)
    assert {email: password for _, email, password in accounts} == demo_data
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


def test_the_demo_index_knows_the_demo_topics(demo_data):
    # The index is made before the catalog's topics exist; searches for their synonyms
    # find what was indexed before only once it is rebuilt with them.
    from app.search import apply_pending
    from app.search.upkeep import vocabulary_changed

    apply_pending()
    assert not vocabulary_changed()


def test_rerunning_the_demo_keeps_annotations_written_in_the_app(app, tmp_path, demo_data):
    """An expert adds three annotations to a demo case; the demo runs again with one
    recommendation changed in its file: the annotations stay, and the audit trail says
    what the import changed."""
    from app.audit.models import AuditEvent
    from app.auth.operations import get_user_by_email
    from app.recommendations.models import Annotation
    from app.recommendations.operations import annotate

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR, corpus)
    case = db.session.scalar(select(Case).where(Case.ref == "hcv-001"))
    recommendation = case.recommendations[0]
    expert = get_user_by_email("expert@demo.casebook.example")
    for body in ("Checked with the pharmacist.", "SVR12 confirmed.", "Shared at grand rounds."):
        annotate(recommendation, expert, "evidence", body, actor=expert)
    db.session.commit()
    annotation_count = db.session.scalar(select(func.count(Annotation.id)))
    mark = db.session.scalar(select(func.max(AuditEvent.id)))

    source = corpus / "hcv" / "hcv-001.md"
    text = source.read_text(encoding="utf-8")
    old = "He is a good candidate for treatment in primary care."
    assert old in text
    source.write_text(text.replace(old, old.replace("primary care", "his clinic")), "utf-8")
    lines: list[str] = []
    prepare_demo(corpus, echo=lines.append)

    assert any(" 0 created, 1 updated" in line for line in lines), lines
    db.session.expire_all()
    case = db.session.scalar(select(Case).where(Case.ref == "hcv-001"))
    bodies = [a.body for a in case.recommendations[0].annotations]
    assert bodies[-3:] == [
        "Checked with the pharmacist.",
        "SVR12 confirmed.",
        "Shared at grand rounds.",
    ]
    assert db.session.scalar(select(func.count(Annotation.id))) == annotation_count
    assert "his clinic" in case.recommendations[0].body
    trail = db.session.scalars(select(AuditEvent).where(AuditEvent.id > mark)).all()
    changes = [(e.action, e.entity_type, e.entity_id) for e in trail]
    assert ("recommendation.edited", "recommendations", case.recommendations[0].id) in changes
    assert ("case.imported", "cases", case.id) in changes
    assert not [a for a, _, _ in changes if "annotation" in a or "deleted" in a]


def test_a_fresh_demo_learns_its_topics_before_indexing_the_cases(app, tmp_path, monkeypatch):
    # A rebuild after the import indexed every case a second time.
    import app.demo as demo
    from app.search import apply_pending
    from app.search.upkeep import vocabulary_changed

    corpus = tmp_path / "corpus"
    (corpus / "hcv").mkdir(parents=True)
    shutil.copyfile(CORPUS_DIR / "catalog.yaml", corpus / "catalog.yaml")
    shutil.copyfile(CORPUS_DIR / "hcv" / "hcv-001.md", corpus / "hcv" / "hcv-001.md")
    cases_at_each_rebuild: list[int] = []
    rebuild = demo.reindex

    def counted(*args, **kwargs):
        cases_at_each_rebuild.append(db.session.scalar(select(func.count(Case.id))))
        return rebuild(*args, **kwargs)

    monkeypatch.setattr(demo, "reindex", counted)
    prepare_demo(corpus, echo=lambda line: None)

    assert cases_at_each_rebuild == [0]
    assert db.session.scalar(select(func.count(Case.id))) == 1
    apply_pending()
    assert not vocabulary_changed()
