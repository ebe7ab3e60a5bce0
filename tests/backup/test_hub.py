"""Hub export -> fresh instance -> import -> export gives the same files, for the demo hub
plus what only the app writes (recommendation and practice histories, endorsements,
evidence notes, overrides, an inactive account); on SQLite and PostgreSQL and across them.
And a hub folder with a problem is refused, file by file, with the file and line named."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.attendance.models import Attendance, SessionEvaluation
from app.attendance.operations import (
    import_attendance_csv,
    participants,
    record_attendance,
    set_credit_rule,
    submit_evaluation,
)
from app.audit.models import AuditEvent
from app.auth.models import User
from app.auth.operations import create_user, get_user_by_email
from app.auth.policy import SYSTEM
from app.backup.hub import (
    CARRIED,
    IMPORTERS,
    KINDS,
    MANIFEST,
    NOT_CARRIED,
    _import_file,
    _import_letters,
    export_hub,
    import_hub,
)
from app.cases.models import Case, CaseStatus, ReviewComment, WithdrawalReason
from app.cases.transfer import ImportOptions, ImportResult, SourceFile, read_file
from app.common import utcnow
from app.deid.gate import Acceptance, IdentifiersFound
from app.desk.models import RecommendationsSent
from app.desk.operations import send_recommendations
from app.errors import PermissionDenied, ValidationError
from app.extensions import db
from app.maintenance import initialise
from app.practices.models import BestPractice, BestPracticeVersion, RecommendationDissent
from app.practices.operations import (
    add_evidence,
    change_status,
    edit_practice,
    propose_practice,
    record_dissent,
    take_stance,
)
from app.programs.case_templates import save_template, template_version, template_versions
from app.programs.models import Program, Session, Topic, TopicStatus
from app.programs.operations import create_program, create_session, create_topic
from app.recommendations.models import Recommendation, RecommendationVersion
from app.subscriptions.models import DigestPreference, Subscription
from app.subscriptions.operations import follow, set_digest_preference
from app.teaching import operations as teaching
from app.teaching.models import SavedSearch, TeachingSet, TeachingSetItem
from tests.cases.test_roundtrip import (
    EDITED,
    PUBLISHED,
    _written_in_the_app,
    published_history_as_seen_by_the_presenter,
    targets,
)
from tests.conftest import PASSWORD, make_app
from tests.support.builders import add_case, add_recommendation, build_world


def _practice_history() -> None:
    """What practices.yaml does not have: edits, a supersession, stances, evidence notes."""
    expert = get_user_by_email("dana.whitfield@example.org")
    other = get_user_by_email("rafael.okonkwo@example.org")
    practice = db.session.scalar(
        select(BestPractice).where(BestPractice.title.startswith("Check HBV serologies"))
    )
    edit_practice(
        practice,
        title=practice.title,
        statement=f"{practice.statement} Repeat HBV DNA monthly when anti-HBc is positive.",
        reason="Monitoring added after the March session.",
        editor=other,
        actor=SYSTEM,
    )
    take_stance(practice, "endorse", expert=expert, actor=SYSTEM)
    take_stance(
        practice,
        "dissent",
        expert=other,
        note="Monthly is too often for most spokes.",
        actor=SYSTEM,
    )
    session = db.session.scalars(select(Session).order_by(Session.date)).first()
    add_evidence(
        practice, session, note="Discussed in the didactic.", added_by=expert, actor=SYSTEM
    )
    newer = propose_practice(
        "Check HBV serologies and HBV DNA before DAA therapy",
        "Order HBsAg, anti-HBc, anti-HBs, and HBV DNA when anti-HBc is positive.",
        topics=["Hepatitis C"],
        author=expert,
        actor=SYSTEM,
    )
    change_status(
        practice, "superseded", reason="Replaced.", editor=expert, superseded_by=newer, actor=SYSTEM
    )
    get_user_by_email("marcus.bell@example.org").active = False
    db.session.commit()


def _dissents_and_follows() -> None:
    """A recommendation marked as departing from a practice on purpose (by an admin, for
    its author), what two accounts follow, and one that wants the daily digest mail."""
    expert = get_user_by_email("dana.whitfield@example.org")
    practice = db.session.scalar(
        select(BestPractice).where(BestPractice.title.startswith("Check HBV serologies"))
    )
    recommendation = db.session.scalars(
        select(Recommendation)
        .join(Case)
        .where(Case.ref.is_not(None), Recommendation.author_id.is_not(None))
        .order_by(Recommendation.id)
    ).first()
    record_dissent(
        recommendation,
        practice,
        "Serologies were done at the referring clinic last month.",
        actor=SYSTEM,
        expert=recommendation.author,
    )
    program = db.session.scalars(select(Program).order_by(Program.slug)).first()
    follow(expert, topic="Hepatitis C")
    follow(expert, program=program.slug)
    set_digest_preference(expert, True)
    follow(get_user_by_email("rafael.okonkwo@example.org"), topic="Hepatitis C")
    # A coordinator's note from when a case was returned to its presenter.
    case = recommendation.case
    db.session.add(
        ReviewComment(
            case=case,
            author_id=get_user_by_email("admin@demo.casebook.example").id,
            body="Add the HBV serologies before we present it.",
            created_at=datetime(2025, 5, 2, 9, 30),
        )
    )
    db.session.commit()


def _teaching_material() -> None:
    """An admin's teaching set shared with a program (a case and a recommendation, with
    notes, one moved up), a second set of the same title, and saved searches."""
    admin = get_user_by_email("admin@demo.casebook.example")
    recommendation = db.session.scalars(
        select(Recommendation)
        .join(Case)
        .where(Case.ref.is_not(None), Recommendation.status == "published")
        .order_by(Recommendation.id)
    ).first()
    case = db.session.scalars(
        select(Case).where(Case.id != recommendation.case_id).order_by(Case.id)
    ).first()
    teaching_set = teaching.create_set(admin, "Liver teaching", "For the **March** session.")
    teaching.add_item(admin, teaching_set, case=case, note="Discuss HBV reactivation.")
    named = "Ask Dr. Alvarez at the liver clinic."  # a hub clinician: accepted as one
    with pytest.raises(IdentifiersFound) as refused:
        teaching.create_set(admin, named)
    [finding] = refused.value.findings
    accepted = [Acceptance("note", finding.start, finding.end, "not_about_patient")]
    teaching.add_item(admin, teaching_set, case=recommendation.case, note=named, accepted=accepted)
    moved = teaching.add_item(admin, teaching_set, recommendation=recommendation)
    teaching.move_item(admin, moved, 1)
    teaching.share_set(admin, teaching_set, case.program)
    again = teaching.create_set(admin, "Liver teaching", "The short version.")
    teaching.add_item(admin, again, case=case, note="Only this one.")
    teaching.save_search(admin, "HCV cases", "?q=hcv&type=case")
    teaching.save_search(get_user_by_email("dana.whitfield@example.org"), "Mine", "q=cirrhosis")
    db.session.commit()


def _attendance_and_letters() -> None:
    """Attendance ticked and imported from a CSV, a credit rule, an evaluation, a letter."""
    held = list(
        db.session.scalars(
            select(Session).where(Session.date <= utcnow().date()).order_by(Session.date)
        )
    )
    ticked, imported = held[-1], next(s for s in held if s.program_id == held[-1].program_id)
    people = participants(ticked)
    assert len(people) >= 2
    record_attendance(ticked, {people[0].id: 55, people[1].id: ""}, actor=SYSTEM)
    csv = (
        "Name,Email,Join time,Leave time\n"
        f"A,{people[0].email},2025-06-10 12:00,2025-06-10 12:40\n"
        f"B,{people[1].email},2025-06-10 12:05,2025-06-10 12:25\n"
    )
    import_attendance_csv(imported, csv.encode(), filename="zoom.csv", actor=SYSTEM)
    set_credit_rule(
        ticked.program,
        credit_type="ancc",
        credits_per_session=1.5,
        minimum_minutes=30,
        evaluation_required=True,
        accreditation_statement="This activity is approved for 1.5 ANCC contact hours.",
        signer_name="Dana Whitfield, MD",
        signer_title="Director, Continuing Education",
        actor=SYSTEM,
    )
    submit_evaluation(ticked, actor=people[0], rating=4, will_change_practice=True)
    case = db.session.scalars(
        select(Case).where(Case.status == CaseStatus.RECOMMENDATIONS_PUBLISHED).order_by(Case.id)
    ).first()
    send_recommendations(case, actor=get_user_by_email("admin@demo.casebook.example"))
    db.session.commit()


def _template_history() -> Program:
    """A program whose case form was saved twice since its cases were written: they keep
    version 1, the program is at version 3."""
    program = db.session.scalars(select(Case).order_by(Case.id)).first().program
    template = dict(program.case_template or {})
    fields = list(template.get("fields", []))
    for key in ("liver_stiffness", "prior_daa"):
        fields.append({"key": key, "label": key.replace("_", " ").capitalize(), "type": "text"})
        save_template(program, {**template, "fields": fields}, actor=SYSTEM)
    db.session.commit()
    return program


def _snapshot(folder: Path) -> dict[str, list[str]]:
    """Each file's lines, sorted; the manifest whole."""
    out = {
        kind: sorted((folder / f"{kind}.jsonl").read_text("utf-8").splitlines()) for kind in KINDS
    }
    out[MANIFEST] = [(folder / MANIFEST).read_text("utf-8")]
    return out


