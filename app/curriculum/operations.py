"""The curriculum figures, for a program (or all the user may see) and a time range.

A case counts in the month of the session where it was first presented (or, before it is
on any agenda, the day it was created). Every figure is narrowed to the cases the user may
see and counted by the database (GROUP BY over case-topic links), so a page costs the same
few statements whatever the number of cases. Sites are not modelled in Casebook, so
`presenter_coverage` is by presenter; `teaching_coverage` sets the didactic talks of the
period beside the cases presented and the best practices, per topic (docs/curriculum.md).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import load_only, selectinload

from app import common
from app.auth import policy
from app.auth.models import User
from app.auth.policy import Permission, Viewer
from app.cases.models import Case, case_topics
from app.common import text_key
from app.errors import ValidationError
from app.extensions import db
from app.practices import grouping, groups
from app.practices.models import (
    BestPractice,
    GroupKind,
    PracticeStatus,
    QuestionGroupMember,
    practice_topics,
)
from app.programs.models import Program, Session, Topic, session_topics

QUESTION = re.compile(r"[^.?!]*\?")
GAP_MIN_CASES = 3
RISING_MIN_CASES = 2
CHART_TOPICS = 8
CHART_TEACHING_TOPICS = 15
# The page shows the first rows of each long table (a year of a large hub has thousands of
# topics); its CSV files and the API have them all.
PAGE_ROWS = 50
COVERAGE_PRESENTERS = 30
COVERAGE_TOPICS = 12
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
    user: Viewer,
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
    today = today or common.today()
    end = end or today
    if start is None:
        start = end.replace(year=end.year - 1, day=min(end.day, 28) if end.month == 2 else end.day)
    if start > end:
        raise ValidationError("The start date must be before the end date.", field="start")
    if (end - start).days > MAX_RANGE_DAYS:
        raise ValidationError("Choose a range of five years or less.", field="start")
    return Scope(start, end, program)


def _programs(user: Viewer, scope: Scope) -> list[Program]:
    if scope.program is not None:
        return [scope.program]
    return [p for p in db.session.scalars(select(Program)) if policy.can_view_program(user, p)]


def _dialect() -> str:
    return db.session.get_bind().dialect.name


def _case_days_select(user: Viewer, scope: Scope, programs: list[Program]) -> Any:
    """A SELECT of the visible cases in `scope`: case id, program, presenter, and the day
    each counts on (its first session, else the day it was created).

    That day is kept with the case (`Case.counts_on`, app/cases/counting.py): the cases of
    a period are a range of one index, whose other columns answer the program and policy
    filters, so the cost follows the cases of the range, not every agenda of the hub."""
    return (
        select(
            Case.id.label("case_id"),
            Case.program_id.label("program_id"),
            Case.presenter_id.label("presenter_id"),
            Case.counts_on.label("day"),
        )
        .where(Case.counts_on >= scope.start, Case.counts_on <= scope.end)
        # Read from the same index entries: PostgreSQL otherwise also read the index on
        # program_id (every case of the programs, 9 ms at 10,000 cases) to AND with them.
        .where(_not_indexed(Case.program_id).in_([p.id for p in programs]))
        .where(policy.listed_case_clause(user))
    )


def _case_days(user: Viewer, scope: Scope, programs: list[Program]) -> Any:
    """`_case_days_select` as a subquery."""
    return _case_days_select(user, scope, programs).subquery("scoped_cases")


def _case_days_once(user: Viewer, scope: Scope, programs: list[Program]) -> Any:
    """`_case_days_select` as a common table expression the database derives once for a
    statement, however many aggregates of that statement read it."""
    return _case_days_select(user, scope, programs).cte("scoped_cases").prefix_with("MATERIALIZED")


def _month(day: Any) -> Any:
    if _dialect() == "sqlite":
        return func.substr(day, 1, 7)
    return func.to_char(day, "YYYY-MM")


# ---------------------------------------------------------------- topic frequency


# ---------------------------------------------------------------- the scope's counts


@dataclass
class CaseCounts:
    """The cases of a scope counted by month, by topic and program, and by presenter."""

    by_month: Counter[str]
    pairs: list[tuple[int, int, int]]  # topic id, program id, cases
    presenters: Counter[str]  # presenter name -> cases (two accounts of one name are one)
    presenter_ids: dict[int | None, str]  # presenter id -> name

    @property
    def case_total(self) -> int:
        return sum(self.by_month.values())

    @cached_property
    def topic_totals(self) -> Counter[int]:
        out: Counter[int] = Counter()
        for topic_id, _, n in self.pairs:
            out[topic_id] += n
        return out


def _null(type_: Any) -> Any:
    return sa.cast(sa.null(), type_)


def _not_indexed(column: Any) -> Any:
    """`column` as an expression no index answers: for `topic_id IN (50 ids)` over the
    period's cases, SQLite otherwise probes the (case, topic) key once per case and id
    (250,000 probes for 5,000 cases) instead of reading each case's few topics once."""
    return column + 0


