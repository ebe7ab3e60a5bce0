"""The kept counts of cases per topic, program, month and status (`topic_month_counts`) stay
equal to a count of the cases' topic links after every kind of write, and the curriculum's
figures read from them are, for every reader, what counting each listed case gives."""

from __future__ import annotations

import contextlib
import random
from collections import Counter
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import event, select

from app.admin.operations import merge_topics
from app.auth import policy
from app.auth.policy import SYSTEM
from app.cases.models import Case, CaseStatus
from app.cases.operations import CaseData, create_case, schedule
from app.curriculum import operations as figures
from app.curriculum.models import TopicMonthCount
from app.errors import ValidationError
from app.extensions import db
from app.programs.models import Program, Session, Topic
from app.programs.operations import create_program, create_session, update_session
from tests.cases.test_views import as_user
from tests.test_generate_hub import load_generator, write_corpus
from tests.test_query_counts import hub_of

TOPICS = ["Hypertension", "Diabetes", "Hepatitis C", "Asthma", "Gout"]


def kept() -> Counter[tuple[Any, ...]]:
    db.session.flush()
    rows = db.session.execute(
        select(
            TopicMonthCount.month,
            TopicMonthCount.program_id,
            TopicMonthCount.status,
            TopicMonthCount.topic_id,
            TopicMonthCount.cases,
        )
    )
    return Counter({(m, p, s, t): n for m, p, s, t, n in rows})


def recounted() -> Counter[tuple[Any, ...]]:
    """The same counts from the cases, in Python."""
    db.session.flush()
    db.session.expire_all()
    out: Counter[tuple[Any, ...]] = Counter()
    for case in db.session.scalars(select(Case).where(Case.withdrawn_at.is_(None))):
        for topic in case.topics:
            out[(case.counts_on.replace(day=1), case.program_id, case.status, topic.id)] += 1
    return out


def expected(user: Any, scope: figures.Scope, programs: list[Program]) -> dict[str, Any]:
    """The summary's topic counts from each case the user lists, one by one."""
    ids = {p.id for p in programs}
    pairs: Counter[tuple[int, int]] = Counter()
    previous: Counter[int] = Counter()
    months: dict[int, Counter[str]] = {}
    by_presenter: Counter[tuple[int | None, int]] = Counter()
    for case in db.session.scalars(select(Case)):
        if case.program_id not in ids or not policy.can_list_case(user, case):
            continue
        day = case.counts_on
        for topic in case.topics:
            if scope.start <= day <= scope.end:
                pairs[(topic.id, case.program_id)] += 1
                months.setdefault(topic.id, Counter())[day.strftime("%Y-%m")] += 1
                by_presenter[(case.presenter_id, topic.id)] += 1
            elif scope.previous.start <= day <= scope.previous.end:
                previous[topic.id] += 1
    return {
        "pairs": sorted((t, p, n) for (t, p), n in pairs.items()),
        "previous": previous,
        "months": months,
        "presenters": by_presenter,
    }


