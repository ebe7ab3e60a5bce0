"""The curriculum figures, for a program (or all the user may see) and a time range.

A case counts in the month of the session where it was first presented (or, before it is
on any agenda, the day it was created). Every figure is narrowed to the cases the user may
see. Sites are not modelled in Casebook, so coverage is by presenter.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.auth import policy
from app.auth.policy import Permission
from app.cases.models import Case, CasePresentation
from app.errors import ValidationError
from app.extensions import db
from app.practices import grouping
from app.practices.models import BestPractice, PracticeStatus
from app.practices.queries import topic_analyzer
from app.programs.models import Program, Session, Topic

QUESTION = re.compile(r"[^.?!]*\?")
GAP_MIN_CASES = 3
RISING_MIN_CASES = 2
CHART_TOPICS = 8
MAX_RANGE_DAYS = 366 * 5


@dataclass(frozen=True)
class Scope:
    """Which cases the figures cover: a program or all, and an inclusive date range."""

    start: date
    end: date
    program: Program | None = None

    @property
    def previous(self) -> Scope:
        """The period of the same length just before this one."""
        length = (self.end - self.start).days + 1
        return Scope(
            self.start - timedelta(days=length), self.start - timedelta(days=1), self.program
        )

    @property
    def months(self) -> list[str]:
        out, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


def make_scope(
    user: Any,
    *,
    program: Program | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
) -> Scope:
    """The scope asked for, checked: the last year up to today unless given."""
    policy.require(user, Permission.VIEW_CURRICULUM)
    if program is not None:
        policy.require_view_program(user, program)
    today = today or date.today()
    end = end or today
    if start is None:
        start = end.replace(year=end.year - 1, day=min(end.day, 28) if end.month == 2 else end.day)
    if start > end:
        raise ValidationError("The start date must be before the end date.", field="start")
    if (end - start).days > MAX_RANGE_DAYS:
        raise ValidationError("Choose a range of five years or less.", field="start")
    return Scope(start, end, program)


def _programs(user: Any, scope: Scope) -> list[Program]:
    if scope.program is not None:
        return [scope.program]
    return [p for p in db.session.scalars(select(Program)) if policy.can_view_program(user, p)]


def case_dates(user: Any, scope: Scope) -> list[tuple[Case, date]]:
    """Visible cases in the scope, each with the date it counts on, oldest first."""
    program_ids = [p.id for p in _programs(user, scope)]
    first_session = (
        select(func.min(Session.date))
        .join(CasePresentation, Session.id == CasePresentation.session_id)
        .where(CasePresentation.case_id == Case.id)
        .correlate(Case)
        .scalar_subquery()
    )
    rows = db.session.execute(
        select(Case, first_session)
        .where(Case.program_id.in_(program_ids))
        .where(policy.visible_case_clause(user))
        .options(selectinload(Case.topics), selectinload(Case.presenter))
    ).all()
    out = []
    for case, on in rows:
        when = on or case.created_at.date()
        if scope.start <= when <= scope.end:
            out.append((case, when))
    out.sort(key=lambda pair: (pair[1], pair[0].id))
    return out


# ---------------------------------------------------------------- topic frequency


@dataclass
class TopicFrequency:
    """Cases per topic per month."""

    months: list[str]
    counts: dict[str, Counter[str]]  # topic name -> month -> cases
    case_total: int

    @property
    def totals(self) -> Counter[str]:
        return Counter({topic: sum(c.values()) for topic, c in self.counts.items()})

    @property
    def topics(self) -> list[str]:
        """Topics, most cases first."""
        totals = self.totals
        return sorted(totals, key=lambda t: (-totals[t], t))

    def rows(self) -> list[list[Any]]:
        return [[t, *[self.counts[t][m] for m in self.months], self.totals[t]] for t in self.topics]

    def chart(self, limit: int = CHART_TOPICS) -> dict[str, Any]:
        """Chart data: the top topics as series over the months."""
        return {
            "labels": self.months,
            "series": [
                {"label": t, "data": [self.counts[t][m] for m in self.months]}
                for t in self.topics[:limit]
            ],
        }


def topic_frequency(user: Any, scope: Scope) -> TopicFrequency:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    cases = case_dates(user, scope)
    for case, on in cases:
        for topic in case.topics:
            counts[topic.name][f"{on:%Y-%m}"] += 1
    return TopicFrequency(scope.months, dict(counts), len(cases))


# ---------------------------------------------------------------- rising topics


@dataclass(frozen=True)
class Trend:
    topic: str
    current: int
    previous: int

    @property
    def change(self) -> int:
        return self.current - self.previous


def rising_topics(user: Any, scope: Scope) -> list[Trend]:
    """Topics with more cases than in the period of the same length before, most added first."""
    now = topic_frequency(user, scope).totals
    before = topic_frequency(user, scope.previous).totals
    trends = [
        Trend(topic, now[topic], before.get(topic, 0))
        for topic in now
        if now[topic] >= RISING_MIN_CASES and now[topic] > before.get(topic, 0)
    ]
    trends.sort(key=lambda t: (-t.change, -t.current, t.topic))
    return trends


# ---------------------------------------------------------------- recurring questions


@dataclass
class QuestionGroup:
    cases: list[Case]
    cohesion: float
    typical: Case

    @property
    def label(self) -> str:
        text = self.typical.question or self.typical.title
        asked = [s.strip() for s in QUESTION.findall(text)]
        return grouping.headline(asked[0] if asked else text, 140)


def question_text(case: Case) -> str:
    return f"{case.question}\n{case.title}"


def recurring_questions(user: Any, scope: Scope) -> list[QuestionGroup]:
    """Groups of two or more cases asking similar questions, biggest first."""
    cases = [case for case, _ in case_dates(user, scope) if case.question.strip()]
    if len(cases) < 2:
        return []
    result = grouping.group_texts(
        [question_text(c) for c in cases],
        threshold=grouping.QUESTION_THRESHOLD,
        analyzer=topic_analyzer(),
    )
    groups = [
        QuestionGroup([cases[i] for i in m], result.cohesion(m), cases[result.medoid(m)])
        for m in result.groups
        if len(m) >= 2
    ]
    groups.sort(key=lambda g: (-len(g.cases), -g.cohesion))
    return groups


# ---------------------------------------------------------------- gaps


@dataclass
class Gap:
    topic: Topic
    cases: int
    programs: list[str] = field(default_factory=list)


def gaps(user: Any, scope: Scope, *, min_cases: int = GAP_MIN_CASES) -> list[Gap]:
    """Topics with at least `min_cases` cases in the scope but no didactic session on them (in
    the scope's programs, up to its end) and no live best practice."""
    programs = _programs(user, scope)
    per_topic: dict[int, tuple[Topic, Counter[str]]] = {}
    for case, _ in case_dates(user, scope):
        for topic in case.topics:
            per_topic.setdefault(topic.id, (topic, Counter()))[1][case.program.name] += 1
    taught = {
        topic.id
        for session in db.session.scalars(
            select(Session)
            .where(Session.program_id.in_([p.id for p in programs]))
            .where(Session.date <= scope.end)
            .options(selectinload(Session.topics))
        )
        for topic in session.topics
    }
    guided = {
        topic.id
        for practice in db.session.scalars(
            select(BestPractice).where(
                BestPractice.status.not_in([PracticeStatus.RETIRED, PracticeStatus.SUPERSEDED])
            )
        )
        for topic in practice.topics
    }
    out = [
        Gap(topic, sum(by_program.values()), sorted(by_program))
        for topic_id, (topic, by_program) in per_topic.items()
        if sum(by_program.values()) >= min_cases and topic_id not in taught | guided
    ]
    out.sort(key=lambda g: (-g.cases, g.topic.name))
    return out


# ---------------------------------------------------------------- coverage


@dataclass
class Coverage:
    """Cases by presenter and topic. Casebook does not model sites, so presenters stand in."""

    presenters: list[str]
    topics: list[str]
    counts: dict[tuple[str, str], int]
    totals: Counter[str]

    def rows(self) -> list[list[Any]]:
        return [
            [p, *[self.counts.get((p, t), 0) for t in self.topics], self.totals[p]]
            for p in self.presenters
        ]


def coverage(user: Any, scope: Scope) -> Coverage:
    counts: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    topic_totals: Counter[str] = Counter()
    for case, _ in case_dates(user, scope):
        presenter = case.presenter.display_name if case.presenter else "Unknown presenter"
        totals[presenter] += 1
        for topic in case.topics:
            counts[(presenter, topic.name)] += 1
            topic_totals[topic.name] += 1
    presenters = sorted(totals, key=lambda p: (-totals[p], p))
    topics = sorted(topic_totals, key=lambda t: (-topic_totals[t], t))
    return Coverage(presenters, topics, dict(counts), totals)