def _count_details(
    user: Viewer,
    scope: Scope,
    programs: list[Program],
    *,
    topics: list[int] | None,
    presenters: list[int | None] | None,
    presenter_topics: list[int] | None = None,
) -> tuple[dict[int, Counter[str]], Counter[tuple[int | None, int]]]:
    """Cases per topic and month, and per presenter and topic, for the given topics and
    presenters (None: all; an empty list: none), in one statement."""
    scoped = _case_days_once(user, scope, programs)
    month = _month(scoped.c.day)
    linked = scoped.join(case_topics, case_topics.c.case_id == scoped.c.case_id)
    parts = []
    if topics is None or topics:
        parts.append(
            select(
                sa.literal("month", sa.String).label("kind"),
                case_topics.c.topic_id.label("topic_id"),
                _null(sa.Integer).label("presenter_id"),
                month.label("month"),
                func.count().label("n"),
            )
            .select_from(linked)
            .where(
                sa.true() if topics is None else _not_indexed(case_topics.c.topic_id).in_(topics)
            )
            .group_by(case_topics.c.topic_id, month)
        )
    if presenters is None or presenters:
        who: sa.ColumnElement[bool] = sa.true()
        if presenters is not None:
            known = [p for p in presenters if p is not None]
            who = scoped.c.presenter_id.in_(known)
            if None in presenters:
                who = sa.or_(who, scoped.c.presenter_id.is_(None))
        which = (
            sa.true()
            if presenter_topics is None
            else _not_indexed(case_topics.c.topic_id).in_(presenter_topics)
        )
        parts.append(
            select(
                sa.literal("presenter", sa.String),
                case_topics.c.topic_id,
                scoped.c.presenter_id,
                _null(sa.String),
                func.count(),
            )
            .select_from(linked)
            .where(who, which)
            .group_by(case_topics.c.topic_id, scoped.c.presenter_id)
        )
    by_month: dict[int, Counter[str]] = defaultdict(Counter)
    by_presenter: Counter[tuple[int | None, int]] = Counter()
    if parts:
        statement = parts[0] if len(parts) == 1 else sa.union_all(*parts)
        for kind, topic_id, presenter_id, label, n in db.session.execute(statement):
            if kind == "month":
                by_month[topic_id][label] = n
            else:
                by_presenter[(presenter_id, topic_id)] = n
    return dict(by_month), by_presenter


def _count_topic_months(
    user: Viewer, scope: Scope, programs: list[Program]
) -> tuple[Counter[str], dict[int, Counter[str]]]:
    """Cases per month, and per topic and month for every topic, in one statement: what
    the topics table needs when it has every row (a topic's total is the sum of its
    months), without the by-program and by-presenter counts of `_count_summary`."""
    scoped = _case_days_once(user, scope, programs)
    month = _month(scoped.c.day)
    linked = scoped.join(case_topics, case_topics.c.case_id == scoped.c.case_id)
    # Grouped by topic, SQLite walked the topic index over every link of the hub (150 ms at
    # 50,000 cases) instead of the period's cases' links.
    topic = (
        _not_indexed(case_topics.c.topic_id) if _dialect() == "sqlite" else case_topics.c.topic_id
    )
    statement = sa.union_all(
        select(_null(sa.Integer).label("topic_id"), month.label("month"), func.count())
        .select_from(scoped)
        .group_by(month),
        select(topic, month, func.count()).select_from(linked).group_by(topic, month),
    )
    cases: Counter[str] = Counter()
    by_topic: dict[int, Counter[str]] = defaultdict(Counter)
    for topic_id, label, n in db.session.execute(statement):
        if topic_id is None:
            cases[label] = n
        else:
            by_topic[topic_id][label] = n
    return cases, dict(by_topic)


@dataclass
class Summary:
    """What a page of figures reads in one statement: the scope's counts, the previous
    period's cases per topic (None when not asked for), and the per-month and per-presenter
    detail of at least the rows shown (the caller keeps those it shows)."""

    counts: CaseCounts
    previous: Counter[int] | None
    topic_months: dict[int, Counter[str]]
    presenter_topics: Counter[tuple[int | None, int]]
    # With `questions`: the `questions` biggest stored question groups of two or more of the
    # scope's cases, {group id: (cases, smallest case id)}, and how many there are in all;
    # None when not asked for.
    question_groups: dict[int, tuple[int, int]] | None = None
    question_total: int = 0


def _nth_most(totals: Any, n: int) -> Any:
    """The `n`th largest (from 0) of `totals.c.n`, NULL when there are fewer."""
    return select(totals.c.n).order_by(totals.c.n.desc()).offset(n).limit(1).scalar_subquery()


