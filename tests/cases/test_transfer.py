"""Importing and exporting cases: lossless, idempotent, all-or-nothing per file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select

from app.audit.models import AuditEvent
from app.auth.policy import SYSTEM
from app.cases.models import Case, CaseStatus
from app.cases.transfer import ImportOptions, export_cases, import_paths
from app.extensions import db
from app.programs.operations import create_program, create_session
from app.recommendations.models import Recommendation, RecommendationVersion
from tests.support.sqlite import another_writer_can_lock

TEMPLATE = {
    "sections": [
        {"key": "hpi", "label": "History of present illness", "required": True},
        {"key": "assessment", "label": "Assessment"},
    ],
    "fields": [
        {
            "key": "genotype",
            "label": "HCV genotype",
            "type": "choice",
            "choices": ["1a", "1b", "2", "3"],
            "required": True,
        },
        {"key": "hcv_rna", "label": "HCV RNA", "type": "number", "unit": "IU/mL", "min": 0},
        {"key": "cirrhosis", "label": "Cirrhosis", "type": "boolean"},
    ],
}


def record(ref: str = "hcv-1", **overrides: object) -> dict:
    base = {
        "ref": ref,
        "program": "hcv",
        "session_date": "2026-03-10",
        "title": "58-year-old man with genotype 3 HCV and compensated cirrhosis",
        "age": 58,
        "sex": "male",
        "presenter": "spoke@example.org",
        "question": "Is twelve weeks of sofosbuvir/velpatasvir enough?",
        "presentation": "## History of present illness\n\nTreatment-naive, platelets 98,000.",
        "topics": ["Hepatitis C", "Cirrhosis"],
        "fields": {"genotype": "3", "hcv_rna": 1200000, "cirrhosis": True},
        "status": "recommendations_published",
        "recommendations": [
            {
                "author": "hub@example.org",
                "category": "therapeutic",
                "body": "Sofosbuvir/velpatasvir for **12 weeks**; check NS5A RAS first.",
                "references": ["AASLD-IDSA HCV Guidance, 2023."],
                "annotations": [{"author": "hub2@example.org", "kind": "agree", "body": "Agree."}],
            }
        ],
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def make_authors(make_user) -> None:
    """The presenter and the two experts `record()` names."""
    make_user("provider", email="spoke@example.org")
    make_user("expert", email="hub@example.org")
    make_user("expert", email="hub2@example.org")


@pytest.fixture
def program(app, make_user):
    make_authors(make_user)
    program = create_program("hcv", "Hepatitis C ECHO", template=TEMPLATE, actor=SYSTEM)
    create_session(
        program, __import__("datetime").date(2026, 3, 10), title="HCV session 1", actor=SYSTEM
    )
    db.session.commit()
    return program


def counts() -> tuple[int, int, int]:
    return (
        db.session.scalar(select(func.count(Case.id))),
        db.session.scalar(select(func.count(Recommendation.id))),
        db.session.scalar(select(func.count(AuditEvent.id))),
    )


def test_import_creates_case_with_recommendations_and_sessions(program, tmp_path):
    [result] = import_paths([write_jsonl(tmp_path / "a.jsonl", [record()])], actor=SYSTEM)
    assert result.ok and result.created == 1
    case = db.session.scalar(select(Case).where(Case.ref == "hcv-1"))
    assert case.status is CaseStatus.RECOMMENDATIONS_PUBLISHED
    assert case.fields == {"genotype": "3", "hcv_rna": 1200000, "cirrhosis": True}
    assert [s.title for s in case.sessions] == ["HCV session 1"]
    assert case.presentations[0].presented
    assert [t.name for t in case.topics] == ["Cirrhosis", "Hepatitis C"]
    [rec] = case.recommendations
    assert rec.author.email == "hub@example.org"
    assert [a.kind.value for a in rec.annotations] == ["agree"]


def test_reimporting_the_same_ref_updates_and_never_duplicates(program, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [record()])
    import_paths([path], actor=SYSTEM)
    changed = record(title="58-year-old man, genotype 3, cirrhosis: retreatment question")
    changed["recommendations"][0]["body"] = "Sofosbuvir/velpatasvir/voxilaprevir for 12 weeks."
    [again] = import_paths([write_jsonl(path, [changed])], actor=SYSTEM)
    assert (again.created, again.updated) == (0, 1)
    [case] = db.session.scalars(select(Case)).all()
    assert case.title.endswith("retreatment question")
    [rec] = case.recommendations
    assert rec.version == 2
    assert db.session.scalar(select(func.count(RecommendationVersion.id))) == 2
    [third] = import_paths([path], actor=SYSTEM)
    assert (third.created, third.updated, third.unchanged) == (0, 0, 1)


def test_age_of_ninety_or_more_is_stored_only_as_90_plus(program, tmp_path):
    import_paths([write_jsonl(tmp_path / "a.jsonl", [record(age=94)])], actor=SYSTEM)
    case = db.session.scalar(select(Case))
    assert case.age == "90+"


@pytest.mark.parametrize("fmt", ["jsonl", "markdown"])
def test_import_export_import_is_lossless(program, tmp_path, fmt):
    first = record("hcv-1")
    follow = record(
        "hcv-2",
        title="Follow-up: SVR12 reached",
        follows="hcv-1",
        status="closed",
        recommendations=[],
        outcomes=[
            {
                "recommendation": 1,
                "adoption": "adopted",
                "patient_status": "improved",
                "note": "SVR12.",
            }
        ],
        age="90+",
    )
    # The follow-up comes first in the file list: import orders files by dependency.
    write_jsonl(tmp_path / "b.jsonl", [first])
    write_jsonl(tmp_path / "a.jsonl", [follow])
    results = import_paths([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], actor=SYSTEM)
    assert all(r.ok for r in results), [r.problems for r in results]

    out1 = tmp_path / ("one.jsonl" if fmt == "jsonl" else "one")
    assert export_cases(out1, fmt, actor=SYSTEM) == 2
    before = counts()
    results = import_paths([out1], actor=SYSTEM)
    assert all(r.ok for r in results) and sum(r.unchanged for r in results) == 2
    assert counts()[:2] == before[:2]

    snapshot = tmp_path / "check.jsonl"
    export_cases(snapshot, "jsonl", actor=SYSTEM)
    lines = [json.loads(line) for line in snapshot.read_text().splitlines()]
    by_ref = {r["ref"]: r for r in lines}
    assert by_ref["hcv-2"]["outcomes"][0]["adoption"] == "adopted"
    assert by_ref["hcv-2"]["age"] == "90+"
    assert by_ref["hcv-1"]["recommendations"][0]["annotations"][0]["kind"] == "agree"
    first["topics"] = sorted(first["topics"])  # topics come back in vocabulary order
    for key, value in first.items():
        if key not in ("recommendations",):
            assert by_ref["hcv-1"][key] == value, key


# A program an import creates has no form: its fields' numbers pass the gate as text, and a
# viral load of seven digits reads as an ID, which the record marks as not an identifier.
VIRAL_LOAD_OVERRIDE = [
    {"field": "fields.hcv_rna", "start": 0, "end": 7, "category": "ID", "reason": "other"}
]


def test_import_into_an_empty_instance_then_export_gives_the_same_file(app, tmp_path, make_user):
    path = write_jsonl(tmp_path / "in.jsonl", [record(overrides=VIRAL_LOAD_OVERRIDE)])
    results = import_paths(
        [path], ImportOptions(create_programs=True, create_authors=True), actor=SYSTEM
    )
    assert results[0].ok, results[0].problems
    export_cases(tmp_path / "out.jsonl", "jsonl", actor=SYSTEM)
    export_cases(tmp_path / "out2.jsonl", "jsonl", actor=SYSTEM)
    import_paths([tmp_path / "out.jsonl"], actor=SYSTEM)
    export_cases(tmp_path / "out3.jsonl", "jsonl", actor=SYSTEM)
    assert (tmp_path / "out.jsonl").read_text() == (tmp_path / "out3.jsonl").read_text()


def _problems_for(tmp_path: Path, name: str, content: str) -> list[str]:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    [result] = import_paths([path], actor=SYSTEM)
    assert not result.ok
    return result.problems


MARKDOWN_OK = """---
ref: hcv-9
program: hcv
title: 40-year-old woman with genotype 1a HCV
age: 40
sex: female
question: Which regimen?
fields:
  genotype: "1a"
