"""Stored groups: recurring questions (for curriculum) and similar recommendations (candidate
best practices), kept in tables so that pages and the API only read them.

A commit that changes what the groups are made of (an open case's question, title or
topics; a published recommendation's text or status; the topic vocabulary) marks the kind
stale in the same transaction, for the audiences whose groups it changes (a reader is told
of changes not yet grouped only in the audiences they read). A background thread of each
process then recomputes it, holding a lease row so that only one process refreshes at a
time; a request never waits for it. `casebook curriculum refresh` does the same from the
shell. In tests ("sync" mode) a stale kind is
recomputed when it is read, so what a test reads is always current.

Groups are computed over what every reader of a program sees (open, not withdrawn cases and
their published recommendations), the public programs' texts among themselves and each
private program's among themselves: a group is seen whole or not at all, so a private
program's text neither shows to others nor links, ranks or reweighs what they see. Readers
still narrow groups to what the user may see (a change not yet refreshed, a scope of
dates), and describe a group seen in part from the texts they see alone.
"""

from __future__ import annotations

import logging
import os
import secrets
import threading
import time
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, cast

import sqlalchemy as sa
from flask import Flask, current_app, has_app_context
from sqlalchemy import event, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as OrmSession

from app.auth import policy
from app.cases.models import Case, CasePresentation, case_topics
from app.common import utcnow
from app.extensions import db, reading
from app.practices import grouping
from app.practices.models import (
    GroupingState,
    GroupKind,
    QuestionGroup,
    QuestionGroupMember,
    RecommendationGroup,
    RecommendationGroupChange,
    RecommendationGroupMember,
    RecommendationGroupProgram,
    StaleAudience,
)
from app.programs.models import Program, Session, Topic, TopicStatus
from app.recommendations.models import Recommendation, RecommendationStatus
from app.search.analysis import CONCEPT_PREFIX, stem

log = logging.getLogger(__name__)

EXTENSION = "casebook-groups"
LEASE = timedelta(minutes=15)
POLL_SECONDS = 30.0
SETTLE_SECONDS = 1.0  # a burst of commits (an import) gives one refresh, not one each
INSERT_BATCH = 5_000

QUESTION_THRESHOLD = 0.35
TOPIC_WEIGHT = 3  # a case's topic counts as three mentions of it (docs/curriculum.md)
# Words any question uses: they say how something is asked, not what about, so they never
# make two questions alike ("What should we do?" under a fentanyl lapse and under wounds).
GENERIC_QUESTION_WORDS = """
what which who whom whose when where why how whether should shall would could can may might
must will do does did doing done we our us you your he him she her they them his hers their
i me my any anything else other next step steps best better good right safe safest way ways
approach approaches manage managing management option options consider considering recommend
recommendation recommendations advice advise help plan plans think thoughts need needs now
go going forward here patient patients case given also about more most some still start
change first long much many often again well want wants know
year years old month months week weeks day days time times man woman boy girl mg ml per
""".split()  # noqa: SIM905 (a word list reads better as text)
GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_QUESTION_WORDS)

Progress = Callable[[str, int, int], None]


def _quiet(_label: str, _done: int, _total: int) -> None:
    return None


# ---------------------------------------------------------------- computing


@dataclass(frozen=True)
class StoredGroup:
    """A group as stored: its cohesion and (member id, centrality) pairs."""

    cohesion: float
    members: list[tuple[int, float]]
    sessions: int = 0  # recommendations: different sessions of its members
    # questions: each member's terms as analysed (kept with it, read by `describe_members`);
    # derived from the members, so not part of what a group is.
    terms: dict[int, dict[str, int]] = field(default_factory=dict, compare=False, repr=False)
    # recommendations: each member's program, for the per-program counts the candidates'
    # ranking reads (`RecommendationGroupProgram`); derived, like `terms`.
    programs: dict[int, int] = field(default_factory=dict, compare=False, repr=False)


_ANALYZERS: OrderedDict[tuple[tuple[str, str, tuple[str, ...]], ...], grouping.ClinicalAnalyzer] = (
    OrderedDict()
)
_ANALYZERS_LOCK = threading.Lock()
ANALYZERS_KEPT = 8  # the public audience's, a few private programs', every topic's


def topic_analyzer(programs: Collection[int] | None = None) -> grouping.ClinicalAnalyzer:
    """The clinical analyzer with the Topic vocabulary as concepts: every topic, or with
    `programs`, the vocabulary their readers see (accepted topics, and proposed ones an
    open case of those programs carries: a topic proposed from a private program's case
    names what only that program holds, so it must not shape what others get).

    Built once per vocabulary: building takes a tenth of a second, and pages call this on
    every request (the analyzer keeps nothing between texts, so threads may share it)."""
    stmt = select(Topic.slug, Topic.name, Topic.synonyms).order_by(Topic.id)
    if programs is not None:
        carried = (
            select(case_topics.c.topic_id)
            .join(Case, Case.id == case_topics.c.case_id)
            .where(policy.open_case_clause(), Case.program_id.in_(sorted(programs)))
        )
        stmt = stmt.where(
            sa.or_(
                Topic.status == TopicStatus.ACCEPTED,
                sa.and_(Topic.status == TopicStatus.PROPOSED, Topic.id.in_(carried)),
            )
        )
    topics = tuple((s, n, tuple(syn or ())) for s, n, syn in db.session.execute(stmt))
    with _ANALYZERS_LOCK:  # requests and the refresher thread share the cache
        analyzer = _ANALYZERS.get(topics)
        if analyzer is None:
            analyzer = grouping.analyzer_for(topics)
            _ANALYZERS[topics] = analyzer
            while len(_ANALYZERS) > ANALYZERS_KEPT:
                _ANALYZERS.popitem(last=False)
        _ANALYZERS.move_to_end(topics)
    return analyzer


