"""An evidence note citing the case (or one of its recommendations, or a session it was on)
and a best practice drawn from the case are what users wrote about the case elsewhere: a
purge scrubs them with the case, as it does a dissent's reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app.cases.models import Case, CasePresentation
from app.deid.purge import REDACTED, purge_text
from app.extensions import db
from app.practices.models import (
    BestPractice,
    BestPracticeVersion,
    EvidenceLink,
    PracticeStatus,
)
from app.programs.models import Session
from app.search import apply_pending
from app.search.models import SearchOutbox
from tests.deid.test_purge import SECRET, _files_holding, planted  # noqa: F401 - the fixture
from tests.support.builders import add_case


def test_evidence_notes_citing_the_case_or_its_advice_are_purged_too(
    make_user,
    planted,  # noqa: F811
) -> None:
    case, recommendation = planted
    practice = BestPractice(title="Check HBV first", statement="Check HBsAg.")
    db.session.add(practice)
    db.session.flush()
    on_case = EvidenceLink(practice=practice, case=case, note=f"As {SECRET} showed.")
    on_advice = EvidenceLink(
        practice=practice, recommendation=recommendation, note=f"{SECRET} again."
    )
    db.session.add_all([on_case, on_advice])
    db.session.commit()
    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert "evidence_links.note" in result.places
    db.session.expire_all()
    assert on_case.note == f"As {REDACTED} showed."
    assert on_advice.note == f"{REDACTED} again."


def _session(case: Case, number: int, *, on_agenda: bool) -> Session:
    session = Session(program=case.program, number=number, date=date(2026, 3, number), title="S")
    db.session.add(session)
    if on_agenda:
        db.session.add(CasePresentation(case=case, session=session, presented=True))
    db.session.flush()
    return session


def test_an_evidence_note_on_a_session_the_case_was_on_is_purged_and_unindexed(
    app,
    make_user,
    planted,  # noqa: F811
) -> None:
    case, _ = planted
    practice = BestPractice(title="Check HBV first", statement="Check HBsAg.")
    db.session.add(practice)
    db.session.flush()
    link = EvidenceLink(
        practice=practice,
        session=_session(case, 1, on_agenda=True),
        note=f"Discussed {SECRET} here.",
    )
    db.session.add(link)
    db.session.commit()
    apply_pending()
    index_dir = Path(app.config["CASEBOOK_INDEX_DIR"])

    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert "evidence_links.note" in result.places
    assert result.index_clean
    db.session.expire_all()
    assert link.note == f"Discussed {REDACTED} here."
    assert _files_holding(index_dir, SECRET) == []  # the note's own document is rebuilt


def test_a_note_on_a_session_the_case_was_not_on_is_left(make_user, planted) -> None:  # noqa: F811
    case, _ = planted
    practice = BestPractice(title="Check HBV first", statement="Check HBsAg.")
    db.session.add(practice)
    db.session.flush()
    elsewhere = EvidenceLink(
        practice=practice, session=_session(case, 2, on_agenda=False), note=f"{SECRET} too."
    )
    db.session.add(elsewhere)
    db.session.commit()
    purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    db.session.expire_all()
    assert elsewhere.note == f"{SECRET} too."


def test_a_best_practice_drawn_from_the_case_is_purged_with_its_versions(
    app,
    make_user,
    planted,  # noqa: F811
) -> None:
    """Its evidence cites the case's advice: its title, statement and every kept version's
    title, statement and reason are scrubbed; a practice drawn from another case is not."""
    case, recommendation = planted
    drawn = BestPractice(title=f"Ask {SECRET} first", statement=f"As {SECRET} said.")
    drawn.versions.append(
        BestPracticeVersion(
            version=1,
            title=f"Ask {SECRET}",
            statement=f"{SECRET} said so.",
            status=PracticeStatus.PROPOSED,
            reason=f"From {SECRET}'s case.",
        )
    )
    other_case = add_case(case.program, None, title="Another case")
    other = BestPractice(title="Other", statement=f"Unrelated {SECRET}.")
    db.session.add_all([drawn, other])
    db.session.flush()
    db.session.add_all(
        [
            EvidenceLink(practice=drawn, recommendation=recommendation),
            EvidenceLink(practice=other, case=other_case),
        ]
    )
    db.session.commit()
    apply_pending()
    queued = select(func.count()).where(
        SearchOutbox.entity_type == "practice", SearchOutbox.entity_id == drawn.id
    )
    before = db.session.scalar(queued)

    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert db.session.scalar(queued) == before + 1  # its document is rebuilt
    for place in (
        "best_practices.title",
        "best_practices.statement",
        "best_practice_versions.title",
        "best_practice_versions.statement",
        "best_practice_versions.reason",
    ):
        assert place in result.places
    db.session.expire_all()
    assert (drawn.title, drawn.statement) == (f"Ask {REDACTED} first", f"As {REDACTED} said.")
    version = drawn.versions[0]
    assert (version.title, version.statement, version.reason) == (
        f"Ask {REDACTED}",
        f"{REDACTED} said so.",
        f"From {REDACTED}'s case.",
    )
    assert other.statement == f"Unrelated {SECRET}."


def test_a_purge_leaves_no_stem_of_the_text_in_the_claim_terms(
    make_user,
    planted,  # noqa: F811
) -> None:
    from app.practices.models import RecommendationTerm

    case, recommendation = planted
    recommendation.body = f"Check {SECRET} serologies before every start."
    db.session.commit()

    def stems() -> list[str]:
        return list(
            db.session.scalars(
                select(RecommendationTerm.stem).where(
                    RecommendationTerm.recommendation_id == recommendation.id
                )
            )
        )

    assert any("quorvexil" in stem for stem in stems())
    purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    db.session.expire_all()
    assert stems() and not any("quorvexil" in stem for stem in stems())


def test_the_hubs_own_texts_lose_only_whole_words(make_user, planted) -> None:  # noqa: F811
    """A session's notes and a practice drawn from the case are the hub's too: purging the
    name "Ann" takes "Ann" there, never the "Ann" of "Annual" or "Annotated"."""
    case, recommendation = planted
    case.question = "Patient Ann asked about 12 weeks."
    drawn = BestPractice(title="Annual HCV screening", statement="Screen annually; Ann agreed.")
    unrelated = BestPractice(title="Check HBV first", statement="Check HBsAg.")
    db.session.add_all([drawn, unrelated])
    db.session.flush()
    note = EvidenceLink(
        practice=unrelated, session=_session(case, 3, on_agenda=True), note="Annotated by Ann."
    )
    db.session.add_all([EvidenceLink(practice=drawn, recommendation=recommendation), note])
    db.session.commit()

    purge_text(case, "Ann", reason="identifier", actor=make_user("admin"))
    db.session.expire_all()
    assert case.question == f"Patient {REDACTED} asked about 12 weeks."
    assert drawn.title == "Annual HCV screening"
    assert drawn.statement == f"Screen annually; {REDACTED} agreed."
    assert note.note == f"Annotated by {REDACTED}."


def test_the_claim_stems_table_is_rewritten_on_disk_with_the_recommendation(
    make_user,
    planted,  # noqa: F811
) -> None:
    """The stems of a purged body are rewritten by the ORM; on PostgreSQL the old rows' bytes
    stay until the table itself is rewritten, so it is among the tables the purge vacuums."""
    case, recommendation = planted
    recommendation.body = f"Check {SECRET} serologies before every start."
    db.session.commit()
    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert {"recommendations", "recommendation_terms"} <= result.tables


def test_endorsement_notes_on_a_practice_drawn_from_the_case_are_purged(
    make_user,
    planted,  # noqa: F811
) -> None:
    """A note written when endorsing (or dissenting from) a practice drawn from the case can
    quote the case: it loses the text's whole words, as the practice does."""
    from app.practices.models import PracticeEndorsement, Stance

    case, recommendation = planted
    drawn = BestPractice(title="Check HBV first", statement="Check HBsAg.")
    db.session.add(drawn)
    db.session.flush()
    db.session.add(EvidenceLink(practice=drawn, recommendation=recommendation))
    endorsement = PracticeEndorsement(
        practice=drawn,
        expert=make_user("expert"),
        stance=Stance.ENDORSE,
        note=f"As in {SECRET}'s case; Annual review.",
    )
    db.session.add(endorsement)
    db.session.commit()

    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert "practice_endorsements.note" in result.places
    db.session.expire_all()
    assert endorsement.note == f"As in {REDACTED}'s case; Annual review."