def _count_summary(
    user: Viewer,
    scope: Scope,
    programs: list[Program],
    shown: Shown,
    *,
    previous: bool,
    questions: int = 0,
) -> Summary:
    """The counts every figure starts from (cases by month, by topic and program, by
    presenter), the detail of the rows `shown` shows and (with `previous`) the previous
    period's cases per topic, in one statement over the cases derived once (with
    `previous`, over both periods: a case counts in the one of its first session). Each
    deriving them again cost 90 to 120 ms on PostgreSQL at 50,000 cases.

    Which rows are shown depends on the counts (most cases first, then by name), so the
    statement reads the detail of every row whose total lies between the totals of the
    window's first and last rows: those rows, and any tied with them.

    With `questions`, the stored question groups are sized over the same cases (what
    `_recurring_questions` orders them by) and only the `questions` biggest returned, with
    their number: a statement of its own derived the cases again and returned every member
    in scope, and then every group was returned (1,126 rows at 50,000 cases for 50 shown).

    The previous period's totals are returned only for the topics with `RISING_MIN_CASES`
    or more in this one: no other topic can be rising."""
    span = Scope(scope.previous.start, scope.end, scope.program) if previous else scope
    scoped = _case_days_once(user, span, programs)
    in_scope = scoped.c.day >= scope.start if previous else sa.true()
    linked = (
        select(
            scoped.c.case_id,
            scoped.c.program_id,
            scoped.c.presenter_id,
            scoped.c.day,
            case_topics.c.topic_id,
        )  # fmt: skip
        .select_from(scoped.join(case_topics, case_topics.c.case_id == scoped.c.case_id))
        .cte("scoped_links")
        .prefix_with("MATERIALIZED")
    )
    linked_in_scope = linked.c.day >= scope.start if previous else sa.true()
    month, linked_month = _month(scoped.c.day), _month(linked.c.day)
    presented_by = scoped.outerjoin(User, User.id == scoped.c.presenter_id)
    name = func.coalesce(func.nullif(User.display_name, ""), UNKNOWN_PRESENTER)
    parts: list[Any] = [
        select(
            sa.literal("month", sa.String).label("kind"),
            _null(sa.Integer).label("a"),
            _null(sa.Integer).label("b"),
            month.label("label"),
            func.count().label("n"),
        )
        .select_from(scoped)
        .where(in_scope)
        .group_by(month),
        select(
            sa.literal("pair", sa.String),
            linked.c.topic_id,
            linked.c.program_id,
            _null(sa.String),
            func.count(),
        )  # fmt: skip
        .where(linked_in_scope)
        .group_by(linked.c.topic_id, linked.c.program_id),
        select(
            sa.literal("presenter", sa.String),
            _null(sa.Integer),
            scoped.c.presenter_id,
            User.display_name,
            func.count(),
        )  # fmt: skip
        .select_from(presented_by)
        .where(in_scope)
        .group_by(scoped.c.presenter_id, User.display_name),
    ]
    totals = (
        select(linked.c.topic_id, func.count().label("n"))
        .where(linked_in_scope)
        .group_by(linked.c.topic_id)
        .cte("topic_totals")
    )
    # The windows' edges are single values (computed once), and the rows are narrowed by
    # joining the totals: an IN over these CTEs was planned as a scan of the CTE per link.
    by_topic = linked.join(totals, totals.c.topic_id == linked.c.topic_id)
    if previous:
        parts.append(
            select(
                sa.literal("previous", sa.String),
                linked.c.topic_id,
                _null(sa.Integer),
                _null(sa.String),
                func.count(),
            )  # fmt: skip
            .select_from(by_topic)
            .where(~linked_in_scope, totals.c.n >= RISING_MIN_CASES)
            .group_by(linked.c.topic_id)
        )
    if shown.topics > 0:
        parts.append(
            select(
                sa.literal("topic_month", sa.String),
                linked.c.topic_id,
                _null(sa.Integer),
                linked_month,
                func.count(),
            )  # fmt: skip
            .select_from(by_topic)
            .where(
                linked_in_scope,
                totals.c.n >= func.coalesce(_nth_most(totals, shown.first + shown.topics - 1), 0),
                totals.c.n <= _nth_most(totals, shown.first),
            )
            .group_by(linked.c.topic_id, linked_month)
        )
    if shown.presenters > 0 and shown.coverage_topics != 0:
        names = (
            select(name.label("name"), func.count().label("n"))
            .select_from(presented_by)
            .where(in_scope)
            .group_by(name)
            .cte("presenter_totals")
        )
        which: Any = sa.true()
        if shown.coverage_topics is not None:
            which = totals.c.n >= func.coalesce(_nth_most(totals, shown.coverage_topics - 1), 0)
        # The links are counted per presenter first (once), then the cells kept by their
        # presenter's name: joined by name before counting, PostgreSQL planned the window of
        # names as one row and read every link and its presenter again per name shown.
        cells = (
            select(
                linked.c.topic_id.label("topic_id"),
                linked.c.presenter_id.label("presenter_id"),
                func.count().label("n"),
            )
            .select_from(by_topic)
            .where(linked_in_scope, which)
            .group_by(linked.c.topic_id, linked.c.presenter_id)
            .cte("presenter_cells")
            .prefix_with("MATERIALIZED")
        )
        parts.append(
            select(
                sa.literal("presenter_topic", sa.String),
                cells.c.topic_id,
                cells.c.presenter_id,
                _null(sa.String),
                cells.c.n,
            )  # fmt: skip
            .select_from(
                cells.outerjoin(User, User.id == cells.c.presenter_id).join(
                    names, names.c.name == name
                )
            )
            .where(
                names.c.n >= func.coalesce(_nth_most(names, shown.first + shown.presenters - 1), 0),
                names.c.n <= _nth_most(names, shown.first),
            )
        )
    if questions:
        member = QuestionGroupMember
        sized = (
            select(
                member.group_id.label("group_id"),
                func.min(member.case_id).label("first"),
                func.count().label("n"),
            )
            .select_from(scoped.join(member, member.case_id == scoped.c.case_id))
            .where(in_scope)
            .group_by(member.group_id)
            .having(func.count() >= 2)
            .cte("sized_groups")
        )
        # Biggest first, then by smallest case (`_recurring_questions`' order; the group
        # breaks ties the key leaves); wrapped, as a UNION's member cannot be ordered.
        biggest = (
            select(sized)
            .order_by(sized.c.n.desc(), sized.c.first, sized.c.group_id)
            .limit(questions)
            .subquery("biggest_groups")
        )
        parts += [
            select(
                sa.literal("question", sa.String),
                biggest.c.group_id,
                biggest.c.first,
                _null(sa.String),
                biggest.c.n,
            ),
            select(
                sa.literal("questions", sa.String),
                _null(sa.Integer),
                _null(sa.Integer),
                _null(sa.String),
                func.count(),
            ).select_from(sized),
        ]
    out = Summary(CaseCounts(Counter(), [], Counter(), {}), None, defaultdict(Counter), Counter())
    if previous:
        out.previous = Counter()
    if questions:
        out.question_groups = {}
    counts = out.counts
    for kind, a, b, label, n in db.session.execute(sa.union_all(*parts)):
        if kind == "month":
            counts.by_month[label] = n
        elif kind == "pair":
            counts.pairs.append((a, b, n))
        elif kind == "presenter":
            label = label or UNKNOWN_PRESENTER
            counts.presenters[label] += n
            counts.presenter_ids[b] = label
        elif kind == "previous":
            assert out.previous is not None
            out.previous[a] = n
        elif kind == "topic_month":
            out.topic_months[a][label] = n
        elif kind == "question":
            assert out.question_groups is not None
            out.question_groups[a] = (n, b)
        elif kind == "questions":
            out.question_total = n
        else:
            out.presenter_topics[(b, a)] = n
    counts.pairs.sort()  # a UNION's rows come in no set order (PostgreSQL varies by plan)
    out.topic_months = dict(out.topic_months)
    return out