class Analyzers:
    """The analyzer for a program's texts: the vocabulary everyone sees for a public
    program's, and a private program's own topics added for its texts (read once each)."""

    def __init__(self) -> None:
        self.public: set[int] = set()
        self.private: set[int] = set()
        for program_id, is_private in db.session.execute(select(Program.id, Program.private)):
            (self.private if is_private else self.public).add(program_id)
        self._built: dict[int | None, grouping.ClinicalAnalyzer] = {}

    def __call__(self, program_id: int) -> grouping.ClinicalAnalyzer:
        key = program_id if program_id in self.private else None
        if key not in self._built:
            self._built[key] = topic_analyzer(self.public if key is None else self.public | {key})
        return self._built[key]


def question_terms(
    question: str, title: str, topic_slugs: Iterable[str], analyzer: grouping.ClinicalAnalyzer
) -> Counter[str]:
    """What a case asks about: clinical words of its question and title, and its topics.

    Generic question words are left out, so two questions meet only on clinical content."""
    text = f"{question}\n{title}"[: grouping.MAX_CHARS]
    # Each term once: a drug named in the title, the question and the tags is one subject,
    # not three reasons for two cases to look alike.
    bag = Counter(
        {
            t.text: 1
            for t in analyzer(text)
            if t.text not in GENERIC_STEMS and not t.text[:1].isdigit()
        }
    )
    for slug in topic_slugs:
        bag[f"{CONCEPT_PREFIX}topic-{slug}"] = TOPIC_WEIGHT
    return bag


def _stored(ids: list[int], result: grouping.Grouping) -> list[StoredGroup]:
    return [
        StoredGroup(cohesion, [(ids[i], c) for i, c in zip(members, centrality, strict=True)])
        for members, cohesion, centrality in zip(
            result.groups, result.cohesions, result.centralities, strict=True
        )
        if len(members) >= 2
    ]


def _group_by_audience(
    ids: list[int],
    bags: list[Counter[str]],
    program_ids: list[int],
    *,
    private: set[int],
    threshold: float,
    cannot_link: list[int] | None = None,
) -> list[StoredGroup]:
    """Group the texts of the public programs among themselves, and each private program's
    among themselves, so every group is seen whole or not at all: a private text never
    joins, links or reweighs what others see. A private program's words are weighed over
    the public texts and its own (all of which its members see), not over its few texts
    alone."""
    public = [i for i, p in enumerate(program_ids) if p not in private]
    own: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(program_ids):
        if p in private:
            own[p].append(i)
    counts, concept = grouping.term_counts(bags)
    out: list[StoredGroup] = []
    for rows, statistics in [(public, public)] + [(r, public + r) for _, r in sorted(own.items())]:
        if len(rows) < 2:
            continue
        vectors = grouping.weigh(counts[rows], concept, counts[statistics])
        keys = [cannot_link[i] for i in rows] if cannot_link is not None else None
        result = grouping.group_vectors(vectors, threshold=threshold, cannot_link=keys)
        out.extend(_stored([ids[i] for i in rows], result))
    return out


def compute_question_groups(progress: Progress = _quiet) -> list[StoredGroup]:
    """Groups of cases asking about the same thing, over the open cases with a question."""
    rows = db.session.execute(
        select(Case.id, Case.question, Case.title, Case.program_id)
        .where(sa.func.length(sa.func.trim(Case.question)) > 0)
        .where(policy.open_case_clause())
        .order_by(Case.id)
    ).all()
    slugs: dict[int, list[str]] = defaultdict(list)
    for case_id, slug in db.session.execute(
        select(case_topics.c.case_id, Topic.slug)
        .join(Topic, Topic.id == case_topics.c.topic_id)
        .join(Case, Case.id == case_topics.c.case_id)
        .where(policy.open_case_clause())
    ):
        slugs[case_id].append(slug)
    analyzer = Analyzers()
    bags = []
    for done, (case_id, question, title, program) in enumerate(rows, 1):
        bags.append(question_terms(question, title, slugs.get(case_id, ()), analyzer(program)))
        if done % 1000 == 0:
            progress("Questions: analysing", done, len(rows))
    progress("Questions: grouping", len(rows), len(rows))
    ids = [r[0] for r in rows]
    stored = _group_by_audience(
        ids, bags, [r[3] for r in rows], private=analyzer.private, threshold=QUESTION_THRESHOLD
    )
    bag_of = dict(zip(ids, bags, strict=True))
    return [
        StoredGroup(g.cohesion, g.members, terms={m: dict(bag_of[m]) for m, _ in g.members})
        for g in stored
    ]


def compute_recommendation_groups(progress: Progress = _quiet) -> list[StoredGroup]:
    """Groups of published recommendations on open cases that say the same thing (never two
    of one case)."""
    rows = db.session.execute(
        select(Recommendation.id, Recommendation.body, Recommendation.case_id, Case.program_id)
        .join(Case, Case.id == Recommendation.case_id)
        .where(Recommendation.status == RecommendationStatus.PUBLISHED)
        .where(policy.open_case_clause())
        .order_by(Recommendation.id)
    ).all()
    analyzer = Analyzers()
    bags = []
    for done, (_id, body, _case, program) in enumerate(rows, 1):
        bags.append(grouping.terms(body, analyzer(program)))
        if done % 1000 == 0:
            progress("Recommendations: analysing", done, len(rows))
    progress("Recommendations: grouping", len(rows), len(rows))
    stored = _group_by_audience(
        [r[0] for r in rows],
        bags,
        [r[3] for r in rows],
        private=analyzer.private,
        threshold=grouping.RECOMMENDATION_THRESHOLD,
        cannot_link=[r[2] for r in rows],
    )
    # A recommendation's session is its case's first presentation.
    first: dict[int, tuple[Any, int]] = {}
    for case_id, on, session_id in db.session.execute(
        select(CasePresentation.case_id, Session.date, Session.id).join(
            Session, Session.id == CasePresentation.session_id
        )
    ):
        if case_id not in first or (on, session_id) < first[case_id]:
            first[case_id] = (on, session_id)
    case_of = {r[0]: r[2] for r in rows}
    program_of = {r[0]: r[3] for r in rows}
    return [
        StoredGroup(
            g.cohesion,
            g.members,
            len({first[c][1] for m, _ in g.members if (c := case_of[m]) in first}),
            programs={m: program_of[m] for m, _ in g.members},
        )
        for g in stored
    ]