@contextmanager
def fresh_instance(url: str, index: Path) -> Iterator[None]:
    """A migrated, empty instance: the hub export has to bring everything itself."""
    instance = make_app(url, index)
    with instance.app_context():
        initialise()
        try:
            yield
        finally:
            db.session.remove()
            db.engine.dispose()


def test_a_hub_exports_imports_into_a_fresh_instance_and_exports_the_same(app, tmp_path, demo_data):
    _written_in_the_app()
    _practice_history()
    _dissents_and_follows()
    _attendance_and_letters()
    _teaching_material()
    program = _template_history()
    versions_saved = [v.version for v in template_versions(program)]
    assert len(versions_saved) >= 3
    first = tmp_path / "hub"
    counts = export_hub(first, actor=SYSTEM)
    assert counts["cases"] >= 40 and counts["sessions"] >= 10 and counts["practices"] == 5
    exported = _snapshot(first)
    assert json.loads(exported[MANIFEST][0])["counts"] == counts
    assert not any("password" in line or "token" in line for line in exported["accounts"])
    assert any('"active": false' in line for line in exported["accounts"])
    assert any('"parent"' in line for line in exported["topics"])
    assert any('"agenda"' in line and '"attendance"' in line for line in exported["sessions"])
    assert any('"superseded_by"' in line and '"dissent"' in line for line in exported["practices"])
    assert any('"credit_rule"' in line for line in exported["programs"])
    assert any('"signer_name": "Dana Whitfield, MD"' in line for line in exported["programs"])
    assert any('"template_version": 1' in line for line in exported["cases"])
    assert any('"imported"' in line for line in exported["sessions"])
    assert any('"ticked"' in line and '"evaluations"' in line for line in exported["sessions"])
    assert any('"letters"' in line for line in exported["cases"])
    assert any(
        '"dissents"' in line and "referring clinic" in line for line in exported["practices"]
    )
    assert any(
        '"follows": {"programs": [' in line and '"daily_digest": true' in line
        for line in exported["accounts"]
    )
    assert len(exported["saved_searches"]) == 2
    assert any(
        '"program"' in line and '"recommendation"' in line and '"not_about_patient"' in line
        for line in exported["teaching_sets"]
    )
    versions = db.session.scalar(select(func.count()).select_from(RecommendationVersion))
    rows = [
        db.session.scalar(select(func.count()).select_from(m))
        for m in (
            Attendance,
            SessionEvaluation,
            RecommendationsSent,
            RecommendationDissent,
            Subscription,
            DigestPreference,
            ReviewComment,
            TeachingSet,
            TeachingSetItem,
            SavedSearch,
        )
    ]

    # Chained: from the database under test into SQLite, then from that SQLite into
    # PostgreSQL (when a server is configured), so every direction is crossed.
    source = first
    for name, url in targets(tmp_path):
        with fresh_instance(url, tmp_path / f"index-{name}"):
            results = import_hub(source, actor=SYSTEM)
            assert all(r.ok for r in results), [p for r in results for p in r.problems][:5]
            assert not [c for r in results for c in r.conflicts]
            assert db.session.scalar(select(func.count()).select_from(RecommendationVersion)) == (
                versions
            )
            assert rows == [
                db.session.scalar(select(func.count()).select_from(m))
                for m in (
                    Attendance,
                    SessionEvaluation,
                    RecommendationsSent,
                    RecommendationDissent,
                    Subscription,
                    DigestPreference,
                    ReviewComment,
                    TeachingSet,
                    TeachingSetItem,
                    SavedSearch,
                )
            ]
            imported = db.session.scalar(
                select(User).where(User.email == "expert@demo.casebook.example")
            )
            assert imported.password_hash is None  # set by an admin, or a reset
            assert published_history_as_seen_by_the_presenter() == [PUBLISHED, EDITED]
            copy = db.session.scalar(select(Program).where(Program.slug == program.slug))
            assert [v.version for v in template_versions(copy)] == versions_saved
            again = tmp_path / f"again-{name}"
            assert export_hub(again, actor=SYSTEM) == counts
            assert _snapshot(again) == exported, name
            # Importing it a second time changes nothing.
            results = import_hub(again, actor=SYSTEM)
            assert all(r.ok for r in results)
            assert sum(r.created + r.updated for r in results) == 0, [
                c for r in results for c in r.changes
            ][:5]
            assert not [c for r in results for c in r.conflicts]
            source = again


