"""New cases written in batches (app/cases/bulk.py) keep what the operations keep: the
gate and its overrides, an audit event per change, an outbox row per document."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.cases.models import Case
from app.cases.transfer import ImportOptions, import_paths
from app.deid.models import DeidOverride
from app.extensions import db
from app.programs.models import Session, Topic
from app.search.models import SearchOutbox
from tests.cases.test_transfer import program, record, write_jsonl  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("program")

NEW_CASE = {"recommendations": None, "status": "presented"}


def _events(case: Case) -> list[str]:
    stmt = (
        select(AuditEvent.action)
        .where(AuditEvent.entity_type == "cases", AuditEvent.entity_id == case.id)
        .order_by(AuditEvent.id)
    )
    return list(db.session.scalars(stmt))


def test_new_cases_of_a_file_have_their_events_outbox_rows_topics_and_sessions(
    app, tmp_path, make_user
):
    admin = make_user("admin")
    records = [
        record("b-1", **NEW_CASE),
        record("b-2", **NEW_CASE, topics=["Hepatitis C", "Fibrosis staging"]),
        record("b-3", **NEW_CASE, session_date="2026-04-14", follows="b-1"),
    ]
    [result] = import_paths([write_jsonl(tmp_path / "new.jsonl", records)], actor=admin)

    assert result.ok and result.created == 3
    cases = {c.ref: c for c in db.session.scalars(select(Case))}
    assert cases["b-3"].follows_id == cases["b-1"].id
    assert [t.name for t in cases["b-2"].topics] == ["Fibrosis staging", "Hepatitis C"]
    assert db.session.scalar(select(func.count(Topic.id))) == 3  # each new name added once
    for case in cases.values():
        assert _events(case) == ["case.created", "case.scheduled", "case.imported"]
        assert case.presentations[0].presented
    # The existing session is reused; the new date gets the next number.
    assert [
        (s.number, str(s.date))
        for s in db.session.scalars(select(Session).order_by(Session.number))
    ] == [
        (1, "2026-03-10"),
        (2, "2026-04-14"),
    ]
    outbox = set(db.session.execute(select(SearchOutbox.entity_type, SearchOutbox.entity_id)))
    assert {("case", c.id) for c in cases.values()} <= outbox
    assert ("session", cases["b-3"].sessions[0].id) in outbox


def test_a_reimport_of_bulk_written_cases_changes_nothing(app, tmp_path, make_user):
    admin = make_user("admin")
    path = write_jsonl(tmp_path / "new.jsonl", [record(f"b-{n}", **NEW_CASE) for n in range(3)])
    import_paths([path], actor=admin)

    [again] = import_paths([path], actor=admin)

    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_an_accepted_finding_is_kept_and_an_unaccepted_one_rejects_the_file(
    app, tmp_path, make_user
):
    admin = make_user("admin")
    title = "Follow-up of Mr. Oswin Peabody with genotype 3"
    start = title.index("Oswin")
    accepted = record(
        "b-ok",
        **NEW_CASE,
        title=title,
        overrides=[
            {
                "field": "title",
                "start": start,
                "end": start + len("Oswin Peabody"),
                "category": "NAME",
                "reason": "other",
            }
        ],
    )
    refused = record("b-no", **NEW_CASE, title=title)

    [bad] = import_paths([write_jsonl(tmp_path / "bad.jsonl", [refused])], actor=admin)
    [good] = import_paths([write_jsonl(tmp_path / "good.jsonl", [accepted])], actor=admin)

    assert not bad.ok and "(ref b-no) field 'title': possible NAME" in bad.problems[0]
    assert good.ok, good.problems
    case = db.session.scalar(select(Case).where(Case.ref == "b-ok"))
    assert db.session.scalar(select(Case).where(Case.ref == "b-no")) is None
    [override] = db.session.scalars(select(DeidOverride).where(DeidOverride.entity_id == case.id))
    assert (override.field, override.reason) == ("title", "other")
    assert "deid.finding_overridden" in _events(case)


def test_a_dry_run_of_new_cases_writes_nothing(app, tmp_path, make_user):
    admin = make_user("admin")
    path = write_jsonl(tmp_path / "new.jsonl", [record(f"b-{n}", **NEW_CASE) for n in range(3)])

    [result] = import_paths([path], ImportOptions(dry_run=True), actor=admin)

    assert result.created == 3
    assert db.session.scalar(select(func.count(Case.id))) == 0


def test_new_cases_mark_the_groupings_of_their_programs_audience_only(app, tmp_path, make_user):
    """A private program's import is not told to others through the groupings' notice."""
    from app.practices import groups
    from app.practices.models import GroupKind, StaleAudience
    from app.programs.models import Program

    hcv = db.session.scalar(select(Program).where(Program.slug == "hcv"))
    hcv.private = True
    db.session.commit()
    groups.refresh()
    admin = make_user("admin")
    drafts = [record(f"d-{n}", **{**NEW_CASE, "status": "draft"}) for n in range(2)]
    import_paths([write_jsonl(tmp_path / "drafts.jsonl", drafts)], actor=admin)
    marked = select(StaleAudience.kind, StaleAudience.audience)
    assert set(db.session.execute(marked)) == set()  # drafts shape no group

    records = [record(f"b-{n}", **NEW_CASE) for n in range(2)]
    import_paths([write_jsonl(tmp_path / "new.jsonl", records)], actor=admin)
    # Its topics are new, proposed ones: the recommendations' vocabulary changes too.
    assert set(db.session.execute(marked)) == {(kind, hcv.id) for kind in GroupKind}
    assert not groups.is_stale(GroupKind.QUESTIONS, {groups.PUBLIC})


def test_a_files_new_cases_and_sessions_are_each_one_insert_with_ids_matched_to_rows(
    app, tmp_path, make_user
):
    """The batch's cases and sessions go in with one INSERT each (SQLite was sent one a row),
    and each id returned is the one of its own row: its session, title and events."""
    from tests.cases.test_transfer import statements_seen

    admin = make_user("admin")
    # Dates out of order, so that the sessions' numbers do not follow the cases' order.
    days = [f"2026-{m:02d}-{d:02d}" for m, d in [(9, 1), (5, 2), (11, 3), (4, 4), (7, 5)] * 2]
    records = [
        record(f"m-{n}", **NEW_CASE, session_date=day, title=f"Case number {n} of the file")
        for n, day in enumerate(days[:9])
    ]
    with statements_seen() as seen:
        [result] = import_paths([write_jsonl(tmp_path / "many.jsonl", records)], actor=admin)

    assert result.ok and result.created == 9
    inserts = [s.split(" (")[0] for s, _ in seen if s.startswith("INSERT INTO")]
    assert inserts.count("INSERT INTO cases") == 1
    assert inserts.count("INSERT INTO sessions") == 1
    for n, day in enumerate(days[:9]):
        case = db.session.scalar(select(Case).where(Case.ref == f"m-{n}"))
        assert case.title == f"Case number {n} of the file"
        assert [str(s.date) for s in case.sessions] == [day]
        assert _events(case) == ["case.created", "case.scheduled", "case.imported"]