COMPUTE = {
    GroupKind.QUESTIONS: compute_question_groups,
    GroupKind.RECOMMENDATIONS: compute_recommendation_groups,
}
# Either kind's tables: the code using them names the columns both have.
TABLES: dict[GroupKind, tuple[Any, Any, str]] = {
    GroupKind.QUESTIONS: (QuestionGroup, QuestionGroupMember, "case_id"),
    GroupKind.RECOMMENDATIONS: (
        RecommendationGroup,
        RecommendationGroupMember,
        "recommendation_id",
    ),
}


# The group of a change row whose recommendation was in no stored group (groups are
# numbered from 1).
NO_GROUP = 0
# PostgreSQL advisory lock between a save recording a visibility change (shared) and the
# refresh storing recommendation groups (exclusive): see `record_changes`.
GROUP_CHANGES_LOCK = 0x63617365626F6F6B  # "casebook"


def store(kind: GroupKind, groups: list[StoredGroup]) -> None:
    """Replace the stored groups of `kind` (in the caller's transaction)."""
    group_model, member_model, key = TABLES[kind]
    if kind is GroupKind.RECOMMENDATIONS:
        if db.session.get_bind().dialect.name == "postgresql":
            # Taken before any row is written, so a save waiting for it holds nothing the
            # store needs; saves recording changes from now on read the new members.
            db.session.execute(select(sa.func.pg_advisory_xact_lock(GROUP_CHANGES_LOCK)))
        groups = _without_deleted(groups)
        db.session.execute(sa.delete(RecommendationGroupProgram))
    db.session.execute(sa.delete(member_model))
    db.session.execute(sa.delete(group_model))
    group_rows = [
        {"id": number, "cohesion": g.cohesion, "size": len(g.members)}
        | ({"sessions": g.sessions} if kind is GroupKind.RECOMMENDATIONS else {})
        for number, g in enumerate(groups, 1)
    ]
    member_rows = [
        {"group_id": number, key: member, "centrality": centrality}
        | ({"terms": g.terms.get(member)} if kind is GroupKind.QUESTIONS else {})
        for number, g in enumerate(groups, 1)
        for member, centrality in g.members
    ]
    for start in range(0, len(group_rows), INSERT_BATCH):
        db.session.execute(sa.insert(group_model), group_rows[start : start + INSERT_BATCH])
    for start in range(0, len(member_rows), INSERT_BATCH):
        db.session.execute(sa.insert(member_model), member_rows[start : start + INSERT_BATCH])
    if kind is GroupKind.RECOMMENDATIONS:
        program_rows = _program_rows(groups)
        for start in range(0, len(program_rows), INSERT_BATCH):
            db.session.execute(
                sa.insert(RecommendationGroupProgram), program_rows[start : start + INSERT_BATCH]
            )


def _without_deleted(groups: list[StoredGroup]) -> list[StoredGroup]:
    """The groups without the recommendations deleted since they were computed (their
    member rows could not be stored). A deletion records a change row (`record_changes`),
    so only those rows' recommendations are looked up."""
    change = RecommendationGroupChange
    if not _has_table(db.session.connection(), change.__tablename__):
        return groups
    gone = set(
        db.session.scalars(
            select(change.recommendation_id)
            .distinct()
            .where(~sa.exists().where(Recommendation.id == change.recommendation_id))
        )
    )
    if not gone:
        return groups
    kept = []
    for g in groups:
        members = [m for m in g.members if m[0] not in gone]
        if members:
            programs = {m: p for m, p in g.programs.items() if m not in gone}
            kept.append(StoredGroup(g.cohesion, members, g.sessions, g.terms, programs))
    return kept


def _program_rows(groups: list[StoredGroup]) -> list[dict[str, int]]:
    """Each group's members counted per program, with the smallest member id (numbered as
    `store` numbers the groups)."""
    rows: list[dict[str, int]] = []
    for number, g in enumerate(groups, 1):
        per_program: dict[int, list[int]] = defaultdict(list)
        for member, _ in g.members:
            per_program[g.programs[member]].append(member)
        rows.extend(
            {"group_id": number, "program_id": p, "members": len(ids), "first_member": min(ids)}
            for p, ids in sorted(per_program.items())
        )
    return rows


def program_counts() -> dict[tuple[int, int], tuple[int, int]]:
    """The stored per-program counts: {(group, program): (members, smallest member id)}."""
    table = RecommendationGroupProgram
    return {
        (g, p): (n, first)
        for g, p, n, first in db.session.execute(
            select(table.group_id, table.program_id, table.members, table.first_member)
        )
    }


def stored_groups(kind: GroupKind) -> list[StoredGroup]:
    """The stored groups of `kind`, in a canonical order (for comparisons and tests)."""
    group_model, member_model, key = TABLES[kind]
    by_group: dict[int, list[tuple[int, float]]] = defaultdict(list)
    about: dict[int, tuple[float, int]] = {}
    sessions = group_model.sessions if kind is GroupKind.RECOMMENDATIONS else sa.literal(0)
    for group_id, member, centrality, value, count in db.session.execute(
        select(
            member_model.group_id,
            getattr(member_model, key),
            member_model.centrality,
            group_model.cohesion,
            sessions,
        ).join(group_model, group_model.id == member_model.group_id)
    ):
        by_group[group_id].append((member, centrality))
        about[group_id] = (value, count)
    out = [StoredGroup(about[g][0], sorted(m), about[g][1]) for g, m in by_group.items()]
    out.sort(key=lambda g: g.members[0][0])
    return out


# Ids per IN list when reading members' texts: a page's groups (100 at most, 2,000 members
# at 10,000 cases) in one statement, well under the bound-parameter limits (32,766 in
# SQLite, 65,535 in PostgreSQL).
READ_CHUNK = 5_000