# ---------------------------------------------------------------- refused


@pytest.fixture
def small_hub(app, tmp_path) -> Path:
    create_program("hcv", "Hepatitis C", description="Weekly.", actor=SYSTEM)
    create_program("oud", "Opioid use disorder", actor=SYSTEM)
    parent = create_topic("Liver disease", actor=SYSTEM)
    create_topic("Hepatitis C", synonyms=["HCV"], parent=parent, actor=SYSTEM)
    db.session.commit()
    out = tmp_path / "small"
    export_hub(out, actor=SYSTEM)
    return out


def _write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def test_a_bad_line_rejects_its_whole_file_and_the_files_after_it(app, small_hub):
    path = small_hub / "programs.jsonl"
    lines = path.read_text("utf-8").splitlines()
    lines[1] = lines[1].replace('"slug": "oud"', '"slug": "oud", "colour": "red"')
    _write_lines(path, lines)
    with fresh_db(app):
        results = import_hub(small_hub, actor=SYSTEM)
        by_file = {Path(r.path).name: r for r in results}
        assert by_file["topics.jsonl"].ok
        assert by_file["programs.jsonl"].problems == [
            f"{path} line 2 field 'colour': is not a known field here"
        ]
        assert "depends on" in by_file["accounts.jsonl"].problems[0]
        assert db.session.scalar(select(func.count()).select_from(Program)) == 0  # not even hcv


def test_broken_json_and_a_truncated_file_are_named(app, small_hub):
    path = small_hub / "topics.jsonl"
    lines = path.read_text("utf-8").splitlines()
    _write_lines(path, [lines[0], "{not json"])
    with fresh_db(app):
        [result, *_] = import_hub(small_hub, actor=SYSTEM)
        assert result.problems == [
            f"{path} line 2: not valid JSON (Expecting property name"
            " enclosed in double quotes, column 2)"
        ]
    _write_lines(path, lines[:1])
    with fresh_db(app):
        [result, *_] = import_hub(small_hub, actor=SYSTEM)
        assert result.problems == [
            f"{path}: 1 records, but the manifest counts 2 (an incomplete copy?)"
        ]


def test_a_missing_manifest_or_a_newer_format_is_refused(app, small_hub):
    manifest = json.loads((small_hub / MANIFEST).read_text("utf-8"))
    (small_hub / MANIFEST).write_text(json.dumps({**manifest, "format_version": 99}), "utf-8")
    with pytest.raises(ValidationError, match="format version 99 is newer"):
        import_hub(small_hub, actor=SYSTEM)
    (small_hub / MANIFEST).write_text("[]", "utf-8")
    with pytest.raises(ValidationError, match="not the manifest of a hub export"):
        import_hub(small_hub, actor=SYSTEM)


def test_an_export_refuses_a_folder_with_files_in_it(app, small_hub):
    with pytest.raises(ValidationError, match="not an empty folder"):
        export_hub(small_hub, actor=SYSTEM)


def test_only_admins_export_or_import_a_hub(app, small_hub, make_user, tmp_path):
    coordinator = make_user("coordinator")
    with pytest.raises(PermissionDenied):
        export_hub(tmp_path / "mine", actor=coordinator)
    with pytest.raises(PermissionDenied):
        import_hub(small_hub, actor=coordinator)


def test_a_changed_program_is_a_conflict_kept_unless_overwritten(app, small_hub):
    path = small_hub / "programs.jsonl"
    _write_lines(
        path,
        [line.replace("Weekly.", "Every week.") for line in path.read_text("utf-8").splitlines()],
    )
    results = import_hub(small_hub, ImportOptions(dry_run=True), actor=SYSTEM)
    assert any("program hcv: differs" in c for r in results for c in r.conflicts)
    results = import_hub(small_hub, actor=SYSTEM)
    assert db.session.scalar(select(Program.description).where(Program.slug == "hcv")) == "Weekly."
    import_hub(small_hub, ImportOptions(overwrite=True), actor=SYSTEM)
    assert db.session.scalar(select(Program.description).where(Program.slug == "hcv")) == (
        "Every week."
    )


def _exported_with_three_versions(tmp_path: Path) -> tuple[Program, Path, str]:
    """A program whose form was saved three times, exported: the program, the hub folder
    and the line of programs.jsonl."""
    program = create_program("hcv", "Hepatitis C", actor=SYSTEM)
    db.session.commit()
    first = {"fields": [{"key": "genotype", "label": "Genotype", "type": "text"}]}
    save_template(program, first, actor=SYSTEM)
    second = {"fields": [*first["fields"], {"key": "apri", "label": "APRI", "type": "number"}]}
    save_template(program, second, actor=SYSTEM)
    db.session.commit()
    out = tmp_path / "hub"
    export_hub(out, actor=SYSTEM)
    path = out / "programs.jsonl"
    [line] = path.read_text("utf-8").splitlines()
    return program, out, line


def test_template_versions_the_instance_lacks_are_added_and_a_gap_is_named(app, tmp_path):
    program, out, line = _exported_with_three_versions(tmp_path)
    path = out / "programs.jsonl"
    assert [v["version"] for v in json.loads(line)["template_versions"]] == [1, 2, 3]
    # The instance is one save behind the file: the file's third version is added.
    db.session.delete(template_version(program, 3))
    program.case_template, program.template_version = template_version(program, 2).definition, 2
    db.session.commit()
    results = import_hub(out, actor=SYSTEM)
    assert any("program hcv: updated" in c for r in results for c in r.changes)
    assert not [c for r in results for c in r.conflicts]
    assert program.template_version == 3
    assert [f["key"] for f in program.template_fields] == ["genotype", "apri"]
    # A file whose versions skip a number is named by its line and field.
    _write_lines(path, [line.replace('"version": 2', '"version": 5')])
    [_topics, result, *_] = import_hub(out, actor=SYSTEM)
    assert result.problems == [f"{path} line 1 field 'template_versions[2].version': must be 2"]


