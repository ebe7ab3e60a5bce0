"""Stored groups: recurring questions group on clinical content, the stored result follows
the data (stale marks, refresh) and equals a full recompute, one refresher at a time, and
readers see only what they may."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import numpy as np
import pytest
from click.testing import CliRunner
from sqlalchemy import event, select
from sqlalchemy import update as sa_update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session as OrmSession

from app.auth.policy import SYSTEM
from app.cases.models import Case, CasePresentation, CaseStatus
from app.curriculum import operations as figures
from app.extensions import db
from app.practices import grouping, groups, queries
from app.practices.models import GroupingState, GroupKind, QuestionGroupMember, StaleAudience
from app.programs.models import TopicStatus
from app.programs.operations import create_program, create_session, resolve_topics
from app.recommendations.models import Recommendation
from tests.support.builders import add_case, add_recommendation

END = date(2026, 11, 25)
NALOXONE = "Prescribe **naloxone** with every buprenorphine start and teach the family to use it."


@pytest.fixture
def hub(app, make_user):
    """An OUD program, a chronic pain program and a private perinatal program, with cases
    whose questions are alike in wording but not in content, and some that truly recur."""
    oud = create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    pain = create_program("chronic-pain", "Chronic Pain ECHO", actor=SYSTEM)
    peri = create_program(
        "perinatal-sud", "Perinatal Substance Use ECHO", private=True, actor=SYSTEM
    )
    sessions = {
        p.slug: [
            create_session(p, date(2026, m, 10), title=f"Session {m}", actor=SYSTEM)
            for m in (2, 5, 8)
        ]
        for p in (oud, pain, peri)
    }
    db.session.commit()
    presenter = make_user("provider", programs=["oud", "chronic-pain"])
    member = make_user("provider", programs=["perinatal-sud"])
    expert = make_user("expert", programs=["oud", "chronic-pain", "perinatal-sud"])

    def case(program, n, title, question, topics, who=presenter):
        return add_case(
            program,
            who,
            title,
            question=question,
            session=sessions[program.slug][n],
            topics=resolve_topics(topics),
        )

    cases = {
        "fentanyl-lapse": case(
            oud,
            0,
            "Fentanyl lapse on buprenorphine",
            "She had a fentanyl lapse after a family conflict. What should we do?",
            ["Fentanyl", "Urine drug testing"],
        ),
        "xylazine-wounds": case(
            oud,
            1,
            "Xylazine wounds on the forearms",
            "Her forearm wounds from xylazine are getting worse. What should we do?",
            ["Xylazine", "Wound care"],
        ),
        "pregnancy": case(
            peri,
            0,
            "Pregnant at 20 weeks on methadone",
            "Her methadone wears off in the evening. What should we do?",
            ["Pregnancy", "Methadone"],
            who=member,
        ),
        "chronic-pain": case(
            pain,
            0,
            "Fibromyalgia with poor sleep",
            "Tramadol is not helping her fibromyalgia. What should we do?",
            ["Chronic pain", "Fibromyalgia"],
        ),
        "taper-1": case(
            pain,
            1,
            "Long-term oxycodone, wants to taper",
            "How fast should we taper oxycodone after ten years of use?",
            ["Chronic pain", "Opioid tapering"],
        ),
        "taper-2": case(
            pain,
            2,
            "Oxycodone 90 MME, taper requested",
            "What oxycodone taper speed is safe after years on it?",
            ["Chronic pain", "Opioid tapering"],
        ),
        "peri-taper": case(
            peri,
            1,
            "Oxycodone taper in pregnancy",
            "How fast can we taper oxycodone in pregnancy?",
            ["Pregnancy", "Opioid tapering"],
            who=member,
        ),
    }
    recs = {}
    for key in ("fentanyl-lapse", "xylazine-wounds", "chronic-pain", "pregnancy"):
        recs[key] = add_recommendation(cases[key], expert, NALOXONE)
    db.session.commit()
    return {
        "oud": oud,
        "pain": pain,
        "peri": peri,
        "presenter": presenter,
        "member": member,
        "expert": expert,
        "cases": cases,
        "recs": recs,
        "curriculum": make_user("curriculum"),
    }


def _refs(found) -> list[set[str]]:
    return [{c.title for c in g.cases} for g in found]


def _grouped(found, *titles: str) -> bool:
    return any(set(titles) <= members for members in _refs(found))


def test_generic_question_words_never_make_a_group(hub):
    """Issue #14: "What should we do?" joined a fentanyl lapse with xylazine wounds, and a
    pregnancy case with a chronic-pain case."""
    scope = figures.make_scope(SYSTEM, end=END)
    found = figures.recurring_questions(SYSTEM, scope)
    titles = {k: c.title for k, c in hub["cases"].items()}
    assert not _grouped(found, titles["fentanyl-lapse"], titles["xylazine-wounds"])
    assert not _grouped(found, titles["pregnancy"], titles["chronic-pain"])
    # Two questions about the same clinical content do group, across wording.
    assert _grouped(found, titles["taper-1"], titles["taper-2"])


def test_question_terms_leave_out_the_wording_of_the_question(app):
    analyzer = groups.topic_analyzer()
    bag = groups.question_terms("What should we do next? How do we manage this?", "", [], analyzer)
    assert not bag
    bag = groups.question_terms("What should we do about fentanyl?", "", ["fentanyl"], analyzer)
    assert set(bag) >= {"fentanyl", "~topic-fentanyl"}


def test_the_analyzer_is_built_once_per_vocabulary_and_follows_it(app):
    """Pages ask for it on every request; building it costs a tenth of a second."""
    from app.programs.operations import create_topic

    first = groups.topic_analyzer()
    assert groups.topic_analyzer() is first
    create_topic("Xylazine wounds", synonyms=["tranq wounds"], actor=SYSTEM)
    db.session.commit()
    changed = groups.topic_analyzer()
    assert changed is not first
    assert any(t.text.startswith("~") for t in changed("tranq wounds"))


def test_groups_follow_changes_and_equal_a_full_recompute(hub):
    groups.refresh()
    assert not groups.is_stale(GroupKind.QUESTIONS)
    assert not groups.is_stale(GroupKind.RECOMMENDATIONS)

    # A change of question marks only the questions stale; a new recommendation the other.
    moved = hub["cases"]["chronic-pain"]
    moved.title = "Oxycodone taper after years of use"
    moved.question = "How fast should we taper her oxycodone?"
    db.session.commit()
    assert groups.is_stale(GroupKind.QUESTIONS)
    assert not groups.is_stale(GroupKind.RECOMMENDATIONS)
    add_recommendation(hub["cases"]["taper-1"], hub["expert"], NALOXONE)
    db.session.commit()
    assert groups.is_stale(GroupKind.RECOMMENDATIONS)
    # A topic edit bringing a proposed topic marks both: an open case's proposed topics are
    # in its audience's vocabulary, which the recommendations are analysed with too.
    groups.refresh()
    moved.topics = resolve_topics(["Chronic pain", "Opioid tapering"])
    db.session.commit()
    assert groups.is_stale(GroupKind.QUESTIONS)
    assert groups.is_stale(GroupKind.RECOMMENDATIONS)

    # Reading (sync mode, as under test) brings the stored groups up to date...
    scope = figures.make_scope(SYSTEM, end=END)
    found = figures.recurring_questions(SYSTEM, scope)
    queries.recommendation_groups(SYSTEM)
    assert _grouped(found, moved.title, "Long-term oxycodone, wants to taper")
    # ...and what is stored is what a full recompute from scratch gives.
    for kind, compute in groups.COMPUTE.items():
        assert not groups.is_stale(kind)
        assert groups.stored_groups(kind) == _canonical(compute())

    # Deleting a case drops it from the stored groups at once (foreign key cascade).
    db.session.delete(hub["cases"]["taper-2"])
    db.session.commit()
    assert groups.is_stale(GroupKind.QUESTIONS)
    groups.refresh([GroupKind.QUESTIONS])
    assert groups.stored_groups(GroupKind.QUESTIONS) == _canonical(groups.compute_question_groups())


def _canonical(computed: list[groups.StoredGroup]) -> list[groups.StoredGroup]:
    out = [groups.StoredGroup(g.cohesion, sorted(g.members), g.sessions) for g in computed]
    out.sort(key=lambda g: g.members[0][0])
    return out


def test_one_refresher_at_a_time(hub):
    groups.refresh()
    hub["cases"]["taper-1"].question = "Which opioid taper schedule?"
    db.session.commit()
    # Another process holds the lease: this one leaves the refresh to it.
    assert groups._take_lease(GroupKind.QUESTIONS, 42)
    assert groups.refresh([GroupKind.QUESTIONS]) == {GroupKind.QUESTIONS: None}
    # A lease left by a process that died expires.
    state = db.session.get(GroupingState, GroupKind.QUESTIONS)
    state.lease_until = state.lease_until.replace(year=2000)
    db.session.commit()
    assert groups.refresh([GroupKind.QUESTIONS])[GroupKind.QUESTIONS] is not None


def test_a_private_programs_texts_group_among_themselves_only(hub):
    """Each group is seen whole or not at all: a private program's cases and
    recommendations group with their own program's only, so they never join, nor change,
    a group others see."""
    peri, member, expert = hub["peri"], hub["member"], hub["expert"]
    session = create_session(peri, date(2026, 9, 10), title="Session 9", actor=SYSTEM)
    second = add_case(
        peri,
        member,
        "Oxycodone taper at 30 weeks",
        question="How fast should we taper oxycodone in pregnancy?",
        session=session,
        topics=resolve_topics(["Pregnancy", "Opioid tapering"]),
    )
    add_recommendation(second, expert, NALOXONE)
    db.session.commit()
    groups.refresh()
    private_titles = {c.title for c in (*hub["cases"].values(), second) if c.program.private}
    everyone = _refs(figures.recurring_questions(SYSTEM, figures.make_scope(SYSTEM, end=END)))
    # The two perinatal taper questions make a group of their own, apart from the public one.
    assert {"Oxycodone taper in pregnancy", "Oxycodone taper at 30 weeks"} in everyone
    assert all(not members & private_titles or members <= private_titles for members in everyone)
    # The curriculum lead, who is not a member, sees the public groups only.
    scope = figures.make_scope(hub["curriculum"], end=END)
    outside = _refs(figures.recurring_questions(hub["curriculum"], scope))
    assert outside == [m for m in everyone if not m & private_titles]
    # Candidate groups of recommendations: the same, each group private or public whole.
    for group in queries.recommendation_groups(SYSTEM):
        assert len({r.case.program.private for r in group.recommendations}) == 1
    for group in queries.recommendation_groups(hub["presenter"]):
        assert all(not r.case.program.private for r in group.recommendations)
    member_view = queries.recommendation_groups(member)
    assert any(r.case.program.private for g in member_view for r in g.recommendations)
    # A case the reader may not see yet (a draft of someone else) is left out too.
    hub["cases"]["taper-2"].status = CaseStatus.DRAFT
    db.session.commit()
    for group in figures.recurring_questions(hub["curriculum"], scope):
        assert "Oxycodone 90 MME, taper requested" not in {c.title for c in group.cases}


def _stored_members(kind: GroupKind) -> set[int]:
    return {m for g in groups.stored_groups(kind) for m, _ in g.members}


def test_groups_are_made_of_open_cases_and_follow_them_in_and_out(hub):
    """Drafts and cases in review shape no group; a case entering or leaving the open
    cases, or a program made private, marks both kinds stale (its recommendations follow
    it); review steps inside the open statuses do not."""
    pain = hub["pain"]
    draft = add_case(
        pain,
        hub["presenter"],
        "Oxycodone taper, draft",
        question="How fast should we taper oxycodone after years of use?",
        topics=resolve_topics(["Chronic pain", "Opioid tapering"]),
    )
    draft.status = CaseStatus.DRAFT
    db.session.commit()
    groups.refresh()
    assert draft.id not in _stored_members(GroupKind.QUESTIONS)

    def marks(change) -> set[GroupKind]:
        groups.refresh()
        change()
        db.session.commit()
        return {kind for kind in GroupKind if groups.is_stale(kind)}

    assert marks(lambda: setattr(draft, "status", CaseStatus.SUBMITTED)) == set()
    assert marks(lambda: setattr(draft, "status", CaseStatus.APPROVED)) == set(GroupKind)
    groups.refresh()
    assert draft.id in _stored_members(GroupKind.QUESTIONS)
    assert marks(lambda: setattr(draft, "status", CaseStatus.PRESENTED)) == set()
    assert marks(lambda: setattr(draft, "withdrawn_at", datetime(2026, 11, 1))) == set(GroupKind)
    groups.refresh()
    assert draft.id not in _stored_members(GroupKind.QUESTIONS)
    assert marks(lambda: setattr(pain, "private", True)) == set(GroupKind)
    assert marks(lambda: setattr(pain, "name", "Pain ECHO")) == set()
    # The sessions a group's advice was given in count toward candidates: scheduling a case
    # and moving a session's date refresh the recommendations.
    later = create_session(pain, date(2026, 10, 10), title="Session 10", actor=SYSTEM)
    db.session.commit()
    advised = hub["cases"]["chronic-pain"]
    added = {GroupKind.RECOMMENDATIONS}
    assert marks(lambda: db.session.add(CasePresentation(case=advised, session=later))) == added
    assert marks(lambda: setattr(later, "date", date(2026, 1, 5))) == added
    assert marks(lambda: setattr(later, "title", "Session ten")) == set()
    # A case without published advice is in no group of recommendations: scheduling it, or
    # moving a session holding only such cases, changes none.
    unadvised = hub["cases"]["taper-1"]
    assert not unadvised.recommendations
    other = create_session(pain, date(2026, 10, 20), title="Session 11", actor=SYSTEM)
    db.session.commit()
    assert marks(lambda: db.session.add(CasePresentation(case=unadvised, session=other))) == set()
    assert marks(lambda: setattr(other, "date", date(2026, 10, 21))) == set()
    draft_advice = add_recommendation(unadvised, hub["expert"], NALOXONE, published=False)
    db.session.commit()
    assert draft_advice.status is not None
    assert marks(lambda: setattr(other, "date", date(2026, 10, 22))) == set()


def test_refresh_command(hub, app):
    hub["cases"]["taper-1"].question = "Which opioid taper schedule after years on oxycodone?"
    db.session.commit()
    result = CliRunner().invoke(args=["curriculum", "refresh"], cli=app.cli, obj=None)
    assert result.exit_code == 0, result.output
    assert "questions:" in result.output and "recommendations:" in result.output
    assert not groups.is_stale(GroupKind.QUESTIONS)
    assert groups.stored_groups(GroupKind.QUESTIONS) == _canonical(groups.compute_question_groups())


def test_nearest_neighbours_find_the_pairs_every_pair_comparison_finds():
    rng = np.random.default_rng(7)
    themes = [f"theme{t} drug{t} test{t} dose{t}" for t in range(30)]
    texts = [
        f"{themes[i % 30]} filler{rng.integers(500)} note{rng.integers(500)}" for i in range(300)
    ]
    analyzer = grouping.analyzer_for()
    vectors = grouping.vectorise([grouping.terms(t, analyzer) for t in texts])
    exact = grouping.group_vectors(vectors, threshold=0.3)
    edges = grouping.neighbours(vectors, exact_below=0, k=10)
    approximate = grouping.describe(vectors, grouping.cluster(300, edges, 0.3))
    assert sorted(map(tuple, exact.groups)) == sorted(map(tuple, approximate.groups))
    assert len([g for g in exact.groups if len(g) == 10]) == 30


@pytest.fixture
def quick_settle(monkeypatch):
    """The refresher pauses a second after each wake-up (a burst of commits gives one
    refresh), and a stop waits out that pause: these tests wait for one refresh and one
    stop, not for a burst."""
    monkeypatch.setattr(groups, "SETTLE_SECONDS", 0.01)


@pytest.mark.usefixtures("quick_settle")
@pytest.mark.app_config(CASEBOOK_GROUPS_REFRESH="thread")
def test_a_request_reads_what_is_stored_and_the_background_refreshes(hub, app, client):
    from tests.cases.test_views import as_user

    as_user(client, hub["curriculum"])
    page = client.get("/curriculum?end=2026-11-25")  # starts this process's refresher
    assert page.status_code == 200
    refresher = app.extensions[groups.EXTENSION]
    assert refresher._thread is not None
    refresher._wake.set()
    for _ in range(600):  # waits for the thread, not for a duration
        db.session.rollback()
        if not groups.is_stale(GroupKind.QUESTIONS) and groups.stored_groups(GroupKind.QUESTIONS):
            break
        refresher._thread.join(0.1)
    assert not groups.is_stale(GroupKind.QUESTIONS)
    assert "Recent changes are still being grouped" not in client.get(
        "/curriculum?end=2026-11-25"
    ).get_data(as_text=True)


def test_candidates_are_the_most_discussed_uncited_groups(hub, make_user):
    from datetime import date as day

    from app.practices.operations import add_evidence, propose_practice

    expert = hub["expert"]
    # Two more ideas, each given in three sessions of the chronic pain program.
    for text in ("Offer **duloxetine** for fibromyalgia pain.", "Check **sleep apnea** first."):
        for n in range(3):
            session = create_session(
                hub["pain"], day(2026, 9 + n, 1), title=f"{text[:5]} {n}", actor=SYSTEM
            )
            case = add_case(hub["pain"], hub["presenter"], f"{text[:12]} case {n}", session=session)
            add_recommendation(case, expert, text)
    db.session.commit()
    everything = queries.candidate_groups(SYSTEM)
    assert len(everything) >= 3  # naloxone, duloxetine, sleep apnea
    assert [len(g.sessions) for g in everything] == sorted(
        (len(g.sessions) for g in everything), reverse=True
    )
    assert len(queries.candidate_groups(SYSTEM, limit=1)) == 1
    # A group one of whose recommendations a practice cites is no candidate any more.
    cited = next(g for g in everything if "duloxetine" in g.label.lower())
    practice = propose_practice("Duloxetine", "Offer duloxetine.", author=expert, actor=expert)
    # a group's members are read as columns: the recommendation cited is loaded by its id
    recommendation = db.session.get(Recommendation, cited.recommendations[0].id)
    add_evidence(practice, recommendation, note="Given three times.", added_by=expert, actor=SYSTEM)
    db.session.commit()
    assert all("duloxetine" not in g.label.lower() for g in queries.candidate_groups(SYSTEM))


@pytest.mark.usefixtures("quick_settle")
@pytest.mark.app_config(CASEBOOK_GROUPS_REFRESH="thread")
def test_a_torn_down_app_leaves_no_refresher_running(app, client):
    from app import stop_background

    client.get("/healthz")  # a first request starts this process's refresher
    thread = app.extensions[groups.EXTENSION]._thread
    assert thread is not None and thread.is_alive()
    stop_background(app)
    assert not thread.is_alive()


# ---------------------------------------------------------------- marks per audience


def _marked() -> set[tuple[GroupKind, int]]:
    """The (kind, audience) pairs marked stale."""
    return set(db.session.execute(select(StaleAudience.kind, StaleAudience.audience)).all())


def _both(*audiences: int) -> set[tuple[GroupKind, int]]:
    return {(kind, audience) for kind in GroupKind for audience in audiences}


def test_changes_are_marked_for_the_audiences_whose_groups_they_change(hub):
    """A private program's change is marked for that program alone, a public one for the
    public programs; what moves texts or vocabulary between audiences marks each."""
    peri, pain, cases = hub["peri"], hub["pain"], hub["cases"]
    questions, advice = GroupKind.QUESTIONS, GroupKind.RECOMMENDATIONS

    def marks(change) -> set[tuple[GroupKind, int]]:
        groups.refresh()
        assert not _marked()
        change()
        db.session.commit()
        return _marked()

    assert marks(lambda: setattr(cases["pregnancy"], "question", "When to split doses?")) == {
        (questions, peri.id)
    }
    body = "Split the methadone dose twice daily."
    assert marks(lambda: setattr(hub["recs"]["pregnancy"], "body", body)) == {(advice, peri.id)}
    assert marks(lambda: setattr(cases["taper-1"], "question", "Which taper schedule?")) == {
        (questions, groups.PUBLIC)
    }
    # A draft recommendation, and a case in no group (a draft), change no group.
    assert (
        marks(
            lambda: add_recommendation(
                cases["pregnancy"], hub["expert"], "Draft advice.", published=False
            )
        )
        == set()
    )
    draft = add_case(peri, hub["member"], "Draft case", question="A draft question?")
    draft.status = CaseStatus.DRAFT
    db.session.commit()
    assert marks(lambda: setattr(draft, "question", "Still a draft?")) == set()
    assert marks(lambda: setattr(draft, "status", CaseStatus.APPROVED)) == _both(peri.id)
    # A proposed topic is in the vocabulary of the audiences whose open cases carry it...
    tapering, pregnancy = resolve_topics(["Opioid tapering", "Pregnancy"])
    assert tapering.status is TopicStatus.PROPOSED
    assert marks(lambda: setattr(pregnancy, "synonyms", ["gravid"])) == _both(peri.id)
    assert marks(lambda: setattr(tapering, "synonyms", ["taper"])) == _both(groups.PUBLIC, peri.id)
    # An open case taking a proposed topic brings it into its audience's vocabulary.
    assert marks(lambda: cases["pregnancy"].topics.append(tapering)) == _both(peri.id)
    # ...an accepted one in every audience's.
    assert marks(lambda: setattr(tapering, "status", TopicStatus.ACCEPTED)) == _both(
        groups.PUBLIC, peri.id
    )
    # A program made private moves its texts from the public groups to its own.
    assert marks(lambda: setattr(pain, "private", True)) == _both(groups.PUBLIC, pain.id)
    assert marks(lambda: setattr(cases["taper-1"], "question", "A taper schedule?")) == {
        (questions, pain.id)
    }


def test_a_change_committed_while_a_refresh_runs_stays_marked(hub, monkeypatch):
    """The refresh clears the marks when it takes the lease, then reads: a change saved
    after its read is marked again, so the next refresh takes it in."""
    groups.refresh()
    compute = groups.COMPUTE[GroupKind.QUESTIONS]
    case_id = hub["cases"]["pregnancy"].id

    def compute_then_a_save(progress):
        computed = compute(progress)
        with OrmSession(db.engine) as other:  # another request saving meanwhile
            other.get(Case, case_id).question = "Can we split her methadone dose?"
            other.commit()
        return computed

    monkeypatch.setitem(groups.COMPUTE, GroupKind.QUESTIONS, compute_then_a_save)
    groups.refresh([GroupKind.QUESTIONS])
    db.session.expire_all()
    assert groups.is_stale(GroupKind.QUESTIONS)
    assert _marked() == {(GroupKind.QUESTIONS, hub["peri"].id)}
    assert groups.stored_groups(GroupKind.QUESTIONS) != _canonical(compute())

    monkeypatch.setitem(groups.COMPUTE, GroupKind.QUESTIONS, compute)
    groups.refresh([GroupKind.QUESTIONS])
    assert not groups.is_stale(GroupKind.QUESTIONS) and not _marked()
    assert groups.stored_groups(GroupKind.QUESTIONS) == _canonical(compute())


def test_a_failed_refresh_marks_again_what_it_cleared(hub, monkeypatch):
    groups.refresh()
    hub["cases"]["pregnancy"].question = "Can we split her methadone dose?"
    db.session.commit()

    def fails(_progress):
        raise RuntimeError("out of memory")

    monkeypatch.setitem(groups.COMPUTE, GroupKind.QUESTIONS, fails)
    with pytest.raises(RuntimeError):
        groups.refresh([GroupKind.QUESTIONS])
    assert groups.is_stale(GroupKind.QUESTIONS)
    assert _marked() == {(GroupKind.QUESTIONS, hub["peri"].id)}


def test_a_save_holding_a_mark_keeps_the_refresh_from_clearing_it_unseen(hub):
    """PostgreSQL: a save whose mark was already there holds it share-locked from the
    start of its commit (when it writes its marks) until it ends, so the refresh's
    clearing (which deletes only the rows it can lock) leaves it in place. Other saves
    share the lock and do not wait."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: the refresh waits for the save anyway")
    groups.refresh()
    hub["cases"]["pregnancy"].question = "Can we split her methadone dose?"
    db.session.commit()
    mark = (
        select(StaleAudience.audience)
        .where(StaleAudience.kind == GroupKind.QUESTIONS)
        .where(StaleAudience.audience == hub["peri"].id)
    )
    with OrmSession(db.engine) as first, OrmSession(db.engine) as second:
        first.get(Case, hub["cases"]["pregnancy"].id).question = "Or a split dose?"
        first.flush()
        groups._write_marks(first)  # what its commit does first
        second.get(Case, hub["cases"]["peri-taper"].id).question = "How slow a taper?"
        second.flush()
        groups._write_marks(second)  # did not wait for the first
        with db.engine.connect() as refresher, pytest.raises(OperationalError):
            refresher.execute(mark.with_for_update(nowait=True))  # the lock a DELETE takes
        first.rollback()
        second.rollback()