def _by_most_cases(totals: Counter[int], vocabulary: dict[int, Any]) -> list[int]:
    """Topic ids, most cases first (then by name)."""
    return sorted(totals, key=lambda t: (-totals[t], vocabulary[t].name))


@dataclass(frozen=True)
class Shown:
    """How much of the long tables a page shows: per-month counts of `topics` topics and
    the `presenters` x `coverage_topics` corner of coverage by presenter (None: every
    topic), from the `first` topic and presenter in their order (0: the first); and (for
    `Figures` with `questions`) the first `questions` recurring question groups."""

    topics: int = PAGE_ROWS
    presenters: int = COVERAGE_PRESENTERS
    coverage_topics: int | None = COVERAGE_TOPICS
    first: int = 0
    questions: int = PAGE_ROWS

    def window(self, items: list[Any], size: int) -> list[Any]:
        return items[self.first : self.first + size]


class Figures:
    """The figures of one scope for one user, sharing what they read: the scope's cases are
    counted once and the vocabulary read once for all of them. With `shown`, the per-month
    and per-presenter detail is read only for what a page shows (totals stay complete);
    without it, for every topic and presenter (the CSV files, the API's pages)."""

    def __init__(
        self,
        user: Viewer,
        scope: Scope,
        shown: Shown | None = None,
        *,
        trends: bool = False,
        questions: bool = False,
    ) -> None:
        self.user = user
        self.scope = scope
        self.shown = shown
        self.trends = trends  # rising topics will be asked for: the previous period too
        self.questions = questions  # recurring questions too: sized with the counts

    @cached_property
    def programs(self) -> list[Program]:
        return _programs(self.user, self.scope)

    @cached_property
    def by_id(self) -> dict[int, Program]:
        return {p.id: p for p in self.programs}

    @cached_property
    def summary(self) -> Summary | None:
        """With `shown`: the counts, the detail shown and the previous period's totals, in
        one statement (the cases of the period derived once)."""
        if self.shown is None:
            return None
        if self.questions:
            groups.ensure_current(GroupKind.QUESTIONS)  # before the groups are sized
        return _count_summary(
            self.user,
            self.scope,
            self.programs,
            self.shown,
            previous=self.trends,
            questions=self.shown.questions if self.questions else 0,
        )

    @cached_property
    def counts(self) -> CaseCounts:
        if self.summary is not None:
            return self.summary.counts
        # The counts alone: no detail rows, no previous period.
        bare = Shown(topics=0, presenters=0)
        return _count_summary(self.user, self.scope, self.programs, bare, previous=False).counts

    @cached_property
    def vocabulary(self) -> dict[int, VocabularyTopic]:
        """Every topic's id, name, synonyms and parent, as rows (a hub's thousands of topics
        as ORM objects cost more than every count of the page); the synonyms as stored text,
        decoded only for the topics whose forms are compared."""
        return {
            topic_id: VocabularyTopic(topic_id, name, synonyms, parent_id)
            for topic_id, name, synonyms, parent_id in db.session.execute(
                select(Topic.id, Topic.name, sa.cast(Topic.synonyms, sa.Text), Topic.parent_id)
            )
        }

    @cached_property
    def own_pairs(self) -> set[tuple[int, int]]:
        """(topic, program) pairs of the scope where the topic is the program's own subject."""
        phrases = {p.id: _program_words(p) for p in self.programs}
        return {
            (topic_id, program_id)
            for topic_id, program_id, _ in self.counts.pairs
            if _is_own(phrases[program_id], self.vocabulary[topic_id])
        }

    @cached_property
    def topic_order(self) -> list[int]:
        """Topic ids of the scope's cases, most cases first (then by name)."""
        return _by_most_cases(self.counts.topic_totals, self.vocabulary)

    @cached_property
    def presenter_order(self) -> list[str]:
        totals = self.counts.presenters
        return sorted(totals, key=lambda p: (-totals[p], p))

    @cached_property
    def _shown_details(self) -> tuple[dict[int, Counter[str]], Counter[tuple[int | None, int]]]:
        shown, summary = self.shown, self.summary
        assert shown is not None and summary is not None
        topics = set(shown.window(self.topic_order, shown.topics))
        names = set(shown.window(self.presenter_order, shown.presenters))
        presenters = {i for i, name in self.counts.presenter_ids.items() if name in names}
        depth = shown.coverage_topics
        corner = None if depth is None else set(self.topic_order[:depth])
        # The summary read ties beyond the window's edges too: only the rows shown are kept.
        return (
            {t: c for t, c in summary.topic_months.items() if t in topics},
            Counter(
                {
                    (p, t): n
                    for (p, t), n in summary.presenter_topics.items()
                    if p in presenters and (corner is None or t in corner)
                }
            ),
        )

    def _topic_months(self) -> dict[int, Counter[str]]:
        if self.shown is not None:
            return self._shown_details[0]
        return _count_details(self.user, self.scope, self.programs, topics=None, presenters=[])[0]

    def _presenter_topics(self) -> Counter[tuple[int | None, int]]:
        if self.shown is not None:
            return self._shown_details[1]
        return _count_details(self.user, self.scope, self.programs, topics=[], presenters=None)[1]

    # ------------------------------------------------------------ the figures

    def topic_frequency(self) -> TopicFrequency:
        names = self.vocabulary
        if self.shown is None and "counts" not in self.__dict__:
            # Every row (the CSV files): one statement, not the counts the other figures share.
            by_month, months = _count_topic_months(self.user, self.scope, self.programs)
            topic_totals = Counter({t: sum(c.values()) for t, c in months.items()})
            order = _by_most_cases(topic_totals, names)
        else:
            by_month, months = Counter(self.counts.by_month), self._topic_months()
            topic_totals, order = self.counts.topic_totals, self.topic_order
        label = _labels(names, topic_totals)
        return TopicFrequency(
            self.scope.months,
            {label[t]: c for t, c in months.items()},
            sum(by_month.values()),
            by_month,
            Counter({label[t]: n for t, n in topic_totals.items()}),
            [label[t] for t in order],
        )

    def rising_topics(self) -> list[Trend]:
        names = self.vocabulary
        now = self.counts.topic_totals
        summary = self.summary
        if summary is not None and summary.previous is not None:
            before = summary.previous
        else:
            before = _topic_totals(self.user, self.scope.previous)
        label = _labels(names, now)
        trends = [
            Trend(label[t], now[t], before.get(t, 0))
            for t in now
            if now[t] >= RISING_MIN_CASES and now[t] > before.get(t, 0)
        ]
        trends.sort(key=lambda t: (-t.change, -t.current, t.topic))
        return trends

    def recurring_questions(self, limit: int | None = None) -> tuple[int, list[QuestionGroup]]:
        """(how many groups, the first `limit` of them, or all)."""
        summary, shown = self.summary, self.shown
        if summary is None or summary.question_groups is None or shown is None:
            return _recurring_questions(self.user, self.scope, self.programs, limit)
        if limit is None or limit > shown.questions:  # more than the summary has sized
            return _recurring_questions(self.user, self.scope, self.programs, limit)
        return _recurring_questions(
            self.user,
            self.scope,
            self.programs,
            limit,
            summary.question_groups,
            summary.question_total,
        )

    def questions_updating(self) -> bool:
        """`questions_updating` for this scope and user."""
        return _questions_updating(self.programs)

    def gaps(self, *, min_cases: int = GAP_MIN_CASES) -> list[Gap]:
        ids = list(self.by_id)
        taught = set(
            db.session.scalars(
                select(session_topics.c.topic_id)
                .join(Session, Session.id == session_topics.c.session_id)
                .where(Session.program_id.in_(ids))
                .where(Session.date <= self.scope.end)
                .distinct()
            )
        )
        # Topics of a live best practice the user may see (policy.can_view_practice), from
        # the counts teaching coverage reads too: each statement carries the whole
        # practice-visibility rule (56 to 64 ms, planned in 24 to 30, on PostgreSQL at 50,000).
        guided = {
            topic_id
            for topic_id, by_status in self.practice_counts.items()
            if any(by_status[s.value] for s in LIVE_STATUSES)
        }
        per_topic: dict[int, Counter[str]] = defaultdict(Counter)
        for topic_id, program_id, n in self.counts.pairs:
            if topic_id in taught or topic_id in guided:
                continue
            if (topic_id, program_id) not in self.own_pairs:
                per_topic[topic_id][self.by_id[program_id].name] += n
        out = [
            Gap(self.vocabulary[topic_id], sum(by_program.values()), sorted(by_program))
            for topic_id, by_program in per_topic.items()
            if sum(by_program.values()) >= min_cases
        ]
        out.sort(key=lambda g: (-g.cases, g.topic.name))
        return out

    def presenter_coverage(self) -> Coverage:
        label = _labels(self.vocabulary, self.counts.topic_totals)
        who = self.counts.presenter_ids
        cells: Counter[tuple[str, str]] = Counter()
        for (presenter_id, topic_id), n in self._presenter_topics().items():
            cells[(who[presenter_id], label[topic_id])] += n
        return Coverage(
            self.presenter_order,
            [label[t] for t in self.topic_order],
            dict(cells),
            self.counts.presenters,
        )

    @cached_property
    def practice_counts(self) -> dict[int, Counter[str]]:
        """Best practices the user may see, per topic and status (the value)."""
        practices: dict[int, Counter[str]] = defaultdict(Counter)
        for topic_id, status, n in db.session.execute(
            select(practice_topics.c.topic_id, BestPractice.status, func.count())
            .join(BestPractice, BestPractice.id == practice_topics.c.practice_id)
            .where(policy.visible_practice_clause(self.user))
            .group_by(practice_topics.c.topic_id, BestPractice.status)
        ):
            practices[topic_id][PracticeStatus(status).value] += n
        return dict(practices)

    def teaching_coverage(self, limit: int | None = None) -> TeachingCoverage:
        """Every topic's row, or the first `limit` (`total` counts them all)."""
        return _teaching_coverage(self, limit)