def describe_members(
    kind: GroupKind, chosen: dict[int, list[int]]
) -> dict[int, tuple[float, dict[int, float]]]:
    """Each group's similarity and its members' centralities (the highest is the most
    typical) as a reader sees it: {group: [member ids the reader sees]} -> {group:
    (similarity, {member id: centrality})}.

    A group seen whole is described by its stored figures (weighed over texts everyone who
    sees the group sees). A group seen in part (a scope of dates, a change not yet
    refreshed) is described from the texts of the members given alone: the stored figures
    weigh members the reader may not see. A question's terms kept with its group stand for
    its text (analysed again only where none are kept)."""
    if not chosen:
        return {}
    group_model, member_model, key = TABLES[kind]
    stored: dict[int, tuple[float, dict[int, float]]] = {}
    for group_id, member, centrality, cohesion in db.session.execute(
        select(
            member_model.group_id,
            getattr(member_model, key),
            member_model.centrality,
            group_model.cohesion,
        )
        .join(group_model, group_model.id == member_model.group_id)
        .where(member_model.group_id.in_(sorted(chosen)))
    ):
        stored.setdefault(group_id, (cohesion, {}))[1][member] = centrality
    out = {
        group: stored[group]
        for group, members in chosen.items()
        if group in stored and set(members) == set(stored[group][1])
    }
    partial = {group: members for group, members in chosen.items() if group not in out}
    return out | _describe_texts(kind, partial, _kept_terms(kind, partial))


def _kept_terms(kind: GroupKind, chosen: dict[int, list[int]]) -> dict[int, Counter[str]]:
    """The terms kept with these members of these question groups (the members seen of a
    group seen in part: a tenth of a large group's, for a year's scope, so the others'
    terms are not read)."""
    if kind is not GroupKind.QUESTIONS or not chosen:
        return {}
    kept: dict[int, Counter[str]] = {}
    ids = sorted({i for members in chosen.values() for i in members})
    for start in range(0, len(ids), READ_CHUNK):
        for member, terms in db.session.execute(
            select(QuestionGroupMember.case_id, QuestionGroupMember.terms)
            .where(QuestionGroupMember.group_id.in_(sorted(chosen)))
            .where(QuestionGroupMember.case_id.in_(ids[start : start + READ_CHUNK]))
            .where(QuestionGroupMember.terms.is_not(None))
        ):
            kept[member] = Counter(terms)
    return kept


def _describe_texts(
    kind: GroupKind, chosen: dict[int, list[int]], kept: dict[int, Counter[str]] | None = None
) -> dict[int, tuple[float, dict[int, float]]]:
    """`describe_members` from the members' texts alone (`kept`: terms already known)."""
    if not chosen:
        return {}
    bags: dict[int, Counter[str]] = dict(kept or {})
    ids = sorted({i for members in chosen.values() for i in members} - set(bags))
    if ids:
        bags |= _analyse(kind, ids)
    described = grouping.describe_each(
        [[bags.get(i, Counter()) for i in members] for members in chosen.values()]
    )
    return {
        group: (cohesion, dict(zip(members, centralities, strict=True)))
        for (group, members), (cohesion, centralities) in zip(
            chosen.items(), described, strict=True
        )
    }


def _analyse(kind: GroupKind, ids: list[int]) -> dict[int, Counter[str]]:
    """The terms of these recommendations' or cases' texts as they are now."""
    analyzer = Analyzers()
    bags: dict[int, Counter[str]] = {}
    for start in range(0, len(ids), READ_CHUNK):
        chunk = ids[start : start + READ_CHUNK]
        if kind is GroupKind.RECOMMENDATIONS:
            for rec_id, body, program in db.session.execute(
                select(Recommendation.id, Recommendation.body, Case.program_id)
                .join(Case, Case.id == Recommendation.case_id)
                .where(Recommendation.id.in_(chunk))
            ):
                bags[rec_id] = grouping.terms(body or "", analyzer(program))
            continue
        slugs: dict[int, list[str]] = defaultdict(list)
        for case_id, slug in db.session.execute(
            select(case_topics.c.case_id, Topic.slug)
            .join(Topic, Topic.id == case_topics.c.topic_id)
            .where(case_topics.c.case_id.in_(chunk))
        ):
            slugs[case_id].append(slug)
        for case_id, question, title, program in db.session.execute(
            select(Case.id, Case.question, Case.title, Case.program_id).where(Case.id.in_(chunk))
        ):
            bags[case_id] = question_terms(
                question or "", title or "", slugs[case_id], analyzer(program)
            )
    return bags


# ---------------------------------------------------------------- refreshing


def _ensure_state(kind: GroupKind) -> None:
    if db.session.get(GroupingState, kind) is None:
        try:
            with db.session.begin_nested():
                db.session.add(GroupingState(kind=kind, stale=True))
        except IntegrityError:
            pass  # another process added it meanwhile
    db.session.commit()


@dataclass(frozen=True)
class Lease:
    """A refresh lease taken, with the audiences whose marks it cleared (marked again if
    the refresh fails)."""

    token: int
    cleared: frozenset[int]
    # recommendations: the change rows the refresh takes in (deleted when it stores)
    changes: frozenset[int] = frozenset()


STALE = cast(sa.Table, StaleAudience.__table__)