def _postgresql_only() -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: a refresh and a save never interleave")


def test_a_mark_inserted_by_a_save_a_refresh_did_not_see_keeps_the_kind_stale(hub):
    """PostgreSQL: the kind is already stale, so a save marking a new audience locks no
    state row; a refresh taking the lease meanwhile neither sees its uncommitted mark nor
    reads its change. Once the save commits, its mark alone asks for the next refresh."""
    _postgresql_only()
    groups.refresh()
    hub["cases"]["taper-1"].question = "Which taper schedule?"  # the flag is now set
    db.session.commit()
    with OrmSession(db.engine) as save:
        save.get(Case, hub["cases"]["pregnancy"].id).question = "Or a split dose?"
        save.flush()
        groups._write_marks(save)  # its commit begins: the private program's mark, inserted
        groups.refresh([GroupKind.QUESTIONS])  # clears the flag, reads without the change
        save.commit()
    db.session.expire_all()
    assert _marked() == {(GroupKind.QUESTIONS, hub["peri"].id)}
    assert groups.is_stale(GroupKind.QUESTIONS)
    groups.ensure_current(GroupKind.QUESTIONS)  # sync mode: recomputes it now
    assert not groups.is_stale(GroupKind.QUESTIONS) and not _marked()
    assert groups.stored_groups(GroupKind.QUESTIONS) == _canonical(groups.compute_question_groups())


