"""New cases written in batches (app/cases/bulk.py) keep what the operations keep: the
gate and its overrides, an audit event per change, an outbox row per document."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.audit.models import AuditEvent
from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.cases.transfer import ImportOptions, import_paths
from app.deid.models import DeidOverride
from app.extensions import db
from app.programs.models import Program, Session, Topic
from app.programs.operations import create_program
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


def test_new_sessions_of_two_programs_with_the_same_number_get_their_own_cases(
    app, tmp_path, make_user
):
    """Each program numbers its sessions from 1: the batch's new sessions of two programs
    share their numbers, and each case is scheduled in its own program's session."""
    from tests.cases.test_transfer import TEMPLATE

    admin = make_user("admin")
    create_program("liver", "Liver ECHO", template=TEMPLATE, actor=SYSTEM)
    db.session.commit()
    records = []
    for n, day in enumerate(["2026-05-02", "2026-06-03", "2026-07-04"]):
        for slug in ("hcv", "liver"):
            records.append(
                record(
                    f"{slug}-{n}", **NEW_CASE, program=slug, session_date=day, title=f"{slug} {n}"
                )
            )
    [result] = import_paths([write_jsonl(tmp_path / "two.jsonl", records)], actor=admin)

    assert result.ok and result.created == 6, result.problems
    for r in records:
        case = db.session.scalar(select(Case).where(Case.ref == r["ref"]))
        assert case.title == r["title"]
        [session] = case.sessions
        assert (session.program.slug, str(session.date)) == (r["program"], r["session_date"])
    numbers = select(Session.number).join(Session.program).order_by(Session.number)
    # hcv had session 1 already; liver starts at 1: numbers 2-4 and 1-3
    assert list(db.session.scalars(numbers.where(Program.slug == "hcv"))) == [1, 2, 3, 4]
    assert list(db.session.scalars(numbers.where(Program.slug == "liver"))) == [1, 2, 3]
    for s in db.session.scalars(select(Session)):
        assert s.title.endswith(f"session {s.number}") or s.title == "HCV session 1"


def test_refs_told_apart_by_case_only_are_two_cases_each_with_its_own_row(app, tmp_path, make_user):
    admin = make_user("admin")
    records = [
        record("Case-7", **NEW_CASE, title="The capitalised one", session_date="2026-05-02"),
        record("case-7", **NEW_CASE, title="The lower-case one", session_date="2026-06-03"),
    ]
    [result] = import_paths([write_jsonl(tmp_path / "cases.jsonl", records)], actor=admin)

    assert result.ok and result.created == 2, result.problems
    for r in records:
        case = db.session.scalar(select(Case).where(Case.ref == r["ref"]))
        assert case.title == r["title"]
        assert [str(s.date) for s in case.sessions] == [r["session_date"]]


def test_a_ref_named_twice_in_a_file_is_refused_and_one_already_taken_merges(
    app, tmp_path, make_user
):
    """No two rows of a batch share a ref: a file naming one twice is refused whole, and a
    record of a ref in the database merges into that case through the operations, the
    batch's other cases each getting their own row."""
    admin = make_user("admin")
    import_paths(
        [write_jsonl(tmp_path / "old.jsonl", [record("old-1", **NEW_CASE, title="Old title")])],
        actor=admin,
    )
    twice = [
        record("new-1", **NEW_CASE, title="First reading"),
        record("new-1", **NEW_CASE, title="Second reading", session_date="2026-06-03"),
    ]
    [refused] = import_paths([write_jsonl(tmp_path / "twice.jsonl", twice)], actor=admin)
    assert "(ref new-1) field 'ref': duplicate of the record at 1" in refused.problems[0]
    assert db.session.scalar(select(func.count(Case.id))) == 1

    records = [
        record("new-1", **NEW_CASE, title="First case"),
        record("new-2", **NEW_CASE, title="Another case", session_date="2026-05-02"),
        record("old-1", **NEW_CASE, title="Old title, changed", session_date="2026-06-03"),
        record("new-3", **NEW_CASE, title="A third case", session_date="2026-07-04"),
    ]
    [result] = import_paths([write_jsonl(tmp_path / "new.jsonl", records)], actor=admin)

    assert result.ok, result.problems
    assert (result.created, result.updated) == (3, 1)
    for r in records:
        case = db.session.scalar(select(Case).where(Case.ref == r["ref"]))
        assert case.title == r["title"]
        assert str(case.sessions[-1].date) == r["session_date"]
    old = db.session.scalar(select(Case).where(Case.ref == "old-1"))
    assert [str(s.date) for s in old.sessions] == ["2026-03-10", "2026-06-03"]