status: submitted
---
## History of present illness

Naive to treatment.
"""


def test_markdown_file_imports(program, tmp_path):
    path = tmp_path / "hcv-9.md"
    path.write_text(MARKDOWN_OK, encoding="utf-8")
    [result] = import_paths([tmp_path], actor=SYSTEM)
    assert result.ok, result.problems
    case = db.session.scalar(select(Case).where(Case.ref == "hcv-9"))
    assert case.presentation.startswith("## History of present illness")
    assert case.status is CaseStatus.SUBMITTED


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad.md", "---\nref: [unclosed\n---\nbody\n", ["bad.md: malformed front matter at line"]),
        ("none.md", "just text\n", ["none.md: no YAML front matter"]),
        ("bad.jsonl", '{"ref": "x"\n', ["bad.jsonl line 1: not valid JSON"]),
        (
            "prog.jsonl",
            json.dumps(record(program="nephrology")) + "\n",
            [
                "prog.jsonl line 1 (ref hcv-1) field 'program': no such program"
                " (use --create-programs to create it)"
            ],
        ),
        (
            "missing.jsonl",
            json.dumps(record(title=None)) + "\n",
            ["missing.jsonl line 1 (ref hcv-1) field 'title': is required"],
        ),
        (
            "type.jsonl",
            json.dumps(record(fields={"genotype": "3", "hcv_rna": "lots"})) + "\n",
            ["type.jsonl line 1 (ref hcv-1) field 'fields.hcv_rna': HCV RNA: must be a number."],
        ),
        (
            "choice.jsonl",
            json.dumps(record(fields={"genotype": "7"})) + "\n",
            [
                "choice.jsonl line 1 (ref hcv-1) field 'fields.genotype': "
                "HCV genotype: must be one of: 1a"
            ],
        ),
        (
            "required.jsonl",
            json.dumps(record(fields={"hcv_rna": 5})) + "\n",
            ["required.jsonl line 1 (ref hcv-1) field 'fields.genotype': HCV genotype is required"],
        ),
        (
            "age.jsonl",
            json.dumps(record(age="fifty")) + "\n",
            ["age.jsonl line 1 (ref hcv-1) field 'age': Age must be a whole number"],
        ),
        (
            "date.jsonl",
            json.dumps(record(session_date="10/03/2026")) + "\n",
            ["date.jsonl line 1 (ref hcv-1) field 'session_date': must be a date"],
        ),
        (
            "status.jsonl",
            json.dumps(record(status="finished")) + "\n",
            ["status.jsonl line 1 (ref hcv-1) field 'status': must be one of"],
        ),
        (
            "author.jsonl",
            json.dumps(record(presenter="nobody@example.org")) + "\n",
            ["author.jsonl line 1 (ref hcv-1) field 'presenter': no account with email"],
        ),
        (
            "rec.jsonl",
            json.dumps(
                record(
                    recommendations=[
                        {"author": "hub@example.org", "category": "magic", "body": "x"}
                    ]
                )
            )
            + "\n",
            ["rec.jsonl line 1 (ref hcv-1) field 'recommendations[1].category': Category must"],
        ),
        (
            "extra.jsonl",
            json.dumps(record(mrn="12345")) + "\n",
            ["extra.jsonl line 1 (ref hcv-1) field 'mrn': is not a known field"],
        ),
        (
            "dup.jsonl",
            json.dumps(record("hcv-1")) + "\n" + json.dumps(record("hcv-1")) + "\n",
            ["dup.jsonl line 2 (ref hcv-1) field 'ref': duplicate of the record at 1"],
        ),
    ],
)
def test_bad_input_names_file_record_and_field_and_changes_nothing(
    program, tmp_path, name, content, expected
):
    before = counts()
    problems = _problems_for(tmp_path, name, content)
    for fragment in expected:
        assert any(fragment in p for p in problems), problems
    assert counts() == before


def test_one_bad_record_rejects_its_whole_file_but_not_other_files(program, tmp_path):
    good = write_jsonl(tmp_path / "good.jsonl", [record("hcv-1")])
    mixed = write_jsonl(tmp_path / "mixed.jsonl", [record("hcv-2"), record("hcv-3", sex="x")])
    results = {Path(r.path).name: r for r in import_paths([good, mixed], actor=SYSTEM)}
    assert results["good.jsonl"].ok
    assert not results["mixed.jsonl"].ok
    assert "line 2 (ref hcv-3) field 'sex'" in results["mixed.jsonl"].problems[0]
    assert [c.ref for c in db.session.scalars(select(Case))] == ["hcv-1"]


def test_unknown_program_is_created_with_the_flag(app, tmp_path, make_user):
    make_authors(make_user)
    path = write_jsonl(
        tmp_path / "a.jsonl", [record(program="new-program", overrides=VIRAL_LOAD_OVERRIDE)]
    )
    [result] = import_paths([path], ImportOptions(create_programs=True), actor=SYSTEM)
    assert result.ok, result.problems
    assert db.session.scalar(select(Case)).program.slug == "new-program"


def test_audit_trail_of_an_import_holds_no_patient_text(program, tmp_path):
    marker = "Zanzibarian-marker-text"
    rec = record(title=f"Case {marker}", question=f"{marker}?", presentation=marker)
    import_paths([write_jsonl(tmp_path / "a.jsonl", [rec])], actor=SYSTEM)
    events = db.session.scalars(select(AuditEvent)).all()
    assert events
    assert all(marker not in json.dumps(e.details) for e in events)


@pytest.mark.app_config(CASEBOOK_SQLITE_BEGIN="immediate")  # the app's own mode
def test_an_export_takes_no_write_lock_on_sqlite(program, tmp_path, monkeypatch):
    """Exporting reads every case; presenters saving meanwhile must not wait on it."""
    from app.cases import transfer

    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write lock")
    results = import_paths([write_jsonl(tmp_path / "a.jsonl", [record("hcv-1")])], actor=SYSTEM)
    assert all(r.ok for r in results)
    real = transfer.case_record
    probes = []

    def record_and_probe(case, *args):
        probes.append(another_writer_can_lock(db.engine.url.database))
        return real(case, *args)

    monkeypatch.setattr(transfer, "case_record", record_and_probe)
    assert export_cases(tmp_path / "out.jsonl", "jsonl", actor=SYSTEM) == 1
    assert probes == [True]


def test_an_export_as_a_user_leaves_out_recommendations_they_may_not_read(
    program, tmp_path, make_user
):
    """Another expert's draft stays out of a coordinator's (or curriculum's) export; the
    follow-up's outcomes name the recommendation by key."""
    first = record("hcv-1")
    first["recommendations"] = [
        {"author": "hub2@example.org", "category": "other", "status": "draft", "body": "Unsent."},
        first["recommendations"][0],
    ]
    follow = record(
        "hcv-2",
        title="Follow-up: SVR12 reached",
        follows="hcv-1",
        status="closed",
        recommendations=[],
        outcomes=[{"recommendation": 2, "adoption": "adopted", "patient_status": "improved"}],
    )
    results = import_paths([write_jsonl(tmp_path / "in.jsonl", [first, follow])], actor=SYSTEM)
    assert all(r.ok for r in results), [r.problems for r in results]
    coordinator = make_user("coordinator", programs=["hcv"])
    curriculum = make_user("curriculum")
    admin = make_user("admin")

    for reader in (coordinator, curriculum):
        out = tmp_path / f"{reader.role}.jsonl"
        assert export_cases(out, "jsonl", actor=reader) == 2
        text = out.read_text(encoding="utf-8")
        assert "Unsent." not in text
        by_ref = {r["ref"]: r for r in map(json.loads, text.splitlines())}
        assert [r["status"] for r in by_ref["hcv-1"]["recommendations"]] == ["published"]
        assert by_ref["hcv-2"]["outcomes"][0]["recommendation"] == "hcv-1/r2"
    for reader in (admin, SYSTEM):  # an admin, and the operator at the shell, export it
        out = tmp_path / "all.jsonl"
        export_cases(out, "jsonl", actor=reader)
        assert "Unsent." in out.read_text(encoding="utf-8")
        by_ref = {r["ref"]: r for r in map(json.loads, out.read_text().splitlines())}
        assert by_ref["hcv-2"]["outcomes"][0]["recommendation"] == "hcv-1/r2"

    # Imported back as the coordinator, their export leaves the draft it left out alone.
    before = counts()
    [result] = import_paths([tmp_path / "coordinator.jsonl"], actor=coordinator)
    assert result.ok and result.unchanged == 2, result.problems
    # A file that names the draft's key and changes it is refused, and nothing changes.
    changed = json.loads((tmp_path / "coordinator.jsonl").read_text().splitlines()[0])
    changed["recommendations"].append(
        {"key": "hcv-1/r1", "author": "hub2@example.org", "category": "other", "body": "Sent."}
    )
    [result] = import_paths([write_jsonl(tmp_path / "edit.jsonl", [changed])], actor=coordinator)
    assert not result.ok
    assert any("another expert's unpublished recommendation" in p for p in result.problems)
    db.session.expire_all()
    assert counts()[:2] == before[:2]
    case = db.session.scalar(select(Case).where(Case.ref == "hcv-1"))
    assert [r.body for r in case.recommendations][0] == "Unsent."


def test_imported_open_cases_are_announced_to_followers_once(program, tmp_path, make_user):
    from app.notifications.models import Notification
    from app.subscriptions.operations import follow

    follower = make_user("provider", email="follows@example.org", programs=["hcv"])
    follow(follower, program="hcv")
    db.session.commit()
    path = write_jsonl(
        tmp_path / "cases.jsonl",
        [record("hcv-1"), record("hcv-2", status="submitted", recommendations=None)],
    )

    def told() -> list[str]:
        return list(
            db.session.scalars(
                select(Notification.url).where(
                    Notification.user_id == follower.id, Notification.kind == "subscription.case"
                )
            )
        )

    assert all(r.ok for r in import_paths([path], actor=SYSTEM))
    opened = db.session.scalar(select(Case).where(Case.ref == "hcv-1"))
    assert told() == [f"/cases/{opened.id}"]  # the submitted one is not open yet
    assert all(r.ok for r in import_paths([path], actor=SYSTEM))
    assert told() == [f"/cases/{opened.id}"]


def test_an_override_holds_only_for_a_finding_of_its_category(program, tmp_path):
    """A file's override names the category it was given for: an edit of the file that
    puts another kind of identifier at its offsets is refused."""
    marked = {"field": "question", "start": 11, "end": 20, "category": "NAME"}
    override = {**marked, "reason": "not_about_patient"}
    edited = record("hcv-1", question="Seen by MR#483920175 on review.", overrides=[override])
    [result] = import_paths([write_jsonl(tmp_path / "a.jsonl", [edited])], actor=SYSTEM)
    assert not result.ok
    [problem] = result.problems
    assert problem.endswith("(ref hcv-1) field 'question': possible ID at characters 11-20")
    named = record("hcv-1", question="Seen by Mr Whitcombe on review.", overrides=[override])
    [result] = import_paths([write_jsonl(tmp_path / "b.jsonl", [named])], actor=SYSTEM)
    assert result.ok and result.created == 1


def test_an_override_without_its_category_is_refused(program, tmp_path):
    """Sending an override without the category the export writes would bring back one
    that accepts whatever lies at its offsets: the record is refused, naming the field."""
    unbound = {"field": "question", "start": 11, "end": 20, "reason": "not_about_patient"}
    edited = record("hcv-2", question="Seen by MR#483920175 on review.", overrides=[unbound])
    [result] = import_paths([write_jsonl(tmp_path / "a.jsonl", [edited])], actor=SYSTEM)
    assert not result.ok
    [problem] = result.problems
    assert "field 'overrides[1].category': is required" in problem
    assert db.session.scalar(select(Case).where(Case.ref == "hcv-2")) is None


@pytest.fixture
def imported_on_postgresql(program, tmp_path, database_server) -> Path:
    """`record()` imported and committed, on PostgreSQL (the file it came from)."""
    if database_server is None:
        pytest.skip("SQLite takes no row locks: its writers take turns")
    path = write_jsonl(tmp_path / "a.jsonl", [record()])
    [first] = import_paths([path], actor=SYSTEM)
    assert first.ok
    db.session.commit()
    return path


@contextmanager
def statements_seen() -> Iterator[list[tuple[str, Any]]]:
    """The statements sent meanwhile (whitespace folded) with their parameters."""
    seen: list[tuple[str, Any]] = []

    def listen(conn, cursor, statement, parameters, *args) -> None:
        seen.append((" ".join(statement.split()), parameters))

    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)