def _take_lease(kind: GroupKind, token: int) -> Lease | None:
    """Take the refresh lease of `kind` unless another process holds it, and clear its
    marks: the refresh recomputes every audience. A change committed from now on marks
    its audience again, so nothing is lost; on PostgreSQL a mark a save in progress holds
    (`_hold`) or inserts is left in place, so the kind stays stale (`is_stale`)."""
    _ensure_state(kind)
    now = utcnow()
    taken = cast(
        CursorResult[Any],
        db.session.execute(
            sa.update(GroupingState)
            .where(GroupingState.kind == kind)
            .where(sa.or_(GroupingState.lease_until.is_(None), GroupingState.lease_until < now))
            .values(stale=False, lease_token=token, lease_until=now + LEASE)
        ),
    ).rowcount
    if taken != 1:
        db.session.commit()
        return None
    clear = sa.delete(STALE).where(STALE.c.kind == kind)
    if db.session.get_bind().dialect.name == "postgresql":
        # Never wait for a save: a mark it holds (`_hold`) or is inserting survives, and
        # the next refresh takes its change in. Waiting could deadlock with a save that
        # marks a second audience in a later flush.
        free = (
            select(STALE.c.kind, STALE.c.audience)
            .where(STALE.c.kind == kind)
            .with_for_update(skip_locked=True)
        )
        clear = sa.delete(STALE).where(sa.tuple_(STALE.c.kind, STALE.c.audience).in_(free))
    # Only what was deleted is marked again if the refresh fails.
    cleared = frozenset(db.session.execute(clear.returning(STALE.c.audience)).scalars())
    changes: frozenset[int] = frozenset()
    if kind is GroupKind.RECOMMENDATIONS and _has_table(
        db.session.connection(), RecommendationGroupChange.__tablename__
    ):
        # Committed before the compute begins, so taken in by it; later ones stay.
        changes = frozenset(db.session.scalars(select(RecommendationGroupChange.id)))
    db.session.commit()
    return Lease(token, cleared, changes)


def _settle_changes(ids: frozenset[int]) -> None:
    """Delete the change rows a refresh took in (in its storing transaction)."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), INSERT_BATCH):
        db.session.execute(
            sa.delete(RecommendationGroupChange).where(
                RecommendationGroupChange.id.in_(ordered[start : start + INSERT_BATCH])
            )
        )


def _release(kind: GroupKind, lease: Lease, *, refreshed: bool) -> None:
    values: dict[str, Any] = {"lease_token": None, "lease_until": None}
    if refreshed:
        values["refreshed_at"] = utcnow()
    else:
        values["stale"] = True  # it failed: try again later
        _insert_marks(db.session.connection(), kind, lease.cleared)
    db.session.execute(
        sa.update(GroupingState)
        .where(GroupingState.kind == kind, GroupingState.lease_token == lease.token)
        .values(**values)
    )


def refresh(
    kinds: Iterable[GroupKind] = tuple(GroupKind), *, progress: Progress = _quiet
) -> dict[GroupKind, int | None]:
    """Recompute and store the groups of each kind: the number of groups stored, or None
    for a kind another process is refreshing right now."""
    out: dict[GroupKind, int | None] = {}
    for kind in kinds:
        lease = _take_lease(kind, secrets.randbits(62))
        if lease is None:
            out[kind] = None
            continue
        try:
            # The compute only reads: on SQLite it must not hold the write lock meanwhile
            # (at a large hub it takes a minute, and every save would wait for it).
            with reading():
                groups = COMPUTE[kind](progress)
            db.session.rollback()  # end the reading transaction before writing
            progress(f"{kind.value.capitalize()}: storing", 0, len(groups))
            store(kind, groups)
            _settle_changes(lease.changes)
            _release(kind, lease, refreshed=True)
            db.session.commit()
            out[kind] = len(groups)
        except BaseException:
            db.session.rollback()
            _release(kind, lease, refreshed=False)
            db.session.commit()
            raise
    return out


# ---------------------------------------------------------------- audiences

PUBLIC = 0  # the audience of the public programs' texts; a private program's is its id


def audiences_read_by(programs: Iterable[Program]) -> set[int]:
    """The audiences whose groups a reader of `programs` reads: the public one always (a
    private program's groups weigh the public texts and vocabulary too), and the private
    programs' own."""
    return {PUBLIC} | {p.id for p in programs if p.private}


def is_stale(kind: GroupKind, audiences: Collection[int] | None = None) -> bool:
    """Whether `kind` has changes not yet grouped: any at all, or in one of `audiences`
    (what may be told to a reader of those: `audiences_read_by`)."""
    state = db.session.get(GroupingState, kind)
    if state is None:
        return True  # never computed, for anyone
    marked = sa.exists().where(StaleAudience.kind == kind)
    if audiences is None:
        # The marks are the source of truth: a save marking an audience while the flag was
        # already set locks no state row, so a refresh may clear the flag and read before
        # that save commits; its mark row, committed after, still asks for a refresh.
        return state.stale or bool(db.session.scalar(select(marked)))
    return bool(
        db.session.scalar(select(marked.where(StaleAudience.audience.in_(sorted(audiences)))))
    )


def stored_as_current(kind: GroupKind, audiences: Collection[int]) -> bool:
    """Whether what is stored of `kind` for these audiences is what a refresh now would
    store: computed, no change marked since, and no refresh under way (one clears the marks
    when it starts, before it stores; one that died leaves its token until the next)."""
    marked = sa.exists().where(
        StaleAudience.kind == kind, StaleAudience.audience.in_(sorted(audiences))
    )
    row = db.session.execute(
        select(GroupingState.refreshed_at, GroupingState.lease_token, marked).where(
            GroupingState.kind == kind
        )
    ).first()
    if row is None:
        return False
    refreshed_at, lease_token, stale = row
    return refreshed_at is not None and lease_token is None and not stale


def ensure_current(kind: GroupKind) -> None:
    """Before reading stored groups: in sync mode recompute a stale kind now; otherwise
    wake this process's refresher and read what is stored."""
    refresher = current_app.extensions.get(EXTENSION) if has_app_context() else None
    if refresher is None or not is_stale(kind):
        return
    if refresher.mode == "sync":
        refresh([kind])
    else:
        refresher.notify()


# ---------------------------------------------------------------- marking stale


def _changed(obj: Any, names: Iterable[str]) -> bool:
    state = sa.inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in names)


def _before(obj: Any, name: str) -> Any:
    history = sa.inspect(obj).attrs[name].history
    return history.deleted[0] if history.deleted else getattr(obj, name)


def _is_open(case: Case, *, before: bool = False) -> bool:
    """Whether the case is (or was, before this flush) among what groups are made of: an
    open, not withdrawn case. Drafts and cases in review shape no group."""
    value = (lambda name: _before(case, name)) if before else (lambda name: getattr(case, name))
    return value("status") in policy.OPEN_STATUSES and value("withdrawn_at") is None