def _topic_totals(user: Viewer, scope: Scope) -> Counter[int]:
    """Cases of `scope` per topic (the period's cases derived first, as for the page's
    counts: as a plain subquery SQLite planned it around case_topics, 180 ms at 50,000
    cases)."""
    scoped = _case_days_once(user, scope, _programs(user, scope))
    return Counter(
        dict(
            db.session.execute(
                select(case_topics.c.topic_id, func.count())
                .select_from(scoped)
                .join(case_topics, case_topics.c.case_id == scoped.c.case_id)
                .group_by(case_topics.c.topic_id)
            ).all()
        )
    )


# ---------------------------------------------------------------- topic frequency


def _labels(vocabulary: dict[int, VocabularyTopic], topic_ids: Iterable[int]) -> dict[int, str]:
    """The figures' key of each topic: its name. Topics not accepted may share a name (each
    known to its own programs' readers); a reader whose scope holds two such is shown
    them apart by their ids, not one's counts under the other's."""
    ids = list(topic_ids)
    shared = Counter(vocabulary[t].name for t in ids)
    return {
        t: vocabulary[t].name if shared[vocabulary[t].name] == 1 else f"{vocabulary[t].name} (#{t})"
        for t in ids
    }


@dataclass
class TopicFrequency:
    """Cases per month, and per topic per month (a case with three topics is one case, and
    counts once under each of its topics). `counts` may hold only the first topics (what a
    page shows); `totals` and `topics` always hold them all."""

    months: list[str]
    counts: dict[str, Counter[str]]  # topic name -> month -> cases
    case_total: int
    cases_by_month: Counter[str]
    totals: Counter[str]  # topic name -> cases
    topics: list[str]  # most cases first

    def _months_of(self, topic: str) -> Counter[str]:
        return self.counts.get(topic) or Counter()

    def rows(self, limit: int | None = None, first: int = 0) -> list[list[Any]]:
        """Every row, or `limit` rows from the `first`."""
        shown = self.topics[first : None if limit is None else first + limit]
        return [[t, *[self._months_of(t)[m] for m in self.months], self.totals[t]] for t in shown]

    def share_rows(self, limit: int | None = None) -> list[list[Any]]:
        """The rows as percentages of the cases in the scope (of each month, and of all for
        the total), one decimal: a case with two topics counts in both, so a column can
        add up to more than 100."""
        return [
            [
                t,
                *[_percent(self._months_of(t)[m], self.cases_by_month[m]) for m in self.months],
                _percent(self.totals[t], self.case_total),
            ]
            for t in self.topics[:limit]
        ]

    def chart(self, limit: int = CHART_TOPICS) -> dict[str, Any]:
        """Chart data: cases per month as bars, and the top topics' cases as lines over them
        (not stacked: stacking topics would count a case once per topic)."""
        return {
            "labels": self.months,
            "cases": [self.cases_by_month[m] for m in self.months],
            "series": [
                {"label": t, "data": [self._months_of(t)[m] for m in self.months]}
                for t in self.topics[:limit]
            ],
        }


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def topic_frequency(user: Viewer, scope: Scope) -> TopicFrequency:
    """Cases per month and per topic and month, counted by the database."""
    return Figures(user, scope).topic_frequency()