def new_case(program: Program, presenter: Any, status: CaseStatus, topics: list[str]) -> Case:
    return create_case(
        program,
        CaseData(
            title="Blood pressure high despite two drugs",
            question="Which drug next?",
            presentation="## History\n\nHigh blood pressure.",
            topics=topics,
        ),
        presenter=presenter,
        status=status,
        imported=True,
        actor=SYSTEM,
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_kept_counts_follow_every_write_and_give_each_readers_figures(app, make_user, seed):
    """A world of cases created, scheduled, unscheduled, sessions moved and deleted, cases
    changing status, program and topics, withdrawn, restored and deleted, topics merged, in
    random order: the kept counts equal a recount after each step, and for several readers
    and random periods the figures equal a count of the cases each lists."""
    rng = random.Random(seed)
    admin = make_user("admin")
    programs = [
        create_program(f"p{n}", f"Program {n}", private=n == 2, actor=SYSTEM) for n in range(3)
    ]
    staff = make_user("curriculum", programs=["p2"])
    presenters = [make_user("provider", programs=[p.slug for p in programs]) for _ in range(2)]
    presenters.append(staff)  # curriculum staff who present cases list their own drafts
    readers = [admin, staff, make_user("curriculum"), SYSTEM]
    start = date(2024, 1, 1)
    sessions: list[Session] = []
    cases: list[Case] = []
    for step in range(140):
        roll = rng.random()
        if roll < 0.12 or len(sessions) < 3:
            on = start + timedelta(days=rng.randrange(0, 900))
            sessions.append(create_session(rng.choice(programs), on, actor=SYSTEM))
        elif roll < 0.42 or len(cases) < 3:
            case = new_case(
                rng.choice(programs),
                rng.choice(presenters),
                rng.choice(list(CaseStatus)),
                rng.sample(TOPICS, rng.randrange(1, 4)),
            )
            minute = rng.randrange(0, 900 * 24 * 60)
            case.created_at = datetime.combine(start, time.min) + timedelta(minutes=minute)
            cases.append(case)
        elif roll < 0.55:
            case = rng.choice(cases)
            own = [s for s in sessions if s.program_id == case.program_id]
            if own:
                schedule(case, rng.choice(own), actor=SYSTEM, imported=True)
        elif roll < 0.6:
            case = rng.choice(cases)
            if case.presentations:
                presentation = rng.choice(case.presentations)
                case.presentations.remove(presentation)
                db.session.delete(presentation)
        elif roll < 0.66:
            session = rng.choice(sessions)
            shift = timedelta(days=rng.randrange(-200, 200))
            update_session(session, date=session.date + shift, actor=SYSTEM)
        elif roll < 0.74:
            rng.choice(cases).status = rng.choice(list(CaseStatus))
        elif roll < 0.8:
            case = rng.choice(cases)
            case.withdrawn_at = None if case.withdrawn_at else case.created_at
        elif roll < 0.86:
            case = rng.choice(cases)
            names = rng.sample(TOPICS, rng.randrange(0, 4))
            case.topics = list(db.session.scalars(select(Topic).where(Topic.name.in_(names))))
        elif roll < 0.9:
            rng.choice(cases).program = rng.choice(programs)
        elif roll < 0.94:
            # Cases are withdrawn, not deleted, by the app; a program's deletion would.
            case = rng.choice(cases)
            if not case.presentations:
                cases.remove(case)
                db.session.delete(case)
        elif roll < 0.96:
            source = db.session.scalar(select(Topic).where(Topic.name.in_(TOPICS[1:])))
            target = db.session.scalar(select(Topic).where(Topic.name == TOPICS[0]))
            if source is not None and target is not None:
                with contextlib.suppress(ValidationError):  # refused before any write
                    merge_topics(admin, source, target.name)
        else:
            session = sessions.pop(rng.randrange(len(sessions)))
            db.session.delete(session)
        db.session.flush()
        db.session.expire_all()
        assert kept() == recounted(), step
        if step % 20 == 0:
            db.session.commit()
    db.session.commit()
    assert sum(kept().values()) > 0

    compared = 0
    for _ in range(10):
        first = start + timedelta(days=rng.randrange(0, 700))
        last = first + timedelta(days=rng.randrange(0, 400))
        for user in readers:
            scope = figures.make_scope(user, start=first, end=last)
            programs_seen = figures._programs(user, scope)
            shown = figures.Shown(len(TOPICS), 10, None)
            got = figures._count_summary(user, scope, programs_seen, shown, previous=True)
            want = expected(user, scope, programs_seen)
            assert got.counts.pairs == want["pairs"]
            assert got.previous == want["previous"]
            assert got.topic_months == want["months"]
            assert got.presenter_topics == want["presenters"]
            compared += len(want["pairs"])
    assert compared > 0


def test_the_statuses_listed_in_full_are_listed_whoever_presented_the_case(app, make_user):
    """What the figures sum from the kept counts without looking at the presenter."""
    program = create_program("p", "Program", actor=SYSTEM)
    presenter = make_user("provider", programs=["p"])
    readers = [make_user(role) for role in ("admin", "curriculum", "coordinator", "expert")]
    for status in CaseStatus:
        case = new_case(program, presenter, status, ["Gout"])
        for user in [*readers, SYSTEM]:
            if status in policy.statuses_listed_in_full(user):
                assert policy.can_list_case(user, case), (status, user)


@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
def test_a_generated_hub_is_counted_through_the_bulk_import(app, tmp_path):
    """scripts/generate_hub.py writes its cases and links with Core inserts."""
    generator = load_generator()
    corpus = write_corpus(tmp_path / "corpus.jsonl")
    options = {"seed": 3, "batch": 10, "index": False, "echo": lambda *_: None, "progress": False}
    generator.generate(app, corpus, 30, **options)

    assert sum(kept().values()) > 0
    assert kept() == recounted()


def test_the_page_sums_the_kept_counts_for_the_whole_months(app, make_user, client, worlds):
    """The period's links were all joined to their cases on each request (54 to 113 ms of
    PostgreSQL's time at 50,000 cases); the whole months are now read from the kept counts."""
    hub_of(worlds, make_user, 3)
    viewer = make_user("curriculum")
    db.session.commit()
    as_user(client, viewer)
    seen: list[str] = []

    def remember(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        assert client.get("/curriculum?start=2024-01-01&end=2024-12-31").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    summary = [s for s in seen if "scoped_links" in s and "topic_totals" in s]
    assert len(summary) == 1
    assert "topic_month_counts" in summary[0]