def _case_kinds(case: Case, *, modified: bool, deleted: bool) -> set[GroupKind]:
    if deleted:
        return set(GroupKind) if _is_open(case) else set()  # its recommendations go with it
    now = _is_open(case)
    was = _is_open(case, before=True) if modified else now  # a new case has no advice yet
    if was != now or (now and _changed(case, ("program_id", "program"))):
        return set(GroupKind)  # it entered or left the groups, with its recommendations
    if not now:
        return set()
    history = sa.inspect(case).attrs.topics.history
    if any(t.status is not TopicStatus.ACCEPTED for t in (*history.added, *history.deleted)):
        # A proposed topic is in the vocabulary of the audiences whose open cases carry
        # it (`topic_analyzer`), which the recommendations are analysed with too.
        return set(GroupKind)
    if modified and not _changed(case, ("question", "title", "topics")):
        return set()
    return {GroupKind.QUESTIONS}


def _case_programs(case: Case) -> set[int]:
    """The case's program, and the one it left if it moved."""
    state = sa.inspect(case)
    programs = {case.program_id}
    programs.update(p for p in state.attrs.program_id.history.deleted if p is not None)
    programs.update(p.id for p in state.attrs.program.history.deleted if p is not None)
    return programs


def _shown_otherwise(case: Case) -> bool:
    """Whether this flush changes who sees the case's recommendations in the groups: it
    opened or left the open cases (withdrawn, or sent back to review: some still see it),
    or moved program. A move between open statuses changes no one's view."""
    return _is_open(case, before=True) != _is_open(case) or _changed(
        case, ("program_id", "program")
    )


def _topic_reaches_everyone(topic: Topic, *, modified: bool, deleted: bool) -> bool:
    """Whether a change of the topic changes every audience's vocabulary (an accepted
    topic is in all of them; a proposed one only in those of the programs whose open cases
    carry it). A deleted topic counts as everyone's: its links are gone by now."""
    if deleted:
        return True
    before = _before(topic, "status") if modified else topic.status
    return TopicStatus.ACCEPTED in (before, topic.status)


@dataclass
class _Changes:
    """What a flush changed in the groupings, before it is told apart by audience."""

    everyone: set[GroupKind] = field(default_factory=set)
    marks: set[tuple[GroupKind, int]] = field(default_factory=set)  # (kind, audience)
    programs: set[tuple[GroupKind, int]] = field(default_factory=set)  # (kind, program id)
    recommended: set[int] = field(default_factory=set)  # cases: their advice changed
    presented: set[int] = field(default_factory=set)  # cases scheduled or unscheduled
    sessions: set[int] = field(default_factory=set)  # sessions whose date changed
    topics: set[int] = field(default_factory=set)  # proposed topics changed (both kinds)
    # What may change who sees a grouped recommendation (so its groups' kept counts):
    shown_cases: set[int] = field(default_factory=set)  # open/closed, withdrawn, moved
    shown_recommendations: set[int] = field(default_factory=set)  # (un)published

    def __bool__(self) -> bool:
        return any(vars(self).values())

    def add(self, obj: Any, *, modified: bool, deleted: bool = False) -> None:
        if isinstance(obj, Case):
            for kind in _case_kinds(obj, modified=modified, deleted=deleted):
                self.programs.update((kind, p) for p in _case_programs(obj))
            if deleted or (modified and _shown_otherwise(obj)):
                self.shown_cases.add(obj.id)
        elif isinstance(obj, Recommendation):
            # Only published advice is grouped: a draft's edits change nothing.
            published = RecommendationStatus.PUBLISHED
            changed = not modified or _changed(obj, ("body", "status"))
            if changed and (
                deleted or obj.status is published or (modified and _changed(obj, ("status",)))
            ):
                self.recommended.add(obj.case_id)
            if deleted or (modified and _changed(obj, ("status",))):
                self.shown_recommendations.add(obj.id)
        elif isinstance(obj, Topic):
            if modified and not _changed(obj, ("name", "slug", "synonyms", "status")):
                return
            if _topic_reaches_everyone(obj, modified=modified, deleted=deleted):
                self.everyone.update(GroupKind)
            else:
                self.topics.add(obj.id)
        elif isinstance(obj, Program) and modified and _changed(obj, ("private",)):
            # Its texts move between the public groups and its own.
            self.marks.update((k, a) for k in GroupKind for a in (PUBLIC, obj.id))
        elif isinstance(obj, CasePresentation):
            self.presented.add(obj.case_id)  # the sessions a group's advice was given in
        elif isinstance(obj, Session) and modified and _changed(obj, ("date",)):
            self.sessions.add(obj.id)

    def resolve(self, connection: sa.Connection) -> set[tuple[GroupKind, int]]:
        """The (kind, audience) pairs to mark, read from the flushed rows."""
        marks = set(self.marks)
        programs = set(self.programs)
        recommendations = GroupKind.RECOMMENDATIONS
        # Scheduling counts only for a case whose published advice is grouped: each burst
        # of scheduling would otherwise recompute the recommendations for nothing.
        advised = (
            select(Recommendation.id)
            .where(Recommendation.case_id == Case.id)
            .where(Recommendation.status == RecommendationStatus.PUBLISHED)
            .exists()
        )
        for ids, stmt in (
            (self.recommended, select(Case.program_id).where(Case.id.in_(self.recommended))),
            (self.presented, select(Case.program_id).where(Case.id.in_(self.presented), advised)),
            (
                self.sessions,
                select(Case.program_id)
                .join(CasePresentation, CasePresentation.case_id == Case.id)
                .where(CasePresentation.session_id.in_(self.sessions), advised),
            ),
        ):
            if ids:
                rows = connection.execute(stmt.where(policy.open_case_clause()).distinct())
                programs.update((recommendations, p) for p in rows.scalars())
        if self.topics:
            carriers = connection.execute(
                select(Case.program_id)
                .join(case_topics, case_topics.c.case_id == Case.id)
                .where(case_topics.c.topic_id.in_(self.topics), policy.open_case_clause())
                .distinct()
            ).scalars()
            programs.update((k, p) for p in carriers for k in GroupKind)
        if self.everyone:
            audiences = {PUBLIC}
            audiences.update(
                connection.execute(select(Program.id).where(Program.private.is_(True))).scalars()
            )
            marks.update((k, a) for k in self.everyone for a in audiences)
        if programs:
            ids = {p for _, p in programs}
            is_private: dict[int, bool] = {
                program_id: flag
                for program_id, flag in connection.execute(
                    select(Program.id, Program.private).where(Program.id.in_(ids))
                )
            }
            for kind, program in programs:
                if program not in is_private:  # deleted meanwhile: whichever it was
                    marks.update({(kind, PUBLIC), (kind, program)})
                else:
                    marks.add((kind, program if is_private[program] else PUBLIC))
        return marks