def test_the_command_line_exports_and_imports_a_hub(app, small_hub, tmp_path):
    runner = app.test_cli_runner()
    out = tmp_path / "cli"
    result = runner.invoke(args=["export", "--hub", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 programs" in result.output
    result = runner.invoke(args=["import", "--index-timeout", "0", str(out)])
    assert result.exit_code == 0, result.output
    assert "6 of 7 files imported" not in result.output
    assert "0 records created" in result.output
    result = runner.invoke(args=["export", "--hub", "--format", "jsonl", str(tmp_path / "x")])
    assert result.exit_code != 0 and "no --format" in result.output
    # An imported account has no password until an admin sets one.
    create_user("imported@example.org", "Imported Expert", "expert", actor=SYSTEM)
    db.session.commit()
    result = runner.invoke(args=["set-password", "imported@example.org", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert get_user_by_email("imported@example.org").password_hash


@contextmanager
def fresh_db(app) -> Iterator[None]:
    """The test's database emptied of the small hub: the import starts from nothing."""
    for model in (Topic, Program):
        for row in db.session.scalars(select(model)):
            db.session.delete(row)
    db.session.commit()
    try:
        yield
    finally:
        db.session.rollback()


@pytest.fixture
def attended_hub(app, make_user, tmp_path) -> Path:
    program = create_program("hcv", "Hepatitis C", actor=SYSTEM)
    held = create_session(program, date(2025, 6, 10), actor=SYSTEM)
    provider = make_user("provider", email="p@example.org", programs=["hcv"])
    record_attendance(held, {provider.id: 45}, actor=SYSTEM)
    submit_evaluation(held, actor=provider, rating=5, will_change_practice=False)
    db.session.commit()
    out = tmp_path / "attended"
    export_hub(out, actor=SYSTEM)
    return out


def _edit_sessions(folder: Path, old: str, new: str) -> Path:
    path = folder / "sessions.jsonl"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            '"participant": "p@example.org", "minutes"',
            '"participant": "nobody@example.org", "minutes"',
            "field 'attendees[1].participant': no account nobody@example.org",
        ),
        ('"minutes": 45', '"minutes": -3', "field 'attendees[1].minutes': must be a whole number"),
        ('"minutes": 45', '"minutes": "45"', "field 'attendees[1].minutes': must be a whole"),
        ('"source": "ticked"', '"source": "guessed"', "field 'attendees[1].source': must be"),
        ('"rating": 5', '"rating": 9', "field 'evaluations[1].rating': must be from 1"),
    ],
)
def test_a_bad_attendance_row_is_named_and_rejects_the_sessions_file(
    app, attended_hub, old, new, problem
):
    path = _edit_sessions(attended_hub, old, new)
    results = import_hub(attended_hub, actor=SYSTEM)
    by_file = {Path(r.path).name: r for r in results}
    [found] = by_file["sessions.jsonl"].problems
    assert found.startswith(f"{path} line 1 {problem}"), found
    assert "depends on" in by_file["cases.jsonl"].problems[0]


def test_a_different_attendance_is_a_conflict_kept_unless_overwritten(app, attended_hub):
    _edit_sessions(attended_hub, '"minutes": 45', '"minutes": 50')
    minutes = select(Attendance.minutes)
    results = import_hub(attended_hub, actor=SYSTEM)
    conflicts = [c for r in results for c in r.conflicts]
    assert any("attendance hcv 2025-06-10 / p@example.org: differs" in c for c in conflicts)
    assert db.session.scalar(minutes) == 45
    results = import_hub(attended_hub, ImportOptions(dry_run=True, overwrite=True), actor=SYSTEM)
    assert "session hcv 2025-06-10: updated" in [c for r in results for c in r.changes]
    assert db.session.scalar(minutes) == 45
    import_hub(attended_hub, ImportOptions(overwrite=True), actor=SYSTEM)
    assert db.session.scalar(minutes) == 50


def test_a_letter_naming_an_unknown_recommendation_is_named(app, make_user, tmp_path):
    world = build_world(make_user)
    recommendation = add_recommendation(world.follow_up, world.expert, "Continue surveillance.")
    world.follow_up.ref = "hcv-follow-up"
    send_recommendations(world.follow_up, actor=SYSTEM)
    db.session.commit()
    export_hub(tmp_path / "hub", actor=SYSTEM)
    [line] = [
        line
        for line in (tmp_path / "hub" / "cases.jsonl").read_text("utf-8").splitlines()
        if '"letters"' in line
    ]
    raw = json.loads(line)
    assert raw["ref"] == "hcv-follow-up"
    assert raw["letters"][0]["recommendations"] == [recommendation.key]
    path = tmp_path / "cases.jsonl"
    # The cases file's letters pass alone (the builder's cases do not pass the case import).
    raw["letters"].append({**raw["letters"][0], "sent_at": "2025-06-11T10:00:00"})
    raw["letters"][1]["recommendations"] = ["nope"]
    result = _import_file(SourceFile(path, [(7, raw)], []), _import_letters, ImportOptions(), None)
    assert result.problems == [
        f"{path} line 7 field 'letters[2].recommendations': no recommendation nope on this case"
    ]
    raw["letters"][1]["recommendations"] = [recommendation.key]
    result = _import_file(SourceFile(path, [(7, raw)], []), _import_letters, ImportOptions(), None)
    assert (result.problems, result.changes) == ([], ["case hcv-follow-up letters: updated"])
    assert db.session.scalar(select(func.count()).select_from(RecommendationsSent)) == 2


# ---------------------------------------------------------------- nothing left behind


def test_every_table_is_carried_by_the_hub_export_or_named_with_a_reason(app):
    tables = {table.name for table in db.metadata.sorted_tables}
    neither = sorted(tables - CARRIED - set(NOT_CARRIED))
    assert not neither, (
        f"{neither}: carry them in the hub export (app/backup/hub.py) or add them to"
        " NOT_CARRIED there with the reason why not"
    )
    assert not CARRIED & set(NOT_CARRIED)
    assert not (CARRIED | set(NOT_CARRIED)) - tables, "names of tables that no longer exist"
    assert all(reason.strip() for reason in NOT_CARRIED.values())


@pytest.fixture
def dissent_hub(app, make_user, tmp_path) -> Path:
    world = build_world(make_user)
    world.case.ref = "hcv-dissent"
    recommendation = add_recommendation(world.case, world.expert, "Start treatment today.")
    practice = propose_practice(
        "Check HBV serologies first",
        "Document HBsAg before the first dose.",
        author=world.expert,
        actor=SYSTEM,
    )
    record_dissent(recommendation, practice, "Done last month elsewhere.", actor=world.expert)
    follow(world.expert, program="hcv")
    db.session.commit()
    out = tmp_path / "hub"
    export_hub(out, actor=SYSTEM)
    return out


def test_an_imported_template_version_with_patient_identifiers_is_refused(app, tmp_path):
    program, out, line = _exported_with_three_versions(tmp_path)
    path = out / "programs.jsonl"
    raw = json.loads(line)
    # The file's last version (and so its current form) names a patient in a label.
    for template in (raw["template_versions"][2]["template"], raw["template"]):
        template["fields"][1]["label"] = "APRI of Harriet Quenby, MRN 55512344"
    _write_lines(path, [json.dumps(raw)])
    db.session.delete(template_version(program, 3))
    program.case_template, program.template_version = template_version(program, 2).definition, 2
    db.session.commit()
    [_topics, result, *_] = import_hub(out, actor=SYSTEM)
    assert result.problems and "template.fields[2].label': possible" in result.problems[0]
    assert "Quenby" not in " ".join(result.problems)
    db.session.rollback()
    assert program.template_version == 2


def _import_one(folder: Path, kind: str, options: ImportOptions | None = None) -> ImportResult:
    """One file of the folder as import_hub imports it (the builder's cases do not pass
    the case import, so the files after them are imported alone)."""
    source = read_file(folder / f"{kind}.jsonl")
    return _import_file(source, IMPORTERS[kind], options or ImportOptions(), SYSTEM)


def test_a_different_dissent_is_a_conflict_kept_unless_overwritten(app, dissent_hub):
    path = dissent_hub / "practices.jsonl"
    [line] = path.read_text("utf-8").splitlines()
    raw = json.loads(line)
    [dissent] = raw["dissents"]
    assert set(dissent) == {"case", "item", "author", "reason", "at"}
    assert (dissent["case"], dissent["author"]) == ("hcv-dissent", "dana@example.org")
    assert _import_one(dissent_hub, "practices").changes == []  # equal: kept
    raw["dissents"][0]["reason"] = "Done at the referring clinic."
    _write_lines(path, [json.dumps(raw)])
    reason = select(RecommendationDissent.reason)
    [conflict] = _import_one(dissent_hub, "practices").conflicts
    assert f"dissent Check HBV serologies first / {dissent['item']}: differs" in conflict
    assert db.session.scalar(reason) == "Done last month elsewhere."
    result = _import_one(dissent_hub, "practices", ImportOptions(overwrite=True))
    assert result.changes == ["practice Check HBV serologies first: updated"]
    assert db.session.scalar(reason) == "Done at the referring clinic."
    # One the instance lacks is added, signed and dated as the file has it.
    db.session.execute(RecommendationDissent.__table__.delete())
    db.session.commit()
    result = _import_one(dissent_hub, "practices")
    assert result.changes == ["practice Check HBV serologies first: updated"]
    added = db.session.scalar(select(RecommendationDissent))
    assert added.expert.email == "dana@example.org"
    assert added.updated_at.isoformat() == dissent["at"]
    # One naming an unknown item is named by its field; the file is not imported.
    raw["dissents"][0]["item"] = "nope"
    _write_lines(path, [json.dumps(raw)])
    assert _import_one(dissent_hub, "practices").problems == [
        f"{path} line 1 field 'dissents[1].item': no recommendation nope (in cases.jsonl)"
    ]


def test_follows_are_added_never_taken_off_and_old_exports_still_import(app, dissent_hub):
    path = dissent_hub / "accounts.jsonl"
    lines = path.read_text("utf-8").splitlines()
    [mine] = [line for line in lines if '"follows"' in line]
    raw = json.loads(mine)
    assert raw["follows"] == {"programs": ["hcv"]}
    assert "daily_digest" not in raw
    expert = get_user_by_email(raw["email"])
    subscriptions = select(func.count()).select_from(Subscription)
    db.session.execute(Subscription.__table__.delete())
    db.session.commit()
    # An export made before accounts carried follows imports, adding none.
    old = [
        json.dumps({k: v for k, v in json.loads(line).items() if k != "follows"}) for line in lines
    ]
    _write_lines(path, old)
    result = _import_one(dissent_hub, "accounts")
    assert result.ok and result.changes == []
    assert db.session.scalar(subscriptions) == 0
    # The file's follows and digest are added; what the account follows besides is kept.
    follow(expert, topic="Hepatitis C")
    db.session.commit()
    raw["daily_digest"] = True
    _write_lines(path, [json.dumps(raw) if line == mine else line for line in lines])
    assert _import_one(dissent_hub, "accounts").changes == [f"account {expert.email}: updated"]
    assert db.session.scalar(subscriptions) == 2
    assert db.session.scalar(
        select(DigestPreference.daily_email).where(DigestPreference.user_id == expert.id)
    )
    assert _import_one(dissent_hub, "accounts").changes == []
    raw["follows"] = {"topics": ["Nope"]}
    _write_lines(path, [json.dumps(raw)])
    assert _import_one(dissent_hub, "accounts").problems == [
        f"{path} line 1 field 'follows.topics': no topic Nope (in topics.jsonl or this instance)"
    ]


def test_review_comments_are_added_once_and_a_different_one_is_kept(app, make_user, tmp_path):
    world = build_world(make_user)
    world.case.ref = "hcv-returned"
    db.session.add(
        ReviewComment(
            case=world.case,
            author_id=world.admin.id,
            body="Add the HBV serologies.",
            created_at=datetime(2025, 5, 2, 9, 30),
        )
    )
    db.session.commit()
    export_hub(tmp_path / "hub", actor=SYSTEM)
    [raw] = [
        json.loads(line)
        for line in (tmp_path / "hub" / "cases.jsonl").read_text("utf-8").splitlines()
        if '"review_comments"' in line
    ]
    assert raw["review_comments"] == [
        {
            "at": "2025-05-02T09:30:00",
            "author": "admin@example.org",
            "comment": "Add the HBV serologies.",
        }
    ]
    path = tmp_path / "cases.jsonl"

    def load(record: dict) -> ImportResult:
        return _import_file(
            SourceFile(path, [(3, record)], []), _import_letters, ImportOptions(), SYSTEM
        )

    assert load(raw).changes == []  # equal: kept
    db.session.execute(ReviewComment.__table__.delete())
    db.session.commit()
    assert load(raw).changes == ["case hcv-returned review comments: updated"]
    [added] = db.session.scalars(select(ReviewComment))
    assert (added.author_id, added.created_at) == (world.admin.id, datetime(2025, 5, 2, 9, 30))
    raw["review_comments"][0]["comment"] = "Add the HBV DNA."
    [conflict] = load(raw).conflicts
    assert "review comment hcv-returned 2025-05-02T09:30:00: differs" in conflict
    assert db.session.scalar(select(ReviewComment.body)) == "Add the HBV serologies."
    raw["review_comments"][0] |= {"at": "2025-05-03T09:30:00", "comment": "Call Mr. John Smith."}
    [problem] = load(raw).problems
    assert problem.startswith(f"{path} line 3 field 'review_comments[1].comment'"), problem


def test_a_dissent_on_a_case_withdrawn_since_imports_for_an_admin(app, dissent_hub, make_user):
    """An import carries history: a dissent whose case was withdrawn after it was written
    is restored by an admin's import, where marking one anew would be refused."""
    recommendation = db.session.scalar(
        select(Recommendation).where(Recommendation.key.is_not(None))
    )
    recommendation.case.withdrawn_at = utcnow()
    recommendation.case.withdrawal_reason = list(WithdrawalReason)[0]
    db.session.execute(RecommendationDissent.__table__.delete())
    db.session.commit()
    admin = make_user("admin", email="root@example.org")
    source = read_file(dissent_hub / "practices.jsonl")
    result = _import_file(source, IMPORTERS["practices"], ImportOptions(), admin)
    assert result.ok, result.problems
    assert db.session.scalar(select(func.count()).select_from(RecommendationDissent)) == 1


def test_evidence_naming_a_session_without_its_date_names_the_date(app, make_user, tmp_path):
    program = create_program("hcv", "Hepatitis C", actor=SYSTEM)
    held = create_session(program, date(2025, 6, 10), actor=SYSTEM)
    expert = make_user("expert", email="e@example.org", programs=["hcv"])
    practice = propose_practice(
        "Check HBV serologies before DAA therapy",
        "Order HBsAg and anti-HBc.",
        author=expert,
        actor=SYSTEM,
    )
    add_evidence(practice, held, added_by=expert, actor=SYSTEM)
    db.session.commit()
    out = tmp_path / "hub"
    export_hub(out, actor=SYSTEM)
    path = out / "practices.jsonl"
    [line] = path.read_text("utf-8").splitlines()
    assert '"date": "2025-06-10"' in line
    _write_lines(path, [line.replace('"date": "2025-06-10"', '"date": null')])
    by_file = {Path(r.path).name: r for r in import_hub(out, actor=SYSTEM)}
    [problem] = by_file["practices.jsonl"].problems
    assert problem.endswith("session.date': is required"), problem


@pytest.fixture
def teaching_hub(app, make_user, tmp_path) -> Path:
    world = build_world(make_user)
    world.case.ref = "hcv-teaching"
    teaching_set = teaching.create_set(world.expert, "Cirrhosis cases", "For **March**.")
    teaching.add_item(world.expert, teaching_set, case=world.case, note="Discuss HBV first.")
    teaching.add_item(world.expert, teaching_set, recommendation=world.rec, note="Why 12 weeks?")
    teaching.share_set(world.expert, teaching_set, world.hcv)
    teaching.save_search(world.expert, "HCV cases", "q=hcv&type=case")
    db.session.commit()
    out = tmp_path / "hub"
    export_hub(out, actor=SYSTEM)
    return out


def test_a_teaching_set_gains_missing_items_and_a_different_note_is_kept(app, teaching_hub):
    path = teaching_hub / "teaching_sets.jsonl"
    [line] = path.read_text("utf-8").splitlines()
    raw = json.loads(line)
    assert list(raw) == [
        "owner",
        "title",
        "description",
        "program",
        "created_at",
        "updated_at",
        "items",
    ]
    assert (raw["owner"], raw["program"]) == ("dana@example.org", "hcv")
    first, second = raw["items"]
    assert (first["case"], first["note"]) == ("hcv-teaching", "Discuss HBV first.")
    assert set(second) == {"recommendation", "note", "added_at"}
    assert _import_one(teaching_hub, "teaching_sets").changes == []  # equal: kept
    # A different note is a conflict, kept unless overwritten.
    raw["items"][1]["note"] = "Why not 8 weeks?"
    _write_lines(path, [json.dumps(raw)])
    [conflict] = _import_one(teaching_hub, "teaching_sets").conflicts
    key = second["recommendation"]
    assert f"teaching set note dana@example.org / Cirrhosis cases / {key}: differs" in conflict
    notes = select(TeachingSetItem.note).order_by(TeachingSetItem.position)
    assert db.session.scalars(notes).all() == ["Discuss HBV first.", "Why 12 weeks?"]
    result = _import_one(teaching_hub, "teaching_sets", ImportOptions(overwrite=True))
    assert result.changes == ["teaching set dana@example.org / Cirrhosis cases: updated"]
    assert db.session.scalars(notes).all() == ["Discuss HBV first.", "Why not 8 weeks?"]
    # An item the set lacks is added at its end, dated as the file has it; an import is
    # audited under the importer with imported set.
    db.session.execute(
        TeachingSetItem.__table__.delete().where(TeachingSetItem.case_id.is_not(None))
    )
    db.session.commit()
    result = _import_one(teaching_hub, "teaching_sets")
    assert result.changes == ["teaching set dana@example.org / Cirrhosis cases: updated"]
    added = db.session.scalar(select(TeachingSetItem).where(TeachingSetItem.case_id.is_not(None)))
    assert (added.position, added.added_at.isoformat()) == (3, first["added_at"])
    event = db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.action == "teaching_set.item_added")
        .order_by(AuditEvent.id.desc())
    ).first()
    assert event.actor_id is None and event.details["imported"] is True
    # A different description is a conflict too; a set of another title is another set.
    raw["description"] = "For the April session."
    _write_lines(path, [json.dumps(raw)])
    [conflict] = _import_one(teaching_hub, "teaching_sets").conflicts
    assert "teaching set dana@example.org / Cirrhosis cases: differs" in conflict
    raw["title"] = "Cirrhosis, again"
    _write_lines(path, [json.dumps(raw)])
    assert _import_one(teaching_hub, "teaching_sets").changes == [
        "teaching set dana@example.org / Cirrhosis, again: created"
    ]
    assert db.session.scalar(select(func.count()).select_from(TeachingSet)) == 2