# ---------------------------------------------------------------- rising topics


@dataclass(frozen=True)
class Trend:
    topic: str
    current: int
    previous: int

    @property
    def change(self) -> int:
        return self.current - self.previous


def rising_topics(user: Viewer, scope: Scope) -> list[Trend]:
    """Topics with more cases than in the period of the same length before, most added first."""
    return Figures(user, scope).rising_topics()


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


def recurring_questions(user: Viewer, scope: Scope) -> list[QuestionGroup]:
    """Groups of two or more visible cases in the scope asking about the same clinical
    content, biggest first. The groups are kept by app/practices/groups.py over all cases;
    cases the user may not see, or outside the scope, are left out of them here."""
    return _recurring_questions(user, scope, _programs(user, scope))[1]


def _recurring_questions(
    user: Viewer,
    scope: Scope,
    programs: list[Program],
    limit: int | None = None,
    sized: dict[int, tuple[int, int]] | None = None,
    total: int | None = None,
) -> tuple[int, list[QuestionGroup]]:
    """(how many groups, the first `limit` groups or all): the groups are sized and ordered
    from columns, and only the cases of the groups returned are loaded. With `sized` (the
    biggest groups of two or more of the scope's cases, at least the first `limit`, and
    `total` of them in all: `Summary.question_groups`), only the cases in scope of the
    groups returned are read."""
    member = QuestionGroupMember
    if sized is None:
        groups.ensure_current(GroupKind.QUESTIONS)
        # Derived first (materialized), then each case's groups looked up: as a plain
        # subquery SQLite read every stored member against it (200 ms at 50,000 cases).
        scoped = _case_days_once(user, scope, programs)
        rows = db.session.execute(
            select(member.group_id, member.case_id)
            .join(scoped, scoped.c.case_id == member.case_id)
            .order_by(member.group_id, member.case_id)
        ).all()
        by_group: dict[int, list[int]] = defaultdict(list)
        for group_id, case_id in rows:
            by_group[group_id].append(case_id)
        sized = {g: (len(cases), cases[0]) for g, cases in by_group.items() if len(cases) >= 2}
    else:
        by_group = defaultdict(list)
    found = list(sized)
    # Biggest first, then by smallest case: similarity, known for the groups shown only,
    # does not order, and a stable key that hidden cases cannot move breaks ties.
    found.sort(key=lambda g: (-sized[g][0], sized[g][1]))
    shown = found[:limit]
    if shown and not by_group:
        # The scope's cases of these groups: their members looked up by group, each case
        # checked against the scope's conditions.
        for group_id, case_id in db.session.execute(
            select(member.group_id, member.case_id)
            .join(Case, Case.id == member.case_id)
            .where(member.group_id.in_(shown))
            .where(_case_days_select(user, scope, programs).whereclause)
            .order_by(member.group_id, member.case_id)
        ):
            by_group[group_id].append(case_id)
        # A group whose cases left the scope since the counts were read (another statement).
        shown = [g for g in shown if by_group[g]]
    described = groups.describe_members(GroupKind.QUESTIONS, {g: by_group[g] for g in shown})
    cohesion = {g: described[g][0] for g in shown}
    members = {g: [(described[g][1][i], i) for i in by_group[g]] for g in shown}
    ids = [case_id for g in shown for _, case_id in members[g]]
    cases = (
        {
            c.id: c
            for c in db.session.scalars(
                select(Case)
                .where(Case.id.in_(ids))
                # What the page, its CSV and the API show of a case: not its texts and fields.
                .options(
                    load_only(Case.id, Case.title, Case.question, Case.program_id),
                    selectinload(Case.program),
                )
            )
        }
        if ids
        else {}
    )
    out = [
        QuestionGroup(
            [cases[case_id] for _, case_id in members[g]],
            cohesion[g],
            cases[max(members[g], key=lambda pair: (pair[0], -pair[1]))[1]],
        )
        for g in shown
    ]
    return len(found) if total is None else total, out