def test_the_items_of_many_cases_of_a_batch_hang_on_their_own_rows(app):
    """Recommendations, their versions, annotations and outcomes of several cases written
    together (a generated hub's batches): each id is that of its own row."""
    from app.auth.models import User
    from app.cases.bulk import NewAnnotation, NewCases, NewOutcome, NewRecommendation
    from app.cases.models import CaseStatus
    from app.cases.operations import CaseData
    from app.recommendations.models import Annotation, Outcome, RecommendationVersion

    hub = db.session.scalar(select(User).where(User.email == "hub@example.org"))
    hub2 = db.session.scalar(select(User).where(User.email == "hub2@example.org"))
    hcv = db.session.scalar(select(Program).where(Program.slug == "hcv"))
    published = CaseStatus.RECOMMENDATIONS_PUBLISHED

    def data(title: str) -> CaseData:
        return CaseData(
            title=title,
            question="Which treatment now?",
            presentation="## History of present illness\n\nTreatment-naive.",
            age=50,
            sex="female",
            fields={"genotype": "3"},
            topics=["Hepatitis C"],
        )

    def items(n: int) -> list[NewRecommendation]:
        return [
            NewRecommendation(
                hub,
                "therapeutic",
                [f"Advice {k} for case {n}.", f"Advice {k} for case {n}, revised."][: 1 + k % 2],
                annotations=[
                    NewAnnotation(hub2, "agree", f"Agree with advice {k} for case {n} ({a}).")
                    for a in range(k)
                ],
            )
            for k in range(1, 4)
        ]

    batch = NewCases(SYSTEM)
    for n in range(4):
        batch.add(
            f"i-{n}",
            hcv,
            data(f"Case {n}"),
            presenter=None,
            follows=None,
            status=published,
            accepted=[],
            sessions=[],
            items=items(n),
        )
    batch.write()
    earlier = {n: db.session.get(Case, batch.written[f"i-{n}"]) for n in range(2)}
    batch = NewCases(SYSTEM)
    adoption = {0: "adopted", 1: "partly"}
    for n in range(2):
        advice = sorted(earlier[n].recommendations, key=lambda r: r.position)
        for follow in range(2):  # two follow-ups of each case, outcomes on all its advice
            notes = [(r, f"{n}/{follow}/{r.position}") for r in advice]
            batch.add(
                f"f-{n}-{follow}",
                hcv,
                data(f"Follow-up {follow} of case {n}"),
                presenter=None,
                follows=earlier[n],
                status=published,
                accepted=[],
                sessions=[],
                outcomes=[NewOutcome(r, adoption[follow], "improved", note) for r, note in notes],
            )
    batch.write()
    db.session.commit()

    for n in range(4):
        case = db.session.scalar(select(Case).where(Case.ref == f"i-{n}"))
        assert case.title == f"Case {n}"
        for rec in case.recommendations:
            assert rec.body.startswith(f"Advice {rec.position} for case {n}")
            versions = db.session.scalars(
                select(RecommendationVersion.body)
                .where(RecommendationVersion.recommendation_id == rec.id)
                .order_by(RecommendationVersion.version)
            )
            assert list(versions)[-1] == rec.body
            assert [a.body for a in sorted(rec.annotations, key=lambda a: a.id)] == [
                f"Agree with advice {rec.position} for case {n} ({a})." for a in range(rec.position)
            ]
            created = db.session.scalar(
                select(AuditEvent).where(
                    AuditEvent.action == "recommendation.created", AuditEvent.entity_id == rec.id
                )
            )
            assert created.details["case_id"] == case.id
    for annotation in db.session.scalars(select(Annotation)):
        event = db.session.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "annotation.created", AuditEvent.entity_id == annotation.id
            )
        )
        assert event.details["recommendation_id"] == annotation.recommendation_id
    outcomes = list(db.session.scalars(select(Outcome)))
    assert len(outcomes) == 2 * 2 * 3
    for outcome in outcomes:
        n, follow, position = outcome.note.split("/")
        assert outcome.case.ref == f"f-{n}-{follow}"
        assert outcome.recommendation.case.ref == f"i-{n}"
        assert outcome.recommendation.position == int(position)
        event = db.session.scalar(
            select(AuditEvent).where(
                AuditEvent.action == "outcome.recorded", AuditEvent.entity_id == outcome.id
            )
        )
        assert event.details == {
            "recommendation_id": outcome.recommendation_id,
            "adoption": adoption[int(follow)],
        }


def test_rows_the_unique_columns_do_not_tell_apart_are_refused_not_given_one_id(app):
    """Ids are matched to rows by the columns given: two rows alike there (NULL refs, which
    a unique constraint lets through) would both get one of the two ids, and the other
    row's events and links would go to it. The batch stops instead."""
    from app.cases.bulk import _Writer
    from app.cases.models import CaseStatus
    from app.common import utcnow

    hcv = db.session.scalar(select(Program).where(Program.slug == "hcv"))
    writer = _Writer(None, utcnow(), imported=False)
    rows = [
        {
            "ref": None,
            "program_id": hcv.id,
            "title": f"Case {n}",
            "question": "",
            "presentation": "",
            "fields": {},
            "status": CaseStatus.DRAFT,
            "created_at": writer.now,
            "counts_on": writer.now.date(),
            "updated_at": writer.now,
        }
        for n in range(2)
    ]
    with pytest.raises(RuntimeError, match="cases: 2 rows"):
        writer.insert(Case, rows, ("ref",))