def test_teaching_texts_pass_the_gate_and_unknown_items_are_named(app, teaching_hub):
    path = teaching_hub / "teaching_sets.jsonl"
    raw = json.loads(path.read_text("utf-8"))
    raw["title"] = "Another set"
    raw["items"][0]["note"] = "Patient Harriet Quenby, MRN 55512344"
    _write_lines(path, [json.dumps(raw)])
    result = _import_one(teaching_hub, "teaching_sets")
    assert result.problems and all("field 'items[1].note': possible" in p for p in result.problems)
    assert db.session.scalar(select(func.count()).select_from(TeachingSet)) == 1  # rolled back
    raw["items"][0] = {"case": "nope"}
    _write_lines(path, [json.dumps(raw)])
    assert _import_one(teaching_hub, "teaching_sets").problems == [
        f"{path} line 1 field 'items[1].case': no case nope (in cases.jsonl)"
    ]
    raw["items"][0] = {"case": "hcv-teaching", "recommendation": raw["items"][1]["recommendation"]}
    _write_lines(path, [json.dumps(raw)])
    assert _import_one(teaching_hub, "teaching_sets").problems == [
        f"{path} line 1 field 'items[1]': must name one case or one recommendation"
    ]


def test_a_saved_search_is_added_once_and_a_different_query_is_kept(app, teaching_hub):
    path = teaching_hub / "saved_searches.jsonl"
    [line] = path.read_text("utf-8").splitlines()
    raw = json.loads(line)
    assert list(raw) == ["owner", "name", "query", "created_at"]
    assert (raw["owner"], raw["query"]) == ("dana@example.org", "q=hcv&type=case")
    assert _import_one(teaching_hub, "saved_searches").changes == []
    raw["query"] = "q=cirrhosis"
    _write_lines(path, [json.dumps(raw)])
    [conflict] = _import_one(teaching_hub, "saved_searches").conflicts
    assert "saved search dana@example.org / HCV cases: differs" in conflict
    result = _import_one(teaching_hub, "saved_searches", ImportOptions(overwrite=True))
    assert result.changes == ["saved search dana@example.org / HCV cases: updated"]
    assert db.session.scalar(select(SavedSearch.query)) == "q=cirrhosis"
    db.session.execute(SavedSearch.__table__.delete())
    db.session.commit()
    assert _import_one(teaching_hub, "saved_searches").changes == [
        "saved search dana@example.org / HCV cases: created"
    ]
    assert db.session.scalar(select(SavedSearch.created_at)).isoformat() == raw["created_at"]
    raw["name"] = "Patient Harriet Quenby, MRN 55512344"
    raw["query"] = "q=nothing"
    _write_lines(path, [json.dumps(raw)])
    result = _import_one(teaching_hub, "saved_searches")
    assert result.problems and all("field 'name': possible" in p for p in result.problems)
    raw["name"], raw["query"] = "Empty", "page=2"
    _write_lines(path, [json.dumps(raw)])
    assert _import_one(teaching_hub, "saved_searches").problems == [
        f"{path} line 1 field 'query': Search for something before saving the search."
    ]