@pytest.fixture
def lock_timeout():
    """Statements that wait on a lock fail instead of hanging the run (a guard: the
    tests using it expect no wait at all)."""

    def limit(connection, *_args):
        connection.exec_driver_sql("SET LOCAL lock_timeout = '20s'")

    event.listen(db.engine, "begin", limit)
    yield
    event.remove(db.engine, "begin", limit)


def test_the_refresh_never_waits_for_a_save_holding_a_mark(hub, monkeypatch, lock_timeout):
    """PostgreSQL: a save holds its mark until it commits; the refresh clears the other
    marks and leaves that one (waiting for it could deadlock with the save's next flush),
    so the kind stays stale. A failed refresh marks again only what it cleared."""
    _postgresql_only()
    groups.refresh()
    peri = hub["peri"].id
    hub["cases"]["taper-1"].question = "Which taper schedule?"
    hub["cases"]["pregnancy"].question = "Can we split her methadone dose?"
    db.session.commit()
    assert _marked() == {(GroupKind.QUESTIONS, groups.PUBLIC), (GroupKind.QUESTIONS, peri)}

    def fails(_progress):
        raise RuntimeError("out of memory")

    monkeypatch.setitem(groups.COMPUTE, GroupKind.QUESTIONS, fails)
    with OrmSession(db.engine) as save:
        save.get(Case, hub["cases"]["peri-taper"].id).question = "How slow a taper?"
        save.flush()
        groups._write_marks(save)  # its commit begins: it holds the private program's mark
        lease = groups._take_lease(GroupKind.QUESTIONS, 7)
        assert lease is not None and lease.cleared == {groups.PUBLIC}
        assert _marked() == {(GroupKind.QUESTIONS, peri)}
        groups._release(GroupKind.QUESTIONS, lease, refreshed=True)
        db.session.commit()
        assert groups.is_stale(GroupKind.QUESTIONS)
        # A failed refresh puts back the public mark it cleared; the held one stayed.
        hub["cases"]["taper-1"].question = "A taper schedule?"
        db.session.commit()
        with pytest.raises(RuntimeError):
            groups.refresh([GroupKind.QUESTIONS])
        save.commit()
    db.session.expire_all()
    assert _marked() == {(GroupKind.QUESTIONS, groups.PUBLIC), (GroupKind.QUESTIONS, peri)}
    assert groups.is_stale(GroupKind.QUESTIONS)


