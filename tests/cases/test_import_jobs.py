"""`casebook import --jobs N`: texts scanned for identifiers in worker processes, the same
cases, redactions and audit trail as with one process, and no text scanned twice."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

import app.deid.gate as gate
from app.audit.models import AuditEvent
from app.cases import transfer
from app.cases.models import Case
from app.extensions import db
from app.recommendations.models import Annotation, Recommendation
from tests.support.database import empty_database

# What the importer writes itself: the programs it creates (their names, their slugs read as
# a ref is) and their sessions.
GENERATED = re.compile(
    r"^(?:ref: (?:cardiology|nephrology)|(?:Cardiology|Nephrology)( session \d+)?)$"
)
RECORDS_PER_FILE = 30  # two files: 60 records, above the threshold for starting workers


def write_files(folder: Path, *, names: bool = True) -> list[Path]:
    folder.mkdir()
    paths = []
    for f in range(2):
        path = folder / f"part-{f}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for n in range(f * RECORDS_PER_FILE, (f + 1) * RECORDS_PER_FILE):
                named = n % 3 == 0 and names
                who = "Mr. Oswin Peabody of Springfield" if named else "The patient"
                seen = "on 3 March 2024" if named else "last month"
                record = {
                    "ref": f"doc-{n:03d}",
                    "program": ["cardiology", "nephrology"][n % 2],
                    "session_date": f"2025-{n % 12 + 1:02d}-{n % 27 + 1:02d}",
                    "title": f"Consult {n}: resistant hypertension  ",
                    "question": f"Which agent next for case {n}?",
                    "presentation": f"{who}, 58, has blood pressure 162/95 on three agents."
                    f"\n\nSeen {seen} at clinic {n}.",
                    "topics": [f"condition {n % 7}", "Hypertension", "chronic  kidney disease"],
                    "status": "presented",
                }
                fh.write(json.dumps(record) + "\n")
        paths.append(path)
    return paths


def dump() -> list[object]:
    """The imported world without ids or times: cases, items and the audit trail."""
    cases = [
        (c.ref, c.title, c.question, c.presentation, sorted(t.name for t in c.topics))
        for c in db.session.scalars(select(Case).order_by(Case.ref))
    ]
    items = len(db.session.scalars(select(Recommendation)).all()) + len(
        db.session.scalars(select(Annotation)).all()
    )
    events = [
        (
            e.action,
            e.entity_type,
            {k: v for k, v in (e.details or {}).items() if not k.endswith("_id")},
        )
        for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
    ]
    return [cases, items, events]


def run_import(app, paths: list[Path], report: Path, jobs: int):
    result = app.test_cli_runner().invoke(
        args=["import", *map(str, paths), "--create-programs", "--redact"]
        + ["--report", str(report), "--index-timeout", "0", "--jobs", str(jobs)]
    )
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_two_jobs_import_the_same_as_one_and_scan_nothing_in_the_importer(
    app, tmp_path, monkeypatch
):
    paths = write_files(tmp_path / "files")
    scanned_here: list[str] = []
    real_scan = gate.scan

    def counting_scan(text: str):
        scanned_here.append(text)
        return real_scan(text)

    monkeypatch.setattr(gate, "scan", counting_scan)
    pools: list[object] = []
    real_pool = transfer.ScanPool

    def recording_pool(jobs: int, *, nice: int = 0):
        pool = real_pool(jobs, nice=nice)
        pools.append(pool)
        return pool

    monkeypatch.setattr(transfer, "ScanPool", recording_pool)

    one = run_import(app, paths, tmp_path / "one.jsonl", jobs=1)
    first = dump()
    scanned_by_one = len(scanned_here)
    assert pools == []
    empty_database()
    scanned_here.clear()

    two = run_import(app, paths, tmp_path / "two.jsonl", jobs=2)

    assert len(pools) == 1
    # The workers scanned every text of the files; the importer only what it writes itself
    # (the programs, their slugs, and the sessions it creates), as with one job.
    assert scanned_here and all(GENERATED.match(t) for t in scanned_here)
    assert scanned_by_one > len(scanned_here)
    assert dump() == first
    assert (tmp_path / "two.jsonl").read_text() == (tmp_path / "one.jsonl").read_text()
    assert two.replace("two.jsonl", "one.jsonl") == one
    assert "60 cases created" in two
    cases = first[0]
    assert len(cases) == 60
    assert not any("Peabody" in c[3] for c in cases)
    assert any("[NAME]" in c[3] for c in cases)


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_a_file_refused_with_two_jobs_imports_nothing_and_says_why(app, tmp_path):
    paths = write_files(tmp_path / "files", names=False)
    lines = paths[1].read_text().splitlines()
    bad = json.loads(lines[4])
    bad["presentation"] = "Call 555-123-4567 for the MRN 88812345."
    lines[4] = json.dumps(bad)
    paths[1].write_text("\n".join(lines) + "\n")

    result = app.test_cli_runner().invoke(
        args=["import", *map(str, paths), "--create-programs", "--index-timeout", "0"]
        + ["--jobs", "2"]
    )

    assert result.exit_code == 1
    assert f"REJECTED {paths[1]}" in result.output
    assert "doc-034" in result.output and "presentation" in result.output
    refs = set(db.session.scalars(select(Case.ref)))
    assert refs == {f"doc-{n:03d}" for n in range(RECORDS_PER_FILE)}, result.output