def test_an_export_made_before_teaching_sets_were_carried_still_imports(app, small_hub):
    manifest = json.loads((small_hub / MANIFEST).read_text("utf-8"))
    for kind in ("saved_searches", "teaching_sets"):
        (small_hub / f"{kind}.jsonl").unlink()
        del manifest["counts"][kind]
    (small_hub / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    with fresh_db(app):
        results = import_hub(small_hub, actor=SYSTEM)
        assert all(r.ok for r in results)
        assert db.session.scalar(select(func.count()).select_from(Program)) == 2
        assert db.session.scalar(select(func.count()).select_from(TeachingSet)) == 0


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"notes": ["Weekly visits.", "Mr. John Smith 603-555-0142"]}, "'fields.notes[2]'"),
        ({"Harriet Quenby MRN 55512344": 1}, "'fields':"),
    ],
)
def test_a_hub_case_s_free_fields_pass_the_gate_and_their_keys_are_names(
    app, make_user, tmp_path, fields, named
):
    """A program without a case form keeps a case's fields as given: a hub file is checked
    as the case import and the API are, each text of a list gated, a key never repeated."""
    program = create_program("pain", "Chronic Pain ECHO", actor=SYSTEM)
    presenter = make_user("provider", programs=["pain"])
    case = add_case(program, presenter, "Back pain", fields={"notes": ["Weekly visits."]})
    case.ref = "pain-1"
    db.session.commit()
    out = tmp_path / "hub"
    export_hub(out, actor=SYSTEM)
    db.session.delete(case)
    db.session.commit()
    path = out / "cases.jsonl"
    [raw] = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert raw["fields"] == {"notes": ["Weekly visits."]}
    _write_lines(path, [json.dumps({**raw, "fields": fields})])
    [result] = [r for r in import_hub(out, actor=SYSTEM) if r.path == str(path)]
    assert result.problems and all(named in p for p in result.problems), result.problems
    told = " ".join(result.problems)
    assert not any(p in told for p in ("Smith", "Quenby", "55512344"))
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Case)) == 0