def questions_updating(user: Viewer, scope: Scope) -> bool:
    """Whether changes the user may know of are not yet in the stored question groups:
    those of the audiences the scope's programs read (a private program's changes are not
    told to others, not even when they happen)."""
    return _questions_updating(_programs(user, scope))


def _questions_updating(programs: list[Program]) -> bool:
    return groups.is_stale(GroupKind.QUESTIONS, groups.audiences_read_by(programs))


# ---------------------------------------------------------------- gaps
# ---------------------------------------------------------------- gaps


class _TopicForms(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def synonyms(self) -> list[str] | None: ...


@dataclass
class Gap:
    topic: _TopicForms
    cases: int
    programs: list[str] = field(default_factory=list)


@lru_cache(maxsize=20_000)  # program names and topic forms, asked once per pair
def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text_key(text))) + " "


class VocabularyTopic:
    """A topic as the figures read it: its synonyms are decoded when first asked for (most
    of a hub's topics are never compared with a program's name)."""

    __slots__ = ("id", "name", "parent_id", "_stored", "_synonyms")

    def __init__(self, id: int, name: str, stored: str | None, parent_id: int | None) -> None:
        self.id, self.name, self.parent_id, self._stored = id, name, parent_id, stored
        self._synonyms: list[str] | None = None

    @property
    def synonyms(self) -> list[str]:
        if self._synonyms is None:
            self._synonyms = list(json.loads(self._stored) or []) if self._stored else []
        return self._synonyms

    def may_be_in(self, words: frozenset[str]) -> bool:
        """False when no word of the stored synonyms is one of `words` (then no synonym is a
        phrase of them), without decoding them."""
        stored = self._stored
        if not stored:
            return False
        # An escape ("\u00e9", "\n") hides a word's letters from the stored text: decode.
        return "\\" in stored or not words.isdisjoint(_words(stored).split())


def _program_words(program: Program) -> str:
    return _words(program.name) + _words(program.slug.replace("-", " "))


def _is_own(where: str, topic: Topic | _TopicForms) -> bool:
    name = _words(topic.name)
    if name.strip() and name in where:
        return True
    if isinstance(topic, VocabularyTopic) and not topic.may_be_in(_word_set(where)):
        return False  # most topics of a hub: their synonyms stay undecoded
    return any(_words(form).strip() and _words(form) in where for form in topic.synonyms or [])


@lru_cache(maxsize=256)
def _word_set(where: str) -> frozenset[str]:
    return frozenset(where.split())


def is_own_topic(program: Program, topic: Topic | _TopicForms) -> bool:
    """Whether `topic` is what `program` is about: its name or a synonym is a phrase of the
    program's name or slug ("Chronic pain" for "Chronic Pain & Opioid Stewardship ECHO")."""
    return _is_own(_program_words(program), topic)


def gaps(user: Viewer, scope: Scope, *, min_cases: int = GAP_MIN_CASES) -> list[Gap]:
    """Topics with at least `min_cases` cases in the scope but no didactic session on them (in
    the scope's programs, up to its end) and no live best practice. A program's own topic is
    not a gap of that program: every one of its cases is about it."""
    return Figures(user, scope).gaps(min_cases=min_cases)


# ---------------------------------------------------------------- coverage by presenter


@dataclass
class Coverage:
    """Cases by presenter and topic. Casebook does not model sites, so presenters stand in.
    `counts` may hold only the corner a page shows (`Figures` with `shown`)."""

    presenters: list[str]
    topics: list[str]
    counts: dict[tuple[str, str], int]
    totals: Counter[str]

    def rows(self) -> list[list[Any]]:
        return [
            [p, *[self.counts.get((p, t), 0) for t in self.topics], self.totals[p]]
            for p in self.presenters
        ]

    def top(self, presenters: int, topics: int) -> Coverage:
        """The presenters with most cases and the most frequent topics overall, for the page."""
        return Coverage(
            self.presenters[:presenters], self.topics[:topics], self.counts, self.totals
        )