def test_saves_marking_the_same_new_audiences_in_opposite_order_never_wait(hub, lock_timeout):
    """PostgreSQL: a transaction's marks are written when it commits, in order; written
    per flush, two saves inserting the same new marks in opposite order would wait on each
    other's uncommitted rows (a deadlock, one user's save failing)."""
    _postgresql_only()
    groups.refresh()
    cases = hub["cases"]
    with OrmSession(db.engine) as first, OrmSession(db.engine) as second:
        first.get(Case, cases["taper-1"].id).question = "Which taper schedule?"
        first.flush()  # the public audience
        second.get(Case, cases["peri-taper"].id).question = "How slow a taper?"
        second.flush()  # the private program's
        first.get(Case, cases["pregnancy"].id).question = "Or a split dose?"
        first.flush()  # the private program's
        second.get(Case, cases["chronic-pain"].id).question = "How fast a taper?"
        second.flush()  # the public audience
        first.commit()
        second.commit()
    db.session.expire_all()
    assert _marked() == {
        (GroupKind.QUESTIONS, groups.PUBLIC),
        (GroupKind.QUESTIONS, hub["peri"].id),
    }


def _taper_group_seen_in_part(hub) -> figures.Scope:
    """The tapering questions grouped three together (February, May, August); a scope from
    April sees two of them."""
    moved = hub["cases"]["chronic-pain"]
    moved.title = "Oxycodone taper after years of use"
    moved.question = "How fast should we taper her oxycodone?"
    moved.topics = resolve_topics(["Chronic pain", "Opioid tapering"])
    db.session.commit()
    groups.refresh()
    return figures.make_scope(SYSTEM, start=date(2026, 4, 1), end=END)


