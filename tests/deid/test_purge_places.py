"""Places a purge reaches outside the case's own items: the proposed topics typed into it,
the saved searches holding the text and the presenter of a session it was on. Each loses
the text's whole words, as the hub's other texts do."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.audit.operations import trail
from app.cases.models import CasePresentation
from app.common import slugify
from app.deid.purge import REDACTED, purge_text
from app.extensions import db
from app.notifications.models import Notification
from app.programs.models import Session, Topic, TopicStatus, TopicTerm
from app.programs.operations import topic_slug_candidates
from app.search import apply_pending, reindex
from app.teaching.models import SavedSearch
from app.teaching.operations import normalise_query
from tests.conftest import page_as
from tests.deid import test_purge
from tests.deid.test_purge import SECRET, _files_holding

planted = test_purge.planted  # the fixture


def _topic(name: str, status: TopicStatus) -> Topic:
    topic = Topic(name=name, slug=slugify(name), status=status)
    db.session.add(topic)
    db.session.flush()
    return topic


def test_a_proposed_topic_typed_into_the_case_loses_the_words(app, make_user, planted) -> None:
    """Its name, synonyms, the keys it is looked up by and its slug (which spells the text
    too) change; a name an earlier purge left is not taken twice; an accepted topic of the
    vocabulary is left."""
    case, _ = planted
    typed = _topic(f"{SECRET} clinic", TopicStatus.PROPOSED)
    typed.synonyms = [f"{SECRET} Annual clinic"]
    _topic(f"{REDACTED} clinic", TopicStatus.PROPOSED)  # what an earlier purge left
    vocabulary = _topic(f"{SECRET} registry", TopicStatus.ACCEPTED)
    case.topics = [typed, vocabulary]
    db.session.commit()
    apply_pending()
    old_slug = typed.slug
    assert "quorvexil" in old_slug

    admin = make_user("admin")
    result = purge_text(case, SECRET, reason="identifier", actor=admin)
    assert {"topics.name", "topics.synonyms"} <= set(result.places)
    assert {"topics", "topic_terms"} <= result.tables
    db.session.expire_all()
    assert typed.name == f"{REDACTED} clinic (2)"
    assert typed.synonyms == [f"{REDACTED} Annual clinic"]
    assert typed.slug == next(topic_slug_candidates(typed.name))
    assert typed.slug.startswith("redacted-clinic-2-")
    keys = db.session.scalars(select(TopicTerm.term_key).where(TopicTerm.topic_id == typed.id))
    assert [k for k in keys if "quorvexil" in k] == []
    assert vocabulary.name == f"{SECRET} registry"
    page = page_as(app, admin, f"/cases/{case.id}").get_data(as_text=True)
    assert f"{REDACTED} clinic (2)" in page
    assert SECRET not in page.replace(f"{SECRET} registry", "")


def test_a_proposed_topic_the_purge_renames_has_it_in_its_own_trail(
    app, make_user, planted
) -> None:
    """The topic's history says the purge rewrote it (which fields, why, by whom), never
    its old name or slug; a topic the purge left has no such event."""
    case, _ = planted
    typed = _topic(f"{SECRET} clinic", TopicStatus.PROPOSED)
    typed.synonyms = [f"{SECRET} Annual clinic"]
    described = _topic("Hepatology clinic", TopicStatus.PROPOSED)
    described.description = f"Where {SECRET} is seen."
    vocabulary = _topic(f"{SECRET} registry", TopicStatus.ACCEPTED)
    case.topics = [typed, described, vocabulary]
    db.session.commit()
    old_slug = typed.slug

    admin = make_user("admin")
    purge_text(case, SECRET, reason="identifier", actor=admin)
    events = {
        t.id: [(e.action, e.actor_id, e.details) for e in trail("topics", t.id)]
        for t in (typed, described, vocabulary)
    }
    fields = {"reason": "identifier"}
    assert events == {
        typed.id: [("topic.text_purged", admin.id, {**fields, "fields": "name,slug,synonyms"})],
        described.id: [("topic.text_purged", admin.id, {**fields, "fields": "description"})],
        vocabulary.id: [],
    }
    page = page_as(app, admin, f"/audit/topic/{typed.id}").get_data(as_text=True)
    assert "topic.text_purged" in page
    assert SECRET not in page and old_slug not in page


def test_a_notice_told_without_a_successor_loses_the_words_too(make_user, planted) -> None:
    """A notice of superseded advice keeps a form naming the practice without its successor:
    a practice title quoting the text is scrubbed there as in the message."""
    case, _ = planted
    title = f"Ask {SECRET} about HBV"
    notice = Notification(
        user_id=make_user("expert", programs=["hcv"]).id,
        kind="advice.outdated",
        message=f"1 recommendation in X may be outdated: the best practice “{title}” was"
        " superseded by “Screen annually”.",
        partial_message=f"1 recommendation in X may be outdated: the best practice “{title}”"
        " was superseded.",
        unnamed_message="A best practice you cannot see was superseded.",
        url="/outdated",
    )
    db.session.add(notice)
    db.session.commit()
    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert "notifications.partial_message" in result.places
    db.session.expire_all()
    assert SECRET not in notice.message + notice.partial_message
    assert f"“Ask {REDACTED} about HBV” was superseded." in notice.partial_message


def test_saved_searches_holding_the_text_lose_its_words(app, make_user, planted) -> None:
    """Anyone's saved search: its name and each parameter of its query lose the text's
    whole words (the query is kept URL-encoded: "Quorvexil-4471+clinic"); its filter on a
    proposed topic the purge renamed follows the new slug. A search for a longer word
    holding the text is left."""
    case, _ = planted
    purged = f"{SECRET} clinic"  # in the case's question
    typed = _topic(purged, TopicStatus.PROPOSED)
    case.topics = [typed]
    owner = make_user("provider", programs=["hcv"])
    words = SavedSearch(
        owner_id=owner.id,
        name=f"Patients like {purged}",
        query=normalise_query(f"q=seen at {purged}&type=case"),
    )
    filtered = SavedSearch(
        owner_id=owner.id, name="By clinic", query=normalise_query(f"topic={typed.slug}")
    )
    longer = SavedSearch(owner_id=owner.id, name="Other", query=normalise_query(f"q={purged}s"))
    db.session.add_all([words, filtered, longer])
    db.session.commit()
    assert purged not in words.query
    old_slug = typed.slug

    result = purge_text(case, purged, reason="identifier", actor=make_user("admin"))
    assert {"saved_searches.name", "saved_searches.query"} <= set(result.places)
    assert "saved_searches" in result.tables
    db.session.expire_all()
    assert words.name == f"Patients like {REDACTED}"
    assert words.query == normalise_query(f"q=seen at {REDACTED}&type=case")
    assert typed.name == REDACTED and typed.slug == next(topic_slug_candidates(REDACTED))
    assert typed.slug.startswith("redacted-") and old_slug != typed.slug
    assert filtered.query == f"topic={typed.slug}"
    assert longer.query == normalise_query(f"q={purged}s")
    page = page_as(app, owner, "/my/searches").get_data(as_text=True)
    assert f"Patients like {REDACTED}" in page and f"seen at {REDACTED}" in page
    assert SECRET not in page.replace(f"{SECRET}+clinics", "").replace(f"{purged}s", "")
    assert old_slug not in page


def _session(case, number: int, presenter: str, *, on_agenda: bool) -> Session:
    session = Session(
        program=case.program,
        number=number,
        date=date(2026, 3, number),
        title="Hepatitis C clinic",
        didactic_topic="DAA regimens",
        didactic_presenter=presenter,
    )
    db.session.add(session)
    if on_agenda:
        db.session.add(CasePresentation(case=case, session=session, presented=True))
    db.session.flush()
    return session


def test_the_presenter_of_a_session_the_case_was_on_loses_the_words(
    app, make_user, planted
) -> None:
    """A free text of the session, which may name the patient: whole words only, as the
    session's other texts (the presenter's own name "Annabel" keeps its "Ann")."""
    case, _ = planted
    on = _session(case, 1, f"Dr Annabel Roy, with {SECRET}", on_agenda=True)
    off = _session(case, 2, f"Dr Roy, with {SECRET}", on_agenda=False)
    db.session.commit()
    apply_pending()

    admin = make_user("admin")
    result = purge_text(case, SECRET, reason="identifier", actor=admin)
    assert "sessions.didactic_presenter" in result.places
    db.session.expire_all()
    assert on.didactic_presenter == f"Dr Annabel Roy, with {REDACTED}"
    assert off.didactic_presenter == f"Dr Roy, with {SECRET}"
    page = page_as(app, admin, "/programs/hcv/sessions/1").get_data(as_text=True)
    assert "Dr Annabel Roy, with" in page and SECRET not in page


def test_two_proposed_topics_whose_new_names_share_a_slug_get_one_each(
    app, make_user, planted
) -> None:
    """Quorvexil-4471 and "Quorvexil-4471." both become names slugged "redacted": each is
    given its own slug, and the purge goes through."""
    case, _ = planted
    first = _topic(SECRET, TopicStatus.PROPOSED)
    second = Topic(name=f"{SECRET}.", slug=f"{first.slug}-2", status=TopicStatus.PROPOSED)
    db.session.add(second)
    db.session.flush()
    owner = make_user("provider", programs=["hcv"])
    filtered = SavedSearch(
        owner_id=owner.id, name="By clinic", query=normalise_query(f"topic={second.slug}")
    )
    db.session.add(filtered)
    case.topics = [first, second]
    db.session.commit()

    purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    db.session.expire_all()
    assert (first.name, second.name) == (REDACTED, f"{REDACTED}.")
    assert first.slug != second.slug
    assert first.slug.startswith("redacted-") and second.slug.startswith("redacted-")
    assert filtered.query == f"topic={second.slug}"
    assert "quorvexil" not in first.slug + second.slug


def test_a_proposed_topic_typed_into_the_case_leaves_the_search_index(
    app, make_user, planted
) -> None:
    """The index's schema carries every topic's name and synonyms (its synonym table), in
    each generation's table of contents: merging kept the old name there."""
    case, _ = planted
    typed = _topic(f"{SECRET} clinic", TopicStatus.PROPOSED)
    typed.synonyms = [f"{SECRET} annex"]
    case.topics = [typed]
    db.session.commit()
    apply_pending()
    reindex()
    index_dir = Path(app.config["CASEBOOK_INDEX_DIR"])
    assert _files_holding(index_dir, SECRET)

    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert result.index_clean
    assert _files_holding(index_dir, SECRET) == []