def test_an_import_holds_the_case_before_it_changes_an_advices_author(
    imported_on_postgresql, tmp_path
):
    """A purge locks the case, then its items; an import re-authoring advice on an unchanged
    case wrote the advice's row first, then asked for the case: the two could deadlock."""
    changed = record()
    changed["recommendations"][0]["author"] = "hub2@example.org"
    changed["recommendations"][0]["body"] = "Sofosbuvir/velpatasvir for 12 weeks."
    with statements_seen() as seen:
        [result] = import_paths([write_jsonl(imported_on_postgresql, [changed])], actor=SYSTEM)
    statements = [s for s, _ in seen]
    assert result.ok and result.updated == 1
    locked = next(
        i for i, s in enumerate(statements) if s.startswith("SELECT cases.id") and "FOR" in s
    )
    written = next(i for i, s in enumerate(statements) if s.startswith("UPDATE recommendations"))
    assert locked < written


def test_an_import_holds_the_earlier_case_before_writing_a_follow_ups_outcomes(
    imported_on_postgresql, tmp_path
):
    """The outcomes of a new follow-up hang on the earlier case's advice, whose purge scrubs
    them: that case's row is held in share mode before they are written (a purge's order)."""
    earlier = db.session.scalar(select(Case.id).where(Case.ref == "hcv-1"))
    follow = record(
        "hcv-2",
        title="Follow-up: SVR12 reached",
        follows="hcv-1",
        status="closed",
        recommendations=[],
        outcomes=[{"recommendation": 1, "adoption": "adopted", "patient_status": "improved"}],
    )
    with statements_seen() as statements:
        [result] = import_paths([write_jsonl(tmp_path / "b.jsonl", [follow])], actor=SYSTEM)
    assert result.ok, result.problems
    written = next(i for i, (s, _) in enumerate(statements) if s.startswith("INSERT INTO outcomes"))
    held = [
        p
        for s, p in statements[:written]
        if s.startswith("SELECT cases.id") and "FOR KEY SHARE" in s
    ]
    assert any(earlier in (p.values() if isinstance(p, dict) else p) for p in held), held