def test_a_practice_drawn_from_a_session_the_case_was_on_loses_the_words(
    make_user,
    planted,  # noqa: F811
) -> None:
    """Drawn from a session where the case was discussed, its title, statement, versions,
    endorsement notes and other evidence notes lose the text's whole words; the session's own
    title and notes too. A practice drawn from a session the case was not on is left."""
    from app.practices.models import PracticeEndorsement, Stance

    case, _ = planted
    session = _session(case, 4, on_agenda=True)
    session.title = f"Case of {SECRET}"
    session.notes = f"{SECRET} discussed; Annual plan."
    drawn = BestPractice(title=f"Ask {SECRET} first", statement=f"As {SECRET} said.")
    drawn.versions.append(
        BestPracticeVersion(
            version=1,
            title=f"Ask {SECRET} first",
            statement=f"As {SECRET} said.",
            status=PracticeStatus.PROPOSED,
            reason=f"From {SECRET}.",
        )
    )
    elsewhere = BestPractice(title=f"Ask {SECRET} later", statement="Other.")
    db.session.add_all([drawn, elsewhere])
    db.session.flush()
    other_case = add_case(case.program, None, title="Another case")
    expert = make_user("expert")
    not_on_agenda = _session(case, 5, on_agenda=False)
    other_link = EvidenceLink(practice=drawn, case=other_case, note=f"Like {SECRET}.")
    stance = PracticeEndorsement(
        practice=drawn, expert=expert, stance=Stance.DISSENT, note=f"Not {SECRET}."
    )
    db.session.add_all(
        [
            EvidenceLink(practice=drawn, session=session),
            EvidenceLink(practice=elsewhere, session=not_on_agenda),
            other_link,
            stance,
        ]
    )
    db.session.commit()

    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    for place in ("best_practices.title", "sessions.title", "sessions.notes"):
        assert place in result.places
    db.session.expire_all()
    assert (drawn.title, drawn.statement) == (f"Ask {REDACTED} first", f"As {REDACTED} said.")
    version = drawn.versions[0]
    assert (version.title, version.reason) == (f"Ask {REDACTED} first", f"From {REDACTED}.")
    assert other_link.note == f"Like {REDACTED}."
    assert stance.note == f"Not {REDACTED}."
    assert (session.title, session.notes) == (
        f"Case of {REDACTED}",
        f"{REDACTED} discussed; Annual plan.",
    )
    assert elsewhere.title == f"Ask {SECRET} later"


def test_a_purge_leaves_no_stem_of_the_text_in_the_question_groups(
    make_user,
    planted,  # noqa: F811
) -> None:
    """A question group keeps its members' analysed questions: a purge empties the purged
    case's, and on PostgreSQL the table is among those rewritten on disk."""
    from app.practices import groups
    from app.practices.models import QuestionGroupMember

    case, _recommendation = planted
    add_case(case.program, case.presenter, title=case.title, question="Is 12 weeks enough?")
    db.session.commit()
    groups.refresh()

    def kept() -> str:
        return str(list(db.session.scalars(select(QuestionGroupMember.terms))))

    assert "quorvexil" in kept()
    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    db.session.expire_all()
    assert "quorvexil" not in kept()
    assert "question_group_members" in result.tables