def _kept_terms() -> dict[int, dict[str, int] | None]:
    return dict(
        db.session.execute(select(QuestionGroupMember.case_id, QuestionGroupMember.terms)).all()
    )


def test_a_question_group_seen_in_part_is_described_without_analysing_its_texts(hub, monkeypatch):
    scope = _taper_group_seen_in_part(hub)
    taper = {hub["cases"]["taper-1"].id, hub["cases"]["taper-2"].id}
    everyone = _kept_terms()
    assert everyone and all(everyone.values())  # the refresh kept every member's terms

    def analysed(*_args, **_kwargs):
        raise AssertionError("a question analysed on reading")

    monkeypatch.setattr(groups, "question_terms", analysed)
    found = figures.recurring_questions(SYSTEM, scope)
    [seen] = [g for g in found if {c.id for c in g.cases} == taper]
    monkeypatch.undo()
    # The figures are those of the two texts analysed as they are now.
    group_id = db.session.scalar(
        select(QuestionGroupMember.group_id).where(QuestionGroupMember.case_id.in_(taper))
    )
    [(cohesion, central)] = groups._describe_texts(
        GroupKind.QUESTIONS, {group_id: sorted(taper)}
    ).values()
    # Bit for bit: the kept terms are weighed in the order the refresh analysed them.
    assert seen.cohesion == cohesion
    assert seen.typical.id == max(sorted(taper), key=lambda i: (central[i], -i))
    described = groups.describe_members(GroupKind.QUESTIONS, {group_id: sorted(taper)})
    assert described == {group_id: (cohesion, central)}