_migrated: set[str] = set()


def _has_stale_table(connection: sa.Connection) -> bool:
    key = connection.engine.url.render_as_string()
    if key not in _migrated and sa.inspect(connection).has_table(StaleAudience.__tablename__):
        _migrated.add(key)
    return key in _migrated


def _after_flush(session: OrmSession, _context: Any) -> None:
    changes = _Changes()
    for obj in session.new:
        changes.add(obj, modified=False)
    for obj in session.deleted:
        changes.add(obj, modified=False, deleted=True)
    for obj in session.dirty:
        if session.is_modified(obj):
            changes.add(obj, modified=True)
    if not changes:
        return
    connection = session.connection()
    if not _has_stale_table(connection):
        return  # a database not yet migrated this far (the migrations mark it stale)
    record_changes(connection, changes.shown_cases, changes.shown_recommendations)
    _mark(session, changes.resolve(connection))


def _before_flush(session: OrmSession, _context: Any, _instances: Any) -> None:
    """A deleted case's or recommendation's group members go with it (ON DELETE CASCADE):
    their groups are recorded while the rows are there."""
    gone = [o for o in session.deleted if isinstance(o, Case | Recommendation) and o.id]
    cases = {obj.id for obj in gone if isinstance(obj, Case)}
    recommendations = {obj.id for obj in gone if isinstance(obj, Recommendation)}
    if cases or recommendations:
        record_changes(session.connection(), cases, recommendations)


def record_changes(connection: sa.Connection, cases: set[int], recommendations: set[int]) -> None:
    """Record the published recommendations of these cases, and these recommendations, as
    seen otherwise than when grouped (in the caller's transaction): the candidates'
    ranking counts their groups' members afresh until the next refresh stores them.

    Each is recorded whether or not it is in a stored group now (`NO_GROUP` if not): a
    refresh computing meanwhile may have grouped it as it was, and the group it stores
    is found by the recommendation (`changed_groups`). On PostgreSQL the save holds a
    shared lock until it ends that the storing refresh takes exclusively: the members read
    here are those the refresh replaces only if the save ends before the refresh writes
    (its change row, committed after the refresh read the changes, stays); otherwise they
    are the new ones. Without it a deleted recommendation's row named its old group while
    the cascade took its new membership, and that group's kept count stayed one too high."""
    if not (cases or recommendations) or not _has_table(
        connection, RecommendationGroupChange.__tablename__
    ):
        return
    if connection.dialect.name == "postgresql":
        connection.execute(select(sa.func.pg_advisory_xact_lock_shared(GROUP_CHANGES_LOCK)))
    member = RecommendationGroupMember
    changed = (
        select(
            Recommendation.id,
            sa.func.coalesce(member.group_id, NO_GROUP),
        )
        .outerjoin(member, member.recommendation_id == Recommendation.id)
        .where(
            sa.or_(
                Recommendation.id.in_(sorted(recommendations)),
                sa.and_(
                    Recommendation.case_id.in_(sorted(cases)),
                    Recommendation.status == RecommendationStatus.PUBLISHED,
                ),
            )
        )
    )
    connection.execute(
        sa.insert(RecommendationGroupChange).from_select(["recommendation_id", "group_id"], changed)
    )


def changed_groups() -> sa.CompoundSelect:
    """The ids of the recommendation groups with a member seen otherwise than when grouped:
    the groups its recommendation is in now (a refresh may have renumbered them) and the
    one it was in (a deleted recommendation is in none)."""
    change, member = RecommendationGroupChange, RecommendationGroupMember
    return sa.union(
        select(change.group_id).where(change.group_id != NO_GROUP),
        select(member.group_id).join(change, change.recommendation_id == member.recommendation_id),
    )


_tables: set[tuple[str, str]] = set()


def _has_table(connection: sa.Connection, name: str) -> bool:
    key = (connection.engine.url.render_as_string(), name)
    if key not in _tables and sa.inspect(connection).has_table(name):
        _tables.add(key)
    return key in _tables


_with_terms: set[str] = set()


def forget_terms(connection: sa.Connection, cases: set[int] | None) -> None:
    """Empty the kept question terms of these cases (None: of every case), in the caller's
    transaction: a purged word must not stay in them (until the next refresh these texts
    are analysed as they are now). Saves never call it: their row locks would make the
    refresh, which replaces every member row, wait for them."""
    key = connection.engine.url.render_as_string()
    if key not in _with_terms:
        inspector = sa.inspect(connection)
        table = QuestionGroupMember.__tablename__
        if not inspector.has_table(table) or not any(
            c["name"] == "terms" for c in inspector.get_columns(table)
        ):
            return  # a database not yet migrated this far
        _with_terms.add(key)
    stmt = sa.update(QuestionGroupMember).where(QuestionGroupMember.terms.is_not(None))
    if cases is not None:
        stmt = stmt.where(QuestionGroupMember.case_id.in_(sorted(cases)))
    connection.execute(stmt.values(terms=None))


def mark_stale(session: OrmSession, kinds: set[GroupKind], programs: Collection[int]) -> None:
    """Mark these groupings stale for the audiences of `programs`, in the session's
    transaction: what the flush events do, for rows a bulk path inserted without the ORM."""
    if not kinds or not programs:
        return
    connection = session.connection()
    if not _has_stale_table(connection):
        return
    changes = _Changes(programs={(k, p) for k in kinds for p in programs})
    _mark(session, changes.resolve(connection))