def test_an_imported_practice_version_that_keeps_the_wording_has_its_reason_gated(app, small_hub):
    # A version changing only the topics (whose history is not kept) replays no edit of
    # the wording: its reason is stored all the same, so it passes the gate all the same.
    words = {"title": "HBV serology first", "statement": "Check HBV serology before DAAs."}
    versions = [
        {"version": 1, **words, "status": "proposed", "reason": "Proposed."},
        {
            "version": 2,
            **words,
            "status": "proposed",
            "reason": "Patient Harriet Quenby, MRN 55512344",
        },
    ]
    path = small_hub / "practices.jsonl"
    _write_lines(path, [json.dumps({**words, "status": "proposed", "versions": versions})])
    result = _import_one(small_hub, "practices")
    assert result.problems and all(
        "field 'versions[2].reason': possible" in p for p in result.problems
    ), result.problems
    assert "Quenby" not in " ".join(result.problems)
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(BestPractice)) == 0
    stored = select(func.count()).select_from(BestPracticeVersion)
    assert db.session.scalar(stored.where(BestPracticeVersion.reason.contains("55512344"))) == 0


def test_an_unknown_recommendation_key_is_named_unless_it_reads_as_an_identifier(app, teaching_hub):
    path = teaching_hub / "teaching_sets.jsonl"
    raw = json.loads(path.read_text("utf-8"))
    raw["title"] = "Another set"
    for key, problem in [
        ("hcv-9/r1", "no recommendation hcv-9/r1 (in cases.jsonl)"),
        ("MRN-77731234", "no such recommendation (in cases.jsonl)"),
    ]:
        raw["items"][1] = {"recommendation": key}
        _write_lines(path, [json.dumps(raw)])
        assert _import_one(teaching_hub, "teaching_sets").problems == [
            f"{path} line 1 field 'items[2].recommendation': {problem}"
        ]


