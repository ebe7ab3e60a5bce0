"""What `casebook import` scans for identifiers: each new topic name once per import,
however many files name it; a topic already in the vocabulary not at all (the gate does not
check it: it passed when it was added)."""

from __future__ import annotations

import json
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, select

import app.deid.gate as gate
from app.cases import transfer
from app.cases.models import Case
from app.extensions import db
from app.notifications.models import Notification
from app.programs.models import Topic
from app.programs.operations import add_topics
from app.subscriptions.models import Subscription

RECORDS_PER_FILE = 30  # two files: 60 records, enough for worker processes with --jobs 2
NEW = ["Renal artery stenosis", "Fibromuscular  dysplasia"]  # the second respaced on import
IDENTIFIER = "MRN 55512344"


def write_files(folder: Path, topics: list[str]) -> list[Path]:
    folder.mkdir()
    paths = []
    for f in range(2):
        path = folder / f"part-{f}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for n in range(f * RECORDS_PER_FILE, (f + 1) * RECORDS_PER_FILE):
                record = {
                    "ref": f"doc-{n:03d}",
                    "program": "cardiology",
                    "session_date": "2025-03-04",
                    "title": f"Consult {n}: resistant hypertension",
                    "question": "Which agent next?",
                    "presentation": f"The patient, 58, has blood pressure 162/95 (case {n}).",
                    "topics": topics,
                    "status": "presented",
                }
                fh.write(json.dumps(record) + "\n")
        paths.append(path)
    return paths


@pytest.fixture
def scans(monkeypatch) -> Counter[str]:
    seen: Counter[str] = Counter()
    real = gate.scan

    def counting(text: str):
        seen[text] += 1
        return real(text)

    monkeypatch.setattr(gate, "scan", counting)
    return seen


def run_import(app, paths: list[Path], jobs: int):
    return app.test_cli_runner().invoke(
        args=["import", *map(str, paths), "--create-programs", "--redact"]
        + ["--report", str(paths[0].parent / "redactions.jsonl")]
        + ["--index-timeout", "0", "--jobs", str(jobs)]
    )


def existing_topic() -> None:
    add_topics(["Hypertension"])
    db.session.commit()


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_a_new_topic_name_is_scanned_once_per_import_and_an_existing_one_never(
    app, tmp_path, scans
):
    existing_topic()
    paths = write_files(tmp_path / "files", ["hypertension ", *NEW])

    result = run_import(app, paths, jobs=1)

    assert result.exit_code == 0, result.output
    assert scans["Renal artery stenosis"] == 1
    assert scans["Fibromuscular dysplasia"] == 1
    assert not any(text.strip().casefold() == "hypertension" for text in scans)
    case = db.session.scalar(select(Case).where(Case.ref == "doc-059"))
    assert case is not None
    assert sorted(t.name for t in case.topics) == [
        "Fibromuscular dysplasia",
        "Hypertension",
        "Renal artery stenosis",
    ]


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_a_new_topic_name_with_an_identifier_refuses_every_file_and_is_scanned_once(
    app, tmp_path, scans
):
    paths = write_files(tmp_path / "files", ["Hypertension", IDENTIFIER])

    result = run_import(app, paths, jobs=1)

    assert result.exit_code == 1
    for path in paths:
        assert f"REJECTED {path}" in result.output
    assert "field 'topics[2]'" in result.output
    assert scans[IDENTIFIER] == 1
    assert db.session.scalars(select(Case)).all() == []


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_with_two_jobs_the_workers_get_each_new_topic_name_once_and_no_existing_one(
    app, tmp_path, monkeypatch, scans
):
    existing_topic()
    paths = write_files(tmp_path / "files", ["Hypertension", *NEW, IDENTIFIER])
    handed: Counter[str] = Counter()
    real_submit = transfer.ScanPool.submit

    def recording_submit(pool, key, items):
        items = list(items)
        handed.update(text for text, _ in items)
        real_submit(pool, key, items)

    monkeypatch.setattr(transfer.ScanPool, "submit", recording_submit)

    result = run_import(app, paths, jobs=2)

    assert result.exit_code == 1
    for path in paths:  # the second file refused on the first file's scan of the name
        assert f"REJECTED {path}" in result.output
    assert handed["Renal artery stenosis"] == 1
    assert handed["Fibromuscular dysplasia"] == 1
    assert handed[IDENTIFIER] == 1
    assert handed["Hypertension"] == 0
    # The importer scans only the program it creates: its name, and its slug as a ref.
    assert not [
        t for t in scans if "session" not in t and t not in ("Cardiology", "ref: cardiology")
    ]


@contextmanager
def loaded_rows(*models: type):
    """The rows of these models the ORM builds objects for inside the block, by model."""
    seen: Counter[str] = Counter()
    listeners = []
    for model in models:

        def on_load(target, context, name=model.__name__):
            seen[name] += 1

        event.listen(model, "load", on_load)
        listeners.append((model, on_load))
    try:
        yield seen
    finally:
        for model, listener in listeners:
            event.remove(model, "load", listener)


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_new_cases_and_topics_are_written_without_loading_topics_or_cases(app, tmp_path):
    """The batch needs the topics' ids only, and the cases are read back only when someone
    follows their program or topics (to tell them)."""
    existing_topic()
    paths = write_files(tmp_path / "files", ["Hypertension", *NEW])

    with loaded_rows(Topic, Case) as seen:
        result = run_import(app, paths[:1], jobs=1)

    assert result.exit_code == 0, result.output
    assert seen == Counter()
    assert len(db.session.scalars(select(Case)).all()) == RECORDS_PER_FILE


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_followers_of_a_topic_still_hear_of_the_new_cases(app, tmp_path, make_user):
    existing_topic()
    topic = db.session.scalar(select(Topic).where(Topic.name == "Hypertension"))
    follower = make_user("admin")
    db.session.add(Subscription(user_id=follower.id, topic_id=topic.id))
    db.session.commit()
    paths = write_files(tmp_path / "files", ["Hypertension", *NEW])

    result = run_import(app, paths[:1], jobs=1)

    assert result.exit_code == 0, result.output
    told = db.session.scalars(select(Notification).where(Notification.user_id == follower.id)).all()
    assert len(told) == RECORDS_PER_FILE


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_only_texts_a_gate_checks_are_scanned(app, tmp_path, scans):
    """Refs, dates, choices and program slugs are not free text: no gate checks them, so
    the import does not scan them. A form field's value is free text whatever its name."""
    paths = write_files(tmp_path / "files", ["Hypertension"])
    lines = paths[0].read_text().splitlines()
    record = json.loads(lines[0])
    record["fields"] = {"status": "Seen by the renal team"}
    lines[0] = json.dumps(record)
    paths[0].write_text("\n".join(lines) + "\n")

    result = run_import(app, paths[:1], jobs=1)

    assert result.exit_code == 0, result.output
    assert scans["Seen by the renal team"] == 1
    assert scans["Consult 0: resistant hypertension"] == 1
    for text in ("doc-000", "doc-001", "2025-03-04", "presented", "cardiology"):
        assert scans[text] == 0, text
