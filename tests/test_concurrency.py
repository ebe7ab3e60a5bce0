"""Several server processes writing at once, on SQLite and PostgreSQL: none fails, nothing
is lost or numbered twice."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from app.auth.models import Role
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.extensions import db
from app.programs.models import Program, Session
from app.programs.operations import create_program
from app.recommendations.models import Recommendation
from app.search import SearchRequest, apply_pending, search
from tests.support import children
from tests.support.builders import add_case

PROCESSES = 4


def run_at_once(app, *commands: list[str], timeout: float = 600) -> list[dict]:
    """Start one worker process per command together; their JSON reports."""
    started = [
        children.Child(
            "tests.support.workers",
            app.config["SQLALCHEMY_DATABASE_URI"],
            app.config["CASEBOOK_INDEX_DIR"],
            *command,
        )
        for command in commands
    ]
    reports, died = [], []
    for child in started:
        done = child.finish(timeout)
        if done.returncode != 0:
            died.append(done.stderr[-2000:])
        else:
            reports.append(json.loads(done.stdout.strip().splitlines()[-1]))
    assert not died, f"{len(died)} of {len(started)} processes died; the first: {died[0]}"
    return reports


def test_four_processes_creating_cases_through_the_api_lose_nothing(app, make_user) -> None:
    per_process = 50
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    db.session.commit()
    tokens = [
        create_token(make_user(Role.PROVIDER, programs=["hcv"]), actor=SYSTEM)
        for _ in range(PROCESSES)
    ]
    db.session.commit()
    body = '{"program": "hcv", "title": "Nilgai case {n}", "question": "Which regimen?"}'
    reports = run_at_once(
        app, *(["post", token, "/api/v1/cases", str(per_process), body] for token in tokens)
    )
    assert [r["statuses"] for r in reports] == [{"201": per_process}] * PROCESSES
    db.session.expire_all()
    created = db.session.scalar(select(func.count(Case.id)).where(Case.program_id == program.id))
    assert created == PROCESSES * per_process
    apply_pending()
    # Drafts are their presenters' own; the operator (SYSTEM) sees them all.
    assert search(SYSTEM, SearchRequest(q="nilgai", per_page=1)).total == PROCESSES * per_process


def test_four_processes_recommending_on_one_case_number_them_one_to_n(app, make_user) -> None:
    per_process = 50
    program = create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    case = add_case(program, None, "Much-discussed case", status="approved")
    db.session.commit()
    experts = [make_user(Role.EXPERT, programs=["hcv"]) for _ in range(PROCESSES)]
    tokens = [create_token(expert, actor=SYSTEM) for expert in experts]
    db.session.commit()
    body = '{"body": "Check HBV DNA first ({n}).", "category": "diagnostic"}'
    path = f"/api/v1/cases/{case.id}/recommendations"
    reports = run_at_once(app, *(["post", t, path, str(per_process), body] for t in tokens))
    assert [r["statuses"] for r in reports] == [{"201": per_process}] * PROCESSES
    positions = db.session.scalars(
        select(Recommendation.position).where(Recommendation.case_id == case.id)
    ).all()
    assert len(set(positions)) == len(positions), f"{len(set(positions))} distinct positions"
    assert sorted(positions) == list(range(1, PROCESSES * per_process + 1))


def _write_import_files(folder: Path, files: int = 8, per_file: int = 5) -> list[Path]:
    """Files that share a new program, session dates and authors (created on first use)."""
    folder.mkdir()
    paths = []
    for f in range(files):
        path = folder / f"batch-{f}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i in range(per_file):
                record = {
                    "ref": f"conc-{f}-{i}",
                    "program": "concurrent-echo",
                    "session_date": f"2025-0{1 + (f + i) % 4}-1{i % 3}",
                    "title": f"Dugong case {f}-{i}",
                    "question": "Which regimen?",
                    "presenter": f"presenter{i % 2}@example.org",
                    "status": "presented",
                    "recommendations": [
                        {
                            "author": f"expert{(f + i) % 3}@example.org",
                            "category": "therapeutic",
                            "body": "Twelve weeks of sofosbuvir/velpatasvir.",
                        }
                    ],
                }
                fh.write(json.dumps(record) + "\n")
        paths.append(path)
    return paths


def test_four_importers_of_overlapping_files_all_succeed(app, tmp_path) -> None:
    paths = [str(p) for p in _write_import_files(tmp_path / "import")]
    # Each importer takes five of the eight files, starting at a different one.
    commands = [["import", *(paths[(k * 2 + j) % len(paths)] for j in range(5))] for k in range(4)]
    reports = run_at_once(app, *commands)
    assert [(r["ok"], r["problems"]) for r in reports] == [(5, [])] * PROCESSES
    assert db.session.scalar(select(func.count(Program.id))) == 1
    assert db.session.scalar(select(func.count(Case.id))) == len(paths) * 5
    sessions = db.session.scalars(select(Session)).all()
    assert len({s.date for s in sessions}) == len(sessions)  # one session per date
    assert sorted(s.number for s in sessions) == list(range(1, len(sessions) + 1))
    positions = db.session.execute(select(Recommendation.case_id, Recommendation.position)).all()
    assert len(positions) == len(paths) * 5 and all(p == 1 for _c, p in positions)