def _mark(session: OrmSession, marks: set[tuple[GroupKind, int]]) -> None:
    """Collect the marks of the session's transaction; they are written when it commits
    (`_before_commit`), all in one sorted pass."""
    done = session.info.setdefault("groups_marked", set())
    marks = marks - done
    if not marks:
        return
    done |= marks
    session.info.setdefault("groups_pending", set()).update(marks)
    if session.info.get("groups_committing"):
        _write_marks(session)  # a flush after ours, within the commit


def _before_commit(session: OrmSession) -> None:
    if session.in_nested_transaction():
        return  # a savepoint: the outer commit writes
    session.flush()
    session.info["groups_committing"] = True
    _write_marks(session)


def _write_marks(session: OrmSession) -> None:
    """Write the transaction's marks at once, kinds and audiences in order: two saves
    marking the same new audiences insert them in the same order, so neither waits on a
    row the other inserted after waiting on one of its own (a deadlock, when each flush
    wrote its own). Still before the commit: a refresh taking the lease from here on
    leaves these marks in place (`_take_lease`)."""
    marks = session.info.pop("groups_pending", None)
    if not marks:
        return
    connection = session.connection()
    kinds = sorted({kind for kind, _ in marks})
    # Only a row not yet stale is written: concurrent saves do not queue on one row.
    connection.execute(
        sa.update(GroupingState)
        .where(GroupingState.kind.in_(kinds), GroupingState.stale.is_(False))
        .values(stale=True)
    )
    for kind in kinds:
        _hold(connection, kind, {a for k, a in marks if k is kind})


def _hold(connection: sa.Connection, kind: GroupKind, audiences: set[int]) -> None:
    """Have these audiences marked until this transaction ends: a row already there is
    share-locked (on PostgreSQL; SQLite has one writer at a time), so a refresh taking the
    lease leaves it in place instead of clearing it unseen; a missing one is inserted.
    Concurrent saves share the lock and do not wait for each other."""
    pending = set(audiences)
    while pending:
        held = connection.execute(
            select(STALE.c.audience)
            .where(STALE.c.kind == kind, STALE.c.audience.in_(sorted(pending)))
            .with_for_update(read=True, key_share=True)  # FOR KEY SHARE
        ).scalars()
        pending.difference_update(held)
        if pending:
            # A row another transaction inserts meanwhile is held at the next turn.
            pending.difference_update(_insert_marks(connection, kind, pending))


def _insert_marks(
    connection: sa.Connection, kind: GroupKind, audiences: Collection[int]
) -> set[int]:
    """Insert the marks missing (in order, so two writers never deadlock on them); returns
    the audiences this statement inserted."""
    if not audiences:
        return set()
    insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    return set(
        connection.execute(
            insert(STALE)
            .values([{"kind": kind.value, "audience": a} for a in sorted(audiences)])
            .on_conflict_do_nothing()
            .returning(STALE.c.audience)
        ).scalars()
    )


def _after_commit(session: OrmSession) -> None:
    if session.info.pop("groups_marked", None) and has_app_context():
        refresher = current_app.extensions.get(EXTENSION)
        if refresher is not None:
            refresher.notify()


def _after_transaction_end(session: OrmSession, transaction: Any) -> None:
    # A savepoint rolled back leaves its marks pending: marking too much is harmless.
    if transaction.parent is None:
        for key in ("groups_marked", "groups_pending", "groups_committing"):
            session.info.pop(key, None)


_installed = False


def install_events() -> None:
    global _installed
    if _installed:
        return
    event.listen(OrmSession, "before_flush", _before_flush)
    event.listen(OrmSession, "after_flush", _after_flush)
    event.listen(OrmSession, "before_commit", _before_commit)
    event.listen(OrmSession, "after_commit", _after_commit)
    event.listen(OrmSession, "after_transaction_end", _after_transaction_end)
    _installed = True


class Refresher:
    """The per-process refresher: a daemon thread woken after commits that marked groups
    stale, and every POLL_SECONDS for marks made by other processes.

    Modes (CASEBOOK_GROUPS_REFRESH): "thread" (default), "sync" (the default under
    TESTING: a stale kind is recomputed when read) and "off" (only the CLI refreshes)."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.mode = app.config.get("CASEBOOK_GROUPS_REFRESH") or (
            "sync" if app.config.get("TESTING") else "thread"
        )
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._lock = threading.Lock()
        self._stopping = False

    def notify(self) -> None:
        # Only a serving process's thread (started by its first request) is woken: a command
        # such as `casebook import` must not start a refresh it would cut short on exit,
        # holding the lease until it expires. Servers see its marks at their next poll.
        if self.mode == "thread" and self._thread is not None and self._pid == os.getpid():
            self._wake.set()

    def start(self) -> None:
        if self.mode != "thread" or (self._thread is not None and self._pid == os.getpid()):
            return
        with self._lock:
            if self._thread is None or self._pid != os.getpid():
                self._pid = os.getpid()
                self._thread = threading.Thread(
                    target=self._run, name="casebook-groups-refresher", daemon=True
                )
                self._thread.start()

    def stop(self, timeout: float = 60.0) -> None:
        """End the thread after its current refresh (an app torn down in-process)."""
        self._stopping = True
        self._wake.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _run(self) -> None:
        self._wake.set()  # catch up on what went stale while no process was running
        while not self._stopping:
            self._wake.wait(POLL_SECONDS)
            time.sleep(SETTLE_SECONDS)
            self._wake.clear()
            if self._stopping:
                return
            try:
                with self.app.app_context():
                    stale = [k for k in GroupKind if is_stale(k)]
                    db.session.rollback()
                    if stale:
                        refresh(stale)
            except Exception as exc:  # retried at the next poll; never reaches a user
                log.warning("groups: refresh failed (%s)", type(exc).__name__)


def init_app(app: Flask) -> None:
    install_events()
    refresher = Refresher(app)
    app.extensions[EXTENSION] = refresher

    @app.before_request
    def _start_refresher() -> None:
        refresher.start()