UNKNOWN_PRESENTER = "Unknown presenter"


def presenter_coverage(user: Viewer, scope: Scope) -> Coverage:
    """Cases in the scope by presenter and topic."""
    return Figures(user, scope).presenter_coverage()


# ---------------------------------------------------------------- teaching coverage

# "Presented often": this many cases in the scope (as for gaps, GAP_MIN_CASES).
PRESENTED_OFTEN = GAP_MIN_CASES
LIVE_STATUSES = (PracticeStatus.PROPOSED, PracticeStatus.EMERGING, PracticeStatus.ESTABLISHED)
TEACHING_HEADER = [
    "topic",
    "broader topic",
    "talks",
    "talks on a broader topic",
    "cases presented",
    *[f"practices {s.value}" for s in PracticeStatus],
    "taught but never presented",
    "presented often, never taught",
]


@dataclass
class TeachingRow:
    """One topic: didactic talks on it in the period, cases presented, best practices."""

    topic: str
    parent: str | None
    talks: int
    broader_talks: int  # talks on a broader topic (shown, but not counted as teaching it)
    cases: int
    practices: Counter[str]
    presented_often_never_taught: bool

    @property
    def taught_never_presented(self) -> bool:
        return self.talks > 0 and self.cases == 0

    @property
    def live_practices(self) -> int:
        return sum(self.practices[s.value] for s in LIVE_STATUSES)


@dataclass
class TeachingCoverage:
    rows: list[TeachingRow]
    talks: int  # didactic sessions of the period (a talk on two topics is one talk)
    cases: int  # cases of the period (a case with two topics is one case)
    total: int  # topics with talks or cases (`rows` may hold the first only)

    def table(self) -> list[list[Any]]:
        return [
            [
                r.topic,
                r.parent or "",
                r.talks,
                r.broader_talks,
                r.cases,
                *[r.practices[s.value] for s in PracticeStatus],
                "yes" if r.taught_never_presented else "",
                "yes" if r.presented_often_never_taught else "",
            ]
            for r in self.rows
        ]

    def chart(self, limit: int) -> dict[str, Any]:
        """Talks and cases of the `limit` topics with most cases, as pairs of bars."""
        rows = self.rows[:limit]
        return {
            "kind": "teaching",
            "labels": [r.topic for r in rows],
            "talks": [r.talks for r in rows],
            "cases": [r.cases for r in rows],
        }


def teaching_coverage(user: Viewer, scope: Scope) -> TeachingCoverage:
    """Per topic: didactic talks in the scope's programs and dates, visible cases presented
    in the scope, and best practices by status, with two flags: taught but never presented,
    and presented often (PRESENTED_OFTEN cases or more) but never taught in the period.

    A talk counts for the topics it is tagged with only: a talk on a broader topic is shown
    beside, not counted (an overview of hepatitis C does not answer a question on HCC
    surveillance, and counting it would hide the topics the report is for). As for gaps, a
    program's own subject is never "presented often, never taught" for that program."""
    return Figures(user, scope).teaching_coverage()


def _teaching_coverage(figures: Figures, limit: int | None) -> TeachingCoverage:
    scope, counts, topics = figures.scope, figures.counts, figures.vocabulary
    in_period = (
        Session.program_id.in_(list(figures.by_id)),
        Session.date >= scope.start,
        Session.date <= scope.end,
    )
    talks: dict[int, int] = dict(
        db.session.execute(
            select(session_topics.c.topic_id, func.count(sa.distinct(Session.id)))
            .join(Session, Session.id == session_topics.c.session_id)
            .where(*in_period)
            .group_by(session_topics.c.topic_id)
        ).all()
    )
    talk_total = (
        db.session.scalar(
            select(func.count(sa.distinct(Session.id)))
            .join(session_topics, session_topics.c.session_id == Session.id)
            .where(*in_period)
        )
        or 0
    )
    practices = figures.practice_counts
    cases = counts.topic_totals
    counted: Counter[int] = Counter()  # cases outside programs whose own subject it is
    for topic_id, program_id, n in counts.pairs:
        if (topic_id, program_id) not in figures.own_pairs:
            counted[topic_id] += n

    def broader(topic_id: int) -> int:
        total, seen, parent = 0, {topic_id}, topics[topic_id].parent_id
        while parent is not None and parent not in seen and parent in topics:
            seen.add(parent)
            total += talks.get(parent, 0)
            parent = topics[parent].parent_id
        return total

    # Ordered on plain tuples; rows are made for the topics shown only (a page shows 50 of a
    # hub's thousands).
    order = sorted(
        (-cases[topic_id], -talks.get(topic_id, 0), topics[topic_id].name, topic_id)
        for topic_id in set(cases) | set(talks)
    )
    rows = []
    parents = (topics[t].parent_id for *_, t in order[:limit])
    readable = policy.readable_topic_ids(figures.user, (p for p in parents if p is not None))
    for *_, topic_id in order[:limit]:
        topic = topics[topic_id]
        parent = topics.get(topic.parent_id) if topic.parent_id in readable else None
        taught = talks.get(topic_id, 0)
        rows.append(
            TeachingRow(
                topic=topic.name,
                parent=parent.name if parent else None,
                talks=taught,
                broader_talks=broader(topic_id),
                cases=cases[topic_id],
                practices=practices.get(topic_id, Counter()),
                presented_often_never_taught=taught == 0 and counted[topic_id] >= PRESENTED_OFTEN,
            )
        )
    return TeachingCoverage(rows, talk_total, counts.case_total, len(order))