def test_evidence_naming_an_unknown_case_repeats_its_ref_unless_it_reads_as_an_identifier(
    app, small_hub
):
    words = {"title": "HBV serology first", "statement": "Check HBV serology before DAAs."}
    path = small_hub / "practices.jsonl"
    for ref, problem in [("hcv-404", "no case hcv-404"), ("MRN-77731234", "no such case")]:
        evidence = [{"case": ref, "note": ""}]
        _write_lines(path, [json.dumps({**words, "evidence": evidence})])
        assert _import_one(small_hub, "practices").problems == [
            f"{path} line 1 field 'evidence[1].case': {problem}"
        ]


def test_an_unknown_program_is_named_unless_its_slug_reads_as_an_identifier(app, small_hub):
    path = small_hub / "accounts.jsonl"
    account = {"email": "new@example.org", "name": "New Expert", "role": "expert"}
    for slug, problem in [("nope", "no program nope"), ("mrn-77731234", "no such program")]:
        _write_lines(path, [json.dumps({**account, "programs": [slug]})])
        assert _import_one(small_hub, "accounts").problems == [
            f"{path} line 1 field 'programs': {problem} (in programs.jsonl or this instance)"
        ]


def test_an_unknown_field_is_named_unless_its_name_could_hold_patient_text(app, small_hub):
    path = small_hub / "programs.jsonl"
    lines = path.read_text("utf-8").splitlines()
    lines[1] = lines[1].replace('"slug": "oud"', '"slug": "oud", "Harriet Quenby MRN 55512344": 1')
    _write_lines(path, lines)
    with fresh_db(app):
        results = import_hub(small_hub, actor=SYSTEM)
        [problem] = {Path(r.path).name: r for r in results}["programs.jsonl"].problems
    assert problem == (
        f"{path} line 2: has a field whose name is not repeated: it is not a known field here"
    )


def test_an_unknown_account_topic_or_practice_is_named_unless_it_could_be_patient_text(
    app, small_hub
):
    # A name or a line of notes where an email, a topic or a title belongs is not repeated.
    notes = "Harriet Quenby MRN 55512344"
    words = {"title": "HBV serology first", "statement": "Check HBV serology before DAAs."}
    practices, accounts = small_hub / "practices.jsonl", small_hub / "accounts.jsonl"
    account = {"email": "new@example.org", "name": "New Expert", "role": "expert"}
    told = []
    for by, problem in [
        ("ann@example.org", "no account ann@example.org"),
        (notes, "no such account"),
    ]:
        _write_lines(practices, [json.dumps({**words, "created_by": by})])
        told += _import_one(small_hub, "practices").problems
        assert f"field 'created_by': {problem} (in accounts.jsonl" in told[-1]
        db.session.rollback()
    for topic, problem in [("Gut", "no topic Gut"), (notes, "no such topic")]:
        _write_lines(accounts, [json.dumps({**account, "follows": {"topics": [topic]}})])
        told += _import_one(small_hub, "accounts").problems
        assert f"field 'follows.topics': {problem} (in topics.jsonl" in told[-1]
        db.session.rollback()
    versions = [
        {"version": 1, **words, "status": "proposed", "reason": "Proposed."},
        {"version": 2, **words, "status": "superseded", "reason": "Replaced."},
    ]
    _write_lines(practices, [json.dumps({**words, "versions": versions, "superseded_by": notes})])
    told += _import_one(small_hub, "practices").problems
    assert told[-1].endswith("field 'versions[2].superseded_by': no such practice before this one")
    db.session.rollback()
    topics = small_hub / "topics.jsonl"
    parent = '"parent": "Liver disease"'
    topics.write_text(topics.read_text("utf-8").replace(parent, f'"parent": "{notes}"'))
    told += [p for result in import_hub(small_hub, actor=SYSTEM) for p in result.problems]
    assert any(p.endswith("field 'parent': no such topic") for p in told), told
    assert not any(part in p for p in told for part in ("Quenby", "55512344"))


def test_an_imported_saved_search_is_read_by_the_search_words_gate(app, teaching_hub):
    # A saved search's words are read as the search page reads them, wherever they come
    # from: a lower-case name in its words or filters is refused on import too.
    path = teaching_hub / "saved_searches.jsonl"
    raw = json.loads(path.read_text("utf-8").splitlines()[0])
    db.session.execute(SavedSearch.__table__.delete())
    db.session.commit()
    for query in ("q=victor+martinez+hcv", "q=hcv&topic=smith,+john"):
        raw["query"] = query
        _write_lines(path, [json.dumps(raw)])
        result = _import_one(teaching_hub, "saved_searches")
        assert result.problems and all("possible" in p for p in result.problems), query
        assert db.session.scalar(select(func.count()).select_from(SavedSearch)) == 0


def test_a_proposed_or_retired_topic_keeps_its_state_through_export_and_import(app, small_hub):
    # A proposed topic's name may be known to one private program only: a restore must not
    # publish it by accepting it, nor bring back a retired one.
    path = small_hub / "topics.jsonl"
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert all("status" not in line for line in lines)  # accepted: as an older export wrote it
    with fresh_db(app):
        create_topic("Renal dosing", actor=SYSTEM).status = TopicStatus.PROPOSED
        create_topic("Old term", actor=SYSTEM).status = TopicStatus.RETIRED
        db.session.commit()
        export_hub(small_hub.parent / "again", actor=SYSTEM)
    written = (small_hub.parent / "again" / "topics.jsonl").read_text("utf-8")
    with fresh_db(app):
        assert all(r.ok for r in import_hub(small_hub.parent / "again", actor=SYSTEM))
        states = {t.name: t.status for t in db.session.scalars(select(Topic))}
        assert states == {"Renal dosing": TopicStatus.PROPOSED, "Old term": TopicStatus.RETIRED}
    assert '"status": "proposed"' in written
