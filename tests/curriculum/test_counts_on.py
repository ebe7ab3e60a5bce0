"""The day each case counts on (Case.counts_on) is kept equal to what the agendas say: the
date of its first session, else the day it was created, after every kind of write that
can move it; and the curriculum's cases of a period, read from it, are those the
derivation it replaced gives."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from app.auth import policy
from app.auth.policy import SYSTEM
from app.backup.hub import export_hub, import_hub
from app.cases.counting import derived_day
from app.cases.lifecycle import unschedule_case
from app.cases.models import Case, CasePresentation, CaseStatus
from app.cases.operations import CaseData, create_case, schedule
from app.cases.transfer import import_paths
from app.curriculum import operations as figures
from app.extensions import db
from app.programs.models import Program, Session
from app.programs.operations import create_program, create_session, update_session
from tests.backup.test_hub import fresh_instance
from tests.cases.test_transfer import TEMPLATE, record, write_jsonl
from tests.test_generate_hub import load_generator, write_corpus

MARCH = date(2026, 3, 10)
APRIL = date(2026, 4, 14)


def mismatches() -> list[tuple[int, date, date]]:
    """Cases whose stored day is not the derived one."""
    db.session.flush()
    rows = db.session.execute(
        select(Case.id, Case.counts_on, derived_day(db.engine.dialect.name)).order_by(Case.id)
    )
    return [(case_id, stored, derived) for case_id, stored, derived in rows if stored != derived]


def stored_day(case: Case) -> date:
    db.session.flush()
    return db.session.scalar(select(Case.counts_on).where(Case.id == case.id))


def new_case(program: Program, title: str = "Hypertension despite two drugs", **kw: Any) -> Case:
    return create_case(
        program,
        CaseData(
            title=title,
            question="Which drug would you add next?",
            presentation="## History\n\nBlood pressure 160/95 on two drugs.",
            topics=["Hypertension"],
            **kw,
        ),
        presenter=None,
        status=CaseStatus.APPROVED,
        imported=True,
        actor=SYSTEM,
    )


@pytest.fixture
def program(app) -> Program:
    program = create_program("htn", "Hypertension ECHO", actor=SYSTEM)
    db.session.commit()
    return program


def test_a_new_case_counts_on_the_day_it_was_created(program):
    case = new_case(program)

    assert stored_day(case) == case.created_at.date()
    assert mismatches() == []


def test_the_first_session_of_its_agenda_moves_the_day_on_and_off(program, make_user):
    admin = make_user("admin")
    case = new_case(program)
    case.created_at = datetime(2026, 1, 5, 23, 30)
    april = create_session(program, APRIL, actor=SYSTEM)
    march = create_session(program, MARCH, actor=SYSTEM)

    schedule(case, april, actor=SYSTEM)
    assert stored_day(case) == APRIL
    schedule(case, march, actor=SYSTEM)
    assert stored_day(case) == MARCH
    assert case.counts_on == MARCH  # a loaded case reads the new day

    unschedule_case(case, march, actor=admin)
    assert stored_day(case) == APRIL
    unschedule_case(case, april, actor=admin)
    assert stored_day(case) == date(2026, 1, 5)
    assert mismatches() == []


def test_a_session_moved_or_deleted_moves_the_day_of_its_cases(program):
    march = create_session(program, MARCH, actor=SYSTEM)
    april = create_session(program, APRIL, actor=SYSTEM)
    first, second = new_case(program), new_case(program, "Resistant hypertension")
    first.created_at = second.created_at = datetime(2026, 1, 5, 9, 0)
    for case in (first, second):
        schedule(case, march, actor=SYSTEM)
    schedule(second, april, actor=SYSTEM)

    db.session.commit()
    changed = {c.id: c.updated_at for c in (first, second)}

    update_session(march, date=date(2026, 5, 12), actor=SYSTEM)
    assert (stored_day(first), stored_day(second)) == (date(2026, 5, 12), APRIL)
    # A day kept in step is not a change of the case (its lists, its re-imports).
    updated = select(Case.id, Case.updated_at).where(Case.id.in_(list(changed)))
    assert dict(db.session.execute(updated).all()) == changed

    db.session.delete(march)
    assert (stored_day(first), stored_day(second)) == (date(2026, 1, 5), APRIL)
    assert mismatches() == []


def test_a_session_deleted_with_its_agenda_not_loaded_is_followed_too(program):
    march = create_session(program, MARCH, actor=SYSTEM)
    case = new_case(program)
    case.created_at = datetime(2026, 1, 5, 9, 0)
    schedule(case, march, actor=SYSTEM)
    db.session.commit()
    db.session.expire_all()

    db.session.delete(db.session.get(Session, march.id))
    assert stored_day(case) == date(2026, 1, 5)
    assert mismatches() == []


@pytest.fixture
def hcv(app, make_user) -> Program:
    make_user("provider", email="spoke@example.org")
    make_user("expert", email="hub@example.org")
    make_user("expert", email="hub2@example.org")
    program = create_program("hcv", "Hepatitis C ECHO", template=TEMPLATE, actor=SYSTEM)
    create_session(program, MARCH, title="HCV session 1", actor=SYSTEM)
    db.session.commit()
    return program


def test_imported_cases_count_on_their_first_session_or_their_creation(hcv, tmp_path):
    records = [
        record("new-1", recommendations=None, status="presented"),
        record("new-2", recommendations=None, status="approved", session_date=None),
        record("new-3", recommendations=None, status="presented", session_date="2026-02-03"),
    ]
    [result] = import_paths([write_jsonl(tmp_path / "new.jsonl", records)], actor=SYSTEM)
    assert result.ok and result.created == 3
    days = dict(db.session.execute(select(Case.ref, Case.counts_on)).all())
    created = db.session.scalar(select(Case.created_at).where(Case.ref == "new-2"))

    assert days == {"new-1": MARCH, "new-2": created.date(), "new-3": date(2026, 2, 3)}
    assert mismatches() == []


def test_a_reimport_that_adds_an_earlier_session_moves_the_day(hcv, tmp_path):
    import_paths([write_jsonl(tmp_path / "a.jsonl", [record()])], actor=SYSTEM)
    db.session.commit()
    earlier = record(session_date="2026-01-13")
    [result] = import_paths([write_jsonl(tmp_path / "b.jsonl", [earlier])], actor=SYSTEM)
    assert result.ok, result.problems

    case = db.session.scalar(select(Case).where(Case.ref == "hcv-1"))
    assert {s.date for s in case.sessions} >= {date(2026, 1, 13)}
    assert stored_day(case) == min(s.date for s in case.sessions)
    assert mismatches() == []


def test_a_hub_file_imported_into_an_empty_instance_keeps_every_day(program, tmp_path):
    sessions = [create_session(program, MARCH + timedelta(weeks=w), actor=SYSTEM) for w in (0, 3)]
    cases = [new_case(program, f"Hypertension case {n}") for n in range(4)]
    schedule(cases[1], sessions[1], actor=SYSTEM)
    schedule(cases[2], sessions[1], actor=SYSTEM)
    schedule(cases[2], sessions[0], actor=SYSTEM)
    db.session.commit()
    # On an agenda: the session's day. Not yet: the day the import creates it (a hub file
    # carries no creation time of its own for a case without history).
    before = {c.title: c.counts_on for c in cases[1:3]}
    assert before == {"Hypertension case 1": sessions[1].date, "Hypertension case 2": MARCH}
    out = tmp_path / "hub"
    export_hub(out, actor=SYSTEM)

    with fresh_instance(f"sqlite:///{tmp_path / 'fresh.sqlite3'}", tmp_path / "fresh-index"):
        results = import_hub(out, actor=SYSTEM)
        assert all(r.ok for r in results), [r.problems for r in results]
        days = dict(db.session.execute(select(Case.title, Case.counts_on)).all())
        assert {title: days[title] for title in before} == before
        assert len(days) == 4
        assert mismatches() == []


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_a_generated_hub_keeps_every_day(app, tmp_path):
    """scripts/generate_hub.py writes its cases through the bulk path of import."""
    generator = load_generator()
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    options = {"seed": 3, "batch": 10, "index": False, "echo": lambda *_: None, "progress": False}
    generator.generate(app, corpus, 30, **options)

    on_agendas = select(func.count(sa.distinct(CasePresentation.case_id)))
    assert db.session.scalar(on_agendas) > 0
    assert mismatches() == []


# ---------------------------------------------------------------- against the old derivation


def old_case_days(user: Any, scope: figures.Scope, programs: list[Program]) -> Any:
    """The derivation the figures used before the column (kept here as the reference)."""
    earlier_presentation = aliased(CasePresentation)
    earlier_session = aliased(Session)
    shown_before = sa.exists().where(
        earlier_presentation.case_id == CasePresentation.case_id,
        earlier_session.id == earlier_presentation.session_id,
        earlier_session.date < scope.start,
    )
    presented = (
        select(
            CasePresentation.case_id.label("case_id"),
            sa.type_coerce(func.min(Session.date), sa.Date).label("day"),
        )
        .join(Session, Session.id == CasePresentation.session_id)
        .where(Session.date >= scope.start, Session.date <= scope.end, ~shown_before)
        .group_by(CasePresentation.case_id)
    )
    sqlite = db.engine.dialect.name == "sqlite"
    created = func.date(Case.created_at) if sqlite else sa.cast(Case.created_at, sa.Date)
    never_presented = (
        select(Case.id.label("case_id"), sa.type_coerce(created, sa.Date).label("day"))
        .where(~sa.exists().where(CasePresentation.case_id == Case.id))
        .where(Case.created_at >= datetime.combine(scope.start, time.min))
        .where(Case.created_at < datetime.combine(scope.end + timedelta(days=1), time.min))
    )
    days = sa.union_all(presented, never_presented).subquery("case_days")
    return (
        select(Case.id, Case.program_id, Case.presenter_id, days.c.day)
        .join(days, days.c.case_id == Case.id)
        .where(Case.program_id.in_([p.id for p in programs]))
        .where(policy.listed_case_clause(user))
    )


def rows_of(statement: Any) -> list[tuple[Any, ...]]:
    return sorted(tuple(row) for row in db.session.execute(statement))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_column_gives_the_cases_the_old_derivation_gave(app, make_user, seed):
    """A generated world of cases created, scheduled, unscheduled, sessions moved and
    deleted, in random order; then, for random periods and several readers, the period's
    cases with their days are the same from the column as from the derivation."""
    rng = random.Random(seed)
    admin = make_user("admin")
    programs = [
        create_program(f"p{n}", f"Program {n}", private=n == 2, actor=SYSTEM) for n in range(3)
    ]
    presenters = [make_user("provider", programs=[p.slug for p in programs]) for _ in range(3)]
    readers = [
        admin,
        make_user("curriculum"),
        make_user("coordinator", programs=["p0"]),
        presenters[0],
        make_user("provider", programs=["p1"]),
    ]
    first_day = date(2024, 1, 1)
    sessions: list[Session] = []
    cases: list[Case] = []
    statuses = [CaseStatus.DRAFT, CaseStatus.SUBMITTED, CaseStatus.APPROVED, CaseStatus.CLOSED]
    for step in range(160):
        roll = rng.random()
        if roll < 0.15 or len(sessions) < 3:
            program = rng.choice(programs)
            on = first_day + timedelta(days=rng.randrange(0, 900))
            sessions.append(create_session(program, on, actor=SYSTEM))
        elif roll < 0.5 or len(cases) < 3:
            program = rng.choice(programs)
            case = create_case(
                program,
                CaseData(
                    title=f"Case {step}: hypertension",
                    question="Which drug next?",
                    presentation="## History\n\nHigh blood pressure.",
                    topics=["Hypertension"],
                ),
                presenter=rng.choice(presenters),
                status=rng.choice(statuses),
                imported=True,
                actor=SYSTEM,
            )
            minute = rng.randrange(0, 900 * 24 * 60)
            case.created_at = datetime.combine(first_day, time.min) + timedelta(minutes=minute)
            if rng.random() < 0.1:
                case.withdrawn_at = case.created_at
            cases.append(case)
        elif roll < 0.8:
            case = rng.choice(cases)
            own = [s for s in sessions if s.program_id == case.program_id]
            if own:
                schedule(case, rng.choice(own), actor=SYSTEM, imported=True)
        elif roll < 0.88:
            case = rng.choice(cases)
            if case.presentations:
                presentation = rng.choice(case.presentations)
                case.presentations.remove(presentation)
                db.session.delete(presentation)
        elif roll < 0.96:
            session = rng.choice(sessions)
            update_session(
                session, date=session.date + timedelta(days=rng.randrange(-200, 200)), actor=SYSTEM
            )
        else:
            session = sessions.pop(rng.randrange(len(sessions)))
            db.session.delete(session)
            db.session.flush()
            db.session.expire_all()
        if step % 20 == 0:
            db.session.commit()
    db.session.commit()
    assert mismatches() == []

    found = 0
    for _ in range(12):
        start = first_day + timedelta(days=rng.randrange(-100, 900))
        end = start + timedelta(days=rng.randrange(0, 500))
        for reader in readers:
            scope = figures.Scope(start, end)  # readers who may not open the page too
            visible = figures._programs(reader, scope)
            old = rows_of(old_case_days(reader, scope, visible))
            new = rows_of(figures._case_days_select(reader, scope, visible))
            assert new == old, (seed, start, end, reader.role)
            found += len(new)
    assert found > 100  # the periods held cases, not only empty answers