def test_only_the_kept_terms_of_the_members_seen_are_read(hub, monkeypatch):
    """A large group seen in part (a year of ten) reads the terms of the members seen, not
    those of every member."""
    scope = _taper_group_seen_in_part(hub)
    kept = _kept_terms()
    hidden, seen = kept[hub["cases"]["chronic-pain"].id], kept[hub["cases"]["taper-1"].id]
    assert hidden and seen and hidden != seen
    read: list[dict[str, int]] = []

    class Recorded(Counter):
        def __init__(self, terms=None, **kwargs):
            read.append(dict(terms or {}))
            super().__init__(terms, **kwargs)

    monkeypatch.setattr(groups, "Counter", Recorded)
    figures.recurring_questions(SYSTEM, scope)
    assert seen in read
    assert hidden not in read


def test_kept_terms_are_those_of_the_last_refresh_and_stand_for_the_texts(hub):
    scope = _taper_group_seen_in_part(hub)
    taper_1 = hub["cases"]["taper-1"]
    before = _kept_terms()[taper_1.id]

    # A save leaves them (the refresh replaces every member row and never waits for one);
    # the next refresh keeps the new text's.
    taper_1.question = "How fast should we taper oxycodone after ten years of codeine?"
    db.session.commit()
    assert _kept_terms()[taper_1.id] == before
    groups.refresh()
    assert _kept_terms()[taper_1.id] != before
    assert all(_kept_terms().values())

    # Without kept terms the figures come from the texts, as with them.
    groups.refresh()
    with_terms = figures.recurring_questions(SYSTEM, scope)
    db.session.execute(sa_update(QuestionGroupMember).values(terms=None))
    without = figures.recurring_questions(SYSTEM, scope)
    assert [(_ids(g), g.cohesion, g.typical.id) for g in with_terms] == [
        (_ids(g), g.cohesion, g.typical.id) for g in without
    ]
    assert {taper_1.id, hub["cases"]["taper-2"].id} in [set(_ids(g)) for g in with_terms]


