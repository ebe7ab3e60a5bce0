"""Topic names are matched by Unicode case folding on both databases, and several processes
adding the same topics at once all get the same rows."""

from __future__ import annotations

from pathlib import Path

from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select, text

from app.auth.policy import SYSTEM
from app.cases.operations import CaseData, create_case
from app.common import text_key
from app.extensions import db
from app.programs.models import Topic
from app.programs.operations import create_program, find_program, find_topic, resolve_topics
from tests.conftest import make_app
from tests.support import children


def test_text_key_folds_case_width_and_spacing():
    assert text_key("Ärztliche  Übergabe") == text_key("ÄRZTLICHE ÜBERGABE") == "ärztliche übergabe"
    assert text_key("Straße") == text_key("STRASSE")
    assert text_key("ＨＣＶ") == "hcv"
    assert text_key("Ǆemal") == text_key("ǆemal")


def test_a_topic_with_a_non_ascii_capital_is_found_again_in_any_case(app):
    # (Two capitalised words of no list, as "Ärztliche Übergabe", read to the gate as a name:
    # docs/deid.md, round 23.)
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    first = create_case(
        program,
        CaseData(title="Handover 1", topics=["Médecine Générale"]),
        presenter=None,
        imported=True,
        actor=SYSTEM,
    )
    db.session.commit()
    for spelling in ("Médecine Générale", "MÉDECINE GÉNÉRALE", "médecine   générale"):
        case = create_case(
            program,
            CaseData(title=f"Handover {spelling}", topics=[spelling]),
            presenter=None,
            imported=True,
            actor=SYSTEM,
        )
        db.session.commit()
        assert [t.id for t in case.topics] == [first.topics[0].id]
    assert db.session.scalar(select(func.count(Topic.id))) == 1
    assert find_topic("MÉDECINE GÉNÉRALE").name == "Médecine Générale"
    # a synonym is matched the same way
    topic = find_topic("Médecine Générale")
    topic.synonyms = ["Médecine"]
    db.session.commit()
    assert find_topic("MÉDECINE") is topic


def test_programs_are_found_by_slug_whatever_the_case(app):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    assert find_program("HCV").slug == "hcv"
    assert find_program("ＨＣＶ").slug == "hcv"
    assert find_program("nope") is None


def _spawn(app, start_file: Path, names: list[str]) -> children.Child:
    return children.Child(
        "tests.programs.topic_worker",
        app.config["SQLALCHEMY_DATABASE_URI"],
        app.config["CASEBOOK_INDEX_DIR"],
        str(start_file),
        *names,
    )


def test_processes_adding_the_same_topics_at_once_share_them(app, tmp_path):
    """Four importers add the same new topics at the same moment: none fails on the unique
    constraint, and all get the same rows (on PostgreSQL with CASEBOOK_TEST_DATABASE_URL)."""
    resolve_topics(["Hepatitis C"])
    db.session.commit()
    db.session.remove()
    names = ["Hepatitis C", "Médecine Générale", "Chronic kidney disease", "Opioid tapering"]
    start = tmp_path / "go"
    workers = [
        _spawn(app, start, names if n % 2 else [name.upper() for name in names]) for n in range(4)
    ]
    start.touch()
    outputs = []
    for worker in workers:
        done = worker.finish(timeout=180)
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(done.stdout.split())
    assert all(ids == outputs[0] for ids in outputs), outputs
    assert len(set(outputs[0])) == len(names)
    assert db.session.scalar(select(func.count(Topic.id))) == len(names)


def test_migration_backfills_keys_and_merges_names_that_fold_together(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'm.sqlite3'}", tmp_path / "index")
    with app.app_context():
        upgrade(revision="0003_practice_endorsements")
        with db.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO topics (id, name, slug, synonyms, description) VALUES "
                    "(1, 'Ärztliche Übergabe', 'arztliche-ubergabe', '[]', ''),"
                    "(2, 'ärztliche übergabe', 'arztliche-ubergabe-2', '[]', ''),"
                    "(3, 'Hepatitis C', 'hepatitis-c', '[]', '')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO programs (id, slug, name, description, case_template, private,"
                    " created_at) VALUES (1, 'HCV', 'Hepatitis C ECHO', '', '{}', 0,"
                    " '2026-01-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO sessions (id, program_id, number, date, title, didactic_topic,"
                    " didactic_presenter, notes, created_at) VALUES (1, 1, 1, '2026-01-06',"
                    " 'S', '', '', '', '2026-01-01 00:00:00')"
                )
            )
            conn.execute(text("INSERT INTO session_topics VALUES (1, 2), (1, 3)"))
        upgrade()
        rows = db.session.execute(select(Topic.id, Topic.name_key).order_by(Topic.id)).all()
        assert rows == [(1, "ärztliche übergabe"), (3, "hepatitis c")]
        links = db.session.execute(text("SELECT topic_id FROM session_topics ORDER BY 1")).all()
        assert [r[0] for r in links] == [1, 3]
        assert find_program("hcv") is not None
        db.session.remove()
        downgrade(revision="0003_practice_endorsements")
        db.engine.dispose()
