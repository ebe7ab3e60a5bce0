"""Review comments and outcomes are text under a case: their writers hold the case's row in
share mode before writing (app/cases/locking.py), so a purge of that case waits for them and
then scrubs what they wrote (PostgreSQL; SQLite's writers take turns anyway)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, select

from app.auth.models import User
from app.cases import lifecycle
from app.cases.models import Case, CaseStatus, ReviewComment
from app.extensions import db
from app.recommendations import operations as rec_ops
from app.recommendations.models import Outcome, Recommendation
from tests.deid import test_purge
from tests.deid.test_purge import SECRET
from tests.support.builders import add_case
from tests.support.purging import Pause, purge_while_writing

planted = test_purge.planted  # the fixture


@pytest.fixture
def on_postgresql(database_server) -> None:
    if database_server is None:
        pytest.skip("SQLite takes no row locks: its writers take turns")


@contextmanager
def statements_seen() -> Iterator[list[str]]:
    seen: list[str] = []

    def listen(conn, cursor, statement, *args) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)


def _held_before(statements: list[str], written: str) -> list[str]:
    """The case-row locks taken before the first statement starting with `written`."""
    first = next(i for i, s in enumerate(statements) if s.startswith(written))
    return [
        s for s in statements[:first] if s.startswith("SELECT cases.id") and "FOR KEY SHARE" in s
    ]


def test_returning_a_case_holds_it_before_writing_the_comment(
    on_postgresql, planted, make_user, monkeypatch
) -> None:
    case, _ = planted
    in_review = add_case(case.program, case.presenter, "In review", status="submitted")
    coordinator = make_user("coordinator", programs=["hcv"])
    db.session.commit()
    monkeypatch.setattr(lifecycle, "guard", lambda texts, accepted, **_: [])
    with statements_seen() as statements:
        lifecycle.return_case(in_review, "Shorten the history, please.", actor=coordinator)
        db.session.commit()
    assert _held_before(statements, "INSERT INTO review_comments")


def test_recording_an_outcome_holds_both_cases_before_writing_it(
    on_postgresql, planted, make_user, monkeypatch
) -> None:
    """The note is scrubbed by a purge of the follow-up and by one of the case it follows."""
    case, recommendation = planted
    follow_up = add_case(case.program, case.presenter, "Follow-up", follows=case)
    db.session.commit()
    monkeypatch.setattr(rec_ops, "guard", lambda texts, accepted, **_: [])
    with statements_seen() as statements:
        rec_ops.record_outcome(
            follow_up, recommendation, "adopted", "improved", note="SVR12.", actor=case.presenter
        )
        db.session.commit()
    [held] = _held_before(statements, "INSERT INTO outcomes")
    assert "IN (" in held and "ORDER BY cases.id" in held  # both, in one statement


def test_an_outcome_recorded_while_the_case_is_purged_is_purged_too(
    app, on_postgresql, planted, make_user, monkeypatch
) -> None:
    """The outcome quoting the span is written on the follow-up while the earlier case is
    purged: the purge must wait for it and scrub its note."""
    case, recommendation = planted
    follow_up = add_case(case.program, case.presenter, "Follow-up", follows=case)
    make_user("admin")
    ids = (follow_up.id, recommendation.id, case.presenter_id)
    monkeypatch.setattr(rec_ops, "guard", lambda texts, accepted, **_: [])
    pause, recorded = Pause(), rec_ops.record

    def paused_after_writing(actor, action, *args, **kwargs):
        answer = recorded(actor, action, *args, **kwargs)
        if action == "outcome.recorded":
            pause.here()
        return answer

    monkeypatch.setattr(rec_ops, "record", paused_after_writing)

    def write() -> None:
        rec_ops.record_outcome(
            db.session.get(Case, ids[0]),
            db.session.get(Recommendation, ids[1]),
            "adopted",
            "improved",
            note=f"{SECRET} did well.",
            actor=db.session.get(User, ids[2]),
        )

    assert purge_while_writing(app, pause, write, case.id, SECRET) == []
    notes = db.session.scalars(select(Outcome.note).where(Outcome.case_id == ids[0])).all()
    assert len(notes) == 1 and SECRET not in notes[0]


def test_a_review_comment_written_while_the_case_is_purged_is_purged_too(
    app, on_postgresql, planted, make_user, monkeypatch
) -> None:
    case, _ = planted
    in_review = add_case(
        case.program,
        case.presenter,
        "In review",
        status=CaseStatus.SUBMITTED,
        question=f"Seen at {SECRET}: which regimen?",
    )
    coordinator_id = make_user("coordinator", programs=["hcv"]).id
    make_user("admin")
    case_id = in_review.id
    monkeypatch.setattr(lifecycle, "guard", lambda texts, accepted, **_: [])
    pause, notified = Pause(), lifecycle.notify

    def paused_after_writing(*args, **kwargs):
        notified(*args, **kwargs)
        pause.here()

    monkeypatch.setattr(lifecycle, "notify", paused_after_writing)

    def write() -> None:
        lifecycle.return_case(
            db.session.get(Case, case_id),
            f"Remove {SECRET}, please.",
            actor=db.session.get(User, coordinator_id),
        )

    assert purge_while_writing(app, pause, write, case_id, SECRET) == []
    bodies = db.session.scalars(
        select(ReviewComment.body).where(ReviewComment.case_id == case_id)
    ).all()
    assert len(bodies) == 1 and SECRET not in bodies[0]


def _practice():
    from app.practices.models import BestPractice

    practice = BestPractice(title="Check HBV first", statement="Check HBsAg before DAAs.")
    db.session.add(practice)
    db.session.commit()
    return practice


def test_recording_a_dissent_holds_the_case_before_writing_it(
    on_postgresql, planted, monkeypatch
) -> None:
    """A dissent's reason is scrubbed by a purge of the recommendation's case."""
    from app.practices import operations as practice_ops

    _, recommendation = planted
    practice = _practice()
    monkeypatch.setattr(practice_ops, "guard", lambda texts, accepted, **_: [])
    with statements_seen() as statements:
        practice_ops.record_dissent(
            recommendation, practice, "Not in pregnancy.", actor=recommendation.author
        )
        db.session.commit()
    assert _held_before(statements, "INSERT INTO recommendation_dissents")


def test_resolving_outdated_advice_with_a_note_holds_the_case_before_writing_it(
    on_postgresql, planted, monkeypatch
) -> None:
    """An outdated-advice note is scrubbed by a purge of the recommendation's case."""
    from app.outdated import operations as outdated_ops
    from app.outdated.models import OutdatedAdvice

    _, recommendation = planted
    item = OutdatedAdvice(
        recommendation=recommendation,
        practice=_practice(),
        change="retired",
        because="cites",
        note="",
    )
    db.session.add(item)
    db.session.commit()
    monkeypatch.setattr(outdated_ops, "guard", lambda texts, accepted, **_: [])
    with statements_seen() as statements:
        outdated_ops.resolve_outdated(
            item, "still_valid", note="Still right here.", actor=recommendation.author
        )
        db.session.commit()
    assert _held_before(statements, "UPDATE outdated_advice")