def _ids(group) -> list[int]:
    return [c.id for c in group.cases]


def test_groups_described_together_get_the_figures_each_gets_alone():
    """`describe_each` is `describe(vectorise(bags))` of each group, bit for bit (the most
    typical of two is often decided by the last bit)."""
    concept = "\x00concept:"  # any prefix but the analyzer's is a plain word
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(40)] + [
        f"{grouping.CONCEPT_PREFIX}topic-t{i}" for i in range(8)
    ]
    groups_of_bags = []
    for size in [2, 3, 1, 5, 2, 8, 4, 2]:
        bags = []
        for _ in range(size):
            picked = rng.choice(len(words), size=int(rng.integers(0, 9)), replace=False)
            bags.append(Counter({words[i]: int(rng.integers(1, 4)) for i in picked}))
        groups_of_bags.append(bags)
    groups_of_bags.append([Counter(), Counter()])  # nothing to weigh
    groups_of_bags.append([Counter({concept + "x": 1}), Counter({"w1": 2})])
    alone = []
    for bags in groups_of_bags:
        described = grouping.describe(grouping.vectorise(bags), [list(range(len(bags)))])
        alone.append((described.cohesions[0], described.centralities[0]))
    assert grouping.describe_each(groups_of_bags) == alone
    assert grouping.describe_each([[Counter(), Counter()]]) == [(0.0, [0.0, 0.0])]
